import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SchemaError, SMAnalysisWarning
from smanalysis.media import growth, period_growth
from smanalysis.media.growth import period_growths


@pytest.fixture
def followers():
    return pd.DataFrame({
        "date": pd.to_datetime(["2026-08-31", "2026-09-15", "2026-09-30", "2026-10-10", "2026-10-31",
                                "2026-09-01", "2026-10-31"]),
        "platform": ["instagram"] * 5 + ["x"] * 2,
        "account": ["kopisenja.id"] * 5 + ["kopisenja_id"] * 2,
        "followers": [1000.0, 1030.0, 1100.0, 1111.0, 1210.0, 200.0, 190.0],
    })


def test_growth_monthly_by_hand(followers):
    g = growth(followers, freq="month")
    ig = g[g["platform"] == "instagram"].set_index("period")
    # Sep: start = Aug 31 (1000), end 1100 -> +100, 10 %; Oct: 1100 -> 1210 -> 10 %
    assert ig.loc["2026-09-01", "followers_start"] == 1000.0
    assert ig.loc["2026-09-01", "net_new_followers"] == 100.0
    assert ig.loc["2026-09-01", "follower_growth"] == pytest.approx(0.1)
    assert ig.loc["2026-10-01", "follower_growth"] == pytest.approx(0.1)
    assert ig.loc["2026-10-01", "n_days"] == 2
    x = g[g["platform"] == "x"].set_index("period")
    assert x.loc["2026-10-01", "net_new_followers"] == -10.0
    assert x.loc["2026-10-01", "follower_growth"] == pytest.approx(-0.05)


def test_growth_weekly(followers):
    g = growth(followers[followers["platform"] == "instagram"], freq="week")
    assert g["period"].dt.day_of_week.eq(0).all()  # weeks start on Monday


def test_growth_from_daily_gains_only():
    f = pd.DataFrame({"date": pd.to_datetime(["2026-10-01", "2026-10-02"]), "platform": "tiktok",
                      "account": "kopisenja.id", "followers": [np.nan, np.nan],
                      "new_followers": [5.0, 7.0], "unfollows": [1.0, np.nan]})
    with pytest.warns(SMAnalysisWarning, match="growth undefined .* for 1 of 1 periods"):
        g = growth(f)
    assert g["net_new_followers"].iloc[0] == 11.0
    assert g["new_followers"].iloc[0] == 12.0 and g["unfollows"].iloc[0] == 1.0
    assert np.isnan(g["follower_growth"].iloc[0])


def test_growth_zero_start_warns():
    f = pd.DataFrame({"date": pd.to_datetime(["2026-10-01", "2026-10-31"]), "platform": "x", "account": "a",
                      "followers": [0.0, 10.0]})
    with pytest.warns(SMAnalysisWarning, match="growth: follower growth undefined"):
        g = growth(f)
    assert np.isnan(g["follower_growth"].iloc[0]) and not np.isinf(g["follower_growth"]).any()


def test_growth_errors_and_no_mutation(followers):
    with pytest.raises(ValueError, match=r"The value for `freq` must be one of \[.*'month'.*\], but 'fortnight' was passed"):
        growth(followers, freq="fortnight")
    with pytest.raises(SchemaError, match=r"growth: the followers table lacks required columns \['followers'\]"):
        growth(followers.drop(columns="followers"))
    before = followers.copy()
    growth(followers)
    period_growth(followers, period="2026-10")
    pd.testing.assert_frame_equal(followers, before)


def test_growth_empty_table():
    g = growth(followers_empty := pd.DataFrame({"date": [], "platform": [], "account": [], "followers": []}))
    assert g.empty and "follower_growth" in g.columns and len(followers_empty) == 0


def test_period_growth_by_hand(followers):
    g = period_growth(followers, period=("2026-10-01", "2026-10-31"))
    ig = g.set_index("platform").loc["instagram"]
    assert (ig["followers_start"], ig["followers_end"]) == (1100.0, 1210.0)
    assert ig["follower_growth"] == pytest.approx(0.1)
    total = period_growth(followers, period="2026-10", by=None)
    assert total["net_new_followers"].iloc[0] == 110.0 - 10.0
    assert total["follower_growth"].iloc[0] == pytest.approx(100 / 1300)


def test_period_growths_one_pass_for_several_groupings(followers):
    # October: instagram starts at 1100 (30 Sep) and ends at 1210; x starts at 200 (1 Sep) and ends at 190
    total, each, plat = period_growths(followers, period="2026-10", by=[None, ["platform", "account"], "platform"])
    assert total[["followers_start", "followers_end", "net_new_followers"]].iloc[0].tolist() == [1300.0, 1400.0, 100.0]
    assert each["net_new_followers"].tolist() == [110.0, -10.0]
    assert each["follower_growth"].tolist() == pytest.approx([0.1, -0.05])
    assert plat["platform"].tolist() == ["instagram", "x"]
    # each grouping is exactly what period_growth gives on its own
    for by, got in ((None, total), (["platform", "account"], each), ("platform", plat)):
        pd.testing.assert_frame_equal(got, period_growth(followers, period="2026-10", by=by))


def test_period_growths_names_the_missing_column(followers):
    with pytest.raises(SchemaError, match="theme"):
        period_growths(followers, period="2026-10", by=[None, "theme"])
