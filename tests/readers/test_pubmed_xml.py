"""PubMed XML: structured abstracts, publication types, MeSH, missing fields, truncation, bad records."""
from exoreview.readers import read_records


def test_structured_abstract_keeps_its_labels(exports, read_all):
    recs = read_all(exports / "pubmed_small.xml")
    rct = recs[0]
    assert rct.name == "pmid:39000001" and rct.status == "ok"
    assert rct.title == ("Adipose stem cell-derived exosomes combined with microneedling for facial photoaging: "
                         "a randomized, split-face, double-blind trial.")
    paras = rct.text.split("\n\n")
    assert paras[0] == "# " + rct.title
    assert [p.split(":")[0] for p in paras[1:]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert paras[3].startswith("RESULTS: At 12 weeks, wrinkle scores fell by 31%")
    assert "(p < 0.01)" in paras[3]
    # nothing but title and abstract in the text
    assert "Park" not in rct.text and "Wiley" not in rct.text and "Skin Aging" not in rct.text


def test_meta_of_a_full_record(exports, read_all):
    m = read_all(exports / "pubmed_small.xml")[0].meta
    assert m["pmid"] == "39000001"
    assert m["doi"] == "10.1111/jocd.99001"
    assert m["year"] == "2024"
    assert m["journal"] == "Journal of cosmetic dermatology"
    assert m["authors"] == ["Park, Ji-Won", "Lee, Soo Min", "Korean Exosome Skin Study Group"]
    assert m["publication_types"] == ["Journal Article", "Randomized Controlled Trial"]
    assert m["mesh"] == ["Humans", "Female", "Exosomes", "Skin Aging"]
    assert m["keywords"] == ["exosomes", "microneedling"]


def test_animal_record_has_animals_but_not_humans(exports, read_all):
    mouse = read_all(exports / "pubmed_small.xml")[1]
    assert mouse.meta["mesh"] == ["Animals", "Mice", "Wound Healing"]
    assert "Humans" not in mouse.meta["mesh"]
    # inline markup flattened; <sup> kept readable, not turned into a citation marker
    assert mouse.title == "Umbilical cord MSC exosomes accelerate diabetic wound closure in db/db mice."
    assert "loaded with 10^9 umbilical cord MSC exosomes" in mouse.text
    assert "<" not in mouse.text
    assert mouse.meta["journal"] == "Stem cell research & therapy"


def test_missing_fields_are_empty(exports, read_all):
    rec = read_all(exports / "pubmed_small.xml")[2]
    assert rec.status == "ok"
    assert rec.title == "Exosomes in aesthetic dermatology: a commentary"  # translated-title brackets dropped
    assert rec.text == "# Exosomes in aesthetic dermatology: a commentary"  # no abstract
    assert rec.meta["doi"] == "" and rec.meta["mesh"] == [] and rec.meta["keywords"] == []
    assert rec.meta["year"] == "2021"  # from MedlineDate "2021 Jan-Feb"
    assert rec.meta["authors"] == ["Müller, K"]
    assert rec.meta["publication_types"] == ["Journal Article", "Comment"]


def test_doi_from_article_id_list_and_mixed_case_labels(exports, read_all):
    sr = read_all(exports / "pubmed_small.xml")[3]
    assert sr.meta["doi"] == "10.1007/s00266-025-99004"
    assert sr.meta["publication_types"][-2:] == ["Meta-Analysis", "Systematic Review"]
    assert sr.meta["authors"] == []
    assert sr.text.split("\n\n")[1] == "OBJECTIVE: To pool the clinical evidence on exosome products for skin."


def test_record_without_title_is_skipped_with_reason(exports, read_all):
    recs = read_all(exports / "pubmed_small.xml")
    assert len(recs) == 5
    assert recs[4].status == "skipped: PubMed record 5 (pmid:39000005) has no title"
    assert [r.name for r in recs] == ["pmid:39000001", "pmid:39000002", "pmid:39000003", "pmid:39000004",
                                      "pmid:39000005"]


def test_truncated_file_yields_what_it_read_then_one_error(exports, read_all):
    recs = read_all(exports / "pubmed_truncated.xml")
    assert [r.name for r in recs] == ["pmid:39000001", "pmid:39000002", "error"]
    assert recs[0].status == recs[1].status == "ok"
    assert recs[2].status == "skipped: XML truncated after record 2 (no closing tag)"


def test_entity_declarations_are_refused(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>'
                    '<PMID>1</PMID><Article><ArticleTitle>&b;</ArticleTitle></Article></MedlineCitation>'
                    '</PubmedArticle></PubmedArticleSet>')
    recs = list(read_records(bomb, "pubmed_xml"))
    assert len(recs) == 1 and recs[0].name == "error"
    assert recs[0].status.startswith("skipped: XML refused after record 0 (EntitiesForbidden")


def test_duplicate_pmid_and_records_with_no_identifier(tmp_path):
    art = ('<PubmedArticle><MedlineCitation>{pmid}<Article><ArticleTitle>{t}</ArticleTitle></Article>'
           '</MedlineCitation></PubmedArticle>')
    xml = ("<PubmedArticleSet>" + art.format(pmid="<PMID>7</PMID>", t="First")
           + art.format(pmid="<PMID>7</PMID>", t="Again") + art.format(pmid="", t="No id") + "</PubmedArticleSet>")
    f = tmp_path / "dup.xml"
    f.write_text(xml)
    recs = list(read_records(f, "pubmed_xml"))
    assert [r.name for r in recs] == ["pmid:7", "rec2", "rec3"]
    assert recs[1].status == "skipped: record 2 repeats pmid:7 (record 1)"
    assert recs[2].status == "ok" and recs[2].text == "# No id"


def test_garbage_and_wrong_xml_never_raise(tmp_path):
    f = tmp_path / "x.xml"
    f.write_bytes(b"\x00\xff<<<not xml")
    assert [r.status for r in read_records(f, "pubmed_xml")][-1].startswith("skipped: XML malformed after record 0")
    f.write_text("<rss><channel/></rss>")
    assert [r.status for r in read_records(f, "pubmed_xml")] == [
        "skipped: not a PubMed XML export (no PubmedArticleSet)"]
    assert [r.status for r in read_records(tmp_path / "missing.xml", "pubmed_xml")][0].startswith(
        "skipped: unreadable file")
