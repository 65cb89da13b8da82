"""KPIs: the profile's targets (``kpi_targets``) against what was achieved; the one KPI check.

:func:`kpi_table` judges any registry figure against its target (direction from
:data:`~smanalysis.media.METRICS`); the report's KPI table and :func:`kpi_check` (the media KPIs
of a posts table, for notebooks) both call it. ``follower_growth_monthly`` is defined once, in
the registry: net new followers / followers at period start x 30 / days in the period.

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

from .._checks import as_list, check_choice
from ..schema import resolve_timezone
from ._common import in_period, period_bounds, require
from ..words import LANGS
from .metrics import METRICS, RATE_METRICS, Columns, resolve_metric
from .posts import post_metrics
from .verdicts import MIN_POSTS, ratio_interval, target_verdict, verdict_text

__all__ = ["kpi_check", "kpi_table", "kpi_status", "MEDIA_KPIS"]

#: KPI names :func:`kpi_check` measures from posts and followers (others, e.g. response_rate or
#: share_of_voice, come from other layers through :func:`kpi_table`).
MEDIA_KPIS = (*RATE_METRICS, "n_posts", "posts_per_week", "follower_growth", "follower_growth_monthly")

def kpi_status(value, target, name: str):
    """True when ``value`` meets ``target``: at least the target, or at most it for a registry metric
    whose ``higher_is_better`` is False; None when either is missing.

    >>> kpi_status(0.06, 0.05, "er_reach"), kpi_status(75, 60, "median_response_minutes")
    (True, False)
    """
    if value is None or target is None or pd.isna(value) or pd.isna(target):
        return None
    m = resolve_metric(name)
    lower = m is not None and not m.higher_is_better
    return bool(value <= target) if lower else bool(value >= target)


def kpi_table(actual: dict, targets: dict, *, previous: dict | None = None, intervals: dict | None = None,
              min_posts: int = MIN_POSTS, lang: str = "id") -> pd.DataFrame:
    """Each target against the figure of the same registry name (aliases such as ``response_rate``
    resolved), judged by :func:`~smanalysis.media.verdicts.target_verdict`: a figure with an
    interval is on target only when the whole interval is.

    Parameters
    ----------
    actual, previous : dict
        Registry name -> value of this (and the previous) period.
    targets : dict
        KPI name (as in the profile) -> target.
    intervals : dict, optional
        Registry name -> ``(ci_low, ci_high, n_posts)`` of this period's figure (rates of posts);
        figures without one (counts, growth) are judged by their value.
    min_posts : int
        A figure with an interval resting on fewer posts is "cannot tell yet".
    lang : {"id", "en"}
        Language of ``verdict``.

    Returns
    -------
    DataFrame
        One row a target: ``kpi`` (as given), ``metric`` (registry name), ``target``, ``actual``,
        ``ci_low``, ``ci_high``, ``n_posts`` (NaN without an interval), ``previous``, ``met`` (True
        on target, False below/above it, None when one cannot tell or measure), ``verdict_code``
        and ``verdict``.

    Examples
    --------
    >>> kpi_table({"median_response_minutes": 45.0}, {"median_minutes": 60}, lang="en")[
    ...     ["kpi", "metric", "actual", "met", "verdict"]]
                  kpi                   metric  actual   met    verdict
    0  median_minutes  median_response_minutes    45.0  True  on target
    """
    check_choice("lang", lang, LANGS)
    previous, intervals = previous or {}, intervals or {}
    rows = []
    for name, target in (targets or {}).items():
        m = resolve_metric(name)
        key = m.name if m is not None else name
        a, p = actual.get(key, np.nan), previous.get(key, np.nan)
        lo, hi, n = intervals.get(key, (np.nan, np.nan, np.nan))
        lower = m is not None and not m.higher_is_better
        code = target_verdict(a, lo, hi, float(target), lower_is_better=lower,
                              n=None if pd.isna(n) else n, min_posts=min_posts)[0]
        met = True if code == "on_target" else False if code in ("below_target", "above_target") else None
        rows.append({"kpi": name, "metric": key, "target": float(target), "actual": a, "ci_low": lo, "ci_high": hi,
                     "n_posts": n, "previous": p, "met": met, "verdict_code": code,
                     "verdict": verdict_text([code], lang)[0]})
    out = pd.DataFrame(rows, columns=["kpi", "metric", "target", "actual", "ci_low", "ci_high", "n_posts",
                                      "previous", "met", "verdict_code", "verdict"])
    out["n_posts"] = pd.array([None if pd.isna(v) else int(v) for v in out["n_posts"]], dtype="Int64")
    return out


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
        Local period measured (default: the local days from the first to the last post).
    engagement : str, dict or list
        Engagement definition.
    lang : {"id", "en"}
        Language of ``verdict``.
    timezone : str, optional
    level, n_boot, seed
        Interval of the rates: seeded bootstrap over the own posts (ratio of totals).
    min_posts : int
        A rate on fewer posts is "cannot tell yet".

    Returns
    -------
    DataFrame
        As :func:`kpi_table` (``actual``: rates as ratio of totals over the own posts, with
        their interval).
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
    if period is None and len(mine):
        t = pd.to_datetime(mine["created_at"], utc=True).dt.tz_convert(tz).dt.tz_localize(None).dt.normalize()
        period = (t.min(), t.max())
    actual: dict[str, float] = {}
    if period is not None:
        mine = mine[in_period(mine["created_at"], period, tz)]
        start, end = period_bounds(period, tz)
        days = (end - start) / pd.Timedelta(days=1)
        actual["posts_per_week"] = METRICS["posts_per_week"].value(pd.DataFrame({"n_posts": [len(mine)],
                                                                                 "days": [days]}))
    pm = mine if "engagements" in mine.columns else post_metrics(mine, followers=followers, engagement=engagement,
                                                                  timezone=tz)
    intervals = {}
    cols = Columns(pm)
    for k in goals:
        if k in RATE_METRICS or k == "n_posts":
            actual[k] = METRICS[k].value(pm, quiet=True)
        if k in RATE_METRICS:
            numer, denom = METRICS[k].parts(cols)
            lo, hi, n = ratio_interval(numer * METRICS[k].scale, denom, n_groups=1, level=level, n_boot=n_boot,
                                       seed=seed, name=f"kpi:{k}")
            intervals[k] = (lo[0], hi[0], float(n[0]))
    if any(k.startswith("follower_growth") for k in goals) and followers is not None and len(followers) \
            and period is not None:
        from .growth import period_growth

        f = followers[followers["account"].isin(handles)] if handles else followers
        if len(f):
            g = period_growth(f, period=period, by=None).iloc[0]
            actual.update(follower_growth=g["follower_growth"], follower_growth_monthly=g["follower_growth_monthly"])
    return kpi_table(actual, goals, intervals=intervals, min_posts=min_posts, lang=lang)
