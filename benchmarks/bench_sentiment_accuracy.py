"""Accuracy of smanalysis sentiment on NusaX-Senti (Indonesian and English).

Protocol (see ../shared/data/README.md): train only on `train`, choose settings on
`valid`, report on `test`. The default scorer is not trained at all; its rule
weights and threshold were chosen on the Indonesian `valid` split from aggregate
figures. Prints macro-F1 (and accuracy) for:

* the default scorer ``sentiment()`` (lexicon + rules),
* ``SentimentModel`` trained on `train` (TF-IDF word + char n-grams + lexicon features),
* the same model without lexicon features (plain TF-IDF + logistic regression), for reference,
* vaderSentiment's polarity_scores (compound >= 0.05 positive, <= -0.05 negative), for reference.

Run: ``.venv/bin/python benchmarks/bench_sentiment_accuracy.py`` (writes benchmarks/out/ too).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "nusax-senti"
sys.path.insert(0, str(ROOT))

from smanalysis.conversation.model import SentimentModel, _report  # noqa: E402
from smanalysis.conversation.sentiment import sentiment  # noqa: E402


def main() -> int:
    if not (DATA / "indonesian" / "test.csv").exists():
        print(f"NusaX data not found at {DATA}; nothing to measure (skipped).")
        return 0
    lines = []

    def say(msg=""):
        print(msg, flush=True)
        lines.append(msg)

    say("NusaX-Senti accuracy (macro-F1 over positive/neutral/negative)")
    for lang in ("indonesian", "english"):
        split = {k: pd.read_csv(DATA / lang / f"{k}.csv") for k in ("train", "valid", "test")}
        say(f"\n== {lang} (train {len(split['train'])}, valid {len(split['valid'])}, test {len(split['test'])})")
        for k in ("valid", "test"):
            t0 = time.perf_counter()
            pred = sentiment(split[k]["text"], evidence=False)["label"].to_numpy()
            r = _report(split[k]["label"].to_numpy(), pred)
            say(f"default scorer sentiment()      {k:5s}: macro-F1 {r['macro_f1']:.3f}  accuracy {r['accuracy']:.3f}"
                f"  ({time.perf_counter() - t0:.2f}s)")
            if k == "test":
                say(r["confusion"].to_string())
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sia = SentimentIntensityAnalyzer()
        for k in ("valid", "test"):
            comp = pd.Series([sia.polarity_scores(x)["compound"] for x in split[k]["text"]])
            pred = comp.map(lambda c: "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
            r = _report(split[k]["label"].to_numpy(), pred.to_numpy())
            say(f"vaderSentiment (reference)      {k:5s}: macro-F1 {r['macro_f1']:.3f}  accuracy {r['accuracy']:.3f}")
        for name, params in (("SentimentModel (tfidf + lexicon)", {}),
                             ("plain tfidf + LR (reference)   ", {"lexicon_features": False})):
            t0 = time.perf_counter()
            m = SentimentModel(**params).fit(split["train"]["text"], split["train"]["label"])
            for k in ("valid", "test"):
                r = m.evaluate(split[k]["text"], split[k]["label"])
                say(f"{name} {k:5s}: macro-F1 {r['macro_f1']:.3f}  accuracy {r['accuracy']:.3f}"
                    f"  (fit+eval {time.perf_counter() - t0:.1f}s)")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_sentiment_accuracy.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
