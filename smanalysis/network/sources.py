"""Interactions implied by other tables, for users without an interactions export.

Comments give commenter -> post owner and reply -> parent comment's author; mentions give
author -> each @handle (or the brand). :func:`from_dataset` gathers all three sources of a loaded
:class:`smanalysis.io.Dataset` into one canonical interactions table.

Examples
--------
>>> import pandas as pd
>>> m = pd.DataFrame({"mention_id": ["1"], "platform": "x", "brand": "Kopi Senja", "author": ["ani"],
...                   "text": ["mampir ke @kopisenja_id"], "created_at": pd.Timestamp("2026-10-01", tz="UTC")})
>>> from_mentions(m)[["source", "target", "kind"]]
  source        target     kind
0    ani  kopisenja_id  mention
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import as_list
from ..exceptions import EmptyDataError
from ..schema import columns, validate
from .build import clean_handles

__all__ = ["from_comments", "from_mentions", "from_dataset", "SOURCES"]

_MENTION_RE = r"@([A-Za-z0-9_.]+[A-Za-z0-9_])"
#: Tables :func:`from_dataset` can draw interactions from.
SOURCES = ("interactions", "comments", "mentions")


def _interactions_frame(rows: dict, index) -> pd.DataFrame:
    cols = ["source", "target", "kind", "created_at", "platform", "post_id", "text"]
    return pd.DataFrame({c: rows[c] for c in cols}, index=index)[cols].reset_index(drop=True)


def from_comments(comments, *, profile=None, owner=None):
    """Interactions implied by comments: commenter -> post owner, reply -> author of the parent comment.

    Parameters
    ----------
    comments : DataFrame
        Canonical comments (comment_id, post_id, platform, author, text, created_at; parent_id and
        account optional).
    profile : smanalysis.Profile, optional
        Gives the post owner per platform (the brand's own handle) when ``account`` is missing.
    owner : str, optional
        Post owner to use when neither ``account`` nor the profile says (default ``"brand"``).

    Returns
    -------
    DataFrame
        Canonical interactions: kind ``"comment"`` for top-level comments (author -> post owner) and
        ``"reply"`` for replies (author -> parent comment's author, or the post owner when the parent is
        not in the table). Self-interactions are dropped. Pass it to :func:`build_graph`.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": ["1", "2"], "post_id": ["p", "p"], "platform": "instagram",
    ...                   "author": ["ani", "kopi"], "text": ["enak!", "makasih kak"],
    ...                   "created_at": pd.Timestamp("2026-10-01", tz="UTC"), "parent_id": [None, "1"],
    ...                   "is_brand_reply": [False, True], "account": "kopi"})
    >>> from_comments(c)[["source", "target", "kind"]]
      source target     kind
    0    ani   kopi  comment
    1   kopi    ani    reply
    """
    validate(comments, "comments", func="from_comments")
    if len(comments) == 0:
        raise EmptyDataError("from_comments: the comments table is empty; there is no network to build.")
    c = comments
    own = profile.own_accounts if profile is not None else {}
    fallback = owner if owner is not None else (profile.brand_handles[0] if profile is not None else "brand")
    post_owner = c["platform"].astype(object).map(own).astype(object)
    if "account" in c.columns:
        post_owner = clean_handles(c["account"]).where(c["account"].notna(), post_owner)
    post_owner = post_owner.where(post_owner.notna(), fallback)
    author = clean_handles(c["author"])
    target = post_owner
    kind = pd.Series("comment", index=c.index, dtype=object)
    if "parent_id" in c.columns:
        parents = pd.Series(author.to_numpy(), index=c["comment_id"].astype(str).to_numpy())
        parents = parents[~parents.index.duplicated()]
        has_parent = c["parent_id"].notna() & (c["parent_id"].astype(object).astype(str) != "")
        pa = c["parent_id"].astype(object).where(has_parent).map(parents)
        kind = kind.where(~has_parent, "reply")
        target = pa.where(pa.notna(), target)
    rows = {"source": author, "target": target, "kind": kind, "created_at": c["created_at"],
            "platform": c["platform"], "post_id": c["post_id"], "text": c["text"]}
    out = _interactions_frame(rows, c.index)
    return out.loc[out["source"] != out["target"]].reset_index(drop=True)


def from_mentions(mentions, *, profile=None):
    """Interactions implied by mentions: author -> each @handle in the text, else author -> the brand.

    Parameters
    ----------
    mentions : DataFrame
        Canonical mentions (mention_id, platform, brand, author, text, created_at).
    profile : smanalysis.Profile, optional
        Maps a brand name to its handle on the platform; without it the brand name, lower-cased
        without spaces, stands for the brand.

    Returns
    -------
    DataFrame
        Canonical interactions with kind ``"mention"``, ``post_id`` = mention_id. Self-mentions are
        dropped.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"mention_id": ["1", "2"], "platform": "x", "brand": "Kopi Senja",
    ...                   "author": ["ani", "budi"], "text": ["ngopi sama @budi", "kopi senja mantap"],
    ...                   "created_at": pd.Timestamp("2026-10-01", tz="UTC")})
    >>> from_mentions(m)[["source", "target"]]
      source     target
    0    ani       budi
    1   budi  kopisenja
    """
    validate(mentions, "mentions", func="from_mentions")
    if len(mentions) == 0:
        raise EmptyDataError("from_mentions: the mentions table is empty; there is no network to build.")
    m = mentions.reset_index(drop=True)
    lookup = {}
    if profile is not None:
        for plat, h in profile.own_accounts.items():
            lookup[(profile.business_name, plat)] = h
        for comp in profile.competitors:
            for plat, h in comp["accounts"].items():
                lookup[(comp["name"], plat)] = h
    brand = m["brand"].astype(object)
    keys = pd.Series(list(zip(brand, m["platform"].astype(object))), dtype=object)
    handle = keys.map(lookup).astype(object)
    default = brand.astype(str).str.lower().str.replace(r"\s+", "", regex=True).astype(object)
    if profile is not None:  # same brand, another platform: any of its handles
        by_name = {}
        for (name, _plat), h in lookup.items():
            by_name.setdefault(name, h)
        default = brand.map(by_name).astype(object).where(brand.map(by_name).notna(), default)
    handle = handle.where(handle.notna(), default)
    found = m["text"].astype(object).fillna("").astype(str).str.findall(_MENTION_RE)
    targets = found.where(found.str.len() > 0, handle.map(lambda h: [h]))
    ex = pd.DataFrame({"i": np.arange(len(m)), "target": targets}).explode("target")
    idx = ex["i"].to_numpy()
    rows = {"source": clean_handles(m["author"]).to_numpy()[idx], "target": ex["target"].to_numpy(dtype=object),
            "kind": np.full(len(idx), "mention", dtype=object), "created_at": m["created_at"].to_numpy()[idx],
            "platform": m["platform"].to_numpy()[idx], "post_id": m["mention_id"].to_numpy()[idx],
            "text": m["text"].to_numpy()[idx]}
    out = _interactions_frame(rows, pd.RangeIndex(len(idx)))
    out["created_at"] = pd.to_datetime(out["created_at"], utc=True)
    return out.loc[out["source"] != out["target"]].reset_index(drop=True)


def from_dataset(dataset, *, profile=None, include=SOURCES):
    """One interactions table from a loaded dataset: its interactions plus those implied by comments and mentions.

    Parameters
    ----------
    dataset : smanalysis.io.Dataset or mapping
        Anything with ``interactions``, ``comments`` and ``mentions`` frames (attributes or keys).
    profile : smanalysis.Profile, optional
        Own handles (post owners of comments, brand handles of mentions).
    include : iterable of {"interactions", "comments", "mentions"}
        Which tables to draw from.

    Returns
    -------
    DataFrame
        Canonical interactions (all columns of :func:`smanalysis.schema.columns`), plus ``origin``
        naming the table each row came from. Mentions already present as X interactions (same
        ``post_id`` and source) are not counted twice.

    Raises
    ------
    EmptyDataError
        When none of the tables yields an interaction.
    ValueError
        On an unknown table in ``include``.

    Examples
    --------
    >>> import pandas as pd
    >>> from smanalysis.schema import empty
    >>> m = pd.DataFrame({"mention_id": ["1"], "platform": "x", "brand": "B", "author": ["ani"], "text": ["@budi"],
    ...                   "created_at": pd.Timestamp("2026-10-01", tz="UTC")})
    >>> from_dataset({"interactions": empty("interactions"), "comments": empty("comments"),
    ...               "mentions": m})[["source", "target", "origin"]]
      source target    origin
    0    ani   budi  mentions
    """
    include = as_list(include)
    bad = [t for t in include if t not in SOURCES]
    if bad:
        raise ValueError(f"from_dataset: the value for `include` must be a subset of {list(SOURCES)}, "
                         f"but {bad} was passed.")

    def table(name):
        return dataset[name] if isinstance(dataset, dict) else getattr(dataset, name)

    cols = columns("interactions")
    parts = []
    for name in include:
        df = table(name)
        if df is None or len(df) == 0:
            continue
        if name == "interactions":
            part = df
        elif name == "comments":
            part = from_comments(df, profile=profile)
        else:
            part = from_mentions(df, profile=profile)
        part = part.reindex(columns=cols).assign(origin=name)
        parts.append(part)
    if not parts:
        raise EmptyDataError(f"from_dataset: none of the tables {include} holds any interaction.")
    out = pd.concat(parts, ignore_index=True)
    if "post_id" in out.columns and len(parts) > 1:
        key = out["post_id"].astype(object).astype(str) + "\x00" + out["source"].astype(object).astype(str) \
            + "\x00" + out["target"].astype(object).astype(str)
        dup = key.duplicated() & (out["origin"] == "mentions") & out["post_id"].notna()
        out = out.loc[~dup].reset_index(drop=True)
    return out
