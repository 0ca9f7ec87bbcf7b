"""The bundled fonts: Noto Sans Arabic for the text, Noto Sans for Latin inside it and for the UI.

A fresh machine has no Arabic font and Qt's fallback cramps the dots (DESIGN.md section 3), so
both are registered from their packages at start-up rather than looked up on the system.
"""

from __future__ import annotations

import fontpkg
from PySide6.QtGui import QFont, QFontDatabase

ARABIC_FAMILY = "Noto Sans Arabic"
LATIN_FAMILY = "Noto Sans"
DEFAULT_TEXT_POINT_SIZE = 14.0

_PACKAGES = {ARABIC_FAMILY: "noto-sans-arabic", LATIN_FAMILY: "noto-sans"}


class FontError(RuntimeError):
    pass


_registered: set[str] = set()


def register_fonts() -> None:
    """Register the bundled fonts once per process; raise FontError if one cannot be loaded.

    (Asking Qt for every family instead would have it read the whole system font list first.)"""
    for family, package in _PACKAGES.items():
        if family in _registered:
            continue
        font_id = QFontDatabase.addApplicationFont(str(fontpkg.path(package)))
        if font_id < 0 or family not in QFontDatabase.applicationFontFamilies(font_id):
            raise FontError(f"the bundled font {family!r} could not be loaded from {fontpkg.path(package)}")
        _registered.add(family)


def text_font(point_size: float = DEFAULT_TEXT_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, LATIN_FAMILY])
    font.setPointSizeF(point_size)
    return font


def interface_font(point_size: float = 10.0) -> QFont:
    font = QFont()
    font.setFamilies([LATIN_FAMILY, ARABIC_FAMILY])
    font.setPointSizeF(point_size)
    return font
