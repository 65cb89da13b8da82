"""Text cells as Arrow arrays: the ``str`` dtype, conversions, and a fast fixed-layout time parser.

The readers keep cells in pandas' Arrow-backed ``str`` dtype (:data:`STR`) so that text
work runs in Arrow's C++ kernels (:mod:`pyarrow.compute`); Python touches only the cells
that need it (:func:`map_rows`).

Examples
--------
>>> import pandas as pd
>>> as_text(pd.Series(["a", None])).tolist(), str(as_text(pd.Series(["a"])).dtype)
(['a', ''], 'str')
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["STR", "as_text", "arrow_text", "map_rows", "strptime", "count_byte", "trim", "blank_to_null", "ends_in_zone", "large_text", "text_layout", "byte_positions", "by_row_slices"]

#: pandas' Arrow-backed text dtype with NaN for missing (the pandas 3 default ``str``).
STR = pd.StringDtype("pyarrow", na_value=np.nan)


def _values(s: pd.Series) -> list:
    """Cells as a list of str ("" for missing), without copies when the cells already are str."""
    vals = s.tolist()
    if all(type(v) is str for v in vals):
        return vals
    return ["" if v is None or (isinstance(v, float) and v != v) or v is pd.NA or v is pd.NaT else str(v)
            for v in vals]


def as_text(s: pd.Series) -> pd.Series:
    """Cells as pandas' Arrow-backed ``str`` ("" for missing), so text work runs in Arrow's C++ kernels.

    Examples
    --------
    >>> import pandas as pd
    >>> as_text(pd.Series(["a", None, 3])).tolist()
    ['a', '', '3']
    """
    if s.dtype == STR:
        return s.fillna("") if s.hasnans else s
    if s.dtype == object:
        s = s.where(s.notna(), "")
        try:
            return s.astype(STR)
        except (TypeError, ValueError):
            pass
    return pd.Series(_values(s), index=s.index, dtype=STR)


def arrow_text(s: pd.Series) -> pa.Array:
    """Cells as one contiguous Arrow ``large_string`` array ("" for missing), for :mod:`pyarrow.compute`.

    Examples
    --------
    >>> import pandas as pd
    >>> arrow_text(pd.Series(["a", None])).to_pylist()
    ['a', '']
    """
    arr = pa.array(as_text(s), type=pa.large_string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def strptime(t: pd.Series, fmt: str) -> pd.Series:
    """Naive datetimes of text cells in the fixed layout ``fmt`` (``pd.to_datetime(format=fmt)``, NaT if unreadable).

    The zero-padded cells (every field at its fixed place, as ``fmt`` writes it) are read from the
    column's bytes with NumPy (:func:`_fixed_layout`: digits, separators and the calendar checked,
    so "02/30/2026" is not rolled over to March); the other cells (unpadded numbers, impossible
    dates) go through pandas.

    Examples
    --------
    >>> import pandas as pd
    >>> strptime(pd.Series(["10/31/2026 19:05", "2/3/2026 9:05", "02/30/2026 10:00", ""]), "%m/%d/%Y %H:%M").tolist()
    [Timestamp('2026-10-31 19:05:00'), Timestamp('2026-02-03 09:05:00'), NaT, NaT]
    """
    t = as_text(t)
    arr = arrow_text(t)
    slots = _slots(fmt)
    if slots is None:
        return pd.Series(pd.to_datetime(t.astype(object), format=fmt, errors="coerce"), index=t.index)
    ok, secs = _fixed_layout(arr, fmt, slots)
    lo, hi = np.datetime64("1900-01-01", "s"), np.datetime64("2200-01-01", "s")
    ok &= (secs >= lo) & (secs < hi)
    out = pd.Series(np.where(ok, secs, np.datetime64("NaT", "s")).astype("datetime64[ns]"), index=t.index, copy=False)
    todo = ~ok & (t != "").to_numpy(dtype=bool)
    if todo.any():
        out[todo] = pd.to_datetime(t[todo].astype(object), format=fmt, errors="coerce")
    return out


_WIDTHS = {"Y": 4, "m": 2, "d": 2, "H": 2, "M": 2, "S": 2}


def _fixed_layout(arr: pa.Array, fmt: str, slots) -> tuple[np.ndarray, np.ndarray]:
    """``(ok, seconds)``: the cells of ``arr`` written exactly as ``fmt`` writes a time (``slots`` from
    :func:`_slots`), read from the bytes: the cell has the layout's width, a digit at every field place,
    ``fmt``'s own characters between them, and a real date and time (month 1-12, a day the month has,
    hour < 24, minutes and seconds < 60). ``seconds`` (``datetime64[s]``) is meaningful where ``ok``.

    >>> ok, secs = _fixed_layout(pa.array(["10/31/2026 19:05", "02/30/2026 10:00", "2/3/2026 9:05"],
    ...                                    type=pa.large_string()), "%m/%d/%Y %H:%M", _slots("%m/%d/%Y %H:%M"))
    >>> ok.tolist(), str(secs[0])
    ([True, False, False], '2026-10-31T19:05:00')
    """
    n = len(arr)
    ok, secs = np.zeros(n, dtype=bool), np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
    width = slots[0]
    offsets, buf = text_layout(arr)
    if buf is None or len(buf) < width:
        return ok, secs
    rows = np.flatnonzero(offsets[1:] - offsets[:-1] == width)
    if arr.null_count:
        rows = rows[arr.is_valid().to_numpy(zero_copy_only=False)[rows]]
    cells = np.ascontiguousarray(np.lib.stride_tricks.sliding_window_view(buf, width)[offsets[rows]].T)
    digits = cells - np.uint8(48)  # digits[k]: the k-th byte of every cell as a digit (other bytes wrap above 9)
    fields = {"Y": 1970, "m": 1, "d": 1, "H": 0, "M": 0, "S": 0}
    places, literal, pos, i = [], [], 0, 0
    while i < len(fmt):
        if fmt[i] == "%":
            code = fmt[i + 1]
            value = digits[pos].astype("int16")
            for k in range(pos + 1, pos + _WIDTHS[code]):
                value = value * 10 + digits[k]
            fields[code] = value
            places += range(pos, pos + _WIDTHS[code])
            pos += _WIDTHS[code]
            i += 2
        else:
            literal.append((pos, ord(fmt[i])))
            pos += 1
            i += 1
    good = (digits[places] <= 9).all(axis=0)
    for k, byte in literal:
        good &= cells[k] == byte
    for code, top in (("m", 12), ("d", 31), ("H", 23), ("M", 59), ("S", 59)):
        good &= (fields[code] >= (1 if code in "md" else 0)) & (fields[code] <= top)
    sel = np.flatnonzero(good)
    y, m, d, hour, minute, sec = (np.broadcast_to(fields[c], good.shape)[sel].astype("int64") for c in "YmdHMS")
    if not len(sel):
        return ok, secs
    # the first day of every month from the earliest to the latest in the column (at most 12 x 10,000 years)
    ym = y * 12 + m - 1
    lo, hi = int(ym.min()), int(ym.max())
    months = np.arange(lo, hi + 2)
    first = _days_from_civil(months // 12, months % 12 + 1, np.ones(len(months), dtype="int64"))
    k = ym - lo
    real = d <= first[k + 1] - first[k]  # a day the month has (no 30 February)
    cell = rows[sel[real]]
    ok[cell] = True
    secs[cell] = ((first[k] + d - 1) * 86400 + hour * 3600 + minute * 60 + sec)[real].view("datetime64[s]")
    return ok, secs


def _days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's ``days_from_civil``, vectorised).

    >>> _days_from_civil(np.array([1970, 2000, 2026]), np.array([1, 3, 10]), np.array([1, 1, 31])).tolist()
    [0, 11017, 20757]
    """
    y = y - (m <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _slots(fmt: str):
    """``(width, position of the day)`` of the zero-padded cells of ``fmt``; None for other directives."""
    pos, day_at, i = 0, None, 0
    while i < len(fmt):
        if fmt[i] == "%":
            code = fmt[i + 1:i + 2]
            if code not in _WIDTHS:
                return None
            if code == "d":
                day_at = pos
            pos += _WIDTHS[code]
            i += 2
        else:
            pos += 1
            i += 1
    return pos, day_at


def map_rows(t: pd.Series, mask, func) -> pd.Series:
    """``t`` with ``func`` (str -> str) applied in Python to the rows where ``mask`` holds only.

    Examples
    --------
    >>> import pandas as pd
    >>> map_rows(pd.Series(["a", "b"], dtype="str"), [False, True], str.upper).tolist()
    ['a', 'B']
    """
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return t
    arr, sel = arrow_text(t), pa.array(mask)
    new = pa.array([func(v) for v in pc.filter(arr, sel).to_pylist()], type=pa.large_string())
    return pd.Series(pd.array(pc.replace_with_mask(arr, sel, new), dtype=STR), index=t.index)


#: Bytes a scan of a text buffer looks at in one go: the comparison's temporary stays small (it is reused
#: from the heap, not fresh zeroed memory from the system each time) and in the cache.
_SLICE = 1 << 22


def byte_positions(buf: np.ndarray, byte: int, lo: int = 0, hi: int | None = None, *, at_least: bool = False):
    """Positions in ``buf[lo:hi]`` (offsets in ``buf``) of the bytes equal to ``byte`` (or ``>= byte`` with
    ``at_least``), found slice by slice.

    Examples
    --------
    >>> byte_positions(np.frombuffer(b"a#b##", dtype=np.uint8), ord("#")).tolist()
    [1, 3, 4]
    >>> byte_positions(np.frombuffer("a☕b".encode(), dtype=np.uint8), 0xE0, at_least=True).tolist()
    [1]
    """
    hi = len(buf) if hi is None else hi
    parts = []
    for i in range(lo, hi, _SLICE):
        part = buf[i:min(i + _SLICE, hi)]
        parts.append(np.flatnonzero(part >= byte if at_least else part == byte) + i)
    return np.concatenate(parts) if len(parts) > 1 else (parts[0] if parts else np.zeros(0, dtype="int64"))


def count_byte(arr, byte: int) -> np.ndarray:
    """How many times ``byte`` occurs in each cell of an Arrow text array (or chunked array).

    One scan of the character data with NumPy; the cells are found from the offsets, so no
    per-cell work is done. ``byte`` is an ASCII character (which never occurs inside a
    multi-byte UTF-8 character, so this counts characters) or a UTF-8 lead byte (this counts
    the characters of its block, e.g. 0xF0 for U+10000-U+3FFFF: emoji, math letters).

    Examples
    --------
    >>> import pyarrow as pa
    >>> count_byte(pa.array(["a#b#", None, "", "ü#"]), ord("#")).tolist()
    [2, 0, 0, 1]
    >>> count_byte(pa.chunked_array([["#"], ["x", "##"]]), ord("#")).tolist()
    [1, 0, 2]
    >>> count_byte(pa.array(["☕ 𝐊𝐨", "kopi"]), 0xF0).tolist()
    [2, 0]
    """
    if not (0 <= byte < 128 or 0xC2 <= byte <= 0xF4):
        raise ValueError(f"count_byte counts ASCII characters or UTF-8 lead bytes (0xC2-0xF4), but {byte} was passed")
    if isinstance(arr, pa.ChunkedArray):
        parts = [count_byte(c, byte) for c in arr.chunks]
        return np.concatenate(parts) if parts else np.zeros(0, dtype="int64")
    n = len(arr)
    _, offs, data = arr.buffers()
    if n == 0 or data is None or data.size == 0:
        return np.zeros(n, dtype="int64")
    wide = pa.types.is_large_string(arr.type) or pa.types.is_large_binary(arr.type)
    offsets = np.frombuffer(offs, dtype="int64" if wide else "int32")[arr.offset:arr.offset + n + 1]
    lo, hi = int(offsets[0]), int(offsets[-1])
    pos = byte_positions(np.frombuffer(data, dtype=np.uint8), byte, lo, hi)
    if not len(pos):
        return np.zeros(n, dtype="int64")
    rows = np.searchsorted(offsets, pos, side="right") - 1
    counts = np.bincount(rows, minlength=n).astype("int64")
    if arr.null_count:  # a missing cell holds no text, whatever bytes lie under it
        counts[~arr.is_valid().to_numpy(zero_copy_only=False)] = 0
    return counts


#: Bytes a cell may start with when it starts with a space: ASCII spaces (and the separators 28-31), and the
#: lead bytes of the Unicode spaces (U+00A0, U+1680, U+2000-U+205F, U+3000).
SPACE_FIRST_BYTES = np.zeros(256, dtype=bool)
SPACE_FIRST_BYTES[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 0xC2, 0xE1, 0xE2, 0xE3]] = True
#: Bytes a cell may end with when it ends with a space: ASCII spaces, and the last bytes of the Unicode spaces.
_LAST = np.zeros(256, dtype=bool)
_LAST[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32, *range(0x80, 0x8B), 0x9F, 0xA0, 0xA8, 0xA9, 0xAF]] = True


