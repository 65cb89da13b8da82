"""Low-level reading: bytes -> text -> a table of strings with the file line of every row.

Handles the encodings exports come in (UTF-8 with or without BOM, UTF-16 with
BOM as Meta's daily series, Windows-1252 from Excel), a ``sep=`` first line,
one-cell preamble lines (Meta's metric-name line), the delimiter (``,``, ``;``
or tab), quoted fields spanning lines, rows with too many fields and
unterminated quotes. Line ends are ``\n``, ``\r\n`` or ``\r``; stray BOM
characters (U+FEFF) anywhere in the text are removed. Every record after the header ends up either in
:attr:`RawTable.frame` or in :attr:`RawTable.bad` (with line and reason); blank
records are not data rows and are skipped.

Examples
--------
>>> raw = parse_text('sep=,\\n"Metric"\\n"Date","Primary"\\n"2026-10-01T00:00:00","5"\\n', source="f.csv")
>>> raw.header, raw.preamble, raw.lines.tolist()
(['Date', 'Primary'], ['Metric'], [4])
"""

from __future__ import annotations

import contextlib
import csv
import io
import mmap
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..exceptions import EmptyDataError, FormatError
from .arrowtext import STR, arrow_text
from .fastcsv import blank_rows, read_clean
from .limits import check_xlsx
from .resaved import looks_wrapped, unwrap_lines
from .tolerant import dedupe_names, parse_tolerant

__all__ = ["RawTable", "decode", "parse_text", "read_raw"]


@dataclass
class RawTable:
    """A parsed file before mapping to a canonical table.

    Attributes
    ----------
    frame : DataFrame
        Data rows, every cell a string (missing cells are ``""``), columns as in
        the header (duplicates renamed ``name.1``).
    lines : ndarray of int
        1-based file line where each row of ``frame`` starts (header = its line).
    header : list of str
    header_line : int
    preamble : list of str
        Lines before the header other than ``sep=`` (e.g. Meta's metric name).
    bad : DataFrame
        Records that could not be parsed: line, reason, raw.
    warnings : list of str
    encoding : str
    container : str
        ``csv`` or ``xlsx``.
    """

    frame: pd.DataFrame
    lines: np.ndarray
    header: list
    header_line: int = 1
    preamble: list = field(default_factory=list)
    bad: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["line", "reason", "raw"]))
    warnings: list = field(default_factory=list)
    encoding: str = "utf-8"
    container: str = "csv"


def _bad(lines=(), reasons=(), raws=()):
    return pd.DataFrame({"line": pd.Series(list(lines), dtype="int64"), "reason": list(reasons), "raw": list(raws)})


