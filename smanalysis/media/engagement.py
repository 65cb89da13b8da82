"""Engagement numerators and followers at publish time: the two derived post counts.

Tools disagree on what an "engagement" is, so the numerator is a named, per-platform choice
(:data:`ENGAGEMENT_DEFINITIONS`) rather than a hidden constant. Followers at publish are read
from the daily followers series (the end of the local day before the post). Both feed the rates
of :data:`smanalysis.media.METRICS`.

Examples
--------
>>> engagement_components("interactions")
{'*': ('likes', 'comments', 'shares')}
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import NS_PER_DAY, local_days, num, require

__all__ = ["ENGAGEMENT_DEFINITIONS", "engagement_components", "engagements", "followers_at_publish", "codes"]

_LMCS = ("likes", "comments", "shares", "saves")
_LCS = ("likes", "comments", "shares")

#: Named engagement numerators: name -> {platform: columns summed}; ``"*"`` is
#: the default for other platforms. ``"reported"`` means the platform's own
#: ``engagements_reported`` where the export has it.
ENGAGEMENT_DEFINITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    # Each platform's own notion, as its export or insights page adds it up.
    "platform": {
        "instagram": _LMCS,                       # Instagram "interactions": likes, comments, shares, saves
        "facebook": _LCS,                         # Facebook: reactions, comments, shares
        "tiktok": _LMCS,                          # TikTok: likes, comments, shares, favourites
        "youtube": _LCS,                          # YouTube Studio: likes, comments, shares
        "x": ("reported", *_LMCS, "clicks"),      # X: the exported "engagements" column, else its parts
        "*": _LCS,
    },
    # The same three actions everywhere: comparable across platforms and with competitors' public counts.
    "interactions": {"*": _LCS},
    # Every action counted, clicks included.
    "all": {"*": (*_LMCS, "clicks")},
    # The platform's own total where exported, else the platform definition.
    "reported": {
        "instagram": ("reported", *_LMCS), "facebook": ("reported", *_LCS), "tiktok": ("reported", *_LMCS),
        "youtube": ("reported", *_LCS), "x": ("reported", *_LMCS, "clicks"), "*": ("reported", *_LCS),
    },
}

def engagement_components(engagement="platform") -> dict[str, tuple[str, ...]]:
    """The engagement definition as a mapping platform -> columns summed.

    ``engagement`` is a name in :data:`ENGAGEMENT_DEFINITIONS`, a mapping of the
    same shape, or a list of columns used on every platform.

    Examples
    --------
    >>> engagement_components("interactions")
    {'*': ('likes', 'comments', 'shares')}
    >>> engagement_components(["likes", "saves"])
    {'*': ('likes', 'saves')}
    """
    if isinstance(engagement, str):
        if engagement not in ENGAGEMENT_DEFINITIONS:
            raise ValueError(
                f"The value for `engagement` must be one of {list(ENGAGEMENT_DEFINITIONS)}, "
                f"but {engagement!r} was passed."
            )
        return ENGAGEMENT_DEFINITIONS[engagement]
    if isinstance(engagement, dict):
        return {str(k): tuple(v) for k, v in engagement.items()}
    return {"*": tuple(engagement)}


def codes(s: pd.Series):
    """Integer codes (-1 for missing) and the unique values of a column, factorised once."""
    values, uniques = pd.factorize(s)
    return values, pd.Index(uniques)


def engagements(posts: pd.DataFrame, definition: dict[str, tuple[str, ...]], platform_codes=None) -> np.ndarray:
    """Engagements of each post under ``definition`` (see :func:`engagement_components`); NaN when no
    component is reported. ``platform_codes`` is :func:`codes` of ``posts["platform"]`` when already known."""
    platform_codes = codes(posts["platform"]) if platform_codes is None else platform_codes
    n = len(posts)
    pcodes, puniq = platform_codes
    # Boolean row mask of each platform named in the definition; "*" = the rest.
    named = [p for p in definition if p != "*"]
    masks = {}
    for p in named:
        i = puniq.get_indexer([p])[0]
        masks[p] = (pcodes == i) if i >= 0 else np.zeros(n, dtype=bool)
    rest = np.ones(n, dtype=bool)
    for m in masks.values():
        rest &= ~m
    if "*" in definition:
        masks["*"] = rest
    total = np.zeros(n)
    present = np.zeros(n, dtype=bool)
    reported = num(posts, "engagements_reported")
    use_reported = np.zeros(n, dtype=bool)
    columns = {c for cols in definition.values() for c in cols if c != "reported"}
    for col in sorted(columns):
        rows = np.zeros(n, dtype=bool)
        for p, cols in definition.items():
            if col in cols:
                rows |= masks[p]
        values = num(posts, col)
        ok = rows & ~np.isnan(values)
        total += np.where(ok, values, 0.0)
        present |= ok
    for p, cols in definition.items():
        if "reported" in cols:
            use_reported |= masks[p] & ~np.isnan(reported)
    out = np.where(present, total, np.nan)
    return np.where(use_reported, reported, out)


def followers_at_publish(posts: pd.DataFrame, followers: pd.DataFrame | None, timezone: str, platform_codes=None):
    """Followers at the end of the local day before each post, from the daily series.

    Falls back to the same day's value, then to ``followers_at_post``.
    Returns (values, source) with source codes 0 none, 1 daily series, 2 export.
    """
    platform_codes = codes(posts["platform"]) if platform_codes is None else platform_codes
    n = len(posts)
    values = np.full(n, np.nan)
    source = np.zeros(n, dtype=np.int8)
    if followers is not None and len(followers) and n:
        require(followers, ["date", "platform", "account", "followers"], func="post_metrics", table="followers")
        f = followers[["date", "platform", "account"]].assign(followers=num(followers, "followers"))
        f = f[f["followers"].notna()]
        fdays = pd.to_datetime(f["date"], errors="coerce")
        if isinstance(fdays.dtype, pd.DatetimeTZDtype):
            fdays = fdays.dt.tz_localize(None)
        fday = fdays.to_numpy(dtype="datetime64[ns]").view("i8") // NS_PER_DAY
        # integer key per (platform, account): codes of the posts' values; the (small) followers
        # table is looked up in them, so the posts' strings are factorised only once
        pc, pu = platform_codes
        ac, au = codes(posts["account"])
        fpc = pu.get_indexer(pd.Index(f["platform"].astype(object)))
        fac = au.get_indexer(pd.Index(f["account"].astype(object)))
        width = np.int64(len(au) + 1)
        pkey = pc.astype(np.int64) * width + ac
        fkey = fpc.astype(np.int64) * width + fac
        ok = (fday > -(2**40)) & (fpc >= 0) & (fac >= 0)
        fkey, fday, fval = fkey[ok], fday[ok], f["followers"].to_numpy()[ok]
        shift = np.int64(2**32)
        fcomb = fkey * shift + (fday + 2**31)
        order = np.argsort(fcomb, kind="stable")
        fcomb, fval, fkey = fcomb[order], fval[order], fkey[order]
        pday = local_days(posts["created_at"], timezone)
        valid = (pday > -(2**40)) & (pc >= 0) & (ac >= 0)
        for lag in (1, 0):  # the day before, else the same day
            need = valid & np.isnan(values)
            if not need.any() or not len(fcomb):
                break
            target = pkey[need] * shift + (pday[need] - lag + 2**31)
            pos = np.searchsorted(fcomb, target, side="right") - 1
            hit = pos >= 0
            hit[hit] = fkey[pos[hit]] == pkey[need][hit]
            got = np.full(len(target), np.nan)
            got[hit] = fval[pos[hit]]
            values[need] = got
        source[~np.isnan(values)] = 1
    exported = num(posts, "followers_at_post")
    fill = np.isnan(values) & ~np.isnan(exported)
    values[fill] = exported[fill]
    source[fill] = 2
    return values, source
