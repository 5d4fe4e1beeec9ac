"""The controlled keys of ../shared/TAXONOMY.md (v1): the one place code names them."""
from __future__ import annotations

CELL_SOURCES: tuple[str, ...] = (
    "adipose_msc", "umbilical_cord_msc", "bone_marrow_msc", "ipsc_msc", "placenta_msc",
    "synovial_msc", "dental_msc", "msc_unspecified", "other_human_cell", "plant",
    "bacterial", "unspecified",
)
# Strongest first: the order of charts and of the "strongest tier wins" rule.
EVIDENCE_TIERS: tuple[str, ...] = (
    "systematic_review", "rct", "clinical_study", "case_report", "animal",
    "ex_vivo_human", "in_vitro", "narrative_review", "expert_opinion",
)
APPLICATIONS: tuple[str, ...] = (
    "skin_aging", "wound_healing", "scarring", "pigmentation", "inflammatory_skin",
    "hair_loss", "musculoskeletal", "dental", "neurological", "other_systemic",
)
OUTCOMES: tuple[str, ...] = (
    "collagen", "elastin", "ecm_remodeling", "fibroblast_activity", "cell_proliferation",
    "cell_migration", "angiogenesis", "inflammation", "immunomodulation", "wound_closure",
    "scar_formation", "pigmentation", "skin_barrier", "hydration", "wrinkles", "elasticity",
    "hair_growth", "oxidative_stress", "senescence", "tissue_regeneration",
    "skin_penetration", "safety",
)
DIRECTIONS: tuple[str, ...] = ("up", "down", "none", "unclear")
ROUTES: tuple[str, ...] = ("topical", "injection", "device_combined", "unspecified")
HEDGING: tuple[str, ...] = ("hedged", "plain", "emphatic")
SOURCE_KINDS: tuple[str, ...] = (
    "peer_reviewed_review", "primary_research", "trade_magazine", "vendor_marketing",
    "news_summary", "regulatory",
)
# Which step of TAXONOMY's tier rule decided a claim's tier (claims.tier_step).
TIER_STEPS: tuple[str, ...] = (
    "cited_reference",   # a citation marker in the sentence resolved to a reference with a design
    "sentence_design",   # a design named in the sentence itself ("in diabetic mice")
    "reported_study",    # the sentence continues the account of a study introduced before it
    "article_reference", # the article summarises one cited work (closing "Reference:" line)
    "document_design",   # the document is itself a primary study
    "fallback",          # narrative_review for a peer-reviewed review, else expert_opinion
)

TIER_RANK = {t: i for i, t in enumerate(EVIDENCE_TIERS)}


def strongest(tiers) -> str | None:
    """Return the strongest tier of an iterable of tier keys, or None when empty."""
    ranked = [t for t in tiers if t in TIER_RANK]
    return min(ranked, key=TIER_RANK.__getitem__) if ranked else None
