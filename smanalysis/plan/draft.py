"""A draft content plan for the next period, built from the evaluation's recommendations (:func:`draft_next_plan`)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import SchemaError
from .._checks import check_choice
from ..factfinding import PROMO_CEILING
from ..words import LANGS, WORDS, text
from ..schema import conform
from .tables import column_or_none


#: weekday names (short and long, Indonesian and English, lower case) -> 0 (Monday) .. 6
_WEEKDAY_NAMES = {WORDS[f"{kind}.{i}"][j].lower(): i for kind in ("weekday", "weekday_short")
                  for i in range(7) for j in (0, 1)}


def draft_next_plan(start: Any, end: Any, *, slots: pd.DataFrame, themes: pd.DataFrame, per_week: int = 3,
                    ceiling: float = PROMO_CEILING, avoid: list[str] | tuple[str, ...] = (),
                    lang: str = "id") -> pd.DataFrame:
    """A draft content plan for the next period, from recommended slots and themes.

    Parameters
    ----------
    start, end : date-like
        First and last day of the next period.
    slots : DataFrame
        ``platform``, ``weekday`` (0 = Monday .. 6, or a day name in id/en), optional ``hour``
        (local, 0-23) and ``format``; best first. The first ``per_week`` distinct weekdays of
        each platform are used every week.
    themes : DataFrame
        ``theme``, ``content_type``, optional ``format``, ``hashtags``, ``reason``; best first.
        Themes listed in ``avoid`` are left out.
    per_week : int
        Posts per platform per week.
    ceiling : float
        Highest share of promotional rows: at most one promo row in every
        ``ceil(1 / ceiling)`` rows of a platform (0.3 -> one in four); 0 means no
        promotion, 1 no ceiling (all themes in turn).
    lang : {"id", "en"}
        Language of the placeholder caption and of ``source``.

    Returns
    -------
    DataFrame
        Canonical ``content_plan`` columns (``status`` = "idea", ``caption`` a placeholder to
        rewrite, ``source`` saying it is a draft from the evaluation), sorted by date.

    Raises
    ------
    SchemaError
        When ``slots`` or ``themes`` lack their required columns.

    Examples
    --------
    >>> slots = pd.DataFrame({"platform": ["instagram", "instagram"], "weekday": ["Fri", 1], "hour": [19, 12]})
    >>> themes = pd.DataFrame({"theme": ["tips seduh", "promo jumat"], "content_type": ["education", "promo"]})
    >>> d = draft_next_plan("2026-11-02", "2026-11-15", slots=slots, themes=themes, per_week=2)
    >>> d[["date", "time", "theme"]].astype(str).values.tolist()[:3]
    [['2026-11-03', '12:00', 'tips seduh'], ['2026-11-06', '19:00', 'tips seduh'], ['2026-11-10', '12:00', 'tips seduh']]
    >>> d["content_type"].tolist().count("promo")
    1
    """
    check_choice("lang", lang, LANGS)
    for name, frame, need in (("slots", slots, ["platform", "weekday"]), ("themes", themes, ["theme", "content_type"])):
        miss = [c for c in need if c not in frame.columns]
        if miss:
            raise SchemaError(f"draft_next_plan: `{name}` lacks required columns {miss}; columns present: {list(frame.columns)}")
    if per_week < 1:
        raise ValueError(f"The value for `per_week` must be >= 1, but {per_week!r} was passed.")
    wd = slots["weekday"]
    wd_num = pd.to_numeric(wd, errors="coerce")
    wd_num = wd_num.where(wd_num.notna(), wd.astype(str).str.lower().str.strip().map(_WEEKDAY_NAMES))
    s = slots.assign(weekday=wd_num).dropna(subset=["weekday"]).astype({"weekday": int})
    s = s.drop_duplicates(["platform", "weekday"]).groupby("platform", sort=False).head(per_week)
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    mondays = pd.date_range(start - pd.Timedelta(days=start.weekday()), end, freq="7D")
    grid = s.merge(pd.DataFrame({"monday": mondays}), how="cross")
    grid["date"] = grid["monday"] + pd.to_timedelta(grid["weekday"], unit="D")
    grid = grid[(grid["date"] >= start) & (grid["date"] <= end)].sort_values(["platform", "date"], kind="stable")
    th = themes[~themes["theme"].isin(list(avoid))].reset_index(drop=True)
    if grid.empty or th.empty:
        return conform(pd.DataFrame(columns=["date", "platform", "theme", "caption", "content_type"]), "content_plan")
    promo = th.index[th["content_type"].astype(str) == "promo"].to_numpy()
    useful = th.index[th["content_type"].astype(str) != "promo"].to_numpy()
    i = grid.groupby("platform").cumcount().to_numpy()
    k = int(math.ceil(1 / ceiling)) if ceiling > 0 else 0
    is_promo = (i + 1) % k == 0 if k else np.zeros(len(grid), bool)
    if len(promo) == 0:
        is_promo = np.zeros(len(grid), bool)
    elif len(useful) == 0:
        is_promo = np.ones(len(grid), bool)
    n_promo = np.cumsum(is_promo) - 1
    n_useful = np.cumsum(~is_promo) - 1
    pick = np.where(is_promo, promo[n_promo % max(len(promo), 1)] if len(promo) else -1,
                    useful[n_useful % max(len(useful), 1)] if len(useful) else -1)
    if ceiling >= 1:  # no ceiling: all themes in turn, best first
        pick = th.index.to_numpy()[np.arange(len(grid)) % len(th)]
    t = th.loc[pick].reset_index(drop=True)
    g = grid.reset_index(drop=True)
    fmt = column_or_none(t, "format")
    if "format" in g.columns:
        fmt = fmt.where(fmt.notna(), g["format"])
    hours = column_or_none(g, "hour")
    out = pd.DataFrame({
        "date": g["date"], "platform": g["platform"],
        "time": [f"{int(h):02d}:00" if pd.notna(h) else None for h in hours],
        "theme": t["theme"], "content_type": t["content_type"], "format": fmt, "hashtags": column_or_none(t, "hashtags"),
        "source": [text("draft.source", lang, reason=r) if isinstance(r, str) and r else text("draft.source_plain", lang)
                   for r in column_or_none(t, "reason")],
    })
    out["caption"] = [text("draft.caption", lang, theme=x) for x in out["theme"]]
    out["status"] = "idea"
    out = out.sort_values(["date", "platform"], kind="stable").reset_index(drop=True)
    out["plan_id"] = [f"draft-{j + 1:03d}" for j in range(len(out))]
    return conform(out, "content_plan")
