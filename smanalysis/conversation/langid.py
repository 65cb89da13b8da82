"""Language identification for short social media texts: Indonesian, English, mixed.

An offline method written for this project (no model download): each token
votes for a language by membership of word lists that ship in the package
(Indonesian: stopwords, the slang dictionary and its standard forms, the
Indonesian sentiment lexicon; English: stopwords and vaderSentiment's
lexicon), then by affixes for words in neither list (Indonesian ``-nya``,
``-kan``, ``meng-``, ``ber-``...; English ``-ing``, ``-tion``, ``-ly``...).
The shares of votes decide:

* ``"id"`` or ``"en"`` when one language has at least 70% of the votes,
* ``"mixed"`` when both have votes (code-mixing, common in Indonesian posts),
* ``"other"`` when no token votes (emoji only, numbers, other languages).

With ``extended=True`` Javanese (``"jv"``), Sundanese (``"su"``) and Malay
(``"ms"``) are told apart from Indonesian by their own marker words (``ora``,
``opo``, ``piye``; ``teu``, ``naon``, ``pisan``; ``tak``, ``nak``, ``kerana``).
One marker word is enough when the text has at most six words, two otherwise.

``benchmarks/bench_langid.py`` measures this detector against
lingua-language-detector and py3langid on the project's own labelled texts (id,
en, mixed, jv, su) by length.

Examples
--------
>>> detect(["kopinya enak banget", "the coffee is great", "coffee nya enak, really worth it", "😍😍"]).tolist()
['id', 'en', 'mixed', 'other']
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from .textdata import SLANG_ID, STOPWORDS_EN, STOPWORDS_ID, as_text_series
from .textdata import data_lines
from .tokens import QUOTE_MARK, token_arrays as _token_arrays

__all__ = ["detect", "LANGUAGES"]

LANGUAGES = ("id", "en", "mixed", "other", "jv", "ms", "su")
"""Codes :func:`detect` may return (``jv``, ``ms`` and ``su`` only with ``extended=True``)."""

LANG_CODES = np.array(LANGUAGES, dtype=object)
_ID_AFFIX = re.compile(r"^(?:meng|meny|mem|men|ber|ter|per)[a-z]{3,}$|^[a-z]{3,}(?:nya|kan|lah|kah)$|^di[a-z]{3,}(?:kan|i|nya)$")
_EN_AFFIX = re.compile(r"^[a-z]{3,}(?:ing|tion|tions|ness|ment|ly|ful|ous|ed|ies)$")
# Words that are English in our word lists but common in Indonesian writing are not English votes.
_NOT_EN = {"ok", "oke", "top", "sip", "haha", "hehe", "wkwk", "nah", "sok", "pls", "plz", "thx", "fyi", "np", "gag",
           "jt", "kk", "gn", "gt", "gj", "ty", "free", "gratis", "natural", "original", "special"}
# Indonesian words spelled like English ones, far more often Indonesian in local posts (sore = afternoon, jam =
# hour, main = play, pas = just right, kali = times, ban = tyre).
_ID_HOMOGRAPHS = frozenset({"sore", "jam", "main", "pas", "kali", "ban"})
_JV = {"ora", "opo", "piye", "sing", "karo", "wis", "uwis", "ning", "neng", "lan", "iki", "kuwi", "kowe", "sampeyan",
       "mboten", "nggih", "sampun", "dereng", "kulo", "panjenengan", "tenan", "pisan", "gak", "ae", "wae", "sak",
       "lho", "opo", "ngopo", "mangan", "apik", "ojo", "aja", "durung", "rak", "wong", "ndak", "luwih", "akeh", "iso",
       "elek", "larang", "suwe", "kesuwen", "tenan", "mumet", "piro", "endi", "sesuk", "mulih", "ra", "nggo", "neng",
       "matur", "nuwun", "sanget", "kula", "mriki", "mangke", "napa", "koyok", "kok", "nang", "ndeso", "ayem", "seneng"}
_SU_ONLY = frozenset({"teu", "henteu", "naon", "kumaha", "iraha", "sabaraha", "abdi", "punten", "mangga", "nuhun", "euy",
                      "atuh", "pisan", "tiasa", "hoyong", "raos", "ngeunah", "saé", "awon", "ruksak", "gancang",
                      "dupi", "ieu", "eta", "wae", "sapertos", "dina", "nuju", "badé", "kenging", "kanggo", "teuing",
                      "lami", "uih", "lembur", "isukan", "bageur", "keuheul", "lieur", "bagja", "someah", "genah",
                      "resep", "alus", "aya", "dugi", "ngantosan", "sing", "langkung", "ageung", "kamahalan", "deui"})
_MS = {"tak", "nak", "kerana", "sahaja", "awak", "korang", "kami", "je", "kat", "macam", "mcm", "boleh", "hendak",
       "sedap", "kedai", "betul", "pun", "dah", "ni", "tu", "mahu", "bila", "sangat", "memang", "percuma", "tandas"}
_JV_ONLY = frozenset(_JV - {"gak", "aja", "lho", "ndak", "sak", "pisan", "apik", "kok", "seneng", "sing"})
_MS_ONLY = frozenset({"nak", "kerana", "sahaja", "awak", "korang", "je", "kat", "macam", "mcm", "hendak", "kedai",
                      "mahu", "percuma", "tandas"})


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset, frozenset]:
    import vaderSentiment

    vader = {ln.split("\t", 1)[0] for ln in resources.files(vaderSentiment).joinpath(
        "vader_lexicon.txt").read_text(encoding="utf-8").splitlines()}
    idw = set(STOPWORDS_ID) | set(SLANG_ID) | ({w for v in SLANG_ID.values() for w in v.split()}
                                               - vader - set(STOPWORDS_EN))
    for ln in data_lines("lexicon_id.tsv"):
        term, _, rest = ln.partition("\t")
        if term == "term" or rest.endswith("english") or " " in term:
            continue
        if term not in vader and term not in STOPWORDS_EN:
            idw.add(term)
    idw |= _ID_HOMOGRAPHS
    enw = (set(STOPWORDS_EN) | {w for w in vader if w.isalpha()}) - idw - _NOT_EN
    idw -= {"no", "me", "in", "on", "we", "so", "do", "a", "i", "be", "to", "it"}
    return frozenset(idw), frozenset(enw)


def token_votes(vocab: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per vocabulary entry: Indonesian, English, Javanese, Malay and Sundanese vote weights."""
    idw, enw = _word_lists()
    v_id = np.zeros(len(vocab))
    v_en = np.zeros(len(vocab))
    v_jv = np.zeros(len(vocab))
    v_ms = np.zeros(len(vocab))
    v_su = np.zeros(len(vocab))
    for i, w in enumerate(vocab):
        if w[:1] == QUOTE_MARK:  # a word in scare quotes votes as the word
            w = w[1:]
        if not w[:1].isalpha():
            continue
        if w in idw:
            v_id[i] = 1.0
        elif w in enw:
            v_en[i] = 1.0
        elif _ID_AFFIX.match(w):
            v_id[i] = 0.5
        elif _EN_AFFIX.match(w):
            v_en[i] = 0.5
        if w in _JV_ONLY:
            v_jv[i] = 1.0
        if w in _MS_ONLY:
            v_ms[i] = 1.0
        if w in _SU_ONLY:
            v_su[i] = 1.0
    return v_id, v_en, v_jv, v_ms, v_su


