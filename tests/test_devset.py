"""The dev set floors (skips when ../shared is absent)."""
from __future__ import annotations

import importlib.util

import pytest

from exoreview.pipeline import run

from .conftest import SHARED

# Issue 3 asks for at least: claim_f1 0.85, evidence_tier_acc 0.80, route_acc 0.92, hedging_acc 0.80,
# cell_source_exact 0.85, application_f1 0.80, outcomes_f1 0.70, source_kind_acc 1.0. The floors
# below are what the engine reaches (2026-11-23: 0.961, 0.99, 0.944, 0.98, 0.904, 0.882, 0.837, 1.0)
# less a small margin, so a regression shows; lower one only for a rule that generalises better.
FLOORS = {"claim_f1": 0.95, "evidence_tier_acc": 0.97, "route_acc": 0.93, "hedging_acc": 0.96,
          "cell_source_exact": 0.89, "application_f1": 0.87, "outcomes_f1": 0.82, "source_kind_acc": 1.0}


def _scorer():
    path = SHARED / "tools" / "score.py"
    if not path.is_file() or not (SHARED / "devset" / "corpus").is_dir():
        pytest.skip(f"shared dev set not found at {SHARED}")
    spec = importlib.util.spec_from_file_location("exoreview_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_devset_floors(tmp_path):
    score = _scorer()
    run([SHARED / "devset" / "corpus"], tmp_path / "pred", quiet=True)
    out, *_ = score.score(SHARED / "devset", tmp_path / "pred")
    below = {k: (out[k], floor) for k, floor in FLOORS.items() if out[k] < floor}
    assert not below, f"below the floor: {below}"
