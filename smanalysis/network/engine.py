"""The fast engine under :mod:`smanalysis.network`: python-igraph built straight from the edge table.

Every public network function accepts a networkx graph, an interactions frame or an edge table
and turns it into an :class:`Engine` (an igraph graph plus the node names and attributes). The
heavy algorithms then run in igraph's C core; a networkx graph is only built when the user asks
for one. Pass ``engine="networkx"`` to the public functions to compute the same measures with
networkx instead (slow on large graphs; the tests prove both engines agree on small graphs).

Which engine computes what (``engine="igraph"``, the default):

========================  =================================================  ==========================
measure                   definition                                         igraph / networkx
========================  =================================================  ==========================
in/out strength           sum of edge weights in/out                         ``strength`` / ``in_degree``
PageRank                  directed, weighted, damping 0.85, dangling         ``pagerank`` (PRPACK) /
                          nodes teleport uniformly                           ``nx.pagerank``
k-core (coreness)         undirected simple projection (Kitsak et al. 2010)  ``coreness`` / ``core_number``
betweenness               directed, hop counts, normalised by (n-1)(n-2);    ``betweenness(sources=)`` /
                          sampled from ``k`` seeded sources above            ``betweenness_centrality``
                          :data:`BETWEENNESS_EXACT_MAX` nodes, scaled n/k
HITS                      weighted, hub and authority each summing to 1      ``hub_score`` / ``nx.hits``
Louvain communities       undirected projection, weights summed over both    ``community_multilevel`` /
                          directions, resolution 1                           ``louvain_communities``
========================  =================================================  ==========================

Self-loops (an account replying to itself) are counted by :func:`~smanalysis.network.overview`
but ignored by every centrality and by community detection. Louvain partitions of the two engines
may differ on graphs without a clear structure (both are heuristics); on a graph with an
unambiguous structure they agree, and the modularity of a given partition is identical.

Examples
--------
>>> import pandas as pd
>>> e = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "weight": [1.0, 2.0]})
>>> eng = as_engine(e)
>>> list(eng.names), eng.graph.ecount()
(['a', 'b', 'c'], 2)
"""

from __future__ import annotations

import contextlib
import random
import warnings
from dataclasses import dataclass, field

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from ..ratios import divide
from ..exceptions import EmptyDataError, SMAnalysisWarning
from .build import as_edges, node_table

__all__ = ["Engine", "as_engine", "density", "BETWEENNESS_EXACT_MAX", "BETWEENNESS_SAMPLES", "ENGINES"]

def density(nodes: int, edges: int) -> float:
    """Density of a directed graph without self-loops: edges / (nodes x (nodes - 1)); NaN under 2 nodes.

    The one definition :func:`~smanalysis.network.overview` and the snapshots of
    :mod:`~smanalysis.network.dynamics` report.

    >>> density(3, 3)
    0.5
    """
    return divide(edges, nodes * (nodes - 1), func="overview", name="density", quiet=True)  # 0 or 1 node: no pair


#: Graphs with more nodes than this get a sampled betweenness (``k`` seeded sources).
BETWEENNESS_EXACT_MAX = 5000
#: Number of sampled sources for a sampled betweenness.
BETWEENNESS_SAMPLES = 256
ENGINES = ("igraph", "networkx")


