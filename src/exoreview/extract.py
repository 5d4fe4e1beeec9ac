"""One document in, records of every table out: the per-document pipeline.

Pure: text and vocabulary in, plain dict records out; no file I/O (see
:mod:`exoreview.pipeline` for reading files and :mod:`exoreview.tables` for DataFrames).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile

from . import claims as cl
from . import references as rf
from . import taxonomy as tx
from .doctype import design_from_metadata, is_opinion_piece
from .doctype import source_kind as classify_kind
from .evidence import PRIMARY, TierContext, decide, sentence_designs
from .ingest import Ingested
from .noise import remove_noise
from .segment import RULE, Block, is_section_name, split_blocks, split_sentences
from .vocab import Vocab

_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"[^\W_]+")
# a paper's methods section, as a heading or as the label opening a structured abstract's paragraph
# (and a registry's eligibility criteria; not its arm label, "Experimental: BMEV-G")
_METHOD_NAMES = (r"materials and methods|methods?|patients and methods|experimental(?: design| procedures)?(?!:\s*\w)"
                 r"|study design|eligibility|(?:inclusion|exclusion) criteria|(?:arms and )?interventions?\b(?!:\s*\w)")
_METHODS_SECTION = re.compile(rf"^(?:\d+(?:\.\d+)*\.?\s*)?(?:{_METHOD_NAMES})\b", re.I)
# a structured abstract's label opening a paragraph or a sentence: "**Methods.** ...", "Results: ...", or glued
# to the sentence as text pasted from a PDF prints it ("ResultsSeventeen participants ...")
_LABEL = re.compile(rf"^[*_]*({_METHOD_NAMES}|background|objectives?|aims?|results|findings|conclusions?|discussion)"
                    r"[*_]*(?:[.:]|(?=(?-i:[A-Z][a-z])))", re.I)
# the press, whose sections each tell of one study, paragraph after paragraph (a congress report's sessions)
_REPORTING_KINDS = ("trade_magazine", "news_summary")
_HUMAN = {"rct", "clinical_study", "case_report"}
# (and a case report's "Outcome and follow-up", not a methods subsection's "2.4 Outcomes" or "Outcome measures")
_RESULTS_SECTION = re.compile(r"^(?:(?:\d+(?:\.\d+)*\.?\s*)?(?:results|findings)"
                              r"|(?:outcomes?(?!\s+(?:measures?|assessments?))|follow-up))\b", re.I)
# outside a paper, a few words may name which results: a press release's "Topline Efficacy Results"
_NAMED_RESULTS = re.compile(r"^(?:[\w-]+\s+){1,3}(?:results|findings)$", re.I)
# where a systematic review gives its own findings (its background and discussion are narrative)
_FINDINGS_SECTION = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:abstract|summary|results|findings|conclusions?)\b",
                               re.I)
# a company's boilerplate section ("About Lumivex", "About us"), not "About the study"
_ABOUT = re.compile(r"^about\s+(?!the\s+(?:study|studies|trial|research|authors?|findings)\b)\S", re.I)
_CONCLUDING = re.compile(r"^[*_]*(?:in conclusion|in summary|to conclude|to summari[sz]e|taken together|"
                         r"collectively|overall)\b", re.I)
_NUMBERED_SECTION = re.compile(r"^\d{1,2}\.?\s+[A-Za-z]")  # "3. Recommendations", not "3.2 Cell culture"
# a paper's introduction, where it tells of other work, not of its own study
_INTRO_SECTION = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:introduction|background)\b", re.I)
_STAT = re.compile(r"\d\s*%|\b\d+(?:\.\d+)?\s*[x×]\s")  # "31%", "2x more"
_MEASURED = re.compile(r"\d\s*%|\bp\s*[<=≤]\s*0?\.\d|\b95\s*%\s*ci\b", re.I)  # a percentage or a p-value
# a design named for a body of work ("in vivo studies", "preclinical research") is not one study to report on
_BODY_OF_WORK = re.compile(r"\b(studies|research|literature|models)\b", re.I)


# a systematic review's own synthesis: its included studies counted ("across the seven randomised
# trials", "pooling five RCTs"), or its own findings ("our findings", "this meta-analysis")
_POOLED_BODY = re.compile(r"\b(?:pooling|pooled|across|all|both|the|these|of the)\s+(?:\d+|two|three|four|five|six|"
                          r"seven|eight|nine|ten|eleven|twelve|included)\s+(?:[\w-]+\s+){0,3}?(?:trials|studies|rcts)\b",
                          re.I)
# a pooled effect as a meta-analysis prints it: "(SMD 2.08, 95% CI 1.44 to 2.72; I² = 74%; 18 studies)"
_POOLED_STATS = re.compile(r"\b(?:SMD|WMD|pooled (?:RR|OR|HR|MD)|I²|I2\s*=)|\b\d+ (?:studies|trials|rcts)\)", re.I)
_OWN_SYNTHESIS = re.compile(r"\b(?:our|this|the present)\s+(?:findings|results|analysis|pooled analysis|"
                            r"meta-analysis|systematic review)\b", re.I)


_PAST_DIRECTION = re.compile(r"(?:ed|fell|fallen|rose|risen|grew|regrew|shrank)$")


def _reads_as_result(f: cl.Facts) -> bool:
    """A measured or past-tense result ("the vesicles reduced ear swelling", "fell by 34%"): in the
    paragraph of a study just introduced, it goes on reporting that study."""
    c = f.clean
    if ("%" in c or "<" in c or "=" in c or "≤" in c) and _MEASURED.search(c):  # each branch needs one of these
        return True
    return any(_PAST_DIRECTION.search(f.clean[h.start:h.end].lower())
               for h in (*f.groups.get("direction", ()), *f.groups.get("finding_verb", ())))  # "healed faster"


@dataclass
class DocResult:
    """Records of every table for one document, plus paragraph keys for duplicate search."""

    document: dict
    articles: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)
    paragraph_keys: list[list[str]] = field(default_factory=list)  # per article


@dataclass
class _Article:
    index: int
    start: int                       # first block index
    title: str = ""
    reference: rf.Reference | None = None
    blocks: list[Block] = field(default_factory=list)
    collected: bool = False          # one of several abstracts on a page, separated by rules
    digest: bool = False             # one heading section of a digest page




# (a "Summary" that stands for the abstract, not a review's "Summary of the evidence" it cites)
_OWN_SECTIONS = re.compile(rf"^(?:\d+\.?\s*)?(?:summary\s*$|(?:abstract|{_METHOD_NAMES}|subjects)\b)", re.I)
_OTHER_SECTIONS = re.compile(r"^(?:\d+\.?\s*)?(introduction|background|results|discussion|conclusions?|"
                             r"references|limitations|commentary|comments?|editor'?s'? note)\b", re.I)


def _own_facts(rows: list) -> tuple[list, bool]:
    """Facts of a paper's title, abstract and methods, not of the works its introduction and
    discussion mention; and whether it has such sections at all."""
    own, inside, sectioned = [], True, False
    for _si, block, _s, f in rows:
        if block.kind == "heading":
            if _OWN_SECTIONS.match(block.text):
                inside, sectioned = True, True
            elif _OTHER_SECTIONS.match(block.text):
                inside, sectioned = False, True
        if inside:
            own.append(f)
    return own, sectioned


def _own_design(rows: list) -> str:
    """A primary study's design from its own sections; else, for a text without sections (a talk's
    slides), the first design it names: its title's or its study's, not the "randomised trial" its
    last slide calls for."""
    own_facts, sectioned = _own_facts(rows)
    if not sectioned:
        first = next((ds for f in own_facts if (ds := [d for d in sentence_designs(f, True) if d in PRIMARY])), [])
        return tx.strongest(first) or ""
    own = [d for f in own_facts for d in sentence_designs(f, True) if d in PRIMARY]
    return tx.strongest(own) or tx.strongest(
        d for _si, _b, _s, f in rows for d in sentence_designs(f, True) if d in PRIMARY) or ""


def _study_design(title_f: cl.Facts, rows: list) -> str:
    """A primary study's design: the one its title or title lines name ("...: a case report"),
    before its first section, else the strongest of its own sections."""
    head = [title_f] + [r[3] for r in takewhile(lambda r: not is_section_name(r[2]), rows[:3])]
    named = [d for f in head for d in sentence_designs(f, True) if d in PRIMARY]
    if any(f.has("design_veterinary") for f in [title_f] + [r[3] for r in rows[:5]]):
        # "CASE REPORT" over "... wound in a dog": its patient is an animal
        named = [("animal" if d in ("case_report", "clinical_study") else d) for d in named]
    return tx.strongest(named) or _own_design(rows)


def _is_systematic(rows: list) -> bool:
    """A review that says it is systematic in its own title, abstract or methods (not one that
    cites a meta-analysis): its findings carry the systematic-review tier."""
    own, sectioned = _own_facts(rows)
    # without its own sections (a chapter, an unheaded text) only its title lines can say so: a
    # meta-analysis it discusses further on is another work
    own = (own if sectioned else []) + [r[3] for r in rows[:3]]
    return any(d == "systematic_review" for f in own for d in sentence_designs(f, True))


_HOSTS: dict[str, frozenset[str]] = {}


def _hosts(vocab: Vocab) -> frozenset[str]:
    """The scholarly hosts of designs.yaml, as a set (once per vocabulary)."""
    got = _HOSTS.get(vocab.digest)
    if got is None:
        got = _HOSTS[vocab.digest] = frozenset(str(h).lower() for h in vocab["designs.yaml"].get("scholarly_hosts", []))
    return got


def doc_id_for(raw_hash: str) -> str:
    """Stable document id from the hash of its bytes."""
    return "d" + raw_hash[:12]


def _roles(blocks: list[Block]) -> tuple[dict[int, str], list[rf.Reference]]:
    """Mark each block as content, reference entry or article reference line."""
    roles: dict[int, str] = {}
    refs: list[rf.Reference] = []
    in_refs = False
    for i, b in enumerate(blocks):
        text = f"{b.marker} {b.text}" if b.marker[:1].isdigit() else b.text
        start = rf.section_start(text) if b.kind in ("heading", "para") else None
        if start is not None and not rf.reference_line(text):
            in_refs = True
            roles[i] = "ref_heading"
            if start:
                refs.append(rf.Reference(label=f"u{len(refs) + 1}", kind="unnumbered", text=start, block=i))
            continue
        if in_refs:
            entry = rf.parse_entry(text, i) or rf.parse_author_year(text, i)
            if entry:
                refs.append(entry)
                roles[i] = "ref_entry"
                continue
            if b.kind == "heading" and not rf._YEAR.search(text):
                in_refs = False
            else:
                roles[i] = "ref_other"
                if refs and rf._YEAR.search(text) is None and refs[-1].block == i - 1:
                    refs[-1].text += " " + text
                continue
        note = rf.star_note(text, i) if b.kind != "heading" else None
        if (note is None and b.kind == "bullet" and b.marker == "*" and i > 0
                and rf.ends_with_star(blocks[i - 1].text)):  # "* Result of a human application test ..."
            note = rf.star_note(f"* {text}", i)  # a note under starred lines, not a markdown bullet
        if note is not None:
            refs.append(note)
            roles[i] = "ref_entry"
            continue
        line = rf.reference_line(text)
        if line and b.kind != "bullet":
            refs.append(rf.Reference(label=f"ref:{rf.first_author(line)}", kind="article_line", text=line, block=i))
            roles[i] = "article_ref"
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        nxt_text = (f"{nxt.marker} {nxt.text}" if nxt.marker[:1].isdigit() else nxt.text) if nxt else ""
        if rf.numbered_entry(text) and (
                rf.numbered_entry(nxt_text)
                or (i > 0 and roles.get(i - 1) == "ref_entry")):
            entry = rf.parse_entry(text, i)
            if entry:
                refs.append(entry)
                roles[i] = "ref_entry"
                continue
        roles[i] = "content"
    return roles, refs


_SECTION_LABEL = re.compile(r"^(abstract|introduction|background|methods?|results|discussion|conclusions?|"
                            r"references|keywords|summary|contents)\b", re.I)


# a journal's page header ("J Derm 2023; 14(2): 211-224", "doi: 10...") or article-type label is no title
_JOURNAL_FURNITURE = re.compile(r"\bdoi\s*:|\b(?:19|20)\d\d\s*;\s*\d+|^(?:original|research|review|brief|short)\s+"
                                r"(?:article|communication|report|paper)$|^case report$", re.I)


# a poster or abstract number ("P-117", "OP12", "#4")
_ITEM_NUMBER = re.compile(r"^#?[A-Z]{0,4}[- ]?\d+[a-z]?\.?$")


# a part's number alone ("CHAPTER 4", "Part II"), not a title
_PART_NUMBER = re.compile(r"^(?:chapter|part|section|appendix)\s+(?:\d{1,3}|[ivxlc]{1,6}|[a-z])\.?$", re.I)


def _title_ok(b: Block) -> bool:
    """A block that can be a title: short, words, not a section label, not breadcrumb navigation."""
    t = b.text
    return (len(t) <= 200 and not _SECTION_LABEL.match(t) and not _JOURNAL_FURNITURE.search(t)
            and not _PART_NUMBER.match(t.strip("#* "))
            and not RULE.match(t) and not _ITEM_NUMBER.match(t.strip("#* "))
            and len(re.findall(r"\s[/|>»]\s", t)) < 2
            and (b.kind == "heading" or len(t.split()) <= 25))


# a record of PubMed's text "Abstract" export opens with its numbered citation line:
# "2. Burns Wound Res. 2022 Nov;9(4):e221. doi: ..."
_PUBMED_RECORD = re.compile(r"^\d{1,4}\.\s+[A-Z][^.\n]{1,80}\.\s+(?:19|20)\d\d\b[^;\n]{0,25};")


def _collection_rules(blocks: list[Block]) -> set[int]:
    """The horizontal rules of a page that collects structured abstracts (proceedings, an abstract
    book): rules between which two or more parts carry their own Methods or Results label; or the
    citation lines that open the records of a PubMed abstract export (two or more, each with a PMID)."""
    records = [i for i, b in enumerate(blocks) if _PUBMED_RECORD.match(f"{b.marker} {b.text}".strip())]
    if len(records) >= 2 and sum(b.text.count("PMID:") for b in blocks) >= len(records):
        return set(records)
    rules = [i for i, b in enumerate(blocks) if RULE.match(b.text)]
    if not rules:
        return set()
    bounds = [-1] + rules + [len(blocks)]
    structured = sum(any(_LABEL.match(b.text) for b in blocks[lo + 1:hi]) for lo, hi in zip(bounds, bounds[1:]))
    return set(rules) if structured >= 2 else set()


def _digest_headings(blocks: list[Block], refs: list[rf.Reference], hosts: frozenset[str]) -> set[int]:
    """The headings of a digest page (a research roundup, a newsletter of papers) with no reference
    list: each of two or more of its heading sections links to exactly one scholarly work."""
    if any(r.kind != "article_line" for r in refs):
        return set()
    heads = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    one_work = 0
    for lo, hi in zip(heads, heads[1:] + [len(blocks)]):
        works = {u for b in blocks[lo + 1:hi] for u in rf.linked_urls(b.text) if rf.is_scholarly(u, hosts)}
        one_work += len(works) == 1
    return set(heads) if one_work >= 2 else set()


def _articles(blocks: list[Block], roles: dict[int, str], refs: list[rf.Reference],
              hosts: frozenset[str] = frozenset()) -> list[_Article]:
    """Split a page into articles: a closing reference line ends one; a title printed twice opens one;
    on a page of structured abstracts, a horizontal rule separates them; on a digest of papers, a heading."""
    by_block = {r.block: r for r in refs if r.kind == "article_line"}
    rules = _collection_rules(blocks)
    sections = _digest_headings(blocks, refs, hosts) if not rules else set()
    arts = [_Article(0, 0)]
    content_seen = False
    for i, b in enumerate(blocks):
        cur = arts[-1]
        role = roles.get(i)
        if i in sections and (cur.blocks or cur.reference):
            cur = _Article(len(arts), i, digest=True)
            arts.append(cur)
            content_seen = False
        elif i in sections:
            cur.digest = True
        if i in rules:
            if cur.blocks or cur.reference:
                arts.append(_Article(len(arts), i + 1, collected=True))
            else:
                cur.collected = True
            content_seen = False
            continue
        if role == "content":
            repeated_title = (i + 1 < len(blocks) and blocks[i + 1].text == b.text and len(b.text) < 200)
            if repeated_title and content_seen and cur.reference is None:
                cur = _Article(len(arts), i)
                arts.append(cur)
                content_seen = False
            credit = b.text.startswith("(") and b.text.endswith(")") and len(b.text) < 120
            if cur.reference is not None and not credit:  # content after a closing reference line: a new
                # article, unless it is the story's credit line "(Reporting by ...; Editing by ...)"
                cur = _Article(len(arts), i)
                arts.append(cur)
                content_seen = False
            if (not cur.title or (repeated_title and not content_seen)) and _title_ok(b):
                cur.title = b.text  # a title printed twice outranks the site name above it
            cur.blocks.append(b)
            if b.kind != "heading" and blocks[min(i + 1, len(blocks) - 1)].text != b.text:
                content_seen = True
        elif role == "article_ref":
            cur.reference = by_block[i]
    return [a for a in arts if a.blocks or a.reference]


def _resolve(markers: list[tuple[str, list[str]]], label_index: dict, id_index: dict,
             hosts: frozenset[str]) -> tuple[list, list[tuple[str, rf.Reference]], int]:
    """Citation markers of a claim: (markers kept, (marker, reference) pairs, scholarly links unplaced).

    Numbered and footnote markers resolve by label; a link is a citation only when it
    points at the scholarly literature, and resolves by the DOI or PubMed id it carries.
    """
    kept, resolved, unplaced = [], [], 0
    for printed, labels in markers:
        if labels[0].startswith("link:"):
            if not rf.is_scholarly(printed, hosts):
                continue  # a navigation link, not a citation
            r = next((id_index[i] for i in rf.link_ids(printed) if i in id_index), None)
            if r is not None:
                resolved.append((printed, r))
            else:
                unplaced += 1
        elif labels[0] in rf.STAR_LABELS:
            # a bare asterisk is a citation only when its note names a study ("*Tested on 30 women");
            # "*Results may vary" is a disclaimer
            r = label_index.get(labels[0])
            if r is None or not r.design:
                continue
            resolved.append((printed, r))
        else:
            for lab in labels:
                r = label_index.get(lab) or label_index.get(f"*{lab}")
                if r is not None:
                    resolved.append((printed, r))
        kept.append((printed, labels))
    return kept, resolved, unplaced


def _article_context(art: _Article, rows: list, has_list: bool, vocab: Vocab, kind: str = ""):
    """(intro index, reports one work?, that work's design, its cell sources, its applications).

    An article reports one work when a closing reference line names it, or when a page
    with no reference list introduces one study ("the researchers", "this research") and
    links to at most one, unless it is a regulator's notice. The work's design comes from
    the first sentence from the intro on that names one, else from the reference's own words.
    """
    intro = next((k for k, (_, _, _, f) in enumerate(rows) if f.has("study_intro")), None)
    links = {url for b in art.blocks for url in rf.linked_urls(b.text)}
    if art.digest and len(links) == 1 and kind not in ("regulatory", "vendor_marketing"):
        # a digest's section reports the one work it links, from the sentence linking it on
        # (a clinic's page that links a study per treatment goes on selling, not reporting)
        intro = next((k for k, (_, _, s, _) in enumerate(rows) if "[link:" in s), intro)
    single = art.reference is not None or (not has_list and intro is not None and len(links) <= 1
                                           and kind != "regulatory" and not _surveys(rows))
    if not single:
        return intro, False, None, [], []
    tier = ""
    told = [f for k, (_, _, _, f) in enumerate(rows[(intro or 0):])
            if f.has("study_intro") or intro is None or (art.digest and k == 0)]
    # a design word names the work before its participants do ("28 patients completed the study")
    for in_study in (False, True):
        ds = next((d for d in (sentence_designs(f, in_study) for f in told) if d), [])
        if ds:
            tier = tx.strongest(ds) or ""
            break
    if not tier and art.reference is not None:
        tier = art.reference.design
    elif tier == "clinical_study" and art.reference is not None and art.reference.design == "rct":
        tier = "rct"  # "a clinical study" in the text; "a randomized, double-blind trial" in its reference
    if not tier and art.reference is None and not links:
        # only a study word ("the researchers", "a small study") and no design, reference or link:
        # no one work to place the article's sentences on (an interview, a feature)
        return intro, False, None, [], []
    title_f = cl.facts(art.title, vocab)
    ref_f = cl.facts(art.reference.text if art.reference else "", vocab)
    sources = cl.cell_sources(title_f) or cl.cell_sources(ref_f)
    apps = cl.applications(title_f) or cl.applications(ref_f)
    return intro, True, tier, sources, apps


def _surveys(rows: list) -> bool:
    """The text names studies of three or more designs in its own words (mice, cell culture, a
    randomised trial ...): it surveys the evidence rather than summarising one work."""
    # one design per sentence ("In mouse models and cultured cells, FV-210 ..." names one body of preclinical
    # work), and none from a press release's "About ..." boilerplate
    named: set[str] = set()
    about = False
    for _, b, s, f in rows:
        if b.kind == "heading":
            about = bool(_ABOUT.match(s.lstrip("#* ")))
        elif f.has("design") and not about:
            named.add(tx.strongest([d for d in sentence_designs(f, False) if d in PRIMARY]) or "")
    return len(named - {""}) >= 3


def _sources_and_applications(f: cl.Facts, prev_claim: dict | None, *, same_block: bool, refers_back: bool,
                              generic: bool, single: bool, in_article_study: bool,
                              article: tuple[list[str], list[str]],
                              defined: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """Cell sources and applications: the sentence's own (an abbreviation the document defined
    counts), else those of the claim it refers back to or shares a paragraph with (TAXONOMY:
    they may come from the paragraph, but a generic remark about exosomes as a class takes no
    source), else the reported work's."""
    sources, apps = cl.cell_sources(f), cl.applications(f)
    if not sources or sources == ["msc_unspecified"]:  # "AM-MSC-Exo" names MSCs; its definition, which ones
        sources = cl.abbreviated_sources(f, defined) or sources
    else:  # "86% with K-EVs and 80% with ADSC-EVs": the defined abbreviation's source too
        sources += [x for x in cl.abbreviated_sources(f, defined) if x not in sources and x != "msc_unspecified"]
    if not sources:
        if prev_claim is not None and (refers_back or (same_block and not generic)):
            sources = [x for x in prev_claim["cell_source"].split(";") if x and x != "unspecified"]
        elif in_article_study or (single and not generic):
            sources = list(article[0])
    if not apps:
        if prev_claim is not None and (refers_back or same_block):
            apps = [x for x in prev_claim["application"].split(";") if x]
        elif single:
            apps = list(article[1])
    return sources, apps


