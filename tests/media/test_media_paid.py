"""Paid vs organic, worked by hand."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.media import boost_effect, paid_split, paid_status


@pytest.fixture
def posts():
    # instagram reels: organic reach 100, 200, 300 (mean 200); boosted 500, 700 -> +400 each on average
    # instagram photos: organic 50, 70 (mean 60); boosted 160 -> +100
    # tiktok video: only boosted (no organic peer) -> left out of the effect; one post with unknown flag
    return pd.DataFrame({
        "post_id": [f"p{i}" for i in range(9)], "account": "kopisenja.id",
        "platform": ["instagram"] * 7 + ["tiktok"] * 2,
        "format": ["reel"] * 5 + ["photo"] * 2 + ["video"] * 2,
        "created_at": pd.date_range("2026-10-01 03:00", periods=9, freq="D", tz="UTC"),
        "reach": [100.0, 200.0, 300.0, 500.0, 700.0, 50.0, 70.0, 900.0, 800.0],
        "likes": [10.0, 20.0, 30.0, 25.0, 35.0, 5.0, 7.0, 9.0, 8.0],
        "paid": [False, False, False, True, True, False, False, True, None],
    }).iloc[[0, 1, 2, 3, 4, 5, 6, 7, 8]]


def test_paid_status_and_split_by_hand(posts):
    assert paid_status(posts).tolist() == ["organic"] * 3 + ["paid"] * 2 + ["organic"] * 2 + ["paid", "unknown"]
    s = paid_split(posts, metrics=["er_reach"], ci=None, lang="en", min_posts=3).set_index("paid_status")
    assert s.loc["organic", "n_posts"] == 5 and s.loc["paid", "n_posts"] == 3 and s.loc["unknown", "n_posts"] == 1
    assert s.loc["organic", "reach_total"] == 720.0  # 100+200+300+50+70
    assert s.loc["paid", "reach_total"] == 2100.0  # 500+700+900
    # engagement rate of paid posts, ratio of totals: (25+35+9) / 2100
    assert s.loc["paid", "er_reach_ratio_of_totals"] == pytest.approx(69 / 2100)
    assert s.loc["unknown", "verdict"] == "not enough posts" and s.loc["paid", "paid_label"] == "paid (boosted)"
    by = paid_split(posts, by="platform", metrics=["er_reach"], ci=None)
    assert by[["platform", "paid_status"]].values.tolist()[:2] == [["instagram", "organic"], ["instagram", "paid"]]


def test_boost_effect_by_hand(posts):
    res = boost_effect(posts, metrics=["reach"], lang="en", min_boosted=3, seed=1).set_index("metric")
    r = res.loc["reach"]
    # reel stratum: 2 boosted, diff 600 - 200 = 400; photo: no boosted post; tiktok: no organic peer.
    # 2 comparable boosted posts < min_boosted 3 -> too few
    assert (r["n_boosted"], r["n_organic"], r["verdict_code"]) == (2, 3, "too_few_boosted")
    assert r["verdict"] == "too few boosted posts to tell" and np.isnan(r["extra_per_boosted_post"])
    more = posts.copy()
    more.loc[6, "paid"] = True  # photo 70 boosted: photo stratum now 1 organic -> still unused (needs 2)
    extra = pd.DataFrame({"post_id": ["q1", "q2"], "account": "kopisenja.id", "platform": "instagram",
                          "format": "photo", "created_at": pd.Timestamp("2026-10-20", tz="UTC"),
                          "reach": [40.0, 60.0], "likes": 1.0, "paid": False})
    more = pd.concat([more, extra], ignore_index=True)
    # photo: organic 50, 40, 60 (mean 50), boosted 70 -> +20; reel: +400. Weights 2/3 (reel), 1/3 (photo)
    res = boost_effect(more, metrics=["reach"], lang="en", min_boosted=3).set_index("metric").loc["reach"]
    assert (res["n_boosted"], res["n_organic"], res["n_strata"]) == (3, 6, 2)
    assert res["extra_per_boosted_post"] == pytest.approx(2 / 3 * 400 + 1 / 3 * 20)
    assert res["organic_mean"] == pytest.approx(2 / 3 * 200 + 1 / 3 * 50)
    # every resample: reel boosted mean >= 500 > organic max 300, photo boosted 70 > organic max 60 -> positive
    assert res["ci_low"] > 0 and res["verdict"] == "the boost bought more reach (95 %)"
    before = more.copy()
    boost_effect(more, metrics=["reach"])
    pd.testing.assert_frame_equal(more, before)


def test_boost_effect_without_paid_flag(posts):
    res = boost_effect(posts.drop(columns="paid"), metrics=["reach"], lang="id")
    assert res["verdict_code"].tolist() == ["no_paid_flag"]
    with pytest.warns(SMAnalysisWarning, match="no post has a `paid` flag"):
        s = paid_split(posts.drop(columns="paid"), metrics=["er_reach"], ci=None)
    assert s["paid_status"].tolist() == ["unknown"]
