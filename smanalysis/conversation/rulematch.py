"""Regular-expression rules on many texts: Python's ``re`` decides, RE2 narrows the candidates.

Python's :mod:`re` tries every alternative of a rule at every position of every text; rule sets
of a few hundred words (intents, negations) then cost ~150 microseconds a comment. RE2 (in
:mod:`pyarrow.compute`, C++, linear time) scans an Arrow array of texts a hundred times faster but
has no look-arounds or back-references and reads ``\\w``, ``\\b``, ``\\s`` and ``$`` the ASCII
way. Here RE2 is only a **filter**: it runs a *superset* of each rule (look-arounds removed, which
only loosens it) over the texts it reads the same way as Python, and Python's ``re`` then decides
on the texts that pass. The result is exactly Python's on every text; texts RE2 might read
differently (letters or digits outside ASCII, whitespace other than the space, control
characters) are always handed to Python, and so is every rule RE2 cannot take safely.

Examples
--------
>>> import pandas as pd
>>> texts = pd.Series(["harga berapa kak?", "enak banget", "bawa anjing boleh?", "ok"])
>>> first_match(texts, [r"(?<!bawa )\\banjing\\b", r"\\bberapa\\b", r"\\?"]).tolist()
[1, -1, 2, -1]
>>> sub(texts, r"\\benak\\b(?= banget)", "sedap").tolist()
['harga berapa kak?', 'sedap banget', 'bawa anjing boleh?', 'ok']
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = ["first_match", "may_match", "sub", "subs"]

# constructs RE2 lacks or reads differently without an error: back-references and octal escapes,
# \Z, named characters, \u escapes, "{,n}" (a literal in RE2), POSIX classes ("[[:alpha:]]"),
# inline flags, atomic groups and possessive quantifiers
_UNSAFE = re.compile(r"\\[0-9ZNuU]|\{,|\[[^\]]*\[:|\(\?[aiLmsux]|\(\?P=|\(\?>|[*+?}]\+")
_LOOK = re.compile(r"\(\?<?[=!]")


def _strip_lookarounds(pattern: str) -> str:
    """``pattern`` with every look-around group removed (a superset: only constraints go); a
    look-ahead that ends the pattern is kept as a plain group (``a(?=b)`` and ``a(?:b)`` are found
    in the same texts)."""
    out, i, n, in_class = [], 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            if pattern[j:j + 1] == "]":  # a "]" first in a class is a literal
                out.append(pattern[i:j + 1])
                i = j + 1
                continue
        elif _LOOK.match(pattern, i):
            end = _group_end(pattern, i)
            if end == n and pattern.startswith("(?=", i):  # last of all: consuming it finds the same texts
                out.append("(?:" + pattern[i + 3:end])
            i = end
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _group_end(pattern: str, start: int) -> int:
    """Index after the group opening at ``start`` (escapes and character classes skipped)."""
    depth, i, n, in_class = 0, start, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":  # a "]" first in a class is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


@lru_cache(maxsize=1024)
def _superset(pattern: str, flags: int) -> str | None:
    """An RE2 pattern that matches wherever ``pattern`` (Python) does on texts without the
    characters of :data:`_PYTHON_ONLY_RE2`, or None when there is none we can trust."""
    if flags & ~re.UNICODE or _UNSAFE.search(pattern):
        return None
    try:
        loose = _strip_lookarounds(pattern)
    except ValueError:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    try:  # RE2 refuses what it cannot read (e.g. a pattern Python reads in a way RE2 has no syntax for)
        pc.match_substring_regex(pa.array([""], pa.large_string()), loose)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return loose


# in RE2: a character outside printable ASCII that is not a symbol (emoji) or punctuation, nor an
# emoji joiner or variation selector: a superset of the characters only Python may read
_PYTHON_ONLY_RE2 = r"[^\x20-\x7e\pS\pP\x{200d}\x{fe0e}\x{fe0f}]"


class _Texts:
    """The texts once: their Arrow array (for RE2) and which of them only Python may read."""

    def __init__(self, texts: pd.Series):
        import pyarrow as pa
        import pyarrow.compute as pc

        self.v = np.array(texts.to_numpy(dtype=object), dtype=object)  # our own, writable copy
        try:
            self.arr = pa.array(self.v, type=pa.large_string())
        except (UnicodeEncodeError, pa.ArrowException):  # lone surrogates: Python reads them all
            self.arr, self.py_only = None, np.ones(len(self.v), dtype=bool)
            return
        self.py_only = np.array(pc.match_substring_regex(self.arr, _PYTHON_ONLY_RE2).to_numpy(zero_copy_only=False),
                                dtype=bool)

    def update(self, rows: np.ndarray, values: np.ndarray) -> None:
        """New texts for ``rows``; RE2's copy is not rewritten: those rows go to Python from now on."""
        self.v[rows] = values
        self.py_only[rows] = True

    def candidates(self, pattern: str | re.Pattern, rows: np.ndarray) -> np.ndarray:
        """Of ``rows``, those where ``pattern`` may match (a superset)."""
        loose = _loose(pattern)
        if loose is None or self.arr is None or not len(rows):
            return rows
        import pyarrow.compute as pc

        if 2 * len(rows) > len(self.arr):  # most rows: scanning all is cheaper than copying them out
            hit = pc.match_substring_regex(self.arr, loose).to_numpy(zero_copy_only=False)[rows]
        else:
            hit = pc.match_substring_regex(self.arr.take(rows), loose).to_numpy(zero_copy_only=False)
        return rows[hit | self.py_only[rows]]

    def search(self, regex: re.Pattern, rows: np.ndarray) -> np.ndarray:
        """Of ``rows``, those where ``regex.search`` matches (Python decides where RE2 may differ)."""
        if len(rows) <= _PY_ROWS:  # a few texts: Python at once costs less than RE2's compile and copy
            return rows[_search(regex, self.v[rows])] if len(rows) else rows
        cand = self.candidates(regex, rows)
        if not len(cand):
            return cand
        if _loose(regex) == regex.pattern:  # RE2 reads this rule as Python does: only the others to check
            check = cand[self.py_only[cand]]
            if not len(check):
                return cand
            keep = np.ones(len(cand), dtype=bool)
            keep[self.py_only[cand]] = _search(regex, self.v[check])
            return cand[keep]
        return cand[_search(regex, self.v[cand])]


