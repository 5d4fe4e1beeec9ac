"""Test data for the report suite: a synthetic Corpus in memory, and one small report built once.

Kept out of conftest.py (the engine's) and imported by the report tests. The
report is built at most once per test process (cached by ``built_report``),
because starting Jupyter kernels is the slow part.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from exoreview.schema import columns
from exoreview.tables import BOOL_COLUMNS, INT_COLUMNS, frame as _frame

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
SCRIPT_TEXT = "<script>alert(1)</script>"


def frame(table: str, records: list[dict]):
    """A schema-typed table from records; missing fields are empty (0 / False for numbers / flags)."""
    blank = {c: 0 if c in INT_COLUMNS else False if c in BOOL_COLUMNS else "" for c in columns(table)}
    return _frame(table, [blank | r for r in records])


def claim(i: int, doc: str, **fields) -> dict:
    """One claims-table record with neutral defaults."""
    doc_id = "d" + doc[0] * 12
    record = {
        "claim_id": f"{doc_id}:c{i}", "sentence_id": f"{doc_id}:s{i}", "doc_id": doc_id,
        "article_id": f"{doc_id}:a0", "doc": doc, "sentence": f"Sentence {i}.", "cell_source": "",
        "evidence_tier": "expert_opinion", "tier_step": "fallback", "tier_reason": "", "application": "",
        "outcomes": "", "route": "unspecified", "hedging": "plain", "cites": "", "implicit_subject": False,
        "source_kind": "peer_reviewed_review" if doc.startswith("a") else "vendor_marketing",
        "duplicate": False,
    }
    record.update(fields)
    return record


def synthetic_corpus() -> SimpleNamespace:
    """A Corpus-like object: three documents, nine claims (one duplicate), three references.

    Expected numbers used by the tests (duplicates excluded): 8 claims in 2
    documents; resolved citations c1, c2, c5, c9; emphatic c4, c5, c6, c8, c9;
    likely overclaims c4 (expert opinion), c5 (in vitro), c6 (narrative
    review, nothing behind it), c8 (expert opinion); c9 is emphatic but a
    clinical study with a resolved citation.
    """
    a, b, c = "a_review.txt", "b_vendor.html", "c_scan.pdf"
    documents = frame("documents", [
        {"doc_id": "d" + "a" * 12, "doc": a, "format": "txt", "title": "A review",
         "source_kind": "peer_reviewed_review",
         "design": "", "status": "ok", "encoding": "utf-8", "n_articles": 1, "n_sentences": 10, "n_claims": 4,
         "duplicate_of": "", "bytes": 100},
        {"doc_id": "d" + "b" * 12, "doc": b, "format": "html", "title": "Vendor <b>page</b>",
         "source_kind": "vendor_marketing", "design": "", "status": "ok", "encoding": "utf-8",
         "n_articles": 2,
         "n_sentences": 12, "n_claims": 5, "duplicate_of": "", "bytes": 200},
        {"doc_id": "d" + "c" * 12, "doc": c, "format": "pdf", "title": "", "source_kind": "trade_magazine",
         "design": "", "status": "skipped: unsupported format", "encoding": "", "n_articles": 0,
         "n_sentences": 0,
         "n_claims": 0, "duplicate_of": "", "bytes": 300},
    ])
    articles = frame("articles", [
        {"article_id": "d" + "a" * 12 + ":a0", "doc_id": "d" + "a" * 12, "doc": a, "index": 0,
         "title": "A review"},
        {"article_id": "d" + "b" * 12 + ":a0", "doc_id": "d" + "b" * 12, "doc": b, "index": 0,
         "title": "Vendor"},
        {"article_id": "d" + "b" * 12 + ":a1", "doc_id": "d" + "b" * 12, "doc": b, "index": 1,
         "title": "Reprint",
         "duplicate_of": "d" + "a" * 12 + ":a0"},
    ])
    claims = frame("claims", [
        claim(1, a, cell_source="adipose_msc", evidence_tier="rct", tier_step="cited_reference",
              application="skin_aging;scarring", outcomes="collagen:up;wrinkles:down", route="topical",
              cites="1"),
        claim(2, a, cell_source="adipose_msc;umbilical_cord_msc", evidence_tier="animal",
              tier_step="cited_reference",
              application="wound_healing", outcomes="wound_closure:up", route="injection", hedging="hedged",
              cites="2"),
        claim(3, a, evidence_tier="narrative_review", cites="9"),
        claim(4, b, cell_source="unspecified", application="skin_aging", outcomes="collagen:up",
              route="topical",
              hedging="emphatic"),
        claim(5, b, cell_source="plant", evidence_tier="in_vitro", tier_step="sentence_design",
              application="pigmentation", outcomes="pigmentation:down", route="topical", hedging="emphatic",
              cites="ref:Smith"),
        claim(6, b, cell_source="umbilical_cord_msc", evidence_tier="narrative_review",
              application="skin_aging",
              hedging="emphatic"),
        claim(7, b, cell_source="adipose_msc", evidence_tier="rct", application="skin_aging",
              hedging="emphatic",
              article_id="d" + "b" * 12 + ":a1", duplicate=True),
        claim(8, b, sentence=f"Exosomes {SCRIPT_TEXT} cure everything.", cell_source="unspecified",
              application="wound_healing", hedging="emphatic"),
        claim(9, a, cell_source="umbilical_cord_msc", evidence_tier="clinical_study",
              tier_step="cited_reference",
              application="hair_loss", outcomes="hair_growth:up", route="injection", hedging="emphatic",
              cites="1"),
    ])
    references = frame("references", [
        {"reference_id": "d" + "a" * 12 + ":r0", "doc_id": "d" + "a" * 12, "label": "1", "kind": "numbered",
         "text": "Smith J. A randomized trial. 2020.", "year": "2020", "design": "rct"},
        {"reference_id": "d" + "a" * 12 + ":r1", "doc_id": "d" + "a" * 12, "label": "2", "kind": "numbered",
         "text": "Lee K. Exosomes in mice. 2019.", "year": "2019", "design": "animal"},
        {"reference_id": "d" + "b" * 12 + ":r0", "doc_id": "d" + "b" * 12, "label": "ref:Smith",
         "kind": "author_year", "text": "Smith (2021) Cell culture notes.", "year": "2021", "design": ""},
    ])
    citations = frame("citations", [
        {"claim_id": "d" + "a" * 12 + ":c1", "reference_id": "d" + "a" * 12 + ":r0", "doc_id": "d" + "a" * 12,
         "marker": "1"},
        {"claim_id": "d" + "a" * 12 + ":c2", "reference_id": "d" + "a" * 12 + ":r1", "doc_id": "d" + "a" * 12,
         "marker": "2"},
        {"claim_id": "d" + "b" * 12 + ":c5", "reference_id": "d" + "b" * 12 + ":r0", "doc_id": "d" + "b" * 12,
         "marker": "ref:Smith"},
        {"claim_id": "d" + "a" * 12 + ":c9", "reference_id": "d" + "a" * 12 + ":r0", "doc_id": "d" + "a" * 12,
         "marker": "1"},
    ])
    sentences = frame("sentences", [])
    return SimpleNamespace(documents=documents, articles=articles, sentences=sentences, claims=claims,
                           references=references, citations=citations, content_hash="0" * 64, root=Path("."))


# ---------------------------------------------------------------------------- a real, small report

HOSTILE_DOC = f"""Exosome skin boosters are a remarkable breakthrough {SCRIPT_TEXT}.

