"""Writers of the REAL export formats, for the sample generator and for tests.

Each writer takes a canonical-table frame (columns of :mod:`smanalysis.schema`)
and a path, and writes the file the way the platform or tool exports it
(header, encoding, date format, quoting), so that :func:`smanalysis.io.read`
gives the same rows back. What a real export cannot carry is lost on purpose
and said in each docstring (for example Meta's "Publish time" has minutes, not
seconds; TikTok's "Post time" has no year and no time of day).

Timestamps are written in the account's local time ``timezone`` (default
``Asia/Jakarta``) where the real export does so; the reader takes the same
``timezone`` option. Meta writes "Publish time" in Pacific time for every page,
and so does :func:`write_meta_posts`.

Examples
--------
>>> import pandas as pd, tempfile, os
>>> from smanalysis.io import read
>>> posts = pd.DataFrame({"post_id": ["1790001"], "platform": ["instagram"], "account": ["kopisenja.id"],
...     "created_at": pd.to_datetime(["2026-10-31 12:05"], utc=True), "format": ["reel"],
...     "caption": ["Kopi susu gula aren 🍂"], "permalink": ["https://www.instagram.com/reel/A1/"],
...     "views": [1500.0], "reach": [1200.0], "likes": [80.0], "comments": [6.0], "shares": [3.0], "saves": [9.0]})
>>> path = os.path.join(tempfile.mkdtemp(), "ig.csv")
>>> write_meta_posts(posts, path, platform="instagram")
>>> r = read(path)
>>> r.format, bool(r.data.loc[0, "created_at"] == posts.loc[0, "created_at"]), r.data.loc[0, "format"]
('meta_posts_instagram', True, 'reel')
"""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd

from ..schema import DEFAULT_TIMEZONE, validate
from . import formats as F
from .vocab import FB_POST_TYPE_OUT, IG_POST_TYPE_OUT, stable_id
from .._checks import check_choice as _check_choice
from .writers_base import column_or_nan, compact_count, int_text, local_text, single_value, as_text, write_csv, write_xlsx
from .writers_tools import (  # re-exported: the contract names them in smanalysis.io.writers
    write_comments_export, write_competitor_posts, write_content_plan, write_listening_export, write_twarc_jsonl,
)

__all__ = [
    "write_meta_posts", "write_meta_daily", "write_x_activity", "write_tiktok_content",
    "write_tiktok_followers", "write_youtube_table", "write_twarc_jsonl", "write_comments_export",
    "write_listening_export", "write_competitor_posts", "write_content_plan",
]

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]


