"""Issue 13 item 8: a ``$`` in a label (codebook label, theme) never kills a figure or the report."""

import io

import matplotlib.pyplot as plt
import pandas as pd
import pytest

LABELS = ["harga $5 $\\frac{1}{0}$", "diskon 50$", "$\\undefinedcommand$", "$$", "a$b$c$"]


@pytest.mark.parametrize("label", LABELS)
def test_dollar_labels_render(label):
    import smanalysis.plotting as P

    counts = pd.DataFrame({"code": ["a", "b"], "label": [label, "rasa"], "texts": [3, 1]})
    ax = P.plot_codes(counts)
    ax.set_title(label)
    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png")  # mathtext would raise ValueError here
    assert buf.getvalue()[:4] == b"\x89PNG"
    assert label in [t.get_text() for t in ax.get_yticklabels()]


def test_a_failing_figure_is_closed_and_the_section_goes_on():
    from types import SimpleNamespace

    from smanalysis.reporting.sections import Section, sub_guard

    ctx = SimpleNamespace(problems=[], lang="en")
    sec = Section("x")
    before = set(plt.get_fignums())

    def broken():
        fig, ax = plt.subplots()
        ax.plot([1, 2])
        raise ValueError("boom")

    sub_guard(ctx, sec, "media", broken)
    assert set(plt.get_fignums()) == before
    assert ctx.problems and ctx.problems[0]["section"] == "media"


def test_section_figure_closes_even_when_saving_fails(monkeypatch):
    from smanalysis.reporting.sections import Section

    fig, ax = plt.subplots()

    def bad_save(*a, **k):
        raise ValueError("cannot draw")

    monkeypatch.setattr(fig, "savefig", bad_save)
    with pytest.raises(ValueError):
        Section("x").figure(ax)
    assert not plt.fignum_exists(fig.number)
