"""smanalysis: social media analysis for Indonesian small businesses (UKM).

Subpackages (imported on first use): ``io`` (readers of platform exports),
``media``, ``conversation``, ``network`` (the three evaluation layers),
``factfinding``, ``plan``, ``plotting``, ``reporting``, ``sample``.
"""

import importlib

from ._version import __version__
from .exceptions import EmptyDataError, FormatError, SchemaError, SMAnalysisError, SMAnalysisWarning

__all__ = [
    "__version__",
    "SMAnalysisError",
    "SchemaError",
    "EmptyDataError",
    "FormatError",
    "SMAnalysisWarning",
    "Profile",
    "load_profile",
]

_SUBMODULES = {"io", "media", "conversation", "network", "factfinding", "plan", "plotting", "reporting", "sample", "schema"}


#: names defined in a submodule that imports pandas, imported on first use (the command line starts fast)
_LAZY = {"Profile": "profile", "load_profile": "profile"}


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'smanalysis' has no attribute {name!r}")
