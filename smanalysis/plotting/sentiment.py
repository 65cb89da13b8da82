"""Sentiment plots: sentiment over time and the sentiment mix by platform or brand.

Both take a frame with one row a text (comments or mentions) and a sentiment
label column, typically the canonical table joined with the output of
:func:`smanalysis.conversation.sentiment`::

    comments.join(sentiment(comments["text"]))

Titles and labels are in Bahasa Indonesia (``lang="id"``, default) or English.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"created_at": pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-09"], utc=True),
...                    "platform": ["instagram", "tiktok", "instagram"],
...                    "label": ["positive", "negative", "neutral"]})
>>> plot_sentiment_over_time(df, freq="W", lang="en").get_title()
'Sentiment per week (share of texts)'
>>> plot_sentiment_distribution(df, by="platform").get_title()
'Komposisi sentimen menurut platform'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..schema import require_columns
from ..media.metrics import METRICS
from .._checks import check_choice
from ..formatting import axis_format
from ..words import LANGS, code_label, text

__all__ = ["plot_sentiment_over_time", "plot_sentiment_distribution", "plot_sentiment_scores"]

_ORDER = ("negative", "neutral", "positive")
_COLORS = {"negative": "#d1495b", "neutral": "#b8b8b8", "positive": "#2e8b57"}
#: pandas period aliases accepted for ``freq`` -> the period name (words: ``freq.<name>``)
_FREQ = {"D": "day", "W": "week", "M": "month", "ME": "month", "MS": "month", "Q": "quarter", "QE": "quarter"}


def _need(df, cols, func):
    require_columns(df, cols, func=func, what="frame")


def _ax(ax):
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 4.8))
        fig.set_layout_engine("tight")
    return ax


def plot_sentiment_over_time(df: pd.DataFrame, *, time: str = "created_at", label: str = "label",
                             freq: str = "W", kind: str = "share", timezone: str | None = "Asia/Jakarta",
                             ax=None, lang: str = "id"):
    """Sentiment of texts per period: stacked shares or counts, or net sentiment.

    Parameters
    ----------
    df : DataFrame
        One row a text, with columns ``time`` (timestamps) and ``label``
        (positive/neutral/negative).
    time, label : str
        Column names (defaults: ``created_at`` of the canonical tables, ``label`` of
        :func:`~smanalysis.conversation.sentiment`).
    freq : str, default "W"
        Period: "D", "W", "M" (month) or "Q".
    kind : {"share", "count", "net"}, default "share"
        Stacked share of texts (denominator: all texts of the period), stacked counts, or
        the net sentiment line (pos - neg) / (pos + neg), neutral excluded (NaN when a
        period has neither).
    timezone : str or None, default "Asia/Jakarta"
        Time zone the periods are cut in (timezone-aware timestamps only).
    ax : matplotlib Axes, optional
    lang : {"id", "en"}

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    SchemaError
        When a column is missing.
    ValueError
        When ``kind``, ``freq`` or ``lang`` is not an allowed value.
    """
    check_choice("lang", lang, LANGS)
    if kind not in ("share", "count", "net"):
        raise ValueError(f"The value for `kind` must be one of ['share', 'count', 'net'], but {kind!r} was passed.")
    if freq not in _FREQ:
        raise ValueError(f"The value for `freq` must be one of {list(_FREQ)}, but {freq!r} was passed.")
    _need(df, [time, label], "plot_sentiment_over_time")
    ax = _ax(ax)
    fname = code_label("freq", _FREQ[freq], lang)
    ts = pd.to_datetime(df[time], errors="coerce")
    if timezone is not None and getattr(ts.dt, "tz", None) is not None:
        ts = ts.dt.tz_convert(timezone).dt.tz_localize(None)
    elif getattr(ts.dt, "tz", None) is not None:
        ts = ts.dt.tz_localize(None)
    pfreq = {"ME": "M", "MS": "M", "QE": "Q"}.get(freq, freq)
    period = ts.dt.to_period(pfreq)
    tab = pd.crosstab(period, df[label]).reindex(columns=list(_ORDER), fill_value=0)
    if tab.empty:
        ax.text(0.5, 0.5, text("plot.no_data", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_title(text("plot.sentiment.over_time", lang, f=fname))
        return ax
    x = tab.index.to_timestamp()
    if kind == "net":
        pos, neg = tab["positive"].astype(float), tab["negative"].astype(float)
        net = METRICS["net_sentiment"].ratio(pos - neg, pos + neg)
        ax.plot(x, net, marker="o", color="#1f4e79")
        ax.axhline(0, color="#888888", lw=0.8)
        ax.set_ylim(-1.05, 1.05)
        ax.set_ylabel(text("plot.sentiment.net_y", lang))
        ax.set_title(text("plot.sentiment.net", lang, f=fname))
    else:
        vals = tab.div(tab.sum(axis=1), axis=0) if kind == "share" else tab
        ax.stackplot(x, *[vals[c].to_numpy(dtype=float) for c in _ORDER], labels=[text(f"col.{c}", lang) for c in _ORDER],
                     colors=[_COLORS[c] for c in _ORDER], alpha=0.9)
        if kind == "share":
            axis_format(ax, "ratio", lang, axis="y")
            ax.set_ylim(0, 1)
        ax.set_ylabel(text("plot.sentiment.share_y" if kind == "share" else "plot.sentiment.count_y", lang))
        ax.set_title(text("plot.sentiment.over_time", lang, f=fname) + " " + text(f"plot.sentiment.{kind}", lang))
        ax.legend(loc="upper left", fontsize="small")
    ax.set_xlabel(text("plot.period", lang))
    return ax


def plot_sentiment_distribution(df: pd.DataFrame, *, by: str = "platform", label: str = "label",
                                normalize: bool = True, ax=None, lang: str = "id"):
    """Sentiment mix per group (platform, brand, account, theme): horizontal stacked bars.

    Parameters
    ----------
    df : DataFrame
        One row a text, with columns ``by`` and ``label``.
    by : str, default "platform"
        Grouping column, e.g. ``platform`` (comments) or ``brand`` (mentions).
    label : str, default "label"
    normalize : bool, default True
        Shares of each group's texts (denominator: all texts of the group) instead of counts.
    ax : matplotlib Axes, optional
    lang : {"id", "en"}

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    SchemaError
        When a column is missing.
    """
    check_choice("lang", lang, LANGS)
    _need(df, [by, label], "plot_sentiment_distribution")
    ax = _ax(ax)
    tab = pd.crosstab(df[by], df[label]).reindex(columns=list(_ORDER), fill_value=0)
    title = text("plot.sentiment.dist", lang, b=code_label("col", by, lang))
    ax.set_title(title)
    if tab.empty:
        ax.text(0.5, 0.5, text("plot.no_data", lang), ha="center", va="center", transform=ax.transAxes)
        return ax
    vals = tab.div(tab.sum(axis=1), axis=0) if normalize else tab
    left = np.zeros(len(vals))
    y = np.arange(len(vals))
    for c in _ORDER:
        w = vals[c].to_numpy(dtype=float)
        ax.barh(y, w, left=left, color=_COLORS[c], label=text(f"col.{c}", lang))
        left += w
    ax.set_yticks(y, [str(i) for i in vals.index])
    if normalize:
        axis_format(ax, "ratio", lang, axis="x")
        ax.set_xlim(0, 1)
    ax.set_xlabel(text("plot.sentiment.share_y", lang) if normalize else text("plot.sentiment.count_y", lang))
    ax.legend(loc="lower right", fontsize="small")
    return ax


def plot_sentiment_scores(df: pd.DataFrame, *, score: str = "score", by: str | None = None, bins: int = 20,
                          ax=None, lang: str = "id"):
    """Histogram of sentiment scores in [-1, 1], optionally one outline per group.

    Examples
    --------
    >>> import pandas as pd
    >>> plot_sentiment_scores(pd.DataFrame({"score": [-0.5, 0.0, 0.6]}), lang="en").get_xlabel()
    'Score (-1 negative .. +1 positive)'
    """
    check_choice("lang", lang, LANGS)
    cols = [score] + ([by] if by is not None else [])
    _need(df, cols, "plot_sentiment_scores")
    ax = _ax(ax)
    edges = np.linspace(-1, 1, int(bins) + 1)
    vals = pd.to_numeric(df[score], errors="coerce")
    if by is None:
        ax.hist(vals.dropna(), bins=edges, color="#1f4e79", alpha=0.85)
    else:
        for key, part in vals.groupby(df[by]):
            ax.hist(part.dropna(), bins=edges, histtype="step", lw=1.8, label=str(key))
        ax.legend(fontsize="small")
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlabel(text("plot.sentiment.score", lang))
    ax.set_ylabel(text("plot.sentiment.count_y", lang))
    ax.set_title(text("plot.sentiment.scores", lang))
    return ax
