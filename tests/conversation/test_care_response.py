"""Response rate, first-response time and the care queue on tiny threads worked by hand."""

import math

import pandas as pd
import pytest

from smanalysis.conversation import response_stats, response_times, unanswered
from smanalysis.exceptions import EmptyDataError, SchemaError


def ts(*values):
    return pd.to_datetime(list(values), utc=True, format="ISO8601")


@pytest.fixture
def threaded():
    # times in UTC; Jakarta is UTC+7: 03:00 UTC = 10:00 WIB (business), 15:00 UTC = 22:00 WIB (off hours)
    return pd.DataFrame({
        "comment_id": ["c1", "r1", "c2", "c3", "r3a", "r3b", "c4", "c5", "x1", "x2"],
        "post_id": ["p1", "p1", "p1", "p2", "p2", "p2", "p2", "p2", "p3", "p3"],
        "platform": ["instagram"] * 8 + ["facebook"] * 2,
        "author": ["budi", "kopisenja.id", "sari", "ani", "ani", "kopisenja.id", "dewi", "spammer", "eko", "joko"],
        "text": ["berapa harganya?", "20rb kak", "kapan buka?", "pesanan belum sampai", "tolong dicek",
                 "maaf kak, kami cek", "enak!", "cek bio ya", "kecewa sama kopinya", "gimana pesan?"],
        "created_at": ts("2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 15:00", "2026-10-02 03:00",
                         "2026-10-02 03:10", "2026-10-02 05:00", "2026-10-02 06:00", "2026-10-02 07:00",
                         "2026-10-03 03:00", "2026-10-03 04:00"),
        # r3b answers ani's follow-up r3a, which hangs under c3: it answers c3
        "parent_id": [None, "c1", None, None, "c3", "r3a", None, None, None, None],
        "is_brand_reply": [False, True, False, False, False, True, False, False, False, False],
    })


def test_response_times_links_threads(threaded):
    rt = response_times(threaded).set_index("comment_id")
    assert list(rt.index) == ["c1", "c2", "c3", "c4", "c5", "x1", "x2"]
    assert rt.loc["c1", "response_minutes"] == 30
    assert rt.loc["c3", "response_minutes"] == 120          # 03:00 -> 05:00 via the nested reply
    assert rt.loc["c3", "link"] == "parent_id"
    assert not rt.loc["c2", "answered"] and math.isnan(rt.loc["c2", "response_minutes"])
    assert rt.loc["c1", "hours"] == "business" and rt.loc["c2", "hours"] == "off_hours"
    assert rt.loc["c5", "intent"] == "spam"


def test_response_stats_overall(threaded):
    out = response_stats(threaded, by=())
    # spam c5 excluded -> 6 comments: c1 (30 min), c3 (120 min) answered
    row = out.iloc[0]
    assert (row["comments"], row["answered"], row["unanswered"]) == (6, 2, 4)
    assert row["reply_rate"] == pytest.approx(2 / 6)
    assert row["median_minutes"] == pytest.approx(75)
    assert row["p90_minutes"] == pytest.approx(30 + 0.9 * 90)


def test_response_stats_by_platform_and_hours(threaded):
    out = response_stats(threaded, by=["platform", "hours"]).set_index(["platform", "hours"])
    # facebook: x1 (10:00 WIB), x2 (11:00 WIB), none answered
    assert out.loc[("facebook", "business"), "comments"] == 2
    assert out.loc[("facebook", "business"), "reply_rate"] == 0
    assert math.isnan(out.loc[("facebook", "business"), "median_minutes"])
    # instagram business: c1, c3, c4 (13:00 WIB) -> 2 of 3; off hours: c2 -> 0 of 1
    assert out.loc[("instagram", "business"), "reply_rate"] == pytest.approx(2 / 3)
    assert out.loc[("instagram", "off_hours"), "comments"] == 1


def test_response_stats_by_intent_counts_brand_accounts(threaded):
    df = threaded.assign(is_brand_reply=False)  # flags lost: the handle still marks the brand
    out = response_stats(df, brand_accounts=["@KopiSenja.id"], by="intent").set_index("intent")
    assert out.loc["question", "comments"] == 3          # c1, c2, x2
    assert out.loc["question", "answered"] == 1
    assert out.loc["complaint", "answered"] == 1          # c3 of c3, x1


