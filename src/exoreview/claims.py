"""Claim sentences and their labels: cell source, application, outcomes, route, hedging.

Pure functions from a sentence (and the facts of the sentences around it) to
labels; every word list comes from the vocabulary. The evidence tier is decided
in :mod:`exoreview.evidence`.
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from .references import looks_like_entry, strip_markers
from .vocab import Hit, Vocab

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_COMPOSITION = re.compile(r"\b(contain|contains|carry|carries|packed with|comprise|comprises|consist|consists|"
                          r"loaded with|rich in|enriched (?:with|in)|cargo|include|includes|found in)\b", re.I)
# a price ("$1,200", "£24.99", "450 EUR"): what a session or bottle costs, not what it does
_PRICE = re.compile(r"[$£€¥]\s?\d|\b\d[\d,.]*\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b")
# a first-person account of using something ("I had ...", "my skin ..."); "Phase I trial" is no person
_FIRST_PERSON = re.compile(r"\bI(?:'ve|’ve)?\s+(?:had|got|did|tried|used|started|paid|bought|booked|been using|"
                           r"applied)\b")
# a practice's own use: "We use a rose exosome serum after needling", "We switched about 18 months ago"
_PRACTICE_USE = re.compile(r"\b[Ww]e(?:'ve|’ve)?\s+(?:use|used|switched|started using|been using|apply|applied|"
                           r"tried)\b")
# a dosing schedule: "twice daily", "three times a week", "every two weeks", "for 12 weeks"
_SCHEDULE = re.compile(r"\b(?:(?:once|twice|\d+|two|three|four) (?:times )?(?:a |per )?(?:day|daily|week|weekly|month)|"
                       r"every (?:\w+ )?(?:days?|weeks?|months?)|for \d+ (?:days|weeks|months))\b", re.I)
_DOSED = re.compile(r"\b(?:appl(?:y|ied|ies)|given|injected|received|administered|used|treated)\b", re.I)
# a case narrative's opening: "A 41-year-old woman received intradermal injections of ... exosomes"
_CASE_OPENING = re.compile(r"^(?:an?|the)\s+\d{1,3}-year-old\s+(?:[\w-]+\s+){0,4}?(?:had|received|underwent|got|was)\b",
                           re.I)
# an author-year citation or a dated note: "(Lindahl and Osei, 2019)" is no figure of a result
_PAREN_YEAR = re.compile(r"\([^()]{0,80}\b(?:19|20)\d\d[a-z]?\)")
_CRUMB = re.compile(r"\s[›»>/]\s")  # breadcrumb navigation: "Home › Guidelines › Exosome products"
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+$", re.I)
_NEGATION = re.compile(r"\b(not|no|neither|nor|never|without)\b", re.I)
_WH_OPENING = re.compile(r"^(how|why|what|when|where|which|who)\b", re.I)
_PRONOUN = re.compile(r"\b(they|their|them|theirs)\b", re.I)
_NEGATED_INJECTION = re.compile(r"\b(rather than|instead of|avoid\w*|without|no need for|not)\s+(?:\w+\s+){0,2}$", re.I)
_GENERIC_SUBJECT = re.compile(r"^(?:exosomes|extracellular vesicles|evs)\s+(?:are|contain|have|act|play)\b", re.I)
# labelled lines of page furniture: "Source: ...", "Keywords: ...", "Related stories: ..."
_CREDIT_LINE = re.compile(r"^(source|url|link|via|image|photo|credit|keyword|tag|related (?:stories|articles|posts)"
                          r"|see also|journal reference|citation)s?\s*:", re.I)
_HASHTAGS = re.compile(r"(?:^|\s)#\w+(?:\s+#\w+){2,}")  # "#exosomes #glassskin #skincare"
# an author affiliation ("1 Department of Dermatology, ..."), a figure panel or note ("(C) Western blot of
# ...", "Figure 4 is provided as ..."), an open question ("Whether X reach the dermis remains to be seen")
_FRONT_MATTER = re.compile(r"^(?:\d{1,2}\s+|[*†‡§]\s*)?(?:department|dept\.|institute|centre|center|faculty|school|"
                           r"division|laboratory)\s+(?:of|for)\b|^\([A-Ha-h]\)\s|^(?:supplementary\s+)?(?:figure|fig\.|"
                           r"table)\s+S?\d+\b(?!\s*(?:shows|showed|demonstrates))|^whether\b", re.I)
_COMPARISON = re.compile(r"\b(better|more effective|superior) than\b", re.I)
_SPECIFIC_MSC = {"adipose_msc", "umbilical_cord_msc", "bone_marrow_msc", "ipsc_msc", "placenta_msc",
                 "synovial_msc", "dental_msc"}


class Facts:
    """What the vocabulary finds in one sentence, grouped (one per sentence: a plain slotted class,
    since building and querying these is the inner loop of extraction)."""

    __slots__ = ("text", "clean", "hits", "groups", "_pairs")

    def __init__(self, text: str, clean: str, hits: list[Hit], groups: dict[str, list[Hit]] | None = None):
        self.text = text
        self.clean = clean
        self.hits = hits
        self.groups = {} if groups is None else groups
        self._pairs: set[tuple[str, str]] | None = None

    def keys(self, group: str) -> list[str]:
        """Keys of one group in order of first appearance, without repeats."""
        hits = self.groups.get(group)
        if not hits:
            return []
        return list(dict.fromkeys([h[1] for h in hits]))

    def has(self, group: str, key: str | None = None) -> bool:
        """Whether the sentence holds a phrase of ``group`` (and ``key``)."""
        if key is None:
            return group in self.groups
        pairs = self._pairs
        if pairs is None:
            pairs = self._pairs = {(h[0], h[1]) for h in self.hits}
        return (group, key) in pairs


def facts(sentence: str, vocab: Vocab) -> Facts:
    """Scan a sentence once with the vocabulary's matcher."""
    clean = strip_markers(sentence)
    return _constructions(facts_from_hits(sentence, clean, vocab.matcher.find(clean)), vocab)


def _constructions(f: Facts, vocab: Vocab) -> Facts:
    """Hits that phrases alone cannot give: a suspended hyphen's cell sources, a lay study's design."""
    _suspended(f, vocab)
    mark_lay_study(f, vocab)
    return f


