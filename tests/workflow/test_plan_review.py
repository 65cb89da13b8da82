"""Plan review: completeness, cadence, gaps, content mix, limits, themes vs goal, calendar."""

import numpy as np
import pandas as pd
import pytest

from smanalysis import SchemaError
from smanalysis import plan as pl

PROFILE = {"business_name": "Senja", "business_model": "B2C", "goal": "promotion",
           "own_accounts": {"instagram": "senja", "tiktok": "senja"}, "platforms": ["instagram", "tiktok"]}


def _plan():
    return pd.DataFrame({
        "date": pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-02", "2026-10-20", "2026-10-05"]),
        "platform": ["instagram", "instagram", "instagram", "instagram", "x"],
        "theme": ["menu", "tips", "tips", "promo", "menu"],
        "caption": ["Menu baru #kopi", "Tips seduh", "Tips seduh", None, "Menu baru"],
        "content_type": ["news", "education", "education", "promo", "promo"],
        "asset": ["a.jpg", "b.jpg", "b.jpg", "c.jpg", ""],
        "hashtags": ["#kopi", "#tips", "#tips", "#promo", "#kopi"],
        "source": ["dapur", "barista", "barista", "owner", "dapur"],
    })


def test_review_plan_missing_fields_and_issues():
    plan = _plan()
    before = plan.copy()
    r = pl.review_plan(plan, profile=PROFILE, lang="en")
    pd.testing.assert_frame_equal(plan, before)
    assert r["missing"].tolist() == ["", "", "", "caption", "asset"]
    assert r["n_missing"].tolist() == [0, 0, 0, 1, 1]
    assert r["complete"].tolist() == [True, True, True, False, False]
    assert r.loc[2, "issues"] == "duplicate row"
    assert r.loc[4, "issues"] == "Missing: asset; platform 'x' is not in the profile"
    assert r.index.equals(plan.index)


def test_review_plan_unknown_content_type():
    plan = _plan().assign(content_type=["news", "iklan", "education", "promo", "promo"])
    assert pl.review_plan(plan, lang="en").loc[1, "issues"] == "unknown content type 'iklan'"


def test_review_plan_schema_error():
    with pytest.raises(SchemaError, match="review_plan: the content_plan table lacks required columns \\['caption'"):
        pl.review_plan(pd.DataFrame({"date": [], "platform": [], "theme": []}))


def test_review_plan_empty():
    r = pl.review_plan(_plan().iloc[:0])
    assert r.empty and "issues" in r.columns


def test_plan_completeness_shares():
    c = pl.plan_completeness(_plan()).set_index("field")["share"]
    assert c["caption"] == 0.8 and c["asset"] == 0.8 and c["date"] == 1.0


def test_cadence_weekly_with_zero_weeks():
    c = pl.cadence(_plan())
    ig = c[c["platform"] == "instagram"]
    # weeks starting Mon 28 Sep (1 Oct, 2 Oct x2), 5 Oct, 12 Oct, 19 Oct (20 Oct)
    assert ig["posts"].tolist() == [3, 0, 0, 1]
    assert ig["period_start"].iloc[0] == pd.Timestamp("2026-09-28")
    assert c[c["platform"] == "x"]["posts"].tolist() == [0, 1, 0, 0]


def test_cadence_on_posts_uses_local_day():
    posts = pd.DataFrame({"platform": ["x", "x"],
                          "created_at": pd.to_datetime(["2026-10-04 17:30", "2026-10-04 16:30"], utc=True)})
    # 00:30 WIB Monday 5 Oct and 23:30 WIB Sunday 4 Oct -> two different weeks
    assert pl.cadence(posts)["posts"].tolist() == [1, 1]


def test_cadence_monthly_and_empty():
    assert pl.cadence(_plan(), freq="M")["posts"].tolist() == [4, 1]
    e = pl.cadence(_plan().iloc[:0])
    assert e.empty and list(e.columns) == ["platform", "period_start", "posts"]


