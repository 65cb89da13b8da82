"""Step 1 of the four public-relations steps: fact finding.

Who the business is and whether it is ready: the profile at a glance
(:func:`profile_summary`), which platforms its audience uses
(:func:`platform_fit`, from the editable table ``data/platform_age_id.csv``),
what the one or two competitors do that it does not (:func:`competitor_scan`:
"copy the good things and add what is missing"), the three warning signs of a
business that is not ready (:func:`readiness`), the nine-point strategy
checklist (:func:`strategy_checklist`) and the workshop self-assessment
"Termasuk di fase manakah posisi Anda?" (:func:`phase_assessment`).

User-facing words come in Bahasa Indonesia (``lang="id"``, default) or English
(``lang="en"``); notebooks show them with :func:`md` and :func:`show`.
"""

from __future__ import annotations

import re
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .exceptions import SMAnalysisWarning
from .profile import Profile
from .schema import DEFAULT_TIMEZONE, validate

__all__ = [
    "text",
    "md",
    "show",
    "as_profile",
    "profile_summary",
    "platform_age_table",
    "platform_fit",
    "plot_platform_fit",
    "competitor_scan",
    "reply_rate",
    "readiness",
    "strategy_checklist",
    "PHASE_QUESTIONS",
    "phase_assessment",
    "next_steps",
    "write_tables",
]

LANGS = ("id", "en")
PROMO_CEILING = 0.3
"""Highest share of promotional posts the method tolerates (see :func:`smanalysis.plan.content_mix`)."""
REPLY_RATE_OK = 0.8
"""Share of customer comments answered by the brand below which care is a warning sign."""


# --------------------------------------------------------------------------- text
def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"The value for `lang` must be one of {list(LANGS)}, but {lang!r} was passed.")
    return lang


def text(key: str, lang: str = "id", **fields: Any) -> str:
    """The user-facing sentence ``key`` in ``lang``, with ``{fields}`` filled in.

    Parameters
    ----------
    key : str
        Message key, e.g. ``"no_data"``.
    lang : {"id", "en"}
        Language.
    **fields
        Values for the ``{placeholders}`` of the message.

    Examples
    --------
    >>> text("no_data", "en")
    'No data for this section.'
    >>> text("no_data", "id")
    'Tidak ada data untuk bagian ini.'
    """
    _check_lang(lang)
    if key not in TEXT:
        from . import plan  # noqa: F401  (registers the plan and execution messages)
    try:
        entry = TEXT[key]
    except KeyError:
        raise ValueError(f"The value for `key` must be a known message key, but {key!r} was passed.") from None
    msg = entry[0] if lang == "id" else entry[1]
    return msg.format(**fields) if fields else msg


def md(key: str, lang: str = "id", **fields: Any):
    """:func:`text` wrapped as :class:`IPython.display.Markdown` for a notebook cell."""
    from IPython.display import Markdown

    return Markdown(text(key, lang, **fields))


def show(obj: Any, lang: str = "id", *, source: Any = None):
    """``obj`` itself, or a note when it is missing or empty.

    The note is "no data for this section" when there is no data to look at, and
    "nothing found" when ``source`` (the data ``obj`` was taken from) is not empty:
    an empty list of problems in a full plan is good news, not missing data.

    Examples
    --------
    >>> import pandas as pd
    >>> show(pd.DataFrame(), "en").data
    '*No data for this section.*'
    >>> show(pd.DataFrame(), "en", source=pd.DataFrame({"a": [1]})).data
    '*Nothing found: every row passes this check.*'
    >>> show(pd.DataFrame({"a": [1]})).shape
    (1, 1)
    """
    from IPython.display import Markdown

    if not _empty_obj(obj):
        return obj
    return Markdown(f"*{text('no_data' if _empty_obj(source) else 'none_found', lang)}*")


def _empty_obj(obj: Any) -> bool:
    return obj is None or (isinstance(obj, (pd.DataFrame, pd.Series)) and obj.empty)


def _num(x: float, lang: str, digits: int = 1) -> str:
    """A number with a decimal comma in Indonesian, a decimal point in English."""
    out = f"{x:.{digits}f}"
    return out.replace(".", ",") if lang == "id" else out


def as_profile(profile: Profile | dict) -> Profile:
    """A :class:`~smanalysis.profile.Profile` from a profile or a plain mapping."""
    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, dict):
        return Profile.from_dict(profile)
    raise TypeError(f"expected a Profile or a mapping for `profile`, got {type(profile).__name__}")


def _empty(obj: pd.DataFrame | None) -> bool:
    return obj is None or len(obj) == 0


# ------------------------------------------------------------------------ profile
def profile_summary(profile: Profile | dict, *, lang: str = "id") -> pd.DataFrame:
    """The fact-finding answers of the profile as a two-column table.

    Returns
    -------
    DataFrame
        ``field`` (label in ``lang``) and ``value`` (text); one row per answer.

    Examples
    --------
    >>> p = {"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "kopisenja.id"}, "audience": {"age_min": 18, "age_max": 34}}
    >>> profile_summary(p, lang="en").iloc[[0, 2, 3]].to_dict("list")["value"]
    ['Kopi Senja', 'B2C', 'promotion']
    """
    _check_lang(lang)
    p = as_profile(profile)
    aud = p.audience
    ages = f"{aud.get('age_min', '?')}-{aud.get('age_max', '?')}" if aud else ""
    audience = ", ".join(x for x in [ages, str(aud.get("gender", "") or ""), ", ".join(aud.get("locations", []) or []),
                                     ", ".join(aud.get("interests", []) or [])] if x)
    rows = [
        ("business_name", p.business_name),
        ("sector", p.sector),
        ("business_model", p.business_model),
        ("goal", p.goal),
        ("audience", audience),
        ("platforms", ", ".join(p.platforms)),
        ("own_accounts", ", ".join(f"{k}: @{v}" for k, v in p.own_accounts.items())),
        ("competitors", ", ".join(c["name"] for c in p.competitors)),
        ("tone", ", ".join(f"{k}: {v}" for k, v in p.tone.items())),
        ("kpi_targets", ", ".join(f"{k} = {v:g}" for k, v in p.kpi_targets.items())),
        ("website", p.website),
    ]
    return pd.DataFrame({"field": [text(f"field.{k}", lang) for k, _ in rows], "value": [str(v) for _, v in rows]})


# -------------------------------------------------------------------- platform fit
def platform_age_table(path: str | Path | None = None) -> pd.DataFrame:
    """The Indonesian platform-user age table (approximate, editable).

    Parameters
    ----------
    path : str or Path, optional
        Your own CSV with the same columns; default: the table shipped in
        ``smanalysis/data/platform_age_id.csv`` (its header names source and year).

    Returns
    -------
    DataFrame
        ``platform``, ``age_min``, ``age_max`` (inclusive years), ``share``
        (of the platform's users, sums to 1 per platform), ``source``, ``year``.

    Examples
    --------
    >>> t = platform_age_table()
    >>> sorted(t["platform"].unique())[:2]
    ['facebook', 'instagram']
    >>> round(float(t.loc[t.platform == "instagram", "share"].sum()), 2)
    1.0
    """
    if path is None:
        with resources.files("smanalysis").joinpath("data/platform_age_id.csv").open("r", encoding="utf-8") as fh:
            return pd.read_csv(fh, comment="#")
    return pd.read_csv(path, comment="#")


