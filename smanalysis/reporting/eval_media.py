"""Layer 1 of the evaluation report: media (reach, engagement, timing, growth, competitors).

Every builder takes an :class:`~smanalysis.reporting.sections.EvaluationContext` and returns a
:class:`~smanalysis.reporting.sections.Section`; the numbers come from :mod:`smanalysis.media`.
"""

from __future__ import annotations

import pandas as pd

from .. import formatting as fmt
from ..formatting import change
from ..words import code_label, text
from .eval_figures import figures, media_compare, own_frame, own_post_metrics, post_metrics_of
from .markup import esc
from .sections import EvaluationContext, Section, column_label, fmt_value, guarded, pct, sub_guard

__all__ = ["media_section", "evidence_posts", "best_times_grid", "best_slots", "group_verdicts"]


def _label(metric: str, lang: str) -> str:
    try:
        from ..media import metric_label

        return metric_label(metric, lang=lang)
    except Exception:  # noqa: BLE001 - a name the dictionary does not know: the table header's word
        return column_label(metric, lang)


def evidence_posts(ctx: EvaluationContext) -> pd.DataFrame:
    """The brand's posts of the current and the previous period together (more posts, more
    evidence for format, theme and timing comparisons); cached."""

    def _do():
        pm = own_post_metrics(ctx)
        if pm.empty:
            return pm
        return pm[ctx.mask(pm, "period") | ctx.mask(pm, "previous")]

    return ctx.cached("evidence_posts", _do)


def best_times_grid(ctx: EvaluationContext) -> pd.DataFrame:
    """:func:`smanalysis.media.best_times` of the brand's posts of both periods (2-hour slots, at
    least 2 posts a slot, the 3 best ranked); empty without posts; cached."""
    from ..media import best_times

    def _do():
        ev = evidence_posts(ctx)
        if ev.empty:
            return pd.DataFrame(columns=["weekday", "hour", "n_posts", "median", "mean", "rank", "metric"])
        return best_times(ev, metric="er_reach" if ev["er_reach"].notna().any() else "engagements",
                          min_posts=2, top=3, hour_bin=2, timezone=ctx.tz)

    return ctx.cached("best_times", _do)


def best_slots(ctx: EvaluationContext) -> pd.DataFrame:
    """The ranked rows of :func:`best_times_grid`, best first, with ``slot`` ("Sabtu 18.00–20.00")
    in the report language."""
    bt = best_times_grid(ctx)
    top_rows = bt[bt["rank"].notna()].sort_values("rank").copy()
    top_rows["slot"] = [f"{text(f'weekday.{int(w)}', ctx.lang)} {fmt.time_range(h, int(h) + 2, ctx.lang)}"
                        for w, h in zip(top_rows["weekday"], top_rows["hour"])]
    return top_rows


def group_verdicts(ctx: EvaluationContext, by: str) -> pd.DataFrame:
    """:func:`smanalysis.media.compare_groups` of the brand's posts of both periods by ``by`` (every
    pair of groups, at least 5 posts each), with the plain-language verdict; cached. Empty when the
    column is absent or has a single group."""
    from ..media import compare_groups

    def _do():
        ev = evidence_posts(ctx)
        if ev.empty or by not in ev.columns or ev[by].nunique(dropna=True) < 2:
            return pd.DataFrame()
        metric = "er_reach" if ev["er_reach"].notna().sum() >= 4 else "engagements"
        res = compare_groups(ev, by=by, metric=metric, min_posts=5, lang=ctx.lang, n_boot=1000, seed=0)
        res.attrs["metric"] = metric
        if not res.empty and {"verdict_code", "group_a", "group_b"} <= set(res.columns):
            # the verdict names the groups in the reader's words ("ajakan interaksi", not "engagement")
            worded = res["verdict_code"].isin(["a_higher", "b_higher", "no_clear_difference"])
            res.loc[worded, "verdict"] = [
                text(f"verdict.{c}", ctx.lang, a=code_label("value", str(a), ctx.lang),
                     b=code_label("value", str(b), ctx.lang))
                for c, a, b in zip(res.loc[worded, "verdict_code"], res.loc[worded, "group_a"],
                                   res.loc[worded, "group_b"])]
        return res

    return ctx.cached(f"verdicts_{by}", _do)


