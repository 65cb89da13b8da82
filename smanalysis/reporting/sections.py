"""Building blocks of the evaluation notebook: the context of one report and its sections.

A :class:`Section` is a heading plus blocks (Markdown text, tables, figures); the notebook shows
it by leaving it as a cell's last expression. Every section builder takes an
:class:`EvaluationContext` (profile, dataset, periods, language; results computed once and
cached), and never fails the report: missing data gives a "no data" line, an error gives a
notice and is listed in ``ctx.problems`` (and in ``metrics.json``).

Examples
--------
>>> s = Section("Ringkasan")
>>> s.text("Dua unggahan.").table(pd.DataFrame({"a": [1]}))
Section('Ringkasan', 2 blocks)
>>> s.markdown()
'# Ringkasan\\n\\nDua unggahan.'
"""

from __future__ import annotations

import functools
import re
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import formatting as fmt
from ..formatting import column_unit as fmt_unit
from ..formatting import format_columns
from ..schema import TABLES
from ..words import code_label, text
from .markup import esc

__all__ = ["Section", "EvaluationContext", "evaluation_context", "guarded", "FIG_DPI", "COLUMN_UNITS", "figure_html",
           "table_html", "use_report_tables", "fmt_value", "column_label", "SECTIONS"]

#: the report's top-level sections, in order (titles: ``section.<key>`` in :mod:`smanalysis.words`)
SECTIONS = ("story", "overview", "profile", "kpis", "media", "execution", "analysis", "conversation", "network",
            "recommendations", "next_plan", "definitions")


def column_label(name: str, lang: str = "id") -> str:
    """Header of a table column in ``lang``: the words catalogue (``col.<name>``), else the metric
    registry's label (:func:`smanalysis.media.metric_label`), else the name itself.

    >>> column_label("answered", "id"), column_label("er_reach", "en"), column_label("whatever", "en")
    ('dijawab', 'Engagement rate (reach)', 'whatever')
    """
    from ..media.metrics import metric_label

    label = code_label("col", name, lang)
    return label if label != name else metric_label(name, lang)

FIG_DPI = 90


class Section:
    """A heading and its blocks; displays itself in a notebook.

    Parameters
    ----------
    title : str
        Heading text (the report's own words, not user data).
    level : int
        Heading level (1 = a top-level section, in the table of contents).
    timezone : str, optional
        Timezone in which the tables show timestamps (the profile's).
    lang : {"id", "en"}, optional
        Language of the table headers (known column names are translated).
    """

    def __init__(self, title: str, level: int = 1, *, timezone: str | None = None, lang: str | None = None):
        self.title = title
        self.level = level
        self.tz = timezone
        self.lang = lang
        self.blocks: list[tuple[str, Any]] = []

    def __repr__(self):
        return f"Section({self.title!r}, {len(self.blocks)} blocks)"

    def text(self, markdown: str) -> "Section":
        """Add a paragraph of Markdown (escape user text with :func:`~smanalysis.reporting.markup.esc`)."""
        self.blocks.append(("md", markdown))
        return self

    def heading(self, title: str, level: int = 2) -> "Section":
        """Add a sub-heading."""
        self.blocks.append(("md", "#" * level + " " + title))
        return self

    def table(self, df: pd.DataFrame, *, max_rows: int = 25, units: dict | None = None) -> "Section":
        """Add a table (every cell escaped; times in ``self.tz``; numbers in ``self.lang``).

        ``units`` maps column names to a unit of :func:`smanalysis.formatting.value` (``"ratio"``,
        ``"signed"``...) for columns whose dtype does not say it (a ratio is a float like any other);
        pass raw numbers, never pre-formatted text.
        """
        shown = df.head(max_rows)
        if units:
            shown = shown.copy()
            shown.attrs = {**df.attrs, "units": dict(units)}
        self.blocks.append(("table", shown))
        return self

    def figure(self, fig_or_ax, *, alt: str | None = None) -> "Section":
        """Add a matplotlib figure (or the figure of an Axes) as an embedded SVG; closes it.

        The figure is fitted for a phone and saved (:func:`smanalysis.plotting.theme.phone_svg`);
        ``alt`` is the text a screen reader says (default: :func:`~smanalysis.plotting.theme.describe`).
        """
        import matplotlib.pyplot as plt

        from ..plotting.theme import describe, min_font_pt, phone_svg

        fig = getattr(fig_or_ax, "figure", fig_or_ax)  # an Axes' figure, or the figure itself
        try:
            svg = phone_svg(fig, lang=self.lang)
            alt = alt or describe(fig, self.lang or "id")
            min_pt = min_font_pt(fig)
        finally:  # a figure that cannot be drawn must not stay open (nor be drawn again at cell end)
            plt.close(fig)
        # the browser test reads the smallest text size of each chart from here
        svg = svg.replace("<svg ", f"<!-- smanalysis:min-font-pt={min_pt:.1f} -->\n<svg ", 1)
        self.blocks.append(("svg", (svg.encode("utf-8"), alt)))
        return self

    def markdown(self) -> str:
        """The section's text blocks as one Markdown string (tables and figures left out)."""
        parts = ["#" * self.level + " " + self.title] + [b for k, b in self.blocks if k == "md"]
        return "\n\n".join(parts)

    def rendered(self) -> list[tuple[str, Any]]:
        """The blocks as the notebook shows them: a table as its HTML (``("html", str)``), the rest as is."""
        return [("html", _table_html(b, self.tz, self.lang)) if k == "table" else (k, b) for k, b in self.blocks]

    def _ipython_display_(self):
        from IPython.display import HTML, Image, Markdown, display

        display(Markdown("#" * self.level + " " + self.title))
        for kind, block in self.rendered():
            if kind == "md":
                display(Markdown(block))
            elif kind == "html":
                display(HTML(block))
            elif kind == "png":
                display(Image(data=block, format="png"))
            elif kind == "svg":
                display(HTML(figure_html(*block)))


