"""Overlapping a reader's independent column work on a second core.

A converter's columns are independent: the caption's text work (look-alike folding,
hashtags) needs nothing the counts or the timestamps need. Both run in Arrow's and NumPy's
C loops, which let go of Python's lock, so :func:`later` starts one such piece in a worker
thread while the converter goes on with the others, and ``.result()`` waits for it. Only
pure functions of whole columns go there (nothing that writes warnings or rejects on the
read context), so the output, the warnings and their order are the same as when run in turn;
small files (under :data:`MIN_ROWS` rows) run in turn, where a thread would cost more than it
saves.

Examples
--------
>>> job = later(sorted, [3, 1, 2], rows=10)  # a small column: run at once
>>> job.result()
[1, 2, 3]
>>> later(sorted, [2, 1], rows=10**6).result()  # a big one: in a worker thread
[1, 2]
"""

from __future__ import annotations

import threading

__all__ = ["later", "MIN_ROWS"]

#: Columns shorter than this are worked on in turn (a thread costs about 0.1 ms; 50,000 cells take longer).
MIN_ROWS = 50_000


class _Job:
    """The outcome of one function call, run now or in a worker thread (see :func:`later`)."""

    def __init__(self, func, args, threaded: bool):
        self._value = self._error = None
        self._thread = None
        if threaded:
            self._thread = threading.Thread(target=self._run, args=(func, args), name="smanalysis-io", daemon=True)
            self._thread.start()
        else:
            self._run(func, args)

    def _run(self, func, args):
        try:
            self._value = func(*args)
        except BaseException as exc:  # handed to the caller by result(), as if the call had run there
            self._error = exc

    def result(self):
        """The function's return value (waiting for the worker); its exception is raised here."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            raise self._error
        return self._value


def later(func, *args, rows: int) -> _Job:
    """Start ``func(*args)`` in a worker thread when the column has ``rows`` >= :data:`MIN_ROWS`, else run it now.

    ``func`` must be a pure function of its arguments (no warnings or rejects written on a read
    context); call ``.result()`` on the returned job to get its value or its exception.
    """
    return _Job(func, args, threaded=rows >= MIN_ROWS)
