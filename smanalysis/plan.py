"""Steps 2 and 3 of the four public-relations steps: the written plan and its execution.

Planning: the content plan (canonical ``content_plan`` table) checked for
completeness (:func:`review_plan`), cadence and gaps per platform
(:func:`cadence`, :func:`gaps`), the balance of promotion and useful content
(:func:`content_mix`), captions and hashtags within each platform's limits
(:func:`check_limits`, :data:`PLATFORM_LIMITS`), themes against the goal
(:func:`themes_vs_goal`) and a calendar (:func:`calendar`, :func:`plot_calendar`).

Execution: the plan against what was posted (:func:`match_plan`,
:func:`execution_summary`), themes for posts (:func:`assign_themes`), the care
queue (:func:`care_queue`), and a draft plan for the next period built from
recommendations (:func:`draft_next_plan`).
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from . import factfinding as _ff
from .exceptions import SchemaError
from .factfinding import PLAN_FIELDS, PROMO_CEILING, _check_lang, as_profile, text
from .profile import Profile
from .schema import CONTENT_TYPES, DEFAULT_TIMEZONE, PLATFORMS, conform, validate

__all__ = [
    "PLATFORM_LIMITS",
    "PROMO_CEILING",
    "USEFUL_TYPES",
    "GOAL_CONTENT",
    "select_period",
    "own_posts",
    "review_plan",
    "plan_completeness",
    "cadence",
    "gaps",
    "content_mix",
    "check_limits",
    "themes_vs_goal",
    "calendar",
    "plot_calendar",
    "match_plan",
    "execution_summary",
    "plot_execution",
    "assign_themes",
    "care_queue",
    "plot_care",
    "draft_next_plan",
]

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

USEFUL_TYPES = ("education", "entertainment", "engagement", "inspiration", "news")
"""Content types counted as useful (not promotion) by :func:`content_mix`."""

GOAL_CONTENT = {
    "promotion": ("promo", "news", "education", "engagement"),
    "reputation": ("education", "inspiration", "news", "engagement", "entertainment"),
}
"""Content types that serve each profile goal (:func:`themes_vs_goal`)."""

_TAG = re.compile(r"#\w+")
_TOKEN = re.compile(r"#?\w{2,}")


def _blank(s: pd.Series) -> pd.Series:
    return s.isna() | (s.astype(str).str.strip() == "")


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    return df[name] if name in df.columns else pd.Series(None, index=df.index, dtype=object)


def _str(s: pd.Series) -> pd.Series:
    """Text with missing values as empty strings, whatever the dtype (an empty column may be float)."""
    return s.astype(object).where(s.notna(), "").astype(str)


def _days(frame: pd.DataFrame, timezone: str = DEFAULT_TIMEZONE) -> pd.Series:
    """Local calendar day of each row: ``date`` when present, else ``created_at`` in ``timezone``."""
    if "date" in frame.columns:
        d = pd.to_datetime(frame["date"], errors="coerce")
        if getattr(d.dt, "tz", None) is not None:
            d = d.dt.tz_localize(None)
        return d.dt.normalize()
    if "created_at" in frame.columns:
        return pd.to_datetime(frame["created_at"], utc=True).dt.tz_convert(timezone).dt.tz_localize(None).dt.normalize()
    raise SchemaError(f"expected a `date` or `created_at` column; columns present: {list(map(str, frame.columns))}")


def select_period(frame: pd.DataFrame, start: Any = None, end: Any = None, *,
                  timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """Rows whose local day lies in ``start``..``end`` (inclusive; either may be None).

    Works on any canonical table: ``date`` (plan, followers) or ``created_at`` (read in
    ``timezone``). Timezone-aware bounds are read as local days too. Returns a copy.

    Examples
    --------
    >>> df = pd.DataFrame({"created_at": pd.to_datetime(["2026-09-30 18:00", "2026-10-31 16:00"], utc=True)})
    >>> len(select_period(df, "2026-10-01", "2026-10-31"))   # 01:00 and 23:00 in Jakarta
    2
    """
    days = _days(frame, timezone)
    keep = pd.Series(True, index=frame.index)
    if start is not None and not pd.isna(start):
        keep &= days >= _local_day(start, timezone)
    if end is not None and not pd.isna(end):
        keep &= days <= _local_day(end, timezone)
    return frame.loc[keep].copy()


def _local_day(x: Any, timezone: str) -> pd.Timestamp:
    t = pd.Timestamp(x)
    if t.tzinfo is not None:
        t = t.tz_convert(timezone).tz_localize(None)
    return t.normalize()


def own_posts(posts: pd.DataFrame, profile: Profile | dict) -> pd.DataFrame:
    """The posts of the profile's own accounts (a copy).

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion", "own_accounts": {"x": "k"}}
    >>> own_posts(pd.DataFrame({"account": ["@k", "other"]}), p)["account"].tolist()
    ['@k']
    """
    p = as_profile(profile)
    return posts.loc[posts["account"].astype(str).str.lstrip("@").isin(p.brand_handles)].copy()


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
    filled = [int((~_blank(plan[f])).sum()) if f in plan.columns else 0 for f in PLAN_FIELDS]
    n = len(plan)
    return pd.DataFrame({"field": list(PLAN_FIELDS), "filled": filled,
                         "share": [f / n if n else np.nan for f in filled]})


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
    _check_lang(lang)
    validate(plan, "content_plan", func="review_plan")
    miss = pd.DataFrame({f: _blank(plan[f]) if f in plan.columns else True for f in PLAN_FIELDS}, index=plan.index)
    names = np.array(PLAN_FIELDS, dtype=object)
    missing = pd.Series([", ".join(names[row]) for row in miss.to_numpy(bool)], index=plan.index, dtype=object)
    plat = plan["platform"].astype(str).str.lower().str.strip()
    unknown = ~_blank(plan["platform"]) & ~plat.isin(PLATFORMS)
    outside = pd.Series(False, index=plan.index)
    if profile is not None:
        outside = ~_blank(plan["platform"]) & ~unknown & ~plat.isin(as_profile(profile).platforms)
    dup = plan.duplicated(["date", "platform", "theme", "caption"], keep="first")
    ctype = plan["content_type"].astype(object).where(~_blank(plan["content_type"]), None)
    bad_type = ctype.notna() & ~ctype.astype(str).str.lower().str.strip().isin(CONTENT_TYPES)
    parts = pd.DataFrame({
        "m": np.where(missing != "", [text("review.missing", lang, fields=m) for m in missing], ""),
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


def cadence(plan: pd.DataFrame, *, freq: str = "W", wide: bool = False, timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """Planned (or posted) items per platform per period, empty periods included as 0.

    Parameters
    ----------
    plan : DataFrame
        Content plan (``date``) or posts (``created_at``), with ``platform``.
    freq : str
        ``"W"`` (weeks starting Monday), ``"M"`` (also ``"ME"``, ``"MS"``) or ``"D"``.
    wide : bool
        Return one row per period and one column per platform instead.

    Returns
    -------
    DataFrame
        ``platform``, ``period_start`` (first day of the period), ``posts``; or, with
        ``wide=True``, ``period_start`` as index and a column of counts per platform.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-05", "2026-10-06", "2026-10-19"], "platform": "instagram"})
    >>> cadence(plan)["posts"].tolist()   # weeks of 5, 12 and 19 October
    [2, 0, 1]
    """
    if "platform" not in plan.columns:
        raise SchemaError(f"cadence: the table lacks required columns ['platform']; columns present: {list(plan.columns)}")
    cols = ["platform", "period_start", "posts"]
    freqs = {"D": "D", "W": "W", "M": "M", "ME": "M", "MS": "M"}
    if freq not in freqs:
        raise ValueError(f"The value for `freq` must be one of {list(freqs)}, but {freq!r} was passed.")
    f = freqs[freq]
    days = _days(plan, timezone)
    ok = days.notna() & plan["platform"].notna()
    if not ok.any():
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "posts" else object) for c in cols}).iloc[:, :0 if wide else 3]
    per = days[ok].dt.to_period(f)
    counts = pd.Series(1, index=per.index).groupby([plan.loc[ok, "platform"].astype(str), per]).sum()
    grid = pd.MultiIndex.from_product([sorted(counts.index.get_level_values(0).unique()),
                                       pd.period_range(per.min(), per.max(), freq=f)])
    counts = counts.reindex(grid, fill_value=0)
    out = pd.DataFrame({"platform": grid.get_level_values(0), "period_start": grid.get_level_values(1).start_time,
                        "posts": counts.to_numpy().astype("int64")})
    return out.pivot(index="period_start", columns="platform", values="posts") if wide else out


def gaps(plan: pd.DataFrame, *, max_days: int = 7, start: Any = None, end: Any = None,
         timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """Stretches longer than ``max_days`` between two planned (or posted) days of a platform.

    Parameters
    ----------
    plan : DataFrame
        Content plan (``date``) or posts (``created_at``), with ``platform``.
    max_days : int
        Longest acceptable distance, in days, between consecutive items.
    start, end : date-like, optional
        Period edges: a quiet stretch after ``start`` or before ``end`` counts too.

    Returns
    -------
    DataFrame
        ``platform``, ``from_date``, ``to_date``, ``days`` (distance between them), longest first.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01", "2026-10-03", "2026-10-20"], "platform": "x"})
    >>> gaps(plan, max_days=7, end="2026-10-31")[["days"]].to_dict("list")
    {'days': [17, 11]}
    """
    if "platform" not in plan.columns:
        raise SchemaError(f"gaps: the table lacks required columns ['platform']; columns present: {list(plan.columns)}")
    days = _days(plan, timezone)
    d = pd.DataFrame({"platform": plan["platform"].astype(str), "day": days}).dropna().drop_duplicates()
    edges = []
    for edge in (start, end):  # two optional sentinels, not data rows
        if edge is not None:
            edges.append(pd.DataFrame({"platform": d["platform"].unique(), "day": pd.Timestamp(edge)}))
    d = pd.concat([d, *edges], ignore_index=True).sort_values(["platform", "day"]).drop_duplicates()
    d["from_date"] = d.groupby("platform")["day"].shift()
    d["days"] = (d["day"] - d["from_date"]).dt.days
    out = d[d["days"] > max_days].rename(columns={"day": "to_date"})
    out = out.sort_values(["days", "platform"], ascending=[False, True], kind="stable")
    return out[["platform", "from_date", "to_date", "days"]].astype({"days": "int64"}).reset_index(drop=True)


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
    _check_lang(lang)
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
    out["promo_share"] = (t["promo"] / cls).round(4).to_numpy()
    out["over_ceiling"] = (out["promo_share"] > ceiling).to_numpy()
    out["note"] = [text("mix.none" if np.isnan(s) else "mix.over" if s > ceiling else "mix.ok", lang,
                        pct="" if np.isnan(s) else f"{s * 100:.0f}", ceiling=f"{ceiling * 100:.0f}")
                   for s in out["promo_share"]]
    return out


def _tag_lists(plan: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    cap = _col(plan, "caption").fillna("").astype(str)
    in_cap = cap.str.lower().str.findall(_TAG)
    col = _col(plan, "hashtags").fillna("").astype(str).str.lower().str.replace(",", " ", regex=False).str.split()
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
    _check_lang(lang)
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
    chars = (_col(plan, "caption").fillna("").astype(str).str.len().to_numpy()
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


def _check_plan_index(plan: pd.DataFrame) -> None:
    if not plan.index.is_unique:
        raise ValueError("the plan's index must be unique; call .reset_index(drop=True) first")


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
    _check_lang(lang)
    p = as_profile(profile)
    if "theme" not in plan.columns:
        raise SchemaError(f"themes_vs_goal: the table lacks required columns ['theme']; columns present: {list(plan.columns)}")
    d = pd.DataFrame({"theme": plan["theme"].fillna("(?)").astype(str),
                      "content_type": _col(plan, "content_type").fillna("other").astype(str).str.lower()})
    g = (d.groupby(["theme", "content_type"]).size().rename("n").reset_index()
         .sort_values(["theme", "n"], ascending=[True, False], kind="stable"))
    main = g.drop_duplicates("theme").set_index("theme")["content_type"]
    rows = d.groupby("theme").size()
    out = pd.DataFrame({"theme": rows.index, "content_type": main.reindex(rows.index).to_numpy(), "rows": rows.to_numpy()})
    out["share"] = (out["rows"] / max(len(d), 1)).round(4)
    out["serves_goal"] = out["content_type"].isin(GOAL_CONTENT.get(p.goal, ()))
    out = out.sort_values(["rows", "theme"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["note"] = [text("goal.serves" if s else "goal.not", lang, goal=p.goal, ct=c)
                   for s, c in zip(out["serves_goal"], out["content_type"])]
    return out


_ABBR = {"instagram": "IG", "facebook": "FB", "tiktok": "TT", "x": "X", "youtube": "YT"}
_WEEKDAYS = {"id": ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"], "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]}


def calendar(plan: pd.DataFrame, month: Any, *, lang: str = "id") -> pd.DataFrame:
    """A month of the plan as a calendar grid: one row a week, one column a weekday.

    Each cell holds the day of the month and the planned items, ``"IG: theme"``,
    separated by new lines; days outside the month are empty strings.

    Parameters
    ----------
    plan : DataFrame
        Content plan (``date``, ``platform``, ``theme``).
    month : str or Period
        The month, e.g. ``"2026-10"``.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01"], "platform": ["instagram"], "theme": ["menu baru"]})
    >>> cal = calendar(plan, "2026-10", lang="en")
    >>> list(cal.columns)[:3], cal.loc[1, "Thu"]
    (['Mon', 'Tue', 'Wed'], '1\\nIG: menu baru')
    """
    _check_lang(lang)
    m = pd.Period(month, freq="M")
    days = pd.date_range(m.start_time, m.end_time.normalize(), freq="D")
    d = _days(plan)
    sel = plan.loc[(d >= days[0]) & (d <= days[-1])]
    labels = (sel["platform"].astype(str).str.lower().map(_ABBR).fillna(sel["platform"].astype(str))
              + ": " + _col(sel, "theme").fillna("?").astype(str))
    per_day = labels.groupby(_days(sel)).agg("\n".join) if len(sel) else pd.Series(dtype=object)
    cell = pd.Series(days.day.astype(str), index=days)
    cell = cell.where(~cell.index.isin(per_day.index), cell + "\n" + per_day.reindex(days).fillna(""))
    week = (days.day + days[0].weekday() - 1) // 7 + 1
    grid = pd.DataFrame({"week": week, "wd": days.day_of_week, "cell": cell.to_numpy()})
    out = grid.pivot(index="week", columns="wd", values="cell").reindex(columns=range(7)).fillna("")
    out.columns = _WEEKDAYS[lang]
    out.index.name = "week" if lang == "en" else "minggu"
    return out


def plot_calendar(plan: pd.DataFrame, month: Any, *, ax=None, lang: str = "id"):
    """Draw :func:`calendar` as a month grid; days with planned items are shaded. Returns the Axes.

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01"], "platform": ["instagram"], "theme": ["menu"]})
    >>> plot_calendar(plan, "2026-10", lang="en").get_title()
    'Content plan, October 2026'
    """
    import matplotlib.pyplot as plt

    cal = calendar(plan, month, lang=lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 1.3 * len(cal) + 0.6))
    cells = cal.to_numpy()
    nrow = cells.shape[0]
    for (r, c), v in np.ndenumerate(cells):  # at most 42 calendar cells
        busy = "\n" in v
        ax.add_patch(plt.Rectangle((c, nrow - r - 1), 1, 1, facecolor="#f3e1d3" if busy else "white", edgecolor="#999"))
        ax.text(c + 0.04, nrow - r - 0.08, v, va="top", ha="left", fontsize=7, wrap=True)
    ax.set_xlim(0, 7)
    ax.set_ylim(0, nrow)
    ax.set_xticks(np.arange(7) + 0.5, cal.columns)
    ax.xaxis.tick_top()
    ax.set_yticks([])
    months_id = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                 "November", "Desember"]
    m = pd.Period(month, freq="M")
    name = months_id[m.month - 1] if lang == "id" else m.strftime("%B")
    ax.set_title(text("plot.calendar", lang, month=f"{name} {m.year}"))
    return ax


# ----------------------------------------------------------------- execution
def _tokens(s: pd.Series) -> pd.Series:
    return s.fillna("").astype(str).str.lower().str.findall(_TOKEN).apply(frozenset)


def _jaccard(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Token Jaccard of aligned frozensets (computed on candidate pairs only)."""
    inter = np.fromiter((len(x & y) for x, y in zip(a, b)), dtype=float, count=len(a))
    union = np.fromiter((len(x | y) for x, y in zip(a, b)), dtype=float, count=len(a))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, inter / union, 0.0)


