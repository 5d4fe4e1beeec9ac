"""Source kind of a document, and design from metadata."""
from __future__ import annotations

from exoreview.doctype import design_from_metadata, is_opinion_piece, source_kind

JOURNAL = "\n\nAcknowledgments\nNone.\n\nFunding\nNone.\n\nCompeting interests\nNone.\n\nReferences\n1. A. 2020.\n"


def test_journal_articles_are_reviews_or_primary_studies(vocab):
    review = "Abstract\nExosomes in skin ageing: this review summarises the field.\n\nIntroduction\nText." + JOURNAL
    primary = ("Abstract\nWe investigated exosomes in mice.\n\nMaterials and methods\nMice were treated.\n\n"
               "Statistical analysis\nt tests.\n\nResults\nWounds closed.\n\nDiscussion\nText." + JOURNAL)
    systematic = ("Abstract\nA systematic review and meta-analysis (PRISMA).\n\nMethods\nSearch.\n\nResults\n"
                  "Nine trials." + JOURNAL)
    assert source_kind(review, vocab) == "peer_reviewed_review"
    assert source_kind(primary, vocab) == "primary_research"
    assert source_kind(systematic, vocab) == "peer_reviewed_review"


def test_pages_that_are_not_journal_articles(vocab):
    wiki = "Notes on exosomes. A systematic review and meta-analysis by Stack (PRISMA) pooled 39 trials."
    assert source_kind(wiki, vocab) == "news_summary"  # talking about a review does not make a review
    clinic = "Exosome facials at our clinic. Book a consultation. Request information today."
    assert source_kind(clinic, vocab) == "vendor_marketing"
    fda = ("FDA warns consumers. The U.S. Food and Drug Administration is warning about unapproved exosome "
           "products. Report adverse events to MedWatch.")
    assert source_kind(fda, vocab) == "regulatory"
    # a review's section: no journal headings, no cue of any kind, an author-year reference list
    section = "4.1 Pigmentation\n\nExosomes reduced melanin in melanoma cells (Kim et al., 2021)."
    assert source_kind(section, vocab, n_references=9) == "peer_reviewed_review"
    assert source_kind(section, vocab, n_references=2) == "news_summary"
    assert source_kind(clinic, vocab, n_references=9) == "vendor_marketing"
    release = ("FOR IMMEDIATE RELEASE\n\nAcme Inc. today announced results for its exosome serum.\n\n"
               "About the Company\nAcme makes skincare.\n\nForward-looking statements: none.")
    assert source_kind(release, vocab) == "vendor_marketing"
    poster = ("Abstract\n\nBackground. EVs may heal wounds.\n\nMethods. Pigs were treated.\n\n"
              "Results. Wounds closed faster.\n\nConclusions. EVs work in pigs.")
    assert source_kind(poster, vocab) == "primary_research"


def test_design_from_publication_types_then_mesh(vocab):
    assert design_from_metadata({"publication_types": ["Journal Article", "Randomized Controlled Trial"]}, vocab) == (
        "rct", "primary_research", "publication_types")
    assert design_from_metadata({"publication_types": ["Review", "Systematic Review"]}, vocab)[:2] == (
        "systematic_review", "peer_reviewed_review")
    assert design_from_metadata({"publication_types": ["Editorial"]}, vocab)[:2] == (
        "expert_opinion", "peer_reviewed_review")
    assert design_from_metadata({"mesh": ["Animals", "Mice", "Wound Healing"]}, vocab) == (
        "animal", "primary_research", "mesh")
    assert design_from_metadata({"mesh": ["Humans", "Animals"]}, vocab) == ("", "", "")


def test_numbered_capitalised_section_headings_are_journal_structure(vocab):
    trial = ("ABSTRACT\nBackground: acne scars. Results: scores fell.\n\n1. INTRODUCTION\nScars persist [1].\n\n"
             "2. METHODS\nSixty adults were randomised to exosomes or saline.\n\n3. RESULTS\nScores fell by 58%.\n\n"
             "4. DISCUSSION\nA meta-analysis agrees [2].\n\nREFERENCES\n1. A. 2020.\n2. B. 2021.\n")
    assert source_kind(trial, vocab) == "primary_research"


def test_a_page_closing_on_the_one_paper_it_covers_is_a_lay_summary(vocab):
    trade = "Exosome serum after laser. Scientists ran a trial; a dermatologist in aesthetic medicine comments."
    assert source_kind(trade, vocab) == "trade_magazine"
    assert source_kind(trade, vocab, n_closing=1) == "news_summary"
    assert source_kind(trade, vocab, n_closing=6) == "trade_magazine"  # a collection of summaries is not one


