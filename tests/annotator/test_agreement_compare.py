"""Unit-by-unit comparison of two layers, span F1, token labels and the confusion matrix."""

from __future__ import annotations

from typing import Any

import pytest

from annotator.agreement import (
    NO_LABEL,
    DocumentLayers,
    MatchMode,
    RelationStatus,
    UnitStatus,
    agreement_report,
    compare_layers,
    confusion_matrix,
    span_scores,
    span_scores_by_label,
    token_labels,
    unitizing_alpha,
)
from annotator.model import Relation, Span, SpanKind

TEXT = "x" * 200


def span(
    span_id: str,
    start: int,
    end: int,
    label: str = "PER",
    *,
    annotator: str = "a",
    kind: SpanKind = SpanKind.ENTITY,
    attributes: dict[str, Any] | None = None,
    ref: str | None = None,
) -> Span:
    return Span(span_id, "doc", annotator, kind, label, start, end, TEXT[start:end], attributes or {}, ref)


def relation(relation_id: str, head: str, tail: str, label: str = "CLAIMANT") -> Relation:
    return Relation(relation_id, "doc", "a", label, head, tail)


def statuses(a: list[Span], b: list[Span]) -> list[tuple[UnitStatus, str | None, str | None]]:
    return [(u.status, u.a.id if u.a else None, u.b.id if u.b else None) for u in compare_layers(a, b).units]


def test_each_status() -> None:
    a = [span("a1", 0, 5), span("a2", 10, 15, "ORG"), span("a3", 20, 30), span("a4", 40, 45)]
    b = [span("b1", 0, 5), span("b2", 10, 15, "GPE"), span("b3", 22, 30), span("b5", 50, 55)]
    assert statuses(a, b) == [
        (UnitStatus.AGREED, "a1", "b1"),
        (UnitStatus.LABEL_MISMATCH, "a2", "b2"),
        (UnitStatus.BOUNDARY_MISMATCH, "a3", "b3"),
        (UnitStatus.ONLY_A, "a4", None),
        (UnitStatus.ONLY_B, None, "b5"),
    ]
    units = compare_layers(a, b).units
    assert units[2].same_label
    assert (units[2].start, units[2].end) == (20, 30)
    assert not units[1].same_label


def test_a_different_kind_is_a_label_mismatch() -> None:
    a = [span("a1", 0, 5, "CLAIM", kind=SpanKind.CLAIM)]
    b = [span("b1", 0, 5, "CLAIM", kind=SpanKind.ENTITY)]
    assert statuses(a, b) == [(UnitStatus.LABEL_MISMATCH, "a1", "b1")]


def test_exact_matches_are_paired_before_overlaps_in_nested_spans() -> None:
    # A: an ORG with a nested GPE; B: the same GPE and a longer ORG.
    a = [span("org", 0, 20, "ORG"), span("gpe", 10, 20, "GPE")]
    b = [span("gpe'", 10, 20, "GPE"), span("org'", 0, 25, "ORG")]
    assert statuses(a, b) == [
        (UnitStatus.BOUNDARY_MISMATCH, "org", "org'"),
        (UnitStatus.AGREED, "gpe", "gpe'"),
    ]


def test_best_overlap_wins() -> None:
    a = [span("a", 0, 10)]
    b = [span("small", 8, 12), span("big", 1, 10)]
    assert statuses(a, b) == [
        (UnitStatus.BOUNDARY_MISMATCH, "a", "big"),
        (UnitStatus.ONLY_B, None, "small"),
    ]


def test_touching_spans_do_not_overlap() -> None:
    assert statuses([span("a", 0, 5)], [span("b", 5, 9)]) == [
        (UnitStatus.ONLY_A, "a", None),
        (UnitStatus.ONLY_B, None, "b"),
    ]


def test_attribute_and_ref_differences_on_agreed_units() -> None:
    a = [span("a", 0, 5, "CLAIM", kind=SpanKind.CLAIM, attributes={"stance": "asserted", "certainty": "certain"})]
    b = [span("b", 0, 5, "CLAIM", kind=SpanKind.CLAIM, attributes={"stance": "denied"}, ref="q1")]
    (unit,) = compare_layers(a, b).units
    assert unit.status is UnitStatus.AGREED
    assert [(d.name, d.a_value, d.b_value) for d in unit.attribute_differences] == [
        ("certainty", "certain", None),
        ("stance", "asserted", "denied"),
    ]
    assert unit.ref_differs
    assert not unit.is_disagreement


