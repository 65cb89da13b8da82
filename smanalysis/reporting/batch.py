"""Run many client reports: one after another or ``jobs`` at a time, with a summary.

:func:`run_batch` calls :func:`smanalysis.reporting.runner.run_client` per client config; a failing
client does not stop the others. ``<out>/summary.csv`` (written through the one spreadsheet
writer) says ``running`` while the batch runs, then each client's status; Ctrl-C or SIGTERM stops
the workers and marks the unfinished clients ``interrupted``.

Examples
--------
>>> import pandas as pd
>>> print(format_summary(pd.DataFrame({"client": ["A"], "status": ["ok"], "seconds": [2.0], "reason": [""]})))
client  status  time (s)  reason
A       ok           2.0
"""

from __future__ import annotations

import contextvars
import os
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

import pandas as pd

from ..spreadsheet import write_table
from .._checks import check_choice
from ..words import LANGS
from .config import as_config
from .folders import sigterm_as_interrupt, stop_workers
from .html import scrub
from .runner import local_roots, run_client
from .ahead import ENV as AHEAD_ENV
from .spare import plan_spares, spares_kept, stop_spares

__all__ = ["run_batch", "format_summary"]


def _reason(err: BaseException, roots) -> str:
    """One line saying why a client failed."""
    try:
        from papermill.exceptions import PapermillExecutionError
    except ImportError:  # pragma: no cover
        PapermillExecutionError = ()  # noqa: N806
    if isinstance(err, PapermillExecutionError):
        text = f"{err.ename}: {err.evalue} (cell {err.exec_count})"
    else:
        text = f"{type(err).__name__}: {err}"
    text = " ".join(str(text).split())
    return scrub(text, roots=roots)[:500]


def _file(config) -> Path:
    """The config file of a path or of a config already read."""
    return Path(str(config["config"] if isinstance(config, dict) else config))


def _client_name(config) -> str:
    try:
        return as_config(config)["client"]
    except Exception:  # noqa: BLE001 - a broken config still needs a name in the summary
        return _file(config).stem


def _safe_run(config, out, lang, period, notebooks, timeout, verbose, allow_custom=False, worker=False, pdf=False):
    """Run one client; never raise (the batch must go on) except on an interrupt."""
    t0 = time.perf_counter()
    try:
        log = (lambda s: print(s, flush=True)) if verbose else None
        return run_client(config, out=out, lang=lang, period=period, notebooks=notebooks, timeout=timeout, log=log,
                          allow_custom_notebooks=allow_custom, pdf=pdf)
    except BaseException as err:  # noqa: BLE001
        if isinstance(err, KeyboardInterrupt):
            if worker:  # run_client has cleaned up; a pool worker must not wait for more work
                os._exit(130)
            raise
        reason = _reason(err, local_roots(out, _file(config).parent))
        if os.environ.get("SMANALYSIS_DEBUG"):
            traceback.print_exc()
        return {"client": _client_name(config), "slug": "", "status": "failed",
                "seconds": round(time.perf_counter() - t0, 2), "reason": reason, "outputs": []}


def _worker_run(*args):
    """:func:`_safe_run` in a forked pool worker, in a fresh :mod:`contextvars` context.

    jupyter_core keeps the event loop of nbclient in a context variable, so a forked worker would
    inherit the parent's loop, whose epoll instance it shares with the parent and every sibling:
    polling it, a worker gets the events of its siblings' sockets and spins. In a fresh context
    nbclient makes the worker a loop of its own.

    The worker's kernels build every section themselves (:mod:`smanalysis.reporting.ahead` off,
    unless the user set it): the pool already runs a client a core."""
    os.environ.setdefault(AHEAD_ENV, "0")
    return contextvars.Context().run(_safe_run, *args)


def _cluster_run(*args):
    """:func:`_safe_run` on a Dask worker, whose kernels build every section themselves (the
    cluster runs a client a worker process; see :func:`_worker_run`)."""
    os.environ.setdefault(AHEAD_ENV, "0")
    return _safe_run(*args)


def format_summary(summary: pd.DataFrame) -> str:
    """The batch summary as a plain-text table (client, status, time, reason).

    Examples
    --------
    >>> s = pd.DataFrame({"client": ["A"], "status": ["ok"], "seconds": [1.234], "reason": [""]})
    >>> print(format_summary(s))
    client  status  time (s)  reason
    A       ok           1.2
    """
    rows = summary.assign(time=summary["seconds"].map(lambda s: f"{s:.1f}"))
    body = rows[["client", "status", "time", "reason"]].astype(str).values.tolist()
    table = [["client", "status", "time (s)", "reason"], *body]
    w = [max(len(r[i]) for r in table) for i in range(3)]
    lines = [f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:>{w[2]}}  {r[3]}".rstrip() for r in table]
    return "\n".join(lines)


