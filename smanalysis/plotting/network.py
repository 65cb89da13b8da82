"""Network plots (layer 3): a readable network drawing, influencer bars, rank bump chart, community evolution.

Each function draws one chart and returns its matplotlib Axes; titles and labels are in Bahasa
Indonesia (``lang="id"``, default) or English (``lang="en"``).

Examples
--------
>>> import pandas as pd
>>> from smanalysis.plotting.network import plot_influencers
>>> inf = pd.DataFrame({"node": ["ani", "budi"], "pagerank": [0.6, 0.4], "is_brand": [False, True]})
>>> plot_influencers(inf, lang="en").get_title()
'Most influential accounts by influence score'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import SchemaError
from ..network.community import communities
from ..network.dynamics import Snapshots
from ..network.events import event_rows
from ..network.engine import as_engine, to_networkx
from .._checks import check_choice
from ..media import metric_label
from ..network.influence import influencers as influence_of
from ..words import LANGS, code_label, text

__all__ = ["plot_network", "plot_influencers", "plot_rank_bump", "plot_community_evolution"]

#: the measures a chart can rank by (labels: ``col.<measure>`` in :mod:`smanalysis.words`)
_MEASURES = ("pagerank", "in_strength", "out_strength", "betweenness", "core", "authority", "hub", "score")


def _measure_label(by, lang):
    """A measure's label inside a sentence: the metric registry's, else the words catalogue's
    (``col.<by>``); a capital that only starts the label is lowered ("Skor pengaruh" -> "skor pengaruh")."""
    lab = metric_label(by, lang)
    lab = lab if lab != by else str(code_label("col", by, lang))
    return lab[0].lower() + lab[1:] if lab[:1].isupper() and lab[1:2].islower() else lab


def _ax(ax, size=(8, 5)):
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _check_by(by, allowed, func):
    if by not in allowed:
        raise ValueError(f"{func}: the value for `by` must be one of {list(allowed)}, but {by!r} was passed.")


def plot_network(data, *, top=100, by="pagerank", membership=None, labels=10, seed=0, ax=None, lang="id",
                 mentions=None, profile=None, influence=None):
    """Draw the ``top`` accounts of a network, coloured by community and sized by ``by``.

    Stays readable on thousands of accounts: only the top-N subgraph is laid out (spring layout,
    seeded), only the ``labels`` largest nodes are labelled, the eight largest communities get
    colours and the rest grey.

    Parameters
    ----------
    data : networkx.DiGraph, DataFrame
        A graph, canonical interactions or an edge table.
    top : int
        Number of accounts drawn (by ``by``).
    by : str
        Measure of :func:`smanalysis.network.influencers` used to choose and size nodes.
    membership : DataFrame, optional
        ``node``, ``community`` (from :func:`smanalysis.network.communities`); computed (seeded) if omitted.
    labels : int
        Number of labelled nodes.
    seed : int
        Seed of the layout and of the community detection.
    ax : matplotlib Axes, optional
    lang : {"id", "en"}
    influence : DataFrame, optional
        :func:`smanalysis.network.influencers` of the same ``data`` (with ``node`` and ``by``), when
        the caller has it already (the report does); computed if omitted.

    Returns
    -------
    matplotlib Axes
    """
    func = "plot_network"
    check_choice("lang", lang, LANGS, where=func)
    _check_by(by, list(_MEASURES), func)
    eng = as_engine(data, mentions=mentions, profile=profile, func=func)
    if influence is not None and {"node", by} <= set(influence.columns):
        inf = influence
    else:
        inf = influence_of(eng, betweenness_k="auto" if by in ("betweenness", "score") else False, seed=seed)
    chosen = inf.sort_values([by, "node"], ascending=[False, True], kind="mergesort").head(top)
    if membership is None:
        membership = communities(eng, seed=seed)
    comm = membership.set_index("node")["community"]
    sub = to_networkx(eng).subgraph(chosen["node"])
    G = sub.__class__()  # nodes and edges in name order: the same data gives the same picture in every run
    G.add_nodes_from(sorted(sub.nodes(data=True), key=lambda nd: str(nd[0])))
    G.add_edges_from(sorted(sub.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))))
    ax = _ax(ax, (9, 7))
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, text("plot.no_data", lang), ha="center", transform=ax.transAxes)
        return ax
    pos = nx.spring_layout(G, seed=seed, weight="weight", k=1.5 / np.sqrt(G.number_of_nodes()))
    nodes = list(G.nodes)
    val = chosen.set_index("node").loc[nodes, by].astype(float).fillna(0).to_numpy()
    span = val.max() - val.min()
    size = 40 + 600 * ((val - val.min()) / span if span > 0 else np.full(len(val), 0.5))
    c = comm.reindex(nodes)
    big = list(c.value_counts().index[:8])  # colours for the largest communities drawn: all in the legend
    palette = plt.get_cmap("tab10")
    colours = [palette(big.index(x)) if x in big else (0.7, 0.7, 0.7, 1.0) for x in c]
    w = np.array([d.get("weight", 1.0) for *_, d in G.edges(data=True)], dtype=float)
    widths = 0.3 + 1.5 * np.log1p(w) / np.log1p(w.max()) if len(w) else []
    nx.draw_networkx_edges(G, pos, ax=ax, width=widths, alpha=0.3, arrows=True, arrowsize=6,
                           edge_color="#555555", node_size=size)
    nx.draw_networkx_nodes(G, pos, ax=ax, node_size=size, node_color=colours, linewidths=0.5, edgecolors="white")
    import matplotlib.patheffects as pe

    xy = np.array([pos[n] for n in nodes])
    scale = np.ptp(xy, axis=0).max() or 1.0
    placed = []
    for n in chosen.head(labels)["node"]:  # most important first; a label too close to one placed is left out
        if n not in G:
            continue
        p = np.asarray(pos[n]) / scale
        if all(np.hypot(*(p - q)) > 0.12 for q in placed):
            placed.append(p)
            ax.annotate(str(n), pos[n], xytext=(0, 7), textcoords="offset points", ha="center", fontsize=8,
                        path_effects=[pe.withStroke(linewidth=2.5, foreground="white")])
    for i, x in enumerate(big):
        ax.scatter([], [], color=palette(i), label=text("plot.network.community", lang) + f" {x}")
    if len(big) < c.nunique():
        ax.scatter([], [], color=(0.7, 0.7, 0.7), label=text("plot.network.other", lang))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    ax.set_title(text("plot.network.network", lang, n=G.number_of_nodes(), by=_measure_label(by, lang)))
    ax.set_axis_off()
    return ax


def plot_influencers(influencers, *, by="pagerank", top=15, ax=None, lang="id"):
    """Horizontal bars of the top accounts by ``by`` (brand accounts highlighted).

    Parameters
    ----------
    influencers : DataFrame
        :func:`smanalysis.network.influencers` output (``node`` and the ``by`` column).
    by : str
        Column to rank by.
    top : int
        Number of bars.

    Returns
    -------
    matplotlib Axes
    """
    func = "plot_influencers"
    check_choice("lang", lang, LANGS, where=func)
    if "node" not in influencers.columns or by not in influencers.columns:
        raise SchemaError(f"{func}: the influencers frame lacks required columns "
                          f"{[c for c in ['node', by] if c not in influencers.columns]}; "
                          f"columns present: {list(map(str, influencers.columns))}")
    df = influencers.sort_values([by, "node"], ascending=[False, True], kind="mergesort").head(top).iloc[::-1]
    ax = _ax(ax, (7, max(3, 0.35 * len(df) + 1)))
    brand = df["is_brand"].to_numpy(dtype=bool) if "is_brand" in df.columns else np.zeros(len(df), bool)
    ax.barh(df["node"].astype(str), df[by], color=np.where(brand, "#d95f02", "#1b9e77"))
    ax.set_xlabel(_measure_label(by, lang))
    ax.set_title(text("plot.network.influencers", lang, by=_measure_label(by, lang)))
    return ax


def _nodes(snap, need, func):
    nodes = snap.nodes if isinstance(snap, Snapshots) else snap
    missing = [c for c in ["period", "node", *need] if c not in nodes.columns]
    if missing:
        raise SchemaError(f"{func}: the snapshot nodes lack required columns {missing}; "
                          f"columns present: {list(map(str, nodes.columns))}")
    return nodes


def plot_rank_bump(snap, *, top=10, ax=None, lang="id"):
    """Bump chart: the rank of every account that was ever in the top ``top``, period by period.

    Parameters
    ----------
    snap : Snapshots or DataFrame
        :func:`smanalysis.network.snapshots` result or its nodes frame (``period``, ``node``, ``rank``).
    top : int
        Accounts ranked 1..top in any period are drawn; a line breaks while the account is outside the top.
        Labels go at each account's last appearance (accounts in the top only once, before the last
        period, stay unlabelled to keep the chart readable).

    Returns
    -------
    matplotlib Axes
    """
    func = "plot_rank_bump"
    check_choice("lang", lang, LANGS, where=func)
    nodes = _nodes(snap, ["rank"], func)
    ax = _ax(ax, (9, 5))
    keep = nodes.loc[nodes["rank"] <= top, "node"].unique()
    if len(keep) == 0:
        ax.text(0.5, 0.5, text("plot.no_data", lang), ha="center", transform=ax.transAxes)
        return ax
    wide = nodes.loc[nodes["node"].isin(keep)].pivot_table(index="period", columns="node", values="rank")
    wide = wide.where(wide <= top)
    x = np.arange(len(wide))
    for name in wide.columns:
        y = wide[name].to_numpy(dtype=float)
        ax.plot(x, y, marker="o", lw=2, alpha=0.8)
        last = np.flatnonzero(~np.isnan(y))
        if len(last) >= 2 or (len(last) and last[-1] == len(x) - 1):  # one-off visitors stay unlabelled
            ax.annotate(str(name), (x[last[-1]], y[last[-1]]), xytext=(6, 0), textcoords="offset points",
                        va="center", fontsize=8)
    ax.set_xticks(x, [str(p) for p in wide.index], rotation=45, ha="right")
    ax.set_ylim(top + 0.5, 0.5)
    ax.set_yticks(range(1, top + 1))
    ax.set_xlabel(text("plot.period", lang))
    ax.set_ylabel(text("plot.network.rank", lang))
    ax.set_title(text("plot.network.bump", lang, top=top))
    return ax


def plot_community_evolution(snap, *, threshold=0.2, top=8, ax=None, lang="id"):
    """Communities per period as bubbles (area = members), linked where they match between periods.

    Links join communities of consecutive periods whose Jaccard overlap is at least ``threshold``
    (as in :func:`smanalysis.network.community_events`); line width = members kept. Births are
    outlined green, deaths marked with a red cross.

    Parameters
    ----------
    snap : Snapshots or DataFrame
        :func:`smanalysis.network.snapshots` result computed with ``"community"`` or a frame
        ``period``, ``node``, ``community``.
    threshold : float
        Jaccard threshold of a link.
    top : int
        The ``top`` largest communities of each period are drawn.

    Returns
    -------
    matplotlib Axes
    """
    func = "plot_community_evolution"
    check_choice("lang", lang, LANGS, where=func)
    nodes = _nodes(snap, ["community"], func).dropna(subset=["community"])
    ax = _ax(ax, (9, 5))
    periods = sorted(pd.unique(nodes["period"]))
    if not periods:
        ax.text(0.5, 0.5, text("plot.no_data", lang), ha="center", transform=ax.transAxes)
        return ax
    groups = {p: g.set_index("node")["community"] for p, g in nodes.groupby("period", sort=True)}
    shown = {p: list(groups[p].value_counts().sort_index().sort_values(ascending=False, kind="mergesort")
                     .index[:top]) for p in periods}
    ypos = {p: {c: i for i, c in enumerate(shown[p])} for p in periods}
    for i in range(1, len(periods)):
        prev, cur = periods[i - 1], periods[i]
        a, b = groups[prev], groups[cur]
        common = a.index.intersection(b.index)
        ov = pd.crosstab(a[common], b[common])
        sa, sb = a.value_counts(), b.value_counts()
        for ca in ov.index:
            for cb in ov.columns:
                k = ov.loc[ca, cb]
                if k and ca in ypos[prev] and cb in ypos[cur] and k / (sa[ca] + sb[cb] - k) >= threshold:
                    ax.plot([i - 1, i], [ypos[prev][ca], ypos[cur][cb]], color="#888888", alpha=0.6,
                            lw=0.5 + 4 * k / max(sa.max(), 1), zorder=1)
        for r in event_rows(prev, cur, a, b, threshold, 0.1):
            if r["event"] == "birth" and r["current"][0] in ypos[cur]:
                ax.scatter(i, ypos[cur][r["current"][0]], s=260, facecolors="none", edgecolors="green", zorder=3)
            if r["event"] == "death" and r["previous"][0] in ypos[prev]:
                ax.scatter(i - 0.5, ypos[prev][r["previous"][0]], marker="x", color="red", zorder=3)
    smax = max(groups[p].value_counts().max() for p in periods)
    for i, p in enumerate(periods):
        sizes = groups[p].value_counts()
        cs = shown[p]
        ax.scatter([i] * len(cs), [ypos[p][c] for c in cs], s=[30 + 400 * sizes[c] / smax for c in cs],
                   color="#1f77b4", alpha=0.8, zorder=2)
    ax.set_xticks(range(len(periods)), [str(p) for p in periods], rotation=45, ha="right")
    rows = max(len(v) for v in shown.values())
    ax.set_yticks(range(rows), [f"#{k + 1}" for k in range(rows)])
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_xlabel(text("plot.period", lang))
    ax.set_ylabel(text("plot.network.community", lang))
    ax.set_title(text("plot.network.evolution", lang))
    return ax