def trim(arr: pa.Array) -> pa.Array:
    """Arrow text cells stripped of surrounding whitespace (``pc.utf8_trim_whitespace``), touching only the
    cells that may need it.

    A cell needs Arrow's Unicode trim only when its first byte may start a space (an ASCII
    space or the lead byte of a Unicode space) or its last byte may end one; ids, counts,
    timestamps and most texts (ending in a letter, punctuation or an emoji) never do, so
    their columns are returned as they are after one look at the first and last bytes.

    Examples
    --------
    >>> import pyarrow as pa
    >>> trim(pa.array([" kopi ", "teh", "\u00a0susu\u3000", "", None])).to_pylist()
    ['kopi', 'teh', 'susu', '', None]
    """
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    n = len(arr)
    _, offs, data = arr.buffers() if n else (None, None, None)
    if data is None or data.size == 0:
        return arr
    wide = pa.types.is_large_string(arr.type)
    offsets = np.frombuffer(offs, dtype="int64" if wide else "int32")[arr.offset:arr.offset + n + 1]
    buf = np.frombuffer(data, dtype=np.uint8)
    filled = offsets[1:] > offsets[:-1]
    first = buf[np.where(filled, offsets[:-1], 0)]
    last = buf[np.where(filled, offsets[1:] - 1, 0)]
    need = filled & (SPACE_FIRST_BYTES[first] | _LAST[last])
    if not need.any():
        return arr
    if need.mean() > 0.25:
        return pc.utf8_trim_whitespace(arr)
    mask = pa.array(need)
    return pc.replace_with_mask(arr, mask, pc.utf8_trim_whitespace(pc.filter(arr, mask)))


