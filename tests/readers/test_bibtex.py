"""BibTeX with abstracts: LaTeX decoded, @string resolved, an entry with no title skipped."""
from exoreview.readers import read_records


def test_entries_with_abstracts(exports, read_all):
    recs = read_all(exports / "bibtex_small.bib")
    assert [(r.name, r.status) for r in recs] == [
        ("pmid:36000021", "ok"), ("rec2", "ok"), ("rec3", "skipped: BibTeX entry 3 'notitle2020' has no title")]
    kim = recs[0]
    assert kim.title == "Human iPSC-derived MSC exosomes reverse senescence in aged dermal fibroblasts"
    assert kim.text.split("\n\n") == [
        "# Human iPSC-derived MSC exosomes reverse senescence in aged dermal fibroblasts",
        "Background: Senescent fibroblasts drive skin ageing.",
        "RESULTS: iPSC-MSC exosomes lowered SA-β-gal positivity by 45% and raised type I collagen.",
        "CONCLUSION: They may rejuvenate aged skin."]
    assert kim.meta["authors"] == ["Kim, Hyun", "Müller, Jörg", "Lee, Sang"]
    assert kim.meta["journal"] == "Journal of Dermatological Science"  # from @string
    assert kim.meta["doi"] == "10.1016/j.jdermsci.2022.66001" and kim.meta["year"] == "2022"
    assert kim.meta["keywords"] == ["exosomes", "senescence", "fibroblasts"]
    wu = recs[1]  # capitalised field names
    assert wu.meta["journal"] == "Dermatologic Therapy" and wu.meta["authors"] == ["Wu, Li"]
    assert wu.text.endswith("We review how platelet-derived vesicles could prolong anagen.")


def test_unclosed_entry_at_end(tmp_path):
    f = tmp_path / "cut.bib"
    f.write_text("@article{a, title={One}, year={2020}}\n\n@article{b, title={Two, abstract={cut")
    recs = list(read_records(f, "bibtex"))
    assert [(r.name, r.status) for r in recs] == [
        ("rec1", "ok"), ("error", "skipped: BibTeX file ends inside entry 2 (unclosed brace)")]
    assert recs[0].meta["year"] == "2020"
