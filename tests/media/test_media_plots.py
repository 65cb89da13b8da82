import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from smanalysis.media import benchmark, best_times, growth, post_metrics, spikes, summary, top_posts  # noqa: E402
from smanalysis.plotting import media as mp  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::smanalysis.exceptions.SMAnalysisWarning")


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(0)
    n = 120
    posts = pd.DataFrame({
        "post_id": [f"p{i}" for i in range(n)],
        "platform": rng.choice(["instagram", "tiktok"], n),
        "account": rng.choice(["kopisenja.id", "kopipagi.jogja"], n),
        "created_at": pd.Timestamp("2026-09-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 60 * 24 * 60, n), "min"),
        "format": rng.choice(["reel", "photo"], n), "theme": rng.choice(["menu", "promo"], n),
        "caption": "Kopi susu gula aren, enak banget kak", "likes": rng.poisson(30, n).astype(float),
        "comments": rng.poisson(3, n).astype(float), "shares": rng.poisson(2, n).astype(float),
        "reach": rng.poisson(500, n).astype(float), "followers_at_post": 1000.0,
    })
    followers = pd.DataFrame({"date": pd.date_range("2026-08-31", "2026-10-31"), "platform": "instagram",
                              "account": "kopisenja.id"})
    followers["followers"] = 1000.0 + np.arange(len(followers))
    return post_metrics(posts), followers


TITLES = {"id": "menurut", "en": "by"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_plot_returns_axes_in_both_languages(data, lang):
    pm, followers = data
    axes = [
        mp.plot_engagement_over_time(pm, by="platform", lang=lang),
        mp.plot_engagement_over_time(pm, metric="er_reach", freq="month", lang=lang),
        mp.plot_rates(pm, by="format", lang=lang),
        mp.plot_rates(summary(pm, by="theme", metrics=["er_reach"]), by="theme", lang=lang),
        mp.plot_best_times(best_times(pm, min_posts=1), lang=lang),
        mp.plot_follower_growth(followers, lang=lang),
        mp.plot_follower_growth(growth(followers, freq="week"), freq="week", lang=lang),
        mp.plot_benchmark(benchmark(pm, own=["kopisenja.id"], competitors=["kopipagi.jogja"]), lang=lang),
        mp.plot_benchmark(benchmark(pm, own=["kopisenja.id"], ci=None), metric="posts_per_week", lang=lang),
        mp.plot_top_posts(top_posts(pm, n=5), lang=lang),
        mp.plot_spikes(spikes(pm, all_days=True), lang=lang),
    ]
    assert all(isinstance(ax, Axes) for ax in axes)
    assert all(ax.get_title() for ax in axes)
    assert TITLES[lang] in axes[2].get_title()


def test_plot_titles_are_translated(data):
    pm, _ = data
    assert mp.plot_best_times(best_times(pm, min_posts=1), lang="id").get_title().startswith("Waktu terbaik")
    assert mp.plot_best_times(best_times(pm, min_posts=1), lang="en").get_title().startswith("Best times")
    assert [t.get_text() for t in mp.plot_best_times(best_times(pm), lang="id").get_yticklabels()][0] == "Senin"


def test_plots_draw_on_given_axes_and_handle_empty(data):
    import matplotlib.pyplot as plt

    pm, _ = data
    _, ax = plt.subplots()
    assert mp.plot_rates(pm, by="format", ax=ax) is ax
    empty = mp.plot_top_posts(top_posts(pm, n=5).iloc[:0], metric="er_reach", lang="en")
    assert empty.texts[0].get_text() == "No data"


def test_plot_errors(data):
    pm, _ = data
    with pytest.raises(ValueError, match=r"The value for `lang` must be one of \['id', 'en'\], but 'de' was passed"):
        mp.plot_rates(pm, lang="de")
    with pytest.raises(ValueError, match="The value for `metric` must be a column of the benchmark table"):
        mp.plot_benchmark(benchmark(pm, ci=None), metric="nope")
    with pytest.raises(ValueError, match=r"The value for `freq` must be one of \['day', 'week', 'month'\]"):
        mp.plot_engagement_over_time(pm, freq="year")


def test_plots_do_not_mutate_their_input(data):
    pm, followers = data
    bt = best_times(pm, min_posts=1)
    bench = benchmark(pm, own=["kopisenja.id"], ci=None)
    top = top_posts(pm, n=3)
    days = spikes(pm, all_days=True)
    frames = [pm, followers, bt, bench, top, days]
    before = [f.copy() for f in frames]
    mp.plot_engagement_over_time(pm)
    mp.plot_rates(pm)
    mp.plot_best_times(bt)
    mp.plot_follower_growth(followers)
    mp.plot_benchmark(bench)
    mp.plot_top_posts(top)
    mp.plot_spikes(days)
    for f, b in zip(frames, before):
        pd.testing.assert_frame_equal(f, b)


def test_plot_benchmark_default_metric_falls_back_when_competitors_lack_followers(data):
    pm, _ = data
    pm = pm.assign(followers_at_post=np.where(pm["account"] == "kopipagi.jogja", np.nan, 1000.0))
    bench = benchmark(pm.drop(columns=["followers_at_publish"]), own=["kopisenja.id"],
                      competitors=["kopipagi.jogja"], ci=None)
    ax = mp.plot_benchmark(bench, lang="en")
    assert ax.get_title().startswith("Engagements, median")
    bench = benchmark(pm, own=["kopisenja.id"], competitors=["kopipagi.jogja"], ci=None,
                      account_followers={"kopipagi.jogja": 900})
    assert mp.plot_benchmark(bench, lang="en").get_title().startswith("Engagement rate (followers)")


def test_follower_growth_spikes_are_written_apart_on_white():
    """Two accounts spiking the same week (127% and 5%, both past the robust limits of a flat 1%):
    each spike's value is written once, on a white patch (lines run under it), the two labels
    stacked, not drawn over each other."""
    import matplotlib.pyplot as plt

    periods = pd.date_range("2026-08-03", periods=12, freq="W-MON")
    g = pd.DataFrame({"platform": "instagram", "account": np.repeat(["a", "b"], 12),
                      "period": np.tile(periods, 2), "follower_growth": 0.01})
    g.loc[4, "follower_growth"] = 1.27
    g.loc[12 + 4, "follower_growth"] = 0.05
    ax = mp.plot_follower_growth(g, lang="id")
    labels = [t for t in ax.texts if t.get_text()]
    assert sorted(t.get_text() for t in labels) == ["127%", "5%"]
    assert all(t.get_bbox_patch() is not None and t.get_bbox_patch().get_facecolor()[:3] == (1.0, 1.0, 1.0)
               for t in labels)
    ax.figure.canvas.draw()
    a, b = (t.get_window_extent() for t in labels)
    assert not a.overlaps(b)
    plt.close(ax.figure)


def test_slanted_dates_are_matplotlibs_autofmt_xdate(data, monkeypatch):
    """The date charts slant their labels as matplotlib's Figure.autofmt_xdate does (30 degrees,
    right-aligned), without laying the dates out at the figure's first size: the same SVG bytes."""
    import matplotlib.pyplot as plt

    from smanalysis.plotting import analysis, theme

    pm, followers = data
    charts = [lambda: mp.plot_engagement_over_time(pm, by="platform"), lambda: mp.plot_follower_growth(followers),
              lambda: mp.plot_spikes(spikes(pm, all_days=True))]
    with matplotlib.rc_context():
        theme.apply_theme()  # SVG ids from the content (not random): comparable bytes
        ours = [theme.phone_svg(make().figure, lang="id") for make in charts]
        autofmt = lambda ax: ax.figure.autofmt_xdate()  # noqa: E731
        monkeypatch.setattr(mp, "slant_dates", autofmt)
        monkeypatch.setattr(analysis, "slant_dates", autofmt)
        theirs = [theme.phone_svg(make().figure, lang="id") for make in charts]
    plt.close("all")
    assert ours == theirs
    assert all('rotate(-3' in svg for svg in ours)  # slanted (30 degrees, or 35 where they still collide)