# a hyphen left hanging before "and"/"or" shares the word after the last part: "keratinocyte- and
# adipose-derived vesicles" are keratinocyte-derived and adipose-derived
_SUSPENDED = re.compile(r"\b([A-Za-z][\w]*)-\s+(?:and|or|&)\s+[^.;:()]{1,60}?-(derived|secreted|sourced|based)\b")


def _suspended(f: Facts, vocab: Vocab) -> None:
    """Add the cell sources a suspended hyphen names ("Keratinocyte- and adipose stem cell-derived EVs")."""
    if "- " not in f.clean:
        return
    added = []
    for m in _SUSPENDED.finditer(f.clean):
        whole = f"{m.group(1)}-{m.group(2)}".lower()
        added += [Hit("cell_source", h.key, m.start(1), m.end(1) + 1, h.phrase) for h in vocab.matcher.find(whole)
                  if h.group == "cell_source" and h.end == len(whole)]
    if added:
        f.groups["cell_source"] = sorted(f.groups.get("cell_source", []) + added, key=_START)
        f.hits = sorted(f.hits + added, key=_START)
        f._pairs = None


def facts_from_hits(sentence: str, clean: str, hits: list[Hit]) -> Facts:
    """Group the hits of one sentence (offsets relative to ``clean``)."""
    groups: dict[str, list[Hit]] = {}
    if len(hits) > 1:
        # by start, longer first; two stable C-level sorts instead of a Python key function (hot path)
        hits.sort(key=_END, reverse=True)
        hits.sort(key=_START)
    for h in hits:
        bucket = groups.get(h[0])
        if bucket is None:
            groups[h[0]] = [h]
        else:
            bucket.append(h)
    return Facts(sentence, clean, hits, groups)


_START, _END = itemgetter(2), itemgetter(3)


def facts_for_many(sentences: list[str], vocab: Vocab) -> list[Facts]:
    """Facts of many sentences with one pass of the matcher over all of them (much faster)."""
    cleans = strip_markers("\n".join(sentences)).split("\n")
    if len(cleans) != len(sentences):  # a marker pattern swallowed a newline: fall back
        return [facts(s, vocab) for s in sentences]
    joined = "\n".join(cleans)
    starts, pos = [], 0
    for c in cleans:
        starts.append(pos)
        pos += len(c) + 1
    per = vocab.matcher.find_segmented(joined, starts)
    return [_constructions(facts_from_hits(s, c, hs), vocab) for s, c, hs in zip(sentences, cleans, per)]


def first_word(text: str) -> str:
    """The first word of a sentence, lower-cased."""
    m = _WORD.search(text)
    return m.group(0).lower() if m else ""


_CACHE: dict[str, tuple] = {}


def _word_lists(vocab: Vocab) -> tuple[re.Pattern, frozenset[str]]:
    """Connective-opening pattern and anaphora set, compiled once per vocabulary."""
    got = _CACHE.get(vocab.digest)
    if got is None:
        conn = sorted((re.escape(str(c).lower()) for c in vocab["claims.yaml"].get("connectives", [])), key=len,
                      reverse=True)
        pattern = re.compile(r"^(?:(?:%s)(?=[ ,])|[^,;:]{3,30},)[ ,]*" % "|".join(conn), re.I)
        anaphora = frozenset(w.lower() for w in vocab["subjects.yaml"].get("anaphora", []))
        got = _CACHE[vocab.digest] = (pattern, anaphora)
    return got


def _opening(text: str, vocab: Vocab) -> str:
    """The sentence without up to two leading connectives or short introductory phrases
    ('Furthermore, ', 'In addition, due to this feature, ')."""
    text = text.strip()
    pattern = _word_lists(vocab)[0]
    for _ in range(2):
        m = pattern.match(text)
        if not m or not m.end():
            break
        text = text[m.end():]
    return text


def is_anaphoric(f: Facts, vocab: Vocab) -> bool:
    """The sentence opens with a word that refers back ('They', 'These vesicles', 'Indeed, they')."""
    anaphora = _word_lists(vocab)[1]
    # "It's", "They're": the pronoun without its contraction
    words = [_CONTRACTION.sub("", w.lower()) for w in _WORD.findall(_opening(f.clean, vocab)[:60])[:3]]
    return bool(words) and (words[0] in anaphora or "none" in words)


_CONTRACTION = re.compile(r"['’](?:s|re|ve|ll|d)$")


def refers_back(f: Facts, vocab: Vocab) -> bool:
    """The sentence's subject is carried over: an anaphoric opening or 'they/their' early on."""
    return is_anaphoric(f, vocab) or bool(_PRONOUN.search(" ".join(_WORD.findall(f.clean[:100])[:8])))


def states_aim(f: Facts, vocab: Vocab) -> bool:
    """The sentence opens with the author's own aim ('This review delves into ...', 'We ...') or with advice
    to the reader ('Do not ...')."""
    return f.clean.strip().lower().startswith(_aim_openings(vocab))


def _aim_openings(vocab: Vocab) -> tuple[str, ...]:
    got = _AIMS.get(vocab.digest)
    if got is None:
        got = _AIMS[vocab.digest] = tuple(str(o).lower() + " " for o in vocab["claims.yaml"].get("aim_openings", []))
    return got


_AIMS: dict[str, tuple[str, ...]] = {}


def is_declaration(text: str, vocab: Vocab) -> bool:
    """The line opens with a back-matter label ("Conflict of interest: ...", "**Funding.**") or is
    one (a section heading): what follows is who paid, consented or helped, not a claim."""
    pattern, initials = _declaration_labels(vocab)
    if pattern is None or text.lstrip("#*_ \t0123456789.")[:3].lower() not in initials:
        return False  # a cheap test first: this runs on every sentence and paragraph
    return bool(pattern.match(text))


