"""Each documented error of the readers, with match=."""

from pathlib import Path

import pytest

from smanalysis.exceptions import EmptyDataError, FormatError, SchemaError
from smanalysis.io import read

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"


def test_unknown_format_names_the_closest_layouts_by_header_overlap():
    with pytest.raises(FormatError, match=r"unknown_format\.csv \(line 1\): unknown layout") as e:
        read(FIX / "unknown_format.csv")
    msg = str(e.value)
    # 'Umur' (age) is the only header any layout knows: the audience export, 1 of its 3 columns
    assert "the closest layouts by header overlap: meta_audience (1 of 3 columns, lacks ['Women', 'Men'])" in msg
    assert "['Nama', 'Umur', 'Kota']" in msg


def test_unknown_format_is_a_value_error():
    with pytest.raises(ValueError):
        read(FIX / "unknown_format.csv")


def test_drifted_header_missing_a_signature_column_names_it(tmp_path):
    f = tmp_path / "ig.csv"
    # an Instagram export without "Account ID" nor "Account username": the closest format is named with the
    # missing columns (one of the two would do)
    f.write_text('"Post ID","Account name","Publish time","Permalink","Post type","Reach"\n'
                 '"1","Kopi Senja","10/01/2026 10:00","https://x","IG image","5"\n')
    with pytest.raises(FormatError, match=r"meta_posts_instagram \(5 of 21 columns, lacks "
                                          r"\['Account ID or Account username'\]\)"):
        read(f)


def test_empty_file():
    with pytest.raises(EmptyDataError, match=r"empty\.csv: the file is empty"):
        read(FIX / "empty.csv")


def test_blank_lines_only_file(tmp_path):
    f = tmp_path / "blank.csv"
    f.write_text("\n\n   \n")
    with pytest.raises(EmptyDataError, match="the file is empty"):
        read(f)


def test_undecodable_binary_file():
    with pytest.raises(FormatError, match=r"binary\.csv: cannot be decoded"):
        read(FIX / "binary.csv")


def test_binary_with_zero_bytes(tmp_path):
    f = tmp_path / "photo.csv"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x00" * 300)
    with pytest.raises(FormatError, match="binary file"):
        read(f)


def test_broken_xlsx(tmp_path):
    f = tmp_path / "plan.xlsx"
    f.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(FormatError, match=r"plan\.xlsx: cannot be read as an XLSX workbook"):
        read(f)


def test_forced_kind_missing_required_columns():
    with pytest.raises(SchemaError, match=r"line 1\): read\(kind='x_activity'\) lacks required columns \['Tweet permalink', 'time'"):
        read(FIX / "meta_ig_views_bom.csv", kind="x_activity")


def test_mapping_missing_required_columns():
    with pytest.raises(SchemaError, match=r"lacks required columns \['created_at'\]; columns present"):
        read(FIX / "generic_comments.csv", kind="comments",
             mapping={"comment_id": "kode", "post_id": "postingan", "author": "nama_akun", "text": "isi"})


def test_mapping_names_absent_column():
    with pytest.raises(SchemaError, match=r"mapping names columns the file lacks: \[\"text <- 'komentar'\"\]"):
        read(FIX / "generic_comments.csv", kind="comments", mapping={"text": "komentar"})


def test_bad_kind():
    with pytest.raises(ValueError, match=r"The value for `kind` must be one of \[.*\], but 'instagram' was passed"):
        read(FIX / "meta_ig_views_bom.csv", kind="instagram")


def test_mapping_needs_a_table_kind():
    with pytest.raises(ValueError, match="`mapping` needs `kind` to be a table name"):
        read(FIX / "generic_comments.csv", mapping={"text": "isi"})


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        read(tmp_path / "nope.csv")


def test_undecodable_bytes_in_one_row_become_a_reject(tmp_path):
    f = tmp_path / "c.csv"
    good = "date,platform,account,followers\n2026-10-01,instagram,kopisenja.id,5\n".encode()
    f.write_bytes(good + b"2026-10-02,instagram,kopi\xff\xfesenja,6\n" + "2026-10-03,instagram,k☕,7\n".encode())
    r = read(f)
    assert r.data["followers"].tolist() == [5.0, 7.0]
    assert r.rejects["line"].tolist() == [3]
    assert "undecodable bytes" in r.rejects["reason"].iloc[0]


def test_unterminated_quote_becomes_a_reject(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('date,platform,account,followers\n2026-10-01,instagram,a,5\n2026-10-02,instagram,"a,6\n'
                 "2026-10-03,instagram,a,7\n")
    r = read(f)
    # the stray quote costs its own line only: line 4 is re-synchronised and read (issue 9)
    assert r.data["followers"].tolist() == [5.0, 7.0]
    assert r.data["source_line"].tolist() == [2.0, 4.0]
    assert r.rejects["line"].tolist() == [3]
    assert "unclosed quote" in r.rejects["reason"].iloc[0]
    assert any("tolerant parser" in w for w in r.warnings)


def test_stray_quote_mid_file_resynchronises_every_line_accounted(tmp_path):
    # a Meta export whose caption on line 3 lost its closing quote; line 5 holds a real multi-line caption
    f = tmp_path / "ig.csv"
    f.write_text('Post ID,Account ID,Account username,Description,Publish time,Permalink,Post type,Reach,Likes\n'
                 '1,9,kopi,"Kopi pagi",10/01/2026 08:00,https://i/p/1,IG image,100,5\n'
                 '2,9,kopi,"Promo 35rb ,10/02/2026 08:00,https://i/p/2,IG image,200,6\n'
                 '3,9,kopi,Senja,10/03/2026 08:00,https://i/p/3,IG image,300,7\n'
                 '4,9,kopi,"baris satu\nbaris dua",10/04/2026 08:00,https://i/p/4,IG image,400,8\n'
                 '5,9,kopi,Malam,10/05/2026 08:00,https://i/p/5,IG image,500,9\n', encoding="utf-8")
    r = read(f, timezone="Asia/Jakarta")
    assert r.data["post_id"].tolist() == ["1", "3", "4", "5"]
    assert r.data["source_line"].tolist() == [2.0, 4.0, 5.0, 7.0]
    assert r.data.loc[r.data["post_id"] == "4", "caption"].iloc[0] == "baris satu\nbaris dua"
    assert r.rejects["line"].tolist() == [3]
    # physical lines 2..7: data rows 2, 4, 5-6, 7 and the reject 3 -> every line accounted for
    assert r.rows == 5


def test_crlf_file_with_multiline_cell_keeps_line_numbers(tmp_path):
    f = tmp_path / "c.csv"
    f.write_bytes(b'comment_id,post_id,platform,author,text,created_at\r\n'
                  b'c1,p1,instagram,a,"baris satu\r\nbaris dua",2026-10-01T00:00:00Z\r\n'
                  b'c2,p1,instagram,b,ok,2026-10-01T00:00:00Z\r\n'
                  b'c3,p1,instagram,b,ok,2026-10-01T00:00:00Z,extra\r\n')
    r = read(f)
    assert r.data["text"].tolist() == ["baris satu\nbaris dua", "ok"]
    assert r.data["source_line"].tolist() == [2.0, 4.0]
    assert r.rejects[["line", "raw"]].values.tolist() == [[5, "c3,p1,instagram,b,ok,2026-10-01T00:00:00Z,extra"]]
