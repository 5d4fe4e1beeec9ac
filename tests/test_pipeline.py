"""Corpus-level extraction: tables, noise, articles, duplicates, citations, the CLI."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from exoreview.cli import main
from exoreview.pipeline import run

REVIEW = """Exosomes in Skin Repair

Abstract
Mesenchymal stem cell exosomes promote wound healing in diabetic mice<sup>1</sup>. They also reduce scar formation<sup>2</sup>.

Exosomes may improve wrinkles<sup>3-4</sup>.

### References

1. Smith A. Exosomes accelerate diabetic wound closure in mice. J Derm 2020.
2. Jones B. A randomized, double-blind split-face trial of exosomes for acne scars. 2021.
3. Lee C. Current understanding of exosomes: a review. 2019.
4. Park D. Exosome cream in patients with photoaging: an open-label study. 2022.
"""

NEWS = """Exosomes Stimulate Hair Growth

Hair loss affects many people.

In a 2021 study, the researchers treated mice with exosomes from adipose stem cells. The exosome-treated mice grew more hair.

This is good news for everyone.

Reference: Kim, A. et al. (2021). Adipose exosomes promote hair growth. J Hair, 1-9.

Exosomes Accelerate Wound Closure

Exosomes Accelerate Wound Closure

Exosomes from platelets speed wound closure in a clinical study of 20 patients.

Reference: Lee, B. et al. (2022). Platelet exosomes and wounds: a clinical study. Wound J, 3-9.

Subscribe to our newsletter
Request a Free Consultation
Request a Free Consultation
Request a Free Consultation
"""


def _extract(make_corpus, tmp_path, files: dict[str, str], *tables: str) -> list[pd.DataFrame]:
    """Run extraction on a corpus of ``files`` and read back the named tables."""
    run([make_corpus(files)], tmp_path / "o", quiet=True)
    return [pd.read_csv(tmp_path / "o" / f"{t}.csv", keep_default_na=False) for t in tables]


def test_tables_and_links(make_corpus, tmp_path):
    corpus = make_corpus({"review.md": REVIEW, "news.txt": NEWS})
    out = tmp_path / "out"
    summary = run([corpus], out, quiet=True)
    assert summary.documents == 2 and summary.skipped == 0
    for table in ("documents", "articles", "sentences", "claims", "references", "citations"):
        assert (out / f"{table}.csv").is_file() and (out / f"{table}.parquet").is_file()
    claims = pd.read_csv(out / "claims.csv", keep_default_na=False)
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False).set_index("doc")
    assert docs.loc["news.txt", "n_articles"] == 2
    assert docs.loc["news.txt", "source_kind"] == "vendor_marketing"
    by = claims.set_index("sentence")
    s = "Mesenchymal stem cell exosomes promote wound healing in diabetic mice<sup>1</sup>."
    assert by.loc[s, "evidence_tier"] == "animal"
    assert by.loc["They also reduce scar formation<sup>2</sup>.", "evidence_tier"] == "rct"
    assert by.loc["They also reduce scar formation<sup>2</sup>.", "tier_step"] == "cited_reference"
    assert by.loc["Exosomes may improve wrinkles<sup>3-4</sup>.", "evidence_tier"] == "clinical_study"
    assert by.loc["Exosomes may improve wrinkles<sup>3-4</sup>.", "hedging"] == "hedged"
    assert by.loc["The exosome-treated mice grew more hair.", "evidence_tier"] == "animal"
    assert by.loc["The exosome-treated mice grew more hair.", "cell_source"] == "adipose_msc"
    assert "Exosomes Accelerate Wound Closure" in by.index and list(claims.sentence).count("Exosomes Accelerate Wound Closure") == 1
    assert not any("Consultation" in s or "newsletter" in s for s in claims.sentence)
    cites = pd.read_csv(out / "citations.csv", keep_default_na=False)
    refs = pd.read_csv(out / "references.csv", keep_default_na=False).set_index("reference_id")
    wr = claims[claims.sentence.str.contains("wrinkles")].claim_id.iloc[0]
    assert sorted(refs.loc[cites[cites.claim_id == wr].reference_id, "label"]) == ["3", "4"]


def test_duplicate_articles_are_recorded(make_corpus, tmp_path):
    para = ("Exosomes derived from umbilical cord stem cells increase collagen and elastin production in "
            "human skin samples, according to the researchers who ran this study last year.")
    corpus = make_corpus({"a.txt": f"Title A\n\n{para}\n", "b.txt": f"Title B\n\n{para}\n"})
    run([corpus], tmp_path / "o", quiet=True)
    docs = pd.read_csv(tmp_path / "o" / "documents.csv", keep_default_na=False).set_index("doc")
    assert docs.loc["b.txt", "duplicate_of"] == "a.txt" and docs.loc["a.txt", "duplicate_of"] == ""
    claims = pd.read_csv(tmp_path / "o" / "claims.csv", keep_default_na=False)
    assert claims.groupby("doc").duplicate.first().to_dict() == {"a.txt": False, "b.txt": True}


def test_section_headings_every_paper_prints_are_not_site_chrome(make_corpus, tmp_path):
    # in a corpus of papers "Abstract" and "References" open half the files or more, like site chrome;
    # they are structure: without them a reference list reads as twelve closing reference lines
    papers = {f"p{i}.txt": (f"Exosome paper {i}\n\nAbstract\nExosomes reduce wrinkles in mice (Kim et al., 2021).\n\n"
                            f"References\n\nKim, S., Park, J. (2021). Exosomes in mouse model {i}. J Derm, 1-9.\n\n"
                            f"Lee, H., Cho, K. (2020). Exosome cream {i}: a randomized trial. J Skin, 2-8.\n\n"
                            "Visit our site\n") for i in range(4)}
    refs, sents = _extract(make_corpus, tmp_path, papers, "references", "sentences")
    assert set(refs.kind) == {"author_year"} and len(refs) == 8
    assert "Visit our site" not in set(sents.text)  # the chrome line still goes


def test_same_corpus_same_tables(make_corpus, tmp_path):
    corpus = make_corpus({"review.md": REVIEW, "news.txt": NEWS})
    run([corpus], tmp_path / "o1", quiet=True)
    run([corpus], tmp_path / "o2", quiet=True, jobs=2)
    for t in ("documents", "claims", "references", "citations"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "o1" / f"{t}.parquet"),
                                      pd.read_parquet(tmp_path / "o2" / f"{t}.parquet"))


@pytest.mark.parametrize("setup,message", [
    ("missing", "corpus path not found"),
    ("empty", "the folder is empty"),
    ("unreadable", "no readable document"),
    ("allbad", "no readable document"),
])
def test_cli_bad_input_is_one_line_and_exit_2(make_corpus, tmp_path, capsys, setup, message):
    if setup == "missing":
        path = tmp_path / "nope"
    elif setup == "empty":
        path = make_corpus({})
    elif setup == "unreadable":
        path = make_corpus({"a.pdf": b"%PDF-1.4", "b.docx": b"PK"})
    else:
        path = make_corpus({"a.txt": "", "b.txt": bytes(range(256)) * 10})
    code = main(["extract", str(path), "--out", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) >= 1 and message in err[-1] and "Traceback" not in "\n".join(err)
    assert not (tmp_path / "out").exists()


def test_bad_file_inside_corpus_is_a_warning_and_recorded(make_corpus, tmp_path, capsys):
    corpus = make_corpus({"good.txt": NEWS, "empty.txt": "", "bin.html": bytes(range(256)) * 10})
    assert main(["extract", str(corpus), "--out", str(tmp_path / "o"), "-q"]) == 0
    err = capsys.readouterr().err
    assert "warning: empty.txt: skipped: empty file" in err and "warning: bin.html: skipped: binary" in err
    docs = pd.read_csv(tmp_path / "o" / "documents.csv", keep_default_na=False).set_index("doc")
    assert docs.loc["good.txt", "status"] == "ok" and docs.loc["empty.txt", "status"] == "skipped: empty file"


def test_failed_run_leaves_previous_output(make_corpus, tmp_path):
    corpus = make_corpus({"good.txt": NEWS})
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "-q"]) == 0
    before = (out / "claims.csv").read_bytes()
    assert main(["extract", str(tmp_path / "missing"), "--out", str(out), "-q"]) == 2
    empty = make_corpus({"x.txt": ""}, name="bad")
    assert main(["extract", str(empty), "--out", str(out), "-q"]) == 2
    assert (out / "claims.csv").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_a_page_linking_several_studies_does_not_summarise_one(make_corpus, tmp_path):
    text = ("# Exosome news\n\nThe researchers found that adipose stem cell exosomes reduced wrinkles in a "
            "randomised trial ([study](https://pubmed.ncbi.nlm.nih.gov/31111111/)).\n\nAnother team showed that "
            "exosomes heal wounds in mice ([study](https://pubmed.ncbi.nlm.nih.gov/32222222/)).\n\n"
            "Exosomes may also calm redness after lasers.\n")
    claims, = _extract(make_corpus, tmp_path, {"news.md": text}, "claims")
    last = claims.set_index("sentence").loc["Exosomes may also calm redness after lasers."]
    assert (last.evidence_tier, last.tier_step) == ("expert_opinion", "fallback")


def test_a_past_tense_result_after_a_study_goes_on_reporting_it(make_corpus, tmp_path):
    text = ("# Monthly roundup\n\nA team tested bacterial vesicles on mice with dermatitis "
            "([paper](https://doi.org/10.5555/a.1)). Painted on the skin daily for two weeks, the vesicles "
            "reduced ear swelling compared with vehicle. Vesicle creams are popular with many clinics.\n\n"
            "A second team ran a split-face trial of plant exosomes ([paper](https://doi.org/10.5555/b.2)).\n")
    claims, = _extract(make_corpus, tmp_path, {"roundup.md": text}, "claims")
    tiers = dict(zip(claims.sentence, zip(claims.evidence_tier, claims.tier_step)))
    assert tiers["Painted on the skin daily for two weeks, the vesicles reduced ear swelling compared with "
                 "vehicle."] == ("animal", "reported_study")
    assert tiers["Vesicle creams are popular with many clinics."] == ("expert_opinion", "fallback")


def test_a_papers_methods_are_not_claims_and_a_labelled_title_is(make_corpus, tmp_path):
    text = ("# Abstract P-12: Placental MSC exosomes accelerate wound repair in pigs\n\n"
            "**Methods.** Exosomes were collected from placental MSCs and applied to wounds in six pigs daily.\n\n"
            "**Results.** Exosomes accelerated wound closure in pigs, with 92% closure at day 21 (p < 0.01).\n\n"
            "## Materials and methods\n\nEach wound received exosomes in a hydrogel every third day.\n")
    claims, = _extract(make_corpus, tmp_path, {"poster.md": text}, "claims")
    assert claims.sentence.tolist() == [
        "Abstract P-12: Placental MSC exosomes accelerate wound repair in pigs",
        "Exosomes accelerated wound closure in pigs, with 92% closure at day 21 (p < 0.01)."]


def test_a_systematic_reviews_own_findings_take_its_design(make_corpus, tmp_path):
    text = ("Exosome therapy for photoaging: a systematic review and meta-analysis\n\n"
            "Abstract\n\nFollowing PRISMA, we pooled 14 studies of topical exosomes.\n\n"
            "Results\n\nTopical exosome therapy reduced wrinkle severity (SMD -0.62, 95% CI -0.88 to -0.36). "
            "Across the seven randomised trials, exosome adjuncts improved scar scores (SMD -0.71). "
            "Wound closure was also faster in exosome-treated mice (SMD 1.9; I² = 70%; 12 studies).\n\n"
            "Discussion\n\nOur findings suggest that exosome adjuncts add a moderate benefit. "
            "Exosomes are thought to calm inflammation.\n\n"
            "Funding\nNone.\n\nCompeting interests\nNone.\n\nReferences\n1. Lee J. Exosomes. 2020.\n")
    docs, claims = _extract(make_corpus, tmp_path, {"sr.txt": text}, "documents", "claims")
    assert (docs.source_kind[0], docs.design[0]) == ("peer_reviewed_review", "systematic_review")
    finding = claims[claims.sentence.str.startswith("Topical exosome therapy reduced wrinkle severity")]
    assert finding.evidence_tier.tolist() == ["systematic_review"]
    tier = claims.set_index("sentence").evidence_tier
    # the trials it counts are its included studies, pooled; "our findings" are its own, in any section
    assert tier["Across the seven randomised trials, exosome adjuncts improved scar scores (SMD -0.71)."] == \
        "systematic_review"
    assert tier["Our findings suggest that exosome adjuncts add a moderate benefit."] == "systematic_review"
    # a pooled effect over the animal studies it included is its own finding, not an animal study
    assert tier["Wound closure was also faster in exosome-treated mice (SMD 1.9; I² = 70%; 12 studies)."] == \
        "systematic_review"
    assert tier["Exosomes are thought to calm inflammation."] == "narrative_review"  # its background talk


def test_a_folder_exoreview_did_not_write_is_never_replaced(make_corpus, tmp_path, capsys):
    corpus = make_corpus({"good.txt": NEWS})
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    assert main(["extract", str(corpus), "--out", str(mine), "-q"]) == 2
    assert "exoreview did not write" in capsys.readouterr().err
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    assert main(["extract", str(corpus), "--out", str(corpus), "-q"]) == 2  # not even the corpus itself
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "-q"]) == 0
    assert main(["extract", str(corpus), "--out", str(out), "-q"]) == 0  # its own output: replaced


def test_console_script_reports_error_without_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "exoreview.cli", "extract", str(tmp_path / "none"),
                           "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"exoreview: error: corpus path not found: {tmp_path / 'none'}"


def test_bad_vocabulary_is_one_line(tmp_path, make_corpus, capsys):
    extra = tmp_path / "vocab"
    extra.mkdir()
    (extra / "cell_sources.yaml").write_text("adipose: [fat]\n")
    corpus = make_corpus({"a.txt": NEWS})
    assert main(["extract", str(corpus), "--out", str(tmp_path / "o"), "--vocab", str(extra)]) == 2
    err = capsys.readouterr().err.strip()
    assert "cell_sources.yaml: unknown key 'adipose'" in err and "adipose_msc" in err


def test_sentence_printed_twice_is_one_claim(make_corpus, tmp_path):
    text = ("Exosomes from adipose stem cells reduce scarring after laser treatment.\n\n"
            "Other text about skin.\n\n"
            "“Exosomes from adipose stem cells reduce scarring after laser treatment.”\n")
    claims, = _extract(make_corpus, tmp_path, {"pull.txt": text}, "claims")
    assert claims.sentence.tolist() == ["Exosomes from adipose stem cells reduce scarring after laser treatment."]


LINKED = """---
title: Clinic blog
---