def test_gaps_with_period_edges():
    g = pl.gaps(_plan(), max_days=7, start="2026-10-01", end="2026-10-31")
    # instagram: 2 -> 20 Oct (18 days), 20 -> 31 (11); x: 5 -> 31 (26); 1 -> 5 is 4 days
    assert g[["platform", "days"]].values.tolist() == [["x", 26], ["instagram", 18], ["instagram", 11]]


def test_content_mix_ceiling():
    m = pl.content_mix(_plan(), lang="en").set_index("platform")
    assert m.loc["all", "promo"] == 2 and m.loc["all", "useful"] == 3
    assert m.loc["all", "promo_share"] == 0.4 and bool(m.loc["all", "over_ceiling"])
    assert m.loc["instagram", "promo_share"] == 0.25 and not m.loc["instagram", "over_ceiling"]
    assert m.loc["x", "promo_share"] == 1.0
    assert "too much" in m.loc["x", "note"]


def test_content_mix_unknown_types_give_nan():
    m = pl.content_mix(pd.DataFrame({"platform": ["x"], "content_type": [None]}))
    assert np.isnan(m.loc[0, "promo_share"]) and m.loc[0, "unknown"] == 1


def test_content_mix_missing_column():
    with pytest.raises(SchemaError, match="content_mix: the table lacks required columns"):
        pl.content_mix(pd.DataFrame({"platform": ["x"]}))


def test_check_limits_counts_hashtags_once_and_appended_length():
    plan = pd.DataFrame({
        "platform": ["instagram", "instagram", "x", "facebook", "x"],
        "caption": ["Kopi #A #b", "a" * 2200, "b" * 280, "Halo", "c" * 270],
        "hashtags": ["#a #c d e, f g", None, "", "#x", "#kopi #senja"],
    })
    before = plan.copy()
    r = pl.check_limits(plan, lang="en")
    pd.testing.assert_frame_equal(plan, before)
    # row 0: caption 10 chars; extra tags #c #d #e #f #g appended (5 x 3 chars) -> 25; tags a b c d e f g = 7 > 5
    assert r["chars"].tolist() == [25, 2200, 280, 7, 283]   # 270 + " #kopi" + " #senja"
    assert r["hashtags"].tolist() == [7, 0, 0, 1, 2]
    assert r["caption_ok"].tolist() == [True, True, True, True, False]
    assert r["hashtags_ok"].tolist() == [False, True, True, True, True]
    assert r.loc[0, "issue"] == "7 hashtags, limit 5"
    assert r.loc[4, "issue"] == "caption 283 characters, limit 280"


def test_platform_limits_have_sources():
    t = pl.PLATFORM_LIMITS.set_index("platform")
    assert t["source"].str.len().gt(20).all()
    assert (t.loc["instagram", "caption_max"], t.loc["instagram", "hashtags_max"], t.loc["x", "caption_max"]) == (2200, 5, 280)


def test_check_limits_missing_column():
    with pytest.raises(SchemaError, match="check_limits: the table lacks required columns"):
        pl.check_limits(pd.DataFrame({"platform": ["x"]}))


def test_themes_vs_goal():
    plan = pd.DataFrame({"theme": ["menu", "menu", "humor", "tips", "menu"],
                         "content_type": ["news", "promo", "entertainment", "education", "news"]})
    t = pl.themes_vs_goal(plan, PROFILE, lang="en")
    assert t[["theme", "content_type", "rows"]].values.tolist() == [
        ["menu", "news", 3], ["humor", "entertainment", 1], ["tips", "education", 1]]
    assert t["serves_goal"].tolist() == [True, False, True]
    assert t["share"].tolist() == [0.6, 0.2, 0.2]
    assert "only indirectly" in t.loc[1, "note"]
    r = pl.themes_vs_goal(plan, dict(PROFILE, goal="reputation")).set_index("theme")["serves_goal"]
    assert r.to_dict() == {"menu": True, "humor": True, "tips": True}


