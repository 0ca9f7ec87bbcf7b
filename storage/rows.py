"""Spans and relations built from the rows the store reads, faster than their constructors.

A frozen dataclass sets each field through ``object.__setattr__``; reading a layer of 10,000
spans that way cost a third of opening a document. These fill the instance dictionary directly,
for values the store has already given the right types; a test holds them equal to the
dataclasses, field for field. The domain's own code always builds spans through ``Span(...)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.model import Relation, Span


def spans_from_fields(rows: Iterable[tuple[Any, ...]]) -> list[Span]:
    """Spans from tuples of all their fields in declaration order, already of the right types,
    as a store reads them back: what ``[Span(*row) for row in rows]`` gives, three times faster.
    (A frozen dataclass sets each field through ``object.__setattr__``; this fills the instance
    dictionary directly. A test holds the two equal, field for field.)"""
    made = []
    new = object.__new__
    for row in rows:
        span = new(Span)
        d = span.__dict__
        (
            d["id"], d["document_id"], d["annotator"], d["kind"], d["label"], d["start"], d["end"],
            d["text"], d["attributes"], d["ref"], d["note"], d["created_at"], d["updated_at"],
        ) = row  # fmt: skip
        made.append(span)
    return made


def relations_from_fields(rows: Iterable[tuple[Any, ...]]) -> list[Relation]:
    """Relations from tuples of all their fields in declaration order (see ``spans_from_fields``)."""
    made = []
    new = object.__new__
    for row in rows:
        relation = new(Relation)
        d = relation.__dict__
        d["id"], d["document_id"], d["annotator"], d["label"], d["head"], d["tail"], d["attributes"] = row
        made.append(relation)
    return made