def _declaration_labels(vocab: Vocab) -> tuple[re.Pattern | None, frozenset[str]]:
    """The back-matter label pattern and the labels' first three letters (once per vocabulary)."""
    got = _DECLARATIONS.get(vocab.digest)
    if got is None:
        labels = sorted({str(w).lower() for w in vocab["claims.yaml"].get("declarations") or []}, key=len, reverse=True)
        pattern = re.compile(r"^[#*_\s\d.]*(?:%s)[*_]*\s*(?:[:.]|$)" % "|".join(map(re.escape, labels)), re.I) \
            if labels else None
        got = _DECLARATIONS[vocab.digest] = (pattern, frozenset(w[:3] for w in labels))
    return got


_DECLARATIONS: dict[str, tuple[re.Pattern | None, frozenset[str]]] = {}


_VESICLE_WORDS = r"(?:exosomes?|extracellular vesicles?|vesicles|nanovesicles|exosome-like nanoparticles)"
# "The packages in question are exosomes": a lay word the text then uses for them
_LAY_DEFINITION = re.compile(r"^(?:the|these|such)\s+(?:[\w-]+\s+){0,2}?([a-z][a-z-]{3,})\s+(?:in question\s+|here\s+)?"
                             r"(?:are|were)\s+(?:so-called\s+|called\s+|known as\s+)?" + _VESICLE_WORDS + r"\b")
# "LVX-201 is an injectable containing exosomes", "Our RoseGlow Serum delivers botanical exosomes"
# (a capitalised name, a brand-like one before a bare verb: an inner capital or digit, or a mark)
_PRODUCT_DEFINITION = re.compile(
    r"^(?:[A-Z][^,.;]{0,30},\s+)?"  # after a short lead-in: "For anyone new, ExoVela is ..."
    r"(?:[Oo]ur\s+|[Tt]he\s+)?(?:([A-Z][\w-]+)(?:\s*[™®])?(?:\s+[A-Z0-9][\w-]*){0,2}\s+(?i:is|are)\s+(?i:an?|the)\s+"
    r"[^.;]{0,80}?\b(?i:containing|contains|with|of|made from|made with|based on|built on|make from|derived from|"
    r"produced from|prepared from|purified from|isolated from)"
    r"|((?=[\w-]*(?:[a-z][A-Z]|\d))[A-Z][\w-]+|[A-Z][\w-]+(?=\s*[™®]))(?:\s*[™®])?(?:\s+[A-Z0-9][\w-]*){0,2}\s+"
    r"(?i:contains?|delivers?|features?|uses?))\s+(?:[\w'-]+\s+){0,4}?(?i:" + _VESICLE_WORDS + r")\b")
# a brand-like name (an inner capital or digit, or a mark) right before the vesicle word, anywhere:
# "our scalp protocol combines microneedling with ExoVeil™ exosomes", "ExoRenew Pro Exosome Complex"
_BRAND_BEFORE = re.compile(r"(?<![\w-])((?=[\w-]*(?:[a-z][A-Z]|\d))[A-Z][\w-]+|[A-Z][\w-]+(?=\s*[™®]))(?:\s*[™®])?"
                           r"(?:\s+[A-Z][\w-]*){0,3}\s+$")  # matched on the words just before a vesicle word
_BRANDED_WORDS = frozenset({"exosom", "exosome", "exosomes", "ev", "evs"})
_DEFINING_WORDS = (" is a", " is the", " are a", " are the", " IS ", "ontain", "eliver", "eature", " use")
# a product named in a title: "Rosalux Exosome Renewal Serum"
_PRODUCT_TITLE = re.compile(r"^([A-Z][\w-]{2,})(?:\s*[™®])?\s+(?i:exosome|exosomes|evs?)\s+[A-Z]")
_NOT_NAMES = frozenset("the this these that those it its they their our your each every a an all some most many "
                       "such other exosome exosomes vesicles how why what when where which who she he we you "
                       "i there here stem cell cells".split())


class Alias(NamedTuple):
    """A document's own word for its vesicles: its pattern, the cell sources its definition named,
    and a cheap gate: a pattern over the lower-cased sentence tried before the real one."""

    pattern: re.Pattern
    sources: list[str]
    gate: re.Pattern
    key: str = "alias"  # "vesicle" for an abbreviation the text defines for them: as good as the word


def _gate(words) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)")


def vesicle_aliases(all_facts: list[Facts], vocab: Vocab | None = None) -> list[Alias]:
    """Words a document defines for its vesicles, with the cell sources the definition names: a
    lay word ("The packages in question are exosomes"), a product's name ("LVX-201 is an
    injectable containing exosomes from placental MSCs", a title "Rosalux Exosome Renewal
    Serum", an abbreviation "Extracellular Vesicle Gel (BMEV-G)" when ``vocab`` gives the product
    words). Later (and earlier) mentions then name the vesicles, and those sources."""
    product_abbr = _product_abbreviation(vocab) if vocab is not None else None
    lay: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    particles: list[str] | None = None  # cell sources, once the text names particles as its vesicles
    abbreviations: dict[str, list[str]] = {}
    for f in all_facts:
        subjects = f.groups.get("subject")
        if "particle" in f.groups and "cell_source" in f.groups and not subjects:
            sourced = _sourced_particles(f)
            if sourced:
                particles = list(dict.fromkeys((particles or []) + sourced))
        if not subjects:
            continue
        text = f.clean.strip().lstrip("#*_ ")
        if text[:6].lower().startswith(("the ", "these ", "such ")):  # cheap tests first: this runs per sentence
            m = _LAY_DEFINITION.match(text.lower())
            if m and m.group(1) not in _NOT_NAMES:
                lay.setdefault(m.group(1), cell_sources(f))
        if text[:1].isupper():
            second = text.split(None, 2)[1:2]
            titled = bool(second) and second[0].lower().startswith(("exosom", "ev"))  # "Rosalux Exosome ..."
            defines = any(w in text for w in _DEFINING_WORDS)  # the definition's verbs, before its pattern
            for pattern in ((_PRODUCT_DEFINITION,) if defines else ()) + ((_PRODUCT_TITLE,) if titled else ()):
                m = pattern.match(text)
                name = m and next(g for g in m.groups() if g)
                if name and name.lower() not in _NOT_NAMES:
                    names.setdefault(name, cell_sources(f))
        if "(" in f.clean:
            _vesicle_abbreviations(f, subjects, abbreviations)
            if product_abbr is not None:
                for h in subjects:
                    m = product_abbr.match(f.clean, h.end)
                    if m and m.group(1).lower() not in _NOT_NAMES:
                        names.setdefault(m.group(1), cell_sources(f))
        if particles is None and any("particle" in h.phrase for h in subjects):
            particles = cell_sources(f)  # "exosome-like nanoparticles": later "the particles"
        for h in subjects:  # a brand-like name right before "exosomes": "ExoVeil™ exosomes"
            if h.start > 2 and h.phrase in _BRANDED_WORDS:
                m = _BRAND_BEFORE.search(f.clean, max(0, h.start - 60), h.start)
                if m and m.group(1).lower() not in _NOT_NAMES:
                    names.setdefault(m.group(1), cell_sources(f))
    out = [Alias(re.compile(r"\b%s\b" % re.escape(w), re.I), lay[w], _gate([w])) for w in sorted(lay)]
    if particles is not None:
        out.append(Alias(_PARTICLE_WORDS, particles, _gate(["particle"])))
    # "membrane vesicles (MVs)": the abbreviation, also behind a short prefix ("LpMVs", "an LpMV gel")
    out += [Alias(re.compile(r"(?<![\w-])[A-Za-z]{0,6}-?%ss?(?!\w)" % re.escape(a)), abbreviations[a],
                  _gate([a.lower()]), "vesicle") for a in sorted(abbreviations)]
    return out + [Alias(re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(n)), names[n], _gate([n.lower()]))
                  for n in sorted(names)]


