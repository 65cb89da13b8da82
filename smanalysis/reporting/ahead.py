"""Sections computed ahead on the second core: a forked process builds the report's later sections
while the notebook's kernel builds the earlier ones (Linux only; the outputs stay the same bytes).

When the kernel has built a section that comes before :data:`AHEAD` (the story, the first), it
forks (``os.fork``: the child shares the loaded dataset, imports and what the story cached, copy on
write) a child that builds the :data:`AHEAD` sections (conversation, network) from the context as it
is then, while the kernel builds the media, execution and analysis sections; the child sends
each back through a pipe as data, never as pickle: the blocks as the notebook shows them (Markdown,
the tables' HTML, the charts' SVG and alt text), the metric names it noted, the problems it met
and the results it cached (DataFrames as Arrow IPC, plain values as tagged JSON; a result that does
not come back exactly as it went is left out: the kernel computes it again when it is asked for).
When the notebook reaches one of those sections, the kernel replays it (:func:`section`): the
same blocks, the names added to ``ctx.metrics_used`` in the same order, the same problems, the
results it has not computed itself; so the definitions section and ``metrics.json`` read as before.

The kernel computes a section itself (the report is only slower) when fork is not available, when
the child failed, died or stalled (no CPU used for :data:`STALL_S` s, or longer than
:data:`WAIT_FACTOR` times the kernel's own work before it, at least :data:`MIN_WAIT_S` s), or when the
context changed after the fork (language, periods, settings). The child's output never reaches the
kernel's streams (its standard file descriptors are ``/dev/null``), it ends with ``os._exit`` and is
killed when the kernel dies (``PR_SET_PDEATHSIG``); a thread of the kernel reads its pipe and reaps it.

``SMANALYSIS_AHEAD=0`` switches it off, ``=1`` on everywhere (tests); by default (unset or
``auto``) it is on in an IPython kernel on Linux (a report's kernel, JupyterLab) that may use two
cores or more, off elsewhere. A batch that already runs a client a core (``--jobs`` above one, a Dask
worker) sets it to ``0`` for its kernels (:mod:`smanalysis.reporting.batch`): there the second core
is a sibling's, and the child would only add CPU. The rule is a fact of the run, not of the
machine's passing load, so one report behaves the same on every run.

Examples
--------
>>> enabled({"SMANALYSIS_AHEAD": "0"})
False
>>> decode(encode({"n": np.int64(3), "t": (1.5, None)})) == {"n": 3, "t": (1.5, None)}
True
"""

from __future__ import annotations

import base64
import contextlib
import importlib
import io
import json
import logging
import os
import struct
import sys
import threading
import time
import weakref

import numpy as np
import pandas as pd

__all__ = ["AHEAD", "ENV", "enabled", "section", "start", "encode", "decode", "CannotTravel"]

#: the sections built ahead, in report order (independent of the sections before them)
AHEAD = ("conversation", "network")
#: the environment variable that switches it: "0" off, "1" on, unset or "auto": in an IPython kernel on Linux
ENV = "SMANALYSIS_AHEAD"
#: a child that uses no CPU for this long (seconds) while the kernel waits is stalled: the kernel computes
STALL_S = 5.0
#: the kernel waits at most this many times its own work since the fork (at least MIN_WAIT_S seconds)
WAIT_FACTOR = 4.0
MIN_WAIT_S = 60.0
#: results cached through ``ctx.cached`` larger than this (rows, bytes of Arrow IPC) stay behind: the
#: kernel has most of them already, and computes again one it is asked for
MAX_ROWS, MAX_BYTES = 5_000, 400_000

_HEAD = struct.Struct("!Q")
_log = logging.getLogger(__name__)
_in_child = False
_runs: dict[int, "_Run"] = {}


class CannotTravel(ValueError):
    """A value that cannot be sent between the processes exactly."""


def enabled(environ=None) -> bool:
    """Whether sections are built ahead here (see the module docstring for :data:`ENV`)."""
    value = (environ if environ is not None else os.environ).get(ENV, "auto").strip().lower()
    if value in ("0", "off", "no", "false") or not (hasattr(os, "fork") and sys.platform.startswith("linux")):
        return False
    if value in ("1", "on", "yes", "true"):
        return True
    ip = sys.modules.get("IPython")
    shell = ip.get_ipython() if ip is not None and hasattr(ip, "get_ipython") else None
    return getattr(shell, "kernel", None) is not None and len(os.sched_getaffinity(0)) >= 2


