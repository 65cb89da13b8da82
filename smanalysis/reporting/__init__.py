"""Client reports: configs, the papermill runner, the safe HTML export and the evaluation glue.

The public API is the short list below (also reachable as :mod:`smanalysis.reports`); the
submodules hold the rest: ``config`` (client YAML, periods), ``client`` (:func:`load_client`),
``privacy`` (pseudonyms), ``runner`` (papermill, batch), ``html`` (nbconvert export, sanitising,
scrubbing), ``markup`` (:func:`esc`), ``sections`` and ``eval_*`` (the evaluation glue). The
report's words are in :mod:`smanalysis.words`.
"""

from .client import load_client
from .config import parse_period, previous_period, read_config, resolve_periods
from .eval_analysis import analysis_section, audience_table, hashtag_tables, paid_tables, topic_tables, video_table
from .eval_conversation import conversation_section
from .eval_media import media_section
from .eval_metrics import key_metrics, write_key_metrics
from .eval_network import micro_influencers, network_section, top_influencers
from .eval_next import next_period, next_plan_section, recommendations, recommendations_section
from .eval_figures import figures, kpi_table
from .eval_summary import definitions_section, execution_section, kpi_section, overview_section, profile_section
from .html import notebooks_to_html
from .markup import esc
from .privacy import pseudonymise_dataset
from .batch import format_summary, run_batch
from .runner import run_client
from .sections import EvaluationContext, Section, evaluation_context

__all__ = [
    # configs and runs
    "read_config", "parse_period", "previous_period", "resolve_periods", "load_client",
    "run_client", "run_batch", "format_summary", "notebooks_to_html", "pseudonymise_dataset",
    # the evaluation notebook
    "EvaluationContext", "Section", "evaluation_context",
    "overview_section", "profile_section", "kpi_section", "media_section", "execution_section", "analysis_section",
    "conversation_section", "network_section", "recommendations_section", "next_plan_section",
    "definitions_section", "key_metrics", "write_key_metrics",
    # figures the notebooks and workshop read directly
    "figures", "kpi_table", "recommendations", "next_period", "top_influencers", "micro_influencers",
    "esc", "paid_tables", "hashtag_tables", "topic_tables", "audience_table", "video_table",
]
