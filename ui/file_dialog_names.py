"""File names in Qt's file dialogs keep their order in an Arabic interface.

The dialog lists names in a right-to-left view: ``100-ar-go-menu-c.png`` became
``ar-go-menu-c.png-100`` and a date ``6/12/2026 03:50`` came out reordered, because the bidi
algorithm moved their digits and neutral characters to the other end of the line. Each cell is
drawn here as its own paragraph (a first-strong isolate), so a Latin name reads left to right and
an Arabic one right to left, whatever the dialog's direction. The folder above the list is a path
and is shown left to right, a file type's patterns keep their order, and the size, type and date
columns are made wide enough to read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFileSystemModel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QTreeView,
    QWidget,
)

from ui.rtl import LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE, isolated


class FileNameDelegate(QStyledItemDelegate):
    """Draws every cell of a file dialog's list (name, size, type, date) as an isolated run."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = isolated(option.text)


def filter_shown(text: str) -> str:
    """A file type such as ``النصوص (*.txt *.jsonl)`` with its patterns kept in order, left to right."""
    name, bracket, patterns = text.rpartition(" (")
    if not bracket:
        return isolated(text)
    return f"{name} {LEFT_TO_RIGHT_ISOLATE}({patterns}{POP_DIRECTIONAL_ISOLATE}"


class ShownTextDelegate(QStyledItemDelegate):
    """Draws each entry of a combo box's list through ``shown``."""

    def __init__(self, shown: Callable[[str], str], parent: QObject) -> None:
        super().__init__(parent)
        self.shown = shown

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = self.shown(option.text)


class ComboTextPainter(QObject):
    """Paints a combo box's current entry through ``shown``, in ``direction`` (the box's own if None).

    Qt paints a combo box's text in the application's direction, whatever the box's own, so in an
    Arabic interface the folder ``/tmp/articles`` came out as ``tmp/articles/`` and the file type
    ``النصوص (*.txt *.jsonl)`` with its brackets and patterns scrambled."""

    def __init__(self, shown: Callable[[str], str], direction: Qt.LayoutDirection | None, parent: QComboBox) -> None:
        super().__init__(parent)
        self.shown = shown
        self.direction = direction
        parent.view().setItemDelegate(ShownTextDelegate(shown, parent))
        if direction is not None:
            parent.setLayoutDirection(direction)
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QComboBox):
            return False
        painter = QStylePainter(watched)
        direction = self.direction or watched.layoutDirection()
        painter.setLayoutDirection(direction)
        option = QStyleOptionComboBox()
        option.initFrom(watched)
        option.direction = direction
        option.frame = True
        option.iconSize = watched.iconSize()
        option.currentIcon = watched.itemIcon(watched.currentIndex())
        label = painter.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, watched
        )
        option.currentText = self.shown(
            option.fontMetrics.elidedText(watched.currentText(), Qt.TextElideMode.ElideMiddle, label.width())
        )
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
        return True


def _fit_columns(view: QTreeView) -> None:
    """Size, type and date wide enough to read whole; the name keeps the rest."""
    for column in range(1, view.model().columnCount(view.rootIndex())):
        view.resizeColumnToContents(column)


def _arrange(dialog: QFileDialog) -> None:
    dialog.setItemDelegate(FileNameDelegate(dialog))
    # The folder is a path, which reads left to right in either interface language.
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    if look_in is not None:
        ComboTextPainter(isolated, Qt.LayoutDirection.LeftToRight, look_in)
    file_type = dialog.findChild(QComboBox, "fileTypeCombo")
    if file_type is not None:
        ComboTextPainter(filter_shown, None, file_type)
    view = dialog.findChild(QTreeView, "treeView")
    model = dialog.findChild(QFileSystemModel)
    if view is not None and model is not None:
        model.directoryLoaded.connect(lambda _folder: _fit_columns(view))
        _fit_columns(view)


def _on_focus(_old: QWidget | None, new: QWidget | None) -> None:
    dialog = new.window() if new is not None else None
    if isinstance(dialog, QFileDialog) and not isinstance(dialog.itemDelegate(), FileNameDelegate):
        _arrange(dialog)


def keep_file_names_in_order(app: QApplication) -> None:
    """Give every file dialog the delegate as soon as it takes the focus (once per application)."""
    if not app.property("hashiya-file-names"):
        app.focusChanged.connect(_on_focus)
        app.setProperty("hashiya-file-names", True)
