"""The evaluation glue on tiny hand-made clients: KPIs, recommendations, sections, metrics.json.

Expected numbers are worked out by hand in the comments.
"""

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from smanalysis import Profile
from smanalysis import reporting as rp
from smanalysis.reporting.config import parse_period
from smanalysis.reporting.eval_next import _keep_stop
from smanalysis.reporting.sections import SECTIONS as SECTION_KEYS
from smanalysis.words import text
from smanalysis.reporting.sections import EvaluationContext, Section, _table_html
from smanalysis.schema import conform, empty

T = pd.Timestamp
SECTIONS = [rp.story_section, rp.overview_section, rp.profile_section, rp.kpi_section, rp.media_section,
            rp.execution_section, rp.analysis_section,
            rp.conversation_section, rp.network_section, rp.recommendations_section, rp.next_plan_section,
            rp.definitions_section]


def _profile():
    return Profile.from_dict({
        "business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
        "own_accounts": {"instagram": "kopisenja.id"},
        "competitors": [{"name": "Kopi Pagi", "accounts": {"instagram": "kopipagi.jogja"}}],
        "kpi_targets": {"er_reach": 0.05, "response_rate": 0.5, "median_response_minutes": 60},
    })


def _posts():
    # October: 50 + 30 engagements on 1,000 + 1,000 reach -> er_reach (ratio of totals) = 80 / 2000 = 0.04
    # September: 60 on 1,000 -> 0.06
    return conform(pd.DataFrame({
        "post_id": ["p1", "p2", "p0", "c1"], "platform": "instagram",
        "account": ["kopisenja.id", "kopisenja.id", "kopisenja.id", "kopipagi.jogja"],
        "created_at": pd.to_datetime(["2026-10-05 05:00", "2026-10-20 05:00", "2026-09-10 05:00", "2026-10-06 05:00"],
                                     utc=True),
        "format": ["photo", "reel", "photo", "photo"], "caption": ["<script>alert(1)</script> kopi", "b", "c", "d"],
        "likes": [40.0, 30.0, 60.0, 10.0], "comments": [5.0, 0.0, 0.0, 0.0], "saves": [3.0, 0.0, 0.0, 0.0],
        "shares": [2.0, 0.0, 0.0, 0.0], "reach": [1000.0, 1000.0, 1000.0, 500.0],
    }), "posts")


def _comments():
    # three customer comments in October (a question, praise, a complaint), the question answered
    # after 30 minutes: reply rate to questions and complaints 1/2, to all comments 1/3, median 30 minutes
    return conform(pd.DataFrame({
        "comment_id": ["k1", "k2", "k3", "r1"], "post_id": "p1", "platform": "instagram",
        "author": ["budi", "sari", "<b>x</b>", "kopisenja.id"],
        "text": ["harganya berapa kak?", "enak banget", "<script>alert('x')</script> kecewa, lama banget",
                 "makasih kak"],
        "created_at": pd.to_datetime(["2026-10-05 06:00", "2026-10-05 07:00", "2026-10-06 08:00", "2026-10-05 06:30"],
                                     utc=True),
        "parent_id": [None, None, None, "k1"], "is_brand_reply": [False, False, False, True],
    }), "comments")


def _ctx(*, comments=True, lang="id", tmp_path=None):
    ds = SimpleNamespace(posts=_posts(), comments=_comments() if comments else empty("comments"),
                         mentions=empty("mentions"), interactions=empty("interactions"),
                         followers=empty("followers"), content_plan=empty("content_plan"))
    return EvaluationContext(profile=_profile(), data=ds,
                             settings={"client": "Kopi Senja", "slug": "kopi-senja", "pseudonymise": True},
                             lang=lang, period=parse_period("2026-10"), previous=parse_period("2026-09"),
                             output_dir=tmp_path or ".")


@pytest.mark.parametrize("value, target, name, expected", [
    (0.06, 0.05, "er_reach", True), (0.04, 0.05, "er_reach", False), (0.05, 0.05, "er_reach", True),
    (45, 60, "median_response_minutes", True), (75, 60, "median_response_minutes", False),
    (float("nan"), 0.05, "er_reach", None), (0.1, None, "er_reach", None),
])
def test_kpi_status(value, target, name, expected):
    from smanalysis.media import kpi_status

    assert kpi_status(value, target, name) is expected