MATCH_STATUSES = ("on_time", "late", "skipped", "upcoming", "no_data", "unplanned")


def match_plan(plan: pd.DataFrame, posts: pd.DataFrame, *, tolerance_days: int = 5, min_similarity: float = 0.4,
               timezone: str = DEFAULT_TIMEZONE, as_of: Any = None) -> pd.DataFrame:
    """Plan versus actual: which plan rows were posted on time, late or not at all, and which posts were unplanned.

    A plan row and a post are candidates when they are on the same platform and the
    post's local day is within ``tolerance_days`` of the planned day (before or after).
    Their similarity is the Jaccard index of the caption word sets (hashtags included);
    for a plan row without caption, the share of its theme and hashtag words found in the
    post. Pairs below ``min_similarity`` are dropped; the rest are matched one to one,
    most similar first (ties: closest day first).

    Parameters
    ----------
    plan : DataFrame
        Canonical content plan; its index must be unique.
    posts : DataFrame
        Canonical posts of the own accounts (filter with :func:`own_posts` first).
    tolerance_days : int
        Largest distance in days between planned and actual day (default 5: on the
        bundled sample every planted late post, up to 4 days late, is found).
    min_similarity : float
        Smallest caption similarity (0..1) for a match. On the bundled sample true pairs
        score 0.64 to 0.93 and a skipped row's best wrong candidate 0.2 to 0.5 (the brand
        hashtags every caption shares); 0.4 keeps room for captions edited before posting.
    timezone : str
        Timezone of the posts' local day.
    as_of : date-like, optional
        "Today": unmatched plan rows after it are ``upcoming``, not ``skipped``. Default:
        the latest post's day, or the latest planned day when there are no posts.
        Unmatched rows of a platform without a single post in ``posts`` are ``no_data``
        (that platform's export is probably missing), not ``skipped``.

    Returns
    -------
    DataFrame
        One row per plan row and per unplanned post: ``status`` (on_time: posted on or
        before the planned day; late: 1..``tolerance_days`` days after; skipped; upcoming;
        no_data; unplanned), ``platform``, ``plan_row`` (plan index label), ``plan_id``,
        ``planned_date``, ``theme``, ``content_type``, ``post_row`` (posts index label),
        ``post_id``, ``posted_date``, ``delay_days`` (posted minus planned day),
        ``similarity``, ``caption`` (the post's, else the planned one).

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01", "2026-10-02", "2026-10-03"], "platform": "instagram",
    ...     "theme": ["menu", "tips", "promo"], "content_type": ["news", "education", "promo"],
    ...     "caption": ["Menu baru es kopi gula aren", "Tips menyeduh kopi di rumah", "Diskon 20% hari ini"]})
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "platform": "instagram", "account": "k",
    ...     "created_at": pd.to_datetime(["2026-10-01 02:00", "2026-10-04 02:00", "2026-10-04 05:00"], utc=True),
    ...     "caption": ["Menu baru: es kopi gula aren!", "Tips menyeduh kopi di rumah ala barista", "Selamat pagi"]})
    >>> match_plan(plan, posts, tolerance_days=3)[["status", "plan_row", "post_id", "delay_days"]].values.tolist()
    [['on_time', 0, 'a', 0.0], ['late', 1, 'b', 2.0], ['skipped', 2, nan, nan], ['unplanned', nan, 'c', nan]]
    """
    validate(plan, "content_plan", func="match_plan")
    validate(posts, "posts", func="match_plan")
    _check_plan_index(plan)
    if tolerance_days < 0:
        raise ValueError(f"The value for `tolerance_days` must be >= 0, but {tolerance_days!r} was passed.")
    if not 0 <= min_similarity <= 1:
        raise ValueError(f"The value for `min_similarity` must be between 0 and 1, but {min_similarity!r} was passed.")
    pl = pd.DataFrame({"plan_row": plan.index.astype(object), "platform": plan["platform"].astype(str).str.lower().to_numpy(),
                       "planned_date": _days(plan).to_numpy(), "plan_id": _col(plan, "plan_id").to_numpy(),
                       "theme": plan["theme"].to_numpy(), "content_type": plan["content_type"].to_numpy(),
                       "plan_caption": _col(plan, "caption").to_numpy()})
    cap = _col(plan, "caption")
    has_cap = ~_blank(cap)
    fallback = _str(plan["theme"]) + " " + _str(_col(plan, "hashtags"))
    pl["_tok"] = _tokens(cap.where(has_cap, fallback)).to_numpy()
    pl["_cap"] = has_cap.to_numpy()
    po = pd.DataFrame({"post_row": posts.index.astype(object), "platform": posts["platform"].astype(str).str.lower().to_numpy(),
                       "post_id": posts["post_id"].to_numpy(), "posted_date": _days(posts, timezone).to_numpy(),
                       "post_caption": _col(posts, "caption").to_numpy()})
    po["_tok"] = _tokens(_str(_col(posts, "caption")) + " " + _str(_col(posts, "hashtags"))).to_numpy()
    offsets = np.arange(-tolerance_days, tolerance_days + 1)
    exp = pl[["plan_row", "platform", "planned_date"]].loc[pl.index.repeat(len(offsets))]
    exp = exp.assign(posted_date=exp["planned_date"] + pd.to_timedelta(np.tile(offsets, len(pl)), unit="D"))
    cand = exp.merge(po[["post_row", "platform", "posted_date"]], on=["platform", "posted_date"])
    cand = cand.merge(pl[["plan_row", "_tok", "_cap"]], on="plan_row").merge(
        po[["post_row", "_tok"]], on="post_row", suffixes=("_p", "_q"))
    jac = _jaccard(cand["_tok_p"], cand["_tok_q"])
    inter = np.fromiter((len(x & y) for x, y in zip(cand["_tok_p"], cand["_tok_q"])), dtype=float, count=len(cand))
    size = cand["_tok_p"].apply(len).to_numpy(float)
    contain = np.divide(inter, size, out=np.zeros_like(inter), where=size > 0)
    cand["similarity"] = np.where(cand["_cap"].to_numpy(bool), jac, contain).round(4)
    cand["delay_days"] = (cand["posted_date"] - cand["planned_date"]).dt.days.astype(float)
    cand = cand[cand["similarity"] >= min_similarity].assign(_abs=lambda d: d["delay_days"].abs())
    cand = cand.sort_values(["similarity", "_abs", "delay_days"], ascending=[False, True, True], kind="stable")
    chosen = []
    while len(cand):  # a few rounds: each keeps the best remaining pair of every plan row and post
        best = cand.drop_duplicates("plan_row").drop_duplicates("post_row")
        chosen.append(best)
        cand = cand[~cand["plan_row"].isin(best["plan_row"]) & ~cand["post_row"].isin(best["post_row"])]
    m = pd.concat(chosen) if chosen else cand
    m = m[["plan_row", "post_row", "delay_days", "similarity"]]
    res = pl.drop(columns=["_tok", "_cap"]).merge(m, on="plan_row", how="left")
    res = res.merge(po[["post_row", "post_id", "posted_date", "post_caption"]], on="post_row", how="left")
    if as_of is None:
        as_of = po["posted_date"].max() if len(po) else pl["planned_date"].max()
    as_of = pd.Timestamp(as_of)
    res["status"] = np.select([res["post_row"].notna() & (res["delay_days"] <= 0), res["post_row"].notna(),
                               res["planned_date"] > as_of, ~res["platform"].isin(set(po["platform"]))],
                              ["on_time", "late", "upcoming", "no_data"], "skipped")
    extra = po[~po["post_row"].isin(m["post_row"])].drop(columns="_tok").assign(status="unplanned")
    out = pd.concat([res, extra], ignore_index=True)
    out["caption"] = out["post_caption"].where(out["post_caption"].notna(), out["plan_caption"])
    cols = ["status", "platform", "plan_row", "plan_id", "planned_date", "theme", "content_type", "post_row",
            "post_id", "posted_date", "delay_days", "similarity", "caption"]
    out = out.reindex(columns=cols)
    out["_d"] = out["planned_date"].fillna(out["posted_date"])
    return out.sort_values(["_d", "platform"], kind="stable").drop(columns="_d").reset_index(drop=True)


