"""Who spreads the word: centrality per account and a cost-aware shortlist of micro-influencers.

Follower counts and influence are different things (Cha et al. 2010); the best single spreaders
sit in the network core found by k-shell decomposition (Kitsak et al. 2010); and for small budgets
ordinary, modest accounts are the most cost-effective (Bakshy et al. 2011). :func:`influencers`
therefore ranks accounts by a composite of what they *do* in the network, not by followers, and
:func:`shortlist` picks the modest accounts that already talk with the brand's community.

Examples
--------
>>> import pandas as pd
>>> e = pd.DataFrame({"source": ["b", "c", "d", "a"], "target": ["a", "a", "a", "b"], "weight": 1.0})
>>> influencers(e)[["node", "in_strength", "rank"]].head(2)
  node  in_strength  rank
0    a          3.0     1
1    b          1.0     2
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .engine import as_engine, betweenness, check_engine, coreness, hits, pagerank, strength, to_networkx
from .._checks import check_choice
from ..words import LANGS, plural, text

__all__ = ["influencers", "shortlist", "COMPOSITE"]

#: Measures averaged (as percentile ranks) into the composite ``score`` of :func:`influencers`.
COMPOSITE = ("pagerank", "in_strength", "betweenness", "core")
_BETWEENNESS = ("auto", True, False)


def _composite(df, cols):
    """Mean percentile rank (ties averaged) of the given columns, in [0, 1]."""
    pct = [df[c].rank(pct=True, method="average") for c in cols if df[c].notna().any()]
    return pd.concat(pct, axis=1).mean(axis=1) if pct else pd.Series(np.nan, index=df.index)


def _rank(df, score="score"):
    """Sort by score, PageRank, then name; add ``rank`` 1..n."""
    out = df.sort_values([score, "pagerank", "node"], ascending=[False, False, True], kind="mergesort")
    out = out.reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    return out


def influencers(data, *, top=None, betweenness_k="auto", seed=0, damping=0.85, engine="igraph",
                mentions=None, profile=None):
    """One row per account with its centralities and a composite influence rank.

    Parameters
    ----------
    data : networkx.DiGraph, DataFrame
        A graph from :func:`build_graph`, canonical interactions or an edge table.
    top : int, optional
        Return only the ``top`` ranked accounts.
    betweenness_k : "auto", int, True or False
        ``"auto"``/``True``: exact betweenness up to
        :data:`~smanalysis.network.engine.BETWEENNESS_EXACT_MAX` nodes, above that sampled from
        :data:`~smanalysis.network.engine.BETWEENNESS_SAMPLES` sources drawn with ``seed``; an int
        samples that many sources; ``False`` skips it (NaN column, left out of the composite).
    seed : int
        Seed of the betweenness sample.
    damping : float
        PageRank damping factor.
    engine : {"igraph", "networkx"}
        Backend (see :mod:`smanalysis.network.engine`); both give the same numbers.
    mentions, profile : optional
        Node attributes when ``data`` is a frame (followers, is_brand, is_competitor).

    Returns
    -------
    DataFrame
        One row per account, best first: ``node``, ``in_strength`` and ``out_strength`` (weighted
        in/out degree = interactions received/made), ``in_degree``, ``out_degree`` (distinct
        accounts), ``pagerank`` (sums to 1), ``betweenness`` (share of shortest directed paths through
        the node), ``core`` (k-core number of the undirected projection), ``authority``, ``hub`` (HITS,
        each summing to 1), ``followers`` (NaN when unknown), ``is_brand``, ``is_competitor``,
        ``score`` (mean percentile rank of :data:`COMPOSITE`: PageRank, in-strength, betweenness and
        k-core, in [0, 1]), ``rank`` (1 = most influential; ties broken by PageRank then name).

    Raises
    ------
    EmptyDataError
        When there is no interaction.
    ValueError
        On a bad option.

    Examples
    --------
    >>> import pandas as pd
    >>> star = pd.DataFrame({"source": ["b", "c", "d"], "target": ["a", "a", "a"], "weight": 1.0})
    >>> influencers(star)[["node", "in_strength", "core", "rank"]].head(2)
      node  in_strength  core  rank
    0    a          3.0   1.0     1
    1    b          0.0   1.0     2
    """
    func = "influencers"
    check_engine(engine, func)
    if betweenness_k not in _BETWEENNESS and not (isinstance(betweenness_k, int) and betweenness_k > 0):
        raise ValueError(f"{func}: the value for `betweenness_k` must be one of {list(_BETWEENNESS)} or a "
                         f"positive int, but {betweenness_k!r} was passed.")
    eng = as_engine(data, mentions=mentions, profile=profile, func=func)
    return _influencers(eng, top=top, betweenness_k=betweenness_k, seed=seed, damping=damping, engine=engine)


def _influencers(eng, *, top=None, betweenness_k="auto", seed=0, damping=0.85, engine="igraph"):
    if betweenness_k is False:
        bc = np.full(eng.n, np.nan)
    else:
        k = None if betweenness_k in ("auto", True) else int(betweenness_k)
        bc = betweenness(eng, k=k, seed=seed, engine=engine)
    hub, auth = hits(eng, engine=engine)
    if engine == "networkx":
        G = to_networkx(eng)
        ins = np.array([G.in_degree(v, weight="weight") for v in eng.names], dtype=float)
        outs = np.array([G.out_degree(v, weight="weight") for v in eng.names], dtype=float)
        ind = np.array([G.in_degree(v) for v in eng.names], dtype=float)
        outd = np.array([G.out_degree(v) for v in eng.names], dtype=float)
    else:
        ins, outs = strength(eng, "in"), strength(eng, "out")
        ind = np.asarray(eng.graph.degree(mode="in"), dtype=float)
        outd = np.asarray(eng.graph.degree(mode="out"), dtype=float)
    df = eng.frame(in_strength=ins, out_strength=outs, in_degree=ind, out_degree=outd,
                   pagerank=pagerank(eng, damping=damping, engine=engine), betweenness=bc,
                   core=coreness(eng, engine=engine), authority=auth, hub=hub)
    attrs = eng.attrs
    df["followers"] = attrs["followers"].to_numpy(dtype=float)
    df["is_brand"] = attrs["is_brand"].to_numpy(dtype=bool)
    df["is_competitor"] = attrs["is_competitor"].to_numpy(dtype=bool)
    df["score"] = _composite(df, COMPOSITE).to_numpy()
    df = _rank(df)
    return df.head(top) if top is not None else df



def shortlist(data, *, top=10, max_followers=10_000, min_interactions=2, brand=None, profile=None,
              mentions=None, lang="id", influence=None):
    """Cost-aware shortlist of micro-influencers, each with the reason it is on the list.

    Candidates are accounts that are neither the brand nor a competitor, have at most
    ``max_followers`` followers (unknown counts are kept and said so), and interacted with the brand
    (either direction) at least ``min_interactions`` times or reach into the brand's community. The
    brand's community here is its audience: every account that interacted with one of the brand's
    accounts, in either direction.

    Parameters
    ----------
    data : networkx.DiGraph, DataFrame
        A graph, canonical interactions or an edge table.
    top : int
        Length of the list.
    max_followers : float
        Upper bound of followers (nano < 1,000 <= micro <= ``max_followers``).
    min_interactions : int
        Minimum interactions with the brand's accounts, unless the account reaches into the brand's
        community (has neighbours in the brand's audience).
    brand : str or list of str, optional
        Brand handles; default the nodes flagged ``is_brand`` (from ``profile``).
    profile, mentions : optional
        Node attributes when ``data`` is a frame.
    lang : {"id", "en"}
        Language of ``reason``.
    influence : DataFrame, optional
        The :func:`influencers` table of the same network (all accounts) when already computed;
        default computed here with the same defaults. The influence rank a reason quotes is its
        ``rank``, so it always equals the rank in the influencer table.

    Returns
    -------
    DataFrame
        ``node``, ``followers``, ``tier`` (nano|micro|unknown), ``brand_interactions`` (edge weight to
        and from the brand's accounts), ``community_reach`` (distinct neighbours, either
        direction, in the brand's audience, brand accounts excluded), ``pagerank``, ``core``, ``score`` (mean percentile rank of brand_interactions,
        community_reach and pagerank among candidates), ``reason`` (text in ``lang``).
        Empty when no brand account is in the network or no candidate qualifies.

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"source": ["ani", "ani", "budi", "kopi"], "target": ["kopi", "budi", "kopi", "ani"],
    ...                   "weight": [3.0, 1.0, 1.0, 1.0]})
    >>> shortlist(e, brand="kopi", lang="en")[["node", "brand_interactions", "reason"]]
       node  brand_interactions                                             reason
    0   ani                 4.0  4 interactions with the brand; reaches 1 accou...
    1  budi                 1.0  1 interaction with the brand; reaches 1 accoun...
    """
    func = "shortlist"
    check_choice("lang", lang, LANGS, where=func)
    eng = as_engine(data, mentions=mentions, profile=profile, func=func)
    inf = _influencers(eng) if influence is None else influence
    attrs = eng.attrs
    names = eng.names
    if brand is not None:
        brand_set = {brand} if isinstance(brand, str) else set(brand)
    else:
        brand_set = set(names[attrs["is_brand"].to_numpy(dtype=bool)])
    is_brand = np.isin(names, list(brand_set))
    cols = ["node", "followers", "tier", "brand_interactions", "community_reach", "pagerank", "core", "score",
            "reason"]
    if not is_brand.any():
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("followers", "brand_interactions",
                                                             "community_reach", "pagerank", "core", "score")
                                          else object) for c in cols})
    g = eng.graph
    el = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = np.asarray(g.es["weight"], dtype=float)
    bi = np.zeros(eng.n)
    to_brand = is_brand[el[:, 1]]
    np.add.at(bi, el[to_brand, 0], w[to_brand])
    from_brand = is_brand[el[:, 0]]
    np.add.at(bi, el[from_brand, 1], w[from_brand])
    und = eng.undirected()
    uel = np.array(und.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    audience = np.zeros(eng.n, dtype=bool)
    audience[uel[is_brand[uel[:, 0]], 1]] = True
    audience[uel[is_brand[uel[:, 1]], 0]] = True
    in_bc = audience & ~is_brand
    reach = np.zeros(eng.n)
    np.add.at(reach, uel[in_bc[uel[:, 1]], 0], 1)
    np.add.at(reach, uel[in_bc[uel[:, 0]], 1], 1)
    df = pd.DataFrame({"node": names, "followers": attrs["followers"].to_numpy(dtype=float),
                       "brand_interactions": bi, "community_reach": reach,
                       "is_competitor": attrs["is_competitor"].to_numpy(dtype=bool), "is_brand": is_brand})
    df = df.merge(inf[["node", "pagerank", "core", "rank"]], on="node", how="left")
    fol = df["followers"]
    ok = ~df["is_brand"] & ~df["is_competitor"] & ~(fol > max_followers)
    ok &= (df["brand_interactions"] >= min_interactions) | (df["community_reach"] > 0)
    cand = df.loc[ok].copy()
    if len(cand) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    cand["tier"] = np.where(fol[ok].isna(), "unknown", np.where(fol[ok] < 1000, "nano", "micro"))
    cand["score"] = _composite(cand, ["brand_interactions", "community_reach", "pagerank"]).to_numpy()
    cand = cand.sort_values(["score", "brand_interactions", "node"], ascending=[False, False, True],
                            kind="mergesort").head(top).reset_index(drop=True)
    n = eng.n

    def reason(r):
        parts = []
        if r.brand_interactions > 0:
            parts.append(plural("influence.brand", r.brand_interactions, lang, bi=r.brand_interactions))
        if r.community_reach > 0:
            parts.append(plural("influence.reach", r.community_reach, lang, reach=r.community_reach))
        parts.append(text("influence.rank", lang, pr=int(r.rank), n=n))
        if r.core >= 2:
            parts.append(text("influence.core", lang, core=r.core))
        if np.isnan(r.followers):
            parts.append(text("influence.unknown_followers", lang))
        else:
            parts.append(text("influence.followers", lang,
                              f=f"{int(r.followers):,}".replace(",", "." if lang == "id" else ","),
                              tier=text(f"tier.{r.tier}", lang)))
        return "; ".join(parts)

    cand["reason"] = [reason(r) for r in cand.itertuples(index=False)]
    return cand[cols]
