"""The domain model: documents, annotator layers, spans, relations and statuses.

Offsets are Python code-point indices into the stored text, half-open ``[start, end)``
(DESIGN.md section 2). Every span carries the text it covers so that a mismatch between a
span and its document can always be detected.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

from annotator.offsets import reading_order as reading_order  # the order spans are listed in

GOLD = "gold"


class SpanKind(StrEnum):
    ENTITY = "entity"
    CLAIM = "claim"
    TREATY_REF = "treaty_ref"


class DocumentStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REVIEWED = "reviewed"


class RelationLabel(StrEnum):
    CLAIMANT = "CLAIMANT"
    SOURCE = "SOURCE"
    TARGET = "TARGET"
    DENIED_BY = "DENIED_BY"
    PARTY = "PARTY"


class OffsetError(ValueError):
    """A span whose offsets or covered text do not fit its document."""


def new_id() -> str:
    return str(uuid.uuid4())


def name_id(namespace: uuid.UUID, name: str) -> str:
    """``str(uuid.uuid5(namespace, name))`` without building a ``UUID`` on the way: an import
    that renames a layer's ids makes hundreds of thousands of them."""
    digest = bytearray(hashlib.sha1(namespace.bytes + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    hexed = digest.hex()
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


Record = TypeVar("Record")


def changed(record: Record, **fields: Any) -> Record:
    """``dataclasses.replace`` for the model's frozen dataclasses whose new ``fields`` hold checked
    values: ``__init__`` is not run again (an import rebuilds hundreds of thousands of spans)."""
    kind = type(record)
    if "__slots__" in vars(kind) or hasattr(kind, "__post_init__"):
        return dataclasses.replace(record, **fields)  # type: ignore[type-var]
    copy = object.__new__(kind)
    copy.__dict__.update(record.__dict__, **fields)
    return copy


@dataclass(frozen=True)
class DocumentSummary:
    """What the document list shows, without loading the text."""

    id: str
    title: str
    length: int
    status: DocumentStatus


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    source: str
    text: str
    text_sha256: str
    metadata: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Span:
    id: str
    document_id: str
    annotator: str
    kind: SpanKind
    label: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any] = field(default_factory=dict)
    ref: str | None = None
    note: str = ""
    created_at: str = ""
    updated_at: str = ""


class Extent(NamedTuple):
    """Where a span lies and its label, nothing more: what agreement figures are computed from."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Relation:
    id: str
    document_id: str
    annotator: str
    label: str
    head: str
    tail: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Layer:
    """One annotator's work on one document, as it is exchanged: status, spans and relations."""

    document_id: str
    annotator: str
    status: DocumentStatus
    spans: tuple[Span, ...]
    relations: tuple[Relation, ...]


def check_offsets(document_text: str, start: int, end: int, covered: str) -> None:
    if not 0 <= start < end <= len(document_text):
        raise OffsetError(
            f"offsets [{start}, {end}) are outside the text of length {len(document_text)}"
            if start < end
            else f"offsets [{start}, {end}) are empty or reversed"
        )
    actual = document_text[start:end]
    if actual != covered:
        raise OffsetError(f"span text {covered!r} differs from the text at [{start}, {end}): {actual!r}")
