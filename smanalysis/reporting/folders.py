"""Where a report run writes: the client folder inside ``--out``, built aside and moved into place.

A run never writes outside ``--out``: the client folder is ``<out>/<slug>`` and must resolve to a
direct child of ``<out>`` (:func:`client_folder`). It is built in a hidden sibling folder
(:func:`build_folder`) and moved into place only when complete (:func:`move_into_place`), so an
interrupted run leaves the previous report as it was; a per-client lock (:func:`client_lock`)
keeps two runs from writing the same folder. Run caches live in a fresh private temporary
folder (:func:`private_cache`), never under ``--out``.

Examples
--------
>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> client_folder(out, "kopi-senja").name
'kopi-senja'
>>> client_folder(out, "../x")
Traceback (most recent call last):
...
ValueError: client folder '../x' lies outside the output folder; refusing to write there
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

__all__ = ["client_folder", "client_lock", "build_folder", "move_into_place", "private_cache", "is_private_dir",
           "ClientBusyError", "sigterm_as_interrupt", "stop_workers", "check_replaceable", "REPORT_MARKER", "remove_stale"]

#: the file that marks a folder as a report folder written by smanalysis (a re-run may replace it)
REPORT_MARKER = ".smanalysis-report"


class ClientBusyError(RuntimeError):
    """Another run is writing the same client folder."""


def client_folder(out: str | Path, slug: str) -> Path:
    """``out/slug``, checked to be a real folder directly inside ``out`` (not a link out of it).

    Raises
    ------
    ValueError
        When the folder would lie outside ``out`` (a path in the slug, a symbolic link).
    """
    out = Path(out)
    target = out / slug
    base = out.resolve()
    ok = Path(slug).name == slug and slug not in ("", ".", "..") and not target.is_symlink()
    if not ok or target.resolve().parent != base:
        raise ValueError(f"client folder {slug!r} lies outside the output folder; refusing to write there")
    return target


def check_replaceable(target: str | Path) -> Path:
    """Refuse to replace ``target`` unless it is absent, empty or a report folder of an earlier run.

    A run replaces the whole client folder; a folder that happens to have the slug's name (``--out
    ~`` with ``slug: documents``) but holds other files is left alone. Report folders carry
    :data:`REPORT_MARKER` (folders of earlier versions: ``report.html`` or ``notebooks/``).

    Raises
    ------
    FileExistsError
        When ``target`` is a file, or a non-empty folder that is not a report folder.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "notes.txt").write_text("mine")
    >>> check_replaceable(d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileExistsError: ... holds files that are not a smanalysis report; refusing to replace it (...)
    """
    target = Path(target)
    if not os.path.lexists(target):
        return target
    if not target.is_dir():
        raise FileExistsError(f"{target} is a file, not a report folder; refusing to replace it")
    if any(target.iterdir()) and not ((target / REPORT_MARKER).is_file() or (target / "report.html").is_file()
                                      or (target / "notebooks").is_dir()):
        raise FileExistsError(f"{target} holds files that are not a smanalysis report; refusing to replace it "
                              "(choose another --out or slug, or move the folder away)")
    return target


@contextlib.contextmanager
def client_lock(out: str | Path, slug: str):
    """Hold an exclusive lock on ``out/.<slug>.lock`` for the block (POSIX ``flock``).

    Raises
    ------
    ClientBusyError
        When another run holds the lock.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        yield
        return
    fd = os.open(out / f".{slug}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise ClientBusyError(f"another smanalysis run is writing {slug!r} in this output folder; wait for it "
                                  "to finish or use another --out") from err
        yield
    finally:
        os.close(fd)  # closing releases the lock


def remove_stale(out: str | Path, slug: str) -> list[Path]:
    """Remove what a killed run of ``slug`` left in ``out``: its hidden build folders and the old
    report of an unfinished swap. Call it holding :func:`client_lock` (no other run of the slug is
    building then); other slugs' folders are never matched.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> (out / ".kopi.ab12cd34.building").mkdir(); (out / ".kopi.x.ab12cd34.building").mkdir()
    >>> [p.name for p in remove_stale(out, "kopi")]
    ['.kopi.ab12cd34.building']
    """
    import re

    pattern = re.compile(rf"^\.{re.escape(slug)}\.([a-z0-9_]{{8}}\.building|old-\d+)$")
    gone = []
    for p in sorted(Path(out).iterdir()):
        if pattern.match(p.name) and p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
            gone.append(p)
    return gone


def build_folder(out: str | Path, slug: str) -> Path:
    """A fresh hidden folder beside the client folder (same file system, so the move is a rename),
    marked with :data:`REPORT_MARKER`."""
    build = Path(tempfile.mkdtemp(prefix=f".{slug}.", suffix=".building", dir=out))
    (build / REPORT_MARKER).write_text("written by smanalysis report; the whole folder is replaced on the next run\n",
                                       encoding="utf-8")
    return build


def move_into_place(build: Path, target: Path) -> None:
    """Replace ``target`` by ``build``: two renames, the old folder removed after."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(build, 0o777 & ~mask)
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    build.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def is_private_dir(path: str | Path) -> bool:
    """True when ``path`` is a folder (not a link) owned by this user that nobody else can open."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not (st.st_mode & 0o077)


@contextlib.contextmanager
def private_cache():
    """A fresh private temporary folder (mode 700) for one run, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="smanalysis-run-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def sigterm_as_interrupt():
    """Within the block, SIGTERM raises :class:`KeyboardInterrupt` like Ctrl-C (main thread only).

    Forked worker processes inherit the handler, so they stop the same way.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    old = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def stop_workers(pool, *, grace: float = 20.0) -> None:
    """Stop a ProcessPoolExecutor now: cancel what has not started, SIGTERM the workers (they
    stop their notebook and exit), kill the ones still alive after ``grace`` seconds."""
    import time

    procs = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    end = time.monotonic() + grace
    for p in procs:
        p.join(max(end - time.monotonic(), 0.1))
        if p.is_alive():
            p.kill()
            p.join(5)
