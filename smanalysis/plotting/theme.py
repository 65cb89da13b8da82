"""One look for every chart (seaborn's theme and palette), fitting charts to a phone, and alt text.

:func:`apply_theme` sets seaborn's theme once (white grid, the colour-blind palette, font sizes
readable on a phone); :func:`fit_for_phone` narrows a finished figure to :data:`PHONE_WIDTH_IN`
inches, keeps every text at least :data:`MIN_FONT_PT`, moves legends out of the data (below the
plot) and thins or slants crowded tick labels; :func:`describe` (from :mod:`.alttext`) writes
the alt text of a chart from what it shows (title, axes, series, the largest bar).

Examples
--------
>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots(figsize=(9, 4)); _ = ax.bar(["reel", "foto"], [12, 3]); _ = ax.set_title("Unggahan")
>>> _ = ax.set_ylabel("unggahan")
>>> float(fit_for_phone(fig).get_size_inches()[0]) == PHONE_WIDTH_IN
True
>>> describe(fig, "id")
'Grafik: Unggahan. Sumbu tegak: unggahan. Tertinggi: reel (12).'
>>> plt.close(fig)
"""

from __future__ import annotations

import numpy as np

from .. import formatting
from .alttext import describe
from .svgcanvas import svg_canvas

__all__ = ["PALETTE", "PALETTE_COLOURS", "PHONE_WIDTH_IN", "MIN_FONT_PT", "SVG_PAD_IN", "apply_theme", "fit_for_phone", "phone_svg", "describe", "min_font_pt",
           "slant_dates"]

#: seaborn's colour-blind-safe palette ("colorblind"): one palette for every chart
PALETTE = "colorblind"
#: its colours, in order (the colour cycle of every chart)
PALETTE_COLOURS = ("#0173B2", "#DE8F05", "#029E73", "#D55E00", "#CC78BC", "#CA9161", "#FBAFE4", "#949494",
                   "#ECE133", "#56B4E9")
#: a chart's width; at 390 px a phone shows it at about its natural size
PHONE_WIDTH_IN = 4.8
#: no text in a chart is smaller (in points of the figure)
MIN_FONT_PT = 9.5
#: blank margin around a saved chart, inches (matplotlib's ``savefig.pad_inches``)
SVG_PAD_IN = 0.1

#: seaborn's ``set_theme(context="notebook", style="whitegrid", palette="colorblind")``, written out
#: as matplotlib settings: importing seaborn would import scipy.stats (about 1.5 s of every report)
#: for a dozen values; ``tests/test_plot_theme.py`` checks they stay what seaborn sets
_SEABORN_WHITEGRID = {
    # axes_style("whitegrid") (its "rocket" colour map is seaborn's own: no chart of ours uses a default map)
    "figure.facecolor": "white", "axes.facecolor": "white", "axes.edgecolor": ".8", "axes.grid": True,
    "axes.axisbelow": True, "axes.labelcolor": ".15", "grid.color": ".8", "grid.linestyle": "-", "text.color": ".15",
    "xtick.color": ".15", "ytick.color": ".15", "xtick.direction": "out", "ytick.direction": "out",
    "xtick.top": False, "ytick.right": False, "xtick.bottom": False, "ytick.left": False,
    "axes.spines.left": True, "axes.spines.bottom": True, "axes.spines.right": True, "axes.spines.top": True,
    "font.family": ["sans-serif"],
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans", "sans-serif"],
    "lines.solid_capstyle": "round", "patch.edgecolor": "w", "patch.force_edgecolor": True,
    # plotting_context("notebook") (its font sizes are the report's own, in _RC)
    "axes.linewidth": 1.25, "grid.linewidth": 1, "lines.linewidth": 1.5, "lines.markersize": 6, "patch.linewidth": 1,
    "xtick.major.width": 1.25, "ytick.major.width": 1.25, "xtick.minor.width": 1, "ytick.minor.width": 1,
    "xtick.major.size": 6, "ytick.major.size": 6, "xtick.minor.size": 4, "ytick.minor.size": 4,
}

_RC = {"font.size": 10.5, "axes.titlesize": 11, "axes.labelsize": 10, "xtick.labelsize": 9.5,
       "ytick.labelsize": 9.5, "legend.fontsize": 9.5, "legend.title_fontsize": 9.5, "figure.titlesize": 11.5,
       "axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False,
       # text stays text in the SVG (the reader's sans-serif font draws it: Arial and Roboto are narrower
       # than the DejaVu Sans it is laid out with, so it never runs over): half the bytes of glyph outlines
       "svg.fonttype": "none",
       "svg.hashsalt": "smanalysis"}  # the SVG's ids from its content: the same chart gives the same bytes



