"""Reading files into normalised text: encoding detection, HTML and Markdown readers.

A reader registry keyed by file extension turns bytes into plain text in which
paragraphs are separated by blank lines, headings start with '#', bullets with
'- ', and citation markers survive as printed ('<sup>3</sup>', '*3', '[^key]').
Problems with one file never raise: they come back in ``Ingested.status``.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

MAX_BYTES = 20_000_000  # a "huge" file: skipped with a warning, never read into the tables

READERS: dict[str, Callable[[str], tuple[str, str]]] = {}
EXTENSIONS: dict[str, str] = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                              ".html": "html", ".htm": "html", ".xhtml": "html"}


@dataclass
class Ingested:
    """A file read into text, or the reason it could not be."""

    text: str
    format: str
    encoding: str
    status: str  # "ok", "ok: <warning>" or "skipped: <reason>"
    title: str = ""

    @property
    def ok(self) -> bool:
        """Whether the file was read (possibly with a warning)."""
        return not self.status.startswith("skipped")


def register(fmt: str):
    """Register a reader ``str -> (text, title)`` for a format name."""
    def deco(fn):
        READERS[fmt] = fn
        return fn
    return deco


_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        # UTF-16 without BOM has a NUL in every other byte; true binaries are irregular
        even, odd = head[0::2].count(0), head[1::2].count(0)
        return not (max(even, odd) > 0.4 * (len(head) / 2) and min(even, odd) < 0.05 * (len(head) / 2))
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > 0.1 * max(len(head), 1)


def decode(raw: bytes) -> tuple[str, str, str]:
    """Decode bytes to text; return (text, encoding, warning or '')."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig", ""
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace"), enc, ""
    try:
        return raw.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    best = from_bytes(raw).best()
    if best is not None and best.encoding:
        return str(best), best.encoding, ""
    return raw.decode("utf-8", errors="replace"), "utf-8", "undecodable bytes replaced"


# a fixed-width table row: three or more cells set apart by runs of spaces or tabs, not after a
# sentence's end ("Sentence one.  Sentence two." is prose typed with two spaces)
_CELL_GAP = re.compile(r"(?<=[^\s.!?;:])(?: {2,}|\t+)(?=\S)")
_TABLE_ROW = re.compile(r"^[^\n]*?[^\s.!?;:](?: {2,}|\t+)[^\n]*?[^\s.!?;:](?: {2,}|\t+)\S[^\n]*$", re.M)


def _piped(m: re.Match) -> str:
    """A fixed-width table row, its cells piped like a markdown table's."""
    return _CELL_GAP.sub(" | ", m.group(0))


# a text box drawn with characters: its frame ("+-----+") and the bars around each line ("| text |")
_BOX_FRAME = re.compile(r"^[ \t]*\+[-=+]{3,}\+[ \t]*$", re.M)
_BOX_LINE = re.compile(r"^[ \t]*\|([^|\n]*[^\W\d_][^|\n]*)\|[ \t]*$", re.M)


# space-like characters that become a plain space (runs are then collapsed)
_SPACE_LIKE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """NFC-normalise, unify newlines and spaces, drop control characters."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    if "+---" in text and _BOX_FRAME.search(text):  # a "Key points" box: its text, without the frame
        text = _BOX_LINE.sub(r"\1", _BOX_FRAME.sub("", text))
    if "  " in text or "\t" in text:
        text = _TABLE_ROW.sub(_piped, text)
    text = _SPACE_LIKE.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    if "\n " in text or " \n" in text or text[:1] == " " or text[-1:] == " ":
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return text


# an e-mail saved as text opens with its header fields ("From: ...", "Subject: ...")
_MAIL_HEADER = re.compile(r"\A(?:[ \t]*(?:from|to|cc|bcc|date|sent|subject|reply-to)[ \t]*:[^\n]*\n){3,8}", re.I)
_SUBJECT = re.compile(r"^[ \t]*subject[ \t]*:[ \t]*(.+?)[ \t]*$", re.I | re.M)


@register("txt")
def read_txt(text: str) -> tuple[str, str]:
    """Plain text: kept as it is; an e-mail's header gives way to its subject, its title."""
    header = _MAIL_HEADER.match(text)
    if header:
        subject = _SUBJECT.search(header.group(0))
        if subject:
            return subject.group(1) + "\n\n" + text[header.end():].lstrip("\n"), subject.group(1)
    return text, ""


_FRONT = re.compile(r"\A(?:[^\n]*\n){0,5}?---\n(.*?)\n---\n", re.S)  # front matter, maybe after a few lines
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_HTML_TAG = re.compile(r"</?(?!sup\b)[a-zA-Z][^>]*>")


