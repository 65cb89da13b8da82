"""Writers of tool exports (twarc JSONL, comment export, listening export, Apify, content plan).

Re-exported by :mod:`smanalysis.io.writers`; see there.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..schema import DEFAULT_TIMEZONE, validate
from .vocab import CONTENT_TYPE_ID, FORMAT_ID, SOURCE_DOMAINS, STATUS_ID, stable_id
from .._checks import check_choice as _check_choice
from ..spreadsheet import write_table
from .writers_base import column_or_nan, int_text, local_text, as_text, write_csv

__all__ = ["write_twarc_jsonl", "write_comments_export", "write_listening_export", "write_competitor_posts",
           "write_content_plan"]


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
    ids = as_text(t["tweet_id"])
    author = as_text(t["author"]).str.lstrip("@")
    by_id = dict(zip(ids, author))
    text = as_text(t["text"])
    created = local_text(t["created_at"], "UTC", "%Y-%m-%dT%H:%M:%S.000Z")
    foll = pd.to_numeric(column_or_nan(t, "author_followers"), errors="coerce")
    followers = {}
    for a, f in zip(author, foll):
        if f == f:
            followers[a] = int(f)

    def _opt(name):
        s = column_or_nan(t, name)
        return [None if (v is None or v != v or str(v) == "") else str(v) for v in s]

    reply_user, reply_tw = _opt("reply_to_user"), _opt("reply_to_tweet")
    quoted, retweeted = _opt("quoted_tweet"), _opt("retweeted_tweet")
    quoted_user, rt_user = _opt("quoted_user"), _opt("retweeted_user")
    metrics = {k: pd.to_numeric(column_or_nan(t, k), errors="coerce").fillna(0).astype(int).tolist()
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
    id_to_user: dict[str, str] = {}
    mapped: set = set()
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
                    if len(id_to_user) < len(users_seen):
                        id_to_user.update({stable_id(u, digits=18): u for u in users_seen if u not in mapped})
                        mapped.update(users_seen)
                    names.add(id_to_user.get(obj["in_reply_to_user_id"]))
            users = [{"id": stable_id(u, digits=18), "username": u, "name": u,
                      "public_metrics": {"followers_count": followers.get(u, 0)}} for u in sorted(n for n in names if n)]
            page = {"data": [o for o, _ in chunk], "includes": {"users": users, "tweets": ref_tweets},
                    "meta": {"result_count": len(chunk)},
                    "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all", "version": "2.14.0",
                                "retrieved_at": "2026-11-01T00:00:00+00:00"}}
            fh.write(json.dumps(page, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- tools
def write_comments_export(comments: pd.DataFrame, path, *, timezone: str = DEFAULT_TIMEZONE) -> None:
    """Write a comment-export tool CSV (one row a comment or reply).

    Header (modelled on common comment-export tools; best guess)::

        Platform,Post URL,Post ID,Comment ID,Parent ID,Username,Name,Date,Likes,Comment,Is Reply,Is Page Owner

    plus ``Post Owner`` (the own account). ``Date`` is ISO 8601 with the
    ``timezone`` offset (``2026-10-01 19:05:00+07:00``); ``Is Reply`` and ``Is Page
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
    parent = as_text(column_or_nan(comments, "parent_id", ""))
    out = pd.DataFrame({
        "Platform": as_text(comments["platform"]).str.capitalize().replace({"X": "X"}),
        "Post URL": "", "Post ID": as_text(comments["post_id"]), "Comment ID": as_text(comments["comment_id"]),
        "Parent ID": parent, "Username": as_text(comments["author"]), "Name": as_text(comments["author"]),
        "Date": local_text(comments["created_at"], timezone, "%Y-%m-%d %H:%M:%S%z").str.replace(
            r"([+-]\d\d)(\d\d)$", r"\1:\2", regex=True),
        "Likes": int_text(column_or_nan(comments, "likes")), "Comment": as_text(comments["text"]),
        "Is Reply": np.where(parent != "", "Yes", "No"),
        "Is Page Owner": np.where(comments["is_brand_reply"].fillna(False).astype(bool), "Yes", "No"),
        "Post Owner": as_text(column_or_nan(comments, "account", "")),
    })
    write_csv(out, path, quoting=csv.QUOTE_MINIMAL)


