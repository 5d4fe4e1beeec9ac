"""Ingest: encodings, HTML through a parser, markdown, bad files."""
from __future__ import annotations

import codecs

from exoreview.ingest import decode, read_bytes, read_file, read_html, read_md

TEXT = "Exosomes from adipose stem cells reduce wrinkles in a split-face trial — résumé."


def test_utf8_bom_and_utf16_are_decoded(tmp_path):
    for enc, raw in {"utf-8-sig": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
                     "utf-16": TEXT.encode("utf-16")}.items():
        p = tmp_path / f"{enc}.txt"
        p.write_bytes(raw)
        got = read_file(p)
        assert got.status == "ok"
        assert got.text == TEXT
        assert got.encoding.startswith(enc.split("-sig")[0].replace("utf-8", "utf-8"))


def test_legacy_single_byte_is_detected():
    raw = ("Les exosomes dérivés de cellules souches améliorent l'élasticité de la peau. " * 5).encode("cp1252")
    text, encoding, warning = decode(raw)
    assert "dérivés" in text and "élasticité" in text
    assert warning == ""
    assert encoding.lower() not in {"utf-8", "utf_8", "ascii"}  # a single-byte code page was detected


def test_html_uses_a_parser_keeps_sup_markers_and_drops_scripts():
    html = ("<html><head><title>T</title><script>var exosome = 1;</script></head><body>"
            "<nav>Home | Shop</nav><h1>Exosomes heal wounds</h1>"
            "<p>ASC-Exos promote angiogenesis<sup>5,6</sup>. They reduce scars &amp; redness.</p>"
            "<ul><li>first point</li><li>second point</li></ul></body></html>")
    text, title = read_html(html)
    assert title == "T"
    assert "var exosome" not in text and "Home | Shop" not in text
    assert "# Exosomes heal wounds" in text
    assert "angiogenesis<sup>5,6</sup>." in text
    assert "scars & redness" in text
    assert "- first point" in text and "- second point" in text
    # an ordered list keeps its numbers, so '<sup>2</sup>' can find entry 2 of a reference list
    text, _ = read_html("<ol><li>Park K. Review. 2023.</li><li>Lee J. Trial. 2024.</li></ol>"
                        "<ol start='7'><li>Kim S. Case. 2022.</li></ol>")
    assert "1. Park K." in text and "2. Lee J." in text and "7. Kim S." in text


def test_html_links_are_kept_as_link_markers_like_markdown_links():
    text, _ = read_html("<p>A <a href='https://doi.org/10.1/x'>split-face trial</a> found less melasma. "
                        "<a href='/shop'>Shop</a> <a href='javascript:void(0)'>More</a></p>")
    assert text == "A split-face trial [link:https://doi.org/10.1/x] found less melasma. Shop More"


def test_markdown_front_matter_links_and_emphasis():
    md = "---\ntitle: Exo Page\ntags: [a]\n---\n\nSee **bold** and *it* and [a study](https://x.org/1).\n"
    text, title = read_md(md)
    assert title == "Exo Page"
    assert "tags" not in text
    assert "See bold and it and a study [link:https://x.org/1]." in text


def test_bad_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 \xff\xfe\xfd exosomes " * 3)
    assert read_file(tmp_path / "empty.txt").status == "skipped: empty file"
    assert read_file(tmp_path / "binary.txt").status == "skipped: binary content in a text file"
    assert read_file(tmp_path / "big.txt", max_bytes=1000).status.startswith("skipped: file too large")
    bad = read_file(tmp_path / "bad.txt")
    assert bad.ok and "exosomes" in bad.text


def test_html_with_many_sibling_blocks_and_deep_nesting_reads_whole():
    many = "".join(f"<div><p>Paragraph {i} on exosomes.</p></div>" for i in range(3000))
    text, _ = read_html(f"<html><body>{many}</body></html>")
    assert text.count("Paragraph") == 3000 and "Paragraph 2999 on exosomes." in text
    deep = "<div>" * 3000 + "<p>Deep exosomes reduce wrinkles.</p>" + "</div>" * 3000
    assert read_html(deep)[0] == "Deep exosomes reduce wrinkles."


def test_an_email_saved_as_text_is_titled_by_its_subject():
    mail = ("From: Partner Team <team@example.org>\nTo: clinic@example.org\nDate: Tue, 2 Jun 2031 09:00\n"
            "Subject: New exosome vials are here\n\nHi Dr. Rao,\n\nOur new vials ship today.\n")
    ing = read_bytes(mail.encode(), "txt")
    assert ing.title == "New exosome vials are here"
    assert ing.text.startswith("New exosome vials are here\n\nHi Dr. Rao,") and "From:" not in ing.text
    # a text that only mentions a date is not a mail
    assert read_bytes(b"Date: 2031\nExosomes heal.\n", "txt").title == ""


def test_a_paragraph_set_wholly_in_bold_is_a_heading():
    text, _ = read_html("<p><strong>Talk 1: a randomised trial of exosome serum</strong></p>"
                        "<p>Wrinkles fell by <b>21%</b>.</p><p><b>Note:</b> data may change.</p>")
    assert text.split("\n\n") == ["#### Talk 1: a randomised trial of exosome serum", "Wrinkles fell by 21%.",
                                  "Note: data may change."]
