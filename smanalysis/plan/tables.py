"""The canonical tables as the planning steps read them: a period, the own posts, and small column helpers."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..exceptions import SchemaError
from ..factfinding import as_profile
from ..profile import Profile
from ..schema import DEFAULT_TIMEZONE


def is_blank(s: pd.Series) -> pd.Series:
    """True where a value is missing or only white space."""
    return s.isna() | (s.astype(str).str.strip() == "")


def column_or_none(df: pd.DataFrame, name: str) -> pd.Series:
    """The column ``name``, or a column of None when the frame has none."""
    return df[name] if name in df.columns else pd.Series(None, index=df.index, dtype=object)


def as_text(s: pd.Series) -> pd.Series:
    """Text with missing values as empty strings, whatever the dtype (an empty column may be float)."""
    return s.astype(object).where(s.notna(), "").astype(str)


def local_days(frame: pd.DataFrame, timezone: str = DEFAULT_TIMEZONE) -> pd.Series:
    """Local calendar day of each row: ``date`` when present, else ``created_at`` in ``timezone``."""
    if "date" in frame.columns:
        d = pd.to_datetime(frame["date"], errors="coerce")
        if getattr(d.dt, "tz", None) is not None:
            d = d.dt.tz_localize(None)
        return d.dt.normalize()
    if "created_at" in frame.columns:
        return pd.to_datetime(frame["created_at"], utc=True).dt.tz_convert(timezone).dt.tz_localize(None).dt.normalize()
    raise SchemaError(f"expected a `date` or `created_at` column; columns present: {list(map(str, frame.columns))}")


def select_period(frame: pd.DataFrame, start: Any = None, end: Any = None, *,
                  timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """Rows whose local day lies in ``start``..``end`` (inclusive; either may be None).

    Works on any canonical table: ``date`` (plan, followers) or ``created_at`` (read in
    ``timezone``). Timezone-aware bounds are read as local days too. Returns a copy.

    Examples
    --------
    >>> df = pd.DataFrame({"created_at": pd.to_datetime(["2026-09-30 18:00", "2026-10-31 16:00"], utc=True)})
    >>> len(select_period(df, "2026-10-01", "2026-10-31"))   # 01:00 and 23:00 in Jakarta
    2
    """
    days = local_days(frame, timezone)
    keep = pd.Series(True, index=frame.index)
    if start is not None and not pd.isna(start):
        keep &= days >= _local_day(start, timezone)
    if end is not None and not pd.isna(end):
        keep &= days <= _local_day(end, timezone)
    return frame.loc[keep].copy()


def _local_day(x: Any, timezone: str) -> pd.Timestamp:
    t = pd.Timestamp(x)
    if t.tzinfo is not None:
        t = t.tz_convert(timezone).tz_localize(None)
    return t.normalize()


def own_posts(posts: pd.DataFrame, profile: Profile | dict) -> pd.DataFrame:
    """The posts of the profile's own accounts (a copy).

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion", "own_accounts": {"x": "k"}}
    >>> own_posts(pd.DataFrame({"account": ["@k", "other"]}), p)["account"].tolist()
    ['@k']
    """
    p = as_profile(profile)
    return posts.loc[posts["account"].astype(str).str.lstrip("@").isin(p.brand_handles)].copy()


def check_plan_index(plan: pd.DataFrame) -> None:
    if not plan.index.is_unique:
        raise ValueError("the plan's index must be unique; call .reset_index(drop=True) first")
