"""Follower growth split by paid, organic and post-free days, worked by hand."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.media import follower_days, follower_growth_by_paid


def _fixture():
    # facebook, 12 consecutive days of counts (Oct 1-12): daily gains Oct 2..12
    counts = [100, 110, 118, 121, 131, 133, 141, 144, 154, 156, 158, 159]
    fol = pd.DataFrame({"date": pd.date_range("2026-10-01", periods=12), "platform": "facebook",
                        "account": "kopisenja", "followers": [float(c) for c in counts]})
    # gains: Oct2 +10, 3 +8, 4 +3, 5 +10, 6 +2, 7 +8, 8 +3, 9 +10, 10 +2, 11 +2, 12 +1
    # paid days: 2, 5, 9 (+10 each) and 3, 7 (+8 each) -> 5 paid days, mean 9.2
    # organic days: 4, 6, 8, 10, 11 (+3, +2, +3, +2, +2) -> mean 2.4; Oct 12 no posts (+1)
    paid_days = [2, 3, 5, 7, 9]
    org_days = [4, 6, 8, 10, 11]
    posts = pd.DataFrame({
        "platform": "facebook", "account": "kopisenja",
        # 03:00 UTC = 10:00 in Jakarta, same local day; a second organic post on a paid day stays a paid day
        "created_at": pd.to_datetime([f"2026-10-{d:02d} 03:00" for d in paid_days + org_days + [2]], utc=True),
        "paid": [True] * 5 + [False] * 5 + [False]})
    return posts, fol


def test_follower_days_by_hand():
    posts, fol = _fixture()
    d = follower_days(posts, followers=fol)
    assert len(d) == 11  # Oct 1 has no day before it
    assert d.set_index(d["date"].dt.day)["day_type"].to_dict() == {
        2: "paid", 3: "paid", 4: "organic", 5: "paid", 6: "organic", 7: "paid", 8: "organic", 9: "paid",
        10: "organic", 11: "organic", 12: "no_posts"}
    assert d.loc[d["date"].dt.day == 2, ["n_posts", "n_paid", "followers_gained"]].values.tolist() == [[2, 1, 10.0]]
    assert set(d["source"]) == {"followers"}


def test_follower_growth_by_paid_by_hand():
    from scipy import stats

    posts, fol = _fixture()
    t = follower_growth_by_paid(posts, followers=fol, lang="en").set_index("day_type")
    assert t.index.tolist() == ["paid", "organic", "no_posts"]
    assert t.loc["paid", "n_days"] == 5 and t.loc["paid", "followers_gained"] == 46.0
    assert t.loc["paid", "per_day"] == pytest.approx(9.2) and t.loc["organic", "per_day"] == pytest.approx(2.4)
    assert t.loc["no_posts", "verdict"] == "not enough days (at least 5)" and np.isnan(t.loc["no_posts", "ci_low"])
    # paid: deviations 0.8, -1.2, 0.8, -1.2, 0.8 -> var = (3*0.64 + 2*1.44) / 4 = 1.2
    # organic: 0.6, -0.4, 0.6, -0.4, -0.4 -> var = (2*0.36 + 3*0.16) / 4 = 0.3
    var_p, var_o = 1.2, 0.3
    half_p = stats.t.ppf(0.975, 4) * np.sqrt(var_p / 5)
    assert t.loc["paid", "ci_low"] == pytest.approx(9.2 - half_p)
    se2 = var_p / 5 + var_o / 5  # 0.30
    dof = se2 ** 2 / ((var_p / 5) ** 2 / 4 + (var_o / 5) ** 2 / 4)  # 0.09 / (0.0144 + 0.0009) = 5.88
    assert dof == pytest.approx(5.882, abs=1e-3)
    h = stats.t.ppf(0.975, dof) * np.sqrt(se2)
    assert t.loc["paid", "extra_per_day"] == pytest.approx(6.8)
    assert t.loc["paid", "extra_ci_low"] == pytest.approx(6.8 - h) and t.loc["paid", "extra_ci_high"] == pytest.approx(6.8 + h)
    assert t.loc["paid", "effect_code"] == "boost_more"
    assert t.loc["paid", "effect"] == "the boost bought more new followers per day (95%)"
    assert t.loc["organic", "day_label"] == "days with organic posts only"
    ident = follower_growth_by_paid(posts, followers=fol, lang="id").set_index("day_type")
    assert ident.loc["paid", "day_label"] == "hari dengan unggahan boost"


def test_too_few_days_and_account_daily_source():
    posts, fol = _fixture()
    # the same gains as account_daily followers_gained on x; only Oct 2..6 -> 3 paid? no: 2, 3, 5 paid, 4, 6 organic
    daily = pd.DataFrame({"date": pd.date_range("2026-10-02", periods=5), "platform": "x", "account": "k",
                          "metric": "followers_gained", "value": [10.0, 8.0, 3.0, 10.0, 2.0]})
    t = follower_growth_by_paid(posts.assign(platform="x"), account_daily=daily, lang="en").set_index("day_type")
    assert t.loc["paid", "n_days"] == 3 and t.loc["organic", "n_days"] == 2
    assert t.loc["paid", "effect_code"] == "too_few_boosted" and np.isnan(t.loc["paid", "extra_per_day"])
    assert t.loc["paid", "effect"] == "too few boosted or organic days to tell (at least 5 days each)"
    assert follower_days(posts.assign(platform="x"), account_daily=daily)["source"].unique().tolist() == ["account_daily"]


def test_gap_in_counts_and_period():
    posts, fol = _fixture()
    gap = fol[fol["date"].dt.day != 5]  # Oct 6's change spans two days: left out, as is Oct 5
    d = follower_days(posts, followers=gap)
    assert 5 not in d["date"].dt.day.tolist() and 6 not in d["date"].dt.day.tolist()
    inside = follower_days(posts, followers=fol, period=("2026-10-05", "2026-10-07"))
    assert inside["date"].dt.day.tolist() == [5, 6, 7]


def test_no_series_warns_and_input_not_changed():
    posts, fol = _fixture()
    with pytest.warns(SMAnalysisWarning, match="cannot be split by paid vs organic days"):
        assert follower_growth_by_paid(posts).empty
    before_p, before_f = posts.copy(), fol.copy()
    follower_growth_by_paid(posts, followers=fol)
    pd.testing.assert_frame_equal(posts, before_p)
    pd.testing.assert_frame_equal(fol, before_f)