def decode(data: bytes, *, source: str = "file") -> tuple[str, str, bool]:
    """Decode file bytes; return ``(text, encoding, had_errors)``.

    BOMs decide first (UTF-8, UTF-16 LE/BE); UTF-16 without BOM is recognised
    by its zero bytes. Otherwise UTF-8 is tried; a file that is mostly UTF-8 with
    a few broken bytes is decoded with replacement characters (the rows holding
    them become rejects); a file that is not UTF-8 but is valid Windows-1252 is
    read as such, with a warning by the caller.

    Raises
    ------
    FormatError
        When the bytes are binary (not a text export) or cannot be decoded.

    Examples
    --------
    >>> decode("\\ufeffa,b".encode("utf-8"))[:2]
    ('a,b', 'utf-8-sig')
    >>> decode("a,b".encode("utf-16"))[:2]
    ('a,b', 'utf-16')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", False
        except UnicodeDecodeError:
            return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", True
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", False
        except UnicodeDecodeError as err:
            raise FormatError(f"{source}: cannot be decoded as UTF-16 (it starts with a UTF-16 mark): {err}") from err
    head = data[:4096]
    if head and head.count(b"\x00") > len(head) // 4:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        enc = "utf-16-le" if odd > even else "utf-16-be"
        if max(even, odd) > len(head) // 3:
            try:
                return data.decode(enc), enc, False
            except UnicodeDecodeError:
                pass
        zeros = head.count(0)
        raise FormatError(f"{source}: cannot be decoded: it looks like a binary file, not a CSV/XLSX/JSONL export "
                          f"({zeros} zero bytes in the first {len(head)} bytes)")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as err:
        first_err = err
    text = data.decode("utf-8", errors="replace")
    n_lines = text.count("\n") + 1
    bad_lines = sum(1 for ln in text.split("\n") if "\ufffd" in ln)
    # real UTF-8 characters decoded (not replacement marks): then the file is UTF-8 with a few broken bytes
    multibyte_ok = any(ord(ch) > 127 and ch != "\ufffd" for ch in text)
    if multibyte_ok:
        return text, "utf-8", True
    try:
        return data.decode("cp1252"), "cp1252", False
    except UnicodeDecodeError:
        pass
    if bad_lines <= max(1, n_lines // 10):
        return text, "utf-8", True
    raise FormatError(f"{source}: cannot be decoded as UTF-8, UTF-16 or Windows-1252 "
                      f"(first bad byte at offset {first_err.start})") from first_err


def _has_bad(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


_LONE_CR = re.compile(rb"\r(?!\n)")
_SKIP_RX = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")


def _sniff_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


def _split_preamble(text: str, max_lines: int = 5):
    """Find ``sep=`` and one-cell lines before the header; return (delim, preamble, header_line, body)."""
    delim = None
    preamble = []
    pos = 0
    line_no = 0
    for _ in range(max_lines + 1):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        stripped = line.strip()
        sep = re.fullmatch(r'"?sep=(.)"?', line.rstrip("\r\n").lstrip(" "), flags=re.I)
        if line_no == 0 and sep:
            delim = sep.group(1)
        elif stripped == "" and nl >= 0:
            pass  # leading blank line
        else:
            d = delim or _sniff_delimiter(stripped)
            # a one-cell line, also when Excel padded it with empty cells ("Facebook follows;;")
            one_cell = sum(1 for c in stripped.split(d) if c.strip().strip('"')) <= 1
            if one_cell and d in stripped:
                stripped = next((c.strip() for c in stripped.split(d) if c.strip().strip('"')), "")
            if one_cell and len(preamble) < max_lines and nl >= 0:
                preamble.append(stripped.strip('"'))
            else:
                return delim or _sniff_delimiter(stripped), preamble, line_no + 1, text[pos:]
        line_no += 1
        if nl < 0:
            break
        pos = nl + 1
    return delim or ",", preamble, line_no + 1, text[pos:]


def parse_text(text: str, *, source: str = "file", had_errors: bool = False, encoding: str = "utf-8") -> RawTable:
    """Parse decoded CSV text into a :class:`RawTable` (see the module docstring).

    Raises
    ------
    EmptyDataError
        When the text has no header.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    warn = []
    if "\x00" in text:
        text = text.replace("\x00", "")
        warn.append("zero bytes removed from the text")
    delim, preamble, header_line, body = _split_preamble(text)
    if not body.strip():
        raise EmptyDataError(f"{source}: the file is empty (no header line found)")
    try:
        header, rest, header_span = _header_of(body, delim)
        frame, skipped = _read_c(io.StringIO(rest), delim, dedupe_names(header) + [_OVERFLOW])
        raw = _from_c(frame, skipped, rest, header_line + header_span - 1, delim, header)
    except (pd.errors.ParserError, ValueError, csv.Error) as err:
        raw = _from_python(body, header_line, delim)
        warn.append(f"CSV structure problem ({str(err).strip()}); read with the tolerant parser")
    raw.preamble = preamble
    raw.encoding = encoding
    raw.warnings = warn + raw.warnings
    if had_errors:
        cells = raw.frame.apply(lambda c: c.str.contains("\ufffd", regex=False)) if len(raw.frame.columns) else None
        if cells is not None and len(raw.frame):
            bad_rows = cells.any(axis=1).to_numpy()
            if bad_rows.any():
                raw = _move_to_bad(raw, bad_rows, "undecodable bytes (not UTF-8) in this row", delim)
    return raw


def _move_to_bad(raw: RawTable, mask: np.ndarray, reason: str, delim: str) -> RawTable:
    rows = raw.frame[mask]
    add = _bad(raw.lines[mask], [reason] * int(mask.sum()), rows.astype(str).agg(delim.join, axis=1).tolist())
    raw.bad = pd.concat([raw.bad, add], ignore_index=True) if len(raw.bad) else add
    raw.frame = raw.frame[~mask].reset_index(drop=True)
    raw.lines = raw.lines[~mask]
    return raw


