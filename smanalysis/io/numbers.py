"""Reading counts the way exports write them: "12.400", "1,2 rb", "1.2K", "3M", "4.5%".

Examples
--------
>>> import pandas as pd
>>> parse_count(pd.Series(["12,400", "12.400", "1,2 rb", "1.2K", "3M", "4.5%", "", "undefined"])).tolist()
[12400.0, 12400.0, 1200.0, 1200.0, 3000000.0, 0.045, nan, nan]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .arrowtext import STR, arrow_text, count_byte, trim

__all__ = ["parse_count", "excel_ids", "is_missing_text"]

_MULT = {
    "": 1.0, "k": 1e3, "rb": 1e3, "ribu": 1e3, "m": 1e6, "jt": 1e6, "juta": 1e6, "mio": 1e6,
    "b": 1e9, "bn": 1e9, "miliar": 1e9, "milyar": 1e9, "t": 1e12, "triliun": 1e12,
}
_MISSING = {"", "-", "--", "undefined", "nan", "none", "null", "n/a", "na", "#n/a", "—"}
_RX = r"^([+-]?)([0-9][0-9.,]*|[.,][0-9]+)(k|rb|ribu|mio|m|jt|juta|bn|b|miliar|milyar|t|triliun)?(%)?$"


def parse_count(series, *, decimal: str | None = None) -> pd.Series:
    """Parse exported counts into floats, vectorised.

    Rules, applied to each cell after trimming spaces (also non-breaking ones):

    * blanks, ``-``, ``undefined``, ``N/A`` -> NaN;
    * suffixes: ``K``/``rb``/``ribu`` (thousand), ``M``/``jt``/``juta``
      (million), ``B``/``bn``/``miliar`` (billion), case-insensitive;
    * ``%`` -> a fraction (``4.5%`` -> 0.045);
    * separators: when both ``.`` and ``,`` occur, the last one is the decimal
      mark (``1.234,5`` and ``1,234.5`` -> 1234.5); a mark that occurs more than
      once groups thousands (``1.234.567``); a single mark followed by exactly
      three digits groups thousands (``12.400``, ``12,400`` -> 12400), unless the
      integer part is ``0`` or longer than three digits or a suffix follows
      (``0.025``, ``14321.665``, ``1.250K``); otherwise it is the decimal mark
      (``1,2 rb`` -> 1200, ``4.5`` -> 4.5). One column keeps one convention: when
      a cell proves the mark decimal (``5.52``), the column's ambiguous cells
      (``5.404``) are decimal too, unless another cell groups thousands with it
      (Meta's video export writes seconds with up to three decimals).
    * anything else (``abc``) -> NaN. Use :func:`count_errors` style checks by
      comparing ``isna()`` of the input and output to find unreadable cells.

    Parameters
    ----------
    series : Series or sequence
        Cells as text (numbers are accepted and returned as floats).
    decimal : {".", ","}, optional
        The column's decimal mark when the layout fixes it (Meta's video export
        writes seconds like ``5.404``): a single such mark is then never read as
        a thousands separator.

    Returns
    -------
    Series of float64
        Same index as the input.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_count(pd.Series(["1.234.567", "1,5", "0.025", "2,3 jt", " 7 ", "abc"])).tolist()
    [1234567.0, 1.5, 0.025, 2300000.0, 7.0, nan]
    >>> parse_count(pd.Series(["14321.665", "5.404"])).tolist(), parse_count(pd.Series(["5.404"]), decimal=".").tolist()
    ([14321.665, 5.404], [5.404])
    """
    s = pd.Series(series)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return s.astype("float64")
    arr = trim(arrow_text(s))
    try:  # a column of plain integers and blanks (Meta, X, TikTok): one Arrow cast, blanks -> NaN
        ints = pc.cast(pc.if_else(pc.equal(arr, ""), pa.scalar(None, type=arr.type), arr), pa.int64())
        return pd.Series(ints.to_numpy(zero_copy_only=False).astype("float64"), index=s.index, copy=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    t = pd.Series(pd.array(arr, dtype=STR), index=s.index)
    plain = pc.match_substring_regex(arr, r"^-?[0-9]{1,15}$").to_numpy(zero_copy_only=False)
    out = np.full(len(s), np.nan)
    if plain.any():
        out[plain] = pc.cast(pc.filter(arr, pa.array(plain)), pa.int64()).to_numpy().astype("float64")
    rest = ~plain & (t != "").to_numpy(dtype=bool)
    if rest.any():
        out[rest] = _parse_text(s[rest], decimal).to_numpy()
    return pd.Series(out, index=s.index, copy=False)


def _parse_text(s: pd.Series, decimal=None) -> pd.Series:
    obj = s if s.dtype == object else s.astype(object).where(s.notna(), None)
    vals = obj.tolist()
    joined = "\x01".join(vals) if all(type(v) is str for v in vals) else None
    if joined is not None and "." not in joined and "," not in joined:
        has_sep = np.zeros(len(vals), dtype=bool)  # plain integers (Meta, X): no per-cell test needed
    else:
        has_sep = np.fromiter((isinstance(v, str) and ("." in v or "," in v) for v in vals), dtype=bool,
                              count=len(vals))
    fast = pd.to_numeric(obj.where(~has_sep, None), errors="coerce").astype("float64")
    todo = (fast.isna() & s.notna()).to_numpy() | has_sep
    if not todo.any():
        return fast
    fast[todo] = _parse_slow(s[todo], decimal).to_numpy()
    return fast


def _parse_slow(s: pd.Series, decimal=None) -> pd.Series:
    idx = s.index
    t = s.astype(object).where(s.notna(), "").astype(str).str.lower()
    t = t.str.replace(r"[\s\u00a0\u202f']", "", regex=True)
    m = t.str.extract(_RX)
    sign = np.where(m[0].to_numpy(dtype=object) == "-", -1.0, 1.0)
    num = m[1].fillna("")
    suf = m[2].fillna("")
    pct = m[3].notna().to_numpy()
    n_dot = num.str.count(r"\.")
    n_com = num.str.count(",")
    last_dot = num.str.rfind(".")
    last_com = num.str.rfind(",")
    both = (n_dot > 0) & (n_com > 0)
    # decimal mark: "." , "," or "" (none)
    dec = pd.Series("", index=idx, dtype=object)
    dec[both & (last_dot > last_com)] = "."
    dec[both & (last_com > last_dot)] = ","
    single_dot = (n_dot == 1) & (n_com == 0)
    single_com = (n_com == 1) & (n_dot == 0)
    after = num.str.extract(r"[.,]([0-9]*)$")[0].fillna("")
    intpart = num.str.extract(r"^([0-9]*)[.,]")[0].fillna("")
    # "12.400" may group thousands; "14321.665" (a lead group of 4+ digits) cannot
    thousands_like = (after.str.len() == 3) & (intpart != "0") & (intpart != "") & (intpart.str.len() <= 3) & (suf == "")
    plain_cell = (suf == "") & ~pct & (intpart != "0")  # "1,2 rb", "4.5%", "0.025" prove nothing for the column
    groups_dot = (n_dot > 1) | (both & (last_dot < last_com))  # "1.234.567", "1.234,5"
    groups_com = (n_com > 1) | (both & (last_com < last_dot))
    for mark, single, groups in ((".", single_dot, groups_dot), (",", single_com, groups_com)):
        # one column, one convention: a cell that proves the mark decimal ("5.52", "14321.665") makes the
        # column's ambiguous "5.404" decimal too, unless another cell groups thousands with the same mark
        column_decimal = decimal == mark or bool((single & ~thousands_like & plain_cell).any()) and not bool(groups.any())
        dec[single & (~thousands_like | column_decimal)] = mark
    # build a plain number string: drop every mark except the decimal one, which becomes "."
    plain = num.where(dec != ",", num.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    plain = plain.where(dec != ".", num.str.replace(",", "", regex=False))
    plain = plain.where(dec != "", num.str.replace(r"[.,]", "", regex=True))
    val = pd.to_numeric(plain.where(plain != "", None), errors="coerce").to_numpy(dtype="float64")
    mult = suf.map(_MULT).to_numpy(dtype="float64")
    out = sign * val * mult
    out = np.where(pct, out / 100.0, out)
    out[(num == "").to_numpy()] = np.nan
    return pd.Series(out, index=idx, dtype="float64")


def is_missing_text(series: pd.Series) -> pd.Series:
    """True where a cell is blank or a missing-value marker (``undefined``, ``-``, ``N/A``).

    Examples
    --------
    >>> import pandas as pd
    >>> is_missing_text(pd.Series(["", "undefined", "12"])).tolist()
    [True, True, False]
    """
    s = pd.Series(series)
    t = s.astype(object).where(s.notna(), "").astype(str).str.strip().str.lower()
    return t.isin(_MISSING)


def excel_ids(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Restore numeric ids that Excel re-saved (``1213499430137060.00``, ``1.21349943013706E+15``).

    Returns ``(ids, destroyed)``: ids as exact integer strings where every digit is still
    there; ``destroyed`` is True where Excel kept fewer significant digits than the id has
    (``1.21E+15``): such an id can no longer match the same post in another file.
    Other cells (``123_456``, ``abc``) are returned stripped and unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> ids, gone = excel_ids(pd.Series(["1213499430137060.00", "1.213499430137060E+15", "1.21E+15", "17901_2"]))
    >>> ids.tolist(), gone.tolist()
    (['1213499430137060', '1213499430137060', '1.21E+15', '17901_2'], [False, False, True, False])
    """
    series = pd.Series(series)
    s = pd.Series(pd.array(trim(arrow_text(series)), dtype=STR), index=series.index)
    destroyed = pd.Series(False, index=s.index)
    arr = arrow_text(s)
    if not (count_byte(arr, ord(".")).any() or count_byte(arr, ord("+")).any()):  # no '.0' and no 'E+': intact
        return s, destroyed
    out = s.copy()
    dec = s.str.fullmatch(r"\d+\.0+")
    if dec.any():
        out[dec] = s[dec].str.split(".").str[0]
    sci = s.str.fullmatch(r"\d(?:[.,]\d+)?[eE]\+\d+")
    if sci.any():
        m = s[sci].str.extract(r"^(\d)(?:[.,](\d+))?[eE]\+(\d+)$")
        frac = m[1].fillna("")
        exp = m[2].astype(int)
        # an id of exp+1 digits needs every one of them (Excel shows at most 15 significant digits)
        full = frac.str.len() >= exp
        digits = m[0] + frac.str.ljust(exp.max(), "0")
        rebuilt = pd.Series([d[: e + 1] for d, e in zip(digits, exp)], index=m.index)
        out[sci] = rebuilt.where(full, s[sci])
        destroyed[sci] = ~full.to_numpy()
    return out, destroyed
