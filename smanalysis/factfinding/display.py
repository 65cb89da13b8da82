"""Notebook display helpers of the workflow: words from :mod:`smanalysis.words` as Markdown cells.

:func:`md` shows one entry of the catalogue in a notebook cell, :func:`show` shows a result or a
note when it is empty. :func:`is_empty` and :func:`decimal` are the small helpers the workflow
modules share.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..words import text

__all__ = ["md", "show", "is_empty", "decimal"]


def md(key: str, lang: str = "id", **fields: Any):
    """:func:`smanalysis.words.text` wrapped as :class:`IPython.display.Markdown` for a notebook cell;
    text fields (client and competitor names...) are escaped (:func:`smanalysis.markup.escape_markdown`).

    Examples
    --------
    >>> md("nb.no_data", "en").data
    'No data for this section.'
    """
    from IPython.display import Markdown

    from ..markup import escape_markdown

    safe = {k: escape_markdown(v) if isinstance(v, str) else v for k, v in fields.items()}
    return Markdown(text(key, lang, **safe))


def show(obj: Any, lang: str = "id", *, source: Any = None):
    """``obj`` itself, or a note when it is missing or empty.

    The note is "no data for this section" when there is no data to look at, and
    "nothing found" when ``source`` (the data ``obj`` was taken from) is not empty:
    an empty list of problems in a full plan is good news, not missing data.

    Examples
    --------
    >>> import pandas as pd
    >>> show(pd.DataFrame(), "en").data
    '*No data for this section.*'
    >>> show(pd.DataFrame(), "en", source=pd.DataFrame({"a": [1]})).data
    '*Nothing found: every row passes this check.*'
    >>> show(pd.DataFrame({"a": [1]})).shape
    (1, 1)
    """
    from IPython.display import Markdown

    if not is_empty(obj):
        return obj
    return Markdown(f"*{text('nb.no_data' if is_empty(source) else 'nb.none_found', lang)}*")


def is_empty(obj: Any) -> bool:
    """True for None and for an empty DataFrame or Series.

    >>> is_empty(None), is_empty(pd.DataFrame()), is_empty(pd.Series([1]))
    (True, True, False)
    """
    return obj is None or (isinstance(obj, (pd.DataFrame, pd.Series)) and obj.empty)


def decimal(x: float, lang: str, digits: int = 1) -> str:
    """A number with a decimal comma in Indonesian, a decimal point in English.

    >>> decimal(2.5, "id"), decimal(2.5, "en")
    ('2,5', '2.5')
    """
    out = f"{x:.{digits}f}"
    return out.replace(".", ",") if lang == "id" else out
