import warnings

import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SchemaError, SMAnalysisWarning
from smanalysis.media import benchmark, compare_periods, mix, post_metrics, summary, top_posts
from smanalysis.profile import Profile

pytestmark = pytest.mark.filterwarnings("ignore::smanalysis.exceptions.SMAnalysisWarning")


@pytest.fixture
def posts():
    return pd.DataFrame({
        "post_id": ["a", "b", "c", "d", "e"],
        "platform": ["instagram", "instagram", "instagram", "facebook", "facebook"],
        "account": ["kopisenja.id", "kopisenja.id", "kopisenja.id", "kopisenja", "kopisenja"],
        "created_at": pd.to_datetime(["2026-09-10 05:00", "2026-09-30 20:00", "2026-10-03 05:00",
                                      "2026-10-04 05:00", "2026-10-05 05:00"], utc=True),
        "format": ["reel", "photo", "reel", "photo", "photo"],
        "theme": ["menu", "menu", "promo", "menu", "promo"],
        "likes": [10.0, 20.0, 60.0, 5.0, 15.0],
        "comments": [0.0, 0.0, 0.0, 0.0, 0.0],
        "shares": [0.0, 0.0, 0.0, 0.0, 0.0],
        "reach": [100.0, 100.0, 200.0, 50.0, 100.0],
        "followers_at_post": [1000.0, 1000.0, 1000.0, 500.0, 500.0],
    })


def test_summary_mean_of_posts_and_ratio_of_totals(posts):
    s = summary(posts, by="platform", metrics=["er_reach"], ci=None)
    assert s["platform"].tolist() == ["facebook", "instagram"]
    assert s["n_posts"].tolist() == [2, 3]
    # facebook: rates 0.10, 0.15 -> mean 0.125; totals 20 / 150
    # instagram: rates 0.10, 0.20, 0.30 -> mean 0.2, median 0.2; totals 90 / 400
    assert s["er_reach_mean_of_posts"].tolist() == pytest.approx([0.125, 0.2])
    assert s["er_reach_ratio_of_totals"].tolist() == pytest.approx([20 / 150, 90 / 400])
    assert s["er_reach_median"].tolist() == pytest.approx([0.125, 0.2])
    assert s["likes_total"].tolist() == [20.0, 90.0]
    assert s["likes_median"].tolist() == [10.0, 20.0]
    assert s["likes_mean"].tolist() == [10.0, 30.0]
    assert "saves_total" not in s.columns  # not in the export: not reported


def test_summary_per_1k_ratio_of_totals(posts):
    s = summary(posts, by=None, metrics=["applause_rate_per_1k", "applause_rate"], ci=None)
    # likes 110 over followers 4000 -> 27.5 per 1,000; per post 110 / 5 = 22
    assert s["applause_rate_per_1k_ratio_of_totals"].iloc[0] == pytest.approx(27.5)
    assert s["applause_rate_mean_of_posts"].iloc[0] == pytest.approx(22.0)
    assert s["applause_rate_ratio_of_totals"].iloc[0] == pytest.approx(22.0)


def test_summary_month_is_local(posts):
    # 2026-09-30 20:00 UTC is 2026-10-01 03:00 in Jakarta
    s = summary(posts, by="month", metrics=["er_reach"], ci=None)
    assert s["month"].tolist() == [pd.Timestamp("2026-09-01"), pd.Timestamp("2026-10-01")]
    assert s["n_posts"].tolist() == [1, 4]
    s_utc = summary(posts, by="month", metrics=["er_reach"], ci=None, timezone="UTC")
    assert s_utc["n_posts"].tolist() == [2, 3]


def test_summary_intervals_bracket_the_mean_and_are_seeded(posts):
    s1 = summary(posts, by="platform", metrics=["er_reach"], seed=3)
    s2 = summary(posts, by="platform", metrics=["er_reach"], seed=3)
    pd.testing.assert_frame_equal(s1, s2)
    assert (s1["er_reach_ci_low"] <= s1["er_reach_mean_of_posts"]).all()
    assert (s1["er_reach_ci_high"] >= s1["er_reach_mean_of_posts"]).all()
    assert s1["ci_method"].tolist() == ["bootstrap", "bootstrap"]
    one = summary(posts.iloc[:1], by="platform", metrics=["er_reach"])
    assert np.isnan(one["er_reach_ci_low"].iloc[0])  # one post: no interval


def test_summary_accepts_post_metrics_output(posts):
    pm = post_metrics(posts)
    pd.testing.assert_frame_equal(summary(pm, by="format", ci=None), summary(posts, by="format", ci=None))


def test_summary_errors(posts):
    with pytest.raises(ValueError, match=r"The value for `metrics` must be one of \[.*\], but 'er_magic' was passed"):
        summary(posts, metrics=["er_magic"])
    with pytest.raises(SchemaError, match=r"summary: the posts table lacks required columns \['topic'\]"):
        summary(posts, by="topic")
    with pytest.raises(SchemaError, match=r"summary: .*\['created_at'\]"):
        summary(posts.drop(columns="created_at"), by="month")


