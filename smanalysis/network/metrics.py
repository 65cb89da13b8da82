"""NodeXL-style overview metrics of a network.

Examples
--------
>>> import pandas as pd
>>> e = pd.DataFrame({"source": ["a", "b"], "target": ["b", "a"], "weight": [2.0, 1.0]})
>>> overview(e)[["nodes", "edges", "interactions", "reciprocity", "density"]]
   nodes  edges  interactions  reciprocity  density
0      2      2           3.0          1.0      1.0
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..ratios import divide
from ..exceptions import SMAnalysisWarning
from .engine import as_engine, density, louvain

__all__ = ["overview", "PATHS_EXACT_MAX", "PATH_SAMPLES"]

#: Largest component size up to which path lengths and diameter are exact.
PATHS_EXACT_MAX = 3000
#: Number of seeded BFS sources above :data:`PATHS_EXACT_MAX` (diameter is then a lower bound).
PATH_SAMPLES = 100


def _paths(g, *, seed):
    """(average shortest path, diameter, sampled) of an undirected connected graph."""
    n = g.vcount()
    if n < 2:
        return np.nan, np.nan, False
    if n <= PATHS_EXACT_MAX:
        return float(g.average_path_length(directed=False)), float(g.diameter(directed=False)), False
    rng = np.random.default_rng(seed)
    sources = np.sort(rng.choice(n, size=PATH_SAMPLES, replace=False))
    total, count, diam = 0.0, 0, 0.0
    for chunk in np.array_split(sources, max(1, len(sources) // 10)):
        d = np.asarray(g.distances(source=chunk.tolist(), mode="all"), dtype=float)
        d = d[np.isfinite(d) & (d > 0)]
        total += d.sum()
        count += d.size
        diam = max(diam, d.max() if d.size else 0.0)
    return divide(total, count, func="overview", name="average path", quiet=True), diam, True  # no pair: NaN


def overview(data, *, seed=0, modularity=True, paths=True, mentions=None, profile=None):
    """Network metrics in one row, as NodeXL's graph metrics.

    Parameters
    ----------
    data : networkx.DiGraph, DataFrame
        A graph, canonical interactions or an edge table.
    seed : int
        Seed of the Louvain partition and of the path sample.
    modularity : bool
        Compute the modularity of the Louvain partition (:func:`communities`).
    paths : bool
        Compute average shortest path and diameter of the largest component (undirected, in hops;
        exact up to :data:`PATHS_EXACT_MAX` nodes, else from :data:`PATH_SAMPLES` seeded sources,
        the diameter then being a lower bound).

    Returns
    -------
    DataFrame
        One row: ``nodes``, ``edges`` (distinct directed pairs, self-loops excluded),
        ``interactions`` (total edge weight incl. self-loops), ``duplicate_interactions``
        (interactions beyond the first on the same pair: interactions - edges - self_loops),
        ``self_loops``, ``reciprocity`` (share of edges whose reverse exists), ``density``
        (edges / n(n-1)), ``components`` (weakly connected), ``largest_component`` (nodes),
        ``largest_component_share`` (denominator: all nodes), ``avg_path_length``, ``diameter``,
        ``paths_sampled`` (bool), ``modularity``, ``isolates_share`` and ``pendants_share`` (nodes
        with 0 / 1 distinct neighbours; denominator: all nodes). Undefined values are NaN with an
        :class:`~smanalysis.exceptions.SMAnalysisWarning`.

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [1.0]})
    >>> overview(e)[["components", "avg_path_length", "diameter", "pendants_share"]]
       components  avg_path_length  diameter  pendants_share
    0           1              1.0       1.0             1.0
    """
    eng = as_engine(data, mentions=mentions, profile=profile, func="overview")
    return _overview(eng, seed=seed, modularity=modularity, paths=paths)


def _overview(eng, *, seed=0, modularity=True, paths=True):
    g = eng.graph
    n, m = g.vcount(), g.ecount()
    und = eng.undirected()
    udeg = np.asarray(und.degree(), dtype=float)
    row = {
        "nodes": n,
        "edges": m,
        "interactions": eng.interactions,
        "duplicate_interactions": eng.interactions - m - eng.self_loops,
        "self_loops": eng.self_loops,
        "reciprocity": float(g.reciprocity(ignore_loops=True)) if m else np.nan,
        "density": density(n, m),
    }
    comps = und.connected_components()
    sizes = np.asarray(comps.sizes())
    row["components"] = len(sizes)
    row["largest_component"] = int(sizes.max()) if len(sizes) else 0
    row["largest_component_share"] = divide(row["largest_component"], n, func="overview", name="largest_component_share")
    if paths and len(sizes):
        giant = und.induced_subgraph(comps[int(sizes.argmax())])
        apl, diam, sampled = _paths(giant, seed=seed)
    else:
        apl, diam, sampled = np.nan, np.nan, False
    row.update(avg_path_length=apl, diameter=diam, paths_sampled=sampled)
    if modularity and und.ecount():
        row["modularity"] = louvain(eng, seed=seed)[1]
    else:
        row["modularity"] = np.nan
    row["isolates_share"] = float((udeg == 0).mean()) if n else np.nan
    row["pendants_share"] = float((udeg == 1).mean()) if n else np.nan
    if m == 0:
        warnings.warn("overview: the network has no edges between distinct accounts; reciprocity, path "
                      "lengths and modularity are undefined (NaN).", SMAnalysisWarning, stacklevel=3)
    return pd.DataFrame([row])