@dataclass
class _DocContext:
    """What every article's walk reads from its document, and the records the walks add to."""

    doc_id: str
    doc: str
    kind: str                        # the document's source kind
    opinion: bool                    # a peer-reviewed opinion piece
    vocab: Vocab
    hosts: frozenset[str]
    topic_vesicles: bool             # its title or opening lines name exosomes
    label_index: dict
    id_index: dict
    ref_ids: dict[int, str]
    defined: dict[str, list[str]]    # abbreviations it defines for cell sources
    sent_rows: list[dict]
    claims: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # a sentence printed twice counts once


# a new slide, part or page of a talk or book opens a new section ("Slide 3" after "Disclosures")
_UNIT = re.compile(r"(?:slide|part|chapter|page|talk|session)\s+\d+\s*$", re.I)
_SUBSECTION_NUMBER = re.compile(r"^\d{1,2}\.\d")  # "2.1 Cell culture" stays in "2. Methods"


def _heading_rank(s: str) -> str:
    """How a heading is set, where the text shows it: its markdown level, or capitals."""
    if s.startswith("#"):
        return s[:len(s) - len(s.lstrip("#"))]
    name = s.strip("*_ ")
    return "CAPS" if name.isupper() and len(name) > 3 else ""


@dataclass
class _Sections:
    """Which part of a paper (or page) the walk is in, from its headings and paragraph labels."""

    methods: bool = False
    results: bool = False
    intro: bool = False
    findings: bool = True            # until a section heading or label says otherwise
    back_matter: bool = False        # "Conflict of interest", "Funding"
    declared: bool = False           # a paragraph opening "Funding: ..."
    about: bool = False              # a company's "About Lumivex"
    reviews: bool = False            # a product page's customer reviews
    label_block: int = -1            # the last paragraph whose opening label was read
    rank: str = ""                   # how the heading that opened the section was set ("##", "CAPS")

    def read_heading(self, s: str, f: cl.Facts, vocab: Vocab, kind: str, art_design: str) -> bool:
        """Update from a heading; return whether it opens results (outside a paper, a few words
        may name which: a press release's "Topline Efficacy Results")."""
        name = s.lstrip("#* ")
        back = cl.is_declaration(s, vocab)
        # a section's own subheadings ("3.2 EVs restore proliferation", "Cell culture") keep it open
        methods, results = bool(_METHODS_SECTION.match(name)), bool(_RESULTS_SECTION.match(name))
        results = results or (not art_design and bool(_NAMED_RESULTS.match(name.strip())))
        # a numbered section after them ("3. Recommendations" after "2. Methods") ends them too, and so
        # does a heading set as theirs was (a registry's "STUDY DESIGN" then "OUTCOME MEASURES")
        rank = _heading_rank(s)
        if (back or methods or results or is_section_name(s) or _NUMBERED_SECTION.match(name)
                or (rank and rank == self.rank and not _SUBSECTION_NUMBER.match(name)) or _UNIT.match(name)):
            self.rank = rank or self.rank  # an unset heading inside ("Cell culture") leaves the set one's
            self.methods, self.results = methods, results
            self.intro = bool(_INTRO_SECTION.match(name))
            self.findings = bool(_FINDINGS_SECTION.match(name))
            self.back_matter = back
        # "About Lumivex" on a company's page: its boilerplate, not the study it announces
        self.about = kind == "vendor_marketing" and bool(_ABOUT.match(name))
        # its testimonials run on under each review's own heading ("★★★★☆ Lovely")
        self.reviews = kind == "vendor_marketing" and (f.has("testimonials") or (
            self.reviews and ("★" in s or "☆" in s)))
        return results

    def read_paragraph(self, b: Block, s: str, vocab: Vocab) -> None:
        """Update from a label opening the paragraph ("**Methods.** Exosomes were isolated ..."), or
        one of its sentences (a structured abstract printed as one paragraph)."""
        label = _LABEL.match(b.text if b.index != self.label_block else s)
        if label:
            name = label.group(1)
            self.methods = bool(_METHODS_SECTION.match(name))
            self.results = bool(_RESULTS_SECTION.match(name))  # "Results:", not "Background:"
            self.intro = bool(_INTRO_SECTION.match(name))
            self.findings = bool(_FINDINGS_SECTION.match(name))
        if b.index != self.label_block:
            self.declared = cl.is_declaration(b.text, vocab)
            self.label_block = b.index

    @property
    def silent(self) -> bool:
        """A paper's methods say what was done, not what exosomes do; its back matter, who paid."""
        return self.methods or self.back_matter or self.declared


