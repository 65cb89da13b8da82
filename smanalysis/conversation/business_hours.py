"""Customer care in business hours: response time in the shop's opening minutes, reply targets per intent.

A complaint written on Saturday night to a coffee shop that opens again on Monday at 08:00 and is
answered at 08:30 waited 30 business minutes, not 34 hours. Both are shown: the business minutes
say how the team did, the wall-clock minutes what the customer lived.

The profile may say (``profile.yaml``; both optional)::

    business_hours: {open: "08:00", close: "21:00", days: [mon, tue, wed, thu, fri, sat]}
    reply_targets: {complaint: 60, question: 120}   # business minutes per intent

Examples
--------
>>> import pandas as pd
>>> t0 = pd.Series(pd.to_datetime(["2026-10-03 13:00"], utc=True))   # Saturday 20:00 in Jakarta
>>> t1 = pd.Series(pd.to_datetime(["2026-10-05 01:30"], utc=True))   # Monday 08:30 in Jakarta
>>> business_minutes(t0, t1, open="08:00", close="21:00", days=(0, 1, 2, 3, 4, 5)).tolist()
[90.0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import check_choice
from ..media.metrics import METRICS
from ..media.verdicts import MIN_POSTS
from ..words import text
from ..schema import DEFAULT_TIMEZONE, resolve_timezone

__all__ = ["business_minutes", "business_hours_of", "reply_targets_of", "care_in_business_hours",
           "reply_target_stats", "DEFAULT_REPLY_TARGETS"]

#: Reply targets in business minutes per intent when the profile gives none.
DEFAULT_REPLY_TARGETS = {"complaint": 60.0, "question": 120.0}

_DAY_NAMES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
              "sen": 0, "sel": 1, "rab": 2, "kam": 3, "jum": 4, "sab": 5, "min": 6}
_NS_MIN = 60_000_000_000


def _minute(hhmm) -> int:
    try:
        hh, mm = str(hhmm).split(":")
        v = int(hh) * 60 + int(mm)
    except (TypeError, ValueError):
        v = -1
    if not 0 <= v <= 1440:
        raise ValueError(f"A business hour must be 'HH:MM' between 00:00 and 24:00, but {hhmm!r} was passed.")
    return v


def _days(days) -> np.ndarray:
    out = []
    for d in days:
        if isinstance(d, str) and d[:3].lower() in _DAY_NAMES:
            out.append(_DAY_NAMES[d[:3].lower()])
        else:
            try:
                k = int(d)
            except (TypeError, ValueError):
                k = -1
            if not 0 <= k <= 6:
                raise ValueError("The value for `days` must be weekday numbers 0 (Monday) .. 6 (Sunday) or names "
                                 f"such as 'mon', but {d!r} was passed.")
            out.append(k)
    is_open = np.zeros(7, dtype=bool)
    is_open[out] = True
    return is_open


def _cumulative(ns: np.ndarray, o: int, c: int, is_open: np.ndarray) -> np.ndarray:
    """Business minutes from 1969-12-29 (a Monday) to each local time (int64 ns), as float."""
    windows = [(o, c)] if o < c else [(0, c), (o, 1440)]
    per_day = np.where(is_open, sum(b - a for a, b in windows), 0).astype(float)
    week = per_day.sum()
    before = np.concatenate([[0.0], np.cumsum(per_day)[:-1]])
    days = ns // (1440 * _NS_MIN) + 3  # days since Monday 1969-12-29
    weekday = days % 7
    minute = (ns - (days - 3) * 1440 * _NS_MIN) / _NS_MIN
    today = sum(np.clip(minute - a, 0, b - a) for a, b in windows)
    return (days // 7) * week + before[weekday] + np.where(is_open[weekday], today, 0.0)


def business_minutes(start, end, *, open: str = "08:00", close: str = "21:00", days=range(7),  # noqa: A002
                     timezone: str = DEFAULT_TIMEZONE) -> pd.Series:
    """Opening minutes between ``start`` and ``end`` (UTC timestamps), in the shop's local time.

    Parameters
    ----------
    start, end : Series of datetime (UTC) or aligned arrays
    open, close : str
        Local opening and closing time "HH:MM"; a closing time before the opening time runs
        past midnight.
    days : iterable
        Opening weekdays (0 = Monday .. 6, or names "mon".."sun" / "sen".."min").
    timezone : str

    Returns
    -------
    Series of float
        Business minutes (NaN where either time is missing); wall-clock minutes are
        ``(end - start)`` in minutes.
    """
    o, c = _minute(open), _minute(close)
    is_open = _days(days)
    s = pd.to_datetime(pd.Series(start), utc=True, errors="coerce")
    e = pd.to_datetime(pd.Series(end), utc=True, errors="coerce").set_axis(s.index)
    bad = (s.isna() | e.isna()).to_numpy()

    def ns(x):
        loc = x.dt.tz_convert(timezone).dt.tz_localize(None).fillna(pd.Timestamp("2000-01-03"))
        return loc.to_numpy(dtype="datetime64[ns]").view("i8")

    out = _cumulative(ns(e), o, c, is_open) - _cumulative(ns(s), o, c, is_open)
    return pd.Series(np.where(bad, np.nan, out), index=s.index, name="business_minutes")


def business_hours_of(profile=None) -> dict:
    """``{"open", "close", "days"}`` from ``profile.extra["business_hours"]``, else every day 08:00-21:00.

    >>> business_hours_of(None)
    {'open': '08:00', 'close': '21:00', 'days': [0, 1, 2, 3, 4, 5, 6]}
    """
    bh = dict((getattr(profile, "extra", None) or {}).get("business_hours") or {})
    days = bh.get("days", list(range(7)))
    return {"open": str(bh.get("open", "08:00")), "close": str(bh.get("close", "21:00")),
            "days": [int(d) for d in np.flatnonzero(_days(days))]}


def reply_targets_of(profile=None) -> dict:
    """Reply targets (business minutes per intent) from ``profile.extra["reply_targets"]``, else
    :data:`DEFAULT_REPLY_TARGETS`; ``kpi_targets.median_response_minutes`` fills intents not named."""
    extra = dict((getattr(profile, "extra", None) or {}).get("reply_targets") or {})
    out = dict(DEFAULT_REPLY_TARGETS)
    kpi = (getattr(profile, "kpi_targets", None) or {}).get("median_response_minutes")
    if kpi is not None:
        out = {k: float(kpi) for k in out}
    out.update({str(k): float(v) for k, v in extra.items()})
    return out


def care_in_business_hours(times: pd.DataFrame, *, profile=None, business_hours: dict | None = None,
                           reply_targets: dict | None = None, timezone: str | None = None) -> pd.DataFrame:
    """Add business minutes and the reply target to :func:`~smanalysis.conversation.response_times`.

    Parameters
    ----------
    times : DataFrame
        Output of :func:`~smanalysis.conversation.response_times` (``created_at``,
        ``first_reply_at``, ``response_minutes``, ``intent``, ``answered``).
    profile : Profile, optional
        Gives ``business_hours``, ``reply_targets`` and the timezone.
    business_hours, reply_targets : dict, optional
        Override the profile's.
    timezone : str, optional

    Returns
    -------
    DataFrame
        ``times`` with ``response_business_minutes`` (beside the wall-clock
        ``response_minutes``), ``target_minutes`` (NaN for intents without a
        target) and ``within_target`` (answered within the target in business
        minutes; False when unanswered; NA without a target).
    """
    bh = dict(business_hours_of(profile), **(business_hours or {}))
    targets = reply_targets_of(profile) if reply_targets is None else {k: float(v) for k, v in reply_targets.items()}
    tz = resolve_timezone(timezone, profile)
    bm = business_minutes(times["created_at"], times["first_reply_at"], open=bh["open"], close=bh["close"],
                          days=bh["days"], timezone=tz)
    target = times["intent"].map(targets).astype("float64")
    within = pd.array(np.where(times["answered"].to_numpy(dtype=bool), bm.to_numpy() <= target.to_numpy(), False),
                      dtype="boolean")
    within[target.isna().to_numpy()] = pd.NA
    return times.assign(response_business_minutes=bm.to_numpy(), target_minutes=target.to_numpy(),
                        within_target=within)


def reply_target_stats(care: pd.DataFrame, *, lang: str = "id", min_comments: int = MIN_POSTS) -> pd.DataFrame:
    """Per intent with a target: comments, answered, median business and wall-clock minutes, share
    answered within the target.

    Returns
    -------
    DataFrame
        ``intent``, ``comments``, ``answered``, ``target_minutes``, ``median_business_minutes``,
        ``median_wall_minutes``, ``within_target`` (count), ``within_target_rate`` (within target /
        comments of the intent: an unanswered comment misses its target), ``verdict_code``
        (``enough_comments`` or ``not_enough_comments`` under ``min_comments``) and ``verdict`` (its
        words in ``lang``).
    """
    check_choice("lang", lang, ("id", "en"))
    c = care[care["target_minutes"].notna()]
    ans = c[c["answered"].astype(bool)]
    g = c.groupby("intent", sort=True)
    out = pd.DataFrame({"comments": g.size(), "answered": g["answered"].sum().astype("int64"),
                        "target_minutes": g["target_minutes"].first(),
                        "median_business_minutes": ans.groupby("intent")["response_business_minutes"].median(),
                        "median_wall_minutes": ans.groupby("intent")["response_minutes"].median(),
                        "within_target": g["within_target"].sum().astype("int64")})
    out["within_target_rate"] = METRICS["within_target_rate"].ratio(out["within_target"], out["comments"])
    out["verdict_code"] = np.where(out["comments"] >= min_comments, "enough_comments", "not_enough_comments")
    out["verdict"] = [text(f"verdict.{c}", lang, n=min_comments) for c in out["verdict_code"]]
    return out.reset_index()
