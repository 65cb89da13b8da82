"""Paid vs organic: every media figure split by the ``paid`` flag, and what the boost bought.

UKM owners boost posts routinely ("promosikan"). A boosted post reaches more
people because it was paid for, so mixing boosted and organic posts hides how
the content itself performs. :func:`paid_split` gives the media figures per
group (organic, paid, unknown), :func:`boost_effect` the extra reach and
engagement per boosted post against comparable organic posts (same platform
and format), with a Welch t interval, and says when there are too few
boosted posts to tell.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": list("abcd"), "platform": "instagram", "account": "k",
...     "created_at": pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"], utc=True),
...     "likes": [10.0, 20.0, 50.0, 70.0], "reach": [100.0, 100.0, 500.0, 700.0], "paid": [False, False, True, True]})
>>> paid_split(posts, metrics=["er_reach"], ci=None, lang="en")[["paid_status", "n_posts", "reach_total", "verdict"]]
  paid_status  n_posts  reach_total           verdict
0     organic        2        200.0  not enough posts
1        paid        2       1200.0  not enough posts
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import as_list, check_choice
from ..words import LANGS, text
from ._common import num, require, warn
from .aggregate import summary
from .metrics import METRICS
from .posts import post_metrics
from .verdicts import MIN_POSTS

__all__ = ["MIN_BOOSTED", "paid_status", "paid_split", "boost_effect"]

#: Fewest comparable boosted posts for :func:`boost_effect` to give an interval (see its Notes).
MIN_BOOSTED = 5


def paid_status(posts: pd.DataFrame) -> pd.Series:
    """``"paid"``, ``"organic"`` or ``"unknown"`` per post from the canonical ``paid`` flag.

    Examples
    --------
    >>> import pandas as pd
    >>> paid_status(pd.DataFrame({"paid": [True, False, None]})).tolist()
    ['paid', 'organic', 'unknown']
    """
    if "paid" not in posts.columns:
        return pd.Series("unknown", index=posts.index, name="paid_status")
    p = posts["paid"]
    known = p.notna()
    flag = p.where(known, False).astype(bool)
    out = np.where(~known.to_numpy(), "unknown", np.where(flag.to_numpy(), "paid", "organic"))
    return pd.Series(out, index=posts.index, name="paid_status")


def paid_split(posts: pd.DataFrame, *, by=None, metrics=None, followers: pd.DataFrame | None = None,
               engagement="platform", ci: float | None = 0.95, n_boot: int = 1000, seed: int = 0,
               min_posts: int = MIN_POSTS, lang: str = "id", timezone: str | None = None) -> pd.DataFrame:
    """Media figures split by paid status (organic, paid, unknown): :func:`summary` per group.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts (or :func:`post_metrics` output); ``paid`` optional
        (without it every post is "unknown", with a warning).
    by : str or list of str, optional
        Further grouping (e.g. ``"platform"``); ``paid_status`` comes last.
    metrics, followers, engagement, ci, n_boot, seed, min_posts, lang, timezone
        As in :func:`summary`.

    Returns
    -------
    DataFrame
        :func:`summary` columns per ``by`` and ``paid_status`` group, with
        ``n_posts`` and ``verdict`` ("not enough posts" under ``min_posts``),
        and ``paid_label`` (the group's name in ``lang``).

    Warns
    -----
    SMAnalysisWarning
        When no post has a paid flag.
    """
    check_choice("lang", lang, LANGS)
    keys = as_list(by)
    require(posts, keys, func="paid_split")
    if "paid" not in posts.columns or posts["paid"].isna().all():
        warn("paid_split: no post has a `paid` flag; every post is 'unknown'. Exports with boost columns "
             "(Meta 'Funded content status', X promoted) fill it.")
    pm = posts.assign(paid_status=paid_status(posts))
    res = summary(pm, by=[*keys, "paid_status"], metrics=metrics, followers=followers, engagement=engagement,
                  ci=ci, n_boot=n_boot, seed=seed, min_posts=min_posts, lang=lang, timezone=timezone)
    res.insert(len(keys) + 1, "paid_label", res["paid_status"].map(lambda s: text(f"paid.{s}", lang)))
    return res


def _stratum_codes(frame: pd.DataFrame, match: list[str]) -> np.ndarray:
    if not match:
        return np.zeros(len(frame), dtype=np.int64)
    return frame.groupby(match, dropna=False, sort=True).ngroup().to_numpy().astype(np.int64)


def _what(metric: str, lang: str) -> str:
    """The metric's registry label inside a sentence ("Reach" -> "reach", "ER (reach)" stays)."""
    from .metrics import metric_label

    try:
        lab = metric_label(metric, lang)
    except Exception:  # noqa: BLE001 - a column the registry does not know: its name
        lab = metric.replace("_", " ")
    return lab[:1].lower() + lab[1:] if lab[1:2].islower() else lab


def _pooled_var(v: np.ndarray, strata: np.ndarray, n_k: np.ndarray) -> tuple[float, float]:
    """Within-stratum pooled variance of ``v`` and its degrees of freedom; the plain sample
    variance (between strata included, so wider) when every stratum has one value."""
    s_n = len(n_k)
    sums = np.bincount(strata, weights=v, minlength=s_n)
    means = np.divide(sums, n_k, out=np.zeros(s_n), where=n_k > 0)
    dof = len(v) - int((n_k > 0).sum())
    if dof >= 1:
        return float(((v - means[strata]) ** 2).sum() / dof), float(dof)
    return (float(np.var(v, ddof=1)), float(len(v) - 1)) if len(v) >= 2 else (np.nan, np.nan)


def boost_effect(posts: pd.DataFrame, *, metrics=("reach", "engagements", "er_reach"), match=("platform", "format"),
                 min_boosted: int = MIN_BOOSTED, level: float = 0.95, lang: str = "id",
                 followers: pd.DataFrame | None = None, engagement="platform") -> pd.DataFrame:
    """What the boost bought: extra per boosted post against comparable organic posts, with an interval.

    Each boosted post is compared with the organic posts of its stratum (same ``match`` columns,
    e.g. platform and format); strata without 2 organic posts are left out. The effect is the
    average over boosted posts of (boosted value - mean of its stratum's organic posts), i.e. the
    strata's differences of means weighted by their boosted posts ``w_k = n_boosted_k / n_boosted``.

    The interval is Welch's t interval of that weighted difference: variance
    ``s_b^2 / n_boosted + s_o^2 * sum_k(w_k^2 / n_organic_k)`` with ``s_b^2`` and ``s_o^2`` the
    within-stratum pooled variances of boosted and organic posts, degrees of freedom by
    Welch-Satterthwaite. The verdict reads the interval: above zero "the boost bought more",
    below zero "boosted posts got less", straddling zero "cannot tell yet".

    Parameters
    ----------
    posts : DataFrame
        Canonical posts with ``paid`` (or :func:`post_metrics` output).
    metrics : sequence of str
        Per-post columns compared (counts such as ``reach`` or rates).
    match : sequence of str
        Columns that define comparable posts (those present are used).
    min_boosted : int
        Fewer comparable boosted posts -> "too few boosted posts to tell" and no interval
        (default :data:`MIN_BOOSTED` = 5; see Notes).
    level : float
        Interval level.
    lang : {"id", "en"}
    followers, engagement
        Passed to :func:`post_metrics` when a rate is not yet computed.

    Returns
    -------
    DataFrame
        One row a metric: ``metric``, ``n_boosted`` (comparable boosted posts), ``n_organic``
        (their organic peers), ``n_strata``, ``boosted_mean``, ``organic_mean`` (weighted like
        the effect), ``extra_per_boosted_post`` (difference), ``relative_extra`` (extra /
        organic mean), ``ci_low``, ``ci_high``, ``verdict_code`` (``"boost_more"``,
        ``"boost_less"``, ``"cannot_tell"``, ``"too_few_boosted"``, ``"no_paid_flag"``; words:
        the catalogue's ``boost.*``) and ``verdict``.

    Notes
    -----
    Why 5 boosted posts at least. Post reach is skewed (a few posts travel far), and small
    samples of skewed values give intervals that are too narrow. In a simulation (boosted reach
    twice organic, log-normal with sigma 0.8, 20 organic posts, 3,000 draws) the 95% interval
    covered the true extra this often:

    ==========================  =====  =====  =====  =====
    boosted posts                   3      5     10     15
    Welch t interval (used)       84 %   87 %   90 %   92 %
    percentile bootstrap          69 %   79 %   87 %   90 %
    ==========================  =====  =====  =====  =====

    With milder skew (sigma 0.5) Welch covers 89 % at 3 and 92 % at 5 boosted posts. Under 5
    the coverage falls off fast while the t quantile explodes (2 degrees of freedom: 4.3
    standard errors), so the library says "too few boosted posts" rather than print an
    interval; from 5 (the library's :data:`~smanalysis.media.verdicts.MIN_POSTS`) the
    interval is honest enough to read, and "cannot tell yet" remains the answer while it
    straddles zero.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"platform": "instagram", "format": "reel",
    ...     "reach": [100.0, 120.0, 110.0, 400.0, 420.0, 380.0, 410.0, 390.0], "paid": [False] * 3 + [True] * 5})
    >>> boost_effect(posts, metrics=["reach"], lang="en")[["metric", "extra_per_boosted_post", "verdict"]]
      metric  extra_per_boosted_post                            verdict
    0  reach                   290.0  the boost bought more reach (95%)
    """
    from scipy.special import stdtrit  # Student t quantile (scipy.stats' t.ppf) without importing scipy.stats

    check_choice("lang", lang, LANGS)
    metrics = as_list(metrics)
    cols = ["metric", "n_boosted", "n_organic", "n_strata", "boosted_mean", "organic_mean",
            "extra_per_boosted_post", "relative_extra", "ci_low", "ci_high", "verdict_code", "verdict"]
    if "paid" not in posts.columns or posts["paid"].isna().all():
        return pd.DataFrame([{**dict.fromkeys(cols, np.nan), "metric": m, "n_boosted": 0, "n_organic": 0,
                              "n_strata": 0, "verdict_code": "no_paid_flag",
                              "verdict": text("boost.no_paid_flag", lang)} for m in metrics], columns=cols)
    missing = [m for m in metrics if m not in posts.columns]
    if missing:
        posts = post_metrics(posts, followers=followers, engagement=engagement)
        require(posts, metrics, func="boost_effect")
    match = [c for c in as_list(match) if c in posts.columns]
    status = paid_status(posts).to_numpy()
    strata = _stratum_codes(posts, match)
    s_n = int(strata.max()) + 1 if len(strata) else 0
    rows = []
    for m in metrics:
        v = num(posts, m)
        ok = ~np.isnan(v)
        n_o = np.bincount(strata[ok & (status == "organic")], minlength=s_n)
        use_k = (np.bincount(strata[ok & (status == "paid")], minlength=s_n) > 0) & (n_o >= 2)
        paid = ok & (status == "paid") & use_k[strata]
        org = ok & (status == "organic") & use_k[strata]
        n_p = np.bincount(strata[paid], minlength=s_n)
        n_b, n_org = int(n_p.sum()), int(n_o[use_k].sum())
        base = {"metric": m, "n_boosted": n_b, "n_organic": n_org, "n_strata": int(use_k.sum())}
        if n_b < min_boosted:
            rows.append({**base, "verdict_code": "too_few_boosted",
                         "verdict": text("boost.too_few_boosted", lang, n=min_boosted)})
            continue
        w = n_p / n_b
        mp = np.divide(np.bincount(strata[paid], weights=v[paid], minlength=s_n), n_p, out=np.zeros(s_n),
                       where=n_p > 0)
        mo = np.divide(np.bincount(strata[org], weights=v[org], minlength=s_n), n_o, out=np.zeros(s_n),
                       where=use_k)
        pm_, om_ = float(np.dot(w, mp)), float(np.dot(w[use_k], mo[use_k]))
        var_b, df_b = _pooled_var(v[paid], strata[paid], n_p)
        var_o, df_o = _pooled_var(v[org], strata[org], np.where(use_k, n_o, 0))
        c_b, c_o = var_b / n_b, var_o * float(np.sum(w[use_k] ** 2 / n_o[use_k]))
        se = np.sqrt(c_b + c_o)
        df = (c_b + c_o) ** 2 / (c_b ** 2 / df_b + c_o ** 2 / df_o) if se > 0 else np.inf
        half = float(stdtrit(df, 0.5 + level / 2)) * se if se > 0 else 0.0
        extra = pm_ - om_
        lo, hi = extra - half, extra + half
        code = "boost_more" if lo > 0 else "boost_less" if hi < 0 else "cannot_tell"
        rows.append({**base, "boosted_mean": pm_, "organic_mean": om_, "extra_per_boosted_post": extra,
                     "relative_extra": float(METRICS["relative_extra"].ratio([extra], [om_])[0]), "ci_low": lo, "ci_high": hi,
                     "verdict_code": code, "verdict": text(f"boost.{code}", lang, what=_what(m, lang))})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("n_boosted", "n_organic", "n_strata"):
        out[c] = out[c].astype("int64")
    return out