#: units of known table columns that are ratios (shown as percentages); others follow their dtype
COLUMN_UNITS = {c: "ratio" for c in (
    "share_docs", "share", "reply_rate", "share_of_voice", "positive_share_of_voice", "negative_share_of_voice",
    "execution_rate", "on_time_rate", "brand_share", "competitor_share", "largest_component_share",
    "er_reach", "follower_growth", "reciprocity", "audience_share", "promo_share", "follower_growth_monthly")}


def use_report_tables(lang: str = "id", timezone: str | None = "Asia/Jakarta", *, max_rows: int = 200) -> bool:
    """Show every DataFrame and Series in this notebook as the report shows its tables: locale
    numbers and dates (:mod:`smanalysis.formatting`), headers and coded values in ``lang``, no
    index column, no True/False/NaN, nothing cut with "..." (up to ``max_rows`` rows); and every
    matplotlib figure as the report shows its charts (fitted for a phone, SVG, with an alt text).

    Returns False outside IPython (nothing to do).
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    ip = get_ipython()
    if ip is None:
        return False
    html = ip.display_formatter.formatters["text/html"]
    html.for_type(pd.DataFrame, lambda df: _table_html(df.head(max_rows), timezone, lang))
    html.for_type(pd.Series, lambda s: _table_html(s.head(max_rows).to_frame(), timezone, lang))
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    # load the notebook's plotting backend now: loading it later resets the figure formatters
    plt.switch_backend(matplotlib.get_backend())
    from ..plotting.theme import apply_theme

    apply_theme()  # one look for every chart, as in the report

    def _figure(fig):  # charts as in the report: fitted for a phone, SVG, locale ticks, a real alt text
        sec = Section("", lang=lang, timezone=timezone)
        sec.figure(fig)
        return figure_html(*sec.blocks[-1][1])

    html.for_type(Figure, _figure)
    return True


def figure_html(svg: bytes, alt: str) -> str:
    """An ``<img>`` of an SVG chart (a ``data:`` URI: nothing in it runs) with its alt text.

    >>> figure_html(b"<svg/>", "Grafik: <b>")
    '<figure class="chart"><img class="chart" alt="Grafik: &lt;b&gt;" src="data:image/svg+xml;base64,PHN2Zy8+"></figure>'
    """
    import base64
    import html as _html

    data = base64.b64encode(svg).decode("ascii")
    return (f'<figure class="chart"><img class="chart" alt="{_html.escape(alt, quote=True)}" '
            f'src="data:image/svg+xml;base64,{data}"></figure>')


#: columns whose values are codes with words in ``value.*`` of :mod:`smanalysis.words`
_CODED_COLUMNS = {"intent", "side", "sentiment", "tier", "content_type", "top_format", "top_theme", "format",
                  "dimension", "by", "status", "action", "aspect", "fit", "basis", "source", "hours", "theme_source",
                  "item", "platform"}
#: columns whose values name columns of a table (a plan's fields)
_FIELD_COLUMNS = {"field", "missing"}
_NUMERIC_UNITS = {"count", "number", "ratio", "percent", "change", "signed"}
_NUMLIKE = r"[+\-–]?[\d.,]+ ?%?|–"
#: a cell that reads as a number (any script's digits, as pandas' ``str.fullmatch`` reads it)
_NUMLIKE_RE = re.compile(_NUMLIKE)


def _header(name: str, lang: str) -> str:
    """A table header: :func:`column_label`, starting with a capital ("pengikut awal" -> "Pengikut awal")."""
    label = str(column_label(name, lang))
    return label[:1].upper() + label[1:]


def _table_html(df: pd.DataFrame, timezone: str | None = None, lang: str | None = None) -> str:
    """HTML of a table: every cell through :func:`smanalysis.formatting.format_frame` (locale
    numbers, local times, yes/no words, "–" for missing), headers in ``lang``, every cell escaped,
    the index only when it is named."""
    lang = lang or "id"
    shown = df.copy()
    # a named index (a week, a field) is data: formatted like the columns; row numbers are not shown
    if not (isinstance(shown.index, pd.RangeIndex) or (shown.index.name is None and shown.index.nlevels == 1)):
        shown = shown.reset_index()
    else:
        shown = shown.reset_index(drop=True)
    for c in _CODED_COLUMNS & set(shown.columns):  # coded values (intent, side, tier...) in words
        shown[c] = shown[c].map(lambda v: code_label("value", v, lang))
    for c in _FIELD_COLUMNS & set(shown.columns):  # lists of column names ("caption, source") in words
        shown[c] = shown[c].map(lambda v: ", ".join(str(code_label("col", f, lang)) for f in v.split(", "))
                                if isinstance(v, str) and v else v)
    given = {**COLUMN_UNITS, **(df.attrs.get("units") or {})}
    units = {c: u for c, u in given.items() if c in shown.columns
             and pd.api.types.is_float_dtype(shown[c])}
    kinds = [units.get(c) or fmt_unit(shown.iloc[:, i]) for i, c in enumerate(shown.columns)]
    cells = format_columns(shown, lang, units=kinds, timezone=timezone)
    heads = [str(_header(c, lang) if isinstance(c, str) else c) for c in shown.columns]
    numeric = [k in _NUMERIC_UNITS or (len(shown) > 0 and all(_NUMLIKE_RE.fullmatch(str(v)) for v in col))
               for k, col in zip(kinds, cells)]
    return _html_table(heads, cells, len(shown), numeric)


def table_html(shown: pd.DataFrame, *, numeric=None) -> str:
    """A table of texts as HTML that turns into stacked cards on a phone: every cell escaped and
    labelled with its column (``data-label``), number columns right-aligned (class ``num``).

    >>> print(table_html(pd.DataFrame({"a": ["<x>"], "b": ["1"]}), numeric=[False, True]))
    <table class="smtable"><thead><tr><th>a</th><th class="num">b</th></tr></thead><tbody><tr><td data-label="a">&lt;x&gt;</td><td class="num" data-label="b">1</td></tr></tbody></table>
    """
    cols = [str(c) for c in shown.columns]
    return _html_table(cols, [shown.iloc[:, i].tolist() for i in range(len(cols))], len(shown), numeric)


def _html_table(cols: list, cells: list, n_rows: int, numeric=None) -> str:
    """:func:`table_html` of headers ``cols`` and one list of cells a column."""
    import html as _html

    numeric = list(numeric) if numeric is not None else [False] * len(cols)
    cls = [' class="num"' if n else "" for n in numeric]
    head = "".join(f"<th{k}>{_html.escape(c)}</th>" for c, k in zip(cols, cls))
    labels = [_html.escape(c, quote=True) for c in cols]
    rows = []
    for row in (zip(*cells) if cells else [()] * n_rows):
        tds = "".join(f'<td{k} data-label="{lab}">{_html.escape(str(v))}</td>'
                      for v, k, lab in zip(row, cls, labels))
        rows.append(f"<tr>{tds}</tr>")
    wide = " wide" if len(cols) > 3 else ""  # a phone shows wide tables as one card a row
    return f'<table class="smtable{wide}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


@dataclass
class EvaluationContext:
    """Everything a report needs, loaded once: profile, dataset, settings, periods, language.

    ``cache`` holds results computed once (post metrics, sentiment...), ``problems`` the sections
    that could not be computed, ``metrics_used`` the metric names to define at the end.
    """

    profile: Any
    data: Any
    settings: dict
    lang: str = "id"
    period: tuple = ()
    previous: tuple = ()
    output_dir: Path = Path(".")
    cache: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    metrics_used: list = field(default_factory=list)
    _local_times: dict = field(default_factory=dict, repr=False)

    @property
    def tz(self) -> str:
        return getattr(self.profile, "timezone", None) or "Asia/Jakarta"

    def frame(self, table: str) -> pd.DataFrame:
        """A canonical table of the dataset (an empty frame when the client has none)."""
        df = getattr(self.data, table, None)
        if isinstance(df, pd.DataFrame):
            return df
        from ..schema import empty

        return empty(table)

    def cached(self, key: str, fn):
        """``fn()`` computed once per report."""
        if key not in self.cache:
            self.cache[key] = fn()
        return self.cache[key]

    def mask(self, df: pd.DataFrame, which: str = "period", col: str = "created_at") -> np.ndarray:
        """Rows of ``df`` inside the current (``"period"``) or ``"previous"`` period, local days."""
        start, end = self.period if which == "period" else self.previous
        if df.empty or col not in df.columns:
            return np.zeros(len(df), dtype=bool)
        key = (id(df), col)
        seen = self._local_times.get(key)
        if seen is not None and seen[0] is df:  # the dataset's and the cached tables: converted once
            s = seen[1]
        else:
            s = df[col]
            if isinstance(s.dtype, pd.DatetimeTZDtype):
                s = s.dt.tz_convert(self.tz).dt.tz_localize(None)
            else:
                s = pd.to_datetime(s, errors="coerce")
            if self._kept(df):
                self._local_times[key] = (df, s)
        return ((s >= start) & (s < end + pd.Timedelta(days=1))).to_numpy(dtype=bool, na_value=False)

    def _kept(self, df: pd.DataFrame) -> bool:
        """True for a table that lives as long as the context (the dataset's, a cached result):
        its local times are worth keeping. Tables are never changed in place."""
        return any(df is getattr(self.data, t, None) for t in TABLES) or any(
            df is v for v in self.cache.values())

    def in_period(self, df: pd.DataFrame, which: str = "period", col: str = "created_at") -> pd.DataFrame:
        """The rows of ``df`` in the period (see :meth:`mask`)."""
        return df[self.mask(df, which, col)]

    def own(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of the brand's own accounts (posts, followers...), by ``account``, ignoring case."""
        handles = {h.lower() for h in self.profile.brand_handles}
        if frame.empty:
            return frame
        return frame[frame["account"].astype(str).str.lstrip("@").str.lower().isin(handles)]

    def period_text(self) -> str:
        (s, e), (ps, pe) = self.period, self.previous
        return text("report.period_line", self.lang, range=fmt.date_range(s, e, self.lang),
                    prange=fmt.date_range(ps, pe, self.lang))

    def use(self, *metrics: str):
        """Note metric names to define in the definitions section."""
        for m in metrics:
            if m not in self.metrics_used:
                self.metrics_used.append(m)


def evaluation_context(config, *, period=None, previous=None, lang=None, pseudonymise=None,
                       output_dir=None) -> EvaluationContext:
    """Load a client (see :func:`~smanalysis.reporting.client.load_client`) for the evaluation.

    ``period`` and ``previous`` are ``(start, end)`` pairs of dates (``"2026-10-01"``), ``"YYYY-MM"``
    or ``"START:END"``. Returns an :class:`EvaluationContext`.
    """
    from .client import load_client

    profile, data, settings = load_client(config, period=period, previous=previous, lang=lang,
                                          pseudonymise=pseudonymise, output=output_dir)
    out = Path(output_dir) if output_dir is not None else Path(".")
    from ..plotting.theme import apply_theme

    apply_theme()  # one look for every chart of the report
    return EvaluationContext(profile=profile, data=data, settings=settings, lang=settings["lang"],
                             period=settings["period"], previous=settings["previous"], output_dir=out)


def _where() -> list[str]:
    """The innermost smanalysis frames of the exception being handled ("file:line in function")."""
    import sys

    tb = traceback.extract_tb(sys.exc_info()[2])
    own = [f for f in tb if "smanalysis" in f.filename.replace("\\", "/")] or tb
    return [f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in own[-3:]]


def guarded(key: str):
    """Decorator for section builders: a failure becomes a notice in the section, not a crash.

    The builder is called as ``fn(ctx, sec)`` with a fresh top-level :class:`Section` titled
    ``section.<key>`` of :mod:`smanalysis.words`; warnings from the layers are kept out of the report.
    In a notebook's kernel on Linux, the later sections are built ahead in a forked process
    (:mod:`smanalysis.reporting.ahead`) and only replayed here.
    """

    def deco(fn):
        @functools.wraps(fn)
        def wrapper(ctx: EvaluationContext, *args, **kwargs) -> Section:
            from . import ahead

            sec = Section(text(f"section.{key}", ctx.lang), timezone=ctx.tz, lang=ctx.lang)
            built = None if args or kwargs else ahead.section(ctx, key)  # built in a forked child
            if built is not None:
                sec.blocks = built
            else:
                sub_guard(ctx, sec, key, fn, ctx, sec, *args, **kwargs)
                ahead.start(ctx, key, SECTIONS)  # after the first section: the later ones in a child
            return sec

        return wrapper

    return deco


def sub_guard(ctx: EvaluationContext, sec: Section, key: str, fn, *args, **kwargs):
    """Run one sub-part of a section; on failure add a notice and note the problem, go on (and
    close the figures the failed part opened)."""
    import matplotlib.pyplot as plt

    before = set(plt.get_fignums())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*args, **kwargs)
    except Exception as err:  # noqa: BLE001 - one part must not sink the report
        for num in set(plt.get_fignums()) - before:
            plt.close(num)
        ctx.problems.append({"section": key, "error": f"{type(err).__name__}: {err}",
                             "where": _where()})
        sec.text(text("report.failed", ctx.lang, what=esc(f"{type(err).__name__}: {err}")[:300]))
        return None


