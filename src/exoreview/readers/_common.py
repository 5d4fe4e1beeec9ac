"""What every reader shares: the Record, text assembly, identifiers, opening text files."""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


def empty_meta() -> dict:
    """The meta dict with every key present and empty."""
    return {"year": "", "journal": "", "doi": "", "pmid": "", "authors": [],
            "publication_types": [], "mesh": [], "keywords": []}


@dataclass
class Record:
    """One document read from an export file (or one PDF)."""

    name: str        # unique within its file: "pmid:12345", "doi:10.1/x", or "rec7" (1-based order)
    title: str
    text: str        # "# <title>\n\n<abstract paragraphs>" for export records; the body for a PDF
    meta: dict = field(default_factory=empty_meta)
    status: str = "ok"   # "ok" or "skipped: <one-line reason>"

    @property
    def ok(self) -> bool:
        return not self.status.startswith("skipped")


def error_record(reason: str) -> Record:
    """The one closing Record of a truncated or corrupt file."""
    return Record(name="error", title="", text="", meta=empty_meta(), status=f"skipped: {one_line(reason)}")


def one_line(text: str, limit: int = 200) -> str:
    """Collapse whitespace and cut to ``limit`` characters, for status messages."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # Unicode category Cc less \t \n \r
_WS = re.compile(r"[ \t\r\n\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean(text: str | None) -> str:
    """NFC, whitespace collapsed to single spaces, control characters dropped."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = _CTRL.sub("", text)
    return _WS.sub(" ", text).strip()


# "BACKGROUND:", "MATERIALS AND METHODS:", "CONCLUSIONS/RELEVANCE:" at the start or after a sentence end
_LABEL = re.compile(r"(?:(?<=^)|(?<=[.!?)\]] ))([A-Z][A-Z&/,\- ]{2,40}[A-Z]): (?=\S)")


def split_labelled(abstract: str) -> list[str]:
    """Split a flat structured abstract ('BACKGROUND: ... RESULTS: ...') into labelled paragraphs."""
    abstract = clean(abstract)
    if not abstract:
        return []
    starts = [m.start() for m in _LABEL.finditer(abstract)]
    if not starts or (len(starts) == 1 and starts[0] != 0):
        return [abstract]
    if starts[0] != 0:
        starts.insert(0, 0)
    bounds = starts + [len(abstract)]
    return [abstract[a:b].strip() for a, b in zip(bounds, bounds[1:]) if abstract[a:b].strip()]


def record_text(title: str, paragraphs: list[str]) -> str:
    """``# <title>``, a blank line, then the abstract's paragraphs separated by blank lines."""
    parts = [f"# {title}"] + [p for p in paragraphs if p]
    return "\n\n".join(parts)


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)


def find_doi(text: str) -> str:
    """The first DOI in ``text`` (prefix such as 'https://doi.org/' dropped), lower-cased; '' if none."""
    m = _DOI.search(text or "")
    if not m:
        return ""
    return m.group(1).rstrip(".,;:)]}'’”").lower()


def find_year(text: str) -> str:
    """The first plausible year (1900-2099) in ``text``; '' if none."""
    m = re.search(r"\b(19\d\d|20\d\d)\b", text or "")
    return m.group(1) if m else ""


class Namer:
    """Give each record its name, unique within the file; report repeats of an identifier."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def name(self, index: int, pmid: str = "", doi: str = "") -> tuple[str, str]:
        """Return (name, problem): problem is '' or the reason this record repeats an earlier one."""
        key = f"pmid:{pmid}" if pmid else (f"doi:{doi}" if doi else "")
        if not key:
            return f"rec{index}", ""
        if key in self.seen:
            return f"rec{index}", f"record {index} repeats {key} (record {self.seen[key]})"
        self.seen[key] = index
        return key, ""


def finish(index: int, title: str, paragraphs: list[str], meta: dict, namer: Namer, fmt_label: str) -> Record:
    """Build the Record for one parsed export entry, with its skip reason if it cannot be used."""
    title = clean(title)
    name, repeat = namer.name(index, meta.get("pmid", ""), meta.get("doi", ""))
    if not title:
        ident = f" ({name})" if not name.startswith("rec") else ""
        return Record(name, "", "", meta, f"skipped: {fmt_label} record {index}{ident} has no title")
    if repeat:
        return Record(name, title, "", meta, f"skipped: {repeat}")
    return Record(name, title, record_text(title, paragraphs), meta, "ok")


def open_text(path: Path) -> io.TextIOWrapper:
    """Open an export as text: UTF-8 (BOM dropped), else cp1252 when the start is not UTF-8."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            encoding = "cp1252"
    return open(path, "r", encoding=encoding, errors="replace", newline=None)


def lines_of(path: Path) -> Iterator[str]:
    """Stream the lines of a text export, newline characters removed."""
    with open_text(path) as fh:
        for line in fh:
            yield line.rstrip("\r\n")
