"""Layouts of account-level daily series, audience and video-level exports (registered in :data:`FORMATS`).

Sources: public repositories that parse real downloads (TikTok Studio
``Overview.csv``/``FollowerHistory.csv``, X ``daily_tweet_activity_metrics_*``,
Meta's ``"Date","Primary"`` series, YouTube Studio's ``Table data.csv`` /
``Chart data.csv`` / ``Totals.csv``); where no real header could be confirmed
the spec's note says "best guess" and the readers accept aliases.

Examples
--------
>>> from smanalysis.io.layouts import FORMATS
>>> FORMATS["tiktok_overview"].table, FORMATS["meta_audience"].table
('account_daily', 'audience')
"""

from __future__ import annotations

from .layouts import FormatSpec, add_format

__all__ = ["X_DAILY_COLUMNS", "TIKTOK_OVERVIEW_COLUMNS", "TIKTOK_VIEWERS_COLUMNS", "YOUTUBE_TOTALS_COLUMNS",
           "YOUTUBE_CHART_COLUMNS", "META_VIDEO_COLUMNS", "DAILY_FIELDS", "TIKTOK_ACTIVITY_COLUMNS"]

_X_METRICS = ("impressions", "engagements", "engagement rate", "retweets", "replies", "likes", "user profile clicks",
              "url clicks", "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
              "follows", "email tweet", "dial phone", "media views", "media engagements")
#: X analytics "daily_tweet_activity_metrics_<handle>_<start>_<end>_<lang>.csv" (account level, one row a day).
X_DAILY_COLUMNS = ("Date", "Tweets published", *_X_METRICS, "promoted Tweets published",
                   *("promoted " + c for c in _X_METRICS))
#: TikTok Studio > Analytics > Overview > download: ``Overview.csv`` (yearless days).
TIKTOK_OVERVIEW_COLUMNS = ("Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares")
#: TikTok Studio viewers download (best guess).
TIKTOK_VIEWERS_COLUMNS = ("Date", "Total Viewers", "New Viewers", "Returning Viewers")
#: TikTok Studio > Analytics > Followers > download: ``FollowerActivity.csv`` (7 days x 24 hours, yearless days).
TIKTOK_ACTIVITY_COLUMNS = ("Date", "Hour", "Active followers")
#: YouTube Studio advanced-mode export, ``Totals.csv`` (channel total a day).
YOUTUBE_TOTALS_COLUMNS = ("Date", "Views")
#: YouTube Studio advanced-mode export, ``Chart data.csv`` (views a day of each charted video).
YOUTUBE_CHART_COLUMNS = ("Date", "Content", "Video title", "Video publish time", "Duration", "Views")
#: Meta Business Suite video-level export (Facebook videos and reels; best guess beside the post export's columns).
META_VIDEO_COLUMNS = (
    "Video asset ID", "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
    "Permalink", "Post type", "Funded content status", "Date", "Views", "Reach", "3-second video views",
    "1-minute video views", "Seconds viewed", "Average Seconds viewed",
)

