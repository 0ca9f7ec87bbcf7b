"""A window shows what a second program saves into its project file, and reports a full disk without losing work."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.reliability.processes import start_editor
from tests.reliability.storage_faults import give_room_back, leave_no_room
from tests.reliability.test_two_processes import tell, wait_for
from tests.ui.analyst import Analyst
from tests.ui.conftest import _isolated_qsettings, _sample_file, qapp_cls  # noqa: F401  (fixtures)
from tests.ui.conftest import sample_project as sample_project_fixture
from tests.ui.test_annotating import open_window

sample_project = sample_project_fixture


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def test_the_window_shows_edits_saved_by_another_program(
    qtbot: QtBot, sample_project: Project, messages: list[str]
) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(0)
    analyst = Analyst(qtbot, window)
    document_id = window.view.document_id
    assert document_id == sample_project.documents()[0].id

    other = start_editor("add-spans", sample_project.location, "tester", "200")
    acknowledged: list[str] = []
    try:
        wait_for(other, "READY", acknowledged)
        # Both have the file open: the analyst works in the window, then the other program writes.
        words = analyst.text.split()
        mine = [analyst.tag(words[3], "p"), analyst.tag(words[6], "g")]
        tell(other, "GO")
        wait_for(other, "DONE", acknowledged)
        tell(other, "END")
        assert other.wait(timeout=30) == 0
    finally:
        if other.poll() is None:
            other.kill()
        other.communicate()

    assert len(acknowledged) == 200
    qtbot.waitUntil(lambda: {s.id for s in window.view.spans} >= {*acknowledged, *mine}, timeout=5000)
    assert len(window.view.spans) == 202
    assert {s.id for s in sample_project.spans(document_id)} == {*acknowledged, *mine}
    assert messages == []


def test_a_full_disk_is_reported_and_the_edit_made_once_there_is_room(
    qtbot: QtBot, sample_project: Project, messages: list[str]
) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(0)
    analyst = Analyst(qtbot, window)
    repository = sample_project.repository
    assert isinstance(repository, SqliteRepository)
    word = analyst.text.split()[3]
    document_id = sample_project.documents()[0].id
    assert window.view.document_id == document_id

    leave_no_room(repository.db)
    analyst.select(word)
    analyst.type("p", analyst.view)
    assert len(messages) == 1
    assert "is full, so this change was not saved" in messages[0]
    assert window.view.spans == [] and sample_project.spans(document_id) == []
    assert not window.annotations.undo_stack.canUndo()

    give_room_back(repository.db)
    made = analyst.tag(word, "p")
    assert [s.id for s in sample_project.spans(document_id)] == [made]
    assert window.annotations.undo_stack.canUndo()
