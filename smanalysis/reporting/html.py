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
from .fragment import plain_described, plain_headings

__all__ = ["notebooks_to_html", "ReportPage", "sanitize", "scrub", "scrub_notebook", "NOTES_TAG"]

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
        _scrub_cell(cell, roots)
    return nb


def _scrub_cell(cell, roots) -> None:
    """Scrub one cell's source and outputs in place (see :func:`scrub_notebook`)."""
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


def _visible_cells(cells, lang: str = "id", *, roots=None) -> list:
    """Copies of the cells a client sees: no notes, no parameters, no stderr, no errors; a Markdown
    cell written in both languages shows its ``metadata.smanalysis.text[lang]`` version only. With
    ``roots``, each copy is scrubbed first (as :func:`scrub_notebook` does)."""
    out = []
    for cell in cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & _HIDDEN_TAGS or cell.cell_type == "raw":
            continue
        cell = copy.deepcopy(cell)
        if roots is not None:
            _scrub_cell(cell, roots)
        own = cell.get("metadata", {}).get("smanalysis", {}).get("text", {})
        if cell.cell_type == "markdown" and own.get(lang):
            cell.source = own[lang]
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                            and o.get("output_type") != "error"]
            if not cell.outputs:
                continue
        out.append(cell)
    return out


_HEADING = re.compile(r"<(/?)h([1-5])\b")


def _is_title(cell) -> bool:
    """Whether a cell is a Markdown title (``# ...``)."""
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith("# ")


def _same_cell(a, b) -> bool:
    """Whether two versions of a cell show the same (source, outputs, tags, bilingual text)."""
    ma, mb = a.get("metadata", {}), b.get("metadata", {})
    return (a.cell_type == b.cell_type and a.source == b.source and a.get("outputs") == b.get("outputs")
            and ma.get("tags") == mb.get("tags") and ma.get("smanalysis") == mb.get("smanalysis"))


_EXPORTER_LOCK = threading.Lock()


#: the text nbconvert gives an image without one
_NO_ALT = "No description has been provided for this image"


@functools.lru_cache(maxsize=1)
def _exporter():
    """nbconvert's HTML exporter of the reports (outputs only), made once a process.

    Its ``from_notebook_node`` returns the template's HTML as it is: :meth:`ReportPage._add_fragment`
    parses each fragment and does there what ``HTMLExporter`` does after the template with a
    BeautifulSoup parse of its own (an ``alt`` text for images without one; its ``tabindex``
    attributes the sanitiser drops anyway), so that a fragment is parsed once before the sanitiser
    instead of twice (and soupsieve's CSS selectors, ~0.2 s to compile, are not needed). The
    ``CSSHTMLHeaderPreprocessor`` is off: it builds the Pygments style sheet for every call, which
    only nbconvert's full-page templates show. The notebook is validated after each preprocessor
    that ran, not after each of the twelve registered (most are switched off and change nothing).
    """
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
    from traitlets.config import Config

    class _ReportExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            # HTMLExporter.from_notebook_node up to its template, without its BeautifulSoup pass
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                     resources=resources)
            self.register_filter("highlight_code", highlight_code)
            self.register_filter("filter_data_type", filter_data_type)
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

        def _validate_preprocessor(self, nbc, preprocessor):
            # the notebook is checked after each preprocessor that ran (a switched-off one leaves it as it was)
            if getattr(preprocessor, "enabled", True):
                super()._validate_preprocessor(nbc, preprocessor)

    config = Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}})
    return _ReportExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                           exclude_output_prompt=True, embed_images=True, anchor_link_text="", config=config)


