"""Terms, n-grams, collocations, concordance, emerging terms, coding and quotes."""

import math

import pandas as pd
import pytest

from smanalysis.conversation import (code, collocations, concordance, emerging_terms, load_codebook, ngrams,
                                     quotes, terms)
from smanalysis.exceptions import EmptyDataError, SchemaError, SMAnalysisWarning

TEXTS = pd.Series([
    "Kopi susu gula aren enak #KopiSenja",
    "gula aren di sini mantap, kopi susu juara",
    "tempatnya nyaman buat nugas #KopiSenja",
    "parkir susah, tapi kopi susu gula aren enak",
])


def test_terms_counts_and_kinds():
    out = terms(TEXTS, top=None)
    t = out.set_index("term")
    # "kopi" in texts 0, 1, 3 -> 3 occurrences in 3 of 4 texts
    assert t.loc["kopi", "count"] == 3 and t.loc["kopi", "docs"] == 3
    assert t.loc["kopi", "share_docs"] == pytest.approx(0.75)
    assert t.loc["#kopisenja", "kind"] == "hashtag" and t.loc["#kopisenja", "count"] == 2
    assert "di" not in t.index            # stopword
    only = terms(TEXTS, kind="hashtag")
    assert only["term"].tolist() == ["#kopisenja"]


def test_terms_join_negations():
    out = terms(["kopinya gk enak", "tidak enak, kurang manis"], top=None).set_index("term")
    # "gk" -> "tidak" (slang); a negation is joined to the next word before stopwords go
    assert out.loc["tidak_enak", "count"] == 2
    assert out.loc["kurang_manis", "count"] == 1
    assert "enak" not in out.index
    # bridges are kept inside the joined term; a negation before a stopword is dropped with it
    out = terms(["gk pernah kecewa", "buka gk kak", "wkwk hmm"], top=None)
    assert out["term"].tolist() == ["buka", "tidak_pernah_kecewa"]


def test_code_matches_elongated_words():
    r = code(["mantaaap", "enak"], {"rasa": ["mantap"]})
    assert r.assignments["rasa"].tolist() == [True, False]


def test_terms_empty_and_bad_kind():
    assert terms(["", None]).empty
    with pytest.raises(ValueError, match="The value for `kind` must be one of"):
        terms(TEXTS, kind="words")


def test_ngrams_within_texts():
    out = ngrams(TEXTS, n=2, top=None).set_index("ngram")
    assert out.loc["gula aren", "count"] == 3
    assert out.loc["kopi susu", "docs"] == 3
    # never across texts: the last word of text 0 and the first of text 1 do not pair
    assert "#kopisenja gula" not in out.index
    tri = ngrams(TEXTS, n=3, top=3)
    # three trigrams occur in texts 0 and 3; ties are broken alphabetically
    assert tri["ngram"].tolist() == ["gula aren enak", "kopi susu gula", "susu gula aren"]
    assert tri["count"].tolist() == [2, 2, 2]
    with pytest.raises(ValueError, match="`n` must be a positive integer"):
        ngrams(TEXTS, n=0)


def test_collocations_finds_gula_aren():
    out = collocations(TEXTS, min_count=2, measure="likelihood_ratio")
    assert {"gula aren", "kopi susu"} <= set(out["collocation"])
    assert out.set_index("collocation").loc["gula aren", "count"] == 3
    assert collocations(TEXTS, min_count=10).empty
    with pytest.raises(ValueError, match="The value for `measure` must be one of"):
        collocations(TEXTS, measure="dice")


def test_concordance_table():
    out = concordance(TEXTS, "gula aren", width=8)
    assert out["doc"].tolist() == [0, 1, 3]
    assert out["keyword"].tolist() == ["gula aren"] * 3
    assert out.iloc[0]["left"] == "pi susu"     # "Kopi susu " -> last 8 chars "pi susu ", stripped
    assert out.iloc[1]["start"] == 0
    with pytest.raises(ValueError, match="`term` must be a non-empty string"):
        concordance(TEXTS, " ")


def test_concordance_word_boundaries():
    out = concordance(["kopinya enak", "kopi enak"], "kopi")
    assert out["doc"].tolist() == [1]


def frame():
    return pd.DataFrame({
        "text": ["kopi enak", "kopi mahal", "kopi", "matcha baru", "matcha enak", "matcha latte", "kopi"],
        "created_at": pd.to_datetime(["2026-09-01", "2026-09-02", "2026-09-03", "2026-10-01", "2026-10-02",
                                      "2026-10-03", "2026-10-04"], utc=True),
    })


def test_emerging_terms_hand_ratio():
    out = emerging_terms(frame(), min_count=1).set_index("term")
    # October: 4 texts, matcha in 3; September: 3 texts, matcha in 0
    # ratio = ((3 + 1) / (4 + 1)) / ((0 + 1) / (3 + 1)) = 0.8 / 0.25 = 3.2
    assert out.loc["matcha", "ratio"] == pytest.approx(3.2)
    assert bool(out.loc["matcha", "new"])
    # kopi: ((1 + 1) / 5) / ((3 + 1) / 4) = 0.4
    assert out.loc["kopi", "ratio"] == pytest.approx(0.4)
    assert out.index[0] == "matcha"


def test_emerging_terms_given_period_and_warning():
    with pytest.warns(SMAnalysisWarning, match="no texts in the previous period 2026-08"):
        out = emerging_terms(frame(), period="2026-09", min_count=1)
    assert str(out["period"].iloc[0]) == "2026-09"


