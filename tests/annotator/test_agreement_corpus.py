"""The corpus figures of an agreement report against the measures computed from their definitions.

The report derives its corpus alpha_u from per-document tallies and its pooled token measures from
per-document counts; these tests lay the documents end to end and pool the tokens the plain way,
with the public single-continuum functions and with brute-force references written here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import (
    NO_LABEL,
    DocumentLayers,
    agreement_report,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    token_labels,
    unit_distance,
    unitizing,
    unitizing_alpha,
)
from annotator.agreement.unitizing import UnitizingTally, alpha_of, laid_end_to_end, unitizing_tally
from annotator.model import Span, SpanKind

LABELS = ("PER", "ORG", "GPE")


def _span(index: int, start: int, end: int, label: str) -> Span:
    return Span(f"s{index}", "doc", "a", SpanKind.ENTITY, label, start, end, "")


@st.composite
def layer(draw: st.DrawFn, length: int) -> list[Span]:
    spans = []
    for index in range(draw(st.integers(min_value=0, max_value=8))):
        start = draw(st.integers(min_value=0, max_value=length - 1))
        end = draw(st.integers(min_value=start + 1, max_value=min(length, start + 12)))
        spans.append(_span(index, start, end, draw(st.sampled_from(LABELS))))
    return spans


@st.composite
def tokens(draw: st.DrawFn, length: int) -> list[tuple[int, int]]:
    found = []
    position = 0
    while position < length and draw(st.booleans()):
        start = position + draw(st.integers(min_value=0, max_value=2))
        end = min(length, start + draw(st.integers(min_value=0, max_value=5)))
        if start > length:
            break
        found.append((start, end))
        position = end
    return draw(st.permutations(found)) if draw(st.booleans()) else found


@st.composite
def corpora(draw: st.DrawFn) -> list[DocumentLayers]:
    observers = draw(st.sampled_from([2, 2, 3]))
    documents = []
    for number in range(draw(st.integers(min_value=2, max_value=4))):
        length = draw(st.integers(min_value=1, max_value=50))
        layers = [draw(layer(length)) for _ in range(observers)]
        documents.append(DocumentLayers(f"d{number}", length, layers, draw(tokens(length))))
    return documents


def _laid_end_to_end(documents: list[DocumentLayers]) -> tuple[list[list[Span]], int]:
    shifted: list[list[Span]] = [[] for _ in documents[0].layers]
    offset = 0
    for document in documents:
        for spans, layer_spans in zip(shifted, document.layers, strict=True):
            spans.extend(_span(len(spans), s.start + offset, s.end + offset, s.label) for s in layer_spans)
        offset += document.text_length
    return shifted, offset


@settings(max_examples=300, deadline=None)
@given(corpora())
def test_corpus_alpha_u_is_the_alpha_u_of_the_documents_end_to_end(documents: list[DocumentLayers]) -> None:
    report = agreement_report(documents)
    shifted, length = _laid_end_to_end(documents)
    assert report.corpus.unitizing == unitizing_alpha(shifted, 0, length)
    for document, result in zip(documents, report.documents, strict=True):
        assert result.figures.unitizing == unitizing_alpha(document.layers, 0, document.text_length)


@settings(max_examples=300, deadline=None)
@given(corpora())
def test_pooled_token_measures_are_those_of_all_tokens_in_a_row(documents: list[DocumentLayers]) -> None:
    report = agreement_report(documents)
    rows: list[list[str]] = [[] for _ in documents[0].layers]
    for document in documents:
        for row, layer_spans in zip(rows, document.layers, strict=True):
            row.extend(token_labels(layer_spans, document.tokens))
    if not rows[0]:
        assert report.corpus.token_kappa is None and report.corpus.token_alpha is None
        return
    kappa = cohen_kappa(rows[0], rows[1]) if len(rows) == 2 else fleiss_kappa(list(zip(*rows, strict=True)))
    assert report.corpus.token_kappa == kappa
    assert report.corpus.token_alpha == krippendorff_alpha_nominal(rows)


def _strongest_label(spans: list[Span], start: int, end: int) -> str:
    touching = [s for s in spans if s.start < end and start < s.end and start < end]
    if not touching:
        return NO_LABEL
    return min(touching, key=lambda s: (s.start - s.end, s.start, s.label)).label


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=50).flatmap(lambda n: st.tuples(layer(n), tokens(n))))
def test_token_labels_take_the_longest_touching_span(case: tuple[list[Span], list[tuple[int, int]]]) -> None:
    spans, given_tokens = case
    assert token_labels(spans, given_tokens) == [_strongest_label(spans, a, b) for a, b in given_tokens]


def _segments(spans: list[Span], label: str, begin: int, end: int) -> list[tuple[int, int, bool]]:
    """An observer's units of ``label`` (overlapping ones merged) and the gaps between them."""
    units: list[tuple[int, int]] = []
    for start, stop in sorted((s.start, s.end) for s in spans if s.label == label):
        if units and start < units[-1][1]:
            units[-1] = (units[-1][0], max(units[-1][1], stop))
        else:
            units.append((start, stop))
    segments: list[tuple[int, int, bool]] = []
    position = begin
    for start, stop in units:
        if start > position:
            segments.append((position, start, False))
        segments.append((start, stop, True))
        position = stop
    if position < end:
        segments.append((position, end, False))
    return segments


