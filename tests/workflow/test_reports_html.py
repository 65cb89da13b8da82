"""The HTML export: escaping, sanitising, scrubbing, table of contents (smanalysis.reporting.html)."""

import base64

import nbformat
import pandas as pd
import pytest

from smanalysis.reporting.html import notebooks_to_html, sanitize, scrub, scrub_notebook

T = pd.Timestamp
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")).decode()


def _nb():
    nb = nbformat.v4.new_notebook()
    notes = nbformat.v4.new_markdown_cell("# Analyst notes only")
    notes.metadata["tags"] = ["notes"]
    params = nbformat.v4.new_code_cell('config = "/work/main/data/sample/client.yaml"')
    params.metadata["tags"] = ["parameters"]
    table_html = pd.DataFrame({"text": ["<script>alert('x')</script> enak", "ok"]}).to_html()
    out = nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/markdown": "# Ringkasan\n\nHalo **dunia**"}),
        nbformat.v4.new_output("display_data", data={"text/html": table_html}),
        nbformat.v4.new_output("display_data", data={
            "text/html": "<p onclick=\"steal()\">raw</p><script>evil()</script><iframe src='http://x'></iframe>"}),
        nbformat.v4.new_output("display_data", data={"text/markdown": "## Sub <script>md()</script>"}),
        nbformat.v4.new_output("display_data", data={"image/png": PNG}),
        nbformat.v4.new_output("stream", name="stderr", text="Warning at /work/main/smanalysis/x.py:3\n"),
        nbformat.v4.new_output("stream", name="stdout", text="read /home/ana/clients/toko/exports/a.csv\n"),
    ])
    code_src = nbformat.v4.new_code_cell("secret_code_visible = 1", outputs=[])
    nb.cells = [notes, params, out, code_src, nbformat.v4.new_markdown_cell("# Definisi metrik")]
    return nb


@pytest.fixture(scope="module")
def page():
    return notebooks_to_html([_nb()], client="Toko <i>X</i>", period=(T("2026-10-01"), T("2026-10-31")),
                             previous=(T("2026-09-01"), T("2026-09-30")), lang="id")


def test_no_script_and_data_shown_as_text(page):
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert('x')&lt;/script&gt; enak" in page
    assert "&lt;script&gt;evil()&lt;/script&gt;" in page
    assert "<p>raw</p>" in page and "steal()" not in page  # event handlers are dropped
    assert "<iframe" not in page
    assert "Toko &lt;i&gt;X&lt;/i&gt;" in page  # the client name is escaped too


def test_code_notes_and_stderr_hidden(page):
    assert "secret_code_visible" not in page
    assert "Analyst notes only" not in page
    assert "Warning at" not in page
    assert "client.yaml" not in page  # the parameters cell is not shown


def test_paths_scrubbed(page):
    assert "/home/" not in page and "/work/" not in page
    assert "…/a.csv" in page


def test_toc_period_and_image(page):
    assert 'class="toc"' in page
    assert 'href="#Ringkasan"' in page and 'id="Ringkasan"' in page
    assert "Definisi metrik" in page.split('class="toc"')[1].split("</nav>")[0]
    assert "1–31 Okt 2026" in page and "1–30 Sep 2026" in page  # CLDR ranges through smanalysis.formatting
    assert f"data:image/png;base64,{PNG}" in page


def test_english_labels():
    page = notebooks_to_html([_nb()], client="Toko", lang="en")
    assert "Contents" in page and 'lang="en"' in page


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see /work/main/reports/x/report.html", "see …/report.html"),
        ("C:\\Users\\ana\\data\\a.csv failed", "…\\a.csv failed"),
        ("api_key=abcd1234efgh", "api_key=***"),
        ("password: 'hunter22'", "password: ***"),
        ("Authorization: Bearer abcdefghijklmnopqrstuvwxyz", "Authorization: ***"),
        ("lupa password akun", "lupa password akun"),  # prose is left alone
        ("https://kopisenja.example/data/menu", "https://kopisenja.example/data/menu"),  # URLs are left alone
        ("and/or 50/50", "and/or 50/50"),
    ],
)
def test_scrub(text, expected):
    assert scrub(text) == expected


def test_scrub_roots_make_paths_relative():
    assert scrub("wrote /srv/out/kopi/metrics.json", roots=["/srv/out"]) == "wrote kopi/metrics.json"


def test_scrub_notebook_metadata_and_outputs():
    nb = _nb()
    nb.metadata["papermill"] = {"input_path": "/work/main/notebooks/04_evaluation.ipynb",
                                "output_path": "/tmp/r/kopi/notebooks/04_evaluation.ipynb",
                                "parameters": {"config": "/work/main/data/sample/client.yaml"}}
    before = nbformat.writes(nb)
    out = scrub_notebook(nb)
    text = nbformat.writes(out)
    assert "/work/" not in text and "/home/" not in text and "/tmp/" not in text
    assert out.metadata["papermill"]["input_path"] == "04_evaluation.ipynb"
    assert nbformat.writes(nb) == before  # input not mutated
    assert PNG in text  # images untouched


def test_sanitize_keeps_document_markup():
    html = ('<h2 id="a">T</h2><table class="dataframe"><thead><tr><th>x</th></tr></thead>'
            "<tbody><tr><td>1</td></tr></tbody></table>")
    assert sanitize(html) == html
    assert sanitize('<a href="javascript:alert(1)">x</a>') == "<a>x</a>"


def test_stitched_notebooks_each_get_a_title():
    first = nbformat.v4.new_notebook()
    first.cells = [nbformat.v4.new_markdown_cell("# 01 Fakta\n\n## Profil")]
    second = nbformat.v4.new_notebook()
    second.metadata["smanalysis"] = {"title": {"id": "04 Evaluasi", "en": "04 Evaluation"}}
    second.cells = [nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/markdown": "# Ringkasan\n\n## Rinci"})])]
    page = notebooks_to_html([first, second], client="K", lang="en")
    toc = page.split('class="toc"')[1].split("</nav>")[0]
    assert [x.split(">")[-1] for x in toc.split("</a>")[:-1]] == ["01 Fakta", "Profil", "04 Evaluation", "Ringkasan"]
    assert '<h2 id="Ringkasan">' in page and '<h3 id="Rinci">' in page
    alone = notebooks_to_html([second], client="K", lang="en")  # a single notebook keeps its levels
    assert '<h1 id="Ringkasan">' in alone and "04 Evaluation" not in alone


def test_refuses_to_write_a_page_with_a_script(monkeypatch):
    import smanalysis.reporting.html as html_mod

    monkeypatch.setattr(html_mod, "sanitize", lambda html: html)  # as if the sanitiser let one through
    with pytest.raises(RuntimeError, match="contains a <script> tag; refusing to write it"):
        notebooks_to_html([_nb()], client="K")

