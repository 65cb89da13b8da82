"""The metric dictionary and per-post metrics.

Every rate smanalysis reports is defined once here, in :data:`METRICS`, with
its numerator, denominator, unit and bilingual label; tables and charts label
their columns from it (:func:`metric_label`). Tools disagree on what an
"engagement" is, so the numerator is a named, per-platform choice
(:data:`ENGAGEMENT_DEFINITIONS`) rather than a hidden constant.

Examples
--------
>>> METRICS["er_reach"].denominator
'reach'
>>> metric_label("er_reach", lang="en")
'Engagement rate (reach)'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._common import NS_PER_DAY, local_days, num, require, resolve_timezone, warn

__all__ = [
    "Metric",
    "METRICS",
    "ENGAGEMENT_DEFINITIONS",
    "RATE_METRICS",
    "COUNT_METRICS",
    "post_metrics",
    "metric_label",
    "engagement_components",
]


@dataclass(frozen=True)
class Metric:
    """One metric: what it counts and how it is labelled.

    Attributes
    ----------
    name : str
        Column name in smanalysis tables.
    label_id, label_en : str
        Label for charts and tables in Bahasa Indonesia and English.
    formula : str
        The formula in words.
    numerator, denominator : str
        Column(s) on top and below; ``denominator`` is ``""`` for counts.
    unit : str
        ``"count"``, ``"ratio"`` (0.05 = 5 %), ``"per post"`` or ``"per 1,000 followers"``.
    kind : str
        ``"count"`` or ``"rate"``.
    source : str
        Where the definition comes from.
    """

    name: str
    label_id: str
    label_en: str
    formula: str
    numerator: str
    denominator: str
    unit: str
    kind: str
    source: str = ""

    def label(self, lang: str = "id") -> str:
        """The label in ``lang`` ("id" or "en")."""
        return self.label_en if lang == "en" else self.label_id


def _m(name, label_id, label_en, formula, numerator, denominator, unit, kind, source=""):
    return Metric(name, label_id, label_en, formula, numerator, denominator, unit, kind, source)


_FOLLOWERS = "followers_at_publish"

METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        # counts
        _m("n_posts", "Jumlah postingan", "Number of posts", "posts counted", "posts", "", "count", "count"),
        _m("engagements", "Interaksi", "Engagements",
           "sum of the platform's engagement actions (see ENGAGEMENT_DEFINITIONS)", "engagement actions", "",
           "count", "count", "smanalysis ENGAGEMENT_DEFINITIONS"),
        _m("likes", "Suka / reaksi", "Likes / reactions", "likes (Facebook: all reactions)", "likes", "", "count", "count"),
        _m("comments", "Komentar", "Comments", "comments", "comments", "", "count", "count"),
        _m("shares", "Bagikan", "Shares", "shares, reposts, retweets", "shares", "", "count", "count"),
        _m("saves", "Simpan", "Saves", "saves / bookmarks", "saves", "", "count", "count"),
        _m("clicks", "Klik", "Clicks", "link and other clicks", "clicks", "", "count", "count"),
        _m("reach", "Jangkauan", "Reach", "unique accounts reached", "reach", "", "count", "count"),
        _m("impressions", "Tayangan (impresi)", "Impressions", "times shown", "impressions", "", "count", "count"),
        _m("views", "Tayangan (views)", "Views", "times shown or played", "views", "", "count", "count"),
        _m(_FOLLOWERS, "Pengikut saat unggah", "Followers at publish",
           "followers at the end of the local day before the post (daily series), else as exported with the post",
           "followers", "", "count", "count"),
        # rates
        _m("er_reach", "ER (jangkauan)", "Engagement rate (reach)", "engagements / reach", "engagements", "reach",
           "ratio", "rate", "engagement per account reached; common in Meta and Sprout Social reports"),
        _m("er_impressions", "ER (tayangan)", "Engagement rate (impressions)",
           "engagements / impressions (views where the export has Views and no Impressions; see impressions_basis)",
           "engagements", "impressions or views", "ratio", "rate",
           "X analytics and Hootsuite; Meta replaced Impressions with Views in 2025"),
        _m("er_followers", "ER (pengikut)", "Engagement rate (followers)", "engagements / followers at publish",
           "engagements", _FOLLOWERS, "ratio", "rate",
           "the only rate computable for competitors' public posts"),
        _m("reach_rate", "Rasio jangkauan", "Reach rate", "reach / followers at publish", "reach", _FOLLOWERS,
           "ratio", "rate"),
        _m("virality_rate", "Rasio viralitas", "Virality rate",
           "shares / reach (shares / impressions, then views, when reach is missing; see virality_basis)",
           "shares", "reach", "ratio", "rate", "Facebook Insights 'virality'"),
        _m("click_rate", "Rasio klik", "Click-through rate",
           "clicks / impressions (views where no impressions)", "clicks", "impressions or views", "ratio", "rate"),
        _m("conversation_rate", "Percakapan per postingan", "Conversation rate (per post)",
           "comments per post", "comments", "posts", "per post", "rate", "Avinash Kaushik (2011)"),
        _m("amplification_rate", "Amplifikasi per postingan", "Amplification rate (per post)",
           "shares per post", "shares", "posts", "per post", "rate", "Avinash Kaushik (2011)"),
        _m("applause_rate", "Apresiasi per postingan", "Applause rate (per post)",
           "likes per post", "likes", "posts", "per post", "rate", "Avinash Kaushik (2011)"),
        _m("conversation_rate_per_1k", "Percakapan per 1.000 pengikut", "Conversation rate (per 1,000 followers)",
           "comments / followers at publish x 1,000", "comments", _FOLLOWERS, "per 1,000 followers", "rate",
           "Avinash Kaushik, normalised by audience size"),
        _m("amplification_rate_per_1k", "Amplifikasi per 1.000 pengikut", "Amplification rate (per 1,000 followers)",
           "shares / followers at publish x 1,000", "shares", _FOLLOWERS, "per 1,000 followers", "rate",
           "Avinash Kaushik, normalised by audience size"),
        _m("applause_rate_per_1k", "Apresiasi per 1.000 pengikut", "Applause rate (per 1,000 followers)",
           "likes / followers at publish x 1,000", "likes", _FOLLOWERS, "per 1,000 followers", "rate",
           "Avinash Kaushik, normalised by audience size"),
        # aggregates from other functions
        _m("posts_per_week", "Postingan per minggu", "Posts per week", "posts / days in period x 7", "posts", "weeks",
           "per week", "rate"),
        _m("net_new_followers", "Pengikut baru bersih", "Net new followers",
           "followers at period end - followers at period start", "followers", "", "count", "count"),
        _m("follower_growth", "Pertumbuhan pengikut", "Follower growth",
           "net new followers / followers at period start", "net new followers", "followers at period start",
           "ratio", "rate"),
    )
}

#: Names of the rate metrics that :func:`post_metrics` adds, in order.
RATE_METRICS = (
    "er_reach", "er_impressions", "er_followers", "reach_rate", "virality_rate", "click_rate",
    "conversation_rate", "amplification_rate", "applause_rate",
    "conversation_rate_per_1k", "amplification_rate_per_1k", "applause_rate_per_1k",
)
#: Count columns summarised by :func:`smanalysis.media.summary`.
COUNT_METRICS = ("engagements", "likes", "comments", "shares", "saves", "clicks", "reach", "impressions", "views")

_LMCS = ("likes", "comments", "shares", "saves")
_LCS = ("likes", "comments", "shares")

#: Named engagement numerators: name -> {platform: columns summed}; ``"*"`` is
#: the default for other platforms. ``"reported"`` means the platform's own
#: ``engagements_reported`` where the export has it.
ENGAGEMENT_DEFINITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    # Each platform's own notion, as its export or insights page adds it up.
    "platform": {
        "instagram": _LMCS,                       # Instagram "interactions": likes, comments, shares, saves
        "facebook": _LCS,                         # Facebook: reactions, comments, shares
        "tiktok": _LMCS,                          # TikTok: likes, comments, shares, favourites
        "youtube": _LCS,                          # YouTube Studio: likes, comments, shares
        "x": ("reported", *_LMCS, "clicks"),      # X: the exported "engagements" column, else its parts
        "*": _LCS,
    },
    # The same three actions everywhere: comparable across platforms and with competitors' public counts.
    "interactions": {"*": _LCS},
    # Every action counted, clicks included.
    "all": {"*": (*_LMCS, "clicks")},
    # The platform's own total where exported, else the platform definition.
    "reported": {
        "instagram": ("reported", *_LMCS), "facebook": ("reported", *_LCS), "tiktok": ("reported", *_LMCS),
        "youtube": ("reported", *_LCS), "x": ("reported", *_LMCS, "clicks"), "*": ("reported", *_LCS),
    },
}

_SUFFIX = {
    "mean_of_posts": ("rata-rata per postingan", "mean of posts"),
    "ratio_of_totals": ("rasio total", "ratio of totals"),
    "median": ("median", "median"),
    "mean": ("rata-rata", "mean"),
    "total": ("total", "total"),
    "ci_low": ("batas bawah 95%", "95% lower bound"),
    "ci_high": ("batas atas 95%", "95% upper bound"),
    "n_posts": ("jumlah postingan", "posts"),
}


def metric_label(column: str, lang: str = "id") -> str:
    """Human label of a metric or of a summary column such as ``er_reach_mean_of_posts``.

    Examples
    --------
    >>> metric_label("er_reach_mean_of_posts", lang="en")
    'Engagement rate (reach), mean of posts'
    >>> metric_label("engagements_total")
    'Interaksi, total'
    """
    if column in METRICS:
        return METRICS[column].label(lang)
    for suffix, (sid, sen) in _SUFFIX.items():
        base = column[: -len(suffix) - 1]
        if column.endswith("_" + suffix) and base in METRICS:
            return f"{METRICS[base].label(lang)}, {sen if lang == 'en' else sid}"
    return column


def engagement_components(engagement="platform") -> dict[str, tuple[str, ...]]:
    """The engagement definition as a mapping platform -> columns summed.

    ``engagement`` is a name in :data:`ENGAGEMENT_DEFINITIONS`, a mapping of the
    same shape, or a list of columns used on every platform.

    Examples
    --------
    >>> engagement_components("interactions")
    {'*': ('likes', 'comments', 'shares')}
    >>> engagement_components(["likes", "saves"])
    {'*': ('likes', 'saves')}
    """
    if isinstance(engagement, str):
        if engagement not in ENGAGEMENT_DEFINITIONS:
            raise ValueError(
                f"The value for `engagement` must be one of {list(ENGAGEMENT_DEFINITIONS)}, "
                f"but {engagement!r} was passed."
            )
        return ENGAGEMENT_DEFINITIONS[engagement]
    if isinstance(engagement, dict):
        return {str(k): tuple(v) for k, v in engagement.items()}
    return {"*": tuple(engagement)}


def _codes(s: pd.Series):
    """Integer codes (-1 for missing) and the unique values of a column, factorised once."""
    codes, uniques = pd.factorize(s)
    return codes, pd.Index(uniques)


def _engagements(posts: pd.DataFrame, definition: dict[str, tuple[str, ...]], platform_codes) -> np.ndarray:
    n = len(posts)
    pcodes, puniq = platform_codes
    # Boolean row mask of each platform named in the definition; "*" = the rest.
    named = [p for p in definition if p != "*"]
    masks = {}
    for p in named:
        i = puniq.get_indexer([p])[0]
        masks[p] = (pcodes == i) if i >= 0 else np.zeros(n, dtype=bool)
    rest = np.ones(n, dtype=bool)
    for m in masks.values():
        rest &= ~m
    if "*" in definition:
        masks["*"] = rest
    total = np.zeros(n)
    present = np.zeros(n, dtype=bool)
    reported = num(posts, "engagements_reported")
    use_reported = np.zeros(n, dtype=bool)
    columns = {c for cols in definition.values() for c in cols if c != "reported"}
    for col in sorted(columns):
        rows = np.zeros(n, dtype=bool)
        for p, cols in definition.items():
            if col in cols:
                rows |= masks[p]
        values = num(posts, col)
        ok = rows & ~np.isnan(values)
        total += np.where(ok, values, 0.0)
        present |= ok
    for p, cols in definition.items():
        if "reported" in cols:
            use_reported |= masks[p] & ~np.isnan(reported)
    out = np.where(present, total, np.nan)
    return np.where(use_reported, reported, out)


def _followers_at_publish(posts: pd.DataFrame, followers: pd.DataFrame | None, tz: str, platform_codes):
    """Followers at the end of the local day before each post, from the daily series.

    Falls back to the same day's value, then to ``followers_at_post``.
    Returns (values, source) with source codes 0 none, 1 daily series, 2 export.
    """
    n = len(posts)
    values = np.full(n, np.nan)
    source = np.zeros(n, dtype=np.int8)
    if followers is not None and len(followers) and n:
        require(followers, ["date", "platform", "account", "followers"], func="post_metrics", table="followers")
        f = followers[["date", "platform", "account"]].assign(followers=num(followers, "followers"))
        f = f[f["followers"].notna()]
        fdays = pd.to_datetime(f["date"], errors="coerce")
        if isinstance(fdays.dtype, pd.DatetimeTZDtype):
            fdays = fdays.dt.tz_localize(None)
        fday = fdays.to_numpy(dtype="datetime64[ns]").view("i8") // NS_PER_DAY
        # integer key per (platform, account): codes of the posts' values; the (small) followers
        # table is looked up in them, so the posts' strings are factorised only once
        pc, pu = platform_codes
        ac, au = _codes(posts["account"])
        fpc = pu.get_indexer(pd.Index(f["platform"].astype(object)))
        fac = au.get_indexer(pd.Index(f["account"].astype(object)))
        width = np.int64(len(au) + 1)
        pkey = pc.astype(np.int64) * width + ac
        fkey = fpc.astype(np.int64) * width + fac
        ok = (fday > -(2**40)) & (fpc >= 0) & (fac >= 0)
        fkey, fday, fval = fkey[ok], fday[ok], f["followers"].to_numpy()[ok]
        shift = np.int64(2**32)
        fcomb = fkey * shift + (fday + 2**31)
        order = np.argsort(fcomb, kind="stable")
        fcomb, fval, fkey = fcomb[order], fval[order], fkey[order]
        pday = local_days(posts["created_at"], tz)
        valid = (pday > -(2**40)) & (pc >= 0) & (ac >= 0)
        for lag in (1, 0):  # the day before, else the same day
            need = valid & np.isnan(values)
            if not need.any() or not len(fcomb):
                break
            target = pkey[need] * shift + (pday[need] - lag + 2**31)
            pos = np.searchsorted(fcomb, target, side="right") - 1
            hit = pos >= 0
            hit[hit] = fkey[pos[hit]] == pkey[need][hit]
            got = np.full(len(target), np.nan)
            got[hit] = fval[pos[hit]]
            values[need] = got
        source[~np.isnan(values)] = 1
    exported = num(posts, "followers_at_post")
    fill = np.isnan(values) & ~np.isnan(exported)
    values[fill] = exported[fill]
    source[fill] = 2
    return values, source


def _ratio(numer: np.ndarray, denom: np.ndarray, scale: float = 1.0):
    """numer / denom x scale, NaN where denom is missing or <= 0. Returns (ratio, undefined mask)."""
    bad = ~(denom > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = numer / np.where(bad, 1.0, denom) * scale
    out[bad | np.isinf(out)] = np.nan  # an overflow (absurdly small denominator) is undefined too
    return out, bad


def post_metrics(posts: pd.DataFrame, *, followers: pd.DataFrame | None = None, engagement="platform",
                 timezone: str | None = None, profile=None) -> pd.DataFrame:
    """Add engagement counts and rates, each with a declared denominator, to every post.

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
        Engagement numerator: a name in :data:`ENGAGEMENT_DEFINITIONS`
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
        A copy of ``posts`` with added columns (see :data:`METRICS` for every
        formula): ``engagements``, ``followers_at_publish``,
        ``followers_source`` ("followers_table" | "followers_at_post" | NaN),
        ``er_reach``, ``er_impressions``, ``impressions_basis``
        ("impressions" | "views" | NaN), ``er_followers``, ``reach_rate``,
        ``virality_rate``, ``virality_basis`` ("reach" | "impressions" |
        "views" | NaN), ``click_rate``, ``conversation_rate``,
        ``amplification_rate``, ``applause_rate`` (per post) and
        ``conversation_rate_per_1k``, ``amplification_rate_per_1k``,
        ``applause_rate_per_1k`` (per 1,000 followers at publish).
        Rates are ratios (0.05 = 5 %).

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
    if followers is not None and "created_at" not in posts.columns:
        require(posts, ["platform", "account", "created_at"], func="post_metrics")
    if followers is not None:
        require(posts, ["account"], func="post_metrics")

    platform_codes = _codes(posts["platform"])
    eng = _engagements(posts, definition, platform_codes)
    fol, fsrc = _followers_at_publish(posts, followers, tz, platform_codes)
    likes, comments, shares = num(posts, "likes"), num(posts, "comments"), num(posts, "shares")
    reach, impressions, views = num(posts, "reach"), num(posts, "impressions"), num(posts, "views")
    clicks = num(posts, "clicks")

    # impressions, else views when the export has Views and no Impressions
    imp_is_views = np.isnan(impressions) & ~np.isnan(views)
    exposure = np.where(imp_is_views, views, impressions)
    imp_basis = np.where(imp_is_views, 1, np.where(np.isnan(impressions), -1, 0))
    # virality: reach, else impressions, else views when reach is missing
    reach_missing = np.isnan(reach)
    vir_basis = np.where(~reach_missing, 0, np.where(~np.isnan(impressions), 1, np.where(~np.isnan(views), 2, -1)))
    vir_den = np.where(vir_basis == 0, reach, np.where(vir_basis == 1, impressions, views))

    undefined: dict[str, int] = {}
    out: dict[str, object] = {"engagements": eng, "followers_at_publish": fol}
    out["followers_source"] = pd.Categorical.from_codes(
        fsrc.astype(np.int8) - 1, categories=["followers_table", "followers_at_post"]
    ) if len(fsrc) else pd.Categorical([], categories=["followers_table", "followers_at_post"])

    def rate(name, numer, denom, scale=1.0):
        r, bad = _ratio(numer, denom, scale)
        k = int((bad & ~np.isnan(numer)).sum())  # undefined because of the denominator, not missing data
        if k:
            undefined[name] = k
        out[name] = r

    rate("er_reach", eng, reach)
    rate("er_impressions", eng, exposure)
    out["impressions_basis"] = pd.Categorical.from_codes(imp_basis, categories=["impressions", "views"])
    rate("er_followers", eng, fol)
    rate("reach_rate", reach, fol)
    rate("virality_rate", shares, vir_den)
    out["virality_basis"] = pd.Categorical.from_codes(vir_basis, categories=["reach", "impressions", "views"])
    rate("click_rate", clicks, exposure)
    out["conversation_rate"] = comments
    out["amplification_rate"] = shares
    out["applause_rate"] = likes
    rate("conversation_rate_per_1k", comments, fol, 1000.0)
    rate("amplification_rate_per_1k", shares, fol, 1000.0)
    rate("applause_rate_per_1k", likes, fol, 1000.0)

    if undefined:
        n = len(posts)
        details = "; ".join(f"{k} {v} of {n}" for k, v in undefined.items())
        warn(
            f"post_metrics: zero or missing denominators, rates set to NaN for some posts: {details}. "
            "See smanalysis.media.METRICS for each rate's denominator.",
        )
    res = posts.assign(**{k: (pd.Series(v, index=posts.index) if not isinstance(v, pd.Series) else v)
                          for k, v in out.items()})
    res.attrs["engagement_definition"] = engagement if isinstance(engagement, str) else "custom"
    return res
