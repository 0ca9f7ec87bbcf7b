"""An Arabic-aware tokenizer that returns code-point offsets into the stored text.

Rules, in order of precedence:

- Whitespace (anything ``str.isspace`` accepts: space, tab, newline, NBSP, U+2028, U+2029, ...)
  separates tokens and is never part of one.
- A number is a run of digits (ASCII or Arabic-Indic) with inner separators ``, . ٫ ٬ / : -``
  and the en dash kept together: ``10,000``, ``3.5``, ``1950-53``, ``٢٠٢٤/٦/١٩``.
- A word is a letter followed by letters, digits, ``_``, combining marks (Arabic harakat,
  shadda, superscript alef, Latin accents), tatweel, ZWJ and ZWNJ.
- Anything else (punctuation such as ``، ؛ ؟ . « » “ ” ( ) [ ]``, symbols, emoji) is a token of
  its own, one grapheme cluster each: a base character with its combining marks, variation
  selectors, emoji modifiers, ZWJ sequences and regional-indicator pairs stay together.

A cluster is never split by these rules. ``split_points`` are positions the caller requires to
be token boundaries (span starts and ends, so that a span on روسيا inside لروسيا gets tokens of
its own); they are honoured even inside a word, and inside a cluster too, because the caller
asked for that boundary explicitly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import filterfalse
from typing import NamedTuple

# Combining marks and joiners that belong to the preceding base character.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc"
    "\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08ca-\u08e1\u08e3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u200c\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
    "\U000e0100-\U000e01ef"
)
_M = f"[{_MARKS}]"
_CLUSTER_TAIL = f"(?:{_M}|\u200d\\S)*"
_TOKEN = re.compile(
    rf"\d+(?:[,.\u066b\u066c/:\-\u2013]\d+)*{_M}*"  # number
    rf"|[^\W\d_](?:\w|{_M}|\u200d)*"  # word
    rf"|(?:[\U0001f1e6-\U0001f1ff]{{2}}|\S){_CLUSTER_TAIL}"  # one other cluster
)

SENTENCE_END = frozenset(".!?؟…۔")


class Token(NamedTuple):
    """A token: its text and its half-open code-point offsets in the text it came from."""

    text: str
    start: int
    end: int


def tokenize(text: str, split_points: Iterable[int] = ()) -> list[Token]:
    """Split ``text`` into tokens (see the module docstring); whitespace is not returned.

    Contract: tokens are in order, do not overlap, ``text[t.start:t.end] == t.text``, no token
    contains whitespace, and every non-whitespace character is in exactly one token. Every
    position in ``split_points`` that lies inside a token becomes a boundary.
    """
    points = sorted(set(split_points))
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if points:
            i = bisect_right(points, start)
            while i < len(points) and points[i] < end:
                cut = points[i]
                append(Token(text[start:cut], start, cut))
                start = cut
                i += 1
        append(Token(text[start:end], start, end))
    return tokens


def token_spans(text: str, split_points: Iterable[int] = ()) -> list[tuple[int, int]]:
    """The ``(start, end)`` of ``tokenize(text, split_points)``, without building the tokens' texts.

    Only the few tokens a split point falls inside are cut (span boundaries mostly fall between tokens).
    """
    return split_at([match.span() for match in _TOKEN.finditer(text)], split_points)


def token_spans_within(text: str, stretches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the tokens of ``tokenize(text)`` that lie in the ordered, disjoint ``stretches``.

    Each stretch ``(begin, end)`` must begin and end at whitespace or at an end of the text: whitespace
    is never part of a token, so the tokens found in a stretch alone are those of the whole text.
    """
    spans: list[tuple[int, int]] = []
    extend, finditer, span = spans.extend, _TOKEN.finditer, re.Match.span
    for begin, end in stretches:
        extend(map(span, finditer(text, begin, end)))
    return spans


def split_at(spans: list[tuple[int, int]], split_points: Iterable[int]) -> list[tuple[int, int]]:
    """Ordered token ``spans`` with every split point that falls inside one made a boundary."""
    starts = [start for start, _end in spans]
    cuts: dict[int, list[int]] = {}
    for point in sorted(set(split_points)):
        index = bisect_right(starts, point) - 1
        if index >= 0 and spans[index][0] < point < spans[index][1]:
            cuts.setdefault(index, []).append(point)
    if not cuts:
        return spans
    result: list[tuple[int, int]] = []
    done = 0
    for index in sorted(cuts):
        result.extend(spans[done:index])
        start, end = spans[index]
        for point in cuts[index]:
            result.append((start, point))
            start = point
        result.append((start, end))
        done = index + 1
    result.extend(spans[done:])
    return result


def token_count(text: str) -> int:
    """``len(tokenize(text))``, counted mostly without the tokenizer.

    A whitespace-delimited run of letters alone is one word token (the word rule takes it whole);
    only the other runs (with digits, marks or punctuation) are tokenized.
    """
    runs = text.split()
    others = list(filterfalse(str.isalpha, runs))
    return len(runs) - len(others) + sum(map(len, map(_TOKEN.findall, others)))


def sentence_breaks(text: str, tokens: list[Token]) -> list[int]:
    """Indices ``i`` of tokens that begin a new sentence (after the first one).

    A sentence ends at a line break between two tokens or after a token that is one of
    ``. ! ? ؟ … ۔``.
    """
    breaks: list[int] = []
    for i in range(1, len(tokens)):
        previous = tokens[i - 1]
        between = text[previous.end : tokens[i].start]
        if "\n" in between or "\u2029" in between or previous.text in SENTENCE_END:
            breaks.append(i)
    return breaks
