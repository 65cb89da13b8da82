"""Candidate pairs of plan rows and posts for :func:`smanalysis.plan.match_plan`, found without
comparing every plan row with every post.

A year of a large client holds tens of thousands of plan rows and posts; the posts within a few
days of each plan row on its platform are still millions of pairs, and most of them share
nothing but the brand hashtags every caption carries. :func:`scored_pairs` keeps only the pairs
that can reach the similarity threshold (the *prefix filter* of set-similarity joins, Chaudhuri,
Ganti & Kaushik 2006; Bayardo, Ma & Srikant 2007, "All-Pairs"):

* every word is ranked by how many captions hold it, rarest first (ties by first appearance);
* a caption of ``n`` words can reach Jaccard ``>= t`` with another only if they share at least
  ``ceil(t * n)`` words; then they share a word among the first ``n - ceil(t * n) + 1`` of each
  caption's ranked words (its *prefix*);
* the same holds for the containment score of a plan row without caption (theme and hashtag
  words found in the post): its prefix must meet *any* word of the post.

An inverted index (a merge on platform, day and word id) lists the pairs sharing a prefix word;
only those are scored, exactly, from sparse word-incidence rows. The filter never drops a pair
whose (rounded) score reaches the threshold, so :func:`match_plan` returns what scoring every pair
would return. With a threshold of 0 every pair within the days qualifies and all are scored.

Examples
--------
>>> plan = pd.Series([["kopi", "susu", "#senja"], ["tips", "seduh", "#senja"]])
>>> posts = pd.Series([["kopi", "susu", "baru", "#senja"], ["promo", "#senja"]])
>>> day = pd.to_datetime(["2026-10-01", "2026-10-01"])
>>> p = scored_pairs(plan, np.array([True, True]), np.array(["x", "x"]), day,
...                  posts, np.array(["x", "x"]), day, tolerance_days=1, min_similarity=0.4)
>>> p[["plan_pos", "post_pos", "inter", "size_plan", "size_post"]].values.tolist()
[[0, 0, 3, 3, 4]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["scored_pairs"]

#: pairs scored per block (bounds the sparse intersection's memory)
_BLOCK = 500_000


def _long(tokens: pd.Series, offset: int = 0) -> pd.DataFrame:
    """One row per distinct word of each caption: ``row`` (position + ``offset``) and ``word``."""
    lens = tokens.str.len().fillna(0).to_numpy(dtype=np.int64)
    flat = [w for t in tokens if isinstance(t, list) for w in t]
    out = pd.DataFrame({"row": np.repeat(np.arange(len(tokens), dtype=np.int64) + offset, lens),
                        "word": pd.Series(flat, dtype=object)})
    return out.drop_duplicates(ignore_index=True)


def _prefix(rows: np.ndarray, rank: np.ndarray, size: np.ndarray, t: float) -> np.ndarray:
    """Mask of the (row, word) entries in their row's prefix for threshold ``t``: the first
    ``n - ceil(t * n) + 1`` of the row's words in rank order."""
    order = np.lexsort((rank, rows))
    starts = np.zeros(len(size) + 1, dtype=np.int64)
    np.cumsum(size, out=starts[1:])
    pos = np.empty(len(rows), dtype=np.int64)
    pos[order] = np.arange(len(rows)) - starts[rows[order]]
    n = size[rows].astype(float)
    need = np.ceil(t * n - 1e-9)  # words two captions must share at least
    return pos < n - need + 1


def _window_join(left: pd.DataFrame, right: pd.DataFrame, offsets: np.ndarray, on: list[str]) -> pd.DataFrame:
    """Pairs ``(p, q)`` of ``left`` rows and ``right`` rows equal on ``on`` whose days are within
    ``offsets`` (``right.day - left.day`` in ``offsets``)."""
    k = len(offsets)
    exp = pd.DataFrame({c: np.repeat(left[c].to_numpy(), k) for c in ["p", *on]})
    exp["day"] = np.repeat(left["day"].to_numpy(), k) + np.tile(offsets, len(left))
    return exp.merge(right[["q", "day", *on]], on=["day", *on])[["p", "q"]]


def _incidence(rows: np.ndarray, words: np.ndarray, n_rows: int, n_words: int):
    from scipy import sparse

    return sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, words)), shape=(n_rows, n_words))