def section(ctx, key: str) -> list | None:
    """Called by :func:`~smanalysis.reporting.sections.guarded` before it builds section ``key``:
    the blocks of ``key`` built ahead (after replaying their effects on ``ctx``), or None (the caller
    builds the section itself)."""
    run = None if _in_child else _runs.get(id(ctx))
    return run.take(ctx, key) if run is not None and run.ctx() is ctx else None


def start(ctx, key: str, order) -> bool:
    """Called by :func:`~smanalysis.reporting.sections.guarded` after it built section ``key``: when
    ``key`` comes before every :data:`AHEAD` section in ``order`` (the report's sections), fork the
    child that builds those (once per context, when :func:`enabled`); returns whether it did.

    The child starts after the first section, not before: it finds what that section computed and
    cached (the story needs most of the report's figures), and the kernel's next sections give it
    time enough."""
    if _in_child or id(ctx) in _runs or not (key in order and all(
            k in order and order.index(key) < order.index(k) for k in AHEAD)) or not enabled():
        return False
    try:
        _Run(ctx, AHEAD)
    except OSError:  # no fork, no pipe (limits): built in the kernel
        return False
    return True


def _fingerprint(ctx) -> str:
    """What the child's sections depend on (a change after the fork voids them): the settings, the
    profile, the dataset and each of its tables (a table replaced, not one edited in place)."""
    from ..schema import TABLES

    return repr((ctx.lang, ctx.period, ctx.previous, ctx.tz, str(ctx.output_dir), ctx.profile,
                 sorted(ctx.settings.items(), key=lambda kv: str(kv[0])),
                 id(ctx.data), [id(getattr(ctx.data, t, None)) for t in TABLES]))


class _Run:
    """One child: its pipe, the reader thread and the sections received."""

    def __init__(self, ctx, keys):
        self.keys, self.got, self.error = tuple(keys), {}, None
        self.fingerprint = _fingerprint(ctx)
        self.started = time.perf_counter()
        self.done = threading.Condition()
        self.finished = self.reaped = False
        self.lock = threading.Lock()  # the pid is signalled only while it is not reaped (never a reused pid)
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(rfd)
            _child(ctx, self.keys, wfd)
        os.close(wfd)
        self.pid = pid
        self.ctx = weakref.ref(ctx)
        _runs[id(ctx)] = self
        weakref.finalize(ctx, _forget, id(ctx), self)
        threading.Thread(target=self._read, args=(rfd,), name="smanalysis-ahead", daemon=True).start()

    def _read(self, rfd):
        with os.fdopen(rfd, "rb") as pipe:
            try:
                while (head := pipe.read(_HEAD.size)) and len(head) == _HEAD.size:
                    (n,) = _HEAD.unpack(head)
                    msg = json.loads(pipe.read(n).decode("utf-8"))
                    with self.done:
                        self.got[msg["key"]] = msg
                        self.done.notify_all()
            except (OSError, ValueError) as err:  # a cut or garbled message: what is missing is computed here
                self.error = err
        with self.lock, contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)  # reaped: no zombie
            self.reaped = True
        with self.done:
            self.finished = True
            self.done.notify_all()

    def take(self, ctx, key: str) -> list | None:
        if key not in self.keys:
            return None
        changed = _fingerprint(ctx) != self.fingerprint
        msg = None if changed else self._wait(key)  # a context changed since the fork: no use waiting
        self.keys = tuple(k for k in self.keys if k != key)  # once: a second call builds it here
        why = "the context changed" if changed else "no answer" if msg is None else msg.get("error")
        if why:
            _log.info("section %s built in the kernel: %s", key, why)
            return None
        ctx.use(*msg["uses"])
        ctx.problems.extend(msg["problems"])
        for name, value in msg["cache"].items():
            if name not in ctx.cache:
                ctx.cache[name] = decode(value)
        return [(kind, _block(kind, value)) for kind, value in msg["blocks"]]

    def _wait(self, key: str):
        limit = max(MIN_WAIT_S, WAIT_FACTOR * (time.perf_counter() - self.started))
        end, cpu, moved = time.perf_counter() + limit, _cpu(self.pid), time.perf_counter()
        with self.done:
            while key not in self.got and not self.finished:
                now = time.perf_counter()
                if (c := _cpu(self.pid)) != cpu:
                    cpu, moved = c, now
                if now > end or now - moved > STALL_S:
                    self.kill()
                    return None
                self.done.wait(0.2)
            return self.got.pop(key, None)

    def kill(self) -> None:
        """Stop the child (the reader thread reaps it)."""
        with self.lock:
            if not self.reaped:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, 9)


