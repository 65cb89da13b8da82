"""Writers produce the real formats and read() gives the same rows back."""

import json

import numpy as np
import pandas as pd
import pytest

from smanalysis.io import read, writers as W


def values(s):
    """Cells as a list with every missing value as None (pandas 3 stores None as NaN in str columns)."""
    s = pd.Series(s).astype(object)
    return s.where(s.notna(), None).tolist()


@pytest.fixture
def posts():
    return pd.DataFrame({
        "post_id": ["101", "102", "103"], "platform": "instagram", "account": "kopisenja.id",
        "created_at": pd.to_datetime(["2026-10-31 12:05", "2026-01-02 01:00", "2025-11-03 23:59"], utc=True),
        "format": ["reel", "photo", "carousel"],
        "caption": ["Kopi susu 🍂, \"enak\"\nbaris 2 #KopiSenja", "Pagi!", None],
        "permalink": ["https://www.instagram.com/reel/A1/", "https://www.instagram.com/p/A2/",
                      "https://www.instagram.com/p/A3/"],
        "views": [15300.0, 900.0, np.nan], "impressions": [np.nan, np.nan, np.nan], "reach": [12000.0, 700.0, 50.0],
        "likes": [800.0, 40.0, 2.0], "comments": [60.0, 2.0, 0.0], "shares": [30.0, 1.0, 0.0],
        "saves": [90.0, 3.0, 0.0], "clicks": [5.0, 0.0, 1.0],
    })


COUNTS = ["reach", "likes", "comments", "shares"]


