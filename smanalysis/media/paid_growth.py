"""Follower growth split by paid vs organic, as far as the exports allow.

Platforms count followers per account and day, never per post: no export says which post
brought a follower. What the data allows is a split of the DAYS: each day of a platform is a
"paid" day (at least one boosted post), an "organic" day (posts, none boosted), a day without
posts, or a day whose posts have no paid flag ("unknown"). :func:`follower_days` builds the
days, :func:`follower_growth_by_paid` compares the new followers per day of paid and organic
days with a Welch t interval. This is an association of days, not an attribution: a boost can
bring followers on later days, and owners may boost on days that were busy anyway.

Daily new followers come from the daily follower counts (net change from the day before;
a day after a gap in the series is left out), else from the ``account_daily`` metric
``followers_gained``.

Examples
--------
>>> import pandas as pd
>>> fol = pd.DataFrame({"date": pd.date_range("2026-10-01", periods=4), "platform": "facebook",
...                     "account": "k", "followers": [100.0, 110.0, 112.0, 113.0]})
>>> posts = pd.DataFrame({"platform": "facebook", "account": "k", "paid": [True, False],
...     "created_at": pd.to_datetime(["2026-10-02 03:00", "2026-10-03 03:00"], utc=True)})
>>> follower_days(posts, followers=fol)[["date", "day_type", "followers_gained"]]
        date  day_type  followers_gained
0 2026-10-02      paid              10.0
1 2026-10-03   organic               2.0
2 2026-10-04  no_posts               1.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import check_choice
from ..schema import DEFAULT_TIMEZONE
from ..words import LANGS, text
from ._common import local_days, num, period_bounds, require, warn
from .paid import paid_status
from .verdicts import MIN_POSTS

__all__ = ["DAY_TYPES", "follower_days", "follower_growth_by_paid"]

#: Kinds of days, in table order.
DAY_TYPES = ("paid", "organic", "no_posts", "unknown")
_EPOCH = pd.Timestamp("1970-01-01")


def _gains_from_counts(followers: pd.DataFrame) -> pd.DataFrame:
    date = pd.to_datetime(followers["date"], errors="coerce")
    if isinstance(date.dtype, pd.DatetimeTZDtype):
        date = date.dt.tz_localize(None)
    f = pd.DataFrame({"platform": followers["platform"].to_numpy(), "date": date.dt.normalize().to_numpy(),
                      "followers": num(followers, "followers")})
    f = f[f["followers"].notna() & f["date"].notna()]
    # several accounts of a platform (or several rows a day): the day's total of each platform's last counts
    f = f.groupby(["platform", "date"], sort=True)["followers"].sum().reset_index()
    prev_day = f.groupby("platform")["date"].shift()
    gained = f["followers"] - f.groupby("platform")["followers"].shift()
    ok = (f["date"] - prev_day) == pd.Timedelta(days=1)
    return f.assign(followers_gained=gained.where(ok), source="followers")[ok][
        ["platform", "date", "followers_gained", "source"]]


def _gains_from_daily(daily: pd.DataFrame) -> pd.DataFrame:
    d = daily[daily["metric"].astype(str) == "followers_gained"]
    date = pd.to_datetime(d["date"], errors="coerce")
    if isinstance(date.dtype, pd.DatetimeTZDtype):
        date = date.dt.tz_localize(None)
    out = pd.DataFrame({"platform": d["platform"].to_numpy(), "date": date.dt.normalize().to_numpy(),
                        "followers_gained": num(d, "value")})
    out = out[out["date"].notna() & out["followers_gained"].notna()]
    return out.groupby(["platform", "date"], sort=True)["followers_gained"].sum().reset_index().assign(
        source="account_daily")


def follower_days(posts: pd.DataFrame, *, followers: pd.DataFrame | None = None,
                  account_daily: pd.DataFrame | None = None, period=None,
                  timezone: str | None = None) -> pd.DataFrame:
    """One row a platform-day with its new followers and the kind of day (paid, organic, no posts).

    Parameters
    ----------
    posts : DataFrame
        The business's own posts (``platform``, ``created_at``, ``paid`` optional).
    followers : DataFrame, optional
        Canonical daily follower counts; a platform with counts uses them.
    account_daily : DataFrame, optional
        Canonical ``account_daily``; its ``followers_gained`` serves platforms without counts.
    period : tuple, dict or str, optional
        Keep the days of this local period (``"YYYY-MM"``, ``(start, end)``).
    timezone : str, optional
        Posts are put on their local day (default Asia/Jakarta).

    Returns
    -------
    DataFrame
        ``platform``, ``date`` (naive local day), ``day_type`` (one of :data:`DAY_TYPES`),
        ``n_posts``, ``n_paid``, ``followers_gained`` (net new followers that day) and ``source``
        (``"followers"`` or ``"account_daily"``).
    """
    require(posts, ["platform", "created_at"], func="follower_days")
    parts = []
    if followers is not None and len(followers):
        require(followers, ["date", "platform", "followers"], func="follower_days", table="followers")
        parts.append(_gains_from_counts(followers))
    if account_daily is not None and len(account_daily):
        require(account_daily, ["date", "platform", "metric", "value"], func="follower_days", table="account_daily")
        daily = _gains_from_daily(account_daily)
        have = set(parts[0]["platform"]) if parts else set()
        parts.append(daily[~daily["platform"].isin(have)])
    cols = ["platform", "date", "day_type", "n_posts", "n_paid", "followers_gained", "source"]
    if not parts:
        return pd.DataFrame(columns=cols)
    days = pd.concat(parts, ignore_index=True)
    tz = timezone or DEFAULT_TIMEZONE
    status = paid_status(posts).to_numpy()
    day = _EPOCH + pd.to_timedelta(local_days(posts["created_at"], tz), unit="D")
    p = pd.DataFrame({"platform": posts["platform"].to_numpy(), "date": np.asarray(day, dtype="datetime64[ns]"),
                      "paid": (status == "paid").astype(int), "unknown": (status == "unknown").astype(int)})
    per = p.groupby(["platform", "date"]).agg(n_posts=("paid", "size"), n_paid=("paid", "sum"),
                                              n_unknown=("unknown", "sum")).reset_index()
    days = days.merge(per, on=["platform", "date"], how="left")
    n_posts = days["n_posts"].fillna(0).astype("int64")
    n_paid = days["n_paid"].fillna(0).astype("int64")
    kind = np.where(n_paid > 0, "paid", np.where(n_posts == 0, "no_posts",
                                                 np.where(days["n_unknown"].fillna(0) > 0, "unknown", "organic")))
    days = days.assign(day_type=kind, n_posts=n_posts, n_paid=n_paid)
    if period is not None:
        start, end = period_bounds(period, "UTC")
        days = days[(days["date"] >= start.tz_localize(None)) & (days["date"] < end.tz_localize(None))]
    return days[cols].sort_values(["platform", "date"], kind="stable").reset_index(drop=True)


def _t_half(var_n: np.ndarray, dof: np.ndarray, level: float) -> np.ndarray:
    from scipy.special import stdtrit  # Student t quantile (scipy.stats' t.ppf) without importing scipy.stats

    with np.errstate(invalid="ignore"):
        return stdtrit(dof, 0.5 + level / 2) * np.sqrt(var_n)


def follower_growth_by_paid(posts: pd.DataFrame, *, followers: pd.DataFrame | None = None,
                            account_daily: pd.DataFrame | None = None, period=None, min_days: int = MIN_POSTS,
                            level: float = 0.95, lang: str = "id", timezone: str | None = None) -> pd.DataFrame:
    """New followers per day on paid days, organic days and days without posts, per platform.

    Parameters
    ----------
    posts, followers, account_daily, period, timezone
        As in :func:`follower_days`.
    min_days : int
        Fewer days of a kind -> "not enough days" and no interval.
    level : float
        Interval level.
    lang : {"id", "en"}

    Returns
    -------
    DataFrame
        One row a platform and kind of day present: ``platform``, ``day_type``, ``day_label``,
        ``n_days``, ``n_posts``, ``followers_gained`` (total), ``per_day`` (mean new followers per
        day), ``ci_low``, ``ci_high`` (t interval of the mean), ``verdict`` (enough / not enough
        days); on the ``"paid"`` row also ``extra_per_day`` (paid days - organic days),
        ``extra_ci_low``, ``extra_ci_high`` (Welch t interval), ``effect_code`` (``boost_more``,
        ``boost_less``, ``cannot_tell`` or ``too_few_boosted``) and ``effect`` (words).
        Empty, with a warning, when there is no daily follower series.

    Examples
    --------
    >>> import pandas as pd
    >>> fol = pd.DataFrame({"date": pd.date_range("2026-10-01", periods=5), "platform": "x", "account": "k",
    ...                     "followers": [100.0, 104.0, 106.0, 110.0, 112.0]})
    >>> posts = pd.DataFrame({"platform": "x", "paid": [True, False, True, False],
    ...     "created_at": pd.to_datetime(["2026-10-02 03:00", "2026-10-03 03:00", "2026-10-04 03:00",
    ...                                   "2026-10-05 03:00"], utc=True)})
    >>> follower_growth_by_paid(posts, followers=fol, min_days=2, lang="en")[["day_type", "n_days", "per_day"]]
      day_type  n_days  per_day
    0     paid       2      4.0
    1  organic       2      2.0
    """
    check_choice("lang", lang, LANGS)
    days = follower_days(posts, followers=followers, account_daily=account_daily, period=period, timezone=timezone)
    cols = ["platform", "day_type", "day_label", "n_days", "n_posts", "followers_gained", "per_day", "ci_low",
            "ci_high", "verdict", "extra_per_day", "extra_ci_low", "extra_ci_high", "effect_code", "effect"]
    if days.empty:
        warn("follower_growth_by_paid: no daily follower counts or followers_gained; follower growth cannot be "
             "split by paid vs organic days.")
        return pd.DataFrame(columns=cols)
    g = days.groupby(["platform", "day_type"], sort=False)
    t = g.agg(n_days=("followers_gained", "size"), n_posts=("n_posts", "sum"),
              followers_gained=("followers_gained", "sum"), per_day=("followers_gained", "mean"),
              var=("followers_gained", "var")).reset_index()
    t["day_type"] = pd.Categorical(t["day_type"], DAY_TYPES, ordered=True)
    t = t.sort_values(["platform", "day_type"]).reset_index(drop=True)
    t["day_type"] = t["day_type"].astype(str)
    enough = t["n_days"].to_numpy() >= min_days
    half = _t_half(t["var"].to_numpy() / t["n_days"].to_numpy(), t["n_days"].to_numpy() - 1.0, level)
    t["ci_low"] = np.where(enough, t["per_day"] - half, np.nan)
    t["ci_high"] = np.where(enough, t["per_day"] + half, np.nan)
    t["day_label"] = [text(f"paid.day.{k}", lang) for k in t["day_type"]]
    t["verdict"] = [text("verdict.enough_days" if e else "verdict.not_enough_days", lang, n=min_days)
                    for e in enough]
    for c in ("extra_per_day", "extra_ci_low", "extra_ci_high"):
        t[c] = np.nan
    t["effect_code"], t["effect"] = None, None
    what = text("paid.followers_per_day", lang)
    for pl in t.loc[t["day_type"] == "paid", "platform"]:
        rows = t[t["platform"] == pl].set_index("day_type")
        i = t.index[(t["platform"] == pl) & (t["day_type"] == "paid")][0]
        if "organic" not in rows.index or min(rows.at["paid", "n_days"], rows.at["organic", "n_days"]) < min_days:
            t.loc[i, ["effect_code", "effect"]] = ["too_few_boosted", text("paid.too_few_days", lang, n=min_days)]
            continue
        a, b = rows.loc["paid"], rows.loc["organic"]
        ca, cb = a["var"] / a["n_days"], b["var"] / b["n_days"]
        dof = (ca + cb) ** 2 / (ca ** 2 / (a["n_days"] - 1) + cb ** 2 / (b["n_days"] - 1)) if ca + cb > 0 else np.inf
        extra = a["per_day"] - b["per_day"]
        h = float(_t_half(np.array([ca + cb]), np.array([dof]), level)[0]) if ca + cb > 0 else 0.0
        code = "boost_more" if extra - h > 0 else "boost_less" if extra + h < 0 else "cannot_tell"
        t.loc[i, ["extra_per_day", "extra_ci_low", "extra_ci_high"]] = [extra, extra - h, extra + h]
        t.loc[i, ["effect_code", "effect"]] = [code, text(f"boost.{code}", lang, what=what)]
    return t[cols]
