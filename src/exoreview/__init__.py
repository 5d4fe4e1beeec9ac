"""exoreview: tables of graded claims from documents about exosome skin therapies."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Corpus", "load_corpus", "__version__"]


def __getattr__(name: str):
    # the API (and pandas) load on first use, so `exoreview extract` starts quickly
    if name in ("Corpus", "load_corpus"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'exoreview' has no attribute {name!r}")
