"""Language identification: id / en / mixed / other (and jv / ms when asked)."""

import pandas as pd
import pytest

from smanalysis.conversation.langid import LANGUAGES, detect


@pytest.mark.parametrize("text, lang", [
    ("Kopinya enak banget, tempatnya juga nyaman", "id"),
    ("gk bisa pesen lewat aplikasi kak?", "id"),
    ("Pelayanan di cabang ini sangat mengecewakan", "id"),
    ("The coffee is great and the staff are friendly", "en"),
    ("I will never come back, the service was terrible", "en"),
    ("coffee nya enak, really worth it", "mixed"),
    ("kopinya enak tapi the service is so slow", "mixed"),
    ("😍😍😍", "other"),
    ("12.000", "other"),
    ("", "other"),
])
def test_detect(text, lang):
    assert detect([text]).tolist() == [lang]


def test_detect_extended_javanese_and_malay():
    out = detect(["ora opo opo, sing penting enak tenan", "saya nak beli kat kedai tu, sedap sangat",
                  "kopinya enak banget"], extended=True)
    assert out.tolist() == ["jv", "ms", "id"]


def test_detect_without_extended_never_returns_jv_ms():
    out = detect(["ora opo opo, sing penting enak tenan"])
    assert out.iloc[0] in {"id", "mixed", "other"}


def test_detect_index_name_and_codes():
    s = pd.Series(["enak", "good"], index=["x", "y"])
    out = detect(s)
    assert out.index.tolist() == ["x", "y"]
    assert out.name == "lang"
    assert set(out) <= set(LANGUAGES)


def test_detect_empty_and_missing():
    assert detect([]).tolist() == []
    assert detect([None]).tolist() == ["other"]


def test_detect_wrong_type():
    with pytest.raises(TypeError, match="detect: expected a Series, list or str of texts, got int"):
        detect(5)


def test_detect_does_not_mutate():
    s = pd.Series(["Enak BGT", None])
    before = s.copy()
    detect(s)
    pd.testing.assert_series_equal(s, before)


def test_indonesian_homographs_of_english_words_vote_indonesian():
    # sore (afternoon) and jam (hour) are English words too; in these texts they are Indonesian
    from smanalysis.conversation.langid import detect

    assert detect(["gorengan dijual mulai jam 3 sore", "main ke sini jam 4 sore"]).tolist() == ["id", "id"]
