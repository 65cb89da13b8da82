"""Build a network from the canonical interactions table.

Interactions are aggregated into an *edge table* (one row a directed pair of
accounts) with vectorised pandas/NumPy before any graph is built. Every other
function of :mod:`smanalysis.network` accepts an interactions frame, an edge
table or a networkx graph, so a large network never has to become a networkx
graph unless the user asks for one (:func:`build_graph`).

Examples
--------
>>> import pandas as pd
>>> inter = pd.DataFrame({"source": ["ani", "ani", "budi"], "target": ["kopi", "kopi", "kopi"],
...                       "kind": ["reply", "mention", "reply"],
...                       "created_at": pd.to_datetime(["2026-10-01", "2026-10-03", "2026-10-02"], utc=True),
...                       "platform": ["x", "x", "x"]})
>>> edge_table(inter)[["source", "target", "weight", "n_reply", "n_mention"]]
  source target  weight  n_reply  n_mention
0    ani   kopi     2.0        1          1
1   budi   kopi     1.0        1          0
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from .._checks import as_list
from ..exceptions import EmptyDataError, SchemaError, SMAnalysisWarning
from ..schema import INTERACTION_KINDS, validate

__all__ = ["edge_table", "node_table", "build_graph"]

_WEIGHTS = ("count", "binary")


def clean_handles(s: pd.Series) -> pd.Series:
    """Handles as plain strings without a leading '@' (missing stays missing)."""
    s = s.astype(object)
    out = s.where(s.isna(), s.astype(str).str.strip().str.lstrip("@"))
    return out


def utc_ns(times: pd.Series) -> np.ndarray:
    """UTC nanoseconds since the epoch of a datetime Series (naive taken as UTC)."""
    idx = pd.DatetimeIndex(pd.to_datetime(times, utc=True))
    return idx.as_unit("ns").asi8


def check_kinds(kinds, func):
    if kinds is None:
        return None
    kinds = as_list(kinds)
    bad = [k for k in kinds if k not in INTERACTION_KINDS]
    if bad:
        raise ValueError(
            f"{func}: the value for `kinds` must be a subset of {list(INTERACTION_KINDS)}, but {bad} was passed."
        )
    return kinds


def check_weight(weight, func):
    if isinstance(weight, Mapping):
        bad = [k for k in weight if k not in INTERACTION_KINDS]
        if bad:
            raise ValueError(
                f"{func}: the keys of `weight` must be among {list(INTERACTION_KINDS)}, but {bad} was passed."
            )
        return weight
    if weight not in _WEIGHTS:
        raise ValueError(
            f"{func}: the value for `weight` must be one of {list(_WEIGHTS)} or a mapping kind -> weight, "
            f"but {weight!r} was passed."
        )
    return weight


def filter_interactions(interactions, *, kinds=None, start=None, end=None, func="edge_table", need_time=False):
    """Validated, filtered interactions (a view-free copy only where needed).

    With ``need_time``, rows without a timestamp are left out with an SMAnalysisWarning.
    """
    validate(interactions, "interactions", func=func)
    kinds = check_kinds(kinds, func)
    df = interactions
    mask = df["source"].notna().to_numpy() & df["target"].notna().to_numpy()
    if kinds is not None:
        mask &= df["kind"].isin(kinds).to_numpy()
    if start is not None or end is not None:
        t = pd.to_datetime(df["created_at"], utc=True)
        if start is not None:
            mask &= (t >= pd.Timestamp(start, tz="UTC") if pd.Timestamp(start).tzinfo is None
                     else t >= pd.Timestamp(start)).to_numpy()
        if end is not None:
            end_ts = pd.Timestamp(end)
            if end_ts.tzinfo is None:
                end_ts = end_ts.tz_localize("UTC")
            # a bare date as `end` includes that whole day
            if end_ts == end_ts.normalize() and len(str(end)) <= 10:
                end_ts = end_ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
            mask &= (t <= end_ts).to_numpy()
    if need_time:
        nat = pd.to_datetime(df["created_at"], utc=True).isna().to_numpy()
        if (nat & mask).any():
            warnings.warn(f"{func}: {int((nat & mask).sum())} interaction(s) without a timestamp were left out.",
                          SMAnalysisWarning, stacklevel=3)
            mask &= ~nat
    if not mask.all():
        df = df.loc[mask]
    return df


def node_codes(df):
    """Integer codes of source and target over one shared vocabulary of cleaned names.

    Names are factorised first and only the distinct names are cleaned ('@' and blanks stripped),
    then cleaned duplicates ("@ani" and "ani") are merged.
    """
    n = len(df)
    sc, tc = df["source"], df["target"]
    if isinstance(sc.dtype, pd.CategoricalDtype) and isinstance(tc.dtype, pd.CategoricalDtype) \
            and sc.cat.categories.equals(tc.cat.categories):
        codes = np.concatenate([sc.cat.codes.to_numpy(), tc.cat.codes.to_numpy()]).astype(np.int64)
        raw = sc.cat.categories
    else:
        codes, raw = pd.factorize(np.concatenate([sc.to_numpy(dtype=object), tc.to_numpy(dtype=object)]))
    clean = clean_handles(pd.Series(np.asarray(raw, dtype=object)))
    codes2, names = pd.factorize(clean.to_numpy(dtype=object))
    codes = codes2[codes]
    return codes[:n].astype(np.int64), codes[n:].astype(np.int64), np.asarray(names, dtype=object)


def _aggregate(s, t, kind_codes, times, n_nodes, weight, kind_names):
    """Group rows by (source, target): counts per kind, first and last time, weight."""
    key = s * n_nodes + t
    gid, uniq = pd.factorize(key, sort=True)
    m = len(uniq)
    k = len(kind_names)
    counts = np.bincount(gid * k + kind_codes, minlength=m * k).reshape(m, k)
    g = pd.Series(times.view("datetime64[ns]")).groupby(gid, sort=True)  # NaT skipped
    first = g.min().to_numpy().view("int64")
    last = g.max().to_numpy().view("int64")
    if weight == "count":
        w = counts.sum(axis=1).astype(float)
    elif weight == "binary":
        w = np.ones(m)
    else:
        vec = np.array([float(weight.get(kname, 0.0)) for kname in kind_names])
        w = counts @ vec
    return uniq // n_nodes, uniq % n_nodes, w, counts, first, last


def edge_table(interactions, *, kinds=None, start=None, end=None, weight="count"):
    """Aggregate interactions into one row a directed pair of accounts.

    Parameters
    ----------
    interactions : DataFrame
        Canonical ``interactions`` table (source, target, kind, created_at, platform).
    kinds : str or list of str, optional
        Keep only these interaction kinds (see :data:`smanalysis.schema.INTERACTION_KINDS`).
    start, end : str or Timestamp, optional
        Keep interactions in ``[start, end]`` (a bare date as ``end`` includes that whole day; naive = UTC).
    weight : {"count", "binary"} or mapping kind -> float
        Edge weight: number of interactions, 1 per pair, or a weighted sum of the per-kind counts
        (e.g. ``{"share": 3, "reply": 2, "mention": 1}``).

    Returns
    -------
    DataFrame
        ``source``, ``target`` (categoricals over one shared vocabulary of node names, ordered by
        first appearance), ``weight`` (float), ``n_<kind>`` (int count per interaction kind),
        ``first`` and ``last`` (UTC timestamps of the first/last interaction), ``platform``
        (the most frequent platform of the pair's interactions). Sorted by source then target code.
        Self-loops (an account interacting with itself) are kept here.

    Raises
    ------
    SchemaError
        When required interactions columns are missing.
    EmptyDataError
        When no interaction is left after the filters.

    Examples
    --------
    >>> import pandas as pd
    >>> inter = pd.DataFrame({"source": ["a", "a"], "target": ["b", "b"], "kind": ["share", "reply"],
    ...                       "created_at": pd.to_datetime(["2026-01-01", "2026-01-02"], utc=True),
    ...                       "platform": ["x", "x"]})
    >>> edge_table(inter, weight={"share": 3, "reply": 1})["weight"].tolist()
    [4.0]
    """
    func = "edge_table"
    weight = check_weight(weight, func)
    df = filter_interactions(interactions, kinds=kinds, start=start, end=end, func=func)
    if len(df) == 0:
        raise EmptyDataError(
            f"{func}: no interactions to build a network from "
            f"({len(interactions)} rows before filters kinds={kinds!r}, start={start!r}, end={end!r})."
        )
    s, t, names = node_codes(df)
    kind_codes, kind_names = pd.factorize(df["kind"].astype(str).to_numpy(dtype=object), sort=True)
    kind_names = list(kind_names)
    extra = [k for k in kind_names if k not in INTERACTION_KINDS]
    all_kinds = list(INTERACTION_KINDS) + extra
    remap = np.array([all_kinds.index(k) for k in kind_names], dtype=np.int64)
    kind_codes = remap[kind_codes]
    times = utc_ns(df["created_at"])
    es, et, w, counts, first, last = _aggregate(s, t, kind_codes, times, len(names), weight, all_kinds)
    cats = pd.CategoricalDtype(pd.Index(names, dtype=object))
    out = {
        "source": pd.Categorical.from_codes(es, dtype=cats),
        "target": pd.Categorical.from_codes(et, dtype=cats),
        "weight": w,
    }
    for i, kname in enumerate(all_kinds):
        out[f"n_{kname}"] = counts[:, i]
    out["first"] = pd.to_datetime(first, utc=True).as_unit("ns")
    out["last"] = pd.to_datetime(last, utc=True).as_unit("ns")
    plat = df["platform"].astype(object).fillna("").to_numpy(dtype=object)
    if len(pd.unique(plat)) == 1:
        out["platform"] = np.full(len(w), plat[0], dtype=object)
    else:
        key = pd.Series(s * len(names) + t)
        top = (pd.DataFrame({"key": key, "platform": plat}).groupby(["key", "platform"]).size()
               .reset_index(name="n").sort_values(["key", "n"], ascending=[True, False])
               .drop_duplicates("key").set_index("key")["platform"])
        out["platform"] = top.reindex(es * len(names) + et).to_numpy(dtype=object)
    return pd.DataFrame(out)


def node_table(edges=None, *, mentions=None, profile=None, nodes=None):
    """Attributes of each account: platform, followers, brand and competitor flags.

    Parameters
    ----------
    edges : DataFrame, optional
        An edge table (:func:`edge_table`) or interactions; its accounts make the rows.
    mentions : DataFrame, optional
        Canonical mentions; ``author_followers`` gives ``followers`` (the latest known value).
    profile : smanalysis.Profile, optional
        Marks the brand's own accounts (``is_brand``) and competitors (``is_competitor``, ``brand``).
    nodes : list of str, optional
        Extra accounts to include.

    Returns
    -------
    DataFrame
        Indexed by ``node``: ``platform`` (most frequent platform of its edges), ``followers``
        (float, NaN when unknown), ``is_brand``, ``is_competitor`` (bool), ``brand`` (business or
        competitor name, else missing).

    Examples
    --------
    >>> import pandas as pd
    >>> from smanalysis import Profile
    >>> p = Profile.from_dict({"business_name": "Kopi", "business_model": "B2C", "goal": "promotion",
    ...                        "own_accounts": {"x": "kopi"}})
    >>> e = pd.DataFrame({"source": ["ani"], "target": ["kopi"], "weight": [1.0], "platform": ["x"]})
    >>> node_table(e, profile=p)[["is_brand", "is_competitor"]]
          is_brand  is_competitor
    node                         
    ani      False          False
    kopi      True          False
    """
    names = []
    plat = pd.Series(dtype=object)
    if edges is not None:
        valid = edges.loc[edges["source"].notna() & edges["target"].notna()]
        s, t, vocab = node_codes(valid)
        both = np.concatenate([s, t])
        present = np.zeros(len(vocab), dtype=bool)
        present[both] = True
        names = list(vocab[present])
        if "platform" in valid.columns and len(valid):
            pcodes, puniq = pd.factorize(valid["platform"].astype(object).to_numpy(dtype=object), sort=True)
            pcodes = np.tile(pcodes, 2)
            ok = pcodes >= 0
            if len(puniq) == 1:
                counts = np.bincount(both[ok], minlength=len(vocab))[:, None]
            else:  # most frequent platform of each account's edges (ties: alphabetical)
                counts = np.bincount(both[ok] * len(puniq) + pcodes[ok],
                                     minlength=len(vocab) * len(puniq)).reshape(len(vocab), len(puniq))
            if len(puniq):
                best = np.asarray(puniq, dtype=object)[counts.argmax(axis=1)]
                best = np.where(counts.max(axis=1) > 0, best, None)
                plat = pd.Series(best[present], index=pd.Index(names, dtype=object), dtype=object)
    if nodes is not None:
        seen = set(names)
        names += [n for n in nodes if n not in seen]
    followers = pd.Series(dtype=float)
    if mentions is not None and "author_followers" in mentions.columns and len(mentions):
        m = mentions[["author", "author_followers"]].assign(author=clean_handles(mentions["author"]))
        if "created_at" in mentions.columns:
            m = m.assign(created_at=mentions["created_at"]).sort_values("created_at")
        m = m.dropna(subset=["author", "author_followers"])
        followers = pd.to_numeric(m["author_followers"], errors="coerce").groupby(m["author"]).last()
        seen = set(names)
        names += [n for n in followers.index if n not in seen]
    idx = pd.Index(names, dtype=object, name="node")
    out = pd.DataFrame(index=idx)
    out["platform"] = plat.reindex(idx).astype(object).to_numpy()
    out["followers"] = followers.reindex(idx).astype(float).to_numpy()
    brand_h = set(profile.brand_handles) if profile is not None else set()
    comp = dict(profile.competitor_handles) if profile is not None else {}
    out["is_brand"] = idx.isin(list(brand_h))
    out["is_competitor"] = idx.isin(list(comp))
    brand = np.full(len(idx), None, dtype=object)
    if profile is not None:  # Profile.brand_of of the few known handles, looked up for every node at once
        known = {h: profile.brand_of(h) for h in {*brand_h, *comp}}
        hit = pd.Series(idx.astype(str).str.lstrip("@"), dtype=object).map(known)
        brand[hit.notna().to_numpy()] = hit.dropna().to_numpy(dtype=object)
    out["brand"] = brand
    return out


def build_graph(interactions, *, kinds=None, start=None, end=None, weight="count", mentions=None, profile=None):
    """A directed, weighted networkx graph of who interacted with whom.

    Parameters
    ----------
    interactions : DataFrame
        Canonical interactions (or an edge table from :func:`edge_table`).
    kinds, start, end, weight
        As in :func:`edge_table`.
    mentions, profile
        Node attributes, as in :func:`node_table`.

    Returns
    -------
    networkx.DiGraph
        Edge attributes: ``weight``, ``n_<kind>`` counts, ``first``/``last`` (ISO-8601 UTC strings),
        ``platform``. Node attributes: ``platform``, ``followers`` (when known), ``is_brand``,
        ``is_competitor``, ``brand`` (when known).

    Raises
    ------
    SchemaError, EmptyDataError
        As in :func:`edge_table`.

    Examples
    --------
    >>> import pandas as pd
    >>> inter = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "c", "b"], "kind": "reply",
    ...                       "created_at": pd.Timestamp("2026-10-01", tz="UTC"), "platform": "x"})
    >>> G = build_graph(inter)
    >>> G["a"]["b"]["weight"], G.number_of_nodes()
    (2.0, 3)
    """
    edges = as_edges(interactions, kinds=kinds, start=start, end=end, weight=weight, func="build_graph")
    nodes = node_table(edges, mentions=mentions, profile=profile)
    G = nx.DiGraph()
    for name, row in zip(nodes.index, nodes.to_dict("records")):
        G.add_node(name, **{k: v for k, v in row.items() if _present(v)})
    cols = [c for c in edges.columns if c not in ("source", "target")]
    data = edges[cols].copy()
    for c in ("first", "last"):
        if c in data.columns:
            data[c] = pd.to_datetime(data[c], utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ").astype(object)
    for c in data.columns:
        if c.startswith("n_"):
            data[c] = data[c].astype(int)
    records = data.to_dict("records")
    G.add_edges_from(zip(edges["source"].astype(object), edges["target"].astype(object), records))
    return G


def _present(v):
    if v is None:
        return False
    try:
        return not pd.isna(v)
    except (TypeError, ValueError):
        return True


def as_edges(data, *, kinds=None, start=None, end=None, weight="count", func="edge_table"):
    """Interactions -> edge table; an edge table passes through."""
    if isinstance(data, pd.DataFrame) and {"source", "target", "weight"} <= set(data.columns) \
            and not {"kind", "created_at"} <= set(data.columns):
        if len(data) == 0:
            raise EmptyDataError(f"{func}: the edge table is empty; there is no network to analyse.")
        return data
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{func}: expected an interactions DataFrame, got {type(data).__name__}")
    try:
        return edge_table(data, kinds=kinds, start=start, end=end, weight=weight)
    except (SchemaError, EmptyDataError) as err:
        raise type(err)(str(err).replace("edge_table:", f"{func}:", 1)) from err
