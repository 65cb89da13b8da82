"""The report page built cell by cell while the cells run (smanalysis.reporting.html.ReportPage)
is the page built from the finished notebooks, whatever the pieces it was given in."""

import datetime

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from smanalysis.reporting.html import ReportPage, notebooks_to_html, scrub_notebook

ROOT = "/home/ana/klien"
PERIOD = (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))
DAY = datetime.date(2026, 11, 2)


def _md_out(text):
    return new_output("display_data", data={"text/markdown": text, "text/plain": "<IPython.core.display.Markdown>"})


def _notebook(title=True, name="04_evaluation"):
    cells = [new_markdown_cell("# Evaluasi", metadata={"tags": ["notes"]}),
             new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
             new_code_cell("rp.story_section(ctx)", outputs=[
                 _md_out("# Intinya" if title else "## Intinya"),
                 _md_out(f"Data dari `{ROOT}/data/ig.csv`, token: abc123456"),
                 new_output("stream", name="stderr", text="peringatan\n")]),
             new_markdown_cell("Catatan", metadata={"smanalysis": {"text": {"id": "## Ringkasan", "en": "## Summary"}}}),
             new_code_cell("rp.overview_section(ctx)", outputs=[
                 new_output("display_data", data={"text/html": "<table><tr><td>1</td></tr></table><script>x()</script>",
                                                  "text/plain": "t"}),
                 _md_out("## Ringkasan")]),  # the same heading twice: ids stay unique
             new_code_cell("1/0", outputs=[new_output("error", ename="ZeroDivisionError", evalue="x", traceback=[])]),
             new_code_cell("rp.definitions_section(ctx)", outputs=[
                 _md_out("## Definisi"),
                 new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})])]
    nb = new_notebook(cells=cells)
    nb.metadata["papermill"] = {"input_path": f"{ROOT}/notebooks/{name}.ipynb"}
    return nb


def _whole(notebooks, lang="id"):
    clean = [scrub_notebook(nb, roots=[ROOT]) for nb in notebooks]
    return notebooks_to_html(clean, client="Kopi", period=PERIOD, lang=lang, roots=[ROOT], generated=DAY)


def _pieces(notebooks, splits, lang="id", change=None):
    page = ReportPage(notebooks=len(notebooks), lang=lang, roots=[ROOT], scrub_cells=True)
    for k, nb in enumerate(notebooks):
        start = 0
        for end in [*splits, len(nb.cells)]:
            page.add_cells(k, nb, nb.cells[start:end])
            start = end
        if change is not None:
            nb = change(nb)
        page.finish_notebook(k, nb)
    return page.html(client="Kopi", period=PERIOD, generated=DAY)


@pytest.mark.parametrize("splits", [[], [1], [3, 4], [1, 2, 3, 4, 5, 6]])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_cell_by_cell_is_the_page_of_the_finished_notebook(splits, lang):
    nb = _notebook()
    page = _pieces([nb], splits, lang)
    assert page == _whole([nb], lang)
    assert ROOT not in page and "abc123456" not in page and "<script" not in page and "peringatan" not in page
    if lang == "id":  # the same heading twice: the second one gets its own id
        assert page.count('id="Ringkasan"') == 1 and page.count('id="Ringkasan-2"') == 1


def test_cells_added_only_at_the_end_and_notebooks_stitched():
    nbs = [_notebook(title=False, name="01_fact_finding"), _notebook(title=True), new_notebook()]
    nbs[2].metadata["smanalysis"] = {"title": {"id": "Kosong", "en": "Empty"}}
    whole = _whole(nbs)
    assert _pieces(nbs, [2, 5]) == whole
    assert whole.count("<h1") >= 3 and "Kosong" in whole and "01 Fact Finding" not in whole


def test_a_cell_changed_after_it_was_added_is_shown_as_it_ended():
    nb = _notebook()

    def change(nb):  # e.g. a display updated by a later cell
        nb = nbformat.from_dict(nb)
        nb.cells[2].outputs[0] = _md_out("# Intinya, diperbarui")
        return nb

    page = _pieces([nb], [3, 5], change=change)
    assert page == _whole([change(nb)])
    assert "diperbarui" in page


def test_notebooks_are_added_in_order():
    page = ReportPage(notebooks=2)
    page.add_cells(0, _notebook(), [])
    with pytest.raises(ValueError, match="notebook 0 is not finished"):
        page.add_cells(1, _notebook(), [])
