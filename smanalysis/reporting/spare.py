"""Report kernels started before their notebook: the command line starts one first thing, a batch
starts the next client's while the current one runs.

A kernel needs about two seconds to start and import the report packages. ``smanalysis report``
starts it (:func:`prestart_kernel`) before it imports pandas, papermill and the report machinery
and before it reads the config, so those imports and the parse of the exports run on the other
core meanwhile. In a batch run one client after another, the first cell of a client starts the
kernel of the next (:func:`plan_spares`, :func:`refill`; :func:`smanalysis.reporting.run_batch`
does so when a kernel was started ahead, as the command line does); with ``--jobs`` above 1 or on
Dask the cores are busy with clients already, and no kernel is started ahead.

A spare kernel is the same kernel papermill would start (the ``python3`` kernel, the warm-import
extension, an in-memory IPython history, inline figures), started in an empty private folder with
its start-up chatter going to a log file there. The reports' papermill engine (:data:`ENGINE`)
hands it to nbclient, which moves it into the working folder of the run (``os.chdir`` in the
kernel, run silently: no execution count, no output, no name), and stops it after the last cell
like a kernel it started itself. A spare that died is not used: the notebook then starts its own
kernel (with the usual retry of :func:`smanalysis.reporting.runner.run_client`). Kernels never
taken are killed when the process exits (:func:`stop_spares`, also at exit).

Examples
--------
>>> ENGINE, EXTENSION
('smanalysis', 'smanalysis.reporting.kernel')
>>> take_spare() is None  # none started in this process
True
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import logging
import os
import shutil
import signal
import tempfile
import threading

__all__ = ["ENGINE", "EXTENSION", "KERNEL_ENV", "SpareKernel", "prestart_kernel", "spares_kept", "take_spare",
           "plan_spares", "refill", "stop_spares", "register_engine", "report_kernel_manager"]

#: the papermill engine of the reports (:func:`register_engine`)
ENGINE = "smanalysis"
#: the IPython extension every report kernel loads (its warm imports)
EXTENSION = "smanalysis.reporting.kernel"
#: what a report kernel has in its environment besides the caller's: inline figures (a caller's
#: ``MPLBACKEND=Agg`` would leave the notebooks without any figure)
KERNEL_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline"}
#: the kernel of the report notebooks
KERNEL_NAME = "python3"
#: nbclient gives the kernels it starts an in-memory IPython history; a spare gets the same
_HISTORY = "--HistoryManager.hist_file=:memory:"

#: seconds between two looks at a kernel being stopped (jupyter_client looks every 0.1 s)
_STOP_POLL = 0.01

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_spares: list[SpareKernel] = []  # started, not taken yet
_planned = 0  # spares still to start when a report's first cell runs (a batch's next clients)
_starting: list[threading.Thread] = []  # refills under way


@functools.lru_cache(maxsize=1)
def report_kernel_manager() -> type:
    """jupyter_client's ``AsyncKernelManager`` (nbclient's default) with two differences.

    * The ``python3`` kernel is this interpreter's ipykernel, started by the report kernel's
      command (:func:`smanalysis.reporting.launcher.kernel_argv`: ipykernel's kernel without the
      collector's passes over the start-up imports and without the debugger), not whatever
      ``python3`` kernel spec the user's Jupyter folders hold: a report needs the smanalysis of the
      command that runs it, and looking the spec up imports IPython in the command before the
      kernel can start (jupyter_client adds IPython's own kernel folder to its search path).
    * It waits for a kernel it stops in steps of 10 ms instead of 100 ms: a report's kernel is
      killed after its last cell (``shutdown_kernel="immediate"``) and is gone within a few
      milliseconds.
    """
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpec

    class ReportKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.kernel_name == KERNEL_NAME:
                from ipykernel.kernelspec import RESOURCES, get_kernel_dict

                from .launcher import kernel_argv

                spec = get_kernel_dict()  # the spec ipykernel declares, run by the report kernel's command
                spec.update(argv=kernel_argv(), metadata={**spec.get("metadata", {}), "debugger": False})
                self._kernel_spec = KernelSpec(resource_dir=RESOURCES, **spec)

        async def _async_wait(self, pollinterval: float = 0.1) -> None:
            await super()._async_wait(pollinterval=min(pollinterval, _STOP_POLL))

    return ReportKernelManager


class SpareKernel:
    """A report kernel started now, for a notebook that is run later.

    Attributes
    ----------
    km : jupyter_client.AsyncKernelManager
        The kernel's manager (:func:`report_kernel_manager`); give it to papermill as ``km``.
    folder : pathlib.Path
        The kernel's private starting folder, with its ``kernel.log`` (removed by :meth:`stop`).
    """

    def __init__(self):
        from pathlib import Path

        from jupyter_core.utils import run_sync

        self.folder = Path(tempfile.mkdtemp(prefix="smanalysis-kernel-"))
        self.km = report_kernel_manager()(kernel_name=KERNEL_NAME)
        debug = bool(os.environ.get("SMANALYSIS_DEBUG"))
        with contextlib.ExitStack() as stack:
            log = None if debug else stack.enter_context(open(self.folder / "kernel.log", "ab"))
            try:
                run_sync(self.km.start_kernel)(extra_arguments=[f"--ext={EXTENSION}", _HISTORY],
                                               cwd=str(self.folder), env={**os.environ, **KERNEL_ENV},
                                               stderr=log)
            except BaseException:
                self.stop()
                raise

    def alive(self) -> bool:
        """Whether the kernel process is still running."""
        proc = getattr(self.km.provisioner, "process", None)
        return proc is not None and proc.poll() is None

    def stop(self) -> None:
        """Kill the kernel if it still runs (and its process group) and remove its folder."""
        proc = getattr(getattr(self.km, "provisioner", None), "process", None)
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL) if hasattr(os, "killpg") else proc.kill()
                proc.wait(10)
            except Exception as err:  # noqa: BLE001 - already gone
                _log.info("could not stop spare kernel %s: %s", proc.pid, err)
        with contextlib.suppress(OSError, TypeError):
            os.remove(self.km.connection_file)
        shutil.rmtree(self.folder, ignore_errors=True)


def prestart_kernel() -> None:
    """Start a report kernel now and keep it for the next report run of this process.

    Does nothing when a spare is kept already. Never call it in a process that forks workers
    afterwards (``--jobs`` above 1): a kernel belongs to the process that started it.
    """
    with _lock:
        if _spares:
            return
    _start()


def _start() -> None:
    try:
        spare = SpareKernel()
    except Exception as err:  # noqa: BLE001 - the notebook starts its own kernel then
        _log.info("could not start a spare kernel: %s", err)
        return
    with _lock:
        _spares.append(spare)


def spares_kept() -> int:
    """How many spare kernels are kept (started, not taken)."""
    with _lock:
        return len(_spares)


def take_spare() -> SpareKernel | None:
    """The spare kernel started for this run (None when there is none, or it died)."""
    with _lock:
        taken = _spares.pop(0) if _spares else None
    if taken is not None and not taken.alive():
        taken.stop()
        return None
    return taken


def plan_spares(count: int) -> None:
    """Start a kernel ahead for the next ``count`` report runs of this process, each when the
    first cell of the run before it starts (:func:`refill`); 0 cancels what is planned."""
    global _planned
    with _lock:
        _planned = max(int(count), 0)


def refill() -> None:
    """Start a planned spare kernel (in a thread: the caller goes on at once)."""
    global _planned
    with _lock:
        if _planned <= 0:
            return
        _planned -= 1
        thread = threading.Thread(target=_start, name="smanalysis-spare-kernel", daemon=True)
        _starting.append(thread)
    thread.start()


def stop_spares() -> None:
    """Kill the spare kernels not taken and cancel the planned ones (also run at exit)."""
    plan_spares(0)
    with _lock:
        starting = _starting[:]
        _starting.clear()
    for thread in starting:
        thread.join()
    with _lock:
        left = _spares[:]
        _spares.clear()
    for spare in left:
        spare.stop()


atexit.register(stop_spares)


@functools.lru_cache(maxsize=1)
def register_engine() -> type:
    """Register the reports' papermill engine (:data:`ENGINE`) and return it.

    It is papermill's nbclient engine with two differences: a kernel manager passed as ``km``
    (a :class:`SpareKernel`'s) is owned by the run like one nbclient starts (stopped after the
    last cell, as ``shutdown_kernel`` says), and the kernel is moved into the working folder
    papermill runs the notebook in before the first cell; ``on_cell_done(nb, index)``, if given,
    is called after every cell has run (Markdown cells too; not after a failing cell).
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args
    from nbclient.util import run_sync
    from traitlets import Callable

    class ReportClient(PapermillNotebookClient):
        on_cell_done = Callable(default_value=None, allow_none=True)

        def __init__(self, nb_man, km=None, **kw):
            super().__init__(nb_man, km=km, **kw)
            self.started_ahead = km is not None
            self.owns_km = True  # stopped after the last cell, like a kernel nbclient starts

        async def async_start_new_kernel_client(self):
            kc = await super().async_start_new_kernel_client()
            if self.started_ahead:
                await self._async_enter(os.getcwd())
            return kc

        start_new_kernel_client = run_sync(async_start_new_kernel_client)

        def execute_cell(self, cell, cell_index, *args, **kwargs):
            done = super().execute_cell(cell, cell_index, *args, **kwargs)
            if self.on_cell_done is not None:
                self.on_cell_done(self.nb, cell_index)
            return done

        async def _async_enter(self, folder: str) -> None:
            """``os.chdir(folder)`` in the kernel, silently (no count, output or name)."""
            msg_id = self.kc.execute(f"__import__('os').chdir({folder!r})", silent=True, store_history=False)
            reply = await self.async_wait_for_reply(msg_id)
            if (reply or {}).get("content", {}).get("status") != "ok":
                raise RuntimeError(f"the notebook kernel could not enter its working folder: {reply}")

    class ReportEngine(NBClientEngine):
        """papermill's nbclient engine, running :class:`ReportClient` (see :func:`register_engine`)."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                     start_timeout=60, execution_timeout=None, **kwargs):
            # as papermill's NBClientEngine.execute_managed_notebook (papermill 2.x)
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(safe_kwargs, timeout=execution_timeout or kwargs.get("timeout"),
                                        startup_timeout=start_timeout, kernel_name=kernel_name, log=logger,
                                        log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file)
            return ReportClient(nb_man, **final_kwargs).execute()

    papermill_engines.register(ENGINE, ReportEngine)
    return ReportEngine
