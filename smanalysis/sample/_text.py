"""Text assembly for the sample: template pools and vectorised choice of fragments.

A *pool* is built once from the word banks (a bounded Python loop over templates and slot
values, independent of the number of rows); rows are then assembled by drawing indices
with NumPy and concatenating object arrays, so a million comments cost a few array ops.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import _banks_comments as bc

_SLOT = re.compile(r"\{(\w+)\}")

FIRST = [
    "rina", "dimas", "putri", "bagas", "ayu", "fajar", "nabila", "rizky", "dewi", "adit", "salsa", "yoga", "intan",
    "bima", "citra", "galih", "laras", "reza", "tiara", "wahyu", "anisa", "ilham", "nadia", "farhan", "sekar",
    "arief", "maya", "dion", "vina", "hendra", "kartika", "bayu", "dinda", "agus", "shinta", "rangga", "lia",
    "yusuf", "amel", "tegar", "okta", "puspa", "satria", "indah", "fikri", "novi", "gilang", "ratna", "haris",
    "zahra", "kevin", "mega", "andre", "wulan", "raka", "fitri", "bintang", "sari", "dani", "aulia", "joko",
    "ningsih", "eka", "rafi", "tasya", "ardi", "widya", "rendy", "melati", "yudha", "hana", "kurnia", "aldo",
]
LAST = [
    "pratama", "saputra", "ayu", "lestari", "wijaya", "nugroho", "permata", "kusuma", "anggraini", "hidayat",
    "putri", "ramadhan", "setiawan", "rahma", "santoso", "utami", "prasetyo", "wulandari", "firmansyah", "adi",
    "maharani", "purnama", "handayani", "susanto", "novitasari", "yulianto", "safitri", "gunawan",
]
_PATTERNS = ["{f}.{l}", "{f}_{l}", "{f}{l}", "{f}.{l}{d}", "{f}{d}", "{f}_{d}", "{f}.{s}", "{f}{l}_", "_{f}.{l}",
             "{f}{s}", "its{f}", "{f}.jogja", "{f}{s}.{d}"]
_SUFFIX = ["aa", "yy", "id", "xx", "ku", "dw", "nn", "zz"]
SPAMMERS = ["olshop_murah88", "reseller.hijab.ori", "jasa.followers.id", "promo_gacor77", "lowker.online.id",
            "skincare.ori.murah", "pinjamcepat.id", "endorse.rate.card", "giveaway.asli99", "saldo.gratis.id"]


def handles(n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` distinct Indonesian-looking personal handles (object array)."""
    f = np.array(FIRST, dtype=object)
    l_ = np.array(LAST, dtype=object)
    s = np.array(_SUFFIX, dtype=object)
    out: list[np.ndarray] = []
    seen = 0
    batch = max(64, int(n * 1.6))
    while seen < n:
        fi = f[rng.integers(0, len(f), batch)]
        li = l_[rng.integers(0, len(l_), batch)]
        si = s[rng.integers(0, len(s), batch)]
        di = rng.integers(1, 2000, batch).astype(str).astype(object)
        pat = rng.integers(0, len(_PATTERNS), batch)
        cand = np.empty(batch, dtype=object)
        for k, p in enumerate(_PATTERNS):  # loop over patterns, not rows
            m = pat == k
            if not m.any():
                continue
            parts = re.split(r"(\{\w\})", p)
            acc = np.full(m.sum(), "", dtype=object)
            for part in parts:
                acc = acc + {"{f}": fi[m], "{l}": li[m], "{s}": si[m], "{d}": di[m]}.get(part, part)
            cand[m] = acc
        out.append(cand)
        allc = np.concatenate(out)
        _, first = np.unique(allc, return_index=True)
        seen = len(first)
        batch = max(64, n)
    allc = np.concatenate(out)
    _, first = np.unique(allc, return_index=True)
    keep = allc[np.sort(first)]
    return keep[:n]


def _fill(template: str, values: dict[str, list[str]], rng: np.random.Generator, k: int) -> list[str]:
    slots = _SLOT.findall(template)
    if not slots:
        return [template]
    slot = slots[0]
    vals = values[slot]
    pick = rng.choice(len(vals), size=min(k, len(vals)), replace=False)
    return [template.replace("{" + slot + "}", vals[i]) for i in pick]


