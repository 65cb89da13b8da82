"""Loading many export files at once: ``load_dataset`` (tables) and ``load_report`` (``smanalysis load``).

Duplicates: one rule per table (:mod:`smanalysis.io.duplicates`), always reported in
``Dataset.duplicates``.

Nothing silent: a file that cannot be read at all (garbage, a truncated XLSX, an
unknown layout) is listed in ``Dataset.failed`` with the reason; reports show it
and a batch marks the client ``partial``.

Examples
--------
>>> import tempfile, os
>>> d = tempfile.mkdtemp()
>>> for name, n in (("a.csv", "10"), ("b.csv", "12")):
...     _ = open(os.path.join(d, name), "w").write(
...         "post_id,platform,account,created_at,likes\\n1,x,kopisenja_id,2026-10-01T10:00:00Z," + n + "\\n")
>>> ds = load_dataset(d)
>>> ds.posts["likes"].tolist(), ds.duplicates["rule"].tolist()
([12.0], ['largest lifetime total kept'])
"""

from __future__ import annotations

import warnings as _warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..exceptions import SMAnalysisError, SMAnalysisWarning
from ..schema import TABLES, empty
from .api import REJECT_COLUMNS
from .cache import cached_read
from .duplicates import DUP_COLUMNS, dedupe
from .._checks import check_choice
from ..words import LANGS, text

__all__ = ["Dataset", "load_dataset", "load_report", "expand_sources", "read_plan", "warm_cache", "parallel_parse", "PARALLEL_BYTES",
           "FAILED_COLUMNS"]

_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".jsonl", ".ndjson", ".json"}
#: Columns of :attr:`Dataset.failed`.
FAILED_COLUMNS = ["file", "reason"]


@dataclass
class Dataset:
    """Canonical tables read from many files.

    Attributes
    ----------
    posts, comments, mentions, interactions, followers, content_plan, account_daily, audience, video, \
follower_activity : DataFrame
        Canonical tables (``schema.empty(...)`` when no file gave one).
    rejects : DataFrame
        Rejected rows of all files: file, line, column, reason, raw.
    files : DataFrame
        One row per file: file, format, table, rows (read), rejects, warnings (joined by " | "), error.
    duplicates : DataFrame
        Rows dropped or merged by the duplicates rule: table, key, kept_file, kept_line,
        dropped_file, dropped_line, rule.
    failed : DataFrame
        Files that could not be read at all: file, reason (also in ``files`` with ``format == "unreadable"``).
    """

    posts: pd.DataFrame = field(default_factory=lambda: empty("posts"))
    comments: pd.DataFrame = field(default_factory=lambda: empty("comments"))
    mentions: pd.DataFrame = field(default_factory=lambda: empty("mentions"))
    interactions: pd.DataFrame = field(default_factory=lambda: empty("interactions"))
    followers: pd.DataFrame = field(default_factory=lambda: empty("followers"))
    content_plan: pd.DataFrame = field(default_factory=lambda: empty("content_plan"))
    account_daily: pd.DataFrame = field(default_factory=lambda: empty("account_daily"))
    audience: pd.DataFrame = field(default_factory=lambda: empty("audience"))
    video: pd.DataFrame = field(default_factory=lambda: empty("video"))
    follower_activity: pd.DataFrame = field(default_factory=lambda: empty("follower_activity"))
    rejects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REJECT_COLUMNS))
    files: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["file", "format", "table", "rows", "rejects", "warnings", "error"]))
    duplicates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=DUP_COLUMNS))
    failed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FAILED_COLUMNS))

    @property
    def tables(self) -> dict:
        """The canonical tables by name."""
        return {t: getattr(self, t) for t in TABLES}

    def __repr__(self):
        sizes = ", ".join(f"{t}={len(getattr(self, t))}" for t in TABLES)
        return f"Dataset({sizes}, files={len(self.files)}, rejects={len(self.rejects)}, failed={len(self.failed)})"


