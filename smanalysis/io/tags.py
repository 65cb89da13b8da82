"""Hashtags of a text column: one pass of NumPy over the UTF-8 bytes, Arrow's regex only where Unicode is needed.

A tag is ``#`` followed by word characters (``[\\p{L}\\p{N}_]``: letters, digits and underscore in
any script); the tags of a cell are lower-cased and joined by spaces, in order, repeats kept.

Most tags are ASCII ("#KopiSenja", "#jogja2026"): after each ``#`` the run of ASCII word bytes
is measured on the column's character buffer with NumPy, and the tags are cut, lower-cased and
joined there too. A cell whose tag meets a non-ASCII byte (a letter like "é", or an emoji that
ends the tag) is done by Arrow's Unicode regex kernels instead; both give the same tags
(:func:`hashtags_reference` is the definition the tests compare against).

Examples
--------
>>> import pandas as pd
>>> hashtags_of(pd.Series(["Ngopi #KopiSenja #jogja", None, "a # b", "#Kafé☕ ##dua"])).tolist()
['#kopisenja #jogja', nan, nan, '#kafé #dua']
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .arrowtext import STR, arrow_text, by_row_slices, byte_positions, text_layout

__all__ = ["hashtags_of", "hashtags_reference"]

#: ASCII bytes that are word characters (letters, digits, underscore).
_WORD = np.zeros(256, dtype=bool)
_WORD[[*range(48, 58), *range(65, 91), *range(97, 123), 95]] = True
#: The longest tag measured with NumPy; a longer run goes to Arrow's kernels (bounds the loop).
_MAX_ASCII = 64
_TEXT = pa.large_string()


def hashtags_of(caption: pd.Series) -> pd.Series:
    """Space-separated lower-case hashtags found in captions (missing when there are none), as ``str`` dtype.

    A tag is ``#`` followed by word characters (``\\w`` as in Python: letters, digits and
    underscore in any script); see the module docstring for how the work is split.

    Parameters
    ----------
    caption : Series
        Text cells (missing cells give missing).

    Returns
    -------
    Series of str
        Same index; NaN where a cell holds no tag.

    Examples
    --------
    >>> import pandas as pd
    >>> hashtags_of(pd.Series(["Ngopi #KopiSenja #jogja", None, "a # b"])).tolist()
    ['#kopisenja #jogja', nan, nan]
    """
    return pd.Series(pd.array(by_row_slices(arrow_text(caption), _tags), dtype=STR), index=caption.index)


def _tags(arr: pa.Array) -> pa.Array:
    """The tags of each cell of an Arrow large_string array (null where none)."""
    n = len(arr)
    offsets, buf = text_layout(arr)
    if buf is None:
        return pa.nulls(n, type=_TEXT)
    pos = byte_positions(buf, 35)  # '#'
    if arr.null_count and len(pos):  # a missing cell holds no text, whatever bytes lie under it
        row = np.searchsorted(offsets, pos, side="right") - 1
        pos = pos[arr.is_valid().to_numpy(zero_copy_only=False)[row]]
    if not len(pos):
        return pa.nulls(n, type=_TEXT)
    row = np.searchsorted(offsets, pos, side="right") - 1
    end = offsets[row + 1]
    length, slow_tag = _ascii_runs(buf, pos + 1, end)
    slow = np.zeros(n, dtype=bool)
    slow[row[slow_tag]] = True
    keep = (length > 0) & ~slow[row]
    out = _join_ascii(buf, pos[keep] + 1, length[keep], row[keep], n)
    if slow.any():
        sel = pa.array(slow)
        out = pc.replace_with_mask(out, sel, _hashtags_arrow(pc.filter(arr, sel)))
    return out


def _ascii_runs(buf: np.ndarray, start: np.ndarray, end: np.ndarray):
    """Length of the run of ASCII word bytes at each ``start`` (not past ``end``), and whether the run stops at
    a non-ASCII byte or is longer than :data:`_MAX_ASCII` (then Arrow's kernels must read the tag).

    The bytes after every start are gathered as one (starts x window) matrix through a sliding-window
    view of the buffer (no index matrix), so the work is a few NumPy passes however many tags there
    are; the window widens only for the rare runs that fill it.
    """
    length = np.zeros(len(start), dtype="int64")
    slow = np.zeros(len(start), dtype=bool)
    room = end - start
    todo = np.arange(len(start))
    at = 0
    for width in (16, _MAX_ASCII + 1 - 16):
        if len(buf) < at + width:  # a buffer shorter than the window: Arrow reads these (tiny) cells
            slow[todo] = True
            return length, slow
        win = np.lib.stride_tricks.sliding_window_view(buf, width)
        first = start[todo] + at
        tail = first > len(win) - 1  # the window would run past the buffer: only near its very end
        if tail.any():
            slow[todo[tail]] = True
            todo, first = todo[~tail], first[~tail]
        b = win[first]
        word = _WORD[b] & (np.arange(at, at + width)[None, :] < room[todo, None])
        stop = np.argmin(word, axis=1)  # the first byte that is not a word byte (0 when the row is all word)
        full = word[np.arange(len(todo)), stop]  # argmin hit a word byte: every byte of the window is one
        done = ~full
        length[todo[done]] = at + stop[done]
        inside = stop[done] + at < room[todo[done]]
        slow[todo[done]] = inside & (b[done, stop[done]] >= 0x80)
        todo = todo[full]
        at += width
        if not len(todo):
            return length, slow
    slow[todo] = True  # a run longer than _MAX_ASCII
    return length, slow


def _join_ascii(buf: np.ndarray, start: np.ndarray, length: np.ndarray, row: np.ndarray, n: int) -> pa.Array:
    """Cells of ``n`` rows holding ``#word`` for each ASCII word (``start``, ``length`` in ``buf``; rows in
    order), lower-cased and joined by a space; null for rows without a word."""
    if not len(start):
        return pa.nulls(n, type=_TEXT)
    first = np.ones(len(start), dtype=bool)
    first[1:] = row[1:] != row[:-1]
    size = length + 1 + ~first  # '#' + word, and a space before all but a row's first tag
    at = np.cumsum(size) - size  # where each tag's bytes start in the output
    out = np.empty(int(size.sum()), dtype=np.uint8)
    out[at[~first]] = 32
    hash_at = at + ~first
    out[hash_at] = 35
    total = int(length.sum())
    shift = np.repeat(np.cumsum(length) - length, length)
    src = np.repeat(start, length) + np.arange(total) - shift
    dst = np.repeat(hash_at + 1, length) + np.arange(total) - shift
    b = buf[src]
    out[dst] = np.where((b >= 65) & (b <= 90), b + 32, b)
    per_row = np.bincount(row, weights=size, minlength=n).astype("int64")
    offsets = np.concatenate([[0], np.cumsum(per_row)]).astype("int64")
    has = np.bincount(row, minlength=n) > 0
    validity = pa.array(has).buffers()[1]
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(out), validity,
                                            int(n - has.sum()))


def _hashtags_arrow(arr: pa.Array) -> pa.Array:
    """The tags of every cell with Arrow's Unicode kernels (split at '#', the word starting each piece)."""
    out = pa.nulls(len(arr), type=_TEXT)
    if not len(arr):
        return out
    parts = pc.split_pattern(arr, "#")
    flat = pc.list_flatten(parts)
    parent = pc.list_parent_indices(parts).to_numpy()
    pos = np.arange(len(flat)) - np.asarray(parts.offsets)[:-1][parent]
    word = pc.struct_field(pc.extract_regex(flat, r"^(?P<w>[\p{L}\p{N}_]+)"), [0])
    keep = (pos > 0) & pc.is_valid(word).to_numpy(zero_copy_only=False)
    if not keep.any():
        return out
    tags = pc.binary_join_element_wise(pa.scalar("#", type=_TEXT), pc.utf8_lower(pc.filter(word, pa.array(keep))),
                                       pa.scalar("", type=_TEXT))
    per_row = np.bincount(parent[keep], minlength=len(parts))
    offsets = pa.array(np.concatenate([[0], np.cumsum(per_row)]).astype("int64"))
    vals = pc.binary_join(pa.LargeListArray.from_arrays(offsets, tags), pa.scalar(" ", type=_TEXT))
    return pc.if_else(pa.array(per_row > 0), vals, pa.scalar(None, type=_TEXT))


_TAG_RX = re.compile(r"#([^\W]+)")


def hashtags_reference(text) -> str | None:
    """The tags of one cell in plain Python, the definition the tests check against.

    >>> hashtags_reference("Ngopi #KopiSenja ##dua #Kafé☕"), hashtags_reference("a # b")
    ('#kopisenja #dua #kafé', None)
    """
    if not isinstance(text, str):
        return None
    tags = ["#" + w.lower() for w in _TAG_RX.findall(text)]
    return " ".join(tags) if tags else None
