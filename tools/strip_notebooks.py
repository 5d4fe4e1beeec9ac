#!/usr/bin/env python3
"""Keep notebooks committable: outputs only where nbval checks them.

Rules, for every code cell of every notebook given:

* a cell whose source contains ``# NBVAL_CHECK_OUTPUT`` (or that is tagged
  ``nbval-check-output``) keeps its outputs AND its execution_count, because
  nbval compares nothing for a cell whose count is empty;
* every other code cell loses its outputs and its execution_count;
* cell metadata keeps only ``tags``; notebook metadata only ``kernelspec``
  and ``language_info.name``.

Usage::

    python tools/strip_notebooks.py notebooks/*.ipynb            # strip in place
    python tools/strip_notebooks.py --check notebooks/*.ipynb    # exit 1 if any would change
    python tools/strip_notebooks.py --execute notebooks/*.ipynb  # re-run (exoreview kernel,
        default parameters, cwd = the notebook's folder) to refresh the checked outputs, then strip

Run ``--execute`` after a change to the extraction that moves the counts, and
commit the notebooks with the new checked outputs.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

CHECK_MARK = "NBVAL_CHECK_OUTPUT"
CHECK_TAG = "nbval-check-output"
KERNEL = "exoreview"


def is_checked(cell: dict) -> bool:
    """True when nbval compares this cell's output."""
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else source
    return CHECK_MARK in source or CHECK_TAG in cell.get("metadata", {}).get("tags", [])


def strip(nb: dict) -> dict:
    """Return the notebook (a JSON dict) stripped by the rules above; the input is not modified."""
    nb = json.loads(json.dumps(nb))
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = {"tags": tags} if tags else {}
        if cell.get("cell_type") != "code":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            continue
        if not is_checked(cell):
            cell["outputs"] = []
            cell["execution_count"] = None
        else:
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = cell.get("execution_count")
    meta = nb.get("metadata", {})
    kept = {}
    if "kernelspec" in meta:
        kept["kernelspec"] = meta["kernelspec"]
    lang = meta.get("language_info", {}).get("name")
    if lang:
        kept["language_info"] = {"name": lang}
    nb["metadata"] = kept
    return nb


def dumps(nb: dict) -> str:
    """Serialise like Jupyter does (1-space indent, sorted keys, trailing newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def execute(path: Path) -> dict:
    """Run a notebook top to bottom with its default parameters; return it as a JSON dict."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name=KERNEL, timeout=600,
                   resources={"metadata": {"path": str(path.parent.resolve())}}).execute()
    return json.loads(nbformat.writes(nb))


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; exit 1 if a notebook needs stripping")
    mode.add_argument("--execute", action="store_true", help="re-run each notebook before stripping")
    args = parser.parse_args(argv)
    dirty = []
    for path in args.notebooks:
        text = path.read_text(encoding="utf-8")
        nb = execute(path) if args.execute else json.loads(text)
        new = dumps(strip(nb))
        if new != text:
            dirty.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in dirty:
        print(f"{path}: {'needs stripping' if args.check else 'written'}", file=sys.stderr)
    return 1 if (args.check and dirty) else 0


if __name__ == "__main__":
    sys.exit(main())
