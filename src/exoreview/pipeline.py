"""A corpus folder in, every table out: file discovery, parallel extraction, safe output.

Output is built in a temporary sibling folder and swapped in only when complete,
so an interrupted or failed run leaves the previous output as it was.
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing as mp
import os
import re
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterator, Sequence

from . import __version__
from .errors import CorpusError, ExoreviewError
from .extract import DocResult, process_document
from .ingest import EXTENSIONS, MAX_BYTES, Ingested, normalise, read_bytes, read_raw
from .noise import corpus_noise, short_lines
from .outdir import check_replaceable, swap_in
from .readers import read_records, sniff
from .tables import TableWriter
from .vocab import Vocab, load_vocab

# files the corpus may hold besides txt/md/html: literature exports and PDFs
EXPORT_EXTENSIONS = {".xml", ".nbib", ".medline", ".ris", ".bib", ".bibtex", ".pdf"}
SUPPORTED = set(EXTENSIONS) | EXPORT_EXTENSIONS
BATCH = 2000  # items handed to the worker pool at a time (bounds memory on 100,000-record exports)


@dataclass
class RunSummary:
    """Counts of one extraction run."""

    documents: int
    skipped: int
    claims: int
    content_hash: str
    out_dir: Path


def list_corpus(paths: Sequence[str | Path]) -> list[tuple[str, Path]]:
    """(doc name, path) of every document under the given files or folders, sorted.

    A document's name is its path relative to the folder given (a file given
    directly keeps its file name). Hidden files and folders are ignored.
    """
    if not paths:
        raise CorpusError("no corpus path given")
    found: list[tuple[str, Path]] = []
    for p in map(Path, paths):
        if not p.exists():
            raise CorpusError(f"corpus path not found: {p}")
        if p.is_file():
            found.append((p.name, p))
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                fp = Path(root) / name
                found.append((fp.relative_to(p).as_posix(), fp))
    if not found:
        raise CorpusError(f"no documents in {', '.join(map(str, paths))}: the folder is empty")
    found.sort(key=lambda t: t[0])
    if not any(fp.suffix.lower() in SUPPORTED for _, fp in found):
        raise CorpusError(f"no readable document in {', '.join(map(str, paths))} "
                          f"(supported: {', '.join(sorted(SUPPORTED))})")
    return found


def corpus_hash(files: Sequence[tuple[str, Path]], vocab: Vocab) -> str:
    """Hash of every document's name and bytes, the vocabulary and the code version."""
    h = hashlib.sha256(f"exoreview {__version__}\0{vocab.digest}\0{code_digest()}\0".encode())
    for name, path in files:
        h.update(name.encode() + b"\0")
        try:
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        except OSError as exc:
            h.update(f"unreadable {exc.errno}".encode())
        h.update(b"\0")
    return h.hexdigest()


def code_digest() -> str:
    """Hash of the package's own source, so a code change invalidates cached tables."""
    h = hashlib.sha256()
    for py in sorted(Path(__file__).parent.glob("*.py")):
        h.update(py.name.encode() + py.read_bytes())
    return h.hexdigest()[:16]


# --- worker side -----------------------------------------------------------------
_W: dict = {}


def _init_worker(corpus_keys: frozenset[str], vocab_dir: str | None) -> None:
    _W["vocab"] = load_vocab(vocab_dir)
    _W["keys"] = corpus_keys


_GC_THRESHOLD = (20_000, 50, 100)


