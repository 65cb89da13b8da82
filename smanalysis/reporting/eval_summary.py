"""The report's frame: summary, profile, KPIs against targets, plan execution, recommendations,
the draft next plan, metric definitions, and ``metrics.json`` (:func:`key_metrics`).

Examples
--------
>>> kpi_status(0.06, 0.05, "er_reach"), kpi_status(75, 60, "median_response_minutes")
(True, False)
>>> next_period((pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")))
(Timestamp('2026-11-01 00:00:00'), Timestamp('2026-11-30 00:00:00'))
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .eval_conversation import _no_na_sentiment, care_stats, recurring_complaints, scored_texts
from .eval_media import best_slots, evidence_posts, group_verdicts, post_metrics_of
from .eval_network import micro_influencers, network_overview
from .i18n import esc, t
from .sections import EvaluationContext, Section, guarded, num, pct, sub_guard

__all__ = [
    "overview_section", "profile_section", "kpi_section", "execution_section", "recommendations_section",
    "next_plan_section", "definitions_section", "kpi_table", "kpi_label", "figures", "recommendations", "key_metrics",
    "write_key_metrics", "kpi_status", "next_period", "LOWER_IS_BETTER", "EXTRA_DEFINITIONS",
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


def next_period(period):
    """The period just after ``period``: the next calendar month for a whole month, else the
    equal-length run of days from the day after its end."""
    start, end = pd.Timestamp(period[0]).normalize(), pd.Timestamp(period[1]).normalize()
    if start.day == 1 and end == (start + pd.offsets.MonthEnd(0)).normalize():
        p = start.to_period("M") + 1
        return p.start_time.normalize(), p.end_time.normalize()
    days = (end - start).days + 1
    return end + pd.Timedelta(days=1), end + pd.Timedelta(days=days)


# ----------------------------------------------------------------------------- figures
def _media_value(ctx, metric, which="current"):
    cmp = ctx.cache.get("media_compare")
    if cmp is None:
        from ..media import compare_periods

        own = ctx.own(post_metrics_of(ctx))
        if own.empty:
            return float("nan")
        fol = ctx.frame("followers")
        fol = fol[fol["account"].astype(str).str.lower().isin({h.lower() for h in ctx.profile.brand_handles})] \
            if not fol.empty else fol
        cmp = compare_periods(own, current=ctx.period, previous=ctx.previous,
                              followers=fol if not fol.empty else None, timezone=ctx.tz)
        ctx.cache["media_compare"] = cmp
    row = cmp[cmp["metric"] == metric]
    return float(row[which].iloc[0]) if len(row) and pd.notna(row[which].iloc[0]) else float("nan")


def _net_sentiment(ctx, which="current"):
    sc = scored_texts(ctx)
    if sc.empty:
        return float("nan")
    s = sc[(sc["period"] == which) & (sc["brand"] == ctx.profile.business_name)]
    pos, neg = int((s["label"] == "positive").sum()), int((s["label"] == "negative").sum())
    return (pos - neg) / (pos + neg) if pos + neg else float("nan")


def _sov(ctx, which="period"):
    from ..conversation import share_of_voice

    men = ctx.in_period(ctx.frame("mentions"), which)
    if men.empty:
        return float("nan")
    sov = share_of_voice(_no_na_sentiment(men), by="brand", profile=ctx.profile)
    row = sov[sov["brand"] == ctx.profile.business_name]
    return float(row["share_of_voice"].iloc[0]) if len(row) else 0.0


def _figures(ctx: EvaluationContext) -> dict:
    """Current (and previous) values of the KPI-able figures; every getter guarded."""

    def g(fn, *a):
        try:
            v = fn(*a)
            return float(v) if v is not None and not (isinstance(v, float) and math.isnan(v)) else float("nan")
        except Exception:  # noqa: BLE001 - a figure that cannot be computed is missing
            return float("nan")

    care = {}
    try:
        care = care_stats(ctx)
    except Exception:  # noqa: BLE001
        care = {}
    cur = {
        "posts": g(_media_value, ctx, "n_posts"),
        "engagements": g(_media_value, ctx, "engagements_total"),
        "reach": g(_media_value, ctx, "reach_total"),
        "er_reach": g(_media_value, ctx, "er_reach_ratio_of_totals"),
        "er_impressions": g(_media_value, ctx, "er_impressions_ratio_of_totals"),
        "er_followers": g(_media_value, ctx, "er_followers_ratio_of_totals"),
        "virality_rate": g(_media_value, ctx, "virality_rate_ratio_of_totals"),
        "followers_end": g(_media_value, ctx, "followers_end"),
        "follower_growth_monthly": g(_media_value, ctx, "follower_growth"),
        "net_sentiment": g(_net_sentiment, ctx, "current"),
        "share_of_voice": g(_sov, ctx, "period"),
        "response_rate": care.get("response_rate", float("nan")),
        "median_response_minutes": care.get("median_minutes", float("nan")),
        "customer_comments": care.get("comments", float("nan")),
    }
    prev = {
        "posts": g(_media_value, ctx, "n_posts", "previous"),
        "engagements": g(_media_value, ctx, "engagements_total", "previous"),
        "reach": g(_media_value, ctx, "reach_total", "previous"),
        "er_reach": g(_media_value, ctx, "er_reach_ratio_of_totals", "previous"),
        "er_impressions": g(_media_value, ctx, "er_impressions_ratio_of_totals", "previous"),
        "er_followers": g(_media_value, ctx, "er_followers_ratio_of_totals", "previous"),
        "virality_rate": g(_media_value, ctx, "virality_rate_ratio_of_totals", "previous"),
        "followers_end": g(_media_value, ctx, "followers_end", "previous"),
        "follower_growth_monthly": g(_media_value, ctx, "follower_growth", "previous"),
        "net_sentiment": g(_net_sentiment, ctx, "previous"),
        "share_of_voice": g(_sov, ctx, "previous"),
    }
    return {"current": cur, "previous": prev}


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


def _fmt_kpi(name, v):
    if v is None or pd.isna(v):
        return "–"
    if "minutes" in name or name in ("posts", "engagements", "reach", "followers_end"):
        return num(v)
    if name == "net_sentiment":
        return f"{v:+.2f}"
    return pct(v)


# ----------------------------------------------------------------------------- recommendations
def recommendations(ctx: EvaluationContext) -> list[dict]:
    """Recommendations that feed the next plan, each ``{"kind", "text"}`` in ``ctx.lang``:
    best slots, formats/themes that work or not (only with enough evidence), micro-influencers
    to approach, recurring complaints, customer care and plan discipline; cached."""
    return ctx.cached("recommendations", lambda: _recommendations(ctx))


def _keep_stop(v: pd.DataFrame):
    """Groups that win at least one clear comparison and never lose one (keep) and groups that
    lose at least one and never win (stop)."""
    if v.empty or "verdict_code" not in v:
        return [], []
    win = v[v["verdict_code"] == "a_higher"]
    lose_b = v[v["verdict_code"] == "b_higher"]
    winners = set(win["group_a"]) | set(lose_b["group_b"])
    losers = set(win["group_b"]) | set(lose_b["group_a"])
    keep = sorted(winners - losers, key=str)
    stop = sorted(losers - winners, key=str)

    def verdict(g):
        rows = v[((v["group_a"] == g) | (v["group_b"] == g)) & v["verdict_code"].isin(["a_higher", "b_higher"])]
        return str(rows["verdict"].iloc[0]) if len(rows) else ""

    return [(g, verdict(g)) for g in keep], [(g, verdict(g)) for g in stop]


def _recommendations(ctx):
    lang, out = ctx.lang, []

    def add(kind, fn):
        try:
            fn()
        except Exception as err:  # noqa: BLE001 - a missing layer means one recommendation fewer
            ctx.problems.append({"section": f"recommendations.{kind}", "error": f"{type(err).__name__}: {err}"})

    def slots():
        s = best_slots(ctx)
        if not s.empty:
            out.append({"kind": "slots", "text": t("r_slots", lang, slots="; ".join(s["slot"]))})

    def groups():
        found = False
        for by in ("format", "theme", "content_type"):
            keep, stop = _keep_stop(group_verdicts(ctx, by))
            what = t(f"w_{by}", lang)
            for g, verdict in keep:
                found = True
                out.append({"kind": f"keep_{by}", "name": str(g),
                            "text": t("r_keep", lang, what=what, name=esc(g), verdict=esc(verdict))})
            for g, verdict in stop:
                found = True
                out.append({"kind": f"stop_{by}", "name": str(g),
                            "text": t("r_stop", lang, what=what, name=esc(g), verdict=esc(verdict))})
        if not found and not evidence_posts(ctx).empty:
            out.append({"kind": "no_evidence", "text": t("r_noevidence", lang)})

    def influencers():
        sl = micro_influencers(ctx)
        if not sl.empty:
            who = ", ".join(esc(n) for n in sl["node"].astype(str).head(3))
            out.append({"kind": "influencers", "names": sl["node"].astype(str).head(3).tolist(),
                        "text": t("r_influencer", lang, who=who)})

    def complaints():
        rc = recurring_complaints(ctx)
        for topic, n in zip(rc["topic"], rc["complaints"]):
            out.append({"kind": "complaint", "name": str(topic),
                        "text": t("r_complaint", lang, topic=esc(topic), n=int(n))})

    def care():
        st = care_stats(ctx)
        target = (ctx.profile.kpi_targets or {}).get("response_rate", 0.9)
        rate = st.get("response_rate", float("nan")) if st else float("nan")
        if pd.notna(rate) and rate < target:
            out.append({"kind": "care", "text": t("r_care", lang, rate=pct(rate), target=pct(target))})

    def plan():
        ex = ctx.cache.get("execution") if "execution" in ctx.cache else _execution(ctx)
        if ex is not None and not ex.empty:
            row = ex.iloc[0]
            if row.get("skipped", 0) and row.get("planned", 0):
                out.append({"kind": "plan", "text": t("r_plan", lang, skipped=int(row["skipped"]),
                                                       planned=int(row["planned"]))})

    for kind, fn in (("slots", slots), ("groups", groups), ("influencers", influencers),
                     ("complaints", complaints), ("care", care), ("plan", plan)):
        add(kind, fn)
    return out


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
    rows = [{head[0]: lab[0 if lang == "id" else 1], head[1]: _fmt_kpi(k, fig["current"].get(k)),
             head[2]: _fmt_kpi(k, fig["previous"].get(k))} for k, lab in names.items()
            if pd.notna(fig["current"].get(k, np.nan)) or pd.notna(fig["previous"].get(k, np.nan))]
    if rows:
        sec.table(pd.DataFrame(rows))
    else:
        sec.text(t("no_data", lang, what=t("w_posts", lang)))
    kt = kpi_table(ctx)
    known = kt["met"].notna()
    if known.any():
        sec.text(t("n_kpi_met", lang, met=int(kt.loc[known, "met"].astype(bool).sum()), total=int(known.sum())))


@guarded("profile")
def profile_section(ctx: EvaluationContext, sec: Section) -> None:
    """Who the business is and what it wants (the fact-finding profile)."""
    try:
        from ..factfinding import profile_summary

        sec.table(profile_summary(ctx.profile, lang=ctx.lang), max_rows=40)
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
        head[1]: [_fmt_kpi(alias.get(k, k), v) for k, v in zip(kt["kpi"], kt["target"])],
        head[2]: [_fmt_kpi(alias.get(k, k), v) for k, v in zip(kt["kpi"], kt["current"])],
        head[3]: [_fmt_kpi(alias.get(k, k), v) for k, v in zip(kt["kpi"], kt["previous"])],
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


@guarded("recommendations")
def recommendations_section(ctx: EvaluationContext, sec: Section) -> None:
    """What to do next period, from this period's evidence."""
    recs = recommendations(ctx)
    sec.text("\n".join(f"- {r['text']}" for r in recs) if recs else t("r_none", ctx.lang))


