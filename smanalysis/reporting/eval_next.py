"""Recommendations for the next period and the draft content plan they feed.

Only what the evidence supports is recommended: best slots, formats, themes and content types
that win (or lose) a comparison at 95%, micro-influencers to approach, recurring complaints,
customer care and plan discipline.

Examples
--------
>>> import pandas as pd
>>> next_period((pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")))
(Timestamp('2026-11-01 00:00:00'), Timestamp('2026-11-30 00:00:00'))
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .. import formatting as F
from ..ratios import divide
from ..spreadsheet import write_table
from .eval_conversation import recurring_complaints
from .eval_media import best_slots, evidence_posts, group_verdicts
from .eval_network import micro_influencers
from .eval_summary import execution_table
from .eval_figures import figures, own_frame
from ..words import code_label, text
from .markup import esc
from .sections import EvaluationContext, Section, fmt_value, guarded

__all__ = ["recommendations", "recommendations_section", "next_plan_section", "next_period", "stagger"]


def next_period(period):
    """The period just after ``period``: the next calendar month for a whole month, else the
    equal-length run of days from the day after its end."""
    start, end = pd.Timestamp(period[0]).normalize(), pd.Timestamp(period[1]).normalize()
    if start.day == 1 and end == (start + pd.offsets.MonthEnd(0)).normalize():
        p = start.to_period("M") + 1
        return p.start_time.normalize(), p.end_time.normalize()
    days = (end - start).days + 1
    return end + pd.Timedelta(days=1), end + pd.Timedelta(days=days)


def recommendations(ctx: EvaluationContext) -> list[dict]:
    """Recommendations that feed the next plan, each ``{"kind", "text"}`` in ``ctx.lang``:
    best slots, formats/themes that work or not (only with enough evidence), micro-influencers
    to approach, recurring complaints, customer care and plan discipline; cached."""
    return ctx.cached("recommendations", lambda: _recommendations(ctx))


def _plain_verdict(verdict: str) -> str:
    """A verdict without its confidence level, for an owner ("a lebih tinggi daripada b (95%)" ->
    "a lebih tinggi daripada b").

    >>> _plain_verdict("reel lebih tinggi daripada foto (95%)")
    'reel lebih tinggi daripada foto'
    """
    import re

    return re.sub(r"\s*\(\s*9[059]\s*%\s*\)\s*$", "", str(verdict))


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
            out.append({"kind": "slots", "text": text("report.r_slots", lang, slots="; ".join(s["slot"]))})

    def groups():
        found = False
        for by in ("format", "theme", "content_type"):
            keep, stop = _keep_stop(group_verdicts(ctx, by))
            what = text(f"report.w_{by}", lang)
            for g, verdict in keep:
                found = True
                out.append({"kind": f"keep_{by}", "name": str(g),
                            "text": text("report.r_keep", lang, what=what, name=esc(code_label("value", g, lang)),
                                         verdict=esc(_plain_verdict(verdict)))})
            for g, verdict in stop:
                found = True
                out.append({"kind": f"stop_{by}", "name": str(g),
                            "text": text("report.r_stop", lang, what=what, name=esc(code_label("value", g, lang)),
                                         verdict=esc(_plain_verdict(verdict)))})
        if not found and not evidence_posts(ctx).empty:
            out.append({"kind": "no_evidence", "text": text("report.r_noevidence", lang)})

    def influencers():
        sl = micro_influencers(ctx)
        if not sl.empty:
            who = ", ".join(esc(n) for n in sl["node"].astype(str).head(3))
            hint = text("report.r_pseudo_hint", lang) if ctx.settings.get("pseudonymise") else ""
            out.append({"kind": "influencers", "names": sl["node"].astype(str).head(3).tolist(),
                        "text": text("report.r_influencer", lang, who=who) + hint})

    def complaints():
        rc = recurring_complaints(ctx)
        for topic, n in zip(rc["topic"], rc["complaints"]):
            out.append({"kind": "complaint", "name": str(topic),
                        "text": text("report.r_complaint", lang, topic=esc(topic), n=int(n))})

    def care():
        from ..media import METRICS, resolve_metric

        name = "reply_rate_questions"
        targets = ctx.profile.kpi_targets or {}
        target = next((float(v) for k, v in targets.items() if getattr(resolve_metric(k), "name", "") == name), 0.9)
        rate = figures(ctx)["current"].get(name, float("nan"))
        if pd.notna(rate) and rate < target:
            out.append({"kind": "care", "text": text("report.r_care", lang, label=METRICS[name].label(lang).lower(),
                                                     rate=fmt_value(name, rate, lang), target=fmt_value(name, target, lang))})

    def plan():
        ex = execution_table(ctx)
        if ex is not None and not ex.empty:
            row = ex.iloc[0]
            if row.get("skipped", 0) and row.get("planned", 0):
                out.append({"kind": "plan", "text": text("report.r_plan", lang, skipped=int(row["skipped"]),
                                                       planned=int(row["planned"]))})

    for kind, fn in (("slots", slots), ("groups", groups), ("influencers", influencers),
                     ("complaints", complaints), ("care", care), ("plan", plan)):
        add(kind, fn)
    return out


@guarded("recommendations")
def recommendations_section(ctx: EvaluationContext, sec: Section) -> None:
    """What to do next period, from this period's evidence."""
    recs = recommendations(ctx)
    sec.text("\n".join(f"- {r['text']}" for r in recs) if recs else text("report.r_none", ctx.lang))


