"""Video: watch time, average view duration and retention per format and theme.

Reads the canonical ``video`` table (post_id, platform, account, views, watch_time_s,
avg_view_duration_s, views_3s, views_1m, retention 0-1; optional ones NaN) that YouTube Studio,
Meta video and TikTok exports fill, joined to the posts for format and theme.

Examples
--------
>>> import pandas as pd
>>> video = pd.DataFrame({"post_id": ["a", "b"], "platform": "tiktok", "account": "k", "views": [100.0, 300.0],
...                       "watch_time_s": [1000.0, 1500.0], "retention": [0.5, 0.3]})
>>> video_summary(video, by=None, lang="en")[["n_videos", "views_total", "watch_time_h", "avg_view_duration_s"]]
   n_videos  views_total  watch_time_h  avg_view_duration_s
0         2        400.0      0.694444                 6.25
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import as_list, check_choice
from ..words import LANGS
from .metrics import METRICS
from ._common import num, require
from .stats import bootstrap_interval
from .verdicts import MIN_POSTS, posts_verdict, verdict_text

__all__ = ["video_summary"]


def video_summary(video: pd.DataFrame, posts: pd.DataFrame | None = None, *, by=("format",),
                  min_posts: int = MIN_POSTS, n_boot: int = 1000, seed: int = 0, lang: str = "id") -> pd.DataFrame:
    """Watch figures per group of videos.

    Parameters
    ----------
    video : DataFrame
        Canonical video table.
    posts : DataFrame, optional
        Canonical posts; ``format``/``theme`` (and any other ``by`` column) are taken from the
        post with the same ``platform`` and ``post_id``.
    by : str or list of str, optional
        Grouping (default the post format; ``None``: all videos).
    min_posts : int
        Groups with fewer videos get "not enough posts".
    n_boot, seed
        Bootstrap of the retention interval.
    lang : {"id", "en"}

    Returns
    -------
    DataFrame
        One row a group: ``by`` columns, ``n_videos``, ``views_total``, ``watch_time_h`` (total
        watch time in hours), ``avg_view_duration_s`` (total watch time / total views over the
        videos with both; else the mean of the exported average durations),
        ``views_3s_rate`` (3-second views / views, ratio of totals), ``retention_mean``,
        ``retention_ci_low``/``_high`` (bootstrap over videos), ``verdict_code``, ``verdict``.
    """
    check_choice("lang", lang, LANGS)
    keys = as_list(by)
    require(video, ["post_id", "platform"], func="video_summary", table="video")
    v = video.copy()
    if keys:
        missing = [k for k in keys if k not in v.columns]
        if missing:
            if posts is None:
                require(v, keys, func="video_summary", table="video")
            require(posts, ["post_id", "platform", *missing], func="video_summary")
            ref = posts[["post_id", "platform", *missing]].drop_duplicates(["platform", "post_id"])
            v = v.merge(ref, on=["platform", "post_id"], how="left")
        v[keys] = v[keys].astype(object).where(v[keys].notna(), "?")
    views, wt, avd = num(v, "views"), num(v, "watch_time_s"), num(v, "avg_view_duration_s")
    v3, ret = num(v, "views_3s"), num(v, "retention")
    both = ~np.isnan(views) & ~np.isnan(wt)
    frame = pd.DataFrame({"_views": views, "_wt": wt, "_wt_b": np.where(both, wt, np.nan),
                          "_views_b": np.where(both, views, np.nan), "_avd": avd,
                          "_v3": v3, "_views_3": np.where(~np.isnan(v3), views, np.nan), "retention": ret})
    for k in keys:
        frame[k] = v[k].to_numpy()
    g = frame.groupby(keys, sort=True, dropna=False) if keys else frame.groupby(np.zeros(len(frame), dtype=int))
    s = g.agg(n_videos=("_views", "size"), views_total=("_views", lambda x: x.sum(min_count=1)),
              wt=("_wt", lambda x: x.sum(min_count=1)), wt_b=("_wt_b", lambda x: x.sum(min_count=1)),
              views_b=("_views_b", lambda x: x.sum(min_count=1)), avd_mean=("_avd", "mean"),
              v3=("_v3", lambda x: x.sum(min_count=1)), views_3=("_views_3", lambda x: x.sum(min_count=1)),
              retention_mean=("retention", "mean"))
    s = s.reset_index(drop=not keys)
    ratio = pd.Series(METRICS["avg_view_duration_s"].ratio(s["wt_b"], s["views_b"]), index=s.index)
    rate3 = pd.Series(METRICS["views_3s_rate"].ratio(s["v3"], s["views_3"]), index=s.index)
    ci = bootstrap_interval(frame, by=keys or None, metric="retention", n_boot=n_boot, seed=seed)
    code = posts_verdict(s["n_videos"].to_numpy(), min_posts=min_posts)
    out = pd.DataFrame({**{k: s[k] for k in keys}, "n_videos": s["n_videos"].astype("int64"),
                        "views_total": s["views_total"], "watch_time_h": s["wt"] / 3600.0,
                        "avg_view_duration_s": ratio.where(ratio.notna(), s["avd_mean"]),
                        "views_3s_rate": rate3, "retention_mean": s["retention_mean"],
                        "retention_ci_low": ci["ci_low"].to_numpy(), "retention_ci_high": ci["ci_high"].to_numpy(),
                        "verdict_code": code, "verdict": verdict_text(code, lang)})
    return out.reset_index(drop=True)
