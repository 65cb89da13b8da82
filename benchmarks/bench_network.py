"""Benchmark of smanalysis.network against pure python-igraph doing the same work in the same run.

Pipeline (issue 5, item 8): aggregate the interactions into weighted edges, build the graph,
in/out strength, weighted PageRank, k-core, HITS, Louvain communities, and 52 weekly snapshots
with PageRank. The smanalysis side uses only the public API (``edge_table``, ``as_engine``,
``influencers(betweenness_k=False)``, ``communities``, ``snapshots(freq="W")``); the baseline
calls python-igraph directly (aggregation with ``Graph.simplify(combine_edges="sum")``).
networkx-only figures are not run (far too slow at this size: the issue measured 4.7 s to build,
5.8 s PageRank, 55 s Louvain, 11.7 s for the weekly PageRanks).

Run::

    .venv/bin/python benchmarks/bench_network.py            # 100,000 nodes, ~1,000,000 edges
    .venv/bin/python benchmarks/bench_network.py --scale 0.1

Output is printed and written to ``benchmarks/out/bench_network.txt``.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

import igraph as ig
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smanalysis.network import as_engine, communities, edge_table, influencers, snapshots  # noqa: E402
from smanalysis.network.engine import seeded  # noqa: E402


def make_interactions(n_nodes, n_rows, seed=2026, n_groups=None, inside=0.8):
    """Interactions among ``n_nodes`` accounts in planted groups of ~500 (``inside`` of them within the
    group, the rest anywhere); targets Zipf-like (a few hubs per group); spread over 52 weeks."""
    rng = np.random.default_rng(seed)
    n_groups = n_groups or max(1, n_nodes // 500)
    group = rng.integers(0, n_groups, n_nodes)
    order = np.argsort(group, kind="stable")  # members of each group, contiguous
    start_of = np.searchsorted(group[order], np.arange(n_groups + 1))
    src = rng.integers(0, n_nodes, n_rows)
    g = group[src]
    size = start_of[g + 1] - start_of[g]
    rank = np.minimum((rng.pareto(1.0, n_rows) * 3).astype(np.int64), size - 1)
    tgt_in = order[start_of[g] + rank]
    tgt_any = (rng.pareto(1.2, n_rows) * n_nodes / 50).astype(np.int64) % n_nodes
    tgt = np.where(rng.random(n_rows) < inside, tgt_in, tgt_any)
    tgt = np.where(tgt == src, (tgt + 1) % n_nodes, tgt)
    names = np.array([f"user{i}" for i in range(n_nodes)], dtype=object)
    start = pd.Timestamp("2025-11-03", tz="Asia/Jakarta").tz_convert("UTC")  # a Monday, local
    secs = rng.integers(0, 52 * 7 * 86400, n_rows)
    kinds = np.array(["reply", "mention", "share", "quote", "like"], dtype=object)
    return pd.DataFrame({
        "source": names[src], "target": names[tgt], "kind": kinds[rng.integers(0, 5, n_rows)],
        "created_at": start + pd.to_timedelta(secs, unit="s"), "platform": "x",
    })


class Timer:
    def __init__(self):
        self.rows = []

    def __call__(self, label, func):
        gc.collect()
        t0 = time.perf_counter()
        out = func()
        self.rows.append((label, time.perf_counter() - t0))
        return out

    def total(self):
        return sum(s for _, s in self.rows)


def run_smanalysis(inter, seed):
    t = Timer()
    edges = t("aggregate edges (edge_table)", lambda: edge_table(inter))
    eng = t("build engine (as_engine)", lambda: as_engine(edges))
    inf = t("influencers: strength, PageRank, k-core, HITS", lambda: influencers(eng, betweenness_k=False))
    comm = t("communities (Louvain)", lambda: communities(eng, seed=seed))
    snap = t("52 weekly snapshots with PageRank", lambda: snapshots(inter, freq="W", measures=("pagerank",)))
    return t, edges, inf, comm, snap


def run_igraph(inter, seed):
    t = Timer()

    def build():
        src = inter["source"].to_numpy(dtype=object)
        codes, names = pd.factorize(np.concatenate([src, inter["target"].to_numpy(dtype=object)]))
        s, d = codes[: len(src)], codes[len(src):]
        g = ig.Graph(n=len(names), edges=np.column_stack([s, d]), directed=True,
                     edge_attrs={"weight": np.ones(len(s))})
        g.simplify(multiple=True, loops=True, combine_edges="sum")
        return g, names, s, d

    g, names, s, d = t("aggregate + build (simplify sum)", build)

    def measures():
        g.strength(mode="in", weights="weight")
        g.strength(mode="out", weights="weight")
        pr = g.pagerank(directed=True, damping=0.85, weights="weight")
        u = g.as_undirected(mode="collapse", combine_edges="sum")
        core = u.coreness()
        g.hub_score(weights="weight")
        g.authority_score(weights="weight")
        return pr, core, u

    pr, core, u = t("strength, PageRank, k-core, HITS", measures)

    def louvain():
        with seeded(seed):
            return u.community_multilevel(weights="weight")

    comm = t("Louvain (community_multilevel)", louvain)

    def weekly():
        local = pd.DatetimeIndex(inter["created_at"]).tz_convert("Asia/Jakarta").tz_localize(None)
        week = local.to_period("W-SUN").asi8
        week = week - week.min()
        order = np.argsort(week, kind="stable")
        bounds = np.searchsorted(week[order], np.arange(week.max() + 2))
        out = []
        for i in range(len(bounds) - 1):
            idx = order[bounds[i]:bounds[i + 1]]
            used, inv = np.unique(np.concatenate([s[idx], d[idx]]), return_inverse=True)
            gw = ig.Graph(n=len(used), edges=np.column_stack([inv[: len(idx)], inv[len(idx):]]), directed=True,
                          edge_attrs={"weight": np.ones(len(idx))})
            gw.simplify(multiple=True, loops=True, combine_edges="sum")
            out.append(gw.pagerank(directed=True, damping=0.85, weights="weight"))
        return out

    weeks = t("52 weekly snapshots with PageRank", weekly)
    return t, g, names, pr, core, comm, weeks


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 100,000 nodes and ~1,000,000 edges")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    n_nodes = int(100_000 * args.scale)
    n_rows = int(1_300_000 * args.scale)
    lines = []

    def say(msg=""):
        print(msg, flush=True)
        lines.append(msg)

    t0 = time.perf_counter()
    inter = make_interactions(n_nodes, n_rows)
    say(f"bench_network: {n_rows:,} interactions among {n_nodes:,} accounts "
        f"(generated in {time.perf_counter() - t0:.1f} s); machine shared with other jobs (2 cores).")
    ti, g, names, pr_ig, core_ig, comm_ig, weeks = run_igraph(inter, args.seed)
    ts, edges, inf, comm, snap = run_smanalysis(inter, args.seed)
    say(f"graph: {g.vcount():,} nodes, {g.ecount():,} weighted edges (smanalysis edge table: {len(edges):,} rows)")
    say()
    say(f"{'step':48s} {'smanalysis':>11s} {'igraph':>9s}")
    for (label, a), (_, b) in zip(ts.rows, [(None, ti.rows[0][1] * 0.5), (None, ti.rows[0][1] * 0.5)] + ti.rows[1:]):
        say(f"{label:48s} {a:10.2f}s {b:8.2f}s")
    say("(igraph aggregates and builds in one step, split 50/50 above for the table)")
    ratio = ts.total() / ti.total()
    say(f"{'TOTAL':48s} {ts.total():10.2f}s {ti.total():8.2f}s   ratio {ratio:.2f}x (target <= 2x)")
    # accuracy: the same numbers
    pr_ref = pd.Series(pr_ig, index=np.asarray(names, dtype=object))
    mine = inf.set_index("node")["pagerank"]
    say(f"PageRank max |difference| vs igraph: {np.abs(mine - pr_ref.reindex(mine.index)).max():.2e}")
    core_ref = pd.Series(core_ig, index=np.asarray(names, dtype=object))
    say(f"k-core identical: {bool((inf.set_index('node')['core'] == core_ref.reindex(mine.index)).all())}")
    say(f"modularity: smanalysis {comm.attrs['modularity']:.6f}, igraph {comm_ig.modularity:.6f}; "
        f"communities {comm['community'].nunique()} vs {len(comm_ig)}")
    wk = snap.nodes.groupby("period").size()
    say(f"weekly snapshots: {len(snap.overview)} periods, nodes per week {wk.min():,}-{wk.max():,}; "
        f"igraph weeks {len(weeks)}")
    say(f"peak memory (max RSS of the process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_network.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ratio


if __name__ == "__main__":
    main()
