"""The one writer of CSV and XLSX files meant for people (spreadsheet formula neutralisation).

Text from exports (captions, comments, themes, names) can start with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return; Excel, LibreOffice and Google Sheets would then run it as a formula
(``=HYPERLINK(...)`` leaks data, ``=cmd|...`` ran programs). Following the OWASP rule, such a cell
gets a leading apostrophe, so it shows as text. Numbers (and text that is only a number, such as
``"-5"``) are left alone. A text that already starts with apostrophes before such a character
(``"'=x"``) gets one more, so :func:`restore_text` gives every text back exactly. Every CSV/XLSX the project writes for people goes through
:func:`write_table` (next plan, care queue, plan review, plan vs actual, competitor scan, batch
summary, content plan).

Examples
--------
>>> import pandas as pd
>>> neutralise_formulas(pd.DataFrame({"caption": ["=1+1", "enak", "-5"]}))["caption"].tolist()
["'=1+1", 'enak', '-5']
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

__all__ = ["neutralise_formulas", "write_table", "FORMULA_START", "restore_text"]

#: first characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
#: apostrophes before a formula start: a text that already looks escaped gets one more apostrophe, so
#: :func:`restore_text` (drop one) gives every text back exactly
_LOOKS_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")


def _cell(v):
    if isinstance(v, str) and ((v.startswith(FORMULA_START) and not _NUMBER.match(v)) or _LOOKS_ESCAPED.match(v)):
        return "'" + v
    return v


def restore_text(v):
    """The text a neutralised cell held before :func:`neutralise_formulas` (the inverse, for read-backs).

    Examples
    --------
    >>> [restore_text(neutralise_formulas(pd.DataFrame({"t": [t]}))["t"].iloc[0]) for t in ["=1+1", "'=1+1", "'a"]]
    ['=1+1', "'=1+1", "'a"]
    """
    return v[1:] if isinstance(v, str) and _LOOKS_ESCAPED.match(v) else v


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells and column names cannot run as spreadsheet formulas.

    Parameters
    ----------
    df : DataFrame
        Any table; it is not changed.

    Returns
    -------
    DataFrame
        Same shape and index; text cells starting with one of :data:`FORMULA_START` (and not a
        plain number) get a leading ``'``; other cells are unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"@who": ["@kopi", "+62 812 555"], "n": [-1, 2]})
    >>> out = neutralise_formulas(df)
    >>> list(out.columns), out["'@who"].tolist(), out["n"].tolist()
    (["'@who", 'n'], ["'@kopi", "'+62 812 555"], [-1, 2])
    """
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype == object or isinstance(s.dtype, pd.StringDtype) or isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
            text = s.map(lambda v: isinstance(v, str))
            if text.any():
                out[col] = s.where(~text, s[text].map(_cell))
    out.columns = [_cell(str(c)) if isinstance(c, str) else c for c in out.columns]
    return out


def write_table(df: pd.DataFrame, path, *, sheet: str | None = None, excel: bool | None = None,
                encoding: str = "utf-8-sig", **csv_options) -> Path:
    """Write ``df`` for people as CSV (``.csv``) or XLSX (``.xlsx``), formulas neutralised.

    The file is written to a temporary name beside ``path`` and then renamed, so a reader never
    sees half a file.

    Parameters
    ----------
    df : DataFrame
        The table (index not written).
    path : path
        Target file.
    excel : bool, optional
        Write a workbook (XLSX) instead of CSV; default: when ``path`` ends in ``.xlsx``.
    sheet : str, optional
        Sheet name of a workbook (default ``Sheet1``).
    encoding : str, default "utf-8-sig"
        CSV encoding; the BOM lets Excel open UTF-8 correctly.
    **csv_options
        Passed to :meth:`pandas.DataFrame.to_csv` (``quoting``, ``lineterminator``...).

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile, os
    >>> p = write_table(pd.DataFrame({"theme": ["=2*3"]}), os.path.join(tempfile.mkdtemp(), "t.csv"))
    >>> p.read_text(encoding="utf-8-sig").splitlines()
    ['theme', "'=2*3"]
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe = neutralise_formulas(df)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if (path.suffix.lower() == ".xlsx") if excel is None else excel:
            safe.to_excel(tmp, index=False, sheet_name=sheet or "Sheet1", engine="openpyxl")
        else:
            with open(tmp, "w", encoding=encoding, newline="") as fh:
                safe.to_csv(fh, index=False, **{"lineterminator": "\r\n", **csv_options})
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
