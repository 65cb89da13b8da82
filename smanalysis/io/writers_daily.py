"""Writers of the account-level daily series, audience and video layouts (used by the sample generator).

Each writes the layout :mod:`smanalysis.io.formats_daily` describes, from canonical tables
(``account_daily``, ``audience``, ``video``); reading the file back gives the same values.

Examples
--------
>>> import pandas as pd, tempfile, os
>>> d = pd.DataFrame({"date": pd.to_datetime(["2026-10-01", "2026-10-01"]), "platform": "tiktok",
...                   "account": "kopisenja.id", "metric": ["views", "likes"], "value": [120.0, 9.0]})
>>> path = os.path.join(tempfile.mkdtemp(), "Overview_2026-10-31.csv")
>>> write_tiktok_overview(d, path)
>>> open(path, encoding="utf-8-sig").read().splitlines()[1]
'"October 1","120","0","9","0","0"'
"""

from __future__ import annotations

import csv

import pandas as pd

from ..schema import validate
from .formats import META_EXPORT_TIMEZONE
from .formats_daily import (DAILY_FIELDS, META_VIDEO_COLUMNS, TIKTOK_ACTIVITY_COLUMNS, TIKTOK_OVERVIEW_COLUMNS,
                            TIKTOK_VIEWERS_COLUMNS, X_DAILY_COLUMNS)
from .writers_base import int_text, local_text, single_value, as_text, write_csv

__all__ = ["write_meta_daily_sections", "write_x_daily", "write_tiktok_overview", "write_tiktok_viewers",
           "write_tiktok_follower_activity", "write_youtube_totals", "write_meta_video", "write_meta_audience"]


def _wide(daily: pd.DataFrame, fmt: str, func: str) -> pd.DataFrame:
    validate(daily, "account_daily", func=func)
    single_value(daily, "platform", func)
    w = daily.pivot_table(index="date", columns="metric", values="value", aggfunc="sum").sort_index()
    names = {m: DAILY_FIELDS[fmt][m][0] for m in DAILY_FIELDS[fmt]}
    return w.rename(columns=names)


def _yearless(dates, *, day_first=False) -> list:
    d = pd.to_datetime(pd.Series(dates))
    return [f"{x.day} {x:%B}" if day_first else f"{x:%B} {x.day}" for x in d]


def write_meta_daily_sections(daily: pd.DataFrame, path, *, titles: dict, sep: str = ",") -> None:
    """Meta daily series of one metric: one section a platform, each with its title line.

    ``titles`` maps platform -> title (``{"facebook": "Facebook reach", "instagram": "Instagram reach"}``);
    UTF-16 LE with BOM, ``sep=`` line (``sep="\\t"`` writes the tab variant).
    """
    validate(daily, "account_daily", func="write_meta_daily_sections")
    parts = [f"sep={sep}"]
    q = '"'
    for platform, title in titles.items():
        d = daily[daily["platform"] == platform].sort_values("date")
        parts.append(f'"{title}"')
        parts.append(sep.join([q + "Date" + q, q + "Primary" + q]))
        parts += [sep.join([f'"{x:%Y-%m-%dT00:00:00}"', f'"{v}"']) for x, v in
                  zip(pd.to_datetime(d["date"]), int_text(d["value"], blank="0"))]
        parts.append("")
    with open(path, "w", encoding="utf-16", newline="") as fh:
        fh.write("\n".join(parts))


def write_x_daily(daily: pd.DataFrame, path) -> None:
    """X ``daily_tweet_activity_metrics_<handle>_<start>_<end>_en.csv`` (promoted columns written as ``-``)."""
    w = _wide(daily, "x_daily", "write_x_daily")
    out = pd.DataFrame({"Date": [f"{x:%Y-%m-%d}" for x in w.index]})
    for h in X_DAILY_COLUMNS[1:]:
        out[h] = int_text(w[h]).to_numpy() if h in w.columns else ("-" if h.startswith("promoted") else "0")
    imp = pd.to_numeric(out["impressions"], errors="coerce")
    out["engagement rate"] = (pd.to_numeric(out["engagements"], errors="coerce") / imp).where(imp > 0, 0).round(4)
    write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


def write_tiktok_overview(daily: pd.DataFrame, path, *, variant: str = "old") -> None:
    """TikTok Studio ``Overview.csv``: ``"October 1"`` days (``variant="2025"``: ``"1 October"`` and New followers)."""
    w = _wide(daily, "tiktok_overview", "write_tiktok_overview")
    cols = list(TIKTOK_OVERVIEW_COLUMNS[1:]) + (["New followers"] if variant == "2025" else [])
    out = pd.DataFrame({"Date": _yearless(w.index, day_first=variant == "2025")})
    for h in cols:
        out[h] = int_text(w[h], blank="0").to_numpy() if h in w.columns else "0"
    write_csv(out, path)


def write_tiktok_viewers(daily: pd.DataFrame, path) -> None:
    """TikTok Studio ``Viewers.csv`` (best guess of the layout)."""
    w = _wide(daily, "tiktok_viewers", "write_tiktok_viewers")
    out = pd.DataFrame({"Date": _yearless(w.index)})
    for h in TIKTOK_VIEWERS_COLUMNS[1:]:
        out[h] = int_text(w[h], blank="0").to_numpy() if h in w.columns else "0"
    write_csv(out, path)


