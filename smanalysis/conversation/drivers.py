"""Net sentiment and its drivers.

Net sentiment comes in the two variants in common use, always named:

* ``net_sentiment_excl_neutral`` = (positive - negative) / (positive + negative)
* ``net_sentiment_all`` = (positive - negative) / (positive + neutral + negative)

:func:`sentiment_drivers` lists the terms that set negative texts apart from positive ones.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..exceptions import EmptyDataError, SMAnalysisWarning
from .._checks import as_list
from ..media.metrics import METRICS
from ..schema import resolve_timezone
from ._common import local_period, norm_labels, require
from .voice import SENTIMENT_LABELS

__all__ = ["net_sentiment", "sentiment_drivers"]


# --------------------------------------------------------------------------- net sentiment
def net_sentiment(
    frame: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    freq: str | None = None,
    label_col: str = "label",
    time_col: str = "created_at",
    timezone: str | None = None,
    profile=None,
) -> pd.DataFrame:
    """Net sentiment in both common variants, overall or by period/platform/post/theme/brand.

    Parameters
    ----------
    frame : DataFrame
        One row per text with a sentiment label column (positive, neutral,
        negative; pos/neu/neg and positif/netral/negatif are understood), e.g.
        comments joined with :func:`smanalysis.conversation.sentiment`'s
        ``label``, or a mentions table with ``label_col="sentiment"``.
    by : str or list of str, optional
        Grouping columns: ``platform``, ``post_id``, ``theme``, ``brand``...
    freq : str, optional
        Period alias ('D', 'W', 'M', ...) over ``time_col`` in the timezone.
    label_col : str, default "label"
        Column with the labels. Rows with a missing or unknown label are left out.
    time_col : str, default "created_at"
    timezone, profile : optional
        Timezone of the periods (default the profile's, else Asia/Jakarta).

    Returns
    -------
    DataFrame
        ``period`` (with ``freq``), the ``by`` columns, ``positive``,
        ``neutral``, ``negative``, ``total`` (counts), and
        ``net_sentiment_excl_neutral`` = (positive - negative) / (positive + negative),
        ``net_sentiment_all`` = (positive - negative) / total. Both lie in [-1, 1];
        NaN with a :class:`SMAnalysisWarning` when the denominator is 0.

    Raises
    ------
    SchemaError
        When ``label_col``, a ``by`` column or ``time_col`` (with ``freq``) is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"platform": ["ig", "ig", "ig", "ig", "tt"],
    ...                    "label": ["positive", "positive", "negative", "neutral", "negative"]})
    >>> net_sentiment(df, by="platform")[["platform", "net_sentiment_excl_neutral", "net_sentiment_all"]]
      platform  net_sentiment_excl_neutral  net_sentiment_all
    0       ig                    0.333333               0.25
    1       tt                   -1.000000              -1.00
    """
    func = "net_sentiment"
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{func}: expected a pandas DataFrame, got {type(frame).__name__}")
    by_cols = as_list(by)
    need = [label_col, *by_cols] + ([time_col] if freq is not None else [])
    require(frame, dict.fromkeys(need), func)
    labels = norm_labels(frame[label_col])
    df = frame[by_cols].copy()
    for lab in SENTIMENT_LABELS:
        df[lab] = (labels == lab).fillna(False).astype("int64")
    keep = labels.isin(SENTIMENT_LABELS).fillna(False).to_numpy()
    keys = list(by_cols)
    if freq is not None:
        df["period"] = local_period(frame[time_col], freq, resolve_timezone(timezone, profile))
        keys = ["period", *keys]
    df = df[keep]
    if keys:
        out = df.groupby(keys, sort=True, dropna=False, observed=True)[list(SENTIMENT_LABELS)].sum().reset_index()
    else:
        out = df[list(SENTIMENT_LABELS)].sum().to_frame().T.reset_index(drop=True).astype("int64")
    out["total"] = out[list(SENTIMENT_LABELS)].sum(axis=1)
    polar = out["positive"] + out["negative"]
    diff = (out["positive"] - out["negative"]).astype(float)
    if (polar == 0).any():
        warnings.warn(f"{func}: {int((polar == 0).sum())} group(s) have no positive or negative texts; "
                      "their net sentiment is NaN", SMAnalysisWarning, stacklevel=2)
    out["net_sentiment_excl_neutral"] = METRICS["net_sentiment"].ratio(diff, polar)
    out["net_sentiment_all"] = METRICS["net_sentiment_all"].ratio(diff, out["total"])
    return out


# --------------------------------------------------------------------------- drivers
def sentiment_drivers(
    texts: pd.Series | Sequence[str],
    labels: pd.Series | Sequence[str],
    *,
    top: int = 20,
    min_count: int = 2,
    prior: float = 0.5,
    stopwords: bool = True,
) -> pd.DataFrame:
    """Terms most over-represented in negative versus positive texts (and the reverse).

    Uses the weighted log-odds ratio with an informative Dirichlet prior
    (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). With ``y_a``, ``y_b`` the
    counts of a term in the negative and positive texts, ``n_a``, ``n_b`` the
    token totals, and the prior ``alpha_w = prior * (y_a + y_b)`` (``alpha_0``
    its sum over terms)::

        delta = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
              - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
        z     = delta / sqrt(1 / (y_a + alpha_w) + 1 / (y_b + alpha_w))

    Parameters
    ----------
    texts : Series or sequence of str
    labels : Series or sequence of str
        Sentiment labels aligned with ``texts`` (neutral texts are ignored).
    top : int, default 20
        Terms returned on each side.
    min_count : int, default 2
        Minimum count of a term over the negative and positive texts.
    prior : float, default 0.5
        Strength of the prior, as a multiple of the pooled term counts.
    stopwords : bool, default True
        Drop Indonesian and English stopwords.

    Returns
    -------
    DataFrame
        ``side`` ("negative" or "positive": the side the term drives),
        ``term``, ``negative`` and ``positive`` (counts), ``log_odds``
        (delta, > 0 leans negative), ``z`` (delta over its standard error).
        Negative drivers first (highest z first), then positive drivers.

    Examples
    --------
    >>> texts = ["kopinya basi kecewa", "pelayanan lama kecewa", "kopinya enak mantap", "enak nyaman"]
    >>> labels = ["negative", "negative", "positive", "positive"]
    >>> d = sentiment_drivers(texts, labels, top=1, min_count=2)
    >>> d[["side", "term", "negative", "positive"]]
           side    term  negative  positive
    0  negative  kecewa         2         0
    1  positive    enak         0         2
    """
    from ._common import token_lists

    func = "sentiment_drivers"
    t = pd.Series(texts) if not isinstance(texts, pd.Series) else texts
    lab = norm_labels(pd.Series(np.asarray(labels, dtype=object)))
    if len(lab) != len(t):
        raise ValueError(f"{func}: `labels` has {len(lab)} values but `texts` has {len(t)}")
    if len(t) == 0:
        raise EmptyDataError(f"{func}: no texts were passed")
    lab_arr = lab.to_numpy()
    cols = ["side", "term", "negative", "positive", "log_odds", "z"]
    toks = pd.Series(token_lists(t, stopwords=stopwords), index=range(len(t)))
    pair = pd.DataFrame({"tok": toks, "lab": lab_arr}).explode("tok").dropna(subset=["tok"])
    pair = pair[pair["lab"].isin(["negative", "positive"])]
    if pair.empty:
        warnings.warn(f"{func}: no tokens in positive or negative texts", SMAnalysisWarning, stacklevel=2)
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("log_odds", "z") else object) for c in cols})
    counts = pd.crosstab(pair["tok"], pair["lab"]).reindex(columns=["negative", "positive"], fill_value=0)
    ya = counts["negative"].to_numpy(float)
    yb = counts["positive"].to_numpy(float)
    na, nb = ya.sum(), yb.sum()
    alpha = prior * (ya + yb)
    a0 = alpha.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((ya + alpha) / (na + a0 - ya - alpha))
                 - np.log((yb + alpha) / (nb + a0 - yb - alpha)))
        z = delta / np.sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha))
    res = pd.DataFrame({"term": counts.index.astype(object), "negative": ya.astype("int64"),
                        "positive": yb.astype("int64"), "log_odds": delta, "z": z})
    res = res[(res["negative"] + res["positive"]) >= min_count]
    neg = res[res["z"] > 0].sort_values(["z", "term"], ascending=[False, True]).head(top).assign(side="negative")
    pos = res[res["z"] < 0].sort_values(["z", "term"], ascending=[True, True]).head(top).assign(side="positive")
    return pd.concat([neg, pos], ignore_index=True)[cols]
