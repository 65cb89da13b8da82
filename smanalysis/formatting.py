"""Numbers, percentages, counts, dates and date ranges in the reader's language, through Babel (CLDR).

ONE formatter for everything a person reads: report tables, report text, chart axes, the
labels of ``metrics.json`` and the analyst's notebooks. Indonesian groups thousands with a dot and
writes decimals with a comma ("3.284", "5,4%"); English does the opposite ("3,284", "5.4%").
Nothing here formats by hand: the patterns come from CLDR through Babel.

A missing value (``None``, NaN, NaT) is shown as :data:`MISSING` ("–") everywhere.

Examples
--------
>>> number(3284, "id"), number(3284, "en")
('3.284', '3,284')
>>> percent(0.054, "id"), percent(0.054, "en")
('5,4%', '5.4%')
>>> date_range("2026-10-01", "2026-10-31", "id")
'1–31 Okt 2026'
>>> date_range("2026-10-01", "2026-10-31", "en") == "Oct 1\u2009–\u200931, 2026"  # CLDR's thin spaces
True
"""

from __future__ import annotations

import datetime as _dt
import re
from numbers import Number

import numpy as np
import pandas as pd
from babel import dates as _bdates
from babel import numbers as _bnum
from babel import units as _bunits

__all__ = ["LOCALES", "MISSING", "UNITS", "number", "count", "percent", "change", "signed", "minutes",
           "date", "month", "datetime", "clock", "date_range", "shorten", "time_range", "day_name", "yes_no", "value", "column_unit", "format_frame",
           "format_columns",
           "axis_format"]

#: report language -> Babel locale
LOCALES = {"id": "id_ID", "en": "en_US"}

#: what a missing value looks like in every language
MISSING = "–"

#: the units :func:`value` knows (a metric's ``format``)
UNITS = ("count", "number", "ratio", "percent", "change", "signed", "minutes", "hours", "date", "datetime",
         "text")

_CLOCK = re.compile(r"[0-2]?\d:[0-5]\d")

# the only words here; they move to the words catalogue when it lands
_YES_NO = {"id": ("ya", "tidak"), "en": ("yes", "no")}


def _locale(lang: str) -> str:
    try:
        return LOCALES[lang]
    except (KeyError, TypeError):
        raise ValueError(f"The value for `lang` must be one of {sorted(LOCALES)}, but {lang!r} was passed.") from None


def _missing(v) -> bool:
    if v is None or v is pd.NaT or v is pd.NA:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _pattern(digits: int, *, sign: bool = False, pct: bool = False) -> str:
    body = "#,##0" + ("." + "0" * digits if digits > 0 else "") + ("%" if pct else "")
    return f"+{body};-{body}" if sign else body


def number(v, lang: str = "id", digits: int = 0) -> str:
    """A number with the locale's grouping and decimal marks, ``digits`` decimals.

    Parameters
    ----------
    v : float or int
        The number; None/NaN gives :data:`MISSING`.
    lang : {"id", "en"}
        Reader's language.
    digits : int
        Decimals shown (rounded half to even, as Babel does).

    Examples
    --------
    >>> number(12345.6, "id"), number(12345.6, "en"), number(2.25, "id", 2), number(None)
    ('12.346', '12,346', '2,25', '–')
    """
    loc = _locale(lang)
    if _missing(v):
        return MISSING
    return _bnum.format_decimal(float(v), format=_pattern(digits), locale=loc)


def count(v, lang: str = "id") -> str:
    """A count as a whole number ("9.100" in Indonesian, "9,100" in English).

    >>> count(9100, "id"), count(9100.0, "en"), count(float("nan"), "en")
    ('9.100', '9,100', '–')
    """
    return number(v, lang, 0)


def percent(ratio, lang: str = "id", digits: int = 1) -> str:
    """A ratio (0.054) as a percentage ("5,4%" / "5.4%").

    >>> percent(0.054, "id"), percent(0.054, "en"), percent(1, "id", 0), percent(None, "id")
    ('5,4%', '5.4%', '100%', '–')
    """
    loc = _locale(lang)
    if _missing(ratio):
        return MISSING
    return _bnum.format_percent(float(ratio), format=_pattern(digits, pct=True), locale=loc)