def write_tiktok_follower_activity(activity: pd.DataFrame, path) -> None:
    """TikTok Studio ``FollowerActivity.csv`` from a ``follower_activity`` table: one row an hour (UTC), oldest
    first, days written ``"31 October"`` without a year, hours 0-23.

    Examples
    --------
    >>> import tempfile, os
    >>> a = pd.DataFrame({"hour": pd.to_datetime(["2026-10-31 13:00"], utc=True), "platform": "tiktok",
    ...                   "account": "kopisenja.id", "active_followers": [65.0]})
    >>> path = os.path.join(tempfile.mkdtemp(), "FollowerActivity_2026-10-31.csv")
    >>> write_tiktok_follower_activity(a, path)
    >>> open(path, encoding="utf-8-sig").read().splitlines()
    ['"Date","Hour","Active followers"', '"31 October","13","65"']
    """
    validate(activity, "follower_activity", func="write_tiktok_follower_activity")
    single_value(activity, "platform", "write_tiktok_follower_activity")
    a = activity.sort_values("hour")
    h = pd.to_datetime(a["hour"], utc=True).dt.tz_localize(None)
    out = pd.DataFrame({TIKTOK_ACTIVITY_COLUMNS[0]: _yearless(h.dt.normalize(), day_first=True),
                        TIKTOK_ACTIVITY_COLUMNS[1]: h.dt.hour.astype(str).to_numpy(),
                        TIKTOK_ACTIVITY_COLUMNS[2]: int_text(a["active_followers"], blank="0").to_numpy()})
    write_csv(out, path)


def write_youtube_totals(daily: pd.DataFrame, path) -> None:
    """YouTube Studio ``Totals.csv``: ``Date,Views`` (one row a day)."""
    w = _wide(daily, "youtube_totals", "write_youtube_totals")
    out = pd.DataFrame({"Date": [f"{x:%Y-%m-%d}" for x in w.index], "Views": int_text(w["Views"], blank="0").to_numpy()})
    write_csv(out, path, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)


def write_meta_video(video: pd.DataFrame, posts: pd.DataFrame, path, *, timezone: str = META_EXPORT_TIMEZONE) -> None:
    """Meta video-level export: one row a video of ``video`` (joined to ``posts`` for title, time, link).

    ``video`` needs ``duration_s`` beside the canonical columns (the video's length, for ``Duration (sec)``).
    """
    validate(video, "video", func="write_meta_video")
    p = posts.set_index("post_id")
    ids = video["post_id"].astype(str)
    n = len(video)
    blank = [""] * n
    page = single_value(video, "account", "write_meta_video")
    c = {"Video asset ID": [str(9900 * 10 ** 11 + i) for i in range(n)], "Post ID": ids.tolist(),
         "Page ID": [""] * n, "Page name": [page] * n, "Title": as_text(ids.map(p["caption"])).tolist(),
         "Description": blank, "Duration (sec)": int_text(video["duration_s"]).tolist(),
         "Publish time": local_text(ids.map(p["created_at"]), timezone, "%m/%d/%Y %H:%M").tolist(),
         "Permalink": as_text(ids.map(p["permalink"])).tolist(), "Post type": ["Videos"] * n,
         "Funded content status": ["Boosted" if x is True else "" for x in ids.map(p["paid"])] if "paid" in p
         else blank, "Date": ["Lifetime"] * n, "Views": int_text(video["views"]).tolist(),
         "Reach": int_text(ids.map(p["reach"])).tolist(), "3-second video views": int_text(video["views_3s"]).tolist(),
         "1-minute video views": int_text(video["views_1m"]).tolist(), "Seconds viewed": int_text(video["watch_time_s"]).tolist(),
         "Average Seconds viewed": int_text(video["avg_view_duration_s"]).tolist()}
    write_csv(pd.DataFrame({h: c[h] for h in META_VIDEO_COLUMNS}), path)


def write_meta_audience(audience: pd.DataFrame, path) -> None:
    """Meta ``Audience.csv``: age x gender (percent), top cities and countries, in ``sep=,`` sections (UTF-16)."""
    validate(audience, "audience", func="write_meta_audience")
    cells = audience[audience["dimension"] == "age_gender"]
    seg = cells["segment"].str.split("|", expand=True)
    grid = pd.DataFrame({"age": seg[0], "g": seg[1], "v": cells["share"] * 100}).pivot_table(
        index="age", columns="g", values="v", aggfunc="sum", sort=True)
    lines = ["sep=,", '"Age & gender"', '"Age","Women","Men"']
    lines += [f'"{a}","{r.get("female", 0):.1f}","{r.get("male", 0):.1f}"' for a, r in grid.iterrows()]
    for dim, title, head in (("city", "Top cities", "City"), ("country", "Top countries", "Country")):
        d = audience[audience["dimension"] == dim]
        lines += ["", f'"{title}"', f'"{head}","Value"']
        lines += [f'"{s}","{v * 100:.1f}"' for s, v in zip(d["segment"], d["share"])]
    with open(path, "w", encoding="utf-16", newline="") as fh:
        fh.write("\n".join(lines) + "\n")