def _slots_per_platform(ev: pd.DataFrame, base: pd.DataFrame, platforms: list) -> pd.DataFrame:
    """Best two-hour slots of each platform from its own posts (median engagement, 2+ posts a
    slot), the overall best slots after them; best first. Posts with a date but no time of day
    (:func:`smanalysis.media.date_only`) say nothing about the hour and are left out."""
    from ..media import date_only

    rows = []
    if not ev.empty and {"platform", "created_at", "engagements"} <= set(ev.columns):
        ev = ev[~date_only(ev, timezone=ev.attrs.get("tz", "Asia/Jakarta"))]
    if not ev.empty and {"platform", "created_at", "engagements"} <= set(ev.columns):
        local = ev["created_at"].dt.tz_convert(ev.attrs.get("tz", "Asia/Jakarta")) \
            if isinstance(ev["created_at"].dtype, pd.DatetimeTZDtype) else ev["created_at"]
        g = ev.assign(weekday=local.dt.dayofweek, hour=(local.dt.hour // 2) * 2)
        med = g.groupby(["platform", "weekday", "hour"])["engagements"].agg(["median", "size"]).reset_index()
        med = med[med["size"] >= 2].sort_values(["platform", "median"], ascending=[True, False])
        rows.append(med[["platform", "weekday", "hour"]])
    rows.append(pd.concat([base.assign(platform=p) for p in platforms], ignore_index=True))
    out = pd.concat(rows, ignore_index=True)
    out = out[out["platform"].isin(platforms)].astype({"weekday": int, "hour": int})
    # the overall best slot goes first on every platform, as the recommendation says
    top = base.head(1).merge(pd.DataFrame({"platform": platforms}), how="cross")
    return pd.concat([top, out], ignore_index=True).drop_duplicates(["platform", "weekday"])


def _draft_inputs(ctx):
    """Slots, themes, posts per week, themes to avoid and the promo ceiling for
    :func:`smanalysis.plan.draft_next_plan`, following :func:`recommendations`: stopped themes and
    content types are left out (a stopped promo is halved under the ceiling instead), the kept
    theme fills every other post, the best slot comes first on each platform."""
    from ..factfinding import PROMO_CEILING

    ev = evidence_posts(ctx)
    ev.attrs["tz"] = ctx.tz
    platforms = sorted(set(ev["platform"].dropna().astype(str))) if not ev.empty else []
    platforms = platforms or [p for p in ctx.profile.platforms if p in ctx.profile.own_accounts] or \
        list(ctx.profile.own_accounts)
    s = best_slots(ctx)
    base = pd.DataFrame({"weekday": [1, 3, 5], "hour": [12, 19, 19]}) if s.empty else s[["weekday", "hour"]].astype(int)
    slots = _slots_per_platform(ev, base, platforms)
    recs = recommendations(ctx)
    avoid = [r["name"] for r in recs if r["kind"] == "stop_theme"]
    keep = [r["name"] for r in recs if r["kind"] == "keep_theme"]
    stop_types = {r["name"] for r in recs if r["kind"] == "stop_content_type"}
    ceiling = PROMO_CEILING / 2 if "promo" in stop_types else PROMO_CEILING
    plan = ctx.frame("content_plan")
    src = plan if not plan.empty else ev
    if src.empty or "theme" not in src or src["theme"].dropna().empty:
        # no themes anywhere: one theme per kind of content, useful content first
        kinds = [k for k in ["education", "engagement", "inspiration", "promo"] if k not in stop_types - {"promo"}]
        themes = pd.DataFrame({"theme": kinds, "content_type": kinds})
    else:
        ct = src.dropna(subset=["theme"]).groupby("theme")["content_type"].agg(
            lambda s: s.dropna().mode().iloc[0] if s.notna().any() else "other")
        order = list(dict.fromkeys(keep + ct.index.astype(str).tolist()))
        if not ev.empty and "theme" in ev and ev["theme"].notna().any():
            perf = ev.groupby("theme")["engagements"].median().sort_values(ascending=False)
            order = list(dict.fromkeys(keep + perf.index.astype(str).tolist() + order))
        order = [x for x in order if x in keep or ct.get(x, "other") not in stop_types - {"promo"}]
        others = [x for x in order if x not in keep]
        if keep:  # the kept theme(s) every other post
            mixed = []
            for j, x in enumerate(others or keep):
                mixed += [keep[j % len(keep)], x]
            order = mixed
        reason = text("report.keep_theme", ctx.lang)
        themes = pd.DataFrame({"theme": order, "content_type": [ct.get(x, "other") for x in order],
                               "reason": [reason if x in keep else "" for x in order]})
        themes = themes.merge(_hints(ev), on="theme", how="left")
    own = own_frame(ctx, "posts")
    cur = own[ctx.mask(own)] if not own.empty else own
    from ..media import METRICS

    days = max((ctx.period[1] - ctx.period[0]).days + 1, 7)  # the registry's posts per week, over a week at least
    ppw = float(METRICS["posts_per_week"].ratio(len(cur), days))
    per_week = int(np.clip(round(divide(ppw, max(len(platforms), 1), func="next_plan", name="posts per week and platform"))
                           if len(cur) else 3, 1, 7))
    return slots, themes, per_week, avoid, ceiling


def _hints(ev: pd.DataFrame) -> pd.DataFrame:
    """Per theme, the format and hashtags of its most engaging post (what worked, to reuse)."""
    cols = ["theme", "format", "hashtags"]
    if ev.empty or "theme" not in ev or "engagements" not in ev:
        return pd.DataFrame(columns=cols)
    best = ev.dropna(subset=["theme"]).sort_values("engagements", ascending=False).drop_duplicates("theme")
    out = pd.DataFrame({"theme": best["theme"].astype(str)})
    out["format"] = best["format"].astype(object).where(best["format"].notna(), None) if "format" in best else None
    out["hashtags"] = best["hashtags"].astype(object).where(best["hashtags"].notna(), None) \
        if "hashtags" in best else None
    return out.reset_index(drop=True)


def stagger(plan: pd.DataFrame, *, minutes: int = 20) -> pd.DataFrame:
    """A copy of ``plan`` where rows of different platforms on the same day and time are spread
    ``minutes`` apart (an admin cannot post everywhere at once; followers of two platforms do
    not get the same post at the same minute).

    >>> p = pd.DataFrame({"date": ["2026-11-03"] * 3, "time": ["16:00"] * 3, "platform": ["ig", "tt", "x"]})
    >>> stagger(p)["time"].tolist()
    ['16:00', '16:20', '16:40']
    """
    out = plan.copy()
    if out.empty or "time" not in out:
        return out
    k = out.groupby(["date", "time"], dropna=False).cumcount()
    t0 = pd.to_datetime(out["time"], format="%H:%M", errors="coerce")
    shifted = (t0 + pd.to_timedelta(k * minutes, unit="min")).dt.strftime("%H:%M")
    out["time"] = shifted.where(t0.notna(), out["time"])
    return out


@guarded("next_plan")
def next_plan_section(ctx: EvaluationContext, sec: Section, *, filename: str = "next_plan.csv") -> None:
    """Write the draft content plan for the next period (``next_plan.csv`` in the output folder)
    from the best slots, the themes that work, and the themes to stop."""
    from ..plan import draft_next_plan

    lang = ctx.lang
    start, end = next_period(ctx.period)
    slots, themes, per_week, avoid, ceiling = _draft_inputs(ctx)
    draft = draft_next_plan(start, end, slots=slots, themes=themes, per_week=per_week, avoid=avoid, lang=lang,
                            ceiling=ceiling)
    draft = stagger(draft)
    path = Path(ctx.output_dir) / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    out = draft.drop(columns=["source_file", "source_line"], errors="ignore")
    if "date" in out:
        out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    write_table(out, path)
    ctx.cache["next_plan"] = draft
    sec.text(text("report.n_plan_written", lang, file=filename, n=len(draft)))
    keep = [c for c in ("date", "time", "platform", "theme", "content_type", "format", "caption") if c in draft]
    shown = draft[keep].copy()
    if "date" in shown:  # the reader's day ("3 Nov 2026") and clock ("16.20")
        shown["date"] = pd.to_datetime(shown["date"]).dt.normalize()
    if "time" in shown:
        shown["time"] = [F.clock(t, lang) for t in shown["time"]]
    sec.table(shown, max_rows=12)
