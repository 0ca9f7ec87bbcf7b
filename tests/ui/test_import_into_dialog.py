"""File > Import Annotations over a layer that holds work: the window asks; Ctrl+Z undoes a replace."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from annotator.exchange import ExportFormat, export_layer
from annotator.project import Project
from tests.ui.analyst import CTRL, Analyst
from tests.ui.test_annotating import document_row, open_window
from ui.exchange_dialogs import ImportDialog
from ui.main_window import MainWindow

ROW = "003_6ce7f2ee4d1dc447"


def _tagged_window_and_file(qtbot: QtBot, project: Project, tmp_path: Path) -> tuple[MainWindow, Analyst, Path, str]:
    """A window whose layer holds two spans, and an export of that layer keeping only the first."""
    window = open_window(qtbot, project)
    window.select_row(document_row(window, ROW))
    document = window.view.document_id or ""
    analyst = Analyst(qtbot, window)
    analyst.tag("سيرغي لافروف", "p")
    analyst.tag("وونسان", "g")
    target = tmp_path / "mine.jsonl"
    export_layer(project, ExportFormat.NATIVE, target, project.annotator, [document])
    record = json.loads(target.read_text(encoding="utf-8"))
    record["spans"] = record["spans"][:1]
    target.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return window, analyst, target, document


def _import_choosing(qtbot: QtBot, window: MainWindow, target: Path, choice: str) -> tuple[list[str], list[str]]:
    """Import ``target`` through the dialogs, clicking ``choice`` in the question; (its buttons, messages after)."""
    buttons: list[str] = []
    said: list[str] = []

    def answer_summary() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append(box.text())
            box.accept()

    def answer_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        shown = [button for button in box.findChildren(QPushButton) if button.isVisible()]
        buttons.extend(button.text() for button in shown)
        [chosen] = [button for button in shown if button.text() == choice]
        QTimer.singleShot(50, answer_summary)
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)

    def fill_import() -> None:
        importer = QApplication.activeModalWidget()
        assert isinstance(importer, ImportDialog)
        QTimer.singleShot(50, answer_question)
        importer.accept()

    QTimer.singleShot(50, fill_import)
    window.exchange.import_annotations(target)
    return buttons, said


def test_the_window_asks_and_ctrl_z_puts_a_replaced_layer_back(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    window, analyst, target, document = _tagged_window_and_file(qtbot, sample_project, tmp_path)
    before = sample_project.spans(document)
    assert len(before) == 2
    buttons, said = _import_choosing(qtbot, window, target, "Replace")
    assert sorted(buttons) == ["Cancel", "Merge", "New layer", "Replace"]
    assert said[0].startswith("The layer tester already holds work on texts in mine.jsonl.")
    assert "Replaced 2 spans; Edit > Undo puts them back." in said[1]
    assert [span.text for span in sample_project.spans(document)] == [before[0].text]
    assert len(window.annotations.session.spans) == 1
    stack = window.annotations.undo_stack
    assert stack.undoText() == "Import mine.jsonl", (stack.count(), stack.index(), stack.undoText())
    count = stack.count()
    window.activateWindow()  # as the analyst's click back into the window does after the message
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    analyst.view.setFocus()
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    assert (stack.count(), stack.index()) == (count - 1, count - 1)
    assert sample_project.spans(document) == before
    assert len(window.annotations.session.spans) == 2


def test_cancel_leaves_the_layer_and_new_layer_keeps_it(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    window, _analyst, target, document = _tagged_window_and_file(qtbot, sample_project, tmp_path)
    before = sample_project.spans(document)
    log = sample_project.repository.edit_log()
    _import_choosing(qtbot, window, target, "Cancel")
    assert sample_project.spans(document) == before
    assert sample_project.repository.edit_log() == log
    _buttons, said = _import_choosing(qtbot, window, target, "New layer")
    assert "the file went into the new layer tester-imported" in said[1]
    assert sample_project.spans(document) == before
    assert len(sample_project.repository.spans(document, "tester-imported")) == 1
