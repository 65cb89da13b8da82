"""Vectorised cell parsers shared by the readers: text, timestamps, dates, yearless dates, booleans.

Examples
--------
>>> import pandas as pd
>>> parse_timestamp(pd.Series(["2026-10-01 19:05", "2026-10-01T12:05:00Z"]), timezone="Asia/Jakarta").dt.hour.tolist()
[12, 12]
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .arrowtext import STR, arrow_text, as_text, blank_to_null, count_byte, ends_in_zone, map_rows, strptime, trim
from .lookalikes import fold_lookalikes

__all__ = [
    "by_unique", "strip", "opt_text", "clean_text", "parse_timestamp", "parse_date", "parse_mdy_time", "parse_yearless", "resolve_years",
    "parse_bool", "blank", "has_offset", "any_naive", "parse_day_month_year",
]

MONTHS = {
    "january": 1, "jan": 1, "januari": 1, "february": 2, "feb": 2, "februari": 2, "peb": 2, "march": 3,
    "mar": 3, "maret": 3, "april": 4, "apr": 4, "may": 5, "mei": 5, "june": 6, "jun": 6, "juni": 6,
    "july": 7, "jul": 7, "juli": 7, "august": 8, "aug": 8, "agustus": 8, "agu": 8, "ags": 8, "agt": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nop": 11, "december": 12, "dec": 12, "desember": 12, "des": 12,
}


def by_unique(s: pd.Series, func) -> pd.Series:
    """Apply a Series->Series ``func`` to the distinct values only, then spread back (fast on repetitive columns).

    Examples
    --------
    >>> import pandas as pd
    >>> by_unique(pd.Series(["a", "b", "a"]), lambda u: u.str.upper()).tolist()
    ['A', 'B', 'A']
    """
    if s.dtype == STR:  # Arrow's hash kernel on the text itself (pandas' factorize converts it first)
        arr = pa.array(s.array)  # missing cells stay missing (their code is -1, as factorize's)
        enc = pc.dictionary_encode(arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr)
        codes = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False)
        uniques = enc.dictionary.to_pylist()
    else:
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
    if len(uniques) > 0.5 * len(s) or not len(uniques):
        return func(s)
    res = func(pd.Series(uniques, dtype=object))
    if res.dtype == object and all(isinstance(v, str) or v is None or v != v for v in res.tolist()):
        res = res.astype(STR)  # text results in the readers' str dtype, whatever the column's size
    out = res.take(np.where(codes < 0, 0, codes))
    out.index = s.index
    if (codes < 0).any():
        out[codes < 0] = func(pd.Series([None], dtype=object)).iloc[0]
    return out


def strip(s: pd.Series) -> pd.Series:
    """Cells stripped of surrounding spaces, as text ("" for missing)."""
    return pd.Series(pd.array(trim(arrow_text(s)), dtype=STR), index=s.index)


def opt_text(s: pd.Series, *, handle: bool = False) -> pd.Series:
    """Stripped text, missing when blank; ``handle=True`` also drops a leading '@'."""
    arr = trim(arrow_text(s))
    if handle:
        arr = pc.utf8_ltrim(arr, "@")
    return pd.Series(pd.array(blank_to_null(arr), dtype=STR), index=s.index)


def blank(s: pd.Series) -> pd.Series:
    """True where a text cell is empty or whitespace (or missing).

    Examples
    --------
    >>> import pandas as pd
    >>> blank(pd.Series(["", " ", "a", None])).tolist()
    [True, True, False, True]
    """
    return pd.Series(pc.equal(trim(arrow_text(s)), "").to_numpy(zero_copy_only=False), index=s.index, copy=False)


def clean_text(s: pd.Series, *, unescape: bool = False) -> pd.Series:
    """Text as written, with look-alike letters folded ("math bold" captions become plain letters); blank -> missing.

    Only letters and digits are folded (NFKC of math alphanumerics, fullwidth forms and
    ligatures); punctuation ("…", "“”", "–") is never rewritten in stored text.
    ``unescape=True`` decodes HTML entities (X writes ``&amp;``, ``&lt;``, ``&gt;``).
    The work runs on whole columns (Arrow's kernels, :func:`~smanalysis.io.lookalikes.fold_lookalikes`
    on the UTF-8 bytes); Python touches only the cells that need unescaping.

    Examples
    --------
    >>> import pandas as pd
    >>> clean_text(pd.Series(["𝐊𝐨𝐩𝐢 ☕…", ""])).tolist()
    ['Kopi ☕…', nan]
    >>> clean_text(pd.Series(["Kopi &amp; teh &lt;3"]), unescape=True).tolist()
    ['Kopi & teh <3']
    """
    arr = arrow_text(s)
    if count_byte(arr, 13).any():
        arr = pc.replace_substring(pc.replace_substring(arr, "\r\n", "\n"), "\r", "\n")
    if unescape:
        arr = arrow_text(map_rows(pd.Series(pd.array(arr, dtype=STR)), count_byte(arr, ord("&")) > 0, html.unescape))
    arr = fold_lookalikes(arr)
    return pd.Series(pd.array(blank_to_null(trim(arr)), dtype=STR), index=s.index)


def has_offset(s: pd.Series) -> pd.Series:
    """True where a timestamp cell carries its zone (``Z``, ``+0700``, ``UTC``).

    Examples
    --------
    >>> import pandas as pd
    >>> has_offset(pd.Series(["2026-10-01 10:00", "2026-10-01T03:00:00Z"])).tolist()
    [False, True]
    """
    return pd.Series(_offset_mask(trim(arrow_text(s))), index=s.index, copy=False)


def any_naive(s: pd.Series) -> bool:
    """Whether a filled timestamp cell carries no zone (then a timezone must be assumed for it).

    Examples
    --------
    >>> import pandas as pd
    >>> any_naive(pd.Series(["2026-10-01T03:00:00Z", " "])), any_naive(pd.Series(["2026-10-01 10:00", ""]))
    (False, True)
    """
    arr = trim(arrow_text(s))
    return bool((~_offset_mask(arr) & pc.greater(pc.binary_length(arr), 0).to_numpy(zero_copy_only=False)).any())


def _offset_mask(arr: pa.Array) -> np.ndarray:
    """True where a (stripped) Arrow text cell ends in a zone, as :func:`has_offset`."""
    return ends_in_zone(arr)


def parse_day_month_year(s: pd.Series) -> pd.Series:
    """Days written with a month name: ``3 Okt 2026``, ``Oct 3, 2026``, ``3 October 2026`` (naive; unreadable -> NaT).

    Examples
    --------
    >>> import pandas as pd
    >>> parse_day_month_year(pd.Series(["3 Okt 2026", "Oct 3, 2026", "31 Agu 2026", "x"])).dt.strftime("%Y-%m-%d").tolist()
    ['2026-10-03', '2026-10-03', '2026-08-31', nan]
    """
    t = s.astype(object).where(s.notna(), "").astype(str).str.strip().str.lower().str.replace(",", " ")
    a = t.str.extract(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
    b = t.str.extract(r"^([a-z]+)\.?\s+(\d{1,2})\s+(\d{4})$")
    parts = pd.DataFrame({
        "year": pd.to_numeric(a[2], errors="coerce").fillna(pd.to_numeric(b[2], errors="coerce")),
        "month": a[1].map(MONTHS).fillna(b[0].map(MONTHS)),
        "day": pd.to_numeric(a[0], errors="coerce").fillna(pd.to_numeric(b[1], errors="coerce"))})
    return bounded(pd.to_datetime(parts, errors="coerce")).astype("datetime64[ns]")


_OFFSET = r"(?:Z|[+-][0-9][0-9]:?[0-9][0-9]|[ \t]UTC)$"  # no \d or \s: pandas then runs it in Arrow (RE2)
_OFF_RX = re.compile(_OFFSET)


def bounded(v) -> pd.Series:
    """Datetimes outside 1900-2199 -> NaT (they cannot be stored in nanoseconds, and are typos anyway)."""
    v = pd.to_datetime(v)
    if not len(v):
        return v
    tz = v.dt.tz
    lo, hi = pd.Timestamp("1900-01-01", tz=tz), pd.Timestamp("2200-01-01", tz=tz)
    return v.where((v >= lo) & (v < hi))


def _mixed(t: pd.Series, *, dayfirst: bool = False, wall: bool = False) -> pd.Series:
    """pandas' mixed-format parse as naive ``datetime64[ns]``; years outside 1900-2199 -> NaT.

    Cells carrying a zone give their wall clock when ``wall`` is true, else raise TypeError
    (the caller then reads them one at a time). Never raises on a year pandas cannot hold in
    nanoseconds ("1166"): that is a NaT like any other unreadable cell.
    """
    v = pd.to_datetime(t.astype(object), errors="coerce", format="mixed", dayfirst=dayfirst)
    if v.dtype == object or getattr(v.dt, "tz", None) is not None:
        if not wall:
            raise TypeError("cells carry a zone")
        v = pd.to_datetime(pd.Series([x.tz_localize(None) if isinstance(x, pd.Timestamp) and x.tzinfo is not None
                                      else x for x in v], index=t.index, dtype=object), errors="coerce")
    return bounded(v).astype("datetime64[ns]")


def parse_timestamp(s: pd.Series, *, timezone: str) -> pd.Series:
    """Parse timestamps to UTC. Values with an offset (``Z``, ``+0700``) keep it; naive ones are in ``timezone``.

    Accepts ISO 8601 (``2026-10-01T12:05:00.000Z``), ``2026-10-01 12:05:39 +0000``,
    day-first ``01/10/2026 19:05`` and anything else pandas recognises; unreadable -> NaT.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_timestamp(pd.Series(["2026-08-15 13:12:39 +0000", "x"]), timezone="Asia/Jakarta").tolist()
    [Timestamp('2026-08-15 13:12:39+0000', tz='UTC'), NaT]
    """
    arr = trim(arrow_text(s))
    has_off = _offset_mask(arr)
    t = pd.Series(pd.array(arr, dtype=STR), index=s.index)
    if len(t) and has_off.all():  # every cell carries its zone (comment exports, APIs): no masks to apply
        v = _iso_with_offset(t)
        if v.notna().all():
            return bounded(v).astype("datetime64[ns, UTC]")
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns, UTC]")
    if has_off.any():
        to = t[has_off]
        v = _iso_with_offset(to)
        miss = v.isna()
        if miss.any():  # "2026-08-15 13:12:39 +0000", "... UTC", fractions of seconds
            fixed = to[miss].str.replace(r"\s+([+-]\d\d:?\d\d)$", r"\1", regex=True).str.replace(
                r"\s*UTC$", "Z", regex=True)
            v[miss] = pd.to_datetime(fixed.astype(object), format="ISO8601", utc=True, errors="coerce")
        out[has_off] = bounded(v).astype("datetime64[ns, UTC]")
    naive = ~has_off & (t != "").to_numpy()
    if naive.any():
        tn = t[naive]
        try:
            conv = _naive_to_utc(tn, timezone)
        except (TypeError, ValueError):  # an offset in a form the pattern missed ("+07"): one cell at a time
            conv = pd.to_datetime(pd.Series([_one_to_utc(x, timezone) for x in tn], index=tn.index, dtype=object),
                                  utc=True, errors="coerce")
        out.loc[tn.index] = conv.astype("datetime64[ns, UTC]")
    return out


_ISO_FORMS = {19: "%Y-%m-%dT%H:%M:%S", 16: "%Y-%m-%dT%H:%M", 10: "%Y-%m-%d"}


def _iso_with_offset(t: pd.Series) -> pd.Series:
    """UTC times of ISO 8601 cells with an offset (``2026-10-01 19:05:00+07:00``, ``...Z``); NaT where not read."""
    arr = arrow_text(t)
    try:
        v = pc.cast(arr, pa.timestamp("ns", tz="UTC"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pd.to_datetime(t.astype(object), format="ISO8601", utc=True, errors="coerce")
    return pd.Series(v.to_pandas(), index=t.index).astype("datetime64[ns, UTC]")


def _naive_to_utc(tn: pd.Series, timezone: str) -> pd.Series:
    v = pd.Series(pd.NaT, index=tn.index, dtype="datetime64[ns]")
    n = tn.str.len()
    for width, fmt in _ISO_FORMS.items():  # the usual fixed ISO layouts through Arrow
        sel = ((n == width) & tn.str.match(r"^[0-9]{4}-[0-9][0-9]-[0-9][0-9]")).to_numpy(dtype=bool)
        if sel.any():
            v[sel] = strptime(tn[sel].str.replace("T", " ", regex=False).str.replace(" ", "T", regex=False), fmt)
    left = v.isna().to_numpy()
    if left.any():
        v[left] = pd.to_datetime(tn[left].astype(object), format="ISO8601", errors="coerce")
    dmy = v.isna() & tn.str.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")
    if dmy.any():
        v[dmy] = _mixed(tn[dmy], dayfirst=True)
    rest = v.isna() & ~dmy
    if rest.any():
        v[rest] = _mixed(tn[rest])
    v = bounded(v)
    return v.dt.tz_localize(timezone, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC").astype(
        "datetime64[ns, UTC]")


def _one_to_utc(x: str, timezone: str):
    v = pd.to_datetime(x, errors="coerce", dayfirst=bool(re.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", x)))
    if v is pd.NaT or not (pd.Timestamp("1900-01-01") <= v.tz_localize(None) < pd.Timestamp("2200-01-01")):
        return pd.NaT
    try:
        return v.tz_convert("UTC") if v.tzinfo is not None else v.tz_localize(timezone).tz_convert("UTC")
    except (ValueError, TypeError):  # a nonexistent or ambiguous local time
        return pd.NaT


def parse_date(s: pd.Series) -> pd.Series:
    """Parse calendar days (ISO, ``YYYY-MM-DDT00:00:00``, day-first ``31/10/2026``, Excel) to naive midnight.

    Slashed days are day-first unless a cell of the column shows month-first (``7/16/2026``:
    then the whole column is month-first, as Excel writes in the US).

    Examples
    --------
    >>> import pandas as pd
    >>> parse_date(pd.Series(["2026-10-05", "05/10/2026", "2026-10-05 00:00:00", "?"])).dt.day.tolist()
    [5.0, 5.0, 5.0, nan]
    >>> parse_date(pd.Series(["7/31/2026", "8/1/2026"])).dt.strftime("%Y-%m-%d").tolist()
    ['2026-07-31', '2026-08-01']
    """
    t = as_text(s).str.strip()
    v = strptime(t.str.slice(0, 10).where(t.str.match(r"^[0-9]{4}-[0-9][0-9]-[0-9][0-9]"), ""), "%Y-%m-%d")
    dmy = pd.Series(False, index=t.index)
    todo = v.isna() & (t != "")
    if todo.any():  # the regex (Python's: \d) only on the cells the ISO reading left
        dmy[todo] = t[todo].str.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:[ T]\d{1,2}[:.]\d\d(?:[:.]\d\d)?)?$")
    if dmy.any():
        # one order for the column: day-first unless a cell shows month-first ("7/16/2026", an Excel re-save)
        ab = t[dmy].str.extract(r"^(\d{1,2})[/.-](\d{1,2})").astype("float64")
        v[dmy] = _mixed(t[dmy], dayfirst=not ((ab[1] > 12).any() and not (ab[0] > 12).any()), wall=True)
    rest = v.isna() & ~dmy & (t != "")
    if rest.any():
        v[rest] = _mixed(t[rest], wall=True)
    v = bounded(v)
    if getattr(v.dt, "tz", None) is not None:
        v = v.dt.tz_localize(None)
    return v.dt.normalize().astype("datetime64[ns]")


def parse_mdy_time(s: pd.Series, *, timezone: str, dayfirst: bool | None = None,
                   ambiguous: str = "NaT") -> tuple[pd.Series, bool]:
    """Parse Meta's ``10/31/2026 19:05`` (local ``timezone``) to UTC; return ``(series, dayfirst_used)``.

    The order is decided on the whole column: a first number above 12 means
    day-first, a second above 12 month-first; otherwise ``dayfirst`` (default
    month-first, Meta's English export). Unreadable -> NaT. A local time that occurs twice
    (the hour clocks go back) is NaT, or its first (summer-time) instant with
    ``ambiguous="first"``.

    Examples
    --------
    >>> import pandas as pd
    >>> t, dayfirst = parse_mdy_time(pd.Series(["10/31/2026 19:05"]), timezone="Asia/Jakarta")
    >>> str(t[0]), dayfirst
    ('2026-10-31 12:05:00+00:00', False)
    """
    t = as_text(s)
    fmts = {False: "%m/%d/%Y %H:%M", True: "%d/%m/%Y %H:%M"}
    first = bool(dayfirst)
    fast = strptime(t, fmts[first])
    if fast.isna().any():  # some cells only read the other way round (or not at all)
        other = strptime(t, fmts[not first])
        if (fast.isna() & other.notna()).any() and not (other.isna() & fast.notna()).any():
            first, fast = not first, other
    if fast.notna().all() and len(t):
        local = bounded(fast)
        amb = np.ones(len(local), dtype=bool) if ambiguous == "first" else "NaT"
        out = local.dt.tz_localize(timezone, ambiguous=amb, nonexistent="NaT").dt.tz_convert("UTC")
        return out.astype("datetime64[ns, UTC]"), first
    t = t.str.strip()
    m = t.str.extract(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp][Mm])?)?$")
    a = pd.to_numeric(m[0], errors="coerce")
    b = pd.to_numeric(m[1], errors="coerce")
    if (a > 12).any():
        dayfirst = True
    elif (b > 12).any():
        dayfirst = False
    elif dayfirst is None:
        dayfirst = False
    day, month = (a, b) if dayfirst else (b, a)
    hour = pd.to_numeric(m[3], errors="coerce").fillna(0)
    ampm = m[6].fillna("").str.lower()
    hour = hour.where(~((ampm == "pm") & (hour < 12)), hour + 12).where(~((ampm == "am") & (hour == 12)), 0)
    parts = pd.DataFrame({"year": pd.to_numeric(m[2], errors="coerce"), "month": month, "day": day, "hour": hour,
                          "minute": pd.to_numeric(m[4], errors="coerce").fillna(0),
                          "second": pd.to_numeric(m[5], errors="coerce").fillna(0)})
    local = bounded(pd.to_datetime(parts, errors="coerce"))
    iso = local.isna() & (t != "")
    amb = np.ones(len(local), dtype=bool) if ambiguous == "first" else "NaT"
    out = local.dt.tz_localize(timezone, ambiguous=amb, nonexistent="NaT").dt.tz_convert("UTC").astype("datetime64[ns, UTC]")
    if iso.any():
        out[iso] = parse_timestamp(t[iso], timezone=timezone)
    return out, dayfirst


def parse_yearless(s: pd.Series) -> pd.DataFrame:
    """Split ``August 31`` / ``Aug 31`` / ``31 Agustus`` / ``08-31`` into month and day (NaN when unreadable).

    Cells that carry a year (``2026-08-31``) are returned in ``full`` instead.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_yearless(pd.Series(["August 31", "31 Agustus", "2026-01-02"])).to_dict("list")["month"]
    [8.0, 8.0, nan]
    """
    t = s.astype(object).where(s.notna(), "").astype(str).str.strip().str.lower().str.replace(",", " ")
    a = t.str.extract(r"^([a-z]+)\.?\s+(\d{1,2})$")
    b = t.str.extract(r"^(\d{1,2})\s+([a-z]+)\.?$")
    month = a[0].map(MONTHS).fillna(b[1].map(MONTHS))
    day = pd.to_numeric(a[1], errors="coerce").fillna(pd.to_numeric(b[0], errors="coerce"))
    full = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    has_year = month.isna() & t.str.contains(r"\d{4}", regex=True)
    if has_year.any():
        full[has_year] = parse_date(t[has_year])
    return pd.DataFrame({"month": month.astype("float64"), "day": day.astype("float64"), "full": full})


def resolve_years(month: pd.Series, day: pd.Series, ref: pd.Timestamp, *, ordered: bool = True) -> pd.Series:
    """Give yearless (month, day) pairs a year so that no date falls after ``ref``.

    Rows in calendar order (oldest first or newest first, at most one turn of the year,
    as in a year of follower history ending on the export day) keep their order: the row
    nearest ``ref`` gets the latest year that keeps it on or before ``ref`` and the year
    changes only at the turn. Otherwise (``ordered=False``, or rows in no order) each date
    gets the latest year that keeps it on or before ``ref``.

    Examples
    --------
    >>> d = resolve_years(pd.Series([12.0, 1.0]), pd.Series([31.0, 1.0]), pd.Timestamp("2026-11-23"))
    >>> [x.strftime("%Y-%m-%d") for x in d]
    ['2025-12-31', '2026-01-01']
    >>> d = resolve_years(pd.Series([10.0, 11.0, 1.0, 10.0]), pd.Series([31.0, 1.0, 1.0, 31.0]),
    ...                   pd.Timestamp("2026-10-31"))
    >>> [x.strftime("%Y-%m-%d") for x in d]  # rows in order: the first a year before the last
    ['2025-10-31', '2025-11-01', '2026-01-01', '2026-10-31']
    >>> d = resolve_years(pd.Series([12.0, 1.0, 1.0]), pd.Series([31.0, 1.0, 1.0]), pd.Timestamp("2026-01-02"))
    >>> [x.strftime("%Y-%m-%d") for x in d]  # hourly rows over the turn of the year
    ['2025-12-31', '2026-01-01', '2026-01-01']
    """
    md = (month * 100 + day).to_numpy(dtype="float64")
    ok = ~np.isnan(md)
    ref_md = ref.month * 100 + ref.day
    years = np.full(len(md), np.nan)
    v = md[ok]
    if len(v):
        diffs = np.diff(v)
        naive = np.where(v <= ref_md, ref.year, ref.year - 1)
        up, down = int((diffs > 0).sum()), int((diffs < 0).sum())
        oldest_first, newest_first = down <= 1 and up > down, up <= 1 and down > up
        if up + down == 1:  # one change of day (rows repeat a day, as hourly rows do): the nearer reading wins
            doy = (v // 100 - 1) * 31 + v % 100
            jump = float(np.diff(doy)[diffs != 0][0])
            oldest_first = 0 < jump < 186 or jump < -186
            newest_first = not oldest_first
        ordered = ordered and len(v) > 2
        if ordered and oldest_first:  # oldest first, anchored at the last row
            wraps_after = np.concatenate([np.cumsum((diffs < 0)[::-1])[::-1], [0]])
            years[ok] = (ref.year if v[-1] <= ref_md else ref.year - 1) - wraps_after
        elif ordered and newest_first:
            wraps_before = np.concatenate([[0], np.cumsum(diffs > 0)])  # newest first, anchored at the first row
            years[ok] = (ref.year if v[0] <= ref_md else ref.year - 1) - wraps_before
        else:
            years[ok] = naive
    parts = pd.DataFrame({"year": years, "month": month.to_numpy(), "day": day.to_numpy()}, index=month.index)
    return bounded(pd.to_datetime(parts, errors="coerce")).astype("datetime64[ns]")


_TRUE = {"yes", "y", "true", "1", "ya", "benar", "t"}


def parse_bool(s: pd.Series) -> pd.Series:
    """``Yes``/``true``/``1``/``ya`` -> True, anything else -> False.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_bool(pd.Series(["Yes", "no", "", "Ya"])).tolist()
    [True, False, False, True]
    """
    return by_unique(s, lambda u: u.astype(object).where(u.notna(), "").astype(str).str.strip().str.lower()
                     .isin(_TRUE)).astype(bool)
