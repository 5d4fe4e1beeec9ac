"""Blocks and sentences from normalised text.

Survives real web text: headings glued to the first sentence
("IntroductionSkin aging is..."), citation numbers glued to words ("thickest1, 2."),
abbreviations (et al., e.g., Fig., vs., approx.), decimals, bullets, markdown
headings and paragraphs broken across blank lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "al", "e.g", "i.e", "eg", "ie", "fig", "figs", "vs", "approx", "ca", "cf", "dr", "mr", "mrs", "ms",
    "prof", "no", "nos", "st", "etc", "vol", "pp", "ref", "refs", "jr", "sr", "inc", "ltd", "co", "eq",
    "resp", "min", "max", "sp", "spp", "viz", "ed", "eds", "p", "tab", "suppl", "u.s", "dept", "univ", "mt",
    # months in datelines and dates ("SEOUL, Feb. 6, 2025")
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}

_BULLET = re.compile(r"^(?:[-*•–—·▪◦✓✔✗✘➤►→☑]|\d{1,2}[.)])\s+(?=\S)")
# a page header or breadcrumb line ("Journal | Research Article | Open access"): never part of a paragraph
_PIPED = re.compile(r"\S\s+\|\s+\S.*\s\|\s")
_HEADING_MD = re.compile(r"^(#{1,6})\s+(.*)$")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*(?:\*\d+|<sup>[^<]*</sup>|\[\^[^\]]+\]|\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)?$")
# a lower-case letter directly followed by Capital+lower: "AgingThe", "dermatologyExosomes"
_ENTRY_START = re.compile(r"^\[\d{1,3}\]\s+[A-Z]")
_GLUE_HINT = re.compile(r"[a-z)][A-Z]")
_GLUE = re.compile(r"(?<=[a-z\)])(?=[A-Z][a-z]{1,}\b|[A-Z]{2,}|[AI]\s)")  # "...regulationA pooled ..." too

# Sentence boundary: terminal punctuation, optional closing quotes/brackets and an
# optional citation marker, then space and a plausible sentence start.
_BOUNDARY = re.compile(
    r"(?P<end>[.!?…][\"'”’)\]]*(?:\*\d+(?:\s*,\s*\*?\d+)*|<sup>[^<]*</sup>|\[\^[^\]]+\]"
    r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|\d{1,3}(?:[,–-]\d{1,3})*)?"
    r"|(?<=\s)[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\uFE0F\u200D]+[.!?]*)"  # a post's emoji ends it too
    r"\s+(?=[\"'“‘(\[]?(?:[A-Z0-9*#<•]|[a-z]{1,4}[A-Z0-9-]))"  # "hUCMSC-Exos ...", "miR-21 ...", "sEVs ..."
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass
class Block:
    """A paragraph, heading or bullet of a document, in reading order."""

    index: int
    text: str
    kind: str  # "heading", "para", "bullet"
    level: int = 0
    marker: str = ""  # a bullet's list marker ("-", "3.")


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)]
    if not words:
        return False
    small = {"a", "an", "and", "the", "of", "in", "on", "for", "to", "from", "with", "by", "at", "or", "as",
             "than", "vs", "via", "into", "its", "their"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps / len(words) >= 0.85 and sum(1 for w in words if w[0].isupper()) >= 1


_SECTION_NAME = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(abstract|introduction|background|materials and methods|methods?|patients and methods|"
    r"results|discussion|conclusions?|limitations|references|acknowledge?ments|funding|competing interests|"
    r"conflicts? of interest|author contributions|keywords|abbreviations|supplementary material)$", re.I)


def is_section_name(line: str) -> bool:
    """A journal section heading ("Abstract", "## 2. Methods", "**References**"), in any case."""
    return bool(_SECTION_NAME.match(line.strip().strip("#*_: ").rstrip(":")))


# a numbered subsection heading of a paper: "3.2 EVs accelerate burn wound healing"
_SUBSECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Za-z]")


def looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation written in title case or capitals, a
    journal section name in any case ("Materials and methods"), or a numbered subsection."""
    if len(text) > 160 or _TERMINAL.search(text):
        return False
    return (_is_title_case(text) or (text.isupper() and len(text) > 3) or bool(_SECTION_NAME.match(text.strip()))
            or (len(text) <= 100 and bool(_SUBSECTION.match(text))))


def split_glued_heading(text: str) -> tuple[str, str]:
    """Split 'Overview of Skin AgingThe skin, ...' into ('Overview of Skin Aging', 'The skin, ...'),
    and 'ConclusionsMSC-exos ...' into ('Conclusions', 'MSC-exos ...')."""
    if not _GLUE_HINT.search(text, 0, 120):  # a cheap test first: most paragraphs have no glue
        return "", text
    for m in _GLUE.finditer(text[:120]):
        head, rest = text[: m.start()], text[m.start():]
        words = head.split()
        if ((len(head) >= 8 or _SECTION_NAME.match(head)) and 1 <= len(words) <= 12 and head[:1].isupper()
                and not _TERMINAL.search(head)
                and len(re.sub(r"\W", "", words[-1])) >= 4
                and not re.search(r"[,;]", head) and len(rest.split()) >= 4
                # before an acronym ("ConclusionsMSC-exos ...") only a heading-like head: not "deliver circRNA"
                and (rest[1:2].islower() or rest[1:2] == " " or _is_title_case(head)
                     or _SECTION_NAME.match(head.strip()))):
            return head.strip(), rest.strip()
    return "", text


