"""Figures of the reports: pure functions from DataFrames to matplotlib Figures.

Every chart is drawn with the fixed style of ``data/style.yaml`` (font,
sizes, tier colours strongest = darkest, category orders) on a bare
:class:`matplotlib.figure.Figure` with the Agg canvas: no pyplot, no global
state, so figures are safe to build anywhere and the same DataFrame always
gives the same PNG and SVG bytes (:func:`save_figure`). A frame with no
claims gives a figure that says so instead of raising.
"""
from __future__ import annotations

import io
import math
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import summaries
from .style import load_style, order, tier_color

EMPTY_MESSAGE = "no claims match the filters"
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None}


def rc_params() -> dict:
    """The matplotlib settings every figure is drawn and saved with."""
    style = load_style()
    return {
        "font.family": style["font"]["family"],
        "font.size": style["font"]["size"],
        "axes.titlesize": style["font"]["size"] + 1,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "legend.frameon": False,
        "legend.fontsize": style["font"]["size"] - 1,
        "figure.dpi": style["figure"]["dpi"],
        "savefig.dpi": style["figure"]["dpi"],
        "svg.hashsalt": style["svg_hashsalt"],
        "svg.fonttype": "none",
        "image.cmap": style["heatmap_cmap"],
    }


def _text_width(labels, size: float) -> float:
    """Estimated width in inches of the longest label at font ``size`` (DejaVu Sans, ~0.6 em a glyph)."""
    longest = max((len(str(label)) for label in labels), default=0)
    return longest * size * 0.6 / 72


def _figure(rows: int = 0, left_labels=(), bottom_labels=(), legend_labels=(), legend_pad: float = 0.55,
            rotate_bottom: bool = False, width: float | None = None) -> Figure:
    """A new figure of the style's size with margins fitted to its labels.

    Margins are computed from the label lengths instead of by matplotlib's
    constrained layout, which measures every text again on every save and
    doubled the cost of a figure. Taller with more rows, wider when the
    labels and the legend need it.
    """
    style = load_style()
    size, font = style["figure"], style["font"]["size"]
    left = _text_width(left_labels, font) + 0.25 if left_labels else 0.5
    right = (_text_width(legend_labels, font - 1) + legend_pad + 0.2) if legend_labels else 0.35
    if rotate_bottom:
        bottom = _text_width(bottom_labels, font) * 0.6 + 0.45
    else:
        bottom = 0.55
    top = 0.45
    plot_width = max((width or size["width"]) - left - right, 3.0)
    fig_width = left + plot_width + right
    height = max(size["height"], top + bottom + max(rows, 1) * size["row_height"] + 0.3)
    fig = Figure(figsize=(fig_width, height), dpi=size["dpi"])
    fig.subplots_adjust(left=left / fig_width, right=1 - right / fig_width, bottom=bottom / height,
                        top=1 - top / height)
    FigureCanvasAgg(fig)
    return fig


def _empty(title: str) -> Figure:
    """A figure holding only its title and the words 'no claims match the filters'."""
    with matplotlib.rc_context(rc_params()):
        fig = Figure(figsize=(load_style()["figure"]["width"], 1.6), dpi=load_style()["figure"]["dpi"])
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.02, 0.05, 0.96, 0.8))
        ax.set_axis_off()
        ax.set_title(title)
        ax.text(0.5, 0.5, EMPTY_MESSAGE, ha="center", va="center", fontsize=11, color="#555555",
                transform=ax.transAxes)
    return fig


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _tier_legend(ax, tiers: list[str]) -> None:
    style = load_style()
    handles = [Patch(facecolor=tier_color(t), edgecolor=style["edge_color"], linewidth=0.4, label=t)
               for t in tiers]
    if handles:
        ax.legend(handles=handles, title="evidence tier", loc="upper left", bbox_to_anchor=(1.01, 1.0))


def _stacked_barh(table: pd.DataFrame, label_col: str, title: str, xlabel: str) -> Figure:
    """Horizontal bars, one per row of ``table``, stacked by its evidence-tier columns."""
    tiers_all = list(order("evidence_tier"))
    if table.empty or int(table[tiers_all].to_numpy().sum()) == 0:
        return _empty(title)
    style = load_style()
    labels = table[label_col].astype(str).tolist()
    tiers = [t for t in tiers_all if int(table[t].sum()) > 0]
    with matplotlib.rc_context(rc_params()):
        fig = _figure(rows=len(labels), left_labels=labels, legend_labels=tiers + ["evidence tier"])
        ax = fig.add_subplot()
        y = np.arange(len(labels))
        left = np.zeros(len(labels))
        for tier in tiers:
            values = table[tier].to_numpy(dtype=float)
            ax.barh(y, values, left=left, color=tier_color(tier), edgecolor=style["edge_color"],
                    linewidth=0.4, height=0.7)
            left += values
        for yi, total in zip(y, left):
            if total:
                ax.text(total, yi, f" {int(total)}", va="center", ha="left",
                        fontsize=style["font"]["size"] - 1)
        ax.set_yticks(y, labels)
        ax.set_ylim(len(labels) - 0.5, -0.5)
        ax.set_xlim(0, max(left.max() * 1.12, 1))
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        ax.xaxis.grid(True, color=style["grid_color"], linewidth=0.6)
        ax.set_axisbelow(True)
        _tier_legend(ax, tiers)
    return fig