def expand_sources(sources):
    """Turn paths, folders and ``{path, kind, mapping, ...}`` dicts into a list of (path, options) pairs.

    Folders are searched recursively for CSV/TSV/TXT/XLSX/JSONL files (hidden files skipped), in sorted order.
    """
    if isinstance(sources, (str, Path, dict)):
        sources = [sources]
    out = []
    for s in sources:
        opts = {}
        if isinstance(s, dict):
            opts = {k: v for k, v in s.items() if k != "path"}
            if "path" not in s:
                raise ValueError(f"a source dict needs a 'path' key, got keys {sorted(s)}")
            s = s["path"]
        p = Path(s)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in _SUFFIXES and not any(
                        part.startswith(".") for part in f.relative_to(p).parts):
                    out.append((f, dict(opts)))
        else:
            out.append((p, opts))
    return out


def _load_profile(profile, sources):
    if profile is None:
        return None
    if isinstance(profile, (str, Path)):
        from ..profile import load_profile

        return load_profile(profile)
    return profile


def read_plan(sources, *, profile=None, timezone: str | None = None) -> list[tuple[Path, dict]]:
    """The files :func:`load_dataset` reads, in its order, each with the options it is read with.

    Parameters
    ----------
    sources, profile, timezone
        As for :func:`load_dataset`.

    Returns
    -------
    list of (Path, dict)
        Every file of ``sources`` (folders expanded) and the keyword arguments of
        :func:`~smanalysis.io.cache.cached_read` for it (``profile``, ``timezone`` filled in).

    Raises
    ------
    FileNotFoundError
        When a source path does not exist.

    Examples
    --------
    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "a.csv")
    >>> _ = open(f, "w").write("x\\n")
    >>> [(p.name, sorted(kw)) for p, kw in read_plan(f, timezone="Asia/Makassar")]
    [('a.csv', ['profile', 'timezone'])]
    """
    prof = _load_profile(profile, sources)
    items = expand_sources(sources)
    for p, _ in items:
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such file or folder")
    timezone = timezone or (prof.timezone if prof is not None else None)
    plan = []
    for path, opts in items:
        kwargs = dict(opts)
        kwargs.setdefault("profile", prof)
        if timezone and "timezone" not in kwargs:
            kwargs["timezone"] = timezone
        plan.append((path, kwargs))
    return plan


#: below this many bytes of export files :func:`warm_cache` parses in its own process (starting
#: worker processes costs more than it saves on a small client: the sample is ~3 MB)
PARALLEL_BYTES = 16 * 2**20


def warm_cache(sources, *, profile=None, timezone: str | None = None, jobs: int = 1) -> int:
    """Parse ``sources`` into the Parquet parse cache now, so that :func:`load_dataset` of the same
    sources (in this process or another) finds every file parsed.

    ``smanalysis report`` calls it while the notebook kernel starts. Nothing is returned but a
    count: a file that cannot be read is skipped here (:func:`load_dataset` reports it). Does
    nothing when the cache is off (``SMANALYSIS_PARSE_CACHE=off``).

    Parameters
    ----------
    sources, profile, timezone
        As for :func:`load_dataset`.
    jobs : int, default 1
        Worker processes (``spawn``) that parse files side by side, largest first, when the files
        hold more than :data:`PARALLEL_BYTES` together; each stores what it parsed in the cache.

    Returns
    -------
    int
        The number of files now in the cache (parsed here or found there).

    Examples
    --------
    >>> import tempfile, os
    >>> os.environ["SMANALYSIS_PARSE_CACHE"] = tempfile.mkdtemp()
    >>> f = os.path.join(tempfile.mkdtemp(), "followers.csv")
    >>> _ = open(f, "w").write("date,platform,account,followers\\n2026-10-01,instagram,kopisenja.id,1200\\n")
    >>> warm_cache(f), len(load_dataset(f).followers)
    (1, 1)
    >>> del os.environ["SMANALYSIS_PARSE_CACHE"]
    """
    from .cache import cache_dir

    if cache_dir() is None:
        return 0
    plan = read_plan(sources, profile=profile, timezone=timezone)
    if parallel_parse(plan, jobs):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        order = sorted(range(len(plan)), key=lambda i: -_size(plan[i][0]))
        with ProcessPoolExecutor(max_workers=min(jobs, len(plan)),
                                 mp_context=multiprocessing.get_context("spawn")) as pool:
            return sum(pool.map(_warm_one, [plan[i] for i in order]))
    return sum(_warm_one(item) for item in plan)


