"""Folding look-alike letters ("𝐏𝐫𝐨𝐦𝐨", "ｋｏｐｉ", "ﬁ") to plain ones, on the UTF-8 bytes of a whole Arrow column.

Captions written with math bold/italic letters, fullwidth forms or ligatures are folded
to the letters they imitate (the NFKC form of each such character), so "𝐏𝐫𝐨𝐦𝐨" is
found by a search for "promo". Nothing else is touched: punctuation ("…", "“”", "–"),
emoji and combining marks stay as written (matching normalises its own copy).

The look-alikes are the code points of :data:`FOLD_RANGES`; each one's UTF-8 bytes are
replaced by those of its NFKC form (never longer), with NumPy over the column's character
buffer (no Python work per cell): the folded characters are letters and digits that compose with
nothing, so folding them one at a time equals NFKC of each run.

Examples
--------
>>> import pyarrow as pa
>>> fold_lookalikes(pa.array(["𝐏𝐫𝐨𝐦𝐨 ☕…", "ｋｏｐｉ ﬁne", "", None])).to_pylist()
['Promo ☕…', 'kopi fine', '', None]
"""

from __future__ import annotations

import functools
import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .arrowtext import byte_positions, large_text, text_layout

__all__ = ["FOLD_RANGES", "fold_lookalikes", "fold_reference"]

#: Look-alike code points folded on reading (inclusive ranges): math alphanumerics, fullwidth digits and
#: letters, Latin ligatures.
FOLD_RANGES = ((0x1D400, 0x1D7FF), (0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A), (0xFB00, 0xFB06))


@functools.lru_cache(maxsize=1)
def _table():
    """``(index, replacement offsets, replacement bytes)``: the NFKC bytes of every look-alike, sorted by code
    point, and a dense index of U+F000-U+FFFF then U+1D000-U+1DFFF (3-byte characters led by EF, 4-byte ones
    led by F0 9D) to the look-alike's entry (-1: not a look-alike)."""
    cps = np.array(sorted(cp for lo, hi in FOLD_RANGES for cp in range(lo, hi + 1)), dtype="int64")
    reps = [unicodedata.normalize("NFKC", chr(int(cp))).encode("utf-8") for cp in cps]
    if any(len(r) > len(chr(int(cp)).encode("utf-8")) for cp, r in zip(cps, reps)):  # _rewrite relies on it
        raise RuntimeError("a look-alike's NFKC form is longer than the look-alike itself")
    if cps.min() < 0xF000 or cps.max() >= 0x1E000 or (cps.max() >= 0x10000 and cps[cps >= 0x10000].min() < 0x1D000):
        raise RuntimeError("a look-alike outside U+F000-U+FFFF and U+1D000-U+1DFFF")  # _lookalikes relies on it
    index = np.full(0x2000, -1, dtype="int32")  # U+F000-U+FFFF, then U+1D000-U+1DFFF
    index[np.where(cps >= 0x10000, cps - 0x1D000 + 0x1000, cps - 0xF000)] = np.arange(len(cps), dtype="int32")
    offs = np.concatenate([[0], np.cumsum([len(r) for r in reps])]).astype("int64")
    return index, offs, np.frombuffer(b"".join(reps), dtype=np.uint8)


def _candidates(buf: np.ndarray) -> np.ndarray:
    """Start bytes of the characters that may be look-alikes: ``EF AC``, ``EF BC``, ``EF BD`` (ligatures,
    fullwidth forms) and ``F0 9D`` (math alphanumerics). One scan for the lead bytes at or above EF; emoji,
    the common F0 characters, drop out on their second byte."""
    lead = byte_positions(buf, 0xEF, at_least=True)  # every look-alike starts with EF or F0 (none is above F4)
    lead = lead[lead + 2 < len(buf)]
    b0, b1 = buf[lead], buf[lead + 1]
    return lead[((b0 == 0xF0) & (b1 == 0x9D)) | ((b0 == 0xEF) & ((b1 == 0xBC) | (b1 == 0xBD) | (b1 == 0xAC)))]


