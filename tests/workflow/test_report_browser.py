"""The sample report as its readers see it: headless Chromium at 1366 px (laptop) and 390 px (phone).

Checks, in Indonesian and English: no horizontal overflow of the page, chart text readable at the
rendered size (at least 9 CSS px), every image with a real alt text, no raw Python/pandas tokens
(True/False/NaN/None...), no words of the other language or code names left untranslated.
Screenshots land in ``tests/output/browser/`` (git-ignored) for a person to look at.

Chromium is Debian's ``chromium`` (``.ci/run`` installs it); without it the test is skipped
locally and fails in CI (``CI`` set).
"""

from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

import pytest

from smanalysis.reporting.browser import Browser, find_chromium

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "output" / "browser"
CONFIG = ROOT / "data" / "sample" / "client.yaml"

#: what the page must never show (a raw value printed instead of words)
RAW = re.compile(r"(?<![\w-])(True|False|NaN|NaT|None|nan|<NA>)(?![\w-])")

#: words or code names that must not appear in a report of that language
UNTRANSLATED = {
    "id": ["followers_end", "followers_start", "net_new_followers", "negative", "positive", "(none)", "micro",
           "food & beverage", "No description has been provided", "register:", "emoji:", "pseudonymise",
           "robust z", "skor z robust", "modularitas", "kepadatan", "Tema dari buku kode", "engagement lebih tinggi",
           "baris ditolak pembaca", "Untuk / for", " for ", "interactions", "rows rejected", "betweenness",
           "inti (k-core)", "k-core 4", "ENGAGEMENT_DEFINITIONS", "(NMF)", "codebook", "deeper analysis",
           "jenis konten engagement", "jenis konten news", "promotion", "warning", "fallback", "measured",
           "skipped", "unplanned", "off_hours", "strong", "moderate", "register:"],
    # (Indonesian words people wrote, e.g. a rising term "tidak worth", are data and may stay)
    "en": ["pengguna_", "Periode ", "unggahan", "pengikut", "komentar", "tidak ada", "belum ", "Untuk", "dibandingkan",
           "1 interactions", "1 posts", "1 comments", "No description has been provided", "pseudonymise",
           "ENGAGEMENT_DEFINITIONS", "(NMF)", "Analisis lanjutan", "1 unplanned posts", "perkiraan nasional",
           "perlu dibereskan", "terlewat", "jam buka", "Content type engagement", "register:"],
}

# code names: snake_case words (handles start with @, pseudonyms are user_/pengguna_ + hex, the brand's
# and competitors' own handles are names, file names end in an extension: allowed)
SNAKE = re.compile(r"(?<![@\w./#-])([a-z]+_[a-z0-9_]+)(?!\w|\.\w)")
ALLOWED_SNAKE = re.compile(r"^(pengguna|user)_[0-9a-f]{4,}$")


#: a number written with the other language's marks: a decimal comma in English ("8,8%", "+0,42"),
#: a decimal point in an Indonesian percentage or signed figure ("5.4%", "+0.42"); times ("19.51") are fine
WRONG_MARKS = {"en": re.compile(r"(?<![\d,.])[+-]?\d+,\d{1,2}(?:%|(?![\d]))"),
               "id": re.compile(r"(?<![\d.,])(?:\d+\.\d{1,2}%|[+-]\d+\.\d{2}(?![\d.]))")}


def _handles() -> set[str]:
    from smanalysis.profile import load_profile

    p = load_profile(ROOT / "data" / "sample" / "profile.yaml")
    return {h.lower() for h in (*p.brand_handles, *p.competitor_handles)}

_PAGE_FACTS = r"""
(() => {
  const d = document.documentElement, W = window.innerWidth;
  const imgs = [...document.images].map((im, i) => {
    const r = im.getBoundingClientRect();
    return {i, alt: im.getAttribute("alt"), w: r.width, natural: im.naturalWidth,
            svg: (im.getAttribute("src") || "").startsWith("data:image/svg+xml"),
            right: r.right, visible: r.width > 0};
  });
  // elements sticking out to the right that are not inside a scroll box
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right <= W + 1 || r.width === 0) continue;
    let p = el.parentElement, scrolled = false;
    while (p && p !== document.body) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === "auto" || ox === "scroll") { scrolled = true; break; }
      p = p.parentElement;
    }
    if (!scrolled) out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  }
  // text cells: left-aligned
  const rightText = [...document.querySelectorAll("td")].filter(td =>
      /[A-Za-z]{3,}/.test(td.textContent) && !/^[\s\d.,%+\-–]+$/.test(td.textContent)
      && getComputedStyle(td).textAlign === "right").length;
  return {scrollWidth: d.scrollWidth, width: W, height: d.scrollHeight, images: imgs,
          sticking_out: out.slice(0, 10), right_aligned_text_cells: rightText,
          text: document.body.innerText};
})()
"""


