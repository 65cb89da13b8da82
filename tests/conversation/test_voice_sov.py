"""Share of voice, net sentiment and drivers on tiny frames worked by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation import net_sentiment, sentiment_drivers, share_of_voice
from smanalysis.exceptions import EmptyDataError, SchemaError, SMAnalysisWarning
from smanalysis.profile import Profile


def ts(*values):
    return pd.to_datetime(list(values), utc=True, format="ISO8601")


@pytest.fixture
def mentions():
    return pd.DataFrame({
        "mention_id": ["m1", "m2", "m3", "m4"],
        "brand": ["A", "A", "A", "B"],
        "likes": [10, np.nan, 1, 4],
        "comments": [2, np.nan, 0, 0],
        "reach": [100, 50, np.nan, 50],
        "created_at": ts("2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"),
    })


@pytest.fixture
def profile():
    return Profile.from_dict({
        "business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
        "own_accounts": {"instagram": "kopisenja.id", "x": "kopisenja_id"},
        "competitors": [{"name": "Kopi Pagi", "accounts": {"instagram": "kopipagi.jogja"}},
                        {"name": "Ruang Seduh", "accounts": {"instagram": "ruangseduh"}}],
    })


def test_share_of_voice_counts(mentions):
    out = share_of_voice(mentions)
    # A has 3 of 4 mentions, B 1 of 4
    assert out["brand"].tolist() == ["A", "B"]
    assert out["mentions"].tolist() == [3, 1]
    assert out["share_of_voice"].tolist() == pytest.approx([0.75, 0.25])


def test_share_of_voice_engagement(mentions):
    out = share_of_voice(mentions, weight="engagement")
    # A: (10 + 2) + 0 + (1 + 0) = 13; B: 4; total 17
    assert out["volume"].tolist() == pytest.approx([13, 4])
    assert out["share_of_voice"].tolist() == pytest.approx([13 / 17, 4 / 17])


def test_share_of_voice_reach_warns_on_missing(mentions):
    with pytest.warns(SMAnalysisWarning, match="1 of 4 mentions have no reach"):
        out = share_of_voice(mentions, weight="reach")
    # A: 100 + 50 + 0 = 150; B: 50
    assert out["share_of_voice"].tolist() == pytest.approx([0.75, 0.25])


def test_share_of_voice_by_local_month():
    m = pd.DataFrame({"brand": ["A", "B", "A", "B"],
                      # 2026-09-30 18:00 UTC is 2026-10-01 01:00 in Jakarta: October
                      "created_at": ts("2026-09-30 10:00", "2026-09-30 12:00", "2026-09-30 18:00", "2026-10-05")})
    out = share_of_voice(m, freq="M")
    assert out["period"].astype(str).tolist() == ["2026-09", "2026-09", "2026-10", "2026-10"]
    assert out["share_of_voice"].tolist() == pytest.approx([0.5, 0.5, 0.5, 0.5])


def test_share_of_voice_profile_panel(profile):
    m = pd.DataFrame({"brand": ["kopisenja.id", "Kopi Senja", "@kopipagi.jogja", "Warung Lain"],
                      "created_at": ts("2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04")})
    with pytest.warns(SMAnalysisWarning, match="outside the profile's panel"):
        out = share_of_voice(m, profile=profile)
    assert out["brand"].tolist() == ["Kopi Senja", "Kopi Pagi", "Ruang Seduh"]
    assert out["mentions"].tolist() == [2, 1, 0]
    assert out["share_of_voice"].tolist() == pytest.approx([2 / 3, 1 / 3, 0])


def test_share_of_voice_warns_when_panel_changes():
    m = pd.DataFrame({"brand": ["A", "A", "A", "B"],
                      "created_at": ts("2026-08-10", "2026-09-10", "2026-10-10", "2026-10-11")})
    with pytest.warns(SMAnalysisWarning, match="panel of brands changes inside the series.*'B'"):
        out = share_of_voice(m, freq="M")
    # B appears in October only: it still gets zero rows in August and September
    assert len(out) == 6
    assert out.loc[out["brand"] == "B", "mentions"].tolist() == [0, 0, 1]


def test_positive_share_of_voice():
    m = pd.DataFrame({"brand": ["A", "A", "A", "B", "B"],
                      "sentiment": ["positive", "positive", "negative", "positive", "pos"]})
    out = share_of_voice(m)
    # positives: A 2, B 2 -> 0.5 / 0.5; negatives: A 1, B 0
    assert out["positive_share_of_voice"].tolist() == pytest.approx([0.5, 0.5])
    assert out["negative_share_of_voice"].tolist() == pytest.approx([1.0, 0.0])


def test_positive_share_of_voice_from_sentiment_frame():
    m = pd.DataFrame({"brand": ["A", "B", "B"]})
    labels = pd.DataFrame({"label": ["negative", "positive", "positive"]})
    out = share_of_voice(m, sentiment=labels)
    assert out["positive_share_of_voice"].tolist() == pytest.approx([0.0, 1.0])


def test_share_of_voice_zero_total_warns():
    m = pd.DataFrame({"brand": ["A", "B"], "likes": [0, 0]})
    with pytest.warns(SMAnalysisWarning, match=r"share_of_voice: zero or missing denominators.*share of volume 2 of 2"):
        out = share_of_voice(m, weight="engagement")
    assert out["share_of_voice"].isna().all()


def test_share_of_voice_errors(mentions):
    with pytest.raises(SchemaError, match=r"share_of_voice: the mentions frame lacks required columns \['brand'\]"):
        share_of_voice(mentions.drop(columns="brand"))
    with pytest.raises(SchemaError, match="lacks required columns \\['created_at'\\]"):
        share_of_voice(mentions.drop(columns="created_at"), freq="M")
    with pytest.raises(EmptyDataError, match="no rows"):
        share_of_voice(mentions.iloc[:0])
    with pytest.raises(ValueError, match="The value for `weight` must be one of"):
        share_of_voice(mentions, weight="likes")
    with pytest.raises(ValueError, match="The value for `freq`"):
        share_of_voice(mentions, freq="fortnight")


def test_share_of_voice_does_not_mutate(mentions, profile):
    before = mentions.copy()
    share_of_voice(mentions, weight="engagement", freq="M")
    pd.testing.assert_frame_equal(mentions, before)


# ------------------------------------------------------------------ net sentiment
@pytest.fixture
def labelled():
    return pd.DataFrame({
        "platform": ["instagram"] * 5 + ["tiktok"] * 2,
        "label": ["positive", "positive", "positive", "negative", "neutral", "neutral", "neutral"],
        "created_at": ts("2026-09-01", "2026-09-02", "2026-10-01", "2026-10-02", "2026-10-03",
                         "2026-10-04", "2026-10-05"),
    })


def test_net_sentiment_overall(labelled):
    with pytest.warns(SMAnalysisWarning, match="no positive or negative"):
        out = net_sentiment(labelled, by="platform")
    ig = out.iloc[0]
    # instagram: 3 pos, 1 neg, 1 neu -> (3-1)/(3+1) = 0.5 and (3-1)/5 = 0.4
    assert (ig["positive"], ig["negative"], ig["neutral"], ig["total"]) == (3, 1, 1, 5)
    assert ig["net_sentiment_excl_neutral"] == pytest.approx(0.5)
    assert ig["net_sentiment_all"] == pytest.approx(0.4)
    # tiktok: only neutral -> excl-neutral undefined, all = 0
    tt = out.iloc[1]
    assert math.isnan(tt["net_sentiment_excl_neutral"])
    assert tt["net_sentiment_all"] == 0


def test_net_sentiment_by_month(labelled):
    out = net_sentiment(labelled[labelled["platform"] == "instagram"], freq="M")
    assert out["period"].astype(str).tolist() == ["2026-09", "2026-10"]
    # September 2 pos -> 1.0 both; October 1 pos, 1 neg, 1 neu -> 0 and 0
    assert out["net_sentiment_excl_neutral"].tolist() == pytest.approx([1.0, 0.0])
    assert out["net_sentiment_all"].tolist() == pytest.approx([1.0, 0.0])


def test_net_sentiment_no_groups_and_label_col():
    df = pd.DataFrame({"sentiment": ["negatif", "negative", "positif", None]})
    out = net_sentiment(df, label_col="sentiment")
    assert out["total"].tolist() == [3]
    assert out["net_sentiment_excl_neutral"].iloc[0] == pytest.approx(-1 / 3)


def test_net_sentiment_errors_and_non_mutation(labelled):
    with pytest.raises(SchemaError, match=r"net_sentiment: .*lacks required columns \['theme'\]"):
        net_sentiment(labelled, by="theme")
    with pytest.raises(SchemaError, match="label"):
        net_sentiment(labelled.drop(columns="label"))
    before = labelled.copy()
    net_sentiment(labelled.iloc[:5], by="platform", freq="M")
    pd.testing.assert_frame_equal(labelled, before)


# ------------------------------------------------------------------ drivers
def test_sentiment_drivers_log_odds_by_hand():
    texts = ["basi", "basi kecewa", "enak", "enak"]
    labels = ["negative", "negative", "positive", "positive"]
    out = sentiment_drivers(texts, labels, min_count=1, prior=0.5)
    row = out.set_index("term").loc["basi"]
    # y_a=2, y_b=0, n_a=3, n_b=2, alpha=0.5*2=1, alpha_0=0.5*(2+1+2)=2.5
    # delta = log(3/2.5) - log(1/3.5) = log(4.2); z = delta / sqrt(1/3 + 1)
    assert row["log_odds"] == pytest.approx(math.log(4.2))
    assert row["z"] == pytest.approx(math.log(4.2) / math.sqrt(4 / 3))
    assert out.iloc[0]["term"] == "basi" and out.iloc[0]["side"] == "negative"
    assert out[out["side"] == "positive"]["term"].tolist() == ["enak"]


def test_sentiment_drivers_errors():
    with pytest.raises(ValueError, match="`labels` has 1 values but `texts` has 2"):
        sentiment_drivers(["a", "b"], ["positive"])
    with pytest.raises(EmptyDataError, match="no texts"):
        sentiment_drivers([], [])


def test_sentiment_length_mismatch_and_drivers_warning():
    m = pd.DataFrame({"brand": ["A", "B"]})
    with pytest.raises(ValueError, match="`sentiment` has 1 labels but mentions has 2 rows"):
        share_of_voice(m, sentiment=pd.Series(["positive"]))
    with pytest.warns(SMAnalysisWarning, match="no tokens in positive or negative texts"):
        out = sentiment_drivers(["biasa", "oke"], ["neutral", "neutral"])
    assert out.empty and list(out.columns) == ["side", "term", "negative", "positive", "log_odds", "z"]


def test_drivers_do_not_mutate():
    texts, labels = pd.Series(["basi", "enak"]), pd.Series(["negative", "positive"])
    t0, l0 = texts.copy(), labels.copy()
    sentiment_drivers(texts, labels, min_count=1)
    pd.testing.assert_series_equal(texts, t0)
    pd.testing.assert_series_equal(labels, l0)


def test_mentions_without_brand_count_for_the_brands_they_name(profile):
    from smanalysis.conversation import detect_brands

    m = pd.DataFrame({"brand": ["Kopi Senja", None, None, None],
                      "text": ["x", "Kopi Pagi vs #kopisenja", "ke @ruangseduh yuk", "kopi susu enak"]})
    assert detect_brands(m["text"], profile).tolist() == [[], ["Kopi Senja", "Kopi Pagi"], ["Ruang Seduh"], []]
    with pytest.warns(SMAnalysisWarning, match="1 mentions name no brand of the profile's panel"):
        out = share_of_voice(m, profile=profile)
    # Kopi Senja: row 0 and row 1; Kopi Pagi: row 1; Ruang Seduh: row 2 -> 2/4, 1/4, 1/4
    assert out["mentions"].tolist() == [2, 1, 1]
    assert out["share_of_voice"].tolist() == pytest.approx([0.5, 0.25, 0.25])


def test_mentions_without_brand_left_out_without_profile():
    m = pd.DataFrame({"brand": ["A", None, "B"]})
    with pytest.warns(SMAnalysisWarning, match="1 mentions have no brand and were left out"):
        out = share_of_voice(m)
    assert out["brand"].tolist() == ["A", "B"]


def test_missing_sentiment_labels_count_for_neither():
    m = pd.DataFrame({"brand": ["A", "A", "B"], "sentiment": ["positive", None, "positive"]})
    with pytest.warns(SMAnalysisWarning, match=r"share_of_voice: zero or missing denominators.*share of negative 2 of 2"):
        out = share_of_voice(m)
    assert out["negative_share_of_voice"].isna().all()
    assert out["positive"].tolist() == [1, 1] and out["negative"].tolist() == [0, 0]


def test_sentiment_score_fills_missing_labels():
    m = pd.DataFrame({"brand": ["A", "A", "B"], "sentiment": ["negative", None, None],
                      "text": ["x", "enak banget, mantap!", "kecewa, kopinya basi"]})
    out = share_of_voice(m, sentiment="score")
    # A: tool label negative + scored positive; B: scored negative
    assert out["positive"].tolist() == [1, 0] and out["negative"].tolist() == [1, 1]
    assert out["negative_share_of_voice"].tolist() == pytest.approx([0.5, 0.5])
