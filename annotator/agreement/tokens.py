"""Token labels derived from spans, for the coding measures (kappa, alpha) over tokens."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from annotator.agreement.compare import NO_LABEL
from annotator.agreement.matching import SpanLike, collector_paused


@collector_paused()
def token_labels(spans: Sequence[SpanLike], tokens: Sequence[tuple[int, int]]) -> list[str]:
    """The label of each token ``(start, end)`` in one layer, in the order given.

    Rule: a token takes the label of the longest span sharing at least one character with it
    (with nesting, the outermost); ties go to the earlier start, then the smaller label. A token
    no span touches gets ``NO_LABEL``. Tokens must not overlap one another.
    Sort and sweep: O((spans + tokens) log(spans + tokens)).
    """
    order = sorted(range(len(tokens)), key=lambda t: tokens[t])
    pending = sorted((s.start, s.end, s.label) for s in spans if s.end > s.start)
    labels = [NO_LABEL] * len(tokens)
    active: list[tuple[int, int, str, int]] = []
    next_span = 0
    previous_end = None
    for t in order:
        start, end = tokens[t]
        if previous_end is not None and start < previous_end:
            raise ValueError(f"token {tokens[t]} overlaps the token before it")
        previous_end = end
        while next_span < len(pending) and pending[next_span][0] < end:
            s_start, s_end, label = pending[next_span]
            heapq.heappush(active, (s_start - s_end, s_start, label, s_end))
            next_span += 1
        # A span ending at or before this token's start cannot touch any later token either.
        while active and active[0][3] <= start:
            heapq.heappop(active)
        if active and start < end:
            labels[t] = active[0][2]
    return labels
