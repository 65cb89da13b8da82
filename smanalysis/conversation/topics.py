"""Topics without a codebook: NMF on the prepared tokens, labelled by top terms and a quote.

The codebook (:mod:`smanalysis.conversation.ethnography`) stays for coded
themes; this module finds what people talk about when nobody wrote the codes
yet. Texts are tokenised with :func:`~smanalysis.conversation.text.tokenize`
(slang normalised, Indonesian and English stop words removed), weighted by
TF-IDF and factorised with NMF (seeded, deterministic): scikit-learn's ``TfidfVectorizer`` and
``NMF(init="nndsvda")``, computed by :mod:`~smanalysis.conversation.factorise` without importing
scikit-learn (the same numbers).

Examples
--------
>>> texts = ["kopi susu enak manis", "kopi susu gula aren enak", "susu kopi manis enak sekali",
...          "wifi lambat susah nugas", "wifi mati terus nugas gagal", "nugas wifi lambat banget"]
>>> tm = TopicModel(n_topics=2, min_df=2, seed=0).fit(texts)
>>> t = tm.assignments_["topic"].tolist()
>>> t[0] == t[1] == t[2] != t[3] == t[4] == t[5]
True
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..ratios import divide, share_of_total
from .factorise import Tfidf, nmf, nmf_transform

__all__ = ["TopicModel", "topic_shares", "emerging_topics"]

_MAX_ITER = 500  # coordinate-descent sweeps of the NMF
_WORD = re.compile(r"^[a-z][a-z'-]{2,}$")


def _prepared(texts, extra=frozenset()) -> list[list[str]]:
    from .text import tokenize

    return [[w for w in doc if _WORD.match(w) and w not in extra] for doc in tokenize(texts, stopwords=True)]


def _prepared_flat(texts, extra=frozenset()):
    """:func:`_prepared` as flat arrays ``(doc, tokens, n_docs)``: the same tokens (those of
    :func:`~smanalysis.conversation.text.tokenize` with stop words removed, then words of three
    letters or more not in ``extra``), the filters applied once per distinct token, not per token."""
    from .textdata import SLANG_ID, STOPWORDS_EN, STOPWORDS_ID, as_text_series
    from .tokens import token_arrays

    s = as_text_series(texts, func="tokenize")
    doc, tok, voc, _ = token_arrays(s, slang=SLANG_ID)
    stop = STOPWORDS_ID | STOPWORDS_EN
    keep = np.fromiter((bool(_WORD.match(w)) and w not in stop and w not in extra for w in voc.tolist()),
                       dtype=bool, count=len(voc))
    m = keep[tok]
    return doc[m], voc[tok[m]], len(s)


class TopicModel:
    """NMF topic model on prepared tokens.

    Parameters
    ----------
    n_topics : int
        Number of topics.
    min_df : int
        A word must appear in at least this many texts.
    max_df : float
        Words in more than this share of texts are left out (too common to tell topics apart).
    n_terms : int
        Top terms kept per topic (the label uses the first three).
    seed : int
        Random state of the NMF initialisation.
    stopwords : iterable of str, optional
        More words to leave out (e.g. the brands' names, which are in every text).

    Attributes
    ----------
    topics_ : DataFrame
        One row a topic: ``topic`` (0..k-1), ``label`` (top 3 terms), ``terms``
        (top ``n_terms``, comma-separated), ``quote`` (the text most typical of
        the topic), ``n_texts`` (texts whose main topic it is) and ``share``.
    assignments_ : DataFrame
        One row per fitted text: ``topic`` (main topic; -1 for a text without
        known words) and ``weight``.
    vocabulary_ : ndarray of str
    components_ : ndarray
        The NMF topic-term matrix.
    """

    def __init__(self, n_topics: int = 6, *, min_df: int = 3, max_df: float = 0.5, n_terms: int = 6, seed: int = 0,
                 stopwords=()):
        self.stopwords = stopwords
        self.n_topics = n_topics
        self.min_df = min_df
        self.max_df = max_df
        self.n_terms = n_terms
        self.seed = seed

    def fit(self, texts) -> "TopicModel":
        """Learn the topics of ``texts`` (Series, list or str); returns ``self``."""
        if self.n_topics < 1:
            raise ValueError(f"The value for `n_topics` must be at least 1, but {self.n_topics!r} was passed.")
        raw = pd.Series(texts if not isinstance(texts, str) else [texts], dtype=object).fillna("").astype(str)
        self._extra = frozenset(w.lower() for w in self.stopwords)
        try:
            self._vec = Tfidf(min_df=self.min_df, max_df=self.max_df)
            x = self._vec.fit_transform_tokens(*_prepared_flat(raw.tolist(), self._extra))
        except ValueError as err:  # no word survives min_df / max_df
            raise ValueError(f"TopicModel.fit: no word appears in at least {self.min_df} of the {len(raw)} texts "
                             "and in at most the `max_df` share of them; lower `min_df`.") from err
        k = min(self.n_topics, x.shape[1], x.shape[0])
        w, self.components_, _ = nmf(x, k, seed=self.seed, max_iter=_MAX_ITER)
        self.vocabulary_ = self._vec.vocabulary_
        topic = np.where(w.max(axis=1) > 0, w.argmax(axis=1), -1)
        weight = w.max(axis=1)
        self.assignments_ = pd.DataFrame({"topic": topic, "weight": weight}, index=raw.index)
        order = np.argsort(-self.components_, axis=1)[:, : self.n_terms]
        terms = [[str(self.vocabulary_[j]) for j in row] for row in order]
        # the quote: among the texts of the topic, the one whose weight on it is largest
        own = np.where(topic[:, None] == np.arange(k)[None, :], w, -1.0)
        best = own.argmax(axis=0)
        n = np.bincount(topic[topic >= 0], minlength=k)
        self.topics_ = pd.DataFrame({
            "topic": np.arange(k), "label": [" / ".join(t[:3]) for t in terms], "terms": [", ".join(t) for t in terms],
            "quote": [raw.iloc[b][:200] if n[i] else "" for i, b in enumerate(best)], "n_texts": n,
            "share": divide(n, int((topic >= 0).sum()), func="TopicModel.fit", name="share"),
        })
        return self

    def transform(self, texts) -> pd.DataFrame:
        """Main topic of new ``texts``: ``topic`` (-1 without known words), ``weight`` and ``label``."""
        raw = pd.Series(texts if not isinstance(texts, str) else [texts], dtype=object).fillna("").astype(str)
        w = nmf_transform(self._vec.transform(_prepared(raw.tolist(), self._extra)), self.components_,
                          max_iter=_MAX_ITER)
        topic = np.where(w.max(axis=1) > 0, w.argmax(axis=1), -1) if w.size else np.full(len(raw), -1)
        labels = self.topics_["label"].to_numpy(dtype=object)
        return pd.DataFrame({"topic": topic, "weight": w.max(axis=1) if w.size else 0.0,
                             "label": np.where(topic >= 0, labels[np.maximum(topic, 0)], None)}, index=raw.index)


def topic_shares(assigned: pd.DataFrame, dates, *, freq: str = "month", topics: pd.DataFrame | None = None
                 ) -> pd.DataFrame:
    """Share of texts per topic and period.

    Parameters
    ----------
    assigned : DataFrame
        ``topic`` per text (``TopicModel.assignments_`` or ``transform``); -1 is left out.
    dates : Series or array
        The texts' dates (naive local, or UTC timestamps), aligned with ``assigned``.
    freq : {"week", "month"}
    topics : DataFrame, optional
        ``TopicModel.topics_`` for the ``label`` column.

    Returns
    -------
    DataFrame
        ``period`` (start), ``topic``, ``label``, ``n_texts``, ``share``
        (of the period's texts with a topic; sums to 1 per period).

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"topic": [0, 0, 1, 1, -1]})
    >>> d = pd.to_datetime(["2026-09-03", "2026-10-01", "2026-10-02", "2026-10-09", "2026-10-10"])
    >>> topic_shares(a, d)[["period", "topic", "n_texts", "share"]].round(3)
          period  topic  n_texts  share
    0 2026-09-01      0        1  1.000
    1 2026-10-01      0        1  0.333
    2 2026-10-01      1        2  0.667
    """
    if freq not in ("week", "month"):
        raise ValueError(f"The value for `freq` must be one of ['week', 'month'], but {freq!r} was passed.")
    d = pd.to_datetime(pd.Series(np.asarray(dates), index=assigned.index))
    if isinstance(d.dtype, pd.DatetimeTZDtype):
        d = d.dt.tz_localize(None)
    period = d.dt.to_period("M" if freq == "month" else "W-SUN").dt.start_time
    frame = pd.DataFrame({"period": period, "topic": assigned["topic"].to_numpy()})
    frame = frame[(frame["topic"] >= 0) & frame["period"].notna()]
    out = frame.groupby(["period", "topic"]).size().rename("n_texts").reset_index()
    out["share"] = share_of_total(out["n_texts"], out["period"], func="topic_shares")
    labels = topics.set_index("topic")["label"] if topics is not None else pd.Series(dtype=object)
    out.insert(2, "label", out["topic"].map(labels))
    return out


def emerging_topics(assigned: pd.DataFrame, in_current, in_previous, *, topics: pd.DataFrame | None = None,
                    min_texts: int = 5, min_rise: float = 0.05) -> pd.DataFrame:
    """Topics whose share of texts rose from the previous period to the current one.

    Parameters
    ----------
    assigned : DataFrame
        ``topic`` per text.
    in_current, in_previous : array of bool
        Which texts belong to each period.
    topics : DataFrame, optional
        ``TopicModel.topics_`` for labels and quotes.
    min_texts : int
        A topic needs this many texts in the current period to be emerging.
    min_rise : float
        Rise of the share (in share points, e.g. 0.05 = 5 points) to be emerging.

    Returns
    -------
    DataFrame
        One row a topic, the biggest rise first: ``topic``, ``label``,
        ``n_current``, ``n_previous``, ``share_current``, ``share_previous``,
        ``rise`` (share points), ``emerging`` (bool) and ``verdict_code``
        (``rising``, ``no_clear_rise``, ``not_enough_texts`` under ``min_texts``,
        ``cannot_tell`` without texts in the previous period; words: ``verdict.<code>``).

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"topic": [0] * 6 + [1] * 6 + [0] * 8 + [1] * 2})
    >>> cur = [True] * 12 + [False] * 10
    >>> emerging_topics(a, cur, [not c for c in cur])[["topic", "share_current", "share_previous", "emerging"]]
       topic  share_current  share_previous  emerging
    0      1            0.5             0.2      True
    1      0            0.5             0.8     False
    """
    t = assigned["topic"].to_numpy()
    cur, prev = np.asarray(in_current, dtype=bool) & (t >= 0), np.asarray(in_previous, dtype=bool) & (t >= 0)
    k = int(t.max()) + 1 if len(t) and t.max() >= 0 else 0
    nc, npv = np.bincount(t[cur], minlength=k), np.bincount(t[prev], minlength=k)
    sc = share_of_total(nc, func="emerging_topics", name="share_current")
    sp = share_of_total(npv, func="emerging_topics", name="share_previous")  # no previous text: cannot tell
    out = pd.DataFrame({"topic": np.arange(k), "n_current": nc, "n_previous": npv, "share_current": sc,
                        "share_previous": sp, "rise": sc - sp})
    out["emerging"] = (out["n_current"] >= min_texts) & (out["rise"] >= min_rise)
    out["verdict_code"] = np.select([out["n_current"] < min_texts, out["rise"].isna(), out["emerging"]],
                                    ["not_enough_texts", "cannot_tell", "rising"], "no_clear_rise").astype(object)
    if topics is not None:
        out.insert(1, "label", out["topic"].map(topics.set_index("topic")["label"]))
        out["quote"] = out["topic"].map(topics.set_index("topic")["quote"])
    return out.sort_values(["rise", "topic"], ascending=[False, True], kind="stable").reset_index(drop=True)
