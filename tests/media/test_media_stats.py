import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SchemaError, SMAnalysisWarning
from smanalysis.media import bootstrap_interval, compare_groups, summary


def test_interval_coverage_on_a_known_answer():
    # 300 independent samples of 40 posts from a normal with mean 0.05: about 95% of the
    # intervals should contain 0.05 (percentile bootstrap runs slightly under at n = 40).
    rng = np.random.default_rng(7)
    k, n = 300, 40
    df = pd.DataFrame({"sample": np.repeat(np.arange(k), n), "er_reach": rng.normal(0.05, 0.02, k * n)})
    ci = bootstrap_interval(df, by="sample", n_boot=1000, seed=1)
    covered = ((ci["ci_low"] <= 0.05) & (ci["ci_high"] >= 0.05)).mean()
    assert 0.88 <= covered <= 0.99
    assert (ci["ci_method"] == "bootstrap").all()


def test_interval_by_hand_and_seeded():
    df = pd.DataFrame({"g": ["a", "a", "a", "b"], "er_reach": [0.1, 0.2, 0.3, 0.5]})
    ci = bootstrap_interval(df, by="g", seed=5)
    assert ci["mean"].tolist() == pytest.approx([0.2, 0.5])
    assert ci["n"].tolist() == [3, 1]
    # resampled means of {0.1, 0.2, 0.3} lie in [0.1, 0.3]
    assert 0.1 <= ci["ci_low"].iloc[0] < 0.2 < ci["ci_high"].iloc[0] <= 0.3
    assert np.isnan(ci["ci_low"].iloc[1])
    pd.testing.assert_frame_equal(ci, bootstrap_interval(df, by="g", seed=5))
    wide = pd.DataFrame({"er_reach": [0.1, 0.15, 0.2, 0.3, 0.4, 0.45, 0.5, 0.9]})
    assert not bootstrap_interval(wide, seed=5).equals(bootstrap_interval(wide, seed=6))


def test_large_groups_use_the_normal_approximation():
    rng = np.random.default_rng(0)
    x = rng.normal(1.0, 2.0, 400)
    ci = bootstrap_interval(pd.DataFrame({"er_reach": x}), boot_max=100, n_boot=4000)
    half = 1.96 * x.std(ddof=1) / np.sqrt(400)
    assert ci["ci_method"].iloc[0] == "normal"
    assert ci["ci_low"].iloc[0] == pytest.approx(x.mean() - half, abs=0.03)
    assert ci["ci_high"].iloc[0] == pytest.approx(x.mean() + half, abs=0.03)


def test_interval_ignores_nan_and_validates():
    df = pd.DataFrame({"er_reach": [0.1, np.nan, 0.3]})
    ci = bootstrap_interval(df)
    assert (ci["n_posts"].iloc[0], ci["n"].iloc[0], ci["mean"].iloc[0]) == (3, 2, pytest.approx(0.2))
    with pytest.raises(ValueError, match="The value for `level` must be between 0 and 1, but 95 was passed"):
        bootstrap_interval(df, level=95)
    with pytest.raises(SchemaError, match=r"bootstrap_interval: the posts table lacks required columns \['format'\]"):
        bootstrap_interval(df, by="format")


@pytest.fixture
def groups():
    rng = np.random.default_rng(3)
    return pd.DataFrame({
        "format": ["reel"] * 30 + ["photo"] * 30 + ["carousel"] * 30 + ["live"] * 2,
        "er_reach": np.concatenate([rng.normal(0.10, 0.01, 30), rng.normal(0.05, 0.01, 30),
                                    rng.normal(0.05, 0.01, 30), [0.5, 0.6]]),
    })


def test_compare_groups_verdicts_in_both_languages(groups):
    res = compare_groups(groups, by="format", min_posts=5, lang="en").set_index(["group_a", "group_b"])
    assert res.loc[("reel", "photo"), "verdict_code"] == "a_higher"
    assert res.loc[("reel", "photo"), "verdict"] == "reel is higher than photo (95%)"
    assert res.loc[("reel", "photo"), "ci_low"] > 0
    pair = [p for p in res.index if set(p) == {"carousel", "photo"}][0]
    assert res.loc[pair, "verdict_code"] == "no_clear_difference"
    assert res.loc[("live", "reel"), "verdict"] == "not enough posts to tell"
    assert np.isnan(res.loc[("live", "reel"), "ci_low"])
    res_id = compare_groups(groups, by="format", min_posts=5).set_index(["group_a", "group_b"])
    assert res_id.loc[("reel", "photo"), "verdict"] == "reel lebih tinggi daripada photo (95%)"
    assert res_id.loc[("live", "reel"), "verdict"] == "belum cukup data untuk menyimpulkan"
    assert res_id.loc[pair, "verdict"].startswith("tidak ada perbedaan yang jelas")


