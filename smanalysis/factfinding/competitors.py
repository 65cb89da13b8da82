"""What the one or two competitors do that the business does not.

:func:`competitor_scan`: "copy the good things and add what is missing".
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..ratios import divide
from ..profile import Profile
from ..schema import resolve_timezone, validate
from .._checks import check_choice
from ..formatting import clock
from ..words import LANGS, code_label, text
from .display import decimal
from .keywords import CONTENT_KEYWORDS, keyword_hits
from .platforms import as_profile


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


def _hours(created_at: pd.Series, timezone: str) -> pd.Series:
    local = pd.to_datetime(created_at, utc=True).dt.tz_convert(timezone)
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
        (:data:`smanalysis.factfinding.keywords.CONTENT_KEYWORDS`).

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
    check_choice("lang", lang, LANGS)
    validate(posts, "posts", func="competitor_scan")
    p = as_profile(profile)
    tz = resolve_timezone(timezone, p)
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
    theme = sub["theme"] if "theme" in sub.columns else pd.Series(None, index=sub.index, dtype=object)
    if "content_type" in sub.columns:
        theme = theme.where(theme.notna(), sub["content_type"])
    if "caption" in sub.columns:
        theme = theme.where(theme.notna(), keyword_hits(sub["caption"], CONTENT_KEYWORDS))
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
    g["share"] = divide(g["n"], g["brand"].map(n_posts), func="competitor_scan", name="share")
    g["index"] = divide(g["inter"], g["brand"].map(mean_int), func="competitor_scan", name="interaction index")
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
    # frequency: the registry's posts per week over the span of the data (at least one week)
    from ..media import METRICS

    span = pd.to_datetime(sub["created_at"], utc=True)
    days = max((span.max() - span.min()).days, 7)
    ppw = pd.Series(METRICS["posts_per_week"].ratio(n_posts.to_numpy(float), days), index=n_posts.index)
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
        text(f"scan.{a}.{'freq' if asp == 'frequency' else 'item'}", lang, comp=c, item=clock(i, lang) if asp == "hour" else code_label("value", i, lang), aspect=text(f"aspect.{asp}", lang),
             cv=decimal(cv, lang) if asp == "frequency" else f"{cv * 100:.0f}",
             ov=decimal(ov, lang) if asp == "frequency" else f"{ov * 100:.0f}")
        for a, asp, c, i, cv, ov in zip(out["action"], out["aspect"], out["competitor"], out["item"],
                                         out["competitor_value"], out["client_value"])
    ]
    return out[cols].reset_index(drop=True)
