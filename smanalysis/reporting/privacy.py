"""Pseudonymise the handles of a whole dataset before anything is shown.

Handles of people (commenters, mentioners, accounts in the network) are replaced with stable
pseudonyms (the same handle gets the same pseudonym in every table, so the network and the care
queue still line up); the brand's own and its competitors' handles are kept. ``@handle`` mentions
inside texts are replaced too. The pseudonyms come from
:func:`smanalysis.conversation.pseudonym` when it is available, else from a salted SHA-256.

Examples
--------
>>> import pandas as pd
>>> m = pseudonym_map(pd.Series(["budi", "kopisenja.id", "budi"]), keep={"kopisenja.id"}, salt="s")
>>> sorted(m), m["budi"] != "budi", m == pseudonym_map(["budi"], salt="s")
(['budi'], True, True)
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import re
from collections.abc import Iterable

import pandas as pd

__all__ = ["pseudonym_map", "pseudonymise_frame", "pseudonymise_dataset", "HANDLE_COLUMNS", "TEXT_COLUMNS"]

#: canonical table -> columns holding handles of people
HANDLE_COLUMNS = {
    "comments": ["author"],
    "mentions": ["author"],
    "interactions": ["source", "target"],
    "posts": ["account"],
}
#: canonical table -> free-text columns where ``@handle`` mentions are replaced
TEXT_COLUMNS = {"comments": ["text"], "mentions": ["text"], "interactions": ["text"], "posts": ["caption"]}


def _hash_pseudonyms(handles: list[str], salt: str) -> list[str]:
    return ["user_" + hashlib.sha256(f"{salt}\x00{h.lower()}".encode()).hexdigest()[:8] for h in handles]


def pseudonym_map(handles: pd.Series | Iterable[str], *, keep: Iterable[str] = (), salt: str = "") -> dict[str, str]:
    """Mapping handle -> pseudonym for every distinct handle not in ``keep``.

    Parameters
    ----------
    handles : Series or iterable of str
        Handles (with or without ``@``); missing values are ignored.
    keep : iterable of str
        Handles that stay as they are (brand and competitor accounts), compared case-insensitively.
    salt : str
        Secret that makes the pseudonyms unguessable from the handle; keep it per client.

    Returns
    -------
    dict
        ``{handle: "user_xxxxxxxx"}``; stable for the same handle and salt.
    """
    s = pd.Series(list(handles) if not isinstance(handles, pd.Series) else handles, dtype=object).dropna()
    uniq = pd.unique(s.astype(str).str.lstrip("@"))
    keep_l = {str(k).lstrip("@").lower() for k in keep}
    todo = [h for h in uniq if h and h.lower() not in keep_l]
    if not todo:
        return {}
    try:  # the conversation layer's own scheme when present ("pengguna_3fa2c1")
        from ..conversation.privacy import pseudonym as _layer

        pseud = [_layer(h, salt=salt) for h in todo]
    except (ImportError, AttributeError, TypeError):
        pseud = _hash_pseudonyms(todo, salt)
    return dict(zip(todo, pseud))


def pseudonymise_frame(df: pd.DataFrame, mapping: dict[str, str], *, columns: Iterable[str] = (),
                       text_columns: Iterable[str] = ()) -> pd.DataFrame:
    """A copy of ``df`` with handles in ``columns`` and ``@handle`` in ``text_columns`` replaced.

    Examples
    --------
    >>> df = pd.DataFrame({"author": ["budi", "kopisenja.id"], "text": ["hai @budi", "@kopisenja.id ok"]})
    >>> out = pseudonymise_frame(df, {"budi": "user_1"}, columns=["author"], text_columns=["text"])
    >>> out["author"].tolist(), out["text"].tolist()
    (['user_1', 'kopisenja.id'], ['hai @user_1', '@kopisenja.id ok'])
    """
    out = df.copy()
    if not mapping or out.empty:
        return out
    lower = {k.lower(): v for k, v in mapping.items()}
    for c in columns:
        if c in out.columns:
            col = out[c]
            key = col.astype(object).where(col.isna(), col.astype(str).str.lstrip("@").str.lower())
            out[c] = key.map(lower).where(key.map(lower).notna(), col)
    texts = [c for c in text_columns if c in out.columns]
    if texts:
        pattern = re.compile(r"@([A-Za-z0-9_.]+)")

        def _sub(m: re.Match) -> str:
            h = m.group(1).rstrip(".").lower()
            return "@" + lower[h] + m.group(1)[len(m.group(1).rstrip(".")):] if h in lower else m.group(0)

        for c in texts:
            col = out[c]
            mask = col.notna() & col.astype(str).str.contains("@", regex=False)
            if mask.any():
                out.loc[mask, c] = col[mask].astype(str).str.replace(pattern, _sub, regex=True)
    return out


def pseudonymise_dataset(dataset, *, keep: Iterable[str] = (), salt: str = ""):
    """A copy of a :class:`smanalysis.io.Dataset` with every person's handle pseudonymised.

    The brand's and competitors' handles (``keep``) stay readable. The same handle gets the same
    pseudonym in comments, mentions, interactions and posts.
    """
    frames = {t: getattr(dataset, t, None) for t in HANDLE_COLUMNS}
    frames = {t: f for t, f in frames.items() if isinstance(f, pd.DataFrame)}
    values = [f[c] for t, f in frames.items() for c in HANDLE_COLUMNS[t] if c in f.columns]
    mapping = pseudonym_map(pd.concat(values, ignore_index=True) if values else [], keep=keep, salt=salt)
    new = {t: pseudonymise_frame(f, mapping, columns=HANDLE_COLUMNS[t], text_columns=TEXT_COLUMNS.get(t, ()))
           for t, f in frames.items()}
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
