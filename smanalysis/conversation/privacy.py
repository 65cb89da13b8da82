"""Pseudonyms for the people in the data: :func:`pseudonym` and :func:`pseudonymise`, defined in
:mod:`smanalysis.pseudonyms` (outside this package, so the report's parent process pseudonymises a
dataset without importing the conversation layer's models) and given here for the conversation layer.

Examples
--------
>>> pseudonym("@Budi", salt="s") == pseudonym("budi", salt="s")
True
"""

from ..pseudonyms import HANDLE_COLUMNS, TEXT_COLUMNS, URL_COLUMNS, pseudonym, pseudonymise

__all__ = ["pseudonym", "pseudonymise", "HANDLE_COLUMNS", "TEXT_COLUMNS", "URL_COLUMNS"]
