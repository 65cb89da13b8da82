"""Media KPIs of the profile (``kpi_targets``) against what the own accounts achieved.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": ["a", "b"], "platform": "instagram", "account": "kopisenja.id",
...     "created_at": pd.to_datetime(["2026-10-02", "2026-10-09"], utc=True),
...     "likes": [30.0, 50.0], "comments": 0.0, "shares": 0.0, "saves": 0.0, "reach": [1000.0, 1000.0]})
>>> kpi_check(posts, targets={"er_reach": 0.05}, own=["kopisenja.id"], period="2026-10", lang="en")[
...     ["kpi", "target", "actual", "n_posts", "verdict"]]
        kpi  target  actual  n_posts          verdict
0  er_reach    0.05    0.04        2  cannot tell yet
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._common import as_list, check_lang, in_period, period_bounds, require, resolve_timezone
from .aggregate import rate_parts, summary
from .metrics import RATE_METRICS, post_metrics
from .verdicts import MIN_POSTS, ratio_interval, target_verdict, verdict_text

__all__ = ["kpi_check", "MEDIA_KPIS"]

#: KPI names this layer can check (others, e.g. response_rate or share_of_voice, belong to other layers).
MEDIA_KPIS = (*RATE_METRICS, "posts_per_week", "follower_growth", "follower_growth_monthly")


def kpi_check(posts: pd.DataFrame, *, profile=None, targets: dict | None = None, own=None,
              followers: pd.DataFrame | None = None, period=None, engagement="platform",
              lang: str = "id", timezone: str | None = None, level: float = 0.95, n_boot: int = 1000,
              seed: int = 0, min_posts: int = MIN_POSTS) -> pd.DataFrame:
    """Compare the own accounts' media results with the KPI targets.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts (or :func:`post_metrics` output); only own accounts count.
    profile : Profile, optional
        Gives ``kpi_targets``, own accounts and timezone.
    targets : dict, optional
        KPI name -> target (overrides the profile's). Names in :data:`MEDIA_KPIS`
        are checked; others are left out (they belong to other layers).
    own : list of str, optional
        Own handles (added to the profile's; with neither, all posts count).
    followers : DataFrame, optional
        Daily followers, for ``er_followers`` and follower growth.
    period : tuple, dict or str, optional
        Local period measured (default: all posts). ``follower_growth_monthly``
        is the growth over the period scaled to 30 days.
    engagement : str, dict or list
        Engagement definition.
    lang : {"id", "en"}
        Language of ``verdict``.
    timezone : str, optional
    level, n_boot, seed
        Interval of the rates: seeded bootstrap over the own posts.
    min_posts : int
        A rate on fewer posts is "cannot tell yet".

    Returns
    -------
    DataFrame
        One row a KPI: ``kpi``, ``target``, ``actual`` (rates as ratio of
        totals over the own posts), ``ci_low``/``ci_high`` (interval of the
        rates; NaN for counts and follower growth, which have no sampling
        error), ``n_posts`` (posts behind a rate), ``met`` (True only when
        the verdict is on target, False when below, None otherwise),
        ``verdict_code`` (see :func:`~smanalysis.media.verdicts.target_verdict`:
        on_target, below_target, cannot_tell, no_data) and ``verdict`` (text
        in ``lang``).
    """
    check_lang(lang)
    require(posts, ["platform", "account", "created_at"], func="kpi_check")
    tz = resolve_timezone(timezone, profile)
    goals = dict(profile.kpi_targets) if profile is not None else {}
    goals.update(targets or {})
    goals = {k: float(v) for k, v in goals.items() if k in MEDIA_KPIS}
    handles = set(profile.brand_handles) if profile is not None else set()
    handles |= set(as_list(own))
    mine = posts[posts["account"].isin(handles)] if handles else posts
    if period is not None:
        mine = mine[in_period(mine["created_at"], period, tz)]
        start, end = period_bounds(period, tz)
        days = (end - start).total_seconds() / 86400
    else:
        t = pd.to_datetime(mine["created_at"], utc=True)
        days = (t.max() - t.min()).total_seconds() / 86400 + 1 if len(t) else np.nan
    rates = [k for k in goals if k in RATE_METRICS]
    s = summary(mine, by=None, metrics=rates or ["er_reach"], followers=followers, engagement=engagement,
                ci=None, timezone=tz)
    actual = {k: s[f"{k}_ratio_of_totals"].iloc[0] for k in rates}
    ci = {}
    if rates:
        pm = mine if all(k in mine.columns for k in rates) else post_metrics(mine, followers=followers,
                                                                             engagement=engagement, timezone=tz)
        for k in rates:
            lo, hi, n = ratio_interval(*rate_parts(pm, k), n_groups=1, level=level, n_boot=n_boot, seed=seed,
                                       name=f"kpi:{k}")
            ci[k] = (lo[0], hi[0], int(n[0]))
    if "posts_per_week" in goals:
        actual["posts_per_week"] = len(mine) / days * 7 if days and days > 0 else np.nan
    growth_keys = [k for k in goals if k.startswith("follower_growth")]
    if growth_keys:
        g = np.nan
        if followers is not None and len(followers):
            from .growth import period_growth

            f = followers[followers["account"].isin(handles)] if handles else followers
            if period is None and len(mine):
                t = pd.to_datetime(mine["created_at"], utc=True).dt.tz_convert(tz)
                span = (t.min().tz_localize(None), t.max().tz_localize(None))
            else:
                span = period
            if span is not None and len(f):
                g = period_growth(f, period=span, by=None)["follower_growth"].iloc[0]
        for k in growth_keys:
            actual[k] = g * 30 / days if k == "follower_growth_monthly" and days and days > 0 else g
    names = list(goals)
    act = np.array([actual.get(k, np.nan) for k in names], dtype="float64")
    low = np.array([ci.get(k, (np.nan,) * 3)[0] for k in names], dtype="float64")
    high = np.array([ci.get(k, (np.nan,) * 3)[1] for k in names], dtype="float64")
    n = np.array([ci.get(k, (np.nan, np.nan, np.nan))[2] for k in names], dtype="float64")
    tgt = np.array([goals[k] for k in names], dtype="float64")
    code = target_verdict(act, low, high, tgt, n=np.where(np.isnan(n), np.inf, n), min_posts=min_posts) \
        if names else np.array([], dtype=object)
    met = [True if c == "on_target" else False if c == "below_target" else None for c in code]
    cols = ["kpi", "target", "actual", "ci_low", "ci_high", "n_posts", "met", "verdict_code", "verdict"]
    return pd.DataFrame({"kpi": names, "target": tgt, "actual": act, "ci_low": low, "ci_high": high,
                         "n_posts": pd.array([None if np.isnan(v) else int(v) for v in n], dtype="Int64"),
                         "met": pd.Series(met, dtype=object), "verdict_code": pd.Series(code, dtype=object),
                         "verdict": verdict_text(code, lang) if names else []}, columns=cols)
