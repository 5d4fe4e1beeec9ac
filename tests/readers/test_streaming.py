"""Exports are streamed: memory does not grow with the number of records, and the first record
comes before the end of the file is read."""
from __future__ import annotations

import tracemalloc

from exoreview.readers import read_records


def _big_xml(path, exports, n):
    one = (exports / "pubmed_small.xml").read_text(encoding="utf-8")
    art = one[one.index("<PubmedArticle>"): one.index("</PubmedArticle>") + len("</PubmedArticle>")]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0"?>\n<PubmedArticleSet>\n')
        for i in range(n):
            fh.write(art.replace("39000001", str(50_000_000 + i)).replace("jocd.99001", f"jocd.{i}"))
        fh.write("</PubmedArticleSet>\n")
    return path


def _peak(path, fmt) -> tuple[int, int]:
    tracemalloc.start()
    count = 0
    for rec in read_records(path, fmt):
        assert rec.status == "ok"
        count += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return count, peak


def test_pubmed_xml_memory_is_bounded(tmp_path, exports):
    small = _peak(_big_xml(tmp_path / "s.xml", exports, 100), "pubmed_xml")
    big = _peak(_big_xml(tmp_path / "b.xml", exports, 1000), "pubmed_xml")
    assert small[0] == 100 and big[0] == 1000
    size = (tmp_path / "b.xml").stat().st_size
    # the names already seen (for repeats) grow a little; the file's tree must not be kept
    assert big[1] < size / 4, (big[1], size)
    assert big[1] < small[1] + 1_000_000


def test_text_exports_yield_before_reading_the_end(tmp_path):
    ris = tmp_path / "a.ris"
    ris.write_text("TY  - JOUR\nTI  - First\nER  - \n" + "TY  - JOUR\nTI  - x\nER  - \n" * 20000)
    gen = read_records(ris, "ris")
    assert next(gen).title == "First"
    gen.close()
    med = tmp_path / "a.nbib"
    med.write_text("PMID- 1\nTI  - First\n\n" + "PMID- 2\nTI  - x\n\n" * 20000)
    assert next(read_records(med, "medline")).title == "First"
    bib = tmp_path / "a.bib"
    bib.write_text("@article{a1, title={First}}\n" + "".join(f"@article{{k{i}, title={{x}}}}\n" for i in range(20000)))
    assert next(read_records(bib, "bibtex")).title == "First"
