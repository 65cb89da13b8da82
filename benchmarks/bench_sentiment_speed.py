"""Speed of the default sentiment scorer against vaderSentiment, on DISTINCT texts.

Generates N (default 200,000) distinct comments of real comment length, like
those under a small business's posts: each text is composed from several
independent slots (opening, who/what is talked about, one or two evaluation or
question clauses, a detail with a name, product, place, price, time or order
number, a closing and emoji), with varied spelling (slang, elongation, case),
so that the texts are distinct (duplicates are dropped and replaced) and the
vocabulary keeps growing, as in a real comment stream. No bank of whole
comments is resampled.

One run times, on the same texts:

* ``sentiment(texts)`` -- the default call (language auto, evidence on),
* ``sentiment(texts, lang="id", evidence=False)`` -- the fast path,
* vaderSentiment's ``SentimentIntensityAnalyzer().polarity_scores`` on every
  text (or on a random subset given as the second argument, extrapolated),

and prints the rates and the ratios (CPU time, the fairer measure on a shared
machine, and wall time) plus the peak memory (max RSS). Every scorer is timed
three times and the fastest run counts (VADER included); smanalysis's token
cache is emptied before each run, so no run profits from an earlier one.

Run: ``python benchmarks/bench_sentiment_speed.py [N] [VADER_SUBSET]``
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smanalysis.conversation import tokens as _tokens  # noqa: E402
from smanalysis.conversation.sentiment import sentiment  # noqa: E402

REPEAT = 3
"""Each scorer is timed REPEAT times on the same texts and the fastest run is reported (a shared machine
adds noise, never speed); the token cache of smanalysis is emptied before each run."""

_OPEN = ["", "", "", "", "kak ", "min ", "mimin ", "wah ", "duh ", "btw ", "jujur ", "halo kak ", "sumpah ",
         "anjir ", "hmm ", "omg ", "yaampun ", "kak {name} ", "@{handle} ", "guys ", "bestie ", "eh ", "asli ",
         "pagi kak ", "malem min ", "gaes ", "bund ", "gan ", "sis ", "mas {name} ", "mbak {name} ", "bang "]
_WHO = ["", "", "", "{product}nya ", "{product} ", "{product} di {place} ", "pesanan aku ", "paket ",
        "kurirnya ", "adminnya ", "pelayanannya ", "tempatnya ", "harganya ", "aplikasinya ", "sinyal {telco} ",
        "{product} yg {size} ", "rasa {flavor}nya ", "outlet {place} ", "cs nya ", "driver {app} ",
        "seller ", "barangnya ", "warna {color}nya ", "ukuran {size} ", "menu {flavor} "]
_EVAL = [
    "enak banget", "mantaaap", "enak bgt", "ramah bgt", "nyaman buat nugas", "mahal tapi enak",
    "enak sih tapi lama banget", "gak enak", "kecewa", "zonk", "lama bgt", "blm dateng dari kemarin",
    "juara", "kenceng", "kurang manis", "tidak buruk lah", "biasa aja", "recommended", "gak worth it",
    "kecil porsinya", "jutek", "susah parkir", "bakal balik lagi", "sesuai deskripsi", "beda sama foto",
    "cepet sampe", "rusak pas dateng", "bagus kualitasnya", "tipis bahannya", "lemot parah", "ilang terus",
    "murah meriah", "kemahalan", "pas di kantong", "overprice sih", "worth it bgt", "mengecewakan",
    "gercep", "slow respon", "ga dibales dm nya", "wangi", "kusut", "sobek", "rapih packingnya",
    "the best", "love it", "so bad", "not worth it", "pretty good", "lumayan lah", "standar", "ok lah",
    "top markotop", "ampas", "parah sih", "gila enak bgt", "ga sabar nyobain", "semoga laris",
    "pengen coba", "ngantuk nunggunya", "bikin nagih", "bikin emosi", "gokil", "receh", "nyesel beli",
    "puas bgt", "kapok", "sayang bgt sama produknya", "ga nyesel", "harus coba", "kurang greget",
]
_ASK = ["kapan buka cabang di {city}?", "jam berapa tutupnya kak?", "ada menu non kopi?", "alamatnya di mana ya",
        "bisa reservasi untuk {num} orang?", "promo gajian masih ada?", "ready ukuran {size}?",
        "ongkir ke {city} berapa?", "bisa cod?", "ada varian {flavor}?", "resi nya mana kak",
        "cek dm ya kak", "mau order {num} pcs", "stok {color} masih ada?", "buka jam berapa min",
        "ada diskon buat member?", "bisa kirim hari ini?", "kak cek inbox", "no wa nya berapa",
        "tag {handle}", "ikut giveaway ya", "sudah follow kak", "link nya mana"]
_DETAIL = ["", "", "", " harganya {price}", " order #{order}", " kemarin jam {hour}", " sama {name}",
           " di {place}", " beli {num} pcs", " udah {num} hari", " padahal bayar {price}", " pake {app}",
           " @{handle}", " no pesanan {order}", " tgl {day}", " ke {city}", " buat {name}",
           " yg {color}", " rasa {flavor}", " via {app}"]
_CLOSE = ["", "", "", "", " sih", " deh", " ya", " kak", " min", " wkwkwk", " hehe", " huhu", " lho", " dong",
          " bgt", " pokoknya", " fix", " asli", " beneran", " sumpah"]
_EMOJI = ["", "", "", "", " 😍", " 👍", " 😡", " 🙏", "!!", "!!!", " :)", " 😭", " 🔥🔥", " 😂😂", " 🤮", " 💯",
          " 😤", " 🥰", " 🙃", " 👌👌", "?", " :(", " ❤️", " 😊", " 🤣"]
_NAME = ["budi", "sari", "dewi", "agus", "rina", "andi", "putri", "fajar", "nisa", "rizky", "ayu", "dimas",
         "wulan", "eko", "intan", "yoga", "siti", "bayu", "lina", "hendra", "tika", "galih", "maya", "reza",
         "ningsih", "teguh", "fitri", "arif", "desi", "joko", "indah", "wahyu", "citra", "dodi", "mega", "ilham"]
_PRODUCT = ["kopi susu", "es teh", "seblak", "bakso", "mie ayam", "martabak", "croffle", "donat", "hijab",
            "gamis", "kemeja", "sepatu", "tas", "serum", "skincare", "lipstik", "paket data", "kuota",
            "pulsa", "headset", "casing", "powerbank", "ayam geprek", "nasi goreng", "boba", "roti bakar",
            "sambal", "keripik", "cilok", "dimsum", "jersey", "kaos", "celana", "kerudung", "sneakers"]
_PLACE = ["jogja", "kemang", "depok", "tebet", "bintaro", "dago", "malioboro", "blok m", "sudirman",
          "cibubur", "bekasi", "sleman", "ubud", "pasar minggu", "kelapa gading", "margonda", "cihampelas"]
_CITY = ["solo", "bandung", "surabaya", "medan", "makassar", "semarang", "malang", "bogor", "padang",
         "palembang", "pontianak", "manado", "denpasar", "lampung", "kediri", "cirebon", "tegal", "jambi"]
_FLAVOR = ["coklat", "matcha", "taro", "keju", "pedas", "original", "stroberi", "vanila", "gula aren",
           "red velvet", "pandan", "durian", "mangga", "tiramisu", "balado", "jagung bakar"]
_COLOR = ["hitam", "putih", "navy", "maroon", "sage", "mocca", "abu", "pink", "cream", "army", "lilac"]
_SIZE = ["s", "m", "l", "xl", "xxl", "jumbo", "medium", "large", "39", "40", "41", "42", "all size"]
_APP = ["gojek", "grab", "shopee", "tokped", "lazada", "shopeefood", "gofood", "jnt", "jne", "sicepat"]
_TELCO = ["telkomsel", "indosat", "xl", "tri", "smartfren", "axis", "byu", "im3"]


def _fill(template: str, rng) -> str:
    out = template
    while "{" in out:
        i = out.index("{")
        j = out.index("}", i)
        key = out[i + 1:j]
        if key == "name":
            v = _NAME[rng.integers(len(_NAME))]
        elif key == "handle":
            v = f"{_NAME[rng.integers(len(_NAME))]}{rng.integers(0, 10_000)}"
        elif key == "product":
            v = _PRODUCT[rng.integers(len(_PRODUCT))]
        elif key == "place":
            v = _PLACE[rng.integers(len(_PLACE))]
        elif key == "city":
            v = _CITY[rng.integers(len(_CITY))]
        elif key == "flavor":
            v = _FLAVOR[rng.integers(len(_FLAVOR))]
        elif key == "color":
            v = _COLOR[rng.integers(len(_COLOR))]
        elif key == "size":
            v = _SIZE[rng.integers(len(_SIZE))]
        elif key == "app":
            v = _APP[rng.integers(len(_APP))]
        elif key == "telco":
            v = _TELCO[rng.integers(len(_TELCO))]
        elif key == "price":
            v = f"{rng.integers(5, 500)}{['rb', 'k', '.000', ' ribu'][rng.integers(4)]}"
        elif key == "order":
            v = str(rng.integers(10**5, 10**9))
        elif key == "num":
            v = str(rng.integers(2, 60))
        elif key == "hour":
            v = f"{rng.integers(6, 23)}.{rng.integers(0, 60):02d}"
        else:  # day
            v = f"{rng.integers(1, 29)}/{rng.integers(1, 13)}"
        out = out[:i] + v + out[j + 1:]
    return out


def _vary(word_clause: str, rng) -> str:
    """Spelling variety of real comments: elongation, capitals, doubled letters."""
    r = rng.random()
    if r < 0.08 and len(word_clause) > 3:
        k = int(rng.integers(1, len(word_clause) - 1))
        if word_clause[k].isalpha():
            return word_clause[:k] + word_clause[k] * int(rng.integers(2, 6)) + word_clause[k:]
    if r < 0.12:
        return word_clause.upper()
    if r < 0.2:
        return word_clause.capitalize()
    return word_clause


def _one(rng) -> str:
    pick = lambda bank: bank[rng.integers(len(bank))]  # noqa: E731
    parts = [_fill(pick(_OPEN), rng)]
    kind = rng.random()
    if kind < 0.2:
        parts.append(_fill(pick(_ASK), rng))
    else:
        parts.append(_fill(pick(_WHO), rng) + _vary(pick(_EVAL), rng))
        if kind < 0.55:
            parts.append(pick([", ", " tapi ", ". ", " terus ", " dan ", ", cuma ", " trs "]) + _vary(pick(_EVAL), rng))
        if kind > 0.85:
            parts.append(". " + _fill(pick(_ASK), rng))
    parts.append(_fill(pick(_DETAIL), rng))
    parts.append(pick(_CLOSE))
    parts.append(pick(_EMOJI))
    return "".join(parts).strip()


def generate(n: int, seed: int = 2026) -> pd.Series:
    """``n`` DISTINCT synthetic comments composed slot by slot (duplicates are redrawn)."""
    rng = np.random.default_rng(seed)
    seen: dict[str, None] = {}
    while len(seen) < n:
        for _ in range(n - len(seen)):
            seen.setdefault(_one(rng), None)
    return pd.Series(list(seen), name="text")


def main() -> int:
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 200_000
    n_vader = int(float(sys.argv[2])) if len(sys.argv) > 2 else n
    lines = []

    def say(msg=""):
        print(msg, flush=True)
        lines.append(msg)

    t0 = time.perf_counter()
    texts = generate(n)
    say(f"{n:,} distinct generated comments ({texts.nunique():,} unique), mean length "
        f"{texts.str.len().mean():.1f} characters, median {texts.str.len().median():.0f}; "
        f"{len(set(' '.join(texts).split())):,} distinct whitespace tokens (generated in "
        f"{time.perf_counter() - t0:.1f} s)")
    say(f"load average: {os.getloadavg()[0]:.2f} (2 cores, shared machine: numbers are indicative)")
    sentiment(["warm up enak"])  # load lexicons once (not timed: a one-off cost)

    def timed(label, **kw):
        best_t = best_c = float("inf")
        for _ in range(REPEAT):
            _tokens._CHUNK_CACHE.clear()  # every run starts cold: no token seen before (a fresh process)
            t0, c0 = time.perf_counter(), time.process_time()
            out = sentiment(texts, **kw)
            t, c = time.perf_counter() - t0, time.process_time() - c0
            best_t, best_c = min(best_t, t), min(best_c, c)
        t, c = best_t, best_c
        say(f"{label:<44s} {t:7.2f} s wall {c:7.2f} s CPU = {n / t:>9,.0f} texts/s wall, {n / c:>9,.0f} CPU")
        return out, n / t, n / c

    out, rw_def, rc_def = timed("sentiment(texts) [default: auto, evidence]")
    say(f"  labels: {out['label'].value_counts().to_dict()}; lang: {out['lang'].value_counts().to_dict()}")
    _, rw_fast, rc_fast = timed('sentiment(texts, lang="id", evidence=False)')

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    sub = texts.sample(min(n_vader, n), random_state=0).tolist()
    t_v = c_v = float("inf")
    for _ in range(REPEAT):
        t0, c0 = time.perf_counter(), time.process_time()
        for x in sub:
            sia.polarity_scores(x)
        t_v, c_v = min(t_v, time.perf_counter() - t0), min(c_v, time.process_time() - c0)
    rw_v, rc_v = len(sub) / t_v, len(sub) / c_v
    say(f"{'vaderSentiment polarity_scores':<44s} {t_v:7.2f} s wall {c_v:7.2f} s CPU = {rw_v:>9,.0f} texts/s wall, "
        f"{rc_v:>9,.0f} CPU (on {len(sub):,} of the texts)")
    say(f"ratio default / VADER: {rc_def / rc_v:.1f}x CPU, {rw_def / rw_v:.1f}x wall (target >= 10x)")
    say(f"ratio fast    / VADER: {rc_fast / rc_v:.1f}x CPU, {rw_fast / rw_v:.1f}x wall")
    say(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench_sentiment_speed.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
