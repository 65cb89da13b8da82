"""Time the client reports at scale 1, 10 and 100, side by side with the floor.

Usage::

    .venv/bin/python benchmarks/bench_reports.py [--scales 1,10,100] [--jobs 2] [--clients 10] [--skip-batch]

For each scale the sample generator writes a client (:func:`smanalysis.sample.write_sample`,
scale 10 = 42 files and ~99,000 rows; scale 100 = 387 files and ~980,000 rows; the issue's "about
1.3 M rows" is scale 133: ``--scales 133``) into a temporary folder, then,
each in a fresh process so peak memory is its own:

* **in process**: the evaluation notebook's steps one by one (building the context from a cold
  parse cache, then every section, shown as the notebook shows it: tables formatted into HTML),
  wall time each and the peak resident memory of the process; then the context once more, as the
  monthly re-run builds it from the Parquet parse cache (``context re-run``);
* **end to end**: ``smanalysis report client.yaml`` as a user runs it (a fresh interpreter: its
  imports, the papermill kernel, the HTML export), wall time with CPU seconds in brackets, split
  into the time before the kernel, the kernel's start (with its warm imports), the wait for the
  command's own parse of the exports (done while the kernel starts, :mod:`smanalysis.reporting.kernel`),
  the notebook's other cells and the rest after them (kernel stop, HTML export), when the first
  section cell (the story) started from the command's start (``story starts``), and the peak
  memory of the largest process (command or kernel); run twice, the second a monthly re-run that
  finds the parsed exports in the Parquet cache (:mod:`smanalysis.io.cache`).

The **floor** is a bare ``papermill`` + ``nbconvert`` run of a trivial notebook in the same run.
Without ``--skip-batch`` a batch of ``--clients`` sample-sized clients runs with ``--jobs``, then
one after another through the command line (``--jobs 1``: each next client's kernel is started
during the client before) and, when Dask is installed, on a 2-worker ``LocalCluster``
(``--scheduler local``).

Goals (issue 15): scale 1 < 5 s; scale 10 < 20 s; scale 100 < 3 min and < 4 GB peak; the cost
per row not rising with size. Prints the table and writes it to ``benchmarks/out/bench_reports.txt``.

The lead's run on a quiet machine (scale 100 generates ~1 M rows first: minutes, and ~3 GB)::

    python benchmarks/bench_reports.py                        # scale 1, 10, 100 + the batch of 10
    python benchmarks/bench_reports.py --scales 1,10 --skip-e2e --skip-batch   # in process only
    python benchmarks/bench_reports.py --scales 1 --profile   # + cProfile of each step
    python benchmarks/bench_reports.py --scales 1,10 --skip-inproc --skip-batch   # end to end only
    python benchmarks/bench_reports.py --scales 100 --data 100=/tmp/s100 --skip-e2e --skip-batch
                                        # reuse a sample written by `smanalysis sample --scale 100 --out /tmp/s100`

``--profile`` writes the 25 costliest functions (cumulative) of each in-process step to
``benchmarks/out/profile_scale<N>.txt`` (profiling slows the run: its times are not the table's).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
#: the evaluation notebook's cells after the context, in its order (story first)
STEPS = ("story_section", "overview_section", "profile_section", "kpi_section", "media_section", "execution_section",
         "analysis_section", "conversation_section", "network_section", "recommendations_section", "next_plan_section",
         "definitions_section", "write_key_metrics")


def _peak_mb(who) -> float:
    import resource

    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if platform.system() != "Darwin" else kb / 1024 / 1024


def _in_process(config: str, profile: str = "") -> dict:
    """The evaluation notebook's steps in this process: seconds per step, peak memory (with
    ``profile``, a file to write the cProfile of each step to)."""
    import contextlib
    import cProfile
    import io
    import pstats
    import resource
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    warnings.simplefilter("ignore")
    import IPython.display  # noqa: F401 - a report's kernel has it when its first cell runs; not the story's cost
    from smanalysis import reporting as rp

    out = Path(tempfile.mkdtemp())
    times, cpu, report = {}, {}, []

    @contextlib.contextmanager
    def step_of(name):
        prof = cProfile.Profile() if profile else None
        t, c = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        yield
        if prof:
            prof.disable()
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
            report.append(f"==== {name}\n{buf.getvalue()}")
        times[name], cpu[name] = time.perf_counter() - t, time.process_time() - c

    t0, c0 = time.perf_counter(), time.process_time()
    with step_of("context"):
        ctx = rp.evaluation_context(config, output_dir=out)
    for step in STEPS:
        with step_of(step.replace("_section", "")):
            shown = getattr(rp, step)(ctx)
            if hasattr(shown, "_ipython_display_"):  # what the notebook's cell shows: tables as HTML, charts
                with contextlib.redirect_stdout(io.StringIO()):
                    shown._ipython_display_()
    total, cpu_total = time.perf_counter() - t0, time.process_time() - c0
    # the monthly re-run: the exports are in the Parquet parse cache the first build filled
    t, c = time.perf_counter(), time.process_time()
    rp.evaluation_context(config, output_dir=out)
    rerun = {"wall": time.perf_counter() - t, "cpu": time.process_time() - c}
    if profile:
        Path(profile).write_text("\n".join(report), encoding="utf-8")
    return {"times": times, "cpu": cpu, "total": total, "cpu_total": cpu_total, "context_rerun": rerun,
            "peak_mb": _peak_mb(resource.RUSAGE_SELF), "problems": len(ctx.problems)}


def _end_to_end(config: str, out: str) -> dict:
    """``smanalysis report CONFIG`` as a user runs it (a fresh interpreter: its imports, the kernel,
    the HTML export), twice: the first from a cold parse cache, the second a monthly re-run. Per
    run: wall and CPU seconds (this command and its kernel), and where the wall time went, from
    the executed notebook (papermill's timestamps)."""
    import resource
    import shutil

    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # as a user runs it
    res = []
    for _ in range(2):  # the second run finds the parsed exports in the cache
        shutil.rmtree(out, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.time()
        done = subprocess.run([sys.executable, "-m", "smanalysis", "report", config, "--out", out],
                              capture_output=True, text=True, env=env)
        t1 = time.time()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"smanalysis report failed:\n{done.stderr[-3000:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        status = "ok" if done.returncode == 0 else "partial/failed"
        res.append({"seconds": t1 - t0, "cpu": cpu, "status": status, **_phases(Path(out), t0, t1)})
    return {"runs": res, "kernel_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN)}


def _phases(out: Path, t0: float, t1: float) -> dict:
    """Where a report's wall time (``t0``..``t1``, epoch seconds) went, from papermill's timestamps
    in the executed notebooks: ``before`` (interpreter start, imports, config, up to papermill),
    ``kernel`` (kernel start and its warm imports, up to the first code cell), ``wait`` (the first
    code cell, the parameters: it waits for the parent's parse of the exports), ``cells`` (the
    notebook's other code) and ``after`` (the rest: kernel stop, scrubbing, the HTML export, the
    summary)."""
    import json as _json
    from datetime import datetime

    def ts(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

    nbs = [_json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*/notebooks/*.ipynb"))]
    metas = [nb["metadata"].get("papermill", {}) for nb in nbs]
    if not nbs or not all(m.get("start_time") for m in metas):
        return {k: float("nan") for k in ("before", "kernel", "wait", "cells", "after", "story")}
    kernel = wait = cells = 0.0
    for nb, meta in zip(nbs, metas):
        ran = [c["metadata"]["papermill"] for c in nb["cells"]
               if c["cell_type"] == "code" and c["metadata"].get("papermill", {}).get("start_time")]
        kernel += (ts(ran[0]["start_time"]) - ts(meta["start_time"])) if ran else 0.0
        wait += (ts(ran[0]["end_time"]) - ts(ran[0]["start_time"])) if ran else 0.0
        cells += sum(ts(c["end_time"]) - ts(c["start_time"]) for c in ran[1:])
    before = min(ts(m["start_time"]) for m in metas) - t0
    # when the first section cell (the story, after the context cell) started, from the command's start
    story = float("nan")
    for nb in nbs:
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        at = [i for i, c in enumerate(code) if "evaluation_context(" in "".join(c["source"])]
        if at and at[0] + 1 < len(code) and code[at[0] + 1]["metadata"].get("papermill", {}).get("start_time"):
            story = ts(code[at[0] + 1]["metadata"]["papermill"]["start_time"]) - t0
            break
    return {"before": before, "kernel": kernel, "wait": wait, "cells": cells,
            "after": (t1 - t0) - before - kernel - wait - cells, "story": story}


def _floor(tmp: Path) -> dict:
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                   "language_info": {"name": "python"}}
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("x + 1")]
    src = tmp / "trivial.ipynb"
    nbformat.write(nb, src)
    t0 = time.perf_counter()
    done = pm.execute_notebook(str(src), str(tmp / "trivial_out.ipynb"), parameters={"x": 2}, kernel_name="python3",
                               progress_bar=False)
    t1 = time.perf_counter()
    HTMLExporter(exclude_input=True).from_notebook_node(done)
    return {"papermill": t1 - t0, "nbconvert": time.perf_counter() - t1}


def _child(kind: str, *args, cache: str | None = None) -> dict:
    """Run one measurement in a fresh interpreter (its own peak memory) and return its JSON; with
    ``cache``, that folder (a new one: cold) is its Parquet parse cache."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", "MPLBACKEND": "Agg"}
    if cache:
        env["SMANALYSIS_PARSE_CACHE"] = cache
    res = subprocess.run([sys.executable, __file__, "--child", kind, *args], capture_output=True, text=True, env=env)
    if res.returncode != 0:
        raise RuntimeError(f"{kind} {args} failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def _rows(folder: Path) -> int:
    from smanalysis.io import load_dataset

    ds = load_dataset([str(folder / "exports"), str(folder / "content_plan.csv")])
    return int(sum(len(getattr(ds, n)) for n in ("posts", "comments", "mentions", "followers", "edges")
                   if hasattr(ds, n)))


def _batch_configs(sample: Path, folder: Path, n: int) -> list[Path]:
    base = yaml.safe_load((sample / "client.yaml").read_text(encoding="utf-8"))
    root = sample.resolve()
    base["profile"] = str(root / base["profile"])
    if base.get("codebook"):
        base["codebook"] = str(root / base["codebook"])
    base["data"] = [str(root / d) if isinstance(d, str) else {**d, "path": str(root / d["path"])} for d in base["data"]]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"client_{i:02d}.yaml"
        p.write_text(yaml.safe_dump({**base, "client": f"Klien {i:02d}", "slug": f"klien-{i:02d}"}), encoding="utf-8")
        paths.append(p)
    return paths


def _batch(configs: list[str], out: str, jobs: str, scheduler: str) -> dict:
    from smanalysis.reporting.batch import run_batch

    t0 = time.perf_counter()
    kw = {"scheduler": scheduler} if scheduler else {"jobs": int(jobs)}
    s = run_batch(configs, out=out, verbose=False, **kw)
    return {"seconds": time.perf_counter() - t0, "ok": int((s["status"] == "ok").sum()), "n": len(s),
            "median": float(s["seconds"].median())}


def _cli_batch(configs: list[str], out: str) -> dict:
    """``smanalysis report CONFIGS`` (``--jobs 1``) as a user runs it: one client after another in
    one process, each next client's kernel started during the client before (smanalysis.reporting.spare)."""
    import csv

    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "smanalysis", "report", *configs, "--out", out],
                          capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        raise RuntimeError(f"smanalysis report failed:\n{done.stderr[-3000:]}")
    with open(Path(out) / "summary.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    times = sorted(float(r["seconds"]) for r in rows)
    return {"seconds": seconds, "ok": sum(r["status"] == "ok" for r in rows), "n": len(rows),
            "median": times[len(times) // 2] if times else float("nan")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default="1,10,100", help="comma-separated sample scales (default 1,10,100)")
    ap.add_argument("--jobs", type=int, default=2, help="processes of the --jobs batch (default 2)")
    ap.add_argument("--clients", type=int, default=10, help="sample-sized clients in the batch (default 10)")
    ap.add_argument("--skip-batch", action="store_true", help="no batch (--jobs and Dask LocalCluster)")
    ap.add_argument("--skip-e2e", action="store_true", help="only the in-process steps")
    ap.add_argument("--skip-inproc", action="store_true", help="only the end-to-end runs (and the floor)")
    ap.add_argument("--data", action="append", default=[], metavar="SCALE=DIR",
                    help="reuse a sample already written by `smanalysis sample --scale SCALE --out DIR` "
                         "instead of generating it (repeatable, e.g. --data 100=/tmp/s100)")
    ap.add_argument("--profile", action="store_true",
                    help="cProfile each in-process step into benchmarks/out/profile_scale<N>.txt")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        fn = {"inproc": _in_process, "e2e": _end_to_end, "floor": lambda d: _floor(Path(d)), "batch": None}[kind]
        if kind == "batch":
            out = _batch(rest[3:], rest[0], rest[1], rest[2])
        else:
            out = fn(*rest)
        print(json.dumps(out))
        return 0

    lines = []

    def say(s=""):
        lines.append(s)
        print(s, flush=True)

    say(f"bench_reports: python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at start")
    scales = [float(s) for s in args.scales.split(",")]
    reuse = {float(k): Path(v) for k, v in (d.split("=", 1) for d in args.data)}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        os.environ.setdefault("SMANALYSIS_PARSE_CACHE", str(tmp / "parse-cache"))  # this run's own (rows, batch)
        floor = _child("floor", str(tmp))
        say(f"floor (trivial notebook): papermill {floor['papermill']:.1f} s + nbconvert {floor['nbconvert']:.1f} s")
        results = {}
        for sc in scales:
            from smanalysis.sample import write_sample

            folder = reuse.get(sc, tmp / f"scale{sc:g}")
            t0 = time.perf_counter()
            if sc in reuse:
                files, how = [p for p in (folder / "exports").rglob("*") if p.is_file()], f"reused {folder}"
            else:
                files = write_sample(folder, scale=sc)
                how = f"generated in {time.perf_counter() - t0:.0f} s"
            rows = _rows(folder)
            n_exports = sum(1 for f in files if f.parent.name == "exports")
            say(f"scale {sc:g}: {n_exports} export files, {rows:,} rows ({how}), "
                f"load {os.getloadavg()[0]:.1f}")
            prof = str(ROOT / "benchmarks" / "out" / f"profile_scale{sc:g}.txt") if args.profile else ""
            if prof:
                Path(prof).parent.mkdir(parents=True, exist_ok=True)
            # each measurement starts from a cold parse cache of its own (the first build of the month)
            ip = None if args.skip_inproc else _child("inproc", str(folder / "client.yaml"), prof,
                                                      cache=str(tmp / f"cache-inproc{sc:g}"))
            e2e = None if args.skip_e2e else _child("e2e", str(folder / "client.yaml"), str(tmp / f"out{sc:g}"),
                                                    cache=str(tmp / f"cache-e2e{sc:g}"))
            results[sc] = (rows, ip, e2e)
            say(("" if ip is None else f"  in process {ip['total']:.1f} s, peak {ip['peak_mb']:.0f} MB;") + (
                "" if e2e is None else f"  end to end {e2e['runs'][0]['seconds']:.1f} s cold, "
                f"{e2e['runs'][1]['seconds']:.1f} s re-run ({e2e['runs'][0]['status']}), peak "
                f"{e2e['kernel_peak_mb']:.0f} MB"))
        head = f"{'wall s (cpu s)':<16}" + "".join(f"{'scale ' + format(s, 'g'):>16}" for s in scales)
        say("")
        say(head)

        def cell(r, st):
            return f"{r['times'][st]:.2f} ({r['cpu'][st]:.2f})" if st in r["times"] else f"{r['total']:.2f} ({r['cpu_total']:.2f})"

        if not args.skip_inproc:
            for st in [*next(iter(results.values()))[1]["times"], "in process"]:
                say(f"{st:<16}" + "".join(f"{cell(results[s][1], st):>16}" for s in scales))
            say(f"{'context re-run':<16}" + "".join(
                f"{results[s][1]['context_rerun']['wall']:.2f} ({results[s][1]['context_rerun']['cpu']:.2f})".rjust(16)
                for s in scales))
            say(f"{'peak MB':<16}" + "".join(f"{results[s][1]['peak_mb']:>16.0f}" for s in scales))
        if not args.skip_e2e:
            def run(r):
                return f"{r['seconds']:.1f} ({r['cpu']:.1f})"

            say(f"{'end to end':<16}" + "".join(f"{run(results[s][2]['runs'][0]):>16}" for s in scales))
            for key, label in (("before", "  before kernel"), ("kernel", "  kernel start"), ("wait", "  parse wait"),
                               ("cells", "  cells"), ("after", "  after cells"), ("story", "  story starts")):
                say(f"{label:<16}" + "".join(f"{results[s][2]['runs'][0][key]:>16.2f}" for s in scales))
            say(f"{'re-run (cache)':<16}" + "".join(f"{run(results[s][2]['runs'][1]):>16}" for s in scales))
            say(f"{'  kernel start':<16}" + "".join(f"{results[s][2]['runs'][1]['kernel']:>16.2f}" for s in scales))
            say(f"{'e2e peak MB':<16}" + "".join(f"{results[s][2]['kernel_peak_mb']:>16.0f}" for s in scales))
        say(f"{'rows':<16}" + "".join(f"{results[s][0]:>16,}" for s in scales))
        if not args.skip_inproc:
            say(f"{'us/row wall':<16}" + "".join(f"{1e6 * results[s][1]['total'] / results[s][0]:>16.1f}"
                                                  for s in scales))
            say(f"{'us/row cpu':<16}" + "".join(f"{1e6 * results[s][1]['cpu_total'] / results[s][0]:>16.1f}"
                                                 for s in scales))
        say("goals: scale 1 < 5 s; scale 10 < 20 s; scale 100 < 180 s and < 4096 MB; us per row not rising")
        if not args.skip_batch:
            sample = tmp / "scale1"
            if not sample.is_dir():
                from smanalysis.sample import write_sample

                write_sample(sample)
            configs = [str(p) for p in _batch_configs(sample, tmp / "many", args.clients)]
            b = _child("batch", str(tmp / "batch_jobs"), str(args.jobs), "", *configs)
            say(f"batch of {b['n']} clients, --jobs {args.jobs}: {b['seconds']:.1f} s ({b['ok']}/{b['n']} ok, "
                f"median {b['median']:.1f} s a client), load {os.getloadavg()[0]:.1f}")
            b = _cli_batch(configs, str(tmp / "batch_cli"))
            say(f"batch of {b['n']} clients, --jobs 1 (command line, next kernel started ahead): {b['seconds']:.1f} s "
                f"({b['ok']}/{b['n']} ok, median {b['median']:.1f} s a client), load {os.getloadavg()[0]:.1f}")
            try:
                import distributed  # noqa: F401
            except ImportError:
                say("dask.distributed not installed: no LocalCluster figure")
            else:
                b = _child("batch", str(tmp / "batch_dask"), "2", "local", *configs)
                say(f"batch of {b['n']} clients, --scheduler local (2 workers): {b['seconds']:.1f} s "
                    f"({b['ok']}/{b['n']} ok, median {b['median']:.1f} s a client), load {os.getloadavg()[0]:.1f}")
    say(f"load average at end: {os.getloadavg()[0]:.1f}")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_reports.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
