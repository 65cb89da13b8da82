"""Converters of video-level and audience exports: Meta video export -> ``video``, Meta Audience.csv ->
``audience``, YouTube ``Chart data.csv`` -> daily rows of ``posts``.

Examples
--------
>>> sorted(CONVERTERS)
['meta_audience', 'meta_video', 'tiktok_follower_gender', 'tiktok_follower_territories', 'youtube_chart']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import conform
from .core import Ctx, quoted
from .parsing import clean_text, parse_date, strip
from .platforms import convert_youtube, restored_ids

__all__ = ["CONVERTERS", "expand_audience"]

_GENDERS = {"women": "female", "men": "male"}
_SECTION_DIMENSION = (("cit", "city"), ("kota", "city"), ("countr", "country"), ("negara", "country"),
                      ("age", "age"), ("usia", "age"), ("gender", "age"))


def convert_meta_video(ctx: Ctx):
    asset = restored_ids(ctx, "asset_id")
    post = restored_ids(ctx, "post_id") if ctx.get("post_id") is not None else None
    post_id = asset if post is None else post.where(post != "", asset)
    account = ctx.options.get("account") or (None if ctx.get("account") is None else
                                             clean_text(ctx.get("account")))
    if account is None:
        account = ctx.account_for("facebook")
    views = ctx.count("views")
    # seconds with up to three decimals ("14321.665", "5.404"): Meta never groups thousands in its exports
    seconds = ctx.count("seconds", decimal=".")
    avg = ctx.count("avg_seconds", decimal=".")
    if avg is None and seconds is not None and views is not None:
        avg = (seconds / views).where(views > 0)
    duration = ctx.count("duration")
    retention = (avg / duration).where((duration > 0) & (avg / duration <= 1)) \
        if avg is not None and duration is not None else None
    return {"post_id": post_id, "platform": ctx.options.get("platform") or "facebook", "account": account,
            "views": views, "watch_time_s": seconds, "avg_view_duration_s": avg, "views_3s": ctx.count("views_3s"),
            "views_1m": ctx.count("views_1m"), "retention": retention}


def convert_meta_audience(ctx: Ctx):
    a, w, m = strip(ctx.get("age")), strip(ctx.get("women")), strip(ctx.get("men"))
    low_a = a.str.lower()
    is_head = low_a.isin(["age", "usia", "umur", "city", "kota", "country", "negara", "negara/wilayah"]) & (w != "")
    is_title = (w == "") & (m == "") & (a != "")
    structure = (is_head | is_title).to_numpy()
    # dimension of each row: the first section is age x gender; a later title names cities or countries
    titles = pd.Series(np.where(is_title, low_a, None), index=a.index).ffill()
    first = " ".join(ctx.preamble).lower()
    titles = titles.fillna(first if first else "age")
    dim = pd.Series("age", index=a.index, dtype=object)
    for word, d in _SECTION_DIMENSION[::-1]:
        dim[titles.str.contains(word, regex=False)] = d
    keep = ~structure
    ctx.frame, ctx.lines = ctx.frame[keep], ctx.lines[keep]
    a, dim = a[keep], dim[keep]
    women, men = ctx.count("women"), ctx.count("men")
    is_age = (dim == "age").to_numpy()
    ctx.fail(is_age & (women.isna() | men.isna()).to_numpy(), "women", quoted("unreadable share", ctx.get("women")))
    ctx.fail(~is_age & women.isna().to_numpy(), "women", quoted("unreadable share", ctx.get("women")))
    platform = ctx.options.get("platform") or _platform_in(ctx)
    account = ctx.account_for(platform)
    if account is None:
        ctx.warnings.append("the file names no account: pass account= or a profile (account left empty)")
    ctx.warnings.append(f"audience of {platform}: shares in percent read as fractions (0-1)")
    return {"platform": platform, "account": account, "dimension": dim, "segment": clean_text(a), "share": women,
            "w:female": women.where(is_age), "w:male": men.where(is_age)}


def _platform_in(ctx):
    text = (" ".join(ctx.preamble) + " " + (ctx.path.name if ctx.path is not None else "")).lower()
    if "instagram" in text or "_ig" in text:
        return "instagram"
    if "facebook" not in text:
        ctx.warnings.append("the file names no platform; assumed facebook (pass platform=)")
    return "facebook"


def expand_audience(data: pd.DataFrame) -> pd.DataFrame:
    """Audience rows as read (age rows holding women/men shares) -> long ``audience`` rows.

    An age row becomes two ``age_gender`` cells (``18-24|female``); ``age`` and ``gender``
    totals are added from those cells; shares in percent become fractions.

    Examples
    --------
    >>> d = pd.DataFrame({"platform": "instagram", "account": "k", "dimension": ["age", "age", "city"],
    ...                   "segment": ["18-24", "25-34", "Yogyakarta"], "share": [30.0, 20.0, 40.0],
    ...                   "w:female": [30.0, 20.0, np.nan], "w:male": [30.0, 20.0, np.nan],
    ...                   "source_file": "f", "source_line": [4.0, 5.0, 8.0]})
    >>> out = expand_audience(d)
    >>> out.loc[out["dimension"] == "gender", ["segment", "share"]].values.tolist()
    [['female', 0.5], ['male', 0.5]]
    """
    base = ["platform", "account", "source_file", "source_line"]
    ages = data[data["dimension"] == "age"]
    cells = ages.melt(id_vars=base + ["segment"], value_vars=["w:female", "w:male"], var_name="g",
                      value_name="cell").rename(columns={"cell": "share"})
    cells["gender"] = cells["g"].str[2:]
    cells = cells.assign(dimension="age_gender", segment=cells["segment"] + "|" + cells["gender"])
    parts = [cells.drop(columns=["g"])]
    if len(cells):
        age = ages[base + ["segment"]].assign(dimension="age", share=(ages["w:female"] + ages["w:male"]).to_numpy())
        gender = cells.groupby(["platform", "account", "gender"], sort=True, dropna=False).agg(
            share=("share", "sum"), source_file=("source_file", "first"), source_line=("source_line", "min"))
        gender = gender.reset_index().rename(columns={"gender": "segment"}).assign(dimension="gender")
        parts += [age, gender]
    parts.append(data[data["dimension"] != "age"][base + ["dimension", "segment", "share"]])
    out = pd.concat(parts, ignore_index=True)
    out = out.drop(columns=[c for c in ("gender",) if c in out.columns])
    # percent -> fraction, per platform/account and dimension (a section summing past 1.5 is in percent)
    total = out.groupby(["platform", "account", "dimension"], dropna=False)["share"].transform("sum")
    out["share"] = np.where(total > 1.5, out["share"] / 100.0, out["share"])
    order = {"age_gender": 0, "age": 1, "gender": 2, "city": 3, "country": 4}
    out = out.sort_values(["dimension", "source_line"], key=lambda s: s.map(order) if s.name == "dimension" else s,
                          kind="stable")
    return conform(out.reset_index(drop=True), "audience")


def _tiktok_audience(ctx: Ctx, dimension: str):
    segment = clean_text(ctx.get("segment"))
    if dimension == "gender":
        segment = segment.str.lower()
    else:
        segment = segment.where(segment.str.lower() != "others", "other")
    share = ctx.count("share")
    ctx.fail(share.isna() | (share < 0) | (share > 1), "share", quoted("not a share 0-1", ctx.get("share")))
    account = ctx.account_for("tiktok")
    if account is None:
        ctx.warnings.append("the file names no account: pass account= or a profile (account left empty)")
    return {"platform": "tiktok", "account": account, "dimension": dimension, "segment": segment, "share": share}


def convert_tiktok_follower_gender(ctx: Ctx):
    """TikTok ``FollowerGender.csv`` -> ``audience`` rows of dimension ``gender`` (female, male, other)."""
    return _tiktok_audience(ctx, "gender")


def convert_tiktok_follower_territories(ctx: Ctx):
    """TikTok ``FollowerTopTerritories.csv`` -> ``audience`` rows of dimension ``country`` (ISO codes, 'other')."""
    return _tiktok_audience(ctx, "country")


def convert_youtube_chart(ctx: Ctx):
    if ctx.get("views") is None:  # a chart of New viewers, Watch time...: no views a day to add to posts
        ctx.fail(pd.Series(True, index=ctx.frame.index), "other_metric",
                 f"Chart data of {ctx.src('other_metric')!r}, not Views: only daily views per video are read "
                 "(export the chart of Views, or read Totals.csv)")
    day = parse_date(ctx.get("date"))
    ctx.note_day_order("date")
    ctx.fail(day.isna(), "date", quoted("unreadable date", ctx.get("date")))
    out = convert_youtube(ctx)
    out["metrics_date"] = day
    ctx.warnings.append("daily views per video (kept as 'metrics_date'; load_dataset sums the days per video)")
    return out


CONVERTERS = {
    "meta_video": convert_meta_video,
    "meta_audience": convert_meta_audience,
    "youtube_chart": convert_youtube_chart,
    "tiktok_follower_gender": convert_tiktok_follower_gender,
    "tiktok_follower_territories": convert_tiktok_follower_territories,
}