def _lookalikes(buf: np.ndarray):
    """Start byte, byte length and index in the table of each look-alike character in UTF-8 ``buf``."""
    lead = _candidates(buf)
    four = buf[lead] == 0xF0
    b1, b2 = buf[lead + 1].astype("int32"), buf[lead + 2].astype("int32")
    b3 = buf[np.minimum(lead + 3, len(buf) - 1)].astype("int32")  # a 4-byte lead always has 3 bytes after it
    # EF xx yy is U+F000 + (xx & 3F) << 6 + (yy & 3F); F0 9D xx yy is U+1D000 + ..., put right after U+FFFF
    low = np.where(four, ((b2 & 0x3F) << 6) | (b3 & 0x3F), ((b1 & 0x3F) << 6) | (b2 & 0x3F))
    index, _, _ = _table()
    which = index[np.where(four, low + 0x1000, low)]
    hit = which >= 0
    return lead[hit], np.where(four[hit], 4, 3), which[hit].astype("int64")


def fold_lookalikes(arr: pa.Array) -> pa.Array:
    """Arrow text with every look-alike character replaced by its NFKC form (see the module docstring).

    Only the cells holding a look-alike are rebuilt (taken out, folded, put back in one pass of
    Arrow's ``replace_with_mask``); the others are not copied twice.

    Parameters
    ----------
    arr : pyarrow.Array or ChunkedArray of string or large_string

    Returns
    -------
    pyarrow.Array
        ``large_string``; the same array when it holds no look-alike.

    Examples
    --------
    >>> import pyarrow as pa
    >>> fold_lookalikes(pa.array(["𝟏𝟐 𝒌𝒐𝒑𝒊", "e\\u0301"])).to_pylist() == ["12 kopi", "e\\u0301"]
    True
    """
    arr = large_text(arr)
    offsets, buf = text_layout(arr)
    if buf is None:
        return arr
    maybe = _candidates(buf)
    if not len(maybe):
        return arr
    cells = np.zeros(len(arr), dtype=bool)
    cells[np.searchsorted(offsets, maybe, side="right") - 1] = True
    if arr.null_count:  # a missing cell stays missing, whatever bytes lie under it
        cells &= arr.is_valid().to_numpy(zero_copy_only=False)
    if cells.mean() > 0.5:  # most cells may change: rebuild the whole column at once
        return _fold(arr)
    mask = pa.array(cells)
    return pc.replace_with_mask(arr, mask, _fold(pc.filter(arr, mask)))


def _fold(arr: pa.Array) -> pa.Array:
    offsets, buf = text_layout(arr)
    if buf is None:
        return arr
    start, width, which = _lookalikes(buf)
    if not len(start):
        return arr
    return _rewrite(arr, offsets, buf, start, width, which)


def _rewrite(arr, offsets, buf, start, width, which) -> pa.Array:
    """``arr`` rebuilt with each look-alike (at ``start``, ``width`` bytes, table entry ``which``) replaced."""
    _, rep_offs, rep_bytes = _table()
    rep_len = rep_offs[which + 1] - rep_offs[which]
    # no replacement is longer than its character: write it over the character's first bytes, drop the rest
    # (one fancy-index step per byte place: a character has at most 4 bytes, so no per-byte index arrays)
    out = buf.copy()
    keep = np.ones(len(out), dtype=bool)
    for k in range(4):
        put = rep_len > k
        if put.any():
            out[start[put] + k] = rep_bytes[rep_offs[which[put]] + k]
        drop = (rep_len <= k) & (width > k)
        if drop.any():
            keep[start[drop] + k] = False
    out = out[keep]
    delta = np.concatenate([[0], np.cumsum(rep_len - width)])
    new_offsets = offsets + delta[np.searchsorted(start, offsets, side="left")]
    validity = None
    if arr.null_count:
        validity = pa.array(arr.is_valid().to_numpy(zero_copy_only=False)).buffers()[1]
    return pa.LargeStringArray.from_buffers(len(arr), pa.py_buffer(new_offsets.astype("int64")), pa.py_buffer(out),
                                            validity, arr.null_count)


def fold_reference(text: str) -> str:
    """The fold of one string in plain Python (NFKC of each look-alike), the definition the tests check against.

    >>> fold_reference("𝐊𝐨𝐩𝐢 ☕…")
    'Kopi ☕…'
    """
    return "".join(unicodedata.normalize("NFKC", ch) if any(lo <= ord(ch) <= hi for lo, hi in FOLD_RANGES) else ch
                   for ch in text)