# an abbreviation in brackets right after a vesicle word: "(MVs)", "(RSCEs)", "(pEVs)", not "(MISEV2023)" or
# "(n = 12)"
_ABBR_AFTER = re.compile(r"\s*\(([A-Za-z][A-Za-z]{0,3}[A-Z])s?\)")


def _vesicle_abbreviations(f: Facts, subjects: list[Hit], found: dict[str, list[str]]) -> None:
    """Abbreviations the text defines for its vesicles ("Bacterial membrane vesicles (MVs)"): the
    abbreviation's last capital is the vesicle word's initial ("(RSCEs)" after "exosomes")."""
    for h in subjects:
        m = _ABBR_AFTER.match(f.clean, h.end)
        if not m:
            continue
        abbr = m.group(1)
        word_start = f.clean.rfind(" ", 0, h.start) + 1
        last_word = f.clean.rfind(" ", h.start, h.end) + 1 or word_start  # "exosome-like nanoparticles (GELNs)"
        initials = (f.clean[word_start:word_start + 1].lower(), f.clean[last_word:last_word + 1].lower())
        if abbr[-1].lower() in initials and abbr.lower() not in _KNOWN_ABBR:
            found.setdefault(abbr, cell_sources(f))
    # after the whole phrase: "Exosomes derived from adipose-derived stem cells (ADSC-Ex)"
    for m in _SOURCE_VESICLE_ABBR.finditer(f.clean):
        if m.group(1).lower() not in _KNOWN_ABBR:
            found.setdefault(m.group(1), cell_sources(f))


# a source's abbreviation joined to a vesicle's: "(ADSC-Ex)", "(UC-EVs)", "(hAM-Exo)"
_SOURCE_VESICLE_ABBR = re.compile(r"\(([A-Za-z0-9]{1,8}-(?:Ex|Exo|EV|sEV))s?\)")
_KNOWN_ABBR = frozenset({"ev", "sev", "exo", "elnv", "eln", "pden", "pdnv"})  # the vocabulary's own words


def _product_abbreviation(vocab: Vocab) -> re.Pattern:
    """After a vesicle word, a product word and the abbreviation the text gives the product:
    "Extracellular Vesicle Gel (BMEV-G)", "exosome serum (ES-1)"."""
    return _product_patterns(vocab)[1]


_PARTICLE_WORDS = re.compile(r"\b(?:nano-?)?particles?\b", re.I)


def _sourced_particles(f: Facts) -> list[str]:
    """'Ginseng nanoparticles', 'grape-derived particles': particles named for their source right
    before them are the text's vesicles (silver or lipid nanoparticles name no cell source); their sources."""
    return [c.key for p in f.groups["particle"] for c in f.groups["cell_source"]
            if c.end <= p.start and len(f.clean[c.end:p.start]) <= 9
            and f.clean[c.end:p.start].strip(" -").lower() in ("", "derived", "based")]


_PRODUCTS: dict[str, tuple[Alias, re.Pattern]] = {}


def product_alias(vocab: Vocab) -> Alias:
    """'this serum', 'the cream', 'our ampoule' (subjects.yaml products), as an alias of the vesicles
    for a document about them: the product a page sells or a study applied."""
    return _product_patterns(vocab)[0]


def _product_patterns(vocab: Vocab) -> tuple[Alias, re.Pattern]:
    """The product words of subjects.yaml as (the alias 'this serum', the abbreviation after 'vesicle gel'),
    built once per vocabulary."""
    got = _PRODUCTS.get(vocab.digest)
    if got is None:
        words = tuple(sorted({str(w).lower() for w in vocab["subjects.yaml"].get("products") or []},
                             key=len, reverse=True))
        either = "|".join(map(re.escape, words))
        alias = re.compile(r"\b(?:this|the|our|your|my|a)\s+(?:[\w-]+\s+){0,2}?(?:%s)\b" % either if words
                           else "(?!)", re.I)
        abbreviation = re.compile(
            r"(?i:\s+(?:%s))\s*\(((?=[^)]*[A-Z][^)]*[A-Z])[A-Z][A-Za-z0-9]{1,7}(?:-[A-Za-z0-9]{1,6})?)\)" % either
            if words else "(?!)")
        got = _PRODUCTS[vocab.digest] = (Alias(alias, [], _gate(words)), abbreviation)
    return got


