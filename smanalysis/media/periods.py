"""This period against the previous one, with intervals and honest verdicts: :func:`compare_periods`
(its example shows the use). The relative change is :func:`smanalysis.ratios.relative_change`."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..ratios import relative_change
from .._checks import as_list, check_choice
from ..schema import resolve_timezone
from ._common import in_period, require
from .aggregate import group_codes as _group_codes
from .aggregate import summary
from .metrics import RATE_METRICS, Columns, column_metric, period_columns
from .posts import post_metrics
from .verdicts import MIN_POSTS, change_verdict, ratio_interval, verdict_text

__all__ = ["compare_periods"]


def compare_periods(posts: pd.DataFrame, *, current, previous, by=None, metrics=None,
                    followers: pd.DataFrame | None = None, engagement="platform", timezone: str | None = None,
                    profile=None, ci: float | None = 0.95, n_boot: int = 1000, seed: int = 0,
                    min_posts: int = MIN_POSTS, lang: str = "id") -> pd.DataFrame:
    """This period against the previous one: absolute and relative change of each metric.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts (or :func:`post_metrics` output) with ``created_at``.
    current, previous : tuple, dict or str
        Local calendar periods, both ends included: ``(start, end)``,
        ``{"start": ..., "end": ...}`` (the client config layout) or ``"YYYY-MM"``.
    by : str or list of str, optional
        Compare within groups (e.g. ``"platform"``).
    metrics : list of str, optional
        :func:`summary` columns to compare (default: posts, totals, medians and
        the main rates; only those present are reported).
    followers : DataFrame, optional
        Daily followers; adds ``followers_end``, ``net_new_followers`` and
        ``follower_growth`` when ``by`` is None or among platform/account.
        With ``by=None`` these rows are the brand total, a SUM over the
        accounts (``scope`` = ``"sum_of_accounts"``, ``n_accounts`` says how
        many), followed by one row per account (``scope`` = ``"account"``,
        ``platform`` and ``account`` filled).
    engagement, timezone, profile
        As in :func:`summary`.
    ci : float or None
        Level of the intervals of the rates (default 0.95; None: no intervals).
    n_boot, seed
        Bootstrap replicates (resampling posts within each period) and seed.
    min_posts : int
        Fewer posts with the rate in either period: "not enough posts".
    lang : {"id", "en"}
        Language of ``verdict``.

    Returns
    -------
    DataFrame
        Long table: ``by`` columns, ``metric``, ``current``, ``previous``,
        ``change`` (current - previous) and ``change_pct`` (change / |previous|,
        a ratio; NaN when previous is 0 or missing); for the rates
        (``*_ratio_of_totals``, ``*_mean_of_posts``) ``n_current``,
        ``n_previous`` (posts with the rate), ``current_ci_low``/``_high``,
        ``change_ci_low``/``_high`` (bootstrap intervals) and
        ``verdict_code`` (up, down, cannot_tell, not_enough_posts, no_data;
        see :func:`~smanalysis.media.verdicts.change_verdict`) and ``verdict``
        (text; empty for counts, which have no sampling error). Without
        ``by``: ``scope``, ``n_accounts``, ``platform``, ``account``.

    Warns
    -----
    SMAnalysisWarning
        Once, counting the rows whose relative change is undefined.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "platform": "instagram", "account": "k",
    ...     "created_at": pd.to_datetime(["2026-09-10", "2026-10-02", "2026-10-20"], utc=True),
    ...     "likes": [10.0, 10.0, 20.0], "reach": [100.0, 100.0, 100.0]})
    >>> res = compare_periods(posts, current="2026-10", previous="2026-09",
    ...                       metrics=["n_posts", "likes_total"])
    >>> res[["metric", "current", "previous", "change", "change_pct"]]
            metric  current  previous  change  change_pct
    0      n_posts      2.0       1.0     1.0         1.0
    1  likes_total     30.0      10.0    20.0         2.0
    """
    keys = as_list(by)
    tz = resolve_timezone(timezone, profile)
    check_choice("lang", lang, ("id", "en"))
    require(posts, ["created_at", *keys], func="compare_periods")
    if "engagements" not in posts.columns:
        posts = post_metrics(posts, followers=followers, engagement=engagement, timezone=tz)
    wanted = period_columns("posts") if metrics is None else as_list(metrics)
    tables, per_account = {}, {}
    for name, period in (("current", current), ("previous", previous)):
        part = posts[in_period(posts["created_at"], period, tz)]
        s = summary(part, by=keys, ci=None, timezone=tz)
        cols = [c for c in wanted if c in s.columns]
        if followers is not None and set(keys) <= {"platform", "account"}:
            from .growth import period_growths

            # the brand's rows, and without ``by`` also each account's (_followers_by_account)
            gr, *acc = period_growths(followers, period=period, by=[keys or None, *([] if keys else [_SERIES])])
            per_account[name] = acc
            gcols = period_columns("growth")
            s = s.merge(gr[[*keys, *gcols]], on=keys, how="outer") if keys else s.assign(
                **{c: gr[c].iloc[0] for c in gcols})
            cols += gcols
        long = s[[*keys, *cols]].melt(id_vars=keys, var_name="metric", value_name=name)
        tables[name] = long
    res = tables["current"].merge(tables["previous"], on=[*keys, "metric"], how="outer", sort=False)
    order = {m: i for i, m in enumerate(dict.fromkeys([*wanted, *period_columns("growth")]))}
    res = res.assign(_o=res["metric"].map(order)).sort_values([*keys, "_o"], kind="stable").drop(columns="_o")
    is_count = res["metric"].eq("n_posts")
    res["current"] = res["current"].astype("float64").where(~(is_count & res["current"].isna()), 0.0)
    res["previous"] = res["previous"].astype("float64").where(~(is_count & res["previous"].isna()), 0.0)
    res = res.assign(change=res["current"] - res["previous"],
                     change_pct=relative_change(res["current"], res["previous"], func="compare_periods"))
    if ci is not None:
        res = res.merge(_change_intervals(posts, current, previous, keys, res["metric"].unique(), tz, ci, n_boot,
                                          seed, min_posts), on=[*keys, "metric"], how="left", sort=False)
        res["verdict_code"] = res["verdict_code"].fillna("")
        res["verdict"] = [verdict_text([c], lang)[0] if c else "" for c in res["verdict_code"]]
    if followers is not None and not keys:
        res = _followers_by_account(res, per_account["current"][0], per_account["previous"][0])
    return res.reset_index(drop=True)


def _rate_of(metric: str):
    for suffix in ("_ratio_of_totals", "_mean_of_posts"):
        m = column_metric(metric) if metric.endswith(suffix) else None
        if m is not None and m.name in RATE_METRICS:
            return m, suffix
    return None, None


def _change_intervals(posts, current, previous, keys, metrics, timezone, level, n_boot, seed, min_posts):
    """Intervals of each rate in both periods and of its change, per ``keys`` group."""
    both = pd.concat([posts[in_period(posts["created_at"], current, timezone)].assign(_p=0),
                      posts[in_period(posts["created_at"], previous, timezone)].assign(_p=1)], ignore_index=True)
    codes, frame, g = _group_codes(both, [*keys, "_p"])
    cols = ["metric", "n_current", "n_previous", "current_ci_low", "current_ci_high", "change_ci_low",
            "change_ci_high", "verdict_code"]
    cur = frame.index[frame["_p"].eq(0)].to_numpy()
    cur_keys = frame.loc[cur, keys].reset_index(drop=True)
    if keys:
        prev_of = cur_keys.merge(frame.reset_index().loc[lambda f: f["_p"].eq(1), [*keys, "index"]], on=keys,
                                 how="left")["index"].to_numpy()
    else:
        prev_of = np.array([1 if g > 1 else np.nan])
    parts, cols_ = [], Columns(both)
    alpha = (1 - level) / 2
    for m in metrics:
        rate, suffix = _rate_of(m)
        if rate is None or rate.name not in both.columns:
            continue
        if suffix == "_ratio_of_totals":
            numer, denom = rate.parts(cols_)
            numer = numer * rate.scale
        else:
            numer = cols_[rate.name]
            denom = np.where(np.isnan(numer), np.nan, 1.0)
        low, high, n, boot = ratio_interval(numer, denom, codes, g, level=level, n_boot=n_boot, seed=seed,
                                            name=f"period:{m}", return_boot=True)
        has_prev = ~np.isnan(prev_of.astype(float))
        pj = np.where(has_prev, prev_of, 0).astype(np.int64)
        diff = boot[:, cur] - np.where(has_prev, boot[:, pj], np.nan)
        with np.errstate(invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            q = np.nanquantile(diff, [alpha, 1 - alpha], axis=0) if diff.size else np.full((2, len(cur)), np.nan)
        n_prev = np.where(has_prev, n[pj], 0)
        enough = (n[cur] >= 2) & (n_prev >= 2)
        clo, chi = np.where(enough, q[0], np.nan), np.where(enough, q[1], np.nan)
        parts.append((m, n[cur], n_prev, low[cur], high[cur], clo, chi,
                      change_verdict(clo, chi, n_current=n[cur], n_previous=n_prev, min_posts=min_posts)))
    if not parts:
        return pd.DataFrame({**{k: pd.Series(dtype=object) for k in keys}, **{c: pd.Series(
            dtype=object if c in ("metric", "verdict_code") else "float64") for c in cols}})
    # one frame of every rate's rows (each rate's rows in the order of cur_keys), built column by column
    out = cur_keys.iloc[np.tile(np.arange(len(cur_keys)), len(parts))].reset_index(drop=True)
    columns = {"metric": pd.Series(np.repeat([p[0] for p in parts], len(cur_keys)), dtype="str")}
    for i, c in enumerate(cols[1:], start=1):
        columns[c] = np.concatenate([np.asarray(p[i]) for p in parts])
    return out.assign(**columns)


_FOLLOWER_ROWS = tuple(period_columns("growth"))
_SERIES = ["platform", "account"]


def _followers_by_account(res, current, previous):
    """Mark the follower rows of a brand-level comparison as a sum and add one row per account
    (``current`` and ``previous``: :func:`~smanalysis.media.period_growth` by platform and account)."""
    acc = current.merge(previous, on=_SERIES, how="outer", suffixes=("_cur", "_prev"))
    rows = []
    for m in _FOLLOWER_ROWS:
        c, p = acc[f"{m}_cur"], acc[f"{m}_prev"]
        rows.append(pd.DataFrame({"platform": acc["platform"], "account": acc["account"], "metric": m,
                                  "current": c.to_numpy(), "previous": p.to_numpy(), "change": (c - p).to_numpy(),
                                  "change_pct": relative_change(c, p, func="compare_periods",
                                                                name=f"change_pct of {m} per account").to_numpy()}))
    is_f = res["metric"].isin(_FOLLOWER_ROWS)
    res = res.assign(scope=np.where(is_f, "sum_of_accounts", "posts"), n_accounts=np.where(is_f, len(acc), np.nan))
    extra = pd.concat(rows, ignore_index=True).assign(scope="account", n_accounts=1.0)
    if "verdict" in res.columns:
        extra = extra.assign(verdict_code="", verdict="")
    return pd.concat([res, extra], ignore_index=True)
