"""A columnar cache of parsed export files, so monthly re-runs skip parsing.

:func:`cached_read` is :func:`smanalysis.io.read` plus a cache: the parsed tables of a file
(canonical data, rejects, the extra tables of a twarc file) are kept as Parquet files (through
pyarrow; never pickle) under a key made of the file's **content hash**, its path, its day of
modification (a yearless TikTok date may fall back on it), every reading option, the profile, the
package version and the schema. A changed byte, option or version gives another key.

Safety: the cache lives in the user's own cache folder (``$XDG_CACHE_HOME/smanalysis/exports``,
else ``~/.cache/smanalysis/exports``), never in a report's output folder; it is created private
(mode 700) and not used when another user owns it or others may write to it. Every entry is
checked on load (the column names and dtypes recorded when it was written, the canonical table's
required columns); an entry that does not pass is read again from the export. Parquet files hold
only data: loading one runs no code.

``SMANALYSIS_PARSE_CACHE`` names another folder, or ``off`` to switch the cache off.

Examples
--------
>>> import os, tempfile
>>> os.environ["SMANALYSIS_PARSE_CACHE"] = tempfile.mkdtemp()
>>> f = os.path.join(tempfile.mkdtemp(), "followers.csv")
>>> _ = open(f, "w").write("date,platform,account,followers\\n2026-10-01,instagram,kopisenja.id,1200\\n")
>>> first, again = cached_read(f), cached_read(f)
>>> again.data.equals(first.data), again.format
(True, 'canonical_followers')
>>> del os.environ["SMANALYSIS_PARSE_CACHE"]
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from .._version import __version__
from ..schema import TABLES, required
from .api import ReadResult, read

__all__ = ["cached_read", "DeferredStores", "not_stored_message", "cache_dir", "CACHE_ENV", "file_key", "store_tables", "load_tables",
           "has_tables"]

#: environment variable: the cache folder, or "off"
CACHE_ENV = "SMANALYSIS_PARSE_CACHE"
_LAYOUT = 1  # bump when the entry layout changes
#: sub-folder of the entries computed from cached exports (:func:`store_tables`)
_DERIVED = "derived"


def cache_dir() -> Path | None:
    """The parse cache folder (None when switched off with ``SMANALYSIS_PARSE_CACHE=off``)."""
    env = os.environ.get(CACHE_ENV, "").strip()
    if env.lower() in ("off", "0", "no", "false"):
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smanalysis" / "exports"


def _private(folder: Path) -> bool:
    """Create ``folder`` private if needed; True when only this user may write to it."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
    except OSError:
        return False
    if os.name != "posix":
        return True
    return st.st_uid == os.getuid() and not (st.st_mode & 0o022)


def _schema_fingerprint() -> str:
    text = repr([(t, [(c.name, c.dtype) for c in cols]) for t, cols in sorted(TABLES.items())])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _key(path: Path, options: dict) -> str:
    st = path.stat()
    day = pd.Timestamp(st.st_mtime, unit="s").strftime("%Y-%m-%d")
    opts = {k: repr(v) for k, v in sorted(options.items())}
    text = json.dumps([_LAYOUT, __version__, _schema_fingerprint(), str(path), day, _file_hash(path), opts])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _dtypes(df: pd.DataFrame) -> list:
    return [[str(c), str(t)] for c, t in df.dtypes.items()]


def _read_frames(entry: Path) -> tuple[dict, dict] | None:
    """The frames and the metadata of the entry folder ``entry``, or None when it is missing or a
    frame's columns and dtypes are not those recorded when it was written."""
    try:
        meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
        frames = {}
        for name, dtypes in meta["frames"].items():
            tbl = pq.read_table(entry / f"{name}.parquet")
            df = tbl.to_pandas()
            if len(df.columns) == len(dtypes):  # text columns: back to object arrays, missing = None
                for (c, t), now in zip(dtypes, df.dtypes):
                    if t == "object" and str(now) != "object":
                        df[c] = pd.Series(tbl.column(c).to_numpy(zero_copy_only=False), index=df.index, dtype=object)
            if _dtypes(df) != dtypes:
                return None
            frames[name] = df
        return frames, meta
    except Exception:  # noqa: BLE001 - a broken entry is only a slower run: compute it again
        return None


