"""The client's finished dataset (duplicates resolved, handles pseudonymised) kept in the parse cache."""

import warnings

import pandas as pd
import pytest

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.io import cache as pc
from smanalysis.reporting import client as clientmod

PROFILE = "business_name: Toko\nbusiness_model: B2C\ngoal: promotion\nown_accounts: {instagram: toko}\n"
COMMENTS = ("comment_id,post_id,platform,author,text,created_at,is_brand_reply\n"
            "1,a,instagram,budi,hai @toko kopinya enak,2026-10-02T10:00:00Z,false\n"
            "2,a,instagram,toko,makasih @budi,2026-10-02T11:00:00Z,true\n"
            "2,a,instagram,toko,makasih @budi,2026-10-02T11:00:00Z,true\n")


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setenv(pc.CACHE_ENV, str(tmp_path / "cache"))
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    cfg = tmp_path / "toko.yaml"
    cfg.write_text("client: Toko\nprofile: p.yaml\ndata: [comments.csv]\nperiod: 2026-10\nsalt: rahasia-toko-123\n",
                   encoding="utf-8")
    return cfg


def _derived(tmp_path):
    root = tmp_path / "cache" / "derived"
    return sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) if root.is_dir() else []


def _load(cfg, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, ds, _ = clientmod.load_client(cfg, **kw)
    return ds, [(w.category, str(w.message)) for w in caught]


def _own(said):
    """The dataset's warnings, without ResourceWarnings the garbage collector gives meanwhile."""
    return [(c, m) for c, m in said if c is not ResourceWarning]


def _same(a, b):
    for t in clientmod._DATASET_FRAMES:
        pd.testing.assert_frame_equal(getattr(a, t), getattr(b, t))


def test_second_load_reads_the_kept_dataset_and_equals_the_first(client, tmp_path, monkeypatch):
    first, said = _load(client)
    assert len(_derived(tmp_path)) == 1
    # the duplicate comment was resolved (and said), the customer pseudonymised, the brand kept
    assert first.comments["author"].tolist()[1] == "toko" and first.comments["author"].iloc[0] != "budi"
    assert (SMAnalysisWarning, "load_dataset: 1 duplicate row(s) resolved; see Dataset.duplicates") in said
    monkeypatch.setattr("smanalysis.io.load_dataset", lambda *a, **k: pytest.fail("built again"))
    again, said_again = _load(client)
    _same(again, first)
    # a kept dataset says what a fresh one said (other tests' sockets closed meanwhile aside)
    assert _own(said_again) == _own(said)
    assert len(again.duplicates) == 1 and again.comments["text"].iloc[1] == f"makasih @{first.comments['author'].iloc[0]}"


def test_another_salt_language_or_export_is_another_dataset(client, tmp_path):
    _load(client)
    _load(client, lang="en")  # pseudonyms "user_..." instead of "pengguna_..."
    en, _ = _load(client, lang="en")
    assert en.comments["author"].iloc[0].startswith("user_")
    _load(client, pseudonymise=False)
    client.write_text(client.read_text(encoding="utf-8").replace("rahasia-toko-123", "rahasia-lain-456"),
                      encoding="utf-8")
    _load(client)
    (tmp_path / "comments.csv").write_text(COMMENTS + "3,a,instagram,sari,mahal,2026-10-03T10:00:00Z,false\n",
                                           encoding="utf-8")
    ds, _ = _load(client)
    assert len(ds.comments) == 3
    assert len(_derived(tmp_path)) == 5


def test_the_salt_is_not_in_the_cache(client, tmp_path):
    _load(client)
    for f in (tmp_path / "cache" / "derived").rglob("*"):
        if f.is_file():
            assert b"rahasia-toko-123" not in f.read_bytes()


def test_a_dataset_with_a_failed_file_is_not_kept(client, tmp_path):
    (tmp_path / "broken.csv").write_bytes(b"\x00\x01garbage")
    client.write_text(client.read_text(encoding="utf-8").replace("[comments.csv]", "[comments.csv, broken.csv]"),
                      encoding="utf-8")
    ds, _ = _load(client)
    assert len(ds.failed) == 1 and _derived(tmp_path) == []


def test_no_cache_when_it_is_off(client, tmp_path, monkeypatch):
    monkeypatch.setenv(pc.CACHE_ENV, "off")
    ds, _ = _load(client)
    assert len(ds.comments) == 2 and not (tmp_path / "cache").exists()


def test_a_planted_entry_that_fails_its_checks_is_built_again(client, tmp_path):
    first, _ = _load(client)
    entry = tmp_path / "cache" / "derived" / _derived(tmp_path)[0]
    pd.read_parquet(entry / "comments.parquet").drop(columns="text").to_parquet(entry / "comments.parquet")
    again, _ = _load(client)
    _same(again, first)


def test_warm_client_cache_keeps_the_dataset_the_notebook_loads(client, tmp_path, monkeypatch):
    assert clientmod.warm_client_cache(client) == 1
    assert len(_derived(tmp_path)) == 1
    monkeypatch.setattr("smanalysis.io.load_dataset", lambda *a, **k: pytest.fail("built in the notebook"))
    ds, said = _load(client)
    assert len(ds.comments) == 2 and [c for c, _ in said] == [SMAnalysisWarning]


def test_a_stray_warning_during_the_build_is_passed_on_and_the_dataset_still_kept(client, tmp_path, monkeypatch):
    # e.g. the garbage collector closing another test's (or the kernel client's) socket mid-build
    real = clientmod._build_dataset

    def noisy(*a, **k):
        warnings.warn("Unclosed socket", ResourceWarning, stacklevel=1)
        return real(*a, **k)

    monkeypatch.setattr(clientmod, "_build_dataset", noisy)
    first, said = _load(client)
    assert (ResourceWarning, "Unclosed socket") in said  # passed on, not swallowed
    assert len(_derived(tmp_path)) == 1  # and the dataset is kept all the same
    again, said_again = _load(client)
    _same(again, first)
    assert (ResourceWarning, "Unclosed socket") not in said_again  # not replayed as the dataset's own