def mark_aliases(f: Facts, aliases: list[Alias]) -> None:
    """Record the document's own words for its vesicles as subject hits of ``f`` (key 'alias':
    such a sentence is a claim only when it names an effect, see :func:`is_claim`), and the
    cell sources their definition named when the sentence names none."""
    if "subject" in f.groups:
        return
    low = f.clean.lower()
    for pattern, sources, gate, key in aliases:
        if not gate.search(low):
            continue
        m = pattern.search(f.clean)
        if m:
            phrase = m.group(0).lower()
            hits = [Hit("subject", key, m.start(), m.end(), phrase)]
            if "cell_source" not in f.groups and sources:
                f.groups["cell_source"] = [Hit("cell_source", k, m.start(), m.end(), phrase) for k in sources]
                hits += f.groups["cell_source"]
            f.hits.extend(hits)
            f.hits.sort(key=_START)
            f.groups["subject"] = hits[:1]
            f._pairs = None
            return


def _lay_study_pattern(vocab: Vocab) -> re.Pattern | None:
    got = _LAY_STUDY.get(vocab.digest, False)
    if got is False:
        words = sorted((re.escape(str(w).lower()) for w in vocab["designs.yaml"].get("participants") or []),
                       key=len, reverse=True)
        got = _LAY_STUDY[vocab.digest] = re.compile(
            r"\b(?:study|studies|trial|trials)\s+(?:of|in|with|involving|among)\s+(?:[\w,-]+\s+){0,3}?(?:%s)\b"
            % "|".join(words)) if words else None
    return got


_LAY_STUDY: dict[str, re.Pattern | None] = {}


def mark_lay_study(f: Facts, vocab: Vocab) -> None:
    """Record a human study told by whom it enrolled ("a small study of 39 people") as a clinical-study
    design cue of ``f``, when the sentence names no design of its own."""
    if "design" in f.groups or not ("stud" in f.clean or "trial" in f.clean):
        return
    pattern = _lay_study_pattern(vocab)
    m = pattern.search(f.clean.lower()) if pattern is not None else None
    if m:
        hit = Hit("design", "clinical_study", m.start(), m.end(), m.group(0))
        f.groups["design"] = [hit]
        f.hits.append(hit)
        f.hits.sort(key=_START)
        f._pairs = None


def is_appraisal(f: Facts) -> bool:
    """A general remark or appraisal ('usually', 'in general'); not a word inside a fixed outcome
    phrase ('generally well tolerated' reports a trial's safety)."""
    hits = f.groups.get("appraisal")
    if not hits:
        return False
    fixed = f.groups.get("outcome_fixed", ())
    return any(not any(x.start <= h.start and h.end <= x.end for x in fixed) for h in hits)


def names_vesicles(f: Facts) -> bool:
    """The sentence names exosomes / extracellular vesicles / their products."""
    return f.has("subject", "vesicle")


def _names_harm(f: Facts) -> bool:
    """A harm word outside a phrase that only names a field ("serious risk of bias" is no harm)."""
    harms = f.groups.get("outcome_inverse")
    if not harms:
        return False
    ignored = f.groups.get("outcome_ignore", ())
    return any(not any(i.start <= h.start < i.end for i in ignored) for h in harms)


def is_personal(f: Facts) -> bool:
    """The sentence tells of the writer's own use of something ("I had exosomes after my laser", a
    practice's "We use a rose exosome serum after needling"), or opens a case's narrative ("A
    41-year-old woman received injections of ...")."""
    c = f.clean
    return (("I " in c or "I'" in c or "I’" in c) and bool(_FIRST_PERSON.search(c))) or (
        ("we" in c or "We" in c) and bool(_PRACTICE_USE.search(c))) or (
        "year-old" in c and bool(_CASE_OPENING.match(c)))


# the writer in the first person singular (not the roman numeral of "type I collagen", "ROBINS-I")
_FIRST_SINGULAR = re.compile(r"(?<![\w-])(?<!type )(?<!phase )(?<!grade )(?<!stage )I(?![\w-])|\b(?:[Mm]y|me)\b")


def first_person_singular(text: str) -> bool:
    """The writer speaks of themselves ("I", "my", "me")."""
    return _FIRST_SINGULAR.search(text) is not None


def states_effect(f: Facts) -> bool:
    """The sentence names an outcome, a harm or a condition treated."""
    return f.has("outcome") or f.has("outcome_fixed") or f.has("application") or f.has("outcome_inverse")