@dataclass
class Engine:
    """An igraph graph of the network with its node names.

    Attributes
    ----------
    graph : igraph.Graph
        Directed, weighted (edge attribute ``weight``), no self-loops; vertex ``i`` is ``names[i]``.
    names : ndarray of object
        Node names.
    self_loops : int
        Number of self-loop pairs dropped.
    interactions : float
        Total weight of all edges, self-loops included.
    attrs : DataFrame or None
        Node attributes (see :func:`~smanalysis.network.node_table`), computed on first use.
    """

    graph: ig.Graph
    names: np.ndarray
    self_loops: int = 0
    interactions: float = 0.0
    _attrs: pd.DataFrame | None = None
    _attr_source: object = None
    _cache: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        return self.graph.vcount()

    @property
    def attrs(self) -> pd.DataFrame:
        if self._attrs is None:
            src = self._attr_source or {}
            self._attrs = node_table(src.get("edges"), mentions=src.get("mentions"), profile=src.get("profile"),
                                     nodes=list(self.names)).reindex(pd.Index(self.names, name="node"))
        return self._attrs

    def undirected(self) -> ig.Graph:
        """Undirected simple projection, weights summed over both directions (cached)."""
        if "und" not in self._cache:
            g = self.graph.copy()
            g.to_undirected(mode="collapse", combine_edges="sum")
            self._cache["und"] = g
        return self._cache["und"]

    def frame(self, **columns) -> pd.DataFrame:
        """A node frame: ``node`` then the given columns (arrays aligned with ``names``)."""
        return pd.DataFrame({"node": self.names, **columns})


def _from_codes(s, t, w, names, *, self_loops=None, attr_source=None, total=None):
    keep = s != t
    loops = int((~keep).sum()) if self_loops is None else self_loops
    total = float(w.sum()) if total is None else total
    if not keep.all():
        s, t, w = s[keep], t[keep], w[keep]
    g = ig.Graph(n=len(names), edges=np.column_stack([s, t]), directed=True, edge_attrs={"weight": w})
    return Engine(g, np.asarray(names, dtype=object), loops, total, _attr_source=attr_source)


def _codes_of(edges):
    src, tgt = edges["source"], edges["target"]
    if isinstance(src.dtype, pd.CategoricalDtype) and isinstance(tgt.dtype, pd.CategoricalDtype) \
            and src.cat.categories.equals(tgt.cat.categories):
        s = src.cat.codes.to_numpy().astype(np.int64)
        t = tgt.cat.codes.to_numpy().astype(np.int64)
        names = np.asarray(src.cat.categories, dtype=object)
        used = np.zeros(len(names), dtype=bool)
        used[s] = True
        used[t] = True
        if not used.all():  # a filtered edge table: drop nodes without edges
            new = np.cumsum(used) - 1
            s, t, names = new[s], new[t], names[used]
        return s, t, names
    both = np.concatenate([src.astype(object).to_numpy(dtype=object), tgt.astype(object).to_numpy(dtype=object)])
    codes, names = pd.factorize(both)
    return codes[: len(src)].astype(np.int64), codes[len(src):].astype(np.int64), np.asarray(names, dtype=object)


def _from_networkx(G, func):
    names = np.array(list(G.nodes), dtype=object)
    if len(names) == 0:
        raise EmptyDataError(f"{func}: the graph has no nodes; there is no network to analyse.")
    index = {n: i for i, n in enumerate(names)}
    rows = [(index[u], index[v], d.get("weight", 1.0)) for u, v, d in G.edges(data=True)]
    arr = np.array(rows, dtype=float).reshape(-1, 3)
    s, t, w = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2]
    if not G.is_directed():
        s, t, w = np.concatenate([s, t]), np.concatenate([t, s]), np.concatenate([w, w])
        loop = s == t
        w = np.where(loop, w / 2, w)
    if G.is_multigraph() and len(s):
        agg = pd.DataFrame({"s": s, "t": t, "w": w}).groupby(["s", "t"], sort=True)["w"].sum().reset_index()
        s, t, w = agg["s"].to_numpy(), agg["t"].to_numpy(), agg["w"].to_numpy()
    eng = _from_codes(s, t, w, names)
    attrs = pd.DataFrame.from_dict(dict(G.nodes(data=True)), orient="index").reindex(pd.Index(names, name="node"))
    for c, default in (("platform", None), ("followers", np.nan), ("is_brand", False),
                       ("is_competitor", False), ("brand", None)):
        if c not in attrs.columns:
            attrs[c] = default
    attrs["followers"] = pd.to_numeric(attrs["followers"], errors="coerce").astype(float)
    attrs["is_brand"] = attrs["is_brand"].astype(object).where(attrs["is_brand"].notna(), False).astype(bool)
    attrs["is_competitor"] = (attrs["is_competitor"].astype(object)
                              .where(attrs["is_competitor"].notna(), False).astype(bool))
    eng._attrs = attrs
    return eng


