"""TextMemo (smanalysis.conversation.memo): each distinct text computed once, and answers that hold
when another thread clears the memo meanwhile (clear_memos after a Dask partition)."""

from smanalysis.conversation.memo import TextMemo


def _length_memo(calls):
    def fn(texts):
        calls.append(list(texts))
        return {"n": [len(t) for t in texts], "first": [t[:1] for t in texts]}

    return TextMemo(fn, ("n", "first"))


def test_each_distinct_text_once():
    calls = []
    memo = _length_memo(calls)
    out = memo(["kopi", "teh", "kopi"])
    assert out["n"].tolist() == [4, 3, 4] and out["first"].tolist() == ["k", "t", "k"]
    assert memo(["teh", "susu"])["n"].tolist() == [3, 4]
    assert calls == [["kopi", "teh"], ["susu"]]


def test_a_memo_cleared_meanwhile_still_answers():
    calls = []
    memo = _length_memo(calls)

    class ClearedRightAfter(dict):  # another thread's clear_memos() lands just after this call's update
        def update(self, *args, **kwargs):
            super().update(*args, **kwargs)
            self.clear()

    memo._known = ClearedRightAfter()
    assert memo(["kopi", "teh", "kopi"])["n"].tolist() == [4, 3, 4]
    assert memo(["teh"])["n"].tolist() == [3]  # forgotten: computed again, same answer
    assert calls == [["kopi", "teh"], ["teh"]]
