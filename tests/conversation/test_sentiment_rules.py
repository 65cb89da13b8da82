"""Default sentiment scorer: every rule on hand-written sentences (labels worked out by a person)."""

import importlib

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation.sentiment import LABELS, lexicon, load_lexicon, sentiment

S = importlib.import_module("smanalysis.conversation.sentiment")


def one(text, **kw):
    return sentiment([text], **kw).iloc[0]


@pytest.mark.parametrize("text, label", [
    # plain lexicon words
    ("enak", "positive"), ("kopinya mantap", "positive"), ("pelayanannya ramah", "positive"),
    ("baristanya jutek", "negative"), ("rotinya basi", "negative"), ("mahal", "negative"),
    # intensifiers
    ("enak banget", "positive"), ("sangat enak", "positive"), ("mahal bgt", "negative"),
    ("enak parah", "positive"), ("parah sih pelayananya", "negative"),
    # negation
    ("gak enak", "negative"), ("tidak ramah", "negative"), ("belum puas", "negative"),
    ("bukan kopi yang enak", "negative"), ("tanpa masalah", "positive"),
    # contrast and concession
    ("mahal tapi enak bgt", "positive"), ("enak sih tapi pelayanannya lama banget", "negative"),
    ("murah tapi rasanya hambar", "negative"), ("walaupun mahal, rasanya enak banget", "positive"),
    # emoji, emoticons, elongation
    ("mantaaap 😍", "positive"), ("pesanan datang 😡", "negative"), ("oke :)", "positive"), ("hmm :(", "negative"),
    # complaint phrases
    ("zonk", "negative"), ("nunggunya lama banget", "negative"), ("kecewa", "negative"), ("nyesel beli di sini", "negative"),
    ("gak worth it", "negative"),
    # slang
    ("mantul kak", "positive"), ("gk enak bgt", "negative"),
    # questions and information
    ("jam berapa buka kak?", "neutral"), ("alamatnya di mana?", "neutral"), ("besok saya ke sana", "neutral"),
    # English
    ("The coffee is great", "positive"), ("not good at all", "negative"), ("terrible service", "negative"),
    ("The place is nice but the coffee is awful", "negative"),
])
def test_labels(text, label):
    assert one(text)["label"] == label


def test_tidak_buruk_is_not_negative():
    assert one("tidak buruk")["label"] != "negative"
    assert one("not bad")["label"] != "negative"


@pytest.mark.parametrize("text, rule", [
    ("enak banget", "intensifier banget"),
    ("sangat enak", "intensifier sangat"),
    ("agak mahal", "diminisher agak"),
    ("bukan kopi yang enak", "negation bukan"),
    ("gak mantap", "negation tidak"),  # 'gak' is normalised to 'tidak'
    ("mahal tapi enak bgt", "contrast tapi"),
    ("walaupun mahal, enak", "concession"),
    ("mantaaap", "elongation"),
    ("😍", "emoji"),
    ("zonk", "zonk:"),
    ("lama banget", "complaint"),
    ("enak!!!", "exclamation"),
    ("enaknya", "root enak"),
])
def test_evidence_names_rule(text, rule):
    assert rule in one(text)["evidence"]


def test_intensifier_and_diminisher_move_the_score():
    sc = sentiment(["enak", "enak banget", "sangat enak", "mahal", "agak mahal"])["score"].to_numpy()
    assert sc[1] > sc[0] and sc[2] > sc[0]
    assert sc[3] < sc[4] < 0


def test_negation_scope_stops_at_punctuation():
    # 'tidak' negates 'pakai gula' (no sentiment); the comma ends its scope so 'enak' stays positive
    assert one("tidak pakai gula, tetap enak")["label"] == "positive"


def test_contrast_weights_worked_by_hand():
    # mahal -1.5 * 0.5 (before 'tapi') + enak 3 * 1.5 (after 'tapi') = 3.75 -> 3.75 / sqrt(3.75^2 + 15)
    expected = 3.75 / np.sqrt(3.75 ** 2 + 15)
    assert one("mahal tapi enak")["score"] == pytest.approx(expected)


