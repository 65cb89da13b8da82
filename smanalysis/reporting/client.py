"""Load one client: profile, dataset and report settings from a client config.

Examples
--------
>>> from smanalysis.reporting.client import report_salt
>>> report_salt({"slug": "kopi-senja", "salt": "rahasia"})
'rahasia'
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import stat
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from ..exceptions import SMAnalysisWarning
from ..profile import load_profile
from .config import as_config, resolve_periods
from .privacy import pseudonymise_dataset
from .._checks import check_choice
from ..words import LANGS, text

__all__ = ["load_client", "report_salt", "warm_client_cache"]


def report_salt(cfg: dict[str, Any]) -> str:
    """The pseudonym salt of a client: ``salt`` from the config, else a random one kept beside it.

    On a client's first run a random salt (32 bytes, hex) is written to ``<config>.salt`` next to
    the config file (``kopi.yaml`` -> ``kopi.salt``, permissions 600) and reused on every later
    run, so pseudonyms stay stable from month to month and cannot be recomputed from what a report
    shows. Keep that file with the config (and out of the report folder). Only when it cannot be
    written (a read-only folder, no config file) is a salt derived from the slug, with a warning:
    anyone who knows the slug could then recompute the pseudonym of a handle they already know.

    Warns
    -----
    SMAnalysisWarning
        When the salt is derived from the slug.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> cfg = {"slug": "kopi", "config": pathlib.Path(tempfile.mkdtemp()) / "kopi.yaml"}
    >>> report_salt(cfg) == report_salt(cfg) == (cfg["config"].with_suffix(".salt")).read_text().strip()
    True
    """
    if cfg.get("salt"):
        return str(cfg["salt"])
    config = cfg.get("config")
    if config:
        try:
            return _salt_file(Path(config).with_suffix(".salt"))
        except OSError:
            pass
    warnings.warn(f"client {cfg.get('slug', '')!r}: the pseudonym salt is derived from the slug (no `salt:` in "
                  "the config and no salt file could be written beside it); pseudonyms of known handles can be "
                  "recomputed. Add a secret `salt:` or make the config folder writable.", SMAnalysisWarning,
                  stacklevel=2)
    return hashlib.sha256(f"smanalysis:{cfg.get('slug', '')}".encode()).hexdigest()[:16]


def _salt_file(path: Path) -> str:
    """Read the salt file, creating it (mode 600, never overwritten) when missing."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > 1024:
            raise OSError(f"{path.name} is not a salt file") from None
        if st.st_mode & 0o077:
            os.chmod(path, 0o600)
        salt = path.read_text(encoding="utf-8").strip()
        if len(salt) < 16:
            raise OSError(f"{path.name} holds too short a salt") from None
        return salt
    salt = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(salt + "\n")
    return salt


def load_client(config: str | Path, *, period=None, previous=None, lang: str | None = None,
                pseudonymise: bool | None = None, output: str | Path | None = None):
    """Read a client config and load everything the notebooks need.

    Parameters
    ----------
    config : path or dict
        Client config YAML (layout in :mod:`smanalysis.reporting.config`; its paths are relative
        to the file), or the config already read by :func:`~smanalysis.reporting.config.read_config`.
    period, previous : str, (start, end) or dict, optional
        Override the config's periods (``"2026-10"``, ``"2026-10-01:2026-10-31"``); a ``period``
        without ``previous`` compares with the period just before.
    lang : {"id", "en"}, optional
        Override the config's language.
    pseudonymise : bool, optional
        Override the config's choice (default True): people's handles become stable pseudonyms,
        the brand's and competitors' handles stay.
    output : path, optional
        Where the report's files go (kept in the settings).

    Returns
    -------
    (Profile, Dataset, dict)
        The profile, the dataset from :func:`smanalysis.io.load_dataset` (pseudonymised when asked)
        and the settings: ``client``, ``slug``, ``period`` and ``previous`` (``(start, end)`` days),
        ``lang``, ``pseudonymise``, ``codebook`` and ``sentiment_model`` (path or None), ``output``, ``notebooks``,
        ``salt``, ``config``, ``data``.

    Raises
    ------
    FileNotFoundError, SchemaError, ValueError
        From the config (see :func:`~smanalysis.reporting.config.read_config`) or the profile.
    """
    cfg = as_config(config)
    settings = _settings(cfg, period=period, previous=previous, lang=lang, pseudonymise=pseudonymise, output=output)
    profile = load_profile(cfg["profile"])
    dataset, _ = _load_dataset(cfg["data"], profile, settings)
    return profile, dataset, settings


