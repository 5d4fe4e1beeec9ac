"""Readers for the literature as analysts hold it: PubMed XML, MEDLINE text, RIS, BibTeX and PDF.

``sniff(path, head)`` tells whether a file is one of these formats;
``read_records(path, fmt)`` streams its records. An export file holds many
records and is never loaded whole; a PDF is one record. Bad input never
raises: a bad record comes back with status ``skipped: <reason>``, and a
truncated or corrupt file ends with one Record named ``error``.

Libraries: defusedxml (PubMed XML, entity expansion refused), rispy (RIS tag
semantics, fed one record at a time), bibtexparser v2 (BibTeX, fed one entry
at a time), pdfminer.six (PDF text and layout). Each is imported only when a
file of its format is read.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ._common import Record, empty_meta, error_record, one_line

__all__ = ["Record", "sniff", "read_records", "FORMATS", "empty_meta"]

FORMATS = ("pubmed_xml", "medline", "ris", "bibtex", "pdf")

_EXT = {".nbib": "medline", ".medline": "medline", ".ris": "ris", ".bib": "bibtex", ".bibtex": "bibtex",
        ".pdf": "pdf"}


def _first_line(head: bytes) -> str:
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def sniff(path: Path, head: bytes) -> str | None:
    """Return 'pubmed_xml' | 'medline' | 'ris' | 'bibtex' | 'pdf' for an export/PDF file, else None
    (a plain text/markdown/html doc). ``head`` is the file's first bytes (a few KB is plenty)."""
    suffix = Path(path).suffix.lower()
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if suffix in _EXT:
        return _EXT[suffix]
    if suffix in (".xml", ".txt", "") or stripped.startswith(b"<?xml"):
        if re.search(rb"<(?:!DOCTYPE\s+)?Pubmed(?:Book)?Article(?:Set)?\b", head):
            return "pubmed_xml"
    if suffix in (".txt", ".text", ""):
        first = _first_line(head)
        if first.startswith("PMID-"):
            return "medline"
        if re.match(r"^TY  - ", first):
            return "ris"
    return None


def read_records(path: Path, fmt: str) -> Iterator[Record]:
    """Stream the records of one export file (bounded memory: never load a 100,000-record export whole).

    Problems with one record yield a Record with status 'skipped: ...'; a truncated/corrupt file yields
    what it could read and then ONE Record named 'error' with status 'skipped: <reason>'; never raise for
    bad input.
    """
    path = Path(path)
    if fmt == "pubmed_xml":
        from .pubmed_xml import read
    elif fmt == "medline":
        from .medline import read
    elif fmt == "ris":
        from .ris import read
    elif fmt == "bibtex":
        from .bibtex import read
    elif fmt == "pdf":
        from .pdf import read
    else:
        yield error_record(f"unknown export format {fmt!r}")
        return
    try:
        yield from read(path)
    except Exception as exc:  # a last guard: a reader's own bug must not stop the corpus
        yield error_record(f"{fmt} reader failed ({type(exc).__name__}: {one_line(exc, 120)})")
