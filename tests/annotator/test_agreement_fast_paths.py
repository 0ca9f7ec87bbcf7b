"""The agreement measures' fast paths against the plain computation they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement.unitizing import by_label
from annotator.model import Extent

LABELS = ("PER", "ORG", "GPE", "DATE")


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
