"""Escaping user-written text for Markdown and HTML (one escaper for every report path).

Names of clients and competitors, themes, captions and codebook labels come from files other
people wrote. Before they go into Markdown (notebook messages, report sections) they pass through
:func:`escape_markdown`: HTML-escaped (so ``<img src=...>`` shows as text) and Markdown-inert (so
``*``, ``[...](...)``, ``#`` and ``!`` do nothing). The HTML report's sanitiser
(:func:`smanalysis.reporting.html.sanitize`) is the second line: it drops any link target or image
source that is not inside the page.

Examples
--------
>>> print(escape_markdown('<img src="https://x.example/p.png"> *promo* & #1'))
&lt;img src="https://x.example/p.png"&gt; \\*promo\\* &amp; \\#1
"""

from __future__ import annotations

import html
import re

__all__ = ["escape_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!$])")


def escape_markdown(text) -> str:
    """Make user-written text safe inside Markdown: HTML-escaped and Markdown-inert.

    Parameters
    ----------
    text : object
        Converted with ``str``.

    Returns
    -------
    str

    Examples
    --------
    >>> print(escape_markdown("<script>alert('x')</script> *promo* & #1"))
    &lt;script&gt;alert('x')&lt;/script&gt; \\*promo\\* &amp; \\#1
    >>> print(escape_markdown("[menang](https://x.example) $5"))
    \\[menang\\](https://x.example) \\$5
    """
    return html.escape(_MD_SPECIAL.sub(r"\\\1", str(text)), quote=False)
