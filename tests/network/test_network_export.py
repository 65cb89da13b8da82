import networkx as nx
import pandas as pd
import pytest
from _network_graphs import edges, interactions

from smanalysis.exceptions import EmptyDataError
from smanalysis.network import build_graph, gexf_spells, write_gexf, write_graphml
from smanalysis.schema import empty


@pytest.fixture
def inter():
    return interactions([
        ("ani", "kopi", "reply", "2026-08-10"), ("ani", "kopi", "reply", "2026-09-03"),
        ("ani", "kopi", "mention", "2026-11-02"), ("budi", "kopi", "share", "2026-09-20"),
        ("kopi", "budi", "reply", "2026-09-30 18:00"),  # 1 Oct 01:00 in Jakarta
    ])


def test_spells_monthly(inter):
    sp = gexf_spells(inter, freq="M")
    e = sp.loc[sp["id"] == "ani->kopi"]
    # active Aug and Sep (merged: consecutive months), then Nov
    assert list(zip(e["start"], e["end"], e["interactions"])) == [("2026-08-01", "2026-09-30", 2),
                                                                 ("2026-11-01", "2026-11-30", 1)]
    kb = sp.loc[sp["id"] == "kopi->budi"]
    assert list(zip(kb["start"], kb["end"])) == [("2026-10-01", "2026-10-31")]  # local (Jakarta) month
    kopi = sp.loc[sp["id"] == "kopi"]
    assert list(zip(kopi["start"], kopi["end"], kopi["interactions"])) == [("2026-08-01", "2026-11-30", 5)]


def test_spells_first_to_last(inter):
    sp = gexf_spells(inter)
    e = sp.loc[sp["id"] == "ani->kopi"].iloc[0]
    assert (e["start"], e["end"], e["interactions"]) == ("2026-08-10", "2026-11-02", 3)


def test_gexf_round_trip(inter, tmp_path):
    path = write_gexf(inter, tmp_path / "net.gexf", freq="M")
    G = build_graph(inter)
    H = nx.read_gexf(path)
    assert H.graph["mode"] == "dynamic"
    assert set(H.nodes) == set(G.nodes)
    assert set(H.edges) == set(G.edges)
    sp = gexf_spells(inter, freq="M")
    for (element, id_), g in sp.groupby(["element", "id"]):
        expected = list(zip(g["start"], g["end"]))
        got = H.nodes[id_]["spells"] if element == "node" else H.edges[tuple(id_.split("->"))]["spells"]
        assert got == expected
    assert H.edges["ani", "kopi"]["weight"] == 3.0
    assert H.edges["ani", "kopi"]["interactions"] == [(2, "2026-08-01", "2026-09-30"), (1, "2026-11-01", "2026-11-30")]
    assert {"community", "pagerank"} <= set(H.nodes["kopi"])
    text = path.read_text(encoding="utf-8")
    assert 'timeformat="date"' in text and '<spell start="2026-08-01" end="2026-09-30"' in text


def test_gexf_from_graph(inter, tmp_path):
    G = build_graph(inter)
    H = nx.read_gexf(write_gexf(G, tmp_path / "g.gexf"))
    assert H.edges["ani", "kopi"]["spells"] == [("2026-08-10", "2026-11-02")]
    assert H.nodes["budi"]["spells"] == [("2026-09-20", "2026-10-01")]


def test_graphml_round_trip(inter, tmp_path):
    H = nx.read_graphml(write_graphml(inter, tmp_path / "net.graphml"))
    G = build_graph(inter)
    assert set(H.edges) == set(G.edges)
    assert H.edges["ani", "kopi"]["weight"] == 3.0
    assert H.edges["ani", "kopi"]["n_mention"] == 1
    H2 = nx.read_graphml(write_graphml(edges([("a", "b")]), tmp_path / "e.graphml"))
    assert list(H2.edges) == [("a", "b")]


def test_errors(inter, tmp_path):
    with pytest.raises(ValueError, match=r"write_gexf: the value for `freq` must be one of \[None, 'D', 'W', 'M'\]"):
        write_gexf(inter, tmp_path / "x.gexf", freq="Y")
    with pytest.raises(EmptyDataError):
        write_gexf(empty("interactions"), tmp_path / "x.gexf")
    with pytest.raises(EmptyDataError, match="gexf_spells: no interactions"):
        gexf_spells(empty("interactions"))


@pytest.mark.parametrize("func", ["spells", "gexf", "graphml"])
def test_does_not_mutate(inter, tmp_path, func):
    before = inter.copy(deep=True)
    {"spells": lambda: gexf_spells(inter, freq="W"), "gexf": lambda: write_gexf(inter, tmp_path / "a.gexf"),
     "graphml": lambda: write_graphml(inter, tmp_path / "a.graphml")}[func]()
    pd.testing.assert_frame_equal(inter, before)


def test_write_gexf_13_with_isolated_mention_authors(tmp_path):
    import networkx as nx

    from smanalysis.network import write_gexf

    inter = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "kind": "reply", "platform": "x",
                          "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-09 03:00"], utc=True)})
    # "zed" only mentions the brand (no interaction): it used to raise KeyError ('node', 'zed')
    mentions = pd.DataFrame({"author": ["@zed", "zed", "a"], "author_followers": [50.0, 55.0, 10.0],
                             "created_at": pd.to_datetime(["2026-10-03 20:00", "2026-10-20 02:00",
                                                           "2026-10-05 02:00"], utc=True)})
    path = write_gexf(inter, tmp_path / "net.gexf", freq="M", mentions=mentions, communities=False)
    text = path.read_text(encoding="utf-8")
    assert 'version="1.3"' in text and 'xmlns="http://gexf.net/1.3"' in text
    G = nx.read_gexf(path)
    # zed: first mention 2026-10-04 local (20:00 UTC = 03:00 Jakarta), last 2026-10-20
    assert G.nodes["zed"]["spells"] == [("2026-10-04", "2026-10-20")]
    assert G.nodes["a"]["spells"] == [("2026-10-01", "2026-10-31")]  # from the interactions, monthly
    assert G.nodes["zed"]["followers"] == 55.0 and G.degree("zed") == 0
