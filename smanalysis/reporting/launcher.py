"""The command of a report's kernel: ipykernel's own kernel (``python -m ipykernel_launcher``)
without two start-up costs that a report's kernel never gets anything back for.

A report waits for its kernel before its first cell, so the kernel's start is on every report's
critical path (:mod:`smanalysis.reporting.spare` starts it first thing, :mod:`smanalysis.reporting.kernel`
warms it up). This command runs the same :class:`ipykernel.kernelapp.IPKernelApp`, with:

* **No garbage collection while the kernel imports and initialises.** The imports of the report
  packages (pandas, matplotlib, SciPy, networkx and ours) make hundreds of thousands of objects
  that live as long as the kernel; the collector's passes over them cost ~0.2 s of the kernel's
  ~1.5 s of start-up CPU on this project's machine. :func:`main` switches the collector on again
  before the kernel serves its first request, whatever happened; by then the warm-up
  (:func:`smanalysis.reporting.kernel.warm_up`) has frozen what the imports made and set the
  kernel's thresholds.
* **No debugger.** ipykernel imports ``debugpy`` (JupyterLab's visual debugger, ~0.1 s) inside
  ``try/except ImportError`` and runs without it when it is missing. A report's kernel runs one
  notebook under papermill and is never debugged: a ``None`` entry in :data:`sys.modules` makes
  that import raise ImportError (documented Python behaviour; :func:`smanalysis.reporting.kernel.import_jupyter`
  skips jsonschema's IRI grammar the same way), and the kernel spec says ``debugger: false``.

The command is ``python -m smanalysis.reporting.launcher -f CONNECTION_FILE`` (:func:`kernel_argv`).
Like ``ipykernel_launcher`` it takes the working folder off :data:`sys.path` while the kernel
imports; IPython puts it back (as ``''``) for the notebook's own code, as in any kernel.

Examples
--------
>>> argv = kernel_argv()
>>> argv[1:3], argv[-2:]
(['-m', 'smanalysis.reporting.launcher'], ['-f', '{connection_file}'])
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

__all__ = ["kernel_argv", "main"]

#: the module run as the report kernel's command
_MODULE = "smanalysis.reporting.launcher"


def kernel_argv() -> list[str]:
    """The report kernel's command, as a kernel spec's ``argv`` (``{connection_file}`` is filled
    in by jupyter_client): this interpreter runs :func:`main`."""
    return [sys.executable, "-m", _MODULE, "-f", "{connection_file}"]


def main(argv: list[str] | None = None) -> None:
    """Start an IPython kernel as ``ipykernel_launcher`` does (``IPKernelApp.launch_instance``),
    with the garbage collector off until it is initialised and without ``debugpy`` (see the module
    docstring). ``argv`` defaults to the command line."""
    gc.disable()
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]  # as ipykernel_launcher: IPython adds the working folder back for the notebook
    sys.modules.setdefault("debugpy", None)
    try:
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(argv)
    finally:
        gc.enable()
    app.start()


if __name__ == "__main__":
    main()
