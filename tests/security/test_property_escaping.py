"""Property: any string in any text field reaches the HTML escaped (no markup, no remote content)
and the CSV neutralised (never read as a formula), and comes back unchanged otherwise."""

import csv

import nbformat
import pandas as pd
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smanalysis.markup import escape_markdown
from smanalysis.reporting.html import notebooks_to_html
from smanalysis.reporting.sections import Section
from smanalysis.spreadsheet import FORMULA_START, write_table

from test_html_remote import remote_references

TEXT = st.one_of(
    st.text(max_size=60),
    st.builds(lambda a, b: a + b, st.sampled_from(["=", "+", "-", "@", "\t", "\r", "<img src=https://e.x/p>",
                                                   "<script>", "[a](https://e.x)", "https://e.x/", "$x$", "*",
                                                   "<a href=//e.x onclick=x>"]), st.text(max_size=30)),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(s=TEXT)
def test_any_text_is_escaped_in_the_html(s):
    sec = Section("Judul").text(f"Tema: {escape_markdown(s)}").table(pd.DataFrame({"tema": [s]}))
    cell = nbformat.v4.new_code_cell("x")
    blocks = [nbformat.v4.new_output("display_data", data={"text/markdown": sec.markdown(), "text/plain": "x"})]
    from smanalysis.reporting.sections import _table_html  # noqa: PLC2701 - the table path of a section

    blocks.append(nbformat.v4.new_output("display_data", data={"text/html": _table_html(sec.blocks[1][1]),
                                                               "text/plain": "x"}))
    cell.outputs = blocks
    nb = nbformat.v4.new_notebook()
    nb.cells = [cell]
    html = notebooks_to_html([nb], client=s, lang="id")
    assert remote_references(html) == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("iframe") is None
    body_imgs = [i for i in soup.find_all("img") if not str(i.get("src", "")).startswith("data:image/")]
    assert body_imgs == []
    td = soup.find("td")
    assert td is not None
    if all(c.isprintable() or c in " \t\n" for c in s):  # control characters may be replaced
        assert td.get_text() == " ".join(s.split())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(s=TEXT.filter(lambda x: "\x00" not in x))
def test_any_text_is_neutralised_in_the_csv(tmp_path_factory, s):
    path = write_table(pd.DataFrame({"tema": [s], "n": [1]}), tmp_path_factory.mktemp("csv") / "t.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    got = rows[1][0]
    assert not got.startswith(FORMULA_START) or got.lstrip("+-").replace(".", "", 1).isdigit()
    assert got in (s, "'" + s)
    assert (got == "'" + s) == (s.startswith(FORMULA_START) and got != s)
