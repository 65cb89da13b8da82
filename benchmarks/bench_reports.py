"""Time the client reports end to end: one client, then a batch of 10 sample-sized clients.

Usage::

    .venv/bin/python benchmarks/bench_reports.py [--jobs 2] [--clients 10] [--notebooks 04_evaluation|all]

The clients are configs generated into a temporary folder, all pointing at the bundled sample
(``data/sample``; generated with :func:`smanalysis.sample.write_sample` when absent), each with
its own slug. Prints the figures and writes them to ``benchmarks/out/bench_reports.txt``.
Targets (issue 6): one client's full report under 30 s, 10 clients with ``--jobs 2`` under 3 min.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _sample(tmp: Path) -> Path:
    sample = ROOT / "data" / "sample"
    if (sample / "client.yaml").is_file():
        return sample
    from smanalysis.sample import write_sample

    write_sample(tmp / "sample")
    return tmp / "sample"


def _configs(sample: Path, folder: Path, n: int, notebooks: str) -> list[Path]:
    base = yaml.safe_load((sample / "client.yaml").read_text(encoding="utf-8"))
    root = sample.resolve()
    base["profile"] = str(root / base["profile"])
    if base.get("codebook"):
        base["codebook"] = str(root / base["codebook"])
    base["data"] = [str(root / d) if isinstance(d, str) else {**d, "path": str(root / d["path"])} for d in base["data"]]
    if notebooks != "04_evaluation":
        base["notebooks"] = notebooks if notebooks == "all" else notebooks.split(",")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"client_{i:02d}.yaml"
        p.write_text(yaml.safe_dump({**base, "client": f"Klien {i:02d}", "slug": f"klien-{i:02d}"}), encoding="utf-8")
        paths.append(p)
    return paths


def _children_peak_mb() -> float:
    """Peak resident memory of the finished child processes (the kernels), in MB (POSIX only)."""
    try:
        import resource

        kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return kb / 1024 if platform.system() != "Darwin" else kb / 1024 / 1024
    except (ImportError, OSError):
        return float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--notebooks", default="04_evaluation", help="04_evaluation (default), all, or a comma list")
    ap.add_argument("--skip-batch", action="store_true")
    args = ap.parse_args(argv)

    from smanalysis.reporting.batch import run_batch

    lines = [f"bench_reports: python {platform.python_version()}, {os.cpu_count()} cores, "
             f"load average {os.getloadavg()[0]:.1f}, notebooks={args.notebooks}"]
    print(lines[0], flush=True)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        sample = _sample(tmp)
        one = _configs(sample, tmp / "one", 1, args.notebooks)
        t0 = time.perf_counter()
        s1 = run_batch(one, out=tmp / "out_one", jobs=1, verbose=False)
        t_one = time.perf_counter() - t0
        html = tmp / "out_one" / "klien-00" / "report.html"
        size = html.stat().st_size / 1e6 if html.is_file() else float("nan")
        peak = _children_peak_mb()
        lines.append(f"one client end to end: {t_one:.1f} s (status {s1['status'].iloc[0]}; report.html {size:.2f} MB;"
                     f" peak memory of a notebook kernel {peak:.0f} MB; target < 30 s)")
        print(lines[-1], flush=True)
        if not args.skip_batch:
            many = _configs(sample, tmp / "many", args.clients, args.notebooks)
            t0 = time.perf_counter()
            s = run_batch(many, out=tmp / "out_many", jobs=args.jobs, verbose=False)
            t_many = time.perf_counter() - t0
            ok = int((s["status"] == "ok").sum())
            lines.append(f"batch of {args.clients} clients with --jobs {args.jobs}: {t_many:.1f} s "
                         f"({ok}/{args.clients} ok; {t_many / args.clients:.1f} s a client; per-client median "
                         f"{s['seconds'].median():.1f} s; target < 180 s)")
            print(lines[-1], flush=True)
        lines.append(f"load average after: {os.getloadavg()[0]:.1f}")
        print(lines[-1])
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_reports.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
