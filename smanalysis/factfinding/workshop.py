"""The workshop and the conclusions of fact finding.

The self-assessment "Termasuk di fase manakah posisi Anda?" (:data:`PHASE_QUESTIONS`,
:func:`phase_assessment`), what to do first (:func:`next_steps`) and the tables written
for the client (:func:`write_tables`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .._checks import check_choice
from ..markup import escape_markdown as esc
from ..spreadsheet import write_table
from ..formatting import value
from ..words import LANGS, text
from .display import is_empty


# ------------------------------------------------------------ workshop: phases
PHASE_QUESTIONS = pd.DataFrame(
    [
        ("know_why", 1, "Saya paham mengapa media sosial penting untuk usaha saya.",
         "I understand why social media matters for my business."),
        ("not_only_ads", 1, "Saya tahu media sosial bukan hanya tempat memasang iklan.",
         "I know social media is not only a place for ads."),
        ("has_guideline", 2, "Saya tahu langkah teknisnya: membuat rencana konten, memposting, membalas komentar.",
         "I know the technical steps: write a content plan, post, reply to comments."),
        ("has_plan", 2, "Saya sudah punya rencana konten tertulis untuk bulan ini.",
         "I have a written content plan for this month."),
        ("runs_alone", 3, "Saya (atau karyawan) sudah menjalankan sendiri: rencana, posting, memantau, membuat laporan.",
         "I (or staff) already run it myself: plan, post, monitor, report."),
        ("lacks_time", 3, "Saya sering tidak sempat mengurus akun karena pekerjaan lain.",
         "I often have no time for the accounts because of other work."),
        ("has_team", 3, "Ada tim khusus atau agensi yang membantu mengelola akun.",
         "A dedicated team or an agency helps run the accounts."),
    ],
    columns=["key", "phase", "question_id", "question_en"],
)
"""The self-assessment questions: ``key``, ``phase`` they point to, the question in id and en."""

_YES = {"ya", "y", "yes", "true", "1", "iya", "sudah", "benar"}


def phase_assessment(answers: dict[str, Any], *, lang: str = "id") -> pd.DataFrame:
    """Place an owner in one of the three phases ("Termasuk di fase manakah posisi Anda?").

    Phase 1: heard of social media and understands why it matters. Phase 2: got
    technical guidance (knows the steps, has a plan). Phase 3: runs it alone; most
    fail for lack of time, so the advice is to keep the strategy and hand the daily
    work to a team or an agency. An owner who does not yet answer yes to the phase-1
    questions is placed in phase 0 (not yet started).

    Parameters
    ----------
    answers : dict
        Question key (see :data:`PHASE_QUESTIONS`) -> True/False or "ya"/"tidak"/"yes"/"no".
        Keys left out count as "no".

    Returns
    -------
    DataFrame
        One row: ``phase`` (0-3), ``label``, ``reason``, ``next_step`` (text in ``lang``).

    Raises
    ------
    ValueError
        When a key is not one of the questions.

    Examples
    --------
    >>> phase_assessment({"know_why": True, "not_only_ads": "ya"})["phase"].item()
    1
    >>> phase_assessment({"know_why": 1, "not_only_ads": 1, "has_guideline": 1, "has_plan": 1,
    ...                   "runs_alone": 1, "lacks_time": 1})["phase"].item()
    3
    """
    check_choice("lang", lang, LANGS)
    known = list(PHASE_QUESTIONS["key"])
    bad = [k for k in answers if k not in known]
    if bad:
        raise ValueError(f"The keys of `answers` must be among {known}, but {bad} was passed.")
    yes = {k: (str(v).strip().lower() in _YES) if not isinstance(v, bool) else v for k, v in answers.items()}
    y = {k: bool(yes.get(k, False)) for k in known}
    if not (y["know_why"] and y["not_only_ads"]):
        phase, why = 0, "p0"
    elif not (y["has_guideline"] and y["has_plan"]):
        phase, why = 1, "p1"
    elif not y["runs_alone"]:
        phase, why = 2, "p2"
    else:
        phase = 3
        why = "p3_team" if y["has_team"] else ("p3_time" if y["lacks_time"] else "p3_ok")
    return pd.DataFrame({"phase": [phase], "label": [text(f"phase.{phase}", lang)],
                         "reason": [text(f"phase_reason.{why}", lang)], "next_step": [text(f"phase_next.{why}", lang)]})


# ------------------------------------------------------------------ next steps
def next_steps(*, readiness: pd.DataFrame | None = None, checklist: pd.DataFrame | None = None,
               scan: pd.DataFrame | None = None, lang: str = "id", top: int = 3, below: float = 0.5) -> str:
    """The fact-finding conclusions as a short Markdown list of what to do first.

    Warning signs first (their advice), then checklist items scoring below ``below``
    (lowest first), then the first ``top`` "copy" suggestions of the competitor scan.

    Parameters
    ----------
    readiness, checklist, scan : DataFrame, optional
        Results of :func:`readiness`, :func:`strategy_checklist`, :func:`competitor_scan`.

    Returns
    -------
    str
        Markdown: a heading line and one bullet per step (a single "nothing urgent"
        line when there is none).

    Examples
    --------
    >>> r = pd.DataFrame({"status": ["warning", "ok"], "label": ["Iklan saja", "Rencana"],
    ...                   "advice": ["Kurangi promosi.", "Bagus."]})
    >>> print(next_steps(readiness=r, lang="id"))
    **Langkah pertama:**
    <BLANKLINE>
    - **Iklan saja**: Kurangi promosi.
    """
    check_choice("lang", lang, LANGS)
    steps = []
    if not is_empty(readiness):
        w = readiness[readiness["status"] == "warning"]
        steps += [f"- **{esc(lab)}**: {esc(adv)}" for lab, adv in zip(w["label"], w["advice"])]
    if not is_empty(checklist):
        low = checklist[checklist["score"] < below].sort_values("score", kind="stable")
        steps += [f"- **{esc(lab)}** ({value(sc, 'number', lang, digits=2)}): {esc(adv)}"
                  for lab, sc, adv in zip(low["label"], low["score"], low["advice"])]
    if not is_empty(scan):
        cp = scan[scan["action"] == "copy"].head(top)
        steps += [f"- {esc(sug)}" for sug in cp["suggestion"]]
    if not steps:
        return text("steps.none", lang)
    return text("steps.head", lang) + "\n\n" + "\n".join(steps)


# ------------------------------------------------------------------- outputs
def export_summary(result, lang: str = "id") -> pd.DataFrame:
    """One row saying what an export file holds, in words: platform, what it contains (posts,
    comments...), rows read and rows rejected; for the workshop (no format codes).

    ``result`` is a :class:`smanalysis.io.ReadResult` (``format``, ``table``, ``data``, ``rejects``).

    >>> from types import SimpleNamespace
    >>> r = SimpleNamespace(format="meta_posts_instagram", table="posts", data=pd.DataFrame({"a": [1, 2]}),
    ...                     rejects=pd.DataFrame())
    >>> export_summary(r, "id").to_dict("records")
    [{'platform': 'instagram', 'isi': 'unggahan', 'baris terbaca': 2, 'baris ditolak': 0}]
    """
    from ..io.layouts import FORMATS
    from ..words import WORDS

    check_choice("lang", lang, LANGS)
    spec = FORMATS.get(getattr(result, "format", None))
    platform = getattr(spec, "platform", None) or "–"
    key = f"report.w_{result.table}"
    content = text(key, lang) if key in WORDS else str(result.table)
    rejects = getattr(result, "rejects", None)
    return pd.DataFrame({text("export.platform", lang): [platform], text("export.content", lang): [content],
                         text("export.rows", lang): [len(result.data)],
                         text("export.rejects", lang): [0 if rejects is None else len(rejects)]})


def write_tables(tables: dict[str, pd.DataFrame | None], output_dir: str | Path, *, prefix: str = "") -> pd.DataFrame:
    """Write each non-empty table to ``output_dir/<prefix><name>.csv`` (UTF-8 with BOM, spreadsheet formulas
    neutralised by :func:`smanalysis.spreadsheet.write_table`); list what was written.

    Returns
    -------
    DataFrame
        ``name``, ``file`` (file name only, no local path), ``rows``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_tables({"a": pd.DataFrame({"x": [1]}), "b": None}, d, prefix="01_")["file"].tolist()
    ['01_a.csv']
    """
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, df in tables.items():  # a handful of tables, not data rows
        if is_empty(df):
            continue
        f = out / f"{prefix}{name}.csv"
        write_table(df, f)
        rows.append((name, f.name, len(df)))
    return pd.DataFrame(rows, columns=["name", "file", "rows"])
