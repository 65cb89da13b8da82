"""Benchmark: smanalysis.io.read side by side with a bare pandas read of the same file, in the same process.

Generates realistic, distinct files in the real export formats (with :mod:`smanalysis.io.writers`):
a Meta Instagram post export with multi-line quoted captions (1,000,000 rows by default), a
comment-export CSV, a twarc2 JSONL search result (one response page of 100 tweets a line) and a
Meta daily series (two platform sections). Each file is read in a fresh Python process: first the
peer (``pandas.read_csv`` with default settings, or ``pandas.read_json(lines=True)`` for JSONL),
then ``smanalysis.io.read``, then both again; the best of the two runs of each is reported with the
ratio. Wall and CPU time are printed (on a shared machine the CPU figure is the fairer one), the CPU
seconds of both (pandas/smanalysis, with smanalysis' system time in brackets: page faults and memory
compaction, which a loaded machine inflates), and peak memory (VmHWM) of the process.

Usage::

    .venv/bin/python benchmarks/bench_io.py                # 1,000,000 rows (posts, comments)
    .venv/bin/python benchmarks/bench_io.py --rows 100000  # smaller
    .venv/bin/python benchmarks/bench_io.py --dir /tmp/bench_io  # keep the files, reuse them next time

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


WORDS = np.array(["kopi", "susu", "gula", "aren", "pandan", "senja", "jogja", "promo", "diskon", "hari", "ini",
                  "besok", "kak", "ya", "enak", "mantap", "murah", "baru", "menu", "es", "panas", "#ngopi",
                  "#kopisenja", "#jogja", "😍", "🙏", "☕", "…", "bgt", "pesan", "antar", "gratis", "ongkir"])


def _distinct(base: np.ndarray, rng, n: int) -> np.ndarray:
    """Texts that differ row by row (a template plus 1-6 random words): real captions and comments rarely repeat,
    so per-distinct-value shortcuts must not flatter the reader."""
    out = base[rng.integers(0, len(base), n)].astype(object)
    k = rng.integers(1, 7, n)
    words = WORDS[rng.integers(0, len(WORDS), (n, 6))]
    tails = np.array([" ".join(w[:j]) for w, j in zip(words, k)], dtype=object)
    return np.where(out == "", tails, out + " " + tails)


def generate_posts(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    created = pd.Timestamp("2025-11-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, n), unit="min")
    reach = rng.lognormal(7, 1, n).round()
    return pd.DataFrame({
        "post_id": (17900000000000000 + np.arange(n)).astype(str), "platform": "instagram", "account": "kopisenja.id",
        "created_at": created, "format": rng.choice(["photo", "carousel", "reel"], n),
        "caption": _distinct(CAPTIONS, rng, n),
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
        "text": _distinct(COMMENTS, rng, n), "created_at": created,
        "parent_id": np.where(brand, "c" + pd.Series(rng.integers(0, n, n)).astype(str), None),
        "is_brand_reply": brand, "account": "kopisenja.id", "likes": rng.poisson(1, n).astype(float),
    })


def _peer(path: str):
    if path.endswith(".jsonl"):
        return pd.read_json(path, lines=True)
    with open(path, "rb") as fh:
        head = fh.read(2)
    if head == b"\xff\xfe":  # the Meta daily series: the peer is told the encoding and the two lines to skip
        return pd.read_csv(path, encoding="utf-16", skiprows=2, sep=None, engine="python")
    return pd.read_csv(path)


def _read_one(path: str) -> None:
    """Child process: import, note the baseline memory, time the peer and smanalysis twice each, print JSON."""
    from smanalysis.io import read

    base = _peak_mb()
    best = {"peer": (1e9, 1e9), "smanalysis": (1e9, 1e9)}
    sys_s = {"peer": 1e9, "smanalysis": 1e9}
    rows = rejects = None
    fmt = None
    for _ in range(2):
        for name in ("peer", "smanalysis"):
            t0, c0, s0 = time.perf_counter(), time.process_time(), resource.getrusage(resource.RUSAGE_SELF).ru_stime
            r = _peer(path) if name == "peer" else read(path)
            dt, cpu = time.perf_counter() - t0, time.process_time() - c0
            sys_s[name] = min(sys_s[name], resource.getrusage(resource.RUSAGE_SELF).ru_stime - s0)
            best[name] = (min(best[name][0], dt), min(best[name][1], cpu))
            if name == "smanalysis":
                rows, rejects, fmt = r.rows, len(r.rejects), r.format
            del r
    print(json.dumps({"format": fmt, "rows": rows, "rejects": rejects, "peer_s": best["peer"][0],
                      "peer_cpu": best["peer"][1], "ours_s": best["smanalysis"][0],
                      "ours_cpu": best["smanalysis"][1], "peer_sys": sys_s["peer"], "ours_sys": sys_s["smanalysis"],
                      "baseline_mb": base, "peak_mb": _peak_mb()}))


def _peak_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM; ru_maxrss survives exec, so it is a fallback)."""
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate_tweets(n: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    created = pd.Timestamp("2025-11-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 365 * 24 * 3600, n), unit="s")
    users = np.array([f"user{i}" for i in range(20_000)] + ["kopisenja_id"])
    author = users[rng.integers(0, len(users), n)]
    kind = rng.choice(["tweet", "reply", "quote", "retweet"], n, p=[0.5, 0.3, 0.1, 0.1])
    ids = (1900000000000000000 + np.arange(n)).astype(str)
    ref = np.where(kind != "tweet", ids[np.maximum(0, np.arange(n) - rng.integers(1, 50, n))], None)
    target = users[rng.integers(0, len(users), n)]
    text = np.char.add(np.char.add("@", target), " " + COMMENTS[rng.integers(0, len(COMMENTS), n)])
    return pd.DataFrame({
        "tweet_id": ids, "author": author, "author_followers": rng.integers(0, 5000, n).astype(float),
        "created_at": created, "text": text, "reply_to_user": np.where(kind == "reply", target, None),
        "reply_to_tweet": np.where(kind == "reply", ref, None), "quoted_tweet": np.where(kind == "quote", ref, None),
        "retweeted_tweet": np.where(kind == "retweet", ref, None), "likes": rng.poisson(2, n).astype(float),
        "retweets": rng.poisson(1, n).astype(float), "replies": rng.poisson(1, n).astype(float),
        "quotes": rng.poisson(0.2, n).astype(float), "impressions": rng.poisson(300, n).astype(float),
        "quoted_user": np.where(kind == "quote", target, None), "retweeted_user": np.where(kind == "retweet", target, None),
    })


def generate_daily(days: int, seed: int = 4) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    dates = pd.date_range("1950-01-01", periods=days, freq="D")
    return pd.concat([pd.DataFrame({"date": dates, "platform": p, "account": "kopisenja", "metric": "reach",
                                    "value": rng.poisson(800, days).astype(float)}) for p in ("facebook", "instagram")],
                     ignore_index=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--read", help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "out" / "bench_io.txt"))
    ap.add_argument("--dir", help="keep the generated files in this folder and reuse them on the next run (same "
                                  "--rows); default: a temporary folder removed afterwards")
    args = ap.parse_args(argv)
    if args.read:
        _read_one(args.read)
        return 0
    from smanalysis.io import writers as W
    from smanalysis.io import writers_daily as WD

    try:
        load = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load = ["?"]
    lines = [f"bench_io: {args.rows:,} rows (posts, comments), {args.rows // 20:,} tweets, "
             f"{min(args.rows // 20, 50_000):,} days x 2 sections (python {sys.version.split()[0]}, pandas "
             f"{pd.__version__}; load average {' '.join(load)})"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.dir) / f"rows_{args.rows}" if args.dir else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = {
            "Meta posts (Instagram, UTF-8 BOM, quoted, multi-line captions)": folder / "ig_posts.csv",
            "comments export": folder / "comments.csv",
            "twarc2 JSONL (pages of 100 tweets)": folder / "tweets.jsonl",
            "Meta daily series (UTF-16, two sections)": folder / "reach.csv",
        }
        t0 = time.perf_counter()
        if not all(p.exists() for p in files.values()):
            p, c, j, d = files.values()
            W.write_meta_posts(generate_posts(args.rows), p, platform="instagram")
            W.write_comments_export(generate_comments(args.rows), c)
            W.write_twarc_jsonl(generate_tweets(args.rows // 20), j, page_size=100)
            WD.write_meta_daily_sections(generate_daily(min(args.rows // 20, 50_000)), d,
                                         titles={"facebook": "Facebook reach", "instagram": "Instagram reach"})
            lines.append(f"generated and written in {time.perf_counter() - t0:.1f} s")
        else:
            lines.append(f"files reused from {folder}")
        lines.append(f"{'file':<66} {'rows':>9} {'MB':>5} {'pandas s':>9} {'smanalysis s':>13} {'ratio':>6} "
                     f"{'ratio CPU':>9} {'CPU s (sys)':>17} {'peak MB':>8}")
        for label, path in files.items():
            out = subprocess.run([sys.executable, __file__, "--read", str(path)], capture_output=True, text=True,
                                 check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            size = path.stat().st_size / 2**20
            lines.append(f"{label:<66} {r['rows']:>9,} {size:>5.0f} {r['peer_s']:>9.2f} {r['ours_s']:>13.2f} "
                         f"{r['ours_s'] / r['peer_s']:>5.2f}x {r['ours_cpu'] / r['peer_cpu']:>8.2f}x "
                         f"{r['peer_cpu']:>5.2f}/{r['ours_cpu']:<5.2f}({r['ours_sys']:.2f}) {r['peak_mb']:>8.0f}")
    text = "\n".join(lines)
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