def scored_pairs(plan_tokens: pd.Series, plan_caption: np.ndarray, plan_platform: np.ndarray, plan_day,
                 post_tokens: pd.Series, post_platform: np.ndarray, post_day, *, tolerance_days: int,
                 min_similarity: float) -> pd.DataFrame:
    """Plan rows and posts on the same platform, within ``tolerance_days``, that can reach
    ``min_similarity``, with their shared and total word counts.

    Parameters
    ----------
    plan_tokens, post_tokens : Series of lists
        The words of each plan row and post (duplicates count once).
    plan_caption : array of bool
        True where the plan row has a caption (scored by Jaccard), False where its words are its
        theme and hashtags (scored by containment: the share of its words found in the post).
    plan_platform, post_platform : array-like
        Platform of each row (pairs are within one platform).
    plan_day, post_day : datetime-like array
        Local day of each row.
    tolerance_days : int
        Largest distance in days between planned and posted day.
    min_similarity : float
        Threshold of :func:`match_plan` (after rounding to 4 decimals); pairs that cannot reach it
        are left out. At 0 every pair within the days is returned.

    Returns
    -------
    DataFrame
        ``plan_pos``, ``post_pos`` (positions), ``delay_days`` (int, posted minus planned day),
        ``inter`` (words shared), ``size_plan``, ``size_post`` (distinct words), sorted by plan
        position, delay, post position.
    """
    n_p, n_q = len(plan_tokens), len(post_tokens)
    lp, lq = _long(plan_tokens), _long(post_tokens)
    codes, _ = pd.factorize(pd.concat([lp["word"], lq["word"]], ignore_index=True))
    n_words = int(codes.max()) + 1 if len(codes) else 0
    wp, wq = codes[:len(lp)], codes[len(lp):]
    rp, rq = lp["row"].to_numpy(), lq["row"].to_numpy()
    size_p = np.bincount(rp, minlength=n_p)
    size_q = np.bincount(rq, minlength=n_q)
    plat, _ = pd.factorize(pd.concat([pd.Series(np.asarray(plan_platform, dtype=object)),
                                      pd.Series(np.asarray(post_platform, dtype=object))], ignore_index=True))
    day = pd.to_datetime(pd.concat([pd.Series(plan_day), pd.Series(post_day)], ignore_index=True))
    missing = day.isna().to_numpy()
    day = day.to_numpy(dtype="datetime64[D]").astype(np.int64)
    # a row without a day pairs with nothing (plan and posts apart, beyond any tolerance)
    day[missing] = np.where(np.arange(len(day))[missing] < n_p, -(2 ** 40), 2 ** 40)
    left = pd.DataFrame({"p": np.arange(n_p), "plat": plat[:n_p], "day": day[:n_p]})
    right = pd.DataFrame({"q": np.arange(n_q), "plat": plat[n_p:], "day": day[n_p:]})
    offsets = np.arange(-tolerance_days, tolerance_days + 1, dtype=np.int64)
    # a rounded score reaches t when the exact one reaches t - 0.00005
    t = float(min_similarity) - 5e-5 - 1e-12
    if t <= 0:  # zero-score pairs qualify: every pair within the days
        pairs = _window_join(left, right, offsets, ["plat"])
    else:
        rank = np.empty(n_words, dtype=np.int64)  # rarest word first, ties by first appearance
        rank[np.lexsort((np.arange(n_words), np.bincount(codes, minlength=n_words)))] = np.arange(n_words)
        cap = np.asarray(plan_caption, dtype=bool)
        keep_p = _prefix(rp, rank[wp], size_p, t)
        keep_q = _prefix(rq, rank[wq], size_q, t)
        ep = pd.DataFrame({"p": rp, "word": wp}).assign(plat=left["plat"].to_numpy()[rp], day=left["day"].to_numpy()[rp])
        eq = pd.DataFrame({"q": rq, "word": wq}).assign(plat=right["plat"].to_numpy()[rq], day=right["day"].to_numpy()[rq])
        jac = _window_join(ep[keep_p & cap[rp]], eq[keep_q], offsets, ["plat", "word"])
        con = _window_join(ep[keep_p & ~cap[rp]], eq, offsets, ["plat", "word"])
        pairs = pd.concat([jac, con], ignore_index=True).drop_duplicates(ignore_index=True)
    p, q = pairs["p"].to_numpy(np.int64), pairs["q"].to_numpy(np.int64)
    delay = right["day"].to_numpy()[q] - left["day"].to_numpy()[p]
    order = np.lexsort((q, delay, p))
    p, q, delay = p[order], q[order], delay[order]
    inter = np.zeros(len(p), dtype=np.int64)
    if len(p) and n_words:
        mp, mq = _incidence(rp, wp, n_p, n_words), _incidence(rq, wq, n_q, n_words)
        for s in range(0, len(p), _BLOCK):
            inter[s:s + _BLOCK] = np.asarray(mp[p[s:s + _BLOCK]].multiply(mq[q[s:s + _BLOCK]]).sum(axis=1)).ravel()
    return pd.DataFrame({"plan_pos": p, "post_pos": q, "delay_days": delay, "inter": inter,
                         "size_plan": size_p[p], "size_post": size_q[q]})
