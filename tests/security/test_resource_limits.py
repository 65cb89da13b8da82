"""Issue 13 item 9: tiny hostile files fail fast with an error naming the file (no GB, no minutes)."""

import zipfile

import openpyxl
import pytest

from smanalysis.exceptions import FormatError, SchemaError
from smanalysis.reporting.config import read_config

from _clients import client


def _sparse_xlsx(path, cell="ZZ200000"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "Date", "Likes"
    ws["A2"], ws["B2"] = "2026-10-01", "3"
    ws[cell] = "x"
    wb.save(path)
    return path


@pytest.mark.parametrize("cell", ["ZZ200000", "XFD10", "Z900000"])
def test_far_away_cell_is_refused_before_reading(tmp_path, cell):
    from smanalysis.io.raw import read_raw

    path = _sparse_xlsx(tmp_path / "bom.xlsx", cell)
    assert path.stat().st_size < 10_000
    with pytest.raises(FormatError, match=r"bom\.xlsx: the sheet .* too large"):
        read_raw(path)


def test_zip_bomb_sheet_is_refused(tmp_path):
    from smanalysis.io.raw import read_raw

    path = _sparse_xlsx(tmp_path / "zip.xlsx", "B3")
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("xl/worksheets/sheet9.xml", b"<a>" + b" " * (300 * 1024 * 1024) + b"</a>",
                   compress_type=zipfile.ZIP_DEFLATED)
    with pytest.raises(FormatError, match=r"zip\.xlsx: .*too large"):
        read_raw(path)


def test_normal_workbook_still_reads(tmp_path):
    from smanalysis.io.raw import read_raw

    raw = read_raw(_sparse_xlsx(tmp_path / "ok.xlsx", "C3"))
    assert list(raw.header)[:2] == ["Date", "Likes"]


BOMB = """a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


@pytest.mark.parametrize("key", ["period", "notebooks", "client"])
def test_yaml_alias_bomb_is_refused(tmp_path, key):
    cfg = client(tmp_path, "kopi", BOMB + f"{key}: *g\n", name="bom")
    with pytest.raises(SchemaError, match=r"bom\.yaml: .*aliases"):
        read_config(cfg)


def test_huge_yaml_is_refused(tmp_path):
    cfg = client(tmp_path, "kopi", "notes: '" + "x" * (2 * 1024 * 1024) + "'\n", name="besar")
    with pytest.raises(SchemaError, match=r"besar\.yaml: .*larger than"):
        read_config(cfg)


@pytest.mark.parametrize("extra, match", [
    ("notebooks: {a: 1}\n", "`notebooks` must be"),
    ("notebooks: [[04]]\n", "`notebooks` must be"),
    ("client: [a, b]\n", "`client` must be"),
    ("period: 5\n", "`period` must be"),
    ("lang: [id]\n", "`lang` must be"),
    ("pseudonymise: 'nanti'\n", "`pseudonymise` must be"),
    ("salt: {x: 1}\n", "`salt` must be"),
    ("codebook: [a]\n", "`codebook` must be"),
])
def test_config_values_are_type_checked(tmp_path, extra, match):
    cfg = client(tmp_path, "kopi", extra, name="tipe")
    with pytest.raises(SchemaError, match=rf"tipe\.yaml: {match}"):
        read_config(cfg)
