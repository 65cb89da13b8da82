"""Measured audience against the target, platform fit from measured ages, watch-time figures."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.factfinding import platform_fit
from smanalysis.media import audience_vs_target, measured_age_table, video_summary
from smanalysis.profile import Profile


@pytest.fixture
def profile():
    return Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                              "own_accounts": {"instagram": "kopisenja.id", "tiktok": "kopisenja.id"},
                              "platforms": ["instagram", "tiktok"],
                              "audience": {"age_min": 18, "age_max": 30, "gender": "female",
                                           "locations": ["Yogyakarta", "Sleman"]}})


@pytest.fixture
def audience():
    # Instagram "Audience" export of the own account: ages, gender, top cities
    return pd.DataFrame({
        "platform": "instagram", "account": "kopisenja.id",
        "dimension": ["age"] * 4 + ["gender"] * 2 + ["city"] * 3,
        "segment": ["18-24", "25-34", "35-44", "45+", "Women", "Men", "Yogyakarta", "Sleman", "Jakarta"],
        "share": [0.40, 0.30, 0.20, 0.10, 0.62, 0.38, 0.50, 0.15, 0.10],
    }).replace({"Women": "female", "Men": "male"})


def test_audience_vs_target_by_hand(audience, profile):
    res = audience_vs_target(audience, profile=profile, lang="en").set_index("dimension")
    # ages 18-30: all of 18-24 (0.40) + 6 of the 10 years of 25-34 (0.30 x 0.6 = 0.18) = 0.58 -> partly
    assert res.loc["age", "share_in_target"] == pytest.approx(0.58)
    assert res.loc["age", "verdict"] == "partly fits" and res.loc["age", "top_segment"] == "18-24"
    assert res.loc["gender", "share_in_target"] == pytest.approx(0.62) and res.loc["gender", "fit"] == "fits"
    # cities: shares renormalised over the exported top cities: (0.50 + 0.15) / 0.75
    assert res.loc["city", "share_in_target"] == pytest.approx(0.65 / 0.75, abs=1e-4)


def test_platform_fit_uses_measured_ages_with_fallback_labelled(audience, profile):
    t = measured_age_table(audience, own=profile.brand_handles)
    # "45+" is read as 45-80; shares of the four bands sum to 1
    assert t["share"].sum() == pytest.approx(1.0) and t["age_max"].max() == 80
    fit = platform_fit(profile, audience=audience, lang="en").set_index("platform")
    assert fit.loc["instagram", "basis"] == "measured" and fit.loc["tiktok", "basis"] == "fallback"
    assert fit.loc["instagram", "audience_share"] == pytest.approx(0.58)
    assert fit.loc["instagram", "source"] == "@kopisenja.id"  # basis says "measured"; the source names the account
    assert (platform_fit(profile, lang="en")["basis"] == "fallback").all()


def test_video_summary_watch_time_by_hand():
    video = pd.DataFrame({"post_id": ["v1", "v2", "v3", "v4"], "platform": "tiktok", "account": "kopisenja.id",
                          "views": [1000.0, 3000.0, 500.0, np.nan], "watch_time_s": [9000.0, 15000.0, np.nan, 100.0],
                          "avg_view_duration_s": [9.0, 5.0, 12.0, np.nan], "views_3s": [600.0, 1500.0, np.nan, np.nan],
                          "retention": [0.40, 0.20, 0.60, np.nan]})
    posts = pd.DataFrame({"post_id": ["v1", "v2", "v3", "v4"], "platform": "tiktok",
                          "format": ["video", "video", "reel", "reel"], "theme": ["menu", "promo", "menu", "menu"]})
    s = video_summary(video, posts, by="format", lang="en", min_posts=2).set_index("format")
    # video: watch time 24,000 s = 6.667 h over 4,000 views -> 6 s a view; 3-s views 2,100 / 4,000
    assert s.loc["video", "watch_time_h"] == pytest.approx(24000 / 3600)
    assert s.loc["video", "avg_view_duration_s"] == pytest.approx(6.0)
    assert s.loc["video", "views_3s_rate"] == pytest.approx(2100 / 4000)
    assert s.loc["video", "retention_mean"] == pytest.approx(0.30) and s.loc["video", "n_videos"] == 2
    # reel: no video with both views and watch time -> mean of the exported average durations (12 s)
    assert s.loc["reel", "avg_view_duration_s"] == pytest.approx(12.0)
    assert s.loc["video", "verdict"] == "enough posts"
    by_theme = video_summary(video, posts, by="theme", min_posts=3).set_index("theme")
    assert by_theme.loc["menu", "n_videos"] == 3 and by_theme.loc["promo", "verdict"] == "unggahan belum cukup"
