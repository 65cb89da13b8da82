"""Group summaries, top posts and period comparisons of post metrics.

Every rate is given two ways, named distinctly: ``<rate>_mean_of_posts`` (the
average of the posts' rates: each post counts the same) and
``<rate>_ratio_of_totals`` (total numerator / total denominator: big posts
count more). Tools mix these silently; we show both.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"platform": ["instagram"] * 2, "likes": [10.0, 90.0], "comments": [0.0, 0.0],
...                       "shares": [0.0, 0.0], "saves": [0.0, 0.0], "reach": [100.0, 300.0]})
>>> s = summary(posts, by="platform", metrics=["er_reach"], ci=None)
>>> s[["platform", "n_posts", "er_reach_mean_of_posts", "er_reach_ratio_of_totals"]]
    platform  n_posts  er_reach_mean_of_posts  er_reach_ratio_of_totals
0  instagram        2                     0.2                      0.25
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ratios import divide
from .._checks import as_list, check_choice
from ..schema import resolve_timezone
from ._common import TIME_KEYS, require, time_key
from .metrics import COUNT_METRICS, METRICS, RATE_METRICS, Columns
from .posts import post_metrics
from .stats import INTERVAL_METHODS, seed_for, interval_table
from .verdicts import MIN_POSTS, posts_verdict, verdict_text

__all__ = ["summary", "top_posts", "group_codes"]


def _group_codes(frame: pd.DataFrame, keys: list[str]):
    """Group codes 0..g-1 in sorted key order (missing keys last), the keys of each group, g."""
    if not keys:
        return np.zeros(len(frame), dtype=np.int64), pd.DataFrame(index=range(1)), 1
    try:
        parts = [pd.factorize(frame[k], sort=True, use_na_sentinel=False) for k in keys]
    except TypeError:  # unorderable mixed values: let pandas group them
        grouped = frame.groupby(keys, sort=True, dropna=False, observed=True)
        index = grouped.size().index
        return grouped.ngroup().to_numpy().astype(np.int64), index.to_frame(index=False), len(index)
    if len(keys) == 1:
        codes, uniques = parts[0]
        return codes.astype(np.int64), pd.DataFrame({keys[0]: uniques}), len(uniques)
    comb = np.zeros(len(frame), dtype=np.int64)
    for codes, uniques in parts:  # mixed radix: sorting the combined code sorts by the keys in order
        comb = comb * len(uniques) + codes
    present, inverse = np.unique(comb, return_inverse=True)
    cols, rest = {}, present
    for k, (codes, uniques) in zip(keys[::-1], parts[::-1]):
        rest, own = np.divmod(rest, len(uniques))
        cols[k] = uniques.take(own)
    return inverse.astype(np.int64), pd.DataFrame({k: cols[k] for k in keys}), len(present)


def _with_keys(posts, keys, timezone, func):
    derived = [k for k in keys if k in TIME_KEYS and k not in posts.columns]
    require(posts, [k for k in keys if k not in derived] + (["created_at"] if derived else []), func=func)
    if derived:
        posts = posts.assign(**{k: time_key(posts["created_at"], k, timezone) for k in derived})
    return posts


def summary(posts: pd.DataFrame, *, by="platform", metrics=None, followers: pd.DataFrame | None = None,
            engagement="platform", ci: float | None = 0.95, n_boot: int = 1000, seed: int = 0,
            boot_max: int = 1000, timezone: str | None = None, profile=None, min_posts: int = MIN_POSTS,
            lang: str = "id") -> pd.DataFrame:
    """Counts, medians, means and rates by group, each rate with a bootstrap interval.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts, or the output of :func:`post_metrics` (else it is
        computed here with ``followers`` and ``engagement``).
    by : str or list of str, optional
        Grouping columns, e.g. ``"platform"``, ``"format"``, ``"theme"``,
        ``"content_type"``, ``"account"``; ``"month"``, ``"week"``, ``"day"``
        (period start), ``"weekday"`` (0 = Monday) and ``"hour"`` are derived
        from ``created_at`` in the profile's timezone. ``None``: one row.
    metrics : list of str, optional
        Rates to report (default all of :data:`RATE_METRICS`).
    followers : DataFrame, optional
        Daily followers table, passed to :func:`post_metrics`.
    engagement : str, dict or list
        Engagement definition, passed to :func:`post_metrics`.
    ci : float or None
        Interval level (default 0.95); ``None`` skips the intervals.
    n_boot, seed, boot_max
        Bootstrap replicates, random seed, and the group size above which the
        normal approximation replaces the bootstrap.
    timezone : str, optional
        Timezone for derived time keys (default: profile's, else Asia/Jakarta).
    profile : Profile, optional
    min_posts, lang
        Groups with fewer posts get the verdict "not enough posts" (in ``lang``).

    Returns
    -------
    DataFrame
        One row a group, sorted by ``by``: the ``by`` columns, ``n_posts``,
        ``verdict_code`` ("enough_posts" | "not_enough_posts") and ``verdict``;
        for each count in :data:`COUNT_METRICS` present in the posts:
        ``<count>_total`` (NaN when never reported), ``<count>_mean``,
        ``<count>_median``; for each rate: ``<rate>_mean_of_posts``,
        ``<rate>_median``, ``<rate>_ratio_of_totals``, ``<rate>_n_posts``
        (posts where the rate is defined) and, when ``ci`` is set,
        ``<rate>_ci_low``/``<rate>_ci_high`` (interval of the mean of posts,
        NaN under 2 posts); and ``ci_method`` ("bootstrap" | "normal").

    Raises
    ------
    SchemaError
        When a ``by`` column (or ``created_at`` for a time key) is missing.
    ValueError
        For an unknown metric.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"platform": ["x", "x", "x"], "likes": [1.0, 2.0, 6.0],
    ...                       "impressions": [100.0, 100.0, 100.0]})
    >>> s = summary(posts, by=None, metrics=["er_impressions"], seed=1)
    >>> s[["n_posts", "likes_median", "er_impressions_mean_of_posts", "ci_method"]]
       n_posts  likes_median  er_impressions_mean_of_posts  ci_method
    0        3           2.0                          0.03  bootstrap
    """
    keys = as_list(by)
    rates = list(RATE_METRICS) if metrics is None else as_list(metrics)
    for r in rates:
        check_choice("metrics", r, RATE_METRICS)
    tz = resolve_timezone(timezone, profile)
    posts = _with_keys(posts, keys, tz, "summary")
    if "engagements" not in posts.columns or any(r not in posts.columns for r in rates):
        posts = post_metrics(posts, followers=followers, engagement=engagement, timezone=tz)
    codes, frame, g = _group_codes(posts, keys)
    n_posts = np.bincount(codes, minlength=g)
    vcode = posts_verdict(n_posts, min_posts=min_posts)
    out: dict[str, np.ndarray] = {"n_posts": n_posts, "verdict_code": vcode,
                                  "verdict": np.asarray(verdict_text(vcode, lang), dtype=object)}
    cols = Columns(posts)
    counts = [c for c in COUNT_METRICS if c in posts.columns]
    # one grouping for every per-post column: sums, counts and medians in single cython passes
    values = pd.DataFrame({c: cols[c] for c in dict.fromkeys([*counts, *rates])}, copy=False)
    grouped = values.groupby(codes, sort=True)
    sums = grouped.sum().reindex(range(g)).to_numpy()
    ns = grouped.count().reindex(range(g)).fillna(0).to_numpy().astype(np.int64)
    meds = grouped.median().reindex(range(g)).to_numpy()
    pos = {c: i for i, c in enumerate(values.columns)}
    means = divide(sums, ns, func="summary", name="mean", quiet=True)  # a column with no value: n 0
    for c in counts:
        i = pos[c]
        out[f"{c}_total"] = np.where(ns[:, i] > 0, sums[:, i], np.nan)
        out[f"{c}_mean"] = means[:, i]
        out[f"{c}_median"] = meds[:, i]
    method = np.zeros(g, dtype=np.int8)
    variances = grouped[list(dict.fromkeys(rates))].var().reindex(range(g)) if ci is not None and rates else None
    for r in rates:
        i = pos[r]
        m = METRICS[r]
        numer, denom = m.parts(cols)
        sn = np.bincount(codes, weights=np.nan_to_num(numer), minlength=g)
        sd = np.bincount(codes, weights=np.nan_to_num(denom), minlength=g)
        n = ns[:, i]
        out[f"{r}_mean_of_posts"] = means[:, i]
        out[f"{r}_median"] = meds[:, i]
        out[f"{r}_ratio_of_totals"] = m.ratio(sn, np.where(n > 0, sd, np.nan))
        out[f"{r}_n_posts"] = n
        if ci is not None:
            low, high, mth = interval_table(cols[r], codes, g, level=ci, n_boot=n_boot, rng=seed_for(seed, r),
                                            boot_max=boot_max, stats=(n, means[:, i], variances[r].to_numpy()))
            out[f"{r}_ci_low"], out[f"{r}_ci_high"] = low, high
            method = np.maximum(method, mth)
    if ci is not None:
        out["ci_method"] = INTERVAL_METHODS[method]
    res = pd.concat([frame.reset_index(drop=True), pd.DataFrame(out)], axis=1)
    res.attrs["engagement_definition"] = posts.attrs.get("engagement_definition", engagement)
    return res


_TOP_COLUMNS = ("post_id", "platform", "account", "created_at", "format", "theme", "content_type", "caption",
                "permalink", "engagements", "reach", "impressions", "views", "impressions_basis")


def top_posts(posts: pd.DataFrame, *, metric: str = "er_reach", n: int = 10, by=None, ascending: bool = False,
              followers: pd.DataFrame | None = None, engagement="platform") -> pd.DataFrame:
    """The ``n`` best (or worst) posts by a metric, overall or within each group.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts or :func:`post_metrics` output.
    metric : str
        Column to rank by (a count or rate from :data:`METRICS`, or any numeric column).
    n : int
        Posts per group.
    by : str or list of str, optional
        Rank within each group (e.g. ``"platform"``).
    ascending : bool
        ``True`` for the weakest posts.
    followers, engagement
        Passed to :func:`post_metrics` when the metrics are not yet computed.

    Returns
    -------
    DataFrame
        ``rank`` (1 = best in its group), the ``by`` columns and the available
        identifying columns (post_id, platform, account, created_at, format,
        theme, content_type, caption, permalink), ``metric``, engagements,
        reach, impressions, views. Posts whose metric is NaN are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "platform": "instagram",
    ...                       "likes": [5.0, 50.0, 20.0], "reach": [100.0, 100.0, 100.0]})
    >>> top_posts(posts, metric="likes", n=2)[["rank", "post_id", "likes"]]
       rank post_id  likes
    0     1       b   50.0
    1     2       c   20.0
    """
    if n < 1:
        raise ValueError(f"The value for `n` must be a positive integer, but {n!r} was passed.")
    keys = as_list(by)
    require(posts, keys, func="top_posts")
    if metric not in posts.columns:
        if metric in RATE_METRICS or metric in ("engagements", "followers_at_publish"):
            posts = post_metrics(posts, followers=followers, engagement=engagement)
        else:
            require(posts, [metric], func="top_posts")
    value = pd.to_numeric(posts[metric], errors="coerce")
    keep = value.notna().to_numpy()
    cols = list(dict.fromkeys([*keys, *[c for c in _TOP_COLUMNS if c in posts.columns and c != metric], metric]))
    ranked = posts.loc[keep, cols].assign(_v=value[keep])
    ranked = ranked.sort_values([*keys, "_v"], ascending=[True] * len(keys) + [ascending], kind="stable")
    if keys:
        ranked = ranked.assign(rank=ranked.groupby(keys, dropna=False).cumcount() + 1)
    else:
        ranked = ranked.assign(rank=np.arange(1, len(ranked) + 1))
    ranked = ranked[ranked["rank"] <= n]
    return ranked[["rank", *cols]].reset_index(drop=True)


#: public name for the period comparison (smanalysis.media.periods)
group_codes = _group_codes
