"""File > Save a Copy…: the whole project, what its log holds included, written as one self-contained file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.project import Project
from annotator.repository import ProjectError
from ui.file_dialogs import save_file_name
from ui.plain import show_message
from ui.refusals import error_text

SUFFIX = ".hashiya"


class SaveCopy(QObject):
    """Asks where to write the copy, writes it through the project, and says how that went."""

    def __init__(self, parent: QWidget, project: Project) -> None:
        super().__init__(parent)
        self.window = parent
        self.project = project

    def ask(self) -> None:
        suggested = Path(self.project.location).with_suffix("").name + "-copy" + SUFFIX
        name = save_file_name(
            self.window, self.tr("Save a Copy of the Project"), suggested, self.tr("Hashiya project (*.hashiya)")
        )
        if name:
            path = Path(name)
            self.save(path if path.suffix else path.with_name(path.name + SUFFIX))

    def save(self, target: Path) -> bool:
        try:
            self.project.save_copy(target)
        except ProjectError as error:
            show_message(self.window, QMessageBox.Icon.Critical, self.tr("No copy was saved"), error_text(error))
            return False
        show_message(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Copy saved"),
            self.tr("The whole project was saved as one file: %1").replace("%1", str(target)),
        )
        return True
