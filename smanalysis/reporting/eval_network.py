"""Layer 3 of the evaluation report: the network (overview, influencers, micro-influencers,
communities). The numbers come from :mod:`smanalysis.network`.
"""

from __future__ import annotations

import pandas as pd

from ..words import text
from .markup import esc
from .sections import EvaluationContext, Section, guarded, sub_guard

__all__ = ["network_section", "period_interactions", "period_engine", "micro_influencers", "network_overview",
           "top_influencers", "all_influencers"]


def period_interactions(ctx: EvaluationContext, which: str = "period") -> pd.DataFrame:
    """The period's interactions: the interactions export when the client has one, else built
    from comments (commenter -> brand, reply -> parent author) and mentions; cached."""
    from .. import network
    from ..schema import empty

    def _do():
        inter = ctx.frame("interactions")
        if not inter.empty:
            return ctx.in_period(inter, which)
        parts = []
        com = ctx.in_period(ctx.frame("comments"), which)
        if not com.empty:
            parts.append(network.from_comments(com, profile=ctx.profile))
        men = ctx.in_period(ctx.frame("mentions"), which)
        if not men.empty:
            parts.append(network.from_mentions(men, profile=ctx.profile))
        parts = [p for p in parts if not p.empty]
        return pd.concat(parts, ignore_index=True) if parts else empty("interactions")

    return ctx.cached(f"interactions_{which}", _do)


def _mentions(ctx):
    men = ctx.frame("mentions")
    return men if not men.empty else None


def network_overview(ctx: EvaluationContext, which: str = "period") -> dict:
    """Overview figures of the current (or ``"previous"``) period's network (nodes, edges,
    reciprocity, density, components, modularity...); empty when there is no network; cached."""
    from .. import network

    def _do():
        inter = period_interactions(ctx, which)
        if inter.empty:
            return {}
        ov = network.overview(inter)
        return {k: (v.item() if hasattr(v, "item") else v) for k, v in ov.iloc[0].items()}

    return ctx.cached(f"network_overview_{which}", _do)


def period_engine(ctx: EvaluationContext, which: str = "period"):
    """The period's network as :func:`smanalysis.network.as_engine` builds it from
    :func:`period_interactions`, with the node attributes of the profile and the mentions; None
    without interactions; cached. The influencer ranking, the shortlist and the communities read
    this one engine (each built its own: the edge table, the graph and the node table again)."""
    from .. import network

    def _do():
        inter = period_interactions(ctx, which)
        return None if inter.empty else network.as_engine(inter, mentions=_mentions(ctx), profile=ctx.profile)

    return ctx.cached(f"network_engine_{which}", _do)


def all_influencers(ctx: EvaluationContext, which: str = "period") -> pd.DataFrame:
    """:func:`smanalysis.network.influencers` of the period's network, every account ranked; the one
    ranking the influencer table and the shortlist's reasons quote; cached."""
    from .. import network

    def _do():
        eng = period_engine(ctx, which)
        if eng is None:
            return pd.DataFrame(columns=["rank", "node"])
        return network.influencers(eng)

    return ctx.cached(f"influencers_{which}", _do)


def top_influencers(ctx: EvaluationContext, which: str = "period", *, top: int = 10) -> pd.DataFrame:
    """The ``top`` ranked rows of :func:`all_influencers`."""
    return all_influencers(ctx, which).head(top)


def micro_influencers(ctx: EvaluationContext, *, top: int = 5) -> pd.DataFrame:
    """:func:`smanalysis.network.shortlist` of the period's network (``node``, ``followers``,
    ``tier``, ``brand_interactions``, ``reason``...), its influence ranks those of
    :func:`all_influencers`; empty when there is no network; cached."""
    from .. import network

    def _do():
        eng = period_engine(ctx)
        if eng is None:
            return pd.DataFrame(columns=["node", "followers", "reason"])
        return network.shortlist(eng, top=top, lang=ctx.lang, influence=all_influencers(ctx))

    return ctx.cached("micro_influencers", _do)