def detect_codes(doc, tok, vocab, n: int, *, extended: bool = False, votes=None) -> np.ndarray:
    """Language code index (into :data:`LANGUAGES`) per text from token arrays."""
    v_id, v_en, v_jv, v_ms, v_su = token_votes(vocab) if votes is None else votes
    sid = np.bincount(doc, weights=v_id[tok], minlength=n)
    sen = np.bincount(doc, weights=v_en[tok], minlength=n)
    tot = sid + sen
    with np.errstate(invalid="ignore", divide="ignore"):
        p_en = np.where(tot > 0, sen / np.where(tot > 0, tot, 1), 0.0)
    code = np.full(n, 3, dtype=np.int64)  # other
    has = tot >= 0.5
    code[has & (p_en >= 0.7)] = 1
    code[has & (p_en <= 0.3)] = 0
    code[has & (p_en > 0.3) & (p_en < 0.7)] = 2
    if extended:
        sjv = np.bincount(doc, weights=v_jv[tok], minlength=n)
        sms = np.bincount(doc, weights=v_ms[tok], minlength=n)
        ssu = np.bincount(doc, weights=v_su[tok], minlength=n)
        words = np.bincount(doc, weights=(v_id + v_en + v_jv + v_su)[tok] > 0, minlength=n)
        need = np.where(words <= 6, 1, 2)
        local = (code == 0) | (code == 3) | (code == 2)
        code[local & (sjv >= need) & (sjv >= sms) & (sjv >= ssu)] = 4
        code[local & (sms >= need) & (sms > sjv) & (sms >= ssu)] = 5
        code[local & (ssu >= need) & (ssu > sjv) & (ssu > sms)] = 6
    return code


def detect(texts, *, extended: bool = False) -> pd.Series:
    """Identify the language of each text.

    Parameters
    ----------
    texts : Series, list or str
        Texts; missing values count as empty (``"other"``).
    extended : bool, default False
        Also return ``"jv"`` (Javanese), ``"su"`` (Sundanese) and ``"ms"``
        (Malay) when marker words of that language occur (one in a text of
        up to six words, two in a longer one).

    Returns
    -------
    Series of str
        One of ``id``, ``en``, ``mixed``, ``other`` (and ``jv``, ``ms``, ``su``),
        aligned to the input (a Series keeps its index).

    Raises
    ------
    TypeError
        When ``texts`` is not text-like.

    Examples
    --------
    >>> detect(["Pelayanannya ramah, tempatnya nyaman", "Great coffee, friendly staff"]).tolist()
    ['id', 'en']
    >>> detect(["ora opo opo, sing penting enak tenan", "teu raos, kamahalan deui"], extended=True).tolist()
    ['jv', 'su']
    """
    s = as_text_series(texts, func="detect")
    if len(s) == 0:
        return pd.Series([], index=s.index, dtype=object, name="lang")
    doc, tok, vocab, _ = _token_arrays(s, slang=SLANG_ID)
    code = detect_codes(doc, tok, vocab, len(s), extended=extended)
    return pd.Series(LANG_CODES[code], index=s.index, dtype=object, name="lang")
