"""The sample's account-level, audience and video files (one file of each such layout).

Derived from the generated posts and followers with a random generator of their own, so the
planted story (``truth.yaml``) does not move: Meta daily reach (two platform sections, tab
separated), X daily activity, TikTok Overview (2025 variant), Viewers and FollowerActivity (the last
7 days by hour), the Meta video-level export of the Facebook videos, and the Instagram audience (age x
gender, cities, countries).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..io import writers_daily as WD
from ._posts import DAYS, OWN, TZ

__all__ = ["boosted", "extra_tables", "write_extra"]

AGE = {"13-17": 4.0, "18-24": 38.0, "25-34": 35.0, "35-44": 14.0, "45-54": 6.0, "55-64": 2.0, "65+": 1.0}
FEMALE = {"13-17": 0.55, "18-24": 0.58, "25-34": 0.55, "35-44": 0.5, "45-54": 0.45, "55-64": 0.45, "65+": 0.4}
CITIES = {"Yogyakarta, Yogyakarta": 41.2, "Sleman, Yogyakarta": 22.4, "Bantul, Yogyakarta": 8.9,
          "Jakarta, Jakarta": 6.1, "Surabaya, Jawa Timur": 2.7}
COUNTRIES = {"Indonesia": 97.8, "Malaysia": 0.8, "Singapore": 0.4}


def boosted(posts: pd.DataFrame, seed: int) -> pd.Series:
    """The ``paid`` flag of the own posts: half of the Facebook promo posts, the ones that reached most
    (a boost buys reach); False for other Facebook posts; missing elsewhere (those exports do not say)."""
    paid = pd.Series(pd.NA, index=posts.index, dtype="boolean")
    fb = posts["platform"] == "facebook"
    paid[fb] = False
    promo = fb & (posts.get("content_type", pd.Series("", index=posts.index)) == "promo")
    if promo.any():
        top = posts.loc[promo, "reach"].rank(ascending=False, method="first") <= max(1, int(promo.sum() / 2))
        paid[top[top].index] = True
    return paid


def _local_day(ts):
    return ts.dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()


def extra_tables(t: dict, seed: int) -> dict:
    """``account_daily`` per file, ``video`` and ``audience`` frames for the sample's extra files."""
    rng = np.random.default_rng(seed + 909)
    posts = t["posts"]
    day = _local_day(posts["created_at"])
    fol = t["followers"]
    out = {}

    def series(platform, metrics: dict):
        rows = [pd.DataFrame({"date": DAYS, "platform": platform, "account": OWN[platform], "metric": m,
                              "value": np.asarray(v, dtype=float)}) for m, v in metrics.items()]
        return pd.concat(rows, ignore_index=True)

    def per_day(platform, col, factor=1.0):
        p = posts[posts["platform"] == platform]
        s = p.groupby(day[p.index])[col].sum() if len(p) else pd.Series(dtype=float)
        return (s.reindex(DAYS).fillna(0) * factor).round().to_numpy()

    def gained(platform):
        f = fol[fol["platform"] == platform].set_index("date")["followers"].reindex(DAYS)
        return f.diff().clip(lower=0).fillna(0).to_numpy()

    n = len(DAYS)
    out["meta_reach"] = pd.concat([
        series("facebook", {"reach": per_day("facebook", "reach", 0.7) + rng.poisson(60, n)}),
        series("instagram", {"reach": per_day("instagram", "reach", 0.7) + rng.poisson(140, n)}),
    ], ignore_index=True)
    xs = posts[posts["platform"] == "x"]
    out["x_daily"] = series("x", {
        "posts_published": xs.groupby(day[xs.index]).size().reindex(DAYS).fillna(0).to_numpy(),
        "impressions": per_day("x", "impressions") + rng.poisson(40, n),
        "engagements": per_day("x", "likes") + per_day("x", "comments") + per_day("x", "shares"),
        "likes": per_day("x", "likes"), "comments": per_day("x", "comments"), "shares": per_day("x", "shares"),
        "profile_views": rng.poisson(3, n), "link_clicks": rng.poisson(1, n), "followers_gained": gained("x")})
    views = per_day("tiktok", "views", 0.35) + rng.poisson(90, n)
    out["tiktok_overview"] = series("tiktok", {
        "views": views, "profile_views": np.round(views * 0.02), "likes": per_day("tiktok", "likes", 0.35),
        "comments": per_day("tiktok", "comments", 0.35), "shares": per_day("tiktok", "shares", 0.35),
        "followers_gained": gained("tiktok")})
    viewers = np.round(views * rng.uniform(0.55, 0.7, n))
    new = np.round(viewers * rng.uniform(0.7, 0.85, n))
    out["tiktok_viewers"] = series("tiktok", {"viewers": viewers, "new_viewers": new, "returning_viewers": viewers - new})
    hours = pd.date_range("2026-10-24", periods=7 * 24, freq="h", tz="UTC")  # the 7 full days before the export
    local = hours.tz_convert(TZ).hour.to_numpy()  # followers are most active around 20:00 in Jogja
    act = np.round(np.clip(180 - 14 * np.minimum(abs(local - 20), 24 - abs(local - 20)), 8, None)
                   * np.random.default_rng(seed + 919).uniform(0.85, 1.15, len(hours)))  # own draws: nothing else moves
    out["follower_activity"] = pd.DataFrame({"hour": hours, "platform": "tiktok", "account": OWN["tiktok"],
                                             "active_followers": act})
    vids = posts[(posts["platform"] == "facebook") & posts["format"].isin(["video", "reel"])]
    dur = rng.integers(15, 120, len(vids)).astype(float)
    avg = np.round(dur * rng.uniform(0.2, 0.6, len(vids)))
    v = vids["views"].fillna(vids["reach"]).to_numpy(dtype=float)
    out["video"] = pd.DataFrame({
        "post_id": vids["post_id"].to_numpy(), "platform": "facebook", "account": OWN["facebook"], "views": v,
        "watch_time_s": v * avg, "avg_view_duration_s": avg, "views_3s": np.round(v * rng.uniform(0.45, 0.65, len(v))),
        "views_1m": np.where(dur >= 60, np.round(v * 0.06), 0.0), "retention": avg / dur, "duration_s": dur})
    rows = []
    for age, share in AGE.items():
        rows.append(("age_gender", f"{age}|female", share * FEMALE[age] / 100))
        rows.append(("age_gender", f"{age}|male", share * (1 - FEMALE[age]) / 100))
    rows += [("city", k, v / 100) for k, v in CITIES.items()] + [("country", k, v / 100) for k, v in COUNTRIES.items()]
    out["audience"] = pd.DataFrame(rows, columns=["dimension", "segment", "share"]).assign(
        platform="instagram", account=OWN["instagram"])
    return out


def write_extra(t: dict, ex, seed: int, w) -> None:
    """Write the extra files into the exports folder ``ex`` with the sample's writer callback ``w``."""
    e = extra_tables(t, seed)
    w(WD.write_meta_daily_sections, e["meta_reach"], "meta_reach_daily.csv",
      titles={"facebook": "Facebook reach", "instagram": "Instagram reach"}, sep="\t")
    oct_ = e["x_daily"][e["x_daily"]["date"] >= pd.Timestamp("2026-10-01")]
    w(WD.write_x_daily, oct_, f"daily_tweet_activity_metrics_{OWN['x']}_20261001_20261101_en.csv")
    w(WD.write_tiktok_overview, e["tiktok_overview"], "Overview_2026-10-31.csv", variant="2025")
    w(WD.write_tiktok_viewers, e["tiktok_viewers"], "Viewers_2026-10-31.csv")
    w(WD.write_tiktok_follower_activity, e["follower_activity"], "FollowerActivity_2026-10-31.csv")
    w(lambda frame, path: WD.write_meta_video(frame, t["posts"], path), e["video"], "facebook_videos.csv")
    w(WD.write_meta_audience, e["audience"], "instagram_audience.csv")
