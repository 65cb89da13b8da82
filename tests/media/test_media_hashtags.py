"""Hashtag table, pairs and competitors' hashtags, worked by hand."""

import numpy as np
import pandas as pd
import pytest

from smanalysis.media import competitor_hashtags, hashtag_pairs, hashtag_performance, post_hashtags


@pytest.fixture
def posts():
    return pd.DataFrame({
        "post_id": list("abcdefg"),
        "account": ["kopisenja.id"] * 5 + ["kopipagi.jogja"] * 2,
        "hashtags": ["#kopisenja #promo", "#kopisenja #promo", "#kopisenja #promo", "#kopisenja #latte",
                     None, "#kopipagijogja #wfc", "#wfc #kopijogja"],
        "caption": ["a", "b", "c", "d", "Menu baru #MenuBaru #kopisenja!", "x", "y"],
        "er_reach": [0.02, 0.04, 0.06, 0.10, 0.08, 0.5, 0.4],
        "engagements": [1.0, 2, 3, 4, 5, 60, 40],
    })


def test_post_hashtags_uses_column_then_caption(posts):
    long = post_hashtags(posts)
    assert long[long["row"] == 4]["hashtag"].tolist() == ["#menubaru", "#kopisenja"]  # from the caption, lower case
    assert len(long) == 2 + 2 + 2 + 2 + 2 + 2 + 2


def test_hashtag_performance_table_by_hand(posts):
    own = posts[posts["account"] == "kopisenja.id"]
    res = hashtag_performance(own, min_posts=3, lang="en", seed=0).set_index("hashtag")
    # #kopisenja on all 5 own posts: (0.02+0.04+0.06+0.10+0.08)/5 = 0.06; #promo on a, b, c: 0.04
    assert res.loc["#kopisenja", "n_posts"] == 5 and res.loc["#kopisenja", "mean"] == pytest.approx(0.06)
    assert res.loc["#promo", "mean"] == pytest.approx(0.04) and res.loc["#promo", "vs_all"] == pytest.approx(0.04 / 0.06)
    assert res.loc["#latte", "verdict"] == "not enough posts" and res.loc["#promo", "verdict"] == "enough posts"
    # the interval of #promo stays within its posts' range
    assert 0.02 <= res.loc["#promo", "ci_low"] <= 0.04 <= res.loc["#promo", "ci_high"] <= 0.06
    assert np.isnan(res.loc["#latte", "ci_low"])  # one post: no interval
    # order: enough posts first (kopisenja 0.06, promo 0.04), then the rest by mean (latte 0.10, menubaru 0.08)
    assert res.index.tolist() == ["#kopisenja", "#promo", "#latte", "#menubaru"]


def test_hashtag_pairs_and_competitors(posts):
    pairs = hashtag_pairs(posts[posts["account"] == "kopisenja.id"], min_together=2)
    assert pairs[["hashtag_a", "hashtag_b", "n_together"]].values.tolist() == [["#kopisenja", "#promo", 3]]
    assert pairs["jaccard"].iloc[0] == pytest.approx(3 / 5)  # 3 together, 5 posts with either
    comp = competitor_hashtags(posts, own="kopisenja.id", min_posts=1)
    # #kopipagijogja names the competitor itself: left out; #wfc on 2 posts (mean 50), #kopijogja on 1
    assert comp["hashtag"].tolist() == ["#wfc", "#kopijogja"]
    assert comp.set_index("hashtag").loc["#wfc", "mean_engagements"] == 50.0
    assert competitor_hashtags(posts, own="kopisenja.id", min_posts=2)["hashtag"].tolist() == ["#wfc"]


def test_hashtags_without_any_tag():
    empty = pd.DataFrame({"account": ["k"], "caption": ["tanpa tagar"], "er_reach": [0.1]})
    assert hashtag_performance(empty).empty and hashtag_pairs(empty).empty