@dataclass
class _Study:
    """The study the text is telling of, as far as the walk has read."""

    reported: str | None = None      # the design of the study the sentences go on reporting
    section: str | None = None       # the design a section's heading names ("4.3 Penetration (ex vivo)")
    introduced: str | None = None    # the design of the one study the text last introduced in its own words
    under_heading: str | None = None  # ... since the last heading (a congress report's session, a news brief)
    results_part: str | None = None  # in a paper's Results, the part (its cells, its mice) last reported
    section_sources: list[str] = field(default_factory=list)  # cell sources a heading naming a study names

    def read_heading(self, s: str, f: cl.Facts, *, kind: str, first: bool, results: bool,
                     art_design: str) -> None:
        """A test or study a section reports, named in its heading: "4.1 Procollagen synthesis
        (in vitro)", "3.3 pEVs suppress alarmins in cultured keratinocytes" (not a review's "Animal
        studies"); a press release's "Topline Efficacy Results" report the trial it announced."""
        if self.section is not None:
            self.results_part = None  # the part a heading named ("3.2 In vitro activity") ends with its section
        self.section = self.under_heading = None
        if f.has("design") and kind != "peer_reviewed_review" and not first and not _BODY_OF_WORK.search(s):
            self.section = tx.strongest(d for d in sentence_designs(f, False) if d in PRIMARY) or None
        self.section_sources = cl.cell_sources(f) if self.section is not None else []
        if results and not art_design and self.section is None:
            self.section = self.introduced


