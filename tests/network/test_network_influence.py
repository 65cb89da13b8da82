import networkx as nx
import numpy as np
import pandas as pd
import pytest
from _network_graphs import chain, cliques, edges, interactions, star

from smanalysis import Profile
from smanalysis.exceptions import EmptyDataError
from smanalysis.network import build_graph, engine, influencers, shortlist
from smanalysis.schema import empty


def _by_node(df, col):
    return df.set_index("node")[col]


def test_star():
    inf = influencers(star())
    assert inf["node"].iloc[0] == "h" and inf["rank"].iloc[0] == 1
    s = inf.set_index("node")
    assert s.loc["h", "in_strength"] == 4.0 and s.loc["l1", "out_strength"] == 1.0
    assert (s["core"] == 1.0).all()  # a star is a 1-core
    assert (s["betweenness"] == 0.0).all()  # the hub has no out-edges, so no path passes through it
    assert s.loc["h", "authority"] == pytest.approx(1.0)
    assert s.loc[["l1", "l2", "l3", "l4"], "hub"].tolist() == pytest.approx([0.25] * 4)
    assert s["pagerank"].sum() == pytest.approx(1.0)
    assert s.loc["h", "pagerank"] > s.loc["l1", "pagerank"] == pytest.approx(s.loc["l4", "pagerank"])


def test_chain():
    s = influencers(chain()).set_index("node")
    # d receives everything that flows down the chain, a only teleport mass
    pr = s["pagerank"]
    assert pr["d"] > pr["c"] > pr["b"] > pr["a"]
    # directed betweenness: b is on a->c and a->d, c on a->d and b->d; normalised by (n-1)(n-2) = 6
    assert s["betweenness"].to_dict() == pytest.approx({"a": 0.0, "b": 2 / 6, "c": 2 / 6, "d": 0.0})
    assert (s["core"] == 1.0).all()


def test_two_cliques_bridge():
    s = influencers(cliques()).set_index("node")
    core = s["core"].to_dict()
    # K4 members have 3 neighbours inside their 4-clique: 3-core; x has only 2 neighbours: 2-core
    assert core == {**{f"{c}{i}": 3.0 for c in "ab" for i in range(1, 5)}, "x": 2.0}
    # x lies on all 2 * 4 * 4 = 32 ordered paths between the cliques; a1 (and b1) on 2 * 3 * 5 = 30
    n = 9
    assert s.loc["x", "betweenness"] == pytest.approx(32 / ((n - 1) * (n - 2)))
    assert s.loc["a1", "betweenness"] == pytest.approx(30 / ((n - 1) * (n - 2)))
    assert s["betweenness"].idxmax() == "x"
    pr = s["pagerank"]
    # a1/b1: four in-links; other clique members three; x two in-links from 4-degree nodes
    assert pr["a1"] == pytest.approx(pr["b1"])
    assert pr["a1"] > pr["a2"] == pytest.approx(pr["b4"])
    assert pr["a2"] > pr["x"]


def _random_edges(seed, n=40, m=200):
    rng = np.random.default_rng(seed)
    e = pd.DataFrame({"source": rng.integers(0, n, m).astype(str), "target": rng.integers(0, n, m).astype(str),
                      "weight": rng.integers(1, 5, m).astype(float)})
    e = e.loc[e["source"] != e["target"]].groupby(["source", "target"], as_index=False)["weight"].sum()
    return e


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_igraph_matches_networkx(seed):
    e = _random_edges(seed)
    G = nx.DiGraph()
    G.add_weighted_edges_from(e.itertuples(index=False))
    fast = influencers(e).set_index("node")
    nodes = list(fast.index)
    pr = nx.pagerank(G, weight="weight", tol=1e-12, max_iter=1000)
    np.testing.assert_allclose(fast["pagerank"], [pr[v] for v in nodes], atol=1e-6)
    core = nx.core_number(nx.Graph(G.to_undirected()))
    assert fast["core"].tolist() == [core[v] for v in nodes]
    bc = nx.betweenness_centrality(G, normalized=True)
    np.testing.assert_allclose(fast["betweenness"], [bc[v] for v in nodes], atol=1e-12)
    hub, auth = nx.hits(G, max_iter=10_000, tol=1e-12)
    np.testing.assert_allclose(fast["hub"], [hub[v] for v in nodes], atol=1e-6)
    np.testing.assert_allclose(fast["authority"], [auth[v] for v in nodes], atol=1e-6)
    assert fast["in_strength"].tolist() == [G.in_degree(v, weight="weight") for v in nodes]
    slow = influencers(G, engine="networkx").set_index("node").loc[nodes]
    for col in ["pagerank", "betweenness", "core", "hub", "authority", "in_strength", "out_strength"]:
        np.testing.assert_allclose(fast[col], slow[col], atol=1e-6)


def test_graph_and_frame_paths_agree():
    inter = interactions([("a", "b", "reply", "2026-10-01"), ("a", "b", "share", "2026-10-02"),
                          ("b", "c", "reply", "2026-10-03"), ("c", "a", "mention", "2026-10-04"),
                          ("d", "a", "reply", "2026-10-05")])
    from_frame = influencers(inter)
    from_graph = influencers(build_graph(inter))
    pd.testing.assert_frame_equal(from_frame, from_graph)


