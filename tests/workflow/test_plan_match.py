"""Plan versus actual on a hand-made plan and posts with known outcomes; themes; care; next plan."""

import numpy as np
import pandas as pd
import pytest

from smanalysis import SchemaError
from smanalysis import plan as pl

PROFILE = {"business_name": "Senja", "business_model": "B2C", "goal": "promotion",
           "own_accounts": {"instagram": "senja", "tiktok": "senja"}, "platforms": ["instagram", "tiktok"]}


def _plan():
    return pd.DataFrame({
        "date": pd.to_datetime(["2026-10-01", "2026-10-03", "2026-10-04", "2026-10-06", "2026-10-08",
                                "2026-10-09", "2026-10-10", "2026-10-10", "2026-10-31"]),
        "platform": ["instagram", "instagram", "instagram", "tiktok", "instagram",
                     "instagram", "instagram", "instagram", "instagram"],
        "theme": ["menu baru", "edukasi seduh", "promo pelajar", "behind the scene", "cerita petani",
                  "kuis", "promo bundling", "event", "halloween"],
        "caption": ["Menu baru es kopi gula aren hadir hari ini", "Tips menyeduh kopi V60 di rumah",
                    "Diskon 20% untuk pelajar", "Behind the scene roasting biji kopi", "Cerita petani kopi Temanggung",
                    None, "Promo bundling kopi susu", "Live music malam minggu", "Halloween"],
        "content_type": ["news", "education", "promo", "entertainment", "inspiration", "engagement", "promo",
                         "news", "engagement"],
        "hashtags": [None, None, None, None, None, "#tebakrasa", None, None, None],
        "plan_id": [f"r{i}" for i in range(9)],
    })


def _posts():
    return pd.DataFrame({
        "post_id": list("ABCDEFG"),
        "platform": "instagram",
        "account": "senja",
        "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-05 03:00", "2026-10-06 03:00",
                                      "2026-10-12 03:00", "2026-10-09 03:00",
                                      "2026-10-10 16:30",   # 23:30 WIB on the 10th
                                      "2026-10-09 05:00"], utc=True),
        "caption": ["Menu baru: es kopi gula aren hadir hari ini!", "Tips menyeduh kopi V60 di rumah, gampang!",
                    "Behind the scene roasting biji kopi", "Cerita petani kopi Temanggung",
                    "Kuis hari ini! #tebakrasa komen jawabanmu", "Live music malam minggu bersama band lokal",
                    "Promo bundling kopi susu 2 gelas"],
    })


def test_match_plan_known_outcomes():
    plan, posts = _plan(), _posts()
    before = (plan.copy(), posts.copy())
    m = pl.match_plan(plan, posts, tolerance_days=3, min_similarity=0.2)
    pd.testing.assert_frame_equal(plan, before[0])
    pd.testing.assert_frame_equal(posts, before[1])
    got = [(s, p if isinstance(p, str) else None, q if isinstance(q, str) else None)
           for s, p, q in zip(m["status"], m["plan_id"], m["post_id"])]
    assert got == [
        ("on_time", "r0", "A"),
        ("late", "r1", "B"),
        ("skipped", "r2", None),
        ("unplanned", None, "C"),      # same caption but on instagram, plan said tiktok
        ("no_data", "r3", None),       # no tiktok posts at all: the tiktok export is missing
        ("skipped", "r4", None),       # posted 4 days late: beyond the tolerance
        ("on_time", "r5", "E"),        # no caption in the plan: theme and hashtag found in the post
        ("on_time", "r6", "G"),        # posted a day early
        ("on_time", "r7", "F"),        # 23:30 local time is still the 10th
        ("unplanned", None, "D"),
        ("upcoming", "r8", None),      # after the last post
    ]
    d = m.set_index("plan_id")
    assert d.loc["r1", "delay_days"] == 2 and d.loc["r6", "delay_days"] == -1 and d.loc["r7", "delay_days"] == 0
    assert d.loc["r0", "similarity"] == 1.0      # same nine words
    assert d.loc["r5", "similarity"] == 1.0      # {kuis, #tebakrasa} both in the post


def test_match_plan_wider_tolerance_and_as_of():
    m = pl.match_plan(_plan(), _posts(), tolerance_days=4, as_of="2026-11-30")
    s = m.set_index("plan_id")["status"]
    assert s["r4"] == "late" and s["r8"] == "skipped"
    assert (m["status"] == "unplanned").sum() == 1


