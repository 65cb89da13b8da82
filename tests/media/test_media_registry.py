"""The metric registry holds the computation: one entry is enough for a new rate to appear
everywhere (post_metrics, summary, compare_periods, report figures, definitions, metrics.json)."""

import warnings

import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.media import (METRICS, RATE_METRICS, Columns, Metric, compare_periods, kpi_check, kpi_table,
                              metric_value, period_growth, post_metrics, summary)

@pytest.fixture
def saves_per_reach():
    """The one entry of ``saves_per_reach`` in smanalysis/media/metrics.py: nothing else names it."""
    return METRICS["saves_per_reach"]


def _posts():
    # October: saves 4 + 6 over reach 100 + 300 -> per post 0.04 and 0.02, ratio of totals 10/400 = 0.025
    # September: saves 3 over reach 100 -> 0.03
    return pd.DataFrame({
        "post_id": ["a", "b", "c"], "platform": "instagram", "account": "kopisenja.id",
        "created_at": pd.to_datetime(["2026-10-02 03:00", "2026-10-12 03:00", "2026-09-12 03:00"], utc=True),
        "likes": [10.0, 20.0, 5.0], "comments": 0.0, "shares": 0.0, "saves": [4.0, 6.0, 3.0],
        "reach": [100.0, 300.0, 100.0]})


def test_a_new_rate_is_one_registry_entry(saves_per_reach):
    assert "saves_per_reach" in RATE_METRICS
    pm = post_metrics(_posts())
    assert pm["saves_per_reach"].tolist() == pytest.approx([0.04, 0.02, 0.03])
    s = summary(pm[pm["created_at"] >= "2026-10-01"], by=None, ci=None)
    assert s["saves_per_reach_ratio_of_totals"].iloc[0] == pytest.approx(10 / 400)
    assert s["saves_per_reach_mean_of_posts"].iloc[0] == pytest.approx(0.03)
    cp = compare_periods(_posts(), current="2026-10", previous="2026-09",
                         metrics=["saves_per_reach_ratio_of_totals"]).set_index("metric")
    assert cp.loc["saves_per_reach_ratio_of_totals", "current"] == pytest.approx(0.025)
    assert cp.loc["saves_per_reach_ratio_of_totals", "previous"] == pytest.approx(0.03)


def test_a_new_rate_reaches_the_report(saves_per_reach, tmp_path):
    from smanalysis.reporting import EvaluationContext, definitions_section, key_metrics, parse_period
    from smanalysis.profile import Profile
    from smanalysis.schema import conform, empty
    from types import SimpleNamespace

    ds = SimpleNamespace(posts=conform(_posts(), "posts"),
                         **{tb: empty(tb) for tb in ("comments", "mentions", "interactions", "followers",
                                                     "content_plan")})
    profile = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                                 "own_accounts": {"instagram": "kopisenja.id"}})
    ctx = EvaluationContext(profile=profile, data=ds, settings={"client": "K", "slug": "k"}, lang="en",
                            period=parse_period("2026-10"), previous=parse_period("2026-09"), output_dir=tmp_path)
    m = key_metrics(ctx)
    assert m["figures"]["current"]["saves_per_reach"] == pytest.approx(0.025)
    assert m["figures"]["previous"]["saves_per_reach"] == pytest.approx(0.03)
    assert m["definitions"]["saves_per_reach"] == "saves / reach"
    table = definitions_section(ctx).blocks[0][1]
    assert "Saves per reach" in table.iloc[:, 0].tolist()  # the label (first column), in the report language


def test_divide_warns_once_and_gives_nan_on_zero_denominators():
    posts = pd.DataFrame({"platform": ["x", "x"], "likes": [1.0, 2.0], "reach": [0.0, 10.0]})
    with pytest.warns(SMAnalysisWarning, match=r"post_metrics: zero or missing denominators.*er_reach 1 of 2"):
        pm = post_metrics(posts)
    assert np.isnan(pm["er_reach"].iloc[0]) and pm["er_reach"].iloc[1] == pytest.approx(0.2)
    with pytest.warns(SMAnalysisWarning, match="er_reach"):
        assert np.isnan(METRICS["er_reach"].value(pd.DataFrame({"engagements": [3.0], "reach": [0.0]})))


def test_two_named_reply_rates_never_swapped():
    # response_times rows: a question answered, a complaint not, praise answered, spam not
    care = pd.DataFrame({"intent": ["question", "complaint", "praise", "spam"],
                         "answered": [True, False, True, False], "response_minutes": [30.0, np.nan, 90.0, np.nan]})
    assert metric_value("reply_rate_questions", care) == pytest.approx(1 / 2)
    assert metric_value("reply_rate_all", care) == pytest.approx(2 / 3)  # spam left out
    assert metric_value("response_rate", care) == pytest.approx(1 / 2)  # the KPI name means questions
    assert metric_value("median_response_minutes", care) == pytest.approx(60)
    assert METRICS["reply_rate_questions"].label("en") == "Reply rate to questions and complaints"
    assert METRICS["reply_rate_all"].label("en") == "Reply rate to all comments"


def test_follower_growth_monthly_scaling_by_hand():
    # 1,000 followers on 30 September, 1,062 on 31 October: growth 6.2 % over October's 31 days;
    # monthly (30-day) growth = 0.062 x 30 / 31 = 0.06
    f = pd.DataFrame({"date": pd.to_datetime(["2026-09-30", "2026-10-31"]), "platform": "instagram",
                      "account": "kopisenja.id", "followers": [1000.0, 1062.0]})
    g = period_growth(f, period="2026-10", by=None).iloc[0]
    assert g["days"] == 31 and g["follower_growth"] == pytest.approx(0.062)
    assert g["follower_growth_monthly"] == pytest.approx(0.06)
    res = kpi_check(_posts(), targets={"follower_growth_monthly": 0.05}, followers=f, period="2026-10",
                    lang="en").set_index("kpi")
    assert res.loc["follower_growth_monthly", "actual"] == pytest.approx(0.06)
    assert res.loc["follower_growth_monthly", "verdict"] == "on target"


def test_kpi_direction_comes_from_the_registry():
    kt = kpi_table({"median_response_minutes": 45.0, "reply_rate_questions": 0.4},
                   {"median_minutes": 60, "response_rate": 0.9}, lang="en").set_index("kpi")
    assert kt.loc["median_minutes", "met"] == True  # noqa: E712 - lower is better
    assert kt.loc["response_rate", "met"] == False  # noqa: E712
    assert kt.loc["response_rate", "metric"] == "reply_rate_questions"


def test_columns_reads_each_column_once_and_absent_as_nan():
    c = Columns(pd.DataFrame({"reach": ["10", None]}))
    assert c["reach"].tolist()[0] == 10.0 and np.isnan(c["reach"][1]) and np.isnan(c["views"]).all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert METRICS["n_posts"].value(pd.DataFrame({"x": [1, 2, 3]})) == 3


def test_the_name_lists_read_the_registry_at_each_use(monkeypatch):
    # an entry added to the registry is at once in every loop over and membership test of the lists
    import dataclasses

    from smanalysis.media import metrics as registry

    before = list(RATE_METRICS)
    assert "er_reach" in RATE_METRICS and "n_posts" not in RATE_METRICS
    new = dataclasses.replace(METRICS["er_reach"], name="er_test")
    monkeypatch.setitem(registry.METRICS, "er_test", new)
    assert list(RATE_METRICS) == [*before, "er_test"] and "er_test" in RATE_METRICS
    assert len(RATE_METRICS) == len(before) + 1 and RATE_METRICS[-1] == "er_test"
