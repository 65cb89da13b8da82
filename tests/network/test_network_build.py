import networkx as nx
import numpy as np
import pandas as pd
import pytest
from _network_graphs import interactions

from smanalysis import Profile
from smanalysis.exceptions import EmptyDataError, SchemaError
from smanalysis.network import build_graph, edge_table, from_comments, from_mentions, node_table
from smanalysis.schema import empty

PROFILE = Profile.from_dict({
    "business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
    "own_accounts": {"instagram": "kopisenja.id", "x": "kopisenja_id"},
    "competitors": [{"name": "Kopi Pagi", "accounts": {"instagram": "kopipagi.jogja"}}],
})


@pytest.fixture
def inter():
    return interactions([
        ("ani", "kopisenja.id", "reply", "2026-10-01 10:00"),
        ("ani", "kopisenja.id", "mention", "2026-10-03 10:00"),
        ("@ani", "kopisenja.id", "share", "2026-10-05 10:00"),
        ("budi", "kopipagi.jogja", "reply", "2026-10-02 10:00"),
        ("kopisenja.id", "ani", "reply", "2026-10-04 10:00"),
        ("citra", "citra", "reply", "2026-10-06 10:00"),
    ])


def test_edge_table_counts_kinds_and_times(inter):
    e = edge_table(inter)
    row = e.loc[(e["source"] == "ani") & (e["target"] == "kopisenja.id")].iloc[0]
    # three interactions ani -> brand (the '@' is stripped): 1 reply, 1 mention, 1 share
    assert row["weight"] == 3.0
    assert (row["n_reply"], row["n_mention"], row["n_share"], row["n_like"]) == (1, 1, 1, 0)
    assert row["first"] == pd.Timestamp("2026-10-01 10:00", tz="UTC")
    assert row["last"] == pd.Timestamp("2026-10-05 10:00", tz="UTC")
    assert len(e) == 4  # ani->brand, budi->kopipagi, brand->ani, citra->citra (self-loop kept)
    assert e["weight"].sum() == 6.0
    assert e["source"].cat.categories.equals(e["target"].cat.categories)


def test_edge_table_weight_options(inter):
    binary = edge_table(inter, weight="binary")
    assert binary["weight"].tolist() == [1.0] * 4
    custom = edge_table(inter, weight={"share": 3, "reply": 1})
    row = custom.loc[custom["source"] == "ani"].iloc[0]
    assert row["weight"] == 4.0  # reply 1 + mention 0 + share 3


def test_edge_table_filters(inter):
    e = edge_table(inter, kinds=["reply"], start="2026-10-02", end="2026-10-04")
    # replies on Oct 2..4 (end date inclusive): budi->kopipagi (2nd), brand->ani (4th)
    assert sorted(zip(e["source"].astype(str), e["target"].astype(str))) == [
        ("budi", "kopipagi.jogja"), ("kopisenja.id", "ani")]


def test_edge_table_errors(inter):
    with pytest.raises(SchemaError, match=r"edge_table: the interactions table lacks required columns \['kind'"):
        edge_table(inter.drop(columns=["kind", "created_at"]))
    with pytest.raises(EmptyDataError, match="edge_table: no interactions"):
        edge_table(empty("interactions"))
    with pytest.raises(EmptyDataError, match="no interactions"):
        edge_table(inter, kinds="like")
    with pytest.raises(ValueError, match=r"the value for `kinds` must be a subset of .* but \['retweet'\]"):
        edge_table(inter, kinds=["retweet"])
    with pytest.raises(ValueError, match=r"the value for `weight` must be one of \['count', 'binary'\]"):
        edge_table(inter, weight="sum")
    with pytest.raises(ValueError, match=r"the keys of `weight` must be among"):
        edge_table(inter, weight={"retweet": 1})


def test_single_edge_input():
    one = interactions([("a", "b", "reply", "2026-10-01")])
    e = edge_table(one)
    assert len(e) == 1 and e["weight"].iloc[0] == 1.0
    G = build_graph(one)
    assert list(G.edges) == [("a", "b")]


def test_build_graph_attributes(inter):
    mentions = pd.DataFrame({"mention_id": ["m1", "m2"], "platform": "instagram", "brand": "Kopi Senja",
                             "author": ["ani", "ani"], "text": "x",
                             "created_at": pd.to_datetime(["2026-09-01", "2026-10-01"], utc=True),
                             "author_followers": [900.0, 1200.0]})
    G = build_graph(inter, mentions=mentions, profile=PROFILE)
    assert isinstance(G, nx.DiGraph)
    assert G["ani"]["kopisenja.id"]["weight"] == 3.0
    assert G["ani"]["kopisenja.id"]["n_share"] == 1
    assert G["ani"]["kopisenja.id"]["first"] == "2026-10-01T10:00:00Z"
    assert G.nodes["ani"]["followers"] == 1200.0  # the latest known value
    assert "followers" not in G.nodes["budi"]
    assert G.nodes["kopisenja.id"]["is_brand"] and not G.nodes["ani"]["is_brand"]
    assert G.nodes["kopipagi.jogja"]["is_competitor"]
    assert G.nodes["kopipagi.jogja"]["brand"] == "Kopi Pagi"
    assert G.has_edge("citra", "citra")


