"""Pseudonymise the handles of a whole dataset before anything is shown.

Handles of people (commenters, mentioners, accounts in the network) are replaced with stable
pseudonyms by :func:`smanalysis.pseudonyms.pseudonymise`, table by table with one salt, so the
same handle gets the same pseudonym in every table (the network and the care queue still line
up); the brand's own and its competitors' handles are kept, and ``@handle`` mentions inside
texts are replaced too.

Examples
--------
>>> import pandas as pd
>>> from types import SimpleNamespace
>>> ds = SimpleNamespace(comments=pd.DataFrame({"author": ["budi", "kopisenja.id"], "text": ["hai", "@budi ok"]}),
...                      interactions=pd.DataFrame({"source": ["budi"], "target": ["kopisenja.id"]}))
>>> out = pseudonymise_dataset(ds, keep=["kopisenja.id"], salt="s")
>>> out.comments["author"].iloc[0] == out.interactions["source"].iloc[0] != "budi"
True
>>> out.comments["text"].iloc[1] == "@" + out.comments["author"].iloc[0] + " ok"
True
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable

import pandas as pd

__all__ = ["pseudonymise_dataset", "HANDLE_COLUMNS", "TEXT_COLUMNS", "URL_COLUMNS"]

#: canonical table -> columns holding handles of people
HANDLE_COLUMNS = {
    "comments": ["author"],
    "mentions": ["author"],
    "interactions": ["source", "target"],
    "posts": ["account"],
}
#: canonical table -> free-text columns where ``@handle`` mentions are replaced
TEXT_COLUMNS = {"comments": ["text"], "mentions": ["text"], "interactions": ["text"], "posts": ["caption"]}
#: canonical table -> link columns whose handles are replaced (``twitter.com/<handle>/status/...``)
URL_COLUMNS = {"mentions": ["url"], "posts": ["permalink"], "comments": ["url", "permalink"]}


def pseudonymise_dataset(dataset, *, keep: Iterable[str] = (), salt: str = "", prefix: str = "pengguna"):
    """A copy of a :class:`smanalysis.io.Dataset` with every person's handle pseudonymised.

    Parameters
    ----------
    dataset : Dataset
        Anything with canonical tables as attributes (``comments``, ``mentions``,
        ``interactions``, ``posts``); other attributes are carried over as they are.
    keep : iterable of str
        Handles that stay readable (the brand's and competitors' accounts).
    salt : str
        Secret of the client's pseudonyms; the same for every table.
    prefix : str
        Start of every pseudonym (``"pengguna"``; the English report uses ``"user"``).

    Returns
    -------
    Dataset
        A copy; the input is not changed.
    """
    from ..pseudonyms import pseudonymise

    keep = list(keep)
    new = {}
    for table, cols in HANDLE_COLUMNS.items():
        frame = getattr(dataset, table, None)
        if not isinstance(frame, pd.DataFrame):
            continue
        new[table] = pseudonymise(frame, columns=[c for c in cols if c in frame.columns],
                                  text_columns=[c for c in TEXT_COLUMNS[table] if c in frame.columns],
                                  url_columns=[c for c in URL_COLUMNS.get(table, []) if c in frame.columns],
                                  salt=salt, keep=keep, prefix=prefix)
    return _replace(dataset, new)


def _replace(obj, frames: dict):
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        try:
            return dataclasses.replace(obj, **frames)
        except TypeError:
            pass
    out = copy.copy(obj)
    for k, v in frames.items():
        try:
            setattr(out, k, v)
        except AttributeError:
            object.__setattr__(out, k, v)
    return out