def change(ratio, lang: str = "id", digits: int = 0) -> str:
    """A relative change (-0.36) as a signed percentage ("-36%", "+5,4%" with ``digits=1``).

    >>> change(-0.36, "id"), change(0.054, "id", 1), change(0.054, "en", 1)
    ('-36%', '+5,4%', '+5.4%')
    """
    loc = _locale(lang)
    if _missing(ratio):
        return MISSING
    return _bnum.format_percent(float(ratio), format=_pattern(digits, sign=True, pct=True), locale=loc)


def signed(v, lang: str = "id", digits: int = 2) -> str:
    """A number with its sign always shown (net sentiment: "+0,25").

    >>> signed(0.25, "id"), signed(-0.25, "en")
    ('+0,25', '-0.25')
    """
    loc = _locale(lang)
    if _missing(v):
        return MISSING
    return _bnum.format_decimal(float(v), format=_pattern(digits, sign=True), locale=loc)


def minutes(v, lang: str = "id") -> str:
    """A duration in minutes in words; 90 minutes and more as hours.

    >>> minutes(45, "id"), minutes(45, "en"), minutes(150, "id"), minutes(1, "en")
    ('45 menit', '45 minutes', '2,5 jam', '1 minute')
    """
    loc = _locale(lang)
    if _missing(v):
        return MISSING
    v = float(v)
    if abs(v) >= 90:
        return _bunits.format_unit(round(v / 60, 1), "duration-hour", length="long", locale=loc,
                                   format="#,##0.#")
    return _bunits.format_unit(round(v), "duration-minute", length="long", locale=loc)


def _as_date(d):
    ts = pd.Timestamp(d)
    return ts


def date(d, lang: str = "id") -> str:
    """A day ("1 Okt 2026" / "Oct 1, 2026").

    >>> date("2026-10-01", "id"), date(pd.Timestamp("2026-10-01"), "en"), date(None)
    ('1 Okt 2026', 'Oct 1, 2026', '–')
    """
    loc = _locale(lang)
    if _missing(d):
        return MISSING
    return _bdates.format_skeleton("yMMMd", _as_date(d).date(), locale=loc)


def month(d, lang: str = "id") -> str:
    """A month ("Okt 2026" / "Oct 2026"), for chart axes.

    >>> month("2026-10-05", "id"), month("2026-10-05", "en")
    ('Okt 2026', 'Oct 2026')
    """
    loc = _locale(lang)
    if _missing(d):
        return MISSING
    return _bdates.format_skeleton("yMMM", _as_date(d).date(), locale=loc)


def datetime(ts, lang: str = "id", timezone: str | None = None) -> str:
    """A moment as local day and time ("1 Okt 2026 13.05" / "Oct 1, 2026 13:05").

    A timezone-aware ``ts`` is shown in ``timezone`` (the client's), a naive one as it is.

    >>> datetime(pd.Timestamp("2026-10-01 06:05", tz="UTC"), "id", timezone="Asia/Jakarta")
    '1 Okt 2026 13.05'
    >>> datetime("2026-10-01 13:05", "en")
    'Oct 1, 2026 13:05'
    """
    loc = _locale(lang)
    if _missing(ts):
        return MISSING
    t = pd.Timestamp(ts)
    if t.tzinfo is not None:
        t = (t.tz_convert(timezone) if timezone else t).tz_localize(None)
    day = _bdates.format_skeleton("yMMMd", t.date(), locale=loc)
    clock = _bdates.format_skeleton("Hm", t.to_pydatetime().time(), locale=loc)
    return f"{day} {clock}"


