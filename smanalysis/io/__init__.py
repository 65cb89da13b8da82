"""Readers of real platform exports into the canonical tables, and writers of those exports.

* :func:`read` reads one file; the format is detected from the header by
  subsets of columns (headers drift), see :func:`formats_table`;
* :func:`load_dataset` reads many files and folders into one :class:`Dataset`,
  resolves duplicates by one documented rule per table and lists the files it
  could not read in ``Dataset.failed``;
* :func:`load_report` says what was read (used by ``smanalysis load``);
* :func:`parse_count` reads counts like "12.400", "1,2 rb", "1.2K", "4.5%";
* :mod:`smanalysis.io.writers` writes the real formats (used by the sample generator).

Nothing is lost: every data row of a file ends up in ``.data`` or in
``.rejects`` (file, line, column, reason, raw). Timestamps come out in UTC;
local times in the files are taken in ``timezone`` (default ``Asia/Jakarta``).

Examples
--------
>>> from smanalysis.io import parse_count, formats_table
>>> parse_count(["1,2 rb"]).tolist()
[1200.0]
>>> formats_table().loc["meta_daily", "table"]
'account_daily'
"""

import pandas as pd

from . import formats, writers
from .api import ReadResult, read
from .dataset import Dataset, load_dataset, load_report
from .detect import KINDS
from .numbers import parse_count

__all__ = ["read", "ReadResult", "load_dataset", "Dataset", "load_report", "parse_count", "formats_table", "KINDS",
           "formats", "writers"]


def formats_table() -> pd.DataFrame:
    """The export formats :func:`read` detects: table fed, platform, detection columns and provenance.

    Returns
    -------
    DataFrame
        Indexed by format name, columns ``table``, ``platform``, ``signature`` (header names that must
        all be present, in English) and ``note``.

    Examples
    --------
    >>> t = formats_table()
    >>> t.loc["x_activity", "signature"][:2]
    ['Tweet id', 'Tweet permalink']
    """
    rows = {name: {"table": s.table, "platform": s.platform, "signature": [s.header_name(e) for e in s.signature],
                   "note": s.note} for name, s in formats.FORMATS.items()}
    return pd.DataFrame.from_dict(rows, orient="index")
