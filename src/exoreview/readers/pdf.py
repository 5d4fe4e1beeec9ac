"""PDF articles through pdfminer.six (MIT): one PDF is one Record.

pdfminer's layout analysis (LAParams) groups characters into lines and lines
into text boxes; the boxes are then put in reading order here, column by
column: a page whose boxes sit left and right of the middle is read left column
then right column, band by band between full-width boxes (title, wide figures).

Then: running headers/footers (a line in the top or bottom margin whose text,
digits aside, recurs on most pages) and page numbers are dropped; lines are
joined into paragraphs with end-of-line hyphenation undone (kept when the
hyphenated word is printed elsewhere in the PDF, as in 'exosome-derived');
known section names and larger-font short lines become '## ' headings; the
largest line(s) of page 1 become the '# ' title; and a reference section gets a
line 'References' followed by its entries, one per line (numbered as printed),
separated by blank lines.
"""
from __future__ import annotations

import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ._common import Record, clean, empty_meta, find_doi, find_year, one_line

MAX_PAGES = 400

_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u2010": "-", "\u2011": "-"})
_PAGE_NO = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_REF_HEAD = re.compile(r"^(?:\d{1,2}\.?\s*)?(references?|bibliography|literature cited|works cited|"
                       r"references and notes|cited literature)\s*:?$", re.I)
_SECTION = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(abstract|summary|introduction|background|"
                      r"(?:materials and |patients and |subjects and )?methods|materials|results|"
                      r"results and discussion|discussion|conclusions?|limitations|acknowledge?ments?|"
                      r"funding|"
                      r"conflicts? of interest|declaration of (?:competing )?interests?|author contributions|"
                      r"data availability(?: statement)?|ethics statement|case (?:report|presentation)|"
                      r"keywords?|appendix|supplementary (?:material|data|information))\s*:?$", re.I)
_AFTER_REFS = re.compile(
    r"^(figure legends?|tables?|appendix|supplementary\b.*|supporting information)\s*:?$", re.I)
_JUNK_TITLE = re.compile(
    r"^(untitled|microsoft word\b.*|.*\.(docx?|pdf|tex|indd|rtf)|title|document\d*)$", re.I)
_NUM_ENTRY = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\.(?=\s|[A-Z])|(\d{1,3})\s(?=[A-Z]))")
_AUTHOR_START = re.compile(r"^[A-Z][A-Za-z'’\-]+,?\s+(?:[A-Z]\.?\s?){1,3}[,.;]?|^[A-Z][A-Za-z'’\-]+,\s+[A-Z]")


