"""The agreement measures' fast paths against the plain computation they replace."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement.matching import items_of
from annotator.agreement.unitizing import by_label
from annotator.model import Extent

LABELS = ("PER", "ORG", "GPE", "DATE")


@dataclass(frozen=True)
class Marked:
    """A span-like object that is not an ``Extent``: its items are built field by field."""

    start: int
    end: int
    label: str


@st.composite
def layers(draw: st.DrawFn) -> list[Extent]:
    spans = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        start = draw(st.integers(min_value=0, max_value=40))
        end = draw(st.integers(min_value=start + 1, max_value=41))
        spans.append(Extent(start, end, draw(st.sampled_from(LABELS))))
    return spans


@settings(max_examples=300, deadline=None)
@given(layers())
def test_spans_groupedby_label_in_one_sort_are_those_grouped_one_by_one(spans: list[Extent]) -> None:
    grouped: dict[str, list[tuple[int, int]]] = {}
    for span in spans:
        grouped.setdefault(span.label, []).append((span.start, span.end))
    assert dict(by_label(spans)) == {label: sorted(extents) for label, extents in grouped.items()}


@settings(max_examples=200, deadline=None)
@given(layers())
def test_items_of_extents_are_those_of_any_span_like(spans: list[Extent]) -> None:
    items = items_of(spans)
    assert items == items_of([Marked(*span) for span in spans])
    assert all(type(item) is tuple and len(item) == 4 for item in items)
