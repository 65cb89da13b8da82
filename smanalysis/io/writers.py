"""Writers of the REAL export formats, for the sample generator and for tests.

Each writer takes a canonical-table frame (columns of :mod:`smanalysis.schema`)
and a path, and writes the file the way the platform or tool exports it
(header, encoding, date format, quoting), so that :func:`smanalysis.io.read`
gives the same rows back. What a real export cannot carry is lost on purpose
and said in each docstring (for example Meta's "Publish time" has minutes, not
seconds; TikTok's "Post time" has no year and no time of day).

Timestamps are written in the account's local time ``tz`` (default
``Asia/Jakarta``) where the real export does so; the reader takes the same
``tz`` option.

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
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..schema import DEFAULT_TIMEZONE, validate
from . import formats as F
from .vocab import (
    CONTENT_TYPE_ID, FB_POST_TYPE_OUT, FORMAT_ID, IG_POST_TYPE_OUT, SOURCE_DOMAINS, STATUS_ID, stable_id,
)

__all__ = [
    "write_meta_posts", "write_meta_daily", "write_x_activity", "write_tiktok_content",
    "write_tiktok_followers", "write_youtube_table", "write_twarc_jsonl", "write_comments_export",
    "write_listening_export", "write_competitor_posts", "write_content_plan",
]

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]


# --------------------------------------------------------------------------- helpers
def _col(df, name, default=np.nan):
    if name in df.columns:
        return df[name]
    return pd.Series([default] * len(df), index=df.index, dtype=object if isinstance(default, str) else None)


def _text(s) -> pd.Series:
    s = pd.Series(s)
    return s.astype(object).where(s.notna(), "").astype(str)


def _int(s, *, blank="") -> pd.Series:
    """Counts as integer strings; NaN -> ``blank``."""
    v = pd.to_numeric(pd.Series(s), errors="coerce")
    out = v.round().astype("Int64").astype(str)
    return out.where(v.notna(), blank).astype(object)


def _local(ts, tz, fmt) -> pd.Series:
    t = pd.to_datetime(pd.Series(ts), utc=True, errors="coerce").dt.tz_convert(tz)
    return t.dt.strftime(fmt).astype(object).where(t.notna(), "")


def _write_csv(frame: pd.DataFrame, path, *, encoding="utf-8-sig", quoting=csv.QUOTE_ALL, prefix=""):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = frame.to_csv(index=False, quoting=quoting, lineterminator="\n")
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(prefix + body)


def _write_xlsx(frame: pd.DataFrame, path, *, sheet="Sheet1"):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_excel(path, index=False, sheet_name=sheet)


def _one(df, col, what):
    vals = pd.Series(df[col]).dropna().unique() if col in df.columns else []
    if len(vals) > 1:
        raise ValueError(f"{what}: a real export holds one {col}, but {sorted(map(str, vals))} were passed; "
                         "write one file per value.")
    return str(vals[0]) if len(vals) else ""


def _check_choice(name, value, allowed):
    if value not in allowed:
        raise ValueError(f"The value for `{name}` must be one of {list(allowed)}, but {value!r} was passed.")


def _compact(v: pd.Series) -> pd.Series:
    """1234 -> '1234', 12345 -> '12.3K', 1500000 -> '1.5M' (TikTok style, lossy)."""
    v = pd.to_numeric(v, errors="coerce")
    out = _int(v, blank="undefined")
    k = (v >= 10_000) & (v < 1_000_000)
    m = v >= 1_000_000
    out[k] = (v[k] / 1000).round(1).map("{:g}K".format)
    out[m] = (v[m] / 1_000_000).round(1).map("{:g}M".format)
    return out


# --------------------------------------------------------------------------- Meta
def write_meta_posts(posts: pd.DataFrame, path, *, platform: str, variant: str = "views", lang: str = "en",
                     tz: str = DEFAULT_TIMEZONE, caption_in: str = "description", drop=()) -> None:
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
    ``lang="id"``) in the page's timezone ``tz``: seconds are lost.
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
    tz : str
        Page timezone used for "Publish time".
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
    account = _one(posts, "account", "write_meta_posts")
    n = len(posts)
    fmt = _col(posts, "format", "").astype(object).where(_col(posts, "format", "").notna(), "other")
    caption = _text(_col(posts, "caption", ""))
    when = _local(posts["created_at"], tz, "%d/%m/%Y %H:%M" if lang == "id" else "%m/%d/%Y %H:%M")
    seen = _int(_col(posts, "views" if variant == "views" else "impressions"))
    blank = [""] * n
    c = {"Post ID": _text(posts["post_id"]), "Description": caption, "Duration (sec)": blank,
         "Publish time": when, "Permalink": _text(_col(posts, "permalink", "")), "Data comment": blank,
         "Date": ["Seumur hidup" if lang == "id" else "Lifetime"] * n, "Reach": _int(_col(posts, "reach")),
         "Comments": _int(_col(posts, "comments")), "Shares": _int(_col(posts, "shares"))}
    if platform == "facebook":
        tot = pd.concat([pd.to_numeric(_col(posts, k), errors="coerce") for k in ("likes", "comments", "shares")],
                        axis=1).sum(axis=1, min_count=1)
        c.update({
            "Page ID": [stable_id(account)] * n, "Page name": [account] * n,
            "Title": caption if caption_in == "title" else blank,
            "Description": caption if caption_in == "description" else blank,
            "Caption type": blank, "Is crosspost": ["No"] * n, "Is share": ["No"] * n,
            "Post type": fmt.map(FB_POST_TYPE_OUT).fillna("Text"), "Languages": blank, "Custom labels": blank,
            "Funded content status": blank, "Reactions, Comments and Shares": _int(tot),
            "Reactions": _int(_col(posts, "likes")), "Total clicks": _int(_col(posts, "clicks")),
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
            "Likes": _int(_col(posts, "likes")), "Follows": blank, "Saves": _int(_col(posts, "saves")),
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
    _write_csv(out, path)


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
    _one(followers, "account", "write_meta_daily")
    platform = _one(followers, "platform", "write_meta_daily") or "facebook"
    if metric is None:
        metric = f"{platform.capitalize()} followers"
    col = "new_followers" if ("follows" in metric.lower() and "followers" not in metric.lower()) else "followers"
    f = followers.sort_values("date")
    out = pd.DataFrame({
        "Date": pd.to_datetime(f["date"]).dt.strftime("%Y-%m-%dT00:00:00").to_numpy(),
        "Primary": _int(_col(f, col)).to_numpy(),
    })
    _write_csv(out, path, encoding="utf-16", prefix=f'sep=,\n"{metric}"\n')


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
    num = {k: pd.to_numeric(_col(posts, k), errors="coerce") for k in
           ("impressions", "likes", "shares", "comments", "clicks", "views", "engagements_reported")}
    eng = num["engagements_reported"].fillna(
        pd.concat([num[k] for k in ("likes", "shares", "comments", "clicks")], axis=1).sum(axis=1))
    imp = num["impressions"]
    rate = (eng / imp.where(imp > 0)).round(6)
    acc = _text(posts["account"])
    zero = ["0"] * len(posts)
    c = {
        "Tweet id": _text(posts["post_id"]),
        "Tweet permalink": "https://twitter.com/" + acc + "/status/" + _text(posts["post_id"]),
        "Tweet text": _text(_col(posts, "caption", "")),
        "time": _local(posts["created_at"], "UTC", "%Y-%m-%d %H:%M:%S +0000"),
        "impressions": _int(imp, blank="0"), "engagements": _int(eng, blank="0"),
        "engagement rate": rate.map(lambda x: f"{x:g}").where(rate.notna(), "0"),
        "retweets": _int(num["shares"], blank="0"), "replies": _int(num["comments"], blank="0"),
        "likes": _int(num["likes"], blank="0"), "url clicks": _int(num["clicks"], blank="0"),
        "media views": _int(num["views"], blank="0"),
    }
    cols = F.X_ACTIVITY_COLUMNS_22 if columns == 22 else F.X_ACTIVITY_COLUMNS_40
    out = pd.DataFrame({h: list(c[h]) if h in c else (["-"] * len(posts) if h.startswith("promoted") else zero)
                        for h in cols})
    _write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


# --------------------------------------------------------------------------- TikTok
def _yearless(dates: pd.Series) -> pd.Series:
    d = pd.to_datetime(dates, errors="coerce")
    names = d.dt.month.map(lambda m: _MONTHS_EN[int(m) - 1] if m == m else "")
    return (names + " " + d.dt.day.astype("Int64").astype(str)).where(d.notna(), "")


def write_tiktok_content(posts: pd.DataFrame, path, *, excel: bool = False, tz: str = DEFAULT_TIMEZONE,
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
    local = pd.to_datetime(p["created_at"], utc=True).dt.tz_convert(tz).dt.tz_localize(None).dt.normalize()
    exp = pd.Timestamp(export_date) if export_date is not None else local.max()
    num = _compact if compact else (lambda s: _int(s))
    out = pd.DataFrame({
        "Time": [exp.strftime("%Y-%m-%d") if exp is not pd.NaT else ""] * len(p),
        "Video title": _text(_col(p, "caption", "")).to_numpy(),
        "Video link": ("https://www.tiktok.com/@" + _text(p["account"]) + "/video/" + _text(p["post_id"])).to_numpy(),
        "Post time": _yearless(local).to_numpy(),
        "Total likes": num(_col(p, "likes")).to_numpy(), "Total comments": num(_col(p, "comments")).to_numpy(),
        "Total shares": num(_col(p, "shares")).to_numpy(), "Total views": num(_col(p, "views")).to_numpy(),
    })
    if excel:
        _write_xlsx(out, path)
    else:
        _write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


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
    _one(followers, "account", "write_tiktok_followers")
    f = followers.sort_values("date")
    fol = pd.to_numeric(f["followers"], errors="coerce")
    new = pd.to_numeric(_col(f, "new_followers"), errors="coerce")
    if new.isna().all():
        new = fol.diff()
    out = pd.DataFrame({"Date": _yearless(f["date"]).to_numpy(), "Followers": _int(fol).to_numpy(),
                        "Difference in followers from previous day": _int(new).to_numpy()})
    if excel:
        _write_xlsx(out, path)
    else:
        _write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


# --------------------------------------------------------------------------- YouTube
def write_youtube_table(posts: pd.DataFrame, path, *, tz: str = DEFAULT_TIMEZONE) -> None:
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
    views = pd.to_numeric(_col(posts, "views"), errors="coerce")
    imp = pd.to_numeric(_col(posts, "impressions"), errors="coerce")
    out = pd.DataFrame({
        "Content": _text(posts["post_id"]).to_numpy(), "Video title": _text(_col(posts, "caption", "")).to_numpy(),
        "Video publish time": _local(posts["created_at"], tz, "%b %d, %Y").to_numpy(), "Duration": "",
        "Views": _int(views).to_numpy(), "Watch time (hours)": "", "Subscribers": "",
        "Impressions": _int(imp).to_numpy(), "Impressions click-through rate (%)": "",
    })
    total = {c: "" for c in out.columns}
    total.update({"Content": "Total", "Views": _int(pd.Series([views.sum(min_count=1)]))[0],
                  "Impressions": _int(pd.Series([imp.sum(min_count=1)]))[0]})
    out = pd.concat([pd.DataFrame([total]), out], ignore_index=True)
    _write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


# --------------------------------------------------------------------------- twarc
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,15})")


def write_twarc_jsonl(tweets: pd.DataFrame, path, *, page_size: int = 100) -> None:
    """Write X API v2 search results as twarc2 writes them (JSONL, one response page a line).

    Each line is ``{"data": [tweets], "includes": {"users": [...], "tweets":
    [...]}, "meta": {...}, "__twarc": {...}}``. A tweet has ``id, text,
    author_id, created_at (ISO, "Z"), conversation_id, lang, public_metrics
    {retweet_count, reply_count, like_count, quote_count, impression_count},
    entities.mentions [{start, end, username, id}]``, ``in_reply_to_user_id``
    and ``referenced_tweets [{type: replied_to|quoted|retweeted, id}]``.

    Parameters
    ----------
    tweets : DataFrame
        One row a tweet. Columns: ``tweet_id``, ``author`` (handle without @),
        ``author_followers``, ``created_at`` (UTC), ``text``, ``reply_to_user``
        (handle or NaN), ``reply_to_tweet`` (id or NaN), ``quoted_tweet`` (id or
        NaN), ``retweeted_tweet`` (id or NaN), ``likes``, ``retweets``,
        ``replies``, ``quotes``, ``impressions``. Optional ``quoted_user`` and
        ``retweeted_user`` name the authors of referenced tweets that are not in
        the frame (otherwise they are looked up in the frame; a retweet's
        author also comes from its ``RT @user:`` text). ``@handles`` in
        ``text`` become ``entities.mentions``.
    path : str or Path
    page_size : int
        Tweets per response line.

    Examples
    --------
    >>> import pandas as pd, tempfile, os, json
    >>> t = pd.DataFrame({"tweet_id": ["1", "2"], "author": ["kopisenja_id", "rina"],
    ...     "author_followers": [900, 120], "created_at": pd.to_datetime(["2026-10-01 01:00", "2026-10-01 02:00"], utc=True),
    ...     "text": ["Promo hari ini!", "@kopisenja_id buka jam brp kak?"], "reply_to_user": [None, "kopisenja_id"],
    ...     "reply_to_tweet": [None, "1"], "quoted_tweet": None, "retweeted_tweet": None,
    ...     "likes": [5, 0], "retweets": [1, 0], "replies": [1, 0], "quotes": [0, 0], "impressions": [300, 20]})
    >>> f = os.path.join(tempfile.mkdtemp(), "search.jsonl")
    >>> write_twarc_jsonl(t, f)
    >>> page = json.loads(open(f).readline())
    >>> page["data"][1]["referenced_tweets"], len(page["includes"]["users"])
    ([{'type': 'replied_to', 'id': '1'}], 2)
    """
    need = ["tweet_id", "author", "created_at", "text"]
    missing = [c for c in need if c not in tweets.columns]
    if missing:
        from ..exceptions import SchemaError
        raise SchemaError(f"write_twarc_jsonl: the tweets frame lacks required columns {missing}; "
                          f"columns present: {list(map(str, tweets.columns))}")
    t = tweets.reset_index(drop=True)
    ids = _text(t["tweet_id"])
    author = _text(t["author"]).str.lstrip("@")
    by_id = dict(zip(ids, author))
    text = _text(t["text"])
    created = _local(t["created_at"], "UTC", "%Y-%m-%dT%H:%M:%S.000Z")
    foll = pd.to_numeric(_col(t, "author_followers"), errors="coerce")
    followers = {}
    for a, f in zip(author, foll):
        if f == f:
            followers[a] = int(f)

    def _opt(name):
        s = _col(t, name)
        return [None if (v is None or v != v or str(v) == "") else str(v) for v in s]

    reply_user, reply_tw = _opt("reply_to_user"), _opt("reply_to_tweet")
    quoted, retweeted = _opt("quoted_tweet"), _opt("retweeted_tweet")
    quoted_user, rt_user = _opt("quoted_user"), _opt("retweeted_user")
    metrics = {k: pd.to_numeric(_col(t, k), errors="coerce").fillna(0).astype(int).tolist()
               for k in ("retweets", "replies", "likes", "quotes", "impressions")}
    objs, users_seen = [], set()
    for i in range(len(t)):
        a = author[i]
        users_seen.add(a)
        obj = {"id": ids[i], "text": text[i], "author_id": stable_id(a, digits=18), "created_at": created[i],
               "conversation_id": reply_tw[i] or ids[i], "lang": "in",
               "public_metrics": {"retweet_count": metrics["retweets"][i], "reply_count": metrics["replies"][i],
                                  "like_count": metrics["likes"][i], "quote_count": metrics["quotes"][i],
                                  "impression_count": metrics["impressions"][i]}}
        refs, ref_users = [], {}
        if reply_tw[i] or reply_user[i]:
            ru = (reply_user[i] or by_id.get(reply_tw[i] or "", "") or "").lstrip("@")
            if ru:
                obj["in_reply_to_user_id"] = stable_id(ru, digits=18)
                users_seen.add(ru)
            if reply_tw[i]:
                refs.append({"type": "replied_to", "id": reply_tw[i]})
                if ru:
                    ref_users[reply_tw[i]] = ru
        if quoted[i]:
            refs.append({"type": "quoted", "id": quoted[i]})
            qu = (quoted_user[i] or by_id.get(quoted[i], "") or "").lstrip("@")
            if qu:
                ref_users[quoted[i]] = qu
        if retweeted[i]:
            refs.append({"type": "retweeted", "id": retweeted[i]})
            m = re.match(r"RT @([A-Za-z0-9_]+):", text[i])
            ru2 = (rt_user[i] or by_id.get(retweeted[i], "") or (m.group(1) if m else "")).lstrip("@")
            if ru2:
                ref_users[retweeted[i]] = ru2
        if refs:
            obj["referenced_tweets"] = refs
        ments = [{"start": m.start(), "end": m.end(), "username": m.group(1), "id": stable_id(m.group(1), digits=18)}
                 for m in _HANDLE.finditer(text[i])]
        if ments:
            obj["entities"] = {"mentions": ments}
            users_seen.update(x["username"] for x in ments)
        users_seen.update(ref_users.values())
        objs.append((obj, ref_users))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for start in range(0, len(objs), page_size):
            chunk = objs[start:start + page_size]
            names = set()
            ref_tweets = []
            for obj, ref_users in chunk:
                names.add(by_id.get(obj["id"]))
                for m in obj.get("entities", {}).get("mentions", []):
                    names.add(m["username"])
                for rid, ru in ref_users.items():
                    names.add(ru)
                    ref_tweets.append({"id": rid, "author_id": stable_id(ru, digits=18), "text": ""})
                if "in_reply_to_user_id" in obj:
                    names.update(u for u in users_seen if stable_id(u, digits=18) == obj["in_reply_to_user_id"])
            users = [{"id": stable_id(u, digits=18), "username": u, "name": u,
                      "public_metrics": {"followers_count": followers.get(u, 0)}} for u in sorted(n for n in names if n)]
            page = {"data": [o for o, _ in chunk], "includes": {"users": users, "tweets": ref_tweets},
                    "meta": {"result_count": len(chunk)},
                    "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all", "version": "2.14.0",
                                "retrieved_at": "2026-11-01T00:00:00+00:00"}}
            fh.write(json.dumps(page, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- tools
def write_comments_export(comments: pd.DataFrame, path, *, tz: str = DEFAULT_TIMEZONE) -> None:
    """Write a comment-export tool CSV (one row a comment or reply).

    Header (modelled on common comment-export tools; best guess)::

        Platform,Post URL,Post ID,Comment ID,Parent ID,Username,Name,Date,Likes,Comment,Is Reply,Is Page Owner

    plus ``Post Owner`` (the own account). ``Date`` is ISO 8601 with the
    ``tz`` offset (``2026-10-01 19:05:00+07:00``); ``Is Reply`` and ``Is Page
    Owner`` are ``Yes``/``No`` (``is_brand_reply`` -> Is Page Owner). UTF-8 with BOM.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> c = pd.DataFrame({"comment_id": ["c1"], "post_id": ["p1"], "platform": ["instagram"], "author": ["rina"],
    ...                   "text": ["enak bgt 😍"], "created_at": pd.to_datetime(["2026-10-01 12:05"], utc=True),
    ...                   "is_brand_reply": [False]})
    >>> f = os.path.join(tempfile.mkdtemp(), "comments.csv")
    >>> write_comments_export(c, f)
    >>> open(f, encoding="utf-8-sig").read().splitlines()[1]
    'Instagram,,p1,c1,,rina,rina,2026-10-01 19:05:00+07:00,,enak bgt 😍,No,No,'
    """
    validate(comments, "comments", func="write_comments_export")
    parent = _text(_col(comments, "parent_id", ""))
    out = pd.DataFrame({
        "Platform": _text(comments["platform"]).str.capitalize().replace({"X": "X"}),
        "Post URL": "", "Post ID": _text(comments["post_id"]), "Comment ID": _text(comments["comment_id"]),
        "Parent ID": parent, "Username": _text(comments["author"]), "Name": _text(comments["author"]),
        "Date": _local(comments["created_at"], tz, "%Y-%m-%d %H:%M:%S%z").str.replace(
            r"([+-]\d\d)(\d\d)$", r"\1:\2", regex=True),
        "Likes": _int(_col(comments, "likes")), "Comment": _text(comments["text"]),
        "Is Reply": np.where(parent != "", "Yes", "No"),
        "Is Page Owner": np.where(comments["is_brand_reply"].fillna(False).astype(bool), "Yes", "No"),
        "Post Owner": _text(_col(comments, "account", "")),
    })
    _write_csv(out, path, quoting=csv.QUOTE_MINIMAL)


def write_listening_export(mentions: pd.DataFrame, path, *, tz: str = DEFAULT_TIMEZONE) -> None:
    """Write a listening-tool mentions CSV (layout modelled on Brand24's export; best guess).

    Header::

        ID,Project,Date,Hour,Title,Content,Source,Domain,Url,Author,Followers,Influence Score,
        Sentiment,Likes,Comments,Shares,Reach,Engagement,Category

    ``Project`` is the ``brand`` (one listening project a brand), ``Date``
    (``YYYY-MM-DD``) and ``Hour`` (``HH:MM:SS``) are local time in ``tz``,
    ``Source``/``Domain`` the platform's domain (``instagram.com``,
    ``twitter.com``...). UTF-8 with BOM.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> m = pd.DataFrame({"mention_id": ["m1"], "platform": ["x"], "brand": ["Kopi Senja"], "author": ["budi"],
    ...                   "text": ["ngopi di @kopisenja_id"], "created_at": pd.to_datetime(["2026-10-01 12:05"], utc=True)})
    >>> f = os.path.join(tempfile.mkdtemp(), "mentions.csv")
    >>> write_listening_export(m, f)
    >>> open(f, encoding="utf-8-sig").read().splitlines()[1][:60]
    'm1,Kopi Senja,2026-10-01,19:05:00,,ngopi di @kopisenja_id,tw'
    """
    validate(mentions, "mentions", func="write_listening_export")
    dom = _text(mentions["platform"]).map(SOURCE_DOMAINS).fillna("")
    n = {k: pd.to_numeric(_col(mentions, k), errors="coerce") for k in ("likes", "comments", "shares")}
    eng = pd.concat(n.values(), axis=1).sum(axis=1, min_count=1)
    out = pd.DataFrame({
        "ID": _text(mentions["mention_id"]), "Project": _text(mentions["brand"]),
        "Date": _local(mentions["created_at"], tz, "%Y-%m-%d"), "Hour": _local(mentions["created_at"], tz, "%H:%M:%S"),
        "Title": "", "Content": _text(mentions["text"]), "Source": dom, "Domain": dom,
        "Url": _text(_col(mentions, "url", "")), "Author": _text(mentions["author"]),
        "Followers": _int(_col(mentions, "author_followers")), "Influence Score": "",
        "Sentiment": _text(_col(mentions, "sentiment", "")), "Likes": _int(n["likes"]),
        "Comments": _int(n["comments"]), "Shares": _int(n["shares"]), "Reach": _int(_col(mentions, "reach")),
        "Engagement": _int(eng), "Category": "Social",
    })
    _write_csv(out, path, quoting=csv.QUOTE_MINIMAL)


def write_competitor_posts(posts: pd.DataFrame, path) -> None:
    """Write competitor posts as an Apify Instagram scraper dataset exported to CSV.

    Header (nested fields flattened as Apify does)::

        id,type,shortCode,caption,hashtags/0,hashtags/1,hashtags/2,url,commentsCount,likesCount,
        videoViewCount,videoPlayCount,timestamp,ownerFullName,ownerUsername,ownerId,productType,displayUrl

    ``type`` is ``Image``, ``Sidecar`` (carousel) or ``Video`` (``productType``
    ``clips`` for reels); ``timestamp`` is UTC ISO (``2026-10-01T12:05:00.000Z``);
    ``shortCode`` comes from the permalink (``/p/<code>/``), else the id.
    Reach, shares and saves are not public: they are not written.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> p = pd.DataFrame({"post_id": ["3301"], "platform": ["instagram"], "account": ["kopipagi.jogja"],
    ...                   "created_at": pd.to_datetime(["2026-10-01 12:05"], utc=True), "format": ["reel"],
    ...                   "caption": ["Pagi! #kopi #jogja"], "likes": [120.0]})
    >>> f = os.path.join(tempfile.mkdtemp(), "dataset_instagram.csv")
    >>> write_competitor_posts(p, f)
    >>> open(f).read().splitlines()[1][:40]
    '3301,Video,3301,Pagi! #kopi #jogja,kopi,'
    """
    validate(posts, "posts", func="write_competitor_posts")
    fmt = _text(_col(posts, "format", ""))
    typ = fmt.map({"photo": "Image", "carousel": "Sidecar", "video": "Video", "reel": "Video"}).fillna("Image")
    link = _text(_col(posts, "permalink", ""))
    code = link.str.extract(r"/(?:p|reel|tv)/([^/?#]+)", expand=False).fillna(_text(posts["post_id"]))
    code = code.where(code != "", _text(posts["post_id"]))
    cap = _text(_col(posts, "caption", ""))
    tags = cap.str.findall(r"#(\w+)")
    views = _int(_col(posts, "views"))
    video = fmt.isin(["video", "reel"])
    out = pd.DataFrame({
        "id": _text(posts["post_id"]), "type": typ, "shortCode": code, "caption": cap,
        "hashtags/0": _text(tags.str.get(0)), "hashtags/1": _text(tags.str.get(1)), "hashtags/2": _text(tags.str.get(2)),
        "url": link.where(link != "", "https://www.instagram.com/p/" + code + "/"),
        "commentsCount": _int(_col(posts, "comments")), "likesCount": _int(_col(posts, "likes")),
        "videoViewCount": views.where(video, ""), "videoPlayCount": views.where(video, ""),
        "timestamp": _local(posts["created_at"], "UTC", "%Y-%m-%dT%H:%M:%S.000Z"),
        "ownerFullName": _text(posts["account"]), "ownerUsername": _text(posts["account"]),
        "ownerId": _text(posts["account"]).map(lambda a: stable_id(a, digits=11)),
        "productType": np.where(fmt == "reel", "clips", np.where(fmt == "carousel", "carousel_container", "feed")),
        "displayUrl": "",
    })
    _write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


def write_content_plan(plan: pd.DataFrame, path, *, excel: bool = False, lang: str = "id") -> None:
    """Write a content plan as an UKM team keeps it (CSV, or XLSX with ``excel=True``).

    ``lang="id"`` (default) header::

        ID,Tanggal,Jam,Platform,Akun,Tema,Jenis Konten,Format,Caption,Aset,Tagar,Sumber,Status

    with day-first dates (``31/10/2026``), platform names capitalised and
    Indonesian labels for content type (Promo, Edukasi, Hiburan, Interaksi,
    Inspirasi, Berita, Lainnya), format (Foto, Carousel, Video, Reels, Story,
    Teks, Tautan, Live) and status (Ide, Draf, Direncanakan, Terjadwal, Tayang,
    Dilewati). ``lang="en"`` writes the canonical column names and values.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> plan = pd.DataFrame({"date": pd.to_datetime(["2026-10-05"]), "platform": ["instagram"],
    ...     "theme": ["menu baru"], "caption": ["Cobain kopi pandan!"], "content_type": ["promo"], "status": ["posted"]})
    >>> f = os.path.join(tempfile.mkdtemp(), "content_plan.csv")
    >>> write_content_plan(plan, f)
    >>> open(f, encoding="utf-8-sig").read().splitlines()[1]
    ',05/10/2026,,Instagram,,menu baru,Promo,,Cobain kopi pandan!,,,,Tayang'
    """
    validate(plan, "content_plan", func="write_content_plan")
    _check_choice("lang", lang, ["id", "en"])
    from ..schema import columns as _columns
    if lang == "en":
        out = pd.DataFrame({c: _col(plan, c, "") for c in _columns("content_plan") if not c.startswith("source_")})
        out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
        out = out.astype(object).where(out.notna(), "")
    else:
        out = pd.DataFrame({
            "ID": _text(_col(plan, "plan_id", "")), "Tanggal": pd.to_datetime(plan["date"]).dt.strftime("%d/%m/%Y"),
            "Jam": _text(_col(plan, "time", "")), "Platform": _text(plan["platform"]).str.capitalize(),
            "Akun": _text(_col(plan, "account", "")), "Tema": _text(plan["theme"]),
            "Jenis Konten": _text(plan["content_type"]).map(lambda v: CONTENT_TYPE_ID.get(v, v)),
            "Format": _text(_col(plan, "format", "")).map(lambda v: FORMAT_ID.get(v, v)),
            "Caption": _text(plan["caption"]), "Aset": _text(_col(plan, "asset", "")),
            "Tagar": _text(_col(plan, "hashtags", "")), "Sumber": _text(_col(plan, "source", "")),
            "Status": _text(_col(plan, "status", "")).map(lambda v: STATUS_ID.get(v, v)),
        })
        out["Platform"] = out["Platform"].replace({"X": "X", "Tiktok": "TikTok", "Youtube": "YouTube"})
    if excel:
        _write_xlsx(out, path, sheet="Rencana Konten" if lang == "id" else "Content plan")
    else:
        _write_csv(out, path, quoting=csv.QUOTE_MINIMAL)