class _ArticleWalk:
    """One article's sentences in order: which are claims, and each claim's labels and citations.

    What carries from sentence to sentence: the section (``sec``), the study being told of
    (``study``), and what the sentences just before did (named exosomes, led in to bullets, told of
    the writer's own treatment).
    """

    def __init__(self, d: _DocContext, art: _Article, art_design: str, focus: tuple[list[str], list[str]],
                 intro: int | None, single: bool, art_tier: str | None, article: tuple[list[str], list[str]]):
        self.d, self.art, self.art_design, self.focus = d, art, art_design, focus
        self.art_id = f"{d.doc_id}:a{art.index}"
        self.intro, self.single, self.art_tier, self.article = intro, single, art_tier, article
        self.sec, self.study = _Sections(), _Study()
        self.prev_vesicles = self.lead_in = self.topic_lead_in = False
        self.prev_block = -1
        self.prev_claim: dict | None = None
        self.own_account = False  # the writer has told of their own exosome treatment
        self.personal_block = -1  # the paragraph (a forum post, a testimonial) telling of the writer's own treatment
        self.answer_block = -1  # the paragraph answering an FAQ's question

    def run(self, rows: list) -> None:
        for k, (si, b, s, f) in enumerate(rows):
            self._sentence(k, si, b, s, f)

    def _context(self, b: Block, s: str, f: cl.Facts, bullet: bool) -> tuple[bool, bool]:
        """(read as a bullet?, does the context supply exosomes as its subject?)"""
        # a stat line on a page about exosomes ("31% reduction in fine lines after 4 weeks*") lists a result
        if (self.d.topic_vesicles and b.kind in ("para", "bullet") and len(b.text) <= 120 and _STAT.search(s)
                and not rf.strip_markers(b.text).rstrip("* ").endswith((".", "!", "?", ":"))):
            return True, True
        if not bullet:
            return False, self.prev_vesicles
        # a colon lead-in in a document about exosomes introduces measured results or harms
        # (and after a bullet about exosomes, a bullet saying "they", or a measured one, goes on with them:
        # "- EASI-50: 52% exosome vs 31% vehicle" then "- Itch NRS: -2.4 vs -1.9, p=0.31")
        return True, (self.lead_in
                      or (self.topic_lead_in and (bool(_MEASURED.search(s)) or f.has("outcome_inverse")))
                      or (self.prev_vesicles and (cl.is_anaphoric(f, self.d.vocab) or bool(_MEASURED.search(s)))))

    def _sentence(self, k: int, si: int, b: Block, s: str, f: cl.Facts) -> None:
        d, sec, st, art, art_design = self.d, self.sec, self.study, self.art, self.art_design
        # an article's title printed as a plain line (a collected abstract's) is a heading too
        heading = b.kind == "heading" or (b.kind == "para" and s == art.title and s[-1:].isalnum())
        self._enter(b, s, f, heading)
        bullet, context = self._context(b, s, f, b.kind == "bullet")
        # a primary study's own Results section reports what its treatment did, sentence by sentence
        # (a systematic review's, what the treatment did across its studies)
        # (and a Results section of the one study a text announced, a press release's)
        results_of_study = sec.results and not heading and (art_design in PRIMARY or st.section is not None)
        context = context or results_of_study
        # in the account of one study: a primary paper, a cited study being reported, or an
        # article summarising one primary study from its introduction on
        reporting = (bool(art_design) or st.reported is not None
                     or (self.single and self.art_tier in PRIMARY and (self.intro is None or k >= self.intro)))
        # a result citing its own work right after a sentence about exosomes reports that work
        reporting = reporting or (context and not heading and bool(rf.find_markers(s, glued=False)))
        personal = self._personal(b, s, f) and not heading
        ok, implicit = cl.is_claim(f, d.vocab, heading=heading, context_vesicles=context or personal,
                                   bullet=bullet, reporting=reporting, personal=personal,
                                   measured=reporting and not cl.names_vesicles(f) and _reads_as_result(f))
        if sec.silent and not heading:
            ok = False
        self._remember(b, s, f, heading=heading, bullet=bullet, claim=ok, implicit=implicit)
        in_article_study, in_study, own_part = self._scope(k, b, s, heading)
        has_design = f.has("design") or (in_study and f.has("design_in_study"))
        f_designs = sentence_designs(f, in_study) if has_design else []
        if not ok:
            self._not_claim(b, s, f, heading, f_designs)
            return
        if art_design and _CONCLUDING.match(s):
            st.reported = None  # "In conclusion, ..." sums up the paper's own study, not the work cited before
        markers, resolved, unplaced = _resolve(rf.find_markers(s, glued=True), d.label_index, d.id_index, d.hosts)
        key = " ".join(_TOKEN.findall(s.lower()))
        if key in d.seen:
            return
        d.seen.add(key)
        self._claim(si, b, s, f, heading=heading, implicit=implicit, markers=markers, resolved=resolved,
                    unplaced=unplaced, in_article_study=in_article_study, in_study=in_study, own_part=own_part,
                    results_of_study=results_of_study)

    def _enter(self, b: Block, s: str, f: cl.Facts, heading: bool) -> None:
        """A new paragraph resets the study being reported; a heading or a paragraph label moves the section."""
        sec, st, art = self.sec, self.study, self.art
        if b.index != self.prev_block and b.kind != "bullet":
            st.reported = st.section  # a study's account runs on through its paragraph and bullets only
            if st.reported is None and sec.results and self.art_design in PRIMARY:
                st.reported = st.results_part  # a paper's Results go on with the part they were reporting
        self.prev_block = b.index
        if heading:
            results = sec.read_heading(s, f, self.d.vocab, self.d.kind, self.art_design)
            st.read_heading(s, f, kind=self.d.kind, first=b is art.blocks[0] or s == art.title, results=results,
                            art_design=self.art_design)
        else:
            sec.read_paragraph(b, s, self.d.vocab)

    def _personal(self, b: Block, s: str, f: cl.Facts) -> bool:
        """The writer's own account, or on a page about exosomes the answer to a question ("When will I
        see results?" then "Most patients notice less shedding ..."), or, when it names an effect, a
        customer's review on a page about exosomes (not its rating line), or, once the writer has said
        they had exosomes, what they go on to say of their own skin ("the scars on my cheek looked shallower")."""
        d = self.d
        review = self.sec.reviews and d.topic_vesicles and not s.startswith(("★", "☆")) and cl.states_effect(f)
        own_skin = self.own_account and cl.first_person_singular(s)
        return (self.personal_block == b.index or (d.topic_vesicles and b.index == self.answer_block)
                or review or own_skin)

    def _remember(self, b: Block, s: str, f: cl.Facts, *, heading: bool, bullet: bool, claim: bool,
                  implicit: bool) -> None:
        """What the next sentences need of this one: a personal account, an FAQ's question, exosomes named,
        a lead-in to bullets."""
        d = self.d
        if not heading and cl.names_vesicles(f) and cl.is_personal(f):
            self.personal_block = b.index
        if (not heading and d.topic_vesicles and d.kind not in ("peer_reviewed_review", "primary_research")
                and cl.names_vesicles(f) and cl.first_person_singular(s)):
            self.own_account = True
        if len(b.text) < 150 and b.text.rstrip("*_ ").endswith("?"):
            self.answer_block = b.index + 1  # an FAQ's question: the block after it answers
        self.prev_vesicles = ((cl.names_vesicles(f) or (implicit and claim)) and not heading
                              and not f.has("not_claim", "advert"))
        if not bullet:
            # bullets after this sentence list what it introduced: after a sentence or heading
            # about exosomes, or after a colon lead-in in a document about them
            self.lead_in = self.prev_vesicles or (heading and cl.names_vesicles(f))
            # a colon lead-in in a document about exosomes introduces measured results only
            self.topic_lead_in = d.topic_vesicles and s.rstrip("*").endswith(":")

    def _scope(self, k: int, b: Block, s: str, heading: bool) -> tuple[bool, bool | str, bool]:
        """(in the article's one study?, in a study's account (its human design, when it has one)?,
        in a primary paper's own part past its introduction?)."""
        sec, st, art = self.sec, self.study, self.art
        in_article_study = not sec.about and self.single and (
            self.intro is None or k >= self.intro or (heading and (b is art.blocks[0] or s == art.title))
            or self.art_tier in ("", "narrative_review"))  # a summarised review restates it throughout
        in_study: bool | str = st.reported is not None or (in_article_study and self.art_tier in PRIMARY)
        own_part = not in_study and self.art_design in PRIMARY and not sec.intro and not heading
        # the study told of (a primary paper's own, past its introduction, too): its cell-model
        # words name a part of it ("In UVB-irradiated HDFs, ..."), its participants its human design
        told = (st.reported if st.reported is not None else self.art_tier if in_study
                else self.art_design if own_part else None)
        if in_study or own_part:
            in_study = told if told in _HUMAN else True
        return in_article_study, in_study, own_part

    def _not_claim(self, b: Block, s: str, f: cl.Facts, heading: bool, f_designs: list[str]) -> None:
        """What a sentence that is not a claim still tells the walk: a study it introduces, the
        vesicles the results after it are about."""
        st = self.study
        if f_designs and not heading and any(d in PRIMARY for d in f_designs) and not _BODY_OF_WORK.search(s):
            # a method sentence introducing a study
            st.reported = st.introduced = st.under_heading = tx.strongest(f_designs)
            if self.sec.results:
                st.results_part = st.reported
        if not heading and cl.names_vesicles(f) and cl.cell_sources(f) and not self.sec.back_matter:
            # "One half of each face was treated with adipose stem cell exosomes": the
            # paragraph's vesicles, for the results that follow it
            apps = cl.applications(f)
            self.prev_claim = {"cell_source": ";".join(cl.cell_sources(f)), "_block": b.index,
                               "application": ";".join(apps) if apps or self.prev_claim is None
                               else self.prev_claim["application"]}

    def _claim(self, si: int, b: Block, s: str, f: cl.Facts, *, heading: bool, implicit: bool, markers: list,
               resolved: list, unplaced: int, in_article_study: bool, in_study: bool | str, own_part: bool,
               results_of_study: bool) -> None:
        """Label a claim sentence, and record it and the references it cites."""
        d, sec, st, art_design = self.d, self.sec, self.study, self.art_design
        appraisal = cl.is_appraisal(f)
        anaphoric = cl.is_anaphoric(f, d.vocab)
        generic = cl.is_generic(f) and not markers and not (self.single and self.art_tier in ("", "narrative_review"))
        pooled = art_design == "systematic_review" and not heading and not markers and (
            (sec.findings and (bool(_POOLED_BODY.search(s)) or bool(_POOLED_STATS.search(s))))
            or bool(_OWN_SYNTHESIS.search(s)))
        reported = st.reported if (anaphoric or b.kind == "bullet" or f.has("study_intro")
                                   or _reads_as_result(f) or (results_of_study and not art_design)) else None
        if reported is None and st.reported is None and d.kind in _REPORTING_KINDS and _reads_as_result(f):
            reported = st.under_heading  # the study its section introduced, in a paragraph of its own
        ctx = TierContext(
            cited_designs=[r.design for _, r in resolved] + [""] * unplaced,
            has_markers=bool(markers),
            reported_tier=reported,
            article_tier=self.art_tier,
            in_article_study=in_article_study and (heading or not generic),
            in_study=in_study,
            # a systematic review's own design backs its findings, not its background or discussion
            document_design=(art_design or None) if art_design != "systematic_review" or sec.findings or pooled
            else None,
            source_kind=d.kind,
            pooled=pooled,
            opinion=d.opinion,
        )
        tier, step, reason = decide(f, ctx, generic=generic, appraisal=appraisal)
        if step in ("cited_reference", "sentence_design") and tier in PRIMARY and not _BODY_OF_WORK.search(s):
            st.reported = tier  # later sentences may go on reporting this one study
            if sec.results and step == "sentence_design" and not markers:
                st.results_part = tier
            if step == "sentence_design" and not markers:
                st.introduced = st.under_heading = tier
        prev = self.prev_claim
        sources, apps = _sources_and_applications(
            f, prev, same_block=prev is not None and prev["_block"] == b.index,
            refers_back=implicit or anaphoric, generic=generic, single=self.single,
            in_article_study=in_article_study, article=self.article, defined=d.defined)
        if not sources and st.section_sources and st.reported is not None and st.reported == st.section:
            sources = list(st.section_sources)  # the study its section's heading names
        if tier == "systematic_review" and not anaphoric:
            # a pooled finding is about the body of studies, not the product of the sentence before
            sources = cl.cell_sources(f) or cl.abbreviated_sources(f, d.defined)
        own_study = step == "document_design" or (
            step in ("reported_study", "sentence_design", "article_reference")
            and (tier == art_design or own_part or (sec.results and art_design in PRIMARY)) and not markers)
        if own_study:  # a primary study's own sentences are about what its title names
            sources = sources or list(self.focus[0])
            # (what it treated, rather than the conditions the sentence before measured)
            if self.focus[1] and art_design != "systematic_review" and not cl.applications(f):
                apps = list(self.focus[1])
            apps = apps or list(self.focus[1])
        row = {
            "claim_id": f"{d.doc_id}:c{len(d.claims)}", "sentence_id": d.sent_rows[si]["sentence_id"],
            "doc_id": d.doc_id, "article_id": self.art_id, "doc": d.doc, "sentence": s,
            "cell_source": ";".join(sources) or "unspecified", "evidence_tier": tier,
            "tier_step": step, "tier_reason": reason,
            "application": ";".join(apps), "outcomes": ";".join(cl.outcomes(f)),
            "route": cl.route(f), "hedging": cl.hedging(f, d.vocab),
            "cites": ";".join(dict.fromkeys(p for p, _ in markers)),
            "implicit_subject": bool(implicit), "source_kind": d.kind, "duplicate": False,
        }
        d.claims.append(row)
        self.prev_claim = dict(row, _block=b.index)
        d.sent_rows[si]["is_claim"] = True
        for printed, r in resolved:
            d.citations.append({"claim_id": row["claim_id"], "reference_id": d.ref_ids[id(r)],
                                "doc_id": d.doc_id, "marker": printed})
        # the article's one study, also when the sentence goes on reporting it
        if self.art.reference is not None and (step == "article_reference" or (
                step == "reported_study" and in_article_study and tier == self.art_tier)):
            d.citations.append({"claim_id": row["claim_id"], "reference_id": d.ref_ids[id(self.art.reference)],
                                "doc_id": d.doc_id, "marker": self.art.reference.label})


