"""Tables the notebooks show: pure functions of the corpus DataFrames.

Every function takes DataFrames with the columns of :mod:`exoreview.schema`,
returns a new DataFrame with a plain RangeIndex and never modifies its input.
Categories come in the display order of ``data/style.yaml`` (taxonomy keys),
so the same corpus always gives the same rows in the same order. List fields
(cell_source, application, outcomes, cites) are ';'-joined strings; a claim
naming two cell sources counts once under each, so per-category counts can
sum to more than the number of claims.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from . import taxonomy
from .params import FILTER_FIELDS
from .style import order

NONE_LABEL = "(none)"
UNCLASSIFIED = "(unclassified)"
LIST_COLUMNS = ("cell_source", "application", "outcomes", "cites")

# Tiers grouped for the summary table, strongest group first.
TIER_GROUPS: dict[str, tuple[str, ...]] = {
    "human clinical evidence": ("systematic_review", "rct", "clinical_study", "case_report"),
    "preclinical evidence": ("animal", "ex_vivo_human", "in_vitro"),
    "review or opinion only": ("narrative_review", "expert_opinion"),
}
# Evidence that cannot carry emphatic wording (TAXONOMY: opinion, cell culture, animals).
WEAK_TIERS: tuple[str, ...] = ("expert_opinion", "in_vitro", "animal")

FILTER_KEYS = FILTER_FIELDS  # field -> its taxonomy keys, shared with the parameter sets


# ---------------------------------------------------------------------------- helpers

def split_list(value) -> list[str]:
    """Split one ';'-joined cell into its items (empty, None and NaN give [])."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


def explode(df: pd.DataFrame, column: str, empty: str | None = None) -> pd.DataFrame:
    """One row per item of the ';'-joined list in ``column``.

    Rows whose list is empty are dropped, or kept once with the value ``empty``
    when it is given (e.g. ``"(none)"``, so that totals still add up).
    """
    out = df.copy()
    items = out[column].map(split_list)
    if empty is not None:
        items = items.map(lambda xs: xs or [empty])
    out[column] = items
    out = out.explode(column)
    out = out[out[column].notna()]
    out[column] = out[column].astype(str)
    return out.reset_index(drop=True)


def _ordered(field: str, present: Iterable[str], keep_all: bool = True) -> list[str]:
    """Display order of ``field``: its keys (all, or only those present), then other values sorted.

    ``(none)`` and ``(unclassified)`` come last when present.
    """
    present = {p for p in present if isinstance(p, str) and p}
    keys = order(field)
    known = [k for k in keys if keep_all or k in present]
    extra = sorted(present - set(keys) - {NONE_LABEL, UNCLASSIFIED})
    return known + extra + [label for label in (NONE_LABEL, UNCLASSIFIED) if label in present]


def _crosstab(df: pd.DataFrame, row: str, col: str, rows: list[str], cols: list[str]) -> pd.DataFrame:
    """Counts of (row, col) pairs as a wide table with exactly ``rows`` x ``cols`` (zeros kept)."""
    counts = Counter(zip(df[row], df[col]))
    data = [[counts.get((r, c), 0) for c in cols] for r in rows]
    table = pd.DataFrame(data, columns=cols, dtype="int64")
    table.insert(0, row, pd.Series(rows, dtype="str"))
    return table


