"""A kernel that dies before it runs any cell (two kernels racing for one port on a busy machine)
is started once more; a second failure fails the client with the kernel's own output."""

import os

import nbformat
import pytest

import papermill

from smanalysis.reporting.batch import run_batch
from smanalysis.reporting.runner import run_client

from _clients import client

DIED = "Kernel died before replying to kernel_info"


def _flaky_papermill(monkeypatch, failures):
    """papermill.execute_notebook that dies ``failures`` times at start-up, then succeeds."""
    calls = []

    def fake(input_path, output_path, *, parameters=None, cwd=None, **kw):
        calls.append(input_path)
        if len(calls) <= failures:
            # what a dying kernel process writes on file descriptor 2
            os.write(2, b"zmq.error.ZMQError: Address already in use\n")
            raise RuntimeError(DIED)
        nb = nbformat.v4.new_notebook()
        nbformat.write(nb, output_path)
        return nb

    monkeypatch.setattr(papermill, "execute_notebook", fake)
    return calls


def test_kernel_that_dies_at_start_is_started_once_more(tmp_path, monkeypatch):
    calls = _flaky_papermill(monkeypatch, failures=1)
    lines = []
    with pytest.warns(RuntimeWarning, match="did not start .* starting it once more"):
        result = run_client(client(tmp_path, "kopi"), out=tmp_path / "r", notebooks=["04_evaluation"],
                            log=lines.append)
    assert len(calls) == 2 and calls[0] == calls[1]  # the same notebook, started again
    assert result["status"] == "ok"
    assert any("starting it once more" in line for line in lines)


def test_kernel_that_dies_twice_fails_the_client_with_its_output(tmp_path, monkeypatch):
    calls = _flaky_papermill(monkeypatch, failures=2)
    with pytest.warns(RuntimeWarning):
        summary = run_batch([client(tmp_path, "kopi")], out=tmp_path / "r", verbose=False,
                            notebooks=["04_evaluation"])
    assert len(calls) == 2  # one retry only: a notebook that really breaks its kernel is not looped
    assert summary["status"].tolist() == ["failed"]
    reason = summary["reason"].iloc[0]
    assert "did not start twice" in reason and "Address already in use" in reason


def test_other_runtime_errors_are_not_retried(tmp_path, monkeypatch):
    calls = []

    def fake(input_path, output_path, **kw):
        calls.append(input_path)
        raise RuntimeError("a cell failed")

    monkeypatch.setattr(papermill, "execute_notebook", fake)
    summary = run_batch([client(tmp_path, "kopi")], out=tmp_path / "r", verbose=False,
                        notebooks=["04_evaluation"])
    assert len(calls) == 1 and summary["status"].tolist() == ["failed"]