def execution_summary(matches: pd.DataFrame, *, lang: str = "id") -> pd.DataFrame:
    """Counts of :func:`match_plan` statuses per platform and overall, with execution rates.

    Returns
    -------
    DataFrame
        ``platform`` (``"all"`` first), ``planned`` (plan rows), the counts ``on_time``,
        ``late``, ``skipped``, ``upcoming``, ``unplanned``, ``execution_rate`` = (on_time +
        late) / (planned - upcoming) and ``on_time_rate`` = on_time / (planned - upcoming)
        (NaN when nothing was due), ``note`` (in ``lang``). Empty when ``matches`` is.

    Examples
    --------
    >>> m = pd.DataFrame({"status": ["on_time", "late", "skipped", "unplanned"], "platform": "x"})
    >>> execution_summary(m)[["planned", "execution_rate", "on_time_rate"]].to_dict("records")[0]
    {'planned': 3, 'execution_rate': 0.6667, 'on_time_rate': 0.3333}
    """
    _check_lang(lang)
    if matches.empty:
        return pd.DataFrame(columns=["platform", "planned", *MATCH_STATUSES, "execution_rate", "on_time_rate", "note"])
    both = pd.concat([matches.assign(platform="all"), matches], ignore_index=True)
    t = pd.crosstab(both["platform"], both["status"]).reindex(columns=list(MATCH_STATUSES), fill_value=0)
    t = t.reindex(["all", *sorted(set(matches["platform"].astype(str)))]).fillna(0).astype("int64")
    out = t.reset_index().rename(columns={"index": "platform"})
    out.columns.name = None
    planned = t[["on_time", "late", "skipped", "upcoming", "no_data"]].sum(axis=1)
    out.insert(1, "planned", planned.to_numpy())
    due = (planned - t["upcoming"] - t["no_data"]).replace(0, np.nan).to_numpy(float)
    out["execution_rate"] = np.round((t["on_time"] + t["late"]).to_numpy() / due, 4)
    out["on_time_rate"] = np.round(t["on_time"].to_numpy() / due, 4)
    out["note"] = [text("exec.none", lang) if np.isnan(r) else
                   text("exec.note", lang, pct=f"{r * 100:.0f}", ontime=f"{o * 100:.0f}", skipped=s, unplanned=u)
                   for r, o, s, u in zip(out["execution_rate"], out["on_time_rate"], out["skipped"], out["unplanned"])]
    return out


