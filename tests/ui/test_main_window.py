"""The main window as an analyst meets it: the document list, the view, zoom, remembered geometry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from annotator.text import decode_document
from tests.conftest import CORPUS
from ui.document_list import DOCUMENT_ID_ROLE, DocumentListModel
from ui.main_window import MainWindow


def open_window(qtbot: QtBot, project: Project) -> MainWindow:
    window = MainWindow(project)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.view.setFocus()
    return window


def test_document_list_shows_title_length_and_status(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    model = window.documents
    assert model.rowCount() == 5
    for row, path in enumerate(sorted(CORPUS.glob("*.txt"))):
        text = decode_document(path.read_bytes())
        assert model.index(row, DocumentListModel.TITLE).data() == text.split("\n")[0].strip()
        assert model.index(row, DocumentListModel.LENGTH).data() == f"{len(text):,}"
        assert model.index(row, DocumentListModel.STATUS).data() == "new"


def test_qt_model_is_well_behaved(qtmodeltester: Any, sample_project: Project) -> None:
    model = DocumentListModel()
    model.set_documents(sample_project.documents())
    qtmodeltester.check(model)


def test_choosing_a_document_shows_its_stored_text(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    assert window.view.stored_text == sample_project.document(window.documents.document_at(0).id).text
    target = window.documents.index(3, 0)
    rect = window.document_table.visualRect(target)
    qtbot.mouseClick(window.document_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    document_id = target.data(DOCUMENT_ID_ROLE)
    assert window.view.document_id == document_id
    assert window.view.stored_text == sample_project.document(document_id).text


def test_next_and_previous_document_from_the_keyboard(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    ids = [window.documents.document_at(row).id for row in range(5)]
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.view.document_id == ids[1]
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.view.document_id == ids[0]


def test_zoom_from_the_keyboard(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    size = window.view.font().pointSizeF()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size + 2
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size + 1
    assert window.zoom_label.text() == f"{size + 1:g} pt"
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size


def test_the_window_remembers_its_geometry(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    screen = window.screen().availableGeometry()
    size = (screen.width() - 30, screen.height() - 40)
    window.setGeometry(QRect(10, 20, *size))
    window.splitter.setSizes([200, 500])
    window.close()
    again = open_window(qtbot, sample_project)
    assert (again.width(), again.height()) == size
    assert again.splitter.sizes()[0] == window.splitter.sizes()[0]


def test_importing_a_bad_file_says_which_and_imports_nothing(
    qtbot: QtBot, sample_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("نص جديد", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00b")
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    window = open_window(qtbot, sample_project)
    window.exchange.import_paths([good, bad])
    assert len(shown) == 1 and "bad.txt" in shown[0]
    assert window.documents.rowCount() == 5
    window.exchange.import_paths([good])
    assert window.documents.rowCount() == 6
    assert window.view.stored_text == "نص جديد"


def test_changes_from_another_process_appear(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    from storage.sqlite_repository import SqliteRepository

    window = open_window(qtbot, sample_project)
    other = Project(SqliteRepository.open(Path(sample_project.location)), "someone-else")
    text = tmp_path / "new.txt"
    text.write_text("خبر من زميل", encoding="utf-8")
    other.import_paths([text])
    other.close()
    qtbot.waitUntil(lambda: window.documents.rowCount() == 6, timeout=3000)


def test_the_link_button_of_the_span_panel_links_the_selected_span(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.registry_dialogs import RegistryPicker

    window = MainWindow(sample_project)
    qtbot.addWidget(window)
    document_id = window.annotations.document_id
    assert document_id is not None
    text = window.view.stored_text
    start = text.index("لافروف") if "لافروف" in text else 0
    window.view.select_offsets(start, start + 6)
    window.annotations.annotate_selection("PER")
    entry = sample_project.registry.entries()[0]

    def choose(picker: RegistryPicker) -> int:
        picker.chosen_id = entry.id
        return 1

    monkeypatch.setattr(RegistryPicker, "exec", choose)
    window.panel.link_button.click()
    [span] = sample_project.spans(document_id)
    assert span.ref == entry.id


def test_a_document_with_a_span_that_does_not_cover_its_text_is_refused_with_a_message(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from annotator.edits import AddSpan

    window = MainWindow(sample_project)
    qtbot.addWidget(window)
    first = window.annotations.document_id
    other = next(summary.id for summary in sample_project.documents() if summary.id != first)
    span = sample_project.add_span(other, 0, 5, "ORG").span
    sample_project.repository.apply(AddSpan(replace(span, text="ليس هو")), "tester", span.created_at)
    shown: list[str] = []

    def answered(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answered)
    window.open_document(other)
    assert shown and "ليس هو" in shown[0]
    assert window.annotations.document_id == first
    assert window.view.document_id == first


def test_a_window_asked_for_one_document_reads_no_other_first(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``hashiya screenshot --doc`` and a resumed project open their document at once, not the
    list's first one before it (a long one costs seconds in a large project)."""
    wanted = sample_project.documents()[3].id
    read: list[str] = []
    get_document = sample_project.repository.get_document

    def recorded(document_id: str) -> Any:
        read.append(document_id)
        return get_document(document_id)

    monkeypatch.setattr(sample_project.repository, "get_document", recorded)
    window = MainWindow(sample_project, first_document=wanted)
    qtbot.addWidget(window)
    window.show()
    assert window.view.document_id == wanted
    assert window.document_table.currentIndex().row() == 3
    assert read == [wanted]