def test_interviews_and_consumer_journalism(vocab):
    interview = ("Exosomes in a laser practice\n\nBy Owen Tremblay | 6 min read\n\nWe asked a board-certified "
                 "dermatologist about the exosome products she uses.\n\nQ: Do you ever inject them?\n\n"
                 "No. In my practice I apply them after the laser; patients buy serums online.\n")
    assert source_kind(interview, vocab) == "trade_magazine"
    magazine = ("Are exosome facials worth it?\n\nAdvertisement\n\nA small study found brighter skin, said a "
                "dermatologist who was not involved in the study. Contact us | Privacy\n\nRead more: "
                "skincare myths\n")
    assert source_kind(magazine, vocab) == "news_summary"


def test_a_trial_registry_record_is_a_primary_study(vocab):
    record = ("TRIALS REGISTRY\nRecord view | Print\n\n-----\nSTUDY DESIGN\n-----\nStudy type: Interventional\n"
              "Allocation: Randomized\nIntervention model: Parallel assignment\nMasking: Double\n"
              "Primary outcome: Change in EASI at week 8\nEnrollment: 96 participants\n")
    assert source_kind(record, vocab) == "primary_research"


def test_a_health_authoritys_questions_and_answers_are_regulatory(vocab):
    sheet = ("Exosome cosmetic products: questions and answers for the public\n\nThe Authority has issued a warning "
             "letter to a clinic. Products to be injected need a marketing authorisation.\n\n"
             "How do I report side effects?\nReport side effects to the health authority.\n")
    assert source_kind(sheet, vocab) == "regulatory"


def test_a_journals_letters_and_commentaries_are_opinion_pieces(vocab):
    assert is_opinion_piece("Journal of Skin\nCORRESPONDENCE  |  Vol. 14, No. 3\n\nRe: Lee et al.", vocab)
    assert is_opinion_piece("Home [link:/] › Current issue [link:/c] › Correspondence [link:/corr]\n", vocab)
    assert is_opinion_piece("# Exosomes for melasma?\n\nTo the Editor,\n\nWe read with interest ...", vocab)
    # an author's contact line, a site menu and a review's text are not
    assert not is_opinion_piece("* Correspondence: lee@example.org\nEditorial / Featured Articles\n", vocab)
    assert not is_opinion_piece("Abstract\nThis commentary on exosomes reviews the field.", vocab)


def test_a_patient_leaflet_a_reporters_story_and_a_journal_club_are_lay_or_news_summaries(vocab):
    leaflet = ("Department of Dermatology - Patient Information\n\nThis leaflet is for patients who asked us about "
               "exosome products sold online. Contact us with questions about any product.\n")
    story = ("By Clara Mendes, Health Reporter\n\nClinics report a surge in bookings for exosome facials. "
             "Dermatologists interviewed for this article urged caution about the product.\n\n"
             "Correction: An earlier version of this article misstated the study's size.\n")
    club = "# Journal club: exosome cream for atopic dermatitis\n\nWe appraised one trial of a product.\n"
    assert [source_kind(t, vocab) for t in (leaflet, story, club)] == ["news_summary"] * 3


def test_a_discussion_forum_is_a_lay_summary_not_a_sellers_page(vocab):
    thread = ("Community | Log in\n\nForums > Treatments > Exosome facials: worth it?\n\n"
              "Started by jen32 · 8 replies\n\n"
              "I paid the clinic's price for three sessions of the product. Did anyone else try it?\n\n"
              "Reply · 12 upvotes\n")
    assert source_kind(thread, vocab) == "news_summary"


def test_a_regulators_safety_advisory_is_regulatory(vocab):
    advisory = ("Safety Advisory | Public and Health Professionals\n\nAdvisory number: SA-2031-002\n\n"
                "Unauthorised exosome products sold for skin care: reports of infections.\n\n"
                "We have received 12 reports of suspected adverse reactions after these products were used.\n\n"
                "Ask whether the product is authorised. Stop using the product if you develop a rash.\n")
    assert source_kind(advisory, vocab) == "regulatory"


