"""Converters of the platforms' own exports (Meta, X, TikTok, YouTube) into canonical tables.

Each ``convert_*`` takes a :class:`~smanalysis.io.core.Ctx` and returns a dict
canonical column -> Series (rejects are registered on the context). They are
called by :func:`smanalysis.io.read`; see its docstring for the options.

Examples
--------
>>> sorted(CONVERTERS)[:3]
['meta_posts_facebook', 'meta_posts_instagram', 'tiktok_content']
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .arrowtext import arrow_text, count_byte, text_layout
from .core import Ctx, assumed_tz, hashtags_of, quoted, yearless_days
from .formats import META_EXPORT_TIMEZONE, META_FB_POST_TYPES, META_ID_HEADERS, META_IG_POST_TYPES
from .numbers import excel_ids, is_missing_text
from .overlap import later
from .parsing import (blank, bounded, by_unique, clean_text, opt_text, parse_date, parse_day_month_year,
                      parse_mdy_time, parse_timestamp, strip)

__all__ = ["CONVERTERS"]

_ID_NAMES = {v.lower() for v in META_ID_HEADERS.values()} - {"permalink"}


def _text(s):
    return None if s is None else opt_text(s)


def restored_ids(ctx: Ctx, name: str):
    """Ids of column ``name`` with Excel's damage undone; ids Excel destroyed are rejected with a reason."""
    raw = strip(ctx.get(name))
    arr = arrow_text(raw)
    if not (count_byte(arr, ord(".")).any() or count_byte(arr, ord("+")).any()):  # no '.00', no 'E+': as written
        return raw
    ids, destroyed = excel_ids(raw)
    restored = (ids != raw) & ~destroyed
    if restored.any():
        ctx.warnings.append(f"column {ctx.src(name)!r}: {int(restored.sum())} id(s) re-saved by Excel "
                            "('...0.00' or 'E+') restored to exact integers")
    ctx.fail(destroyed, name, quoted("id destroyed by Excel (digits lost in scientific notation, cannot match "
                                     "other files)", ctx.get(name)))
    return ids


_UNPAID = {"", "-", "--", "not funded", "unfunded", "organic", "none", "no", "false", "0", "tidak didanai",
           "tidak", "organik", "not boosted", "n/a"}


def paid_flag(ctx: Ctx, name: str = "funded"):
    """Meta's "Funded content status" (or a boost column) as a nullable flag: any status but blank/"not funded"
    means paid; None when the export has no such column."""
    s = ctx.get(name)
    if s is None:
        return None
    low = by_unique(s, lambda u: u.astype(str).str.strip().str.lower())
    out = pd.Series(~low.isin(_UNPAID), index=s.index, dtype="boolean")
    if (low == "").all():  # an empty column says nothing (Meta leaves it blank on unboosted pages)
        out[:] = False
    return out


def _meta_posts(ctx: Ctx, platform: str):
    post_id = restored_ids(ctx, "post_id")
    if ctx.get("data_comment") is not None:  # a row Meta could not compute: its note is the reason
        note = strip(ctx.get("data_comment"))
        noted = blank(post_id) & ~blank(note)
        if noted.any():  # the reason is written for those rows only
            ctx.fail(noted, "data_comment", "Meta could not compute this row: '" + note.str.slice(0, 200) + "'")
    headers = {str(c).lower() for c in ctx.cols.values()}
    lang = "id" if headers & _ID_NAMES else "en"
    ctx.lang = lang
    zone = meta_zone(ctx)
    created, dayfirst = parse_mdy_time(ctx.get("created_at"), timezone=zone, dayfirst=(lang == "id"), ambiguous="first")
    ctx.fail(created.isna(), "created_at", quoted("unreadable publish time", ctx.get("created_at")))
    text = later(_caption, ctx.get("description"), ctx.get("title"), rows=len(ctx.frame))  # on a second core
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
        "caption": None, "permalink": _text(ctx.get("permalink")), "hashtags": None,
        "reach": ctx.count("reach"), "impressions": ctx.count("impressions"), "views": ctx.count("views"),
        "likes": ctx.count("likes"), "comments": ctx.count("comments"), "shares": ctx.count("shares"),
        "saves": ctx.count("saves"), "clicks": ctx.count("clicks"), "paid": paid_flag(ctx),
    }
    if platform == "instagram" and ctx.get("permalink") is not None:
        _check_id_clock(ctx, created, instagram_id_time(strip(ctx.get("permalink"))), "Instagram's post ids")
    if ctx.get("date") is not None:
        d = strip(ctx.get("date"))
        lifetime = by_unique(d, lambda u: u.str.lower().isin(["lifetime", "seumur hidup", "total", ""])).astype(bool)
        if (~lifetime).any():
            out["metrics_date"] = parse_date(d.where(~lifetime, ""))
            ctx.note_day_order("date", d.where(~lifetime, ""))
            ctx.warnings.append(f"daily breakdown: column {ctx.src('date')!r} holds dates, one row a post and day "
                                "(kept as 'metrics_date'; load_dataset sums the days per post)")
    if lang == "id" or dayfirst:
        ctx.warnings.append(f"publish times read {'day' if dayfirst else 'month'}-first "
                            f"({'Bahasa Indonesia' if lang == 'id' else 'English'} header) in {zone}")
    out["caption"], out["hashtags"] = text.result()
    return out


