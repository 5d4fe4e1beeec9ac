"""``exoreview report``: the tree it builds, escaping of document text, failures that keep the old tree."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from exoreview import load_corpus, plots, summaries
from exoreview.errors import ExoreviewError, ReportError
from exoreview.params import NOTEBOOK_PARAMETERS
from exoreview.report import run_report

from .report_support import HOSTILE_DOC, NOTEBOOKS, built_report, require_kernel

STEMS = ["01_corpus_overview", "02_evidence_summary", "03_claim_audit", "04_outcomes", "05_references"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return built_report(tmp_path_factory)


def test_tree_layout(report):
    assert sorted(p.name for p in report.iterdir()) == [".exoreview", "hostile", "index.html", "nothing"]
    for name in ("hostile", "nothing"):
        folder = report / name
        for stem in STEMS:
            assert (folder / f"{stem}.ipynb").is_file() and (folder / f"{stem}.html").is_file()
        pngs = sorted(p.stem for p in (folder / "figures").glob("*.png"))
        svgs = sorted(p.stem for p in (folder / "figures").glob("*.svg"))
        assert pngs == svgs and len(pngs) == 11
        assert {"02_gap_map", "02_claims_by_tier", "03_hedging_by_tier", "05_reference_designs"} <= set(pngs)
        assert (folder / "tables" / "02_summary.csv").is_file()
        assert (folder / "params.yaml").is_file()
    assert not [p for p in report.parent.iterdir() if p.name.startswith(".reports-")]  # build folder gone


def test_index_links_every_report_with_provenance(report):
    page = (report / "index.html").read_text(encoding="utf-8")
    for name in ("hostile", "nothing"):
        for stem in STEMS:
            assert f'href="{name}/{stem}.html"' in page and f'href="{name}/{stem}.ipynb"' in page
    corpus = load_corpus(report.parent / "corpus")
    other = load_corpus(report.parent / "other")  # named by the set "nothing": it wins over --corpus
    assert corpus.content_hash in page and other.content_hash in page
    nothing = page[page.index('id="nothing"'):]
    assert other.content_hash in nothing and corpus.content_hash not in nothing
    assert "exoreview version" in page and "0.1.0" in page
    assert "Hostile &lt;b&gt;input&lt;/b&gt; check" in page and "<b>input</b>" not in page
    assert "cell_source</th><td>bacterial" in page


def test_document_text_is_escaped_in_every_page(report):
    for page in report.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<script", text, re.I), f"{page} holds a script tag"
    audit = (report / "hostile" / "03_claim_audit.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in audit  # the flagged claim, shown as text
    overview = (report / "hostile" / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in overview  # the document title


def test_html_hides_code_and_fetches_nothing(report):
    page = (report / "hostile" / "02_evidence_summary.html").read_text(encoding="utf-8")
    assert "show_figure(" not in page and "load_corpus(" not in page
    assert "https://" not in re.sub(r"<style.*?</style>", "", page, flags=re.S)
    assert page.count('src="data:image/png;base64,') == 5
    assert 'href="../index.html"' in page


def test_tables_match_the_library_and_figures_are_identical(report):
    corpus = load_corpus(report.parent / "corpus")
    claims = summaries.filter_claims(corpus)
    assert len(claims) == 3
    got = pd.read_csv(report / "hostile" / "tables" / "02_claims_by_tier.csv")
    want = summaries.tier_counts(claims)
    assert got["claims"].tolist() == want["claims"].tolist() == [0, 0, 0, 0, 0, 0, 0, 0, 3]
    summary = pd.read_csv(report / "hostile" / "tables" / "02_summary.csv").set_index("metric")
    assert summary.loc["likely overclaims", "count"] == 2
    png = (report / "hostile" / "figures" / "02_claims_by_tier.png").read_bytes()
    assert png == plots.render_png(plots.claims_by_tier(claims))
    svg = (report / "hostile" / "figures" / "02_gap_map.svg").read_bytes()
    assert svg == plots.render_svg(plots.gap_map(claims))


def test_set_with_no_matching_claims_still_reports(report):
    counts = pd.read_csv(report / "nothing" / "tables" / "02_claims_by_tier.csv")
    assert counts["claims"].sum() == 0
    summary = pd.read_csv(report / "nothing" / "tables" / "02_summary.csv").set_index("metric")
    assert summary.loc["claims", "count"] == 0
    audit = (report / "nothing" / "03_claim_audit.html").read_text(encoding="utf-8")
    assert "<em>(no rows)</em>" in audit  # the flagged-claims table
    other = load_corpus(report.parent / "other")
    assert (report / "nothing" / "figures" / "02_gap_map.png").read_bytes() == plots.render_png(
        plots.gap_map(summaries.filter_claims(other, cell_source=["bacterial"])))
    overview = pd.read_csv(report / "nothing" / "tables" / "01_documents.csv")
    assert overview["doc"].tolist() == ["plant.txt"]


def test_executed_notebooks_point_at_the_final_folder(report):
    nb = nbformat.read(report / "nothing" / "02_evidence_summary.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert f'output_dir = "{report / "nothing"}"' in injected[0].source
    assert 'cell_source = ["bacterial"]' in injected[0].source
    assert ".reports-build" not in json.dumps(nb)
    assert not [c for c in nb.cells if "exoreview-reset" in c.metadata.get("tags", [])]
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # a fresh counter per notebook in the warm kernel


def test_executed_notebooks_print_nothing_unexpected(report):
    for path in report.glob("*/*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        streams = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type in ("stream", "error")]
        assert not streams, f"{path}: {streams[0]}"


def broken_notebook(path: Path, error: str = 'raise KeyError("boom")') -> Path:
    params = nbformat.v4.new_code_cell("\n".join(f"{p} = []" if p not in ("corpus", "output_dir",
                                                                        "include_duplicates") else f"{p} = ''"
                                                 for p in NOTEBOOK_PARAMETERS))
    params.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# broken"), params,
                                         nbformat.v4.new_code_cell(error)])
    nb.metadata["kernelspec"] = {"name": "exoreview", "display_name": "exoreview", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _corpus_and_params(tmp_path, name: str, params_text: str):
    """A one-document corpus (the hostile document) and one parameter file, in ``tmp_path``."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    params = tmp_path / f"{name}.yaml"
    params.write_text(params_text, encoding="utf-8")
    return corpus, params


