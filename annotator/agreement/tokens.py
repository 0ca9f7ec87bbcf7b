"""Token labels derived from spans, for the coding measures (kappa, alpha) over tokens."""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, compress, islice, repeat
from operator import attrgetter, eq, ge, gt, itemgetter, lt, neg, or_, sub

from annotator.agreement.compare import NO_LABEL
from annotator.agreement.matching import SpanLike
from annotator.tokenize import split_at, token_count, token_spans_within

_first, _second, _third = itemgetter(0), itemgetter(1), itemgetter(2)
_start, _end, _label = attrgetter("start"), attrgetter("end"), attrgetter("label")


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


def coded_tokens(text: str, layers: Sequence[Sequence[SpanLike]]) -> Counter[tuple[str, ...]]:
    """How many tokens of ``text`` carry each tuple of labels, one label per layer (see ``token_labels``).

    The tokens are those of ``annotator.tokenize`` with every span boundary as a split point. Only the
    whitespace-delimited runs of text that a span touches (or a boundary falls in) are tokenized and
    labelled; the tokens of all other runs carry ``NO_LABEL`` in every layer and are only counted.
    """
    # Each layer's span starts and ends, listed once for every step below.
    bounds = [(list(map(_start, layer)), list(map(_end, layer))) for layer in layers]
    tokens = token_spans_within(text, _touched_stretches(text, bounds))
    untouched = token_count(text) - len(tokens)
    starts = list(map(_first, tokens))
    ends = list(map(_second, tokens))
    # Most span boundaries fall between tokens; only the others can split one.
    inside = set().union(*chain.from_iterable(bounds))
    inside = inside.difference(starts, ends)
    if inside:
        tokens = split_at(tokens, inside)
        starts = list(map(_first, tokens))
        ends = list(map(_second, tokens))
    units: Counter[tuple[str, ...]] = Counter(
        zip(
            *(
                _painted(span_starts, span_ends, layer, starts, ends)
                for (span_starts, span_ends), layer in zip(bounds, layers, strict=True)
            ),
            strict=True,
        )
    )
    if untouched:
        units[(NO_LABEL,) * len(layers)] += untouched
    return units


def painted_labels(spans: Sequence[SpanLike], starts: list[int], ends: list[int]) -> list[str]:
    """The labels of ordered, disjoint, non-empty tokens painted by ``spans`` as in ``layers_token_labels``."""
    return _painted(list(map(_start, spans)), list(map(_end, spans)), spans, starts, ends)


def _painted(
    span_starts: list[int], span_ends: list[int], spans: Sequence[SpanLike], starts: list[int], ends: list[int]
) -> list[str]:
    """``painted_labels`` given the starts and ends of ``spans``."""
    # By start, then longest first, then smallest label: the order of strength among spans sharing a start.
    ordered = sorted(zip(span_starts, map(neg, span_ends), map(_label, spans), strict=True))
    if not all(map(lt, span_starts, span_ends)):
        ordered = [extent for extent in ordered if extent[0] < -extent[1]]
    if not ordered:
        return [NO_LABEL] * len(starts)
    lows = list(map(_first, ordered))
    highs = list(map(neg, map(_second, ordered)))
    reach = list(accumulate(highs, max))
    # A span starting where all before it have ended is outermost; any other must lie inside the
    # outermost one before it, which then touches every token it touches and is stronger.
    outermost = [True, *map(ge, islice(lows, 1, None), reach)]
    if all(map(or_, islice(outermost, 1, None), map(eq, islice(reach, 1, None), reach))):
        return _runs(compress(lows, outermost), compress(highs, outermost), compress(ordered, outermost), starts, ends)
    painted = [NO_LABEL] * len(starts)
    # Weakest first, so that the strongest is left on top: longest, then earliest, then smallest label.
    for low, negative_high, label in sorted(ordered, key=_strength, reverse=True):
        first, last = bisect_right(ends, low), bisect_left(starts, -negative_high)
        painted[first:last] = [label] * (last - first)
    return painted


def _strength(extent: tuple[int, int, str]) -> tuple[int, int, str]:
    low, negative_high, label = extent
    return low + negative_high, low, label


def _runs(
    lows: Iterable[int],
    highs: Iterable[int],
    extents: Iterable[tuple[int, int, str]],
    starts: list[int],
    ends: list[int],
) -> list[str]:
    """The labels of the tokens under spans that follow one another without overlapping: as they touch
    disjoint runs of tokens (every boundary splits a token), the labels are runs of "no label" and of
    each span's label, in order."""
    firsts = list(map(bisect_right, repeat(ends), lows))
    lasts = list(map(bisect_left, repeat(starts), highs))
    gaps = map(sub, firsts, chain((0,), lasts))
    runs = chain.from_iterable(zip(gaps, map(sub, lasts, firsts), strict=True))
    values = chain.from_iterable(zip(repeat(NO_LABEL), map(_third, extents)))
    painted = list(chain.from_iterable(map(repeat, values, runs)))
    painted.extend(repeat(NO_LABEL, len(starts) - len(painted)))
    return painted


def _touched_stretches(text: str, bounds: Sequence[tuple[list[int], list[int]]]) -> list[tuple[int, int]]:
    """The ordered, disjoint stretches of whole runs of ``text`` holding every character of every span
    and both characters around every span boundary (a boundary inside a run splits a token there);
    ``bounds`` holds the starts and the ends of each layer's spans.

    Each character is looked at at most once, however many spans share a run."""
    extents = _extents(bounds, len(text))
    if not extents:
        return []
    # Overlapping or touching extents make one piece: a piece begins where an extent starts after
    # every earlier one has ended.
    lows = list(map(_first, extents))
    reach = list(accumulate(map(_second, extents), max))
    breaks = list(compress(range(1, len(extents)), map(gt, islice(lows, 1, None), reach)))
    piece_lows = [lows[0], *map(lows.__getitem__, breaks)]
    piece_highs = [*map(reach.__getitem__, map(sub, breaks, repeat(1))), reach[-1]]
    length = len(text)
    stretches: list[list[int]] = []
    done = 0  # the end of the last stretch, at whitespace or the end of the text
    for begin, end in zip(piece_lows, piece_highs, strict=True):
        if end <= done:
            continue
        while begin > done and not text[begin - 1].isspace():
            begin -= 1
        while end < length and not text[end].isspace():
            end += 1
        if stretches and begin <= done:
            stretches[-1][1] = end
        else:
            stretches.append([begin, end])
        done = end
    return list(map(tuple, stretches))  # type: ignore[arg-type]  # each a [begin, end] pair


def _extents(bounds: Sequence[tuple[list[int], list[int]]], length: int) -> list[tuple[int, int]]:
    """The sorted ``(low, high)`` inside ``[0, length)`` of every span (its start and end in ``bounds``)
    and, for an empty span, of the characters around its boundary."""
    starts = list(chain.from_iterable(map(_first, bounds)))
    ends = list(chain.from_iterable(map(_second, bounds)))
    if all(map(lt, starts, ends)) and (not starts or (min(starts) >= 0 and max(ends) <= length)):
        return sorted(zip(starts, ends, strict=True))
    extents = []
    for start, end in zip(starts, ends, strict=True):
        low, high = (start, end) if start <= end else (end, start)
        if low == high:
            low, high = low - 1, high + 1
        low, high = max(low, 0), min(high, length)
        if low < high:
            extents.append((low, high))
    return sorted(extents)