def clock(t, lang: str = "id") -> str:
    """A time of day ("16:20", a ``datetime.time`` or a Timestamp) as the reader writes it
    ("16.20" / "16:20"); text that is not a time is returned as it is.

    >>> clock("16:20", "id"), clock("16:20", "en"), clock(None, "id"), clock("pagi", "id")
    ('16.20', '16:20', '–', 'pagi')
    """
    loc = _locale(lang)
    if _missing(t):
        return MISSING
    if isinstance(t, str):
        try:
            t = _dt.datetime.strptime(t.strip(), "%H:%M").time()
        except ValueError:
            return t
    if isinstance(t, (pd.Timestamp, _dt.datetime)):
        t = t.time()
    return _bdates.format_skeleton("Hm", t, locale=loc)


def date_range(start, end, lang: str = "id") -> str:
    """Two days as one range, shared parts written once ("1–31 Okt 2026" / "Oct 1 – 31, 2026").

    English puts CLDR's thin spaces around the dash.

    >>> date_range("2026-09-01", "2026-10-31", "id")
    '1 Sep–31 Okt 2026'
    >>> date_range("2026-10-05", "2026-10-05", "en")
    'Oct 5, 2026'
    """
    loc = _locale(lang)
    if _missing(start) or _missing(end):
        return MISSING
    a, b = _as_date(start).date(), _as_date(end).date()
    return _bdates.format_interval(a, b, "yMMMd", locale=loc)


def time_range(start_hour, end_hour, lang: str = "id") -> str:
    """An hour slot ("12.00–14.00" / "12:00–14:00"); ``end_hour`` 24 is midnight.

    >>> time_range(12, 14, "id"), time_range(12, 14, "en"), time_range(22, 24, "id")
    ('12.00–14.00', '12:00–14:00', '22.00–24.00')
    """
    loc = _locale(lang)
    if _missing(start_hour) or _missing(end_hour):
        return MISSING

    def clock(h):
        h = int(h)
        if h == 24:  # CLDR has no 24:00; write it with the locale's separator
            return _bdates.format_skeleton("Hm", _dt.time(0, 0), locale=loc).replace("00", "24", 1)
        return _bdates.format_skeleton("Hm", _dt.time(h, 0), locale=loc)

    return f"{clock(start_hour)}–{clock(end_hour)}"


def day_name(dow: int, lang: str = "id", width: str = "wide") -> str:
    """Name of a weekday, Monday = 0 (pandas' ``dayofweek``).

    >>> day_name(6, "id"), day_name(6, "en"), day_name(0, "id", "abbreviated")
    ('Minggu', 'Sunday', 'Sen')
    """
    loc = _locale(lang)
    return str(_bdates.get_day_names(width, locale=loc)[int(dow)])


def yes_no(v, lang: str = "id") -> str:
    """A yes/no value in words; missing gives :data:`MISSING`.

    >>> yes_no(True, "id"), yes_no(False, "en"), yes_no(None, "id")
    ('ya', 'no', '–')
    """
    _locale(lang)
    if _missing(v):
        return MISSING
    return _YES_NO[lang][0 if bool(v) else 1]


def value(v, unit: str = "number", lang: str = "id", *, digits: int | None = None,
          timezone: str | None = None) -> str:
    """Any figure by its unit: the one entry point a metric's ``format`` names.

    Parameters
    ----------
    v : object
        The value.
    unit : {"count", "number", "ratio", "percent", "change", "signed", "minutes", "hours", "date",
            "datetime", "text"}
        ``ratio`` and ``percent`` both take a ratio (0.054) and show a percentage; ``hours`` takes
        hours and is shown like :func:`minutes`; ``text`` is returned as a string.
    lang : {"id", "en"}
    digits : int, optional
        Decimals (each unit has its own default).
    timezone : str, optional
        Timezone for ``datetime``.

    Examples
    --------
    >>> value(0.307692, "ratio", "id"), value(3284.0, "count", "id"), value(2.5, "number", "en", digits=1)
    ('30,8%', '3.284', '2.5')
    >>> value(3, "hours", "id")
    '3 jam'
    """
    if unit not in UNITS:
        raise ValueError(f"The value for `unit` must be one of {list(UNITS)}, but {unit!r} was passed.")
    if unit == "count":
        return count(v, lang)
    if unit == "number":
        if digits is None and not _missing(v):
            a = abs(float(v))
            digits = 0 if a >= 100 or float(v).is_integer() else (1 if a >= 10 else 2)
        return number(v, lang, digits or 0)
    if unit in ("ratio", "percent"):
        return percent(v, lang, 1 if digits is None else digits)
    if unit == "change":
        return change(v, lang, 0 if digits is None else digits)
    if unit == "signed":
        return signed(v, lang, 2 if digits is None else digits)
    if unit == "minutes":
        return minutes(v, lang)
    if unit == "hours":
        return minutes(None if _missing(v) else float(v) * 60, lang)
    if unit == "date":
        return date(v, lang)
    if unit == "datetime":
        return datetime(v, lang, timezone)
    _locale(lang)
    return MISSING if _missing(v) else str(v)


