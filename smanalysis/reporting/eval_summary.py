"""The report's frame: period summary, profile, KPIs against targets, plan execution and the
metric definitions.

Every figure comes from :func:`figures`, one computation over the metric registry
(:data:`smanalysis.media.METRICS`); KPIs are judged by :func:`smanalysis.media.kpi_table`.

Examples
--------
>>> kpi_label("median_minutes", "en")
'Median response time (minutes)'
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..formatting import count
from .eval_figures import figures, kpi_table, own_frame
from ..words import plural, text
from .markup import esc
from .sections import EvaluationContext, Section, fmt_value, guarded, num, sub_guard

__all__ = [
    "overview_section", "profile_section", "kpi_section", "execution_section", "definitions_section",
    "kpi_label", "headline", "data_summary", "definitions", "KEY_FIGURES",
]

#: the figures of the overview table and the headline sentences, in order (registry names)
KEY_FIGURES = ("n_posts", "engagements", "er_reach", "follower_growth_monthly", "net_sentiment", "share_of_voice",
               "reply_rate_questions", "reply_rate_all", "median_response_minutes")


def kpi_label(name: str, lang: str = "id") -> str:
    """A KPI's or figure's label in ``lang`` from the metric registry (aliases resolved), else the name.

    >>> kpi_label("response_rate", "en")
    'Reply rate to questions and complaints'
    """
    from ..media import resolve_metric

    m = resolve_metric(name)
    return m.label(lang) if m is not None else name


# ----------------------------------------------------------------------------- execution
def execution_table(ctx: EvaluationContext):
    """:func:`smanalysis.plan.execution_summary` of the period's plan rows; None without a plan."""

    def _do():
        plan = ctx.frame("content_plan")
        if plan.empty:
            return None
        from .. import plan as planmod

        rows = ctx.in_period(plan.reset_index(drop=True), col="date")
        if rows.empty:
            return None
        posts = own_frame(ctx, "posts")
        cur_posts = posts[ctx.mask(posts)] if not posts.empty else posts
        matches = planmod.match_plan(rows, cur_posts, timezone=ctx.tz,
                                     as_of=ctx.period[1])
        ctx.cache["plan_matches"] = matches
        return planmod.execution_summary(matches, lang=ctx.lang)

    return ctx.cached("execution", _do)


# ----------------------------------------------------------------------------- sections
@guarded("overview")
def overview_section(ctx: EvaluationContext, sec: Section) -> None:
    """The period in a few lines: posts, engagement rate, followers, sentiment, share of voice,
    care, KPIs met."""
    lang = ctx.lang
    sec.text(ctx.period_text())
    if ctx.settings.get("pseudonymise"):
        sec.text(text("report.pseudonymised", lang))
    fig = figures(ctx)
    head = [text(f"report.head.{h}", lang) for h in ("figure", "current", "previous")]
    rows = [{head[0]: kpi_label(k, lang), head[1]: fmt_value(k, fig["current"].get(k), lang),
             head[2]: fmt_value(k, fig["previous"].get(k), lang)} for k in KEY_FIGURES
            if pd.notna(fig["current"].get(k, np.nan)) or pd.notna(fig["previous"].get(k, np.nan))]
    if rows:
        sec.table(pd.DataFrame(rows))
    else:
        sec.text(text("report.no_data", lang, what=text("report.w_posts", lang)))
    ctx.use(*KEY_FIGURES)
    kt = kpi_table(ctx)
    known = kt["met"].notna()
    if known.any():
        sec.text(text("report.n_kpi_met", lang, met=int(kt.loc[known, "met"].astype(bool).sum()), total=int(known.sum())))
    lines = headline(fig, lang)
    if lines:
        sec.text("\n".join(f"- {x}" for x in lines))
    d = data_summary(ctx)
    if d["files"] is not None:
        sec.text(text("report.n_data", lang, files=count(d["files"], lang), rejects=count(d["rejects"] or 0, lang),
                      rows=", ".join(f"{num(n, lang=lang)} {plural(f'report.rows_{tb}', n, lang)}"
                                     for tb, n in d["rows"].items() if n)))
    if d["failed"]:
        sec.text(text("report.n_failed", lang, n=count(len(d["failed"]), lang),
                      files="; ".join(f"{esc(f['file'])} ({esc(f['reason'][:160])})" for f in d["failed"])))


def data_summary(ctx: EvaluationContext) -> dict:
    """What was read: ``files``, ``rejects`` (rows the readers could not use), ``rows`` per
    canonical table (all periods) and ``failed``: files that could not be read at all, as
    ``[{"file": name, "reason": ...}]`` (a client with failed files is ``partial`` in a batch)."""
    files = getattr(ctx.data, "files", None)
    failed = getattr(ctx.data, "failed", None)
    failed = [{"file": Path(str(f)).name, "reason": str(r)} for f, r in zip(failed["file"], failed["reason"])] \
        if isinstance(failed, pd.DataFrame) and len(failed) else []
    rows = {tb: int(len(ctx.frame(tb))) for tb in ("posts", "comments", "mentions", "interactions", "followers",
                                                    "content_plan")}
    n_files = int(len(files)) if isinstance(files, pd.DataFrame) else None
    rejects = int(pd.to_numeric(files["rejects"], errors="coerce").fillna(0).sum()) \
        if isinstance(files, pd.DataFrame) and "rejects" in files else None
    return {"files": n_files, "rejects": rejects, "rows": rows, "failed": failed}