Adipose stem cell exosomes {SCRIPT_TEXT} are a proven, revolutionary cure for wrinkles and ageing skin.

Our clinic offers exosome facials with microneedling for a brighter, younger complexion.
"""

PARAM_SETS = {
    "hostile": "title: Hostile <b>input</b> check\n",
    "nothing": "title: Nothing matches\ncell_source: [bacterial]\ncorpus: {other}\n",
}
OTHER_DOC = "Plant exosomes brighten the skin.\n\nRose stem cell exosomes may reduce melanin in vitro.\n"

_built: dict[str, Path] = {}


def kernel_available() -> bool:
    """The report tests need the project's Jupyter kernel (``make test`` installs it)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("exoreview")
        return True
    except NoSuchKernel:
        return False


def require_kernel() -> None:
    """Skip the calling test when the exoreview kernel is not installed."""
    if not kernel_available():
        pytest.skip("Jupyter kernel 'exoreview' not installed (run `make test`)")


def built_report(tmp_path_factory) -> Path:
    """Build, once per test process, the report of all notebooks for two sets on a one-document corpus.

    Set ``hostile`` reads ``corpus/``, a document whose claim sentences hold a
    <script> tag; set ``nothing`` names its own corpus (``other/``, which
    wins over the report's corpus) and filters every claim out, so every
    notebook must cope with empty tables. Returns the reports folder.
    """
    if "root" in _built:
        return _built["root"]
    from exoreview.report import run_report

    require_kernel()
    base = tmp_path_factory.mktemp("report")
    os.environ.setdefault("EXOREVIEW_CACHE", str(base / "cache"))
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    (base / "other").mkdir()
    (base / "other" / "plant.txt").write_text(OTHER_DOC, encoding="utf-8")
    params = []
    for name, text in PARAM_SETS.items():
        path = base / f"{name}.yaml"
        path.write_text(text.replace("{other}", str(base / "other")), encoding="utf-8")
        params.append(path)
    out = base / "reports"
    assert run_report(params, corpus, out, jobs=2, quiet=True, notebooks_dir=NOTEBOOKS) == 0
    _built["root"] = out
    return out


def copy_notebooks(dest: Path, stems: list[str]) -> Path:
    """Copy some of the repository's notebooks into ``dest`` (made) and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        shutil.copy(NOTEBOOKS / f"{stem}.ipynb", dest / f"{stem}.ipynb")
    return dest