def _heatmap(table: pd.DataFrame, row_col: str, cols: list[str], title: str, xlabel: str) -> Figure:
    """Counts of ``table[cols]`` as a shaded grid with the number written in every non-empty cell."""
    if table.empty or not cols or int(table[cols].to_numpy().sum()) == 0:
        return _empty(title)
    style = load_style()
    values = table[cols].to_numpy(dtype=float)
    rows = table[row_col].astype(str).tolist()
    with matplotlib.rc_context(rc_params()):
        fig = _figure(rows=len(rows), left_labels=rows, bottom_labels=cols, rotate_bottom=True,
                      width=max(load_style()["figure"]["width"], 2.5 + 0.55 * len(cols)))
        ax = fig.add_subplot()
        vmax = max(values.max(), 1)
        ax.imshow(values, aspect="auto", cmap=style["heatmap_cmap"], vmin=0, vmax=vmax,
                  interpolation="nearest")
        for (i, j), v in np.ndenumerate(values):
            if v:
                ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=style["font"]["size"] - 1,
                        color="white" if v > vmax * 0.6 else "black")
        ax.set_xticks(range(len(cols)), cols, rotation=40, ha="right")
        ax.set_yticks(range(len(rows)), rows)
        ax.set_xticks(np.arange(-0.5, len(cols)), minor=True)
        ax.set_yticks(np.arange(-0.5, len(rows)), minor=True)
        ax.grid(which="minor", color="white", linewidth=1.0)
        ax.tick_params(which="minor", length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
    return fig


# ---------------------------------------------------------------------------- the charts

def claims_by_cell_source(claims: pd.DataFrame) -> Figure:
    """Claims per cell source, stacked by evidence tier (a claim naming two sources counts under each)."""
    return _stacked_barh(summaries.count_by_tier(claims, "cell_source"), "cell_source",
                         "Claims by cell source", "claims")


def claims_by_application(claims: pd.DataFrame) -> Figure:
    """Claims per application, stacked by evidence tier."""
    return _stacked_barh(summaries.count_by_tier(claims, "application"), "application",
                         "Claims by application", "claims")


def claims_by_year(claims: pd.DataFrame, documents: pd.DataFrame) -> Figure:
    """Claims per publication year, stacked by evidence tier: the field's evidence over time."""
    table = summaries.claims_by_year(claims, documents)
    if table.empty:
        return _empty("Claims by year: no publication years in this corpus")
    return _stacked_barh(table, "year", "Claims by publication year (oldest first)", "claims")


def claims_by_tier(claims: pd.DataFrame) -> Figure:
    """Claims per evidence tier, strongest at the top, each bar in its tier's colour."""
    title = "Claims by evidence tier (strongest first)"
    counts = summaries.tier_counts(claims)
    if counts["claims"].sum() == 0:
        return _empty(title)
    table = pd.DataFrame({"evidence_tier": counts["evidence_tier"]})
    for tier in order("evidence_tier"):
        table[tier] = np.where(counts["evidence_tier"] == tier, counts["claims"], 0)
    return _stacked_barh(table, "evidence_tier", title, "claims")


def routes(claims: pd.DataFrame) -> Figure:
    """Claims per route of administration, stacked by evidence tier."""
    return _stacked_barh(summaries.route_table(claims), "route", "Route of administration", "claims")


def outcome_directions(claims: pd.DataFrame) -> Figure:
    """Claims per outcome and direction (``collagen: up``), stacked by evidence tier."""
    table = summaries.outcome_direction_table(claims)
    table.insert(0, "label", table["outcome"] + ": " + table["direction"])
    return _stacked_barh(table, "label", "Outcomes and their direction", "claims")


def claims_per_document(claims: pd.DataFrame, documents: pd.DataFrame) -> Figure:
    """Claims per document (file name), stacked by evidence tier."""
    return _stacked_barh(summaries.claims_per_document(claims, documents), "doc", "Claims per document",
                         "claims")


def hedging_by_tier(claims: pd.DataFrame) -> Figure:
    """Heatmap of hedging (rows) x evidence tier (columns)."""
    table = summaries.hedging_by_tier(claims)
    return _heatmap(table, "hedging", list(order("evidence_tier")), "Hedging (rows) by evidence tier",
                    "evidence tier")


def outcomes_by_cell_source(claims: pd.DataFrame) -> Figure:
    """Heatmap of outcome (rows) x cell source (columns)."""
    table = summaries.outcomes_by_cell_source(claims)
    cols = [c for c in table.columns if c not in ("outcome", "total")]
    return _heatmap(table, "outcome", cols, "Outcomes (rows) by cell source", "cell source")


def reference_designs(claims: pd.DataFrame, citations: pd.DataFrame, references: pd.DataFrame) -> Figure:
    """Claims citing references of each design, in the design's tier colour."""
    title = "Design of the cited studies"
    table = summaries.cited_designs(claims, citations, references)
    if table.empty:
        return _empty(title)
    style = load_style()
    with matplotlib.rc_context(rc_params()):
        fig = _figure(rows=len(table), left_labels=table["design"].tolist())
        ax = fig.add_subplot()
        y = np.arange(len(table))
        ax.barh(y, table["citing_claims"], color=[tier_color(d) for d in table["design"]],
                edgecolor=style["edge_color"], linewidth=0.4, height=0.7)
        for yi, claims_n, refs_n in zip(y, table["citing_claims"], table["references"]):
            ax.text(claims_n, yi, f" {_plural(claims_n, 'claim')}, {_plural(refs_n, 'reference')}",
                    va="center", ha="left", fontsize=style["font"]["size"] - 1)
        ax.set_yticks(y, table["design"].tolist())
        ax.set_ylim(len(table) - 0.5, -0.5)
        ax.set_xlim(0, max(table["citing_claims"].max() * 1.35, 1))
        ax.set_xlabel("claims citing a reference of this design")
        ax.set_title(title, loc="left")
    return fig


def gap_map(claims: pd.DataFrame) -> Figure:
    """Evidence gap map: cell source (rows) x application (columns).

    Marker area grows with the number of claims, colour is the strongest tier
    present; every empty pair keeps its grid cell, so gaps are visible.
    """
    title = "Evidence gap map: cell source x application"
    table = summaries.gap_map_table(claims)
    if table.empty or table["claims"].sum() == 0:
        return _empty(title)
    style = load_style()
    sources = list(dict.fromkeys(table["cell_source"]))
    apps = list(dict.fromkeys(table["application"]))
    filled = table[table["claims"] > 0]
    biggest = int(filled["claims"].max())
    area = lambda n: 40 + 560 * math.sqrt(n / biggest)  # noqa: E731 - marker area in points^2
    with matplotlib.rc_context(rc_params()):
        legend_labels = [*order("evidence_tier"), "strongest tier / claims"]
        fig = _figure(rows=len(sources) * 1.4, left_labels=sources, bottom_labels=apps, rotate_bottom=True,
                      legend_labels=legend_labels, legend_pad=0.9, width=style["figure"]["width"] + 1.5)
        ax = fig.add_subplot()
        ax.set_facecolor("#fafafa")
        x = filled["application"].map(apps.index).to_numpy()
        y = filled["cell_source"].map(sources.index).to_numpy()
        ax.scatter(x, y, s=[area(n) for n in filled["claims"]],
                   c=[tier_color(t) for t in filled["strongest_tier"]],
                   edgecolors=style["edge_color"], linewidths=0.5, zorder=3)
        for xi, yi, n in zip(x, y, filled["claims"]):
            ax.annotate(str(n), (xi, yi), xytext=(9, 6), textcoords="offset points",
                        fontsize=style["font"]["size"] - 2, color="#333333", zorder=4)
        ax.set_xticks(range(len(apps)), apps, rotation=40, ha="right")
        ax.set_yticks(range(len(sources)), sources)
        ax.set_xticks(np.arange(-0.5, len(apps)), minor=True)
        ax.set_yticks(np.arange(-0.5, len(sources)), minor=True)
        ax.grid(which="minor", color=style["grid_color"], linewidth=0.8)
        ax.tick_params(which="minor", length=0)
        ax.set_xlim(-0.5, len(apps) - 0.5)
        ax.set_ylim(len(sources) - 0.5, -0.5)
        ax.set_title(title, loc="left")
        tiers = [t for t in order("evidence_tier") if t in set(filled["strongest_tier"])]
        handles = [Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=tier_color(t),
                          markeredgecolor=style["edge_color"], label=t) for t in tiers]
        sizes = sorted({1, biggest} | ({max(1, biggest // 2)} if biggest > 2 else set()))
        handles += [Line2D([], [], marker="o", linestyle="", color="#bbbbbb",
                           markeredgecolor=style["edge_color"], markersize=math.sqrt(area(n)),
                           label=_plural(n, "claim"))
                    for n in sizes]
        ax.legend(handles=handles, title="strongest tier / claims", loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), labelspacing=1.1)
    return fig


# ---------------------------------------------------------------------------- output

def render_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, without the Software stamp (same figure, same bytes)."""
    buf = io.BytesIO()
    with matplotlib.rc_context(rc_params()):
        fig.savefig(buf, format="png", metadata=PNG_METADATA)
    return buf.getvalue()


def render_svg(fig: Figure) -> bytes:
    """The figure as SVG bytes, without a date and with ids from a fixed salt."""
    buf = io.BytesIO()
    with matplotlib.rc_context(rc_params()):
        fig.savefig(buf, format="svg", metadata=SVG_METADATA)
    return buf.getvalue()


def save_figure(fig: Figure, stem: str | Path) -> bytes:
    """Write ``<stem>.png`` and ``<stem>.svg`` (folders created) and return the PNG bytes."""
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    png = render_png(fig)
    stem.with_name(stem.name + ".png").write_bytes(png)
    stem.with_name(stem.name + ".svg").write_bytes(render_svg(fig))
    return png
