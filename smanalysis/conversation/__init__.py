"""Layer 2 of the evaluation: conversation.

Text preparation and language (``text``, ``langid``), sentiment (``sentiment``,
``model``), share of voice and net sentiment (``voice``), customer care
(``care``; in business hours: ``business_hours``), topics without a codebook (``topics``),
ethnography (``ethnography``), privacy (``privacy``) and the
brand's own tone (``tone``). Everything public is re-exported here.
"""

from . import business_hours, care, ethnography, langid, model, privacy, sentiment, text, tone, topics, voice

# Collect the public names before the star-imports below rebind ``sentiment``
# and ``tone`` (modules) to the functions of the same name.
__all__ = [
    name
    for module in (text, langid, sentiment, model, voice, care, business_hours, topics, ethnography, privacy, tone)
    for name in module.__all__
]

from .business_hours import *  # noqa: E402,F401,F403
from .care import *  # noqa: E402,F401,F403
from .ethnography import *  # noqa: E402,F401,F403
from .langid import *  # noqa: E402,F401,F403
from .model import *  # noqa: E402,F401,F403
from .privacy import *  # noqa: E402,F401,F403
from .sentiment import *  # noqa: E402,F401,F403
from .text import *  # noqa: E402,F401,F403
from .tone import *  # noqa: E402,F401,F403
from .topics import *  # noqa: E402,F401,F403
from .voice import *  # noqa: E402,F401,F403
