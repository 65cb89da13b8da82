"""Make people's text safe inside the report's Markdown (the words themselves are in
:mod:`smanalysis.words`)."""

from __future__ import annotations

import html
import re

__all__ = ["esc"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def esc(text) -> str:
    """Make user-written text safe inside Markdown: HTML-escaped and Markdown-inert.

    Examples
    --------
    >>> print(esc("<script>alert('x')</script> *promo* & #1"))
    &lt;script&gt;alert('x')&lt;/script&gt; \\*promo\\* &amp; \\#1
    """
    return html.escape(_MD_SPECIAL.sub(r"\\\1", str(text)), quote=False)
