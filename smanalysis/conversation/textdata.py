"""The text data and patterns of the conversation layer: token and URL patterns, laughter and
elongation rules, the bundled stopword lists and slang dictionary (``smanalysis/data/``), and the
coercion of any text input to a Series of str. Shared by :mod:`.text` (normalise, tokenise) and
:mod:`.tokens` (the fast tokeniser engine)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

__all__ = ["URL_TOKEN", "TOKEN_PATTERN", "TOKEN_RE", "URL_RE", "SKIN_RE", "ELONG_RE", "LAUGH", "STOPWORDS_ID",
           "STOPWORDS_EN", "SLANG_ID", "data_lines", "load_slang", "as_text_series", "fold_word", "fold_match",
           "slang_match"]

URL_TOKEN = "<url>"

# Emoji code point ranges (pictographs, symbols, dingbats, flags); skin tones and
# the emoji variation selector are removed by ``normalize``.
_EMOJI_CHARS = (
    "\U0001F000-\U0001F3FA\U0001F400-\U0001FAFF"  # pictographs (skin tones 1F3FB-1F3FF excluded)
    "\u2600-\u27BF\u2300-\u23FF\u2B00-\u2BFF\u2190-\u21FF\u3030\u303D\u3297\u3299"
)
_EMOJI = f"[{_EMOJI_CHARS}](?:\u200d[{_EMOJI_CHARS}])*"
# Emoticons, in lower case (``normalize`` lower-cases by default).
_EMOTICONS = [
    ":-)", ":)", ":-d", ":d", ":-(", ":(", ":'(", ":')", ";)", ";-)", ":p", ":-p", ":v", ":3",
    ":/", ":-/", ":|", ":o", ":*", "<3", "</3", "^_^", "^^", "t_t", "-_-", "xd", "=)", "=(",
    ">:(", "(:", "):", ":\")",
]
_EMOTICON = "|".join(re.escape(e) for e in sorted(_EMOTICONS, key=len, reverse=True))
URL_RE = r"(?:https?://|www\.)\S+"
TOKEN_PATTERN = (
    rf"<url>|@[\w.]*\w|#\w+|(?:(?<=\s)|^)(?:{_EMOTICON})(?=\s|$)|{_EMOJI}"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*[^\W\d_]*"
)
"""Regular expression of one token (applied to normalised text)."""

TOKEN_RE = re.compile(TOKEN_PATTERN)
ELONG_RE = r"[^\W\d_]*([^\W\d_])\1{2,}[^\W\d_]*"
SKIN_RE = "[\U0001F3FB-\U0001F3FF\uFE0F\uFE0E]"
LAUGH = [
    (r"\b(?:w+k+)+w*\b", "wkwk"),
    (r"\b(?:a*(?:ha){2,}h?)\b", "haha"),
    (r"\b(?:he){2,}h?\b", "hehe"),
    (r"\b(?:hi){2,}h?\b", "hihi"),
]


def data_lines(name: str) -> list[str]:
    """The lines of a bundled data file, without blank lines and ``#`` comments."""
    text = resources.files("smanalysis").joinpath("data", name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _wordset(name: str) -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines(name))


STOPWORDS_ID: frozenset[str] = _wordset("stopwords_id.txt")
"""Indonesian stopwords (function words, pronouns, particles, colloquial fillers)."""
STOPWORDS_EN: frozenset[str] = _wordset("stopwords_en.txt")
"""English stopwords."""


def load_slang(path=None) -> dict[str, str]:
    """Read a slang dictionary: a tab-separated file ``slang<TAB>standard``.

    Parameters
    ----------
    path : str or Path, optional
        File to read; default the bundled ``smanalysis/data/slang_id.tsv``.
        Lines starting with ``#`` and a header line ``slang<TAB>standard`` are skipped.

    Returns
    -------
    dict
        Lower-case slang form -> standard form (which may hold several words).

    Raises
    ------
    ValueError
        When a line does not have two tab-separated fields (names file and line).

    Examples
    --------
    >>> load_slang()["bgt"]
    'banget'
    """
    if path is None:
        name = "slang_id.tsv"
        lines = list(enumerate(
            resources.files("smanalysis").joinpath("data", name).read_text(encoding="utf-8").splitlines(), 1))
    else:
        name = str(path)
        with open(path, encoding="utf-8") as fh:
            lines = list(enumerate(fh.read().splitlines(), 1))
    out: dict[str, str] = {}
    for lineno, ln in lines:
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        parts = ln.split("\t")
        if len(parts) != 2 or not parts[0].strip():
            raise ValueError(f"{name}, line {lineno}: expected 'slang<TAB>standard', got {ln!r}")
        key, val = parts[0].strip().lower(), parts[1].strip().lower()
        if (key, val) == ("slang", "standard"):
            continue
        out.setdefault(key, val)
    return out


SLANG_ID: dict[str, str] = load_slang()
"""The bundled colloquial Indonesian dictionary (slang -> standard form)."""


def as_text_series(texts, *, func: str = "smanalysis") -> pd.Series:
    """Coerce ``texts`` (str, list, tuple, array, Index or Series) to a Series of str.

    Missing values become ``""``; a Series keeps its index; a single ``str`` is one text.

    Raises
    ------
    TypeError
        When ``texts`` is not text-like (a number, a DataFrame, a dict...).

    Examples
    --------
    >>> as_text_series("enak").tolist()
    ['enak']
    """
    if isinstance(texts, str):
        s = pd.Series([texts], dtype=object)
    elif isinstance(texts, pd.Series):
        s = texts
    elif isinstance(texts, (list, tuple, np.ndarray, pd.Index)):
        s = pd.Series(list(texts), dtype=object)
    else:
        raise TypeError(
            f"{func}: expected a Series, list or str of texts, got {type(texts).__name__}"
        )
    if isinstance(s.dtype, pd.StringDtype):
        return s.fillna("") if s.hasnans else s
    s = s.astype(object)
    mask = s.isna()
    if mask.any():
        s = s.where(~mask, "")
    return s.astype(str)


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Words used to decide how far to fold an elongation ('goood' -> 'good', not 'god')."""
    words = set(STOPWORDS_ID) | set(STOPWORDS_EN)
    for v in SLANG_ID.values():
        words.update(v.split())
    try:
        for ln in data_lines("lexicon_id.tsv"):
            words.update(ln.split("\t")[0].split())
    except (FileNotFoundError, OSError):  # pragma: no cover - lexicon ships with the package
        pass
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as _S  # noqa: F401
        import vaderSentiment

        p = resources.files(vaderSentiment).joinpath("vader_lexicon.txt")
        words.update(ln.split("\t", 1)[0] for ln in p.read_text(encoding="utf-8").splitlines())
    except Exception:  # pragma: no cover - vaderSentiment is a dependency
        pass
    words.update(("good", "cool", "soon", "too", "see", "feel", "food", "need", "sweet", "coffee",
                  "maaf", "saat", "taat", "jumaat"))
    return frozenset(words)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold an elongated word to a known word ("goood" -> "good", "mantaaap" -> "mantap")."""
    two = re.sub(r"([^\W\d_])\1{2,}", r"\1\1", word)
    if two in _known_words():
        return two
    return re.sub(r"([^\W\d_])\1+", r"\1", two) if two != word else word


def fold_match(m: re.Match) -> str:
    """:func:`fold_word` of a regex match (for ``str.replace``)."""
    return fold_word(m.group(0))


def slang_match(m: re.Match, table: dict) -> str:
    """The standard form of a matched slang word (the word itself when unknown)."""
    w = m.group(0)
    return table.get(w, w)
