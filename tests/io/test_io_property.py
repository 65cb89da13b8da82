"""Property: on randomly broken files, read() raises only documented errors and never loses a row.

A valid export is generated (random cell text, including commas, quotes,
newlines and emoji, quoted as CSV requires), then broken line by line: extra
fields, missing fields, garbage bytes, blank lines, stray quotes, bad dates,
empty ids, unreadable numbers. The oracle counts the file's data records with
Python's csv module on the same decoded text (blank records are not data);
``len(data) + len(rejects)`` must equal it.
"""

import csv
import io
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smanalysis.exceptions import EmptyDataError, FormatError, SchemaError
from smanalysis.io import read
from smanalysis.io.raw import decode

DOCUMENTED = (EmptyDataError, FormatError, SchemaError)

IG_HEADER = ["Post ID", "Account ID", "Account username", "Description", "Publish time", "Permalink", "Post type",
             "Date", "Views", "Reach", "Likes", "Comments", "Saves"]
CM_HEADER = ["Platform", "Post ID", "Comment ID", "Parent ID", "Username", "Date", "Likes", "Comment"]

cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
count = st.one_of(st.integers(0, 10**7).map(str), st.sampled_from(["12.400", "1,2 rb", "1.2K", "3M", "", "-",
                                                                       "undefined", "banyak"]))


@st.composite
def ig_row(draw):
    return [draw(st.one_of(st.integers(1, 10**17).map(str), st.just(""))), "1784", "kopisenja.id", draw(cell_text),
            draw(st.one_of(st.just("10/31/2026 19:05"), st.just("31/10/2026 19:05"), cell_text)),
            "https://www.instagram.com/p/x/", draw(st.sampled_from(["IG image", "IG reel", "IG carousel", "x"])),
            "Lifetime", draw(count), draw(count), draw(count), draw(count), draw(count)]


@st.composite
def cm_row(draw):
    return [draw(st.sampled_from(["Instagram", "TikTok", "X", "Friendster", ""])), "p1",
            draw(st.one_of(st.integers(1, 10**6).map(str), st.just(""))), draw(st.sampled_from(["", "c1"])),
            draw(cell_text), draw(st.one_of(st.just("2026-10-01 19:05:00+07:00"), st.just("2026-10-01"), cell_text)),
            draw(count), draw(cell_text)]


damage = st.lists(
    st.tuples(st.integers(0, 30), st.sampled_from(["extra", "short", "garbage", "blank", "quote", "cr", "bom"])),
    max_size=4,
)


def _build(header, rows, hurts, encoding):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL if encoding == "utf-8-sig" else csv.QUOTE_MINIMAL, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    lines = buf.getvalue().split("\n")
    head, body = lines[:1], lines[1:]
    raw_lines = [ln.encode("utf-8") for ln in body]
    for pos, kind in hurts:
        if not raw_lines:
            break
        i = pos % len(raw_lines)
        if kind == "extra":
            raw_lines[i] += b",extra,cells"
        elif kind == "short":
            raw_lines[i] = raw_lines[i][: len(raw_lines[i]) // 2]
        elif kind == "garbage":
            raw_lines[i] += b"\xff\xfe\x81 rusak"
        elif kind == "blank":
            raw_lines.insert(i, b"")
        elif kind == "quote":
            raw_lines[i] = b'"' + raw_lines[i]
        elif kind == "cr":
            raw_lines[i] += b"\r"
        elif kind == "bom":
            raw_lines[i] = "\ufeff".encode() + raw_lines[i]
    data = "\n".join(head).encode("utf-8") + b"\n" + b"\n".join(raw_lines)
    if encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + data
    return data


def _records(data: bytes) -> int:
    """Oracle: data records (non-blank) after the header, as Python's csv module reads the decoded text."""
    text, _, _ = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\ufeff", "")
    rows = list(csv.reader(io.StringIO(text), strict=False))
    return sum(1 for r in rows[1:] if any(x.strip() for x in r))


@pytest.mark.parametrize("header, row", [(IG_HEADER, ig_row()), (CM_HEADER, cm_row())], ids=["meta_ig", "comments"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.data())
def test_broken_files_lose_no_row(tmp_path, header, row, data):
    rows = data.draw(st.lists(row, max_size=12))
    hurts = data.draw(damage)
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig"]))
    blob = _build(header, rows, hurts, encoding)
    f = tmp_path / "export.csv"
    f.write_bytes(blob)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = read(f)
    except DOCUMENTED:
        return
    swallowing = _records(blob)  # the csv module lets a stray quote swallow the next lines
    assert len(r.data) + len(r.rejects) == r.rows >= swallowing
    starts = sorted(r.data["source_line"].astype(int).tolist() + r.rejects["line"].astype(int).tolist())
    assert len(starts) == len(set(starts))  # no line read twice
    n_lines = len(blob.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"))
    assert all(2 <= s <= n_lines for s in starts)
    assert r.rejects["line"].gt(1).all()
    assert set(r.rejects.columns) == {"file", "line", "column", "reason", "raw"}
    assert r.rejects["reason"].notna().all()