#: account_daily metric -> header names, per daily layout (first name is the one the writers use).
DAILY_FIELDS = {
    "x_daily": {
        "posts_published": ("Tweets published", "Posts published"), "impressions": ("impressions",),
        "engagements": ("engagements",), "likes": ("likes",), "comments": ("replies",), "shares": ("retweets",
                                                                                                 "reposts"),
        "profile_views": ("user profile clicks",), "link_clicks": ("url clicks",),
        "followers_gained": ("follows",), "views": ("media views",),
    },
    "tiktok_overview": {
        "views": ("Video Views", "Video views", "Penayangan video"), "profile_views": ("Profile Views",
                                                                                   "Profile views",
                                                                                   "Penayangan profil"),
        "likes": ("Likes", "Suka"), "comments": ("Comments", "Komentar"), "shares": ("Shares", "Bagikan"),
        "followers_gained": ("New followers", "Pengikut baru"), "reach": ("Reached audience", "Jangkauan"),
        "unfollows": ("Lost followers", "Pengikut hilang"),
    },
    "tiktok_followers_daily": {
        "followers_gained": ("New followers", "Pengikut baru"), "followers": ("Total followers", "Total pengikut"),
        "reach": ("Reached audience", "Jangkauan"),
    },
    "tiktok_viewers": {
        "viewers": ("Total Viewers", "Total viewers", "Penonton"), "new_viewers": ("New Viewers", "New viewers"),
        "returning_viewers": ("Returning Viewers", "Returning viewers"),
    },
    "youtube_totals": {
        "views": ("Views", "Penayangan"), "watch_time_s": ("Watch time (hours)", "Waktu tonton (jam)"),
        "followers_gained": ("Subscribers", "Subscriber"), "impressions": ("Impressions", "Tayangan"),
        "new_viewers": ("New viewers", "Penonton baru"), "returning_viewers": ("Returning viewers",
                                                                              "Penonton kembali"),
        "viewers": ("Unique viewers", "Penonton unik"),
    },
}


def _daily_fields(name):
    return {"date": ("Date", "Tanggal"), **DAILY_FIELDS[name]}


