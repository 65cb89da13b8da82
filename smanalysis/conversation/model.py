"""Sentiment learned from your own labels: TF-IDF n-grams plus lexicon features.

Agencies label a few hundred comments by hand; :class:`SentimentModel` learns
from them (scikit-learn style: ``fit`` returns ``self``, learned attributes end
in ``_``). Features: TF-IDF of word 1-2-grams and of character 2-5-grams of the
normalised text (:func:`~smanalysis.conversation.text.normalize`: slang,
elongation, URLs), plus the default scorer's output
(:func:`~smanalysis.conversation.sentiment.sentiment`: score and label) so that
negation, contrast and the lexicon help a small training set; a logistic
regression on top. :func:`label_next` picks which texts to label next (the
ones the model is least sure about).

Examples
--------
>>> texts = ["enak banget", "mantap kak", "suka sekali", "kecewa berat", "zonk", "lama banget",
...          "jam buka kapan?", "alamatnya di mana?", "ada menu baru?"]
>>> labels = ["positive"] * 3 + ["negative"] * 3 + ["neutral"] * 3
>>> model = SentimentModel().fit(texts, labels)
>>> model.predict(["enak, mantap", "kecewa, zonk"]).tolist()
['positive', 'negative']
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from .._version import __version__
from ..exceptions import EmptyDataError, SMAnalysisWarning
from .text import as_text_series, normalize

__all__ = ["SentimentModel", "label_next"]

#: version of the model file layout written by :meth:`SentimentModel.save` (1 was a pickle, no longer read)
_FORMAT = 2


def _sentiment_module():
    import importlib

    return importlib.import_module("smanalysis.conversation.sentiment")


def _check_xy(texts, labels, func):
    s = as_text_series(texts, func=func)
    if len(s) == 0:
        raise EmptyDataError(f"{func}: no texts were given; at least one labelled text is needed")
    y = pd.Series(labels.values if isinstance(labels, pd.Series) else list(labels)
                  if not isinstance(labels, str) else [labels], dtype=object)
    if len(y) != len(s):
        raise ValueError(f"{func}: `texts` has {len(s)} items but `labels` has {len(y)}")
    if y.isna().any():
        raise ValueError(f"{func}: `labels` holds {int(y.isna().sum())} missing values")
    return s, y.astype(str).to_numpy()


class SentimentModel:
    """Sentiment classifier trained on your own labelled texts.

    Parameters
    ----------
    C : float, default 4.0
        Inverse regularisation strength of the logistic regression.
    word_ngrams : tuple, default (1, 2)
    char_ngrams : tuple, default (2, 5)
        Character n-grams (within word boundaries) catch affixes and spelling variants.
    lexicon_features : bool, default True
        Add the default scorer's score and label as features.
    lexicon_weight : float, default 1.0
        Scale of the lexicon features relative to the TF-IDF block.
    class_weight : "balanced" or None, default "balanced"
    seed : int, default 0
        Random state of the solver and of :meth:`cross_validate`'s folds.

    Attributes
    ----------
    classes_ : ndarray of str
        Labels seen in ``fit``, sorted.
    n_train_ : int
        Number of training texts.
    version_ : str
        smanalysis version that trained the model.

    Examples
    --------
    >>> m = SentimentModel(lexicon_features=False).fit(["bagus", "jelek", "bagus sekali", "jelek sekali"],
    ...                                                ["positive", "negative", "positive", "negative"])
    >>> list(m.classes_)
    ['negative', 'positive']
    """

    def __init__(self, *, C: float = 4.0, word_ngrams=(1, 2), char_ngrams=(2, 5), lexicon_features: bool = True,
                 lexicon_weight: float = 1.0, class_weight="balanced", seed: int = 0):
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.lexicon_features = lexicon_features
        self.lexicon_weight = lexicon_weight
        self.class_weight = class_weight
        self.seed = seed

    # -- features -------------------------------------------------------------
    def _lex(self, s: pd.Series):
        out = _sentiment_module().sentiment(s, evidence=False)
        sc = out["score"].to_numpy()
        lab = out["label"].to_numpy()
        feats = np.column_stack([sc, lab == "positive", lab == "negative", lab == "neutral", np.abs(sc)])
        return sparse.csr_matrix(feats.astype(float) * self.lexicon_weight)

    def _features(self, s: pd.Series, *, fit: bool):
        norm = normalize(s)
        if fit:
            from sklearn.feature_extraction.text import TfidfVectorizer

            self.word_vec_ = TfidfVectorizer(ngram_range=tuple(self.word_ngrams), min_df=1, sublinear_tf=True,
                                             token_pattern=r"(?u)[^\s.,!?;:()\"']+")
            self.char_vec_ = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngrams), min_df=2,
                                             sublinear_tf=True)
            blocks = [self.word_vec_.fit_transform(norm), self.char_vec_.fit_transform(norm)]
        else:
            blocks = [self.word_vec_.transform(norm), self.char_vec_.transform(norm)]
        if self.lexicon_features:
            blocks.append(self._lex(s))
        return sparse.hstack(blocks).tocsr()

    def _check_fitted(self, func):
        if not hasattr(self, "clf_"):
            raise ValueError(f"SentimentModel.{func}: the model is not fitted yet; call fit(texts, labels) first")

    # -- API --------------------------------------------------------------------
    def fit(self, texts, labels) -> SentimentModel:
        """Learn from labelled texts.

        Parameters
        ----------
        texts : Series, list or str
        labels : Series or list
            One label a text (e.g. positive/neutral/negative); at least two different labels.

        Returns
        -------
        SentimentModel
            ``self``.

        Raises
        ------
        EmptyDataError
            When no texts are given.
        ValueError
            When lengths differ, labels are missing, or only one label occurs.
        """
        from sklearn.linear_model import LogisticRegression

        s, y = _check_xy(texts, labels, "SentimentModel.fit")
        if len(set(y)) < 2:
            raise ValueError(f"SentimentModel.fit: at least two different labels are needed, got only {sorted(set(y))}")
        X = self._features(s, fit=True)
        self.clf_ = LogisticRegression(C=self.C, max_iter=3000, class_weight=self.class_weight,
                                       random_state=self.seed)
        self.clf_.fit(X, y)
        self.classes_ = self.clf_.classes_
        self.n_train_ = len(s)
        self.version_ = __version__
        return self

    def predict_proba(self, texts) -> pd.DataFrame:
        """Probability of each class, one column a class, aligned to the input index.

        Examples
        --------
        >>> m = SentimentModel().fit(["enak", "jelek"], ["positive", "negative"])
        >>> p = m.predict_proba(["enak"])
        >>> list(p.columns), bool(p.loc[0, "positive"] > 0.5)
        (['negative', 'positive'], True)
        """
        self._check_fitted("predict_proba")
        s = as_text_series(texts, func="SentimentModel.predict_proba")
        if len(s) == 0:
            return pd.DataFrame(columns=list(self.classes_), index=s.index, dtype=float)
        p = self.clf_.predict_proba(self._features(s, fit=False))
        return pd.DataFrame(p, columns=list(self.classes_), index=s.index)

    def predict(self, texts) -> pd.Series:
        """Predicted label of each text, aligned to the input index."""
        self._check_fitted("predict")
        p = self.predict_proba(texts)
        if len(p) == 0:
            return pd.Series([], index=p.index, dtype=object, name="label")
        return pd.Series(np.asarray(self.classes_)[p.to_numpy().argmax(axis=1)], index=p.index, dtype=object,
                         name="label")

    def evaluate(self, texts, labels) -> dict:
        """Accuracy, macro-F1, per-class precision/recall and the confusion matrix.

        Returns
        -------
        dict
            ``accuracy`` (float), ``macro_f1`` (float), ``per_class`` (DataFrame indexed by label:
            precision, recall, f1, support), ``confusion`` (DataFrame: rows true label, columns predicted),
            ``n`` (int).

        Raises
        ------
        EmptyDataError
            When no texts are given.

        Examples
        --------
        >>> m = SentimentModel(lexicon_features=False).fit(["bagus", "jelek"] * 3, ["positive", "negative"] * 3)
        >>> m.evaluate(["bagus", "jelek"], ["positive", "negative"])["accuracy"]
        1.0
        """
        self._check_fitted("evaluate")
        s, y = _check_xy(texts, labels, "SentimentModel.evaluate")
        return _report(y, self.predict(s).to_numpy())

    def cross_validate(self, texts, labels, *, folds: int = 5) -> pd.DataFrame:
        """Stratified k-fold cross-validation of a fresh copy of this model.

        Returns
        -------
        DataFrame
            One row a fold (``fold``, ``accuracy``, ``macro_f1``, ``n_test``) and a last row ``fold="mean"``.

        Raises
        ------
        ValueError
            When ``folds`` < 2 or a label has fewer texts than ``folds``.
        """
        from sklearn.model_selection import StratifiedKFold

        s, y = _check_xy(texts, labels, "SentimentModel.cross_validate")
        if folds < 2:
            raise ValueError(f"SentimentModel.cross_validate: `folds` must be at least 2, got {folds}")
        counts = pd.Series(y).value_counts()
        if counts.min() < folds:
            raise ValueError(f"SentimentModel.cross_validate: label {counts.idxmin()!r} has {counts.min()} texts, "
                             f"fewer than folds={folds}")
        rows = []
        skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.seed)
        for i, (tr, te) in enumerate(skf.split(np.zeros(len(y)), y)):
            m = SentimentModel(**self.get_params()).fit(s.iloc[tr], y[tr])
            r = _report(y[te], m.predict(s.iloc[te]).to_numpy())
            rows.append({"fold": str(i + 1), "accuracy": r["accuracy"], "macro_f1": r["macro_f1"], "n_test": len(te)})
        out = pd.DataFrame(rows)
        mean = {"fold": "mean", "accuracy": out["accuracy"].mean(), "macro_f1": out["macro_f1"].mean(),
                "n_test": int(out["n_test"].sum())}
        return pd.concat([out, pd.DataFrame([mean])], ignore_index=True)

    def get_params(self) -> dict:
        """Constructor parameters (scikit-learn convention)."""
        return {k: getattr(self, k) for k in ("C", "word_ngrams", "char_ngrams", "lexicon_features",
                                              "lexicon_weight", "class_weight", "seed")}

    def save(self, path) -> Path:
        """Save the fitted model in a safe, versioned file; returns the path.

        The file is a zip holding ``smanalysis-model.json`` (kind, format, smanalysis version)
        and ``model.skops`` (the model in :mod:`skops.io` format, which stores data, not code).
        No pickle is written or read.

        Examples
        --------
        >>> import tempfile, os
        >>> m = SentimentModel(lexicon_features=False).fit(["bagus", "jelek"] * 2, ["positive", "negative"] * 2)
        >>> p = m.save(os.path.join(tempfile.mkdtemp(), "model.smmodel"))
        >>> SentimentModel.load(p).predict(["bagus"]).tolist()
        ['positive']
        """
        self._check_fitted("save")
        return _save_model(self, Path(path))

    @classmethod
    def load(cls, path) -> SentimentModel:
        """Load a model saved by :meth:`save` without running code from the file.

        The kind and format are checked before the model is read; the model is then read with
        :func:`skops.io.loads`, trusting only scikit-learn/NumPy/SciPy types and the types in
        :data:`TRUSTED_TYPES`; anything else (a function, another class) is refused.

        Raises
        ------
        FileNotFoundError
            When the file does not exist.
        ValueError
            When the file is not a saved SentimentModel (a pickle, another file, another kind),
            its format is newer than this version reads, or it holds untrusted types.

        Warns
        -----
        SMAnalysisWarning
            When the model was saved by another smanalysis version.
        """
        return _load_model(Path(path))


# -- safe file format (owned by the safety work, issue 13 item 5) ----------------------------
#: types a model file may hold beyond the ones skops trusts by default (scikit-learn, NumPy,
#: SciPy, builtins); a model holding anything else is refused on load. Extend this list only
#: with smanalysis's own classes.
TRUSTED_TYPES = ("smanalysis.conversation.model.SentimentModel",)
_META = "smanalysis-model.json"
_PAYLOAD = "model.skops"
_META_MAX = 64 * 1024


def _save_model(model: SentimentModel, path: Path) -> Path:
    import json
    import os
    import zipfile

    import skops.io as sio

    meta = {"kind": "SentimentModel", "format": _FORMAT, "smanalysis": __version__}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(_META, json.dumps(meta))
        z.writestr(_PAYLOAD, sio.dumps(model))
    tmp.replace(path)
    return path


def _load_model(path: Path) -> SentimentModel:
    import json
    import zipfile

    import skops.io as sio

    where = f"SentimentModel.load: {path}"
    if not path.is_file():
        raise FileNotFoundError(f"SentimentModel.load: file not found: {path}")
    not_model = f"{where} is not a saved SentimentModel"
    if not zipfile.is_zipfile(path):
        hint = " (pickle files are no longer read: retrain and save again)" if path.read_bytes()[:1] == b"\x80" else ""
        raise ValueError(not_model + hint)
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo(_META)
            if info.file_size > _META_MAX:
                raise ValueError("metadata too large")
            meta = json.loads(z.read(_META).decode("utf-8"))
            payload = z.read(_PAYLOAD) if meta.get("kind") == "SentimentModel" else b""
    except (KeyError, ValueError, zipfile.BadZipFile, AttributeError) as err:
        raise ValueError(f"{not_model} ({err})") from err
    if not isinstance(meta, dict) or meta.get("kind") != "SentimentModel":
        raise ValueError(not_model)
    fmt = meta.get("format")
    if not isinstance(fmt, int) or fmt > _FORMAT:
        raise ValueError(f"{where} has format {fmt}, newer than this smanalysis reads ({_FORMAT}); "
                         f"upgrade smanalysis")
    try:
        untrusted = set(sio.get_untrusted_types(data=payload)) - set(TRUSTED_TYPES)
    except Exception as err:  # noqa: BLE001 - a corrupt payload is "not a model", whatever skops raises
        raise ValueError(f"{not_model} ({type(err).__name__}: {err})") from err
    if untrusted:
        raise ValueError(f"{where} holds untrusted types {sorted(untrusted)}; refusing to load it")
    try:
        obj = sio.loads(payload, trusted=list(TRUSTED_TYPES))
    except Exception as err:  # noqa: BLE001
        raise ValueError(f"{not_model} ({type(err).__name__}: {err})") from err
    if not isinstance(obj, SentimentModel):
        raise ValueError(f"{where} holds a {type(obj).__name__}, not a SentimentModel")
    if meta.get("smanalysis") != __version__:
        warnings.warn(f"SentimentModel.load: {path} was saved by smanalysis {meta.get('smanalysis')}, this is "
                      f"{__version__}; predictions may differ slightly", SMAnalysisWarning, stacklevel=3)
    return obj


def _report(y_true, y_pred) -> dict:
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    labels = sorted(set(y_true) | set(y_pred))
    p, r, f, sup = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    per = pd.DataFrame({"precision": p, "recall": r, "f1": f, "support": sup}, index=pd.Index(labels, name="label"))
    cm = pd.DataFrame(confusion_matrix(y_true, y_pred, labels=labels), index=pd.Index(labels, name="true"),
                      columns=pd.Index(labels, name="predicted"))
    present = sorted(set(y_true))
    return {"accuracy": float(accuracy_score(y_true, y_pred)),
            "macro_f1": float(f1_score(y_true, y_pred, labels=present, average="macro", zero_division=0)),
            "per_class": per, "confusion": cm, "n": len(y_true)}


def label_next(model: SentimentModel | None, texts, n: int = 20) -> pd.DataFrame:
    """The texts to label next: the ones the model is least sure about, most uncertain first.

    Uncertainty is the margin between the two most probable labels (small margin =
    uncertain). Label these by hand, add them to the training set and refit.

    Parameters
    ----------
    model : SentimentModel or None
        A fitted model; ``None`` (before any label) uses the default scorer: its least sure
        texts are those whose score lies nearest a label threshold (margin = distance / threshold,
        confidence = |score|); texts with no known word (score 0) come after the borderline ones.
    texts : Series, list or str
        Unlabelled texts.
    n : int, default 20
        How many to return (all when fewer).

    Returns
    -------
    DataFrame
        Indexed like the input rows it picks; columns ``text``, ``predicted``,
        ``confidence`` (probability of the predicted label) and ``margin``.

    Raises
    ------
    ValueError
        When ``n`` < 1 or the model is not fitted.

    Examples
    --------
    >>> m = SentimentModel().fit(["enak", "mantap", "jelek", "zonk"], ["positive", "positive", "negative", "negative"])
    >>> label_next(m, ["enak banget", "biasa", "jelek parah"], n=1)["text"].tolist()
    ['biasa']
    """
    if model is not None and not isinstance(model, SentimentModel):
        raise TypeError(f"label_next: `model` must be a SentimentModel, got {type(model).__name__}")
    if int(n) < 1:
        raise ValueError(f"label_next: `n` must be at least 1, got {n}")
    s = as_text_series(texts, func="label_next")
    if model is None:
        sen = _sentiment_module()
        out = sen.sentiment(s, evidence=False)
        score = out["score"].to_numpy()
        margin = np.abs(np.abs(score) - sen.THRESHOLD) / sen.THRESHOLD
        # texts not scored at all (score 0, no known word) are uncertain too, after the borderline ones
        margin = np.where(score == 0, 1.0, margin)
        res = pd.DataFrame({"text": s, "predicted": out["label"].to_numpy(), "confidence": np.abs(score),
                            "margin": margin}, index=s.index)
        return res.iloc[np.argsort(margin, kind="stable")[: int(n)]]
    p = model.predict_proba(s)
    if len(p) == 0:
        return pd.DataFrame({"text": [], "predicted": [], "confidence": [], "margin": []}, index=s.index)
    arr = p.to_numpy()
    srt = np.sort(arr, axis=1)
    margin = srt[:, -1] - (srt[:, -2] if arr.shape[1] > 1 else 0)
    out = pd.DataFrame({"text": s, "predicted": np.asarray(model.classes_)[arr.argmax(axis=1)],
                        "confidence": srt[:, -1], "margin": margin}, index=s.index)
    order = np.argsort(margin, kind="stable")[: int(n)]
    return out.iloc[order]
