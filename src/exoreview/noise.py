"""Page noise: calls to action, navigation, comment counters, newsletter boxes.

A line is noise when it is short and holds a cue of boilerplate.yaml, when it is
printed 3+ times in its document, or when it is a short line found in a large
share of the corpus (site chrome repeated on every page).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Iterable

from .references import section_start
from .segment import is_section_name
from .vocab import Vocab


_NON_WORD = re.compile(r"[\W_]+")


def line_key(line: str) -> str:
    """A key that ignores case, spacing and punctuation, for counting repeated lines."""
    norm = _NON_WORD.sub("", line.lower())
    return hashlib.blake2b(norm.encode(), digest_size=8).hexdigest() if norm else ""


def short_lines(text: str, max_chars: int) -> set[str]:
    """Keys of a document's short lines (each counted once per document)."""
    return {line_key(ln) for ln in text.split("\n") if 0 < len(ln.strip()) <= max_chars} - {""}


def corpus_noise(texts_keys: Iterable[set[str]], n_docs: int, vocab: Vocab) -> frozenset[str]:
    """Short lines found in at least ``share_of_corpus`` of a corpus of 4+ documents."""
    conf = vocab["boilerplate.yaml"]
    if n_docs < 4:
        return frozenset()
    counts: Counter[str] = Counter()
    for keys in texts_keys:
        counts.update(keys)
    floor = max(3, conf.get("share_of_corpus", 0.5) * n_docs)
    return frozenset(k for k, c in counts.items() if c >= floor)


def _structural(line: str) -> bool:
    """A section heading every paper of a corpus prints ("Abstract", "References"): structure, not chrome."""
    return is_section_name(line) or section_start(line.strip().strip("#*_ ")) == ""


def remove_noise(text: str, vocab: Vocab, corpus_keys: frozenset[str] = frozenset()) -> str:
    """Blank out noise lines, keeping line positions so paragraphs stay apart."""
    conf = vocab["boilerplate.yaml"]
    max_chars = int(conf.get("max_chars", 140))
    repeats = int(conf.get("repeats_in_document", 3))
    cues = [c.lower() for c in conf.get("cues", [])]
    lines = text.split("\n")
    keys = [line_key(ln) if len(ln) <= max_chars else "" for ln in lines]
    counts = Counter(k for k in keys if k)
    kept = _printed_title_twice(lines, keys, {k for k, c in counts.items() if c >= repeats})
    out = []
    for i, (line, key) in enumerate(zip(lines, keys)):
        low = line.lower()
        short = bool(key)
        if key and ((counts[key] >= repeats and i not in kept)
                    or (short and key in corpus_keys and not _structural(line))
                    or (short and any(c in low for c in cues))):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def _printed_title_twice(lines: list[str], keys: list[str], repeated: set[str]) -> set[int]:
    """Lines of a repeated line's first two printings when they stand back to back with blank lines
    between: an article's title printed twice opens it; its later printings (a "recent posts"
    list) are navigation. A call to action printed on consecutive lines stays noise."""
    kept: set[int] = set()
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key not in repeated:
            continue
        if key not in first:
            first[key] = i
        elif first[key] >= 0:
            j = first[key]
            if i > j + 1 and all(not ln.strip() for ln in lines[j + 1:i]):  # "Title\n\nTitle", not a CTA run
                kept |= {j, i}
            first[key] = -1  # only the first two printings can be the title
    return kept
