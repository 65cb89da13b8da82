"""A matplotlib tick formatter that writes each label once per figure.

A report chart is laid out several times before it is saved (fitting it to a phone, the legend
below it, the tight bounding box), and every layout formats every tick label again; writing a
number with Babel is slow next to matplotlib. :func:`memo_formatter` keeps each label it wrote and
works out the decimals once per set of ticks (not once per label).

Examples
--------
>>> f = memo_formatter(lambda x, d: f"{x:.{d}f}", ratio=False, digits=None)
>>> f.format_ticks([0.5, 1.25])
['0.50', '1.25']
"""

from __future__ import annotations

import numpy as np

__all__ = ["memo_formatter"]


def memo_formatter(write, *, ratio: bool, digits: int | None, fit_digits: bool = True,
                   digit_choices: tuple[int, ...] = (0, 1, 2)):
    """A :class:`matplotlib.ticker.Formatter` calling ``write(x, digits)`` once per label.

    Parameters
    ----------
    write : callable
        ``write(x, digits) -> str``.
    ratio : bool
        Ticks are ratios (shown as percentages): the decimals are those of ``100 * x``.
    digits : int, optional
        Fixed decimals; None with ``fit_digits`` takes the fewest of ``digit_choices`` that write
        every tick exactly ("1,25%"; the last when none does), else passes None on.
    fit_digits : bool
        Whether to work out the decimals when ``digits`` is None.
    digit_choices : tuple of int
        The decimals tried, fewest first.
    """
    from matplotlib.ticker import Formatter

    memo = {}

    class MemoFormatter(Formatter):
        def set_locs(self, locs):
            loc = np.asarray(locs, dtype=float) * (100 if ratio else 1)
            self.dig = digits if digits is not None or not fit_digits else next(
                (d for d in digit_choices if np.allclose(loc * 10 ** d, np.round(loc * 10 ** d), atol=1e-6)),
                digit_choices[-1])

        def __call__(self, x, pos=None):
            if not hasattr(self, "dig"):  # called outside a draw
                self.set_locs(self.axis.get_majorticklocs() if self.axis is not None else [x])
            key = (float(x), self.dig)
            return memo[key] if key in memo else memo.setdefault(key, write(x, self.dig))

    return MemoFormatter()
