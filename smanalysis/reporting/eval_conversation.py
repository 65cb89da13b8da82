"""Layer 2 of the evaluation report: conversation (sentiment, share of voice, care, ethnography).

The numbers come from :mod:`smanalysis.conversation`; people's handles are already pseudonymised
by :func:`~smanalysis.reporting.client.load_client` unless the config says otherwise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .eval_figures import brand_texts, care_rows, figures, read_intents, scored_texts, voice_rows, voices
from .. import formatting as F
from ..words import text
from .sections import EvaluationContext, Section, fmt_value, guarded, pct, sub_guard

__all__ = ["conversation_section", "unanswered_queue", "recurring_complaints"]


def unanswered_queue(ctx: EvaluationContext) -> pd.DataFrame:
    """The period's questions and complaints the brand had not answered by the period's end
    (:func:`smanalysis.conversation.unanswered` as of that moment), oldest first; cached."""
    from ..conversation import unanswered

    def _do():
        read_intents(ctx)
        com = ctx.frame("comments")
        end = (pd.Timestamp(ctx.period[1]) + pd.Timedelta(days=1)).tz_localize(ctx.tz).tz_convert("UTC")
        upto = com[com["created_at"] < end] if not com.empty else com
        if upto.empty:
            return upto
        start = pd.Timestamp(ctx.period[0]).tz_localize(ctx.tz).tz_convert("UTC")
        una = unanswered(upto, brand_accounts=ctx.profile.brand_handles, as_of=end, timezone=ctx.tz, since=start)
        return una[ctx.mask(una)].reset_index(drop=True)

    return ctx.cached("unanswered", _do)


def recurring_complaints(ctx: EvaluationContext, *, min_count: int = 2, top: int = 3) -> pd.DataFrame:
    """:func:`smanalysis.conversation.recurring_complaints` of the period's texts about the brand
    (comments on its posts and mentions of it), with the client's codebook; cached."""
    from .. import conversation

    def _do():
        read_intents(ctx)
        return conversation.recurring_complaints(brand_texts(ctx), codebook=ctx.settings.get("codebook"),
                                                 min_count=min_count, top=top)

    return ctx.cached("recurring_complaints", _do)


def _sentiment_table(sc: pd.DataFrame, lang: str) -> pd.DataFrame:
    from ..conversation import net_sentiment

    ns = net_sentiment(sc, by=["period", "kind"])
    ns = ns.assign(period=ns["period"].map(lambda v: text(f"report.{v}", lang)), kind=ns["kind"].map(lambda v: text(f"report.{v}", lang)))
    cols = {"period": text("report.head.period", lang), "kind": text("report.head.source", lang)}
    shown = ns.rename(columns=cols)
    # signed figures: the table writes them with the reader's marks ("+0,42")
    shown.attrs["units"] = {c: "signed" for c in ("net_sentiment_excl_neutral", "net_sentiment_all")}
    return shown