def test_calendar_grid_and_plot():
    cal = pl.calendar(_plan(), "2026-10", lang="id")
    assert list(cal.columns) == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
    assert len(cal) == 5                       # 1 Oct is a Thursday; 31 Oct a Saturday
    assert cal.loc[1, "Sen"] == "" and cal.loc[1, "Kam"] == "1\nIG: menu"
    assert cal.loc[1, "Jum"] == "2\nIG: tips\nIG: tips"
    assert cal.loc[2, "Sen"] == "5\nX: menu"
    assert cal.loc[5, "Sab"] == "31"
    ax = pl.plot_calendar(_plan(), "2026-10")
    assert ax.get_title() == "Rencana konten, Oktober 2026"


def test_select_period_and_own_posts():
    p = pl.select_period(_plan(), "2026-10-02", "2026-10-05")
    assert p.index.tolist() == [1, 2, 4]
    posts = pd.DataFrame({"account": ["senja", "@senja", "pagi"]})
    assert pl.own_posts(posts, PROFILE).index.tolist() == [0, 1]


@pytest.mark.parametrize("call", [
    lambda p: pl.plan_completeness(p),
    lambda p: pl.cadence(p, wide=True),
    lambda p: pl.gaps(p, start="2026-10-01", end="2026-10-31"),
    lambda p: pl.content_mix(p),
    lambda p: pl.themes_vs_goal(p, PROFILE),
    lambda p: pl.calendar(p, "2026-10"),
    lambda p: pl.select_period(p, "2026-10-01", "2026-10-05"),
    lambda p: pl.execution_summary(p.assign(status="skipped")),
    lambda p: pl.draft_next_plan("2026-11-01", "2026-11-30", slots=p.assign(weekday=1), themes=p),
], ids=["completeness", "cadence", "gaps", "mix", "goal", "calendar", "period", "summary", "draft"])
def test_functions_do_not_mutate_input(call):
    plan = _plan()
    before = plan.copy()
    call(plan)
    pd.testing.assert_frame_equal(plan, before)


def test_factfinding_checklist_and_care_do_not_mutate():
    from smanalysis import factfinding as ff

    plan = _plan()
    before = plan.copy()
    ff.strategy_checklist(PROFILE, plan=plan)
    pd.testing.assert_frame_equal(plan, before)


def test_cadence_bad_freq():
    with pytest.raises(ValueError, match="The value for `freq` must be one of \\['D', 'W', 'M', 'ME', 'MS'\\], but 'Y' was passed"):
        pl.cadence(_plan(), freq="Y")


@pytest.mark.parametrize("call, name", [
    (lambda: pl.cadence(pd.DataFrame({"date": []})), "cadence"),
    (lambda: pl.gaps(pd.DataFrame({"date": []})), "gaps"),
    (lambda: pl.themes_vs_goal(pd.DataFrame({"date": []}), PROFILE), "themes_vs_goal"),
])
def test_missing_platform_or_theme_column(call, name):
    with pytest.raises(SchemaError, match=f"{name}: the table lacks required columns"):
        call()


def test_no_date_column():
    with pytest.raises(SchemaError, match="expected a `date` or `created_at` column"):
        pl.cadence(pd.DataFrame({"platform": ["x"]}))


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["instagram", "x", "tiktok", "myspace", None]),
                               st.one_of(st.none(), st.text(max_size=300)),
                               st.one_of(st.none(), st.text(alphabet="#ab ,", max_size=40))), max_size=8))
def test_check_limits_and_review_never_crash(rows):
    plan = pd.DataFrame({"date": "2026-10-01", "platform": [r[0] for r in rows], "theme": "t",
                         "caption": [r[1] for r in rows], "content_type": "news",
                         "hashtags": [r[2] for r in rows]}, columns=["date", "platform", "theme", "caption",
                                                                     "content_type", "hashtags"])
    lim = pl.check_limits(plan)
    assert len(lim) == len(plan) and (lim["chars"] >= plan["caption"].astype(object).fillna("").astype(str).str.len()).all()
    rev = pl.review_plan(plan)
    assert len(rev) == len(plan)
