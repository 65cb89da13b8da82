"""Run the notebooks for client configs with papermill and write the reports.

Per client, under ``<out>/<slug>/``:

* ``report.html``: one self-contained HTML page (code hidden, figures embedded, table of contents,
  the period and the metric definitions used),
* ``metrics.json``: the key figures, written by the evaluation notebook
  (:func:`smanalysis.reports.write_key_metrics`),
* ``next_plan.csv``: the draft content plan for the next period,
* ``notebooks/*.ipynb``: the executed notebooks (paths and credentials scrubbed).

Examples
--------
>>> from smanalysis.reporting.runner import notebook_parameters
>>> import pandas as pd
>>> p = notebook_parameters("cfg.yaml", period=(pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")),
...                         previous=(pd.Timestamp("2026-09-01"), pd.Timestamp("2026-09-30")), lang="en",
...                         pseudonymise=True)
>>> p["period_start"], p["previous_end"], p["output_dir"]
('2026-10-01', '2026-09-30', '.')
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

import pandas as pd

from .client import CACHE_ENV
from .config import read_config, resolve_periods
from .html import notebooks_to_html, scrub, scrub_notebook
from .._checks import check_choice
from ..words import LANGS
from ..workspace import notebooks_dir

__all__ = ["run_client", "run_batch", "format_summary", "notebook_parameters", "notebooks_dir", "DEFAULT_NOTEBOOKS",
           "ALL_NOTEBOOKS"]

#: the notebooks of a client report unless the config lists others (``notebooks: [...]``)
DEFAULT_NOTEBOOKS = ("04_evaluation",)
#: the four workflow steps, for ``notebooks: all``
ALL_NOTEBOOKS = ("01_fact_finding", "02_plan_review", "03_execution", "04_evaluation")


def _resolve_notebooks(names) -> list[Path]:
    base = notebooks_dir()
    if names in ("all", ["all"]):
        names = ALL_NOTEBOOKS
    out = []
    for n in names or DEFAULT_NOTEBOOKS:
        p = Path(str(n))
        if p.suffix != ".ipynb":
            hits = sorted(base.glob(f"{p.name}*.ipynb"))
            if not hits:
                raise FileNotFoundError(f"notebook {str(n)!r} not found in the notebooks folder")
            p = hits[0]
        elif not p.is_absolute():
            p = base / p
        if not p.is_file():
            raise FileNotFoundError(f"notebook {p.name!r} not found")
        out.append(p)
    return out


def notebook_parameters(config, *, period, previous, lang, pseudonymise, output_dir=".") -> dict:
    """The parameters papermill injects into every notebook (literals only)."""
    return {
        "config": str(config),
        "period_start": f"{period[0]:%Y-%m-%d}",
        "period_end": f"{period[1]:%Y-%m-%d}",
        "previous_start": f"{previous[0]:%Y-%m-%d}",
        "previous_end": f"{previous[1]:%Y-%m-%d}",
        "lang": lang,
        "pseudonymise": bool(pseudonymise),
        "output_dir": str(output_dir),
    }


def _roots(*paths) -> list[str]:
    roots = {str(Path.home()), str(Path.cwd()), sys.prefix, os.path.realpath(sys.prefix)}
    for p in paths:
        if p:
            roots.add(str(Path(p).resolve()))
            roots.add(str(Path(p).absolute()))
    import tempfile

    roots.add(tempfile.gettempdir())
    return sorted(r for r in roots if len(r) > 1)


def run_client(config, *, out="reports", lang=None, period=None, notebooks=None, timeout=600,
               log=None, pdf: bool = False) -> dict:
    """Run the report notebooks for one client config and write its report folder.

    Parameters
    ----------
    config : path
        Client config YAML.
    out : path
        Parent folder; the client's files go to ``out/<slug>/``.
    lang : {"id", "en"}, optional
        Override the config's language.
    period : str, optional
        ``YYYY-MM`` or ``START:END``; the previous period is then the one just before.
    pdf : bool
        Also write ``report.pdf`` and ``summary.png`` (the story as a card to share), printed by
        headless Chromium (:mod:`smanalysis.reporting.share`).
    notebooks : list of str, optional
        Notebook names (prefixes such as ``"04_evaluation"``) or ``"all"``; default the config's
        ``notebooks``, else :data:`DEFAULT_NOTEBOOKS`.
    timeout : int
        Seconds a single cell may run.
    log : callable, optional
        Called with progress lines.

    Returns
    -------
    dict
        ``client``, ``slug``, ``status`` ("ok"; "partial" when the report was written but
        ``metrics.json`` lists sections that could not be computed or data files that could not be read,
        ``data.failed``), ``seconds``, ``reason``
        ("" when ok), ``outputs`` (files written, relative to ``out``).

    Raises
    ------
    Exception
        Whatever the config, a notebook or the export raised; :func:`run_batch` catches it.
    """
    import nbformat
    import papermill as pm

    t0 = time.perf_counter()
    cfg = read_config(config)
    if lang is not None:
        check_choice("lang", lang, LANGS)
    cur, prev = resolve_periods(cfg, period=period)
    lang = lang or cfg["lang"]
    out = Path(out)
    client_dir = out / cfg["slug"]
    nb_dir = client_dir / "notebooks"
    nb_dir.mkdir(parents=True, exist_ok=True)
    # files of an earlier run would pass for this one's: remove what this run writes again
    for stale in [client_dir / "report.html", client_dir / "metrics.json", client_dir / "next_plan.csv",
                  client_dir / "report.pdf", client_dir / "summary.png",
                  *nb_dir.glob("*.ipynb")]:
        stale.unlink(missing_ok=True)
    paths = _resolve_notebooks(notebooks if notebooks is not None else cfg.get("notebooks"))
    params = notebook_parameters(os.path.relpath(cfg["config"], client_dir.resolve()), period=cur, previous=prev,
                                 lang=lang, pseudonymise=cfg["pseudonymise"], output_dir=".")
    roots = _roots(client_dir, out, cfg["config"].parent, notebooks_dir().parents[1])
    cache = client_dir / ".cache"
    # the kernels inherit this process's environment: the dataset cache, and inline figures
    # (a caller's MPLBACKEND=Agg would leave the notebooks without any figure)
    env = {"MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    if len(paths) > 1:  # the notebooks after the first read the dataset from this cache
        env[CACHE_ENV] = str(cache.resolve())
    old_env = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    executed = []
    try:
        for path in paths:
            target = nb_dir / path.name
            if log:
                log(f"  {cfg['slug']}: {path.stem}")
            try:
                with _kernel_stderr_to(cache / "kernel.log"):
                    nb = pm.execute_notebook(str(path), str(target), parameters=params, kernel_name="python3",
                                             progress_bar=False, request_save_on_cell_execute=False,
                                             cwd=str(client_dir), execution_timeout=timeout)
            except BaseException:
                if target.is_file():  # keep the partly executed notebook for debugging, scrubbed too
                    nbformat.write(scrub_notebook(nbformat.read(str(target), as_version=4), roots=roots), str(target))
                raise
            clean = scrub_notebook(nb, roots=roots)
            nbformat.write(clean, str(target))
            executed.append(clean)
    finally:
        for k, v in old_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        _rmtree(cache)
    html = notebooks_to_html(executed, client=cfg["client"], period=cur, previous=prev, lang=lang, roots=roots)
    (client_dir / "report.html").write_text(html, encoding="utf-8")
    if pdf:  # the report as PDF and its first screen as a PNG card, printed by Chromium
        from .. import formatting
        from .share import write_share

        write_share(client_dir, client=cfg["client"], lang=lang, period=formatting.date_range(cur[0], cur[1], lang))
    metrics = client_dir / "metrics.json"
    status, reason = "ok", ""
    if metrics.is_file():  # written by the notebook; scrub it too
        text = scrub(metrics.read_text(encoding="utf-8"), roots=roots)
        metrics.write_text(text, encoding="utf-8")
        try:
            doc = json.loads(text)
            problems = doc.get("problems") or []
            failed = (doc.get("data") or {}).get("failed") or []
        except (ValueError, AttributeError):
            problems, failed = [], []
        reasons = []
        if failed:  # the report is written, but some data files could not be read at all
            reasons.append("files not read: " + "; ".join(
                f"{f.get('file')} ({str(f.get('reason', ''))[:80]})" for f in failed[:5]))
        if problems:  # the report is written, but some sections could not be computed
            reasons.append("sections not computed: " + "; ".join(
                f"{p.get('section')} ({p.get('error', '')[:80]})" for p in problems[:5]))
        if reasons:
            status = "partial"
            reason = " | ".join(reasons)
    outputs = sorted(str(p.relative_to(out)) for p in client_dir.rglob("*") if p.is_file())
    return {"client": cfg["client"], "slug": cfg["slug"], "status": status,
            "seconds": round(time.perf_counter() - t0, 2), "reason": reason, "outputs": outputs}


@contextlib.contextmanager
def _kernel_stderr_to(path: Path):
    """Send what the kernels write to stderr (ipykernel's start-up and shut-down chatter) to a
    file instead of the terminal, so the batch's progress lines stay readable. The file is
    deleted with the run's cache; set ``SMANALYSIS_DEBUG=1`` to keep the terminal output."""
    if os.environ.get("SMANALYSIS_DEBUG"):
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real stderr (some embedded interpreters)
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "ab") as fh:
        os.dup2(fh.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _rmtree(path: Path):
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _reason(err: BaseException, roots) -> str:
    """One line saying why a client failed."""
    try:
        from papermill.exceptions import PapermillExecutionError
    except ImportError:  # pragma: no cover
        PapermillExecutionError = ()  # noqa: N806
    if isinstance(err, PapermillExecutionError):
        text = f"{err.ename}: {err.evalue} (cell {err.exec_count})"
    else:
        text = f"{type(err).__name__}: {err}"
    text = " ".join(str(text).split())
    return scrub(text, roots=roots)[:500]


def _client_name(config) -> str:
    try:
        cfg = read_config(config)
        return cfg["client"]
    except Exception:  # noqa: BLE001 - a broken config still needs a name in the summary
        return Path(str(config)).stem


def _safe_run(config, out, lang, period, notebooks, timeout, verbose, pdf=False):
    """Run one client; never raise (the batch must go on)."""
    t0 = time.perf_counter()
    try:
        log = (lambda s: print(s, flush=True)) if verbose else None
        return run_client(config, out=out, lang=lang, period=period, notebooks=notebooks, timeout=timeout, log=log,
                          pdf=pdf)
    except BaseException as err:  # noqa: BLE001
        if isinstance(err, KeyboardInterrupt):
            raise
        reason = _reason(err, _roots(out, Path(str(config)).parent))
        if os.environ.get("SMANALYSIS_DEBUG"):
            traceback.print_exc()
        return {"client": _client_name(config), "slug": "", "status": "failed",
                "seconds": round(time.perf_counter() - t0, 2), "reason": reason, "outputs": []}


def format_summary(summary: pd.DataFrame) -> str:
    """The batch summary as a plain-text table (client, status, time, reason).

    Examples
    --------
    >>> s = pd.DataFrame({"client": ["A"], "status": ["ok"], "seconds": [1.234], "reason": [""]})
    >>> print(format_summary(s))
    client  status  time (s)  reason
    A       ok           1.2
    """
    rows = summary.assign(time=summary["seconds"].map(lambda s: f"{s:.1f}"))
    body = rows[["client", "status", "time", "reason"]].astype(str).values.tolist()
    table = [["client", "status", "time (s)", "reason"], *body]
    w = [max(len(r[i]) for r in table) for i in range(3)]
    lines = [f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:>{w[2]}}  {r[3]}".rstrip() for r in table]
    return "\n".join(lines)


def _unique_slugs(configs, results) -> list[int]:
    """Indices of the configs to run; a config whose slug an earlier one already uses fails here
    (both would write to the same folder)."""
    seen: dict[str, str] = {}
    todo = []
    for i, c in enumerate(configs):
        try:
            cfg = read_config(c)
        except Exception:  # noqa: BLE001 - reported by the run itself
            todo.append(i)
            continue
        if cfg["slug"] in seen:
            results[i] = {"client": cfg["client"], "slug": cfg["slug"], "status": "failed", "seconds": 0.0,
                          "reason": f"slug {cfg['slug']!r} is already used by {seen[cfg['slug']]}", "outputs": []}
        else:
            seen[cfg["slug"]] = Path(str(c)).name
            todo.append(i)
    return todo


def run_batch(configs, *, out="reports", jobs: int = 1, lang=None, period=None, notebooks=None, timeout=600,
              verbose: bool = True, heartbeat: float = 20.0, scheduler: str | None = None,
              pdf: bool = False) -> pd.DataFrame:
    """Run :func:`run_client` for many client configs, ``jobs`` at a time in separate processes.

    A failing client does not stop the others; its row says why. Progress lines are printed while
    it runs and the summary table at the end (``verbose=True``); the summary is also written to
    ``out/summary.csv``.

    Parameters
    ----------
    configs : list of path
        Client config YAML files.
    out : path
        Parent folder of the client folders.
    jobs : int
        Clients run in parallel (processes); 1 runs them one after another in this process.
    lang, period, notebooks, timeout
        As in :func:`run_client`, for every client.
    verbose : bool
        Print progress lines and the summary table.
    heartbeat : float
        With ``jobs > 1``, seconds between "still running" lines while no client finishes.
    scheduler : str, optional
        Run the clients on Dask instead: ``"local"`` (a ``LocalCluster`` of ``jobs`` workers,
        at least 2) or a scheduler address; see :mod:`smanalysis.reporting.cluster`.
    pdf : bool
        Also write ``report.pdf`` and ``summary.png`` for every client (see :func:`run_client`).

    Returns
    -------
    DataFrame
        One row per config, in the order given: ``client``, ``status`` ("ok"|"partial"|"failed"),
        ``seconds``, ``reason``, ``outputs`` (list of files relative to ``out``).

    Raises
    ------
    ValueError
        When ``jobs`` is below 1 or ``lang`` is not ``id``/``en`` (before any client runs).
    """
    configs = [str(c) for c in ([configs] if isinstance(configs, (str, Path)) else configs)]
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"The value for `jobs` must be a whole number of at least 1, but {jobs!r} was passed.")
    if lang is not None:
        check_choice("lang", lang, LANGS)
    if period is not None:
        from .config import parse_period

        parse_period(period)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    say = (lambda s: print(s, flush=True)) if verbose else (lambda s: None)
    n = len(configs)
    t0 = time.perf_counter()
    if scheduler:
        from .cluster import scheduler_label

        say(f"smanalysis report: {n} client(s) on {scheduler_label(scheduler)} -> {out}")
    else:
        say(f"smanalysis report: {n} client(s), {min(jobs, max(n, 1))} at a time -> {out}")
    results: dict[int, dict] = {}
    todo = _unique_slugs(configs, results)

    def _done(i, res):
        results[i] = res
        extra = f" ({res['reason']})" if res["reason"] else ""
        say(f"[{len(results)}/{n}] {res['client']}: {res['status']} in {res['seconds']:.1f} s{extra}")

    for i in sorted(results):
        say(f"[{i + 1}/{n}] {results[i]['client']}: failed ({results[i]['reason']})")
    if scheduler:
        from .cluster import dask_results

        def _lost(i, err):
            return {"client": _client_name(configs[i]), "slug": "", "status": "failed", "seconds": 0.0,
                    "reason": _reason(err, _roots(out)), "outputs": []}

        for i, res in dask_results(scheduler, [(i, configs[i]) for i in todo], _safe_run,
                                   (str(out.resolve()), lang, period, notebooks, timeout, False, pdf),
                                   workers=max(jobs, 2), heartbeat=heartbeat, say=say, failed=_lost):
            _done(i, res)
    elif jobs == 1 or len(todo) <= 1:
        for i in todo:
            c = configs[i]
            say(f"[start] {Path(c).name}")
            _done(i, _safe_run(c, out, lang, period, notebooks, timeout, verbose, pdf))
    else:
        import multiprocessing as mp

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=ctx) as pool:
            futs = {}
            for i in todo:
                futs[pool.submit(_safe_run, configs[i], out, lang, period, notebooks, timeout, False, pdf)] = i
            say(f"[start] {', '.join(Path(configs[i]).name for i in todo)}")
            started = time.perf_counter()
            pending = set(futs)
            while pending:
                done, pending = wait(pending, timeout=heartbeat, return_when=FIRST_COMPLETED)
                for fut in done:
                    i = futs[fut]
                    try:
                        res = fut.result()
                    except BaseException as err:  # noqa: BLE001 - a worker that died
                        res = {"client": _client_name(configs[i]), "slug": "", "status": "failed", "seconds": 0.0,
                               "reason": _reason(err, _roots(out)), "outputs": []}
                    _done(i, res)
                if pending and not done:
                    names = ", ".join(Path(configs[futs[f]]).stem for f in pending if f.running())
                    say(f"  … {time.perf_counter() - started:.0f} s, {len(pending)} to go"
                        + (f" (running: {names})" if names else ""))
    summary = pd.DataFrame([results[i] for i in range(n)],
                           columns=["client", "slug", "status", "seconds", "reason", "outputs"])
    summary = summary[["client", "status", "seconds", "reason", "outputs"]]
    summary.drop(columns=["outputs"]).to_csv(out / "summary.csv", index=False)
    say("")
    say(format_summary(summary))
    ok = int((summary["status"] == "ok").sum())
    say(f"\n{ok}/{n} ok in {time.perf_counter() - t0:.1f} s")
    return summary


def _json_default(o):
    if isinstance(o, (pd.Timestamp,)):
        return o.isoformat()
    if hasattr(o, "item"):
        return o.item()
    return str(o)


def dumps(obj) -> str:
    """JSON text of ``obj`` with timestamps and NumPy scalars converted."""
    return json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default, allow_nan=False)
