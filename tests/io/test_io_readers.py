"""Every reader against small hand-written fixture files in the real formats."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smanalysis.io import read
from smanalysis.schema import columns

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"


def ts(s):
    return pd.Timestamp(s, tz="UTC")


def test_meta_instagram_views_bom_multiline_nfkc():
    r = read(FIX / "meta_ig_views_bom.csv")
    assert (r.format, r.table, len(r.rejects), r.rows) == ("meta_posts_instagram", "posts", 0, 3)
    d = r.data
    assert d.columns.tolist()[: len(columns("posts"))] == columns("posts")
    assert d["post_id"].tolist() == ["17900000000000001", "17900000000000002", "17900000000000003"]
    # Meta writes Pacific time: 19:05 PDT (UTC-7, summer time until 1 November 2026) is 02:05 UTC the next day
    assert d["created_at"].tolist()[0] == ts("2026-11-01 02:05")
    assert d["created_at"].tolist()[2] == ts("2026-10-01 07:15")  # 00:15 PDT
    assert d["caption"].iloc[0] == "Kopi Susu baru! #KopiSenja"  # math bold -> plain letters
    assert d["caption"].iloc[1] == "Senja di Jogja\nbaris kedua #jogja #ngopi"
    assert d["format"].tolist() == ["photo", "reel", "carousel"]
    assert d["views"].iloc[1] == 12400.0 and np.isnan(d["views"].iloc[2])
    assert d["reach"].tolist() == [1200.0, 9800.0, 300.0]
    assert d["saves"].tolist() == [12.0, 60.0, 2.0]
    assert d["hashtags"].tolist() == ["#kopisenja", "#jogja #ngopi", None]
    # the second post's caption spans lines 3-4, so the third post starts on line 5
    assert d["source_line"].tolist() == [2.0, 3.0, 5.0]
    assert d["account"].unique().tolist() == ["kopisenja.id"]
    assert d["impressions"].isna().all()


def test_meta_facebook_impressions_drifted_header_title_or_description():
    r = read(FIX / "meta_fb_impressions_drift.csv")
    assert r.format == "meta_posts_facebook"
    d = r.data
    assert d["caption"].tolist() == ["Promo 1.1 ☕", "Jam buka libur Lebaran"]
    assert d["impressions"].tolist() == [2150.0, 900.0]
    assert d["views"].isna().all()
    assert d["likes"].tolist() == [50.0, 10.0]  # Reactions
    assert d["clicks"].tolist() == [31.0, 44.0]
    assert d["format"].tolist() == ["photo", "link"]
    assert d["account"].tolist() == ["kopisenja", "kopisenja"]
    assert d["created_at"].iloc[0] == ts("2025-01-15 22:00")  # 14:00 PST (UTC-8, winter)


def test_meta_facebook_indonesian_headers_dayfirst_and_thousands():
    r = read(FIX / "meta_fb_id.csv")
    assert r.format == "meta_posts_facebook"
    d = r.data
    assert d["views"].tolist() == [12400.0, 3050.0]
    assert d["reach"].tolist() == [8150.0, 2700.0]
    # day-first Pacific times: 25 Oct 16:20 PDT and 2 Oct 20:00 PDT (UTC-7)
    assert d["created_at"].tolist() == [ts("2026-10-25 23:20"), ts("2026-10-03 03:00")]
    assert d["format"].tolist() == ["photo", "video"]
    assert any("day-first" in w for w in r.warnings)


def test_meta_daily_utf16_sep_and_metric_line():
    r = read(FIX / "meta_daily_instagram_followers.csv", account="kopisenja.id")
    assert (r.format, r.table) == ("meta_daily", "followers")
    d = r.data
    assert d["platform"].unique().tolist() == ["instagram"]
    assert d["followers"].tolist() == [1250.0, 1254.0, 1261.0]
    assert d["date"].tolist() == list(pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-03"]))
    # line 1 sep=, line 2 metric, line 3 header
    assert d["source_line"].tolist() == [4.0, 5.0, 6.0]
    assert d["account"].unique().tolist() == ["kopisenja.id"]


def test_meta_daily_without_account_warns():
    r = read(FIX / "meta_daily_instagram_followers.csv")
    assert r.data["account"].isna().all()
    assert any("pass account=" in w for w in r.warnings)


def test_x_activity_22_columns():
    r = read(FIX / "x_activity_22.csv")
    assert r.format == "x_activity"
    d = r.data
    assert d["created_at"].tolist() == [ts("2026-08-15 13:12:39"), ts("2026-08-16 01:00:00")]
    assert d["account"].unique().tolist() == ["kopisenja_id"]
    assert d["impressions"].tolist() == [1520.0, 800.0]
    assert d["engagements_reported"].tolist() == [61.0, 10.0]
    assert d["likes"].tolist() == [40.0, 6.0]
    assert d["shares"].tolist() == [4.0, 1.0]  # retweets
    assert d["comments"].tolist() == [3.0, 0.0]  # replies
    assert d["clicks"].tolist() == [5.0, 2.0]  # url clicks
    assert d["views"].tolist() == [0.0, 120.0]  # media views


def test_x_activity_40_columns_minute_time():
    r = read(FIX / "x_activity_40.csv")
    assert r.format == "x_activity"
    assert r.data["created_at"].tolist() == [ts("2026-08-17 03:00")]
    assert r.data["likes"].tolist() == [100.0]


def test_tiktok_content_yearless_dates_and_compact_counts():
    r = read(FIX / "tiktok_content.csv")
    assert r.format == "tiktok_content"
    d = r.data
    assert d["post_id"].tolist() == ["7300000000000000001", "7300000000000000002", "7300000000000000003"]
    # export day 2026-01-10 (column Time): no date may fall after it
    local_days = d["created_at"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m-%d").tolist()
    assert local_days == ["2026-01-05", "2025-12-28", "2025-12-31"]
    assert d["likes"].tolist() == [1200.0, 540.0, 2500.0]
    assert d["views"].tolist() == [15300.0, 8000.0, 1_000_000.0]
    assert np.isnan(d["comments"].iloc[1])  # "undefined"
    assert d["account"].unique().tolist() == ["kopisenja.id"]


def test_tiktok_content_xlsx():
    r = read(FIX / "tiktok_content.xlsx")
    assert r.format == "tiktok_content"
    d = r.data
    local_days = d["created_at"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m-%d").tolist()
    assert local_days == ["2026-10-30", "2025-11-02"]
    assert d["views"].iloc[0] == 20000.0 and np.isnan(d["views"].iloc[1])
    assert d["source_line"].tolist() == [2.0, 3.0]


def test_tiktok_followers_year_from_file_name():
    r = read(FIX / "tiktok_followers_2026-01-02.csv", account="kopisenja.id")
    assert r.format == "tiktok_followers"
    d = r.data
    assert d["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]
    assert d["followers"].tolist() == [980.0, 990.0, 1002.0, 1001.0]
    assert d["new_followers"].tolist() == [5.0, 10.0, 12.0, -1.0]


def test_tiktok_export_date_option_applies_without_a_day_in_the_file_name(tmp_path):
    # issue 9 order: the day in the file name, else export_date=, else the file's mtime
    f = tmp_path / "FollowerHistory.csv"
    f.write_bytes((FIX / "tiktok_followers_2026-01-02.csv").read_bytes())
    r = read(f, export_date="2027-01-05")
    assert r.data["date"].dt.year.tolist() == [2026, 2026, 2027, 2027]
    r = read(FIX / "tiktok_followers_2026-01-02.csv", export_date="2027-01-05")
    assert r.data["date"].dt.year.tolist() == [2025, 2025, 2026, 2026]
    assert any("file name" in w and "2027-01-05" in w for w in r.warnings)


def test_youtube_total_row_dropped():
    r = read(FIX / "youtube_table_data.csv", account="kopisenja")
    assert r.format == "youtube_table"
    d = r.data
    assert d["post_id"].tolist() == ["yt0000000A1", "yt0000000B2"]
    assert r.rows == 2 and len(r.rejects) == 0
    assert d["source_line"].tolist() == [3.0, 4.0]
    assert d["views"].tolist() == [1200.0, 330.0]
    assert d["impressions"].tolist() == [15000.0, 6000.0]
    assert d["created_at"].iloc[0] == ts("2026-10-02 17:00")  # 3 Oct, midnight in Jakarta
    assert any("Total" in w for w in r.warnings)


def test_twarc_jsonl_posts_mentions_interactions_and_bad_line():
    r = read(FIX / "twarc_search.jsonl", own_accounts=["kopisenja_id"],
             brands={"kopisenja_id": "Kopi Senja", "kopipagi_jogja": "Kopi Pagi", "ruangseduh": "Ruang Seduh"})
    assert (r.format, r.table) == ("twarc_jsonl", "mentions")
    posts, inter = r.extra["posts"], r.extra["interactions"]
    assert posts["post_id"].tolist() == ["1900000000000000001"]
    assert posts["impressions"].tolist() == [900.0]
    assert r.data["mention_id"].tolist() == ["1900000000000000002", "1900000000000000003", "1900000000000000004",
                                              "1900000000000000005"]
    assert r.data["brand"].tolist() == ["Kopi Senja", "Kopi Senja", "Kopi Senja", "Ruang Seduh"]
    assert r.data["author_followers"].tolist()[:3] == [340.0, 75.0, 340.0]
    edges = sorted(map(tuple, inter[["source", "target", "kind"]].values.tolist()))
    assert edges == sorted([
        ("rina_ngopi", "kopisenja_id", "reply"), ("rina_ngopi", "kopisenja_id", "quote"),
        ("budi_jogja", "kopisenja_id", "share"), ("rina_ngopi", "kopipagi_jogja", "mention"),
        ("rina_ngopi", "dina", "mention"), ("andi", "ruangseduh", "mention"),
    ])
    # 5 tweets + 1 broken line
    assert r.rows == 6
    assert r.rejects["line"].tolist() == [2]
    assert r.rejects["reason"].iloc[0].startswith("invalid JSON")


def test_comments_export():
    r = read(FIX / "comments_export.csv")
    assert (r.format, r.table) == ("comments_export", "comments")
    d = r.data
    assert d["author"].tolist() == ["rina_ngopi", "kopisenja.id", "dodi99"]
    assert d["is_brand_reply"].tolist() == [False, True, False]
    assert d["parent_id"].tolist() == [None, "c001", None]
    assert d["platform"].unique().tolist() == ["instagram"]
    # with offset, and naive (taken in Asia/Jakarta)
    assert d["created_at"].tolist() == [ts("2026-10-31 12:30"), ts("2026-10-31 13:02"), ts("2026-10-31 14:00")]
    assert d["text"].iloc[2] == "udh 2x pesen, tp belum dikirim??"


def test_listening_export_rejects_non_social_source():
    r = read(FIX / "listening_export.csv")
    assert (r.format, r.table) == ("listening_export", "mentions")
    d = r.data
    assert d["platform"].tolist() == ["instagram", "x"]
    assert d["brand"].tolist() == ["Kopi Senja", "Kopi Pagi"]
    assert d["author_followers"].tolist() == [1200.0, 300.0]
    assert d["sentiment"].tolist() == ["positive", "negative"]
    assert d["created_at"].iloc[0] == ts("2026-10-02 12:05")
    rj = r.rejects
    assert rj[["line", "column"]].values.tolist() == [[4, "Source"]]
    assert "kompas.com" in rj["reason"].iloc[0]
    assert len(d) + len(rj) == 3


def test_apify_instagram():
    r = read(FIX / "apify_instagram.csv")
    assert r.format == "apify_instagram"
    d = r.data
    assert d["account"].unique().tolist() == ["kopipagi.jogja"]
    assert d["format"].tolist() == ["reel", "carousel"]
    assert d["views"].iloc[0] == 7800.0
    assert d["likes"].tolist() == [340.0, 120.0]


def test_content_plan_indonesian_semicolon():
    r = read(FIX / "content_plan_id.csv")
    assert (r.format, r.table) == ("content_plan", "content_plan")
    d = r.data
    assert d["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-01", "2026-10-03", "2026-10-05"]
    assert d["platform"].tolist() == ["instagram", "tiktok", "x"]
    assert d["content_type"].tolist() == ["promo", "education", "engagement"]
    assert d["status"].tolist() == ["posted", "skipped", "scheduled"]
    assert d["caption"].iloc[0] == "Es kopi pandan hadir!"  # from "Keterangan"
    assert d["asset"].iloc[0] == "foto_pandan.jpg"


def test_content_plan_xlsx():
    r = read(FIX / "content_plan.xlsx")
    assert r.table == "content_plan"
    assert r.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-07", "2026-10-08"]
    assert r.data["status"].tolist() == ["planned", "idea"]


def test_cp1252_file_read_with_warning():
    r = read(FIX / "cp1252_plan.csv")
    assert r.data["caption"].iloc[0] == "Café crème – promo"
    assert any("Windows-1252" in w for w in r.warnings)


def test_generic_file_with_mapping():
    mapping = {"comment_id": "kode", "post_id": "postingan", "platform": "medsos", "author": "nama_akun",
               "text": "isi", "created_at": "waktu"}
    r = read(FIX / "generic_comments.csv", kind="comments", mapping=mapping, own_accounts=["kopisenja.id"])
    assert (r.format, r.table) == ("generic_comments", "comments")
    assert r.data["is_brand_reply"].tolist() == [False, True]
    assert r.data["created_at"].tolist() == [ts("2026-10-01 03:00"), ts("2026-10-01 03:30")]
    assert r.data["text"].tolist() == ["mantap, kak", "makasih kak"]


def test_canonical_header_read_directly(tmp_path):
    f = tmp_path / "inter.csv"
    f.write_text("source,target,kind,created_at,platform\nrina,kopisenja.id,reply,2026-10-01T00:00:00Z,instagram\n"
                 "rina,kopisenja.id,poke,2026-10-01T00:00:00Z,instagram\n")
    r = read(f)
    assert (r.format, r.table) == ("canonical_interactions", "interactions")
    assert r.data["kind"].tolist() == ["reply"]
    assert r.rejects["reason"].tolist() == ["unknown interaction kind 'poke'"]


def test_broken_meta_file_rejects_with_reasons_and_accounts_every_row():
    r = read(FIX / "meta_ig_broken.csv")
    assert r.data["post_id"].tolist() == ["1", "5"]
    assert r.rejects["line"].tolist() == [3, 4, 5]
    assert r.rejects["column"].tolist()[:2] == ["Publish time", "Post ID"]
    assert "kemarin sore" in r.rejects["reason"].iloc[0]
    assert r.rejects["reason"].iloc[2] == "expected 12 fields, saw 13"
    assert set(r.rejects["file"]) == {str(FIX / "meta_ig_broken.csv")}
    assert len(r.data) + len(r.rejects) == 5 == r.rows
    # an unreadable number is not a reject: NaN plus a warning naming column and line
    assert np.isnan(r.data["views"].iloc[1])
    assert any("'Views'" in w and "line 7" in w for w in r.warnings)


def test_header_only_file_gives_empty_table():
    r = read(FIX / "header_only_listening.csv")
    assert r.table == "mentions" and len(r.data) == 0 and r.rows == 0
    assert any("no data rows" in w for w in r.warnings)


def test_kind_table_restricts_detection_and_canonical_kind(tmp_path):
    r = read(FIX / "x_activity_22.csv", kind="posts")
    assert r.format == "x_activity"
    f = tmp_path / "p.tsv"
    f.write_text("post_id\tplatform\taccount\tcreated_at\tlikes\n9\tTikTok\t@kopisenja.id\t2026-10-01 10:00\t1,2 rb\n")
    r = read(f, kind="canonical_posts")
    assert r.data[["platform", "account", "likes"]].values.tolist() == [["tiktok", "kopisenja.id", 1200.0]]
    assert r.data["created_at"].iloc[0] == ts("2026-10-01 03:00")


def test_xlsx_with_title_rows_above_header(tmp_path):
    f = tmp_path / "plan.xlsx"
    with pd.ExcelWriter(f) as xw:
        pd.DataFrame([["Rencana Konten Oktober"], [""]]).to_excel(xw, index=False, header=False)
        pd.DataFrame({"Tanggal": ["01/10/2026"], "Platform": ["IG"], "Tema": ["x"], "Caption": ["y"]}).to_excel(
            xw, index=False, startrow=3)
    r = read(f)
    assert r.table == "content_plan"
    assert r.data["platform"].tolist() == ["instagram"]
    assert r.data["source_line"].tolist() == [5.0]  # title line 1, blank lines 2-3, header line 4
