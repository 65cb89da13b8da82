"""Layer 2 of the evaluation: conversation.

Text preparation and language (``text``, ``langid``), sentiment (``sentiment``,
``model``), share of voice and net sentiment (``voice``), customer care
(``care``), ethnography (``ethnography``), privacy (``privacy``) and the
brand's own tone (``tone``). Everything public is re-exported here.
"""

from . import care, ethnography, langid, model, privacy, sentiment, text, tone, voice
from .care import *  # noqa: F401,F403
from .ethnography import *  # noqa: F401,F403
from .langid import *  # noqa: F401,F403
from .model import *  # noqa: F401,F403
from .privacy import *  # noqa: F401,F403
from .sentiment import *  # noqa: F401,F403
from .text import *  # noqa: F401,F403
from .tone import *  # noqa: F401,F403
from .voice import *  # noqa: F401,F403

__all__ = [
    *text.__all__, *langid.__all__, *sentiment.__all__, *model.__all__, *voice.__all__,
    *care.__all__, *ethnography.__all__, *privacy.__all__, *tone.__all__,
]