def _drop_blank(frame: pd.DataFrame, lines: np.ndarray):
    if not len(frame) or not len(frame.columns):
        return frame, lines
    cols = (arrow_text(frame[c]) for c in frame.columns)
    blank = blank_rows(cols, len(frame))
    if blank.any():
        frame = frame[~blank].reset_index(drop=True)
        lines = lines[~blank]
    return frame, lines


_OVERFLOW = "\x00overflow"


def _header_of(body: str, delim: str):
    """Header fields (csv rules), the text after the header, and how many lines the header spans."""
    reader = csv.reader(io.StringIO(body[:1 << 16]), delimiter=delim, quotechar='"', strict=False)
    header = next(reader, [])
    span = max(reader.line_num, 1)
    pos = 0
    for _ in range(span):
        nl = body.find("\n", pos)
        pos = len(body) if nl < 0 else nl + 1
    return [h.strip() for h in header], body[pos:], span


def _as_text(line) -> str:
    if isinstance(line, bytes):
        line = line.decode("utf-8", errors="replace")
    return line.rstrip("\r")


def _read_c(buf, delim: str, names, **kw):
    """pandas' C parser with our settings; returns (frame, skipped records as (record, expected, saw))."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # pandas' Arrow-backed "str" cells, the dtype the converters work in (no conversion per column touched)
        frame = pd.read_csv(buf, sep=delim, dtype=STR, keep_default_na=False, na_filter=False,
                            skip_blank_lines=False, on_bad_lines="warn", engine="c", quotechar='"',
                            header=None, names=names, index_col=False, **kw)
    skipped = [(int(m.group(1)) + 1, int(m.group(2)) - 1, int(m.group(3)))
               for w in caught for m in _SKIP_RX.finditer(str(w.message))]
    return frame, skipped


def parse_bytes(data, *, source: str = "file"):
    """Fast path for clean UTF-8 files: parse the bytes directly (no full decoded copy in memory).

    ``data`` is ``bytes`` or a read-only ``mmap`` of the file (what :func:`read_raw` passes).

    Returns a :class:`RawTable`, or None when the file needs the text path
    (other encodings, stray BOMs or zero bytes, lone ``\r`` line ends, broken
    UTF-8 or broken CSV structure).
    """
    start = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.find(b"\x00") >= 0 or _stray_bom(data, start):
        return None
    if data.find(b"\r") >= 0 and _LONE_CR.search(data):
        return None
    try:
        prefix = data[start:start + (1 << 16)].decode("utf-8", errors="ignore").replace("\r\n", "\n")
        delim, preamble, header_line, body = _split_preamble(prefix)
        if not body.strip():
            return None
        header, _, span = _header_of(body, delim)
        skip = header_line - 1 + span
        pos = start
        for _ in range(skip):
            nl = data.find(b"\n", pos)
            if nl < 0:
                pos = len(data)
                break
            pos = nl + 1
        fast = read_clean(data, delim=delim, names=dedupe_names(header), first_line=header_line + span, start=pos)
        if fast is not None:
            frame, lines = fast
            raw = RawTable(frame=frame, lines=lines, header=list(frame.columns), header_line=header_line + span - 1)
            raw.preamble = preamble
            raw.encoding = "utf-8-sig" if start else "utf-8"
            return raw
        rest = data[pos:]
        frame, skipped = _read_c(io.BytesIO(rest), delim, dedupe_names(header) + [_OVERFLOW], encoding="utf-8",
                                 encoding_errors="strict")
        raw = _from_c(frame, skipped, rest, header_line + span - 1, delim, header)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError, csv.Error):
        return None
    raw.preamble = preamble
    raw.encoding = "utf-8-sig" if start else "utf-8"
    return raw


def _stray_bom(data: bytes, start: int) -> bool:
    """Whether a UTF-8 BOM (EF BB BF) occurs after byte ``start``. A one-byte search (memchr) for its middle
    byte rules most files out at once; the three-byte search runs only from there.

    >>> _stray_bom(b"a,b\\n\\xef\\xbb\\xbf1,2", 0), _stray_bom("a,b\\n\\u00bb,\\u00bf".encode(), 0)
    (True, False)
    """
    first = data.find(b"\xbb", start + 1)
    return first >= 0 and data.find(b"\xef\xbb\xbf", first - 1) >= 0


def _from_c(frame: pd.DataFrame, skipped, rest: str, header_line: int, delim: str, header) -> RawTable:
    width = len(header)
    n = len(frame)
    # a row with exactly one field too many lands in the overflow column instead of being skipped
    over = (frame[_OVERFLOW] != "").to_numpy() if n else np.zeros(0, dtype=bool)
    bad_recs = np.array(sorted(s[0] for s in skipped), dtype="int64")  # record numbers, header = 1
    n_records = n + len(bad_recs)
    spans = np.ones(n_records, dtype="int64")
    nl_char = "\n" if isinstance(rest, str) else b"\n"
    body_lines = rest.count(nl_char) + (0 if rest.endswith(nl_char) or not rest else 1)
    good_pos = np.setdiff1d(np.arange(2, n_records + 2), bad_recs) - 2
    if body_lines != n_records and n:
        nl = np.zeros(n, dtype="int64")
        last_nl = np.full(n, -1, dtype="int64")
        for k, c in enumerate(frame.columns):
            vals = frame[c].tolist()
            if "\n" in "\x01".join(vals):
                cnt = np.fromiter((v.count("\n") for v in vals), dtype="int64", count=n)
                nl += cnt
                last_nl[cnt > 0] = k
        spans[good_pos] = 1 + nl
        if int(spans.sum()) != body_lines:  # a stray quote swallowed lines into a skipped record
            raise ValueError("the records do not account for every line (unbalanced quotes)")
        _check_multiline(frame, last_nl, width)
    starts = header_line + 1 + np.concatenate([[0], np.cumsum(spans)[:-1]]) if n_records else np.zeros(0, "int64")
    lines = starts[good_pos]
    bad = _bad()
    if len(bad_recs):
        physical = rest.split(nl_char)
        bl = starts[bad_recs - 2]
        raws = [_as_text(physical[ln - header_line - 1]) if 0 <= ln - header_line - 1 < len(physical) else ""
                for ln in bl]
        reasons = [f"expected {width} fields, saw {s}" for _, _, s in sorted(skipped)]
        bad = _bad(bl, reasons, raws)
    raw = RawTable(frame=frame, lines=lines, header=list(frame.columns[:-1]), header_line=header_line, bad=bad)
    if over.any():
        cells = frame[over].drop(columns=_OVERFLOW).astype(str).agg(delim.join, axis=1) + delim + frame.loc[over, _OVERFLOW]
        add = _bad(lines[over], [f"expected {width} fields, saw {width + 1}"] * int(over.sum()), cells.tolist())
        raw.bad = pd.concat([raw.bad, add], ignore_index=True) if len(raw.bad) else add
        raw.frame = frame[~over].reset_index(drop=True)
        raw.lines = lines[~over]
    raw.frame = raw.frame.drop(columns=_OVERFLOW)
    raw.frame, raw.lines = _drop_blank(raw.frame, raw.lines)
    return raw


def _check_multiline(frame: pd.DataFrame, last_nl: np.ndarray, width: int) -> None:
    """Raise when a multi-line record looks like a stray quote: nothing after the field holding the line breaks.

    A real multi-line caption is followed by the rest of its row (publish time, counts); a quote
    that never closed swallows the next lines into one field and leaves the row's later cells empty.
    """
    rows = np.flatnonzero((last_nl >= 0) & (last_nl < width - 1))
    if not len(rows):
        return
    sub = frame.iloc[rows, :width]
    after = np.arange(width)[None, :] > last_nl[rows][:, None]
    filled = (sub.to_numpy(dtype=object) != "")
    if ((filled & after).sum(axis=1) == 0).any():
        raise ValueError("a multi-line record leaves the rest of its row empty (a stray, unclosed quote)")


def _from_python(body: str, header_line: int, delim: str) -> RawTable:
    """Tolerant parser for broken quoting (re-synchronises after a stray quote; only on broken files)."""
    header, rows, lines, bad = parse_tolerant(body, header_line=header_line, delim=delim)
    cols = dedupe_names(header)
    frame = pd.DataFrame(rows, columns=cols, dtype=object).astype(str) if rows else pd.DataFrame(
        {c: pd.Series([], dtype=str) for c in cols})
    return RawTable(frame=frame, lines=lines, header=cols, header_line=header_line,
                    bad=_bad([b[0] for b in bad], [b[1] for b in bad], [b[2] for b in bad]))


def read_xlsx(path: Path, *, source: str) -> RawTable:
    """Read the first sheet of an XLSX file; the header is the first row with two or more filled cells.

    Workbooks over the size limits of :func:`smanalysis.io.limits.check_xlsx` are refused first. The cells
    are read by python-calamine when it is installed (the same text as openpyxl gives), else (or when it
    refuses the file) by openpyxl, whose error names a broken workbook."""
    check_xlsx(path, source=source)
    grid = None
    with contextlib.suppress(Exception):  # python-calamine (Rust): ~50x faster; not installed or refused: openpyxl
        grid = pd.read_excel(path, header=None, dtype=str, keep_default_na=False, na_filter=False, engine="calamine")
    if grid is None:
        try:
            grid = pd.read_excel(path, header=None, dtype=str, keep_default_na=False, na_filter=False,
                                 engine="openpyxl")
        except Exception as err:  # openpyxl raises many kinds on a broken file
            raise FormatError(f"{source}: cannot be read as an XLSX workbook ({type(err).__name__}: {err})") from err
    grid = grid.fillna("").astype(str)
    filled = (grid.apply(lambda c: c.str.strip() != "")).sum(axis=1).to_numpy()
    idx = np.flatnonzero(filled >= 2)
    if not len(idx):
        raise EmptyDataError(f"{source}: the workbook is empty (no header row found)")
    h = int(idx[0])
    preamble = [" ".join(x for x in grid.iloc[i].tolist() if x.strip()) for i in range(h) if filled[i]]
    header = dedupe_names([str(x).strip() for x in grid.iloc[h].tolist()])
    frame = grid.iloc[h + 1:].copy()
    frame.columns = header
    lines = np.arange(h + 2, h + 2 + len(frame), dtype="int64")
    frame = frame.reset_index(drop=True)
    frame, lines = _drop_blank(frame, lines)
    return RawTable(frame=frame, lines=lines, header=header, header_line=h + 1, preamble=preamble,
                    encoding="xlsx", container="xlsx")


_SPACE_ONLY = re.compile(rb"[ \t\r\n\x0b\x0c]*")


def _mapped(path: Path):
    """The file's bytes as a read-only memory map (``b""`` for an empty file): slicing, ``find`` and the buffer
    protocol work as on ``bytes``, and nothing is copied until a slice is taken."""
    with open(path, "rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return b""
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def read_raw(path, *, source: str | None = None) -> RawTable:
    """Read a CSV/TSV or XLSX file into a :class:`RawTable`.

    Raises
    ------
    FileNotFoundError, EmptyDataError, FormatError
    """
    path = Path(path)
    source = source or str(path)
    if not path.exists():
        raise FileNotFoundError(f"{source}: no such file")
    data = _mapped(path)  # the file's bytes without reading them into memory (the page cache serves them)
    if not len(data) or _SPACE_ONLY.fullmatch(data):
        raise EmptyDataError(f"{source}: the file is empty (0 data rows, no header)")
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, source=source)
    raw = parse_bytes(data, source=source)
    if raw is not None and not looks_wrapped(raw.header):
        return raw
    data = bytes(data)  # the careful paths work on a copy in memory
    if raw is None:
        text, enc, had_errors = decode(data, source=source)
        raw = parse_text(text, source=source, had_errors=had_errors, encoding=enc)
        if enc == "cp1252":
            raw.warnings.insert(0, "not UTF-8: decoded as Windows-1252")
    if looks_wrapped(raw.header):  # every line re-saved as one quoted cell by a spreadsheet
        text, enc, had_errors = decode(data, source=source)
        warn = raw.warnings
        raw = parse_text(unwrap_lines(text), source=source, had_errors=had_errors, encoding=enc)
        raw.warnings = warn + ["every line was wrapped in quotes (re-saved by a spreadsheet as one column): "
                               "unwrapped"] + raw.warnings
    return raw
