"""Shared machinery of the converters: the read context, column getters, rejects, finishing a table.

Examples
--------
>>> import pandas as pd
>>> ctx = Ctx(source="f.csv", timezone="Asia/Jakarta", cols={"post_id": "Post ID"},
...           frame=pd.DataFrame({"Post ID": ["1", ""]}), lines=pd.Series([2, 3]).to_numpy())
>>> ctx.get("post_id").tolist(), ctx.get("reach") is None
(['1', ''], True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..schema import PLATFORMS, conform, required
from .arrowtext import SPACE_FIRST_BYTES, STR, arrow_text, text_layout, trim
from .numbers import is_missing_text, parse_count
from .parsing import blank, by_unique
from .tags import hashtags_of
from .vocab import PLATFORM_ALIASES

__all__ = ["Ctx", "assumed_tz", "finish", "finish_extra", "platform_of", "hashtags_of", "reference_date", "yearless_days"]


@dataclass
class Ctx:
    """What a converter needs: the raw frame, resolved columns (field -> header), options, and sinks."""

    source: str
    timezone: str
    cols: dict
    frame: pd.DataFrame
    lines: np.ndarray
    options: dict = field(default_factory=dict)
    profile: object = None
    preamble: list = field(default_factory=list)
    path: Path | None = None
    warnings: list = field(default_factory=list)
    fails: list = field(default_factory=list)
    lang: str = "en"
    extra: dict = field(default_factory=dict)
    kept: np.ndarray | None = None

    def get(self, name):
        """Raw text column for field ``name`` (None when the file lacks it).

        A column the CSV parser left in many Arrow chunks is joined into one the first time it is
        asked for, so the text helpers, which need one contiguous array, do not each copy it again."""
        col = self.cols.get(name)
        if col is None:
            return None
        s = self.frame[col]
        if s.dtype == STR:
            arr = s.array.__arrow_array__()
            if isinstance(arr, pa.ChunkedArray) and arr.num_chunks > 1:
                s = pd.Series(pd.array(arr.combine_chunks(), dtype=STR), index=s.index, name=s.name)
                self.frame[col] = s
        return s

    def src(self, name, default=None):
        """Header name of field ``name`` in the file (for messages)."""
        return self.cols.get(name, default or name)

    def count(self, name, *, decimal=None):
        """Parse a count column with :func:`parse_count` (``decimal`` as there); unreadable cells -> NaN and a
        warning."""
        s = self.get(name)
        if s is None:
            return None
        v = parse_count(s, decimal=decimal)
        bad = v.isna()
        if bad.any():
            bad[bad] = ~is_missing_text(s[bad]).to_numpy()
        if bad.any():
            where = ", ".join(map(str, self.lines[bad.to_numpy()][:5]))
            self.warnings.append(f"column {self.src(name)!r}: {int(bad.sum())} value(s) could not be read as "
                                 f"numbers (line {where}{', ...' if bad.sum() > 5 else ''}); set to NaN")
        return v

    def note_day_order(self, name, s=None):
        """Say in the warnings when the slashed dates of column ``name`` (or of ``s``) are ambiguous.

        Dates like ``03/04/2026`` read differently day-first and month-first; when no cell of
        the column has a number above 12 in either place the order cannot be told from the file.
        The readers keep day-first (DD/MM, the Indonesian order), and this says so, naming the column.
        """
        s = self.get(name) if s is None else s
        if s is None or not len(s):
            return
        arr = arrow_text(s)
        maybe = _may_start_with_day(arr)  # one look at the first bytes: most columns end here
        if not maybe.any():
            return
        arr = trim(pc.filter(arr, pa.array(maybe)))
        m = pc.extract_regex(arr, r"^(?P<a>[0-9]{1,2})[/.-](?P<b>[0-9]{1,2})[/.-][0-9]{2,4}(?:$|[ T])")
        a = pc.cast(pc.struct_field(m, [0]), pa.int64()).to_numpy(zero_copy_only=False)
        b = pc.cast(pc.struct_field(m, [1]), pa.int64()).to_numpy(zero_copy_only=False)
        found = ~np.isnan(a)
        if found.any() and (a[found] <= 12).all() and (b[found] <= 12).all() and (a[found] != b[found]).any():
            msg = (f"dates in {self.src(name)!r} are ambiguous (no day or month above 12, so DD/MM and MM/DD "
                   "read differently): read day-first, DD/MM/YYYY (the Indonesian order); if the file is "
                   "month-first, write the dates as YYYY-MM-DD")
            if msg not in self.warnings:
                self.warnings.append(msg)

    def fail(self, mask, name, reason):
        """Reject rows where ``mask`` holds; ``reason`` is a string or a Series of strings."""
        mask = pd.Series(mask, index=self.frame.index).fillna(False).astype(bool)
        if mask.any():
            if isinstance(reason, _Quoted):
                reason = reason.render(mask)
            self.fails.append((mask.to_numpy(), self.src(name), reason))

    def account_for(self, platform):
        """The ``account=`` option, else the profile's own account on ``platform``, else None."""
        if self.options.get("account"):
            return str(self.options["account"]).lstrip("@")
        if self.profile is not None and platform and self.profile.own_accounts.get(platform):
            return self.profile.own_accounts.get(platform)
        # TikTok's follower downloads come as Followers_<handle>.zip; unzipped, the folder names the account
        m = re.fullmatch(r"Followers_([A-Za-z0-9_.]+?)(?:-\d+| \(\d+\))?", self.path.parent.name) \
            if platform == "tiktok" and self.path is not None else None
        if m:
            note = f"account {m.group(1)!r} from the folder name {self.path.parent.name!r}"
            if note not in self.warnings:
                self.warnings.append(note)
            return m.group(1)
        return None

    def own_handles(self):
        own = set(str(h).lstrip("@") for h in (self.options.get("own_accounts") or []))
        if self.profile is not None:
            own |= set(self.profile.brand_handles)
        return own


