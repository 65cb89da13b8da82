"""The evaluation's sections with and without the forked child (:mod:`smanalysis.reporting.ahead`),
side by side in the same run (A B A B), at scale 1 (the bundled sample) and 10.

Usage::

    .venv/bin/python benchmarks/bench_ahead.py [--scales 1,10] [--repeat 2] [--skip-e2e]

* **cells**: the notebook's cells after the context in a fresh interpreter, as the report's kernel
  runs them (its warm imports first; ``SMANALYSIS_AHEAD=0`` or ``1``): wall seconds of each section
  and of all of them, the kernel's CPU seconds and the child's, the peak resident memory of each
  (the child shares the kernel's pages until either writes them: its peak counts the shared ones);
* **end to end**: ``smanalysis report CONFIG`` (the command, its kernel, the HTML export), wall and
  CPU seconds of the command with all its processes.

The numbers are indicative under load (2 cores shared): the load average is printed; compare CPU
seconds when it is above 1. The parse cache is warmed first, so every run reads the same Parquet.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("story", "overview", "profile", "kpi", "media", "execution", "analysis", "conversation", "network",
            "recommendations", "next_plan", "definitions")
SHOWN = ("story", "media", "analysis", "conversation", "network")


def _cells(config: str, out: str) -> dict:
    """The cells after the context in this process (run in a fresh interpreter)."""
    import contextlib
    import io
    import warnings

    warnings.simplefilter("ignore")
    from smanalysis.reporting import ahead, kernel

    kernel.warm_up()
    from smanalysis import reporting as rp

    ctx = rp.evaluation_context(config, output_dir=out)
    times = {}
    t0, c0 = time.perf_counter(), time.process_time()
    for name in SECTIONS:
        t = time.perf_counter()
        sec = getattr(rp, f"{name}_section")(ctx)
        with contextlib.redirect_stdout(io.StringIO()):
            sec._ipython_display_()  # as the notebook shows it: tables as HTML, charts
        times[name] = time.perf_counter() - t
    t = time.perf_counter()
    rp.write_key_metrics(ctx)
    times["key_metrics"] = time.perf_counter() - t
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    run = ahead._runs.get(id(ctx))
    if run is not None:  # the child's CPU is counted once it is reaped
        with run.done:
            run.done.wait_for(lambda: run.finished, 60)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"times": times, "wall": wall, "cpu": cpu, "child_cpu": child.ru_utime + child.ru_stime,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "child_peak_mb": child.ru_maxrss / 1024,
            "forked": run is not None}


def _run(args: list[str], env: dict) -> tuple[float, float, str]:
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = subprocess.run(args, capture_output=True, text=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        raise RuntimeError(f"{args} failed:\n{res.stderr[-3000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return time.perf_counter() - t, cpu, res.stdout


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10")
    ap.add_argument("--repeat", type=int, default=2, help="pairs of runs (without, with) per scale")
    ap.add_argument("--skip-e2e", action="store_true")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(_cells(*args.child)))
        return 0
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", "MPLBACKEND": "Agg"}
    tmp = Path(tempfile.mkdtemp(prefix="bench-ahead-"))
    env.setdefault("SMANALYSIS_PARSE_CACHE", str(tmp / "parse-cache"))
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    for scale in [float(s) for s in args.scales.split(",")]:
        if scale == 1 and (ROOT / "data" / "sample" / "client.yaml").is_file():
            config = str(ROOT / "data" / "sample" / "client.yaml")
        else:
            from smanalysis.sample import write_sample

            write_sample(tmp / f"scale{scale:g}", scale=scale)
            config = str(tmp / f"scale{scale:g}" / "client.yaml")
        _run([sys.executable, __file__, "--child", config, str(tmp / "warm")], env)  # fills the parse cache
        rows = {"0": [], "1": []}
        for i in range(args.repeat * 2):
            mode = "01"[i % 2]
            _, _, out = _run([sys.executable, __file__, "--child", config, str(tmp / f"o{i}")],
                             {**env, "SMANALYSIS_AHEAD": mode})
            res = json.loads(out.strip().splitlines()[-1])
            if not args.skip_e2e:
                res["e2e"] = _run([sys.executable, "-m", "smanalysis", "report", config, "--out", str(tmp / f"r{i}")],
                                  {**env, "SMANALYSIS_AHEAD": mode})[:2]
            rows[mode].append(res)
        print(f"\nscale {scale:g} (load average {os.getloadavg()[0]:.2f}); wall s, runs A B A B: "
              "without the child (SMANALYSIS_AHEAD=0) | with (=1)")
        print(f"{'':22}" + "".join(f"{'without':>9}{'with':>9}" for _ in range(args.repeat)))

        def line(label, get):
            vals = "".join(f"{get(rows['0'][k]):9.2f}{get(rows['1'][k]):9.2f}" for k in range(args.repeat))
            print(f"{label:22}{vals}")

        for name in SHOWN:
            line(f"  {name}", lambda r, n=name: r["times"][n])
        line("cells (wall)", lambda r: r["wall"])
        line("kernel CPU", lambda r: r["cpu"])
        line("child CPU", lambda r: r["child_cpu"])
        line("kernel peak MB", lambda r: r["peak_mb"])
        line("child peak MB", lambda r: r["child_peak_mb"])
        if not args.skip_e2e:
            line("end to end (wall)", lambda r: r["e2e"][0])
            line("end to end (CPU)", lambda r: r["e2e"][1])
        if not all(r["forked"] for r in rows["1"]):
            print("note: a run with SMANALYSIS_AHEAD=1 did not fork")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