def blank_to_null(arr: pa.Array) -> pa.Array:
    """Arrow text with its empty cells made missing, by a new validity bitmap only (the text is not copied).

    Examples
    --------
    >>> import pyarrow as pa
    >>> blank_to_null(pa.array(["kopi", "", None, "teh"], type=pa.large_string())).to_pylist()
    ['kopi', None, None, 'teh']
    """
    arr = large_text(arr)
    n = len(arr)
    if not n:
        return arr
    _, offs, data = arr.buffers()
    offsets = np.frombuffer(offs, dtype="int64")[arr.offset:arr.offset + n + 1]
    filled = offsets[1:] > offsets[:-1]
    if arr.null_count:
        filled &= arr.is_valid().to_numpy(zero_copy_only=False)
    if filled.all():
        return arr
    valid = pa.array(filled).buffers()[1]
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), data, valid, int(n - filled.sum()))


def large_text(arr) -> pa.Array:
    """One contiguous ``large_string`` array of Arrow text (chunks combined, ``string`` cast), as
    :func:`text_layout` and the byte kernels read it.

    Examples
    --------
    >>> import pyarrow as pa
    >>> large_text(pa.chunked_array([["kopi"], ["teh", None]])).type
    DataType(large_string)
    """
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return arr if pa.types.is_large_string(arr.type) else arr.cast(pa.large_string())