@contextmanager
def _calm_gc() -> Iterator[None]:
    """Collect cycles less often during extraction, and never scan what exists before it (the
    vocabulary, the automaton): a document's records are freed by reference counting. The
    collector's settings are restored afterwards (the API runs inside a notebook's kernel)."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _init_pool_worker(corpus_keys: frozenset[str], vocab_dir: str | None) -> None:
    _init_worker(corpus_keys, vocab_dir)
    gc.freeze()  # as in _calm_gc; a pool worker lives for the run only, so nothing to restore
    gc.set_threshold(*_GC_THRESHOLD)


def _read(path: Path) -> tuple[Ingested, str, int]:
    fmt = EXTENSIONS.get(path.suffix.lower(), "")
    raw, why = read_raw(path, MAX_BYTES)
    digest = hashlib.sha256(raw if raw is not None else str(path).encode()).hexdigest()
    if not fmt:
        return Ingested("", "", "", "skipped: unsupported file type"), digest, len(raw or b"")
    if raw is None:
        return Ingested("", fmt, "", why), digest, 0
    return read_bytes(raw, fmt), digest, len(raw)


def _work(item: tuple) -> DocResult:
    """Process one item: ("file", doc, path) or ("record", doc, fmt, Record)."""
    meta = None
    if item[0] == "file":
        _, doc, path = item
        ing, digest, size = _read(Path(path))
    else:
        _, doc, fmt, rec = item
        raw = rec.text.encode("utf-8")
        digest, size, meta = hashlib.sha256(raw or doc.encode()).hexdigest(), len(raw), rec.meta
        ing = Ingested(normalise(rec.text), fmt, "utf-8", rec.status, rec.title)
        if ing.ok and not ing.text.strip():
            ing = Ingested("", fmt, "utf-8", "skipped: no text in the record", rec.title)
    try:
        res = process_document(doc, ing, digest, _W["vocab"], _W["keys"], meta=meta)
    except Exception as exc:  # one bad document must never abort the corpus
        ing = Ingested("", ing.format, ing.encoding, f"skipped: could not be processed ({type(exc).__name__}: {exc})")
        res = process_document(doc, ing, digest, _W["vocab"], _W["keys"], meta=meta)
    res.document["bytes"] = size
    res.document["content_hash"] = digest
    return res


def _items(files: Sequence[tuple[str, Path]]) -> Iterator[tuple]:
    """Work items in corpus order; an export file is streamed into one item per record."""
    for doc, path in files:
        try:
            with path.open("rb") as fh:
                head = fh.read(8192)
        except OSError:
            head = b""
        fmt = sniff(path, head) if head else None
        if fmt is None:
            yield ("file", doc, str(path))
            continue
        for rec in read_records(path, fmt):
            name = doc if fmt == "pdf" and rec.name != "error" else f"{doc}#{rec.name}"
            yield ("record", name, fmt, rec)


def _short_lines_of(item: tuple[Path, int]) -> set[str]:
    path, max_chars = item
    raw, _why = read_raw(path, MAX_BYTES)  # a cheap read: site chrome is the same bytes on every page
    if raw and path.suffix.lower() in EXTENSIONS:
        return short_lines(raw.decode("utf-8", errors="replace"), max_chars)
    return set()


def _noise_keys(files: Sequence[tuple[str, Path]], vocab: Vocab, jobs: int = 1) -> frozenset[str]:
    if len(files) < 4:
        return frozenset()
    items = [(path, int(vocab["boilerplate.yaml"].get("max_chars", 140))) for _, path in files]
    if jobs <= 1 or len(files) < 200:
        return corpus_noise(map(_short_lines_of, items), len(files), vocab)
    with _context().Pool(jobs) as pool:
        return corpus_noise(pool.imap_unordered(_short_lines_of, items, chunksize=64), len(files), vocab)


def _context():
    return mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")


class _Duplicates:
    """Near-duplicate articles across the corpus: most of their long paragraphs seen before;
    and the same paper arriving twice (same DOI or PMID, or near-identical title), e.g. as a
    PubMed record and a PDF: one document, both sources recorded on the first."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}   # paragraph key -> article_id where first seen
        self.doc_of: dict[str, str] = {}  # article_id -> doc
        self.papers: dict[str, dict] = {}  # "doi:..", "pmid:..", "title:.." -> first document row

    @staticmethod
    def _paper_keys(row: dict) -> list[str]:
        keys = []
        if row.get("doi"):
            keys.append("doi:" + row["doi"].lower().strip())
        if row.get("pmid"):
            keys.append("pmid:" + str(row["pmid"]).strip())
        title = " ".join(re.findall(r"[a-z0-9]+", (row.get("title") or "").lower()))
        if len(title) >= 40 and (row.get("doi") or row.get("pmid") or row.get("journal") or row.get("year")):
            keys.append("title:" + title)
        return keys

    @staticmethod
    def _conflict(a: dict, b: dict) -> bool:
        """Two records with different DOIs or PMIDs are different papers, whatever their titles."""
        return any(a.get(f) and b.get(f) and str(a[f]).lower() != str(b[f]).lower() for f in ("doi", "pmid"))

    def mark(self, res: DocResult) -> None:
        row = res.document
        if row["status"].startswith("ok"):
            keys = self._paper_keys(row)
            first = next((self.papers[k] for k in keys if k in self.papers
                          and not self._conflict(self.papers[k], row)), None)
            if first is not None and first["doc"] != row["doc"]:
                row["duplicate_of"] = first["doc"]
                first["sources"] = ";".join(dict.fromkeys(first["sources"].split(";") + [row["doc"]]))
                for c in res.claims:
                    c["duplicate"] = True
                for a in res.articles:
                    a["duplicate_of"] = a["duplicate_of"] or f"{first['doc_id']}:a0"
                return
            for k in keys:
                self.papers.setdefault(k, row)
        self._mark_articles(res)

    def _mark_articles(self, res: DocResult) -> None:
        dup_docs = []
        for art, keys in zip(res.articles, res.paragraph_keys):
            hashes = [hashlib.blake2b(k.encode(), digest_size=8).hexdigest() for k in keys if k]
            doc = res.document["doc"]
            seen = [self.first[h] for h in hashes if h in self.first and self.doc_of.get(self.first[h]) != doc]
            if hashes and seen:
                best = max(set(seen), key=seen.count)
                if seen.count(best) >= max(1, 0.6 * len(hashes)):
                    art["duplicate_of"] = best
                    dup_docs.append(self.doc_of[best])
            for h in hashes:
                self.first.setdefault(h, art["article_id"])
            self.doc_of[art["article_id"]] = res.document["doc"]
        dup_arts = {a["article_id"] for a in res.articles if a["duplicate_of"]}
        for c in res.claims:
            c["duplicate"] = c["article_id"] in dup_arts
        with_text = [a for a, k in zip(res.articles, res.paragraph_keys) if k]
        if with_text and all(a["duplicate_of"] for a in with_text) and len(set(dup_docs)) == 1:
            res.document["duplicate_of"] = dup_docs[0]


