"""The report's figures: every registry figure of the period and the previous one, computed once.

:func:`figures` is the one computation that the overview, the KPI table, the section texts, the
recommendations and ``metrics.json`` read; each figure is a :data:`smanalysis.media.METRICS`
entry applied to the rows it names (posts, follower growth, care rows, scored texts, share of
voice).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .sections import EvaluationContext

__all__ = ["figures", "kpi_table", "voices", "brand_texts", "scored_texts", "care_rows", "read_intents",
           "voice_rows", "post_metrics_of", "own_post_metrics", "own_frame", "media_compare"]


def _labels(texts: pd.Series, model=None) -> pd.DataFrame:
    """Sentiment of texts: the client's trained model (config ``sentiment_model:``) or the default scorer."""
    from ..conversation.adapt import score_texts

    return score_texts(texts.fillna("").astype(str), model=model)


def post_metrics_of(ctx: EvaluationContext) -> pd.DataFrame:
    """All posts (own and competitors) with :func:`smanalysis.media.post_metrics` columns; cached."""
    from ..media import post_metrics

    def _do():
        posts = ctx.frame("posts")
        if posts.empty:
            return posts
        plan = ctx.frame("content_plan")
        if not plan.empty and ("theme" not in posts or posts["theme"].isna().all()):
            try:  # exports carry no theme: take it from the matched plan row or the plan's keywords
                from ..plan import assign_themes

                posts = assign_themes(posts, plan=plan.reset_index(drop=True), timezone=ctx.tz)
            except Exception:  # noqa: BLE001 - without themes the theme comparisons say "no data"
                pass
        fol = ctx.frame("followers")
        return post_metrics(posts, followers=fol if not fol.empty else None, timezone=ctx.tz)

    return ctx.cached("post_metrics", _do)


def own_frame(ctx: EvaluationContext, table: str) -> pd.DataFrame:
    """The rows of the brand's own accounts of a dataset table (:meth:`EvaluationContext.own`), found
    once per report (every section reads the same rows); cached."""
    return ctx.cached(f"own_{table}", lambda: ctx.own(ctx.frame(table)))


def own_post_metrics(ctx: EvaluationContext) -> pd.DataFrame:
    """The brand's own posts of :func:`post_metrics_of` (:meth:`EvaluationContext.own`); cached."""
    return ctx.cached("own_post_metrics", lambda: ctx.own(post_metrics_of(ctx)))


