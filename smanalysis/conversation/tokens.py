"""The fast tokeniser engine shared by :func:`.text.tokenize`, language identification and the
sentiment scorer.

One whitespace split of the joined corpus on its UTF-8 bytes with NumPy, then per *unique* chunk
work (NFKC, lower case, regex split, laughter, elongation, slang), then NumPy expansion back to
every occurrence. Package-public API: :func:`token_arrays`, :class:`Vocab`, :func:`canon_chunk`,
:func:`text_list`, :func:`arrow_strings`, :data:`MENTION_TOKEN`, :data:`NUMBER_TOKEN`; the rest is private to this module.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from .textdata import LAUGH, SKIN_RE, TOKEN_PATTERN, URL_RE, URL_TOKEN, as_text_series, fold_word

__all__ = ["token_arrays", "Vocab", "canon_chunk", "text_list", "arrow_strings", "MENTION_TOKEN", "NUMBER_TOKEN",
           "QUOTE_MARK"]

QUOTE_MARK = "\u201c"
"""Prefix of a word written in quotes on its own ('the "fresh" bread'), when asked for (``quotes=True``)."""
_QUOTES = "\"\u201c\u201d"

_SEP = "\x00"
_SUB_RE = re.compile(TOKEN_PATTERN + r"|!+|\?+|[.,;:]+")
_URL_SUB = re.compile(URL_RE)
_SKIN_SUB = re.compile(SKIN_RE)
_REDUP_SUB = re.compile(r"\b([^\W\d_]{2,})2\b")
_HAS_ELONG = re.compile(r"([^\W\d_])\1{2,}")
_LAUGH_SUBS = [(re.compile(p_), r) for p_, r in LAUGH]


def _canon_word(w: str, slang: dict | None) -> tuple[list[str], bool]:
    """Canonical form(s) of one lower-case word token and whether it was elongated."""
    if not w[0].isalpha():
        return [w], False
    el = _HAS_ELONG.search(w) is not None
    if not w.strip("wkhaei"):  # only laughter letters: wkwk, haha, hehe, hihi
        for rx, rep in _LAUGH_SUBS:
            if rx.fullmatch(w):
                return [rep], False
    if el:
        w = fold_word(w)
    if slang is not None:
        exp = slang.get(w)
        if exp is not None:
            return exp.split(), el
    return [w], el


def canon_chunk(chunk: str, slang: dict | None, quotes: bool = False) -> tuple[list[str], list[bool]]:
    """Canonical tokens of one whitespace chunk and, per token, whether it was elongated.

    With ``quotes``, one word in double quotes ('"fresh"', '“fresh”,') becomes the single token
    ``QUOTE_MARK + word`` (scare quotes), without slang expansion.
    """
    if quotes and len(chunk) > 2 and chunk[0] in _QUOTES:
        core = chunk.rstrip(".,;:!?")
        inner = core[1:-1]
        if core[-1] in _QUOTES and inner.isalpha():
            ws, fl = [QUOTE_MARK + inner.lower()], [False]
            for t in _SUB_RE.findall(chunk[len(core):]):
                ws.append(t[:3] if t[0] == "!" else ("?" if t[0] == "?" else "."))
                fl.append(False)
            return ws, fl
    if chunk.isascii():  # fast path: a plain word, maybe with trailing punctuation
        core = chunk.rstrip(".,;:!?")
        if core and core[0] in "@#" and len(core) > 1 and core[1:].replace("_", "a").isalnum():
            ws, flags = [core.lower()], [False]
            if len(core) < len(chunk):
                for t in _SUB_RE.findall(chunk[len(core):]):
                    ws.append(t[:3] if t[0] == "!" else ("?" if t[0] == "?" else "."))
                    flags.append(False)
            return ws, flags
        if core.isalpha() and "2" not in core:
            ws, el = _canon_word(core.lower(), slang)
            flags = [el] * len(ws)
            if len(core) < len(chunk):
                for t in _SUB_RE.findall(chunk[len(core):]):
                    ws = ws + [t[:3] if t[0] == "!" else ("?" if t[0] == "?" else ".")]
                    flags.append(False)
            return ws, flags
    c = unicodedata.normalize("NFKC", chunk)
    c = _SKIN_SUB.sub("", c).lower()
    if "/" in c or "www" in c:
        c = _URL_SUB.sub(f" {URL_TOKEN} ", c)
    if "2" in c:
        c = _REDUP_SUB.sub(r"\1", c)
    out: list[str] = []
    flags: list[bool] = []
    for t in _SUB_RE.findall(c):
        ch = t[0]
        if ch == "!":
            out.append(t[:3])
            flags.append(False)
        elif ch in "?.,;:" and (len(t) == 1 or t[1] in "?.,;:"):
            out.append("?" if ch == "?" else ".")
            flags.append(False)
        else:
            ws, el = _canon_word(t, slang)
            out.extend(ws)
            flags.extend([el] * len(ws))
    return out, flags


class Vocab:
    """Token vocabulary shared by the batches of one call (canonical token -> id).

    Also remembers, per distinct chunk hash seen in this call, which token ids the
    chunk gives (``known_h`` sorted, ``known_slot`` -> ``c_off``/``c_len`` into
    ``flat_ids``/``flat_el``), so later batches look chunks up with NumPy only.
    """

    def __init__(self):
        self.index: dict[str, int] = {}
        self.words = np.empty(0, dtype=object)
        self.known_h = np.empty(0, dtype=np.uint64)
        self.known_slot = np.empty(0, dtype=np.int64)
        self.c_off = np.empty(0, dtype=np.int64)
        self.c_len = np.empty(0, dtype=np.int64)
        self.flat_ids = np.empty(0, dtype=np.int64)
        self.flat_el = np.empty(0, dtype=bool)


_R = np.uint64(0x9E3779B97F4A7C15 | 1)  # odd multiplier of the rolling hash
_R_INV = np.uint64(pow(int(_R), -1, 2**64))
_POW: list[np.ndarray] = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]
_SPACE = np.zeros(256, dtype=bool)
_SPACE[[0, 9, 10, 11, 12, 13, 32]] = True
_CHUNK_CACHE: dict = {}
#: texts cut into chunks at a time by :func:`token_arrays`: its byte-level arrays take ~40 bytes a
#: byte of text (and the cached powers grow to the largest batch), so a batch bounds the memory
#: (500,000 mentions in one call: 1.7 GB without batches)
_BATCH = 50_000


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """R**k and R**-k (mod 2**64) for k < n, cached and grown on demand."""
    if len(_POW[0]) < n:
        m = max(n, 2 * len(_POW[0]))
        with np.errstate(over="ignore"):
            p = np.full(m, _R, dtype=np.uint64)
            p[0] = 1
            q = np.full(m, _R_INV, dtype=np.uint64)
            q[0] = 1
            _POW[0] = np.cumprod(p, dtype=np.uint64)
            _POW[1] = np.cumprod(q, dtype=np.uint64)
    return _POW[0], _POW[1]


_ALNUM = np.zeros(256, dtype=bool)
_ALNUM[[ord(c) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"]] = True
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[[ord(c) for c in "0123456789"]] = True
_H_MENTION = 0x6D656E74696F6E01  # sentinel hashes of collapsed chunks
_H_NUMBER = 0x6E756D6265720002
_COLLAPSE_FIRST = np.zeros(256, dtype=bool)
_COLLAPSE_FIRST[[ord(c) for c in "@#0123456789"]] = True
_PUNCT = np.zeros(256, dtype=np.int64)
_PUNCT[[ord(c) for c in ".,;:!?"]] = 1


def arrow_strings(texts):
    """The pyarrow string array behind a Series of pandas' pyarrow-backed ``str`` dtype, else None.

    :func:`token_arrays` reads such an array's UTF-8 buffer directly (no Python string per text).

    Examples
    --------
    >>> arrow_strings(pd.Series(["a", None], dtype="str")).to_pylist()
    ['a', None]
    >>> arrow_strings(["a"]) is None
    True
    """
    if not isinstance(texts, pd.Series) or not isinstance(texts.dtype, pd.StringDtype):
        return None
    if getattr(texts.dtype, "storage", None) != "pyarrow":
        return None
    import pyarrow as pa

    arr = pa.array(texts.array)
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _arrow_bytes(arr) -> np.ndarray:
    """UTF-8 bytes of a pyarrow string array, texts joined by a 0 byte (missing values as empty texts)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.null_count:
        arr = pc.fill_null(arr, "")
    if not pa.types.is_large_string(arr.type):
        arr = arr.cast(pa.large_string())
    _, off_buf, data_buf = arr.buffers()
    off = np.frombuffer(off_buf, dtype=np.int64, count=len(arr) + 1, offset=arr.offset * 8)
    if data_buf is None or off[-1] == off[0]:
        return np.zeros(max(len(arr) - 1, 0), dtype=np.uint8)
    data = np.frombuffer(data_buf, dtype=np.uint8)[off[0]:off[-1]]
    zero = data == 0
    if zero.any():  # a 0 byte inside a text would split it: make it a space, like the str path
        data = np.where(zero, np.uint8(32), data)
    return np.insert(data, off[1:-1] - off[0], 0)


