"""Property tests of the agreement measures, and cross-checks against nltk and krippendorff."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import (
    MatchMode,
    UnitStatus,
    cohen_kappa,
    compare_layers,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    pairwise_span_scores,
    span_scores,
    span_scores_by_label,
    token_labels,
    unitizing_alpha,
)
from annotator.agreement.coding import fleiss_kappa_from_counts, fleiss_kappa_from_units
from annotator.agreement.compare import NO_LABEL
from annotator.agreement.tokens import layers_token_labels
from annotator.model import Span, SpanKind

LENGTH = 60
TEXT = "y" * LENGTH
LABELS = ("PER", "ORG", "GPE")


@st.composite
def layers(draw: st.DrawFn, annotator: str = "a", min_size: int = 0) -> list[Span]:
    count = draw(st.integers(min_value=min_size, max_value=12))
    spans = []
    for index in range(count):
        start = draw(st.integers(min_value=0, max_value=LENGTH - 1))
        end = draw(st.integers(min_value=start + 1, max_value=min(LENGTH, start + 15)))
        label = draw(st.sampled_from(LABELS))
        kind = draw(st.sampled_from([SpanKind.ENTITY, SpanKind.ENTITY, SpanKind.CLAIM]))
        attributes = draw(st.sampled_from([{}, {"stance": "asserted"}, {"stance": "denied"}]))
        spans.append(
            Span(f"{annotator}{index}", "doc", annotator, kind, label, start, end, TEXT[start:end], attributes)
        )
    return spans


codes = st.sampled_from(["p", "q", "r", "s"])


@settings(max_examples=200, deadline=None)
@given(layers("a"), layers("b"))
def test_compare_mirrors(a: list[Span], b: list[Span]) -> None:
    forwards = compare_layers(a, b)
    backwards = compare_layers(b, a)
    assert sorted(forwards.units, key=repr) == sorted((u.mirrored() for u in backwards.units), key=repr)


@st.composite
def crowded_layer(draw: st.DrawFn, annotator: str) -> list[Span]:
    """Few positions and one label, so that equally good overlaps are common."""
    extents = draw(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 4)), max_size=5))
    return [
        Span(
            f"{annotator}{i}", "doc", annotator, SpanKind.ENTITY, "PER", start, start + size, TEXT[start : start + size]
        )
        for i, (start, size) in enumerate(extents)
    ]


@settings(max_examples=500, deadline=None)
@given(crowded_layer("a"), crowded_layer("b"))
def test_compare_mirrors_when_overlaps_tie(a: list[Span], b: list[Span]) -> None:
    forwards = compare_layers(a, b)
    backwards = compare_layers(b, a)
    assert sorted(forwards.units, key=repr) == sorted((u.mirrored() for u in backwards.units), key=repr)


@settings(max_examples=200, deadline=None)
@given(layers("a"), layers("b"))
def test_compare_accounts_for_every_span_once(a: list[Span], b: list[Span]) -> None:
    units = compare_layers(a, b).units
    assert sorted(u.a.id for u in units if u.a) == sorted(s.id for s in a)
    assert sorted(u.b.id for u in units if u.b) == sorted(s.id for s in b)
    assert [(u.start, u.end) for u in units] == sorted((u.start, u.end) for u in units)
    for unit in units:
        if unit.a and unit.b:
            assert unit.a.start < unit.b.end and unit.b.start < unit.a.end
            same_extent = (unit.a.start, unit.a.end) == (unit.b.start, unit.b.end)
            assert same_extent == (unit.status in (UnitStatus.AGREED, UnitStatus.LABEL_MISMATCH))
            assert (unit.status is UnitStatus.AGREED) == (same_extent and unit.same_label)


@settings(deadline=None)
@given(layers("a", min_size=1))
def test_identical_layers_agree(a: list[Span]) -> None:
    b = [Span(f"copy-{s.id}", s.document_id, "b", s.kind, s.label, s.start, s.end, s.text, s.attributes) for s in a]
    assert all(u.status is UnitStatus.AGREED for u in compare_layers(a, b).units)
    for mode in MatchMode:
        assert span_scores(a, b, mode).f1 == 1.0
    alpha = unitizing_alpha([a, b], 0, LENGTH)
    assert alpha.value == pytest.approx(1.0)


@settings(deadline=None)
@given(layers("a"), layers("b"))
def test_f1_is_symmetric(a: list[Span], b: list[Span]) -> None:
    for mode in MatchMode:
        forwards, backwards = span_scores(a, b, mode), span_scores(b, a, mode)
        assert forwards.f1 == backwards.f1
        assert forwards.precision == backwards.recall


@settings(deadline=None)
@given(layers("a", min_size=1), layers("b", min_size=1))
def test_unitizing_alpha_is_symmetric_and_bounded(a: list[Span], b: list[Span]) -> None:
    forwards = unitizing_alpha([a, b], 0, LENGTH)
    backwards = unitizing_alpha([b, a], 0, LENGTH)
    if forwards.value is None:
        assert backwards.value is None
    else:
        assert forwards.value == pytest.approx(backwards.value)
        assert forwards.value <= 1.0 + 1e-12
    for category in forwards.categories.values():
        assert category.observed_disagreement >= 0


@settings(deadline=None)
@given(st.lists(codes, min_size=1, max_size=40))
def test_identical_codings_agree(values: list[str]) -> None:
    kappa = cohen_kappa(values, values)
    assert kappa.observed == 1.0
    assert kappa.value == 1.0 or (kappa.value is None and len(set(values)) == 1)
    alpha = krippendorff_alpha_nominal([values, values, values])
    assert alpha.value == 1.0 or (alpha.value is None and len(set(values)) == 1)
    fleiss = fleiss_kappa([[v, v, v] for v in values])
    assert fleiss.value == 1.0 or (fleiss.value is None and len(set(values)) == 1)


@settings(deadline=None)
@given(layers("a"), layers("b"), layers("c"))
def test_pairwise_scores_agree_with_single_pair_scores(a: list[Span], b: list[Span], c: list[Span]) -> None:
    every = pairwise_span_scores([a, b, c])
    pairs = {(0, 1): (a, b), (0, 2): (a, c), (1, 2): (b, c)}
    for mode in MatchMode:
        assert sorted(every[mode]) == sorted(pairs)
        for key, (reference, prediction) in pairs.items():
            assert every[mode][key] == span_scores_by_label(reference, prediction, mode)


@st.composite
def tokens(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Non-overlapping tokens over the text, some empty, in any order."""
    cuts = sorted(set(draw(st.lists(st.integers(min_value=0, max_value=LENGTH), max_size=30))))
    pairs = [(a, b) for a, b in itertools.pairwise(cuts) if draw(st.booleans())]
    pairs += [(cut, cut) for cut in cuts if draw(st.integers(min_value=0, max_value=9)) == 0]
    return draw(st.permutations(pairs))


def label_by_definition(spans: list[Span], token: tuple[int, int]) -> str:
    """The longest span sharing a character with the token, then the earliest, then the smallest label."""
    start, end = token
    touching = [s for s in spans if s.start < end and s.end > start and start < end]
    if not touching:
        return NO_LABEL
    return min(touching, key=lambda s: (s.start - s.end, s.start, s.label)).label


@settings(max_examples=300, deadline=None)
@given(layers(), layers(annotator="b"), tokens())
def test_token_labels_follow_their_definition(a: list[Span], b: list[Span], laid: list[tuple[int, int]]) -> None:
    expected = [[label_by_definition(layer, token) for token in laid] for layer in (a, b)]
    assert [token_labels(a, laid), token_labels(b, laid)] == expected
    assert layers_token_labels([a, b], laid) == expected


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=4).flatmap(lambda raters: st.lists(st.tuples(*[codes] * raters), min_size=1)))
def test_fleiss_kappa_of_distinct_units_is_that_of_every_row(ratings: list[tuple[str, ...]]) -> None:
    categories = sorted({value for row in ratings for value in row})
    counts = [[row.count(category) for category in categories] for row in ratings]
    assert fleiss_kappa_from_units(Counter(ratings)) == fleiss_kappa_from_counts(counts)