def headline(fig: dict, lang: str = "id") -> list[str]:
    """Plain sentences on what moved between the periods ("Tingkat respons turun dari 53.3% ke 19.9%.").

    Examples
    --------
    >>> headline({"current": {"reply_rate_all": 0.2, "n_posts": 3}, "previous": {"reply_rate_all": 0.5, "n_posts": 3}},
    ...          "en")
    ['Number of posts stayed at 3.', 'Reply rate to all comments went down from 50.0% to 20.0%.']
    """
    out = []
    for key in KEY_FIGURES:
        cur, prev = fig["current"].get(key), fig["previous"].get(key)
        if cur is None or prev is None or pd.isna(cur) or pd.isna(prev):
            continue
        name = kpi_label(key, lang)
        if np.isclose(cur, prev):
            out.append(text("report.n_same", lang, name=name, cur=fmt_value(key, cur, lang)))
        else:
            out.append(text("report.n_up" if cur > prev else "report.n_down", lang, name=name, prev=fmt_value(key, prev, lang),
                            cur=fmt_value(key, cur, lang)))
    return out


@guarded("profile")
def profile_section(ctx: EvaluationContext, sec: Section) -> None:
    """Who the business is and what it wants (the fact-finding profile)."""
    try:
        from ..factfinding import profile_summary

        sec.table(profile_summary(ctx.profile, lang=ctx.lang, kpi_label=kpi_label), max_rows=40)
    except (ImportError, AttributeError):
        p = ctx.profile
        sec.table(pd.DataFrame({"": ["business", "model", "goal", "platforms"],
                                " ": [p.business_name, p.business_model, p.goal, ", ".join(p.platforms)]}))


@guarded("kpis")
def kpi_section(ctx: EvaluationContext, sec: Section) -> None:
    """KPIs from the profile's targets: this period, the previous one, met or not."""
    lang = ctx.lang
    kt = kpi_table(ctx)
    if kt.empty:
        sec.text(text("report.no_source", lang, what=text("report.w_targets", lang)))
        return
    head = [text(f"report.head.{h}", lang) for h in ("kpi", "target", "current", "interval", "previous", "status")]
    sec.table(pd.DataFrame({
        head[0]: [kpi_label(k, lang) for k in kt["metric"]],
        head[1]: [fmt_value(k, v, lang) for k, v in zip(kt["metric"], kt["target"])],
        head[2]: [fmt_value(k, v, lang) for k, v in zip(kt["metric"], kt["actual"])],
        head[3]: [f"{fmt_value(k, lo, lang)}–{fmt_value(k, hi, lang)}" if pd.notna(lo) else "–"
                  for k, lo, hi in zip(kt["metric"], kt["ci_low"], kt["ci_high"])],
        head[4]: [fmt_value(k, v, lang) for k, v in zip(kt["metric"], kt["previous"])],
        head[5]: kt["verdict"].tolist(),
    }))
    ctx.use(*kt["metric"])


@guarded("execution")
def execution_section(ctx: EvaluationContext, sec: Section) -> None:
    """The written plan against what was posted: on time, late, skipped, unplanned."""
    lang = ctx.lang
    ex = execution_table(ctx)
    if ex is None or ex.empty:
        sec.text(text("report.no_source" if ctx.frame("content_plan").empty else "report.no_data", lang,
                      what=text("report.w_plan", lang)))
        return
    sec.table(ex, units={"execution_rate": "ratio", "on_time_rate": "ratio"})
    m = ctx.cache.get("plan_matches")
    if m is not None and not m.empty:
        from .eval_media import add_plot

        sub_guard(ctx, sec, "execution.plot", add_plot, sec, "plot_execution", m, lang=lang) or \
            sub_guard(ctx, sec, "execution.plot", _plan_plot, sec, m, lang)


def _plan_plot(sec, matches, lang):
    from .. import plan as planmod

    if hasattr(planmod, "plot_execution"):
        sec.figure(planmod.plot_execution(matches, lang=lang))
        return True
    return False

def definitions(ctx: EvaluationContext) -> list[dict]:
    """Registry definitions of every figure the report shows (``ctx.metrics_used``) and of every
    figure with a value: ``metric``, ``label``, ``definition``, ``numerator``, ``denominator``,
    ``unit``, ``source``, in ``ctx.lang``."""
    from ..media import METRICS, resolve_metric

    fig = figures(ctx)
    valued = [n for n in METRICS if pd.notna(fig["current"].get(n, np.nan)) or
              pd.notna(fig["previous"].get(n, np.nan))]
    names = list(dict.fromkeys([*(getattr(resolve_metric(n), "name", None) for n in ctx.metrics_used), *valued]))
    rows = []
    for name in names:
        m = METRICS.get(name) if name else None
        if m is not None:
            rows.append({"metric": name, "label": m.label(ctx.lang), "definition": m.definition(ctx.lang),
                         "numerator": m.numerator_text or "–", "denominator": m.denominator_text or "–",
                         "unit": m.unit, "source": m.source})
    return rows


@guarded("definitions")
def definitions_section(ctx: EvaluationContext, sec: Section) -> None:
    """The definitions of the figures this report used (from the metric registry)."""
    rows = definitions(ctx)
    if rows:  # the owner reads the name and its meaning; formulas and sources are in metrics.json
        lang = ctx.lang
        sec.table(pd.DataFrame({text("report.head.metric", lang): [r["label"] for r in rows],
                                text("report.head.meaning", lang): [r["definition"] for r in rows]}), max_rows=80)
