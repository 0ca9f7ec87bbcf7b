"""Right-to-left, flush-right rendering of Arabic text in every view (DESIGN.md section 3)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

RTL_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute


def make_document_rtl(document: QTextDocument) -> None:
    """Every paragraph right-to-left and flush right, whatever its first strong character.

    The widget's or the application's layout direction alone does not do this: a paragraph that
    starts with a Latin word or a digit would still be laid out left-to-right.
    """
    option = document.defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(RTL_ALIGNMENT)
    document.setDefaultTextOption(option)


class RtlTextDelegate(QStyledItemDelegate):
    """Draws a cell's text as a right-to-left paragraph, flush right, in any table or list."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.RightToLeft
        option.displayAlignment = RTL_ALIGNMENT | Qt.AlignmentFlag.AlignVCenter


LEFT_TO_RIGHT_ISOLATE = "\u2066"
RIGHT_TO_LEFT_ISOLATE = "\u2067"
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolated_rtl(text: str) -> str:
    """Arabic text to embed in a left-to-right interface string, laid out as its own RTL paragraph.

    Without the isolate, a title ending in «» or ".." shows those marks at the wrong end.
    """
    return f"{RIGHT_TO_LEFT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def isolated(text: str) -> str:
    """``text`` laid out in the direction of its own first letter, as one run in its line."""
    if not text or text.startswith(FIRST_STRONG_ISOLATE):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