def apply_theme() -> None:
    """Set the one theme for every chart (call once before plotting; idempotent).

    The look of seaborn's ``set_theme(context="notebook", style="whitegrid", palette="colorblind")``
    with the report's font sizes, set straight in matplotlib's ``rcParams`` (no seaborn import).
    """
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update({**_SEABORN_WHITEGRID, "axes.prop_cycle": cycler(color=list(PALETTE_COLOURS)), **_RC})


def slant_dates(ax, *, rotation: float = 30) -> None:
    """Date tick labels of ``ax`` slanted and right-aligned: what matplotlib's
    ``Figure.autofmt_xdate()`` does to a figure of one chart, without laying the date ticks out at
    the figure's first size (the fitting changes it): the ticks there are get it, later ticks copy it.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); slant_dates(ax)
    >>> [(t.get_rotation(), t.get_horizontalalignment()) for t in ax.get_xticklabels()][:1]
    [(30.0, 'right')]
    >>> plt.close(fig)
    """
    axis = ax.xaxis
    for tick in axis.get_major_ticks(len(axis.majorTicks)):  # no locator run: the ticks made so far
        tick.label1.set_horizontalalignment("right")
        tick.label1.set_rotation(rotation)
    if ax.figure.get_layout_engine() is None:  # as autofmt_xdate: room for the slanted labels
        ax.figure.subplots_adjust(bottom=0.2)


def min_font_pt(fig) -> float:
    """Size in points of the smallest visible text of ``fig`` (NaN when it has no text)."""
    sizes = [t.get_fontsize() for t in _texts(fig) if t.get_visible() and t.get_text().strip()]
    return float(min(sizes)) if sizes else float("nan")


def _texts(fig) -> list:
    """Every text of ``fig`` (as ``fig.findobj(Text)``) but the tick labels of an axes drawn
    without axes (a network picture): listing those would make matplotlib build ticks it never
    draws."""
    from matplotlib.axis import Axis
    from matplotlib.text import Text

    found = []

    def walk(artist):
        for child in artist.get_children():
            if isinstance(child, Axis) and not (child.axes.axison and child.get_visible()):
                continue
            if isinstance(child, Text):
                found.append(child)
            walk(child)

    walk(fig)
    return found


def _wrap(text, chars: int) -> None:
    import textwrap

    s = " ".join(text.get_text().split())
    if s and len(s) > chars and "$" not in s:
        text.set_text("\n".join(textwrap.wrap(s, chars, break_long_words=False)) or s)


def _overlaps(labels, renderer) -> bool:
    boxes = [lb.get_window_extent(renderer) for lb in labels if lb.get_visible() and lb.get_text().strip()]
    return any(a.x1 > b.x0 + 1 and a.x0 < b.x1 - 1 and a.y1 > b.y0 + 1 and a.y0 < b.y1 - 1
               for a, b in zip(boxes, boxes[1:]))


def fit_for_phone(fig, *, width: float = PHONE_WIDTH_IN, lang: str | None = None):
    """Make a finished figure readable on a 390 px phone screen; returns ``fig``.

    The figure is narrowed to ``width`` inches (height scaled, at least 2.8 in), every text raised
    to :data:`MIN_FONT_PT`, legends moved below their axes (never over the data), and x tick labels
    that collide slanted, then thinned to every other one. With ``lang``, date axes show months
    in that language ("Okt 2026").
    """
    with svg_canvas(fig):
        _fit(fig, width, lang)
    return fig


