"""Undoing a spreadsheet's re-save that wrapped every line of a CSV in one quoted cell.

A Meta export opened in a spreadsheet whose list separator is ``;`` (most of
Europe; Excel on an Indonesian Windows) lands in ONE column, each physical line a
cell; saved again as CSV, every line holding a ``"`` comes back wrapped in quotes
with its own quotes doubled, and a line that started with a quoted field loses
that field's quotes::

    "Post ID,""Account ID"",""Publish time"",Permalink"
    "18160563013405972,17841463586376007,""12/31/2025 08:24"",https://..."

Seen on real downloads published in public repositories (a restaurant's
Instagram post export and its Facebook video export). :func:`unwrap_lines`
restores the original text line by line, so multi-line captions come back whole.

Examples
--------
>>> text = '"Post ID,""Account ID"",Permalink"\\n"1,2,""https://x/p/A/"",x"\\nplain, line\\n'
>>> print(unwrap_lines(text))
Post ID,"Account ID",Permalink
1,2,"https://x/p/A/",x
plain, line
<BLANKLINE>
"""

from __future__ import annotations

import csv
import io

__all__ = ["looks_wrapped", "unwrap_lines"]


def looks_wrapped(header: list) -> bool:
    """True when a file's header is one cell that is itself a CSV header of several columns.

    Examples
    --------
    >>> looks_wrapped(['Post ID,"Account ID","Account username"']), looks_wrapped(["Post ID", "Reach"])
    (True, False)
    """
    if len([h for h in header if str(h).strip()]) != 1:
        return False
    cell = next(str(h) for h in header if str(h).strip())
    fields = next(csv.reader(io.StringIO(cell)), [])
    return len(fields) >= 3 and sum(1 for f in fields if f.strip()) >= 3


def _unwrap(line: str) -> str:
    if len(line) > 1 and line.startswith('"') and line.endswith('"'):
        return line[1:-1].replace('""', '"')
    return line  # a line without quotes was written as it was


def unwrap_lines(text: str) -> str:
    """The CSV text before the spreadsheet wrapped its lines (see the module docstring).

    A wrapped line loses its outer quotes and has its doubled quotes undone; lines the
    spreadsheet left alone (no quote in them) are kept as they are.
    """
    return "\n".join(_unwrap(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