def parallel_parse(plan, jobs: int) -> bool:
    """Whether :func:`warm_cache` parses the files of ``plan`` (a :func:`read_plan`) in ``jobs``
    worker processes: more than one of each, and more than :data:`PARALLEL_BYTES` of files.

    Examples
    --------
    >>> parallel_parse([], jobs=2), parallel_parse([("a.csv", {}), ("b.csv", {})], jobs=1)
    (False, False)
    """
    return jobs > 1 and len(plan) > 1 and sum(_size(p) for p, _ in plan) > PARALLEL_BYTES


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _warm_one(item) -> int:
    """Parse one file of a :func:`read_plan` into the cache: 1, or 0 when it cannot be read."""
    path, kwargs = item
    try:
        cached_read(path, **kwargs)
    except (SMAnalysisError, ValueError, OSError, UnicodeError):
        return 0
    return 1


def load_dataset(sources, *, profile=None, timezone: str | None = None, reader=None) -> Dataset:
    """Read export files and folders into one :class:`Dataset`.

    Parameters
    ----------
    sources : str, Path, dict or list of them
        Files, folders (searched recursively), or dicts ``{"path": ..., "kind":
        ..., "mapping": {...}, ...}`` whose other keys are passed to
        :func:`~smanalysis.io.read` (``account``, ``platform``, ``brand``, ``timezone``...).
    profile : Profile or path, optional
        Own accounts and competitors: X JSONL tweets by own accounts become
        posts, others mentions (brand by profile); accounts missing from a file
        (YouTube, Meta daily series) are taken from the profile; the profile's
        timezone is the default ``timezone``. Yearless dates (TikTok) take their year
        from their own file only (file name, ``export_date``, else its
        modification time), never from other files.
    timezone : str, optional
        Default timezone of local times in the files (else the profile's, else Asia/Jakarta).
    reader : callable, optional
        ``reader(path, **options) -> ReadResult`` reads one file of :func:`read_plan` (default
        :func:`~smanalysis.io.cache.cached_read`; :class:`~smanalysis.io.cache.DeferredStores`
        reads without storing yet, for a caller that stores the parse cache later).

    Returns
    -------
    Dataset
        See :mod:`smanalysis.io.duplicates` for the duplicates rule. A file that cannot be
        read at all is listed in ``failed`` (file, reason) and in ``files`` with
        its ``error`` (and an :class:`SMAnalysisWarning`), not raised, so that
        one stray file does not stop a batch.

    Raises
    ------
    FileNotFoundError
        When a source path does not exist.

    Examples
    --------
    >>> ds = load_dataset([])
    >>> len(ds.posts), list(ds.files.columns)[:3]
    (0, ['file', 'format', 'table'])
    """
    parts = {t: [] for t in TABLES}
    rejects, files = [], []
    results = []
    reader = cached_read if reader is None else reader
    for order, (path, kwargs) in enumerate(read_plan(sources, profile=profile, timezone=timezone)):
        try:
            res = reader(path, **kwargs)  # parsed once per file content (Parquet cache)
        except (SMAnalysisError, ValueError, OSError, UnicodeError) as err:
            msg = str(err) or type(err).__name__
            _warnings.warn(f"load_dataset: skipped {path}: {msg}", SMAnalysisWarning, stacklevel=2)
            files.append({"file": str(path), "format": "unreadable", "table": None, "rows": 0, "rejects": 0,
                          "warnings": "", "error": msg, "_order": order})
            continue
        results.append((order, path, kwargs, res))
    for order, path, kwargs, res in results:
        parts[res.table].append(res.data.assign(_order=order))
        n = res.rows - len(res.rejects)
        for t, extra in res.extra.items():
            parts[t].append(extra.assign(_order=order))
        if len(res.rejects):
            rejects.append(res.rejects)
        files.append({"file": str(path), "format": res.format, "table": res.table, "rows": n,
                      "rejects": len(res.rejects), "warnings": " | ".join(res.warnings), "error": None,
                      "_order": order})
    files.sort(key=lambda f: f["_order"])
    ds = Dataset()
    dups = []
    for t in TABLES:
        frames = [f for f in parts[t] if len(f)]
        if not frames:
            continue
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
        df, d = dedupe(t, df)
        if d is not None and len(d):
            dups.append(d)
        setattr(ds, t, df.drop(columns="_order").reset_index(drop=True))
    if rejects:
        ds.rejects = pd.concat(rejects, ignore_index=True)
    ds.files = pd.DataFrame(files, columns=["file", "format", "table", "rows", "rejects", "warnings", "error"])
    bad = ds.files[ds.files["error"].notna()]
    ds.failed = pd.DataFrame({"file": bad["file"].to_numpy(), "reason": bad["error"].to_numpy()}, columns=FAILED_COLUMNS)
    if dups:
        ds.duplicates = pd.concat(dups, ignore_index=True)[DUP_COLUMNS]
        _warnings.warn(f"load_dataset: {len(ds.duplicates)} duplicate row(s) resolved; see Dataset.duplicates",
                       SMAnalysisWarning, stacklevel=2)
    return ds