def test_own_research_outside_a_journal_is_primary_research(vocab):
    thesis = ("CHAPTER 4\n\nExosomes protect fibroblasts from UVB\n\n4.1 Introduction\n\nThe aims of this chapter "
              "were to test exosomes in cells and mice.\n\n4.3 Results\n\nExosomes lowered ROS by 46%.\n\n"
              "4.4 Discussion\n\nThey may help.\n\n4.5 Chapter summary\n\nThis chapter showed an effect.\n")
    assert source_kind(thesis, vocab) == "primary_research"
    assert source_kind(thesis, vocab, n_references=12) == "primary_research"  # its reference list makes no review
    grant = ("Principal Investigator: Dr A. Voss\n\nPublic abstract\n\nIn our preliminary work, vesicles sped "
             "healing in mice.\n\nSPECIFIC AIMS\n\nAim 1. Find the cargo.\n\nThese preliminary data suggest a role.\n")
    assert source_kind(grant, vocab) == "primary_research"


def test_a_health_services_clinical_protocol_is_regulatory(vocab):
    protocol = ("Tissue Viability Service: Clinical Protocol TV-P-031\n\n| Document control | |\n| Version | 1.2 |\n"
                "| Review date | March 2026 |\n\nThe product on the Trust formulary is an exosome dressing.\n")
    assert source_kind(protocol, vocab) == "regulatory"


def test_an_encyclopedias_article_is_a_lay_summary(vocab):
    refs = "".join(f"{i}. Author A. Exosome study {i}. J Skin. 2020;{i}:1-5.\n" for i in range(1, 8))
    wiki = ("# Exosome skin therapy\n\n*From MediWiki, the free medical encyclopedia*\n\n> This article is about "
            "the cosmetic use of vesicles.\n\nExosome therapy is offered in clinics [1].\n\n## References\n\n" + refs)
    assert source_kind(wiki, vocab, n_references=7) == "news_summary"


def test_a_reporters_live_blog_of_a_meeting_is_news(vocab):
    blog = ("DermPulse Live\n\nLIVE: Session S14, Extracellular Vesicles in the Clinic\n\nLive coverage from the "
            "congress. 14:04 Talk 1 reports that exosome serum cut wrinkle depth, say dermatologists.\n")
    assert source_kind(blog, vocab) == "news_summary"


def test_recall_notices_and_meeting_reports(vocab):
    recall = ("URGENT: VOLUNTARY PRODUCT RECALL\n\nAcme is recalling two batches of its exosome ampoule in agreement "
              "with the competent authority. Affected batches: PX-1, PX-2. Contact us for a refund of the product.")
    assert source_kind(recall, vocab) == "regulatory"
    meeting = ("Dermatology Practice Times\n\nCONFERENCE COVERAGE\n\nExosomes at the spring meeting\n\nBy A. Writer, "
               "Senior Correspondent\n\nSessions on exosome products drew crowds.")
    assert source_kind(meeting, vocab) == "trade_magazine"


def test_patents_opinions_white_papers_and_digests(vocab):
    patent = ("PATENT APPLICATION PUBLICATION\n\nInventors: A. Smith\n\nThe present invention relates to exosomes. "
              "In some embodiments the vesicles are applied topically.\n\nWhat is claimed is:\n1. A method.")
    assert source_kind(patent, vocab) == "primary_research"
    opinion = ("SCIENTIFIC COMMITTEE ON CONSUMER SAFETY\n\nSCIENTIFIC OPINION ON rose callus vesicles\n\n"
               "Abstract\nThe committee concludes the vesicles are safe.\n\nKeywords: vesicles\n\n"
               "Safety assessment\nThe margin of safety is above 100.\n\nConclusion\nSafe.\n\nReferences\n1. A. 2020.")
    assert source_kind(opinion, vocab) == "regulatory"
    white = ("Technical White Paper for formulators. Recommended use level: 1-3%. Request a sample of the "
             "exosome-like nanoparticles.")
    assert source_kind(white, vocab) == "vendor_marketing"
    digest = "JCVR Monthly Digest. Editor's picks: four new papers on skin vesicles."
    assert source_kind(digest, vocab) == "news_summary"


def test_rulings_videos_and_lectures(vocab):
    ruling = ("ADVERTISING STANDARDS RULING\n\nComplaint upheld. The advertiser claimed its exosome facial regrows "
              "collagen. The ads must not appear again in the form complained of.")
    assert source_kind(ruling, vocab) == "regulatory"
    video = ("In this video I review exosome facials as a board-certified dermatologist.\n\nTIMESTAMPS\n0:00 Intro\n\n"
             "Pinned comment: thanks for watching.")
    assert source_kind(video, vocab) == "news_summary"
    lecture = "LECTURE 7: Regenerative dermatology. Okay, so exosomes. Some products claim a lot."
    assert source_kind(lecture, vocab) == "news_summary"
