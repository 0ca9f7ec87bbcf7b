"""Layers of 20,000 spans go through every measure (a smoke test; the timing is measured elsewhere)."""

from __future__ import annotations

import random

from annotator.agreement import (
    DocumentLayers,
    MatchMode,
    UnitStatus,
    agreement_report,
    compare_layers,
    span_scores,
)
from annotator.model import Span, SpanKind

LABELS = ("PER", "ORG", "GPE", "LOC")


def _layers(count: int) -> tuple[list[Span], list[Span], int]:
    rng = random.Random(20_000)
    a: list[Span] = []
    b: list[Span] = []
    position = 0
    for index in range(count):
        position += rng.randint(1, 12)
        start, end = position, position + rng.randint(1, 20)
        label = rng.choice(LABELS)
        a.append(Span(f"a{index}", "doc", "a", SpanKind.ENTITY, label, start, end, ""))
        roll = rng.random()
        if roll < 0.7:
            b.append(Span(f"b{index}", "doc", "b", SpanKind.ENTITY, label, start, end, ""))
        elif roll < 0.8:
            b.append(Span(f"b{index}", "doc", "b", SpanKind.ENTITY, "NORP", start, end, ""))
        elif roll < 0.9:
            b.append(Span(f"b{index}", "doc", "b", SpanKind.ENTITY, label, start + 1, end + 2, ""))
    return a, b, position + 30


def test_twenty_thousand_spans() -> None:
    a, b, length = _layers(20_000)
    comparison = compare_layers(a, b)
    counts = comparison.counts()
    assert sum(1 for u in comparison.units if u.a is not None) == len(a)
    assert sum(1 for u in comparison.units if u.b is not None) == len(b)
    assert counts[UnitStatus.AGREED] > 0.6 * len(a)
    assert counts[UnitStatus.LABEL_MISMATCH] > 0
    assert counts[UnitStatus.BOUNDARY_MISMATCH] > 0
    assert counts[UnitStatus.ONLY_A] > 0
    exact = span_scores(a, b, MatchMode.EXACT)
    assert exact.matched == counts[UnitStatus.AGREED]
    assert span_scores(a, b, MatchMode.OVERLAP).matched >= exact.matched
    tokens = [(start, start + 4) for start in range(0, length - 4, 5)]
    report = agreement_report([DocumentLayers("doc", length, [a, b], tokens)])
    assert report.corpus.exact_f1 is not None and 0.6 < report.corpus.exact_f1 < 1.0
    assert report.corpus.unitizing is not None and report.corpus.unitizing.value is not None
    assert report.corpus.token_kappa is not None and report.corpus.token_kappa.value is not None
