"""Customer care, the replies: links comments to the brand's replies and measures the response
rate, first-response time (also within business hours) and the queue of unanswered questions
and complaints. The intents of comments are in :mod:`smanalysis.conversation.care`.

See :func:`response_times`, :func:`response_stats` and :func:`unanswered` for examples.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..ratios import divide
from ..exceptions import EmptyDataError, SMAnalysisWarning
from ..schema import DEFAULT_TIMEZONE, validate
from .._checks import as_list, check_choice
from .care import INTENTS, intents

__all__ = ["response_times", "response_stats", "unanswered"]


# --------------------------------------------------------------------------- replies
def _brand_mask(comments: pd.DataFrame, brand_accounts) -> pd.Series:
    mask = comments["is_brand_reply"].fillna(False).astype(bool)
    if brand_accounts is not None:
        handles = getattr(brand_accounts, "brand_handles", brand_accounts)
        if isinstance(handles, str):
            handles = [handles]
        keys = {str(h).lstrip("@").casefold() for h in handles}
        author = comments["author"].astype("string").str.lstrip("@").str.casefold()
        mask = mask | author.isin(keys).fillna(False).astype(bool)
    return mask


def _root(parent: pd.Series, ids: pd.Series, depth: int = 6) -> pd.Series:
    """Top-level ancestor of each reply (follows parent_id up to ``depth`` levels)."""
    up = pd.Series(parent.to_numpy(), index=ids.to_numpy())
    up = up[~up.index.duplicated()]
    root = parent.copy()
    for _ in range(depth):
        nxt = root.map(up)
        has = nxt.notna() & (nxt.astype(object) != root.astype(object))
        if not has.any():
            break
        root = root.where(~has, nxt)
    return root


def response_times(comments: pd.DataFrame, *, brand_accounts=None, business_hours=("08:00", "21:00"),
                   business_days=(0, 1, 2, 3, 4, 5, 6), timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """One row per customer comment: its intent and the brand's first reply, if any.

    Customer comments are the top-level comments (no ``parent_id``) not written
    by the brand. A comment is answered by the earliest brand reply whose
    ``parent_id`` leads (through nested replies) to it. For a post whose
    comments carry no ``parent_id`` at all (a flat export), every non-brand
    comment counts as top-level and is answered by the first brand comment on
    the same post written after it.

    Parameters
    ----------
    comments : DataFrame
        Canonical ``comments`` table.
    brand_accounts : iterable of str or Profile, optional
        The brand's handles; a comment is the brand's when ``is_brand_reply``
        is True or its author is one of them.
    business_hours : (str, str), default ("08:00", "21:00")
        Local opening and closing time ("HH:MM"); a closing time before the
        opening time runs past midnight.
    business_days : iterable of int, default every day
        Opening days, 0 = Monday .. 6 = Sunday (a coffee shop closed on
        Mondays: ``(1, 2, 3, 4, 5, 6)``).
    timezone : str, default "Asia/Jakarta"

    Returns
    -------
    DataFrame
        ``comment_id``, ``post_id``, ``platform``, ``author``, ``text``,
        ``created_at``, ``intent``, ``rule``, ``hours`` ("business" or
        "off_hours", local time of the comment), ``answered`` (bool),
        ``first_reply_at``, ``response_minutes`` (NaN when unanswered),
        ``link`` ("parent_id", "same_post" or NA).

    Raises
    ------
    SchemaError
        When a required column of the comments table is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": ["c1", "r1", "c2"], "post_id": "p1", "platform": "instagram",
    ...     "author": ["budi", "kopisenja.id", "sari"], "text": ["berapa harganya?", "20rb kak", "enak"],
    ...     "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 04:00"], utc=True),
    ...     "parent_id": [None, "c1", None], "is_brand_reply": [False, True, False]})
    >>> response_times(c)[["comment_id", "intent", "answered", "response_minutes"]]
      comment_id    intent  answered  response_minutes
    0         c1  question      True              30.0
    1         c2    praise     False               NaN
    """
    func = "response_times"
    validate(comments, "comments", func=func)
    start, end = _parse_hours(business_hours)
    days = _parse_days(business_days)
    df = comments.reset_index(drop=True)
    brand = _brand_mask(df, brand_accounts).to_numpy()
    created = pd.to_datetime(df["created_at"], utc=True, errors="coerce")
    parent = (df["parent_id"].astype(object).where(df["parent_id"].notna(), None)
              if "parent_id" in df.columns else pd.Series([None] * len(df), dtype=object))
    parent = parent.where(parent.astype("string").str.strip().ne("").fillna(False), None)
    has_parent = parent.notna().to_numpy()
    post_key = df["platform"].astype(str) + "\x1f" + df["post_id"].astype(str)
    threaded_posts = set(post_key[has_parent])
    threaded = post_key.isin(threaded_posts).to_numpy()
    top = ~brand & ~has_parent
    base = df.loc[top, ["comment_id", "post_id", "platform", "author", "text"]].copy()
    base["created_at"] = created[top]
    it = intents(df.loc[top, "text"])
    base["intent"], base["rule"] = it["intent"], it["rule"]
    local = base["created_at"].dt.tz_convert(timezone)
    minutes = local.dt.hour * 60 + local.dt.minute
    inside = (minutes >= start) & (minutes < end) if start <= end else (minutes >= start) | (minutes < end)
    inside = inside & local.dt.day_of_week.isin(days)
    base["hours"] = np.where(inside, "business", "off_hours")

    # times as naive UTC datetime64 arrays: no Timestamp objects on this path
    ns = created.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    base_ns = ns[top]
    first_ns = np.full(len(base), np.datetime64("NaT"), dtype="datetime64[ns]")
    link = np.full(len(base), None, dtype=object)
    # threaded: brand replies whose root is the comment
    rep = brand & has_parent
    if rep.any():
        roots = _root(parent, df["comment_id"].astype(object))
        r = pd.DataFrame({"key": (post_key[rep] + "\x1f" + roots[rep].astype(str)).to_numpy(object),
                          "at": ns[rep]}).groupby("key")["at"].min()
        keys = post_key[top] + "\x1f" + df.loc[top, "comment_id"].astype(str)
        got = keys.map(r).to_numpy(dtype="datetime64[ns]")
        ok = ~np.isnat(got) & (got >= base_ns)
        first_ns[ok] = got[ok]
        link[ok] = "parent_id"
    # flat posts: first brand comment on the same post after the comment
    flat_top = top & ~threaded
    flat_brand = brand & ~threaded
    if flat_top.any() and flat_brand.any():
        left = pd.DataFrame({"_i": np.flatnonzero(flat_top[top]), "key": post_key[flat_top].to_numpy(object),
                             "at": ns[flat_top]})
        left = left[~np.isnat(left["at"].to_numpy())].sort_values("at")
        right = pd.DataFrame({"key": post_key[flat_brand].to_numpy(object), "at": ns[flat_brand]})
        right = right[~np.isnat(right["at"].to_numpy())].sort_values("at")
        right["reply_at"] = right["at"]
        m = pd.merge_asof(left, right, on="at", by="key", direction="forward", allow_exact_matches=False)
        m = m[m["reply_at"].notna()]
        first_ns[m["_i"].to_numpy()] = m["reply_at"].to_numpy(dtype="datetime64[ns]")
        link[m["_i"].to_numpy()] = "same_post"
    first = pd.Series(first_ns, index=base.index).dt.tz_localize("UTC")
    base["answered"] = first.notna()
    base["first_reply_at"] = first
    base["response_minutes"] = (first - base["created_at"]).dt.total_seconds() / 60.0
    base["link"] = pd.Series(link, index=base.index, dtype=object)
    return base.sort_values("created_at", kind="stable").reset_index(drop=True)


def _parse_days(business_days) -> list[int]:
    try:
        days = sorted({int(d) for d in business_days})
    except (TypeError, ValueError):
        days = None
    if not days or any(d < 0 or d > 6 for d in days):
        raise ValueError("The value for `business_days` must be weekday numbers 0 (Monday) .. 6 (Sunday), "
                         f"but {business_days!r} was passed.")
    return days


def _parse_hours(business_hours) -> tuple[int, int]:
    try:
        a, b = business_hours
        out = []
        for t in (a, b):
            hh, mm = str(t).split(":")
            v = int(hh) * 60 + int(mm)
            if not 0 <= v <= 24 * 60:
                raise ValueError
            out.append(v)
        return out[0], out[1]
    except (TypeError, ValueError):
        raise ValueError("The value for `business_hours` must be a pair of 'HH:MM' times such as "
                         f"('08:00', '21:00'), but {business_hours!r} was passed.") from None


_BY = ("platform", "intent", "hours", "post_id")


def response_stats(comments: pd.DataFrame, *, brand_accounts=None, by: str | Sequence[str] = ("platform", "intent"),
                   business_hours=("08:00", "21:00"), business_days=(0, 1, 2, 3, 4, 5, 6),
                   timezone: str = DEFAULT_TIMEZONE, exclude: Iterable[str] = ("spam",),
                   times: pd.DataFrame | None = None) -> pd.DataFrame:
    """Response rate and first-response time of the brand, by platform, intent and business hours.

    Parameters
    ----------
    comments : DataFrame
        Canonical ``comments`` table (see :func:`response_times` for how
        replies are linked to comments).
    brand_accounts : iterable of str or Profile, optional
        The brand's handles (in addition to ``is_brand_reply``).
    by : str or list of str, default ("platform", "intent")
        Any of "platform", "intent", "hours" (business|off_hours), "post_id";
        ``()`` gives one overall row.
    business_hours : (str, str), default ("08:00", "21:00")
        Local opening hours; ``hours`` says whether the comment came inside them.
    business_days : iterable of int, default every day
        Opening days, 0 = Monday .. 6 = Sunday.
    timezone : str, default "Asia/Jakarta"
    exclude : iterable of str, default ("spam",)
        Intents left out (spam is hidden or deleted, not answered).
    times : DataFrame, optional
        :func:`response_times` of these ``comments`` with the same ``brand_accounts``,
        ``business_hours``, ``business_days`` and ``timezone``, when the caller has them already
        (the report computes them once per period); used instead of computing them again.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``comments`` (customer top-level comments),
        ``answered``, ``unanswered``, ``reply_rate`` = answered / comments of
        the row (not the KPI ``response_rate``, which the registry defines as
        the reply rate to questions and complaints), ``median_minutes`` and ``p90_minutes`` (first-response time of the
        answered comments, minutes; NaN when none was answered).

    Raises
    ------
    SchemaError
        When a required column is missing.
    EmptyDataError
        When there is no customer comment to measure.
    ValueError
        For an unknown ``by`` value, bad ``business_hours`` or ``business_days``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": ["c1", "r1", "c2", "c3", "r3"], "post_id": "p1", "platform": "instagram",
    ...     "author": ["budi", "kopisenja.id", "sari", "ani", "kopisenja.id"],
    ...     "text": ["berapa?", "20rb kak", "kapan buka?", "kecewa", "maaf kak"],
    ...     "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 04:00",
    ...                                   "2026-10-01 05:00", "2026-10-01 07:00"], utc=True),
    ...     "parent_id": [None, "c1", None, None, "c3"], "is_brand_reply": [False, True, False, False, True]})
    >>> response_stats(c, by=())
       comments  answered  unanswered  reply_rate  median_minutes  p90_minutes
    0         3         2           1    0.666667            75.0        111.0
    """
    func = "response_stats"
    by_cols = as_list(by)
    for b in by_cols:
        check_choice("by", b, _BY)
    validate(comments, "comments", func=func)
    rt = times if times is not None else response_times(
        comments, brand_accounts=brand_accounts, business_hours=business_hours, business_days=business_days,
        timezone=timezone)
    rt = rt[~rt["intent"].isin(list(exclude))]
    if rt.empty:
        raise EmptyDataError(f"{func}: there are no customer comments to measure (top-level, not by the brand, "
                             f"intent not in {list(exclude)})")
    rt = rt.assign(_ans=rt["answered"].astype("int64"))
    agg = dict(comments=("_ans", "size"), answered=("_ans", "sum"),
               median_minutes=("response_minutes", "median"),
               p90_minutes=("response_minutes", lambda x: x.quantile(0.9)))
    if by_cols:
        out = rt.groupby(by_cols, sort=True, dropna=False).agg(**agg).reset_index()
    else:
        out = rt.groupby(lambda _: 0).agg(**agg).reset_index(drop=True)
    out["unanswered"] = out["comments"] - out["answered"]
    out["reply_rate"] = divide(out["answered"], out["comments"], func=func, name="reply_rate")
    cols = [*by_cols, "comments", "answered", "unanswered", "reply_rate", "median_minutes", "p90_minutes"]
    out["comments"] = out["comments"].astype("int64")
    out["answered"] = out["answered"].astype("int64")
    out["unanswered"] = out["unanswered"].astype("int64")
    return out[cols]


def unanswered(comments: pd.DataFrame, *, brand_accounts=None, intents: Iterable[str] = ("question", "complaint"),
               as_of=None, timezone: str = DEFAULT_TIMEZONE, since=None) -> pd.DataFrame:
    """The care queue: customer comments of the given intents the brand has not answered, oldest first.

    Parameters
    ----------
    comments : DataFrame
        Canonical ``comments`` table.
    brand_accounts : iterable of str or Profile, optional
    intents : iterable of str, default ("question", "complaint")
        Intents to list (any of :data:`INTENTS`; add "abuse" to see insults
        waiting for a calm answer).
    as_of : timestamp, optional
        "Now", for ``waiting_hours``; default the latest comment in the table.
    timezone : str, default "Asia/Jakarta"
    since : timestamp, optional
        List only the comments written at or after it (a period's queue). The older ones are still
        read to link the replies, but their intents are not worked out (naive: UTC).

    Returns
    -------
    DataFrame
        ``comment_id``, ``post_id``, ``platform``, ``author``, ``text``,
        ``created_at``, ``intent``, ``rule``, ``hours``, ``waiting_hours``
        (from ``created_at`` to ``as_of``). Oldest first.

    Raises
    ------
    SchemaError
        When a required column is missing.
    ValueError
        For an unknown intent.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": ["c1", "c2", "c3"], "post_id": "p1", "platform": "instagram",
    ...     "author": ["budi", "sari", "ani"], "text": ["kapan buka?", "enak", "pesanan belum sampai"],
    ...     "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 04:00", "2026-10-01 05:00"], utc=True),
    ...     "is_brand_reply": False})
    >>> unanswered(c)[["comment_id", "intent", "waiting_hours"]]
      comment_id     intent  waiting_hours
    0         c1   question            2.0
    1         c3  complaint            0.0
    >>> unanswered(c, since="2026-10-01 04:30")["comment_id"].tolist()
    ['c3']
    """
    func = "unanswered"
    wanted = list(intents) if not isinstance(intents, str) else [intents]
    for i in wanted:
        check_choice("intents", i, INTENTS)
    validate(comments, "comments", func=func)
    read = comments
    if since is not None:
        since = pd.Timestamp(since)
        since = since.tz_localize("UTC") if since.tzinfo is None else since
        created = pd.to_datetime(comments["created_at"], utc=True, errors="coerce")
        # an older customer comment is never listed: left out before its intent is read. Kept: every
        # reply, every brand comment (they link the answers) and any comment whose id another shares
        # (the thread links follow the first comment of an id, as without ``since``)
        parent = comments["parent_id"].notna().to_numpy() if "parent_id" in comments.columns else False
        shared = comments["comment_id"].duplicated(keep=False).to_numpy()
        keep = ~(created < since).to_numpy() | parent | shared | _brand_mask(comments, brand_accounts).to_numpy()
        read = comments[keep]
    rt = response_times(read, brand_accounts=brand_accounts, timezone=timezone)
    if since is not None:
        rt = rt[(rt["created_at"] >= since).to_numpy(dtype=bool, na_value=False)]
    out = rt[~rt["answered"] & rt["intent"].isin(wanted)]
    now = pd.to_datetime(comments["created_at"], utc=True, errors="coerce").max() if as_of is None else \
        pd.Timestamp(as_of)
    if now is not pd.NaT and now.tzinfo is None:
        now = now.tz_localize("UTC")
    out = out.assign(waiting_hours=(now - out["created_at"]).dt.total_seconds() / 3600.0)
    if (out["waiting_hours"] < 0).any():
        warnings.warn(f"{func}: some comments are later than `as_of`; their waiting time is negative",
                      SMAnalysisWarning, stacklevel=2)
    cols = ["comment_id", "post_id", "platform", "author", "text", "created_at", "intent", "rule", "hours",
            "waiting_hours"]
    return out.sort_values("created_at", kind="stable")[cols].reset_index(drop=True)
