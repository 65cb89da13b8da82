"""The real export formats smanalysis reads: their headers, aliases and signatures.

Each :class:`FormatSpec` names one export layout, the canonical table it feeds,
the header the platform writes (``columns``, used by :mod:`smanalysis.io.writers`),
the aliases of every header (drifted English names and Bahasa Indonesia
localisations) and the *signature*: the subset of fields that must be present
for the format to be detected (headers drift between months, so detection never
asks for the full header).

Header names are compared after :func:`norm_header` (lower case, NFKC,
whitespace collapsed, BOM and surrounding quotes removed).

Where the real header could not be confirmed from public material the layout is
a faithful best guess, marked "best guess" in the spec's ``note``; the readers
accept aliases, so a small difference in a real file still reads.

Examples
--------
>>> FORMATS["x_activity"].table
'posts'
>>> norm_header("  Tweet  ID ")
'tweet id'
"""

from __future__ import annotations

from .layouts import FORMATS, FormatSpec, add_format, norm_header

__all__ = ["FormatSpec", "FORMATS", "norm_header", "META_FB_POST_TYPES", "META_IG_POST_TYPES", "META_EXPORT_TIMEZONE"]

#: The zone of Meta Business Suite's "Publish time", whatever the page's own zone: Pacific time. Checked on
#: real exports of pages in South Africa, the US east coast and Bulgaria against the upload instant written in
#: Instagram's own post ids (shortcodes): 7 hours behind UTC in summer, 8 in winter, every time.
META_EXPORT_TIMEZONE = "America/Los_Angeles"


# --------------------------------------------------------------------------- Meta
#: Meta Business Suite post export, Facebook page, English, "Views" variant (2025+).
META_FB_COLUMNS = (
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
    "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels",
    "Funded content status", "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares",
    "Reactions", "Comments", "Shares", "Total clicks", "Link clicks", "Other Clicks",
    "Matched Audience Targeting Consumption (Photo Click)", "Negative feedback from users: Hide all",
    "Negative feedback from users: Hide post", "Seconds viewed", "Average Seconds viewed",
)
#: Meta Business Suite post export, Instagram account, English, "Views" variant.
META_IG_COLUMNS = (
    "Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
    "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes",
    "Shares", "Follows", "Comments", "Saves", "Profile visits", "Replies", "Navigation",
)

# Bahasa Indonesia headers of the same exports (best guess of Meta's id_ID labels).
META_ID_HEADERS = {
    "Post ID": "ID Postingan", "Page ID": "ID Halaman", "Page name": "Nama Halaman", "Title": "Judul",
    "Description": "Deskripsi", "Duration (sec)": "Durasi (dtk)", "Publish time": "Waktu publikasi",
    "Caption type": "Jenis keterangan", "Permalink": "Tautan permanen", "Is crosspost": "Adalah postingan silang",
    "Is share": "Adalah bagikan", "Post type": "Jenis postingan", "Languages": "Bahasa",
    "Custom labels": "Label khusus", "Funded content status": "Status konten berbayar",
    "Data comment": "Komentar data", "Date": "Tanggal", "Views": "Tayangan", "Impressions": "Impresi",
    "Reach": "Jangkauan", "Reactions, Comments and Shares": "Reaksi, Komentar, dan Bagikan",
    "Reactions": "Reaksi", "Comments": "Komentar", "Shares": "Bagikan", "Total clicks": "Total klik",
    "Link clicks": "Klik tautan", "Other Clicks": "Klik lainnya",
    "Matched Audience Targeting Consumption (Photo Click)": "Konsumsi Penargetan Pemirsa yang Cocok (Klik Foto)",
    "Negative feedback from users: Hide all": "Umpan balik negatif dari pengguna: Sembunyikan semua",
    "Negative feedback from users: Hide post": "Umpan balik negatif dari pengguna: Sembunyikan postingan",
    "Seconds viewed": "Detik ditonton", "Average Seconds viewed": "Rata-rata detik ditonton",
    "Account ID": "ID Akun", "Account username": "Nama pengguna akun", "Account name": "Nama akun",
    "Likes": "Suka", "Follows": "Mengikuti", "Saves": "Simpanan", "Profile visits": "Kunjungan profil",
    "Replies": "Balasan", "Navigation": "Navigasi",
}


