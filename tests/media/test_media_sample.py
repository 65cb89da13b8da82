"""End-to-end: every media function and plot on the bundled sample (skipped until the sample exists)."""

import warnings
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::smanalysis.exceptions.SMAnalysisWarning")

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"

EXPORTS = SAMPLE / "exports"


@pytest.fixture(scope="module")
def sample():
    if not EXPORTS.is_dir() or not (SAMPLE / "profile.yaml").is_file():
        pytest.skip(f"the bundled sample is not there yet ({EXPORTS})")
    from smanalysis.io import load_dataset
    from smanalysis.profile import load_profile

    profile = load_profile(SAMPLE / "profile.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset([EXPORTS, SAMPLE / "content_plan.csv"], profile=profile)
    return ds, profile


def test_media_runs_on_the_sample(sample):
    from smanalysis import media

    ds, profile = sample
    posts, followers = ds.posts, ds.followers
    assert len(posts) and len(followers)
    pm = media.post_metrics(posts, followers=followers, profile=profile)
    own = pm[pm["account"].isin(profile.brand_handles)]
    assert len(own) and own["engagements"].notna().mean() > 0.9
    assert not own["followers_at_publish"].isna().all()
    for by in ("platform", "format", "theme", "content_type", "month", "account"):
        s = media.summary(own, by=by, profile=profile)
        assert s["n_posts"].sum() == len(own)
    bt = media.best_times(own, profile=profile, min_posts=2)
    assert bt["rank"].notna().any()
    assert len(media.growth(followers)) > 0
    cp = media.compare_periods(own, current={"start": "2026-10-01", "end": "2026-10-31"},
                               previous={"start": "2026-09-01", "end": "2026-09-30"}, followers=followers,
                               profile=profile)
    assert (cp.query("metric == 'n_posts'")["current"] > 0).all()
    b = media.benchmark(pm, profile=profile, followers=followers, period="2026-10")
    assert {"own", "competitor"} <= set(b["role"])
    assert len(media.top_posts(own, n=5)) == 5
    cg = media.compare_groups(own[own["platform"] == "instagram"], by="format", lang="en")
    assert cg["verdict"].str.len().gt(0).all()
    # the follow spikes planted in the sample (truth.yaml) are the strongest days
    sp = media.spikes(followers, metric="net_new_followers", by="platform")
    found = set(zip(sp["platform"].head(6), sp["date"].head(6).dt.strftime("%Y-%m-%d")))
    assert {("tiktok", "2026-03-14"), ("instagram", "2026-08-22"), ("instagram", "2026-10-17")} <= found
    views = media.spikes(own, metric="views", by="platform")
    assert (views["platform"].iloc[0], str(views["date"].iloc[0].date())) == ("tiktok", "2026-03-14")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_media_plots_render_on_the_sample(sample, lang):
    from matplotlib.axes import Axes

    from smanalysis import media
    from smanalysis.plotting import media as mp

    ds, profile = sample
    pm = media.post_metrics(ds.posts, followers=ds.followers, profile=profile)
    own = pm[pm["account"].isin(profile.brand_handles)]
    axes = [
        mp.plot_engagement_over_time(own, by="platform", freq="month", lang=lang, profile=profile),
        mp.plot_rates(own, by="format", lang=lang),
        mp.plot_rates(own, by="theme", metric="er_impressions", lang=lang),
        mp.plot_best_times(media.best_times(own, profile=profile, min_posts=2), lang=lang),
        mp.plot_follower_growth(ds.followers, lang=lang),
        mp.plot_benchmark(media.benchmark(pm, profile=profile, followers=ds.followers), lang=lang),
        mp.plot_top_posts(media.top_posts(own, n=8), lang=lang),
        mp.plot_spikes(media.spikes(own[own["platform"] == "instagram"], all_days=True), lang=lang),
    ]
    assert all(isinstance(ax, Axes) and ax.get_title() for ax in axes)
