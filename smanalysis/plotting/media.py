"""Media plots (layer 1): engagement over time, rates with intervals, best times, growth, benchmark, top posts.

Each function draws one chart and returns its matplotlib Axes. Titles and axis
labels are in Bahasa Indonesia (``lang="id"``, default) or English
(``lang="en"``); metric names come from :data:`smanalysis.media.METRICS`.

Examples
--------
>>> import pandas as pd
>>> from smanalysis.plotting.media import plot_rates
>>> posts = pd.DataFrame({"format": ["reel", "reel", "photo", "photo"], "er_reach": [0.1, 0.2, 0.05, 0.07]})
>>> ax = plot_rates(posts, by="format", metric="er_reach", lang="en")
>>> ax.get_title()
'Engagement rate (reach) by format (mean of posts, 95% interval)'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..media import METRICS, bootstrap_interval, growth, metric_label, summary
from .._checks import check_choice
from ..formatting import axis_format, percent
from ..words import LANGS, code_label, text
from .theme import slant_dates

__all__ = [
    "plot_engagement_over_time",
    "plot_rates",
    "plot_best_times",
    "plot_follower_growth",
    "plot_benchmark",
    "plot_top_posts",
    "plot_spikes",
]


def _ax(ax):
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 4.8))
        fig.set_layout_engine("tight")
    return ax


def _is_ratio(metric):
    m = METRICS.get(metric)
    return m is not None and m.unit == "ratio"


def _empty(ax, lang):
    ax.text(0.5, 0.5, text("plot.no_data", lang), ha="center", va="center", transform=ax.transAxes)
    return ax


def plot_engagement_over_time(posts: pd.DataFrame, *, metric: str = "engagements", freq: str = "week", by=None,
                              ax=None, lang: str = "id", timezone=None, profile=None):
    """Total of a count (or ratio of totals of a rate) per day, week or month, one line per group.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts or :func:`~smanalysis.media.post_metrics` output.
    metric : str
        A count (summed) or a rate (ratio of totals) from METRICS.
    freq : {"day", "week", "month"}
    by : str, optional
        One line per value (e.g. ``"platform"``).
    ax, lang, timezone, profile
        Axes to draw on; language; timezone of the periods.

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_choice("lang", lang, LANGS)
    if freq not in ("day", "week", "month"):
        raise ValueError(f"The value for `freq` must be one of ['day', 'week', 'month'], but {freq!r} was passed.")
    ax = _ax(ax)
    keys = [freq] + ([by] if by else [])
    rate = metric in METRICS and METRICS[metric].kind == "rate"
    s = summary(posts, by=keys, metrics=[metric] if rate else [], ci=None, timezone=timezone, profile=profile)
    col = f"{metric}_ratio_of_totals" if rate else ("n_posts" if metric == "n_posts" else f"{metric}_total")
    if col not in s.columns or s.empty:
        return _empty(ax, lang)
    if by:
        for name, part in s.groupby(by, sort=True):
            ax.plot(part[freq], part[col], marker="o", ms=3, label=str(name))
        ax.legend(title=code_label("col", by, lang), fontsize="small")
    else:
        ax.plot(s[freq], s[col], marker="o", ms=3)
    ax.set_title(text("plot.media.over_time", lang, m=metric_label(metric, lang), f=code_label("freq", freq, lang)))
    ax.set_ylabel(metric_label(col, lang))
    ax.set_xlabel(text("plot.date", lang))
    if _is_ratio(metric):
        axis_format(ax, "ratio", lang, axis="y")
    slant_dates(ax)  # Figure.autofmt_xdate without laying out the dates at the first size
    return ax