def test_summary_does_not_mutate(posts):
    before = posts.copy()
    summary(posts, by=["platform", "month"])
    pd.testing.assert_frame_equal(posts, before)


def test_top_posts_ranks_overall_and_by_group(posts):
    t = top_posts(posts, metric="er_reach", n=2)
    assert t["post_id"].tolist() == ["c", "b"] and t["rank"].tolist() == [1, 2]
    t = top_posts(posts, metric="likes", n=1, by="platform")
    assert t["post_id"].tolist() == ["e", "c"]
    t = top_posts(posts, metric="likes", n=1, ascending=True)
    assert t["post_id"].tolist() == ["d"]


def test_top_posts_errors_and_no_mutation(posts):
    with pytest.raises(ValueError, match="The value for `n` must be a positive integer, but 0 was passed"):
        top_posts(posts, n=0)
    with pytest.raises(SchemaError, match=r"top_posts: .*\['nope'\]"):
        top_posts(posts, metric="nope")
    before = posts.copy()
    top_posts(posts)
    pd.testing.assert_frame_equal(posts, before)


def test_compare_periods_by_hand(posts):
    res = compare_periods(posts, current={"start": "2026-10-01", "end": "2026-10-31"}, previous="2026-09",
                          metrics=["n_posts", "likes_total", "er_reach_ratio_of_totals"])
    r = res.set_index("metric")
    # local: Sep = post a; Oct = b (Oct 1 03:00 local), c, d, e
    assert r.loc["n_posts", "current"] == 4 and r.loc["n_posts", "previous"] == 1
    assert r.loc["likes_total", "change"] == 100.0 - 10.0
    assert r.loc["likes_total", "change_pct"] == pytest.approx(9.0)
    assert r.loc["er_reach_ratio_of_totals", "current"] == pytest.approx(100 / 450)


def test_compare_periods_warns_when_previous_is_zero(posts):
    with pytest.warns(SMAnalysisWarning, match=r"compare_periods: zero or missing denominators.*change_pct 1 of 1"):
        res = compare_periods(posts, current="2026-10", previous="2026-08", metrics=["n_posts"])
    assert res["previous"].iloc[0] == 0 and np.isnan(res["change_pct"].iloc[0])


def test_compare_periods_with_followers_and_errors(posts):
    followers = pd.DataFrame({"date": pd.to_datetime(["2026-08-31", "2026-09-30", "2026-10-31"]),
                              "platform": "instagram", "account": "kopisenja.id", "followers": [900.0, 1000.0, 1100.0]})
    res = compare_periods(posts, current="2026-10", previous="2026-09", followers=followers, metrics=["n_posts"])
    r = res[res["scope"] != "account"].set_index("metric")
    assert r.loc["follower_growth", "current"] == pytest.approx(0.1)
    assert r.loc["follower_growth", "previous"] == pytest.approx(100 / 900)
    with pytest.raises(ValueError, match="A period must be"):
        compare_periods(posts, current=5, previous="2026-09")
    before = posts.copy()
    compare_periods(posts, current="2026-10", previous="2026-09")
    pd.testing.assert_frame_equal(posts, before)


def test_benchmark_roles_frequency_and_growth():
    posts = pd.DataFrame({
        "post_id": list("abcd"), "platform": "instagram",
        "account": ["kopisenja.id", "kopisenja.id", "kopipagi.jogja", "someone"],
        "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-08 03:00", "2026-10-09 03:00",
                                      "2026-10-10 03:00"], utc=True),
        "format": ["reel", "reel", "photo", "photo"], "theme": ["menu", "promo", "menu", "menu"],
        "likes": [10.0, 30.0, 40.0, 1.0], "comments": [0.0, 0.0, 0.0, 0.0], "shares": [0.0, 0.0, 0.0, 0.0],
        "saves": [100.0, 100.0, 0.0, 0.0], "followers_at_post": [100.0, 100.0, 400.0, 10.0],
    })
    followers = pd.DataFrame({"date": pd.to_datetime(["2026-09-30", "2026-10-31"]), "platform": "instagram",
                              "account": "kopisenja.id", "followers": [100.0, 120.0]})
    profile = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                                 "own_accounts": {"instagram": "kopisenja.id"},
                                 "competitors": [{"name": "Kopi Pagi", "accounts": {"instagram": "kopipagi.jogja"}}]})
    b = benchmark(posts, profile=profile, followers=followers, period="2026-10", ci=None)
    assert b["account"].tolist() == ["kopisenja.id", "kopipagi.jogja", "someone"]
    assert b["role"].tolist() == ["own", "competitor", "other"]
    assert b["brand"].tolist()[:2] == ["Kopi Senja", "Kopi Pagi"]
    assert b["posts_per_week"].tolist() == pytest.approx([2 / 31 * 7, 1 / 31 * 7, 1 / 31 * 7])
    # engagement = likes + comments + shares (saves left out so competitors compare fairly)
    assert b["er_followers_ratio_of_totals"].tolist() == pytest.approx([0.2, 0.1, 0.1])
    assert b["format_mix"].iloc[0] == "reel 100%"
    assert b["theme_mix"].iloc[0] == "menu 50%, promo 50%"
    assert b["follower_growth"].iloc[0] == pytest.approx(0.2)
    assert np.isnan(b["follower_growth"].iloc[1])
    with pytest.raises(SchemaError, match=r"benchmark: .*\['account'\]"):
        benchmark(posts.drop(columns="account"))
    before = posts.copy()
    benchmark(posts, own=["kopisenja.id"])
    pd.testing.assert_frame_equal(posts, before)


