"""Client reports: run the notebooks per client with papermill and write safe HTML reports.

The command line ``smanalysis report CONFIG... --out reports --jobs 2`` calls :func:`run_batch`.
The evaluation notebook (``notebooks/04_evaluation.ipynb``) calls the section helpers here
(:func:`evaluation_context`, ``*_section``, :func:`write_key_metrics`), so that it stays thin.

The pieces live in :mod:`smanalysis.reporting`: ``config`` (client YAML, periods), ``client``
(:func:`load_client`), ``privacy`` (pseudonyms), ``runner`` (papermill, batch), ``html``
(nbconvert export, sanitising, scrubbing) and the evaluation glue.

Examples
--------
>>> from smanalysis import reports
>>> reports.parse_period("2026-10")[0]
Timestamp('2026-10-01 00:00:00')
"""

from .reporting import *  # noqa: F401,F403
from .reporting import __all__  # noqa: F401
