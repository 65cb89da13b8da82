"""A seeded generator of a realistic fictional Indonesian UKM dataset, in real export formats.

The business is **Kopi Senja**, a coffee shop in Yogyakarta, with two competitors
(Kopi Pagi, Ruang Seduh), over 12 months (2025-11-01 .. 2026-10-31).
:func:`generate` returns the canonical tables; :func:`write_sample` writes them as the
platforms and tools export them (see ``data/sample/README.md``).

Examples
--------
>>> from smanalysis.sample import generate
>>> t = generate(scale=0.05, seed=7)
>>> int(t["comments"]["is_brand_reply"].sum()) > 0
True
"""

from ._generate import generate, truth

__all__ = ["generate", "truth", "write_sample", "data_dictionary_markdown"]


def __getattr__(name):
    if name in ("write_sample", "data_dictionary_markdown"):
        from . import _write

        return getattr(_write, name)
    raise AttributeError(f"module 'smanalysis.sample' has no attribute {name!r}")
