"""Reference lists, markers and study designs."""
from __future__ import annotations

from exoreview.references import (classify_design, find_markers, numbered_entry, parse_author_year, parse_entry,
                                  reference_line, section_start)


def test_markers_single_list_range_sup_star_footnote_and_glued():
    assert find_markers("Exosomes heal<sup>5,6</sup>.") == [("5,6", ["5", "6"])]
    assert find_markers("They heal wounds [3-5].") == [("3-5", ["3", "4", "5"])]
    assert find_markers("They act as shuttles.*2") == [("*2", ["2"])]
    assert find_markers("Pooled 20% [^stack2026].") == [("stack2026", ["stack2026"])]
    assert find_markers("boost collagen synthesis38, 39, and reduce inflammation40, 41.") == [
        ("38, 39", ["38", "39"]), ("40, 41", ["40", "41"])]
    assert find_markers("IL-10 and CD73 rise") == []
    # a note's mark after a sentence's full stop ("... in 7 days.*"), and dagger marks
    assert find_markers("It reduces redness in 7 days.*", glued=True) == [("*", ["*"])]
    assert find_markers("Zero irritation was reported‡.", glued=True) == [("‡", ["‡"])]


def test_reference_entries_and_lines():
    assert parse_entry("12. Cho S. A split-face study. Cosmetics 2020", 0).label == "12"
    assert parse_entry("[^huang2026]: Huang et al. 2026", 0).label == "huang2026"
    assert parse_entry("*3 Cha H. Review. 2020", 0).aliases == ["*3", "cha2020"]
    assert numbered_entry("4 Hu, L., et al., Exosomes accelerate healing. Sci Rep, 2016.")
    assert not numbered_entry("4 patients improved after treatment.")
    assert reference_line("Reference: Kim, YJ. et al. (2017). Exosomes stimulate skin. BBRC.").startswith("Kim")
    assert reference_line("Chang, Y-H, et al. (2018). Exosomes and stem cells. Cell Transplantation, 27(3).")
    assert reference_line("Exosomes are good. They heal.") is None
    # Vancouver style (PubMed): authors with initials, the year after the journal
    ref = parse_author_year("Cho BS, Lee J, Won Y, et al. Skin brightening with exosomes: a split-face study. "
                            "Cosmetics. 2023;10:12.", 4)
    assert (ref.label, ref.kind, ref.block) == ("cho2023", "author_year", 4)
    assert parse_author_year("Exosomes in 2023. A short note on them.", 0) is None
    # Harvard style: the year in brackets, then the title in quotes; a numbered section opens the list
    harvard = parse_author_year("Lee, J. and Kim, S. (2017) 'Exosomes reduce wrinkles in mice', J Derm, 8, pp. 1-9.", 0)
    assert (harvard.label, harvard.kind) == ("lee2017", "author_year")
    assert section_start("4.6 References") == ""
    # an author-year entry in a numbered list (an HTML <ol> of APA entries) answers to both kinds of marker
    ref = parse_entry("3. Okoro, C. N., & Brandt, L. (2021). Exosomes after laser: a randomised trial. J Derm.", 0)
    assert (ref.label, ref.aliases) == ("3", ["okoro2021"])
    assert find_markers("Scars improved (Okoro and Brandt, 2021).") == [("Okoro and Brandt, 2021", ["okoro2021"])]


def test_design_from_title_and_venue_words(vocab):
    cases = {
        "Stack A. Exosomes for skin: a systematic review and meta-analysis. ASJ 2026": "systematic_review",
        "Kwon H. Exosomes and CO2 laser for acne scars: a double-blind, randomized, split-face study. 2020": "rct",
        "Han H. ASC exosomes for facial redness in patients with atopic dermatitis. 2023": "clinical_study",
        "Tawanwongsri W. Skin necrosis after injection of exosome: A case report and a review. 2024": "case_report",
        "Lee R. Anti-melanogenic effects of vesicles in mouse melanoma cells. 2019": "in_vitro",
        "Shin K. Exosomes ameliorate dermatitis in NC/Nga mice. 2020": "animal",
        "Yi Q. Current understanding of plant-derived exosome-like nanoparticles. 2023": "narrative_review",
        "Tiryaki T. Data on exosomes in aesthetic surgery: update, conference lecture, recorded 08/07/21": "expert_opinion",
        "Zhang Y. Cord blood MSC exosomes stimulate regenerative wound healing. 2021": "animal",
        "Chang Y. Exosomes and stem cells in degenerative disease. 2018": "",
        # a finding on cells is a cell-culture study; cells named as the mechanism are not
        "Oh M. Stem cell exosomes ameliorate the aging of skin fibroblasts. Int J Mol Sci. 2018;19:1715.": "in_vitro",
        "Hu L. Exosomes accelerate wound healing via optimizing fibroblasts. Sci Rep. 2016;6:32993.": "animal",
        "Zhou Y. Exosomes in a melanocyte-keratinocyte co-culture model. Stem Cells Int. 2022;1:2.": "in_vitro",
        "Human repeat insult patch test (HRIPT) on 52 subjects under dermatological supervision.": "clinical_study",
        "Grabo P. Exosomes after subcision for acne scars: a non-randomised controlled study. 2023": "clinical_study",
    }
    for text, tier in cases.items():
        assert classify_design(text, vocab) == tier, text


def test_long_capitalised_lines_are_not_reference_lines():
    # the author-year pattern once backtracked exponentially on lines of capitalised words
    assert reference_line(" ".join(["ABCDEFG"] * 40) + " end. More text here.") is None
    assert reference_line("EXOSOMES: NATURE'S GIFT TO YOUR SKIN AND THE WORLD OF AESTHETIC MEDICINE TODAY") is None


def test_numbers_after_a_full_stop_are_markers():
    assert find_markers("They also help.12,13") == [("12,13", ["12", "13"])]
    assert find_markers("Skin is 1.5 mm thick.") == [] and find_markers("Done in 2019.") == []


def test_a_journal_reference_line_closes_a_press_release():
    from exoreview.references import reference_line
    line = ("Journal reference: Lee A, Kim B. Platelet vesicle gel heals diabetic wounds in mice. Adv Wound Biomater. "
            "2025;12:411-426.")
    assert reference_line(line).startswith("Lee A, Kim B.")
    assert reference_line("Source: Lee A. Vesicles in mice. 2021.") == "Lee A. Vesicles in mice. 2021."
    assert reference_line("Journal club: we read Lee 2021 this week.") is None
