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
import io
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..words import code_label, text
from .markup import esc

__all__ = ["Section", "EvaluationContext", "evaluation_context", "guarded", "FIG_DPI", "fmt_value", "column_label",
           "SECTIONS"]

#: the report's top-level sections, in order (titles: ``section.<key>`` in :mod:`smanalysis.words`)
SECTIONS = ("overview", "profile", "kpis", "media", "execution", "analysis", "conversation", "network", "recommendations",
            "next_plan", "definitions")


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

    def table(self, df: pd.DataFrame, *, max_rows: int = 25) -> "Section":
        """Add a table (shown with pandas' HTML, which escapes every cell; times in ``self.tz``)."""
        self.blocks.append(("table", df.head(max_rows)))
        return self

    def figure(self, fig_or_ax) -> "Section":
        """Add a matplotlib figure (or the figure of an Axes) as an embedded PNG; closes it."""
        import matplotlib.pyplot as plt

        fig = getattr(fig_or_ax, "figure", fig_or_ax)  # an Axes' figure, or the figure itself
        buf = io.BytesIO()
        try:
            fig.savefig(buf, format="png", dpi=FIG_DPI, bbox_inches="tight")
        finally:  # a figure that cannot be drawn must not stay open (nor be drawn again at cell end)
            plt.close(fig)
        self.blocks.append(("png", buf.getvalue()))
        return self

    def markdown(self) -> str:
        """The section's text blocks as one Markdown string (tables and figures left out)."""
        parts = ["#" * self.level + " " + self.title] + [b for k, b in self.blocks if k == "md"]
        return "\n\n".join(parts)

    def _ipython_display_(self):
        from IPython.display import HTML, Image, Markdown, display

        display(Markdown("#" * self.level + " " + self.title))
        for kind, block in self.blocks:
            if kind == "md":
                display(Markdown(block))
            elif kind == "table":
                display(HTML(_table_html(block, self.tz, self.lang)))
            elif kind == "png":
                display(Image(data=block, format="png"))


def _table_html(df: pd.DataFrame, timezone: str | None = None, lang: str | None = None) -> str:
    """HTML of a table: numbers rounded, times local, headers in ``lang``, every cell escaped,
    the index only when it is named."""
    shown = df.copy()
    for c in shown.columns:
        if pd.api.types.is_float_dtype(shown[c]):
            shown[c] = shown[c].map(lambda v: "" if pd.isna(v) else f"{v:,.3g}" if abs(v) < 1000 else f"{v:,.0f}")
        elif pd.api.types.is_datetime64_any_dtype(shown[c]):
            col = shown[c]
            if isinstance(col.dtype, pd.DatetimeTZDtype):
                col = col.dt.tz_convert(timezone).dt.tz_localize(None) if timezone else col.dt.tz_localize(None)
            days_only = bool((col.dropna() == col.dropna().dt.normalize()).all())
            shown[c] = col.dt.strftime("%Y-%m-%d" if days_only else "%Y-%m-%d %H:%M").fillna("")
        elif pd.api.types.is_object_dtype(shown[c]) or pd.api.types.is_string_dtype(shown[c]):
            # line breaks in captions would show as a literal "\n" in the HTML table
            shown[c] = shown[c].map(lambda v: " ".join(v.split()) if isinstance(v, str) else v)
    if lang:
        if "intent" in shown.columns:
            shown["intent"] = shown["intent"].map(lambda v: code_label("value", v, lang))
        shown.columns = [column_label(c, lang) if isinstance(c, str) else c for c in shown.columns]
    # an unnamed index is row numbers left over from filtering: not worth showing
    plain = isinstance(shown.index, pd.RangeIndex) or (shown.index.name is None and shown.index.nlevels == 1)
    return shown.to_html(index=not plain, escape=True, na_rep="", border=0, classes="smtable")


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
        s = df[col]
        if isinstance(s.dtype, pd.DatetimeTZDtype):
            s = s.dt.tz_convert(self.tz).dt.tz_localize(None)
        else:
            s = pd.to_datetime(s, errors="coerce")
        return ((s >= start) & (s < end + pd.Timedelta(days=1))).to_numpy(dtype=bool, na_value=False)

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
        return text("report.period_line", self.lang, start=f"{s:%Y-%m-%d}", end=f"{e:%Y-%m-%d}",
                 pstart=f"{ps:%Y-%m-%d}", pend=f"{pe:%Y-%m-%d}")

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
    """

    def deco(fn):
        @functools.wraps(fn)
        def wrapper(ctx: EvaluationContext, *args, **kwargs) -> Section:
            sec = Section(text(f"section.{key}", ctx.lang), timezone=ctx.tz, lang=ctx.lang)
            sub_guard(ctx, sec, key, fn, ctx, sec, *args, **kwargs)
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


def pct(v, digits: int = 1) -> str:
    """A ratio as a percentage text ("4.2%"), "–" when missing.

    >>> pct(0.0423), pct(float("nan"))
    ('4.2%', '–')
    """
    if v is None or pd.isna(v):
        return "–"
    return f"{100 * float(v):.{digits}f}%"


def num(v, digits: int = 0) -> str:
    """A number as text with thousands separators, "–" when missing.

    >>> num(12345.6), num(None)
    ('12,346', '–')
    """
    if v is None or pd.isna(v):
        return "–"
    return f"{float(v):,.{digits}f}"


def fmt_value(name: str, v) -> str:
    """A figure as text in the format its registry entry declares (percent, integer, decimal,
    signed); "–" when missing.

    >>> fmt_value("er_reach", 0.0423), fmt_value("n_posts", 12.0), fmt_value("net_sentiment", 0.25)
    ('4.2%', '12', '+0.25')
    """
    from ..media import column_metric

    if v is None or pd.isna(v):
        return "–"
    m = column_metric(name)
    fmt = m.fmt if m is not None else "decimal"
    if fmt == "percent":
        return pct(v)
    if fmt == "signed":
        return f"{float(v):+.2f}"
    if fmt == "integer" or float(v).is_integer() or abs(float(v)) >= 100:
        return num(v)
    return num(v, 1)