# --------------------------------------------------------------------------- Meta
def write_meta_posts(posts: pd.DataFrame, path, *, platform: str, variant: str = "views", lang: str = "en",
                     timezone: str = F.META_EXPORT_TIMEZONE, caption_in: str = "description", drop=()) -> None:
    """Write a Meta Business Suite post-level export (Facebook page or Instagram account).

    Layout: UTF-8 with BOM, every field quoted, one row a post, ``Date`` =
    ``"Lifetime"`` (lifetime totals). Facebook header (31 columns, "views"
    variant)::

        "Post ID","Page ID","Page name","Title","Description","Duration (sec)","Publish time",
        "Caption type","Permalink","Is crosspost","Is share","Post type","Languages","Custom labels",
        "Funded content status","Data comment","Date","Views","Reach","Reactions, Comments and Shares",
        "Reactions","Comments","Shares","Total clicks","Link clicks","Other Clicks",
        "Matched Audience Targeting Consumption (Photo Click)","Negative feedback from users: Hide all",
        "Negative feedback from users: Hide post","Seconds viewed","Average Seconds viewed"

    Instagram header (21 columns)::

        "Post ID","Account ID","Account username","Account name","Description","Duration (sec)",
        "Publish time","Permalink","Post type","Data comment","Date","Views","Reach","Likes","Shares",
        "Follows","Comments","Saves","Profile visits","Replies","Navigation"

    ``variant="impressions"`` writes ``Impressions`` (the ``impressions``
    column) instead of ``Views`` (exports before Meta's 2025 switch).
    ``lang="id"`` writes the Bahasa Indonesia header (best guess of Meta's
    id_ID labels, see :data:`smanalysis.io.formats.META_ID_HEADERS`) and day-first
    dates. "Publish time" is ``MM/DD/YYYY HH:MM`` (``DD/MM/YYYY HH:MM`` for
    ``lang="id"``) in Pacific time, as Meta writes it for every page
    (:data:`~smanalysis.io.formats.META_EXPORT_TIMEZONE`): seconds are lost.
    Facebook: ``account`` goes to "Page name", ``likes`` to "Reactions";
    Instagram: ``account`` to "Account username", ``format`` to "Post type"
    (IG image, IG carousel, IG reel, IG story).

    Parameters
    ----------
    posts : DataFrame
        Canonical posts of ONE account and platform.
    path : str or Path
        File to write.
    platform : {"facebook", "instagram"}
    variant : {"views", "impressions"}
    lang : {"en", "id"}
    timezone : str
        Zone of "Publish time" (Meta's Pacific time; another zone imitates a file re-timed by hand).
    caption_in : {"description", "title"}
        Facebook only: which column carries the caption (Meta uses both).
    drop : sequence of str
        English header names to leave out (to imitate month-to-month drift).

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> p = pd.DataFrame({"post_id": ["10_1"], "platform": ["facebook"], "account": ["kopisenja"],
    ...                   "created_at": pd.to_datetime(["2026-10-01 05:00"], utc=True)})
    >>> f = os.path.join(tempfile.mkdtemp(), "fb.csv")
    >>> write_meta_posts(p, f, platform="facebook")
    >>> open(f, encoding="utf-8-sig").readline()[:31]
    '"Post ID","Page ID","Page name"'
    """
    validate(posts, "posts", func="write_meta_posts")
    _check_choice("platform", platform, ["facebook", "instagram"])
    _check_choice("variant", variant, ["views", "impressions"])
    _check_choice("lang", lang, ["en", "id"])
    _check_choice("caption_in", caption_in, ["description", "title"])
    account = single_value(posts, "account", "write_meta_posts")
    n = len(posts)
    fmt = column_or_nan(posts, "format", "").astype(object).where(column_or_nan(posts, "format", "").notna(), "other")
    caption = as_text(column_or_nan(posts, "caption", ""))
    when = local_text(posts["created_at"], timezone, "%d/%m/%Y %H:%M" if lang == "id" else "%m/%d/%Y %H:%M")
    seen = int_text(column_or_nan(posts, "views" if variant == "views" else "impressions"))
    blank = [""] * n
    c = {"Post ID": as_text(posts["post_id"]), "Description": caption, "Duration (sec)": blank,
         "Publish time": when, "Permalink": as_text(column_or_nan(posts, "permalink", "")), "Data comment": blank,
         "Date": ["Seumur hidup" if lang == "id" else "Lifetime"] * n, "Reach": int_text(column_or_nan(posts, "reach")),
         "Comments": int_text(column_or_nan(posts, "comments")), "Shares": int_text(column_or_nan(posts, "shares"))}
    if platform == "facebook":
        tot = pd.concat([pd.to_numeric(column_or_nan(posts, k), errors="coerce") for k in ("likes", "comments", "shares")],
                        axis=1).sum(axis=1, min_count=1)
        c.update({
            "Page ID": [stable_id(account)] * n, "Page name": [account] * n,
            "Title": caption if caption_in == "title" else blank,
            "Description": caption if caption_in == "description" else blank,
            "Caption type": blank, "Is crosspost": ["No"] * n, "Is share": ["No"] * n,
            "Post type": fmt.map(FB_POST_TYPE_OUT).fillna("Text"), "Languages": blank, "Custom labels": blank,
            "Funded content status": _funded(posts), "Reactions, Comments and Shares": int_text(tot),
            "Reactions": int_text(column_or_nan(posts, "likes")), "Total clicks": int_text(column_or_nan(posts, "clicks")),
            "Link clicks": blank, "Other Clicks": blank,
            "Matched Audience Targeting Consumption (Photo Click)": blank,
            "Negative feedback from users: Hide all": ["0"] * n,
            "Negative feedback from users: Hide post": ["0"] * n, "Seconds viewed": blank,
            "Average Seconds viewed": blank,
        })
        header = list(F.META_FB_COLUMNS)
    else:
        c.update({
            "Account ID": [stable_id(account, digits=17)] * n, "Account username": [account] * n,
            "Account name": [account] * n, "Post type": fmt.map(IG_POST_TYPE_OUT).fillna("IG image"),
            "Likes": int_text(column_or_nan(posts, "likes")), "Follows": blank, "Saves": int_text(column_or_nan(posts, "saves")),
            "Profile visits": blank, "Replies": blank, "Navigation": blank,
        })
        header = list(F.META_IG_COLUMNS)
    c["Views"] = seen
    if variant == "impressions":
        header[header.index("Views")] = "Impressions"
        c["Impressions"] = seen
    header = [h for h in header if h not in set(drop)]
    out = pd.DataFrame({h: list(c[h]) for h in header})
    if lang == "id":
        out.columns = [F.META_ID_HEADERS.get(h, h) for h in header]
    write_csv(out, path)


