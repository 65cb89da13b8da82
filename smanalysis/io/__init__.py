"""Readers of real platform exports into the canonical tables, and writers of those exports.

* :func:`read` reads one file (format detected from its header),
* :func:`load_dataset` reads many files and folders into one :class:`Dataset`,
* :func:`load_report` prints what was read (used by ``smanalysis load``),
* :func:`parse_count` reads counts like "12.400", "1,2 rb", "1.2K",
* :mod:`smanalysis.io.writers` writes the real formats (for the sample generator).

Examples
--------
>>> from smanalysis.io import parse_count
>>> parse_count(["1,2 rb"]).tolist()
[1200.0]
"""

from . import formats, writers
from .api import ReadResult, read
from .dataset import Dataset, load_dataset, load_report
from .detect import KINDS
from .numbers import parse_count

__all__ = ["read", "ReadResult", "load_dataset", "Dataset", "load_report", "parse_count", "KINDS", "formats",
           "writers"]
