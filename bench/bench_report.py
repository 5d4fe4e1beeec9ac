#!/usr/bin/env python3
"""Time ``exoreview report`` (every notebook x every parameter set) against a bare papermill run.

Issue 4's targets, measured in one run on the same machine:

* the full default report (``params/*.yaml`` x ``notebooks/NN_*.ipynb`` on
  ``data/corpus``) with ``--jobs 2`` in under 60 s after set-up;
* the per-notebook cost (report wall time / notebook runs) within 1.3x of a
  bare ``papermill`` run of an empty notebook (fresh ``exoreview`` kernel, one
  parameters cell), measured in the same run.

The report is timed twice: with an empty extraction cache (what a fresh clone
pays: the corpus is extracted once) and with a warm one. The empty notebook
is run ``--repeat`` times and its median taken. A script, not a test: it
prints a table, writes ``bench/results/report.json`` and never fails on a
missed target. Run from the repository root: ``make bench`` or
``.venv/bin/python bench/bench_report.py``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KERNEL = "exoreview"


def empty_notebook(path: Path) -> Path:
    """A notebook whose only cell is a tagged parameters cell."""
    import nbformat

    cell = nbformat.v4.new_code_cell("x = 1")
    cell.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": KERNEL, "language": "python"}
    nbformat.write(nb, path)
    return path


def time_empty(work: Path, repeat: int) -> list[float]:
    """Seconds of ``papermill.execute_notebook`` on the empty notebook, each in a fresh kernel."""
    import papermill

    nb = empty_notebook(work / "empty.ipynb")
    times = []
    for i in range(repeat + 1):
        start = time.perf_counter()
        papermill.execute_notebook(str(nb), str(work / "empty_out.ipynb"), parameters={"x": 2},
                                   kernel_name=KERNEL, progress_bar=False, cwd=str(work))
        if i:  # the first run warms the disk cache and is not counted
            times.append(time.perf_counter() - start)
    return times


def time_report(work: Path, jobs: int, cache: Path) -> float:
    """Wall seconds of ``exoreview report`` on the defaults, into a scratch folder."""
    env = dict(os.environ, EXOREVIEW_CACHE=str(cache))
    cmd = [str(REPO / ".venv" / "bin" / "exoreview"), "report", "--corpus", "data/corpus",
           "--out", str(work / "reports"), "--jobs", str(jobs), "--quiet"]
    start = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, env=env, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; returns 0, or 1 if the report failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="empty-notebook runs (median taken)")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "report.json")
    args = parser.parse_args(argv)

    notebooks = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    sets = sorted((REPO / "params").glob("*.yaml"))
    runs = len(notebooks) * len(sets)
    work = Path(tempfile.mkdtemp(prefix="exoreview-bench-"))
    try:
        empty = time_empty(work, args.repeat)
        try:
            cold = time_report(work, args.jobs, work / "cache")
            warm = time_report(work, args.jobs, work / "cache")
        except subprocess.CalledProcessError as exc:
            print(f"bench: exoreview report failed (exit {exc.returncode})", file=sys.stderr)
            return 1
        empty_after = time_empty(work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    bare = statistics.median(empty + empty_after)
    result = {
        "cpus": os.cpu_count(), "jobs": args.jobs, "notebooks": len(notebooks), "parameter_sets": len(sets),
        "notebook_runs": runs, "empty_notebook_s": [round(t, 3) for t in empty + empty_after],
        "empty_notebook_median_s": round(bare, 3),
        "report_cold_cache_s": round(cold, 2), "report_warm_cache_s": round(warm, 2),
        "per_notebook_cold_s": round(cold / runs, 3), "per_notebook_warm_s": round(warm / runs, 3),
        "ratio_cold": round(cold / runs / bare, 2), "ratio_warm": round(warm / runs / bare, 2),
        "ratio_cold_per_job": round(cold * args.jobs / runs / bare, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(f"{len(sets)} parameter sets x {len(notebooks)} notebooks = {runs} notebook runs, "
          f"--jobs {args.jobs}, {os.cpu_count()} CPUs, load {result['load_average']}")
    print(f"bare papermill, empty notebook (median of {len(empty) + len(empty_after)}): {bare:.2f} s")
    print(f"{'':24}{'wall s':>8}{'per notebook s':>16}{'ratio':>7}{'target':>22}")
    for label, wall in (("report, cold cache", cold), ("report, warm cache", warm)):
        per = wall / runs
        print(f"{label:24}{wall:8.1f}{per:16.3f}{per / bare:7.2f}{'< 60 s, ratio <= 1.3':>22}")
    print(f"(per notebook x jobs, i.e. per worker: {cold * args.jobs / runs:.3f} s = "
          f"{result['ratio_cold_per_job']}x the empty notebook)")
    print(f"results: {args.json.relative_to(REPO) if args.json.is_relative_to(REPO) else args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
