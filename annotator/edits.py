"""Edits as values: each can be applied, inverted and named, so undo needs no snapshot.

An edit describes a change to one annotator layer of one document. Applying it is the
repository's job; ``inverse`` gives the edit that takes it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from annotator.model import Relation, Span


@dataclass(frozen=True)
class AddSpan:
    span: Span
    relations: tuple[Relation, ...] = ()  # restored along with the span when a deletion is undone


@dataclass(frozen=True)
class RemoveSpan:
    span: Span
    relations: tuple[Relation, ...] = ()  # every relation that has the span as head or tail


@dataclass(frozen=True)
class ChangeSpan:
    """Relabel, resize, attributes, registry link or note: the span before and after."""

    before: Span
    after: Span


@dataclass(frozen=True)
class AddRelation:
    relation: Relation


@dataclass(frozen=True)
class RemoveRelation:
    relation: Relation


@dataclass(frozen=True)
class Batch:
    """Several edits that are done and undone as one, such as "annotate all occurrences"."""

    name: str
    edits: tuple[Edit, ...]


class DecisionChoice(StrEnum):
    ACCEPT_A = "accept_a"
    ACCEPT_B = "accept_b"
    REJECT = "reject"
    EDIT = "edit"


@dataclass(frozen=True)
class Decision:
    """How a reviewer settled one unit of the comparison of two layers, and what gold got.

    ``unit`` names the unit by the ids of its spans in A and B (see ``review.unit_key``);
    ``source_span`` is the span copied into gold (None for a rejection), ``gold_span`` its copy.
    """

    document_id: str
    layer_a: str
    layer_b: str
    unit: str
    choice: DecisionChoice
    source_span: str | None
    gold_span: str | None
    decided_by: str
    decided_at: str


@dataclass(frozen=True)
class RecordDecision:
    decision: Decision


@dataclass(frozen=True)
class UnrecordDecision:
    decision: Decision


Edit = AddSpan | RemoveSpan | ChangeSpan | AddRelation | RemoveRelation | Batch | RecordDecision | UnrecordDecision


def inverse(edit: Edit) -> Edit:
    match edit:
        case AddSpan(span, relations):
            return RemoveSpan(span, relations)
        case RemoveSpan(span, relations):
            return AddSpan(span, relations)
        case ChangeSpan(before, after):
            return ChangeSpan(after, before)
        case AddRelation(relation):
            return RemoveRelation(relation)
        case RemoveRelation(relation):
            return AddRelation(relation)
        case Batch(name, edits):
            return Batch(name, tuple(inverse(e) for e in reversed(edits)))
        case RecordDecision(decision):
            return UnrecordDecision(decision)
        case UnrecordDecision(decision):
            return RecordDecision(decision)


def document_of(edit: Edit) -> str | None:
    match edit:
        case AddSpan(span) | RemoveSpan(span):
            return span.document_id
        case ChangeSpan(before):
            return before.document_id
        case AddRelation(relation) | RemoveRelation(relation):
            return relation.document_id
        case Batch(_, edits):
            return document_of(edits[0]) if edits else None
        case RecordDecision(decision) | UnrecordDecision(decision):
            return decision.document_id


def layer_of(edit: Edit) -> str | None:
    """The annotator whose layer ``edit`` changes (None for review decisions, which go into gold)."""
    match edit:
        case AddSpan(span) | RemoveSpan(span):
            return span.annotator
        case ChangeSpan(before):
            return before.annotator
        case AddRelation(relation) | RemoveRelation(relation):
            return relation.annotator
        case Batch(_, edits):
            return layer_of(edits[0]) if edits else None
        case RecordDecision() | UnrecordDecision():
            return None


def describe(edit: Edit) -> str:
    """The edit's name as menus show it ("Undo Add PER")."""
    match edit:
        case AddSpan(span):
            return f"Add {span.label}"
        case RemoveSpan(span):
            return f"Delete {span.label}"
        case ChangeSpan(before, after):
            return _describe_change(before, after)
        case AddRelation(relation):
            return f"Add {relation.label}"
        case RemoveRelation(relation):
            return f"Delete {relation.label}"
        case Batch(name):
            return name
        case RecordDecision(decision):
            return describe_decision(decision)
        case UnrecordDecision(decision):
            return f"Undo {describe_decision(decision)}"


def _describe_change(before: Span, after: Span) -> str:
    changes = []
    if before.label != after.label:
        changes.append(f"Relabel {before.label} as {after.label}")
    if (before.start, before.end) != (after.start, after.end):
        changes.append(f"Resize {after.label}")
    names = sorted(
        key
        for key in before.attributes.keys() | after.attributes.keys()
        if before.attributes.get(key) != after.attributes.get(key)
        # A treaty reference's treaty attribute follows its registry link.
        and not (key == "treaty" and before.ref != after.ref)
    )
    if names:
        changes.append(f"Set {', '.join(names)}")
    if before.ref != after.ref:
        changes.append("Link" if after.ref else "Unlink")
    if before.note != after.note:
        changes.append("Edit note")
    return "; ".join(changes) if changes else f"Change {after.label}"


_CHOICE_NAMES = {
    DecisionChoice.ACCEPT_A: "Accept A",
    DecisionChoice.ACCEPT_B: "Accept B",
    DecisionChoice.REJECT: "Reject",
    DecisionChoice.EDIT: "Accept and edit",
}


def describe_decision(decision: Decision) -> str:
    return _CHOICE_NAMES[decision.choice]
