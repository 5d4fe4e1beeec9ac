"""Which files are exports, and which are left to the plain-text readers."""
from pathlib import Path

from exoreview.readers import sniff


def test_sniff_by_extension_and_content(exports):
    assert sniff(exports / "pubmed_small.xml", (exports / "pubmed_small.xml").read_bytes()[:2048]) == "pubmed_xml"
    assert sniff(exports / "medline_small.nbib", b"PMID- 1\n") == "medline"
    assert sniff(exports / "ris_small.ris", b"") == "ris"
    assert sniff(exports / "bibtex_small.bib", b"") == "bibtex"
    assert sniff(Path("paper.pdf"), b"") == "pdf"
    assert sniff(Path("paper.bin"), b"%PDF-1.7\n") == "pdf"


def test_txt_files_are_exports_only_when_they_look_like_one():
    assert sniff(Path("pubmed-exosome-set.txt"), b"\n\nPMID- 38000011\nOWN - NLM\n") == "medline"
    assert sniff(Path("endnote.txt"), b"\xef\xbb\xbfTY  - JOUR\nTI  - x\n") == "ris"
    assert sniff(Path("blog.txt"), b"Exosomes are the new frontier in skincare.\n") is None
    assert sniff(Path("notes.md"), b"# PMID- not an export\n") is None
    assert sniff(Path("page.html"), b"<html><body>PubmedArticleSet</body></html>") is None
    assert sniff(Path("other.xml"), b"<?xml version='1.0'?><rss></rss>") is None
    assert sniff(Path("set.xml"), b"<?xml version='1.0'?>\n<PubmedArticleSet>") == "pubmed_xml"
