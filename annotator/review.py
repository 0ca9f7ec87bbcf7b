"""Adjudication: settle each unit of the comparison of two layers into the ``gold`` layer.

A decision accepts A's span, accepts B's span, accepts one and lets the reviewer edit the copy,
or rejects the unit. Each decision is one Batch of ordinary edits (the gold copy, the relations
that come along with it, and the decision record), so it is committed, logged under the
reviewer's name and undone like any other edit.

Gold copies get new ids. A relation of A or B comes into gold when the units of both its ends
have gold copies: the relations of the layer a copy came from first, then those of the other
layer between units that gold does not already relate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from annotator.agreement import (
    ComparisonUnit,
    LayerComparison,
    RelationStatus,
    RelationUnit,
    UnitStatus,
    compare_layers,
)
from annotator.edits import (
    AddRelation,
    AddSpan,
    Batch,
    Decision,
    DecisionChoice,
    Edit,
    RecordDecision,
    RemoveSpan,
    UnrecordDecision,
)
from annotator.model import GOLD, DocumentStatus, Relation, Span, new_id
from annotator.project import Project, now_iso
from annotator.said import QT_TRANSLATE_NOOP, SaidError, said
from annotator.session import Change


class ReviewError(SaidError, ValueError):
    """A decision that does not fit the unit; the message is for the user."""


def unit_key(unit: ComparisonUnit) -> str:
    """Names a unit by its spans: stable while neither layer changes those spans."""
    return f"{unit.a.id if unit.a else ''}|{unit.b.id if unit.b else ''}"


def is_full_agreement(unit: ComparisonUnit) -> bool:
    """Same extent, label and kind, same attributes and the same registry link."""
    return unit.status is UnitStatus.AGREED and not unit.attribute_differences and not unit.ref_differs


@dataclass(frozen=True)
class Review:
    """Two layers of one document compared, with the decisions already taken and gold as it is."""

    document_id: str
    layer_a: str
    layer_b: str
    comparison: LayerComparison
    a_relations: tuple[Relation, ...]
    b_relations: tuple[Relation, ...]
    decisions: dict[str, Decision]
    gold_spans: tuple[Span, ...]
    gold_relations: tuple[Relation, ...]

    @property
    def units(self) -> tuple[ComparisonUnit, ...]:
        return self.comparison.units

    def decision(self, unit: ComparisonUnit) -> Decision | None:
        return self.decisions.get(unit_key(unit))

    def is_decided(self, unit: ComparisonUnit) -> bool:
        return unit_key(unit) in self.decisions

    def undecided(self) -> list[ComparisonUnit]:
        return [unit for unit in self.units if not self.is_decided(unit)]

    @property
    def all_decided(self) -> bool:
        """True when there is at least one unit and every unit is decided."""
        return bool(self.units) and all(self.is_decided(unit) for unit in self.units)

    def gold_span(self, unit: ComparisonUnit) -> Span | None:
        """The gold span the unit's decision made, as it is now (it may have been edited since)."""
        decision = self.decision(unit)
        if decision is None or decision.gold_span is None:
            return None
        return self._gold_by_id.get(decision.gold_span)

    @cached_property
    def _gold_by_id(self) -> dict[str, Span]:
        return {span.id: span for span in self.gold_spans}

    @cached_property
    def unit_keys(self) -> frozenset[str]:
        return frozenset(unit_key(unit) for unit in self.units)

    @cached_property
    def unit_of_span(self) -> dict[str, str]:
        """The unit key of every span of A and of B."""
        found: dict[str, str] = {}
        for unit in self.units:
            key = unit_key(unit)
            for span in (unit.a, unit.b):
                if span is not None:
                    found[span.id] = key
        return found

    @property
    def can_adjudicate(self) -> bool:
        return GOLD not in (self.layer_a, self.layer_b) and self.layer_a != self.layer_b


