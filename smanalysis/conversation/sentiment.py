"""Default sentiment scorer (no training): lexicon plus rules, vectorised.

Indonesian uses the project's own lexicon (``smanalysis/data/lexicon_id.tsv``,
see ``LEXICON.md``) and emoji table (``emoji_polarity.tsv``); English uses the
lexicon that ships inside vaderSentiment (MIT), read from the installed package, with the
project's own English additions (``lexicon_en.tsv``: slang, idioms, complaint words).
Rules, applied with shifted NumPy arrays over all tokens of all texts at once:

* **phrases** of 2-4 words are matched first ("lama banget", "gak worth it");
  their words are then used up (no further rule applies to them);
* **negation** (tidak/gak/nggak/ga/enggak, bukan, belum, jangan, tanpa, kurang;
  Javanese ora/ra/mboten/ndak, Sundanese teu/henteu; not/no/never/without and every
  contraction ending in n't) flips the first sentiment word at most three tokens
  later in the same clause (x -0.74 for positive words, x -0.5 for negative
  ones, so "tidak buruk" is mildly positive);
* **intensifiers** after the word (banget, bgt, sekali, parah, amat, pol,
  gila) or before it (sangat, super, paling, terlalu, very, so, really) multiply
  it; "parah"/"gila" count as negative words only when they follow no sentiment
  word; **diminishers** (agak, rada, sedikit, cukup, slightly) damp it;
* **contrast** (tapi, tetapi, namun, cuma, sayangnya, but, however):
  words before the last contrast word count x0.5, words after it x1.5;
  **concession** (walaupun, meskipun, although) damps its own clause x0.5;
* **emphasis**: an elongated sentiment word ("mantaaap") counts x1.3 and each
  "!" (up to three) adds 0.29 in the direction of the text's score;
* **emoji and emoticons** carry their own polarity;
* **excess** (terlalu, kelewat, too) turns a positive word negative ("terlalu manis");
* **laughter** (wkwk, haha) is mildly positive, but mocking (-0.5) in a text with a negative word;
* **sarcasm markers** (🙃 🙄 😒) flip the praise of their text ("wah hebat ya ... 🙃");
  without a marker, generic praise that opens a text ("great job ...", "wah hebat ...") flips
  when a clear complaint follows and the text has no other praise and no contrast word;
  generic praise that closes a text in a clause of its own after a clear complaint flips too
  ("another failed delivery. love it"), and so does praise in scare quotes ('the "fresh" bread');
* **waiting**: a time unit within four words after a waiting word counts -2 ("nunggu 40 menit",
  "waited two hours"), unless the wait is short, asked for or negated ("cuma 5 menit", "mohon menunggu");
* **discourse words** (well, jujur, honestly, tbh) score 0 when they open a text or stand before a comma;
* **questions**: positive words in a text with "?" count x0.5;
* **neutral band**: a text whose contributions are all weak (each |c| <= 1, sum <= 1.5) is
  damped x0.5, so one weak hit ("tidak mahal", "semoga", "oke") does not make it polar.
  Greetings, times of day and topic words (*selamat pagi*, *kecepatan*, *promo*) score 0.

Rule words and every weight are in :mod:`~smanalysis.conversation.sentiment_rules`
(``WEIGHTS``); the lexicons in :mod:`~smanalysis.conversation.sentiment_lexicon`.
The sum ``S`` of a text becomes ``score = S / sqrt(S**2 + 15)`` in (-1, 1)
(VADER's normalisation); ``score >= 0.2`` is positive, ``score <= -0.2``
negative, else neutral (threshold chosen on the NusaX valid split).

Speed (``benchmarks/bench_sentiment_speed.py``, 200,000 distinct texts): texts
are processed in batches of 10,000. Each batch is joined and encoded once;
whitespace chunks are found on the UTF-8 bytes with NumPy and identified by a
64-bit rolling hash, so no Python string is made per word; only chunks not seen
before are decoded and normalised; @mentions and long numbers are collapsed on
the bytes. Every rule runs on integer arrays at the few positions that matter.
Evidence strings are built without per-word Python: each distinct (word,
contribution, rules) item is formatted once and the items of each text are
joined with pyarrow.

Examples
--------
>>> sentiment(["enak banget", "gak enak", "mahal tapi enak bgt", "zonk"])[["label", "lang"]]
      label lang
0  positive   id
1  negative   id
2  positive   id
3  negative   id
"""


