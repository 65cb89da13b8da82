"""Fact finding: platform fit, competitor scan, readiness, checklist, phases (hand-worked numbers)."""

import warnings

import numpy as np
import pandas as pd
import pytest

from smanalysis import SchemaError, SMAnalysisWarning
from smanalysis import factfinding as ff
from smanalysis.words import text

PROFILE = {
    "business_name": "Senja",
    "business_model": "B2C",
    "goal": "promotion",
    "website": "https://senja.example",
    "own_accounts": {"instagram": "senja", "tiktok": "senja"},
    "platforms": ["instagram", "tiktok"],
    "audience": {"age_min": 18, "age_max": 29, "locations": ["Yogyakarta"]},
    "competitors": [{"name": "Pagi", "accounts": {"instagram": "pagi"}}],
    "tone": {"register": "casual", "address": "kak"},
    "kpi_targets": {"er_reach": 0.05, "response_rate": 0.9},
}


def _posts():
    ts = pd.to_datetime(["2026-10-01 03:00", "2026-10-08 03:00", "2026-10-15 03:00",  # senja: 10:00 WIB
                         "2026-10-01 12:00", "2026-10-04 12:00", "2026-10-08 12:00", "2026-10-11 12:00",
                         "2026-10-15 12:00", "2026-10-15 13:00"], utc=True)  # pagi: 19:00/20:00 WIB
    return pd.DataFrame({
        "post_id": [f"p{i}" for i in range(9)],
        "platform": "instagram",
        "account": ["senja"] * 3 + ["pagi"] * 6,
        "created_at": ts,
        "format": ["photo", "photo", "carousel", "reel", "reel", "reel", "photo", "photo", "reel"],
        "caption": ["Kopi #senja", "Kopi #senja", "Kopi #senja", "#pagi #kopijogja", "#pagi #kopijogja",
                    "#pagi", "#pagi", "#pagi", "#pagi"],
        "likes": [10, 10, 10, 30, 30, 30, 6, 6, 30],
        "comments": [0.0] * 9,
    })


def test_platform_age_table_sums_to_one_and_states_source():
    t = ff.platform_age_table()
    assert set(t.columns) >= {"platform", "age_min", "age_max", "share", "source", "year"}
    assert np.allclose(t.groupby("platform")["share"].sum(), 1.0)
    assert t["source"].str.contains("DataReportal").all()


def test_platform_fit_partial_band_overlap():
    # a: 18-24 (0.5) fully in, 25-34 (0.5) 5 of 10 years in -> 0.75; b: 20-39 (1.0), 10 of 20 years -> 0.5
    t = pd.DataFrame({"platform": ["a", "a", "b"], "age_min": [18, 25, 20], "age_max": [24, 34, 39],
                      "share": [0.5, 0.5, 1.0], "source": "s", "year": 2024})
    fit = ff.platform_fit(PROFILE, table=t, lang="en")
    assert fit["platform"].tolist() == ["a", "b"]
    assert fit["audience_share"].tolist() == [0.75, 0.5]
    assert fit["fit"].tolist() == ["strong", "strong"]
    assert fit["rank"].tolist() == [1, 2]
    assert "75%" in fit["verdict"].iloc[0]


def test_platform_fit_marks_profile_platforms_and_thresholds():
    t = pd.DataFrame({"platform": ["instagram", "x"], "age_min": [18, 40], "age_max": [29, 49],
                      "share": [0.35, 1.0], "source": "s", "year": 2024})
    fit = ff.platform_fit(PROFILE, table=t).set_index("platform")
    assert fit.loc["instagram", "in_profile"] and not fit.loc["x", "in_profile"]
    assert fit.loc["instagram", "fit"] == "moderate"
    assert fit.loc["x", "fit"] == "weak" and fit.loc["x", "audience_share"] == 0
    assert fit.loc["x", "verdict"] == text("fit.weak", "id", platform="x", pct="0")   # not used: no advice


def test_platform_fit_advice_for_used_weak_and_unused_strong():
    t = pd.DataFrame({"platform": ["instagram", "youtube"], "age_min": [40, 18], "age_max": [49, 29],
                      "share": [1.0, 1.0], "source": "s", "year": 2024})
    fit = ff.platform_fit(PROFILE, table=t, lang="en").set_index("platform")["verdict"]
    assert fit["instagram"].endswith("check your audience is really there before spending time on it.")
    assert fit["youtube"].endswith("Not used yet: worth considering.")


def test_platform_fit_without_ages_warns_nan():
    p = dict(PROFILE, audience={})
    with pytest.warns(SMAnalysisWarning, match="no audience.age_min/age_max"):
        fit = ff.platform_fit(p)
    assert fit["audience_share"].isna().all() and (fit["fit"] == "unknown").all()


