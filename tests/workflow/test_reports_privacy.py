"""Pseudonymising a whole dataset before a report shows it (smanalysis.reporting.privacy)."""

from types import SimpleNamespace

import pandas as pd

from smanalysis.reporting.privacy import pseudonym_map, pseudonymise_dataset, pseudonymise_frame


def test_pseudonym_map_keeps_brand_and_is_stable():
    m = pseudonym_map(pd.Series(["budi", "@Sari", "kopisenja.id", None, "budi"]), keep={"KopiSenja.id"}, salt="s")
    assert sorted(m) == ["Sari", "budi"]
    assert m == pseudonym_map(["budi", "Sari"], salt="s")  # stable
    assert m != pseudonym_map(["budi", "Sari"], salt="other")  # the salt matters
    assert len(set(m.values())) == 2 and not set(m.values()) & {"budi", "Sari"}


def test_pseudonymise_frame_handles_and_mentions_in_text():
    df = pd.DataFrame({"author": ["budi", "Budi", "kopisenja.id", None],
                       "text": ["@budi. hai", "cc @sari dan @kopisenja.id", None, "tanpa mention"]})
    m = {"budi": "user_1", "sari": "user_2"}
    out = pseudonymise_frame(df, m, columns=["author"], text_columns=["text"])
    assert out["author"].tolist()[:3] == ["user_1", "user_1", "kopisenja.id"] and pd.isna(out["author"].iloc[3])
    texts = out["text"].tolist()
    assert texts[:2] + texts[3:] == ["@user_1. hai", "cc @user_2 dan @kopisenja.id", "tanpa mention"]
    assert pd.isna(texts[2])
    assert df["author"].iloc[0] == "budi" and df["text"].iloc[0] == "@budi. hai"  # not mutated


def test_pseudonymise_dataset_consistent_across_tables():
    ds = SimpleNamespace(
        comments=pd.DataFrame({"author": ["budi", "kopisenja.id"],
                               "text": ["<script>x</script> @sari", "makasih @budi"]}),
        mentions=pd.DataFrame({"author": ["sari"], "text": ["@kopipagi.jogja mahal"]}),
        interactions=pd.DataFrame({"source": ["budi", "sari"], "target": ["kopisenja.id", "budi"],
                                   "text": [None, None]}),
        posts=pd.DataFrame({"account": ["kopisenja.id", "kopipagi.jogja"], "caption": ["@budi menang", "x"]}),
        followers=pd.DataFrame({"account": ["kopisenja.id"]}),
    )
    out = pseudonymise_dataset(ds, keep={"kopisenja.id", "kopipagi.jogja"}, salt="k")
    budi = out.comments["author"].iloc[0]
    sari = out.mentions["author"].iloc[0]
    assert budi not in ("budi", "kopisenja.id") and sari != "sari"
    assert out.interactions["source"].tolist() == [budi, sari]
    assert out.interactions["target"].tolist() == ["kopisenja.id", budi]
    assert out.comments["text"].tolist() == [f"<script>x</script> @{sari}", f"makasih @{budi}"]
    assert out.posts["account"].tolist() == ["kopisenja.id", "kopipagi.jogja"]
    assert out.posts["caption"].iloc[0] == f"@{budi} menang"
    assert out.mentions["text"].iloc[0] == "@kopipagi.jogja mahal"
    assert ds.comments["author"].iloc[0] == "budi"  # the input dataset is untouched
    assert out.followers is ds.followers
