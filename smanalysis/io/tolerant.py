"""The tolerant CSV parser for broken files: re-synchronises after a stray quote.

pandas' C parser is used for every well-formed file; this parser runs only when
it fails or when its records do not account for every physical line (a stray,
unclosed quote that swallowed the following rows). Records are read one
physical line at a time: a record whose quotes do not close, or that closes
only several lines later with the wrong number of fields, is a stray quote: its
FIRST line is rejected and parsing starts again on the next line. So every
physical line ends up in a data row or in the rejects, and one bad quote costs
one row, not the rest of the file.

Examples
--------
>>> body = 'id,text,likes\\n1,"enak,5\\n2,mantap,7\\n3,"multi\\nline",9\\n'
>>> header, rows, lines, bad = parse_tolerant(body, header_line=1, delim=",")
>>> header, rows, lines.tolist()
(['id', 'text', 'likes'], [['2', 'mantap', '7'], ['3', 'multi\\nline', '9']], [3, 4])
>>> bad
[(2, 'unclosed quote: the record does not end on this line (re-synchronised at the next line)', '1,"enak,5')]
"""

from __future__ import annotations

import csv

import numpy as np

__all__ = ["parse_tolerant", "dedupe_names"]

#: Longest record (in physical lines) a quoted field may span before the quote counts as stray.
MAX_RECORD_LINES = 200


def dedupe_names(names) -> list:
    """Header names made unique: a repeated ``name`` becomes ``name.1``, ``name.2``...

    Examples
    --------
    >>> dedupe_names(["a", "b", "a"])
    ['a', 'b', 'a.1']
    """
    seen, out = {}, []
    for n in names:
        if n in seen:
            seen[n] += 1
            out.append(f"{n}.{seen[n]}")
        else:
            seen[n] = 0
            out.append(n)
    return out


def parse_tolerant(body: str, *, header_line: int, delim: str):
    """Parse CSV text (header first) record by record, re-synchronising after stray quotes.

    Parameters
    ----------
    body : str
        The header line and the data, ``\\n`` line ends.
    header_line : int
        File line of the header (1-based).
    delim : str

    Returns
    -------
    (header, rows, lines, bad)
        Header fields; data rows padded to the header's width; the file line where each row
        starts (ndarray); rejected records as ``(line, reason, raw)`` tuples. Blank lines are
        not data rows.
    """
    physical = body.split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    header, width = None, 0
    rows, starts, bad = [], [], []
    i, n = 0, len(physical)
    while i < n:
        line = physical[i]
        j = i
        text = line
        quotes = line.count('"')
        while quotes % 2 == 1 and j + 1 < n and j - i < MAX_RECORD_LINES:
            j += 1
            text += "\n" + physical[j]
            quotes += physical[j].count('"')
        ln = header_line + i
        if quotes % 2 == 1:
            bad.append((ln, "unclosed quote: the record runs to the end of the file (re-synchronised at the next "
                            "line)", line[:500]))
            i += 1
            continue
        recs = list(csv.reader(_Lines(text), delimiter=delim, quotechar='"', strict=False))
        if len(recs) != 1 and j > i:  # balanced quotes that still do not make one record: a stray quote
            bad.append((ln, "unclosed quote: the record does not end on this line (re-synchronised at the next "
                            "line)", line[:500]))
            i += 1
            continue
        rec = recs[0] if recs else []
        if header is None:
            header = [h.strip() for h in rec]
            width = len(header)
            i = j + 1
            continue
        if not any(x.strip() for x in rec):
            i = j + 1
            continue
        if j > i and len(rec) != width:
            bad.append((ln, "unclosed quote: the record does not end on this line (re-synchronised at the next "
                            "line)", line[:500]))
            i += 1
            continue
        if len(rec) > width:
            bad.append((ln, f"expected {width} fields, saw {len(rec)}", text[:500]))
        else:
            rows.append(rec + [""] * (width - len(rec)))
            starts.append(ln)
        i = j + 1
    return header or [], rows, np.array(starts, dtype="int64"), bad


class _Lines:
    """The lines of one record for the csv module, newlines kept (so quoted line breaks survive)."""

    def __init__(self, text):
        self.parts = [p + "\n" for p in text.split("\n")]
        self.parts[-1] = self.parts[-1][:-1]

    def __iter__(self):
        return iter(self.parts)
