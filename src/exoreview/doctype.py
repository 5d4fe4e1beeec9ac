"""A document's own kind (source_kind) and, for a primary study, its design."""
from __future__ import annotations

import re

from .taxonomy import strongest
from .vocab import PhraseMatcher, Vocab


_KIND_MATCHERS: dict[str, PhraseMatcher] = {}


def _kind_matcher(vocab: Vocab) -> PhraseMatcher:
    """One matcher over every source-kind cue that may stand anywhere (built once per vocabulary)."""
    got = _KIND_MATCHERS.get(vocab.digest)
    if got is None:
        entries = [("kind", kind, phrase) for kind, cues in vocab["source_kinds.yaml"]["cues"].items()
                   for phrase in cues if not str(phrase).startswith("^")]
        got = _KIND_MATCHERS[vocab.digest] = PhraseMatcher(entries)
    return got


# a numbered section heading ("2. METHODS", "3.1 Results", "IV. Discussion") opens with its name after the number
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+(?=[A-Za-z])")

_LINE_CUES: dict[str, dict[str, tuple[str, ...]]] = {}


def _line_start_cues(vocab: Vocab) -> dict[str, tuple[str, ...]]:
    """Per kind, its '^' cues (lower case, longest first): they count at the start of a line."""
    got = _LINE_CUES.get(vocab.digest)
    if got is None:
        got = {}
        for kind, cues in vocab["source_kinds.yaml"]["cues"].items():
            heads = [str(p)[1:].lower() for p in cues if str(p).startswith("^")]
            if heads:
                got[kind] = tuple(sorted(heads, key=len, reverse=True))
        _LINE_CUES[vocab.digest] = got
    return got


def line_start_cues(text: str, vocab: Vocab) -> set[tuple[str, str]]:
    """(kind, '^cue') for each '^' cue opening a line of ``text`` (after '#', '*', spaces)."""
    cues = _line_start_cues(vocab)
    if not cues:
        return set()
    width = max(len(h) for heads in cues.values() for h in heads)
    found = set()
    for line in text.split("\n"):
        opening = _SECTION_NUMBER.sub("", line.lstrip("#* \t"), count=1)[:width].lower()
        if not opening:
            continue
        for kind, heads in cues.items():
            if opening.startswith(heads):
                found.add((kind, "^" + next(h for h in heads if opening.startswith(h))))
    return found


# pieces of a header line: split on breadcrumb and field separators, links and markup dropped
_HEADER_SEPARATORS = re.compile(r"[|›»·/\n]|\s>\s")
_LINK_OR_MARKUP = re.compile(r"\[link:[^\]]*\]|\]\([^)]*\)|[#*_\[\]]")


def is_opinion_piece(text: str, vocab: Vocab, head_chars: int = 3000) -> bool:
    """The header of ``text`` labels it a journal's opinion article (source_kinds.yaml
    ``opinion_labels``): a letter to the editor, correspondence, a commentary."""
    labels = {str(w).lower() for w in vocab["source_kinds.yaml"].get("opinion_labels") or []}
    if not labels:
        return False
    pieces = _HEADER_SEPARATORS.split(_LINK_OR_MARKUP.sub(" ", text[:head_chars]))
    return any(" ".join(p.split()).strip(" ,.:;").lower() in labels for p in pieces)


_WEIGHTS: dict[str, dict[tuple[str, str], float]] = {}


def _weights(vocab: Vocab) -> dict[tuple[str, str], float]:
    """(kind, cue) -> weight, built once per vocabulary."""
    got = _WEIGHTS.get(vocab.digest)
    if got is None:
        cues = vocab["source_kinds.yaml"]["cues"]
        got = {(k, str(p).lower().rstrip("*").strip()): w for k, c in cues.items() for p, w in c.items()}
        got.update({(k, str(p)): w for k, c in cues.items() for p, w in c.items() if str(p).startswith("^")})
        _WEIGHTS[vocab.digest] = got
    return got