def test_single_word_score_worked_by_hand():
    # enak = 3 -> 3 / sqrt(9 + 15)
    assert one("enak")["score"] == pytest.approx(3 / np.sqrt(24))
    # negated positive word: 3 * -0.74
    assert one("gak mantap")["score"] == pytest.approx(-2.22 / np.sqrt(2.22 ** 2 + 15))


def test_elongation_and_exclamation_emphasis():
    base = one("mantap")["score"]
    assert one("mantaaap")["score"] > base
    assert one("mantap!!")["score"] > base


def test_output_frame_shape_index_and_range():
    s = pd.Series(["enak", None, "zonk"], index=[7, 8, 9])
    out = sentiment(s)
    assert out.columns.tolist() == ["label", "score", "lang", "evidence"]
    assert out.index.tolist() == [7, 8, 9]
    assert out.loc[8, "label"] == "neutral" and out.loc[8, "lang"] == "other" and out.loc[8, "evidence"] == ""
    assert out["score"].between(-1, 1).all()
    assert set(out["label"]) <= set(LABELS)


def test_empty_input_gives_empty_frame():
    out = sentiment([])
    assert out.empty and out.columns.tolist() == ["label", "score", "lang", "evidence"]


def test_evidence_false_is_empty_strings_same_scores():
    texts = ["enak banget", "gak enak", "mahal tapi enak"]
    a, b = sentiment(texts), sentiment(texts, evidence=False)
    assert (b["evidence"] == "").all()
    np.testing.assert_allclose(a["score"], b["score"])


def test_batches_give_the_same_result(monkeypatch):
    texts = ["enak banget", "gak enak", "", "mahal tapi enak", "zonk!!", "The coffee is great"]
    full = sentiment(texts)
    monkeypatch.setattr(S, "_BATCH", 2)
    pd.testing.assert_frame_equal(sentiment(texts), full)


def test_lang_auto_and_forced():
    out = sentiment(["enak banget", "the coffee is great", "coffee nya enak, really worth it"])
    assert out["lang"].tolist() == ["id", "en", "mixed"]
    assert sentiment(["enak"], lang="en")["lang"].tolist() == ["en"]


def test_bad_lang():
    with pytest.raises(ValueError, match=r"The value for `lang` must be one of \['auto', 'id', 'en'\], but 'fr' was passed."):
        sentiment(["enak"], lang="fr")


@pytest.mark.parametrize("bad", [1, 2.5, {"text": "enak"}, pd.DataFrame({"text": ["enak"]})])
def test_wrong_type(bad):
    with pytest.raises(TypeError, match="sentiment: expected a Series, list or str of texts"):
        sentiment(bad)


def test_extra_lexicon_adds_and_overrides():
    assert one("kopinya kopi susu gula aren")["label"] == "neutral"
    assert one("kopinya kopi susu gula aren", extra_lexicon={"kopi susu gula aren": 2})["label"] == "positive"
    assert one("zonk", extra_lexicon={"zonk": 3})["label"] == "positive"
    frame = pd.DataFrame({"term": ["gak nendang"], "score": [-2.0]})
    assert "gak nendang" not in set(lexicon()["term"])
    assert one("kopinya ga nendang", extra_lexicon=frame)["label"] == "negative"


def test_extra_lexicon_wrong_type_and_missing_column():
    with pytest.raises(TypeError, match="`extra_lexicon` must be a dict, a DataFrame"):
        sentiment(["enak"], extra_lexicon=[("enak", 1)])
    with pytest.raises(ValueError, match=r"lacks required columns \['score'\]"):
        sentiment(["enak"], extra_lexicon=pd.DataFrame({"term": ["enak"]}))


