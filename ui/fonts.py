"""The bundled fonts, the only ones the interface and the text are drawn with.

A fresh machine has no Arabic font and Qt's fallback cramps the dots (DESIGN.md section 3); a
machine with more fonts made Qt pick its own "Noto Sans" over ours and the window changed. So
every script Hashiya shows has a font in resources/fonts, renamed so no system font can stand in
for it (resources/fonts/README.md): Latin, Arabic, the arrows and brackets Noto Sans lacks, and
colour emoji and flags from news copy (📄, 🇲🇦). Every font names all four families, so Qt's
fallback reaches a system font only for a script none of them covers; the emoji come before the
symbols, so a sign both have (⚠) is drawn in colour.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.resources import resource_path

ARABIC_FAMILY = "Hashiya Sans Arabic"
LATIN_FAMILY = "Hashiya Sans"
SYMBOLS_FAMILY = "Hashiya Symbols"
EMOJI_FAMILY = "Hashiya Emoji"
DEFAULT_TEXT_POINT_SIZE = 14.0

_FILES = {
    LATIN_FAMILY: "HashiyaSans.ttf",
    ARABIC_FAMILY: "HashiyaSansArabic.ttf",
    SYMBOLS_FAMILY: "HashiyaSymbols.ttf",
    EMOJI_FAMILY: "HashiyaEmoji.ttf",
}


class FontError(RuntimeError):
    pass


_registered: set[str] = set()


def register_fonts() -> None:
    """Register the bundled fonts once per process; raise FontError if one cannot be loaded.

    (Asking Qt for every family instead would have it read the whole system font list first.)"""
    for family, file_name in _FILES.items():
        if family in _registered:
            continue
        path = resource_path(f"fonts/{file_name}")
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0 or family not in QFontDatabase.applicationFontFamilies(font_id):
            raise FontError(f"the bundled font {family!r} could not be loaded from {path}")
        _registered.add(family)


def text_font(point_size: float = DEFAULT_TEXT_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, LATIN_FAMILY, EMOJI_FAMILY, SYMBOLS_FAMILY])
    font.setPointSizeF(point_size)
    return font


def interface_font(point_size: float = 10.0) -> QFont:
    font = QFont()
    font.setFamilies([LATIN_FAMILY, ARABIC_FAMILY, EMOJI_FAMILY, SYMBOLS_FAMILY])
    font.setPointSizeF(point_size)
    return font
