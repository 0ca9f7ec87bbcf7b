"""The bundled fonts: Noto Sans Arabic for the text, Noto Sans for Latin inside it and for the UI.

A fresh machine has no Arabic font and Qt's fallback cramps the dots (DESIGN.md section 3), so
both are registered from their packages at start-up rather than looked up on the system.
Emoji and flags in news copy (📄, 🇲🇦) are drawn from Noto Color Emoji, which the set-up scripts
install from Debian (fonts-noto-color-emoji): it is registered too and named as the last family of
every font, so that they show as the source shows them, not as empty boxes.
"""

from __future__ import annotations

from pathlib import Path

import fontpkg
from PySide6.QtGui import QFont, QFontDatabase

ARABIC_FAMILY = "Noto Sans Arabic"
LATIN_FAMILY = "Noto Sans"
EMOJI_FAMILY = "Noto Color Emoji"
DEFAULT_TEXT_POINT_SIZE = 14.0
# Where Debian's fonts-noto-color-emoji puts the font (other systems: wherever fontconfig finds it).
EMOJI_FONT_FILES = (Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),)

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
    if EMOJI_FAMILY not in _registered:
        for path in EMOJI_FONT_FILES:
            if path.is_file() and QFontDatabase.addApplicationFont(str(path)) >= 0:
                break
        _registered.add(EMOJI_FAMILY)


def text_font(point_size: float = DEFAULT_TEXT_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, LATIN_FAMILY, EMOJI_FAMILY])
    font.setPointSizeF(point_size)
    return font


def interface_font(point_size: float = 10.0) -> QFont:
    font = QFont()
    font.setFamilies([LATIN_FAMILY, ARABIC_FAMILY, EMOJI_FAMILY])
    font.setPointSizeF(point_size)
    return font
