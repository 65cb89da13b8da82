"""The one rule for parsing a client's exports side by side (io.dataset.parallel_parse), which both
warm_cache and the report's hand-off (reporting.client.warm_client_cache) ask."""

from smanalysis.io import dataset


def test_parallel_only_with_several_jobs_several_files_and_enough_bytes(tmp_path, monkeypatch):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(b"x" * 60)
    b.write_bytes(b"y" * 50)
    plan = [(a, {}), (b, {})]
    monkeypatch.setattr(dataset, "PARALLEL_BYTES", 100)  # 110 bytes in all: above
    assert dataset.parallel_parse(plan, 2) is True
    assert dataset.parallel_parse(plan, 1) is False  # one job
    assert dataset.parallel_parse(plan[:1], 2) is False  # one file
    monkeypatch.setattr(dataset, "PARALLEL_BYTES", 110)  # not above
    assert dataset.parallel_parse(plan, 2) is False
    assert dataset.parallel_parse([(a, {}), (tmp_path / "gone.csv", {})], 2) is False  # a missing file counts 0 bytes
