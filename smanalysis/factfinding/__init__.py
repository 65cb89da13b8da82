"""Step 1 of the four public-relations steps: fact finding.

Who the business is and whether it is ready: the profile at a glance
(:func:`profile_summary`), which platforms its audience uses
(:func:`platform_fit`, from the editable table ``data/platform_age_id.csv``),
what the one or two competitors do that it does not (:func:`competitor_scan`:
"copy the good things and add what is missing"), the three warning signs of a
business that is not ready (:func:`readiness`), the nine-point strategy
checklist (:func:`strategy_checklist`) and the workshop self-assessment
"Termasuk di fase manakah posisi Anda?" (:func:`phase_assessment`).

User-facing words come in Bahasa Indonesia (``lang="id"``, default) or English
(``lang="en"``) from :mod:`smanalysis.words`; notebooks show them with :func:`md` and :func:`show`.
"""

from .competitors import competitor_scan
from .display import md, show
from .forms import copy_form, friendly_warnings, read_phase_form, read_plan_form, read_profile_form
from .platforms import as_profile, platform_age_table, platform_fit, plot_platform_fit, profile_summary, tone_words
from .ready import (
    CHECKLIST_ITEMS,
    PLAN_FIELDS,
    PROMO_CEILING,
    REPLY_RATE_OK,
    readiness,
    reply_rate,
    strategy_checklist,
)
from .workshop import PHASE_QUESTIONS, export_summary, next_steps, phase_assessment, write_tables

__all__ = [
    "copy_form",
    "friendly_warnings",
    "read_phase_form",
    "read_plan_form",
    "read_profile_form",
    "md",
    "show",
    "as_profile",
    "profile_summary",
    "tone_words",
    "platform_age_table",
    "platform_fit",
    "plot_platform_fit",
    "competitor_scan",
    "reply_rate",
    "readiness",
    "strategy_checklist",
    "PHASE_QUESTIONS",
    "phase_assessment",
    "next_steps",
    "write_tables",
    "export_summary",
]
