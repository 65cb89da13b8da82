"""Plots of the analyst's tables: hashtag performance, paid vs organic, topic shares.

Examples
--------
>>> import pandas as pd
>>> from smanalysis.plotting.analysis import plot_hashtags
>>> perf = pd.DataFrame({"hashtag": ["#kopi", "#promo"], "n_posts": [6, 2], "mean": [0.06, 0.04],
...                      "ci_low": [0.05, float("nan")], "ci_high": [0.07, float("nan")],
...                      "verdict_code": ["enough_posts", "not_enough_posts"]})
>>> plot_hashtags(perf, lang="en").get_title()
'Engagement rate (reach) by hashtag (mean of posts, 95% interval)'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..media import metric_label
from .._checks import check_choice
from ..formatting import axis_format
from ..words import LANGS, code_label, text
from .theme import slant_dates

__all__ = ["plot_hashtags", "plot_paid_split", "plot_topic_shares"]

def _t(key, lang, **kw):
    """Chart words ``plot.analysis.<key>`` (``plot.no_data`` for ``"no_data"``) from the catalogue."""
    return text("plot.no_data" if key == "no_data" else f"plot.analysis.{key}", lang, **kw)


def _ax(ax, size=(9, 4.8)):
    if ax is None:
        fig, ax = plt.subplots(figsize=size)
        fig.set_layout_engine("tight")
    return ax


def _label(metric, lang):
    try:
        return metric_label(metric, lang)
    except Exception:  # noqa: BLE001 - a column the metric dictionary does not know
        return metric


def plot_hashtags(perf: pd.DataFrame, *, top: int = 12, metric: str = "er_reach", ax=None, lang: str = "id"):
    """Horizontal bars of :func:`~smanalysis.media.hashtag_performance`: mean, 95% interval, n.

    Hashtags with too few posts are drawn in grey. Returns the Axes.
    """
    check_choice("lang", lang, LANGS)
    metric = perf.attrs.get("metric", metric)
    ax = _ax(ax)
    t = perf[perf["mean"].notna()].head(top).iloc[::-1]
    if t.empty:
        ax.text(0.5, 0.5, _t("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        return ax
    y = np.arange(len(t))
    mean = t["mean"].to_numpy(dtype=float)
    err = np.vstack([np.nan_to_num(mean - t["ci_low"].to_numpy(dtype=float)),
                     np.nan_to_num(t["ci_high"].to_numpy(dtype=float) - mean)])
    enough = t["verdict_code"].eq("enough_posts").to_numpy()
    ax.barh(y, mean, color=np.where(enough, "#4c72b0", "#bbbbbb"))
    ax.errorbar(mean, y, xerr=err, fmt="none", ecolor="black", capsize=3)
    ax.set_yticks(y, [f"{h} (n={int(n)})" for h, n in zip(t["hashtag"], t["n_posts"])])
    ax.set_xlabel(_label(metric, lang))
    ax.set_title(_t("hashtags", lang, m=_label(metric, lang)))
    if "er_" in metric or metric.endswith("rate"):
        axis_format(ax, "ratio", lang, axis="x")
    return ax


def plot_paid_split(split: pd.DataFrame, *, metric: str = "er_reach", ax=None, lang: str = "id"):
    """Bars of :func:`~smanalysis.media.paid_split`: a rate's mean of posts per paid status, with intervals."""
    check_choice("lang", lang, LANGS)
    ax = _ax(ax, (7, 4))
    col = f"{metric}_mean_of_posts"
    t = split[split[col].notna()] if col in split else split.iloc[0:0]
    if t.empty:
        ax.text(0.5, 0.5, _t("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        return ax
    x = np.arange(len(t))
    mean = t[col].to_numpy(dtype=float)
    low = t.get(f"{metric}_ci_low", pd.Series(np.nan, index=t.index)).to_numpy(dtype=float)
    high = t.get(f"{metric}_ci_high", pd.Series(np.nan, index=t.index)).to_numpy(dtype=float)
    ax.bar(x, mean, color=["#4c72b0" if s == "organic" else "#dd8452" if s == "paid" else "#bbbbbb"
                           for s in t["paid_status"]])
    ax.errorbar(x, mean, yerr=np.vstack([np.nan_to_num(mean - low), np.nan_to_num(high - mean)]), fmt="none",
                ecolor="black", capsize=4)
    ax.set_xticks(x, [f"{lab}\n(n={int(n)})" for lab, n in zip(t["paid_label"], t["n_posts"])])
    ax.set_title(_t("paid", lang, m=_label(metric, lang)))
    axis_format(ax, "ratio", lang, axis="y")
    return ax


def plot_topic_shares(shares: pd.DataFrame, *, ax=None, lang: str = "id", freq: str = "month"):
    """Stacked area of :func:`~smanalysis.conversation.topic_shares` (period x topic label -> share)."""
    check_choice("lang", lang, LANGS)
    ax = _ax(ax)
    if shares.empty:
        ax.text(0.5, 0.5, _t("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        return ax
    wide = shares.pivot_table(index="period", columns="label", values="share", aggfunc="sum").fillna(0.0)
    ax.stackplot(wide.index, wide.to_numpy().T, labels=[str(c)[:40] for c in wide.columns], alpha=0.85)
    ax.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_ylim(0, 1)
    axis_format(ax, "ratio", lang, axis="y")
    ax.set_ylabel(_t("share", lang))
    ax.set_title(_t("topics", lang, f=code_label("freq", freq, lang)))
    slant_dates(ax)  # Figure.autofmt_xdate without laying out the dates at the first size
    return ax
