"""The notebook kernel of a report run, and what the parent process does while it starts.

``smanalysis report`` runs the notebooks in a fresh Jupyter kernel through papermill. Four things
keep the fixed cost of that small, without changing what the notebooks compute:

* :func:`import_jupyter` imports nbformat and papermill without the IRI grammar that jsonschema
  builds when it is imported (``rfc3987_syntax`` compiles ~35 Lark parsers, over a second; no
  notebook schema uses the ``iri`` formats; python-jsonschema/jsonschema#1428). jsonschema imports
  it inside ``try/except ImportError``; a ``None`` entry in :data:`sys.modules` makes that import
  raise ImportError (documented Python behaviour), and the entry is taken out again afterwards.
* The kernel loads this module as an IPython extension (``--ext``, :func:`kernel_options`) and
  imports the packages the notebooks call (:data:`WARM_MODULES`, also those the report's cells
  import lazily) while it starts (:func:`warm_up`). It then freezes what the imports made (they
  live as long as the kernel; ``gc.freeze``) and lets the garbage collector run less often: its
  passes over a report's hundreds of thousands of pandas and matplotlib objects took ~0.3 s of
  the cells' time, and a report's kernel lives for seconds.
* Meanwhile the parent builds the client's dataset and keeps it in the Parquet cache
  (:class:`ParentWork`, :mod:`smanalysis.reporting.handoff`; on Linux in a forked process), then
  renders a tiny page so the HTML export's libraries and templates are loaded. The notebook's
  first code cell waits for the dataset (an ``on_cell_execute`` hook), so the notebook only reads
  its tables instead of parsing the exports a second time. A failure there is only logged: the
  notebook reads the files itself. The parsed exports are stored for next month's run while the
  notebook runs; the run waits for that store before it ends (:meth:`ParentWork.join_stores`).
* The kernel is stopped at once after the last cell (``shutdown_kernel="immediate"``): nothing
  of it is needed any more, and a graceful shutdown waits for the interpreter to tear down.
  nbclient does not stop a kernel when it is interrupted (Ctrl-C, SIGTERM) while the kernel
  starts; :func:`stop_kernels_on_error` kills every kernel started in its block when the block
  raises (the kernels are started through :func:`tracked_kernel_manager`).

Examples
--------
>>> opts = kernel_options()
>>> opts["extra_arguments"], opts["shutdown_kernel"], opts["kernel_manager_class"].__name__
(['--ext=smanalysis.reporting.kernel'], 'immediate', 'TrackedKernelManager')
>>> opts["engine_name"]
'smanalysis'

"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import os
import queue
import signal
import sys
import threading

from .spare import ENGINE, EXTENSION, refill, register_engine, report_kernel_manager

__all__ = ["import_jupyter", "kernel_options", "ParentWork", "WARM_MODULES", "GC_THRESHOLDS", "warm_up",
           "load_ipython_extension",
           "stop_kernels_on_error", "tracked_kernel_manager"]

#: the packages the report notebooks call, imported by the kernel while it starts
WARM_MODULES = ("smanalysis.reporting", "smanalysis.io", "smanalysis.media", "smanalysis.plotting",
                "smanalysis.conversation", "smanalysis.network",
                # imported by the report's cells when they first need them (~0.2 s of cell time)
                "smanalysis.plan", "scipy.linalg", "scipy.special", "emoji", "threadpoolctl",
                "matplotlib.backends.backend_svg")
#: the kernel's garbage collector thresholds (Python's default is (700, 10, 10))
GC_THRESHOLDS = (10_000, 20, 20)
#: jsonschema's optional IRI grammar, not imported by the report's processes (see the module docstring)
_IRI_GRAMMAR = "rfc3987_syntax"
_log = logging.getLogger(__name__)


def import_jupyter():
    """``(nbformat, papermill)``, imported without jsonschema's IRI grammar, with the reports'
    papermill engine (:data:`~smanalysis.reporting.spare.ENGINE`) registered.

    Returns
    -------
    tuple of module
        ``nbformat`` and ``papermill``; notebook validation works as before (the notebook
        schemas use no ``iri`` format).

    Examples
    --------
    >>> nbformat, papermill = import_jupyter()
    >>> nbformat.validate(nbformat.v4.new_notebook()) is None
    True
    """
    blocked = "jsonschema" not in sys.modules and _IRI_GRAMMAR not in sys.modules
    if blocked:
        sys.modules[_IRI_GRAMMAR] = None  # import rfc3987_syntax -> ImportError, which jsonschema expects
    try:
        import nbformat
        import papermill
    finally:
        if blocked and sys.modules.get(_IRI_GRAMMAR, 0) is None:
            del sys.modules[_IRI_GRAMMAR]  # only jsonschema's import was skipped; later ones work
    register_engine()
    return nbformat, papermill


def kernel_options(work: ParentWork | None = None) -> dict:
    """The papermill (nbclient) options of a report's kernel.

    Parameters
    ----------
    work : ParentWork, optional
        The parent's work during the kernel start; the first code cell waits for its parse.

    Returns
    -------
    dict
        ``engine_name`` (:data:`~smanalysis.reporting.spare.ENGINE`), ``extra_arguments`` (load this module as an IPython
        extension: the warm imports), ``shutdown_kernel`` ("immediate"), ``kernel_manager_class``
        (:func:`tracked_kernel_manager`) and, with ``work``, ``on_cell_execute``.
    """
    import_jupyter()  # papermill, with the engine named here registered
    opts = {"engine_name": ENGINE, "extra_arguments": [f"--ext={EXTENSION}"], "shutdown_kernel": "immediate",
            "kernel_manager_class": tracked_kernel_manager()}
    if work is not None:
        opts["on_cell_execute"] = work.before_cell
    return opts


_tracking = threading.local()


@functools.lru_cache(maxsize=1)
def tracked_kernel_manager() -> type:
    """The reports' kernel manager (:func:`~smanalysis.reporting.spare.report_kernel_manager`), each
    instance remembered by the :func:`stop_kernels_on_error` block of its thread."""

    class TrackedKernelManager(report_kernel_manager()):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            started = getattr(_tracking, "started", None)
            if started is not None:
                started.append(self)

    return TrackedKernelManager


@contextlib.contextmanager
def stop_kernels_on_error():
    """Kill the kernels started in the block (by :func:`tracked_kernel_manager`) when it raises.

    nbclient stops its kernel after the last cell and when a cell fails, but an interrupt
    (Ctrl-C, or SIGTERM turned into one) that comes while the kernel starts leaves the kernel
    running. A kernel already stopped is left alone.
    """
    outer = getattr(_tracking, "started", None)
    started = _tracking.started = []
    try:
        yield
    except BaseException:
        for km in started:
            _kill(km)
        raise
    finally:
        _tracking.started = outer


def _kill(km) -> None:
    """Kill a kernel's process (and its process group: jupyter_client starts it in its own session)."""
    proc = getattr(getattr(km, "provisioner", None), "process", None)
    if proc is None or proc.poll() is not None:
        return
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
        proc.wait(10)
    except Exception as err:  # noqa: BLE001 - already gone, or not ours to wait for
        _log.info("could not stop kernel %s: %s", proc.pid, err)
    with contextlib.suppress(OSError, TypeError):
        os.remove(km.connection_file)


