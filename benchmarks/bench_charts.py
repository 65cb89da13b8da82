"""CPU cost of the sample report's charts, side by side with a bare SVG save of the same figures.

Builds the sample report's evaluation context, runs every section as the report notebook does and
times, per chart, the ``plot_*`` call that builds the figure ("build") and the fitting and saving
that the report does (:func:`smanalysis.plotting.theme.phone_svg`: "fit+save", first call, cold
font caches). Each figure is kept as it was handed to ``phone_svg`` is rebuilt ``--repeat``
times from the same data (the same ``plot_*`` call) and saved: with ``phone_svg`` again (warm, the
best run) and by the peer, a bare ``savefig(format="svg")`` of the same figure with no fitting at
all (the floor: one draw).
"figure()" is all of adding the chart to its section (:meth:`Section.figure`: fit and save, alt
text, smallest-font check). CPU time (``time.process_time``), so the numbers hold up on a shared
machine.

"warm" profits from the text sizes the first run measured (kept for the run, as in a report's
kernel); "bare svg" does not (it measures text with a new renderer each time, as matplotlib does).

Usage::

    python benchmarks/bench_charts.py [--config data/sample/client.yaml] [--repeat 3] [--profile 40]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

SECTIONS = ("story_section", "overview_section", "profile_section", "kpi_section", "media_section",
            "execution_section", "analysis_section", "conversation_section", "network_section",
            "recommendations_section", "next_plan_section", "definitions_section")


def _cpu(fn, *args, **kwargs):
    t = time.process_time()
    out = fn(*args, **kwargs)
    return out, time.process_time() - t


def main(argv=None) -> int:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", default=str(here / "data" / "sample" / "client.yaml"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="print the N costliest functions (cProfile) of one warm phone_svg of every chart")
    ap.add_argument("--profile-bare", action="store_true", help="profile the bare SVG saves instead")
    args = ap.parse_args(argv)
    os.environ.setdefault("SMANALYSIS_PARSE_CACHE", tempfile.mkdtemp(prefix="bench_charts_"))
    os.environ.setdefault("MPLBACKEND", "Agg")
    warnings.simplefilter("ignore")

    import matplotlib.pyplot as plt

    import smanalysis.plan as planmod
    import smanalysis.plotting as plotting
    import smanalysis.reporting as rp
    from smanalysis.plotting import theme

    builds: dict[int, tuple] = {}  # id(figure) -> (plot function name, build CPU seconds, the call)
    charts = []  # one dict a chart, in the report's order

    def timed_plot(name, fn):
        def wrapper(*a, **k):
            ax, cpu = _cpu(fn, *a, **k)
            builds[id(getattr(ax, "figure", ax))] = (name, cpu, (fn, a, k))
            return ax
        return wrapper

    for name in [n for n in dir(plotting) if n.startswith("plot_")]:
        setattr(plotting, name, timed_plot(name, getattr(plotting, name)))
    planmod.plot_execution = timed_plot("plot_execution", planmod.plot_execution)
    original = theme.phone_svg

    def timed_svg(fig, **k):
        name, build, call = builds.get(id(fig), ("?", float("nan"), None))
        svg, cpu = _cpu(original, fig, **k)
        charts.append({"name": name, "build": build, "live": cpu, "report": float("nan"), "call": call, "kw": k,
                       "bytes": len(svg)})
        return svg

    theme.phone_svg = timed_svg
    from smanalysis.reporting.sections import Section

    section_figure = Section.figure

    def timed_figure(self, fig_or_ax, **k):  # the whole of adding a chart: fit and save, alt text, font check
        n = len(charts)
        out, cpu = _cpu(section_figure, self, fig_or_ax, **k)
        if len(charts) > n:
            charts[-1]["report"] = cpu
        return out

    Section.figure = timed_figure
    t0 = time.process_time()
    ctx = rp.evaluation_context(args.config)
    for n in SECTIONS:
        s = getattr(rp, n)(ctx)
        if hasattr(s, "_repr_html_"):
            s._repr_html_()
    sections_cpu = time.process_time() - t0
    theme.phone_svg = original
    Section.figure = section_figure
    if ctx.problems:
        print("problems:", ctx.problems, file=sys.stderr)

    for c in charts:  # warm replays: phone_svg again, and the peer (bare savefig, no fitting)
        c["warm"] = c["bare"] = float("nan")
        if c["call"] is None:
            continue
        fn, a, k = c["call"]
        warm, bare = [], []
        for _ in range(args.repeat):
            fig = fn(*a, **k).figure
            warm.append(_cpu(original, fig, **c["kw"])[1])
            plt.close(fig)
            fig = fn(*a, **k).figure
            buf = io.StringIO()
            bare.append(_cpu(fig.savefig, buf, format="svg", metadata={"Date": None})[1])
            plt.close(fig)
        c["warm"], c["bare"] = min(warm), min(bare)

    if args.profile:
        import cProfile
        import pstats

        figs = [c["call"][0](*c["call"][1], **c["call"][2]).figure for c in charts if c["call"]]
        pr = cProfile.Profile()
        pr.enable()
        for fig, c in zip(figs, [c for c in charts if c["call"]]):
            if args.profile_bare:
                fig.savefig(io.StringIO(), format="svg", metadata={"Date": None})
            else:
                original(fig, **c["kw"])
        pr.disable()
        plt.close("all")
        pstats.Stats(pr).sort_stats("cumulative").print_stats(args.profile)
        pstats.Stats(pr).sort_stats("tottime").print_stats(args.profile)

    ms = lambda x: f"{x * 1000:8.1f}"  # noqa: E731
    print(f"{'chart':28} {'build':>8} {'fit+save':>8} {'figure()':>8} {'warm':>8} {'bare svg':>8} {'KB':>6}   (CPU ms)")
    for c in charts:
        print(f"{c['name']:28} {ms(c['build'])} {ms(c['live'])} {ms(c['report'])} {ms(c['warm'])} {ms(c['bare'])} "
              f"{c['bytes'] / 1024:6.1f}")
    tot = {k: sum(c[k] for c in charts) for k in ("build", "live", "report", "warm", "bare")}
    print(f"{'TOTAL (' + str(len(charts)) + ' charts)':28} {ms(tot['build'])} {ms(tot['live'])} {ms(tot['report'])} "
          f"{ms(tot['warm'])} {ms(tot['bare'])}")
    print(f"build + figure() (first run): {tot['build'] + tot['report']:.2f} s CPU; warm fit+save / bare svg: "
          f"{tot['warm'] / tot['bare']:.2f}x; all sections incl. charts: {sections_cpu:.2f} s CPU")
    print("load:", os.getloadavg())
    return 0


if __name__ == "__main__":
    sys.exit(main())
