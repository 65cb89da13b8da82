"""Text preparation for colloquial Indonesian and English social media text.

Normalisation (Unicode NFKC, URLs, laughter, elongation, slang), tokenisation
that keeps emoji, emoticons, ``#hashtags`` and ``@mentions`` as tokens (nltk's
TweetTokenizer behaviour), camel-case hashtag splitting, emoji names and the
project's own stopword lists. Everything takes a Series (or list) of texts.

:func:`normalize` uses pandas string methods. :func:`tokenize` (and the
sentiment scorer and language identification) use a faster path: the corpus is
cut into whitespace chunks on its UTF-8 bytes with NumPy, each chunk is
identified by a 64-bit rolling hash, and only *distinct* chunks are decoded and
normalised in Python (cached), then mapped back to every occurrence with NumPy
(:mod:`smanalysis.conversation.tokens`). Both paths give the same tokens (tested). The patterns and
the data files are read in :mod:`smanalysis.conversation.textdata`.

Data files (written by this project, see ``smanalysis/data/``):
``slang_id.tsv`` (colloquial form -> standard form), ``stopwords_id.txt`` and
``stopwords_en.txt``.

Examples
--------
>>> from smanalysis.conversation.text import normalize, tokenize
>>> normalize(["Mantaaap bgt kak!! https://kopi.id"]).tolist()
['mantap banget kakak!! <url>']
>>> tokenize(["gk enak 😡 #KopiSenja @kopisenja.id"])
[['tidak', 'enak', '😡', '#kopisenja', '@kopisenja.id']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .._checks import check_choice
from ..words import LANGS
from .textdata import (
    ELONG_RE,
    LAUGH,
    SKIN_RE,
    SLANG_ID,
    STOPWORDS_EN,
    STOPWORDS_ID,
    TOKEN_PATTERN,
    TOKEN_RE,
    URL_RE,
    URL_TOKEN,
    as_text_series,
    fold_match,
    load_slang,
    slang_match,
)
from .tokens import token_arrays

__all__ = [
    "STOPWORDS_ID",
    "STOPWORDS_EN",
    "SLANG_ID",
    "URL_TOKEN",
    "TOKEN_PATTERN",
    "as_text_series",
    "load_slang",
    "normalize",
    "tokenize",
    "elongated",
    "fold_elongation",
    "split_hashtag",
    "hashtag_words",
    "emoji_names",
]



def elongated(texts) -> pd.Series:
    """Flag texts holding an elongated word (a letter three or more times in a row).

    Parameters
    ----------
    texts : Series, list or str

    Returns
    -------
    Series of bool
        Aligned to the input (a Series keeps its index).

    Examples
    --------
    >>> elongated(["mantaaap", "mantap", "1000"]).tolist()
    [True, False, False]
    """
    s = as_text_series(texts, func="elongated")
    return s.str.count(r"([^\W\d_])\1{2,}") > 0


def fold_elongation(texts) -> pd.Series:
    """Fold elongated words: 'mantaaap' -> 'mantap', 'goood' -> 'good', 'bangettt' -> 'banget'.

    A run of three or more equal letters is folded to two when that gives a known
    word (stopwords, slang, the lexicons) and to one otherwise.

    Examples
    --------
    >>> fold_elongation(["mantaaap", "sooo goood", "bangettt"]).tolist()
    ['mantap', 'so good', 'banget']
    """
    s = as_text_series(texts, func="fold_elongation")
    return s.str.replace(ELONG_RE, fold_match, regex=True)


def normalize(texts, *, lowercase: bool = True, urls: str | None = URL_TOKEN,
              fold: bool = True, slang: bool | dict = True, laughter: bool = True) -> pd.Series:
    """Normalise social media texts.

    Steps, in order: Unicode NFKC; emoji skin tones and variation selectors
    removed; URLs replaced by ``urls``; lower case; laughter unified
    ('wkwkwkwk' -> 'wkwk', 'hahaha' -> 'haha'); elongations folded
    (see :func:`fold_elongation`; use :func:`elongated` *before* normalising to
    keep the flag); slang replaced by the standard form (``gk`` -> ``tidak``,
    ``bgt`` -> ``banget``); reduplication with a digit folded (``anak2`` -> ``anak``);
    spaces collapsed.

    Parameters
    ----------
    texts : Series, list or str
        Texts; missing values become ``""``.
    lowercase : bool, default True
    urls : str or None, default "<url>"
        Replacement of each URL; ``None`` keeps URLs.
    fold : bool, default True
        Fold elongations.
    slang : bool or dict, default True
        Replace slang with the bundled :data:`SLANG_ID` (``True``), a dict of your own, or not (``False``).
        Slang replacement needs lower-case text.
    laughter : bool, default True

    Returns
    -------
    Series of str
        Aligned to the input (a Series keeps its index).

    Raises
    ------
    TypeError
        When ``texts`` is not text-like.

    Examples
    --------
    >>> normalize(["Gk enak, kemahalan wkwkwkwk", "Thx kak 🙏🏽"]).tolist()
    ['tidak enak, terlalu mahal wkwk', 'terima kasih kakak 🙏']
    """
    s = as_text_series(texts, func="normalize")
    if len(s) == 0:
        return s
    s = s.str.normalize("NFKC").str.replace(SKIN_RE, "", regex=True)
    if urls is not None:
        s = s.str.replace(URL_RE, f" {urls} ", regex=True)
    if lowercase:
        s = s.str.lower()
    if laughter:
        for pat, rep in LAUGH:
            s = s.str.replace(pat, rep, regex=True, flags=re.IGNORECASE)
    if fold:
        s = s.str.replace(ELONG_RE, fold_match, regex=True)
    if slang is not False:
        table = SLANG_ID if slang is True else {str(k).lower(): str(v) for k, v in dict(slang).items()}
        s = s.str.replace(r"(?<![@#\w])[^\W_]+(?!\w)",
                          lambda m: slang_match(m, table), regex=True)
    s = s.str.replace(r"\b([^\W\d_]{2,})2\b", r"\1", regex=True)
    return s.str.replace(r"\s+", " ", regex=True).str.strip()


def tokenize(texts, *, normalise_slang: bool = True, stopwords: bool | Iterable[str] = False,
             lowercase: bool = True) -> list[list[str]]:
    """Split texts into tokens, keeping emoji, emoticons, ``#hashtags`` and ``@mentions``.

    Texts are first passed through :func:`normalize`. Punctuation is dropped; a
    URL becomes the token ``"<url>"``; words keep inner hyphens and apostrophes
    ("kue-kue", "don't").

    Parameters
    ----------
    texts : Series, list or str
    normalise_slang : bool, default True
        Replace slang (``gk`` -> ``tidak``).
    stopwords : bool or iterable of str, default False
        ``False`` keeps every token; ``True`` removes :data:`STOPWORDS_ID` and
        :data:`STOPWORDS_EN`; an iterable removes those words.
    lowercase : bool, default True

    Returns
    -------
    list of list of str
        One token list per text, in input order.

    Examples
    --------
    >>> tokenize(["Kopinya enak bgt :) #NgopiSore"], stopwords=True)
    [['kopinya', 'enak', ':)', '#ngopisore']]
    """
    if lowercase:
        # fast path: one split of the joined corpus, per-distinct-chunk work (same tokens as below)
        s = as_text_series(texts, func="tokenize")
        doc, tok, voc, _ = token_arrays(s, slang=SLANG_ID if normalise_slang else None)
        drop = {w for w in voc.tolist() if w in (".", "?") or w.startswith("!")}
        if stopwords is not False:
            drop |= (STOPWORDS_ID | STOPWORDS_EN) if stopwords is True else {w.lower() for w in stopwords}
        if drop:
            keep = np.fromiter((w not in drop for w in voc.tolist()), dtype=bool, count=len(voc))
            m = keep[tok]
            doc, tok = doc[m], tok[m]
        words = voc[tok].tolist()
        bounds = np.searchsorted(doc, np.arange(1, len(s))).tolist()
        out, start = [], 0
        for b in bounds:
            out.append(words[start:b])
            start = b
        out.append(words[start:])
        return out if len(s) else []
    s = normalize(texts, slang=normalise_slang, lowercase=lowercase)
    toks = s.str.findall(TOKEN_RE)
    if stopwords is not False:
        stop = (STOPWORDS_ID | STOPWORDS_EN) if stopwords is True else frozenset(w.lower() for w in stopwords)
        return [[t for t in row if t not in stop] for row in toks]
    return [list(row) for row in toks]


_CAMEL_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def split_hashtag(tag: str) -> list[str]:
    """Split a camel-case hashtag into lower-case words.

    Examples
    --------
    >>> split_hashtag("#KopiSenjaJogja")
    ['kopi', 'senja', 'jogja']
    >>> split_hashtag("#UMKMNaikKelas2026")
    ['umkm', 'naik', 'kelas', '2026']
    >>> split_hashtag("#kopisenja")
    ['kopisenja']
    """
    return [w.lower() for w in _CAMEL_RE.findall(str(tag).lstrip("#"))]


def hashtag_words(texts) -> pd.Series:
    """The hashtags of each text, camel-case split into words.

    Returns
    -------
    Series of list of str
        Aligned to the input; a text without hashtags gives ``[]``.

    Examples
    --------
    >>> hashtag_words(["Sore ini #NgopiSantai #KopiSenja", "tanpa tagar"]).tolist()
    [['ngopi', 'santai', 'kopi', 'senja'], []]
    """
    s = as_text_series(texts, func="hashtag_words").str.normalize("NFKC")
    tags = s.str.findall(r"#(\w+)")
    return tags.map(lambda ts: [w for t in ts for w in split_hashtag(t)])


def emoji_names(texts, *, lang: str = "id") -> pd.Series:
    """Replace each emoji by its name in Bahasa Indonesia or English (from the ``emoji`` package).

    Useful to read or count emoji in reports; names are written ``:name_with_underscores:``
    and skin tones are dropped first.

    Parameters
    ----------
    texts : Series, list or str
    lang : {"id", "en"}, default "id"

    Returns
    -------
    Series of str
        Aligned to the input.

    Raises
    ------
    ValueError
        When ``lang`` is not "id" or "en".

    Examples
    --------
    >>> emoji_names(["enak 👍🏽"], lang="en").tolist()
    ['enak :thumbs_up:']
    >>> emoji_names(["enak 👍"]).tolist()
    ['enak :jempol_ke_atas:']
    """
    check_choice("lang", lang, LANGS)
    import emoji

    s = as_text_series(texts, func="emoji_names").str.replace(SKIN_RE, "", regex=True)
    return s.map(lambda x: emoji.demojize(x, language=lang))
