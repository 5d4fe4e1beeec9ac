"""Segmentation of real web text."""
from __future__ import annotations

from exoreview.ingest import normalise
from exoreview.segment import split_blocks, split_glued_heading, split_sentences


def test_abbreviations_decimals_and_markers_stay_in_their_sentence():
    assert split_sentences("SEOUL, Feb. 6, 2025 - Vesicles protected cells. Next.") == [
        "SEOUL, Feb. 6, 2025 - Vesicles protected cells.", "Next."]
    text = ("Skin is 1.5 mm thick at its thickest1, 2. Smith et al. showed it e.g. in mice vs. rats (Fig. 2). "
            "Exosomes act as messengers.*2 They carry RNA<sup>4</sup>. Dr. Lee agrees")
    assert split_sentences(text) == [
        "Skin is 1.5 mm thick at its thickest1, 2.",
        "Smith et al. showed it e.g. in mice vs. rats (Fig. 2).",
        "Exosomes act as messengers.*2",
        "They carry RNA<sup>4</sup>.",
        "Dr. Lee agrees",
    ]


def test_glued_heading_is_split_from_its_first_sentence():
    assert split_glued_heading("Overview of Skin AgingThe skin, the largest organ, covers 2 m2.") == (
        "Overview of Skin Aging", "The skin, the largest organ, covers 2 m2.")
    assert split_glued_heading("Exosomes and their potential in dermatologyExosomes are nano-sized vesicles")[0] == (
        "Exosomes and their potential in dermatology")
    assert split_glued_heading("Many studies by McDonald and others show that exosomes work")[0] == ""
    # a heading glued to an acronym; an acronym glued to a word prefix in a sentence is left alone
    assert split_glued_heading("Safety ProfileMSC-exos have low immunogenicity in most studies.") == (
        "Safety Profile", "MSC-exos have low immunogenicity in most studies.")
    assert split_glued_heading("ConclusionsADSC exosomes improve skin texture.")[0] == "Conclusions"
    assert split_glued_heading("Exosomes deliver circRNA that regulate many genes in cells.")[0] == ""
    # a short section name glued to its first sentence, as a PDF's text prints it
    assert split_glued_heading("ResultsSeventeen participants completed the study.") == (
        "Results", "Seventeen participants completed the study.")
    assert [(b.kind, b.text) for b in split_blocks("3. MethodsEighteen adults received exosomes after laser.\n")] == [
        ("heading", "3. Methods"), ("para", "Eighteen adults received exosomes after laser.")]


def test_numbered_subsection_headings_stand_alone():
    blocks = split_blocks("Results\n3.2 BMSC-EVs accelerate burn wound healing\nWounds treated with EVs closed "
                          "faster.\n\n2.1 EV isolation\nEVs were obtained by ultracentrifugation.\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Results"), ("heading", "3.2 BMSC-EVs accelerate burn wound healing"),
        ("para", "Wounds treated with EVs closed faster."), ("heading", "2.1 EV isolation"),
        ("para", "EVs were obtained by ultracentrifugation.")]


def test_bracketed_reference_entries_stand_alone_after_an_unpunctuated_line():
    blocks = split_blocks("References\n[1] Cho B. Exosomes in AD. SCRT. 2018;9:187. (mouse model)\n"
                          "[2] Shin K. Barrier repair. Cells. 2020;9:680.\n")
    assert [b.text[:3] for b in blocks] == ["Ref", "[1]", "[2]"]


def test_blocks_bullets_headings_and_broken_paragraphs():
    text = ("# Title Here\n\nFirst paragraph line one.\nSecond paragraph.\n\n- bullet one\n* bullet two\n"
            "1. numbered\n\nA paragraph cut in\n\nthe middle of a sentence.\n\nHow Exosomes Work\n")
    blocks = split_blocks(text)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Title Here"),
        ("para", "First paragraph line one."),
        ("para", "Second paragraph."),
        ("bullet", "bullet one"),
        ("bullet", "bullet two"),
        ("bullet", "numbered"),
        ("para", "A paragraph cut in the middle of a sentence."),
        ("heading", "How Exosomes Work"),
    ]
    assert blocks[5].marker == "1."


def test_sentence_case_section_names_are_headings():
    blocks = split_blocks("Materials and methods\nMice were treated with exosomes.\n\nCompeting interests\nNone.\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Materials and methods"), ("para", "Mice were treated with exosomes."),
        ("heading", "Competing interests"), ("para", "None.")]


def test_sentences_may_open_with_lower_case_abbreviations():
    assert split_sentences("Expression fell. hUCMSC-Exos reduced wrinkles. miR-21 rose, e.g. miR-21a too. sEVs helped.") == [
        "Expression fell.", "hUCMSC-Exos reduced wrinkles.", "miR-21 rose, e.g. miR-21a too.", "sEVs helped."]


def test_markers_after_the_full_stop_stay_with_their_sentence():
    assert split_sentences("Exosomes heal.[12] They also help.12,13 Skin is 1.5 mm thick. Done in 2019. Next.") == [
        "Exosomes heal.[12]", "They also help.12,13", "Skin is 1.5 mm thick.", "Done in 2019.", "Next."]