def _svg_min_font_px(src: str, rendered_width: float) -> float | None:
    """Smallest chart text in CSS px at the rendered size: the figure notes its smallest font (pt)
    in a comment; the SVG's user unit is the pt of its viewBox."""
    svg = base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
    m = re.search(r"smanalysis:min-font-pt=([\d.]+)", svg)
    vb = re.search(r'viewBox="[\d.\s-]+?\s([\d.]+)\s[\d.]+"', svg)
    if not (m and vb):
        return None
    return float(m.group(1)) * rendered_width / float(vb.group(1))


def _render_both_languages(tmp_path_factory, folder, **options):
    """Build the sample report in id and en (skip without Chromium; fail in CI); lang -> report.html."""
    if not find_chromium():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    from smanalysis.reporting import run_client

    out = tmp_path_factory.mktemp(folder)
    pages = {}
    for lang in ("id", "en"):
        res = run_client(CONFIG, out=out / lang, lang=lang, **options)
        assert res["status"] == "ok", res
        pages[lang] = out / lang / res["slug"] / "report.html"
    return pages


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return _render_both_languages(tmp_path_factory, "browser")


_FACTS: dict = {}


def _facts(reports, lang):
    """Render the report at both widths once per language: screenshots plus what the page shows."""
    if lang not in _FACTS:
        page = reports[lang]
        OUT.mkdir(parents=True, exist_ok=True)
        got = {}
        with Browser() as b:
            for width in (1366, 390):
                b.open(page, width=width, height=844 if width < 700 else 900)
                got[width] = b.evaluate(_PAGE_FACTS)
                b.screenshot(OUT / f"{lang}_{width}.png")
                b.screenshot(OUT / f"{lang}_{width}_first_screen.png", full_page=False)
                (OUT / f"{lang}_{width}_facts.json").write_text(
                    json.dumps({k: v for k, v in got[width].items() if k != "text"}, indent=1), encoding="utf-8")
        _FACTS[lang] = (page.read_text(encoding="utf-8"), got)
    return _FACTS[lang]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_layout_in_a_real_browser(reports, lang):
    """No sideways scrolling, chart text at least 9 px, text cells left-aligned, real alt texts."""
    html, got = _facts(reports, lang)
    srcs = re.findall(r'<img[^>]*?src="([^"]+)"', html)
    problems = []
    for width, facts in got.items():
        where = f"{lang} at {width} px"
        if facts["scrollWidth"] > facts["width"] + 1:
            problems.append(f"{where}: page scrolls sideways ({facts['scrollWidth']} > {facts['width']} px): "
                            f"{facts['sticking_out']}")
        if facts["right_aligned_text_cells"]:
            problems.append(f"{where}: {facts['right_aligned_text_cells']} text cells right-aligned")
        for im in facts["images"]:
            if not im["visible"]:
                continue
            src = srcs[im["i"]] if im["i"] < len(srcs) else ""
            if im["svg"]:
                px = _svg_min_font_px(src, im["w"])
                if px is None:
                    problems.append(f"{where}: chart {im['i']} does not say its smallest font")
                elif px < 9:
                    problems.append(f"{where}: chart {im['i']} text {px:.1f} px (< 9 px)")
            elif im["natural"] and im["w"] / im["natural"] < 0.7:
                problems.append(f"{where}: bitmap chart {im['i']} shrunk to {im['w'] / im['natural']:.0%}")
    imgs = re.findall(r"<img\b[^>]*>", html)
    for tag in imgs:
        alt = re.search(r'alt="([^"]*)"', tag)
        if not alt or len(alt.group(1).strip()) < 15 or "No description" in alt.group(1):
            problems.append(f"{lang}: image without a real alt text: {tag[:80]!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_shows_no_raw_values(reports, lang):
    """No True/False/NaN/None printed where a reader expects words."""
    _, got = _facts(reports, lang)
    text = got[1366]["text"] + "\n" + got[390]["text"]
    raw = [text[max(0, m.start() - 40):m.end() + 40] for m in RAW.finditer(text)]
    assert not raw, raw[:20]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_has_no_untranslated_tokens(reports, lang):
    """No word of the other language, no code name (snake_case) in the text a reader sees."""
    _, got = _facts(reports, lang)
    # both widths: a phone shows table headers as card labels (CSS), a laptop as header cells
    text = got[1366]["text"] + "\n" + got[390]["text"]
    problems = []
    for word in UNTRANSLATED[lang]:
        if word in text:
            i = text.index(word)
            problems.append(f"untranslated {word!r} near {text[max(0, i - 40):i + 40]!r}")
    handles = _handles()
    for m in SNAKE.finditer(text):
        if not ALLOWED_SNAKE.match(m.group(1)) and m.group(1).lower() not in handles:
            problems.append(f"code name {m.group(1)!r} near {text[max(0, m.start() - 30):m.end() + 30]!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_numbers_in_the_readers_marks(reports, lang):
    """Every figure goes through the one formatter with the report's language: no "8,8%" in English,
    no "5.4%" in Indonesian, in any section."""
    _, got = _facts(reports, lang)
    text = got[1366]["text"]
    wrong = [text[max(0, m.start() - 40):m.end() + 20] for m in WRONG_MARKS[lang].finditer(text)]
    assert not wrong, wrong[:20]


@pytest.fixture(scope="module")
def analyst(tmp_path_factory):
    """The analyst document (``--notebooks all``: steps 01-03 and the evaluation) in both languages."""
    return _render_both_languages(tmp_path_factory, "analyst", notebooks="all")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_analyst_document_reads_like_the_report(analyst, lang):
    """`--notebooks all`: every step's tables through the same formatter (no index column, no
    snake_case headers, no True/False/NaN, no 19-digit ids, no "..." cuts), one language, the
    reader's number marks, no sideways scrolling at 1366 and 390 px."""
    got = {}
    with Browser() as b:
        for width in (1366, 390):
            b.open(analyst[lang], width=width, height=844 if width < 700 else 900)
            got[width] = b.evaluate(_PAGE_FACTS)
            b.screenshot(OUT / f"analyst_{lang}_{width}_first_screen.png", full_page=False)
    text = got[1366]["text"]
    problems = [f"{w} px: page scrolls sideways ({f['scrollWidth']} px): {f['sticking_out']}"
                for w, f in got.items() if f["scrollWidth"] > f["width"] + 1]
    problems += [f"raw value near {text[max(0, m.start() - 40):m.end() + 40]!r}" for m in RAW.finditer(text)]
    problems += [f"untranslated {w!r} near {text[max(0, text.index(w) - 40):text.index(w) + 40]!r}"
                 for w in UNTRANSLATED[lang] if w in text]
    handles = _handles()
    problems += [f"code name {m.group(1)!r} near {text[max(0, m.start() - 30):m.end() + 30]!r}"
                 for m in SNAKE.finditer(text)
                 if not ALLOWED_SNAKE.match(m.group(1)) and m.group(1).lower() not in handles]
    problems += [f"other language's number marks: {text[max(0, m.start() - 30):m.end() + 10]!r}"
                 for m in WRONG_MARKS[lang].finditer(text)]
    problems += [f"long id {m.group(0)!r}" for m in re.finditer(r"(?<![\w])\d{15,}(?![\w])", text)]
    problems += ["a cell cut with '...'" for line in text.splitlines() if "\t" in line and "..." in line]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


def test_share_pdf_and_card(reports, tmp_path):
    """`report --pdf`: the report as PDF and its story as a 540 px card (1080 px at twice the density)."""
    import shutil

    from PIL import Image

    from smanalysis.reporting.share import write_share

    folder = tmp_path / "share"
    shutil.copytree(reports["id"].parent, folder)
    pdf, png = write_share(folder, client="Kopi Senja", period="1–31 Okt 2026", lang="id")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 50_000
    with Image.open(png) as im:
        assert im.width == 1080 and 400 < im.height < 2400  # one phone screen or two, never the whole report
    shutil.copy(png, OUT / "summary_card_id.png")