def test_platform_fit_bad_table_and_lang():
    with pytest.raises(SchemaError, match="platform_fit: the age table lacks columns \\['share'\\]"):
        ff.platform_fit(PROFILE, table=pd.DataFrame({"platform": ["a"], "age_min": [1], "age_max": [2]}))
    with pytest.raises(ValueError, match="The value for `lang` must be one of \\['id', 'en'\\], but 'fr' was passed"):
        ff.platform_fit(PROFILE, lang="fr")


def test_plot_platform_fit_returns_axes():
    ax = ff.plot_platform_fit(ff.platform_fit(PROFILE))
    assert ax.get_title() == "Porsi pengguna platform seusia target"


def test_competitor_scan_copy_keep_and_frequency():
    posts = _posts()
    before = posts.copy()
    scan = ff.competitor_scan(posts, profile=PROFILE, lang="en")
    pd.testing.assert_frame_equal(posts, before)
    key = scan.set_index(["aspect", "item"])
    # pagi: 4 reels of 6 posts; mean interactions 22; reels 30 -> index 30/22; senja has no reel
    reel = key.loc[("format", "reel")]
    assert reel["action"] == "copy"
    assert reel["competitor_value"] == pytest.approx(4 / 6)
    assert reel["client_value"] == 0
    assert reel["engagement_index"] == pytest.approx(30 / 22)
    # photo: pagi 2/6 with index 6/22 < 1 -> not copied; carousel is senja's own (1/3) -> keep
    assert ("format", "photo") not in key.index
    assert key.loc[("format", "carousel"), "action"] == "keep"
    assert key.loc[("hashtag", "#kopijogja"), "action"] == "copy"
    # 19:00 WIB: 5 of 6 posts but mean 20.4 < 22 -> not copied; 20:00: 1 post with 30 -> copy
    assert ("hour", "19:00") not in key.index
    assert key.loc[("hour", "20:00"), "action"] == "copy"
    # frequency: both span 14 days = 2 weeks; pagi 6/2 = 3 a week, senja 3/2 = 1.5
    f = key.loc[("frequency", "posts_per_week")]
    assert (f["competitor_value"], f["client_value"]) == (3.0, 1.5)
    assert scan["suggestion"].str.len().gt(0).all()
    assert scan["action"].iloc[0] == "copy" and scan["aspect"].iloc[0] == "frequency"


def test_competitor_scan_no_competitor_posts_is_empty():
    posts = _posts().iloc[:3]
    scan = ff.competitor_scan(posts, profile=PROFILE)
    assert scan.empty and "suggestion" in scan.columns


def test_competitor_scan_missing_column():
    with pytest.raises(SchemaError, match="competitor_scan: the posts table lacks required columns"):
        ff.competitor_scan(pd.DataFrame({"post_id": ["a"]}), profile=PROFILE)


def _comments():
    return pd.DataFrame({
        "comment_id": ["c1", "c2", "c3", "c4", "r1", "r2", "r3"],
        "post_id": "p0", "platform": "instagram",
        "author": ["ani", "budi", "cici", "dedi", "senja", "senja", "ani"],
        "text": ["berapa?", "enak", "kapan buka?", "lama", "20rb kak", "jam 8 kak", "ok"],
        "created_at": pd.Timestamp("2026-10-01", tz="UTC"),
        "is_brand_reply": [False, False, False, False, True, False, False],  # r2 by handle only
        "parent_id": [None, None, None, None, "c1", "c3", "r1"],
    })


def test_reply_rate_counts_brand_by_flag_or_handle():
    c = _comments()
    assert ff.reply_rate(c) == 0.25                      # only r1 is flagged: c1 answered of c1..c4
    assert ff.reply_rate(c, brand_handles=["senja"]) == 0.5  # c1, c3 answered of c1..c4


def test_readiness_three_signs_from_data():
    posts = _posts().assign(content_type=["promo", "education", "news"] + ["promo"] * 6)
    plan = pd.DataFrame({"date": ["2026-10-01"], "platform": ["instagram"], "theme": ["t"], "caption": ["c"],
                         "content_type": ["news"], "asset": ["a"], "hashtags": ["#a"], "source": ["s"]})
    comments = _comments()
    before = (posts.copy(), comments.copy(), plan.copy())
    r = ff.readiness(PROFILE, posts=posts, comments=comments, plan=plan, lang="en").set_index("sign")
    for a, b in zip((posts, comments, plan), before):
        pd.testing.assert_frame_equal(a, b)
    assert r.loc["ad_channel", "status"] == "warning"     # 7/9 promo > 30%
    assert "78%" in r.loc["ad_channel", "evidence"]
    assert r.loc["care", "status"] == "warning"           # 50% < 80%
    assert r.loc["no_plan", "status"] == "ok"             # 1 of 1 rows complete
    assert set(r["source"]) == {"data"}


