"""The report's deeper-analysis section on a tiny client with paid flags, audience and video."""

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from smanalysis import Profile
from smanalysis import reporting as rp
from smanalysis.reporting.config import parse_period
from smanalysis.reporting.sections import EvaluationContext
from smanalysis.schema import conform, empty


def _ctx(lang):
    profile = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                                 "own_accounts": {"instagram": "kopisenja.id"},
                                 "audience": {"age_min": 18, "age_max": 24}})
    n = 12
    # 6 organic posts reach 100, 6 boosted reach 400; all reels; hashtags #kopisenja on all, #promo on boosted
    posts = conform(pd.DataFrame({
        "post_id": [f"p{i}" for i in range(n)], "platform": "instagram", "account": "kopisenja.id",
        "created_at": pd.date_range("2026-10-01 05:00", periods=n, freq="2D", tz="UTC"), "format": "reel",
        "hashtags": ["#kopisenja"] * 6 + ["#kopisenja #promo"] * 6,
        "likes": [5.0] * 6 + [12.0] * 6, "comments": 0.0, "shares": 0.0, "saves": 0.0,
        "reach": [100.0] * 6 + [400.0] * 6}), "posts").assign(paid=[False] * 6 + [True] * 6)
    audience = pd.DataFrame({"platform": "instagram", "account": "kopisenja.id", "dimension": "age",
                             "segment": ["18-24", "25-34"], "share": [0.7, 0.3]})
    video = pd.DataFrame({"post_id": [f"p{i}" for i in range(n)], "platform": "instagram", "account": "kopisenja.id",
                          "views": 100.0, "watch_time_s": 800.0, "retention": 0.4})
    ds = SimpleNamespace(posts=posts, comments=empty("comments"), mentions=empty("mentions"),
                         interactions=empty("interactions"), followers=empty("followers"),
                         content_plan=empty("content_plan"), audience=audience, video=video)
    return EvaluationContext(profile=profile, data=ds, settings={"client": "Kopi Senja", "slug": "k"}, lang=lang,
                             period=parse_period("2026-10"), previous=parse_period("2026-09"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_analysis_section_shows_paid_hashtags_audience_video(lang):
    ctx = _ctx(lang)
    sec = rp.analysis_section(ctx)
    assert ctx.problems == []
    text = sec.markdown()
    heads = {"id": ["Berbayar vs organik", "Tagar sendiri", "Audiens terukur vs target", "Video: waktu tonton"],
             "en": ["Paid vs organic", "Own hashtags", "Measured audience vs target", "Video: watch time"]}[lang]
    assert all(h in text for h in heads)
    split, effect = rp.paid_tables(ctx)
    # boosted posts reach 400 vs 100 organic: +300 per boosted post, every resample the same
    r = effect.set_index("metric").loc["reach"]
    assert r["extra_per_boosted_post"] == pytest.approx(300.0) and r["ci_low"] == pytest.approx(300.0)
    assert ("bought more reach" if lang == "en" else "boost menambah") in text
    aud = rp.audience_table(ctx)
    assert aud["share_in_target"].tolist() == [0.7]
    vid = rp.video_table(ctx)
    assert vid.loc[vid["by"] == "format", "avg_view_duration_s"].tolist() == [8.0]
    assert vid.loc[vid["by"] == "format", "watch_time_h"].tolist() == pytest.approx([12 * 800 / 3600])
    perf = rp.hashtag_tables(ctx)[0].set_index("hashtag")
    # er_reach: organic 5/100 = 0.05, boosted 12/400 = 0.03; #promo on the boosted 6 -> 0.03
    assert perf.loc["#promo", "mean"] == pytest.approx(0.03) and perf.loc["#kopisenja", "mean"] == pytest.approx(0.04)


def test_analysis_section_without_extra_tables_says_so():
    ctx = _ctx("en")
    ctx.data.posts = ctx.data.posts.drop(columns="paid")
    del ctx.data.audience, ctx.data.video
    text = rp.analysis_section(ctx).markdown()
    assert "do not say which posts were boosted" in text and "no audience demographics" in text
    assert "no video watch time" in text and ctx.problems == []


@pytest.mark.parametrize("lang, words", [("id", "hari dengan unggahan boost"), ("en", "days with a boosted post")])
def test_analysis_section_splits_follower_growth_by_paid_days(lang, words):
    ctx = _ctx(lang)
    # posts every other day Oct 1..23 (12 posts): p0-p5 organic (Oct 1..11), p6-p11 boosted (Oct 13..23);
    # followers grow +2 a day except +6 on boosted-post days; the series has no account name (insights export)
    days = pd.date_range("2026-09-30", "2026-10-31")
    gain = np.where(np.isin(days.day, [13, 15, 17, 19, 21, 23]) & (days.month == 10), 6.0, 2.0)
    gain[0] = 0.0
    fol = pd.DataFrame({"date": days, "platform": "instagram", "account": None, "followers": 500.0 + gain.cumsum()})
    ctx.data.followers = fol
    t = rp.paid_growth_table(ctx).set_index("day_type")
    assert t.loc["paid", "n_days"] == 6 and t.loc["paid", "per_day"] == 6.0
    assert t.loc["organic", "n_days"] == 6 and t.loc["organic", "per_day"] == 2.0
    assert t.loc["paid", "extra_per_day"] == 4.0 and t.loc["paid", "effect_code"] == "boost_more"
    sec = rp.analysis_section(ctx)
    tables = [b for k, b in sec.blocks if k == "table"]
    assert any(words in set(b["day_label"]) for b in tables if "day_label" in b.columns)
    # numbers in the report's language (Babel): 6 new followers a day on boosted days, +4 over organic days,
    # every day the same so the interval is the point; n = boosted days / organic days
    table = next(b for b in tables if "day_label" in b.columns)
    assert table.set_index("day_label").loc[words, "per_day"] == 6.0  # the figure itself; written by the table
    from smanalysis.reporting.sections import _table_html

    cell = {"id": '<td class="num" data-label="Per hari">+6,00</td>',
            "en": '<td class="num" data-label="Per day">+6.00</td>'}[lang]
    assert cell in _table_html(table, lang=lang)
    line = {"id": ": +4,00 (+4,00 – +4,00; n = 6 / 6)", "en": ": +4.00 (+4.00 – +4.00; n = 6 / 6)"}[lang]
    assert line in sec.markdown()


def test_analysis_section_says_why_growth_is_not_split():
    sec = rp.analysis_section(_ctx("en"))
    assert "Follower growth cannot be split into paid and organic: the exports carry no daily follower" \
        in sec.markdown()


def test_analysis_figures_in_metrics_json(tmp_path):
    import json

    from smanalysis.reporting.eval_metrics import write_key_metrics

    ctx = _ctx("en")
    ctx.output_dir = tmp_path
    fig = rp.analysis_figures(ctx)
    split = {r["paid_status"]: r for r in fig["paid"]}
    # organic: 6 posts x reach 100, likes 5 -> er 30 / 600 = 0.05; paid: 6 x 400, likes 12 -> 72 / 2400 = 0.03
    assert split["organic"]["n_posts"] == 6 and split["organic"]["er_reach_ratio_of_totals"] == pytest.approx(0.05)
    assert split["paid"]["reach_total"] == 2400.0 and split["paid"]["er_reach_ratio_of_totals"] == pytest.approx(0.03)
    reach = next(r for r in fig["boost"] if r["metric"] == "reach")
    # every boosted post 400, every organic 100: extra 300, no spread -> the interval is the point
    assert (reach["n_boosted"], reach["extra_per_boosted_post"], reach["verdict_code"]) == (6, 300.0, "boost_more")
    assert reach["ci_low"] == reach["ci_high"] == 300.0
    assert fig["audience"][0]["share_in_target"] == pytest.approx(0.7) and fig["audience"][0]["fit"] == "fits"
    assert fig["video"][0]["avg_view_duration_s"] == pytest.approx(8.0)  # 800 s watched / 100 views
    assert fig["follower_growth_by_paid"] == [] and fig["topics"] == [] and fig["community_events"] == {}
    data = json.loads(write_key_metrics(ctx).read_text(encoding="utf-8"))
    assert data["analysis"]["boost"][0]["metric"] == "reach"
    assert {"follower_growth_by_paid", "audience", "topics", "community_events"} <= set(data["analysis"])
