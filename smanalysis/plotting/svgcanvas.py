"""Measure and save a chart with one kind of renderer: the SVG writer's, its text sizes measured once a run.

Fitting a chart for a phone (:mod:`smanalysis.plotting.theme`) lays it out, measures it and saves
it as SVG. matplotlib measures a text with whatever renderer asks (the Agg renderer for a layout
pass, at 100 dpi with hinting; the SVG writer's at 72 dpi for the picture) and keeps what it
measured per renderer object: every layout pass after a resize, and the SVG save itself, get a new
renderer and measure every text again (a FreeType layout of the string, about half a millisecond),
and every text's font height is looked up again at each layout (the font file's tables).

:func:`svg_canvas` gives a figure, while it is fitted and saved, a canvas whose renderer is the SVG
writer's own (:class:`SVGMeasure`): the layout passes measure text exactly as the saved picture
lays it out, and the sizes of a (text, font) pair and the height of a font are kept for the whole
run (they depend on nothing else), shared by every chart of a report.

Examples
--------
>>> import matplotlib; matplotlib.use("Agg")
>>> import io, matplotlib.pyplot as plt
>>> fig, ax = plt.subplots(figsize=(4, 3)); _ = ax.set_title("Unggahan")
>>> with svg_canvas(fig) as canvas:
...     box = fig.get_tightbbox(canvas.get_renderer())
...     fig.savefig(io.StringIO(), format="svg")
>>> isinstance(fig.canvas, PhoneCanvas), fig.dpi
(False, 100.0)
>>> plt.close(fig)
"""

from __future__ import annotations

import codecs
import functools
import io
from contextlib import contextmanager

from matplotlib import cbook
from matplotlib.axis import Axis
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG
from matplotlib.patches import Patch
from matplotlib.spines import Spine
from matplotlib.textpath import TextToPath

__all__ = ["SVGMeasure", "PhoneCanvas", "svg_canvas"]

_TEXT_TO_PATH = TextToPath()  # what RendererSVG measures text with (each renderer makes its own)


@functools.lru_cache(maxsize=16384)
def _text_size(text: str, prop, ismath) -> tuple[float, float, float]:
    """Width, height and descent (points) of ``text`` as the SVG writer measures it (no hinting, at
    72 dpi: nothing of the renderer's state takes part); ``prop`` is a private copy (it is hashed)."""
    return _TEXT_TO_PATH.get_text_width_height_descent(text, prop, ismath)


@functools.lru_cache(maxsize=256)
def _font_heights(prop, dpi: float) -> tuple[float, float, float]:
    """Ascent, descent and line gap (pixels at ``dpi``) of the font matplotlib picks for ``prop``:
    what :meth:`matplotlib.text.Text._get_layout` reads from the font file's OS/2 (else hhea)
    table at every layout when the renderer does not say."""
    from matplotlib.font_manager import fontManager, get_font

    font = get_font(fontManager._find_fonts_by_props(prop))
    for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                             ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * dpi / 72  # as matplotlib
        return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None


class SVGMeasure(RendererSVG):
    """The SVG writer, with text sizes and font heights kept for the run (see the module docstring).

    ``figure`` is the figure it measures or draws (its dpi scales the font heights, as matplotlib's
    own layout does).
    """

    def __init__(self, width, height, svgwriter, *, figure, **kwargs):
        super().__init__(width, height, svgwriter, **kwargs)
        self._figure = figure

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath == "TeX":
            return super().get_text_width_height_descent(s, prop, ismath)
        return _text_size(s, prop.copy(), ismath)

    def _get_font_height_metrics(self, prop):
        # matplotlib's hook (``Text._get_layout``): the font height once per font, not once per text
        return _font_heights(prop.copy(), float(self._figure.dpi))


class PhoneCanvas(FigureCanvasSVG):
    """A canvas whose renderer (for layout and for saving) is :class:`SVGMeasure` at 72 dpi."""

    def __init__(self, figure, *, image_dpi: float):
        super().__init__(figure)
        self._image_dpi = image_dpi
        self._renderer = None

    def get_renderer(self):
        """The measuring renderer (one per figure size), as Agg's canvas gives its own."""
        w, h = self.figure.get_size_inches()
        key = (w, h, self.figure.dpi)
        if self._renderer is None or self._renderer[0] != key:
            self._renderer = (key, SVGMeasure(w * 72, h * 72, io.StringIO(), image_dpi=self._image_dpi,
                                              figure=self.figure))
        return self._renderer[1]

    def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_print_figure_options):
        """matplotlib's ``FigureCanvasSVG.print_svg`` with :class:`SVGMeasure` as the writer (the
        colours and dpi ``print_figure`` passes every writer are already set on the figure)."""
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
            if not cbook.file_requires_unicode(fh):
                fh = codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            renderer = MixedModeRenderer(
                self.figure, width, height, dpi,
                SVGMeasure(width * 72, height * 72, fh, image_dpi=self._image_dpi, metadata=metadata,
                           figure=self.figure),
                bbox_inches_restore=bbox_inches_restore)
            self.figure.draw(renderer)
            renderer.finalize()


