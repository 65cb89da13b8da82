"""The words catalogue: every user-facing word of smanalysis, in Bahasa Indonesia and English.

One shape, ``key -> (id, en)``, in :data:`WORDS`; one way to read it, :func:`text`; one list
of languages, :data:`LANGS`. Check a ``lang`` option at a public boundary with the library's one
checker, called directly::

    from smanalysis._checks import check_choice
    from smanalysis.words import LANGS, text

    check_choice("lang", lang, LANGS)
    title = text("plot.media.top", lang, m="ER")

Keys are dotted by topic; the entries live in the topic files of this package (data only):

========================  ==========================================================
``_workflow``             fact finding, plan review, execution, notebooks 01-03
``_report``               ``report.*``, ``section.*``, ``page.*``
``_labels``               ``col.*`` (table columns), ``value.*`` (coded values),
                          ``freq.*``, ``weekday.*``, ``weekday_short.*``, ``month.*``
``_plots``                ``plot.*`` chart titles and axis labels
``_layers``               ``kpi.verdict.*``, ``verdict.*``, ``influence.*``, ``tier.*``,
                          ``load.*``
========================  ==========================================================

To add a word: add one entry to the topic file; ``tests/test_words.py`` checks that both
languages are filled and use the same ``{fields}``. Nothing else registers words, and no module
keeps a table of its own. Metric labels and definitions stay with the metric registry
(:mod:`smanalysis.media`).

This package is at the ground floor: it imports nothing of smanalysis but
:mod:`smanalysis._checks`.

Examples
--------
>>> text("plot.no_data", "en")
'No data'
>>> text("influence.rank", "id", pr=3, n=109)
'peringkat pengaruh 3 dari 109'
>>> code_label("col", "reply_rate", "en"), code_label("col", "not_a_column", "en")
('reply rate', 'not_a_column')
"""

from __future__ import annotations

from typing import Any

from .._checks import check_choice
from . import _labels, _layers, _plots, _report, _workflow

__all__ = ["LANGS", "WORDS", "text", "plural", "code_label"]

#: The languages of every entry, in the order of the pairs: Bahasa Indonesia (default), English.
LANGS = ("id", "en")


def _merge(*parts: dict) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = sorted(set(out) & set(part))
        if twice:
            raise RuntimeError(f"words: keys defined twice: {twice}")
        out.update(part)
    return out


#: key -> (Bahasa Indonesia, English); read it with :func:`text` or :func:`code_label`.
WORDS: dict[str, tuple[str, str]] = _merge(_workflow.WORDS, _report.WORDS, _labels.WORDS, _plots.WORDS,
                                           _layers.WORDS)


def text(key: str, lang: str = "id", /, **fields: Any) -> str:
    """The words ``key`` in ``lang``, with the ``{fields}`` filled in.

    Parameters
    ----------
    key : str
        A key of :data:`WORDS`, e.g. ``"report.no_data"``.
    lang : {"id", "en"}
        Bahasa Indonesia or English.
    **fields
        Values for the ``{placeholders}``; used as given (escape people's text for HTML or
        Markdown before passing it).

    Returns
    -------
    str

    Raises
    ------
    ValueError
        When ``lang`` is not one of :data:`LANGS` or ``key`` is not in the catalogue.
    KeyError
        When a ``{field}`` of the entry is not given.

    Examples
    --------
    >>> text("report.no_data", "en", what="comments")
    'No comments in this period: this section is left empty.'
    >>> text("section.media")
    'Lapisan 1: Media'
    >>> text("report.no_data", "fr")
    Traceback (most recent call last):
    ...
    ValueError: The value for `lang` must be one of ['id', 'en'], but 'fr' was passed.
    """
    check_choice("lang", lang, LANGS)
    try:
        pair = WORDS[key]
    except KeyError:
        raise ValueError(f"The value for `key` must be a key of smanalysis.words.WORDS, but {key!r} was passed.") \
            from None
    out = pair[LANGS.index(lang)]
    return out.format(**fields) if fields else out


def plural(key: str, n: float, lang: str = "id", /, **fields: Any) -> str:
    """The words ``key`` for a count ``n``, with the plural rules of ``lang`` (CLDR, through Babel):
    the entry ``"{key}.one"`` when ``n`` takes the singular (English "1 interaction"), else ``key``.
    Indonesian nouns do not change with the count. ``n`` is passed on as the field ``{n}`` too.

    Examples
    --------
    >>> plural("influence.brand", 1, "en", bi=1), plural("influence.brand", 2, "en", bi=2)
    ('1 interaction with the brand', '2 interactions with the brand')
    >>> plural("influence.brand", 1, "id", bi=1)
    '1 interaksi dengan merek'
    """
    from babel import Locale

    check_choice("lang", lang, LANGS)
    try:
        form = Locale.parse(lang).plural_form(abs(float(n)))
    except (TypeError, ValueError):
        form = "other"
    one = f"{key}.one"
    chosen = one if form == "one" and one in WORDS else key
    fields.setdefault("n", n)
    return text(chosen, lang, **fields)


def code_label(kind: str, name: Any, lang: str = "id") -> Any:
    """The label of a code (a column name, a coded value, a frequency) in ``lang``; the code
    itself when the catalogue has no ``"{kind}.{name}"`` entry (and anything not a string unchanged).

    Parameters
    ----------
    kind : str
        The family of codes: ``"col"``, ``"value"``, ``"freq"``, ``"weekday"``, ``"month"`` ...
    name : object
        The code.
    lang : {"id", "en"}

    Examples
    --------
    >>> code_label("value", "complaint", "id"), code_label("value", 3, "id")
    ('keluhan', 3)
    >>> code_label("weekday", 5, "en")
    'Saturday'
    """
    check_choice("lang", lang, LANGS)
    if isinstance(name, bool) or not isinstance(name, (str, int)):
        return name
    pair = WORDS.get(f"{kind}.{name}")
    return pair[LANGS.index(lang)] if pair else name
