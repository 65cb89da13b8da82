"""Speed of the default sentiment scorer against vaderSentiment's polarity_scores.

Generates N (default 1,000,000) comments like those under a small business's
posts (Indonesian with slang, elongation and emoji, some English and code-mixed,
some questions, handles, prices and order numbers so that the vocabulary keeps growing), scores all of them with ``sentiment(texts, evidence=False)``
and times vaderSentiment's ``SentimentIntensityAnalyzer.polarity_scores`` on a
random subset (default 50,000; vader's time is linear in the number of texts,
so texts/second from the subset is extrapolated to N). Prints both rates and
the ratio from one run, plus the evidence=True rate on 100,000 texts and the
peak memory (max RSS) of the process.

Run: ``.venv/bin/python benchmarks/bench_sentiment_speed.py [N] [VADER_SUBSET]``
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smanalysis.conversation.sentiment import sentiment  # noqa: E402

_OPEN = ["", "", "", "kak ", "min ", "wah ", "duh ", "btw ", "jujur ", "", "halo kak ", "gila ", "sumpah "]
_BODY = [
    "kopinya enak banget", "mantaaap", "enak bgt kak", "pelayanannya ramah", "tempatnya nyaman buat nugas",
    "harganya mahal tapi enak", "enak sih tapi pelayanannya lama banget", "gak enak", "kecewa sama pesanan kemarin",
    "zonk", "lama bgt nunggunya", "udh pesen dari tadi blm dateng", "kopi susu gula arennya juara",
    "wifi kencang, colokan banyak", "kurang manis", "tidak buruk lah", "biasa aja sih", "recommended banget",
    "gak worth it", "porsinya kecil", "baristanya jutek", "parkirnya susah", "bakal balik lagi",
    "kapan buka cabang di solo?", "jam berapa tutupnya kak?", "ada menu non kopi?", "alamatnya di mana ya",
    "bisa reservasi untuk 10 orang?", "promo gajian masih ada?", "the coffee is great", "not bad at all",
    "love the vibes here", "the service was slow", "coffee nya enak, really worth it", "pesen 2 ya kak",
    "mau tanya menu baru", "kemarin ke sini sama temen", "cek dm kak", "sudah follow", "lokasi di jalan kaliurang",
]
_TAIL = ["", "", "", " 😍", " 👍", " 😡", " 🙏", "!!", "!!!", " :)", " wkwkwk", " #kopisenja", " @kopisenja.id",
         "?", " 😭", " 🔥🔥", " hehe", " sih", " deh", " ya"]


def generate(n: int, seed: int = 2026) -> pd.Series:
    """``n`` synthetic comments built from the fragments above (one or two fragments each)."""
    rng = np.random.default_rng(seed)
    o = np.asarray(_OPEN, dtype=object)[rng.integers(0, len(_OPEN), n)]
    b1 = np.asarray(_BODY, dtype=object)[rng.integers(0, len(_BODY), n)]
    b2 = np.asarray(_BODY, dtype=object)[rng.integers(0, len(_BODY), n)]
    two = rng.random(n) < 0.35
    t = np.asarray(_TAIL, dtype=object)[rng.integers(0, len(_TAIL), n)]
    body = np.where(two, b1 + ", " + b2, b1)
    # variety, so that not every word is seen before: handles, prices, elongations, order numbers
    k = rng.integers(0, 5, n)
    extra = np.full(n, "", dtype=object)
    handles = np.char.add("@user", rng.integers(0, 200_000, n).astype(str)).astype(object)
    prices = np.char.add(rng.integers(5, 300, n).astype(str), "rb").astype(object)
    orders = np.char.add(" order #", rng.integers(0, 10**6, n).astype(str)).astype(object)
    elong = np.asarray(["mantap", "mantaap", "mantaaap", "mantaaaaap", "enaaak", "enaaaaak", "bangettt",
                        "kecewaaa", "lamaaaa", "gooood"], dtype=object)[rng.integers(0, 10, n)]
    extra[k == 1] = " " + handles[k == 1]
    extra[k == 2] = " harganya " + prices[k == 2]
    extra[k == 3] = orders[k == 3]
    extra[k == 4] = " " + elong[k == 4]
    return pd.Series(o + body + extra + t, name="text")


def main() -> int:
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    n_vader = int(float(sys.argv[2])) if len(sys.argv) > 2 else 50_000
    lines = []

    def say(msg=""):
        print(msg, flush=True)
        lines.append(msg)

    texts = generate(n)
    say(f"{n:,} generated comments, mean length {texts.str.len().mean():.1f} characters")
    sentiment(texts.iloc[:100])  # load lexicons once (not timed: a one-off cost of ~0.5 s)
    t0, c0 = time.perf_counter(), time.process_time()
    out = sentiment(texts, evidence=False)
    t_ours, c_ours = time.perf_counter() - t0, time.process_time() - c0
    rate_ours, crate_ours = n / t_ours, n / c_ours
    say(f"smanalysis sentiment(evidence=False): {t_ours:.2f} s wall ({c_ours:.2f} s CPU) for {n:,} texts = "
        f"{rate_ours:,.0f} texts/s wall, {crate_ours:,.0f} texts/s CPU")
    say(f"  labels: {out['label'].value_counts().to_dict()}")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    sub = texts.sample(min(n_vader, n), random_state=0).tolist()
    t0, c0 = time.perf_counter(), time.process_time()
    for x in sub:
        sia.polarity_scores(x)
    t_v, c_v = time.perf_counter() - t0, time.process_time() - c0
    rate_v, crate_v = len(sub) / t_v, len(sub) / c_v
    say(f"vaderSentiment polarity_scores: {t_v:.2f} s wall ({c_v:.2f} s CPU) for {len(sub):,} texts = "
        f"{rate_v:,.0f} texts/s wall, {crate_v:,.0f} texts/s CPU (timed on a {len(sub):,}-text random subset "
        f"of the same comments; extrapolated to {n:,}: {n / rate_v:.0f} s wall)")
    say(f"ratio: smanalysis is {crate_ours / crate_v:.1f}x vaderSentiment in CPU time, {rate_ours / rate_v:.1f}x in "
        f"wall time (target >= 10x; the machine is shared, so CPU time is the fairer measure)")

    m = min(100_000, n)
    t0 = time.perf_counter()
    sentiment(texts.iloc[:m], evidence=True)
    t_e = time.perf_counter() - t0
    say(f"with evidence strings: {m / t_e:,.0f} texts/s on {m:,} texts")
    say(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench_sentiment_speed.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
