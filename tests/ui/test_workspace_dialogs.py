"""The corpus overview, preferences and the shortcut sheet, as an analyst uses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator import preferences
from annotator.model import DocumentStatus
from annotator.preferences import Preferences, SnappingChoice
from annotator.project import Project
from tests.cli.test_cli import png_size, run
from tests.ui.analyst import CTRL, NO, SHIFT, Analyst
from tests.ui.test_annotating import document_row, open_window
from ui.overview import OverviewModel
from ui.preferences_dialog import PreferencesDialog
from ui.shortcut_sheet import ShortcutSheet


def test_the_overview_counts_statuses_and_opens_a_document(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, "003_6ce7f2ee4d1dc447"))
    analyst = Analyst(qtbot, window)
    analyst.tag("سيرغي لافروف", "p")
    analyst.tag("الزيارة تتضمن اجتماعا", "c")
    analyst.press(Qt.Key.Key_3, CTRL, analyst.view)
    lavrov = window.view.document_id
    window.select_row(0)
    analyst.press(Qt.Key.Key_O, CTRL | SHIFT, analyst.view)
    overview = window.overview
    model = overview.model
    row = next(r for r in range(model.rowCount()) if model.rows[r].document_id == lavrov)
    assert model.index(row, OverviewModel.STATUS).data() == "done"
    assert model.index(row, OverviewModel.ENTITIES).data() == 1
    assert model.index(row, OverviewModel.CLAIMS).data() == 1
    assert model.index(row, OverviewModel.LABELS).data() == "CLAIM 1, PER 1"
    assert model.index(row, OverviewModel.PROGRESS).data() == 100
    overview.filter_edit.setText("وونسان")
    assert overview.proxy.rowCount() == 1
    qtbot.keyClick(overview.table, Qt.Key.Key_Down)
    overview.table.setCurrentIndex(overview.proxy.index(0, 0))
    qtbot.keyClick(overview.table, Qt.Key.Key_Return)
    assert window.view.document_id == lavrov
    overview.close()


def test_preferences_change_the_text_size_snapping_and_label_keys(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, sample_project)
    dialog = PreferencesDialog(Preferences(), sample_project.schema, "tester", window)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "tester"
    dialog.font_size.setValue(20.0)
    dialog.snapping.setCurrentIndex(dialog.snapping.findData(SnappingChoice.EXACT.value))
    per = dialog.hotkeys["PER"]
    per.setText("g")
    per.textEdited.emit("g")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "hotkey" in dialog.problems.text().lower()
    per.setText("h")
    per.textEdited.emit("h")
    dialog.set_colour("GPE", "#112233")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog._accept()
    assert dialog.preferences.font_size == 20.0 and dialog.preferences.snapping is SnappingChoice.EXACT

    def accept_chosen(shown: PreferencesDialog) -> int:
        shown.preferences = dialog.preferences
        shown.schema = dialog.schema
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", accept_chosen)
    window.preferences_dialog()
    assert window.view.font().pointSizeF() == 20.0
    assert window.annotations.snapping is SnappingChoice.EXACT
    assert window.project.schema.label("PER").hotkey == "h"
    assert window.project.schema.label("GPE").colour == "#112233"
    assert preferences.load(preferences.default_path()).font_size == 20.0
    reopened = open_window(qtbot, sample_project)
    assert reopened.view.font().pointSizeF() == 20.0


def test_f1_lists_every_shortcut(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    analyst = Analyst(qtbot, window)
    analyst.press(Qt.Key.Key_F1, NO, analyst.view)
    sheet = window.shortcut_sheet
    assert isinstance(sheet, ShortcutSheet)
    rows = {(sheet.model.item(r, 1).text(), sheet.model.item(r, 2).text()) for r in range(sheet.model.rowCount())}
    assert ("Ctrl+Z", "Undo") in rows
    assert ("Ctrl+L", "Link to Registry") in rows
    person = sample_project.schema.label("PER")
    assert ("p", f"PER: {person.display_en} (select text first)") in rows
    assert any(keys == "F1" for keys, _ in rows)
    sheet.close()
    assert QApplication.activeModalWidget() is None


@pytest.mark.parametrize("view", ["overview", "preferences", "shortcuts"])
def test_every_screen_can_be_rendered_headless(tmp_path: Path, view: str) -> None:
    db = tmp_path / "p.hashiya"
    run("--db", str(db), "import-texts", str(Path(__file__).resolve().parents[2] / "resources" / "corpus"))
    out = tmp_path / f"{view}.png"
    result = run("--db", str(db), "screenshot", "--view", view, "-o", str(out))
    assert result.returncode == 0, result.stderr
    width, height = png_size(out)
    assert width > 300 and height > 200


def test_status_changes_show_in_the_overview(qtbot: QtBot, sample_project: Project) -> None:
    first = sample_project.documents()[0].id
    sample_project.set_status(first, DocumentStatus.IN_PROGRESS)
    window = open_window(qtbot, sample_project)
    window.show_overview()
    model = window.overview.model
    assert model.index(0, OverviewModel.STATUS).data() == "in progress"
    assert model.index(0, OverviewModel.PROGRESS).data() == 50
    window.overview.close()
