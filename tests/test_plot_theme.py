"""The chart theme: seaborn's look without importing seaborn (which imports scipy.stats)."""

from __future__ import annotations

import subprocess
import sys

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from smanalysis.plotting.theme import PALETTE, PALETTE_COLOURS, apply_theme


def _same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str) or not isinstance(a, str) and not isinstance(b, str):
        return a == b or str(a) == str(b)
    return False


def test_theme_is_what_seaborn_sets():
    """Every setting seaborn's set_theme makes, apply_theme makes too (same value), and the colour cycle
    is seaborn's colour-blind palette; only seaborn's own "rocket" colour map is left out."""
    sns = pytest.importorskip("seaborn")
    from smanalysis.plotting.theme import _RC

    with mpl.rc_context():
        mpl.rcdefaults()
        sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE, rc=_RC)
        theirs = dict(mpl.rcParams)
    with mpl.rc_context():
        mpl.rcdefaults()
        apply_theme()
        ours = dict(mpl.rcParams)
    differ = {k: (theirs[k], ours[k]) for k in theirs
              if k not in ("image.cmap", "axes.prop_cycle") and not _same(theirs[k], ours[k])}
    assert not differ
    assert theirs["image.cmap"] == "rocket" and ours["image.cmap"] == mpl.rcParamsDefault["image.cmap"]
    cycle_theirs = np.array([to_rgba(c) for c in theirs["axes.prop_cycle"].by_key()["color"]])
    cycle_ours = np.array([to_rgba(c) for c in ours["axes.prop_cycle"].by_key()["color"]])
    assert np.abs(cycle_ours - cycle_theirs).max() < 1 / 255 and len(cycle_ours) == len(PALETTE_COLOURS) == 10


def test_theme_does_not_import_seaborn_or_scipy_stats():
    """A report's charts do not pay seaborn's import (scipy.stats alone is over a second)."""
    code = ("import sys, matplotlib; matplotlib.use('Agg'); from smanalysis.plotting.theme import apply_theme; "
            "import smanalysis.plotting, smanalysis.reporting; apply_theme(); "
            "print(sorted(m for m in ('seaborn', 'scipy.stats') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _long_chart():
    """Long category names push the axes right; the title is nearly as wide as the figure; a legend."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.8))
    names = ["pengguna_00bee2", "kopisenja.id / instagram", "ruangseduh / instagram"]
    ax.barh(names, [3.0, 2.0, 1.0], label="sendiri")
    ax.barh(names, [1.0, 1.0, 1.0], left=[3.0, 2.0, 1.0], label="pesaing")
    ax.legend()
    ax.set_title("Akun paling berpengaruh menurut skor pengaruh")
    ax.set_xlabel("skor pengaruh")
    return fig


def test_phone_svg_is_as_wide_as_a_phone_and_text_stays_text():
    """The saved picture is at most the phone width (4.8 in = 345.6 pt) plus nothing sticking out;
    text is <text> (the reader's font, a fraction of the bytes of glyph outlines)."""
    import re

    import matplotlib.pyplot as plt

    from smanalysis.plotting.theme import PHONE_WIDTH_IN, phone_svg

    apply_theme()
    fig = _long_chart()
    svg = phone_svg(fig, lang="id")
    plt.close(fig)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    assert 0.9 * PHONE_WIDTH_IN * 72 <= width <= PHONE_WIDTH_IN * 72
    assert "<text" in svg and "pesaing" in svg and "Akun paling berpengaruh" in svg


def test_phone_svg_draws_once_and_gives_the_same_bytes():
    """savefig draws the fitted figure once (no dry run, no second measuring pass), and the same chart
    gives the same SVG bytes (ids from the content, no date)."""
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    from smanalysis.plotting.theme import phone_svg

    apply_theme()
    draws = []
    original = Figure.draw

    def counting(self, renderer):
        draws.append(type(renderer).__name__)
        return original(self, renderer)

    out = []
    for _ in range(2):
        fig = _long_chart()
        Figure.draw = counting
        try:
            out.append(phone_svg(fig, lang="en"))
        finally:
            Figure.draw = original
            plt.close(fig)
    assert len(draws) == 2  # one draw per chart
    assert out[0] == out[1]


def test_long_title_does_not_shrink_the_chart():
    """A one-chart figure's title is centred on the figure (not over axes pushed right by long
    labels) and wrapped to its measured width: the figure keeps the full phone width (4.8 in), so its
    text is not shrunk on the phone."""
    import matplotlib.pyplot as plt

    from smanalysis.plotting.theme import PHONE_WIDTH_IN, phone_svg

    apply_theme()
    fig = _long_chart()
    fig.axes[0].set_title("Akun paling berpengaruh menurut skor pengaruh, minggu ini dan minggu lalu")
    phone_svg(fig, lang="id")
    width = fig.get_size_inches()[0]
    title = fig.axes[0].title
    plt.close(fig)
    assert width == PHONE_WIDTH_IN
    assert "\n" in title.get_text()  # wrapped: as one line it is wider than the figure


def test_rows_of_long_names_get_room():
    """Fifteen lying bars whose names wrap onto two lines: fitted, the figure grows taller than the
    plain phone height (4.8 * 4.8 / 9 + 0.4 = 2.96 in) until two neighbouring names are at least
    (1.2 * 2 + 0.35) * 9.5 = 26.1 pt apart; a short chart keeps its height."""
    import matplotlib.pyplot as plt

    from smanalysis.plotting.theme import phone_svg

    apply_theme()
    fig, ax = plt.subplots(figsize=(9, 4.8))
    names = [f"kategori nomor {i:02d} yang cukup panjang" for i in range(15)]
    ax.barh(names, np.arange(15, 0, -1))
    phone_svg(fig, lang="id")
    lo, hi = ax.get_ylim()
    pitch = ax.get_position().height * fig.get_size_inches()[1] * 72 / abs(hi - lo)  # pt between rows 1 apart
    assert all(lb.get_text().count("\n") == 1 for lb in ax.get_yticklabels())
    assert fig.get_size_inches()[1] > 2.96 and pitch >= 26.1 * 0.99
    short, ax2 = plt.subplots(figsize=(9, 4.8))
    ax2.barh(["reel", "foto"], [3, 2])
    phone_svg(short, lang="id")
    assert short.get_size_inches()[1] == pytest.approx(4.8 * 4.8 / 9 + 0.4)
    plt.close("all")


def test_a_picture_without_axes_builds_no_ticks():
    """A network picture (axes switched off): fitting and the smallest-font check list its texts
    without making matplotlib build the tick labels it never draws; the smallest text is the title."""
    import matplotlib.pyplot as plt

    from smanalysis.plotting.theme import min_font_pt, phone_svg

    apply_theme()
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.scatter([0, 1, 2], [0, 1, 0])
    ax.text(1, 0.5, "kopisenja_id", fontsize=12)
    ax.set_title("Jaringan")  # 11 pt (axes.titlesize)
    ax.axis("off")
    svg = phone_svg(fig, lang="id")
    assert "kopisenja_id" in svg and min_font_pt(fig) == 11.0
    assert len(ax.xaxis.majorTicks) == 1 and len(ax.yaxis.majorTicks) == 1  # the first only (matplotlib's own)
    plt.close(fig)