@functools.lru_cache(maxsize=1)
def _page_template():
    """The page around the report (:file:`smanalysis/templates/report.html.j2`), compiled once a process."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).resolve().parents[1] / "templates")),
                      autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2")


def _described(body: str) -> str:
    """The exporter's HTML as ``HTMLExporter`` ends it: parsed and written again by BeautifulSoup,
    every image without an ``alt`` text given nbconvert's (and its warning logged). Plain HTML
    (:func:`~smanalysis.reporting.fragment.plain_described`, most cells) is written so without
    being parsed."""
    plain = plain_described(body, alt=_NO_ALT)
    if plain is None:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(body, features="html.parser")
        missing = 0
        for img in soup.find_all("img"):
            if "alt" not in img.attrs:
                img.attrs["alt"] = _NO_ALT
                missing += 1
        body = str(soup)
    else:
        body, missing = plain
    if missing:
        _exporter().log.warning("Alternative text is missing on %s image(s).", missing)
    return body


#: the headings listed in the page's contents
_TOC_LEVELS = ("h1", "h2")


class ReportPage:
    """The report page, built notebook by notebook and cell by cell, in order.

    :func:`notebooks_to_html` builds it from finished notebooks. A report run adds each cell as
    soon as it has run (:func:`smanalysis.reporting.runner.run_client`, in the parent process while
    the kernel runs the next cells), so that only the page's frame is left after the last cell.
    Either way the page is the same: a cell's visible outputs are rendered by nbconvert, its
    figures set aside, its markup sanitised and scrubbed, its headings given unique ids and listed
    in the contents. When several notebooks are stitched, a notebook that does not open with its
    own title gets one (``metadata.smanalysis.title``) and its headings move one level down, so
    that the contents list the notebooks first.

    Parameters
    ----------
    notebooks : int
        How many notebooks the page stitches.
    lang : {"id", "en"}
        The page's language (bilingual Markdown cells, the page's labels).
    roots : iterable of path
        Folders scrubbed from the page (see :func:`scrub`).
    scrub_cells : bool, default False
        Scrub every cell as :func:`scrub_notebook` does before rendering it (cells of notebooks
        not scrubbed yet).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hasil")])
    >>> page = ReportPage()
    >>> page.add_cells(0, nb, nb.cells)
    >>> page.finish_notebook(0, nb)
    >>> page.contents
    [{'level': 1, 'id': 'Hasil', 'text': 'Hasil'}]
    """

    def __init__(self, *, notebooks: int = 1, lang: str = "id", roots=(), scrub_cells: bool = False):
        check_choice("lang", lang, words.LANGS)
        self.count, self.lang, self.roots = notebooks, lang, tuple(roots)
        self._scrub_roots = self.roots if scrub_cells else None
        self._token = secrets.token_hex(8)
        self._parts: list[str] = []
        self.contents: list[dict] = []
        self._seen: set[str] = set()
        self._headings = self._images = 0
        self._nb, self._added, self._shift, self._mark, self._sep = -1, [], None, None, False

    def _begin(self, k: int, nb) -> None:
        if self._nb >= 0 and self._nb != k:
            raise ValueError(f"notebook {self._nb} is not finished; notebooks are added in order")
        self._nb, self._added, self._shift = k, [], None
        self._mark = (len(self._parts), len(self.contents), set(self._seen), self._headings)
        self._sep = k > 0  # a line between two notebooks
        titles = nb.metadata.get("smanalysis", {}).get("title", {})
        self._title = titles.get(self.lang) or titles.get("id") or Path(str(nb.metadata.get("papermill", {}).get(
            "input_path", "notebook"))).stem

    def add_cells(self, k: int, nb, cells) -> None:
        """Add ``cells``: the next cells of notebook number ``k`` (``nb`` gives its metadata)."""
        if k != self._nb:
            self._begin(k, nb)
        self._added.extend(cells)
        view = _visible_cells(cells, self.lang, roots=self._scrub_roots)
        if not view:
            return
        if self._shift is None:
            self._shift = self.count > 1 and not _is_title(view[0])
            if self._shift:
                self._add_fragment(f"<h1>{html_escape(self._title)}</h1>\n")
        with _EXPORTER_LOCK:  # one exporter a process: its templates are compiled once
            body, _ = _exporter().from_notebook_node(_notebook_of(nb, view))
        body = _described(body)
        if self._shift:
            body = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)
        self._add_fragment(body)

    def finish_notebook(self, k: int, nb) -> None:
        """Complete notebook number ``k`` from its final state ``nb``: the cells not added yet,
        and the whole notebook again when a cell added before has changed since."""
        if k != self._nb:
            self._begin(k, nb)
        n = len(self._added)
        if n > len(nb.cells) or not all(map(_same_cell, self._added, nb.cells)):
            parts, toc, self._seen, self._headings = self._mark
            del self._parts[parts:], self.contents[toc:]
            self._nb = -1
            self._begin(k, nb)
            n = 0
        self.add_cells(k, nb, nb.cells[n:])
        if self._shift is None and self.count > 1:  # nothing visible: the title alone
            self._add_fragment(f"<h1>{html_escape(self._title)}</h1>\n")
        self._nb = -1

    def _add_fragment(self, body: str) -> None:
        """Sanitise a fragment, list its headings and keep it (figures set aside meanwhile)."""
        images: list[str] = []

        def _stash(m):
            images.append(m.group(1))
            return f'src="smimg-{self._token}-{self._images + len(images) - 1}"'

        body = _IMG.sub(_stash, body)
        body = _STYLE.sub("", body)
        body = sanitize(scrub(body, roots=self.roots))
        plain = plain_headings(body, levels=_TOC_LEVELS, seen=self._seen, count=self._headings, tags=_TAGS)
        if plain is None:
            body = self._soup_headings(body)
        else:  # written as BeautifulSoup writes it, without parsing it (most fragments)
            body, toc = plain
            self._headings += len(toc)
            self.contents.extend(toc)
        for i, data in enumerate(images):
            body = body.replace(f'src="smimg-{self._token}-{self._images + i}"', f'src="{data}"', 1)
        self._images += len(images)
        if self._sep:  # the line between two notebooks, as BeautifulSoup keeps it on the whole page
            self._sep = False
            body = _join_line(self._parts, body)
        self._parts.append(body)

    def _soup_headings(self, body: str) -> str:
        """A sanitised fragment parsed and written again by BeautifulSoup, its headings listed with
        unique ids (:func:`~smanalysis.reporting.fragment.plain_headings` does the same for a plain one)."""
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(body, "html.parser")
        for h in soup.find_all(list(_TOC_LEVELS)):
            for a in h.find_all("a", class_="anchor-link"):
                a.decompose()
            hid = h.get("id") or f"section-{self._headings}"
            self._headings += 1
            base, n = hid, 1
            while hid in self._seen:
                n += 1
                hid = f"{base}-{n}"
            self._seen.add(hid)
            h["id"] = hid
            self.contents.append({"level": int(h.name[1]), "id": hid, "text": h.get_text(" ", strip=True)})
        return str(soup)

    def html(self, *, client: str, period=None, previous=None, generated: date | None = None) -> str:
        """The page: the notebooks' cells with the contents, the title and the period around them."""
        from .. import formatting

        def fmt(p):
            return formatting.date_range(p[0], p[1], self.lang)

        page = _page_template().render(
            lang=self.lang,
            labels={k: words.text(f"page.{k}", self.lang) for k in _PAGE_LABELS},
            client=client,
            period=fmt(period) if period else "",
            previous=fmt(previous) if previous else "",
            generated=formatting.date(generated or date.today(), self.lang),
            toc=self.contents,
            body="".join(self._parts),
        )
        if re.search(r"<\s*script", page, re.I):  # belt and braces: the page must never run code
            raise RuntimeError("the rendered report contains a <script> tag; refusing to write it")
        return page