@pytest.mark.parametrize("period, expected", [
    (("2026-10-01", "2026-10-31"), ("2026-11-01", "2026-11-30")),
    (("2026-12-01", "2026-12-31"), ("2027-01-01", "2027-01-31")),
    (("2026-10-01", "2026-10-07"), ("2026-10-08", "2026-10-14")),
])
def test_next_period(period, expected):
    assert rp.next_period((T(period[0]), T(period[1]))) == (T(expected[0]), T(expected[1]))


def test_keep_stop_needs_a_clear_win():
    v = pd.DataFrame({"group_a": ["reel", "reel", "carousel"], "group_b": ["photo", "carousel", "photo"],
                      "verdict_code": ["a_higher", "no_clear_difference", "not_enough_data"],
                      "verdict": ["reel is higher than photo (95%)", "x", "y"]})
    keep, stop = _keep_stop(v)
    assert keep == [("reel", "reel is higher than photo (95%)")]
    assert stop == [("photo", "reel is higher than photo (95%)")]
    assert _keep_stop(pd.DataFrame()) == ([], [])


def test_kpi_table_hand_worked():
    kt = rp.kpi_table(_ctx()).set_index("kpi")
    assert kt.loc["er_reach", "actual"] == pytest.approx(0.04)
    assert kt.loc["er_reach", "previous"] == pytest.approx(0.06)
    assert bool(kt.loc["er_reach", "met"]) is False
    assert kt.loc["response_rate", "metric"] == "reply_rate_questions"
    assert kt.loc["response_rate", "actual"] == pytest.approx(1 / 2)  # the question answered, the complaint not
    assert bool(kt.loc["response_rate", "met"]) is True  # target 0.5
    fig = rp.figures(_ctx())["current"]
    assert fig["reply_rate_all"] == pytest.approx(1 / 3)  # praise counts here, not in the KPI
    assert fig["reply_rate_questions"] == pytest.approx(1 / 2)
    assert kt.loc["median_response_minutes", "actual"] == pytest.approx(30)
    assert bool(kt.loc["median_response_minutes", "met"]) is True


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_section_renders_without_problems(lang, tmp_path):
    ctx = _ctx(lang=lang, tmp_path=tmp_path)
    before = ctx.data.comments.copy()
    secs = [f(ctx) for f in SECTIONS]
    assert [s.title for s in secs] == [text(f"section.{k}", lang) for k in SECTION_KEYS]
    assert [p for p in ctx.problems if not p["section"].startswith("execution")] == []
    pd.testing.assert_frame_equal(ctx.data.comments, before)  # the sections never mutate the data
    body = "\n".join(s.markdown() for s in secs)
    assert "<script" not in body  # no data text reaches the narrative unescaped
    assert (tmp_path / "next_plan.csv").is_file()


def test_no_comments_no_network_say_so(tmp_path):
    ctx = _ctx(comments=False, lang="en", tmp_path=tmp_path)
    conv = rp.conversation_section(ctx).markdown()
    net = rp.network_section(ctx).markdown()
    what = text("report.w_comments", "en") + " / " + text("report.w_mentions", "en")
    assert text("report.no_source", "en", what=what) in conv
    assert text("report.no_source", "en", what=text("report.w_network", "en")) in net
    m = rp.key_metrics(ctx)
    assert m["figures"]["current"]["reply_rate_questions"] is None and m["network"] is None


def test_empty_client_gives_no_data_everywhere(tmp_path):
    ds = SimpleNamespace(**{tb: empty(tb) for tb in ("posts", "comments", "mentions", "interactions", "followers",
                                                     "content_plan")})
    ctx = EvaluationContext(profile=_profile(), data=ds, settings={"client": "K", "slug": "k"}, lang="id",
                            period=parse_period("2026-10"), previous=parse_period("2026-09"), output_dir=tmp_path)
    secs = [f(ctx) for f in SECTIONS if f is not rp.next_plan_section]
    assert text("report.no_data", "id", what=text("report.w_posts", "id")) in secs[SECTIONS.index(rp.media_section)].markdown()
    path = rp.write_key_metrics(ctx)
    m = json.loads(path.read_text(encoding="utf-8"))  # valid JSON: no NaN anywhere
    assert m["figures"]["current"]["n_posts"] is None and m["kpis"][0]["met"] is None


