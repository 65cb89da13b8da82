"""Detecting an export's format from its header, by subsets of columns (headers drift).

Examples
--------
>>> detect(["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements"])[0]
'x_activity'
>>> detect(["date", "platform", "account", "followers"])[0]
'canonical_followers'
"""

from __future__ import annotations

from ..exceptions import FormatError
from ..schema import TABLES, required
from .formats import FORMATS, norm_header

__all__ = ["detect", "resolve_columns", "KINDS"]

#: Every value accepted by ``read(kind=...)``.
KINDS = sorted([n for n in FORMATS] + [f"canonical_{t}" for t in TABLES] + list(TABLES))


def resolve_columns(spec_name: str, header) -> dict:
    """Map internal fields of a format to the header names present in the file (first alias wins)."""
    spec = FORMATS[spec_name]
    out = {}
    for h in header:
        f = spec.alias_index.get(norm_header(h))
        if f is not None and f not in out:
            out[f] = h
    return out


#: Required columns a reader can fill itself (brand replies from own accounts, else False).
_DEFAULTED = {"is_brand_reply"}


def _canonical_cols(table, header):
    names = {c.name for c in TABLES[table]}
    return {norm_header(h): h for h in header if norm_header(h) in names}


def detect(header, *, allowed=None, source="file"):
    """Name the format of a CSV/XLSX header.

    Parameters
    ----------
    header : list of str
    allowed : iterable of str, optional
        Restrict to these format names (``canonical_<table>`` included).
    source : str
        File name for the error message.

    Returns
    -------
    (str, dict)
        Format name and the resolved columns (field -> header name).

    Raises
    ------
    FormatError
        Naming the formats tried and what the closest one misses.
    """
    allowed = set(allowed) if allowed is not None else None
    best = []
    for name, spec in FORMATS.items():
        if spec.container != "csv" or (allowed is not None and name not in allowed):
            continue
        cols = resolve_columns(name, header)
        missing = [f for f in spec.signature if not any(x in cols for x in f.split("|"))]  # "a|b": either
        best.append((len(missing), -spec.priority - len(cols) / 1000, name, cols, missing))
    for table in TABLES:
        name = f"canonical_{table}"
        if allowed is not None and name not in allowed:
            continue
        cols = _canonical_cols(table, header)
        missing = [c for c in required(table) if c not in cols and c not in _DEFAULTED]
        best.append((len(missing), -len(cols) / 1000 + 0.0005, name, {k: v for k, v in cols.items()}, missing))
    best.sort(key=lambda x: (x[0], x[1]))
    if best and best[0][0] == 0:
        return best[0][2], best[0][3]
    if not best:
        raise FormatError(f"{source} (line 1): no format to try")
    raise FormatError(
        f"{source} (line 1): unknown layout; the closest layouts by header overlap: {closest(header, best)}. "
        f"Header found: {list(map(str, header))[:40]}. To read it anyway pass kind=<table> and "
        f"mapping={{canonical_column: column_in_file}}."
    )


def closest(header, candidates, n: int = 3) -> str:
    """The ``n`` layouts sharing most columns with ``header``: name, how many of its columns, what it misses."""
    scored = []
    for _, _, name, cols, missing in candidates:
        spec = FORMATS.get(name)
        if spec is not None:
            total = len(spec.columns) or len(spec.fields)
            miss = [spec.header_name(f) for f in missing]
        else:
            total = len(required(name[len("canonical_"):]))
            miss = missing
        scored.append((-len(cols), len(miss), name, total, miss))
    scored.sort()
    return "; ".join(f"{name} ({-k} of {total} columns, lacks {miss[:4]})" for k, _, name, total, miss in scored[:n])
