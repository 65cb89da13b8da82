"""keyword_hits (smanalysis.factfinding.keywords): the first label whose word occurs, hand-worked."""

import numpy as np
import pandas as pd

from smanalysis.factfinding.keywords import keyword_hits


def test_first_label_wins_and_missing_stays_missing():
    caps = pd.Series(["Promo Kopi Susu", "tips seduh (v60)", "kopi", None, "Harga 20rb? murah+"], index=[5, 6, 7, 8, 9])
    rules = {"promo": ["promo", "harga"], "menu": ["kopi", "susu"], "edu": "tips", "sym": ["(v60)", "murah+"], "none": []}
    got = keyword_hits(caps, rules)
    # row 5 holds promo and menu words: promo is listed first; "(v60)" and "murah+" are literal text, not patterns
    assert got.tolist()[:3] == ["promo", "edu", "menu"]
    assert np.isnan(got[8]) and got[9] == "promo"
    assert got.index.tolist() == [5, 6, 7, 8, 9] and got.dtype == object


def test_no_rules_and_no_captions():
    assert keyword_hits(pd.Series(["a"]), {}).isna().all()
    assert keyword_hits(pd.Series([], dtype=object), {"a": ["b"]}).empty
