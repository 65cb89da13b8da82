"""The one verdict rule: enough posts, on/below target by the interval, up/down by the change's interval."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.media import compare_periods, kpi_check
from smanalysis.media.verdicts import (change_verdict, posts_verdict, ratio_interval, target_verdict,
                                       verdict_text)


@pytest.mark.parametrize("value, low, high, target, expected", [
    (0.054, 0.046, 0.069, 0.05, "cannot_tell"),   # the case: the interval straddles the target
    (0.060, 0.051, 0.069, 0.05, "on_target"),     # whole interval above
    (0.050, 0.050, 0.069, 0.05, "on_target"),     # touching counts as meeting (>=)
    (0.040, 0.031, 0.049, 0.05, "below_target"),  # whole interval below
    (np.nan, np.nan, np.nan, 0.05, "no_data"),
    (3.0, np.nan, np.nan, 2.0, "on_target"),      # no sampling error (posts per week): the value decides
    (1.0, np.nan, np.nan, 2.0, "below_target"),
])
def test_target_verdict_thresholds(value, low, high, target, expected):
    assert target_verdict(value, low, high, target).tolist() == [expected]


def test_target_verdict_lower_is_better_and_few_posts():
    # response minutes: 40 (30-50) against at most 60 -> on target; 70 (65-80) -> above (worse)
    assert target_verdict([40, 70, 55], [30, 65, 45], [50, 80, 70], 60, lower_is_better=True).tolist() == [
        "on_target", "above_target", "cannot_tell"]
    # a tight interval on 4 posts is still "cannot tell yet"
    assert target_verdict(0.08, 0.07, 0.09, 0.05, n=4, min_posts=5).tolist() == ["cannot_tell"]
    assert verdict_text(["on_target", "below_target", "cannot_tell"], "id") == [
        "mencapai target", "di bawah target", "belum bisa disimpulkan"]
    with pytest.raises(ValueError, match="lang"):
        verdict_text(["on_target"], "fr")


def test_posts_and_change_verdicts():
    assert posts_verdict([0, 4, 5, 9]).tolist() == ["not_enough_posts", "not_enough_posts", "enough_posts",
                                                    "enough_posts"]
    assert change_verdict([0.001, -0.02, -0.01, np.nan], [0.01, -0.001, 0.01, np.nan]).tolist() == [
        "up", "down", "cannot_tell", "no_data"]
    assert change_verdict(0.01, 0.02, n_current=10, n_previous=4).tolist() == ["not_enough_posts"]


def test_ratio_interval_by_hand():
    # every post 6 engagements per 100 reach: every resample gives exactly 0.06
    lo, hi, n = ratio_interval(np.full(8, 6.0), np.full(8, 100.0))
    assert (lo[0], hi[0], n[0]) == (pytest.approx(0.06), pytest.approx(0.06), 8)
    # two groups; NaN parts are left out; one post -> no interval
    lo, hi, n = ratio_interval([1, 3, np.nan, 5], [10, 10, 10, 10], [0, 0, 0, 1], 2)
    assert n.tolist() == [2, 1] and np.isnan(lo[1])
    assert 0.1 <= lo[0] <= hi[0] <= 0.3  # resamples of {0.1, 0.3} stay within their range
    # same seed, same interval
    assert ratio_interval([1, 3, 2], [10, 10, 10], seed=3)[0] == ratio_interval([1, 3, 2], [10, 10, 10], seed=3)[0]


def _posts(er, month="2026-10", account="kopisenja.id"):
    n = len(er)
    return pd.DataFrame({"post_id": [f"{month}-{i}" for i in range(n)], "platform": "instagram", "account": account,
                         "created_at": pd.date_range(f"{month}-02 03:00", periods=n, freq="D", tz="UTC"),
                         "likes": np.asarray(er, dtype=float) * 100, "comments": 0.0, "shares": 0.0, "saves": 0.0,
                         "reach": 100.0})


def test_kpi_check_says_cannot_tell_when_interval_straddles_target():
    # 10 posts alternating 2 % and 10 %: ratio of totals 6 %. A resample's ratio is the share of 10 % posts,
    # so the 95% interval is about 6 % +- 2.5 points: it holds 5 % (cannot tell) and stays under 10 %.
    posts = _posts([0.02, 0.10] * 5)
    res = kpi_check(posts, targets={"er_reach": 0.05, "posts_per_week": 3}, period="2026-10",
                    lang="en").set_index("kpi")
    assert res.loc["er_reach", "actual"] == pytest.approx(0.06)
    assert res.loc["er_reach", "ci_low"] < 0.05 < res.loc["er_reach", "ci_high"] < 0.1
    assert res.loc["er_reach", "verdict"] == "cannot tell yet" and res.loc["er_reach", "met"] is None
    # posts per week: 10 posts in 31 days = 2.26 < 3, no sampling error -> below target
    assert res.loc["posts_per_week", "verdict"] == "below target"
    high = kpi_check(posts, targets={"er_reach": 0.10}, period="2026-10", lang="en")
    assert high["verdict"].tolist() == ["below target"]
    steady = kpi_check(_posts([0.06] * 6), targets={"er_reach": 0.05}, period="2026-10", lang="id")
    assert steady["verdict"].tolist() == ["mencapai target"] and steady["met"].tolist() == [True]


def test_compare_periods_interval_and_verdict():
    # September: 6 posts at 2 %; October: 6 posts at 8 % -> up, surely (every resample: 8 % vs 2 %)
    posts = pd.concat([_posts([0.02] * 6, "2026-09"), _posts([0.08] * 6, "2026-10")], ignore_index=True)
    res = compare_periods(posts, current="2026-10", previous="2026-09", metrics=["n_posts", "er_reach_ratio_of_totals"],
                          lang="en").set_index("metric")
    row = res.loc["er_reach_ratio_of_totals"]
    assert row["change"] == pytest.approx(0.06)
    assert row["change_ci_low"] == pytest.approx(0.06) and row["change_ci_high"] == pytest.approx(0.06)
    assert row["verdict"] == "up (95%)" and (row["n_current"], row["n_previous"]) == (6, 6)
    assert res.loc["n_posts", "verdict"] == ""  # counts have no sampling error
    few = compare_periods(posts.iloc[3:], current="2026-10", previous="2026-09",
                          metrics=["er_reach_ratio_of_totals"], lang="en")
    assert few["verdict_code"].tolist() == ["not_enough_posts"]  # 3 posts in September


def test_compare_periods_followers_per_account_and_sum():
    posts = _posts([0.05] * 3)
    fol = pd.DataFrame({"date": pd.to_datetime(["2026-08-31", "2026-09-30", "2026-10-31"] * 2),
                        "platform": ["instagram"] * 3 + ["tiktok"] * 3,
                        "account": ["kopisenja.id"] * 6, "followers": [900.0, 1000.0, 1100.0, 50.0, 100.0, 300.0]})
    res = compare_periods(posts, current="2026-10", previous="2026-09", followers=fol, metrics=["n_posts"])
    total = res[res["scope"] == "sum_of_accounts"].set_index("metric")
    assert total.loc["followers_end", "current"] == 1400.0 and total.loc["followers_end", "n_accounts"] == 2
    assert total.loc["follower_growth", "current"] == pytest.approx(300 / 1100)
    acc = res[(res["scope"] == "account") & (res["metric"] == "followers_end")].set_index("platform")
    assert acc.loc["tiktok", "current"] == 300.0 and acc.loc["instagram", "previous"] == 1000.0
    assert res.loc[res["metric"] == "n_posts", "scope"].tolist() == ["posts"]


def test_best_times_leaves_out_posts_without_time_of_day():
    from smanalysis.exceptions import SMAnalysisWarning
    from smanalysis.media import best_times

    # 30 TikTok posts dated only (local midnight = 17:00 UTC the day before) with a high rate,
    # 3 Instagram posts on Mondays 19:00 Jakarta with a lower one
    tiktok = pd.DataFrame({"platform": "tiktok", "account": "k", "source_file": "tiktok.csv",
                           "created_at": pd.date_range("2026-10-02 17:00", periods=30, freq="7D", tz="UTC"),
                           "er_reach": 0.5})
    ig = pd.DataFrame({"platform": "instagram", "account": "k", "source_file": "ig.csv",
                       "created_at": pd.to_datetime(["2026-10-05 12:00", "2026-10-12 12:00", "2026-10-19 12:10"],
                                                    utc=True), "er_reach": 0.1})
    with pytest.warns(SMAnalysisWarning, match="30 of 33 posts have a date but no time of day"):
        bt = best_times(pd.concat([tiktok, ig], ignore_index=True), min_posts=3, timezone="Asia/Jakarta")
    best = bt[bt["rank"] == 1].iloc[0]
    assert (best["weekday"], best["hour"], best["n_posts"]) == (0, 19, 3)  # Monday 19:00, not Saturday 00:00
    assert bt["n_posts"].sum() == 3 and bt.attrs["date_only_posts"] == 30
    assert best["verdict_code"] == "enough_posts"
    # one Instagram post at exactly midnight among timed posts keeps its time
    one = pd.concat([ig, ig.iloc[[0]].assign(created_at=pd.Timestamp("2026-10-20 17:00", tz="UTC"))],
                    ignore_index=True)
    assert best_times(one, min_posts=1, timezone="Asia/Jakarta").attrs["date_only_posts"] == 0


def test_summary_and_intervals_carry_n_and_verdict():
    from smanalysis.media import bootstrap_interval, summary

    posts = pd.DataFrame({"platform": "instagram", "format": ["reel"] * 5 + ["photo"] * 2, "likes": 1.0,
                          "reach": 10.0})
    s = summary(posts, by="format", metrics=["er_reach"], ci=None, lang="en").set_index("format")
    assert s.loc["reel", "n_posts"] == 5 and s.loc["reel", "verdict"] == "enough posts"
    assert s.loc["photo", "verdict"] == "not enough posts"
    b = bootstrap_interval(posts.assign(er_reach=0.1), by="format", min_posts=3, lang="id").set_index("format")
    assert b.loc["photo", "verdict"] == "unggahan belum cukup" and b.loc["reel", "verdict_code"] == "enough_posts"
