"""Stream a synthetic 100,000-record PubMed XML export through ``exoreview.readers.read_records``.

The export is built from the bundled example records (data/examples/pubmed_export/
pubmed_export.xml), each copy with its own PMID and DOI, into bench/work/ (git-ignored).
Reports records/s and the process's peak RSS (resource.getrusage).

    python bench/bench_exports.py [--records 100000] [--keep]
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "examples" / "pubmed_export" / "pubmed_export.xml"
WORK = ROOT / "bench" / "work"


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def build(path: Path, n: int) -> None:
    """Write an n-record PubMed XML export by copying the example articles with fresh ids."""
    text = SOURCE.read_text(encoding="utf-8")
    articles = re.findall(r"<PubmedArticle>.*?</PubmedArticle>", text, re.S)
    head = text[: text.index("<PubmedArticleSet>") + len("<PubmedArticleSet>")]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(head + "\n")
        for i in range(n):
            art = articles[i % len(articles)]
            pmid = str(80_000_000 + i)
            art = re.sub(r"(<PMID[^>]*>|<ArticleId IdType=\"pubmed\">)\d+", lambda m: m.group(1) + pmid, art)
            art = re.sub(r"(10\.5555/[^<\s]+)", lambda m: f"{m.group(1)}.{i}", art)  # a DOI of its own
            fh.write(art + "\n")
        fh.write("</PubmedArticleSet>\n")


def extract(path: Path, jobs: int, records: int) -> dict:
    """Run the whole extraction on the export in a child process; its wall time and peak RSS."""
    import os
    import shutil
    import subprocess

    out = WORK / "exports_out"
    exe = Path(sys.executable).with_name("exoreview")
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe), "extract", str(path), "--out", str(out), "--jobs", str(jobs), "-q"])
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    shutil.rmtree(out, ignore_errors=True)
    rss = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return {"jobs": jobs, "exit": os.waitstatus_to_exitcode(status), "seconds": round(secs, 1),
            "docs_per_s": round(records / secs, 1), "peak_rss_mb_largest_process": round(rss, 1)}


def main(argv: list[str] | None = None) -> dict:
    """Build the export if needed, stream it, print and return the numbers."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--keep", action="store_true", help="keep the built export in bench/work/")
    ap.add_argument("--extract", action="store_true",
                    help="also run `exoreview extract --jobs J` on the export (docs/s, peak RSS of the run)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from exoreview.readers import read_records, sniff

    path = WORK / f"pubmed_{args.records}.xml"
    t0 = time.perf_counter()
    if not path.exists():
        build(path, args.records)
    built = time.perf_counter() - t0
    rss_before = peak_rss_mb()

    with open(path, "rb") as fh:
        fmt = sniff(path, fh.read(4096))
    ok = skipped = chars = 0
    marks = []
    t0 = time.perf_counter()
    for i, rec in enumerate(read_records(path, fmt), 1):
        if rec.status == "ok":
            ok += 1
            chars += len(rec.text)
        else:
            skipped += 1
        if i % 20_000 == 0:
            marks.append({"records": i, "seconds": round(time.perf_counter() - t0, 2),
                          "peak_rss_mb": round(peak_rss_mb(), 1)})
    secs = time.perf_counter() - t0
    result = {
        "format": fmt,
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "records_ok": ok,
        "records_skipped": skipped,
        "seconds": round(secs, 2),
        "records_per_s": round((ok + skipped) / secs),
        "text_mb": round(chars / 2**20, 1),
        "peak_rss_mb_before_reading": round(rss_before, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "build_seconds": round(built, 2),
        "progress": marks,
    }
    if args.extract:
        result["extract"] = extract(path, args.jobs, ok + skipped)
    print(json.dumps(result, indent=2))
    if not args.keep:
        path.unlink()
    return result


if __name__ == "__main__":
    main()