def _caption(desc, title):
    """``(caption, hashtags)`` of a Meta post export: the description (cleaned), else the title; None when the
    export has neither column. A pure function of the two columns (run on a second core by :func:`_meta_posts`)."""
    desc = clean_text(desc) if desc is not None else None
    title = clean_text(title) if title is not None else None
    if desc is None:
        caption = title
    elif title is None:
        caption = desc
    else:
        caption = desc.where(desc.notna(), title)
    return caption, (hashtags_of(caption) if caption is not None else None)


_SHORTCODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_B64 = np.zeros(256, dtype="int64")
_B64[np.frombuffer(_SHORTCODE.encode(), dtype=np.uint8)] = np.arange(64)
_IG_CODE = r"instagram\.com/(?:[^/]+/)?(?:p|reel|reels|tv)/(?P<code>[A-Za-z0-9_-]{8,12})"


def instagram_id_time(permalink: pd.Series) -> pd.Series:
    """Upload instant (UTC) written in Instagram permalinks: the shortcode is the media id in base 64, whose
    bits above the 23 lowest are milliseconds since 2011-08-24 21:07:01.721 UTC. NaT where not decodable.

    Links as exports write them (``https://www.instagram.com/p/CODE/``, ``/reel/``, ``/reels/``, ``/tv/``)
    are decoded from their bytes; Arrow's regex (:data:`_IG_CODE`) reads only the other cells that match it.

    Examples
    --------
    >>> instagram_id_time(pd.Series(["https://www.instagram.com/reel/DHWRIh_CLiR/", "x"])).dt.floor("s").tolist()
    [Timestamp('2025-03-18 16:47:27+0000', tz='UTC'), NaT]
    """
    arr = arrow_text(permalink)
    ms = np.full(len(arr), np.nan)
    fast, high, low = _plain_links(arr)
    if len(fast):
        ms[fast] = _upload_ms(high, low)
    rest = np.ones(len(arr), dtype=bool)
    rest[fast] = False
    if rest.any():
        sel = pa.array(rest)
        hit = np.zeros(len(arr), dtype=bool)
        hit[rest] = pc.match_substring_regex(pc.filter(arr, sel), _IG_CODE).to_numpy(zero_copy_only=False)
        if hit.any():  # Arrow's regex finds the code of the other links that have one
            codes = pc.struct_field(pc.extract_regex(pc.filter(arr, pa.array(hit)), _IG_CODE), [0])
            codes = codes.cast(pa.large_string())
            offs = np.frombuffer(codes.buffers()[1], dtype="int64")[codes.offset:codes.offset + len(codes) + 1]
            buf = np.frombuffer(codes.buffers()[2], dtype=np.uint8)
            # 6 bits a character, right-aligned in 12 slots (a code is 8-12 characters; 'A' = 0 pads on the left)
            mat = np.zeros((len(codes), 12), dtype="int64")
            length = np.diff(offs)
            row = np.repeat(np.arange(len(codes)), length)
            col = np.arange(int(length.sum())) - np.repeat(offs[:-1] - offs[0], length) + np.repeat(12 - length, length)
            mat[row, col] = _B64[buf[int(offs[0]):int(offs[-1])]]
            ms[hit] = _upload_ms(mat[:, :8] @ (64 ** np.arange(7, -1, -1, dtype="int64")),
                                 mat[:, 8:] @ (64 ** np.arange(3, -1, -1, dtype="int64")))
    ms = pd.Series(ms, index=permalink.index, dtype="float64", copy=False)
    when = pd.to_datetime(ms, unit="ms", utc=True)
    return when.where((when >= pd.Timestamp("2012-01-01", tz="UTC")) & (when < pd.Timestamp("2100-01-01", tz="UTC")))


