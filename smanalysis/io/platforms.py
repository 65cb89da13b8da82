"""Converters of the platforms' own exports (Meta, X, TikTok, YouTube) into canonical tables.

Each ``convert_*`` takes a :class:`~smanalysis.io.core.Ctx` and returns a dict
canonical column -> Series (rejects are registered on the context). They are
called by :func:`smanalysis.io.read`; see its docstring for the options.

Examples
--------
>>> sorted(CONVERTERS)[:3]
['meta_daily', 'meta_posts_facebook', 'meta_posts_instagram']
"""

from __future__ import annotations

import pandas as pd

from .core import Ctx, hashtags_of, quoted, reference_date
from .formats import META_FB_POST_TYPES, META_ID_HEADERS, META_IG_POST_TYPES
from .parsing import blank, bounded, by_unique, clean_text, opt_text, strip, parse_date, parse_mdy_time, parse_timestamp, parse_yearless, resolve_years

__all__ = ["CONVERTERS"]

_ID_NAMES = {v.lower() for v in META_ID_HEADERS.values()} - {"permalink"}


def _text(s):
    return None if s is None else opt_text(s)


def _meta_posts(ctx: Ctx, platform: str):
    post_id = strip(ctx.get("post_id"))
    headers = {str(c).lower() for c in ctx.cols.values()}
    lang = "id" if headers & _ID_NAMES else "en"
    ctx.lang = lang
    created, dayfirst = parse_mdy_time(ctx.get("created_at"), timezone=ctx.timezone, dayfirst=(lang == "id"))
    ctx.fail(created.isna(), "created_at", quoted("unreadable publish time", ctx.get("created_at")))
    desc = clean_text(ctx.get("description")) if ctx.get("description") is not None else None
    title = clean_text(ctx.get("title")) if ctx.get("title") is not None else None
    if desc is None:
        caption = title
    elif title is None:
        caption = desc
    else:
        caption = desc.where(desc.notna(), title)
    account = ctx.options.get("account") or None
    if account is None and ctx.get("account") is not None:
        account = _text(ctx.get("account"))
    if account is None:
        account = ctx.account_for(platform)
    types = META_FB_POST_TYPES if platform == "facebook" else META_IG_POST_TYPES
    fmt = None
    if ctx.get("post_type") is not None:
        raw = by_unique(ctx.get("post_type"), lambda u: u.astype(str).str.strip().str.lower())
        fmt = by_unique(raw, lambda u: u.map(types))
        unknown = fmt.isna() & (raw != "")
        if unknown.any():
            ctx.warnings.append(f"column {ctx.src('post_type')!r}: unknown post type(s) "
                                f"{sorted(raw[unknown].unique())[:5]} read as 'other'")
            fmt = fmt.where(~unknown, "other")
    out = {
        "post_id": post_id, "platform": platform, "account": account, "created_at": created, "format": fmt,
        "caption": caption, "permalink": _text(ctx.get("permalink")), "hashtags": hashtags_of(caption)
        if caption is not None else None,
        "reach": ctx.count("reach"), "impressions": ctx.count("impressions"), "views": ctx.count("views"),
        "likes": ctx.count("likes"), "comments": ctx.count("comments"), "shares": ctx.count("shares"),
        "saves": ctx.count("saves"), "clicks": ctx.count("clicks"),
    }
    if ctx.get("date") is not None:
        d = strip(ctx.get("date"))
        lifetime = by_unique(d, lambda u: u.str.lower().isin(["lifetime", "seumur hidup", "total", ""])).astype(bool)
        if (~lifetime).any():
            out["metrics_date"] = parse_date(d.where(~lifetime, ""))
            ctx.warnings.append(f"daily breakdown: column {ctx.src('date')!r} holds dates, one row a post and day "
                                "(kept as 'metrics_date'; load_dataset sums the days per post)")
    if lang == "id" or dayfirst:
        ctx.warnings.append(f"publish times read {'day' if dayfirst else 'month'}-first "
                            f"({'Bahasa Indonesia' if lang == 'id' else 'English'} header) in {ctx.timezone}")
    return out


def convert_meta_facebook(ctx):
    return _meta_posts(ctx, "facebook")


def convert_meta_instagram(ctx):
    return _meta_posts(ctx, "instagram")


def convert_meta_daily(ctx: Ctx):
    metric = " ".join(ctx.preamble).strip() or str(ctx.options.get("metric") or "")
    low = metric.lower()
    platform = ctx.options.get("platform") or ("instagram" if "instagram" in low else "facebook" if
                                               ("facebook" in low or "page" in low or "halaman" in low) else None)
    if platform is None:
        ctx.warnings.append("no metric line naming the platform; assumed facebook (pass platform=)")
        platform = "facebook"
    date = parse_date(ctx.get("date"))
    ctx.fail(date.isna(), "date", quoted("unreadable date", ctx.get("date")))
    value = ctx.count("value")
    is_gain = ("follows" in low or "mengikuti" in low) and "followers" not in low
    account = ctx.account_for(platform)
    if account is None:
        ctx.warnings.append("the file names no account: pass account= or a profile (account left empty)")
    ctx.warnings.append(f"metric {metric!r} read as {'new_followers' if is_gain else 'followers'} on {platform}")
    return {"date": date, "platform": platform, "account": account,
            "followers": None if is_gain else value, "new_followers": value if is_gain else None}


