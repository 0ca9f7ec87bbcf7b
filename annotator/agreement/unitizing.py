"""Krippendorff's unitizing alpha (alpha_u) over character extents.

Follows Krippendorff (1995, 2004): for each category every observer's layer cuts the continuum
into units of that category and gaps between them. Observed disagreement sums, over pairs of
observers and pairs of overlapping segments, the squared distances

- unit vs unit: ``(start_g - start_h)**2 + (end_g - end_h)**2``;
- unit vs gap containing it: ``length_unit**2``;
- anything else: 0;

over ``m (m - 1) L**2 / 2``. Expected disagreement is Krippendorff's closed form over all
positions the observed units could take in the observed gaps. Over all categories,
``alpha_u = 1 - sum(D_o) / sum(D_e)``. One observer's overlapping units of the same category
are merged into their union first, as the measure requires them disjoint.

Both disagreements are computed from a :class:`UnitizingTally` of the continuum: the summed
squared distances (whole numbers), the unit lengths and the gap lengths. Tallies of continua
laid end to end combine into the tally of the whole, exactly (:func:`laid_end_to_end`), so a
corpus figure costs no second pass over its documents' spans.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, combinations, filterfalse
from operator import attrgetter, itemgetter, lt, mul, sub
from typing import NamedTuple

from annotator.agreement.matching import SpanLike

Segment = tuple[int, int, bool]
"""``(start, end, is_unit)``; the segments of one observer tile the continuum."""

Extent = tuple[int, int]

_start, _end = attrgetter("start"), attrgetter("end")
_first, _second = itemgetter(0), itemgetter(1)


class CategoryUnitizing(NamedTuple):
    """alpha_u of one category (a tuple: one is made per label and document)."""

    category: str
    observed_disagreement: float
    expected_disagreement: float
    value: float | None


class UnitizingAgreement(NamedTuple):
    """alpha_u over all categories (None if undefined) and per category."""

    value: float | None
    observed_disagreement: float
    expected_disagreement: float
    categories: Mapping[str, CategoryUnitizing]


@dataclass(frozen=True)
class CategoryTally:
    """What alpha_u needs of one category on one continuum."""

    distance_sum: int
    """The squared distances summed over every pair of observers."""
    units: list[int] | Counter[int]
    """The length of every observer's every unit; for continua laid end to end, how many units have each length."""
    inner_gaps: list[int] | Counter[int]
    """The lengths of the gaps between two units of one observer (zeros allowed, they count for nothing);
    for continua laid end to end, how many gaps have each length."""
    edges: tuple[tuple[int, int] | None, ...]
    """Per observer, the gaps before its first unit and after its last; None if it has no unit."""


@dataclass(frozen=True)
class UnitizingTally:
    """The tallies of every category used on one continuum of ``length`` characters."""

    observers: int
    length: int
    categories: Mapping[str, CategoryTally]


def unit_distance(g: Segment, h: Segment) -> int:
    """Krippendorff's squared distance between two overlapping segments of two observers."""
    g_start, g_end, g_unit = g
    h_start, h_end, h_unit = h
    if g_unit and h_unit:
        return (g_start - h_start) ** 2 + (g_end - h_end) ** 2
    if g_unit and not h_unit and h_start <= g_start and g_end <= h_end:
        return (g_end - g_start) ** 2
    if h_unit and not g_unit and g_start <= h_start and h_end <= g_end:
        return (h_end - h_start) ** 2
    return 0


def _union(extents: list[Extent]) -> list[Extent]:
    """Sorted extents with the overlapping ones merged (touching ones stay apart)."""
    if not any(map(lt, map(_first, extents[1:]), map(_second, extents))):
        return extents
    merged: list[Extent] = []
    unit_start, unit_end = extents[0]
    for start, stop in extents[1:]:
        if start < unit_end:
            unit_end = max(unit_end, stop)
            continue
        merged.append((unit_start, unit_end))
        unit_start, unit_end = start, stop
    merged.append((unit_start, unit_end))
    return merged


def _square_length(extent: Extent) -> int:
    return (extent[1] - extent[0]) ** 2


