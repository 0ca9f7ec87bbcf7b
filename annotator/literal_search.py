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
    runs: tuple[AnyStr, ...]  # each word but the last followed by two spaces

    def occurs(self, text: AnyStr) -> bool:
        if self.whole in text:
            return True
        return (
            self.spaced is not None and any(run in text for run in self.runs) and self.spaced.search(text) is not None
        )


def literal(words: Sequence[str]) -> Literal[str]:
    spaced = re.compile(" +".join(map(re.escape, words))) if len(words) > 1 else None
    return Literal(" ".join(words), spaced, tuple(word + "  " for word in words[:-1]))


def utf8_literal(words: Sequence[str]) -> Literal[bytes]:
    encoded = [word.encode() for word in words]
    spaced = re.compile(b" +".join(map(re.escape, encoded))) if len(words) > 1 else None
    return Literal(b" ".join(encoded), spaced, tuple(word + b"  " for word in encoded[:-1]))


def occurrences(text: AnyStr, form: Literal[AnyStr], spaced: bool) -> Iterator[tuple[int, int]]:
    """Every occurrence of ``form`` in ``text``, overlapping ones included; ``spaced`` says
    whether the text holds two spaces in a row anywhere."""
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


def count_kept(text: AnyStr, forms: Sequence[Literal[AnyStr]], double_space: AnyStr) -> int:
    """``len(leftmost_longest(...))`` of the occurrences of every literal in ``text``.

    Where one literal occurs, its kept occurrences are those ``str.count`` (or ``findall``)
    counts: the leftmost, then the next that begins after it ends, and so on.
    """
    present = [form for form in forms if form.occurs(text)]
    if not present:
        return 0
    spaced = double_space in text
    if len(present) == 1:
        only = present[0]
        return len(only.spaced.findall(text)) if spaced and only.spaced is not None else text.count(only.whole)
    found = [span for form in present for span in occurrences(text, form, spaced)]
    return len(leftmost_longest(found))
