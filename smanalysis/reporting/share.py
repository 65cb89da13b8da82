"""Share a report: the full report as PDF and its first screen as a PNG card (for WhatsApp).

Both are made by a real renderer, headless Chromium (:mod:`smanalysis.reporting.browser`), from
the report page itself, so they show exactly what the page shows.

Examples
--------
>>> page = '<main><h1 id="a">Intinya</h1><p>Baik.</p><h1 id="b">Ringkasan</h1><p>x</p></main>'
>>> "Baik." in card_html(page, title="Intinya", client="Kopi Senja", period="1–31 Okt 2026")
True
>>> "Ringkasan" in card_html(page, title="Intinya", client="Kopi Senja", period="1–31 Okt 2026")
False
"""

from __future__ import annotations

import html as _html
from pathlib import Path

from .browser import render_pdf, render_png
from ..words import text

__all__ = ["card_html", "write_share"]

_CARD_CSS = """
body { margin: 0; background: #fbfaf8; font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial,
       sans-serif; color: #1f2328; }
.card { width: 540px; box-sizing: border-box; padding: 18px 22px 14px; background: #fff;
        border-top: 6px solid #b35c1e; }
.card h1 { font-size: 20px; margin: 0 0 2px; }
.card .period { color: #59636e; margin: 0 0 8px; }
.card ul, .card ol { margin: 4px 0 8px; padding-left: 22px; }
.card p { margin: 6px 0; }
.card footer { color: #59636e; font-size: 12px; margin-top: 8px; }
"""


def card_html(report_html: str, *, title: str, client: str, period: str, footer: str = "smanalysis") -> str:
    """A small page (540 px wide) with the report's story section: what the card PNG shows.

    Parameters
    ----------
    report_html : str
        The report page (already sanitised: the card copies its markup as it is).
    title : str
        Heading text of the story section (``text("section.story", lang)``).
    client, period : str
        Shown at the top of the card (escaped here).
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(report_html, "html.parser")
    head = next((h for h in soup.find_all("h1") if h.get_text(" ", strip=True) == title), None)
    parts = []
    if head is not None:
        for el in head.find_all_next():
            if el.name == "h1":
                break
            if el.name in ("p", "ul", "ol") and not el.find_parent(["ul", "ol"]):
                parts.append(str(el))
    body = "\n".join(parts[1:] if parts and client in parts[0] else parts)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_CARD_CSS}</style></head><body>'
            f'<div class="card" id="card"><h1>{_html.escape(client)}</h1><p class="period">{_html.escape(period)}</p>'
            f'{body}<footer>{_html.escape(footer)}</footer></div></body></html>')


def write_share(client_dir, *, client: str, period: str, lang: str = "id") -> list[Path]:
    """Write ``report.pdf`` and ``summary.png`` (the story card) next to ``report.html``.

    Returns the paths written. Raises :class:`~smanalysis.reporting.browser.BrowserError` when
    Chromium is missing.
    """
    client_dir = Path(client_dir)
    page = client_dir / "report.html"
    pdf = render_pdf(page, client_dir / "report.pdf")
    card = client_dir / ".card.html"
    card.write_text(card_html(page.read_text(encoding="utf-8"), title=text("section.story", lang), client=client,
                              period=period), encoding="utf-8")
    try:
        png = render_png(card, client_dir / "summary.png", width=540, selector="#card")
    finally:
        card.unlink(missing_ok=True)
    return [pdf, png]
