import networkx as nx
import numpy as np
import pandas as pd
import pytest
from _network_graphs import interactions

from smanalysis.exceptions import EmptyDataError, SchemaError, SMAnalysisWarning
from smanalysis.network import (Snapshots, community_events, influencers, member_retention, rank_stability,
                                snapshots)
from smanalysis.schema import empty


def _members(period, groups):
    return pd.DataFrame([(period, n, c) for c, members in enumerate(groups) for n in members],
                        columns=["period", "node", "community"])


def _names(prefix, k, start=1):
    return [f"{prefix}{i}" for i in range(start, start + k)]


@pytest.fixture
def evolving():
    """Month 1: A(8) B(4) C(4) D(3) E(3). Month 2: A splits, B dies, C stays, F is born, D+E merge.
    Month 3: A1 contracts, A2 stays, C grows, F and DE stay."""
    a, b, c, d, e, f = (_names("a", 8), _names("b", 4), _names("c", 4), _names("d", 3), _names("e", 3),
                        _names("f", 4))
    m1 = _members(1, [a, b, c, d, e])
    m2 = _members(2, [a[:4], a[4:], c, f, d + e])
    m3 = _members(3, [a[:3], a[4:], c + ["g1", "g2"], f, d + e])
    return pd.concat([m1, m2, m3], ignore_index=True)


def test_community_events(evolving):
    ev = community_events(evolving, min_size=3, change=0.1, stable=False)  # every raw event
    got = [(r.period, r.event, r.previous, r.current) for r in ev.itertuples()]
    assert got == [
        (2, "split", [0], [0, 1]),
        (2, "death", [1], []),
        (2, "continuation", [2], [2]),
        (2, "birth", [], [3]),
        (2, "merge", [3, 4], [4]),
        (3, "contraction", [0], [0]),
        (3, "continuation", [1], [1]),
        (3, "growth", [2], [2]),
        (3, "continuation", [3], [3]),
        (3, "continuation", [4], [4]),
    ]
    split = ev.iloc[0]
    # A (8) -> A1 (4) and A2 (4): Jaccard 4/8 each; all 8 members kept
    assert split["jaccard"] == pytest.approx(0.5) and split["retention"] == 1.0
    assert (split["size_previous"], split["size_current"]) == (8, 8)
    death = ev.iloc[1]
    assert death["retention"] == 0.0 and np.isnan(death["jaccard"])
    assert np.isnan(ev.iloc[3]["retention"])  # birth
    growth = ev.iloc[7]
    assert growth["jaccard"] == pytest.approx(4 / 6) and (growth["size_previous"], growth["size_current"]) == (4, 6)


def test_community_events_threshold(evolving):
    # with a strict threshold the halves of A are no longer matched: A dies, two communities are born
    ev = community_events(evolving.loc[evolving["period"] <= 2], threshold=0.6, min_size=3, change=0.1, stable=False)
    assert ("death", [0]) in [(r.event, r.previous) for r in ev.itertuples()]
    assert sum(ev["event"] == "birth") == 4  # A1, A2, F and DE (D, E each overlap DE by 0.5)
    with pytest.raises(ValueError, match=r"the value for `threshold` must be in \(0, 1\]"):
        community_events(evolving, threshold=0)


def test_community_events_min_size(evolving):
    # communities below min_size are ignored: with min_size=4 D and E (3 each) are not there in month 1,
    # so DE is born in month 2
    ev = community_events(evolving.loc[evolving["period"] <= 2], min_size=4, change=0.1, stable=False)
    assert ("birth", [4]) in [(r.event, r.current) for r in ev.itertuples()]
    assert "merge" not in set(ev["event"])


def test_community_events_needs_communities():
    nodes = pd.DataFrame({"period": [1], "node": ["a"], "pagerank": [1.0]})
    with pytest.raises(SchemaError, match=r"community_events: the snapshot nodes lack required columns \['community'\]"):
        community_events(nodes)


def test_member_retention(evolving):
    mr = member_retention(evolving).set_index("period")
    # month 1: 22 accounts; month 2: a1-a8, c1-c4, d1-d3, e1-e3 (18 kept of 22) + f1-f4 (new); b1-b4 lost
    assert mr.loc[2, ["nodes", "retained", "new", "lost"]].tolist() == [22, 18, 4, 4]
    assert mr.loc[2, "retention"] == pytest.approx(18 / 22)
    assert np.isnan(mr.loc[1, "retention"])


