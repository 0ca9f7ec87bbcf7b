"""An import on the window's undo stack: undoing it puts back the layers it replaced or merged into."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.exchange import undo_import
from annotator.project import Project
from annotator.repository import ProjectError
from ui.plain import show_message
from ui.refusals import error_text


class ImportCommand(QUndoCommand):
    """Done when pushed (the import is stored already); undone once, from the edit log, then gone.

    The edit log keeps what the undo replaced in turn, so the stack offers no redo of an import.
    """

    def __init__(self, project: Project, at: str, text: str, parent: QWidget, done: Callable[[], None]) -> None:
        super().__init__(text)
        self.project = project
        self.at = at
        self._parent = parent
        self._done = done

    def redo(self) -> None:
        """The import was stored before the command was pushed."""

    def undo(self) -> None:
        try:
            undo_import(self.project, self.at)
        except ProjectError as error:
            show_message(self._parent, QMessageBox.Icon.Warning, self.text(), error_text(error))
        self.setObsolete(True)
        self._done()
