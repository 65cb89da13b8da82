"""The report's kernel and what the parent does while it starts (smanalysis.reporting.kernel):
no IRI grammar in our processes, warm imports in the kernel (none in the notebook's namespace),
the first cell waits for the parent's parse, a failed parse is only logged, the kernel is stopped
at once, and the exports are parsed once (by the parent) in a real report run."""

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import papermill
import pytest

from smanalysis.io import cache as pc
from smanalysis.io.dataset import read_plan
from smanalysis.profile import load_profile
from smanalysis.reporting import client as client_mod
from smanalysis.reporting import kernel
from smanalysis.reporting.config import read_config
from smanalysis.reporting.runner import run_client


def test_cli_and_runner_never_import_the_iri_grammar_and_validation_still_works():
    code = (
        "import sys\n"
        "import smanalysis.cli, smanalysis.reporting.batch, smanalysis.reporting.runner\n"
        "from smanalysis.reporting.kernel import import_jupyter, _warm_html\n"
        "nbformat, papermill = import_jupyter()\n"
        "_warm_html('id')  # nbconvert, bleach, bs4 too\n"
        "assert 'jsonschema' in sys.modules and 'papermill' in sys.modules\n"
        "assert 'rfc3987_syntax' not in sys.modules, 'imported'\n"
        "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])\n"
        "nbformat.validate(nb)\n"
        "nb.cells[0]['cell_type'] = 'bogus'\n"
        "try:\n"
        "    nbformat.validate(nb)\n"
        "except nbformat.ValidationError:\n"
        "    print('invalid notebook refused')\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "invalid notebook refused"


def test_the_kernel_imports_the_report_packages_while_it_starts_and_adds_no_name(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys\n"
        f"print(sorted(m for m in {kernel.WARM_MODULES!r} if m in sys.modules))\n"
        "print(sorted(k for k in globals() if k.startswith('smanalysis')))\n"
        "print([m for m in ('jsonschema', 'rfc3987_syntax', 'nbformat') if m in sys.modules])")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "in.ipynb")
    t0 = time.perf_counter()
    done = papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                      progress_bar=False, **kernel.kernel_options())
    assert time.perf_counter() - t0 < 120
    lines = done.cells[0].outputs[0]["text"].splitlines()
    # the report packages are there, nothing of them in the notebook's names, no JSON schema machinery
    assert lines == [str(sorted(kernel.WARM_MODULES)), "[]", "[]"]


def _slow_warm(monkeypatch, tmp_path, *, result=None, error=None, seconds=0.3):
    """warm_client_cache replaced by one that takes ``seconds`` and returns or raises; the file it
    returns is written when it has finished (it runs in a forked process on Linux)."""
    finished = tmp_path / "finished"

    def fake(config, *, lang=None, later=None):
        time.sleep(seconds)
        finished.write_text("done", encoding="utf-8")
        if error is not None:
            raise error
        return result

    monkeypatch.setattr(client_mod, "warm_client_cache", fake)
    monkeypatch.setattr(kernel, "_warm_html", lambda lang: None)
    return finished


def test_a_cell_waits_for_the_parents_parse(monkeypatch, tmp_path):
    finished = _slow_warm(monkeypatch, tmp_path, result=5)
    work = kernel.ParentWork({"client": "x"})
    assert not finished.exists()  # the parse runs in the background...
    work.before_cell(cell=None, cell_index=0)
    assert finished.exists() and work.files == 5 and work.error is None  # ...and the cell ran after it
    work.join()


def test_a_failed_parse_is_only_logged_and_the_cell_runs(monkeypatch, tmp_path, caplog):
    _slow_warm(monkeypatch, tmp_path, error=ValueError("profile.yaml: bad row"), seconds=0.0)
    with caplog.at_level(logging.INFO, logger="smanalysis.reporting.kernel"):
        work = kernel.ParentWork({"client": "x"})
        work.before_cell(cell=None, cell_index=0)
        work.join()
    assert isinstance(work.error, ValueError) and work.files == 0
    assert "parse cache warm-up failed: profile.yaml: bad row" in caplog.text