def text_layout(arr: pa.Array):
    """Cell offsets (from 0) and the UTF-8 bytes of a large_string array, as NumPy views.

    ``offsets`` has one more entry than ``arr`` (cell ``i`` is ``buf[offsets[i]:offsets[i + 1]]``);
    both are ``None`` when the array holds no bytes (no cells, or only empty and missing ones).
    Missing cells keep whatever bytes lie under them: callers mask them with ``arr.is_valid()``.

    Examples
    --------
    >>> import pyarrow as pa
    >>> offsets, buf = text_layout(pa.array(["kopi", "", "teh"], type=pa.large_string()).slice(1))
    >>> offsets.tolist(), buf.tobytes()
    ([0, 0, 3], b'teh')
    >>> text_layout(pa.array(["", None], type=pa.large_string()))
    (None, None)
    """
    n = len(arr)
    _, offs, data = arr.buffers() if n else (None, None, None)
    if data is None or not data.size:
        return None, None
    offsets = np.frombuffer(offs, dtype="int64")[arr.offset:arr.offset + n + 1]
    base = int(offsets[0])
    return offsets - base, np.frombuffer(data, dtype=np.uint8)[base:int(offsets[-1])]


def _digit(b: np.ndarray) -> np.ndarray:
    return (b >= 48) & (b <= 57)


