"""MEDLINE text (.nbib): continuation lines, inline structured abstracts, tags into meta."""
from exoreview.readers import read_records


def test_continuation_lines_and_labelled_abstract(exports, read_all):
    recs = read_all(exports / "medline_small.nbib")
    assert [r.name for r in recs] == ["pmid:38000011", "pmid:38000012"]
    rec = recs[0]
    assert rec.title == ("Topical plant-derived exosome-like nanoparticles reduce melanin in a 12-week "
                         "open-label study of melasma.")
    paras = rec.text.split("\n\n")
    assert paras[0] == "# " + rec.title
    assert paras[1:] == [
        "BACKGROUND: Plant-derived exosome-like nanoparticles (PELNs) from ginseng are marketed as brighteners.",
        "OBJECTIVE: To assess PELN serum in melasma.",
        "METHODS: Twenty patients applied the serum twice daily for 12 weeks.",
        "RESULTS: The modified MASI fell from 9.8 to 6.1 (p = 0.002); no adverse events occurred.",
        "CONCLUSIONS: PELN serum may lighten melasma.",
    ]


def test_meta_from_tags(exports, read_all):
    m = read_all(exports / "medline_small.nbib")[0].meta
    assert m == {"year": "2023", "journal": "Journal of cosmetic dermatology", "doi": "10.1111/jocd.88011",
                 "pmid": "38000011", "authors": ["Choi, Hana", "Kim, Dong-Hyun"],
                 "publication_types": ["Clinical Trial", "Journal Article"],
                 "mesh": ["Humans", "Melanosis", "Exosomes"], "keywords": ["melasma", "plant exosomes"]}


def test_record_with_few_tags(exports, read_all):
    rec = read_all(exports / "medline_small.nbib")[1]
    assert rec.meta["doi"] == "" and rec.meta["mesh"] == [] and rec.meta["year"] == "2020"
    assert rec.text.endswith("increased scratch closure of dermal fibroblasts by 40% at 24 h.")


def test_records_without_blank_line_between_and_crlf(tmp_path):
    f = tmp_path / "set.txt"
    f.write_bytes(b"PMID- 1\r\nTI  - One.\r\nPMID- 2\r\nTI  - Two\r\n      continued.\r\nPMID- 3\r\nAB  - no title\r\n")
    recs = list(read_records(f, "medline"))
    assert [(r.name, r.title, r.status) for r in recs] == [
        ("pmid:1", "One.", "ok"), ("pmid:2", "Two continued.", "ok"),
        ("pmid:3", "", "skipped: MEDLINE record 3 (pmid:3) has no title")]


def test_not_medline_at_all(tmp_path):
    f = tmp_path / "empty.nbib"
    f.write_text("\n\n")
    assert [r.status for r in read_records(f, "medline")] == ["skipped: no MEDLINE records in the file"]