def test_failed_notebook_keeps_previous_reports(tmp_path):
    require_kernel()
    corpus, params = _corpus_and_params(tmp_path, "skin_aging", "application: [skin_aging]\n")
    notebooks = tmp_path / "notebooks"
    broken_notebook(notebooks / "01_broken.ipynb")
    out = tmp_path / "reports"
    (out / "old").mkdir(parents=True)
    (out / "index.html").write_text("previous report", encoding="utf-8")
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    with pytest.raises(ReportError) as err:
        run_report([params], corpus, out, jobs=1, quiet=True, notebooks_dir=notebooks)
    assert str(err.value) == "notebook 01_broken failed for parameter set skin_aging: KeyError: 'boom'"
    assert err.value.exit_code == 1
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert (out / "index.html").read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "notebooks", "reports", "skin_aging.yaml"]


def test_cli_failure_is_one_line_and_defaults_come_from_the_working_directory(tmp_path):
    require_kernel()
    (tmp_path / "data" / "corpus").mkdir(parents=True)
    (tmp_path / "data" / "corpus" / "doc.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    (tmp_path / "params").mkdir()
    (tmp_path / "params" / "wound_healing.yaml").write_text("application: wound_healing\n", encoding="utf-8")
    broken_notebook(tmp_path / "notebooks" / "01_fails.ipynb", 'raise ValueError("no good\\nsecond line")')
    run = subprocess.run([sys.executable, "-m", "exoreview.cli", "report", "--jobs", "1"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if "error" in line]
    assert errors == ["exoreview: error: notebook 01_fails failed for parameter set wound_healing: "
                      "ValueError: no good"], run.stderr
    assert not (tmp_path / "reports").exists()


def test_missing_corpus_is_one_line_and_leaves_nothing(tmp_path):
    require_kernel()
    params = tmp_path / "default.yaml"
    params.write_text("", encoding="utf-8")
    with pytest.raises(ExoreviewError, match="corpus path not found"):
        run_report([params], tmp_path / "missing", tmp_path / "reports", jobs=2, quiet=True,
                   notebooks_dir=NOTEBOOKS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["default.yaml"]


def test_kernel_that_dies_is_one_line(tmp_path, monkeypatch):
    spec = tmp_path / "jupyter" / "kernels" / "broken"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({"argv": ["/bin/false", "{connection_file}"],
                                                  "display_name": "broken", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    params = tmp_path / "default.yaml"
    params.write_text("", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        run_report([params], corpus, tmp_path / "reports", jobs=2, quiet=True, notebooks_dir=NOTEBOOKS,
                   kernel_name="broken")
    assert str(err.value) == ("could not start the Jupyter kernel 'broken': "
                              "RuntimeError: Kernel died before replying to kernel_info")
    assert not (tmp_path / "reports").exists()


def test_bad_arguments(tmp_path):
    with pytest.raises(ExoreviewError, match="--jobs must be at least 1"):
        run_report(None, None, tmp_path / "r", jobs=0, quiet=True)
    with pytest.raises(ExoreviewError, match="no notebooks"):
        run_report(None, None, tmp_path / "r", jobs=1, quiet=True, notebooks_dir=tmp_path)
    with pytest.raises(ReportError, match="kernel 'no-such-kernel' is not installed"):
        run_report(None, None, tmp_path / "r", jobs=1, quiet=True, notebooks_dir=NOTEBOOKS,
                   kernel_name="no-such-kernel")


def test_environment_yml_lists_the_pyproject_dependencies():
    import re

    import yaml

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    from .report_support import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["notebooks"] \
        + project["optional-dependencies"]["test"]
    name = lambda spec: re.split(r"[<>=!~ ]", spec, maxsplit=1)[0].lower()  # noqa: E731
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))["dependencies"]
    listed = {name(d) for d in env if isinstance(d, str)}
    listed |= {name(d) for d in env if isinstance(d, dict) for d in d["pip"]}
    listed |= {"matplotlib"} if "matplotlib-base" in listed else set()
    missing = sorted({name(d) for d in wanted} - listed)
    assert not missing, f"environment.yml lacks {missing}"


def test_reports_folder_that_cannot_be_made_is_one_error(tmp_path):
    require_kernel()
    corpus, params = _corpus_and_params(tmp_path, "default", "")
    (tmp_path / "afile").write_text("not a folder")
    with pytest.raises(ExoreviewError, match=r"^cannot write the reports folder .*afile/reports: "):
        run_report([params], corpus, tmp_path / "afile" / "reports", jobs=1, quiet=True, notebooks_dir=NOTEBOOKS)
