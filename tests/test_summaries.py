"""Tables of exoreview.summaries on a synthetic corpus whose every number is known."""
from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from exoreview import summaries as S
from exoreview.taxonomy import APPLICATIONS, CELL_SOURCES, EVIDENCE_TIERS

from .report_support import SCRIPT_TEXT, synthetic_corpus


@pytest.fixture
def corpus():
    return synthetic_corpus()


@pytest.fixture
def claims(corpus):
    return S.filter_claims(corpus)


def ids(df):
    return [cid.rsplit(":c", 1)[1] for cid in df["claim_id"]]


def test_split_list_and_explode():
    assert S.split_list("a; b;;c") == ["a", "b", "c"]
    assert S.split_list("") == [] and S.split_list(None) == [] and S.split_list(float("nan")) == []
    df = pd.DataFrame({"k": ["x;y", "", "z"], "n": [1, 2, 3]})
    assert S.explode(df, "k")[["k", "n"]].values.tolist() == [["x", 1], ["y", 1], ["z", 3]]
    assert S.explode(df, "k", empty="(none)")["k"].tolist() == ["x", "y", "(none)", "z"]
    assert df["k"].tolist() == ["x;y", "", "z"]  # input untouched


def test_filter_claims_defaults_drop_duplicates(corpus):
    assert ids(S.filter_claims(corpus)) == ["1", "2", "3", "4", "5", "6", "8", "9"]
    assert "7" in ids(S.filter_claims(corpus, include_duplicates=True))


def test_filter_claims_by_each_field(corpus):
    assert ids(S.filter_claims(corpus, cell_source=["adipose_msc"])) == ["1", "2"]
    assert ids(S.filter_claims(corpus, cell_source="plant")) == ["5"]
    assert ids(S.filter_claims(corpus, application=["skin_aging", "hair_loss"])) == ["1", "4", "6", "9"]
    assert ids(S.filter_claims(corpus, evidence_tier=["rct", "clinical_study"])) == ["1", "9"]
    assert ids(S.filter_claims(corpus, source_kind=["vendor_marketing"])) == ["4", "5", "6", "8"]
    assert ids(S.filter_claims(corpus, cell_source=["adipose_msc"], application=["wound_healing"])) == ["2"]
    assert S.filter_claims(corpus, cell_source=["bacterial"]).empty


def test_filter_claims_rejects_unknown_keys(corpus):
    with pytest.raises(ValueError, match="cell_source: unknown value 'adipose'; valid keys: adipose_msc"):
        S.filter_claims(corpus, cell_source=["adipose"])


def test_functions_do_not_mutate_input(corpus, claims):
    before = claims.copy()
    S.overclaims(claims, corpus.citations)
    S.outcome_pairs(claims)
    S.count_by_tier(claims, "cell_source")
    S.gap_map_table(claims)
    assert_frame_equal(claims, before)


def test_count_by_cell_source(claims):
    table = S.count_by_tier(claims, "cell_source")
    assert table.columns.tolist() == ["cell_source", *EVIDENCE_TIERS, "total"]
    assert table["cell_source"].tolist() == [*CELL_SOURCES, "(none)"]  # every key, zeros kept
    totals = dict(zip(table["cell_source"], table["total"]))
    assert totals["adipose_msc"] == 2 and totals["umbilical_cord_msc"] == 3 and totals["plant"] == 1
    assert totals["unspecified"] == 2 and totals["(none)"] == 1 and totals["bone_marrow_msc"] == 0
    row = table.set_index("cell_source").loc["umbilical_cord_msc"]
    assert (row["animal"], row["narrative_review"], row["clinical_study"]) == (1, 1, 1)


def test_tier_counts_strongest_first(claims):
    table = S.tier_counts(claims)
    assert table["evidence_tier"].tolist() == list(EVIDENCE_TIERS)
    assert dict(zip(table["evidence_tier"], table["claims"])) == {
        "systematic_review": 0, "rct": 1, "clinical_study": 1, "case_report": 0, "animal": 1,
        "ex_vivo_human": 0, "in_vitro": 1, "narrative_review": 2, "expert_opinion": 2}
    assert table["share"].tolist()[1] == 0.125


