"""The network over time: per-period snapshots, rank stability, member retention (community events:
:mod:`smanalysis.network.events`).

All periods are aggregated in one vectorised pass; each snapshot is then an igraph graph built
straight from its slice of the edge table. networkx graphs are made only on request
(:meth:`Snapshots.graph`).

Examples
--------
>>> import pandas as pd
>>> inter = pd.DataFrame({"source": ["a", "b", "a", "c"], "target": ["b", "c", "c", "a"], "kind": "reply",
...                       "platform": "x",
...                       "created_at": pd.to_datetime(["2026-09-02", "2026-09-03", "2026-10-05", "2026-10-06"],
...                                                    utc=True)})
>>> snap = snapshots(inter, freq="M")
>>> snap.overview[["period", "nodes", "edges"]]
    period  nodes  edges
0  2026-09      3      2
1  2026-10      2      2
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from ..ratios import divide
from ..exceptions import EmptyDataError, SchemaError, SMAnalysisWarning
from ..schema import DEFAULT_TIMEZONE
from .build import check_weight, node_codes, filter_interactions, utc_ns
from .engine import Engine, density, louvain

__all__ = ["Snapshots", "snapshots", "rank_stability", "member_retention", "MEASURES", "nodes_of", "period_pairs"]

_FREQS = {"D": "D", "W": "W-SUN", "M": "M"}
#: Measures :func:`snapshots` can compute per period.
MEASURES = ("strength", "pagerank", "core", "community")
EVENTS = ("birth", "death", "growth", "contraction", "merge", "split", "continuation")


@dataclass
class Snapshots:
    """Per-period networks and their measures (the result of :func:`snapshots`).

    Attributes
    ----------
    nodes : DataFrame
        One row per (period, node): ``period``, ``node``, ``in_strength``, ``out_strength``,
        ``pagerank``, ``rank`` (1 = highest PageRank in the period, ties by name), and ``core`` /
        ``community`` when asked for.
    overview : DataFrame
        One row per period (empty periods included): ``period``, ``start``, ``end`` (local dates,
        inclusive), ``nodes``, ``edges``, ``interactions``, ``density``, ``reciprocity``,
        ``components``, ``largest_component``, ``modularity`` (NaN unless communities were asked for).
    edges : DataFrame
        One row per (period, source, target): ``weight`` (summed over the window).
    freq, window : str, int
        The options used.
    """

    nodes: pd.DataFrame
    overview: pd.DataFrame
    edges: pd.DataFrame
    freq: str
    window: int

    @property
    def periods(self) -> list:
        return list(self.overview["period"])

    def graph(self, period) -> nx.DiGraph:
        """The snapshot of ``period`` (a Period or its string, e.g. ``"2026-10"``) as a networkx DiGraph."""
        p = pd.Period(period, freq=self.overview["period"].dtype.freq)
        e = self.edges.loc[self.edges["period"] == p]
        G = nx.DiGraph(period=str(p))
        n = self.nodes.loc[self.nodes["period"] == p]
        cols = [c for c in n.columns if c not in ("period", "node")]
        G.add_nodes_from(zip(n["node"], n[cols].to_dict("records")))
        G.add_weighted_edges_from(zip(e["source"], e["target"], e["weight"]))
        return G

    def influencers(self, period, **options):
        """:func:`~smanalysis.network.influencers` of the snapshot of ``period`` (options passed on)."""
        from .influence import influencers

        p = pd.Period(period, freq=self.overview["period"].dtype.freq)
        e = self.edges.loc[self.edges["period"] == p, ["source", "target", "weight"]]
        return influencers(e, **options)

    def graphs(self):
        """Iterate ``(period, networkx.DiGraph)`` over all periods."""
        for p in self.periods:
            yield p, self.graph(p)

    def __iter__(self):
        return self.graphs()


def period_codes(times_ns, freq, timezone):
    local = pd.DatetimeIndex(times_ns.view("datetime64[ns]")).tz_localize("UTC").tz_convert(timezone).tz_localize(None)
    per = local.to_period(_FREQS[freq])
    ords = per.asi8
    return ords, per.freq


def snapshots(interactions, *, freq="M", window=None, measures=("strength", "pagerank"), kinds=None, start=None,
              end=None, weight="count", timezone=DEFAULT_TIMEZONE, seed=0, damping=0.85):
    """Per-period snapshots of the interaction network with their overview and node measures.

    Parameters
    ----------
    interactions : DataFrame
        Canonical interactions.
    freq : {"D", "W", "M"}
        Period length: day, week (Monday to Sunday) or calendar month, in timezone ``timezone``.
    window : int, optional
        Each snapshot covers this many periods ending at it (e.g. ``freq="W", window=4``: rolling
        four weeks). Default: one period.
    measures : iterable of {"strength", "pagerank", "core", "community"}
        Node measures per period; ``"community"`` runs Louvain (seeded) on each snapshot.
    kinds, start, end, weight
        As in :func:`edge_table`.
    timezone : str
        Timezone of the period boundaries (default the profile default, Asia/Jakarta).
    seed : int
        Seed of the Louvain runs.
    damping : float
        PageRank damping.

    Returns
    -------
    Snapshots
        ``.nodes``, ``.overview``, ``.edges`` frames (see :class:`Snapshots`), ``.graph(period)``.

    Raises
    ------
    EmptyDataError
        When no interaction is left after the filters.
    ValueError
        On a bad ``freq``, ``window`` or measure.

    Examples
    --------
    >>> import pandas as pd
    >>> inter = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "kind": "reply", "platform": "x",
    ...                       "created_at": pd.to_datetime(["2026-10-01", "2026-10-09"], utc=True)})
    >>> snapshots(inter, freq="W").nodes[["period", "node", "rank"]]
                      period node  rank
    0  2026-09-28/2026-10-04    b     1
    1  2026-09-28/2026-10-04    a     2
    2  2026-10-05/2026-10-11    c     1
    3  2026-10-05/2026-10-11    b     2
    """
    func = "snapshots"
    if freq not in _FREQS:
        raise ValueError(f"{func}: the value for `freq` must be one of {list(_FREQS)}, but {freq!r} was passed.")
    if window is not None and (not isinstance(window, int) or window < 1):
        raise ValueError(f"{func}: the value for `window` must be a positive int or None, but {window!r} was passed.")
    measures = tuple(measures)
    bad = [m for m in measures if m not in MEASURES]
    if bad:
        raise ValueError(f"{func}: the value for `measures` must be a subset of {list(MEASURES)}, but {bad} was passed.")
    weight = check_weight(weight, func)
    df = filter_interactions(interactions, kinds=kinds, start=start, end=end, func=func, need_time=True)
    if len(df) == 0:
        raise EmptyDataError(f"{func}: no interactions to build snapshots from "
                             f"({len(interactions)} rows before filters kinds={kinds!r}, start={start!r}, end={end!r}).")
    s, t, names = node_codes(df)
    n_names = len(names)
    ords, pfreq = period_codes(utc_ns(df["created_at"]), freq, timezone)
    p0 = int(ords.min())
    p = ords - p0
    n_periods = int(p.max()) + 1
    if isinstance(weight, dict):
        w_row = df["kind"].astype(object).map(weight).fillna(0.0).to_numpy(dtype=float)
    else:
        w_row = np.ones(len(df))
    key = (p * n_names + s) * n_names + t
    win = window or 1
    if win > 1:  # each row also counts in the next win-1 periods
        lags = np.repeat(np.arange(win), len(key))
        key = np.tile(key, win) + lags * (n_names * n_names)
        w_row = np.tile(w_row, win)
        keep = key // (n_names * n_names) < n_periods
        key, w_row = key[keep], w_row[keep]
    gid, uniq = pd.factorize(key, sort=True)
    w = np.bincount(gid, weights=w_row)
    if weight == "binary":
        w = np.ones_like(w)
    ep = uniq // (n_names * n_names)
    es = (uniq // n_names) % n_names
    et = uniq % n_names
    bounds = np.searchsorted(ep, np.arange(n_periods + 1))
    periods = pd.PeriodIndex.from_ordinals(np.arange(p0, p0 + n_periods), freq=pfreq)
    name_rank = np.empty(n_names, dtype=np.int64)  # alphabetical order, for tie-breaks
    name_rank[np.argsort(names.astype(str), kind="stable")] = np.arange(n_names)
    node_parts, rows = [], []
    for i in range(n_periods):
        a, b = bounds[i], bounds[i + 1]
        nodes_i, ov = _one(es[a:b], et[a:b], w[a:b], names, measures, seed=seed, damping=damping,
                           name_rank=name_rank)
        if nodes_i is not None:
            nodes_i.insert(0, "period", periods[i])
            node_parts.append(nodes_i)
        rows.append(ov)
    ov = pd.DataFrame(rows)
    ov.insert(0, "period", periods)
    ov.insert(1, "start", periods.start_time.normalize())
    ov.insert(2, "end", periods.end_time.normalize())
    empty = int((ov["nodes"] == 0).sum())
    if empty:
        warnings.warn(f"{func}: {empty} of {n_periods} periods have no interactions; their measures are NaN.",
                      SMAnalysisWarning, stacklevel=2)
    cols = ["period", "node", "in_strength", "out_strength", "pagerank", "rank", "core", "community"]
    nodes = pd.concat(node_parts, ignore_index=True) if node_parts else pd.DataFrame(columns=cols)
    nodes = nodes[[c for c in cols if c in nodes.columns]]
    cats = pd.CategoricalDtype(pd.Index(names, dtype=object))
    edges = pd.DataFrame({"period": periods[ep], "source": pd.Categorical.from_codes(es, dtype=cats),
                          "target": pd.Categorical.from_codes(et, dtype=cats), "weight": w})
    return Snapshots(nodes=nodes, overview=ov, edges=edges, freq=freq, window=win)


def _one(s, t, w, names, measures, *, seed, damping, name_rank):
    """Measures of one snapshot from its edge slice (global name codes)."""
    loops = s == t
    interactions = float(w.sum())
    if len(s) == 0:
        return None, dict(nodes=0, edges=0, interactions=0.0, self_loops=0, density=np.nan, reciprocity=np.nan,
                          components=0, largest_component=0, modularity=np.nan)
    used, inv = np.unique(np.concatenate([s, t]), return_inverse=True)
    ls, lt = inv[: len(s)], inv[len(s):]
    keep = ~loops
    g = ig.Graph(n=len(used), edges=np.column_stack([ls[keep], lt[keep]]), directed=True,
                 edge_attrs={"weight": w[keep]})
    n, m = g.vcount(), g.ecount()
    eng = Engine(g, names[used], int(loops.sum()), interactions)
    out = {"node": eng.names}
    if "strength" in measures:
        out["in_strength"] = np.asarray(g.strength(mode="in", weights="weight"), dtype=float)
        out["out_strength"] = np.asarray(g.strength(mode="out", weights="weight"), dtype=float)
    pr = np.asarray(g.pagerank(directed=True, damping=damping, weights="weight"), dtype=float)
    if "pagerank" in measures:
        out["pagerank"] = pr
    order = np.lexsort((name_rank[used], -pr))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    out["rank"] = rank
    if "core" in measures:
        out["core"] = np.asarray(eng.undirected().coreness(), dtype=float)
    q = np.nan
    if "community" in measures:
        if m:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SMAnalysisWarning)
                memb, q = louvain(eng, seed=seed)
        else:
            memb = np.arange(n)
        out["community"] = memb
    sizes = np.bincount(ig.GraphBase.connected_components(g, "weak"))
    ov = dict(nodes=n, edges=m, interactions=interactions, self_loops=int(loops.sum()),
              density=density(n, m),
              reciprocity=float(g.reciprocity(ignore_loops=True)) if m else np.nan,
              components=len(sizes), largest_component=int(sizes.max()), modularity=q)
    res = pd.DataFrame(out)
    return res.iloc[order].reset_index(drop=True), ov


def _nodes_of(snap, func, need):
    nodes = snap.nodes if isinstance(snap, Snapshots) else snap
    if not isinstance(nodes, pd.DataFrame):
        raise TypeError(f"{func}: expected Snapshots or a DataFrame, got {type(snap).__name__}")
    missing = [c for c in ["period", "node", *need] if c not in nodes.columns]
    if missing:
        hint = " (call snapshots(..., measures=(..., 'community')))" if "community" in missing else ""
        raise SchemaError(f"{func}: the snapshot nodes lack required columns {missing}{hint}; "
                          f"columns present: {list(map(str, nodes.columns))}")
    return nodes


def _pairs(nodes):
    periods = sorted(pd.unique(nodes["period"]))
    return list(zip(periods[:-1], periods[1:]))


#: public names for :mod:`smanalysis.network.events`
nodes_of = _nodes_of
period_pairs = _pairs


def rank_stability(snap, *, by="pagerank", top=10):
    """How stable the ranking of accounts is between consecutive periods.

    Parameters
    ----------
    snap : Snapshots or DataFrame
        :func:`snapshots` result, or its ``nodes`` frame (period, node and the ``by`` column).
    by : str
        Measure to rank by (higher = better), e.g. ``"pagerank"`` or ``"in_strength"``.
    top : int
        Size of the top list compared.

    Returns
    -------
    DataFrame
        One row per consecutive pair of periods with nodes: ``period``, ``previous``,
        ``common_nodes`` (in both periods), ``spearman`` (rank correlation of ``by`` over the common
        nodes; NaN with an :class:`~smanalysis.exceptions.SMAnalysisWarning` when fewer than 3 or
        constant), ``top_overlap`` (share of this period's top ``top`` that was in the previous top
        ``top``; denominator ``top``), ``newcomers`` and ``dropouts`` (lists: entered / left the top).

    Examples
    --------
    >>> import pandas as pd
    >>> nodes = pd.DataFrame({"period": [1, 1, 1, 2, 2, 2], "node": list("abcabc"),
    ...                       "pagerank": [0.5, 0.3, 0.2, 0.2, 0.3, 0.5]})
    >>> rank_stability(nodes, top=2)[["spearman", "top_overlap", "newcomers", "dropouts"]]
       spearman  top_overlap newcomers dropouts
    0      -1.0          0.5       [c]      [a]
    """
    func = "rank_stability"
    nodes = _nodes_of(snap, func, [by])
    rows, undefined = [], 0
    groups = {p: g for p, g in nodes.groupby("period", sort=True)}
    for prev, cur in _pairs(nodes):
        a = groups[prev].set_index("node")[by]
        b = groups[cur].set_index("node")[by]
        common = a.index.intersection(b.index)
        rho = np.nan
        if len(common) >= 3 and a[common].nunique() > 1 and b[common].nunique() > 1:
            rho = float(a[common].rank().corr(b[common].rank()))
        else:
            undefined += 1
        ta = list(a.sort_index().sort_values(ascending=False, kind="mergesort").index[:top])
        tb = list(b.sort_index().sort_values(ascending=False, kind="mergesort").index[:top])
        rows.append({"period": cur, "previous": prev, "common_nodes": len(common), "spearman": rho,
                     "top_overlap": divide(len(set(ta) & set(tb)), top, func="rank_stability", name="top_overlap"),
                     "newcomers": [x for x in tb if x not in ta], "dropouts": [x for x in ta if x not in tb]})
    if undefined:
        warnings.warn(f"{func}: Spearman correlation undefined (NaN) for {undefined} period pair(s) with fewer "
                      f"than 3 common accounts or constant values.", SMAnalysisWarning, stacklevel=2)
    cols = ["period", "previous", "common_nodes", "spearman", "top_overlap", "newcomers", "dropouts"]
    return pd.DataFrame(rows, columns=cols)


def member_retention(snap):
    """How many accounts of each period come back in the next one.

    Parameters
    ----------
    snap : Snapshots or DataFrame
        :func:`snapshots` result, or a frame with ``period`` and ``node``.

    Returns
    -------
    DataFrame
        One row per period: ``period``, ``nodes``, ``retained`` (also active in the previous
        period), ``new``, ``lost`` (active in the previous period, not in this one), ``retention``
        (retained / previous period's nodes; NaN for the first period).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"period": [1, 1, 1, 2, 2], "node": ["a", "b", "c", "a", "d"]})
    >>> member_retention(m)[["period", "retained", "new", "lost", "retention"]]
       period  retained  new  lost  retention
    0       1         0    3     0        NaN
    1       2         1    1     2   0.333333
    """
    nodes = _nodes_of(snap, "member_retention", [])
    groups = [(p, set(g["node"])) for p, g in nodes.groupby("period", sort=True)]
    rows, prev = [], None
    for p, cur in groups:
        kept = len(cur & prev) if prev is not None else 0
        rows.append({"period": p, "nodes": len(cur), "retained": kept, "new": len(cur) - kept,
                     "lost": len(prev - cur) if prev is not None else 0,
                     "retention": divide(kept, len(prev), func="member_retention", name="retention")
                     if prev else np.nan})  # the first period has no previous members
        prev = cur
    return pd.DataFrame(rows, columns=["period", "nodes", "retained", "new", "lost", "retention"])