def ends_in_zone(arr: pa.Array) -> np.ndarray:
    """True where a (stripped) text cell of more than 10 characters ends in a zone: ``Z``, ``+07:00``, ``+0700``
    or `` UTC`` (the regex ``(?:Z|[+-][0-9][0-9]:?[0-9][0-9]|[ \\t]UTC)$``), from the last bytes of each cell.

    The endings are ASCII, and UTF-8 never puts an ASCII byte inside another character, so
    comparing the last six bytes of every cell with NumPy is exact; no regex runs.

    Examples
    --------
    >>> import pyarrow as pa
    >>> ends_in_zone(pa.array(["2026-10-01T03:00:00Z", "2026-10-01 10:00", "2026-10-01 10:00 +0700",
    ...                        "2026-10-01 10:00+07:00", "2026-10-01 10:00 UTC", "Z", None, "éééééé Z"])).tolist()
    [True, False, True, True, True, False, False, False]
    """
    arr = large_text(arr)
    offsets, buf = text_layout(arr)
    if buf is None:
        return np.zeros(len(arr), dtype=bool)
    size = offsets[1:] - offsets[:-1]
    long = size > 10  # more than 10 characters needs more than 10 bytes

    def back(k):  # the k-th byte from the end of each cell (0 where the cell is shorter)
        return np.where(size >= k, buf[np.maximum(offsets[1:] - k, 0)], 0)

    b1, b2, b3, b4, b5, b6 = (back(k) for k in range(1, 7))
    sign5, sign6 = (b5 == 43) | (b5 == 45), (b6 == 43) | (b6 == 45)
    zone = ((b1 == 90)
            | (sign6 & _digit(b5) & _digit(b4) & (b3 == 58) & _digit(b2) & _digit(b1))
            | (sign5 & _digit(b4) & _digit(b3) & _digit(b2) & _digit(b1))
            | (((b4 == 32) | (b4 == 9)) & (b3 == 85) & (b2 == 84) & (b1 == 67)))
    zone &= long
    if arr.null_count:
        zone &= arr.is_valid().to_numpy(zero_copy_only=False)
    maybe = zone & (size <= 40)  # over 10 bytes yet at most 10 characters: only with non-ASCII text
    if maybe.any() and (buf >= 0x80).any():
        zone[maybe] = pc.greater(pc.utf8_length(pc.filter(arr, pa.array(maybe))), 10).to_numpy(zero_copy_only=False)
    return zone


#: Rows a column-wide text kernel works on at a time (see :func:`by_row_slices`).
ROW_SLICE = 1 << 17


def by_row_slices(arr: pa.Array, func, rows: int | None = None) -> pa.Array:
    """``func`` (Arrow text array -> Arrow array of the same length) applied to ``rows`` rows at a time.

    The NumPy temporaries of a kernel (a flag per byte, index arrays) then stay the size of a
    slice: reused memory in the cache instead of fresh pages the size of the whole column. The
    slices are zero-copy views; when ``func`` returns every slice itself, ``arr`` is returned.

    Examples
    --------
    >>> import pyarrow as pa, pyarrow.compute as pc
    >>> by_row_slices(pa.array(["a", "b", "c"]), pc.utf8_upper, rows=2).to_pylist()
    ['A', 'B', 'C']
    """
    rows = rows or ROW_SLICE
    if len(arr) <= rows:
        return func(arr)
    parts, same = [], True
    for i in range(0, len(arr), rows):
        part = arr.slice(i, rows)
        out = func(part)
        same = same and out is part
        parts.append(out)
    if same:
        return arr
    typ = parts[0].type
    return pa.concat_arrays([p if p.type == typ else p.cast(typ) for p in parts])
