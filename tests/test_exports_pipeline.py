"""Exports through the whole pipeline: metadata-first design, cross-format duplicates, bad records."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from exoreview.cli import main
from exoreview.pipeline import run

EXPORTS = Path(__file__).parent / "data" / "exports"

XML = """<?xml version="1.0"?>
<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID>111</PMID><Article>
<Journal><JournalIssue><PubDate><Year>2024</Year></PubDate></JournalIssue><Title>J Cosmet Derm</Title></Journal>
<ArticleTitle>Adipose stem cell exosomes after fractional laser: a split-face trial.</ArticleTitle>
<Abstract><AbstractText Label="BACKGROUND">Scars are common.</AbstractText>
<AbstractText Label="RESULTS">Exosome-treated sides showed less erythema and faster healing.</AbstractText></Abstract>
<PublicationTypeList><PublicationType>Journal Article</PublicationType>
<PublicationType>Randomized Controlled Trial</PublicationType></PublicationTypeList>
</Article></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="doi">10.5555/x.1</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>222</PMID><Article>
<Journal><JournalIssue><PubDate><Year>2021</Year></PubDate></JournalIssue><Title>Wound Rep</Title></Journal>
<ArticleTitle>Cord MSC exosomes speed diabetic wound closure.</ArticleTitle>
<Abstract><AbstractText>Umbilical cord MSC exosomes accelerated wound closure and angiogenesis.</AbstractText></Abstract>
<PublicationTypeList><PublicationType>Journal Article</PublicationType></PublicationTypeList>
</Article><MeshHeadingList><MeshHeading><DescriptorName>Animals</DescriptorName></MeshHeading>
<MeshHeading><DescriptorName>Mice</DescriptorName></MeshHeading></MeshHeadingList></MedlineCitation>
</PubmedArticle>
</PubmedArticleSet>
"""

RIS = """TY  - JOUR
TI  - Adipose stem cell exosomes after fractional laser: a split-face trial
AB  - Exosome-treated sides showed less erythema.
DO  - 10.5555/x.1
PY  - 2024
ER  - 

TY  - JOUR
AB  - A record with no title: exosomes reduce wrinkles.
PY  - 2020
ER  - 
"""


def test_export_records_metadata_first_and_duplicates(make_corpus, tmp_path):
    corpus = make_corpus({"a_pubmed.xml": XML, "b_library.ris": RIS})
    run([corpus], tmp_path / "o", quiet=True, warn=lambda m: None)
    docs = pd.read_csv(tmp_path / "o" / "documents.csv", keep_default_na=False, dtype=str).set_index("doc")
    assert docs.loc["a_pubmed.xml#pmid:111", ["design", "design_source", "source_kind", "year", "doi"]].tolist() == [
        "rct", "publication_types", "primary_research", "2024", "10.5555/x.1"]
    assert docs.loc["a_pubmed.xml#pmid:222", ["design", "design_source"]].tolist() == ["animal", "mesh"]
    dup = [d for d in docs.index if d.startswith("b_library.ris#doi")][0]
    assert docs.loc[dup, "duplicate_of"] == "a_pubmed.xml#pmid:111"
    assert docs.loc["a_pubmed.xml#pmid:111", "sources"] == f"a_pubmed.xml#pmid:111;{dup}"
    assert docs.loc["b_library.ris#rec2", "status"].startswith("skipped:") and "no title" in docs.loc[
        "b_library.ris#rec2", "status"]
    claims = pd.read_csv(tmp_path / "o" / "claims.csv", keep_default_na=False)
    rct = claims[claims.doc == "a_pubmed.xml#pmid:111"]
    assert len(rct) >= 1 and set(rct.evidence_tier) == {"rct"} and set(rct.tier_step) == {"document_design"}
    assert claims[claims.doc == dup].duplicate.all() and not rct.duplicate.any()


def test_truncated_export_is_a_warning_not_a_failure(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "cut.xml").write_text(XML[: XML.index("<PubmedArticle><MedlineCitation><PMID>222")] + "<PubmedArt")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "o"), "-q"]) == 0
    err = capsys.readouterr().err
    assert "warning: cut.xml#error: skipped:" in err and "Traceback" not in err
    docs = pd.read_csv(tmp_path / "o" / "documents.csv", keep_default_na=False)
    assert (docs.status == "ok").sum() == 1