def test_sampled_betweenness_seeded():
    e = _random_edges(4, n=60, m=300)
    a = influencers(e, betweenness_k=10, seed=7)
    b = influencers(e, betweenness_k=10, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a.set_index("node")["betweenness"],
                           influencers(e).set_index("node").loc[a["node"], "betweenness"])


def test_betweenness_auto_switches_to_sampling(monkeypatch):
    monkeypatch.setattr(engine, "BETWEENNESS_EXACT_MAX", 5)
    monkeypatch.setattr(engine, "BETWEENNESS_SAMPLES", 3)
    eng = engine.as_engine(edges([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f")]))
    # 6 nodes > 5: sampled from 3 seeded sources, scaled by n / k
    np.testing.assert_allclose(engine.betweenness(eng, seed=0), engine.betweenness(eng, k=3, seed=0))


def test_no_betweenness_and_top():
    inf = influencers(cliques(), betweenness_k=False, top=3)
    assert len(inf) == 3 and inf["betweenness"].isna().all()
    assert inf["rank"].tolist() == [1, 2, 3]


def test_errors():
    with pytest.raises(EmptyDataError, match="influencers: no interactions"):
        influencers(empty("interactions"))
    with pytest.raises(EmptyDataError, match="influencers: the graph has no nodes"):
        influencers(nx.DiGraph())
    with pytest.raises(ValueError, match=r"the value for `engine` must be one of \['igraph', 'networkx'\], but 'gephi'"):
        influencers(star(), engine="gephi")
    with pytest.raises(ValueError, match=r"the value for `betweenness_k` must be one of"):
        influencers(star(), betweenness_k="all")
    with pytest.raises(ValueError, match=r"the value for `lang` must be one of \['id', 'en'\]"):
        shortlist(star(), lang="fr")


def test_single_edge():
    inf = influencers(edges([("a", "b")])).set_index("node")
    assert inf.loc["b", "rank"] == 1
    assert inf["betweenness"].tolist() == [0.0, 0.0]
    assert inf["core"].tolist() == [1.0, 1.0]


def test_graph_without_edges():
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b"])
    inf = influencers(G)
    assert inf["pagerank"].tolist() == pytest.approx([0.5, 0.5])
    assert inf["in_strength"].tolist() == [0.0, 0.0]


PROFILE = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                             "own_accounts": {"instagram": "kopi"},
                             "competitors": [{"name": "Kopi Pagi", "accounts": {"instagram": "pagi"}}]})


def _brand_net():
    rows = []
    rows += [("ani", "kopi", "reply", "2026-10-01")] * 4 + [("kopi", "ani", "reply", "2026-10-02")]
    rows += [("budi", "kopi", "mention", "2026-10-03")] * 2
    rows += [("ani", "budi", "reply", "2026-10-03"), ("budi", "ani", "reply", "2026-10-03")]
    rows += [("star", "kopi", "share", "2026-10-04")] * 6  # celebrity: too many followers
    rows += [("pagi", "kopi", "reply", "2026-10-04")]  # competitor
    rows += [("eko", "pagi", "reply", "2026-10-04")]  # talks only to the competitor
    return interactions(rows)


def test_shortlist():
    inter = _brand_net()
    mentions = pd.DataFrame({"mention_id": ["1", "2", "3"], "platform": "instagram", "brand": "Kopi Senja",
                             "author": ["ani", "budi", "star"], "text": "x",
                             "created_at": pd.Timestamp("2026-10-01", tz="UTC"),
                             "author_followers": [800.0, 5000.0, 250_000.0]})
    sl = shortlist(inter, profile=PROFILE, mentions=mentions, lang="en")
    assert list(sl.columns) == ["node", "followers", "tier", "brand_interactions", "community_reach", "pagerank",
                                "core", "score", "reason"]
    assert "star" not in set(sl["node"]) and "pagi" not in set(sl["node"]) and "kopi" not in set(sl["node"])
    s = sl.set_index("node")
    assert s.loc["ani", "brand_interactions"] == 5.0  # 4 replies to the brand + 1 reply from it
    assert s.loc["budi", "brand_interactions"] == 2.0
    assert s.loc["ani", "tier"] == "nano" and s.loc["budi", "tier"] == "micro"
    assert sl["node"].iloc[0] == "ani"
    assert s.loc["ani", "reason"].startswith("5 interactions with the brand")
    assert "800 followers (nano)" in s.loc["ani", "reason"]
    id_ = shortlist(inter, profile=PROFILE, mentions=mentions)
    assert "5 interaksi dengan merek" in id_.set_index("node").loc["ani", "reason"]


def test_shortlist_without_brand_is_empty():
    sl = shortlist(star())
    assert len(sl) == 0 and "reason" in sl.columns


@pytest.mark.parametrize("func", [influencers, lambda d: shortlist(d, profile=PROFILE)])
def test_does_not_mutate(func):
    inter = _brand_net()
    before = inter.copy(deep=True)
    func(inter)
    pd.testing.assert_frame_equal(inter, before)
