"""The words catalogue: every entry in both languages with the same fields, one lookup, one checker."""

import string

import pytest

from smanalysis import words
from smanalysis.words import LANGS, WORDS, code_label, text


def _fields(s):
    return {f for _, f, _, _ in string.Formatter().parse(s) if f is not None}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_entry_has_both_languages_and_the_same_fields(key):
    pair = WORDS[key]
    assert isinstance(pair, tuple) and len(pair) == len(LANGS) == 2, key
    idt, ent = pair
    assert isinstance(idt, str) and isinstance(ent, str) and idt.strip() and ent.strip(), key
    assert _fields(idt) == _fields(ent), key


def test_text_fills_fields_in_each_language():
    assert text("report.no_data", "en", what="comments") == "No comments in this period: this section is left empty."
    assert text("report.no_data", "id", what="komentar") == "Tidak ada komentar pada periode ini: bagian ini dibiarkan kosong."
    assert text("influence.rank", "en", pr=8, n=109) == "influence rank 8 of 109"
    assert text("section.media") == "Lapisan 1: Media"  # Bahasa Indonesia by default


def test_text_errors_name_the_option():
    with pytest.raises(ValueError, match=r"The value for `lang` must be one of \['id', 'en'\], but 'fr' was passed"):
        text("plot.no_data", "fr")
    with pytest.raises(ValueError, match=r"must be a key of smanalysis.words.WORDS, but 'no.such.key' was passed"):
        text("no.such.key", "id")
    with pytest.raises(KeyError, match="what"):
        text("report.no_data", "en", wrong="x")


def test_label_falls_back_to_the_code():
    assert code_label("col", "reply_rate", "id") == "tingkat balasan"
    assert code_label("col", "my_own_column", "en") == "my_own_column"
    assert code_label("value", "complaint", "en") == "complaint"
    assert code_label("value", 3, "id") == 3 and code_label("value", None, "id") is None
    assert code_label("weekday", 0, "id") == "Senin" and code_label("month", 12, "en") == "December"


def test_keys_are_dotted_by_topic_and_unique_across_topic_files():
    from smanalysis.words import _labels, _layers, _plots, _report, _workflow

    parts = [_workflow.WORDS, _report.WORDS, _labels.WORDS, _plots.WORDS, _layers.WORDS]
    assert sum(len(p) for p in parts) == len(WORDS)  # no key defined twice
    with pytest.raises(RuntimeError, match=r"keys defined twice: \['a.b'\]"):
        words._merge({"a.b": ("x", "y")}, {"a.b": ("z", "w")})


def test_no_field_named_like_a_parameter_of_text():
    # text(key, lang, /, **fields): positional-only, so a field may be called "key" or "lang" ...
    assert text("report.n_data", "en", files=1, rows="2 posts", rejects=0).startswith("Data: 1 files")
    # ... and every field name is a plain identifier
    assert all(f.split(":")[0].isidentifier() for p in WORDS.values() for s in p for f in _fields(s))
