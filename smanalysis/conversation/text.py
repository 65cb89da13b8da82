"""Text preparation for colloquial Indonesian and English social media text.

Normalisation (Unicode NFKC, URLs, laughter, elongation, slang), tokenisation
that keeps emoji, emoticons, ``#hashtags`` and ``@mentions`` as tokens (nltk's
TweetTokenizer behaviour), camel-case hashtag splitting, emoji names and the
project's own stopword lists. Everything takes a Series (or list) of texts.

:func:`normalize` uses pandas string methods. :func:`tokenize` (and the
sentiment scorer and language identification) use a faster path: the corpus is
cut into whitespace chunks on its UTF-8 bytes with NumPy, each chunk is
identified by a 64-bit rolling hash, and only *distinct* chunks are decoded and
normalised in Python (cached), then mapped back to every occurrence with NumPy.
Both paths give the same tokens (tested).

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
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from .._checks import check_choice
from ..words import LANGS

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
_URL_RE = r"(?:https?://|www\.)\S+"
TOKEN_PATTERN = (
    rf"<url>|@[\w.]*\w|#\w+|(?:(?<=\s)|^)(?:{_EMOTICON})(?=\s|$)|{_EMOJI}"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*[^\W\d_]*"
)
"""Regular expression of one token (applied to normalised text)."""

_TOKEN_RE = re.compile(TOKEN_PATTERN)
_ELONG_RE = r"[^\W\d_]*([^\W\d_])\1{2,}[^\W\d_]*"
_SKIN_RE = "[\U0001F3FB-\U0001F3FF\uFE0F\uFE0E]"
_LAUGH = [
    (r"\b(?:w+k+)+w*\b", "wkwk"),
    (r"\b(?:a*(?:ha){2,}h?)\b", "haha"),
    (r"\b(?:he){2,}h?\b", "hehe"),
    (r"\b(?:hi){2,}h?\b", "hihi"),
]


def _data_lines(name: str) -> list[str]:
    text = resources.files("smanalysis").joinpath("data", name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _wordset(name: str) -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _data_lines(name))


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
        for ln in _data_lines("lexicon_id.tsv"):
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
def _fold_word(word: str) -> str:
    two = re.sub(r"([^\W\d_])\1{2,}", r"\1\1", word)
    if two in _known_words():
        return two
    return re.sub(r"([^\W\d_])\1+", r"\1", two) if two != word else word


def _fold_match(m: re.Match) -> str:
    return _fold_word(m.group(0))


def _slang_match(m: re.Match, table: dict) -> str:
    w = m.group(0)
    return table.get(w, w)


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
    return s.str.replace(_ELONG_RE, _fold_match, regex=True)


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
    s = s.str.normalize("NFKC").str.replace(_SKIN_RE, "", regex=True)
    if urls is not None:
        s = s.str.replace(_URL_RE, f" {urls} ", regex=True)
    if lowercase:
        s = s.str.lower()
    if laughter:
        for pat, rep in _LAUGH:
            s = s.str.replace(pat, rep, regex=True, flags=re.IGNORECASE)
    if fold:
        s = s.str.replace(_ELONG_RE, _fold_match, regex=True)
    if slang is not False:
        table = SLANG_ID if slang is True else {str(k).lower(): str(v) for k, v in dict(slang).items()}
        s = s.str.replace(r"(?<![@#\w])[^\W_]+(?!\w)",
                          lambda m: _slang_match(m, table), regex=True)
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
        doc, tok, voc, _ = _token_arrays(s, slang=SLANG_ID if normalise_slang else None)
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
    toks = s.str.findall(_TOKEN_RE)
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

    s = as_text_series(texts, func="emoji_names").str.replace(_SKIN_RE, "", regex=True)
    return s.map(lambda x: emoji.demojize(x, language=lang))


# ---------------------------------------------------------------------------
# Fast path shared by ``langid`` and ``sentiment``: one whitespace split of the
# joined corpus, then per *unique* chunk work (NFKC, lower case, regex split,
# laughter, elongation, slang), then NumPy expansion back to every occurrence.
# ---------------------------------------------------------------------------
_SEP = "\x00"
_SUB_RE = re.compile(TOKEN_PATTERN + r"|!+|\?+|[.,;:]+")
_URL_SUB = re.compile(_URL_RE)
_SKIN_SUB = re.compile(_SKIN_RE)
_REDUP_SUB = re.compile(r"\b([^\W\d_]{2,})2\b")
_HAS_ELONG = re.compile(r"([^\W\d_])\1{2,}")
_LAUGH_SUBS = [(re.compile(p_), r) for p_, r in _LAUGH]


def _canon_word(w: str, slang: dict | None) -> tuple[list[str], bool]:
    """Canonical form(s) of one lower-case word token and whether it was elongated."""
    if not w[0].isalpha():
        return [w], False
    el = _HAS_ELONG.search(w) is not None
    if not w.strip("wkhaei"):  # only laughter letters: wkwk, haha, hehe, hihi
        for rx, rep in _LAUGH_SUBS:
            if rx.fullmatch(w):
                return [rep], False
    if el:
        w = _fold_word(w)
    if slang is not None:
        exp = slang.get(w)
        if exp is not None:
            return exp.split(), el
    return [w], el


def _canon_chunk(chunk: str, slang: dict | None) -> tuple[list[str], list[bool]]:
    if chunk.isascii():  # fast path: a plain word, maybe with trailing punctuation
        core = chunk.rstrip(".,;:!?")
        if core and core[0] in "@#" and len(core) > 1 and core[1:].replace("_", "a").isalnum():
            ws, flags = [core.lower()], [False]
            if len(core) < len(chunk):
                for t in _SUB_RE.findall(chunk[len(core):]):
                    ws.append(t[:3] if t[0] == "!" else ("?" if t[0] == "?" else "."))
                    flags.append(False)
            return ws, flags
        if core.isalpha() and "2" not in core:
            ws, el = _canon_word(core.lower(), slang)
            flags = [el] * len(ws)
            if len(core) < len(chunk):
                for t in _SUB_RE.findall(chunk[len(core):]):
                    ws = ws + [t[:3] if t[0] == "!" else ("?" if t[0] == "?" else ".")]
                    flags.append(False)
            return ws, flags
    c = unicodedata.normalize("NFKC", chunk)
    c = _SKIN_SUB.sub("", c).lower()
    if "/" in c or "www" in c:
        c = _URL_SUB.sub(f" {URL_TOKEN} ", c)
    if "2" in c:
        c = _REDUP_SUB.sub(r"\1", c)
    out: list[str] = []
    flags: list[bool] = []
    for t in _SUB_RE.findall(c):
        ch = t[0]
        if ch == "!":
            out.append(t[:3])
            flags.append(False)
        elif ch in "?.,;:" and (len(t) == 1 or t[1] in "?.,;:"):
            out.append("?" if ch == "?" else ".")
            flags.append(False)
        else:
            ws, el = _canon_word(t, slang)
            out.extend(ws)
            flags.extend([el] * len(ws))
    return out, flags


class _Vocab:
    """Token vocabulary shared by the batches of one call (canonical token -> id).

    Also remembers, per distinct chunk hash seen in this call, which token ids the
    chunk gives (``known_h`` sorted, ``known_slot`` -> ``c_off``/``c_len`` into
    ``flat_ids``/``flat_el``), so later batches look chunks up with NumPy only.
    """

    def __init__(self):
        self.index: dict[str, int] = {}
        self.words = np.empty(0, dtype=object)
        self.known_h = np.empty(0, dtype=np.uint64)
        self.known_slot = np.empty(0, dtype=np.int64)
        self.c_off = np.empty(0, dtype=np.int64)
        self.c_len = np.empty(0, dtype=np.int64)
        self.flat_ids = np.empty(0, dtype=np.int64)
        self.flat_el = np.empty(0, dtype=bool)


_R = np.uint64(0x9E3779B97F4A7C15 | 1)  # odd multiplier of the rolling hash
_R_INV = np.uint64(pow(int(_R), -1, 2**64))
_POW: list[np.ndarray] = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]
_SPACE = np.zeros(256, dtype=bool)
_SPACE[[0, 9, 10, 11, 12, 13, 32]] = True
_CHUNK_CACHE: dict = {}


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """R**k and R**-k (mod 2**64) for k < n, cached and grown on demand."""
    if len(_POW[0]) < n:
        m = max(n, 2 * len(_POW[0]))
        with np.errstate(over="ignore"):
            p = np.full(m, _R, dtype=np.uint64)
            p[0] = 1
            q = np.full(m, _R_INV, dtype=np.uint64)
            q[0] = 1
            _POW[0] = np.cumprod(p, dtype=np.uint64)
            _POW[1] = np.cumprod(q, dtype=np.uint64)
    return _POW[0], _POW[1]


_ALNUM = np.zeros(256, dtype=bool)
_ALNUM[[ord(c) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"]] = True
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[[ord(c) for c in "0123456789"]] = True
_H_MENTION = 0x6D656E74696F6E01  # sentinel hashes of collapsed chunks
_H_NUMBER = 0x6E756D6265720002
_COLLAPSE_FIRST = np.zeros(256, dtype=bool)
_COLLAPSE_FIRST[[ord(c) for c in "@#0123456789"]] = True
_PUNCT = np.zeros(256, dtype=np.int64)
_PUNCT[[ord(c) for c in ".,;:!?"]] = 1


def _chunks(texts: list[str], collapse: bool = False):
    """Whitespace chunks of the texts without making a Python string per chunk.

    Returns the UTF-8 bytes, chunk start and end byte offsets, the text of each
    chunk and a 64-bit hash of each chunk's bytes (a polynomial rolling hash
    computed with prefix sums; collisions are negligible at 2**-64).
    """
    try:
        joined = _SEP.join(texts)
    except TypeError:  # missing values or numbers in a list
        texts = [x if isinstance(x, str) else ("" if x is None or x != x else str(x)) for x in texts]
        joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:
        joined = _SEP.join(x.replace(_SEP, " ") for x in texts)
    b = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    del joined
    # chunk = run of bytes > 32 (ASCII controls and space separate chunks, like str.split; the
    # separator \x00 too); UTF-8 multi-byte characters are all >= 0x80
    ns = np.empty(len(b) + 2, dtype=np.int8)
    ns[0] = ns[-1] = 0
    np.greater(b, 32, out=ns[1:-1].view(bool))
    edge = np.diff(ns)
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    kind = None
    if collapse and len(starts):
        # @mentions and long numbers (prices, phone and order numbers) carry no sentiment or language:
        # one token each, found on the bytes without decoding every distinct handle or number;
        # trailing punctuation ("@budi!!") becomes a chunk of its own
        first_b = b[starts]
        cand = np.flatnonzero(_COLLAPSE_FIRST[first_b])
        kind = np.zeros(len(starts), dtype=np.int8)
        tail = np.zeros(len(starts), dtype=bool)
        core_end = ends.copy()
        if len(cand):
            cs, ce = starts[cand], ends[cand]
            for _ in range(3):
                ce = ce - (_PUNCT[b[ce - 1]] & (ce - 1 > cs))
            fb = first_b[cand]
            second = b[np.minimum(cs + 1, len(b) - 1)]
            ok_end = _ALNUM[b[ce - 1]]
            clen = ce - cs
            k = ((fb == 64) & ok_end & (clen > 1)).astype(np.int8)
            k[(_DIGIT[fb] | ((fb == 35) & _DIGIT[second])) & ok_end & (clen >= 5)] = 2
            kind[cand] = k
            core_end[cand] = ce
            tail[cand] = (k > 0) & (ce < ends[cand])
        ti = np.flatnonzero(tail)
        if len(ti):
            new_ends = ends.copy()
            new_ends[ti] = core_end[ti]
            starts = np.insert(starts, ti + 1, core_end[ti])
            ends = np.insert(new_ends, ti + 1, ends[ti])
            kind = np.insert(kind, ti + 1, 0)
    doc = np.cumsum(b == 0, dtype=np.int64)[starts]
    pw, pinv = _powers(len(b) + 1)
    with np.errstate(over="ignore"):
        acc = np.empty(len(b) + 1, dtype=np.uint64)
        acc[0] = 0
        prod = np.multiply(pw[: len(b)], b, dtype=np.uint64)  # bytes inside chunks are never 0
        np.cumsum(prod, dtype=np.uint64, out=acc[1:])
        del prod
        h = (acc[ends] - acc[starts]) * pinv[starts]
        h ^= (ends - starts).astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    if kind is not None:
        h[kind == 1] = _H_MENTION
        h[kind == 2] = _H_NUMBER
    return b, starts, ends, doc, h


MENTION_TOKEN = "<mention>"
NUMBER_TOKEN = "<num>"


def _text_list(texts, func: str) -> tuple[list, pd.Index]:
    """Texts as a list of str plus the index to align results to (fast path of :func:`as_text_series`)."""
    if isinstance(texts, pd.Series) and (isinstance(texts.dtype, pd.StringDtype) or texts.dtype == object):
        return texts.tolist(), texts.index  # non-str items are fixed by ``_chunks``
    s = as_text_series(texts, func=func)
    return s.tolist(), s.index


def _token_arrays(s, *, slang: dict | None = None, vocab: _Vocab | None = None, collapse: bool = False):
    """Vectorised tokenisation of a Series (or list) of str.

    Returns ``doc`` (int64 position of the text of each token), ``tok`` (int64
    id into ``vocab``), ``vocab`` (object array of canonical tokens) and
    ``elong`` (bool, the token was elongated in the text). Punctuation becomes
    ``"."`` (clause break), ``"?"`` or ``"!"``..``"!!!"``.

    The corpus is cut at ASCII whitespace on its UTF-8 bytes with NumPy, chunks
    are identified by a hash, and only distinct chunks are decoded and
    normalised (in Python, cached across calls).
    """
    texts = s if isinstance(s, list) else s.tolist()
    if vocab is None:
        vocab = _Vocab()
    b, starts, ends, doc_of_chunk, h = _chunks(texts, collapse)
    if len(starts) == 0:
        e = np.zeros(0, dtype=np.int64)
        return e, e, vocab.words, np.zeros(0, dtype=bool)
    cache = _CHUNK_CACHE.setdefault((id(slang), collapse), {})
    if len(cache) > 2_000_000:
        cache.clear()
    if collapse:
        cache.setdefault(_H_MENTION, ([MENTION_TOKEN], [False]))
        cache.setdefault(_H_NUMBER, ([NUMBER_TOKEN], [False]))
    codes, uniq = pd.factorize(h)
    codes = codes.astype(np.int64, copy=False)
    uniq = np.asarray(uniq, dtype=np.uint64)
    # which distinct chunks were already seen in this call (NumPy lookup in the sorted table)
    slot = np.full(len(uniq), -1, dtype=np.int64)
    if len(vocab.known_h):
        pos = np.minimum(np.searchsorted(vocab.known_h, uniq), len(vocab.known_h) - 1)
        hit = vocab.known_h[pos] == uniq
        slot[hit] = vocab.known_slot[pos[hit]]
    new_u = np.flatnonzero(slot < 0)
    if len(new_u):
        first = np.empty(len(uniq), dtype=np.int64)
        first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1, dtype=np.int64)
        index = vocab.index
        n_before = len(index)
        flat: list[int] = []
        flat_el: list[bool] = []
        lens = np.zeros(len(new_u), dtype=np.int64)
        st_l, en_l = starts[first[new_u]].tolist(), ends[first[new_u]].tolist()
        for j, key in enumerate(uniq[new_u].tolist()):
            hitc = cache.get(key)
            if hitc is None:
                chunk = b[st_l[j]:en_l[j]].tobytes().decode("utf-8", "surrogatepass")
                hitc = cache[key] = _canon_chunk(chunk, slang)
            ws, fl = hitc
            lens[j] = len(ws)
            for w in ws:
                flat.append(index.setdefault(w, len(index)))
            flat_el.extend(fl)
        base_slot = len(vocab.c_len)
        offs = np.zeros(len(new_u), dtype=np.int64)
        offs[1:] = np.cumsum(lens)[:-1]
        vocab.c_off = np.concatenate([vocab.c_off, offs + len(vocab.flat_ids)])
        vocab.c_len = np.concatenate([vocab.c_len, lens])
        vocab.flat_ids = np.concatenate([vocab.flat_ids, np.asarray(flat, dtype=np.int64)])
        vocab.flat_el = np.concatenate([vocab.flat_el, np.asarray(flat_el, dtype=bool)])
        new_slots = base_slot + np.arange(len(new_u), dtype=np.int64)
        slot[new_u] = new_slots
        kh = np.concatenate([vocab.known_h, uniq[new_u]])
        ks = np.concatenate([vocab.known_slot, new_slots])
        order = np.argsort(kh, kind="stable")
        vocab.known_h, vocab.known_slot = kh[order], ks[order]
        if len(index) > n_before:
            new = np.empty(len(index) - n_before, dtype=object)
            new[:] = list(index)[n_before:] if n_before else list(index)
            vocab.words = np.concatenate([vocab.words, new])
    cslot = slot[codes]
    cnt = vocab.c_len[cslot]
    coff = vocab.c_off[cslot]
    if cnt.min() == 1 and cnt.max() == 1:
        idx = coff
        doc = doc_of_chunk
    else:
        total = int(cnt.sum())
        rep = np.repeat(np.arange(len(codes), dtype=np.int64), cnt)
        firsttok = np.cumsum(cnt) - cnt
        idx = coff[rep] + (np.arange(total, dtype=np.int64) - firsttok[rep])
        doc = doc_of_chunk[rep]
    tok = vocab.flat_ids[idx] if len(idx) else np.zeros(0, dtype=np.int64)
    el = vocab.flat_el[idx] if len(idx) else np.zeros(0, dtype=bool)
    return doc.astype(np.int64, copy=False), tok, vocab.words, el
