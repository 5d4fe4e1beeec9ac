"""What a notebook cell shows and writes: one figure or one table, saved beside the report.

``show_figure`` and ``show_table`` display their object and, when the
notebook's ``output_dir`` parameter is set (the report runner sets it), also
write ``<output_dir>/figures/<stem>.png|.svg`` or ``<output_dir>/tables/<stem>.csv``.
Run by hand with ``output_dir = ""`` they only display. Tables render as
escaped HTML (document text is untrusted) and as plain text, the form nbval
compares.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .plots import render_png, save_figure


class Table:
    """A DataFrame shown without its index: escaped HTML for people, fixed text for nbval."""

    def __init__(self, df: pd.DataFrame):
        self.df = df

    def _repr_html_(self) -> str:
        if self.df.empty:
            return "<p><em>(no rows)</em></p>"
        return self.df.to_html(index=False, escape=True, border=0, na_rep="", classes="dataframe")

    def __repr__(self) -> str:
        if self.df.empty:
            return "(no rows)"
        return self.df.to_string(index=False, na_rep="")


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write a table as CSV (UTF-8, no index, '\\n' line ends), creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def show_table(df: pd.DataFrame, stem: str | None = None, output_dir: str | Path | None = None) -> Table:
    """Display ``df``; with a ``stem`` and an ``output_dir`` also write it to ``tables/<stem>.csv`` there."""
    if stem and output_dir:
        write_table(df, Path(output_dir) / "tables" / f"{stem}.csv")
    return Table(df)


def show_figure(fig, stem: str, output_dir: str | Path | None = None):
    """Display ``fig`` as PNG; with an ``output_dir`` also write ``figures/<stem>.png`` and ``.svg`` there."""
    from IPython.display import Image

    png = save_figure(fig, Path(output_dir) / "figures" / stem) if output_dir else render_png(fig)
    return Image(data=png, format="png")