def _write_frames(root: Path, key: str, frames: dict, meta: dict, *, raise_os: bool = False) -> bool:
    """Write ``frames`` (name -> DataFrame) and ``meta`` (JSON) as the entry folder ``root/key``;
    True when it is there. An entry whose frames would not come back exactly (values, dtypes,
    index) is not kept. With ``raise_os`` an :class:`OSError` (a full disk, a folder not writable)
    is raised instead of giving False."""
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=root))
    except OSError:
        if raise_os:
            raise
        return False
    try:
        for name, df in frames.items():
            df.to_parquet(tmp / f"{name}.parquet", engine="pyarrow", index=False)
        meta = {**meta, "frames": {n: _dtypes(df.reset_index(drop=True)) for n, df in frames.items()}}
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        back = _read_frames(tmp)
        if back is None:
            return False
        for name, df in frames.items():
            df, back_df = df.reset_index(drop=True), back[0][name]
            # exactly the same, else not kept; DataFrame.equals (vectorised) settles almost every
            # frame, the detailed comparison runs only when it does not
            if not (back_df.equals(df) and back_df.columns.dtype == df.columns.dtype):
                pd.testing.assert_frame_equal(back_df, df)
        try:
            tmp.rename(root / key)
        except OSError:  # another process stored the same entry first
            pass
        return True
    except OSError:
        if raise_os:
            raise
        return False
    except Exception:  # noqa: BLE001 - data pyarrow cannot store exactly is simply not cached
        return False
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _load(entry: Path) -> ReadResult | None:
    """The cached result in ``entry``, or None when it is missing or does not pass the checks."""
    got = _read_frames(entry)
    if got is None:
        return None
    frames, meta = got
    try:
        table = meta["table"]
        if table not in TABLES or not set(required(table)) <= set(frames["data"].columns):
            return None
        extra = {k[len("extra_"):]: v for k, v in frames.items() if k.startswith("extra_")}
        return ReadResult(data=frames["data"], table=table, rejects=frames["rejects"], format=meta["format"],
                          warnings=list(meta["warnings"]), path=Path(meta["path"]), extra=extra, rows=int(meta["rows"]))
    except Exception:  # noqa: BLE001 - a broken entry is only a slower run: read the export again
        return None


def _store(root: Path, key: str, res: ReadResult, *, raise_os: bool = False) -> None:
    """Write ``res`` as entry ``key``; an entry whose dtypes would not come back unchanged is not kept."""
    frames = {"data": res.data, "rejects": res.rejects, **{f"extra_{k}": v for k, v in res.extra.items()}}
    meta = {"table": res.table, "format": res.format, "warnings": list(res.warnings), "path": str(res.path),
            "rows": int(res.rows)}
    _write_frames(root, key, frames, meta, raise_os=raise_os)


def file_key(path, **options) -> str | None:
    """The cache key of an export file read with ``options`` (see the module docstring), or None
    when the cache is off or the file cannot be read.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["SMANALYSIS_PARSE_CACHE"] = tempfile.mkdtemp()
    >>> f = os.path.join(tempfile.mkdtemp(), "a.csv")
    >>> _ = open(f, "w").write("x\\n")
    >>> k = file_key(f)
    >>> len(k), k == file_key(f), k == file_key(f, timezone="Asia/Makassar")
    (32, True, False)
    >>> os.environ["SMANALYSIS_PARSE_CACHE"] = "off"
    >>> file_key(f) is None
    True
    >>> del os.environ["SMANALYSIS_PARSE_CACHE"]
    """
    path = Path(path)
    if cache_dir() is None or not path.is_file():
        return None
    try:
        return _key(path, options)
    except OSError:
        return None


def _derived_root() -> Path | None:
    root = cache_dir()
    if root is None or not _private(root) or not _private(root / _DERIVED):
        return None
    return root / _DERIVED


def store_tables(key: str, frames: dict, info: dict) -> bool:
    """Keep tables computed from cached exports (e.g. a client's whole dataset) in the cache.

    Parameters
    ----------
    key : str
        The entry's name: a hash of everything the tables were computed from (build it from
        :func:`file_key` of each export and every option of the computation).
    frames : dict of str to DataFrame
        The tables (stored as Parquet; their index is not kept: use a default one).
    info : dict
        Anything JSON can hold, given back by :func:`load_tables`.

    Returns
    -------
    bool
        True when the entry is stored (False when the cache is off, or a table would not come
        back exactly: it is then simply not kept).

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["SMANALYSIS_PARSE_CACHE"] = tempfile.mkdtemp()
    >>> store_tables("k1", {"a": pd.DataFrame({"x": [1, 2]})}, {"note": "hi"})
    True
    >>> frames, info = load_tables("k1")
    >>> frames["a"]["x"].tolist(), info["note"], load_tables("k2")
    ([1, 2], 'hi', None)
    >>> del os.environ["SMANALYSIS_PARSE_CACHE"]
    """
    if not key.isalnum():
        raise ValueError(f"store_tables: `key` must be letters and digits (a hash), but {key!r} was passed.")
    root = _derived_root()
    return root is not None and _write_frames(root, key, frames, {"info": info})


