"""Topics without a codebook: a small corpus with three known themes."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation.topics import TopicModel, emerging_topics, topic_shares
from smanalysis.exceptions import SMAnalysisWarning

TASTE = ["kopi susu gula aren manis enak", "rasa kopi susu pahit kurang manis", "kopi susu aren enak mantap",
         "gula aren kopi susunya terlalu manis", "manis pas kopi susu aren juara", "kopi susu aren rasa enak"]
WIFI = ["wifi lambat susah nugas skripsi", "colokan penuh wifi mati nugas gagal", "wifi kencang enak nugas",
        "nugas skripsi wifi lemot colokan kurang", "colokan banyak wifi stabil nugas", "wifi lemot skripsi"]
PARKING = ["parkir motor sempit penuh", "tukang parkir galak parkir mahal", "parkiran motor penuh antri",
           "parkir mobil susah sempit", "motor parkir penuh mahal", "parkiran sempit motor susah"]


@pytest.fixture
def corpus():
    texts = TASTE + WIFI + PARKING
    theme = ["taste"] * 6 + ["wifi"] * 6 + ["parking"] * 6
    return pd.Series(texts), np.array(theme)


def test_topics_recover_known_themes(corpus):
    texts, theme = corpus
    tm = TopicModel(n_topics=3, min_df=2, max_df=0.6, seed=0).fit(texts)
    topic = tm.assignments_["topic"].to_numpy()
    # every theme lands in one topic, and the three topics differ
    per_theme = {th: set(topic[theme == th]) for th in ("taste", "wifi", "parking")}
    assert all(len(s) == 1 for s in per_theme.values())
    assert len({next(iter(s)) for s in per_theme.values()}) == 3
    labels = tm.topics_.set_index("topic")["terms"]
    assert "parkir" in labels[next(iter(per_theme["parking"]))]
    assert "wifi" in labels[next(iter(per_theme["wifi"]))]
    assert "aren" in labels[next(iter(per_theme["taste"]))] or "susu" in labels[next(iter(per_theme["taste"]))]
    # the quote of a topic is one of its own texts; shares sum to 1
    wifi_topic = next(iter(per_theme["wifi"]))
    assert tm.topics_.loc[wifi_topic, "quote"] in WIFI
    assert tm.topics_["share"].sum() == pytest.approx(1.0) and tm.topics_["n_texts"].tolist() == [6, 6, 6]
    # new texts
    new = tm.transform(["wifi mati lagi", "sticker only 😍"])
    assert new["topic"].tolist() == [wifi_topic, -1] and pd.isna(new["label"].iloc[1])


def test_topic_shares_and_emerging(corpus):
    texts, theme = corpus
    tm = TopicModel(n_topics=3, min_df=2, max_df=0.6, seed=0).fit(texts)
    # September: taste x6, wifi x2; October: wifi x4, parking x6
    dates = pd.to_datetime(["2026-09-05"] * 6 + ["2026-09-10"] * 2 + ["2026-10-10"] * 4 + ["2026-10-12"] * 6)
    shares = topic_shares(tm.assignments_, dates, topics=tm.topics_)
    assert shares.groupby("period")["share"].sum().tolist() == pytest.approx([1.0, 1.0])
    cur = dates >= "2026-10-01"
    em = emerging_topics(tm.assignments_, cur, ~cur, topics=tm.topics_, min_texts=5)
    park = em.set_index("label").loc[tm.topics_.set_index("topic").loc[tm.assignments_["topic"].iloc[12], "label"]]
    # parking: 6 of 10 October texts, 0 of 8 in September -> rise 0.6, emerging
    assert park["share_current"] == pytest.approx(0.6) and park["share_previous"] == 0 and bool(park["emerging"])
    # wifi rose from 2/8 to 4/10 (+15 points) but has only 4 texts: not emerging with min_texts=5
    assert em["emerging"].sum() == 1


def test_topics_errors():
    with pytest.raises(ValueError, match="lower `min_df`"):
        TopicModel(n_topics=2, min_df=5).fit(["satu dua tiga", "empat lima enam"])
    with pytest.raises(ValueError, match="n_topics"):
        TopicModel(n_topics=0).fit(["kopi enak"])


def test_emerging_topics_verdict_by_hand():
    # current: topic 0 x6, topic 1 x6, topic 2 x2 (14 texts); previous: topic 0 x8, topic 1 x2 (10 texts)
    # shares now 6/14, 6/14, 2/14; before 0.8, 0.2, 0 -> topic 1 rises 0.229 on 6 texts: rising;
    # topic 0 falls: no clear rise; topic 2 rises 0.143 on 2 texts: not enough texts
    a = pd.DataFrame({"topic": [0] * 6 + [1] * 6 + [2] * 2 + [0] * 8 + [1] * 2})
    cur = np.array([True] * 14 + [False] * 10)
    em = emerging_topics(a, cur, ~cur, min_texts=5).set_index("topic")
    assert em["verdict_code"].to_dict() == {0: "no_clear_rise", 1: "rising", 2: "not_enough_texts"}
    assert em.loc[1, "rise"] == pytest.approx(6 / 14 - 0.2)
    # no text in the previous period: the rise cannot be told
    with pytest.warns(SMAnalysisWarning, match="share_previous 2 of 2"):
        em = emerging_topics(pd.DataFrame({"topic": [0] * 6 + [1]}), np.ones(7, bool), np.zeros(7, bool))
    assert em.set_index("topic")["verdict_code"].to_dict() == {0: "cannot_tell", 1: "not_enough_texts"}
