"""The project's schema is editable and stored; the analyst's name is asked once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.model import SpanKind
from annotator.project import Project
from main import window_annotator
from storage.sqlite_repository import SqliteRepository
from tests.ui.analyst import Analyst
from ui.annotator_name import WelcomeDialog, remembered_annotator
from ui.main_window import MainWindow
from ui.schema_editor import SchemaEditor


def test_editing_the_schema_changes_hotkeys_colours_and_values(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(sample_project)
    qtbot.addWidget(window)
    editor = SchemaEditor(sample_project.schema, window)
    qtbot.addWidget(editor)
    editor.list.setCurrentIndex(editor.names.index(0, 0))  # PER
    editor.hotkey.setText("o")  # clashes with ORG
    editor.hotkey.editingFinished.emit()
    assert "hotkey" in editor.problems.text().lower()
    editor.hotkey.setText("h")
    editor.hotkey.editingFinished.emit()
    assert editor.problems.text() == ""
    claim_row = [label.name for label in editor.schema.labels].index("CLAIM")
    editor.list.setCurrentIndex(editor.names.index(claim_row, 0))
    stance = editor.value_edits["stance"]
    stance.setText(stance.text() + ", rumoured")
    stance.editingFinished.emit()
    editor.add_label("MISSILE", SpanKind.ENTITY)
    editor.hotkey.setText("m")
    editor.hotkey.editingFinished.emit()
    assert editor.problems.text() == ""
    edited = editor.schema

    def accept_edited(dialog: SchemaEditor) -> int:
        dialog.schema = edited
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(SchemaEditor, "exec", accept_edited)
    window.edit_schema()
    assert window.project.schema.label("PER").hotkey == "h"
    assert "rumoured" in window.project.schema.label("CLAIM").attribute("stance").values
    assert window.project.schema.has_label("MISSILE")
    texts = [action.text() for action in window.label_toolbar.actions() if action.text()]
    assert "PER  h" in texts and "MISSILE  m" in texts
    again = Project(SqliteRepository.open(Path(sample_project.location)), "tester")
    assert again.schema == edited
    again.close()


def test_the_annotator_name_is_asked_once_and_remembered(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HASHIYA_ANNOTATOR")
    asked: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        asked.append(dialog.windowTitle())
        dialog.name.clear()
        Analyst.type_into(qtbot, dialog.name, "  سارة  ")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(50, answer)
    assert window_annotator(None, interactive=True) == "سارة"
    assert remembered_annotator() == "سارة"
    assert window_annotator(None, interactive=True) == "سارة"
    assert len(asked) == 1
    assert window_annotator("reviewer", interactive=True) == "reviewer"


def test_the_status_bar_shows_the_annotator(qtbot: QtBot, sample_project: Project) -> None:
    window = MainWindow(sample_project)
    qtbot.addWidget(window)
    assert window.annotator_label.text() == "Annotator: tester"
