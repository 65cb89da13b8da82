"""Speed and memory of the media layer on generated posts.

Times ``post_metrics`` (with a daily followers table) + ``summary`` (by
platform, every rate, 95% bootstrap intervals) + ``best_times`` on N
generated posts (default 1,000,000), then repeats the three calls under
tracemalloc for the peak memory they allocate. Also times a many-group summary
(account x format) and ``compare_groups``. Prints posts/second and writes the
output to ``benchmarks/out/bench_media.txt``.

Usage::

    .venv/bin/python benchmarks/bench_media.py [--n 1000000] [--seed 0]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.media import best_times, compare_groups, post_metrics, summary

PLATFORMS = np.array(["instagram", "facebook", "tiktok", "x", "youtube"], dtype=object)
FORMATS = np.array(["photo", "carousel", "video", "reel", "story", "text", "link", "live", "other"], dtype=object)
THEMES = np.array(["menu", "promo", "behind the scenes", "tips", "event", "community"], dtype=object)


def generate(n: int, seed: int = 0, accounts_per_platform: int = 20):
    """n posts over 2026 across 5 platforms x ``accounts_per_platform`` accounts, and their daily followers."""
    rng = np.random.default_rng(seed)
    p = rng.integers(0, len(PLATFORMS), n)
    a = rng.integers(0, accounts_per_platform, n)
    platform = PLATFORMS[p]
    account = np.char.add("acct", (p * accounts_per_platform + a).astype(str)).astype(object)
    start = pd.Timestamp("2026-01-01", tz="UTC").value
    created = pd.to_datetime(start + rng.integers(0, 365 * 86_400, n) * 1_000_000_000, utc=True)
    reach = rng.gamma(2.0, 400.0, n).round()
    likes = rng.poisson(reach * 0.05)
    comments = rng.poisson(reach * 0.005)
    shares = rng.poisson(reach * 0.003)
    saves = rng.poisson(reach * 0.004).astype(float)
    views = (reach * rng.uniform(1.2, 2.5, n)).round()
    impressions = views.copy()
    # Meta from 2025: Views, no Impressions, on half the Instagram/Facebook rows; X has no reach
    meta_views = (p <= 1) & (rng.random(n) < 0.5)
    impressions[meta_views | (p == 2)] = np.nan
    reach = np.where(p == 3, np.nan, reach)
    saves[p == 1] = np.nan
    posts = pd.DataFrame({
        "post_id": np.arange(n).astype(str).astype(object),
        "platform": platform, "account": account, "created_at": created,
        "format": FORMATS[rng.integers(0, len(FORMATS), n)], "theme": THEMES[rng.integers(0, len(THEMES), n)],
        "reach": reach, "impressions": impressions, "views": views,
        "likes": likes.astype(float), "comments": comments.astype(float), "shares": shares.astype(float),
        "saves": saves, "clicks": rng.poisson(2.0, n).astype(float),
        "engagements_reported": np.where(p == 3, likes + comments + shares + 3, np.nan),
    })
    days = pd.date_range("2025-12-31", "2026-12-31", freq="D")
    acc = np.unique(np.column_stack([p, p * accounts_per_platform + a]), axis=0)
    followers = pd.DataFrame({
        "date": np.tile(days.to_numpy(), len(acc)),
        "platform": np.repeat(PLATFORMS[acc[:, 0]], len(days)),
        "account": np.repeat(np.char.add("acct", acc[:, 1].astype(str)).astype(object), len(days)),
        "followers": np.repeat(rng.integers(500, 50_000, len(acc)), len(days)) + np.tile(np.arange(len(days)) * 3,
                                                                                            len(acc)),
    }).astype({"followers": "float64"})
    return posts, followers


def run(n: int, seed: int) -> str:
    lines = []

    def say(s=""):
        print(s, flush=True)
        lines.append(s)

    say(f"bench_media: {n:,} generated posts, seed {seed}, pandas {pd.__version__}, numpy {np.__version__}, "
        f"{os.cpu_count()} CPUs (shared with other engineers' jobs)")
    t0 = time.perf_counter()
    posts, followers = generate(n, seed)
    say(f"generate: {time.perf_counter() - t0:.2f} s ({len(followers):,} follower-days)")
    warnings.simplefilter("ignore", SMAnalysisWarning)

    def three():
        times = {}
        t = time.perf_counter()
        pm = post_metrics(posts, followers=followers)
        times["post_metrics"] = time.perf_counter() - t
        t = time.perf_counter()
        s = summary(pm, by="platform", seed=seed)
        times["summary(by=platform, 12 rates, 95% CI)"] = time.perf_counter() - t
        t = time.perf_counter()
        bt = best_times(pm, min_posts=3)
        times["best_times"] = time.perf_counter() - t
        return pm, s, bt, times

    pm, s, bt, times = three()  # warm-up run is the measured run: no caching in the library
    total = sum(times.values())
    for k, v in times.items():
        say(f"  {k:<42} {v:6.3f} s")
    say(f"  {'total (target < 3 s)':<42} {total:6.3f} s   -> {n / total:,.0f} posts/s")
    say(f"  summary rows {len(s)}, ci_method {sorted(set(s['ci_method']))}; best_times ranked slots "
        f"{int(bt['rank'].notna().sum())}")

    t = time.perf_counter()
    s2 = summary(pm, by=["account", "format"], metrics=["er_reach", "er_followers"], seed=seed)
    say(f"  summary(by=account x format: {len(s2)} groups, 2 rates, CI): {time.perf_counter() - t:.3f} s, "
        f"ci_method {({k: int(v) for k, v in s2['ci_method'].value_counts().items()})}")
    small = pm.iloc[:5_000]
    t = time.perf_counter()
    s3 = summary(small, by=["account"], seed=seed)
    say(f"  summary(5,000 posts by account: {len(s3)} groups, 12 rates, all bootstrap, n_boot=1000): "
        f"{time.perf_counter() - t:.3f} s")
    t = time.perf_counter()
    cg = compare_groups(small, by="format", n_boot=2000)
    say(f"  compare_groups(5,000 posts, {len(cg)} format pairs, n_boot=2000): {time.perf_counter() - t:.3f} s")

    del pm, s, bt, s2, s3, cg
    tracemalloc.start()
    three()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    in_mem = posts.memory_usage(deep=True).sum()
    say(f"peak memory allocated by post_metrics+summary+best_times (tracemalloc): {peak / 2**20:,.0f} MiB "
        f"(input posts frame {in_mem / 2**20:,.0f} MiB)")
    say(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    text = run(args.n, args.seed)
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_media.txt").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
