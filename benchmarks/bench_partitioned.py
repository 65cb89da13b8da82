"""Partitioned conversation/network counts on many generated mentions (default 10 M), with Dask.

Usage::

    .venv/bin/python benchmarks/bench_partitioned.py [--rows 10000000] [--partition 500000] [--workers 2]
    .venv/bin/python benchmarks/bench_partitioned.py --rows 500000,2000000   # trend: a fresh cluster per size
    .venv/bin/python benchmarks/bench_partitioned.py --trend 10000,100000   # CPU per row, in process

The mentions are generated partition by partition straight to Parquet (one partition in memory at a
time, built with pyarrow compute): each row takes one of the bundled sample's distinct mention texts
with its brand and platform, plus three words of the sample's own vocabulary; row ``g`` gets the
digits of a bijection of ``g``, so every text of a run is **distinct** (no memo or cache can make
it cheaper than real data). Authors come from a pool of 200,000 handles, times from 2026. Then
:func:`smanalysis.partitioned.partitioned_counts` runs on a fresh Dask ``LocalCluster`` of
``--workers`` processes (2 GB each); prints generation and counting time, the workers' CPU
seconds and CPU microseconds per row, and the peak memory of the workers and of this process: with
several ``--rows`` a table, so a cost per row or a memory that rises with size shows.

``--trend`` instead times :func:`~smanalysis.partitioned.mention_counts` in this process on one
partition of each size: CPU microseconds per row of each step (sentiment, intents, terms, the
grouped counts), so a cost per row that rises with size shows whatever the load of the machine.
"""

from __future__ import annotations

import argparse
import functools
import math
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
    """The bundled sample's mentions, one row per distinct text, and its vocabulary."""
    from smanalysis.conversation.text import tokenize
    from smanalysis.io import load_dataset

    sample = ROOT / "data" / "sample"
    if not (sample / "client.yaml").is_file():
        from smanalysis.sample import write_sample

        sample = Path(tempfile.mkdtemp()) / "sample"
        write_sample(sample)
    m = load_dataset([str(sample / "exports")], profile=str(sample / "profile.yaml")).mentions
    m = m[m["text"].notna() & m["brand"].notna()].drop_duplicates("text").reset_index(drop=True)
    vocab = np.array(sorted({w for t in tokenize(m["text"], stopwords=True) for w in t}), dtype=object)
    return m, vocab


#: words added to each seed text; with the distinct seed texts they make every row's text distinct
_EXTRA = 3


def _partition(m, vocab, n, seed, start=0):
    """``n`` mentions numbered ``start``.. as a pyarrow Table: row ``g`` gets the seed text and the
    three added words of the mixed-radix digits of ``g * A mod N`` (N = texts x words^3, A prime to
    N): a bijection, so no two rows of a run share a text. Authors (a pool of 200,000 handles) and
    times (2026) are random (``seed``). Built with pyarrow compute, no Python loop over rows."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = np.random.default_rng(seed)
    n_text, n_word = len(m), len(vocab)
    big = n_text * n_word ** _EXTRA
    # a multiplier near big x golden ratio scatters consecutive rows over every digit
    mult = next(a for a in range(int(big * 0.6180339887) | 1, big, 2) if math.gcd(a, big) == 1)
    if start + n > min(big, (2 ** 63 - 1) // mult):
        raise ValueError(f"at most {min(big, (2 ** 63 - 1) // mult):,} distinct mentions from this sample")
    h = (np.arange(start, start + n, dtype=np.int64) * mult) % big
    pick = pa.array(h % n_text)
    h //= n_text
    words = pa.array(vocab.tolist(), type=pa.string())
    parts = [pa.array(m["text"].astype(str).tolist(), type=pa.string()).take(pick)]
    for _ in range(_EXTRA):
        parts.append(words.take(pa.array(h % n_word)))
        h //= n_word
    t0 = pd.Timestamp("2026-01-01", tz="UTC").value
    times = pa.array(rng.integers(t0, t0 + 365 * 86400 * 10**9, n)).cast(pa.timestamp("ns", tz="UTC"))
    return pa.table({"brand": pa.array(m["brand"].astype(str).tolist(), type=pa.string()).take(pick),
                     "author": _AUTHORS().take(pa.array(rng.integers(0, len(_AUTHORS()), n))),
                     "text": pc.binary_join_element_wise(*parts, " "),
                     "platform": pa.array(m["platform"].astype(str).tolist(), type=pa.string()).take(pick),
                     "created_at": times})


@functools.lru_cache(maxsize=1)
def _AUTHORS():
    import pyarrow as pa

    return pa.array([f"akun{i}" for i in range(200_000)], type=pa.string())


def _trend(m, vocab, sizes) -> None:
    from smanalysis.conversation.care import intents
    from smanalysis.conversation.memo import clear_memos
    from smanalysis.conversation.sentiment import sentiment
    from smanalysis.conversation.text import tokenize
    from smanalysis.partitioned import mention_counts

    sentiment(["warm up"], evidence=False)  # lexicon tables loaded once, outside the timings
    steps = {"sentiment": lambda p: sentiment(p["text"], evidence=False), "intents": lambda p: intents(p["text"]),
             "terms": lambda p: tokenize(p["text"], stopwords=True), "all counts": mention_counts}
    print(f"{'CPU us/row':<12}" + "".join(f"{n:>12,}" for n in sizes))
    rows = {k: [] for k in steps}
    for n in sizes:
        part = _partition(m, vocab, n, seed=n).to_pandas()
        for k, fn in steps.items():
            clear_memos()
            c = time.process_time()
            fn(part)
            rows[k].append(1e6 * (time.process_time() - c) / n)
    for k, v in rows.items():
        print(f"{k:<12}" + "".join(f"{x:>12.0f}" for x in v))
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)


def _worker_stats():
    """Peak resident MB and CPU seconds of this (worker) process."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_maxrss / 1024, r.ru_utime + r.ru_stime


