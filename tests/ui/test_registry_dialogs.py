"""Adding and editing registry entries from the picker, and linking a span to a new entry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.ui.analyst import CTRL, Analyst
from tests.ui.test_annotating import document_row, open_window
from ui.registry_dialogs import EntityEditor, RegistryPicker, TreatyEditor


def later(action: Callable[[], None], delay: int = 50) -> None:
    QTimer.singleShot(delay, action)


def test_a_new_entity_made_in_the_picker_is_linked_and_stored(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, "003_6ce7f2ee4d1dc447"))
    analyst = Analyst(qtbot, window)
    analyst.tag("كوالالمبور", "g")

    def fill_entity() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, EntityEditor)
        assert editor.name_ar.text() == "كوالالمبور"
        editor.id_edit.setText("kuala-lumpur-city")
        editor.name_en.setText("Kuala Lumpur")
        editor.aliases.setPlainText("كوالالمبور\nكوالا لامبور")
        editor._accept()

    def use_picker() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, RegistryPicker)
        picker.search.setText("كوالالمبور")
        later(fill_entity)
        picker.new_entity_button.click()
        picker.search.setText("كوالا لامبور")
        assert picker.results.rowCount() >= 1
        assert picker.results.index(0, 0).data() == "كوالالمبور"
        picker._choose(picker.list.currentIndex())

    later(use_picker)
    analyst.press(Qt.Key.Key_L, CTRL, analyst.view)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    [span] = sample_project.spans(window.view.document_id or "")
    assert span.ref is not None and span.ref in sample_project.registry
    again = Project(SqliteRepository.open(Path(sample_project.location)), "tester")
    assert again.registry.get(span.ref) is not None
    assert "كوالا لامبور" in again.registry.entity(span.ref).alias_texts
    again.close()


def test_a_treaty_is_edited_with_its_articles(qtbot: QtBot, sample_project: Project) -> None:
    treaty = sample_project.registry.treaty("ru-kp-comprehensive-strategic-partnership-2024")
    editor = TreatyEditor(treaty)
    qtbot.addWidget(editor)
    editor.articles.setPlainText(editor.articles.toPlainText() + "\n5: لا يشارك أي طرف في تحالف ضد الطرف الآخر")
    editor._accept()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.treaty is not None
    assert [a.number for a in editor.treaty.articles] == [3, 4, 5]
    updated = sample_project.registry.replace_treaty(editor.treaty)
    sample_project.set_registry(updated)
    assert sample_project.registry.treaty(treaty.id).article(5).summary.startswith("لا يشارك")

    broken = TreatyEditor(treaty)
    qtbot.addWidget(broken)
    broken.articles.setPlainText("article four: mutual defence")
    broken._accept()
    assert broken.treaty is None
    assert "starts with its number" in broken.error.text()


def test_an_alias_typed_with_a_no_break_space_is_kept_exactly(qtbot: QtBot) -> None:
    editor = EntityEditor(None, "بيونغ يانغ")
    qtbot.addWidget(editor)
    editor.id_edit.setText("pyongyang")
    editor.aliases.setPlainText("بيونغ يانغ\nبيونغ\u00a0يانغ")
    editor._accept()
    assert editor.entity is not None
    assert "بيونغ\u00a0يانغ" in editor.entity.alias_texts