def convert_x_activity(ctx: Ctx):
    link = strip(ctx.get("permalink"))
    account = ctx.options.get("account") or link.str.extract(
        r"(?:twitter|x)\.com/([^/]+)/status", expand=False).where(lambda s: s.notna(), None)
    created = parse_timestamp(ctx.get("created_at"), timezone="UTC")
    ctx.fail(created.isna(), "created_at", quoted("unreadable time", ctx.get("created_at")))
    caption = clean_text(ctx.get("caption")) if ctx.get("caption") is not None else None
    return {
        "post_id": strip(ctx.get("post_id")), "platform": "x", "account": account, "created_at": created,
        "caption": caption, "permalink": _text(link), "hashtags": hashtags_of(caption) if caption is not None else None,
        "impressions": ctx.count("impressions"), "engagements_reported": ctx.count("engagements_reported"),
        "likes": ctx.count("likes"), "shares": ctx.count("shares"), "comments": ctx.count("comments"),
        "clicks": ctx.count("url_clicks"), "views": ctx.count("views"),
    }


def _yearless_local(ctx: Ctx, col: str, ref_candidates=None):
    parts = parse_yearless(ctx.get(col))
    if parts["month"].notna().any():
        ref, why = reference_date(ctx, ref_candidates)
        weak = why in ("file modification time", "today")
        resolved = resolve_years(parts["month"], parts["day"], ref, ordered=weak)
        ctx.warnings.append(f"yearless dates in {ctx.src(col)!r} given years so that none falls after "
                            f"{ref:%Y-%m-%d} ({why})")
    else:
        resolved = pd.Series(pd.NaT, index=parts.index, dtype="datetime64[ns]")
    return resolved.where(resolved.notna(), parts["full"])


def convert_tiktok_content(ctx: Ctx):
    link = ctx.get("permalink").str.strip()
    day = _yearless_local(ctx, "created_at", ctx.get("export_time"))
    created = day.dt.tz_localize(ctx.timezone, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")
    ctx.fail(created.isna(), "created_at", quoted("unreadable post time", ctx.get("created_at")))
    post_id = link.str.extract(r"/(?:video|photo)/(\d+)", expand=False).fillna("")
    ctx.fail(blank(post_id) & ~blank(link), "permalink", quoted("no video id in link", link))
    account = ctx.options.get("account") or link.str.extract(r"@([^/?#]+)", expand=False)
    caption = clean_text(ctx.get("caption")) if ctx.get("caption") is not None else None
    return {
        "post_id": post_id, "platform": "tiktok", "account": account, "created_at": created, "format": "video",
        "caption": caption, "permalink": _text(link), "hashtags": hashtags_of(caption) if caption is not None else None,
        "likes": ctx.count("likes"), "comments": ctx.count("comments"), "shares": ctx.count("shares"),
        "views": ctx.count("views"),
    }


def convert_tiktok_followers(ctx: Ctx):
    date = _yearless_local(ctx, "date")
    ctx.fail(date.isna(), "date", quoted("unreadable date", ctx.get("date")))
    account = ctx.account_for("tiktok")
    if account is None:
        ctx.warnings.append("the file names no account: pass account= or a profile (account left empty)")
    return {"date": date, "platform": "tiktok", "account": account, "followers": ctx.count("followers"),
            "new_followers": ctx.count("new_followers")}


def convert_youtube(ctx: Ctx):
    when = ctx.get("created_at").str.strip()
    day = pd.to_datetime(when, format="%b %d, %Y", errors="coerce")
    rest = day.isna() & (when != "")
    if rest.any():
        day[rest] = parse_date(when[rest])
    created = bounded(day).astype("datetime64[ns]").dt.tz_localize(ctx.timezone, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")
    ctx.fail(created.isna(), "created_at", quoted("unreadable publish time", ctx.get("created_at")))
    account = ctx.account_for("youtube")
    if account is None:
        ctx.warnings.append("the file names no channel: pass account= or a profile (account left empty)")
    post_id = ctx.get("post_id").str.strip()
    caption = clean_text(ctx.get("caption"))
    return {"post_id": post_id, "platform": "youtube", "account": account, "created_at": created,
            "format": "video", "caption": caption, "hashtags": hashtags_of(caption),
            "permalink": "https://www.youtube.com/watch?v=" + post_id, "views": ctx.count("views"),
            "impressions": ctx.count("impressions")}


CONVERTERS = {
    "meta_posts_facebook": convert_meta_facebook,
    "meta_posts_instagram": convert_meta_instagram,
    "meta_daily": convert_meta_daily,
    "x_activity": convert_x_activity,
    "tiktok_content": convert_tiktok_content,
    "tiktok_followers": convert_tiktok_followers,
    "youtube_table": convert_youtube,
}
