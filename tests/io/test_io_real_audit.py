"""Classes of wrong results found by auditing the readers on real downloads published in public repositories.

Each fixture was written for this project in the layout (header, quoting, quirks) of a real file
found in the wild; its rows are invented, and the expected values are worked out by hand from the
fixture text. The audit itself is summarised in data/sample/README.md ("Audit on real files").
"""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from smanalysis.io import parse_count, read

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"


# --------------------------------------------------------------------------- spreadsheet re-save
def test_meta_export_with_every_line_wrapped_in_quotes_is_unwrapped():
    # a Meta export opened in a ';' spreadsheet and saved again: each line one quoted cell
    r = read(FIX / "meta_ig_resaved_wrapped.csv", account="kopisenja.id")
    assert (r.format, len(r.data), len(r.rejects)) == ("meta_posts_instagram", 2, 0)
    assert r.data["post_id"].tolist() == ["18000000000000101", "18000000000000102"]
    assert r.data["caption"].iloc[0] == ('☕ Menu baru: kopi susu "aren" 🍂\n\nMampir ke Jl. Kaliurang km 5, buka '
                                         '10.00-22.00, ya!\n\n#kopisenja #jogja')
    assert r.data["likes"].tolist() == [140.0, 55.0] and r.data["reach"].tolist() == [1800.0, 610.0]
    assert r.data["format"].tolist() == ["reel", "photo"]
    assert r.data["created_at"].iloc[0] == pd.Timestamp("2026-10-30 10:15", tz="UTC")  # 03:15 Pacific (PDT)
    assert any("wrapped in quotes" in w for w in r.warnings)


# --------------------------------------------------------------------------- decimals
def test_meta_video_export_keeps_seconds_with_three_decimals():
    # real 2025 layout: no Post ID/Views columns, "Seconds viewed" like 9021.665, averages like 5.404
    r = read(FIX / "Oct-01-2026_Oct-31-2026_7700000000000000.csv")
    assert (r.format, r.table, len(r.data)) == ("meta_video", "video", 2)
    assert r.data["post_id"].tolist() == ["7700000000000001", "7700000000000002"]  # the video asset ids
    assert r.data["watch_time_s"].tolist() == [9021.665, 1850.25]
    assert r.data["avg_view_duration_s"].tolist() == [5.404, 2.891]  # not 5404 and 2891 seconds
    assert r.data["retention"].round(4).tolist() == [0.5404, 0.0385]  # 5.404 / 10 s and 2.891 / 75 s
    assert r.data["views_3s"].tolist() == [1500.0, 640.0] and r.data["account"].tolist() == ["Kopi Senja"] * 2


@pytest.mark.parametrize("cells, expected", [
    (["14321.665"], [14321.665]),  # a lead group of 5 digits cannot be thousands grouping
    (["5.404", "5.52"], [5.404, 5.52]),  # "5.52" proves the column's decimal point
    (["5.404", "1.234.567"], [5404.0, 1234567.0]),  # a grouped cell keeps the Indonesian reading
    (["12.400", "3M"], [12400.0, 3e6]),  # a suffixed cell proves nothing
])
def test_parse_count_one_convention_per_column(cells, expected):
    assert parse_count(pd.Series(cells)).tolist() == expected


# --------------------------------------------------------------------------- YouTube
def test_youtube_table_without_channel_name_reads_instead_of_crashing():
    # real 2025 layout with "New viewers"/"Regular viewers"; no account= and no profile
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = read(FIX / "Table data_viewers.csv")
    assert (r.format, len(r.data)) == ("youtube_table", 2)
    assert r.data["views"].tolist() == [9.0, 5.0]
    video = r.extra["video"]
    assert video["post_id"].tolist() == ["ytKopi0A1b2", "ytKopi0C3d4"]
    assert video["watch_time_s"].round(2).tolist() == [12.24, 48.24]  # 0.0034 h and 0.0134 h
    assert video["account"].isna().all()
    assert any("names no channel" in w for w in r.warnings)