def load_ipython_extension(ipython) -> None:  # noqa: ARG001 - the IPython extension API
    """:func:`warm_up` in the kernel while it starts."""
    warm_up()


def warm_up() -> None:
    """Import :data:`WARM_MODULES` (and every public name of theirs: ``smanalysis.reporting``
    imports its parts on first use; nothing enters the notebook's namespace) and build the bundled
    sentiment lexicon; then freeze the objects made so far and set :data:`GC_THRESHOLDS`. Only for
    a report's kernel (a short-lived process). A module that does not import is left to the
    notebook, which then shows the error."""
    import gc

    for name in WARM_MODULES:
        try:
            module = importlib.import_module(name)
            for attr in getattr(module, "__all__", ()) if name.startswith("smanalysis.") else ():
                getattr(module, attr)
        except Exception as err:  # noqa: BLE001 - the notebook's own import reports it
            _log.info("warm import of %s failed: %s", name, err)
    try:
        from ..conversation.sentiment_lexicon import default_tables

        default_tables()  # compiled once per process (lru_cache), first used by the story's figures
    except Exception as err:  # noqa: BLE001 - the notebook builds (and reports) it itself
        _log.info("warm sentiment lexicon failed: %s", err)
    gc.freeze()  # the modules' objects live as long as the kernel: no collector pass looks at them again
    gc.set_threshold(*GC_THRESHOLDS)


