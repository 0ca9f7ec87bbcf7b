"""The keyboard shortcut sheet (F1): every menu shortcut, the label and relation keys, the keys in the text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMainWindow,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
)

from annotator.schema import Schema
from ui.i18n import display_name

CONTEXT = "ShortcutSheet"
# English source texts, shown through translate(CONTEXT, ...); key names stay as Qt prints them.
TEXT_KEYS = (
    (
        "Shift+Left / Shift+Right",
        str(
            QT_TRANSLATE_NOOP(
                "ShortcutSheet", "Extend the selection (in Arabic, Left goes towards the end of the sentence)"
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("ShortcutSheet", "Alt+Shift+arrows, Ctrl+drag")),
        str(QT_TRANSLATE_NOOP("ShortcutSheet", "Select exact characters, without snapping to words")),
    ),
    (
        "Tab / Shift+Tab",
        str(
            QT_TRANSLATE_NOOP("ShortcutSheet", "Select the next or previous span (while relating: the next candidate)")
        ),
    ),
    ("Enter", str(QT_TRANSLATE_NOOP("ShortcutSheet", "Choose the candidate while making a relation"))),
    ("Esc", str(QT_TRANSLATE_NOOP("ShortcutSheet", "Cancel a relation, or clear the selected span"))),
    (
        str(QT_TRANSLATE_NOOP("ShortcutSheet", "Click a span, click again")),
        str(QT_TRANSLATE_NOOP("ShortcutSheet", "Select it, then the span around it")),
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _shortcut_text(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty())


def shortcut_rows(window: QMainWindow, schema: Schema) -> list[tuple[str, str, str]]:
    """(area, keys, what it does) for every shortcut the window offers."""
    rows: list[tuple[str, str, str]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        area = menu_action.text().replace("&", "")
        for action in _menu_actions(menu.actions()):
            keys = _shortcut_text(action)
            if keys:
                rows.append((area, keys, action.text().replace("&", "").rstrip("…")))
    labels = QCoreApplication.translate("ShortcutSheet", "Labels")
    for label in schema.labels:
        text = QCoreApplication.translate("ShortcutSheet", "{label}: {name} (select text first)")
        rows.append((labels, label.hotkey, text.format(label=label.name, name=display_name(label))))
    relations = QCoreApplication.translate("ShortcutSheet", "Relations")
    for relation in schema.relations:
        text = QCoreApplication.translate("ShortcutSheet", "{relation}: {name} (select the head first)")
        rows.append((relations, relation.hotkey, text.format(relation=relation.name, name=display_name(relation))))
    area = QCoreApplication.translate("ShortcutSheet", "Text")
    rows.extend((area, _tr(keys), _tr(meaning)) for keys, meaning in TEXT_KEYS)
    return rows


def _menu_actions(actions: list[QAction]) -> list[QAction]:
    found: list[QAction] = []
    for action in actions:
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found.extend(_menu_actions(submenu.actions()))
        elif not action.isSeparator():
            found.append(action)
    return found


class KeysDelegate(QStyledItemDelegate):
    """Key names read left to right in an Arabic interface too ("Ctrl+," and not ",Ctrl+")."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        side = Qt.AlignmentFlag.AlignLeft
        if option.widget is not None and option.widget.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            side = Qt.AlignmentFlag.AlignRight
        option.direction = Qt.LayoutDirection.LeftToRight
        option.displayAlignment = side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


class ShortcutSheet(QDialog):
    def __init__(self, window: QMainWindow, schema: Schema) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("What it does")])
        for row in shortcut_rows(window, schema):
            self.model.appendRow([QStandardItem(cell) for cell in row])
        table = QTableView()
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setItemDelegateForColumn(1, KeysDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        self.resize(760, 620)
