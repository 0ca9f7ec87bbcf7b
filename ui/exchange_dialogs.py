"""File > Export and File > Import: choose a format and a layer, watch the progress, read the summary."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.exchange import (
    EXPORTS,
    WRITERS,
    ExportFormat,
    ImportInto,
    ImportSummary,
    ImportWatch,
    chosen_documents,
    import_file,
    iter_layer_records,
)
from annotator.formats import DocumentRecord, ExportReport, ImportFailed, ImportFormat
from annotator.formats.table import IMPORTS
from annotator.model import GOLD
from annotator.project import Project
from annotator.repository import ProjectError
from ui.file_dialogs import save_file_name
from ui.plain import show_message, visible_controls
from ui.refusals import error_text

# The descriptions of annotator.exchange.EXPORTS to translate (product names stay as they are).
TRANSLATED_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("ExportFormat", "Hashiya JSONL (exact, for teammates)"),
    QT_TRANSLATE_NOOP("ExportFormat", "doccano JSONL (entities and relations)"),
    QT_TRANSLATE_NOOP("ExportFormat", "doccano JSONL (label lists)"),
    QT_TRANSLATE_NOOP("ExportFormat", "brat standoff (.zip, or a folder)"),
    QT_TRANSLATE_NOOP("ExportDialog", "All files"),
)


def format_description(fmt: ExportFormat | ImportFormat) -> str:
    """The format's description in the interface language (product names stay as they are)."""
    text = (EXPORTS[fmt] if isinstance(fmt, ExportFormat) else IMPORTS[fmt]).description
    return QCoreApplication.translate("ExportFormat", text)


def export_filter(fmt: ExportFormat) -> str:
    """The save dialog's filter for ``fmt``'s files, then all files."""
    all_files = QCoreApplication.translate("ExportDialog", "All files")
    return f"{format_description(fmt)} ({EXPORTS[fmt].patterns});;{all_files} (*)"


message = show_message


def with_progress_dialog(
    records: Iterator[DocumentRecord], total: int, dialog: QProgressDialog
) -> Iterator[DocumentRecord]:
    for done, record in enumerate(records, start=1):
        if dialog.wasCanceled():
            raise InterruptedError("cancelled")
        yield record
        dialog.setValue(done)
        QApplication.processEvents()


