"""Converters of third-party tool exports and generic tables into canonical tables.

Comment-export tools, listening tools, the Apify Instagram scraper, the content
plan, and any CSV/XLSX whose header already uses canonical names or is mapped
with ``mapping={canonical: source_column}``.

Examples
--------
>>> sorted(CONVERTERS)
['apify_instagram', 'comments_export', 'content_plan', 'listening_export']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import CONTENT_TYPES, INTERACTION_KINDS, POST_FORMATS, TABLES
from .core import Ctx, assumed_tz, hashtags_of, platform_of, quoted
from .formats import APIFY_TYPES
from .overlap import later
from .parsing import any_naive, blank, clean_text, opt_text, parse_bool, parse_date, parse_timestamp, strip
from .vocab import PLAN_CONTENT_TYPES, PLAN_FORMATS, PLAN_STATUSES

__all__ = ["CONVERTERS", "convert_canonical"]


def _opt_text(s):
    return None if s is None else opt_text(s)


def _handle(s):
    return None if s is None else opt_text(s, handle=True)


def _platform(ctx: Ctx, name="platform"):
    if ctx.options.get("platform"):
        return ctx.options["platform"]
    s = ctx.get(name)
    return None if s is None else platform_of(s)


def _ts(ctx: Ctx, name, label="date", parsed=None):
    """Timestamps of column ``name`` in UTC, with the warnings and rejects they call for; ``parsed`` is the
    ``(times, any_naive)`` of :func:`_times` when already worked out (on a second core)."""
    s = ctx.get(name)
    t, naive = parsed if parsed is not None else _times(s, ctx.timezone)
    ctx.note_day_order(name)
    if naive:
        assumed_tz(ctx, name)
    ctx.fail(t.isna(), name, quoted(f"unreadable {label}", s))
    return t


def _times(s, timezone):
    """``(UTC times, whether a filled cell carries no zone)`` of a timestamp column (a pure function)."""
    return parse_timestamp(s, timezone=timezone), any_naive(s)


def _text_and_times(text, stamps, timezone):
    """The cleaned comment text and :func:`_times` of the timestamps: a comment export's pure column work,
    done in one go on a second core (see :mod:`smanalysis.io.overlap`)."""
    return clean_text(text), _times(stamps, timezone)


def convert_comments_export(ctx: Ctx):
    work = later(_text_and_times, ctx.get("text"), ctx.get("created_at"), ctx.timezone, rows=len(ctx.frame))
    platform = _platform(ctx)
    if platform is None:
        platform = platform_of(ctx.get("post_url")) if ctx.get("post_url") is not None else None
    author = _handle(ctx.get("author"))
    own = ctx.own_handles()
    brand = parse_bool(ctx.get("is_brand_reply")) if ctx.get("is_brand_reply") is not None else None
    if own and author is not None:
        by_own = author.isin(own)
        brand = by_own if brand is None else (brand | by_own)
    account = _handle(ctx.frame.get("Post Owner")) if "Post Owner" in ctx.frame.columns else None
    comment_id, post_id = strip(ctx.get("comment_id")), strip(ctx.get("post_id"))
    text, times = work.result()
    return {
        "comment_id": comment_id, "post_id": post_id,
        "platform": platform, "author": author, "text": text.fillna(""),
        "created_at": _ts(ctx, "created_at", parsed=times),
        "parent_id": _opt_text(ctx.get("parent_id")), "is_brand_reply": brand if brand is not None else False,
        "account": account, "likes": ctx.count("likes"),
    }


_SENTIMENT = {"positive": "positive", "positif": "positive", "negative": "negative", "negatif": "negative",
              "neutral": "neutral", "netral": "neutral", "pos": "positive", "neg": "negative", "neu": "neutral"}


def convert_listening(ctx: Ctx):
    date = ctx.get("date").str.strip()
    hour = ctx.get("hour")
    stamp = date if hour is None else (date + " " + hour.str.strip()).str.strip()
    created = parse_timestamp(stamp, timezone=ctx.timezone)
    ctx.note_day_order("date", stamp)
    if any_naive(stamp):
        assumed_tz(ctx, "date")
    ctx.fail(created.isna(), "date", quoted("unreadable date", stamp))
    src = ctx.get("source")
    platform = ctx.options.get("platform")
    if platform is None:
        platform = platform_of(src)
        for alt in ("url",):
            if ctx.get(alt) is not None:
                platform = platform.fillna(platform_of(ctx.get(alt)))
        where = src if src is not None else ctx.get("url")
        if where is not None:
            ctx.fail(platform.isna(), "source", quoted("not a supported platform", where))
    text = clean_text(ctx.get("text"))
    if ctx.get("title") is not None:
        text = text.where(text.notna(), clean_text(ctx.get("title")))
    brand = ctx.options.get("brand") or _opt_text(ctx.get("brand"))
    if brand is None:
        ctx.warnings.append("no brand column: pass brand= (brand left empty)")
    sent = None
    if ctx.get("sentiment") is not None:
        sent = ctx.get("sentiment").str.strip().str.lower().map(_SENTIMENT)
    return {
        "mention_id": ctx.get("mention_id").str.strip(), "platform": platform, "brand": brand,
        "author": _handle(ctx.get("author")), "text": text.fillna(""), "created_at": created,
        "author_followers": ctx.count("author_followers"), "reach": ctx.count("reach"), "likes": ctx.count("likes"),
        "comments": ctx.count("comments"), "shares": ctx.count("shares"), "url": _opt_text(ctx.get("url")),
        "sentiment": sent,
    }


def convert_apify(ctx: Ctx):
    typ = ctx.get("type").str.strip().str.lower().map(APIFY_TYPES) if ctx.get("type") is not None else None
    if typ is not None and ctx.get("product_type") is not None:
        typ = typ.where(ctx.get("product_type").str.strip().str.lower() != "clips", "reel")
    caption = clean_text(ctx.get("caption")) if ctx.get("caption") is not None else None
    views = ctx.count("plays")
    v2 = ctx.count("views")
    views = v2 if views is None else (views if v2 is None else views.fillna(v2))
    return {
        "post_id": ctx.get("post_id").str.strip(), "platform": "instagram", "account": _handle(ctx.get("account")),
        "created_at": _ts(ctx, "created_at", "timestamp"), "format": typ, "caption": caption,
        "permalink": _opt_text(ctx.get("permalink")), "hashtags": hashtags_of(caption) if caption is not None else None,
        "likes": ctx.count("likes"), "comments": ctx.count("comments"), "views": views,
    }


def _vocab(ctx, name, mapping, allowed, default=None):
    s = ctx.get(name)
    if s is None:
        return default
    raw = s.str.strip().str.lower()
    out = raw.map(mapping)
    out = out.where(out.notna(), raw.where(raw.isin(allowed)))
    unknown = out.isna() & (raw != "")
    if unknown.any():
        ctx.warnings.append(f"column {ctx.src(name)!r}: value(s) {sorted(raw[unknown].unique())[:5]} not understood; "
                            f"read as {default or 'empty'!r}")
    return out.where(out.notna(), default)


def convert_plan(ctx: Ctx):
    date = parse_date(ctx.get("date"))
    ctx.note_day_order("date")
    ctx.fail(date.isna(), "date", quoted("unreadable date", ctx.get("date")))
    text = {k: _opt_text(ctx.get(k)) for k in ("theme", "asset", "hashtags", "source", "time", "plan_id")}
    return {
        "date": date, "platform": _platform(ctx), **text, "caption": clean_text(ctx.get("caption")),
        "content_type": _vocab(ctx, "content_type", PLAN_CONTENT_TYPES, CONTENT_TYPES, "other"),
        "status": _vocab(ctx, "status", PLAN_STATUSES, ("idea", "draft", "planned", "scheduled", "posted", "skipped")),
        "format": _vocab(ctx, "format", PLAN_FORMATS, POST_FORMATS),
        "account": _handle(ctx.get("account")),
    }


def convert_canonical(ctx: Ctx, table: str):
    """Read a table whose (renamed) columns carry canonical names: type each column, reject unusable rows."""
    out = {}
    for c in TABLES[table]:
        if c.name in ("source_file", "source_line") or ctx.get(c.name) is None:
            continue
        s = ctx.get(c.name)
        if c.dtype == "float":
            out[c.name] = ctx.count(c.name)
        elif c.dtype == "bool":
            out[c.name] = parse_bool(s)
        elif c.dtype == "flag":
            out[c.name] = parse_bool(s).astype("boolean").where(~blank(s), pd.NA)
        elif c.dtype == "datetime":
            out[c.name] = _ts(ctx, c.name, c.name.replace("_", " "))
        elif c.dtype == "date":
            d = parse_date(s)
            ctx.note_day_order(c.name)
            ctx.fail(d.isna(), c.name, quoted("unreadable date", s))
            out[c.name] = d
        elif c.name == "platform":
            out[c.name] = ctx.options.get("platform") or platform_of(s)
        elif c.name in ("text", "caption"):
            t = clean_text(s)
            out[c.name] = t.fillna("") if c.required else t
        elif c.name in ("author", "account", "source", "target"):
            out[c.name] = _handle(s)
        else:
            out[c.name] = _opt_text(s)
    if table == "interactions" and "kind" in out:
        kind = out["kind"].map(lambda x: x.lower() if isinstance(x, str) else x)
        ctx.fail(~kind.isin(INTERACTION_KINDS), "kind", quoted("unknown interaction kind", ctx.get("kind")))
        out["kind"] = kind
    if "platform" not in out and ctx.options.get("platform"):
        out["platform"] = ctx.options["platform"]
    if table == "comments" and "is_brand_reply" not in out:
        own = ctx.own_handles()
        out["is_brand_reply"] = out["author"].isin(own) if own and "author" in out else False
    for c in TABLES[table]:
        if c.required and c.name not in out:
            out[c.name] = np.nan
    return out


CONVERTERS = {
    "comments_export": convert_comments_export,
    "listening_export": convert_listening,
    "apify_instagram": convert_apify,
    "content_plan": convert_plan,
}
