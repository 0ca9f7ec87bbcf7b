"""File names in Qt's file dialogs keep their order in an Arabic interface.

The dialog lists names in a right-to-left view: ``100-ar-go-menu-c.png`` became
``ar-go-menu-c.png-100`` and a date ``6/12/2026 03:50`` came out reordered, because the bidi
algorithm moved their digits and neutral characters to the other end of the line. Each cell is
drawn here as its own paragraph (a first-strong isolate), so a Latin name reads left to right and
an Arabic one right to left, whatever the dialog's direction.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QApplication, QFileDialog, QStyledItemDelegate, QStyleOptionViewItem, QWidget

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolated(text: str) -> str:
    """``text`` laid out in the direction of its own first letter, as one run in its line."""
    if not text or text.startswith(FIRST_STRONG_ISOLATE):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


class FileNameDelegate(QStyledItemDelegate):
    """Draws every cell of a file dialog's list (name, size, type, date) as an isolated run."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = isolated(option.text)


def _on_focus(_old: QWidget | None, new: QWidget | None) -> None:
    dialog = new.window() if new is not None else None
    if isinstance(dialog, QFileDialog) and not isinstance(dialog.itemDelegate(), FileNameDelegate):
        dialog.setItemDelegate(FileNameDelegate(dialog))


def keep_file_names_in_order(app: QApplication) -> None:
    """Give every file dialog the delegate as soon as it takes the focus (once per application)."""
    if not app.property("hashiya-file-names"):
        app.focusChanged.connect(_on_focus)
        app.setProperty("hashiya-file-names", True)