def _fit(fig, width: float, lang: str | None):
    """:func:`fit_for_phone`'s work; returns the figure's tight bounding box (inches) as it ends."""
    import textwrap

    w, h = fig.get_size_inches()
    if w > width:
        fig.set_size_inches(width, max(2.8, min(h * width / w + 0.4, 5.5)))
    for t in _texts(fig):
        if t.get_fontsize() < MIN_FONT_PT:
            t.set_fontsize(MIN_FONT_PT)
    _wrap_labels(fig)
    if lang:
        _date_axes(fig, lang)
        _number_axes(fig, lang)
    _fix_titles(fig)  # after the formatters: matplotlib's own number formatter may write an offset text
    legends = _take_legends(fig)  # out of the way of the layout pass; placed below their axes after it
    drawn = [ax for ax in fig.axes if ax.axison]  # an axes drawn without axes (a network) has no tick labels
    for ax in drawn:  # long category names on the y axis (bars lying down) wrap too
        names = [lb.get_text() for lb in ax.get_yticklabels()]
        if names and max(map(len, names)) > 22:
            ax.set_yticks(ax.get_yticks(), labels=["\n".join(textwrap.wrap(n, 22)) or n for n in names])
    _tight(fig)
    _room_for_rows(fig)
    renderer = fig.canvas.get_renderer()
    for ax in drawn:
        labels = ax.get_xticklabels()
        if len(labels) > 1 and _overlaps(labels, renderer):
            ax.tick_params(axis="x", labelrotation=35)
            for lb in labels:
                lb.set_horizontalalignment("right")
            if _overlaps(labels, renderer):
                for i, lb in enumerate(labels):
                    lb.set_visible(i % 2 == 0)
    _place_legends(fig, legends)
    # what sticks out (long labels, wide legends) widens the saved picture: narrow the figure,
    # wrap again and re-lay the legends until the picture is as wide as a phone shows it; the
    # picture's width is nearly linear in the figure's: a secant step after the first lands on it
    target = width - 2 * SVG_PAD_IN - 0.05
    box = _svg_box(fig)
    before = None
    for _ in range(5):
        if box.width <= target * 1.01:
            break
        w, h = fig.get_size_inches()
        slope = box.width / w if before is None or before[0] == w else (box.width - before[1]) / (w - before[0])
        before = (w, box.width)
        fig.set_size_inches(max(2.5, w - (box.width - target) / min(max(slope, 0.25), 2.0)), h)
        _wrap_labels(fig)
        _legends_below(fig)
        box = _svg_box(fig)
    return box


def _room_for_rows(fig, *, most: float = 7.5) -> bool:
    """Make the figure taller (up to ``most`` inches) where rows of names on a y axis (bars lying
    down, a heatmap's days) are closer than their text needs: 1.2 lines of the labels' font per line
    of two neighbours' labels (on average) plus a third of a line between them. Returns whether the
    figure grew.

    Arithmetic on the laid-out axes (no text measured). A figure of one axes keeps its margins in
    inches (what a new layout pass would find: the labels are the same), so the axes grow by what
    the figure grows; others are laid out again.
    """
    from matplotlib.category import StrCategoryLocator
    from matplotlib.ticker import FixedLocator

    grow = 0.0
    for ax in fig.axes:
        axis = ax.yaxis
        if not isinstance(axis.get_major_locator(), (FixedLocator, StrCategoryLocator)):
            continue
        ticks = [t for t in axis.get_major_ticks() if t.label1.get_visible() and t.label1.get_text().strip()]
        if len(ticks) < 2:
            continue
        ticks.sort(key=lambda t: t.get_loc())
        lo, hi = ax.get_ylim()
        height = ax.get_position().height * fig.get_size_inches()[1]  # inches
        pitch = np.diff([t.get_loc() for t in ticks]) / abs(hi - lo) * height * 72  # points between rows
        lines = np.array([t.label1.get_text().count("\n") + 1 for t in ticks], dtype=float)
        need = (1.2 * (lines[1:] + lines[:-1]) / 2 + 0.35) * ticks[0].label1.get_fontsize()
        ratio = float(np.max(need / np.maximum(pitch, 1e-9)))
        if ratio > 1.02:
            grow = max(grow, height * (ratio - 1))
    w, h = fig.get_size_inches()
    if grow <= 0 or h >= most:
        return False
    taller = min(most, h + grow)
    sp = fig.subplotpars
    below, above = sp.bottom * h, (1 - sp.top) * h  # margins in inches
    fig.set_size_inches(w, taller)
    if len(fig.axes) == 1 and fig.axes[0].get_subplotspec() is not None:
        fig.subplots_adjust(bottom=below / taller, top=1 - above / taller)
    else:
        _tight(fig)
    return True


