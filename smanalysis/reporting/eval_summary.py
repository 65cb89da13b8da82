"""The report's frame: period summary, profile, KPIs against targets, plan execution and the
metric definitions.

Examples
--------
>>> kpi_status(0.06, 0.05, "er_reach"), kpi_status(75, 60, "median_response_minutes")
(True, False)
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .eval_conversation import care_stats, scored_texts
from .eval_media import media_compare
from ..formatting import count, signed
from .i18n import t
from .sections import EvaluationContext, Section, guarded, num, pct, sub_guard

__all__ = [
    "overview_section", "profile_section", "kpi_section", "execution_section", "definitions_section", "kpi_table",
    "kpi_label", "kpi_status", "figures", "headline", "data_summary", "LOWER_IS_BETTER", "EXTRA_DEFINITIONS",
]

#: KPIs where a lower value is better
LOWER_IS_BETTER = {"median_response_minutes", "median_minutes", "p90_minutes", "unanswered"}

#: definitions of the report's figures that are not in :data:`smanalysis.media.METRICS`
EXTRA_DEFINITIONS = {
    "net_sentiment_excl_neutral": ("(positive - negative) / (positive + negative)",
                                   "Comments and mentions of the brand, neutral left out; in [-1, 1]."),
    "net_sentiment_all": ("(positive - negative) / all", "Comments and mentions of the brand; in [-1, 1]."),
    "share_of_voice": ("brand mentions / mentions of all brands in the panel",
                       "Mentions in the period; the panel is the brand and the competitors in the profile."),
    "response_rate": ("answered customer comments / customer comments",
                      "Top-level comments by customers (spam left out) answered by a brand account."),
    "median_minutes": ("median minutes from a comment to the brand's first reply", "Answered comments only."),
    "pagerank": ("weighted PageRank in the interaction network", "Damping 0.85; sums to 1 over accounts."),
    "k_core": ("k-shell number (Kitsak et al. 2010)", "Undirected interaction network."),
    "modularity": ("Louvain modularity of the communities", "Undirected, weighted by interactions."),
    "follower_growth_monthly": ("net new followers / followers at period start", "The brand's accounts."),
}


_KPI_NAMES = {
    "posts": ("Unggahan merek", "Brand posts"), "engagements": ("Total engagement", "Total engagements"),
    "er_reach": ("Engagement rate (reach)", "Engagement rate (reach)"),
    "follower_growth_monthly": ("Pertumbuhan pengikut per bulan", "Monthly follower growth"),
    "net_sentiment": ("Sentimen bersih", "Net sentiment"), "share_of_voice": ("Share of voice", "Share of voice"),
    "response_rate": ("Tingkat respons", "Response rate"),
    "median_response_minutes": ("Median waktu respons (menit)", "Median response time (minutes)"),
}


def kpi_label(name: str, lang: str = "id") -> str:
    """A KPI's name in ``lang`` (the metric dictionary's label, else the report's own, else the name).

    >>> kpi_label("response_rate", "en")
    'Response rate'
    """
    if name in _KPI_NAMES:
        return _KPI_NAMES[name][0 if lang == "id" else 1]
    try:
        from ..media import METRICS

        if name in METRICS:
            return METRICS[name].label(lang)
    except ImportError:
        pass
    return name


def kpi_status(value, target, name: str):
    """True when ``value`` meets ``target`` (at most the target for :data:`LOWER_IS_BETTER`
    KPIs, at least otherwise), None when either is missing."""
    if value is None or target is None or pd.isna(value) or pd.isna(target):
        return None
    return bool(value <= target) if name in LOWER_IS_BETTER else bool(value >= target)


# ----------------------------------------------------------------------------- figures
def _media_value(ctx, metric, which="current"):
    cmp = media_compare(ctx)
    row = cmp[cmp["metric"] == metric]
    return float(row[which].iloc[0]) if len(row) and pd.notna(row[which].iloc[0]) else float("nan")


def _net_sentiment(ctx, which="current"):
    sc = scored_texts(ctx)
    if sc.empty:
        return float("nan")
    from ..conversation import net_sentiment

    s = sc[(sc["period"] == which) & (sc["brand"] == ctx.profile.business_name)]
    if s.empty:
        return float("nan")
    return float(net_sentiment(s)["net_sentiment_excl_neutral"].iloc[0])


def _sov(ctx, which="period"):
    from ..conversation import share_of_voice

    men = ctx.in_period(ctx.frame("mentions"), which)
    if men.empty:
        return float("nan")
    sov = share_of_voice(men, by="brand", profile=ctx.profile)
    row = sov[sov["brand"] == ctx.profile.business_name]
    return float(row["share_of_voice"].iloc[0]) if len(row) else 0.0


#: key figure -> row of :func:`smanalysis.media.compare_periods` it comes from
_MEDIA_FIGURES = {
    "posts": "n_posts", "engagements": "engagements_total", "reach": "reach_total",
    "er_reach": "er_reach_ratio_of_totals", "er_impressions": "er_impressions_ratio_of_totals",
    "er_followers": "er_followers_ratio_of_totals", "virality_rate": "virality_rate_ratio_of_totals",
    "followers_end": "followers_end", "follower_growth_monthly": "follower_growth",
}


def _figures(ctx: EvaluationContext) -> dict:
    """Current and previous values of the KPI-able figures; every getter guarded."""
    nan = float("nan")

    def g(fn, *a):
        try:
            v = fn(*a)
            return float(v) if v is not None and not (isinstance(v, float) and math.isnan(v)) else nan
        except Exception:  # noqa: BLE001 - a figure that cannot be computed is missing
            return nan

    out = {}
    for which, when in (("current", "period"), ("previous", "previous")):
        try:
            care = care_stats(ctx, when)
        except Exception:  # noqa: BLE001
            care = {}
        fig = {key: g(_media_value, ctx, row, which) for key, row in _MEDIA_FIGURES.items()}
        fig.update(net_sentiment=g(_net_sentiment, ctx, which), share_of_voice=g(_sov, ctx, when),
                   response_rate=care.get("response_rate", nan),
                   median_response_minutes=care.get("median_minutes", nan),
                   customer_comments=care.get("comments", nan))
        out[which] = fig
    return out


def figures(ctx: EvaluationContext) -> dict:
    """``{"current": {...}, "previous": {...}}`` key figures of the period; cached."""
    return ctx.cached("figures", lambda: _figures(ctx))


def kpi_table(ctx: EvaluationContext) -> pd.DataFrame:
    """One row per KPI target in the profile: ``kpi``, ``target``, ``current``, ``previous``,
    ``met`` (True/False/None when there is no data)."""
    fig = figures(ctx)
    alias = {"median_minutes": "median_response_minutes", "follower_growth": "follower_growth_monthly",
             "net_sentiment_excl_neutral": "net_sentiment"}
    rows = []
    for name, target in (ctx.profile.kpi_targets or {}).items():
        key = alias.get(name, name)
        cur = fig["current"].get(key, float("nan"))
        prev = fig["previous"].get(key, float("nan"))
        rows.append({"kpi": name, "target": float(target), "current": cur, "previous": prev,
                     "met": kpi_status(cur, target, key)})
    return pd.DataFrame(rows, columns=["kpi", "target", "current", "previous", "met"])


def _fmt_kpi(name, v, lang="id"):
    if v is None or pd.isna(v):
        return "–"
    if "minutes" in name or name in ("posts", "engagements", "reach", "followers_end"):
        return num(v, lang=lang)
    if name == "net_sentiment":
        return signed(v, lang)
    return pct(v, lang=lang)

# ----------------------------------------------------------------------------- execution
def _execution(ctx: EvaluationContext):
    """:func:`smanalysis.plan.execution_summary` of the period's plan rows; None without a plan."""

    def _do():
        plan = ctx.frame("content_plan")
        if plan.empty:
            return None
        from .. import plan as planmod

        rows = ctx.in_period(plan.reset_index(drop=True), col="date")
        if rows.empty:
            return None
        posts = ctx.own(ctx.frame("posts"))
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
        sec.text(t("pseudonymised", lang))
    fig = figures(ctx)
    names = _KPI_NAMES
    head = ("Angka", "Periode ini", "Periode sebelumnya") if lang == "id" else ("Figure", "This period",
                                                                               "Previous period")
    rows = [{head[0]: lab[0 if lang == "id" else 1], head[1]: _fmt_kpi(k, fig["current"].get(k), lang),
             head[2]: _fmt_kpi(k, fig["previous"].get(k), lang)} for k, lab in names.items()
            if pd.notna(fig["current"].get(k, np.nan)) or pd.notna(fig["previous"].get(k, np.nan))]
    if rows:
        sec.table(pd.DataFrame(rows))
    else:
        sec.text(t("no_data", lang, what=t("w_posts", lang)))
    kt = kpi_table(ctx)
    known = kt["met"].notna()
    if known.any():
        sec.text(t("n_kpi_met", lang, met=int(kt.loc[known, "met"].astype(bool).sum()), total=int(known.sum())))
    lines = headline(fig, lang)
    if lines:
        sec.text("\n".join(f"- {x}" for x in lines))
    d = data_summary(ctx)
    if d["files"] is not None:
        words = {tb: t(f"rows_{tb}", lang) for tb in d["rows"]}
        sec.text(t("n_data", lang, files=count(d["files"], lang), rejects=count(d["rejects"] or 0, lang),
                   rows=", ".join(f"{num(n, lang=lang)} {words[tb]}" for tb, n in d["rows"].items() if n)))


