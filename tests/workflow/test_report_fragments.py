"""Each cell's HTML is made by the reports' own exporter (nbconvert's template without
``HTMLExporter``'s BeautifulSoup pass, which the page's parse does instead): the sanitised fragment is
the one nbconvert's stock ``HTMLExporter`` gives, byte for byte, hostile content included."""

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from smanalysis.reporting.html import ReportPage, _described, _exporter, _notebook_of, sanitize

PNG = "iVBORw0KGgo="


def _out(mime, value):
    return new_output("display_data", data={mime: value, "text/plain": "x"})


CELLS = {
    "headings": new_markdown_cell("# Judul\n\n## Bagian & <b>tebal</b>\n\n## Bagian & <b>tebal</b>\n\ntext &nbsp; \"q\""),
    "ids": new_code_cell("x", outputs=[_out("text/html", '<h2 id="a">A</h2><h2 id="a">B</h2><p id=\'x"y\'>c</p>')]),
    "image_no_alt": new_code_cell("x", outputs=[_out("image/png", PNG)]),
    "html_img_no_alt": new_code_cell("x", outputs=[_out("text/html", f'<figure><img src="data:image/png;base64,{PNG}">'
                                                                   "<figcaption>f</figcaption></figure>")]),
    "script_caption": new_code_cell("x", outputs=[_out("text/html", '<table><caption>A<script>alert(1)</script>'
                                                                   '<img src=x onerror="alert(2)"></caption>'
                                                                   '<tr><td class="num  a">1</td></tr></table>')]),
    "malformed": new_code_cell("x", outputs=[_out("text/html", "<b><i>x</b></i><p>a<div>b</p><br><hr>&amp;lt; &copy")]),
    "jp_classes": new_code_cell("x", outputs=[_out("text/html", '<div class="jp-Notebook"><div class="jp-Cell-inputWrapper">'
                                                               '<div class="jp-OutputArea-output">o</div></div></div>')]),
    "markdown_out": new_code_cell("x", outputs=[_out("text/markdown", "## Intinya\n\n* satu\n* dua `kode`")]),
    "stream": new_code_cell("x", outputs=[new_output("stream", name="stdout", text="a < b & c\n")]),
}


def _stock():
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True, embed_images=True, anchor_link_text="")


@pytest.mark.parametrize("name", sorted(CELLS))
def test_fragment_is_stock_nbconvert_after_sanitising(name):
    nb = new_notebook(cells=[CELLS[name]])
    node = _notebook_of(nb, nb.cells)
    expected = sanitize(_stock().from_notebook_node(node)[0])
    assert sanitize(_described(_exporter().from_notebook_node(node)[0])) == expected


def test_image_without_alt_gets_nbconverts_text():
    html = _described('<p><img src="a.png"><img src="b.png" alt="Grafik"></p>')
    assert html == ('<p><img alt="No description has been provided for this image" src="a.png"/>'
                    '<img alt="Grafik" src="b.png"/></p>')


def test_page_of_hostile_cells_keeps_its_figures_and_escapes_scripts():
    nb = new_notebook(cells=list(CELLS.values()))
    page = ReportPage()
    page.finish_notebook(0, nb)
    body = "".join(page._parts)
    assert "<script" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert body.count(f'src="data:image/png;base64,{PNG}"') == 2
    assert 'alt="No description has been provided for this image"' in body
    assert [(h["level"], h["id"]) for h in page.contents] == [
        (1, "Judul"), (2, "Bagian-&-tebal"), (2, "Bagian-&-tebal-2"), (2, "a"), (2, "a-2"), (2, "Intinya")]


def test_sample_like_notebook_round_trip(tmp_path):
    nb = new_notebook(cells=list(CELLS.values()))
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, str(path))
    again = nbformat.read(str(path), as_version=4)
    one, two = ReportPage(), ReportPage()
    one.finish_notebook(0, nb)
    for cell in again.cells:  # cell by cell, as a report run adds them
        two.add_cells(0, again, [cell])
    two.finish_notebook(0, again)
    assert "".join(one._parts) == "".join(two._parts) and one.contents == two.contents
