"""CPU of the evaluation report's sections in the kernel, with chart rendering shown apart.

Usage::

    python benchmarks/bench_sections.py [--config data/sample/client.yaml] [--repeat 5] [--dump FILE]

Each repeat runs in a fresh interpreter that, like the report's kernel, has run
:func:`smanalysis.reporting.kernel.warm_up` (its imports) before the clock starts and finds the exports in
the Parquet parse cache (warmed once at the start, as the ``smanalysis report`` parent does while
the kernel starts). It then runs the notebook's cells in order: the evaluation context, every
section shown as the notebook shows it (tables formatted into HTML) and ``write_key_metrics``.

For every step the table gives the CPU seconds (median over the repeats) split into

* ``charts``: the time inside chart rendering (every ``smanalysis.plotting.plot_*`` and
  ``smanalysis.plan.plot_*`` call and :meth:`Section.figure`, i.e. ``phone_svg``): the charts
  engineer's part;
* ``compute``: everything else (loading, figures, text, tables): the sections' own part;

and the wall seconds of the step. ``--dump FILE`` writes what the report shows (every section's
Markdown and table HTML, a hash of each chart, ``metrics.json``) of the last repeat, so two code
versions can be checked for identical outputs (``cmp`` or ``diff`` the two files).

The numbers are this machine's; under load (see the printed load average) compare CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the evaluation notebook's cells after the context, in its order
STEPS = ("story_section", "overview_section", "profile_section", "kpi_section", "media_section", "execution_section",
         "analysis_section", "conversation_section", "network_section", "recommendations_section", "next_plan_section",
         "definitions_section", "write_key_metrics")


class _ChartClock:
    """Accumulates the CPU and wall seconds spent inside chart rendering (outermost calls only)."""

    def __init__(self):
        self.cpu = self.wall = 0.0
        self._depth = 0

    def wrap(self, fn):
        import functools

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            if self._depth:
                return fn(*args, **kwargs)
            self._depth += 1
            c, t = time.process_time(), time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu += time.process_time() - c
                self.wall += time.perf_counter() - t
                self._depth -= 1

        return timed

    def install(self):
        from smanalysis import plan, plotting
        from smanalysis.reporting import sections

        for mod in (plotting, plan):
            for name in dir(mod):
                if name.startswith("plot_") and callable(getattr(mod, name)):
                    setattr(mod, name, self.wrap(getattr(mod, name)))
        sections.Section.figure = self.wrap(sections.Section.figure)


def _shown(sec) -> list[str]:
    """What a section shows, as text: Markdown, table HTML, a hash of each chart."""
    import hashlib

    from smanalysis.reporting.sections import _table_html

    out = ["#" * sec.level + " " + sec.title]
    for kind, block in sec.blocks:
        if kind == "md":
            out.append(block)
        elif kind == "table":
            out.append(_table_html(block, sec.tz, sec.lang))
        elif kind == "svg":
            out.append(f"svg {hashlib.sha256(block[0]).hexdigest()[:16]} alt={block[1]}")
        else:
            out.append(f"{kind} {len(block)} bytes")
    return out


def _child(config: str, dump: str) -> dict:
    """One run of the notebook's cells in this (fresh) interpreter."""
    import contextlib
    import importlib
    import io
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    warnings.simplefilter("ignore")
    from smanalysis.reporting import kernel

    if hasattr(kernel, "warm_up"):
        kernel.warm_up()  # what the report's kernel does while it starts
    else:  # an older version (to compare): its warm imports
        for name in kernel.WARM_MODULES:
            importlib.import_module(name)
    import IPython.display  # noqa: F401 - a report's kernel has it when its first cell runs; not the story's cost
    from smanalysis import reporting as rp

    clock = _ChartClock()
    clock.install()
    out = Path(tempfile.mkdtemp())
    rows, shown = {}, []

    @contextlib.contextmanager
    def step(name):
        c, t, cc, cw = time.process_time(), time.perf_counter(), clock.cpu, clock.wall
        yield
        cpu, wall = time.process_time() - c, time.perf_counter() - t
        charts = clock.cpu - cc
        rows[name] = {"cpu": cpu, "wall": wall, "charts": charts, "compute": cpu - charts,
                      "compute_wall": wall - (clock.wall - cw)}

    with step("context"):
        ctx = rp.evaluation_context(config, output_dir=out)
    for name in STEPS:
        with step(name.replace("_section", "")):
            res = getattr(rp, name)(ctx)
            if hasattr(res, "_ipython_display_"):  # as the notebook shows it: tables as HTML
                with contextlib.redirect_stdout(io.StringIO()):
                    res._ipython_display_()
        if dump:
            shown.extend(_shown(res) if hasattr(res, "blocks") else [f"{name}: {Path(str(res)).name}"])
    if dump:
        metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8")) if (out / "metrics.json").exists() \
            else {}
        metrics.pop("generated_at", None)
        shown.append(json.dumps(metrics, sort_keys=True, indent=1, ensure_ascii=False, default=str))
        shown.append(json.dumps(ctx.problems, indent=1, default=str))
        Path(dump).write_text("\n\n".join(shown), encoding="utf-8")
    return rows


def _run_child(config: str, cache: str, dump: str = "") -> dict:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", "MPLBACKEND": "Agg",
           "SMANALYSIS_PARSE_CACHE": cache}
    res = subprocess.run([sys.executable, __file__, "--child", config, dump], capture_output=True, text=True, env=env)
    if res.returncode != 0:
        raise RuntimeError(f"child failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=str(ROOT / "data" / "sample" / "client.yaml"), help="client config")
    ap.add_argument("--repeat", type=int, default=5, help="fresh-interpreter runs, median shown (default 5)")
    ap.add_argument("--dump", default="", help="write what the report shows (last run) to this file")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(_child(*args.child)))
        return 0
    print(f"bench_sections: python {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f} at start; {Path(args.config).resolve()}")
    with tempfile.TemporaryDirectory() as cache:
        from smanalysis.reporting.client import warm_client_cache

        os.environ["SMANALYSIS_PARSE_CACHE"] = cache
        warm_client_cache(args.config)  # as the report's parent does while the kernel starts
        runs = [_run_child(args.config, cache, args.dump if i == args.repeat - 1 else "") for i in range(args.repeat)]
    names = list(runs[0])

    def med(name, key):
        return statistics.median(r[name][key] for r in runs)

    print(f"\n{'step':<16}{'compute cpu':>12}{'charts cpu':>12}{'total cpu':>12}{'wall':>9}")
    for name in names:
        print(f"{name:<16}{med(name, 'compute'):>12.3f}{med(name, 'charts'):>12.3f}{med(name, 'cpu'):>12.3f}"
              f"{med(name, 'wall'):>9.3f}")
    tot = {k: statistics.median(sum(r[n][k] for n in names) for r in runs) for k in ("compute", "charts", "cpu", "wall")}
    sect = statistics.median(sum(r[n]["compute"] for n in names if n != "context") for r in runs)
    print(f"{'all cells':<16}{tot['compute']:>12.3f}{tot['charts']:>12.3f}{tot['cpu']:>12.3f}{tot['wall']:>9.3f}")
    print(f"non-chart cpu of the cells: {tot['compute']:.2f} s (sections without the context {sect:.2f} s); "
          f"median of {args.repeat} runs, load average {os.getloadavg()[0]:.2f} at end")
    if args.dump:
        print(f"outputs of the last run written to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