def data_summary(ctx: EvaluationContext) -> dict:
    """What was read: ``files``, ``rejects`` (rows the readers could not use) and ``rows`` per
    canonical table (all periods)."""
    files = getattr(ctx.data, "files", None)
    rows = {tb: int(len(ctx.frame(tb))) for tb in ("posts", "comments", "mentions", "interactions", "followers",
                                                    "content_plan")}
    n_files = int(len(files)) if isinstance(files, pd.DataFrame) else None
    rejects = int(pd.to_numeric(files["rejects"], errors="coerce").fillna(0).sum()) \
        if isinstance(files, pd.DataFrame) and "rejects" in files else None
    return {"files": n_files, "rejects": rejects, "rows": rows}


def headline(fig: dict, lang: str = "id") -> list[str]:
    """Plain sentences on what moved between the periods ("Tingkat respons turun dari 53.3% ke 19.9%.").

    Examples
    --------
    >>> headline({"current": {"response_rate": 0.2, "posts": 3}, "previous": {"response_rate": 0.5, "posts": 3}}, "en")
    ['Brand posts stayed at 3.', 'Response rate went down from 50.0% to 20.0%.']
    """
    out = []
    for key, names in _KPI_NAMES.items():
        cur, prev = fig["current"].get(key), fig["previous"].get(key)
        if cur is None or prev is None or pd.isna(cur) or pd.isna(prev):
            continue
        name = names[0 if lang == "id" else 1]
        if np.isclose(cur, prev):
            out.append(t("n_same", lang, name=name, cur=_fmt_kpi(key, cur, lang)))
        else:
            out.append(t("n_up" if cur > prev else "n_down", lang, name=name, prev=_fmt_kpi(key, prev, lang),
                         cur=_fmt_kpi(key, cur, lang)))
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
        sec.text(t("no_source", lang, what=t("w_targets", lang)))
        return
    status = {True: t("kpi_met", lang), False: t("kpi_missed", lang), None: t("kpi_nodata", lang)}
    head = ("KPI", "Target", "Periode ini", "Periode sebelumnya", "Status") if lang == "id" else \
        ("KPI", "Target", "This period", "Previous period", "Status")
    alias = {"median_minutes": "median_response_minutes", "follower_growth": "follower_growth_monthly"}
    sec.table(pd.DataFrame({
        head[0]: [kpi_label(k, lang) for k in kt["kpi"]],
        head[1]: [_fmt_kpi(alias.get(k, k), v, lang) for k, v in zip(kt["kpi"], kt["target"])],
        head[2]: [_fmt_kpi(alias.get(k, k), v, lang) for k, v in zip(kt["kpi"], kt["current"])],
        head[3]: [_fmt_kpi(alias.get(k, k), v, lang) for k, v in zip(kt["kpi"], kt["previous"])],
        head[4]: [status[m if m is None else bool(m)] for m in kt["met"]],
    }))
    ctx.use(*[alias.get(k, k) for k in kt["kpi"]])