def shorten(s: pd.Series, width: int = 120) -> pd.Series:
    """Texts longer than ``width`` characters cut at the last whole word, with "…" (never mid-word);
    missing values stay missing.

    >>> out = shorten(pd.Series(["Kopi susu gula aren enak sekali", "Pendek", None]), 20)
    >>> out.tolist()[:2], bool(out.isna().iloc[2])
    (['Kopi susu gula aren…', 'Pendek'], True)
    """
    out = s.astype(object).copy()
    ok = out.notna()
    txt = out[ok].astype(str).str.split().str.join(" ")
    long = txt.str.len() > width
    txt[long] = txt[long].str.slice(0, width + 1).str.replace(r"\s+\S*$", "", regex=True).str.rstrip(" ,.;:") + "…"
    out[ok] = txt
    return out


def column_unit(s: pd.Series) -> str:
    """The unit :func:`format_frame` gives a column from its dtype ("count", "number", "date",
    "datetime", "bool" or "text").

    >>> column_unit(pd.Series([1.0, 2.0])), column_unit(pd.Series([0.5])), column_unit(pd.Series(["a"]))
    ('count', 'number', 'text')
    """
    if pd.api.types.is_bool_dtype(s):
        return "bool"
    if pd.api.types.is_datetime64_any_dtype(s):
        col = s.dt.tz_localize(None) if isinstance(s.dtype, pd.DatetimeTZDtype) else s
        ok = col.dropna()
        return "date" if bool((ok == ok.dt.normalize()).all()) else "datetime"
    if pd.api.types.is_integer_dtype(s):
        return "count"
    if pd.api.types.is_float_dtype(s):
        ok = s.dropna()
        return "count" if len(ok) and bool((ok == np.round(ok)).all()) else "number"
    return "text"


def _cell(v, unit: str, lang: str, timezone: str | None) -> str:
    if unit == "bool" or isinstance(v, (bool, np.bool_)):
        return yes_no(v, lang)
    if unit == "text":
        if _missing(v):
            return MISSING
        if isinstance(v, (pd.Timestamp, _dt.datetime)):
            return datetime(v, lang, timezone)
        if isinstance(v, float) or (isinstance(v, Number) and not isinstance(v, int)):
            return value(float(v), "number", lang)
        if isinstance(v, (int, np.integer)):
            return count(v, lang)
        v = " ".join(str(v).split())  # line breaks in captions would break the table rows
        return clock(v, lang) if _CLOCK.fullmatch(v) else v  # a cell that is only a time ("07:00")
    return value(v, unit, lang, timezone=timezone)