def test_key_metrics_layout(tmp_path):
    ctx = _ctx(tmp_path=tmp_path)
    for f in SECTIONS:
        f(ctx)
    m = json.loads(rp.write_key_metrics(ctx).read_text(encoding="utf-8"))
    assert m["period"] == {"start": "2026-10-01", "end": "2026-10-31"}
    assert m["previous"] == {"start": "2026-09-01", "end": "2026-09-30"}
    assert m["figures"]["current"]["n_posts"] == 2 and m["figures"]["previous"]["n_posts"] == 1
    assert m["figures"]["current"]["er_reach"] == pytest.approx(0.04)
    assert m["unanswered"] == 1  # the complaint k3 (the question k1 was answered; k2 is praise)
    assert "er_reach" in m["definitions"]
    assert all(isinstance(r["text"], str) and "**" not in r["text"] for r in m["recommendations"])


def test_section_display_escapes_tables():
    from IPython.core.formatters import format_display_data  # noqa: F401 - IPython is there with the kernel

    html = _table_html(pd.DataFrame({"text": ["<script>x</script>"], "when": pd.to_datetime(["2026-10-05 06:00"],
                                                                                            utc=True)}),
                       "Asia/Jakarta")
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert "5 Okt 2026 13.00" in html  # 06:00 UTC shown in the profile's timezone (UTC+7), Indonesian clock
    sec = Section("A").text("x").heading("B").table(pd.DataFrame({"a": [1]}))
    assert sec.markdown() == "# A\n\nx\n\n## B"


@pytest.mark.slow
def test_recommendations_find_what_the_sample_plants(sample_dir, tmp_path):
    """On the bundled sample (real handles): the planted influencers rank high, the recommended
    micro-influencers are the network layer's shortlist (never the follower-fallacy celebrity), the
    planted price complaints recur, and the draft plan avoids what the evidence says to stop."""
    from pathlib import Path

    import yaml

    if not (Path(sample_dir) / "client.yaml").is_file():
        pytest.skip("the bundled sample (data/sample) is not in this checkout")
    truth = yaml.safe_load((Path(sample_dir) / "truth.yaml").read_text(encoding="utf-8"))
    ctx = rp.evaluation_context(Path(sample_dir) / "client.yaml", pseudonymise=False, lang="en", output_dir=tmp_path)
    recs = rp.recommendations(ctx)
    kinds = {r["kind"] for r in recs}
    assert {"slots", "influencers", "complaint"} <= kinds
    names = next(r["names"] for r in recs if r["kind"] == "influencers")
    assert names == rp.micro_influencers(ctx)["node"].head(3).tolist()
    assert not set(names) & set(truth["follower_fallacy"])  # many followers, almost no interactions
    top = set(rp.top_influencers(ctx)["node"])  # "who spreads the word" finds the planted hubs and broker
    assert len(top & set(truth["influencers"])) >= 2
    topics = [r["name"].lower() for r in recs if r["kind"] == "complaint"]
    assert "harga" in topics
    sec = rp.next_plan_section(ctx)
    plan = pd.read_csv(tmp_path / "next_plan.csv")
    stopped = {r["name"] for r in recs if r["kind"] == "stop_theme"}
    assert not stopped & set(plan["theme"]) and sec.blocks


def test_failed_files_reach_the_data_section_and_metrics_json(tmp_path):
    # a garbage CSV and a truncated XLSX beside one good export: both listed, not "0 rows rejected" only
    from smanalysis.io import load_dataset

    data = tmp_path / "data"
    data.mkdir()
    (data / "good.csv").write_text("date,platform,account,followers\n2026-10-01,instagram,kopisenja.id,1200\n",
                                   encoding="utf-8")
    (data / "garbage.csv").write_bytes(b"\x00\x01\x02\x03binary\x00junk\x00" * 40)
    (data / "truncated.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 30)
    with pytest.warns(Warning, match="skipped"):
        ds = load_dataset(data)
    assert sorted(Path(f).name for f in ds.failed["file"]) == ["garbage.csv", "truncated.xlsx"]
    assert ds.failed["reason"].str.len().gt(0).all()
    ctx = EvaluationContext(profile=_profile(), data=ds, settings={"client": "K", "slug": "k"}, lang="en",
                            period=parse_period("2026-10"), previous=parse_period("2026-09"), output_dir=tmp_path)
    text = rp.overview_section(ctx).markdown()
    assert "2 file(s) could NOT be read" in text and "garbage.csv" in text and "truncated.xlsx" in text
    m = json.loads(rp.write_key_metrics(ctx).read_text(encoding="utf-8"))
    assert [f["file"] for f in m["data"]["failed"]] == ["garbage.csv", "truncated.xlsx"]