def _draft_inputs(ctx):
    """Slots and themes for :func:`smanalysis.plan.draft_next_plan` from the evidence."""
    ev = evidence_posts(ctx)
    platforms = sorted(set(ev["platform"].dropna().astype(str))) if not ev.empty else []
    platforms = platforms or [p for p in ctx.profile.platforms if p in ctx.profile.own_accounts] or \
        list(ctx.profile.own_accounts)
    s = best_slots(ctx)
    if s.empty:
        base = pd.DataFrame({"weekday": [1, 3, 5], "hour": [12, 19, 19]})
    else:
        base = s[["weekday", "hour"]].astype(int)
    slots = pd.concat([base.assign(platform=p) for p in platforms], ignore_index=True)
    recs = recommendations(ctx)
    avoid = [r["name"] for r in recs if r["kind"] == "stop_theme"]
    keep = [r["name"] for r in recs if r["kind"] == "keep_theme"]
    plan = ctx.frame("content_plan")
    src = plan if not plan.empty else ev
    if src.empty or "theme" not in src or src["theme"].dropna().empty:
        themes = pd.DataFrame({"theme": ["menu", "promo"], "content_type": ["education", "promo"]})
    else:
        ct = src.dropna(subset=["theme"]).groupby("theme")["content_type"].agg(
            lambda s: s.dropna().mode().iloc[0] if s.notna().any() else "other")
        order = list(dict.fromkeys(keep + ct.index.astype(str).tolist()))
        if not ev.empty and "theme" in ev and ev["theme"].notna().any():
            perf = ev.groupby("theme")["engagements"].median().sort_values(ascending=False)
            order = list(dict.fromkeys(keep + perf.index.astype(str).tolist() + order))
        themes = pd.DataFrame({"theme": order, "content_type": [ct.get(x, "other") for x in order]})
        themes["reason"] = ["evaluation: keep" if x in keep else "" for x in order]
    own = ctx.own(ctx.frame("posts"))
    cur = own[ctx.mask(own)] if not own.empty else own
    weeks = max(((ctx.period[1] - ctx.period[0]).days + 1) / 7, 1)
    per_week = int(np.clip(round(len(cur) / weeks / max(len(platforms), 1)) if len(cur) else 3, 1, 7))
    return slots, themes, per_week, avoid