_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[48:58] = True
_SEP = np.zeros(256, dtype=bool)
_SEP[[ord("/"), ord("."), ord("-")]] = True


def _may_start_with_day(arr: pa.Array) -> np.ndarray:
    """True for cells that start like ``3/`` or ``03.`` (a day or month, then a separator), or with a space."""
    offsets, buf = text_layout(arr)
    if buf is None:
        return np.zeros(len(arr), dtype=bool)
    size = offsets[1:] - offsets[:-1]
    at = np.minimum(offsets[:-1], len(buf) - 1)
    b0 = buf[at]
    b1 = np.where(size > 1, buf[np.minimum(at + 1, len(buf) - 1)], 0)
    b2 = np.where(size > 2, buf[np.minimum(at + 2, len(buf) - 1)], 0)
    day = _DIGIT[b0] & (_SEP[b1] | (_DIGIT[b1] & _SEP[b2]))
    return (size > 0) & (day | SPACE_FIRST_BYTES[b0])


class _Quoted:
    """A reject reason ``prefix 'value'``, rendered only for the rejected rows."""

    def __init__(self, prefix, s):
        self.prefix, self.s = prefix, s

    def render(self, mask):
        t = self.s[mask.to_numpy()].astype(object).where(self.s[mask.to_numpy()].notna(), "").astype(str)
        out = pd.Series(None, index=self.s.index, dtype=object)
        out[mask.to_numpy()] = (self.prefix + " '" + t.str.slice(0, 60) + "'").to_numpy()
        return out


def quoted(prefix: str, s: pd.Series):
    """Reject reason ``prefix 'value'`` (rendered lazily, only for rejected rows)."""
    return _Quoted(prefix, s)


def assumed_tz(ctx: Ctx, col: str) -> None:
    """Say in the warnings that the naive local times of ``col`` were read in ``ctx.timezone`` (a default, not a fact)."""
    msg = (f"times in {ctx.src(col)!r} carry no zone: read as {ctx.timezone} (assumed: the profile's or the default "
           "timezone; pass timezone= if the account exported in another zone)")
    if msg not in ctx.warnings:
        ctx.warnings.append(msg)


def platform_of(s: pd.Series) -> pd.Series:
    """Map free-text platform names or domains/URLs to canonical platforms (None when unknown).

    Examples
    --------
    >>> import pandas as pd
    >>> platform_of(pd.Series(["Instagram", "twitter.com", "https://www.tiktok.com/@a", "koran"])).tolist()
    ['instagram', 'x', 'tiktok', None]
    """
    def _one(u):
        t = u.astype(object).where(u.notna(), "").astype(str).str.strip().str.lower()
        direct = t.map(PLATFORM_ALIASES)
        dom = t.str.extract(r"(?:https?://)?(?:www\.|m\.|mobile\.|web\.)?([a-z0-9.-]+\.[a-z]+)", expand=False)
        out = direct.fillna(dom.map(PLATFORM_ALIASES))
        return out.astype(object).where(out.notna(), None)

    return by_unique(s, _one)


