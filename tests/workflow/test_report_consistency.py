"""One figure, one computation: the report never contradicts itself or its metrics.json.

Builds the evaluation report of the bundled sample and of the sparse client (posts and plan
only), in Bahasa Indonesia and English, with the same section builders the notebook calls, and
checks that every figure in the key figures, the KPI table, the media comparison and the text
(posts, customer care, recommendations) is the formatted value of metrics.json, and that every
influence rank quoted in the shortlist's reasons is the account's rank in the influencer table.
"""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from smanalysis import reporting as rp
from smanalysis.media import METRICS, metric_label
from smanalysis.formatting import value
from smanalysis.words import text as _text


def t(key, lang, **fields):
    return _text(f"report.{key}", lang, **fields)

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = {"sample": ROOT / "data" / "sample" / "client.yaml",
           "sparse": Path(__file__).resolve().parents[1] / "fixtures" / "workflow" / "sparse_client.yaml"}
SECTIONS = ("overview_section", "profile_section", "kpi_section", "media_section", "execution_section",
            "analysis_section", "conversation_section", "network_section", "recommendations_section",
            "next_plan_section", "definitions_section")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=[("sample", "id"), ("sample", "en"), ("sparse", "id"), ("sparse", "en")],
                ids=lambda p: "-".join(p))
def report(request, tmp_path_factory):
    client, lang = request.param
    if not CONFIGS[client].is_file():
        pytest.skip(f"{CONFIGS[client]} is not in this checkout")
    out = tmp_path_factory.mktemp(f"{client}-{lang}")
    ctx = rp.evaluation_context(CONFIGS[client], lang=lang, output_dir=out)
    secs = {name: getattr(rp, name)(ctx) for name in SECTIONS}
    m = json.loads(rp.write_key_metrics(ctx).read_text(encoding="utf-8"))
    return client, lang, ctx, secs, m


def _tables(sec):
    return [b for kind, b in sec.blocks if kind == "table"]


def _fmt(lang, name, v):
    """A figure written as the report writes it, in the report's language."""
    return rp.fmt_value(name, float("nan") if v is None else v, lang)


def test_the_report_has_no_problems(report):
    client, lang, ctx, secs, m = report
    assert [p for p in m["problems"] if not p["section"].startswith("execution")] == []
    assert m["figures"]["current"]["n_posts"] > 0


def test_key_figures_equal_metrics_json(report):
    client, lang, ctx, secs, m = report
    table = _tables(secs["overview_section"])[0]
    shown = dict(zip(table.iloc[:, 0], zip(table.iloc[:, 1], table.iloc[:, 2])))
    assert len(shown) >= 3
    for key in rp.KEY_FIGURES:
        label = METRICS[key].label(lang)
        cur, prev = m["figures"]["current"].get(key), m["figures"]["previous"].get(key)
        if cur is None and prev is None:
            assert label not in shown
            continue
        assert shown[label] == (_fmt(lang, key, cur), _fmt(lang, key, prev)), key


def test_kpi_table_equals_metrics_json(report):
    client, lang, ctx, secs, m = report
    table = _tables(secs["kpi_section"])[0]
    assert len(table) == len(m["kpis"]) == len(ctx.profile.kpi_targets)
    for (_, row), k in zip(table.iterrows(), m["kpis"]):
        assert row.iloc[0] == METRICS[k["metric"]].label(lang)
        assert k["actual"] == m["figures"]["current"].get(k["metric"]) or (
            k["actual"] is None and m["figures"]["current"].get(k["metric"]) is None)
        assert k["previous"] == m["figures"]["previous"].get(k["metric"]) or k["previous"] is None
        assert (row.iloc[2], row.iloc[4]) == (_fmt(lang, k["metric"], k["actual"]), _fmt(lang, k["metric"], k["previous"]))
        lo, hi = k.get("ci_low"), k.get("ci_high")
        interval = "–" if lo is None or lo != lo else f"{_fmt(lang, k['metric'], lo)}–{_fmt(lang, k['metric'], hi)}"
        assert row.iloc[3] == interval
    # "response_rate" in the profile is the reply rate to questions and complaints, never to all comments
    rr = [k for k in m["kpis"] if k["kpi"] == "response_rate"]
    assert rr and rr[0]["metric"] == "reply_rate_questions"


