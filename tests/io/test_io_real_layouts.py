"""Real export layouts and the classes of failure seen on real files (issue 9).

Every fixture in tests/fixtures/io used here was written for this project in the layout of a real
download (see data/sample/README.md for each layout); the expected values are worked out by hand
from the fixture text.
"""

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import FormatError
from smanalysis.io import load_dataset, read
from smanalysis.io import writers as W

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"


def utc(s):
    return pd.Timestamp(s, tz="UTC")


def _daily(r, metric, platform=None):
    d = r.data[r.data["metric"] == metric]
    if platform:
        d = d[d["platform"] == platform]
    return d["value"].tolist()


# --------------------------------------------------------------------------- Meta daily series
def test_meta_daily_tab_separated_two_platform_sections():
    r = read(FIX / "meta_daily_reach_two_sections_tab.csv", account="kopisenja")
    assert (r.format, r.table) == ("meta_daily", "account_daily")
    assert _daily(r, "reach", "facebook") == [1520.0, 1710.0]
    assert _daily(r, "reach", "instagram") == [830.0, 905.0]  # the second section keeps its platform
    assert r.data["source_line"].tolist() == [4.0, 5.0, 9.0, 10.0]
    assert r.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-01", "2026-10-02"] * 2
    assert len(r.rejects) == 0 and len(r.extra) == 0  # reach is not a follower count


def test_meta_daily_resaved_by_excel_with_semicolons():
    r = read(FIX / "meta_daily_follows_excel_semicolon.csv", account="kopisenja")
    assert r.table == "account_daily" and r.data["metric"].unique().tolist() == ["follows"]
    assert r.data["value"].tolist() == [20.0, 17.0, 0.0]
    assert r.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-08-01", "2025-08-02", "2025-08-13"]
    assert r.data["platform"].unique().tolist() == ["facebook"]


# --------------------------------------------------------------------------- Meta posts via Excel
def test_excel_mangled_ids_restored_or_rejected_and_paid_flag():
    r = read(FIX / "meta_fb_excel_ids.csv", timezone="Asia/Jakarta")
    assert r.data["post_id"].tolist() == ["1213499430137060", "1213499430137061"]
    assert r.rejects["line"].tolist() == [4]
    assert "destroyed by Excel" in r.rejects["reason"].iloc[0]
    assert r.data["paid"].tolist() == [True, False]  # "Boosted" vs blank status
    assert r.data["caption"].iloc[0] == "Promo bukber & diskon… 35rb"  # punctuation not rewritten
    assert r.data["created_at"].iloc[0] == utc("2026-10-06 01:30")  # 18:30 Pacific (PDT, UTC-7)
    assert any("read as Pacific time (America/Los_Angeles)" in w for w in r.warnings)