def test_flat_export_uses_next_brand_comment_on_same_post():
    df = pd.DataFrame({
        "comment_id": ["a", "b", "r", "c"], "post_id": "p", "platform": "tiktok",
        "author": ["u1", "u2", "kopisenja.id", "u3"], "text": ["berapa?", "kapan buka?", "halo kak", "mahal banget"],
        "created_at": ts("2026-10-01 01:00", "2026-10-01 02:00", "2026-10-01 03:00", "2026-10-01 04:00"),
        "is_brand_reply": [False, False, True, False],
    })
    rt = response_times(df).set_index("comment_id")
    assert rt.loc["a", "response_minutes"] == 120 and rt.loc["b", "response_minutes"] == 60
    assert rt.loc["a", "link"] == "same_post"
    assert not rt.loc["c", "answered"]


def test_unanswered_oldest_first(threaded):
    out = unanswered(threaded)
    # unanswered questions/complaints: c2 (10-01 15:00), x1 (10-03 03:00), x2 (10-03 04:00)
    assert out["comment_id"].tolist() == ["c2", "x1", "x2"]
    # as_of defaults to the latest comment (10-03 04:00)
    assert out["waiting_hours"].tolist() == pytest.approx([37, 1, 0])


def test_unanswered_with_abuse_and_as_of(threaded):
    df = pd.concat([threaded, pd.DataFrame({
        "comment_id": ["z"], "post_id": ["p1"], "platform": ["instagram"], "author": ["troll"],
        "text": ["admin goblok"], "created_at": ts("2026-10-01 00:00"), "parent_id": [None],
        "is_brand_reply": [False]})], ignore_index=True)
    out = unanswered(df, intents=["abuse"], as_of="2026-10-01 02:00")
    assert out["comment_id"].tolist() == ["z"] and out["waiting_hours"].tolist() == [2]


def test_errors(threaded):
    with pytest.raises(SchemaError, match=r"response_stats: the comments table lacks required columns \['is_brand_reply'\]"):
        response_stats(threaded.drop(columns="is_brand_reply"))
    with pytest.raises(SchemaError, match="unanswered: the comments table lacks"):
        unanswered(threaded.drop(columns="text"))
    with pytest.raises(EmptyDataError, match="no customer comments"):
        response_stats(threaded.iloc[:0])
    with pytest.raises(ValueError, match="The value for `by` must be one of"):
        response_stats(threaded, by="author")
    with pytest.raises(ValueError, match="The value for `business_hours`"):
        response_stats(threaded, business_hours=("8", "21:00"))
    with pytest.raises(ValueError, match="The value for `intents` must be one of"):
        unanswered(threaded, intents=["questions"])


def test_non_mutation(threaded):
    before = threaded.copy()
    response_times(threaded)
    response_stats(threaded)
    unanswered(threaded)
    pd.testing.assert_frame_equal(threaded, before)


def test_unanswered_warns_when_as_of_is_early(threaded):
    from smanalysis.exceptions import SMAnalysisWarning

    with pytest.warns(SMAnalysisWarning, match="later than `as_of`"):
        out = unanswered(threaded, as_of="2026-10-01 00:00+00:00")
    assert (out["waiting_hours"] < 0).all()


def test_business_days_and_overnight_hours(threaded):
    # 2026-10-01 is a Thursday (3); c1 at 10:00 WIB Thursday, c2 at 22:00 WIB Thursday
    rt = response_times(threaded, business_days=(0, 1, 2, 4, 5, 6)).set_index("comment_id")
    assert rt.loc["c1", "hours"] == "off_hours"                  # closed on Thursdays
    assert rt.loc["c3", "hours"] == "business"                   # Friday 10:00 WIB
    night = response_times(threaded, business_hours=("20:00", "02:00")).set_index("comment_id")
    assert night.loc["c2", "hours"] == "business" and night.loc["c1", "hours"] == "off_hours"
    with pytest.raises(ValueError, match="The value for `business_days` must be weekday numbers"):
        response_stats(threaded, business_days=(7,))