# --------------------------------------------------------------------------- odd date cells never crash a file
@pytest.mark.parametrize("cell", ["1166", "Mon, 05 Oct 2026 10:00:00 +0700", "3426000"])
def test_odd_time_cells_are_unreadable_not_a_crash(cell):
    from smanalysis.io.parsing import parse_date, parse_timestamp

    day = parse_date(pd.Series(["2026-10-05", cell]))
    when = parse_timestamp(pd.Series(["2026-10-05 19:00", cell]), timezone="Asia/Jakarta")
    assert day.iloc[0] == pd.Timestamp("2026-10-05")
    assert when.iloc[0] == pd.Timestamp("2026-10-05 12:00", tz="UTC")  # 19:00 in Jakarta
    assert (pd.isna(day.iloc[1]) or day.iloc[1] == pd.Timestamp("2026-10-05")) and str(when.dtype) == "datetime64[ns, UTC]"


# --------------------------------------------------------------------------- TikTok Studio Content.csv
def _aged(tmp_path, name, when="2026-12-03 08:00"):
    """A copy of a fixture whose modification time is ``when`` (the year a weak export-day guess takes)."""
    import os
    import shutil

    dst = tmp_path / name
    shutil.copy(FIX / name, dst)
    t = pd.Timestamp(when, tz="UTC").timestamp()
    os.utime(dst, (t, t))
    return dst


def test_tiktok_content_time_column_is_the_export_day_and_ids_hold_the_upload_second(tmp_path):
    # real layout: every "Time" cell is the export day without a year; no date in the file name
    r = read(_aged(tmp_path, "tiktok_Content.csv"), timezone="Asia/Jakarta")
    assert r.data["created_at"].tolist() == [
        pd.Timestamp("2025-07-16 03:21:48", tz="UTC"),  # id 7527514765649958535 >> 32; "July 16" agrees
        pd.Timestamp("2026-02-01 21:16:43", tz="UTC"),  # 04:16 on February 2 in Jakarta: "February 1" is a day off
        pd.Timestamp("2025-12-29 17:00", tz="UTC"),  # id of 2023 disagrees: December 30, 2025, local midnight
    ]
    # the export day is the latest February 28 before the file's modification day (not 2026-12-03 itself,
    # which would put July 16 in 2026)
    assert any("none falls after 2026-02-28 (export day February 28 in column 'Time'" in w for w in r.warnings)
    assert any("2 post time(s) in 'Post time' taken from the video id" in w for w in r.warnings)


# --------------------------------------------------------------------------- TikTok follower audience
@pytest.mark.parametrize("name, fmt, dimension, segments, shares", [
    ("FollowerGender.csv", "tiktok_follower_gender", "gender", ["female", "male", "other"], [0.64, 0.35, 0.01]),
    ("FollowerTopTerritories.csv", "tiktok_follower_territories", "country", ["ID", "MY", "SG", "other"],
     [0.912, 0.041, 0.007, 0.04]),
])
def test_tiktok_follower_audience_files(name, fmt, dimension, segments, shares):
    # unzipped Followers_<handle>.zip (a second download gets "-2"): the folder names the account
    r = read(FIX / "Followers_kopisenja.id-2" / name)
    assert (r.format, r.table, len(r.rejects)) == (fmt, "audience", 0)
    assert r.data["dimension"].unique().tolist() == [dimension]
    assert r.data["segment"].tolist() == segments and r.data["share"].tolist() == shares
    assert r.data["account"].unique().tolist() == ["kopisenja.id"] and r.data["platform"].unique().tolist() == ["tiktok"]


def test_youtube_totals_holds_whichever_metric_the_chart_showed():
    # real download: "Date,New viewers" (not Views)
    r = read(FIX / "youtube_Totals_new_viewers.csv", account="kopisenja")
    assert (r.format, r.table) == ("youtube_totals", "account_daily")
    assert r.data["metric"].unique().tolist() == ["new_viewers"] and r.data["value"].tolist() == [0.0, 3.0, 12.0]
    assert r.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-01", "2026-10-02", "2026-10-03"]


# --------------------------------------------------------------------------- Meta writes Pacific time
def test_meta_publish_time_is_pacific_time_whatever_the_page_zone():
    # checked on real exports (pages in South Africa, the US east coast, Bulgaria) against the upload instant
    # in Instagram's own post ids: "Publish time" is America/Los_Angeles wall-clock time
    r = read(FIX / "Oct-30-2026_Nov-26-2026_17800000000000001.csv", timezone="Asia/Jakarta")
    assert r.data["created_at"].tolist() == [
        pd.Timestamp("2026-10-30 10:15", tz="UTC"),  # 03:15 PDT (UTC-7): 17:15 in Jakarta
        pd.Timestamp("2026-11-01 08:30", tz="UTC"),  # 01:30 happens twice on 1 Nov: the first (PDT) is taken
        pd.Timestamp("2026-11-21 03:05", tz="UTC"),  # 19:05 PST (UTC-8, winter)
    ]
    assert any("read as Pacific time (America/Los_Angeles)" in w for w in r.warnings)
    assert len(r.rejects) == 0