def test_next_and_previous_disagreement() -> None:
    a = [span("a1", 0, 5), span("a2", 10, 15), span("a3", 20, 25, attributes={"x": 1})]
    b = [span("b1", 0, 5), span("b2", 10, 15, "ORG"), span("b3", 20, 25)]
    comparison = compare_layers(a, b)
    found = comparison.next_disagreement(-1)
    assert found is not None and found.a is not None and found.a.id == "a2"
    assert comparison.next_disagreement(10) is None
    with_attributes = comparison.next_disagreement(10, include_attributes=True)
    assert with_attributes is not None and with_attributes.start == 20
    back = comparison.previous_disagreement(20)
    assert back is not None and back.start == 10
    assert comparison.previous_disagreement(10) is None
    assert comparison.counts()[UnitStatus.LABEL_MISMATCH] == 1


def test_relations_follow_their_matched_spans() -> None:
    a = [span("claim", 0, 10, "CLAIM", kind=SpanKind.CLAIM), span("per", 20, 25), span("org", 30, 35, "ORG")]
    b = [span("claim'", 0, 12, "CLAIM", kind=SpanKind.CLAIM), span("per'", 20, 25), span("org'", 30, 35, "ORG")]
    a_relations = [
        relation("r1", "claim", "per", "CLAIMANT"),
        relation("r2", "claim", "org", "SOURCE"),
        relation("r3", "per", "org", "TARGET"),
    ]
    b_relations = [
        relation("s1", "claim'", "per'", "CLAIMANT"),
        relation("s2", "claim'", "org'", "TARGET"),
        relation("s4", "org'", "per'", "TARGET"),
    ]
    units = compare_layers(a, b, a_relations, b_relations).relations
    found = {(u.status, u.a.id if u.a else None, u.b.id if u.b else None) for u in units}
    assert found == {
        (RelationStatus.AGREED, "r1", "s1"),
        (RelationStatus.LABEL_MISMATCH, "r2", "s2"),
        (RelationStatus.ONLY_A, "r3", None),
        (RelationStatus.ONLY_B, None, "s4"),
    }


def test_relations_of_unmatched_spans_are_only_on_one_side() -> None:
    a = [span("h", 0, 5), span("t", 10, 15)]
    b = [span("h'", 0, 5), span("t'", 50, 55)]
    units = compare_layers(a, b, [relation("r", "h", "t")], [relation("s", "h'", "t'")]).relations
    assert sorted(u.status for u in units) == [RelationStatus.ONLY_A, RelationStatus.ONLY_B]


def test_confusion_matrix() -> None:
    a = [span("a1", 0, 5), span("a2", 10, 15, "ORG"), span("a3", 20, 25, "ORG"), span("a4", 40, 45)]
    b = [span("b1", 0, 5), span("b2", 10, 15, "GPE"), span("b3", 21, 25, "ORG"), span("b5", 50, 55, "GPE")]
    matrix = confusion_matrix([compare_layers(a, b)])
    assert matrix.labels == ("GPE", "ORG", "PER", NO_LABEL)
    assert matrix.count("PER", "PER") == 1
    assert matrix.count("ORG", "GPE") == 1
    assert matrix.count("ORG", "ORG") == 1
    assert matrix.count("PER", NO_LABEL) == 1
    assert matrix.count(NO_LABEL, "GPE") == 1
    assert sum(map(sum, matrix.counts)) == 5


def test_span_scores_exact_and_overlap() -> None:
    reference = [span("a1", 0, 5), span("a2", 10, 15, "ORG"), span("a3", 20, 30), span("a4", 40, 45)]
    prediction = [
        span("b1", 0, 5),
        span("b2", 10, 15, "GPE"),
        span("b3", 22, 30),
        span("b4", 41, 44),
        span("b5", 60, 61),
    ]
    exact = span_scores(reference, prediction, MatchMode.EXACT)
    assert (exact.reference, exact.predicted, exact.matched) == (4, 5, 1)
    assert exact.precision == pytest.approx(1 / 5)
    assert exact.recall == pytest.approx(1 / 4)
    assert exact.f1 == pytest.approx(2 / 9)
    overlap = span_scores(reference, prediction, MatchMode.OVERLAP)
    assert overlap.matched == 3
    assert overlap.f1 == pytest.approx(6 / 9)
    by_label = span_scores_by_label(reference, prediction, MatchMode.OVERLAP)
    assert sorted(by_label) == ["GPE", "ORG", "PER"]
    assert (by_label["PER"].reference, by_label["PER"].predicted, by_label["PER"].matched) == (3, 4, 3)
    assert by_label["ORG"].precision is None
    assert by_label["GPE"].recall is None