# --------------------------------------------------------------------------- TikTok
def test_tiktok_yearless_post_dates_take_the_export_day_in_the_file_name():
    r = read(FIX / "tiktok_content_2026-03-05.csv", timezone="Asia/Jakarta")
    local = r.data["created_at"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m-%d %H:%M").tolist()
    # February 28 -> 2026; December 30 -> 2025; March 7 is after the export day 2026-03-05 -> 2025
    assert local == ["2026-02-28 00:00", "2025-12-30 00:00", "2025-03-07 00:00"]
    assert any("2026-03-05 (date in the file name)" in w for w in r.warnings)


def test_tiktok_yearless_dates_never_borrow_from_other_files(tmp_path):
    (tmp_path / "tiktok_content_2026-03-05.csv").write_bytes((FIX / "tiktok_content_2026-03-05.csv").read_bytes())
    (tmp_path / "fb.csv").write_bytes((FIX / "meta_fb_excel_ids.csv").read_bytes())  # posts of October 2026
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset(tmp_path, timezone="Asia/Jakarta")
    tt = ds.posts[ds.posts["platform"] == "tiktok"].sort_values("post_id")
    assert tt["created_at"].dt.tz_convert("Asia/Jakarta").dt.year.tolist() == [2026, 2025, 2025]


def test_tiktok_2025_layout_keeps_the_time_of_day():
    r = read(FIX / "tiktok_content_2025_timestamps.csv", timezone="Asia/Jakarta")
    # TikTok writes these on its UTC clock (a real download's video ids agree to the second)
    assert r.data["created_at"].tolist() == [utc("2025-10-31 18:19:10"), utc("2025-11-02 07:05:00")]


def test_tiktok_follower_history_365_days_in_order(tmp_path):
    f = pd.DataFrame({"date": pd.date_range("2025-11-01", "2026-10-31"), "platform": "tiktok",
                      "account": "kopisenja.id", "followers": np.arange(365, dtype=float)})
    path = tmp_path / "FollowerHistory_2026-10-31.csv"
    W.write_tiktok_followers(f, path)
    r = read(path, account="kopisenja.id")
    d = r.data["date"]
    assert len(d) == 365 and d.is_monotonic_increasing
    assert d.iloc[0] == pd.Timestamp("2025-11-01") and d.iloc[-1] == pd.Timestamp("2026-10-31")


def test_tiktok_overview_old_and_2025_variants():
    old = read(FIX / "Overview_2026-11-02.csv", account="kopisenja.id")
    assert (old.format, old.table) == ("tiktok_overview", "account_daily")
    assert _daily(old, "views") == [1441.0, 2110.0, 990.0]
    assert _daily(old, "profile_views") == [52.0, 77.0, 20.0]
    assert old.data.loc[old.data["metric"] == "views", "date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-10-30", "2026-10-31", "2026-11-01"]
    new = read(FIX / "Overview_2026-01-02.csv", account="kopisenja.id")
    assert _daily(new, "followers_gained") == [5.0, 112.0, 1.0]
    assert new.data.loc[new.data["metric"] == "views", "date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-12-30", "2025-12-31", "2026-01-01"]
    assert old.rows == 3 and new.rows == 3


def test_tiktok_viewers():
    r = read(FIX / "Viewers_2026-11-02.csv", account="kopisenja.id")
    assert r.format == "tiktok_viewers"
    assert _daily(r, "viewers") == [812.0, 1200.0] and _daily(r, "returning_viewers") == [172.0, 190.0]


# --------------------------------------------------------------------------- X
def test_x_daily_tweet_activity_metrics():
    r = read(FIX / "daily_tweet_activity_metrics_kopisenja_id_20261001_20261101_en.csv")
    assert (r.format, r.table) == ("x_daily", "account_daily")
    assert r.data["account"].unique().tolist() == ["kopisenja_id"]  # from the file name
    assert _daily(r, "impressions") == [1830.0, 410.0]
    assert _daily(r, "followers_gained") == [4.0, 1.0]
    assert _daily(r, "posts_published") == [2.0, 0.0]
    assert r.rows == 2 and len(r.rejects) == 0


def test_x_promoted_columns_give_the_paid_flag(tmp_path):
    posts = pd.DataFrame({"post_id": ["1", "2"], "platform": "x", "account": "kopisenja_id",
                          "created_at": pd.to_datetime(["2026-10-01 10:00", "2026-10-02 10:00"], utc=True),
                          "caption": ["Kopi &amp; roti", "b"], "impressions": [100.0, 50.0]})
    path = tmp_path / "tweet_activity_metrics.csv"
    W.write_x_activity(posts, path, columns=40)
    text = path.read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    cells = text[1].split(",")
    cells[header.index("promoted impressions")] = "2500"
    path.write_text("\n".join([text[0], ",".join(cells), text[2]]) + "\n", encoding="utf-8")
    r = read(path)
    assert r.data["paid"].tolist() == [True, False]
    assert r.data["caption"].iloc[0] == "Kopi & roti"


# --------------------------------------------------------------------------- YouTube
def test_youtube_indonesian_table_data_and_empty_publish_time():
    r = read(FIX / "Table data_id.csv", account="kopisenja", timezone="Asia/Jakarta")
    d = r.data
    assert d["post_id"].tolist() == ["ytKopi00001", "ytKopi00002", "ytKopi00003"]  # 'Jumlah' is not a row
    assert d["created_at"].iloc[0] == utc("2026-10-02 17:00")  # 3 Okt 2026, midnight in Jakarta
    assert pd.isna(d["created_at"].iloc[1])  # the ad without publish time is kept
    assert d["views"].tolist() == [3100.0, 1200.0, 330.0]
    assert len(r.rejects) == 0 and any("without a publish time" in w for w in r.warnings)
    assert r.extra["video"]["watch_time_s"].iloc[0] == pytest.approx(70.2 * 3600)


def test_youtube_totals_and_chart_data(tmp_path):
    t = read(FIX / "Totals.csv", account="kopisenja")
    assert (t.format, t.table) == ("youtube_totals", "account_daily") and _daily(t, "views") == [210.0, 185.0, 0.0]
    c = read(FIX / "Chart data.csv", account="kopisenja")
    assert c.format == "youtube_chart" and c.data["metrics_date"].notna().all()
    (tmp_path / "Chart data.csv").write_bytes((FIX / "Chart data.csv").read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset([{"path": tmp_path, "account": "kopisenja"}])
    assert ds.posts.set_index("post_id")["views"].to_dict() == {"ytKopi00001": 2700.0, "ytKopi00003": 40.0}


# --------------------------------------------------------------------------- Meta video and audience
def test_meta_video_export_to_video_table():
    r = read(FIX / "meta_video_export.csv")
    assert (r.format, r.table) == ("meta_video", "video")
    v = r.data
    assert v["post_id"].tolist() == ["1213499430137070", "990011223344557"]  # Post ID, else the asset id
    assert v["views"].tolist() == [4000.0, 1000.0] and v["watch_time_s"].tolist() == [72000.0, 6000.0]
    assert v["avg_view_duration_s"].tolist() == [18.0, 6.0]
    assert v["retention"].tolist() == [pytest.approx(0.3), pytest.approx(0.3)]  # 18 of 60 s, 6 of 20 s
    assert v["views_3s"].tolist() == [2200.0, 450.0] and v["views_1m"].tolist() == [300.0, 0.0]


def test_meta_audience_sections():
    r = read(FIX / "Audience_instagram.csv", account="kopisenja.id")
    assert (r.format, r.table) == ("meta_audience", "audience")
    a = r.data.set_index(["dimension", "segment"])["share"]
    assert a[("age_gender", "18-24|female")] == pytest.approx(0.225)
    assert a[("age", "25-34")] == pytest.approx(0.35)
    assert a[("gender", "female")] == pytest.approx(0.525) and a[("gender", "male")] == pytest.approx(0.475)
    assert a[("city", "Yogyakarta, Yogyakarta")] == pytest.approx(0.455)
    assert a[("country", "Malaysia")] == pytest.approx(0.013)
    assert r.data["platform"].unique().tolist() == ["instagram"]
    assert len(r.rejects) == 0


# --------------------------------------------------------------------------- nothing silent
def test_windows_1252_files_read_as_cp1252():
    r = read(FIX / "followers_cp1252.csv")
    assert r.data["account"].tolist() == ["café.senja", "café.senja"] and len(r.rejects) == 0
    assert any("Windows-1252" in w for w in r.warnings)
    c = read(FIX / "comments_cp1252.csv")
    assert c.data["text"].tolist() == ["Enak banget… cafénya"]


@pytest.mark.parametrize("value, reason", [("-5", "negative follower count"), ("inf", "infinite follower count")])
def test_negative_or_infinite_follower_count_rejected(tmp_path, value, reason):
    f = tmp_path / "followers.csv"
    f.write_text(f"date,platform,account,followers\n2026-10-01,instagram,k,100\n2026-10-02,instagram,k,{value}\n",
                 encoding="utf-8")
    r = read(f)
    assert r.data["followers"].tolist() == [100.0]
    assert r.rejects["line"].tolist() == [3] and reason in r.rejects["reason"].iloc[0]


def test_duplicate_rule_keeps_the_largest_total_not_the_last_file(tmp_path):
    # the LARGER lifetime snapshot sits in the file loaded FIRST: 'last file wins' would keep 100 views
    head = ("Post ID,Account ID,Account username,Description,Publish time,Permalink,Post type,Views,Reach,"
            "Likes\n")
    (tmp_path / "a_export_november.csv").write_text(
        head + "1790,9,kopisenja.id,Kopi,10/01/2026 08:00,https://i/p/1,IG image,900,700,60\n", encoding="utf-8")
    (tmp_path / "b_export_october.csv").write_text(
        head + "1790,9,kopisenja.id,Kopi,10/01/2026 08:00,https://i/p/1,IG image,100,80,7\n", encoding="utf-8")
    with pytest.warns(Warning, match="duplicate"):
        ds = load_dataset(tmp_path)
    assert ds.posts["views"].tolist() == [900.0] and ds.posts["likes"].tolist() == [60.0]
    assert Path(ds.duplicates["dropped_file"].iloc[0]).name == "b_export_october.csv"


def test_unknown_layout_names_the_file_and_the_closest_layouts(tmp_path):
    f = tmp_path / "export_aneh.csv"
    f.write_text("Date,Video Views,Likes,Comments\nOctober 1,10,2,0\n", encoding="utf-8")
    with pytest.raises(FormatError) as err:
        read(f)
    msg = str(err.value)
    assert "export_aneh.csv" in msg and "closest layouts by header overlap" in msg
    assert "tiktok_overview (4 of 6 columns, lacks ['Profile Views']" in msg
