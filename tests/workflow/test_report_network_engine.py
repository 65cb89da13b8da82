"""The report builds the period's network engine once; the influencer table, the shortlist and the
communities read it and say what they said when each built its own."""

from types import SimpleNamespace

import pandas as pd

from smanalysis import Profile, network
from smanalysis.reporting.config import parse_period
from smanalysis.reporting.eval_network import all_influencers, micro_influencers, period_engine
from smanalysis.reporting.sections import EvaluationContext
from smanalysis.schema import conform, empty

JKT = "Asia/Jakarta"


def _ctx(with_interactions=True):
    profile = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                                 "own_accounts": {"instagram": "kopisenja.id"}})
    # ani talks to the brand 3 times and to budi once; budi once to the brand; citra only to ani
    src = ["ani", "ani", "ani", "ani", "budi", "citra"]
    tgt = ["kopisenja.id", "kopisenja.id", "kopisenja.id", "budi", "kopisenja.id", "ani"]
    at = pd.to_datetime(["2026-10-0%d 10:00" % d for d in range(1, 7)]).tz_localize(JKT).tz_convert("UTC")
    inter = conform(pd.DataFrame({"source": src, "target": tgt, "kind": "comment", "created_at": at,
                                  "platform": "instagram"}), "interactions") if with_interactions \
        else empty("interactions")
    ds = SimpleNamespace(posts=empty("posts"), comments=empty("comments"), mentions=empty("mentions"),
                         interactions=inter, followers=empty("followers"), content_plan=empty("content_plan"))
    return EvaluationContext(profile=profile, data=ds, settings={"client": "Kopi Senja", "slug": "k"}, lang="en",
                             period=parse_period("2026-10"), previous=parse_period("2026-09"))


def test_one_engine_for_the_ranking_and_the_shortlist():
    ctx = _ctx()
    eng = period_engine(ctx)
    assert period_engine(ctx) is eng and eng.n == 4  # ani, budi, citra and the brand
    inf, sl = all_influencers(ctx), micro_influencers(ctx)
    inter = ctx.frame("interactions")
    pd.testing.assert_frame_equal(inf, network.influencers(inter, profile=ctx.profile))
    pd.testing.assert_frame_equal(sl, network.shortlist(inter, profile=ctx.profile, lang="en", top=5))
    # by hand: ani 3 interactions with the brand, budi 1 (both reach into its audience)
    assert sl["node"].tolist()[:2] == ["ani", "budi"]
    assert sl.set_index("node").loc["ani", "brand_interactions"] == 3.0
    assert sl.set_index("node").loc["budi", "brand_interactions"] == 1.0
    assert inf.set_index("node").loc["kopisenja.id", "in_strength"] == 4.0


def test_no_interactions_no_engine():
    ctx = _ctx(with_interactions=False)
    assert period_engine(ctx) is None
    assert all_influencers(ctx).empty and micro_influencers(ctx).empty