def _settings(cfg, *, period=None, previous=None, lang=None, pseudonymise=None, output=None) -> dict:
    """The settings :func:`load_client` returns (see there)."""
    cur, prev = resolve_periods(cfg, period=period, previous=previous)
    if lang is not None:
        check_choice("lang", lang, LANGS)
    return {
        "client": cfg["client"],
        "slug": cfg["slug"],
        "config": cfg["config"],
        "period": cur,
        "previous": prev,
        "lang": lang or cfg["lang"],
        "pseudonymise": cfg["pseudonymise"] if pseudonymise is None else bool(pseudonymise),
        "codebook": cfg["codebook"],
        "sentiment_model": cfg.get("sentiment_model"),
        "output": Path(output) if output is not None else (Path(cfg["output"]) if cfg.get("output") else None),
        "notebooks": list(cfg.get("notebooks") or []),
        "salt": report_salt(cfg),
        "data": cfg["data"],
    }


def warm_client_cache(config, *, lang: str | None = None, later=None) -> int:
    """Build the client's finished dataset (duplicates resolved, handles pseudonymised as
    ``load_client(config, lang=lang)`` does) and keep it in the Parquet cache, with the parsed
    export files for next month's run.

    ``smanalysis report`` runs it while the notebook kernel starts, so the notebook's
    :func:`load_client` only reads the finished tables. The exports are parsed once and the
    dataset is built from those tables in memory (the same :func:`smanalysis.io.load_dataset`,
    reading through :class:`smanalysis.io.cache.DeferredStores`) and kept first; the parsed files
    are stored after it, by ``later`` when given. A large client's files are parsed by one process
    a core (:func:`smanalysis.io.dataset.warm_cache`) and the dataset built from the cache.

    Parameters
    ----------
    config : path or dict
        Client config YAML, or the config already read.
    lang : {"id", "en"}, optional
        The report's language, when not the config's (the pseudonyms' prefix depends on it).
    later : callable, optional
        ``later(job)`` is given the storing of the parsed files once the dataset is kept, to run
        it later (:class:`~smanalysis.reporting.kernel.ParentWork` runs it in a thread while the
        notebook runs); ``job()`` returns ``[(file, reason)]`` of the files a disk error kept out of
        the cache. Without it (or when the dataset could not be kept: the notebook then reads the
        parsed files) they are stored before this returns, and a failure is a warning.

    Returns
    -------
    int
        The number of export files read (or found in the cache).

    Warns
    -----
    SMAnalysisWarning
        Without ``later``, when a parsed file could not be stored.

    Raises
    ------
    FileNotFoundError, SchemaError, ValueError
        From the config or the profile (the notebook then reports them itself).
    """
    import multiprocessing

    from ..io import cache as parse_cache
    from ..io.cache import DeferredStores, cache_dir, not_stored_message
    from ..io.dataset import parallel_parse, read_plan, warm_cache

    cfg = as_config(config)
    if cache_dir() is None:
        return 0
    profile = load_profile(cfg["profile"])
    # side by side in worker processes only from a top process (not in a --jobs or Dask worker,
    # whose siblings already use the other cores)
    jobs = (os.cpu_count() or 1) if multiprocessing.parent_process() is None else 1
    plan = read_plan(_sources(cfg["data"]), profile=profile)
    settings = _settings(cfg, lang=lang)
    key = _dataset_key(cfg["data"], profile, settings)
    if key and parse_cache.has_tables(key):  # kept by an earlier run: the notebook reads it (and checks it)
        return len(plan)
    stores = DeferredStores()
    if parallel_parse(plan, jobs):
        warm_cache(_sources(cfg["data"]), profile=profile, jobs=jobs)  # the workers store what they parse
        stores = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the notebook gives them
        dataset, kept = _load_dataset(cfg["data"], profile, settings, reader=stores, key=key)
    if stores is not None and later is not None and kept:
        later(stores.store)  # the dataset is kept: the parsed files can wait
    elif stores is not None:  # stored now: the notebook reads them when the dataset could not be kept
        failed = stores.store()
        if later is not None:
            later(lambda: failed)  # said where a later store's failures are said
        elif failed:
            warnings.warn(not_stored_message(failed), SMAnalysisWarning, stacklevel=2)
    return int(len(dataset.files) - len(dataset.failed))


def _sources(data) -> list:
    """The config's data sources as :func:`~smanalysis.io.load_dataset` takes them."""
    return [dict(s, path=str(s["path"])) if isinstance(s, dict) else str(s) for s in data]