def _monthly():
    rows = []
    # September: x is the hub; October: y is the hub (rank change); an edge at 20:00 UTC on Sep 30 is
    # already October 1 in Jakarta
    rows += [(s, "x", "reply", "2026-09-10") for s in ["a", "b", "c"]] + [("x", "a", "reply", "2026-09-11")]
    rows += [("a", "y", "reply", "2026-09-30 20:00")]
    rows += [(s, "y", "reply", "2026-10-10") for s in ["b", "c"]] + [("a", "x", "reply", "2026-10-12")]
    return interactions(rows)


def test_snapshots_monthly():
    snap = snapshots(_monthly(), freq="M", measures=("strength", "pagerank", "core", "community"))
    assert isinstance(snap, Snapshots)
    ov = snap.overview
    assert [str(p) for p in ov["period"]] == ["2026-09", "2026-10"]
    assert ov["nodes"].tolist() == [4, 5] and ov["edges"].tolist() == [4, 4]
    assert ov["start"].iloc[1] == pd.Timestamp("2026-10-01") and ov["end"].iloc[1] == pd.Timestamp("2026-10-31")
    top = snap.nodes.loc[snap.nodes["rank"] == 1].set_index(snap.nodes.loc[snap.nodes["rank"] == 1, "period"].astype(str))
    assert top.loc["2026-09", "node"] == "x" and top.loc["2026-10", "node"] == "y"
    oct_ = snap.nodes.loc[snap.nodes["period"].astype(str) == "2026-10"].set_index("node")
    assert oct_.loc["y", "in_strength"] == 3.0  # a (Jakarta Oct 1), b, c
    assert {"core", "community"} <= set(snap.nodes.columns)
    # same PageRank as influencers on October alone (local month = UTC Sep 30 17:00 .. Oct 31 16:59)
    inf = influencers(_monthly(), betweenness_k=False)  # whole period, just to exercise both paths
    assert inf["pagerank"].sum() == pytest.approx(1.0)
    oct_rows = _monthly().iloc[4:]
    ref = influencers(oct_rows, betweenness_k=False).set_index("node")["pagerank"]
    np.testing.assert_allclose(oct_["pagerank"].loc[ref.index], ref, atol=1e-12)
    G = snap.graph("2026-10")
    assert isinstance(G, nx.DiGraph) and G["b"]["y"]["weight"] == 1.0 and G.number_of_nodes() == 5
    assert [str(p) for p, _ in snap] == ["2026-09", "2026-10"]
    inf = snap.influencers("2026-10", betweenness_k=False).set_index("node")
    np.testing.assert_allclose(inf.loc[ref.index, "pagerank"], ref, atol=1e-12)


def test_snapshots_weekly_gaps():
    inter = interactions([("a", "b", "reply", "2026-10-01"), ("a", "b", "reply", "2026-10-20"),
                          ("b", "c", "reply", "2026-10-21")])
    with pytest.warns(SMAnalysisWarning, match="2 of 4 periods have no interactions"):
        snap = snapshots(inter, freq="W", timezone="UTC")
    ov = snap.overview
    # weeks (Mon-Sun): Sep 28-Oct 4, Oct 5-11 (empty), Oct 12-18 (empty), Oct 19-25
    assert [str(p) for p in ov["start"].dt.date] == ["2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19"]
    assert ov["nodes"].tolist() == [2, 0, 0, 3]
    assert np.isnan(ov["density"].iloc[1])


def test_snapshots_rolling_window():
    inter = interactions([("a", "b", "reply", "2026-09-05"), ("b", "c", "reply", "2026-10-05"),
                          ("a", "b", "reply", "2026-10-06")])
    snap = snapshots(inter, freq="M", window=2, timezone="UTC")
    e = snap.edges.loc[snap.edges["period"].astype(str) == "2026-10"]
    # October's snapshot covers September and October: a->b twice, b->c once
    assert sorted(zip(e["source"], e["target"], e["weight"])) == [("a", "b", 2.0), ("b", "c", 1.0)]


def test_snapshots_errors():
    inter = _monthly()
    with pytest.raises(ValueError, match=r"snapshots: the value for `freq` must be one of \['D', 'W', 'M'\], but 'Y'"):
        snapshots(inter, freq="Y")
    with pytest.raises(ValueError, match=r"the value for `window` must be a positive int"):
        snapshots(inter, window=0)
    with pytest.raises(ValueError, match=r"the value for `measures` must be a subset of"):
        snapshots(inter, measures=("hits",))
    with pytest.raises(EmptyDataError, match="snapshots: no interactions"):
        snapshots(empty("interactions"))
    with pytest.raises(SchemaError, match="snapshots: the interactions table lacks"):
        snapshots(inter.drop(columns=["source"]))


