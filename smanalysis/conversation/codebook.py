"""Qualitative coding from a codebook, and representative quotes (ethnography, continued).

A codebook maps a code to its label, description and keywords; :func:`code` counts the texts of
each code and keeps a few quotes; :func:`quotes` picks representative or extreme texts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..ratios import divide
from .._yaml import read_yaml
from ..exceptions import SchemaError
from ._common import as_texts

__all__ = ["CodingResult", "load_codebook", "code", "quotes"]


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
    if isinstance(codebook, (str, Path)) and Path(codebook).is_file():
        path = Path(codebook).resolve()
        st = path.stat()  # a changed file is read again
        return {k: dict(v) for k, v in _codebook_file(str(path), st.st_mtime_ns, st.st_size).items()}
    return _load_codebook(codebook)


@functools.lru_cache(maxsize=16)
def _codebook_file(path: str, mtime_ns: int, size: int) -> dict[str, dict]:
    """:func:`load_codebook` of a file, read once per version of it (a report codes several tables)."""
    return _load_codebook(Path(path))


def _load_codebook(codebook) -> dict[str, dict]:
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
        Representative quotes per code (nearest the code's TF-IDF centroid); 0 leaves them out
        (an empty ``quotes``, and no TF-IDF work: for callers that only count).

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
    s = as_texts(texts, "code")
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
    counts["share"] = divide(counts["texts"], n, func="code", name="share")
    m = assign.to_numpy(int)
    co = pd.DataFrame(m.T @ m, index=list(book), columns=list(book))
    parts = []
    for c in book:  # loops over codes, not rows
        sub = s[assign[c].to_numpy()] if n_quotes > 0 else s.iloc[:0]
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
    s = as_texts(texts, "quotes")
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
    from .factorise import Tfidf, word_tokens

    try:  # rows are L2-normalised: a dot product is a cosine (scikit-learn's TfidfVectorizer, without its import)
        x = Tfidf().fit_transform(word_tokens(cand))
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