@guarded("execution")
def execution_section(ctx: EvaluationContext, sec: Section) -> None:
    """The written plan against what was posted: on time, late, skipped, unplanned."""
    lang = ctx.lang
    ex = _execution(ctx)
    if ex is None or ex.empty:
        sec.text(t("no_source" if ctx.frame("content_plan").empty else "no_data", lang, what=t("w_plan", lang)))
        return
    shown = ex.copy()
    for c in ("execution_rate", "on_time_rate"):
        if c in shown:
            shown[c] = shown[c].map(pct)
    sec.table(shown)
    m = ctx.cache.get("plan_matches")
    if m is not None and not m.empty:
        from .eval_media import _plot

        sub_guard(ctx, sec, "execution.plot", _plot, sec, "plot_execution", m, lang=lang) or \
            sub_guard(ctx, sec, "execution.plot", _plan_plot, sec, m, lang)


def _plan_plot(sec, matches, lang):
    from .. import plan as planmod

    if hasattr(planmod, "plot_execution"):
        sec.figure(planmod.plot_execution(matches, lang=lang))
        return True
    return False

@guarded("definitions")
def definitions_section(ctx: EvaluationContext, sec: Section) -> None:
    """The definitions of the metrics this report used (name, formula, denominator, source)."""
    rows = []
    try:
        from ..media import METRICS
    except ImportError:
        METRICS = {}  # noqa: N806
    for name in ctx.metrics_used:
        m = METRICS.get(name)
        if m is not None:
            rows.append({"metric": name, "label": m.label(ctx.lang), "formula": m.formula,
                         "denominator": m.denominator or "–", "unit": m.unit, "source": m.source})
        elif name in EXTRA_DEFINITIONS:
            f, note = EXTRA_DEFINITIONS[name]
            rows.append({"metric": name, "label": name.replace("_", " "), "formula": f, "denominator": "–",
                         "unit": "", "source": note})
    ctx.cache["definitions"] = rows
    if rows:
        sec.table(pd.DataFrame(rows), max_rows=60)
