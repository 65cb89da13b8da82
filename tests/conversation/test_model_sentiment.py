"""SentimentModel: fit/predict/evaluate/cross_validate/save/load, and label_next."""

import pickle
import warnings

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation.model import SentimentModel, label_next
from smanalysis.exceptions import EmptyDataError, SMAnalysisWarning

POS = ["enak banget kak", "mantap, bakal balik lagi", "pelayanannya ramah", "kopinya juara", "suka banget sama tempatnya",
       "recommended!", "harganya murah, rasanya enak", "baristanya baik"]
NEG = ["kecewa berat", "zonk", "lama banget nunggunya", "baristanya jutek", "rotinya basi", "gak enak",
       "mahal dan hambar", "pesanan salah terus"]
NEU = ["jam berapa buka kak?", "alamatnya di mana?", "ada menu baru?", "besok buka gak?", "bisa reservasi?",
       "cabang solo di mana ya", "harga kopi susu berapa?", "parkir motor di mana?"]
TEXTS = POS + NEG + NEU
LABELS = ["positive"] * len(POS) + ["negative"] * len(NEG) + ["neutral"] * len(NEU)


@pytest.fixture(scope="module")
def model():
    return SentimentModel().fit(TEXTS, LABELS)


def test_fit_returns_self_and_learns(model):
    assert list(model.classes_) == ["negative", "neutral", "positive"]
    assert model.n_train_ == 24
    assert model.predict(["enak banget, mantap", "kecewa, zonk", "jam berapa buka?"]).tolist() == [
        "positive", "negative", "neutral"]


def test_predict_proba_frame(model):
    s = pd.Series(["enak", "zonk"], index=["a", "b"])
    p = model.predict_proba(s)
    assert p.index.tolist() == ["a", "b"] and p.columns.tolist() == ["negative", "neutral", "positive"]
    np.testing.assert_allclose(p.sum(axis=1), 1.0)


def test_evaluate_metrics_worked_by_hand(model, monkeypatch):
    # true: pos pos neg neu ; predicted: pos neg neg neu
    # accuracy 3/4; pos P=1 R=1/2 F1=2/3; neg P=1/2 R=1 F1=2/3; neu F1=1; macro-F1 = (2/3+2/3+1)/3 = 7/9
    monkeypatch.setattr(model, "predict", lambda texts: pd.Series(["positive", "negative", "negative", "neutral"]))
    r = model.evaluate(["a", "b", "c", "d"], ["positive", "positive", "negative", "neutral"])
    assert r["accuracy"] == pytest.approx(0.75)
    assert r["macro_f1"] == pytest.approx(7 / 9)
    assert r["per_class"].loc["positive", "recall"] == pytest.approx(0.5)
    assert r["per_class"].loc["negative", "precision"] == pytest.approx(0.5)
    assert r["confusion"].loc["positive", "negative"] == 1
    assert r["confusion"].to_numpy().sum() == 4 and r["n"] == 4


def test_cross_validate(model):
    cv = SentimentModel(lexicon_features=False).cross_validate(TEXTS, LABELS, folds=2)
    assert cv["fold"].tolist() == ["1", "2", "mean"]
    assert cv["n_test"].tolist() == [12, 12, 24]
    assert cv.loc[2, "accuracy"] == pytest.approx(cv.loc[:1, "accuracy"].mean())


def test_cross_validate_errors():
    with pytest.raises(ValueError, match="`folds` must be at least 2"):
        SentimentModel().cross_validate(TEXTS, LABELS, folds=1)
    with pytest.raises(ValueError, match="has 8 texts, fewer than folds=10"):
        SentimentModel().cross_validate(TEXTS, LABELS, folds=10)


def test_save_load_round_trip(model, tmp_path):
    path = model.save(tmp_path / "m.smmodel")
    loaded = SentimentModel.load(path)
    texts = ["enak banget", "zonk parah", "kapan buka?"]
    pd.testing.assert_frame_equal(loaded.predict_proba(texts), model.predict_proba(texts))
    assert loaded.get_params() == model.get_params()


