"""Adapt sentiment to one client: label a few hundred comments, train, compare, use in the report.

The workflow of ``notebooks/05_sentiment_labeller.ipynb``:

1. :func:`~smanalysis.conversation.model.label_next` picks the comments to label (with no model
   yet: the ones the default scorer is least sure about);
2. the analyst labels them in JupyterLab with :func:`labeller` (ipywidgets buttons), or in Excel
   through :func:`write_label_sheet` / :func:`read_label_sheet` (a CSV round trip);
3. :func:`compare_with_default` cross-validates a :class:`~smanalysis.conversation.model.SentimentModel`
   (TF-IDF plus the default scorer's lexicon features) on those labels and scores the default
   scorer on the same texts: macro-F1 of both with bootstrap intervals and the paired difference;
4. the trained model is saved (safe format, see ``SentimentModel.save``) and the client config
   names it (``sentiment_model: models/kopi-senja.smmodel``); the report then labels comments
   with :func:`score_texts`.

Examples
--------
>>> texts = ["enak banget", "mantap kak", "kecewa berat", "zonk parah", "jam buka?", "alamatnya?"] * 4
>>> labels = ["positive", "positive", "negative", "negative", "neutral", "neutral"] * 4
>>> table = compare_with_default(texts, labels, folds=3, n_boot=200)
>>> table["scorer"].tolist()
['default', 'trained', 'trained - default']
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..exceptions import SchemaError
from ..spreadsheet import restore_text, write_table
from .model import SentimentModel
from .sentiment import LABELS, sentiment
from .text import as_text_series

__all__ = ["bootstrap_macro_f1", "compare_with_default", "score_texts", "write_label_sheet", "read_label_sheet",
           "sample_label_sheet", "labeller", "LABEL_COLUMNS"]

LABEL_COLUMNS = ("id", "text", "predicted", "label")
"""Columns of a label sheet: row id, text, the scorer's guess, and the analyst's label (empty to skip)."""


def _macro_f1(y, p, labels) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, p, labels=labels, average="macro", zero_division=0))


def bootstrap_macro_f1(y_true, y_pred, *, n_boot: int = 1000, level: float = 0.95, seed: int = 0) -> dict:
    """Macro-F1 with a percentile bootstrap interval (texts resampled with replacement).

    Parameters
    ----------
    y_true, y_pred : sequence of str
    n_boot : int, default 1000
    level : float, default 0.95
    seed : int, default 0

    Returns
    -------
    dict
        ``macro_f1``, ``low``, ``high``, ``n``.

    Examples
    --------
    >>> r = bootstrap_macro_f1(["positive", "negative"] * 10, ["positive", "negative"] * 10, n_boot=50)
    >>> (r["macro_f1"], r["low"], r["high"], r["n"])
    (1.0, 1.0, 1.0, 20)
    """
    y, p = np.asarray(y_true, dtype=object), np.asarray(y_pred, dtype=object)
    if len(y) != len(p) or len(y) == 0:
        raise ValueError(f"bootstrap_macro_f1: need equally long, non-empty label lists; got {len(y)} and {len(p)}")
    labels = sorted(set(y))
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(y), size=(n_boot, len(y)))
    boots = np.array([_macro_f1(y[i], p[i], labels) for i in idx])
    a = (1 - level) / 2
    return {"macro_f1": _macro_f1(y, p, labels), "low": float(np.quantile(boots, a)),
            "high": float(np.quantile(boots, 1 - a)), "n": int(len(y))}


def compare_with_default(texts, labels, *, model: SentimentModel | None = None, folds: int = 5,
                         n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Cross-validated macro-F1 of a trained model against the default scorer, on the same texts.

    Every text gets an out-of-fold prediction from a model trained on the other folds
    (stratified k-fold) and the default scorer's label; both are scored against the labels
    with bootstrap intervals, and the paired difference (same resampled texts) with its own.

    Parameters
    ----------
    texts : Series, list
    labels : Series, list
        positive / neutral / negative.
    model : SentimentModel, optional
        Settings of the model to train (default ``SentimentModel()``); it is not changed.
    folds : int, default 5
    n_boot : int, default 1000
    seed : int, default 0

    Returns
    -------
    DataFrame
        Rows ``default``, ``trained``, ``trained - default``; columns ``scorer``, ``macro_f1``,
        ``low``, ``high`` (95% bootstrap interval), ``n``.

    Raises
    ------
    ValueError
        When lengths differ, a label is not one of positive/neutral/negative, or a label has
        fewer texts than ``folds``.
    """
    from sklearn.model_selection import StratifiedKFold

    s = as_text_series(texts, func="compare_with_default")
    y = np.asarray(list(labels), dtype=object)
    if len(y) != len(s):
        raise ValueError(f"compare_with_default: `texts` has {len(s)} items but `labels` has {len(y)}")
    bad = sorted(set(y) - set(LABELS), key=str)
    if bad:
        raise ValueError(f"compare_with_default: labels must be one of {list(LABELS)}, got {bad}")
    counts = pd.Series(y).value_counts()
    if counts.min() < folds:
        raise ValueError(f"compare_with_default: label {counts.idxmin()!r} has {counts.min()} texts, "
                         f"fewer than folds={folds}; label more texts or lower `folds`")
    params = (model or SentimentModel()).get_params()
    oof = np.empty(len(y), dtype=object)
    for tr, te in StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        oof[te] = SentimentModel(**params).fit(s.iloc[tr], y[tr]).predict(s.iloc[te]).to_numpy()
    default = sentiment(s, evidence=False)["label"].to_numpy(dtype=object)
    d = bootstrap_macro_f1(y, default, n_boot=n_boot, seed=seed)
    t = bootstrap_macro_f1(y, oof, n_boot=n_boot, seed=seed)
    lab = sorted(set(y))
    rng = np.random.default_rng(seed)
    diffs = [_macro_f1(y[i], oof[i], lab) - _macro_f1(y[i], default[i], lab)
             for i in rng.integers(0, len(y), size=(n_boot, len(y)))]
    diff = {"macro_f1": t["macro_f1"] - d["macro_f1"], "low": float(np.quantile(diffs, 0.025)),
            "high": float(np.quantile(diffs, 0.975)), "n": len(y)}
    return pd.DataFrame([{"scorer": "default", **d}, {"scorer": "trained", **t},
                         {"scorer": "trained - default", **diff}])


