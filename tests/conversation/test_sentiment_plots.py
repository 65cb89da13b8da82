"""Sentiment plots: titles in both languages, values worked by hand, errors."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from smanalysis.exceptions import SchemaError  # noqa: E402
from smanalysis.plotting import (  # noqa: E402
    plot_sentiment_distribution,
    plot_sentiment_over_time,
    plot_sentiment_scores,
)


@pytest.fixture
def frame():
    # Jakarta time: Oct 5 and Oct 6 2026 are in different weeks (Mon Oct 5 starts a week)
    return pd.DataFrame({
        "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-02 03:00", "2026-10-03 03:00",
                                      "2026-10-06 03:00", "2026-10-07 03:00"], utc=True),
        "platform": ["instagram", "instagram", "tiktok", "tiktok", "tiktok"],
        "brand": ["Kopi Senja", "Kopi Pagi", "Kopi Senja", "Kopi Senja", "Kopi Pagi"],
        "label": ["positive", "positive", "negative", "neutral", "negative"],
        "score": [0.6, 0.5, -0.4, 0.0, -0.7],
    })


def test_over_time_net_values_by_hand(frame):
    ax = plot_sentiment_over_time(frame, kind="net", freq="W", lang="en")
    # week 1: 2 pos, 1 neg -> (2-1)/3 ; week 2: 0 pos, 1 neg -> -1
    y = ax.lines[0].get_ydata()
    np.testing.assert_allclose(y, [1 / 3, -1.0])
    assert ax.get_title() == "Net sentiment per week"


def test_over_time_share_titles(frame):
    assert plot_sentiment_over_time(frame).get_title() == "Sentimen per minggu (pangsa teks)"
    assert plot_sentiment_over_time(frame, kind="count", freq="M", lang="en").get_title() == \
        "Sentiment per month (number of texts)"


def test_distribution_shares_by_hand(frame):
    ax = plot_sentiment_distribution(frame, by="platform", lang="en")
    assert ax.get_title() == "Sentiment mix by platform"
    # bars drawn in order negative, neutral, positive for [instagram, tiktok]
    widths = [p.get_width() for p in ax.patches]
    np.testing.assert_allclose(widths, [0, 2 / 3, 0, 1 / 3, 1.0, 0])
    assert plot_sentiment_distribution(frame, by="brand").get_title() == "Komposisi sentimen menurut merek"


def test_distribution_counts(frame):
    ax = plot_sentiment_distribution(frame, by="brand", normalize=False, lang="en")
    assert sum(p.get_width() for p in ax.patches) == 5


def test_scores_histogram(frame):
    ax = plot_sentiment_scores(frame, by="platform")
    assert ax.get_title() == "Sebaran skor sentimen"


def test_empty_frames_draw_no_data(frame):
    ax = plot_sentiment_over_time(frame.iloc[:0], lang="en")
    assert "No data" in [t.get_text() for t in ax.texts]
    ax = plot_sentiment_distribution(frame.iloc[:0])
    assert "Tidak ada data" in [t.get_text() for t in ax.texts]


def test_errors(frame):
    with pytest.raises(SchemaError, match=r"plot_sentiment_over_time: the frame lacks required columns \['label'\]"):
        plot_sentiment_over_time(frame.drop(columns="label"))
    with pytest.raises(SchemaError, match=r"plot_sentiment_distribution: the frame lacks required columns \['sentiment'\]"):
        plot_sentiment_distribution(frame, label="sentiment")
    with pytest.raises(ValueError, match=r"The value for `kind` must be one of \['share', 'count', 'net'\], but 'pie'"):
        plot_sentiment_over_time(frame, kind="pie")
    with pytest.raises(ValueError, match=r"The value for `freq` must be one of"):
        plot_sentiment_over_time(frame, freq="H")
    with pytest.raises(ValueError, match=r"The value for `lang` must be one of \['id', 'en'\], but 'fr'"):
        plot_sentiment_distribution(frame, lang="fr")
    with pytest.raises(TypeError, match="expected a pandas DataFrame"):
        plot_sentiment_scores([0.1, 0.2])


def test_plots_do_not_mutate(frame):
    before = frame.copy()
    plot_sentiment_over_time(frame, kind="net")
    plot_sentiment_distribution(frame)
    plot_sentiment_scores(frame)
    pd.testing.assert_frame_equal(frame, before)