class ParentWork:
    """Work the parent does in a thread while the kernel works (see the module docstring): the
    parse of the exports, the HTML warm-up, then the jobs given to :meth:`submit`, in order (a
    report run builds its page there, cell by cell, as the cells run).

    Parameters
    ----------
    config : dict or path
        The client's config: its exports are parsed into the Parquet parse cache.
    lang : {"id", "en"}
        The report's language (the tiny warm-up page).
    timeout : float
        The longest a cell waits for the parse (then it reads the files itself).

    Attributes
    ----------
    files : int
        Export files read for the dataset (0 when the parse failed or the cache is off).
    error : Exception or None
        Why the parse failed (only logged; the notebook reads the files itself).
    job_error : Exception or None
        The first error of a submitted job; the jobs after it are skipped (the caller redoes
        their work itself).
    not_stored : list of (str, str)
        After :meth:`join_stores`: ``(file, reason)`` of the parsed exports that could not be kept
        in the parse cache (the report is not affected; the next run parses them again).
    """

    def __init__(self, config, *, lang: str = "id", timeout: float = 600):
        from .handoff import start_parse

        self.files, self.error, self.job_error, self.timeout = 0, None, None, timeout
        self.not_stored: list[tuple[str, str]] = []
        self._kernel_up = False
        self._parsed = threading.Event()
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._parse = start_parse(config, lang=lang)  # forked from the caller's thread, before any other starts
        self._thread = threading.Thread(target=self._run, args=(lang,), name="smanalysis-parent-work", daemon=True)
        self._thread.start()

    def _run(self, lang):
        try:
            self.files, self.error = self._parse.parsed()
            if self.error is not None:
                _log.info("parse cache warm-up failed: %s", self.error)
        finally:
            self._parsed.set()
        try:
            _warm_html(lang)
        except Exception as err:  # noqa: BLE001 - the export loads them itself
            _log.info("HTML export warm-up failed: %s", err)
        while (job := self._jobs.get()) is not None:
            if self.job_error is None:
                fn, args = job
                try:
                    fn(*args)
                except Exception as err:  # noqa: BLE001 - said by job_error; the caller redoes the work
                    self.job_error = err
                    _log.info("parent job %s failed: %s", getattr(fn, "__name__", fn), err)

    def submit(self, fn, *args) -> None:
        """Run ``fn(*args)`` in the work thread, after the parse, the warm-up and the jobs before."""
        self._jobs.put((fn, args))

    def before_cell(self, cell=None, cell_index=None, **_) -> None:
        """nbclient's ``on_cell_execute`` hook: wait for the parse before a cell runs. The first
        call (the kernel is up) also starts the kernel of the batch's next client, if one is planned
        (:func:`smanalysis.reporting.spare.plan_spares`)."""
        if not self._kernel_up:
            self._kernel_up = True
            refill()
        self._parsed.wait(self.timeout)

    def close(self) -> None:
        """No more jobs: the thread ends after those submitted (without waiting for it)."""
        self._jobs.put(None)

    def join(self, timeout: float | None = None) -> None:
        """Wait for all of the work, the submitted jobs and the store of the parsed exports included
        (no job can be submitted after)."""
        self.close()
        self._thread.join(timeout)
        self.join_stores()

    def join_stores(self) -> None:
        """Wait for the store of the parsed exports (:attr:`not_stored` says what failed)."""
        self.not_stored = list(self._parse.stored())


def _warm_html(lang: str) -> None:
    """Render a tiny page: loads nbconvert, bleach, BeautifulSoup and the templates once."""
    import_jupyter()  # nbformat without the IRI grammar, whichever thread imports it first
    from nbformat.v4 import new_markdown_cell, new_notebook

    from .html import notebooks_to_html

    notebooks_to_html([new_notebook(cells=[new_markdown_cell("# -")])], client="-", lang=lang)
