import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from _network_graphs import cliques, interactions  # noqa: E402

from smanalysis.exceptions import SchemaError  # noqa: E402
from smanalysis.network import communities, influencers, snapshots  # noqa: E402
from smanalysis.plotting import (plot_community_evolution, plot_influencers, plot_network,  # noqa: E402
                                 plot_rank_bump)


def _months():
    rng = np.random.default_rng(0)
    n = 400
    return pd.DataFrame({"source": rng.integers(0, 30, n).astype(str), "target": rng.integers(0, 30, n).astype(str),
                         "kind": "reply", "platform": "x",
                         "created_at": pd.Timestamp("2026-07-01", tz="UTC")
                         + pd.to_timedelta(rng.integers(0, 120 * 86400, n), unit="s")})


@pytest.mark.parametrize("lang,title", [
    ("id", "Jaringan: 5 akun teratas menurut skor pengaruh (warna = komunitas)"),
    ("en", "Network: top 5 accounts by influence score (colour = community)")])
def test_plot_network(lang, title):
    ax = plot_network(cliques(), top=5, lang=lang, labels=3)
    assert ax.get_title() == title
    assert len(ax.texts) == 3


def test_plot_network_uses_membership():
    m = communities(cliques(), seed=0)
    ax = plot_network(cliques(), membership=m, top=9, lang="en")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Community 0", "Community 1"]


def test_plot_influencers():
    inf = influencers(cliques())
    ax = plot_influencers(inf, by="betweenness", top=3, lang="en")
    assert ax.get_title() == "Most influential accounts by bridge between groups"
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "x"  # largest bar on top
    with pytest.raises(SchemaError, match="plot_influencers: the influencers frame lacks required columns"):
        plot_influencers(inf, by="reach")


def test_plot_rank_bump_and_evolution():
    snap = snapshots(_months(), freq="M", measures=("pagerank", "community"))
    ax = plot_rank_bump(snap, top=5, lang="en")
    assert ax.get_title() == "Rank changes of the top 5 accounts per period"
    assert len(ax.get_xticklabels()) == 4
    ax = plot_community_evolution(snap, lang="id")
    assert ax.get_title().startswith("Evolusi komunitas")
    with pytest.raises(SchemaError, match=r"lack required columns \['community'\]"):
        plot_community_evolution(snapshots(_months(), freq="M"))


def test_bad_options():
    with pytest.raises(ValueError, match=r"plot_network: the value for `lang` must be one of \['id', 'en'\]"):
        plot_network(cliques(), lang="fr")
    with pytest.raises(ValueError, match=r"plot_network: the value for `by` must be one of"):
        plot_network(cliques(), by="followers")


def test_plot_does_not_mutate():
    inter = interactions([("a", "b", "reply", "2026-10-01"), ("b", "c", "reply", "2026-11-01")])
    before = inter.copy(deep=True)
    plot_network(inter)
    pd.testing.assert_frame_equal(inter, before)


def test_plot_network_takes_the_ranking_it_is_given(monkeypatch):
    """With the influencer ranking of the same data passed in (the report has it), the picture is
    the one it computes itself, and it does not rank the accounts again."""
    import matplotlib.pyplot as plt

    from smanalysis.plotting import network as netplot
    from smanalysis.plotting.theme import apply_theme, phone_svg

    with matplotlib.rc_context():
        apply_theme()
        m = communities(cliques(), seed=0)
        own = phone_svg(plot_network(cliques(), top=9, membership=m, labels=3).figure, lang="id")
        ranking = influencers(cliques())

        def no_ranking(*args, **kwargs):
            raise AssertionError("ranked again")

        monkeypatch.setattr(netplot, "influence_of", no_ranking)
        given = phone_svg(plot_network(cliques(), top=9, membership=m, labels=3, influence=ranking).figure,
                          lang="id")
    plt.close("all")
    assert given == own