def test_meta_publish_time_zone_can_be_overridden():
    r = read(FIX / "Oct-30-2026_Nov-26-2026_17800000000000001.csv", source_timezone="Asia/Jakarta")
    assert r.data["created_at"].iloc[0] == pd.Timestamp("2026-10-29 20:15", tz="UTC")  # 03:15 WIB
    assert any("read as Asia/Jakarta (source_timezone=)" in w for w in r.warnings)


def test_meta_writer_writes_pacific_time_and_reads_back_the_same_instant(tmp_path):
    from smanalysis.io import writers as W

    posts = pd.DataFrame({"post_id": ["1"], "platform": ["instagram"], "account": ["kopisenja.id"],
                          "created_at": pd.to_datetime(["2026-01-10 12:05"], utc=True)})
    W.write_meta_posts(posts, tmp_path / "ig.csv", platform="instagram")
    assert '"01/10/2026 04:05"' in (tmp_path / "ig.csv").read_text(encoding="utf-8-sig")  # 12:05 UTC = 04:05 PST
    assert read(tmp_path / "ig.csv").data["created_at"].tolist() == posts["created_at"].tolist()


# --------------------------------------------------------------------------- TikTok Studio web (2025) downloads
def test_tiktok_overview_2025_web_layout_full_dates_nan_and_lost_followers():
    r = read(FIX / "tiktok_overview_web2025.csv", account="kopisenja.id")
    assert r.format == "tiktok_overview" and len(r.rejects) == 0
    day1 = r.data[r.data["date"] == pd.Timestamp("2026-10-30")].set_index("metric")["value"].to_dict()
    # "NAN" reach is not a zero: the day has no reach row; "Lost followers" are unfollows
    assert day1 == {"comments": 5.0, "followers_gained": 7.0, "likes": 30.0, "profile_views": 21.0, "shares": 2.0,
                    "unfollows": 0.0, "views": 812.0}
    assert r.data.loc[(r.data["date"] == pd.Timestamp("2026-10-31")) & (r.data["metric"] == "reach"),
                      "value"].tolist() == [4987.0]


def test_tiktok_followers_2025_web_layout_counts_go_to_followers():
    r = read(FIX / "tiktok_followers_web2025.csv", account="kopisenja.id")
    assert (r.format, r.table) == ("tiktok_followers_daily", "account_daily")
    got = r.data.sort_values(["date", "metric"])[["metric", "value"]].values.tolist()
    assert got == [["followers_gained", 7.0], ["followers_gained", 15.0], ["reach", 4987.0]]  # "--", "NAN" skipped
    fol = r.extra["followers"]
    assert fol["followers"].tolist() == [1890.0] and fol["date"].tolist() == [pd.Timestamp("2026-10-31")]


def test_instagram_ids_flag_a_file_written_in_another_zone():
    # shortcodes encode 12:05, 02:30 and 13:00 UTC; the file says 19:05, 09:30, 20:00 (Jakarta wall clock)
    from smanalysis.io.platforms import instagram_id_time

    f = FIX / "meta_ig_retimed_wib.csv"
    r = read(f)  # read as Pacific (PDT, UTC-7): 14 hours late
    assert r.data["created_at"].iloc[0] == pd.Timestamp("2026-10-06 02:05", tz="UTC")
    assert any("post ids put the times in 'Publish time' +14 h" in w for w in r.warnings)
    fixed = read(f, source_timezone="Asia/Jakarta")
    assert not any("post ids put" in w for w in fixed.warnings)
    ids = instagram_id_time(fixed.data["permalink"]).dt.floor("min")
    assert fixed.data["created_at"].tolist() == ids.tolist()  # 12:05, 02:30, 13:00 UTC


def test_undecodable_shortcodes_give_no_clock_warning():
    r = read(FIX / "meta_ig_resaved_wrapped.csv")  # shortcodes too short to decode: no check, no warning
    assert not any("post ids put" in w for w in r.warnings)