def as_engine(data, *, mentions=None, profile=None, func="network"):
    """Turn a networkx graph, an interactions frame or an edge table into an :class:`Engine`.

    Parameters
    ----------
    data : networkx.Graph, DataFrame or Engine
        The network.
    mentions, profile : optional
        Node attributes (followers, brand flags) when ``data`` is a frame; see
        :func:`~smanalysis.network.node_table`.
    func : str
        Calling function, named in error messages.

    Raises
    ------
    EmptyDataError
        When there is no node or no interaction.
    """
    if isinstance(data, Engine):
        return data
    if isinstance(data, nx.Graph):
        eng = _from_networkx(data, func)
        if profile is not None or mentions is not None:
            extra = node_table(None, mentions=mentions, profile=profile, nodes=list(eng.names))
            extra = extra.reindex(pd.Index(eng.names, name="node"))
            a = eng.attrs.copy()
            if mentions is not None:
                a["followers"] = extra["followers"].where(extra["followers"].notna(), a["followers"])
            if profile is not None:
                for c in ("is_brand", "is_competitor", "brand"):
                    a[c] = extra[c]
            eng._attrs = a
        return eng
    edges = as_edges(data, func=func)
    s, t, names = _codes_of(edges)
    w = edges["weight"].to_numpy(dtype=float)
    return _from_codes(s, t, w, names, attr_source={"edges": edges, "mentions": mentions, "profile": profile})


@contextlib.contextmanager
def seeded(seed):
    """Run igraph's random algorithms with a private generator seeded with ``seed``."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


def check_engine(engine, func):
    if engine not in ENGINES:
        raise ValueError(f"{func}: the value for `engine` must be one of {list(ENGINES)}, but {engine!r} was passed.")


def to_networkx(eng, *, directed=True) -> nx.Graph:
    """The engine's graph (no self-loops) as networkx; undirected = the summed projection."""
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(eng.names)
    g = eng.graph if directed else eng.undirected()
    el = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    G.add_weighted_edges_from(zip(eng.names[el[:, 0]], eng.names[el[:, 1]], g.es["weight"]))
    return G


# --------------------------------------------------------------------------- measures
def strength(eng, mode):
    return np.asarray(eng.graph.strength(mode=mode, weights="weight", loops=False), dtype=float)


def degree(eng, mode):
    return np.asarray(eng.graph.degree(mode=mode, loops=False), dtype=float)


def pagerank(eng, *, damping=0.85, engine="igraph"):
    if eng.n == 0:
        return np.array([])
    if engine == "networkx":
        pr = nx.pagerank(to_networkx(eng), alpha=damping, weight="weight", tol=1e-12, max_iter=10_000)
        return np.array([pr[n] for n in eng.names])
    return np.asarray(eng.graph.pagerank(directed=True, damping=damping, weights="weight"), dtype=float)


def coreness(eng, *, engine="igraph"):
    if engine == "networkx":
        core = nx.core_number(to_networkx(eng, directed=False))
        return np.array([core[n] for n in eng.names], dtype=float)
    return np.asarray(eng.undirected().coreness(mode="all"), dtype=float)