def _pair_distance(first: list[Extent], second: list[Extent]) -> int:
    """The squared distances between two observers' disjoint sorted units of one category.

    Between the tiling segments, only two cases count: two overlapping units, and a unit lying
    in a gap of the other observer, which is a unit overlapping none of the other's units (a
    unit overlapping one cannot lie within a single gap). A unit both observers have exactly
    overlaps nothing else of either and adds 0, so those are set aside first.
    """
    shared = set(first).intersection(second)
    if shared:
        first = list(filterfalse(shared.__contains__, first))
        second = list(filterfalse(shared.__contains__, second))
        if not first or not second:  # what is left of one side lies in the other's gaps
            return sum(map(_square_length, first or second))
    total = i = j = 0
    first_hit = second_hit = False
    while i < len(first) and j < len(second):
        a_start, a_end = first[i]
        b_start, b_end = second[j]
        if a_end <= b_start:
            if not first_hit:
                total += (a_end - a_start) ** 2
            i += 1
            first_hit = False
        elif b_end <= a_start:
            if not second_hit:
                total += (b_end - b_start) ** 2
            j += 1
            second_hit = False
        else:
            total += (a_start - b_start) ** 2 + (a_end - b_end) ** 2
            first_hit = second_hit = True
            if a_end <= b_end:
                i += 1
                first_hit = False
            if b_end <= a_end:
                j += 1
                second_hit = False
    # What is left of one side overlaps nothing more, bar a current unit already overlapped.
    for units, left, hit in ((first, i, first_hit), (second, j, second_hit)):
        total += sum(map(_square_length, units[left + 1 if hit else left :]))
    return total


def _category_tally(observers: list[list[Extent]], begin: int, end: int) -> CategoryTally:
    units: list[int] = []
    inner_gaps: list[int] = []
    edges: list[tuple[int, int] | None] = []
    for extents in observers:
        if not extents:
            edges.append(None)
            continue
        starts = list(map(_first, extents))
        stops = list(map(_second, extents))
        units.extend(map(sub, stops, starts))
        inner_gaps.extend(map(sub, starts[1:], stops))
        edges.append((starts[0] - begin, end - stops[-1]))
    if len(observers) == 2:
        distance = _pair_distance(*observers)
    else:
        distance = sum(_pair_distance(a, b) for a, b in combinations(observers, 2))
    return CategoryTally(distance, units, inner_gaps, tuple(edges))


def _check_inside(layer: Sequence[SpanLike], begin: int, end: int) -> None:
    starts = list(map(_start, layer))
    stops = list(map(_end, layer))
    if layer and (min(starts) < begin or max(stops) > end or not all(map(lt, starts, stops))):
        for start, stop in zip(starts, stops, strict=True):
            if not begin <= start < stop <= end:
                raise ValueError(f"span [{start}, {stop}) is not inside [{begin}, {end})")


def unitizing_tally(layers: Sequence[Sequence[SpanLike]], begin: int, end: int) -> UnitizingTally:
    """The tally of two or more observers over the continuum ``[begin, end)``, by span label.

    Every span must lie inside the continuum. Categories are the labels used by any observer.
    """
    if len(layers) < 2:
        raise ValueError("alpha_u needs at least two observers")
    if end <= begin:
        raise ValueError("the continuum is empty")
    by_category: dict[str, list[list[Extent]]] = {}
    for index, layer in enumerate(layers):
        _check_inside(layer, begin, end)
        grouped: dict[str, list[Extent]] = {}
        for span in layer:
            grouped.setdefault(span.label, []).append((span.start, span.end))
        for label, extents in grouped.items():
            observers = by_category.get(label)
            if observers is None:
                observers = by_category[label] = [[] for _ in layers]
            extents.sort()
            observers[index] = _union(extents)
    categories = {category: _category_tally(by_category[category], begin, end) for category in sorted(by_category)}
    return UnitizingTally(len(layers), end - begin, categories)