def plot_rates(data: pd.DataFrame, *, by: str = "format", metric: str = "er_reach", ax=None, lang: str = "id",
               n_boot: int = 1000, seed: int = 0, min_posts: int = 5):
    """Mean of posts' rate per group with its 95% interval and post count, as lying bars.

    Groups with fewer than ``min_posts`` posts come last, pale and hatched, marked "too few posts":
    a group of one post must never look like the winner.

    Parameters
    ----------
    data : DataFrame
        Posts (the interval is computed) or :func:`~smanalysis.media.summary`
        output with ``<metric>_mean_of_posts`` and ``_ci_low``/``_ci_high``.
    by : str
        Group column (e.g. ``"format"``, ``"theme"``).
    metric : str
        Rate from METRICS.
    ax, lang, n_boot, seed
        Axes, language, bootstrap options.
    min_posts : int
        Fewest posts for a group to be shown as comparable.

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_choice("lang", lang, LANGS)
    ax = _ax(ax)
    if f"{metric}_mean_of_posts" in data.columns:
        t = data.rename(columns={f"{metric}_mean_of_posts": "mean", f"{metric}_ci_low": "ci_low",
                                 f"{metric}_ci_high": "ci_high", f"{metric}_n_posts": "n"})
    else:
        t = bootstrap_interval(data, by=by, metric=metric, n_boot=n_boot, seed=seed)
    t = t[t["mean"].notna()]
    if t.empty:
        return _empty(ax, lang)
    n = pd.to_numeric(t["n"], errors="coerce").fillna(0).to_numpy() if "n" in t else np.full(len(t), min_posts)
    t = t.assign(_few=n < min_posts, _n=n).sort_values(["_few", "mean"], ascending=[True, False])
    y = np.arange(len(t))
    mean = t["mean"].to_numpy(dtype=float)
    low = t["ci_low"].to_numpy(dtype=float) if "ci_low" in t else np.full(len(t), np.nan)
    high = t["ci_high"].to_numpy(dtype=float) if "ci_high" in t else np.full(len(t), np.nan)
    err = np.vstack([np.nan_to_num(mean - low), np.nan_to_num(high - mean)])
    few = t["_few"].to_numpy()
    colour = plt.rcParams["axes.prop_cycle"].by_key()["color"][0]  # the theme's first colour
    ax.barh(y[~few], mean[~few], color=colour)
    if few.any():
        ax.barh(y[few], mean[few], color="#d9d9d9", hatch="//", edgecolor="#9a9a9a",
                label=text("plot.media.few_posts", lang, n=min_posts))
        ax.legend()
    ax.errorbar(mean, y, xerr=err, fmt="none", ecolor="black", capsize=3)
    for yi, xi, ni in zip(y, np.nan_to_num(np.fmax(high, mean)), t["_n"].to_numpy()):
        ax.annotate(f"n={int(ni)}", (xi, yi), ha="left", va="center", fontsize="small",
                    xytext=(3, 0), textcoords="offset points")
    ax.set_yticks(y, [str(code_label("value", v, lang)) for v in t[by]])
    ax.invert_yaxis()
    ax.set_ylabel(code_label("col", by, lang))
    ax.set_xlabel(metric_label(metric, lang))
    ax.set_title(text("plot.media.by", lang, m=metric_label(metric, lang), b=code_label("col", by, lang)))
    ax.margins(x=0.15)
    if _is_ratio(metric):
        axis_format(ax, "ratio", lang, axis="x")
    return ax


def plot_best_times(bt: pd.DataFrame, *, ax=None, lang: str = "id", annotate: bool = True):
    """Heatmap of :func:`~smanalysis.media.best_times`: weekday x hour, top slots marked with their rank.

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_choice("lang", lang, LANGS)
    ax = _ax(ax)
    grid = bt.pivot(index="weekday", columns="hour", values="median").reindex(range(7))
    metric = str(bt["metric"].iloc[0]) if len(bt) else "er_reach"
    im = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="YlOrRd")
    bar = ax.figure.colorbar(im, ax=ax)  # its ticks in the reader's marks ("10%", "2,5%")
    axis_format(bar.ax, "ratio" if _is_ratio(metric) else "number", lang, axis="y")
    ax.set_yticks(range(7), [text(f"weekday.{i}", lang) for i in range(7)])
    hours = list(grid.columns)
    ax.set_xticks(range(len(hours)), [f"{h:02d}" for h in hours], fontsize="small")
    ax.set_xlabel(text("plot.media.hour", lang))
    ax.set_ylabel(text("plot.media.day", lang))
    if annotate:
        top = bt[bt["rank"].notna()]
        for _, row in top.iterrows():  # at most `top` rows; white on the dark cells
            dark = im.norm(row["median"]) > 0.6 if pd.notna(row["median"]) else False
            ax.text(hours.index(row["hour"]), row["weekday"], f"#{int(row['rank'])}", ha="center", va="center",
                    fontsize="small", fontweight="bold", color="white" if dark else "black")
    tz = bt.attrs.get("timezone", "")
    ax.set_title(text("plot.media.best_times", lang, m=metric_label(metric, lang), tz=tz))
    return ax


