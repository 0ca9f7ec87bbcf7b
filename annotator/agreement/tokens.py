"""Token labels derived from spans, for the coding measures (kappa, alpha) over tokens."""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import islice
from operator import ge, itemgetter, lt

from annotator.agreement.compare import NO_LABEL
from annotator.agreement.matching import SpanLike


def token_labels(spans: Sequence[SpanLike], tokens: Sequence[tuple[int, int]]) -> list[str]:
    """The label of each token ``(start, end)`` in one layer, in the order given.

    Rule: a token takes the label of the longest span sharing at least one character with it
    (with nesting, the outermost); ties go to the earlier start, then the smaller label. A token
    no span touches gets ``NO_LABEL``. Tokens must not overlap one another.
    """
    return layers_token_labels([spans], tokens)[0]


def layers_token_labels(layers: Sequence[Sequence[SpanLike]], tokens: Sequence[tuple[int, int]]) -> list[list[str]]:
    """``token_labels`` of each layer over the same tokens, which are ordered and checked once.

    Each span paints its label over the tokens it touches (found by bisection), weakest span
    first, so that the strongest one is left on top: O(spans log tokens + tokens painted).
    """
    given = tokens if type(tokens) is list else list(tokens)
    ordered = sorted(given)
    starts = list(map(itemgetter(0), ordered))
    ends = list(map(itemgetter(1), ordered))
    if any(map(lt, islice(starts, 1, None), ends)):
        index = next(i for i in range(1, len(ordered)) if starts[i] < ends[i - 1])
        raise ValueError(f"token {ordered[index]} overlaps the token before it")
    if any(map(ge, starts, ends)):  # empty or reversed tokens: their ends need not be in order
        return [_in_given_order(_swept(spans, ordered), ordered, given) for spans in layers]
    painted = []
    for spans in layers:
        labels = [NO_LABEL] * len(ordered)
        extents = sorted([(s.start - s.end, s.start, s.label) for s in spans if s.end > s.start], reverse=True)
        for negative_length, start, label in extents:
            first, last = bisect_right(ends, start), bisect_left(starts, start - negative_length)
            labels[first:last] = [label] * (last - first)
        painted.append(_in_given_order(labels, ordered, given))
    return painted


def _swept(spans: Sequence[SpanLike], ordered: list[tuple[int, int]]) -> list[str]:
    """The labels of tokens sorted by start, which may be empty, by one sweep over tokens and spans."""
    pending = sorted([(s.start, s.end, s.label) for s in spans if s.end > s.start])
    count = len(pending)
    labels = [NO_LABEL] * len(ordered)
    # Spans touching the current token, strongest on top: longest, then earliest, then smallest label.
    active: list[tuple[int, int, str, int]] = []
    push, pop = heapq.heappush, heapq.heappop
    next_span = 0
    for index, (start, end) in enumerate(ordered):
        while next_span < count and pending[next_span][0] < end:
            s_start, s_end, label = pending[next_span]
            push(active, (s_start - s_end, s_start, label, s_end))
            next_span += 1
        # A span ending at or before this token's start cannot touch any later token either.
        while active and active[0][3] <= start:
            pop(active)
        if active and start < end:
            labels[index] = active[0][2]
    return labels


def _in_given_order(labels: list[str], ordered: list[tuple[int, int]], given: list[tuple[int, int]]) -> list[str]:
    if ordered == given:
        return labels
    in_given_order = [NO_LABEL] * len(given)
    for position, label in zip(sorted(range(len(given)), key=given.__getitem__), labels, strict=True):
        in_given_order[position] = label
    return in_given_order
