"""The report's reply targets in business hours: business minutes beside wall clock, per intent, by hand."""

from types import SimpleNamespace

import pandas as pd
import pytest

from smanalysis import Profile
from smanalysis import reporting as rp
from smanalysis.reporting.config import parse_period
from smanalysis.reporting.sections import EvaluationContext
from smanalysis.schema import conform, empty

JKT = "Asia/Jakarta"


def _ctx(lang):
    profile = Profile.from_dict({
        "business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
        "own_accounts": {"instagram": "kopisenja.id"},
        "business_hours": {"open": "08:00", "close": "21:00", "days": ["mon", "tue", "wed", "thu", "fri", "sat"]},
        "reply_targets": {"complaint": 60, "question": 120}})
    # c1: complaint Saturday 20:30, answered Monday 08:20 -> 30 + 20 = 50 business minutes, 2150 wall clock
    # c2: question Monday 10:00, answered 13:00 -> 180 business = wall clock (over 120); c3: complaint unanswered
    local = ["2026-10-03 20:30", "2026-10-05 08:20", "2026-10-05 10:00", "2026-10-05 13:00", "2026-10-05 11:00"]
    at = pd.to_datetime(local).tz_localize(JKT).tz_convert("UTC")
    com = conform(pd.DataFrame({
        "comment_id": ["c1", "r1", "c2", "r2", "c3"], "post_id": "p1", "platform": "instagram",
        "account": "kopisenja.id", "author": ["budi", "kopisenja.id", "sari", "kopisenja.id", "ani"],
        "text": ["kecewa, kopinya basi", "maaf kak", "berapa harganya?", "20rb kak", "pelayanan lambat, kecewa"],
        "created_at": at, "parent_id": [None, "c1", None, "c2", None],
        "is_brand_reply": [False, True, False, True, False]}), "comments")
    ds = SimpleNamespace(posts=empty("posts"), comments=com, mentions=empty("mentions"),
                         interactions=empty("interactions"), followers=empty("followers"),
                         content_plan=empty("content_plan"))
    return EvaluationContext(profile=profile, data=ds, settings={"client": "Kopi Senja", "slug": "k"}, lang=lang,
                             period=parse_period("2026-10"), previous=parse_period("2026-09"))


def test_care_hours_table_by_hand():
    from smanalysis.reporting.eval_analysis import care_target_table

    t = care_target_table(_ctx("en")).set_index("intent")
    assert t.loc["complaint", "comments"] == 2 and t.loc["complaint", "answered"] == 1
    assert t.loc["complaint", "median_business_minutes"] == pytest.approx(50.0)
    assert t.loc["complaint", "median_wall_minutes"] == pytest.approx(2150.0)
    assert t.loc["complaint", "within_target_rate"] == 0.5  # c1 within 60, c3 unanswered
    assert t.loc["question", "target_minutes"] == 120 and t.loc["question", "within_target"] == 0
