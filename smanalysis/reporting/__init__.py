"""Client reports: configs, the papermill runner, the safe HTML export and the evaluation glue.

Use it through :mod:`smanalysis.reports`, which re-exports everything public here.
"""

from . import (
               client,
               config,
               eval_conversation,
               eval_media,
               eval_metrics,
               eval_network,
               eval_next,
               eval_summary,
               eval_figures,
               html,
               i18n,
               privacy,
               runner,
               sections,
               story,
)
from .client import *  # noqa: F401,F403
from .config import *  # noqa: F401,F403
from .eval_conversation import *  # noqa: F401,F403
from .eval_media import *  # noqa: F401,F403
from .eval_metrics import *  # noqa: F401,F403
from .eval_network import *  # noqa: F401,F403
from .eval_next import *  # noqa: F401,F403
from .eval_summary import *  # noqa: F401,F403
from .eval_figures import *  # noqa: F401,F403
from .html import *  # noqa: F401,F403
from .i18n import *  # noqa: F401,F403
from .privacy import *  # noqa: F401,F403
from .runner import *  # noqa: F401,F403
from .sections import *  # noqa: F401,F403
from .story import *  # noqa: F401,F403

__all__ = [
    *client.__all__, *config.__all__, *html.__all__, *privacy.__all__, *runner.__all__, *i18n.__all__,
    *sections.__all__, *eval_media.__all__, *eval_conversation.__all__, *eval_network.__all__,
    *eval_summary.__all__, *eval_figures.__all__, *eval_next.__all__, *eval_metrics.__all__, *story.__all__,
]