def score_texts(texts, *, model=None) -> pd.DataFrame:
    """Label texts with the client's trained model when there is one, else the default scorer.

    Parameters
    ----------
    texts : Series, list
    model : SentimentModel, str or Path, optional
        A fitted model or the path of one saved with ``SentimentModel.save`` (the client
        config's ``sentiment_model:``). ``None`` uses :func:`~smanalysis.conversation.sentiment.sentiment`.

    Returns
    -------
    DataFrame
        ``label`` and ``score`` aligned to the input (with a model: score = P(positive) - P(negative)).

    Examples
    --------
    >>> score_texts(["enak banget", "zonk"])["label"].tolist()
    ['positive', 'negative']
    """
    if model is None:
        return sentiment(texts, evidence=False)[["label", "score"]]
    if isinstance(model, (str, Path)):
        model = SentimentModel.load(model)
    s = as_text_series(texts, func="score_texts")
    if len(s) == 0:
        return pd.DataFrame({"label": pd.Series([], dtype=object), "score": pd.Series([], dtype=float)}, index=s.index)
    p = model.predict_proba(s)
    score = p.get("positive", 0.0) - p.get("negative", 0.0)
    return pd.DataFrame({"label": model.predict(s).to_numpy(), "score": np.asarray(score, dtype=float)}, index=s.index)


