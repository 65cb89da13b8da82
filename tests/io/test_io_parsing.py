import pandas as pd
import pytest

from smanalysis.io.parsing import parse_mdy_time, parse_timestamp, parse_yearless, resolve_years


def test_meta_time_with_am_pm_and_seconds():
    t, dayfirst = parse_mdy_time(pd.Series(["10/31/2026 7:05 PM", "10/30/2026 12:10:30 AM"]), timezone="Asia/Jakarta")
    assert t.tolist() == [pd.Timestamp("2026-10-31 12:05", tz="UTC"), pd.Timestamp("2026-10-29 17:10:30", tz="UTC")]
    assert dayfirst is False


def test_meta_time_order_decided_on_the_column():
    # 25/10 can only be day-first, so the whole column is read day-first (02/10 = 2 October)
    t, dayfirst = parse_mdy_time(pd.Series(["25/10/2026 16:20", "02/10/2026 20:00"]), timezone="UTC")
    assert dayfirst is True
    assert t.dt.strftime("%m-%d").tolist() == ["10-25", "10-02"]


def test_timestamp_offsets_and_naive_local():
    t = parse_timestamp(pd.Series(["2026-10-01T12:00:00Z", "2026-10-01 19:00:00+07:00", "2026-10-01 19:00",
                                   "01/10/2026 19:00", "2026-10-01 12:00:00 UTC", ""]), timezone="Asia/Jakarta")
    assert t.iloc[:5].tolist() == [pd.Timestamp("2026-10-01 12:00", tz="UTC")] * 5
    assert pd.isna(t.iloc[5])


@pytest.mark.parametrize("text, month, day", [("August 31", 8, 31), ("Aug 31", 8, 31), ("31 Agustus", 8, 31),
                                              ("1 Mei", 5, 1), ("Desember 2", 12, 2)])
def test_yearless_english_and_indonesian(text, month, day):
    parts = parse_yearless(pd.Series([text]))
    assert (parts["month"].iloc[0], parts["day"].iloc[0]) == (month, day)


def test_resolve_years_never_after_reference():
    d = resolve_years(pd.Series([10.0, 11.0, 1.0]), pd.Series([30.0, 2.0, 5.0]), pd.Timestamp("2026-10-31"),
                      ordered=False)
    assert d.dt.strftime("%Y-%m-%d").tolist() == ["2026-10-30", "2025-11-02", "2026-01-05"]


def test_a_cell_dateutil_reads_before_1900_is_unreadable_not_a_crash():
    # "3M" (a count in the time column of a broken row): dateutil reads it as year 1, out of pandas' range;
    # the cell must come back NaT (then rejected by the reader) and the good cell keep its time
    out = parse_timestamp(pd.Series(["3M", "2026-10-01 10:00"]), timezone="Asia/Jakarta")
    assert out.isna().tolist() == [True, False]
    assert out.iloc[1] == pd.Timestamp("2026-10-01 03:00", tz="UTC")