def load_review(project: Project, document_id: str, layer_a: str, layer_b: str) -> Review:
    a_spans = project.spans(document_id, layer_a)
    b_spans = project.spans(document_id, layer_b)
    a_relations = project.relations(document_id, layer_a)
    b_relations = project.relations(document_id, layer_b)
    comparison = compare_layers(a_spans, b_spans, a_relations, b_relations)
    current = {unit_key(unit) for unit in comparison.units}
    decisions = {d.unit: d for d in project.repository.decisions(document_id, layer_a, layer_b) if d.unit in current}
    return Review(
        document_id,
        layer_a,
        layer_b,
        comparison,
        tuple(a_relations),
        tuple(b_relations),
        decisions,
        tuple(project.spans(document_id, GOLD)),
        tuple(project.relations(document_id, GOLD)),
    )


def review_after(review: Review, change: Change) -> tuple[Review, set[str]]:
    """``review`` after a change of its document's gold layer, and the keys of the units it touched.

    A decision or an edit of gold leaves both compared layers as they were: the comparison is kept,
    and only the decisions, the gold spans and gold's relations follow ``change``.
    """
    pair = (review.layer_a, review.layer_b)
    decisions = dict(review.decisions)
    touched: set[str] = set()
    for gone in change.decisions_removed:
        if (gone.layer_a, gone.layer_b) == pair and decisions.pop(gone.unit, None) is not None:
            touched.add(gone.unit)
    for decision in change.decisions_added:
        if (decision.layer_a, decision.layer_b) == pair and decision.unit in review.unit_keys:
            decisions[decision.unit] = decision
            touched.add(decision.unit)
    gold = {span.id: span for span in review.gold_spans}
    for span in change.removed:
        gold.pop(span.id, None)
    gold.update((span.id, span) for span in change.added)
    edited = {span.id for span in (*change.removed, *change.added)}
    touched.update(key for key, decision in decisions.items() if decision.gold_span in edited)
    gone_relations = {relation.id for relation in change.relations_removed}
    relations = (*(r for r in review.gold_relations if r.id not in gone_relations), *change.relations_added)
    updated = replace(review, decisions=decisions, gold_spans=tuple(gold.values()), gold_relations=relations)
    return updated, touched


def _source(unit: ComparisonUnit, choice: DecisionChoice) -> Span | None:
    if choice is DecisionChoice.ACCEPT_A:
        if unit.a is None:
            raise ReviewError(said(QT_TRANSLATE_NOOP("Said", "layer A has no span in this unit to accept")))
        return unit.a
    if choice is DecisionChoice.ACCEPT_B:
        if unit.b is None:
            raise ReviewError(said(QT_TRANSLATE_NOOP("Said", "layer B has no span in this unit to accept")))
        return unit.b
    if choice is DecisionChoice.EDIT:
        return unit.a if unit.a is not None else unit.b
    return None


def gold_copy(span: Span, at: str) -> Span:
    return replace(span, id=new_id(), annotator=GOLD, note="", created_at=at, updated_at=at)