def _chunks(texts, collapse: bool = False):
    """Whitespace chunks of the texts without making a Python string per chunk.

    ``texts`` is a list of str, or the UTF-8 bytes of the texts joined by 0 bytes
    (a uint8 array, from :func:`_arrow_bytes`). Returns the UTF-8 bytes, chunk
    start and end byte offsets, the text of each chunk and a 64-bit hash of each
    chunk's bytes (a polynomial rolling hash computed with prefix sums;
    collisions are negligible at 2**-64).
    """
    if isinstance(texts, np.ndarray):
        return _chunk_bytes(texts, collapse)
    try:
        joined = _SEP.join(texts)
    except TypeError:  # missing values or numbers in a list
        texts = [x if isinstance(x, str) else ("" if x is None or x != x else str(x)) for x in texts]
        joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:
        joined = _SEP.join(x.replace(_SEP, " ") for x in texts)
    b = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    del joined
    return _chunk_bytes(b, collapse)


def _chunk_bytes(b: np.ndarray, collapse: bool):
    """:func:`_chunks` on the joined UTF-8 bytes."""
    # chunk = run of bytes > 32 (ASCII controls and space separate chunks, like str.split; the
    # separator \x00 too); UTF-8 multi-byte characters are all >= 0x80
    ns = np.empty(len(b) + 2, dtype=np.int8)
    ns[0] = ns[-1] = 0
    np.greater(b, 32, out=ns[1:-1].view(bool))
    edge = np.diff(ns)
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    kind = None
    if collapse and len(starts):
        # @mentions and long numbers (prices, phone and order numbers) carry no sentiment or language:
        # one token each, found on the bytes without decoding every distinct handle or number;
        # trailing punctuation ("@budi!!") becomes a chunk of its own
        first_b = b[starts]
        cand = np.flatnonzero(_COLLAPSE_FIRST[first_b])
        kind = np.zeros(len(starts), dtype=np.int8)
        tail = np.zeros(len(starts), dtype=bool)
        core_end = ends.copy()
        if len(cand):
            cs, ce = starts[cand], ends[cand]
            for _ in range(3):
                ce = ce - (_PUNCT[b[ce - 1]] & (ce - 1 > cs))
            fb = first_b[cand]
            second = b[np.minimum(cs + 1, len(b) - 1)]
            ok_end = _ALNUM[b[ce - 1]]
            clen = ce - cs
            k = ((fb == 64) & ok_end & (clen > 1)).astype(np.int8)
            # ratings ("10/10", "100/10") stay words: a slash at the third or fourth byte
            third = b[np.minimum(cs + 2, len(b) - 1)]
            fourth = b[np.minimum(cs + 3, len(b) - 1)]
            rating = (third == 47) | (fourth == 47)
            k[(_DIGIT[fb] | ((fb == 35) & _DIGIT[second])) & ok_end & (clen >= 5) & ~rating] = 2
            kind[cand] = k
            core_end[cand] = ce
            tail[cand] = (k > 0) & (ce < ends[cand])
        ti = np.flatnonzero(tail)
        if len(ti):
            new_ends = ends.copy()
            new_ends[ti] = core_end[ti]
            starts = np.insert(starts, ti + 1, core_end[ti])
            ends = np.insert(new_ends, ti + 1, ends[ti])
            kind = np.insert(kind, ti + 1, 0)
    doc = np.cumsum(b == 0, dtype=np.int64)[starts]
    pw, pinv = _powers(len(b) + 1)
    with np.errstate(over="ignore"):
        acc = np.empty(len(b) + 1, dtype=np.uint64)
        acc[0] = 0
        prod = np.multiply(pw[: len(b)], b, dtype=np.uint64)  # bytes inside chunks are never 0
        np.cumsum(prod, dtype=np.uint64, out=acc[1:])
        del prod
        h = (acc[ends] - acc[starts]) * pinv[starts]
        h ^= (ends - starts).astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    if kind is not None:
        h[kind == 1] = _H_MENTION
        h[kind == 2] = _H_NUMBER
    return b, starts, ends, doc, h


