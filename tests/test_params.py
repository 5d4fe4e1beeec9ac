"""Parameter sets: normalised fields, one-line errors naming file, field and valid keys; exit code 2."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from exoreview.errors import ParamsError
from exoreview.params import NOTEBOOK_PARAMETERS, check_notebooks, load_params
from exoreview.report import find_notebooks, run_report
from exoreview.taxonomy import CELL_SOURCES

from .report_support import NOTEBOOKS, REPO


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_parameter_sets_are_valid():
    names = sorted(p.stem for p in (REPO / "params").glob("*.yaml"))
    assert names == ["adipose_msc", "default", "peer_reviewed_only", "skin_aging", "wound_healing"]
    sets = {n: load_params(REPO / "params" / f"{n}.yaml") for n in names}
    assert sets["adipose_msc"]["cell_source"] == ["adipose_msc"]
    assert sets["skin_aging"]["application"] == ["skin_aging"]
    assert sets["peer_reviewed_only"]["source_kind"] == ["peer_reviewed_review", "primary_research"]
    assert sets["default"]["cell_source"] == [] and sets["default"]["include_duplicates"] is False


def test_defaults_and_normalisation(tmp_path):
    p = load_params(write(tmp_path, "mine.yaml", "cell_source: plant\nevidence_tier: [rct, rct, animal]\n"))
    assert p["name"] == "mine" and p["title"] == "mine" and p["corpus"] is None
    assert p["cell_source"] == ["plant"] and p["evidence_tier"] == ["rct", "animal"]
    assert p["application"] == [] and p["include_duplicates"] is False
    assert load_params(write(tmp_path, "empty.yaml", ""))["source_kind"] == []


@pytest.mark.parametrize("text, message", [
    ("cell_source: [adipose]\n",
     "bad.yaml: cell_source: unknown value 'adipose'; valid keys: " + ", ".join(CELL_SOURCES)),
    ("cellsource: [adipose_msc]\n",
     "bad.yaml: unknown field 'cellsource'; valid fields: title, corpus, cell_source, application, "
     "evidence_tier, source_kind, include_duplicates"),
    ("application: [skin_aging, acne]\n",
     "bad.yaml: application: unknown value 'acne'; valid keys: skin_aging,"),
    ("include_duplicates: maybe\n", "bad.yaml: include_duplicates: expected true or false, got 'maybe'"),
    ("evidence_tier: {rct: 1}\n", "bad.yaml: evidence_tier: expected a key or a list of keys"),
    ("- a\n- b\n", "bad.yaml: expected a mapping of fields"),
    ("cell_source: [adipose_msc\n", "bad.yaml: line 2: not valid YAML"),
])
def test_errors_name_file_field_and_keys(tmp_path, text, message):
    with pytest.raises(ParamsError) as err:
        load_params(write(tmp_path, "bad.yaml", text))
    line = str(err.value)
    assert "\n" not in line
    assert message in line
    assert err.value.exit_code == 2


def test_missing_file_and_bad_name(tmp_path):
    with pytest.raises(ParamsError, match="no such parameter file"):
        load_params(tmp_path / "absent.yaml")
    with pytest.raises(ParamsError, match="file name must be letters"):
        load_params(write(tmp_path, "two words.yaml", ""))


def test_repository_notebooks_declare_every_parameter():
    notebooks = find_notebooks(NOTEBOOKS)
    assert [nb.stem for nb in notebooks] == ["01_corpus_overview", "02_evidence_summary", "03_claim_audit",
                                             "04_outcomes", "05_references"]
    check_notebooks(notebooks)  # raises if a parameters cell lacks a name


def test_notebook_missing_a_parameter_is_refused(tmp_path):
    nb = json.loads((NOTEBOOKS / "03_claim_audit.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell["source"] = [line for line in cell["source"] if not line.startswith("application")]
    path = tmp_path / "03_claim_audit.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(ParamsError, match="the parameters cell does not define application"):
        check_notebooks([path])
    assert "application" in NOTEBOOK_PARAMETERS


def test_run_report_validates_before_running(tmp_path):
    bad = write(tmp_path, "bad.yaml", "cell_source: [adipose]\n")
    out = tmp_path / "reports"
    with pytest.raises(ParamsError, match="cell_source: unknown value 'adipose'"):
        run_report([bad], tmp_path / "no-corpus", out, jobs=1, quiet=True, notebooks_dir=NOTEBOOKS)
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_cli_bad_params_exit_2_one_line(tmp_path):
    bad = write(tmp_path, "bad.yaml", "cell_source: [adipose]\n")
    run = subprocess.run([sys.executable, "-m", "exoreview.cli", "report", "--params", str(bad),
                          "--out", str(tmp_path / "reports")], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert ("bad.yaml: cell_source: unknown value 'adipose'; valid keys: adipose_msc, umbilical_cord_msc"
            in lines[0])
    assert not (tmp_path / "reports").exists()