@register("md")
def read_md(text: str) -> tuple[str, str]:
    """Markdown: front matter dropped (its title kept), links and emphasis reduced to their text."""
    title = ""
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            if line.lower().startswith("title:"):
                title = line.split(":", 1)[1].strip().strip("'\"")
        text = text[: m.start(1) - 4] + "\n" + text[m.end():] if m.start(1) > 4 else text[m.end():]
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda mm: f"{mm.group(1)} [link:{mm.group(2)}]", text)
    text = _MD_EMPH.sub(lambda mm: mm.group(2) or mm.group(3) or "", text)
    text = _HTML_TAG.sub("", text)
    return text, title


_BLOCK_TAGS = {"p", "div", "section", "article", "li", "tr", "blockquote", "figcaption", "pre",
               "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "header", "main", "table", "ul", "ol"}
_DROP_TAGS = ["script", "style", "noscript", "nav", "footer", "form", "iframe", "svg", "button", "template", "aside"]


@register("html")
def read_html(text: str) -> tuple[str, str]:
    """HTML through a real parser (BeautifulSoup + lxml); <sup>n</sup> kept as a marker.

    The tree is walked once with an explicit stack (no tree edits, no recursion), so a
    page with thousands of sibling blocks or deep nesting reads in linear time.
    """
    from bs4 import BeautifulSoup, NavigableString
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    soup = BeautifulSoup(text, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    skip_strings = (Comment, Declaration, Doctype, ProcessingInstruction)
    drop = set(_DROP_TAGS) | {"head", "title"}
    out: list[str] = []
    numbers: dict[int, int] = {}  # id of an <ol>'s <li> -> its number, set when the <ol> is reached
    stack: list = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if isinstance(node, NavigableString):
                if not isinstance(node, skip_strings):
                    out.append(str(node))
            else:
                out.append(node)  # a separator pushed below
            continue
        name = node.name
        if name in drop:
            continue
        if name == "br":
            out.append("\n")
            continue
        if name == "sup":
            out.append(f"<sup>{node.get_text('', strip=True)}</sup>")
            continue
        if name == "ol":
            start = str(node.get("start", "1"))
            k = int(start) if start.isdigit() else 1
            for child in node.contents:
                if getattr(child, "name", None) == "li":
                    numbers[id(child)] = k
                    k += 1
        if name == "a":
            href = str(node.get("href") or "").strip()
            if _CITABLE_HREF.match(href):
                stack.append(f" [link:{href}]")  # after the link text, as for a markdown link
        if name in _BLOCK_TAGS:
            if name[0] == "h" and name[1:].isdigit():
                out.append("\n\n" + "#" * int(name[1:]) + " ")
            elif name == "li":
                n = numbers.get(id(node))
                out.append(f"\n{n}. " if n else "\n- ")  # a numbered reference list keeps its numbers
            elif name == "p" and _all_bold(node):
                out.append("\n\n#### ")  # a paragraph set wholly in bold is a heading ("Talk 1: ...")
            else:
                out.append("\n\n")
            stack.append("\n\n")
        stack.extend(reversed(node.contents))
    lines = [_WS_RUN.sub(" ", ln).strip() for ln in "".join(out).split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip(), title


def _all_bold(p) -> bool:
    """A <p> whose only content is one <strong> or <b> of a heading's length."""
    kids = [c for c in p.contents if not (isinstance(c, str) and not c.strip())]
    return (len(kids) == 1 and getattr(kids[0], "name", None) in ("strong", "b")
            and 0 < len(kids[0].get_text(" ", strip=True)) <= 300)


_WS_RUN = re.compile(r"\s+")
_CITABLE_HREF = re.compile(r"^https?://[^\s\]\[]+$", re.I)  # an absolute link can be a citation
_BLANK_RUNS = re.compile(r"\n{3,}")


def read_raw(path: Path, max_bytes: int = MAX_BYTES) -> tuple[bytes | None, str]:
    """The bytes of a file, or None and why they cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, f"skipped: file too large ({size} bytes > {max_bytes})"
        return path.read_bytes(), ""
    except OSError as exc:
        return None, f"skipped: unreadable ({exc.strerror or exc})"


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Ingested:
    """Read one file of the corpus; every problem is reported in ``status``, never raised."""
    fmt = EXTENSIONS.get(path.suffix.lower(), "")
    if not fmt:
        return Ingested("", "", "", "skipped: unsupported file type")
    raw, why = read_raw(path, max_bytes)
    if raw is None:
        return Ingested("", fmt, "", why)
    return read_bytes(raw, fmt)


def read_bytes(raw: bytes, fmt: str) -> Ingested:
    """Bytes of one document in a known format into normalised text."""
    if not raw.strip():
        return Ingested("", fmt, "", "skipped: empty file")
    if _looks_binary(raw):
        return Ingested("", fmt, "", "skipped: binary content in a text file")
    text, encoding, warning = decode(raw)
    text, title = READERS[fmt](normalise(text))
    if fmt != "txt":  # a reader that rewrote the text may have left spacing to tidy
        text = normalise(text)
    if not text.strip():
        return Ingested("", fmt, encoding, "skipped: no text after reading")
    return Ingested(text, fmt, encoding, f"ok: {warning}" if warning else "ok", title)