def _robust_limits(values) -> tuple[float, float]:
    """Y limits that keep the usual range readable: one spike far above the rest (more than three
    interquartile ranges past the quartiles) is cut at the edge instead of flattening every other week."""
    v = values[np.isfinite(values)]
    if v.size < 4:
        lo, hi = (float(v.min()), float(v.max())) if v.size else (0.0, 1.0)
    else:
        q1, q3 = np.percentile(v, [25, 75])
        iqr = max(q3 - q1, 1e-9)
        lo, hi = max(float(v.min()), q1 - 3 * iqr), min(float(v.max()), q3 + 3 * iqr)
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    pad = (hi - lo) * 0.08 or 0.01
    return lo - pad, hi + pad


def _label_capped(ax, capped, low, high, periods, lang):
    """Write the value of each point cut at the chart's edge next to it, on a white patch over the
    lines; labels closer than a twelfth of the time axis on the same edge are stacked instead of
    drawn over each other."""
    if not capped:
        return
    t = pd.to_datetime(pd.Series(periods))
    span = max((t.max() - t.min()).total_seconds(), 1.0)
    last: dict[bool, list] = {True: [], False: []}  # edge -> [(x, level)] of the labels written there
    for x, v, colour in sorted(capped, key=lambda c: (c[0], -abs(c[1]))):
        top = v > high
        near = [lv for (px, lv) in last[top] if abs((x - px).total_seconds()) / span < 1 / 12]
        level = max(near) + 1 if near else 0
        last[top].append((x, level))
        dy = (-10 - 11 * level) if top else (4 + 11 * level)
        ax.annotate(percent(v, lang, 0), (x, high if top else low), xytext=(5, dy), textcoords="offset points",
                    fontsize="small", color=colour,  # on a white patch: readable where lines run under it
                    bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})


def plot_follower_growth(data: pd.DataFrame, *, freq: str = "month", ax=None, lang: str = "id"):
    """Follower growth rate per period, one line per platform/account.

    Parameters
    ----------
    data : DataFrame
        :func:`~smanalysis.media.growth` output, or a daily followers table
        (growth is computed with ``freq``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_choice("lang", lang, LANGS)
    ax = _ax(ax)
    g = data if "follower_growth" in data.columns else growth(data, freq=freq)
    g = g[g["follower_growth"].notna()]
    if g.empty:
        return _empty(ax, lang)
    keys = [k for k in ("platform", "account") if k in g.columns]
    groups = g.groupby(keys, sort=True) if keys else [("", g)]
    low, high = _robust_limits(g["follower_growth"].to_numpy(dtype=float))
    capped = []
    for name, part in groups:
        label = " / ".join(map(str, name if isinstance(name, tuple) else (name,)))
        line = ax.plot(part["period"], part["follower_growth"].clip(low, high), marker="o", ms=3, label=label)[0]
        out = part[(part["follower_growth"] > high) | (part["follower_growth"] < low)]
        for x, v in zip(out["period"], out["follower_growth"]):  # a spike stays visible, its value written
            ax.plot([x], [high if v > high else low], marker="^" if v > high else "v", ms=7, color=line.get_color())
            capped.append((pd.Timestamp(x), float(v), line.get_color()))
    _label_capped(ax, capped, low, high, g["period"], lang)
    if keys:
        ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_ylim(low, high)
    axis_format(ax, "ratio", lang, axis="y")
    axis_format(ax, "date", lang, axis="x")
    f = {"D": "day", "M": "month"}.get(freq, freq)
    ax.set_title(text("plot.media.growth", lang, f=code_label("freq", f, lang)))
    ax.set_ylabel(metric_label("follower_growth", lang))
    slant_dates(ax)  # Figure.autofmt_xdate without laying out the dates at the first size
    return ax


_ROLE_COLOURS = {"own": "#dd8452", "competitor": "#4c72b0", "other": "#999999"}


def plot_benchmark(bench: pd.DataFrame, *, metric: str | None = None, ax=None, lang: str = "id"):
    """Horizontal bars of a metric per account from :func:`~smanalysis.media.benchmark`, own accounts highlighted.

    ``metric`` is a rate (its mean of posts is drawn, with the interval when
    present) or any column of the benchmark table (e.g. ``"posts_per_week"``).
    By default ``er_followers`` when every competitor has it (their exports
    often lack follower counts; see ``account_followers`` of ``benchmark``),
    else ``engagements_median`` (interactions per post).

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_choice("lang", lang, LANGS)
    ax = _ax(ax)
    if metric is None:
        col = "er_followers_mean_of_posts"
        comp = bench[bench["role"] == "competitor"] if "role" in bench.columns else bench
        metric = "er_followers" if col in bench.columns and bench[col].notna().any() and \
            comp[col].notna().all() else "engagements_median"
    col = f"{metric}_mean_of_posts" if f"{metric}_mean_of_posts" in bench.columns else metric
    if col not in bench.columns:
        raise ValueError(f"The value for `metric` must be a column of the benchmark table or a rate in it, "
                         f"but {metric!r} was passed.")
    t = bench[bench[col].notna()]
    if t.empty:
        return _empty(ax, lang)
    names = [" / ".join(str(r[k]) for k in ("account", "platform") if k in t.columns) for _, r in t.iterrows()]
    roles = t["role"].tolist() if "role" in t.columns else ["other"] * len(t)
    y = np.arange(len(t))[::-1]
    vals = t[col].to_numpy(dtype=float)
    ax.barh(y, vals, color=[_ROLE_COLOURS.get(r, "#999999") for r in roles])
    if f"{metric}_ci_low" in t.columns and col.endswith("_mean_of_posts"):
        lo = np.nan_to_num(vals - t[f"{metric}_ci_low"].to_numpy(dtype=float))
        hi = np.nan_to_num(t[f"{metric}_ci_high"].to_numpy(dtype=float) - vals)
        ax.errorbar(vals, y, xerr=np.vstack([lo, hi]), fmt="none", ecolor="black", capsize=3)
    ax.set_yticks(y, names)
    handles = [plt.Rectangle((0, 0), 1, 1, color=_ROLE_COLOURS[r]) for r in _ROLE_COLOURS if r in roles]
    ax.legend(handles, [text(f"plot.media.{r}", lang) for r in _ROLE_COLOURS if r in roles], fontsize="small")
    ax.set_xlabel(metric_label(col, lang))
    ax.set_title(text("plot.media.benchmark", lang, m=metric_label(metric, lang)))
    if _is_ratio(metric):
        axis_format(ax, "ratio", lang, axis="x")
    return ax


