"""A sanitised fragment of the report written as BeautifulSoup writes it, its headings given ids,
without building a tree.

The page's fragments come out of the sanitiser (:func:`smanalysis.reporting.html.sanitize`) as
html5lib writes them: well nested, every attribute quoted, ``&``, ``<`` and ``>`` escaped. Most of
them are *plain*: nothing but text, the entities ``&amp;``, ``&lt;`` and ``&gt;``, end tags and
start tags of the sanitiser's allowed tags whose attribute values hold no ``"``, ``<`` or ``>``
and whose ``class`` is already single-spaced. What BeautifulSoup (``html.parser``, its default
formatter) writes back from a plain fragment is known token by token: the same text and end tags,
start tags with their attributes sorted by name, empty elements written ``<br/>``, a string of ASCII
white space alone (outside ``<pre>``) written as one line break or one space; :func:`plain_headings`
writes that, and gives the headings their ids as the page does with BeautifulSoup, in a tenth of
the time. Any other fragment (other entities, comments, quotes in attributes, ...) gives None: the
caller parses it with BeautifulSoup. The tests compare both on generated fragments.

Examples
--------
>>> html, toc = plain_headings('<h2 id="a">A &amp; B<a class="anchor-link" href="#a"></a></h2><br>x',
...                            levels=("h1", "h2"), seen={"a"}, count=0)
>>> html
'<h2 id="a-2">A &amp; B</h2><br/>x'
>>> toc
[{'level': 2, 'id': 'a-2', 'text': 'A & B'}]
>>> plain_headings("<p>&nbsp;</p>", levels=("h1",), seen=set(), count=0) is None
True
"""

from __future__ import annotations

import functools
import html as _html
import re

__all__ = ["plain_headings", "plain_described"]

_ENTITY = r"&(?:amp|lt|gt|quot|#39|#x27);"
_VALUE = rf'"[^"<>&]*+(?:{_ENTITY}[^"<>&]*+)*+"'
_ATTR = rf" [a-z][a-z-]*+={_VALUE}"
_PLAIN = re.compile(rf"(?:[^<>&]++|{_ENTITY}|</[a-z][a-z0-9]*+>|<[a-z][a-z0-9]*+(?:{_ATTR})*+[ \n]*+/?>)*+")
_TOKEN = re.compile(rf"([^<>&]++|{_ENTITY})|</([a-z][a-z0-9]*+)>|<([a-z][a-z0-9]*+)((?:{_ATTR})*+)[ \n]*+(/?)>")
_NAME = re.compile(r"</?([a-z][a-z0-9]*)")
_ATTRS = re.compile(r' ([a-z][a-z-]*)="([^"]*)"')
#: tags whose content BeautifulSoup or html.parser keep apart (raw text, their own kinds of string)
_APART = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
                    "plaintext", "template", "rt", "rp", "svg", "math"})


@functools.lru_cache(maxsize=1)
def _soup_rules():
    """BeautifulSoup's own (``html.parser``): the empty elements it writes as ``<tag/>``, the tags
    inside which it keeps white space, the characters it counts as white space there, and the
    attributes it keeps as lists of words (``class``...)."""
    from bs4 import BeautifulSoup
    from bs4.builder import HTMLParserTreeBuilder

    builder = HTMLParserTreeBuilder()
    return (frozenset(builder.empty_element_tags), frozenset(builder.preserve_whitespace_tags),
            BeautifulSoup.ASCII_SPACES, {k: frozenset(v) for k, v in builder.cdata_list_attributes.items()})


