"""Fixtures of the reader tests: the folder of small export files, and a helper to read all records."""
from __future__ import annotations

from pathlib import Path

import pytest

from exoreview.readers import read_records, sniff

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"


@pytest.fixture
def exports() -> Path:
    return EXPORTS


@pytest.fixture
def read_all():
    """Sniff a file and return the list of its records."""
    def read(path: Path, fmt: str | None = None):
        path = Path(path)
        fmt = fmt or sniff(path, path.read_bytes()[:4096])
        assert fmt, f"{path.name} was not recognised"
        return list(read_records(path, fmt))
    return read
