"""Size limits checked before a file is parsed, so a tiny hostile file cannot take gigabytes.

A 2 KB workbook with one cell at ``ZZ200000`` makes spreadsheet readers build a grid of 140
million cells; a zip member can expand a thousandfold. :func:`check_xlsx` reads only the sheets'
cell references (streamed, no grid) and refuses a workbook whose used range or unpacked size is
beyond :data:`XLSX_MAX_CELLS`, :data:`XLSX_MAX_COLUMNS` or :data:`XLSX_MAX_UNPACKED` with a
:class:`~smanalysis.exceptions.FormatError` naming the file.

Examples
--------
>>> _column_number("ZZ")
702
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..exceptions import FormatError

__all__ = ["check_xlsx", "XLSX_MAX_CELLS", "XLSX_MAX_COLUMNS", "XLSX_MAX_UNPACKED", "XLSX_MAX_ROWS"]

#: largest used range (rows x columns) of a sheet read (a year of exports is far below)
XLSX_MAX_CELLS = 10_000_000
#: most rows a sheet may use (Excel's own limit)
XLSX_MAX_ROWS = 1_048_576
#: most columns a sheet may use (exports have tens)
XLSX_MAX_COLUMNS = 500
#: most bytes the workbook's members may unpack to
XLSX_MAX_UNPACKED = 256 * 1024 * 1024
_REF = re.compile(rb'<(?:\w+:)?(?:c|row)\b[^>]*?\br="([A-Z]{0,3})(\d+)"')


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def check_xlsx(path, *, source: str | None = None) -> None:
    """Refuse a workbook too large to read safely, before any grid is built.

    Raises
    ------
    FormatError
        When the unpacked size, the columns or the used range of a sheet are over the limits.
    """
    path = Path(path)
    source = source or str(path)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if sum(i.file_size for i in infos) > XLSX_MAX_UNPACKED:
                raise FormatError(f"{source}: the workbook unpacks to more than "
                                  f"{XLSX_MAX_UNPACKED // 2**20} MB; too large to read safely")
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    _check_sheet(z, info, source)
    except zipfile.BadZipFile:
        return  # not a zip: the reader reports the broken file in its own words


def _check_sheet(z: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> None:
    rows = cols = 0
    tail = b""
    with z.open(info) as fh:
        while chunk := fh.read(1 << 20):
            buf = tail + chunk
            for letters, num in _REF.findall(buf):
                rows = max(rows, int(num))
                if letters:
                    cols = max(cols, _column_number(letters.decode()))
            tail = buf[-200:]
    name = Path(info.filename).stem
    if cols > XLSX_MAX_COLUMNS or rows > XLSX_MAX_ROWS or rows * max(cols, 1) > XLSX_MAX_CELLS:
        raise FormatError(f"{source}: the sheet {name!r} uses {rows:,} rows x {cols:,} columns, too large to "
                          f"read safely (at most {XLSX_MAX_ROWS:,} rows, {XLSX_MAX_COLUMNS} columns and {XLSX_MAX_CELLS:,} cells); "
                          "delete stray cells far from the table and save again")
