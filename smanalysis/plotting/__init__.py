"""Plots: one function a chart, ``plot_*(df, *, ax=None, lang="id", ...) -> Axes``.

Titles and labels come in Bahasa Indonesia (``lang="id"``, default) or English.
The functions live by layer in ``plotting/media.py``, ``plotting/sentiment.py``,
``plotting/conversation.py``, ``plotting/network.py`` and ``plotting/analysis.py`` (hashtags,
paid vs organic, topics) and are all re-exported here.
"""

from . import analysis, conversation, media, network, sentiment
from .analysis import *  # noqa: F401,F403
from .conversation import *  # noqa: F401,F403
from .media import *  # noqa: F401,F403
from .network import *  # noqa: F401,F403
from .sentiment import *  # noqa: F401,F403

__all__ = [*media.__all__, *sentiment.__all__, *conversation.__all__, *network.__all__, *analysis.__all__]
