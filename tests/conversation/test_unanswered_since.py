"""unanswered(since=...): a period's queue, the older customer comments not read for their intent;
the same rows as the whole queue cut at ``since``."""

from __future__ import annotations

import pandas as pd
import pandas.testing as tm
import pytest

from smanalysis.conversation import care, unanswered

BRAND = ["kopisenja.id"]


def _comments():
    # September: o1 (a question, never answered), o2 on a flat post answered in October by the brand.
    # October: n1 asked, answered through a reply to a reply; n2 a complaint on the flat post after the
    # brand's comment (unanswered); n3 a question never answered; x1 reuses o1's id on another platform.
    return pd.DataFrame({
        "comment_id": ["o1", "o2", "n1", "r1", "r2", "b1", "n2", "n3", "o1"],
        "post_id": ["p1", "p2", "p1", "p1", "p1", "p2", "p2", "p1", "t9"],
        "platform": ["instagram"] * 8 + ["tiktok"],
        "author": ["budi", "sari", "ani", "ani", "kopisenja.id", "kopisenja.id", "dewi", "eko", "fajar"],
        "text": ["kapan buka?", "harganya berapa?", "ada menu baru?", "kak?", "ada kak", "buka jam 8",
                 "pesanan belum sampai, kecewa", "bisa pesan antar?", "mantap"],
        "created_at": pd.to_datetime(["2026-09-20 03:00", "2026-09-28 03:00", "2026-10-02 03:00", "2026-10-02 04:00",
                                      "2026-10-02 05:00", "2026-10-03 03:00", "2026-10-04 03:00", "2026-10-05 03:00",
                                      "2026-09-10 03:00"], utc=True),
        "parent_id": [None, None, None, "n1", "r1", None, None, None, None],
        "is_brand_reply": [False, False, False, False, True, False, False, False, False]})


def test_since_lists_the_october_queue_by_hand():
    out = unanswered(_comments(), brand_accounts=BRAND, as_of="2026-10-06", since="2026-10-01")
    # n1 answered (r2 replies to r1, whose root is n1), n2 came after the brand's b1: unanswered
    assert out["comment_id"].tolist() == ["n2", "n3"]
    assert out["intent"].tolist() == ["complaint", "question"]
    assert out["waiting_hours"].tolist() == [45.0, 21.0]


@pytest.mark.parametrize("since", ["2026-09-15", "2026-10-01", "2026-10-04 03:00", "2026-12-01"])
def test_since_is_the_whole_queue_cut_there(since):
    c = _comments()
    whole = unanswered(c, brand_accounts=BRAND, as_of="2026-10-06")
    cut = whole[whole["created_at"] >= pd.Timestamp(since, tz="UTC")].reset_index(drop=True)
    tm.assert_frame_equal(unanswered(c, brand_accounts=BRAND, as_of="2026-10-06", since=since), cut)


def test_older_customer_comments_are_not_read_for_their_intent(monkeypatch):
    seen = []
    real = care.intents
    monkeypatch.setattr("smanalysis.conversation.replies.intents",
                        lambda texts: seen.extend(texts.tolist()) or real(texts))
    unanswered(_comments(), brand_accounts=BRAND, as_of="2026-10-06", since="2026-10-01")
    # o2 (September, no shared id) is not read; o1 shares its id with the TikTok comment: kept
    assert "harganya berapa?" not in seen and "kapan buka?" in seen and "ada menu baru?" in seen


def test_since_on_the_sample_equals_the_cut_queue(sample_dir):
    from smanalysis.reporting import evaluation_context

    ctx = evaluation_context(sample_dir / "client.yaml")
    com = ctx.frame("comments")
    end = pd.Timestamp("2026-11-01", tz="Asia/Jakarta").tz_convert("UTC")
    start = pd.Timestamp("2026-10-01", tz="Asia/Jakarta").tz_convert("UTC")
    upto = com[com["created_at"] < end]
    whole = unanswered(upto, brand_accounts=ctx.profile.brand_handles, as_of=end, timezone=ctx.tz)
    cut = whole[whole["created_at"] >= start].reset_index(drop=True)
    got = unanswered(upto, brand_accounts=ctx.profile.brand_handles, as_of=end, timezone=ctx.tz, since=start)
    assert len(got) > 0
    tm.assert_frame_equal(got, cut)