def pct(v, digits: int = 1, *, lang: str) -> str:
    """A ratio as a percentage text in ``lang`` ("4,2%"), "–" when missing
    (:func:`smanalysis.formatting.percent`). ``lang`` has no default: a report never falls back to
    one language's marks.

    >>> pct(0.0423, lang="id"), pct(0.0423, lang="en"), pct(float("nan"), lang="id")
    ('4,2%', '4.2%', '–')
    """
    return fmt.percent(v, lang, digits)


def num(v, digits: int = 0, *, lang: str) -> str:
    """A number as text in ``lang`` ("12.346"), "–" when missing (:func:`smanalysis.formatting.number`);
    ``lang`` has no default.

    >>> num(12345.6, lang="id"), num(12345.6, lang="en"), num(None, lang="id")
    ('12.346', '12,346', '–')
    """
    return fmt.number(v, lang, digits)


def fmt_value(name: str, v, lang: str) -> str:
    """A figure as text in the format its registry entry declares (percent, integer, decimal,
    signed), written the ``lang`` way through :mod:`smanalysis.formatting`; "–" when missing.

    >>> fmt_value("er_reach", 0.0423, "id"), fmt_value("n_posts", 12.0, "id"), fmt_value("net_sentiment", 0.25, "en")
    ('4,2%', '12', '+0.25')
    """
    from ..media import column_metric

    if v is None or pd.isna(v):
        return "–"
    m = column_metric(name)
    kind = m.fmt if m is not None else "decimal"
    if kind == "percent":
        return pct(v, lang=lang)
    if kind == "signed":
        return fmt.signed(v, lang, 2)
    if kind == "integer" or float(v).is_integer() or abs(float(v)) >= 100:
        return num(v, lang=lang)
    return num(v, 1, lang=lang)