def platform_fit(profile: Profile | dict, *, table: pd.DataFrame | None = None, lang: str = "id",
                 strong: float = 0.5, moderate: float = 0.3) -> pd.DataFrame:
    """How much of each platform's Indonesian users fall in the target audience's ages.

    A band that only partly overlaps the audience's ``age_min``..``age_max`` counts
    in proportion to the years it shares (ages spread evenly inside a band).

    Parameters
    ----------
    profile : Profile or dict
        Uses ``audience.age_min``, ``audience.age_max`` and ``platforms``.
    table : DataFrame, optional
        Age table as returned by :func:`platform_age_table` (default: the shipped one).
    lang : {"id", "en"}
        Language of ``verdict``.
    strong, moderate : float
        ``audience_share`` from which the fit is called strong / moderate.

    Returns
    -------
    DataFrame
        One row per platform, best first: ``platform``, ``audience_share`` (share of the
        platform's users whose age is in the audience range), ``rank``, ``in_profile``
        (the platform is among the profile's platforms), ``fit`` (strong|moderate|weak),
        ``verdict`` (sentence in ``lang``; it adds a word of caution for a weak platform the
        business uses and a suggestion for a strong one it does not), ``source``.

    Warns
    -----
    SMAnalysisWarning
        When the profile gives no audience ages; ``audience_share`` is then NaN.

    Examples
    --------
    >>> t = pd.DataFrame({"platform": ["a", "a", "b"], "age_min": [18, 25, 18],
    ...                   "age_max": [24, 34, 34], "share": [0.5, 0.5, 1.0], "source": "x", "year": 2024})
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "k"}, "audience": {"age_min": 18, "age_max": 29}}
    >>> platform_fit(p, table=t)[["platform", "audience_share"]].to_dict("list")
    {'platform': ['a', 'b'], 'audience_share': [0.75, 0.7059]}
    """
    _check_lang(lang)
    p = as_profile(profile)
    t = platform_age_table() if table is None else table
    missing = [c for c in ("platform", "age_min", "age_max", "share") if c not in t.columns]
    if missing:
        from .exceptions import SchemaError

        raise SchemaError(f"platform_fit: the age table lacks columns {missing}; columns present: {list(t.columns)}")
    lo, hi = p.audience.get("age_min"), p.audience.get("age_max")
    if lo is None or hi is None:
        warnings.warn("platform_fit: the profile gives no audience.age_min/age_max; audience_share is NaN",
                      SMAnalysisWarning, stacklevel=2)
        lo, hi = np.nan, np.nan
    a_min = t["age_min"].to_numpy(float)
    a_max = t["age_max"].to_numpy(float)
    overlap = np.clip(np.minimum(a_max, float(hi)) - np.maximum(a_min, float(lo)) + 1, 0, None)
    part = t["share"].to_numpy(float) * overlap / (a_max - a_min + 1)
    src = t["source"] if "source" in t.columns else pd.Series("", index=t.index)
    out = (pd.DataFrame({"platform": t["platform"].to_numpy(), "audience_share": part, "source": src.astype(str).to_numpy()})
           .groupby("platform", sort=True).agg(audience_share=("audience_share", lambda s: s.sum(min_count=1)),
                                                source=("source", "first"))
           .reset_index())
    out["audience_share"] = out["audience_share"].round(4)
    out = out.sort_values(["audience_share", "platform"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    out["in_profile"] = out["platform"].isin(p.platforms)
    share = out["audience_share"]
    out["fit"] = np.select([share >= strong, share >= moderate], ["strong", "moderate"], "weak")
    out.loc[share.isna(), "fit"] = "unknown"
    pct = (share * 100).round(0)
    extra = np.select([out["in_profile"] & (out["fit"] == "weak"), ~out["in_profile"] & (out["fit"] == "strong")],
                      [" " + text("fit.drop", lang), " " + text("fit.try", lang)], "")
    out["verdict"] = [text(f"fit.{f}", lang, platform=pl, pct="?" if np.isnan(v) else f"{v:.0f}") + x
                      for f, pl, v, x in zip(out["fit"], out["platform"], pct, extra)]
    return out[["platform", "audience_share", "rank", "in_profile", "fit", "verdict", "source"]]


def plot_platform_fit(fit: pd.DataFrame, *, ax=None, lang: str = "id"):
    """Bar chart of :func:`platform_fit`: share of each platform's users in the audience's ages.

    Bars of the profile's own platforms are dark, others light. Returns the Axes.

    Examples
    --------
    >>> fit = pd.DataFrame({"platform": ["instagram", "x"], "audience_share": [0.6, 0.3],
    ...                     "in_profile": [True, False]})
    >>> plot_platform_fit(fit, lang="en").get_title()
    'Share of platform users in the target ages'
    """
    import matplotlib.pyplot as plt

    _check_lang(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3))
    colors = np.where(fit["in_profile"].to_numpy(bool), "#8c4a2f", "#d9b8a3")
    ax.barh(fit["platform"].astype(str), fit["audience_share"].to_numpy(float) * 100, color=colors)
    ax.invert_yaxis()
    ax.set_xlabel(text("plot.fit_x", lang))
    ax.set_title(text("plot.fit_title", lang))
    return ax


# ---------------------------------------------------------------- competitor scan
_HASHTAG = re.compile(r"#\w+")
_METRICS = ("likes", "comments", "shares", "saves")


def _interactions(posts: pd.DataFrame) -> pd.Series:
    cols = [c for c in _METRICS if c in posts.columns]
    if not cols:
        return pd.Series(np.nan, index=posts.index)
    return posts[cols].apply(pd.to_numeric, errors="coerce").sum(axis=1, min_count=1)


def _hashtags(posts: pd.DataFrame) -> pd.Series:
    """Space-separated lower-case hashtags per post: the hashtags column, else those in the caption."""
    tags = posts["hashtags"] if "hashtags" in posts.columns else pd.Series(None, index=posts.index, dtype=object)
    cap = posts["caption"] if "caption" in posts.columns else pd.Series("", index=posts.index)
    from_cap = cap.fillna("").astype(str).str.lower().str.findall(_HASHTAG).str.join(" ")
    tags = tags.astype(object).where(tags.notna() & (tags.astype(str).str.strip() != ""), from_cap)
    return tags.astype(str).str.lower()


def _hours(created_at: pd.Series, tz: str) -> pd.Series:
    local = pd.to_datetime(created_at, utc=True).dt.tz_convert(tz)
    hour = local.dt.strftime("%H:00").astype(object)
    return hour.where(local != local.dt.normalize(), None)


def competitor_scan(posts: pd.DataFrame, *, profile: Profile | dict, lang: str = "id",
                    min_share: float = 0.1, platforms: list[str] | None = None,
                    timezone: str | None = None) -> pd.DataFrame:
    """What the competitors do that the client does not ("copy the good things, add what is missing").

    Compares the client's own posts with each competitor's posts (accounts from the
    profile) on formats, themes (``theme``, else ``content_type``), hashtags, posting
    hours (local time), platforms and posting frequency.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts of own and competitor accounts.
    profile : Profile or dict
        Gives the own accounts, the competitors' accounts and the timezone.
    lang : {"id", "en"}
        Language of ``suggestion``.
    min_share : float
        Share of a brand's posts from which an item counts as something the brand does.
    platforms : list of str, optional
        Platforms compared; default: those on which the competitors have posts (a scraper
        export often covers Instagram only, and comparing it with all of the client's
        platforms would mislead).
    timezone : str, optional
        Timezone of posting hours (default: the profile's).

    Returns
    -------
    DataFrame
        ``aspect`` (format|theme|hashtag|hour|platform|frequency), ``item``, ``competitor``,
        ``competitor_value`` and ``client_value`` (share of the brand's posts with the item;
        for frequency: posts per week), ``engagement_index`` (the competitor's mean
        interactions per post with the item over its mean per post; NaN without metrics),
        ``action`` (``copy``: the competitor does it, the client does it less than half as
        often, and it works for the competitor (index >= 1 or unknown); ``keep``: the client
        does it and no competitor does: what the client adds) and ``suggestion`` in ``lang``.
        Empty when there are no competitor posts. Posts published exactly at midnight local
        time are left out of the hour comparison (exports that give only the day put them there).
        Hashtags naming a brand (own or competitor) are left out. Without ``theme`` or
        ``content_type``, the theme aspect uses the content type guessed from the caption
        (:data:`smanalysis.plan.CONTENT_KEYWORDS`).

    Examples
    --------
    >>> p = {"business_name": "Senja", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "senja"},
    ...      "competitors": [{"name": "Pagi", "accounts": {"instagram": "pagi"}}]}
    >>> posts = pd.DataFrame({"post_id": list("abcd"), "platform": "instagram",
    ...     "account": ["senja", "senja", "pagi", "pagi"],
    ...     "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-08 03:00",
    ...                                   "2026-10-01 12:00", "2026-10-08 12:00"], utc=True),
    ...     "format": ["photo", "photo", "reel", "reel"]})
    >>> scan = competitor_scan(posts, profile=p, lang="en")
    >>> scan.loc[scan.aspect == "format", ["item", "competitor", "action"]].values.tolist()
    [['reel', 'Pagi', 'copy'], ['photo', 'Pagi', 'keep']]
    """
    _check_lang(lang)
    validate(posts, "posts", func="competitor_scan")
    p = as_profile(profile)
    tz = timezone or p.timezone or DEFAULT_TIMEZONE
    brands = {h: p.business_name for h in p.brand_handles} | p.competitor_handles
    acct = posts["account"].astype(str).str.lstrip("@")
    df = pd.DataFrame({"brand": acct.map(brands)}, index=posts.index)
    df["interactions"] = _interactions(posts)
    df = df[df["brand"].notna()]
    comp_posts = df["brand"] != p.business_name
    plats = list(platforms) if platforms is not None else sorted(posts.loc[comp_posts[comp_posts].index, "platform"].unique())
    df = df[posts.loc[df.index, "platform"].isin(plats)]
    cols = ["aspect", "item", "competitor", "competitor_value", "client_value", "engagement_index", "action", "suggestion"]
    comps = [c for c in df["brand"].unique() if c != p.business_name]
    if not comps:
        return pd.DataFrame({c: pd.Series(dtype=float if c.endswith(("value", "index")) else object) for c in cols})
    sub = posts.loc[df.index]
    from .plan import CONTENT_KEYWORDS, _keyword_hits

    theme = sub["theme"] if "theme" in sub.columns else pd.Series(None, index=sub.index, dtype=object)
    if "content_type" in sub.columns:
        theme = theme.where(theme.notna(), sub["content_type"])
    if "caption" in sub.columns:
        theme = theme.where(theme.notna(), _keyword_hits(sub["caption"], CONTENT_KEYWORDS))
    names = [p.business_name, *(c["name"] for c in p.competitors), *brands]
    keys = sorted({re.sub(r"[\W_]", "", str(n).lower()) for n in names} - {""})
    tags = _hashtags(sub).str.split()
    if keys:  # a brand's own hashtag (#kopipagijogja) is not something to copy
        own_tag = re.compile("|".join(re.escape(k) for k in keys))
        tags = tags.apply(lambda ts: [t for t in ts if not own_tag.search(re.sub(r"[\W_]", "", t))])
    feats = {
        "format": sub["format"] if "format" in sub.columns else None,
        "theme": theme,
        "hashtag": tags,
        "hour": _hours(sub["created_at"], tz),
        "platform": sub["platform"],
    }
    long = []
    for aspect, s in feats.items():  # five aspects, not rows
        if s is None:
            continue
        part = pd.DataFrame({"item": s, "brand": df["brand"], "interactions": df["interactions"], "pid": df.index})
        part = part.explode("item") if aspect == "hashtag" else part
        part = part[part["item"].notna() & (part["item"].astype(str) != "")].drop_duplicates(["pid", "item"])
        part["aspect"] = aspect
        long.append(part)
    long = pd.concat(long, ignore_index=True)
    n_posts = df.groupby("brand").size()
    mean_int = df.groupby("brand")["interactions"].mean()
    g = long.groupby(["brand", "aspect", "item"]).agg(n=("pid", "size"), inter=("interactions", "mean")).reset_index()
    g["share"] = g["n"] / g["brand"].map(n_posts)
    g["index"] = g["inter"] / g["brand"].map(mean_int).replace(0, np.nan)
    client = g[g["brand"] == p.business_name].set_index(["aspect", "item"])["share"]
    comp = g[g["brand"] != p.business_name]
    comp_client = pd.Series(list(zip(comp["aspect"], comp["item"])), index=comp.index).map(client).fillna(0.0)
    copy = comp[(comp["share"] >= min_share) & (comp_client < comp["share"] / 2)
                & ~(comp["index"] < 1)].assign(client_value=comp_client, action="copy")
    # what the client does that no competitor does: its own addition
    best_comp = comp.groupby(["aspect", "item"])["share"].max()
    own = g[g["brand"] == p.business_name]
    own_comp = pd.Series(list(zip(own["aspect"], own["item"])), index=own.index).map(best_comp).fillna(0.0)
    keep = own[(own["share"] >= min_share) & (own_comp < min_share / 2)]
    keep = keep.assign(client_value=keep["share"], share=own_comp[keep.index], index=np.nan, action="keep",
                       brand=", ".join(comps))
    # frequency: posts per week over the span of the data
    span = pd.to_datetime(sub["created_at"], utc=True)
    weeks = max((span.max() - span.min()).days / 7.0, 1.0)
    ppw = n_posts / weeks
    c_ppw = float(ppw.get(p.business_name, 0.0))
    freq = pd.DataFrame({"brand": comps, "aspect": "frequency", "item": "posts_per_week",
                         "share": [float(ppw[c]) for c in comps], "client_value": c_ppw, "index": np.nan,
                         "action": "copy"})
    freq = freq[freq["share"] > 1.25 * c_ppw]
    out = pd.concat([copy, keep, freq], ignore_index=True)
    out = out.rename(columns={"brand": "competitor", "share": "competitor_value", "index": "engagement_index"})
    order = {"frequency": 0, "format": 1, "theme": 2, "platform": 3, "hour": 4, "hashtag": 5}
    out = out.assign(_o=out["aspect"].map(order), _a=(out["action"] == "keep").astype(int))
    out = out.sort_values(["_a", "_o", "competitor_value"], ascending=[True, True, False], kind="stable")
    out["suggestion"] = [
        text(f"scan.{a}.{'freq' if asp == 'frequency' else 'item'}", lang, comp=c, item=i, aspect=text(f"aspect.{asp}", lang),
             cv=_num(cv, lang) if asp == "frequency" else f"{cv * 100:.0f}",
             ov=_num(ov, lang) if asp == "frequency" else f"{ov * 100:.0f}")
        for a, asp, c, i, cv, ov in zip(out["action"], out["aspect"], out["competitor"], out["item"],
                                         out["competitor_value"], out["client_value"])
    ]
    return out[cols].reset_index(drop=True)


# ------------------------------------------------------------ readiness, checklist
def reply_rate(comments: pd.DataFrame, *, brand_handles: list[str] | None = None) -> float:
    """Share of customers' top-level comments that got a brand reply (NaN when there are none).

    A customer comment is one not marked ``is_brand_reply`` and not written by a brand
    handle; it counts as answered when a brand reply has it as ``parent_id``.

    Examples
    --------
    >>> c = pd.DataFrame({"comment_id": ["1", "2", "3"], "post_id": "p", "platform": "instagram",
    ...     "author": ["ani", "budi", "senja"], "text": ["berapa?", "enak", "Rp20rb kak"],
    ...     "created_at": pd.Timestamp("2026-10-01", tz="UTC"), "is_brand_reply": [False, False, True],
    ...     "parent_id": [None, None, "1"]})
    >>> reply_rate(c)
    0.5
    """
    validate(comments, "comments", func="reply_rate")
    brand = comments["is_brand_reply"].fillna(False).astype(bool)
    if brand_handles:
        brand = brand | comments["author"].astype(str).str.lstrip("@").isin(brand_handles)
    parent = comments["parent_id"] if "parent_id" in comments.columns else pd.Series(None, index=comments.index)
    top = ~brand & (parent.isna() | (parent.astype(str) == ""))
    if not top.any():
        return float("nan")
    answered = comments.loc[top, "comment_id"].astype(str).isin(set(parent[brand].dropna().astype(str)))
    return float(answered.mean())


def _content_types(posts, plan):
    for frame, source in ((posts, "data"), (plan, "data")):
        if not _empty(frame) and "content_type" in frame.columns and frame["content_type"].notna().any():
            return frame["content_type"].dropna().astype(str), source
    return None, "profile"


def readiness(profile: Profile | dict, *, posts: pd.DataFrame | None = None, comments: pd.DataFrame | None = None,
              plan: pd.DataFrame | None = None, lang: str = "id") -> pd.DataFrame:
    """The method's three warning signs of a business not ready for social media.

    1. ``ad_channel``: social media seen only as another advertising channel (share of
       promotional posts above :data:`PROMO_CEILING`; posts, else the plan).
    2. ``care``: no commitment to quality and customer care (share of customer comments
       the brand answered below :data:`REPLY_RATE_OK`; without comments, whether the
       profile sets a response target).
    3. ``no_plan``: no written, comprehensive plan (no content plan, or fewer than 80% of
       its rows complete).

    Returns
    -------
    DataFrame
        Three rows: ``sign``, ``label``, ``status`` (ok|warning|unknown), ``evidence``,
        ``source`` (data|profile), ``advice``; text in ``lang``.

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "k"}}
    >>> posts = pd.DataFrame({"post_id": list("abcd"), "platform": "instagram", "account": "k",
    ...     "created_at": pd.Timestamp("2026-10-01", tz="UTC"),
    ...     "content_type": ["promo", "promo", "promo", "education"]})
    >>> readiness(p, posts=posts)["status"].tolist()
    ['warning', 'unknown', 'warning']
    """
    _check_lang(lang)
    p = as_profile(profile)
    rows = []
    types, src = _content_types(posts, plan)
    if types is not None and len(types):
        share = float((types == "promo").mean())
        rows.append(("ad_channel", "warning" if share > PROMO_CEILING else "ok",
                     text("ev.promo_share", lang, pct=f"{share * 100:.0f}", ceiling=f"{PROMO_CEILING * 100:.0f}"), src))
    else:
        rows.append(("ad_channel", "unknown", text("ev.no_content_type", lang), "profile"))
    rate = reply_rate(comments, brand_handles=p.brand_handles) if not _empty(comments) else float("nan")
    if not np.isnan(rate):
        rows.append(("care", "warning" if rate < REPLY_RATE_OK else "ok",
                     text("ev.reply_rate", lang, pct=f"{rate * 100:.0f}", target=f"{REPLY_RATE_OK * 100:.0f}"), "data"))
    elif "response_rate" in p.kpi_targets:
        rows.append(("care", "ok", text("ev.care_target", lang, pct=f"{p.kpi_targets['response_rate'] * 100:.0f}"), "profile"))
    else:
        rows.append(("care", "unknown", text("ev.no_comments", lang), "profile"))
    if _empty(plan):
        rows.append(("no_plan", "warning", text("ev.no_plan", lang), "data"))
    else:
        done = _plan_complete_share(plan)
        rows.append(("no_plan", "ok" if done >= 0.8 else "warning",
                     text("ev.plan_complete", lang, n=len(plan), pct=f"{done * 100:.0f}"), "data"))
    out = pd.DataFrame(rows, columns=["sign", "status", "evidence", "source"])
    out.insert(1, "label", [text(f"sign.{s}", lang) for s in out["sign"]])
    out["advice"] = [text(f"advice.{s}.{st}", lang) for s, st in zip(out["sign"], out["status"])]
    return out


PLAN_FIELDS = ("date", "platform", "theme", "caption", "asset", "hashtags", "source")


def _plan_complete_share(plan: pd.DataFrame) -> float:
    filled = pd.DataFrame({f: (plan[f].notna() & (plan[f].astype(str).str.strip() != "")) if f in plan.columns
                           else False for f in PLAN_FIELDS}, index=plan.index)
    return float(filled.all(axis=1).mean()) if len(plan) else float("nan")


_GOAL_KPIS = {
    "promotion": {"er_reach", "er_impressions", "reach", "clicks", "follower_growth_monthly", "conversions"},
    "reputation": {"net_sentiment", "share_of_voice", "response_rate", "median_response_minutes", "er_reach"},
}
CHECKLIST_ITEMS = ("goals", "audience", "listening", "focus", "audit", "tone", "integration", "company", "measurement")


def strategy_checklist(profile: Profile | dict, *, posts: pd.DataFrame | None = None,
                       comments: pd.DataFrame | None = None, plan: pd.DataFrame | None = None,
                       lang: str = "id") -> pd.DataFrame:
    """The nine-point strategy checklist, scored from data where data can tell.

    ========== ======================================================================
    item       score (0 to 1)
    ========== ======================================================================
    goals      profile: a goal (0.5) with KPI targets (1)
    audience   profile: ages (0.5) plus locations or interests (1)
    listening  data: share of customer comments answered; else profile: a response target (0.5)
    focus      data: platforms carrying >= 10% of own posts (<= 3: 1, 4: 0.5, more: 0); else the profile's list
    audit      data: share of the profile's platforms with a post in the last 30 days of data; else profile fields filled
    tone       profile: register and form of address set (1), one of them (0.5); with own
               captions, half that plus half the share of captions consistent with the
               chosen register (:func:`smanalysis.conversation.tone`)
    integration profile website (0.5) and, with posts, captions pointing to it or to the bio link (1)
    company    data: the plan draws on >= 3 distinct sources (1), 2 (0.5); else profile ``team`` roles
    measurement profile: >= 2 KPI targets of which one fits the goal (1), any target (0.5)
    ========== ======================================================================

    Returns
    -------
    DataFrame
        Nine rows: ``item``, ``label``, ``score``, ``evidence``, ``source`` (data|profile),
        ``advice`` (in ``lang``; empty when the score is 1).

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "k"}, "kpi_targets": {"er_reach": 0.05, "response_rate": 0.9}}
    >>> cl = strategy_checklist(p, lang="en")
    >>> cl.set_index("item").loc[["goals", "measurement", "tone"], "score"].tolist()
    [1.0, 1.0, 0.0]
    """
    _check_lang(lang)
    p = as_profile(profile)
    aud, tone, kpis = p.audience, p.tone, p.kpi_targets
    res: dict[str, tuple[float, str, str]] = {}
    res["goals"] = ((1.0 if kpis else 0.5) if p.goal else 0.0, text("ev.goal", lang, goal=p.goal, n=len(kpis)), "profile")
    has_age = aud.get("age_min") is not None and aud.get("age_max") is not None
    has_more = bool(aud.get("locations") or aud.get("interests"))
    res["audience"] = (0.5 * has_age + 0.5 * (has_age and has_more) + 0.5 * (has_more and not has_age),
                       text("ev.audience", lang, ages=f"{aud.get('age_min', '?')}-{aud.get('age_max', '?')}",
                            more=", ".join([*(aud.get("locations") or []), *(aud.get("interests") or [])]) or "-"),
                       "profile")
    rate = reply_rate(comments, brand_handles=p.brand_handles) if not _empty(comments) else float("nan")
    if not np.isnan(rate):
        res["listening"] = (round(rate, 2), text("ev.reply_rate", lang, pct=f"{rate * 100:.0f}",
                                                 target=f"{REPLY_RATE_OK * 100:.0f}"), "data")
    else:
        t = "response_rate" in kpis
        res["listening"] = (0.5 if t else 0.0, text("ev.care_target" if t else "ev.no_comments", lang,
                                                    pct=f"{kpis.get('response_rate', 0) * 100:.0f}"), "profile")
    own = None
    if not _empty(posts):
        own = posts[posts["account"].astype(str).str.lstrip("@").isin(p.brand_handles)]
    if own is not None and len(own):
        shares = own["platform"].value_counts(normalize=True)
        active = sorted(shares[shares >= 0.1].index)
        n, src = len(active), "data"
    else:
        active, src = list(p.platforms), "profile"
        n = len(active)
    res["focus"] = (1.0 if n <= 3 else 0.5 if n == 4 else 0.0, text("ev.focus", lang, n=n, platforms=", ".join(active)), src)
    if own is not None and len(own):
        ts = pd.to_datetime(own["created_at"], utc=True)
        recent = own.loc[ts >= ts.max() - pd.Timedelta(days=30), "platform"].unique()
        plats = p.platforms or list(p.own_accounts)
        idle = [x for x in plats if x not in set(recent)]
        res["audit"] = (round(1 - len(idle) / max(len(plats), 1), 2),
                        text("ev.audit_data", lang, idle=", ".join(idle) or "-"), "data")
    else:
        fields = [p.sector, p.website, aud, tone, set(p.platforms) <= set(p.own_accounts)]
        res["audit"] = (round(sum(bool(f) for f in fields) / len(fields), 2),
                        text("ev.audit_profile", lang, n=sum(bool(f) for f in fields), total=len(fields)), "profile")
    tone_txt = ", ".join(f"{k}: {v}" for k, v in tone.items()) or "-"
    decided = 0.5 * bool(tone.get("register")) + 0.5 * bool(tone.get("address"))
    consistency = np.nan
    if tone.get("register") and own is not None and len(own) and "caption" in own.columns:
        from .conversation.tone import tone as tone_of

        caps = own["caption"].dropna().astype(str)
        if len(caps):
            consistency = float(tone_of(caps, profile=p)["consistency"].iloc[0])
    if np.isnan(consistency):
        res["tone"] = (decided, text("ev.tone", lang, tone=tone_txt), "profile")
    else:
        res["tone"] = (round(0.5 * decided + 0.5 * consistency, 2),
                       text("ev.tone_data", lang, tone=tone_txt, pct=f"{consistency * 100:.0f}"), "data")
    if own is not None and len(own) and "caption" in own.columns:
        site = re.sub(r"^https?://(www\.)?", "", p.website).strip("/").lower()
        pat = "|".join(re.escape(x) for x in ([site] if site else []) + ["link di bio", "link in bio", "linktr", "cek bio", "http"])
        linked = float(own["caption"].fillna("").astype(str).str.lower().str.contains(pat, regex=True).mean())
        res["integration"] = (0.5 * bool(p.website) + 0.5 * (linked > 0),
                              text("ev.integration_data", lang, site=p.website or "-", pct=f"{linked * 100:.0f}"), "data")
    else:
        res["integration"] = (1.0 if p.website else 0.0, text("ev.integration", lang, site=p.website or "-"), "profile")
    team = p.extra.get("team") or []
    if not _empty(plan) and "source" in plan.columns and plan["source"].notna().any():
        k = plan["source"].dropna().astype(str).str.strip().str.lower().nunique()
        res["company"] = (1.0 if k >= 3 else 0.5 if k == 2 else 0.0, text("ev.company_plan", lang, n=k), "data")
    else:
        k = len(team)
        res["company"] = (1.0 if k >= 2 else 0.5 if k == 1 else 0.0, text("ev.company_team", lang, n=k), "profile")
    fits = sorted(set(kpis) & _GOAL_KPIS.get(p.goal, set()))
    res["measurement"] = (1.0 if len(kpis) >= 2 and fits else 0.5 if kpis else 0.0,
                          text("ev.measurement", lang, n=len(kpis), fits=", ".join(fits) or "-"), "profile")
    out = pd.DataFrame([(k, *res[k]) for k in CHECKLIST_ITEMS], columns=["item", "score", "evidence", "source"])
    out["score"] = out["score"].astype(float)
    out.insert(1, "label", [text(f"check.{k}", lang) for k in CHECKLIST_ITEMS])
    out["advice"] = [("" if s >= 1 else text(f"check_advice.{k}", lang)) for k, s in zip(out["item"], out["score"])]
    return out


# ------------------------------------------------------------ workshop: phases
PHASE_QUESTIONS = pd.DataFrame(
    [
        ("know_why", 1, "Saya paham mengapa media sosial penting untuk usaha saya.",
         "I understand why social media matters for my business."),
        ("not_only_ads", 1, "Saya tahu media sosial bukan hanya tempat memasang iklan.",
         "I know social media is not only a place for ads."),
        ("has_guideline", 2, "Saya tahu langkah teknisnya: membuat rencana konten, memposting, membalas komentar.",
         "I know the technical steps: write a content plan, post, reply to comments."),
        ("has_plan", 2, "Saya sudah punya rencana konten tertulis untuk bulan ini.",
         "I have a written content plan for this month."),
        ("runs_alone", 3, "Saya (atau karyawan) sudah menjalankan sendiri: rencana, posting, memantau, membuat laporan.",
         "I (or staff) already run it myself: plan, post, monitor, report."),
        ("lacks_time", 3, "Saya sering tidak sempat mengurus akun karena pekerjaan lain.",
         "I often have no time for the accounts because of other work."),
        ("has_team", 3, "Ada tim khusus atau agensi yang membantu mengelola akun.",
         "A dedicated team or an agency helps run the accounts."),
    ],
    columns=["key", "phase", "question_id", "question_en"],
)
"""The self-assessment questions: ``key``, ``phase`` they point to, the question in id and en."""

_YES = {"ya", "y", "yes", "true", "1", "iya", "sudah", "benar"}


def phase_assessment(answers: dict[str, Any], *, lang: str = "id") -> pd.DataFrame:
    """Place an owner in one of the three phases ("Termasuk di fase manakah posisi Anda?").

    Phase 1: heard of social media and understands why it matters. Phase 2: got
    technical guidance (knows the steps, has a plan). Phase 3: runs it alone; most
    fail for lack of time, so the advice is to keep the strategy and hand the daily
    work to a team or an agency. An owner who does not yet answer yes to the phase-1
    questions is placed in phase 0 (not yet started).

    Parameters
    ----------
    answers : dict
        Question key (see :data:`PHASE_QUESTIONS`) -> True/False or "ya"/"tidak"/"yes"/"no".
        Keys left out count as "no".

    Returns
    -------
    DataFrame
        One row: ``phase`` (0-3), ``label``, ``reason``, ``next_step`` (text in ``lang``).

    Raises
    ------
    ValueError
        When a key is not one of the questions.

    Examples
    --------
    >>> phase_assessment({"know_why": True, "not_only_ads": "ya"})["phase"].item()
    1
    >>> phase_assessment({"know_why": 1, "not_only_ads": 1, "has_guideline": 1, "has_plan": 1,
    ...                   "runs_alone": 1, "lacks_time": 1})["phase"].item()
    3
    """
    _check_lang(lang)
    known = list(PHASE_QUESTIONS["key"])
    bad = [k for k in answers if k not in known]
    if bad:
        raise ValueError(f"The keys of `answers` must be among {known}, but {bad} was passed.")
    yes = {k: (str(v).strip().lower() in _YES) if not isinstance(v, bool) else v for k, v in answers.items()}
    y = {k: bool(yes.get(k, False)) for k in known}
    if not (y["know_why"] and y["not_only_ads"]):
        phase, why = 0, "p0"
    elif not (y["has_guideline"] and y["has_plan"]):
        phase, why = 1, "p1"
    elif not y["runs_alone"]:
        phase, why = 2, "p2"
    else:
        phase = 3
        why = "p3_team" if y["has_team"] else ("p3_time" if y["lacks_time"] else "p3_ok")
    return pd.DataFrame({"phase": [phase], "label": [text(f"phase.{phase}", lang)],
                         "reason": [text(f"phase_reason.{why}", lang)], "next_step": [text(f"phase_next.{why}", lang)]})


# ------------------------------------------------------------------ next steps
def next_steps(*, readiness: pd.DataFrame | None = None, checklist: pd.DataFrame | None = None,
               scan: pd.DataFrame | None = None, lang: str = "id", top: int = 3, below: float = 0.5) -> str:
    """The fact-finding conclusions as a short Markdown list of what to do first.

    Warning signs first (their advice), then checklist items scoring below ``below``
    (lowest first), then the first ``top`` "copy" suggestions of the competitor scan.

    Parameters
    ----------
    readiness, checklist, scan : DataFrame, optional
        Results of :func:`readiness`, :func:`strategy_checklist`, :func:`competitor_scan`.

    Returns
    -------
    str
        Markdown: a heading line and one bullet per step (a single "nothing urgent"
        line when there is none).

    Examples
    --------
    >>> r = pd.DataFrame({"status": ["warning", "ok"], "label": ["Iklan saja", "Rencana"],
    ...                   "advice": ["Kurangi promosi.", "Bagus."]})
    >>> print(next_steps(readiness=r, lang="id"))
    **Langkah pertama:**
    <BLANKLINE>
    - **Iklan saja**: Kurangi promosi.
    """
    _check_lang(lang)
    steps = []
    if not _empty(readiness):
        w = readiness[readiness["status"] == "warning"]
        steps += [f"- **{lab}**: {adv}" for lab, adv in zip(w["label"], w["advice"])]
    if not _empty(checklist):
        low = checklist[checklist["score"] < below].sort_values("score", kind="stable")
        steps += [f"- **{lab}** ({sc:.2f}): {adv}" for lab, sc, adv in zip(low["label"], low["score"], low["advice"])]
    if not _empty(scan):
        cp = scan[scan["action"] == "copy"].head(top)
        steps += [f"- {sug}" for sug in cp["suggestion"]]
    if not steps:
        return text("steps.none", lang)
    return text("steps.head", lang) + "\n\n" + "\n".join(steps)


# ------------------------------------------------------------------- outputs
def write_tables(tables: dict[str, pd.DataFrame | None], output_dir: str | Path, *, prefix: str = "") -> pd.DataFrame:
    """Write each non-empty table to ``output_dir/<prefix><name>.csv`` (UTF-8); list what was written.

    Returns
    -------
    DataFrame
        ``name``, ``file`` (file name only, no local path), ``rows``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_tables({"a": pd.DataFrame({"x": [1]}), "b": None}, d, prefix="01_")["file"].tolist()
    ['01_a.csv']
    """
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, df in tables.items():  # a handful of tables, not data rows
        if _empty(df):
            continue
        f = out / f"{prefix}{name}.csv"
        df.to_csv(f, index=False, encoding="utf-8")
        rows.append((name, f.name, len(df)))
    return pd.DataFrame(rows, columns=["name", "file", "rows"])


# ---------------------------------------------------------------- the words
# key -> (Bahasa Indonesia, English). smanalysis.plan registers its own keys here too.
TEXT: dict[str, tuple[str, str]] = {
    "no_data": ("Tidak ada data untuk bagian ini.", "No data for this section."),
    "none_found": ("Tidak ada temuan: semua baris lolos pemeriksaan ini.", "Nothing found: every row passes this check."),
    "field.business_name": ("Nama usaha", "Business name"),
    "field.sector": ("Bidang usaha", "Sector"),
    "field.business_model": ("Model bisnis", "Business model"),
    "field.goal": ("Tujuan bermedia sosial", "Social media goal"),
    "field.audience": ("Target audiens", "Target audience"),
    "field.platforms": ("Platform", "Platforms"),
    "field.own_accounts": ("Akun sendiri", "Own accounts"),
    "field.competitors": ("Pesaing", "Competitors"),
    "field.tone": ("Gaya bahasa (tone)", "Tone of voice"),
    "field.kpi_targets": ("Target KPI", "KPI targets"),
    "field.website": ("Situs web", "Website"),
    "fit.strong": ("{platform}: cocok; sekitar {pct}% penggunanya seusia target Anda.",
                   "{platform}: good fit; about {pct}% of its users are your target ages."),
    "fit.moderate": ("{platform}: cukup cocok; sekitar {pct}% penggunanya seusia target Anda.",
                     "{platform}: moderate fit; about {pct}% of its users are your target ages."),
    "fit.weak": ("{platform}: kurang cocok; hanya sekitar {pct}% penggunanya seusia target Anda.",
                 "{platform}: weak fit; only about {pct}% of its users are your target ages."),
    "fit.unknown": ("{platform}: belum bisa dinilai; isi rentang usia audiens di profil.",
                    "{platform}: cannot tell; fill in the audience age range in the profile."),
    "fit.drop": ("Anda memakainya: pastikan audiens Anda memang ada di sana sebelum mencurahkan waktu.",
                 "You use it: check your audience is really there before spending time on it."),
    "fit.try": ("Belum Anda pakai: layak dipertimbangkan.", "Not used yet: worth considering."),
    "plot.fit_x": ("% pengguna platform di Indonesia dalam rentang usia target", "% of Indonesian platform users in the target ages"),
    "plot.fit_title": ("Porsi pengguna platform seusia target", "Share of platform users in the target ages"),
    "aspect.format": ("format", "format"),
    "aspect.theme": ("tema", "theme"),
    "aspect.hashtag": ("tagar", "hashtag"),
    "aspect.hour": ("jam posting", "posting hour"),
    "aspect.platform": ("platform", "platform"),
    "aspect.frequency": ("frekuensi", "frequency"),
    "scan.copy.item": ("Tiru: {comp} memakai {aspect} '{item}' di {cv}% unggahannya, Anda di {ov}%. Coba sesuaikan dengan usaha Anda.",
                       "Copy: {comp} uses the {aspect} '{item}' in {cv}% of its posts, you in {ov}%. Try it, adapted to your business."),
    "scan.copy.freq": ("Tiru: {comp} memposting {cv} kali per minggu, Anda {ov} kali. Pertimbangkan jadwal yang lebih rutin.",
                       "Copy: {comp} posts {cv} times a week, you {ov} times. Consider a steadier schedule."),
    "scan.keep.item": ("Pertahankan: {aspect} '{item}' ({ov}% unggahan Anda) tidak dipakai pesaing; ini nilai tambah Anda.",
                       "Keep: the {aspect} '{item}' ({ov}% of your posts) is not used by competitors; it is what you add."),
    "sign.ad_channel": ("Media sosial hanya dianggap saluran iklan", "Social media seen only as an ad channel"),
    "sign.care": ("Kurang komitmen pada kualitas dan layanan pelanggan", "Little commitment to quality and customer care"),
    "sign.no_plan": ("Tidak ada rencana yang menyeluruh", "No comprehensive plan"),
    "ev.promo_share": ("{pct}% konten bersifat promosi (batas wajar {ceiling}%).", "{pct}% of content is promotion (sensible ceiling {ceiling}%)."),
    "ev.no_content_type": ("Jenis konten (promosi atau bermanfaat) tidak tercatat.", "Content type (promotion or useful) is not recorded."),
    "ev.reply_rate": ("{pct}% komentar pelanggan dibalas (patokan {target}%).", "{pct}% of customer comments got a reply (benchmark {target}%)."),
    "ev.care_target": ("Profil menetapkan target balasan {pct}%; belum ada data komentar untuk memeriksanya.",
                       "The profile sets a {pct}% reply target; no comment data to check it yet."),
    "ev.no_comments": ("Tidak ada data komentar dan profil belum menetapkan target balasan.",
                       "No comment data and the profile sets no reply target."),
    "ev.no_plan": ("Tidak ada rencana konten tertulis.", "No written content plan."),
    "ev.plan_complete": ("Rencana konten berisi {n} baris; {pct}% lengkap (tanggal, platform, tema, caption, aset, tagar, sumber).",
                         "The content plan has {n} rows; {pct}% are complete (date, platform, theme, caption, asset, hashtags, source)."),
    "advice.ad_channel.ok": ("Bagus. Jaga agar promosi tetap diselingi konten yang bermanfaat.", "Good. Keep mixing promotion with useful content."),
    "advice.ad_channel.warning": ("Kurangi promosi; isi linimasa dengan tips, cerita dan ajakan ngobrol. Media sosial tempat bersosialisasi, bukan papan iklan.",
                                  "Post less promotion; fill the feed with tips, stories and conversation starters. Social media is for socialising, not a billboard."),
    "advice.ad_channel.unknown": ("Catat jenis setiap konten (promosi, edukasi, hiburan, ...) di rencana agar keseimbangannya bisa dicek.",
                                  "Record each post's content type (promotion, education, entertainment, ...) in the plan so the balance can be checked."),
    "advice.care.ok": ("Bagus. Terus balas setiap pertanyaan, keluhan, bahkan umpatan.", "Good. Keep answering every question, complaint and even insult."),
    "advice.care.warning": ("Balas setiap pertanyaan dan keluhan, sebaiknya dalam satu jam kerja. Keluhan yang dibiarkan dilihat banyak orang.",
                            "Reply to every question and complaint, ideally within a working hour. Ignored complaints are seen by many."),
    "advice.care.unknown": ("Tetapkan siapa yang membalas komentar dan target waktunya, lalu ekspor komentar untuk dipantau.",
                            "Decide who answers comments and how fast, then export comments to monitor it."),
    "advice.no_plan.ok": ("Bagus. Tinjau rencana setiap bulan.", "Good. Review the plan every month."),
    "advice.no_plan.warning": ("Tulis rencana konten: tanggal, platform, tema, caption, aset, tagar dan sumber untuk setiap unggahan.",
                               "Write a content plan: date, platform, theme, caption, asset, hashtags and source for every post."),
    "check.goals": ("Tujuan yang jelas", "Clear goals"),
    "check.audience": ("Audiens utama", "Main audience"),
    "check.listening": ("Mendengarkan (membalas percakapan)", "Listening (answering the conversation)"),
    "check.focus": ("Fokus platform", "Focus platforms"),
    "check.audit": ("Pemeriksaan akun rutin", "Regular account audit"),
    "check.tone": ("Tone komunikasi", "Tone of voice"),
    "check.integration": ("Terhubung dengan situs/profil lain", "Integration with website and other profiles"),
    "check.company": ("Melibatkan seluruh bagian usaha", "Whole-company involvement"),
    "check.measurement": ("Pengukuran yang terkait tujuan", "Measurement tied to goals"),
    "ev.goal": ("Tujuan: {goal}; {n} target KPI.", "Goal: {goal}; {n} KPI targets."),
    "ev.audience": ("Usia {ages}; {more}.", "Ages {ages}; {more}."),
    "ev.focus": ("{n} platform aktif: {platforms}.", "{n} active platforms: {platforms}."),
    "ev.audit_data": ("Platform tanpa unggahan dalam 30 hari terakhir: {idle}.", "Platforms with no post in the last 30 days: {idle}."),
    "ev.audit_profile": ("{n} dari {total} isian profil lengkap.", "{n} of {total} profile fields filled."),
    "ev.tone": ("Tone di profil: {tone}.", "Tone in the profile: {tone}."),
    "ev.tone_data": ("Tone di profil: {tone}; {pct}% caption sesuai dengan tone itu.",
                     "Tone in the profile: {tone}; {pct}% of captions are consistent with it."),
    "ev.integration_data": ("Situs: {site}; {pct}% caption mengarah ke situs atau link di bio.",
                            "Website: {site}; {pct}% of captions point to the website or the bio link."),
    "ev.integration": ("Situs: {site}.", "Website: {site}."),
    "ev.company_plan": ("Rencana konten memakai {n} sumber berbeda.", "The content plan draws on {n} different sources."),
    "ev.company_team": ("{n} peran tim tercatat di profil.", "{n} team roles recorded in the profile."),
    "ev.measurement": ("{n} target KPI; sesuai tujuan: {fits}.", "{n} KPI targets; fitting the goal: {fits}."),
    "check_advice.goals": ("Tulis tujuan Anda sendiri dan beri angka target (misalnya engagement rate 5%).",
                           "Write your own goal and give it numbers (for example a 5% engagement rate)."),
    "check_advice.audience": ("Tentukan satu audiens utama: usia, lokasi dan minatnya.", "Pick one main audience: age, location and interests."),
    "check_advice.listening": ("Pantau dan balas komentar setiap hari; catat pertanyaan yang sering muncul.",
                               "Watch and answer comments every day; note the questions that recur."),
    "check_advice.focus": ("Fokus pada dua atau tiga platform tempat audiens Anda berkumpul.", "Focus on the two or three platforms where your audience gathers."),
    "check_advice.audit": ("Periksa setiap akun sebulan sekali: bio, jam buka, kontak, tautan, dan unggahan terbaru.",
                           "Check every account monthly: bio, opening hours, contact, links and recent posts."),
    "check_advice.tone": ("Putuskan gaya bahasa (santai/formal) dan sapaan (kak, kamu, Anda), lalu pakai konsisten.",
                          "Decide the register (casual/formal) and how you address customers (kak, kamu, Anda), then stick to it."),
    "check_advice.integration": ("Hubungkan akun dengan situs, toko online dan profil lain; sebutkan di caption dan bio.",
                                 "Link the accounts to your website, online shop and other profiles; mention them in captions and bio."),
    "check_advice.company": ("Libatkan bagian lain (dapur, kasir, pemilik) sebagai sumber konten dan sepakati apa yang boleh dipublikasikan.",
                             "Involve other parts of the business (kitchen, cashier, owner) as content sources and agree on what may be published."),
    "check_advice.measurement": ("Tetapkan KPI yang terkait tujuan dan ukur setiap bulan.", "Set KPIs tied to the goal and measure them monthly."),
    "phase.0": ("Belum memulai", "Not started yet"),
    "phase.1": ("Fase 1: paham pentingnya media sosial", "Phase 1: understands why social media matters"),
    "phase.2": ("Fase 2: sudah punya panduan teknis", "Phase 2: has technical guidance"),
    "phase.3": ("Fase 3: menjalankan sendiri", "Phase 3: runs it alone"),
    "phase_reason.p0": ("Anda belum yakin apa gunanya media sosial untuk usaha Anda.", "You are not yet sure what social media does for your business."),
    "phase_reason.p1": ("Anda tahu pentingnya, tetapi belum punya langkah teknis atau rencana tertulis.",
                        "You know why it matters but have no technical steps or written plan yet."),
    "phase_reason.p2": ("Anda tahu caranya dan punya rencana, tetapi belum menjalankannya secara rutin.",
                        "You know how and have a plan, but do not run it routinely yet."),
    "phase_reason.p3_time": ("Anda menjalankan sendiri tetapi kekurangan waktu; di fase inilah kebanyakan pelaku UKM berhenti.",
                             "You run it alone but lack time; this is where most small business owners give up."),
    "phase_reason.p3_team": ("Anda menjalankan akun dengan bantuan tim atau agensi.", "You run the accounts with a team or an agency."),
    "phase_reason.p3_ok": ("Anda menjalankan sendiri dan masih punya waktu.", "You run it yourself and still have time."),
    "phase_next.p0": ("Ikuti seminar atau baca contoh usaha sejenis; mulai dari pertanyaan: apa tujuan Anda bermedia sosial?",
                      "Attend a seminar or study similar businesses; start with the question: what is your goal on social media?"),
    "phase_next.p1": ("Ikuti pelatihan teknis dan isi profil serta lima baris rencana konten pertama Anda (notebook workshop 02).",
                      "Take a technical training and fill in your profile and your first five plan rows (workshop notebook 02)."),
    "phase_next.p2": ("Jalankan rencana selama sebulan, lalu baca ekspor data Anda (notebook workshop 03).",
                      "Run the plan for a month, then read your own export (workshop notebook 03)."),
    "phase_next.p3_time": ("Sebagai pemilik, pegang strategi dan target penjualan; serahkan pekerjaan harian ke tim internal atau agensi UKM.",
                           "As owner, keep the strategy and sales targets; hand the daily work to an internal team or an agency for small businesses."),
    "phase_next.p3_team": ("Pastikan tim punya rencana tertulis, target KPI dan laporan bulanan; Anda tetap memegang strategi.",
                           "Make sure the team has a written plan, KPI targets and a monthly report; you keep the strategy."),
    "phase_next.p3_ok": ("Ukur hasilnya setiap bulan; bila waktu mulai habis, siapkan tim atau agensi.",
                         "Measure results every month; when time runs short, prepare a team or an agency."),
    # notebook 01 narrative
    "nb.loaded": ("Data dimuat untuk **{client}**, periode {start} s.d. {end}: {posts} unggahan, {comments} komentar, {plan} baris rencana.",
                  "Data loaded for **{client}**, period {start} to {end}: {posts} posts, {comments} comments, {plan} plan rows."),
    "nb01.profile": ("Profil usaha menjawab pertanyaan dasar fact finding: model bisnis (B2B atau B2C), tujuan (reputasi atau promosi), dan siapa audiensnya.",
                     "The business profile answers the basic fact-finding questions: business model (B2B or B2C), goal (reputation or promotion) and who the audience is."),
    "nb01.fit": ("Apakah audiens Anda ada di platform itu? Batang menunjukkan berapa persen pengguna tiap platform di Indonesia berada dalam rentang usia target (angka perkiraan, sumber di tabel).",
                 "Is your audience on that platform? Bars show what share of each platform's Indonesian users fall in the target ages (approximate figures, source in the table)."),
    "nb01.scan": ("Apa yang dilakukan pesaing dan belum Anda lakukan? Tiru hal yang baik, pertahankan yang menjadi nilai tambah Anda.",
                  "What do competitors do that you do not? Copy the good things, keep what you add."),
    "nb01.readiness": ("Tiga tanda usaha belum siap bermedia sosial. Tanda peringatan (warning) perlu dibereskan dulu.",
                       "Three signs a business is not ready for social media. Fix any warning first."),
    "nb01.checklist": ("Sembilan poin strategi, dinilai 0 sampai 1 dari data bila data bisa menjawab, selain itu dari profil.",
                       "Nine strategy points, scored 0 to 1 from data where data can tell, otherwise from the profile."),
    "steps.head": ("**Langkah pertama:**", "**First steps:**"),
    "steps.none": ("Tidak ada yang mendesak: tanda bahaya aman dan semua poin strategi cukup.",
                   "Nothing urgent: no warning sign and every strategy point is fair."),
    "nb01.steps": ("Kesimpulan fact finding: apa yang dikerjakan lebih dulu.", "Fact-finding conclusions: what to do first."),
    "nb.saved": ("Tabel disimpan di folder keluaran:", "Tables saved to the output folder:"),
}
