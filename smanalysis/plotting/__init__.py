"""Plots: one function a chart, ``plot_*(df, *, ax=None, lang="id", ...) -> Axes``.

Titles and labels come in Bahasa Indonesia (``lang="id"``, default) or English.
The functions live by layer in ``plotting/media.py``, ``plotting/sentiment.py``,
``plotting/conversation.py``, ``plotting/network.py`` and ``plotting/analysis.py`` (hashtags,
paid vs organic, topics) and are all re-exported here.

Labels, themes and names come from users' files; a ``$`` in them would make matplotlib parse
math text and fail to draw. Importing this package turns math text off
(``rcParams["text.parse_math"] = False``): every string is drawn as it is written.
"""

import matplotlib as _mpl

_mpl.rcParams["text.parse_math"] = False

from . import analysis, conversation, media, network, sentiment
from .analysis import *  # noqa: F401,F403
from .conversation import *  # noqa: F401,F403
from .media import *  # noqa: F401,F403
from .network import *  # noqa: F401,F403
from .sentiment import *  # noqa: F401,F403

__all__ = [*media.__all__, *sentiment.__all__, *conversation.__all__, *network.__all__, *analysis.__all__]