def plot_top_posts(top: pd.DataFrame, *, metric: str | None = None, ax=None, lang: str = "id", width: int = 32):
    """Horizontal bars of :func:`~smanalysis.media.top_posts`, labelled with date, format and caption start.

    ``metric`` defaults to the last column of ``top`` (the ranking metric).

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_choice("lang", lang, LANGS)
    ax = _ax(ax)
    metric = metric or top.columns[-1]
    if top.empty:
        return _empty(ax, lang)
    parts = []
    if "created_at" in top.columns:
        parts.append(pd.to_datetime(top["created_at"], utc=True).dt.strftime("%Y-%m-%d").fillna(""))
    for c in ("platform", "format"):
        if c in top.columns:
            parts.append(top[c].astype(object).fillna("").astype(str))
    if "caption" in top.columns:
        cap = top["caption"].astype(object).fillna("").astype(str)
        parts.append(cap.str.slice(0, width).str.replace("\n", " ", regex=False))
    labels = [" · ".join(p for p in row if p) for row in zip(*[p.tolist() for p in parts])] if parts else \
        [str(i) for i in range(len(top))]
    y = np.arange(len(top))[::-1]
    ax.barh(y, top[metric].to_numpy(dtype=float), color="#55a868")
    ax.set_yticks(y, labels, fontsize="small")
    ax.set_xlabel(metric_label(metric, lang))
    ax.set_title(text("plot.media.top", lang, m=metric_label(metric, lang)))
    if _is_ratio(metric):
        axis_format(ax, "ratio", lang, axis="x")
    return ax


def plot_spikes(days: pd.DataFrame, *, metric: str = "engagements", ax=None, lang: str = "id"):
    """Daily values with the usual level and the spike days marked.

    ``days`` is :func:`~smanalysis.media.spikes` output with ``all_days=True``
    (one series; filter ``by`` groups first).

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_choice("lang", lang, LANGS)
    ax = _ax(ax)
    if days.empty:
        return _empty(ax, lang)
    ax.plot(days["date"], days["value"], lw=1, color="#4c72b0", label=metric_label(metric, lang))
    ax.plot(days["date"], days["baseline"], lw=1, ls="--", color="grey", label=text("plot.media.baseline", lang))
    sp = days[days["is_spike"]]
    ax.scatter(sp["date"], sp["value"], color="#c44e52", zorder=3, label=text("plot.media.spike", lang))
    ax.legend(fontsize="small")
    ax.set_title(text("plot.media.spikes", lang, m=metric_label(metric, lang)))
    ax.set_xlabel(text("plot.date", lang))
    ax.set_ylabel(metric_label(metric, lang))
    slant_dates(ax)  # Figure.autofmt_xdate without laying out the dates at the first size
    return ax
