"""X API v2 / twarc2 JSONL: tweets -> posts or mentions, plus the interactions between accounts.

A line is either one API response page (``{"data": [...], "includes": {...}}``,
as ``twarc2 search`` writes) or one tweet (``twarc2 flatten`` output, with the
author expanded under ``"author"``). A line that is not valid JSON, or a tweet
without id, author or time, becomes a reject; data rows are the tweets.

Tweets by own accounts (``own_accounts=`` or the profile) become ``posts``;
all other tweets become ``mentions``, their ``brand`` being the brand whose
handle they reply to, quote, retweet or @mention (``brands={handle: name}`` or
the profile). Interactions: ``reply`` (author -> replied-to user), ``quote``
(author -> quoted author), ``share`` (retweeter -> retweeted author),
``mention`` (author -> each @mentioned user other than the reply/retweet target).

Examples
--------
>>> import json, tempfile, os
>>> line = {"data": [{"id": "2", "text": "@kopisenja_id buka?", "author_id": "9", "created_at": "2026-10-01T02:00:00.000Z",
...          "in_reply_to_user_id": "8", "referenced_tweets": [{"type": "replied_to", "id": "1"}]}],
...         "includes": {"users": [{"id": "9", "username": "rina"}, {"id": "8", "username": "kopisenja_id"}]}}
>>> f = os.path.join(tempfile.mkdtemp(), "t.jsonl")
>>> _ = open(f, "w").write(json.dumps(line) + "\\n")
>>> res = read_twarc(f, brands={"kopisenja_id": "Kopi Senja"})
>>> res["mentions"]["brand"].tolist(), res["interactions"][["source", "target", "kind"]].values.tolist()
(['Kopi Senja'], [['rina', 'kopisenja_id', 'reply']])
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ..exceptions import EmptyDataError
from ..schema import conform
from .core import hashtags_of
from .parsing import bounded, clean_text

__all__ = ["read_twarc"]

_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,15})")


def _tweets_of(obj):
    """(tweets, users by id, referenced tweets by id) of one JSON line; tweets is None for a non-tweet line.

    Three forms: a response page (``twarc2 search``: ``data`` is a list, expansions under
    ``includes``), a stream response (``twarc2 stream``, ``twarc2 search`` without pages:
    ``data`` is ONE tweet), and a flattened tweet (``twarc2 flatten``: the tweet itself, with
    ``author``, ``in_reply_to_user`` and every referenced tweet (with its ``author``) expanded).
    """
    if not isinstance(obj, dict):
        return None, {}, {}
    data = obj.get("data")
    if isinstance(data, (list, dict)) and "id" not in obj:
        inc = obj.get("includes") or {}
        users = {str(u.get("id")): u for u in inc.get("users") or [] if isinstance(u, dict)}
        refs = {str(t.get("id")): t for t in inc.get("tweets") or [] if isinstance(t, dict)}
        tweets = data if isinstance(data, list) else [data]
        for t in tweets:  # a flattened page (twarc2 flatten of a page) also carries expansions in the tweets
            if isinstance(t, dict):
                _collect_flat(t, users, refs)
        return tweets, users, refs
    if "id" in obj and ("text" in obj or "author_id" in obj or "author" in obj):
        users, refs = {}, {}
        _collect_flat(obj, users, refs)
        return [obj], users, refs
    return None, {}, {}


def _collect_flat(t: dict, users: dict, refs: dict) -> None:
    """Users and referenced tweets expanded inside a flattened tweet (``author``, ``in_reply_to_user``,
    ``referenced_tweets[*]`` with their ``author``, ``entities.mentions``)."""
    if isinstance(t.get("author"), dict):
        users.setdefault(str(t.get("author_id") or t["author"].get("id")), t["author"])
    if isinstance(t.get("in_reply_to_user"), dict):
        u = t["in_reply_to_user"]
        users.setdefault(str(t.get("in_reply_to_user_id") or u.get("id")), u)
    for r in t.get("referenced_tweets") or []:
        if isinstance(r, dict) and r.get("id") is not None and len(r) > 2:  # expanded, not just {type, id}
            refs.setdefault(str(r["id"]), r)
            if isinstance(r.get("author"), dict):
                users.setdefault(str(r.get("author_id") or r["author"].get("id")), r["author"])


def is_own_author(df, own):
    """True where the tweet's author is an own account."""
    return df["author"].str.lower().isin(own)