def is_claim(f: Facts, vocab: Vocab, *, heading: bool, context_vesicles: bool,
             bullet: bool = False, reporting: bool = False, personal: bool = False,
             measured: bool = False) -> tuple[bool, bool]:
    """Decide whether a sentence is a claim; return (is_claim, implicit_subject).

    ``context_vesicles``: the sentence before it (same passage) was about exosomes,
    so an anaphoric opening ('They ...') refers to them. ``reporting``: the sentence sits in the
    account of one study (a primary paper's own text, or after a sentence reporting a cited
    study), where a result with an outcome ('Scar width was reduced by 35%') is the exosomes' effect.
    """
    has_effect = states_effect(f)
    # a product's name the document gave its vesicles ("LVX-201 was well tolerated") names them
    # when the sentence states an effect; "News provided by Lumivex" does not
    explicit = names_vesicles(f) or (has_effect and f.has("subject", "alias"))
    if not explicit and not context_vesicles:
        return False, False
    text = f.clean.strip()
    if text.count(" ") < 3 or text.rstrip("*_\"'”’ ").endswith("?"):  # a question, bold or quoted too
        return False, False
    if "#" in text and _HASHTAGS.search(text):
        return False, False  # a row of hashtags
    crumbs = ("›" in text or "»" in text or " > " in text or " / " in text) and len(_CRUMB.findall(text)) >= 2
    if text.count(" | ") >= 2 or text.count("|") >= 3 or crumbs or looks_like_entry(text):
        return False, False  # a table row; a reference entry ("Ibarra L, et al. Plant nanovesicles ...")
    # a bullet under a lead-in about exosomes that states a result ("- Elasticity: +27%")
    listed_result = bullet and context_vesicles and has_effect and (f.has("direction") or bool(_NUMBER.search(text))
                                                                    or f.has("outcome_inverse"))  # a listed harm
    # or its subject is the arm that got the exosomes ("wounds in the treated mice closed by 92%")
    treated_result = f.has("treated_arm") and has_effect and (f.has("direction") or bool(_NUMBER.search(text)))
    # a figure, not the year of an author-year citation ("(Lindahl and Osei, 2019)")
    numbered = bool(_NUMBER.search(text)) and bool(_NUMBER.search(_PAREN_YEAR.sub("", text)))
    outcome_named = f.has("outcome") or f.has("outcome_fixed") or f.has("outcome_inverse")
    study_result = ((reporting or personal) and has_effect and not is_appraisal(f)
                    and (numbered or measured or _names_harm(f) or bool(_NEGATION.search(text))
                         or (personal and (f.has("direction") or f.has("outcome_inverse") or f.has("outcome_fixed")
                                           or f.has("harm_sign")))))
    implicit = not explicit and context_vesicles and (refers_back(f, vocab) or listed_result or treated_result
                                                       or study_result)
    if not (explicit or implicit):
        return False, False
    not_claim = set(f.keys("not_claim"))
    if "method" in not_claim and all(_RELATIVE_BEFORE.search(f.clean, max(0, h.start - 8), h.start)
                                     for h in f.groups["not_claim"] if h.key == "method"):
        not_claim.discard("method")  # "mice that were treated with exosomes healed faster": who, not what was done
    if {"advert", "method", "process"} & not_claim or states_aim(f, vocab) or text.count(":") >= 3 \
            or _CREDIT_LINE.match(text) or _FRONT_MATTER.match(text) or is_declaration(text, vocab):
        return False, False
    if not outcome_named and not f.has("direction") and _PRICE.search(text):
        return False, False  # what it cost ("each session cost $1,200"), not what it does
    if not has_effect and not f.has("direction") and _SCHEDULE.search(text) and _DOSED.search(text):
        return False, False  # how it was given ("applied the serum twice daily for 12 weeks"): a method
    if not outcome_named and explicit and "year-old" in text and _CASE_OPENING.match(text):
        return False, False  # what a patient received ("... for facial rejuvenation"): the case's method
    if implicit and is_appraisal(f) and not has_effect:
        return False, False  # "This is good news for everyone."
    if "unknown" in not_claim and not has_effect:
        return False, False
    if "definition" in not_claim and not has_effect:
        return False, False
    if (not has_effect and not f.has("direction") and _COMPOSITION.search(text) and not numbered
            and not _NEGATION.search(text)):
        return False, False
    if (not heading and not has_effect and not f.has("direction") and not f.has("finding_verb")
            and text.count(" ") < 9
            and not strip_markers(text).rstrip("*_\"'”’)] ").endswith((".", "!", "?", ":", ";"))):
        return False, False  # a list's item naming a product, no statement: "Take-home exosome serum (30 mL)"
    if heading:
        if _WH_OPENING.match(text):
            return False, False
        # a title counts when it is a declarative sentence about exosomes, not a topic label;
        # a short label before a colon ("Abstract P-217: Exosomes accelerate ...") is not the title
        head, colon, rest = text.rpartition(":")
        if colon and (len(head.split()) > 3 or len(rest.split()) < 4):
            return False, False
        if not explicit:
            return False, False
        if "?" in text:
            return False, False  # "Can Plant Exosomes Fade Melasma? What a New Study Found"
        if not (f.has("finding_verb") or _COMPARISON.search(text)):
            return False, False
    return True, implicit


def cell_sources(f: Facts) -> list[str]:
    """Cell-source keys named in the sentence (a named tissue makes 'MSC' redundant), and the cells
    or organisms said to make its vesicles ("EVs shed by psoriatic keratinocytes")."""
    keys = f.keys("cell_source")
    if "producer" in f.groups and "subject" in f.groups:
        for h in f.groups["producer"]:
            if any(v.end <= h.start and _MADE_BY.match(f.clean[v.end:h.start]) for v in f.groups["subject"]):
                keys.append(h.key)
        keys = list(dict.fromkeys(keys))
    return _narrowed(keys)


# between a vesicle word and the cells that make them: "shed by psoriatic", "derived from human"
_MADE_BY = re.compile(r"^[\s,]*(?:\([^)]{0,20}\)\s*)?(?:(?:that are|which are|were|are)\s+)?"
                      r"(?:derived from|isolated from|released by|released from|secreted by|shed by|produced by|"
                      r"made by|from|of)\s+(?:[\w.-]+\s+){0,3}?$", re.I)


def _narrowed(keys: list[str]) -> list[str]:
    if any(k in _SPECIFIC_MSC for k in keys):
        keys = [k for k in keys if k != "msc_unspecified"]
    return keys


_ABBREVIATION = re.compile(r"\(([A-Za-z][\w-]{1,15})\)")


def defined_sources(all_facts: list[Facts]) -> dict[str, list[str]]:
    """Abbreviations a document defines for a cell source: "placental MSCs (pMSC-Exo)" makes a
    later "pMSC-Exo" name placenta_msc. The definition must follow the source phrase closely,
    with no outcome or direction word between them."""
    defined: dict[str, list[str]] = {}
    for f in all_facts:
        if "(" not in f.clean or "cell_source" not in f.groups:
            continue
        for m in _ABBREVIATION.finditer(f.clean):
            abbr = m.group(1)
            if not any(c.isupper() for c in abbr) or abbr.lower() in defined:
                continue
            near = [h for h in f.groups["cell_source"] if 0 <= m.start() - h.end <= 50]
            if not near or any(h.group in ("outcome", "direction", "application") and near[-1].end <= h.start
                               < m.start() for h in f.hits):
                continue
            if any(h.group == "cell_source" and h.start >= m.start(1) and h.key != "msc_unspecified"
                   for h in f.hits if h.end <= m.end(1)):
                continue  # the vocabulary knows the abbreviation already (not just "MSC" in "AM-MSC-Exo")
            keys = _narrowed(list(dict.fromkeys(h.key for h in near)))
            if keys:
                defined[abbr.lower()] = keys
    return defined


def abbreviated_sources(f: Facts, defined: dict[str, list[str]]) -> list[str]:
    """Cell sources named by an abbreviation the document defined."""
    if not defined:
        return []
    found: dict[str, None] = {}
    for word in _ABBR_WORD.findall(f.clean):
        for key in defined.get(word.lower(), ()):
            found.setdefault(key, None)
    return list(found)


_ABBR_WORD = re.compile(r"[A-Za-z][\w-]{1,15}")


