"""Own hashtag performance, hashtags that travel together, and competitors' hashtags.

Hashtags come from the canonical ``hashtags`` column (space-separated, lower
case, with '#'); where it is missing they are taken from the caption.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "account": "k",
...                       "hashtags": ["#kopi #jogja", "#kopi", None], "er_reach": [0.1, 0.3, 0.2]})
>>> hashtag_performance(posts, min_posts=2, lang="en")[["hashtag", "n_posts", "mean", "verdict"]]
  hashtag  n_posts  mean           verdict
0   #kopi        2   0.2      enough posts
1  #jogja        1   0.1  not enough posts
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ratios import jaccard
from .._checks import as_list, check_choice
from ..words import LANGS
from ._common import require
from .metrics import METRICS, RATE_METRICS
from .posts import post_metrics
from .stats import bootstrap_interval
from .verdicts import posts_verdict, verdict_text

__all__ = ["post_hashtags", "hashtag_performance", "hashtag_pairs", "competitor_hashtags"]

_TAG = r"#[^\s#.,!?;:()\[\]{}\"'“”]+"


def post_hashtags(posts: pd.DataFrame) -> pd.DataFrame:
    """One row per (post, hashtag): the post's index in ``row`` and the lower-case ``hashtag``.

    A hashtag repeated in one post counts once.

    Examples
    --------
    >>> import pandas as pd
    >>> post_hashtags(pd.DataFrame({"caption": ["Kopi #Senja enak #senja #Jogja", "tanpa tagar"]}))
       row hashtag
    0    0  #senja
    1    0  #jogja
    """
    if "hashtags" in posts.columns and posts["hashtags"].notna().any():
        src = posts["hashtags"].astype("string").str.lower().str.findall(_TAG)
        if "caption" in posts.columns:  # posts without the column filled: from the caption
            cap = posts["caption"].astype("string").str.lower().str.findall(_TAG)
            src = src.where(posts["hashtags"].notna(), cap)
    elif "caption" in posts.columns:
        src = posts["caption"].astype("string").str.lower().str.findall(_TAG)
    else:
        return pd.DataFrame({"row": pd.Series(dtype="int64"), "hashtag": pd.Series(dtype=object)})
    long = pd.DataFrame({"row": np.arange(len(posts)), "hashtag": src.to_numpy(dtype=object)}).explode("hashtag")
    long = long[long["hashtag"].notna()].drop_duplicates()
    return long.astype({"hashtag": object}).reset_index(drop=True)


def hashtag_performance(posts: pd.DataFrame, *, metric: str = "er_reach", min_posts: int = 3, level: float = 0.95,
                        n_boot: int = 1000, seed: int = 0, lang: str = "id", followers=None,
                        engagement="platform") -> pd.DataFrame:
    """Mean per-post ``metric`` of the posts carrying each hashtag, with a bootstrap interval.

    Parameters
    ----------
    posts : DataFrame
        The client's posts (``hashtags`` or ``caption``; ``metric`` or what
        :func:`post_metrics` needs).
    metric : str
        Per-post metric (default the engagement rate by reach).
    min_posts : int
        Hashtags on fewer posts (with the metric) get "not enough posts".
    level, n_boot, seed
        Interval options.
    lang : {"id", "en"}
    followers, engagement
        Passed to :func:`post_metrics` when ``metric`` is not yet computed.

    Returns
    -------
    DataFrame
        One row a hashtag, the best supported first (enough posts, then
        highest mean): ``hashtag``, ``n_posts`` (posts with the metric),
        ``mean``, ``ci_low``, ``ci_high``, ``vs_all`` (mean / mean of all
        the posts with the metric), ``verdict_code``, ``verdict``.
    """
    check_choice("lang", lang, LANGS)
    if metric not in posts.columns:
        if metric in RATE_METRICS or metric == "engagements":
            posts = post_metrics(posts, followers=followers, engagement=engagement)
        else:
            require(posts, [metric], func="hashtag_performance")
    long = post_hashtags(posts)
    values = pd.to_numeric(posts[metric], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    cols = ["hashtag", "n_posts", "mean", "ci_low", "ci_high", "vs_all", "verdict_code", "verdict"]
    if long.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("mean", "ci_low", "ci_high", "vs_all") else object)
                             for c in cols})
    frame = pd.DataFrame({"hashtag": long["hashtag"].to_numpy(), metric: values[long["row"].to_numpy()]})
    res = bootstrap_interval(frame, by="hashtag", metric=metric, level=level, n_boot=n_boot, seed=seed,
                             min_posts=min_posts, lang=lang)
    overall = np.nanmean(values) if np.isfinite(values).any() else np.nan
    code = posts_verdict(res["n"].to_numpy(), min_posts=min_posts)
    out = pd.DataFrame({"hashtag": res["hashtag"], "n_posts": res["n"].astype("int64"), "mean": res["mean"],
                        "ci_low": res["ci_low"], "ci_high": res["ci_high"],
                        "vs_all": METRICS["vs_all"].ratio(res["mean"].to_numpy(), np.full(len(res), overall)), "verdict_code": code,
                        "verdict": verdict_text(code, lang)})
    out = out.assign(_e=(code == "enough_posts")).sort_values(["_e", "mean", "n_posts", "hashtag"],
                                                               ascending=[False, False, False, True], kind="stable")
    out.attrs["metric"] = metric
    return out.drop(columns="_e").reset_index(drop=True)


def hashtag_pairs(posts: pd.DataFrame, *, min_together: int = 2, top: int | None = 20) -> pd.DataFrame:
    """Hashtags that travel together: pairs used on the same posts.

    Parameters
    ----------
    posts : DataFrame
        Posts with ``hashtags`` or ``caption``.
    min_together : int
        Pairs on fewer shared posts are left out.
    top : int, optional
        Keep the ``top`` pairs (by shared posts, then Jaccard).

    Returns
    -------
    DataFrame
        ``hashtag_a``, ``hashtag_b`` (a < b), ``n_together`` (posts with
        both), ``n_a``, ``n_b`` (posts with each) and ``jaccard``
        (n_together / posts with either).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"hashtags": ["#a #b", "#a #b #c", "#a #c", "#b"]})
    >>> hashtag_pairs(posts, min_together=1).round(3)
      hashtag_a hashtag_b  n_together  n_a  n_b  jaccard
    0        #a        #c           2    3    2    0.667
    1        #a        #b           2    3    3    0.500
    2        #b        #c           1    3    2    0.250
    """
    from scipy import sparse

    long = post_hashtags(posts)
    cols = ["hashtag_a", "hashtag_b", "n_together", "n_a", "n_b", "jaccard"]
    if long.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c.startswith("hashtag") else "float64") for c in cols})
    codes, tags = pd.factorize(long["hashtag"], sort=True)
    x = sparse.csr_matrix((np.ones(len(long)), (long["row"].to_numpy(), codes)), shape=(len(posts), len(tags)))
    co = sparse.triu(x.T @ x, k=1).tocoo()
    n = np.asarray(x.sum(axis=0)).ravel()
    keep = co.data >= min_together
    i, j, both = co.row[keep], co.col[keep], co.data[keep]
    out = pd.DataFrame({"hashtag_a": tags[i], "hashtag_b": tags[j], "n_together": both.astype("int64"),
                        "n_a": n[i].astype("int64"), "n_b": n[j].astype("int64"),
                        "jaccard": jaccard(both, n[i], n[j], func="hashtag_pairs")})
    out = out.sort_values(["n_together", "jaccard", "hashtag_a", "hashtag_b"], ascending=[False, False, True, True],
                          kind="stable")
    return (out.head(top) if top else out).reset_index(drop=True)


def competitor_hashtags(posts: pd.DataFrame, *, own, competitors=None, min_posts: int = 2,
                        metric: str = "engagements") -> pd.DataFrame:
    """Hashtags competitors use and the client does not.

    Parameters
    ----------
    posts : DataFrame
        Posts of the own and competitor accounts (``account``).
    own : str or list of str
        The client's handles.
    competitors : list of str, optional
        Competitor handles (default: every other account).
    min_posts : int
        Hashtags on fewer competitor posts are left out.
    metric : str
        Per-post column averaged over the competitor posts with the hashtag
        (default engagements; NaN when absent).

    Returns
    -------
    DataFrame
        ``hashtag``, ``n_posts`` (competitor posts with it), ``n_accounts``,
        ``accounts`` (comma-separated), ``mean_<metric>``; most used first.
        Hashtags naming a competitor account itself (``#<handle>``) are
        left out: the client would not use them.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"account": ["me", "rival", "rival", "rival"],
    ...                       "hashtags": ["#kopi", "#kopi #ngopi", "#ngopi #rival", "#ngopi"]})
    >>> competitor_hashtags(posts, own="me")[["hashtag", "n_posts", "accounts"]]
      hashtag  n_posts accounts
    0  #ngopi        3    rival
    """
    require(posts, ["account"], func="competitor_hashtags")
    own_set = {h.lower().lstrip("@") for h in as_list(own)}
    acc = posts["account"].astype(str).str.lower().str.lstrip("@")
    is_own = acc.isin(own_set).to_numpy()
    is_comp = acc.isin({h.lower().lstrip("@") for h in as_list(competitors)}).to_numpy() if competitors \
        else ~is_own
    long = post_hashtags(posts)
    rows = long["row"].to_numpy()
    own_tags = set(long.loc[is_own[rows], "hashtag"])
    comp = long[is_comp[rows]].assign(account=acc.to_numpy()[rows[is_comp[rows]]])
    names = {"#" + a.replace(".", "").replace("_", "") for a in acc[is_comp].unique()} | \
        {"#" + a for a in acc[is_comp].unique()}
    comp = comp[~comp["hashtag"].isin(own_tags | names)]
    val = pd.to_numeric(posts[metric], errors="coerce").to_numpy(dtype="float64", na_value=np.nan) \
        if metric in posts.columns else np.full(len(posts), np.nan)
    comp = comp.assign(_v=val[comp["row"].to_numpy()])
    g = comp.groupby("hashtag")
    out = pd.DataFrame({"n_posts": g.size(), "n_accounts": g["account"].nunique(),
                        "accounts": g["account"].agg(lambda s: ", ".join(sorted(set(s)))),
                        f"mean_{metric}": g["_v"].mean()}).reset_index()
    out = out[out["n_posts"] >= min_posts].sort_values(["n_posts", "hashtag"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)
