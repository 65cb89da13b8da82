"""Community events between consecutive snapshots: birth, death, growth, contraction, merge, split.

Communities are matched by Jaccard overlap (Palla et al. 2007); with ``stable=True`` an event must
be confirmed by the next snapshot, which removes most of the month-to-month flicker of Louvain
communities in a small account's network.

Examples
--------
>>> import pandas as pd
>>> m = pd.DataFrame({"period": [1] * 5 + [2] * 5, "node": list("abcde") * 2, "community": 0})
>>> community_events(m, min_size=3)["event"].tolist()  # the last period waits for the next snapshot
[]
>>> community_events(m, min_size=3, stable=False)["event"].tolist()
['continuation']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ratios import divide, jaccard
from .dynamics import nodes_of, period_pairs

__all__ = ["community_events", "event_rows"]


def event_rows(prev, cur, a, b, threshold, change):
    """Events between the memberships a (previous) and b (current): Series node -> community."""
    ca, cb = np.sort(a.unique()), np.sort(b.unique())
    sa, sb = a.value_counts().reindex(ca).to_numpy(), b.value_counts().reindex(cb).to_numpy()
    common = a.index.intersection(b.index)
    # members in common, counted per (previous, current) community pair (a cross-tabulation)
    inter = np.zeros((len(ca), len(cb)), dtype=np.int64)
    np.add.at(inter, (pd.Index(ca).get_indexer(a[common].to_numpy()),
                      pd.Index(cb).get_indexer(b[common].to_numpy())), 1)
    jac = jaccard(inter, sa[:, None], sb[None, :], func="community_events")
    link = jac >= threshold
    out_deg, in_deg = link.sum(axis=1), link.sum(axis=0)
    rows = []

    def row(event, pi, cj):
        j = jac[np.ix_(pi, cj)] if len(pi) and len(cj) else np.array([])
        kept = inter[np.ix_(pi, cj)].sum() if len(pi) and len(cj) else 0
        size_prev = int(sa[pi].sum()) if len(pi) else 0
        rows.append({"period": cur, "previous_period": prev, "event": event,
                     "previous": [ca[i].item() for i in pi], "current": [cb[k].item() for k in cj],
                     "size_previous": size_prev, "size_current": int(sb[cj].sum()) if len(cj) else 0,
                     "jaccard": float(j.max()) if j.size else np.nan,
                     "retention": divide(kept, size_prev, func="community_events", name="retention")
                     if size_prev else np.nan})  # a birth has no previous members

    for i in range(len(ca)):
        targets = np.flatnonzero(link[i])
        if len(targets) == 0:
            row("death", [i], [])
        elif len(targets) >= 2:
            row("split", [i], list(targets))
        elif in_deg[targets[0]] == 1:
            j = targets[0]
            ev = ("growth" if sb[j] > sa[i] * (1 + change) else
                  "contraction" if sb[j] < sa[i] * (1 - change) else "continuation")
            row(ev, [i], [j])
    for j in range(len(cb)):
        sources = np.flatnonzero(link[:, j])
        if len(sources) == 0:
            row("birth", [], [j])
        elif len(sources) >= 2:
            row("merge", list(sources), [j])
    return rows


def community_events(snap, *, threshold=0.2, change=0.25, min_size=5, stable=True):
    """Match communities between consecutive periods by Jaccard overlap and name what happened.

    A previous community ``A`` and a current community ``B`` are linked when
    ``|A & B| / |A | B| >= threshold`` (Palla et al. 2007, with Jaccard matching). Then, per pair of
    consecutive periods: a previous community without a link **died**; a current one without a link
    was **born**; a previous community linked to two or more current ones **split**; a current one
    linked from two or more previous ones is a **merge**; a one-to-one link is **growth** (size up by
    more than ``change``), **contraction** (down by more than ``change``) or **continuation**.

    Monthly Louvain communities of a small account's network fluctuate: with ``stable=True`` an
    event is kept only when the next snapshot does not contradict it (Greene et al. 2010's
    persistence idea): a born, merged or split community still exists (has a link) in the next
    period; a dead one is not reborn (no community of the next period overlaps its members by
    ``threshold``); a growth or contraction holds (the successor's size is still beyond ``change``
    from the size before, a contracted community may also die). Events of the last period wait for
    the next snapshot: with ``stable=True`` they are left out (``confirmed`` is None with
    ``stable=False``).

    Parameters
    ----------
    snap : Snapshots or DataFrame
        :func:`snapshots` result computed with ``measures=(..., "community")``, or a frame with
        ``period``, ``node``, ``community``.
    threshold : float
        Minimum Jaccard overlap of a link, in (0, 1].
    change : float
        Relative size change separating growth/contraction from continuation (default 25 %).
    min_size : int
        Communities with fewer members are left out (Louvain's tiny leftovers are noise, not
        communities that are born and die).
    stable : bool
        Keep only the events the next snapshot confirms (see above); False gives every raw event.

    Returns
    -------
    DataFrame
        One row per event: ``period``, ``previous_period``, ``event`` (birth|death|growth|
        contraction|merge|split|continuation), ``previous`` and ``current`` (lists of community ids in
        each period), ``size_previous``, ``size_current`` (members, summed over the listed
        communities), ``jaccard`` (best overlap among the links; NaN for birth/death), ``retention``
        (share of the previous communities' members found in the current ones; denominator
        size_previous; NaN for a birth) and ``confirmed`` (True when the next snapshot confirms it,
        None in the last period; with ``stable=True`` only confirmed events are kept).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"period": [1] * 6 + [2] * 6, "node": list("abcdef") + list("abcxyz"),
    ...                   "community": [0, 0, 0, 1, 1, 1] + [0, 0, 0, 1, 1, 1]})
    >>> community_events(m, min_size=3, stable=False)[["event", "previous", "current"]]
              event previous current
    0  continuation      [0]     [0]
    1         death      [1]      []
    2         birth       []     [1]
    """
    func = "community_events"
    if not 0 < threshold <= 1:
        raise ValueError(f"{func}: the value for `threshold` must be in (0, 1], but {threshold!r} was passed.")
    nodes = nodes_of(snap, func, ["community"])
    nodes = nodes.dropna(subset=["community"])
    size = nodes.groupby(["period", "community"])["node"].transform("size")
    nodes = nodes.loc[size >= min_size]
    groups = {p: g.set_index("node")["community"] for p, g in nodes.groupby("period", sort=True)}
    pairs = period_pairs(nodes)
    nxt = {prev: cur for prev, cur in pairs}
    rows = []
    for prev, cur in pairs:
        part = event_rows(prev, cur, groups[prev], groups[cur], threshold, change)
        after = nxt.get(cur)
        following = _Snapshot(groups[after]) if after is not None and part else None
        for r in part:
            r["confirmed"] = None if after is None else _confirmed(r, groups[prev], groups[cur], following,
                                                                   threshold, change)
        rows += part
    cols = ["period", "previous_period", "event", "previous", "current", "size_previous", "size_current",
            "jaccard", "retention", "confirmed"]
    out = pd.DataFrame(rows, columns=cols)
    if stable and len(out):
        out = out[out["confirmed"].map(lambda c: c is True)].reset_index(drop=True)
    return out


class _Snapshot:
    """A period's memberships (node -> community) as codes, for many overlap counts against it."""

    def __init__(self, members: pd.Series):
        codes, uniques = pd.factorize(members.to_numpy())
        known = codes >= 0  # a node without a community (NaN) is in none
        self.index, self.codes = members.index[known], codes[known]
        self.sizes = np.bincount(self.codes, minlength=len(uniques))


def _links(members: set, nxt: _Snapshot, threshold: float) -> np.ndarray:
    """Sizes of the communities of ``nxt`` whose Jaccard overlap with ``members`` reaches threshold."""
    inter = np.bincount(nxt.codes[nxt.index.isin(list(members))], minlength=len(nxt.sizes))
    jac = jaccard(inter, nxt.sizes, len(members), func="community_events")
    return nxt.sizes[jac >= threshold]


def _confirmed(row, prev_m, cur_m, next_m: _Snapshot, threshold, change) -> bool:
    """Does the next snapshot confirm the event ``row`` (see :func:`community_events`)?"""
    event = row["event"]
    if event == "continuation":
        return True
    if event == "death":
        members = set(prev_m.index[prev_m.isin(row["previous"])])
        return len(_links(members, next_m, threshold)) == 0
    succ = [_links(set(cur_m.index[cur_m == c]), next_m, threshold) for c in row["current"]]
    if event in ("birth", "merge", "split"):
        return all(len(s) for s in succ)
    nxt_size = succ[0].sum() if len(succ[0]) else 0
    before = row["size_previous"]
    if event == "growth":
        return bool(nxt_size > before * (1 + change))
    return bool(nxt_size < before * (1 - change))  # contraction: still small, or gone
