"""When to post, and which days stand out: best posting times and spikes.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"platform": "instagram", "er_reach": [0.1, 0.3, 0.2],
...     "created_at": pd.to_datetime(["2026-10-05 12:00", "2026-10-12 12:30", "2026-10-06 02:00"], utc=True)})
>>> bt = best_times(posts, min_posts=2)
>>> bt[bt["rank"] == 1][["weekday", "hour", "n_posts", "median"]]
    weekday  hour  n_posts  median
19        0    19        2     0.2
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ratios import divide, warn_undefined
from .._checks import as_list, check_choice
from ..schema import resolve_timezone
from ._common import NS_PER_DAY, NS_PER_HOUR, local_ns, require, warn
from .metrics import RATE_METRICS
from .posts import post_metrics
from .verdicts import posts_verdict

__all__ = ["best_times", "spikes", "date_only"]


def date_only(posts: pd.DataFrame, *, timezone: str | None = None, profile=None) -> np.ndarray:
    """Which posts have a date but no time of day.

    Readers store a day without a time (TikTok content exports) as local
    midnight. A post counts as date-only when it is at exactly 00:00:00 local
    time and so is every other post of its source (``source_file`` when
    present, else its platform and account): a single real post at midnight
    in a file with times keeps its time.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"platform": ["tiktok", "tiktok", "instagram", "instagram"], "account": "k",
    ...     "created_at": pd.to_datetime(["2026-10-02 17:00", "2026-10-05 17:00", "2026-10-02 17:00",
    ...                                   "2026-10-03 02:15"], utc=True)})
    >>> date_only(posts, timezone="Asia/Jakarta").tolist()  # 17:00 UTC is midnight in Jakarta
    [True, True, False, False]
    """
    require(posts, ["created_at"], func="date_only")
    tz = resolve_timezone(timezone, profile)
    ns = local_ns(posts["created_at"], tz)
    midnight = (ns != np.iinfo("i8").min) & (ns % NS_PER_DAY == 0)
    keys = ["source_file"] if "source_file" in posts.columns and posts["source_file"].notna().all() else \
        [c for c in ("platform", "account") if c in posts.columns]
    if not keys:
        return midnight
    all_mid = pd.Series(midnight, index=posts.index).groupby([posts[k] for k in keys], dropna=False).transform("all")
    return midnight & all_mid.to_numpy(dtype=bool)


def best_times(posts: pd.DataFrame, *, metric: str = "er_reach", min_posts: int = 3, top: int = 3,
               hour_bin: int = 1, timezone: str | None = None, profile=None, followers=None,
               engagement="platform") -> pd.DataFrame:
    """Median of a per-post metric by day of week and hour, in the profile's timezone.

    Parameters
    ----------
    posts : DataFrame
        Posts with ``created_at`` and ``metric`` (or what :func:`post_metrics` needs).
    metric : str
        Per-post metric (default ``"er_reach"``).
    min_posts : int
        Slots with fewer posts where the metric is defined get ``median`` NaN
        and no rank.
    top : int
        How many of the best slots get a ``rank``.
    hour_bin : int
        Slot width in hours (1, 2, 3, 4, 6, 8, 12 or 24); wider slots suit
        accounts with few posts.
    timezone : str, optional
        Default: the profile's, else Asia/Jakarta.
    profile : Profile, optional
    followers, engagement
        Passed to :func:`post_metrics` when ``metric`` is not yet computed.

    Returns
    -------
    DataFrame
        Every slot (7 x 24 / hour_bin rows, Monday 0 first): ``weekday``
        (0 = Monday .. 6 = Sunday), ``hour`` (slot start, local), ``n_posts``
        (posts with the metric), ``median`` (NaN below ``min_posts``),
        ``mean``, ``rank`` (1 = best, among the ``top`` best slots; NaN
        otherwise), ``metric`` (the metric's name) and ``verdict_code``
        ("enough_posts" | "not_enough_posts"). The timezone is in
        ``attrs["timezone"]``; the number of posts left out because they
        have a date but no time of day (see :func:`date_only`) in
        ``attrs["date_only_posts"]``.

    Warns
    -----
    SMAnalysisWarning
        Counting the posts with a date but no time of day, left out of the
        slots (they would all land at midnight).

    Raises
    ------
    SchemaError
        When ``created_at`` (or the metric's inputs) is missing.
    ValueError
        For a bad ``hour_bin``, ``min_posts`` or ``top``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"er_reach": [0.1, 0.2],
    ...     "created_at": pd.to_datetime(["2026-10-03 05:00", "2026-10-10 05:30"], utc=True)})
    >>> best_times(posts, min_posts=2, top=1).query("rank == 1")[["weekday", "hour", "median"]]
         weekday  hour  median
    132        5    12    0.15
    """
    if hour_bin not in (1, 2, 3, 4, 6, 8, 12, 24):
        raise ValueError(f"The value for `hour_bin` must be one of [1, 2, 3, 4, 6, 8, 12, 24], "
                         f"but {hour_bin!r} was passed.")
    if min_posts < 1 or top < 0:
        raise ValueError(f"`min_posts` must be >= 1 and `top` >= 0, but {min_posts!r} and {top!r} were passed.")
    require(posts, ["created_at"], func="best_times")
    tz = resolve_timezone(timezone, profile)
    if metric not in posts.columns:
        if metric in RATE_METRICS or metric == "engagements":
            posts = post_metrics(posts, followers=followers, engagement=engagement, timezone=tz)
        else:
            require(posts, [metric], func="best_times")
    values = pd.to_numeric(posts[metric], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    ns = local_ns(posts["created_at"], tz)
    no_time = date_only(posts, timezone=tz)
    if no_time.any():
        warn(f"best_times: {int(no_time.sum())} of {len(posts)} posts have a date but no time of day "
             "(e.g. TikTok content exports) and were left out of the time slots.")
    ok = (ns != np.iinfo("i8").min) & ~np.isnan(values) & ~no_time
    ns, values = ns[ok], values[ok]
    per_day = 24 // hour_bin
    weekday = (ns // NS_PER_DAY + 3) % 7
    slot = weekday * per_day + ((ns // NS_PER_HOUR) % 24) // hour_bin
    nslots = 7 * per_day
    n = np.bincount(slot, minlength=nslots)
    sums = np.bincount(slot, weights=values, minlength=nslots)
    med = pd.Series(values).groupby(slot).median().reindex(range(nslots)).to_numpy()
    mean = divide(sums, n, func="best_times", name="mean", quiet=True)  # empty slots: n 0, not enough posts
    enough = n >= min_posts
    med = np.where(enough, med, np.nan)
    mean = np.where(enough, mean, np.nan)
    rank = np.full(nslots, np.nan)
    cand = np.flatnonzero(enough)
    if len(cand) and top:
        # best median first; ties by more posts, then earlier slot
        order = cand[np.lexsort((cand, -n[cand], -med[cand]))][:top]
        rank[order] = np.arange(1, len(order) + 1)
    elif not len(cand) and len(values):
        warn(f"best_times: no slot has {min_posts} or more posts with {metric}; every median is NaN. "
             "Lower `min_posts` or use a wider `hour_bin`.")
    slots = np.arange(nslots)
    res = pd.DataFrame({
        "weekday": slots // per_day, "hour": (slots % per_day) * hour_bin, "n_posts": n,
        "median": med, "mean": mean, "rank": rank, "metric": metric,
        "verdict_code": posts_verdict(n, min_posts=min_posts),
    })
    res.attrs["timezone"] = tz
    res.attrs["date_only_posts"] = int(no_time.sum())
    return res


def _net_new(followers: pd.DataFrame) -> pd.DataFrame:
    """Day-on-day change of ``followers`` within each platform/account series."""
    series = [c for c in ("platform", "account") if c in followers.columns]
    f = followers.assign(_d=pd.to_datetime(followers["date"], errors="coerce"),
                         _f=pd.to_numeric(followers["followers"], errors="coerce"))
    f = f.sort_values([*series, "_d"], kind="stable")
    diff = f.groupby(series, dropna=False)["_f"].diff() if series else f["_f"].diff()
    return f.assign(net_new_followers=diff).drop(columns=["_d", "_f"])


def spikes(data, *, metric: str = "engagements", threshold: float = 3.5, window: int | None = 28, by=None,
           timezone: str | None = None, profile=None, all_days: bool = False, direction: str = "up"
           ) -> pd.DataFrame:
    """Days far above the usual level (robust z-score from median and MAD).

    Parameters
    ----------
    data : DataFrame or Series
        Posts (summed per local day of ``created_at``), a daily frame with a
        ``date`` column and ``metric`` (e.g. the followers table with
        ``metric="new_followers"``, or ``"net_new_followers"``: the day-on-day
        change of ``followers`` per platform/account, for exports with counts
        only), or a Series indexed by date.
    metric : str
        Column summed per day (default ``"engagements"``, computed with
        :func:`post_metrics` for posts when absent).
    threshold : float
        Robust z-score above which a day is a spike (default 3.5).
    window : int or None
        Calendar days in the centred rolling window for the usual level
        (default 28; a day whose window holds fewer than 5 observed days uses
        the whole series); ``None`` uses the whole
        series, fine when there is no trend.
    by : str or list of str, optional
        Separate series (e.g. ``"account"``).
    timezone, profile
        Timezone of the local days (posts only).
    all_days : bool
        Return every day, not only the spikes.
    direction : {"up", "down", "both"}
        Days far above the usual level (default), far below it (drops, e.g.
        an unfollow storm in ``net_new_followers``), or either.

    Returns
    -------
    DataFrame
        ``by`` columns, ``date`` (local day), ``value``, ``baseline``
        (median), ``mad`` (scaled MAD, 1.4826 x MAD), ``robust_z``
        ((value - baseline) / mad; NaN when the MAD is 0) and ``is_spike``;
        spikes only, strongest first, unless ``all_days``. Days without
        posts count as 0.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.Series([10, 12, 11, 9, 60, 10, 11, 12, 10, 11.0],
    ...               index=pd.date_range("2026-10-01", periods=10))
    >>> spikes(s, window=None)[["date", "value", "baseline"]]
            date  value  baseline
    0 2026-10-05   60.0      11.0
    """
    check_choice("direction", direction, ["up", "down", "both"])
    keys = as_list(by)
    tz = resolve_timezone(timezone, profile)
    if isinstance(data, pd.Series):
        daily = pd.DataFrame({"date": pd.to_datetime(data.index), "value": data.to_numpy(dtype="float64")})
        keys = []
    else:
        if "date" in data.columns:
            if metric == "net_new_followers" and metric not in data.columns and "followers" in data.columns:
                data = _net_new(data)
            require(data, ["date", metric, *keys], func="spikes", table="daily")
            date = pd.to_datetime(data["date"], errors="coerce")
            if isinstance(date.dtype, pd.DatetimeTZDtype):
                date = date.dt.tz_localize(None)
        else:
            require(data, ["created_at", *keys], func="spikes")
            if metric not in data.columns:
                data = post_metrics(data, timezone=tz)
            ns = local_ns(data["created_at"], tz)
            date = pd.Series(ns.view("datetime64[ns]"), index=data.index).where(ns != np.iinfo("i8").min)
        daily = pd.DataFrame({**{k: data[k] for k in keys}, "date": date.dt.normalize(),
                              "value": pd.to_numeric(data[metric], errors="coerce")})
    daily = daily[daily["date"].notna()]
    daily = daily.groupby([*keys, "date"], dropna=False)["value"].sum(min_count=1).reset_index()
    parts, flat = [], 0
    for key, part in (daily.groupby(keys, dropna=False, sort=True) if keys else [((), daily)]):
        s = part.set_index("date")["value"].sort_index().dropna()
        if window:
            # the usual level around each day; days whose window holds fewer than 5 observed days
            # fall back to the whole series
            roll = f"{int(window)}D"
            base = s.rolling(roll, center=True, min_periods=5).median()
            mad = (s - base).abs().rolling(roll, center=True, min_periods=5).median() * 1.4826
            gmed = s.median()
            use_global = base.isna() | mad.isna()
            base = base.where(~use_global, gmed)
            mad = mad.where(~use_global, (s - gmed).abs().median() * 1.4826)
        else:
            base = pd.Series(s.median(), index=s.index)
            mad = pd.Series((s - s.median()).abs().median() * 1.4826, index=s.index)
        z = divide(s - base, mad, func="spikes", name="robust_z", quiet=True)
        flat += int((~(mad > 0)).sum())
        frame = pd.DataFrame({"date": s.index, "value": s.to_numpy(), "baseline": base.to_numpy(),
                              "mad": mad.to_numpy(), "robust_z": z.to_numpy()})
        for k, v in zip(keys, key if isinstance(key, tuple) else (key,)):
            frame.insert(keys.index(k), k, v)
        parts.append(frame)
    warn_undefined("spikes", {"robust_z": flat}, len(daily),
                   hint="Those days' usual spread (MAD) is 0: no robust z, never a spike.")
    if parts:
        res = pd.concat(parts, ignore_index=True)
    else:
        res = pd.DataFrame({**{k: pd.Series(dtype=object) for k in keys},
                            "date": pd.Series(dtype="datetime64[ns]"),
                            **{c: pd.Series(dtype="float64") for c in ("value", "baseline", "mad", "robust_z")}})
    z = res["robust_z"] if direction == "up" else (-res["robust_z"] if direction == "down" else res["robust_z"].abs())
    res["is_spike"] = (z > threshold).to_numpy(dtype=bool, na_value=False)
    if not all_days:
        res = res.assign(_z=z)[res["is_spike"]].sort_values("_z", ascending=False, kind="stable").drop(columns="_z")
    return res.reset_index(drop=True)
