"""When the plan (or the posting) happens: cadence and gaps per platform, and the month calendar."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import SchemaError
from .._checks import check_choice
from ..words import LANGS, text
from ..schema import DEFAULT_TIMEZONE
from .tables import column_or_none, local_days


def cadence(plan: pd.DataFrame, *, freq: str = "W", wide: bool = False, timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """Planned (or posted) items per platform per period, empty periods included as 0.

    Parameters
    ----------
    plan : DataFrame
        Content plan (``date``) or posts (``created_at``), with ``platform``.
    freq : str
        ``"W"`` (weeks starting Monday), ``"M"`` (also ``"ME"``, ``"MS"``) or ``"D"``.
    wide : bool
        Return one row per period and one column per platform instead.

    Returns
    -------
    DataFrame
        ``platform``, ``period_start`` (first day of the period), ``posts``; or, with
        ``wide=True``, ``period_start`` as index and a column of counts per platform.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-05", "2026-10-06", "2026-10-19"], "platform": "instagram"})
    >>> cadence(plan)["posts"].tolist()   # weeks of 5, 12 and 19 October
    [2, 0, 1]
    """
    if "platform" not in plan.columns:
        raise SchemaError(f"cadence: the table lacks required columns ['platform']; columns present: {list(plan.columns)}")
    cols = ["platform", "period_start", "posts"]
    freqs = {"D": "D", "W": "W", "M": "M", "ME": "M", "MS": "M"}
    if freq not in freqs:
        raise ValueError(f"The value for `freq` must be one of {list(freqs)}, but {freq!r} was passed.")
    f = freqs[freq]
    days = local_days(plan, timezone)
    ok = days.notna() & plan["platform"].notna()
    if not ok.any():
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "posts" else object) for c in cols}).iloc[:, :0 if wide else 3]
    per = days[ok].dt.to_period(f)
    counts = pd.Series(1, index=per.index).groupby([plan.loc[ok, "platform"].astype(str), per]).sum()
    grid = pd.MultiIndex.from_product([sorted(counts.index.get_level_values(0).unique()),
                                       pd.period_range(per.min(), per.max(), freq=f)])
    counts = counts.reindex(grid, fill_value=0)
    out = pd.DataFrame({"platform": grid.get_level_values(0), "period_start": grid.get_level_values(1).start_time,
                        "posts": counts.to_numpy().astype("int64")})
    return out.pivot(index="period_start", columns="platform", values="posts") if wide else out


def gaps(plan: pd.DataFrame, *, max_days: int = 7, start: Any = None, end: Any = None,
         timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """Stretches longer than ``max_days`` between two planned (or posted) days of a platform.

    Parameters
    ----------
    plan : DataFrame
        Content plan (``date``) or posts (``created_at``), with ``platform``.
    max_days : int
        Longest acceptable distance, in days, between consecutive items.
    start, end : date-like, optional
        Period edges: a quiet stretch after ``start`` or before ``end`` counts too.

    Returns
    -------
    DataFrame
        ``platform``, ``from_date``, ``to_date``, ``days`` (distance between them), longest first.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01", "2026-10-03", "2026-10-20"], "platform": "x"})
    >>> gaps(plan, max_days=7, end="2026-10-31")[["days"]].to_dict("list")
    {'days': [17, 11]}
    """
    if "platform" not in plan.columns:
        raise SchemaError(f"gaps: the table lacks required columns ['platform']; columns present: {list(plan.columns)}")
    days = local_days(plan, timezone)
    d = pd.DataFrame({"platform": plan["platform"].astype(str), "day": days}).dropna().drop_duplicates()
    edges = []
    for edge in (start, end):  # two optional sentinels, not data rows
        if edge is not None:
            edges.append(pd.DataFrame({"platform": d["platform"].unique(), "day": pd.Timestamp(edge)}))
    d = pd.concat([d, *edges], ignore_index=True).sort_values(["platform", "day"]).drop_duplicates()
    d["from_date"] = d.groupby("platform")["day"].shift()
    d["days"] = (d["day"] - d["from_date"]).dt.days
    out = d[d["days"] > max_days].rename(columns={"day": "to_date"})
    out = out.sort_values(["days", "platform"], ascending=[False, True], kind="stable")
    return out[["platform", "from_date", "to_date", "days"]].astype({"days": "int64"}).reset_index(drop=True)


_ABBR = {"instagram": "IG", "facebook": "FB", "tiktok": "TT", "x": "X", "youtube": "YT"}


def calendar(plan: pd.DataFrame, month: Any, *, lang: str = "id") -> pd.DataFrame:
    """A month of the plan as a calendar grid: one row a week, one column a weekday.

    Each cell holds the day of the month and the planned items, ``"IG: theme"``,
    separated by new lines; days outside the month are empty strings.

    Parameters
    ----------
    plan : DataFrame
        Content plan (``date``, ``platform``, ``theme``).
    month : str or Period
        The month, e.g. ``"2026-10"``.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01"], "platform": ["instagram"], "theme": ["menu baru"]})
    >>> cal = calendar(plan, "2026-10", lang="en")
    >>> list(cal.columns)[:3], cal.loc[1, "Thu"]
    (['Mon', 'Tue', 'Wed'], '1\\nIG: menu baru')
    """
    check_choice("lang", lang, LANGS)
    m = pd.Period(month, freq="M")
    days = pd.date_range(m.start_time, m.end_time.normalize(), freq="D")
    d = local_days(plan)
    sel = plan.loc[(d >= days[0]) & (d <= days[-1])]
    labels = (sel["platform"].astype(str).str.lower().map(_ABBR).fillna(sel["platform"].astype(str))
              + ": " + column_or_none(sel, "theme").fillna("?").astype(str))
    per_day = labels.groupby(local_days(sel)).agg("\n".join) if len(sel) else pd.Series(dtype=object)
    cell = pd.Series(days.day.astype(str), index=days)
    cell = cell.where(~cell.index.isin(per_day.index), cell + "\n" + per_day.reindex(days).fillna(""))
    week = (days.day + days[0].weekday() - 1) // 7 + 1
    grid = pd.DataFrame({"week": week, "wd": days.day_of_week, "cell": cell.to_numpy()})
    out = grid.pivot(index="week", columns="wd", values="cell").reindex(columns=range(7)).fillna("")
    out.columns = [text(f"weekday_short.{i}", lang) for i in range(7)]
    out.index.name = text("freq.week", lang)
    return out


def plot_calendar(plan: pd.DataFrame, month: Any, *, ax=None, lang: str = "id"):
    """Draw :func:`calendar` as a month grid; days with planned items are shaded. Returns the Axes.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01"], "platform": ["instagram"], "theme": ["menu"]})
    >>> plot_calendar(plan, "2026-10", lang="en").get_title()
    'Content plan, October 2026'
    """
    import matplotlib.pyplot as plt

    cal = calendar(plan, month, lang=lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 1.3 * len(cal) + 0.6))
    cells = cal.to_numpy()
    nrow = cells.shape[0]
    for (r, c), v in np.ndenumerate(cells):  # at most 42 calendar cells
        busy = "\n" in v
        ax.add_patch(plt.Rectangle((c, nrow - r - 1), 1, 1, facecolor="#f3e1d3" if busy else "white", edgecolor="#999"))
        ax.text(c + 0.04, nrow - r - 0.08, v, va="top", ha="left", fontsize=7, wrap=True)
    ax.set_xlim(0, 7)
    ax.set_ylim(0, nrow)
    ax.set_xticks(np.arange(7) + 0.5, cal.columns)
    ax.xaxis.tick_top()
    ax.set_yticks([])
    m = pd.Period(month, freq="M")
    name = text(f"month.{m.month}", lang)
    ax.set_title(text("plot.calendar", lang, month=f"{name} {m.year}"))
    return ax
