"""The keyboard shortcut sheet (F1): every menu shortcut, the label and relation keys, the keys in the text."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QMainWindow, QMenu, QTableView, QVBoxLayout

from annotator.schema import Schema

TEXT_KEYS = (
    ("Shift+Left / Shift+Right", "Extend the selection (in Arabic, Left goes towards the end of the sentence)"),
    ("Alt+Shift+arrows, Alt+drag", "Select exact characters, without snapping to words"),
    ("Tab / Shift+Tab", "Select the next or previous span (while relating: the next candidate)"),
    ("Enter", "Choose the candidate while making a relation"),
    ("Esc", "Cancel a relation, or clear the selected span"),
    ("Click a span, click again", "Select it, then the span around it"),
)


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
    for label in schema.labels:
        rows.append(("Labels", label.hotkey, f"{label.name}: {label.display_en} (select text first)"))
    for relation in schema.relations:
        rows.append(("Relations", relation.hotkey, f"{relation.name}: {relation.display_en} (select the head first)"))
    rows.extend(("Text", keys, meaning) for keys, meaning in TEXT_KEYS)
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


class ShortcutSheet(QDialog):
    def __init__(self, window: QMainWindow, schema: Schema) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        for row in shortcut_rows(window, schema):
            self.model.appendRow([QStandardItem(cell) for cell in row])
        table = QTableView()
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        self.resize(760, 620)
