"""Issue 13 item 7: the "self-contained" HTML never loads remote content nor carries a handler;
user strings are escaped on every path (including the Markdown of notebooks 01-03)."""

import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup

from smanalysis.reporting.html import notebooks_to_html

EVIL_IMG = '<img src="https://evil.example/pixel.png">'
HOSTILE = [
    EVIL_IMG,
    '<img src=x onerror="fetch(\'https://evil.example\')">',
    '<a href="https://evil.example/login">klik</a>',
    "promo di https://evil.example/promo sekarang",
    "<https://evil.example/auto>",
    "[menang](https://evil.example/win)",
    "![pixel](https://evil.example/p.png)",
    '<div style="background:url(https://evil.example/bg.png)">x</div>',
    '<svg><image href="https://evil.example/s.svg"/></svg>',
    '<a href="javascript:alert(1)">js</a>',
    "<iframe src='//evil.example'></iframe>",
]
_URL_ATTRS = {"src", "href", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href", "style"}


def remote_references(html: str) -> list[str]:
    """Every attribute that could load or link to something outside the page, and every handler."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            elif name.lower() in _URL_ATTRS and not (value.startswith("#") or value.startswith("data:image/")):
                found.append(f"<{tag.name} {name}={value[:60]}>")
    for style in soup.find_all("style"):
        if re.search(r"url\(\s*['\"]?\s*(https?:)?//|@import", style.get_text(), re.I):
            found.append("<style> with a remote url")
    return found


def _nb(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def _md_output(text):
    c = nbformat.v4.new_code_cell("x")
    c.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": text, "text/plain": "x"})]
    return c


def _html_output(text):
    c = nbformat.v4.new_code_cell("x")
    c.outputs = [nbformat.v4.new_output("display_data", data={"text/html": text, "text/plain": "x"})]
    return c


@pytest.mark.parametrize("text", HOSTILE)
def test_no_remote_source_or_handler_from_any_output(text):
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    img = nbformat.v4.new_code_cell("x")
    img.outputs = [nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "fig"})]
    nb = _nb(nbformat.v4.new_markdown_cell(f"# Judul {text}"), _md_output(f"Catatan: {text}"),
             _html_output(f"<p>{text}</p>"), img)
    html = notebooks_to_html([nb], client=text, lang="id")
    assert remote_references(html) == []
    assert "data:image/png;base64," in html  # our own figures stay


def test_markdown_messages_of_notebooks_01_03_escape_fields():
    from smanalysis.factfinding import md, next_steps
    import pandas as pd

    out = md("nb.loaded", "en", client=EVIL_IMG, period="1–31 Okt 2026", posts=1, comments=2,
             plan=3)
    assert "<img" not in out.data and "&lt;img" in out.data
    scan = pd.DataFrame({"action": ["copy"], "suggestion": [f"Tiru {EVIL_IMG} promo https://evil.example/x"]})
    assert "<img" not in next_steps(scan=scan, lang="en")


def test_the_sanitiser_drops_remote_links_but_keeps_text():
    from smanalysis.reporting.html import sanitize

    out = sanitize('<p><a href="https://evil.example">klik</a> <img src="https://evil.example/p.png" alt="p"></p>')
    assert "klik" in out and remote_references(out) == []


ROOT = Path(__file__).resolve().parents[2]


#: hostile text planted in the exports' captions, comments, mentions, plan themes and audience cities
_PLANT = {" enak": f" enak {EVIL_IMG.replace(chr(34), '')} https://evil.example/u $x$",
          ",event,": ",event <img src=https://evil.example/t.png>,",
          "Yogyakarta": "Yogyakarta <img src=https://evil.example/c.png>"}


def _plant(folder: Path) -> int:
    """Rewrite every text export in ``folder`` with :data:`_PLANT` (same encoding); count the hits."""
    hits = 0
    for f in folder.rglob("*"):
        if f.suffix not in (".csv", ".jsonl"):
            continue
        raw = f.read_bytes()
        enc = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig" if raw[:3] == b"\xef\xbb\xbf" else "utf-8"
        text = raw.decode(enc)
        for a, b in _PLANT.items():
            hits += text.count(a)
            text = text.replace(a, b)
        f.write_bytes(text.encode(enc))
    return hits


@pytest.mark.slow
def test_every_report_of_the_four_notebooks_has_no_remote_content(tmp_path):
    """Hostile client and competitor names, captions, comments, mentions, plan themes and audience
    cities through `notebooks: all` (01-04, with the analysis section), scanned."""
    from smanalysis.reporting.runner import run_client

    sample = ROOT / "data" / "sample"
    shutil.copytree(sample / "exports", tmp_path / "exports")
    shutil.copy(sample / "content_plan.csv", tmp_path / "content_plan.csv")
    assert _plant(tmp_path) > 100
    profile = yaml.safe_load((sample / "profile.yaml").read_text(encoding="utf-8"))
    profile["competitors"][0]["name"] = f"Kopi Pagi {EVIL_IMG}"
    profile["business_name"] = f"Kopi Senja {EVIL_IMG}"
    (tmp_path / "profile.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    shutil.copy(sample / "codebook.yaml", tmp_path / "codebook.yaml")
    cfg = yaml.safe_load((sample / "client.yaml").read_text(encoding="utf-8"))
    cfg.update(client=f"Kopi Senja {EVIL_IMG} https://evil.example/x", slug="jahat", notebooks="all",
               data=[str(tmp_path / "exports"), str(tmp_path / "content_plan.csv")], profile="profile.yaml")
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    res = run_client(tmp_path / "c.yaml", out=tmp_path / "r")
    assert res["status"] in ("ok", "partial"), res["reason"]
    html = (tmp_path / "r" / "jahat" / "report.html").read_text(encoding="utf-8")
    assert remote_references(html) == []
    assert "evil.example/pixel.png" in html  # shown as text, not loaded
    assert "evil.example/t.png" in html or "evil.example/c.png" in html or "evil.example/u" in html
