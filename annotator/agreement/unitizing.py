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
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations

from annotator.agreement.matching import SpanLike, collector_paused

Segment = tuple[int, int, bool]
"""``(start, end, is_unit)``; the segments of one observer tile the continuum."""


@dataclass(frozen=True)
class CategoryUnitizing:
    category: str
    observed_disagreement: float
    expected_disagreement: float
    value: float | None


@dataclass(frozen=True)
class UnitizingAgreement:
    """alpha_u over all categories (None if undefined) and per category."""

    value: float | None
    observed_disagreement: float
    expected_disagreement: float
    categories: Mapping[str, CategoryUnitizing]


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


def _segments(extents: list[tuple[int, int]], begin: int, end: int) -> list[Segment]:
    segments: list[Segment] = []
    append = segments.append
    position = begin
    unit_start = unit_end = -1
    for start, stop in sorted(extents):
        if start < unit_end:
            unit_end = max(unit_end, stop)
            continue
        if unit_end >= 0:
            append((unit_start, unit_end, True))
            position = unit_end
        if start > position:
            append((position, start, False))
        unit_start, unit_end = start, stop
    if unit_end >= 0:
        append((unit_start, unit_end, True))
        position = unit_end
    if position < end:
        append((position, end, False))
    return segments


def _pair_disagreement(first: list[Segment], second: list[Segment]) -> int:
    total = i = j = 0
    while i < len(first) and j < len(second):
        total += unit_distance(first[i], second[j])
        first_end, second_end = first[i][1], second[j][1]
        if first_end <= second_end:
            i += 1
        if second_end <= first_end:
            j += 1
    return total


def _category_figures(observers: list[list[Segment]], length: int) -> tuple[float, float]:
    m = len(observers)
    observed_sum = sum(_pair_disagreement(a, b) for a, b in combinations(observers, 2))
    observed = 2 * observed_sum / (m * (m - 1) * length * length)

    units = [stop - start for segments in observers for start, stop, is_unit in segments if is_unit]
    gaps = sorted(stop - start for segments in observers for start, stop, is_unit in segments if not is_unit)
    suffix = list(accumulate(reversed(gaps), initial=0))[::-1]
    n_units = len(units)
    numerator = 0
    for unit in units:
        first = bisect.bisect_left(gaps, unit)
        placements = suffix[first] - (unit - 1) * (len(gaps) - first)
        numerator += (n_units - 1) * (unit * (unit - 1) * (2 * unit - 1) // 3) + unit * unit * placements
    denominator = m * length * (m * length - 1) - sum(unit * (unit - 1) for unit in units)
    expected = 2 * numerator / (length * denominator) if denominator else 0.0
    return observed, expected


@collector_paused()
def unitizing_alpha(layers: Sequence[Sequence[SpanLike]], begin: int, end: int) -> UnitizingAgreement:
    """alpha_u of two or more observers over the continuum ``[begin, end)``, by span label.

    Every span must lie inside the continuum. Categories are the labels used by any observer.
    """
    if len(layers) < 2:
        raise ValueError("alpha_u needs at least two observers")
    if end <= begin:
        raise ValueError("the continuum is empty")
    by_category: dict[str, list[list[tuple[int, int]]]] = {}
    for index, layer in enumerate(layers):
        for span in layer:
            start, stop, label = span.start, span.end, span.label
            if not begin <= start < stop <= end:
                raise ValueError(f"span [{start}, {stop}) is not inside [{begin}, {end})")
            extents = by_category.get(label)
            if extents is None:
                extents = by_category[label] = [[] for _ in layers]
            extents[index].append((start, stop))
    categories: dict[str, CategoryUnitizing] = {}
    for category in sorted(by_category):
        observers = [_segments(observer, begin, end) for observer in by_category[category]]
        observed, expected = _category_figures(observers, end - begin)
        value = 1.0 - observed / expected if expected > 0 else None
        categories[category] = CategoryUnitizing(category, observed, expected, value)
    observed_total = sum(c.observed_disagreement for c in categories.values())
    expected_total = sum(c.expected_disagreement for c in categories.values())
    value = 1.0 - observed_total / expected_total if expected_total > 0 else None
    count = max(len(categories), 1)
    return UnitizingAgreement(value, observed_total / count, expected_total / count, categories)
