"""One-to-one matching of the spans of two layers, in O(n log n + overlapping pairs).

Spans are reduced to items ``(start, end, category, ident)``. Matching pairs, in this order:

1. exact matches: same start, end and category;
2. same extent, different category (only when ``cross_category`` is true);
3. overlapping spans, greedily by decreasing Jaccard overlap (shared characters over the
   characters of either span), preferring the same category on ties.

Every step is symmetric: matching B against A gives the mirror of matching A against B.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import filterfalse, repeat
from operator import attrgetter, itemgetter
from typing import Protocol

_start, _end, _label = attrgetter("start"), attrgetter("end"), attrgetter("label")
_first, _second = itemgetter(0), itemgetter(1)

Item = tuple[int, int, str, str]
"""``(start, end, category, ident)`` of one span; ``ident`` only breaks ties."""


class SpanLike(Protocol):
    """Anything with half-open character offsets and a label, such as ``model.Span``."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...


class MatchKind(StrEnum):
    EXACT = "exact"
    SAME_EXTENT = "same_extent"
    OVERLAP = "overlap"


Pair = tuple[int, int, MatchKind]
"""Indices into A and B and how they matched."""


@dataclass(frozen=True)
class Matching:
    """Index pairs into the two item sequences and the indices left unmatched on each side."""

    pairs: tuple[Pair, ...]
    only_a: tuple[int, ...]
    only_b: tuple[int, ...]


def items_of(spans: Sequence[SpanLike]) -> list[Item]:
    """Items for spans matched by label alone, with no identity tie-break."""
    return list(zip(map(_start, spans), map(_end, spans), map(_label, spans), repeat("")))


def overlapping_pairs(a: Sequence[Item], b: Sequence[Item]) -> Iterator[tuple[int, int]]:
    """Yield each index pair ``(i, j)`` whose extents share at least one character, once.

    A sweep over start positions with heaps of active spans: O((n + m) log(n + m) + pairs).
    Empty or reversed extents overlap nothing.
    """
    events = sorted(
        [(item[0], 0, i) for i, item in enumerate(a) if item[1] > item[0]]
        + [(item[0], 1, j) for j, item in enumerate(b) if item[1] > item[0]]
    )
    live_a: dict[int, None] = {}
    live_b: dict[int, None] = {}
    heap_a: list[tuple[int, int]] = []
    heap_b: list[tuple[int, int]] = []
    pop, push = heapq.heappop, heapq.heappush
    for position, side, index in events:
        while heap_a and heap_a[0][0] <= position:
            del live_a[pop(heap_a)[1]]
        while heap_b and heap_b[0][0] <= position:
            del live_b[pop(heap_b)[1]]
        if side == 0:
            for j in live_b:
                yield index, j
            live_a[index] = None
            push(heap_a, (a[index][1], index))
        else:
            for i in live_a:
                yield i, index
            live_b[index] = None
            push(heap_b, (b[index][1], index))


Key = tuple[object, ...]


def _index(items: Sequence[Item], indices: list[int], width: int) -> tuple[dict[Key, int], dict[Key, list[int]]]:
    """The first index of every key (the first ``width`` fields), and all indices of repeated keys."""
    keys: list[Key] = list(map(itemgetter(*range(width)), map(items.__getitem__, indices)))
    # Built from the end, so that the first index of a key is the one kept.
    first: dict[Key, int] = dict(zip(reversed(keys), reversed(indices), strict=True))
    repeated: dict[Key, list[int]] = {}
    if len(first) < len(indices):
        counts = Counter(keys)
        for i, key in zip(indices, keys, strict=True):
            if counts[key] > 1:
                repeated.setdefault(key, []).append(i)
    return first, repeated


def _pair_equal(
    a: Sequence[Item], b: Sequence[Item], free_a: list[int], free_b: list[int], width: int
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair items whose first ``width`` fields are equal; repeats pair in (category, ident) order."""
    first_a, repeated_a = _index(a, free_a, width)
    first_b, repeated_b = _index(b, free_b, width)
    paired: list[tuple[int, int]]
    if not repeated_a and not repeated_b:
        paired = [(i, first_b[key]) for key, i in first_a.items() if key in first_b]
    else:
        paired = []
        for key, i in first_a.items():
            j = first_b.get(key)
            if j is None:
                continue
            if key in repeated_a or key in repeated_b:
                members_a = sorted(repeated_a.get(key, [i]), key=lambda k: a[k][2:])
                members_b = sorted(repeated_b.get(key, [j]), key=lambda k: b[k][2:])
                paired.extend(zip(members_a, members_b, strict=False))
            else:
                paired.append((i, j))
    if not paired:
        return paired, free_a, free_b
    used_a = set(map(itemgetter(0), paired))
    used_b = set(map(itemgetter(1), paired))
    return paired, list(filterfalse(used_a.__contains__, free_a)), list(filterfalse(used_b.__contains__, free_b))


def match_items(a: Sequence[Item], b: Sequence[Item], *, cross_category: bool) -> Matching:
    """Match items one to one (see the module docstring for the order of preference).

    With ``cross_category`` false, only items of the same category are ever paired.
    Cost: O((n + m) log(n + m) + P), P the overlapping pairs among items left after the
    equal-extent steps; P grows with the nesting depth, not with the square of the layer size.
    """
    pairs: list[Pair] = []
    free_a, free_b = list(range(len(a))), list(range(len(b)))
    exact, free_a, free_b = _pair_equal(a, b, free_a, free_b, 3)
    pairs.extend(zip(map(_first, exact), map(_second, exact), repeat(MatchKind.EXACT)))
    if cross_category:
        same_extent, free_a, free_b = _pair_equal(a, b, free_a, free_b, 2)
        pairs.extend(zip(map(_first, same_extent), map(_second, same_extent), repeat(MatchKind.SAME_EXTENT)))

    rest_a = [a[i] for i in free_a]
    rest_b = [b[j] for j in free_b]
    candidates: list[tuple[float, int, Item, Item, int, int]] = []
    for i, j in overlapping_pairs(rest_a, rest_b):
        item_a, item_b = rest_a[i], rest_b[j]
        same = item_a[2] == item_b[2]
        if not same and not cross_category:
            continue
        shared = min(item_a[1], item_b[1]) - max(item_a[0], item_b[0])
        union = max(item_a[1], item_b[1]) - min(item_a[0], item_b[0])
        low, high = (item_a, item_b) if item_a <= item_b else (item_b, item_a)
        candidates.append((-shared / union, 0 if same else 1, low, high, i, j))
    candidates.sort()
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for *_, i, j in candidates:
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        pairs.append((free_a[i], free_b[j], MatchKind.OVERLAP))
    only_a = tuple(free_a[i] for i in range(len(free_a)) if i not in taken_a)
    only_b = tuple(free_b[j] for j in range(len(free_b)) if j not in taken_b)
    return Matching(tuple(pairs), only_a, only_b)
