"""RIS (Zotero, EndNote, Mendeley exports), streamed one record at a time.

``rispy`` gives the tag semantics (its tag-to-field mapping, list tags,
continuation lines), but its ``load``/``parse_lines`` build the list of every
record of the file before returning. So this module cuts the line stream into
records itself (``TY  -`` ... ``ER  -``) and hands each record's lines to a
``rispy.RisParser``: memory holds one record at a time.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ._common import Namer, Record, clean, empty_meta, error_record, find_doi, find_year, finish, lines_of, \
    split_labelled

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def _one(rec: dict, *names: str) -> str:
    for name in names:
        v = rec.get(name)
        if isinstance(v, list):
            v = " ".join(str(x) for x in v)
        if v and clean(str(v)):
            return clean(str(v))
    return ""


def _many(rec: dict, name: str) -> list[str]:
    v = rec.get(name) or []
    if isinstance(v, str):
        v = [v]
    return [clean(x) for x in v if clean(x)]


def parse_entry(rec: dict) -> tuple[str, list[str], dict]:
    """Title, abstract paragraphs and meta of one record as rispy maps it."""
    meta = empty_meta()
    title = _one(rec, "title", "primary_title", "translated_title", "short_title")
    paragraphs = split_labelled(_one(rec, "abstract", "notes_abstract"))
    meta["journal"] = _one(rec, "journal_name", "alternate_title3", "alternate_title1", "alternate_title2",
                           "secondary_title")
    meta["year"] = find_year(_one(rec, "year", "publication_year", "date"))
    meta["authors"] = _many(rec, "authors") or _many(rec, "first_authors")
    meta["keywords"] = _many(rec, "keywords")
    # EndNote/PubMed imports carry the publication types in M3 ("Type of Work")
    work = _one(rec, "type_of_work")
    meta["publication_types"] = [clean(p) for p in re.split(r"[;\n]", work) if clean(p)] if work else []
    urls = " ".join(_many(rec, "urls"))
    meta["doi"] = find_doi(_one(rec, "doi")) or find_doi(urls)
    an = _one(rec, "accession_number")
    pmid = re.search(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d+)|ncbi\.nlm\.nih\.gov/pubmed/(\d+)", urls)
    if an.isdigit():
        meta["pmid"] = an
    elif pmid:
        meta["pmid"] = pmid.group(1) or pmid.group(2)
    return title, paragraphs, meta


def read(path: Path) -> Iterator[Record]:
    """Stream the records of an RIS export."""
    try:
        import rispy
        parser = rispy.RisParser(enforce_list_tags=True)
    except ImportError:
        yield error_record("rispy is not installed")
        return
    namer = Namer()
    count = 0
    block: list[str] | None = None
    try:
        for line in lines_of(path):
            m = _TAG.match(line)
            tag = m.group(1) if m else None
            if tag == "TY":
                if block is not None:  # a record with no ER: read it, it is whole up to the next TY
                    count += 1
                    yield _record(parser, block, count, namer)
                block = [line]
            elif block is None:
                continue  # text before the first record (a comment line, a blank line)
            elif tag == "ER":
                block.append("ER  - ")
                count += 1
                yield _record(parser, block, count, namer)
                block = None
            elif line.strip():
                block.append(line)
    except OSError as exc:
        yield error_record(f"unreadable file ({exc.strerror or exc})")
        return
    if block is not None:
        yield error_record(f"RIS file ends inside record {count + 1} (no ER line)")
    elif count == 0:
        yield error_record("no RIS records in the file")


def _record(parser, block: list[str], index: int, namer: Namer) -> Record:
    if block[-1][:2] != "ER":
        block.append("ER  - ")
    try:
        parsed = parser.parse_lines(iter(block))
        rec = parsed[0] if parsed else {}
        title, paragraphs, meta = parse_entry(rec)
    except Exception as exc:  # never raise for one odd record
        return Record(f"rec{index}", "", "", empty_meta(), f"skipped: RIS record {index} unreadable ({exc})")
    return finish(index, title, paragraphs, meta, namer, "RIS")