def write_listening_export(mentions: pd.DataFrame, path, *, timezone: str = DEFAULT_TIMEZONE) -> None:
    """Write a listening-tool mentions CSV (layout modelled on Brand24's export; best guess).

    Header::

        ID,Project,Date,Hour,Title,Content,Source,Domain,Url,Author,Followers,Influence Score,
        Sentiment,Likes,Comments,Shares,Reach,Engagement,Category

    ``Project`` is the ``brand`` (one listening project a brand), ``Date``
    (``YYYY-MM-DD``) and ``Hour`` (``HH:MM:SS``) are local time in ``timezone``,
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
    dom = as_text(mentions["platform"]).map(SOURCE_DOMAINS).fillna("")
    n = {k: pd.to_numeric(column_or_nan(mentions, k), errors="coerce") for k in ("likes", "comments", "shares")}
    eng = pd.concat(n.values(), axis=1).sum(axis=1, min_count=1)
    out = pd.DataFrame({
        "ID": as_text(mentions["mention_id"]), "Project": as_text(mentions["brand"]),
        "Date": local_text(mentions["created_at"], timezone, "%Y-%m-%d"), "Hour": local_text(mentions["created_at"], timezone, "%H:%M:%S"),
        "Title": "", "Content": as_text(mentions["text"]), "Source": dom, "Domain": dom,
        "Url": as_text(column_or_nan(mentions, "url", "")), "Author": as_text(mentions["author"]),
        "Followers": int_text(column_or_nan(mentions, "author_followers")), "Influence Score": "",
        "Sentiment": as_text(column_or_nan(mentions, "sentiment", "")), "Likes": int_text(n["likes"]),
        "Comments": int_text(n["comments"]), "Shares": int_text(n["shares"]), "Reach": int_text(column_or_nan(mentions, "reach")),
        "Engagement": int_text(eng), "Category": "Social",
    })
    write_csv(out, path, quoting=csv.QUOTE_MINIMAL)


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
    fmt = as_text(column_or_nan(posts, "format", ""))
    typ = fmt.map({"photo": "Image", "carousel": "Sidecar", "video": "Video", "reel": "Video"}).fillna("Image")
    link = as_text(column_or_nan(posts, "permalink", ""))
    code = link.str.extract(r"/(?:p|reel|tv)/([^/?#]+)", expand=False).fillna(as_text(posts["post_id"]))
    code = code.where(code != "", as_text(posts["post_id"]))
    cap = as_text(column_or_nan(posts, "caption", ""))
    tags = cap.str.findall(r"#(\w+)")
    views = int_text(column_or_nan(posts, "views"))
    video = fmt.isin(["video", "reel"])
    out = pd.DataFrame({
        "id": as_text(posts["post_id"]), "type": typ, "shortCode": code, "caption": cap,
        "hashtags/0": as_text(tags.str.get(0)), "hashtags/1": as_text(tags.str.get(1)), "hashtags/2": as_text(tags.str.get(2)),
        "url": link.where(link != "", "https://www.instagram.com/p/" + code + "/"),
        "commentsCount": int_text(column_or_nan(posts, "comments")), "likesCount": int_text(column_or_nan(posts, "likes")),
        "videoViewCount": views.where(video, ""), "videoPlayCount": views.where(video, ""),
        "timestamp": local_text(posts["created_at"], "UTC", "%Y-%m-%dT%H:%M:%S.000Z"),
        "ownerFullName": as_text(posts["account"]), "ownerUsername": as_text(posts["account"]),
        "ownerId": as_text(posts["account"]).map(lambda a: stable_id(a, digits=11)),
        "productType": np.where(fmt == "reel", "clips", np.where(fmt == "carousel", "carousel_container", "feed")),
        "displayUrl": "",
    })
    write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


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
        out = pd.DataFrame({c: column_or_nan(plan, c, "") for c in _columns("content_plan") if not c.startswith("source_")})
        out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
        out = out.astype(object).where(out.notna(), "")
    else:
        out = pd.DataFrame({
            "ID": as_text(column_or_nan(plan, "plan_id", "")), "Tanggal": pd.to_datetime(plan["date"]).dt.strftime("%d/%m/%Y"),
            "Jam": as_text(column_or_nan(plan, "time", "")), "Platform": as_text(plan["platform"]).str.capitalize(),
            "Akun": as_text(column_or_nan(plan, "account", "")), "Tema": as_text(plan["theme"]),
            "Jenis Konten": as_text(plan["content_type"]).map(lambda v: CONTENT_TYPE_ID.get(v, v)),
            "Format": as_text(column_or_nan(plan, "format", "")).map(lambda v: FORMAT_ID.get(v, v)),
            "Caption": as_text(plan["caption"]), "Aset": as_text(column_or_nan(plan, "asset", "")),
            "Tagar": as_text(column_or_nan(plan, "hashtags", "")), "Sumber": as_text(column_or_nan(plan, "source", "")),
            "Status": as_text(column_or_nan(plan, "status", "")).map(lambda v: STATUS_ID.get(v, v)),
        })
        out["Platform"] = out["Platform"].replace({"X": "X", "Tiktok": "TikTok", "Youtube": "YouTube"})
    # a plan is opened by people in a spreadsheet: formulas neutralised (smanalysis.spreadsheet)
    write_table(out, path, excel=excel, sheet="Rencana Konten" if lang == "id" else "Content plan",
                quoting=csv.QUOTE_MINIMAL)
