"""Ethnography: what people say, in their own words.

Top terms and hashtags, n-grams, collocations, keyword in context, emerging
terms, qualitative coding from a codebook, and representative quotes.
Tokens come from :func:`smanalysis.conversation.text.tokenize` (slang
normalised, emoji, hashtags and mentions kept); stopwords are Indonesian and
English.

Examples
--------
>>> texts = ["Kopi susu enak banget #kopisenja", "kopi susu gula aren mantap", "tempatnya nyaman"]
>>> terms(texts, top=2)[["term", "count", "docs"]]
   term  count  docs
0  kopi      2     2
1  susu      2     2
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

from ..ratios import divide
from ..exceptions import EmptyDataError, SchemaError, SMAnalysisWarning
from .._checks import check_choice
from ..schema import resolve_timezone
from ._common import FILLERS, NEGATIONS, as_texts, flat_tokens, local_period, require, token_lists

__all__ = ["NEGATIONS", "FILLERS", "terms", "ngrams", "collocations", "concordance", "emerging_terms"]

_MEASURES = ("pmi", "likelihood_ratio", "chi_sq", "student_t", "raw_freq")
_KINDS = ("word", "hashtag", "mention", "emoji", "all")


# --------------------------------------------------------------------------- tokens
def _explode(texts: pd.Series, stopwords: bool) -> pd.DataFrame:
    return flat_tokens(texts, stopwords=stopwords)


def _kind(terms: pd.Series) -> pd.Series:
    first = terms.str[0]
    return pd.Series(np.select(
        [first == "#", first == "@", ~terms.str.contains(r"\w", regex=True)],
        ["hashtag", "mention", "emoji"], "word"), index=terms.index)


# --------------------------------------------------------------------------- terms, ngrams
def terms(texts, *, top: int | None = 20, kind: str = "all", stopwords: bool = True,
          min_count: int = 1) -> pd.DataFrame:
    """Most frequent terms (words, hashtags, mentions, emoji), stopwords removed.

    Parameters
    ----------
    texts : Series or sequence of str
    top : int or None, default 20
        Rows returned (None: all).
    kind : {"all", "word", "hashtag", "mention", "emoji"}
    stopwords : bool, default True
        Drop Indonesian and English stopwords and chat fillers (:data:`FILLERS`).
        Negations are joined to the word after them first ("tidak_enak").
    min_count : int, default 1

    Returns
    -------
    DataFrame
        ``term``, ``kind``, ``count`` (occurrences), ``docs`` (texts containing
        it), ``share_docs`` = docs / number of texts. Sorted by count, then docs,
        then term.

    Examples
    --------
    >>> terms(["#kopi enak", "#kopi mahal", "enak"], kind="hashtag")
        term     kind  count  docs  share_docs
    0  #kopi  hashtag      2     2    0.666667
    """
    func = "terms"
    check_choice("kind", kind, _KINDS)
    s = as_texts(texts, func)
    cols = ["term", "kind", "count", "docs", "share_docs"]
    df = _explode(s, stopwords)
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("term", "kind") else float) for c in cols})
    out = df.groupby("term").agg(count=("doc", "size"), docs=("doc", "nunique")).reset_index()
    out["term"] = out["term"].astype(object)
    out["kind"] = _kind(out["term"].astype(str))
    if kind != "all":
        out = out[out["kind"] == kind]
    out = out[out["count"] >= min_count]
    out["share_docs"] = divide(out["docs"], len(s), func="terms", name="share_docs")
    out = out.sort_values(["count", "docs", "term"], ascending=[False, False, True])
    if top is not None:
        out = out.head(top)
    return out[cols].reset_index(drop=True)


def ngrams(texts, *, n: int = 2, top: int | None = 20, stopwords: bool = True, min_count: int = 1) -> pd.DataFrame:
    """Most frequent word n-grams inside each text (never across texts).

    Parameters
    ----------
    texts : Series or sequence of str
    n : int, default 2
    top : int or None, default 20
    stopwords : bool, default True
        Drop stopwords before forming n-grams.
    min_count : int, default 1

    Returns
    -------
    DataFrame
        ``ngram`` (tokens joined by a space), ``count``, ``docs``.

    Examples
    --------
    >>> ngrams(["es kopi susu", "kopi susu panas"], n=2, top=1)
           ngram  count  docs
    0  kopi susu      2     2
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"The value for `n` must be a positive integer, but {n!r} was passed.")
    s = as_texts(texts, "ngrams")
    toks = token_lists(s, stopwords=stopwords)
    rows = [(i, " ".join(t[j:j + n])) for i, t in enumerate(toks) for j in range(len(t) - n + 1)]
    if not rows:
        return pd.DataFrame({"ngram": pd.Series(dtype=object), "count": pd.Series(dtype="int64"),
                             "docs": pd.Series(dtype="int64")})
    df = pd.DataFrame(rows, columns=["doc", "ngram"])
    out = df.groupby("ngram").agg(count=("doc", "size"), docs=("doc", "nunique")).reset_index()
    out = out[out["count"] >= min_count].sort_values(["count", "docs", "ngram"], ascending=[False, False, True])
    if top is not None:
        out = out.head(top)
    out["ngram"] = out["ngram"].astype(object)
    return out.reset_index(drop=True)


