"""Client configs: read a client YAML, resolve its paths, work out the periods.

A client config (paths relative to the config file)::

    client: Kopi Senja
    slug: kopi-senja
    profile: profile.yaml
    data: [exports/, content_plan.csv]     # files/folders, or {path: ..., kind: ..., mapping: {...}}
    codebook: codebook.yaml                # optional
    period: {start: 2026-10-01, end: 2026-10-31}
    previous: {start: 2026-09-01, end: 2026-09-30}   # optional: the period just before
    lang: id                               # id | en
    pseudonymise: true                     # handles replaced by stable pseudonyms
    notebooks: [04_evaluation]             # optional: which notebooks make up the report
    sentiment_model: models/kopi-senja.smmodel   # optional: trained SentimentModel (05_sentiment_labeller)

Examples
--------
>>> parse_period("2026-10")
(Timestamp('2026-10-01 00:00:00'), Timestamp('2026-10-31 00:00:00'))
>>> previous_period(*parse_period("2026-10"))
(Timestamp('2026-09-01 00:00:00'), Timestamp('2026-09-30 00:00:00'))
>>> previous_period(*parse_period("2026-10-08:2026-10-14"))
(Timestamp('2026-10-01 00:00:00'), Timestamp('2026-10-07 00:00:00'))
"""

from __future__ import annotations

import datetime
import re
import reprlib
from pathlib import Path
from typing import Any

import pandas as pd

from .._yaml import read_yaml
from ..exceptions import SchemaError
from .._checks import check_choice
from ..words import LANGS

__all__ = ["read_config", "parse_period", "previous_period", "resolve_periods", "as_config", "SLUG_PATTERN"]

_REQUIRED = ("profile", "data")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
#: a client slug is one folder name: letters, digits, ``_``, ``-`` and inner dots, at most 64
#: characters, not starting with a dot (so never ``.``, ``..``, a path or a hidden folder)
SLUG_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def parse_period(period: str | tuple | dict) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Turn ``YYYY-MM``, ``START:END``, ``(start, end)`` or ``{start, end}`` into two days.

    Both ends are inclusive calendar days (naive midnight timestamps).

    Raises
    ------
    ValueError
        When the text is neither form, a date does not parse, or the end is before the start.

    Examples
    --------
    >>> parse_period("2026-02")[1]
    Timestamp('2026-02-28 00:00:00')
    >>> parse_period({"start": "2026-10-01", "end": "2026-10-07"})[1].day
    7
    """
    if isinstance(period, dict):
        if "start" not in period or "end" not in period:
            raise ValueError(f"A period needs `start` and `end`, but {sorted(map(str, period))} was passed.")
        start, end = period["start"], period["end"]
    elif isinstance(period, (tuple, list)) and len(period) == 2:
        start, end = period
    elif isinstance(period, str) and _MONTH.match(period.strip()):
        start = end = period.strip()
    elif isinstance(period, str) and ":" in period:
        start, end = period.split(":", 1)
    else:
        raise ValueError(
            f"The value for `period` must be 'YYYY-MM' or 'START:END' (YYYY-MM-DD), but {period!r} was passed."
        )
    try:
        s = _as_day(start, end=False)
        e = _as_day(end, end=True)
    except (ValueError, TypeError) as err:
        raise ValueError(f"The value for `period` has a date that does not parse: {period!r} ({err}).") from err
    if e < s:
        raise ValueError(f"The value for `period` ends before it starts: {period!r}.")
    return s, e


def _as_day(value, *, end: bool) -> pd.Timestamp:
    if isinstance(value, str) and _MONTH.match(value.strip()):
        p = pd.Period(value.strip(), freq="M")
        return (p.end_time if end else p.start_time).normalize()
    ts = pd.Timestamp(value)
    if ts is pd.NaT or pd.isna(ts):
        raise ValueError("empty date")
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


def previous_period(start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period just before ``start``..``end``: the previous calendar month for a whole month,
    else the equal-length run of days ending the day before ``start``.

    Examples
    --------
    >>> previous_period(pd.Timestamp("2026-03-01"), pd.Timestamp("2026-03-31"))
    (Timestamp('2026-02-01 00:00:00'), Timestamp('2026-02-28 00:00:00'))
    """
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if start.day == 1 and end == (start + pd.offsets.MonthEnd(0)).normalize():
        p = start.to_period("M") - 1
        return p.start_time.normalize(), p.end_time.normalize()
    days = (end - start).days + 1
    prev_end = start - pd.Timedelta(days=1)
    return prev_end - pd.Timedelta(days=days - 1), prev_end


def resolve_periods(cfg: dict[str, Any], *, period=None, previous=None):
    """Current and previous period from an override, else the config, else the last full month.

    A ``period`` override without ``previous`` makes the previous period the one just before it.

    Examples
    --------
    >>> cur, prev = resolve_periods({"period": "2026-10"}, period="2026-08")
    >>> str(cur[0].date()), str(prev[1].date())
    ('2026-08-01', '2026-07-31')
    """
    if period is not None:
        cur = parse_period(period)
        prev = parse_period(previous) if previous is not None else previous_period(*cur)
        return cur, prev
    if cfg.get("period") is not None:
        cur = parse_period(cfg["period"])
    else:
        last = pd.Timestamp.today().to_period("M") - 1
        cur = (last.start_time.normalize(), last.end_time.normalize())
    if previous is not None:
        prev = parse_period(previous)
    elif cfg.get("previous") is not None:
        prev = parse_period(cfg["previous"])
    else:
        prev = previous_period(*cur)
    return cur, prev


