"""Partitioned conversation/network counts on many generated mentions (default 10 M), with Dask.

Usage::

    .venv/bin/python benchmarks/bench_partitioned.py [--rows 10000000] [--partition 500000] [--workers 2]

The mentions are generated partition by partition straight to Parquet (never all in memory): each
row takes a real-layout mention of the bundled sample (brand, platform) and a text made of one
sample mention text plus one to three words drawn from the sample's own vocabulary, a random author
from a pool of 200,000 handles and a random time in 2026. Then
:func:`smanalysis.partitioned.partitioned_counts` runs on a Dask ``LocalCluster`` of ``--workers``
processes; prints rows/s, wall time, the peak memory of this process and of the workers.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def _seed_rows():
    from smanalysis.conversation.text import tokenize
    from smanalysis.io import load_dataset

    sample = ROOT / "data" / "sample"
    if not (sample / "client.yaml").is_file():
        from smanalysis.sample import write_sample

        sample = Path(tempfile.mkdtemp()) / "sample"
        write_sample(sample)
    m = load_dataset([str(sample / "exports")], profile=str(sample / "profile.yaml")).mentions
    m = m[m["text"].notna() & m["brand"].notna()].reset_index(drop=True)
    vocab = np.array(sorted({w for t in tokenize(m["text"], stopwords=True) for w in t}), dtype=object)
    return m, vocab


def _partition(m, vocab, n, seed):
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(m), n)
    extra = [" ".join(vocab[rng.integers(0, len(vocab), k)]) for k in rng.integers(1, 4, n)]
    text = (m["text"].to_numpy(dtype=object)[pick] + " " + np.asarray(extra, dtype=object))
    t0 = pd.Timestamp("2026-01-01", tz="UTC").value
    times = pd.to_datetime(rng.integers(t0, t0 + 365 * 86400 * 10**9, n), utc=True)
    return pd.DataFrame({"brand": m["brand"].to_numpy(dtype=object)[pick],
                         "author": np.char.add("akun", rng.integers(0, 200_000, n).astype(str)).astype(object),
                         "text": text, "platform": m["platform"].to_numpy(dtype=object)[pick], "created_at": times})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--partition", type=int, default=500_000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    from distributed import Client, LocalCluster

    from smanalysis.partitioned import partitioned_counts

    print(f"bench_partitioned: python {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    m, vocab = _seed_rows()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "mentions"
        folder.mkdir()
        t0 = time.perf_counter()
        for i, start in enumerate(range(0, args.rows, args.partition)):
            part = _partition(m, vocab, min(args.partition, args.rows - start), seed=i)
            part.to_parquet(folder / f"part-{i:05d}.parquet", index=False)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"generated {args.rows:,} mentions in {i + 1} Parquet partitions ({size:.0f} MB) in "
              f"{time.perf_counter() - t0:.0f} s", flush=True)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          memory_limit="2GB") as cluster, Client(cluster) as client:
            t0 = time.perf_counter()
            res = partitioned_counts(folder)
            wall = time.perf_counter() - t0
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        here = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"partitioned counts: {wall:.0f} s ({args.rows / wall:,.0f} mentions/s) on {args.workers} workers; "
              f"peak memory: submitting process {here:.0f} MB, workers "
              f"{', '.join(f'{v:.0f}' for v in peaks.values())} MB; load average {os.getloadavg()[0]:.1f}")
        print(f"  {res['voice']['n'].sum():,} mentions counted, {len(res['edges']):,} edges, "
              f"{len(res['terms']):,} terms, {len(res['net_sentiment'])} brands")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
