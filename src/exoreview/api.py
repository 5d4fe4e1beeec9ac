"""The Python API notebooks use: ``load_corpus(path)`` returns every table, cached."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .pipeline import corpus_hash, list_corpus, run
from .tables import read_tables
from .vocab import load_vocab


def cache_root() -> Path:
    """Folder of cached extractions: $EXOREVIEW_CACHE, else ~/.cache/exoreview."""
    env = os.environ.get("EXOREVIEW_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "exoreview"


@dataclass
class Corpus:
    """Every table of one corpus (see :mod:`exoreview.schema` for the columns)."""

    documents: pd.DataFrame
    articles: pd.DataFrame
    sentences: pd.DataFrame
    claims: pd.DataFrame
    references: pd.DataFrame
    citations: pd.DataFrame
    content_hash: str
    root: Path

    def tables(self) -> dict[str, pd.DataFrame]:
        """The six tables by name."""
        names = ("documents", "articles", "sentences", "claims", "references", "citations")
        return {n: getattr(self, n) for n in names}


def load_corpus(path: str | Path, jobs: int = 1, quiet: bool = True, cache: bool = True) -> Corpus:
    """Extract a corpus (a folder or file) into DataFrames.

    Results are cached by a hash of the corpus contents, the vocabulary files and
    the code, so an unchanged corpus re-loads instantly and a changed file is re-read.
    """
    root = Path(path)
    files = list_corpus([root])
    digest = corpus_hash(files, load_vocab())
    target = cache_root() / digest[:32]
    if not (cache and (target / "PROVENANCE").is_file()):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            run([root], target, jobs=jobs, quiet=quiet, warn=lambda _msg: None, digest=digest)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
    tables = read_tables(target)
    return Corpus(content_hash=digest, root=root, **tables)
