"""What customers and the public wrote about a brand, and the complaints that come back.

:func:`voices` puts the customers' comments on the brand's posts and the mentions of any brand
into one table (the rows sentiment, ethnography and complaints read); :func:`recurring_complaints`
counts the topics of the complaints among them.

Examples
--------
>>> import pandas as pd
>>> c = pd.DataFrame({"platform": "instagram", "author": ["ani", "kopisenja.id"], "text": ["mahal", "maaf kak"],
...     "created_at": pd.to_datetime(["2026-10-01", "2026-10-01"], utc=True), "is_brand_reply": [False, True]})
>>> voices(c, None, brand="Kopi Senja")[["kind", "brand", "text"]]
      kind       brand   text
0  comment  Kopi Senja  mahal
"""

from __future__ import annotations

import pandas as pd

__all__ = ["voices", "recurring_complaints", "VOICE_COLUMNS"]

#: columns of :func:`voices`
VOICE_COLUMNS = ("kind", "brand", "platform", "author", "text", "created_at")


def voices(comments: pd.DataFrame | None, mentions: pd.DataFrame | None, *, brand: str) -> pd.DataFrame:
    """Customers' comments (not the brand's replies) and mentions in one table.

    Parameters
    ----------
    comments : DataFrame or None
        Canonical comments on the brand's posts.
    mentions : DataFrame or None
        Canonical mentions (their ``brand`` column says which brand).
    brand : str
        The business's name, the ``brand`` of its comments.

    Returns
    -------
    DataFrame
        ``kind`` ("comment" | "mention"), ``brand``, ``platform``, ``author``, ``text``,
        ``created_at``; comments first. The inputs are not changed.
    """
    cols = list(VOICE_COLUMNS)
    parts = []
    if comments is not None and len(comments):
        own = comments["is_brand_reply"].fillna(False).astype(bool)
        parts.append(comments.loc[~own].assign(kind="comment", brand=brand)[cols])
    if mentions is not None and len(mentions):
        parts.append(mentions.assign(kind="mention")[cols])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


def recurring_complaints(texts, *, codebook=None, min_count: int = 2, top: int = 3) -> pd.DataFrame:
    """Topics of complaints that come back: codebook codes when a codebook is given, else the
    most frequent terms of the complaints.

    Parameters
    ----------
    texts : Series or list of str
        Texts about the brand; complaints are found with :func:`~smanalysis.conversation.intents`.
    codebook : mapping or path, optional
        A codebook (see :func:`~smanalysis.conversation.code`).
    min_count : int
        Fewest complaints for a topic to count as recurring.
    top : int
        Most topics returned.

    Returns
    -------
    DataFrame
        ``topic``, ``complaints`` (texts), most first.

    Examples
    --------
    >>> recurring_complaints(["kopinya pahit banget, kecewa", "kecewa, pahit lagi", "enak"])
        topic  complaints
    0  kecewa           2
    1   pahit           2
    """
    from .care import intents
    from .codebook import code
    from .ethnography import terms

    texts = pd.Series(list(texts), dtype=object).dropna().astype(str)
    empty = pd.DataFrame(columns=["topic", "complaints"])
    if texts.empty:
        return empty
    comp = texts[intents(texts)["intent"].to_numpy() == "complaint"].reset_index(drop=True)
    if comp.empty:
        return empty
    if codebook:
        counts = code(comp, codebook, n_quotes=0).counts.rename(columns={"texts": "complaints"})
        counts = counts.assign(topic=counts["label"].where(counts["label"].notna(), counts["code"]))
    else:
        counts = terms(comp, top=top * 3, kind="word")
        counts = counts.rename(columns={counts.columns[0]: "topic"})
        counts = counts.assign(complaints=counts["docs" if "docs" in counts.columns else "count"])
    counts = counts[counts["complaints"] >= min_count].sort_values("complaints", ascending=False, kind="stable")
    return counts[["topic", "complaints"]].head(top).reset_index(drop=True)
