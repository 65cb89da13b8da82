"""Pseudonymising a whole dataset before a report shows it (smanalysis.reporting.privacy)."""

from types import SimpleNamespace

import pandas as pd

from smanalysis.reporting.privacy import pseudonymise_dataset


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


def test_pseudonymise_dataset_is_stable_per_salt_and_keeps_missing():
    ds = SimpleNamespace(comments=pd.DataFrame({"author": ["Budi", "@budi", None], "text": ["@BUDI.", None, "x"]}))
    a = pseudonymise_dataset(ds, salt="s").comments
    b = pseudonymise_dataset(ds, salt="s").comments
    c = pseudonymise_dataset(ds, salt="other").comments
    assert a["author"].iloc[0] == a["author"].iloc[1] == b["author"].iloc[0] != c["author"].iloc[0]
    assert pd.isna(a["author"].iloc[2]) and pd.isna(a["text"].iloc[1])
    assert a["text"].iloc[0] == "@" + a["author"].iloc[0] + "."