def load_tables(key: str) -> tuple[dict, dict] | None:
    """``(frames, info)`` of an entry written by :func:`store_tables`, or None when there is none
    (or it does not pass the checks of the module docstring)."""
    root = _derived_root() if key.isalnum() else None
    if root is None or not (root / key).is_dir():
        return None
    got = _read_frames(root / key)
    if got is None or not isinstance(got[1].get("info"), dict):
        return None
    return got[0], got[1]["info"]


def has_tables(key: str) -> bool:
    """True when an entry written by :func:`store_tables` is there (its folder and its
    ``meta.json``), without reading its tables: :func:`load_tables` still checks them.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["SMANALYSIS_PARSE_CACHE"] = tempfile.mkdtemp()
    >>> has_tables("k1"), store_tables("k1", {"a": pd.DataFrame({"x": [1]})}, {}), has_tables("k1")
    (False, True, True)
    >>> del os.environ["SMANALYSIS_PARSE_CACHE"]
    """
    root = _derived_root() if key.isalnum() else None
    return root is not None and (root / key / "meta.json").is_file()


def cached_read(path, **options) -> ReadResult:
    """:func:`smanalysis.io.read` through the Parquet cache (same arguments, same result).

    Parameters
    ----------
    path : str or Path
        The export file.
    **options
        As for :func:`~smanalysis.io.read`.

    Returns
    -------
    ReadResult
        From the cache when an entry for this exact file content and these options passes the
        checks, else freshly read (and stored).
    """
    res, entry = _read_through(Path(path), options)
    if entry is not None:
        _store(*entry, res)
    return res


def _read_through(path: Path, options: dict) -> tuple[ReadResult, tuple | None]:
    """``(result, (root, key))``: the file from the cache, else freshly read with the entry it
    belongs in (None when the cache is off or the file cannot be keyed)."""
    root = cache_dir()
    if root is None or not path.is_file() or not _private(root):
        return read(path, **options), None
    key = file_key(path, **options)
    if key is None:
        return read(path, **options), None
    hit = _load(root / key) if (root / key).is_dir() else None
    if hit is not None:
        return hit, None
    return read(path, **options), (root, key)


def not_stored_message(failed) -> str:
    """The words for parsed files a disk error kept out of the cache (:meth:`DeferredStores.store`).

    Examples
    --------
    >>> not_stored_message([("/data/a.csv", "No space left on device")])
    'parse cache: 1 parsed export file(s) not stored (the next run parses them again): a.csv (No space left on device)'
    """
    head = "; ".join(f"{Path(f).name} ({str(r)[:80]})" for f, r in failed[:5])
    return f"parse cache: {len(failed)} parsed export file(s) not stored (the next run parses them again): {head}"


class DeferredStores:
    """:func:`cached_read` that keeps the storing for later: call the object as ``cached_read``
    (same arguments, same result), then :meth:`store` writes what was freshly read.

    ``smanalysis report`` reads the exports this way, builds the client's dataset from the tables
    in memory for the notebook and only then keeps the parsed files for next month's run, while
    the notebook runs (:class:`smanalysis.reporting.kernel.ParentWork`).

    Attributes
    ----------
    pending : list
        ``(root, key, ReadResult)`` of the files read and not stored yet.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["SMANALYSIS_PARSE_CACHE"] = tempfile.mkdtemp()
    >>> f = os.path.join(tempfile.mkdtemp(), "followers.csv")
    >>> _ = open(f, "w").write("date,platform,account,followers\\n2026-10-01,instagram,kopisenja.id,1200\\n")
    >>> later = DeferredStores()
    >>> later(f).table, len(later.pending), file_key(f) in os.listdir(os.environ["SMANALYSIS_PARSE_CACHE"])
    ('followers', 1, False)
    >>> later.store(), file_key(f) in os.listdir(os.environ["SMANALYSIS_PARSE_CACHE"])
    ([], True)
    >>> del os.environ["SMANALYSIS_PARSE_CACHE"]
    """

    def __init__(self):
        self.pending: list[tuple[Path, str, ReadResult]] = []

    def __call__(self, path, **options) -> ReadResult:
        res, entry = _read_through(Path(path), options)
        if entry is not None:
            self.pending.append((*entry, res))
        return res

    def store(self) -> list[tuple[str, str]]:
        """Write the entries of the files read; ``[(file, reason)]`` of those a disk error kept
        out of the cache (a table pyarrow cannot store exactly is not kept, as by
        :func:`cached_read`, and not listed). Each entry appears whole or not at all."""
        failed = []
        while self.pending:
            root, key, res = self.pending.pop(0)
            try:
                _store(root, key, res, raise_os=True)
            except OSError as err:
                failed.append((str(res.path), str(err) or type(err).__name__))
        return failed
