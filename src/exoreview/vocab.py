"""Vocabulary data files (data/vocab/*.yaml): loading, validation and phrase matching.

Every synonym, cue word and design term lives in YAML so an analyst can extend it
without touching code. Phrases are case-insensitive and matched on word
boundaries; a trailing ``*`` matches any word ending. All phrases of all files are
compiled into one Aho-Corasick automaton (pyahocorasick), so a sentence is scanned
once whatever the size of the vocabulary.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

import ahocorasick
import yaml

from . import taxonomy as tx
from .errors import VocabError

VOCAB_DIR = Path(__file__).parent / "data" / "vocab"
ENV_EXTRA = "EXOREVIEW_VOCAB"  # a folder of YAML files that extend or override the bundled ones

# file name -> (allowed top-level keys or None for "taxonomy keys", what the keys must be)
_SCHEMA: dict[str, tuple[str, ...]] = {
    "subjects.yaml": ("vesicle", "anaphora", "producers", "products", "particles"),
    "cell_sources.yaml": tx.CELL_SOURCES,
    "applications.yaml": tx.APPLICATIONS,
    "routes.yaml": ("device_combined", "injection", "topical"),
    "outcomes.yaml": ("outcomes", "fixed", "ignore", "directions", "better", "acting", "harm_signs",
                      "harm_sign_modifiers"),
    "designs.yaml": ("order", "cues", "unspecific", "in_study_only", "participants", "veterinary", "not_reporting",
                     "finding_title", "publication_types", "mesh", "scholarly_hosts", "ignore"),
    "hedging.yaml": ("hedged", "emphatic", "dampers"),
    "claims.yaml": ("not_claim", "aim_openings", "connectives", "study_intro", "appraisal", "treated_arm",
                    "declarations", "testimonials"),
    "source_kinds.yaml": ("order", "default", "min_score", "journal_min_score", "review_without_journal",
                          "closing_reference", "opinion_labels", "cues"),
    "boilerplate.yaml": ("max_chars", "repeats_in_document", "share_of_corpus", "cues"),
}


class Hit(NamedTuple):
    """One phrase found in a text: its group (e.g. 'cell_source'), key and span."""

    group: str
    key: str
    start: int
    end: int
    phrase: str


def inside_longer(h: Hit, others: Iterable[Hit]) -> bool:
    """``h`` lies inside a longer hit of ``others``: "randomised" in "not randomised"."""
    return any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in others)


class PhraseMatcher:
    """Word-boundary phrase matching over many (group, key, phrase) entries at once."""

    def __init__(self, entries: Iterable[tuple[str, str, str]]):
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str, bool]]] = {}
        for group, key, phrase in entries:
            phrase = str(phrase).strip().lower()
            prefix = phrase.endswith("*")
            phrase = phrase.rstrip("*").strip()
            if phrase:
                table.setdefault(phrase, []).append((group, key, prefix))
        for phrase, values in table.items():
            exact = tuple((g, k) for g, k, prefix in values if not prefix)
            prefixed = tuple((g, k) for g, k, prefix in values if prefix)
            self._auto.add_word(phrase, (phrase, len(phrase), phrase[0].isalnum(), phrase[-1].isalnum(),
                                         exact, prefixed))
        if table:
            self._auto.make_automaton()
        self._empty = not table

    def find(self, text: str, lowered: str | None = None) -> list[Hit]:
        """Return every phrase occurrence in ``text`` that starts and ends on a word boundary."""
        return self.find_segmented(text, [0], lowered)[0]

    def find_segmented(self, text: str, starts: list[int], lowered: str | None = None) -> list[list[Hit]]:
        """Like :meth:`find` over segments joined by newlines (``starts`` = each segment's offset):
        one list of hits per segment, offsets relative to the segment. One pass, one object per hit."""
        per: list[list[Hit]] = [[] for _ in starts]
        if self._empty:
            return per
        low = lowered if lowered is not None else text.lower()
        n = len(low)
        seg, last = 0, len(starts) - 1
        nxt = starts[1] if last else n + 1
        off = starts[0] if starts else 0
        bucket = per[0] if per else []
        new = tuple.__new__  # builds a Hit without the generated __new__'s extra call: this loop is hot
        for end, (phrase, size, first_alnum, last_alnum, exact, prefixed) in self._auto.iter(low):
            start = end - size + 1
            if start > 0:
                before = low[start - 1]
                if before.isalnum() or (first_alnum and before == "'"):
                    continue
            if start >= nxt:  # hits come in order of their end; no phrase spans a newline
                while start >= nxt:
                    seg += 1
                    nxt = starts[seg + 1] if seg < last else n + 1
                off = starts[seg]
                bucket = per[seg]
            stop = end + 1
            if exact and (stop >= n or not last_alnum or not low[stop].isalnum()):
                for group, key in exact:
                    bucket.append(new(Hit, (group, key, start - off, stop - off, phrase)))
            if prefixed:
                while stop < n and low[stop].isalnum():
                    stop += 1
                for group, key in prefixed:
                    bucket.append(new(Hit, (group, key, start - off, stop - off, phrase)))
        return per


@dataclass
class Vocab:
    """All vocabulary data, loaded once, with one matcher over every phrase."""

    data: dict[str, dict]
    digest: str
    matcher: PhraseMatcher = field(repr=False, default=None)  # type: ignore[assignment]


    def __getitem__(self, name: str) -> dict:
        return self.data[name]


# libyaml's safe loader when PyYAML was built with it (about 10x faster: every run and worker loads the files)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> dict:
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise VocabError(f"vocabulary file {path}: cannot be read as YAML ({first})") from None
    if not isinstance(loaded, dict):
        raise VocabError(f"vocabulary file {path}: expected a mapping of keys to phrase lists")
    return loaded


def _check_keys(path: Path, data: dict, allowed: tuple[str, ...]) -> None:
    unknown = [k for k in data if k not in allowed]
    if unknown:
        raise VocabError(
            f"vocabulary file {path}: unknown key '{unknown[0]}' (valid keys: {', '.join(allowed)})")


def _check_phrases(path: Path, where: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise VocabError(f"vocabulary file {path}: '{where}' must be a list of phrases")
    return [str(v) for v in value]


def _validate(name: str, path: Path, data: dict) -> None:
    _check_keys(path, data, _SCHEMA[name])
    if name in ("cell_sources.yaml", "applications.yaml", "routes.yaml", "subjects.yaml", "hedging.yaml"):
        for key, value in data.items():
            if key == "producers":
                _check_keys(path, value if isinstance(value, dict) else {}, tx.CELL_SOURCES)
                for source, phrases in (value or {}).items():
                    _check_phrases(path, f"producers.{source}", phrases)
                continue
            _check_phrases(path, key, value)
    elif name == "outcomes.yaml":
        for key, spec in (data.get("outcomes") or {}).items():
            if key not in tx.OUTCOMES:
                raise VocabError(f"vocabulary file {path}: unknown outcome '{key}' "
                                 f"(valid keys: {', '.join(tx.OUTCOMES)})")
            if not isinstance(spec, dict):
                raise VocabError(f"vocabulary file {path}: outcome '{key}' must map terms/default")
            _check_keys(path, spec, ("terms", "default", "inverse_terms", "valence", "either_sign", "harms"))
            _check_phrases(path, f"{key}.terms", spec.get("terms", []))
            for opt in ("default", "either_sign"):
                if spec.get(opt, "up") not in tx.DIRECTIONS:
                    raise VocabError(f"vocabulary file {path}: outcome '{key}' {opt} must be one of "
                                     f"{', '.join(tx.DIRECTIONS)}")
        for key, value in (data.get("fixed") or {}).items():
            out, _, direction = str(key).partition(":")
            if out not in tx.OUTCOMES or direction not in tx.DIRECTIONS:
                raise VocabError(f"vocabulary file {path}: fixed entry '{key}' must be outcome:direction")
            _check_phrases(path, f"fixed.{key}", value)
        _check_keys(path, data.get("directions") or {}, tx.DIRECTIONS)
        for key in ("better", "acting", "ignore", "harm_signs", "harm_sign_modifiers"):
            _check_phrases(path, key, data.get(key) or [])
    elif name == "designs.yaml":
        _check_keys(path, data.get("cues") or {}, tx.EVIDENCE_TIERS)
        _check_keys(path, data.get("in_study_only") or {}, tx.EVIDENCE_TIERS)
        _check_phrases(path, "unspecific", data.get("unspecific") or [])
        _check_phrases(path, "participants", data.get("participants") or [])
        _check_phrases(path, "veterinary", data.get("veterinary") or [])
        _check_keys(path, data.get("publication_types") or {}, tx.EVIDENCE_TIERS)
        _check_keys(path, data.get("mesh") or {}, ("animal", "humans", "in_vitro"))
    elif name == "claims.yaml":
        _check_phrases(path, "declarations", data.get("declarations") or [])
        _check_phrases(path, "testimonials", data.get("testimonials") or [])
    elif name == "source_kinds.yaml":
        _check_keys(path, data.get("cues") or {}, tx.SOURCE_KINDS + ("journal",))
        _check_keys(path, data.get("closing_reference") or {}, tx.SOURCE_KINDS)
        _check_phrases(path, "opinion_labels", data.get("opinion_labels") or [])
        for kind, cues in (data.get("cues") or {}).items():
            if not isinstance(cues, dict) or not all(isinstance(w, (int, float)) for w in cues.values()):
                raise VocabError(f"vocabulary file {path}: cues of '{kind}' must map phrases to weights")


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def vocab_files(extra_dir: str | None = None) -> list[Path]:
    """Return the YAML files that make up the vocabulary, bundled first."""
    files = [VOCAB_DIR / name for name in _SCHEMA]
    extra = extra_dir or os.environ.get(ENV_EXTRA)
    if extra:
        files += sorted(Path(extra).glob("*.yaml"))
    return files


def _entries(data: dict[str, dict]) -> Iterable[tuple[str, str, str]]:
    for p in data["subjects.yaml"].get("vesicle", []):  # anaphora are read from sentence openings instead
        yield "subject", "vesicle", p
    for p in data["subjects.yaml"].get("particles") or []:
        yield "particle", "particle", p
    for key, phrases in (data["subjects.yaml"].get("producers") or {}).items():
        for p in phrases:
            yield "producer", key, p
    for group, name in (("cell_source", "cell_sources.yaml"), ("application", "applications.yaml"),
                        ("route", "routes.yaml"), ("hedge", "hedging.yaml")):
        for key, phrases in data[name].items():
            for p in phrases:
                yield group, key, p
    out = data["outcomes.yaml"]
    for key, spec in out["outcomes"].items():
        for p in spec.get("terms", []):
            yield "outcome", key, p
        for p in spec.get("inverse_terms", []):
            yield "outcome_inverse", key, p
    for key, phrases in out.get("fixed", {}).items():
        for p in phrases:
            yield "outcome_fixed", key, p
    for p in out.get("ignore", []):
        yield "outcome_ignore", "ignore", p
    for key, phrases in out["directions"].items():
        for p in phrases:
            yield "direction", key, p
    for p in out.get("better", []):
        yield "direction", "better", p
    for p in out.get("acting", []):
        yield "direction", "acting", p
    for p in out.get("harm_signs", []):
        yield "harm_sign", "harm_sign", p
    for p in out.get("harm_sign_modifiers", []):
        yield "harm_modifier", "harm_modifier", p
    designs = data["designs.yaml"]
    for key, phrases in designs["cues"].items():
        for p in phrases:
            yield "design", key, p
    for p in designs.get("unspecific") or []:
        yield "design_unspecific", "clinical_study", p
    for key, phrases in (designs.get("in_study_only") or {}).items():
        for p in phrases:
            yield "design_in_study", key, p
    for p in designs.get("veterinary") or []:
        yield "design_veterinary", "animal", p
    for p in designs.get("not_reporting", []):
        yield "not_reporting", "not_reporting", p
    for p in designs.get("ignore", []):
        yield "design_ignore", "ignore", p
    for p in (designs.get("finding_title") or {}).get("verbs", []):
        yield "finding_verb", "finding_verb", p
    claims = data["claims.yaml"]
    for key, phrases in claims["not_claim"].items():
        for p in phrases:
            yield "not_claim", key, p
    for p in claims.get("study_intro", []):
        yield "study_intro", "study_intro", p
    for p in claims.get("appraisal", []):
        yield "appraisal", "appraisal", p
    for p in claims.get("treated_arm", []):
        yield "treated_arm", "treated_arm", p
    for p in claims.get("testimonials") or []:
        yield "testimonials", "testimonials", p


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> Vocab:
    data: dict[str, dict] = {}
    digest = hashlib.sha256()
    for p in map(Path, paths):
        if not p.is_file():
            raise VocabError(f"vocabulary file {p}: not found")
        raw = p.read_bytes()
        digest.update(p.name.encode() + b"\0" + raw)
        loaded = _read_yaml(p)
        name = p.name
        if name not in _SCHEMA:
            raise VocabError(f"vocabulary file {p}: unknown file name (valid: {', '.join(_SCHEMA)})")
        _validate(name, p, loaded)
        data[name] = _merge(data.get(name, {}), loaded)
    vocab = Vocab(data=data, digest=digest.hexdigest())
    vocab.matcher = PhraseMatcher(_entries(data))
    return vocab


def load_vocab(extra_dir: str | None = None) -> Vocab:
    """Load, validate and compile the vocabulary (cached per set of files)."""
    return _load(tuple(str(p) for p in vocab_files(extra_dir)))
