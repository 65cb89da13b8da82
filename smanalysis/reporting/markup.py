"""Make people's text safe inside the report's Markdown (the words themselves are in
:mod:`smanalysis.words`)."""

from __future__ import annotations

from ..markup import escape_markdown

__all__ = ["esc"]

#: user-written text made safe inside Markdown: the one escaper, :func:`smanalysis.markup.escape_markdown`
esc = escape_markdown
