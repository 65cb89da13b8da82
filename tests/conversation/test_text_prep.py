"""Text preparation: normalisation, slang, elongation, tokenisation, stopwords."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation.text import (
    SLANG_ID,
    STOPWORDS_EN,
    STOPWORDS_ID,
    URL_TOKEN,
    as_text_series,
    elongated,
    fold_elongation,
    hashtag_words,
    load_slang,
    normalize,
    split_hashtag,
    tokenize,
)


@pytest.mark.parametrize("slang, standard", [
    ("gk", "tidak"), ("gak", "tidak"), ("nggak", "tidak"), ("bgt", "banget"), ("yg", "yang"),
    ("tp", "tapi"), ("udh", "sudah"), ("blm", "belum"), ("dgn", "dengan"), ("krn", "karena"),
    ("gpp", "tidak apa apa"), ("mantul", "mantap betul"), ("kemahalan", "terlalu mahal"),
    ("nyesel", "menyesal"), ("thx", "terima kasih"), ("gimana", "bagaimana"),
])
def test_slang_dictionary_entries(slang, standard):
    assert SLANG_ID[slang] == standard
    assert normalize([slang]).tolist() == [standard]


def test_slang_dictionary_has_hundreds_of_entries_and_no_english_words():
    assert len(SLANG_ID) >= 500
    for english in ("happy", "sorry", "thanks", "order", "real"):
        assert english not in SLANG_ID


def test_normalize_nfkc_url_lowercase_laughter():
    out = normalize(["ＫＯＰＩ enak https://kopi.id/menu?a=1 wkwkwkwk", "HAHAHA mantap www.x.com"])
    assert out.tolist() == [f"kopi enak {URL_TOKEN} wkwk", f"haha mantap {URL_TOKEN}"]


def test_normalize_options_keep_case_and_slang():
    out = normalize(["Gk BISA"], lowercase=False, slang=False)
    assert out.tolist() == ["Gk BISA"]
    assert normalize(["kopi gk"], slang={"gk": "tidak", "kopi": "kopi"}).tolist() == ["kopi tidak"]


@pytest.mark.parametrize("raw, folded", [
    ("mantaaap", "mantap"), ("bangettt", "banget"), ("goood", "good"), ("sooo", "so"),
    ("enaaakkk", "enak"), ("maaaaf", "maaf"), ("mantap", "mantap"),
])
def test_fold_elongation(raw, folded):
    assert fold_elongation([raw]).tolist() == [folded]


def test_elongated_flag_is_kept_before_normalising():
    texts = pd.Series(["mantaaap", "mantap", "harga 1000", "zzz"], index=[10, 11, 12, 13])
    flag = elongated(texts)
    assert flag.tolist() == [True, False, False, True]
    assert flag.index.tolist() == [10, 11, 12, 13]


def test_reduplication_with_digit():
    assert normalize(["anak2 kue-kue"]).tolist() == ["anak kue-kue"]


def test_tokenize_keeps_emoji_hashtags_mentions_and_emoticons():
    toks = tokenize(["Enak bgt 😍👍🏽 #KopiSenja @kopisenja.id :) http://a.b"])
    assert toks == [["enak", "banget", "😍", "👍", "#kopisenja", "@kopisenja.id", ":)", URL_TOKEN]]


def test_tokenize_drops_punctuation_and_keeps_inner_hyphen_apostrophe():
    assert tokenize(["Mahal, tapi... don't care! kue-kue?"]) == [["mahal", "tapi", "don't", "care", "kue-kue"]]


def test_tokenize_stopwords():
    assert tokenize(["kopinya enak yang di sini"], stopwords=True) == [["kopinya", "enak"]]
    assert tokenize(["the coffee is good"], stopwords=True) == [["coffee", "good"]]
    assert tokenize(["kopi enak sekali"], stopwords=["kopi"]) == [["enak", "sekali"]]


def test_tokenize_without_slang_normalisation():
    assert tokenize(["gk enak bgt"], normalise_slang=False) == [["gk", "enak", "bgt"]]


def test_missing_and_empty_texts():
    assert tokenize([None, "", np.nan, "ok"]) == [[], [], [], ["oke"]]
    assert normalize([]).tolist() == []
    assert tokenize([]) == []


def test_single_string_is_one_text():
    assert tokenize("enak bgt") == [["enak", "banget"]]


@pytest.mark.parametrize("bad", [42, 3.5, {"a": "b"}, pd.DataFrame({"text": ["a"]})])
def test_wrong_type_raises(bad):
    with pytest.raises(TypeError, match="expected a Series, list or str of texts"):
        normalize(bad)
    with pytest.raises(TypeError, match="tokenize|normalize"):
        tokenize(bad)


def test_stopword_lists():
    assert {"yang", "dan", "di", "tidak", "yg", "aja"} <= STOPWORDS_ID
    assert {"the", "and", "is", "not"} <= STOPWORDS_EN
    assert "enak" not in STOPWORDS_ID and "good" not in STOPWORDS_EN


@pytest.mark.parametrize("tag, words", [
    ("#KopiSenjaJogja", ["kopi", "senja", "jogja"]),
    ("#UMKMNaikKelas", ["umkm", "naik", "kelas"]),
    ("#kopisenja", ["kopisenja"]),
    ("PromoGajian2026", ["promo", "gajian", "2026"]),
])
def test_split_hashtag(tag, words):
    assert split_hashtag(tag) == words


def test_hashtag_words_aligned_to_index():
    s = pd.Series(["#NgopiSore asik", "tanpa tagar"], index=["a", "b"])
    out = hashtag_words(s)
    assert out.to_dict() == {"a": ["ngopi", "sore"], "b": []}


def test_load_slang_from_file(tmp_path):
    p = tmp_path / "slang.tsv"
    p.write_text("# mine\nslang\tstandard\nkpd\tkepada\nGPP\ttidak apa apa\n", encoding="utf-8")
    assert load_slang(p) == {"kpd": "kepada", "gpp": "tidak apa apa"}


def test_load_slang_bad_line_names_file_and_line(tmp_path):
    p = tmp_path / "slang.tsv"
    p.write_text("kpd\tkepada\nno tab here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"slang.tsv, line 2: expected 'slang<TAB>standard'"):
        load_slang(p)


def test_inputs_not_mutated():
    s = pd.Series(["Gk ENAK bgt!!", None])
    before = s.copy()
    normalize(s)
    tokenize(s)
    elongated(s)
    hashtag_words(s)
    pd.testing.assert_series_equal(s, before)


def test_as_text_series_keeps_index_and_fills_missing():
    s = as_text_series(pd.Series([None, "a"], index=[5, 6]))
    assert s.tolist() == ["", "a"] and s.index.tolist() == [5, 6]


def test_emoji_names_both_languages():
    from smanalysis.conversation.text import emoji_names

    s = pd.Series(["mantap 😍", "ok"], index=[3, 4])
    assert emoji_names(s, lang="en").to_dict() == {3: "mantap :smiling_face_with_heart-eyes:", 4: "ok"}
    assert emoji_names(["👍🏽"]).tolist() == [":jempol_ke_atas:"]
    with pytest.raises(ValueError, match=r"The value for `lang` must be one of \['id', 'en'\], but 'jv' was passed."):
        emoji_names(["x"], lang="jv")


@pytest.mark.parametrize("kind", ["list", "series", "arrow"])
def test_token_arrays_in_batches_equal_one_pass(monkeypatch, kind):
    # a corpus cut into batches of 2 texts shares one vocabulary: the same ids, positions and words
    # as one pass (the batches only bound the memory of the byte-level arrays)
    import pyarrow as pa

    from smanalysis.conversation import tokens

    texts = ["Kopinya enak bgt :) #NgopiSore", "", "gk enak, kecewa!!", "kopi susu gula aren enak",
             "@budi harga 25000?", "enak enak enak"]
    wrap = {"list": list, "series": lambda t: pd.Series(t, dtype=object), "arrow": lambda t: pa.array(t)}[kind]
    one = tokens.token_arrays(wrap(texts), collapse=True)
    monkeypatch.setattr(tokens, "_BATCH", 2)
    tokens._CHUNK_CACHE.clear()
    batched = tokens.token_arrays(wrap(texts), collapse=True)
    for a, b in zip(one, batched):
        assert np.array_equal(a, b)
    doc, tok, vocab, _ = batched
    # text 2 (0-based) is "gk enak, kecewa!!" (no slang table passed: "gk" stays); text 5 repeats one word
    assert vocab[tok[doc == 2]].tolist()[:3] == ["gk", "enak", "."]
    assert vocab[tok[doc == 5]].tolist() == ["enak", "enak", "enak"] and 1 not in doc.tolist()