def test_load_refuses_old_pickles_and_wrong_files(tmp_path, model):
    """Pickles (the old format) are not read; the version and type checks live in
    tests/security/test_deserialisation.py."""
    old = tmp_path / "old.pkl"
    with open(old, "wb") as fh:
        pickle.dump({"format": 1, "version": "0.0.1", "kind": "SentimentModel", "model": model}, fh)
    with pytest.raises(ValueError, match="pickle files are no longer read"):
        SentimentModel.load(old)
    junk = tmp_path / "junk.pkl"
    junk.write_bytes(b"not a model")
    with pytest.raises(ValueError, match="is not a saved SentimentModel"):
        SentimentModel.load(junk)
    with pytest.raises(FileNotFoundError, match="file not found"):
        SentimentModel.load(tmp_path / "missing.pkl")


def test_fit_errors():
    with pytest.raises(EmptyDataError, match="SentimentModel.fit: no texts were given"):
        SentimentModel().fit([], [])
    with pytest.raises(ValueError, match="`texts` has 2 items but `labels` has 1"):
        SentimentModel().fit(["a", "b"], ["positive"])
    with pytest.raises(ValueError, match="at least two different labels"):
        SentimentModel().fit(["a", "b"], ["positive", "positive"])
    with pytest.raises(ValueError, match="`labels` holds 1 missing values"):
        SentimentModel().fit(["a", "b"], ["positive", None])
    with pytest.raises(TypeError, match="SentimentModel.fit: expected a Series, list or str of texts"):
        SentimentModel().fit(5, ["positive"])


def test_not_fitted_errors(tmp_path):
    m = SentimentModel()
    for call in (lambda: m.predict(["a"]), lambda: m.predict_proba(["a"]), lambda: m.evaluate(["a"], ["b"]),
                 lambda: m.save(tmp_path / "x.pkl")):
        with pytest.raises(ValueError, match="not fitted yet"):
            call()


def test_evaluate_empty(model):
    with pytest.raises(EmptyDataError, match="SentimentModel.evaluate: no texts were given"):
        model.evaluate([], [])


def test_predict_empty(model):
    assert model.predict([]).tolist() == []


def test_label_next_most_uncertain_first(model, monkeypatch):
    probs = pd.DataFrame([[0.1, 0.1, 0.8], [0.4, 0.35, 0.25], [0.5, 0.0, 0.5], [0.2, 0.6, 0.2]],
                         columns=["negative", "neutral", "positive"], index=[10, 11, 12, 13])
    monkeypatch.setattr(model, "predict_proba", lambda texts: probs)
    out = label_next(model, pd.Series(["a", "b", "c", "d"], index=[10, 11, 12, 13]), n=3)
    # margins: 0.7, 0.05, 0.0, 0.4 -> rows 12, 11, 13
    assert out.index.tolist() == [12, 11, 13]
    assert out["margin"].tolist() == pytest.approx([0.0, 0.05, 0.4])
    assert out.columns.tolist() == ["text", "predicted", "confidence", "margin"]


def test_label_next_errors(model):
    with pytest.raises(ValueError, match="`n` must be at least 1"):
        label_next(model, ["a"], n=0)
    with pytest.raises(TypeError, match="`model` must be a SentimentModel"):
        label_next("model", ["a"])


def test_inputs_not_mutated(model):
    s = pd.Series(["enak", "zonk", "kapan buka?"])
    y = pd.Series(["positive", "negative", "neutral"])
    s0, y0 = s.copy(), y.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        SentimentModel().fit(s, y)
        model.evaluate(s, y)
        label_next(model, s)
    pd.testing.assert_series_equal(s, s0)
    pd.testing.assert_series_equal(y, y0)
