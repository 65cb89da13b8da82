"""The ``smanalysis`` command line: parses options and calls the library (no logic here).

Every mistake (a missing file, a bad option, an unwritable ``--out``) ends with one line on
stderr and exit status 1 (2 for options argparse rejects); ``--debug`` (or ``SMANALYSIS_DEBUG=1``)
shows the traceback instead. Ctrl-C or SIGTERM exits with 130.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
import threading

from ._version import __version__


def _cmd_load(args) -> int:
    from .io import load_report

    text, ok = load_report(args.paths, kind=args.kind, show_rejects=args.rejects)
    print(text)
    return 0 if ok else 1


def _cmd_sample(args) -> int:
    from .sample import write_sample

    written = write_sample(args.out, scale=args.scale, seed=args.seed, overwrite=args.force)
    for p in written:
        print(p)
    return 0


def _cmd_notebooks(args) -> int:
    from .workspace import copy_notebooks

    try:
        written = copy_notebooks(args.dir, sample=not args.no_sample, overwrite=args.force)
    except FileExistsError as err:
        print(f"smanalysis notebooks: {err}", file=sys.stderr)
        return 2
    for p in written:
        print(p)
    return 0


def _cmd_report(args) -> int:
    _check_out(args.out)
    from .reporting.spare import prestart_kernel, stop_spares

    if args.scheduler is None and (args.jobs == 1 or len(args.configs) == 1) and any(map(os.path.isfile, args.configs)):
        prestart_kernel()  # the clients run in this process: the first kernel starts while the rest imports
    try:
        from .reporting.batch import run_batch

        notebooks = args.notebooks.split(",") if args.notebooks else None
        summary = run_batch(args.configs, out=args.out, jobs=args.jobs, lang=args.lang, period=args.period,
                            notebooks=notebooks, allow_custom_notebooks=args.allow_custom_notebooks,
                            scheduler=args.scheduler, pdf=args.pdf)
    finally:
        stop_spares()
    return 0 if all(s == "ok" for s in summary["status"]) else 1


def _check_out(out) -> None:
    """``--out`` must be a folder this user can write (or creatable in one)."""
    p = os.path.abspath(out)
    if os.path.exists(p) and not os.path.isdir(p):
        raise NotADirectoryError(f"--out {out!r} is a file, not a folder")
    parent = p
    while not os.path.exists(parent):
        parent = os.path.dirname(parent)
    if not os.path.isdir(parent) or not os.access(parent, os.W_OK | os.X_OK):
        raise PermissionError(f"--out {out!r}: cannot write to {'it' if parent == p else 'its parent folder'}")


def _positive(kind):
    def check(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a positive number, but {text!r} was passed") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be a positive number, but {text!r} was passed")
        return value

    check.__name__ = kind.__name__
    return check


def _period(text):
    from .reporting.config import parse_period

    try:
        parse_period(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smanalysis", description="Social media analysis for Indonesian small businesses (UKM).")
    p.add_argument("--version", action="version", version=f"smanalysis {__version__}")
    p.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    sub = p.add_subparsers(dest="command", required=True)

    lo = sub.add_parser("load", help="read export files; print per file the format detected, rows read and rejects")
    lo.add_argument("paths", nargs="+", help="export files (CSV, XLSX, JSONL) or folders")
    lo.add_argument("--kind", default=None, help="force a format instead of detecting it")
    lo.add_argument("--rejects", type=int, default=10, help="how many rejected rows to show per file (default 10)")
    lo.set_defaults(func=_cmd_load)

    sa = sub.add_parser("sample", help="write the sample UKM dataset in real export formats")
    sa.add_argument("--out", default="data/sample", help="output folder (default data/sample)")
    sa.add_argument("--scale", type=_positive(float), default=1.0, help="size multiplier (1 = the bundled sample)")
    sa.add_argument("--seed", type=int, default=2026, help="random seed")
    sa.add_argument("--force", action="store_true",
                    help="write into a folder that already holds files (default: it must be new or empty)")
    sa.set_defaults(func=_cmd_sample)

    nb = sub.add_parser("notebooks", help="copy the notebooks (and the sample, wired in) into a folder for JupyterLab")
    nb.add_argument("dir", help="working folder (created if needed)")
    nb.add_argument("--no-sample", action="store_true", help="copy only the notebooks, not the sample dataset")
    nb.add_argument("--force", action="store_true",
                    help="write into a folder that already holds files, replacing the notebooks there "
                         "(default: it must be new or empty)")
    nb.set_defaults(func=_cmd_notebooks)

    rp = sub.add_parser("report", help="run the notebooks for each client config and write HTML reports")
    rp.add_argument("configs", nargs="+", help="client config YAML files")
    rp.add_argument("--out", default="reports", help="output folder (default reports)")
    rp.add_argument("--jobs", type=_positive(int), default=1, help="clients run in parallel")
    rp.add_argument("--lang", choices=["id", "en"], default=None, help="report language (default: the config's, else id)")
    rp.add_argument("--period", type=_period, default=None, help="period as YYYY-MM or START:END (default: the config's)")
    rp.add_argument("--notebooks", default=None,
                    help="notebooks in the report: 'all' or comma-separated names (default: the config's, else 04_evaluation)")
    rp.add_argument("--allow-custom-notebooks", action="store_true",
                    help="let --notebooks and configs name notebook files other than the bundled ones "
                         "(they run with your permissions: only notebooks you trust)")
    rp.add_argument("--pdf", action="store_true",
                    help="also write report.pdf and summary.png (a card to share), printed by Chromium")
    rp.add_argument("--scheduler", default=None, metavar="ADDRESS",
                    help="run the clients on Dask: a scheduler address (tcp://host:8786), or 'local' to start a "
                         "LocalCluster of --jobs workers (the workers must see the configs, data and --out)")
    rp.set_defaults(func=_cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    debug = args.debug or bool(os.environ.get("SMANALYSIS_DEBUG"))
    try:
        return args.func(args)
    except KeyboardInterrupt:
        if debug:
            raise
        print(f"smanalysis {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - one line for the user; --debug for the traceback
        if debug:
            raise
        text = " ".join(str(err).split()) or type(err).__name__
        print(f"smanalysis {args.command}: error: {text}", file=sys.stderr)
        return 1


def run(argv: list[str] | None = None) -> None:
    """The ``smanalysis`` command (the console script and ``python -m smanalysis``): :func:`main`,
    then :func:`leave` with its exit status."""
    leave(main(argv))


def leave(code: int) -> None:
    """End the process with exit status ``code``, without the interpreter's teardown.

    A normal exit frees the objects of pandas, matplotlib and Jupyter one by one: ~0.5 s after a
    report. What an exit must do is done first, in the interpreter's order: the threads that are
    not daemons are waited for (the store of the parse cache), the exit handlers run (``atexit``:
    spare kernels stopped, logging flushed, temporary folders removed), then stdout and stderr are
    flushed. Where the interpreter offers no way to run its exit handlers, it exits normally.
    """
    handlers = getattr(atexit, "_run_exitfuncs", None)
    if handlers is None:  # pragma: no cover - every CPython has it
        sys.exit(code)
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    handlers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