def process_document(doc: str, ingested: Ingested, raw_hash: str, vocab: Vocab,
                     corpus_keys: frozenset[str] = frozenset(), meta: dict | None = None) -> DocResult:
    """Run every step on one read document and return its table records.

    ``meta`` (export records, PDFs) carries year, journal, doi, pmid, publication
    types and MeSH terms; publication types and MeSH decide the design first.
    """
    doc_id = doc_id_for(raw_hash)
    meta = meta or {}
    base = {"doc_id": doc_id, "doc": doc, "format": ingested.format, "title": ingested.title,
            "source_kind": "", "design": "", "status": ingested.status, "encoding": ingested.encoding,
            "n_articles": 0, "n_sentences": 0, "n_claims": 0, "duplicate_of": "",
            "year": str(meta.get("year") or ""), "journal": meta.get("journal") or "",
            "doi": meta.get("doi") or "", "pmid": str(meta.get("pmid") or ""),
            "publication_types": ";".join(meta.get("publication_types") or []),
            "design_source": "", "sources": doc}
    if not ingested.ok:
        return DocResult(document=base)
    cl.set_defaults(vocab)
    text = remove_noise(ingested.text, vocab, corpus_keys)
    blocks = split_blocks(text)
    roles, refs = _roles(blocks)
    # the kind of a page is read from its own words and chrome, not from the works it cites
    kind_text = ingested.text
    for b in blocks:
        if roles.get(b.index) in ("ref_entry", "ref_other", "article_ref") and len(b.text) > 30:
            kind_text = kind_text.replace(b.text, " ")
    # author-year lists and [n] citations are the scholarly conventions; web pages cite with
    # footnotes, superscripts and starred notes
    # (or, as a journal's text pasted from its PDF prints them, numbers glued to words: "directions61.")
    numbered = {r.label for r in refs if r.kind == "numbered"}
    cited = rf.bracket_marker_count(kind_text) >= 3 or (
        len(numbered) >= 5 and rf.glued_marker_count(kind_text, numbered) >= 3)
    scholarly = ("author_year", "numbered") if cited else ("author_year",)
    kind = classify_kind(kind_text, vocab, n_references=sum(r.kind in scholarly for r in refs),
                         n_closing=sum(r.kind == "article_line" for r in refs))
    meta_design, meta_kind, design_source = design_from_metadata(meta, vocab) if meta else ("", "", "")
    if meta_kind:
        kind = meta_kind
    elif meta and (meta.get("pmid") or meta.get("doi") or meta.get("journal")) and kind not in (
            "peer_reviewed_review", "regulatory"):
        kind = "primary_research"  # a journal record that does not read as a review reports a study
    opinion = kind == "peer_reviewed_review" and is_opinion_piece(ingested.text, vocab)
    hosts = _hosts(vocab)
    arts = _articles(blocks, roles, refs, hosts)
    result = DocResult(document=base)
    for r in refs:
        r.design = rf.classify_design(r.text, vocab)
        m = rf._YEAR.search(r.text)
        r.year = m.group(0) if m else ""
    label_index: dict[str, rf.Reference] = {}
    for r in refs:
        if r.kind != "article_line":
            label_index.setdefault(r.label, r)
            for a in r.aliases:
                label_index.setdefault(a, r)
    ref_ids = {id(r): f"{doc_id}:r{i}" for i, r in enumerate(refs)}
    id_index = {i: r for r in refs if r.kind != "article_line" for i in rf.link_ids(r.text)}

    has_list = any(r.kind != "article_line" for r in refs)

    # sentences, per article
    sent_rows: list[dict] = []
    art_sents: list[list[tuple[int, Block, str, cl.Facts]]] = []
    for art in arts:
        rows = []
        for b in art.blocks:
            # a heading, and a table row (cells piped: "EASI, mean (SD) | 12.4 (4.1) | 12.9"), is one piece
            pieces = [b.text] if b.kind == "heading" or b.text.count(" | ") >= 2 else split_sentences(b.text)
            for s in pieces:
                if "  " in s or "\n" in s or "\t" in s:
                    s = _WS.sub(" ", s)
                s = s.strip()
                if not s:
                    continue
                rows.append([len(sent_rows), b, s, None])
                sent_rows.append({"sentence_id": f"{doc_id}:s{len(sent_rows)}", "doc_id": doc_id,
                                  "article_id": f"{doc_id}:a{art.index}", "index": len(sent_rows),
                                  "block": b.index, "text": s, "is_heading": b.kind == "heading",
                                  "is_claim": False})
        art_sents.append(rows)
    flat = [r for rows in art_sents for r in rows]
    for r, f in zip(flat, cl.facts_for_many([r[2] for r in flat], vocab)):
        r[3] = f
    defined = cl.defined_sources([r[3] for r in flat])

    doc_title_f = cl.facts(ingested.title or (arts[0].title if arts else ""), vocab)
    # a document whose title names exosomes is about them throughout
    # (or whose opening lines do: a press release's first line is "FOR IMMEDIATE RELEASE")
    topic_vesicles = cl.names_vesicles(doc_title_f) or any(cl.names_vesicles(r[3]) for r in flat[:3])
    aliases = cl.vesicle_aliases([doc_title_f] + [r[3] for r in flat], vocab)
    if topic_vesicles:
        aliases.append(cl.product_alias(vocab))  # on a page about exosomes, "this serum" is their product
    if aliases:  # "LVX-201 is an injectable containing exosomes": its later mentions name them
        for f in [doc_title_f] + [r[3] for r in flat]:
            cl.mark_aliases(f, aliases)
    # the document's own design, for a primary study: the design its title names ("...: a case
    # report"), else the strongest of its own sections
    doc_design = meta_design
    if not doc_design and kind == "primary_research":
        doc_design = _study_design(doc_title_f, flat)
        design_source = "text" if doc_design else ""
    elif not doc_design and kind == "peer_reviewed_review" and _is_systematic(flat):
        doc_design, design_source = "systematic_review", "text"

    study_focus: tuple[list[str], list[str]] = ([], [])
    if doc_design and arts:
        study_focus = (cl.cell_sources(doc_title_f), cl.applications(doc_title_f))
    # each abstract of a collection reports its own study: its claims take that study's design
    own = [(doc_design, study_focus)] * len(arts)
    # (a PubMed export of abstracts too, whatever the kind its words score: each record is its own work)
    if not meta_design and any(a.collected for a in arts):
        for n, (art, rows) in enumerate(zip(arts, art_sents)):
            title_f = cl.facts(art.title, vocab)
            design = _study_design(title_f, rows) if art.collected and rows else ""
            if design:
                own[n] = (design, (cl.cell_sources(title_f), cl.applications(title_f)))
        if kind == "primary_research":
            doc_design = tx.strongest(d for d, _ in own if d) or doc_design

    shared = _DocContext(doc_id=doc_id, doc=doc, kind=kind, opinion=opinion, vocab=vocab, hosts=hosts,
                         topic_vesicles=topic_vesicles, label_index=label_index, id_index=id_index,
                         ref_ids=ref_ids, defined=defined, sent_rows=sent_rows)
    for art, rows, (art_design, focus) in zip(arts, art_sents, own):
        intro, single, art_tier, art_sources, art_apps = _article_context(art, rows, has_list, vocab, kind)
        if single and art_design and art.reference is None:
            art_tier = art_design  # a primary paper that tells of "this study" reports its own, by its own design
        result.articles.append({"article_id": f"{doc_id}:a{art.index}", "doc_id": doc_id, "doc": doc,
                                "index": art.index, "title": art.title,
                                "reference_id": ref_ids[id(art.reference)] if art.reference else "",
                                "design": art_tier or "", "duplicate_of": ""})
        result.paragraph_keys.append(["".join(b.text.lower().split()) for b in art.blocks
                                      if b.kind == "para" and len(b.text) >= 80])
        _ArticleWalk(shared, art, art_design, focus, intro, single, art_tier, (art_sources, art_apps)).run(rows)

    result.sentences = sent_rows
    result.claims = shared.claims
    result.citations = shared.citations
    result.references = [{"reference_id": ref_ids[id(r)], "doc_id": doc_id,
                          "article_id": next((a["article_id"] for art, a in zip(arts, result.articles)
                                              if art.reference is r), ""),
                          "label": r.label, "kind": r.kind, "text": r.text, "year": r.year, "design": r.design}
                         for r in refs]
    title = ingested.title or (arts[0].title if arts else "")
    result.document.update({"title": title[:300], "source_kind": kind, "design": doc_design,
                            "design_source": design_source,
                            "n_articles": len(arts), "n_sentences": len(sent_rows), "n_claims": len(shared.claims)})
    return result