def write_meta_daily(followers: pd.DataFrame, path, *, metric: str | None = "Facebook followers") -> None:
    """Write a Meta Business Suite page-level daily series (followers or daily follows).

    Layout, as Meta exports it: UTF-16 LE with BOM, a first line ``sep=,``, a
    line with the metric's name in quotes, then ``"Date","Primary"`` and one
    row a day (``"2026-10-01T00:00:00","1234"``).

    ``metric`` names the series; a metric containing "follows" (e.g.
    ``"Instagram follows"``) writes ``new_followers``, any other
    (``"Facebook followers"``, ``"Instagram followers"``) writes ``followers``.
    ``metric=None`` derives ``"<Platform> followers"`` from the frame. The file
    carries no account: pass ``account=`` (or a profile) when reading.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> f = pd.DataFrame({"date": pd.to_datetime(["2026-10-01"]), "platform": ["facebook"],
    ...                   "account": ["kopisenja"], "followers": [1200.0]})
    >>> path = os.path.join(tempfile.mkdtemp(), "fb_followers.csv")
    >>> write_meta_daily(f, path)
    >>> open(path, encoding="utf-16").read().splitlines()[:3]
    ['sep=,', '"Facebook followers"', '"Date","Primary"']
    """
    validate(followers, "followers", func="write_meta_daily")
    single_value(followers, "account", "write_meta_daily")
    platform = single_value(followers, "platform", "write_meta_daily") or "facebook"
    if metric is None:
        metric = f"{platform.capitalize()} followers"
    col = "new_followers" if ("follows" in metric.lower() and "followers" not in metric.lower()) else "followers"
    f = followers.sort_values("date")
    out = pd.DataFrame({
        "Date": pd.to_datetime(f["date"]).dt.strftime("%Y-%m-%dT00:00:00").to_numpy(),
        "Primary": int_text(column_or_nan(f, col)).to_numpy(),
    })
    write_csv(out, path, encoding="utf-16", prefix=f'sep=,\n"{metric}"\n')


def _funded(posts: pd.DataFrame) -> list:
    """Meta's "Funded content status": "Boosted" where ``paid`` is True, blank otherwise."""
    paid = posts["paid"] if "paid" in posts.columns else pd.Series(False, index=posts.index)
    return ["Boosted" if v is True or v is np.True_ else "" for v in paid.astype(object)]


