"""The fast constructors a store reads spans and relations back with give what the dataclasses give."""

from __future__ import annotations

from dataclasses import astuple, fields

from hypothesis import given
from hypothesis import strategies as st

from annotator.model import Relation, Span
from storage.rows import relations_from_fields, spans_from_fields
from tests.strategies import relations, spans


def fields_of(item: Span | Relation) -> tuple[object, ...]:
    return tuple(getattr(item, f.name) for f in fields(item))


@given(st.lists(spans, max_size=5))
def test_spans_from_fields_equal_the_dataclass(made: list[Span]) -> None:
    rebuilt = spans_from_fields(fields_of(span) for span in made)
    assert rebuilt == made
    assert [astuple(span) for span in rebuilt] == [astuple(span) for span in made]
    assert all(vars(new) == vars(old) for new, old in zip(rebuilt, made, strict=True))


@given(st.lists(relations, max_size=5))
def test_relations_from_fields_equal_the_dataclass(made: list[Relation]) -> None:
    rebuilt = relations_from_fields(fields_of(relation) for relation in made)
    assert rebuilt == made
    assert all(vars(new) == vars(old) for new, old in zip(rebuilt, made, strict=True))


def test_the_fast_constructors_know_every_field() -> None:
    # A field added to Span or Relation must be added to their fast constructors too.
    assert [f.name for f in fields(Span)] == [
        "id", "document_id", "annotator", "kind", "label", "start", "end",
        "text", "attributes", "ref", "note", "created_at", "updated_at",
    ]  # fmt: skip
    relation_fields = ["id", "document_id", "annotator", "label", "head", "tail", "attributes"]
    assert [f.name for f in fields(Relation)] == relation_fields
