"""Own accounts against competitors: frequency, mix, engagement and growth.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": list("abc"), "platform": "instagram",
...     "account": ["kopisenja.id", "kopisenja.id", "kopipagi.jogja"], "format": ["reel", "photo", "reel"],
...     "created_at": pd.to_datetime(["2026-10-01", "2026-10-07", "2026-10-14"], utc=True),
...     "likes": [10.0, 20.0, 30.0], "comments": 0.0, "shares": 0.0, "followers_at_post": [100.0, 100.0, 300.0]})
>>> b = benchmark(posts, own=["kopisenja.id"], competitors={"kopipagi.jogja": "Kopi Pagi"}, ci=None)
>>> b[["account", "role", "n_posts", "posts_per_week"]]
          account        role  n_posts  posts_per_week
0    kopisenja.id         own        2             1.0
1  kopipagi.jogja  competitor        1             0.5
>>> b["er_followers_ratio_of_totals"].tolist()
[0.15, 0.1]
>>> b["format_mix"].tolist()
['photo 50%, reel 50%', 'reel 100%']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ratios import share_of_total
from .._checks import as_list
from ..schema import resolve_timezone
from ._common import in_period, local_days, period_bounds, require
from .aggregate import summary
from .metrics import METRICS, REPORT_RATES
from .posts import post_metrics

__all__ = ["benchmark", "mix"]

_ROLES = ("own", "competitor", "other")


def mix(posts: pd.DataFrame, *, by="account", of: str = "format") -> pd.DataFrame:
    """Share of posts of each ``of`` value within each ``by`` group (format or theme mix).

    Parameters
    ----------
    posts : DataFrame
        Posts with ``by`` and ``of`` columns.
    by : str or list of str, optional
        Groups (default ``"account"``); ``None`` for all posts.
    of : str
        Column whose mix is measured (e.g. ``"format"``, ``"theme"``,
        ``"content_type"``); missing values count as ``"(none)"``.

    Returns
    -------
    DataFrame
        ``by`` columns, ``of`` column, ``n_posts`` and ``share`` (of the
        group's posts, a ratio), largest share first within each group.

    Examples
    --------
    >>> import pandas as pd
    >>> mix(pd.DataFrame({"account": ["a", "a", "a"], "format": ["reel", "reel", "photo"]})).round(3)
      account format  n_posts  share
    0       a   reel        2  0.667
    1       a  photo        1  0.333
    """
    keys = as_list(by)
    require(posts, [*keys, of], func="mix")
    frame = posts[[*keys]].assign(**{of: posts[of].astype(object).where(posts[of].notna(), "(none)")})
    counts = frame.groupby([*keys, of], dropna=False).size().rename("n_posts").reset_index()
    counts["share"] = share_of_total(counts["n_posts"], [counts[k] for k in keys] or None, func="mix")
    return counts.sort_values([*keys, "n_posts", of], ascending=[True] * len(keys) + [False, True],
                              kind="stable").reset_index(drop=True)


def _mix_text(posts, keys, of):
    if of not in posts.columns:
        return None
    m = mix(posts, by=keys, of=of)
    m = m.assign(_t=m[of].astype(str) + " " + (m["share"] * 100).round().astype(int).astype(str) + "%")
    top = m.groupby(keys, dropna=False, sort=False).head(1).set_index(keys)[of].rename(f"top_{of}")
    text = m.groupby(keys, dropna=False, sort=False).head(3).groupby(keys, dropna=False, sort=False)["_t"].agg(
        ", ".join).rename(f"{of}_mix")
    return pd.concat([top, text], axis=1).reset_index()


def _roles(accounts: pd.Series, profile, own, competitors):
    own_set = set(profile.brand_handles) if profile is not None else set()
    comp = dict(profile.competitor_handles) if profile is not None else {}
    own_set |= {str(h).lstrip("@") for h in as_list(own)}
    if isinstance(competitors, dict):
        comp.update({str(h).lstrip("@"): str(v) for h, v in competitors.items()})
    else:
        comp.update({str(h).lstrip("@"): str(h).lstrip("@") for h in as_list(competitors)})
    acc = accounts.astype(object)
    role = np.where(acc.isin(own_set), "own", np.where(acc.isin(list(comp)), "competitor", "other"))
    own_name = profile.business_name if profile is not None else None
    brand = np.where(role == "own", own_name, acc.map(comp).to_numpy())
    return role, brand


def benchmark(posts: pd.DataFrame, *, profile=None, own=None, competitors=None,
              followers: pd.DataFrame | None = None, period=None, by=("platform", "account"),
              engagement="interactions", metrics=REPORT_RATES,
              ci: float | None = 0.95, n_boot: int = 1000, seed: int = 0, timezone: str | None = None,
              account_followers: dict | None = None) -> pd.DataFrame:
    """Compare own accounts with competitors: posting frequency, format/theme mix, engagement, growth.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts of own and competitor accounts (``platform``,
        ``account``, ``created_at``).
    profile : Profile, optional
        Own accounts and competitors (and the timezone) come from it.
    own : list of str, optional
        Extra own handles.
    competitors : list of str or dict, optional
        Extra competitor handles, or handle -> competitor name.
    followers : DataFrame, optional
        Daily followers; adds growth over the period (or the posts' span).
    period : tuple, dict or str, optional
        Restrict to this local period; it also sets the weeks for
        ``posts_per_week`` (else the span of all posts).
    by : str or list of str
        One row per these keys (default platform and account).
    engagement : str, dict or list
        Engagement definition; default ``"interactions"`` (likes + comments +
        shares), the only one competitors' public counts allow.
    metrics : list of str
        Rates reported (see :func:`summary`); default the registry's :data:`REPORT_RATES` (the posts
        rates the report compares).
    ci, n_boot, seed
        Bootstrap interval options (``ci=None`` to skip).
    timezone : str, optional
    account_followers : dict, optional
        Handle -> followers, for accounts whose export has no follower count
        (competitors' public posts): fills ``followers_at_post`` where it is
        missing, so that ``er_followers`` can be compared.

    Returns
    -------
    DataFrame
        One row a group, own accounts first: ``by`` columns, ``role``
        ("own" | "competitor" | "other", when ``account`` is a key),
        ``brand`` (business or competitor name), ``n_posts``,
        ``posts_per_week``, ``engagements_median``, ``engagements_mean``, for each rate
        ``<rate>_mean_of_posts``, ``<rate>_ratio_of_totals`` (and
        ``_ci_low``/``_ci_high``), ``followers_at_publish_median``,
        ``top_format``/``format_mix`` and ``top_theme``/``theme_mix``
        (e.g. "reel 50%, photo 30%, carousel 20%") where the columns exist,
        and with ``followers``: ``followers_start``, ``followers_end``,
        ``net_new_followers``, ``follower_growth``.
    """
    keys = as_list(by)
    tz = resolve_timezone(timezone, profile)
    require(posts, ["platform", "created_at", *keys], func="benchmark")
    if period is not None:
        posts = posts[in_period(posts["created_at"], period, tz)]
        start, end = period_bounds(period, tz)
        days = (end - start).total_seconds() / 86400
    else:
        d = local_days(posts["created_at"], tz)
        d = d[d > -(2**40)]
        days = float(d.max() - d.min() + 1) if len(d) else np.nan
    if account_followers:
        known = posts["account"].astype(object).map({str(k).lstrip("@"): float(v) for k, v in
                                                     account_followers.items()})
        current = posts["followers_at_post"] if "followers_at_post" in posts.columns else np.nan
        posts = posts.assign(followers_at_post=pd.Series(current, index=posts.index).fillna(known))
    pm = post_metrics(posts, followers=followers, engagement=engagement, timezone=tz)
    s = summary(pm, by=keys, metrics=list(metrics), ci=ci, n_boot=n_boot, seed=seed, timezone=tz)
    cols = [*keys, "n_posts"]
    s["posts_per_week"] = METRICS["posts_per_week"].ratio(s["n_posts"], np.full(len(s), days, dtype="float64"))
    cols.append("posts_per_week")
    cols += [c for c in ("engagements_median", "engagements_mean") if c in s.columns]
    for r in metrics:
        cols += [f"{r}_mean_of_posts", f"{r}_ratio_of_totals"]
        if ci is not None:
            cols += [f"{r}_ci_low", f"{r}_ci_high"]
    fol = pm.groupby(keys, dropna=False, sort=True)["followers_at_publish"].median().rename(
        "followers_at_publish_median").reset_index()
    res = s[cols].merge(fol, on=keys, how="left")
    for of in ("format", "theme"):
        t = _mix_text(pm, keys, of)
        if t is not None:
            res = res.merge(t, on=keys, how="left")
    if followers is not None and set(keys) <= {"platform", "account"} and len(posts):
        from .growth import period_growth

        if period is None:
            d = local_days(posts["created_at"], tz)
            d = d[d > -(2**40)]
            lo = pd.Timestamp(int(d.min()) * 86400, unit="s")
            hi = pd.Timestamp(int(d.max()) * 86400, unit="s")
            span = (lo, hi)
        else:
            span = period
        g = period_growth(followers, period=span, by=keys)
        res = res.merge(g, on=keys, how="left")
    if "account" in keys:
        role, brand = _roles(res["account"], profile, own, competitors)
        res.insert(len(keys), "role", role)
        res.insert(len(keys) + 1, "brand", brand)
        order = pd.Categorical(res["role"], categories=list(_ROLES), ordered=True)
        res = res.assign(_r=order).sort_values(["_r", *keys], kind="stable").drop(columns="_r")
    return res.reset_index(drop=True)
