#!/usr/bin/env python3
"""Speed and memory benchmark of ``exoreview extract`` against a spaCy reference pipeline.

Usage (from the repository root)::

    .venv/bin/python bench/bench_extract.py            # N = 2,000 and 20,000 documents
    .venv/bin/python bench/bench_extract.py --quick    # N = 200 and 1,000 (smoke run)
    .venv/bin/python bench/bench_extract.py --sizes 500 5000 --jobs 2

What it does (issue 3, "Speed"):

1. Builds synthetic corpora of N documents from the paragraphs of the default
   corpus (``data/corpus/*.txt``, split on blank lines; a block over 3,000
   characters, i.e. a file that has no blank lines, is split on line breaks). Each document is a title
   line plus paragraphs sampled with a fixed seed until it reaches ~12 kB, written
   as ``bench/work/corpus_N/doc_NNNNNN.txt``. Document i is the same in every corpus
   (its generator is seeded with (seed, i)), so corpus_2000 is a prefix of
   corpus_20000. A corpus already on disk with the same parameters is reused.
2. Runs ``exoreview extract DIR --out OUT --jobs J -q`` as a subprocess (J = 2 and 1
   by default) and measures wall time (docs/s, ms/doc) and peak memory.
3. Runs, in the same benchmark run and over the same files, a reference pipeline in
   ONE subprocess: ``spacy.blank("en")`` + ``sentencizer`` and a
   ``PhraseMatcher(attr="LOWER")`` over the vocabulary phrases, with
   ``nlp.pipe(texts, batch_size=64)``, reading the files inside the timing and
   counting matches per document.
4. Prints a table and writes it as JSON to ``bench/results/extract.json``.

Peak memory is reported two ways:

* ``peak_rss_mb`` -- ``ru_maxrss`` of the finished child from ``os.wait4`` (the same
  figure ``getrusage(RUSAGE_CHILDREN)`` gives, but per run instead of cumulative
  over the benchmark). On Linux it is the largest RSS of any single process of the
  tree (the main process or the largest worker), not a sum.
* ``tree_rss_mb`` -- the largest sum of the RSS of the child and all its
  descendants, polled with psutil every 0.2 s. Pages shared between forked
  workers are counted once per process, so this over-states the true footprint
  a little; the real figure lies between the two.

Seconds are wall-clock seconds of the whole subprocess (interpreter start,
imports and vocabulary loading included) for both pipelines, so they compare
like with like; the reference also reports its own in-loop time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
RESULTS = BENCH / "results"
DEFAULT_CORPUS = ROOT / "data" / "corpus"
VENV_BIN = ROOT / ".venv" / "bin"

SEED = 20240603
DOC_BYTES = 12_000
MAX_PARAGRAPH = 3000  # longer "paragraphs" are split on single line breaks
CORPUS_FORMAT = 2  # bump when the generator changes, so old corpora are rebuilt

# vocabulary files whose phrases the reference matcher uses
REF_VOCAB_FILES = ("subjects.yaml", "cell_sources.yaml", "applications.yaml", "routes.yaml",
                   "outcomes.yaml", "designs.yaml", "hedging.yaml")


# --- synthetic corpora ---------------------------------------------------------------

def source_paragraphs(corpus: Path = DEFAULT_CORPUS) -> list[str]:
    """Every non-empty paragraph (blank-line separated) of the default corpus's .txt files."""
    paras: list[str] = []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        for para in re.split(r"\n[ \t]*\n", text):
            para = para.strip()
            if len(para) > MAX_PARAGRAPH:  # a file without blank lines: its lines are the paragraphs
                paras += [ln.strip() for ln in para.split("\n") if ln.strip()]
            elif para:
                paras.append(para)
    if not paras:
        raise SystemExit(f"bench: no paragraphs found in {corpus}/*.txt")
    return paras


def make_document(i: int, paras: list[str], titles: list[str], seed: int = SEED,
                  size: int = DOC_BYTES) -> str:
    """Document i: a title line, then randomly sampled paragraphs until ~``size`` bytes."""
    rng = random.Random(f"{seed}:{i}")
    parts = [f"{rng.choice(titles)} (synthetic document {i})"]
    total = len(parts[0].encode()) + 2
    while total < size:
        p = rng.choice(paras)
        parts.append(p)
        total += len(p.encode()) + 2
    return "\n\n".join(parts) + "\n"


