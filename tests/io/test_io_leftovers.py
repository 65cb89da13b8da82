"""Small correctness leftovers of issue 9: detection of a Meta post export without "Account ID", ambiguous
slashed dates said in the warnings, and the yearless TikTok content export without its "Time" column."""

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from smanalysis.io import read

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"


# --------------------------------------------------------------------------- (a) Meta export without Account ID
def test_meta_instagram_export_without_account_id_is_a_meta_post_export():
    # the real Instagram layout with the "Account ID" column unticked in the export dialog: "Date" and "Views"
    # alone made it a YouTube Totals.csv (every row rejected); "Account username" stands in for the account
    r = read(FIX / "meta_ig_no_account_id.csv")
    assert (r.format, r.table, r.rows, len(r.rejects)) == ("meta_posts_instagram", "posts", 2, 0)
    d = r.data
    assert d["post_id"].tolist() == ["17900000000000101", "17900000000000102"]
    assert d["account"].tolist() == ["kopisenja.id", "kopisenja.id"]
    # Pacific time: 10/31 19:05 is summer time (UTC-7), 11/02 08:30 is after the clocks went back (UTC-8)
    assert d["created_at"].tolist() == [pd.Timestamp("2026-11-01 02:05", tz="UTC"),
                                        pd.Timestamp("2026-11-02 16:30", tz="UTC")]
    assert d["reach"].tolist() == [950.0, 3100.0] and d["views"].tolist() == [1200.0, 5400.0]
    assert d["format"].tolist() == ["photo", "reel"]
    assert d["caption"].iloc[0] == "Kopi susu gula aren ☕\n#KopiSenja" and d["hashtags"].iloc[0] == "#kopisenja"


# --------------------------------------------------------------------------- (b) ambiguous slashed dates
AMBIGUOUS = "dates in 'Tanggal' are ambiguous"


def test_ambiguous_slashed_dates_are_read_day_first_and_said_so():
    # 01/10, 03/10, 05/10: no number above 12, so the order cannot be told from the file
    r = read(FIX / "content_plan_id.csv")
    assert r.data["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-03"),
                                       pd.Timestamp("2026-10-05")]
    warn = [w for w in r.warnings if AMBIGUOUS in w]
    assert len(warn) == 1 and "read day-first, DD/MM/YYYY (the Indonesian order)" in warn[0]


@pytest.mark.parametrize("dates, expected", [
    (["01/10/2026", "13/10/2026"], ["2026-10-01", "2026-10-13"]),  # 13 is a day: day-first, not ambiguous
    (["10/01/2026", "10/13/2026"], ["2026-10-01", "2026-10-13"]),  # 13 in second place: month-first (Excel US)
    (["01/01/2026", "02/02/2026"], ["2026-01-01", "2026-02-02"]),  # both orders give the same days
    (["2026-10-01", "2026-10-03"], ["2026-10-01", "2026-10-03"]),  # ISO days carry their order
])
def test_unambiguous_dates_say_nothing(tmp_path, dates, expected):
    f = tmp_path / "plan.csv"
    f.write_text("Tanggal;Platform;Tema;Keterangan\n" + "".join(f"{d};Instagram;Menu;Kopi\n" for d in dates))
    r = read(f)
    assert r.data["date"].dt.strftime("%Y-%m-%d").tolist() == expected
    assert not any("ambiguous" in w for w in r.warnings)


def test_ambiguous_dates_are_named_by_their_own_column(tmp_path):
    f = tmp_path / "followers.csv"
    f.write_text("date,platform,account,followers\n03/04/2026,instagram,kopisenja.id,100\n"
                 "04/04/2026,instagram,kopisenja.id,101\n")
    r = read(f)
    assert r.data["date"].tolist() == [pd.Timestamp("2026-04-03"), pd.Timestamp("2026-04-04")]
    assert any(w.startswith("dates in 'date' are ambiguous") for w in r.warnings)


# --------------------------------------------------------------------------- (c) TikTok without a Time column
def test_tiktok_yearless_post_times_without_time_column_take_the_year_from_the_file_time(tmp_path):
    # no "Time" column (the export day), no date in the file name, no export_date=: the year comes from the
    # file's modification day, a weak guess the warnings say, with what to do about it
    f = tmp_path / "tiktok_content_no_time.csv"
    shutil.copy(FIX / "tiktok_content_no_time.csv", f)
    t = pd.Timestamp("2026-11-20 08:00", tz="UTC").timestamp()
    os.utime(f, (t, t))
    r = read(f, timezone="Asia/Jakarta")
    # October 12 falls before the export day (2026); December 28 would fall after it: 2025. The video ids
    # (of 2023) disagree with both days, so the days are kept at local midnight (UTC+7)
    assert r.data["created_at"].tolist() == [pd.Timestamp("2026-10-11 17:00", tz="UTC"),
                                             pd.Timestamp("2025-12-27 17:00", tz="UTC")]
    warn = [w for w in r.warnings if w.startswith("yearless dates in 'Post time'")]
    assert len(warn) == 1
    assert "none falls after 2026-11-20 (file modification time; a guess: put the export day in the file " \
           "name or pass export_date=)" in warn[0]


def test_tiktok_yearless_post_times_with_export_date_option_are_no_guess(tmp_path):
    r = read(FIX / "tiktok_content_no_time.csv", timezone="Asia/Jakarta", export_date="2026-01-15")
    assert r.data["created_at"].tolist() == [pd.Timestamp("2025-10-11 17:00", tz="UTC"),
                                             pd.Timestamp("2025-12-27 17:00", tz="UTC")]
    warn = [w for w in r.warnings if w.startswith("yearless dates in 'Post time'")]
    assert warn == ["yearless dates in 'Post time' given years so that none falls after 2026-01-15 "
                    "(export_date option)"]
