"""MEDLINE text (PubMed's .nbib / 'PubMed format' export), streamed line by line.

A line is ``TAG - value`` with the tag left-justified in four columns
(``PMID- ``, ``TI  - ``, ``FAU - ``); a line indented by six spaces continues
the previous tag's value. Records are separated by blank lines (or a new
``PMID-`` line).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ._common import Namer, Record, clean, empty_meta, error_record, find_doi, find_year, finish, lines_of, \
    split_labelled

_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$")


def _fields(lines: list[str]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    last = None
    for line in lines:
        if line.startswith("      ") or (line.startswith((" ", "\t")) and last):
            if last:
                fields[last][-1] += " " + line.strip()
            continue
        m = _TAG.match(line)
        if not m or len(line) < 5 or line[4] != "-":
            if last and line.strip():  # a wrapped line that lost its indent
                fields[last][-1] += " " + line.strip()
            continue
        last = m.group(1)
        fields.setdefault(last, []).append(m.group(2).strip())
    return fields


def _tagged(values: list[str], kind: str) -> str:
    for v in values:
        if v.lower().endswith(f"[{kind}]"):
            return v[: -len(kind) - 2].strip()
    return ""


def parse_fields(fields: dict[str, list[str]]) -> tuple[str, list[str], dict]:
    """Title, abstract paragraphs and meta of one MEDLINE record."""
    first = lambda tag: clean(fields.get(tag, [""])[0])  # noqa: E731
    meta = empty_meta()
    meta["pmid"] = first("PMID")
    title = first("TI") or first("BTI") or first("TT")
    m = re.fullmatch(r"\[(.+)\]\.?", title)
    if m:
        title = m.group(1)
    paragraphs = split_labelled(" ".join(fields.get("AB", [])))
    meta["journal"] = first("JT") or first("TA")
    meta["year"] = find_year(first("DP")) or find_year(first("DEP"))
    meta["authors"] = [clean(a) for a in fields.get("FAU") or fields.get("AU", []) if clean(a)]
    meta["publication_types"] = [clean(p) for p in fields.get("PT", []) if clean(p)]
    meta["mesh"] = [clean(h.split("/")[0].replace("*", "")) for h in fields.get("MH", []) if clean(h)]
    meta["keywords"] = [clean(k) for k in fields.get("OT", []) if clean(k)]
    meta["doi"] = find_doi(_tagged(fields.get("LID", []), "doi") or _tagged(fields.get("AID", []), "doi"))
    return title, paragraphs, meta


def read(path: Path) -> Iterator[Record]:
    """Stream the records of a MEDLINE text export."""
    namer = Namer()
    count = 0
    block: list[str] = []

    def flush() -> Record | None:
        nonlocal count
        if not any(line.strip() for line in block):
            return None
        count += 1
        try:
            title, paragraphs, meta = parse_fields(_fields(block))
        except Exception as exc:  # never raise for one odd record
            return Record(f"rec{count}", "", "", empty_meta(),
                          f"skipped: MEDLINE record {count} unreadable ({exc})")
        return finish(count, title, paragraphs, meta, namer, "MEDLINE")

    try:
        for line in lines_of(path):
            if not line.strip() or line.startswith("PMID-"):
                if line.startswith("PMID-") or block:
                    rec = flush()
                    block = []
                    if rec:
                        yield rec
                if line.startswith("PMID-"):
                    block.append(line)
                continue
            block.append(line)
        rec = flush()
        if rec:
            yield rec
    except OSError as exc:
        yield error_record(f"unreadable file ({exc.strerror or exc})")
        return
    if count == 0:
        yield error_record("no MEDLINE records in the file")
