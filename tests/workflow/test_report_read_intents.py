"""The report reads every intent it needs in one pass (read_intents): the same texts, the same answers."""

from types import SimpleNamespace

import pandas as pd

from smanalysis import Profile
from smanalysis.conversation import care
from smanalysis.conversation.memo import clear_memos
from smanalysis.reporting.config import parse_period
from smanalysis.reporting.eval_conversation import recurring_complaints, unanswered_queue
from smanalysis.reporting.eval_figures import care_rows, read_intents
from smanalysis.reporting.sections import EvaluationContext
from smanalysis.schema import conform, empty

JKT = "Asia/Jakarta"


def _ctx():
    profile = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                                 "own_accounts": {"instagram": "kopisenja.id"}})
    # c0 is older than both periods (August); c1, r1 and c2 are October's, c3 September's
    local = ["2026-08-10 10:00", "2026-10-03 10:30", "2026-10-03 11:00", "2026-10-05 10:00", "2026-09-20 09:00"]
    com = conform(pd.DataFrame({
        "comment_id": ["c0", "c1", "r1", "c2", "c3"], "post_id": "p1", "platform": "instagram",
        "account": "kopisenja.id", "author": ["ani", "budi", "kopisenja.id", "sari", "dewi"],
        "text": ["agustus lalu enak", "kecewa, kopinya basi", "maaf kak", "berapa harganya?", "mantap"],
        "created_at": pd.to_datetime(local).tz_localize(JKT).tz_convert("UTC"),
        "parent_id": [None, None, "c1", None, None], "is_brand_reply": [False, False, True, False, False]}),
        "comments")
    men = conform(pd.DataFrame({
        "mention_id": ["m1", "m2"], "platform": "x", "brand": ["Kopi Senja", "Kopi Senja"], "author": ["eko", "fajar"],
        "text": ["kopi senja pelayanan lambat, kecewa", "kopi senja kecewa lagi"],
        "created_at": pd.to_datetime(["2026-10-07 10:00", "2026-08-07 10:00"]).tz_localize(JKT).tz_convert("UTC")}),
        "mentions")
    ds = SimpleNamespace(posts=empty("posts"), comments=com, mentions=men, interactions=empty("interactions"),
                         followers=empty("followers"), content_plan=empty("content_plan"))
    return EvaluationContext(profile=profile, data=ds, settings={"client": "Kopi Senja", "slug": "k"}, lang="en",
                             period=parse_period("2026-10"), previous=parse_period("2026-09"))


def test_read_intents_reads_both_periods_comments_and_the_brands_texts():
    clear_memos()
    read_intents(_ctx())
    known = set(care._INTENT_MEMO._known)
    # both periods' comments (the brand's reply too) and October's mention; nothing from August
    assert known == {"kecewa, kopinya basi", "maaf kak", "berapa harganya?", "mantap",
                     "kopi senja pelayanan lambat, kecewa"}
    assert care._INTENT_MEMO._known["kecewa, kopinya basi"][0] == "complaint"
    assert care._INTENT_MEMO._known["berapa harganya?"][0] == "question"


def test_the_report_tables_are_the_same_with_and_without_it():
    def tables(read_first):
        clear_memos()
        ctx = _ctx()
        if read_first:
            read_intents(ctx)
        return care_rows(ctx), care_rows(ctx, "previous"), recurring_complaints(ctx), unanswered_queue(ctx)

    clear_memos()
    ctx = _ctx()
    ctx.cache["read_intents"] = True  # the callers read their own texts, one table at a time
    alone = care_rows(ctx), care_rows(ctx, "previous"), recurring_complaints(ctx), unanswered_queue(ctx)
    for a, b in zip(alone, tables(True)):
        pd.testing.assert_frame_equal(a, b)
    cur, prev, rc, una = alone
    assert cur["intent"].tolist() == ["complaint", "question"] and cur["answered"].tolist() == [True, False]
    assert prev["intent"].tolist() == ["praise"]
    assert una["comment_id"].tolist() == ["c2"]
    # c1 and m1 are the period's complaints about the brand, both say "kecewa" (m2 is August's)
    assert rc.to_dict("records") == [{"topic": "kecewa", "complaints": 2}]


def test_a_failure_is_left_to_the_callers():
    ctx = _ctx()
    ctx.data.comments = ctx.data.comments.drop(columns="text")  # read_intents cannot read: no error of its own
    clear_memos()
    read_intents(ctx)
    assert len(care._INTENT_MEMO) == 0