def laid_end_to_end(tallies: Sequence[UnitizingTally]) -> UnitizingTally:
    """The tally of the continua of ``tallies`` laid end to end, in order, as one continuum.

    No unit crosses from one continuum into the next, so the distances simply add up; only the
    gaps at the seams join, with whole continua an observer left empty of a category. Unit and
    gap lengths are counted, not listed: a corpus's thousands of them repeat a few hundred lengths.
    """
    if not tallies:
        raise ValueError("no continua to lay end to end")
    observers = tallies[0].observers
    if any(tally.observers != observers for tally in tallies):
        raise ValueError("every continuum needs the same observers")
    categories: dict[str, CategoryTally] = {}
    for category in sorted({name for tally in tallies for name in tally.categories}):
        distance = 0
        units: Counter[int] = Counter()
        inner_gaps: Counter[int] = Counter()
        listed_units: list[int] = []  # counted at the end, in one step
        listed_gaps: list[int] = []
        # Per observer: the gap before its first unit, and the gap still open after its last.
        leading: list[int | None] = [None] * observers
        open_gap = [0] * observers
        for tally in tallies:
            part = tally.categories.get(category)
            edges = part.edges if part is not None else (None,) * observers
            if part is not None:
                distance += part.distance_sum
                if isinstance(part.units, Counter):
                    units.update(part.units)
                else:
                    listed_units.extend(part.units)
                if isinstance(part.inner_gaps, Counter):
                    inner_gaps.update(part.inner_gaps)
                else:
                    listed_gaps.extend(part.inner_gaps)
            for observer, edge in enumerate(edges):
                if edge is None:
                    open_gap[observer] += tally.length
                    continue
                before, after = edge
                if leading[observer] is None:
                    leading[observer] = open_gap[observer] + before
                else:
                    listed_gaps.append(open_gap[observer] + before)
                open_gap[observer] = after
        units.update(listed_units)
        inner_gaps.update(listed_gaps)
        joined = tuple(None if first is None else (first, last) for first, last in zip(leading, open_gap, strict=True))
        categories[category] = CategoryTally(distance, units, inner_gaps, joined)
    return UnitizingTally(observers, sum(tally.length for tally in tallies), categories)


COUNTED_GAPS_FROM = 1_000
"""From this many gaps (a corpus's), gaps of one length are counted rather than sorted one by one."""


def _disagreements(tally: CategoryTally, m: int, length: int) -> tuple[float, float]:
    observed = 2 * tally.distance_sum / (m * (m - 1) * length * length)
    edges = [(length,) if edge is None else edge for edge in tally.edges]
    # The distinct gap lengths in order, and from each one on, how many gaps and their summed length.
    # Zero-length gaps sort first and never hold a unit: they change neither sum below.
    counted: Counter[int] | None
    if isinstance(tally.inner_gaps, Counter):
        counted = tally.inner_gaps.copy()
        counted.update(chain.from_iterable(edges))
    else:
        gaps = [*tally.inner_gaps, *chain.from_iterable(edges)]
        counted = Counter(gaps) if len(gaps) >= COUNTED_GAPS_FROM else None
    if counted is None:
        gaps.sort()
        lengths = gaps
        gaps_from = list(range(len(gaps), -1, -1))
        summed_from = list(accumulate(reversed(gaps), initial=0))[::-1]
    else:
        lengths = sorted(counted)
        counts = list(map(counted.__getitem__, reversed(lengths)))
        gaps_from = list(accumulate(counts, initial=0))[::-1]
        summed_from = list(accumulate(map(mul, reversed(lengths), counts), initial=0))[::-1]
    unit_counts = tally.units if isinstance(tally.units, Counter) else Counter(tally.units)
    n_units = unit_counts.total()
    numerator = 0
    squares = 0
    for unit, count in unit_counts.items():
        first = bisect.bisect_left(lengths, unit)
        placements = summed_from[first] - (unit - 1) * gaps_from[first]
        numerator += count * ((n_units - 1) * (unit * (unit - 1) * (2 * unit - 1) // 3) + unit * unit * placements)
        squares += count * unit * (unit - 1)
    denominator = m * length * (m * length - 1) - squares
    expected = 2 * numerator / (length * denominator) if denominator else 0.0
    return observed, expected


def alpha_of(tally: UnitizingTally) -> UnitizingAgreement:
    """alpha_u over all categories of ``tally`` and per category."""
    categories: dict[str, CategoryUnitizing] = {}
    for category in sorted(tally.categories):
        observed, expected = _disagreements(tally.categories[category], tally.observers, tally.length)
        value = 1.0 - observed / expected if expected > 0 else None
        categories[category] = CategoryUnitizing(category, observed, expected, value)
    observed_total = sum(c.observed_disagreement for c in categories.values())
    expected_total = sum(c.expected_disagreement for c in categories.values())
    value = 1.0 - observed_total / expected_total if expected_total > 0 else None
    count = max(len(categories), 1)
    return UnitizingAgreement(value, observed_total / count, expected_total / count, categories)


def unitizing_alpha(layers: Sequence[Sequence[SpanLike]], begin: int, end: int) -> UnitizingAgreement:
    """alpha_u of two or more observers over the continuum ``[begin, end)``, by span label.

    Every span must lie inside the continuum. Categories are the labels used by any observer.
    """
    return alpha_of(unitizing_tally(layers, begin, end))