def test_gap_map(claims):
    long = S.gap_map_table(claims)
    assert len(long) == len(CELL_SOURCES) * len(APPLICATIONS)
    cell = long.set_index(["cell_source", "application"])
    assert cell.loc[("adipose_msc", "skin_aging"), "claims"] == 1
    assert cell.loc[("adipose_msc", "skin_aging"), "strongest_tier"] == "rct"
    assert cell.loc[("umbilical_cord_msc", "skin_aging"), "strongest_tier"] == "narrative_review"
    assert cell.loc[("bacterial", "dental"), "claims"] == 0
    assert cell.loc[("bacterial", "dental"), "strongest_tier"] == ""
    filled = S.gap_map_table(claims, include_gaps=False)
    assert len(filled) == 9 and filled["claims"].sum() == 9
    wide = S.gap_map_matrix(claims)
    assert wide.columns.tolist() == ["cell_source", *APPLICATIONS]
    assert wide.set_index("cell_source").loc["unspecified", "wound_healing"] == 1


def test_summary_table(claims, corpus):
    table = S.summary_table(claims, corpus.citations)
    got = dict(zip(table["metric"], table["count"]))
    assert got == {"claims": 8, "documents with claims": 2, "human clinical evidence": 2,
                   "preclinical evidence": 2,
                   "review or opinion only": 4, "with a resolved citation": 4, "hedged wording": 1,
                   "emphatic wording": 5, "likely overclaims": 4}
    assert table.set_index("metric").loc["likely overclaims", "share"] == 0.5


def test_hedging_by_tier(claims):
    table = S.hedging_by_tier(claims).set_index("hedging")
    assert table.index.tolist() == ["hedged", "plain", "emphatic"]
    assert table.loc["emphatic", "expert_opinion"] == 2 and table.loc["emphatic", "total"] == 5
    assert table.loc["hedged", "animal"] == 1


def test_overclaims_and_reasons(claims, corpus):
    flagged = S.flagged_claims(claims, corpus.citations)
    assert flagged.columns.tolist() == ["doc", "sentence", "evidence_tier", "hedging", "citation", "reason"]
    assert flagged["evidence_tier"].tolist() == ["expert_opinion", "in_vitro", "narrative_review",
                                                 "expert_opinion"]
    assert flagged["reason"].tolist() == [
        "emphatic wording, expert_opinion evidence only", "emphatic wording, in_vitro evidence only",
        "emphatic wording, no study or resolved citation behind it",
        "emphatic wording, expert_opinion evidence only"]
    assert SCRIPT_TEXT in flagged["sentence"].iloc[3]


def test_citation_status_and_by_tier(claims, corpus):
    status = S.citation_status(claims, corpus.citations)
    assert dict(zip(ids(claims), status)) == {"1": "resolved", "2": "resolved", "3": "unresolved",
                                              "4": "none",
                                              "5": "resolved", "6": "none", "8": "none", "9": "resolved"}
    table = S.citations_by_tier(claims, corpus.citations).set_index("evidence_tier")
    assert table.loc["narrative_review"].tolist() == [0, 1, 1, 2]
    uncited = S.uncited_claims(claims, corpus.citations)
    assert len(uncited) == 4


def test_audit_by_source_kind(claims, corpus):
    table = S.audit_by_source_kind(claims, corpus.citations).set_index("source_kind")
    assert table.loc["vendor_marketing", ["claims", "emphatic", "likely_overclaims",
                                          "no_resolved_citation"]].tolist() \
        == [4, 4, 4, 3]
    assert table.loc["peer_reviewed_review", "likely_overclaims"] == 0
    assert table.loc["peer_reviewed_review", "share_uncited"] == 0.25
    assert pd.isna(table.loc["regulatory", "share_uncited"])


def test_outcomes(claims):
    pairs = S.outcome_pairs(claims)
    assert sorted(zip(pairs["outcome"], pairs["direction"])) == [
        ("collagen", "up"), ("collagen", "up"), ("hair_growth", "up"), ("pigmentation", "down"),
        ("wound_closure", "up"), ("wrinkles", "down")]
    table = S.outcome_direction_table(claims)
    assert list(zip(table["outcome"], table["direction"])) == [
        ("collagen", "up"), ("wound_closure", "up"), ("pigmentation", "down"), ("wrinkles", "down"),
        ("hair_growth", "up")]
    assert table.set_index("outcome").loc["collagen", "total"] == 2
    by_source = S.outcomes_by_cell_source(claims).set_index("outcome")
    assert by_source.loc["wound_closure", ["adipose_msc", "umbilical_cord_msc", "total"]].tolist() == [1, 1,
                                                                                                       2]


