"""Issue 13 item 11: interrupted and concurrent runs never leave a report that passes for this
run's, the summary never says an old "ok", SIGTERM stops workers, two runs do not interleave."""

import csv
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from smanalysis.reporting.batch import run_batch
from smanalysis.reporting.folders import ClientBusyError, client_lock
from smanalysis.reporting.runner import run_client

from _clients import TINY, client, fake_papermill


def _summary(out):
    return list(csv.DictReader(open(out / "summary.csv", encoding="utf-8-sig")))


def _old_report(out, slug):
    d = out / slug
    d.mkdir(parents=True)
    (d / "report.html").write_text("last month", encoding="utf-8")
    (out / "summary.csv").write_text("client,status,seconds,reason\nToko X,ok,1.0,\n", encoding="utf-8")


def test_ctrl_c_leaves_no_partial_outputs_and_summary_says_interrupted(tmp_path, monkeypatch):
    def killed_midway(cwd):
        (cwd / "metrics.json").write_text("{}", encoding="utf-8")
        (cwd / "next_plan.csv").write_text("date\n", encoding="utf-8")
        raise KeyboardInterrupt

    fake_papermill(monkeypatch, killed_midway)
    out = tmp_path / "r"
    _old_report(out, "kopi")
    with pytest.raises(KeyboardInterrupt):
        run_batch([client(tmp_path, "kopi")], out=out, verbose=False)
    assert (out / "kopi" / "report.html").read_text() == "last month"
    assert not (out / "kopi" / "metrics.json").exists() and not (out / "kopi" / "next_plan.csv").exists()
    assert [p.name for p in out.iterdir() if p.name.startswith(".kopi.") and p.is_dir()] == []
    assert [r["status"] for r in _summary(out)] == ["interrupted"]


def test_summary_says_running_while_the_batch_runs(tmp_path, monkeypatch):
    out = tmp_path / "r"
    _old_report(out, "kopi")
    seen = []
    fake_papermill(monkeypatch, lambda cwd: seen.append([r["status"] for r in _summary(out)]))
    summary = run_batch([client(tmp_path, "kopi")], out=out, verbose=False)
    assert seen == [["running"]]
    assert summary["status"].tolist() == ["ok"] and [r["status"] for r in _summary(out)] == ["ok"]


def test_client_folder_is_replaced_only_when_complete(tmp_path, monkeypatch):
    out = tmp_path / "r"
    _old_report(out, "kopi")
    states = []
    fake_papermill(monkeypatch, lambda cwd: states.append((out / "kopi" / "report.html").read_text()))
    res = run_client(client(tmp_path, "kopi"), out=out)
    assert states == ["last month"]  # the old report stayed in place while the new one was built
    assert res["status"] == "ok" and "last month" not in (out / "kopi" / "report.html").read_text()
    assert sorted(res["outputs"]) == ["kopi/notebooks/04_evaluation.ipynb", "kopi/report.html"]


def test_two_runs_for_one_client_do_not_interleave(tmp_path, monkeypatch):
    fake_papermill(monkeypatch)
    out = tmp_path / "r"
    with client_lock(out, "kopi"):
        with pytest.raises(ClientBusyError, match="another smanalysis run is writing 'kopi'"):
            run_client(client(tmp_path, "kopi"), out=out)
    assert not (out / "kopi").exists()
    assert run_client(client(tmp_path, "kopi"), out=out)["status"] == "ok"  # the lock is released


def _slow_notebook(path):
    nb = nbformat.read(TINY, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell("import time\ntime.sleep(120)"))
    nbformat.write(nb, str(path))
    return path


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie child of this test process counts as gone
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def _descendants(pid):
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout.split()
    pairs = [(int(a), int(b)) for a, b in zip(out[::2], out[1::2])]
    found, frontier = set(), {pid}
    while frontier:
        frontier = {c for c, p in pairs if p in frontier} - found
        found |= frontier
    return found


@pytest.mark.slow
def test_sigterm_with_two_jobs_stops_parent_and_workers(tmp_path):
    slow = _slow_notebook(tmp_path / "slow.ipynb")
    cfgs = [client(tmp_path, "satu"), client(tmp_path, "dua")]
    out = tmp_path / "r"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "smanalysis", "report", *map(str, cfgs), "--out", str(out),
                             "--jobs", "2", "--notebooks", str(slow), "--allow-custom-notebooks"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 90
    kids = set()
    while time.monotonic() < deadline and len(kids) < 4:  # two workers and their kernels
        time.sleep(1)
        kids = _descendants(proc.pid)
    assert len(kids) >= 2, "the workers did not start"
    time.sleep(2)
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("the parent did not stop within 60 s of SIGTERM")
    assert rc == 130, proc.stderr.read()
    time.sleep(3)
    left = [k for k in kids if _alive(k)]
    for k in left:
        os.kill(k, signal.SIGKILL)
    assert left == [], "workers or kernels outlived the batch"
    assert [r["status"] for r in _summary(out)] == ["interrupted", "interrupted"]
    assert not (out / "satu" / "report.html").exists()


def test_a_batch_that_breaks_leaves_no_client_running(tmp_path):
    """A scheduler out of reach: the error is raised and summary.csv says failed, with the reason,
    never the 'running' written at the start."""
    pytest.importorskip("distributed")
    cfg = client(tmp_path, "kopi")
    with pytest.raises(OSError):
        run_batch([cfg], out=tmp_path / "r", scheduler="tcp://127.0.0.1:9", notebooks=[TINY],
                  allow_custom_notebooks=True, verbose=False)
    with open(tmp_path / "r" / "summary.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["failed"] and "127.0.0.1:9" in rows[0]["reason"]


def test_what_a_killed_run_left_is_removed_by_the_next_run(tmp_path, monkeypatch):
    """SIGKILL (or a lost Dask worker) between build and swap leaves hidden folders; the next run of
    the same client removes them, and never another client's build in progress."""
    fake_papermill(monkeypatch)
    out = tmp_path / "r"
    for name in (".kopi.ab12cd34.building", ".kopi.old-4242", ".kopi.x.ab12cd34.building", ".kopiku.ab12cd34.building"):
        (out / name).mkdir(parents=True)
    run_client(client(tmp_path, "kopi"), out=out, notebooks=[TINY], allow_custom_notebooks=True)
    assert sorted(p.name for p in out.iterdir()) == [".kopi.lock", ".kopi.x.ab12cd34.building",
                                                      ".kopiku.ab12cd34.building", "kopi"]
