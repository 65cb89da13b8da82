"""Run the notebooks for client configs with papermill and write the reports.

Per client, under ``<out>/<slug>/``:

* ``report.html``: one self-contained HTML page (code hidden, figures embedded, table of contents,
  the period and the metric definitions used),
* ``metrics.json``: the key figures, written by the evaluation notebook
  (:func:`smanalysis.reporting.write_key_metrics`),
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
import re
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from .client import report_salt
from ..exceptions import SMAnalysisWarning
from ..io.cache import not_stored_message
from .config import as_config, resolve_periods
from .folders import (REPORT_MARKER, build_folder, check_replaceable, client_folder, client_lock, move_into_place,
                      private_cache, remove_stale)
from .html import ReportPage, notebooks_to_html, scrub, scrub_notebook
from .kernel import ParentWork, import_jupyter, kernel_options, stop_kernels_on_error
from .spare import KERNEL_ENV, take_spare
from .._checks import check_choice
from ..words import LANGS
from ..workspace import notebooks_dir

__all__ = ["run_client", "notebook_parameters", "notebooks_dir", "resolve_notebooks",
           "DEFAULT_NOTEBOOKS", "ALL_NOTEBOOKS", "local_roots"]

#: the notebooks of a client report unless the config lists others (``notebooks: [...]``)
DEFAULT_NOTEBOOKS = ("04_evaluation",)
#: the four workflow steps, for ``notebooks: all``
ALL_NOTEBOOKS = ("01_fact_finding", "02_plan_review", "03_execution", "04_evaluation")
_NOTEBOOK_NAME = re.compile(r"^\d\d[a-z_]*$")


def resolve_notebooks(names, *, allow_custom: bool = False, base=None) -> list[Path]:
    """The notebook files of a report: bundled notebooks named by name (or prefix such as ``"04"``).

    Parameters
    ----------
    names : list of str, "all" or None
        Bundled notebook names (``"04_evaluation"``), ``"all"`` for :data:`ALL_NOTEBOOKS`, or None
        for :data:`DEFAULT_NOTEBOOKS`.
    allow_custom : bool, default False
        Also accept paths to other ``.ipynb`` files (``--allow-custom-notebooks``): they run with
        your permissions, so only for notebooks you wrote or reviewed.
    base : path, optional
        Folder relative custom paths are resolved against (the config's folder); default the
        working directory.

    Raises
    ------
    ValueError
        When a name is not a plain bundled name and ``allow_custom`` is False.
    FileNotFoundError
        When no bundled notebook has that name, or a custom file does not exist.

    Examples
    --------
    >>> [p.name for p in resolve_notebooks(["04"])]
    ['04_evaluation.ipynb']
    """
    folder = notebooks_dir()
    if names in ("all", ["all"]):
        names = ALL_NOTEBOOKS
    if isinstance(names, str):
        names = [names]
    out = []
    for n in names or DEFAULT_NOTEBOOKS:
        n = str(n)
        if _NOTEBOOK_NAME.match(n):
            hits = sorted(folder.glob(f"{n}*.ipynb"))
            if not hits:
                raise FileNotFoundError(f"notebook {n!r} not found in the notebooks folder")
            out.append(hits[0])
            continue
        if not allow_custom:
            raise ValueError(f"notebook {n[:120]!r} is not a bundled notebook; a config may name only "
                             f"{', '.join(ALL_NOTEBOOKS)} (or 'all'). To run your own notebook, pass "
                             "--allow-custom-notebooks (see README: it runs the notebook's code).")
        p = Path(n).expanduser()
        p = p if p.is_absolute() else Path(base or ".") / p
        if p.suffix != ".ipynb" or not p.is_file():
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


def local_roots(*paths) -> list[str]:
    roots = {str(Path.home()), str(Path.cwd()), sys.prefix, os.path.realpath(sys.prefix)}
    for p in paths:
        if p:
            roots.add(str(Path(p).resolve()))
            roots.add(str(Path(p).absolute()))
    import tempfile

    roots.add(tempfile.gettempdir())
    return sorted(r for r in roots if len(r) > 1)


def run_client(config, *, out="reports", lang=None, period=None, notebooks=None, timeout=600,
               log=None, allow_custom_notebooks: bool = False, pdf: bool = False) -> dict:
    """Run the report notebooks for one client config and write its report folder.

    Parameters
    ----------
    config : path or dict
        Client config YAML, or the config already read (:func:`~smanalysis.reporting.config.read_config`).
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
    allow_custom_notebooks : bool, default False
        Let ``notebooks`` (and the config's) name notebook files other than the bundled ones
        (see :func:`resolve_notebooks`).

    The client folder is built in a hidden folder beside it and moved into place when complete:
    an interrupted run leaves the previous report untouched; a failed run leaves only its
    (scrubbed) notebooks for debugging. Two runs for the same client and ``out`` do not
    interleave: the second fails with :class:`~smanalysis.reporting.folders.ClientBusyError`.

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
    t0 = time.perf_counter()
    cfg = as_config(config)
    if lang is not None:
        check_choice("lang", lang, LANGS)
    cur, prev = resolve_periods(cfg, period=period)
    lang = lang or cfg["lang"]
    out = Path(out)
    client_dir = client_folder(out, cfg["slug"])  # refuses a folder outside `out` before any change
    check_replaceable(client_dir)  # and a folder of someone else's files that has the slug's name
    paths = resolve_notebooks(notebooks if notebooks is not None else cfg.get("notebooks"),
                              allow_custom=allow_custom_notebooks, base=cfg["config"].parent)
    out.mkdir(parents=True, exist_ok=True)
    derived_salt = _ensure_salt(cfg, log)
    with client_lock(out, cfg["slug"]):
        remove_stale(out, cfg["slug"])  # what a killed run (SIGKILL, a lost Dask worker) left behind
        build = build_folder(out, cfg["slug"])
        try:
            status, reason = _build_client(cfg, build, client_dir, paths, cur, prev, lang, timeout, log, pdf)
        except Exception:
            # a failed run: keep only the scrubbed notebooks (for debugging), never half the outputs
            for child in build.iterdir():
                if child.name not in ("notebooks", REPORT_MARKER):
                    _rmtree(child) if child.is_dir() else child.unlink(missing_ok=True)
            move_into_place(build, client_dir)
            raise
        except BaseException:  # interrupted: the previous report stays as it was
            _rmtree(build)
            raise
        move_into_place(build, client_dir)
    if derived_salt:
        reason = "; ".join(r for r in (reason, "pseudonym salt derived from the slug (see warning)") if r)
    outputs = sorted(p.relative_to(out).as_posix() for p in client_dir.rglob("*")
                     if p.is_file() and p.name != REPORT_MARKER)
    return {"client": cfg["client"], "slug": cfg["slug"], "status": status,
            "seconds": round(time.perf_counter() - t0, 2), "reason": reason, "outputs": outputs}


def _ensure_salt(cfg, log) -> bool:
    """Create the client's random pseudonym salt before the notebooks run (they all read it);
    True when only a slug-derived salt was possible (the warning is passed on)."""
    if not cfg["pseudonymise"]:
        return False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report_salt(cfg)
    for w in caught:
        warnings.warn(w.message, w.category, stacklevel=3)
        if log:
            log(f"  {cfg['slug']}: warning: {w.message}")
    return bool(caught)


def _build_client(cfg, build: Path, client_dir: Path, paths, cur, prev, lang, timeout, log, pdf=False):
    """Execute the notebooks in ``build`` and write the report there; returns (status, reason)."""
    # first of all this process starts parsing the exports into the parse cache (while it imports
    # papermill and the kernel starts); while the cells run, it builds the page from the cells run so far
    work = ParentWork(cfg, lang=lang, timeout=timeout)
    try:
        return _run_notebooks(work, cfg, build, client_dir, paths, cur, prev, lang, timeout, log, pdf)
    except Exception:
        work.close()
        work.join_stores()  # the parse cache is complete when the run ends, failed or not
        raise
    finally:
        work.close()


def _run_notebooks(work, cfg, build: Path, client_dir: Path, paths, cur, prev, lang, timeout, log, pdf):
    """:func:`_build_client`'s work once the parent's work has started."""
    nbformat, pm = import_jupyter()
    nb_dir = build / "notebooks"
    nb_dir.mkdir(parents=True, exist_ok=True)
    # the build folder is a sibling of the client folder: relative paths are the same from both
    params = notebook_parameters(os.path.relpath(cfg["config"], client_dir.parent.resolve() / client_dir.name),
                                 period=cur, previous=prev, lang=lang, pseudonymise=cfg["pseudonymise"],
                                 output_dir=".")
    roots = local_roots(build, client_dir, client_dir.parent, cfg["config"].parent, notebooks_dir().parents[1])
    executed = []
    with private_cache() as cache:
        roots = sorted({*roots, str(cache)})
        # the kernels inherit this process's environment with KERNEL_ENV (inline figures). The
        # notebooks after the first re-read the exports from the Parquet parse cache
        # (smanalysis.io.cache): no Python object is passed on.
        env = KERNEL_ENV
        old_env = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        page = ReportPage(notebooks=len(paths), lang=lang, roots=roots, scrub_cells=True)
        try:
            for k, path in enumerate(paths):
                target = nb_dir / path.name
                if log:
                    log(f"  {cfg['slug']}: {path.stem}")
                options = {**kernel_options(work), "on_cell_done": _page_feed(work, page, k)}
                try:
                    nb = _execute(pm, path, target, params=params, cwd=build, timeout=timeout,
                                  kernel_log=cache / "kernel.log", log=log, who=cfg["slug"], options=options)
                except BaseException:
                    if target.is_file():  # keep the partly executed notebook for debugging, scrubbed too
                        nbformat.write(scrub_notebook(nbformat.read(str(target), as_version=4), roots=roots),
                                       str(target))
                    raise
                work.submit(page.finish_notebook, k, nb)  # the cells not added yet, or all if one changed
                clean = scrub_notebook(nb, roots=roots)
                nbformat.write(clean, str(target))
                executed.append(clean)
        finally:
            work.close()  # no more jobs
            for k, v in old_env.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    work.join()  # the page's jobs, and the parse cache's store
    if work.not_stored:  # the report is not affected; the next run parses those files again
        msg = f"{cfg['slug']}: {not_stored_message(work.not_stored)}"
        warnings.warn(msg, SMAnalysisWarning, stacklevel=2)
        if log:
            log(f"  {msg}")
    if work.job_error is None:
        html = page.html(client=cfg["client"], period=cur, previous=prev)
    else:  # the page could not be built while the cells ran: build it now
        html = notebooks_to_html(executed, client=cfg["client"], period=cur, previous=prev, lang=lang, roots=roots)
    (build / "report.html").write_text(html, encoding="utf-8")
    if pdf:  # the report as PDF and its first screen as a PNG card, printed by Chromium
        from .. import formatting
        from .share import write_share

        write_share(build, client=cfg["client"], lang=lang, period=formatting.date_range(cur[0], cur[1], lang))
    metrics = build / "metrics.json"
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
    return status, reason


def _page_feed(work: ParentWork, page: ReportPage, k: int):
    """The ``on_cell_done`` hook of notebook number ``k``: each cell run (and the Markdown cells
    before it) goes to ``page``, built by ``work``'s thread. The cells are shallow copies: the
    parent's thread reads them while nbclient goes on with the next cells."""
    from nbformat import NotebookNode

    done = 0

    def feed(nb, index):
        nonlocal done
        cells = [NotebookNode({**c, "metadata": NotebookNode(c.get("metadata", {})),
                               **({"outputs": list(c["outputs"])} if "outputs" in c else {})})
                 for c in nb.cells[done:index + 1]]
        done = index + 1
        head = NotebookNode(nbformat=nb.get("nbformat", 4), nbformat_minor=nb.get("nbformat_minor", 5),
                            metadata=NotebookNode(smanalysis=nb.metadata.get("smanalysis", {}),
                                                  papermill=NotebookNode(input_path=nb.metadata.get(
                                                      "papermill", {}).get("input_path"))))
        work.submit(page.add_cells, k, head, cells)

    return feed


#: the messages of jupyter_client / nbclient when a kernel dies or stays silent before it runs any
#: cell (e.g. two kernels started at the same moment race for the same free port)
KERNEL_START_FAILURES = ("Kernel died before replying to kernel_info", "Kernel didn't respond")


def _execute(pm, path: Path, target: Path, *, params, cwd: Path, timeout, kernel_log: Path, log, who, options=None):
    """``papermill.execute_notebook``, started once more when the kernel fails before any cell ran.

    The first attempt runs in the kernel started ahead (:func:`smanalysis.reporting.spare.take_spare`)
    if there is one. Nothing of the notebook has run when the kernel dies at start-up, so a second
    start is safe; the retry is said in the log and as a warning, and a second failure raises with
    the tail of the kernel's own output (``kernel_log``), which tells why it died.
    """
    for attempt in (1, 2):
        spare = take_spare() if attempt == 1 else None
        try:
            with _kernel_stderr_to(kernel_log), stop_kernels_on_error():
                return pm.execute_notebook(str(path), str(target), parameters=params, kernel_name="python3",
                                           progress_bar=False, request_save_on_cell_execute=False,
                                           cwd=str(cwd), execution_timeout=timeout, **(options or {}),
                                           **({"km": spare.km} if spare else {}))
        except RuntimeError as e:
            if not str(e).startswith(KERNEL_START_FAILURES):
                raise
            tail = _tail(kernel_log)
            if attempt == 2:
                raise RuntimeError(f"{path.name}: the notebook kernel did not start twice ({e})"
                                   + (f"; kernel output: {tail}" if tail else "")) from e
            msg = f"{who}: {path.stem}: the notebook kernel did not start ({e}); starting it once more"
            warnings.warn(msg, RuntimeWarning, stacklevel=2)
            if log:
                log(f"  {msg}")
            time.sleep(1.0)
        finally:
            if spare is not None:
                spare.stop()  # nbclient has stopped it (or it never started): only its folder is left


def _tail(path: Path, n: int = 400) -> str:
    """The last ``n`` characters of a log file, on one line ('' when there is none)."""
    try:
        return " ".join(path.read_text(encoding="utf-8", errors="replace")[-n:].split())
    except OSError:
        return ""


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


def _json_default(o):
    if isinstance(o, (pd.Timestamp,)):
        return o.isoformat()
    if hasattr(o, "item"):
        return o.item()
    return str(o)


def dumps(obj) -> str:
    """JSON text of ``obj`` with timestamps and NumPy scalars converted."""
    return json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default, allow_nan=False)
