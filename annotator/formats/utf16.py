"""Code-point offsets <-> UTF-16 code units, as JavaScript (and so doccano's editor) counts them.

A character above U+FFFF is one code point but two UTF-16 units. Both directions work from the
positions of such characters, found with one regular-expression scan, so texts without them
(most Arabic news) cost almost nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class SplitSurrogate(ValueError):
    """A UTF-16 offset that falls between the two halves of a surrogate pair."""


class Utf16Index:
    """Offset conversion for one text."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_units = [position + k for k, position in enumerate(self._astral)]
        self.units = self.length + len(self._astral)

    def to_units(self, index: int) -> int:
        """The UTF-16 offset of code-point boundary ``index`` (0 <= index <= len(text))."""
        return index + bisect_left(self._astral, index) if self._astral else index

    def to_codepoints(self, units: int) -> int:
        """The code-point boundary at UTF-16 offset ``units`` (0 <= units <= self.units).

        Raises :class:`SplitSurrogate` when ``units`` points inside a character.
        """
        if not self._astral:
            return units
        before = bisect_left(self._astral_units, units)
        if before and self._astral_units[before - 1] == units - 1:
            raise SplitSurrogate(f"UTF-16 offset {units} splits a surrogate pair (it falls inside one character)")
        return units - before