add_format(FormatSpec(
    "x_daily", "account_daily", X_DAILY_COLUMNS, _daily_fields("x_daily"),
    ("date", "posts_published", "impressions", "engagements"), "x",
    "X analytics > Tweets > Export data 'By day': daily_tweet_activity_metrics_<handle>_<YYYYMMDD>_<YYYYMMDD>_"
    "<lang>.csv; one row a day, 'follows' = followers gained that day; 'promoted ...' columns for ads.",
))
add_format(FormatSpec(
    "tiktok_overview", "account_daily", TIKTOK_OVERVIEW_COLUMNS, _daily_fields("tiktok_overview"),
    ("date", "views", "profile_views"), "tiktok",
    "TikTok Studio > Analytics > Overview > Download: Overview.csv, UTF-8 with BOM, every field quoted, "
    "yearless days ('September 25' in older files, '25 September' in 2025 files, some with 'New followers').",
))
add_format(FormatSpec(
    "tiktok_followers_daily", "account_daily", ("Date", "New followers", "Total followers", "Reached audience",
                                                "Engaged audience"), _daily_fields("tiktok_followers_daily"),
    ("date", "followers_gained", "followers"), "tiktok",
    "TikTok Studio (2025 web) > Analytics > Followers > download: Date (2025/10/31), New followers, Total "
    "followers ('--' when not given), Reached audience, Engaged audience ('NAN' on the first day); seen on a "
    "real download. Total followers are follower counts (followers table), the rest account_daily.",
))
add_format(FormatSpec(
    "tiktok_viewers", "account_daily", TIKTOK_VIEWERS_COLUMNS, _daily_fields("tiktok_viewers"),
    ("date", "viewers"), "tiktok",
    "TikTok Studio > Analytics > Viewers download: Viewers.csv, yearless days. Best guess.",
))
add_format(FormatSpec(
    "tiktok_follower_activity", "follower_activity", TIKTOK_ACTIVITY_COLUMNS,
    {"date": ("Date", "Tanggal"), "hour": ("Hour", "Jam"),
     "active_followers": ("Active followers", "Pengikut aktif")},
    ("date", "hour", "active_followers"), "tiktok",
    "TikTok Studio > Analytics > Followers > download (Followers_<handle>.zip beside FollowerHistory.csv, "
    "FollowerGender.csv, FollowerTopTerritories.csv): FollowerActivity.csv, \"Date\",\"Hour\",\"Active followers\", "
    "one row an hour for the last 7 days (168 rows), yearless days, hours 0-23 on TikTok's UTC clock; the export "
    "day's hours not reached yet are written as 0 (confirmed from public repositories that import real downloads).",
))
add_format(FormatSpec(
    "youtube_totals", "account_daily", YOUTUBE_TOTALS_COLUMNS, _daily_fields("youtube_totals"),
    ("date", "|".join(DAILY_FIELDS["youtube_totals"])), "youtube",
    "YouTube Studio > Analytics > Advanced mode > Export: Totals.csv, the channel's total a day "
    "(ISO days; watch time in hours is stored in seconds). It holds the metric the chart showed: Views, "
    "Watch time (hours), Subscribers, New viewers... (\"Date,New viewers\" seen on a real download).",
))
add_format(FormatSpec(
    "youtube_chart", "posts", YOUTUBE_CHART_COLUMNS,
    {"date": ("Date", "Tanggal"), "post_id": ("Content", "Konten"), "caption": ("Video title", "Judul video"),
     "created_at": ("Video publish time", "Waktu publikasi video"), "views": ("Views", "Penayangan"),
     "other_metric": ("New viewers", "Returning viewers", "Unique viewers", "Watch time (hours)", "Subscribers",
                      "Impressions")},
    ("date", "post_id", "views|other_metric"), "youtube",
    "YouTube Studio > Analytics > Advanced mode > Export: Chart data.csv, views a day of each charted video "
    "(read as a daily breakdown of posts: load_dataset sums the days per video). A chart of another metric "
    "('New viewers' on a real download) is recognised and its rows rejected with that reason.", priority=1,
))
add_format(FormatSpec(
    "meta_video", "video", META_VIDEO_COLUMNS,
    {"asset_id": ("Video asset ID", "ID aset video"), "post_id": ("Post ID", "ID Postingan"),
     "account": ("Page name", "Nama Halaman", "Account username"), "created_at": ("Publish time", "Waktu publikasi"),
     "duration": ("Duration (sec)", "Durasi (dtk)"), "views": ("Views", "Tayangan", "Plays"),
     "views_3s": ("3-second video views", "Penayangan video 3 detik"),
     "views_1m": ("1-minute video views", "Penayangan video 1 menit"),
     "seconds": ("Seconds viewed", "Detik ditonton"), "avg_seconds": ("Average Seconds viewed",
                                                                      "Rata-rata detik ditonton"),
     "funded": ("Funded content status", "Status konten berbayar")},
    ("asset_id", "seconds"), "facebook",
    "Meta Business Suite > Insights > Content > Export, video level ('Video asset ID', seconds viewed, "
    "3-second and 1-minute views). Best guess of the exact header beside the post export's columns.", priority=1,
))
add_format(FormatSpec(
    "tiktok_follower_gender", "audience", ("Gender", "Distribution"),
    {"segment": ("Gender", "Jenis kelamin"), "share": ("Distribution", "Distribusi")}, ("segment", "share"), "tiktok",
    "TikTok Studio > Analytics > Followers > download (Followers_<handle>.zip): FollowerGender.csv, "
    "\"Gender\",\"Distribution\" with Female/Male/Other and shares 0-1 (confirmed on real downloads).",
))
add_format(FormatSpec(
    "tiktok_follower_territories", "audience", ("Top territories", "Distribution"),
    {"segment": ("Top territories", "Wilayah teratas"), "share": ("Distribution", "Distribusi")},
    ("segment", "share"), "tiktok",
    "TikTok Studio followers download: FollowerTopTerritories.csv, \"Top territories\",\"Distribution\" with "
    "ISO country codes (US, ID...) and 'Others', shares 0-1 (confirmed on real downloads).", priority=1,
))
add_format(FormatSpec(
    "meta_audience", "audience", ("Age", "Women", "Men"),
    {"age": ("Age", "Usia", "Umur"), "women": ("Women", "Perempuan", "Wanita"), "men": ("Men", "Laki-laki", "Pria")},
    ("age", "women", "men"), None,
    "Meta Business Suite > Insights > Audience > Export: Audience.csv in sections like the daily series "
    "(UTF-16, 'sep=,'): 'Age & gender' (\"Age\",\"Women\",\"Men\", percent), 'Top cities' (\"City\",\"Value\"), "
    "'Top countries' (\"Country\",\"Value\"). Best guess.",
))
