"""File > New Project, Open Project and Open Recent: another project, in a window of its own.

Opening a project starts Hashiya again on that file (``hashiya --db PATH``) and closes this
window once the other has been started, so that each project file is opened the one way the
program opens it, with its checks. The projects opened most recently are remembered.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from ui.plain import visible_controls

RECENT_KEY = "projects/recent"
RECENT_COUNT = 8
PROJECT_SUFFIX = ".hashiya"
# How the other window is started: the same Python, the same program, as `hashiya --db PATH`.
START = "import sys, main; sys.exit(main.main(sys.argv[1:]))"


def recent_projects() -> list[str]:
    value = QSettings().value(RECENT_KEY)
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []


def remember_project(location: str) -> None:
    """Put ``location`` first among the recent projects."""
    recent = [location, *(item for item in recent_projects() if item != location)][:RECENT_COUNT]
    QSettings().setValue(RECENT_KEY, recent)


def start_window_on(path: Path) -> bool:
    """Start Hashiya on the project at ``path`` in a process of its own; False if it could not start."""
    started, _pid = QProcess.startDetached(sys.executable, ["-c", START, "--db", str(path)])
    return bool(started)


class ProjectMenu(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu, before: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.new_action = QAction(self.tr("&New Project…"), window)
        self.new_action.triggered.connect(self.new_project)
        self.open_action = QAction(self.tr("&Open Project…"), window)
        self.open_action.triggered.connect(self.open_project)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.setObjectName("recent-menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.insertAction(before, self.new_action)
        menu.insertAction(before, self.open_action)
        menu.insertMenu(before, self.recent_menu)
        menu.insertSeparator(before)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in recent_projects():
            action = self.recent_menu.addAction(visible_controls(location))
            action.triggered.connect(lambda _checked=False, location=location: self.open(Path(location)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def new_project(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("New project"), "", self.tr("Hashiya projects (*.hashiya)")
        )
        if name:
            path = Path(name)
            self.open(path if path.suffix else path.with_suffix(PROJECT_SUFFIX))

    def open_project(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Open project"), "", self.tr("Hashiya projects (*.hashiya);;All files (*)")
        )
        if name:
            self.open(Path(name))

    def open(self, path: Path) -> None:
        if start_window_on(path):
            self.window.close()