class ExportDialog(QDialog):
    def __init__(self, project: Project, current_document: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.project = project
        self.current_document = current_document
        self.format_combo = QComboBox()
        for fmt in EXPORTS:
            self.format_combo.addItem(format_description(fmt), fmt.value)
        self.layer_combo = QComboBox()
        layers = [project.annotator, *[a for a in project.repository.annotators() if a != project.annotator]]
        if GOLD not in layers:
            layers.append(GOLD)
        for layer in layers:
            self.layer_combo.addItem(visible_controls(layer), layer)
        self.all_documents = QRadioButton(self.tr("All documents"))
        self.this_document = QRadioButton(self.tr("This document"))
        self.all_documents.setChecked(True)
        self.this_document.setEnabled(current_document is not None)
        scope = QButtonGroup(self)
        scope.addButton(self.all_documents)
        scope.addButton(self.this_document)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.all_documents)
        scope_row.addWidget(self.this_document)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("Choose where to write"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Layer"), self.layer_combo)
        form.addRow(self.tr("Documents"), scope_row)
        form.addRow(self.tr("Write to"), target_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.report: ExportReport | None = None

    @property
    def chosen_format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def _browse(self) -> None:
        fmt = self.chosen_format
        suggested = f"{self.layer_combo.currentData()}-{fmt.value}{EXPORTS[fmt].suffix}"
        name = save_file_name(self, self.tr("Export to"), suggested, export_filter(fmt))
        if name:
            self.target.setText(name)

    def _accept(self) -> None:
        if not self.target.text().strip():
            self._browse()
            if not self.target.text().strip():
                return
        self.report = run_export(
            self,
            self.project,
            self.chosen_format,
            Path(self.target.text().strip()),
            str(self.layer_combo.currentData()),
            self.current_document if self.this_document.isChecked() else None,
        )
        if self.report is not None:
            self.accept()


class ExchangeMessages(QObject):
    """What the analyst is told about an export or an import, in the interface language."""

    def exporting(self) -> str:
        return self.tr("Exporting…")

    def cancel(self) -> str:
        return self.tr("Cancel")

    def checking(self, name: str, records: int) -> str:
        return self.tr("Checking {file}: %n record(s)…", "", records).format(file=name)

    def storing(self, name: str, records: int, of: int) -> str:
        return self.tr("Storing {file}: {records} of {of} records…").format(file=name, records=records, of=of)

    def export_cancelled(self, target: Path) -> tuple[str, str]:
        return self.tr("Export cancelled"), self.tr("Nothing was written to {target}.").format(target=target)

    def export_failed(self, target: Path, error: Exception) -> tuple[str, str]:
        text = self.tr("Nothing was written to {target}: {error}").format(target=target, error=error_text(error))
        return self.tr("Export failed"), text

    def exported(self, report: ExportReport, layer: str, target: Path) -> tuple[str, str]:
        counts = self.tr("{documents}, {spans} and {relations}").format(
            documents=self.tr("%n document(s)", "", report.documents),
            spans=self.tr("%n span(s)", "", report.spans),
            relations=self.tr("%n relation(s)", "", report.relations),
        )
        text = self.tr("Wrote {counts} of the layer {layer} to {target}.").format(
            counts=counts, layer=visible_controls(layer), target=target
        )
        return self.tr("Exported"), text

    def skipped(self, count: int) -> str:
        return self.tr("%n item(s) could not be expressed in this format (see details).", "", count)

    def nothing_imported(self) -> str:
        return self.tr("Nothing was imported")

    def import_problems(self, name: str, count: int) -> str:
        return self.tr("{file} has %n problem(s); nothing of it was imported.", "", count).format(file=name)

    def layers_exist(self, layers: tuple[str, ...], name: str) -> tuple[str, str]:
        text = self.tr(
            "The layer {layers} already holds work on texts in {file}.\n\n"
            "Replace it with the file's layer (Edit > Undo puts it back), merge the file's spans that are "
            "not in it yet, or import the file as a new layer?"
        ).format(layers=", ".join(visible_controls(layer) for layer in layers), file=name)
        return self.tr("The layer already holds work"), text

    def replace_layer(self) -> str:
        return self.tr("Replace")

    def merge_layer(self) -> str:
        return self.tr("Merge")

    def new_layer(self) -> str:
        return self.tr("New layer")

    def import_command(self, name: str) -> str:
        return self.tr("Import {file}").format(file=name)

    def went_into_new_layer(self, layer: str, new_name: str) -> str:
        return self.tr("{layer} already held work: the file went into the new layer {new}.").format(
            layer=visible_controls(layer), new=visible_controls(new_name)
        )

    def replaced(self, spans: int) -> str:
        return self.tr("Replaced {spans}; Edit > Undo puts them back.").format(spans=self.tr("%n span(s)", "", spans))

    def imported(self, summary: ImportSummary) -> tuple[str, str]:
        text = self.tr("Imported {layers} ({names}): {spans}, {relations}; {documents}.").format(
            layers=self.tr("%n layer(s)", "", summary.layers),
            names=", ".join(visible_controls(name) for name in summary.annotators),
            spans=self.tr("%n span(s)", "", summary.spans),
            relations=self.tr("%n relation(s)", "", summary.relations),
            documents=self.tr("%n new document(s)", "", summary.documents_added),
        )
        return self.tr("Imported"), text


def run_export(
    parent: QWidget, project: Project, fmt: ExportFormat, target: Path, layer: str, document_id: str | None
) -> ExportReport | None:
    """Export with a progress dialog; report the result or the failure to the analyst."""
    say = ExchangeMessages()
    try:
        project.refuse_own_file(target)
    except ProjectError as error:
        message(parent, QMessageBox.Icon.Critical, *say.export_failed(target, error))
        return None
    ids = chosen_documents(project, [document_id] if document_id else None)
    progress = QProgressDialog(say.exporting(), say.cancel(), 0, len(ids), parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    try:
        report = WRITERS[fmt](with_progress_dialog(iter_layer_records(project, layer, ids), len(ids), progress), target)
    except InterruptedError:
        message(parent, QMessageBox.Icon.Information, *say.export_cancelled(target))
        return None
    except (OSError, ProjectError) as error:
        message(parent, QMessageBox.Icon.Critical, *say.export_failed(target, error))
        return None
    finally:
        progress.close()
    title, summary = say.exported(report, layer, target)
    lines = [summary, *report.summary()]
    details = ""
    if report.skipped:
        reasons = Counter(skipped.reason for skipped in report.skipped)
        lines.append(say.skipped(len(report.skipped)))
        details = "\n".join(f"{count} × {reason}" for reason, count in reasons.most_common())
    details = "\n".join(filter(None, [details, *report.details()]))
    message(parent, QMessageBox.Icon.Information, title, "\n".join(lines), details)
    return report


class ImportDialog(QDialog):
    """Which file, which format (detected by default), and which layer to put it in."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import annotations"))
        self.path = path
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Detect from the file"), "")
        for fmt in IMPORTS:
            self.format_combo.addItem(format_description(fmt), fmt.value)
        self.layer = QLineEdit()
        self.layer.setPlaceholderText(self.tr("the layer names in the file (native), else required"))
        self.layer.setMinimumWidth(self.layer.fontMetrics().horizontalAdvance(self.layer.placeholderText()) + 24)
        form = QFormLayout()
        form.addRow(self.tr("File"), QLineEdit(str(path), readOnly=True))
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Into layer"), self.layer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def chosen_format(self) -> ImportFormat | None:
        value = self.format_combo.currentData()
        return ImportFormat(value) if value else None

    @property
    def chosen_layer(self) -> str | None:
        return self.layer.text().strip() or None


def ask_into(parent: QWidget, layers: tuple[str, ...], name: str) -> ImportInto | None:
    """Replace, merge or a new layer for layers that already hold work; None when the analyst cancels."""
    say = ExchangeMessages()
    title, text = say.layers_exist(layers, name)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    choices: dict[QAbstractButton, ImportInto] = {
        box.addButton(say.replace_layer(), QMessageBox.ButtonRole.DestructiveRole): ImportInto.REPLACE,
        box.addButton(say.merge_layer(), QMessageBox.ButtonRole.AcceptRole): ImportInto.MERGE,
        box.addButton(say.new_layer(), QMessageBox.ButtonRole.AcceptRole): ImportInto.NEW_LAYER,
    }
    cancel = box.addButton(say.cancel(), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return choices.get(box.clickedButton())


SHOW_PROGRESS_AFTER_SECONDS = 0.5


class ImportProgress:
    """The progress of an import, shown once it has taken half a second: a busy bar while the file is
    checked (Cancel stores nothing), then the records stored, which cannot be cancelled.

    Application-modal: nothing else of the program takes input meanwhile. While records are stored,
    only painting and timers run (another project window's refresh), no input at all.
    """

    def __init__(self, parent: QWidget, name: str) -> None:
        self._say = ExchangeMessages()
        self._name = name
        self._parent = parent
        self._began = time.monotonic()
        self._painted = 0.0
        self._dialog: QProgressDialog | None = None
        self._storing = False

    def watch(self) -> ImportWatch:
        return ImportWatch(checked=self._checked, stored=self._stored, into=self._into)

    def close(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _shown(self) -> QProgressDialog | None:
        now = time.monotonic()
        if now - self._painted < 0.05:
            return None
        self._painted = now
        if self._dialog is None and now - self._began >= SHOW_PROGRESS_AFTER_SECONDS:
            dialog = QProgressDialog(self._say.checking(self._name, 0), self._say.cancel(), 0, 0, self._parent)
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.show()
            self._dialog = dialog
        return self._dialog

    def _checked(self, records: int) -> None:
        dialog = self._shown()
        if dialog is not None:
            dialog.setLabelText(self._say.checking(self._name, records))
            QApplication.processEvents()
        if self._dialog is not None and self._dialog.wasCanceled():
            raise InterruptedError("cancelled")

    def _stored(self, records: int, of: int) -> None:
        dialog = self._shown()
        if dialog is None:
            return
        if not self._storing:
            self._storing = True
            dialog.setCancelButton(None)  # the steps before are in the project: the import goes on
            dialog.setRange(0, of)
        dialog.setLabelText(self._say.storing(self._name, records, of))
        dialog.setValue(records)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _into(self, layers: tuple[str, ...]) -> ImportInto | None:
        if self._dialog is not None:
            self._dialog.hide()
        QApplication.restoreOverrideCursor()
        try:
            return ask_into(self._parent, layers, self._name)
        finally:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            if self._dialog is not None:
                self._dialog.show()


def run_import(
    parent: QWidget, project: Project, path: Path, fmt: ImportFormat | None, layer: str | None
) -> ImportSummary | None:
    """Check the whole file, then store it (a native file in short transactions, the others in one),
    showing the progress; a bad file is refused whole, and Cancel while it is checked stores nothing.

    When a layer of the file already holds work, the analyst chooses replace, merge or a new layer.
    """
    say = ExchangeMessages()
    progress = ImportProgress(parent, path.name)
    failed: tuple[str, str] | None = None
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        summary = import_file(project, path, fmt, layer, watch=progress.watch())
    except InterruptedError:
        return None
    except ImportFailed as failure:
        problems = "\n".join(str(problem) for problem in failure.problems[:200])
        failed = (say.import_problems(path.name, len(failure.problems)), problems)
    except (ValueError, OSError, ProjectError) as error:
        failed = (f"{path.name}: {error_text(error)}", "")
    finally:
        progress.close()
        QApplication.restoreOverrideCursor()
    if failed is not None:
        message(parent, QMessageBox.Icon.Warning, say.nothing_imported(), *failed)
        return None
    title, text = say.imported(summary)
    lines = [text, *(say.went_into_new_layer(old, new) for old, new in summary.renamed)]
    if summary.replaced:
        lines.append(say.replaced(summary.replaced))
    # The notes say which offset unit was assumed for a file that had no span texts to check against.
    message(parent, QMessageBox.Icon.Information, title, "\n".join([*lines, *summary.notes]))
    return summary
