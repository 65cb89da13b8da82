"""Conversation plots: share of voice, net sentiment, intents, response time, terms, codes.

Each function draws one chart from the frame returned by the matching function
of :mod:`smanalysis.conversation` and returns the matplotlib Axes. Titles and
labels are in Bahasa Indonesia (``lang="id"``) or English (``lang="en"``).

Examples
--------
>>> import pandas as pd
>>> from smanalysis.conversation import share_of_voice
>>> sov = share_of_voice(pd.DataFrame({"brand": ["Kopi Senja", "Kopi Senja", "Kopi Pagi"]}))
>>> plot_share_of_voice(sov).get_title()
'Share of voice'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..schema import require_columns
from .._checks import check_choice
from ..formatting import percent
from ..words import LANGS, code_label, text

__all__ = ["plot_share_of_voice", "plot_net_sentiment", "plot_intents", "plot_response_time", "plot_top_terms",
           "plot_codes"]


def _need(df, cols, func):
    require_columns(df, cols, func=func, what="frame")


def _ax(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    return ax


def _readable(labels: pd.Series, lang: str) -> list[str]:
    """Emoji (which most plot fonts cannot draw) written as their names: "😍" -> "(wajah tersenyum ...)"."""
    import emoji

    def name(v: str) -> str:
        if not emoji.emoji_count(v):
            return v
        words = emoji.demojize(v, language="id" if lang == "id" else "en", delimiters=("(", ")"))
        return words.replace("_", " ")

    return [name(v) for v in labels]  # a few labels of a chart


def plot_share_of_voice(sov: pd.DataFrame, *, ax=None, lang: str = "id", value: str = "share_of_voice",
                        by: str = "brand"):
    """Share of voice per brand: stacked areas over time (with ``period``) or horizontal bars.

    Parameters
    ----------
    sov : DataFrame
        Output of :func:`smanalysis.conversation.share_of_voice`.
    ax : matplotlib Axes, optional
    lang : {"id", "en"}
    value : {"share_of_voice", "positive_share_of_voice", "negative_share_of_voice"}
    by : str, default "brand"

    Returns
    -------
    matplotlib Axes
    """
    check_choice("lang", lang, LANGS)
    _need(sov, [by, value], "plot_share_of_voice")
    ax = _ax(ax)
    title = text("plot.conversation.positive_sov", lang) if value == "positive_share_of_voice" else text("plot.conversation.sov", lang)
    if "period" in sov.columns:
        wide = sov.pivot_table(index="period", columns=by, values=value, aggfunc="sum", sort=False).fillna(0)
        x = wide.index.to_timestamp() if isinstance(wide.index, pd.PeriodIndex) else wide.index
        ax.stackplot(x, *(wide[c].to_numpy() for c in wide.columns), labels=[str(c) for c in wide.columns],
                     alpha=0.85)
        ax.set_xlabel(text("plot.period", lang))
        ax.set_ylim(0, 1)
        ax.legend(loc="upper left", fontsize="small", frameon=False)
        # weekly periods crowd the axis: let matplotlib pick and slant the date ticks
        ax.tick_params(axis="x", labelrotation=30)
        for lab in ax.get_xticklabels():
            lab.set_horizontalalignment("right")
    else:
        ax.barh(sov[by].astype(str), sov[value].to_numpy(float), color="#4c72b0")
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        for i, v in enumerate(sov[value].to_numpy(float)):
            if np.isfinite(v):
                ax.text(v, i, f" {percent(v, lang, 0)}", va="center", fontsize="small")
    ax.set_ylabel(text("plot.conversation.share", lang) if "period" in sov.columns else "")
    ax.set_title(title)
    return ax


def plot_net_sentiment(ns: pd.DataFrame, *, by: str = "brand", variant: str = "excl_neutral", ax=None,
                       lang: str = "id"):
    """Net sentiment per group (brand, platform, theme...) as bars from -1 to 1.

    Parameters
    ----------
    ns : DataFrame
        Output of :func:`smanalysis.conversation.net_sentiment`.
    by : str, default "brand"
        Group column (``period`` works too).
    variant : {"excl_neutral", "all"}
    ax : matplotlib Axes, optional
    lang : {"id", "en"}

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> ns = pd.DataFrame({"brand": ["A", "B"], "net_sentiment_excl_neutral": [0.4, -0.2]})
    >>> plot_net_sentiment(ns, lang="en").get_title()
    'Net sentiment (neutral excluded)'
    """
    check_choice("lang", lang, LANGS)
    if variant not in ("excl_neutral", "all"):
        raise ValueError(f"The value for `variant` must be one of ['excl_neutral', 'all'], but {variant!r} was passed.")
    col = f"net_sentiment_{variant}"
    _need(ns, [by, col], "plot_net_sentiment")
    ax = _ax(ax)
    vals = ns[col].to_numpy(float)
    labels = ns[by].astype(str).tolist()
    colors = np.where(vals >= 0, "#55a868", "#c44e52")
    ax.bar(labels, np.nan_to_num(vals), color=colors)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(-1, 1)
    ax.set_ylabel(text("plot.conversation.net", lang))
    ax.set_title(text("plot.conversation.net_excl", lang) if variant == "excl_neutral" else text("plot.conversation.net_all", lang))
    return ax


def plot_intents(frame: pd.DataFrame, *, ax=None, lang: str = "id", by: str | None = None):
    """Number of comments per intent (optionally stacked by ``platform`` or ``answered``).

    Parameters
    ----------
    frame : DataFrame
        Output of :func:`smanalysis.conversation.intents`, ``response_times``
        or ``unanswered`` (an ``intent`` column).
    ax : matplotlib Axes, optional
    lang : {"id", "en"}
    by : str, optional
        Column to stack by.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from smanalysis.conversation import intents
    >>> plot_intents(intents(["berapa?", "enak", "kecewa"]), lang="en").get_title()
    'Comment intents'
    """
    check_choice("lang", lang, LANGS)
    _need(frame, ["intent", *([by] if by else [])], "plot_intents")
    ax = _ax(ax)
    order = [i for i in ("question", "complaint", "abuse", "praise", "spam", "other") if i in set(frame["intent"])]
    if by:
        tab = pd.crosstab(frame["intent"], frame[by]).reindex(order)
        tab.index = [code_label("value", i, lang) for i in tab.index]
        tab.plot.bar(stacked=True, ax=ax, rot=0)
        ax.legend(fontsize="small", frameon=False)
    else:
        counts = frame["intent"].value_counts().reindex(order)
        ax.bar([code_label("value", i, lang) for i in order], counts.to_numpy(), color="#4c72b0")
    ax.set_ylabel(text("plot.conversation.comments", lang))
    ax.set_title(text("plot.conversation.intents", lang))
    return ax


def plot_response_time(stats: pd.DataFrame, *, by: str = "platform", ax=None, lang: str = "id"):
    """Median and 90th-percentile first-response time per group, with the reply rate under its name.

    Parameters
    ----------
    stats : DataFrame
        Output of :func:`smanalysis.conversation.response_stats` grouped by ``by``.
    by : str, default "platform"
    ax : matplotlib Axes, optional
    lang : {"id", "en"}

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> st = pd.DataFrame({"platform": ["instagram", "tiktok"], "median_minutes": [30, 90],
    ...                    "p90_minutes": [120, 300], "reply_rate": [0.8, 0.5]})
    >>> ax = plot_response_time(st)
    >>> ax.get_ylabel(), [t.get_text() for t in ax.get_xticklabels()]
    ('Menit', ['instagram\\n80% dibalas', 'tiktok\\n50% dibalas'])
    """
    check_choice("lang", lang, LANGS)
    _need(stats, [by, "median_minutes", "p90_minutes"], "plot_response_time")
    ax = _ax(ax)
    x = np.arange(len(stats))
    labels = [code_label("value", str(v), lang) for v in stats[by]]
    ax.bar(x - 0.2, stats["median_minutes"].fillna(0).to_numpy(float), width=0.4,
           label=text("plot.conversation.median", lang),
           color="#4c72b0")
    ax.bar(x + 0.2, stats["p90_minutes"].fillna(0).to_numpy(float), width=0.4,
           label=text("plot.conversation.p90", lang), color="#dd8452")
    if "reply_rate" in stats.columns:  # the reply rate under each group's name (over the bars, four
        # groups' rates ran into each other on a phone)
        labels = [f"{name}\n{text('plot.conversation.replied', lang, p=percent(r, lang, 0))}" if np.isfinite(r)
                  else name for name, r in zip(labels, stats["reply_rate"].to_numpy(float))]
    ax.set_xticks(x, labels)
    ax.set_ylabel(text("plot.conversation.minutes", lang))
    ax.set_title(text("plot.conversation.response", lang))
    ax.legend(fontsize="small", frameon=False)
    return ax


def plot_top_terms(terms: pd.DataFrame, *, top: int = 15, ax=None, lang: str = "id"):
    """Horizontal bars of the most frequent terms (emoji labelled with their names).

    Parameters
    ----------
    terms : DataFrame
        Output of :func:`smanalysis.conversation.terms` (``term``, ``count``)
        or ``ngrams`` (``ngram``, ``count``).
    top : int, default 15
    ax : matplotlib Axes, optional
    lang : {"id", "en"}

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> ax = plot_top_terms(pd.DataFrame({"term": ["kopi", "😍"], "count": [5, 3]}), lang="en")
    >>> ax.get_title(), ax.get_yticklabels()[1].get_text()
    ('Top terms', '(smiling face with heart-eyes)')
    """
    check_choice("lang", lang, LANGS)
    col = "term" if "term" in getattr(terms, "columns", []) else "ngram"
    _need(terms, [col, "count"], "plot_top_terms")
    ax = _ax(ax)
    d = terms.head(top)
    ax.barh(_readable(d[col].astype(str), lang), d["count"].to_numpy(float), color="#4c72b0")
    ax.invert_yaxis()
    ax.set_xlabel(text("plot.conversation.count", lang))
    ax.set_title(text("plot.conversation.terms", lang))
    return ax


def plot_codes(counts, *, ax=None, lang: str = "id"):
    """Texts per code of a qualitative coding.

    Parameters
    ----------
    counts : DataFrame or CodingResult
        ``counts`` of :func:`smanalysis.conversation.code` (``code``,
        ``label``, ``texts``) or the result itself.
    ax : matplotlib Axes, optional
    lang : {"id", "en"}

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from smanalysis.conversation import code
    >>> r = code(["enak", "mahal", "enak sekali"], {"rasa": ["enak"], "harga": ["mahal"]})
    >>> plot_codes(r).get_title()
    'Frekuensi kode'
    """
    check_choice("lang", lang, LANGS)
    counts = getattr(counts, "counts", counts)
    _need(counts, ["code", "texts"], "plot_codes")
    ax = _ax(ax)
    d = counts.sort_values("texts", ascending=False)
    names = d["label"] if "label" in d.columns else d["code"]
    ax.barh(names.astype(str), d["texts"].to_numpy(float), color="#8172b3")
    ax.invert_yaxis()
    ax.set_xlabel(text("plot.conversation.texts", lang))
    ax.set_title(text("plot.conversation.codes", lang))
    return ax
