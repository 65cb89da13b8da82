"""Accuracy of smanalysis sentiment: NusaX-Senti (id, en), the own development set by domain, the
client scenario (250 own labels), the own English sets; default scorer vs trained models vs VADER;
macro-F1 with 95% bootstrap intervals.

Sets
----
* NusaX-Senti ``test`` (Indonesian, English): EVALUATION ONLY, read from ``shared/data/nusax-senti``
  beside the repository (skipped when absent). ``train`` is used only to train the "trained
  (NusaX)" model; no text or word of it goes into the lexicon.
* The own development set (``benchmarks/data/devset/*.tsv``, 10 domains). Nine domains (805
  texts) were read while the lexicon additions were written: their default figures are
  optimistic ("own dev (tuning)"). The tenth, ``cafe`` (402 comments about ONE coffee-shop
  client), was written and labelled before the scorer was run on it and is never used for tuning.
* The client scenario (issue 12: an agency labels a client's own comments): ``cafe`` is split
  once, stratified by label (seed 0), into 250 texts that train "trained (250 own)" and 152
  held-out texts on which every scorer is measured; then the same over 10 random splits
  (seeds 0-9): mean macro-F1 of each scorer and of the paired difference, with the range over
  splits. "trained (250 own)" is also shown on the other sets (a client's model off its domain).
* The own English tuning set (``benchmarks/data/english/*.tsv``, 407 texts); the English additions
  (``smanalysis/data/lexicon_en.tsv``) were written while reading its errors: optimistic.
* The own fresh English set (``benchmarks/data/english_fresh/*.tsv``, 116 texts, session 2).
* The own English hold-out set (``benchmarks/data/english_holdout/*.tsv``, 200 texts in 9
  categories, written and labelled in session 3 before the scorer was run on it; never used
  for tuning): the honest own English figure.
* The own Indonesian sarcasm set (``benchmarks/data/sarcasm/id.tsv``, 40 texts: 28 ironic praise
  without emoji, 6 sincere praise, 6 neutral); the complaint words of session 2 were written
  while reading it: optimistic.

Scorers: ``default`` = ``sentiment()`` (no training); ``trained (NusaX)`` = ``SentimentModel``
fitted on the NusaX train split of the same language; ``trained (250 own)`` = fitted on 250
labels of the ``cafe`` domain; ``VADER`` = vaderSentiment compound (>= 0.05 positive, <= -0.05
negative).

Run: ``python benchmarks/bench_sentiment_accuracy.py`` (writes ``benchmarks/out/bench_sentiment_accuracy.txt``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smanalysis.conversation.adapt import bootstrap_macro_f1  # noqa: E402
from smanalysis.conversation.model import SentimentModel  # noqa: E402
from smanalysis.conversation.sentiment import sentiment  # noqa: E402

NUSAX = next((p / "shared" / "data" / "nusax-senti" for p in (ROOT.parent, ROOT.parent.parent)
              if (p / "shared" / "data" / "nusax-senti").exists()), None)


def _read_own(paths) -> pd.DataFrame:
    frames = []
    for p in paths:
        d = pd.read_csv(p, sep="\t", names=["label", "variety", "text"], quoting=3, dtype=str)
        d["category"] = p.stem
        frames.append(d)
    return pd.concat(frames, ignore_index=True)


def _vader(texts) -> np.ndarray:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    c = np.array([sia.polarity_scores(str(x))["compound"] for x in texts])
    return np.where(c >= 0.05, "positive", np.where(c <= -0.05, "negative", "neutral")).astype(object)


CLIENT = "cafe"  # the domain of the client scenario (held out from tuning)
N_TRAIN = 250


def _split(frame: pd.DataFrame, seed: int):
    from sklearn.model_selection import train_test_split

    tr, te = train_test_split(frame.index, train_size=N_TRAIN, stratify=frame["label"], random_state=seed)
    return frame.loc[tr], frame.loc[te]


def _paired_diff(y, a, b, n_boot: int = 1000, seed: int = 0) -> tuple[float, float, float]:
    """Macro-F1 of ``a`` minus that of ``b`` on the same texts, with a paired percentile bootstrap interval."""
    from sklearn.metrics import f1_score

    y, a, b = (np.asarray(v, dtype=object) for v in (y, a, b))
    labels = sorted(set(y))

    def f(t, p):
        return f1_score(t, p, labels=labels, average="macro", zero_division=0)

    idx = np.random.default_rng(seed).integers(0, len(y), size=(n_boot, len(y)))
    d = np.array([f(y[i], a[i]) - f(y[i], b[i]) for i in idx])
    return f(y, a) - f(y, b), float(np.quantile(d, 0.025)), float(np.quantile(d, 0.975))


def main() -> int:
    lines = []

    def say(msg=""):
        print(msg, flush=True)
        lines.append(msg)

    t0 = time.perf_counter()
    data = ROOT / "benchmarks" / "data"
    dev_all = _read_own(sorted((data / "devset").glob("*.tsv")))
    client = dev_all[dev_all["category"] == CLIENT].reset_index(drop=True)
    dev = dev_all[dev_all["category"] != CLIENT].reset_index(drop=True)
    cl_tr, cl_te = _split(client, 0)
    own_model = SentimentModel().fit(cl_tr["text"], cl_tr["label"])
    rows = []

    def add(set_name, scorer, y, pred):
        r = bootstrap_macro_f1(y, pred, n_boot=1000, seed=0)
        rows.append({"set": set_name, "scorer": scorer, "n": r["n"], "macro_f1": r["macro_f1"],
                     "low": r["low"], "high": r["high"]})

    def score_set(name, frame, nusax_lang, by=None, varieties=()):
        y = frame["label"].to_numpy(dtype=object)
        preds = {"default": sentiment(frame["text"], evidence=False)["label"].to_numpy(dtype=object)}
        if nusax_lang in nusax_models:
            preds["trained (NusaX)"] = nusax_models[nusax_lang].predict(frame["text"]).to_numpy()
        preds["trained (250 own)"] = own_model.predict(frame["text"]).to_numpy()
        preds["VADER"] = _vader(frame["text"])
        for scorer, p in preds.items():
            add(name, scorer, y, p)
        if by is not None:
            groups = frame[by].to_numpy()
            for g in sorted(set(groups)):
                sel = groups == g
                for scorer, p in preds.items():
                    add(f"  {g}", scorer, y[sel], p[sel])
        var = frame["variety"].to_numpy()
        for v in varieties:
            sel = var == v
            add(f"  variety: {v}", "default", y[sel], preds["default"][sel])
        return y, preds

    nusax_models = {}
    diffs = []
    if NUSAX is None:
        say("NusaX-Senti not found beside the repository: its rows are skipped.")
    else:
        for lang, short in (("indonesian", "id"), ("english", "en")):
            train = pd.read_csv(NUSAX / lang / "train.csv")
            nusax_models[short] = SentimentModel().fit(train["text"], train["label"])
        for lang, short in (("indonesian", "id"), ("english", "en")):
            test = pd.read_csv(NUSAX / lang / "test.csv")
            test["variety"] = short
            y, p = score_set(f"NusaX-{short} test", test, short)
            if short == "en":
                diffs.append(("NusaX-en test", y, p["default"], p["VADER"]))
    score_set(f"own dev, tuning domains ({len(dev)})", dev.assign(category="dev: " + dev["category"]), "id",
              by="category", varieties=("mixed", "jv", "su"))
    # --- the client scenario: 250 own labels of one domain, measured on the rest of it
    y, p = score_set(f"client '{CLIENT}' held-out ({len(cl_te)})", cl_te, "id", varieties=("mixed", "jv", "su"))
    client_diff = _paired_diff(y, p["trained (250 own)"], p["default"])
    split_rows = []
    for seed in range(10):
        tr, te = _split(client, seed)
        yt = te["label"].to_numpy(dtype=object)
        m = SentimentModel().fit(tr["text"], tr["label"])
        d = sentiment(te["text"], evidence=False)["label"].to_numpy(dtype=object)
        t = m.predict(te["text"]).to_numpy()
        r = {"default": bootstrap_macro_f1(yt, d, n_boot=1)["macro_f1"],
             "trained (250 own)": bootstrap_macro_f1(yt, t, n_boot=1)["macro_f1"]}
        if "id" in nusax_models:
            r["trained (NusaX)"] = bootstrap_macro_f1(yt, nusax_models["id"].predict(te["text"]).to_numpy(),
                                                      n_boot=1)["macro_f1"]
        r["trained (250 own) - default"] = r["trained (250 own)"] - r["default"]
        split_rows.append(r)
    splits = pd.DataFrame(split_rows)
    # --- English
    eng = _read_own(sorted((data / "english").glob("*.tsv")))
    fresh = _read_own(sorted((data / "english_fresh").glob("*.tsv")))
    hold = _read_own(sorted((data / "english_holdout").glob("*.tsv")))
    for name, frame, by in ((f"own English, tuning ({len(eng)})", eng, "category"),
                            (f"own English fresh, s2 ({len(fresh)})", fresh, None),
                            (f"own English hold-out, s3 ({len(hold)})", hold, "category")):
        frame = frame.assign(category="English: " + frame["category"])
        y, p = score_set(name, frame, "en", by=by)
        diffs.append((name, y, p["default"], p["VADER"]))
    sarc = _read_own([data / "sarcasm" / "id.tsv"])
    score_set(f"own Indonesian sarcasm ({len(sarc)})", sarc, "id")
    table = pd.DataFrame(rows)
    wide = table.assign(cell=[f"{m:.3f} [{lo:.2f}-{hi:.2f}]" for m, lo, hi in
                              zip(table["macro_f1"], table["low"], table["high"])])
    wide = wide.pivot_table(index=["set", "n"], columns="scorer", values="cell", aggfunc="first", sort=False)
    wide = wide[[c for c in ("default", "trained (NusaX)", "trained (250 own)", "VADER") if c in wide.columns]]
    say("macro-F1 [95% bootstrap interval], positive/neutral/negative")
    say(f"trained (250 own) = SentimentModel fitted on {N_TRAIN} labels of the '{CLIENT}' domain (split seed 0)")
    with pd.option_context("display.width", 250, "display.max_columns", 10):
        say(wide.fillna("").to_string())
    say("")
    say(f"Client scenario '{CLIENT}': {N_TRAIN} labels train, {len(client) - N_TRAIN} held out; 10 random splits")
    for col in splits.columns:
        v = splits[col]
        say(f"  {col:30s} mean {v.mean():+.3f}  range {v.min():+.3f} to {v.max():+.3f}")
    d, lo, hi = client_diff
    say(f"  split 0: trained (250 own) - default {d:+.3f} [{lo:+.2f} to {hi:+.2f}] (95% paired bootstrap)")
    say("")
    say("English: default minus VADER, macro-F1 [95% paired bootstrap interval]")
    for set_name, y_, a_, b_ in diffs:
        d, lo, hi = _paired_diff(y_, a_, b_)
        say(f"  {set_name:36s} {d:+.3f} [{lo:+.2f} to {hi:+.2f}]")
    say(f"({time.perf_counter() - t0:.0f} s)")
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench_sentiment_accuracy.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
