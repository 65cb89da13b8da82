"""Language identification on code-mixed and regional text: own detector vs lingua and py3langid.

Labelled set: the project's own texts (``benchmarks/data/devset/*.tsv``: Indonesian ``id``,
code-mixed Indonesian-English ``mixed``, Javanese ``jv``, Sundanese ``su``; and
``benchmarks/data/english/*.tsv``: ``en``, and ``mixed`` for its code-mixed file), by length in characters.

What matters for sentiment is the ROUTE a text takes: English texts to the English lexicon
first, Indonesian/Javanese/Sundanese texts to the Indonesian lexicon first, and code-mixed
texts through both. So two figures are printed per detector:

* exact accuracy over the five labels (a detector that cannot say ``mixed``/``su`` loses those);
* route accuracy: en -> English route; id, jv, su -> Indonesian route; mixed -> mixed or
  Indonesian route (an Indonesian-first scorer that falls back to English covers both), and
  the share of code-mixed texts sent to the English route (the failure seen on real tweets).

lingua-language-detector (Apache-2.0) and py3langid (BSD) are optional: install them to
compare (``pip install lingua-language-detector py3langid``); they are skipped when absent.

Run: ``python benchmarks/bench_langid.py``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smanalysis.conversation.langid import detect  # noqa: E402

ROUTE = {"id": "id", "jv": "id", "su": "id", "ms": "id", "mixed": "mixed", "en": "en", "other": "id"}


def labelled() -> pd.DataFrame:
    frames = []
    for path in sorted((ROOT / "benchmarks" / "data" / "devset").glob("*.tsv")) + sorted(
            (ROOT / "benchmarks" / "data" / "english").glob("*.tsv")):
        frames.append(pd.read_csv(path, sep="\t", names=["label", "variety", "text"], quoting=3, dtype=str))
    d = pd.concat(frames, ignore_index=True)[["variety", "text"]]
    d["length"] = pd.cut(d["text"].str.len(), [0, 30, 50, 1000], labels=["<=30", "31-50", ">50"])
    return d


def own(texts):
    return detect(texts, extended=True).tolist()


def lingua_detector():
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    det = LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.ENGLISH, Language.MALAY).build()

    def run(texts):
        out = []
        for conf in det.compute_language_confidence_values_in_parallel(list(texts)):
            c = {v.language.name: v.value for v in conf}
            p_id, p_en = c.get("INDONESIAN", 0) + c.get("MALAY", 0), c.get("ENGLISH", 0)
            out.append("mixed" if min(p_id, p_en) >= 0.25 else "en" if p_en > p_id else "id")
        return out
    return run


def langid_detector():
    try:
        import py3langid
    except ImportError:
        return None
    py3langid.set_languages(["id", "en", "ms", "jv"])

    def run(texts):
        out = []
        for t in texts:
            rank = dict(py3langid.rank(t))
            p = np.exp(np.array([rank["id"], rank["en"], rank["ms"], rank["jv"]]) - max(rank.values()))
            p = p / p.sum()
            p_id, p_en = p[0] + p[2], p[1]
            out.append("jv" if p[3] > 0.5 else "mixed" if min(p_id + p[3], p_en) >= 0.25
                       else "en" if p_en > p_id + p[3] else "id")
        return out
    return run


def main() -> int:
    d = labelled()
    lines = []

    def say(msg=""):
        print(msg, flush=True)
        lines.append(msg)

    say(f"{len(d)} labelled texts: {d['variety'].value_counts().to_dict()}; by length {d['length'].value_counts().to_dict()}")
    dets = {"own (smanalysis detect, extended)": own, "lingua-language-detector": lingua_detector(),
            "py3langid": langid_detector()}
    rows = []
    for name, fn in dets.items():
        if fn is None:
            say(f"{name}: not installed (skipped)")
            continue
        t0 = time.perf_counter()
        pred = pd.Series(fn(d["text"]), index=d.index)
        sec = time.perf_counter() - t0
        true_r = d["variety"].map(ROUTE)
        pred_r = pred.map(lambda x: ROUTE.get(x, "id"))
        route_ok = (pred_r == true_r) | ((true_r == "mixed") & (pred_r == "id"))
        for length, idx in [("all", d.index)] + [(k, g.index) for k, g in d.groupby("length", observed=True)]:
            mixed = idx[d.loc[idx, "variety"] == "mixed"]
            rows.append({"detector": name, "length": length, "n": len(idx),
                         "exact": (pred[idx] == d.loc[idx, "variety"]).mean(),
                         "route": route_ok[idx].mean(),
                         "mixed->en": (pred_r[mixed] == "en").mean() if len(mixed) else np.nan,
                         "en ok": (pred_r[idx][d.loc[idx, "variety"] == "en"] == "en").mean(),
                         "texts/s": len(d) / sec if length == "all" else np.nan})
        conf = pd.crosstab(d["variety"], pred, rownames=["true"], colnames=[name])
        say(conf.to_string())
    table = pd.DataFrame(rows)
    say(table.to_string(index=False, float_format=lambda x: f"{x:.3f}" if x < 10 else f"{x:,.0f}"))
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench_langid.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