def test_match_plan_one_post_for_one_row_only():
    plan = pd.DataFrame({"date": pd.to_datetime(["2026-10-01", "2026-10-01"]), "platform": "x",
                         "theme": "t", "caption": ["kopi susu gula aren", "kopi susu gula aren"],
                         "content_type": "promo"})
    posts = pd.DataFrame({"post_id": ["a"], "platform": "x", "account": "k",
                          "created_at": pd.to_datetime(["2026-10-01 03:00"], utc=True),
                          "caption": ["kopi susu gula aren"]})
    m = pl.match_plan(plan, posts)
    assert sorted(m["status"]) == ["on_time", "skipped"]


def test_match_plan_default_tolerance_is_five_days():
    s = pl.match_plan(_plan(), _posts()).set_index("plan_id")["status"]
    assert s["r4"] == "late"                      # 4 days late


def test_match_plan_empty_posts_and_errors():
    m = pl.match_plan(_plan(), _posts().iloc[:0], as_of="2026-10-15")
    assert (m["status"] == "no_data").sum() == 8 and (m["status"] == "upcoming").sum() == 1
    with pytest.raises(SchemaError, match="match_plan: the posts table lacks required columns"):
        pl.match_plan(_plan(), pd.DataFrame({"post_id": []}))
    with pytest.raises(ValueError, match="The value for `tolerance_days` must be >= 0, but -1 was passed"):
        pl.match_plan(_plan(), _posts(), tolerance_days=-1)
    with pytest.raises(ValueError, match="index must be unique"):
        pl.match_plan(pd.concat([_plan(), _plan()]), _posts())


def test_execution_summary_rates():
    s = pl.execution_summary(pl.match_plan(_plan(), _posts(), tolerance_days=3), lang="en").set_index("platform")
    cols = ["planned", "on_time", "late", "skipped", "upcoming", "no_data", "unplanned"]
    assert s.loc["all", cols].tolist() == [9, 4, 1, 2, 1, 1, 2]
    assert s.loc["all", "execution_rate"] == round(5 / 7, 4)     # 5 of 7 due
    assert s.loc["all", "on_time_rate"] == round(4 / 7, 4)
    assert s.loc["instagram", "execution_rate"] == round(5 / 7, 4)
    assert np.isnan(s.loc["tiktok", "execution_rate"])          # nothing due with data
    assert "71%" in s.loc["all", "note"]


def test_plot_execution():
    ax = pl.plot_execution(pl.match_plan(_plan(), _posts()))
    assert ax.get_title() == "Rencana versus pelaksanaan"


def test_assign_themes_from_plan_then_keywords():
    posts = _posts()
    before = posts.copy()
    out = pl.assign_themes(posts, plan=_plan())
    pd.testing.assert_frame_equal(posts, before)
    t = out.set_index("post_id")
    assert t.loc["A", "theme"] == "menu baru" and t.loc["A", "theme_source"] == "plan"
    assert t.loc["A", "content_type"] == "news"
    # C and D are unplanned: keyword rules built from the plan's themes
    assert t.loc["C", "theme"] == "behind the scene" and t.loc["C", "theme_source"] == "keywords"
    assert t.loc["C", "content_type"] == "entertainment"
    assert t.loc["D", "theme"] == "cerita petani" and t.loc["D", "content_type"] == "inspiration"


def test_assign_themes_keeps_existing_and_default_content_rules():
    posts = _posts().assign(theme=["mine"] + [None] * 6)
    out = pl.assign_themes(posts, keywords={"kopi": ["kopi"]})
    assert out.loc[0, "theme"] == "mine" and out.loc[0, "theme_source"] == "post"
    assert out.loc[4, "theme"] is None or pd.isna(out.loc[4, "theme"])     # the quiz caption has no 'kopi'
    assert out.loc[4, "content_type"] == "engagement"                      # 'komen'
    assert out.loc[1, "content_type"] == "education"                       # 'tips'


def test_care_queue_uses_conversation_care():
    comments = pd.DataFrame({
        "comment_id": ["c1", "r1", "c2"], "post_id": "A", "platform": "instagram",
        "author": ["ani", "senja", "budi"], "text": ["berapa harganya kak?", "20rb kak", "kapan buka?"],
        "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 04:00"], utc=True),
        "parent_id": [None, "c1", None], "is_brand_reply": [False, True, False]})
    stats, queue = pl.care_queue(comments, profile=PROFILE)
    assert queue["comment_id"].tolist() == ["c2"]
    assert stats["answered"].sum() == 1 and stats["comments"].sum() == 2


def test_care_queue_no_comments():
    stats, queue = pl.care_queue(pd.DataFrame(), profile=PROFILE)
    assert stats.empty and queue.empty


