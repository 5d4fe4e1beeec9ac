"""Shared fixtures: the vocabulary, and a writer of small corpora into tmp folders."""
from __future__ import annotations

from pathlib import Path

import pytest

from exoreview.vocab import load_vocab

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def vocab():
    return load_vocab()


@pytest.fixture
def make_corpus(tmp_path):
    """Write {name: text-or-bytes} into a fresh corpus folder and return its path."""
    def make(files: dict[str, str | bytes], name: str = "corpus") -> Path:
        root = tmp_path / name
        root.mkdir()
        for fname, content in files.items():
            p = root / fname
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        return root
    return make
