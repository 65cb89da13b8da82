"""``metrics.json``: the report's key figures for machines (dashboards, spreadsheets)."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .eval_analysis import analysis_figures
from .eval_conversation import unanswered_queue
from .eval_network import network_overview
from .eval_next import recommendations
from .eval_summary import execution_table, data_summary, definitions
from .eval_figures import figures, kpi_table
from .sections import EvaluationContext

__all__ = ["key_metrics", "write_key_metrics"]


def _clean(v):
    if isinstance(v, dict):
        return {str(k): _clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    if isinstance(v, (pd.Timestamp, date)):
        return v.isoformat()[:10] if not getattr(v, "hour", 0) else v.isoformat()
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) or math.isinf(v) else round(float(v), 6)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    return v


def _plain(markdown: str) -> str:
    """Markdown of a recommendation as plain text (no ``**``, escapes or entities).

    >>> _plain("Dekati **pengguna\\\\_1** &amp; lain")
    'Dekati pengguna_1 & lain'
    """
    import html
    import re

    return html.unescape(re.sub(r"\\(.)", r"\1", markdown.replace("**", "")))


def _display(ctx: EvaluationContext) -> dict:
    """The key figures as a reader sees them (labels and locale text, the report's one formatter)."""
    from .eval_summary import KEY_FIGURES, kpi_label
    from .sections import fmt_value

    fig = figures(ctx)
    return {"labels": {k: kpi_label(k, ctx.lang) for k in KEY_FIGURES},
            **{which: {k: fmt_value(k, fig[which].get(k), ctx.lang) for k in KEY_FIGURES}
               for which in ("current", "previous")}}


def _story_plain(ctx: EvaluationContext) -> dict:
    from .story import period_story

    try:
        s = period_story(ctx)
    except Exception:  # noqa: BLE001 - the story is optional in the figures file
        return {}
    return {"good": [_plain(x) for x in s["good"]], "bad": [_plain(x) for x in s["bad"]],
            "why": [_plain(x) for x in s["why"]], "next": [_plain(x["text"]) for x in s["next"]]}


def key_metrics(ctx: EvaluationContext) -> dict:
    """The report's key figures for machines (dashboards, spreadsheets).

    Returns
    -------
    dict
        ``client``, ``slug``, ``period`` and ``previous`` (``start``/``end``), ``lang``,
        ``pseudonymised``, ``data`` (files read, rejected rows, rows per table), ``figures``
        (``current``/``previous``: every figure of the metric registry by its name, e.g. n_posts,
        engagements, er_reach, follower_growth_monthly, net_sentiment, share_of_voice,
        reply_rate_questions, reply_rate_all, median_response_minutes), ``kpis`` (one
        entry per target), ``analysis`` (paid vs organic, boost effect, follower growth by paid days, hashtags, video,
        care in business hours, audience, topics, community events: see
        :func:`~smanalysis.reporting.eval_analysis.analysis_figures`), ``execution`` (plan counts),
        ``network`` (overview figures), ``recommendations`` (kind and plain text), ``unanswered`` (count),
        ``display`` (labels and the figures as locale text, for dashboards that show them as the report
        does), ``story`` (the first screen as plain text), ``definitions`` and
        ``problems`` (sections that could not be computed).
        Missing values are ``null``.
    """
    st = ctx.settings
    ex = None
    try:
        ex = execution_table(ctx)
    except Exception:  # noqa: BLE001
        ex = None
    try:
        net = network_overview(ctx)
    except Exception:  # noqa: BLE001
        net = {}
    try:
        analysis = analysis_figures(ctx)
    except Exception as err:  # noqa: BLE001 - noted as a problem, the rest of metrics.json still written
        analysis = None
        ctx.problems.append({"section": "metrics.analysis", "error": f"{type(err).__name__}: {err}"})
    una = None
    if not ctx.frame("comments").empty:
        try:
            una = unanswered_queue(ctx)
        except Exception:  # noqa: BLE001
            una = None
    res = {
        "client": st.get("client"),
        "slug": st.get("slug"),
        "period": {"start": ctx.period[0], "end": ctx.period[1]},
        "previous": {"start": ctx.previous[0], "end": ctx.previous[1]},
        "lang": ctx.lang,
        "pseudonymised": bool(st.get("pseudonymise")),
        "figures": figures(ctx),
        "data": data_summary(ctx),
        "kpis": kpi_table(ctx).to_dict(orient="records"),
        "analysis": analysis,
        "execution": ex.iloc[0].drop(labels=[c for c in ("note",) if c in ex.columns]).to_dict()
        if ex is not None and not ex.empty else None,
        "network": {k: net[k] for k in ("nodes", "edges", "interactions", "density", "modularity") if k in net}
        or None,
        "unanswered": int(len(una)) if una is not None else None,
        "recommendations": [{"kind": r["kind"], "text": _plain(r["text"])} for r in recommendations(ctx)],
        "display": _display(ctx),
        "story": _story_plain(ctx),
        "definitions": {r["metric"]: r["definition"] for r in definitions(ctx)},
        "problems": [{"section": p["section"], "error": p["error"]} for p in ctx.problems],
    }
    return _clean(res)


def write_key_metrics(ctx: EvaluationContext, *, filename: str = "metrics.json") -> Path:
    """Write :func:`key_metrics` as JSON to the output folder; returns the path."""
    import json

    path = Path(ctx.output_dir) / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(key_metrics(ctx), ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8")
    return path
