"""Layer 2 of the evaluation: conversation.

Text preparation and language (``text``, ``langid``), sentiment (``sentiment``,
``model``, ``adapt``), share of voice and net sentiment (``voice``), customer care
(``care``), ethnography (``ethnography``), privacy (``privacy``) and the
brand's own tone (``tone``). Everything public is re-exported here.
"""

from . import adapt, care, ethnography, langid, model, privacy, sentiment, text, tone, voice

# Collect the public names before the star-imports below rebind ``sentiment``
# and ``tone`` (modules) to the functions of the same name.
__all__ = [
    name
    for module in (text, langid, sentiment, model, adapt, voice, care, ethnography, privacy, tone)
    for name in module.__all__
]

from .adapt import *  # noqa: E402,F401,F403
from .care import *  # noqa: E402,F401,F403
from .ethnography import *  # noqa: E402,F401,F403
from .langid import *  # noqa: E402,F401,F403
from .model import *  # noqa: E402,F401,F403
from .privacy import *  # noqa: E402,F401,F403
from .sentiment import *  # noqa: E402,F401,F403
from .text import *  # noqa: E402,F401,F403
from .tone import *  # noqa: E402,F401,F403
from .voice import *  # noqa: E402,F401,F403
