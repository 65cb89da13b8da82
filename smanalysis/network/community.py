"""Communities around the brand (Louvain), what each talks about, and the accounts that bridge them.

Examples
--------
>>> import pandas as pd
>>> e = pd.DataFrame({"source": ["a", "b", "c", "d", "e", "f", "c"], "target": ["b", "c", "a", "e", "f", "d", "d"],
...                   "weight": [5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 1.0]})
>>> communities(e, seed=1).sort_values("node")["community"].tolist()
[0, 0, 0, 1, 1, 1]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..ratios import divide
from ..exceptions import SchemaError
from .engine import as_engine, betweenness, check_engine, louvain, pagerank

__all__ = ["communities", "community_summary", "brokers"]

_HASHTAG = re.compile(r"#\w+", re.UNICODE)
_WORD = r"[^\W\d_]{3,}"
_FALLBACK_STOP = frozenset(
    "yang dan di ke dari ini itu untuk dengan aja juga sama ada tidak gak nggak udah sudah bisa kak the and "
    "for you with this that are was but not".split()
)


def _check_membership(membership, func):
    if not isinstance(membership, pd.DataFrame) or not {"node", "community"} <= set(membership.columns):
        present = list(membership.columns) if isinstance(membership, pd.DataFrame) else type(membership).__name__
        raise SchemaError(f"{func}: `membership` must be a frame with columns ['node', 'community'] "
                          f"(from communities()); columns present: {present}")


def communities(data, *, seed=0, resolution=1.0, engine="igraph", mentions=None, profile=None):
    """Louvain communities of the undirected, weighted projection of the network.

    Parameters
    ----------
    data : networkx.DiGraph, DataFrame
        A graph, canonical interactions or an edge table.
    seed : int
        Seed of the Louvain heuristic; the same seed gives the same partition.
    resolution : float
        Modularity resolution (above 1: more, smaller communities).
    engine : {"igraph", "networkx"}
        ``"igraph"`` (default, ``community_multilevel``, fast) or ``"networkx"``
        (``louvain_communities``). Both maximise the same modularity and agree on graphs with a clear
        structure; on ambiguous graphs their partitions can differ.

    Returns
    -------
    DataFrame
        One row per account: ``node``, ``community`` (0 = largest; ties by the alphabetically first
        member), ``community_size``. ``.attrs["modularity"]`` holds the partition's modularity (NaN
        with an :class:`~smanalysis.exceptions.SMAnalysisWarning` on a graph without edges).

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [1.0]})
    >>> df = communities(e)
    >>> df["community"].tolist(), df.attrs["modularity"]
    ([0, 0], 0.0)
    """
    check_engine(engine, "communities")
    eng = as_engine(data, mentions=mentions, profile=profile, func="communities")
    memb, q = louvain(eng, seed=seed, resolution=resolution, engine=engine)
    df = eng.frame(community=memb)
    df["community_size"] = np.bincount(memb)[memb]
    df.attrs["modularity"] = q
    return df


def _tokens(texts: pd.Series) -> list[list[str]]:
    """Word tokens (letters, 3+ characters) without stopwords."""
    word = re.compile(_WORD)
    try:  # the conversation layer's tokenizer (slang normalised, stopwords removed) when available
        from ..conversation.text import tokenize
        toks = tokenize(texts, stopwords=True)
    except (ImportError, AttributeError, TypeError):
        toks = texts.fillna("").astype(str).str.lower().str.findall(_WORD)
        toks = [[w for w in ws if w not in _FALLBACK_STOP] for ws in toks]
    return [[w for w in ws if word.fullmatch(w)] for ws in toks]


def community_summary(data, membership, *, interactions=None, top=5, mentions=None, profile=None):
    """What each community is: size, top members, top terms and hashtags, brand vs competitor share.

    Parameters
    ----------
    data : networkx.DiGraph, DataFrame
        The network (graph, canonical interactions or edge table).
    membership : DataFrame
        ``node``, ``community`` (from :func:`communities`).
    interactions : DataFrame, optional
        Canonical interactions whose ``text`` (by ``source``) gives the terms and hashtags; defaults to
        ``data`` when that is an interactions frame.
    top : int
        Number of members, terms and hashtags listed.
    mentions, profile : optional
        Node attributes (brand and competitor accounts) when ``data`` is a frame.

    Returns
    -------
    DataFrame
        One row per community: ``community``, ``size``, ``top_members`` (list, by PageRank),
        ``internal_weight`` and ``external_weight`` (interactions inside / leaving the community),
        ``brand_share`` and ``competitor_share`` (share of the interactions its members make that
        target brand / competitor accounts; denominator: all interactions made by its members; NaN
        when they made none), ``top_terms`` and ``top_hashtags`` (lists; terms via
        :func:`smanalysis.conversation.text.tokenize` when available, else plain word counts).

    Examples
    --------
    >>> import pandas as pd
    >>> inter = pd.DataFrame({"source": ["a", "b"], "target": ["b", "a"], "kind": "reply", "platform": "x",
    ...                       "created_at": pd.Timestamp("2026-10-01", tz="UTC"),
    ...                       "text": ["kopi susu enak #ngopi", "kopi gula aren #ngopi"]})
    >>> s = community_summary(inter, communities(inter))
    >>> s[["community", "size", "top_hashtags"]]
       community  size top_hashtags
    0          0     2     [#ngopi]
    """
    func = "community_summary"
    _check_membership(membership, func)
    eng = as_engine(data, mentions=mentions, profile=profile, func=func)
    if interactions is None and isinstance(data, pd.DataFrame) and "text" in data.columns \
            and "kind" in data.columns:
        interactions = data
    comm = pd.Series(membership["community"].to_numpy(), index=membership["node"].astype(object).to_numpy())
    comm = comm[~comm.index.duplicated()]
    names = eng.names
    c_node = comm.reindex(names).to_numpy(dtype=float)
    el = np.array(eng.graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = np.asarray(eng.graph.es["weight"], dtype=float)
    attrs = eng.attrs
    isb = attrs["is_brand"].to_numpy(dtype=bool)
    isc = attrs["is_competitor"].to_numpy(dtype=bool)
    e = pd.DataFrame({"cs": c_node[el[:, 0]], "ct": c_node[el[:, 1]], "w": w,
                      "wb": w * isb[el[:, 1]], "wc": w * isc[el[:, 1]]})
    e = e.dropna(subset=["cs"])
    made = e.groupby("cs")[["w", "wb", "wc"]].sum()
    internal = e.loc[e["cs"] == e["ct"]].groupby("cs")["w"].sum()
    pr = pd.Series(pagerank(eng), index=names)
    nodes = pd.DataFrame({"node": names, "community": c_node, "pagerank": pr.to_numpy()}).dropna(subset=["community"])
    nodes = nodes.sort_values(["community", "pagerank", "node"], ascending=[True, False, True])
    out = nodes.groupby("community").agg(size=("node", "size"))
    out["top_members"] = nodes.groupby("community")["node"].agg(lambda s: list(s.head(top)))
    out["internal_weight"] = internal.reindex(out.index).fillna(0.0)
    out["external_weight"] = (made["w"].reindex(out.index).fillna(0.0) - out["internal_weight"])
    total = made["w"].reindex(out.index)
    out["brand_share"] = divide(made["wb"].reindex(out.index), total, func="community_summary", name="brand_share")
    out["competitor_share"] = divide(made["wc"].reindex(out.index), total, func="community_summary",
                                     name="competitor_share")
    out["top_terms"] = [[] for _ in range(len(out))]
    out["top_hashtags"] = [[] for _ in range(len(out))]
    if interactions is not None and "text" in interactions.columns and len(interactions):
        tx = interactions[["source", "text"]].dropna()
        src = tx["source"].astype(str).str.lstrip("@")
        tx = pd.DataFrame({"community": comm.reindex(src.to_numpy()).to_numpy(),
                           "text": tx["text"].astype(str).to_numpy()}).dropna(subset=["community"])
        if len(tx):
            tags = tx.assign(tok=tx["text"].str.lower().str.findall(_HASHTAG.pattern))
            plain = tx["text"].str.replace(_HASHTAG.pattern, " ", regex=True)
            words = tx.assign(tok=list(_tokens(plain.reset_index(drop=True))))
            for col, frame in (("top_terms", words), ("top_hashtags", tags)):
                ex = frame[["community", "tok"]].explode("tok").dropna()
                if len(ex) == 0:
                    continue
                ex = ex.loc[ex["tok"].astype(str).str.len() > 1]
                cnt = ex.groupby(["community", "tok"]).size().reset_index(name="n")
                cnt = cnt.sort_values(["community", "n", "tok"], ascending=[True, False, True])
                lists = cnt.groupby("community")["tok"].agg(lambda s: list(s.head(top)))
                out[col] = [lists.get(c, []) for c in out.index]
    out = out.reset_index()
    out["community"] = out["community"].astype(int)
    return out[["community", "size", "top_members", "internal_weight", "external_weight", "brand_share",
                "competitor_share", "top_terms", "top_hashtags"]]


def brokers(data, membership, *, top=None, betweenness_k="auto", seed=0, mentions=None, profile=None):
    """Accounts that bridge communities (links into two or more), strongest bridges first.

    Parameters
    ----------
    data : networkx.DiGraph, DataFrame
        The network.
    membership : DataFrame
        ``node``, ``community`` (from :func:`communities`).
    top : int, optional
        Return only the first ``top`` brokers.
    betweenness_k, seed
        Betweenness options as in :func:`influencers`.

    Returns
    -------
    DataFrame
        One row per account linked to at least two communities: ``node``, ``community``,
        ``n_communities`` (distinct communities among itself and its neighbours), ``external_weight``
        (interaction weight with other communities), ``external_share`` (denominator: all its
        interaction weight), ``participation`` (Guimerà-Amaral coefficient 1 - sum over communities of
        the squared share of its weight), ``betweenness``, ``brokerage`` (betweenness x participation:
        on many shortest paths *and* spread evenly over communities, in the spirit of Hwang et al.'s
        bridging centrality); sorted by brokerage, then betweenness, then name.

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"source": ["a", "b", "a", "x", "x", "c", "d", "c"],
    ...                   "target": ["b", "a", "x", "a", "c", "d", "c", "x"], "weight": 1.0})
    >>> m = pd.DataFrame({"node": ["a", "b", "x", "c", "d"], "community": [0, 0, 0, 1, 1]})
    >>> brokers(e, m)["node"].tolist()
    ['x', 'c']
    """
    func = "brokers"
    _check_membership(membership, func)
    eng = as_engine(data, mentions=mentions, profile=profile, func=func)
    names = eng.names
    comm = pd.Series(membership["community"].to_numpy(), index=membership["node"].astype(object).to_numpy())
    comm = comm[~comm.index.duplicated()]
    c = comm.reindex(names).to_numpy(dtype=float)
    und = eng.undirected()
    el = np.array(und.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = np.asarray(und.es["weight"], dtype=float)
    both = pd.DataFrame({"v": np.concatenate([el[:, 0], el[:, 1]]),
                         "c": np.concatenate([c[el[:, 1]], c[el[:, 0]]]), "w": np.concatenate([w, w])})
    both = both.dropna(subset=["c"])
    kc = both.groupby(["v", "c"])["w"].sum().reset_index()
    k = kc.groupby("v")["w"].transform("sum")
    kc["share2"] = divide(kc["w"], k, func="brokers", name="participation") ** 2
    kc["own"] = kc["c"].to_numpy() == c[kc["v"].to_numpy()]
    per = kc.groupby("v").agg(total=("w", "sum"), participation=("share2", "sum"), n_other=("own", lambda s: (~s).sum()))
    per["participation"] = 1 - per["participation"]
    ext = kc.loc[~kc["own"]].groupby("v")["w"].sum()
    per["external_weight"] = ext.reindex(per.index).fillna(0.0)
    per = per.loc[per["n_other"] >= 1]
    if betweenness_k is False:
        bc = np.full(eng.n, np.nan)
    else:
        bc = betweenness(eng, k=None if betweenness_k in ("auto", True) else int(betweenness_k), seed=seed)
    v = per.index.to_numpy()
    own_known = ~np.isnan(c[v])
    out = pd.DataFrame({"node": names[v], "community": pd.array(np.where(own_known, c[v], np.nan), dtype="Int64"),
                        "n_communities": per["n_other"].to_numpy() + own_known.astype(int),
                        "external_weight": per["external_weight"].to_numpy(),
                        "external_share": divide(per["external_weight"].to_numpy(), per["total"].to_numpy(), func="brokers",
                                                   name="external_share"),
                        "participation": per["participation"].to_numpy(), "betweenness": bc[v]})
    out = out.loc[out["n_communities"] >= 2]
    out["brokerage"] = out["betweenness"] * out["participation"]
    out = out.sort_values(["brokerage", "betweenness", "node"], ascending=[False, False, True],
                          kind="mergesort").reset_index(drop=True)
    return out.head(top) if top is not None else out