def test_user_lexicon_file_replaces_the_bundled_one(tmp_path):
    p = tmp_path / "mine.tsv"
    p.write_text("# my words\nterm\tscore\nsenja\t2\nbasi\t-3\n", encoding="utf-8")
    lex = load_lexicon(p)
    assert lex.to_dict("list") == {"term": ["senja", "basi"], "score": [2.0, -3.0], "category": ["user", "user"]}
    out = sentiment(["kopi senja", "enak"], lexicon=p)
    assert out["label"].tolist() == ["positive", "neutral"]  # 'enak' is not in my lexicon (nor in VADER's)


@pytest.mark.parametrize("content, match", [
    ("enak\t3\nbasi\n", r"mine.tsv, line 2, column 1: expected 'term<TAB>score'"),
    ("enak\tgood\n", r"mine.tsv, line 1, column 2: score must be a number"),
    ("enak\t9\n", r"mine.tsv, line 1, column 2: score must be within \[-5, 5\]"),
])
def test_load_lexicon_errors_name_file_line_column(tmp_path, content, match):
    p = tmp_path / "mine.tsv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=match):
        load_lexicon(p)


def test_load_lexicon_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="load_lexicon: file not found"):
        load_lexicon(tmp_path / "nope.tsv")


def test_bundled_lexicon_size_and_scale():
    lex = lexicon()
    assert 1500 <= len(lex) <= 3000
    assert lex["score"].between(-4, 4).all()
    assert {"enak", "mantap", "recommended", "kecewa", "lambat", "mahal", "ramah", "jutek", "basi"} <= set(lex["term"])


def test_does_not_mutate_input():
    s = pd.Series(["Enak BGT!!", None, "gk enak"])
    before = s.copy()
    sentiment(s)
    pd.testing.assert_series_equal(s, before)


def test_package_level_names():
    import smanalysis.conversation as conv

    assert conv.sentiment is sentiment
    assert callable(conv.detect) and callable(conv.tokenize)


def test_mentions_and_numbers_fast_path_matches_evidence_path():
    texts = ["@budi!! enak", "harga 150000? mahal!!", "#12345, zonk", "@a_b.c? mantap", "08123456789!!! kecewa",
             "bintang 5", "10 dari 10"]
    a, b = sentiment(texts), sentiment(texts, evidence=False)
    np.testing.assert_allclose(a["score"], b["score"])
    assert a["label"].tolist() == ["positive", "negative", "negative", "positive", "negative", "positive", "positive"]


@pytest.mark.parametrize("text, label", [
    ("antri lama bgt, 10 menit cuma buat 1 gelas", "negative"),  # 'cuma' = only: no sentiment after it
    ("jam 8 baru buka", "neutral"),  # numbers carry no sentiment (VADER's '8)' emoticon is not a word)
    ("pelayanannya parahh", "negative"),  # doubled last letter
    ("kerenn kak", "positive"),
    ("kopinya cuma dikit", "negative"),  # complaint phrase 'cuma sedikit' is kept as a phrase
])
def test_more_everyday_sentences(text, label):
    assert one(text)["label"] == label


def test_contrast_needs_sentiment_after_it():
    assert "contrast" not in one("enak, cuma buat 1 gelas")["evidence"]
    assert "contrast tapi" in one("enak tapi mahal")["evidence"]


def test_pyarrow_str_series_scores_like_a_list(monkeypatch):
    # pandas' pyarrow-backed str dtype is read from its UTF-8 buffer: same result as a list, over batch
    # boundaries, with missing values, empty texts and a 0 byte inside a text
    sen = importlib.import_module("smanalysis.conversation.sentiment")
    texts = ["enak banget 😍", None, "", "a\x00b gak enak!!", "@budi!! mahal", "tidak buruk", "isn’t great"] * 3
    expected = sentiment(texts)
    monkeypatch.setattr(sen, "_BATCH", 4)
    s = pd.Series(texts, dtype="str")
    got = sentiment(s)
    pd.testing.assert_frame_equal(got, expected)
    # a slice of a Series (an arrow array with an offset) keeps its index
    part = sentiment(s.iloc[3:5])
    assert part.index.tolist() == [3, 4]
    assert part["label"].tolist() == expected["label"].iloc[3:5].tolist()