@settings(max_examples=300, deadline=None)
@given(st.lists(layer(40), min_size=2, max_size=3))
def test_observed_disagreement_sums_the_distances_of_all_overlapping_segments(layers: list[list[Span]]) -> None:
    result = unitizing_alpha(layers, 0, 40)
    m = len(layers)
    for label, category in result.categories.items():
        total = 0
        for first, second in combinations([_segments(spans, label, 0, 40) for spans in layers], 2):
            for g in first:
                for h in second:
                    if g[0] < h[1] and h[0] < g[1]:
                        total += unit_distance(g, h)
        assert category.observed_disagreement == 2 * total / (m * (m - 1) * 40 * 40)


def test_tallies_of_documents_join_into_the_tally_of_the_whole() -> None:
    first = [[_span(0, 2, 5, "PER")], [_span(1, 2, 6, "PER"), _span(2, 8, 9, "ORG")]]
    second = [[_span(3, 0, 4, "ORG")], []]
    joined = laid_end_to_end([unitizing_tally(first, 0, 10), unitizing_tally(second, 0, 6)])
    whole = unitizing_tally([[*first[0], _span(4, 10, 14, "ORG")], first[1]], 0, 16)
    assert joined.length == whole.length == 16
    for label in ("PER", "ORG"):
        assert joined.categories[label].distance_sum == whole.categories[label].distance_sum
        assert Counter(joined.categories[label].units) == Counter(whole.categories[label].units)
        assert joined.categories[label].edges == whole.categories[label].edges
        assert _nonzero(joined.categories[label].inner_gaps) == _nonzero(whole.categories[label].inner_gaps)
    # ORG: observer 0 has [10, 14) in the whole, so gaps of 10 before and 2 after; observer 1
    # has [8, 9) with 8 before and 7 after.
    assert joined.categories["ORG"].edges == ((10, 2), (8, 7))
    assert joined.categories["PER"].edges == ((2, 11), (2, 10))


@settings(max_examples=300, deadline=None)
@given(st.lists(layer(40), min_size=2, max_size=3), st.integers(min_value=1, max_value=5))
def test_a_corpus_alpha_u_from_gap_lengths_counted_is_the_one_from_gaps_sorted(
    layers: list[list[Span]], documents: int
) -> None:
    tally = laid_end_to_end([unitizing_tally(layers, 0, 40)] * documents)  # the same gap lengths again and again
    listed = UnitizingTally(
        tally.observers,
        tally.length,
        {
            name: replace(part, units=_listed(part.units), inner_gaps=_listed(part.inner_gaps))
            for name, part in tally.categories.items()
        },
    )
    plain = unitizing.COUNTED_GAPS_FROM
    try:
        unitizing.COUNTED_GAPS_FROM = 10**9
        sorted_one_by_one = alpha_of(listed)
        unitizing.COUNTED_GAPS_FROM = 0
        counted_from_lists = alpha_of(listed)
    finally:
        unitizing.COUNTED_GAPS_FROM = plain
    assert alpha_of(tally) == counted_from_lists == sorted_one_by_one


def _listed(lengths: Iterable[int]) -> list[int]:
    return list(Counter(lengths).elements())


def _nonzero(lengths: Iterable[int]) -> Counter[int]:
    return Counter(length for length in Counter(lengths).elements() if length)