def test_draft_next_plan_ceiling_avoid_and_names():
    slots = pd.DataFrame({"platform": ["instagram"] * 3 + ["tiktok"], "weekday": ["Jumat", "tue", 5, "sabtu"],
                          "hour": [19, 12, 10, np.nan], "format": ["reel", "photo", "carousel", "video"]})
    themes = pd.DataFrame({"theme": ["tips", "promo", "cerita", "lama"],
                           "content_type": ["education", "promo", "inspiration", "news"],
                           "reason": ["ER 2x", "", None, ""]})
    d = pl.draft_next_plan("2026-11-01", "2026-11-30", slots=slots, themes=themes, per_week=2, avoid=["lama"],
                           lang="en")
    ig = d[d["platform"] == "instagram"]
    # instagram: Tuesdays and Fridays of November 2026 (3, 6, 10, 13, 17, 20, 24, 27) -> 8 rows
    assert ig["date"].dt.day.tolist() == [3, 6, 10, 13, 17, 20, 24, 27]
    assert ig["time"].tolist()[:2] == ["12:00", "19:00"]
    assert ig["format"].tolist()[:2] == ["photo", "reel"]
    assert (d["theme"] != "lama").all()
    for _, g in d.groupby("platform"):   # every 4th row per platform is promo (ceiling 0.3)
        assert (g["content_type"] == "promo").mean() <= 0.3
    assert d.loc[d["platform"] == "tiktok", "time"].isna().all()
    assert d["status"].eq("idea").all() and d["caption"].str.startswith("[DRAFT]").all()
    assert set(d.columns) >= {"date", "platform", "theme", "caption", "content_type", "source", "plan_id"}
    assert d["source"].iloc[0] == "smanalysis draft from the evaluation: ER 2x"


def test_draft_next_plan_errors_and_empty():
    with pytest.raises(SchemaError, match="draft_next_plan: `slots` lacks required columns \\['weekday'\\]"):
        pl.draft_next_plan("2026-11-01", "2026-11-30", slots=pd.DataFrame({"platform": ["x"]}),
                           themes=pd.DataFrame({"theme": ["t"], "content_type": ["news"]}))
    with pytest.raises(ValueError, match="The value for `per_week` must be >= 1, but 0 was passed"):
        pl.draft_next_plan("2026-11-01", "2026-11-30", slots=pd.DataFrame({"platform": ["x"], "weekday": [0]}),
                           themes=pd.DataFrame({"theme": ["t"], "content_type": ["news"]}), per_week=0)
    e = pl.draft_next_plan("2026-11-01", "2026-11-30", slots=pd.DataFrame({"platform": ["x"], "weekday": [0]}),
                           themes=pd.DataFrame({"theme": [], "content_type": []}))
    assert e.empty and "caption" in e.columns


@pytest.mark.filterwarnings("ignore::smanalysis.SMAnalysisWarning")
def test_match_plan_finds_the_planted_outcomes_of_the_sample():
    from pathlib import Path

    import yaml

    cfg = Path(__file__).resolve().parents[2] / "data" / "sample" / "client.yaml"
    if not cfg.is_file():
        pytest.skip("the bundled sample (data/sample/client.yaml) is not present")
    from smanalysis import reporting

    profile, data, _ = reporting.load_client(cfg, pseudonymise=False)
    truth = yaml.safe_load((cfg.parent / "truth.yaml").read_text(encoding="utf-8"))["plan"]
    m = pl.match_plan(data.content_plan.reset_index(drop=True), pl.own_posts(data.posts, profile), as_of="2026-10-31")
    st = m.dropna(subset=["plan_id"]).set_index("plan_id")["status"]
    skipped = set(truth["skipped_plan_ids"]) | set(truth.get("skipped_but_not_marked") or [])
    assert set(st[st == "skipped"].index) == skipped
    assert set(st[st == "late"].index) == set(truth["late_plan_ids"])
    assert set(st[st == "upcoming"].index) == set(truth.get("future_plan_ids") or [])
    unplanned = set(m.loc[m["status"] == "unplanned", "post_id"].astype(str))
    assert unplanned == set(map(str, truth["unplanned_post_ids"]))


def test_match_plan_bad_similarity():
    with pytest.raises(ValueError, match="The value for `min_similarity` must be between 0 and 1, but 1.5 was passed"):
        pl.match_plan(_plan(), _posts(), min_similarity=1.5)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["kopi", "susu", "promo", "tips", "senja", "menu", "baru", "gula", "aren", "live"]


