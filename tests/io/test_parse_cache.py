"""The Parquet cache of parsed exports: same result, keyed by content, checked on load, private."""

import json
import os
import stat

import pandas as pd
import pytest

from smanalysis.io import load_dataset, read
from smanalysis.io import cache as pc

CSV = "date,platform,account,followers\n2026-10-01,instagram,kopisenja.id,1.200\nbukan-tanggal,instagram,kopisenja.id,5\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv(pc.CACHE_ENV, str(root))
    return root


def _entries(root):
    return sorted(p for p in root.iterdir() if not p.name.startswith("."))


def test_second_read_comes_from_the_cache_and_equals_the_first(cache, tmp_path, monkeypatch):
    f = tmp_path / "followers.csv"
    f.write_text(CSV, encoding="utf-8")
    first = pc.cached_read(f)
    assert len(_entries(cache)) == 1
    monkeypatch.setattr(pc, "read", lambda *a, **k: pytest.fail("parsed again"))
    again = pc.cached_read(f)
    fresh = read(f)
    pd.testing.assert_frame_equal(again.data, fresh.data)
    pd.testing.assert_frame_equal(again.rejects, fresh.rejects)
    assert (again.format, again.table, again.rows, again.warnings) == (fresh.format, fresh.table, 2, fresh.warnings)
    assert len(first.rejects) == 1 and again.rejects["line"].tolist() == [3]
    # only data files: Parquet and JSON, no pickle
    assert {p.suffix for p in _entries(cache)[0].iterdir()} == {".parquet", ".json"}


def test_changed_content_or_options_is_a_new_entry(cache, tmp_path):
    f = tmp_path / "followers.csv"
    f.write_text(CSV, encoding="utf-8")
    pc.cached_read(f)
    pc.cached_read(f, timezone="Asia/Makassar")
    f.write_text(CSV.replace("1.200", "1.300"), encoding="utf-8")
    assert pc.cached_read(f).data["followers"].tolist() == [1300.0]
    assert len(_entries(cache)) == 3


def test_an_entry_that_fails_its_checks_is_read_again(cache, tmp_path):
    f = tmp_path / "followers.csv"
    f.write_text(CSV, encoding="utf-8")
    pc.cached_read(f)
    entry = _entries(cache)[0]
    meta = json.loads((entry / "meta.json").read_text())
    # a planted entry whose data lost a column (or changed a dtype) is not trusted
    pd.read_parquet(entry / "data.parquet").drop(columns="followers").to_parquet(entry / "data.parquet")
    assert pc.cached_read(f).data["followers"].tolist() == [1200.0]
    (entry / "meta.json").write_text(json.dumps(meta | {"table": "no_such_table"}))
    assert pc.cached_read(f).table == "followers"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_cache_others_may_write_to_is_not_used(cache, tmp_path):
    cache.mkdir(mode=0o700)
    os.chmod(cache, 0o777)
    f = tmp_path / "followers.csv"
    f.write_text(CSV, encoding="utf-8")
    assert pc.cached_read(f).data["followers"].tolist() == [1200.0]
    assert _entries(cache) == []


def test_default_location_is_the_users_cache_and_off_switches_it_off(monkeypatch, tmp_path):
    monkeypatch.delenv(pc.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert pc.cache_dir() == tmp_path / "smanalysis" / "exports"
    monkeypatch.setenv(pc.CACHE_ENV, "off")
    assert pc.cache_dir() is None


def test_created_private(cache, tmp_path):
    f = tmp_path / "followers.csv"
    f.write_text(CSV, encoding="utf-8")
    pc.cached_read(f)
    if os.name == "posix":
        assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_load_dataset_on_the_sample_is_the_same_through_the_cache(cache, sample_dir):
    if not (sample_dir / "client.yaml").is_file():
        pytest.skip("no bundled sample")
    srcs = [str(sample_dir / "exports"), str(sample_dir / "content_plan.csv")]
    cold = load_dataset(srcs, profile=str(sample_dir / "profile.yaml"))
    warm = load_dataset(srcs, profile=str(sample_dir / "profile.yaml"))
    for t in ("posts", "comments", "mentions", "followers", "interactions", "content_plan"):
        pd.testing.assert_frame_equal(getattr(cold, t), getattr(warm, t), obj=t)
    pd.testing.assert_frame_equal(cold.rejects, warm.rejects)
    pd.testing.assert_frame_equal(cold.files, warm.files)
