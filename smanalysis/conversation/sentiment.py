"""Default sentiment scorer (no training): lexicon plus rules, vectorised.

Indonesian uses the project's own lexicon (``smanalysis/data/lexicon_id.tsv``,
see ``LEXICON.md``) and emoji table (``emoji_polarity.tsv``); English uses the
lexicon that ships inside vaderSentiment (MIT), read from the installed package.
Rules, applied with shifted NumPy arrays over all tokens of all texts at once:

* **phrases** of 2-4 words are matched first ("lama banget", "gak worth it");
  their words are then used up (no further rule applies to them);
* **negation** (tidak/gak/nggak/ga/enggak, bukan, belum, jangan, tanpa, kurang;
  not/no/never/n't/without) flips the first sentiment word at most three tokens
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
* **emoji and emoticons** carry their own polarity.

The sum ``S`` of a text becomes ``score = S / sqrt(S**2 + 15)`` in (-1, 1)
(VADER's normalisation); ``score >= 0.2`` is positive, ``score <= -0.2``
negative, else neutral (thresholds chosen on the NusaX valid split).

Speed (``benchmarks/bench_sentiment_speed.py``): texts are processed in
batches of 25,000. Each batch is joined and encoded once; whitespace chunks are
found on the UTF-8 bytes with NumPy and identified by a 64-bit rolling hash
(prefix sums), so no Python string is made per word; only chunks not seen
before in the call are decoded and normalised (slang, elongation, laughter:
cached). Every rule then runs on integer arrays at the few positions that
matter (sentiment words, negators, intensifiers, contrast words). With
``evidence=False`` @mentions and long numbers are also collapsed on the bytes
(they carry no sentiment). Building the ``evidence`` strings is the only
per-word Python work: pass ``evidence=False`` on large data (about 10x faster;
scores and labels are identical).

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

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .langid import LANG_CODES as _CODES, detect_codes as _detect_codes, token_votes as _votes
from .textdata import SLANG_ID
from .textdata import data_lines as _data_lines
from .tokens import Vocab as _Vocab, canon_chunk as _canon_chunk, text_list as _text_list, token_arrays as _token_arrays
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
]

LABELS = ("negative", "neutral", "positive")
"""Sentiment labels, in order of polarity."""
_LABELS_A = np.array(LABELS, dtype=object)

NEGATORS = frozenset({
    "tidak", "tak", "bukan", "belum", "jangan", "tanpa", "kurang", "enggak", "nggak", "gak", "ga", "ndak",
    "not", "no", "never", "without", "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent",
    "werent", "wont", "wouldnt", "shouldnt", "couldnt", "havent", "hasnt", "hadnt", "aint", "nor", "neither",
    "hardly", "none", "nothing", "nobody",
})
"""Words that flip the polarity of the next sentiment word (after slang normalisation)."""

INTENSIFIERS = {
    # after the word (Indonesian word order: "enak banget")
    "post": {"banget": 1.5, "sekali": 1.4, "amat": 1.3, "parah": 1.5, "pol": 1.5, "gila": 1.5,
             "habis": 1.3, "poll": 1.5, "bener": 1.3},
    # before the word ("sangat enak", "very good")
    "pre": {"sangat": 1.5, "super": 1.5, "paling": 1.5, "terlalu": 1.4, "amat": 1.3, "sungguh": 1.3,
            "begitu": 1.2, "makin": 1.2, "semakin": 1.2, "tambah": 1.2, "bener": 1.3, "benar": 1.2,
            "very": 1.4, "so": 1.3, "really": 1.3, "extremely": 1.6, "too": 1.3, "absolutely": 1.5,
            "totally": 1.4, "completely": 1.4, "highly": 1.4, "incredibly": 1.5, "truly": 1.3,
            "most": 1.3, "super-duper": 1.6, "terlampau": 1.4, "teramat": 1.5},
}
"""Multipliers of intensifiers, by position relative to the sentiment word."""

DIMINISHERS = {"agak": 0.6, "rada": 0.6, "sedikit": 0.7, "cukup": 0.8, "slightly": 0.6, "somewhat": 0.7,
               "kinda": 0.7, "lumayan": 0.8, "relatif": 0.8, "barely": 0.5}
"""Multipliers of words that damp the next sentiment word."""

CONTRASTS = frozenset({"tapi", "tetapi", "namun", "cuma", "sayangnya", "but", "however"})
"""Words after which the clause weighs more (x1.5) and before which less (x0.5)."""

CONCESSIONS = frozenset({"walaupun", "meskipun", "walau", "meski", "biarpun", "although", "though"})
"""Words whose own clause weighs less (x0.5)."""

_NEG_POS, _NEG_NEG = -0.74, -0.5
_CONTRAST_BEFORE, _CONTRAST_AFTER, _CONCESSION = 0.5, 1.5, 0.5
_ELONG, _EXCL, _ALPHA = 1.3, 0.292, 15.0
_THRESH = 0.2
_MAX_N = 4
_BATCH = 25_000
_SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
_PREFIXES = ("meng", "meny", "mem", "men", "me", "di", "ter", "ber", "se", "ke")
_ROLE_WORDS = NEGATORS | CONTRASTS | CONCESSIONS | set(DIMINISHERS) | set(INTENSIFIERS["pre"])
_KEEP_SCORE = {"sayangnya", "parah", "gila", "lumayan", "cukup", "kurang"}


def _read_table(path, name: str) -> pd.DataFrame:
    """Read a ``term<TAB>score[<TAB>category]`` file into a frame (comments '#' skipped)."""
    if path is None:
        lines = list(enumerate(resources.files("smanalysis").joinpath("data", name).read_text(
            encoding="utf-8").splitlines(), 1))
        label = name
    else:
        label = str(path)
        try:
            with open(path, encoding="utf-8") as fh:
                lines = list(enumerate(fh.read().splitlines(), 1))
        except FileNotFoundError as err:
            raise FileNotFoundError(f"load_lexicon: file not found: {label}") from err
    rows = []
    for lineno, ln in lines:
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        parts = ln.rstrip("\n").split("\t")
        if lineno == lines[0][0] and parts[:2] in (["term", "score"], ["symbol", "score"]):
            continue
        if len(parts) >= 2 and parts[:2] in (["term", "score"], ["symbol", "score"]):
            continue
        if len(parts) < 2 or not parts[0].strip():
            raise ValueError(f"{label}, line {lineno}, column 1: expected 'term<TAB>score', got {ln!r}")
        try:
            score = float(parts[1])
        except ValueError:
            raise ValueError(
                f"{label}, line {lineno}, column 2: score must be a number, got {parts[1]!r}") from None
        if not -5 <= score <= 5:
            raise ValueError(f"{label}, line {lineno}, column 2: score must be within [-5, 5], got {score}")
        rows.append((parts[0].strip().lower(), score, parts[2].strip() if len(parts) > 2 else "user"))
    return pd.DataFrame(rows, columns=["term", "score", "category"])


def load_lexicon(path=None) -> pd.DataFrame:
    """Read a lexicon file: one ``term<TAB>score[<TAB>category]`` a line.

    Parameters
    ----------
    path : str or Path, optional
        Tab-separated UTF-8 file; lines starting with ``#`` and a header line
        ``term<TAB>score...`` are skipped. Scores are on VADER's scale
        (-4 very negative .. +4 very positive; values within [-5, 5] accepted).
        Terms may be phrases of up to four words and may be written in slang
        ("gak worth it"): they are normalised like the texts.
        Default: the bundled Indonesian lexicon.

    Returns
    -------
    DataFrame
        Columns ``term`` (str), ``score`` (float), ``category`` (str, "user" when absent).

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    ValueError
        Naming the file, line and column of a malformed line.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.set_index("term").loc["enak", "score"]
    np.float64(3.0)
    """
    return _read_table(path, "lexicon_id.tsv")


def lexicon() -> pd.DataFrame:
    """The bundled Indonesian lexicon (same as ``load_lexicon()``).

    Examples
    --------
    >>> len(lexicon()) > 1500
    True
    """
    return load_lexicon()


def _canon_term(term: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in term.split():
        out.extend(_canon_chunk(part, SLANG_ID)[0])
    return tuple(w for w in out if w not in (".", "?") and not w.startswith("!"))


def _as_lexicon_frame(obj, name: str) -> pd.DataFrame:
    if isinstance(obj, (str, Path)):
        return load_lexicon(obj)
    if isinstance(obj, pd.DataFrame):
        if not {"term", "score"} <= set(obj.columns):
            from ..exceptions import SchemaError

            raise SchemaError(f"sentiment: the `{name}` frame lacks required columns "
                              f"{sorted({'term', 'score'} - set(obj.columns))}; columns present: {list(obj.columns)}")
        df = obj[["term", "score"]].copy()
        df["category"] = obj["category"] if "category" in obj.columns else "user"
        return df
    if isinstance(obj, Mapping):
        return pd.DataFrame({"term": list(obj), "score": [float(v) for v in obj.values()], "category": "user"})
    raise TypeError(f"sentiment: `{name}` must be a dict, a DataFrame(term, score) or a file path, "
                    f"got {type(obj).__name__}")


def _rule_pair(toks: tuple, cat: str, singles: set) -> bool:
    """A two-word entry that is just a lexicon word plus an intensifier or diminisher."""
    a, b = toks
    if (a in DIMINISHERS and b in singles) or (b in DIMINISHERS and a in singles):
        return True
    if cat == "complaint":
        return False
    return (b in INTENSIFIERS["post"] and a in singles) or (a in INTENSIFIERS["pre"] and b in singles)


class _Tables:
    """Compiled lexicon: single-token dicts and phrase tables (canonical tokens)."""

    def __init__(self, id_frame: pd.DataFrame, extra: pd.DataFrame | None):
        self.single: dict[str, tuple[float, str]] = {}
        self.phrase: dict[tuple[str, ...], tuple[float, str]] = {}
        frames = [id_frame] if extra is None else [extra, id_frame]  # extra first: it wins
        singles = {w for fr in frames for w in fr["term"].astype(str).str.lower() if " " not in w}
        for fr in frames:
            for term, score, cat in zip(fr["term"].astype(str), fr["score"].astype(float), fr["category"].astype(str)):
                toks = _canon_term(term.lower())
                if not toks or len(toks) > _MAX_N:
                    continue
                if len(toks) == 2 and fr is id_frame and _rule_pair(toks, cat, singles):
                    continue  # "enak banget", "agak mahal": let the intensifier/diminisher rules work
                table = self.single if len(toks) == 1 else self.phrase
                key = toks[0] if len(toks) == 1 else toks
                table.setdefault(key, (score, cat))
        for sym, score, cat in _emoji_rows():
            self.single.setdefault(sym, (score, cat))
        self.en = _vader()
        self.extra_terms = set() if extra is None else {
            k for k in (_canon_term(t.lower()) for t in extra["term"].astype(str)) if len(k) == 1}
        self.phrase_words = sorted({w for k in self.phrase for w in k})
        pw = {w: i + 1 for i, w in enumerate(self.phrase_words)}
        self.pw_index = pw
        self.base = len(pw) + 1
        keys = []
        self.phrase_list = list(self.phrase.items())
        for k, _ in self.phrase_list:
            code = 0
            for w in k:
                code = code * self.base + pw[w]
            keys.append(code)
        keys_a = np.asarray(keys, dtype=np.int64)
        lens = np.array([len(k) for k, _ in self.phrase_list], dtype=np.int64)
        self.by_n = {}
        for n in range(_MAX_N, 1, -1):
            sel = np.flatnonzero(lens == n)
            order = np.argsort(keys_a[sel])
            self.by_n[n] = (keys_a[sel][order], sel[order])
        self.pair_ok = np.zeros(self.base * self.base, dtype=bool)
        for k, _ in self.phrase_list:
            for a, b in zip(k[:-1], k[1:]):
                self.pair_ok[pw[a] * self.base + pw[b]] = True
        self.phrase_score = np.array([v[0] for _, v in self.phrase_list], dtype=float)


@lru_cache(maxsize=1)
def _emoji_rows() -> tuple:
    rows = []
    for ln in _data_lines("emoji_polarity.tsv"):
        parts = ln.split("\t")
        if parts[0] == "symbol":
            continue
        rows.append((parts[0], float(parts[1]), "emoji"))
    return tuple(rows)


@lru_cache(maxsize=1)
def _vader() -> dict[str, float]:
    import vaderSentiment

    text = resources.files(vaderSentiment).joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for ln in text.splitlines():
        parts = ln.split("\t")
        if len(parts) < 2:
            continue
        toks = _canon_chunk(parts[0], None)[0]
        # keep entries that survive tokenisation unchanged (drops emoticons such as "8)" -> "8")
        if len(toks) == 1 and toks[0] == parts[0].lower():
            out.setdefault(toks[0], float(parts[1]))
    return out


@lru_cache(maxsize=1)
def _default_tables() -> _Tables:
    return _Tables(load_lexicon(), None)


def _stem_lookup(w: str, single: dict) -> str | None:
    """Root of an affixed Indonesian word that is in the lexicon, else None."""
    if len(w) >= 4 and w[-1] == w[-2] and w[:-1] in single:  # "parahh", "kerenn", "enakk"
        return w[:-1]
    if len(w) < 5 or not w.isalpha():
        return None
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3 and w[: -len(suf)] in single:
            return w[: -len(suf)]
    for pre in _PREFIXES:
        if w.startswith(pre):
            root = w[len(pre):]
            for suf in ("", "kan", "an", "i", "nya"):
                r = root[: len(root) - len(suf)] if suf and root.endswith(suf) else (root if not suf else None)
                if r and len(r) >= 3 and r in single and abs(single[r][0]) >= 1:
                    return r
    return None


def _vocab_arrays(vocab: np.ndarray, tables: _Tables):
    V = len(vocab)
    s_id = np.full(V, np.nan)
    s_en = np.full(V, np.nan)
    neg = np.zeros(V, dtype=bool)
    ipost = np.ones(V)
    ipre = np.ones(V)
    contrast = np.zeros(V, dtype=bool)
    conc = np.zeros(V, dtype=bool)
    brk = np.zeros(V, dtype=bool)
    excl = np.zeros(V)
    pw = np.zeros(V, dtype=np.int64)
    is_emoji = np.zeros(V, dtype=bool)
    root = np.empty(V, dtype=object)
    single, en = tables.single, tables.en
    post, pre = INTENSIFIERS["post"], INTENSIFIERS["pre"]
    for i, w in enumerate(vocab):
        c0 = w[0]
        if c0 == "!":
            excl[i] = min(len(w), 3)
            brk[i] = True
            continue
        if w in (".", "?"):
            brk[i] = True
            continue
        pw[i] = tables.pw_index.get(w, 0)
        role = w in _ROLE_WORDS
        hit = single.get(w)
        if hit is not None:
            s_id[i] = hit[0]
            is_emoji[i] = hit[1] == "emoji"
        elif c0.isalpha() and w not in en:
            r = _stem_lookup(w, single)
            if r is not None:
                s_id[i] = single[r][0]
                root[i] = r
        ev = en.get(w)
        if ev is not None:
            s_en[i] = ev
        if w in NEGATORS:
            neg[i] = True
        if w in post:
            ipost[i] = post[w]
        if w in pre:
            ipre[i] = pre[w]
        elif w in DIMINISHERS:
            ipre[i] = DIMINISHERS[w]
        if w in CONTRASTS:
            contrast[i] = True
        if w in CONCESSIONS:
            conc[i] = True
        if role and w not in _KEEP_SCORE and w not in tables.extra_terms:
            s_id[i] = np.nan
            s_en[i] = np.nan
    s_idp = np.where(np.isnan(s_id), s_en, s_id)
    s_enp = np.where(np.isnan(s_en), s_id, s_en)
    role = neg | (ipost != 1) | (ipre != 1) | contrast | conc
    return dict(role=role, s_id=np.nan_to_num(s_idp), s_en=np.nan_to_num(s_enp), neg=neg, ipost=ipost, ipre=ipre,
                contrast=contrast, conc=conc, brk=brk, excl=excl, pw=pw, is_emoji=is_emoji, root=root)


def _shift1(a):
    out = np.zeros_like(a)
    out[1:] = a[:-1]
    return out


def _same_doc(doc, a, b):
    """Positions a and b (arrays, b may be out of range) are in the same text."""
    T = len(doc)
    ok = (b >= 0) & (b < T)
    out = np.zeros(len(a), dtype=bool)
    out[ok] = doc[a[ok]] == doc[b[ok]]
    return out


def _score_arrays(doc, tok, el, vocab, n, lang_code, tables, want_evidence, va=None):
    """Score every text from token arrays; work is done at the few positions that matter."""
    T = len(tok)
    if va is None:
        va = _vocab_arrays(vocab, tables)
    en_docs = lang_code == 1
    if en_docs.any():
        sc = np.where(en_docs[doc], va["s_en"][tok], va["s_id"][tok])
    else:
        sc = va["s_id"][tok]
    # --- phrases (longest first), only where two adjacent words can belong to a phrase
    phrase_at = {}
    pwt = va["pw"][tok]
    consumed = np.zeros(T, dtype=bool)
    B = tables.base
    adj = np.zeros(T, dtype=bool)  # adj[i]: (tok i, tok i+1) is a consecutive pair of some phrase
    if T > 1 and len(tables.phrase_list):
        adj[:-1] = tables.pair_ok[pwt[:-1] * B + pwt[1:]]
    c2 = np.flatnonzero(adj)
    for k in range(_MAX_N, 1, -1):
        keys, idx = tables.by_n[k]
        if len(keys) == 0 or len(c2) == 0:
            continue
        c = c2[c2 <= T - k]
        for j in range(1, k - 1):
            c = c[adj[c + j]]
        c = c[~consumed[c]]
        for j in range(1, k):
            c = c[~consumed[c + j]]
        if len(c) == 0:
            continue
        code = pwt[c].astype(np.int64)
        for j in range(1, k):
            code = code * B + pwt[c + j]
        pos = np.minimum(np.searchsorted(keys, code), len(keys) - 1)
        ok = keys[pos] == code
        hits, pos = c[ok], pos[ok]
        ok = doc[hits] == doc[hits + k - 1]
        hits, pos = hits[ok], pos[ok]
        if len(hits) == 0:
            continue
        keep = np.ones(len(hits), dtype=bool)
        keep[1:] = np.diff(hits) >= k
        hits, pidx = hits[keep], idx[pos[keep]]
        if want_evidence:
            phrase_at.update(zip(hits.tolist(), pidx.tolist()))
        for j in range(k):
            consumed[hits + j] = True
        sc[hits] = tables.phrase_score[pidx]
        for j in range(1, k):
            sc[hits + j] = 0.0
    phrase_start = np.zeros(T, dtype=bool)
    phrase_start[np.flatnonzero(consumed & ~_shift1(consumed))] = True
    # --- role positions (negators, intensifiers, contrast, concession) not inside phrases
    role_t = va["role"][tok]
    R = np.flatnonzero(role_t & ~consumed)
    rt = tok[R]
    # post intensifiers after a sentiment word lose their own score ("enak parah")
    post_R = R[va["ipost"][rt] > 1]
    if len(post_R):
        prev = post_R - 1
        okp = _same_doc(doc, post_R, prev)
        okp[okp] &= sc[prev[okp]] != 0
        dual = post_R[okp]
        sc[dual[~phrase_start[dual]]] = 0.0
    polar = sc != 0
    P = np.flatnonzero(polar)
    m = np.ones(len(P))
    neg_src = np.full(len(P), -1, dtype=np.int64)
    int_src = np.full(len(P), -1, dtype=np.int64)
    brk_t = va["brk"][tok]

    def _apply(src, target, factor, store):
        # multiply the polar token at `target` (same text) by `factor`
        ok = _same_doc(doc, src, target)
        ok[ok] &= polar[target[ok]]
        src, target, factor = src[ok], target[ok], factor[ok]
        j = np.searchsorted(P, target)
        m[j] *= factor
        store[j] = src
        return ok

    # post intensifiers: word before, else two before
    if len(post_R):
        f = va["ipost"][tok[post_R]]
        done = _apply(post_R, post_R - 1, f, int_src)
        rest = post_R[~done]
        if len(rest):
            okb = ~brk_t[rest - 1] & ~polar[rest - 1]
            _apply(rest[okb], rest[okb] - 2, va["ipost"][tok[rest[okb]]], int_src)
    pre_R = R[va["ipre"][rt] != 1]
    if len(pre_R):
        f = va["ipre"][tok[pre_R]]
        done = _apply(pre_R, pre_R + 1, f, int_src)
        rest = pre_R[~done & (pre_R + 2 < T)]
        if len(rest):
            okb = ~brk_t[rest + 1] & ~polar[rest + 1]
            _apply(rest[okb], rest[okb] + 2, va["ipre"][tok[rest[okb]]], int_src)
    # negation: first sentiment word within three tokens, same clause
    clause_brk = brk_t | va["contrast"][tok] | va["conc"][tok]
    neg_R = R[va["neg"][rt]]
    negated = np.zeros(len(P), dtype=bool)
    if len(neg_R):
        alive = np.ones(len(neg_R), dtype=bool)
        for j in range(1, 4):
            tgt = neg_R + j
            ok = alive & _same_doc(doc, neg_R, tgt)
            alive &= ok
            if not alive.any():
                break
            t_ok = tgt[alive]
            stop = clause_brk[t_ok] | va["neg"][tok[t_ok]]
            hit = polar[t_ok] & ~stop
            idx_alive = np.flatnonzero(alive)
            hit_i = idx_alive[hit]
            if len(hit_i):
                jj = np.searchsorted(P, tgt[hit_i])
                negated[jj] = True
                neg_src[jj] = neg_R[hit_i]
            alive[idx_alive[hit | stop | polar[t_ok]]] = False
        m = np.where(negated, m * np.where(sc[P] > 0, _NEG_POS, _NEG_NEG), m)
    # contrast: words before the last contrast word of the text x0.5, after x1.5
    con_R = R[va["contrast"][rt]]
    cw = np.ones(len(P))
    lastc_P = np.full(len(P), -1, dtype=np.int64)
    if len(con_R) and len(P):
        lastc = np.full(n, -1, dtype=np.int64)
        lastc[doc[con_R]] = con_R  # sorted: the last assignment wins
        lastc_P = lastc[doc[P]]
        # only when some sentiment word follows the contrast word ("3 menit cuma buat 1 gelas" is no contrast)
        after = np.zeros(n, dtype=bool)
        after[doc[P][P > lastc_P]] = True
        lastc_P = np.where(after[doc[P]], lastc_P, -1)
        has = lastc_P >= 0
        cw = np.where(has & (P < lastc_P), _CONTRAST_BEFORE, np.where(has & (P > lastc_P), _CONTRAST_AFTER, 1.0))
    # concession: its own clause x0.5
    conc_R = R[va["conc"][rt]]
    in_conc = np.zeros(len(P), dtype=bool)
    if len(conc_R) and len(P):
        B = np.append(-1, np.flatnonzero(brk_t | va["contrast"][tok]))
        last_b = B[np.searchsorted(B, P) - 1]
        i_k = np.searchsorted(conc_R, P) - 1
        last_k = np.where(i_k >= 0, conc_R[np.maximum(i_k, 0)], -1)
        in_conc = (last_k >= 0) & (last_k > last_b) & _same_doc(doc, P, last_k)
    elong = el[P]
    contrib = sc[P] * m * cw * np.where(in_conc, _CONCESSION, 1.0) * np.where(elong, _ELONG, 1.0)
    dP = doc[P]
    raw = np.bincount(dP, weights=contrib, minlength=n)
    E = np.flatnonzero(va["excl"][tok] > 0)
    ex = np.minimum(np.bincount(doc[E], weights=va["excl"][tok[E]], minlength=n), 3)
    raw = raw + np.sign(raw) * _EXCL * ex
    score = raw / np.sqrt(raw * raw + _ALPHA)
    evidence = None
    if want_evidence:
        evidence = _evidence(P, dP, tok, vocab, n, contrib, phrase_at, tables, negated, neg_src, int_src,
                             lastc_P, cw, in_conc, elong, va, ex, raw)
    return score, evidence


def _evidence(P, dP, tok, vocab, n, contrib, phrase_at, tables, negated, neg_src, int_src, lastc, cw, in_conc,
              elong, va, ex, raw):
    items: list[list[str]] = [[] for _ in range(n)]
    for j, i in enumerate(P.tolist()):
        t = tok[i]
        q = phrase_at.get(i)
        if q is not None:
            key, (_, cat) = tables.phrase_list[q]
            word = " ".join(key)
            tags = ["complaint" if cat == "complaint" else "phrase"]
        else:
            word = vocab[t]
            tags = ["emoji"] if va["is_emoji"][t] else []
            if va["root"][t] is not None:
                tags.append(f"root {va['root'][t]}")
        if negated[j]:
            tags.append(f"negation {vocab[tok[neg_src[j]]]}")
        if int_src[j] >= 0:
            w = vocab[tok[int_src[j]]]
            tags.append(f"{'diminisher' if w in DIMINISHERS else 'intensifier'} {w}")
        if cw[j] != 1.0:
            tags.append(f"contrast {vocab[tok[lastc[j]]]} {'after' if cw[j] > 1 else 'before'}")
        if in_conc[j]:
            tags.append("concession")
        if elong[j]:
            tags.append("elongation")
        items[dP[j]].append(f"{word}:{contrib[j]:+.2f}" + (f" [{', '.join(tags)}]" if tags else ""))
    for d in np.flatnonzero((ex > 0) & (raw != 0)).tolist():
        items[d].append(f"exclamation:{np.sign(raw[d]) * _EXCL * ex[d]:+.2f}")
    return ["; ".join(x) for x in items]


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
          concession, elongation, emoji, complaint, phrase, exclamation).

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
    texts_l, index = _text_list(texts, "sentiment")
    n = len(texts_l)
    if n == 0:
        return pd.DataFrame({"label": pd.Series([], dtype=object), "score": pd.Series([], dtype=float),
                             "lang": pd.Series([], dtype=object), "evidence": pd.Series([], dtype=object)},
                            index=index)
    if lexicon is None and extra_lexicon is None:
        tables = _default_tables()
    else:
        base = load_lexicon() if lexicon is None else _as_lexicon_frame(lexicon, "lexicon")
        extra = None if extra_lexicon is None else _as_lexicon_frame(extra_lexicon, "extra_lexicon")
        tables = _Tables(base, extra)
    scores, codes, evs = [], [], []
    voc = _Vocab()  # shared by the batches: each distinct token is looked up once
    va: dict | None = None
    votes: tuple | None = None
    for start in range(0, n, _BATCH):  # batches keep the arrays in cache and memory flat
        part = texts_l[start:start + _BATCH]
        m = len(part)
        before = len(voc.words)
        doc, tok, vocab, el = _token_arrays(part, slang=SLANG_ID, vocab=voc, collapse=not evidence)
        new_words = vocab[before:]
        va_new = _vocab_arrays(new_words, tables)
        va = va_new if va is None else {k: np.concatenate([va[k], va_new[k]]) for k in va}
        if lang == "auto":
            v_new = _votes(new_words)
            votes = v_new if votes is None else tuple(np.concatenate([a, b]) for a, b in zip(votes, v_new))
            code = _detect_codes(doc, tok, vocab, m, votes=votes)
        else:
            code = np.full(m, 0 if lang == "id" else 1)
        sc, ev = _score_arrays(doc, tok, el, vocab, m, code, tables, evidence, va=va)
        scores.append(sc)
        codes.append(code)
        evs.extend(ev if ev is not None else [])
    score = np.concatenate(scores)
    code = np.concatenate(codes).astype(np.int64)
    ev = evs if evidence else None
    lab_i = 1 + (score >= _THRESH).astype(np.int8) - (score <= -_THRESH).astype(np.int8)
    return pd.DataFrame({
        "label": pd.Series(_LABELS_A[lab_i], index=index),
        "score": pd.Series(score, index=index),
        "lang": pd.Series(_CODES[code], index=index),
        "evidence": pd.Series(ev if ev is not None else np.full(n, "", dtype=object), index=index, dtype=object),
    })