_CODE_BYTE = np.zeros(256, dtype=bool)
_CODE_BYTE[np.frombuffer(_SHORTCODE.encode(), dtype=np.uint8)] = True
_IG_LINKS = tuple(f"https://www.instagram.com/{kind}/" for kind in ("p", "reel", "reels", "tv"))


def _plain_links(arr: pa.Array):
    """``(rows, high, low)``: the cells that start with one of :data:`_IG_LINKS` followed by 8 or more shortcode
    characters, and their code (its first 12 characters, as :data:`_IG_CODE` reads it: for these cells the
    regex matches there, at its first chance) as a base-64 number: ``high`` the 48 upper bits of the 72 that
    12 characters hold, ``low`` the 24 lower ones (the last four characters)."""
    none = np.zeros(0, dtype="int64")
    offsets, buf = text_layout(arr)
    if buf is None or len(buf) < 13:
        return none, none, none
    start = np.full(len(arr), -1, dtype="int64")
    for link in _IG_LINKS:
        found = pc.fill_null(pc.starts_with(arr, link), False).to_numpy(zero_copy_only=False)
        start[found] = offsets[:-1][found] + len(link)
    rows = np.flatnonzero((start >= 0) & (start + 13 <= len(buf)))  # the last cell's 13 bytes may run out
    if not len(rows):
        return none, none, none
    win = np.lib.stride_tricks.sliding_window_view(buf, 13)[start[rows]]  # 13 bytes from the code on
    code = _CODE_BYTE[win] & (np.arange(13, dtype="int64")[None, :] < (offsets[rows + 1] - start[rows])[:, None])
    length = np.minimum(np.where(code.all(axis=1), 13, np.argmin(code, axis=1)), 12)
    keep = np.flatnonzero(length >= 8)
    high, low = np.zeros(len(keep), dtype="int64"), np.zeros(len(keep), dtype="int64")
    for size in range(8, 13):  # codes of one length at a time: fixed places, no per-cell alignment
        at = np.flatnonzero(length[keep] == size)
        if len(at):
            digits = _B64[win[keep[at], :size]]
            high[at] = digits[:, :size - 4] @ (64 ** np.arange(size - 5, -1, -1, dtype="int64"))
            low[at] = digits[:, size - 4:] @ (64 ** np.arange(3, -1, -1, dtype="int64"))
    return rows[keep], high, low


def _upload_ms(high: np.ndarray, low: np.ndarray) -> np.ndarray:
    """Milliseconds since 1970 (float) of shortcodes given as the 48 upper and 24 lower bits of their number
    (the media id): ``id >> 23`` is ``high * 2`` plus the top bit of ``low``."""
    return (high * 2 + (low >> 23) + 1314220021721).astype("float64")


def _check_id_clock(ctx: Ctx, created: pd.Series, id_times: pd.Series, what: str) -> None:
    """Warn when the platform's ids put the file's times a whole number of hours away from the zone they were
    read in (ids hold the upload instant; a file re-timed or exported in another zone shows as a constant gap)."""
    diff = ((created - id_times).dt.total_seconds() / 3600).dropna()
    diff = diff[diff.abs() < 30]
    if len(diff) < 2:
        return
    hours = diff.round()
    off = hours.mode().iloc[0]
    if off != 0 and ((hours == off) & ((diff - hours).abs() < 0.05)).mean() >= 0.8:
        ctx.warnings.append(f"{what} put the times in {ctx.src('created_at')!r} {off:+.0f} h from the "
                            "zone they were read in: this file seems written in another zone (pass "
                            "source_timezone=)")


def meta_zone(ctx: Ctx) -> str:
    """The zone Meta's "Publish time" is read in: the ``source_timezone=`` option, else Pacific time
    (:data:`~smanalysis.io.formats.META_EXPORT_TIMEZONE`); says which in the warnings."""
    zone = ctx.options.get("source_timezone") or META_EXPORT_TIMEZONE
    if ctx.options.get("source_timezone"):
        ctx.warnings.append(f"times in {ctx.src('created_at')!r} read as {zone} (source_timezone=)")
    else:
        ctx.warnings.append(f"times in {ctx.src('created_at')!r} read as Pacific time ({zone}): Meta Business Suite "
                            "writes every page's publish times in Pacific time, whatever the page's own zone "
                            "(pass source_timezone= if this file was written in another)")
    return zone


