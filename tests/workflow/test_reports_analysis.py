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
