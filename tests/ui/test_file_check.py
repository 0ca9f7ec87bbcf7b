"""A large project opens before its check has run; the window says as soon as the check finds damage."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import storage.database
from annotator.project import Project
from storage.file_guard import Identity, held_locks
from storage.sqlite_repository import SqliteRepository
from tests.reliability.storage_faults import file_digests
from tests.reliability.test_read_only_check import project_with_a_stale_index
from ui.main_window import MainWindow


def test_the_window_says_a_large_project_is_damaged_without_waiting_for_an_edit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stale.hashiya"
    document_id = project_with_a_stale_index(path)
    before = file_digests(path)
    monkeypatch.setattr(storage.database, "BACKGROUND_CHECK_FROM", 0)  # every file counts as large
    shown: list[tuple[str, str]] = []

    def answered(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answered)
    project = Project(SqliteRepository.open(path), "tester")
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.open_document(document_id)  # its stale index may already garble what is read

    qtbot.waitUntil(lambda: not window.file_check.running, timeout=10_000)

    damage = [text for title, text in shown if title == "The project file is damaged"]
    assert len(damage) == 1
    assert "is damaged: the integrity check reports row" in damage[0]
    assert "no edit will be saved" in damage[0]
    qtbot.wait(600)
    assert len([title for title, _text in shown if title == "The project file is damaged"]) == 1  # said once
    project.close()
    assert file_digests(path) == before


def test_a_sound_large_project_opens_without_a_word(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_project: Project
) -> None:
    monkeypatch.setattr(storage.database, "BACKGROUND_CHECK_FROM", 0)
    location = Path(sample_project.location)
    sample_project.close()
    shown: list[str] = []

    def answered(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answered)
    project = Project(SqliteRepository.open(location), "tester")
    identity = Identity.of(location)
    assert identity is not None
    held = held_locks(identity)
    assert held
    window = MainWindow(project)
    qtbot.addWidget(window)

    qtbot.waitUntil(lambda: not window.file_check.running, timeout=10_000)

    assert shown == []
    assert held_locks(identity) == held  # the check's own connection closed without dropping the window's locks
    document_id = project.documents()[0].id
    project.apply(project.add_span(document_id, 0, 3, "PER"))
    project.close()
