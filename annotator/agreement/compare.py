"""Compare two annotator layers on one document, unit by unit, for review and adjudication."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from operator import itemgetter
from typing import Any

from annotator.agreement.matching import Item, MatchKind, match_items
from annotator.model import Relation, Span

NO_LABEL = "<none>"
"""Stands for "no span here" in confusion matrices and token labels."""


class UnitStatus(StrEnum):
    AGREED = "agreed"
    LABEL_MISMATCH = "label_mismatch"
    BOUNDARY_MISMATCH = "boundary_mismatch"
    ONLY_A = "only_a"
    ONLY_B = "only_b"


class RelationStatus(StrEnum):
    AGREED = "agreed"
    LABEL_MISMATCH = "label_mismatch"
    ONLY_A = "only_a"
    ONLY_B = "only_b"


_MIRROR = {UnitStatus.ONLY_A: UnitStatus.ONLY_B, UnitStatus.ONLY_B: UnitStatus.ONLY_A}
_RELATION_MIRROR = {RelationStatus.ONLY_A: RelationStatus.ONLY_B, RelationStatus.ONLY_B: RelationStatus.ONLY_A}


@dataclass(frozen=True)
class AttributeDifference:
    name: str
    a_value: Any
    b_value: Any


@dataclass(frozen=True)
class ComparisonUnit:
    """One span of A, one of B, or a matched pair, with the extent covering both."""

    status: UnitStatus
    a: Span | None
    b: Span | None
    start: int
    end: int
    attribute_differences: tuple[AttributeDifference, ...] = ()

    @property
    def same_label(self) -> bool:
        """True when both sides exist and carry the same label and kind."""
        return self.a is not None and self.b is not None and _category(self.a) == _category(self.b)

    @property
    def ref_differs(self) -> bool:
        return self.a is not None and self.b is not None and self.a.ref != self.b.ref

    @property
    def is_disagreement(self) -> bool:
        return self.status is not UnitStatus.AGREED

    def mirrored(self) -> ComparisonUnit:
        """The same unit seen from the other layer (A and B swapped)."""
        return ComparisonUnit(
            _MIRROR.get(self.status, self.status),
            self.b,
            self.a,
            self.start,
            self.end,
            tuple(AttributeDifference(d.name, d.b_value, d.a_value) for d in self.attribute_differences),
        )


@dataclass(frozen=True)
class RelationUnit:
    status: RelationStatus
    a: Relation | None
    b: Relation | None
    position: int
    attribute_differences: tuple[AttributeDifference, ...] = ()

    def mirrored(self) -> RelationUnit:
        return RelationUnit(
            _RELATION_MIRROR.get(self.status, self.status),
            self.b,
            self.a,
            self.position,
            tuple(AttributeDifference(d.name, d.b_value, d.a_value) for d in self.attribute_differences),
        )


@dataclass(frozen=True)
class LayerComparison:
    """Span units sorted by (start, end) and relation units sorted by head-span position."""

    units: tuple[ComparisonUnit, ...]
    relations: tuple[RelationUnit, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [unit.start for unit in self.units]

    def counts(self) -> Mapping[UnitStatus, int]:
        found = Counter(unit.status for unit in self.units)
        return {status: found[status] for status in UnitStatus}

    def next_disagreement(self, position: int, *, include_attributes: bool = False) -> ComparisonUnit | None:
        """The first disagreeing unit starting after ``position``, or None."""
        for unit in self.units[bisect.bisect_right(self._starts, position) :]:
            if unit.is_disagreement or (include_attributes and unit.attribute_differences):
                return unit
        return None

    def previous_disagreement(self, position: int, *, include_attributes: bool = False) -> ComparisonUnit | None:
        """The last disagreeing unit starting before ``position``, or None."""
        for unit in reversed(self.units[: bisect.bisect_left(self._starts, position)]):
            if unit.is_disagreement or (include_attributes and unit.attribute_differences):
                return unit
        return None


@dataclass(frozen=True)
class ConfusionMatrix:
    """Counts of (label in A, label in B) over compared units; ``NO_LABEL`` for a missing side."""

    labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def count(self, a_label: str, b_label: str) -> int:
        return self.counts[self.labels.index(a_label)][self.labels.index(b_label)]


def _category(span: Span) -> str:
    return f"{span.kind}\x1f{span.label}"


def _attribute_differences(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[AttributeDifference, ...]:
    if a == b:
        return ()
    missing = object()
    return tuple(
        AttributeDifference(name, a.get(name), b.get(name))
        for name in sorted(a.keys() | b.keys())
        if a.get(name, missing) != b.get(name, missing)
    )


def compare_layers(
    a_spans: Sequence[Span],
    b_spans: Sequence[Span],
    a_relations: Sequence[Relation] = (),
    b_relations: Sequence[Relation] = (),
) -> LayerComparison:
    """Compare layer A with layer B on one document.

    Spans are paired one to one: same extent and label/kind (AGREED), then same extent
    (LABEL_MISMATCH), then by best overlap (BOUNDARY_MISMATCH, see ``ComparisonUnit.same_label``);
    the rest are ONLY_A / ONLY_B. Attribute differences are listed on every paired unit.
    Relations are paired when their head and tail spans were paired with each other.
    ``compare_layers(b, a)`` gives the mirror image of ``compare_layers(a, b)``.
    """
    units, partner = _compare_spans(a_spans, b_spans)
    if not a_relations and not b_relations:
        return LayerComparison(units, ())
    positions = {s.id: s.start for s in (*a_spans, *b_spans)}
    return LayerComparison(units, _compare_relations(a_relations, b_relations, partner, positions))


_STATUS_OF = {
    MatchKind.EXACT: UnitStatus.AGREED,
    MatchKind.SAME_EXTENT: UnitStatus.LABEL_MISMATCH,
    MatchKind.OVERLAP: UnitStatus.BOUNDARY_MISMATCH,
}


def _compare_spans(
    a_spans: Sequence[Span], b_spans: Sequence[Span]
) -> tuple[tuple[ComparisonUnit, ...], dict[str, str]]:
    items_a: list[Item] = [(s.start, s.end, _category(s), s.id) for s in a_spans]
    items_b: list[Item] = [(s.start, s.end, _category(s), s.id) for s in b_spans]
    matching = match_items(items_a, items_b, cross_category=True)
    keyed: list[tuple[int, int, str, str, ComparisonUnit]] = []
    partner: dict[str, str] = {}
    for i, j, kind in matching.pairs:
        a, b = a_spans[i], b_spans[j]
        partner[a.id] = b.id
        start, end = min(a.start, b.start), max(a.end, b.end)
        differences = _attribute_differences(a.attributes, b.attributes) if a.attributes or b.attributes else ()
        unit = ComparisonUnit(_STATUS_OF[kind], a, b, start, end, differences)
        keyed.append((start, end, min(a.id, b.id), max(a.id, b.id), unit))
    for i in matching.only_a:
        a = a_spans[i]
        keyed.append((a.start, a.end, a.id, a.id, ComparisonUnit(UnitStatus.ONLY_A, a, None, a.start, a.end)))
    for j in matching.only_b:
        b = b_spans[j]
        keyed.append((b.start, b.end, b.id, b.id, ComparisonUnit(UnitStatus.ONLY_B, None, b, b.start, b.end)))
    keyed.sort(key=itemgetter(0, 1, 2, 3))
    return tuple(entry[4] for entry in keyed), partner


def _compare_relations(
    a_relations: Sequence[Relation],
    b_relations: Sequence[Relation],
    partner: Mapping[str, str],
    positions: Mapping[str, int],
) -> tuple[RelationUnit, ...]:
    def key_a(r: Relation, with_label: bool) -> tuple[str, ...] | None:
        head, tail = partner.get(r.head), partner.get(r.tail)
        if head is None or tail is None:
            return None
        return (head, tail, r.label) if with_label else (head, tail)

    def key_b(r: Relation, with_label: bool) -> tuple[str, ...]:
        return (r.head, r.tail, r.label) if with_label else (r.head, r.tail)

    units: list[RelationUnit] = []
    free_a, free_b = list(a_relations), list(b_relations)
    for status, with_label in ((RelationStatus.AGREED, True), (RelationStatus.LABEL_MISMATCH, False)):
        groups_b: dict[tuple[str, ...], list[Relation]] = defaultdict(list)
        for r in free_b:
            groups_b[key_b(r, with_label)].append(r)
        groups_a: dict[tuple[str, ...], list[Relation]] = defaultdict(list)
        for r in free_a:
            key = key_a(r, with_label)
            if key is not None:
                groups_a[key].append(r)
        used_a: set[str] = set()
        used_b: set[str] = set()
        for key, members_a in groups_a.items():
            members_b = sorted(groups_b.get(key, ()), key=lambda r: (r.label, r.id))
            for ra, rb in zip(sorted(members_a, key=lambda r: (r.label, r.id)), members_b, strict=False):
                used_a.add(ra.id)
                used_b.add(rb.id)
                position = min(positions.get(ra.head, -1), positions.get(rb.head, -1))
                diffs = _attribute_differences(ra.attributes, rb.attributes)
                units.append(RelationUnit(status, ra, rb, position, diffs))
        free_a = [r for r in free_a if r.id not in used_a]
        free_b = [r for r in free_b if r.id not in used_b]
    units.extend(RelationUnit(RelationStatus.ONLY_A, r, None, positions.get(r.head, -1)) for r in free_a)
    units.extend(RelationUnit(RelationStatus.ONLY_B, None, r, positions.get(r.head, -1)) for r in free_b)

    def order(unit: RelationUnit) -> tuple[int, str, str]:
        ids = sorted(r.id for r in (unit.a, unit.b) if r is not None)
        return unit.position, ids[0], ids[-1]

    return tuple(sorted(units, key=order))


def confusion_matrix(comparisons: Iterable[LayerComparison]) -> ConfusionMatrix:
    """Label confusion over the units of one or more comparisons (rows A, columns B).

    Every paired unit counts once under (its A label, its B label); an unpaired span counts
    under ``NO_LABEL`` on the missing side. Labels are sorted, ``NO_LABEL`` last.
    """
    found: Counter[tuple[str, str]] = Counter()
    for comparison in comparisons:
        for unit in comparison.units:
            found[
                unit.a.label if unit.a is not None else NO_LABEL,
                unit.b.label if unit.b is not None else NO_LABEL,
            ] += 1
    labels = sorted({label for pair in found for label in pair} - {NO_LABEL})
    labels.append(NO_LABEL)
    return ConfusionMatrix(tuple(labels), tuple(tuple(found[row, column] for column in labels) for row in labels))
