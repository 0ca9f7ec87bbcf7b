"""Hypothesis strategies for the model's records, shared by the tests of their fast copies and reads."""

from __future__ import annotations

from hypothesis import strategies as st

from annotator.model import Relation, Span, SpanKind

texts = st.text(max_size=8)
attributes = st.dictionaries(st.text(max_size=4), st.one_of(st.none(), st.text(max_size=4)), max_size=3)

spans = st.builds(
    Span,
    id=texts,
    document_id=texts,
    annotator=texts,
    kind=st.sampled_from(SpanKind),
    label=texts,
    start=st.integers(0, 100),
    end=st.integers(101, 200),
    text=texts,
    attributes=attributes,
    ref=st.one_of(st.none(), texts),
    note=texts,
    created_at=texts,
    updated_at=texts,
)
relations = st.builds(
    Relation, id=texts, document_id=texts, annotator=texts, label=texts, head=texts, tail=texts, attributes=attributes
)
