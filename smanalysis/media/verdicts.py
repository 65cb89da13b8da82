"""Honest verdicts: one rule for "enough posts", "on target" and "up or down", with intervals.

A small business publishes a few dozen posts a month. A rate of 0.054 against a
target of 0.05 is not "on target" when its 95% interval runs from 0.046 to
0.069: the honest answer is "cannot tell yet". Every verdict of the library is
decided here, by three functions that take arrays (vectorised) and return
verdict codes; :func:`verdict_text` turns codes into words.

* :func:`posts_verdict`: a group figure resting on fewer than ``min_posts``
  posts is "not enough posts".
* :func:`target_verdict`: a KPI against its target, by the interval (a figure
  without sampling error, e.g. posts per week, by its value).
* :func:`change_verdict`: a period comparison, by the interval of the change.

:func:`ratio_interval` gives the seeded bootstrap interval of a ratio of
totals (sum of numerators / sum of denominators over posts) per group.

Examples
--------
>>> import numpy as np
>>> target_verdict(0.054, 0.046, 0.069, 0.05)
array(['cannot_tell'], dtype=object)
>>> verdict_text(target_verdict([0.054, 0.07], [0.051, 0.06], [0.06, 0.08], 0.05), "en")
['on target', 'on target']
>>> verdict_text(posts_verdict([3, 12], min_posts=5), "en")
['not enough posts', 'enough posts']
"""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["MIN_POSTS", "posts_verdict", "target_verdict", "change_verdict", "verdict_text",
           "ratio_interval"]

#: Default minimum number of posts behind a group figure.
MIN_POSTS = 5

def _arr(x) -> np.ndarray:
    return np.atleast_1d(np.asarray(x, dtype="float64"))


def posts_verdict(n, *, min_posts: int = MIN_POSTS) -> np.ndarray:
    """``"enough_posts"`` or ``"not_enough_posts"`` for each group size ``n``.

    Examples
    --------
    >>> posts_verdict([4, 5], min_posts=5).tolist()
    ['not_enough_posts', 'enough_posts']
    """
    n = _arr(n)
    return np.where(n >= min_posts, "enough_posts", "not_enough_posts").astype(object)


def target_verdict(value, low, high, target, *, lower_is_better=False, n=None,
                   min_posts: int = MIN_POSTS) -> np.ndarray:
    """The one rule for a figure against its target.

    Parameters
    ----------
    value : float or array
        The figure (NaN: not measurable).
    low, high : float or array
        Its interval; NaN for a figure without sampling error (a count of
        posts, follower growth), which is then judged by ``value`` alone.
    target : float or array
    lower_is_better : bool or array of bool
        True for figures such as response minutes.
    n : int or array, optional
        Posts behind the figure; fewer than ``min_posts`` -> ``"cannot_tell"``.
    min_posts : int

    Returns
    -------
    ndarray of str
        ``"on_target"`` (the whole interval meets the target),
        ``"below_target"`` (the whole interval misses it, higher is better),
        ``"above_target"`` (misses it, lower is better), ``"cannot_tell"``
        (the interval straddles the target, or too few posts) or
        ``"no_data"``.

    Examples
    --------
    >>> target_verdict([0.06, 0.04, 0.052], [0.055, 0.03, 0.045], [0.065, 0.045, 0.06], 0.05).tolist()
    ['on_target', 'below_target', 'cannot_tell']
    >>> target_verdict(12.0, np.nan, np.nan, 10.0).tolist()  # no interval: the value decides
    ['on_target']
    >>> target_verdict(40.0, 30.0, 70.0, 60.0, lower_is_better=True).tolist()
    ['cannot_tell']
    """
    value, low, high, target = np.broadcast_arrays(_arr(value), _arr(low), _arr(high), _arr(target))
    lib = np.broadcast_to(np.atleast_1d(np.asarray(lower_is_better, dtype=bool)), value.shape)
    exact = np.isnan(low) & np.isnan(high)
    lo = np.where(exact, value, low)
    hi = np.where(exact, value, high)
    with np.errstate(invalid="ignore"):
        meets = np.where(lib, hi <= target, lo >= target)
        misses = np.where(lib, lo > target, hi < target)
    code = np.where(meets, "on_target",
                    np.where(misses, np.where(lib, "above_target", "below_target"), "cannot_tell")).astype(object)
    if n is not None:
        few = np.broadcast_to(_arr(n), value.shape) < min_posts
        code = np.where(few & ~exact, "cannot_tell", code).astype(object)
    code[np.isnan(value) | np.isnan(target)] = "no_data"
    return code


