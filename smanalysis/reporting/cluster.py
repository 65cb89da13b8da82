"""Run a batch of client reports on a Dask distributed cluster.

``smanalysis report clients/*.yaml --scheduler tcp://10.0.0.5:8786`` sends each client to the
workers of a running Dask scheduler; ``--scheduler local`` starts a :class:`distributed.LocalCluster`
on this machine (``--jobs`` workers, one thread each) and stops it afterwards. The summary, the
failure isolation (a failing client, or a worker that dies, fails only its own row) and the exit
codes are those of ``--jobs``: :func:`smanalysis.reporting.batch.run_batch` only hands the work
to this module.

The workers read the configs and write the reports themselves: the config files, the data they
name and the ``--out`` folder must be reachable under the same absolute paths on every worker (a
shared file system such as NFS); paths are made absolute on the machine that submits. Start the
workers with one thread each (``dask worker ADDRESS --nthreads 1``): a report sets environment
variables of its process while it runs.

Examples
--------
>>> scheduler_label("local"), scheduler_label("tcp://10.0.0.5:8786")
('a local Dask cluster', 'Dask scheduler tcp://10.0.0.5:8786')
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["dask_results", "scheduler_label"]


def scheduler_label(scheduler: str) -> str:
    """How the batch's first line names the scheduler."""
    return "a local Dask cluster" if scheduler == "local" else f"Dask scheduler {scheduler}"


def _connect(scheduler: str, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - dask[distributed] is a dependency
        raise ImportError("--scheduler needs Dask: pip install 'dask[distributed]'") from err
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler, timeout="10s"), None


def dask_results(scheduler: str, items: list[tuple[int, str]], run: Callable, args: tuple, *, workers: int = 2,
                 heartbeat: float = 20.0, say: Callable = print, failed: Callable) -> Iterator[tuple[int, dict]]:
    """Run ``run(config, *args)`` for every ``(index, config)`` on Dask; yield ``(index, result)``
    as the clients finish.

    Parameters
    ----------
    scheduler : str
        ``"local"`` (a :class:`~distributed.LocalCluster` of ``workers`` processes) or the address
        of a running scheduler (``tcp://host:8786``).
    items : list of (int, str or dict)
        The batch positions and config paths (or configs already read, see :func:`~smanalysis.reporting.as_config`).
    run : callable
        The never-raising per-client function (the one ``--jobs`` uses), shipped to the workers.
    args : tuple
        Its further arguments (output folder, language, period...).
    workers : int
        Workers of a local cluster.
    heartbeat : float
        Seconds between "still running" lines while no client finishes.
    say : callable
        Progress lines.
    failed : callable
        ``failed(index, error)`` -> the summary row of a client whose task itself failed (a
        worker that died, a lost connection).

    Yields
    ------
    (int, dict)
        The batch position and the client's summary row.
    """
    from distributed import wait

    client, cluster = _connect(scheduler, workers)
    try:
        futs = {}
        for i, cfg in items:
            # a config already read (a dict, paths absolute) travels as it is; a file path as an absolute path
            name = cfg.get("slug") or i if isinstance(cfg, dict) else Path(cfg).stem
            task = cfg if isinstance(cfg, dict) else os.path.abspath(cfg)
            fut = client.submit(run, task, *args, pure=False, key=f"smanalysis-report-{i}-{name}")
            futs[fut] = i
        say(f"[start] {len(futs)} client(s) on {scheduler_label(scheduler)} "
            f"({len(client.scheduler_info().get('workers', {}))} worker(s))")
        started = time.perf_counter()
        pending = set(futs)
        while pending:
            try:
                done, pending = wait(pending, timeout=heartbeat, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            for fut in done:
                try:
                    res = fut.result()
                except BaseException as err:  # noqa: BLE001 - a worker that died, a lost connection
                    res = failed(futs[fut], err)
                yield futs[fut], res
            if pending and not done:
                say(f"  … {time.perf_counter() - started:.0f} s, {len(pending)} to go")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