@guarded("next_plan")
def next_plan_section(ctx: EvaluationContext, sec: Section, *, filename: str = "next_plan.csv") -> None:
    """Write the draft content plan for the next period (``next_plan.csv`` in the output folder)
    from the best slots, the themes that work, and the themes to stop."""
    from ..plan import draft_next_plan

    lang = ctx.lang
    start, end = next_period(ctx.period)
    slots, themes, per_week, avoid = _draft_inputs(ctx)
    draft = draft_next_plan(start, end, slots=slots, themes=themes, per_week=per_week, avoid=avoid, lang=lang)
    path = Path(ctx.output_dir) / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    out = draft.copy()
    if "date" in out:
        out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    out.to_csv(path, index=False)
    ctx.cache["next_plan"] = draft
    sec.text(t("n_plan_written", lang, file=filename, n=len(draft)))
    keep = [c for c in ("date", "time", "platform", "theme", "content_type", "format", "caption") if c in out]
    sec.table(out[keep], max_rows=12)


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


# ----------------------------------------------------------------------------- metrics.json
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


def key_metrics(ctx: EvaluationContext) -> dict:
    """The report's key figures for machines (dashboards, spreadsheets).

    Returns
    -------
    dict
        ``client``, ``slug``, ``period`` and ``previous`` (``start``/``end``), ``lang``,
        ``pseudonymised``, ``figures`` (``current``/``previous``: posts, engagements, reach,
        er_reach, follower_growth_monthly, net_sentiment, share_of_voice, response_rate,
        median_response_minutes...), ``kpis`` (one entry per target), ``execution`` (plan
        counts), ``network`` (overview figures), ``recommendations`` (texts), ``unanswered``
        (count), ``definitions`` and ``problems`` (sections that could not be computed).
        Missing values are ``null``.
    """
    st = ctx.settings
    ex = None
    try:
        ex = _execution(ctx)
    except Exception:  # noqa: BLE001
        ex = None
    try:
        net = network_overview(ctx)
    except Exception:  # noqa: BLE001
        net = {}
    una = ctx.cache.get("unanswered")
    res = {
        "client": st.get("client"),
        "slug": st.get("slug"),
        "period": {"start": ctx.period[0], "end": ctx.period[1]},
        "previous": {"start": ctx.previous[0], "end": ctx.previous[1]},
        "lang": ctx.lang,
        "pseudonymised": bool(st.get("pseudonymise")),
        "figures": figures(ctx),
        "kpis": kpi_table(ctx).to_dict(orient="records"),
        "execution": ex.iloc[0].drop(labels=[c for c in ("note",) if c in ex.columns]).to_dict()
        if ex is not None and not ex.empty else None,
        "network": {k: net[k] for k in ("nodes", "edges", "interactions", "density", "modularity") if k in net}
        or None,
        "unanswered": int(len(una)) if una is not None else None,
        "recommendations": [{"kind": r["kind"], "text": _plain(r["text"])} for r in recommendations(ctx)],
        "definitions": {r["metric"]: r["formula"] for r in ctx.cache.get("definitions", [])},
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