def reference_date(ctx: Ctx, candidates: pd.Series | None = None) -> tuple[pd.Timestamp, str]:
    """The export day yearless dates must not pass, from this file only (never from other files).

    In order: a date in the file name (``..._2026-10-31.csv``, ``..._20261031...``), the
    ``export_date=`` option, the latest full date in ``candidates`` (a column of the file),
    else the file's modification day (a weak guess: the caller warns).

    Examples
    --------
    >>> from pathlib import Path
    >>> ctx = Ctx(source="f", timezone="UTC", cols={}, frame=pd.DataFrame(), lines=np.zeros(0, "int64"),
    ...           path=Path("FollowerHistory_2026-10-31.csv"), options={"export_date": "2026-12-01"})
    >>> reference_date(ctx)
    (Timestamp('2026-10-31 00:00:00'), 'date in the file name')
    """
    name = ctx.path.name if ctx.path is not None else ""
    found = re.findall(r"(?<!\d)(20\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)", name)
    opt = ctx.options.get("export_date")
    if found:
        y, m, d = found[-1]
        day = pd.Timestamp(int(y), int(m), int(d))
        if opt is not None and pd.Timestamp(opt).normalize() != day:
            ctx.warnings.append(f"export_date={pd.Timestamp(opt):%Y-%m-%d} ignored: the file name gives the export "
                                f"day {day:%Y-%m-%d}")
        return day, "date in the file name"
    if opt is not None:
        return pd.Timestamp(opt).normalize(), "export_date option"
    if candidates is not None:
        from .parsing import parse_date

        d = parse_date(candidates.where(candidates.astype(str).str.contains(r"\d{4}", regex=True), "")).dropna()
        if len(d):
            return d.max(), f"latest date in column {ctx.src('export_time')!r}"
    if ctx.path is not None and ctx.path.exists():
        day, why = pd.Timestamp(ctx.path.stat().st_mtime, unit="s").normalize(), "file modification time"
    else:
        day, why = pd.Timestamp.now().normalize(), "today"
    if candidates is not None:  # TikTok's "Time" column: the export day without its year ("February 28")
        from .parsing import parse_yearless

        md = parse_yearless(candidates).dropna(subset=["month", "day"])
        if len(md):
            month, dom = (int(x) for x in md.groupby(["month", "day"]).size().idxmax())
            for year in (day.year, day.year - 1, day.year - 2):
                try:
                    export = pd.Timestamp(year, month, dom)
                except ValueError:  # February 29 of a common year
                    continue
                if export <= day:
                    return export, (f"export day {export:%B %-d} in column {ctx.src('export_time')!r}, its year "
                                    f"from the {why}")
    return day, why


def yearless_days(ctx: Ctx, col: str, ref_candidates=None, *, ordered: bool = True) -> pd.Series:
    """Naive days of a column written without a year ("February 28", "Feb 28", "28 Februari").

    The year comes from the export day (:func:`reference_date`): no date falls after it (a
    post dated after the export day belongs to the previous year); rows in calendar order
    (a year of follower history) stay in order, the last one nearest the export day (with
    ``ordered=False``, for lists of posts, each date simply takes the latest year). Cells
    carrying a year keep it (with their time of day, when they have one). Says in
    ``ctx.warnings`` which day was used and why; a weak guess (file modification time) says so.
    """
    from .parsing import parse_yearless, resolve_years

    parts = parse_yearless(ctx.get(col))
    if parts["month"].notna().any():
        ref, why = reference_date(ctx, ref_candidates)
        resolved = resolve_years(parts["month"], parts["day"], ref, ordered=ordered)
        weak = why in ("file modification time", "today") or "its year from" in why
        ctx.warnings.append(f"yearless dates in {ctx.src(col)!r} given years so that none falls after "
                            f"{ref:%Y-%m-%d} ({why}" + ("; a guess: put the export day in the file name or pass "
                                                        "export_date=)" if weak else ")"))
    else:
        resolved = pd.Series(pd.NaT, index=parts.index, dtype="datetime64[ns]")
    return resolved.where(resolved.notna(), parts["full"])


_REQUIRED_CHECKS = {
    "posts": ("post_id",), "comments": ("comment_id", "post_id"), "mentions": ("mention_id",),
    "interactions": ("source", "target"), "followers": (), "content_plan": (), "account_daily": ("metric",),
    "audience": ("segment",), "video": ("post_id",), "follower_activity": (),
}


