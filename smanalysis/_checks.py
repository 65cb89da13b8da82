"""Options, checked and read once for every layer (see STYLE: errors).

:func:`check_choice` is the one check for a bad option, with the library's message; call it
directly where an option is checked (no wrappers); for languages:
``check_choice("lang", lang, LANGS)`` with :data:`smanalysis.words.LANGS`.
:func:`as_list` reads a ``by``-style option for every layer. The ``timezone`` option is read by
:func:`smanalysis.schema.resolve_timezone`, beside the default it falls back to.
"""

from __future__ import annotations

__all__ = ["check_choice", "as_list"]


def as_list(by) -> list:
    """``by`` as a list of column names: None -> [], a name -> [name], else ``list(by)``.

    >>> as_list(None), as_list("platform"), as_list(("platform", "account"))
    ([], ['platform'], ['platform', 'account'])
    """
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    return list(by)


def check_choice(name: str, value, allowed, *, where: str | None = None):
    """Return ``value`` when it is in ``allowed``, else raise the library's ValueError.

    Parameters
    ----------
    name : str
        Parameter name, shown in backticks.
    value
        The value passed.
    allowed : iterable
        The allowed values, listed in the message in this order.
    where : str, optional
        Prefix naming the function or file (``"growth: the value for ..."``).

    Examples
    --------
    >>> check_choice("lang", "id", ("id", "en"))
    'id'
    >>> check_choice("lang", "fr", ("id", "en"), where="plot_x")
    Traceback (most recent call last):
    ...
    ValueError: plot_x: the value for `lang` must be one of ['id', 'en'], but 'fr' was passed.
    """
    allowed = list(allowed)
    if value not in allowed:
        head = f"{where}: the value" if where else "The value"
        raise ValueError(f"{head} for `{name}` must be one of {allowed}, but {value!r} was passed.")
    return value