def media_compare(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.media.compare_periods` of the brand's posts (and follower series) for the
    period against the previous one (``metric``, ``current``, ``previous``, ``change``,
    ``change_pct``), every posts metric of the registry; cached. The report's key figures read it."""
    from ..media import compare_periods, period_columns

    def _do():
        own = own_post_metrics(ctx)
        if own.empty:
            return pd.DataFrame(columns=["metric", "current", "previous", "change", "change_pct"])
        fol = own_frame(ctx, "followers")
        return compare_periods(own, current=ctx.period, previous=ctx.previous,
                               metrics=period_columns("posts", report_only=False),
                               followers=fol if not fol.empty else None, timezone=ctx.tz, lang=ctx.lang)

    return ctx.cached("media_compare", _do)


def voices(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.conversation.voices` of the client, all periods (customers' comments on the
    business's posts and the mentions); cached."""
    from ..conversation import voices as _voices

    def _do():
        com, men = ctx.frame("comments"), ctx.frame("mentions")
        return _voices(com, men, brand=ctx.profile.business_name)

    return ctx.cached("voices", _do)


def scored_texts(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`voices` of the current and previous periods with ``period`` ("current"|"previous")
    and the sentiment ``label`` and ``score``; cached."""

    def _do():
        df = voices(ctx)
        cur, prev = ctx.mask(df), ctx.mask(df, "previous")
        df = df[cur | prev].assign(period=np.where(cur, "current", "previous")[cur | prev])
        if df.empty:
            return df.assign(label=pd.Series(dtype=object), score=pd.Series(dtype=float))
        s = _labels(df["text"], ctx.settings.get("sentiment_model"))
        return df.assign(label=s["label"].to_numpy(), score=s["score"].to_numpy())

    return ctx.cached("scored_texts", _do)


def brand_texts(ctx: EvaluationContext) -> pd.Series:
    """The texts of the period's :func:`voices` about the brand (the profile's business name): what
    the recurring complaints read."""
    v = ctx.in_period(voices(ctx))
    return v.loc[v["brand"] == ctx.profile.business_name, "text"]


def read_intents(ctx: EvaluationContext) -> None:
    """Work out, in one pass, the intents of every text the report asks about: the comments of the
    period and the previous one (the care rows of both, the unanswered queue) and the period's texts
    about the brand (the recurring complaints); once per report.

    :func:`smanalysis.conversation.intents` remembers each distinct text's intent for the process
    (:class:`~smanalysis.conversation.memo.TextMemo`), and each of its calls scans the rules once
    over the texts it has not seen: one call over all of them instead of one a table halves the
    intents' time of a sample report (the later calls only read the memo; the results are the
    same). A failure here is left to the callers, which compute their own texts as before.
    """

    def _do():
        from ..conversation import intents

        try:
            com = ctx.frame("comments")
            parts = [ctx.in_period(com, which)["text"] for which in ("period", "previous")] if not com.empty else []
            parts = [p for p in (*parts, brand_texts(ctx)) if len(p)]
            if parts:
                intents(pd.concat(parts, ignore_index=True))
        except Exception:  # noqa: BLE001 - only a head start: each caller reads its own texts anyway
            pass
        return True

    ctx.cached("read_intents", _do)


def care_rows(ctx: EvaluationContext, which: str = "period") -> pd.DataFrame:
    """:func:`smanalysis.conversation.response_times` of the period's (or ``"previous"``) comments:
    one row a customer top-level comment with ``intent``, ``answered`` and ``response_minutes``,
    the rows the registry's care figures read; cached."""
    from ..conversation import response_times

    def _do():
        read_intents(ctx)
        com = ctx.in_period(ctx.frame("comments"), which)
        if com.empty:
            return pd.DataFrame(columns=["intent", "answered", "response_minutes"])
        return response_times(com, brand_accounts=ctx.profile.brand_handles, timezone=ctx.tz)

    return ctx.cached(f"care_rows_{which}", _do)


def voice_rows(ctx: EvaluationContext, which: str = "period") -> pd.DataFrame | None:
    """:func:`smanalysis.conversation.share_of_voice` of the period's (or ``"previous"``) mentions by
    brand with ``own`` (the business's row), the rows the registry's ``share_of_voice`` reads and the
    conversation section shows; None without mentions; cached."""
    from ..conversation import share_of_voice

    def _do():
        men = ctx.in_period(ctx.frame("mentions"), which)
        if men.empty:
            return None
        sov = share_of_voice(men, by="brand", profile=ctx.profile)
        return sov.assign(own=sov["brand"] == ctx.profile.business_name)

    return ctx.cached(f"voice_rows_{which}", _do)


def _figures(ctx: EvaluationContext) -> dict:
    """Every registry figure of the period and the previous one, each computed once: media from
    :func:`~smanalysis.reporting.eval_media.media_compare`, care from :func:`care_rows`, sentiment
    from :func:`scored_texts`, share of voice from the mentions; a figure that cannot be computed
    is NaN (and noted in ``ctx.problems``)."""
    from ..media import METRICS

    nan = float("nan")
    cmp = media_compare(ctx)
    # each posts/growth metric's first row of the comparison (the brand's, not an account's)
    media_rows = cmp[cmp["scope"] != "account"] if "scope" in cmp else cmp
    first = {}
    for metric, cur, prev in zip(media_rows["metric"], media_rows["current"], media_rows["previous"]):
        first.setdefault(metric, {"current": cur, "previous": prev})
    sc = None
    out = {}
    for which, when in (("current", "period"), ("previous", "previous")):
        rows = {}

        def table(name, which=which, when=when):
            nonlocal sc
            if name == "care":
                return care_rows(ctx, when)
            if name == "voices":
                sc = scored_texts(ctx) if sc is None else sc
                return sc[(sc["period"] == which) & (sc["brand"] == ctx.profile.business_name)]
            if name == "voice":
                return voice_rows(ctx, when)
            return None

        fig = {}
        for name, m in METRICS.items():
            try:
                if m.table in ("posts", "growth"):
                    v = first.get(m.column, {}).get(which)
                    fig[name] = float(v) if v is not None and pd.notna(v) else nan
                elif m.numerator is not None and m.table in ("care", "voices", "voice"):
                    if m.table not in rows:
                        rows[m.table] = table(m.table)
                    frame = rows[m.table]
                    fig[name] = m.value(frame, quiet=True) if frame is not None and len(frame) else nan
            except Exception as err:  # noqa: BLE001 - a figure that cannot be computed is missing
                fig[name] = nan
                ctx.problems.append({"section": f"figures.{name}", "error": f"{type(err).__name__}: {err}"})
        out[which] = fig
    return out


def figures(ctx: EvaluationContext) -> dict:
    """``{"current": {...}, "previous": {...}}``: every figure of the metric registry for the period
    and the previous one, by registry name; the one computation every table, sentence, KPI and
    ``metrics.json`` reads; cached."""
    return ctx.cached("figures", lambda: _figures(ctx))


def kpi_table(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.media.kpi_table` of the profile's targets against :func:`figures`:
    ``kpi``, ``metric``, ``target``, ``actual``, ``previous``, ``met``, ``verdict``; cached."""
    from .. import media

    fig = figures(ctx)
    return ctx.cached("kpi_table", lambda: media.kpi_table(fig["current"], ctx.profile.kpi_targets or {},
                                                           previous=fig["previous"], intervals=_intervals(ctx),
                                                           lang=ctx.lang))


def _intervals(ctx: EvaluationContext) -> dict:
    """Registry name -> (ci_low, ci_high, n_posts) of this period's media rates, from the period
    comparison's bootstrap (the same computation as the media section's table)."""
    from ..media import METRICS

    cmp = media_compare(ctx)
    if "current_ci_low" not in cmp:
        return {}
    rows = cmp[cmp["current_ci_low"].notna()].drop_duplicates("metric").set_index("metric")
    return {n: (float(rows.at[m.column, "current_ci_low"]), float(rows.at[m.column, "current_ci_high"]),
                float(rows.at[m.column, "n_current"]))
            for n, m in METRICS.items() if m.table == "posts" and m.column in rows.index}
