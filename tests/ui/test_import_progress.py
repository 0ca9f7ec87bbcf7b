"""File > Import Annotations of a large file: a progress bar, Cancel while the file is checked, and
short transactions, so that another window on the same project edits while the records are stored."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from annotator import exchange
from annotator.exchange import ExportFormat, export_layer
from annotator.model import SpanKind
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.ui.test_annotating import open_window
from ui import exchange_dialogs
from ui.exchange_dialogs import ImportDialog
from ui.main_window import MainWindow

WORDS = ("روسيا", "كوريا", "موسكو", "بيونغ")
LAYERS = 60


def _many_layers(project: Project, target: Path) -> int:
    """A native file of ``LAYERS`` teammates' layers on every document, each tagging a few words; its spans."""
    for summary in project.documents():
        text = project.document(summary.id).text
        for word in WORDS:
            start = text.find(word)
            if start >= 0:
                project.apply(project.add_span(summary.id, start, start + len(word), "GPE"))
    one = target.with_name("one.jsonl")
    export_layer(project, ExportFormat.NATIVE, one, project.annotator, [d.id for d in project.documents()])
    records = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    lines = []
    for number in range(LAYERS):
        for record in records:
            for span in record["spans"]:
                span["id"] = f"{number}-{span['id']}"
            lines.append(json.dumps({**record, "annotator": f"teammate-{number}"}, ensure_ascii=False))
            for span in record["spans"]:
                span["id"] = span["id"].split("-", 1)[1]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return LAYERS * sum(len(record["spans"]) for record in records)


def _accept_import_dialog() -> None:
    importer = QApplication.activeModalWidget()
    assert isinstance(importer, ImportDialog)
    importer.accept()


def _teammates_spans(project: Project) -> int:
    return sum(
        len(project.repository.spans(summary.id, name))
        for summary in project.documents()
        for name in project.repository.annotators()
        if name.startswith("teammate-")
    )


@pytest.fixture
def window_and_file(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> tuple[MainWindow, Path, int]:
    target = tmp_path / "teammates.jsonl"
    spans = _many_layers(sample_project, target)
    return open_window(qtbot, sample_project), target, spans


def test_another_window_edits_while_a_large_import_is_stored(
    qtbot: QtBot,
    sample_project: Project,
    window_and_file: tuple[MainWindow, Path, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, target, spans = window_and_file
    monkeypatch.setattr(exchange_dialogs, "SHOW_PROGRESS_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(exchange, "IMPORT_STEP", 40)
    other = Project(SqliteRepository.open(Path(sample_project.location)), "colleague")
    document = sample_project.documents()[0].id
    start = sample_project.document(document).text.find(WORDS[0])
    edits: list[float] = []  # how long each edit of the other window took, made while records were stored
    shown: list[tuple[int, int, str]] = []

    def other_window_edits() -> None:
        progress = QApplication.activeModalWidget()
        if isinstance(progress, QProgressDialog) and progress.maximum() > 0:
            shown.append((progress.value(), progress.maximum(), progress.labelText()))
            began = time.monotonic()
            other.apply(other.add_span(document, start, start + len(WORDS[0]), "LOC"))
            edits.append(time.monotonic() - began)

    def answer_summary() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.accept()
        else:
            QTimer.singleShot(20, answer_summary)

    editing = QTimer()
    editing.timeout.connect(other_window_edits)
    editing.start(1)
    QTimer.singleShot(50, _accept_import_dialog)
    QTimer.singleShot(100, answer_summary)
    try:
        window.exchange.import_annotations(target)
    finally:
        editing.stop()
    try:
        assert _teammates_spans(sample_project) == spans
        colleague = [s for s in sample_project.repository.spans(document, "colleague") if s.kind is SpanKind.ENTITY]
        assert len(edits) >= 2 and len(colleague) == len(edits)
        assert max(edits) < 1.0
        value, maximum, label = shown[-1]
        assert 0 < value <= maximum == LAYERS * len(sample_project.documents())
        assert label.startswith(f"Storing {target.name}: ")
        assert QApplication.activeModalWidget() is None
    finally:
        other.close()


def test_cancel_while_the_file_is_checked_imports_nothing(
    qtbot: QtBot,
    sample_project: Project,
    window_and_file: tuple[MainWindow, Path, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, target, _spans = window_and_file
    monkeypatch.setattr(exchange_dialogs, "SHOW_PROGRESS_AFTER_SECONDS", 0.0)
    seen: list[str] = []

    def cancel() -> None:
        progress = QApplication.activeModalWidget()
        if isinstance(progress, QMessageBox):  # the import ended without a chance to cancel it
            progress.accept()
            return
        if not isinstance(progress, QProgressDialog):
            QTimer.singleShot(1, cancel)
            return
        seen.append(progress.labelText())
        [button] = [b for b in progress.findChildren(QPushButton) if b.isVisible()]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def start() -> None:
        _accept_import_dialog()
        QTimer.singleShot(0, cancel)

    QTimer.singleShot(50, start)
    window.exchange.import_annotations(target)
    assert seen and seen[0].startswith(f"Checking {target.name}: ")
    assert _teammates_spans(sample_project) == 0
    assert not [name for name in sample_project.repository.annotators() if name.startswith("teammate-")]
    assert QApplication.activeModalWidget() is None
