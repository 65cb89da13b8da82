"""Executed notebooks -> one self-contained, safe HTML report.

The notebooks' outputs (never their code) are rendered with nbconvert's ``HTMLExporter``
(``exclude_input=True``), stitched in order, sanitised (anything that is not plain document
markup, ``<script>`` above all, is escaped so it shows as text), given a table of contents and
wrapped in :file:`smanalysis/templates/report.html.j2`. Figures stay embedded as base64 PNG, the
page loads nothing from the network and runs no script.

Examples
--------
>>> scrub("File /home/ana/x/smanalysis/media.py, line 3")
'File …/media.py, line 3'
>>> scrub("token: abc123")
'token: ***'
>>> sanitize('<p>ok</p><script>alert(1)</script>')
'<p>ok</p>&lt;script&gt;alert(1)&lt;/script&gt;'
"""

from __future__ import annotations

import copy
import functools
import re
import secrets
import threading
from datetime import date
from html import escape as html_escape
from pathlib import Path

from .. import words
from .._checks import check_choice

__all__ = ["notebooks_to_html", "sanitize", "scrub", "scrub_notebook", "NOTES_TAG"]

#: cells with this tag are notes for the analyst (shown in JupyterLab, left out of the client's HTML)
NOTES_TAG = "notes"
_HIDDEN_TAGS = {NOTES_TAG, "remove", "parameters", "injected-parameters", "remove_cell"}

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
_ATTRS = {
    "*": ["class", "id", "title"],
    "a": ["href", "title", "class", "id"],
    "img": ["src", "alt", "width", "height", "class"],
    "td": ["colspan", "rowspan", "class", "data-label"],
    "th": ["colspan", "rowspan", "class", "scope"],
    "table": ["class", "border"],
}
_IMG = re.compile(r'src="(data:image/(?:png|jpeg|gif|svg\+xml);base64,[A-Za-z0-9+/=\s]+)"')
_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S | re.I)

# absolute paths of the usual kinds (POSIX roots seen on servers and laptops, Windows drives)
_POSIX_PATH = re.compile(
    r"(?<![\w.~/:-])/(?:home|Users|work|root|tmp|var|opt|usr|mnt|srv|private|Volumes|data|media|scratch)"
    r"(?:/[^\s'\"<>:,;()\[\]{}|]+)+"
)
_WIN_PATH = re.compile(r"\b[A-Za-z]:\\(?:[^\s'\"<>:|\\]+\\)*[^\s'\"<>:|\\]*")
_SECRET = re.compile(
    r"(?i)\b(token|secret|password|passwd|api[_-]?key|access[_-]?key|client[_-]?secret|authorization"
    r"|bearer(?=\s+[A-Za-z0-9._~+/-]{12,}))(\s*[:=]\s*|\s+(?=[A-Za-z0-9._~+/-]{12,}))(['\"]?)(?:Bearer\s+)?[^\s'\"<>,;]{4,}\3"
)


def scrub(text: str, *, roots=()) -> str:
    """Remove absolute local paths and credentials from ``text``.

    ``roots`` (folders such as the output or repository folder) are replaced by nothing (paths
    become relative to them); any other absolute path is shortened to ``…/<file name>``;
    ``token=…``, ``password: …`` and the like keep their name and lose their value.
    """
    if not text:
        return text
    for r in sorted({str(r) for r in roots if r and len(str(r)) > 1}, key=len, reverse=True):
        text = text.replace(r.rstrip("/\\") + "/", "").replace(r.rstrip("/\\") + "\\", "")
    text = _POSIX_PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], text)
    text = _WIN_PATH.sub(lambda m: "…\\" + m.group(0).rstrip("\\").rsplit("\\", 1)[-1], text)
    return _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


def _scrub_obj(obj, roots):
    if isinstance(obj, str):
        return scrub(obj, roots=roots)
    if isinstance(obj, list):
        return [_scrub_obj(o, roots) for o in obj]
    if isinstance(obj, dict):
        return type(obj)({k: _scrub_obj(v, roots) for k, v in obj.items()})
    return obj


def scrub_notebook(nb, *, roots=()):
    """A copy of a notebook with paths and credentials scrubbed from sources, outputs and metadata.

    Embedded images are left alone; papermill's ``input_path``/``output_path`` become file names.
    """
    nb = copy.deepcopy(nb)
    pm = nb.metadata.get("papermill", {})
    for key in ("input_path", "output_path"):
        if pm.get(key):
            pm[key] = Path(str(pm[key])).name
    if "parameters" in pm:
        pm["parameters"] = _scrub_obj(pm["parameters"], roots)
    for cell in nb.cells:
        cell.source = scrub(cell.source, roots=roots)
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = scrub(out["text"], roots=roots)
            if "traceback" in out:
                out["traceback"] = [scrub(t, roots=roots) for t in out["traceback"]]
            if "evalue" in out:
                out["evalue"] = scrub(out["evalue"], roots=roots)
            for mime, val in list(out.get("data", {}).items()):
                if mime.startswith("text/") or mime.endswith("json"):
                    out["data"][mime] = _scrub_obj(val, roots)
    return nb


def sanitize(html: str) -> str:
    """Escape every tag and attribute outside a plain-document allow-list (scripts, styles,
    event handlers, iframes, forms...), so that text a user wrote shows as text.

    Nothing may load or link outside the page: link targets other than in-page anchors
    (``#...``) and image sources other than the report's own embedded figures are dropped (the
    text stays), so a name or theme holding ``<img src="https://...">`` or a bare URL can neither
    load remote content nor become a link.
    """
    import bleach

    return bleach.clean(html, tags=_TAGS, attributes=_allowed_attribute, protocols={"http", "https", "mailto"},
                        strip=False, strip_comments=True)