def test_overlap_matching_is_one_to_one() -> None:
    reference = [span("a", 0, 10)]
    prediction = [span("b1", 0, 4), span("b2", 5, 10)]
    assert span_scores(reference, prediction, MatchMode.OVERLAP).matched == 1


def test_token_labels_take_the_outermost_span() -> None:
    tokens = [(0, 3), (4, 9), (10, 14), (15, 20), (21, 25)]
    spans = [span("org", 4, 14, "ORG"), span("gpe", 10, 14, "GPE"), span("per", 16, 18)]
    assert token_labels(spans, tokens) == [NO_LABEL, "ORG", "ORG", "PER", NO_LABEL]
    # Tokens are labelled in the order given.
    assert token_labels(spans, tokens[::-1]) == [NO_LABEL, "PER", "ORG", "ORG", NO_LABEL]
    with pytest.raises(ValueError, match="overlaps"):
        token_labels(spans, [(0, 5), (3, 8)])


def test_agreement_report_two_documents() -> None:
    tokens = [(0, 5), (5, 10), (10, 15), (15, 20)]
    first = DocumentLayers(
        "d1", 20, [[span("a", 0, 5), span("b", 10, 15, "ORG")], [span("a'", 0, 5), span("b'", 10, 15, "GPE")]], tokens
    )
    second = DocumentLayers("d2", 20, [[span("c", 5, 10)], [span("c'", 5, 10)]], tokens)
    report = agreement_report([first, second])
    d1 = report.documents[0].figures
    assert d1.exact_f1 == pytest.approx(0.5)
    assert report.documents[1].figures.exact_f1 == pytest.approx(1.0)
    # Corpus: 2 of 3 spans matched on each side.
    assert report.corpus.exact[0, 1].matched == 2
    assert report.corpus.exact_f1 == pytest.approx(2 / 3)
    # 8 tokens: PER,O,ORG,O | O,PER,O,O against PER,O,GPE,O | O,PER,O,O -> 7/8 observed.
    assert report.corpus.token_kappa is not None
    assert report.corpus.token_kappa.observed == pytest.approx(7 / 8)
    # Margins PER 2, none 5, ORG|GPE 1 on each side: expected (2*2 + 5*5) / 64.
    assert report.corpus.token_kappa.value == pytest.approx((56 - 29) / (64 - 29))
    bars = {row.label: row for row in report.corpus.labels}
    assert bars["PER"].exact_f1 == pytest.approx(1.0)
    assert bars["ORG"].exact_f1 == pytest.approx(0.0)
    assert bars["PER"].alpha_u == pytest.approx(1.0)
    assert bars["PER"].spans_per_layer == (2, 2)
    assert report.corpus.unitizing is not None
    assert report.corpus.unitizing.value is not None and report.corpus.unitizing.value < 1.0


def test_agreement_report_three_layers_uses_fleiss() -> None:
    tokens = [(0, 5), (5, 10), (10, 15)]
    layer = [span("a", 0, 5), span("b", 10, 15, "ORG")]
    odd = [span("a", 0, 5), span("b", 10, 15, "GPE")]
    report = agreement_report([DocumentLayers("d", 15, [layer, layer, odd], tokens)])
    figures = report.corpus
    assert sorted(figures.exact) == [(0, 1), (0, 2), (1, 2)]
    assert figures.exact_f1 == pytest.approx((1.0 + 0.5 + 0.5) / 3)
    assert figures.token_kappa is not None
    # Tokens rated (PER, PER, PER), (none x3), (ORG, ORG, GPE): of three rater pairs, 3, 3 and 1 agree.
    assert figures.token_kappa.observed == pytest.approx((1 + 1 + 1 / 3) / 3)


def test_agreement_report_rejects_uneven_layers() -> None:
    with pytest.raises(ValueError, match="same number"):
        agreement_report([DocumentLayers("d", 10, [[span("a", 0, 5)]])])
    with pytest.raises(ValueError, match="same number"):
        agreement_report([DocumentLayers("d", 10, [[], []]), DocumentLayers("e", 10, [[], [], []])])


def test_unitizing_rejects_spans_outside_the_continuum() -> None:
    with pytest.raises(ValueError, match="not inside"):
        unitizing_alpha([[span("a", 0, 5)], [span("b", 3, 12)]], 0, 10)
