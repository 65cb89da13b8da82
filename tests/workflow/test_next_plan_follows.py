"""The draft next plan obeys every recommendation of the same report (sample client, October 2026)."""

from pathlib import Path

import pandas as pd
import pytest

from smanalysis import reporting as rp
from smanalysis.factfinding import PROMO_CEILING
from smanalysis.reporting.eval_media import best_slots

pytestmark = pytest.mark.slow

CONFIG = Path(__file__).resolve().parents[2] / "data" / "sample" / "client.yaml"

#: recommendation kinds that do not shape a content plan (people and replies, not posts)
NOT_PLAN = {"influencers", "complaint", "care", "plan", "no_evidence"}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("next")
    ctx = rp.evaluation_context(CONFIG, period=("2026-10-01", "2026-10-31"), previous=("2026-09-01", "2026-09-30"),
                                lang="id", output_dir=out)
    rp.next_plan_section(ctx)
    assert not ctx.problems, ctx.problems
    plan = pd.read_csv(out / "next_plan.csv", dtype=str)
    return ctx, rp.recommendations(ctx), plan


def test_every_recommendation_is_followed(made):
    ctx, recs, plan = made
    kinds = {r["kind"] for r in recs}
    assert {"slots", "keep_theme", "stop_theme", "stop_content_type"} <= kinds  # the sample has all four
    n = len(plan)
    assert n >= 20
    for r in recs:
        k, name = r["kind"], r.get("name")
        if k == "stop_theme":
            assert name not in set(plan["theme"]), f"stopped theme {name!r} still planned"
        elif k == "stop_content_type" and name != "promo":
            assert name not in set(plan["content_type"]), f"stopped content type {name!r} still planned"
        elif k == "stop_content_type" and name == "promo":
            own = ctx.own(ctx.frame("content_plan"))
            cur = ctx.in_period(ctx.frame("content_plan"), col="date")
            before = (cur["content_type"] == "promo").mean()
            share = (plan["content_type"] == "promo").mean()
            assert share <= PROMO_CEILING / 2 + 1e-9 and share < before, (share, before, len(own))
        elif k == "keep_theme":
            counts = plan["theme"].value_counts()
            assert counts.index[0] == name and counts.iloc[0] >= n / 3, counts.head(3).to_dict()
        elif k == "keep_content_type":
            assert (plan["content_type"] == name).any()
        elif k == "slots":
            top = best_slots(ctx).iloc[0]
            d = pd.to_datetime(plan["date"])
            h = pd.to_datetime(plan["time"], format="%H:%M").dt.hour
            on_slot = plan[(d.dt.dayofweek == int(top["weekday"])) & (h >= int(top["hour"]))
                           & (h < int(top["hour"]) + 2)]
            assert set(on_slot["platform"]) == set(plan["platform"]), "best slot not used on every platform"
        else:
            assert k in NOT_PLAN, f"recommendation kind {k!r} has no check here"


def test_plan_is_clean(made):
    _, _, plan = made
    assert (plan["content_type"] == "promo").mean() <= PROMO_CEILING
    assert not plan.duplicated(["date", "time"]).any(), "two platforms post at the same minute"
    assert not plan["source"].str.contains("evaluasi: evaluasi").any()
    assert plan["format"].notna().mean() >= 0.8, "the draft should say which format worked for each theme"