def _run(m, vocab, rows: int, partition: int, workers: int, tmp: Path) -> dict:
    """Generate ``rows`` mentions to Parquet partition by partition, then count them on a fresh
    LocalCluster (its workers' peak memory is this run's alone)."""
    import pyarrow.parquet as pq
    from distributed import Client, LocalCluster

    from smanalysis.partitioned import partitioned_counts

    folder = tmp / f"mentions_{rows}"
    folder.mkdir()
    t0 = time.perf_counter()
    for i, start in enumerate(range(0, rows, partition)):  # one partition in memory at a time
        pq.write_table(_partition(m, vocab, min(partition, rows - start), seed=i, start=start),
                       folder / f"part-{i:05d}.parquet")
    gen = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit="2GB") as cluster, Client(cluster) as client:
        before = client.run(_worker_stats)
        t0 = time.perf_counter()
        res = partitioned_counts(folder)
        wall = time.perf_counter() - t0
        after = client.run(_worker_stats)
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    cpu = sum(after[w][1] - before[w][1] for w in after)
    return {"rows": rows, "partitions": i + 1, "parquet_mb": size, "gen_s": gen, "wall_s": wall, "cpu_s": cpu,
            "worker_peak_mb": max(v[0] for v in after.values()),
            "here_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "counted": int(res["voice"]["n"].sum()), "edges": len(res["edges"]), "terms": len(res["terms"]),
            "brands": len(res["net_sentiment"])}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="10000000",
                    help="mentions to generate and count; comma-separated sizes give a trend table "
                         "(a fresh cluster each), e.g. 500000,2000000")
    ap.add_argument("--partition", type=int, default=500_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--trend", help="comma-separated sizes: CPU per row in process instead of the Dask run")
    args = ap.parse_args(argv)
    print(f"bench_partitioned: python {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    m, vocab = _seed_rows()
    if args.trend:
        _trend(m, vocab, [int(float(x)) for x in args.trend.split(",")])
        return 0
    sizes = [int(float(x)) for x in args.rows.split(",")]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = _run(m, vocab, n, args.partition, args.workers, Path(tmp))
            runs.append(r)
            print(f"{n:,} distinct mentions: {r['partitions']} Parquet partitions ({r['parquet_mb']:.0f} MB) generated "
                  f"in {r['gen_s']:.0f} s; counted in {r['wall_s']:.0f} s on {args.workers} workers, "
                  f"{r['counted']:,} mentions, {r['edges']:,} edges, {r['terms']:,} terms, {r['brands']} brands; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
    print()
    print(f"{'':<22}" + "".join(f"{r['rows']:>14,}" for r in runs))
    for label, key, f in [("generate s", "gen_s", ".0f"), ("count wall s", "wall_s", ".0f"),
                          ("count CPU s (workers)", "cpu_s", ".0f"), ("mentions/s (wall)", None, ",.0f"),
                          ("CPU us/row", None, ".1f"), ("worker peak MB", "worker_peak_mb", ".0f"),
                          ("submitting peak MB", "here_mb", ".0f")]:
        vals = [r[key] if key else (r["rows"] / r["wall_s"] if label.startswith("mentions") else
                                    1e6 * r["cpu_s"] / r["rows"]) for r in runs]
        print(f"{label:<22}" + "".join(f"{v:>14{f}}" for v in vals))
    last = runs[-1]
    if last["rows"] < 10_000_000:
        print(f"10 M mentions at the last size's CPU per row: ~{1e7 * last['cpu_s'] / last['rows'] / args.workers:.0f} s "
              f"of counting on {args.workers} quiet cores (+ ~{1e7 * last['gen_s'] / last['rows']:.0f} s generating)")
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
