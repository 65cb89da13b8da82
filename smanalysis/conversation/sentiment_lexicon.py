"""Lexicons of the default sentiment scorer: reading, compiling, and per-token features.

The Indonesian lexicon (``smanalysis/data/lexicon_id.tsv``, see ``LEXICON.md``), the emoji table
and vaderSentiment's English lexicon (read from the installed package) are compiled once into
:class:`LexiconTables`: single tokens and phrases in canonical (normalised) form.
:func:`vocab_features` turns a vocabulary into the NumPy arrays the scorer works on.

Examples
--------
>>> lex = load_lexicon()
>>> lex.set_index("term").loc["enak", "score"]
np.float64(3.0)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .sentiment_rules import (CONCESSIONS, CONTRASTS, DIMINISHERS, DISCOURSE, EN_SUFFIXES, EXCESS, INTENSIFIERS,
                              KEEP_SCORE, LAUGHTER, MAX_PHRASE, NEGATOR_ENDINGS, NEGATORS, POST_WORDS, PREFIXES,
                              ROLE_WORDS, SARCASM_FILLERS, SARCASM_MARKERS, SARCASM_OPENERS, SARCASM_PRAISE, SUFFIXES,
                              WAIT_LIMITERS, WAIT_UNITS, WAIT_WORDS)
from .textdata import SLANG_ID
from .textdata import data_lines
from .tokens import QUOTE_MARK, canon_chunk

__all__ = ["load_lexicon", "lexicon", "LexiconTables", "default_tables", "custom_tables", "vocab_features"]


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


_ELONGATED = re.compile(r"(\w)\1\1")


def _canon_term(term: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in term.split():
        out.extend(canon_chunk(part, SLANG_ID)[0])
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


class LexiconTables:
    """Compiled lexicon: single-token dicts and phrase tables (canonical tokens).

    Build with :func:`default_tables` or :func:`custom_tables`; later entries win (an
    ``extra`` frame over the base, the end of a file over its start).
    """

    def __init__(self, id_frame: pd.DataFrame, extra: pd.DataFrame | None):
        self.single: dict[str, tuple[float, str]] = {}
        self.phrase: dict[tuple[str, ...], tuple[float, str]] = {}
        frames = [id_frame] if extra is None else [id_frame, extra]  # later entries win: extra, then the end of a file
        singles = {w for fr in frames for w in fr["term"].astype(str).str.lower() if " " not in w}
        en_single, en_phrase = _english()
        self.phrase.update(en_phrase)  # English phrases first: the Indonesian lexicon and extra entries win
        for fr in frames:
            exact: set = set()  # keys written in their normal form in this frame
            for term, score, cat in zip(fr["term"].astype(str), fr["score"].astype(float), fr["category"].astype(str)):
                toks = _canon_term(term.lower())
                if not toks or len(toks) > MAX_PHRASE:
                    continue
                if len(toks) == 2 and fr is id_frame and _rule_pair(toks, cat, singles):
                    continue  # "enak banget", "agak mahal": let the intensifier/diminisher rules work
                table = self.single if len(toks) == 1 else self.phrase
                key = toks[0] if len(toks) == 1 else toks
                is_exact = " ".join(toks) == " ".join(term.lower().split())
                if not is_exact and key in exact and _ELONGATED.search(term):
                    continue  # an elongated spelling ("lamaaa") does not override its normal form ("lama")
                if is_exact:
                    exact.add(key)
                table[key] = (score, cat)
        for sym, score, cat in _emoji_rows():
            self.single.setdefault(sym, (score, cat))
        self.en = {**_vader(), **en_single}
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
        for n in range(MAX_PHRASE, 1, -1):
            sel = np.flatnonzero(lens == n)
            order = np.argsort(keys_a[sel])
            self.by_n[n] = (keys_a[sel][order], sel[order])
        self.pair_ok = np.zeros(self.base * self.base, dtype=bool)
        for k, _ in self.phrase_list:
            for a, b in zip(k[:-1], k[1:]):
                self.pair_ok[pw[a] * self.base + pw[b]] = True
        self.phrase_score = np.array([v[0] for _, v in self.phrase_list], dtype=float)
        # phrases that count as generic praise for the sarcasm rule ("can't wait", "love how", "love it")
        self.phrase_irony = np.array([v[1] == "irony" or k[0] in SARCASM_PRAISE for k, v in self.phrase_list],
                                     dtype=bool)


@lru_cache(maxsize=1)
def _emoji_rows() -> tuple:
    rows = []
    for ln in data_lines("emoji_polarity.tsv"):
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
        toks = canon_chunk(parts[0], None)[0]
        # keep entries that survive tokenisation unchanged (drops emoticons such as "8)" -> "8"),
        # but not single letters ("l", "x": sizes and variables in comments, not feelings)
        if len(toks) == 1 and toks[0] == parts[0].lower() and not (len(toks[0]) == 1 and toks[0].isalpha()):
            out.setdefault(toks[0], float(parts[1]))
    return out


@lru_cache(maxsize=1)
def _english() -> tuple[dict, dict]:
    """The project's English additions (``lexicon_en.tsv``): single words and phrases, canonical.

    Each term with an apostrophe also gets its curly-apostrophe and apostrophe-less spellings
    ("can't wait", "can’t wait", "cant wait").
    """
    single: dict[str, tuple[float, str]] = {}
    phrase: dict[tuple[str, ...], tuple[float, str]] = {}
    frame = _read_table(None, "lexicon_en.tsv")
    for term, score, cat in zip(frame["term"], frame["score"].astype(float), frame["category"]):
        spellings = {term, term.replace("'", "\u2019"), term.replace("'", "")}
        for t in spellings:
            toks = _canon_term(t)
            if not toks or len(toks) > MAX_PHRASE:
                continue
            if len(toks) == 1:
                single[toks[0]] = (score, cat)
            else:
                phrase[toks] = (score, cat)
    return {w: v[0] for w, v in single.items()}, phrase


@lru_cache(maxsize=1)
def default_tables() -> LexiconTables:
    """The compiled bundled lexicons (cached)."""
    return LexiconTables(load_lexicon(), None)


def _stem_lookup(w: str, single: dict) -> str | None:
    """Root of an affixed Indonesian word that is in the lexicon, else None."""
    if len(w) >= 4 and w[-1] == w[-2] and w[:-1] in single:  # "kerenn", "enakk"
        return w[:-1]
    if len(w) < 5 or not w.isalpha():
        return None
    for suf in SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3 and w[: -len(suf)] in single:
            return w[: -len(suf)]
    for pre in PREFIXES:
        if w.startswith(pre):
            root = w[len(pre):]
            for suf in ("", "kan", "an", "i", "nya"):
                if pre == "ke" and suf in ("an", "nya"):
                    continue  # ke-...-an makes nouns of adjectives (kecepatan = speed, not fast)
                r = root[: len(root) - len(suf)] if suf and root.endswith(suf) else (root if not suf else None)
                if r and len(r) >= 3 and r in single and abs(single[r][0]) >= 1:
                    return r
    return None


def _en_stem_lookup(w: str, en: dict) -> str | None:
    """Root of an inflected English word that is in the English lexicon ("scammed" -> "scam"), else None."""
    if len(w) < 5 or not (w.isascii() and w.isalpha()):
        return None
    for suf, add in EN_SUFFIXES:
        if w.endswith(suf):
            r = w[: -len(suf)] + add
            if len(r) >= 3 and r in en:
                return r
            if not add and len(r) >= 4 and r[-1] == r[-2] and r[:-1] in en:  # "scammed", "hugging"
                return r[:-1]
    return None


def vocab_features(vocab: np.ndarray, tables: LexiconTables) -> dict:
    """Per vocabulary entry: scores (Indonesian-first and English-first) and rule roles, as arrays."""
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
    excess = np.fromiter((w in EXCESS for w in vocab), dtype=bool, count=V)
    laugh = np.fromiter((w in LAUGHTER for w in vocab), dtype=bool, count=V)
    sarc = np.fromiter((w in SARCASM_MARKERS for w in vocab), dtype=bool, count=V)
    opener = np.fromiter((w in SARCASM_OPENERS for w in vocab), dtype=bool, count=V)
    gpraise = np.fromiter((w in SARCASM_PRAISE for w in vocab), dtype=bool, count=V)
    quest = np.fromiter((w == "?" for w in vocab), dtype=bool, count=V)
    scare = np.fromiter((w[:1] == QUOTE_MARK for w in vocab), dtype=bool, count=V)
    disc = np.fromiter((w in DISCOURSE for w in vocab), dtype=bool, count=V)
    filler = np.fromiter((w in SARCASM_FILLERS for w in vocab), dtype=bool, count=V)
    wait = np.fromiter((w in WAIT_WORDS for w in vocab), dtype=bool, count=V)
    unit = np.fromiter((w in WAIT_UNITS for w in vocab), dtype=bool, count=V)
    limiter = np.fromiter((w in WAIT_LIMITERS for w in vocab), dtype=bool, count=V)
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
        if scare[i]:
            w = w[1:]  # '"fresh"': scored as its word, flipped by the scare-quote rule when positive
            c0 = w[0]
        else:
            pw[i] = tables.pw_index.get(w, 0)
        if len(w) >= 4 and w[-1] == w[-2] and w[:-1] in ROLE_WORDS | POST_WORDS:
            w = w[:-1]  # "parahh", "bangett": a rule word with a doubled last letter
        role = w in ROLE_WORDS
        hit = single.get(w)
        if hit is not None:
            s_id[i] = hit[0]
            is_emoji[i] = hit[1] == "emoji"
        elif c0.isalpha() and w not in en:
            r = _stem_lookup(w, single)
            if r is not None:
                s_id[i] = single[r][0]
                root[i] = r
                hit = True
        ev = en.get(w)
        if ev is None and hit is None and w[-1] in "sdg" and len(w) >= 5:
            r = _en_stem_lookup(w, en)
            if r is not None:
                ev = en[r]
                root[i] = r
        if ev is not None:
            s_en[i] = ev
        if w in NEGATORS or w.endswith(NEGATOR_ENDINGS):
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
        if role and w not in KEEP_SCORE and w not in tables.extra_terms:
            s_id[i] = np.nan
            s_en[i] = np.nan
    s_idp = np.where(np.isnan(s_id), s_en, s_id)
    s_enp = np.where(np.isnan(s_en), s_id, s_en)
    role = neg | (ipost != 1) | (ipre != 1) | contrast | conc
    return dict(role=role, s_id=np.nan_to_num(s_idp), s_en=np.nan_to_num(s_enp), neg=neg, ipost=ipost, ipre=ipre,
                contrast=contrast, conc=conc, brk=brk, excl=excl, pw=pw, is_emoji=is_emoji, root=root, excess=excess, laugh=laugh, sarc=sarc, quest=quest,
                opener=opener, gpraise=gpraise, scare=scare, disc=disc, filler=filler, wait=wait, unit=unit,
                limiter=limiter, special=disc | wait)




def custom_tables(lexicon=None, extra_lexicon=None) -> LexiconTables:
    """Compile a replacement Indonesian lexicon and/or extra entries (frame, dict or path)."""
    base = load_lexicon() if lexicon is None else _as_lexicon_frame(lexicon, "lexicon")
    extra = None if extra_lexicon is None else _as_lexicon_frame(extra_lexicon, "extra_lexicon")
    return LexiconTables(base, extra)
