"""File > Export and File > Import in the window: the files written, the layers read, the summaries shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.exchange import ExportFormat
from annotator.project import Project
from tests.ui.analyst import Analyst
from tests.ui.test_annotating import document_row, open_window
from ui.exchange_dialogs import ExportDialog, ImportDialog


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def test_export_then_import_as_a_teammates_layer(
    qtbot: QtBot, sample_project: Project, tmp_path: Path, messages: list[str]
) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, "003_6ce7f2ee4d1dc447"))
    analyst = Analyst(qtbot, window)
    analyst.tag("سيرغي لافروف", "p")
    analyst.tag("وونسان", "g")

    dialog = ExportDialog(sample_project, window.view.document_id, window)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(ExportFormat.NATIVE.value))
    dialog.this_document.setChecked(True)
    target = tmp_path / "mine.jsonl"
    dialog.target.setText(str(target))
    dialog._accept()
    assert dialog.report is not None and dialog.report.spans == 2
    [line] = target.read_text(encoding="utf-8").splitlines()
    assert [s["text"] for s in json.loads(line)["spans"]] == ["وونسان", "سيرغي لافروف"]
    assert messages[-1].startswith("Wrote 1 document, 2 spans")

    def fill_import() -> None:
        importer = QApplication.activeModalWidget()
        assert isinstance(importer, ImportDialog)
        importer.layer.setText("reviewer")
        importer.accept()

    QTimer.singleShot(50, fill_import)
    window.exchange.import_annotations(target)
    assert messages[-1].startswith("Imported 1 layer (reviewer): 2 spans")
    assert len(sample_project.spans(window.view.document_id or "", "reviewer")) == 2


def test_a_bad_file_is_refused_whole_with_its_problems(
    qtbot: QtBot, sample_project: Project, tmp_path: Path, messages: list[str]
) -> None:
    window = open_window(qtbot, sample_project)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format": "hashiya/1", "text": NaN}\n', encoding="utf-8")

    QTimer.singleShot(50, lambda: QApplication.activeModalWidget().accept())  # type: ignore[union-attr]
    window.exchange.import_annotations(bad)
    assert len(messages) == 1
    assert messages[0].startswith("bad.jsonl has ") and messages[0].endswith("nothing of it was imported.")
    assert window.documents.rowCount() == 5