def applications(f: Facts) -> list[str]:
    """Application keys named in the sentence; words inside a cell-source phrase name the cells'
    tissue, not a use ("dental pulp stem cells", "periodontal ligament stem cells"), and the signs
    of a harm ("side effects are limited to mild redness") name no disease treated."""
    masked = [(h.start, h.end) for h in f.groups.get("cell_source", ())] + harm_sign_spans(f)
    masked += [(h.start, h.end) for h in f.groups.get("outcome_inverse", ())]  # "form tumours" is a harm
    if not masked:
        return f.keys("application")
    seen: dict[str, None] = {}
    for h in f.groups.get("application", ()):
        if not any(s <= h.start and h.end <= e for s, e in masked):
            seen.setdefault(h.key, None)
    return list(seen)


_HARM_REACH = 80  # characters after a harm phrase in which a sign describes it


def harm_sign_spans(f: Facts) -> list[tuple[int, int]]:
    """Spans of visible signs (outcomes.yaml harm_signs) that follow a harm phrase in the sentence
    ("adverse events were limited to transient redness and swelling"), or a word making them a
    reaction (harm_sign_modifiers: "injection-site erythema"): they describe a harm."""
    signs = f.groups.get("harm_sign")
    if not signs:
        return []
    harms = f.groups.get("outcome_inverse", ())
    modifiers = f.groups.get("harm_modifier", ())
    return [(h.start, h.end) for h in signs
            if any(0 <= h.start - x.end <= _HARM_REACH and "." not in f.clean[x.end:h.start] for x in harms)
            or any(m.end < h.start and _ONE_WORD_GAP.fullmatch(f.clean, m.end, h.start) for m in modifiers)]


_ONE_WORD_GAP = re.compile(r"\s+(?:[\w-]+\s+)?")  # "transient | redness", "mild | scalp | redness"


def is_generic(f: Facts) -> bool:
    """A generic present-tense statement about exosomes as a class ('Exosomes are ...')."""
    return bool(_GENERIC_SUBJECT.match(f.clean.strip()))


def route(f: Facts) -> str:
    """One route: a device wins; topical and injection named together give 'unspecified'."""
    keys = set()
    for h in f.groups.get("route", []):
        if h.key == "injection" and _NEGATED_INJECTION.search(f.clean[: h.start].lower()[-40:]):
            keys.add("topical")  # "rather than injected", "avoiding painful injections"
        else:
            keys.add(h.key)
    if "device_combined" in keys:
        return "device_combined"
    if keys == {"topical"}:
        return "topical"
    if keys == {"injection"}:
        return "injection"
    return "unspecified"


def hedging(f: Facts, vocab: Vocab) -> str:
    """hedged / plain / emphatic; when both kinds of cue occur a damper makes it hedged."""
    hedges = [h for h in f.groups.get("hedge", []) if h.key == "hedged"]
    emph = [h for h in f.groups.get("hedge", []) if h.key == "emphatic"]
    if hedges and emph:
        return "hedged" if any(h.key == "dampers" for h in f.groups.get("hedge", [])) else "emphatic"
    if emph:
        return "emphatic"
    if hedges:
        return "hedged"
    return "plain"


# a direction word does not reach across these: a new clause, or a participle clause after a
# comma ("combating ageing, integrating regenerative ...": 'including' only lists)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:while|whereas|but|although|though)\b|\bbut\b|\bwhereas\b"
                           r"|,\s+(?!including\b)[a-z]+ing\b")


def outcomes(f: Facts) -> list[str]:
    """Outcome:direction pairs; a direction word the outcome phrase opens with wins ("stimulate
    repair"), then one before the outcome (same clause), then one just after it, then the
    outcome's default; fixed phrases carry their own."""
    out: dict[str, str] = {}
    fixed = f.groups.get("outcome_fixed", [])
    for h in fixed:
        key, _, fixed_dir = h.key.partition(":")
        out.setdefault(key, fixed_dir)
    # fixed phrases, and phrases that only name a field ("regenerative medicine"), mask the terms inside them
    covered = [(h.start, h.end) for h in fixed] + [(h.start, h.end) for h in f.groups.get("outcome_ignore", [])]
    covered += harm_sign_spans(f)  # "side effects were mild redness": the harm, not an inflammation outcome
    directions = [d for d in f.groups.get("direction", []) if not _is_stimulus(f.clean, d)]
    # a comparative right before a direction noun qualifies it: in "a greater fall in mMASI" the fall governs
    directions = [d for i, d in enumerate(directions) if not (
        _COMPARATIVE.fullmatch(d.phrase) and any(n.start > d.end and not f.clean[d.end:n.start].strip()
                                                 for n in directions[i + 1:i + 3]))]
    terms = [(h, False) for h in f.groups.get("outcome", [])] + [(h, True) for h in f.groups.get("outcome_inverse", [])]
    terms.sort(key=lambda t: t[0].start)
    spans = [(h.start, h.end) for h, _ in terms] + [(h.start, h.end) for h in fixed]
    for h, inverse in terms:
        if h.key in out or any(s <= h.start < e for s, e in covered):
            continue
        opposed = [(t.start, t.end) for t, inv in terms if inv != inverse]
        if inverse and _harm_absent(f.clean, h.start):
            out[h.key] = "up"  # "no serious adverse events", "No patient withdrew because of side effects"
            continue
        direction = _direction_for(f, h, directions, reach=60 if inverse else 25, spans=spans, opposed=opposed,
                                   shared=inverse and h.key not in _HARMS)  # a measure (TEWL), not a harm
        if direction == "acting":
            direction = _EITHER_SIGN.get(h.key, "unclear")
        better = direction == "better"
        if better:
            direction = "down" if _NEGATIVE.get(h.key) and not inverse else "up"
        if better:
            pass  # "TEWL improved": the outcome got better, whatever the sign of its words
        elif direction is None:
            # a harm named without a direction word ("reports of serious adverse events") is a harm
            direction = "down" if inverse else _DEFAULTS.get(h.key, "up")
        elif inverse:
            direction = {"up": "down", "down": "up"}.get(direction, direction)
        elif direction in ("up", "down") and h.key in _EITHER_SIGN:
            direction = _EITHER_SIGN[h.key]
        if direction in ("up", "down") and _NEGATED.search(f.clean[max(0, h.start - 40):h.start]):
            direction = "none"  # "did not increase collagen", "not shown to be safe"
        out[h.key] = direction
    return [f"{k}:{v}" for k, v in out.items()]