def build_corpus(n: int, seed: int = SEED, size: int = DOC_BYTES) -> Path:
    """bench/work/corpus_N with N synthetic .txt documents; reused when already complete."""
    out = WORK / f"corpus_{n}"
    stamp = WORK / f"corpus_{n}.json"
    paras = source_paragraphs()
    meta = {"n": n, "seed": seed, "doc_bytes": size, "format": CORPUS_FORMAT,
            "paragraphs": len(paras), "source_chars": sum(map(len, paras))}
    if out.is_dir() and stamp.is_file():
        try:
            if json.loads(stamp.read_text()) == meta and len(list(out.glob("*.txt"))) == n:
                return out
        except (OSError, ValueError):
            pass
    shutil.rmtree(out, ignore_errors=True)
    stamp.unlink(missing_ok=True)
    out.mkdir(parents=True)
    titles = [p for p in paras if len(p) <= 120 and "\n" not in p] or [paras[0][:80]]
    t0 = time.perf_counter()
    for i in range(n):
        (out / f"doc_{i:06d}.txt").write_text(make_document(i, paras, titles, seed, size), encoding="utf-8")
    stamp.write_text(json.dumps(meta))
    print(f"built {out.relative_to(ROOT)}: {n} documents in {time.perf_counter() - t0:.1f} s "
          f"({len(paras)} source paragraphs)", file=sys.stderr)
    return out


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))


# --- reference pipeline (runs in its own process) ----------------------------------------

def reference_phrases() -> list[str]:
    """Every phrase of the vocabulary files the reference uses, trailing '*' stripped."""
    from exoreview.vocab import load_vocab

    data = load_vocab().data
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                if isinstance(v, (str, int, float)):
                    found.append(str(v))
                else:
                    walk(v)

    for name in REF_VOCAB_FILES:
        d = data[name]
        if name == "outcomes.yaml":       # the outcome term lists
            for spec in (d.get("outcomes") or {}).values():
                walk(spec.get("terms", []))
                walk(spec.get("inverse_terms", []))
            walk(d.get("fixed") or {})
        elif name == "designs.yaml":      # design cue words
            walk(d.get("cues") or {})
        else:
            walk(d)
    out, seen = [], set()
    for p in found:
        p = p.strip().rstrip("*").strip().lower()
        if p and p not in seen:
            seen.add(p)
            out.append(p)
    return out


def run_reference(folder: str, batch_size: int = 64) -> dict:
    """spaCy blank English + sentencizer + PhraseMatcher(LOWER) over every .txt of folder."""
    t_start = time.perf_counter()
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    phrases = reference_phrases()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("VOCAB", [nlp.make_doc(p) for p in phrases])
    files = sorted(Path(folder).glob("*.txt"))
    t0 = time.perf_counter()

    def texts():
        for f in files:  # reading the files is part of the timed loop
            yield f.read_text(encoding="utf-8", errors="replace")

    docs = matches = sentences = 0
    for doc in nlp.pipe(texts(), batch_size=batch_size):
        matches += len(matcher(doc))
        sentences += sum(1 for _ in doc.sents)
        docs += 1
    t1 = time.perf_counter()
    return {"docs": docs, "phrases": len(phrases), "matches": matches, "sentences": sentences,
            "loop_seconds": t1 - t0, "setup_seconds": t0 - t_start, "spacy": spacy.__version__}


# --- measuring a subprocess ------------------------------------------------------------