def test_media_comparison_and_text_equal_metrics_json(report):
    client, lang, ctx, secs, m = report
    cur, prev = m["figures"]["current"], m["figures"]["previous"]
    text = secs["media_section"].markdown()
    assert t("n_posts", lang, n=_fmt(lang, "n_posts", cur["n_posts"]), prev=_fmt(lang, "n_posts", prev["n_posts"])) in text
    table = _tables(secs["media_section"])[0]
    key_rows = {metric_label(mt.column, lang): name for name, mt in METRICS.items() if mt.table in ("posts", "growth")}
    checked = 0
    for _, row in table.iterrows():
        name = key_rows.get(row.iloc[0])
        if name is not None:
            assert (row.iloc[1], row.iloc[2]) == (_fmt(lang, name, cur.get(name)), _fmt(lang, name, prev.get(name))), name
            checked += 1
    assert checked >= 5


def test_care_text_and_recommendation_equal_metrics_json(report):
    client, lang, ctx, secs, m = report
    cur, prev = m["figures"]["current"], m["figures"]["previous"]
    conv = secs["conversation_section"].markdown()
    names = ("reply_rate_questions", "reply_rate_all", "median_response_minutes")
    if client == "sparse":
        assert all(cur[n] is None for n in names)
        return
    # the two reply rates are different numbers with different names
    assert cur["reply_rate_questions"] != cur["reply_rate_all"]
    sentence = t("n_care", lang, **{f"{k}_label": METRICS[n].label(lang) for k, n in zip(("rq", "ra", "m"), names)},
                 rq=_fmt(lang, names[0], cur[names[0]]), ra=_fmt(lang, names[1], cur[names[1]]), m=_fmt(lang, names[2], cur[names[2]]),
                 prq=_fmt(lang, names[0], prev[names[0]]), pra=_fmt(lang, names[1], prev[names[1]]),
                 pm=_fmt(lang, names[2], prev[names[2]]))
    assert sentence in conv
    care = [r for r in m["recommendations"] if r["kind"] == "care"]
    target = ctx.profile.kpi_targets["response_rate"]
    if cur["reply_rate_questions"] < target:
        assert care and _fmt(lang, "reply_rate_questions", cur["reply_rate_questions"]) in care[0]["text"]
        assert METRICS["reply_rate_questions"].label(lang).lower() in care[0]["text"]


def test_every_quoted_rank_is_the_influencer_table_rank(report):
    client, lang, ctx, secs, m = report
    sl = rp.micro_influencers(ctx)
    if client == "sparse":
        assert sl.empty
        return
    ranks = rp.all_influencers(ctx).set_index("node")["rank"]
    table = _tables(secs["network_section"])[1]  # the top influencers as shown
    shown = dict(zip(table.iloc[:, 1], table.iloc[:, 0]))
    pattern = r"peringkat pengaruh (\d+) dari (\d+)" if lang == "id" else r"influence rank (\d+) of (\d+)"
    quoted = 0
    for node, reason in zip(sl["node"], sl["reason"]):
        for r, n in re.findall(pattern, reason):
            quoted += 1
            assert int(r) == ranks[node] and int(n) == len(ranks), (node, reason)
            if int(r) <= len(table):
                assert shown[node] == int(r)  # a top-10 rank is in the top-10 table, at that rank
    assert quoted == len(sl) > 0


def test_metrics_json_definitions_cover_every_figure(report):
    client, lang, ctx, secs, m = report
    valued = {k for k, v in m["figures"]["current"].items() if v is not None}
    assert valued <= set(m["definitions"])
    assert all(m["definitions"][k] == METRICS[k].definition(lang) for k in valued)
    table = _tables(secs["definitions_section"])[0]
    assert set(table.iloc[:, 0]) >= {METRICS[k].label(lang) for k in valued}  # every figure, by its name
    assert isinstance(pd.DataFrame(m["kpis"]), pd.DataFrame)


def _table_after(sec, heading):
    """The first table of ``sec`` after the heading ``heading`` (None when the part shows none)."""
    seen = False
    for kind, block in sec.blocks:
        is_heading = kind == "md" and str(block).startswith("#")
        if is_heading and heading in str(block):
            seen = True
        elif seen and is_heading:
            return None
        elif seen and kind == "table":
            return block
    return None


