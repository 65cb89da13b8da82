import networkx as nx
import numpy as np
import pandas as pd
import pytest
from _network_graphs import cliques, edges, interactions

from smanalysis import Profile
from smanalysis.exceptions import SchemaError, SMAnalysisWarning
from smanalysis.network import brokers, communities, community_summary, engine, overview

A = {f"a{i}" for i in range(1, 5)}
B = {f"b{i}" for i in range(1, 5)}


def _groups(df):
    return {frozenset(g["node"]) for _, g in df.groupby("community")}


@pytest.mark.parametrize("eng", ["igraph", "networkx"])
def test_two_cliques_found_by_both_engines(eng):
    df = communities(cliques(), seed=1, engine=eng)
    groups = _groups(df)
    assert len(groups) == 2
    # the cliques are separated; the bridge x joins one of them
    assert {frozenset(A | {"x"}), frozenset(B)} == groups or {frozenset(A), frozenset(B | {"x"})} == groups
    assert df.set_index("node")["community_size"].loc["x"] == 5
    assert df["community"].max() == 1  # ids 0.. by size


def test_modularity_identical_both_ways():
    e = cliques()
    df = communities(e, seed=3)
    eng = engine.as_engine(e)
    Gu = engine.to_networkx(eng, directed=False)
    q_nx = nx.community.modularity(Gu, [set(g) for g in _groups(df)], weight="weight")
    assert df.attrs["modularity"] == pytest.approx(q_nx, abs=1e-12)
    # by hand: undirected weights 2 per pair (both directions); m = 2 * (6 + 6 + 2) = 28;
    # partition A+x | B: L_in = 2*(6+1) = 14, 2*6 = 12; degrees d(A+x) = 2*(3*4+1+2) = 30, d(B) = 2*(12+1) = 26
    q = (14 / 28 - (30 / 56) ** 2) + (12 / 28 - (26 / 56) ** 2)
    assert df.attrs["modularity"] == pytest.approx(q)


def test_seeds_give_identical_partitions():
    rng = np.random.default_rng(0)
    e = pd.DataFrame({"source": rng.integers(0, 80, 400).astype(str), "target": rng.integers(0, 80, 400).astype(str),
                      "weight": 1.0})
    e = e.loc[e["source"] != e["target"]]
    for eng in ["igraph", "networkx"]:
        a = communities(e, seed=42, engine=eng)
        b = communities(e, seed=42, engine=eng)
        pd.testing.assert_frame_equal(a, b)


def test_seeding_does_not_leak_into_global_random():
    import random

    random.seed(5)
    expected = random.random()
    random.seed(5)
    communities(cliques(), seed=1)
    assert random.random() == expected


def test_single_edge_and_no_edges():
    df = communities(edges([("a", "b")]))
    assert df["community"].tolist() == [0, 0] and df.attrs["modularity"] == 0.0
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b"])
    with pytest.warns(SMAnalysisWarning, match="modularity is undefined"):
        df = communities(G)
    assert np.isnan(df.attrs["modularity"]) and sorted(df["community"]) == [0, 1]


def test_bad_engine():
    with pytest.raises(ValueError, match=r"communities: the value for `engine` must be one of"):
        communities(cliques(), engine="leiden")


def test_brokers_bridge_node_first():
    e = cliques()
    memb = communities(e, seed=1)
    br = brokers(e, memb)
    assert br["node"].iloc[0] == "x"
    row = br.iloc[0]
    assert row["n_communities"] == 2
    # x's undirected weight: 2 to a1 and 2 to b1; half of it leaves its community
    assert row["external_share"] == pytest.approx(0.5)
    assert row["participation"] == pytest.approx(0.5)  # 1 - (0.5^2 + 0.5^2)
    assert row["brokerage"] == pytest.approx(row["betweenness"] * 0.5)
    # only x and the attachment node of the other clique touch two communities
    assert len(br) == 2
    assert set(br["node"]) <= {"x", "a1", "b1"}


def test_brokers_membership_errors():
    with pytest.raises(SchemaError, match=r"brokers: `membership` must be a frame with columns \['node', 'community'\]"):
        brokers(cliques(), pd.DataFrame({"node": ["a1"]}))


PROFILE = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                             "own_accounts": {"instagram": "kopi"},
                             "competitors": [{"name": "Kopi Pagi", "accounts": {"instagram": "pagi"}}]})


