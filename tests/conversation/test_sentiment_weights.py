"""Hand-worked scores of the rule weights (labels alone would not catch a wrong weight).

Lexicon scores used (smanalysis/data/lexicon_id.tsv, emoji_polarity.tsv): mahal -1.5,
buruk -3, enak 3, bagus 2.5, hebat 3, cocok 2, bego -3, larang -2, wkwk 0.5, 🙃 -0.5, murah 1.5,
gila -2, ngakak 1, lama -1.
A text's sum S becomes score = S / sqrt(S**2 + 15).
"""

import math

import pytest

from smanalysis.conversation.sentiment import sentiment


def _norm(s):
    return s / math.sqrt(s * s + 15)


@pytest.mark.parametrize("text, total, label", [
    # negated negative: -1.5 * -0.5 = +0.75; one weak word alone is damped x0.5 -> 0.375: stays neutral
    ("tidak mahal", 0.375, "neutral"),
    # negated strong negative: -3 * -0.5 = +1.5 (not weak): mildly positive
    ("tidak buruk", 1.5, "positive"),
    # negated positive: hebat 3 * -0.74 = -2.22; the Javanese negator "ora" and Sundanese "teu" work the same
    ("tidak hebat", -2.22, "negative"),
    ("ora hebat", -2.22, "negative"),
    ("teu hebat", -2.22, "negative"),
    # intensifier after the word: 3 * 1.5
    ("enak banget", 4.5, "positive"),
    # intensifier before: 2.5 * 1.5
    ("sangat bagus", 3.75, "positive"),
    # diminisher: -1.5 * 0.6 = -0.9, weak and alone -> -0.45
    ("agak mahal", -0.45, "neutral"),
    # contrast: before "tapi" x0.5, after x1.5: -1.5 * 0.5 + 3 * 1.5
    ("mahal tapi enak", 3.75, "positive"),
    ("enak tapi mahal", 3 * 0.5 - 1.5 * 1.5, "neutral"),
    # excess: a positive word after "terlalu" counts 2.5 * -0.6
    ("terlalu bagus", -1.5, "negative"),
    # excess with a negative word is an ordinary intensifier: -3 * 1.4
    ("terlalu buruk", -4.2, "negative"),
    # sarcasm marker: praise flips, 3 -> -3, plus the emoji's own -0.5
    ("hebat 🙃", -3.5, "negative"),
    # laughter: +0.5 after praise, -0.5 (mocking) in a text with a negative word
    ("enak wkwk", 3.5, "positive"),
    ("bego wkwk", -3.5, "negative"),
    # question: a positive word counts x0.5 -> 1.0, then weak and alone x0.5
    ("cocok?", 0.5, "neutral"),
    # regional words: larang (Javanese, expensive) -2 is not weak
    ("larang", -2.0, "negative"),
    # "gila" before a sentiment word is an intensifier (x1.5) and loses its own score: murah 1.5 * 1.5
    ("gila murah", 2.25, "positive"),
    # ... alone it keeps its own score -2
    ("gila", -2.0, "negative"),
    # "kirain" (I thought) negates like "tidak": enak 3 * -0.74
    ("kirain enak", -2.22, "negative"),
    # laughter ngakak 1 with an intensifier after it: 1 * 1.5 (parah loses its own score)
    ("ngakak parah", 1.5, "positive"),
    # generic praise opening a text, then a clear complaint (mahal -1.5 is not weak): hebat flips, -3 - 1.5
    ("hebat, mahal", -4.5, "negative"),
    # ... object-specific praise does not flip: enak 3 - 1.5, positive
    ("enak, mahal", 1.5, "positive"),
    # an elongated lexicon spelling ("lamaaa" -3) does not override the normal form: lama -1, weak alone
    ("lama", -0.5, "neutral"),
])
def test_rule_weight_scores(text, total, label):
    out = sentiment([text]).iloc[0]
    assert out["score"] == pytest.approx(_norm(total), abs=1e-9)
    assert out["label"] == label


def test_greetings_and_topic_words_carry_no_polarity():
    out = sentiment(["selamat pagi kak", "kecepatan internetnya berapa", "kualitas bahannya apa", "healing ke mana"])
    assert out["score"].tolist() == [0.0, 0.0, 0.0, 0.0]


def test_ke_an_noun_is_not_stemmed_to_the_adjective():
    # kecepatan (speed) must not score as cepat (fast); "secepat" (as fast as) still does
    assert "root cepat" not in sentiment(["kecepetan"])["evidence"].iloc[0]
    assert "root cepat" in sentiment(["secepat kilat"])["evidence"].iloc[0]


def test_evidence_names_the_new_rules():
    ev = sentiment(["terlalu bagus", "hebat 🙃", "bego wkwk", "cocok?", "tidak mahal"])["evidence"].tolist()
    assert "excess" in ev[0] and "sarcasm" in ev[1] and "mocking laughter" in ev[2]
    assert "question" in ev[3] and "weak alone" in ev[4]


# English (VADER's lexicon: great 3.1, horrible -2.5, good 1.9, fantastic 2.6; the project's lexicon_en.tsv:
# slow -1.5, crashed -2, lol 0.5, "can't wait" 2.5; the Indonesian lexicon's phrases "like it" 2, "not bad" 1.5)
@pytest.mark.parametrize("text, total, label", [
    # a contraction ending in n't is a negator: 3.1 * -0.74
    ("isn't great", 3.1 * -0.74, "negative"),
    ("isn’t great", 3.1 * -0.74, "negative"),  # curly apostrophe
    # negated negative: -2.5 * -0.5 = 1.25, above the weak limit 1.0: not damped
    ("not horrible", 1.25, "positive"),
    # "not bad" is a phrase of its own (1.5), not a rule
    ("not bad", 1.5, "positive"),
    # negation reaches a phrase: "like it" 2 * -0.74
    ("didn't like it", 2 * -0.74, "negative"),
    # contrast "but": 1.9 * 0.5 - 1.5 * 1.5
    ("good but slow", 1.9 * 0.5 - 1.5 * 1.5, "negative"),
    # intensifiers: "very" before x1.4, "af" after x1.5
    ("very good", 1.9 * 1.4, "positive"),
    ("slow af", -1.5 * 1.5, "negative"),
    # generic praise opening a text, then a clear complaint: the praise flips (-2.6) and adds to -2
    ("fantastic, it crashed", -2.6 - 2, "negative"),
    # ... but not in a text with a contrast word: 2.6 * 0.5 - 2 * 1.5
    ("fantastic, but it crashed", 2.6 * 0.5 - 2 * 1.5, "negative"),
    # ... nor when the text has other praise: 2.6 + 1.9 - 2
    ("fantastic, good food, it crashed", 2.6 + 1.9 - 2, "positive"),
    # laughter alone is weak: 0.5, damped x0.5
    ("lol", 0.25, "neutral"),
    # phrase in three spellings
    ("can't wait", 2.5, "positive"),
    ("can’t wait", 2.5, "positive"),
    ("cant wait", 2.5, "positive"),
])
def test_english_rule_weight_scores(text, total, label):
    out = sentiment([text], lang="en").iloc[0]
    assert out["score"] == pytest.approx(_norm(total), abs=1e-9)
    assert out["label"] == label


def test_english_sarcasm_evidence():
    ev = sentiment(["fantastic, it crashed"], lang="en")["evidence"].iloc[0]
    assert ev.startswith("fantastic:-2.60 [sarcasm]")
