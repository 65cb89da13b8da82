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
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = ["TextMemo"]


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
        new = [u for u in uniq if u not in known]
        if new:
            res = self.fn(new)
            cols = [list(res[c]) for c in self.columns]
            with self._lock:
                if len(known) + len(new) > self.max_size:
                    known.clear()
                known.update(zip(new, zip(*cols)))
        rows = [known[u] for u in uniq]
        out = {}
        for j, c in enumerate(self.columns):
            vals = np.empty(len(uniq), dtype=object)
            vals[:] = [r[j] for r in rows]
            out[c] = vals[codes]
        return out