def _meta_fields(platform):
    f = {
        "post_id": ("Post ID", "ID Postingan", "ID postingan"),
        "created_at": ("Publish time", "Waktu publikasi", "Waktu dipublikasikan"),
        "permalink": ("Permalink", "Tautan permanen"),
        "post_type": ("Post type", "Jenis postingan"),
        "date": ("Date", "Tanggal"),
        "description": ("Description", "Deskripsi"),
        "views": ("Views", "Tayangan"),
        "impressions": ("Impressions", "Impresi"),
        "reach": ("Reach", "Jangkauan"),
        "comments": ("Comments", "Komentar"),
        "shares": ("Shares", "Bagikan", "Dibagikan"),
        "funded": ("Funded content status", "Status konten berbayar", "Boosted", "Boost status"),
        "data_comment": ("Data comment", "Komentar data"),
    }
    if platform == "facebook":
        f.update({
            "page_id": ("Page ID", "ID Halaman"),
            "account": ("Page name", "Nama Halaman"),
            "title": ("Title", "Judul"),
            "likes": ("Reactions", "Reaksi"),
            "clicks": ("Total clicks", "Total klik"),
        })
    else:
        f.update({
            "account_id": ("Account ID", "ID Akun"),
            "account": ("Account username", "Nama pengguna akun", "Nama pengguna"),
            "likes": ("Likes", "Suka"),
            "saves": ("Saves", "Simpanan", "Disimpan"),
        })
    return f


#: Facebook "Post type" values -> canonical format.
META_FB_POST_TYPES = {
    "photos": "photo", "photo": "photo", "foto": "photo", "videos": "video", "video": "video",
    "reels": "reel", "reel": "reel", "links": "link", "link": "link", "tautan": "link",
    "text": "text", "status": "text", "teks": "text", "live": "live", "siaran langsung": "live",
    "albums": "carousel", "album": "carousel", "stories": "story", "story": "story", "cerita": "story",
}
#: Instagram "Post type" values -> canonical format.
META_IG_POST_TYPES = {
    "ig image": "photo", "ig carousel": "carousel", "ig reel": "reel", "ig video": "video",
    "ig story": "story", "ig live": "live", "gambar ig": "photo", "carousel ig": "carousel",
    "reel ig": "reel", "video ig": "video", "story ig": "story", "cerita ig": "story",
}

# --------------------------------------------------------------------------- X
X_ACTIVITY_COLUMNS_22 = (
    "Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "engagement rate",
    "retweets", "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks", "detail expands",
    "permalink clicks", "app opens", "app installs", "follows", "email tweet", "dial phone", "media views",
    "media engagements",
)
X_ACTIVITY_COLUMNS_40 = X_ACTIVITY_COLUMNS_22 + tuple(
    "promoted " + c for c in (
        "impressions", "engagements", "engagement rate", "retweets", "replies", "likes", "user profile clicks",
        "url clicks", "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
        "follows", "email tweet", "dial phone", "media views", "media engagements",
    )
)

# --------------------------------------------------------------------------- TikTok
TIKTOK_CONTENT_COLUMNS = (
    "Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views",
)
TIKTOK_FOLLOWER_COLUMNS = ("Date", "Followers", "Difference in followers from previous day")

# --------------------------------------------------------------------------- YouTube
YOUTUBE_COLUMNS = (
    "Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)", "Subscribers",
    "Impressions", "Impressions click-through rate (%)",
)

# --------------------------------------------------------------------------- tools
#: Comment-export tool layout (modelled on exportcomments.com style CSVs; best guess).
COMMENTS_EXPORT_COLUMNS = (
    "Platform", "Post URL", "Post ID", "Comment ID", "Parent ID", "Username", "Name", "Date", "Likes",
    "Comment", "Is Reply", "Is Page Owner",
)
#: Listening-tool layout (modelled on Brand24's mentions CSV; best guess).
LISTENING_COLUMNS = (
    "ID", "Project", "Date", "Hour", "Title", "Content", "Source", "Domain", "Url", "Author", "Followers",
    "Influence Score", "Sentiment", "Likes", "Comments", "Shares", "Reach", "Engagement", "Category",
)
#: Apify Instagram scraper dataset export (CSV "flattened" view).
APIFY_IG_COLUMNS = (
    "id", "type", "shortCode", "caption", "hashtags/0", "hashtags/1", "hashtags/2", "url", "commentsCount",
    "likesCount", "videoViewCount", "videoPlayCount", "timestamp", "ownerFullName", "ownerUsername", "ownerId",
    "productType", "displayUrl",
)
APIFY_TYPES = {"image": "photo", "sidecar": "carousel", "video": "video", "clips": "reel"}