def write_label_sheet(queue: pd.DataFrame, path) -> Path:
    """Write the texts to label as a CSV for Excel (formulas neutralised), ``label`` column empty.

    Parameters
    ----------
    queue : DataFrame
        From :func:`~smanalysis.conversation.model.label_next` (``text`` and ``predicted``).
    path : str or Path

    Returns
    -------
    Path
    """
    for col in ("text", "predicted"):
        if col not in queue.columns:
            raise SchemaError(f"write_label_sheet: `queue` lacks column {col!r}; columns present: {list(queue.columns)}")
    sheet = pd.DataFrame({"id": [str(i) for i in queue.index], "text": queue["text"].astype(str).to_numpy(),
                          "predicted": queue["predicted"].astype(str).to_numpy(), "label": ""})
    path = Path(path)
    write_table(sheet, path)
    return path


def read_label_sheet(path) -> pd.DataFrame:
    """Read a label sheet back: rows with a label, labels checked, ids and texts kept as text.

    Labels may be written as positive/neutral/negative or their Indonesian names
    (positif/netral/negatif) in any case; empty labels are skipped.

    Returns
    -------
    DataFrame
        ``id``, ``text``, ``label`` of the labelled rows.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    SchemaError
        When a column of :data:`LABEL_COLUMNS` is missing.
    ValueError
        Naming the file, line and column of a label that is not one of the three.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"read_label_sheet: file not found: {path}")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in LABEL_COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"read_label_sheet: {path.name} lacks columns {missing}; columns present: {list(df.columns)}")
    lab = df["label"].str.strip().str.lower().replace({"positif": "positive", "netral": "neutral",
                                                      "negatif": "negative"})
    bad = (lab != "") & ~lab.isin(LABELS)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise ValueError(f"{path.name}, line {i + 2}, column 'label': {df['label'].iloc[i]!r} is not one of "
                         f"{list(LABELS)} (or positif/netral/negatif)")
    # undo the writer's formula neutralisation (smanalysis.spreadsheet): "'=..." was "=...", "''=..." was "'=..."
    text = df["text"].map(restore_text)
    out = pd.DataFrame({"id": df["id"], "text": text, "label": lab})
    return out[lab != ""].reset_index(drop=True)


def sample_label_sheet() -> Path:
    """A filled label sheet shipped with smanalysis: 110 comments of the bundled sample (Kopi Senja)
    labelled by the project by careful reading, to try the labeller notebook without labelling.

    Examples
    --------
    >>> read_label_sheet(sample_label_sheet())["label"].value_counts().to_dict()
    {'neutral': 53, 'positive': 37, 'negative': 20}
    """
    from importlib import resources

    return Path(str(resources.files("smanalysis").joinpath("data", "sample_sentiment_labels.csv")))


def labeller(queue: pd.DataFrame, labels: dict | None = None):
    """An ipywidgets labeller for JupyterLab: one text at a time, a button a label.

    Parameters
    ----------
    queue : DataFrame
        Texts to label (``text`` column), e.g. from ``label_next``.
    labels : dict, optional
        Filled in place: ``{row id: label}``; pass the same dict again to go on later.

    Returns
    -------
    (widget, dict)
        The widget to display and the dict of labels given so far.
    """
    import ipywidgets as w

    if "text" not in queue.columns:
        raise SchemaError(f"labeller: `queue` lacks column 'text'; columns present: {list(queue.columns)}")
    labels = {} if labels is None else labels
    todo = [i for i in queue.index if i not in labels]
    pos = {"i": 0}
    text = w.HTML()
    status = w.Label()
    buttons = [w.Button(description=lab, button_style=style)
               for lab, style in zip(LABELS, ("danger", "", "success"))]
    skip = w.Button(description="skip")

    def show():
        if pos["i"] >= len(todo):
            text.value = "<b>done</b>"
        else:
            import html

            text.value = f"<p style='font-size:1.2em'>{html.escape(str(queue.loc[todo[pos['i']], 'text']))}</p>"
        status.value = f"{len(labels)} labelled, {max(len(todo) - pos['i'], 0)} to go"

    def on_click(b):
        if pos["i"] < len(todo):
            if b.description in LABELS:
                labels[todo[pos["i"]]] = b.description
            pos["i"] += 1
        show()

    for b in [*buttons, skip]:
        b.on_click(on_click)
    show()
    return w.VBox([text, w.HBox([*buttons, skip]), status]), labels