def convert_meta_facebook(ctx):
    return _meta_posts(ctx, "facebook")


def convert_meta_instagram(ctx):
    return _meta_posts(ctx, "instagram")


def convert_x_activity(ctx: Ctx):
    link = strip(ctx.get("permalink"))
    account = ctx.options.get("account") or link.str.extract(
        r"(?:twitter|x)\.com/([^/]+)/status", expand=False).where(lambda s: s.notna(), None)
    created = parse_timestamp(ctx.get("created_at"), timezone="UTC")
    ctx.fail(created.isna(), "created_at", quoted("unreadable time", ctx.get("created_at")))
    caption = clean_text(ctx.get("caption"), unescape=True) if ctx.get("caption") is not None else None
    paid = None
    if ctx.get("promoted_impressions") is not None:
        promo = ctx.count("promoted_impressions").fillna(0)
        if ctx.get("promoted_engagements") is not None:
            promo = promo + ctx.count("promoted_engagements").fillna(0)
        paid = pd.Series(promo > 0, index=promo.index, dtype="boolean")
    return {
        "post_id": restored_ids(ctx, "post_id"), "platform": "x", "account": account, "created_at": created,
        "paid": paid,
        "caption": caption, "permalink": _text(link), "hashtags": hashtags_of(caption) if caption is not None else None,
        "impressions": ctx.count("impressions"), "engagements_reported": ctx.count("engagements_reported"),
        "likes": ctx.count("likes"), "shares": ctx.count("shares"), "comments": ctx.count("comments"),
        "clicks": ctx.count("url_clicks"), "views": ctx.count("views"),
    }