def _slangify(text: str, rng: np.random.Generator) -> str:
    t = f" {text} "
    for std, variants in bc.SLANG:
        if std in t:
            t = t.replace(std, variants[rng.integers(0, len(variants))])
    # elongate one vowel of an adjective-ish word now and then
    if rng.random() < 0.25:
        words = t.split(" ")
        cand = [i for i, w in enumerate(words) if w in bc.ELONGATE]
        if cand:
            i = cand[rng.integers(0, len(cand))]
            w = words[i]
            j = max(k for k, ch in enumerate(w) if ch in "aiueo") if any(ch in "aiueo" for ch in w) else -1
            if j >= 0:
                words[i] = w[: j + 1] + w[j] * int(rng.integers(1, 4)) + w[j + 1 :]
            t = " ".join(words)
    return t.strip()


def build_pool(templates, *, rng: np.random.Generator, values: dict[str, list[str]], k: int = 5, variants: int = 2):
    """Expand ``templates`` (str or (topic, str)) into ``(texts, topics)`` object arrays."""
    texts: list[str] = []
    topics: list[str] = []
    for t in templates:
        topic, tmpl = t if isinstance(t, tuple) else ("", t)
        for filled in _fill(tmpl, values, rng, k):
            texts.append(filled)
            topics.append(topic)
            for _ in range(variants):
                v = _slangify(filled, rng)
                if v != filled:
                    texts.append(v)
                    topics.append(topic)
    return np.array(texts, dtype=object), np.array(topics, dtype=object)


def pick(arr, n: int, rng: np.random.Generator, p=None) -> np.ndarray:
    """Draw ``n`` items of ``arr`` (object array), uniformly or with weights ``p``."""
    arr = np.asarray(arr, dtype=object)
    if p is None:
        return arr[rng.integers(0, len(arr), n)]
    return arr[rng.choice(len(arr), size=n, p=np.asarray(p) / np.sum(p))]


def decorate(core: np.ndarray, rng: np.random.Generator, *, openers=None, closers=None, p_lower: float = 0.75,
             p_upper: float = 0.0) -> np.ndarray:
    """Opener + core + closer, with random case: vectorised over rows."""
    n = len(core)
    op = pick(bc.OPENERS if openers is None else openers, n, rng)
    cl = pick(bc.CLOSERS if closers is None else closers, n, rng)
    same = np.isin(pd.Series(op, dtype=object).str.strip().to_numpy(dtype=object), ["kak", "min"]) & np.isin(
        pd.Series(cl, dtype=object).str.strip().to_numpy(dtype=object), ["kak", "min", "ya min"])
    cl = np.where(same, "", cl)
    out = op + core + cl
    u = rng.random(n)
    cap = (u >= p_lower) & (u < 1 - p_upper)
    up = u >= 1 - p_upper
    if cap.any():
        out[cap] = _cap(out[cap])
    if up.any():
        out[up] = pd.Series(out[up], dtype=object).str.upper().to_numpy(dtype=object)
    return out


def _cap(s: np.ndarray) -> np.ndarray:
    t = pd.Series(s, dtype=object)
    return (t.str.slice(0, 1).str.upper() + t.str.slice(1)).to_numpy(dtype=object)


def links(n: int, rng: np.random.Generator) -> np.ndarray:
    """Short spam links like ``bit.ly/3xKp9aQ``."""
    alpha = np.array(list("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
    codes = alpha[rng.integers(0, len(alpha), (n, 7))].view("<U7").ravel().astype(object)
    dom = pick(["bit.ly/", "s.id/", "tinyurl.com/", "cutt.ly/", "wa.me/62812"], n, rng)
    return dom + codes


def fill_slots(texts: np.ndarray, slot: str, values: np.ndarray) -> np.ndarray:
    """Replace ``{slot}`` in each text by the matching value (rows without the slot unchanged)."""
    s = pd.Series(texts, dtype=object)
    vals = pd.Series(values, dtype=object)
    for _ in range(4):  # a template holds a slot at most a few times
        has = s.str.contains("{" + slot + "}", regex=False).to_numpy()
        if not has.any():
            break
        parts = s[has].str.split("{" + slot + "}", n=1, regex=False)
        s[has] = parts.str[0] + vals[has].to_numpy() + parts.str[1]
    return s.to_numpy(dtype=object)
