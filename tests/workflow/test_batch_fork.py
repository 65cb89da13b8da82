"""A batch's forked workers (``--jobs`` above 1) get an event loop of their own: the parent's
(kept by jupyter_core for nbclient) shares its epoll instance with every fork, and a worker that
polls it gets the events of its siblings' kernel sockets and spins."""

import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from smanalysis.reporting import batch


def _probe(*args):
    from jupyter_core.utils import ensure_event_loop

    return id(ensure_event_loop()), os.getpid()


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork")
def test_a_forked_worker_gets_an_event_loop_of_its_own(monkeypatch):
    from jupyter_core.utils import ensure_event_loop

    parent = id(ensure_event_loop())  # what an nbclient run in this process leaves behind
    monkeypatch.setattr(batch, "_safe_run", _probe)
    with ProcessPoolExecutor(1, mp_context=mp.get_context("fork")) as pool:
        inherited, pid = pool.submit(_probe).result()
        own, same_pid = pool.submit(batch._worker_run, "cfg.yaml").result()
    assert pid == same_pid != os.getpid()
    assert inherited == parent  # a plain call in the worker would poll the parent's loop...
    assert own != parent  # ...a batch job gets its own
