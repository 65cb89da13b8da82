"""Keyword rules that give a caption a content type (promo, education, ...), shared by the
workflow steps: fact finding (competitor scan) and execution (themes of posts)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .._checks import as_list

__all__ = ["CONTENT_KEYWORDS", "keyword_hits"]

CONTENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "promo": ("promo", "diskon", "potongan", "harga", "gratis", "voucher", "beli", "order", "pesan sekarang", "cashback",
              "buy", "discount", "sale", "free", "bundling", "hemat"),
    "education": ("tips", "cara", "tahukah", "resep", "panduan", "belajar", "fakta", "how to", "did you know", "tutorial"),
    "engagement": ("komen", "tebak", "pilih mana", "tag teman", "kuis", "giveaway", "vote", "polling", "comment", "which one"),
    "entertainment": ("lucu", "ngakak", "meme", "wkwk", "challenge", "funny"),
    "inspiration": ("cerita", "semangat", "inspirasi", "perjalanan", "di balik", "behind", "story", "motivasi"),
    "news": ("baru", "launching", "buka", "jam operasional", "pengumuman", "info", "new", "open", "libur", "event"),
}
"""Default keyword rules for ``content_type`` in :func:`assign_themes` (first match in this order wins);
used by :func:`smanalysis.plan.assign_themes` and :func:`smanalysis.factfinding.competitor_scan`.."""


def keyword_hits(captions: pd.Series, rules: dict[str, Any]) -> pd.Series:
    """The first label of ``rules`` (label -> keywords) whose keyword occurs in each caption, else missing.

    Case-insensitive substring match; the order of ``rules`` decides ties.

    Examples
    --------
    >>> keyword_hits(pd.Series(["Promo hari ini!", "Tips seduh kopi", None]), CONTENT_KEYWORDS).tolist()
    ['promo', 'education', nan]
    """
    import pyarrow as pa  # imported by pandas for its strings already; not at this module's import
    import pyarrow.compute as pc

    low = captions.fillna("").astype(str).str.lower()
    try:
        texts = pa.array(low.to_numpy(dtype=object), type=pa.large_string())
    except (UnicodeEncodeError, pa.ArrowException):  # lone surrogates: Python's re reads them
        texts = None
    hit = np.full(len(low), np.nan, dtype=object)
    todo = np.arange(len(low))  # captions no label has matched yet: only they are searched again
    for label, words in rules.items():  # one vectorised pass per label
        words = [w for w in as_list(words) if str(w).strip()]
        if not words or not len(todo):
            continue
        pat = "|".join(re.escape(str(w).lower()) for w in words)  # literal words: RE2 and re agree
        if texts is None:
            found = low.iloc[todo].str.contains(pat, regex=True).to_numpy(dtype=bool, na_value=False)
        else:
            part = texts if len(todo) == len(texts) else texts.take(pa.array(todo))
            found = pc.match_substring_regex(part, pat).to_numpy(zero_copy_only=False)
        hit[todo[found]] = label
        todo = todo[~found]
    return pd.Series(hit, index=captions.index, dtype=object)
