"""Reference lists, in-text citation markers, and the study design of each reference.

Shapes understood: a 'References'/'Footnotes' section of numbered ('1.', '[1]',
'1 Author'), starred ('*1') or footnote ('[^key]:') entries; numbered entries with
no heading at the end of a page; a 'Reference:' line closing an article; a
stand-alone author-year line ('Chang, Y-H, et al. (2018). Title. Journal.').
Markers: '<sup>5,6</sup>', '*4', '[^key]', '[5]', and numbers glued to words
('synthesis38, 39').
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import taxonomy as tx
from .vocab import Vocab, inside_longer

_SECTION = re.compile(
    r"^(?:#+\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"  # a numbered section: "4.6 References"
    r"(references?|bibliography|works cited|literature cited|sources|footnotes|citations|notes)"
    r"\b\s*:?\s*(.*)$", re.I)
_NUMBERED = re.compile(r"^(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)\s+(?=\S)")
_STARRED = re.compile(r"^\*(\d{1,3})\s*")
_FOOTNOTE = re.compile(r"^\[\^([^\]]+)\]:\s*")
_REFERENCE_LINE = re.compile(r"^(?:(?:journal|original|study|full)\s+)?(?:references?|source|citation)\s*:\s*(.+)$",
                             re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# "Chang, Y-H, et al. (2018). ..." / "Bier et al. 2018. ..." / "Kim YJ, Lee S. (2017) ...": a surname, a
# short author list (bounded and lazy, so matching stays linear), then the year
# (Harvard style closes the year and opens a quoted title: "Lee, J. and Kim, S. (2017) 'Title', Journal")
_AUTHOR_YEAR = re.compile(
    r"^[A-Z][A-Za-z'’\-]+(?P<authors>[^\n()]{0,80}?)\s*\(?(?:19|20)\d\d[a-z]?(?:\)?[.,:]|\)\s+['‘\"“])")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")  # what _AUTHOR_YEAR needs somewhere: a cheap test first
_DIGIT = re.compile(r"\d")
_AUTHOR_LIST = re.compile(r"^\s*(?:,|\s(?:[A-Z][A-Za-z\-]*\.?)(?:[ ,]|$)|\set al\b|\sand\s|\s&\s)")

# in-text markers
_SUP = re.compile(r"<sup>([^<]{1,40})</sup>")
_STAR_MARK = re.compile(r"\*(\d{1,3})\b")
# a product page's bare asterisks: "+32% hydration after 4 weeks*" and its note "*Tested on 30 women ..."
_BARE_STAR = re.compile(r"(?<=[\w%)\]])(\*{1,3}|†|‡)(?=[\s.,;:!)]|$)|(?<=\w[.!])(\*{1,3}|†|‡)(?=\s|$)")
_STAR_NOTE = re.compile(r"^(?:>\s*)?(?:<sup>(\*{1,3}|†|‡)</sup>|(\*{1,3}|†|‡))\s?(?=[A-Z])")
STAR_LABELS = frozenset({"*", "**", "***", "†", "‡"})
_FOOT_MARK = re.compile(r"\[\^([^\]]+)\]")
_BRACKET_MARK = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
_GLUED_MARK = re.compile(r"(?<=[a-z]{4})(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)(?=[\s.,;:)]|$)")
_LINK_MARK = re.compile(r"\[link:([^\]]+)\]")
# "(Smith et al., 2020)", "(Smith and Lee 2019; Kim, 2021a)", "Smith et al. (2020)"
_SURNAME = r"[A-Z][A-Za-z'’\-]+"
_NAME_YEAR = re.compile(rf"({_SURNAME})(?:\s+et\s+al\.?|\s+(?:and|&)\s+{_SURNAME})?,?\s+\(?((?:19|20)\d\d)[a-z]?\)?")
_PAREN_CITE = re.compile(r"\(([A-Z][^()]{2,120}?(?:19|20)\d\d[a-z]?)\)")
_NARRATIVE_CITE = re.compile(rf"\b({_SURNAME}\s+(?:et\s+al\.?|(?:and|&)\s+{_SURNAME})\s+\((?:19|20)\d\d[a-z]?\))")
# "healing.12,13 Next": numbers printed right after a sentence's full stop (superscripts flattened)
_AFTER_STOP_MARK = re.compile(r"(?<=[a-z)\]][.,;])(\d{1,3}(?:[,–-]\d{1,3})*)(?=\s|$)")


@dataclass
class Reference:
    """One entry of a reference list, or an article's closing reference line."""

    label: str
    kind: str
    text: str
    block: int
    design: str = ""
    year: str = ""
    aliases: list[str] = field(default_factory=list)