def test_meta_row_meta_could_not_compute_is_rejected_with_meta_s_note():
    # 2023-24 Facebook layout (Impressions, IMPRESSION:UNIQUE_USERS) with Meta's error row
    r = read(FIX / "Dec-12-2025_Jan-06-2026_108000000000001.csv")
    assert r.data["post_id"].tolist() == ["1200000000000001", "1200000000000002"]
    assert r.data["impressions"].tolist() == [6970.0, 3019.0] and r.data["reach"].tolist() == [5969.0, 3019.0]
    assert r.data["caption"].iloc[0] == 'Jam buka libur "Natal"'
    assert r.data["created_at"].tolist() == [pd.Timestamp("2025-12-25 02:00", tz="UTC"),  # 18:00 PST
                                             pd.Timestamp("2026-01-05 17:30", tz="UTC")]
    assert r.rejects["line"].tolist() == [3] and r.rejects["column"].tolist() == ["Data comment"]
    assert r.rejects["reason"].iloc[0] == ("Meta could not compute this row: 'An error occurred while computing "
                                           "metadata for content with ID 900000000000123.'")


def test_youtube_totals_resaved_by_excel_with_month_first_days():
    # "7/31/2026" shows month-first: "8/1/2026" is 1 August, not 8 January
    r = read(FIX / "youtube_Totals_excel_us_dates.csv", account="kopisenja")
    assert r.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-07-30", "2026-07-31", "2026-08-01", "2026-08-12"]
    assert r.data["value"].tolist() == [37.0, 21.0, 11.0, 10.0]


def test_tiktok_2025_post_times_are_utc_whatever_the_account_zone():
    # real 2025 download: "2025/10/31 18:19:10" and the video id says 18:19:06 UTC (a Bulgarian account)
    r = read(FIX / "tiktok_content_web2025.csv", timezone="Asia/Jakarta")
    assert r.data["created_at"].tolist() == [pd.Timestamp("2026-10-31 11:05:10", tz="UTC"),
                                             pd.Timestamp("2026-11-02 00:30:05", tz="UTC")]
    assert r.data["caption"].tolist() == ["Latte art sore ☕ #kopisenja", 'Cold brew "baru" 🧊']
    assert r.data["views"].tolist() == [9100.0, 2400.0] and r.data["saves"].tolist() == [21.0, 21.0]
    assert any("read as UTC: TikTok Studio writes post times in UTC" in w for w in r.warnings)
    assert not any("video ids put" in w for w in r.warnings)  # ids 4 s earlier: the same clock
    wib = read(FIX / "tiktok_content_web2025.csv", source_timezone="Asia/Jakarta")
    assert any("TikTok's video ids put the times in 'Post time' -7 h" in w for w in wib.warnings)


def test_youtube_chart_of_another_metric_is_recognised_and_rejected_with_the_reason():
    r = read(FIX / "youtube_Chart_new_viewers.csv", account="kopisenja")
    assert (r.format, len(r.data), r.rejects["line"].tolist()) == ("youtube_chart", 0, [2])
    assert "Chart data of 'New viewers', not Views" in r.rejects["reason"].iloc[0]


# --------------------------------------------------------------------------- X API v2 bare tweet objects
def test_bare_v2_tweet_objects_keep_their_authors_by_id():
    # JSONL of tweet objects without includes.users (as Tweepy scripts write them): all were rejected before
    r = read(FIX / "x_bare_tweets.jsonl", brands={"kopisenja_id": "Kopi Senja"})
    assert (r.format, len(r.data), len(r.rejects)) == ("twarc_jsonl", 3, 0)
    assert r.data["author"].tolist() == ["id:900001", "id:900002", "id:900003"]
    assert r.data["text"].iloc[0] == "@kopisenja_id buka jam berapa & ada wifi?"
    assert r.data["url"].iloc[0] == "https://twitter.com/i/status/1800000000000000101"
    edges = r.extra["interactions"][["source", "target", "kind"]].values.tolist()
    assert edges == [["id:900001", "kopisenja_id", "reply"],  # one leading @handle names the replied-to user
                     ["id:900003", "id:900001", "reply"],  # two leading handles: the id is all that is sure
                     ["id:900002", "kopisenja_id", "mention"],
                     ["id:900003", "rina_ygy", "mention"], ["id:900003", "kopisenja_id", "mention"]]
    assert r.data["brand"].tolist() == ["Kopi Senja"] * 3
    assert any("author by id only" in w for w in r.warnings)