#: the words of :func:`load_report` (``load.<name>`` in :mod:`smanalysis.words`)
_LOAD_WORDS = ("format", "table", "rows", "rejects", "error", "warning", "first", "line", "column", "total", "files",
               "dups", "none", "failed")


def load_report(paths, *, kind: str | None = None, show_rejects: int = 10, lang: str = "id",
                profile=None) -> tuple[str, bool]:
    """Read files/folders and describe, per file, the format detected, rows read and rejects with reasons.

    A ``profile.yaml`` found in a given folder is used as the profile (accounts
    of files that name none, brands of X JSONL). ``ok`` is False when a file
    could not be read or a row was rejected.

    Parameters
    ----------
    paths : list of str or Path
    kind : str, optional
        Force one format for every file (see :func:`~smanalysis.io.read`).
    show_rejects : int
        Rejected rows shown per file.
    lang : {"id", "en"}
    profile : Profile or path, optional

    Returns
    -------
    (str, bool)
        The report text and whether everything was read without rejects.

    Examples
    --------
    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "f.csv")
    >>> _ = open(f, "w").write("date,platform,account,followers\\n2026-10-01,instagram,kopisenja.id,5\\nx,instagram,a,1\\n")
    >>> text, ok = load_report([f], lang="en")
    >>> ok, "line 3" in text
    (False, True)
    """
    check_choice("lang", lang, LANGS)
    L = {k: text(f"load.{k}", lang) for k in _LOAD_WORDS}
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if profile is None:
        for p in paths:
            cand = Path(p) / "profile.yaml"
            if Path(p).is_dir() and cand.exists():
                profile = cand
                break
    sources = [{"path": p, "kind": kind} if kind else p for p in paths]
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", SMAnalysisWarning)
        ds = load_dataset(sources, profile=profile)
    out = []
    if not len(ds.files):
        return L["none"], False
    for f in ds.files.itertuples(index=False):
        out.append(str(f.file))
        if isinstance(f.error, str):
            out.append(f"  {L['error']}: {f.error}")
            continue
        out.append(f"  {L['format']}: {f.format} -> {L['table']} {f.table} | {L['rows']}: {f.rows} | "
                   f"{L['rejects']}: {f.rejects}")
        for w in [w for w in str(f.warnings or "").split(" | ") if w]:
            out.append(f"  {L['warning']}: {w}")
        if f.rejects and show_rejects:
            rj = ds.rejects[ds.rejects["file"] == f.file].head(show_rejects)
            out.append(f"  {L['rejects']} ({L['first']} {len(rj)}):")
            for r in rj.itertuples(index=False):
                col = f", {L['column']} {r.column!r}" if isinstance(r.column, str) else ""
                out.append(f"    {L['line']} {r.line}{col}: {r.reason} | {str(r.raw)[:80]!r}")
    n_err = int(ds.files["error"].notna().sum())
    if len(ds.failed):
        out.append("")
        out.append(f"{L['failed']} ({len(ds.failed)}):")
        out += [f"  {f}: {r}" for f, r in zip(ds.failed["file"], ds.failed["reason"])]
    out.append("")
    out.append(f"{L['total']}: {len(ds.files)} {L['files']}, {int(ds.files['rows'].sum())} {L['rows']}, "
               f"{len(ds.rejects)} {L['rejects']}, {len(ds.duplicates)} {L['dups']}"
               + (f", {n_err} {L['error']}" if n_err else ""))
    sizes = ", ".join(f"{t}={len(getattr(ds, t))}" for t in TABLES)
    out.append(f"  {sizes}")
    return "\n".join(out), bool(n_err == 0 and len(ds.rejects) == 0)

