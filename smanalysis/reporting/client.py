"""Load one client: profile, dataset and report settings from a client config.

Examples
--------
>>> from smanalysis.reporting.client import report_salt
>>> report_salt({"slug": "kopi-senja", "salt": "rahasia"})
'rahasia'
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import warnings
from pathlib import Path
from typing import Any

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
    cur, prev = resolve_periods(cfg, period=period, previous=previous)
    if lang is not None:
        check_choice("lang", lang, LANGS)
    settings = {
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
    profile = load_profile(cfg["profile"])
    dataset = _load_dataset(cfg["data"], profile, settings)
    return profile, dataset, settings


def warm_client_cache(config) -> int:
    """Parse the client's export files into the Parquet parse cache, as :func:`load_client` reads them.

    ``smanalysis report`` runs it while the notebook kernel starts, so the notebook's
    :func:`load_client` finds every file parsed (:func:`smanalysis.io.dataset.warm_cache`; a large
    client's files are parsed by one process a core).

    Parameters
    ----------
    config : path or dict
        Client config YAML, or the config already read.

    Returns
    -------
    int
        The number of files in the cache.

    Raises
    ------
    FileNotFoundError, SchemaError, ValueError
        From the config or the profile (the notebook then reports them itself).
    """
    import multiprocessing

    from ..io.dataset import warm_cache

    cfg = as_config(config)
    # side by side in worker processes only from a top process (not in a --jobs or Dask worker,
    # whose siblings already use the other cores)
    jobs = (os.cpu_count() or 1) if multiprocessing.parent_process() is None else 1
    return warm_cache(_sources(cfg["data"]), profile=load_profile(cfg["profile"]), jobs=jobs)


def _sources(data) -> list:
    """The config's data sources as :func:`~smanalysis.io.load_dataset` takes them."""
    return [dict(s, path=str(s["path"])) if isinstance(s, dict) else str(s) for s in data]


def _load_dataset(sources, profile, settings):
    """The client's dataset, pseudonymised when asked. Parsing is cached by :mod:`smanalysis.io.cache`
    (Parquet, keyed by file content; data only); no Python object is ever stored or loaded."""
    from ..io import load_dataset

    dataset = load_dataset(_sources(sources), profile=profile)
    if settings["pseudonymise"]:
        keep = set(profile.brand_handles) | set(profile.competitor_handles)
        # pseudonyms read in the report's language: "pengguna_3fa2c1" / "user_3fa2c1"
        dataset = pseudonymise_dataset(dataset, keep=keep, salt=settings["salt"],
                                       prefix=text("report.pseudonym_prefix", settings.get("lang") or "id"))
    return dataset