# --------------------------------------------------------------------------- X
def write_x_activity(posts: pd.DataFrame, path, *, columns: int = 22) -> None:
    """Write an X (Twitter) analytics "tweet activity" CSV.

    22 columns: ``Tweet id, Tweet permalink, Tweet text, time, impressions,
    engagements, engagement rate, retweets, replies, likes, user profile clicks,
    url clicks, hashtag clicks, detail expands, permalink clicks, app opens, app
    installs, follows, email tweet, dial phone, media views, media engagements``;
    ``columns=40`` adds the 18 ``promoted ...`` columns (written as ``-``).
    ``time`` is UTC like ``2026-08-15 13:12:39 +0000``; ``engagement rate`` is
    a fraction. Permalinks are ``https://twitter.com/<account>/status/<id>``
    (the reader takes the account from there). ``shares`` -> retweets,
    ``comments`` -> replies, ``clicks`` -> url clicks, ``views`` -> media views;
    ``engagements`` is ``engagements_reported`` or, when missing, the sum of
    likes, retweets, replies and clicks. Missing counts are written as 0, as X does.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> p = pd.DataFrame({"post_id": ["1857"], "platform": ["x"], "account": ["kopisenja_id"],
    ...                   "created_at": pd.to_datetime(["2026-08-15 13:12:39"], utc=True),
    ...                   "impressions": [200.0], "likes": [4.0], "shares": [1.0]})
    >>> f = os.path.join(tempfile.mkdtemp(), "tweet_activity.csv")
    >>> write_x_activity(p, f)
    >>> open(f).read().splitlines()[1].split(",")[3:7]
    ['2026-08-15 13:12:39 +0000', '200', '5', '0.025']
    """
    validate(posts, "posts", func="write_x_activity")
    _check_choice("columns", columns, [22, 40])
    num = {k: pd.to_numeric(column_or_nan(posts, k), errors="coerce") for k in
           ("impressions", "likes", "shares", "comments", "clicks", "views", "engagements_reported")}
    eng = num["engagements_reported"].fillna(
        pd.concat([num[k] for k in ("likes", "shares", "comments", "clicks")], axis=1).sum(axis=1))
    imp = num["impressions"]
    rate = (eng / imp.where(imp > 0)).round(6)
    acc = as_text(posts["account"])
    zero = ["0"] * len(posts)
    c = {
        "Tweet id": as_text(posts["post_id"]),
        "Tweet permalink": "https://twitter.com/" + acc + "/status/" + as_text(posts["post_id"]),
        "Tweet text": as_text(column_or_nan(posts, "caption", "")),
        "time": local_text(posts["created_at"], "UTC", "%Y-%m-%d %H:%M:%S +0000"),
        "impressions": int_text(imp, blank="0"), "engagements": int_text(eng, blank="0"),
        "engagement rate": rate.map(lambda x: f"{x:g}").where(rate.notna(), "0"),
        "retweets": int_text(num["shares"], blank="0"), "replies": int_text(num["comments"], blank="0"),
        "likes": int_text(num["likes"], blank="0"), "url clicks": int_text(num["clicks"], blank="0"),
        "media views": int_text(num["views"], blank="0"),
    }
    cols = F.X_ACTIVITY_COLUMNS_22 if columns == 22 else F.X_ACTIVITY_COLUMNS_40
    out = pd.DataFrame({h: list(c[h]) if h in c else (["-"] * len(posts) if h.startswith("promoted") else zero)
                        for h in cols})
    write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


# --------------------------------------------------------------------------- TikTok
def _yearless(dates: pd.Series) -> pd.Series:
    d = pd.to_datetime(dates, errors="coerce")
    names = d.dt.month.map(lambda m: _MONTHS_EN[int(m) - 1] if m == m else "")
    return (names + " " + d.dt.day.astype("Int64").astype(str)).where(d.notna(), "")


def write_tiktok_content(posts: pd.DataFrame, path, *, excel: bool = False, timezone: str = DEFAULT_TIMEZONE,
                         export_date=None, compact: bool = False) -> None:
    """Write a TikTok Studio "Content" analytics download (CSV, or XLSX with ``excel=True``).

    Header: ``Time, Video title, Video link, Post time, Total likes, Total
    comments, Total shares, Total views`` (best guess of TikTok Studio's
    labels). ``Time`` holds the export day (``export_date``, default the last
    post's local day) as ``YYYY-MM-DD``; ``Post time`` is the yearless local day
    like ``August 31`` (time of day and year are lost: the reader resolves the
    year so that no date lies after the export day). ``Video link`` is
    ``https://www.tiktok.com/@<account>/video/<post_id>``. Rows newest first.
    ``compact=True`` writes counts of 10,000 and more as ``12.3K`` / ``1.5M``
    and missing counts as ``undefined`` (as the web UI does; lossy).

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> p = pd.DataFrame({"post_id": ["7301"], "platform": ["tiktok"], "account": ["kopisenja.id"],
    ...                   "created_at": pd.to_datetime(["2026-08-31 10:00"], utc=True), "likes": [12500.0]})
    >>> f = os.path.join(tempfile.mkdtemp(), "Content.csv")
    >>> write_tiktok_content(p, f, compact=True)
    >>> open(f).read().splitlines()[1]
    '2026-08-31,,https://www.tiktok.com/@kopisenja.id/video/7301,August 31,12.5K,undefined,undefined,undefined'
    """
    validate(posts, "posts", func="write_tiktok_content")
    p = posts.sort_values("created_at", ascending=False)
    local = pd.to_datetime(p["created_at"], utc=True).dt.tz_convert(timezone).dt.tz_localize(None).dt.normalize()
    exp = pd.Timestamp(export_date) if export_date is not None else local.max()
    num = compact_count if compact else (lambda s: int_text(s))
    out = pd.DataFrame({
        "Time": [exp.strftime("%Y-%m-%d") if exp is not pd.NaT else ""] * len(p),
        "Video title": as_text(column_or_nan(p, "caption", "")).to_numpy(),
        "Video link": ("https://www.tiktok.com/@" + as_text(p["account"]) + "/video/" + as_text(p["post_id"])).to_numpy(),
        "Post time": _yearless(local).to_numpy(),
        "Total likes": num(column_or_nan(p, "likes")).to_numpy(), "Total comments": num(column_or_nan(p, "comments")).to_numpy(),
        "Total shares": num(column_or_nan(p, "shares")).to_numpy(), "Total views": num(column_or_nan(p, "views")).to_numpy(),
    })
    if excel:
        write_xlsx(out, path)
    else:
        write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


