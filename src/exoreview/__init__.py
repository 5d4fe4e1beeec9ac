"""exoreview: tables of graded claims from documents about exosome skin therapies."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import Corpus, load_corpus  # noqa: E402

__all__ = ["Corpus", "load_corpus", "__version__"]
