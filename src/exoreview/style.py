"""The fixed look of reports: ``data/style.yaml`` loaded once and checked against the taxonomy."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from . import taxonomy

# Field of style.yaml's "orders" -> the taxonomy keys it must list, each exactly once.
TAXONOMY_KEYS: dict[str, tuple[str, ...]] = {
    "evidence_tier": taxonomy.EVIDENCE_TIERS,
    "cell_source": taxonomy.CELL_SOURCES,
    "application": taxonomy.APPLICATIONS,
    "outcomes": taxonomy.OUTCOMES,
    "direction": taxonomy.DIRECTIONS,
    "route": taxonomy.ROUTES,
    "hedging": taxonomy.HEDGING,
    "source_kind": taxonomy.SOURCE_KINDS,
}


@lru_cache(maxsize=1)
def load_style() -> dict:
    """Return the parsed style.yaml; raise ValueError when an order or colour misses a key."""
    text = resources.files("exoreview").joinpath("data/style.yaml").read_text(encoding="utf-8")
    style = yaml.safe_load(text)
    for field, keys in TAXONOMY_KEYS.items():
        order = style["orders"].get(field, [])
        if sorted(order) != sorted(keys):
            raise ValueError(f"style.yaml: orders.{field} must list exactly the keys {', '.join(keys)}")
    if sorted(style["tier_colors"]) != sorted(taxonomy.EVIDENCE_TIERS):
        raise ValueError("style.yaml: tier_colors needs one colour per evidence tier")
    return style


def order(field: str) -> tuple[str, ...]:
    """Display order of a field's keys (strongest tier first, then taxonomy order)."""
    return tuple(load_style()["orders"][field])


def tier_color(tier: str) -> str:
    """Colour of an evidence tier; the neutral colour for anything else."""
    style = load_style()
    return style["tier_colors"].get(tier, style["none_color"])