@guarded("conversation")
def conversation_section(ctx: EvaluationContext, sec: Section) -> None:
    """Layer 2: sentiment (net sentiment, both variants), share of voice, customer care (response
    rate and times, the unanswered queue), what people talk about, codebook themes."""
    from .. import conversation

    lang = ctx.lang
    com, men = ctx.frame("comments"), ctx.frame("mentions")
    com_cur, men_cur = ctx.in_period(com), ctx.in_period(men)
    if com_cur.empty and men_cur.empty:
        what = text("report.w_comments", lang) + " / " + text("report.w_mentions", lang)
        sec.text(text("report.no_source" if com.empty and men.empty else "report.no_data", lang, what=what))
        return
    ctx.use("net_sentiment", "net_sentiment_all", "share_of_voice", "reply_rate_questions", "reply_rate_all",
            "median_response_minutes")

    sec.heading(text("report.h_sentiment", lang))
    sc = sub_guard(ctx, sec, "conversation.sentiment", scored_texts, ctx)
    if sc is not None and not sc.empty:
        tab = sub_guard(ctx, sec, "conversation.net_sentiment", _sentiment_table, sc, lang)
        if tab is not None:
            sec.table(tab)
        from .eval_media import add_plot

        cur_sc = sc[(sc["period"] == "current") & sc["brand"].notna()]
        sub_guard(ctx, sec, "conversation.plot_sentiment", lambda: add_plot(
            sec, "plot_net_sentiment", conversation.net_sentiment(cur_sc, by="brand"), by="brand", lang=lang))
        neg = sc[(sc["period"] == "current") & (sc["label"] == "negative")]
        drivers = sub_guard(ctx, sec, "conversation.drivers", conversation.sentiment_drivers,
                            sc.loc[sc["period"] == "current", "text"], sc.loc[sc["period"] == "current", "label"],
                            top=8) if len(neg) >= 2 else None
        if drivers is not None and not drivers.empty:
            sec.table(drivers[[c for c in ("side", "term", "negative", "positive") if c in drivers]])

    if not men_cur.empty:
        sec.heading(text("report.h_voice", lang))
        # the period's share of voice by brand, computed once for the figures (voice_rows), without ``own``
        sov = sub_guard(ctx, sec, "conversation.share_of_voice", lambda: voice_rows(ctx).drop(columns="own"))
        if sov is not None and not sov.empty:
            ctx.cache["share_of_voice"] = sov
            shown = sov.copy()
            for c in [c for c in shown.columns if "share" in c]:
                shown[c] = shown[c].map(lambda v: pct(v, lang=lang))
            sec.table(shown)
        from .eval_media import add_plot

        sub_guard(ctx, sec, "conversation.plot_sov", lambda: add_plot(
            sec, "plot_share_of_voice", conversation.share_of_voice(
                men[ctx.mask(men) | ctx.mask(men, "previous")], by="brand", freq="W",
                profile=ctx.profile), lang=lang))

    if not com_cur.empty:
        sec.heading(text("report.h_care", lang))
        fig = figures(ctx)
        cur, prev = fig["current"], fig["previous"]
        names = ("reply_rate_questions", "reply_rate_all", "median_response_minutes")
        stats = any(pd.notna(cur.get(n)) for n in names)
        if stats:
            from ..media import METRICS

            lab = {n: METRICS[n].label(lang) for n in names}
            sec.text(text("report.n_care", lang, rq_label=lab[names[0]], ra_label=lab[names[1]], m_label=lab[names[2]],
                          rq=fmt_value(names[0], cur.get(names[0]), lang), ra=fmt_value(names[1], cur.get(names[1]), lang),
                          m=fmt_value(names[2], cur.get(names[2]), lang),
                          prq=fmt_value(names[0], prev.get(names[0]), lang),
                          pra=fmt_value(names[1], prev.get(names[1]), lang),
                          pm=fmt_value(names[2], prev.get(names[2]), lang)))
        # times=: the period's care rows (response_times of com_cur, computed once for the figures)
        by_intent = sub_guard(ctx, sec, "conversation.care_table", lambda: conversation.response_stats(
            com_cur, brand_accounts=ctx.profile.brand_handles, by=("platform", "intent"), timezone=ctx.tz,
            times=care_rows(ctx))) if stats else None
        if by_intent is not None and not by_intent.empty:
            shown = by_intent.copy()
            shown["reply_rate"] = shown["reply_rate"].map(lambda v: pct(v, lang=lang))
            sec.table(shown)
            from .eval_media import add_plot

            sub_guard(ctx, sec, "conversation.plot_response", lambda: add_plot(
                sec, "plot_response_time", conversation.response_stats(
                    com_cur, brand_accounts=ctx.profile.brand_handles, by="platform", timezone=ctx.tz,
                    times=care_rows(ctx)),
                by="platform", lang=lang))
        una = sub_guard(ctx, sec, "conversation.unanswered", unanswered_queue, ctx)
        if una is not None:
            if una.empty:
                sec.text(text("report.n_all_answered", lang))
            else:
                sec.text(text("report.n_unanswered", lang, n=len(una)))
                keep = [c for c in ("created_at", "platform", "author", "intent", "text", "waiting_hours")
                        if c in una.columns]
                shown = una[keep].head(10).copy()
                shown["text"] = F.shorten(shown["text"], 120)
                sec.table(shown)

    texts_cur = ctx.in_period(voices(ctx))["text"].dropna().astype(str).reset_index(drop=True)
    if not texts_cur.empty:
        sec.heading(text("report.h_terms", lang))
        tm = sub_guard(ctx, sec, "conversation.terms", conversation.terms, texts_cur, top=15)
        if tm is not None and not tm.empty:
            from .eval_media import add_plot

            if not sub_guard(ctx, sec, "conversation.plot_terms", lambda: add_plot(sec, "plot_top_terms", tm, lang=lang)):
                sec.table(tm)
        em = sub_guard(ctx, sec, "conversation.emerging", conversation.emerging_terms, voices(ctx),
                       period=f"{ctx.period[0]:%Y-%m}", top=10, timezone=ctx.tz)
        if em is not None and not em.empty:
            shown = em.copy()
            if "term" in shown:  # joined negations ("tidak_worth") read as the words they are
                shown["term"] = shown["term"].astype(str).str.replace("_", " ", regex=False)
            sec.table(shown)
        cb = ctx.settings.get("codebook")
        if cb:
            sec.heading(text("report.h_codes", lang))
            res = sub_guard(ctx, sec, "conversation.code", conversation.code, texts_cur, cb)
            if res is not None:
                counts = res.counts.copy()
                counts["share"] = counts["share"].map(lambda v: pct(v, lang=lang))
                names = {}
                if "label" in counts:  # the owner reads the topic's name, not its codebook id
                    names = dict(zip(counts["code"].astype(str), counts["label"].astype(str)))
                    counts = counts.drop(columns=["code"])
                sec.table(counts)
                from .eval_media import add_plot

                sub_guard(ctx, sec, "conversation.plot_codes", lambda: add_plot(sec, "plot_codes", res.counts,
                                                                             lang=lang))
                if not res.quotes.empty:
                    q = res.quotes[["code", "text"]].copy()
                    q["code"] = q["code"].astype(str).map(lambda c: names.get(c, c))
                    q = q.rename(columns={"code": "label"})
                    q["text"] = F.shorten(q["text"], 160)
                    sec.table(q, max_rows=12)
