"""Client reports: configs, the papermill runner, the safe HTML export and the evaluation glue.

Use it through :mod:`smanalysis.reports`, which re-exports everything public here.
"""

from . import client, config, html, privacy, runner
from .client import *  # noqa: F401,F403
from .config import *  # noqa: F401,F403
from .html import *  # noqa: F401,F403
from .privacy import *  # noqa: F401,F403
from .runner import *  # noqa: F401,F403

__all__ = [*client.__all__, *config.__all__, *html.__all__, *privacy.__all__, *runner.__all__]
