"""Benchmark: reading 1,000,000 rows of a Meta post export and of a comment export.

Generates the files in the real formats (with :mod:`smanalysis.io.writers`),
then reads each one in a fresh Python process and prints rows per second (wall
clock and CPU time: on a shared machine the CPU figure is the fairer one) and
peak memory (peak resident set size of that process, and the same measure
after importing smanalysis, before reading).

Usage::

    .venv/bin/python benchmarks/bench_io.py                # 1,000,000 rows each
    .venv/bin/python benchmarks/bench_io.py --rows 100000  # smaller

Output also goes to ``benchmarks/out/bench_io.txt``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

CAPTIONS = np.array([
    "Kopi susu gula aren andalan kita ☕ #KopiSenja #kopijogja",
    "𝐏𝐫𝐨𝐦𝐨 𝐡𝐞𝐦𝐚𝐭 hari ini: beli 2 gratis 1!\nBerlaku sampai jam 17.00 ya kak",
    "Senja di Jogja paling pas ditemani es kopi pandan 🌿",
    "Tips seduh V60 di rumah: gilingan medium, air 92°C, rasio 1:15",
    "",
    "Live musik akustik malam Minggu, jangan lupa reservasi 🙏 #jogja",
])
COMMENTS = np.array([
    "enak bgt kak 😍", "udh 2x pesen tp belum dikirim??", "buka jam brp kak?", "mantap, harganya brp?",
    "gk nyesel mampir sini", "pelayanannya lama bgt, \"katanya\" 10 menit", "cek DM kak!! promo murah", "👍👍",
])


def generate_posts(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    created = pd.Timestamp("2025-11-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, n), unit="min")
    reach = rng.lognormal(7, 1, n).round()
    return pd.DataFrame({
        "post_id": (17900000000000000 + np.arange(n)).astype(str), "platform": "instagram", "account": "kopisenja.id",
        "created_at": created, "format": rng.choice(["photo", "carousel", "reel"], n),
        "caption": CAPTIONS[rng.integers(0, len(CAPTIONS), n)],
        "permalink": "https://www.instagram.com/p/" + pd.Series(np.arange(n)).astype(str) + "/",
        "views": (reach * rng.uniform(1.1, 2.0, n)).round(), "reach": reach,
        "likes": (reach * rng.uniform(0.01, 0.08, n)).round(), "comments": rng.poisson(4, n).astype(float),
        "shares": rng.poisson(2, n).astype(float), "saves": rng.poisson(5, n).astype(float),
    })


def generate_comments(n: int, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    created = pd.Timestamp("2025-11-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 365 * 24 * 3600, n), unit="s")
    ids = pd.Series(np.arange(n)).astype(str)
    brand = rng.random(n) < 0.2
    return pd.DataFrame({
        "comment_id": "c" + ids, "post_id": (17900000000000000 + rng.integers(0, 300, n)).astype(str),
        "platform": rng.choice(["instagram", "tiktok", "facebook"], n),
        "author": np.where(brand, "kopisenja.id", "user" + (rng.integers(0, 50_000, n)).astype(str)),
        "text": COMMENTS[rng.integers(0, len(COMMENTS), n)], "created_at": created,
        "parent_id": np.where(brand, "c" + pd.Series(rng.integers(0, n, n)).astype(str), None),
        "is_brand_reply": brand, "account": "kopisenja.id", "likes": rng.poisson(1, n).astype(float),
    })


def _read_one(path: str) -> None:
    """Child process: import, note the baseline memory, read, print JSON."""
    from smanalysis.io import read

    base = _peak_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    r = read(path)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = _peak_mb()
    print(json.dumps({"format": r.format, "rows": len(r.data), "rejects": len(r.rejects), "seconds": dt,
                      "cpu_seconds": cpu, "baseline_mb": base, "peak_mb": peak}))


def _peak_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM; ru_maxrss survives exec, so it is a fallback)."""
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--read", help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "out" / "bench_io.txt"))
    args = ap.parse_args(argv)
    if args.read:
        _read_one(args.read)
        return 0
    from smanalysis.io import writers as W

    lines = [f"bench_io: {args.rows:,} rows per file (python {sys.version.split()[0]}, pandas {pd.__version__})"]
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        t0 = time.perf_counter()
        files["meta_posts_instagram (UTF-8 BOM, quoted, multi-line captions)"] = p = Path(tmp) / "ig_posts.csv"
        W.write_meta_posts(generate_posts(args.rows), p, platform="instagram")
        files["comments_export"] = c = Path(tmp) / "comments.csv"
        W.write_comments_export(generate_comments(args.rows), c)
        lines.append(f"generated and written in {time.perf_counter() - t0:.1f} s")
        for label, path in files.items():
            out = subprocess.run([sys.executable, __file__, "--read", str(path)], capture_output=True, text=True,
                                 check=True)
            res = json.loads(out.stdout.strip().splitlines()[-1])
            size = path.stat().st_size / 2**20
            lines.append(
                f"{label}: {res['rows']:,} rows ({size:.0f} MB) in {res['seconds']:.2f} s wall "
                f"({res['cpu_seconds']:.2f} s CPU) = {res['rows'] / res['seconds']:,.0f} rows/s wall, "
                f"{res['rows'] / res['cpu_seconds']:,.0f} rows/s CPU; rejects {res['rejects']}; "
                f"peak RSS {res['peak_mb']:.0f} MB "
                f"(baseline after import {res['baseline_mb']:.0f} MB, so {res['peak_mb'] - res['baseline_mb']:.0f} MB "
                f"for reading)")
    text = "\n".join(lines)
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