def collocations(texts, *, measure: str = "likelihood_ratio", top: int = 20, min_count: int = 3,
                 stopwords: bool = True) -> pd.DataFrame:
    """Word pairs that occur together more than chance, by an nltk association measure.

    Parameters
    ----------
    texts : Series or sequence of str
    measure : {"likelihood_ratio", "pmi", "chi_sq", "student_t", "raw_freq"}
        nltk ``BigramAssocMeasures`` measure.
    top : int, default 20
    min_count : int, default 3
        Minimum count of the pair (PMI overrates rare pairs).
    stopwords : bool, default True

    Returns
    -------
    DataFrame
        ``w1``, ``w2``, ``collocation`` ("w1 w2"), ``count``, ``score``.

    Examples
    --------
    >>> t = ["gula aren enak", "kopi gula aren", "gula aren mantap", "kopi hitam"]
    >>> collocations(t, min_count=2, top=1)[["collocation", "count"]]
      collocation  count
    0   gula aren      3
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    check_choice("measure", measure, _MEASURES)
    s = as_texts(texts, "collocations")
    toks = [[t for t in row if re.search(r"\w", t)] for row in token_lists(s, stopwords=stopwords)]
    cols = ["w1", "w2", "collocation", "count", "score"]
    finder = BigramCollocationFinder.from_documents(toks)
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(getattr(BigramAssocMeasures, measure))[:top] if finder.ngram_fd else []
    if not scored:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("score",) else object) for c in cols})
    out = pd.DataFrame([(a, b, f"{a} {b}", finder.ngram_fd[(a, b)], sc) for (a, b), sc in scored], columns=cols)
    out["count"] = out["count"].astype("int64")
    return out


# --------------------------------------------------------------------------- KWIC
def concordance(texts, term: str, *, width: int = 40, regex: bool = False) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` with the text around it.

    Parameters
    ----------
    texts : Series or sequence of str
    term : str
        Word or phrase, matched case-insensitively at word boundaries (or a
        regular expression with ``regex=True``).
    width : int, default 40
        Characters of context on each side.
    regex : bool, default False

    Returns
    -------
    DataFrame
        ``doc`` (index label of the text), ``left``, ``keyword`` (as written),
        ``right``, ``start`` (character offset). One row per occurrence.

    Examples
    --------
    >>> concordance(["Kopinya enak, tapi antrinya lama banget", "lama nunggu"], "lama", width=10)
       doc      left keyword   right  start
    0    0  antrinya    lama  banget     28
    1    1              lama  nunggu      0
    """
    s = as_texts(texts, "concordance")
    if not isinstance(term, str) or not term.strip():
        raise ValueError("The value for `term` must be a non-empty string, but "
                         f"{term!r} was passed.")
    pat = re.compile(term if regex else r"(?<!\w)" + re.escape(term.strip()) + r"(?!\w)", re.IGNORECASE)
    txt = s.astype(object).where(s.notna(), "").astype(str)
    hit = txt[txt.str.contains(pat, regex=True)]
    rows = []
    for idx, t in hit.items():  # loops only over the matching texts
        for m in pat.finditer(t):
            a, b = m.span()
            left = t[max(0, a - width):a].replace("\n", " ")
            right = t[b:b + width].replace("\n", " ")
            rows.append((idx, left.strip(), m.group(0), right.strip(), a))
    out = pd.DataFrame(rows, columns=["doc", "left", "keyword", "right", "start"])
    out["start"] = out["start"].astype("int64")
    return out


