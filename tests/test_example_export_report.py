"""The bundled example export runs through the whole report (issue 5)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from exoreview.report import run_report

REPO = Path(__file__).resolve().parents[1]


def test_example_export_reports_end_to_end(tmp_path):
    out = tmp_path / "reports"
    code = run_report([REPO / "params" / "default.yaml"], REPO / "data" / "examples" / "pubmed_export", out,
                      jobs=1, quiet=True)
    assert code == 0
    years = pd.read_csv(out / "default" / "tables" / "02_claims_by_year.csv", dtype={"year": str})
    assert years["year"].tolist() == sorted(years["year"].tolist()) and len(years) >= 5
    assert years["total"].sum() > 50
    assert (out / "default" / "figures" / "02_claims_by_year.png").is_file()
    assert "02_evidence_summary.html" in (out / "index.html").read_text(encoding="utf-8")