def _fix_titles(fig) -> None:
    """Titles that matplotlib's automatic placement would leave where they are, fixed there.

    At every layout pass and draw, matplotlib measures an axes' whole x axis (the theme hides the
    tick marks, so it cannot tell where the tick labels are) and its y axis again, to lift the title
    over tick labels at the top or an offset text ("1e6") in its way: a quarter of the time of
    fitting a chart. An axes whose x tick labels and label are at the bottom, whose y formatter
    writes no offset text, without twins or inset axes, has nothing to lift its title over: the
    placement always leaves it at the top of the axes, so it is switched off (the same picture). A
    ``FuncFormatter`` (category names, wrapped) writes no offset text unless it was given one.
    """
    from matplotlib.ticker import Formatter, FuncFormatter

    for ax in fig.axes:
        if getattr(ax, "_autotitlepos", None) is not True or ax.child_axes:
            continue
        if any(len(g.get_siblings(ax)) > 1 for g in (ax.get_shared_x_axes(), ax.get_shared_y_axes())):
            continue
        xa = ax.xaxis
        if xa.get_label_position() != "bottom" or any(t.label2.get_visible() for t in  # the first ticks, as
                                                      (xa.majorTicks[0], xa.minorTicks[0])):  # matplotlib checks
            continue
        fmt = ax.yaxis.get_major_formatter()
        # a FuncFormatter writes the offset text it was given (set_offset_string), never one of its own
        if type(fmt).get_offset is not Formatter.get_offset and not (isinstance(fmt, FuncFormatter)
                                                                    and fmt.get_offset() == ""):
            continue
        ax._autotitlepos = False  # matplotlib's own switch (set_title(y=...) sets it, resetting the font)


def _svg_box(fig):
    """The tight bounding box (inches) of ``fig`` as an SVG shows it (measured with the canvas of
    :func:`~smanalysis.plotting.svgcanvas.svg_canvas`: text as the SVG writer lays it out), so it
    can be saved without measuring again."""
    return fig.get_tightbbox(fig.canvas.get_renderer())


def phone_svg(fig, *, width: float = PHONE_WIDTH_IN, lang: str | None = None) -> str:
    """The figure fitted for a phone (:func:`fit_for_phone`) as SVG text, cut to what it shows.

    The same picture as ``savefig(format="svg", bbox_inches="tight")`` after :func:`fit_for_phone`,
    with one layout pass instead of three: the bounding box the fitting measured is the one saved
    (plus :data:`SVG_PAD_IN` of padding). No date in the file: the same chart gives the same bytes.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(9, 4)); _ = ax.bar(["reel", "foto"], [12, 3])
    >>> svg = phone_svg(fig, lang="id")
    >>> svg.lstrip().startswith("<?xml") and "<svg" in svg
    True
    >>> plt.close(fig)
    """
    import io

    buf = io.StringIO()
    with svg_canvas(fig):  # measured and saved with the SVG writer's renderer, text sizes kept for the run
        box = _fit(fig, width, lang)  # the bounding box the fitting measured last is the picture's
        # the fitting laid the figure out: without a layout engine left (tight_layout leaves a placeholder),
        # savefig draws once instead of drawing a dry run first
        fig.set_layout_engine(None)
        _pin_axis_labels(fig)
        fig.savefig(buf, format="svg", bbox_inches=box.padded(SVG_PAD_IN), metadata={"Date": None})
    return buf.getvalue()


def _pin_axis_labels(fig) -> None:
    """Axis titles pinned where the last layout pass put them (in axes coordinates, so the cut of
    the saved picture moves them along): otherwise every draw measures the tick labels and the
    spines again to place them, a quarter of the time of drawing a chart. Only for a figure whose
    layout is done (its size, ticks and labels stay as they are)."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            label = axis.label
            at = label.get_transform().transform(label.get_position())
            axis.set_label_coords(*ax.transAxes.inverted().transform(at))


def _wrap_labels(fig) -> None:
    """Titles and axis labels wrapped to the figure's width instead of widening it (a title's width
    measured: bold and larger than the rest, it would otherwise stick out of a narrow figure)."""
    w, h = fig.get_size_inches()
    renderer = fig.canvas.get_renderer()
    room = (w - 0.3) * fig.dpi
    for ax in fig.axes:
        chars = max(14, int(w * 72 / (MIN_FONT_PT * 0.62)))
        title = ax.title.get_text()
        lines = title.split("\n")
        if title.strip() and "$" not in title:
            per_char = ax.title.get_window_extent(renderer).width / max(1, max(map(len, lines)))
            if per_char > 0:
                chars = min(chars, max(14, int(room / per_char)))
        _wrap(ax.title, chars)
        _wrap(ax.xaxis.label, max(14, int(w * 72 / (MIN_FONT_PT * 0.62))))
        _wrap(ax.yaxis.label, max(14, int(h * 72 / (MIN_FONT_PT * 0.62))))


def _date_axes(fig, lang: str) -> None:
    """Date tick labels of x axes in the reader's language (months, or days for short spans)."""
    from matplotlib.dates import AutoDateFormatter, ConciseDateFormatter, DateFormatter, num2date

    from ..ticks import memo_formatter  # each label written once per figure, not once per layout pass

    for ax in fig.axes:
        if isinstance(ax.xaxis.get_major_formatter(), (AutoDateFormatter, ConciseDateFormatter, DateFormatter)):
            lo, hi = ax.get_xlim()
            fn = formatting.month if hi - lo > 62 else formatting.date
            ax.xaxis.set_major_formatter(memo_formatter(lambda x, _d, fn=fn: fn(num2date(x).replace(tzinfo=None), lang),
                                                        ratio=False, digits=None, fit_digits=False))


