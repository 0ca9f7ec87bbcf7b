"""The project's schema is editable and stored; the analyst's name is asked once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel
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


@pytest.mark.parametrize(
    ("holds_documents", "said", "not_said"),
    [
        (True, "documents are listed beside the text", "no documents yet"),
        (False, "no documents yet", "documents are listed"),
    ],
)
def test_the_welcome_on_a_project_of_ones_own_says_what_it_holds(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, holds_documents: bool, said: str, not_said: str
) -> None:
    monkeypatch.delenv("HASHIYA_ANNOTATOR")
    path = tmp_path / "own.hashiya"
    if holds_documents:
        project = Project(SqliteRepository.open(path), "lead")
        project.import_paths(sorted(Path(__file__).resolve().parents[2].joinpath("resources", "corpus").glob("*.txt")))
        project.close()
    shown: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        shown.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    QTimer.singleShot(50, answer)
    assert window_annotator(None, interactive=True, db=path) is None
    welcome = " ".join(shown)
    assert said in welcome and not_said not in welcome and "five sample articles" not in welcome


def test_the_status_bar_shows_the_annotator(qtbot: QtBot, sample_project: Project) -> None:
    window = MainWindow(sample_project)
    qtbot.addWidget(window)
    assert window.annotator_label.text() == "Annotator: tester"


def test_renaming_the_analyst_keeps_their_layer_and_shows_the_name_at_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator import identity, preferences
    from ui.preferences_dialog import PreferencesDialog

    monkeypatch.delenv("HASHIYA_ANNOTATOR")
    identity.remember("amal", preferences.default_path())
    layer = window_annotator(None, interactive=False)
    assert layer == "amal"
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), layer)
    project.import_paths(sorted(Path(__file__).resolve().parents[2].joinpath("resources", "corpus").glob("*.txt")))
    window = MainWindow(project)
    qtbot.addWidget(window)
    document_id = window.annotations.document_id
    assert document_id is not None
    project.apply(project.add_span(document_id, 0, 5, "ORG"))
    window.annotations.reload()
    assert len(window.view.spans) == 1
    assert "amal" in window.annotator_label.text()

    def renamed(dialog: PreferencesDialog) -> int:
        dialog.name.setText("Amal Haddad")
        dialog._accept()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", renamed)
    window.preferences_dialog()
    assert "Amal Haddad" in window.annotator_label.text()
    assert window.project.annotator == "amal"
    assert len(window.view.spans) == 1
    # The next start works in the same layer under the new name.
    assert window_annotator(None, interactive=False) == "amal"
    assert identity.resolve(None, preferences.default_path()) == identity.Identity("amal", "Amal Haddad")
    window.close()
    project.close()


def test_show_suggestions_in_preferences_is_what_the_window_does(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from annotator import preferences
    from ui.preferences_dialog import PreferencesDialog

    path = preferences.default_path()
    preferences.save(replace(preferences.load(path), show_suggestions=False), path)
    window = MainWindow(sample_project)
    qtbot.addWidget(window)
    assert not suggestions_shown(window)
    assert not window.search.show_suggestions_action.isChecked()

    def shown_again(dialog: PreferencesDialog) -> int:
        assert not dialog.suggestions.isChecked()
        dialog.suggestions.setChecked(True)
        dialog._accept()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", shown_again)
    window.preferences_dialog()
    assert suggestions_shown(window)
    assert window.search.show_suggestions_action.isChecked()
    window.search.show_suggestions_action.trigger()  # Search > Show Suggestions, off
    assert not suggestions_shown(window)
    assert not preferences.load(path).show_suggestions
    window.close()


def suggestions_shown(window: MainWindow) -> bool:
    return window.search.suggestions.visible
