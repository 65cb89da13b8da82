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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .._yaml import read_yaml
from ..exceptions import EmptyDataError, SchemaError, SMAnalysisWarning
from .._checks import check_choice
from ._common import FILLERS, NEGATIONS, flat_tokens, local_period, require, resolve_timezone, token_lists

__all__ = ["NEGATIONS", "FILLERS", "terms", "ngrams", "collocations", "concordance", "emerging_terms", "code", "CodingResult",
           "load_codebook", "quotes"]

_MEASURES = ("pmi", "likelihood_ratio", "chi_sq", "student_t", "raw_freq")
_KINDS = ("word", "hashtag", "mention", "emoji", "all")


# --------------------------------------------------------------------------- tokens
def _as_series(texts, func: str) -> pd.Series:
    if isinstance(texts, pd.DataFrame):
        raise TypeError(f"{func}: expected texts (a Series or a list of str), got a DataFrame; pass frame['text']")
    if isinstance(texts, str):
        texts = [texts]
    return texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)


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
    s = _as_series(texts, func)
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
    out["share_docs"] = out["docs"] / len(s)
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
    s = _as_series(texts, "ngrams")
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
    s = _as_series(texts, "collocations")
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
    s = _as_series(texts, "concordance")
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
    ratio = ((tab["count"] + k) / (n_c + k)) / ((tab["previous"] + k) / (n_p + k))
    out = pd.DataFrame({"period": pd.Series([cur] * len(tab), dtype=per.dtype), "term": tab.index.astype(object),
                        "count": tab["count"].to_numpy("int64"), "previous": tab["previous"].to_numpy("int64"),
                        "ratio": ratio.to_numpy(float)})
    out["new"] = out["previous"] == 0
    out = out.sort_values(["ratio", "count", "term"], ascending=[False, False, True]).head(top)
    return out[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- coding
@dataclass(frozen=True)
class CodingResult:
    """Result of :func:`code`.

    Attributes
    ----------
    assignments : DataFrame
        One boolean column per code, aligned to the texts' index.
    counts : DataFrame
        ``code``, ``label``, ``texts`` (texts with the code), ``share`` (of all texts).
    cooccurrence : DataFrame
        Code x code matrix: texts carrying both codes (diagonal: texts with the code).
    quotes : DataFrame
        ``code``, ``doc`` (index label), ``text``, ``similarity``: representative
        quotes per code (:func:`quotes`).
    """

    assignments: pd.DataFrame
    counts: pd.DataFrame
    cooccurrence: pd.DataFrame
    quotes: pd.DataFrame


def load_codebook(codebook: Mapping | str | Path) -> dict[str, dict]:
    """Read a codebook (a mapping or a YAML path) into ``{code: {label, pattern}}``.

    Accepted layouts (top level ``codes:`` or ``themes:``, or the codes themselves)::

        codes:
          harga:
            label: Harga            # optional
            keywords: [mahal, murah, "harga*"]   # whole words/phrases; * = any word ending
            patterns: ['diskon \\d+']            # regular expressions
          rasa: [enak, pahit, manis]            # a bare list = keywords

    Also a list of ``{code|name, label, keywords, patterns}`` items.

    Raises
    ------
    SchemaError
        When the YAML is invalid (file, line, column named) or a code has no keyword nor pattern.

    Examples
    --------
    >>> cb = load_codebook({"themes": {"harga": {"keywords": ["mahal", "murah*"]}}})
    >>> cb["harga"]["pattern"]
    '(?<!\\\\w)(?:murah\\\\w*|mahal)(?!\\\\w)'
    """
    src = "codebook"
    if isinstance(codebook, (str, Path)):
        path = Path(codebook)
        src = path.name
        data = read_yaml(path)
    else:
        data = codebook
    if isinstance(data, Mapping):
        for key in ("codes", "themes"):
            if key in data:
                data = data[key]
                break
    if isinstance(data, list):
        data = {str(d.get("code") or d.get("name")): d for d in data if isinstance(d, Mapping)}
    if not isinstance(data, Mapping) or not data:
        raise SchemaError(f"{src}: a codebook must map codes to keywords or patterns; got {type(data).__name__}")
    out = {}
    for name, spec in data.items():
        if isinstance(spec, (list, tuple)):
            spec = {"keywords": list(spec)}
        elif isinstance(spec, str):
            spec = {"keywords": [spec]}
        spec = dict(spec or {})
        kws = [str(k).strip().lower() for k in (spec.get("keywords") or []) if str(k).strip()]
        pats = [str(p) for p in (spec.get("patterns") or [])]
        if not kws and not pats:
            raise SchemaError(f"{src}: code {name!r} has no keywords nor patterns")
        alts = []
        if kws:
            words = [re.escape(k[:-1]) + r"\w*" if k.endswith("*") else re.escape(k) for k in kws]
            alts.append(r"(?<!\w)(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + r")(?!\w)")
        for p in pats:
            try:
                re.compile(p)
            except re.error as err:
                raise SchemaError(f"{src}: code {name!r} has an invalid pattern {p!r}: {err}") from err
            alts.append(f"(?:{p})")
        out[str(name)] = {"label": str(spec.get("label") or name),
                          "pattern": alts[0] if len(alts) == 1 else "|".join(alts)}
    return out


def code(texts, codebook: Mapping | str | Path, *, n_quotes: int = 3) -> CodingResult:
    """Qualitative coding of texts with a codebook of themes and keywords.

    Matching is case-insensitive on the text, at word boundaries, on the text
    as written and with elongations folded ("mantaaap" also matches "mantap");
    a text may carry several codes.

    Parameters
    ----------
    texts : Series or sequence of str
    codebook : mapping or path
        See :func:`load_codebook` for the layout.
    n_quotes : int, default 3
        Representative quotes per code (nearest the code's TF-IDF centroid).

    Returns
    -------
    CodingResult
        ``assignments``, ``counts``, ``cooccurrence``, ``quotes``.

    Examples
    --------
    >>> cb = {"harga": ["mahal", "murah"], "rasa": ["enak", "pahit"]}
    >>> r = code(["enak tapi mahal", "murah", "pahit banget", "tempatnya luas"], cb)
    >>> r.counts[["code", "texts", "share"]]
        code  texts  share
    0  harga      2    0.5
    1   rasa      2    0.5
    >>> int(r.cooccurrence.loc["harga", "rasa"])
    1
    """
    s = _as_series(texts, "code")
    book = load_codebook(codebook)
    low = s.astype(object).where(s.notna(), "").astype(str).str.lower()
    folded = low.str.replace(r"([^\W\d_])\1{2,}", r"\1", regex=True)  # "mantaaap" -> "mantap"
    changed = (folded != low).to_numpy()
    assign = {}
    for c, spec in book.items():  # one vectorised pass a code
        hit = low.str.contains(spec["pattern"], regex=True).to_numpy(bool, copy=True)
        if changed.any():
            hit[changed] |= folded[changed].str.contains(spec["pattern"], regex=True).to_numpy(bool)
        assign[c] = hit
    assign = pd.DataFrame(assign, index=s.index)
    n = len(s)
    counts = pd.DataFrame({"code": list(book), "label": [b["label"] for b in book.values()],
                           "texts": assign.sum().to_numpy("int64")})
    counts["share"] = counts["texts"] / n if n else np.nan
    m = assign.to_numpy(int)
    co = pd.DataFrame(m.T @ m, index=list(book), columns=list(book))
    parts = []
    for c in book:  # loops over codes, not rows
        sub = s[assign[c].to_numpy()]
        if len(sub):
            q = quotes(sub, n=n_quotes)
            q.insert(0, "code", c)
            parts.append(q)
    qcols = ["code", "doc", "text", "kind", "similarity"]
    qs = pd.concat(parts, ignore_index=True)[qcols] if parts else pd.DataFrame(
        {c: pd.Series(dtype=object) for c in qcols})
    return CodingResult(assignments=assign, counts=counts, cooccurrence=co, quotes=qs)


# --------------------------------------------------------------------------- quotes
def quotes(texts, *, scores=None, n: int = 3, min_words: int = 3, extremes: bool = False,
           max_similarity: float = 0.7) -> pd.DataFrame:
    """Representative quotes: the texts most typical of the group, not only its extremes.

    Without ``scores`` the typical texts are those nearest (cosine) the TF-IDF
    centroid of the group; with ``scores`` (e.g. sentiment scores) they are the
    texts whose score is nearest the group's median. Duplicates and texts
    shorter than ``min_words`` words are skipped (unless nothing else is left).

    Parameters
    ----------
    texts : Series or sequence of str
    scores : Series or sequence of float, optional
        Aligned with ``texts``.
    n : int, default 3
        Typical quotes returned.
    min_words : int, default 3
    extremes : bool, default False
        Also return the lowest and highest scored text (needs ``scores``)
        with ``kind`` "lowest"/"highest".
    max_similarity : float, default 0.7
        A candidate whose TF-IDF cosine to a quote already chosen reaches this
        is skipped, so that the quotes are not copies of one another.

    Returns
    -------
    DataFrame
        ``doc`` (index label), ``text``, ``kind`` ("typical", "lowest",
        "highest") and ``similarity`` (cosine to the centroid, or minus the
        distance to the median score).

    Raises
    ------
    ValueError
        When ``scores`` does not have one value per text.

    Examples
    --------
    >>> t = ["kopinya enak dan murah", "kopinya enak sekali", "enak dan murah kopinya", "parkir susah"]
    >>> quotes(t, n=1, min_words=2)["text"].tolist()
    ['kopinya enak dan murah']
    """
    s = _as_series(texts, "quotes")
    cols = ["doc", "text", "kind", "similarity"]
    if scores is not None:
        sc_all = np.asarray(scores, dtype=float)
        if sc_all.shape != (len(s),):
            raise ValueError(f"quotes: `scores` has {sc_all.size} values but `texts` has {len(s)}")
    txt = s.astype(object).where(s.notna(), "").astype(str)
    ok = txt.str.strip().ne("") & ~txt.str.strip().str.lower().duplicated()
    cand = txt[ok]
    long = cand[cand.str.split().str.len() >= min_words]
    if len(long):
        cand = long
    if cand.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c != "similarity" else float) for c in cols})
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:  # rows are L2-normalised: a dot product is a cosine
        x = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", sublinear_tf=True).fit_transform(cand)
    except ValueError:  # no word at all (emoji only)
        x = None
    if scores is not None:
        sc = pd.Series(sc_all, index=s.index)[cand.index]
        sim = -(sc - sc.median()).abs()
    elif x is None:
        sim = pd.Series(0.0, index=cand.index)
    else:
        centroid = np.asarray(x.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid) or 1.0
        sim = pd.Series(np.asarray(x @ (centroid / norm)).ravel(), index=cand.index)
    order = pd.DataFrame({"pos": np.arange(len(sim)), "sim": sim.to_numpy()}).sort_values(
        ["sim", "pos"], ascending=[False, True])["pos"].to_numpy()
    # greedy: the most typical first, skipping near-copies of a quote already taken
    # (retweets, the same template with another brand name)
    pick: list[int] = []
    for p in order[: max(50 * n, 200)]:  # loops over a few candidates, not over the data
        if len(pick) == n:
            break
        if x is not None and pick and (x[pick] @ x[p].T).max() >= max_similarity:
            continue
        pick.append(int(p))
    pick = np.asarray(pick, dtype=int)
    out = pd.DataFrame({"doc": cand.index[pick], "text": cand.iloc[pick].to_numpy(), "kind": "typical",
                        "similarity": sim.iloc[pick].to_numpy(float)})
    if extremes and scores is not None:
        lo, hi = sc.idxmin(), sc.idxmax()
        ext = pd.DataFrame({"doc": [lo, hi], "text": [txt[lo], txt[hi]], "kind": ["lowest", "highest"],
                            "similarity": [sim[lo], sim[hi]]})
        out = pd.concat([out, ext], ignore_index=True)
    return out[cols]