@dataclass
class Line:
    """One text line of a page, with its box and position."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    page: int
    box: int


@dataclass
class Box:
    """A text box (pdfminer's LTTextBox): a paragraph or a piece of one."""

    lines: list[Line]
    x0: float
    y0: float
    x1: float
    y1: float
    page: int
    page_width: float
    page_height: float
    kind: str = "para"  # para, heading, title
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The box's lines joined by spaces."""
        return " ".join(ln.text for ln in self.lines)


# ---------------------------------------------------------------- reading the layout

def _line_of(ltline, page: int, box: int) -> Line | None:
    from pdfminer.layout import LTChar

    text = clean(re.sub(r"\(cid:\d+\)", "", ltline.get_text().translate(_LIGATURES)))
    if not text:
        return None
    sizes, bold = [], 0
    chars = 0
    for ch in ltline:
        if isinstance(ch, LTChar):
            sizes.append(round(ch.size, 1))
            chars += 1
            if re.search(r"bold|black|heavy|semibold", ch.fontname or "", re.I):
                bold += 1
    size = statistics.median(sizes) if sizes else 0.0
    is_bold = chars > 0 and bold / chars > 0.6
    return Line(text, ltline.x0, ltline.y0, ltline.x1, ltline.y1, size, is_bold, page, box)


def _page_boxes(layout, page: int) -> list[Box]:
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes = []
    for n, item in enumerate(layout):
        if isinstance(item, LTTextBox):
            lines = [ln for ln in (_line_of(x, page, n) for x in item if isinstance(x, LTTextLine)) if ln]
        elif isinstance(item, LTTextLine):
            lines = [ln for ln in [_line_of(item, page, n)] if ln]
        else:
            continue
        if lines:
            boxes.append(Box(lines, item.x0, item.y0, item.x1, item.y1, page, layout.width, layout.height))
    return boxes


def _order(boxes: list[Box]) -> list[Box]:
    """Reading order of one page's boxes: full-width bands, and within a band left column then right."""
    if not boxes:
        return boxes
    width = boxes[0].page_width
    mid, tol = width / 2, width * 0.02
    left = [b for b in boxes if b.x1 <= mid + tol]
    right = [b for b in boxes if b.x0 >= mid - tol and b not in left]
    full = [b for b in boxes if b not in left and b not in right]
    if not left or not right:
        return sorted(boxes, key=lambda b: (-round(b.y1), b.x0))
    out: list[Box] = []
    upper = math.inf
    centre = lambda b: (b.y0 + b.y1) / 2  # noqa: E731
    for fb in sorted(full, key=lambda b: -b.y1) + [None]:
        lower = centre(fb) if fb is not None else -math.inf
        band = [b for b in left + right if lower < centre(b) <= upper]
        out += sorted([b for b in band if b in left], key=lambda b: -b.y1)
        out += sorted([b for b in band if b in right], key=lambda b: -b.y1)
        if fb is not None:
            out.append(fb)
        upper = lower
    return out


# ---------------------------------------------------------------- headers, footers, page numbers

def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _drop_margins(pages: list[list[Box]]) -> list[list[Box]]:
    """Remove running headers/footers and page numbers from the top and bottom margins."""
    n = len(pages)
    margin_lines: list[list[Line]] = []
    for boxes in pages:
        if not boxes:
            margin_lines.append([])
            continue
        height = boxes[0].page_height
        lines = sorted((ln for b in boxes for ln in b.lines), key=lambda ln: -ln.y1)
        top = [ln for ln in lines[:3] if ln.y0 >= height * 0.85]
        bottom = [ln for ln in lines[-3:] if ln.y1 <= height * 0.12]
        margin_lines.append(top + [ln for ln in bottom if ln not in top])
    counts = Counter(k for lines in margin_lines for k in {_key(ln.text) for ln in lines})
    need = max(2, math.ceil(0.4 * n))
    running = {k for k, c in counts.items() if n >= 2 and c >= need}
    out = []
    for boxes, lines in zip(pages, margin_lines):
        drop = {id(ln) for ln in lines if _key(ln.text) in running or _PAGE_NO.match(ln.text)}
        kept = []
        for b in boxes:
            b.lines = [ln for ln in b.lines if id(ln) not in drop]
            if b.lines:
                kept.append(b)
        out.append(kept)
    return out


# ---------------------------------------------------------------- joining lines

# second halves of compounds that keep their hyphen at a line end ("exosome-" + "derived")
_COMPOUND_TAILS = {"derived", "based", "like", "related", "induced", "associated", "treated", "mediated",
                   "specific", "dependent", "free", "loaded", "rich", "positive", "negative", "type", "term",
                   "scale", "controlled", "blind", "face", "label", "arm", "week", "month", "year", "day",
                   "dose", "fold", "depth", "thickness", "up", "in", "on", "off", "to", "art", "life",
                   "stage"}
_WORD_HYPHEN = re.compile(r"\b([A-Za-z]{2,})-([a-z]{2,})\b")


def _hyphen_words(pages: list[list[Box]]) -> set[str]:
    """Hyphenated words printed inside lines ('exosome-derived'): their hyphen is real."""
    found = set()
    for boxes in pages:
        for b in boxes:
            for ln in b.lines:
                for m in _WORD_HYPHEN.finditer(ln.text):
                    found.add(m.group(0).lower())
    return found


def _join(a: str, b: str, hyphens: set[str]) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation."""
    if not a:
        return b
    if not b:
        return a
    if a.endswith("\u00ad"):
        return a[:-1] + b
    m = re.search(r"([A-Za-z]+)-$", a)
    if m and b[:1].islower():
        head = m.group(1)
        tail = re.match(r"[A-Za-z]+", b)
        if tail and (f"{head}-{tail.group(0)}".lower() in hyphens or tail.group(0) in _COMPOUND_TAILS):
            return a + b
        return a[:-1] + b
    if a.endswith(("-", "–", "/")) and b[:1].isdigit():
        return a + b
    return f"{a} {b}"


def _paragraphs(box: Box, hyphens: set[str]) -> list[str]:
    """Split a box into paragraphs (first-line indent or a short line ending a sentence) and join each."""
    paras: list[list[str]] = [[]]
    left = min(ln.x0 for ln in box.lines)
    right = max(ln.x1 for ln in box.lines)
    prev = None
    for ln in box.lines:
        if prev is not None and re.search(r"[.!?:]['\"”’)]?$", prev.text):
            indented = ln.x0 - left > 6 and prev.x0 - left <= 2
            short = right - prev.x1 > 0.15 * (right - left)
            if indented or short:
                paras.append([])
        paras[-1].append(ln.text)
        prev = ln
    out = []
    for p in paras:
        text = ""
        for t in p:
            text = _join(text, t, hyphens)
        if text:
            out.append(text)
    return out


# ---------------------------------------------------------------- references

def _number(m: re.Match) -> int:
    return int(next(g for g in m.groups() if g))


def _ref_entries(boxes: list[Box], hyphens: set[str]) -> list[str]:
    """Entries of a reference section, one string each, numbered as printed."""
    lines = [ln for b in boxes for ln in b.lines]
    if not lines:
        return []
    first = _NUM_ENTRY.match(lines[0].text)
    entries: list[str] = []
    if first:
        expect = _number(first) - 1
        for ln in lines:
            m = _NUM_ENTRY.match(ln.text)
            if m and (not entries or _number(m) == expect + 1):
                entries.append(ln.text)
                expect = _number(m)
            else:
                entries[-1] = _join(entries[-1], ln.text, hyphens)
        return entries
    # author-year list: hanging indent, or a new box, or an author name after a closed entry
    by_box: dict[tuple[int, int], list[Line]] = {}
    for ln in lines:
        by_box.setdefault((ln.page, ln.box), []).append(ln)
    for blines in by_box.values():
        left = min(ln.x0 for ln in blines)
        hanging = any(ln.x0 - left > 4 for ln in blines)
        start = True
        for ln in blines:
            new = start or (hanging and ln.x0 - left <= 2) or (
                not hanging and entries and re.search(r"[.)]$", entries[-1]) and _AUTHOR_START.match(ln.text))
            if new:
                entries.append(ln.text)
            else:
                entries[-1] = _join(entries[-1], ln.text, hyphens)
            start = False
    return entries


# ---------------------------------------------------------------- the document

def _info(doc) -> dict:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    out = {}
    for info in getattr(doc, "info", []) or []:
        info = resolve1(info)
        if not isinstance(info, dict):
            continue
        for key in ("Title", "Author", "Subject", "Keywords", "CreationDate"):
            v = resolve1(info.get(key))
            if isinstance(v, bytes):
                v = decode_text(v)
            if isinstance(v, str) and clean(v):
                out[key] = clean(v)
    return out


def _body_size(pages: list[list[Box]]) -> float:
    sizes = Counter()
    for boxes in pages:
        for b in boxes:
            for ln in b.lines:
                sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _title_box(boxes: list[Box], body: float) -> Box | None:
    """The largest-font box in the top half of page 1, if it is clearly larger than the body text."""
    cands = [b for b in boxes if b.y1 >= b.page_height * 0.45 and len(b.text) >= 10]
    if not cands:
        return None
    best = max(cands, key=lambda b: (max(ln.size for ln in b.lines), b.y1))
    if max(ln.size for ln in best.lines) >= body + 2 and len(best.text) <= 300:
        return best
    return None


def _is_heading(box: Box, body: float) -> bool:
    text = box.text
    if len(box.lines) > 2 or len(text) > 90 or re.search(r"[.;,]$", text):
        return False
    if _SECTION.match(text) or _REF_HEAD.match(text):
        return True
    size = max(ln.size for ln in box.lines)
    return (size >= body + 1 or all(ln.bold for ln in box.lines)) and bool(re.match(r"^[\dA-Z]", text)) \
        and len(text.split()) <= 12


def _split_authors(author: str) -> list[str]:
    parts = re.split(r"\s*;\s*|\s+and\s+|\s*&\s*", author)
    if len(parts) == 1 and author.count(",") >= 2:
        parts = author.split(",")
    return [clean(p) for p in parts if clean(p)]


def build_text(pages: list[list[Box]], info: dict) -> tuple[str, str, dict]:
    """Title, text and meta from the pages' boxes (reading order already set)."""
    meta = empty_meta()
    pages = _drop_margins(pages)
    hyphens = _hyphen_words(pages)
    body = _body_size(pages)
    first_boxes = pages[0] if pages else []
    tbox = _title_box(first_boxes, body)
    title = ""
    meta_title = info.get("Title", "")
    if meta_title and not _JUNK_TITLE.match(meta_title) and len(meta_title) >= 12:
        title = meta_title
    if tbox is not None:
        tbox.kind = "title"
        if not title:
            title = clean(" ".join(_join("", ln.text, hyphens) for ln in tbox.lines))
            title = re.sub(r"- (?=[a-z])", "", title) if title.count("- ") else title
    out: list[str] = []
    if title and tbox is None:
        out.append(f"# {title}")
    in_refs = False
    ref_boxes: list[Box] = []
    pending: str = ""  # a paragraph that may continue in the next box (column or page break)

    def push(text: str) -> None:
        nonlocal pending
        if pending:
            out.append(pending)
        pending = text

    for boxes in pages:
        for b in boxes:
            text = b.text
            if in_refs:
                size = statistics.median(ln.size for ln in b.lines)
                ref_size = (statistics.median(ln.size for rb in ref_boxes for ln in rb.lines)
                            if ref_boxes else size)
                if (_is_heading(b, body) and _AFTER_REFS.match(text)) or (
                        abs(size - ref_size) > 0.6 and not _NUM_ENTRY.match(b.lines[0].text)):
                    out.extend(_ref_entries(ref_boxes, hyphens))
                    ref_boxes, in_refs = [], False
                else:
                    ref_boxes.append(b)
                    continue
            if b.kind == "title":
                push(f"# {title}")
                continue
            head = b.lines[0].text
            if _REF_HEAD.match(head):
                push("References")
                push("")
                in_refs = True
                b.lines = b.lines[1:]
                if b.lines:
                    ref_boxes.append(b)
                continue
            if _is_heading(b, body):
                push(f"## {re.sub(r'[:]$', '', text)}")
                continue
            for para in _paragraphs(b, hyphens):
                if pending and not pending.startswith("#") and pending != "References" \
                        and not re.search(r"[.!?:]['\"”’)]?$", pending) and para[:1].islower():
                    pending = _join(pending, para, hyphens)
                else:
                    push(para)
    push("")
    if in_refs:
        out.extend(_ref_entries(ref_boxes, hyphens))
    first_text = " ".join(b.text for b in first_boxes)
    meta["doi"] = find_doi(first_text)
    pm = re.search(r"\bPMID:?\s*(\d{5,9})\b", first_text)
    meta["pmid"] = pm.group(1) if pm else ""
    meta["year"] = ""
    for label in ("published", "accepted", "received", "©", "(c)", "copyright"):
        at = first_text.lower().find(label)
        if at >= 0:
            meta["year"] = find_year(first_text[at: at + len(label) + 30])
            if meta["year"]:
                break
    meta["authors"] = _split_authors(info.get("Author", ""))
    kw = info.get("Keywords", "")
    meta["keywords"] = [clean(k) for k in re.split(r"[;,]", kw) if clean(k)] if kw else []
    text = "\n\n".join(p for p in out if p)
    return title, text, meta


def read(path: Path) -> Iterator[Record]:
    """Read one PDF into one Record; every problem becomes a 'skipped: ...' status."""
    name = "rec1"
    quiet = logging.getLogger("pdfminer")
    if quiet.level == logging.NOTSET:  # pdfminer warns on every odd font; keep the CLI's output readable
        quiet.setLevel(logging.ERROR)
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
    except ImportError:
        yield Record(name, "", "", empty_meta(), "skipped: pdfminer.six is not installed")
        return
    try:
        with open(path, "rb") as fp:
            if not fp.read(1024).lstrip().startswith(b"%PDF"):
                fp.seek(0)
                if b"%PDF" not in fp.read(1024):
                    yield Record(name, "", "", empty_meta(), "skipped: corrupt PDF (no %PDF header)")
                    return
            fp.seek(0)
            doc = PDFDocument(PDFParser(fp), password="")
            info = _info(doc)
            manager = PDFResourceManager(caching=True)
            device = PDFPageAggregator(manager, laparams=LAParams())
            interpreter = PDFPageInterpreter(manager, device)
            pages: list[list[Box]] = []
            failed = ""
            try:
                for n, page in enumerate(PDFPage.create_pages(doc)):
                    if n >= MAX_PAGES:
                        break
                    try:  # one damaged page loses that page only
                        interpreter.process_page(page)
                        pages.append(_order(_page_boxes(device.get_result(), n)))
                    except (PDFEncryptionError, MemoryError, RecursionError):
                        raise
                    except Exception as exc:
                        failed = failed or (str(exc) or type(exc).__name__)
                        pages.append([])
            except (PDFEncryptionError, MemoryError, RecursionError):
                raise
            except Exception as exc:  # the page tree itself broke after some pages
                failed = failed or (str(exc) or type(exc).__name__)
            if failed and not any(pages):
                raise ValueError(failed)
    except PDFPasswordIncorrect:
        yield Record(name, "", "", empty_meta(), "skipped: encrypted PDF")
        return
    except PDFEncryptionError as exc:
        yield Record(name, "", "", empty_meta(), f"skipped: encrypted PDF ({one_line(exc, 100)})")
        return
    except OSError as exc:
        yield Record(name, "", "", empty_meta(), f"skipped: unreadable PDF ({exc.strerror or exc})")
        return
    except Exception as exc:  # pdfminer raises many kinds on damaged files; none may escape
        reason = one_line(str(exc) or type(exc).__name__, 120)
        yield Record(name, "", "", empty_meta(), f"skipped: corrupt PDF ({reason})")
        return
    if not any(pages):
        if not pages:
            yield Record(name, "", "", empty_meta(), "skipped: corrupt PDF (no pages)")
            return
        yield Record(name, "", "", empty_meta(), "skipped: scanned PDF with no text layer")
        return
    chars = sum(len(ln.text) for boxes in pages for b in boxes for ln in b.lines)
    if chars < 20:
        yield Record(name, "", "", empty_meta(), "skipped: scanned PDF with no text layer")
        return
    try:
        title, text, meta = build_text(pages, info)
    except Exception as exc:  # a layout this module did not foresee
        yield Record(name, "", "", empty_meta(), f"skipped: PDF layout unreadable ({one_line(exc, 120)})")
        return
    if not title:
        title = path.stem.replace("_", " ")
        text = f"# {title}\n\n{text}"
    if meta["pmid"]:
        name = f"pmid:{meta['pmid']}"
    elif meta["doi"]:
        name = f"doi:{meta['doi']}"
    yield Record(name, title, text, meta, "ok")