def as_config(config) -> dict[str, Any]:
    """A client config read once: ``config`` itself when it is already :func:`read_config`'s result,
    else the file read. The runner reads each client's config once and passes the result on.

    >>> as_config({"config": Path("client.yaml"), "client": "K"})["client"]
    'K'
    """
    if isinstance(config, dict) and isinstance(config.get("config"), Path):
        return config
    return read_config(config)


def read_config(path: str | Path) -> dict[str, Any]:
    """Read a client config YAML: check it and resolve its paths against the file's folder.

    Returns
    -------
    dict
        The config with ``profile``, ``codebook``, ``sentiment_model`` as absolute ``Path``, ``data`` as a list of
        absolute ``Path`` or ``{path, kind, mapping}`` dicts with an absolute path, plus
        ``config`` (the file), ``client``, ``slug``, ``lang``, ``pseudonymise``.

    Raises
    ------
    FileNotFoundError
        When the config or a file it names does not exist.
    SchemaError
        When the YAML does not parse (with line and column) or lacks ``profile``/``data``.
    ValueError
        When ``lang`` is not ``id`` or ``en``.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"client config {path.name!r} not found")
    cfg = read_yaml(path)
    if not isinstance(cfg, dict):
        raise SchemaError(f"{path.name}: a client config must be a mapping, got {type(cfg).__name__}")
    _check_types(cfg, path.name)
    missing = [k for k in _REQUIRED if not cfg.get(k)]
    if missing:
        raise SchemaError(f"{path.name}: client config lacks required keys {missing}; keys present: {sorted(cfg)}")
    base = path.resolve().parent
    out = dict(cfg)
    out["config"] = path.resolve()
    out["profile"] = _existing(base, cfg["profile"], path.name, "profile")
    out["codebook"] = _existing(base, cfg["codebook"], path.name, "codebook") if cfg.get("codebook") else None
    out["sentiment_model"] = (_existing(base, cfg["sentiment_model"], path.name, "sentiment_model")
                              if cfg.get("sentiment_model") else None)
    data = cfg["data"] if isinstance(cfg["data"], list) else [cfg["data"]]
    sources = []
    for item in data:
        if isinstance(item, dict):
            if "path" not in item:
                raise SchemaError(f"{path.name}: a `data` entry given as a mapping needs `path`; got {sorted(item)}")
            sources.append({**item, "path": _existing(base, item["path"], path.name, "data")})
        else:
            sources.append(_existing(base, item, path.name, "data"))
    out["data"] = sources
    if cfg.get("slug") is not None:
        slug = cfg["slug"]
        if not isinstance(slug, str) or not SLUG_PATTERN.match(slug) or ".." in slug:
            raise SchemaError(f"{path.name}: `slug` must be one folder name (letters, digits, '_', '-', inner "
                              f"dots; at most 64 characters, no path), but {str(slug)[:80]!r} was passed.")
    else:
        slug = _slugify(str(cfg.get("client") or path.stem))
    out["slug"] = slug
    out["client"] = str(cfg.get("client") or slug)
    lang = str(cfg.get("lang") or "id")
    check_choice("lang", lang, LANGS, where=path.name)
    out["lang"] = lang
    out["pseudonymise"] = bool(cfg.get("pseudonymise", True))
    return out


_SCALAR = (str, int, float, datetime.date)
#: key -> (allowed types, what to say, check of the items of a list/dict)
_TYPES = {
    "client": ((str, int, float), "a name (text)", None),
    "slug": ((str,), "a folder name (text)", None),
    "profile": ((str,), "a file name (text)", None),
    "codebook": ((str,), "a file name (text)", None),
    "output": ((str,), "a folder name (text)", None),
    "lang": ((str,), "'id' or 'en'", None),
    "salt": ((str, int), "a secret text", None),
    "pseudonymise": ((bool,), "true or false", None),
    "period": ((str, dict, list), "'YYYY-MM', 'START:END' or {start, end}", _SCALAR),
    "previous": ((str, dict, list), "'YYYY-MM', 'START:END' or {start, end}", _SCALAR),
    "notebooks": ((str, list), "'all' or a list of notebook names", (str,)),
    "data": ((str, dict, list), "a file or folder, or a list of them", (str, dict)),
}


def _check_types(cfg: dict, name: str) -> None:
    """Refuse config values of the wrong kind before anything uses them (no silent str() of a list)."""
    for key, (types, what, items) in _TYPES.items():
        v = cfg.get(key)
        if v is None:
            continue
        bad = not isinstance(v, types) or (isinstance(v, bool) and bool not in types)
        if not bad and items is not None and isinstance(v, (list, dict)):
            vals = v.values() if isinstance(v, dict) else v
            bad = len(vals) > 1000 or any(not isinstance(x, items) for x in vals)
        if bad:
            raise SchemaError(f"{name}: `{key}` must be {what}, but a {type(v).__name__} "
                              f"({reprlib.repr(v)}) was passed.")


def _existing(base: Path, rel, cfg_name: str, key: str) -> Path:
    p = Path(str(rel)).expanduser()
    p = p if p.is_absolute() else base / p
    if not p.exists():
        raise FileNotFoundError(f"{cfg_name}: the file named in `{key}` does not exist: {str(rel)!r}")
    return p


def _slugify(text: str) -> str:
    """Lower-case ASCII slug.

    >>> _slugify("Kopi Senja!")
    'kopi-senja'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-") or "client"