# --------------------------------------------------------------------------- emerging
def emerging_terms(frame: pd.DataFrame, *, freq: str = "M", period=None, text_col: str = "text",
                   time_col: str = "created_at", top: int = 20, min_count: int = 3, smoothing: float = 1.0,
                   stopwords: bool = True, timezone: str | None = None, profile=None) -> pd.DataFrame:
    """Terms rising against the previous period.

    Counts are document frequencies (texts using the term), so one person
    repeating a word does not make it rise. The smoothed ratio compares the
    share of texts using the term::

        ratio = ((count + k) / (n + k)) / ((previous + k) / (n_previous + k))

    with ``k = smoothing`` and ``n``, ``n_previous`` the number of texts in
    each period.

    Parameters
    ----------
    frame : DataFrame
        Texts with timestamps (comments, mentions...).
    freq : str, default "M"
        Period alias; calendar periods in the timezone (default Asia/Jakarta).
    period : str or Period, optional
        Period to examine (e.g. "2026-10"); default the latest in the data.
    text_col, time_col : str
    top : int, default 20
    min_count : int, default 3
        Minimum number of texts using the term in the period.
    smoothing : float, default 1.0
    stopwords : bool, default True
    timezone, profile : optional

    Returns
    -------
    DataFrame
        ``period``, ``term``, ``count`` (texts in the period), ``previous``
        (texts in the previous period), ``ratio``, ``new`` (True when unused in
        the previous period). Sorted by ratio, highest first.

    Raises
    ------
    SchemaError
        When ``text_col`` or ``time_col`` is missing.
    EmptyDataError
        When the frame has no rows.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"text": ["kopi enak", "kopi", "matcha baru", "matcha enak", "kopi"],
    ...     "created_at": pd.to_datetime(["2026-09-05", "2026-09-06", "2026-10-01", "2026-10-02", "2026-10-03"], utc=True)})
    >>> emerging_terms(f, min_count=2)[["term", "count", "previous", "ratio"]]
         term  count  previous  ratio
    0  matcha      2         0   2.25
    """
    func = "emerging_terms"
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{func}: expected a pandas DataFrame, got {type(frame).__name__}")
    require(frame, [text_col, time_col], func)
    if len(frame) == 0:
        raise EmptyDataError(f"{func}: the frame has no rows")
    per = local_period(frame[time_col], freq, resolve_timezone(timezone, profile)).reset_index(drop=True)
    cur = per.max() if period is None else pd.Period(period, freq=per.dropna().iloc[0].freq)
    prev = cur - 1
    cols = ["period", "term", "count", "previous", "ratio", "new"]
    mask_c, mask_p = (per == cur).to_numpy(), (per == prev).to_numpy()
    n_c, n_p = int(mask_c.sum()), int(mask_p.sum())
    if n_p == 0:
        warnings.warn(f"{func}: no texts in the previous period {prev}; every term counts as new",
                      SMAnalysisWarning, stacklevel=2)
    texts = frame[text_col].reset_index(drop=True)
    sel = mask_c | mask_p
    df = _explode(texts[sel].reset_index(drop=True), stopwords)
    which = np.where(mask_c[sel], "count", "previous")
    df["which"] = which[df["doc"].to_numpy(int)]
    df = df.drop_duplicates(["doc", "term"])
    tab = pd.crosstab(df["term"], df["which"]).reindex(columns=["count", "previous"], fill_value=0)
    tab = tab[tab["count"] >= min_count]
    k = float(smoothing)
    ratio = divide(divide(tab["count"] + k, n_c + k, func=func, name="share now"),
                   divide(tab["previous"] + k, n_p + k, func=func, name="share before"), func=func, name="ratio")
    out = pd.DataFrame({"period": pd.Series([cur] * len(tab), dtype=per.dtype), "term": tab.index.astype(object),
                        "count": tab["count"].to_numpy("int64"), "previous": tab["previous"].to_numpy("int64"),
                        "ratio": ratio.to_numpy(float)})
    out["new"] = out["previous"] == 0
    out = out.sort_values(["ratio", "count", "term"], ascending=[False, False, True]).head(top)
    return out[cols].reset_index(drop=True)