def test_analysis_figures_equal_metrics_json(report):
    """Paid vs organic, boost effect, hashtags and video: what the analysis section shows is the
    formatted value of metrics.json's ``analysis`` block, and each ratio is defined by the registry."""
    client, lang, ctx, secs, m = report
    a = m["analysis"]
    sec = secs["analysis_section"]

    paid = _table_after(sec, "Paid vs organic" if lang == "en" else "Berbayar vs organik")
    if a["paid"]:
        assert paid is not None and len(paid) == len(a["paid"])
        for (_, row), fig in zip(paid.iterrows(), a["paid"]):
            assert row["n_posts"] == fig["n_posts"]
            assert row["er_reach_ratio_of_totals"] == pytest.approx(fig["er_reach_ratio_of_totals"], abs=1e-6, nan_ok=True)
        assert paid.attrs["units"]["er_reach_ratio_of_totals"] == "ratio"  # shown as a percentage
        text = sec.markdown()
        for fig in a["boost"]:
            if fig["verdict_code"] in ("boost_more", "boost_less", "cannot_tell"):
                unit = "ratio" if fig["metric"].startswith("er_") else "number"
                shown = [value(fig[k], unit, lang) for k in ("extra_per_boosted_post", "ci_low", "ci_high")]
                assert f"{shown[0]} ({shown[1]} – {shown[2]}" in text
    else:
        assert paid is None
    tags = _table_after(sec, "Own hashtags" if lang == "en" else "Tagar sendiri")
    rows = a["hashtags"]["rows"]
    assert (tags is None) == (not rows)
    if rows:
        unit = "ratio" if a["hashtags"]["metric"].startswith("er_") else "number"
        assert tags["hashtag"].tolist() == [r["hashtag"] for r in rows]
        assert tags["mean"].tolist() == pytest.approx([r["mean"] for r in rows], abs=1e-6, nan_ok=True)
        assert tags.attrs["units"]["mean"] == unit
        assert tags["vs_all"].tolist() == pytest.approx([r["vs_all"] for r in rows], abs=1e-6, nan_ok=True)
        assert "vs_all" in m["definitions"]
    video = _table_after(sec, "Video")
    assert (video is None) == (not a["video"])
    if a["video"]:
        assert video["views_3s_rate"].tolist() == pytest.approx(
            [float("nan") if r["views_3s_rate"] is None else r["views_3s_rate"] for r in a["video"]], abs=1e-6, nan_ok=True)
        assert video.attrs["units"]["views_3s_rate"] == "ratio"
        assert video["avg_view_duration_s"].tolist() == pytest.approx(
            [float("nan") if r["avg_view_duration_s"] is None else r["avg_view_duration_s"] for r in a["video"]],
            abs=1e-6, nan_ok=True)
        assert {"avg_view_duration_s", "views_3s_rate"} <= set(m["definitions"])
    care = _table_after(sec, "Reply time in business hours" if lang == "en" else "Waktu balas dalam jam kerja")
    assert (care is None) == (not a["care_targets"])
    if a["care_targets"]:
        assert care["intent"].tolist() == [r["intent"] for r in a["care_targets"]]
        assert care["within_target_rate"].tolist() == pytest.approx(
            [float("nan") if r["within_target_rate"] is None else r["within_target_rate"] for r in a["care_targets"]],
            abs=1e-6, nan_ok=True)
        assert care.attrs["units"]["within_target_rate"] == "ratio"
        assert care["comments"].tolist() == [r["comments"] for r in a["care_targets"]]
        assert "within_target_rate" in m["definitions"]
    growth = [b for k, b in sec.blocks if k == "table" and "day_label" in b.columns]
    shown_growth = [r for r in a.get("follower_growth_by_paid", [])
                    if r["platform"] in {g["platform"] for g in a["follower_growth_by_paid"] if g["day_type"] == "paid"}]
    assert bool(growth) == bool(shown_growth)
    if growth:  # follower growth by paid days: the table and the line below it are metrics.json's, in words
        assert growth[0]["per_day"].tolist() == pytest.approx([r["per_day"] for r in shown_growth], abs=1e-6,
                                                              nan_ok=True)
        assert growth[0].attrs["units"]["per_day"] == "signed"  # written in the report's language
        assert growth[0]["n_days"].tolist() == [r["n_days"] for r in shown_growth]
        organic = {r["platform"]: r["n_days"] for r in shown_growth if r["day_type"] == "organic"}
        for r in shown_growth:
            if r["day_type"] == "paid":
                assert f"(n = {r['n_days']} / {organic.get(r['platform'], 0)})" in sec.markdown() or \
                    f"; n = {r['n_days']} / {organic.get(r['platform'], 0)})" in sec.markdown()
    # every group figure carries its n and a verdict (audience shares come from the export: no n; hashtag
    # pairs are counts, not figures)
    for kind, b in sec.blocks:
        if kind == "table" and "hashtag_a" not in b.columns and "dimension" not in b.columns:
            cols = set(b.columns)
            assert cols & {"n_posts", "n_days", "n_videos", "comments", "n_texts"}, list(b.columns)
            assert "verdict" in cols, list(b.columns)
    if client == "sample":  # the sample has boosted posts, hashtags, video exports and comments
        assert a["paid"] and rows and a["video"] and a["care_targets"]
        assert growth and a["topics"] and all(r["verdict_code"] for r in a["care_targets"])