@settings(max_examples=50, deadline=None)
@given(
    plan_rows=st.lists(st.tuples(st.integers(0, 20), st.sampled_from(["instagram", "tiktok"]),
                                 st.lists(st.sampled_from(_WORDS), min_size=0, max_size=5)), max_size=12),
    post_rows=st.lists(st.tuples(st.integers(0, 20 * 24), st.sampled_from(["instagram", "tiktok", "x"]),
                                 st.lists(st.sampled_from(_WORDS), min_size=0, max_size=5)), max_size=12),
    tol=st.integers(0, 4),
)
def test_match_plan_accounts_for_every_row_and_post_once(plan_rows, post_rows, tol):
    plan = pd.DataFrame({
        "date": [pd.Timestamp("2026-10-01") + pd.Timedelta(days=d) for d, _, _ in plan_rows],
        "platform": [p for _, p, _ in plan_rows], "theme": "t",
        "caption": [" ".join(w) or None for _, _, w in plan_rows], "content_type": "news"},
        columns=["date", "platform", "theme", "caption", "content_type"])
    posts = pd.DataFrame({
        "post_id": [f"p{i}" for i in range(len(post_rows))],
        "platform": [p for _, p, _ in post_rows], "account": "k",
        "created_at": [pd.Timestamp("2026-10-01", tz="UTC") + pd.Timedelta(hours=h) for h, _, _ in post_rows],
        "caption": [" ".join(w) for _, _, w in post_rows]},
        columns=["post_id", "platform", "account", "created_at", "caption"])
    m = pl.match_plan(plan, posts, tolerance_days=tol)
    assert set(m["status"]) <= set(pl.MATCH_STATUSES)
    planned = m[m["status"] != "unplanned"]
    assert sorted(planned["plan_row"].tolist()) == list(range(len(plan)))      # every plan row once
    used = m["post_id"].dropna()
    assert used.is_unique and len(used) == len(posts)                           # every post once
    done = m[m["status"].isin(["on_time", "late"])]
    assert (done["delay_days"].abs() <= tol).all() and (done["similarity"] >= 0.4).all()
    assert ((done["status"] == "late") == (done["delay_days"] > 0)).all()


@pytest.mark.parametrize("ceiling, promos", [(0.0, 0), (0.5, 2), (1.0, 2)])
def test_draft_next_plan_ceiling_edges(ceiling, promos):
    slots = pd.DataFrame({"platform": ["x"], "weekday": [0]})
    themes = pd.DataFrame({"theme": ["promo", "tips"], "content_type": ["promo", "education"]})
    d = pl.draft_next_plan("2026-11-02", "2026-11-29", slots=slots, themes=themes, per_week=1, ceiling=ceiling)
    assert len(d) == 4                                   # the four Mondays 2, 9, 16, 23 November
    assert (d["content_type"] == "promo").sum() == promos


def test_assign_themes_schema_error():
    with pytest.raises(SchemaError, match="assign_themes: the posts table lacks required columns"):
        pl.assign_themes(pd.DataFrame({"caption": ["x"]}))


def test_plot_care_with_comments():
    comments = pd.DataFrame({
        "comment_id": ["c1", "r1", "c2"], "post_id": "A", "platform": "instagram",
        "author": ["ani", "senja", "budi"], "text": ["berapa harganya kak?", "20rb kak", "kapan buka?"],
        "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 04:00"], utc=True),
        "parent_id": [None, "c1", None], "is_brand_reply": [False, True, False]})
    ax = pl.plot_care(comments, profile=PROFILE, lang="en")
    assert len(ax.patches) == 2                      # median and p90 bars of one platform


def test_assign_themes_keyword_theme_takes_its_usual_content_type_only_where_missing():
    # the plan is months away from the posts: no post matches a plan row, the themes come from keywords
    plan = pd.DataFrame({"date": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"]),
                         "platform": "instagram", "theme": ["kopi", "kopi", "kopi", "teh"],
                         "content_type": ["promo", "education", "education", "news"],
                         "caption": ["a", "b", "c", "d"]})
    posts = pd.DataFrame({"post_id": ["p1", "p2", "p3"], "platform": "instagram", "account": "senja",
                          "created_at": pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-03"], utc=True),
                          "caption": ["kopi susu", "kopi hari ini", "air putih"],
                          "content_type": [None, "news", None]})
    out = pl.assign_themes(posts, plan=plan).set_index("post_id")
    assert out["theme"].tolist()[:2] == ["kopi", "kopi"] and out["theme_source"].tolist()[:2] == ["keywords"] * 2
    assert out.loc["p1", "content_type"] == "education"  # kopi's plan rows: education twice, promo once
    assert out.loc["p2", "content_type"] == "news"       # the post's own content type stays
    assert pd.isna(out.loc["p3", "theme"]) and pd.isna(out.loc["p3", "content_type"])  # no keyword, no rule
