"""Outlines and fills over stored-text ranges (suggestions, search hits, review units), as values.

The text view draws them; what makes them (the suggestions, the search) needs no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class OverlayStyle(Enum):
    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"
    FILL = "fill"
    HATCH = "hatch"  # diagonal lines over the range, unlike any label's flat highlight (search hits)


@dataclass(frozen=True)
class Overlay:
    """An outline or a fill drawn over a stored-text range, above the highlights."""

    start: int
    end: int
    colour: str
    style: OverlayStyle = OverlayStyle.DASHED
    width: float = 1.5