def test_a_cell_waits_no_longer_than_the_timeout(monkeypatch, tmp_path):
    finished = _slow_warm(monkeypatch, tmp_path, result=1, seconds=2.0)
    work = kernel.ParentWork({"client": "x"}, timeout=0.1)
    t0 = time.perf_counter()
    work.before_cell(cell=None, cell_index=0)
    assert time.perf_counter() - t0 < 1.5 and not finished.exists()  # the kernel then reads the files itself
    work.join()
    assert finished.exists()  # and the run waited for the parse (and its store) before it ended


def test_papermill_gets_the_kernel_options(tmp_path, monkeypatch):
    fix = Path(__file__).resolve().parents[1] / "fixtures" / "workflow"
    shutil.copy(fix / "tiny_profile.yaml", tmp_path / "tiny_profile.yaml")
    cfg = tmp_path / "kopi.yaml"
    cfg.write_text("client: Toko X\nslug: kopi\nprofile: tiny_profile.yaml\ndata: [tiny_profile.yaml]\n"
                   "period: {start: 2026-10-01, end: 2026-10-31}\n", encoding="utf-8")
    seen = []

    def fake(input_path, output_path, **kw):
        seen.append(kw)
        nb = nbformat.v4.new_notebook()
        nbformat.write(nb, output_path)
        return nb

    monkeypatch.setattr(papermill, "execute_notebook", fake)
    assert run_client(cfg, out=tmp_path / "r", notebooks=["04_evaluation"])["status"] == "ok"
    kw = seen[0]
    assert kw["shutdown_kernel"] == "immediate" and kw["extra_arguments"] == ["--ext=smanalysis.reporting.kernel"]
    assert kw["on_cell_execute"].__self__.__class__ is kernel.ParentWork


@pytest.mark.slow
def test_a_report_run_parses_each_export_once_in_the_parent(sample_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(pc.CACHE_ENV, str(tmp_path / "cache"))
    seen = tmp_path / "parsed.txt"  # the parent's parse runs in a forked process (Linux): names go to a file
    real = pc.read

    def read(path, **kw):
        with open(seen, "a", encoding="utf-8") as fh:
            fh.write(f"{path.name}\n")
        return real(path, **kw)

    monkeypatch.setattr(pc, "read", read)
    res = run_client(sample_dir / "client.yaml", out=tmp_path / "r")
    assert res["status"] in ("ok", "partial")
    parsed = seen.read_text(encoding="utf-8").split()
    cfg = read_config(sample_dir / "client.yaml")
    plan = read_plan([dict(s, path=str(s["path"])) if isinstance(s, dict) else str(s) for s in cfg["data"]],
                     profile=load_profile(cfg["profile"]))
    # every export parsed here, once, while the kernel started; the kernel found them in the cache
    assert sorted(parsed) == sorted(p.name for p, _ in plan)
    entries = [p for p in (tmp_path / "cache").iterdir() if not p.name.startswith(".") and p.name != "derived"]
    assert len(entries) == len(plan)
    # and the finished dataset, built there too: the kernel only read its tables
    assert len([p for p in (tmp_path / "cache" / "derived").iterdir() if not p.name.startswith(".")]) == 1


def _kernels_of_this_process():
    """The live kernel processes this test process started (children running the report kernel's
    command, smanalysis.reporting.launcher, or ipykernel's own)."""
    found = set()
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            cmd = (d / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == os.getpid() and stat[0] != "Z" and (b"ipykernel" in cmd or b"reporting.launcher" in cmd):
            found.add(int(d.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_kernel_interrupted_while_it_starts_is_killed(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "in.ipynb")

    def interrupted(notebook):  # what Ctrl-C (or SIGTERM) at the end of the kernel's start does
        raise KeyboardInterrupt

    def run():
        papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                   progress_bar=False, on_notebook_start=interrupted,
                                   kernel_manager_class=kernel.tracked_kernel_manager())

    before = _kernels_of_this_process()
    with pytest.raises(KeyboardInterrupt):
        run()  # nbclient alone leaves the kernel running...
    leaked = _kernels_of_this_process() - before
    for pid in leaked:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    assert len(leaked) == 1
    with pytest.raises(KeyboardInterrupt):
        with kernel.stop_kernels_on_error():
            run()  # ...the block kills it
    assert _kernels_of_this_process() - before == set()