from __future__ import annotations

import numpy as np
import pandas as pd

from .langid import LANG_CODES as _CODES, detect_codes as _detect_codes, token_votes as _votes
from .sentiment_lexicon import custom_tables, default_tables, lexicon, load_lexicon, vocab_features
from .sentiment_rules import (CONCESSIONS, CONTRASTS, DIMINISHERS, EXCESS, INTENSIFIERS, LABELS, LAUGHTER, NEGATORS,
                              SARCASM_MARKERS, THRESHOLD, WEIGHTS)
from .sentiment_scoring import score_tokens
from .textdata import SLANG_ID
from .tokens import Vocab as _Vocab, arrow_strings as _arrow_strings, text_list as _text_list
from .tokens import token_arrays as _token_arrays
from .._checks import check_choice

__all__ = [
    "sentiment",
    "load_lexicon",
    "lexicon",
    "LABELS",
    "NEGATORS",
    "INTENSIFIERS",
    "DIMINISHERS",
    "CONTRASTS",
    "CONCESSIONS",
    "EXCESS",
    "LAUGHTER",
    "SARCASM_MARKERS",
    "THRESHOLD",
    "WEIGHTS",
]

_LABELS_A = np.array(LABELS, dtype=object)
_BATCH = 10_000  # smaller batches fault in less fresh memory (measured: 25,000 cost ~0.3 s more CPU per 200,000 texts)


def _str_series(chunks: list, n: int, index) -> pd.Series:
    """One string Series from pyarrow string arrays (empty strings when there are none)."""
    import pyarrow as pa

    dtype = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' default ``str`` dtype
    if not chunks:
        return pd.Series(pd.array(np.full(n, "", dtype=object), dtype=dtype), index=index, name=None)
    arr = pa.chunked_array(chunks, type=pa.string())
    return pd.Series(pd.array(arr, dtype=dtype), index=index)