def test_emerging_terms_errors_and_non_mutation():
    f = frame()
    with pytest.raises(SchemaError, match=r"emerging_terms: .*lacks required columns \['created_at'\]"):
        emerging_terms(f.drop(columns="created_at"))
    with pytest.raises(EmptyDataError, match="no rows"):
        emerging_terms(f.iloc[:0])
    before = f.copy()
    emerging_terms(f, min_count=1)
    pd.testing.assert_frame_equal(f, before)


CODEBOOK = {
    "codes": {
        "rasa": {"label": "Rasa", "keywords": ["enak", "mantap", "pahit*"]},
        "harga": {"label": "Harga", "keywords": ["mahal", "murah"], "patterns": [r"\d+\s?rb"]},
        "tempat": ["nyaman", "parkir", "nugas"],
    }
}


def test_code_counts_cooccurrence_quotes():
    texts = pd.Series(["enak tapi mahal", "harganya 25rb, pahitnya pas", "parkir susah", "biasa aja",
                       "tempat nyaman, kopi enak"], index=list("abcde"))
    r = code(texts, CODEBOOK)
    assert r.assignments.loc["a"].tolist() == [True, True, False]
    assert r.assignments.loc["b"].tolist() == [True, True, False]    # pahit* and the 25rb pattern
    assert r.counts.set_index("code")["texts"].to_dict() == {"rasa": 3, "harga": 2, "tempat": 2}
    assert r.counts.set_index("code").loc["rasa", "share"] == pytest.approx(0.6)
    assert r.counts["label"].tolist() == ["Rasa", "Harga", "tempat"]
    assert r.cooccurrence.loc["rasa", "harga"] == 2 and r.cooccurrence.loc["rasa", "tempat"] == 1
    assert r.cooccurrence.loc["rasa", "rasa"] == 3
    assert set(r.quotes["code"]) == {"rasa", "harga", "tempat"}
    # "parkir susah" is shorter than min_words=3 while a longer quote exists
    assert set(r.quotes.loc[r.quotes["code"] == "tempat", "doc"]) == {"e"}


def test_codebook_from_yaml_file(tmp_path):
    p = tmp_path / "codebook.yaml"
    p.write_text("themes:\n  rasa:\n    keywords: [enak]\n  harga: [mahal]\n", encoding="utf-8")
    r = code(["enak", "mahal", "enak mahal"], p)
    assert r.counts["texts"].tolist() == [2, 2]


def test_codebook_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("codes:\n  rasa: [enak\n  harga: x\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad.yaml: line \d+, column \d+: not valid YAML"):
        load_codebook(bad)
    with pytest.raises(SchemaError, match="code 'rasa' has no keywords nor patterns"):
        load_codebook({"rasa": {"label": "Rasa"}})
    with pytest.raises(SchemaError, match="invalid pattern"):
        load_codebook({"rasa": {"patterns": ["(enak"]}})


def test_quotes_typical_not_extreme():
    texts = pd.Series(["kopi enak dan murah", "kopi enak sekali", "kopi murah dan enak", "parkirnya susah sekali",
                       "kopi enak, murah juga"])
    out = quotes(texts, n=2, min_words=2)
    assert "parkirnya susah sekali" not in out["text"].tolist()
    scores = pd.Series([0.1, 0.5, 0.6, 0.9, 0.55])
    q = quotes(texts, scores=scores, n=1, min_words=1, extremes=True)
    # median 0.55 is text 4's score; extremes are texts 0 (0.1) and 3 (0.9)
    assert q["kind"].tolist() == ["typical", "lowest", "highest"]
    assert q["doc"].tolist() == [4, 0, 3]


def test_quotes_skips_duplicates_and_empty():
    out = quotes(["sama", "SAMA", "", None], n=3, min_words=1)
    assert out["text"].tolist() == ["sama"]
    assert quotes(["", None]).empty


def test_quotes_scores_must_align():
    with pytest.raises(ValueError, match="`scores` has 1 values but `texts` has 2"):
        quotes(["a b c", "d e f"], scores=[0.5])


def test_text_functions_do_not_mutate():
    s = pd.Series(["Kopi susu enak", "gula aren mantap", None], index=[5, 6, 7])
    before = s.copy()
    terms(s)
    ngrams(s)
    collocations(s, min_count=1)
    concordance(s, "kopi")
    code(s, CODEBOOK)
    quotes(s, scores=[0.1, 0.2, 0.3])
    pd.testing.assert_series_equal(s, before)


def test_quotes_skip_near_copies():
    texts = ["Kopi Senja makin rame aja, pantes kopinya enak", "Kopi Pagi makin rame aja, pantes kopinya enak",
             "kopinya enak tapi antri lama", "tempat nugas enak, wifi kenceng"]
    out = quotes(texts, n=2, min_words=2)
    assert len(out) == 2
    assert not {0, 1} <= set(out["doc"])         # never both copies of the template
    assert len(quotes(texts, n=2, min_words=2, max_similarity=1.01)) == 2


def test_code_without_quotes_counts_the_same():
    texts = ["kopinya pahit, kecewa", "mahal banget", "pahit dan mahal", "enak"]
    cb = {"rasa": ["pahit", "enak"], "harga": ["mahal"]}
    full, bare = code(texts, cb), code(texts, cb, n_quotes=0)
    # rasa: 3 texts (pahit x2, enak), harga: 2 of the 4
    assert bare.counts[["code", "texts"]].values.tolist() == [["rasa", 3], ["harga", 2]]
    pd.testing.assert_frame_equal(bare.counts, full.counts)
    pd.testing.assert_frame_equal(bare.assignments, full.assignments)
    assert len(full.quotes) > 0 and bare.quotes.empty and list(bare.quotes.columns) == list(full.quotes.columns)