def write_tiktok_followers(followers: pd.DataFrame, path, *, excel: bool = False) -> None:
    """Write a TikTok Studio follower-history download (CSV, or XLSX with ``excel=True``).

    Header: ``Date, Followers, Difference in followers from previous day`` (best
    guess); ``Date`` is yearless (``August 31``), rows oldest first. The reader
    gives each date the latest year not after the export day, taken from a date
    in the FILE NAME (name it e.g. ``FollowerHistory_2026-10-31.csv``) or the
    ``export_date=`` read option; failing both, from the row order and the
    file's modification day. The series must span less than a year. ``new_followers`` goes to the difference column
    (or, when missing, the day-to-day difference of ``followers``).

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> f = pd.DataFrame({"date": pd.to_datetime(["2026-08-30", "2026-08-31"]), "platform": "tiktok",
    ...                   "account": "kopisenja.id", "followers": [100.0, 104.0]})
    >>> path = os.path.join(tempfile.mkdtemp(), "FollowerHistory.csv")
    >>> write_tiktok_followers(f, path)
    >>> open(path).read().splitlines()[2]
    'August 31,104,4'
    """
    validate(followers, "followers", func="write_tiktok_followers")
    single_value(followers, "account", "write_tiktok_followers")
    f = followers.sort_values("date")
    fol = pd.to_numeric(f["followers"], errors="coerce")
    new = pd.to_numeric(column_or_nan(f, "new_followers"), errors="coerce")
    if new.isna().all():
        new = fol.diff()
    out = pd.DataFrame({"Date": _yearless(f["date"]).to_numpy(), "Followers": int_text(fol).to_numpy(),
                        "Difference in followers from previous day": int_text(new).to_numpy()})
    if excel:
        write_xlsx(out, path)
    else:
        write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


# --------------------------------------------------------------------------- YouTube
def write_youtube_table(posts: pd.DataFrame, path, *, timezone: str = DEFAULT_TIMEZONE) -> None:
    """Write a YouTube Studio advanced-mode export, ``Table data.csv``.

    Header: ``Content, Video title, Video publish time, Duration, Views, Watch
    time (hours), Subscribers, Impressions, Impressions click-through rate (%)``;
    first data row ``Total`` (sums; the reader drops it). ``Content`` is the video
    id, ``Video publish time`` the local day like ``Oct 31, 2026`` (time of day
    lost). The file names no channel: pass ``account=`` (or a profile) when reading.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> p = pd.DataFrame({"post_id": ["dQw4"], "platform": ["youtube"], "account": ["kopisenja"],
    ...                   "created_at": pd.to_datetime(["2026-10-30 20:00"], utc=True), "views": [50.0]})
    >>> f = os.path.join(tempfile.mkdtemp(), "Table data.csv")
    >>> write_youtube_table(p, f)
    >>> open(f).read().splitlines()[1:3]
    ['Total,,,,50,,,,', 'dQw4,,"Oct 31, 2026",,50,,,,']
    """
    validate(posts, "posts", func="write_youtube_table")
    views = pd.to_numeric(column_or_nan(posts, "views"), errors="coerce")
    imp = pd.to_numeric(column_or_nan(posts, "impressions"), errors="coerce")
    out = pd.DataFrame({
        "Content": as_text(posts["post_id"]).to_numpy(), "Video title": as_text(column_or_nan(posts, "caption", "")).to_numpy(),
        "Video publish time": local_text(posts["created_at"], timezone, "%b %d, %Y").to_numpy(), "Duration": "",
        "Views": int_text(views).to_numpy(), "Watch time (hours)": "", "Subscribers": "",
        "Impressions": int_text(imp).to_numpy(), "Impressions click-through rate (%)": "",
    })
    total = {c: "" for c in out.columns}
    total.update({"Content": "Total", "Views": int_text(pd.Series([views.sum(min_count=1)]))[0],
                  "Impressions": int_text(pd.Series([imp.sum(min_count=1)]))[0]})
    out = pd.concat([pd.DataFrame([total]), out], ignore_index=True)
    write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