def _compare_table(cmp: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The registry's report rows of the period comparison (those with a value), in registry order."""
    from ..media import period_columns

    shown = [*period_columns("posts"), *period_columns("growth")]
    rows = cmp[cmp["metric"].isin(shown)].copy()
    if "scope" in rows:  # the brand total of the follower rows is a sum over the accounts, labelled so
        rows = rows[rows["scope"] != "account"]
    rows = rows[rows[["current", "previous"]].notna().any(axis=1)]
    order = {m: i for i, m in enumerate(shown)}
    rows = rows.sort_values("metric", key=lambda s: s.map(order), kind="stable")
    summed = rows["scope"].eq("sum_of_accounts").to_numpy() if "scope" in rows else [False] * len(rows)
    n_acc = rows["n_accounts"].to_numpy() if "n_accounts" in rows else [0] * len(rows)
    head = [text(f"report.head.{h}", lang) for h in ("metric", "current", "previous", "change", "verdict")]
    out = pd.DataFrame({
        head[0]: [_label(m, lang) + (f" ({text('report.sum_of_accounts', lang, n=int(k))})" if s and k == k else "")
                  for m, s, k in zip(rows["metric"], summed, n_acc)],
        head[1]: [fmt_value(m, v, lang) for m, v in zip(rows["metric"], rows["current"])],
        head[2]: [fmt_value(m, v, lang) for m, v in zip(rows["metric"], rows["previous"])],
        head[3]: [change(v, lang) for v in rows["change_pct"]],
    })
    if "verdict" in rows:
        out[head[4]] = rows["verdict"].fillna("").to_numpy()
    return out


def _with_top_post(spikes: pd.DataFrame, posts: pd.DataFrame, timezone: str) -> pd.DataFrame:
    """Spike days with the caption of that day's most engaging post (what to ask about).

    Examples
    --------
    >>> sp = pd.DataFrame({"date": pd.to_datetime(["2026-10-17"]), "value": [900.0]})
    >>> posts = pd.DataFrame({"created_at": pd.to_datetime(["2026-10-17 05:00", "2026-10-17 06:00"], utc=True),
    ...                       "engagements": [100.0, 800.0], "caption": ["biasa", "Giveaway ulang tahun"]})
    >>> _with_top_post(sp, posts, "Asia/Jakarta")["top_post"].tolist()
    ['Giveaway ulang tahun']
    """
    if posts.empty or "caption" not in posts:
        return spikes
    day = posts["created_at"].dt.tz_convert(timezone).dt.tz_localize(None).dt.normalize()
    best = posts.assign(_day=day).sort_values("engagements", ascending=False).drop_duplicates("_day")
    captions = fmt.shorten(best.set_index("_day")["caption"], 100)
    keep = [c for c in ("date", "value", "baseline") if c in spikes.columns]
    out = spikes[keep].assign(top_post=pd.to_datetime(spikes["date"]).dt.normalize().map(captions).to_numpy())
    return out.reset_index(drop=True)


def add_plot(sec: Section, name: str, *args, **kwargs) -> bool:
    """Add ``smanalysis.plotting.<name>(*args, **kwargs)`` when that plot exists."""
    try:
        from .. import plotting
    except Exception:  # noqa: BLE001
        return False
    fn = getattr(plotting, name, None)
    if fn is None:
        return False
    ax = fn(*args, **kwargs)
    sec.figure(ax)
    return True


@guarded("media")
def media_section(ctx: EvaluationContext, sec: Section) -> None:
    """Layer 1: the period against the previous one, engagement over time, formats and themes
    with intervals and verdicts, best times, follower growth, competitors, top posts, spikes."""
    from .. import media

    lang = ctx.lang
    posts = ctx.frame("posts")
    own_all = own_frame(ctx, "posts")
    cur = ctx.in_period(own_all)
    sec.text(ctx.period_text())
    if cur.empty:
        sec.text(text("report.no_data", lang, what=text("report.w_posts", lang)))
        return
    fig = figures(ctx)
    sec.text(text("report.n_posts", lang, n=fmt_value("n_posts", fig["current"]["n_posts"], lang),
                  prev=fmt_value("n_posts", fig["previous"]["n_posts"], lang)))
    pm = post_metrics_of(ctx)
    own_pm = own_post_metrics(ctx)
    fol = ctx.frame("followers")
    own_fol = own_frame(ctx, "followers")
    ctx.use(*[n for n, m in media.METRICS.items() if m.report and m.table in ("posts", "growth")])

    sec.heading(text("report.h_compare", lang))
    cmp = sub_guard(ctx, sec, "media.compare", media_compare, ctx)
    if cmp is not None:
        sec.table(_compare_table(cmp, lang))

    sec.heading(text("report.h_trend", lang))
    recent = own_pm[own_pm["created_at"] >= pd.Timestamp(ctx.period[0]).tz_localize(ctx.tz) - pd.Timedelta(days=150)]
    sub_guard(ctx, sec, "media.trend", lambda: add_plot(sec, "plot_engagement_over_time", recent, freq="week",
                                                     by="platform", lang=lang, timezone=ctx.tz))

    sec.heading(text("report.h_formats", lang))
    sec.text(text("report.n_small", lang))
    for by in ("format", "theme"):
        v = sub_guard(ctx, sec, f"media.{by}", group_verdicts, ctx, by)
        if v is None or v.empty:
            continue
        metric = v.attrs.get("metric", "er_reach")
        if not sub_guard(ctx, sec, f"media.plot_{by}", lambda by=by, metric=metric: add_plot(
                sec, "plot_rates", evidence_posts(ctx), by=by, metric=metric, lang=lang)):
            sub_guard(ctx, sec, f"media.interval_{by}", lambda by=by, metric=metric: sec.table(
                media.bootstrap_interval(evidence_posts(ctx), by=by, metric=metric, seed=0)))
        clear = v[v["verdict_code"].isin(["a_higher", "b_higher"])]
        if clear.empty:
            sec.text(text("report.n_noclear", lang, what=text(f"report.w_{by}", lang)))
        else:
            sec.text("\n".join(f"- {esc(x)}" for x in clear["verdict"].head(6)))

    sec.heading(text("report.h_times", lang))
    slots = sub_guard(ctx, sec, "media.best_times", best_slots, ctx)
    no_time = best_times_grid(ctx).attrs.get("date_only_posts", 0) if slots is not None else 0
    if no_time:
        sec.text(text("report.date_only", lang, n=no_time))
    if slots is not None and not slots.empty:
        sec.text(text("report.n_best_slot", lang, slots="; ".join(slots["slot"])))
        sub_guard(ctx, sec, "media.plot_best_times", add_plot, sec, "plot_best_times", best_times_grid(ctx), lang=lang)

    if not own_fol.empty:
        sec.heading(text("report.h_growth", lang))
        g = sub_guard(ctx, sec, "media.growth", media.period_growth, own_fol, period=ctx.period)
        if g is not None and not g.empty:
            ctx.cache["media_growth"] = g
            sec.table(g, units={"follower_growth": "ratio", "follower_growth_monthly": "ratio"})
        sub_guard(ctx, sec, "media.plot_growth", lambda: add_plot(sec, "plot_follower_growth", own_fol, freq="week",
                                                               lang=lang))

    if ctx.profile.competitors:
        sec.heading(text("report.h_benchmark", lang))
        b = sub_guard(ctx, sec, "media.benchmark", media.benchmark, pm, profile=ctx.profile,
                      followers=fol if not fol.empty else None, period=ctx.period)
        if b is not None and not b.empty:
            ctx.cache["media_benchmark"] = b
            keep = [c for c in ("platform", "account", "brand", "n_posts", "posts_per_week", "engagements_median",
                                "er_followers_ratio_of_totals", "er_reach_ratio_of_totals", "top_format",
                                "top_theme", "follower_growth") if c in b.columns]
            shown = b[keep].rename(columns={c: _label(c, lang) for c in keep if c.startswith("er_")})
            sec.table(shown, units={**{_label(c, lang): "ratio" for c in keep if c.startswith("er_")},
                                    "follower_growth": "ratio"})
            sub_guard(ctx, sec, "media.plot_benchmark", add_plot, sec, "plot_benchmark", b, lang=lang)

    sec.heading(text("report.h_top", lang))
    cur_pm = own_pm[ctx.mask(own_pm)]
    top = sub_guard(ctx, sec, "media.top_posts", media.top_posts, cur_pm,
                    metric="er_reach" if cur_pm["er_reach"].notna().any() else "engagements", n=5)
    if top is not None and not top.empty:
        keep = [c for c in ("rank", "platform", "created_at", "format", "theme", "caption", "engagements", "reach",
                            "er_reach") if c in top.columns]
        shown = top[keep].copy()
        if "caption" in shown:
            shown["caption"] = fmt.shorten(shown["caption"], 100)
        if "er_reach" in shown:
            shown["er_reach"] = shown["er_reach"].map(lambda v: pct(v, lang=lang))
        sec.table(shown)

    sp = sub_guard(ctx, sec, "media.spikes", media.spikes, own_pm[ctx.mask(own_pm) | ctx.mask(own_pm, "previous")],
                   metric="engagements", timezone=ctx.tz)
    if sp is not None and not sp.empty:
        sp = sp[(pd.to_datetime(sp["date"]) >= ctx.period[0]) & (pd.to_datetime(sp["date"]) <= ctx.period[1])]
        if not sp.empty:
            sec.heading(text("report.h_spikes", lang))
            sec.text(text("report.n_spikes", lang))
            sec.table(_with_top_post(sp.head(5), own_pm, ctx.tz))
