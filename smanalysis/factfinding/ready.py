"""Is the business ready for social media?

The three warning signs of a business that is not ready (:func:`readiness`, with
:func:`reply_rate` for customer care) and the nine-point strategy checklist
(:func:`strategy_checklist`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..profile import Profile
from ..ratios import divide
from ..schema import validate
from .._checks import check_choice
from ..words import LANGS, code_label, text
from .display import is_empty
from .platforms import as_profile, tone_words

PROMO_CEILING = 0.3
"""Highest share of promotional posts the method tolerates (see :func:`smanalysis.plan.content_mix`)."""
REPLY_RATE_OK = 0.8
"""Share of customer comments answered by the brand below which care is a warning sign."""


# ------------------------------------------------------------ readiness, checklist
def reply_rate(comments: pd.DataFrame, *, brand_handles: list[str] | None = None) -> float:
    """The registry's ``reply_rate_all``: customers' top-level comments the brand answered / all
    customers' top-level comments, spam left out (NaN when there are none).

    The same figure as the evaluation report's "reply rate to all comments": the rows are
    :func:`smanalysis.conversation.response_times`, the ratio is
    :data:`smanalysis.media.METRICS` ``["reply_rate_all"]``.

    Examples
    --------
    >>> c = pd.DataFrame({"comment_id": ["1", "2", "3"], "post_id": "p", "platform": "instagram",
    ...     "author": ["ani", "budi", "senja"], "text": ["berapa?", "enak", "Rp20rb kak"],
    ...     "created_at": pd.Timestamp("2026-10-01", tz="UTC"), "is_brand_reply": [False, False, True],
    ...     "parent_id": [None, None, "1"]})
    >>> reply_rate(c)
    0.5
    """
    from ..conversation import response_times
    from ..media import metric_value

    validate(comments, "comments", func="reply_rate")
    rows = response_times(comments, brand_accounts=brand_handles)
    if rows.empty:
        return float("nan")
    return metric_value("reply_rate_all", rows)


def _content_types(posts, plan):
    for frame, source in ((posts, "data"), (plan, "data")):
        if not is_empty(frame) and "content_type" in frame.columns and frame["content_type"].notna().any():
            return frame["content_type"].dropna().astype(str), source
    return None, "profile"


def readiness(profile: Profile | dict, *, posts: pd.DataFrame | None = None, comments: pd.DataFrame | None = None,
              plan: pd.DataFrame | None = None, lang: str = "id") -> pd.DataFrame:
    """The method's three warning signs of a business not ready for social media.

    1. ``ad_channel``: social media seen only as another advertising channel (share of
       promotional posts above :data:`PROMO_CEILING`; posts, else the plan).
    2. ``care``: no commitment to quality and customer care (share of customer comments
       the brand answered below :data:`REPLY_RATE_OK`; without comments, whether the
       profile sets a response target).
    3. ``no_plan``: no written, comprehensive plan (no content plan, or fewer than 80% of
       its rows complete).

    Returns
    -------
    DataFrame
        Three rows: ``sign``, ``label``, ``status`` (ok|warning|unknown), ``evidence``,
        ``source`` (data|profile), ``advice``; text in ``lang``.

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "k"}}
    >>> posts = pd.DataFrame({"post_id": list("abcd"), "platform": "instagram", "account": "k",
    ...     "created_at": pd.Timestamp("2026-10-01", tz="UTC"),
    ...     "content_type": ["promo", "promo", "promo", "education"]})
    >>> readiness(p, posts=posts)["status"].tolist()
    ['warning', 'unknown', 'warning']
    """
    check_choice("lang", lang, LANGS)
    p = as_profile(profile)
    rows = []
    types, src = _content_types(posts, plan)
    if types is not None and len(types):
        share = float((types == "promo").mean())
        rows.append(("ad_channel", "warning" if share > PROMO_CEILING else "ok",
                     text("ev.promo_share", lang, pct=f"{share * 100:.0f}", ceiling=f"{PROMO_CEILING * 100:.0f}"), src))
    else:
        rows.append(("ad_channel", "unknown", text("ev.no_content_type", lang), "profile"))
    rate = reply_rate(comments, brand_handles=p.brand_handles) if not is_empty(comments) else float("nan")
    if not np.isnan(rate):
        rows.append(("care", "warning" if rate < REPLY_RATE_OK else "ok",
                     text("ev.reply_rate", lang, pct=f"{rate * 100:.0f}", target=f"{REPLY_RATE_OK * 100:.0f}"), "data"))
    elif "response_rate" in p.kpi_targets:
        rows.append(("care", "ok", text("ev.care_target", lang, pct=f"{p.kpi_targets['response_rate'] * 100:.0f}"), "profile"))
    else:
        rows.append(("care", "unknown", text("ev.no_comments", lang), "profile"))
    if is_empty(plan):
        rows.append(("no_plan", "warning", text("ev.no_plan", lang), "data"))
    else:
        done = _plan_complete_share(plan)
        rows.append(("no_plan", "ok" if done >= 0.8 else "warning",
                     text("ev.plan_complete", lang, n=len(plan), pct=f"{done * 100:.0f}"), "data"))
    out = pd.DataFrame(rows, columns=["sign", "status", "evidence", "source"])
    out.insert(1, "label", [text(f"sign.{s}", lang) for s in out["sign"]])
    out["advice"] = [text(f"advice.{s}.{st}", lang) for s, st in zip(out["sign"], out["status"])]
    return out


PLAN_FIELDS = ("date", "platform", "theme", "caption", "asset", "hashtags", "source")


def _plan_complete_share(plan: pd.DataFrame) -> float:
    filled = pd.DataFrame({f: (plan[f].notna() & (plan[f].astype(str).str.strip() != "")) if f in plan.columns
                           else False for f in PLAN_FIELDS}, index=plan.index)
    return float(filled.all(axis=1).mean()) if len(plan) else float("nan")


_GOAL_KPIS = {
    "promotion": {"er_reach", "er_impressions", "reach", "clicks", "follower_growth_monthly", "conversions"},
    "reputation": {"net_sentiment", "share_of_voice", "response_rate", "median_response_minutes", "er_reach"},
}
CHECKLIST_ITEMS = ("goals", "audience", "listening", "focus", "audit", "tone", "integration", "company", "measurement")


def strategy_checklist(profile: Profile | dict, *, posts: pd.DataFrame | None = None,
                       comments: pd.DataFrame | None = None, plan: pd.DataFrame | None = None,
                       lang: str = "id") -> pd.DataFrame:
    """The nine-point strategy checklist, scored from data where data can tell.

    ========== ======================================================================
    item       score (0 to 1)
    ========== ======================================================================
    goals      profile: a goal (0.5) with KPI targets (1)
    audience   profile: ages (0.5) plus locations or interests (1)
    listening  data: share of customer comments answered; else profile: a response target (0.5)
    focus      data: platforms carrying >= 10% of own posts (<= 3: 1, 4: 0.5, more: 0); else the profile's list
    audit      data: share of the profile's platforms with a post in the last 30 days of data; else profile fields filled
    tone       profile: register and form of address set (1), one of them (0.5); with own
               captions, half that plus half the share of captions consistent with the
               chosen register (:func:`smanalysis.conversation.tone`)
    integration profile website (0.5) and, with posts, captions pointing to it or to the bio link (1)
    company    data: the plan draws on >= 3 distinct sources (1), 2 (0.5); else profile ``team`` roles
    measurement profile: >= 2 KPI targets of which one fits the goal (1), any target (0.5)
    ========== ======================================================================

    Returns
    -------
    DataFrame
        Nine rows: ``item``, ``label``, ``score``, ``evidence``, ``source`` (data|profile),
        ``advice`` (in ``lang``; empty when the score is 1).

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "k"}, "kpi_targets": {"er_reach": 0.05, "response_rate": 0.9}}
    >>> cl = strategy_checklist(p, lang="en")
    >>> cl.set_index("item").loc[["goals", "measurement", "tone"], "score"].tolist()
    [1.0, 1.0, 0.0]
    """
    check_choice("lang", lang, LANGS)
    p = as_profile(profile)
    aud, tone, kpis = p.audience, p.tone, p.kpi_targets
    res: dict[str, tuple[float, str, str]] = {}
    res["goals"] = ((1.0 if kpis else 0.5) if p.goal else 0.0,
                    text("ev.goal", lang, goal=code_label("value", p.goal, lang) if p.goal else "-", n=len(kpis)), "profile")
    has_age = aud.get("age_min") is not None and aud.get("age_max") is not None
    has_more = bool(aud.get("locations") or aud.get("interests"))
    res["audience"] = (0.5 * has_age + 0.5 * (has_age and has_more) + 0.5 * (has_more and not has_age),
                       text("ev.audience", lang, ages=f"{aud.get('age_min', '?')}-{aud.get('age_max', '?')}",
                            more=", ".join([*(aud.get("locations") or []), *(aud.get("interests") or [])]) or "-"),
                       "profile")
    rate = reply_rate(comments, brand_handles=p.brand_handles) if not is_empty(comments) else float("nan")
    if not np.isnan(rate):
        res["listening"] = (round(rate, 2), text("ev.reply_rate", lang, pct=f"{rate * 100:.0f}",
                                                 target=f"{REPLY_RATE_OK * 100:.0f}"), "data")
    else:
        t = "response_rate" in kpis
        res["listening"] = (0.5 if t else 0.0, text("ev.care_target" if t else "ev.no_comments", lang,
                                                    pct=f"{kpis.get('response_rate', 0) * 100:.0f}"), "profile")
    own = None
    if not is_empty(posts):
        own = posts[posts["account"].astype(str).str.lstrip("@").isin(p.brand_handles)]
    if own is not None and len(own):
        shares = own["platform"].value_counts(normalize=True)
        active = sorted(shares[shares >= 0.1].index)
        n, src = len(active), "data"
    else:
        active, src = list(p.platforms), "profile"
        n = len(active)
    res["focus"] = (1.0 if n <= 3 else 0.5 if n == 4 else 0.0, text("ev.focus", lang, n=n, platforms=", ".join(active)), src)
    if own is not None and len(own):
        ts = pd.to_datetime(own["created_at"], utc=True)
        recent = own.loc[ts >= ts.max() - pd.Timedelta(days=30), "platform"].unique()
        plats = p.platforms or list(p.own_accounts)
        idle = [x for x in plats if x not in set(recent)]
        res["audit"] = (round(divide(len(plats) - len(idle), len(plats), func="strategy_checklist", name="audit"), 2),
                        text("ev.audit_data", lang, idle=", ".join(idle) or "-"), "data")
    else:
        fields = [p.sector, p.website, aud, tone, set(p.platforms) <= set(p.own_accounts)]
        res["audit"] = (round(divide(sum(bool(f) for f in fields), len(fields), func="strategy_checklist",
                                     name="audit"), 2),
                        text("ev.audit_profile", lang, n=sum(bool(f) for f in fields), total=len(fields)), "profile")
    tone_txt = tone_words(tone, lang)
    decided = 0.5 * bool(tone.get("register")) + 0.5 * bool(tone.get("address"))
    consistency = np.nan
    if tone.get("register") and own is not None and len(own) and "caption" in own.columns:
        from ..conversation.tone import tone as tone_of

        caps = own["caption"].dropna().astype(str)
        if len(caps):
            consistency = float(tone_of(caps, profile=p)["consistency"].iloc[0])
    if np.isnan(consistency):
        res["tone"] = (decided, text("ev.tone", lang, tone=tone_txt), "profile")
    else:
        res["tone"] = (round(0.5 * decided + 0.5 * consistency, 2),
                       text("ev.tone_data", lang, tone=tone_txt, pct=f"{consistency * 100:.0f}"), "data")
    if own is not None and len(own) and "caption" in own.columns:
        site = re.sub(r"^https?://(www\.)?", "", p.website).strip("/").lower()
        pat = "|".join(re.escape(x) for x in ([site] if site else []) + ["link di bio", "link in bio", "linktr", "cek bio", "http"])
        linked = float(own["caption"].fillna("").astype(str).str.lower().str.contains(pat, regex=True).mean())
        res["integration"] = (0.5 * bool(p.website) + 0.5 * (linked > 0),
                              text("ev.integration_data", lang, site=p.website or "-", pct=f"{linked * 100:.0f}"), "data")
    else:
        res["integration"] = (1.0 if p.website else 0.0, text("ev.integration", lang, site=p.website or "-"), "profile")
    team = p.extra.get("team") or []
    if not is_empty(plan) and "source" in plan.columns and plan["source"].notna().any():
        k = plan["source"].dropna().astype(str).str.strip().str.lower().nunique()
        res["company"] = (1.0 if k >= 3 else 0.5 if k == 2 else 0.0, text("ev.company_plan", lang, n=k), "data")
    else:
        k = len(team)
        res["company"] = (1.0 if k >= 2 else 0.5 if k == 1 else 0.0, text("ev.company_team", lang, n=k), "profile")
    from ..media import METRICS

    fits = sorted(set(kpis) & _GOAL_KPIS.get(p.goal, set()))
    fit_names = [METRICS[f].label(lang) if f in METRICS else f.replace("_", " ") for f in fits]
    res["measurement"] = (1.0 if len(kpis) >= 2 and fits else 0.5 if kpis else 0.0,
                          text("ev.measurement", lang, n=len(kpis), fits=", ".join(fit_names) or "-"), "profile")
    out = pd.DataFrame([(k, *res[k]) for k in CHECKLIST_ITEMS], columns=["item", "score", "evidence", "source"])
    out["score"] = out["score"].astype(float)
    out.insert(1, "label", [text(f"check.{k}", lang) for k in CHECKLIST_ITEMS])
    out["advice"] = [("" if s >= 1 else text(f"check_advice.{k}", lang)) for k, s in zip(out["item"], out["score"])]
    return out