def test_readiness_from_profile_when_no_data():
    r = ff.readiness(PROFILE).set_index("sign")
    assert r.loc["ad_channel", "status"] == "unknown"
    assert r.loc["care", "status"] == "ok" and r.loc["care", "source"] == "profile"  # response target set
    assert r.loc["no_plan", "status"] == "warning"
    assert r["advice"].str.len().gt(0).all()


def test_strategy_checklist_profile_only_scores():
    cl = ff.strategy_checklist(PROFILE, lang="en").set_index("item")
    assert list(cl.index) == list(ff.CHECKLIST_ITEMS)
    assert cl.loc["goals", "score"] == 1.0
    assert cl.loc["audience", "score"] == 1.0              # ages + location
    assert cl.loc["listening", "score"] == 0.5             # target only
    assert cl.loc["focus", "score"] == 1.0                 # 2 platforms
    assert cl.loc["audit", "score"] == 0.8                 # 4 of 5 fields: no sector
    assert cl.loc["tone", "score"] == 1.0
    assert cl.loc["integration", "score"] == 1.0
    assert cl.loc["company", "score"] == 0.0               # no team, no plan
    assert cl.loc["measurement", "score"] == 1.0           # 2 targets, er_reach fits promotion
    assert (cl["source"] == "profile").all()
    assert cl.loc["goals", "advice"] == "" and cl.loc["company", "advice"] != ""


def test_strategy_checklist_from_data():
    posts = _posts()
    posts = pd.concat([posts, posts.iloc[[0]].assign(platform="tiktok", post_id="t1",
                                                     caption="Link di bio ya")], ignore_index=True)
    plan = pd.DataFrame({"date": ["2026-10-01"] * 3, "platform": "instagram", "theme": "t", "caption": "c",
                         "content_type": "news", "source": ["dapur", "Dapur ", "kasir"]})
    cl = ff.strategy_checklist(PROFILE, posts=posts, comments=_comments(), plan=plan).set_index("item")
    assert cl.loc["listening", "score"] == 0.5 and cl.loc["listening", "source"] == "data"
    # own posts: 3 instagram + 1 tiktok -> both >= 10% -> 2 platforms
    assert cl.loc["focus", "score"] == 1.0 and cl.loc["focus", "source"] == "data"
    assert cl.loc["audit", "score"] == 1.0                 # both platforms posted in the last 30 days
    assert cl.loc["integration", "score"] == 1.0           # website + a caption with "link di bio"
    assert cl.loc["company", "score"] == 0.5               # sources 'dapur' and 'kasir'
    # tone: decided (1) and captions "Kopi #senjakopi"-like carry no register markers -> consistent (1)
    assert cl.loc["tone", "source"] == "data" and cl.loc["tone", "score"] == 1.0


def test_strategy_checklist_tone_from_captions():
    posts = _posts().iloc[:3].assign(caption=["Halo kak, yuk mampir!", "Kami mohon maaf atas ketidaknyamanan Anda.",
                                              "Makasih kak"])
    cl = ff.strategy_checklist(PROFILE, posts=posts).set_index("item")
    # casual chosen; the formal apology contradicts it: 2 of 3 consistent -> 0.5 * 1 + 0.5 * 2/3
    assert cl.loc["tone", "score"] == round(0.5 + 0.5 * 2 / 3, 2)


def test_strategy_checklist_bare_profile():
    p = {"business_name": "K", "business_model": "B2B", "goal": "reputation", "own_accounts": {"x": "k"},
         "platforms": ["x", "instagram", "facebook", "tiktok", "youtube"]}
    cl = ff.strategy_checklist(p).set_index("item")
    assert cl.loc["goals", "score"] == 0.5
    assert cl.loc["audience", "score"] == 0.0
    assert cl.loc["focus", "score"] == 0.0
    assert cl.loc["tone", "score"] == 0.0
    assert cl.loc["measurement", "score"] == 0.0
    assert cl.loc["audit", "score"] == 0.0                 # no sector, site, audience, tone; 4 platforms lack accounts