MENTION_TOKEN = "<mention>"
NUMBER_TOKEN = "<num>"


def text_list(texts, func: str) -> tuple[list, pd.Index]:
    """Texts as a list of str plus the index to align results to (fast path of :func:`as_text_series`)."""
    if isinstance(texts, pd.Series) and (isinstance(texts.dtype, pd.StringDtype) or texts.dtype == object):
        return texts.tolist(), texts.index  # non-str items are fixed by ``_chunks``
    s = as_text_series(texts, func=func)
    return s.tolist(), s.index


def token_arrays(s, *, slang: dict | None = None, vocab: Vocab | None = None, collapse: bool = False,
                 quotes: bool = False):
    """Vectorised tokenisation of a Series (or list) of str, or a pyarrow string array.

    Returns ``doc`` (int64 position of the text of each token), ``tok`` (int64
    id into ``vocab``), ``vocab`` (object array of canonical tokens) and
    ``elong`` (bool, the token was elongated in the text). Punctuation becomes
    ``"."`` (clause break), ``"?"`` or ``"!"``..``"!!!"``.

    The corpus is cut at ASCII whitespace on its UTF-8 bytes with NumPy, chunks
    are identified by a hash, and only distinct chunks are decoded and
    normalised (in Python, cached across calls). ``quotes`` marks a single word in
    double quotes (see :func:`canon_chunk`).
    """
    if vocab is None:
        vocab = Vocab()
    if len(s) > _BATCH:  # batches sharing the vocabulary: the same ids, a bounded memory
        parts = []
        for start in range(0, len(s), _BATCH):
            part = s.iloc[start:start + _BATCH] if isinstance(s, pd.Series) else (
                s.slice(start, _BATCH) if hasattr(s, "slice") else s[start:start + _BATCH])
            doc, tok, _, el = token_arrays(part, slang=slang, vocab=vocab, collapse=collapse, quotes=quotes)
            parts.append((doc + start, tok, el))
        return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]), vocab.words,
                np.concatenate([p[2] for p in parts]))
    if isinstance(s, list):
        texts = s
    elif hasattr(s, "buffers"):  # a pyarrow string array (see arrow_strings)
        texts = _arrow_bytes(s)
    else:
        texts = s.tolist()
    b, starts, ends, doc_of_chunk, h = _chunks(texts, collapse)
    if len(starts) == 0:
        e = np.zeros(0, dtype=np.int64)
        return e, e, vocab.words, np.zeros(0, dtype=bool)
    cache = _CHUNK_CACHE.setdefault((id(slang), collapse, quotes), {})
    if len(cache) > 2_000_000:
        cache.clear()
    if collapse:
        cache.setdefault(_H_MENTION, ([MENTION_TOKEN], [False]))
        cache.setdefault(_H_NUMBER, ([NUMBER_TOKEN], [False]))
    codes, uniq = pd.factorize(h)
    codes = codes.astype(np.int64, copy=False)
    uniq = np.asarray(uniq, dtype=np.uint64)
    # which distinct chunks were already seen in this call (NumPy lookup in the sorted table)
    slot = np.full(len(uniq), -1, dtype=np.int64)
    if len(vocab.known_h):
        pos = np.minimum(np.searchsorted(vocab.known_h, uniq), len(vocab.known_h) - 1)
        hit = vocab.known_h[pos] == uniq
        slot[hit] = vocab.known_slot[pos[hit]]
    new_u = np.flatnonzero(slot < 0)
    if len(new_u):
        first = np.empty(len(uniq), dtype=np.int64)
        first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1, dtype=np.int64)
        index = vocab.index
        n_before = len(index)
        flat: list[int] = []
        flat_el: list[bool] = []
        lens = np.zeros(len(new_u), dtype=np.int64)
        st_l, en_l = starts[first[new_u]].tolist(), ends[first[new_u]].tolist()
        for j, key in enumerate(uniq[new_u].tolist()):
            hitc = cache.get(key)
            if hitc is None:
                chunk = b[st_l[j]:en_l[j]].tobytes().decode("utf-8", "surrogatepass")
                hitc = cache[key] = canon_chunk(chunk, slang, quotes)
            ws, fl = hitc
            lens[j] = len(ws)
            for w in ws:
                flat.append(index.setdefault(w, len(index)))
            flat_el.extend(fl)
        base_slot = len(vocab.c_len)
        offs = np.zeros(len(new_u), dtype=np.int64)
        offs[1:] = np.cumsum(lens)[:-1]
        vocab.c_off = np.concatenate([vocab.c_off, offs + len(vocab.flat_ids)])
        vocab.c_len = np.concatenate([vocab.c_len, lens])
        vocab.flat_ids = np.concatenate([vocab.flat_ids, np.asarray(flat, dtype=np.int64)])
        vocab.flat_el = np.concatenate([vocab.flat_el, np.asarray(flat_el, dtype=bool)])
        new_slots = base_slot + np.arange(len(new_u), dtype=np.int64)
        slot[new_u] = new_slots
        kh = np.concatenate([vocab.known_h, uniq[new_u]])
        ks = np.concatenate([vocab.known_slot, new_slots])
        order = np.argsort(kh, kind="stable")
        vocab.known_h, vocab.known_slot = kh[order], ks[order]
        if len(index) > n_before:
            new = np.empty(len(index) - n_before, dtype=object)
            new[:] = list(index)[n_before:] if n_before else list(index)
            vocab.words = np.concatenate([vocab.words, new])
    cslot = slot[codes]
    cnt = vocab.c_len[cslot]
    coff = vocab.c_off[cslot]
    if cnt.min() == 1 and cnt.max() == 1:
        idx = coff
        doc = doc_of_chunk
    else:
        total = int(cnt.sum())
        rep = np.repeat(np.arange(len(codes), dtype=np.int64), cnt)
        firsttok = np.cumsum(cnt) - cnt
        idx = coff[rep] + (np.arange(total, dtype=np.int64) - firsttok[rep])
        doc = doc_of_chunk[rep]
    tok = vocab.flat_ids[idx] if len(idx) else np.zeros(0, dtype=np.int64)
    el = vocab.flat_el[idx] if len(idx) else np.zeros(0, dtype=bool)
    return doc.astype(np.int64, copy=False), tok, vocab.words, el
