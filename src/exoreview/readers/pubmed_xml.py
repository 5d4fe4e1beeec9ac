"""PubMed XML (``PubmedArticleSet``): streamed with defusedxml's iterparse, one article at a time.

Entity declarations and external references are refused (defusedxml); each
``PubmedArticle`` / ``PubmedBookArticle`` is cleared once read, and the root
is emptied, so memory stays bounded whatever the size of the export.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator
from xml.etree.ElementTree import Element, ParseError

from ._common import Namer, Record, clean, empty_meta, error_record, find_doi, find_year, finish, one_line

_ARTICLES = {"PubmedArticle", "PubmedBookArticle"}


def _text(elem: Element | None) -> str:
    """All text inside ``elem`` (inline markup such as <i> flattened; <sup> written as '^')."""
    if elem is None:
        return ""
    parts: list[str] = []

    def walk(e: Element) -> None:
        if e.text:
            parts.append(("^" if e.tag == "sup" else "") + e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(elem)
    return clean("".join(parts))


def _title(text: str) -> str:
    # PubMed prints translated titles in brackets: "[Exosomes in dermatology]."
    m = re.fullmatch(r"\[(.+)\]\.?", text)
    return m.group(1) if m else text


def _abstract(abstract: Element | None) -> list[str]:
    if abstract is None:
        return []
    paragraphs = []
    for part in abstract.findall("AbstractText"):
        body = _text(part)
        if not body:
            continue
        label = clean(part.get("Label") or "")
        paragraphs.append(f"{label.upper()}: {body}" if label else body)
    return paragraphs


def _year(article: Element) -> str:
    for path in (".//Journal/JournalIssue/PubDate/Year", ".//ArticleDate/Year", ".//Book/PubDate/Year",
                 ".//PubDate/Year"):
        y = article.findtext(path)
        if y and y.strip():
            return y.strip()
    for path in (".//Journal/JournalIssue/PubDate/MedlineDate", ".//PubDate/MedlineDate"):
        y = find_year(article.findtext(path) or "")
        if y:
            return y
    return ""


def _authors(article: Element) -> list[str]:
    out = []
    for author in article.iterfind(".//AuthorList/Author"):
        collective = clean(author.findtext("CollectiveName"))
        if collective:
            out.append(collective)
            continue
        last, fore = clean(author.findtext("LastName")), clean(author.findtext("ForeName"))
        fore = fore or clean(author.findtext("Initials"))
        if last:
            out.append(f"{last}, {fore}" if fore else last)
    return out


def parse_article(article: Element) -> tuple[str, list[str], dict]:
    """Title, abstract paragraphs and meta of one PubmedArticle / PubmedBookArticle element."""
    meta = empty_meta()
    citation = article.find("MedlineCitation")
    if citation is None:
        citation = article.find("BookDocument")
    if citation is None:
        citation = article
    meta["pmid"] = clean(citation.findtext("PMID"))
    art = citation.find("Article")
    if art is None:
        art = citation  # PubmedBookArticle keeps its fields on BookDocument
    title = _title(_text(art.find("ArticleTitle")))
    if not title:
        title = _title(_text(art.find("VernacularTitle"))) or _text(art.find(".//BookTitle"))
    paragraphs = _abstract(art.find("Abstract"))
    meta["journal"] = clean(art.findtext("Journal/Title")) or clean(art.findtext("Journal/ISOAbbreviation"))
    meta["year"] = _year(art)
    meta["authors"] = _authors(art)
    meta["publication_types"] = [clean(p.text) for p in art.iterfind(".//PublicationTypeList/PublicationType")
                                 if clean(p.text)]
    meta["mesh"] = [clean(d.text) for d in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")
                    if clean(d.text)]
    meta["keywords"] = [_text(k) for k in citation.iterfind("KeywordList/Keyword") if _text(k)]
    doi = ""
    for loc in art.iterfind("ELocationID"):
        if (loc.get("EIdType") or "").lower() == "doi":
            doi = find_doi(loc.text or "")
            break
    if not doi:
        for aid in article.iterfind("PubmedData/ArticleIdList/ArticleId"):
            if (aid.get("IdType") or "").lower() == "doi":
                doi = find_doi(aid.text or "")
                break
    if not meta["pmid"]:
        for aid in article.iterfind("PubmedData/ArticleIdList/ArticleId"):
            if (aid.get("IdType") or "").lower() == "pubmed" and (aid.text or "").strip().isdigit():
                meta["pmid"] = aid.text.strip()
                break
    meta["doi"] = doi
    return title, paragraphs, meta


def read(path: Path) -> Iterator[Record]:
    """Stream the records of a PubMed XML export."""
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import iterparse
        kwargs = {"forbid_dtd": False, "forbid_entities": True, "forbid_external": True}
    except ImportError:  # pragma: no cover - defusedxml is a dependency; stdlib expat loads no external DTD
        from xml.etree.ElementTree import iterparse
        DefusedXmlException = ValueError  # noqa: N806
        kwargs = {}
    namer = Namer()
    count = 0
    root = None
    saw_set = False
    try:
        with open(path, "rb") as fh:
            for event, elem in iterparse(fh, events=("start", "end"), **kwargs):
                if event == "start":
                    if root is None:
                        root = elem
                        saw_set = elem.tag == "PubmedArticleSet" or elem.tag in _ARTICLES
                    continue
                if elem.tag not in _ARTICLES:
                    continue
                count += 1
                try:
                    title, paragraphs, meta = parse_article(elem)
                    yield finish(count, title, paragraphs, meta, namer, "PubMed")
                except Exception as exc:  # one odd record never stops the file
                    yield Record(f"rec{count}", "", "", empty_meta(),
                                 f"skipped: PubMed record {count} unreadable ({one_line(exc, 120)})")
                elem.clear()
                if root is not None and root is not elem:
                    root.clear()
    except DefusedXmlException as exc:
        yield error_record(f"XML refused after record {count} ({type(exc).__name__}: {one_line(exc, 120)})")
        return
    except ParseError as exc:
        msg = str(exc)
        if msg.startswith(("no element found", "unclosed token")):
            yield error_record(f"XML truncated after record {count} (no closing tag)")
        else:
            yield error_record(f"XML malformed after record {count} ({one_line(msg, 120)})")
        return
    except OSError as exc:
        yield error_record(f"unreadable file ({exc.strerror or exc})")
        return
    if not saw_set:
        yield error_record("not a PubMed XML export (no PubmedArticleSet)")
    elif count == 0:
        yield error_record("no PubmedArticle records in the file")
