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