def plot_execution(matches: pd.DataFrame, *, ax=None, lang: str = "id"):
    """Stacked bars of plan-versus-actual statuses per platform. Returns the Axes.

    Examples
    --------
    >>> m = pd.DataFrame({"status": ["on_time", "late", "unplanned"], "platform": ["x", "x", "instagram"]})
    >>> plot_execution(m, lang="en").get_title()
    'Plan versus actual'
    """
    import matplotlib.pyplot as plt

    _check_lang(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3))
    t = pd.crosstab(matches["platform"], matches["status"]).reindex(columns=list(MATCH_STATUSES), fill_value=0)
    colors = ["#2e7d32", "#f9a825", "#c62828", "#90a4ae", "#e0e0e0", "#5c6bc0"]
    left = np.zeros(len(t))
    for status, color in zip(MATCH_STATUSES, colors):  # six statuses
        ax.barh(t.index.astype(str), t[status].to_numpy(), left=left, color=color, label=text(f"status.{status}", lang))
        left += t[status].to_numpy()
    ax.set_xlabel(text("plot.exec_x", lang))
    ax.set_title(text("plot.exec_title", lang))
    ax.legend(fontsize=7, loc="lower right")
    return ax


CONTENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "promo": ("promo", "diskon", "potongan", "harga", "gratis", "voucher", "beli", "order", "pesan sekarang", "cashback",
              "buy", "discount", "sale", "free", "bundling", "hemat"),
    "education": ("tips", "cara", "tahukah", "resep", "panduan", "belajar", "fakta", "how to", "did you know", "tutorial"),
    "engagement": ("komen", "tebak", "pilih mana", "tag teman", "kuis", "giveaway", "vote", "polling", "comment", "which one"),
    "entertainment": ("lucu", "ngakak", "meme", "wkwk", "challenge", "funny"),
    "inspiration": ("cerita", "semangat", "inspirasi", "perjalanan", "di balik", "behind", "story", "motivasi"),
    "news": ("baru", "launching", "buka", "jam operasional", "pengumuman", "info", "new", "open", "libur", "event"),
}
"""Default keyword rules for ``content_type`` in :func:`assign_themes` (first match in this order wins)."""


