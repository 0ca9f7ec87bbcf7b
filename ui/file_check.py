"""A large project file opens at once while its integrity check runs beside the work; the window
says as soon as that check finds the file damaged, not only when the next edit is refused."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from annotator.repository import ProjectError, Repository
from ui.plain import show_message
from ui.refusals import error_text
from ui.shell import Shell

POLL_INTERVAL_MS = 250


class FileCheckWatch(QObject):
    def __init__(self, shell: Shell, repository: Repository) -> None:
        super().__init__(shell.frame())
        self._window = shell.frame()
        self._repository = repository
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _poll(self) -> None:
        try:
            done = self._repository.wait_for_checks(timeout=0)
        except ProjectError as damaged:
            self._timer.stop()
            show_message(
                self._window,
                QMessageBox.Icon.Critical,
                self.tr("The project file is damaged"),
                self.tr(
                    "{problem}\n\nWhat is shown may be wrong or incomplete, and no edit will be saved into it."
                ).format(problem=error_text(damaged)),
            )
            return
        if done:
            self._timer.stop()


def watch_file_check(shell: Shell, repository: Repository) -> FileCheckWatch:
    return FileCheckWatch(shell, repository)