def change_verdict(low, high, *, n_current=None, n_previous=None, min_posts: int = MIN_POSTS) -> np.ndarray:
    """Up, down or cannot tell, from the interval of a change (current - previous).

    ``n_current``/``n_previous`` (posts behind each side): under ``min_posts``
    on either side the verdict is ``"not_enough_posts"``; a NaN interval is
    ``"no_data"``.

    Examples
    --------
    >>> change_verdict([0.01, -0.03, -0.01], [0.02, -0.01, 0.02]).tolist()
    ['up', 'down', 'cannot_tell']
    >>> change_verdict(0.01, 0.02, n_current=3, n_previous=10).tolist()
    ['not_enough_posts']
    """
    low, high = np.broadcast_arrays(_arr(low), _arr(high))
    with np.errstate(invalid="ignore"):
        code = np.where(low > 0, "up", np.where(high < 0, "down", "cannot_tell")).astype(object)
    code[np.isnan(low) | np.isnan(high)] = "no_data"
    if n_current is not None or n_previous is not None:
        nc = np.broadcast_to(_arr(n_current if n_current is not None else np.inf), code.shape)
        npv = np.broadcast_to(_arr(n_previous if n_previous is not None else np.inf), code.shape)
        code[(nc < min_posts) | (npv < min_posts)] = "not_enough_posts"
    return code


def verdict_text(codes, lang: str = "id") -> list[str]:
    """Words of verdict codes in ``lang`` ("id" or "en"): the catalogue's ``verdict.<code>`` entries.

    >>> verdict_text(["cannot_tell"], "id")
    ['belum bisa disimpulkan']
    """
    from ..words import text

    return [text(f"verdict.{c}", lang) for c in np.atleast_1d(np.asarray(codes, dtype=object))]


def ratio_interval(numer, denom, codes=None, n_groups: int | None = None, *, level: float = 0.95,
                   n_boot: int = 1000, seed: int = 0, name: str = "ratio", max_draws: int = 20_000_000,
                   return_boot: bool = False):
    """Seeded bootstrap interval of sum(numer) / sum(denom) per group, resampling posts.

    Posts where either part is NaN are left out. Groups above ``max_draws``
    draws (posts x replicates) use the delta-method normal approximation.

    Parameters
    ----------
    numer, denom : array
        Per-post numerator and denominator (for a mean of posts, ``denom`` = 1).
    codes : array of int, optional
        Group of each post (0..n_groups-1); default one group.
    n_groups : int, optional
    level, n_boot, seed
        Interval level, replicates and random seed.
    name : str
        Mixed into the seed, so that each figure has its own stable stream.
    return_boot : bool
        Also return the ``(n_boot, n_groups)`` replicate ratios.

    Returns
    -------
    tuple
        ``(low, high, n)`` arrays per group (NaN under 2 posts), plus the
        replicates when ``return_boot``.

    Examples
    --------
    >>> low, high, n = ratio_interval([1, 1, 1, 1], [10, 10, 10, 10])
    >>> float(low[0]), float(high[0]), int(n[0])
    (0.1, 0.1, 4)
    """
    num = _arr(numer)
    den = _arr(denom)
    codes = np.zeros(len(num), dtype=np.int64) if codes is None else np.asarray(codes, dtype=np.int64)
    g = int(codes.max()) + 1 if n_groups is None and len(codes) else (n_groups or 1)
    ok = ~(np.isnan(num) | np.isnan(den)) & (codes >= 0)
    num, den, codes = num[ok], den[ok], codes[ok]
    n = np.bincount(codes, minlength=g)
    boot = np.full((n_boot, g), np.nan)
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, zlib.crc32(name.encode())])
    order = np.argsort(codes, kind="stable")
    num, den, codes = num[order], den[order], codes[order]
    starts = np.concatenate([[0], np.cumsum(n)[:-1]])
    for k in np.flatnonzero(n >= 2):  # one pass a group; groups are few (platforms, periods, paid)
        a, size = starts[k], n[k]
        nk, dk = num[a:a + size], den[a:a + size]
        if size * n_boot <= max_draws:
            batch = max(1, 4_000_000 // size)
            for b0 in range(0, n_boot, batch):
                b = min(batch, n_boot - b0)
                idx = rng.integers(0, size, size=(b, size))
                with np.errstate(invalid="ignore", divide="ignore"):
                    boot[b0:b0 + b, k] = nk[idx].sum(axis=1) / dk[idx].sum(axis=1)
        else:  # delta method: var(r) ~ var(n - r d) / (size * mean(d)^2)
            r = nk.sum() / dk.sum()
            se = np.sqrt(np.var(nk - r * dk, ddof=1) / size) / abs(dk.mean())
            boot[:, k] = r + rng.standard_normal(n_boot) * se
    alpha = (1 - level) / 2
    low = np.full(g, np.nan)
    high = np.full(g, np.nan)
    has = n >= 2
    if has.any():
        with np.errstate(invalid="ignore"):
            q = np.nanquantile(boot[:, has], [alpha, 1 - alpha], axis=0)
        low[has], high[has] = q[0], q[1]
    return (low, high, n, boot) if return_boot else (low, high, n)