_COMPARATIVE = re.compile(r"more|less|[a-z]{2,}er")


def _is_stimulus(text: str, d: Hit) -> bool:
    """A participle hyphenated to what caused it ("LPS-induced", "UV-mediated") names the
    experimental insult, not the effect claimed ("up-regulated" is still a direction)."""
    if d.start < 2 or text[d.start - 1] != "-" or not text[d.start - 2].isalnum():
        return False
    word = text[d.start:d.end].lower()
    before = text[max(0, d.start - 6):d.start - 1].lower()
    return word.endswith("ed") and not before.endswith(("up", "down"))


_DEFAULTS: dict[str, str] = {}
_NEGATIVE: dict[str, bool] = {}
_EITHER_SIGN: dict[str, str] = {}
_HARMS: set[str] = set()  # outcomes whose inverse terms are harms
_ABSENT = re.compile(r"\b(?:no|zero|absence of)\s+(?:[\w-]+\s+){0,3}$", re.I)
# a clause that opens with a negation ("No skin irritation, weight loss or other side effects were seen")
_NEGATED_CLAUSE = re.compile(r"(?:^|[.;:]\s+)(?:no|none|neither|without)\b[^.;:]{0,80}$", re.I)


# a negated verb just before a harm: "cannot divide or form tumours", "did not cause irritation"
# ("was not phototoxic", "were not a skin sensitiser")
_NEGATED_HARM = re.compile(r"\b(?:cannot|can't|can not|do not|does not|did not|will not|won't|never|not been|"
                           r"(?:is|are|was|were) not|isn't|aren't|wasn't|weren't)\b"
                           r"(?:[\s,]+[\w-]+){0,4}\s+$", re.I)


def _harm_absent(text: str, start: int) -> bool:
    """The harm named at ``start`` is said to be absent: 'no' or a negated verb just before it, or
    its clause opens with a negation."""
    before = text[max(0, start - 40):start]
    return bool(_ABSENT.search(before) or _NEGATED_HARM.search(before) or _NEGATED_CLAUSE.search(text[:start]))
# a negation in the words just before an outcome, with no clause break after it
_NEGATED = re.compile(r"\b(?:not(?! only)|never|failed to|fails to|no evidence (?:of|that))\b[^,;.]{0,30}$", re.I)


_DEFAULTS_OF: list[str] = [""]  # digest of the vocabulary the defaults were loaded from


def set_defaults(vocab: Vocab) -> None:
    """Load each outcome's default direction from the vocabulary (once per vocabulary)."""
    if _DEFAULTS_OF[0] == vocab.digest:
        return
    _DEFAULTS_OF[0] = vocab.digest
    _DEFAULTS.clear()
    _NEGATIVE.clear()
    _EITHER_SIGN.clear()
    _HARMS.clear()
    for key, spec in vocab["outcomes.yaml"]["outcomes"].items():
        _DEFAULTS[key] = spec.get("default", "up")
        _NEGATIVE[key] = spec.get("valence") == "negative"
        if spec.get("either_sign"):
            _EITHER_SIGN[key] = spec["either_sign"]
        if spec.get("harms"):
            _HARMS.add(key)


def _direction_for(f: Facts, term: Hit, directions: list[Hit], reach: int = 25,
                   spans: list[tuple[int, int]] | None = None,
                   opposed: list[tuple[int, int]] = (), shared: bool = False) -> str | None:
    """The direction word that governs ``term``; ``shared``: a measure coordinated with the outcome after
    it shares that outcome's verb ("TEWL and hydration improved"), unlike a harm ("safe, and side effects
    are rare")."""
    inside = [d for d in directions if d.start >= term.start and d.end <= term.end
              and (d.start, d.end) != (term.start, term.end)]
    if inside and inside[0].start == term.start:  # the phrase is itself a verb phrase: "stimulate repair"
        return inside[0].key
    # before it, or a direction phrase ending inside it ("no risk" of the term "risk")
    # a direction noun right after another outcome ("collagen deposition") belongs to that one
    ends = {e for _, e in spans or []}
    before = [d for d in directions if (d.end <= term.start or d.start < term.start < d.end <= term.end)
              and term.start - d.end <= 70 and not _CLAUSE_BREAK.search(f.clean[d.end:term.start])
              and not (ends & {d.start, d.start - 1})]
    if before and _governs(f.clean, before[-1], term, spans or []):
        return before[-1].key
    # after it: close by, or further in a predicate ("levels of IL-6 ... were lower"); not past a
    # term of the other sign, whose predicate it is ("safe, and side effects are rare")
    after = [d for d in directions if d.start >= term.end
             and (d.start - term.end <= reach or (d.start - term.end <= 60
                                                  and _PREDICATE.search(f.clean[term.end:d.start])))
             and not _CLAUSE_BREAK.search(f.clean[term.end:d.start])
             and not any(term.end <= s and e <= d.start and not (shared and _COORDINATION.match(f.clean[term.end:s]))
                         for s, e in opposed)]
    if after:
        return after[0].key
    if inside:
        return inside[0].key
    return None


_PREDICATE = re.compile(r"\b(?:was|were|is|are|remained|became|appeared)\b", re.I)
# what may stand between two coordinated outcomes ("collagen and elastin", "collagen I degradation
# and MMP-2", "scars, redness or")
_COORDINATION = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?[\s\d,–-]*(?:(?:and|or|and/or|as well as|&)\s+)?"
                           r"(?:[\w'-]+\s+){0,2}$", re.I)


def _governs(text: str, d: Hit, term: Hit, spans: list[tuple[int, int]]) -> bool:
    """A direction word reaches an outcome past another outcome only through a coordination:
    in "reduce inflammation, all of which matter for regeneration", 'reduce' stops at inflammation."""
    between = [e for s, e in spans if s >= d.end and e <= term.start]
    if not between:
        return True
    return bool(_COORDINATION.match(text[max(between):term.start]))
