"""Readers of real platform exports into the canonical tables, and writers of those exports.

See :mod:`smanalysis.io.writers` for the writers (used by the sample generator).
"""

from . import formats, writers

__all__ = ["formats", "writers"]