#: Content plan, Bahasa Indonesia header as an UKM team would keep it (writer default).
CONTENT_PLAN_COLUMNS_ID = (
    "ID", "Tanggal", "Jam", "Platform", "Akun", "Tema", "Jenis Konten", "Format", "Caption", "Aset", "Tagar",
    "Sumber", "Status",
)

_PLAN_FIELDS = {
    "plan_id": ("plan_id", "ID", "No", "No.", "Nomor"),
    "date": ("date", "Tanggal", "Tgl", "Tanggal Posting", "Tanggal Tayang", "Planned date", "Publish date"),
    "time": ("time", "Jam", "Waktu", "Pukul"),
    "platform": ("platform", "Platform", "Kanal", "Channel", "Media"),
    "account": ("account", "Akun", "Account"),
    "theme": ("theme", "Tema", "Topik", "Pilar", "Pilar Konten", "Content pillar", "Topic"),
    "content_type": ("content_type", "Jenis Konten", "Tipe Konten", "Kategori", "Content type", "Tujuan"),
    "format": ("format", "Format", "Bentuk", "Jenis Media"),
    "caption": ("caption", "Caption", "Keterangan", "Teks", "Copywriting", "Copy", "Naskah"),
    "asset": ("asset", "Aset", "Asset", "Visual", "Materi", "Foto/Video"),
    "hashtags": ("hashtags", "Tagar", "Hashtag", "Hashtags"),
    "source": ("source", "Sumber", "Referensi", "Source", "Reference"),
    "status": ("status", "Status", "Keterangan Status"),
}

_add = add_format