def _number_axes(fig, lang: str) -> None:
    """Plain number ticks (matplotlib's default formatter) in the reader's marks: "2.000" and "0,5"
    in Indonesian, "2,000" and "0.5" in English, with the fewest decimals (up to 3) that write every
    tick exactly; axes a chart already formatted are left alone."""
    from matplotlib.ticker import ScalarFormatter

    from ..ticks import memo_formatter  # each label written once per figure, decimals once per set of ticks

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is not ScalarFormatter or axis.get_scale() != "linear":
                continue
            axis.set_major_formatter(memo_formatter(lambda x, d: formatting.number(x, lang, d), ratio=False,
                                                    digits=None, digit_choices=(0, 1, 2, 3)))


def _tight(fig) -> None:
    """One layout pass (tight_layout), then the title of a one-chart figure centred on the figure."""
    try:
        fig.tight_layout()
    except Exception:  # noqa: BLE001 - some layouts (colorbars, insets) refuse; keep them as they are
        pass
    _centre_title(fig)


def _centre_title(fig) -> None:
    """The title of a figure with one chart centred on the figure, not over the axes: long tick labels
    push the axes right, and a title as wide as the figure would stick out (and widen the picture)."""
    axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    if len(axes) == 1 and axes[0].get_title() and axes[0].title.get_horizontalalignment() == "center":
        ax = axes[0]
        ax.title.set_x(ax.transAxes.inverted().transform(fig.transFigure.transform((0.5, 0.0)))[0])


def _take_legends(fig) -> list:
    """Remove every legend (colorbars aside); returns what is needed to draw each again."""
    taken = []
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is None or ax.get_label() == "<colorbar>":
            continue
        handles = getattr(leg, "legend_handles", None) or getattr(leg, "legendHandles", [])
        texts = [tx.get_text() for tx in leg.get_texts()]
        if not handles or not texts:
            continue
        taken.append((ax, handles, texts, leg.get_title().get_text() or None))
        leg.remove()
    return taken


def _place_legends(fig, taken) -> None:
    """The legends :func:`_take_legends` removed, under their axes, below the tick labels and axis
    title, in as many columns as fit."""
    renderer = fig.canvas.get_renderer()
    for ax, handles, texts, title in taken:
        bottom = ax.transAxes.inverted().transform((0.0, _lowest(ax, renderer)))[1]
        # centred on the figure, not on the axes (which long tick labels push right): it sticks out
        # only when it is wider than the figure
        mid = ax.transAxes.inverted().transform(fig.transFigure.transform((0.5, 0.0)))[0]
        longest = max(len(x) for x in texts)
        room = (fig.get_size_inches()[0] - 0.3) * 72
        ncol = max(1, min(len(texts), int(room / (MIN_FONT_PT * 0.62 * (longest + 5)))))
        ax.legend(handles, texts, title=title, loc="upper center", bbox_to_anchor=(mid, bottom - 0.02),
                  ncol=ncol, frameon=False, fontsize=MIN_FONT_PT, title_fontsize=MIN_FONT_PT)
    # no layout pass after this: it would move the axes and the legend onto the axis labels;
    # the picture is saved with its tight bounding box, which takes the legend in


def _lowest(ax, renderer) -> float:
    """Bottom (pixels) of what an axes shows: its frame, its x axis (tick labels and title) and its
    texts; the y axis, lines and patches (clipped to the frame) are not measured (a third of the
    time of the whole axes' tight box)."""
    from matplotlib.transforms import Bbox

    boxes = [ax.bbox]
    if ax.axison and ax.xaxis.get_visible():
        boxes.append(ax.xaxis.get_tightbbox(renderer))
    boxes += [t.get_window_extent(renderer) for t in ax.texts if t.get_visible() and t.get_text()]
    return Bbox.union([b for b in boxes if b is not None and b.height > 0 or b is ax.bbox]).y0


def _legends_below(fig) -> None:
    """Every legend under its axes (one layout pass for the figure without them first)."""
    taken = _take_legends(fig)
    if taken:
        _tight(fig)
        _place_legends(fig, taken)