_TAIL = re.compile(r"(?<=>)\s*\Z")
_HEAD = re.compile(r"\A\s*(?=<)")


def _join_line(parts: list, body: str) -> str:
    """``body`` to append to ``parts`` after a line break. BeautifulSoup makes a run of white space
    between two tags one line break: a run at the end of the parts, the break and a run at the start
    of ``body`` are one such run (the end of the parts loses it, the start of ``body`` is the break)."""
    last = next((i for i in range(len(parts) - 1, -1, -1) if parts[i]), None)
    tail = _TAIL.search(parts[last]) if last is not None else None
    head = _HEAD.match(body)
    if tail is None or head is None:
        return "\n" + body
    parts[last] = parts[last][:tail.start()]
    return "\n" + body[head.end():]


def _notebook_of(nb, cells):
    """A notebook of ``cells`` with ``nb``'s format version, for the exporter (plain Python metadata)."""
    from nbformat import NotebookNode

    return NotebookNode(nbformat=nb.get("nbformat", 4), nbformat_minor=nb.get("nbformat_minor", 5),
                        metadata=NotebookNode(language_info=NotebookNode(name="python")), cells=cells)


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
    page = ReportPage(notebooks=len(notebooks), lang=lang, roots=roots)
    for k, nb in enumerate(notebooks):
        page.finish_notebook(k, nb)
    return page.html(client=client, period=period, previous=previous, generated=generated)