def read_twarc(path, *, source=None, own_accounts=(), brands=None, profile=None):
    """Read a twarc2 JSONL file. Returns a dict with posts, mentions, interactions, rejects, warnings, rows."""
    path = Path(path)
    source = source or str(path)
    text = path.read_bytes().decode("utf-8", errors="replace")
    own = {str(h).lstrip("@").lower() for h in own_accounts or ()}
    brand_map = {str(k).lstrip("@").lower(): v for k, v in (brands or {}).items()}
    if profile is not None:
        own |= {h.lower() for h in profile.brand_handles}
        brand_map.update({h.lower(): profile.business_name for h in profile.brand_handles})
        brand_map.update({h.lower(): n for h, n in profile.competitor_handles.items()})
    rows, rejects, skipped = [], [], []
    by_id = 0
    lines = text.split("\n")
    if not any(ln.strip() for ln in lines):
        raise EmptyDataError(f"{source}: the file is empty (no JSON lines)")
    for no, ln in enumerate(lines, start=1):
        if len(ln) < 32 and (not ln.strip() or ln.strip().lower() in ("keep-alive", '"keep-alive"')):
            continue
        try:
            obj = json.loads(ln)
        except ValueError as err:
            rejects.append((no, "line", f"invalid JSON: {err}", ln[:500]))
            continue
        tweets, users, refs = _tweets_of(obj)
        if tweets is None and isinstance(obj, dict) and ("errors" in obj or "__twarc" in obj) and "data" not in obj:
            skipped.append(no)  # an API error or keep-alive response between tweets: not a tweet
            continue
        if tweets is None:
            rejects.append((no, "line", "neither an API response (page or stream) nor a tweet", ln[:500]))
            continue
        for t in tweets:
            if not isinstance(t, dict):
                rejects.append((no, "data", "tweet is not an object", str(t)[:500]))
                continue
            uid = str(t.get("author_id") or "")
            user = users.get(uid) or (t.get("author") if isinstance(t.get("author"), dict) else {}) or {}
            author = str(user.get("username") or "").lstrip("@")
            if not author and uid:  # bare tweet objects (no users expansion): the author is known by id only
                author = "id:" + uid
                by_id += 1
            tid = str(t.get("id") or "")
            created = t.get("created_at")
            missing = [k for k, v in (("id", tid), ("author", author), ("created_at", created)) if not v]
            if missing:
                rejects.append((no, missing[0], f"tweet without {missing[0]}", json.dumps(t, ensure_ascii=False)[:500]))
                continue
            refd = {r.get("type"): str(r.get("id")) for r in t.get("referenced_tweets") or [] if isinstance(r, dict)}

            def _author_of(tweet_id):
                rt = refs.get(tweet_id) or {}
                u = users.get(str(rt.get("author_id") or "")) or rt.get("author") or {}
                return str(u.get("username") or "") or None

            reply_to = None
            if t.get("in_reply_to_user_id") or isinstance(t.get("in_reply_to_user"), dict):
                u = users.get(str(t.get("in_reply_to_user_id"))) or t.get("in_reply_to_user") or {}
                reply_to = str(u.get("username") or "") or None
                if reply_to is None and t.get("in_reply_to_user_id"):  # no users: one leading @handle names it
                    lead = re.match(r"^((?:@[A-Za-z0-9_]+\s+)+)", str(t.get("text") or "") + " ")
                    handles = _HANDLE.findall(lead.group(1)) if lead else []
                    reply_to = handles[0] if len(handles) == 1 else "id:" + str(t.get("in_reply_to_user_id"))
            quoted_user = _author_of(refd["quoted"]) if "quoted" in refd else None
            rt_user = _author_of(refd["retweeted"]) if "retweeted" in refd else None
            body = str(t.get("text") or "")
            if "retweeted" in refd and rt_user is None:
                m = re.match(r"RT @([A-Za-z0-9_]+):", body)
                rt_user = m.group(1) if m else None
            ments = [str(m.get("username")) for m in ((t.get("entities") or {}).get("mentions") or [])
                     if isinstance(m, dict) and m.get("username")]
            if not ments:
                ments = _HANDLE.findall(body)
            pm = t.get("public_metrics") or {}
            upm = user.get("public_metrics") or {}
            rows.append({
                "tweet_id": tid, "author": author, "created_at": created, "text": body, "line": no,
                "reply_to": reply_to, "reply_tweet": refd.get("replied_to"), "quoted_user": quoted_user,
                "quoted_tweet": refd.get("quoted"), "rt_user": rt_user, "rt_tweet": refd.get("retweeted"),
                "mentions": ments, "likes": pm.get("like_count"), "shares": pm.get("retweet_count"),
                "comments": pm.get("reply_count"), "quotes": pm.get("quote_count"),
                "impressions": pm.get("impression_count"), "author_followers": upm.get("followers_count"),
            })
    warn = []
    if by_id:
        warn.append(f"{by_id} tweet(s) name their author by id only (bare tweet objects, no users expansion): "
                    "authors kept as 'id:<author_id>', quoted and retweeted users unknown")
    if skipped:
        warn.append(f"{len(skipped)} line(s) are API errors or keep-alive responses, not tweets (line "
                    f"{', '.join(map(str, skipped[:5]))}{', ...' if len(skipped) > 5 else ''})")
    df = pd.DataFrame(rows, columns=["tweet_id", "author", "created_at", "text", "line", "reply_to", "reply_tweet",
                                     "quoted_user", "quoted_tweet", "rt_user", "rt_tweet", "mentions", "likes",
                                     "shares", "comments", "quotes", "impressions", "author_followers"])
    df["created_at"] = bounded(pd.to_datetime(df["created_at"].astype(str), utc=True, errors="coerce",
                                              format="ISO8601")).astype("datetime64[ns, UTC]")
    bad_time = df["created_at"].isna()
    for _, r in df[bad_time].iterrows():
        rejects.append((int(r["line"]), "created_at", "unreadable created_at", str(r["tweet_id"])))
    df = df[~bad_time].reset_index(drop=True)
    df["text"] = clean_text(df["text"], unescape=True).fillna("")  # the API writes &amp; &lt; &gt;
    is_own = df["author"].str.lower().isin(own)
    # brand of each tweet: replied-to, quoted, retweeted or mentioned brand handle; else the author's own brand
    targets = df[["reply_to", "quoted_user", "rt_user"]].values.tolist()
    brand = []
    for tg, ms, au in zip(targets, df["mentions"], df["author"]):
        b = None
        for h in [x for x in tg if x] + list(ms):
            b = brand_map.get(str(h).lower())
            if b:
                break
        brand.append(b or brand_map.get(str(au).lower()))
    df["brand"] = brand
    if len(df) and df["brand"].isna().any():
        if not brand_map:
            warn.append("no brands known: pass brands={handle: name} or a profile (brand left empty)")
        else:
            n = int((df["brand"].isna() & ~is_own_author(df, own)).sum())
            if n:
                warn.append(f"{n} tweet(s) reply to, quote or mention no known brand (brand left empty)")
    url = "https://twitter.com/" + df["author"].where(~df["author"].str.startswith("id:"), "i") + "/status/" + df["tweet_id"]
    base = {"source_file": source, "source_line": df["line"].astype("float64")}
    posts = conform(pd.DataFrame({
        "post_id": df["tweet_id"], "platform": "x", "account": df["author"], "created_at": df["created_at"],
        "format": "text", "caption": df["text"], "permalink": url, "hashtags": hashtags_of(df["text"]),
        "impressions": df["impressions"], "likes": df["likes"], "comments": df["comments"], "shares": df["shares"],
        "followers_at_post": df["author_followers"], **base})[is_own.to_numpy()], "posts").reset_index(drop=True)
    mentions = conform(pd.DataFrame({
        "mention_id": df["tweet_id"], "platform": "x", "brand": df["brand"], "author": df["author"],
        "text": df["text"], "created_at": df["created_at"], "author_followers": df["author_followers"],
        "reach": df["impressions"], "likes": df["likes"], "comments": df["comments"], "shares": df["shares"],
        "url": url, **base})[~is_own.to_numpy()], "mentions").reset_index(drop=True)
    edges = []
    for kind, user_col, tweet_col in (("reply", "reply_to", "reply_tweet"), ("quote", "quoted_user", "quoted_tweet"),
                                      ("share", "rt_user", "rt_tweet")):
        sel = df[df[user_col].notna()]
        edges.append(pd.DataFrame({"source": sel["author"], "target": sel[user_col], "kind": kind,
                                   "created_at": sel["created_at"], "platform": "x",
                                   "post_id": sel[tweet_col].fillna(sel["tweet_id"]), "text": sel["text"],
                                   "source_file": source, "source_line": sel["line"].astype("float64")}))
    ex = df[["author", "mentions", "reply_to", "rt_user", "created_at", "tweet_id", "text", "line"]].explode("mentions")
    ex = ex[ex["mentions"].notna() & (ex["mentions"] != ex["reply_to"].fillna("")) &
            (ex["mentions"] != ex["rt_user"].fillna("")) & (ex["mentions"] != ex["author"])]
    edges.append(pd.DataFrame({"source": ex["author"], "target": ex["mentions"], "kind": "mention",
                               "created_at": ex["created_at"], "platform": "x", "post_id": ex["tweet_id"],
                               "text": ex["text"], "source_file": source,
                               "source_line": ex["line"].astype("float64")}))
    inter = conform(pd.concat(edges, ignore_index=True), "interactions")
    rej = pd.DataFrame(rejects, columns=["line", "column", "reason", "raw"])
    rej.insert(0, "file", source)
    return {"posts": posts, "mentions": mentions, "interactions": inter, "rejects": rej, "warnings": warn,
            "rows": len(df) + len(rej)}