def _unique_slugs(configs, results) -> list[int]:
    """Indices of the configs to run; a config whose slug an earlier one already uses fails here
    (both would write to the same folder). Each config is read here once: ``configs[i]`` becomes
    the config read, passed on to the run (a config that does not read stays a path and fails there)."""
    seen: dict[str, str] = {}
    todo = []
    for i, c in enumerate(configs):
        try:
            cfg = as_config(c)
        except Exception:  # noqa: BLE001 - reported by the run itself
            todo.append(i)
            continue
        configs[i] = cfg
        if cfg["slug"] in seen:
            results[i] = {"client": cfg["client"], "slug": cfg["slug"], "status": "failed", "seconds": 0.0,
                          "reason": f"slug {cfg['slug']!r} is already used by {seen[cfg['slug']]}", "outputs": []}
        else:
            seen[cfg["slug"]] = _file(c).name
            todo.append(i)
    return todo


def run_batch(configs, *, out="reports", jobs: int = 1, lang=None, period=None, notebooks=None, timeout=600,
              verbose: bool = True, heartbeat: float = 20.0, allow_custom_notebooks: bool = False,
              scheduler: str | None = None, pdf: bool = False) -> pd.DataFrame:
    """Run :func:`run_client` for many client configs, ``jobs`` at a time in separate processes.

    A failing client does not stop the others; its row says why. Progress lines are printed while
    it runs and the summary table at the end (``verbose=True``); the summary is also written to
    ``out/summary.csv``.

    Parameters
    ----------
    configs : list of path
        Client config YAML files.
    out : path
        Parent folder of the client folders.
    jobs : int
        Clients run in parallel (processes); 1 runs them one after another in this process.
    lang, period, notebooks, timeout
        As in :func:`run_client`, for every client.
    verbose : bool
        Print progress lines and the summary table.
    heartbeat : float
        With ``jobs > 1``, seconds between "still running" lines while no client finishes.
    allow_custom_notebooks : bool, default False
        As in :func:`run_client`.
    scheduler : str, optional
        Run the clients on Dask instead: ``"local"`` (a ``LocalCluster`` of ``jobs`` workers,
        at least 2) or a scheduler address; see :mod:`smanalysis.reporting.cluster`. Each worker
        runs the same :func:`run_client` (slug check, build aside, lock, private cache).
    pdf : bool
        Also write ``report.pdf`` and ``summary.png`` for every client (see :func:`run_client`).

    ``out/summary.csv`` is written at the start with every client ``running`` and rewritten at
    the end; Ctrl-C or SIGTERM stops the workers and their notebooks, marks the unfinished
    clients ``interrupted`` and raises :class:`KeyboardInterrupt`; an error of the batch itself
    (a scheduler out of reach) marks them ``failed`` with the reason and is raised.

    Returns
    -------
    DataFrame
        One row per config, in the order given: ``client``, ``status`` ("ok"|"partial"|"failed"),
        ``seconds``, ``reason``, ``outputs`` (list of files relative to ``out``).

    Raises
    ------
    ValueError
        When ``jobs`` is below 1 or ``lang`` is not ``id``/``en`` (before any client runs).
    """
    configs = [str(c) for c in ([configs] if isinstance(configs, (str, Path)) else configs)]
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"The value for `jobs` must be a whole number of at least 1, but {jobs!r} was passed.")
    if lang is not None:
        check_choice("lang", lang, LANGS)
    if period is not None:
        from .config import parse_period

        parse_period(period)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    say = (lambda s: print(s, flush=True)) if verbose else (lambda s: None)
    n = len(configs)
    t0 = time.perf_counter()
    if scheduler:
        from .cluster import scheduler_label

        say(f"smanalysis report: {n} client(s) on {scheduler_label(scheduler)} -> {out}")
    else:
        say(f"smanalysis report: {n} client(s), {min(jobs, max(n, 1))} at a time -> {out}")
    results: dict[int, dict] = {}
    todo = _unique_slugs(configs, results)  # reads each config once; configs[i] is then the config read

    def _done(i, res):
        results[i] = res
        extra = f" ({res['reason']})" if res["reason"] else ""
        say(f"[{len(results)}/{n}] {res['client']}: {res['status']} in {res['seconds']:.1f} s{extra}")

    for i in sorted(results):
        say(f"[{i + 1}/{n}] {results[i]['client']}: failed ({results[i]['reason']})")
    # the summary says "running" until this batch ends: a killed batch never leaves an old "ok"
    _write_summary(out, configs, results, "running")
    try:
        with sigterm_as_interrupt():
            if scheduler or (jobs > 1 and len(todo) > 1):
                stop_spares()  # the clients run in other processes (forked workers: no kernel of ours)
            elif spares_kept():  # started ahead (the command line does): so is each next client's kernel,
                plan_spares(len(todo) - 1)  # by the first cell of the client before it
            if scheduler:
                _run_dask(scheduler, configs, todo, out, jobs, lang, period, notebooks, timeout,
                          allow_custom_notebooks, heartbeat, say, _done, pdf=pdf)
            else:
                _run_todo(configs, todo, out, jobs, lang, period, notebooks, timeout, verbose, allow_custom_notebooks,
                          heartbeat, say, _done, pdf=pdf)
    except KeyboardInterrupt:
        _write_summary(out, configs, results, "interrupted")
        say(f"\ninterrupted: {len(results)}/{n} finished; {out / 'summary.csv'} says which")
        raise
    except Exception as err:  # the batch itself broke (a scheduler out of reach): no client left "running"
        _write_summary(out, configs, results, "failed", reason=_reason(err, local_roots(out)))
        raise
    finally:
        stop_spares()
    summary = _write_summary(out, configs, results, None)
    say("")
    say(format_summary(summary))
    ok = int((summary["status"] == "ok").sum())
    say(f"\n{ok}/{n} ok in {time.perf_counter() - t0:.1f} s")
    return summary


