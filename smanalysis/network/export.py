"""Export to Gephi: GEXF with dynamic time spells (Gephi's timeline) and GraphML.

Gephi users struggle most with time. :func:`write_gexf` writes each node and edge with the
ISO-8601 date *spells* in which it was active (``<spells><spell start="2026-10-01"
end="2026-10-31"/></spells>``, ``timeformat="date"``), plus a dynamic ``interactions`` value per
spell, so Gephi's timeline can replay the network; networkx reads the same file back with
``networkx.read_gexf`` (spells as a ``spells`` list of ``(start, end)`` tuples).

Examples
--------
>>> import pandas as pd
>>> inter = pd.DataFrame({"source": ["a", "a"], "target": ["b", "b"], "kind": "reply", "platform": "x",
...                       "created_at": pd.to_datetime(["2026-09-10", "2026-11-02"], utc=True)})
>>> gexf_spells(inter, freq="M")[["element", "id", "start", "end"]]
  element    id       start         end
0    edge  a->b  2026-09-01  2026-09-30
1    edge  a->b  2026-11-01  2026-11-30
2    node     a  2026-09-01  2026-09-30
3    node     a  2026-11-01  2026-11-30
4    node     b  2026-09-01  2026-09-30
5    node     b  2026-11-01  2026-11-30
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import EmptyDataError
from ..schema import DEFAULT_TIMEZONE
from .build import check_kinds, filter_interactions, clean_handles, utc_ns, build_graph
from .dynamics import period_codes

__all__ = ["gexf_spells", "write_gexf", "write_graphml"]

_SPELL_FREQS = (None, "D", "W", "M")


def _check_freq(freq, func):
    if freq not in _SPELL_FREQS:
        raise ValueError(f"{func}: the value for `freq` must be one of {list(_SPELL_FREQS)}, but {freq!r} was passed.")


def gexf_spells(interactions, *, freq=None, timezone=DEFAULT_TIMEZONE, kinds=None, start=None, end=None):
    """Time spells in which each node and edge was active, as local ISO-8601 dates.

    Parameters
    ----------
    interactions : DataFrame
        Canonical interactions.
    freq : {None, "D", "W", "M"}
        ``None``: one spell per element from its first to its last interaction day. Otherwise the
        element is active in each day/week/month with an interaction; consecutive active periods
        merge into one spell.
    timezone : str
        Timezone of the local dates.
    kinds, start, end
        Filters as in :func:`edge_table`.

    Returns
    -------
    DataFrame
        ``element`` ("edge" or "node"), ``id`` (node name or ``"source->target"``), ``source``,
        ``target`` (the node twice for a node), ``start``, ``end`` (inclusive dates, ``YYYY-MM-DD``
        strings), ``interactions`` (count in the spell). Sorted by element, id, start.

    Raises
    ------
    EmptyDataError
        When no interaction is left after the filters.
    """
    func = "gexf_spells"
    _check_freq(freq, func)
    check_kinds(kinds, func)
    df = filter_interactions(interactions, kinds=kinds, start=start, end=end, func=func, need_time=True)
    if len(df) == 0:
        raise EmptyDataError(f"{func}: no interactions to take time spells from.")
    src = clean_handles(df["source"]).to_numpy(dtype=object)
    tgt = clean_handles(df["target"]).to_numpy(dtype=object)
    ords, pfreq = period_codes(utc_ns(df["created_at"]), freq or "D", timezone)
    ev = pd.DataFrame({"element": "edge", "source": src, "target": tgt, "o": ords})
    # a node counts every interaction it takes part in (as source or target)
    nv = pd.DataFrame({"element": "node", "source": np.concatenate([src, tgt]),
                       "target": np.concatenate([src, tgt]), "o": np.concatenate([ords, ords])})
    allv = pd.concat([ev, nv], ignore_index=True)
    cnt = allv.groupby(["element", "source", "target", "o"], sort=True).size().reset_index(name="interactions")
    same = (cnt[["element", "source", "target"]].eq(cnt[["element", "source", "target"]].shift())).all(axis=1)
    if freq is None:
        run = (~same).cumsum()
    else:
        run = (~(same & (cnt["o"] == cnt["o"].shift() + 1))).cumsum()
    spells = cnt.groupby(run).agg(element=("element", "first"), source=("source", "first"),
                                  target=("target", "first"), o0=("o", "min"), o1=("o", "max"),
                                  interactions=("interactions", "sum"))
    p0 = pd.PeriodIndex.from_ordinals(spells["o0"].to_numpy(), freq=pfreq)
    p1 = pd.PeriodIndex.from_ordinals(spells["o1"].to_numpy(), freq=pfreq)
    spells["start"] = p0.start_time.strftime("%Y-%m-%d")
    spells["end"] = p1.end_time.strftime("%Y-%m-%d")
    spells["id"] = np.where(spells["element"] == "edge", spells["source"] + "->" + spells["target"],
                            spells["source"])
    spells["interactions"] = spells["interactions"].astype(int)
    out = spells[["element", "id", "source", "target", "start", "end", "interactions"]]
    return out.sort_values(["element", "id", "start"], kind="mergesort").reset_index(drop=True)


def _native(v):
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    return v


def _clean(G, *, lists):
    """A copy of G with attribute values GEXF/GraphML accept (native types, no None/NaN)."""
    H = G.__class__()
    H.graph.update({k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, bool))})

    def ok(v):
        if v is None:
            return False
        if isinstance(v, list):
            return lists
        if isinstance(v, float) and np.isnan(v):
            return False
        return isinstance(v, (str, int, float, bool, np.generic))

    H.add_nodes_from((n, {k: _native(v) for k, v in d.items() if ok(v)}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, {k: _native(x) for k, x in d.items() if ok(x)}) for u, v, d in G.edges(data=True))
    return H


def _spell_lists(spells):
    """Per node / edge: the list of (start, end) and the dynamic interactions (value, start, end)."""
    out = {}
    for (element, s, t), g in spells.groupby(["element", "source", "target"], sort=False):
        key = s if element == "node" else (s, t)
        out[(element, key)] = (list(zip(g["start"], g["end"])),
                               [(int(n), a, b) for n, a, b in zip(g["interactions"], g["start"], g["end"])])
    return out


def write_gexf(data, path, *, freq=None, timezone=DEFAULT_TIMEZONE, kinds=None, start=None, end=None,
               weight="count", mentions=None, profile=None, communities=True, seed=0):
    """Write the network as GEXF 1.3 (Gephi's current format) with dynamic time spells, ready for
    Gephi's timeline.

    Parameters
    ----------
    data : DataFrame or networkx.Graph
        Canonical interactions (spells come from their timestamps), or a graph: its ``spells``
        attributes are written as they are, else spells are made from the edges' ``first``/``last``
        attributes (as set by :func:`build_graph`).
    path : str or Path
        Output file (``.gexf``).
    freq : {None, "D", "W", "M"}
        Spell granularity (see :func:`gexf_spells`); ``None`` = one spell from first to last day.
    timezone, kinds, start, end, weight, mentions, profile
        As in :func:`build_graph` and :func:`gexf_spells`.
    communities : bool
        Add node attributes ``community`` (Louvain, ``seed``) and ``pagerank`` for colouring and
        sizing in Gephi.

    Returns
    -------
    Path
        The written file. ``networkx.read_gexf(path)`` gives the same nodes and edges, with
        ``spells`` lists of ``(start, end)`` date strings on every node and edge. Mention authors
        without interactions (added by ``mentions``) get one spell from their first to their last
        mention (local days), or none when the mentions carry no time.

    Examples
    --------
    >>> import pandas as pd, networkx as nx, tempfile, os
    >>> inter = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "kind": "reply", "platform": "x",
    ...                       "created_at": pd.to_datetime(["2026-10-01", "2026-10-09"], utc=True)})
    >>> p = write_gexf(inter, os.path.join(tempfile.mkdtemp(), "net.gexf"))
    >>> nx.read_gexf(p).edges["a", "b"]["spells"]
    [('2026-10-01', '2026-10-01')]
    """
    func = "write_gexf"
    _check_freq(freq, func)
    path = Path(path)
    if isinstance(data, nx.Graph):
        G = _clean(data, lists=True)
        if not any("spells" in d for _, _, d in G.edges(data=True)):
            _spells_from_first_last(G, timezone)
    else:
        G = build_graph(data, kinds=kinds, start=start, end=end, weight=weight, mentions=mentions, profile=profile)
        spells = _spell_lists(gexf_spells(data, freq=freq, timezone=timezone, kinds=kinds, start=start, end=end))
        lone = _mention_spells(mentions, timezone) if mentions is not None else {}
        for n, d in G.nodes(data=True):
            if ("node", n) in spells:
                d["spells"], d["interactions"] = spells[("node", n)]
            elif n in lone:  # an isolated mention author: no interaction, so no interaction spell
                d["spells"] = lone[n]
        for u, v, d in G.edges(data=True):
            d["spells"], d["interactions"] = spells[("edge", (u, v))]
        if communities:
            from .community import communities as _communities
            from .influence import influencers as _influencers
            comm = _communities(G, seed=seed).set_index("node")["community"]
            pr = _influencers(G, betweenness_k=False).set_index("node")["pagerank"]
            for n, d in G.nodes(data=True):
                d["community"] = int(comm[n])
                d["pagerank"] = float(pr[n])
        G = _clean(G, lists=True)
    for _, d in G.nodes(data=True):
        d.pop("label", None)
    nx.write_gexf(G, path, version="1.3")
    return path


def _mention_spells(mentions: pd.DataFrame, timezone) -> dict:
    """Author -> [(first local day, last local day)] of their mentions."""
    if "created_at" not in mentions.columns or "author" not in mentions.columns or mentions.empty:
        return {}
    t = pd.to_datetime(mentions["created_at"], utc=True, errors="coerce").dt.tz_convert(timezone).dt.strftime("%Y-%m-%d")
    g = pd.DataFrame({"a": clean_handles(mentions["author"]), "t": t}).dropna().groupby("a")["t"]
    return {a: [(lo, hi)] for a, lo, hi in zip(g.min().index, g.min(), g.max())}


def _spells_from_first_last(G, timezone):
    """Edge spells [first, last] (local dates) and node spells spanning their edges."""
    span = {}
    for u, v, d in G.edges(data=True):
        if "first" in d and "last" in d:
            a = pd.Timestamp(d["first"]).tz_convert(timezone).strftime("%Y-%m-%d")
            b = pd.Timestamp(d["last"]).tz_convert(timezone).strftime("%Y-%m-%d")
            d["spells"] = [(a, b)]
            for n in (u, v):
                lo, hi = span.get(n, (a, b))
                span[n] = (min(lo, a), max(hi, b))
    for n, (a, b) in span.items():
        G.nodes[n]["spells"] = [(a, b)]


def write_graphml(data, path, *, kinds=None, start=None, end=None, weight="count", mentions=None, profile=None):
    """Write the network as GraphML (static; lists such as spells are written as text).

    Parameters
    ----------
    data : DataFrame or networkx.Graph
        Canonical interactions, an edge table, or a graph.
    path : str or Path
        Output file (``.graphml``).
    kinds, start, end, weight, mentions, profile
        As in :func:`build_graph` when ``data`` is a frame.

    Returns
    -------
    Path
        The written file; ``networkx.read_graphml(path)`` gives the same nodes, edges and weights.

    Examples
    --------
    >>> import pandas as pd, networkx as nx, tempfile, os
    >>> e = pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [2.0]})
    >>> p = write_graphml(e, os.path.join(tempfile.mkdtemp(), "net.graphml"))
    >>> nx.read_graphml(p).edges["a", "b"]["weight"]
    2.0
    """
    path = Path(path)
    if isinstance(data, nx.Graph):
        G = data
    else:
        G = build_graph(data, kinds=kinds, start=start, end=end, weight=weight, mentions=mentions, profile=profile)
    G = _clean(G, lists=True)
    for _, d in [*G.nodes(data=True), *((None, e) for *_, e in G.edges(data=True))]:
        for k, v in list(d.items()):
            if isinstance(v, list):
                d[k] = "; ".join("/".join(map(str, x)) if isinstance(x, tuple) else str(x) for x in v)
    nx.write_graphml(G, path)
    return path

