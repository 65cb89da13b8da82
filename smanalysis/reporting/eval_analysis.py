"""The report's deeper analysis: paid vs organic, own hashtags, audience, video and topics.

One section, :func:`analysis_section`, with a sub-heading per part; a part without data says so in
one line. Every figure carries its number of posts and a verdict (see
:mod:`smanalysis.media.verdicts`).
"""

from __future__ import annotations

import pandas as pd

from .. import formatting as F
from .eval_figures import own_frame
from .eval_media import evidence_posts
from ..words import text
from .markup import esc
from .sections import EvaluationContext, Section, column_label, guarded, sub_guard

__all__ = ["analysis_section", "analysis_figures", "care_target_table", "paid_tables", "paid_growth_table",
           "hashtag_tables", "topic_tables", "audience_table", "video_table", "community_event_counts"]

#: The columns of each analysis table that metrics.json carries (the figures the section shows).
_FIGURE_COLUMNS = {
    "paid": ("paid_status", "n_posts", "reach_total", "engagements_total", "er_reach_ratio_of_totals",
             "er_reach_ci_low", "er_reach_ci_high", "verdict_code"),
    "boost": ("metric", "n_boosted", "n_organic", "extra_per_boosted_post", "relative_extra", "ci_low", "ci_high",
              "verdict_code"),
    "hashtags": ("hashtag", "n_posts", "mean", "ci_low", "ci_high", "vs_all", "verdict_code"),
    "care_targets": ("intent", "comments", "answered", "target_minutes", "median_business_minutes",
                     "median_wall_minutes", "within_target", "within_target_rate", "verdict_code"),
    "growth": ("platform", "day_type", "n_days", "followers_gained", "per_day", "ci_low", "ci_high", "extra_per_day",
               "extra_ci_low", "extra_ci_high", "effect_code"),
    "audience": ("platform", "account", "dimension", "target", "share_in_target", "top_segment", "fit"),
    "video": ("by", "group", "n_videos", "views_total", "watch_time_h", "avg_view_duration_s", "views_3s_rate",
              "retention_mean", "retention_ci_low", "retention_ci_high", "verdict_code"),
}
#: Hashtags shown in the report (and in metrics.json).
_TOP_HASHTAGS = 12


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


