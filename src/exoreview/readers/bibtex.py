"""BibTeX (.bib from Zotero, JabRef, Mendeley), read one entry at a time with bibtexparser v2.

``bibtexparser.parse_string`` works on a whole string, so the file is cut into
``@type{...}`` blocks first (a line starting with '@' while the braces of the
previous block are closed starts a new one), and each block is parsed on its
own; ``@string`` macros are kept and put before the blocks that follow, so
``journal = jid`` references still resolve. Memory holds one entry at a time.
LaTeX is decoded with pylatexenc (bibtexparser's own dependency) only in the
fields that hold LaTeX: its decoding middleware on every field made reading
20 times slower.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ._common import Namer, Record, clean, empty_meta, error_record, find_doi, find_year, finish, lines_of, \
    split_labelled

_SKIP_TYPES = {"comment", "preamble"}
_LATEX = re.compile(r"[\\{}$~]")


def _depth(line: str) -> int:
    line = line.replace("\\{", "").replace("\\}", "")
    return line.count("{") - line.count("}")


def _blocks(path: Path) -> Iterator[tuple[str, bool]]:
    """Yield (block text, closed) for each '@' block of the file."""
    block: list[str] = []
    depth = 0
    for line in lines_of(path):
        if line.lstrip().startswith("@") and depth <= 0:
            if block:
                yield "\n".join(block), depth <= 0
            block, depth = [], 0
        if block or line.lstrip().startswith("@"):
            block.append(line)
            depth += _depth(line)
    if block:
        yield "\n".join(block), depth <= 0


def _split_list(value: str) -> list[str]:
    return [clean(x) for x in re.split(r"[;,]\s*|\n", value) if clean(x)]


def parse_fields(fields: dict[str, str]) -> tuple[str, list[str], dict]:
    """Title, abstract paragraphs and meta of one entry's (decoded) fields."""
    f = {k.lower(): clean(str(v)) for k, v in fields.items()}
    meta = empty_meta()
    title = f.get("title", "")
    paragraphs = split_labelled(f.get("abstract", ""))
    meta["journal"] = f.get("journal") or f.get("journaltitle") or f.get("booktitle", "")
    meta["year"] = find_year(f.get("year", "") or f.get("date", ""))
    authors = {k.lower(): v for k, v in fields.items()}.get("author") or ""
    if isinstance(authors, str):
        authors = re.split(r"\s+and\s+", authors)
    meta["authors"] = [clean(a) for a in authors if clean(a)]
    meta["keywords"] = _split_list(f.get("keywords", "") or f.get("keyword", ""))
    meta["mesh"] = _split_list(f.get("mesh", "") or f.get("mesh-headings", ""))
    meta["publication_types"] = _split_list(f.get("publication_type", "") or f.get("pubtype", ""))
    meta["doi"] = find_doi(f.get("doi", "")) or find_doi(f.get("url", ""))
    pmid = f.get("pmid", "")
    if not pmid and f.get("eprinttype", "").lower() == "pubmed":
        pmid = f.get("eprint", "")
    meta["pmid"] = pmid if pmid.isdigit() else ""
    return title, paragraphs, meta


def read(path: Path) -> Iterator[Record]:
    """Stream the entries of a BibTeX file."""
    try:
        import bibtexparser
        from pylatexenc.latex2text import LatexNodes2Text
    except ImportError:
        yield error_record("bibtexparser (v2) is not installed")
        return
    latex = LatexNodes2Text(math_mode="text")

    def decode(value) -> str:
        value = str(value)
        if not _LATEX.search(value):  # most fields: nothing to decode, and pylatexenc is slow
            return value
        try:
            return latex.latex_to_text(value)
        except Exception:  # keep the raw value rather than lose the field
            return value

    namer = Namer()
    strings = ""
    count = 0
    try:
        for text, closed in _blocks(path):
            kind = text.lstrip()[1:].split("{", 1)[0].split("(", 1)[0].strip().lower()
            if kind in _SKIP_TYPES:
                continue
            if kind == "string":
                strings += text + "\n"
                continue
            if not closed:
                yield error_record(f"BibTeX file ends inside entry {count + 1} (unclosed brace)")
                return
            count += 1
            try:
                lib = bibtexparser.parse_string(strings + text)
            except Exception as exc:  # never raise for one odd entry
                yield Record(f"rec{count}", "", "", empty_meta(),
                             f"skipped: BibTeX entry {count} unreadable ({clean(str(exc))[:120]})")
                continue
            if not lib.entries:
                yield Record(f"rec{count}", "", "", empty_meta(),
                             f"skipped: BibTeX entry {count} could not be parsed")
                continue
            entry = lib.entries[0]
            fields = {k: decode(f.value) for k, f in entry.fields_dict.items()}
            title, paragraphs, meta = parse_fields(fields)
            rec = finish(count, title, paragraphs, meta, namer, "BibTeX")
            if rec.status.startswith("skipped") and "has no title" in rec.status:
                rec.status = rec.status.replace(f"record {count}", f"entry {count} '{entry.key}'")
            yield rec
    except OSError as exc:
        yield error_record(f"unreadable file ({exc.strerror or exc})")
        return
    if count == 0:
        yield error_record("no BibTeX entries in the file")
