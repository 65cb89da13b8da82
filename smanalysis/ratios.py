"""The one place smanalysis divides a reported figure, and warns when it cannot.

Every rate, share, relative change, z-score and overlap that smanalysis reports is either a
registry entry (:data:`smanalysis.media.METRICS`, whose :class:`~smanalysis.media.Metric` calls
:func:`ratio_parts`) or one of the helpers here. A zero or missing denominator gives NaN and one
:class:`~smanalysis.exceptions.SMAnalysisWarning` naming the function, the figure and how many rows
it left undefined (the scikit-learn ``_prf_divide`` + ``UndefinedMetricWarning`` pattern), the same
words everywhere. Statistical formulas (variances, degrees of freedom), plot geometry, unit
conversions and the sample generator divide where they stand: ``tests/test_one_division.py`` lists
those places with their reasons.

Functions
---------
ratio_parts
    The kernel: ``numer / denom x scale`` and the number of rows the denominator left undefined.
warn_undefined
    The one warning.
divide
    :func:`ratio_parts` and :func:`warn_undefined` together; keeps pandas indexes.
share_of_total
    Each value's share of its group's (or the whole column's) total.
relative_change
    ``(current - previous) / |previous|``.
jaccard
    Overlap of two sets from their sizes: ``both / (a + b - both)``.

Examples
--------
>>> import pandas as pd
>>> divide(pd.Series([1.0, 2.0]), pd.Series([4.0, 8.0]), func="doc", name="x").tolist()
[0.25, 0.25]
>>> share_of_total(pd.Series([1, 3, 2]), pd.Series(["a", "a", "b"]), func="doc", name="share").tolist()
[0.25, 0.75, 1.0]
>>> relative_change(pd.Series([3.0, -0.1]), pd.Series([2.0, -0.2]), func="doc").round(2).tolist()
[0.5, 0.5]
>>> jaccard([2], [3], [4], func="doc").tolist()
[0.4]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .exceptions import SMAnalysisWarning

__all__ = ["ratio_parts", "warn_undefined", "divide", "share_of_total", "relative_change", "jaccard"]


def _values(x) -> np.ndarray:
    """``x`` as a float64 array (pandas NA and non-numbers -> NaN)."""
    if isinstance(x, (pd.Series, pd.Index)):
        if x.dtype != "float64":
            x = pd.to_numeric(pd.Series(x), errors="coerce")
        return x.to_numpy(dtype="float64", na_value=np.nan)
    return np.asarray(x, dtype="float64")


def ratio_parts(numer, denom, *, scale: float = 1.0, signed: bool = False) -> tuple[np.ndarray, int]:
    """``numer / denom x scale`` and how many rows the denominator left undefined.

    Parameters
    ----------
    numer, denom : array-like or scalar
        Broadcast together.
    scale : float, default 1.0
        Multiplier of the ratio (1,000 for per-1,000 rates, 7 for per week).
    signed : bool, default False
        False: the denominator must be > 0 (counts, reach, followers). True: any non-zero
        denominator divides (a mean that can be negative).

    Returns
    -------
    (ndarray, int)
        The ratios (NaN where the denominator is missing, zero, negative unless ``signed``, or the
        result is infinite) and the number of those rows whose numerator is known: the caller
        warns once with :func:`warn_undefined`.

    Examples
    --------
    >>> out, bad = ratio_parts([1.0, 1.0, np.nan], [4.0, 0.0, 0.0])
    >>> out.tolist(), bad
    ([0.25, nan, nan], 1)
    >>> ratio_parts([1.0], [-2.0], signed=True)[0].tolist()
    [-0.5]
    """
    numer, denom = np.broadcast_arrays(_values(numer), _values(denom))
    bad = ~(denom != 0) if signed else ~(denom > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = numer / np.where(bad, 1.0, denom) * scale
    out = np.where(bad | np.isinf(out), np.nan, out)
    return out, int((bad & ~np.isnan(numer)).sum())


def warn_undefined(func: str, undefined: dict[str, int], n: int, *, hint: str = "", stacklevel: int = 3) -> None:
    """One :class:`SMAnalysisWarning` naming ``func`` and, per figure, the rows left undefined.

    Nothing happens when every count is 0.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     warn_undefined("summary", {"er_reach": 2}, 5)
    >>> str(w[0].message)
    'summary: zero or missing denominators, set to NaN: er_reach 2 of 5.'
    """
    undefined = {k: v for k, v in undefined.items() if v}
    if undefined:
        details = "; ".join(f"{k} {v} of {n}" for k, v in undefined.items())
        warnings.warn(f"{func}: zero or missing denominators, set to NaN: {details}.{' ' + hint if hint else ''}",
                      SMAnalysisWarning, stacklevel=stacklevel)


def _like(out: np.ndarray, *inputs):
    """``out`` as a Series with the index of the first Series input, a float for scalar inputs."""
    for x in inputs:
        if isinstance(x, pd.Series):
            return pd.Series(out, index=x.index, name=x.name)
    if out.ndim == 0:
        return float(out)
    return out


def divide(numer, denom, *, func: str, name: str, scale: float = 1.0, signed: bool = False,
           quiet: bool = False):
    """``numer / denom x scale``; NaN and one warning where the denominator is zero or missing.

    Parameters
    ----------
    numer, denom : Series, array-like or scalar
    func, name : str
        The public function and the figure, named in the warning (``"tone_profile"``, ``"slang_rate"``).
    scale : float, default 1.0
    signed : bool, default False
        See :func:`ratio_parts`.
    quiet : bool, default False
        Do not warn (the caller says it another way, for example a verdict "cannot tell yet").

    Returns
    -------
    Series, ndarray or float
        A Series (with the first Series input's index) when either input is one.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     divide(pd.Series([1, 2], index=["a", "b"]), pd.Series([2, 0], index=["a", "b"]),
    ...            func="doc", name="rate").to_dict()
    {'a': 0.5, 'b': nan}
    >>> str(w[0].message)
    'doc: zero or missing denominators, set to NaN: rate 1 of 2.'
    """
    out, bad = ratio_parts(numer, denom, scale=scale, signed=signed)
    if not quiet:
        warn_undefined(func, {name: bad}, out.size, stacklevel=4)
    return _like(out, numer, denom)


def share_of_total(values, groups=None, *, func: str, name: str = "share", quiet: bool = False):
    """Each value over the total of its group (of all values when ``groups`` is None).

    Parameters
    ----------
    values : Series or array-like
        Non-negative amounts (counts, weights, exported shares).
    groups : Series, array-like or list of them, optional
        Group keys aligned with ``values`` (NaN keys form their own group).
    func, name : str
        Named in the warning when a group's total is 0.
    quiet : bool, default False

    Returns
    -------
    Series or ndarray
        Shares in [0, 1]; each group's shares sum to 1 (NaN where its total is 0).

    Examples
    --------
    >>> share_of_total(pd.Series([2, 6]), func="doc").tolist()
    [0.25, 0.75]
    """
    s = values if isinstance(values, pd.Series) else pd.Series(_values(values))
    if groups is None:
        total = pd.Series(s.sum(), index=s.index)
    else:
        keys = [g.to_numpy() if isinstance(g, pd.Series) else np.asarray(g) for g in
                (groups if isinstance(groups, list) else [groups])]
        total = s.groupby(keys, dropna=False, sort=False).transform("sum")
        total.index = s.index
    out = divide(s, total, func=func, name=name, quiet=quiet)
    return out if isinstance(values, pd.Series) else out.to_numpy()


def relative_change(current, previous, *, func: str, name: str = "change_pct", quiet: bool = False):
    """``(current - previous) / |previous|``: +0.5 is 50 % up, whatever the sign of ``previous``.

    NaN (and one warning unless ``quiet``) where ``previous`` is 0 or missing.

    Examples
    --------
    >>> relative_change(np.array([12.0, 1.0]), np.array([10.0, 2.0]), func="doc").tolist()
    [0.2, -0.5]
    """
    cur, prev = _values(current), _values(previous)
    out, bad = ratio_parts(cur - prev, np.abs(prev))
    if not quiet:
        warn_undefined(func, {name: bad}, out.size, stacklevel=3)
    return _like(out, current, previous)


def jaccard(n_both, n_a, n_b, *, func: str, name: str = "jaccard", quiet: bool = False):
    """Jaccard overlap of two sets from their sizes: ``both / (a + b - both)`` (NaN for two empty sets).

    Examples
    --------
    >>> jaccard(np.array([1, 0]), np.array([2, 3]), np.array([2, 1]), func="doc").round(3).tolist()
    [0.333, 0.0]
    """
    both = _values(n_both)
    return divide(n_both, _values(n_a) + _values(n_b) - both, func=func, name=name, quiet=quiet)