def kind_scores(text: str, vocab: Vocab) -> dict[str, float]:
    """Sum of the weights of the source-kind cues present in a document (each cue once)."""
    matcher = _kind_matcher(vocab)
    found = {(h.key, h.phrase) for h in matcher.find(text)}
    found |= line_start_cues(text, vocab)
    scores: dict[str, float] = {k: 0.0 for k in vocab["source_kinds.yaml"]["cues"]}
    weights = _weights(vocab)
    for key, phrase in found:
        scores[key] += float(weights.get((key, phrase), 1))
    return scores


def source_kind(text: str, vocab: Vocab, n_references: int = 0, n_closing: int = 0) -> str:
    """The kind of a document from its cue scores.

    A page with enough journal structure (section headings, competing interests,
    funding) is a journal article: a primary study when its study cues (methods,
    results) outweigh its review cues, otherwise a peer-reviewed review. So is a text with a
    scholarly reference list (``n_references`` entries: author-year, or numbered and cited as
    [n]) and next to no cue of any other kind. A page that closes on the one paper it covers
    (``n_closing`` == 1 ``Reference:`` line) adds the points of ``closing_reference``. Any
    other page takes its best-scoring kind; ties go to the earlier kind of the file's order.
    """
    conf = vocab["source_kinds.yaml"]
    scores = kind_scores(text, vocab)
    for kind, points in (conf.get("closing_reference") or {}).items():
        scores[kind] = scores.get(kind, 0.0) + float(points) * (n_closing == 1)
    journal = scores.pop("journal", 0.0)
    review, primary = scores.get("peer_reviewed_review", 0.0), scores.get("primary_research", 0.0)
    for kind, floor in (conf.get("min_score") or {}).items():
        if scores.get(kind, 0.0) < floor:
            scores[kind] = 0.0
    # reviews and primary studies are journal articles: without journal structure, words such
    # as "systematic review" on a page only mean the page talks about one
    order = [k for k in conf.get("order", list(scores))
             if k in scores and k not in ("peer_reviewed_review", "primary_research")]
    best = max(order, key=lambda k: (scores.get(k, 0.0), -order.index(k)))
    if journal >= float(conf.get("journal_min_score", 5)) and journal >= scores.get(best, 0.0):
        return "primary_research" if primary >= 4 and primary > review else "peer_reviewed_review"
    # a report of one's own research outside a journal (a thesis chapter, a grant's aims and preliminary
    # data) when its study cues outscore every other kind's (its reference list does not make it a review)
    own = scores.get("primary_research", 0.0)  # 0 below its min_score
    if own > review and all(own > scores.get(k, 0.0) for k in order):
        return "primary_research"
    plain = conf.get("review_without_journal") or {}
    if (plain and n_references >= int(plain.get("min_references", 5))
            and max(scores.get(k, 0.0) for k in order) <= float(plain.get("max_other_score", 2))):
        return "peer_reviewed_review"
    return best if scores.get(best, 0.0) > 0 else conf.get("default", "news_summary")


def design_from_metadata(meta: dict, vocab: Vocab) -> tuple[str, str, str]:
    """(design, source_kind, what decided) from publication types, then MeSH; empty when neither decides.

    Publication types are matched whole and case-insensitively; the strongest tier named
    wins. MeSH 'Animals' without 'Humans' marks an animal-only study, cell-culture headings
    without either an in vitro one.
    """
    conf = vocab["designs.yaml"]
    pts = {str(p).strip().lower() for p in meta.get("publication_types") or []}
    by_type = [tier for tier, names in (conf.get("publication_types") or {}).items()
               if pts & {str(n).lower() for n in names}]
    best = strongest(by_type) or ""
    if best:
        # editorials and letters are journal literature too; their design keeps them opinion
        kind = "peer_reviewed_review" if best in ("systematic_review", "narrative_review", "expert_opinion") \
            else "primary_research"
        return ("" if best == "narrative_review" else best), kind, "publication_types"
    mesh = {str(m).strip().lower().rstrip("*") for m in meta.get("mesh") or []}
    groups = conf.get("mesh") or {}

    def named(group: str) -> bool:
        return bool(mesh & {str(n).lower() for n in groups.get(group, [])})
    if named("animal") and not named("humans"):
        return "animal", "primary_research", "mesh"
    if named("in_vitro") and not named("animal") and not named("humans"):
        return "in_vitro", "primary_research", "mesh"
    return "", "", ""