def _text(value: str) -> str:
    """A text or attribute value as BeautifulSoup writes it (``&``, ``<``, ``>`` escaped)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quoted(value: str) -> str:
    """An attribute value (decoded) as BeautifulSoup writes it, quotes included."""
    value = _text(value)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def _blank(text: str) -> str:
    """A string of white space alone as BeautifulSoup keeps it: one line break, or one space."""
    return "\n" if "\n" in text else " "


def _plain(body: str, tags) -> bool:
    """Whether ``body`` is made of plain tokens only, its tags among ``tags`` (any but those
    BeautifulSoup keeps apart when None)."""
    if _PLAIN.fullmatch(body) is None:
        return False
    names = set(_NAME.findall(body))
    return names <= tags if tags is not None else not names & _APART


def plain_headings(body: str, *, levels, seen: set, count: int, tags=None):
    """``(html, contents)`` of a plain fragment (see the module docstring), or None.

    The fragment is written as BeautifulSoup (``html.parser``, its default formatter) writes it:
    attributes sorted by name, empty elements as ``<br/>``, a string of ASCII white space alone
    (outside ``<pre>``) as one line break or one space. Each heading of ``levels`` loses its
    ``<a class="anchor-link">`` links and gets a unique id: its own or ``section-<count>``
    (``count`` counts the headings before), ``-2``, ``-3``... added when the id is in ``seen``.
    ``seen`` gets the new ids only when the fragment is plain.

    Parameters
    ----------
    body : str
        The sanitised fragment.
    levels : tuple of str
        The heading tags listed in the page's contents (``("h1", "h2")``).
    seen : set of str
        The ids given so far.
    count : int
        How many headings came before.
    tags : set of str, optional
        The only tag names the fragment may hold (the sanitiser's allow-list).

    Returns
    -------
    tuple of (str, list of dict) or None
        The fragment as BeautifulSoup writes it and its headings (``level``, ``id``, ``text`` as
        ``get_text(" ", strip=True)`` gives it), in order; None when the fragment is not plain.
    """
    if not _plain(body, tags):
        return None
    got = _walk(body, levels, seen, count, None)
    return None if got is None else got[:2]


def plain_described(body: str, *, alt: str):
    """``(html, missing)``: nbconvert's HTML of some cells as BeautifulSoup writes it, every image
    without an ``alt`` text given ``alt`` (``missing`` of them); None when the HTML is not plain.

    Examples
    --------
    >>> plain_described('<div class="a  b">\\n\\n<img src="x.png" />&quot;</div>', alt="-")
    ('<div class="a b">\\n<img alt="-" src="x.png"/>"</div>', 1)
    """
    if not _plain(body, None):
        return None
    got = _walk(body, (), set(), 0, alt)
    return None if got is None else (got[0], got[2])


def _walk(body, levels, seen, count, alt):
    """The plain fragment ``body`` token by token: ``(html, contents, images given alt)``, or None
    when its tags are not nested or an attribute comes twice."""
    empty, keep_space, spaces, lists = _soup_rules()
    words_all = lists.get("*", frozenset())
    out: list[str] = []
    runs: list[str] = []  # the strings (decoded), as BeautifulSoup keeps them (a tag ends one)
    pieces: list[str] = []  # of the string being read
    stack: list[str] = []  # open elements
    keep = 0  # open elements keeping white space
    open_h: list[tuple[int, dict, int]] = []  # (depth, entry, first string) of the open headings
    toc: list[dict] = []
    ids = set(seen)
    skip = None  # depth of the anchor link being left out
    missing = 0

    def flush():
        if pieces:
            text = "".join(pieces)
            pieces.clear()
            if "&" in text:
                text = _html.unescape(text)
            if not keep and not text.strip(spaces):
                text = _blank(text)
            if skip is None:
                runs.append(text)
                out.append(_text(text))

    for m in _TOKEN.finditer(body):
        text, end, start, attrs, closed = m.groups()
        if text is not None:
            pieces.append(text)
            continue
        flush()
        if end is not None:
            if not stack or stack[-1] != end:
                return None
            stack.pop()
            keep -= end in keep_space
            if skip is not None:
                if len(stack) == skip:
                    skip = None
                continue
            if open_h and open_h[-1][0] == len(stack):
                _, entry, first = open_h.pop()
                strings = (r.strip() for r in runs[first:])
                entry["text"] = " ".join(s for s in strings if s)
            out.append(m.group(0))
            continue
        pairs = {}
        for k, v in _ATTRS.findall(attrs):
            if k in pairs:
                return None  # BeautifulSoup keeps the last value in the first place
            v = _html.unescape(v) if "&" in v else v
            pairs[k] = " ".join(v.split()) if k in words_all or k in lists.get(start, ()) else v
        if skip is not None:
            if start in levels:
                return None  # a heading inside a link left out: BeautifulSoup's order is another
            if start not in empty and not closed:
                stack.append(start)
                keep += start in keep_space
            continue
        if start == "a" and open_h and "anchor-link" in pairs.get("class", "").split():
            if not closed:
                skip = len(stack)
                stack.append(start)
            continue
        if start in levels:
            hid = pairs.get("id") or f"section-{count}"
            count += 1
            base, n = hid, 1
            while hid in ids:
                n += 1
                hid = f"{base}-{n}"
            ids.add(hid)
            pairs["id"] = hid
            entry = {"level": int(start[1]), "id": hid, "text": ""}
            toc.append(entry)
            if not closed:
                open_h.append((len(stack), entry, len(runs)))
        if alt is not None and start == "img" and "alt" not in pairs:
            pairs["alt"] = alt
            missing += 1
        tag = start + "".join(f" {k}={_quoted(v)}" for k, v in sorted(pairs.items()))
        if start in empty:
            out.append(f"<{tag}/>")
        elif closed:  # <a ... />: html.parser's start and end tag
            out.append(f"<{tag}></{start}>")
        else:
            stack.append(start)
            keep += start in keep_space
            out.append(f"<{tag}>")
    flush()
    if stack:
        return None
    seen |= ids
    return "".join(out), toc, missing