#: at most this many texts left for a rule, Python's ``re`` searches them without an RE2 pass first
#: (an RE2 pass compiles the rule and copies the texts out: ~0.1 ms, Python's search of a few
#: hundred short texts costs about as much; the result is Python's either way)
_PY_ROWS = 128


def _loose(pattern) -> str | None:
    if isinstance(pattern, re.Pattern):
        if not isinstance(pattern.pattern, str):
            return None
        return _superset(pattern.pattern, pattern.flags)
    return _superset(pattern, re.UNICODE)


def _search(regex: re.Pattern, texts: np.ndarray) -> np.ndarray:
    find = regex.search
    return np.fromiter((find(x) is not None for x in texts), dtype=bool, count=len(texts))


def _texts(texts) -> pd.Series:
    """The texts as an object Series of str ("" for missing)."""
    if isinstance(texts, pd.Series):
        vals = texts.to_numpy(dtype=object, na_value="")
    else:
        vals = np.asarray(list(texts), dtype=object)
        vals[pd.isna(vals)] = ""
    if len(vals) and pd.api.types.infer_dtype(vals, skipna=False) != "string":
        vals = np.asarray([x if isinstance(x, str) else str(x) for x in vals], dtype=object)
    return pd.Series(vals, dtype=object)


def may_match(texts, pattern) -> np.ndarray:
    """Boolean mask: where ``re.search(pattern, text)`` may be true (a superset; exact for most).

    Parameters
    ----------
    texts : Series or sequence of str
    pattern : str or re.Pattern

    Returns
    -------
    ndarray of bool
        False only where the pattern surely does not match.

    Examples
    --------
    >>> may_match(["kopi enak", "teh"], r"\\benak\\b").tolist()
    [True, False]
    """
    t = _Texts(_texts(texts))
    rows = np.arange(len(t.v))
    mask = np.zeros(len(rows), dtype=bool)
    mask[t.candidates(pattern, rows)] = True
    return mask


