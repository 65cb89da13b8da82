"""The canonical tables every part of smanalysis reads and writes.

Each table is a pandas DataFrame with the columns listed here. Readers in
:mod:`smanalysis.io` turn platform exports into these tables; the analysis
layers (:mod:`smanalysis.media`, :mod:`smanalysis.conversation`,
:mod:`smanalysis.network`) take them as input.

Conventions
-----------
* Timestamps (``created_at``) are timezone-aware UTC (``datetime64[ns, UTC]``);
  they are presented in the profile's timezone (default ``Asia/Jakarta``).
* Calendar dates (``date`` in ``followers`` and ``content_plan``) are naive
  ``datetime64[ns]`` at midnight, meaning the local calendar day of the account.
* Counts are ``float64`` so that a missing value is ``NaN`` (an export that
  does not report saves has ``saves = NaN``, not 0).
* Text columns are pandas strings: the readers of :mod:`smanalysis.io` give pandas'
  Arrow-backed ``str`` dtype (missing text is ``NaN``), frames built by hand may hold
  ``object`` columns (missing text is ``None``); test missing text with ``isna()``, never
  ``is None``. Missing text is allowed only where the column is optional.
* ``platform`` is one of :data:`PLATFORMS`.
* ``source_file`` and ``source_line`` (1-based line of the data row in the
  file, the header being line 1) say where each row came from.

Examples
--------
>>> from smanalysis.schema import TABLES, empty
>>> sorted(TABLES)
['account_daily', 'audience', 'comments', 'content_plan', 'follower_activity', 'followers', 'interactions', 'mentions', 'posts', 'video']
>>> empty("followers").columns.tolist()[:4]
['date', 'platform', 'account', 'followers']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .exceptions import SchemaError

__all__ = [
    "Column",
    "TABLES",
    "PLATFORMS",
    "INTERACTION_KINDS",
    "CONTENT_TYPES",
    "POST_FORMATS",
    "DEFAULT_TIMEZONE",
    "resolve_timezone",
    "DAILY_METRICS",
    "AUDIENCE_DIMENSIONS",
    "columns",
    "required",
    "empty",
    "validate",
    "require_columns",
    "conform",
]

DEFAULT_TIMEZONE = "Asia/Jakarta"


def resolve_timezone(timezone=None, profile=None) -> str:
    """``timezone`` if given, else the profile's ``timezone``, else Asia/Jakarta.

    >>> from types import SimpleNamespace
    >>> resolve_timezone("Asia/Makassar"), resolve_timezone(None, SimpleNamespace(timezone="Asia/Jayapura"))
    ('Asia/Makassar', 'Asia/Jayapura')
    >>> resolve_timezone()
    'Asia/Jakarta'
    """
    if timezone:
        return str(timezone)
    if profile is not None and getattr(profile, "timezone", None):
        return str(profile.timezone)
    return DEFAULT_TIMEZONE


PLATFORMS = ("instagram", "facebook", "tiktok", "x", "youtube")
INTERACTION_KINDS = ("reply", "mention", "share", "quote", "like", "comment")
CONTENT_TYPES = ("promo", "education", "entertainment", "engagement", "inspiration", "news", "other")
POST_FORMATS = ("photo", "carousel", "video", "reel", "story", "text", "link", "live", "other")
PLAN_STATUSES = ("idea", "draft", "planned", "scheduled", "posted", "skipped")
#: Metric names of the ``account_daily`` table (readers write only these).
DAILY_METRICS = ("reach", "views", "viewers", "new_viewers", "returning_viewers", "impressions", "engagements",
                 "profile_views", "visits", "link_clicks", "interactions", "follows", "followers_gained",
                 "unfollows", "likes", "comments", "shares", "watch_time_s", "posts_published")
AUDIENCE_DIMENSIONS = ("age", "gender", "age_gender", "city", "country")


@dataclass(frozen=True)
class Column:
    """One column of a canonical table.

    Attributes
    ----------
    name : str
        Column name.
    dtype : str
        ``"str"``, ``"float"``, ``"bool"``, ``"flag"`` (nullable boolean: True, False or missing),
        ``"datetime"`` (UTC) or ``"date"`` (naive day).
    required : bool
        Whether every table of this kind must have the column.
    unit : str
        Unit or allowed values.
    description : str
        What the column means.
    """

    name: str
    dtype: str
    required: bool
    unit: str
    description: str


def _c(name, dtype, required, unit, description):
    return Column(name, dtype, required, unit, description)


_PROVENANCE = [
    _c("source_file", "str", False, "file name", "Export file the row was read from."),
    _c("source_line", "float", False, "line number", "1-based line of the row in that file (header = line 1)."),
]

TABLES: dict[str, tuple[Column, ...]] = {
    "posts": (
        _c("post_id", "str", True, "id", "Platform id of the post (unique per platform)."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform the post was published on."),
        _c("account", "str", True, "handle", "Account that published the post (own or competitor), without '@'."),
        _c("created_at", "datetime", True, "UTC", "Publish time."),
        _c("format", "str", False, "|".join(POST_FORMATS), "Media format."),
        _c("caption", "str", False, "text", "Caption or post text, NFKC-normalised."),
        _c("permalink", "str", False, "URL", "Link to the post."),
        _c("theme", "str", False, "label", "Content theme (from the content plan or tagging)."),
        _c("content_type", "str", False, "|".join(CONTENT_TYPES), "Purpose of the post."),
        _c("hashtags", "str", False, "space-separated, lower case, with '#'", "Hashtags in the caption."),
        _c("reach", "float", False, "accounts", "Unique accounts reached (lifetime)."),
        _c("impressions", "float", False, "times shown", "Impressions, as exported before Meta's 2025 switch to Views."),
        _c("views", "float", False, "times shown/played", "Views (Meta from 2025, TikTok, YouTube, X video)."),
        _c("likes", "float", False, "count", "Likes; on Facebook all reactions."),
        _c("comments", "float", False, "count", "Comments (and replies where the platform counts them)."),
        _c("shares", "float", False, "count", "Shares, reposts and retweets."),
        _c("saves", "float", False, "count", "Saves / bookmarks."),
        _c("clicks", "float", False, "count", "Link and other clicks."),
        _c("engagements_reported", "float", False, "count", "The platform's own engagement total, as exported (X)."),
        _c("followers_at_post", "float", False, "accounts", "Followers of the account when the post was exported/published, if the export says."),
        _c("paid", "flag", False, "True|False|missing", "True when the post was boosted/promoted/paid (Meta 'Funded content status', X 'promoted ...' columns); missing when the export does not say."),
        *_PROVENANCE,
    ),
    "comments": (
        _c("comment_id", "str", True, "id", "Id of the comment or reply."),
        _c("post_id", "str", True, "id", "Post the comment is on."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("author", "str", True, "handle", "Who wrote the comment, without '@'."),
        _c("text", "str", True, "text", "Comment text, NFKC-normalised (may be empty for a sticker-only comment)."),
        _c("created_at", "datetime", True, "UTC", "When the comment was written."),
        _c("parent_id", "str", False, "id", "Comment this one replies to; missing for a top-level comment."),
        _c("is_brand_reply", "bool", True, "True|False", "True when written by one of the brand's own accounts."),
        _c("account", "str", False, "handle", "Own account the post belongs to."),
        _c("likes", "float", False, "count", "Likes on the comment."),
        *_PROVENANCE,
    ),
    "mentions": (
        _c("mention_id", "str", True, "id", "Id of the mentioning post/comment in the listening export."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("brand", "str", True, "brand name", "Brand (own or competitor) the text mentions."),
        _c("author", "str", True, "handle", "Who wrote it, without '@'."),
        _c("text", "str", True, "text", "The mentioning text."),
        _c("created_at", "datetime", True, "UTC", "When it was published."),
        _c("author_followers", "float", False, "accounts", "Followers of the author, where known."),
        _c("reach", "float", False, "accounts", "Estimated reach, where the tool reports it."),
        _c("likes", "float", False, "count", "Likes of the mentioning post."),
        _c("comments", "float", False, "count", "Comments on the mentioning post."),
        _c("shares", "float", False, "count", "Shares of the mentioning post."),
        _c("url", "str", False, "URL", "Link to the mentioning post."),
        _c("sentiment", "str", False, "positive|neutral|negative", "Sentiment as labelled by the listening tool or a person."),
        *_PROVENANCE,
    ),
    "interactions": (
        _c("source", "str", True, "handle", "Account that acted (replied, mentioned, shared...)."),
        _c("target", "str", True, "handle", "Account acted upon."),
        _c("kind", "str", True, "|".join(INTERACTION_KINDS), "Kind of interaction."),
        _c("created_at", "datetime", True, "UTC", "When it happened."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("post_id", "str", False, "id", "Post the interaction belongs to."),
        _c("text", "str", False, "text", "Text of the reply/quote/mention, where there is one."),
        *_PROVENANCE,
    ),
    "followers": (
        _c("date", "date", True, "local day", "Calendar day of the account's timezone."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("account", "str", True, "handle", "Account."),
        _c("followers", "float", True, "accounts", "Followers at the end of the day (NaN when only daily gains are exported)."),
        _c("new_followers", "float", False, "accounts", "Follows gained that day."),
        _c("unfollows", "float", False, "accounts", "Follows lost that day."),
        *_PROVENANCE,
    ),
    "content_plan": (
        _c("date", "date", True, "local day", "Planned publish day."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("theme", "str", True, "label", "Theme of the post."),
        _c("caption", "str", True, "text", "Draft caption."),
        _c("content_type", "str", True, "|".join(CONTENT_TYPES), "Purpose: promotion vs useful content."),
        _c("asset", "str", False, "file name or description", "Photo/video/asset to use."),
        _c("hashtags", "str", False, "space-separated", "Planned hashtags."),
        _c("source", "str", False, "text/URL", "Where the content or idea comes from."),
        _c("status", "str", False, "|".join(PLAN_STATUSES), "Where the plan row stands."),
        _c("time", "str", False, "HH:MM local", "Planned publish time."),
        _c("format", "str", False, "|".join(POST_FORMATS), "Planned format."),
        _c("account", "str", False, "handle", "Account that should publish."),
        _c("plan_id", "str", False, "id", "Row id in the plan."),
        *_PROVENANCE,
    ),
    "account_daily": (
        _c("date", "date", True, "local day", "Calendar day of the account's timezone."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("account", "str", True, "handle", "Account (may be missing when the export names none)."),
        _c("metric", "str", True, "|".join(DAILY_METRICS), "What is counted that day (account level), e.g. reach, views, follows."),
        _c("value", "float", True, "count", "The day's value of the metric."),
        *_PROVENANCE,
    ),
    "audience": (
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("account", "str", True, "handle", "Account whose audience (followers or viewers) is described."),
        _c("dimension", "str", True, "|".join(AUDIENCE_DIMENSIONS), "What the audience is split by."),
        _c("segment", "str", True, "label", "The group, e.g. '18-24', 'female', 'Jakarta', 'Indonesia'."),
        _c("share", "float", True, "0-1", "Share of the audience in the segment (within its dimension; age x gender cells sum to 1 over both)."),
        _c("count", "float", False, "accounts", "Accounts in the segment, where the export gives counts."),
        *_PROVENANCE,
    ),
    "follower_activity": (
        _c("hour", "datetime", True, "UTC", "Start of the hour the followers were active in (TikTok keeps this "
                                            "clock in UTC; present it in the profile's timezone)."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("account", "str", True, "handle", "Account whose followers are counted (may be missing when the export "
                                             "names none)."),
        _c("active_followers", "float", True, "accounts", "Followers active on the platform in that hour (the "
                                                          "platform's estimate; not a count of views)."),
        *_PROVENANCE,
    ),
    "video": (
        _c("post_id", "str", True, "id", "Video/post id (joins posts.post_id on the same platform)."),
        _c("platform", "str", True, "|".join(PLATFORMS), "Platform."),
        _c("account", "str", True, "handle", "Account that published the video."),
        _c("views", "float", False, "plays", "Video views/plays (lifetime)."),
        _c("watch_time_s", "float", False, "seconds", "Total time watched, in seconds."),
        _c("avg_view_duration_s", "float", False, "seconds", "Average watch time a view, in seconds."),
        _c("views_3s", "float", False, "plays", "Views of at least 3 seconds."),
        _c("views_1m", "float", False, "plays", "Views of at least 1 minute."),
        _c("retention", "float", False, "0-1", "Average share of the video watched."),
        *_PROVENANCE,
    ),
}


def columns(table: str) -> list[str]:
    """Names of all columns of ``table``, in canonical order.

    Examples
    --------
    >>> columns("interactions")[:3]
    ['source', 'target', 'kind']
    """
    return [c.name for c in _table(table)]


def required(table: str) -> list[str]:
    """Names of the required columns of ``table``.

    Examples
    --------
    >>> required("followers")
    ['date', 'platform', 'account', 'followers']
    """
    return [c.name for c in _table(table) if c.required]


def _table(table: str) -> tuple[Column, ...]:
    try:
        return TABLES[table]
    except KeyError:
        raise ValueError(
            f"The value for `table` must be one of {sorted(TABLES)}, but {table!r} was passed."
        ) from None


_EMPTY = {
    "str": lambda: pd.Series([], dtype=object),
    "float": lambda: pd.Series([], dtype="float64"),
    "bool": lambda: pd.Series([], dtype="bool"),
    "flag": lambda: pd.Series([], dtype="boolean"),
    "datetime": lambda: pd.Series([], dtype="datetime64[ns, UTC]"),
    "date": lambda: pd.Series([], dtype="datetime64[ns]"),
}


def empty(table: str) -> pd.DataFrame:
    """An empty frame with every column of ``table`` and its dtype.

    Examples
    --------
    >>> df = empty("posts")
    >>> len(df), str(df["created_at"].dtype)
    (0, 'datetime64[ns, UTC]')
    """
    return pd.DataFrame({c.name: _EMPTY[c.dtype]() for c in _table(table)})


def validate(df: pd.DataFrame, table: str, *, func: str = "smanalysis") -> pd.DataFrame:
    """Check that ``df`` has the required columns of ``table``.

    Parameters
    ----------
    df : DataFrame
        The frame to check.
    table : str
        Canonical table name, one of :data:`TABLES`.
    func : str
        Name of the calling function, used in the error message.

    Returns
    -------
    DataFrame
        ``df`` itself, unchanged.

    Raises
    ------
    SchemaError
        Naming the function, the missing columns and the columns present.

    Examples
    --------
    >>> import pandas as pd
    >>> validate(pd.DataFrame({"a": [1]}), "followers", func="growth")
    Traceback (most recent call last):
    ...
    smanalysis.exceptions.SchemaError: growth: the followers table lacks required columns ['date', 'platform', 'account', 'followers']; columns present: ['a']
    """
    return require_columns(df, required(table), func=func, what=f"{table} table")


def require_columns(df: pd.DataFrame, cols, *, func: str, what: str = "frame") -> pd.DataFrame:
    """Check that ``df`` is a DataFrame holding every column in ``cols``.

    Parameters
    ----------
    df : DataFrame
    cols : iterable of str
        Columns the caller needs.
    func : str
        Name of the calling function, used in the message.
    what : str
        How the message names the frame (``"posts table"``, ``"frame"``...).

    Returns
    -------
    DataFrame
        ``df`` itself, unchanged.

    Raises
    ------
    TypeError
        When ``df`` is not a DataFrame.
    SchemaError
        Naming the function, the missing columns and the columns present.

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"brand": ["A"]}), ["brand", "share_of_voice"], func="plot_sov")
    Traceback (most recent call last):
    ...
    smanalysis.exceptions.SchemaError: plot_sov: the frame lacks required columns ['share_of_voice']; columns present: ['brand']
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{func}: expected a pandas DataFrame for the {what}, got {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise SchemaError(
            f"{func}: the {what} lacks required columns {missing}; "
            f"columns present: {list(map(str, df.columns))}"
        )
    return df


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return a copy of ``df`` with every canonical column of ``table`` present and typed.

    Missing optional columns are added as missing values; extra columns are kept
    after the canonical ones. Timestamps are converted to UTC (naive ones are
    taken as UTC), dates to naive midnight, counts to float.

    Examples
    --------
    >>> import pandas as pd
    >>> df = conform(pd.DataFrame({"date": ["2026-01-01"], "platform": ["instagram"],
    ...                            "account": ["kopisenja"], "followers": ["120"]}), "followers")
    >>> df["followers"].iloc[0], str(df["date"].dtype)
    (np.float64(120.0), 'datetime64[ns]')
    """
    validate(df, table, func=f"conform({table!r})")
    out = {}
    n = len(df)
    for c in _table(table):
        if c.name in df.columns:
            s = df[c.name]
        elif c.dtype not in ("float", "bool", "flag", "datetime", "date"):  # a text column the data lacks: all None
            out[c.name] = pd.Series(np.empty(n, dtype=object), index=df.index, copy=False)  # (NumPy: all None)
            continue
        else:
            s = pd.Series(np.full(n, np.nan) if c.dtype != "bool" else np.zeros(n, dtype=bool), index=df.index,
                          copy=False)
            if c.dtype == "flag":
                s = pd.Series(pd.NA, index=df.index, dtype="boolean")
        if c.dtype == "float":
            s = s if s.dtype == "float64" else pd.to_numeric(s, errors="coerce").astype("float64")
        elif c.dtype == "bool":
            s = s.fillna(False).astype(bool)
        elif c.dtype == "flag":
            s = s.astype("boolean") if s.dtype != "boolean" else s
        elif c.dtype == "datetime":
            if s.dtype != "datetime64[ns, UTC]":
                s = pd.to_datetime(s, utc=True, errors="coerce").astype("datetime64[ns, UTC]")
        elif c.dtype == "date":
            s = pd.to_datetime(s, errors="coerce")
            if getattr(s.dt, "tz", None) is not None:
                s = s.dt.tz_localize(None)
            s = s.dt.normalize().astype("datetime64[ns]")
        elif s.dtype == object:
            s = s.where(s.notna(), None) if s.hasnans else s
        elif isinstance(s.dtype, pd.StringDtype):  # pandas' Arrow-backed text (the readers' output): kept as is
            pass
        else:
            s = s.astype(object).where(s.notna(), None)
        out[c.name] = s
    for c in df.columns:  # extra columns after the canonical ones (one frame built, no concat)
        if c not in out:
            out[c] = df[c]
    return pd.DataFrame(out, index=df.index, copy=False)  # columns as built (copy-on-write keeps df intact)
