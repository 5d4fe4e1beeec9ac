"""RIS: a record with no title is skipped with its reason, the rest are read."""
from exoreview.readers import read_records


def test_untitled_record_skipped_rest_read(exports, read_all):
    recs = read_all(exports / "ris_small.ris")
    assert [(r.name, r.status) for r in recs] == [
        ("doi:10.1016/j.jid.2021.77001", "ok"),
        ("rec2", "skipped: RIS record 2 has no title"),
        ("pmid:37000013", "ok"),
    ]


def test_continuation_lines_and_fields(exports, read_all):
    first, _, case = read_all(exports / "ris_small.ris")
    assert first.title == "Bone marrow MSC exosomes attenuate imiquimod-induced psoriasis-like inflammation in mice"
    assert first.text == ("# Bone marrow MSC exosomes attenuate imiquimod-induced psoriasis-like inflammation in "
                          "mice\n\nIntraperitoneal bone marrow MSC exosomes reduced ear thickness and IL-17 "
                          "expression in imiquimod-treated mice.")
    assert first.meta["authors"] == ["Garcia, Lucia", "Ortega, Pablo"]
    assert first.meta["year"] == "2021" and first.meta["journal"] == "Journal of Investigative Dermatology"
    assert first.meta["keywords"] == ["Animals", "Psoriasis", "Exosomes"]
    # T1 / A1 / Y1 / JF / N2 / M3 / AN variants
    assert case.title == "Exosome serum after fractional CO2 laser: a case report"
    assert case.meta["year"] == "2023" and case.meta["journal"] == "JAAD Case Reports"
    assert case.meta["publication_types"] == ["Case Reports", "Journal Article"]
    assert case.meta["pmid"] == "37000013" and case.meta["authors"] == ["Tanaka, Yuki"]
    assert case.text.split("\n\n")[1:] == [
        "BACKGROUND: Post-laser erythema limits downtime.",
        "CASE: A 45-year-old woman applied an exosome serum after fractional CO2 laser; erythema resolved in 3 days."]


def test_file_cut_inside_a_record(tmp_path):
    f = tmp_path / "cut.ris"
    f.write_text("TY  - JOUR\nTI  - Whole record\nER  - \n\nTY  - JOUR\nTI  - Cut rec")
    recs = list(read_records(f, "ris"))
    assert [(r.name, r.status) for r in recs] == [
        ("rec1", "ok"), ("error", "skipped: RIS file ends inside record 2 (no ER line)")]


def test_no_records(tmp_path):
    f = tmp_path / "none.ris"
    f.write_bytes(b"\x89PNG\r\n\x1a\nnot ris at all")
    assert [r.status for r in read_records(f, "ris")] == ["skipped: no RIS records in the file"]