def format_frame(df: pd.DataFrame, lang: str = "id", *, units: dict | None = None, timezone: str | None = None,
                 labels=None) -> pd.DataFrame:
    """A copy of ``df`` with every cell as the text a reader sees.

    Floats that are all whole numbers become counts, other floats get two significant decimals,
    ratios are shown as percentages when ``units`` says so, times are local (``timezone``), True/False
    become yes/no words and missing values :data:`MISSING`. The input is not changed.

    Parameters
    ----------
    df : DataFrame
    lang : {"id", "en"}
    units : dict, optional
        Column name -> unit of :func:`value` (e.g. ``{"er_reach": "ratio"}``); other columns are
        guessed from their dtype.
    timezone : str, optional
        Timezone in which aware timestamps are shown.
    labels : callable, optional
        ``labels(column_name, lang)`` -> header text; headers unchanged when not given.

    Returns
    -------
    DataFrame
        Same shape, index and columns (renamed by ``labels``), all cells ``str``.

    Examples
    --------
    >>> df = pd.DataFrame({"posts": [3284.0, None], "er": [0.307692, 0.05], "paid": [True, False],
    ...                    "slot": ["07:00", "pagi"]})
    >>> format_frame(df, "id", units={"er": "ratio"}).values.tolist()
    [['3.284', '30,8%', 'ya', '07.00'], ['–', '5,0%', 'tidak', 'pagi']]
    """
    out = pd.DataFrame(index=df.index)
    for i, cells in enumerate(format_columns(df, lang, units=units, timezone=timezone)):
        out[i] = cells if len(cells) else pd.Series(dtype=object)
    out.columns = [labels(c, lang) if (labels and isinstance(c, str)) else c for c in df.columns]
    return out


def format_columns(df: pd.DataFrame, lang: str = "id", *, units: dict | list | None = None,
                   timezone: str | None = None) -> list[list[str]]:
    """:func:`format_frame`'s cells, a list a column; ``units`` as there, or a list (one unit a column).

    >>> format_columns(pd.DataFrame({"posts": [3284.0, None], "er": [0.25, 0.5]}), "en", units=["count", "ratio"])
    [['3,284', '–'], ['25.0%', '50.0%']]
    """
    _locale(lang)
    given, out = (units if isinstance(units, (list, tuple)) else [(units or {}).get(c) for c in df.columns]), []
    for i, c in enumerate(df.columns):
        s = df.iloc[:, i]
        unit = given[i] or column_unit(s)
        if unit not in UNITS and unit != "bool":
            raise ValueError(f"The value for `units[{c!r}]` must be one of {list(UNITS)}, but {unit!r} was passed.")
        out.append([_cell(v, unit, lang, timezone) for v in s.tolist()])
    return out


def axis_format(ax, unit: str = "count", lang: str = "id", *, axis: str = "y", digits: int | None = None):
    """Tick labels of a matplotlib axis through :func:`value`; counts get whole-number ticks only.

    Parameters
    ----------
    ax : matplotlib Axes
    unit : str
        A unit of :func:`value` (``count``, ``ratio``, ``number``...).
    lang : {"id", "en"}
    axis : {"x", "y"}
    digits : int, optional

    Returns
    -------
    Axes
        ``ax``, for chaining.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); _ = ax.bar(["a", "b"], [1500, 2500])
    >>> _ = axis_format(ax, "count", "id"); _ = ax.set_yticks([0, 1500, 3000]); fig.canvas.draw()
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['0', '1.500', '3.000']
    >>> plt.close(fig)
    """
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    _locale(lang)
    if axis not in ("x", "y"):
        raise ValueError(f"The value for `axis` must be one of ['x', 'y'], but {axis!r} was passed.")
    target = ax.yaxis if axis == "y" else ax.xaxis
    if unit == "count":
        target.set_major_locator(MaxNLocator(integer=True))
    elif unit in ("ratio", "percent"):  # few round ticks: "0%, 5%, 10%", not "0,0% 2,5% ... 12,5%" run together
        target.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    if unit == "date":  # matplotlib's day numbers as the reader's dates ("1 Okt 2026")
        from matplotlib.dates import num2date

        target.set_major_formatter(FuncFormatter(
            lambda x, _pos: value(pd.Timestamp(num2date(x)).tz_localize(None), "date", lang)))
        return ax

    from .ticks import memo_formatter  # each label written once per figure, decimals once per set of ticks

    target.set_major_formatter(memo_formatter(lambda x, d: value(x, unit, lang, digits=d), ratio=unit == "ratio",
                                              digits=digits, fit_digits=unit in ("ratio", "percent")))
    return ax
