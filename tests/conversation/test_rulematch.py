"""RE2 narrows, Python decides: rulematch gives exactly what Python's re gives."""

import re

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation import rulematch
from smanalysis.conversation.care import INTENT_RULES, _PRIORITY

TRICKY = [
    "kopi enak", "kopi enakñ", "café enak", "enak\u00a0banget", "enak\nbanget", "enak\n", "٣ berapa", "3 berapa",
    "bawa anjing boleh?", "dasar anjing", "up", "  upp gan", "mantap 😍", "❤️ enak", "a\x1cb", "", "parah enak",
    "parah banget", "aa", "a_b", "ENAK", "x\u2003y", "lama\u200dbanget",
]
PATTERNS = [r"(?<!bawa )\banjing\b", r"\benak\b", r"\bberapa\b", r"^\s*up+\b", r"parah(?!\s+enak)", r"a{,2}b",
            r"(a)\1", r"\d berapa", r"enak$", r"enak\sbanget", r"\w+_\w+", r"[(?=x)]"]


def _python_first(texts, patterns):
    return [next((i for i, p in enumerate(patterns) if re.search(p, t)), -1) for t in texts]


@pytest.fixture(params=["re2", "default"])
def py_rows(request, monkeypatch):
    """Each rule on RE2's candidates (``_PY_ROWS`` 0), and as a report runs (a few texts: Python at once)."""
    if request.param == "re2":
        monkeypatch.setattr(rulematch, "_PY_ROWS", 0)
    return rulematch._PY_ROWS


def test_first_match_equals_python_on_tricky_texts(py_rows):
    # unicode letters/digits next to words, non-ASCII spaces, a trailing newline before $, look-arounds,
    # "{,2}" (a literal in RE2), back-references, a "(?=" inside a class: all exactly as Python
    for k in range(len(PATTERNS)):
        pats = PATTERNS[k:] + PATTERNS[:k]
        assert rulematch.first_match(TRICKY, pats).tolist() == _python_first(TRICKY, pats)


def test_first_match_worked_example(py_rows):
    # "bawa anjing" is not abuse (look-behind), "kopi enakñ" has no word "enak" (ñ is a letter)
    got = rulematch.first_match(["bawa anjing boleh?", "dasar anjing", "kopi enakñ", "kopi enak"],
                                [r"(?<!bawa )\banjing\b", r"\benak\b", r"\?"])
    assert got.tolist() == [2, 0, -1, 1]


def test_first_match_every_intent_rule_on_generated_texts(py_rows):
    rules = [p for intent in _PRIORITY for _, p in INTENT_RULES[intent]]
    words = ["kak", "berapa", "enak", "anjing", "bawa", "kecewa", "gk", "pernah", "?", "@sari", "kapan", "slot",
             "parah", "mantap", "😍", "é", "lama", "banget", "cek", "bio", "http://x.co/a", "tidak_kecewa"]
    rng = np.random.default_rng(0)
    texts = [" ".join(rng.choice(words, size=rng.integers(1, 6))) for _ in range(400)]
    assert rulematch.first_match(texts, rules).tolist() == _python_first(texts, rules)


def test_search_of_a_few_texts_is_python_alone(monkeypatch):
    # up to _PY_ROWS texts left for a rule: Python's re decides without an RE2 pass (none is asked for)
    t = rulematch._Texts(pd.Series(["dasar anjing", "bawa anjing boleh?", "kopi"] * 10))
    rows = np.arange(30)
    assert len(rows) <= rulematch._PY_ROWS

    def no_re2(*_):
        raise AssertionError("RE2 pass on a few texts")

    monkeypatch.setattr(rulematch._Texts, "candidates", no_re2)
    assert t.search(re.compile(r"(?<!bawa )\banjing\b"), rows).tolist() == list(range(0, 30, 3))
    assert t.search(re.compile("x"), rows[:0]).tolist() == []


def test_sub_with_hint_and_missing_values():
    s = pd.Series(["enaaak", None, "oke", "seruuu bangettt"])
    got = rulematch.sub(s, r"([a-z])\1{2,}", r"\1", hint="aaa|uuu|ttt")
    assert got.tolist() == ["enak", "", "oke", "seru banget"]


def test_may_match_is_false_only_where_python_cannot_match():
    texts = ["teh", "kopi enak", "kopi enakñ"]
    mask = rulematch.may_match(texts, r"\benak\b")
    assert mask.tolist()[:2] == [False, True]
    assert mask[2]  # a non-ASCII letter: left to Python (which says no), never dropped by RE2


def test_strip_lookarounds_keeps_classes_and_escapes():
    assert rulematch._strip_lookarounds(r"a(?!b(c))d[(?=]\(?=e") == r"ad[(?=]\(?=e"
    with pytest.raises(ValueError, match="unbalanced"):
        rulematch._strip_lookarounds(r"a(?=b")


def test_surrogates_are_left_to_python():
    texts = ["enak \ud800", "enak"]
    assert rulematch.first_match(texts, [r"\benak\b"]).tolist() == [0, 0]


def test_superset_rules():
    # a final look-ahead is kept as a plain group; a class starting with ":" is no POSIX class
    assert rulematch._superset(r"\bga\s+(?=kecewa\b)", re.UNICODE) == r"\bga\s+(?:kecewa\b)"
    assert rulematch._superset(r"a(?=b)c", re.UNICODE) == "ac"
    assert rulematch._superset(r"wa\s*[:.]?\s*\+?08", re.UNICODE) is not None
    assert rulematch._superset(r"[[:alpha:]]x", re.UNICODE) is None
    assert rulematch._superset(r"(a)\1", re.UNICODE) is None


def test_subs_in_turn_keeps_the_index():
    s = pd.Series(["gk  kecewa", "enaaak"], index=[5, 7])
    got = rulematch.subs(s, [(r"\s+", " ", "  "), (r"\bgk (?=kecewa)", "tidak_", None),
                             (r"([a-z])\1{2,}", r"\1", "aaa")])
    assert got.to_dict() == {5: "tidak_kecewa", 7: "enak"}
