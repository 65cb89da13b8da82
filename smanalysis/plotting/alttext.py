"""Alt text of a chart from what it shows: :func:`describe` (title, axes, series, the largest bar).

Re-exported by :mod:`smanalysis.plotting.theme`, where the report's figures are fitted and saved.

Examples
--------
>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots(); _ = ax.bar(["reel", "foto"], [12, 3]); _ = ax.set_title("Unggahan")
>>> describe(fig, "en")
'Chart: Unggahan. Highest: reel (12).'
>>> plt.close(fig)
"""

from __future__ import annotations

import numpy as np

from .. import formatting

__all__ = ["describe"]

_WORDS = {"chart": ("Grafik", "Chart"), "y": ("Sumbu tegak", "Vertical axis"), "x": ("Sumbu datar", "Horizontal axis"),
          "series": ("Garis/kelompok", "Series"), "top": ("Tertinggi", "Highest"),
          "map": ("Gambar jaringan/peta", "Network or map picture")}


def _largest_bar(ax):
    from matplotlib.patches import Rectangle

    bars = [p for p in ax.patches if isinstance(p, Rectangle) and np.isfinite(p.get_height())]
    if not bars:
        return None
    horizontal = len({round(b.get_height(), 6) for b in bars}) == 1 and len({round(b.get_width(), 6)
                                                                            for b in bars}) > 1
    size = (lambda b: b.get_width()) if horizontal else (lambda b: b.get_height())
    best = max(bars, key=size)
    ticks = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
    centre = best.get_y() + best.get_height() / 2 if horizontal else best.get_x() + best.get_width() / 2
    pos = [(abs((lb.get_position()[1] if horizontal else lb.get_position()[0]) - centre), lb.get_text())
           for lb in ticks if lb.get_text()]
    name = min(pos)[1] if pos else ""
    return name, size(best)


def describe(fig, lang: str = "id", *, unit: str = "number") -> str:
    """Alt text of a chart from what it shows: title, axes, series and the largest bar.

    Parameters
    ----------
    fig : matplotlib Figure
    lang : {"id", "en"}
    unit : str
        Unit of the bars' values (see :func:`smanalysis.formatting.value`).

    Returns
    -------
    str
        One or a few sentences (never empty: a chart without text says it is a chart).
    """
    i = 0 if lang == "id" else 1
    formatting.number(0, lang)  # checks lang
    parts = []
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":
            continue
        title = ax.get_title() or (fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else "")
        if title:
            parts.append(f"{_WORDS['chart'][i]}: {title.strip()}.")
        if ax.get_ylabel():
            parts.append(f"{_WORDS['y'][i]}: {ax.get_ylabel().strip()}.")
        if ax.get_xlabel():
            parts.append(f"{_WORDS['x'][i]}: {ax.get_xlabel().strip()}.")
        leg = ax.get_legend()
        if leg is not None:
            names = [t.get_text() for t in leg.get_texts() if t.get_text()]
            if names:
                parts.append(f"{_WORDS['series'][i]}: {', '.join(names[:8])}.")
        top = _largest_bar(ax)
        if top and top[0]:
            parts.append(f"{_WORDS['top'][i]}: {top[0]} ({formatting.value(top[1], unit, lang)}).")
    if not parts:
        parts.append(f"{_WORDS['chart'][i]}.")
    return " ".join(" ".join(p.split()) for p in dict.fromkeys(parts))
