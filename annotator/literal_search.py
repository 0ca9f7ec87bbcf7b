"""Occurrences of folded literals in a folded text, as ``str`` or as its UTF-8 bytes.

A literal's words are separated by one space; in the text, by any run of spaces (never by a
line break). The occurrences of one literal are found left to right, overlapping ones included;
``leftmost_longest`` keeps, of the occurrences of several, the leftmost, then the longest, and
drops those that overlap one kept.

UTF-8 bytes give the same answers as the text: an encoded literal begins with a character's first
byte, so it can only be found where a character begins, and two occurrences overlap in the bytes
when they overlap in the text. Counting from the bytes spares decoding a text without hits to show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import AnyStr, Generic


@dataclass(frozen=True)
class Literal(Generic[AnyStr]):
    """One literal in one form (``str`` or UTF-8 ``bytes``)."""

    whole: AnyStr  # the words separated by one space
    spaced: re.Pattern[AnyStr] | None  # the words separated by runs of spaces; None for one word
    last: AnyStr  # the last word after a space
    runs: tuple[AnyStr, ...]  # each word but the first after two spaces
    overlaps: bool  # whether two occurrences can overlap (the literal ends with its own beginning)

    def occurs(self, text: AnyStr, spread: bool = True) -> bool:
        """Whether the literal occurs in ``text``; ``spread`` False when it is known that no word of
        the literal but its first follows two spaces in the text."""
        if self.spaced is None:
            return self.whole in text
        if self.last not in text:
            return False
        if self.whole in text:
            return True
        # Runs of spaces are rare: a word after two spaces first, the pattern only then.
        return self.spread(text, spread) and self.spaced.search(text) is not None

    def spread(self, text: AnyStr, possible: bool = True) -> bool:
        """Whether the literal's words may be found further apart than one space in ``text``."""
        return possible and self.spaced is not None and any(run in text for run in self.runs)


def literal(words: Sequence[str]) -> Literal[str]:
    spaced = re.compile(" +".join(map(re.escape, words))) if len(words) > 1 else None
    whole = " ".join(words)
    return Literal(whole, spaced, " " + words[-1], tuple("  " + word for word in words[1:]), _overlaps(whole))


def utf8_literal(words: Sequence[str]) -> Literal[bytes]:
    encoded = [word.encode() for word in words]
    spaced = re.compile(b" +".join(map(re.escape, encoded))) if len(words) > 1 else None
    runs = tuple(b"  " + word for word in encoded[1:])
    return Literal(b" ".join(encoded), spaced, b" " + encoded[-1], runs, _overlaps(" ".join(words)))


def _overlaps(whole: str) -> bool:
    """Whether ``whole`` ends with its own beginning; words on either side of a space count whole:
    with runs of spaces a literal with a space may overlap itself in other ways, it is never counted alone."""
    return " " in whole or any(whole[:size] == whole[-size:] for size in range(1, len(whole)))


def occurrences(text: AnyStr, form: Literal[AnyStr], spaced: bool) -> Iterator[tuple[int, int]]:
    """Every occurrence of ``form`` in ``text``, overlapping ones included; ``spaced`` is False
    when the literal's words are one space apart wherever they occur (``Literal.spread``)."""
    if spaced and form.spaced is not None:
        pattern = form.spaced
        match = pattern.search(text)
        while match is not None:
            yield match.span()
            match = pattern.search(text, match.start() + 1)
        return
    whole = form.whole
    length = len(whole)
    start = text.find(whole)
    while start >= 0:
        yield start, start + length
        start = text.find(whole, start + 1)


def leftmost_longest(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges kept of ``found``: leftmost first, then longest, none overlapping one kept."""
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def count_kept(text: AnyStr, forms: Sequence[Literal[AnyStr]], spread: bool = True) -> int:
    """``len(leftmost_longest(...))`` of the occurrences of every literal in ``text``; ``spread`` as
    for ``Literal.occurs``.

    Where one literal occurs, its kept occurrences are those ``str.count`` (or ``findall``)
    counts: the leftmost, then the next that begins after it ends, and so on.
    """
    present = [form for form in forms if form.occurs(text, spread)]
    if not present:
        return 0
    if len(present) == 1:
        only = present[0]
        return (
            len(only.spaced.findall(text))
            if only.spaced is not None and only.spread(text, spread)
            else text.count(only.whole)
        )
    bulk = min((form for form in present if not form.overlaps), key=lambda form: len(form.whole), default=None)
    if bulk is None:
        return len(
            leftmost_longest([span for form in present for span in occurrences(text, form, form.spread(text, spread))])
        )
    others = [
        span for form in present if form is not bulk for span in occurrences(text, form, form.spread(text, spread))
    ]
    return _kept_around(text, bulk.whole, others)


def _kept_around(text: AnyStr, bulk: AnyStr, others: list[tuple[int, int]]) -> int:
    """``count_kept`` where the occurrences of ``bulk``, a literal that cannot overlap itself, are
    counted between those of the other literals (``others``) rather than found one by one.

    Walking the other occurrences in order, leftmost then longest: the occurrences of ``bulk`` that
    begin after the last one kept and before the next other occurrence are all kept (they cannot
    overlap one another); where ``bulk`` begins with another occurrence, it takes its turn with it.
    """
    length = len(bulk)
    starts = {start for start, _end in others}
    events = others + [(start, start + length) for start in starts if text.startswith(bulk, start)]
    events.sort(key=lambda item: (item[0], -item[1]))
    kept = 0
    end = 0
    for start, stop in events:
        before = start + length - 1  # occurrences within [end, before) begin before ``start``
        if before > end:
            between = text.count(bulk, end, before)
            if between:
                kept += between
                end = text.rfind(bulk, end, before) + length
        if start >= end:
            kept += 1
            end = stop
    return kept + text.count(bulk, end)