def _with_total(table: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    out = table.copy()
    out["total"] = out[cols].sum(axis=1).astype("int64")
    return out


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else float("nan")


def _as_keys(field: str, value) -> list[str]:
    """A filter value (None, a key or a list of keys) as a list, checked against the taxonomy."""
    if value is None or value == "":
        return []
    values = [value] if isinstance(value, str) else list(value)
    unknown = [v for v in values if v not in FILTER_KEYS[field]]
    if unknown:
        raise ValueError(f"{field}: unknown value {unknown[0]!r}; "
                         f"valid keys: {', '.join(FILTER_KEYS[field])}")
    return values


# ---------------------------------------------------------------------------- filters

def filter_claims(corpus, cell_source=None, application=None, evidence_tier=None, source_kind=None,
                  include_duplicates: bool = False) -> pd.DataFrame:
    """Claims of ``corpus`` matching every filter given (a key or a list of keys each).

    A list field matches when the claim names any of the keys; an empty filter
    keeps everything. Claims in duplicated articles are left out unless
    ``include_duplicates``.
    """
    claims = corpus.claims
    mask = pd.Series(True, index=claims.index)
    if not include_duplicates:
        mask &= ~claims["duplicate"].fillna(False).astype(bool)
    for field, value in (("cell_source", cell_source), ("application", application)):
        wanted = set(_as_keys(field, value))
        if wanted:
            mask &= claims[field].map(lambda v, w=wanted: bool(w.intersection(split_list(v)))).astype(bool)
    for field, value in (("evidence_tier", evidence_tier), ("source_kind", source_kind)):
        wanted = _as_keys(field, value)
        if wanted:
            mask &= claims[field].isin(wanted)
    return claims.loc[mask].reset_index(drop=True)


def describe_filters(cell_source=None, application=None, evidence_tier=None, source_kind=None,
                     include_duplicates: bool = False) -> pd.DataFrame:
    """The filters in effect as a two-column table (``all`` where a filter is empty)."""
    rows = []
    for field, value in (("cell_source", cell_source), ("application", application),
                         ("evidence_tier", evidence_tier), ("source_kind", source_kind)):
        keys = _as_keys(field, value)
        rows.append((field, ", ".join(keys) if keys else "all"))
    rows.append(("include_duplicates", "yes" if include_duplicates else "no"))
    return pd.DataFrame(rows, columns=["filter", "value"], dtype="str")


# ---------------------------------------------------------------------------- resolved citations

def resolved(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.Series:
    """Boolean Series: the claim has at least one citation resolved to a reference."""
    cited = set(citations["claim_id"])
    return claims["claim_id"].isin(cited).astype(bool)


def citation_status(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.Series:
    """Per claim: ``resolved``, ``unresolved`` (a marker that matched no reference) or ``none``."""
    has_marker = claims["cites"].map(lambda v: bool(split_list(v))).astype(bool)
    is_resolved = resolved(claims, citations)
    status = ["resolved" if r else "unresolved" if m else "none" for r, m in zip(is_resolved, has_marker)]
    return pd.Series(status, index=claims.index, dtype="str", name="citation")


# ---------------------------------------------------------------------------- core counts

def count_by_tier(claims: pd.DataFrame, column: str) -> pd.DataFrame:
    """Claims per category of ``column`` (rows) and evidence tier (columns, strongest first), with a total.

    Every taxonomy key of ``column`` is a row, zeros included, so gaps show;
    claims with an empty list field count under ``(none)``.
    """
    long = explode(claims, column, empty=NONE_LABEL) if column in LIST_COLUMNS else claims
    tiers = list(order("evidence_tier"))
    rows = _ordered(column, long[column].unique())
    return _with_total(_crosstab(long, column, "evidence_tier", rows, tiers), tiers)


def claims_by_year(claims: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Claims per publication year (rows, oldest first) and evidence tier (columns), with a total.

    Years come from the documents (export records, PDFs); claims of documents with no
    known year are left out, so a corpus of web pages gives an empty table.
    """
    tiers = list(order("evidence_tier"))
    years = documents.set_index("doc_id")["year"] if "year" in documents else pd.Series(dtype="str")
    year = claims["doc_id"].map(years).fillna("").astype(str).str.strip()
    dated = claims.assign(year=year)[year.str.fullmatch(r"\d{4}")]
    rows = sorted(dated["year"].unique())
    table = _crosstab(dated, "year", "evidence_tier", rows, tiers)
    return _with_total(table, tiers)


def tier_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per evidence tier, strongest first, with their share of all claims."""
    counts = Counter(claims["evidence_tier"])
    tiers = _ordered("evidence_tier", claims["evidence_tier"].unique())
    n = len(claims)
    return pd.DataFrame({
        "evidence_tier": pd.Series(tiers, dtype="str"),
        "claims": pd.Series([counts.get(t, 0) for t in tiers], dtype="int64"),
        "share": [_share(counts.get(t, 0), n) for t in tiers],
    })


def gap_map_table(claims: pd.DataFrame, include_gaps: bool = True) -> pd.DataFrame:
    """Long table of every cell source x application pair: claims and strongest tier present.

    Pairs with no claim stay in the table (claims 0, strongest_tier empty):
    they are the gaps; ``include_gaps=False`` keeps only the filled pairs.
    Claims that name no cell source or no application do not appear.
    """
    pairs = explode(explode(claims, "cell_source"), "application")
    counts = Counter(zip(pairs["cell_source"], pairs["application"]))
    best: dict[tuple[str, str], str] = {}
    for key, group in pairs.groupby(["cell_source", "application"], sort=False):
        best[key] = taxonomy.strongest(group["evidence_tier"]) or ""
    rows = [(cs, app, counts.get((cs, app), 0), best.get((cs, app), ""))
            for cs in _ordered("cell_source", pairs["cell_source"].unique())
            for app in _ordered("application", pairs["application"].unique())]
    if not include_gaps:
        rows = [row for row in rows if row[2]]
    out = pd.DataFrame(rows, columns=["cell_source", "application", "claims", "strongest_tier"])
    return out.astype({"cell_source": "str", "application": "str", "claims": "int64",
                       "strongest_tier": "str"})


def gap_map_matrix(claims: pd.DataFrame) -> pd.DataFrame:
    """The gap map as a wide table: one row per cell source, one column per application, claim counts."""
    long = gap_map_table(claims)
    apps = list(dict.fromkeys(long["application"]))
    wide = long.pivot(index="cell_source", columns="application", values="claims")
    sources = list(dict.fromkeys(long["cell_source"]))
    wide = wide.reindex(index=sources, columns=apps).fillna(0).astype("int64")
    wide.columns.name = None
    return wide.reset_index()


def summary_table(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """Headline numbers: claims, documents, tier groups, citations, hedging, likely overclaims."""
    n = len(claims)
    flagged = overclaims(claims, citations)
    rows = [("claims", n, _share(n, n)),
            ("documents with claims", int(claims["doc"].nunique()), float("nan"))]
    for label, tiers in TIER_GROUPS.items():
        k = int(claims["evidence_tier"].isin(tiers).sum())
        rows.append((label, k, _share(k, n)))
    k = int(resolved(claims, citations).sum())
    rows.append(("with a resolved citation", k, _share(k, n)))
    for hedge in ("hedged", "emphatic"):
        k = int((claims["hedging"] == hedge).sum())
        rows.append((f"{hedge} wording", k, _share(k, n)))
    k = int(flagged["overclaim"].sum())
    rows.append(("likely overclaims", k, _share(k, n)))
    out = pd.DataFrame(rows, columns=["metric", "count", "share"])
    return out.astype({"metric": "str", "count": "int64"})


# ---------------------------------------------------------------------------- audit

def hedging_by_tier(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per hedging key (rows: hedged, plain, emphatic) and evidence tier (columns)."""
    tiers = list(order("evidence_tier"))
    rows = _ordered("hedging", claims["hedging"].unique())
    return _with_total(_crosstab(claims, "hedging", "evidence_tier", rows, tiers), tiers)


def overclaims(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """The claims with three added columns: ``citation`` status, ``overclaim`` flag and its ``reason``.

    A likely overclaim is emphatic wording ("proven", "revolutionary") backed
    only by weak evidence (expert opinion, in vitro or animal work) or by
    nothing: no resolved citation and a tier that came from the fallback step
    of the tier rule (no cited, named, reported or own study behind it).
    """
    out = claims.copy()
    out["citation"] = citation_status(claims, citations)
    emphatic = claims["hedging"] == "emphatic"
    weak = claims["evidence_tier"].isin(WEAK_TIERS)
    unbacked = (out["citation"] != "resolved") & (claims["tier_step"] == "fallback")
    out["overclaim"] = (emphatic & (weak | unbacked)).astype(bool)
    reasons = []
    for flag, is_weak, tier in zip(out["overclaim"], weak, claims["evidence_tier"]):
        if not flag:
            reasons.append("")
        elif is_weak:
            reasons.append(f"emphatic wording, {tier} evidence only")
        else:
            reasons.append("emphatic wording, no study or resolved citation behind it")
    out["reason"] = pd.Series(reasons, index=out.index, dtype="str")
    return out


def flagged_claims(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """The likely overclaims with their document and sentence, in document order."""
    flagged = overclaims(claims, citations)
    flagged = flagged[flagged["overclaim"]]
    cols = ["doc", "sentence", "evidence_tier", "hedging", "citation", "reason"]
    return flagged[cols].reset_index(drop=True)


def citations_by_tier(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """Per evidence tier: claims with a resolved citation, with an unresolved marker, with none."""
    status = citation_status(claims, citations)
    frame = pd.DataFrame({"evidence_tier": claims["evidence_tier"], "citation": status})
    cols = ["resolved", "unresolved", "none"]
    rows = _ordered("evidence_tier", claims["evidence_tier"].unique())
    return _with_total(_crosstab(frame, "evidence_tier", "citation", rows, cols), cols)


def uncited_claims(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """Claims without a resolved citation: document, sentence, tier and whether a marker was printed."""
    status = citation_status(claims, citations)
    out = claims.assign(citation=status)
    out = out[out["citation"] != "resolved"]
    return out[["doc", "sentence", "evidence_tier", "hedging", "citation"]].reset_index(drop=True)


def audit_by_source_kind(claims: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    """Per source kind: claims, emphatic claims, likely overclaims, claims without a resolved citation."""
    flagged = overclaims(claims, citations)
    rows = []
    for kind in _ordered("source_kind", claims["source_kind"].unique()):
        sub = flagged[flagged["source_kind"] == kind]
        n = len(sub)
        over = int(sub["overclaim"].sum())
        uncited = int((sub["citation"] != "resolved").sum())
        rows.append((kind, n, int((sub["hedging"] == "emphatic").sum()), over, uncited,
                     _share(over, n), _share(uncited, n)))
    cols = ["source_kind", "claims", "emphatic", "likely_overclaims", "no_resolved_citation",
            "share_overclaims", "share_uncited"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({c: "int64" for c in cols[1:5]} | {"source_kind": "str"})


# ---------------------------------------------------------------------------- outcomes

def outcome_pairs(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per ``key:direction`` outcome of a claim, split into ``outcome`` and ``direction``."""
    long = explode(claims, "outcomes")
    pairs = [value.partition(":") for value in long["outcomes"]]
    long["outcome"] = pd.Series([key for key, _, _ in pairs], index=long.index, dtype="str")
    long["direction"] = pd.Series([d or "unclear" for _, _, d in pairs], index=long.index, dtype="str")
    return long.drop(columns=["outcomes"])


def outcome_direction_table(claims: pd.DataFrame) -> pd.DataFrame:
    """Outcome x direction pairs found (rows, taxonomy order) by evidence tier (columns), with a total."""
    long = outcome_pairs(claims)
    long["pair"] = long["outcome"] + ":" + long["direction"]
    pairs = [f"{o}:{d}" for o in _ordered("outcomes", long["outcome"].unique(), keep_all=False)
             for d in _ordered("direction", long["direction"].unique(), keep_all=False)]
    present = set(long["pair"])
    pairs = [p for p in pairs if p in present]
    tiers = list(order("evidence_tier"))
    table = _with_total(_crosstab(long, "pair", "evidence_tier", pairs, tiers), tiers)
    table.insert(0, "direction", pd.Series([p.partition(":")[2] for p in pairs], dtype="str"))
    table.insert(0, "outcome", pd.Series([p.partition(":")[0] for p in pairs], dtype="str"))
    return table.drop(columns=["pair"])


def outcomes_by_cell_source(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per outcome (rows, those found) and cell source (columns, those found, plus ``(none)``)."""
    long = explode(outcome_pairs(claims), "cell_source", empty=NONE_LABEL)
    rows = _ordered("outcomes", long["outcome"].unique(), keep_all=False)
    cols = _ordered("cell_source", long["cell_source"].unique(), keep_all=False)
    return _with_total(_crosstab(long, "outcome", "cell_source", rows, cols), cols)


def route_table(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per route of administration (rows) and evidence tier (columns), with a total."""
    return count_by_tier(claims, "route")


# ---------------------------------------------------------------------------- documents

def documents_by_source_kind(documents: pd.DataFrame) -> pd.DataFrame:
    """Per source kind: documents read, skipped, duplicates, articles and claims found."""
    ok = documents["status"].fillna("").str.startswith("ok")
    rows = []
    for kind in _ordered("source_kind", documents["source_kind"].unique()):
        sub = documents[documents["source_kind"] == kind]
        duplicates = int((sub["duplicate_of"].fillna("") != "").sum())
        rows.append((kind, len(sub), int((~ok[sub.index]).sum()), duplicates,
                     int(sub["n_articles"].sum()), int(sub["n_claims"].sum())))
    cols = ["source_kind", "documents", "skipped", "duplicates", "articles", "claims"]
    return pd.DataFrame(rows, columns=cols).astype({c: "int64" for c in cols[1:]} | {"source_kind": "str"})


def _short(text, width: int = 90) -> str:
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def document_table(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per document: file, title (shortened), source kind, design, counts, duplicate and status."""
    out = documents[["doc", "title", "source_kind", "design", "n_articles", "n_sentences", "n_claims",
                     "duplicate_of", "status"]].copy()
    out["title"] = out["title"].map(_short).astype(str)
    return out.sort_values("doc", kind="stable").reset_index(drop=True)


def skipped_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents not read as ``ok``, with the reason the reader gave."""
    bad = documents[~documents["status"].fillna("").str.startswith("ok")]
    return bad[["doc", "format", "status"]].sort_values("doc", kind="stable").reset_index(drop=True)


def duplicates_table(documents: pd.DataFrame, articles: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Documents and articles found to repeat earlier ones, with the claims they hold.

    Pass the corpus's unfiltered claims: the claims of a duplicate are left out
    of every other table unless ``include_duplicates`` is set.
    """
    doc_claims = Counter(claims["doc_id"])
    article_claims = Counter(claims["article_id"])
    names = {a.article_id: f"{a.doc} #{a.index}: {_short(a.title, 50)}" for a in articles.itertuples()}
    rows = [("document", d.doc, d.duplicate_of, doc_claims.get(d.doc_id, 0))
            for d in documents.itertuples() if isinstance(d.duplicate_of, str) and d.duplicate_of]
    rows += [("article", names[a.article_id], names.get(a.duplicate_of, a.duplicate_of),
              article_claims.get(a.article_id, 0))
             for a in articles.itertuples() if isinstance(a.duplicate_of, str) and a.duplicate_of]
    out = pd.DataFrame(rows, columns=["level", "item", "duplicate_of", "claims"])
    return out.astype({"level": "str", "item": "str", "duplicate_of": "str", "claims": "int64"})


def claims_per_document(claims: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Claims per document (rows, by file name) and evidence tier (columns), with a total.

    Every document of ``documents`` is a row, so documents whose claims were
    all filtered out show as zeros.
    """
    tiers = list(order("evidence_tier"))
    docs = sorted(documents["doc"].unique())
    table = _with_total(_crosstab(claims, "doc", "evidence_tier", docs, tiers), tiers)
    kinds = dict(zip(documents["doc"], documents["source_kind"]))
    table.insert(1, "source_kind", table["doc"].map(kinds).astype(str))
    return table


# ---------------------------------------------------------------------------- references

def cited_references(claims: pd.DataFrame, citations: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """One row per (claim, reference) citation of the given claims, with the reference's fields."""
    cites = citations[citations["claim_id"].isin(set(claims["claim_id"]))]
    refs = references[["reference_id", "label", "kind", "text", "year", "design"]]
    out = cites[["claim_id", "reference_id", "doc_id"]].merge(refs, on="reference_id", how="left", sort=False)
    out["design"] = out["design"].fillna("").astype(str)
    return out.reset_index(drop=True)


def cited_designs(claims: pd.DataFrame, citations: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """Design of the references the claims cite: distinct references and citing claims per design."""
    cited = cited_references(claims, citations, references)
    cited = cited.assign(design=cited["design"].replace("", UNCLASSIFIED))
    rows = []
    for design in _ordered("evidence_tier", cited["design"].unique(), keep_all=False):
        sub = cited[cited["design"] == design]
        rows.append((design, int(sub["reference_id"].nunique()), int(sub["claim_id"].nunique())))
    out = pd.DataFrame(rows, columns=["design", "references", "citing_claims"])
    return out.astype({"design": "str", "references": "int64", "citing_claims": "int64"})


def citation_share_by_document(claims: pd.DataFrame, citations: pd.DataFrame,
                               documents: pd.DataFrame) -> pd.DataFrame:
    """Per document with claims: claims, claims with a resolved citation, and that share."""
    is_resolved = resolved(claims, citations)
    rows = []
    for doc in sorted(claims["doc"].unique()):
        mask = claims["doc"] == doc
        n, k = int(mask.sum()), int(is_resolved[mask].sum())
        rows.append((doc, n, k, _share(k, n)))
    out = pd.DataFrame(rows, columns=["doc", "claims", "with_resolved_citation", "share"])
    kinds = dict(zip(documents["doc"], documents["source_kind"]))
    out.insert(1, "source_kind", out["doc"].map(kinds).fillna("").astype(str))
    return out.astype({"doc": "str", "claims": "int64", "with_resolved_citation": "int64"})


def most_cited_references(claims: pd.DataFrame, citations: pd.DataFrame, references: pd.DataFrame,
                          documents: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` references cited by most claims: document, label, reference text (shortened), design."""
    cited = cited_references(claims, citations, references)
    counts = cited.groupby("reference_id", sort=True)["claim_id"].nunique()
    refs = references.set_index("reference_id")
    docs = dict(zip(documents["doc_id"], documents["doc"]))
    rows = [(docs.get(refs.at[rid, "doc_id"], ""), refs.at[rid, "label"], _short(refs.at[rid, "text"], 120),
             refs.at[rid, "year"], refs.at[rid, "design"] or UNCLASSIFIED, int(k))
            for rid, k in counts.items()]
    out = pd.DataFrame(rows, columns=["doc", "label", "reference", "year", "design", "citing_claims"])
    out = out.astype({c: "str" for c in out.columns[:5]} | {"citing_claims": "int64"})
    out = out.sort_values(["citing_claims", "doc", "label"], ascending=[False, True, True], kind="stable")
    return out.head(n).reset_index(drop=True)