def first_match(texts, patterns) -> np.ndarray:
    """Index of the first of ``patterns`` (in list order) that ``re.search`` finds in each text.

    Parameters
    ----------
    texts : Series or sequence of str
        Missing values are searched as "".
    patterns : sequence of str or re.Pattern

    Returns
    -------
    ndarray of int
        Aligned to ``texts``; -1 where no pattern matches. Equal to
        ``next((i for i, p in enumerate(patterns) if re.search(p, t)), -1)`` for every text.

    Examples
    --------
    >>> first_match(["buka jam berapa?", "mantap"], [r"\\bjam\\b", r"\\?", r"mantap"]).tolist()
    [0, 2]
    """
    t = _Texts(_texts(texts))
    out = np.full(len(t.v), -1, dtype=np.int64)
    regexes = [re.compile(p) for p in patterns]
    todo = np.arange(len(t.v))
    # blocks of rules joined first: a rule is tried only on the texts its block may match, so the
    # texts are scanned once a block rather than once a rule
    for b in range(0, len(regexes), _BLOCK):
        if not len(todo):
            break
        block = regexes[b:b + _BLOCK]
        cand = todo
        joined = _joined(block)
        if joined is not None and len(block) > 1:
            cand = t.candidates(joined, todo)
        done = []
        for i, regex in enumerate(block, start=b):
            if not len(cand):
                break
            hit = t.search(regex, cand)
            out[hit] = i
            done.append(hit)
            cand = np.setdiff1d(cand, hit, assume_unique=True)
        if done:
            todo = np.setdiff1d(todo, np.concatenate(done), assume_unique=True)
    return out


_BLOCK = 8


def _joined(regexes: list) -> str | None:
    """One pattern matching wherever any of ``regexes`` does (None for bytes or flags)."""
    if not all(isinstance(r.pattern, str) and not r.flags & ~re.UNICODE for r in regexes):
        return None
    return "|".join(f"(?:{r.pattern})" for r in regexes)


def subs(texts, rules) -> pd.Series:
    """Several :func:`sub` in turn (``rules``: ``(pattern, repl, hint)`` triples), texts read once.

    Examples
    --------
    >>> subs(["enaaak  parah"], [(r"([a-z])\\1{2,}", r"\\1", "aaa"), (r"\\s+", " ", "  ")]).tolist()
    ['enak parah']
    """
    t = _Texts(_texts(texts))
    rows_all = np.arange(len(t.v))
    for pattern, repl, hint in rules:
        regex = re.compile(pattern)
        rows = t.candidates(regex if hint is None else hint, rows_all)
        if len(rows):
            old = t.v[rows]
            new = pd.Series(old, dtype=object).str.replace(regex, repl, regex=True).to_numpy(dtype=object)
            changed = old != new
            if changed.any():
                t.update(rows[changed], new[changed])
    return pd.Series(t.v, index=texts.index if isinstance(texts, pd.Series) else None, dtype=object)


def sub(texts, pattern, repl: str, *, hint: str | None = None) -> pd.Series:
    """``texts.str.replace(pattern, repl, regex=True)``, run only on texts the pattern may change.

    Parameters
    ----------
    texts : Series or sequence of str
    pattern : str or re.Pattern
    repl : str
        As for :func:`re.sub` (``\\1`` names a group).
    hint : str, optional
        An RE2 pattern that finds every text (without non-ASCII letters, digits or whitespace)
        that ``pattern`` would change, for patterns RE2 cannot take (back-references); the caller
        vouches that it is a superset. Default: ``pattern`` loosened.

    Returns
    -------
    Series of object (str)
        Aligned to ``texts`` (missing values become "").

    Examples
    --------
    >>> sub(["nagih parah", "ok"], r"\\b(nagih) parah\\b", r"\\1 banget").tolist()
    ['nagih banget', 'ok']
    """
    return subs(texts, [(pattern, repl, hint)])
