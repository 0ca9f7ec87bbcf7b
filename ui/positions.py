"""The only place that converts between stored-text offsets and Qt positions (DESIGN.md section 2).

Stored offsets count Python code points. A ``QTextDocument`` filled with ``setPlainText`` counts
UTF-16 units: a character above U+FFFF takes two positions, and each ``\\n`` becomes a block
separator that still takes one. Nothing else shifts, so a Qt position is the UTF-16 length of the
text before it, and the map only needs to know where the astral characters are.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Iterable
from enum import Enum
from itertools import islice

from annotator.model import Span, reading_order

__all__ = ["OffsetMap", "Snap", "in_reading_order", "reading_order"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _without_astral(text: str) -> bool:
    """Told by the length of the UTF-16 encoding: a copy for such a text, five times faster than a search."""
    try:
        return len(text.encode("utf-16-le")) == 2 * len(text)
    except UnicodeEncodeError:  # a lone surrogate
        return False


class Snap(Enum):
    """Which way a Qt position inside a surrogate pair moves to reach a whole character."""

    BACKWARD = "backward"
    FORWARD = "forward"


class OffsetMap:
    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [] if _without_astral(text) else [match.start() for match in _ASTRAL.finditer(text)]
        # The Qt position of the high surrogate of each astral character.
        self._astral_qt = [offset + rank for rank, offset in enumerate(self._astral)]
        self.qt_length = self.length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} is outside the text of length {self.length}")
        return offset + bisect_left(self._astral, offset)

    def to_offset(self, position: int, snap: Snap = Snap.BACKWARD) -> int:
        if not 0 <= position <= self.qt_length:
            raise ValueError(f"Qt position {position} is outside the document of length {self.qt_length}")
        # Astral characters that start before ``position``; one that starts at position - 1
        # is split by it (position falls between its two surrogates).
        rank = bisect_left(self._astral_qt, position)
        if rank and self._astral_qt[rank - 1] == position - 1:
            offset = position - rank
            return offset if snap is Snap.BACKWARD else offset + 1
        return position - rank

    def to_qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def to_offset_range(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection widened, never narrowed, to whole characters."""
        return self.to_offset(start, Snap.BACKWARD), self.to_offset(end, Snap.FORWARD)


def in_reading_order(spans: Iterable[Span]) -> tuple[list[Span], list[tuple[int, int, str]]]:
    """``spans`` sorted by ``reading_order``, with their keys; a list already in that order (as the
    store gives it) is only checked."""
    listed = list(spans)
    keys = [(span.start, -span.end, span.id) for span in listed]  # reading_order, inlined
    if all(map(operator.le, keys, islice(keys, 1, None))):
        return listed, keys
    order = sorted(range(len(listed)), key=keys.__getitem__)
    return [listed[i] for i in order], [keys[i] for i in order]
