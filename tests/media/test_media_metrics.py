import warnings

import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SchemaError, SMAnalysisWarning
from smanalysis.media import METRICS, RATE_METRICS, engagement_components, metric_label, post_metrics


def _posts(**cols):
    n = len(next(iter(cols.values())))
    base = {"post_id": [f"p{i}" for i in range(n)], "account": ["kopisenja.id"] * n,
            "created_at": pd.to_datetime(["2026-10-05 03:00"] * n, utc=True)}
    base.update(cols)
    return pd.DataFrame(base)


def _quiet(fn, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SMAnalysisWarning)
        return fn(*a, **k)


def test_engagements_follow_each_platform_definition():
    posts = _posts(platform=["instagram", "facebook", "x", "x", "tiktok"],
                   likes=[10.0, 10.0, 10.0, 10.0, 10.0], comments=[2.0, 2.0, 2.0, 2.0, 2.0],
                   shares=[1.0, 1.0, 1.0, 1.0, 1.0], saves=[3.0, 3.0, 3.0, 3.0, 3.0],
                   clicks=[5.0, 5.0, 5.0, 5.0, 5.0], engagements_reported=[np.nan, np.nan, 40.0, np.nan, np.nan])
    pm = _quiet(post_metrics, posts)
    # IG 10+2+1+3; FB 10+2+1 (no saves); X reported 40; X parts 10+2+1+3+5; TikTok 10+2+1+3
    assert pm["engagements"].tolist() == [16.0, 13.0, 40.0, 21.0, 16.0]


def test_engagement_definition_by_name_and_list():
    posts = _posts(platform=["instagram", "x"], likes=[10.0, 10.0], comments=[2.0, 2.0], shares=[1.0, 1.0],
                   saves=[3.0, 3.0], engagements_reported=[np.nan, 99.0])
    assert _quiet(post_metrics, posts, engagement="interactions")["engagements"].tolist() == [13.0, 13.0]
    assert _quiet(post_metrics, posts, engagement=["likes", "saves"])["engagements"].tolist() == [13.0, 13.0]
    assert _quiet(post_metrics, posts, engagement="reported")["engagements"].tolist() == [16.0, 99.0]


def test_unknown_engagement_definition_is_a_value_error():
    with pytest.raises(ValueError, match=r"The value for `engagement` must be one of \[.*'platform'.*\], but 'likes' was passed"):
        post_metrics(_posts(platform=["x"]), engagement="likes")
    assert engagement_components({"x": ["likes"]}) == {"x": ("likes",)}


def test_missing_components_count_as_zero_but_none_gives_nan():
    posts = _posts(platform=["instagram", "instagram"], likes=[5.0, np.nan], comments=[1.0, np.nan],
                   shares=[np.nan, np.nan], reach=[10.0, 10.0])
    pm = _quiet(post_metrics, posts)
    assert pm["engagements"].iloc[0] == 6.0
    assert np.isnan(pm["engagements"].iloc[1])
    assert pm["er_reach"].iloc[0] == pytest.approx(0.6)


def test_rates_worked_by_hand():
    posts = _posts(platform=["instagram"], likes=[40.0], comments=[6.0], shares=[4.0], saves=[10.0],
                   clicks=[8.0], reach=[500.0], impressions=[800.0], followers_at_post=[2000.0])
    pm = post_metrics(posts)
    row = pm.iloc[0]
    assert row["engagements"] == 60.0
    assert row["er_reach"] == pytest.approx(60 / 500)
    assert row["er_impressions"] == pytest.approx(60 / 800)
    assert row["impressions_basis"] == "impressions"
    assert row["er_followers"] == pytest.approx(60 / 2000)
    assert row["reach_rate"] == pytest.approx(0.25)
    assert row["virality_rate"] == pytest.approx(4 / 500)
    assert row["virality_basis"] == "reach"
    assert row["click_rate"] == pytest.approx(0.01)
    assert (row["conversation_rate"], row["amplification_rate"], row["applause_rate"]) == (6.0, 4.0, 40.0)
    assert row["conversation_rate_per_1k"] == pytest.approx(3.0)
    assert row["amplification_rate_per_1k"] == pytest.approx(2.0)
    assert row["applause_rate_per_1k"] == pytest.approx(20.0)
    assert row["followers_source"] == "followers_at_post"


def test_views_stand_in_for_impressions_and_say_so():
    posts = _posts(platform=["instagram", "instagram", "x"], likes=[10.0, 10.0, 10.0], comments=[0.0, 0.0, 0.0],
                   shares=[0.0, 0.0, 0.0], impressions=[np.nan, 100.0, 50.0], views=[200.0, 400.0, np.nan],
                   reach=[100.0, 100.0, 100.0], followers_at_post=[100.0, 100.0, 100.0])
    pm = post_metrics(posts)
    assert pm["er_impressions"].tolist() == pytest.approx([0.05, 0.1, 0.2])
    assert pm["impressions_basis"].tolist() == ["views", "impressions", "impressions"]


