"""Paid vs organic: every media figure split by the ``paid`` flag, and what the boost bought.

UKM owners boost posts routinely ("promosikan"). A boosted post reaches more
people because it was paid for, so mixing boosted and organic posts hides how
the content itself performs. :func:`paid_split` gives the media figures per
group (organic, paid, unknown), :func:`boost_effect` the extra reach and
engagement per boosted post against comparable organic posts (same platform
and format), with a seeded bootstrap interval, and says when there are too few
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

import zlib

import numpy as np
import pandas as pd

from .._checks import as_list, check_choice
from ..words import LANGS
from ._common import num, require, warn
from .aggregate import summary
from .metrics import METRICS
from .posts import post_metrics
from .verdicts import MIN_POSTS

__all__ = ["paid_status", "paid_split", "boost_effect", "BOOST_WORDS", "PAID_LABELS"]

#: Labels of the paid groups, (id, en).
PAID_LABELS = {"organic": ("organik", "organic"), "paid": ("berbayar (boost)", "paid (boosted)"),
               "unknown": ("tidak diketahui", "unknown")}

#: Verdict code of :func:`boost_effect` -> (id, en); ``{what}`` is the metric's name.
BOOST_WORDS = {
    "boost_more": ("boost menambah {what} (95 %)", "the boost bought more {what} (95 %)"),
    "boost_less": ("unggahan boost mendapat {what} lebih rendah (95 %)", "boosted posts got less {what} (95 %)"),
    "no_clear_difference": ("tidak ada perbedaan {what} yang jelas", "no clear difference in {what}"),
    "too_few_boosted": ("terlalu sedikit unggahan boost untuk menyimpulkan",
                        "too few boosted posts to tell"),
    "no_paid_flag": ("ekspor tidak menyebut unggahan mana yang di-boost",
                     "the exports do not say which posts were boosted"),
}


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
    i = 0 if lang == "id" else 1
    res.insert(len(keys) + 1, "paid_label", res["paid_status"].map(lambda s: PAID_LABELS[s][i]))
    return res


def _stratum_codes(frame: pd.DataFrame, match: list[str]) -> np.ndarray:
    if not match:
        return np.zeros(len(frame), dtype=np.int64)
    return frame.groupby(match, dropna=False, sort=True).ngroup().to_numpy().astype(np.int64)


def boost_effect(posts: pd.DataFrame, *, metrics=("reach", "engagements", "er_reach"), match=("platform", "format"),
                 min_boosted: int = 3, n_boot: int = 2000, level: float = 0.95, seed: int = 0, lang: str = "id",
                 followers: pd.DataFrame | None = None, engagement="platform") -> pd.DataFrame:
    """What the boost bought: extra per boosted post against comparable organic posts.

    Each boosted post is compared with the organic posts of its stratum
    (same ``match`` columns, e.g. platform and format); strata without an
    organic post are left out. The effect is the average over boosted posts
    of (boosted value - mean of its stratum's organic posts), i.e. the
    strata's differences of means weighted by their boosted posts. The
    interval resamples boosted and organic posts within each stratum
    (seeded, vectorised over replicates).

    Parameters
    ----------
    posts : DataFrame
        Canonical posts with ``paid`` (or :func:`post_metrics` output).
    metrics : sequence of str
        Per-post columns compared (counts such as ``reach`` or rates).
    match : sequence of str
        Columns that define comparable posts (those present are used).
    min_boosted : int
        Fewer comparable boosted posts -> "too few boosted posts to tell";
        each used stratum also needs 2 organic posts.
    n_boot, level, seed
        Bootstrap replicates, interval level, seed.
    lang : {"id", "en"}
    followers, engagement
        Passed to :func:`post_metrics` when a rate is not yet computed.

    Returns
    -------
    DataFrame
        One row a metric: ``metric``, ``n_boosted`` (comparable boosted
        posts), ``n_organic`` (their organic peers), ``n_strata``,
        ``boosted_mean``, ``organic_mean`` (weighted like the effect),
        ``extra_per_boosted_post`` (difference), ``relative_extra``
        (extra / organic mean), ``ci_low``, ``ci_high``, ``verdict_code``
        (see :data:`BOOST_WORDS`) and ``verdict``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"platform": "instagram", "format": "reel",
    ...     "reach": [100.0, 120.0, 110.0, 400.0, 420.0, 380.0], "paid": [False] * 3 + [True] * 3})
    >>> boost_effect(posts, metrics=["reach"], lang="en")[["metric", "extra_per_boosted_post", "verdict"]]
      metric  extra_per_boosted_post                             verdict
    0  reach                   290.0  the boost bought more reach (95 %)
    """
    check_choice("lang", lang, LANGS)
    metrics = as_list(metrics)
    li = 0 if lang == "id" else 1
    cols = ["metric", "n_boosted", "n_organic", "n_strata", "boosted_mean", "organic_mean",
            "extra_per_boosted_post", "relative_extra", "ci_low", "ci_high", "verdict_code", "verdict"]
    if "paid" not in posts.columns or posts["paid"].isna().all():
        return pd.DataFrame([{**dict.fromkeys(cols, np.nan), "metric": m, "n_boosted": 0, "n_organic": 0,
                              "n_strata": 0, "verdict_code": "no_paid_flag",
                              "verdict": BOOST_WORDS["no_paid_flag"][li]} for m in metrics], columns=cols)
    missing = [m for m in metrics if m not in posts.columns]
    if missing:
        posts = post_metrics(posts, followers=followers, engagement=engagement)
        require(posts, metrics, func="boost_effect")
    match = [c for c in as_list(match) if c in posts.columns]
    status = paid_status(posts).to_numpy()
    strata = _stratum_codes(posts, match)
    alpha = (1 - level) / 2
    rows = []
    for m in metrics:
        v = num(posts, m)
        ok = ~np.isnan(v) & (status != "unknown")
        paid = ok & (status == "paid")
        org = ok & (status == "organic")
        s_n = int(strata.max()) + 1 if len(strata) else 0
        n_p = np.bincount(strata[paid], minlength=s_n)
        n_o = np.bincount(strata[org], minlength=s_n)
        use = (n_p > 0) & (n_o >= 2)
        n_b, n_org = int(n_p[use].sum()), int(n_o[use].sum())
        what = m.replace("_", " ")
        base = {"metric": m, "n_boosted": n_b, "n_organic": n_org, "n_strata": int(use.sum())}
        if n_b < min_boosted:
            rows.append({**base, "verdict_code": "too_few_boosted",
                         "verdict": BOOST_WORDS["too_few_boosted"][li]})
            continue
        w = n_p[use] / n_b
        rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, zlib.crc32(f"boost:{m}".encode())])
        mp_all, mo_all, bp, bo = [], [], np.zeros(n_boot), np.zeros(n_boot)
        for k, wk in zip(np.flatnonzero(use), w):
            vp, vo = v[paid & (strata == k)], v[org & (strata == k)]
            mp_all.append(vp.mean())
            mo_all.append(vo.mean())
            bp += wk * vp[rng.integers(0, len(vp), size=(n_boot, len(vp)))].mean(axis=1)
            bo += wk * vo[rng.integers(0, len(vo), size=(n_boot, len(vo)))].mean(axis=1)
        pm_, om_ = float(np.dot(w, mp_all)), float(np.dot(w, mo_all))
        lo, hi = np.quantile(bp - bo, [alpha, 1 - alpha])
        code = "boost_more" if lo > 0 else "boost_less" if hi < 0 else "no_clear_difference"
        rows.append({**base, "boosted_mean": pm_, "organic_mean": om_, "extra_per_boosted_post": pm_ - om_,
                     "relative_extra": float(METRICS["relative_extra"].ratio([pm_ - om_], [om_])[0]), "ci_low": lo, "ci_high": hi,
                     "verdict_code": code, "verdict": BOOST_WORDS[code][li].format(what=what)})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("n_boosted", "n_organic", "n_strata"):
        out[c] = out[c].astype("int64")
    return out
