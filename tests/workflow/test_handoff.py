"""The hand-off of the report's dataset (smanalysis.reporting.handoff, client.warm_client_cache): the
exports are parsed once, the dataset is built from those tables in memory and kept first, the
parsed files are stored after it; the same dataset as a cold load and as a re-run from the parse
cache; a failed store is said and does not fail the report; the cache is complete when the run ends."""

import shutil
import warnings

import nbformat
import pandas as pd
import papermill
import pytest

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.io import cache as pc
from smanalysis.reporting import client as clientmod
from smanalysis.reporting import handoff, kernel
from smanalysis.reporting.runner import run_client

PROFILE = "business_name: Toko\nbusiness_model: B2C\ngoal: promotion\nown_accounts: {instagram: toko}\n"
COMMENTS = ("comment_id,post_id,platform,author,text,created_at,is_brand_reply\n"
            "1,a,instagram,budi,hai @toko kopinya enak,2026-10-02T10:00:00Z,false\n"
            "2,a,instagram,toko,makasih @budi,2026-10-02T11:00:00Z,true\n"
            "2,a,instagram,toko,makasih @budi,2026-10-02T11:00:00Z,true\n")
FOLLOWERS = "date,platform,account,followers\n2026-10-01,instagram,toko,1200\n2026-10-02,instagram,toko,1210\n"


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setenv(pc.CACHE_ENV, str(tmp_path / "cache"))
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    (tmp_path / "followers.csv").write_text(FOLLOWERS, encoding="utf-8")
    cfg = tmp_path / "toko.yaml"
    cfg.write_text("client: Toko\nprofile: p.yaml\ndata: [comments.csv, followers.csv]\nperiod: 2026-10\n"
                   "salt: rahasia-toko-123\n", encoding="utf-8")
    return cfg


def _entries(root):
    return sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) if root.is_dir() else []


def _load(cfg):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, ds, _ = clientmod.load_client(cfg)
    return ds, [(w.category, str(w.message)) for w in caught if w.category is not ResourceWarning]


def test_the_dataset_is_kept_first_and_the_parsed_files_after_it(client, tmp_path, monkeypatch):
    jobs = []
    assert clientmod.warm_client_cache(client, later=jobs.append) == 2
    cache = tmp_path / "cache"
    assert len(_entries(cache / "derived")) == 1 and _entries(cache) == ["derived"]  # the files wait
    assert len(jobs) == 1 and jobs[0]() == []
    assert len(_entries(cache)) == 3  # derived + one entry per export
    # the notebook then only reads the kept dataset
    monkeypatch.setattr("smanalysis.io.load_dataset", lambda *a, **k: pytest.fail("built in the notebook"))
    ds, said = _load(client)
    # by hand: 3 comment rows, one an exact repeat of comment 2 -> 2 kept, 1 duplicate said
    assert len(ds.comments) == 2 and len(ds.duplicates) == 1 and ds.followers["followers"].tolist() == [1200, 1210]
    budi = ds.comments["author"].iloc[0]
    assert budi.startswith("pengguna_") and ds.comments["author"].iloc[1] == "toko"
    assert ds.comments["text"].tolist() == ["hai @toko kopinya enak", f"makasih @{budi}"]
    assert (SMAnalysisWarning, "load_dataset: 1 duplicate row(s) resolved; see Dataset.duplicates") in said


def test_the_hand_off_gives_the_dataset_of_a_cold_load_and_of_a_re_run(client, tmp_path, monkeypatch):
    jobs = []
    clientmod.warm_client_cache(client, later=jobs.append)
    jobs[0]()
    handed, said = _load(client)  # the dataset built from the tables in memory
    shutil.rmtree(tmp_path / "cache" / "derived")
    parsed = []
    real = pc.read
    monkeypatch.setattr(pc, "read", lambda path, **kw: parsed.append(path.name) or real(path, **kw))
    rerun, said_rerun = _load(client)  # built from the parse cache (next month's run)
    assert parsed == []  # every export came from the cache
    monkeypatch.setenv(pc.CACHE_ENV, "off")
    cold, said_cold = _load(client)  # no cache at all
    assert sorted(parsed) == ["comments.csv", "followers.csv"]
    for t in clientmod._DATASET_FRAMES:
        pd.testing.assert_frame_equal(getattr(handed, t), getattr(rerun, t))
        pd.testing.assert_frame_equal(getattr(handed, t), getattr(cold, t))
    assert said == said_rerun == said_cold