def _column(v, index) -> pd.Series:
    """A converter's value as a column: a Series as is, a text scalar repeated as ``str`` dtype, others repeated."""
    if isinstance(v, pd.Series):
        return v
    if isinstance(v, str):
        return pd.Series(pd.array(pa.repeat(pa.scalar(v, type=pa.large_string()), len(index)), dtype=STR),
                         index=index)
    if len(index) and (v is None or type(v) in (bool, int, float)):  # the dtype a list of it gets, without a list
        return pd.Series(np.full(len(index), v, dtype=object if v is None else type(v)), index=index, copy=False)
    return pd.Series([v] * len(index), index=index)


def finish(table: str, data: dict, ctx: Ctx):
    """Assemble canonical columns, apply the rejects and conform dtypes.

    Returns ``(data_frame, rejects_frame)``; rejects have file, line, column, reason, raw.
    """
    frame = pd.DataFrame({k: _column(v, ctx.frame.index) for k, v in data.items() if v is not None},
                         index=ctx.frame.index, copy=False)  # no copy into 2-D blocks: conform builds the frame
    for c in required(table):
        if c not in frame.columns:
            frame[c] = None
    for key in _REQUIRED_CHECKS[table]:
        if key in frame.columns:
            ctx.fail(blank(frame[key]), key, f"missing {key.replace('_', ' ')}")
    if table == "followers" and "followers" in frame.columns:
        v = pd.to_numeric(frame["followers"], errors="coerce")
        for bad, what in ((v < 0, "negative"), (np.isinf(v), "infinite")):
            if bad.any():  # the reason (the value as text) is written for those rows only
                ctx.fail(bad, "followers", quoted(f"{what} follower count", v[bad].astype(str).reindex(v.index)))
    if "value" in frame.columns and table == "account_daily":
        v = pd.to_numeric(frame["value"], errors="coerce")
        bad = np.isinf(v)
        if bad.any():
            ctx.fail(bad, "value", quoted("infinite value", v[bad].astype(str).reindex(v.index)))
    if "platform" in frame.columns and not (isinstance(data.get("platform"), str) and data["platform"] in PLATFORMS):
        bad = frame["platform"].isna() | ~frame["platform"].isin(PLATFORMS)
        ctx.fail(bad, "platform", quoted("unknown platform", ctx.get("platform") if ctx.get("platform") is not None
                                         else frame["platform"]))
    bad = np.zeros(len(frame), dtype=bool)
    reason = column = pd.Series(np.empty(len(frame), dtype=object), index=frame.index)  # (all None)
    if ctx.fails:  # the first reason found rejects a row
        reason, column = reason.copy(), column.copy()
        for mask, col, why in ctx.fails:
            new = mask & reason.isna().to_numpy()
            if new.any():
                reason[new] = why[new] if isinstance(why, pd.Series) else why
                column[new] = col
        bad = reason.notna().to_numpy()
    ctx.kept = ~bad
    rejects = pd.DataFrame({
        "file": ctx.source, "line": ctx.lines[bad].astype("int64"), "column": column[bad].to_numpy(),
        "reason": reason[bad].to_numpy(),
        "raw": ctx.frame[bad].astype(str).agg(",".join, axis=1).str.slice(0, 500).to_numpy() if bad.any() else [],
    })
    good = frame[~bad] if bad.any() else frame
    good = good.assign(source_file=_column(ctx.source, good.index), source_line=ctx.lines[~bad].astype("float64"))
    out = conform(good, table).reset_index(drop=True)
    return out, rejects.reset_index(drop=True)


def finish_extra(ctx: Ctx) -> dict:
    """The further tables a converter put in ``ctx.extra`` (``{table: {column: values}}``), limited to the
    rows :func:`finish` kept, with provenance, conformed."""
    out = {}
    idx = ctx.frame.index
    for table, data in ctx.extra.items():
        frame = pd.DataFrame({k: _column(v, idx) for k, v in data.items() if v is not None}, index=idx)
        for c in required(table):  # a channel named nowhere: the column stays empty, as in finish()
            if c not in frame.columns:
                frame[c] = None
        keep = ctx.kept if ctx.kept is not None else np.ones(len(idx), dtype=bool)
        frame = frame[keep].assign(source_file=ctx.source, source_line=ctx.lines[keep].astype("float64"))
        out[table] = conform(frame, table).reset_index(drop=True)
    return out
