"""Issue 13 item 2 end to end (io owns the reading; this is the attacker's probe): a garbage CSV
and a truncated XLSX among a client's exports never give a silent "ok". The real evaluation
notebook runs; the report, ``metrics.json`` and the batch summary all say which files were not
read, and the client is ``partial``."""

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_garbage_and_truncated_files_make_the_client_partial_everywhere(tmp_path):
    from smanalysis.reporting.batch import run_batch

    sample = ROOT / "data" / "sample"
    shutil.copytree(sample / "exports", tmp_path / "exports")
    for f in ("profile.yaml", "codebook.yaml", "content_plan.csv"):
        shutil.copy(sample / f, tmp_path / f)
    (tmp_path / "exports" / "instagram_posts_rusak.csv").write_bytes(b"\x00\x01\x02binary\x00junk\x00" * 40)
    (tmp_path / "exports" / "tiktok_content_rusak.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 30)
    cfg = yaml.safe_load((sample / "client.yaml").read_text(encoding="utf-8"))
    cfg.update(slug="rusak", data=["exports/", "content_plan.csv"])
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "r"
    summary = run_batch([tmp_path / "c.yaml"], out=out, verbose=False)
    assert summary["status"].tolist() == ["partial"], summary["reason"].iloc[0]
    reason = summary["reason"].iloc[0]
    assert "files not read" in reason and "instagram_posts_rusak.csv" in reason and "tiktok_content_rusak.xlsx" in reason
    with open(out / "summary.csv", encoding="utf-8-sig", newline="") as fh:
        assert [r["status"] for r in csv.DictReader(fh)] == ["partial"]
    failed = json.loads((out / "rusak" / "metrics.json").read_text(encoding="utf-8"))["data"]["failed"]
    assert sorted(f["file"] for f in failed) == ["instagram_posts_rusak.csv", "tiktok_content_rusak.xlsx"]
    html = (out / "rusak" / "report.html").read_text(encoding="utf-8")
    assert "instagram_posts_rusak.csv" in html and "tiktok_content_rusak.xlsx" in html