def test_routes(claims):
    table = S.route_table(claims).set_index("route")
    assert table["total"].to_dict() == {"topical": 3, "injection": 2, "device_combined": 0, "unspecified": 3}


def test_document_tables(corpus, claims):
    by_kind = S.documents_by_source_kind(corpus.documents).set_index("source_kind")
    assert by_kind.loc["vendor_marketing", ["documents", "articles", "claims"]].tolist() == [1, 2, 5]
    assert by_kind.loc["trade_magazine", "skipped"] == 1
    skipped = S.skipped_documents(corpus.documents)
    assert skipped.values.tolist() == [["c_scan.pdf", "pdf", "skipped: unsupported format"]]
    dups = S.duplicates_table(corpus.documents, corpus.articles, corpus.claims)
    assert dups.values.tolist() == [["article", "b_vendor.html #1: Reprint", "a_review.txt #0: A review", 1]]
    per_doc = S.claims_per_document(claims, corpus.documents)
    assert per_doc["doc"].tolist() == ["a_review.txt", "b_vendor.html", "c_scan.pdf"]
    assert per_doc["total"].tolist() == [4, 4, 0]


def test_reference_tables(corpus, claims):
    designs = S.cited_designs(claims, corpus.citations, corpus.references)
    assert designs.values.tolist() == [["rct", 1, 2], ["animal", 1, 1], ["(unclassified)", 1, 1]]
    share = S.citation_share_by_document(claims, corpus.citations, corpus.documents)
    assert share[["doc", "claims", "with_resolved_citation", "share"]].values.tolist() == [
        ["a_review.txt", 4, 3, 0.75], ["b_vendor.html", 4, 1, 0.25]]
    top = S.most_cited_references(claims, corpus.citations, corpus.references, corpus.documents, n=2)
    assert top[["doc", "label", "citing_claims"]].values.tolist() == [["a_review.txt", "1", 2],
                                                                      ["a_review.txt", "2", 1]]


def test_every_table_copes_with_no_claims(corpus):
    empty = S.filter_claims(corpus, cell_source=["bacterial"])
    assert empty.empty
    assert S.count_by_tier(empty, "application")["total"].sum() == 0
    assert S.summary_table(empty, corpus.citations).set_index("metric").loc["claims", "count"] == 0
    for table in (S.flagged_claims(empty, corpus.citations), S.outcome_direction_table(empty),
                  S.outcomes_by_cell_source(empty), S.cited_designs(empty, corpus.citations,
                                                                    corpus.references),
                  S.citation_share_by_document(empty, corpus.citations, corpus.documents),
                  S.most_cited_references(empty, corpus.citations, corpus.references, corpus.documents),
                  S.gap_map_table(empty, include_gaps=False)):
        assert table.empty
    assert S.gap_map_matrix(empty).drop(columns="cell_source").to_numpy().sum() == 0


def test_describe_filters():
    table = S.describe_filters(cell_source=["adipose_msc", "plant"], include_duplicates=True)
    assert table.values.tolist() == [["cell_source", "adipose_msc, plant"], ["application", "all"],
                                     ["evidence_tier", "all"], ["source_kind", "all"], ["include_duplicates",
                                                                                        "yes"]]


def test_claims_by_year_counts_dated_documents_only():
    import pandas as pd

    from exoreview import summaries

    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "year": ["2021", "", "2019"]})
    claims = pd.DataFrame({"doc_id": ["a", "a", "b", "c"],
                           "evidence_tier": ["rct", "animal", "rct", "in_vitro"]})
    table = summaries.claims_by_year(claims, docs)
    assert table["year"].tolist() == ["2019", "2021"]
    assert table.set_index("year").loc["2021", ["rct", "animal", "total"]].tolist() == [1, 1, 2]
    assert table.set_index("year").loc["2019", "in_vitro"] == 1
    assert summaries.claims_by_year(claims, docs.assign(year="")).empty
