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


def test_boost_effect_too_few_boosted(posts):
    res = boost_effect(posts, metrics=["reach"], lang="en").set_index("metric")
    r = res.loc["reach"]
    # reel stratum: 2 boosted; photo: no boosted post; tiktok: no organic peer -> 2 comparable < 5
    assert (r["n_boosted"], r["n_organic"], r["verdict_code"]) == (2, 3, "too_few_boosted")
    assert r["verdict"] == "too few boosted posts to tell (at least 5)" and np.isnan(r["ci_low"])
    assert boost_effect(posts, metrics=["reach"], lang="id")["verdict"].iloc[0] == \
        "terlalu sedikit unggahan boost untuk menyimpulkan (minimal 5)"


def _reels(boosted, organic):
    n = len(boosted) + len(organic)
    return pd.DataFrame({"post_id": [f"r{i}" for i in range(n)], "platform": "instagram", "format": "reel",
                         "reach": list(boosted) + list(organic), "paid": [True] * len(boosted) + [False] * len(organic)})


def test_boost_effect_welch_interval_by_hand():
    from scipy import stats

    res = boost_effect(_reels([400, 420, 380, 410, 390], [100, 120, 110]), metrics=["reach"], lang="en").iloc[0]
    # boosted mean 400, s^2 = (0 + 400 + 400 + 100 + 100) / 4 = 250 -> 250 / 5 = 50
    # organic mean 110, s^2 = (100 + 100 + 0) / 2 = 100 -> 100 / 3 = 33.33; se = sqrt(83.33)
    # Welch df = 83.33^2 / (50^2 / 4 + 33.33^2 / 2) = 5.882
    df = (250 / 5 + 100 / 3) ** 2 / ((250 / 5) ** 2 / 4 + (100 / 3) ** 2 / 2)
    assert df == pytest.approx(5.882, abs=1e-3)
    half = stats.t.ppf(0.975, df) * np.sqrt(250 / 5 + 100 / 3)
    assert res["extra_per_boosted_post"] == 290.0 and res["relative_extra"] == pytest.approx(290 / 110)
    assert res["ci_low"] == pytest.approx(290 - half) and res["ci_high"] == pytest.approx(290 + half)
    assert half == pytest.approx(2.46 * 9.1287, abs=0.05)  # t(0.975, ~5.9 df) from a t table: 2.46
    assert res["verdict_code"] == "boost_more" and res["verdict"] == "the boost bought more reach (95%)"


@pytest.mark.parametrize("boosted, organic, code, words", [
    # extra +10, interval straddles zero -> cannot tell yet (not "no difference")
    ([100, 160, 60, 140, 90], [100, 80, 110, 90], "cannot_tell",
     "cannot tell yet whether the boost bought more reach: the interval includes zero"),
    ([10, 12, 11, 9, 13], [100, 120, 110], "boost_less", "boosted posts got less reach (95%)"),
])
def test_boost_effect_verdict_reads_the_interval(boosted, organic, code, words):
    r = boost_effect(_reels(boosted, organic), metrics=["reach"], lang="en").iloc[0]
    assert r["verdict_code"] == code and r["verdict"] == words
    assert (r["ci_low"] < 0 < r["ci_high"]) == (code == "cannot_tell")


def test_boost_effect_strata_weighted_by_hand(posts):
    more = posts.copy()
    more.loc[6, "paid"] = True  # photo 70 boosted
    extra = pd.DataFrame({"post_id": ["q1", "q2", "q3", "q4", "q5"], "account": "kopisenja.id",
                          "platform": "instagram", "format": ["photo", "photo", "reel", "reel", "reel"],
                          "created_at": pd.Timestamp("2026-10-20", tz="UTC"),
                          "reach": [40.0, 60.0, 600.0, 550.0, 650.0], "likes": 1.0,
                          "paid": [False, False, True, True, True]})
    more = pd.concat([more, extra], ignore_index=True)
    # reel: organic 100, 200, 300 (mean 200), boosted 500, 700, 600, 550, 650 (mean 600) -> +400
    # photo: organic 50, 40, 60 (mean 50), boosted 70 -> +20. Weights 5/6 (reel), 1/6 (photo)
    res = boost_effect(more, metrics=["reach"], lang="en").set_index("metric").loc["reach"]
    assert (res["n_boosted"], res["n_organic"], res["n_strata"]) == (6, 6, 2)
    assert res["extra_per_boosted_post"] == pytest.approx(5 / 6 * 400 + 1 / 6 * 20)
    assert res["organic_mean"] == pytest.approx(5 / 6 * 200 + 1 / 6 * 50)
    # pooled within-stratum variances: boosted (reel squares 10000+10000+0+2500+2500) / (6 - 2 strata) = 6250;
    # organic (reel 10000+0+10000, photo 0+100+100) / (6 - 2) = 5050
    se = np.sqrt(6250 / 6 + 5050 * ((5 / 6) ** 2 / 3 + (1 / 6) ** 2 / 3))
    assert (res["ci_high"] - res["ci_low"]) / 2 > 2 * se and res["verdict_code"] == "boost_more"
    before = more.copy()
    boost_effect(more, metrics=["reach"])
    pd.testing.assert_frame_equal(more, before)


def test_boost_effect_without_paid_flag(posts):
    res = boost_effect(posts.drop(columns="paid"), metrics=["reach"], lang="id")
    assert res["verdict_code"].tolist() == ["no_paid_flag"]
    with pytest.warns(SMAnalysisWarning, match="no post has a `paid` flag"):
        s = paid_split(posts.drop(columns="paid"), metrics=["er_reach"], ci=None)
    assert s["paid_status"].tolist() == ["unknown"]
