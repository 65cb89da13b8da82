"""Load one client: profile, dataset and report settings from a client config.

Examples
--------
>>> from smanalysis.reporting.client import report_salt
>>> report_salt({"slug": "kopi-senja"}) == report_salt({"slug": "kopi-senja"})
True
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from ..profile import load_profile
from .config import read_config, resolve_periods
from .privacy import pseudonymise_dataset
from .._checks import check_choice
from ..words import LANGS

__all__ = ["load_client", "report_salt", "CACHE_ENV"]

#: environment variable naming a folder where loaded datasets are cached between the notebooks
#: of one report run (set by :func:`smanalysis.reports.run_client`; unset means no cache)
CACHE_ENV = "SMANALYSIS_CACHE_DIR"


def report_salt(cfg: dict[str, Any]) -> str:
    """The pseudonym salt of a client: ``salt`` from the config, else one derived from the slug.

    A derived salt keeps pseudonyms stable from one monthly report to the next, but someone who
    knows the slug could recompute the pseudonym of a handle they already know; put a secret
    ``salt:`` in the config (and keep the config private) to rule that out.
    """
    return str(cfg.get("salt") or hashlib.sha256(f"smanalysis:{cfg.get('slug', '')}".encode()).hexdigest()[:16])


def load_client(config: str | Path, *, period=None, previous=None, lang: str | None = None,
                pseudonymise: bool | None = None, output: str | Path | None = None):
    """Read a client config and load everything the notebooks need.

    Parameters
    ----------
    config : path
        Client config YAML (layout in :mod:`smanalysis.reporting.config`); its paths are relative
        to the file.
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
    cfg = read_config(config)
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


def _cache_key(sources, settings) -> str:
    parts = [str(settings["config"]), str(settings["pseudonymise"]), settings["salt"]]
    for s in sources:
        p = Path(s["path"] if isinstance(s, dict) else s)
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        parts += [f"{f}:{f.stat().st_mtime_ns}:{f.stat().st_size}" for f in files if f.is_file()]
        if isinstance(s, dict):
            parts.append(repr(sorted((k, repr(v)) for k, v in s.items() if k != "path")))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def _load_dataset(sources, profile, settings):
    cache_dir = os.environ.get(CACHE_ENV)
    cache_file = None
    if cache_dir:
        cache_file = Path(cache_dir) / f"dataset-{_cache_key(sources, settings)}.pkl"
        if cache_file.is_file():
            try:
                with cache_file.open("rb") as fh:
                    return pickle.load(fh)
            except Exception:  # noqa: BLE001 - a broken cache is only a slower run
                pass
    from ..io import load_dataset

    srcs = [dict(s, path=str(s["path"])) if isinstance(s, dict) else str(s) for s in sources]
    dataset = load_dataset(srcs, profile=profile)
    if settings["pseudonymise"]:
        keep = set(profile.brand_handles) | set(profile.competitor_handles)
        dataset = pseudonymise_dataset(dataset, keep=keep, salt=settings["salt"])
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(dataset, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache_file)
        except Exception:  # noqa: BLE001
            pass
    return dataset