def section_start(text: str) -> str | None:
    """If ``text`` opens a reference section, return what follows the heading ('' if nothing)."""
    m = _SECTION.match(text.strip())
    if not m:
        return None
    rest = m.group(2).strip()
    if rest and len(rest) < 40 and not _YEAR.search(rest):
        return None  # "Sources of exosomes" is a heading about something else
    return rest


def reference_line(text: str) -> str | None:
    """Return the citation of a 'Reference: ...' line or of a stand-alone author-year line."""
    m = _REFERENCE_LINE.match(text)
    if m and _YEAR.search(m.group(1)):
        return m.group(1).strip()
    if len(text) < 400 and text.count(". ") >= 1 and _ANY_YEAR.search(text):
        m = _AUTHOR_YEAR.match(text)
        if m and (not m.group("authors") or _AUTHOR_LIST.match(m.group("authors"))):
            return text.strip()
    return None


def star_note(text: str, block: int) -> Reference | None:
    """A note that a bare asterisk points to ("*In-house study: 32 women ...", "<sup>**</sup>Consumer survey")."""
    m = _STAR_NOTE.match(text)
    if not m or len(text) - m.end() < 10 or (m.group(2) and m.group(2) in text[m.end():]):
        return None  # "**Bold heading** ..." is emphasis, not a note
    return Reference(label=m.group(1) or m.group(2), kind="footnote", text=text[m.end():].strip(), block=block)


def ends_with_star(text: str) -> bool:
    """The line ends on a single bare asterisk, the mark of a note below it ("... after 4 weeks*")."""
    t = text.rstrip()
    return t.endswith("*") and not t.endswith("**")


def parse_entry(text: str, block: int) -> Reference | None:
    """Parse one line of a reference section into a Reference, or None if it is not one."""
    for pattern, kind in ((_FOOTNOTE, "footnote"), (_STARRED, "numbered"), (_NUMBERED, "numbered")):
        m = pattern.match(text)
        if m:
            label = next(g for g in m.groups() if g)
            rest = text[m.end():].strip()
            aliases = [f"*{label}"] if kind == "numbered" and pattern is _STARRED else []
            # an author-year entry in a numbered list (an HTML <ol>) is cited "(Smith et al., 2020)" too
            named = parse_author_year(rest, block)
            if named is not None:
                aliases.append(named.label)
            return Reference(label=label, kind=kind, text=rest, block=block, aliases=aliases)
    return None