def _keyword_hits(captions: pd.Series, rules: dict[str, Any]) -> pd.Series:
    low = captions.fillna("").astype(str).str.lower()
    hit = pd.Series(None, index=captions.index, dtype=object)
    for label, words in rules.items():  # one vectorised pass per label
        words = [w for w in ([words] if isinstance(words, str) else list(words)) if str(w).strip()]
        if not words:
            continue
        pat = "|".join(re.escape(str(w).lower()) for w in words)
        hit = hit.where(hit.notna() | ~low.str.contains(pat, regex=True), label)
    return hit


def assign_themes(posts: pd.DataFrame, *, plan: pd.DataFrame | None = None, keywords: dict[str, Any] | None = None,
                  matches: pd.DataFrame | None = None, timezone: str = DEFAULT_TIMEZONE, **match_options) -> pd.DataFrame:
    """Give posts a ``theme`` and ``content_type``: from the post, else the matched plan row, else keyword rules.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts.
    plan : DataFrame, optional
        Content plan; posts matched to a plan row (:func:`match_plan`) take its theme and
        content type. Without ``keywords``, the plan's themes with their hashtags and words
        (4+ letters) become keyword rules for the other posts.
    keywords : dict, optional
        Theme -> list of words/phrases found in the caption (first theme that matches wins).
    matches : DataFrame, optional
        A ready :func:`match_plan` result (saves recomputing it).
    **match_options
        Passed to :func:`match_plan` (``tolerance_days``, ``min_similarity``).

    Returns
    -------
    DataFrame
        A copy of ``posts`` with ``theme``, ``content_type`` filled where possible and
        ``theme_source`` (post|plan|keywords; NaN when none applied). Content types not
        given by the post or the plan come from :data:`CONTENT_KEYWORDS`.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b"], "platform": "x", "account": "k",
    ...     "created_at": pd.Timestamp("2026-10-01", tz="UTC"),
    ...     "caption": ["Tips seduh V60 di rumah", "Diskon 20% es kopi susu"]})
    >>> out = assign_themes(posts, keywords={"seduh": ["v60", "seduh"], "menu": ["es kopi"]})
    >>> out[["theme", "content_type", "theme_source"]].values.tolist()
    [['seduh', 'education', 'keywords'], ['menu', 'promo', 'keywords']]
    """
    validate(posts, "posts", func="assign_themes")
    out = posts.copy()
    theme = _col(out, "theme").astype(object)
    ctype = _col(out, "content_type").astype(object)
    source = pd.Series(np.where(~_blank(theme), "post", None), index=out.index, dtype=object)
    theme = theme.where(~_blank(theme), None)
    ctype = ctype.where(~_blank(ctype), None)
    if plan is not None and len(plan) and len(out):
        m = matches if matches is not None else match_plan(plan, out, timezone=timezone, **match_options)
        m = m[m["post_row"].notna() & m["plan_row"].notna()]
        by_post = m.set_index("post_row")
        from_plan = pd.Series(by_post["theme"].to_numpy(), index=by_post.index).reindex(out.index)
        ct_plan = pd.Series(by_post["content_type"].to_numpy(), index=by_post.index).reindex(out.index)
        fill = theme.isna() & from_plan.notna()
        theme = theme.where(~fill, from_plan)
        source = source.where(~fill, "plan")
        ctype = ctype.where(ctype.notna() | ~fill, ct_plan)
        if keywords is None:
            words = (plan["theme"].fillna("").astype(str) + " " + _col(plan, "hashtags").fillna("").astype(str))
            tok = words.str.lower().str.findall(r"#?\w{4,}")
            kw = pd.DataFrame({"theme": plan["theme"], "w": tok}).explode("w").dropna()
            keywords = kw.groupby("theme", sort=False)["w"].agg(lambda s: sorted(set(s))).to_dict()
    if keywords:
        hit = _keyword_hits(_col(out, "caption"), keywords)
        fill = theme.isna() & hit.notna()
        theme = theme.where(~fill, hit)
        source = source.where(~fill, "keywords")
        if plan is not None and len(plan):
            main_ct = plan.groupby("theme")["content_type"].agg(lambda s: s.mode().iloc[0] if s.notna().any() else None)
            ctype = ctype.where(ctype.notna() | ~fill, theme.map(main_ct))
    ctype = ctype.where(ctype.notna(), _keyword_hits(_col(out, "caption"), CONTENT_KEYWORDS))
    out["theme"] = theme
    out["content_type"] = ctype
    out["theme_source"] = source
    return out


