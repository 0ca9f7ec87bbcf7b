"""Offset units of the exchange formats, and converting them to and from code points.

Hashiya stores code-point offsets (DESIGN.md section 2). The tools it exchanges files with count
what their browser editors count, as measured in each tool's own editor: Label Studio code
points (it indexes ``[...text]``), doccano UTF-16 units (JavaScript string length), or extended
grapheme clusters when a doccano project counts them. Each format has a default unit; the
command line's ``--offset-unit`` overrides it.

:class:`OffsetReading` follows one import: which unit was assumed, whether it was asked for,
and how many spans carried a text to check the offsets against, so that an import of a file
without span texts can say which unit it assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from annotator.offsets import SplitSurrogate, Utf16Index


class OffsetUnit(StrEnum):
    CODEPOINT = "codepoint"
    UTF16 = "utf16"
    GRAPHEME = "grapheme"


UNIT_NAMES: dict[OffsetUnit, str] = {
    OffsetUnit.CODEPOINT: "code points",
    OffsetUnit.UTF16: "UTF-16 units",
    OffsetUnit.GRAPHEME: "grapheme clusters",
}


class OffsetIndex(Protocol):
    """Conversion between code-point boundaries of one text and offsets in some unit."""

    units: int

    def to_units(self, index: int) -> int: ...

    def to_codepoints(self, units: int) -> int: ...


class InsideCharacter(ValueError):
    """An offset that falls inside a character or a grapheme cluster."""


class CodepointIndex:
    def __init__(self, text: str) -> None:
        self.units = len(text)

    def to_units(self, index: int) -> int:
        return index

    def to_codepoints(self, units: int) -> int:
        return units


class Utf16Offsets:
    """:class:`Utf16Index` raising :class:`InsideCharacter` for an offset inside a surrogate pair."""

    def __init__(self, text: str) -> None:
        self._index = Utf16Index(text)
        self.units = self._index.units

    def to_units(self, index: int) -> int:
        return self._index.to_units(index)

    def to_codepoints(self, units: int) -> int:
        try:
            return self._index.to_codepoints(units)
        except SplitSurrogate as error:
            raise InsideCharacter(str(error)) from error


class GraphemeIndex:
    """Extended grapheme clusters (Unicode UAX #29), as ``Intl.Segmenter`` and doccano count them."""

    def __init__(self, text: str) -> None:
        import regex  # only needed for this unit

        self._starts: list[int] = [m.start() for m in regex.finditer(r"\X", text)] + [len(text)]
        self._number = {start: i for i, start in enumerate(self._starts)}
        self.units = len(self._starts) - 1

    def to_units(self, index: int) -> int:
        number = self._number.get(index)
        if number is None:
            raise InsideCharacter(f"code-point offset {index} falls inside a grapheme cluster")
        return number

    def to_codepoints(self, units: int) -> int:
        return self._starts[units]


def offset_index(text: str, unit: OffsetUnit) -> OffsetIndex:
    if unit is OffsetUnit.UTF16:
        return Utf16Offsets(text)
    if unit is OffsetUnit.GRAPHEME:
        return GraphemeIndex(text)
    return CodepointIndex(text)


@dataclass
class OffsetReading:
    """How one import reads offsets: the unit, whether it was asked for, and what could be checked."""

    unit: OffsetUnit
    given: bool = False
    checked: int = 0
    unchecked: int = 0

    def note(self, tool: str) -> str | None:
        """The sentence an import prints when some spans had no text to check their offsets against."""
        if not self.unchecked:
            return None
        how = "as asked" if self.given else f"as {tool}'s editor counts them; --offset-unit changes this"
        return f"offsets of {self.unchecked} span(s) without a span text were read as {UNIT_NAMES[self.unit]} ({how})"

    def hint(self, text: str, start: int, end: int, covered: str | None = None) -> str:
        """Why the offsets look like another unit's: the first unit in which they fit the text
        (and cover ``covered``, when the span has a text), as a clause to add to a problem."""
        for other in OffsetUnit:
            if other is self.unit:
                continue
            try:
                index = offset_index(text, other)
                if not 0 <= start < end <= index.units:
                    continue
                a, b = index.to_codepoints(start), index.to_codepoints(end)
            except InsideCharacter:
                continue
            if covered is None or text[a:b] == covered:
                what = "they cover exactly the span text" if covered is not None else "they fit the text"
                return (
                    f"; read as {UNIT_NAMES[other]} {what}: the file may count {UNIT_NAMES[other]} "
                    f"(--offset-unit {other.value})"
                )
        return ""
