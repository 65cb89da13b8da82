"""Client reports: run the notebooks per client with papermill and write safe HTML reports.

Command line::

    smanalysis report data/sample/client.yaml --out reports            # one client
    smanalysis report clients/*.yaml --out reports --jobs 2 --lang en  # a batch, two at a time
    smanalysis report clients/*.yaml --period 2026-11                  # or --period 2026-11-01:2026-11-14

calls :func:`run_batch`. Per client, ``<out>/<slug>/`` gets ``report.html`` (one self-contained
page: code hidden, figures embedded, table of contents, the period, the metric definitions),
``metrics.json`` (the key figures, :func:`key_metrics`), ``next_plan.csv`` (the draft content
plan for the next period) and ``notebooks/`` (the executed notebooks); ``<out>/summary.csv``
lists every client with its status, time and the reason of a failure.

The client config (YAML, paths relative to it)::

    client: Kopi Senja
    slug: kopi-senja                     # folder name of the report
    profile: profile.yaml
    data: [exports/, content_plan.csv]   # files/folders, or {path: ..., kind: ..., mapping: {...}}
    codebook: codebook.yaml              # optional
    period: {start: 2026-10-01, end: 2026-10-31}
    previous: {start: 2026-09-01, end: 2026-09-30}   # optional: default the period just before
    lang: id                             # id | en
    pseudonymise: true                   # people's handles -> stable pseudonyms (default)
    salt: a-secret-per-client            # optional: makes pseudonyms unguessable
    notebooks: [04_evaluation]           # default; "all" stitches 01-04 into one report

``--pdf`` also writes ``report.pdf`` and ``summary.png`` (the first screen as a card to share).

The evaluation notebook (``notebooks/04_evaluation.ipynb``) stays thin by calling the section
helpers here: :func:`evaluation_context`, then ``story_section``, ``overview_section``, ``profile_section``,
``kpi_section``, ``media_section``, ``execution_section``, ``conversation_section``,
``network_section``, ``recommendations_section``, ``next_plan_section``,
``definitions_section`` and :func:`write_key_metrics`. A section never fails the report: missing
data gives a "no data" line, an error a notice (and ``problems`` in ``metrics.json``, status
"partial" in the batch summary).

The public API is the short list below; the submodules hold the rest: ``config`` (client YAML,
periods), ``client`` (:func:`load_client`), ``privacy`` (pseudonyms), ``runner`` (papermill,
batch), ``html`` (nbconvert export, sanitising, scrubbing), ``markup`` (:func:`esc`),
``sections``, ``story`` and ``eval_*`` (the evaluation glue), ``share`` and ``browser`` (PDF and
PNG card through Chromium). The report's words are in :mod:`smanalysis.words`; numbers and
dates are written by :mod:`smanalysis.formatting`.

This is the one import path of the report machinery (``from smanalysis import reporting``);
``eval_figures`` computes every figure once from the metric registry.

Examples
--------
>>> from smanalysis import reporting
>>> reporting.parse_period("2026-10")[0]
Timestamp('2026-10-01 00:00:00')
"""

import importlib

#: the submodule of each public name; a name is imported on first use (PEP 562), so that the command
#: line can start the notebook kernel before pandas and the report machinery are imported
_SOURCES = {
    "client": ("load_client",),
    "config": ("as_config", "parse_period", "previous_period", "read_config", "resolve_periods"),
    "eval_analysis": ("analysis_figures", "analysis_section", "audience_table", "community_event_counts",
                      "hashtag_tables", "paid_growth_table", "paid_tables", "topic_tables", "video_table"),
    "eval_conversation": ("conversation_section",),
    "eval_media": ("media_section",),
    "eval_metrics": ("key_metrics", "write_key_metrics"),
    "eval_network": ("all_influencers", "micro_influencers", "network_section", "top_influencers"),
    "eval_next": ("next_period", "next_plan_section", "recommendations", "recommendations_section"),
    "eval_figures": ("figures", "kpi_table"),
    "eval_summary": ("KEY_FIGURES", "definitions", "definitions_section", "execution_section", "kpi_section",
                     "overview_section", "profile_section"),
    "html": ("notebooks_to_html",),
    "markup": ("esc",),
    "privacy": ("pseudonymise_dataset",),
    "batch": ("format_summary", "run_batch"),
    "runner": ("run_client",),
    "sections": ("EvaluationContext", "Section", "evaluation_context", "fmt_value", "use_report_tables"),
    "story": ("story_section",),
}
_EXPORTS = {name: module for module, names in _SOURCES.items() for name in names}

__all__ = [
    # configs and runs
    "read_config", "as_config", "parse_period", "previous_period", "resolve_periods", "load_client",
    "run_client", "run_batch", "format_summary", "notebooks_to_html", "pseudonymise_dataset",
    # the evaluation notebook
    "EvaluationContext", "Section", "evaluation_context", "use_report_tables",
    "story_section", "overview_section", "profile_section", "kpi_section", "media_section", "execution_section",
    "analysis_section", "conversation_section", "network_section", "recommendations_section", "next_plan_section",
    "definitions_section", "key_metrics", "write_key_metrics",
    # figures the notebooks and workshop read directly
    "figures", "kpi_table", "recommendations", "next_period", "top_influencers", "micro_influencers",
    "all_influencers", "definitions", "KEY_FIGURES", "fmt_value", "esc",
    "paid_tables", "hashtag_tables", "topic_tables", "audience_table", "video_table",
    "paid_growth_table", "analysis_figures", "community_event_counts",
]


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__():
    return sorted({*globals(), *__all__})
