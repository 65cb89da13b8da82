"""The report's deeper analysis: paid vs organic, own hashtags, audience, video and topics.

One section, :func:`analysis_section`, with a sub-heading per part; a part without data says so in
one line. Every figure carries its number of posts and a verdict (see
:mod:`smanalysis.media.verdicts`).
"""

from __future__ import annotations

import pandas as pd

from .eval_media import _plot, evidence_posts
from .i18n import esc, t
from .sections import EvaluationContext, Section, guarded, num, pct, sub_guard

__all__ = ["analysis_section", "paid_tables", "hashtag_tables", "topic_tables", "audience_table", "video_table"]


def paid_tables(ctx: EvaluationContext):
    """(split, effect) of the brand's posts of both periods: :func:`smanalysis.media.paid_split` and
    :func:`smanalysis.media.boost_effect`; cached."""
    from ..media import boost_effect, paid_split

    def _do():
        ev = evidence_posts(ctx)
        if ev.empty:
            return pd.DataFrame(), pd.DataFrame()
        split = paid_split(ev, metrics=["er_reach"], ci=0.95, lang=ctx.lang)
        effect = boost_effect(ev, metrics=["reach", "engagements", "er_reach"], lang=ctx.lang)
        return split, effect

    return ctx.cached("paid", _do)


def hashtag_tables(ctx: EvaluationContext):
    """(performance, pairs, competitors' hashtags) for the brand's posts of both periods; cached."""
    from ..media import competitor_hashtags, hashtag_pairs, hashtag_performance

    def _do():
        ev = evidence_posts(ctx)
        if ev.empty:
            return pd.DataFrame(), pd.DataFrame(), pd.DataFrame()
        metric = "er_reach" if ev["er_reach"].notna().sum() >= 4 else "engagements"
        perf = hashtag_performance(ev, metric=metric, min_posts=5, lang=ctx.lang)
        pairs = hashtag_pairs(ev, min_together=3, top=8)
        from .eval_media import post_metrics_of

        pm = post_metrics_of(ctx)
        both = pm[ctx.mask(pm, "period") | ctx.mask(pm, "previous")] if not pm.empty else pm
        comp = competitor_hashtags(both, own=list(ctx.profile.brand_handles), min_posts=3) \
            if ctx.profile.competitors and not both.empty else pd.DataFrame()
        return perf, pairs, comp

    return ctx.cached("hashtags", _do)


def topic_tables(ctx: EvaluationContext):
    """Topics discovered (NMF) in the period's comments and mentions; None until the topic model exists."""
    return ctx.cache.get("topics")


def audience_table(ctx: EvaluationContext):
    """Measured audience against the profile's target audience; None without an audience table."""
    return ctx.cache.get("audience")


def video_table(ctx: EvaluationContext):
    """Video watch figures per format and theme; None without a video table."""
    return ctx.cache.get("video")


_W = {
    "h_paid": ("Berbayar vs organik", "Paid vs organic"),
    "h_hashtags": ("Tagar sendiri", "Own hashtags"),
    "paid_none": ("Ekspor tidak menyebut unggahan mana yang di-boost: semua angka media di atas mencampur "
                  "unggahan berbayar dan organik.",
                  "The exports do not say which posts were boosted: the media figures above mix paid and "
                  "organic posts."),
    "paid_effect": ("Per unggahan boost dibanding unggahan organik yang sebanding (platform dan format sama):",
                    "Per boosted post against comparable organic posts (same platform and format):"),
    "tags_note": ("Rata-rata per unggahan yang memakai tagar, dengan interval 95 %; tagar dengan kurang dari "
                  "5 unggahan: \"unggahan belum cukup\".",
                  "Mean per post carrying the hashtag, with a 95 % interval; hashtags on fewer than 5 posts: "
                  "\"not enough posts\"."),
    "pairs": ("Tagar yang selalu dipakai bersama:", "Hashtags that travel together:"),
    "comp": ("Tagar pesaing yang tidak dipakai merek:", "Competitors' hashtags the brand does not use:"),
    "no_tags": ("Unggahan merek tidak memakai tagar.", "The brand's posts carry no hashtags."),
}


def _w(key, lang):
    return _W[key][0 if lang == "id" else 1]


def _paid_part(ctx: EvaluationContext, sec: Section):
    lang = ctx.lang
    sec.heading(_w("h_paid", lang))
    split, effect = paid_tables(ctx)
    if split.empty or set(split["paid_status"]) == {"unknown"}:
        sec.text(_w("paid_none", lang))
        return
    keep = [c for c in ("paid_label", "n_posts", "reach_total", "engagements_total", "er_reach_ratio_of_totals",
                        "er_reach_ci_low", "er_reach_ci_high", "verdict") if c in split.columns]
    shown = split[keep].copy()
    for c in ("er_reach_ratio_of_totals", "er_reach_ci_low", "er_reach_ci_high"):
        if c in shown:
            shown[c] = shown[c].map(pct)
    sec.table(shown)
    sub_guard(ctx, sec, "analysis.plot_paid", _plot, sec, "plot_paid_split", split, lang=lang)
    sec.text(_w("paid_effect", lang))
    lines = []
    for _, r in effect.iterrows():
        if r["verdict_code"] in ("boost_more", "boost_less", "no_clear_difference"):
            fmt = pct if r["metric"].startswith("er_") else num
            lines.append(f"- {esc(r['verdict'])}: {fmt(r['extra_per_boosted_post'])} "
                         f"({fmt(r['ci_low'])} – {fmt(r['ci_high'])}; n = {int(r['n_boosted'])} / "
                         f"{int(r['n_organic'])})")
        else:
            lines.append(f"- {esc(r['metric'])}: {esc(r['verdict'])} (n = {int(r['n_boosted'])})")
    sec.text("\n".join(lines))


def _hashtag_part(ctx: EvaluationContext, sec: Section):
    lang = ctx.lang
    sec.heading(_w("h_hashtags", lang))
    perf, pairs, comp = hashtag_tables(ctx)
    if perf.empty:
        sec.text(_w("no_tags", lang))
        return
    sec.text(_w("tags_note", lang))
    shown = perf.head(12).copy()
    for c in ("mean", "ci_low", "ci_high"):
        shown[c] = shown[c].map(pct if perf.attrs.get("metric", "er_reach").startswith("er_") else num)
    sec.table(shown.drop(columns=["verdict_code"]))
    sub_guard(ctx, sec, "analysis.plot_hashtags", _plot, sec, "plot_hashtags", perf, lang=lang)
    if not pairs.empty:
        sec.text(_w("pairs", lang))
        sec.table(pairs)
    if comp is not None and not comp.empty:
        sec.text(_w("comp", lang))
        sec.table(comp.head(10))


@guarded("analysis")
def analysis_section(ctx: EvaluationContext, sec: Section) -> None:
    """Paid vs organic, own hashtags (and audience, video and topics where the data has them)."""
    if ctx.own(ctx.frame("posts")).empty:
        sec.text(t("no_data", ctx.lang, what=t("w_posts", ctx.lang)))
        return
    sub_guard(ctx, sec, "analysis.paid", _paid_part, ctx, sec)
    sub_guard(ctx, sec, "analysis.hashtags", _hashtag_part, ctx, sec)
