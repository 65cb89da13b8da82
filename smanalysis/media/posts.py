"""Per-post metrics: engagements, followers at publish and every rate of the metric registry.

Examples
--------
>>> import pandas as pd
>>> pm = post_metrics(pd.DataFrame({"platform": ["instagram"], "likes": [8.0], "reach": [100.0]}))
>>> float(pm["er_reach"].iloc[0])
0.08
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ratios import warn_undefined
from ..schema import resolve_timezone
from ._common import require
from .engagement import codes, engagement_components, engagements, followers_at_publish
from .metric import HINT
from .metrics import METRICS, RATE_METRICS, Columns

__all__ = ["post_metrics"]

_F = "followers_at_publish"


def post_metrics(posts: pd.DataFrame, *, followers: pd.DataFrame | None = None, engagement="platform",
                 timezone: str | None = None, profile=None) -> pd.DataFrame:
    """Add engagement counts and every registry rate of posts, each with its declared denominator.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts table (needs ``platform``; uses ``created_at``,
        ``account`` and the count columns that are present; absent counts
        are taken as not reported).
    followers : DataFrame, optional
        Canonical daily followers table. Followers at publish time are the
        account's followers at the end of the local day before the post
        (else that day); posts without a match use ``followers_at_post``.
    engagement : str, dict or list
        Engagement numerator: a name in :data:`~smanalysis.media.ENGAGEMENT_DEFINITIONS`
        (``"platform"``, ``"interactions"``, ``"all"``, ``"reported"``), a
        mapping platform -> columns, or columns used on every platform.
        Reported-but-missing components count as 0 when at least one
        component is present; a post with none has NaN engagements.
    timezone : str, optional
        Timezone of the followers' calendar days (default: profile's, else Asia/Jakarta).
    profile : Profile, optional
        Used for its timezone.

    Returns
    -------
    DataFrame
        A copy of ``posts`` with added columns: ``engagements``, ``followers_at_publish``,
        ``followers_source`` ("followers_table" | "followers_at_post" | NaN),
        ``impressions_basis`` ("impressions" | "views" | NaN), ``virality_basis``
        ("reach" | "impressions" | "views" | NaN) and one column per rate of
        :data:`RATE_METRICS` (see :data:`~smanalysis.media.METRICS` for each formula). Ratios: 0.05 = 5 %.

    Warns
    -----
    SMAnalysisWarning
        Once per call when some rates are undefined because their
        denominator is zero or missing while the numerator is known,
        counting the posts affected per rate; those rates are NaN.

    Raises
    ------
    SchemaError
        When ``platform`` (or a followers table's required column) is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"platform": ["instagram", "facebook"], "likes": [8.0, 10.0],
    ...     "comments": [1.0, 2.0], "shares": [1.0, 3.0], "saves": [2.0, None],
    ...     "reach": [100.0, 50.0], "views": [200.0, 100.0], "followers_at_post": [1000.0, 500.0]})
    >>> pm = post_metrics(posts)
    >>> pm[["engagements", "er_reach", "er_impressions", "impressions_basis"]]
       engagements  er_reach  er_impressions impressions_basis
    0         12.0      0.12            0.06             views
    1         15.0      0.30            0.15             views
    """
    require(posts, ["platform"], func="post_metrics")
    definition = engagement_components(engagement)
    tz = resolve_timezone(timezone, profile)
    if followers is not None:
        require(posts, ["platform", "account", "created_at"], func="post_metrics")

    platform_codes = codes(posts["platform"])
    eng = engagements(posts, definition, platform_codes)
    fol, fsrc = followers_at_publish(posts, followers, tz, platform_codes)
    cols = Columns(posts, {"engagements": eng, _F: fol})
    impressions, views, reach = cols["impressions"], cols["views"], cols["reach"]
    imp_basis = np.where(np.isnan(impressions) & ~np.isnan(views), 1, np.where(np.isnan(impressions), -1, 0))
    vir_basis = np.where(~np.isnan(reach), 0, np.where(~np.isnan(impressions), 1, np.where(~np.isnan(views), 2, -1)))

    undefined: dict[str, int] = {}
    out: dict[str, object] = {"engagements": eng, _F: fol}
    out["followers_source"] = pd.Categorical.from_codes(fsrc.astype(np.int8) - 1,
                                                        categories=["followers_table", "followers_at_post"])
    out["impressions_basis"] = pd.Categorical.from_codes(imp_basis, categories=["impressions", "views"])
    out["virality_basis"] = pd.Categorical.from_codes(vir_basis, categories=["reach", "impressions", "views"])
    for name in RATE_METRICS:
        values, bad = METRICS[name].per_row(cols)
        if bad:
            undefined[name] = bad
        out[name] = values
    warn_undefined("post_metrics", undefined, len(posts), hint=HINT)
    res = posts.assign(**{k: (v if isinstance(v, pd.Series) else pd.Series(v, index=posts.index))
                          for k, v in out.items()})
    res.attrs["engagement_definition"] = engagement if isinstance(engagement, str) else "custom"
    return res
