"""PDF: reading order of two columns, hyphenation, running headers/footers, references; bad PDFs skipped.

The PDFs are built here with fpdf2 (a test-only dependency), text placed at
known positions so that the expected reading order is certain.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from exoreview.readers import read_records, sniff

fpdf = pytest.importorskip("fpdf", reason="fpdf2 builds the PDF fixtures (test dependency)")

LEFT = ["Adipose stem cell exosomes were applied to the",
        "photoaged forearm skin of twelve volunteers. The",
        "treated skin showed more collagen and better elastic-",
        "ity after eight weeks of twice-weekly application.",
        "",
        "Keratinocyte migration assays gave a consistent",
        "picture: exosome-treated wounds closed faster and"]
RIGHT = ["the scratch area was halved within a day. Exosome-",
         "derived vesicles were well tolerated by all volunteers.",
         "",
         "RIGHTEND no adverse events were recorded at all."]
REFS = ["1. Kim H, Lee S. Exosomes in wound healing. J Derm",
        "    Sci. 2020;98:1-9.",
        "2. Zhang W, Li Q. Umbilical cord MSC exosomes in diabetic",
        "    mice. Stem Cell Res Ther. 2022;13:45.",
        "3. Rossi M. Keratinocyte vesicles. Exp Dermatol. 2021;30:7."]


def _lines(pdf, x, y, lines, size=10, lead=13):
    pdf.set_font("Helvetica", size=size)
    for ln in lines:
        if ln:
            pdf.text(x, y, ln)
        y += lead
    return y


def build_article(path: Path, meta_title: bool = True) -> Path:
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    if meta_title:
        pdf.set_title("Exosomes for photoaged skin: a pilot study")
    pdf.set_author("Park, J; Lee, S")

    def running(n):
        pdf.set_font("Helvetica", size=8)
        pdf.text(50, 30, "J Synthetic Dermatol 2024;12:101-104")
        pdf.text(450, 30, f"Park et al. | page {n}")
        pdf.text(290, 815, str(100 + n))

    pdf.add_page()
    running(1)
    pdf.set_font("Helvetica", "B", 16)
    pdf.text(50, 80, "Exosomes for photoaged skin: a pilot study")
    pdf.set_font("Helvetica", size=9)
    pdf.text(50, 100, "https://doi.org/10.9999/JSD.2024.0101.  Published online 12 March 2024")
    _lines(pdf, 50, 140, LEFT)
    _lines(pdf, 310, 140, RIGHT)
    pdf.add_page()
    running(2)
    _lines(pdf, 50, 80, ["Body text on page two discusses the results in the light",
                         "of earlier mouse studies."])
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(50, 130, "References")
    _lines(pdf, 50, 150, REFS, size=9, lead=12)
    pdf.add_page()
    running(3)
    _lines(pdf, 50, 80, ["Figure 1 shows the change in collagen density by week."])
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    path = build_article(tmp_path_factory.mktemp("pdf") / "article.pdf")
    recs = list(read_records(path, "pdf"))
    assert len(recs) == 1
    return recs[0]


def test_sniffed_and_read_as_one_record(article, tmp_path):
    assert sniff(Path("x.pdf"), b"%PDF-1.4") == "pdf"
    assert article.status == "ok"
    assert article.name == "doi:10.9999/jsd.2024.0101"
    assert article.title == "Exosomes for photoaged skin: a pilot study"
    assert article.meta["doi"] == "10.9999/jsd.2024.0101"
    assert article.meta["year"] == "2024"
    assert article.meta["authors"] == ["Park, J", "Lee, S"]
    assert article.text.startswith("# Exosomes for photoaged skin: a pilot study\n\n")
    assert article.text.count("Exosomes for photoaged skin: a pilot study") == 1


def test_two_columns_keep_reading_order(article):
    text = article.text
    order = ["photoaged forearm skin", "Keratinocyte migration", "the scratch area was halved",
             "RIGHTEND", "Body text on page two", "References"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


def test_paragraphs_blank_line_separated_and_joined_across_columns(article):
    paras = article.text.split("\n\n")
    assert ("Adipose stem cell exosomes were applied to the photoaged forearm skin of twelve volunteers. The "
            "treated skin showed more collagen and better elasticity after eight weeks of twice-weekly "
            "application.") in paras
    # a sentence cut by the column break is one paragraph again
    assert ("Keratinocyte migration assays gave a consistent picture: exosome-treated wounds closed faster and "
            "the scratch area was halved within a day. Exosome-derived vesicles were well tolerated by all "
            "volunteers.") in paras


def test_hyphenation_joined_but_compounds_kept(article):
    assert "elasticity" in article.text and "elastic-" not in article.text
    assert "Exosome-derived" in article.text


def test_running_headers_footers_and_page_numbers_removed(article):
    assert "J Synthetic Dermatol" not in article.text
    assert "Park et al." not in article.text
    paras = article.text.split("\n\n")
    for n in (101, 102, 103):
        assert str(n) not in paras and not any(p.endswith(f" {n}") or p.startswith(f"{n} ") for p in paras)


def test_references_section_found_and_entries_one_per_line(article):
    text = article.text
    assert "\n\nReferences\n\n" in text
    refs = text.split("\n\nReferences\n\n", 1)[1].split("\n\n")
    assert refs[:3] == [
        "1. Kim H, Lee S. Exosomes in wound healing. J Derm Sci. 2020;98:1-9.",
        "2. Zhang W, Li Q. Umbilical cord MSC exosomes in diabetic mice. Stem Cell Res Ther. 2022;13:45.",
        "3. Rossi M. Keratinocyte vesicles. Exp Dermatol. 2021;30:7.",
    ]
    # body text after the list (another font size) is not glued to the last entry
    assert refs[3] == "Figure 1 shows the change in collagen density by week."


def test_title_from_the_largest_line_when_metadata_has_none(tmp_path):
    rec = next(read_records(build_article(tmp_path / "a.pdf", meta_title=False), "pdf"))
    assert rec.title == "Exosomes for photoaged skin: a pilot study"
    assert rec.text.startswith("# Exosomes for photoaged skin: a pilot study\n\n")


def test_scanned_pdf_is_skipped(tmp_path):
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(img).text((40, 40), "Exosome study (scanned)", fill=0)
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=190)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    recs = list(read_records(path, "pdf"))
    assert [(r.name, r.status) for r in recs] == [("rec1", "skipped: scanned PDF with no text layer")]


def test_password_protected_pdf_is_skipped(tmp_path):
    from fpdf.enums import EncryptionMethod

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(20, 20, "Exosomes behind a password.")
    pdf.set_encryption(owner_password="owner", user_password="secret", encryption_method=EncryptionMethod.RC4)
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    assert [r.status for r in read_records(path, "pdf")] == ["skipped: encrypted PDF"]


def test_owner_password_only_pdf_is_read(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(20, 20, "Exosomes with print restrictions only.")
    pdf.set_encryption(owner_password="owner")
    path = tmp_path / "restricted.pdf"
    pdf.output(str(path))
    rec = next(read_records(path, "pdf"))
    assert rec.status == "ok" and "Exosomes with print restrictions only." in rec.text


@pytest.mark.parametrize("content, reason", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "skipped: corrupt PDF ("),
    (b"<html>not a pdf</html>", "skipped: corrupt PDF (no %PDF header)"),
    (b"", "skipped: corrupt PDF (no %PDF header)"),
])
def test_corrupt_pdf_is_skipped(tmp_path, content, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    recs = list(read_records(path, "pdf"))
    assert len(recs) == 1 and recs[0].status.startswith(reason)


def test_truncated_pdf_is_skipped(tmp_path):
    whole = build_article(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    recs = list(read_records(path, "pdf"))
    assert len(recs) == 1 and recs[0].status.startswith("skipped: corrupt PDF (")
