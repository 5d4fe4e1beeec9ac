"""Command line: ``exoreview extract`` and ``exoreview report``.

A user's mistake is one line on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import ExoreviewError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="exoreview", description=__doc__.splitlines()[0])
    p.add_argument("--version", action="version", version=f"exoreview {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract every table of a corpus into a folder (CSV + Parquet)")
    ex.add_argument("corpus", nargs="+", help="corpus folders or files")
    ex.add_argument("--out", required=True, help="output folder (replaced only when the run succeeds)")
    ex.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--vocab", help="a folder of YAML files extending the bundled vocabulary")
    rp = sub.add_parser("report", help="run every notebook for every parameter set into reports/")
    rp.add_argument("--params", nargs="+", type=Path, help="parameter set YAML files (default: params/*.yaml)")
    rp.add_argument("--corpus", type=Path, help="corpus folder (default: data/corpus)")
    rp.add_argument("--out", type=Path, default=Path("reports"), help="reports folder (default: reports)")
    rp.add_argument("--jobs", type=int, default=2, help="parameter sets run in parallel (default 2)")
    rp.add_argument("-q", "--quiet", action="store_true", help="no progress")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``exoreview`` console script."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            from .pipeline import run

            if args.jobs < 1:
                raise ExoreviewError("--jobs must be at least 1")
            summary = run(args.corpus, args.out, jobs=args.jobs, quiet=args.quiet, vocab_dir=args.vocab)
            if not args.quiet:
                print(f"{summary.documents} documents ({summary.skipped} skipped), {summary.claims} claims "
                      f"-> {summary.out_dir}", file=sys.stderr)
            return 0
        if args.command == "report":
            from .report import run_report

            return run_report(args.params, args.corpus, args.out, args.jobs, args.quiet)
    except ExoreviewError as exc:
        print(f"exoreview: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # an output folder that cannot be made or written (no such parent, read-only, disk full)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"exoreview: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("exoreview: interrupted; earlier output left as it was", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
