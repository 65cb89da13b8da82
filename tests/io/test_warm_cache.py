"""warm_cache parses files into the Parquet cache exactly as load_dataset will read them (read_plan),
so a later load_dataset (the report's kernel) parses nothing; an unreadable file is left to load_dataset."""

import pandas as pd
import pytest

from smanalysis.io import cache as pc
from smanalysis.io import load_dataset
from smanalysis.io.dataset import read_plan, warm_cache
from smanalysis.profile import load_profile

FOLLOWERS = "date,platform,account,followers\n2026-10-01,instagram,kopisenja.id,1200\n2026-10-02,instagram,kopisenja.id,1210\n"
POSTS = ("post_id,platform,account,created_at,likes\n1,instagram,kopisenja.id,2026-10-01 10:00,10\n"
         "2,instagram,kopisenja.id,2026-10-02 19:30,12\n")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv(pc.CACHE_ENV, str(root))
    return root


@pytest.fixture
def exports(tmp_path):
    d = tmp_path / "exports"
    d.mkdir()
    (d / "b_posts.csv").write_text(POSTS, encoding="utf-8")
    (d / "a_followers.csv").write_text(FOLLOWERS, encoding="utf-8")
    return d


def test_read_plan_lists_files_in_load_order_with_their_options(exports, sample_dir):
    profile = load_profile(sample_dir / "profile.yaml")
    plan = read_plan([str(exports), {"path": str(exports / "a_followers.csv"), "kind": "canonical_followers"}],
                     profile=profile)
    assert [(p.name, kw.get("kind")) for p, kw in plan] == [
        ("a_followers.csv", None), ("b_posts.csv", None), ("a_followers.csv", "canonical_followers")]
    # the profile's timezone is every file's default, as load_dataset reads them
    assert all(kw["profile"] is profile and kw["timezone"] == profile.timezone for _, kw in plan)
    assert read_plan(str(exports), timezone="Asia/Makassar")[0][1] == {"profile": None, "timezone": "Asia/Makassar"}


def test_read_plan_refuses_a_missing_source(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        read_plan([str(tmp_path / "nope.csv")])


def test_after_warm_cache_load_dataset_parses_nothing(cache, exports, monkeypatch):
    assert warm_cache(str(exports)) == 2
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == 2
    monkeypatch.setattr(pc, "read", lambda *a, **k: pytest.fail("parsed again"))
    ds = load_dataset(str(exports))
    # the two rows of each file, as written above
    assert ds.followers["followers"].tolist() == [1200.0, 1210.0]
    assert ds.posts["likes"].tolist() == [10.0, 12.0]


def test_warm_cache_gives_the_same_dataset_as_a_plain_load(cache, exports, monkeypatch):
    warm_cache(str(exports))
    warm = load_dataset(str(exports))
    monkeypatch.setenv(pc.CACHE_ENV, "off")
    plain = load_dataset(str(exports))
    pd.testing.assert_frame_equal(warm.posts, plain.posts)
    pd.testing.assert_frame_equal(warm.followers, plain.followers)


def test_warm_cache_does_nothing_when_the_cache_is_off(tmp_path, exports, monkeypatch):
    monkeypatch.setenv(pc.CACHE_ENV, "off")
    monkeypatch.setattr(pc, "read", lambda *a, **k: pytest.fail("parsed for nothing"))
    assert warm_cache(str(exports)) == 0


def test_an_unreadable_file_is_skipped_and_left_to_load_dataset(cache, exports):
    (exports / "c_broken.csv").write_bytes(b"\x00\x01 not an export\n")
    assert warm_cache(str(exports)) == 2
    with pytest.warns(Warning, match="skipped"):
        ds = load_dataset(str(exports))
    assert ds.failed["file"].str.endswith("c_broken.csv").tolist() == [True]


def test_a_large_client_is_parsed_by_worker_processes(cache, exports, monkeypatch):
    from smanalysis.io import dataset

    monkeypatch.setattr(dataset, "PARALLEL_BYTES", 0)  # the two small files count as a large client
    # nothing is parsed in this process: the workers parse and store, load_dataset then finds both
    monkeypatch.setattr(pc, "read", lambda *a, **k: pytest.fail("parsed in the parent"))
    assert warm_cache(str(exports), jobs=2) == 2
    ds = load_dataset(str(exports))
    assert ds.followers["followers"].tolist() == [1200.0, 1210.0] and ds.posts["likes"].tolist() == [10.0, 12.0]


def test_a_small_client_is_parsed_in_this_process(cache, exports, monkeypatch):
    parsed = []
    real = pc.read
    monkeypatch.setattr(pc, "read", lambda path, **kw: parsed.append(path.name) or real(path, **kw))
    assert warm_cache(str(exports), jobs=2) == 2  # ~200 bytes: below PARALLEL_BYTES, no worker started
    assert sorted(parsed) == ["a_followers.csv", "b_posts.csv"]
