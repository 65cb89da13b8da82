"""The analyst's modules keep no word tables of their own: their words come from smanalysis.words."""

import ast
from pathlib import Path

import pytest

import smanalysis

ROOT = Path(smanalysis.__file__).parent
MODULES = ["media/paid.py", "media/verdicts.py", "media/audience.py", "media/video.py", "media/hashtags.py",
           "media/periods.py", "plotting/analysis.py", "conversation/business_hours.py", "conversation/topics.py",
           "network/events.py"]


def _word_pairs(tree):
    """Dict literals whose values are (str, str) pairs: a private (id, en) table."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and node.values and all(
                isinstance(v, ast.Tuple) and len(v.elts) == 2
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
                for v in node.values):
            yield node.lineno


@pytest.mark.parametrize("module", MODULES)
def test_no_private_word_table(module):
    path = ROOT / module
    assert list(_word_pairs(ast.parse(path.read_text(encoding="utf-8")))) == [], module


def test_the_check_finds_a_table():
    assert list(_word_pairs(ast.parse('W = {"a": ("satu", "one"), "b": ("dua", "two")}'))) == [1]


def test_catalogue_has_the_moved_words():
    from smanalysis.words import text

    assert text("verdict.cannot_tell", "en") == "cannot tell yet"
    assert text("paid.paid", "id") == "berbayar (boost)"
    assert text("fit.partly", "en") == "partly fits"
    assert text("plot.analysis.few", "id", n=5) == "abu-abu: kurang dari 5 unggahan"