def convert_tiktok_content(ctx: Ctx):
    link = ctx.get("permalink").str.strip()
    raw = ctx.get("created_at")
    timed = raw.str.contains(r"\d{1,2}:\d\d", regex=True)
    created = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns, UTC]")
    if timed.any():  # 2025 layout: "2025/10/31 18:19:10", on TikTok's UTC clock (checked against video ids)
        zone = ctx.options.get("source_timezone") or "UTC"
        created[timed] = parse_timestamp(raw[timed].str.replace("/", "-", regex=False), timezone=zone)
        ctx.warnings.append(f"times in {ctx.src('created_at')!r} read as {zone}" + (
            " (source_timezone=)" if zone != "UTC" else ": TikTok Studio writes post times in UTC, whatever the "
            "account's zone (pass source_timezone= if this file differs)"))
    post_id = link.str.extract(r"/(?:video|photo)/(\d+)", expand=False).fillna("")
    exact = pd.Series(False, index=raw.index)
    if (~timed).any():
        day = yearless_days(ctx, "created_at", ctx.get("export_time"), ordered=False)[~timed]
        created[~timed] = day.dt.tz_localize(ctx.timezone, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")
        exact = ~timed & _id_agrees(id_time(post_id), day.reindex(raw.index), ctx.timezone)
        if exact.any():  # the video id holds the upload second: year and time of day exact
            created[exact] = id_time(post_id)[exact]
            ctx.warnings.append(f"{int(exact.sum())} post time(s) in {ctx.src('created_at')!r} taken from the video "
                                "id (its first 32 bits are the upload second, UTC), matching the day in the file")
        if not timed.any() and (~exact).any():
            ctx.warnings.append(f"{int((~exact).sum())} post time(s) in {ctx.src('created_at')!r} are days "
                                "without a time of day (stored at local midnight)")
    if not timed.any() and not exact.all():
        assumed_tz(ctx, "created_at")
    if timed.any():
        _check_id_clock(ctx, created[timed], id_time(post_id)[timed], "TikTok's video ids")
    ctx.fail(created.isna(), "created_at", quoted("unreadable post time", ctx.get("created_at")))
    ctx.fail(blank(post_id) & ~blank(link), "permalink", quoted("no video id in link", link))
    account = ctx.options.get("account") or link.str.extract(r"@([^/?#]+)", expand=False)
    caption = clean_text(ctx.get("caption")) if ctx.get("caption") is not None else None
    return {
        "post_id": post_id, "platform": "tiktok", "account": account, "created_at": created, "format": "video",
        "caption": caption, "permalink": _text(link), "hashtags": hashtags_of(caption) if caption is not None else None,
        "likes": ctx.count("likes"), "comments": ctx.count("comments"), "shares": ctx.count("shares"),
        "views": ctx.count("views"), "saves": ctx.count("saves"),
    }


def id_time(post_id: pd.Series) -> pd.Series:
    """Upload time (UTC) written in TikTok video ids: their first 32 of 64 bits are the Unix second.

    NaT for ids that are not 18-20 digits or give a time outside 2016-2100.

    Examples
    --------
    >>> id_time(pd.Series(["7431234567890123456", "x"])).tolist()
    [Timestamp('2024-10-29 16:25:27+0000', tz='UTC'), NaT]
    """
    ok = post_id.str.fullmatch(r"\d{18,20}").fillna(False).to_numpy(dtype=bool)
    secs = np.full(len(post_id), np.nan)
    if ok.any():
        n = np.array([int(x) for x in post_id[ok]], dtype=object)
        secs[ok] = [float(x >> 32) for x in n]
    when = pd.to_datetime(pd.Series(secs, index=post_id.index), unit="s", utc=True)
    return when.where((when >= pd.Timestamp("2016-01-01", tz="UTC")) & (when < pd.Timestamp("2100-01-01", tz="UTC")))


def _id_agrees(when: pd.Series, day: pd.Series, timezone: str) -> pd.Series:
    """True where the id's local day is the day read from the file (year included), give or take one day
    (the zone TikTok wrote the day in is not said)."""
    local = when.dt.tz_convert(timezone).dt.tz_localize(None).dt.normalize()
    return ((local - day).abs() <= pd.Timedelta(days=1)).fillna(False).astype(bool)


def convert_tiktok_followers(ctx: Ctx):
    date = yearless_days(ctx, "date")
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
        day[rest] = parse_day_month_year(when[rest])
        rest = day.isna() & (when != "")
        if rest.any():
            day[rest] = parse_date(when[rest])
    created = bounded(day).astype("datetime64[ns]").dt.tz_localize(ctx.timezone, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")
    empty = (when == "").to_numpy()
    if empty.any():
        ctx.warnings.append(f"{int(empty.sum())} video(s) without a publish time (ads, unlisted; line "
                            f"{', '.join(map(str, ctx.lines[empty][:5]))}): kept with no time, so their views "
                            "count in totals but in no period")
    ctx.fail(created.isna() & ~empty, "created_at", quoted("unreadable publish time", ctx.get("created_at")))
    account = ctx.account_for("youtube")
    if account is None:
        ctx.warnings.append("the file names no channel: pass account= or a profile (account left empty)")
    post_id = ctx.get("post_id").str.strip()
    caption = clean_text(ctx.get("caption"))
    views = ctx.count("views")
    hours = ctx.count("watch_hours")
    if hours is not None or ctx.get("avg_duration") is not None:
        avg = _duration_s(ctx.get("avg_duration")) if ctx.get("avg_duration") is not None else None
        ctx.extra["video"] = {"post_id": post_id, "platform": "youtube", "account": account, "views": views,
                              "watch_time_s": None if hours is None else hours * 3600,
                              "avg_view_duration_s": avg,
                              "retention": (avg / _duration_s(ctx.get("duration"))).where(lambda r: r <= 1)
                              if avg is not None and ctx.get("duration") is not None else None}
    return {"post_id": post_id, "platform": "youtube", "account": account, "created_at": created,
            "format": "video", "caption": caption, "hashtags": hashtags_of(caption),
            "permalink": "https://www.youtube.com/watch?v=" + post_id, "views": views,
            "impressions": ctx.count("impressions")}


def _duration_s(s: pd.Series) -> pd.Series:
    """Durations as YouTube writes them ("0:03:25", "205", "3:25") -> seconds (NaN when unreadable)."""
    t = s.astype(str).str.strip()
    parts = t.str.split(":", expand=True).reindex(columns=range(3))
    n = parts.notna().sum(axis=1)
    nums = parts.apply(pd.to_numeric, errors="coerce")
    secs = np.where(n == 3, nums[0] * 3600 + nums[1] * 60 + nums[2],
                    np.where(n == 2, nums[0] * 60 + nums[1], nums[0]))
    return pd.Series(secs, index=s.index, dtype="float64").where(~is_missing_text(s))


CONVERTERS = {
    "meta_posts_facebook": convert_meta_facebook,
    "meta_posts_instagram": convert_meta_instagram,
    "x_activity": convert_x_activity,
    "tiktok_content": convert_tiktok_content,
    "tiktok_followers": convert_tiktok_followers,
    "youtube_table": convert_youtube,
}
