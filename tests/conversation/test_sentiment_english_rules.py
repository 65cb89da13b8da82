"""Hand-worked scores of the session-3 rules (English social media, sarcasm, scare quotes, waiting).

Lexicon scores used (vaderSentiment's lexicon, then smanalysis/data/lexicon_en.tsv): fresh 1.3,
stale -2, failed -2.3, "love it" 2, yay 2, bug -2 (lexicon_id.tsv), scam -2.7, good 1.9, well 1.1,
bad -2.5, "10/10" 3, wow 1, amazing 2.8, "still no" -2, "can't wait" 2.5, "on hold" -1.5.
A text's sum S becomes score = S / sqrt(S**2 + 15).
"""

import math

import pytest

from smanalysis.conversation.sentiment import sentiment


def _norm(s):
    return s / math.sqrt(s * s + 15)


@pytest.mark.parametrize("text, total", [
    # scare quotes: a positive word in quotes on its own flips (fresh 1.3 -> -1.3), plus stale -2
    ('the "fresh" bread was stale', -1.3 - 2.0),
    # closing praise in a clause of its own after a clear complaint flips: failed -2.3, "love it" 2 -> -2
    ("another failed delivery. love it", -2.3 - 2.0),
    # opening praise (an interjection) before a clear complaint flips: yay 2 -> -2, bug -2
    ("yay, another bug", -2.0 - 2.0),
    # the opener "wow" flips along with the opening praise: -1 - 2.8, and "still no" -2
    ("wow, such amazing service, still no reply", -1.0 - 2.8 - 2.0),
    # an ironic praise phrase ("can't wait" 2.5) before a clear complaint ("on hold" -1.5) flips
    ("can't wait to be on hold for an hour", -2.5 - 1.5),
    # ... and stays praise without one
    ("can't wait to try it", 2.5),
    # English inflection: "scammed" is scored as its root "scam" -2.7
    ("got scammed", -2.7),
    # hyperbole intensifier: "dangerously" loses its own score and strengthens good 1.9 x1.5
    ("dangerously good", 1.9 * 1.5),
    # "can't believe" is surprise, not negation: bad -2.5 keeps its sign
    ("i can't believe how bad this was", -2.5),
    # a rating written as a number
    ("10/10", 3.0),
    # discourse "well" opening a text scores 0; after a verb it keeps its 1.1 (not weak: > 1)
    ("well", 0.0),
    ("works well", 1.1),
    # "tbh" is no longer slang for Indonesian "jujur" (+2): a discourse word, no polarity
    ("tbh i haven't tried it yet", 0.0),
    # a single letter (a size) carries no polarity (vaderSentiment scores "l" 2)
    ("not sure if i should get the m or the l", 0.0),
    # waiting: a time unit within four words after a waiting word counts WEIGHTS["waiting"] = -2
    ("nunggu 40 menit", -2.0),
    ("udah ngantri sejam", -2.0),
    ("waited two hours for a table", -2.0),
    # ... not when the wait is short, asked for, or negated
    ("nunggu cuma 5 menit", 0.0),
    ("mohon menunggu 2 hari kerja", 0.0),
    ("tunggu 5 menit ya kak", 0.0),
    ("gak nunggu 5 menit", 0.0),
])
def test_session3_rule_scores(text, total):
    out = sentiment([text])
    assert out.loc[0, "score"] == pytest.approx(_norm(total), abs=1e-9), out.loc[0, "evidence"]


@pytest.mark.parametrize("text, label", [
    # a closing clause that names something ("great food") is not ironic: the praise stays
    ("slow delivery, great food", "positive"),
    # contrast words block the sarcasm rules: great 3.1 x0.5 + slow -1.5 x1.5 = -0.7 -> score -0.18, neutral
    # (flipped it would be -3.8, negative)
    ("great, but the delivery was slow", "neutral"),
    # praise with no complaint stays praise
    ("love it", "positive"),
    ("wow, amazing service", "positive"),
    # "not a fan" is dislike, "never ordering again" leaves
    ("not a fan of the new design", "negative"),
    ("never ordering from them again", "negative"),
    # warnings said with negation are not praise, "can't beat" is
    ("don't waste your money on this", "negative"),
    ("you can't beat the price", "positive"),
    ("the driver never showed up", "negative"),
    # topic words VADER scores carry no polarity ("interest rate", "political party", "customer care")
    ("the interest rate went up", "neutral"),
    ("she joined the party last year", "neutral"),
    ("customer care number please", "neutral"),
])
def test_session3_labels(text, label):
    assert sentiment([text]).loc[0, "label"] == label


def test_scare_quotes_need_quotes_on_one_word():
    # quotes around two words, or no quotes, leave the praise alone
    assert sentiment(["the fresh bread"]).loc[0, "label"] == "positive"
    ev = sentiment(['the "fresh" bread'])
    assert ev.loc[0, "label"] == "negative" and "scare quotes" in ev.loc[0, "evidence"]


def test_rules_hold_in_later_batches():
    # texts are scored in batches of 10,000 sharing one vocabulary: in a later batch, token ids exceed the
    # batch's own token count, and evidence items formatted in an earlier batch are reused
    filler = [f"kata{i} lain{i} enak" for i in range(10_000)]
    tail = ["wow, such amazing service, still no reply", "this place is a hidden gem", "nunggu 40 menit"]
    alone = sentiment(tail)
    both = sentiment(filler + tail).iloc[-3:].reset_index(drop=True)
    assert both["evidence"].tolist() == alone["evidence"].tolist()
    assert both["label"].tolist() == ["negative", "positive", "negative"]