Book a consultation with our clinic today for exosome facials and more.

Exosomes from adipose stem cells [reduced acne scars](https://doi.org/10.1234/abc.5) in a published trial.

Exosomes [calm redness](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7654321/) in many patients.

Exosomes [renew your glow](https://ourclinic.example/shop) every single week.

## References

1. Kim A. Adipose exosomes for acne scars: a randomized split-face trial. J Derm. 2021. https://doi.org/10.1234/abc.5
"""


def test_scholarly_links_are_citations_and_resolve_by_doi(make_corpus, tmp_path):
    claims, = _extract(make_corpus, tmp_path, {"blog.md": LINKED}, "claims")
    tier = {s.split(" [")[0][:30]: (t, c) for s, t, c in zip(claims.sentence, claims.evidence_tier, claims.cites)}
    assert tier["Exosomes from adipose stem cel"] == ("rct", "https://doi.org/10.1234/abc.5")
    assert tier["Exosomes calm redness"][0] == "narrative_review"  # a paper that cannot be placed
    assert tier["Exosomes renew your glow"] == ("expert_opinion", "")  # a shop link is no citation


PAPER = """# Adipose exosomes accelerate wound closure in diabetic mice

## Abstract

Adipose stem cell exosomes were applied to wounds in diabetic mice. Treated wounds closed faster.

## Introduction

Randomized controlled trials in patients with ulcers have tested growth factors. Exosomes may help.

## Materials and methods

Mice were treated with exosomes. Statistical analysis used t tests.

## Results

Exosome-treated wounds closed 30% faster and showed more angiogenesis.

## Discussion

Exosomes promote wound healing. Clinical trials in patients are needed.

## Funding

None.

## Competing interests

None.

## References

1. Smith A. Growth factors for ulcers: a randomized trial. 2019.
"""


def test_primary_paper_design_comes_from_its_own_methods(make_corpus, tmp_path):
    docs, claims = _extract(make_corpus, tmp_path, {"paper.md": PAPER}, "documents", "claims")
    assert docs.loc[0, ["source_kind", "design", "design_source"]].tolist() == ["primary_research", "animal", "text"]
    claims = claims.set_index("sentence")
    assert claims.loc["Exosomes promote wound healing.", ["evidence_tier", "tier_step"]].tolist() == [
        "animal", "document_design"]


def test_bullets_under_a_heading_naming_exosomes_are_claims(make_corpus, tmp_path):
    text = "# Benefits of Exosome Therapy\n\n- Reduces fine lines and wrinkles\n- Minimal downtime\n\n# Contact\n\n- Reduces wait\n"
    claims, = _extract(make_corpus, tmp_path, {"page.md": text}, "claims")
    assert claims.sentence.tolist() == ["Reduces fine lines and wrinkles"]
    assert claims.implicit_subject.tolist() == [True] and claims.outcomes.tolist() == ["wrinkles:down"]


AUTHOR_YEAR = """Exosomes in wound care

Adipose exosomes close diabetic wounds faster (Smith et al., 2020). Exosome creams improved acne scars in a trial reported by Lee and Kim (2019).

References

Lee, C., Kim, D. (2019). Exosome cream for acne scars: a randomized, double-blind split-face trial. Derm J, 2-8.
Smith, A., Jones, B. (2020). Exosomes heal diabetic wounds in mice. J Derm, 1-9.
"""


def test_author_year_citations_link_to_an_author_year_list(make_corpus, tmp_path):
    refs, claims = _extract(make_corpus, tmp_path, {"ay.txt": AUTHOR_YEAR}, "references", "claims")
    assert sorted(zip(refs.label, refs.kind, refs.design)) == [
        ("lee2019", "author_year", "rct"), ("smith2020", "author_year", "animal")]
    assert claims.evidence_tier.tolist() == ["animal", "rct"]
    assert set(claims.tier_step) == {"cited_reference"}


def test_measured_bullets_after_a_colon_in_a_document_about_exosomes(make_corpus, tmp_path):
    text = ("---\ntitle: Exosome skin therapy\n---\n\nA meta-analysis of 39 trials found:\n\n"
            "- Wrinkle reduction: 20% (p<0.001)\n- Studies were small\n\nIngredients include:\n\n"
            "- angiogenic factors that promote vessel formation\n")
    claims, = _extract(make_corpus, tmp_path, {"wiki.md": text}, "claims")
    assert claims.sentence.tolist() == ["Wrinkle reduction: 20% (p<0.001)"]


def test_a_case_report_is_primary_research_with_the_design_its_title_names(make_corpus, tmp_path):
    text = ("Melasma treated with exosomes and microneedling: a case report\n\nABSTRACT\n\n"
            "Background: Melasma is common in patients with darker skin.\n\n"
            "Keywords: exosomes; melasma\n\nINTRODUCTION\n\nMelasma is common in adult patients [1].\n\n"
            "CASE PRESENTATION\n\nA 34-year-old woman, like most of our patients, received four sessions. Her melanin index fell by 31% after "
            "the exosome sessions.\n\nDISCUSSION\n\nThis case suggests that exosomes can lighten melasma.\n\n"
            "Patient consent: obtained.\n\nConflict of interest: none.\n\nREFERENCES\n\n"
            "1. Lee J. Melasma in a cohort of 300 patients. J Derm. 2020;1:2.\n")
    docs, claims = _extract(make_corpus, tmp_path, {"case.txt": text}, "documents", "claims")
    assert (docs.source_kind[0], docs.design[0]) == ("primary_research", "case_report")
    tier = claims.set_index("sentence").evidence_tier
    assert tier["This case suggests that exosomes can lighten melasma."] == "case_report"


def test_a_journal_header_is_no_title_and_own_results_keep_the_titles_source(make_corpus, tmp_path):
    text = ("J Cutan Regen Med 2023; 14(2): 211-224\ndoi: 10.5555/jcrm.2023.0412\n\nORIGINAL ARTICLE\n\n"
            "Adipose stem cell exosomes accelerate wound closure in diabetic rats\n\n"
            "Abstract\n\nWe investigated exosomes in diabetic rats.\n\nMethods\n\nRats were treated daily.\n\n"
            "Results\n\nBy day 7, the wound area in exosome-treated rats had decreased to 43% of baseline.\n\n"
            "Discussion\n\nOur results support further work.\n\nReferences\n\n1. Lee J. Wounds. J Derm. 2020;1:2.\n")
    docs, claims = _extract(make_corpus, tmp_path, {"paper.txt": text}, "documents", "claims")
    assert docs.title[0] == "Adipose stem cell exosomes accelerate wound closure in diabetic rats"
    assert docs.design[0] == "animal"
    row = claims[claims.sentence.str.startswith("By day 7")].iloc[0]
    assert (row.evidence_tier, row.cell_source, row.application) == ("animal", "adipose_msc", "wound_healing")


def test_a_page_of_structured_abstracts_is_one_article_per_abstract(make_corpus, tmp_path):
    rule = "-" * 40
    text = (f"Annual meeting of a dermatology society\n\nPoster session B\n\n{rule}\n\nP-11\n"
            "Placental stem cell exosomes protect cultured keratinocytes from UVB injury\n\n"
            "Background: UVB damages skin cells.\n\n"
            "Methods: HaCaT keratinocytes were exposed to UVB and then incubated with vesicles in vitro.\n\n"
            "Results: Intracellular ROS fell by 41% in treated cells. Type I collagen secretion "
            "decreased from 30% to 12%.\n\n"
            f"{rule}\n\nP-12\nAdipose stem cell exosomes for hair loss: an open-label study\n\n"
            "Background: Hair loss is common.\n\n"
            "Methods: Thirty patients received intradermal exosome injections in this open-label clinical study.\n\n"
            "Results: All 30 patients completed the study. Mean hair density increased from 118 to 139 "
            "hairs/cm2 at week 24 (p < 0.001).\n\n"
            "Conclusion: Exosome injections appear safe and may increase hair density.\n\n"
            "Disclosures: none declared.\n\nFunding: a regional research grant.\n")
    docs, arts, claims = _extract(make_corpus, tmp_path, {"abstracts.txt": text},
                                  "documents", "articles", "claims")
    assert list(arts.title[1:]) == ["Placental stem cell exosomes protect cultured keratinocytes from UVB injury",
                                    "Adipose stem cell exosomes for hair loss: an open-label study"]
    assert docs.design[0] == "clinical_study"  # the strongest of its abstracts
    row = claims.set_index("sentence")
    # each abstract's results take its own study's design and cell source, also without naming exosomes
    assert row.loc["Type I collagen secretion decreased from 30% to 12%.",
                   ["evidence_tier", "cell_source"]].tolist() == ["in_vitro", "placenta_msc"]
    assert row.loc["Mean hair density increased from 118 to 139 hairs/cm2 at week 24 (p < 0.001).",
                   ["evidence_tier", "cell_source"]].tolist() == ["clinical_study", "adipose_msc"]


def test_each_section_of_a_digest_reports_the_one_paper_it_links(make_corpus, tmp_path):
    page = ("<html><body><h1>This month in skin research</h1><p>We picked two papers for you.</p>"
            "<h2>Plant vesicles lighten melasma in a trial</h2>"
            "<p>Ginseng exosome-like nanoparticles were tested in a randomised, double-blind split-face trial "
            "of 40 women (<a href='https://doi.org/10.1234/abc.1'>journal</a>). On the treated side, the "
            "melasma severity index fell by 34%, against 12% on the control side.</p>"
            "<h2>Bacterial vesicles calm dermatitis in mice</h2>"
            "<p>A team tested Lactobacillus vesicles on mice with dermatitis "
            "(<a href='https://doi.org/10.1234/abc.2'>journal</a>). Skin inflammation fell by 40% "
            "compared with vehicle.</p></body></html>")
    arts, claims = _extract(make_corpus, tmp_path, {"roundup.html": page}, "articles", "claims")
    assert list(arts.title) == ["This month in skin research", "Plant vesicles lighten melasma in a trial",
                                "Bacterial vesicles calm dermatitis in mice"]
    tier = claims.set_index("sentence").evidence_tier
    assert tier["On the treated side, the melasma severity index fell by 34%, against 12% on the control side."] == "rct"
    assert tier["Skin inflammation fell by 40% compared with vehicle."] == "animal"


def test_a_papers_back_matter_holds_no_claims(make_corpus, tmp_path):
    text = ("Umbilical cord MSC exosomes for acne scars: a case report\n\n"
            "Exosomes from umbilical cord MSCs reduced scar depth by 40% after three sessions.\n\n"
            "Conflict of interest: The exosome serum was donated by its maker. Exosomes from the maker "
            "were used in every session.\n\n"
            "ACKNOWLEDGEMENTS\n\n"
            "We thank the clinic that supplied the exosomes that improved our patient's scars by 40%.\n\n"
            "Discussion\n\n"
            "Exosomes may also improve pigmentation after acne.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"case.txt": text}, "claims")
    assert list(claims.sentence) == [
        "Exosomes from umbilical cord MSCs reduced scar depth by 40% after three sessions.",
        "Exosomes may also improve pigmentation after acne."]


def test_cli_output_folder_that_cannot_be_made_is_one_line_and_exit_2(make_corpus, tmp_path, capsys):
    (tmp_path / "afile").write_text("not a folder")
    out = tmp_path / "afile" / "out"  # its parent is a file: no user, root included, can make it
    code = main(["extract", str(make_corpus({"good.txt": NEWS})), "--out", str(out), "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith(f"exoreview: error: cannot write the output folder {out}:")


SECTIONED_PAPER = """Adipose stem cell exosomes attenuate UVB photoaging in dermal fibroblasts and mouse skin

Abstract
Background: Exosomes have been proposed as cell-free agents for skin repair.

1. Introduction
Exosomes from many sources stimulate fibroblasts.

2. Methods
Exosomes were isolated by ultracentrifugation.
2.1 Cell culture
Exosomes were added to dermal fibroblasts at 50 ug/mL.

3. Results
3.1 Exosomes restore proliferation and limit senescence in UVB-irradiated fibroblasts
In UVB-irradiated fibroblasts, the vesicles raised procollagen secretion by 64%.
The share of senescent cells fell from 42% to 18% (p < 0.001).
3.2 Oxidative stress
The vesicles lowered ROS by 46% relative to irradiated controls.
3.3 Effects in photoaged mice
In mice, exosome injections reduced wrinkle depth by 30%.
"""


def test_a_papers_subsections_keep_its_sections_and_its_cell_work_is_in_vitro(make_corpus, tmp_path):
    claims, sents = _extract(make_corpus, tmp_path, {"paper.txt": SECTIONED_PAPER}, "claims", "sentences")
    # a long numbered subsection heading stands alone, and the Results section stays open under it
    assert "3.1 Exosomes restore proliferation and limit senescence in UVB-irradiated fibroblasts" in set(sents.text)
    tier = claims.set_index("sentence").evidence_tier
    # its own cell-culture results are in vitro, its mouse results animal (the paper's design); results that
    # name no part go on with the part last reported, also under the next subheading
    assert tier["In UVB-irradiated fibroblasts, the vesicles raised procollagen secretion by 64%."] == "in_vitro"
    assert tier["The share of senescent cells fell from 42% to 18% (p < 0.001)."] == "in_vitro"
    assert tier["The vesicles lowered ROS by 46% relative to irradiated controls."] == "in_vitro"
    assert tier["In mice, exosome injections reduced wrinkle depth by 30%."] == "animal"
    # the introduction tells of other work: its cell words name no design of this paper
    assert tier["Exosomes from many sources stimulate fibroblasts."] == "animal"
    # a methods subsection ("2.1 Cell culture") keeps the Methods section: no claims there
    assert "Exosomes were added to dermal fibroblasts at 50 ug/mL." not in set(claims.sentence)


def test_an_rct_papers_patients_do_not_make_its_results_a_clinical_study(make_corpus, tmp_path):
    text = ("Topical exosomes after fractional laser for acne scars: a randomised, placebo-controlled trial\n\n"
            "Abstract\n\nWe report a randomised, double-blind, placebo-controlled trial of 60 patients.\n\n"
            "Methods\n\nPatients were randomised to exosome gel or placebo gel after each laser session. "
            "Statistical analysis used t-tests.\n\n"
            "Results\n\nExosome-treated patients improved by two grades more than placebo-treated patients "
            "(p < 0.01).\n\nDiscussion\n\nThe trial was small.\n\nConflicts of interest\n\nNone declared.\n\n"
            "Funding\n\nNone.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"rct.txt": text}, "claims")
    assert claims.set_index("sentence").evidence_tier[
        "Exosome-treated patients improved by two grades more than placebo-treated patients (p < 0.01)."] == "rct"


def test_a_systematic_reviews_design_backs_its_findings_not_its_background(make_corpus, tmp_path):
    text = ("Exosome therapies for androgenetic alopecia: a systematic review and meta-analysis\n\n"
            "Abstract\n\nBackground: Exosomes have been proposed as regenerative agents for hair loss.\n\n"
            "Results: Exosome treatment increased hair density (MD 17.4 hairs/cm2, 95% CI 11.9-22.9).\n\n"
            "Methods\n\nWe searched PubMed and Embase following PRISMA. Statistical analysis used random effects.\n\n"
            "Results\n\nExosome treatment increased hair shaft diameter in seven studies.\n\n"
            "Discussion\n\nPart of the effect of exosomes may reflect microneedling itself.\n\n"
            "Conflicts of interest\n\nNone declared.\n")
    docs, claims = _extract(make_corpus, tmp_path, {"sr.txt": text}, "documents", "claims")
    assert docs.loc[0, "design"] == "systematic_review"
    tier = claims.set_index("sentence").evidence_tier
    assert tier["Exosome treatment increased hair shaft diameter in seven studies."] == "systematic_review"
    assert tier["Results: Exosome treatment increased hair density (MD 17.4 hairs/cm2, 95% CI 11.9-22.9)."] \
        == "systematic_review"
    assert tier["Background: Exosomes have been proposed as regenerative agents for hair loss."] == "narrative_review"
    assert tier["Part of the effect of exosomes may reflect microneedling itself."] == "narrative_review"


def test_an_interview_mentioning_a_study_is_opinion_and_its_questions_are_no_claims(make_corpus, tmp_path):
    text = ("Exosomes in a laser practice\n\nBy Owen Tremblay | 6 min read\n\n"
            "**Q: How did exosomes end up in your practice?**\n\n"
            "She says exosomes let her resurfacing patients heal two days faster.\n\n"
            "**Q: Is there evidence?**\n\n"
            "The researchers of a small study found that exosome cream lightened melasma.\n\n"
            "She thinks exosomes calm inflammation after the laser.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"interview.md": text}, "claims")
    tier = claims.set_index("sentence").evidence_tier
    assert not [s for s in claims.sentence if "?" in s]
    # a study word with no design, reference or link places no work: her words are opinion
    assert tier["She says exosomes let her resurfacing patients heal two days faster."] == "expert_opinion"
    assert tier["She thinks exosomes calm inflammation after the laser."] == "expert_opinion"


def test_a_press_release_reports_its_trial_by_the_products_name(make_corpus, tmp_path):
    text = ("Acme Announces Phase 2 Results for ACX-7\n\n"
            "BOSTON -- Acme Bio today announced positive top-line results from a randomized, double-blind, "
            "placebo-controlled trial of ACX-7 in adults with acne scars.\n\n"
            "Scar depth fell by 31% with ACX-7 versus 9% with placebo (p<0.001).\n\n"
            "ACX-7 was generally well tolerated.\n\n"
            "About ACX-7\n\n"
            "ACX-7 is an injectable containing exosomes from adipose stem cells.\n\n"
            "About Acme Bio\n\n"
            "Acme Bio builds exosome therapies that restore youthful skin.\n\n"
            "This press release contains forward-looking statements about the safety of ACX-7.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"release.txt": text}, "claims")
    tier = claims.set_index("sentence").evidence_tier
    assert tier["Scar depth fell by 31% with ACX-7 versus 9% with placebo (p<0.001)."] == "rct"
    assert tier["ACX-7 was generally well tolerated."] == "rct"
    # the company's boilerplate is not the trial's; its legal disclaimer is no claim
    assert tier["Acme Bio builds exosome therapies that restore youthful skin."] == "expert_opinion"
    assert not [s for s in claims.sentence if "forward-looking" in s]


def test_once_a_writer_has_told_of_their_exosome_treatment_their_own_results_are_claims(make_corpus, tmp_path):
    text = ("My exosome facial diary\n\n"
            "Quick backstory: I had acne for years and I was left with scars on my cheeks.\n\n"
            "My provider uses exosomes from umbilical cord stem cells with microneedling.\n\n"
            "By week four the scars on my left cheek looked noticeably shallower.\n\n"
            "The cost was $650 per session.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"post.txt": text}, "claims")
    assert "By week four the scars on my left cheek looked noticeably shallower." in set(claims.sentence)
    # before she tells of the treatment, her own skin is backstory
    assert not [s for s in claims.sentence if s.startswith("Quick backstory")]


def test_a_starred_note_printed_as_a_bullet_backs_the_lines_above_it(make_corpus, tmp_path):
    text = ("Rose exosome ampoule\n\nOur rose exosome ampoule brightens dull skin.\n\n"
            "CLINICALLY TESTED\n\n"
            "- Skin wrinkle improvement 24.6% with the exosome ampoule (after 4 weeks use)*\n"
            "* Result of a human application test on 22 subjects; individual results may differ.\n")
    refs, claims = _extract(make_corpus, tmp_path, {"label.txt": text}, "references", "claims")
    assert refs.design.tolist() == ["clinical_study"]
    tier = claims.set_index("sentence").evidence_tier
    assert tier["Skin wrinkle improvement 24.6% with the exosome ampoule (after 4 weeks use)*"] == "clinical_study"


def test_a_reviews_summary_of_the_evidence_is_not_its_own_abstract(make_corpus, tmp_path):
    refs = "".join(f"{i}. Lee J, Kim S. Exosome work {i}. J Skin Res. 2021;{i}:1-9.\n" for i in range(1, 7))
    text = ("# Exosomes in atopic dermatitis: a narrative review\n\n## Abstract\n\nWe review exosome studies.\n\n"
            "## 1. Introduction\n\nAtopic dermatitis is common [1].\n\n## 5. Summary of the evidence\n\n"
            "A meta-analysis of 21 animal studies found that exosomes reduced severity scores [2].\n\n"
            "## Conflicts of interest\n\nNone.\n\n## References\n\n" + refs)
    (docs,) = _extract(make_corpus, tmp_path, {"review.md": text}, "documents")
    assert (docs.source_kind[0], docs.design[0]) == ("peer_reviewed_review", "")


def test_a_chapter_number_is_not_the_title(make_corpus, tmp_path):
    text = ("CHAPTER 4\n\nAdipose stem cell exosomes protect fibroblasts from UVB\n\n4.1 Introduction\n\n"
            "UVB ages skin.\n\n4.3 Results\n\nIn UVB-irradiated fibroblasts, the vesicles raised collagen by 40%.\n")
    docs, arts = _extract(make_corpus, tmp_path, {"chapter.txt": text}, "documents", "articles")
    assert arts.title[0] == "Adipose stem cell exosomes protect fibroblasts from UVB"


def test_a_heading_naming_a_study_gives_its_section_the_studys_cell_source(make_corpus, tmp_path):
    text = ("<html><body><h1>Congress live blog</h1><p>Exosome talks today.</p>"
            "<p><strong>Talk 1: a randomised trial of umbilical cord MSC exosome serum after laser</strong></p>"
            "<p>Headline result: wrinkle depth fell by 21% in the exosome group versus 9% with vehicle (p = 0.003).</p>"
            "</body></html>")
    (claims,) = _extract(make_corpus, tmp_path, {"blog.html": text}, "claims")
    row = claims[claims.sentence.str.startswith("Headline result")].iloc[0]
    assert (row.evidence_tier, row.cell_source) == ("rct", "umbilical_cord_msc")


def test_a_press_releases_results_sections_report_the_trial_it_announced(make_corpus, tmp_path):
    text = ("Acme Reports Topline Data for ACX-9\n\n"
            "BOSTON -- Acme Bio today announced topline data from its open-label trial of ACX-9, a gel "
            "containing exosomes from placental stem cells, in children with chronic wounds.\n\n"
            "Trial Design\n\nTwelve children were enrolled at three sites.\n\n"
            "Topline Efficacy Results\n\n"
            "Mean wound area decreased by 64% from baseline in treated wounds versus 20% in control wounds.\n\n"
            "About Acme Bio\n\nAcme Bio is based in Boston.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"release.txt": text}, "claims")
    tier = claims.set_index("sentence").evidence_tier
    assert tier["Mean wound area decreased by 64% from baseline in treated wounds versus 20% in control wounds."
                ] == "clinical_study"


def test_results_after_a_method_sentence_take_its_cell_source(make_corpus, tmp_path):
    text = ("Exosomes and acne scars\n\nIn a small clinical study, 24 adults had three microneedling sessions. "
            "One half of each face was treated with an adipose stem cell exosome solution and the other half with "
            "saline. Scar scores improved by 41% on the exosome side compared with 24% on the saline side.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"blog.txt": text}, "claims")
    assert list(claims.sentence) == [
        "Scar scores improved by 41% on the exosome side compared with 24% on the saline side."]
    assert list(claims.cell_source) == ["adipose_msc"]


def test_a_product_page_its_stat_lines_and_their_asterisk_notes(make_corpus, tmp_path):
    html = ("<html><head><title>Glowa Exosome Serum | Shop</title></head><body>"
            "<h1>Glowa Exosome Serum</h1><p>Every bottle holds rose stem cell exosomes.</p>"
            "<p>This serum visibly firms the skin and smooths fine lines in 14 days.</p>"
            "<h2>Clinically proven results<sup>*</sup></h2><ul>"
            "<li>31% reduction in the look of fine lines after 4 weeks<sup>*</sup></li>"
            "<li>2x more skin hydration after a single use<sup>*</sup></li></ul>"
            "<p><sup>*</sup>In-house clinical study: 32 women applied the serum twice daily for 4 weeks.</p>"
            "<p>*Results may vary between customers and skin types.</p>"
            "<p>Pair the serum with our barrier cream for best results.</p></body></html>")
    (claims,) = _extract(make_corpus, tmp_path, {"product.html": html}, "claims")
    c = claims.set_index("sentence")
    # the product on a page about exosomes is theirs; a stat line lists a result; its asterisk cites the study
    assert c.loc["This serum visibly firms the skin and smooths fine lines in 14 days.", "route"] == "topical"
    assert c.loc["31% reduction in the look of fine lines after 4 weeks<sup>*</sup>", "evidence_tier"] \
        == "clinical_study"
    assert c.loc["2x more skin hydration after a single use<sup>*</sup>", "outcomes"] == "hydration:up"
    # directions for use and the disclaimer are no claims
    assert not [s for s in claims.sentence if s.startswith(("Pair", "*Results"))]


def test_harms_listed_under_a_lead_in_of_a_page_about_exosomes_are_claims(make_corpus, tmp_path):
    text = ("Exosome products: what you need to know\n\nThe agency has received reports of problems in people "
            "treated with exosome products. Reported problems include:\n\n"
            "- bacterial infections and abscesses at injection sites\n- sepsis after an intravenous infusion\n"
            "- our office hours\n")
    (claims,) = _extract(make_corpus, tmp_path, {"notice.txt": text}, "claims")
    c = claims.set_index("sentence")
    assert c.loc["bacterial infections and abscesses at injection sites", "outcomes"] == "safety:down"
    assert "our office hours" not in c.index


def test_a_systematic_reviews_pooled_results_are_claims_about_no_one_product(make_corpus, tmp_path):
    text = ("Exosome therapies for hair loss: a systematic review and meta-analysis\n\n"
            "Abstract\n\nWe pooled eleven trials of exosome therapy following PRISMA.\n\n"
            "Methods\n\nWe searched PubMed. Statistical analysis used random effects.\n\n"
            "Results\n\nThe only study of rose stem cell exosomes reported higher hair counts [20]. "
            "Hair shaft diameter increased by a pooled 6.1 um (95% CI 2.8-9.4; seven studies). "
            "No serious adverse events were reported in any included study.\n\n"
            "Discussion\n\nIf you develop swelling after an exosome injection, seek medical care.\n\n"
            "References\n\n20. Kim A. Rose stem cell exosomes for hair loss: a case series. J Hair 2021.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"sr.txt": text}, "claims")
    c = claims.set_index("sentence")
    pooled = "Hair shaft diameter increased by a pooled 6.1 um (95% CI 2.8-9.4; seven studies)."
    assert c.loc[pooled, "evidence_tier"] == "systematic_review" and c.loc[pooled, "cell_source"] == "unspecified"
    assert c.loc["No serious adverse events were reported in any included study.", "outcomes"] == "safety:up"
    assert not [s for s in claims.sentence if "seek medical care" in s]  # advice to the reader


PUBMED_TEXT = """1. J Derm Laser. 2023 Sep;18(5):402-411. doi: 10.5555/jdl.2023.0412.

Topical exosome gel after fractional laser improves acne scars: a randomized, double-blind, split-face trial.

Baek HW, Yoon JE.

METHODS: In this randomized split-face trial, 28 patients received exosome gel on one side.
RESULTS: Twenty-six patients completed the study. Scar scores fell by 38% with exosomes versus 24% (P = .004).

DOI: 10.5555/jdl.2023.0412
PMID: 37311842


2. Burns Res. 2022 Nov;9(4):e221. doi: 10.5555/br.2022.221.

Umbilical cord MSC exosomes accelerate burn wound healing in rats.

Liang Q, Zhao Y.

METHODS: Rats with burns received exosome injections.
RESULTS: Exosome-treated wounds closed faster than PBS-treated wounds (72.6% versus 51.3%, P < 0.01).

Copyright © 2022 Burns Research Society.

PMID: 36048817
"""


def test_a_pubmed_abstract_export_is_one_article_per_record(make_corpus, tmp_path):
    arts, claims = _extract(make_corpus, tmp_path, {"pubmed.txt": PUBMED_TEXT}, "articles", "claims")
    assert len(arts) == 2
    tier = claims.set_index("sentence").evidence_tier
    # each record's results take its own design; participants do not make the RCT a clinical study
    assert tier["Scar scores fell by 38% with exosomes versus 24% (P = .004)."] == "rct"
    assert tier["RESULTS: Exosome-treated wounds closed faster than PBS-treated wounds (72.6% versus 51.3%, "
                "P < 0.01)."] == "animal"
    assert not [s for s in claims.sentence if "Copyright" in s]


def test_a_text_surveying_studies_of_many_designs_summarises_no_one_work(make_corpus, tmp_path):
    text = ("Exosomes explained by a cosmetic doctor\n\nThe split-face study I mention: "
            "https://doi.org/10.5555/jcld.2023.0412\n\n"
            "In mice, exosomes made wounds close faster. In cell culture they switch on collagen genes. "
            "In humans, a randomized split-face trial found that exosome gel after laser improved acne scars. "
            "In my clinic, exosomes calm redness after microneedling.\n\n"
            "In the US there is no FDA approved exosome product for skin.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"transcript.txt": text}, "claims")
    tier = claims.set_index("sentence").evidence_tier
    assert tier["In mice, exosomes made wounds close faster."] == "animal"
    assert tier["In my clinic, exosomes calm redness after microneedling."] == "expert_opinion"


def test_a_writers_own_treatment_and_what_it_cost(make_corpus, tmp_path):
    text = ("Forum: exosomes for thinning hair\n\n"
            "I had four sessions of exosome injections at a clinic downtown. Each session cost $900. "
            "Within three months my hair shedding dropped by half. Has anyone else tried this?\n\n"
            "Exosome scalp serum, 30 ml .......... $120\n")
    (claims,) = _extract(make_corpus, tmp_path, {"forum.txt": text}, "claims")
    rows = claims.set_index("sentence")
    # what changed in the writer's own account is the treatment's effect, with its subject implicit
    shed = rows.loc["Within three months my hair shedding dropped by half."]
    assert (bool(shed.implicit_subject), shed.outcomes) == (True, "hair_growth:up")
    # prices say what it cost, not what it does
    assert not [s for s in claims.sentence if "$" in s]


def test_a_news_story_introducing_a_new_trial_reports_it_throughout(make_corpus, tmp_path):
    text = ("Exosome gel speeds healing after laser\n\n"
            "Exosome skincare is booming. A new randomised trial offers some of the first controlled evidence.\n\n"
            "The exosome side healed faster. Redness resolved after 4 days, compared with 7 days on the placebo "
            "side.\n\n"
            "Experts welcomed the study but urged caution.\n\n"
            "Reference: Kim A, Lee B. Exosome gel after laser: a randomised split-face trial. Derm Res. "
            "2024;3:1-9.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"news.txt": text}, "claims")
    tier = claims.set_index("sentence").evidence_tier
    assert tier["The exosome side healed faster."] == "rct"


def test_particles_named_for_their_plant_are_its_vesicles(make_corpus, tmp_path):
    text = ("Plant actives roundup\n\nGinseng nanoparticles lighten melasma in women. The particles carry small RNAs "
            "that dampen tyrosinase activity.\n\nSilver nanoparticles kill bacteria on the skin.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"roundup.txt": text}, "claims")
    rows = claims.set_index("sentence")
    assert rows.loc["Ginseng nanoparticles lighten melasma in women."].cell_source == "plant"
    assert "The particles carry small RNAs that dampen tyrosinase activity." in rows.index
    assert "Silver nanoparticles kill bacteria on the skin." not in rows.index  # names no cell source


def test_a_collected_abstracts_title_line_and_breadcrumbs_are_no_claims(make_corpus, tmp_path):
    abstract = ("P-{n}\nTopical exosomes after laser resurfacing: a split-face pilot study\n\n"
                "Methods: Ten patients were treated.\n\nResults: Redness fell by 40% on the exosome side.\n\n")
    text = ("Home › Meetings › Exosome posters\n\n----------\n\n" + abstract.format(n=1) + "----------\n\n"
            + abstract.format(n=2).replace("laser resurfacing", "microneedling"))
    (claims,) = _extract(make_corpus, tmp_path, {"posters.txt": text}, "claims")
    assert not [s for s in claims.sentence if "pilot study" in s or "›" in s]
    assert (claims.sentence == "Results: Redness fell by 40% on the exosome side.").sum() >= 1


def test_an_abbreviation_the_paper_defines_for_its_vesicles_names_them(make_corpus, tmp_path):
    text = ("Probiotic vesicles in psoriasis\n\n1 Department of Dermatology, Centre for Vesicle Research, Halden\n\n"
            "Background: Bacterial membrane vesicles (MVs) released by probiotic species modulate immunity.\n\n"
            "Methods: MVs were isolated from Lactobacillus plantarum (LpMVs) and applied to mice.\n\n"
            "Results: Topical LpMVs reduced the PASI score by 46%. Skin Il17a mRNA fell by 65% in LpMV-treated mice. "
            "Whether LpMVs reach the dermis of human plaques remains unknown.\n\n"
            "(C) Western blot of vesicle fractions from LpMV preparations.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"paper.txt": text}, "claims")
    rows = claims.set_index("sentence")
    assert rows.loc["Results: Topical LpMVs reduced the PASI score by 46%."].cell_source == "bacterial"
    assert not bool(rows.loc["Skin Il17a mRNA fell by 65% in LpMV-treated mice."].implicit_subject)
    # an affiliation, an open question and a figure panel are no claims
    assert not [s for s in claims.sentence if s.startswith(("1 Department", "Whether", "(C)"))]


def test_wire_stories_with_credit_lines_and_generic_design_words(make_corpus, tmp_path):
    story = ("{title}\n\nBOSTON, March 14, 2025 (Wire) - {lede}\n\n{body}\n\n"
             "Reference: Okoye R, et al. (2025). {ref}. J Derm Res. 3:1-9.\n\n(Reporting by A. Lee; Editing by B. Ray)\n\n"
             "==========\n\n")
    text = (story.format(title="Exosome serum eases rosacea redness", lede="An exosome serum reduced redness, "
                         "according to a clinical study.", body="After 12 weeks, erythema scores fell by 34% on the "
                         "exosome side.", ref="Exosome serum for rosacea: a randomized, double-blind split-face trial")
            + story.format(title="Cord vesicles shield skin cells", lede="Cord exosomes protected skin cells.",
                           body="Treated cells had 42% less oxidative stress.", ref="Cord exosomes in HaCaT cells"))
    arts, claims = _extract(make_corpus, tmp_path, {"wire.txt": text}, "articles", "claims")
    assert arts.title.tolist()[:2] == ["Exosome serum eases rosacea redness", "Cord vesicles shield skin cells"]
    tier = claims.set_index("sentence").evidence_tier
    # "a clinical study" in the text, a randomised trial in its reference: the trial's design
    assert tier["After 12 weeks, erythema scores fell by 34% on the exosome side."] == "rct"


def test_a_case_narrative_of_harms_after_exosome_injections(make_corpus, tmp_path):
    text = ("Complications of exosome injections: a case series\n\nCase 1\n\nA 41-year-old woman received "
            "intradermal injections of a product labelled as cord exosomes for facial rejuvenation. Ten days later "
            "she developed firm papules and nodules at every injection site.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"cases.txt": text}, "claims")
    # what the patient received is the case's method; what followed is the harm, its subject implicit
    assert claims.sentence.tolist() == ["Ten days later she developed firm papules and nodules at every injection "
                                        "site."]
    assert claims.outcomes.tolist() == ["safety:down"]


def test_harms_and_cited_results_in_a_studys_account(make_corpus, tmp_path):
    text = ("Exosomes for hair loss: a patient leaflet\n\n"
            "In a randomised trial of 64 adults, an exosome solution increased hair density.<sup>1</sup> "
            "Side effects in the trial were mild, mainly redness and scalp tenderness.<sup>1</sup>\n\n"
            "In a smaller study, 18 people with acne scars were treated with cord exosomes after laser.<sup>2</sup> "
            "Scar scores improved by roughly a third at three months.<sup>2</sup>\n\n"
            "References\n1. Lee A. Exosomes for hair: a randomised trial. 2023.\n"
            "2. Kim B. Exosomes after laser for acne scars: an open-label study. 2022.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"leaflet.txt": text}, "claims")
    tier = claims.set_index("sentence").evidence_tier
    assert tier["Side effects in the trial were mild, mainly redness and scalp tenderness.<sup>1</sup>"] == "rct"
    assert tier["Scar scores improved by roughly a third at three months.<sup>2</sup>"] == "clinical_study"


def test_a_press_releases_about_sections_do_not_make_it_a_survey(make_corpus, tmp_path):
    text = ("NEWS RELEASE\n\nAcme Announces Positive Topline Results from Phase 2 Trial of AX-1 Exosome Injectable\n\n"
            "Acme today announced topline results from CROWN, its randomized, placebo-controlled trial of AX-1.\n\n"
            "At week 24, AX-1 exosomes increased hair count by 11 hairs/cm2 over placebo.\n\n"
            "About the CROWN Trial\n\nParticipants may enter a 52-week open-label extension study.\n\n"
            "About AX-1\n\nIn mouse models and cultured dermal papilla cells, AX-1 exosomes prolonged anagen.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"release.txt": text}, "claims")
    tier = claims.set_index("sentence").evidence_tier
    assert tier["At week 24, AX-1 exosomes increased hair count by 11 hairs/cm2 over placebo."] == "rct"


def test_exosome_like_nanoparticles_are_then_the_particles(make_corpus, tmp_path):
    text = ("Ginseng and hair\n\nExosome-like nanoparticles from ginseng regrew hair in mice. "
            "The particles also increased hair density in older mice.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"news.txt": text}, "claims")
    assert "The particles also increased hair density in older mice." in claims.sentence.tolist()


def test_an_faq_answer_on_a_page_about_exosomes(make_corpus, tmp_path):
    text = ("Exosome hair therapy: your questions answered\n\nWhen will I see results?\n"
            "Hair grows slowly. Most patients see hair density increase by about 20% at six months.\n\n"
            "Does it hurt?\nMost patients describe a scratchy feeling.\n")
    (claims,) = _extract(make_corpus, tmp_path, {"faq.txt": text}, "claims")
    assert claims.sentence.tolist() == ["Most patients see hair density increase by about 20% at six months."]
    assert bool(claims.implicit_subject[0])


def test_labels_inside_an_abstract_and_numbered_sections_set_the_part_of_a_paper(make_corpus, tmp_path):
    # a structured abstract printed as one paragraph, labels glued to their sentences; a numbered
    # section after "2. Methods" ends the methods; "(pEVs)" names the vesicles, also later
    text = ("J Skin Res 2025;3:1-9. doi:10.5555/jsr.2025.01\n\n"
            "# Platelet extracellular vesicles (pEVs) after laser: a pilot study\n\n"
            "## Abstract\n\nBackgroundLaser resurfacing causes redness. "
            "MethodsTwelve adults received pEVs after each session. "
            "ResultsEleven completed the study. Mean erythema fell by 40% at week 4 (p<0.01). "
            "ConclusionsThe vesicles appear safe.\n\nKeywords: exosomes; laser; erythema\n\n"
            "## 2. Methods\n\nTwelve adults were enrolled. Each face received 2 mL of pEVs within five minutes of "
            "laser. Statistical analysis used paired t-tests.\n\n"
            "## 3. Findings in context\n\npEVs reduced ear thickness in earlier mouse work.\n\n"
            "## References\n\n1. Lee A, Kim B. Platelet vesicles in mice. J Skin Biol 2021;4:10-18.\n")
    claims, = _extract(make_corpus, tmp_path, {"pilot.md": text}, "claims")
    assert claims.sentence.tolist() == [
        "Mean erythema fell by 40% at week 4 (p<0.01).",
        "ConclusionsThe vesicles appear safe.",
        "pEVs reduced ear thickness in earlier mouse work."]


def test_a_customers_review_on_a_page_about_exosomes_tells_of_her_own_treatment(make_corpus, tmp_path):
    text = ("# Rose Exosome Serum\n\n£39.00 | Add to basket | Free delivery\n\n"
            "Our rose exosomes calm redness and boost hydration. Shop now and save 10%.\n\n"
            "## Customer reviews\n\n★★★★★ Holy grail! Anna, Verified buyer\n\n"
            "My rosacea flare calmed down in about 4 days.\n\n"
            "★★☆☆☆ Broke me out. Jo, Verified buyer\n\n"
            "Arrived quickly and well packaged.\n\n"
            "## Delivery\n\nThis product is a cosmetic. Discontinue use if irritation occurs.\n")
    claims, documents = _extract(make_corpus, tmp_path, {"shop.md": text}, "claims", "documents")
    assert documents.source_kind.tolist() == ["vendor_marketing"]
    assert claims.sentence.tolist() == ["Our rose exosomes calm redness and boost hydration.",
                                        "My rosacea flare calmed down in about 4 days."]
    assert claims.implicit_subject.tolist() == [False, True]


def test_a_past_finding_verb_goes_on_reporting_the_study_just_introduced(make_corpus, tmp_path):
    text = ("# Exosome serum webinar\n\nOur exosome serum is made for use after microneedling.\n\n"
            "This is our internal split-face study, 24 patients, microneedling with the serum on one side and "
            "saline on the other. The serum side healed a full day faster after needling.\n")
    claims, = _extract(make_corpus, tmp_path, {"webinar.md": text}, "claims")
    got = claims.set_index("sentence").evidence_tier.to_dict()
    assert got["The serum side healed a full day faster after needling."] == "clinical_study"


def test_a_result_reporting_a_news_storys_one_study_cites_its_reference(make_corpus, tmp_path):
    text = ("# Exosomes heal wounds in mice\n\nResearchers treated mice with exosome gel for 14 days. "
            "The treated wounds healed faster than controls.\n\n"
            "Reference: Lee B, et al. Exosome gel heals wounds in mice. Wound J. 2022;3:9-15.\n")
    claims, citations, references = _extract(make_corpus, tmp_path, {"story.md": text},
                                             "claims", "citations", "references")
    row = claims.set_index("sentence").loc["The treated wounds healed faster than controls."]
    assert (row.evidence_tier, row.tier_step) == ("animal", "reported_study")
    assert citations[citations.claim_id == row.claim_id].reference_id.tolist() == references.reference_id.tolist()


def test_an_uncited_assertion_in_a_journal_letter_is_its_writers_opinion(make_corpus, tmp_path):
    body = ("The exosome serum trial by Lee et al. lowered melasma scores by 41% [1]. "
            "Intact exosomes are unlikely to cross the stratum corneum of intact skin. "
            "Skin delivery of vesicles has been reviewed elsewhere [2], [3], [4], [5].\n\n"
            "## References\n\n1. Lee A, Kim B. Exosome serum for melasma: a randomised controlled trial. "
            "J Skin 2024;3:1-9.\n2. Park C. Exosomes in dermatology: a review. Skin Rev 2023;2:5-15.\n"
            "3. Cho D. Vesicles and skin. Derm Rev 2022;1:1-8.\n4. Han E. EVs in wound repair. Wound Rev 2021;4:2-9.\n"
            "5. Yoon F. Exosome safety. Safety Rev 2020;1:3-7.\n")
    head = "J Skin 2025;4:10-11. doi:10.5555/js.2025.10\n\n"
    letter = head + "CORRESPONDENCE | Vol. 4\n\n# Exosome serum for melasma\n\nTo the Editor,\n\n" + body
    review = head + "# Exosome serum for melasma\n\n## Abstract\n\nA review.\n\n## Introduction\n\n" + body
    claims, documents = _extract(make_corpus, tmp_path, {"letter.md": letter, "review.md": review},
                                 "claims", "documents")
    assert documents.source_kind.tolist() == ["peer_reviewed_review"] * 2
    tiers = {(r.doc, r.sentence[:20]): r.evidence_tier for r in claims.itertuples()}
    assert tiers[("letter.md", "Intact exosomes are ")] == "expert_opinion"
    assert tiers[("review.md", "Intact exosomes are ")] == "narrative_review"
    assert tiers[("letter.md", "The exosome serum tr")] == "rct"


def test_a_section_heading_naming_a_design_scopes_the_tests_reported_under_it(make_corpus, tmp_path):
    text = ("# Rose exosome-like nanovesicles: technical data sheet\n\n"
            "Samples are available to cosmetic brands. Buy samples now.\n\n"
            "## 4.1 Procollagen synthesis (in vitro)\n\n"
            "Fibroblasts were incubated with the exosomes for 72 h. "
            "The exosomes increased procollagen secretion by 34% versus control. "
            "Fibroblast proliferation rose by 22% at 1%.\n\n"
            "## 4.2 Penetration (ex vivo)\n\nLabelled exosomes reached the dermis of skin explants within 6 h.\n\n"
            "## 5. Storage\n\nThe exosomes improve radiance when stored cold.\n")
    claims, = _extract(make_corpus, tmp_path, {"tds.md": text}, "claims")
    tiers = {r.sentence[:30]: r.evidence_tier for r in claims.itertuples()}
    assert tiers == {"The exosomes increased procoll": "in_vitro", "Fibroblast proliferation rose ": "in_vitro",
                     "Labelled exosomes reached the ": "ex_vivo_human",
                     "The exosomes improve radiance ": "expert_opinion"}


def test_a_bullet_saying_they_after_a_bullet_about_exosomes_means_them(make_corpus, tmp_path):
    text = ("# Skin notes\n\n## Key points\n\n- Exosomes are tiny packages released by cells.\n"
            "- They may reduce redness after laser.\n- Sunscreen matters most.\n")
    claims, = _extract(make_corpus, tmp_path, {"notes.md": text}, "claims")
    assert claims.sentence.tolist() == ["They may reduce redness after laser."]
    assert claims.implicit_subject.tolist() == [True]


def test_a_review_pasted_from_its_pdf_cites_with_numbers_glued_to_words(make_corpus, tmp_path):
    text = ("4. Vesicles in vitiligo\n\nMelanocytes supply melanin to neighbouring keratinocytes61. "
            "Keratinocyte exosomes raise tyrosinase activity62,63. Stem cell exosomes lowered oxidative stress in "
            "melanocytes64. They also restored melanin content65.\n\nReferences\n\n"
            + "".join(f"{n}. Author{n} A, Writer B. A study of skin number {n}. J Skin. 2020;{n}:1-9.\n"
                      for n in range(61, 66)))
    documents, = _extract(make_corpus, tmp_path, {"section.txt": text}, "documents")
    assert documents.source_kind.tolist() == ["peer_reviewed_review"]


def test_a_measured_bullet_after_a_bullet_about_exosomes_goes_on_with_them(make_corpus, tmp_path):
    text = ("# Journal club notes\n\n## Results (as reported)\n\n- EASI-50 at week 8: 52% exosome vs 31% vehicle\n"
            "- Mean EASI change: -7.9 vs -5.1 (p=0.03)\n- Cost: about 140 euros per tube\n")
    claims, = _extract(make_corpus, tmp_path, {"club.md": text}, "claims")
    assert claims.sentence.tolist() == ["EASI-50 at week 8: 52% exosome vs 31% vehicle",
                                        "Mean EASI change: -7.9 vs -5.1 (p=0.03)"]


def test_a_practitioners_account_of_her_own_use_makes_its_results_claims(make_corpus, tmp_path):
    text = ("# Exosomes vs PRP: any difference?\n\nANSWER\n\n"
            "We use a rose exosome serum after needling. Three of my melasma clients cleared noticeably after "
            "4 sessions. Parking is free on Sundays.\n")
    claims, = _extract(make_corpus, tmp_path, {"forum.txt": text}, "claims")
    assert claims.sentence.tolist() == ["We use a rose exosome serum after needling.",
                                        "Three of my melasma clients cleared noticeably after 4 sessions."]
    assert claims.evidence_tier.tolist() == ["expert_opinion"] * 2


def _trial_paper(title: str, abstract: str, later_sections: str) -> str:
    """A short primary paper: journal line, title, abstract, methods, then ``later_sections``."""
    return ("J Skin Res 2025;3:1-9. doi:10.5555/jsr.2025.02\n\n"
            f"# {title}: a randomised, double-blind, placebo-controlled trial\n\n## Abstract\n\n{abstract}\n\n"
            "Keywords: exosomes; skin\n\n"
            "## Methods\n\nForty adults were enrolled and randomised. Statistical analysis used t-tests.\n\n"
            + later_sections)


def test_in_conclusion_a_paper_sums_up_its_own_study(make_corpus, tmp_path):
    text = _trial_paper(
        "Exosomes for hair loss", "Exosomes increased hair density in a randomised trial.",
        "## Results\n\nHair density rose by 17% with exosomes (p<0.01).\n\n"
        "## Discussion\n\nExosomal miR-218 may sustain signalling in dermal papilla, as shown in cultured "
        "cells [1]. In conclusion, exosomes safely increased hair density over 24 weeks.\n\n"
        "## References\n\n1. Lee A. miR-218 in dermal papilla cells in vitro. J Hair 2020;1:1-9.\n")
    claims, = _extract(make_corpus, tmp_path, {"rct.md": text}, "claims")
    tiers = {r.sentence[:20]: r.evidence_tier for r in claims.itertuples()}
    assert tiers["Exosomal miR-218 may"] == "in_vitro"
    assert tiers["In conclusion, exoso"] == "rct"


def test_a_primary_studys_own_results_are_about_what_its_title_treats(make_corpus, tmp_path):
    text = _trial_paper("Intradermal exosomes for facial photoaging",
                        "Exosomes reduced wrinkles in a randomised trial.",
                        "## Results\n\nNeither melanin nor erythema index changed with exosomes (P=0.7). "
                        "Adverse events were mild in both arms.\n")
    claims, = _extract(make_corpus, tmp_path, {"rct.md": text}, "claims")
    apps = {r.sentence[:20]: r.application for r in claims.itertuples()}
    assert apps["Neither melanin nor "] == "pigmentation;inflammatory_skin"
    assert apps["Adverse events were "] == "skin_aging"


REGISTRY = """TRIALS REGISTRY - STUDY RESULTS

Official title: Topical Umbilical Cord Stem Cell Extracellular Vesicle Gel (UCEV-G) for Diabetic Foot Ulcers: a randomised trial

STUDY DESIGN

Allocation: Randomised. Masking: double.

ELIGIBILITY

Exclusion: prior treatment with EV-based wound products within 3 months.

OUTCOME MEASURES

Primary Outcome: complete wound closure at week 12

Result statement: Complete closure by week 12 occurred in more participants treated with UCEV-G than with vehicle (52.6% vs 28.9%).
"""


def test_registry_results_after_its_design_section(make_corpus, tmp_path):
    # "OUTCOME MEASURES", set in capitals as "STUDY DESIGN" was, ends that section; eligibility is method;
    # the product's abbreviation names its vesicles
    claims, = _extract(make_corpus, tmp_path, {"registry.txt": REGISTRY}, "claims")
    claims = claims[~claims.sentence.str.startswith("Official title")]
    assert claims.sentence.tolist() == [
        "Result statement: Complete closure by week 12 occurred in more participants treated with UCEV-G than "
        "with vehicle (52.6% vs 28.9%)."]
    assert claims.cell_source.tolist() == ["umbilical_cord_msc"]
    assert claims.evidence_tier.tolist() == ["rct"]


def test_a_meeting_reports_session_tells_of_the_study_it_introduced(make_corpus, tmp_path):
    text = ("Skin Practice News\n\nCONFERENCE COVERAGE\n\n# Exosomes at the spring meeting\n\n"
            "By A. Writer, Senior Correspondent\n\n## Cord vesicles after laser\n\n"
            "Dr. Ruiz presented a randomised split-face trial in 32 patients. All patients received fractional "
            "laser, then a gel containing umbilical cord exosomes on one side.\n\n"
            "Erythema resolved a median of 2.5 days earlier on the exosome side.\n\n"
            "## Debate\n\nExosomes may one day replace laser, one speaker said.\n")
    claims, = _extract(make_corpus, tmp_path, {"meeting.md": text}, "claims")
    tiers = {r.sentence[:20]: r.evidence_tier for r in claims.itertuples()}
    assert tiers["Erythema resolved a "] == "rct"
    assert tiers["Exosomes may one day"] == "expert_opinion"


def test_a_talks_slides_open_new_sections_and_its_first_design_is_its_own(make_corpus, tmp_path):
    text = ("Slide 1\n\nCord exosomes after laser: a split-face pilot (n = 18)\n\nSpeaker notes: thank you. I will "
            "show our own data from an investigator-initiated pilot.\n\nSlide 2\n\nDisclosures\n\nProduct donated by a "
            "company; no payment.\n\nSlide 3\n\nResults\n\nCollagen density ↑ 22% on the exosome side vs saline, "
            "p = 0.01\n\nSlide 4\n\nTake-home messages\n\nA randomised trial of cord exosomes is now recruiting.\n")
    claims, docs = _extract(make_corpus, tmp_path, {"talk.txt": text}, "claims", "documents")
    assert docs.design.tolist() == ["clinical_study"]  # the pilot, not the trial now recruiting
    tiers = {r.sentence[:20]: r.evidence_tier for r in claims.itertuples()}
    assert tiers["Collagen density ↑ 2"] == "clinical_study"  # "Disclosures" ended with its slide


def test_a_veterinary_case_report_is_animal_evidence(make_corpus, tmp_path):
    text = ("Journal of Companion Animal Dermatology\n\nCASE REPORT\n\nTopical canine adipose stem cell exosomes for a "
            "chronic wound in a dog\n\nAbstract\n\nA 9-year-old Labrador was treated with an exosome gel. The wound "
            "closed completely by day 42 with no adverse events.\n\nKeywords: dog; exosomes\n\nCase presentation\n\n"
            "The dog had a degloving injury of the paw.\n\nConflict of interest\n\nNone.\n")
    claims, docs = _extract(make_corpus, tmp_path, {"vet.txt": text}, "claims", "documents")
    assert docs.design.tolist() == ["animal"]
    assert set(claims.evidence_tier) == {"animal"}


def test_a_case_reports_outcome_section_reports_its_results(make_corpus, tmp_path):
    text = ("J Case Rep Dermatol 2024;3:1-4. doi:10.5555/jcrd.2024.01\n\n# Exosome gel for a chronic leg ulcer: "
            "a case report\n\n## Case presentation\n\nA 70-year-old man had a venous ulcer for two years. An "
            "exosome gel was applied weekly.\n\n## Outcome and follow-up\n\nBy week 6 the ulcer area had decreased "
            "by 60%. No adverse events occurred at any visit.\n\n## Discussion\n\nMore data are needed.\n")
    claims, = _extract(make_corpus, tmp_path, {"case.md": text}, "claims")
    rows = {r.sentence[:20]: r for r in claims.itertuples()}
    assert rows["By week 6 the ulcer "].evidence_tier == "case_report"
    assert rows["By week 6 the ulcer "].outcomes == "wound_closure:up"
    assert rows["No adverse events oc"].outcomes == "safety:up"