def _run_todo(configs, todo, out, jobs, lang, period, notebooks, timeout, verbose, allow_custom, heartbeat, say,
              done_cb, pdf=False):
    if jobs == 1 or len(todo) <= 1:
        for i in todo:
            say(f"[start] {_file(configs[i]).name}")
            done_cb(i, _safe_run(configs[i], out, lang, period, notebooks, timeout, verbose, allow_custom,
                                     False, pdf))
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=ctx)
    try:
        futs = {pool.submit(_worker_run, configs[i], out, lang, period, notebooks, timeout, False, allow_custom, True,
                             pdf): i
                for i in todo}
        say(f"[start] {', '.join(_file(configs[i]).name for i in todo)}")
        started = time.perf_counter()
        pending = set(futs)
        while pending:
            done, pending = wait(pending, timeout=heartbeat, return_when=FIRST_COMPLETED)
            for fut in done:
                i = futs[fut]
                try:
                    res = fut.result()
                except BaseException as err:  # noqa: BLE001 - a worker that died
                    res = {"client": _client_name(configs[i]), "slug": "", "status": "failed", "seconds": 0.0,
                           "reason": _reason(err, local_roots(out)), "outputs": []}
                done_cb(i, res)
            if pending and not done:
                names = ", ".join(_file(configs[futs[f]]).stem for f in pending if f.running())
                say(f"  … {time.perf_counter() - started:.0f} s, {len(pending)} to go"
                    + (f" (running: {names})" if names else ""))
    except BaseException:
        stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def _run_dask(scheduler, configs, todo, out, jobs, lang, period, notebooks, timeout, allow_custom, heartbeat, say,
              done_cb, pdf=False):
    from .cluster import dask_results

    def _lost(i, err):
        return {"client": _client_name(configs[i]), "slug": "", "status": "failed", "seconds": 0.0,
                "reason": _reason(err, local_roots(out)), "outputs": []}

    for i, res in dask_results(scheduler, [(i, configs[i]) for i in todo], _cluster_run,
                               (str(out.resolve()), lang, period, notebooks, timeout, False, allow_custom, False, pdf),
                               workers=max(jobs, 2), heartbeat=heartbeat, say=say, failed=_lost):
        done_cb(i, res)


def _write_summary(out: Path, configs, results: dict, pending_status: str | None, reason: str = "") -> pd.DataFrame:
    """Write ``out/summary.csv``: finished clients as they ended, the others ``pending_status``."""
    rows = [results.get(i) or {"client": _client_name(c), "slug": "", "status": pending_status, "seconds": 0.0,
                               "reason": reason, "outputs": []} for i, c in enumerate(configs)]
    summary = pd.DataFrame(rows, columns=["client", "slug", "status", "seconds", "reason", "outputs"])
    summary = summary[["client", "status", "seconds", "reason", "outputs"]]
    write_table(summary.drop(columns=["outputs"]), out / "summary.csv")
    return summary
