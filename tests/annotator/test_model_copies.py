"""The import's quick copies of model records and ids are what the standard library makes."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.model import Relation, Span, changed, name_id
from tests.strategies import relations, spans

names = st.text(max_size=120)
namespaces = st.binary(min_size=16, max_size=16).map(lambda raw: uuid.UUID(bytes=raw))


@given(namespaces, names)
def test_a_name_id_is_the_uuid5_of_the_name(namespace: uuid.UUID, name: str) -> None:
    assert name_id(namespace, name) == str(uuid.uuid5(namespace, name))


@given(spans, names, names, names)
def test_a_changed_span_equals_the_replaced_one(span: Span, new_id: str, document_id: str, annotator: str) -> None:
    before = dataclasses.asdict(span)
    copy = changed(span, id=new_id, document_id=document_id, annotator=annotator)
    expected = dataclasses.replace(span, id=new_id, document_id=document_id, annotator=annotator)
    assert type(copy) is Span
    assert copy == expected
    assert dataclasses.asdict(copy) == dataclasses.asdict(expected)
    assert dataclasses.asdict(span) == before


@given(relations, names, names, names)
def test_a_changed_relation_equals_the_replaced_one(relation: Relation, new_id: str, head: str, tail: str) -> None:
    copy = changed(relation, id=new_id, head=head, tail=tail)
    assert copy == dataclasses.replace(relation, id=new_id, head=head, tail=tail)
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.id = "other"  # type: ignore[misc]


@dataclasses.dataclass(frozen=True)
class Checked:
    value: int
    double: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "double", 2 * self.value)


def test_a_record_that_works_out_fields_of_its_own_is_rebuilt() -> None:
    assert changed(Checked(1), value=5) == Checked(5)
