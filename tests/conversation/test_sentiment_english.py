"""English: the default scorer against vaderSentiment on the project's own English set and on NusaX-en.

The own set (benchmarks/data/english/*.tsv, one file a category) was written and labelled by the
project; NusaX-en (evaluation only, beside the repository) is skipped when absent. VADER's label
uses its documented compound thresholds (>= 0.05 positive, <= -0.05 negative).
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score

from smanalysis.conversation.sentiment import LABELS, sentiment

_ROOT = Path(__file__).resolve().parents[2]
ENGLISH = _ROOT / "benchmarks" / "data" / "english"
NUSAX = next((p / "shared" / "data" / "nusax-senti" for p in (_ROOT.parent, _ROOT.parent.parent)
              if (p / "shared" / "data" / "nusax-senti").exists()), None)


def _vader(texts):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    c = np.array([sia.polarity_scores(t)["compound"] for t in texts])
    return np.where(c >= 0.05, "positive", np.where(c <= -0.05, "negative", "neutral"))


@pytest.fixture(scope="module")
def english():
    frames = [pd.read_csv(p, sep="\t", names=["label", "variety", "text"], quoting=3, dtype=str).assign(category=p.stem)
              for p in sorted(ENGLISH.glob("*.tsv"))]
    d = pd.concat(frames, ignore_index=True)
    d["pred"] = sentiment(d["text"], evidence=False)["label"].to_numpy()
    d["vader"] = _vader(d["text"])
    return d


def test_english_set_is_well_formed(english):
    assert len(english) >= 300
    assert set(english["label"]) == set(LABELS)
    assert set(english["variety"]) == {"en", "mixed"}
    assert not english["text"].duplicated().any()
    assert {"emoji", "slang", "negation", "idioms", "codemixed", "sarcasm"} <= set(english["category"])


def test_english_set_default_beats_vader(english):
    ours = f1_score(english["label"], english["pred"], average="macro")
    vader = f1_score(english["label"], english["vader"], average="macro")
    assert ours >= 0.80
    assert ours >= vader + 0.05


def test_nusax_english_default_beats_vader():
    if NUSAX is None:
        pytest.skip("NusaX evaluation data not found beside the repository (only on the team machine)")
    test = pd.read_csv(NUSAX / "english" / "test.csv")
    ours = f1_score(test["label"], sentiment(test["text"], evidence=False)["label"], average="macro")
    vader = f1_score(test["label"], _vader(test["text"]), average="macro")
    assert ours >= vader + 0.05
