"""Private helpers shared by the media modules: input checks, time zones, warnings."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..exceptions import SMAnalysisWarning
from ..schema import require_columns

NS_PER_DAY = 86_400_000_000_000
NS_PER_HOUR = 3_600_000_000_000

#: Keys of ``by`` that are derived from ``created_at`` in the profile's timezone.
TIME_KEYS = ("month", "week", "day", "weekday", "hour")


def require(df, cols: Iterable[str], *, func: str, table: str = "posts") -> pd.DataFrame:
    """Raise SchemaError naming ``func``, the missing and the present columns."""
    return require_columns(df, cols, func=func, what=f"{table} table")


def warn(message: str, stacklevel: int = 3) -> None:
    warnings.warn(message, SMAnalysisWarning, stacklevel=stacklevel)


def num(df: pd.DataFrame, col: str) -> np.ndarray:
    """Column ``col`` as a float64 array; all NaN when the column is absent."""
    if col not in df.columns:
        return np.full(len(df), np.nan)
    s = df[col]
    if s.dtype != "float64":
        s = pd.to_numeric(s, errors="coerce").astype("float64")
    return s.to_numpy(dtype="float64", na_value=np.nan)


def local_ns(created_at: pd.Series, timezone: str) -> np.ndarray:
    """Local wall-clock time of UTC timestamps as int64 nanoseconds (NaT -> min int)."""
    s = created_at
    if not isinstance(s.dtype, pd.DatetimeTZDtype):
        s = pd.to_datetime(s, utc=True, errors="coerce")
    local = s.dt.tz_convert(timezone).dt.tz_localize(None)
    return local.to_numpy(dtype="datetime64[ns]").view("i8")


def local_days(created_at: pd.Series, timezone: str) -> np.ndarray:
    """Local calendar day (days since 1970-01-01) of each timestamp; -2**62 for NaT."""
    ns = local_ns(created_at, timezone)
    nat = ns == np.iinfo("i8").min
    days = ns // NS_PER_DAY
    days[nat] = -(2**62)
    return days


def time_key(created_at: pd.Series, key: str, timezone: str) -> pd.Series:
    """Derived grouping key from ``created_at`` in local time.

    ``month``/``week``/``day`` give naive Timestamps of the period start
    (weeks start on Monday); ``weekday`` gives 0 (Monday) .. 6; ``hour`` 0..23.
    """
    ns = local_ns(created_at, timezone)
    nat = ns == np.iinfo("i8").min
    idx = created_at.index
    if key == "hour":
        out = ((ns // NS_PER_HOUR) % 24).astype("float64")
    elif key == "weekday":
        out = ((ns // NS_PER_DAY + 3) % 7).astype("float64")
    else:
        dt = ns.view("datetime64[ns]")
        if key == "month":
            out = dt.astype("datetime64[M]").astype("datetime64[ns]")
        elif key == "day":
            out = dt.astype("datetime64[D]").astype("datetime64[ns]")
        else:  # week, Monday start
            days = ns // NS_PER_DAY
            out = ((days - (days + 3) % 7) * NS_PER_DAY).view("datetime64[ns]")
        out = out.copy()
        out[nat] = np.datetime64("NaT")
        return pd.Series(out, index=idx, name=key)
    out[nat] = np.nan
    return pd.Series(out, index=idx, name=key)


def period_bounds(period, timezone: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """UTC [start, end) bounds of a local calendar period.

    ``period`` may be ``(start, end)`` (inclusive local days), a mapping with
    ``start``/``end`` keys (the client config layout), or ``"YYYY-MM"``.
    """
    if isinstance(period, dict):
        try:
            start, end = period["start"], period["end"]
        except KeyError:
            raise ValueError(
                f"A period mapping must have `start` and `end` keys, but {sorted(period)} was passed."
            ) from None
    elif isinstance(period, str) and len(period) == 7:
        p = pd.Period(period, freq="M")
        start, end = p.start_time, p.end_time
    elif isinstance(period, pd.Period):
        start, end = period.start_time, period.end_time
    elif isinstance(period, (tuple, list)) and len(period) == 2:
        start, end = period
    else:
        raise ValueError(
            "A period must be (start, end), {'start': ..., 'end': ...} or 'YYYY-MM', "
            f"but {period!r} was passed."
        )
    start = pd.Timestamp(start).normalize()
    end = pd.Timestamp(end).normalize() + pd.Timedelta(days=1)
    if start.tzinfo is not None:
        start = start.tz_localize(None)
    if end.tzinfo is not None:
        end = end.tz_localize(None)
    if end <= start:
        raise ValueError(f"A period must end on or after its start, but {period!r} was passed.")
    return start.tz_localize(timezone).tz_convert("UTC"), end.tz_localize(timezone).tz_convert("UTC")


def in_period(created_at: pd.Series, period, timezone: str) -> np.ndarray:
    start, end = period_bounds(period, timezone)
    s = created_at
    if not isinstance(s.dtype, pd.DatetimeTZDtype):
        s = pd.to_datetime(s, utc=True, errors="coerce")
    return ((s >= start) & (s < end)).to_numpy(dtype=bool, na_value=False)