def test_a_failed_store_of_a_parsed_file_is_listed_with_its_reason(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv(pc.CACHE_ENV, str(root))
    f = tmp_path / "followers.csv"
    f.write_text(FOLLOWERS, encoding="utf-8")
    later = pc.DeferredStores()
    assert later(f).data["followers"].tolist() == [1200, 1210]
    shutil.rmtree(root)  # the disk went away meanwhile
    failed = later.store()
    assert len(failed) == 1 and failed[0][0] == str(f) and "No such file or directory" in failed[0][1]
    assert later.pending == []


def test_without_later_a_failed_store_is_a_warning(client, monkeypatch):
    monkeypatch.setattr(pc.DeferredStores, "store", lambda self: [("/x/comments.csv", "No space left on device")])
    with pytest.warns(SMAnalysisWarning, match=r"1 parsed export file\(s\) not stored .*comments.csv "
                                               r"\(No space left on device\)"):
        clientmod.warm_client_cache(client)


@pytest.mark.parametrize("fork", [True, False])
def test_the_parse_job_hands_over_files_and_store_failures(client, monkeypatch, fork):
    if fork and not hasattr(handoff.os, "fork"):
        pytest.skip("no fork here")

    def fake(config, *, lang=None, later=None):
        later(lambda: [("/x/a.csv", "No space left on device")])
        return 7

    monkeypatch.setattr(clientmod, "warm_client_cache", fake)
    job = handoff.start_parse(client, lang="id", fork=fork)
    assert job.parsed() == (7, None)
    assert job.stored() == [("/x/a.csv", "No space left on device")]


def test_a_parse_process_that_dies_is_an_error_not_a_hang(client, monkeypatch):
    if not hasattr(handoff.os, "fork"):
        pytest.skip("no fork here")
    monkeypatch.setattr(clientmod, "warm_client_cache", lambda *a, **k: handoff.os._exit(3))
    job = handoff.start_parse(client, lang="id", fork=True)
    files, error = job.parsed()
    assert files == 0 and "ended before the dataset was kept" in str(error)
    assert job.stored() == [("*", "the parse process ended before storing the parsed exports")]


def test_a_failed_store_is_said_and_the_report_is_still_ok(client, tmp_path, monkeypatch):
    def fake_warm(config, *, lang=None, later=None):
        later(lambda: [(str(tmp_path / "comments.csv"), "No space left on device")])
        return 2

    def fake_papermill(input_path, output_path, **kw):
        nb = nbformat.v4.new_notebook()
        nbformat.write(nb, output_path)
        return nb

    monkeypatch.setattr(clientmod, "warm_client_cache", fake_warm)
    monkeypatch.setattr(kernel, "_warm_html", lambda lang: None)
    monkeypatch.setattr(papermill, "execute_notebook", fake_papermill)
    lines = []
    with pytest.warns(SMAnalysisWarning, match="toko: parse cache: 1 parsed export file"):
        res = run_client(client, out=tmp_path / "r", notebooks=["04_evaluation"], log=lines.append)
    assert res["status"] == "ok" and res["reason"] == ""
    assert any("comments.csv (No space left on device)" in line for line in lines)


def test_a_re_run_finds_the_kept_dataset_without_reading_it(client, monkeypatch):
    assert clientmod.warm_client_cache(client) == 2
    # next month, same exports: the parent neither parses nor reads the kept tables (the notebook reads them)
    monkeypatch.setattr(pc, "load_tables", lambda key: pytest.fail("read in the parent"))
    monkeypatch.setattr(pc, "read", lambda *a, **k: pytest.fail("parsed again"))
    assert clientmod.warm_client_cache(client) == 2

