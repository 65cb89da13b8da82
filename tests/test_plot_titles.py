"""Fitting a chart fixes titles that matplotlib's automatic placement would not move (a faster layout),
and only those: the same SVG bytes as with the automatic placement, and a title still lifted over
tick labels at the top."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest

from smanalysis.plotting import theme
from smanalysis.plotting.theme import apply_theme, phone_svg

mpl.use("Agg")


def _bars():
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.bar(["reel", "foto", "video karosel panjang"], [12, 3, 7])
    ax.set_title("Interaksi per jenis konten, Oktober 2026")
    ax.set_ylabel("interaksi")
    return fig


def _lines():
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.plot(np.arange(10), np.arange(10) ** 2, label="reach")
    ax.plot(np.arange(10), np.arange(10) * 3, label="views")
    ax.legend()
    ax.set_title("Jangkauan")
    return fig


def _top_ticks():  # the content calendar's layout: day names above the grid
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.set_xticks(np.arange(7) + 0.5, ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"])
    ax.set_xlim(0, 7)
    ax.xaxis.tick_top()
    ax.set_title("Rencana konten")
    return fig


def _named_bars():  # bars lying down, their names written by a FuncFormatter (wrapped category names)
    from matplotlib.ticker import FuncFormatter

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.barh(np.arange(3), [0.04, 0.02, 0.07])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: ["reel", "foto", "video\nkarosel"][int(v) % 3]))
    ax.set_title("ER (jangkauan) menurut format")
    return fig


def _svg_with_and_without(make, step, monkeypatch):
    """The phone SVG of ``make()`` as the theme draws it, then with the theme's ``step`` switched off."""
    with mpl.rc_context():
        apply_theme()
        kept = phone_svg(make(), lang="id")
        monkeypatch.setattr(theme, step, lambda fig: None)
        without = phone_svg(make(), lang="id")
    plt.close("all")
    return kept, without


@pytest.mark.parametrize("make", [_bars, _lines, _top_ticks, _named_bars])
def test_same_svg_as_automatic_title_placement(make, monkeypatch):
    fixed, automatic = _svg_with_and_without(make, "_fix_titles", monkeypatch)
    assert fixed == automatic


def test_only_titles_with_nothing_to_clear_are_fixed():
    with mpl.rc_context():
        apply_theme()
        plain, top = _bars(), _top_ticks()
        theme._fix_titles(plain)
        assert plain.axes[0]._autotitlepos is True  # matplotlib's number formatter: it may write "1e6"
        theme._number_axes(plain, "id")  # the report's numbers ("2.000"): never an offset text
        theme._fix_titles(plain)
        theme._fix_titles(top)
        assert plain.axes[0]._autotitlepos is False
        assert top.axes[0]._autotitlepos is True  # tick labels at the top: matplotlib still lifts the title
        fig, ax = plt.subplots()
        ax.plot([1e6, 1.000001e6])  # matplotlib's ScalarFormatter may write an offset ("1e6") under the title
        ax.set_title("besar")
        theme._fix_titles(fig)
        assert ax._autotitlepos is True
        named = _named_bars()  # a FuncFormatter writes no offset text of its own: fixed
        theme._fix_titles(named)
        assert named.axes[0]._autotitlepos is False
        given = _named_bars()  # ... unless it was given one
        given.axes[0].yaxis.get_major_formatter().set_offset_string("x 1000")
        theme._fix_titles(given)
        assert given.axes[0]._autotitlepos is True
    plt.close("all")


def test_top_tick_labels_still_lift_the_title():
    with mpl.rc_context():
        apply_theme()
        fig = _top_ticks()
        phone_svg(fig, lang="id")
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()
        labels_top = max(lb.get_window_extent(renderer).y1 for lb in ax.get_xticklabels() if lb.get_text())
        assert ax.title.get_window_extent(renderer).y0 >= labels_top - 0.5
    plt.close("all")


def _numbers_rounded(svg: str) -> str:
    import re

    return re.sub(r"-?\d+\.\d+", lambda m: f"{float(m.group(0)):.3f}".replace("-0.000", "0.000"), svg)


@pytest.mark.parametrize("make", [_bars, _lines, _top_ticks])
def test_pinned_axis_titles_are_where_matplotlib_puts_them(make, monkeypatch):
    """Axis titles pinned after the last measure (the SVG draw does not place them again): the same
    picture as matplotlib's automatic placement, to a thousandth of a point."""
    pinned, automatic = _svg_with_and_without(make, "_pin_axis_labels", monkeypatch)
    assert "interaksi" in pinned or "Jangkauan" in pinned or "Rencana" in pinned
    assert _numbers_rounded(pinned) == _numbers_rounded(automatic)
