"""The main window's geometry, splitter and dock layout, kept between runs (QSettings, DESIGN.md's one use of it)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget


def side_area(window: QWidget) -> Qt.DockWidgetArea:
    """Where the side panels go: after the text in reading order (on the left in Arabic).

    Qt mirrors menus, toolbars and splitters in a right-to-left interface but not the dock areas.
    """
    if window.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return Qt.DockWidgetArea.LeftDockWidgetArea
    return Qt.DockWidgetArea.RightDockWidgetArea


def dock_state_key(window: QWidget) -> str:
    """The dock layout is kept per direction: an English layout would put Arabic docks on the wrong side."""
    return f"main_window/state-{window.layoutDirection().name}"


def restore_window_state(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    geometry = settings.value("main_window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    docks = settings.value(dock_state_key(window))
    if isinstance(docks, QByteArray) and not docks.isEmpty():
        window.restoreState(docks)
    state = settings.value("main_window/splitter")
    if isinstance(state, QByteArray) and not state.isEmpty():
        splitter.restoreState(state)


def save_window_state(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    settings.setValue("main_window/geometry", window.saveGeometry())
    settings.setValue("main_window/splitter", splitter.saveState())
    settings.setValue(dock_state_key(window), window.saveState())
