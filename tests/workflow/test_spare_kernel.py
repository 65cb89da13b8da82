"""Kernels started ahead (smanalysis.reporting.spare): the command line starts the first kernel
before its heavy imports, a report runs in it (in its own working folder, as papermill's own
kernel would), a batch starts each next client's kernel during the client before, a dead spare is
not used, and no spare outlives the run."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import papermill
import pytest

from smanalysis.reporting import spare
from smanalysis.reporting.batch import run_batch
from smanalysis.reporting.kernel import import_jupyter, kernel_options
from smanalysis.reporting.runner import run_client

pytestmark = pytest.mark.slow

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "workflow"
TINY = str(FIX / "tiny_report.ipynb")


def _client(tmp_path, slug):
    d = tmp_path / "configs"
    d.mkdir(exist_ok=True)
    shutil.copy(FIX / "tiny_profile.yaml", d / "tiny_profile.yaml")
    p = d / f"{slug}.yaml"
    p.write_text(f"client: Toko {slug}\nslug: {slug}\nprofile: tiny_profile.yaml\ndata: [tiny_profile.yaml]\n"
                 "period: {start: 2026-10-01, end: 2026-10-31}\n", encoding="utf-8")
    return p


@pytest.fixture(autouse=True)
def _no_spares_left():
    spare.stop_spares()
    yield
    spare.stop_spares()


def _pids(kernels):
    return [k.km.provisioner.process.pid for k in kernels]


def _gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def test_the_command_line_starts_the_kernel_before_pandas_and_papermill():
    code = ("import sys\n"
            "import smanalysis.cli\n"
            "from smanalysis.reporting import spare\n"
            "print([m for m in ('pandas', 'papermill', 'nbformat', 'smanalysis.reporting.runner') if m in sys.modules])")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "[]"


def test_a_notebook_runs_in_the_spare_kernel_in_its_working_folder(tmp_path):
    spare.prestart_kernel()
    assert spare.spares_kept() == 1
    kept = spare._spares[0]
    pid, folder = _pids([kept])[0], kept.folder
    assert folder.is_dir() and (folder / "kernel.log").is_file()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Judul"),
        nbformat.v4.new_code_cell("import os\nprint(os.getpid(), os.getcwd())"),
        nbformat.v4.new_code_cell("print(os.environ['MPLBACKEND'])\n1 + 1")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "in.ipynb")
    work = tmp_path / "work"
    work.mkdir()
    taken = spare.take_spare()
    assert taken is kept and spare.spares_kept() == 0
    done_calls = []
    import_jupyter()
    out = papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                     progress_bar=False, cwd=str(work), km=taken.km,
                                     on_cell_done=lambda nb, i: done_calls.append(i), **kernel_options())
    assert _gone(pid)  # stopped after the last cell, like a kernel nbclient starts
    taken.stop()
    kernel_pid, cwd = out.cells[1].outputs[0]["text"].split()
    assert int(kernel_pid) == pid and cwd == str(work)  # the spare, moved to the run's folder
    assert out.cells[2].outputs[0]["text"] == "module://matplotlib_inline.backend_inline\n"
    # the silent chdir left no trace: the cells count from 1, and every cell (Markdown too) was reported
    assert [c.get("execution_count") for c in out.cells[1:]] == [1, 2]
    assert done_calls == [0, 1, 2]
    assert not folder.exists()


def test_a_dead_spare_is_not_used(tmp_path):
    spare.prestart_kernel()
    kept = spare._spares[0]
    os.killpg(kept.km.provisioner.process.pid, 9)
    kept.km.provisioner.process.wait()
    assert spare.take_spare() is None and not kept.folder.exists()


def test_unused_spares_are_stopped():
    spare.prestart_kernel()
    spare.prestart_kernel()  # one is kept at most
    assert spare.spares_kept() == 1
    kept = spare._spares[0]
    pid = _pids([kept])[0]
    spare.stop_spares()
    assert spare.spares_kept() == 0 and _gone(pid) and not kept.folder.exists()


def test_a_spare_that_dies_while_it_starts_gives_way_to_a_new_kernel(tmp_path, monkeypatch):
    spare.prestart_kernel()
    kept = spare._spares[0]
    real_take = spare.take_spare

    def take_and_kill():  # the spare dies just after it was taken (before it answers)
        taken = real_take()
        os.killpg(taken.km.provisioner.process.pid, 9)
        return taken

    monkeypatch.setattr("smanalysis.reporting.runner.take_spare", take_and_kill)
    cfg = _client(tmp_path, "satu")
    with pytest.warns(RuntimeWarning, match="did not start .* starting it once more"):
        res = run_client(cfg, out=tmp_path / "r", notebooks=[TINY], allow_custom_notebooks=True)
    assert res["status"] == "ok" and not kept.folder.exists()
    assert json.loads((tmp_path / "r" / "satu" / "metrics.json").read_text())


def test_a_batch_starts_each_next_clients_kernel_during_the_client_before(tmp_path, monkeypatch):
    taken = []
    real_take = spare.take_spare

    def take():
        got = real_take()
        taken.append(got is not None)
        return got

    monkeypatch.setattr("smanalysis.reporting.runner.take_spare", take)
    spare.prestart_kernel()  # as the command line does
    cfgs = [_client(tmp_path, s) for s in ("satu", "dua", "tiga")]
    summary = run_batch(cfgs, out=tmp_path / "r", notebooks=[TINY], allow_custom_notebooks=True, verbose=False)
    assert summary["status"].tolist() == ["ok"] * 3
    assert taken == [True, True, True]  # every client ran in a kernel started ahead
    assert spare.spares_kept() == 0 and spare._planned == 0  # none left over, none planned
    for slug in ("satu", "dua", "tiga"):
        assert (tmp_path / "r" / slug / "report.html").is_file()


def test_without_a_kernel_started_ahead_a_batch_starts_none(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(spare, "_start", lambda: started.append(1))
    cfgs = [_client(tmp_path, s) for s in ("satu", "dua")]
    summary = run_batch(cfgs, out=tmp_path / "r", notebooks=[TINY], allow_custom_notebooks=True, verbose=False)
    assert summary["status"].tolist() == ["ok", "ok"] and started == []


def test_the_command_line_leaves_no_spare_when_the_run_fails_early(tmp_path):
    from smanalysis.cli import main

    cfg = _client(tmp_path, "satu")
    t0 = time.perf_counter()
    assert main(["report", str(cfg), "--out", str(tmp_path / "r"), "--lang", "id", "--notebooks", "nope"]) == 1
    assert spare.spares_kept() == 0
    assert time.perf_counter() - t0 < 120


def test_a_report_kernel_is_this_interpreters_ipykernel_whatever_kernelspec_is_installed(tmp_path, monkeypatch):
    # a "python3" kernelspec of another Python in the user's Jupyter folders (a conda base, an
    # old virtualenv) would otherwise run the report without this smanalysis; and the lookup
    # imports IPython in the command before the kernel can start
    other = tmp_path / "jupyter" / "kernels" / "python3"
    other.mkdir(parents=True)
    (other / "kernel.json").write_text(json.dumps({"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f",
                                                            "{connection_file}"], "display_name": "Other",
                                                   "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    from jupyter_client.kernelspec import KernelSpecManager

    assert KernelSpecManager().get_kernel_spec("python3").argv[0] == "/nonexistent/python"  # what jupyter would run
    km = spare.report_kernel_manager()(kernel_name="python3")
    assert km.kernel_spec.argv == [sys.executable, "-m", "smanalysis.reporting.launcher", "-f", "{connection_file}"]
    assert km.kernel_spec.language == "python"
    # a kernel that is not the report's own keeps Jupyter's lookup
    assert spare.report_kernel_manager()(kernel_name="python3x").kernel_name == "python3x"
