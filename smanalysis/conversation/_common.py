"""Helpers shared by the conversation modules (voice, ethnography, care, tone): option and
column checks, time zones and periods, and the term tokens with negations kept (``tidak_enak``)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

import numpy as np
import pandas as pd

from ..schema import require_columns
from .text import STOPWORDS_EN, STOPWORDS_ID, URL_TOKEN, tokenize

__all__ = ["require", "local_period", "NEGATIONS", "FILLERS", "flat_tokens",
           "token_lists", "norm_labels", "as_texts"]


def require(frame: pd.DataFrame, cols: Iterable[str], func: str, what: str = "input") -> None:
    """Raise SchemaError naming ``func`` when ``frame`` lacks any of ``cols``."""
    require_columns(frame, cols, func=func, what=f"{what} frame")


def local_period(times: pd.Series, freq: str, timezone: str) -> pd.Series:
    """Calendar period (in ``timezone``) of UTC (or naive, taken as UTC) timestamps."""
    ts = pd.to_datetime(times, utc=True, errors="coerce")
    local = ts.dt.tz_convert(timezone).dt.tz_localize(None)
    try:
        return local.dt.to_period(freq)
    except (ValueError, TypeError) as err:
        raise ValueError(
            f"The value for `freq` must be a pandas period alias such as 'D', 'W', 'M', 'Q' or 'Y', "
            f"but {freq!r} was passed."
        ) from err


#: Negations joined to the next word ("tidak enak" -> "tidak_enak") so that the term keeps its sense.
NEGATIONS = frozenset({"tidak", "bukan", "belum", "jangan", "tanpa", "kurang", "not", "no", "never"})


#: Interjections and fillers of chat writing, dropped with the stopwords: they say how people write,
#: not what they talk about (:func:`smanalysis.conversation.tone` measures the former).
FILLERS = frozenset({"wkwk", "wkwkwk", "wkwkwkwk", "haha", "hahaha", "hehe", "hehehe", "hihi", "xixi", "hmm", "hm",
                     "duh", "aduh", "huft", "gils", "anjir", "anjay", "asli", "sumpah", "fix", "ngomong", "btw",
                     "lol", "omg", "wow", "astaga", "yaampun", "cie", "ciee", "nah"})
_BRIDGES = frozenset({"pernah", "terlalu", "begitu", "bakal", "akan", "terlalu", "so", "too", "very"})


def _isin(values: np.ndarray, words) -> np.ndarray:
    """Hash-based membership of an object array (``np.isin`` sorts objects, which is slow)."""
    return pd.Series(values, dtype=object).isin(list(words)).to_numpy(bool)


def flat_tokens(texts: pd.Series, *, stopwords: bool = True, negation: bool = True) -> pd.DataFrame:
    """All tokens of the texts as one frame: ``doc`` (0-based position of the text), ``term``.

    Tokens are lower case with slang normalised (:func:`smanalysis.conversation.text.tokenize`);
    URLs are dropped. With ``negation`` a negation is joined to the content word after it
    (through one bridge word: "tidak pernah kecewa" -> "tidak_pernah_kecewa") before the
    stopwords go, since the Indonesian stopword list holds "tidak", "belum", "kurang"...
    A negation followed by a stopword (an address such as "kakak", a pronoun) is left alone.
    The work is done on flat NumPy arrays, not per text.
    """
    s = texts.astype(object).where(texts.notna(), "").astype(str)
    toks = tokenize(s, stopwords=False)
    lens = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
    tok = np.fromiter(chain.from_iterable(toks), dtype=object, count=int(lens.sum()))
    doc = np.repeat(np.arange(len(toks)), lens)
    if negation and len(tok):
        all_stop = STOPWORDS_ID | STOPWORDS_EN
        n = len(tok)
        is_neg = _isin(tok, NEGATIONS)
        is_bridge = _isin(tok, _BRIDGES)
        alnum = np.array([t[:1].isalnum() for t in tok], dtype=bool) if is_neg.any() else np.zeros(n, bool)
        content = alnum & ~is_neg & ~is_bridge & ~_isin(tok, all_stop - NEGATIONS - _BRIDGES)
        nxt = np.append(np.arange(1, n), n - 1)
        nxt2 = np.append(np.arange(2, n), [n - 1, n - 1])
        same1 = np.append(doc[1:] == doc[:-1], False)
        same2 = np.append(doc[2:] == doc[:-2], [False, False])
        three = is_neg & same1 & same2 & is_bridge[nxt] & content[nxt2]
        two = is_neg & same1 & content[nxt] & ~three
        tok = tok.copy()
        i2, i3 = np.flatnonzero(two), np.flatnonzero(three)
        if len(i2):
            tok[i2] = tok[i2] + "_" + tok[i2 + 1]
        if len(i3):
            tok[i3] = tok[i3] + "_" + tok[i3 + 1] + "_" + tok[i3 + 2]
        drop = np.zeros(n, dtype=bool)
        drop[i2 + 1] = True
        drop[i3 + 1] = True
        drop[i3 + 2] = True
        tok, doc = tok[~drop], doc[~drop]
    stop = (STOPWORDS_ID | STOPWORDS_EN | FILLERS | {URL_TOKEN}) if stopwords else {URL_TOKEN}
    keep = ~_isin(tok, stop)
    return pd.DataFrame({"doc": doc[keep], "term": tok[keep]})


def token_lists(texts: pd.Series, *, stopwords: bool = True, negation: bool = True) -> list[list[str]]:
    """Token lists of each text (see :func:`flat_tokens`), for the term and driver analyses."""
    flat = flat_tokens(texts, stopwords=stopwords, negation=negation)
    bounds = np.searchsorted(flat["doc"].to_numpy(), np.arange(len(texts) + 1))
    terms_ = flat["term"].to_numpy()
    return [terms_[a:b].tolist() for a, b in zip(bounds[:-1], bounds[1:])]


def norm_labels(labels: pd.Series) -> pd.Series:
    """Lower-case sentiment labels, mapping common short forms (pos/neg/neu, +1/0/-1)."""
    s = labels.astype("string").str.strip().str.lower()
    return s.replace({"pos": "positive", "neg": "negative", "neu": "neutral", "1": "positive",
                      "-1": "negative", "0": "neutral", "positif": "positive", "negatif": "negative",
                      "netral": "neutral", "1.0": "positive", "-1.0": "negative", "0.0": "neutral"})


def as_texts(texts, func: str) -> pd.Series:
    """Texts as a Series (a str is one text); a DataFrame is refused with a hint."""
    if isinstance(texts, pd.DataFrame):
        raise TypeError(f"{func}: expected texts (a Series or a list of str), got a DataFrame; pass frame['text']")
    if isinstance(texts, str):
        texts = [texts]
    return texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