class _GoldDraft:
    """Gold as it will be after the edits built so far, for the relations that come along."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.gold_of_unit: dict[str, str] = {}
        self.source_of_unit: dict[str, str] = {}
        live = {span.id for span in review.gold_spans}
        for key, decision in review.decisions.items():
            if decision.gold_span is not None and decision.gold_span in live:
                self.gold_of_unit[key] = decision.gold_span
                self.source_of_unit[key] = _layer_of(review, decision)
        self.related = {(r.head, r.tail) for r in review.gold_relations}
        self.relations = {(r.label, r.head, r.tail) for r in review.gold_relations}

    def forget(self, key: str) -> None:
        gold = self.gold_of_unit.pop(key, None)
        self.source_of_unit.pop(key, None)
        if gold is not None:
            self.related = {pair for pair in self.related if gold not in pair}
            self.relations = {r for r in self.relations if gold not in r[1:]}

    def add(self, key: str, gold: Span, layer: str) -> list[AddRelation]:
        self.gold_of_unit[key] = gold.id
        self.source_of_unit[key] = layer
        review = self.review
        own, other = (
            (review.a_relations, review.b_relations)
            if layer == review.layer_a
            else (review.b_relations, review.a_relations)
        )
        added: list[AddRelation] = []
        for relations, from_source in ((own, True), (other, False)):
            for relation in relations:
                head_unit = review.unit_of_span.get(relation.head)
                tail_unit = review.unit_of_span.get(relation.tail)
                if key not in (head_unit, tail_unit) or head_unit is None or tail_unit is None:
                    continue
                head, tail = self.gold_of_unit.get(head_unit), self.gold_of_unit.get(tail_unit)
                if head is None or tail is None or head == tail:
                    continue
                if (relation.label, head, tail) in self.relations or (not from_source and (head, tail) in self.related):
                    continue
                self.relations.add((relation.label, head, tail))
                self.related.add((head, tail))
                added.append(
                    AddRelation(
                        Relation(
                            new_id(), review.document_id, GOLD, relation.label, head, tail, dict(relation.attributes)
                        )
                    )
                )
        return added


def _layer_of(review: Review, decision: Decision) -> str:
    a_id = decision.unit.split("|", 1)[0]
    return review.layer_a if a_id and a_id == decision.source_span else review.layer_b


def _decide(
    review: Review, draft: _GoldDraft, unit: ComparisonUnit, choice: DecisionChoice, by: str, at: str
) -> list[Edit]:
    if not review.can_adjudicate:
        raise ReviewError(said(QT_TRANSLATE_NOOP("Said", "decisions go into gold: compare two layers other than gold")))
    source = _source(unit, choice)
    key = unit_key(unit)
    edits: list[Edit] = []
    previous = review.decision(unit)
    if previous is not None:
        old_gold = review.gold_span(unit)
        if old_gold is not None:
            attached = tuple(r for r in review.gold_relations if old_gold.id in (r.head, r.tail))
            edits.append(RemoveSpan(old_gold, attached))
        edits.append(UnrecordDecision(previous))
        draft.forget(key)
    gold: Span | None = None
    if source is not None:
        gold = gold_copy(source, at)
        edits.append(AddSpan(gold))
        layer = review.layer_a if source is unit.a else review.layer_b
        edits.extend(draft.add(key, gold, layer))
    decision = Decision(
        review.document_id,
        review.layer_a,
        review.layer_b,
        key,
        choice,
        source.id if source is not None else None,
        gold.id if gold is not None else None,
        by,
        at,
    )
    edits.append(RecordDecision(decision))
    return edits


def _name(choice: DecisionChoice, unit: ComparisonUnit) -> str:
    span = unit.a if choice is not DecisionChoice.ACCEPT_B and unit.a is not None else unit.b
    label = span.label if span is not None else ""
    names = {
        DecisionChoice.ACCEPT_A: "Accept A",
        DecisionChoice.ACCEPT_B: "Accept B",
        DecisionChoice.REJECT: "Reject",
        DecisionChoice.EDIT: "Accept and edit",
    }
    return f"{names[choice]} {label}".strip()


def decide(project: Project, review: Review, unit: ComparisonUnit, choice: DecisionChoice) -> Batch:
    """The edits that settle ``unit`` by ``choice`` (replacing an earlier decision on it), as one Batch.

    With EDIT the span of A (or of B when A has none) is copied; the reviewer then changes the
    copy with the ordinary edits (``Project.relabel``, ``resize``, ``set_attribute``...).
    """
    edits = _decide(review, _GoldDraft(review), unit, choice, project.annotator, now_iso())
    return Batch(_name(choice, unit), tuple(edits))


def accept_full_agreements(project: Project, review: Review) -> Batch | None:
    """Accept every undecided unit on which both layers fully agree, as one Batch; None if there is none."""
    units = [unit for unit in review.undecided() if is_full_agreement(unit)]
    if not units:
        return None
    draft = _GoldDraft(review)
    at = now_iso()
    edits: list[Edit] = []
    for unit in units:
        edits.extend(_decide(review, draft, unit, DecisionChoice.ACCEPT_A, project.annotator, at))
    return Batch(f"Accept {len(units)} full agreement(s)", tuple(edits))


_SET_BY_DECISIONS = (DocumentStatus.IN_PROGRESS, DocumentStatus.REVIEWED)


def settle_status(project: Project, review: Review) -> DocumentStatus:
    """Gold's status for the document: ``reviewed`` once every unit is decided, in progress before.

    When the last decision is undone and gold is empty again, gold is new again. A document where
    neither layer has a span keeps its status: there is nothing to decide.
    """
    current = project.repository.status(review.document_id, GOLD)
    if not review.units:
        return current
    if review.all_decided:
        wanted = DocumentStatus.REVIEWED
    elif current in _SET_BY_DECISIONS and not review.decisions and _nothing_decided(project, review):
        wanted = DocumentStatus.NEW
    elif review.decisions or current is DocumentStatus.REVIEWED:
        wanted = DocumentStatus.IN_PROGRESS
    else:
        wanted = current
    if wanted is not current:
        project.repository.set_status(review.document_id, GOLD, wanted)
    return wanted


def _nothing_decided(project: Project, review: Review) -> bool:
    """No decision on the document for any two layers, and gold holds nothing there."""
    return not (review.gold_spans or review.gold_relations or project.repository.decisions(review.document_id))


def next_undecided(review: Review, after: int, *, forwards: bool = True) -> ComparisonUnit | None:
    """The next (or previous) undecided unit that is not a full agreement, from index ``after``, wrapping round."""
    return _step(review, after, forwards, lambda unit: not is_full_agreement(unit) and not review.is_decided(unit))


def next_disagreement(review: Review, after: int, *, forwards: bool = True) -> ComparisonUnit | None:
    """The next (or previous) unit that is not a full agreement, from unit index ``after``, wrapping round."""
    return _step(review, after, forwards, lambda unit: not is_full_agreement(unit))


def _step(
    review: Review, after: int, forwards: bool, wanted: Callable[[ComparisonUnit], bool]
) -> ComparisonUnit | None:
    units = review.units
    count = len(units)
    for step in range(1, count + 1):
        index = (after + step) % count if forwards else (after - step) % count
        if wanted(units[index]):
            return units[index]
    return None


def differing_relations(review: Review) -> Iterator[tuple[RelationUnit, Span | None, Span | None]]:
    """The relation units that are not a full agreement, with their head and tail spans (None
    where neither layer's spans of the review hold them)."""
    spans = {s.id: s for u in review.units for s in (u.a, u.b) if s is not None}
    for relation_unit in review.comparison.relations:
        if relation_unit.status is RelationStatus.AGREED and not relation_unit.attribute_differences:
            continue
        relation = relation_unit.a or relation_unit.b
        assert relation is not None
        yield relation_unit, spans.get(relation.head), spans.get(relation.tail)


def differences_of(review: Review) -> list[str]:
    """Relation and attribute differences, one line each, for the reviewer to read."""
    lines: list[str] = []
    for unit in review.units:
        for difference in unit.attribute_differences:
            lines.append(f"{_where(unit)}: {difference.name} A={difference.a_value!r} B={difference.b_value!r}")
        if unit.ref_differs and unit.a is not None and unit.b is not None:
            lines.append(f"{_where(unit)}: link A={unit.a.ref!r} B={unit.b.ref!r}")
    for relation_unit, head, tail in differing_relations(review):
        labels = " / ".join(r.label for r in (relation_unit.a, relation_unit.b) if r is not None)
        lines.append(
            f"relation {labels} {relation_unit.status.value}: "
            f"{_isolated(head.text) if head else '?'} → {_isolated(tail.text) if tail else '?'}"
        )
    return lines


def _where(unit: ComparisonUnit) -> str:
    span = unit.a or unit.b
    return f"{span.label} {_isolated(span.text)}" if span is not None else f"[{unit.start}, {unit.end})"


def _isolated(text: str) -> str:
    """Text of either direction set apart (FSI ... PDI), so it cannot reorder the line around it."""
    return f"\u2068{text}\u2069"


def decisions_in(edit: Edit) -> list[Decision]:
    """The decisions an edit records or takes back, in order."""
    match edit:
        case RecordDecision(decision) | UnrecordDecision(decision):
            return [decision]
        case Batch(_, edits):
            return [found for part in edits for found in decisions_in(part)]
        case _:
            return []
