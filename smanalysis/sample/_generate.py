"""Assemble the sample's canonical tables and the ground truth the generator planted."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from . import _conversation as conv
from . import _network as net
from . import _posts as ps

__all__ = ["generate", "truth"]


def generate(scale: float = 1.0, seed: int = 2026) -> dict[str, pd.DataFrame]:
    """Generate the sample dataset as canonical tables.

    Parameters
    ----------
    scale : float
        Size multiplier: 1 gives about 300 own posts, 5,000 comments, 1,200 listening
        mentions and 2,000 tweets; counts grow linearly with ``scale`` (the 12 months
        stay the same).
    seed : int
        Random seed; the same ``scale`` and ``seed`` give identical tables.

    Returns
    -------
    dict of str to DataFrame
        ``posts`` (own posts), ``competitor_posts``, ``comments``, ``mentions``
        (listening, not X), ``tweets`` (the X conversation, frame of
        :func:`smanalysis.io.writers.write_twarc_jsonl`), ``interactions`` (implied by
        the tweets), ``followers`` (daily, own Instagram, Facebook, TikTok and X
        accounts), ``content_plan``, and ``communities`` (community, month ``YYYY-MM``,
        member: the planted X communities). Canonical columns come first; columns named
        ``truth_*`` hold what the generator planted (intent of a comment, plan
        outcome...) and are not written to the export files.

    Raises
    ------
    ValueError
        When ``scale`` is not positive.

    Examples
    --------
    >>> t = generate(scale=0.05, seed=1)
    >>> sorted(t)[:4]
    ['comments', 'communities', 'competitor_posts', 'content_plan']
    >>> t["posts"]["platform"].isin(["instagram", "facebook", "tiktok", "x"]).all()
    np.True_
    """
    if not (isinstance(scale, (int, float)) and scale > 0):
        raise ValueError(f"generate: `scale` must be a positive number, but {scale!r} was passed.")
    # one independent stream per part, so that editing one word bank does not reshuffle the network
    r_plan, r_posts, r_fol, r_comments, r_net, r_mentions, r_comp = (
        np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(7))
    plan = ps.content_plan(scale, r_plan)
    posts = ps.posts_from_plan(plan, scale, r_posts)
    posts = ps.assign_ids(posts, r_posts)
    # followers first without post boosts (reach needs followers), then again with them (same stream)
    fol_seed = int(r_fol.integers(0, 2**31 - 1))
    fol0 = ps.followers(posts.assign(reach=np.nan, views=np.nan), scale, np.random.default_rng(fol_seed))
    posts = ps.metrics(posts, fol0, r_posts)
    fol = ps.followers(posts, scale, np.random.default_rng(fol_seed))
    comments = conv.comments(posts, scale, r_comments)
    counts = comments.groupby("post_id").size()
    posts["comments"] = posts["post_id"].map(counts).fillna(0).astype(float)
    tweets, info = net.tweets(scale, r_net)
    inter = net.interactions(tweets)
    members = np.concatenate(list(info["roster"].values()))
    mentions = conv.mentions(scale, r_mentions, members)
    comp = ps.competitor_posts(scale, r_comp)
    out = {
        "posts": _canon(posts, "posts"),
        "competitor_posts": _canon(comp, "posts"),
        "comments": _canon(comments, "comments"),
        "mentions": _canon(mentions, "mentions"),
        "tweets": tweets,
        "interactions": _canon(inter, "interactions"),
        "followers": _canon(fol, "followers"),
        "content_plan": _canon(plan, "content_plan"),
    }
    out["communities"] = pd.DataFrame(
        [(c, m, h) for c, months in info["membership"].items() for m, hs in months.items() for h in hs],
        columns=["community", "month", "member"])
    return out


def _canon(df: pd.DataFrame, table: str) -> pd.DataFrame:
    keep = schema.columns(table) + [c for c in df.columns if c.startswith("truth_")]
    res = schema.conform(df, table)
    return res[[c for c in keep if c in res.columns]].reset_index(drop=True)


def _ids(s: pd.Series) -> list[str]:
    return [str(x) for x in s]


def truth(tables: dict[str, pd.DataFrame]) -> dict:
    """The ground truth planted in ``tables`` (as written to ``truth.yaml``).

    Parameters
    ----------
    tables : dict of str to DataFrame
        The result of :func:`generate` (its ``truth_*`` columns are read).

    Returns
    -------
    dict
        Plain Python values (YAML-ready): ``influencers``, ``broker``, ``communities``
        (hubs, events, membership per month), ``spikes``, ``care`` (complaint and
        unanswered question ids), ``plan`` (skipped and late plan ids, unplanned posts),
        ``mentions`` and more; see ``data/sample/README.md``.

    Examples
    --------
    >>> tr = truth(generate(scale=0.05, seed=1))
    >>> tr["broker"], sorted(tr["communities"]["hubs"])[:2]
    ('dinda_ngopi', ['espresso', 'gowes'])
    """
    c = tables["comments"]
    plan = tables["content_plan"]
    top = c[c["parent_id"].isna()]
    complaints = top[top["truth_intent"] == "complaint"]
    questions = top[top["truth_intent"] == "question"]
    unanswered_q = questions[~questions["truth_answered"]]
    unanswered_c = complaints[~complaints["truth_answered"]]
    cm = tables["communities"]
    membership = {c: {m: g["member"].tolist() for m, g in gc.groupby("month", sort=True)}
                  for c, gc in cm.groupby("community", sort=False)}
    posts = tables["posts"]
    viral = posts[(posts["platform"] == "tiktok")
                  & (posts["created_at"].dt.tz_convert(ps.TZ).dt.strftime("%Y-%m-%d") == "2026-03-14")]
    mem = tables["mentions"]
    return {
        "generator": {"scale": None, "seed": None},
        "business": {"name": "Kopi Senja", "own_accounts": dict(ps.OWN), "competitors": dict(ps.COMPETITORS),
                     "x_handles": dict(net.BRANDS)},
        "period": {"start": "2025-11-01", "end": "2026-10-31", "report": ["2026-10-01", "2026-10-31"],
                   "previous": ["2026-09-01", "2026-09-30"]},
        "influencers": {h: dict(v) for h, v in net.INFLUENCERS.items()},
        "broker": net.BROKER,
        "follower_fallacy": {h: {"followers": v, "note": "many followers, almost no interactions"}
                             for h, v in net.FOLLOWER_FALLACY.items()},
        "communities": {
            "hubs": {c: net.COMMUNITIES[c][0] for c in net.COMMUNITIES} | {"espresso": net.SPLIT_HUB},
            "events": net.EVENTS,
            "membership": {c: {m: sorted(map(str, v)) for m, v in months.items()} for c, months in membership.items()},
        },
        "spikes": [{k: v for k, v in s.items() if k in ("date", "platform", "what")} for s in ps.SPIKES],
        "viral_post_ids": _ids(viral.sort_values("views", ascending=False)["post_id"].head(1)),
        "admin_leave": {"start": ps.ADMIN_LEAVE[0], "end": ps.ADMIN_LEAVE[1],
                        "note": "replies rare and slow; most plan rows that week skipped"},
        "care": {
            "complaint_ids": _ids(complaints["comment_id"]),
            "storm_complaint_ids": {d: _ids(complaints.loc[complaints["truth_storm"] == d, "comment_id"])
                                    for d in sorted(set(complaints["truth_storm"]) - {""})},
            "unanswered_question_ids": _ids(unanswered_q["comment_id"]),
            "unanswered_complaint_ids": _ids(unanswered_c["comment_id"]),
            "spam_ids": _ids(top.loc[top["truth_intent"] == "spam", "comment_id"]),
            "insult_ids": _ids(top.loc[top["truth_intent"] == "insult", "comment_id"]),
            "intent_counts": {str(k): int(v) for k, v in top["truth_intent"].value_counts().items()},
            "complaint_topics": {str(k): int(v) for k, v in complaints["truth_topic"].value_counts().items()},
        },
        "plan": {
            "skipped_plan_ids": _ids(plan.loc[plan["truth_outcome"] == "skipped", "plan_id"]),
            "skipped_but_not_marked": _ids(plan.loc[(plan["truth_outcome"] == "skipped")
                                                    & (plan["status"] != "skipped"), "plan_id"]),
            "late_plan_ids": {str(i): int(d) for i, d in
                              plan.loc[plan["truth_outcome"] == "late", ["plan_id", "truth_late_days"]].itertuples(index=False)},
            "future_plan_ids": _ids(plan.loc[plan["truth_outcome"] == "future", "plan_id"]),
            "limit_violations": {str(i): str(v) for i, v in
                                 plan.loc[plan["truth_limit"] != "", ["plan_id", "truth_limit"]].itertuples(index=False)},
            "incomplete_plan_ids": _ids(plan.loc[plan[["asset", "hashtags", "source"]].isna().any(axis=1), "plan_id"]),
            "unplanned_post_ids": _ids(posts.loc[~posts["truth_planned"], "post_id"]),
            "promo_share_by_month": {str(k): round(float(v), 3) for k, v in
                                     plan.groupby(plan["date"].dt.strftime("%Y-%m"))["content_type"]
                                     .apply(lambda s: (s == "promo").mean()).items()},
        },
        "mentions": {
            "spike_days": sorted(set(mem["truth_planted"]) - {""}),
            "share_of_voice_story": "Kopi Senja gains share after March 2026 (viral video); Ruang Seduh gains "
                                    "from August 2026 (the wfc crowd); the blogger review on 2026-08-22 has the "
                                    "largest reach.",
            "counts_by_brand": {str(k): int(v) for k, v in mem["brand"].value_counts().items()},
        },
        "media": {"note": "reels and TikTok videos reach further; evenings (19-21) and weekends do better; "
                          "promo posts engage less (likes/reach x0.6) than education (x1.1), entertainment (x1.3) "
                          "and engagement posts (x1.25), with log-normal noise"},
    }
