"""Issue 13 item 10: each CLI mistake gives one clear line and a non-zero exit, no traceback;
``--debug`` shows the traceback."""

import os
import subprocess
import sys

import pytest

from smanalysis.cli import main

from _clients import client


@pytest.fixture
def cfg(tmp_path):
    return client(tmp_path, "kopi")


def _cases(tmp_path, cfg):
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    return {
        "load-missing": (["load", str(tmp_path / "tidak_ada.csv")], "tidak_ada.csv"),
        "sample-scale-0": (["sample", "--out", str(tmp_path / "s"), "--scale", "0"], "--scale"),
        "sample-scale-neg": (["sample", "--out", str(tmp_path / "s"), "--scale", "-1"], "--scale"),
        "jobs-0": (["report", str(cfg), "--out", str(tmp_path / "r"), "--jobs", "0"], "--jobs"),
        "month-13": (["report", str(cfg), "--out", str(tmp_path / "r"), "--period", "2026-13"], "2026-13"),
        "reversed": (["report", str(cfg), "--out", str(tmp_path / "r"), "--period", "2026-10-31:2026-10-01"],
                     "ends before it starts"),
        "out-is-file": (["report", str(cfg), "--out", str(a_file)], "is a file"),
    }


CASES = ["load-missing", "sample-scale-0", "sample-scale-neg", "jobs-0", "month-13", "reversed", "out-is-file"]


@pytest.mark.parametrize("case", CASES)
def test_one_clear_line_and_nonzero_exit(tmp_path, cfg, capsys, case):
    argv, needle = _cases(tmp_path, cfg)[case]
    try:
        rc = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        rc = exc.code
    err = capsys.readouterr().err
    assert rc not in (0, None)
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("usage:") and not ln.startswith("  ")]
    assert len(lines) == 1, err
    assert needle in lines[0] and lines[0].startswith("smanalysis")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_out(tmp_path, cfg, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        rc = main(["report", str(cfg), "--out", str(ro / "r")])
    finally:
        ro.chmod(0o700)
    err = capsys.readouterr().err
    assert rc != 0 and "Traceback" not in err and "cannot write" in err


def test_read_only_out_as_root_is_simulated(tmp_path, cfg, capsys, monkeypatch):
    """Root can write to a read-only folder, so the check is exercised through os.access."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p).startswith(str(tmp_path / "ro")) and
                        mode & os.W_OK else real(p, mode, **kw))
    (tmp_path / "ro").mkdir()
    rc = main(["report", str(cfg), "--out", str(tmp_path / "ro")])
    err = capsys.readouterr().err
    assert rc != 0 and "Traceback" not in err and "cannot write" in err


def test_debug_shows_the_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    args = [sys.executable, "-m", "smanalysis", "load", str(tmp_path / "tidak_ada.csv")]
    plain = subprocess.run(args, capture_output=True, text=True, env=env)
    debug = subprocess.run(args[:3] + ["--debug"] + args[3:], capture_output=True, text=True, env=env)
    assert plain.returncode != 0 and "Traceback" not in plain.stderr
    assert debug.returncode != 0 and "Traceback" in debug.stderr