def test_compare_groups_baseline_and_difference(groups):
    res = compare_groups(groups, by="format", baseline="photo", min_posts=5)
    assert set(res["group_b"]) == {"photo"} and len(res) == 3
    row = res.set_index("group_a").loc["reel"]
    assert row["difference"] == pytest.approx(row["mean_a"] - row["mean_b"])
    assert row["relative_difference"] == pytest.approx(row["difference"] / row["mean_b"])
    b = res.set_index("group_a").loc["live"]
    assert b["verdict_code"] == "not_enough_data"


def test_compare_groups_errors_and_edge_cases(groups):
    with pytest.raises(ValueError, match=r"The value for `lang` must be one of \['id', 'en'\], but 'fr' was passed"):
        compare_groups(groups, by="format", lang="fr")
    with pytest.raises(ValueError, match=r"The value for `baseline` must be one of \[.*\], but 'story' was passed"):
        compare_groups(groups, by="format", baseline="story")
    with pytest.raises(SchemaError, match=r"compare_groups: the posts table lacks required columns \['theme'\]"):
        compare_groups(groups, by="theme")
    with pytest.warns(SMAnalysisWarning, match="nothing to compare"):
        res = compare_groups(groups[groups["format"] == "reel"], by="format")
    assert res.empty and "verdict" in res.columns
    before = groups.copy()
    compare_groups(groups, by="format")
    pd.testing.assert_frame_equal(groups, before)


@pytest.mark.filterwarnings("ignore:post_metrics:smanalysis.exceptions.SMAnalysisWarning")
def test_summary_intervals_vectorised_for_many_groups():
    rng = np.random.default_rng(2)
    df = pd.DataFrame({"platform": "instagram", "theme": np.repeat([f"t{i}" for i in range(50)], 20),
                       "likes": rng.poisson(20, 1000).astype(float), "reach": rng.poisson(400, 1000).astype(float)})
    s = summary(df, by="theme", metrics=["er_reach"], n_boot=500)
    assert len(s) == 50 and s["er_reach_ci_low"].notna().all()
    assert (s["er_reach_ci_low"] < s["er_reach_mean_of_posts"]).all()


def test_bootstrap_interval_does_not_mutate():
    df = pd.DataFrame({"g": ["a", "a", "b"], "likes": [1.0, 2.0, 3.0], "reach": [10.0, 10.0, 10.0],
                       "platform": "instagram"})
    before = df.copy()
    with pytest.warns(SMAnalysisWarning):
        res = bootstrap_interval(df, by="g", metric="er_reach")  # computes post metrics on a copy
    assert res["mean"].tolist() == pytest.approx([0.15, 0.3])
    pd.testing.assert_frame_equal(df, before)


@pytest.mark.filterwarnings("ignore:post_metrics:smanalysis.exceptions.SMAnalysisWarning")
def test_summary_normal_approximation_for_large_groups():
    rng = np.random.default_rng(4)
    likes = rng.poisson(50, 400).astype(float)
    df = pd.DataFrame({"platform": "instagram", "likes": likes, "reach": 1000.0})
    s = summary(df, by="platform", metrics=["er_reach"], boot_max=100, n_boot=4000)
    rate = likes / 1000
    half = 1.96 * rate.std(ddof=1) / np.sqrt(400)
    assert s["ci_method"].iloc[0] == "normal"
    assert s["er_reach_ci_low"].iloc[0] == pytest.approx(rate.mean() - half, abs=5e-4)
    assert s["er_reach_ci_high"].iloc[0] == pytest.approx(rate.mean() + half, abs=5e-4)


def test_summary_groups_by_two_keys_in_sorted_order():
    df = pd.DataFrame({"platform": ["x", "instagram", "x", "instagram", "x"],
                       "format": ["text", "reel", None, "photo", "text"],
                       "likes": [1.0, 2.0, 3.0, 4.0, 5.0], "reach": 10.0})
    with pytest.warns(SMAnalysisWarning):
        s = summary(df, by=["platform", "format"], metrics=["er_reach"], ci=None)
    assert s[["platform", "format"]].astype(object).where(s[["platform", "format"]].notna(), None).values.tolist() \
        == [["instagram", "photo"], ["instagram", "reel"], ["x", "text"], ["x", None]]
    assert s["n_posts"].tolist() == [1, 1, 2, 1]
    assert s["likes_total"].tolist() == [4.0, 2.0, 6.0, 3.0]
