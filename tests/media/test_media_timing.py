import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SchemaError, SMAnalysisWarning
from smanalysis.media import best_times, spikes
from smanalysis.profile import Profile

pytestmark = pytest.mark.filterwarnings("ignore:post_metrics:smanalysis.exceptions.SMAnalysisWarning")


def _posts(times, values):
    return pd.DataFrame({"platform": "instagram", "created_at": pd.to_datetime(times, utc=True), "er_reach": values})


def test_best_times_uses_profile_timezone():
    # 2026-10-05 is a Monday; 12:00 UTC is 19:00 in Jakarta, 20:00 in Makassar
    posts = _posts(["2026-10-05 12:00", "2026-10-12 12:10"], [0.1, 0.3])
    bt = best_times(posts, min_posts=1)
    top = bt[bt["rank"] == 1].iloc[0]
    assert (top["weekday"], top["hour"], top["n_posts"], top["median"]) == (0, 19, 2, pytest.approx(0.2))
    assert bt.attrs["timezone"] == "Asia/Jakarta"
    prof = Profile.from_dict({"business_name": "K", "business_model": "B2C", "goal": "promotion",
                              "own_accounts": {"instagram": "k"}, "timezone": "Asia/Makassar"})
    top = best_times(posts, min_posts=1, profile=prof).query("rank == 1").iloc[0]
    assert top["hour"] == 20
    top = best_times(posts, min_posts=1, timezone="UTC").query("rank == 1").iloc[0]
    assert top["hour"] == 12


def test_best_times_honours_min_posts_and_ranks():
    posts = _posts(["2026-10-05 01:00", "2026-10-12 01:00", "2026-10-19 01:00",   # Mon 08:00 x3: median 0.2
                    "2026-10-06 01:00", "2026-10-13 01:00",                       # Tue 08:00 x2: 0.9 but too few
                    "2026-10-07 01:00", "2026-10-14 01:00", "2026-10-21 01:00"],  # Wed 08:00 x3: median 0.5
                   [0.1, 0.2, 0.9, 0.9, 0.9, 0.5, 0.4, 0.6])
    bt = best_times(posts, min_posts=3, top=5)
    assert len(bt) == 168
    slot = bt.set_index(["weekday", "hour"])
    assert slot.loc[(0, 8), "median"] == pytest.approx(0.2)
    assert slot.loc[(1, 8), "n_posts"] == 2 and np.isnan(slot.loc[(1, 8), "median"])
    assert np.isnan(slot.loc[(1, 8), "rank"])
    assert slot.loc[(2, 8), "rank"] == 1 and slot.loc[(0, 8), "rank"] == 2
    assert bt["rank"].notna().sum() == 2


def test_best_times_hour_bins_and_errors():
    posts = _posts(["2026-10-05 00:00", "2026-10-05 01:30"], [0.1, 0.3])  # 07:00 and 08:30 local
    bt = best_times(posts, min_posts=2, hour_bin=3)
    assert len(bt) == 56
    assert bt.query("weekday == 0 and hour == 6")["median"].iloc[0] == pytest.approx(0.2)
    with pytest.raises(ValueError, match=r"The value for `hour_bin` must be one of \[1, 2, 3, 4, 6, 8, 12, 24\], but 5"):
        best_times(posts, hour_bin=5)
    with pytest.raises(SchemaError, match=r"best_times: the posts table lacks required columns \['created_at'\]"):
        best_times(posts.drop(columns="created_at"))
    with pytest.warns(SMAnalysisWarning, match="no slot has 5 or more posts"):
        best_times(posts, min_posts=5)


def test_best_times_computes_metric_and_does_not_mutate():
    posts = pd.DataFrame({"platform": "instagram", "created_at": pd.to_datetime(["2026-10-05 01:00"], utc=True),
                          "likes": [10.0], "comments": [0.0], "shares": [0.0], "reach": [100.0]})
    before = posts.copy()
    bt = best_times(posts, min_posts=1)
    assert bt["median"].max() == pytest.approx(0.1)
    pd.testing.assert_frame_equal(posts, before)


def test_spikes_from_series_and_zero_mad():
    s = pd.Series([10.0] * 9 + [50.0], index=pd.date_range("2026-10-01", periods=10))
    res = spikes(s, window=None, all_days=True)
    # MAD is 0: the robust z-score is undefined, so no spike is claimed
    assert res["robust_z"].isna().all() and not res["is_spike"].any()
    s = pd.Series([10, 12, 8, 10, 12, 8, 10, 60.0], index=pd.date_range("2026-10-01", periods=8))
    res = spikes(s, window=None)
    # median 10, |dev| = 0,2,2,0,2,2,0,50 -> MAD 2 -> scaled 2.9652; z = 50 / 2.9652
    assert res["date"].tolist() == [pd.Timestamp("2026-10-08")]
    assert res["robust_z"].iloc[0] == pytest.approx(50 / (2 * 1.4826))


def test_spikes_from_posts_per_local_day_and_account():
    times = [f"2026-10-{d:02d} 01:00" for d in range(1, 11)] + ["2026-10-05 18:00"]  # last is Oct 6 local
    posts = pd.DataFrame({"platform": "x", "account": "k", "created_at": pd.to_datetime(times, utc=True),
                          "engagements": [10, 12, 8, 10, 12, 8, 10, 12, 8, 10, 100.0]})
    res = spikes(posts, window=None, by="account")
    assert res["date"].tolist() == [pd.Timestamp("2026-10-06")] and res["account"].tolist() == ["k"]
    assert res["value"].iloc[0] == 108.0
    before = posts.copy()
    spikes(posts, window=7, all_days=True)
    pd.testing.assert_frame_equal(posts, before)


def test_spikes_daily_table_and_errors():
    daily = pd.DataFrame({"date": pd.date_range("2026-10-01", periods=6), "new_followers": [1, 2, 1, 2, 1, 40.0]})
    assert spikes(daily, metric="new_followers", window=None)["value"].tolist() == [40.0]
    with pytest.raises(SchemaError, match=r"spikes: the daily table lacks required columns \['views'\]"):
        spikes(daily, metric="views")


def test_best_times_bad_counts():
    posts = _posts(["2026-10-05 00:00"], [0.1])
    with pytest.raises(ValueError, match="`min_posts` must be >= 1 and `top` >= 0, but 0 and 3 were passed"):
        best_times(posts, min_posts=0)


def test_spikes_net_new_followers_and_direction():
    counts = [100, 102, 105, 106, 108, 111, 151, 152, 155, 131, 133, 134.0]  # +40 on day 7, -24 on day 10
    f = pd.DataFrame({"date": pd.date_range("2026-10-01", periods=12), "platform": "instagram", "account": "k",
                      "followers": counts})
    up = spikes(f.iloc[::-1], metric="net_new_followers", window=None)  # order of rows does not matter
    assert up["date"].tolist() == [pd.Timestamp("2026-10-07")] and up["value"].iloc[0] == 40.0
    down = spikes(f, metric="net_new_followers", window=None, direction="down")
    assert down["date"].tolist() == [pd.Timestamp("2026-10-10")] and down["value"].iloc[0] == -24.0
    both = spikes(f, metric="net_new_followers", window=None, direction="both")
    assert both["date"].tolist() == [pd.Timestamp("2026-10-07"), pd.Timestamp("2026-10-10")]
    with pytest.raises(ValueError, match=r"The value for `direction` must be one of \['up', 'down', 'both'\]"):
        spikes(f, metric="net_new_followers", direction="sideways")
