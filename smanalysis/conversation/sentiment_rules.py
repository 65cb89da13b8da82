"""Rules of the default sentiment scorer: the words that are rules rather than polarity, and the weights.

One place for the rule words and weights of :func:`~smanalysis.conversation.sentiment.sentiment`
(the lexicon holds polarity; see ``smanalysis/data/LEXICON.md``).

Examples
--------
>>> "ora" in NEGATORS and "teu" in NEGATORS
True
>>> WEIGHTS["negated_negative"]
-0.5
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["LABELS", "NEGATORS", "INTENSIFIERS", "DIMINISHERS", "CONTRASTS", "CONCESSIONS", "EXCESS", "LAUGHTER",
           "SARCASM_MARKERS", "WEIGHTS", "THRESHOLD", "MAX_PHRASE", "SUFFIXES", "PREFIXES", "ROLE_WORDS",
           "POST_WORDS", "KEEP_SCORE", "NEGATOR_ENDINGS", "SARCASM_OPENERS", "SARCASM_PRAISE", "SARCASM_FILLERS",
           "DISCOURSE", "EN_SUFFIXES", "WAIT_WORDS", "WAIT_UNITS", "WAIT_LIMITERS"]

LABELS = ("negative", "neutral", "positive")
"""Sentiment labels, in order of polarity."""

NEGATORS = frozenset({
    "tidak", "tak", "bukan", "belum", "jangan", "tanpa", "kurang", "enggak", "nggak", "gak", "ga", "ndak",
    "ora", "ra", "mboten", "dereng", "teu", "henteu", "acan",  # Javanese and Sundanese
    "kirain", "kukira", "dikira", "ngira",  # "I thought": the expectation was not met ("kirain enak")
    "not", "no", "never", "without", "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent",
    "werent", "wont", "wouldnt", "shouldnt", "couldnt", "havent", "hasnt", "hadnt", "aint", "nor", "neither",
    "hardly", "none", "nothing", "nobody",
})
"""Words that flip the polarity of the next sentiment word (after slang normalisation)."""

NEGATOR_ENDINGS = ("n't", "n\u2019t")
"""English contractions ending so (don't, isn't, can’t) are negators too."""

INTENSIFIERS = {
    # after the word (Indonesian word order: "enak banget")
    "post": {"banget": 1.5, "sekali": 1.4, "amat": 1.3, "parah": 1.5, "pol": 1.5, "gila": 1.5,
             "habis": 1.3, "poll": 1.5, "bener": 1.3, "af": 1.5, "asf": 1.5},
    # before the word ("sangat enak", "very good")
    "pre": {"sangat": 1.5, "super": 1.5, "paling": 1.5, "terlalu": 1.4, "amat": 1.3, "sungguh": 1.3,
            "begitu": 1.2, "makin": 1.2, "semakin": 1.2, "tambah": 1.2, "bener": 1.3, "benar": 1.2,
            "very": 1.4, "so": 1.3, "really": 1.3, "extremely": 1.6, "too": 1.3, "absolutely": 1.5,
            "totally": 1.4, "completely": 1.4, "highly": 1.4, "incredibly": 1.5, "truly": 1.3,
            "most": 1.3, "super-duper": 1.6, "hella": 1.4, "highkey": 1.3, "gila": 1.5, "terlampau": 1.4, "teramat": 1.5,
            # hyperbole: negative words that only strengthen the next sentiment word ("dangerously good")
            "dangerously": 1.5, "ridiculously": 1.5, "insanely": 1.6, "stupidly": 1.4, "sinfully": 1.4,
            "obscenely": 1.4, "wickedly": 1.4, "crazy": 1.4, "freaking": 1.4, "fucking": 1.6, "damn": 1.4,
            "bloody": 1.4, "unbelievably": 1.5},
}
"""Multipliers of intensifiers, by position relative to the sentiment word."""

DIMINISHERS = {"agak": 0.6, "rada": 0.6, "sedikit": 0.7, "cukup": 0.8, "slightly": 0.6, "somewhat": 0.7,
               "kinda": 0.7, "lumayan": 0.8, "relatif": 0.8, "barely": 0.5}
"""Multipliers of words that damp the next sentiment word."""

CONTRASTS = frozenset({"tapi", "tetapi", "namun", "cuma", "sayangnya", "but", "however"})
"""Words after which the clause weighs more (x1.5) and before which less (x0.5)."""

CONCESSIONS = frozenset({"walaupun", "meskipun", "walau", "meski", "biarpun", "although", "though"})
"""Words whose own clause weighs less (x0.5)."""

EXCESS = frozenset({"terlalu", "kelewat", "too", "overly"})
"""Intensifiers of excess: they strengthen a negative word but turn a positive one negative ("terlalu manis")."""

LAUGHTER = frozenset({"wkwk", "haha", "hehe", "hihi", "xixi", "awokawok", "kwkw", "lol", "lmao", "ngakak"})
"""Laughter: mildly positive on its own, mocking (negative) in a text with a negative word."""

SARCASM_MARKERS = frozenset({"\U0001f643", "\U0001f644", "\U0001f612"})  # upside-down face, eye roll, unamused
"""Emoji that mark praise as ironic: every positive word of a text with one counts negative."""

SARCASM_OPENERS = frozenset({"oh", "wow", "wah", "waw", "wih", "well", "yay", "yeay", "ah", "gee", "sure", "yeah",
                             "ya", "i", "just", "so", "such", "a", "what", "how", "really", "totally", "gotta", "got",
                             "to", "because", "cause", "okay", "ok", "absolutely", "simply", "truly"})
"""Words that may stand before the praise that opens an ironic text ("oh great, ...", "wah hebat ya, ...").