def test_numbered_section_names_are_headings_not_list_items():
    blocks = split_blocks("1. INTRODUCTION\nAcne scars are common.\n\n2. Methods\nWe enrolled 64 adults.\n\n"
                          "1. Apply the serum.\n2. Rinse.")
    assert [(b.kind, b.text, b.marker) for b in blocks] == [
        ("heading", "INTRODUCTION", ""), ("para", "Acne scars are common.", ""),
        ("heading", "Methods", ""), ("para", "We enrolled 64 adults.", ""),
        ("bullet", "Apply the serum.", "1."), ("bullet", "Rinse.", "2."),
    ]


def test_numbered_headings_glued_to_their_paragraph_are_split():
    blocks = split_blocks("1. IntroductionHealing of a skin wound runs through four phases.\n"
                          "6. Safety and regulationA pooled analysis recorded no serious events.\n\n"
                          "1. Apply the serum twice a day.\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "1. Introduction"), ("para", "Healing of a skin wound runs through four phases."),
        ("heading", "6. Safety and regulation"), ("para", "A pooled analysis recorded no serious events."),
        ("bullet", "Apply the serum twice a day.")]
    # a long subsection heading on its own line (no blank line after it) stands alone too
    blocks = split_blocks("3.2 Exosomes restore proliferation and limit senescence in irradiated fibroblasts\n"
                          "Labelled exosomes were internalised within 6 h.\n")
    assert [b.kind for b in blocks] == ["heading", "para"]


def test_check_mark_bullets_and_piped_header_lines_stand_alone():
    blocks = split_blocks("Why choose exosomes?\n✓ Boosts collagen by up to 300%\n✓ Calms redness\n\n"
                          "Wound Repair Letters | Research Article | Open access\nExosomes accelerate wound healing "
                          "in rats\n")
    assert [(b.kind, b.text) for b in blocks][1:3] == [("bullet", "Boosts collagen by up to 300%"),
                                                       ("bullet", "Calms redness")]
    assert [b.text for b in blocks][-2:] == ["Wound Repair Letters | Research Article | Open access",
                                             "Exosomes accelerate wound healing in rats"]


def test_drawn_rules_setext_headings_and_fixed_width_table_rows():
    text = normalise("Detailed description:\nThe gel holds exosomes.\n"
                     "-----------\nSTUDY DESIGN\n-----------\nStudy type: Interventional\n\n"
                     "Outcome              Gel        Vehicle\nEASI change, mean     -52.4\t-31.0\n"
                     "  Serious AEs          0         0\n"
                     "Prose typed with two spaces.  Its sentences.  Are no cells.\n")
    blocks = [(b.kind, b.text) for b in split_blocks(text)]
    assert ("heading", "STUDY DESIGN") in blocks
    assert ("para", "-----------") in blocks  # rules are kept: they separate a collection's abstracts
    # a fixed-width row's cells are piped like a markdown table's, one row per block
    assert ("para", "EASI change, mean | -52.4 | -31.0") in blocks
    assert "Serious AEs | 0 | 0" in [t for _, t in blocks]
    assert not any("Study type" in t and "Outcome" in t for _, t in blocks)
    assert ("para", "Prose typed with two spaces. Its sentences. Are no cells.") in blocks


def test_a_drawn_text_box_keeps_its_text_and_wrapped_bullets_join():
    text = ("Intro line.\n\n+--------------------------------+\n| KEY POINTS                     |\n"
            "| - Exosomes may reduce redness  |\n|   and help hair grow.          |\n"
            "| - Ask your doctor first.       |\n+--------------------------------+\n\nAfter.\n")
    blocks = split_blocks(normalise(text))
    assert [(b.kind, b.text) for b in blocks] == [
        ("para", "Intro line."), ("heading", "KEY POINTS"),
        ("bullet", "Exosomes may reduce redness and help hair grow."), ("bullet", "Ask your doctor first."),
        ("para", "After.")]
    # a markdown table's rows are not a box
    assert normalise("| a | b |\n|---|---|\n| 1 | 2 |") == "| a | b |\n|---|---|\n| 1 | 2 |"


def test_a_decimal_before_a_bracket_or_a_unit_ends_no_sentence():
    assert split_sentences("Mean WSRS fell by 1.1 (SD 0.7) with exosomes. Aliquots of 0.05 mL were given.") == [
        "Mean WSRS fell by 1.1 (SD 0.7) with exosomes.", "Aliquots of 0.05 mL were given."]
    # a glued citation after a word still ends its sentence
    assert split_sentences("Exosomes raised tyrosinase activity.62 They also helped.") == [
        "Exosomes raised tyrosinase activity.62", "They also helped."]


def test_a_posts_emoji_ends_its_sentence():
    assert split_sentences("My skin felt calm 😳 Downtime was one day. Grab a snack. 🍿") == [
        "My skin felt calm 😳", "Downtime was one day.", "Grab a snack. 🍿"]
    assert split_sentences("Redness faded fast ✨✨ so worth it.") == ["Redness faded fast ✨✨ so worth it."]