_add(FormatSpec(
    "meta_posts_facebook", "posts", META_FB_COLUMNS, _meta_fields("facebook"),
    ("post_id", "page_id", "created_at", "permalink", "post_type"), "facebook",
    "Meta Business Suite > Insights > Content > Export (post level), Facebook page. UTF-8 with BOM. "
    "'Views' from 2025, 'Impressions' before; columns drift by month.",
))
_add(FormatSpec(
    "meta_posts_instagram", "posts", META_IG_COLUMNS, _meta_fields("instagram"),
    ("post_id", "account_id|account", "created_at", "permalink", "post_type"), "instagram",
    "Meta Business Suite post-level export, Instagram account. UTF-8 with BOM. 'Account ID' or 'Account "
    "username' names the account (the export dialog lets either be unticked).",
))
_add(FormatSpec(
    "meta_daily", "account_daily", ("Date", "Primary"),
    {"date": ("Date", "Tanggal"), "value": ("Primary", "Utama")}, ("date", "value"), None,
    "Meta Business Suite page-level daily series (Insights > export one metric): UTF-16 LE, 'sep=,' (or "
    "'sep=<tab>') line, metric-name line ('Facebook follows', 'Instagram reach', 'Views'...), then "
    "\"Date\",\"Primary\"; sometimes a second platform section; re-saved by Excel with ';'. "
    "Follower counts ('... followers') go to followers, every other metric to account_daily.",
))
_add(FormatSpec(
    "x_activity", "posts", X_ACTIVITY_COLUMNS_22,
    {
        "post_id": ("Tweet id", "Tweet ID", "Post id"), "permalink": ("Tweet permalink", "Post permalink"),
        "caption": ("Tweet text", "Post text"), "created_at": ("time",), "impressions": ("impressions",),
        "engagements_reported": ("engagements",), "engagement_rate": ("engagement rate",),
        "shares": ("retweets", "reposts"), "comments": ("replies",), "likes": ("likes",),
        "url_clicks": ("url clicks",), "views": ("media views",),
        "promoted_impressions": ("promoted impressions",), "promoted_engagements": ("promoted engagements",),
    },
    ("post_id", "permalink", "created_at", "impressions", "engagements_reported"), "x",
    "X (Twitter) analytics tweet activity CSV, 22 columns, or 40 with the 'promoted ...' columns.",
))
_add(FormatSpec(
    "tiktok_content", "posts", TIKTOK_CONTENT_COLUMNS,
    {
        "export_time": ("Time",), "caption": ("Video title", "Judul video"), "permalink": ("Video link", "Tautan video"),
        "created_at": ("Post time", "Waktu posting"), "likes": ("Total likes", "Jumlah suka", "Likes"),
        "comments": ("Total comments", "Jumlah komentar", "Comments"),
        "shares": ("Total shares", "Jumlah bagikan", "Shares"), "views": ("Total views", "Video views", "Jumlah tayangan"),
        "saves": ("Add to Favorites", "Favorites", "Tambahkan ke Favorit"),
    },
    ("permalink", "created_at", "likes"), "tiktok",
    "TikTok Studio > Analytics > Content download (CSV or XLSX); yearless 'Post time' like 'August 31'; "
    "counts like '1.2K'. Column names are a best guess from public descriptions.",
))
_add(FormatSpec(
    "tiktok_followers", "followers", TIKTOK_FOLLOWER_COLUMNS,
    {
        "date": ("Date", "Tanggal"), "followers": ("Followers", "Pengikut"),
        "new_followers": ("Difference in followers from previous day", "Selisih pengikut dari hari sebelumnya"),
    },
    ("date", "followers", "new_followers"), "tiktok",
    "TikTok Studio > Analytics > Followers > follower history download; yearless dates. Best guess.",
))
_add(FormatSpec(
    "youtube_table", "posts", YOUTUBE_COLUMNS,
    {
        "post_id": ("Content", "Konten"), "caption": ("Video title", "Judul video"),
        "created_at": ("Video publish time", "Waktu publikasi video"), "views": ("Views", "Penayangan"),
        "impressions": ("Impressions", "Tayangan"), "watch_hours": ("Watch time (hours)", "Waktu tonton (jam)"),
        "avg_duration": ("Average view duration", "Durasi rata-rata dilihat", "Durasi penayangan rata-rata"),
        "duration": ("Duration", "Durasi"),
    },
    ("post_id", "caption", "created_at", "views"), "youtube",
    "YouTube Studio > Analytics > Advanced mode > Export > 'Table data.csv' (first row 'Total'); English "
    "or Bahasa Indonesia headers ('Konten', 'Judul video', 'Waktu publikasi video', 'Penayangan') and dates "
    "('Oct 3, 2026', '3 Okt 2026'); an empty publish time (ads, unlisted) keeps the row with no time.",
))
_add(FormatSpec(
    "comments_export", "comments", COMMENTS_EXPORT_COLUMNS,
    {
        "platform": ("Platform",), "post_url": ("Post URL",), "post_id": ("Post ID",),
        "comment_id": ("Comment ID", "Id"), "parent_id": ("Parent ID", "Reply to"), "author": ("Username", "Author"),
        "created_at": ("Date", "Published"), "likes": ("Likes",), "text": ("Comment", "Text", "Message"),
        "is_brand_reply": ("Is Page Owner", "Is Owner"),
    },
    ("post_id", "comment_id", "author", "text", "created_at"), None,
    "Comment-export tool CSV (one row a comment or reply). Layout modelled on common tools; best guess.",
))
_add(FormatSpec(
    "listening_export", "mentions", LISTENING_COLUMNS,
    {
        "mention_id": ("ID",), "brand": ("Project", "Keyword"), "date": ("Date",), "hour": ("Hour",),
        "title": ("Title",), "text": ("Content",), "source": ("Source",), "url": ("Url", "URL"),
        "author": ("Author",), "author_followers": ("Followers",), "sentiment": ("Sentiment",),
        "likes": ("Likes",), "comments": ("Comments",), "shares": ("Shares",), "reach": ("Reach",),
    },
    ("mention_id", "date", "text", "source", "author", "sentiment"), None,
    "Listening-tool mentions CSV, modelled on Brand24's export; brand from 'Project'. Best guess.",
))
_add(FormatSpec(
    "apify_instagram", "posts", APIFY_IG_COLUMNS,
    {
        "post_id": ("id",), "type": ("type",), "short_code": ("shortCode",), "caption": ("caption",),
        "permalink": ("url",), "comments": ("commentsCount",), "likes": ("likesCount",),
        "views": ("videoViewCount",), "plays": ("videoPlayCount",), "created_at": ("timestamp",),
        "account": ("ownerUsername",), "product_type": ("productType",),
    },
    ("post_id", "short_code", "created_at", "account", "likes"), "instagram",
    "Apify Instagram Post/Profile Scraper dataset, CSV export (nested fields flattened as 'hashtags/0').",
))
_add(FormatSpec(
    "content_plan", "content_plan", CONTENT_PLAN_COLUMNS_ID, _PLAN_FIELDS,
    ("date", "platform", "theme", "caption"), None,
    "Content plan (CSV/XLSX) with canonical, English or Bahasa Indonesia headers.",
))
_add(FormatSpec(
    "twarc_jsonl", "mentions", (), {}, (), "x",
    "X API v2 responses as written by twarc2 (one JSON response page, or one flattened tweet, a line).",
    container="jsonl",
))

# the account-level daily series, audience and video layouts register themselves on import
from . import formats_daily  # noqa: E402,F401  (formats_daily imports layouts only: no cycle)