def _talk():
    rows = [("ani", "kopi", "reply", "2026-10-01", "kopi susu gula aren enak #ngopi"),
            ("budi", "kopi", "reply", "2026-10-01", "kopi susu mantap #ngopi #jogja"),
            ("ani", "budi", "reply", "2026-10-01", "ayo ngopi kopi susu"),
            ("eko", "pagi", "reply", "2026-10-02", "roti bakar pagi #sarapan"),
            ("fajar", "pagi", "reply", "2026-10-02", "roti bakar hangat #sarapan"),
            ("eko", "fajar", "reply", "2026-10-02", "roti enak"),
            ("eko", "fajar", "reply", "2026-10-02", "roti lagi")]
    inter = interactions([r[:4] for r in rows])
    inter["text"] = [r[4] for r in rows]
    return inter


def test_community_summary():
    inter = _talk()
    memb = communities(inter, seed=0)
    s = community_summary(inter, memb, profile=PROFILE, top=2)
    assert list(s.columns) == ["community", "size", "top_members", "internal_weight", "external_weight",
                               "brand_share", "competitor_share", "top_terms", "top_hashtags"]
    by_member = {m: row for row in s.itertuples() for m in row.top_members}
    brand_side = by_member["kopi"]
    comp_side = by_member["pagi"]
    assert brand_side.size == 3 and comp_side.size == 3
    # brand side: ani and budi make 3 interactions, 2 at the brand
    assert brand_side.brand_share == pytest.approx(2 / 3) and brand_side.competitor_share == 0.0
    # competitor side: eko and fajar make 4, 2 at the competitor
    assert comp_side.competitor_share == pytest.approx(2 / 4)
    assert brand_side.top_hashtags == ["#ngopi", "#jogja"]
    assert comp_side.top_hashtags == ["#sarapan"]
    assert "kopi" in brand_side.top_terms and "susu" in brand_side.top_terms
    assert comp_side.top_terms[0] == "roti"
    assert brand_side.internal_weight == 3.0 and brand_side.external_weight == 0.0


def test_overview_star_and_single_edge():
    star = edges([(leaf, "h") for leaf in ["l1", "l2", "l3", "l4"]] + [("h", "h")])
    ov = overview(star).iloc[0]
    assert ov["nodes"] == 5 and ov["edges"] == 4 and ov["self_loops"] == 1
    assert ov["interactions"] == 5.0 and ov["duplicate_interactions"] == 0.0
    assert ov["density"] == pytest.approx(4 / 20)
    assert ov["reciprocity"] == 0.0
    assert ov["components"] == 1 and ov["largest_component_share"] == 1.0
    # 4 hub-leaf pairs at distance 1, 6 leaf-leaf pairs at distance 2: (4 + 12) / 10
    assert ov["avg_path_length"] == pytest.approx(1.6) and ov["diameter"] == 2.0
    assert ov["pendants_share"] == pytest.approx(4 / 5) and ov["isolates_share"] == 0.0
    one = overview(edges([("a", "b"), ("b", "a")], weight=3.0)).iloc[0]
    assert one["reciprocity"] == 1.0 and one["duplicate_interactions"] == 4.0  # 6 interactions on 2 pairs


def test_overview_no_edges_warns():
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", "c"])
    with pytest.warns(SMAnalysisWarning, match="no edges between distinct accounts"):
        ov = overview(G).iloc[0]
    assert np.isnan(ov["reciprocity"]) and ov["isolates_share"] == 1.0 and ov["components"] == 3


def test_overview_sampled_paths(monkeypatch):
    from smanalysis.network import metrics

    monkeypatch.setattr(metrics, "PATHS_EXACT_MAX", 10)
    monkeypatch.setattr(metrics, "PATH_SAMPLES", 5)
    chain = edges([(str(i), str(i + 1)) for i in range(30)])
    a, b = overview(chain, seed=3).iloc[0], overview(chain, seed=3).iloc[0]
    assert a["paths_sampled"] and a["avg_path_length"] == b["avg_path_length"]
    assert a["diameter"] <= 30


@pytest.mark.parametrize("func", [
    lambda d: communities(d), lambda d: community_summary(d, communities(d)),
    lambda d: brokers(d, communities(d)), lambda d: overview(d)])
def test_does_not_mutate(func):
    inter = _talk()
    before = inter.copy(deep=True)
    func(inter)
    pd.testing.assert_frame_equal(inter, before)