def test_snapshot_seeds_identical():
    rng = np.random.default_rng(3)
    n = 300
    inter = pd.DataFrame({"source": rng.integers(0, 40, n).astype(str), "target": rng.integers(0, 40, n).astype(str),
                          "kind": "reply", "platform": "x",
                          "created_at": pd.Timestamp("2026-09-01", tz="UTC")
                          + pd.to_timedelta(rng.integers(0, 60 * 86400, n), unit="s")})
    a = snapshots(inter, measures=("pagerank", "community"), seed=9)
    b = snapshots(inter, measures=("pagerank", "community"), seed=9)
    pd.testing.assert_frame_equal(a.nodes, b.nodes)
    pd.testing.assert_frame_equal(a.overview, b.overview)


def test_rank_stability():
    snap = snapshots(_monthly(), freq="M")
    rs = rank_stability(snap, top=1)
    row = rs.iloc[0]
    assert str(row["period"]) == "2026-10" and str(row["previous"]) == "2026-09"
    assert row["newcomers"] == ["y"] and row["dropouts"] == ["x"] and row["top_overlap"] == 0.0
    assert row["common_nodes"] == 4  # a, b, c, x


def test_rank_stability_by_hand():
    nodes = pd.DataFrame({"period": [1] * 4 + [2] * 4, "node": list("abcd") * 2,
                          "pagerank": [0.4, 0.3, 0.2, 0.1, 0.4, 0.2, 0.3, 0.1]})
    row = rank_stability(nodes, top=2).iloc[0]
    # ranks 1,2,3,4 vs 1,3,2,4: rho = 1 - 6 * (0 + 1 + 1 + 0) / (4 * 15) = 0.8
    assert row["spearman"] == pytest.approx(0.8)
    assert row["top_overlap"] == 0.5 and row["newcomers"] == ["c"] and row["dropouts"] == ["b"]
    with pytest.warns(SMAnalysisWarning, match="Spearman correlation undefined"):
        rank_stability(nodes.loc[nodes["node"].isin(["a", "b"])])


def test_snapshots_do_not_mutate():
    data = _monthly()
    before = data.copy(deep=True)
    snapshots(data, measures=("pagerank", "community"))
    pd.testing.assert_frame_equal(data, before)


@pytest.mark.parametrize("func", [rank_stability, community_events, member_retention])
def test_does_not_mutate(func, evolving):
    data = evolving.assign(pagerank=np.linspace(0, 1, len(evolving)))
    before = data.copy(deep=True)
    func(data)
    pd.testing.assert_frame_equal(data, before)


def test_missing_timestamps_left_out_with_warning():
    inter = _monthly()
    inter.loc[0, "created_at"] = pd.NaT
    with pytest.warns(SMAnalysisWarning, match="1 interaction\\(s\\) without a timestamp were left out"):
        snap = snapshots(inter)
    assert snap.overview["interactions"].sum() == len(inter) - 1


def test_single_interaction_snapshot():
    snap = snapshots(interactions([("a", "b", "reply", "2026-10-01")]))
    assert snap.overview[["nodes", "edges"]].iloc[0].tolist() == [2, 1]
    assert snap.nodes["rank"].tolist() == [1, 2]
    assert len(rank_stability(snap)) == 0


def test_community_events_stability_drops_flickers(evolving):
    # month-2 events of the fixture are all confirmed by month 3; month-3 events wait for month 4
    ev = community_events(evolving, min_size=3, change=0.1, stable=True)
    assert [(r.period, r.event) for r in ev.itertuples()] == [
        (2, "split"), (2, "death"), (2, "continuation"), (2, "birth"), (2, "merge")]
    assert ev["confirmed"].tolist() == [True] * 5
    # flickers: B (5) appears in month 2 only; C grows from 5 to 8 in month 2 and is back to 5 in month 3
    a, b, c = _names("a", 6), _names("b", 5), _names("c", 5)
    extra = [f"x{i}" for i in range(3)]
    m = pd.concat([_members(1, [a, c]), _members(2, [a, b, c + extra]), _members(3, [a, c]),
                   _members(4, [a, c])], ignore_index=True)
    raw = community_events(m, min_size=3, change=0.25, stable=False)
    assert {(r.period, r.event) for r in raw.itertuples() if r.event != "continuation"} == {
        (2, "birth"), (2, "growth"), (3, "death"), (3, "contraction")}
    # B's birth is not confirmed (gone in month 3), C's growth neither (5 -> 8 -> 5);
    # B's death in month 3 and C's contraction 8 -> 5 hold in month 4 (B not reborn, C still 5 < 8 x 0.75)
    kept = community_events(m, min_size=3, change=0.25, stable=True)
    assert {(r.period, r.event) for r in kept.itertuples() if r.event != "continuation"} == {
        (3, "death"), (3, "contraction")}