# a Vancouver-style entry (PubMed, ICMJE): "Cho BS, Lee J, et al. Title. Journal. 2023;10:12."
_VANCOUVER = re.compile(r"^[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+)? [A-Z]{1,3}(?:,|\.| et al\b)")
_VANCOUVER_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)[a-z]?(?=\s*[;:(.]|\s*$)")


def looks_like_entry(text: str) -> bool:
    """A line shaped like a Vancouver reference entry, numbered or not ("Ibarra L, et al. Title.",
    "[4] Kim SH, Lee J. Title."): a work listed, not a sentence about one."""
    return bool(_VANCOUVER.match(_ENTRY_NUMBER.sub("", text, count=1)))


_ENTRY_NUMBER = re.compile(r"^(?:\[\d{1,3}\]\s*|\d{1,3}\.\s+)")


def parse_author_year(text: str, block: int) -> Reference | None:
    """An unnumbered entry of an author-year list ('Smith, A., Lee, B. (2020). Title. Journal.'),
    or of a Vancouver list ('Smith A, Lee B. Title. Journal. 2020;1:2.'), labelled 'smith2020'
    so in-text '(Smith et al., 2020)' finds it."""
    if len(text) > 600:
        return None
    if reference_line(text):
        year = _YEAR.search(text)
    elif _VANCOUVER.match(text) and ". " in text:
        year = _VANCOUVER_YEAR.search(text)
    else:
        return None
    return Reference(label=f"{first_author(text).lower()}{year.group(1)}", kind="author_year", text=text.strip(),
                     block=block) if year else None


def numbered_entry(text: str) -> bool:
    """A line shaped like '3 Author, A., Title ... 2020' (a list entry without a heading)."""
    m = _NUMBERED.match(text)
    if not (m and re.match(r"[A-Z][^,.;]{0,40}[,;]", text[m.end():])):
        return False
    return bool(_YEAR.search(text) or re.search(r"\b\d{1,2}/\d{1,2}/\d{2}\b", text) or text.count(",") >= 3)


def first_author(citation: str) -> str:
    """Surname of the first author of a citation ('Chang, Y-H, et al.' -> 'Chang')."""
    m = re.match(r"\s*([A-Z][A-Za-z'’\-]+)", citation)
    return m.group(1) if m else "work"


_MECHANISM = re.compile(r"\b(?:via|through|by|by way of|mediated by)\s")


def classify_design(text: str, vocab: Vocab) -> str:
    """Study design of a reference from its title and venue words ('' when none is named).

    Cue phrases per tier come from designs.yaml; the strongest tier named wins
    ('A case report and a review of the literature' is a case report). A species
    word followed by 'cell(s)' names a cell line, not an animal study.
    """
    low = text.lower()
    hits = vocab.matcher.find(text, low)
    tiers = []
    cues = [h for h in hits if h.group == "design"]
    for h in hits:
        if h.group not in ("design", "design_in_study"):
            continue
        if inside_longer(h, cues):
            continue  # "randomised" in "a non-randomised controlled study"
        if h.key == "animal" and re.match(r"\s*(?:[a-z-]+\s+)?cells?\b", low[h.end:h.end + 30]):
            continue
        if h.group == "design_in_study" and h.key == "in_vitro" and not re.search(
                r"\b(?:in|on|into|cultured)\s+(?:[\w-]+\s+){0,3}$", low[max(0, h.start - 40):h.start]):
            continue  # "in human dermal fibroblasts" names the model; "via fibroblasts" does not
        tiers.append(h.key)
    best = tx.strongest(tiers)
    if best:
        return best
    finding = vocab["designs.yaml"].get("finding_title") or {}
    if finding and any(h.group == "finding_verb" for h in hits):
        # the cells must be what the finding is about, not its mechanism ("heals wounds via fibroblasts")
        on_cells = any(h.group == "design_in_study" and h.key == "in_vitro"
                       and not _MECHANISM.search(low[:h.start]) for h in hits)
        return finding.get("on_cells", "") if on_cells and finding.get("on_cells") else finding.get("tier", "")
    return ""


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\]<>\"#?]+)", re.I)
_PMC = re.compile(r"\b(PMC\d{5,9})\b", re.I)
_PMID_URL = re.compile(r"pubmed(?:\.ncbi\.nlm\.nih\.gov)?/(\d{5,9})")


def link_ids(url_or_text: str) -> list[str]:
    """Identifiers a link or a reference entry carries: DOIs, PMC ids and PubMed ids, lower-cased."""
    ids = [d.rstrip(".,;)/").lower() for d in _DOI.findall(url_or_text)]
    ids += [p.upper().lower() for p in _PMC.findall(url_or_text)]
    ids += ["pmid:" + p for p in _PMID_URL.findall(url_or_text)]
    return ids


def is_scholarly(url: str, hosts: frozenset[str]) -> bool:
    """Whether a link points at the scholarly literature (a citation, not a navigation link)."""
    m = re.match(r"^(?:https?://)?([^/\s:]+)", url.strip(), re.I)
    host = (m.group(1).lower() if m else "").removeprefix("www.")
    return bool(link_ids(url)) or any(host == h or host.endswith("." + h) for h in hosts)