@pytest.mark.parametrize("platform", ["instagram", "facebook"])
@pytest.mark.parametrize("variant", ["views", "impressions"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_meta_posts_roundtrip(tmp_path, posts, platform, variant, lang):
    p = posts.assign(platform=platform, account="kopisenja" if platform == "facebook" else "kopisenja.id",
                     impressions=posts["views"])
    before = p.copy()
    f = tmp_path / "meta.csv"
    W.write_meta_posts(p, f, platform=platform, variant=variant, lang=lang)
    pd.testing.assert_frame_equal(p, before)  # input not mutated
    assert f.read_bytes().startswith(b"\xef\xbb\xbf")
    r = read(f)
    assert r.format == f"meta_posts_{platform}" and len(r.rejects) == 0
    d = r.data
    assert d["post_id"].tolist() == ["101", "102", "103"]
    assert d["created_at"].tolist() == p["created_at"].dt.floor("min").tolist()
    assert d["caption"].tolist()[:2] == ['Kopi susu 🍂, "enak"\nbaris 2 #KopiSenja', "Pagi!"]
    assert d["caption"].isna().tolist() == [False, False, True]
    pd.testing.assert_frame_equal(d[COUNTS], p[COUNTS])
    assert d[variant].tolist()[:2] == [15300.0, 900.0]
    assert d["account"].unique().tolist() == [p["account"].iloc[0]]
    if platform == "instagram":
        assert d["format"].tolist() == ["reel", "photo", "carousel"]
        assert d["saves"].tolist() == [90.0, 3.0, 0.0]


def test_meta_posts_caption_in_title_and_drift(tmp_path, posts):
    p = posts.assign(platform="facebook", account="kopisenja")
    f = tmp_path / "fb.csv"
    W.write_meta_posts(p, f, platform="facebook", caption_in="title", drop=["Languages", "Custom labels"])
    header = f.read_text(encoding="utf-8-sig").splitlines()[0]
    assert '"Languages"' not in header and '"Title"' in header
    assert read(f).data["caption"].iloc[1] == "Pagi!"


def test_meta_posts_rejects_two_accounts(posts):
    with pytest.raises(ValueError, match="a real export holds one account"):
        W.write_meta_posts(posts.assign(account=["a", "b", "a"]), "x.csv", platform="instagram")


def test_meta_posts_bad_option(posts):
    with pytest.raises(ValueError, match=r"The value for `variant` must be one of \['views', 'impressions'\]"):
        W.write_meta_posts(posts, "x.csv", platform="instagram", variant="reach")


@pytest.mark.parametrize("metric, col", [("Instagram followers", "followers"), ("Instagram follows", "new_followers")])
def test_meta_daily_roundtrip(tmp_path, metric, col):
    f = pd.DataFrame({"date": pd.date_range("2026-10-01", periods=3), "platform": "instagram",
                      "account": "kopisenja.id", "followers": [10.0, 12.0, 15.0], "new_followers": [1.0, 2.0, 3.0]})
    path = tmp_path / "daily.csv"
    W.write_meta_daily(f, path, metric=metric)
    raw = path.read_bytes()
    assert raw[:2] == b"\xff\xfe"
    assert raw.decode("utf-16").splitlines()[:3] == ["sep=,", f'"{metric}"', '"Date","Primary"']
    r = read(path, account="kopisenja.id")
    if col == "followers":  # a follower count
        assert r.table == "followers" and r.data["followers"].tolist() == f["followers"].tolist()
    else:  # follows gained a day: an account_daily metric, never a follower count
        assert r.table == "account_daily" and r.data["metric"].unique().tolist() == ["follows"]
        assert r.data["value"].tolist() == f["new_followers"].tolist()
    assert r.data["date"].tolist() == f["date"].tolist()
    assert r.data["platform"].unique().tolist() == ["instagram"]


@pytest.mark.parametrize("columns", [22, 40])
def test_x_activity_roundtrip(tmp_path, posts, columns):
    p = posts.assign(platform="x", account="kopisenja_id", impressions=[2000.0, 100.0, 10.0])
    f = tmp_path / "x.csv"
    W.write_x_activity(p, f, columns=columns)
    assert len(f.read_text().splitlines()[0].split(",")) == columns
    d = read(f).data
    assert d["created_at"].tolist() == p["created_at"].tolist()
    assert d["account"].unique().tolist() == ["kopisenja_id"]
    assert d["impressions"].tolist() == [2000.0, 100.0, 10.0]
    # engagements = likes + retweets + replies + clicks when not given
    assert d["engagements_reported"].tolist() == [895.0, 43.0, 3.0]


@pytest.mark.parametrize("excel", [False, True])
def test_tiktok_content_roundtrip(tmp_path, posts, excel):
    p = posts.assign(platform="tiktok", format="video")
    f = tmp_path / ("Content.xlsx" if excel else "Content.csv")
    W.write_tiktok_content(p, f, excel=excel)
    d = read(f).data.sort_values("post_id").reset_index(drop=True)
    # TikTok exports only the local day: created_at comes back as local midnight
    days = p["created_at"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m-%d").tolist()
    assert d["created_at"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m-%d").tolist() == days
    assert d["likes"].tolist() == [800.0, 40.0, 2.0]
    assert d["views"].tolist()[:2] == [15300.0, 900.0]


def test_tiktok_content_compact_counts(tmp_path, posts):
    f = tmp_path / "Content.csv"
    W.write_tiktok_content(posts.assign(platform="tiktok"), f, compact=True)
    text = f.read_text()
    assert "15.3K" in text and "undefined" in text
    assert read(f).data.sort_values("post_id")["views"].tolist()[0] == 15300.0


def test_tiktok_followers_roundtrip(tmp_path):
    f = pd.DataFrame({"date": pd.date_range("2025-11-01", "2026-10-31"), "platform": "tiktok",
                      "account": "kopisenja.id"})
    f["followers"] = np.arange(len(f), dtype=float) + 100
    path = tmp_path / "FollowerHistory_2026-10-31.csv"
    W.write_tiktok_followers(f, path)
    d = read(path, account="kopisenja.id").data
    assert d["date"].tolist() == f["date"].tolist()
    assert d["followers"].tolist() == f["followers"].tolist()
    assert d["new_followers"].tolist()[1:3] == [1.0, 1.0]


def test_youtube_roundtrip(tmp_path, posts):
    p = posts.assign(platform="youtube", account="kopisenja")
    f = tmp_path / "Table data.csv"
    W.write_youtube_table(p, f)
    assert f.read_text().splitlines()[1].startswith("Total,")
    r = read(f, account="kopisenja")
    assert r.data["post_id"].tolist() == ["101", "102", "103"] and r.rows == 3
    assert r.data["views"].tolist()[:2] == [15300.0, 900.0]


def test_twarc_roundtrip(tmp_path):
    t = pd.DataFrame({
        "tweet_id": ["1", "2", "3", "4"], "author": ["kopisenja_id", "rina", "budi", "sari"],
        "author_followers": [900, 120, 5, 40],
        "created_at": pd.to_datetime(["2026-10-01 01:00", "2026-10-01 02:00", "2026-10-01 03:00",
                                      "2026-10-01 04:00"], utc=True),
        "text": ["Promo hari ini!", "@kopisenja_id buka jam brp kak? @budi", "RT @kopisenja_id: Promo hari ini!",
                 "mending @kopipagi_jogja"],
        "reply_to_user": [None, "kopisenja_id", None, None], "reply_to_tweet": [None, "1", None, None],
        "quoted_tweet": [None, None, None, "1"], "retweeted_tweet": [None, None, "1", None],
        "likes": [5, 0, 0, 1], "retweets": [1, 0, 0, 0], "replies": [1, 0, 0, 0], "quotes": [1, 0, 0, 0],
        "impressions": [300, 20, 0, 50]})
    before = t.copy()
    f = tmp_path / "t.jsonl"
    W.write_twarc_jsonl(t, f, page_size=3)
    pd.testing.assert_frame_equal(t, before)
    assert len(f.read_text().splitlines()) == 2
    assert "data" in json.loads(f.read_text().splitlines()[0])
    r = read(f, own_accounts=["kopisenja_id"], brands={"kopisenja_id": "Kopi Senja", "kopipagi_jogja": "Kopi Pagi"})
    assert r.extra["posts"]["post_id"].tolist() == ["1"]
    assert r.data["mention_id"].tolist() == ["2", "3", "4"]
    assert r.data["brand"].tolist() == ["Kopi Senja", "Kopi Senja", "Kopi Senja"]
    assert r.data["author_followers"].tolist() == [120.0, 5.0, 40.0]
    edges = sorted(map(tuple, r.extra["interactions"][["source", "target", "kind"]].values.tolist()))
    assert edges == sorted([("rina", "kopisenja_id", "reply"), ("rina", "budi", "mention"),
                            ("budi", "kopisenja_id", "share"), ("sari", "kopisenja_id", "quote"),
                            ("sari", "kopipagi_jogja", "mention")])


def test_comments_export_roundtrip(tmp_path):
    c = pd.DataFrame({"comment_id": ["c1", "c2"], "post_id": ["p1", "p1"], "platform": ["instagram", "instagram"],
                      "author": ["rina", "kopisenja.id"], "text": ["enak, \"bgt\" 😍", ""],
                      "created_at": pd.to_datetime(["2026-10-01 12:05:07", "2026-10-01 13:00:00"], utc=True),
                      "parent_id": [None, "c1"], "is_brand_reply": [False, True], "account": "kopisenja.id",
                      "likes": [2.0, np.nan]})
    f = tmp_path / "comments.csv"
    W.write_comments_export(c, f)
    d = read(f).data
    for col in ["comment_id", "post_id", "platform", "author", "text", "created_at", "parent_id", "is_brand_reply",
                "account"]:
        assert values(d[col]) == values(c[col]), col
    assert d["likes"].iloc[0] == 2.0 and np.isnan(d["likes"].iloc[1])


def test_listening_roundtrip(tmp_path):
    m = pd.DataFrame({"mention_id": ["m1", "m2"], "platform": ["x", "tiktok"], "brand": ["Kopi Senja", "Kopi Pagi"],
                      "author": ["budi", "sari"], "text": ["ngopi di @kopisenja_id", "antri lama"],
                      "created_at": pd.to_datetime(["2026-10-01 12:05", "2026-10-02 00:30"], utc=True),
                      "author_followers": [100.0, 2500.0], "sentiment": ["positive", "negative"],
                      "url": ["https://twitter.com/budi/status/1", "https://www.tiktok.com/@sari/video/2"]})
    f = tmp_path / "mentions.csv"
    W.write_listening_export(m, f)
    d = read(f).data
    for col in ["mention_id", "platform", "brand", "author", "text", "created_at", "author_followers", "sentiment",
                "url"]:
        assert values(d[col]) == values(m[col]), col


def test_competitor_posts_roundtrip(tmp_path, posts):
    p = posts.assign(account="kopipagi.jogja")
    f = tmp_path / "apify.csv"
    W.write_competitor_posts(p, f)
    d = read(f).data
    assert d["format"].tolist() == ["reel", "photo", "carousel"]
    assert d["created_at"].tolist() == p["created_at"].tolist()
    assert d["likes"].tolist() == p["likes"].tolist()
    assert d["account"].unique().tolist() == ["kopipagi.jogja"]


@pytest.mark.parametrize("excel", [False, True])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_content_plan_roundtrip(tmp_path, excel, lang):
    plan = pd.DataFrame({"date": pd.to_datetime(["2026-10-05", "2026-10-12"]), "platform": ["instagram", "tiktok"],
                         "theme": ["menu baru", "edukasi kopi"], "caption": ["Cobain kopi pandan!", "Beda arabika"],
                         "content_type": ["promo", "education"], "asset": ["pandan.jpg", None],
                         "hashtags": ["#kopisenja", None], "source": ["tim", None], "status": ["posted", "skipped"],
                         "time": ["19:00", None], "format": ["photo", "reel"], "account": ["kopisenja.id"] * 2,
                         "plan_id": ["P1", "P2"]})
    f = tmp_path / ("plan.xlsx" if excel else "plan.csv")
    W.write_content_plan(plan, f, excel=excel, lang=lang)
    d = read(f).data
    for col in plan.columns:
        assert values(d[col]) == values(plan[col]), col


def _frames():
    posts = pd.DataFrame({"post_id": ["1"], "platform": ["instagram"], "account": ["kopisenja.id"],
                          "created_at": pd.to_datetime(["2026-10-01 03:00"], utc=True), "likes": [3.0]})
    followers = pd.DataFrame({"date": pd.to_datetime(["2026-10-01"]), "platform": ["tiktok"],
                              "account": ["kopisenja.id"], "followers": [10.0]})
    comments = pd.DataFrame({"comment_id": ["c"], "post_id": ["1"], "platform": ["instagram"], "author": ["a"],
                             "text": ["hai"], "created_at": pd.to_datetime(["2026-10-01"], utc=True),
                             "is_brand_reply": [False]})
    mentions = pd.DataFrame({"mention_id": ["m"], "platform": ["x"], "brand": ["Kopi Senja"], "author": ["a"],
                             "text": ["hai"], "created_at": pd.to_datetime(["2026-10-01"], utc=True)})
    plan = pd.DataFrame({"date": pd.to_datetime(["2026-10-01"]), "platform": ["instagram"], "theme": ["t"],
                         "caption": ["c"], "content_type": ["promo"]})
    tweets = pd.DataFrame({"tweet_id": ["1"], "author": ["a"], "created_at": pd.to_datetime(["2026-10-01"], utc=True),
                           "text": ["@b hai"]})
    return {"posts": posts, "followers": followers, "comments": comments, "mentions": mentions, "plan": plan,
            "tweets": tweets}


@pytest.mark.parametrize("writer, frame, kwargs", [
    ("write_meta_posts", "posts", {"platform": "instagram"}), ("write_meta_daily", "followers", {}),
    ("write_x_activity", "posts", {}), ("write_tiktok_content", "posts", {}), ("write_tiktok_followers", "followers", {}),
    ("write_youtube_table", "posts", {}), ("write_twarc_jsonl", "tweets", {}), ("write_comments_export", "comments", {}),
    ("write_listening_export", "mentions", {}), ("write_competitor_posts", "posts", {}),
    ("write_content_plan", "plan", {}),
])
def test_writers_do_not_mutate_and_check_columns(tmp_path, writer, frame, kwargs):
    df = _frames()[frame]
    before = df.copy()
    getattr(W, writer)(df, tmp_path / "out.csv", **kwargs)
    pd.testing.assert_frame_equal(df, before)
    with pytest.raises((ValueError, TypeError), match="lacks required columns"):
        getattr(W, writer)(df.drop(columns=df.columns[0]), tmp_path / "bad.csv", **kwargs)