def paid_growth_table(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.media.follower_growth_by_paid` of the brand's posts and daily follower series
    over the period and the previous one (new followers per day on paid, organic and post-free days);
    cached. Empty without a daily follower series."""
    import warnings

    from ..media import follower_growth_by_paid

    def _do():
        posts = own_frame(ctx, "posts")
        # insights exports are the brand's own: a series without an account name is the brand's
        fol, daily = (pd.concat([own_frame(ctx, t), f[f["account"].isna()]]) if not f.empty else f
                      for t, f in (("followers", ctx.frame("followers")),
                                   ("account_daily", ctx.frame("account_daily"))))
        if posts.empty or (fol.empty and daily.empty):
            return pd.DataFrame()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return follower_growth_by_paid(posts, followers=fol if not fol.empty else None,
                                           account_daily=daily if not daily.empty else None,
                                           period=(ctx.previous[0], ctx.period[1]), lang=ctx.lang, timezone=ctx.tz)

    return ctx.cached("paid_growth", _do)


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
        from .eval_figures import post_metrics_of

        pm = post_metrics_of(ctx)
        both = pm[ctx.mask(pm, "period") | ctx.mask(pm, "previous")] if not pm.empty else pm
        comp = competitor_hashtags(both, own=list(ctx.profile.brand_handles), min_posts=3) \
            if ctx.profile.competitors and not both.empty else pd.DataFrame()
        return perf, pairs, comp

    return ctx.cached("hashtags", _do)


def topic_tables(ctx: EvaluationContext):
    """Topics discovered without a codebook (:class:`smanalysis.conversation.topics.TopicModel`, NMF) in
    what customers and the public wrote (comments, not the brand's replies, and mentions) from five
    months before the period to its end: (topics, monthly shares, emerging topics); cached. Empty frames
    with fewer than 30 texts."""
    import re

    from ..conversation.topics import TopicModel, emerging_topics, topic_shares
    from .eval_figures import voices

    def _do():
        v = voices(ctx)
        if v.empty:
            return pd.DataFrame(), pd.DataFrame(), pd.DataFrame()
        local = v["created_at"].dt.tz_convert(ctx.tz).dt.tz_localize(None)
        start = pd.Timestamp(ctx.period[0]) - pd.DateOffset(months=5)
        keep = ((local >= start) & (local < pd.Timestamp(ctx.period[1]) + pd.Timedelta(days=1))).to_numpy()
        v, local = v[keep], local[keep]
        if len(v) < 30:
            return pd.DataFrame(), pd.DataFrame(), pd.DataFrame()
        names = [ctx.profile.business_name, *ctx.profile.brand_handles,
                 *[c.get("name", "") if isinstance(c, dict) else getattr(c, "name", str(c))
                   for c in (ctx.profile.competitors or [])]]
        stop = {w for n in names for w in re.split(r"[^a-z0-9]+", str(n).lower()) if w}
        tm = TopicModel(n_topics=8, min_df=5, seed=0, stopwords=stop).fit(v["text"].reset_index(drop=True))
        a = tm.assignments_
        shares = topic_shares(a, local.to_numpy(), topics=tm.topics_)
        em = emerging_topics(a, ctx.mask(v), ctx.mask(v, "previous"), topics=tm.topics_)
        return tm.topics_, shares, em

    return ctx.cached("topics", _do)


def care_target_table(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.conversation.reply_target_stats` of the period's care rows in the profile's
    business hours (one row an intent with a reply target); empty without comments; cached."""
    from ..conversation import care_in_business_hours, reply_target_stats
    from .eval_figures import care_rows

    def _do():
        care = care_rows(ctx)
        if care.empty or "first_reply_at" not in care.columns:
            return pd.DataFrame()
        return reply_target_stats(care_in_business_hours(care, profile=ctx.profile), lang=ctx.lang)

    return ctx.cached("care_targets", _do)


def analysis_figures(ctx: EvaluationContext) -> dict:
    """The deeper analysis figures the report shows, for ``metrics.json``: ``paid`` (the paid split,
    one entry a paid status), ``boost`` (what the boost bought, one entry a metric), ``hashtags``
    (``metric`` and the shown ``rows``), ``video`` (one entry a format or theme) and ``care_targets``
    (reply time in business hours, one entry an intent with a target), ``follower_growth_by_paid``
    (new followers per day on paid, organic and post-free days, the paid-day extra with its interval),
    ``audience`` (share of the measured audience in the target), ``topics`` (label, texts, shares,
    emerging) and ``community_events`` (stable events by kind), each row the
    columns of :data:`_FIGURE_COLUMNS` from the same cached tables the section reads; empty lists
    without data.

    Ratios among them (``er_reach``, ``relative_extra``, ``vs_all``, ``avg_view_duration_s``,
    ``views_3s_rate``, ``within_target_rate``) are registry metrics (:data:`smanalysis.media.METRICS`)."""
    def rows(frame, part):
        if frame is None or frame.empty:
            return []
        keep = [c for c in _FIGURE_COLUMNS[part] if c in frame.columns]
        return frame[keep].to_dict(orient="records")

    out = {"paid": [], "boost": [], "hashtags": {"metric": None, "rows": []}, "video": [], "care_targets": []}
    if own_frame(ctx, "posts").empty:  # the section shows nothing else either
        return out
    out["care_targets"] = rows(care_target_table(ctx), "care_targets")
    split, effect = paid_tables(ctx)
    if not split.empty and set(split["paid_status"]) != {"unknown"}:
        out["paid"], out["boost"] = rows(split, "paid"), rows(effect, "boost")
    perf = hashtag_tables(ctx)[0]
    if not perf.empty:
        out["hashtags"] = {"metric": perf.attrs.get("metric", "er_reach"),
                           "rows": rows(perf.head(_TOP_HASHTAGS), "hashtags")}
    out["video"] = rows(video_table(ctx), "video")
    extra = {"follower_growth_by_paid": (paid_growth_table, "growth"), "audience": (audience_table, "audience")}
    for key, (fn, part) in extra.items():
        try:
            out[key] = rows(fn(ctx), part)
        except Exception as err:  # noqa: BLE001 - a part that cannot be computed is left out, and said
            ctx.problems.append({"section": f"metrics.analysis.{key}", "error": f"{type(err).__name__}: {err}"})
    try:
        tp, _, em = topic_tables(ctx)
        t = tp[["topic", "label", "n_texts"]] if not tp.empty else pd.DataFrame()
        if not t.empty and not em.empty:
            t = t.merge(em[["topic", "share_current", "share_previous", "emerging", "verdict_code"]], on="topic",
                        how="left")
        out["topics"] = [] if t.empty else t.to_dict(orient="records")
        out["community_events"] = community_event_counts(ctx)
    except Exception as err:  # noqa: BLE001
        ctx.problems.append({"section": "metrics.analysis.topics", "error": f"{type(err).__name__}: {err}"})
    return out


def _plot(sec: Section, name: str, *args, **kwargs) -> bool:
    """Add the chart ``smanalysis.plotting.<name>(*args, **kwargs)`` to ``sec``."""
    from .. import plotting

    sec.figure(getattr(plotting, name)(*args, **kwargs))
    return True


def _table(ctx: EvaluationContext, name: str) -> pd.DataFrame:
    df = getattr(ctx.data, name, None)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def audience_table(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.media.audience_vs_target` of the own accounts' measured audience; empty without an
    ``audience`` table; cached."""
    from ..media import audience_vs_target

    def _do():
        aud = _table(ctx, "audience")
        if aud.empty:
            return aud
        return audience_vs_target(ctx.own(aud), profile=ctx.profile, lang=ctx.lang)

    return ctx.cached("audience", _do)


def video_table(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.media.video_summary` of the own videos of both periods by format and theme (posts
    joined on platform and post id); empty without a ``video`` table; cached."""
    from ..media import video_summary

    def _do():
        vid = _table(ctx, "video")
        if vid.empty:
            return vid
        posts = own_frame(ctx, "posts")
        ev = evidence_posts(ctx)
        vid = vid[vid["post_id"].astype(str).isin(ev["post_id"].astype(str))] if not ev.empty else vid.iloc[0:0]
        parts = []
        for by in ("format", "theme"):
            if by in posts.columns and posts[by].notna().any():
                t = video_summary(vid, posts, by=by, lang=ctx.lang).rename(columns={by: "group"})
                parts.append(t.assign(by=by))
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    return ctx.cached("video", _do)


def _paid_part(ctx: EvaluationContext, sec: Section):
    lang = ctx.lang
    sec.heading(text("report.analysis.h_paid", lang))
    split, effect = paid_tables(ctx)
    if split.empty or set(split["paid_status"]) == {"unknown"}:
        sec.text(text("report.analysis.paid_none", lang))
        return
    keep = [c for c in ("paid_label", "n_posts", "reach_total", "engagements_total", "er_reach_ratio_of_totals",
                        "er_reach_ci_low", "er_reach_ci_high", "verdict") if c in split.columns]
    sec.table(split[keep], units=dict.fromkeys(("er_reach_ratio_of_totals", "er_reach_ci_low", "er_reach_ci_high"),
                                                "ratio"))
    ctx.use("er_reach", "relative_extra")
    sub_guard(ctx, sec, "analysis.plot_paid", _plot, sec, "plot_paid_split", split, lang=lang)
    sec.text(text("report.analysis.paid_effect", lang))
    lines = []
    for _, r in effect.iterrows():
        if r["verdict_code"] in ("boost_more", "boost_less", "cannot_tell"):
            unit = "ratio" if r["metric"].startswith("er_") else "number"
            low, high = (F.value(r[c], unit, lang) for c in ("ci_low", "ci_high"))
            lines.append(f"- {esc(r['verdict'])}: {F.value(r['extra_per_boosted_post'], unit, lang)} "
                         f"({low} – {high}; n = {F.count(r['n_boosted'], lang)} / "
                         f"{F.count(r['n_organic'], lang)})")
        else:
            lines.append(f"- {esc(column_label(r['metric'], lang))}: {esc(r['verdict'])} "
                         f"(n = {F.count(r['n_boosted'], lang)})")
    sec.text("\n".join(lines))


def _paid_growth_part(ctx: EvaluationContext, sec: Section):
    """Follower growth by paid vs organic days, or why it cannot be split."""
    lang = ctx.lang
    t = paid_growth_table(ctx)
    if t.empty:
        sec.text(text("growth.paid_none", lang, why=text("growth.why_no_series", lang)))
        return
    with_paid = set(t.loc[t["day_type"] == "paid", "platform"])
    if not with_paid:
        sec.text(text("growth.paid_none", lang, why=text("growth.why_no_paid_days", lang)))
        return
    sec.text(text("growth.paid_note", lang))
    shown = t[t["platform"].isin(with_paid)][["platform", "day_label", "n_days", "followers_gained", "per_day",
                                               "ci_low", "ci_high", "verdict"]]
    sec.table(shown, units=dict.fromkeys(("per_day", "ci_low", "ci_high"), "signed"))
    organic_days = t[t["day_type"] == "organic"].set_index("platform")["n_days"]
    lines = []
    for _, r in t[t["day_type"] == "paid"].iterrows():
        n = f"n = {F.count(r['n_days'], lang)} / {F.count(organic_days.get(r['platform'], 0), lang)}"
        if pd.notna(r["extra_per_day"]):
            lines.append(f"- {esc(r['platform'])}: {esc(r['effect'])}: {F.signed(r['extra_per_day'], lang)} "
                         f"({F.signed(r['extra_ci_low'], lang)} – {F.signed(r['extra_ci_high'], lang)}; {n})")
        else:
            lines.append(f"- {esc(r['platform'])}: {esc(r['effect'])} ({n})")
    sec.text("\n".join(lines))


def _hashtag_part(ctx: EvaluationContext, sec: Section):
    lang = ctx.lang
    sec.heading(text("report.analysis.h_hashtags", lang))
    perf, pairs, comp = hashtag_tables(ctx)
    if perf.empty:
        sec.text(text("report.analysis.no_tags", lang))
        return
    sec.text(text("report.analysis.tags_note", lang))
    unit = "ratio" if perf.attrs.get("metric", "er_reach").startswith("er_") else "number"
    sec.table(perf.head(_TOP_HASHTAGS).drop(columns=["verdict_code"]),
              units={**dict.fromkeys(("mean", "ci_low", "ci_high"), unit), "vs_all": "number"})
    ctx.use(perf.attrs.get("metric", "er_reach"), "vs_all")
    sub_guard(ctx, sec, "analysis.plot_hashtags", _plot, sec, "plot_hashtags", perf, lang=lang)
    if not pairs.empty:
        sec.text(text("report.analysis.pairs", lang))
        sec.table(pairs, units={"jaccard": "ratio"})
    if comp is not None and not comp.empty:
        sec.text(text("report.analysis.comp", lang))
        sec.table(comp.head(10))


def _audience_part(ctx: EvaluationContext, sec: Section):
    sec.heading(text("report.analysis.h_audience", ctx.lang))
    t = audience_table(ctx)
    if t.empty:
        sec.text(text("report.analysis.no_audience", ctx.lang))
        return
    sec.table(t.drop(columns=["fit"]), units={"share_in_target": "ratio"})


def _video_part(ctx: EvaluationContext, sec: Section):
    sec.heading(text("report.analysis.h_video", ctx.lang))
    t = video_table(ctx)
    if t.empty:
        sec.text(text("report.analysis.no_video", ctx.lang))
        return
    sec.table(t.drop(columns=["verdict_code"]),
              units=dict.fromkeys(("views_3s_rate", "retention_mean", "retention_ci_low", "retention_ci_high"), "ratio"))
    ctx.use("avg_view_duration_s", "views_3s_rate")


def _care_part(ctx: EvaluationContext, sec: Section):
    t = care_target_table(ctx)
    if t.empty:
        return
    sec.heading(text("report.analysis.h_care", ctx.lang))
    sec.text(text("report.analysis.care_note", ctx.lang))
    sec.table(t.drop(columns=["verdict_code"], errors="ignore"), units={"within_target_rate": "ratio"})
    ctx.use("within_target_rate")


def _topic_part(ctx: EvaluationContext, sec: Section):
    lang = ctx.lang
    sec.heading(text("report.analysis.h_topics", lang))
    topics, shares, em = topic_tables(ctx)
    if topics.empty:
        sec.text(text("report.analysis.few_texts", lang))
        return
    sec.text(text("report.analysis.topics_note", lang))
    cur = em.set_index("topic") if not em.empty else pd.DataFrame()
    shown = topics[["label", "terms", "quote", "n_texts"]].copy()
    if not cur.empty:
        shown["share_current"] = topics["topic"].map(cur["share_current"]).to_numpy(dtype=float)
        shown["share_previous"] = topics["topic"].map(cur["share_previous"]).to_numpy(dtype=float)
        shown["verdict"] = [text(f"verdict.{c}", lang) if isinstance(c, str) else "–"
                            for c in topics["topic"].map(cur["verdict_code"])]
    sec.table(shown, units={"share_current": "ratio", "share_previous": "ratio"})
    sub_guard(ctx, sec, "analysis.plot_topics", _plot, sec, "plot_topic_shares", shares, lang=lang)
    rising = em[em["emerging"]] if not em.empty else em
    if rising.empty:
        sec.text(text("report.analysis.no_emerging", lang))
    else:
        items = "; ".join(f"{esc(r['label'])} ({F.percent(r['share_previous'], lang)} → "
                          f"{F.percent(r['share_current'], lang)})"
                          for _, r in rising.head(3).iterrows())
        sec.text(text("report.analysis.emerging", lang, items=items))


@guarded("analysis")
def analysis_section(ctx: EvaluationContext, sec: Section) -> None:
    """Paid vs organic, own hashtags (and audience, video and topics where the data has them)."""
    if own_frame(ctx, "posts").empty:
        sec.text(text("report.no_data", ctx.lang, what=text("report.w_posts", ctx.lang)))
        return
    sub_guard(ctx, sec, "analysis.paid", _paid_part, ctx, sec)
    sub_guard(ctx, sec, "analysis.paid_growth", _paid_growth_part, ctx, sec)
    sub_guard(ctx, sec, "analysis.hashtags", _hashtag_part, ctx, sec)
    sub_guard(ctx, sec, "analysis.audience", _audience_part, ctx, sec)
    sub_guard(ctx, sec, "analysis.video", _video_part, ctx, sec)
    sub_guard(ctx, sec, "analysis.care_targets", _care_part, ctx, sec)
    sub_guard(ctx, sec, "analysis.topics", _topic_part, ctx, sec)


def community_event_counts(ctx: EvaluationContext) -> dict:
    """Stable community events (:func:`smanalysis.network.community_events`) of the monthly interaction
    networks up to the period's end, counted by kind (continuations left out); cached. Empty without
    interactions."""
    def _do():
        from ..network import community_events, snapshots

        inter = ctx.frame("interactions")
        if inter.empty:
            return {}
        end = pd.Timestamp(ctx.period[1]) + pd.Timedelta(days=1)
        local = inter["created_at"].dt.tz_convert(ctx.tz).dt.tz_localize(None)
        snap = snapshots(inter[(local < end).to_numpy()], freq="M", measures=("pagerank", "community"), seed=0)
        ev = community_events(snap)
        ev = ev[ev["event"] != "continuation"]
        return {str(k): int(v) for k, v in ev["event"].value_counts().sort_index().items()}

    return ctx.cached("community_events", _do)

