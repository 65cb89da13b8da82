"""``read``: one export file in, one canonical table (plus rejects) out.

Examples
--------
>>> import tempfile, os
>>> f = os.path.join(tempfile.mkdtemp(), "followers.csv")
>>> _ = open(f, "w").write("date,platform,account,followers\\n2026-10-01,instagram,kopisenja.id,1.200\\n")
>>> r = read(f)
>>> r.format, r.table, r.data["followers"].tolist(), len(r.rejects)
('canonical_followers', 'followers', [1200.0], 0)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..exceptions import SchemaError
from ..schema import DEFAULT_TIMEZONE, TABLES, empty, required
from .core import Ctx, finish, finish_extra
from .daily import CONVERTERS as _DAILY_CONVERTERS
from .daily import WIDE, melt_daily, split_follower_counts
from .detect import KINDS, detect, resolve_columns
from .formats import FORMATS, norm_header
from .pages import small_pages
from .platforms import CONVERTERS as _PLATFORM_CONVERTERS
from .raw import RawTable, read_raw
from .tools import CONVERTERS as _TOOL_CONVERTERS
from .tools import convert_canonical, convert_plan
from .twarc import read_twarc
from .videos import CONVERTERS as _VIDEO_CONVERTERS
from .videos import expand_audience

__all__ = ["ReadResult", "read", "REJECT_COLUMNS"]

REJECT_COLUMNS = ["file", "line", "column", "reason", "raw"]
_CONVERTERS = {**_PLATFORM_CONVERTERS, **_TOOL_CONVERTERS, **_DAILY_CONVERTERS, **_VIDEO_CONVERTERS}


@dataclass
class ReadResult:
    """What :func:`read` returns.

    Attributes
    ----------
    data : DataFrame
        The canonical table (columns of :mod:`smanalysis.schema`, plus
        ``source_file``/``source_line``; extra columns such as ``metrics_date``
        come after).
    table : str
        Which canonical table ``data`` is.
    rejects : DataFrame
        Rows that could not be used: file, line (1-based, header = line 1 of
        the header's own line), column, reason, raw.
    format : str
        Detected (or forced) format, e.g. ``"meta_posts_instagram"``.
    warnings : list of str
    path : Path
    extra : dict
        Further tables from the same file (twarc JSONL: ``posts`` and ``interactions``).
    rows : int
        Data rows found in the file (``len(data) + len(rejects)``, plus rows in
        ``extra['posts']`` for twarc files).
    """

    data: pd.DataFrame
    table: str
    rejects: pd.DataFrame
    format: str
    warnings: list = field(default_factory=list)
    path: Path | None = None
    extra: dict = field(default_factory=dict)
    rows: int = 0

    def __repr__(self):
        return (f"ReadResult(format={self.format!r}, table={self.table!r}, rows={len(self.data)}, "
                f"rejects={len(self.rejects)}, warnings={len(self.warnings)})")


_NO_REJECTS = pd.DataFrame({"file": pd.Series([], dtype=object), "line": pd.Series([], dtype="int64"),
                            "column": pd.Series([], dtype=object), "reason": pd.Series([], dtype=object),
                            "raw": pd.Series([], dtype=object)})


def _empty_rejects():
    return _NO_REJECTS.copy()


def _is_jsonl(path: Path) -> bool:
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
        return head.startswith(b"{")
    except OSError:
        return False


def read(path, kind: str | None = None, *, timezone: str = DEFAULT_TIMEZONE, mapping: dict | None = None,
         account: str | None = None, platform: str | None = None, brand: str | None = None,
         export_date=None, own_accounts=None, brands: dict | None = None, profile=None,
         metric: str | None = None, source_timezone: str | None = None) -> ReadResult:
    """Read one export file (CSV/TSV, XLSX or JSONL) into a canonical table.

    The format is detected from the header by subsets of columns (see
    :mod:`smanalysis.io.formats`): Meta Business Suite post exports (Facebook,
    Instagram; English or Bahasa Indonesia headers; "Views" or "Impressions"),
    Meta daily series (UTF-16, ``sep=,``), X tweet activity (22/40 columns),
    TikTok Studio content and follower history (yearless dates), YouTube
    ``Table data.csv``, twarc2 JSONL, comment-export and listening-tool CSVs,
    Apify Instagram scraper CSVs, content plans, and any file whose header uses
    canonical column names.

    Nothing is lost: every data row of the file is either in ``.data`` or in
    ``.rejects`` (with file, line, column and reason). Blank lines, and the
    ``Total`` row of YouTube exports, are not data rows. Unreadable numbers in
    optional columns become NaN with a warning, not a reject.

    Parameters
    ----------
    path : str or Path
    kind : str, optional
        Force a format (one of :data:`smanalysis.io.detect.KINDS`), or a
        canonical table name (``"comments"``...) to restrict detection or, with
        ``mapping``, to read a generic file.
    timezone : str
        Timezone of naive local times in the file (TikTok and YouTube days,
        listening tools, content plans). Default ``Asia/Jakarta``.
    source_timezone : str, optional
        Zone a layout writes its times in when it is not the profile's: Meta's
        "Publish time" is Pacific time (``America/Los_Angeles``) for every page,
        so it is read so unless this option says otherwise.
    mapping : dict, optional
        ``{canonical_column: column_in_file}`` for a generic CSV/XLSX; needs
        ``kind`` = a table name.
    account, platform, brand : str, optional
        Fill what the file does not say (Meta daily series, TikTok followers and
        YouTube name no account; a generic file may lack platform; a listening
        export may lack the brand).
    export_date : date-like, optional
        Day the file was exported, for yearless TikTok dates (default: a date
        column, a date in the file name, else the file's modification day).
    own_accounts : list of str, optional
        Own handles (twarc: own tweets become posts; comments: brand replies).
    brands : dict, optional
        ``{handle: brand name}`` for twarc mentions.
    profile : Profile, optional
        Supplies own accounts, brands and missing account names.
    metric : str, optional
        Metric name of a Meta daily series without its metric line.

    Returns
    -------
    ReadResult

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    EmptyDataError
        When the file is empty (no header).
    FormatError
        Unknown format (lists the formats tried and what the closest one
        misses), or undecodable/binary file.
    SchemaError
        A forced ``kind`` or a ``mapping`` whose required columns are missing.
    ValueError
        A ``kind`` that is not a known format or table.

    Examples
    --------
    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "Table data.csv")
    >>> _ = open(f, "w").write("Content,Video title,Video publish time,Views\\nTotal,,,30\\n"
    ...                        "abc,Kopi,\\"Oct 31, 2026\\",30\\n")
    >>> r = read(f, account="kopisenja")
    >>> r.format, r.data["post_id"].tolist(), r.rows
    ('youtube_table', ['abc'], 1)
    """
    with small_pages():  # big temporary arrays without huge-page compaction (see smanalysis.io.pages)
        return _read(path, kind, timezone=timezone, mapping=mapping, account=account, platform=platform, brand=brand,
                     export_date=export_date, own_accounts=own_accounts, brands=brands, profile=profile, metric=metric,
                     source_timezone=source_timezone)


def _read(path, kind, *, timezone, mapping, account, platform, brand, export_date, own_accounts, brands, profile,
          metric, source_timezone) -> ReadResult:
    path = Path(path)
    source = str(path)
    if kind is not None and kind not in KINDS:
        raise ValueError(f"The value for `kind` must be one of {KINDS}, but {kind!r} was passed.")
    if mapping is not None and (kind is None or kind.replace("canonical_", "") not in TABLES):
        raise ValueError(f"`mapping` needs `kind` to be a table name, one of {sorted(TABLES)}, but {kind!r} was passed.")
    if not path.exists():
        raise FileNotFoundError(f"{source}: no such file")
    options = {"account": account, "platform": platform, "brand": brand, "export_date": export_date,
               "own_accounts": own_accounts, "metric": metric, "source_timezone": source_timezone}
    if kind == "twarc_jsonl" or (kind in (None, "posts", "mentions", "interactions") and _is_jsonl(path)):
        return _read_twarc(path, source, own_accounts, brands, profile)
    raw = read_raw(path, source=source)
    table, fmt, cols = _choose(raw, kind, mapping, source)
    warnings = list(raw.warnings)
    if fmt == "youtube_table":
        tot = raw.frame[cols["post_id"]].str.strip().str.lower().isin(["total", "jumlah"]).to_numpy()
        if tot.any():
            warnings.append(f"summary row 'Total' (line {', '.join(map(str, raw.lines[tot]))}) is not a data row; dropped")
            raw.frame = raw.frame[~tot].reset_index(drop=True)
            raw.lines = raw.lines[~tot]
    ctx = Ctx(source=source, timezone=timezone, cols=cols, frame=raw.frame, lines=raw.lines, options=options, profile=profile,
              preamble=raw.preamble, path=path, warnings=warnings)
    if fmt in _CONVERTERS:
        values = _CONVERTERS[fmt](ctx)
    elif table == "content_plan":
        ctx.cols = resolve_columns("content_plan", list(raw.frame.columns))
        values = convert_plan(ctx)
    else:
        values = convert_canonical(ctx, table)
    data, rejects = finish(table, values, ctx)
    extra = finish_extra(ctx)
    n_rows = len(data)
    extra_cols = [c for c in ("metrics_date",) if c in values]
    if not extra_cols and "metrics_date" in data.columns:
        data = data.drop(columns="metrics_date")
    if fmt in WIDE:
        data = melt_daily(data)
        if fmt == "tiktok_followers_daily" and (data["metric"] == "followers").any():  # "Total followers"
            data, followers = split_follower_counts(data)
            extra["followers"] = followers
    elif fmt == "meta_daily" and (data["metric"] == "followers").any():  # a follower count, not a daily metric
        data, followers = split_follower_counts(data)
        if len(followers) and not len(data):
            table, data = "followers", followers
        elif len(followers):
            extra["followers"] = followers
    elif fmt == "meta_audience":
        data = expand_audience(data)
    if len(raw.bad):
        bad = raw.bad.assign(file=source, column=None)[REJECT_COLUMNS]
        rejects = pd.concat([rejects, bad], ignore_index=True) if len(rejects) else bad
    rejects = rejects.sort_values("line", kind="stable").reset_index(drop=True) if len(rejects) else _empty_rejects()
    if not len(raw.frame) and not len(raw.bad):
        ctx.warnings.append("the file has a header but no data rows")
    if len(rejects):
        ctx.warnings.append(f"{len(rejects)} row(s) rejected; see .rejects")
    return ReadResult(data=data, table=table, rejects=rejects, format=fmt, warnings=ctx.warnings, path=path,
                      extra=extra, rows=n_rows + len(rejects))


def _choose(raw: RawTable, kind, mapping, source):
    """Return (table, format name, resolved columns)."""
    header = list(raw.frame.columns)
    if mapping is not None:
        table = kind.replace("canonical_", "")
        present = set(header)
        miss = [f"{k} <- {v!r}" for k, v in mapping.items() if v not in present]
        if miss:
            raise SchemaError(f"{source} (line {raw.header_line}): mapping names columns the file lacks: {miss}; "
                              f"columns present: {header}")
        cols = {k: v for k, v in mapping.items()}
        # canonical names already in the file fill the rest
        for h in header:
            n = norm_header(h)
            if n in {c.name for c in TABLES[table]} and n not in cols:
                cols[n] = h
        missing = [c for c in required(table) if c not in cols and not _filled_by_option(c)]
        if missing:
            raise SchemaError(f"{source} (line {raw.header_line}): read(kind={kind!r}, mapping=...) lacks required "
                              f"columns {missing}; columns present: {header}")
        return table, f"generic_{table}", cols
    if kind in FORMATS:
        spec = FORMATS[kind]
        cols = resolve_columns(kind, header)
        missing = spec.missing(cols)
        if missing:
            raise SchemaError(f"{source} (line {raw.header_line}): read(kind={kind!r}) lacks required columns "
                              f"{missing}; columns present: {header}")
        return spec.table, kind, cols
    if kind is not None and kind.startswith("canonical_"):
        table = kind[len("canonical_"):]
        fmt, cols = detect(header, allowed=[kind], source=source)
        return table, fmt, cols
    allowed = None
    if kind in TABLES:
        allowed = [n for n, s in FORMATS.items() if s.table == kind] + [f"canonical_{kind}"]
    fmt, cols = detect(header, allowed=allowed, source=source)
    table = FORMATS[fmt].table if fmt in FORMATS else fmt[len("canonical_"):]
    return table, fmt, cols


def _filled_by_option(col):
    return col in ("platform", "is_brand_reply")


def _read_twarc(path, source, own_accounts, brands, profile):
    res = read_twarc(path, source=source, own_accounts=own_accounts or (), brands=brands, profile=profile)
    rej = res["rejects"]
    rej = rej[REJECT_COLUMNS] if len(rej) else _empty_rejects()
    warnings = list(res["warnings"])
    if len(rej):
        warnings.append(f"{len(rej)} line(s)/tweet(s) rejected; see .rejects")
    return ReadResult(data=res["mentions"], table="mentions", rejects=rej, format="twarc_jsonl", warnings=warnings,
                      path=Path(path), extra={"posts": res["posts"], "interactions": res["interactions"]},
                      rows=len(res["mentions"]) + len(res["posts"]) + len(rej))


def empty_result(table: str, fmt: str = "none") -> ReadResult:
    """An empty result of ``table`` (used by :func:`load_dataset` for absent tables)."""
    return ReadResult(data=empty(table), table=table, rejects=_empty_rejects(), format=fmt)

