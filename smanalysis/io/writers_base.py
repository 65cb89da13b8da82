"""Helpers shared by the writers (text/count/time formatting, CSV and XLSX output)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd


# --------------------------------------------------------------------------- helpers
def column_or_nan(df, name, default=np.nan):
    if name in df.columns:
        return df[name]
    return pd.Series([default] * len(df), index=df.index, dtype=object if isinstance(default, str) else None)


def as_text(s) -> pd.Series:
    s = pd.Series(s)
    return s.astype(object).where(s.notna(), "").astype(str)


def int_text(s, *, blank="") -> pd.Series:
    """Counts as integer strings; NaN -> ``blank``."""
    v = pd.to_numeric(pd.Series(s), errors="coerce")
    out = v.round().astype("Int64").astype(str)
    return out.where(v.notna(), blank).astype(object)


def local_text(ts, timezone, fmt) -> pd.Series:
    t = pd.to_datetime(pd.Series(ts), utc=True, errors="coerce").dt.tz_convert(timezone)
    return t.dt.strftime(fmt).astype(object).where(t.notna(), "")


def write_csv(frame: pd.DataFrame, path, *, encoding="utf-8-sig", quoting=csv.QUOTE_ALL, prefix=""):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = frame.to_csv(index=False, quoting=quoting, lineterminator="\n")
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(prefix + body)


def write_xlsx(frame: pd.DataFrame, path, *, sheet="Sheet1"):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_excel(path, index=False, sheet_name=sheet)


def single_value(df, col, what):
    vals = pd.Series(df[col]).dropna().unique() if col in df.columns else []
    if len(vals) > 1:
        raise ValueError(f"{what}: a real export holds one {col}, but {sorted(map(str, vals))} were passed; "
                         "write one file per value.")
    return str(vals[0]) if len(vals) else ""


def compact_count(v: pd.Series) -> pd.Series:
    """1234 -> '1234', 12345 -> '12.3K', 1500000 -> '1.5M' (TikTok style, lossy)."""
    v = pd.to_numeric(v, errors="coerce")
    out = int_text(v, blank="undefined")
    k = (v >= 10_000) & (v < 1_000_000)
    m = v >= 1_000_000
    out[k] = (v[k] / 1000).round(1).map("{:g}K".format)
    out[m] = (v[m] / 1_000_000).round(1).map("{:g}M".format)
    return out