def _forget(ident: int, run: _Run) -> None:
    """The context is gone: its child is no longer needed."""
    _runs.pop(ident, None)
    run.kill()


def _cpu(pid: int) -> float:
    """CPU ticks a process has used (Linux ``/proc``), -1 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return float(fields[11]) + float(fields[12])
    except (OSError, IndexError, ValueError):
        return -1.0


def _child(ctx, keys, wfd) -> None:
    """The child's work: build ``keys`` and send each (see :func:`_message`), then ``os._exit``."""
    global _in_child
    code = 1
    try:
        _in_child = True
        _quiet()
        _one_thread()
        rp = importlib.import_module(__package__)
        computed: set = set()
        plain = ctx.cached

        def cached(name, fn):  # what a section computes through ctx.cached can be computed again in the kernel
            computed.add(name)
            return plain(name, fn)

        ctx.cached = cached
        with os.fdopen(wfd, "wb") as out:
            for key in keys:
                out.write(_frame(_message(ctx, key, getattr(rp, f"{key}_section"), computed)))
                out.flush()
        code = 0
    finally:
        os._exit(code)


def _quiet() -> None:
    """The child writes nothing to the kernel's streams, and dies with the kernel."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - until os._exit
    logging.disable(logging.CRITICAL)  # a handler may hold the kernel's stream (its thread is not here)
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    if os.getppid() == 1:  # the kernel died before the line above
        os._exit(1)


def _one_thread() -> None:
    """OpenMP and BLAS in the child on one thread: the kernel's thread pools did not come along with
    the fork, and libgomp waits for them forever (igraph's PageRank, once the kernel ran one)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def _message(ctx, key: str, build, computed: set) -> dict:
    """Section ``key`` built in the child, with its effects on ``ctx``, as JSON-able data."""
    uses, problems, cache = len(ctx.metrics_used), len(ctx.problems), set(ctx.cache)
    try:
        sec = build(ctx)
        blocks = [[kind, _data(kind, value)] for kind, value in sec.rendered()]
        sent = {}
        for name in [n for n in ctx.cache if n not in cache]:
            try:
                sent[name] = encode(ctx.cache[name], exact=True, small=name in computed)
            except CannotTravel:
                if name not in computed:  # set by the section itself: the kernel could not compute it alone
                    raise
        return {"key": key, "blocks": blocks, "uses": ctx.metrics_used[uses:], "problems": ctx.problems[problems:],
                "cache": sent}
    except Exception as err:  # noqa: BLE001 - the kernel builds this section itself
        return {"key": key, "error": f"{type(err).__name__}: {err}"}


def _frame(msg: dict) -> bytes:
    body = json.dumps(msg, ensure_ascii=False, allow_nan=True).encode("utf-8")
    return _HEAD.pack(len(body)) + body


def _data(kind: str, value):
    if kind == "svg":
        svg, alt = value
        return [base64.b64encode(svg).decode("ascii"), alt]
    if kind == "png":
        return base64.b64encode(value).decode("ascii")
    if kind in ("md", "html"):
        return value
    raise CannotTravel(f"block kind {kind!r}")


def _block(kind: str, value):
    if kind == "svg":
        return base64.b64decode(value[0]), value[1]
    return base64.b64decode(value) if kind == "png" else value


_SCALARS = {"float64": np.float64, "int64": np.int64, "bool": np.bool_, "float32": np.float32, "int32": np.int32}


def encode(value, *, exact: bool = False, small: bool = False):
    """``value`` as JSON-able data that :func:`decode` turns back into an equal value of the same types.

    Plain values (None, bool, int, float, str), lists, tuples, dicts with string keys, NumPy scalars,
    timestamps and DataFrames/Series (Arrow IPC, base64) travel; anything else raises
    :class:`CannotTravel`, as does, with ``exact``, a value that would not come back exactly (an Arrow
    round trip that changes a dtype or a type), and with ``small`` a table over :data:`MAX_ROWS` rows
    or :data:`MAX_BYTES` bytes.
    """
    if value is None or type(value) in (bool, int, float, str):
        return value
    if type(value) in (list, tuple):
        items = [encode(v, exact=exact, small=small) for v in value]
        return items if type(value) is list else {"~": "tuple", "v": items}
    if type(value) is dict:
        if not all(type(k) is str for k in value):
            raise CannotTravel("a dict with keys that are not text")
        return {"~": "dict", "v": {k: encode(v, exact=exact, small=small) for k, v in value.items()}}
    if isinstance(value, np.generic) and value.dtype.name in _SCALARS:
        return {"~": "np", "t": value.dtype.name, "v": value.item()}
    if type(value) is pd.Timestamp:
        return {"~": "ts", "v": value.isoformat(), "tz": str(value.tz) if value.tz else None}
    if type(value) in (pd.DataFrame, pd.Series):
        return _encode_frame(value, exact, small)
    raise CannotTravel(f"a value of type {type(value).__name__}")


def _encode_frame(value, exact: bool, small: bool) -> dict:
    import pyarrow as pa

    frame = value.to_frame() if isinstance(value, pd.Series) else value
    if small and len(frame) > MAX_ROWS:
        raise CannotTravel(f"a table of {len(frame)} rows")
    try:
        table = pa.Table.from_pandas(frame, preserve_index=None)  # a RangeIndex as metadata, others as columns
        sink = io.BytesIO()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
    except (pa.ArrowException, TypeError, ValueError) as err:
        raise CannotTravel(str(err)) from err
    out = {"~": "series" if isinstance(value, pd.Series) else "df", "v": base64.b64encode(sink.getvalue()).decode("ascii"),
           "attrs": encode(value.attrs, exact=exact), "unnamed": isinstance(value, pd.Series) and value.name is None}
    if small and len(out["v"]) > MAX_BYTES:
        raise CannotTravel("a table too large")
    if exact:
        back = decode(out)
        try:
            check = pd.testing.assert_series_equal if isinstance(value, pd.Series) else pd.testing.assert_frame_equal
            check(back, value, check_exact=True, check_index_type=True, check_flags=True,
                  **({} if isinstance(value, pd.Series) else {"check_column_type": True}))
        except AssertionError as err:
            raise CannotTravel(f"a table that changes on the way: {err}") from err
        if not (_same_types(back, value) and back.attrs == value.attrs):
            raise CannotTravel("a table whose values change type on the way")
    return out


def _same_types(a, b) -> bool:
    """The Python types of the values of object columns agree (Arrow makes lists into arrays)."""
    pairs = [(a, b)] if isinstance(a, pd.Series) else [(a[c], b[c]) for c in b.columns]
    return all(x.dtype != object or list(map(type, x)) == list(map(type, y)) for x, y in pairs)


def decode(data):
    """The value :func:`encode` wrote."""
    if not isinstance(data, (dict, list)):
        return data
    if isinstance(data, list):
        return [decode(v) for v in data]
    tag = data["~"]
    if tag == "tuple":
        return tuple(decode(v) for v in data["v"])
    if tag == "dict":
        return {k: decode(v) for k, v in data["v"].items()}
    if tag == "np":
        return _SCALARS[data["t"]](data["v"])
    if tag == "ts":
        return pd.Timestamp(data["v"]).tz_convert(data["tz"]) if data["tz"] else pd.Timestamp(data["v"])
    import pyarrow as pa

    with pa.ipc.open_stream(base64.b64decode(data["v"])) as reader:
        frame = reader.read_all().to_pandas()
    frame.attrs = decode(data["attrs"])
    if tag == "series":
        return frame.iloc[:, 0].rename(None) if data["unnamed"] else frame.iloc[:, 0]
    return frame