def test_node_table_columns(inter):
    nt = node_table(edge_table(inter), profile=PROFILE)
    assert list(nt.columns) == ["platform", "followers", "is_brand", "is_competitor", "brand"]
    assert nt.loc["kopisenja.id", "brand"] == "Kopi Senja"
    assert np.isnan(nt.loc["ani", "followers"])


def test_from_comments():
    c = pd.DataFrame({
        "comment_id": ["1", "2", "3", "4"], "post_id": "p", "platform": "instagram",
        "author": ["ani", "kopisenja.id", "budi", "citra"], "text": ["enak", "makasih kak", "setuju", "hmm"],
        "created_at": pd.Timestamp("2026-10-01", tz="UTC"), "parent_id": [None, "1", "1", "99"],
        "is_brand_reply": [False, True, False, False],
    })
    out = from_comments(c, profile=PROFILE)
    got = list(zip(out["source"], out["target"], out["kind"]))
    # top-level -> post owner (brand handle for instagram from the profile); replies -> parent author;
    # a reply whose parent is not in the table -> the post owner
    assert got == [("ani", "kopisenja.id", "comment"), ("kopisenja.id", "ani", "reply"),
                   ("budi", "ani", "reply"), ("citra", "kopisenja.id", "reply")]
    assert list(out.columns)[:5] == ["source", "target", "kind", "created_at", "platform"]
    with pytest.raises(SchemaError, match="from_comments"):
        from_comments(c.drop(columns=["author"]))
    with pytest.raises(EmptyDataError, match="from_comments"):
        from_comments(empty("comments"))


def test_from_mentions():
    m = pd.DataFrame({"mention_id": ["1", "2", "3"], "platform": ["x", "instagram", "x"],
                      "brand": ["Kopi Senja", "Kopi Pagi", "Kopi Senja"], "author": ["ani", "budi", "citra"],
                      "text": ["ngopi bareng @dewi dan @eka_", "kopinya enak", "self @citra"],
                      "created_at": pd.Timestamp("2026-10-01", tz="UTC")})
    out = from_mentions(m, profile=PROFILE)
    assert list(zip(out["source"], out["target"])) == [("ani", "dewi"), ("ani", "eka_"), ("budi", "kopipagi.jogja")]
    assert set(out["kind"]) == {"mention"}
    no_profile = from_mentions(m.iloc[[1]])
    assert no_profile["target"].tolist() == ["kopipagi"]
    with pytest.raises(EmptyDataError, match="from_mentions"):
        from_mentions(empty("mentions"))


@pytest.mark.parametrize("func", [edge_table, build_graph, lambda d: node_table(d, profile=PROFILE)])
def test_does_not_mutate(inter, func):
    before = inter.copy(deep=True)
    func(inter)
    pd.testing.assert_frame_equal(inter, before)


def test_from_tables_do_not_mutate():
    c = pd.DataFrame({"comment_id": ["1", "2"], "post_id": "p", "platform": "instagram", "author": ["ani", "@budi"],
                      "text": "x", "created_at": pd.Timestamp("2026-10-01", tz="UTC"), "parent_id": [None, "1"],
                      "is_brand_reply": False})
    before = c.copy(deep=True)
    from_comments(c)
    pd.testing.assert_frame_equal(c, before)
    m = pd.DataFrame({"mention_id": ["1"], "platform": "x", "brand": "B", "author": ["ani"], "text": ["@b"],
                      "created_at": pd.Timestamp("2026-10-01", tz="UTC")})
    before = m.copy(deep=True)
    from_mentions(m)
    pd.testing.assert_frame_equal(m, before)


def test_missing_timestamp_counts_but_not_in_first_last(inter):
    df = inter.copy()
    df.loc[1, "created_at"] = pd.NaT
    row = edge_table(df).iloc[0]
    assert row["weight"] == 3.0
    assert row["first"] == pd.Timestamp("2026-10-01 10:00", tz="UTC")


def test_from_dataset_combines_and_deduplicates():
    from smanalysis.network import from_dataset

    inter = interactions([("ani", "kopisenja_id", "mention", "2026-10-01")]).assign(post_id="t1")
    m = pd.DataFrame({"mention_id": ["t1", "m2"], "platform": "x", "brand": "Kopi Senja", "author": ["ani", "budi"],
                      "text": ["@kopisenja_id mantap", "enak"], "created_at": pd.Timestamp("2026-10-01", tz="UTC")})
    c = pd.DataFrame({"comment_id": ["1"], "post_id": "p", "platform": "instagram", "author": ["citra"],
                      "text": ["wah"], "created_at": pd.Timestamp("2026-10-02", tz="UTC"), "is_brand_reply": False})
    out = from_dataset({"interactions": inter, "comments": c, "mentions": m}, profile=PROFILE)
    # the X mention t1 is both an interaction and a mention: counted once
    assert list(zip(out["source"], out["target"], out["origin"])) == [
        ("ani", "kopisenja_id", "interactions"), ("citra", "kopisenja.id", "comments"),
        ("budi", "kopisenja_id", "mentions")]
    with pytest.raises(ValueError, match=r"the value for `include` must be a subset of"):
        from_dataset({}, include=["posts"])
    with pytest.raises(EmptyDataError, match="from_dataset: none of the tables"):
        from_dataset({"interactions": empty("interactions"), "comments": empty("comments"),
                      "mentions": empty("mentions")})
