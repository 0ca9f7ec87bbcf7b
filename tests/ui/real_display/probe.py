"""Hashiya's window started as ``hashiya --db PATH`` starts it, answering questions on stdin.

The test drives the window with real key and mouse events through the X server; this process only
reports what is on screen: which widget has the keyboard focus, where windows, docks, menus and
their entries are, what a dialog says. One JSON request per line in, one ``PROBE {json}`` line out.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSocketNotifier, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

import main
from ui.app import application
from ui.main_window import MainWindow


def rectangle(widget: QWidget, local: QRect | None = None) -> list[int]:
    """A widget's rectangle (or ``local`` inside it) in screen coordinates: x, y, width, height."""
    area = local if local is not None else widget.rect()
    corner = widget.mapToGlobal(area.topLeft())
    return [corner.x(), corner.y(), area.width(), area.height()]


def main_window() -> MainWindow:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    raise LookupError("the main window is not shown")


def describe(widget: QWidget | None) -> dict[str, Any]:
    if widget is None:
        return {"class": None}
    window = widget.window()
    text_view = main_window().view
    return {
        "class": type(widget).__name__,
        "name": widget.objectName(),
        "placeholder": widget.placeholderText() if isinstance(widget, QLineEdit) else "",
        "in_text_view": widget is text_view or text_view.isAncestorOf(widget),
        "window_class": type(window).__name__,
        "window_title": window.windowTitle(),
    }


def focus(_request: dict[str, Any]) -> dict[str, Any]:
    answer = describe(QApplication.focusWidget())
    active = QApplication.activeWindow()
    answer["active_window"] = type(active).__name__ if active is not None else None
    modal = QApplication.activeModalWidget()
    answer["modal"] = type(modal).__name__ if modal is not None else None
    return answer


def menu(request: dict[str, Any]) -> dict[str, Any]:
    shown = main_window().findChild(QMenu, request["name"])
    if shown is None:
        raise LookupError(request["name"])
    return {
        "visible": shown.isVisible(),
        "geometry": rectangle(shown),
        "actions": {
            action.text(): rectangle(shown, shown.actionGeometry(action))
            for action in shown.actions()
            if not action.isSeparator()
        },
    }


def menu_bar(_request: dict[str, Any]) -> dict[str, Any]:
    bar = main_window().menuBar()
    return {
        action.menu().objectName(): rectangle(bar, bar.actionGeometry(action))
        for action in bar.actions()
        if isinstance(action.menu(), QMenu)
    }


def layout(_request: dict[str, Any]) -> dict[str, Any]:
    window = main_window()
    docks = {
        dock.objectName(): rectangle(dock)
        for dock in window.findChildren(QDockWidget)
        if dock.isVisible() and not dock.isFloating()
    }
    return {
        "window": rectangle(window),
        "direction": window.layoutDirection().name,
        "text_view": rectangle(window.view),
        "document_list": rectangle(window.document_table),
        "docks": docks,
    }


def text_view(_request: dict[str, Any]) -> dict[str, Any]:
    """The text view's scroll position and the first and last positions shown."""
    view = main_window().view
    corner = view.viewport().rect()
    return {
        "scroll": view.verticalScrollBar().value(),
        "first_shown": view.cursorForPosition(corner.topRight() + QPoint(-4, 4)).position(),
        "last_shown": view.cursorForPosition(corner.bottomLeft() + QPoint(4, -4)).position(),
        "point_size": view.point_size,
        "geometry": rectangle(view),
    }


def windows(_request: dict[str, Any]) -> dict[str, Any]:
    """Each shown top-level window's frame (title bar included) on the screen, by class."""
    return {
        type(widget).__name__: [
            widget.frameGeometry().x(),
            widget.frameGeometry().y(),
            widget.frameGeometry().width(),
            widget.frameGeometry().height(),
        ]
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and widget.isWindow()
    }


def dialog(_request: dict[str, Any]) -> dict[str, Any]:
    shown = QApplication.activeModalWidget() or QApplication.activeWindow()
    if shown is None:
        return {"class": None}
    answer: dict[str, Any] = {
        "class": type(shown).__name__,
        "title": shown.windowTitle(),
        "direction": shown.layoutDirection().name,
        "labels": [label.text() for label in shown.findChildren(QLabel) if label.isVisible()],
        "buttons": [button.text() for button in shown.findChildren(QAbstractButton) if button.isVisible()],
    }
    if isinstance(shown, QFileDialog):
        answer["file_names"] = shown_file_names(shown)
        answer["file_cells"] = shown_file_cells(shown)
        look_in = shown.findChild(QComboBox, "lookInCombo")
        answer["look_in"] = (
            {"text": look_in.currentText(), "direction": look_in.layoutDirection().name} if look_in else {}
        )
    return answer


def shown_file_cells(file_dialog: QFileDialog) -> dict[str, list[dict[str, Any]]]:
    """Each file's size, type and date cells: the text shown and whether the column is wide enough for it."""
    from PySide6.QtWidgets import QTreeView

    view = file_dialog.findChild(QTreeView, "treeView")
    if view is None:
        return {}
    model = view.model()
    root = view.rootIndex()
    metrics = view.fontMetrics()
    cells: dict[str, list[dict[str, Any]]] = {}
    for row in range(model.rowCount(root)):
        name = str(model.index(row, 0, root).data())
        cells[name] = []
        for column in range(1, model.columnCount(root)):
            text = str(model.index(row, column, root).data() or "")
            fits = metrics.horizontalAdvance(text) <= view.columnWidth(column)
            cells[name].append({"text": text, "fits": fits})
    return cells


def shown_file_names(file_dialog: QFileDialog) -> dict[str, str]:
    """Each file's name as the dialog's item delegate is given it to draw, by file name."""
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

    view = file_dialog.findChild(QTreeView, "treeView")
    if view is None:
        return {}
    model = view.model()
    root = view.rootIndex()
    names: dict[str, str] = {}
    for row in range(model.rowCount(root)):
        index = model.index(row, 0, root)
        option = QStyleOptionViewItem()
        delegate = view.itemDelegateForIndex(index)
        if isinstance(delegate, QStyledItemDelegate) and type(delegate) is not QStyledItemDelegate:
            delegate.initStyleOption(option, index)  # a delegate of the program's own, which may change the text
            names[str(index.data())] = option.text
        else:
            names[str(index.data())] = str(index.data())
    return names


QUESTIONS = {
    "focus": focus,
    "menu": menu,
    "menu_bar": menu_bar,
    "layout": layout,
    "text_view": text_view,
    "windows": windows,
    "dialog": dialog,
}


class Listener:
    """Reads the test's requests from stdin between the window's events."""

    def __init__(self) -> None:
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self.read)

    def read(self) -> None:
        line = sys.stdin.readline()
        if not line:
            QApplication.quit()
            return
        request = json.loads(line)
        try:
            answer = QUESTIONS[request["ask"]](request)
        except (LookupError, AttributeError) as error:
            answer = {"error": str(error)}
        print("PROBE " + json.dumps(answer, ensure_ascii=False), flush=True)


def run(arguments: list[str]) -> int:
    application()
    listeners: list[Listener] = []
    QTimer.singleShot(0, lambda: listeners.append(Listener()))
    return main.main(arguments)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
