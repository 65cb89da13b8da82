"""response_stats(times=...): the rows response_times already computed give the same table, and are not
changed (the report passes its cached care rows instead of computing them again)."""

from __future__ import annotations

import pandas as pd
import pandas.testing as tm

from smanalysis.conversation import response_stats, response_times


def _comments():
    # c1 answered after 30 min, c2 after 90 min, c3 never; s1 is spam (left out)
    return pd.DataFrame({
        "comment_id": ["c1", "r1", "c2", "r2", "c3", "s1"], "post_id": "p1", "platform": "instagram",
        "author": ["budi", "kopisenja.id", "sari", "kopisenja.id", "ani", "bot"],
        "text": ["berapa harganya?", "20rb kak", "kapan buka?", "jam 8 kak", "kecewa", "cek bio kak, open reseller"],
        "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 04:00", "2026-10-01 05:30",
                                      "2026-10-01 06:00", "2026-10-01 06:30"], utc=True),
        "parent_id": [None, "c1", None, "c2", None, None], "is_brand_reply": [False, True, False, True, False, False]})


def test_times_give_the_same_table():
    c = _comments()
    rt = response_times(c, brand_accounts=["kopisenja.id"])
    before = rt.copy()
    for by in ((), "platform", ("platform", "intent")):
        tm.assert_frame_equal(response_stats(c, brand_accounts=["kopisenja.id"], by=by, times=rt),
                              response_stats(c, brand_accounts=["kopisenja.id"], by=by))
    tm.assert_frame_equal(rt, before)  # the caller's rows are not changed


def test_times_hand_worked():
    c = _comments()
    out = response_stats(c, by=(), times=response_times(c))
    # 3 customer comments (spam left out), 2 answered: 30 and 90 minutes
    assert out[["comments", "answered", "unanswered"]].iloc[0].tolist() == [3, 2, 1]
    assert out["median_minutes"].iloc[0] == 60.0
