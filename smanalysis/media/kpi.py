"""Media KPIs of the profile (``kpi_targets``) against what the own accounts achieved.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": ["a", "b"], "platform": "instagram", "account": "kopisenja.id",
...     "created_at": pd.to_datetime(["2026-10-02", "2026-10-09"], utc=True),
...     "likes": [30.0, 50.0], "comments": 0.0, "shares": 0.0, "saves": 0.0, "reach": [1000.0, 1000.0]})
>>> kpi_check(posts, targets={"er_reach": 0.05}, own=["kopisenja.id"], period="2026-10", lang="en")[
...     ["kpi", "target", "actual", "met", "verdict"]]
        kpi  target  actual    met       verdict
0  er_reach    0.05    0.04  False  below target
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import check_choice
from ._common import as_list, in_period, period_bounds, require, resolve_timezone
from ..words import LANGS, text
from .aggregate import summary
from .metrics import RATE_METRICS

__all__ = ["kpi_check", "MEDIA_KPIS"]

#: KPI names this layer can check (others, e.g. response_rate or share_of_voice, belong to other layers).
MEDIA_KPIS = (*RATE_METRICS, "posts_per_week", "follower_growth", "follower_growth_monthly")

#: ``met`` -> the verdict's key in :mod:`smanalysis.words`
_VERDICT = {True: "kpi.verdict.met", False: "kpi.verdict.missed", None: "kpi.verdict.no_data"}


def kpi_check(posts: pd.DataFrame, *, profile=None, targets: dict | None = None, own=None,
              followers: pd.DataFrame | None = None, period=None, engagement="platform",
              lang: str = "id", timezone: str | None = None) -> pd.DataFrame:
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

    Returns
    -------
    DataFrame
        One row a KPI: ``kpi``, ``target``, ``actual`` (rates as ratio of
        totals over the own posts), ``met`` (True/False, or None when not
        measurable), ``verdict`` (text in ``lang``).
    """
    check_choice("lang", lang, LANGS)
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
    rows = []
    for k, target in goals.items():
        a = actual.get(k, np.nan)
        met = None if a is None or (isinstance(a, float) and np.isnan(a)) else bool(a >= target)
        rows.append({"kpi": k, "target": target, "actual": a, "met": met, "verdict": text(_VERDICT[met], lang)})
    return pd.DataFrame(rows, columns=["kpi", "target", "actual", "met", "verdict"])
