"""Columns of every table exoreview writes: one schema in one place.

List-valued fields (cell_source, application, outcomes, cites) are stored as
strings joined with ";" in every table, CSV and Parquet alike, which is what the
scorer reads; :func:`exoreview.summaries.explode` splits them for counting.
"""
from __future__ import annotations

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "stable id: 'd' + first 12 hex of the sha256 of the file's bytes",
        "doc": "file name (relative path inside the corpus folder)",
        "format": "reader used: txt, md, html",
        "title": "first heading or title line",
        "source_kind": "TAXONOMY source_kind key",
        "design": "evidence_tier key of the document's own study, empty for secondary or marketing",
        "status": "ok, or why the file was skipped or read with a warning",
        "encoding": "detected text encoding",
        "n_articles": "articles found in the document",
        "n_sentences": "sentences after noise removal",
        "n_claims": "claim sentences",
        "duplicate_of": "doc of an earlier document holding the same text, if any",
        "bytes": "file size (for an export record: the size of its text)",
        "year": "publication year (export records and PDFs), if known",
        "journal": "journal (export records), if known",
        "doi": "DOI, if known",
        "pmid": "PubMed id, if known",
        "publication_types": "';'-joined publication types of the record (PubMed PT, RIS M3)",
        "design_source": "what decided the document's design: publication_types, mesh, text or empty",
        "sources": "';'-joined docs holding the same paper (same DOI, PMID or title), this one first",
        "content_hash": "sha256 of the file's bytes",
    },
    "articles": {
        "article_id": "doc_id + ':a' + index",
        "doc_id": "document holding the article",
        "doc": "file name",
        "index": "0-based position in the document",
        "title": "the article's title line",
        "reference_id": "the one work the article summarises (closing 'Reference:' line), if any",
        "design": "design of that work, or of the study the article reports",
        "duplicate_of": "article_id of an earlier article with near-identical paragraphs",
    },
    "sentences": {
        "sentence_id": "doc_id + ':s' + index",
        "doc_id": "document",
        "article_id": "article",
        "index": "0-based position in the document",
        "block": "0-based paragraph (block) index in the document",
        "text": "the sentence, whitespace collapsed, citation markers kept",
        "is_heading": "the sentence is a heading or title line",
        "is_claim": "the sentence is a claim",
    },
    "claims": {
        "claim_id": "doc_id + ':c' + index",
        "sentence_id": "the sentence this claim is",
        "doc_id": "document",
        "article_id": "article",
        "doc": "file name (the scorer's key)",
        "sentence": "the sentence text",
        "cell_source": "';'-joined TAXONOMY cell_source keys",
        "evidence_tier": "TAXONOMY evidence_tier key",
        "tier_step": "which step of the tier rule decided evidence_tier (taxonomy.TIER_STEPS)",
        "tier_reason": "the words or reference that decided the tier",
        "application": "';'-joined application keys",
        "outcomes": "';'-joined key:direction pairs",
        "route": "TAXONOMY route key",
        "hedging": "TAXONOMY hedging key",
        "cites": "';'-joined citation markers as printed",
        "implicit_subject": "the sentence is about exosomes only through its context",
        "source_kind": "the document's source_kind (copied for filtering)",
        "duplicate": "the claim sits in an article that duplicates an earlier one",
    },
    "references": {
        "reference_id": "doc_id + ':r' + index",
        "doc_id": "document",
        "article_id": "article the reference closes, for article-level references",
        "label": "marker the text uses for it: '3', '*3', a footnote key, or 'ref:Author'",
        "kind": "numbered, footnote, article_line, author_year or unnumbered",
        "text": "the reference as printed",
        "year": "publication year if printed",
        "design": "evidence_tier key classified from title and venue words, empty if none",
    },
    "citations": {
        "claim_id": "claim",
        "reference_id": "reference the claim cites",
        "doc_id": "document",
        "marker": "the marker as printed in the sentence",
    },
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


def columns(table: str) -> list[str]:
    """Return the column names of one table, in output order."""
    return list(TABLES[table])
