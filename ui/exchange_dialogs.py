"""File > Export and File > Import: choose a format and a layer, watch the progress, read the summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
    WRITERS,
    ExportFormat,
    ImportSummary,
    chosen_documents,
    import_records,
    iter_layer_records,
    read_records,
)
from annotator.formats import DocumentRecord, ExportReport, ImportFailed, ImportFormat
from annotator.model import GOLD
from annotator.project import Project
from annotator.repository import ProjectError
from ui.plain import show_message, visible_controls

SUFFIXES = {
    ExportFormat.NATIVE: ".jsonl",
    ExportFormat.SPACY: ".jsonl",
    ExportFormat.DOCCANO: ".jsonl",
    ExportFormat.DOCCANO_LABELS: ".jsonl",
    ExportFormat.LABELSTUDIO: ".json",
    ExportFormat.BRAT: ".zip",
    ExportFormat.CONLL: ".conll",
}
DESCRIPTIONS = {
    ExportFormat.NATIVE: "Hashiya JSONL (exact, for teammates)",
    ExportFormat.SPACY: "spaCy / Prodigy JSONL",
    ExportFormat.DOCCANO: "doccano JSONL (entities and relations)",
    ExportFormat.DOCCANO_LABELS: "doccano JSONL (label lists)",
    ExportFormat.LABELSTUDIO: "Label Studio JSON",
    ExportFormat.BRAT: "brat standoff (.zip, or a folder)",
    ExportFormat.CONLL: "CoNLL BIO",
}


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
        self.setWindowTitle("Export")
        self.project = project
        self.current_document = current_document
        self.format_combo = QComboBox()
        for fmt in ExportFormat:
            self.format_combo.addItem(DESCRIPTIONS[fmt], fmt.value)
        self.layer_combo = QComboBox()
        layers = [project.annotator, *[a for a in project.repository.annotators() if a != project.annotator]]
        if GOLD not in layers:
            layers.append(GOLD)
        for layer in layers:
            self.layer_combo.addItem(visible_controls(layer), layer)
        self.all_documents = QRadioButton("All documents")
        self.this_document = QRadioButton("This document")
        self.all_documents.setChecked(True)
        self.this_document.setEnabled(current_document is not None)
        scope = QButtonGroup(self)
        scope.addButton(self.all_documents)
        scope.addButton(self.this_document)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.all_documents)
        scope_row.addWidget(self.this_document)
        self.target = QLineEdit()
        self.target.setPlaceholderText("Choose where to write")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Format", self.format_combo)
        form.addRow("Layer", self.layer_combo)
        form.addRow("Documents", scope_row)
        form.addRow("Write to", target_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
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
        suggested = f"{self.layer_combo.currentData()}-{fmt.value}{SUFFIXES[fmt]}"
        name, _filter = QFileDialog.getSaveFileName(self, "Export to", suggested)
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


def run_export(
    parent: QWidget, project: Project, fmt: ExportFormat, target: Path, layer: str, document_id: str | None
) -> ExportReport | None:
    """Export with a progress dialog; report the result or the failure to the analyst."""
    ids = chosen_documents(project, [document_id] if document_id else None)
    progress = QProgressDialog("Exporting…", "Cancel", 0, len(ids), parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    try:
        report = WRITERS[fmt](with_progress_dialog(iter_layer_records(project, layer, ids), len(ids), progress), target)
    except InterruptedError:
        message(parent, QMessageBox.Icon.Information, "Export cancelled", f"Nothing was written to {target}.")
        return None
    except (OSError, ProjectError) as error:
        message(parent, QMessageBox.Icon.Critical, "Export failed", f"Nothing was written to {target}: {error}")
        return None
    finally:
        progress.close()
    lines = [
        f"Wrote {report.documents} document(s), {report.spans} span(s) and {report.relations} relation(s) "
        f"of the layer {layer} to {target}.",
        *report.notes,
    ]
    details = ""
    if report.skipped:
        reasons = Counter(skipped.reason for skipped in report.skipped)
        lines.append(f"{len(report.skipped)} item(s) could not be expressed in this format (see details).")
        details = "\n".join(f"{count} × {reason}" for reason, count in reasons.most_common())
    message(parent, QMessageBox.Icon.Information, "Exported", "\n".join(lines), details)
    return report


class ImportDialog(QDialog):
    """Which file, which format (detected by default), and which layer to put it in."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import annotations")
        self.path = path
        self.format_combo = QComboBox()
        self.format_combo.addItem("Detect from the file", "")
        for fmt in ImportFormat:
            self.format_combo.addItem(fmt.value, fmt.value)
        self.layer = QLineEdit()
        self.layer.setPlaceholderText("the layer names in the file (native), else required")
        form = QFormLayout()
        form.addRow("File", QLineEdit(str(path), readOnly=True))
        form.addRow("Format", self.format_combo)
        form.addRow("Into layer", self.layer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
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


def run_import(
    parent: QWidget, project: Project, path: Path, fmt: ImportFormat | None, layer: str | None
) -> ImportSummary | None:
    """Read the whole file, then store it in one transaction; a bad file is refused whole."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        records = read_records(project, path, fmt, layer)
        summary = import_records(project, records, layer)
    except ImportFailed as failure:
        QApplication.restoreOverrideCursor()
        shown = "\n".join(str(problem) for problem in failure.problems[:200])
        message(
            parent,
            QMessageBox.Icon.Warning,
            "Nothing was imported",
            f"{path.name} has {len(failure.problems)} problem(s); nothing of it was imported.",
            shown,
        )
        return None
    except (ValueError, OSError, ProjectError) as error:
        QApplication.restoreOverrideCursor()
        message(parent, QMessageBox.Icon.Warning, "Nothing was imported", f"{path.name}: {error}")
        return None
    QApplication.restoreOverrideCursor()
    message(
        parent,
        QMessageBox.Icon.Information,
        "Imported",
        f"Imported {summary.layers} layer(s) ({', '.join(summary.annotators)}): {summary.spans} span(s), "
        f"{summary.relations} relation(s); {summary.documents_added} new document(s).",
    )
    return summary