@pytest.mark.parametrize(
    "answers, phase, key",
    [
        ({}, 0, "p0"),
        ({"know_why": "ya", "not_only_ads": "iya"}, 1, "p1"),
        ({"know_why": True, "not_only_ads": True, "has_guideline": True, "has_plan": "yes"}, 2, "p2"),
        ({"know_why": 1, "not_only_ads": 1, "has_guideline": 1, "has_plan": 1, "runs_alone": 1, "lacks_time": 1}, 3, "p3_time"),
        ({"know_why": 1, "not_only_ads": 1, "has_guideline": 1, "has_plan": 1, "runs_alone": 1, "has_team": "ya"}, 3, "p3_team"),
        ({"know_why": 1, "not_only_ads": 1, "has_guideline": 1, "has_plan": 1, "runs_alone": "ya", "lacks_time": "tidak"}, 3, "p3_ok"),
    ],
)
def test_phase_assessment(answers, phase, key):
    r = ff.phase_assessment(answers, lang="en")
    assert r["phase"].item() == phase
    assert r["next_step"].item() == text(f"phase_next.{key}", "en")


def test_phase_assessment_unknown_key():
    with pytest.raises(ValueError, match="The keys of `answers` must be among"):
        ff.phase_assessment({"lapar": True})


def test_phase_questions_cover_three_phases():
    assert sorted(ff.PHASE_QUESTIONS["phase"].unique()) == [1, 2, 3]


def test_text_and_show():
    assert text("nb.loaded", "en", client="K", period="a", posts=1, comments=2, plan=3).startswith("Data loaded")
    with pytest.raises(ValueError, match="must be a key of smanalysis.words.WORDS, but 'nope' was passed"):
        text("nope")
    assert ff.show(None, "id").data == "*Tidak ada data untuk bagian ini.*"
    df = pd.DataFrame({"a": [1]})
    assert ff.show(df) is df



def test_profile_summary_and_write_tables(tmp_path):
    s = ff.profile_summary(PROFILE, lang="id")
    assert s.loc[s["field"] == "Tujuan bermedia sosial", "value"].item() == "promosi"  # the goal in words
    en = ff.profile_summary(PROFILE, lang="en")
    assert en.loc[en["field"] == "Social media goal", "value"].item() == "promotion"
    w = ff.write_tables({"x": s, "none": None, "empty": pd.DataFrame()}, tmp_path, prefix="01_")
    assert w["file"].tolist() == ["01_x.csv"] and (tmp_path / "01_x.csv").is_file()


def test_no_warning_on_normal_use():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ff.platform_fit(PROFILE)
        ff.competitor_scan(_posts(), profile=PROFILE)


def test_competitor_scan_skips_brand_hashtags_midnight_and_other_platforms():
    posts = _posts()
    posts["caption"] = ["#senjakopi"] * 3 + ["#pagi #paginight"] * 6
    extra = pd.DataFrame({"post_id": ["t1"], "platform": ["tiktok"], "account": ["senja"],
                          "created_at": pd.to_datetime(["2026-10-01 17:00"], utc=True),  # 00:00 WIB
                          "format": ["video"], "caption": ["x"], "likes": [1.0], "comments": [0.0]})
    scan = ff.competitor_scan(pd.concat([posts, extra], ignore_index=True), profile=PROFILE)
    assert not scan["item"].str.contains("pagi|senja").any()       # brand hashtags dropped
    assert "video" not in set(scan["item"])                        # tiktok not compared: pagi is on instagram only
    assert "00:00" not in set(scan["item"])


def test_next_steps_orders_warnings_checklist_and_copies():
    r = pd.DataFrame({"status": ["warning", "ok"], "label": ["A", "B"], "advice": ["do a", "fine"]})
    cl = pd.DataFrame({"label": ["C", "D", "E"], "score": [0.4, 0.0, 1.0], "advice": ["do c", "do d", ""]})
    scan = pd.DataFrame({"action": ["copy", "keep", "copy"], "suggestion": ["copy x", "keep y", "copy z"]})
    md = ff.next_steps(readiness=r, checklist=cl, scan=scan, lang="en", top=1)
    assert md.splitlines() == ["**First steps:**", "", "- **A**: do a", "- **D** (0.00): do d", "- **C** (0.40): do c",
                               "- copy x"]
    assert ff.next_steps(lang="en") == "Nothing urgent: no warning sign and every strategy point is fair."


def test_reply_rate_and_profile_errors():
    with pytest.raises(SchemaError, match="reply_rate: the comments table lacks required columns"):
        ff.reply_rate(pd.DataFrame({"comment_id": ["1"]}))
    with pytest.raises(TypeError, match="expected a Profile or a mapping for `profile`, got list"):
        ff.readiness([1, 2])
    assert np.isnan(ff.reply_rate(_comments().iloc[4:5]))     # only a brand reply: nothing to answer
