"""Business minutes across a weekend, worked by hand, and reply targets per intent."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation import response_times
from smanalysis.conversation.business_hours import (business_hours_of, business_minutes, care_in_business_hours,
                                                     reply_target_stats, reply_targets_of)
from smanalysis.profile import Profile

JKT = "Asia/Jakarta"  # UTC+7


def _utc(local: list[str]) -> pd.Series:
    return pd.Series(pd.to_datetime(local).tz_localize(JKT).tz_convert("UTC"))


@pytest.mark.parametrize("start, end, expected", [
    # Friday 20:30 -> Monday 09:15, open 08:00-21:00 Monday-Saturday (closed Sunday):
    # Fri 30 + Sat 13 h (780) + Sun 0 + Mon 75 = 885 business minutes (wall clock 3645)
    ("2026-10-02 20:30", "2026-10-05 09:15", 885.0),
    # Saturday 22:00 (closed) -> Monday 08:10: only Monday's 10 minutes
    ("2026-10-03 22:00", "2026-10-05 08:10", 10.0),
    # Sunday all day closed: 0
    ("2026-10-04 09:00", "2026-10-04 18:00", 0.0),
    # inside one open day: wall clock = business
    ("2026-10-05 10:00", "2026-10-05 10:45", 45.0),
    # a full week Monday 00:00 -> next Monday 00:00: 6 x 780
    ("2026-10-05 00:00", "2026-10-12 00:00", 4680.0),
])
def test_business_minutes_across_a_weekend(start, end, expected):
    got = business_minutes(_utc([start]), _utc([end]), open="08:00", close="21:00",
                           days=["mon", "tue", "wed", "thu", "fri", "sat"], timezone=JKT)
    assert got.iloc[0] == pytest.approx(expected)


def test_business_minutes_past_midnight_and_errors():
    # open 18:00-02:00 every day: Monday 17:00 -> Tuesday 03:00 = 18:00-24:00 (360) + 00:00-02:00 (120)
    got = business_minutes(_utc(["2026-10-05 17:00"]), _utc(["2026-10-06 03:00"]), open="18:00", close="02:00",
                           timezone=JKT)
    assert got.iloc[0] == pytest.approx(480.0)
    assert np.isnan(business_minutes(_utc(["2026-10-05 17:00"]), pd.Series([pd.NaT]), timezone=JKT).iloc[0])
    with pytest.raises(ValueError, match="'HH:MM'"):
        business_minutes(_utc(["2026-10-05 17:00"]), _utc(["2026-10-05 18:00"]), open="8 pagi")
    with pytest.raises(ValueError, match="weekday numbers"):
        business_minutes(_utc(["2026-10-05 17:00"]), _utc(["2026-10-05 18:00"]), days=["funday"])


def test_care_in_business_hours_and_targets():
    profile = Profile.from_dict({
        "business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
        "own_accounts": {"instagram": "kopisenja.id"},
        "business_hours": {"open": "08:00", "close": "21:00", "days": ["mon", "tue", "wed", "thu", "fri", "sat"]},
        "reply_targets": {"complaint": 60, "question": 120}})
    assert business_hours_of(profile)["days"] == [0, 1, 2, 3, 4, 5]
    assert reply_targets_of(profile) == {"complaint": 60.0, "question": 120.0}
    # c1: complaint Saturday 20:30, answered Monday 08:20 -> 30 + 20 = 50 business minutes (within 60)
    # c2: question Monday 10:00, answered 13:00 -> 180 (over 120); c3: complaint, unanswered
    at = _utc(["2026-10-03 20:30", "2026-10-05 08:20", "2026-10-05 10:00", "2026-10-05 13:00", "2026-10-05 11:00"])
    c = pd.DataFrame({"comment_id": ["c1", "r1", "c2", "r2", "c3"], "post_id": "p1", "platform": "instagram",
                      "author": ["budi", "kopisenja.id", "sari", "kopisenja.id", "ani"],
                      "text": ["kecewa, kopinya basi", "maaf kak", "berapa harganya?", "20rb kak", "pelayanan lambat, kecewa"],
                      "created_at": at.to_numpy(), "parent_id": [None, "c1", None, "c2", None],
                      "is_brand_reply": [False, True, False, True, False]})
    rt = response_times(c, timezone=JKT)
    care = care_in_business_hours(rt, profile=profile).set_index("comment_id")
    assert care.loc["c1", "intent"] == "complaint"
    assert care.loc["c1", "response_business_minutes"] == pytest.approx(50.0)
    assert care.loc["c1", "response_minutes"] == pytest.approx(2150.0)  # wall clock: 35 h 50 min
    assert bool(care.loc["c1", "within_target"]) and not bool(care.loc["c2", "within_target"])
    assert not bool(care.loc["c3", "within_target"])  # unanswered misses its target
    st = reply_target_stats(care.reset_index()).set_index("intent")
    assert st.loc["complaint", "comments"] == 2 and st.loc["complaint", "within_target_rate"] == 0.5
    assert st.loc["question", "median_business_minutes"] == 180.0 and st.loc["question", "target_minutes"] == 120


def test_reply_target_stats_says_when_an_intent_has_too_few_comments():
    # 2 complaints and 1 question: under the default minimum of 5 comments; with 2 the complaints are enough
    care = pd.DataFrame({"intent": ["complaint", "complaint", "question"], "answered": [True, False, True],
                         "target_minutes": [60.0, 60.0, 120.0], "response_business_minutes": [30.0, np.nan, 200.0],
                         "response_minutes": [30.0, np.nan, 200.0], "within_target": [True, False, False]})
    st = reply_target_stats(care, lang="en").set_index("intent")
    assert st["verdict_code"].tolist() == ["not_enough_comments", "not_enough_comments"]
    assert st.loc["complaint", "verdict"] == "not enough comments (at least 5)"
    st = reply_target_stats(care, lang="id", min_comments=2).set_index("intent")
    assert st.loc["complaint", "verdict"] == "cukup komentar" and st.loc["complaint", "within_target_rate"] == 0.5
    assert st.loc["question", "verdict_code"] == "not_enough_comments"