def _expand(spec: str) -> list[str]:
    """'3-5' -> ['3','4','5']; '5,6' -> ['5','6']."""
    out: list[str] = []
    for part in re.split(r"\s*,\s*", spec.strip()):
        m = re.match(r"^(\d{1,3})\s*[–-]\s*(\d{1,3})$", part)
        if m and int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 50:
            out += [str(i) for i in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif part.strip("*").isdigit():
            out.append(part.strip("*"))
    return out


def find_markers(sentence: str, glued: bool = True) -> list[tuple[str, list[str]]]:
    """Citation markers of a sentence: [(marker as printed, [reference labels])]."""
    found: list[tuple[str, list[str]]] = []
    # each pattern needs a character most sentences lack: test for it before scanning
    sup = "<sup>" in sentence
    if sup:
        for m in _SUP.finditer(sentence):
            found.append((m.group(1), _expand(m.group(1)) or [m.group(1)]))
    if "*" in sentence or "†" in sentence or "‡" in sentence:
        for m in _STAR_MARK.finditer(sentence):
            found.append((f"*{m.group(1)}", [m.group(1)]))
        for m in _BARE_STAR.finditer(sentence):
            star = m.group(1) or m.group(2)
            found.append((star, [star]))
    if "[" in sentence:
        for m in _FOOT_MARK.finditer(sentence):
            found.append((m.group(1), [m.group(1)]))
        for m in _BRACKET_MARK.finditer(sentence):
            found.append((m.group(1), _expand(m.group(1))))
        for m in _LINK_MARK.finditer(sentence):
            found.append((m.group(1), ["link:" + m.group(1)]))
    if "(" in sentence:
        for m in _PAREN_CITE.finditer(sentence):
            labels = [f"{n.group(1).lower()}{n.group(2)}" for n in _NAME_YEAR.finditer(m.group(1))]
            if labels:
                found.append((m.group(1), labels))
        for m in _NARRATIVE_CITE.finditer(sentence):
            n = _NAME_YEAR.match(m.group(1))
            if n:
                found.append((m.group(1), [f"{n.group(1).lower()}{n.group(2)}"]))
    if glued and not found and _DIGIT.search(sentence):
        clean = _SUP.sub("", sentence) if sup else sentence
        for m in _AFTER_STOP_MARK.finditer(clean):
            found.append((m.group(1), _expand(m.group(1))))
        for m in _GLUED_MARK.finditer(clean):
            labels = _expand(m.group(1))
            if labels:
                found.append((m.group(1), labels))
    return found


def glued_marker_count(text: str, labels: set[str]) -> int:
    """How many numeric citations glued to a word ('directions61.', 'activity62,63') a text prints
    whose numbers are all labels of its reference list."""
    if not labels or not _DIGIT.search(text):
        return 0
    return sum(1 for m in _GLUED_MARK.finditer(text) if set(_expand(m.group(1)) or ["?"]) <= labels)


def linked_urls(text: str) -> set[str]:
    """The addresses of the link markers ('[link:URL]') in a text."""
    return {m.group(1) for m in _LINK_MARK.finditer(text)} if "[link:" in text else set()


def bracket_marker_count(text: str) -> int:
    """How many numeric citations in square brackets ('[3]', '[2-4]') a text prints."""
    return len(_BRACKET_MARK.findall(text)) if "[" in text else 0


_URL = re.compile(r"(?:https?://|www\.)\S+")


def strip_markers(sentence: str) -> str:
    """The sentence without its citation markers and URLs (for matching words, not for output)."""
    s = _SUP.sub(" ", sentence) if "<sup>" in sentence else sentence
    if "[" in s:
        s = _LINK_MARK.sub(" ", s)
    if "http" in s or "www." in s:
        s = _URL.sub(" ", s)
    if "[" in s:
        s = _FOOT_MARK.sub(" ", s)
    if "*" in s:
        s = _STAR_MARK.sub(" ", s)
    return s