def test_mix_shares_and_missing_values():
    df = pd.DataFrame({"account": ["a", "a", "a", "b"], "theme": ["menu", None, "menu", "promo"]})
    m = mix(df, of="theme")
    assert m[["account", "theme", "n_posts"]].values.tolist() == [["a", "menu", 2], ["a", "(none)", 1],
                                                                  ["b", "promo", 1]]
    assert m["share"].tolist() == pytest.approx([2 / 3, 1 / 3, 1.0])
    with pytest.raises(SchemaError, match=r"mix: .*\['format'\]"):
        mix(df)
    before = df.copy()
    mix(df, of="theme", by=None)
    pd.testing.assert_frame_equal(df, before)


def test_warning_filter_module_level_does_not_hide_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error", SMAnalysisWarning)
        with pytest.raises(SMAnalysisWarning):
            post_metrics(pd.DataFrame({"platform": ["x"], "likes": [1.0], "reach": [0.0]}))


@pytest.mark.parametrize("period, match", [
    ({"start": "2026-10-01"}, "A period mapping must have `start` and `end` keys"),
    (("2026-10-31", "2026-10-01"), "A period must end on or after its start"),
])
def test_bad_periods(posts, period, match):
    with pytest.raises(ValueError, match=match):
        compare_periods(posts, current=period, previous="2026-09")


def test_kpi_check_against_profile_targets(posts):
    from smanalysis.media import kpi_check

    profile = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                                 "own_accounts": {"instagram": "kopisenja.id", "facebook": "kopisenja"},
                                 "kpi_targets": {"er_reach": 0.2, "posts_per_week": 1, "response_rate": 0.9,
                                                 "follower_growth_monthly": 0.05}})
    followers = pd.DataFrame({"date": pd.to_datetime(["2026-09-30", "2026-10-31"]), "platform": "instagram",
                              "account": "kopisenja.id", "followers": [1000.0, 1030.0]})
    res = kpi_check(posts, profile=profile, followers=followers, period="2026-10", lang="en").set_index("kpi")
    assert "response_rate" not in res.index  # another layer's KPI
    # October (local): posts b, c, d, e -> likes 100 over reach 450
    assert res.loc["er_reach", "actual"] == pytest.approx(100 / 450)
    # 100/450 = 0.22 against 0.2 rests on 4 posts, fewer than the 5 a verdict needs
    assert res.loc["er_reach", "n_posts"] == 4
    assert res.loc["er_reach", "verdict"] == "cannot tell yet" and res.loc["er_reach", "met"] is None
    assert res.loc["posts_per_week", "actual"] == pytest.approx(4 / 31 * 7)
    assert res.loc["follower_growth_monthly", "actual"] == pytest.approx(0.03 * 30 / 31)
    assert res.loc["follower_growth_monthly", "verdict"] == "below target"
    res_id = kpi_check(posts, profile=profile, period="2026-10")
    assert res_id.set_index("kpi").loc["follower_growth_monthly", "verdict"] == "belum bisa diukur"
    before = posts.copy()
    kpi_check(posts, targets={"er_reach": 0.1})
    pd.testing.assert_frame_equal(posts, before)
    with pytest.raises(SchemaError, match=r"kpi_check: .*\['account'\]"):
        kpi_check(posts.drop(columns="account"), targets={"er_reach": 0.1})


def test_benchmark_account_followers_fill_missing_counts():
    posts = pd.DataFrame({"post_id": ["a", "b"], "platform": "instagram", "account": ["mine", "rival"],
                          "created_at": pd.to_datetime(["2026-10-01", "2026-10-02"], utc=True),
                          "likes": [10.0, 30.0], "comments": [0.0, 0.0], "shares": [0.0, 0.0],
                          "followers_at_post": [100.0, np.nan]})
    b = benchmark(posts, own=["mine"], competitors=["rival"], account_followers={"@rival": 600}, ci=None)
    assert b["er_followers_ratio_of_totals"].tolist() == pytest.approx([0.1, 0.05])
    assert b["engagements_mean"].tolist() == [10.0, 30.0]
    assert np.isnan(benchmark(posts, own=["mine"], ci=None)["er_followers_ratio_of_totals"].iloc[1])