def sentiment(texts, *, lang: str = "auto", extra_lexicon=None, lexicon=None,
              evidence: bool = True) -> pd.DataFrame:
    """Score the sentiment of texts without training (lexicon and rules).

    Parameters
    ----------
    texts : Series, list or str
        Texts (comments, mentions, captions). Missing values score as empty
        texts (neutral, lang ``other``).
    lang : {"auto", "id", "en"}, default "auto"
        ``"auto"`` detects the language of each text (:func:`~smanalysis.conversation.langid.detect`):
        English texts use vaderSentiment's lexicon first and the Indonesian
        lexicon for words it lacks; all others the reverse (so code-mixed
        texts get both). ``"id"``/``"en"`` force one order for every text.
    extra_lexicon : dict, DataFrame(term, score) or path, optional
        Entries that add to or override the lexicons (scores -4..+4; phrases allowed).
    lexicon : DataFrame(term, score[, category]) or path, optional
        Replaces the bundled Indonesian lexicon (see :func:`load_lexicon`).
    evidence : bool, default True
        Build the evidence strings; ``False`` leaves the column empty and is
        much faster on large data.

    Returns
    -------
    DataFrame
        Aligned to the input index, columns:

        * ``label``: positive, neutral or negative;
        * ``score``: float in (-1, 1);
        * ``lang``: id, en, mixed or other (as detected, or the forced ``lang``);
        * ``evidence``: "; "-separated ``word:contribution [rules]`` items naming
          the rules that fired (negation, intensifier, diminisher, contrast,
          concession, elongation, emoji, complaint, phrase, exclamation, excess,
          mocking laughter, sarcasm, question, weak alone).

        An empty input gives an empty frame with these columns.

    Raises
    ------
    ValueError
        When ``lang`` is not one of the allowed values.
    TypeError
        When ``texts`` is not text-like or a lexicon argument has the wrong type.

    See Also
    --------
    smanalysis.conversation.model.SentimentModel : learned from your own labels.

    Examples
    --------
    >>> out = sentiment(["Kopinya enak sih, tapi pelayanannya lama banget", "tidak buruk"])
    >>> out["label"].tolist()
    ['negative', 'positive']
    >>> out.loc[0, "evidence"]
    'kopinya enak:+1.00 [phrase, contrast tapi before]; pelayanannya lama:-6.75 [complaint, intensifier banget, contrast tapi after]'
    """
    check_choice("lang", lang, ["auto", "id", "en"])
    arrow = _arrow_strings(texts)  # pandas' pyarrow str dtype: read its UTF-8 buffer, no Python str per text
    if arrow is not None:
        texts_l, index = arrow, texts.index
    else:
        texts_l, index = _text_list(texts, "sentiment")
    n = len(texts_l)
    if n == 0:
        return pd.DataFrame({"label": pd.Series([], dtype=object), "score": pd.Series([], dtype=float),
                             "lang": pd.Series([], dtype=object), "evidence": pd.Series([], dtype=object)},
                            index=index)
    if lexicon is None and extra_lexicon is None:
        tables = default_tables()
    else:
        tables = custom_tables(lexicon, extra_lexicon)
    scores, codes, evs = [], [], []
    voc = _Vocab()  # shared by the batches: each distinct token is looked up once
    va: dict | None = None
    ev_cache: dict = {}  # evidence items formatted once per call (keys depend on the shared vocabulary)
    votes: tuple | None = None
    for start in range(0, n, _BATCH):  # batches keep the arrays in cache and memory flat
        part = texts_l.slice(start, _BATCH) if arrow is not None else texts_l[start:start + _BATCH]
        m = len(part)
        before = len(voc.words)
        doc, tok, vocab, el = _token_arrays(part, slang=SLANG_ID, vocab=voc, collapse=True, quotes=True)
        new_words = vocab[before:]
        va_new = vocab_features(new_words, tables)
        va = va_new if va is None else {k: np.concatenate([va[k], va_new[k]]) for k in va}
        if lang == "auto":
            v_new = _votes(new_words)
            votes = v_new if votes is None else tuple(np.concatenate([a, b]) for a, b in zip(votes, v_new))
            code = _detect_codes(doc, tok, vocab, m, votes=votes)
        else:
            code = np.full(m, 0 if lang == "id" else 1)
        sc, ev = score_tokens(doc, tok, el, vocab, m, code, tables, evidence, va=va, ev_cache=ev_cache)
        scores.append(sc)
        codes.append(code)
        if ev is not None:
            evs.append(ev)
    score = np.concatenate(scores)
    code = np.concatenate(codes).astype(np.int64)
    ev = _str_series(evs, n, index)
    lab_i = 1 + (score >= THRESHOLD).astype(np.int8) - (score <= -THRESHOLD).astype(np.int8)
    return pd.DataFrame({
        "label": _take_str(_LABELS_A, lab_i, index),
        "score": pd.Series(score, index=index),
        "lang": _take_str(_CODES, code, index),
        "evidence": ev,
    })


def _take_str(values: np.ndarray, codes: np.ndarray, index) -> pd.Series:
    """``values[codes]`` as a Series of pandas' str dtype, built by pyarrow (no Python object per row)."""
    import pyarrow as pa

    arr = pa.array(values.tolist(), type=pa.large_string()).take(pa.array(codes))
    return pd.Series(pd.array(arr, dtype=pd.StringDtype("pyarrow", na_value=np.nan)), index=index)
