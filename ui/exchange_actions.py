"""File > Import Texts, Import Annotations and Export of the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from annotator.exchange import ImportInto
from annotator.formats.table import import_patterns
from annotator.repository import ProjectError
from annotator.text_import import TextImportError
from ui.annotation_controller import AnnotationController
from ui.file_dialogs import open_file_name, open_file_names
from ui.import_undo import ImportCommand
from ui.plain import show_message
from ui.refusals import error_text
from ui.shell import Shell
from ui.text_focus import back_to_text


class ExchangeActions(QObject):
    """Importing texts and annotations into the window's project, and exporting its layers."""

    def __init__(self, shell: Shell, annotations: AnnotationController) -> None:
        super().__init__(shell.frame())
        self.shell = shell
        self.window = shell.frame()
        self.annotations = annotations
        self.project = annotations.project

    def export_dialog(self) -> None:
        from ui.exchange_dialogs import ExportDialog

        dialog = ExportDialog(self.project, self.annotations.document_id, self.window)
        dialog.exec()
        dialog.deleteLater()
        back_to_text(self.window, self.annotations.view)

    def import_annotations_dialog(self) -> None:
        name = open_file_name(
            self.window,
            self.tr("Import annotations"),
            "",
            self.tr("Annotations ({patterns});;All files (*)").format(patterns=import_patterns()),
        )
        if name:
            self.import_annotations(Path(name))

    def import_annotations(self, path: Path) -> None:
        from ui.exchange_dialogs import ExchangeMessages, ImportDialog, run_import

        dialog = ImportDialog(path, self.window)
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted:
            return
        summary = run_import(self.window, self.project, path, dialog.chosen_format, dialog.chosen_layer)
        if summary is None:
            return
        self._imported()
        if summary.into in (ImportInto.REPLACE, ImportInto.MERGE):
            text = ExchangeMessages().import_command(path.name)
            self.annotations.undo_stack.push(ImportCommand(self.project, summary.at, text, self.window, self._imported))

    def _imported(self) -> None:
        self.shell.reload_documents()
        self.annotations.reload()

    def import_texts_dialog(self) -> None:
        files = open_file_names(
            self.window,
            self.tr("Import texts"),
            "",
            self.tr("Texts (*.txt *.jsonl *.ndjson);;All files (*)"),
        )
        if files:
            self.import_paths([Path(name) for name in files])

    def import_paths(self, paths: list[Path]) -> None:
        try:
            summary = self.project.import_paths(paths)
        except TextImportError as error:
            show_message(
                self.window,
                QMessageBox.Icon.Warning,
                self.tr("Nothing was imported"),
                "\n".join(error.problems),
            )
            return
        except ProjectError as error:
            show_message(
                self.window,
                QMessageBox.Icon.Critical,
                self.tr("Nothing was imported"),
                error_text(error),
            )
            return
        self.shell.reload_documents()
        if summary.added:
            self.shell.open_document(summary.added[0])
        imported = self.tr("Imported %n text(s);", "", len(summary.added))
        present = self.tr("%n already in the project.", "", len(summary.already_present))
        self.window.statusBar().showMessage(f"{imported} {present}", 8000)
