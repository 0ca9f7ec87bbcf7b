"""A large project opens before its check has run; the window says as soon as the check finds damage."""

from __future__ import annotations

import time
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
    # The check's own connection closed without dropping the window's locks (each line less its
    # ordinal, which moves as other programs take and drop locks).
    assert unnumbered(held_locks(identity)) == unnumbered(held)
    document_id = project.documents()[0].id
    project.apply(project.add_span(document_id, 0, 3, "PER"))
    project.close()


def test_a_large_project_is_checked_after_the_window_shows_its_document_or_at_the_first_edit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_project: Project
) -> None:
    monkeypatch.setattr(storage.database, "BACKGROUND_CHECK_FROM", 0)
    monkeypatch.setattr(storage.database, "CHECK_DELAY_S", 60.0)
    location = Path(sample_project.location)
    sample_project.close()
    checks: list[float] = []
    read_facts = storage.database._read_facts

    def noted(*args: object, **kwargs: object) -> object:
        if kwargs.get("opened") is not None:  # the check beside the window, not the opening's own reads
            checks.append(time.monotonic())
        return read_facts(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(storage.database, "_read_facts", noted)
    project = Project(SqliteRepository.open(location), "tester")
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    document_id = project.documents()[1].id
    window.open_document(document_id)
    qtbot.wait(400)
    assert checks == []  # the whole file is not read while the document opens and paints
    assert window.file_check.running

    asked = time.monotonic()
    project.apply(project.add_span(document_id, 0, 3, "PER"))  # the first write starts the check and waits for it

    assert len(checks) == 1 and checks[0] - asked < 10
    assert [span.label for span in project.spans(document_id)] == ["PER"]
    qtbot.waitUntil(lambda: not window.file_check.running, timeout=10_000)
    project.close()


def unnumbered(locks: list[str]) -> list[str]:
    return [line.split(":", 1)[1] for line in locks]