def _spine_extent(spine, renderer=None):
    """``Spine.get_window_extent`` that asks the axis for its ticks only when a tick mark is drawn on
    the spine's side.

    matplotlib runs the axis' tick locator and formatter (``Axis._update_ticks``) in every spine's
    extent, only to pad the spine by the length of its first tick's mark, and only when that mark is
    visible (``tick1line`` on the left and bottom, ``tick2line`` on the right and top). The theme
    draws no tick marks: then the extent is the spine's own, as matplotlib finds it, without the
    locator run (a tenth of a chart's fitting). Every tick the axis makes later copies its first
    tick's marks, so the ticks made so far tell."""
    axis = spine.axis
    if axis is not None and axis.get_visible():
        line = "tick1line" if spine.spine_type in ("left", "bottom") else "tick2line"
        if any(getattr(t, line).get_visible() for t in (*axis.majorTicks, *axis.minorTicks)):
            return type(spine).get_window_extent(spine, renderer)
    spine._adjust_location()
    return Patch.get_window_extent(spine, renderer)


def _axis_tightbbox(axis, renderer=None, *, for_layout_only=False):
    """``Axis.get_tightbbox`` with the axis' ticks and their labels' boxes worked out once: matplotlib
    asks for them (locator and formatter, ``Axis._update_ticks``; every label's extent) for its tick
    labels and again, unchanged, to place the axis title (``_get_tick_boxes_siblings``: the axis
    itself unless labels are aligned)."""
    if not axis.get_visible() or for_layout_only and not axis.get_in_layout():
        return None
    cls = type(axis)
    ticks = cls._update_ticks(axis)
    boxes = {}

    def ticklabel_bboxes(drawn, r):
        if drawn is not ticks:  # not this measure's ticks: as matplotlib does
            return cls._get_ticklabel_bboxes(axis, drawn, r)
        if id(r) not in boxes:
            boxes[id(r)] = cls._get_ticklabel_bboxes(axis, drawn, r)
        return boxes[id(r)]

    axis._update_ticks = lambda: ticks  # nothing changes the axis until the box is measured
    axis._get_ticklabel_bboxes = ticklabel_bboxes  # the boxes are only read (united), never changed
    try:
        return cls.get_tightbbox(axis, renderer, for_layout_only=for_layout_only)
    finally:
        del axis._update_ticks, axis._get_ticklabel_bboxes


@contextmanager
def svg_canvas(fig):
    """While in the block, ``fig`` is measured and saved by :class:`PhoneCanvas` at 72 dpi (the SVG
    writer's); its canvas and dpi are given back after (pictures embedded in the SVG keep the
    figure's own dpi). Its spines measure themselves without a tick locator run when they show no
    tick mark (:func:`_spine_extent`), its axes run theirs once a measure (:func:`_axis_tightbbox`)."""
    old, dpi = fig.canvas, fig.dpi
    canvas = PhoneCanvas(fig, image_dpi=dpi)
    fig.set_dpi(72)
    spines = [sp for ax in fig.axes for sp in ax.spines.values()  # plain spines (a colorbar's outline has its own)
              if type(sp).get_window_extent is Spine.get_window_extent and "get_window_extent" not in vars(sp)]
    for sp in spines:
        sp.get_window_extent = functools.partial(_spine_extent, sp)
    axes = [a for ax in fig.axes for a in (ax.xaxis, ax.yaxis)
            if type(a).get_tightbbox is Axis.get_tightbbox and "get_tightbbox" not in vars(a)]
    for a in axes:
        a.get_tightbbox = functools.partial(_axis_tightbbox, a)
    try:
        yield canvas
    finally:
        for sp in spines:
            vars(sp).pop("get_window_extent", None)
        for a in axes:
            vars(a).pop("get_tightbbox", None)
        fig.set_canvas(old)
        fig.set_dpi(dpi)
