"""The layout registry: :class:`FormatSpec` (one real export layout), :data:`FORMATS` and :func:`norm_header`.

The layouts themselves are declared in :mod:`smanalysis.io.formats` (post exports,
tools) and :mod:`smanalysis.io.formats_daily` (account-level daily series,
audience, video); both register here with :func:`add_format`.

Examples
--------
>>> norm_header("  Tweet  ID ")
'tweet id'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["FormatSpec", "FORMATS", "norm_header", "add_format"]


def norm_header(name) -> str:
    """Normalise a header cell for matching: NFKC, lower case, single spaces.

    Examples
    --------
    >>> norm_header('\\ufeff"Post ID"')
    'post id'
    """
    text = str(name)
    return _norm(text) if len(text) <= 200 else _norm.__wrapped__(text)  # a long cell is no header name: not kept


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=8192)  # a file's header is matched against every layout: the same cells, many times
def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).replace("\ufeff", "").strip().strip('"').strip()
    return _SPACES.sub(" ", s).lower()


@dataclass(frozen=True)
class FormatSpec:
    """One real export layout.

    Attributes
    ----------
    name : str
        Format name reported in ``ReadResult.format``.
    table : str
        Canonical table the format feeds.
    columns : tuple of str
        Header as the platform writes it (English, current variant).
    fields : dict
        Internal field -> tuple of accepted header names (any language/variant).
    signature : tuple of str
        Internal fields that must all be present for detection; ``"a|b"`` asks for either
        (YouTube's ``Totals.csv`` holds whichever metric the chart showed).
    platform : str or None
        Platform, when the format belongs to one.
    note : str
        Provenance of the layout.
    priority : int
        Breaks ties of detection: a layout that contains another's signature (the Meta video export
        holds the post export's columns) wins when its own signature is complete.
    """

    name: str
    table: str
    columns: tuple
    fields: dict
    signature: tuple
    platform: str | None = None
    note: str = ""
    container: str = "csv"
    priority: int = 0
    alias_index: dict = field(default_factory=dict, compare=False, repr=False)

    def header_name(self, entry: str) -> str:
        """The English header of a signature entry (``"a|b"`` -> ``"A or B"``)."""
        return " or ".join(self.fields[f][0] for f in entry.split("|"))

    def missing(self, cols) -> list:
        """Header names of the signature entries that ``cols`` (field -> header) does not satisfy."""
        return [self.header_name(e) for e in self.signature if not any(f in cols for f in e.split("|"))]

    def __post_init__(self):
        idx = {}
        for f, names in self.fields.items():
            for n in names:
                idx.setdefault(norm_header(n), f)
        object.__setattr__(self, "alias_index", idx)


FORMATS: dict[str, FormatSpec] = {}


def add_format(spec: FormatSpec) -> FormatSpec:
    """Register ``spec`` in :data:`FORMATS` (by its name) and return it."""
    FORMATS[spec.name] = spec
    return spec
