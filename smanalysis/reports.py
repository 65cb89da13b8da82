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

The evaluation notebook (``notebooks/04_evaluation.ipynb``) stays thin by calling the section
helpers here: :func:`evaluation_context`, then ``overview_section``, ``profile_section``,
``kpi_section``, ``media_section``, ``execution_section``, ``conversation_section``,
``network_section``, ``recommendations_section``, ``next_plan_section``,
``definitions_section`` and :func:`write_key_metrics`. A section never fails the report: missing
data gives a "no data" line, an error a notice (and ``problems`` in ``metrics.json``, status
"partial" in the batch summary).

The pieces live in :mod:`smanalysis.reporting`: ``config`` (client YAML, periods), ``client``
(:func:`load_client`), ``privacy`` (pseudonyms), ``runner`` (papermill, batch), ``html``
(nbconvert export, sanitising, scrubbing), ``markup`` (escaping), ``sections``/``eval_*`` (the
evaluation glue). The report's words are in :mod:`smanalysis.words`.

Examples
--------
>>> from smanalysis import reports
>>> reports.parse_period("2026-10")[0]
Timestamp('2026-10-01 00:00:00')
"""

from .reporting import *  # noqa: F401,F403
from .reporting import __all__  # noqa: F401
