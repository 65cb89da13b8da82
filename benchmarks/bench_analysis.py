"""Benchmark: the analyst's additions on the sample and on a generated client of a given scale.

Times, per input (wall clock and CPU): topic discovery (NMF) on the comments and mentions,
hashtag performance with intervals, the boost effect (a generated ``paid`` flag), the KPI check
with its ratio-of-totals bootstrap, and the stable community events; the side-by-side peer is the
raw event detection (``stable=False``) and the plain KPI value (no interval).

Usage::

    .venv/bin/python benchmarks/bench_analysis.py               # the bundled sample
    .venv/bin/python benchmarks/bench_analysis.py --scale 4     # a generated client 4x the sample
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd


def _timed(name, fn, rows):
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    rows.append((name, time.perf_counter() - t0, time.process_time() - c0))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=None, help="generate a client of this scale (default: the sample)")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    from smanalysis.conversation.topics import TopicModel
    from smanalysis.io import load_dataset
    from smanalysis.media import boost_effect, hashtag_performance, kpi_check, post_metrics, summary
    from smanalysis.network import community_events, snapshots

    root = Path(__file__).resolve().parents[1] / "data" / "sample" / "exports"
    if args.scale:
        from smanalysis.sample import write_sample

        out = Path(tempfile.mkdtemp()) / "client"
        write_sample(out, scale=args.scale, seed=7)
        root = out / "exports" if (out / "exports").is_dir() else out
    ds = load_dataset(root)
    own = ds.posts[ds.posts["account"].str.startswith("kopisenja")]
    rng = np.random.default_rng(0)
    pm = post_metrics(own.assign(paid=rng.random(len(own)) < 0.2))
    texts = pd.concat([ds.comments["text"], ds.mentions["text"]], ignore_index=True)
    rows = []
    _timed(f"topics NMF, {len(texts):,} texts", lambda: TopicModel(n_topics=8, min_df=5).fit(texts), rows)
    _timed(f"hashtag_performance, {len(pm):,} posts", lambda: hashtag_performance(pm), rows)
    _timed(f"boost_effect, {len(pm):,} posts", lambda: boost_effect(pm), rows)
    _timed("kpi_check er_reach with interval", lambda: kpi_check(pm, targets={"er_reach": 0.05}), rows)
    _timed("peer: er_reach value only (summary)", lambda: summary(pm, by=None, metrics=["er_reach"], ci=None), rows)
    snap = snapshots(ds.interactions, freq="M", measures=("pagerank", "community"), seed=0)
    ev = _timed("community_events stable", lambda: community_events(snap), rows)
    raw = _timed("peer: community_events raw", lambda: community_events(snap, min_size=3, change=0.1, stable=False),
                 rows)
    print(f"{'step':45s} {'wall s':>8s} {'cpu s':>8s}")
    for name, wall, cpu in rows:
        print(f"{name:45s} {wall:8.2f} {cpu:8.2f}")
    print(f"events other than continuation: stable {int((ev['event'] != 'continuation').sum())}, "
          f"raw {int((raw['event'] != 'continuation').sum())}")


if __name__ == "__main__":
    main()