@guarded("network")
def network_section(ctx: EvaluationContext, sec: Section) -> None:
    """Layer 3: network overview, who spreads the word (composite influence rank), the
    micro-influencers worth approaching (with the reason), communities."""
    from .. import network
    from .eval_media import add_plot

    lang = ctx.lang
    inter = period_interactions(ctx)
    if inter.empty:
        has_any = any(not ctx.frame(tb).empty for tb in ("interactions", "comments", "mentions"))
        sec.text(text("report.no_data" if has_any else "report.no_source", lang, what=text("report.w_network", lang)))
        return
    ctx.use("pagerank", "k_core", "modularity")
    sec.heading(text("report.h_netoverview", lang))
    ov = sub_guard(ctx, sec, "network.overview", network_overview, ctx)
    prev = sub_guard(ctx, sec, "network.overview_previous", network_overview, ctx, "previous") or {}
    if ov:
        # owner-level figures only (density, components... stay in metrics.json for analysts)
        keep = ["nodes", "interactions", "reciprocity", "largest_component_share", "modularity"]
        rows = [{"period": text("report.current", lang), **{k: ov.get(k) for k in keep if k in ov}}]
        if prev:
            rows.append({"period": text("report.previous", lang), **{k: prev.get(k) for k in keep if k in prev}})
        sec.table(pd.DataFrame(rows))

    sec.heading(text("report.h_influencers", lang))
    inf = sub_guard(ctx, sec, "network.influencers", top_influencers, ctx)
    if inf is not None and not inf.empty:
        ctx.cache["influencers"] = inf
        # owner-level columns (depth and bridging stay in metrics.json and the glossary for analysts)
        keep = [c for c in ("rank", "node", "followers", "in_strength", "out_strength", "pagerank")
                if c in inf.columns]
        sec.table(inf[keep])
        before = sub_guard(ctx, sec, "network.influencers_previous", top_influencers, ctx, "previous")
        if before is not None and not before.empty:
            new, gone = (sorted(set(inf["node"]) - set(before["node"]), key=str),
                         sorted(set(before["node"]) - set(inf["node"]), key=str))
            sec.text(text("report.n_top_change", lang, new=esc(", ".join(map(str, new)) or "–"),
                       gone=esc(", ".join(map(str, gone)) or "–")))
        sub_guard(ctx, sec, "network.plot", lambda: add_plot(sec, "plot_influencers", inf, top=10, lang=lang))

    sec.heading(text("report.h_shortlist", lang))
    sl = sub_guard(ctx, sec, "network.shortlist", micro_influencers, ctx)
    if sl is not None:
        if sl.empty:
            sec.text(text("report.no_data", lang, what=text("report.h_shortlist", lang).lower()))
        else:
            keep = [c for c in ("node", "followers", "tier", "brand_interactions", "community_reach", "reason")
                    if c in sl.columns]
            sec.table(sl[keep])

    sec.heading(text("report.h_communities", lang))
    mem = sub_guard(ctx, sec, "network.communities", lambda: network.communities(period_engine(ctx), seed=0))
    if mem is not None and not mem.empty:
        summ = sub_guard(ctx, sec, "network.community_summary", network.community_summary, inter, mem, top=5,
                         profile=ctx.profile, mentions=_mentions(ctx))
        if summ is not None and not summ.empty:
            shown = summ.copy()
            for c in ("top_members", "top_terms", "top_hashtags"):
                if c in shown:
                    shown[c] = shown[c].map(lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
            sec.table(shown.head(8))
        sub_guard(ctx, sec, "network.plot_network", lambda: add_plot(
            sec, "plot_network", inter, top=40, membership=mem, labels=8, seed=0, lang=lang,
            mentions=_mentions(ctx), profile=ctx.profile, influence=all_influencers(ctx)))
