"""`smanalysis report --scheduler`: the batch on a 2-worker Dask LocalCluster gives the same
summary, failure isolation and exit codes as `--jobs` (tiny test notebook)."""

import shutil
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from smanalysis.cli import main  # noqa: E402
from smanalysis.reporting.batch import run_batch  # noqa: E402

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "workflow"
TINY = str(FIX / "tiny_report.ipynb")

pytestmark = pytest.mark.slow


def _client(folder, slug, extra=""):
    folder.mkdir(exist_ok=True)
    shutil.copy(FIX / "tiny_profile.yaml", folder / "tiny_profile.yaml")
    p = folder / f"{slug}.yaml"
    p.write_text(f"client: Toko {slug}\nslug: {slug}\nprofile: tiny_profile.yaml\ndata: [tiny_profile.yaml]\n"
                 f"period: {{start: 2026-10-01, end: 2026-10-31}}\n{extra}", encoding="utf-8")
    return p


def test_local_cluster_matches_jobs(tmp_path, capsys, monkeypatch):
    cfgs = tmp_path / "configs"
    good1 = _client(cfgs, "satu")
    broken = _client(cfgs, "dua", "fail: stok habis\n")
    missing = cfgs / "tiga_missing.yaml"
    good2 = _client(cfgs, "empat", "lang: en\n")
    same_slug = _client(cfgs, "lima", "slug: satu\n")
    batch = [good1, broken, missing, good2, same_slug]
    monkeypatch.chdir(tmp_path)  # relative paths, as typed on the command line
    rel = [str(p.relative_to(tmp_path)) for p in batch]
    dask = run_batch(rel, out="dask", scheduler="local", jobs=2, notebooks=[TINY], heartbeat=2,
                     allow_custom_notebooks=True)
    printed = capsys.readouterr().out
    jobs = run_batch(rel, out="jobs", jobs=2, notebooks=[TINY], verbose=False, allow_custom_notebooks=True)
    cols = ["client", "status"]
    assert dask[cols].values.tolist() == jobs[cols].values.tolist() == [
        ["Toko satu", "ok"], ["Toko dua", "failed"], ["tiga_missing", "failed"], ["Toko empat", "ok"],
        ["Toko lima", "failed"]]
    assert dask["reason"].iloc[1] == jobs["reason"].iloc[1] and "planted failure: stok habis" in dask["reason"].iloc[1]
    assert "not found" in dask["reason"].iloc[2] and "already used" in dask["reason"].iloc[4]
    assert "on a local Dask cluster" in printed and "(2 worker(s))" in printed and "2/5 ok" in printed
    for slug in ("satu", "empat"):  # written by the workers, where --out says
        assert (tmp_path / "dask" / slug / "report.html").is_file()
        assert (tmp_path / "dask" / slug / "metrics.json").is_file()
    assert sorted(dask["outputs"].iloc[0]) == sorted(jobs["outputs"].iloc[0])
    assert (tmp_path / "dask" / "summary.csv").read_text(encoding="utf-8-sig").startswith("client,status,seconds,reason")


def test_cli_exit_codes_on_dask(tmp_path):
    ok = _client(tmp_path / "c", "satu")
    bad = _client(tmp_path / "c", "dua", "fail: habis\n")
    common = ["--out", str(tmp_path / "r"), "--scheduler", "local", "--notebooks", TINY, "--allow-custom-notebooks"]
    assert main(["report", str(ok), *common]) == 0
    assert main(["report", str(ok), str(bad), *common]) == 1


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    cfg = _client(tmp_path / "c", "satu")
    with pytest.raises(OSError, match="127.0.0.1:9"):
        run_batch([cfg], out=tmp_path / "r", scheduler="tcp://127.0.0.1:9", notebooks=[TINY], verbose=False,
                  allow_custom_notebooks=True)
