"""Evidence tier of a claim, following TAXONOMY's rule, with the step that decided it.

1. the study named or cited in the sentence: a resolved citation's design or a
   design named in the sentence itself (the strongest wins);
2. a study the sentence goes on reporting (a continuation of the account of a
   study introduced just before it, or an article that summarises one cited work);
3. the document's own design when it is a primary study;
4. narrative_review for a peer-reviewed review (or a sentence citing work whose
   design cannot be placed), expert_opinion for anything else (a journal's letter or
   commentary too: an uncited assertion there is its writers' opinion).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import taxonomy as tx
from .claims import Facts
from .vocab import inside_longer

PRIMARY = set(tx.EVIDENCE_TIERS[:7])  # designs of a primary study (not review / opinion)
_SPECIES_CELLS = re.compile(r"\s*(?:[a-z0-9-]+\s+){0,2}cells?\b")


def sentence_designs(f: Facts, in_study: bool | str) -> list[str]:
    """Design tiers named in the sentence, unless it only says such a study is needed.

    ``in_study``: the sentence reports a particular study, so its cell-model and participant
    words name a design too; a design key: that of the human study reported, which its
    participant words name ("Placebo-treated patients improved less" in an RCT is the RCT's).
    """
    if f.has("not_reporting"):
        return []
    low = f.clean.lower()
    masked = [(h.start, h.end) for h in f.groups.get("design_ignore", [])]
    tiers = []
    cues = f.groups.get("design", [])
    for h in cues + (f.groups.get("design_in_study", []) if in_study else []):
        if any(s <= h.start < e for s, e in masked):
            continue
        if inside_longer(h, cues):
            continue  # "randomised" in "not randomised" (a clinical study)
        if h.group == "design_in_study" and h.key == "clinical_study" and isinstance(in_study, str):
            if not any(t.group == "design" for t in cues if not any(s <= t.start < e for s, e in masked)):
                tiers.append(in_study)  # only a sentence naming no design of its own goes on with that study
            continue
        if h.group == "design_in_study" and isinstance(in_study, str):
            continue  # in a human study's account, cells are its mechanism ("act on melanocytes"), not a part
        if h.key == "clinical_study" and in_study == "rct" and any(
                u.start == h.start and u.end == h.end for u in f.groups.get("design_unspecific", ())):
            tiers.append("rct")  # "In this split-face trial, ..." in a randomised trial's account
            continue
        if h.key == "animal" and _SPECIES_CELLS.match(low[h.end:h.end + 40]):
            continue  # "mouse melanoma cells": a cell line
        tiers.append(h.key)
    if "rct" in tiers and "animal" in tiers and not ({"clinical_study", "case_report"} & set(tiers)
                                                      or f.has("design_in_study", "clinical_study")):
        tiers = [t for t in tiers if t != "rct"]  # "rats were randomly assigned": rct is for humans
    if "animal" in tiers and f.has("design_veterinary") and {"case_report", "clinical_study"} & set(tiers):
        # "a chronic wound in a dog: a case report", "a retrospective series of 11 dogs": the patients are animals
        tiers = [t for t in tiers if t not in ("case_report", "clinical_study")]
    return tiers


@dataclass
class TierContext:
    """What the tier of one sentence may depend on beyond its own words."""

    cited_designs: list[str]          # designs of the references its markers resolve to ('' = unknown)
    has_markers: bool                 # it prints a citation marker (resolved or not)
    reported_tier: str | None         # design of a study whose account this sentence continues
    article_tier: str | None          # design of the one work the article summarises ('' if unknown)
    in_article_study: bool            # the sentence sits where the article reports that work
    document_design: str | None       # the document's own design (primary study)
    source_kind: str
    in_study: bool | str = False      # it reports a particular study (see sentence_designs)
    pooled: bool = False              # a systematic review's own synthesis ("across the seven trials")
    opinion: bool = False             # the document is a journal's opinion piece (a letter, a commentary)


def decide(f: Facts, ctx: TierContext, *, generic: bool, appraisal: bool) -> tuple[str, str, str]:
    """Return (tier, step, reason) for one claim sentence."""
    if ctx.pooled and ctx.document_design and not ctx.has_markers:
        # the trials it names are the review's included studies, pooled: its own finding
        return ctx.document_design, "document_design", "the review's own synthesis of its studies"
    named = sentence_designs(f, ctx.in_study)
    cited = [d for d in ctx.cited_designs if d]
    best = tx.strongest(cited + named)
    if best and (best in PRIMARY or not named or cited):
        if cited and best in cited:
            return best, "cited_reference", "cited reference design"
        return best, "sentence_design", "design named in the sentence"
    if ctx.reported_tier and not appraisal and not generic:
        return ctx.reported_tier, "reported_study", "continues the account of the study before it"
    if best:
        return best, "sentence_design", "design named in the sentence"
    if ctx.article_tier is not None and ctx.in_article_study and not generic and not appraisal:
        return ctx.article_tier or "narrative_review", "article_reference", "the article summarises one cited work"
    if ctx.cited_designs and any(d == "" for d in ctx.cited_designs):
        return "narrative_review", "cited_reference", "cites a work whose design cannot be placed"
    if ctx.document_design:
        return ctx.document_design, "document_design", "the document's own study"
    if (ctx.source_kind == "peer_reviewed_review" and not ctx.opinion) or (
            ctx.has_markers and ctx.source_kind != "vendor_marketing"):
        return "narrative_review", "fallback", "secondary statement in a review"
    return "expert_opinion", "fallback", "assertion with no study behind it"
