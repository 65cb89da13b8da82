"""The one check for a bad option, with the library's message (see STYLE: errors).

Call it directly where an option is checked (no wrappers); for languages:
``check_choice("lang", lang, LANGS)`` with :data:`smanalysis.words.LANGS`.
"""

from __future__ import annotations


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
