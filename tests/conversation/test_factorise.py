"""TF-IDF and NMF without scikit-learn (smanalysis.conversation.factorise): hand-worked numbers, and
the same arrays as scikit-learn's on the bundled sample's texts (TF-IDF bit for bit, NMF to ~1e-12)."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation.factorise import Tfidf, nmf, nmf_transform, word_tokens
from smanalysis.conversation.topics import _prepared
from smanalysis.exceptions import SMAnalysisWarning

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def test_tfidf_hand_worked():
    # 2 documents: "a" in both (idf = ln(3/3) + 1 = 1), "b" in one (idf = ln(3/2) + 1); "b" twice in
    # the first: sublinear tf = ln(2) + 1
    x = Tfidf().fit_transform([["b", "a", "b"], ["a"]]).toarray()
    tf_b = (math.log(2) + 1) * (math.log(1.5) + 1)
    norm = math.sqrt(1 + tf_b**2)
    assert x[0] == pytest.approx([1 / norm, tf_b / norm], rel=1e-12)
    assert x[1].tolist() == [1.0, 0.0]


def test_tfidf_min_max_df_and_vocabulary():
    tf = Tfidf(min_df=2, max_df=0.6)
    x = tf.fit_transform([["kopi", "enak"], ["kopi", "murah"], ["teh", "enak"], ["kopi", "enak"], ["x"]])
    # kopi and enak in 3 of 5 (0.6: kept), murah/teh/x in 1 (< min_df)
    assert tf.vocabulary_.tolist() == ["enak", "kopi"]
    assert x.shape == (5, 2)
    assert x[4].nnz == 0  # nothing left of "x": a row of zeros, not NaN
    new = tf.transform([["kopi", "baru"]]).toarray()
    assert new.tolist() == [[0.0, 1.0]]  # unknown words left out, the row normalised


@pytest.mark.parametrize("docs, match", [([["a"], ["b"]], "no terms remain"), ([[], []], "empty vocabulary")])
def test_tfidf_nothing_left(docs, match):
    with pytest.raises(ValueError, match=match):
        Tfidf(min_df=2).fit_transform(docs)


def test_word_tokens_lowercase_words():
    assert word_tokens(["Kopi-Susu ENAK 2x!", ""]) == [["kopi", "susu", "enak", "2x"], []]


def test_nmf_rank_one_exact():
    # x = u v^T with non-negative u, v: a rank-1 NMF reproduces it
    x = np.outer([1.0, 2.0, 3.0], [2.0, 0.0, 1.0, 4.0])
    w, h, _ = nmf(x, 1, seed=0, max_iter=500)
    np.testing.assert_allclose(w @ h, x, atol=1e-6)
    assert (w >= 0).all() and (h >= 0).all()


def test_nmf_bad_k():
    with pytest.raises(ValueError, match="`k` must be between 1 and"):
        nmf(np.ones((2, 3)), 3)


def test_nmf_max_iter_warns():
    rng = np.random.default_rng(0)
    with pytest.warns(SMAnalysisWarning, match="reached its 1 iterations"):
        nmf(rng.random((20, 10)), 3, max_iter=1)


def _sample_tokens():
    from smanalysis.io import load_dataset

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset([str(SAMPLE / "exports")])
    return pd.concat([ds.comments["text"], ds.mentions["text"]]).fillna("").astype(str).tolist()


@pytest.fixture(scope="module")
def sample_texts():
    return _sample_tokens()


def test_same_numbers_as_scikit_learn(sample_texts):
    """The report's topics and quotes used scikit-learn: the same arrays, entry for entry."""
    text_mod = pytest.importorskip("sklearn.feature_extraction.text")
    decomposition = pytest.importorskip("sklearn.decomposition")
    toks = _prepared(sample_texts)
    ref = text_mod.TfidfVectorizer(analyzer=lambda d: d, min_df=5, max_df=0.5, sublinear_tf=True)
    a = ref.fit_transform(toks)
    ours = Tfidf(min_df=5, max_df=0.5)
    b = ours.fit_transform(toks)
    assert (ref.get_feature_names_out() == ours.vocabulary_).all()
    for m, n in ((a, b), (ref.transform(toks[:400]), ours.transform(toks[:400]))):
        assert (m.indptr == n.indptr).all() and (m.indices == n.indices).all() and (m.data == n.data).all()
    q = text_mod.TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", sublinear_tf=True).fit_transform(sample_texts[:2000])
    r = Tfidf().fit_transform(word_tokens(sample_texts[:2000]))
    assert (q.indices == r.indices).all() and (q.data == r.data).all()
    # the NMF: the same arithmetic, but BLAS's small products (W'W) may round the last bit differently
    # with the arrays' alignment in memory (scikit-learn's own runs differ so): equal to ~1e-12, and the
    # same topics (main topic of every text, top terms of every topic)
    model = decomposition.NMF(n_components=8, init="nndsvda", random_state=0, max_iter=500)
    w_ref = model.fit_transform(a)
    w, h, n_iter = nmf(b, 8, seed=0, max_iter=500)
    assert n_iter == model.n_iter_
    np.testing.assert_allclose(w, w_ref, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(h, model.components_, rtol=1e-9, atol=1e-12)
    assert (w.argmax(axis=1) == w_ref.argmax(axis=1)).all()
    assert (np.argsort(-h, axis=1)[:, :6] == np.argsort(-model.components_, axis=1)[:, :6]).all()
    np.testing.assert_allclose(nmf_transform(b[:300], h, max_iter=500), model.transform(a[:300]), rtol=1e-9,
                               atol=1e-12)


def test_prepared_flat_same_tokens_as_lists(sample_texts):
    """The topic model's flat token arrays hold the tokens of the per-text lists, in order."""
    from smanalysis.conversation.topics import _prepared_flat

    extra = frozenset({"kopi", "senja"})
    lists = _prepared(sample_texts, extra)
    doc, tokens, n = _prepared_flat(sample_texts, extra)
    assert n == len(lists)
    assert np.bincount(doc, minlength=n).tolist() == [len(x) for x in lists]
    assert tokens.tolist() == [w for x in lists for w in x]
    assert "kopi" not in set(tokens.tolist()) and "yang" not in set(tokens.tolist())  # extra and stop words out


def test_fit_transform_tokens_equals_lists():
    docs = [["kopi", "enak", "kopi"], [], ["teh", "enak"]]
    a = Tfidf().fit_transform(docs)
    b = Tfidf().fit_transform_tokens(np.array([0, 0, 0, 2, 2]), np.array(["kopi", "enak", "kopi", "teh", "enak"],
                                                                         dtype=object), 3)
    assert (a.toarray() == b.toarray()).all() and a.shape == (3, 3)
