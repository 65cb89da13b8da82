"""Layer 2 of the evaluation: conversation.

Text preparation and language (``text``, with ``textdata`` and the ``tokens`` engine;
``langid``), sentiment (``sentiment``, ``model``, ``adapt``), share of voice (``voice``), net sentiment
and its drivers (``drivers``), customer care (``care`` for intents, ``complaints`` for what customers wrote and recurring complaints, ``replies`` for response
times and the queue, ``business_hours`` for business minutes), topics without a codebook (``topics``), ethnography (``ethnography``, ``codebook``), privacy (``privacy``) and the
brand's own tone (``tone``); ``_common`` holds the helpers they share. Everything public is
re-exported here.
"""

from . import adapt, business_hours, care, codebook, complaints, drivers, ethnography, langid, model, privacy, replies, sentiment, text, tone, topics, voice

# Collect the public names before the star-imports below rebind ``sentiment``
# and ``tone`` (modules) to the functions of the same name.
__all__ = [
    name
    for module in (text, langid, sentiment, model, adapt, voice, drivers, care, complaints, replies, business_hours, topics,
                   ethnography, codebook, privacy, tone)
    for name in module.__all__
]

from .adapt import *  # noqa: E402,F401,F403
from .business_hours import *  # noqa: E402,F401,F403
from .care import *  # noqa: E402,F401,F403
from .codebook import *  # noqa: E402,F401,F403
from .complaints import *  # noqa: E402,F401,F403
from .drivers import *  # noqa: E402,F401,F403
from .ethnography import *  # noqa: E402,F401,F403
from .langid import *  # noqa: E402,F401,F403
from .model import *  # noqa: E402,F401,F403
from .privacy import *  # noqa: E402,F401,F403
from .replies import *  # noqa: E402,F401,F403
from .sentiment import *  # noqa: E402,F401,F403
from .text import *  # noqa: E402,F401,F403
from .tone import *  # noqa: E402,F401,F403
from .topics import *  # noqa: E402,F401,F403
from .voice import *  # noqa: E402,F401,F403
