"""The client's dataset built for the notebook while its kernel starts: :func:`start_parse`.

``smanalysis report`` parses the client's exports, builds the finished dataset and keeps it in the
Parquet cache (:func:`smanalysis.reporting.client.warm_client_cache`) while the notebook kernel
starts, so the notebook only reads the finished tables. Then, while the notebook runs, it stores
the parsed export files for next month's run (at a lower CPU priority than the notebook).

On Linux this runs in a process forked from the command (:class:`ForkedParse`): it has its own
interpreter lock (the command imports papermill meanwhile) and its own warnings state (the build
records the dataset's warnings; :func:`warnings.catch_warnings` is not thread-safe and would hide
or take the command's own warnings). Elsewhere it runs in a thread (:class:`ThreadParse`). Only
data goes between the processes: one JSON line when the dataset is kept, one when the parsed files
are stored. The forked process leaves by :func:`os._exit` (none of the command's exit handlers,
such as the one that stops its spare kernels, runs there).

Examples
--------
>>> job = start_parse({"client": "x"}, lang="id", fork=False)  # not a config: the parse fails
>>> files, error = job.parsed()
>>> files, type(error).__name__, job.stored()
(0, 'TypeError', [])
"""

from __future__ import annotations

import builtins
import contextlib
import json
import logging
import os
import sys
import threading
import warnings

from .. import exceptions

__all__ = ["start_parse", "ForkedParse", "ThreadParse", "STORE_NICE"]

#: the nice value of the store of the parsed exports, which runs while the notebook runs
STORE_NICE = 10

_log = logging.getLogger(__name__)


def start_parse(config, *, lang: str = "id", fork: bool | None = None):
    """Start building the client's dataset for the notebook (see the module docstring).

    Parameters
    ----------
    config : dict or path
        The client's config.
    lang : {"id", "en"}
        The report's language (the pseudonyms' prefix).
    fork : bool, optional
        Run it in a forked process (default: on Linux) or in a thread.

    Returns
    -------
    ForkedParse or ThreadParse
        ``parsed()`` waits for the dataset: ``(files, error)``; ``stored()`` waits for the store of
        the parsed files: ``[(file, reason)]`` of those not stored.
    """
    if fork is None:
        fork = sys.platform.startswith("linux") and hasattr(os, "fork")
    return ForkedParse(config, lang) if fork else ThreadParse(config, lang)


def _build(config, lang):
    """``(files, error, store jobs)`` of :func:`~smanalysis.reporting.client.warm_client_cache`."""
    from .client import warm_client_cache

    jobs = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the notebook gives the dataset's warnings
            return warm_client_cache(config, lang=lang, later=jobs.append), None, jobs
    except Exception as err:  # noqa: BLE001 - the notebook reads (and reports) the files itself
        return 0, err, jobs


def _store(jobs) -> list[tuple[str, str]]:
    failed = []
    for job in jobs:
        try:
            failed += [tuple(f) for f in job()]
        except Exception as err:  # noqa: BLE001 - the report is not affected: said, not raised
            failed.append(("*", f"{type(err).__name__}: {err}"))
    return failed


class ThreadParse:
    """:func:`start_parse` in a thread of this process."""

    def __init__(self, config, lang):
        self._files, self._error, self._failed = 0, None, []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(config, lang), name="smanalysis-parse", daemon=True)
        self._thread.start()

    def _run(self, config, lang):
        try:
            self._files, self._error, jobs = _build(config, lang)
        finally:
            self._done.set()
        self._failed = _store(jobs)

    def parsed(self, timeout: float | None = None):
        """``(files, error)`` once the dataset is kept (``(0, TimeoutError)`` after ``timeout`` seconds)."""
        if not self._done.wait(timeout):
            return 0, TimeoutError("the parse is still running")
        return self._files, self._error

    def stored(self) -> list[tuple[str, str]]:
        """Wait for the store of the parsed files: ``[(file, reason)]`` of those not stored."""
        self._thread.join()
        return self._failed


class ForkedParse:
    """:func:`start_parse` in a process forked from this one (Linux)."""

    def __init__(self, config, lang):
        read_end, write_end = os.pipe()
        with warnings.catch_warnings():  # Python 3.12+ warns of fork() beside threads; the child runs only our code
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the child: build, say so, store, leave
            os.close(read_end)
            code = 1
            try:
                _child(write_end, config, lang)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self.pid = pid
        self._pipe = os.fdopen(read_end, "r", encoding="utf-8")
        self._lock = threading.Lock()
        self._parsed = None
        self._failed = None

    def _line(self) -> dict | None:
        try:
            line = self._pipe.readline()
            return json.loads(line) if line else None
        except (OSError, ValueError):
            return None

    def parsed(self, timeout: float | None = None):
        """``(files, error)`` once the dataset is kept (``timeout`` is not used: the pipe says when)."""
        with self._lock:
            if self._parsed is None:
                msg = self._line()
                if msg is None:
                    self._parsed = (0, RuntimeError("the parse process ended before the dataset was kept"))
                elif msg.get("error"):
                    self._parsed = (0, _exception(*msg["error"]))
                else:
                    self._parsed = (int(msg.get("files", 0)), None)
            return self._parsed

    def stored(self) -> list[tuple[str, str]]:
        """Wait for the forked process to store the parsed files and end: ``[(file, reason)]`` of
        those not stored."""
        self.parsed()
        with self._lock:
            if self._failed is None:
                msg = self._line()
                self._pipe.close()
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(self.pid, 0)
                self._failed = ([tuple(f) for f in msg.get("not_stored", [])] if msg is not None
                                else [("*", "the parse process ended before storing the parsed exports")])
            return self._failed


def _child(fd: int, config, lang) -> None:
    """The forked process: the dataset first, a line; then the parsed files, a line."""
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        files, error, jobs = _build(config, lang)
        word = {"files": files} if error is None else {"error": [type(error).__name__, str(error)]}
        out.write(json.dumps(word) + "\n")
        out.flush()
        with contextlib.suppress(OSError):
            os.nice(STORE_NICE)  # the notebook's kernel comes first now
        out.write(json.dumps({"not_stored": _store(jobs)}) + "\n")
        out.flush()
    with contextlib.suppress(Exception):
        sys.stderr.flush()


def _exception(name: str, message: str) -> Exception:
    """The exception the forked process named (a built-in or smanalysis one), else a RuntimeError."""
    cls = getattr(builtins, name, None) or getattr(exceptions, name, None)
    if isinstance(cls, type) and issubclass(cls, Exception):
        with contextlib.suppress(Exception):
            return cls(message)
    return RuntimeError(f"{name}: {message}")
