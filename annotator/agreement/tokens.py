"""Token labels derived from spans, for the coding measures (kappa, alpha) over tokens."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from annotator.agreement.compare import NO_LABEL
from annotator.agreement.matching import SpanLike


def token_labels(spans: Sequence[SpanLike], tokens: Sequence[tuple[int, int]]) -> list[str]:
    """The label of each token ``(start, end)`` in one layer, in the order given.

    Rule: a token takes the label of the longest span sharing at least one character with it
    (with nesting, the outermost); ties go to the earlier start, then the smaller label. A token
    no span touches gets ``NO_LABEL``. Tokens must not overlap one another.
    One sweep over the tokens and the spans, both sorted by start: O((spans + tokens) log spans).
    """
    given = tokens if type(tokens) is list else list(tokens)
    ordered = sorted(given)
    pending = sorted([(s.start, s.end, s.label) for s in spans if s.end > s.start])
    count = len(pending)
    labels = [NO_LABEL] * len(ordered)
    # Spans touching the current token, strongest on top: longest, then earliest, then smallest label.
    active: list[tuple[int, int, str, int]] = []
    push, pop = heapq.heappush, heapq.heappop
    next_span = 0
    previous_end = None
    for index, (start, end) in enumerate(ordered):
        if previous_end is not None and start < previous_end:
            raise ValueError(f"token {ordered[index]} overlaps the token before it")
        previous_end = end
        while next_span < count and pending[next_span][0] < end:
            s_start, s_end, label = pending[next_span]
            push(active, (s_start - s_end, s_start, label, s_end))
            next_span += 1
        # A span ending at or before this token's start cannot touch any later token either.
        while active and active[0][3] <= start:
            pop(active)
        if active and start < end:
            labels[index] = active[0][2]
    if ordered == given:
        return labels
    in_given_order = [NO_LABEL] * len(given)
    for position, label in zip(sorted(range(len(given)), key=given.__getitem__), labels, strict=True):
        in_given_order[position] = label
    return in_given_order
