"""The only place that converts between stored-text offsets and Qt positions (DESIGN.md section 2).

Stored offsets count Python code points. A ``QTextDocument`` filled with ``setPlainText`` counts
UTF-16 units: a character above U+FFFF takes two positions, and each ``\\n`` becomes a block
separator that still takes one. Nothing else shifts, so a Qt position is the UTF-16 length of the
text before it, and the map only needs to know where the astral characters are.
"""

from __future__ import annotations

from enum import Enum

from annotator.offsets import SplitSurrogate, Utf16Index, in_reading_order, reading_order

__all__ = ["OffsetMap", "Snap", "in_reading_order", "reading_order"]


class Snap(Enum):
    """Which way a Qt position inside a surrogate pair moves to reach a whole character."""

    BACKWARD = "backward"
    FORWARD = "forward"


class OffsetMap:
    """Stored-text offsets <-> Qt positions of one text: its UTF-16 index (annotator.offsets)."""

    def __init__(self, text: str) -> None:
        self._index = Utf16Index(text)
        self.length = self._index.length
        self.qt_length = self._index.units

    def to_qt(self, offset: int) -> int:
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} is outside the text of length {self.length}")
        return self._index.to_units(offset)

    def to_offset(self, position: int, snap: Snap = Snap.BACKWARD) -> int:
        if not 0 <= position <= self.qt_length:
            raise ValueError(f"Qt position {position} is outside the document of length {self.qt_length}")
        try:
            return self._index.to_codepoints(position)
        except SplitSurrogate:  # between the two halves of one character
            offset = self._index.to_codepoints(position - 1)
            return offset if snap is Snap.BACKWARD else offset + 1

    def to_qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def to_offset_range(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection widened, never narrowed, to whole characters."""
        return self.to_offset(start, Snap.BACKWARD), self.to_offset(end, Snap.FORWARD)
