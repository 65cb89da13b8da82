"""Results computed once per distinct text and shared by every caller in the process.

A report asks for the intents (or the sentiment, the language...) of the same comments from many
sections: the care table, the unanswered queue, the recurring complaints, the previous period...
:class:`TextMemo` keeps each distinct text's result, so a text is examined once per run however
often it is asked about. The rules are fixed for a process (they are module constants), so a
remembered answer never goes stale; the memo forgets everything when it grows past ``max_size``.

Examples
--------
>>> calls = []
>>> def shout(texts):
...     calls.append(len(texts))
...     return {"upper": [t.upper() for t in texts]}
>>> memo = TextMemo(shout, ("upper",))
>>> memo(["a", "b", "a"])["upper"].tolist()
['A', 'B', 'A']
>>> memo(["b", "c"])["upper"].tolist(), calls
(['B', 'C'], [2, 1])
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = ["TextMemo", "clear_memos"]

_ALL: "weakref.WeakSet[TextMemo]" = weakref.WeakSet()


def clear_memos() -> int:
    """Forget the remembered texts of every :class:`TextMemo` of the process.

    A process that scores partition after partition of distinct texts (:mod:`smanalysis.partitioned`)
    calls it after each one, so its memory stays that of one partition.

    Returns
    -------
    int
        The number of texts forgotten.

    Examples
    --------
    >>> memo = TextMemo(lambda t: {"n": [len(x) for x in t]}, ("n",))
    >>> _ = memo(["ab", "c"])
    >>> clear_memos() >= 2, len(memo)
    (True, 0)
    """
    n = 0
    for memo in list(_ALL):
        n += len(memo)
        memo.clear()
    return n


class TextMemo:
    """Remember ``fn``'s per-text results.

    Parameters
    ----------
    fn : callable
        Called with a list of distinct texts not seen before; returns a mapping ``column ->``
        sequence aligned to them (one value per text).
    columns : tuple of str
        The result columns.
    max_size : int
        Distinct texts kept; past it the memo is cleared (memory stays bounded).
    """

    def __init__(self, fn: Callable[[list], dict], columns: Sequence[str], max_size: int = 2_000_000):
        self.fn = fn
        self.columns = tuple(columns)
        self.max_size = max_size
        self._known: dict[str, tuple] = {}
        self._lock = threading.Lock()
        _ALL.add(self)

    def __len__(self) -> int:
        return len(self._known)

    def clear(self) -> None:
        """Forget every remembered text."""
        with self._lock:
            self._known.clear()

    def __call__(self, texts) -> dict[str, np.ndarray]:
        """Results for ``texts`` (str; the caller maps missing values to a text first), as
        ``column -> object array`` aligned to ``texts``."""
        arr = np.asarray(list(texts) if not isinstance(texts, (np.ndarray, pd.Series)) else texts, dtype=object)
        codes, uniq = pd.factorize(arr, use_na_sentinel=False)
        known = self._known
        # the remembered rows are read under the lock into this call's own list: another thread may
        # clear the memo (clear_memos after a partition, max_size) at any time
        with self._lock:
            rows = [known.get(u) for u in uniq]
        miss = [i for i, r in enumerate(rows) if r is None]
        if miss:
            new = [uniq[i] for i in miss]
            res = self.fn(new)
            fresh = list(zip(*[list(res[c]) for c in self.columns]))
            for i, r in zip(miss, fresh):
                rows[i] = r
            with self._lock:
                if len(known) + len(new) > self.max_size:
                    known.clear()
                known.update(zip(new, fresh))
        out = {}
        for j, c in enumerate(self.columns):
            vals = np.empty(len(uniq), dtype=object)
            vals[:] = [r[j] for r in rows]
            out[c] = vals[codes]
        return out
