"""What a metric is: :class:`Metric` (the computation itself, its unit, direction, format and
words) and :class:`Columns` (the float columns its callables read).

The entries themselves are in :mod:`smanalysis.media.metrics` (:data:`~smanalysis.media.METRICS`).
A zero or missing denominator gives NaN and one :class:`~smanalysis.exceptions.SMAnalysisWarning`
(the scikit-learn ``_prf_divide`` pattern, in :mod:`smanalysis.ratios`, the one place that divides);
:meth:`Metric.ratio` and :meth:`Metric.per_row` are how any module divides a registry rate.

Examples
--------
>>> import pandas as pd
>>> m = Metric("clicks_per_reach", "Klik per jangkauan", "Clicks per reach", "klik / jangkauan",
...            "clicks / reach", numerator=lambda c: c["clicks"], denominator=lambda c: c["reach"],
...            kind="rate", fmt="percent", stats=("ratio_of_totals",))
>>> m.value(pd.DataFrame({"clicks": [1.0, 3.0], "reach": [100.0, 100.0]}))
0.02
>>> m.ratio([1.0, 1.0], [4.0, 0.0]).tolist()
[0.25, nan]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from ..ratios import ratio_parts, warn_undefined
from ._common import num

__all__ = ["Metric", "Columns", "stat_column"]

#: Said after the registry's undefined-rate warning.
HINT = "See smanalysis.media.METRICS for each rate's denominator."


class Columns:
    """Float columns of a frame, each read once (NaN when the column is absent).

    ``extra`` adds derived columns (arrays) under their names.

    Examples
    --------
    >>> c = Columns(pd.DataFrame({"a": [1, None]}))
    >>> c["a"].tolist(), c["b"].tolist(), c.eq("a", 1.0).tolist()
    ([1.0, nan], [nan, nan], [1.0, 0.0])
    """

    def __init__(self, frame: pd.DataFrame, extra: dict | None = None):
        self.frame = frame
        self.n = len(frame)
        self._cache = dict(extra or {})

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._cache:
            self._cache[name] = num(self.frame, name)
        return self._cache[name]

    def eq(self, name: str, *values) -> np.ndarray:
        """1.0 where column ``name`` holds one of ``values``, else 0.0 (all 0.0 when absent)."""
        if name not in self.frame.columns:
            return np.zeros(self.n)
        return self.frame[name].isin(values).to_numpy(dtype="float64", na_value=0.0)

    def ones(self) -> np.ndarray:
        return np.ones(self.n)


@dataclass(frozen=True)
class Metric:
    """One figure: how it is computed, shown and explained.

    Attributes
    ----------
    name : str
        Column name in smanalysis tables and key in ``metrics.json``.
    label_id, label_en : str
        Label for charts and tables in Bahasa Indonesia and English.
    definition_id, definition_en : str
        The formula in words, in each language (the definitions section).
    numerator, denominator : callable or None
        ``f(Columns) -> ndarray`` over the rows of ``table``; ``denominator`` is None for counts.
        Both None for figures another layer computes (named in ``source``).
    numerator_text, denominator_text : str
        What is counted on top and below ("engagements", "reach").
    unit : str
        ``"count"``, ``"ratio"`` (0.05 = 5 %), ``"per post"``, ``"per 1,000 followers"``, ``"minutes"``...
    kind : str
        ``"count"``, ``"rate"`` (numerator / denominator x scale) or ``"median"`` (of the numerator).
    higher_is_better : bool
        Direction of a KPI target: met when the value is at least (else at most) the target.
    fmt : str
        ``"integer"``, ``"decimal"``, ``"percent"`` or ``"signed"`` (``+0.25``).
    scale : float
        Multiplier of the ratio (1,000 for per-1,000 rates, 30 for monthly growth).
    table : str
        Rows the callables read: ``"posts"`` (post_metrics output), ``"period"`` (``n_posts`` and
        ``days`` of a period), ``"growth"`` (period_growth
        output), ``"care"`` (response_times output), ``"voices"`` (texts with a sentiment
        ``label``), ``"voice"`` (share_of_voice output with an ``own`` flag) or ``"network"``.
    stats : tuple of str
        Summary columns that stand for the metric over a period (``"total"``,
        ``"ratio_of_totals"``, ``"mean_of_posts"``, ``"median"``, ``"value"``); the first is the
        key figure's.
    report : bool
        Shown in the report's period comparison and key figures.
    source : str
        Where the definition comes from.
    """

    name: str
    label_id: str
    label_en: str
    definition_id: str
    definition_en: str
    numerator: Callable | None = None
    denominator: Callable | None = None
    numerator_text: str = ""
    denominator_text: str = ""
    unit: str = "count"
    kind: str = "count"
    higher_is_better: bool = True
    fmt: str = "integer"
    scale: float = 1.0
    table: str = "posts"
    stats: tuple = ("total",)
    report: bool = False
    source: str = ""

    def label(self, lang: str = "id") -> str:
        """The label in ``lang`` ("id" or "en")."""
        return self.label_en if lang == "en" else self.label_id

    def definition(self, lang: str = "id") -> str:
        """The formula in words in ``lang``."""
        return self.definition_en if lang == "en" else self.definition_id

    @property
    def formula(self) -> str:
        return self.definition_en

    @property
    def column(self) -> str:
        """The summary column of one period that stands for the metric (its key figure).

        >>> Metric("er_reach", "", "", "", "", stats=("ratio_of_totals",)).column
        'er_reach_ratio_of_totals'
        """
        return stat_column(self.name, self.stats[0])

    def parts(self, cols: Columns) -> tuple[np.ndarray, np.ndarray]:
        """Numerator and denominator of every row, NaN where the row's rate is undefined."""
        numer = np.asarray(self.numerator(cols), dtype="float64")
        denom = np.asarray(self.denominator(cols), dtype="float64") * 1.0
        rate, _ = ratio_parts(numer, denom)
        ok = ~np.isnan(rate)
        return np.where(ok, numer, np.nan), np.where(ok, denom, np.nan)

    def per_row(self, cols: Columns) -> tuple[np.ndarray, int]:
        """The rate of every row and the count undefined by the denominator."""
        return ratio_parts(self.numerator(cols), self.denominator(cols), scale=self.scale)

    def value(self, frame: pd.DataFrame | Columns, *, quiet: bool = False) -> float:
        """The metric over all rows: total, median, or ratio of totals (rows where the rate exists).

        NaN (with an :class:`SMAnalysisWarning` unless ``quiet``) when it is undefined.
        """
        if self.numerator is None:
            raise ValueError(f"{self.name} is computed by {self.source or 'another layer'}, not from a table")
        cols = frame if isinstance(frame, Columns) else Columns(frame)
        if self.kind == "count":
            v = np.asarray(self.numerator(cols), dtype="float64")
            return float(np.nansum(v)) if (~np.isnan(v)).any() else float("nan")
        if self.kind == "median":
            v = np.asarray(self.numerator(cols), dtype="float64")
            return float(np.nanmedian(v)) if (~np.isnan(v)).any() else float("nan")
        numer, denom = self.parts(cols)
        ratio, bad = ratio_parts(np.array([np.nansum(numer)]), np.array([np.nansum(denom)]), scale=self.scale)
        if bad and not quiet:
            warn_undefined(self.name, {self.name: bad}, 1, hint=HINT)
        return float(ratio[0])

    def ratio(self, numer_total, denom_total) -> np.ndarray:
        """Ratios of totals (e.g. per group): numer / denom x scale, NaN where denom is not > 0."""
        return ratio_parts(numer_total, denom_total, scale=self.scale)[0]


def stat_column(name: str, stat: str) -> str:
    """The summary column of ``stat`` for metric ``name`` (``er_reach_ratio_of_totals``; ``n_posts`` and
    ``value`` stats keep the name).

    >>> stat_column("er_reach", "ratio_of_totals"), stat_column("follower_growth", "value")
    ('er_reach_ratio_of_totals', 'follower_growth')
    """
    return name if (name == "n_posts" or stat == "value") else f"{name}_{stat}"
