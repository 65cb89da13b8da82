"""The SVG canvas charts are fitted and saved with: the same measures and bytes as matplotlib's own
SVG writer, each text measured once a run, the figure's canvas and dpi given back."""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from smanalysis.plotting import svgcanvas
from smanalysis.plotting.svgcanvas import SVGMeasure, svg_canvas
from smanalysis.plotting.theme import apply_theme, phone_svg

mpl.use("Agg")


def _chart():
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.bar(["reel", "foto", "video karosel"], [12, 3, 7], label="interaksi")
    ax.set_title("Interaksi per jenis konten\nOktober 2026")
    ax.set_ylabel("interaksi")
    ax.legend()
    return fig


@pytest.mark.parametrize("props", [dict(size=9.5), dict(size=11, weight="bold"), dict(size=10, style="italic")])
def test_text_measures_are_the_svg_writers(props):
    """Sizes and line heights as matplotlib's SVG writer measures them (its font-file fallback), to the bit."""
    with mpl.rc_context():
        apply_theme()
        fig = plt.figure(figsize=(4, 3), dpi=72)
        plain = RendererSVG(288, 216, io.StringIO())
        ours = SVGMeasure(288, 216, io.StringIO(), figure=fig)
        prop = FontProperties(**props)
        for s in ("Senin", "kopisenja.id / instagram", "Jg", "2.000"):
            assert ours.get_text_width_height_descent(s, prop, False) == \
                plain.get_text_width_height_descent(s, prop, False)
        t = fig.text(0.1, 0.5, "Interaksi per minggu\nakun sendiri (median)", fontproperties=prop)
        assert t.get_window_extent(ours).bounds == t.get_window_extent(plain).bounds  # two lines: line gap too
        plt.close(fig)


def test_same_bytes_as_matplotlibs_svg_writer():
    """A figure saved through the canvas gives the bytes matplotlib's own SVG writer gives."""
    with mpl.rc_context():
        apply_theme()
        fig = _chart()
        fig.tight_layout()
        theirs, ours = io.StringIO(), io.StringIO()
        fig.savefig(theirs, format="svg", bbox_inches="tight", metadata={"Date": None})
        with svg_canvas(fig):
            fig.savefig(ours, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(fig)
    assert ours.getvalue() == theirs.getvalue()


def test_canvas_and_dpi_are_given_back():
    fig = _chart()
    canvas, dpi = fig.canvas, fig.dpi
    with svg_canvas(fig) as phone:
        assert fig.canvas is phone and fig.dpi == 72
        assert fig._get_renderer() is phone.get_renderer()  # the layout passes measure with the SVG writer
    assert fig.canvas is canvas and fig.dpi == dpi
    with pytest.raises(ZeroDivisionError), svg_canvas(fig):
        1 / 0
    assert fig.canvas is canvas and fig.dpi == dpi
    plt.close(fig)


def test_each_text_is_measured_once_a_run(monkeypatch):
    """The layout passes and the save of a chart, and a second chart with the same texts, measure
    no (text, font) pair twice."""
    svgcanvas._text_size.cache_clear()
    measured = []
    original = TextToPath.get_text_width_height_descent

    def counting(self, s, prop, ismath):
        measured.append((s, prop.get_size_in_points(), prop.get_weight()))
        return original(self, s, prop, ismath)

    monkeypatch.setattr(TextToPath, "get_text_width_height_descent", counting)
    with mpl.rc_context():
        apply_theme()
        first = phone_svg(_chart(), lang="id")
        n = len(measured)
        second = phone_svg(_chart(), lang="id")
    plt.close("all")
    assert n > 5 and len(measured) == n  # the second chart: every size known already
    assert len(set(measured)) == len(measured)
    assert first == second


def _counting_locator():
    """A fresh AutoLocator class that counts how often a locator of it is asked for ticks (``calls``)."""
    from matplotlib.ticker import AutoLocator

    class Counting(AutoLocator):
        calls = 0

        def __call__(self):
            Counting.calls += 1
            return super().__call__()

    return Counting


@pytest.mark.parametrize("marks", [{}, {"bottom": True, "left": True}, {"top": True, "right": True, "length": 9}])
def test_spines_measure_as_matplotlibs_without_a_locator_run_when_unmarked(marks):
    """In the canvas, spines have matplotlib's extent (padded by a visible tick mark's length); with no
    tick mark on a spine's side the axis' locator is not asked (it is asked when one is shown)."""
    from matplotlib.spines import Spine

    Counting = _counting_locator()

    with mpl.rc_context():
        apply_theme()
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.plot([0, 1, 2], [3, 1, 2])
        ax.spines[["top", "right"]].set_visible(True)
        if marks:
            ax.tick_params(axis="both", **marks)
        ax.yaxis.set_major_locator(Counting())
        with svg_canvas(fig) as canvas:
            r = canvas.get_renderer()
            Counting.calls = 0
            ours = {k: sp.get_window_extent(r).bounds for k, sp in ax.spines.items()}
            asked = Counting.calls
            theirs = {k: Spine.get_window_extent(sp, r).bounds for k, sp in ax.spines.items()}
            left = ax.bbox.x0  # the axes' left edge at the canvas' 72 dpi: 0.125 x 5 in = 45 px
        assert ours == theirs and left == 45
        shown = marks.get("left") or marks.get("right")  # y-axis tick marks: the left and right spines ask
        assert (asked > 0) == bool(shown)
        # the theme's 6-point tick mark, pointing out, pads the left spine 6 px to the left
        assert theirs["left"][0] == (39 if marks.get("left") else 45)
        assert "get_window_extent" not in vars(ax.spines["left"])  # given back after the block
        plt.close(fig)


@pytest.mark.parametrize("aligned", [False, True])
def test_axes_measure_as_matplotlibs_with_one_locator_run(aligned):
    """In the canvas an axis' tight box is matplotlib's, its ticks worked out once a measure (matplotlib:
    twice, for the tick labels and for the axis title); labels aligned across charts still work."""
    from matplotlib.axis import Axis

    Counting = _counting_locator()

    with mpl.rc_context():
        apply_theme()
        fig, (a, b) = plt.subplots(2, 1, figsize=(5, 5))
        for ax, top in ((a, 3), (b, 3000)):
            ax.plot([0, 1, 2], [top, 1, 2])
            ax.set_ylabel("interaksi")
            ax.yaxis.set_major_locator(Counting())
        if aligned:
            fig.align_ylabels([a, b])
        measured = []
        boxes = Axis._get_ticklabel_bboxes

        def counting_boxes(self, ticks, renderer):
            measured.append(self)
            return boxes(self, ticks, renderer)

        with svg_canvas(fig) as canvas, pytest.MonkeyPatch.context() as mp:
            mp.setattr(Axis, "_get_ticklabel_bboxes", counting_boxes)
            r = canvas.get_renderer()
            Counting.calls = 0
            ours = a.yaxis.get_tightbbox(r).bounds
            asked, ours_measured = Counting.calls, measured.count(a.yaxis)
            theirs = Axis.get_tightbbox(a.yaxis, r).bounds
            theirs_measured = measured.count(a.yaxis) - ours_measured
        # aligned labels: the chart below ("3000") is asked once for its ticks too
        assert ours == theirs and asked == (2 if aligned else 1)
        assert (ours_measured, theirs_measured) == (1, 2)  # the tick labels' boxes: once, not twice
        assert "get_tightbbox" not in vars(a.yaxis)  # given back after the block
        plt.close(fig)
