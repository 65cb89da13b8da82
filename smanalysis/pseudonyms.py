"""Pseudonyms for the people in the data (UU PDP 2022, Indonesia's personal data protection law).

Also :mod:`smanalysis.conversation.privacy` (where the conversation layer's users find it); kept
outside that package so a report's parent process pseudonymises without importing the layer's models.

Reports show what customers say, not who they are. :func:`pseudonymise`
replaces handles with stable pseudonyms ("pengguna_3fa2c1"): the same handle
and salt always give the same pseudonym, in every table, so threads and
networks keep their shape. The brand's own handles can be kept.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"author": ["budi", "kopisenja.id"], "text": ["@sari ayo ke sini", "makasih @budi"]})
>>> out = pseudonymise(df, salt="k0pi", keep=["kopisenja.id"])
>>> out["author"].tolist() == [pseudonym("budi", salt="k0pi"), "kopisenja.id"]
True
>>> out["text"].iloc[1] == "makasih @" + pseudonym("budi", salt="k0pi")
True
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .exceptions import SchemaError, SMAnalysisWarning

__all__ = ["pseudonym", "pseudonymise", "HANDLE_COLUMNS", "TEXT_COLUMNS", "URL_COLUMNS"]

#: Columns holding handles, pseudonymised by default when present.
HANDLE_COLUMNS = ("author", "source", "target", "reply_to_user")
#: Columns holding free text, where @handles are replaced by default when present.
TEXT_COLUMNS = ("text", "caption")
#: Columns holding links, where handles in the path are replaced by default when present.
URL_COLUMNS = ("url", "permalink")
# a profile handle as the first path segment of a social platform's link (twitter.com/<handle>/status/...)
_URL_HANDLE_RE = re.compile(
    r"(?i)(\b(?:https?://)?(?:[\w-]+\.)*(?:twitter\.com|x\.com|instagram\.com|tiktok\.com|facebook\.com|fb\.com"
    r"|threads\.net|youtube\.com|linkedin\.com/in)/)(@?)([^/?#\s]+)")
# first path segments that are not handles
_NOT_HANDLES = {"p", "reel", "reels", "tv", "stories", "status", "i", "hashtag", "search", "explore", "watch", "share",
                "video", "permalink.php", "story.php", "photo.php", "groups", "pages", "events", "channel", "c",
                "user", "shorts", "intent", "home", "tag", "music", "discover", "embed", "profile.php", "watch?v"}
# any path segment (after a "/", up to the next "/", "?", "#" or the end), "@" apart: the row's own handle
_SEGMENT_RE = re.compile(r"(?<=/)(@?)([^/?#]+)(?=[/?#]|$)")
_HANDLE_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")


def _key(handle: str) -> str:
    return str(handle).strip().lstrip("@").casefold()


def pseudonym(handle: str, *, salt: str = "", prefix: str = "pengguna", length: int = 6) -> str:
    """Stable pseudonym of one handle: ``prefix`` + "_" + the first ``length`` hex digits of a salted SHA-256.

    Handles are compared without '@' and case-insensitively.

    Examples
    --------
    >>> pseudonym("@Budi", salt="s") == pseudonym("budi", salt="s")
    True
    >>> pseudonym("budi", salt="s").startswith("pengguna_")
    True
    """
    digest = hashlib.sha256(f"{salt}\x1f{_key(handle)}".encode()).hexdigest()
    return f"{prefix}_{digest[:length]}"


def pseudonymise(
    frame: pd.DataFrame,
    *,
    columns: Iterable[str] | None = None,
    text_columns: Iterable[str] | None = None,
    url_columns: Iterable[str] | None = None,
    salt: str | None = None,
    keep: Iterable[str] | object = (),
    prefix: str = "pengguna",
    length: int = 6,
) -> pd.DataFrame:
    """A copy of ``frame`` with handles replaced by stable pseudonyms.

    Parameters
    ----------
    frame : DataFrame
        Any table (comments, mentions, interactions, network node tables...).
    columns : iterable of str, optional
        Handle columns; default those of :data:`HANDLE_COLUMNS` present.
        Every column named must exist.
    text_columns : iterable of str, optional
        Text columns where ``@handle`` is replaced by ``@pseudonym``; default
        those of :data:`TEXT_COLUMNS` present. ``()`` leaves text alone.
    url_columns : iterable of str, optional
        Link columns (default those of :data:`URL_COLUMNS` present): the handle in a social
        platform's link (``twitter.com/<handle>/status/1``, ``tiktok.com/@<handle>/video/2``) and
        the row's own handle (first handle column) anywhere in the link's path are replaced.
    salt : str
        Secret that makes pseudonyms impossible to reverse by hashing known
        handles. Use the same salt for every table of a report. Without a salt
        a :class:`SMAnalysisWarning` is raised.
    keep : iterable of str or Profile, default ()
        Handles kept as they are (the brand's own accounts, competitors); a
        Profile keeps its own and competitor handles.
    prefix : str, default "pengguna"
    length : int, default 6
        Hex digits of the hash (6 give 16.7 million pseudonyms; use more for
        very large audiences).

    Returns
    -------
    DataFrame
        Same shape, index and columns; missing handles stay missing.

    Raises
    ------
    SchemaError
        When a named column is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"source": ["budi", "sari"], "target": ["sari", "budi"]})
    >>> out = pseudonymise(df, salt="x")
    >>> out.loc[0, "source"] == out.loc[1, "target"]
    True
    """
    func = "pseudonymise"
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{func}: expected a pandas DataFrame, got {type(frame).__name__}")
    cols = [c for c in HANDLE_COLUMNS if c in frame.columns] if columns is None else list(columns)
    tcols = [c for c in TEXT_COLUMNS if c in frame.columns] if text_columns is None else list(text_columns)
    ucols = [c for c in URL_COLUMNS if c in frame.columns] if url_columns is None else list(url_columns)
    missing = [c for c in [*cols, *tcols, *ucols] if c not in frame.columns]
    if missing:
        raise SchemaError(f"{func}: the frame lacks columns {missing}; columns present: {list(map(str, frame.columns))}")
    if salt is None:
        warnings.warn(f"{func}: no `salt` was given; pseudonyms of known handles can be recomputed by anyone. "
                      "Pass a secret salt (the same for every table of a report).", SMAnalysisWarning, stacklevel=2)
        salt = ""
    if hasattr(keep, "brand_handles"):
        keep = [*keep.brand_handles, *getattr(keep, "competitor_handles", {})]
    kept = {_key(h) for h in ([keep] if isinstance(keep, str) else keep)}
    cache: dict[str, str] = {}

    def alias(handle: str) -> str:
        k = _key(handle)
        if k in kept or not k:
            return str(handle).strip()
        if k not in cache:
            cache[k] = pseudonym(k, salt=salt, prefix=prefix, length=length)
        return cache[k]

    out = frame.copy()
    for c in cols:
        s = frame[c]
        codes, uniq = pd.factorize(s, use_na_sentinel=True)
        mapped = np.array([alias(str(u)) for u in uniq], dtype=object)  # one hash per distinct handle
        vals = s.to_numpy(dtype=object, copy=True)
        vals[codes >= 0] = mapped[codes[codes >= 0]]
        out[c] = pd.Series(vals, index=s.index, dtype=object)
        if s.dtype != object:
            out[c] = out[c].astype(s.dtype)
    for c in tcols:
        s = frame[c]
        has = s.astype("string").str.contains("@", regex=False).fillna(False).astype(bool)
        if has.any():
            repl = s[has].astype(str).str.replace(_HANDLE_RE, lambda m: "@" + alias(m.group(1)), regex=True)
            col = out[c].astype(object)
            col[has] = repl
            out[c] = col.astype(s.dtype) if s.dtype != object else col
    for c in ucols:
        out[c] = _pseudonymise_urls(frame[c], frame[cols[0]] if cols else None, alias)
    return out


def _pseudonymise_urls(urls: pd.Series, owners: pd.Series | None, alias) -> pd.Series:
    """Links with the platform handle in the path, and the row's own handle, replaced."""
    def seg(m):
        h = m.group(3)
        return m.group(0) if h.casefold() in _NOT_HANDLES else m.group(1) + m.group(2) + alias(h)

    has = urls.notna()
    if not has.any():
        return urls
    new = urls[has].astype(str).str.replace(_URL_HANDLE_RE, seg, regex=True)
    if owners is not None:
        own = owners[has]
        keyed = own.notna() & (own.astype(str).str.strip().str.lstrip("@").str.len() >= 3)
        rows = new[keyed]
        # one compiled pattern for every row (a pattern per handle recompiled past re's cache of 512:
        # 90 % of building a 100,000-row context); a segment equal to the handle, any case, is replaced
        new[keyed] = [_own_segments(u, str(h), alias) for u, h in zip(rows, own[keyed])]
    col = urls.astype(object).copy()
    col[has] = new
    return col


def _own_segments(url: str, handle: str, alias) -> str:
    key = handle.strip().lstrip("@").lower()
    if key not in url.lower():
        return url
    return _SEGMENT_RE.sub(lambda m: m.group(1) + alias(handle) if m.group(2).lower() == key else m.group(0), url)