def betweenness(eng, *, k=None, seed=0, engine="igraph"):
    """Directed hop betweenness normalised like networkx; ``k`` sampled sources (None = exact/auto)."""
    n = eng.n
    if k is None and n > BETWEENNESS_EXACT_MAX:
        k = BETWEENNESS_SAMPLES
    if k is not None and k >= n:
        k = None
    if engine == "networkx":
        bc = nx.betweenness_centrality(to_networkx(eng), k=k, seed=seed, normalized=True)
        return np.array([bc[v] for v in eng.names])
    if n <= 2:
        return np.zeros(n)
    if k is None:
        raw = np.asarray(eng.graph.betweenness(directed=True), dtype=float)
        scale = 1.0
    else:
        sources = np.sort(np.random.default_rng(seed).choice(n, size=k, replace=False)).tolist()
        raw = np.asarray(eng.graph.betweenness(directed=True, sources=sources), dtype=float)
        scale = n / k
    return raw * scale / ((n - 1) * (n - 2))


def hits(eng, *, engine="igraph"):
    """(hub, authority), each normalised to sum 1; zeros on a graph without edges."""
    if eng.graph.ecount() == 0:
        return np.zeros(eng.n), np.zeros(eng.n)
    if engine == "networkx":
        h, a = nx.hits(to_networkx(eng), max_iter=10_000, tol=1e-12)
        return np.array([h[v] for v in eng.names]), np.array([a[v] for v in eng.names])
    with warnings.catch_warnings():  # igraph warns when many scores are 0 (non-unique solution)
        warnings.simplefilter("ignore", RuntimeWarning)
        hub = np.asarray(eng.graph.hub_score(weights="weight", scale=False), dtype=float)
        auth = np.asarray(eng.graph.authority_score(weights="weight", scale=False), dtype=float)
    hub, auth = np.abs(hub), np.abs(auth)
    return hub / hub.sum() if hub.sum() else hub, auth / auth.sum() if auth.sum() else auth


def _relabel(membership, names):
    """Community ids 0.. by size (largest first), ties by the alphabetically first member.

    In NumPy on integer ranks of the names (a pandas groupby "min" of strings cost a Louvain run
    twice over): sizes by ``bincount``, each community's first member by ``minimum.at``, one
    ``lexsort``.
    """
    m = np.asarray(membership, dtype=np.int64)
    if not len(m):
        return m
    rank, _ = pd.factorize(np.asarray(names, dtype=object).astype(str), sort=True)  # rank 0 = first name
    k = int(m.max()) + 1
    size = np.bincount(m, minlength=k)
    first = np.full(k, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, m, rank)
    present = np.flatnonzero(size)
    order = present[np.lexsort((first[present], -size[present]))]
    lut = np.empty(k, dtype=np.int64)
    lut[order] = np.arange(len(order))
    return lut[m]


def louvain(eng, *, seed=0, resolution=1.0, engine="igraph"):
    """(membership array, modularity) of the Louvain partition of the undirected projection."""
    und = eng.undirected()
    if und.ecount() == 0:
        warnings.warn("The network has no edges between distinct accounts: modularity is undefined (NaN); "
                      "every account is its own community.", SMAnalysisWarning, stacklevel=3)
        return np.arange(eng.n), float("nan")
    if engine == "networkx":
        Gu = to_networkx(eng, directed=False)
        parts = nx.community.louvain_communities(Gu, weight="weight", resolution=resolution, seed=seed)
        index = {v: i for i, v in enumerate(eng.names)}
        m = np.empty(eng.n, dtype=np.int64)
        for c, members in enumerate(parts):
            m[[index[v] for v in members]] = c
    else:
        with seeded(seed):
            m = und.community_multilevel(weights="weight", resolution=resolution).membership
    m = _relabel(m, eng.names)
    return m, modularity(eng, m, resolution=resolution)


def modularity(eng, membership, *, resolution=1.0):
    """Modularity of a partition on the undirected projection (igraph)."""
    und = eng.undirected()
    if und.ecount() == 0:
        return float("nan")
    return float(und.modularity(list(np.asarray(membership, dtype=np.int64)), weights="weight",
                                resolution=resolution, directed=False))
