"""Conversation plots return Axes with titles in both languages."""

import matplotlib
import pandas as pd
import pytest

from smanalysis.conversation import code, intents, net_sentiment, response_stats, share_of_voice, terms
from smanalysis.exceptions import SchemaError
from smanalysis.plotting import (plot_codes, plot_intents, plot_net_sentiment, plot_response_time,
                                 plot_share_of_voice, plot_top_terms)


@pytest.fixture
def mentions():
    return pd.DataFrame({"brand": ["A", "B", "A", "B"], "sentiment": ["positive", "negative", "neutral", "positive"],
                         "created_at": pd.to_datetime(["2026-09-01", "2026-09-02", "2026-10-01", "2026-10-02"], utc=True)})


@pytest.mark.filterwarnings("ignore:share_of_voice. the total negative is 0")
@pytest.mark.parametrize("lang, title", [("id", "Share of voice"), ("en", "Share of voice")])
def test_plot_share_of_voice(mentions, lang, title):
    ax = plot_share_of_voice(share_of_voice(mentions, freq="M"), lang=lang)
    assert isinstance(ax, matplotlib.axes.Axes) and ax.get_title() == title
    ax = plot_share_of_voice(share_of_voice(mentions), value="positive_share_of_voice", lang=lang)
    assert ax.get_title().lower().startswith(("share of voice positif", "positive share"))


def test_plot_net_sentiment(mentions):
    ns = net_sentiment(mentions, by="brand", label_col="sentiment")
    assert plot_net_sentiment(ns).get_title() == "Sentimen bersih (tanpa netral)"
    assert plot_net_sentiment(ns, variant="all", lang="en").get_title() == "Net sentiment (all texts)"
    with pytest.raises(ValueError, match="The value for `variant`"):
        plot_net_sentiment(ns, variant="both")


def test_plot_intents_and_response_time():
    c = pd.DataFrame({"comment_id": ["c1", "r1", "c2"], "post_id": "p", "platform": ["instagram", "instagram", "x"],
                      "author": ["a", "brand", "b"], "text": ["berapa?", "10rb", "kecewa"],
                      "created_at": pd.to_datetime(["2026-10-01 01:00", "2026-10-01 02:00", "2026-10-01 03:00"], utc=True),
                      "parent_id": [None, "c1", None], "is_brand_reply": [False, True, False]})
    assert plot_intents(intents(c["text"])).get_title() == "Maksud komentar"
    assert plot_intents(pd.DataFrame({"intent": ["question", "praise"], "platform": ["x", "x"]}),
                        by="platform", lang="en").get_title() == "Comment intents"
    st = response_stats(c, by="platform")
    ax = plot_response_time(st, lang="en")
    assert ax.get_title() == "First-response time" and ax.get_ylabel() == "Minutes"
    # the reply rate under each platform's name (instagram: c1 answered; x: c2 not), not over the bars
    assert [t.get_text() for t in ax.get_xticklabels()] == ["instagram\n100% replied", "x\n0% replied"]
    assert not ax.texts


def test_plot_terms_and_codes():
    assert plot_top_terms(terms(["kopi enak", "kopi"])).get_title() == "Kata teratas"
    r = code(["enak", "mahal"], {"rasa": ["enak"], "harga": ["mahal"]})
    assert plot_codes(r.counts, lang="en").get_title() == "Code frequencies"


def test_plot_errors():
    with pytest.raises(SchemaError, match=r"plot_top_terms: the frame lacks required columns \['ngram', 'count'\]"):
        plot_top_terms(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="The value for `lang` must be one of"):
        plot_codes(pd.DataFrame({"code": ["a"], "texts": [1]}), lang="fr")


def test_plots_do_not_mutate(mentions):
    sov = share_of_voice(mentions)
    before = sov.copy()
    plot_share_of_voice(sov)
    pd.testing.assert_frame_equal(sov, before)
    st = pd.DataFrame({"platform": ["x"], "median_minutes": [5.0], "p90_minutes": [9.0], "reply_rate": [1.0]})
    b2 = st.copy()
    plot_response_time(st)
    pd.testing.assert_frame_equal(st, b2)