Generic praise (:data:`SARCASM_PRAISE`) that opens a text (only these words before it) counts negative when
a clear complaint follows and the text has no other praise and no contrast word ("great job losing my
package", "mantap, belum sampai").
"""

SARCASM_PRAISE = frozenset({
    "great", "fantastic", "brilliant", "nice", "perfect", "amazing", "wonderful", "awesome", "impressive", "cool",
    "lovely", "splendid", "superb", "excellent", "congrats", "congratulations", "bravo", "love",
    "hebat", "mantap", "keren", "bagus", "pinter", "pintar", "salut", "top", "sip", "luar", "selamat", "makasih",
    "terima", "thanks", "thank", "bangga", "terbaik", "sukses", "kreatif", "asyik", "senang", "proud",
    "happy", "glad", "best", "fabulous", "marvelous", "marvellous", "stellar", "incredible", "outstanding",
    "legendary", "genius", "yay", "yey", "yeay", "woohoo", "hooray", "wow", "good", "sweet", "lovely",
})
"""Generic praise words that ironic texts open or close with (object-specific praise such as "enak" is not ironic)."""

SARCASM_FILLERS = frozenset({"it", "that", "this", "for", "me", "us", "lol", "lmao", "much", "a", "lot", "again",
                             "ya", "deh", "sih", "kak", "min", "ini", "itu", "banget", "sekali", "dong", "loh", "kan"})
"""Words that may stand in a closing ironic clause beside the praise ("..., love it", "..., thanks a lot").

Generic praise that closes a text in a clause of its own (only praise, openers and these words) counts
negative when a clear complaint comes before it and the text has no other praise and no contrast word
("another failed delivery. love it"); "slow delivery, great food" keeps its praise (the clause names food).
"""

WAIT_WORDS = frozenset({"menunggu", "nunggunya", "antre", "ngantre", "mengantre", "mengantri", "antrian",
                        "antriannya", "antrinya", "waited", "waiting", "queued", "queuing", "queueing"})
"""Waiting (canonical forms: "nunggu", "nungguin" and "ngantri" normalise to these): with a time unit within four
words ("nunggu 40 menit", "waited two hours") the unit counts ``WEIGHTS["waiting"]``. "tunggu"/"wait" (asked
for, not experienced) are left out, and so is a wait asked for ("mohon menunggu 2 hari", see ``WAIT_LIMITERS``)."""

WAIT_UNITS = frozenset({"jam", "menit", "hari", "minggu", "bulan", "sejam", "seharian", "seminggu", "sebulan",
                        "hour", "hours", "minutes", "mins", "days", "weeks", "months"})
"""Time units of the waiting rule."""

WAIT_LIMITERS = frozenset({"cuma", "saja", "hanya", "only", "just", "less", "under", "sampai",
                           "mohon", "harap", "silakan", "silahkan", "please", "tolong", "bisa", "akan", "will"})
"""Words that make a wait short or a request ("nunggu cuma 5 menit", "ga sampe 5 menit", "mohon menunggu 2 hari"):
one of them (or a negator) just before the waiting word or between it and the unit stops the rule."""

DISCOURSE = frozenset({"well", "jujur", "honestly", "frankly", "tbh", "ngl"})
"""Discourse words that score 0 when they open a text or stand before a comma ("well, ...", "jujur, ...")."""

EN_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
               ("s", ""))
"""Inflections tried (longest first) to find an English word's lexicon root ("scammed" -> "scam",
"hating" -> "hate"); a doubled last consonant is undone too ("scammed" -> "scamm" -> "scam")."""

WEIGHTS = MappingProxyType({
    "negated_positive": -0.74,  # "tidak enak": a positive word after a negator
    "negated_negative": -0.5,  # "tidak buruk": a negative word after a negator
    "contrast_before": 0.5,  # words before the last contrast word ("tapi")
    "contrast_after": 1.5,  # words after it
    "concession": 0.5,  # words in a concession clause ("walaupun mahal")
    "elongation": 1.3,  # an elongated sentiment word ("mantaaap")
    "exclamation": 0.292,  # each "!" (up to three) in the direction of the text's score
    "alpha": 15.0,  # score = S / sqrt(S**2 + alpha)
    "excess_positive": -0.6,  # "terlalu manis": a positive word after an excess intensifier
    "laugh_mock": -0.5,  # laughter in a text that has a (not weak) negative word
    "question_positive": 0.5,  # positive words in a question ("ada yang cocok buat kulit kering?")
    "weak": 1.0,  # a contribution of at most this size is weak ...
    "weak_sum": 1.5,  # ... and a text whose contributions are all weak and sum to at most this ...
    "weak_damp": 0.5,  # ... is damped by this factor (neutral band)
    "waiting": -2.0,  # a time unit after a waiting word ("nunggu 40 menit", "waited 2 hours")
})
"""Rule weights of the default scorer (one place; hand-worked tests in tests/conversation/test_sentiment_weights.py)."""

THRESHOLD = 0.2
"""Label threshold: ``score >= THRESHOLD`` is positive, ``score <= -THRESHOLD`` negative (chosen on NusaX valid)."""

MAX_PHRASE = 4
"""Longest lexicon phrase, in words."""

SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
PREFIXES = ("meng", "meny", "mem", "men", "me", "di", "ter", "ber", "se", "ke")
"""Affixes of the light stemmer (ke-...-an is excluded: it makes nouns of adjectives)."""

ROLE_WORDS = NEGATORS | CONTRASTS | CONCESSIONS | set(DIMINISHERS) | set(INTENSIFIERS["pre"])
"""Words that are rules (negators, contrast, concession, diminishers, pre-intensifiers): their own score is dropped."""

POST_WORDS = frozenset(INTENSIFIERS["post"])
"""Post-intensifiers ("banget", "parah")."""

KEEP_SCORE = {"sayangnya", "parah", "gila", "lumayan", "cukup", "kurang", "dangerously", "ridiculously", "insanely",
              "stupidly", "crazy", "freaking", "fucking", "damn", "bloody", "unbelievably"}
"""Rule words that keep their own score too ("parah sih" is negative on its own); an intensifier among them
loses it next to a sentiment word ("enak parah", "gila murah")."""
