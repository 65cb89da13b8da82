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


def test_a_folder_of_other_files_with_the_slugs_name_is_not_replaced(tmp_path):
    """`--out ~` with `slug: documents`: the user's own folder is left alone (nothing deleted)."""
    out = tmp_path / "home"
    (out / "documents").mkdir(parents=True)
    (out / "documents" / "skripsi.docx").write_text("precious", encoding="utf-8")
    cfg = client(tmp_path, "documents")
    with pytest.raises(FileExistsError, match="not a smanalysis report; refusing to replace"):
        run_client(cfg, out=out, notebooks=[TINY], allow_custom_notebooks=True)
    assert (out / "documents" / "skripsi.docx").read_text() == "precious"
    assert sorted(p.name for p in out.iterdir()) == ["documents"]  # no build folder, no lock left behind
    (out / "documents" / "skripsi.docx").unlink()  # an empty folder may be used
    run_client(cfg, out=out, notebooks=[TINY], allow_custom_notebooks=True)
    run_client(cfg, out=out, notebooks=[TINY], allow_custom_notebooks=True)  # and its own report replaced
    assert (out / "documents" / "report.html").is_file()


@pytest.mark.slow
def test_dask_workers_keep_to_the_same_folder_rules(tmp_path):
    pytest.importorskip("distributed")
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "report.html").write_text("precious", encoding="utf-8")
    out = tmp_path / "deep" / "reports"
    bad = client(tmp_path, "../../victim", name="evil")
    good = client(tmp_path, "kopi", name="good")
    summary = run_batch([bad, good], out=out, notebooks=[TINY], allow_custom_notebooks=True, verbose=False,
                        scheduler="local", jobs=2)
    assert summary["status"].tolist() == ["failed", "ok"]
    assert (victim / "report.html").read_text() == "precious"
    assert sorted(p.name for p in out.iterdir()) == [".kopi.lock", "kopi", "summary.csv"]
    assert (out / "kopi" / ".smanalysis-report").is_file()


@pytest.mark.parametrize("command", ["sample", "notebooks"])
def test_sample_and_notebooks_refuse_a_folder_that_holds_files(tmp_path, command, capsys):
    from smanalysis.cli import main

    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / "catatan.txt").write_text("precious", encoding="utf-8")
    args = ["sample", "--out", str(dest), "--scale", "0.05"] if command == "sample" else ["notebooks", str(dest)]
    assert main(args) != 0
    assert "is not empty" in capsys.readouterr().err
    assert sorted(p.name for p in dest.iterdir()) == ["catatan.txt"]  # nothing written
    assert main([*args, "--force"]) == 0
    assert (dest / "catatan.txt").read_text() == "precious"  # files that are not ours stay


@pytest.mark.parametrize("command", ["sample", "notebooks"])
def test_sample_and_notebooks_never_write_through_a_link_out_of_the_folder(tmp_path, command, capsys):
    from smanalysis.cli import main

    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "shared"
    dest.mkdir()
    # a planted link where the command writes a file (an exports folder, a notebook)
    name = "exports" if command == "sample" else "04_evaluation.ipynb"
    os.symlink(outside if command == "sample" else outside / "bashrc", dest / name)
    args = ["sample", "--out", str(dest), "--scale", "0.05"] if command == "sample" else ["notebooks", str(dest)]
    assert main([*args, "--force"]) != 0
    assert "link that leads outside" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_sample_refuses_a_file_as_its_folder(tmp_path, capsys):
    from smanalysis.cli import main

    f = tmp_path / "f"
    f.write_text("x", encoding="utf-8")
    assert main(["sample", "--out", str(f), "--scale", "0.05"]) != 0
    assert "is a file" in capsys.readouterr().err and f.read_text() == "x"
