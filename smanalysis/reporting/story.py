"""The report's first screen: what went well, what went badly and why, and three things to do next.

Every sentence is built from figures the report already computed (the key figures, the customer
care queue, recurring complaints, the best slots, the themes that win with enough evidence, the
micro-influencer shortlist), so the story never says anything the sections below do not show.
Wording is direction-aware: a fall in response time is good news, a rise in complaints is bad.

Examples
--------
>>> direction("median_response_minutes"), direction("er_reach"), direction("n_posts")
(-1, 1, 0)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ratios import relative_change
from .. import formatting as F
from .eval_conversation import recurring_complaints, unanswered_queue
from .eval_figures import figures
from .eval_media import best_slots
from .eval_network import micro_influencers
from .eval_next import recommendations
from .eval_summary import kpi_label
from ..words import code_label, text
from .markup import esc
from .sections import EvaluationContext, Section, fmt_value, guarded

__all__ = ["period_story", "story_section", "direction", "STORY_FIGURES"]

#: figures of the metric registry the story talks about (a count's change is told in percent)
STORY_FIGURES = ("engagements", "er_reach", "follower_growth_monthly", "net_sentiment", "share_of_voice",
                 "reply_rate_questions", "median_response_minutes")

#: changes smaller than this (relative) are not news
MIN_CHANGE = 0.05


def direction(name: str) -> int:
    """+1 when more is better, -1 when less is better (the registry's ``higher_is_better``), 0 for
    the number of posts (more is not better by itself)."""
    from ..media import resolve_metric

    if name in ("n_posts", "posts"):
        return 0
    m = resolve_metric(name)
    return 1 if m is None or m.higher_is_better else -1


def _changes(ctx) -> pd.DataFrame:
    """One row per story figure that moved: name, current, previous, relative change, good (bool)."""
    fig = figures(ctx)
    rows = []
    from ..media import resolve_metric

    for name in STORY_FIGURES:
        m = resolve_metric(name)
        unit = "count" if m is not None and m.fmt == "integer" else "value"
        cur, prev = fig["current"].get(name), fig["previous"].get(name)
        if cur is None or prev is None or pd.isna(cur) or pd.isna(prev) or np.isclose(cur, prev):
            continue
        rel = relative_change(cur, prev, func="period_story", quiet=True) if prev else np.inf  # from 0: new
        if name == "net_sentiment":  # a score in [-1, 1]: a move of 0.05 points is news
            rel = cur - prev
        if abs(rel) < MIN_CHANGE:
            continue
        rows.append({"name": name, "unit": unit, "current": float(cur), "previous": float(prev), "rel": float(rel),
                     "good": (cur > prev) == (direction(name) > 0)})
    out = pd.DataFrame(rows, columns=["name", "unit", "current", "previous", "rel", "good"])
    return out.assign(size=out["rel"].abs()).sort_values("size", ascending=False, kind="stable")


def _change_text(row, lang) -> str:
    """"Total engagement went down 36% (5,155 → 3,284)" for counts; rates, scores and times say
    from where to where ("Response rate went down from 41.1% to 25.1%")."""
    up = row["current"] > row["previous"]
    name = kpi_label(row["name"], lang)
    prev, cur = fmt_value(row["name"], row["previous"], lang), fmt_value(row["name"], row["current"], lang)
    if row["unit"] == "count" and np.isfinite(row["rel"]):
        return text("report.s_up" if up else "report.s_down", lang, name=name, change=F.percent(abs(row["rel"]), lang, 0),
                 prev=prev, cur=cur)
    return text("report.s_up_from" if up else "report.s_down_from", lang, name=name, prev=prev, cur=cur)


def period_story(ctx: EvaluationContext) -> dict:
    """The story of the period, cached: ``good``, ``bad``, ``why`` (Markdown sentences) and
    ``next`` (up to three dicts ``{"kind", "text", ...}``, the most urgent first)."""
    return ctx.cached("story", lambda: _story(ctx))


def _safe(fn, default):
    try:
        return fn()
    except Exception:  # noqa: BLE001 - a missing layer means a shorter story, never a broken one
        return default


def _story(ctx) -> dict:
    lang = ctx.lang
    ch = _safe(lambda: _changes(ctx), pd.DataFrame(columns=["good"]))
    good = [_change_text(r, lang) for _, r in ch[ch["good"].astype(bool)].head(2).iterrows()]
    bad = [_change_text(r, lang) for _, r in ch[~ch["good"].astype(bool)].head(2).iterrows()]
    recs = _safe(lambda: recommendations(ctx), [])
    for r in recs:
        if r["kind"] in ("keep_theme", "keep_content_type", "keep_format") and len(good) < 3:
            good.append(text("report.s_keep", lang, what=text("report.w_" + r["kind"][5:], lang).capitalize(),
                           name=esc(code_label("value", r["name"], lang))))
    una = _safe(lambda: unanswered_queue(ctx), pd.DataFrame())
    rc = _safe(lambda: recurring_complaints(ctx), pd.DataFrame(columns=["topic", "complaints"]))
    why = []
    if bad and not rc.empty:
        why.append(text("report.s_why_complaint", lang, topic=esc(rc["topic"].iloc[0]),
                        n=F.count(rc["complaints"].iloc[0], lang)))
    if len(una):
        why.append(text("report.s_why_unanswered", lang, n=F.count(len(una), lang)))
    nxt = []
    rate = _safe(lambda: figures(ctx)["current"].get("reply_rate_questions"), None)
    targets = ctx.profile.kpi_targets or {}
    target = targets.get("reply_rate_questions", targets.get("response_rate", 0.9))
    if len(una):
        nxt.append({"kind": "reply", "n": int(len(una)),
                    "text": text("report.s_do_reply", lang, n=F.count(len(una), lang), target=F.percent(target, lang, 0),
                              rate=F.percent(rate, lang, 0))})
    if not rc.empty:
        nxt.append({"kind": "complaint", "name": str(rc["topic"].iloc[0]),
                    "text": text("report.s_do_complaint", lang, topic=esc(rc["topic"].iloc[0]))})
    content = _content_action(ctx, recs)
    if content:
        nxt.append(content)
    infl = _safe(lambda: micro_influencers(ctx), pd.DataFrame())
    if len(infl) and len(nxt) < 3:
        name = str(infl["node"].iloc[0])
        key = "report.s_do_influencer_pseudo" if ctx.settings.get("pseudonymise") else "report.s_do_influencer"
        nxt.append({"kind": "influencer", "name": name, "text": text(key, lang, who=esc(name))})
    return {"good": good, "bad": bad, "why": why, "next": nxt[:3]}


def _content_action(ctx, recs) -> dict | None:
    """The next post to make: the theme to keep (else none), on the best slot of the best platform."""
    lang = ctx.lang
    slots = _safe(lambda: best_slots(ctx), pd.DataFrame())
    keep = [r["name"] for r in recs if r["kind"] == "keep_theme"]
    stop = [r["name"] for r in recs if r["kind"] in ("stop_theme", "stop_content_type")]
    if slots.empty and not keep:
        return None
    slot = None
    if not slots.empty:
        top = slots.iloc[0]
        slot = {"weekday": int(top["weekday"]), "hour": int(top["hour"])}
        slot_text = f"{F.day_name(slot['weekday'], lang)} {F.time_range(slot['hour'], slot['hour'] + 2, lang)}"
    if keep and slot:
        line = text("report.s_do_content", lang, theme=esc(keep[0]), slot=slot_text)
    elif keep:
        line = text("report.s_do_theme", lang, theme=esc(keep[0]))
    else:
        line = text("report.s_do_slot", lang, slot=slot_text)
    if stop:
        names = ", ".join(f"**{esc(code_label('value', s, lang))}**" for s in stop[:2])
        line += " " + text("report.s_do_less", lang, names=names)
    return {"kind": "content", "theme": keep[0] if keep else None, "slot": slot, "avoid": stop, "text": line}


@guarded("story")
def story_section(ctx: EvaluationContext, sec: Section) -> None:
    """The first screen of the report: good news, bad news and why, three things to do next."""
    lang = ctx.lang
    s = period_story(ctx)
    parts = []
    if s["good"]:
        parts.append(f"**{text('report.s_good', lang)}**\n\n" + "\n".join(f"- {x}" for x in s["good"]))
    if s["bad"]:
        parts.append(f"**{text('report.s_bad', lang)}**\n\n" + "\n".join(f"- {x}" for x in s["bad"]))
    if s["why"]:
        parts.append(f"**{text('report.s_why', lang)}** " + " ".join(s["why"]))
    if s["next"]:
        parts.append(f"**{text('report.s_next', lang)}**\n\n" + "\n".join(f"{i}. {x['text']}" for i, x in
                                                               enumerate(s["next"], 1)))
    if not parts:
        parts.append(text("report.s_quiet", lang))
    for p in parts:
        sec.text(p)
