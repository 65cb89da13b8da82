"""The fast path (pyarrow reader, Arrow-backed text, vectorised cell parsers) gives what the careful path gives."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.io import read
from smanalysis.io import raw as raw_mod
from smanalysis.io.fastcsv import read_clean
from smanalysis.io.numbers import parse_count
from smanalysis.io.arrowtext import strptime
from smanalysis.io.parsing import clean_text, parse_mdy_time, parse_timestamp

NAMES = ["id", "text", "likes"]


def test_read_clean_lines_of_multiline_records():
    body = b'1,"kopi\nsusu\ngula aren",5\n2,teh,7\n3,"a\r\nb",9\n'
    frame, lines = read_clean(body, delim=",", names=NAMES, first_line=2)
    # record 1 spans lines 2-4, record 2 is line 5, record 3 spans 6-7
    assert lines.tolist() == [2, 5, 6]
    assert frame["text"].tolist() == ["kopi\nsusu\ngula aren", "teh", "a\r\nb"]
    assert frame["likes"].tolist() == ["5", "7", "9"]


@pytest.mark.parametrize("body", [
    b'1,"kopi,5\n2,teh,7\n3,kue,9\n',          # stray quote swallows the next rows
    b'1,kopi,5\n2,teh,7,extra\n',               # one field too many
    b'1,kopi\n2,teh,7\n',                       # one field too few
    b'1,"kopi\n2,teh",\n3,kue,9\n',             # balanced quotes, but the row after the break is empty
    b'1,\xe9,5\n',                              # not UTF-8
    b'1,kopi,5\n' * 300_000 + b'2,caf\xe9,7\n',    # not UTF-8 after several MB (past the reader's first blocks)
    b'1,kopi,5\n2,teh,\xf0\x9f',                  # a character cut off at the end of the file
    b'1,\xed\xa0\x80,5\n',                        # an encoded surrogate is not UTF-8 either
])
def test_read_clean_gives_up_on_files_that_need_the_careful_parser(body):
    assert read_clean(body, delim=",", names=NAMES, first_line=2) is None


@pytest.mark.parametrize("blank", [b" , ,", b""])
def test_read_clean_drops_blank_rows_and_keeps_line_numbers(blank):
    frame, lines = read_clean(b'1,kopi,5\n' + blank + b'\n2,teh,7\n', delim=",", names=NAMES, first_line=2)
    assert frame["id"].tolist() == ["1", "2"] and lines.tolist() == [2, 4]


def _careful(monkeypatch):
    monkeypatch.setattr(raw_mod, "read_clean", lambda *a, **k: None)


@pytest.mark.parametrize("name", ["meta_posts.csv", "comments.csv"])
def test_fast_and_careful_paths_give_the_same_tables(tmp_path, monkeypatch, name):
    if name == "meta_posts.csv":
        text = ('\ufeff"Post ID","Account username","Description","Publish time","Permalink","Post type","Date",'
                '"Views","Reach","Likes","Shares","Comments","Saves"\n'
                '"17900000000000001","kopisenja.id","Kopi susu 𝐏𝐫𝐨𝐦𝐨 #KopiSenja\nBaris dua","10/31/2026 19:05",'
                '"https://www.instagram.com/p/a/","IG reel","Lifetime","1.200","800","40","3","5","2"\n'
                '"1.79E+16","kopisenja.id","","02/30/2026 10:00","","IG image","Lifetime","","","","","",""\n'
                '"17900000000000003","kopisenja.id","Teh &amp; kue ","11/01/2026 08:00","","IG carousel",'
                '"Lifetime","12","10","1,2 rb","0","1","-"\n')
    else:
        text = ("Platform,Post URL,Post ID,Comment ID,Parent ID,Username,Name,Date,Likes,Comment,Is Reply,"
                "Is Page Owner,Post Owner\n"
                "Instagram,,p1,c1,,@ani,Ani,2026-09-03 00:09:40+07:00,1,\"enak, mantap\",No,No,kopisenja.id\n"
                "Instagram,,p1,c2,c1,kopisenja.id,Kopi,2026-09-03 08:00:00,0,makasih kak,Yes,Yes,kopisenja.id\n"
                "Tiktok,,p2,c3,,budi,Budi,kemarin,2,\"harga?\",No,No,kopisenja.id\n")
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    fast = read(f)
    _careful(monkeypatch)
    slow = read(f)
    pd.testing.assert_frame_equal(fast.data, slow.data)
    pd.testing.assert_frame_equal(fast.rejects, slow.rejects)
    assert fast.rows == slow.rows == 3


def test_fast_path_values_by_hand(tmp_path):
    f = tmp_path / "meta_posts.csv"
    f.write_text('"Post ID","Account ID","Description","Publish time","Permalink","Post type","Reach","Likes"\n'
                 '"17900000000000001","1","Kopi\nsusu #Kopi","10/31/2026 19:05","","IG reel","1.200","1,2 rb"\n'
                 '"17900000000000002","1","Teh","02/30/2026 10:00","","IG image","8","9"\n', encoding="utf-8")
    r = read(f)
    assert r.data["post_id"].tolist() == ["17900000000000001"]
    assert r.data["created_at"].iloc[0] == pd.Timestamp("2026-11-01 02:05", tz="UTC")  # 19:05 Pacific (PDT)
    assert r.data["reach"].iloc[0] == 1200.0 and r.data["likes"].iloc[0] == 1200.0
    assert r.data["hashtags"].iloc[0] == "#kopi"
    assert r.data["source_line"].tolist() == [2.0]
    assert r.rejects["line"].tolist() == [4] and r.rejects["column"].tolist() == ["Publish time"]


def test_strptime_does_not_roll_impossible_days_over():
    got = strptime(pd.Series(["02/28/2026 10:00", "02/30/2026 10:00", "2/3/2026 9:05", "", "x"]), "%m/%d/%Y %H:%M")
    assert got.tolist()[:3] == [pd.Timestamp("2026-02-28 10:00"), pd.NaT, pd.Timestamp("2026-02-03 09:05")]
    assert got.isna().tolist()[3:] == [True, True]


def test_parse_mdy_time_day_first_column_on_the_fast_path():
    t, dayfirst = parse_mdy_time(pd.Series(["31/10/2026 19:05", "01/11/2026 07:00"]), timezone="UTC")
    assert dayfirst and t.dt.day.tolist() == [31, 1] and t.dt.month.tolist() == [10, 11]


def test_parse_timestamp_offsets_and_naive_mixed():
    s = pd.Series(["2026-09-03 00:09:40+07:00", "2026-09-03T00:09:40Z", "2026-09-03 00:09", "2026-09-03", "x"],
                  dtype="str")
    got = parse_timestamp(s, timezone="Asia/Jakarta")
    assert got.tolist()[:4] == [pd.Timestamp("2026-09-02 17:09:40", tz="UTC"),
                                pd.Timestamp("2026-09-03 00:09:40", tz="UTC"),
                                pd.Timestamp("2026-09-02 17:09", tz="UTC"), pd.Timestamp("2026-09-02 17:00", tz="UTC")]
    assert got.isna().tolist()[4]


def test_parse_count_mixes_plain_integers_and_export_forms():
    s = pd.Series(["12", "", "1,2 rb", "007", "-", "3M", "+5"], dtype="str")
    got = parse_count(s).tolist()
    assert got[0] == 12.0 and np.isnan(got[1]) and got[2] == 1200.0 and got[3] == 7.0
    assert np.isnan(got[4]) and got[5] == 3e6 and got[6] == 5.0


def test_clean_text_folds_only_look_alikes_and_keeps_punctuation():
    got = clean_text(pd.Series(["𝐏𝐫𝐨𝐦𝐨 hari ini…", "a\r\nb", "  ", "Kopi &amp; teh"]), unescape=True)
    assert got.tolist()[0] == "Promo hari ini…" and got.tolist()[1] == "a\nb" and got.isna().tolist()[2]
    assert got.tolist()[3] == "Kopi & teh"
