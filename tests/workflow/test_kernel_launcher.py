"""The report kernel's command (smanalysis.reporting.launcher): ipykernel's kernel, started without
the collector's passes over its start-up imports and without the debugger, and otherwise the same
kernel (the working folder on sys.path for the notebook, the warm-up's collector settings)."""

import gc
import sys

import nbformat
import papermill
import pytest

from smanalysis.reporting import launcher
from smanalysis.reporting.kernel import GC_THRESHOLDS, import_jupyter, kernel_options

pytestmark = pytest.mark.slow


def test_a_report_kernel_runs_the_launcher_without_debugger_with_the_warm_up_collector(tmp_path):
    probe = ("import gc, sys, os\n"
             "print(sys.argv[0].endswith(os.path.join('reporting', 'launcher.py')))\n"
             "print(gc.isenabled(), tuple(gc.get_threshold()), gc.get_freeze_count() > 0)\n"
             "print(sys.modules.get('debugpy', 'absent') is None, '' in sys.path)")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(probe)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "in.ipynb")
    import_jupyter()
    out = papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                     progress_bar=False, cwd=str(tmp_path), **kernel_options())
    lines = out.cells[0].outputs[0]["text"].splitlines()
    assert lines == ["True", f"True {GC_THRESHOLDS} True", "True True"]


class _Failing:
    def initialize(self, argv=None):
        assert not gc.isenabled()  # the collector is off while the kernel initialises
        raise RuntimeError("no kernel today")


def test_the_collector_is_switched_on_again_when_the_kernel_cannot_start(monkeypatch):
    import ipykernel.kernelapp

    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setitem(sys.modules, "debugpy", sys.modules.get("debugpy"))  # whatever main() sets is undone
    monkeypatch.setattr(ipykernel.kernelapp.IPKernelApp, "instance", classmethod(lambda cls, **kw: _Failing()))
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="no kernel today"):
        launcher.main(["-f", "unused.json"])
    assert gc.isenabled()
