"""Figures: fixed style, tier colours from the YAML, empty frames, and byte-identical PNG/SVG output."""
from __future__ import annotations

import re

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from exoreview import plots as P
from exoreview import summaries as S
from exoreview.style import load_style, order
from exoreview.taxonomy import EVIDENCE_TIERS

from .report_support import synthetic_corpus


@pytest.fixture(scope="module")
def corpus():
    return synthetic_corpus()


@pytest.fixture(scope="module")
def claims(corpus):
    return S.filter_claims(corpus)


def all_figures(claims, corpus):
    return {
        "cell_source": P.claims_by_cell_source(claims),
        "tier": P.claims_by_tier(claims),
        "application": P.claims_by_application(claims),
        "gap_map": P.gap_map(claims),
        "hedging": P.hedging_by_tier(claims),
        "outcomes": P.outcome_directions(claims),
        "outcomes_by_source": P.outcomes_by_cell_source(claims),
        "routes": P.routes(claims),
        "references": P.reference_designs(claims, corpus.citations, corpus.references),
        "per_document": P.claims_per_document(claims, corpus.documents),
    }


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


def test_style_orders_match_taxonomy_and_tiers_darken_with_strength():
    style = load_style()
    assert order("evidence_tier") == EVIDENCE_TIERS
    def lightness(hex_colour):
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    values = [lightness(style["tier_colors"][t]) for t in EVIDENCE_TIERS]
    assert values == sorted(values), "strong tiers must be darker than weak ones"


def test_every_figure_is_a_figure_with_a_title(claims, corpus):
    for name, fig in all_figures(claims, corpus).items():
        assert isinstance(fig, Figure), name
        assert fig.axes[0].get_title(loc="left"), name


def test_tier_chart_order_and_colours(claims):
    fig = P.claims_by_tier(claims)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(EVIDENCE_TIERS)
    bars = [p for p in ax.patches if p.get_width() > 0]
    colours = {to_hex(p.get_facecolor()) for p in bars}
    expected = {load_style()["tier_colors"][t] for t in ("rct", "clinical_study", "animal", "in_vitro",
                                                          "narrative_review", "expert_opinion")}
    assert colours == expected
    # totals written at the bar ends
    assert {"1", "2"} <= {t.get_text().strip() for t in ax.texts}


def test_stacked_chart_totals(claims):
    fig = P.claims_by_cell_source(claims)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "adipose_msc" and labels[-1] == "(none)"
    widths: dict[float, float] = {}
    for p in ax.patches:
        widths[p.get_y()] = widths.get(p.get_y(), 0) + p.get_width()
    assert sorted(widths.values(), reverse=True)[:2] == [3.0, 2.0]


def test_gap_map_marks_filled_cells_and_keeps_grid(claims):
    fig = P.gap_map(claims)
    ax = fig.axes[0]
    offsets = ax.collections[0].get_offsets()
    assert len(offsets) == 9  # filled (cell source, application) pairs
    assert len(ax.get_yticklabels()) == 12 and len(ax.get_xticklabels()) == 10  # empty cells keep their place


def test_empty_frames_give_a_message(corpus):
    empty = S.filter_claims(corpus, cell_source=["bacterial"])
    for name, fig in all_figures(empty, corpus).items():
        assert P.EMPTY_MESSAGE in texts(fig), name
        assert P.render_png(fig).startswith(b"\x89PNG"), name


def test_png_and_svg_are_deterministic(tmp_path, claims, corpus):
    first = all_figures(claims, corpus)
    second = all_figures(claims, corpus)
    for name in first:
        png_a = P.save_figure(first[name], tmp_path / "a" / name)
        png_b = P.save_figure(second[name], tmp_path / "b" / name)
        assert png_a == png_b, name
        assert (tmp_path / "a" / f"{name}.png").read_bytes() == png_a
        svg_a = (tmp_path / "a" / f"{name}.svg").read_bytes()
        assert svg_a == (tmp_path / "b" / f"{name}.svg").read_bytes(), name


def test_no_timestamps_or_software_stamp(claims):
    fig = P.gap_map(claims)
    png = P.render_png(fig)
    assert b"Software" not in png and b"matplotlib version" not in png
    svg = P.render_svg(fig).decode()
    assert "<dc:date>" not in svg
    assert not re.search(r"20\d\d-\d\d-\d\dT", svg)