def run(paths: Sequence[str | Path], out_dir: str | Path, *, jobs: int = 1, quiet: bool = False,
        vocab_dir: str | None = None, warn=None, digest: str | None = None) -> RunSummary:
    """Extract every table of a corpus into ``out_dir`` (CSV + Parquet), atomically.

    ``digest`` is the corpus hash when the caller has computed it already.
    """
    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    files = list_corpus(paths)
    vocab = load_vocab(vocab_dir)
    digest = digest or corpus_hash(files, vocab)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ExoreviewError(f"output path exists and is not a folder: {out}")
    check_replaceable(out, legacy=("PROVENANCE",))
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
    except OSError as exc:
        raise ExoreviewError(f"cannot write the output folder {out}: {exc.strerror or exc}") from None
    try:
        keys = _noise_keys(files, vocab, jobs)
        writer = TableWriter(tmp)
        dups = _Duplicates()
        skipped = 0
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", disable=quiet or None, file=sys.stderr,
                   mininterval=0.5, leave=False, desc="extract")
        n_docs = 0
        last_file = None
        for res in _results(_items(files), keys, vocab_dir, jobs):
            n_docs += 1
            if res.document["status"] != "ok":
                warn(f"warning: {res.document['doc']}: {res.document['status']}")
            if res.document["status"].startswith("skipped"):
                skipped += 1
            dups.mark(res)
            writer.add("documents", [res.document])
            for table in ("articles", "sentences", "claims", "references", "citations"):
                writer.add(table, getattr(res, table))
            source_file = res.document["doc"].split("#", 1)[0]
            if source_file != last_file:
                bar.update(1)
                last_file = source_file
        bar.close()
        writer.close()
        if skipped == n_docs:
            raise CorpusError(f"no readable document in {', '.join(map(str, paths))} ({skipped} files skipped)")
        (tmp / "PROVENANCE").write_text(f"exoreview {__version__}\ncontent_hash {digest}\n", encoding="utf-8")
        swap_in(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return RunSummary(n_docs, skipped, writer.counts["claims"], digest, out)


def _results(items: Iterator[tuple], keys: frozenset[str], vocab_dir: str | None,
             jobs: int) -> Iterator[DocResult]:
    """Process items in order, in ``jobs`` processes (1 = in this process), a batch at a time."""
    if jobs <= 1:
        _init_worker(keys, vocab_dir)
        with _calm_gc():
            for item in items:
                yield _work(item)
        return
    with _context().Pool(jobs, initializer=_init_pool_worker, initargs=(keys, vocab_dir)) as pool:
        while True:
            batch = list(islice(items, BATCH))
            if not batch:
                break
            yield from pool.imap(_work, batch, chunksize=max(1, min(16, len(batch) // (4 * jobs))))
