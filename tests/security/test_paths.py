"""Issue 13 item 1: a client slug can never make a run touch files outside ``--out``."""

import os

import pytest

from smanalysis.exceptions import SchemaError
from smanalysis.reporting.config import read_config
from smanalysis.reporting.batch import run_batch
from smanalysis.reporting.runner import run_client

from _clients import TINY, client

BAD = ["../../victim", "..", ".", "kopi/../../x", "/abs/victim", "a/b", "a\\b", ".hidden", "", " ", "x" * 200,
       "kopi\x00x"]


@pytest.mark.parametrize("slug", BAD)
def test_unsafe_slug_is_refused_by_the_config(tmp_path, slug):
    cfg = client(tmp_path, slug, name="c")
    with pytest.raises(SchemaError, match=r"c\.yaml: `slug` must be"):
        read_config(cfg)


def test_derived_slug_is_sanitised(tmp_path):
    cfg = client(tmp_path, None, name="c")
    cfg.write_text(cfg.read_text().replace("client: Toko X", "client: ../../Kopi Senja/.."), encoding="utf-8")
    assert read_config(cfg)["slug"] == "kopi-senja"


def test_traversal_slug_deletes_and_writes_nothing_outside_out(tmp_path):
    victim = tmp_path / "victim"
    (victim / "notebooks").mkdir(parents=True)
    for name in ("report.html", "metrics.json", "next_plan.csv", "notebooks/keep.ipynb"):
        (victim / name).write_text("precious", encoding="utf-8")
    out = tmp_path / "deep" / "reports"
    cfg = client(tmp_path, "../../victim", name="evil")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    summary = run_batch([cfg], out=out, notebooks=[TINY], allow_custom_notebooks=True, verbose=False)
    assert summary["status"].tolist() == ["failed"]
    assert "`slug` must be" in summary["reason"].iloc[0]
    assert all((victim / n).read_text() == "precious" for n in ("report.html", "metrics.json", "next_plan.csv"))
    after = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert [p for p in after if p not in before and not p.startswith("deep")] == []


def test_client_folder_that_is_a_symlink_out_of_out_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "report.html").write_text("precious", encoding="utf-8")
    out = tmp_path / "reports"
    out.mkdir()
    os.symlink(outside, out / "kopi")
    with pytest.raises(ValueError, match="lies outside the output folder"):
        run_client(client(tmp_path, "kopi"), out=out, notebooks=[TINY], allow_custom_notebooks=True)
    assert (outside / "report.html").read_text() == "precious"
