# The two commands of the README: `make report` and `make test`. Both set up .venv first
# (once: the stamp file below is remade only when pyproject.toml changes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
KERNEL := exoreview
STAMP  := $(VENV)/.exoreview-installed
JOBS   ?= 2

.PHONY: setup report test lab bench refresh-notebooks

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[notebooks,test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name $(KERNEL)
	touch $@

# Every notebook x every params/*.yaml on the bundled corpus, into reports/.
report: $(STAMP)
	$(BIN)/exoreview report --corpus data/corpus --out reports --jobs $(JOBS)
	@echo "$(CURDIR)/reports/index.html"

# Unit and report tests, then every notebook under nbval (outputs of # NBVAL_CHECK_OUTPUT cells compared).
test: $(STAMP)
	$(BIN)/pytest tests notebooks --nbval-lax --nbval-kernel-name $(KERNEL)

# JupyterLab on the notebooks, with the project's kernel (--allow-root only when run as root).
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

# Time the full default report against a bare papermill run (prints a table; not a test).
bench: $(STAMP)
	$(BIN)/python bench/bench_report.py

# After a change to the extraction moves the counts: re-run the notebooks and keep only checked outputs.
refresh-notebooks: $(STAMP)
	$(BIN)/python tools/strip_notebooks.py --execute notebooks/*.ipynb
