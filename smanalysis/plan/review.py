"""Step 2 of the four public-relations steps: the written plan, reviewed.

Completeness (:func:`review_plan`, :func:`plan_completeness`), the balance of
promotion and useful content (:func:`content_mix`), captions and hashtags within each
platform's limits (:func:`check_limits`, :data:`PLATFORM_LIMITS`) and themes against
the goal (:func:`themes_vs_goal`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..ratios import divide
from ..exceptions import SchemaError
from .._checks import check_choice
from ..factfinding import PLAN_FIELDS, PROMO_CEILING, as_profile
from ..words import LANGS, code_label, text
from ..profile import Profile
from ..schema import CONTENT_TYPES, PLATFORMS, validate
from .tables import is_blank, column_or_none

PLATFORM_LIMITS = pd.DataFrame(
    [
        ("instagram", 2200, 5, "3-5",
         "Instagram Help Center: captions up to 2,200 characters; @creators announcement Dec 2025: "
         "at most 5 hashtags per post or reel (30 before)", "2026-11"),
        ("facebook", 63206, np.nan, "1-3", "Facebook: post text up to 63,206 characters; no hashtag cap", "2026-11"),
        ("tiktok", 2200, np.nan, "3-5",
         "TikTok: 2,200 characters through the Content Posting API used by schedulers (the app itself allows "
         "up to 4,000 since 2024); we check the lower one so a plan works both ways; no hashtag cap", "2026-11"),
        ("x", 280, np.nan, "1-2", "X: 280 characters for accounts without Premium (Premium: 25,000); no hashtag cap",
         "2026-11"),
        ("youtube", 5000, 15, "3-5",
         "YouTube Help: description up to 5,000 characters; with more than 15 hashtags all are ignored", "2026-11"),
    ],
    columns=["platform", "caption_max", "hashtags_max", "hashtags_recommended", "source", "checked"],
)
"""Caption length and hashtag limits per platform, with sources (edit or pass your own)."""

def platform_limits(lang: str = "id") -> pd.DataFrame:
    """:data:`PLATFORM_LIMITS` with its sources written in ``lang`` (``limits.src.<platform>`` of
    :mod:`smanalysis.words`; a platform without a translated note keeps its English source).

    >>> platform_limits("id").set_index("platform").loc["x", "source"][:38]
    'X: 280 karakter untuk akun tanpa Premi'
    """
    from ..words import WORDS

    check_choice("lang", lang, LANGS)
    out = PLATFORM_LIMITS.copy()
    out["source"] = [text(f"limits.src.{p}", lang) if f"limits.src.{p}" in WORDS else s
                     for p, s in zip(out["platform"], out["source"])]
    return out


USEFUL_TYPES = ("education", "entertainment", "engagement", "inspiration", "news")
"""Content types counted as useful (not promotion) by :func:`content_mix`."""

GOAL_CONTENT = {
    "promotion": ("promo", "news", "education", "engagement"),
    "reputation": ("education", "inspiration", "news", "engagement", "entertainment"),
}
"""Content types that serve each profile goal (:func:`themes_vs_goal`)."""

_TAG = re.compile(r"#\w+")


# -------------------------------------------------------------------- review
def plan_completeness(plan: pd.DataFrame) -> pd.DataFrame:
    """Share of plan rows that fill each field the method asks for.

    Returns
    -------
    DataFrame
        ``field`` (date, platform, theme, caption, asset, hashtags, source), ``filled``
        (rows), ``share`` (of all rows; NaN for an empty plan).

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01", None], "caption": ["a", " "]})
    >>> plan_completeness(plan).set_index("field").loc[["date", "caption", "asset"], "share"].tolist()
    [0.5, 0.5, 0.0]
    """
    filled = [int((~is_blank(plan[f])).sum()) if f in plan.columns else 0 for f in PLAN_FIELDS]
    n = len(plan)
    return pd.DataFrame({"field": list(PLAN_FIELDS), "filled": filled,
                         "share": divide(np.array(filled, dtype=float), n, func="plan_completeness", name="share")})


def review_plan(plan: pd.DataFrame, *, profile: Profile | dict | None = None, lang: str = "id") -> pd.DataFrame:
    """Check every plan row for the fields the method asks for, and other issues.

    Parameters
    ----------
    plan : DataFrame
        Canonical content plan (``date``, ``platform``, ``theme``, ``caption``, ``content_type``).
    profile : Profile or dict, optional
        When given, rows for platforms outside the profile's platforms are flagged.
        Unknown platforms and content types (not in :data:`smanalysis.schema.PLATFORMS`,
        :data:`smanalysis.schema.CONTENT_TYPES`) and duplicate rows are flagged always.
    lang : {"id", "en"}
        Language of ``issues``.

    Returns
    -------
    DataFrame
        One row per plan row (same index): ``date``, ``platform``, ``theme``, ``missing``
        (comma-separated missing fields), ``n_missing``, ``complete`` (bool), ``issues``
        (sentences in ``lang``, ``""`` when none).

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01", "2026-10-01"], "platform": ["instagram", "myspace"],
    ...     "theme": ["menu", "menu"], "caption": ["Kopi baru!", None], "content_type": ["promo", "news"],
    ...     "asset": ["a.jpg", "b.jpg"], "hashtags": ["#kopi", ""], "source": ["dapur", "dapur"]})
    >>> r = review_plan(plan, lang="en")
    >>> r[["missing", "complete"]].values.tolist()
    [['', True], ['caption, hashtags', False]]
    >>> r["issues"].iloc[1]
    "Missing: caption, hashtags; unknown platform 'myspace'"
    """
    check_choice("lang", lang, LANGS)
    validate(plan, "content_plan", func="review_plan")
    miss = pd.DataFrame({f: is_blank(plan[f]) if f in plan.columns else True for f in PLAN_FIELDS}, index=plan.index)
    names = np.array(PLAN_FIELDS, dtype=object)
    missing = pd.Series([", ".join(names[row]) for row in miss.to_numpy(bool)], index=plan.index, dtype=object)
    plat = plan["platform"].astype(str).str.lower().str.strip()
    unknown = ~is_blank(plan["platform"]) & ~plat.isin(PLATFORMS)
    outside = pd.Series(False, index=plan.index)
    if profile is not None:
        outside = ~is_blank(plan["platform"]) & ~unknown & ~plat.isin(as_profile(profile).platforms)
    dup = plan.duplicated(["date", "platform", "theme", "caption"], keep="first")
    ctype = plan["content_type"].astype(object).where(~is_blank(plan["content_type"]), None)
    bad_type = ctype.notna() & ~ctype.astype(str).str.lower().str.strip().isin(CONTENT_TYPES)
    parts = pd.DataFrame({
        "m": np.where(missing != "", [text("review.missing", lang, fields=", ".join(
            code_label("col", f, lang) for f in m.split(", "))) for m in missing], ""),
        "u": np.where(unknown, [text("review.unknown_platform", lang, platform=x) for x in plat], ""),
        "o": np.where(outside, [text("review.outside_profile", lang, platform=x) for x in plat], ""),
        "t": np.where(bad_type, [text("review.unknown_type", lang, ct=x) for x in ctype.astype(str)], ""),
        "d": np.where(dup, text("review.duplicate", lang), ""),
    }, index=plan.index)
    issues = parts.apply(lambda r: "; ".join(x for x in r if x), axis=1) if len(plan) else pd.Series(dtype=object)
    return pd.DataFrame({
        "date": plan["date"], "platform": plan["platform"], "theme": plan["theme"], "missing": missing,
        "n_missing": miss.sum(axis=1).astype(int), "complete": ~miss.any(axis=1), "issues": issues,
    }, index=plan.index)


def content_mix(plan_or_posts: pd.DataFrame, *, ceiling: float = PROMO_CEILING, lang: str = "id") -> pd.DataFrame:
    """Balance of promotion and useful content, per platform and overall.

    ``promo`` is promotion; :data:`USEFUL_TYPES` (education, entertainment,
    engagement, inspiration, news) are useful content; anything else or missing is
    ``unknown``. The method warns against using social media as a billboard: keep
    promotion at or below ``ceiling`` (default :data:`PROMO_CEILING` = 30% of the
    classified items; many practitioners use 20%, the "80/20 rule").

    Returns
    -------
    DataFrame
        ``platform`` (``"all"`` first, then each platform), ``items``, ``promo``, ``useful``,
        ``unknown``, ``promo_share`` (promo / (promo + useful); NaN when none is classified),
        ``over_ceiling`` (bool), ``note`` (in ``lang``). Empty for an empty input.

    Examples
    --------
    >>> plan = pd.DataFrame({"platform": ["ig", "ig", "ig", "x"],
    ...                      "content_type": ["promo", "education", None, "promo"]})
    >>> content_mix(plan)[["platform", "promo", "useful", "promo_share"]].values.tolist()
    [['all', 2, 1, 0.6667], ['ig', 1, 1, 0.5], ['x', 1, 0, 1.0]]
    """
    check_choice("lang", lang, LANGS)
    if "content_type" not in plan_or_posts.columns or "platform" not in plan_or_posts.columns:
        raise SchemaError("content_mix: the table lacks required columns ['platform', 'content_type']; "
                          f"columns present: {list(map(str, plan_or_posts.columns))}")
    if plan_or_posts.empty:
        return pd.DataFrame(columns=["platform", "items", "promo", "useful", "unknown", "promo_share", "over_ceiling", "note"])
    ct = plan_or_posts["content_type"].astype(object).str.lower()
    kind = np.select([ct == "promo", ct.isin(USEFUL_TYPES)], ["promo", "useful"], "unknown")
    d = pd.DataFrame({"platform": plan_or_posts["platform"].astype(str), "kind": kind})
    both = pd.concat([d.assign(platform="all"), d], ignore_index=True)
    t = pd.crosstab(both["platform"], both["kind"]).reindex(columns=["promo", "useful", "unknown"], fill_value=0)
    t = t.reindex(["all", *sorted(set(d["platform"]))]).fillna(0).astype("int64")
    cls = (t["promo"] + t["useful"]).replace(0, np.nan)
    out = t.reset_index().rename(columns={"index": "platform"})
    out.columns.name = None
    out.insert(1, "items", t.sum(axis=1).to_numpy())
    out["promo_share"] = np.round(divide(t["promo"].to_numpy(float), cls.to_numpy(float), func="content_mix",
                                         name="promo_share"), 4)
    out["over_ceiling"] = (out["promo_share"] > ceiling).to_numpy()
    out["note"] = [text("mix.none" if np.isnan(s) else "mix.over" if s > ceiling else "mix.ok", lang,
                        pct="" if np.isnan(s) else f"{s * 100:.0f}", ceiling=f"{ceiling * 100:.0f}")
                   for s in out["promo_share"]]
    return out


def _tag_lists(plan: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    cap = column_or_none(plan, "caption").fillna("").astype(str)
    in_cap = cap.str.lower().str.findall(_TAG)
    col = column_or_none(plan, "hashtags").fillna("").astype(str).str.lower().str.replace(",", " ", regex=False).str.split()
    col = col.apply(lambda ts: ["#" + t.lstrip("#") for t in ts if t.lstrip("#")])
    return in_cap, col


def check_limits(plan: pd.DataFrame, *, limits: pd.DataFrame | None = None, lang: str = "id") -> pd.DataFrame:
    """Caption length and hashtag count of each plan row against the platform's limits.

    The posted text is the caption plus the planned hashtags not already in it (joined
    by spaces). Length counts Unicode characters (an emoji may count as two on some
    platforms). Hashtags are counted once each, case-insensitively.

    Parameters
    ----------
    plan : DataFrame
        Content plan (or posts) with ``platform``, ``caption`` and optionally ``hashtags``.
    limits : DataFrame, optional
        ``platform``, ``caption_max``, ``hashtags_max``; default :data:`PLATFORM_LIMITS`.

    Returns
    -------
    DataFrame
        Same index as ``plan``: ``platform``, ``chars``, ``caption_max``, ``hashtags``,
        ``hashtags_max``, ``caption_ok``, ``hashtags_ok`` (True where no limit is known),
        ``issue`` (in ``lang``; ``""`` when within limits).

    Examples
    --------
    >>> plan = pd.DataFrame({"platform": ["x", "instagram"], "caption": ["a" * 281, "Kopi #a #b"],
    ...                      "hashtags": [None, "#b #c #d #e #f"]})
    >>> check_limits(plan, lang="en")[["chars", "hashtags", "caption_ok", "hashtags_ok"]].values.tolist()
    [[281, 0, False, True], [22, 6, True, False]]
    """
    check_choice("lang", lang, LANGS)
    if "platform" not in plan.columns or "caption" not in plan.columns:
        raise SchemaError("check_limits: the table lacks required columns ['platform', 'caption']; "
                          f"columns present: {list(map(str, plan.columns))}")
    lim = (PLATFORM_LIMITS if limits is None else limits).set_index("platform")
    in_cap, col = _tag_lists(plan)
    a = in_cap.explode().dropna().rename("tag").reset_index()
    b = col.explode().dropna().rename("tag").reset_index()
    extra = b.merge(a.assign(_in=True), on=["index", "tag"], how="left")
    extra = extra[extra["_in"].isna()].drop_duplicates(["index", "tag"])
    extra_chars = (extra["tag"].str.len() + 1).groupby(extra["index"]).sum()
    n_tags = pd.concat([a, b]).drop_duplicates().groupby("index").size()
    idx = pd.RangeIndex(len(plan))
    chars = (column_or_none(plan, "caption").fillna("").astype(str).str.len().to_numpy()
             + extra_chars.reindex(idx, fill_value=0).to_numpy())
    ntag = n_tags.reindex(idx, fill_value=0).to_numpy()
    plat = plan["platform"].astype(str).str.lower()
    cmax = plat.map(lim["caption_max"]).astype(float).to_numpy()
    hmax = plat.map(lim["hashtags_max"]).astype(float).to_numpy()
    out = pd.DataFrame({"platform": plan["platform"].to_numpy(), "chars": chars.astype("int64"), "caption_max": cmax,
                        "hashtags": ntag.astype("int64"), "hashtags_max": hmax}, index=plan.index)
    out["caption_ok"] = ~(chars > cmax)
    out["hashtags_ok"] = ~(ntag > hmax)
    c_msg = [text("limits.caption", lang, n=c, max=f"{m:.0f}") if not ok else ""
             for c, m, ok in zip(chars, cmax, out["caption_ok"])]
    h_msg = [text("limits.hashtags", lang, n=c, max=f"{m:.0f}") if not ok else ""
             for c, m, ok in zip(ntag, hmax, out["hashtags_ok"])]
    out["issue"] = ["; ".join(x for x in pair if x) for pair in zip(c_msg, h_msg)]
    return out


def themes_vs_goal(plan: pd.DataFrame, profile: Profile | dict, *, lang: str = "id") -> pd.DataFrame:
    """Do the planned themes serve the profile's goal?

    A theme's content type (its most frequent one) serves the goal when it is in
    :data:`GOAL_CONTENT` for the goal (promotion: promo, news, education, engagement;
    reputation: education, inspiration, news, engagement, entertainment). The other types
    help only indirectly (they keep the audience close); the note asks to keep them in
    proportion, not to drop them.

    Returns
    -------
    DataFrame
        One row per theme, most planned first: ``theme``, ``content_type``, ``rows``,
        ``share`` (of plan rows), ``serves_goal`` (bool), ``note`` (in ``lang``).

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "reputation", "own_accounts": {"x": "k"}}
    >>> plan = pd.DataFrame({"theme": ["menu", "menu", "tips"], "content_type": ["promo", "promo", "education"]})
    >>> themes_vs_goal(plan, p)[["theme", "rows", "serves_goal"]].values.tolist()
    [['menu', 2, False], ['tips', 1, True]]
    """
    check_choice("lang", lang, LANGS)
    p = as_profile(profile)
    if "theme" not in plan.columns:
        raise SchemaError(f"themes_vs_goal: the table lacks required columns ['theme']; columns present: {list(plan.columns)}")
    d = pd.DataFrame({"theme": plan["theme"].fillna("(?)").astype(str),
                      "content_type": column_or_none(plan, "content_type").fillna("other").astype(str).str.lower()})
    g = (d.groupby(["theme", "content_type"]).size().rename("n").reset_index()
         .sort_values(["theme", "n"], ascending=[True, False], kind="stable"))
    main = g.drop_duplicates("theme").set_index("theme")["content_type"]
    rows = d.groupby("theme").size()
    out = pd.DataFrame({"theme": rows.index, "content_type": main.reindex(rows.index).to_numpy(), "rows": rows.to_numpy()})
    out["share"] = divide(out["rows"], len(d), func="themes_vs_goal", name="share").round(4)
    out["serves_goal"] = out["content_type"].isin(GOAL_CONTENT.get(p.goal, ()))
    out = out.sort_values(["rows", "theme"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["note"] = [text("goal.serves" if s else "goal.not", lang, goal=code_label("value", p.goal, lang),
                        ct=code_label("value", c, lang))
                   for s, c in zip(out["serves_goal"], out["content_type"])]
    return out