def measure(cmd: list[str], poll: float = 0.2, timeout: float | None = None) -> dict:
    """Run cmd; wall time, exit code, ru_maxrss of the tree (wait4) and polled tree RSS sum."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak_tree = 0
    max_procs = 0
    done = threading.Event()

    def poller() -> None:
        nonlocal peak_tree, max_procs
        try:
            root = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not done.is_set():
            total, count = 0, 0
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.Error:
                procs = []
            for p in procs:
                try:
                    total += p.memory_info().rss
                    count += 1
                except psutil.Error:
                    pass
            peak_tree = max(peak_tree, total)
            max_procs = max(max_procs, count)
            done.wait(poll)

    out_chunks: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:
        out_chunks[name] = stream.read()

    threads = [threading.Thread(target=poller, daemon=True),
               threading.Thread(target=drain, args=("stdout", proc.stdout), daemon=True),
               threading.Thread(target=drain, args=("stderr", proc.stderr), daemon=True)]
    for t in threads:
        t.start()
    timer = None
    if timeout:
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
    # wait4 gives this child's own rusage; on Linux its ru_maxrss is the max over
    # the child and the descendants it reaped (the pool workers), in kB.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if timer:
        timer.cancel()
    done.set()
    for t in threads:
        t.join(timeout=5)
    return {"seconds": wall, "returncode": proc.returncode,
            "peak_rss_mb": usage.ru_maxrss / 1024, "tree_rss_mb": peak_tree / 2**20,
            "max_processes": max_procs, "user_s": usage.ru_utime, "sys_s": usage.ru_stime,
            "stdout": out_chunks.get("stdout", b"").decode("utf-8", "replace"),
            "stderr": out_chunks.get("stderr", b"").decode("utf-8", "replace")}


def exoreview_cmd() -> list[str]:
    exe = VENV_BIN / "exoreview"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-m", "exoreview.cli"]


def bench_exoreview(folder: Path, n: int, jobs: int, keep: bool, timeout: float | None) -> dict:
    out = WORK / f"out_{n}_j{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = exoreview_cmd() + ["extract", str(folder), "--out", str(out), "--jobs", str(jobs), "-q"]
    m = measure(cmd, timeout=timeout)
    row = _row("exoreview", jobs, n, m)
    if m["returncode"] == 0:
        row["output_mb"] = round(sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20, 1)
        claims = out / "claims.csv"
        if claims.is_file():
            with claims.open("rb") as fh:
                row["claims_rows"] = max(0, sum(1 for _ in fh) - 1)  # approximate (quoted newlines)
    warn_lines = [ln for ln in m["stderr"].splitlines() if ln.strip()]
    row["stderr_lines"] = len(warn_lines)
    if warn_lines:
        row["stderr_head"] = warn_lines[:5]
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
    return row


def bench_reference(folder: Path, n: int, timeout: float | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_reference", str(folder)]
    m = measure(cmd, timeout=timeout)
    row = _row("spacy-reference", 1, n, m)
    if m["returncode"] == 0:
        try:
            info = json.loads(m["stdout"].strip().splitlines()[-1])
            row.update({k: info[k] for k in ("phrases", "matches", "sentences", "spacy")})
            row["loop_seconds"] = round(info["loop_seconds"], 2)
            row["loop_docs_per_s"] = round(info["docs"] / info["loop_seconds"], 1) if info["loop_seconds"] else None
            if info["docs"] != n:
                row["error"] = f"reference saw {info['docs']} documents, expected {n}"
        except (ValueError, KeyError, IndexError) as exc:
            row["error"] = f"could not read reference output: {exc}"
    return row


def _row(pipeline: str, jobs: int, n: int, m: dict) -> dict:
    ok = m["returncode"] == 0
    row = {"pipeline": pipeline, "jobs": jobs, "docs": n, "seconds": round(m["seconds"], 2),
           "docs_per_s": round(n / m["seconds"], 1) if ok else None,
           "ms_per_doc": round(1000 * m["seconds"] / n, 2) if ok else None,
           "peak_rss_mb": round(m["peak_rss_mb"], 1), "tree_rss_mb": round(m["tree_rss_mb"], 1),
           "max_processes": m["max_processes"], "cpu_seconds": round(m["user_s"] + m["sys_s"], 1),
           "returncode": m["returncode"]}
    if not ok:
        tail = [ln for ln in m["stderr"].splitlines() if ln.strip()][-5:]
        row["error"] = " | ".join(tail) or f"exit code {m['returncode']}"
    return row


# --- report -----------------------------------------------------------------------------

def _fmt(v, spec: str) -> str:
    return "-" if v is None else format(v, spec)


def print_table(rows: list[dict]) -> None:
    head = f"{'pipeline':<16} {'jobs':>4} {'N docs':>7} {'seconds':>8} {'docs/s':>8} {'ms/doc':>7} " \
           f"{'peak RSS MB':>11} {'tree RSS MB':>11}"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['pipeline']:<16} {r['jobs']:>4} {r['docs']:>7} {_fmt(r['seconds'], '8.2f')} "
              f"{_fmt(r['docs_per_s'], '8.1f')} {_fmt(r['ms_per_doc'], '7.2f')} "
              f"{_fmt(r['peak_rss_mb'], '11.1f')} {_fmt(r['tree_rss_mb'], '11.1f')}"
              + (f"   ERROR: {r['error']}" if r.get("error") else ""))


def summarise(rows: list[dict], sizes: list[int], jobs_list: list[int]) -> dict:
    def find(pipeline: str, jobs: int, n: int) -> dict | None:
        return next((r for r in rows if r["pipeline"] == pipeline and r["jobs"] == jobs and r["docs"] == n), None)

    summary: dict = {"speed_ratio_vs_reference": {}, "flatness": {}, "targets": {}}
    main_jobs = 2 if 2 in jobs_list else max(jobs_list)
    for n in sizes:
        ref = find("spacy-reference", 1, n)
        for j in jobs_list:
            ex = find("exoreview", j, n)
            if ref and ex and ref["docs_per_s"] and ex["docs_per_s"]:
                summary["speed_ratio_vs_reference"][f"jobs{j}_N{n}"] = round(ex["docs_per_s"] / ref["docs_per_s"], 2)
    lo, hi = min(sizes), max(sizes)
    if lo != hi:
        for pipeline, j in [("exoreview", j) for j in jobs_list] + [("spacy-reference", 1)]:
            a, b = find(pipeline, j, lo), find(pipeline, j, hi)
            if a and b and a["ms_per_doc"] and b["ms_per_doc"]:
                summary["flatness"][f"{pipeline}_jobs{j}"] = round(b["ms_per_doc"] / a["ms_per_doc"], 3)
    ratio = summary["speed_ratio_vs_reference"].get(f"jobs{main_jobs}_N{hi}")
    flat = summary["flatness"].get(f"exoreview_jobs{main_jobs}")
    ex_hi = find("exoreview", main_jobs, hi)
    summary["targets"] = {
        "speed_ratio_jobs2_ge_3": None if ratio is None else ratio >= 3.0,
        "flat_within_20pct": None if flat is None else abs(flat - 1.0) <= 0.20,
        "peak_rss_lt_1gb_at_largest_N": None if not ex_hi else ex_hi["peak_rss_mb"] < 1024,
        "tree_rss_lt_1gb_at_largest_N": None if not ex_hi else ex_hi["tree_rss_mb"] < 1024,
        "note": "targets are set for N=20,000 with --jobs 2; peak_rss is the largest single process, "
                "tree_rss the polled sum over the process tree",
    }
    return summary


def print_summary(summary: dict, sizes: list[int]) -> None:
    print()
    for k, v in summary["speed_ratio_vs_reference"].items():
        print(f"docs/s ratio exoreview/reference  {k:<14} {v:6.2f}x   (target >= 3x with --jobs 2)")
    for k, v in summary["flatness"].items():
        print(f"ms/doc ratio N={max(sizes)} / N={min(sizes)}  {k:<24} {v:6.3f}   (target within 0.80-1.20)")
    t = summary["targets"]
    print(f"targets: speed>=3x {t['speed_ratio_jobs2_ge_3']}, flat {t['flat_within_20pct']}, "
          f"peak RSS<1GB {t['peak_rss_lt_1gb_at_largest_N']} (tree sum<1GB {t['tree_rss_lt_1gb_at_largest_N']})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 2000 20000)")
    p.add_argument("--quick", action="store_true", help="sizes 200 and 1000")
    p.add_argument("--jobs", type=int, nargs="+", default=[2, 1], help="exoreview --jobs values (default 2 1)")
    p.add_argument("--no-reference", action="store_true", help="skip the spaCy reference")
    p.add_argument("--keep-output", action="store_true", help="keep exoreview's output under bench/work/")
    p.add_argument("--timeout", type=float, default=None, help="kill a run after this many seconds")
    p.add_argument("--json", type=Path, default=RESULTS / "extract.json", help="results file")
    p.add_argument("--_reference", metavar="DIR", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args._reference:  # child mode: run the reference pipeline, print one JSON line
        print(json.dumps(run_reference(args._reference)))
        return 0

    sizes = sorted(set(args.sizes or ([200, 1000] if args.quick else [2000, 20000])))
    WORK.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    corpora = {}
    for n in sizes:
        corpora[n] = build_corpus(n)
    t_all = time.perf_counter()
    for n in sizes:
        folder = corpora[n]
        mb = corpus_bytes(folder) / 2**20
        print(f"N={n}: {mb:.1f} MB, {1024 * mb / n:.1f} kB/doc", file=sys.stderr)
        runs = [("reference", None)] if not args.no_reference else []
        runs += [("exoreview", j) for j in args.jobs]
        for kind, j in runs:
            print(f"  running {kind}{'' if j is None else f' --jobs {j}'} ...", file=sys.stderr, flush=True)
            row = bench_reference(folder, n, args.timeout) if kind == "reference" else \
                bench_exoreview(folder, n, j, args.keep_output, args.timeout)
            row["corpus_mb"] = round(mb, 1)
            rows.append(row)
            print(f"    {row['seconds']:.1f} s, {row['docs_per_s']} docs/s, peak RSS {row['peak_rss_mb']:.0f} MB, "
                  f"tree RSS {row['tree_rss_mb']:.0f} MB" + (f", ERROR {row['error']}" if row.get("error") else ""),
                  file=sys.stderr, flush=True)
    print()
    print_table(rows)
    summary = summarise(rows, sizes, args.jobs)
    print_summary(summary, sizes)
    import psutil

    result = {
        "benchmark": "exoreview extract vs spaCy reference",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                    "python": platform.python_version(), "platform": platform.platform()},
        "corpus": {"source": str(DEFAULT_CORPUS.relative_to(ROOT)), "seed": SEED, "doc_bytes": DOC_BYTES,
                   "sizes": sizes},
        "commands": {"exoreview": " ".join(exoreview_cmd() + ["extract", "DIR", "--out", "OUT", "--jobs", "J", "-q"]),
                     "reference": "spacy.blank('en') + sentencizer + PhraseMatcher(attr='LOWER'), "
                                  "nlp.pipe(batch_size=64), 1 process"},
        "rows": rows,
        "summary": summary,
        "total_seconds": round(time.perf_counter() - t_all, 1),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {args.json}")
    return 1 if any(r.get("error") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
