"""Plan matching scores only the pairs that can reach the threshold (prefix filter), with the same
result as scoring every pair within the days."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smanalysis import plan as pl
from smanalysis.plan import execution
from smanalysis.plan.pairs import scored_pairs

DAY = pd.Timestamp("2026-10-01")


def _pairs(plan_words, post_words, *, cap=None, plan_days=None, post_days=None, tol=1, t=0.4, plat=None):
    n_p, n_q = len(plan_words), len(post_words)
    return scored_pairs(pd.Series(plan_words, dtype=object), np.array(cap if cap is not None else [True] * n_p),
                        np.array(plat or ["x"] * n_p, dtype=object), pd.Series(plan_days or [DAY] * n_p),
                        pd.Series(post_words, dtype=object), np.array(["x"] * n_q, dtype=object),
                        pd.Series(post_days or [DAY] * n_q), tolerance_days=tol, min_similarity=t)


def test_pair_sharing_only_the_common_hashtag_is_not_scored():
    # words by how many captions hold them: #senja 3 (the commonest, ranked last), the others 1-2.
    # plan: 5 words, Jaccard >= 0.4 needs ceil(0.4 * 5) = 2 shared, so its prefix is its 5 - 2 + 1 = 4
    # rarest words {kopi, susu, gula, aren}; post 1 "promo #senja": 2 words, prefix 2 - 1 + 1 = 2
    # {promo, #senja}: no prefix word in common -> never scored (its Jaccard is 1/6 anyway).
    plan = [["kopi", "susu", "gula", "aren", "#senja"]]
    posts = [["kopi", "susu", "gula", "aren", "#senja", "baru"], ["promo", "#senja"]]
    got = _pairs(plan, posts)
    assert got[["plan_pos", "post_pos", "inter", "size_plan", "size_post", "delay_days"]].values.tolist() == \
        [[0, 0, 5, 5, 6, 0]]
    # at threshold 0 every pair within the days is scored, the second with 1 shared word of 5 and 2
    all_ = _pairs(plan, posts, t=0.0)
    assert all_[["post_pos", "inter", "size_post"]].values.tolist() == [[0, 5, 6], [1, 1, 2]]


def test_containment_row_meets_any_word_of_the_post():
    # a plan row without caption: {kuis, #tebakrasa} (2 words); containment >= 0.4 needs
    # ceil(0.8) = 1 word, so its whole 2-word prefix is looked up among ALL the post's words,
    # even where the word is common in the post's own ranking
    plan = [["kuis", "#tebakrasa"]]
    posts = [["kuis", "hari", "ini", "komen", "jawabanmu", "#tebakrasa"], ["kuis", "lagi"], ["#kopi"]]
    got = _pairs(plan, posts, cap=[False])
    assert got[["post_pos", "inter", "size_plan"]].values.tolist() == [[0, 2, 2], [1, 1, 2]]


def test_days_and_platforms_bound_the_pairs():
    plan = [["kopi", "susu"], ["kopi", "susu"]]
    posts = [["kopi", "susu"], ["kopi", "susu"], ["kopi", "susu"]]
    days = [DAY, DAY + pd.Timedelta(days=2), DAY - pd.Timedelta(days=1)]
    got = _pairs(plan, posts, post_days=days, plat=["x", "instagram"], tol=1)
    # plan 0 (x) meets posts 0 (same day) and 2 (a day before); post 1 is 2 days after; plan 1 is instagram
    assert got[["plan_pos", "post_pos", "delay_days"]].values.tolist() == [[0, 2, -1], [0, 0, 0]]


def test_missing_day_pairs_with_nothing():
    got = _pairs([["kopi"]], [["kopi"]], plan_days=[pd.NaT], t=0.0)
    assert got.empty


def _random_case(rng):
    vocab = ["kopi", "susu", "gula", "aren", "#senja", "#kopi", "promo", "diskon", "tips", "seduh", "v60", "baru"]
    n_p, n_q = int(rng.integers(0, 20)), int(rng.integers(0, 25))

    def caps(k):
        return [" ".join(rng.choice(vocab, int(rng.integers(0, 6)))) if rng.random() > 0.15 else None for _ in range(k)]

    plan = pd.DataFrame({"date": DAY + pd.to_timedelta(rng.integers(0, 10, n_p), unit="D"),
                         "platform": rng.choice(["instagram", "x"], n_p), "theme": rng.choice(["kopi", "tips baru"], n_p),
                         "content_type": "promo", "caption": caps(n_p), "hashtags": rng.choice(["#senja", None], n_p)})
    posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(n_q)], "platform": rng.choice(["instagram", "x"], n_q),
                          "account": "k", "caption": caps(n_q),
                          "created_at": pd.Timestamp("2026-10-01", tz="UTC")
                          + pd.to_timedelta(rng.integers(0, 12 * 24, n_q), unit="h")})
    return plan, posts


def test_same_matches_as_scoring_every_pair_random(monkeypatch):
    rng = np.random.default_rng(7)
    cases = [_random_case(rng) for _ in range(12)]
    opts = [(0.2, 0), (0.4, 2), (0.75, 1), (1.0, 2)]
    fast = [pl.match_plan(p, q, min_similarity=t, tolerance_days=d) for p, q in cases for t, d in opts]
    real = execution.scored_pairs
    monkeypatch.setattr(execution, "scored_pairs", lambda *a, **k: real(*a, **{**k, "min_similarity": 0.0}))
    brute = [pl.match_plan(p, q, min_similarity=t, tolerance_days=d) for p, q in cases for t, d in opts]
    assert sum((m["post_row"].notna() & m["plan_row"].notna()).sum() for m in brute) > 20   # real matches
    for a, b in zip(fast, brute):
        pd.testing.assert_frame_equal(a, b)


def test_same_matches_as_scoring_every_pair_on_the_sample(monkeypatch):
    sample = Path(__file__).resolve().parents[2] / "data" / "sample"
    if not (sample / "content_plan.csv").is_file():
        pytest.skip("no bundled sample")
    from smanalysis.io import load_dataset

    ds = load_dataset([str(p) for p in (sample / "exports").glob("*posts*")] + [str(sample / "content_plan.csv")],
                      profile=str(sample / "profile.yaml"))
    plan, posts = ds.content_plan.reset_index(drop=True), ds.posts
    assert len(plan) > 100 and len(posts) > 100
    fast = pl.match_plan(plan, posts)
    n_pairs = len(scored_pairs(*_inputs(plan, posts), tolerance_days=5, min_similarity=0.4))
    n_all = len(scored_pairs(*_inputs(plan, posts), tolerance_days=5, min_similarity=0.0))
    assert n_pairs < n_all / 2          # most pairs within the days are never scored
    real = execution.scored_pairs
    monkeypatch.setattr(execution, "scored_pairs", lambda *a, **k: real(*a, **{**k, "min_similarity": 0.0}))
    pd.testing.assert_frame_equal(fast, pl.match_plan(plan, posts))
    assert (fast["status"] == "on_time").sum() > 100


def _inputs(plan, posts):
    from smanalysis.plan.tables import local_days

    words = plan["caption"].fillna("").str.lower().str.findall(r"#?\w{2,}")
    post_words = posts["caption"].fillna("").str.lower().str.findall(r"#?\w{2,}")
    return (words, plan["caption"].notna().to_numpy(), plan["platform"].str.lower().to_numpy(), local_days(plan),
            post_words, posts["platform"].str.lower().to_numpy(), local_days(posts))
