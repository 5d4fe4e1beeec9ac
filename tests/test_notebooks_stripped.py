"""The committed notebooks: outputs only on nbval-checked cells (with their counts), and the house layout."""
from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from exoreview.params import NOTEBOOK_PARAMETERS

from .report_support import NOTEBOOKS, REPO

sys.path.insert(0, str(REPO / "tools"))
import strip_notebooks  # noqa: E402

PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_there_are_five_notebooks():
    assert [p.stem for p in PATHS] == ["01_corpus_overview", "02_evidence_summary", "03_claim_audit",
                                       "04_outcomes", "05_references"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_only_checked_cells_carry_outputs(path):
    for cell in code_cells(load(path)):
        if not strip_notebooks.is_checked(cell):
            assert cell["outputs"] == [], f"{path.name}: unchecked cell has outputs: {cell['source'][:2]}"
            assert cell["execution_count"] is None, f"{path.name}: unchecked cell has a count"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_checked_cells_have_output_and_count(path):
    checked = [c for c in code_cells(load(path)) if strip_notebooks.is_checked(c)]
    assert checked, f"{path.name}: no cell marked # NBVAL_CHECK_OUTPUT"
    for cell in checked:
        assert isinstance(cell["execution_count"],
                          int), f"{path.name}: checked cell without a count (nbval skips it)"
        texts = [o.get("data", {}).get("text/plain") for o in cell["outputs"]]
        assert any(texts), f"{path.name}: checked cell without a text output"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_layout_question_then_literal_parameters(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "exoreview"
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "**Question:**" in "".join(first["source"])
    second = nb["cells"][1]
    assert second["cell_type"] == "code" and second["metadata"].get("tags") == ["parameters"]
    names = []
    for node in ast.parse("".join(second["source"])).body:
        assert isinstance(node, ast.Assign), f"{path.name}: parameters cell holds more than assignments"
        ast.literal_eval(node.value)  # literals only
        names += [t.id for t in node.targets]
    assert names == list(NOTEBOOK_PARAMETERS)


def test_strip_rules_on_a_sample():
    nb = {"metadata": {"kernelspec": {"name": "exoreview"}, "language_info": {"name": "python",
                                                                              "version": "3"},
                       "papermill": {}},
          "cells": [
              {"cell_type": "code", "source": "x = 1", "metadata": {"papermill": {}, "tags": ["parameters"]},
               "execution_count": 3, "outputs": [{"output_type": "stream", "name": "stdout", "text": "1"}]},
              {"cell_type": "code", "source": "# NBVAL_CHECK_OUTPUT\nx", "metadata": {"execution": {}},
               "execution_count": 4, "outputs": [{"output_type": "execute_result", "execution_count": 4,
                                                  "data": {"text/plain": "1"}, "metadata": {}}]},
              {"cell_type": "markdown", "source": "# t", "metadata": {}},
          ]}
    out = strip_notebooks.strip(nb)
    assert out["metadata"] == {"kernelspec": {"name": "exoreview"}, "language_info": {"name": "python"}}
    assert out["cells"][0]["outputs"] == [] and out["cells"][0]["execution_count"] is None
    assert out["cells"][0]["metadata"] == {"tags": ["parameters"]}
    assert out["cells"][1]["execution_count"] == 4
    assert out["cells"][1]["outputs"][0]["data"] == {"text/plain": "1"}
    assert nb["cells"][0]["outputs"]  # input untouched
    assert strip_notebooks.strip(out) == out


def test_committed_notebooks_are_already_stripped():
    run = subprocess.run([sys.executable, str(REPO / "tools" / "strip_notebooks.py"), "--check", *map(str,
                                                                                                      PATHS)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