def _is_title_line(text: str) -> bool:
    """The first line of a document, short and unpunctuated, is its title in any case."""
    return len(text.split()) <= 20 and not _TERMINAL.search(text) and text[:1].isupper()


# a drawn rule ("-----", "* * *", "====="): it ends a paragraph and separates a collection's abstracts
RULE = re.compile(r"^\s*([-=_*~])(?:\s*\1){2,}\s*$")


def split_blocks(text: str) -> list[Block]:
    """Split normalised text into blocks: blank lines separate paragraphs, bullets and
    markdown headings stand alone, wrapped lines of one paragraph are joined and a
    paragraph cut mid-sentence by a blank line is re-joined."""
    raw: list[tuple[str, str, int, str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            raw.append((" ".join(para), "para", 0, ""))
            para.clear()

    for line in text.split("\n"):
        line = line.strip()
        if not line:
            flush()
            continue
        if RULE.match(line):  # a drawn rule: "-----", "=====" (under a lone line, a setext heading)
            if len(para) == 1 and len(para[0]) < 120 and not _TERMINAL.search(para[0]):
                raw.append((para.pop(), "heading", 2, ""))
            flush()
            raw.append((line, "para", 0, ""))  # kept: rules separate the abstracts of a collection
            continue
        m = _HEADING_MD.match(line)
        if m:
            flush()
            raw.append((m.group(2).strip().strip("#").strip(), "heading", len(m.group(1)), ""))
            continue
        b = _BULLET.match(line)
        if b and not re.match(r"^\d{1,3}[.)]\s+[A-Z][\w'’-]+,", line):
            flush()
            item = line[b.end():].strip()
            head, rest = split_glued_heading(item) if b.group(0)[:1].isdigit() else ("", item)
            if b.group(0)[:1].isdigit() and is_section_name(item):
                raw.append((item, "heading", 2, ""))  # a numbered section heading: "2. METHODS"
            elif head:  # a numbered heading glued to its first paragraph: "1. IntroductionHealing of ..."
                raw.append((f"{b.group(0).strip()} {head}", "heading", 2, ""))
                raw.append((rest, "para", 0, ""))
            else:
                raw.append((item, "bullet", 0, b.group(0).strip()))
            continue
        lone_heading = len(para) == 1 and (len(para[0]) < 60 or bool(_SUBSECTION.match(para[0]))) \
            and looks_like_heading(para[0])  # a numbered subsection heading may be long: "3.2 EVs restore ..."
        if para and (_TERMINAL.search(para[-1]) or lone_heading or _ENTRY_START.match(line)
                     or _PIPED.search(para[-1]) or _PIPED.search(line)):
            flush()  # a line ending a sentence ends its paragraph (one paragraph per line in web text),
            # and "[7] Wang Q, ..." starts a new reference entry even after "... (mouse model)"
        para.append(line)
    flush()

    blocks: list[Block] = []
    for text_, kind, level, marker in raw:
        if not text_:
            continue
        if kind == "para":
            head, rest = split_glued_heading(text_)
            if head:
                blocks.append(Block(0, head, "heading", 3))
                text_ = rest
            elif looks_like_heading(text_) or (not blocks and _is_title_line(text_)):
                kind = "heading"
        prev = blocks[-1] if blocks else None
        # a line cut mid-sentence goes on its paragraph or bullet ("- ... and help" / "hair grow, but ...")
        if (prev is not None and kind == "para" and prev.kind in ("para", "bullet") and text_[:1].islower()
                and not _TERMINAL.search(prev.text)):
            prev.text = f"{prev.text} {text_}"
            continue
        blocks.append(Block(0, text_, kind, level, marker))
    for i, b in enumerate(blocks):
        b.index = i
    return blocks


def _protected(prefix: str) -> bool:
    """True when the period ending ``prefix`` belongs to an abbreviation or an initial."""
    m = _WORD_BEFORE.search(prefix[-40:])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    return len(m.group(1)) == 1 and m.group(1).isupper()  # an initial: "J. Smith"


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping citation markers with their sentence."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end("end")
        piece = text[start:end]
        core = piece[: len(piece) - len(m.group("end")) + 1]
        if m.group("end").startswith(".") and _protected(core):
            continue
        dot = m.start("end")
        if m.group("end")[1:2].isdigit() and text[dot - 1:dot].isdigit():
            continue  # a decimal ("was 1.1 (SD 0.7)"), not a number and a glued citation
        if len(piece.strip()) < 2:
            continue
        out.append(piece.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