def _load_dataset(sources, profile, settings, reader=None, key=...):
    """The client's dataset, pseudonymised when asked. Parsing is cached by :mod:`smanalysis.io.cache`
    (Parquet, keyed by file content; data only); no Python object is ever stored or loaded.

    The finished dataset (duplicates resolved, handles pseudonymised) is cached as well, under a
    key made of every export's cache key and the pseudonymisation (a hash of the salt, the handles
    kept, the prefix): :func:`warm_client_cache` builds it in the report's parent process while the
    kernel starts, and the notebook then only reads its tables. The warnings of the build are
    given again on every load, so a cached dataset says what a fresh one says.

    ``reader`` reads each export (:func:`smanalysis.io.load_dataset`'s); ``key``, the dataset's cache
    key when the caller has it (:func:`_dataset_key`). Returns ``(dataset, kept)``:
    kept is True when the dataset is in the cache (found there or stored now)."""
    from ..io import cache as parse_cache

    key = _dataset_key(sources, profile, settings) if key is ... else key
    got = _dataset_from(parse_cache.load_tables(key)) if key else None
    kept = got is not None
    if got is not None:
        dataset, said = got
    else:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            dataset = _build_dataset(sources, profile, settings, reader=reader)
        # the dataset's own warnings are kept with it; anything else caught meanwhile (a socket the
        # garbage collector closes, a warning of another thread) is passed on as it came, not kept
        said = [(w.category, str(w.message)) for w in caught if _replayable(w.category)]
        for w in caught:
            if not _replayable(w.category):
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
        if key and _storable(dataset, said):
            kept = parse_cache.store_tables(key, {t: getattr(dataset, t) for t in _DATASET_FRAMES},
                                            {"warnings": [[c.__name__, m] for c, m in said]})
    for category, message in said:
        warnings.warn(message, category, stacklevel=2)
    return dataset, kept


#: warning classes a cached dataset can give again (by name)
_WARNING_CLASSES = {"SMAnalysisWarning": SMAnalysisWarning, "UserWarning": UserWarning}


def _replayable(category) -> bool:
    """True for a warning class a cached dataset can give again (one of :data:`_WARNING_CLASSES`)."""
    return _WARNING_CLASSES.get(category.__name__) is category


#: the frames of a :class:`smanalysis.io.Dataset`, as the dataset cache keeps them
_DATASET_FRAMES = ("posts", "comments", "mentions", "interactions", "followers", "content_plan", "account_daily",
                   "audience", "video", "follower_activity", "rejects", "files", "duplicates", "failed")
_DATASET_LAYOUT = 1  # bump when what the dataset cache holds changes


def _build_dataset(sources, profile, settings, reader=None):
    from ..io import load_dataset

    dataset = load_dataset(_sources(sources), profile=profile, **({} if reader is None else {"reader": reader}))
    if settings["pseudonymise"]:
        keep = set(profile.brand_handles) | set(profile.competitor_handles)
        dataset = pseudonymise_dataset(dataset, keep=keep, salt=settings["salt"], prefix=_pseudonym_prefix(settings))
    return dataset


def _pseudonym_prefix(settings) -> str:
    """Pseudonyms read in the report's language: "pengguna_3fa2c1" / "user_3fa2c1"."""
    return text("report.pseudonym_prefix", settings.get("lang") or "id")


def _dataset_key(sources, profile, settings) -> str | None:
    """The dataset cache key of a client: every export's parse cache key and the pseudonymisation
    (the salt only as a hash); None when the cache is off or an export cannot be keyed."""
    from ..io import cache as parse_cache
    from ..io.dataset import read_plan

    try:
        keys = [parse_cache.file_key(p, **kw) for p, kw in read_plan(_sources(sources), profile=profile)]
    except (OSError, ValueError):
        return None
    if not keys or any(k is None for k in keys):
        return None
    pseudo = None
    if settings["pseudonymise"]:
        keep = sorted(set(profile.brand_handles) | set(profile.competitor_handles))
        pseudo = [hashlib.sha256(str(settings["salt"]).encode()).hexdigest(), keep, _pseudonym_prefix(settings)]
    text_ = json.dumps(["client-dataset", _DATASET_LAYOUT, keys, pseudo])
    return hashlib.sha256(text_.encode()).hexdigest()[:32]


def _storable(dataset, said) -> bool:
    """True when a built dataset can be kept: every frame there, no file that failed (it may be
    readable next time), only warnings a cached dataset can give again."""
    from ..io import Dataset

    frames = [getattr(dataset, t, None) for t in _DATASET_FRAMES]
    return (isinstance(dataset, Dataset) and all(isinstance(f, pd.DataFrame) for f in frames)
            and dataset.failed.empty and all(_replayable(c) for c, _ in said))


def _dataset_from(hit):
    """``(Dataset, [(warning class, message)])`` of a dataset cache entry, or None when there is
    none or it does not hold what a dataset needs."""
    from ..io import Dataset

    if hit is None:
        return None
    frames, info = hit
    said = info.get("warnings")
    if set(frames) != set(_DATASET_FRAMES) or not isinstance(said, list) or not all(
            isinstance(w, list) and len(w) == 2 and w[0] in _WARNING_CLASSES and isinstance(w[1], str) for w in said):
        return None
    return Dataset(**frames), [(_WARNING_CLASSES[c], m) for c, m in said]