def care_queue(comments: pd.DataFrame | None, *, profile: Profile | dict, as_of: Any = None,
               intents: tuple[str, ...] = ("question", "complaint")) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The execution step's care check: response statistics and the unanswered queue.

    Calls :func:`smanalysis.conversation.response_stats` (by platform and intent) and
    :func:`smanalysis.conversation.unanswered` with the profile's own handles and
    timezone. Without customer comments both tables are empty (the notebook then says
    "no data for this section").

    Returns
    -------
    (DataFrame, DataFrame)
        ``stats`` (see ``response_stats``) and ``queue`` (see ``unanswered``, oldest first).

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion", "own_accounts": {"instagram": "k"}}
    >>> stats, queue = care_queue(None, profile=p)
    >>> stats.empty, queue.empty
    (True, True)
    """
    from .conversation import care
    from .exceptions import EmptyDataError

    p = as_profile(profile)
    if comments is None or len(comments) == 0:
        return pd.DataFrame(), pd.DataFrame()
    try:
        stats = care.response_stats(comments, brand_accounts=p.brand_handles, timezone=p.timezone)
    except EmptyDataError:
        stats = pd.DataFrame()
    queue = care.unanswered(comments, brand_accounts=p.brand_handles, intents=intents, as_of=as_of, timezone=p.timezone)
    return stats, queue


def plot_care(comments: pd.DataFrame | None, *, profile: Profile | dict, ax=None, lang: str = "id"):
    """Response time and response rate per platform (the care check as a chart). Returns the Axes.

    Draws :func:`smanalysis.plotting.plot_response_time` of
    :func:`smanalysis.conversation.response_stats` by platform; without customer
    comments, an empty chart that says "no data for this section".

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion", "own_accounts": {"instagram": "k"}}
    >>> plot_care(None, profile=p, lang="en").texts[0].get_text()
    'No data for this section.'
    """
    import matplotlib.pyplot as plt

    from .conversation import care
    from .exceptions import EmptyDataError
    from .plotting.conversation import plot_response_time

    _check_lang(lang)
    p = as_profile(profile)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3))
    stats = pd.DataFrame()
    if comments is not None and len(comments):
        try:
            stats = care.response_stats(comments, brand_accounts=p.brand_handles, by="platform", timezone=p.timezone)
        except EmptyDataError:
            stats = pd.DataFrame()
    if stats.empty:
        ax.text(0.5, 0.5, text("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    return plot_response_time(stats, by="platform", ax=ax, lang=lang)


# ----------------------------------------------------------------- next plan
_WEEKDAY_NAMES = {n: i for i, ns in enumerate(zip(*_WEEKDAYS.values(),
                                                   ["monday", "tuesday", "wednesday", "thursday", "friday",
                                                    "saturday", "sunday"],
                                                   ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]))
                  for n in (x.lower() for x in ns)}


def draft_next_plan(start: Any, end: Any, *, slots: pd.DataFrame, themes: pd.DataFrame, per_week: int = 3,
                    ceiling: float = PROMO_CEILING, avoid: list[str] | tuple[str, ...] = (),
                    lang: str = "id") -> pd.DataFrame:
    """A draft content plan for the next period, from recommended slots and themes.

    Parameters
    ----------
    start, end : date-like
        First and last day of the next period.
    slots : DataFrame
        ``platform``, ``weekday`` (0 = Monday .. 6, or a day name in id/en), optional ``hour``
        (local, 0-23) and ``format``; best first. The first ``per_week`` distinct weekdays of
        each platform are used every week.
    themes : DataFrame
        ``theme``, ``content_type``, optional ``format``, ``hashtags``, ``reason``; best first.
        Themes listed in ``avoid`` are left out.
    per_week : int
        Posts per platform per week.
    ceiling : float
        Highest share of promotional rows: at most one promo row in every
        ``ceil(1 / ceiling)`` rows of a platform (0.3 -> one in four); 0 means no
        promotion, 1 no ceiling (all themes in turn).
    lang : {"id", "en"}
        Language of the placeholder caption and of ``source``.

    Returns
    -------
    DataFrame
        Canonical ``content_plan`` columns (``status`` = "idea", ``caption`` a placeholder to
        rewrite, ``source`` saying it is a draft from the evaluation), sorted by date.

    Raises
    ------
    SchemaError
        When ``slots`` or ``themes`` lack their required columns.

    Examples
    --------
    >>> slots = pd.DataFrame({"platform": ["instagram", "instagram"], "weekday": ["Fri", 1], "hour": [19, 12]})
    >>> themes = pd.DataFrame({"theme": ["tips seduh", "promo jumat"], "content_type": ["education", "promo"]})
    >>> d = draft_next_plan("2026-11-02", "2026-11-15", slots=slots, themes=themes, per_week=2)
    >>> d[["date", "time", "theme"]].astype(str).values.tolist()[:3]
    [['2026-11-03', '12:00', 'tips seduh'], ['2026-11-06', '19:00', 'tips seduh'], ['2026-11-10', '12:00', 'tips seduh']]
    >>> d["content_type"].tolist().count("promo")
    1
    """
    _check_lang(lang)
    for name, frame, need in (("slots", slots, ["platform", "weekday"]), ("themes", themes, ["theme", "content_type"])):
        miss = [c for c in need if c not in frame.columns]
        if miss:
            raise SchemaError(f"draft_next_plan: `{name}` lacks required columns {miss}; columns present: {list(frame.columns)}")
    if per_week < 1:
        raise ValueError(f"The value for `per_week` must be >= 1, but {per_week!r} was passed.")
    wd = slots["weekday"]
    wd_num = pd.to_numeric(wd, errors="coerce")
    wd_num = wd_num.where(wd_num.notna(), wd.astype(str).str.lower().str.strip().map(_WEEKDAY_NAMES))
    s = slots.assign(weekday=wd_num).dropna(subset=["weekday"]).astype({"weekday": int})
    s = s.drop_duplicates(["platform", "weekday"]).groupby("platform", sort=False).head(per_week)
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    mondays = pd.date_range(start - pd.Timedelta(days=start.weekday()), end, freq="7D")
    grid = s.merge(pd.DataFrame({"monday": mondays}), how="cross")
    grid["date"] = grid["monday"] + pd.to_timedelta(grid["weekday"], unit="D")
    grid = grid[(grid["date"] >= start) & (grid["date"] <= end)].sort_values(["platform", "date"], kind="stable")
    th = themes[~themes["theme"].isin(list(avoid))].reset_index(drop=True)
    if grid.empty or th.empty:
        return conform(pd.DataFrame(columns=["date", "platform", "theme", "caption", "content_type"]), "content_plan")
    promo = th.index[th["content_type"].astype(str) == "promo"].to_numpy()
    useful = th.index[th["content_type"].astype(str) != "promo"].to_numpy()
    i = grid.groupby("platform").cumcount().to_numpy()
    k = int(math.ceil(1 / ceiling)) if ceiling > 0 else 0
    is_promo = (i + 1) % k == 0 if k else np.zeros(len(grid), bool)
    if len(promo) == 0:
        is_promo = np.zeros(len(grid), bool)
    elif len(useful) == 0:
        is_promo = np.ones(len(grid), bool)
    n_promo = np.cumsum(is_promo) - 1
    n_useful = np.cumsum(~is_promo) - 1
    pick = np.where(is_promo, promo[n_promo % max(len(promo), 1)] if len(promo) else -1,
                    useful[n_useful % max(len(useful), 1)] if len(useful) else -1)
    if ceiling >= 1:  # no ceiling: all themes in turn, best first
        pick = th.index.to_numpy()[np.arange(len(grid)) % len(th)]
    t = th.loc[pick].reset_index(drop=True)
    g = grid.reset_index(drop=True)
    fmt = _col(t, "format")
    if "format" in g.columns:
        fmt = fmt.where(fmt.notna(), g["format"])
    hours = _col(g, "hour")
    out = pd.DataFrame({
        "date": g["date"], "platform": g["platform"],
        "time": [f"{int(h):02d}:00" if pd.notna(h) else None for h in hours],
        "theme": t["theme"], "content_type": t["content_type"], "format": fmt, "hashtags": _col(t, "hashtags"),
        "source": [text("draft.source", lang, reason=r) if isinstance(r, str) and r else text("draft.source_plain", lang)
                   for r in _col(t, "reason")],
    })
    out["caption"] = [text("draft.caption", lang, theme=x) for x in out["theme"]]
    out["status"] = "idea"
    out = out.sort_values(["date", "platform"], kind="stable").reset_index(drop=True)
    out["plan_id"] = [f"draft-{j + 1:03d}" for j in range(len(out))]
    return conform(out, "content_plan")


_ff.TEXT.update({
    "review.missing": ("Belum diisi: {fields}", "Missing: {fields}"),
    "review.unknown_platform": ("platform '{platform}' tidak dikenal", "unknown platform '{platform}'"),
    "review.outside_profile": ("platform '{platform}' tidak ada di profil", "platform '{platform}' is not in the profile"),
    "review.duplicate": ("baris ganda", "duplicate row"),
    "review.unknown_type": ("jenis konten '{ct}' tidak dikenal", "unknown content type '{ct}'"),
    "mix.ok": ("Promosi {pct}%: seimbang (batas {ceiling}%).", "Promotion {pct}%: balanced (ceiling {ceiling}%)."),
    "mix.over": ("Promosi {pct}%: terlalu banyak (batas {ceiling}%); ganti sebagian dengan konten bermanfaat.",
                 "Promotion {pct}%: too much (ceiling {ceiling}%); replace some with useful content."),
    "mix.none": ("Jenis konten belum diisi.", "Content type not filled in."),
    "limits.caption": ("caption {n} karakter, batas {max}", "caption {n} characters, limit {max}"),
    "limits.hashtags": ("{n} tagar, batas {max}", "{n} hashtags, limit {max}"),
    "goal.serves": ("Mendukung tujuan '{goal}'.", "Serves the '{goal}' goal."),
    "goal.not": ("Jenis '{ct}' hanya tidak langsung mendukung tujuan '{goal}'; jaga porsinya.",
                 "Type '{ct}' serves the '{goal}' goal only indirectly; keep its share in proportion."),
    "plot.calendar": ("Rencana konten, {month}", "Content plan, {month}"),
    "status.on_time": ("tepat waktu", "on time"),
    "status.late": ("terlambat", "late"),
    "status.skipped": ("terlewat", "skipped"),
    "status.upcoming": ("belum jatuh tempo", "upcoming"),
    "status.no_data": ("tanpa data platform", "no platform data"),
    "status.unplanned": ("tanpa rencana", "unplanned"),
    "plot.exec_x": ("jumlah unggahan / baris rencana", "posts / plan rows"),
    "plot.exec_title": ("Rencana versus pelaksanaan", "Plan versus actual"),
    "exec.none": ("Belum ada baris rencana yang jatuh tempo.", "No plan rows were due yet."),
    "exec.note": ("{pct}% rencana terlaksana ({ontime}% tepat waktu); {skipped} terlewat, {unplanned} unggahan tanpa rencana.",
                  "{pct}% of the plan was posted ({ontime}% on time); {skipped} skipped, {unplanned} unplanned posts."),
    "draft.caption": ("[DRAF] Tulis caption tentang: {theme}", "[DRAFT] Write a caption about: {theme}"),
    "draft.source": ("draf smanalysis dari evaluasi: {reason}", "smanalysis draft from the evaluation: {reason}"),
    "draft.source_plain": ("draf smanalysis dari evaluasi", "smanalysis draft from the evaluation"),
    # notebooks 02 and 03
    "nb02.complete": ("Apakah setiap baris rencana memuat tanggal, platform, tema, caption, aset, tagar dan sumber? Persentase per kolom, lalu baris yang perlu dilengkapi.",
                      "Does every plan row hold date, platform, theme, caption, asset, hashtags and source? Share per field, then the rows to complete."),
    "nb02.cadence": ("Berapa unggahan direncanakan per minggu di tiap platform, dan di mana ada jeda panjang (lebih dari 7 hari)?",
                     "How many posts are planned per week on each platform, and where are long gaps (more than 7 days)?"),
    "nb02.mix": ("Keseimbangan promosi dan konten bermanfaat: media sosial bukan papan iklan.",
                 "Balance of promotion and useful content: social media is not a billboard."),
    "nb02.limits": ("Caption dan tagar yang melewati batas platform (sumber batas di tabel kedua).",
                    "Captions and hashtags over the platform's limits (sources of the limits in the second table)."),
    "nb02.goal": ("Apakah tema-tema rencana mendukung tujuan usaha?", "Do the plan's themes serve the business goal?"),
    "nb02.calendar": ("Kalender bulan periode laporan.", "Calendar of the report month."),
    "nb03.match": ("Rencana versus pelaksanaan: setiap baris rencana dicocokkan dengan unggahan pada platform yang sama, paling jauh {days} hari dari tanggal rencana, dengan caption yang mirip.",
                   "Plan versus actual: each plan row is matched to a post on the same platform, at most {days} days from the planned day, with a similar caption."),
    "nb03.detail": ("Rincian: baris yang terlambat, terlewat, dan unggahan tanpa rencana.", "Detail: late and skipped rows, and unplanned posts."),
    "nb03.themes": ("Tema dan jenis konten unggahan (dari rencana bila cocok, selain itu dari kata kunci).",
                    "Theme and content type of posts (from the plan when matched, otherwise from keywords)."),
    "nb03.care": ("Layanan pelanggan: tingkat balasan dan waktu balasan per platform dan jenis komentar.",
                  "Customer care: reply rate and reply time by platform and comment intent."),
    "nb03.queue": ("Antrean: pertanyaan dan keluhan yang belum dibalas, paling lama lebih dulu.",
                   "Queue: questions and complaints still unanswered, oldest first."),
})
