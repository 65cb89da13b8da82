"""Honest statistics for small accounts: bootstrap intervals and group comparisons.

A small business publishes a few dozen posts a month, so a difference between
"video" and "photo" is often noise. Every group rate comes with a 95% interval
from a seeded bootstrap over posts, and :func:`compare_groups` says in plain
Bahasa Indonesia or English whether a difference is real.

The bootstrap is vectorised: for all groups at once, the resampled indices of
a batch of replicates are drawn in one NumPy call and summed with
``np.add.reduceat``; there is no Python loop per resample. Groups larger than
``boot_max`` posts (default 1,000), and the largest groups once a call would
need more than 20 million draws, use the normal approximation the bootstrap of
a mean converges to (the ``ci_method`` column says which).

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"format": ["reel"] * 4 + ["photo"] * 4,
...                       "er_reach": [0.10, 0.12, 0.11, 0.13, 0.02, 0.03, 0.02, 0.03]})
>>> res = compare_groups(posts, by="format", metric="er_reach", min_posts=3, lang="en")
>>> res[["group_a", "group_b", "difference", "verdict"]].round(3)
  group_a group_b  difference                          verdict
0    reel   photo        0.09  reel is higher than photo (95%)
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from ..ratios import divide
from .._checks import as_list, check_choice
from ._common import require, warn
from ..words import LANGS, text
from .verdicts import MIN_POSTS, posts_verdict, verdict_text

__all__ = ["bootstrap_interval", "compare_groups", "VERDICTS"]

_Z = {0.9: 1.6448536269514722, 0.95: 1.959963984540054, 0.99: 2.5758293035489004}

#: Verdict codes; their texts are ``verdict.<code>`` in :mod:`smanalysis.words` (``{a}``/``{b}``: the groups).
VERDICTS = ("not_enough_data", "a_higher", "b_higher", "no_clear_difference")


def seed_for(seed, name: str) -> np.random.Generator:
    """A generator for ``seed`` and a metric name: stable whatever else is computed."""
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, zlib.crc32(name.encode())])


def boot_means(values: np.ndarray, codes: np.ndarray, n_groups: int, *, n_boot: int, rng: np.random.Generator,
               boot_max: int = 1000, max_draws: int = 4_000_000, max_total: int = 20_000_000, stats=None):
    """Bootstrap means of ``values`` per group, all groups at once.

    ``values`` may hold NaN (left out); ``codes`` are group codes 0..n_groups-1.
    ``stats`` optionally gives ``(n, mean, var)`` per group of the non-NaN
    values, when the caller already has them. Returns ``(means, n, method)``:
    an ``(n_boot, n_groups)`` array of replicate means (NaN for empty
    groups), the group sizes, and per group 0 (no posts), 1 (bootstrap) or 2
    (normal approximation: n > boot_max, or the largest groups once n_boot x
    posts would exceed ``max_total`` draws; groups of 30 posts or fewer are
    always bootstrapped).
    """
    ok = None
    if stats is None:
        ok = ~np.isnan(values)
        n = np.bincount(codes[ok], minlength=n_groups).astype(np.int64)
    else:
        n = np.asarray(stats[0], dtype=np.int64)
    means = np.full((n_boot, n_groups), np.nan)
    method = np.where(n == 0, 0, np.where(n > boot_max, 2, 1)).astype(np.int8)
    # Keep the total work bounded: beyond `max_total` draws, the largest groups switch to the normal
    # approximation (the bootstrap distribution of a mean of that many posts is normal anyway).
    cand = np.flatnonzero(method == 1)
    if len(cand):
        by_size = cand[np.argsort(n[cand], kind="stable")]
        over = np.cumsum(n[by_size]) * n_boot > max_total
        method[by_size[over & (n[by_size] > 30)]] = 2
    small = np.flatnonzero(method == 1)
    if len(small):
        if ok is None:
            ok = ~np.isnan(values)
        rows = ok & (method == 1)[codes]  # only rows of bootstrapped groups are sorted and resampled
        c_small = codes[rows]
        order = np.argsort(c_small, kind="stable")
        v = values[rows][order]
        c = c_small[order]
        start = np.searchsorted(c, small)
        sizes = n[small]
        total = int(sizes.sum())
        draw_group = np.repeat(np.arange(len(small)), sizes)  # which small group each draw belongs to
        draw_start = start[draw_group]
        draw_size = sizes[draw_group]
        seg = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        batch = max(1, max_draws // max(total, 1))
        for b0 in range(0, n_boot, batch):
            b = min(batch, n_boot - b0)
            u = rng.random((b, total))
            idx = draw_start + (u * draw_size).astype(np.int64)
            sums = np.add.reduceat(v[idx], seg, axis=1)
            means[b0:b0 + b, small] = sums / sizes
    big = np.flatnonzero(method == 2)
    if len(big):
        if stats is None:
            vals, cods = values[ok], codes[ok]
            gmean = np.bincount(cods, weights=vals, minlength=n_groups) / np.maximum(n, 1)
            dev = vals - gmean[cods]  # two-pass variance, stable for small rates
            var = np.bincount(cods, weights=dev * dev, minlength=n_groups) / np.maximum(n - 1, 1)
        else:
            gmean, var = np.asarray(stats[1], dtype=float), np.asarray(stats[2], dtype=float)
        means[:, big] = gmean[big] + rng.standard_normal((n_boot, len(big))) * np.sqrt(var[big] / n[big])
    return means, n, method


def interval_table(values: np.ndarray, codes: np.ndarray, n_groups: int, *, level: float, n_boot: int,
                   rng: np.random.Generator, boot_max: int, stats=None):
    """Percentile interval of the mean per group: (low, high, method). NaN below 2 posts."""
    means, n, method = boot_means(values, codes, n_groups, n_boot=n_boot, rng=rng, boot_max=boot_max, stats=stats)
    alpha = (1 - level) / 2
    low = np.full(n_groups, np.nan)
    high = np.full(n_groups, np.nan)
    has = n >= 2
    if has.any():
        q = np.quantile(means[:, has], [alpha, 1 - alpha], axis=0)
        low[has], high[has] = q[0], q[1]
    method = np.where(has, method, 0)
    return low, high, method


INTERVAL_METHODS = np.array([None, "bootstrap", "normal"], dtype=object)


def _prepare(posts, metric, func):
    if metric not in posts.columns:
        from .metrics import RATE_METRICS
        from .posts import post_metrics

        if metric in RATE_METRICS or metric == "engagements":
            posts = post_metrics(posts)
        else:
            require(posts, [metric], func=func)
    return posts


def bootstrap_interval(posts: pd.DataFrame, *, by=None, metric: str = "er_reach", level: float = 0.95,
                       n_boot: int = 2000, seed: int = 0, boot_max: int = 1000, min_posts: int = MIN_POSTS,
                       lang: str = "id") -> pd.DataFrame:
    """Mean of a per-post metric by group with a seeded bootstrap interval.

    Parameters
    ----------
    posts : DataFrame
        Posts, with ``metric`` or with what :func:`post_metrics` needs.
    by : str or list of str, optional
        Grouping columns; ``None`` gives one row for all posts.
    metric : str
        Per-post column averaged (default ``"er_reach"``). Posts where it is
        NaN are left out (their count is ``n_posts - n``).
    level : float
        Interval level, e.g. 0.95.
    n_boot : int
        Bootstrap replicates.
    seed : int
        Random seed; the same seed gives the same interval.
    boot_max : int
        Groups with more posts than this use the normal approximation.
    min_posts, lang
        Groups with fewer posts with the metric get "not enough posts".

    Returns
    -------
    DataFrame
        ``by`` columns, ``n_posts`` (all posts), ``n`` (posts with the metric),
        ``mean``, ``ci_low``, ``ci_high`` (NaN when ``n < 2``),
        ``ci_method`` ("bootstrap" | "normal"), ``verdict_code``
        ("enough_posts" | "not_enough_posts") and ``verdict`` (text).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"format": ["reel", "reel", "photo"], "er_reach": [0.1, 0.3, 0.05]})
    >>> bootstrap_interval(posts, by="format")[["format", "n_posts", "mean"]]
      format  n_posts  mean
    0  photo        1  0.05
    1   reel        2  0.20
    """
    if not 0 < level < 1:
        raise ValueError(f"The value for `level` must be between 0 and 1, but {level!r} was passed.")
    keys = as_list(by)
    require(posts, keys, func="bootstrap_interval")
    posts = _prepare(posts, metric, "bootstrap_interval")
    values = pd.to_numeric(posts[metric], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    if keys:
        grouped = posts.groupby(keys, sort=True, dropna=False, observed=True)
        codes = grouped.ngroup().to_numpy()
        index = grouped.size().index
        ngroups = len(index)
        frame = index.to_frame(index=False)
    else:
        codes = np.zeros(len(posts), dtype=np.int64)
        ngroups = 1
        frame = pd.DataFrame(index=range(1))
    codes = codes.astype(np.int64)
    ok = ~np.isnan(values)
    n_all = np.bincount(codes, minlength=ngroups)
    n_ok = np.bincount(codes[ok], minlength=ngroups)
    sums = np.bincount(codes[ok], weights=values[ok], minlength=ngroups)
    mean = divide(sums, n_ok, func="bootstrap_interval", name="mean", quiet=True)  # no value: n 0, verdict says so
    low, high, method = interval_table(values, codes, ngroups, level=level, n_boot=n_boot,
                                       rng=seed_for(seed, metric), boot_max=boot_max)
    vcode = posts_verdict(n_ok, min_posts=min_posts)
    return frame.assign(n_posts=n_all, n=n_ok, mean=mean, ci_low=low, ci_high=high,
                        ci_method=INTERVAL_METHODS[method], verdict_code=vcode,
                        verdict=verdict_text(vcode, lang))


def compare_groups(posts: pd.DataFrame, *, by: str, metric: str = "er_reach", baseline=None, min_posts: int = 5,
                   level: float = 0.95, n_boot: int = 2000, seed: int = 0, lang: str = "id",
                   boot_max: int = 1000) -> pd.DataFrame:
    """Does one group really outperform another? Difference of means with a bootstrap interval.

    Each pair of groups is compared by the difference of their mean
    per-post ``metric``; the interval comes from resampling posts within
    each group independently (seeded, vectorised).

    Parameters
    ----------
    posts : DataFrame
        Posts with ``by`` and ``metric`` (or what :func:`post_metrics` needs).
    by : str
        Column whose values are compared (e.g. ``"format"``, ``"theme"``).
    metric : str
        Per-post metric (default ``"er_reach"``).
    baseline : optional
        Compare every group with this one only; by default all pairs,
        the group with the higher mean first.
    min_posts : int
        Below this many posts with the metric in either group the verdict
        is "not enough posts to tell".
    level, n_boot, seed, boot_max
        As in :func:`bootstrap_interval`.
    lang : {"id", "en"}
        Language of ``verdict``.

    Returns
    -------
    DataFrame
        One row a pair: ``group_a``, ``group_b``, ``n_a``, ``n_b``,
        ``mean_a``, ``mean_b``, ``difference`` (mean_a - mean_b),
        ``relative_difference`` (difference / mean_b), ``ci_low``,
        ``ci_high``, ``verdict_code`` (one of :data:`VERDICTS`) and
        ``verdict`` (text in ``lang``).

    Raises
    ------
    SchemaError
        When ``by`` (or the metric's inputs) is missing.
    ValueError
        For a bad ``lang`` or a ``baseline`` that is not a group.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"format": ["reel", "photo"], "er_reach": [0.2, 0.1]})
    >>> compare_groups(posts, by="format")["verdict"].iloc[0]
    'belum cukup data untuk menyimpulkan'
    """
    check_choice("lang", lang, LANGS)
    require(posts, [by], func="compare_groups")
    posts = _prepare(posts, metric, "compare_groups")
    values = pd.to_numeric(posts[metric], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    ok = ~np.isnan(values)
    codes, uniques = pd.factorize(posts[by], sort=True)
    keep = ok & (codes >= 0)
    if baseline is not None:
        check_choice("baseline", baseline, list(uniques))
    g = len(uniques)
    rng = seed_for(seed, f"compare:{metric}")
    means, n, _ = boot_means(values[keep], codes[keep].astype(np.int64), g, n_boot=n_boot, rng=rng,
                             boot_max=boot_max)
    sums = np.bincount(codes[keep], weights=values[keep], minlength=g)
    mean = divide(sums, n, func="compare_groups", name="mean", quiet=True)  # a group without values: n 0
    if baseline is not None:
        b = list(uniques).index(baseline)
        pairs = [(a, b) for a in range(g) if a != b]
    else:
        pairs = []
        for i in range(g):
            for j in range(i + 1, g):
                hi_first = not (mean[j] > mean[i])
                pairs.append((i, j) if hi_first else (j, i))
    cols = ["group_a", "group_b", "n_a", "n_b", "mean_a", "mean_b", "difference", "relative_difference",
            "ci_low", "ci_high", "verdict_code", "verdict"]
    if not pairs:
        if g < 2:
            warn(f"compare_groups: `{by}` has {g} group(s) with data; nothing to compare.")
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("group_a", "group_b", "verdict_code", "verdict")
                                         else "float64") for c in cols})
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    diff_boot = means[:, a] - means[:, b]
    alpha = (1 - level) / 2
    with np.errstate(invalid="ignore"):
        q = np.nanquantile(diff_boot, [alpha, 1 - alpha], axis=0) if diff_boot.size else np.empty((2, 0))
    enough = (n[a] >= min_posts) & (n[b] >= min_posts)
    low = np.where(enough, q[0], np.nan)
    high = np.where(enough, q[1], np.nan)
    diff = mean[a] - mean[b]
    code = np.where(~enough, "not_enough_data",
                    np.where(low > 0, "a_higher", np.where(high < 0, "b_higher", "no_clear_difference")))
    names = np.asarray(uniques, dtype=object)
    verdict = [text(f"verdict.{c}", lang, a=names[i], b=names[j]) for c, i, j in zip(code, a, b)]
    rel = divide(diff, mean[b], func="compare_groups", name="relative_difference", signed=True)
    return pd.DataFrame({
        "group_a": names[a], "group_b": names[b], "n_a": n[a], "n_b": n[b],
        "mean_a": mean[a], "mean_b": mean[b], "difference": diff, "relative_difference": rel,
        "ci_low": low, "ci_high": high, "verdict_code": code, "verdict": verdict,
    })
