"""Follower growth per period from the daily followers table.

Examples
--------
>>> import pandas as pd
>>> f = pd.DataFrame({"date": pd.to_datetime(["2026-09-30", "2026-10-15", "2026-10-31"]),
...                   "platform": "instagram", "account": "kopisenja.id",
...                   "followers": [1000.0, 1020.0, 1050.0]})
>>> growth(f, freq="month")[["period", "followers_start", "followers_end", "follower_growth"]]
      period  followers_start  followers_end  follower_growth
0 2026-09-01           1000.0         1000.0             0.00
1 2026-10-01           1000.0         1050.0             0.05
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import as_list, check_choice
from ._common import num, require, warn
from .metrics import METRICS, Columns

__all__ = ["growth", "period_growth", "period_growths", "FREQS"]

#: Accepted ``freq`` values and the pandas period they mean.
FREQS = {
    "day": "D", "D": "D", "week": "W-SUN", "W": "W-SUN", "month": "M", "M": "M", "MS": "M", "ME": "M",
    "quarter": "Q", "Q": "Q", "QS": "Q", "year": "Y", "Y": "Y", "YS": "Y",
}


def growth(followers: pd.DataFrame, *, freq: str = "month", by=("platform", "account")) -> pd.DataFrame:
    """Net new followers and growth rate per period and account.

    Parameters
    ----------
    followers : DataFrame
        Canonical daily followers table (``date``, ``platform``, ``account``,
        ``followers``; ``new_followers`` and ``unfollows`` used when present).
    freq : str
        ``"day"``, ``"week"`` (Monday start), ``"month"`` (default),
        ``"quarter"``, ``"year"`` (or the pandas aliases D, W, M/MS, Q, Y).
    by : str or list of str
        Columns identifying a series (default platform and account).

    Returns
    -------
    DataFrame
        One row per series and period, sorted: ``by`` columns, ``period``
        (first day of the period), ``n_days`` (days with a followers count),
        ``followers_start`` (followers at the end of the last earlier day on
        record, else the period's first count), ``followers_end`` (last count
        in the period), ``net_new_followers`` (end - start; when counts are
        missing, new_followers - unfollows), ``new_followers``,
        ``unfollows`` (sums, NaN when not exported) and ``follower_growth``
        (net new / followers at start; a ratio).

    Warns
    -----
    SMAnalysisWarning
        Once, counting the periods whose growth is undefined (no or zero
        followers at start).

    Raises
    ------
    SchemaError
        When a required column is missing.
    ValueError
        For an unknown ``freq``.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"date": pd.to_datetime(["2026-10-04", "2026-10-05", "2026-10-12"]),
    ...                   "platform": "tiktok", "account": "k", "followers": [100.0, 110.0, 99.0]})
    >>> growth(f, freq="week")[["period", "followers_start", "net_new_followers"]]
          period  followers_start  net_new_followers
    0 2026-09-28            100.0                0.0
    1 2026-10-05            100.0               10.0
    2 2026-10-12            110.0              -11.0
    """
    check_choice("freq", freq, list(FREQS))
    keys = as_list(by)
    require(followers, ["date", "followers", *keys], func="growth", table="followers")
    cols = ["period", "n_days", "followers_start", "followers_end", "net_new_followers", "new_followers",
            "unfollows", "follower_growth"]
    if not len(followers):
        return pd.DataFrame({**{k: pd.Series(dtype=object) for k in keys},
                             "period": pd.Series(dtype="datetime64[ns]"),
                             **{c: pd.Series(dtype="float64") for c in cols[1:]}})
    date = pd.to_datetime(followers["date"], errors="coerce")
    if isinstance(date.dtype, pd.DatetimeTZDtype):
        date = date.dt.tz_localize(None)
    f = pd.DataFrame({
        **{k: followers[k] for k in keys},
        "date": date.dt.normalize(),
        "followers": num(followers, "followers"),
        "new_followers": num(followers, "new_followers"),
        "unfollows": num(followers, "unfollows"),
    })
    f = f[f["date"].notna()]
    f["period"] = f["date"].dt.to_period(FREQS[freq]).dt.start_time.astype("datetime64[ns]")
    f = f.sort_values([*keys, "date"], kind="stable")
    counted = f[f["followers"].notna()]
    gk = [*keys, "period"]
    last = counted.groupby(gk, sort=True, dropna=False)["followers"].last()
    first = counted.groupby(gk, sort=True, dropna=False)["followers"].first()
    n_days = counted.groupby(gk, sort=True, dropna=False)["followers"].size()
    sums = f.groupby(gk, sort=True, dropna=False)[["new_followers", "unfollows"]].sum(min_count=1)
    out = sums.join(pd.DataFrame({"n_days": n_days, "first": first, "followers_end": last}), how="left")
    out = out.reset_index().sort_values(gk, kind="stable")
    prev_end = out.groupby(keys, sort=False, dropna=False)["followers_end"].transform(
        lambda s: s.ffill().shift(1)) if keys else out["followers_end"].ffill().shift(1)
    start = prev_end.where(prev_end.notna(), out["first"])
    net = out["followers_end"] - start
    gains = out["new_followers"] - out["unfollows"].fillna(0.0)
    net = net.where(net.notna(), gains)
    bad = ~(start > 0)
    rate = METRICS["follower_growth"].ratio(net.to_numpy(dtype="float64"), start.to_numpy(dtype="float64"))
    if bad.any():
        warn(f"growth: follower growth undefined (no or zero followers at start) for {int(bad.sum())} "
             f"of {len(out)} periods; set to NaN.")
    out = out.assign(followers_start=start, net_new_followers=net, follower_growth=rate,
                     n_days=out["n_days"].fillna(0).astype("int64"))
    return out[[*keys, *cols]].reset_index(drop=True)


def period_growth(followers: pd.DataFrame, *, period, by=("platform", "account")) -> pd.DataFrame:
    """Follower growth over one period (local calendar days, both ends included).

    Parameters
    ----------
    followers : DataFrame
        Canonical daily followers table.
    period : tuple, dict or str
        ``(start, end)``, ``{"start": ..., "end": ...}`` or ``"YYYY-MM"``.
    by : str or list of str
        Series keys; series are summed within each group (``None``: all).

    Returns
    -------
    DataFrame
        ``by`` columns, ``followers_start`` (last count before the period,
        else its first count), ``followers_end`` (last count in the
        period), ``net_new_followers``, ``days`` (days in the period),
        ``follower_growth`` (net new / start; NaN with a warning when start
        is 0 or unknown) and ``follower_growth_monthly`` (growth x 30 / days);
        both from :data:`smanalysis.media.METRICS`.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"date": pd.to_datetime(["2026-09-30", "2026-10-31"]), "platform": "x",
    ...                   "account": "kopisenja_id", "followers": [200.0, 210.0]})
    >>> period_growth(f, period="2026-10")[["followers_start", "followers_end", "follower_growth"]]
       followers_start  followers_end  follower_growth
    0            200.0          210.0             0.05
    """
    return period_growths(followers, period=period, by=[by])[0]


def period_growths(followers: pd.DataFrame, *, period, by) -> list[pd.DataFrame]:
    """:func:`period_growth` of one period for each grouping in ``by`` (a list of ``by`` values),
    the series' counts before and in the period found once for all of them.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"date": pd.to_datetime(["2026-09-30", "2026-10-31"] * 2), "platform": "x",
    ...                   "account": ["a", "a", "b", "b"], "followers": [200.0, 210.0, 100.0, 120.0]})
    >>> total, each = period_growths(f, period="2026-10", by=[None, ["platform", "account"]])
    >>> total["net_new_followers"].tolist(), each["net_new_followers"].tolist()
    ([30.0], [10.0, 20.0])
    """
    from ._common import period_bounds

    groupings = [as_list(b) for b in by]
    wanted = list(dict.fromkeys(k for keys in groupings for k in keys))
    require(followers, ["date", "followers", "platform", "account", *wanted], func="period_growth",
            table="followers")
    start, end = period_bounds(period, "UTC")
    start, end = start.tz_localize(None), end.tz_localize(None)
    date = pd.to_datetime(followers["date"], errors="coerce")
    if isinstance(date.dtype, pd.DatetimeTZDtype):
        date = date.dt.tz_localize(None)
    series = ["platform", "account"]
    f = pd.DataFrame({**{k: followers[k] for k in dict.fromkeys([*series, *wanted])},
                      "date": date.dt.normalize(), "followers": num(followers, "followers")})
    f = f[f["followers"].notna() & f["date"].notna() & (f["date"] < end)].sort_values("date", kind="stable")
    before = f[f["date"] < start].groupby(series, dropna=False)["followers"].last()
    inside = f[f["date"] >= start].groupby(series, dropna=False)["followers"]
    per = pd.DataFrame({"before": before}).join(
        pd.DataFrame({"first": inside.first(), "followers_end": inside.last()}), how="outer")
    per["followers_start"] = per["before"].where(per["before"].notna(), per["first"])
    per = per.reset_index()
    days = float((end - start) / pd.Timedelta(days=1))
    return [_grouped_growth(per, f, series, keys, days) for keys in groupings]


def _grouped_growth(per: pd.DataFrame, f: pd.DataFrame, series: list, keys: list, days: float) -> pd.DataFrame:
    """The rows of :func:`period_growth` for ``keys`` from the series' start and end counts ``per``."""
    if keys:
        ident = f.drop_duplicates(series)[list(dict.fromkeys([*series, *keys]))]
        per = per.merge(ident, on=series, how="left")
        out = per.groupby(keys, dropna=False)[["followers_start", "followers_end"]].sum(min_count=1).reset_index()
    else:
        out = pd.DataFrame({"followers_start": [per["followers_start"].sum(min_count=1)],
                            "followers_end": [per["followers_end"].sum(min_count=1)]})
    out = out.assign(net_new_followers=out["followers_end"] - out["followers_start"], days=days)
    cols = Columns(out)
    growth, bad = METRICS["follower_growth"].per_row(cols)
    if bad or (~(out["followers_start"] > 0)).any():
        warn(f"period_growth: follower growth undefined (no or zero followers at start) for "
             f"{int((~(out['followers_start'] > 0)).sum())} of {len(out)} rows; set to NaN.")
    return out.assign(follower_growth=growth, follower_growth_monthly=METRICS["follower_growth_monthly"].per_row(cols)[0])
