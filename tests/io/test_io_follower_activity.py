"""TikTok Studio FollowerActivity.csv -> the follower_activity table (hand-checked against the fixture text).

The fixture reproduces the real download (inside Followers_<handle>.zip): UTF-8 with BOM, every
field quoted, "Date","Hour","Active followers", 7 days x 24 hours, yearless days, and the export
day's hours not reached yet written as 0. Exported on 2026-01-01 (the day in the file name), so
December belongs to 2025.
"""

from pathlib import Path

import pandas as pd
import pytest

from smanalysis.io import load_dataset, read
from smanalysis.schema import columns

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"
HEAD = '"Date","Hour","Active followers"\n'


def test_follower_activity_fixture_by_hand():
    r = read(FIX / "FollowerActivity_2026-01-01.csv", account="kopisenja.id")
    assert (r.format, r.table) == ("tiktok_follower_activity", "follower_activity")
    assert list(r.data.columns[:4]) == ["hour", "platform", "account", "active_followers"]
    assert r.rows == 168 and len(r.data) == 154
    first = r.data.iloc[0]
    assert first["hour"] == pd.Timestamp("2025-12-26 00:00", tz="UTC") and first["active_followers"] == 8.0
    peak = r.data[r.data["source_line"] == 135].iloc[0]  # line 135: "31 December","13","65"
    assert peak["hour"] == pd.Timestamp("2025-12-31 13:00", tz="UTC") and peak["active_followers"] == 65.0
    last = r.data.iloc[-1]  # line 155: "1 January","9","50", the last hour reached on the export day
    assert last["hour"] == pd.Timestamp("2026-01-01 09:00", tz="UTC") and last["source_line"] == 155.0
    assert set(r.data["account"]) == {"kopisenja.id"} and set(r.data["platform"]) == {"tiktok"}


def test_export_day_hours_not_reached_are_rejects_not_zeros():
    r = read(FIX / "FollowerActivity_2026-01-01.csv", account="kopisenja.id")
    assert r.rejects["line"].tolist() == list(range(156, 170))  # 1 January, 10:00-23:00
    assert set(r.rejects["column"]) == {"Active followers"}
    assert r.rejects["reason"].str.contains("not reached yet").all()
    assert any("UTC" in w for w in r.warnings)


def test_month_first_days_take_the_year_of_export_date(tmp_path):
    f = tmp_path / "FollowerActivity.csv"
    f.write_text(HEAD + '"December 31","23","7"\n"January 1","0","9"\n"January 1","1","4"\n', encoding="utf-8")
    r = read(f, export_date="2026-01-02")
    assert r.data["hour"].tolist() == [pd.Timestamp("2025-12-31 23:00", tz="UTC"),
                                       pd.Timestamp("2026-01-01 00:00", tz="UTC"),
                                       pd.Timestamp("2026-01-01 01:00", tz="UTC")]
    assert r.data["active_followers"].tolist() == [7.0, 9.0, 4.0] and len(r.rejects) == 0


@pytest.mark.parametrize("hour, active, column, reason", [
    ("24", "5", "Hour", "not an hour 0-23"), ("7.5", "5", "Hour", "not an hour 0-23"),
    ("x", "5", "Hour", "not an hour 0-23"), ("3", "-2", "Active followers", "negative count"),
])
def test_bad_cells_are_rejected_with_their_column(tmp_path, hour, active, column, reason):
    f = tmp_path / "FollowerActivity_2026-03-05.csv"
    f.write_text(HEAD + f'"March 1","2","5"\n"March 1","{hour}","{active}"\n', encoding="utf-8")
    r = read(f)
    assert len(r.data) == 1 and r.rejects["line"].tolist() == [3]
    assert r.rejects["column"].tolist() == [column] and reason in r.rejects["reason"].iloc[0]


def test_load_dataset_keeps_the_most_active_of_an_hour_exported_twice(tmp_path):
    a = tmp_path / "a" / "FollowerActivity_2026-03-05.csv"
    b = tmp_path / "b" / "FollowerActivity_2026-03-06.csv"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text(HEAD + '"March 4","13","40"\n"March 4","14","41"\n', encoding="utf-8")
    b.write_text(HEAD + '"March 4","13","44"\n"March 5","13","50"\n', encoding="utf-8")
    ds = load_dataset([a, b])
    fa = ds.follower_activity.sort_values("hour")
    assert list(fa.columns) == columns("follower_activity")
    assert fa["active_followers"].tolist() == [44.0, 41.0, 50.0]
    assert ds.duplicates["rule"].tolist() == ["most active kept"]