def test_virality_falls_back_to_impressions_flagged():
    posts = _posts(platform=["x", "x", "tiktok"], shares=[5.0, 5.0, 5.0], likes=[1.0, 1.0, 1.0],
                   reach=[np.nan, 0.0, np.nan], impressions=[250.0, 250.0, np.nan], views=[np.nan, np.nan, 1000.0])
    with pytest.warns(SMAnalysisWarning, match="virality_rate 1 of 3"):
        pm = post_metrics(posts)
    assert pm["virality_rate"].iloc[0] == pytest.approx(0.02)
    assert pm["virality_basis"].tolist() == ["impressions", "reach", "views"]
    assert np.isnan(pm["virality_rate"].iloc[1])  # zero reach is zero reach, not a fallback
    assert pm["virality_rate"].iloc[2] == pytest.approx(0.005)


def test_zero_and_missing_denominators_give_nan_and_one_warning():
    posts = _posts(platform=["instagram"] * 3, likes=[10.0, 10.0, 10.0], reach=[0.0, np.nan, 100.0],
                   impressions=[100.0, 100.0, 100.0], followers_at_post=[0.0, 100.0, 100.0])
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        pm = post_metrics(posts)
    ours = [w for w in rec if issubclass(w.category, SMAnalysisWarning)]
    assert len(ours) == 1
    msg = str(ours[0].message)
    assert "er_reach 2 of 3" in msg and "er_followers 1 of 3" in msg
    assert np.isnan(pm["er_reach"].iloc[0]) and np.isnan(pm["er_reach"].iloc[1])
    assert np.isnan(pm["er_followers"].iloc[0])
    assert not np.isinf(pm[list(RATE_METRICS)].to_numpy(dtype=float)).any()


def test_followers_from_daily_series_use_local_day_before():
    # 18:00 UTC on Oct 5 is 01:00 on Oct 6 in Jakarta: followers at the end of Oct 5 (local) apply.
    posts = _posts(platform=["instagram", "instagram", "instagram"], likes=[11.0, 11.0, 11.0],
                   created_at=pd.to_datetime(["2026-10-05 18:00", "2026-10-04 02:00", "2026-10-05 03:00"], utc=True),
                   account=["kopisenja.id", "kopisenja.id", "other"], followers_at_post=[np.nan, np.nan, 50.0])
    followers = pd.DataFrame({"date": pd.to_datetime(["2026-10-04", "2026-10-05", "2026-10-06"]),
                              "platform": "instagram", "account": "kopisenja.id",
                              "followers": [100.0, 110.0, 120.0]})
    pm = _quiet(post_metrics, posts, followers=followers)
    # post 2 is on Oct 4 local, first day of the series: same-day value; post 3 not in the table: export value
    assert pm["followers_at_publish"].tolist() == [110.0, 100.0, 50.0]
    assert pm["followers_source"].tolist() == ["followers_table", "followers_table", "followers_at_post"]
    assert pm["er_followers"].iloc[0] == pytest.approx(0.1)
    pm_utc = _quiet(post_metrics, posts, followers=followers, timezone="UTC")
    assert pm_utc["followers_at_publish"].iloc[0] == 100.0


def test_missing_platform_is_a_schema_error():
    with pytest.raises(SchemaError, match=r"post_metrics: the posts table lacks required columns \['platform'\]"):
        post_metrics(pd.DataFrame({"likes": [1.0]}))


def test_bad_followers_table_is_a_schema_error():
    with pytest.raises(SchemaError, match=r"post_metrics: the followers table lacks required columns \['followers'\]"):
        post_metrics(_posts(platform=["x"]), followers=pd.DataFrame({"date": ["2026-10-01"], "platform": ["x"],
                                                                      "account": ["a"]}))


def test_empty_posts_give_empty_metrics():
    pm = post_metrics(_posts(platform=[]).astype({"post_id": object}))
    assert len(pm) == 0 and "er_reach" in pm.columns


def test_post_metrics_does_not_mutate_input():
    posts = _posts(platform=["instagram", "x"], likes=[1.0, 2.0], reach=[0.0, 10.0])
    followers = pd.DataFrame({"date": pd.to_datetime(["2026-10-04"]), "platform": ["x"],
                              "account": ["kopisenja.id"], "followers": [10.0]})
    before, fbefore = posts.copy(), followers.copy()
    _quiet(post_metrics, posts, followers=followers)
    pd.testing.assert_frame_equal(posts, before)
    pd.testing.assert_frame_equal(followers, fbefore)


def test_metric_dictionary_labels_and_denominators():
    for name in RATE_METRICS:
        m = METRICS[name]
        assert m.kind == "rate" and m.denominator and m.label("id") and m.label("en")
    assert metric_label("er_reach") == "ER (jangkauan)"
    assert metric_label("virality_rate_ratio_of_totals", "en") == "Virality rate, ratio of totals"
    assert metric_label("unknown_column") == "unknown_column"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_count = st.one_of(st.just(np.nan), st.just(0.0), st.floats(0, 1e7, allow_nan=False))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["instagram", "facebook", "x", "tiktok", "youtube", "other"]),
                          _count, _count, _count, _count, _count, _count, _count), min_size=1, max_size=12))
def test_post_metrics_never_gives_inf_or_loses_rows(rows):
    posts = pd.DataFrame(rows, columns=["platform", "likes", "comments", "shares", "reach", "impressions", "views",
                                        "followers_at_post"])
    pm = _quiet(post_metrics, posts)
    assert len(pm) == len(posts) and pm.index.equals(posts.index)
    rates = pm[list(RATE_METRICS)].to_numpy(dtype=float)
    assert not np.isinf(rates).any()
    assert (rates[~np.isnan(rates)] >= 0).all()