_LOCAL_SRC = re.compile(r"^smimg-[0-9a-f]{16}-\d+$")


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name not in _ATTRS.get(tag, []) and name not in _ATTRS["*"]:
        return False
    if name == "href":
        return value.startswith("#")
    if name == "src":
        return bool(_LOCAL_SRC.match(value))  # figures are stashed as smimg-<token>-<n> while sanitising
    return True


def _client_view(nb, lang: str = "id"):
    """The cells a client sees: no notes, no parameters, no stderr, no errors; a Markdown cell
    written in both languages shows its ``metadata.smanalysis.text[lang]`` version only."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & _HIDDEN_TAGS:
            continue
        own = cell.get("metadata", {}).get("smanalysis", {}).get("text", {})
        if cell.cell_type == "markdown" and own.get(lang):
            cell.source = own[lang]
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                            and o.get("output_type") != "error"]
            if not cell.outputs:
                continue
        elif cell.cell_type == "raw":
            continue
        cells.append(cell)
    nb.cells = cells
    return nb


_HEADING = re.compile(r"<(/?)h([1-5])\b")


def _starts_with_title(nb) -> bool:
    """Whether the first cell a client sees is a Markdown title (``# ...``)."""
    first = next(iter(nb.cells), None)
    return first is not None and first.cell_type == "markdown" and first.source.lstrip().startswith("# ")


_EXPORTER_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _exporter():
    """nbconvert's HTML exporter of the reports (outputs only), made once a process."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True, embed_images=True, anchor_link_text="")


@functools.lru_cache(maxsize=1)
def _page_template():
    """The page around the report (:file:`smanalysis/templates/report.html.j2`), compiled once a process."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).resolve().parents[1] / "templates")),
                      autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2")


def _body(notebooks, lang: str = "id") -> str:
    """The notebooks' visible cells as one HTML fragment. When several notebooks are stitched, a
    notebook that does not open with its own title gets one (``metadata.smanalysis.title``) and
    its headings move one level down, so that the contents list the notebooks first."""
    parts = []
    for nb in notebooks:
        view = _client_view(nb, lang)
        view.metadata = {"language_info": {"name": "python"}}
        with _EXPORTER_LOCK:  # one exporter a process: its templates are compiled once
            body, _ = _exporter().from_notebook_node(view)
        if len(notebooks) > 1 and not _starts_with_title(view):
            titles = nb.metadata.get("smanalysis", {}).get("title", {})
            title = titles.get(lang) or titles.get("id") or Path(str(nb.metadata.get("papermill", {}).get(
                "input_path", "notebook"))).stem
            body = f"<h1>{html_escape(title)}</h1>\n" + _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}",
                                                                    body)
        parts.append(body)
    return "\n".join(parts)


def _toc(body: str, *, levels=("h1", "h2")):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    toc, seen = [], set()
    for i, h in enumerate(soup.find_all(list(levels))):
        for a in h.find_all("a", class_="anchor-link"):
            a.decompose()
        hid = h.get("id") or f"section-{i}"
        base, k = hid, 1
        while hid in seen:
            k += 1
            hid = f"{base}-{k}"
        seen.add(hid)
        h["id"] = hid
        toc.append({"level": int(h.name[1]), "id": hid, "text": h.get_text(" ", strip=True)})
    return str(soup), toc


#: the page's own labels (``page.<name>`` in :mod:`smanalysis.words`)
_PAGE_LABELS = ("contents", "period", "previous", "generated", "report", "footer")


def notebooks_to_html(notebooks, *, client: str, period=None, previous=None, lang: str = "id",
                      roots=(), generated: date | None = None) -> str:
    """Render executed notebooks (``nbformat`` nodes, in order) as one self-contained HTML page.

    Parameters
    ----------
    notebooks : list of NotebookNode
        Executed notebooks; their code is hidden, cells tagged ``notes`` and stderr are left out.
    client : str
        Client name for the title.
    period, previous : (start, end), optional
        Shown under the title.
    lang : {"id", "en"}
        Language of the page's own labels.
    roots : iterable of path
        Folders scrubbed from the page (see :func:`scrub`).

    Returns
    -------
    str
        The HTML page: no ``<script>``, figures as ``data:`` URIs, a table of contents.
    """
    check_choice("lang", lang, words.LANGS)
    body = _body(notebooks, lang)
    token = secrets.token_hex(8)
    images: list[str] = []

    def _stash(m):
        images.append(m.group(1))
        return f'src="smimg-{token}-{len(images) - 1}"'

    body = _IMG.sub(_stash, body)
    body = _STYLE.sub("", body)
    body = sanitize(scrub(body, roots=roots))
    body, toc = _toc(body)
    for i, data in enumerate(images):
        body = body.replace(f'src="smimg-{token}-{i}"', f'src="{data}"', 1)

    tpl = _page_template()

    from .. import formatting

    def fmt(p):
        return formatting.date_range(p[0], p[1], lang)

    page = tpl.render(
        lang=lang,
        labels={k: words.text(f"page.{k}", lang) for k in _PAGE_LABELS},
        client=client,
        period=fmt(period) if period else "",
        previous=fmt(previous) if previous else "",
        generated=formatting.date(generated or date.today(), lang),
        toc=toc,
        body=body,
    )
    if re.search(r"<\s*script", page, re.I):  # belt and braces: the page must never run code
        raise RuntimeError("the rendered report contains a <script> tag; refusing to write it")
    return page
