"""Accuracy targets on NusaX-Senti (evaluation data in ../shared/data; skipped when absent)."""

from pathlib import Path

import pandas as pd
import pytest

from smanalysis.conversation.model import SentimentModel, _report
from smanalysis.conversation.sentiment import sentiment

_ROOT = Path(__file__).resolve().parents[2]
# shared/ sits beside the clone (CI) or beside the folder of work trees
DATA = next((p / "shared" / "data" / "nusax-senti" for p in (_ROOT.parent, _ROOT.parent.parent)
             if (p / "shared" / "data" / "nusax-senti").exists()), _ROOT.parent / "shared" / "data" / "nusax-senti")


def _load(lang, split):
    path = DATA / lang / f"{split}.csv"
    if not path.exists():
        pytest.skip(f"NusaX evaluation data not found at {path} (only available on the team machine)")
    return pd.read_csv(path)


def test_default_scorer_indonesian_test_macro_f1():
    test = _load("indonesian", "test")
    r = _report(test["label"].to_numpy(), sentiment(test["text"], evidence=False)["label"].to_numpy())
    assert r["macro_f1"] >= 0.75


@pytest.mark.slow
def test_model_indonesian_test_macro_f1():
    train, test = _load("indonesian", "train"), _load("indonesian", "test")
    m = SentimentModel().fit(train["text"], train["label"])
    assert m.evaluate(test["text"], test["label"])["macro_f1"] >= 0.78
