"""Partitioned conversation/network counts (Dask, Parquet partitions) equal the in-memory ones."""

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")

from smanalysis.partitioned import COUNT_KEYS, combine, finish, mention_counts, partitioned_counts, write_partitions  # noqa: E402

TABLES = [*COUNT_KEYS, "net_sentiment"]


@pytest.fixture(scope="module")
def mentions(sample_dir_module):
    from smanalysis.io import load_dataset

    ds = load_dataset([str(sample_dir_module / "exports")], profile=str(sample_dir_module / "profile.yaml"))
    assert len(ds.mentions) > 1000
    return ds.mentions


@pytest.fixture(scope="module")
def sample_dir_module():
    from pathlib import Path

    d = Path(__file__).resolve().parents[2] / "data" / "sample"
    if not (d / "client.yaml").is_file():
        pytest.skip("no bundled sample")
    return d


@pytest.fixture(scope="module")
def in_memory(mentions):
    return finish(mention_counts(mentions))


def _same(a: dict, b: dict):
    for k in TABLES:
        pd.testing.assert_frame_equal(a[k].reset_index(drop=True), b[k].reset_index(drop=True), obj=k)


def test_partitions_of_a_dask_dataframe_combine_exactly(mentions, in_memory):
    ddf = dd.from_pandas(mentions, npartitions=7)
    _same(partitioned_counts(ddf, scheduler="sync", split_every=3), in_memory)


def test_parquet_partitions_combine_exactly(mentions, in_memory, tmp_path):
    write_partitions(mentions, tmp_path / "m", rows=len(mentions) // 4 + 1)
    assert len(list((tmp_path / "m").glob("*.parquet"))) == 4
    _same(partitioned_counts(tmp_path / "m", scheduler="threads"), in_memory)


def test_counts_add_up(mentions, in_memory):
    n = len(mentions)
    assert in_memory["voice"]["n"].sum() == n and in_memory["sentiment"]["n"].sum() == n
    assert in_memory["intents"]["n"].sum() == n and in_memory["edges"]["n"].sum() == n
    shares = in_memory["voice"].groupby("period")["share"].sum()
    assert ((shares - 1).abs() < 1e-12).all()
    # per brand, the mention counts are the brand's rows
    per_brand = in_memory["voice"].groupby("brand")["n"].sum().sort_index()
    assert per_brand.to_dict() == mentions["brand"].astype(object).fillna("").value_counts().to_dict()


def test_hand_worked_counts():
    m = pd.DataFrame({"brand": ["A", "A", "B", "A"], "author": ["ani", "ani", "budi", "cici"],
                      "text": ["enak banget", "kecewa, pesanan lama banget", "enak", "harga berapa kak?"],
                      "platform": ["x", "x", "x", "instagram"],
                      "created_at": pd.to_datetime(["2026-10-05 01:00", "2026-10-06 00:00", "2026-10-07 00:00", "2026-10-12 00:00"],
                                                   utc=True)})
    parts = [mention_counts(m.iloc[[0, 2]]), mention_counts(m.iloc[[1]]), mention_counts(m.iloc[[3]])]
    c = finish(combine(parts))
    assert c["voice"][["brand", "n", "share"]].values.tolist() == [["A", 2, 2 / 3], ["B", 1, 1 / 3], ["A", 1, 1.0]]
    assert c["net_sentiment"][["brand", "mentions", "net_sentiment", "net_sentiment_all"]].values.tolist() == [
        ["A", 3, 0.0, 0.0], ["B", 1, 1.0, 1.0]]
    e = c["edges"].set_index(["source", "target"])
    assert e.loc[("ani", "A"), "n"] == 2 and e.loc[("ani", "A"), "first"] == pd.Timestamp("2026-10-05 01:00", tz="UTC")
    assert e.loc[("ani", "A"), "last"] == pd.Timestamp("2026-10-06", tz="UTC")
    assert c["terms"].set_index("term").loc["enak", "n"] == 2
    assert c["intents"].values.tolist() == [["A", "complaint", 1], ["A", "praise", 1], ["A", "question", 1],
                                            ["B", "praise", 1]]


def test_a_partition_leaves_no_texts_remembered():
    # a worker scoring partition after partition of distinct texts must not keep them all
    from smanalysis.conversation.care import intents
    from smanalysis.conversation.memo import TextMemo, clear_memos

    seen = []
    memo = TextMemo(lambda t: (seen.append(list(t)), {"n": [len(x) for x in t]})[1], ("n",))
    assert memo(["ab", "c", "ab"])["n"].tolist() == [2, 1, 2]
    assert len(memo) == 2
    assert clear_memos() >= 2 and len(memo) == 0
    assert memo(["ab"])["n"].tolist() == [2] and seen == [["ab", "c"], ["ab"]]  # asked again after forgetting
    intents(["harga berapa kak?"])
    m = pd.DataFrame({"brand": ["A", "A"], "author": ["ani", "budi"], "text": ["enak kak unik123", "kecewa unik456"],
                      "platform": ["x", "x"], "created_at": pd.to_datetime(["2026-10-01", "2026-10-02"], utc=True)})
    mention_counts(m)
    assert len(memo) == 0  # every memo of the process is forgotten, the intents one too
    from smanalysis.conversation import care

    assert "enak kak unik123" not in care._INTENT_MEMO._known


def test_finish_gives_both_net_sentiments_by_the_registry():
    # brand A: 3 positive, 4 neutral, 1 negative -> (3 - 1) / (3 + 1) = 0.5 without neutral, 2 / 8 = 0.25 over all
    counts = {"voice": pd.DataFrame({"period": ["w1"], "brand": ["A"], "n": [8]}),
              "sentiment": pd.DataFrame({"brand": "A", "label": ["positive", "neutral", "negative"], "n": [3, 4, 1]}),
              "terms": pd.DataFrame({"term": ["a"], "n": [1]}), "intents": pd.DataFrame(),
              "edges": pd.DataFrame({"source": ["x"], "target": ["A"], "platform": ["x"], "n": [1]})}
    ns = finish(counts)["net_sentiment"].iloc[0]
    assert (ns["net_sentiment"], ns["net_sentiment_all"]) == (0.5, 0.25)
