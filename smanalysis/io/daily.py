"""Converters of account-level daily series (Meta, X, TikTok, YouTube) into ``account_daily`` (and ``followers``).

Meta's series hold one metric a section ("Facebook follows", "Instagram reach",
"Views"...), sometimes two platform sections in a file; the other layouts hold
one column a metric, one row a day (read wide, stored long: one row a day and
metric). Only follower COUNTS ("... followers") go to the ``followers`` table;
follows gained, reach, views, visits... go to ``account_daily`` under the
metric names of :data:`smanalysis.schema.DAILY_METRICS`.

Examples
--------
>>> metric_of("Facebook link clicks"), metric_of("Instagram follows"), metric_of("Jangkauan Instagram")
('link_clicks', 'follows', 'reach')
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..schema import conform
from .core import Ctx, quoted, reference_date, yearless_days
from .formats_daily import DAILY_FIELDS
from .parsing import parse_date, strip

__all__ = ["CONVERTERS", "metric_of", "melt_daily", "split_follower_counts", "WIDE"]

#: words of a Meta metric title -> account_daily metric ("followers" = a follower count).
_METRIC_WORDS = (
    ("unfollows", "unfollows"), ("berhenti mengikuti", "unfollows"), ("followers", "followers"),
    ("pengikut", "followers"), ("follows", "follows"), ("mengikuti", "follows"),
    ("link clicks", "link_clicks"), ("klik tautan", "link_clicks"), ("profile visits", "profile_views"),
    ("kunjungan profil", "profile_views"), ("visits", "visits"), ("kunjungan", "visits"),
    ("viewers", "viewers"), ("penonton", "viewers"), ("views", "views"), ("tayangan", "views"),
    ("impressions", "impressions"), ("impresi", "impressions"), ("reach", "reach"), ("jangkauan", "reach"),
    ("interactions", "interactions"), ("interaksi", "interactions"), ("engagement", "engagements"),
)
_PLATFORM_WORDS = {"facebook": "facebook", "instagram": "instagram", "halaman": "facebook", "page": "facebook"}
#: formats read wide (one column a metric) and stored long.
WIDE = ("x_daily", "tiktok_overview", "tiktok_viewers", "youtube_totals", "tiktok_followers_daily")


def metric_of(title: str) -> str:
    """The ``account_daily`` metric named by a Meta series title; else a snake_case slug of the title.

    Examples
    --------
    >>> metric_of("Content interactions"), metric_of("Facebook followers"), metric_of("Saldo bintang")
    ('interactions', 'followers', 'saldo_bintang')
    """
    low = " " + str(title).lower() + " "
    for word, metric in _METRIC_WORDS:
        if word in low:
            return metric
    words = [w for w in re.findall(r"[a-z0-9]+", low) if w not in _PLATFORM_WORDS]
    return "_".join(words) or "value"


def _platform_of_title(title: str):
    low = str(title).lower()
    for word, platform in _PLATFORM_WORDS.items():
        if word in low:
            return platform
    return None


def convert_meta_daily(ctx: Ctx):
    d = strip(ctx.get("date"))
    v = strip(ctx.get("value"))
    low_d, low_v = d.str.lower(), v.str.lower()
    is_head = low_d.isin(["date", "tanggal"]) & low_v.isin(["primary", "utama"])
    day = parse_date(d)
    ctx.note_day_order("date", d)
    is_title = (v == "") & day.isna() & (d != "") & ~is_head
    structure = (is_head | is_title).to_numpy()
    section = is_title.cumsum().to_numpy()
    titles = [" ".join(ctx.preamble).strip() or str(ctx.options.get("metric") or "")] + d[is_title].tolist()
    keep = ~structure
    ctx.frame, ctx.lines = ctx.frame[keep], ctx.lines[keep]
    section, day, value = section[keep], day[keep], ctx.count("value")
    opt = ctx.options.get("platform")
    named = [_platform_of_title(t) for t in titles]
    platforms = []
    for i, t in enumerate(titles):
        p = opt or named[i] or (("facebook", "instagram")[i] if len(titles) == 2 and not any(named) else None)
        if p is None:
            p = "facebook"
            ctx.warnings.append(f"section {t!r} names no platform; assumed facebook (pass platform=)")
        elif not opt and not named[i]:
            ctx.warnings.append(f"section {i + 1} ({t!r}) names no platform; read as {p} (Meta lists Facebook "
                                "first, then Instagram)")
        platforms.append(p)
    metrics = [metric_of(t) for t in titles]
    if len(titles) > 1:
        ctx.warnings.append(f"{len(titles)} sections: " + "; ".join(f"{t!r} -> {m} on {p}" for t, m, p in
                                                                    zip(titles, metrics, platforms)))
    else:
        ctx.warnings.append(f"metric {titles[0]!r} read as {metrics[0]!r} on {platforms[0]}"
                            + (" (a follower count: followers table)" if metrics[0] == "followers" else ""))
    idx = ctx.frame.index
    platform = pd.Series(np.asarray(platforms, dtype=object)[section], index=idx)
    accounts = {p: ctx.account_for(p) for p in set(platforms)}
    if any(a is None for a in accounts.values()):
        ctx.warnings.append("the file names no account: pass account= or a profile (account left empty)")
    ctx.fail(day.isna(), "date", quoted("unreadable date", ctx.get("date")))
    return {"date": day, "platform": platform, "account": platform.map(accounts),
            "metric": pd.Series(np.asarray(metrics, dtype=object)[section], index=idx), "value": value}


def _wide(ctx: Ctx, fmt: str, platform: str, *, yearless: bool):
    date = yearless_days(ctx, "date") if yearless else parse_date(ctx.get("date"))
    if not yearless:
        ctx.note_day_order("date")
    ctx.fail(date.isna(), "date", quoted("unreadable date", ctx.get("date")))
    account = ctx.account_for(platform)
    if account is None and fmt == "x_daily" and ctx.path is not None:
        m = re.match(r"daily_tweet_activity_metrics_(.+?)_\d{8}_\d{8}", ctx.path.name)
        account = m.group(1) if m else None
    if account is None:
        ctx.warnings.append("the file names no account: pass account= or a profile (account left empty)")
    out = {"date": date, "platform": platform, "account": account, "metric": "*", "value": np.nan}
    for metric in DAILY_FIELDS[fmt]:
        v = ctx.count(metric)
        if v is not None:
            out["m:" + metric] = v * 3600 if metric == "watch_time_s" else v
    promoted = [c for c in ctx.frame.columns if str(c).lower().startswith("promoted ")]
    if promoted:
        ctx.warnings.append(f"{len(promoted)} 'promoted ...' column(s) (ads) not stored in account_daily")
    return out


def melt_daily(data: pd.DataFrame) -> pd.DataFrame:
    """Wide daily rows (``m:<metric>`` columns) -> ``account_daily`` rows, one a day and metric (blank cells dropped).

    Examples
    --------
    >>> w = pd.DataFrame({"date": pd.to_datetime(["2026-10-01"]), "platform": ["x"], "account": ["k"],
    ...                   "metric": [""], "value": [np.nan], "source_file": ["f"], "source_line": [2.0],
    ...                   "m:likes": [3.0], "m:views": [np.nan]})
    >>> melt_daily(w)[["metric", "value"]].values.tolist()
    [['likes', 3.0]]
    """
    cols = [c for c in data.columns if str(c).startswith("m:")]
    ids = ["date", "platform", "account", "source_file", "source_line"]
    long = data[ids + cols].melt(id_vars=ids, value_vars=cols, var_name="metric", value_name="value")
    long["metric"] = long["metric"].str[2:]
    long = long[long["value"].notna()].sort_values(["source_line", "metric"], kind="stable")
    return conform(long.reset_index(drop=True), "account_daily")


def split_follower_counts(data: pd.DataFrame):
    """Split ``account_daily`` rows whose metric is a follower count into a ``followers`` table.

    Returns ``(account_daily, followers)``.
    """
    counts = data["metric"] == "followers"
    fol = data[counts].rename(columns={"value": "followers"}).drop(columns="metric")
    return data[~counts].reset_index(drop=True), conform(fol.reset_index(drop=True), "followers")


def convert_x_daily(ctx):
    return _wide(ctx, "x_daily", "x", yearless=False)


def convert_tiktok_overview(ctx):
    return _wide(ctx, "tiktok_overview", "tiktok", yearless=True)


def convert_tiktok_viewers(ctx):
    return _wide(ctx, "tiktok_viewers", "tiktok", yearless=True)


def convert_tiktok_followers_daily(ctx):
    return _wide(ctx, "tiktok_followers_daily", "tiktok", yearless=True)


def convert_tiktok_follower_activity(ctx: Ctx):
    """TikTok ``FollowerActivity.csv`` -> ``follower_activity``: one row an hour, the hour's start in UTC.

    Days carry no year (from the export day, as every TikTok file); hours are whole numbers
    0-23 on TikTok's UTC clock. On the export day TikTok writes 0 for the hours it has not
    reached yet: those trailing zeros are rejected with a reason, not stored as "nobody active".
    """
    day = yearless_days(ctx, "date")
    hour = ctx.count("hour")
    active = ctx.count("active_followers")
    ctx.fail(day.isna(), "date", quoted("unreadable date", ctx.get("date")))
    whole = hour.notna() & (hour >= 0) & (hour <= 23) & (hour == hour.round())
    ctx.fail(day.notna() & ~whole, "hour", quoted("not an hour 0-23", ctx.get("hour")))
    ctx.fail(active < 0, "active_followers", quoted("negative count", ctx.get("active_followers")))
    ref, _ = reference_date(ctx)
    last = (day == ref).to_numpy() & whole.to_numpy()
    if last.any() and (active[last] > 0).any():
        reached = hour[last & (active > 0).to_numpy()].max()
        ctx.fail(last & (hour > reached).to_numpy() & (active == 0).to_numpy(), "active_followers",
                 f"export day {ref:%Y-%m-%d}, hour not reached yet when exported (TikTok writes 0 for it)")
    when = (day + pd.to_timedelta(hour.where(whole, 0), unit="h")).dt.tz_localize("UTC")
    ctx.warnings.append(f"hours in {ctx.src('hour')!r} read on TikTok's UTC clock (its analytics keep follower "
                        "activity in UTC; reports show them in the profile's timezone)")
    account = ctx.account_for("tiktok")
    if account is None:
        ctx.warnings.append("the file names no account: pass account= or a profile (account left empty)")
    return {"hour": when, "platform": "tiktok", "account": account, "active_followers": active}


def convert_youtube_totals(ctx):
    return _wide(ctx, "youtube_totals", "youtube", yearless=False)


CONVERTERS = {
    "meta_daily": convert_meta_daily,
    "x_daily": convert_x_daily,
    "tiktok_overview": convert_tiktok_overview,
    "tiktok_viewers": convert_tiktok_viewers,
    "tiktok_followers_daily": convert_tiktok_followers_daily,
    "youtube_totals": convert_youtube_totals,
    "tiktok_follower_activity": convert_tiktok_follower_activity,
}
