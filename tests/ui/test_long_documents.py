"""A long document is shown with the spans of its first part, then its whole layer is read; nothing
done in between is lost or doubled."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from annotator.edits import Batch
from annotator.project import Project
from annotator.session import FIRST_PART
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.ui.test_annotating import LAVROV, open_window
from ui.annotation_table import SPAN_ID_ROLE
from ui.main_window import MainWindow

WORD = "لافروف"


@pytest.fixture(scope="module")
def long_project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one document three times as long as the first part, the name tagged throughout."""
    folder = tmp_path_factory.mktemp("long")
    article = (CORPUS / f"{LAVROV}.txt").read_text(encoding="utf-8").strip()
    text = "\n\n".join([article] * (3 * FIRST_PART // len(article) + 1))
    source = folder / "long.txt"
    source.write_text(text, encoding="utf-8")
    project = Project(SqliteRepository.open(folder / "p.hashiya"), "tester")
    project.import_paths([source])
    document_id = project.documents()[0].id
    starts = [index for index in range(len(text)) if text.startswith(WORD, index)]
    project.apply(Batch("tag", tuple(project.add_span(document_id, s, s + len(WORD), "PER") for s in starts)))
    project.close()
    return folder / "p.hashiya"


@pytest.fixture
def long_project(long_project_file: Path, tmp_path: Path) -> Iterator[Project]:
    copy = tmp_path / "p.hashiya"
    shutil.copyfile(long_project_file, copy)
    project = Project(SqliteRepository.open(copy), "tester")
    assert project.document(project.documents()[0].id).length > 3 * FIRST_PART
    yield project
    project.close()


def stored_ids(project: Project) -> list[str]:
    return [span.id for span in project.spans(project.documents()[0].id)]


def complete(window: MainWindow) -> bool:
    return window.annotations.layer_complete


def table_ids(window: MainWindow) -> list[str]:
    model = window.panel.model
    return [model.index(row, 0).data(SPAN_ID_ROLE) for row in range(model.rowCount())]


def test_the_first_part_is_shown_highlighted_then_the_whole_layer_is_read(qtbot: QtBot, long_project: Project) -> None:
    stored = long_project.spans(long_project.documents()[0].id)
    window = MainWindow(long_project)
    qtbot.addWidget(window)
    assert not complete(window)
    first = [span.id for span in stored if span.start < FIRST_PART]
    assert [span.id for span in window.view.spans] == first == table_ids(window)
    assert len(first) < len(stored)

    window.show()
    qtbot.waitUntil(lambda: window.view.has_painted)
    view = window.view
    shown = view.firstVisibleBlock()
    last = view.cursorForPosition(QPoint(0, view.viewport().height() - 1)).blockNumber()
    highlighted = False
    while shown.isValid() and shown.blockNumber() <= last:
        highlighted = highlighted or bool(shown.layout().formats())
        shown = shown.next()
    assert highlighted, "the first screen is highlighted at its first paint"

    qtbot.waitUntil(lambda: complete(window))
    assert [span.id for span in view.spans] == [span.id for span in stored] == table_ids(window)


def test_an_edit_before_the_rest_is_read_is_stored_and_shown_once(qtbot: QtBot, long_project: Project) -> None:
    window = MainWindow(long_project)
    qtbot.addWidget(window)
    text = window.view.stored_text
    far = text.rfind("موسكو")
    assert far > FIRST_PART
    assert not complete(window)
    window.view.select_offsets(far, far + len("موسكو"))
    window.annotations.annotate_selection("GPE")
    assert complete(window)
    stored = stored_ids(long_project)
    assert [span.id for span in window.view.spans] == stored == table_ids(window)
    [added] = [span for span in window.view.spans if span.label == "GPE"]
    assert (added.start, added.text) == (far, "موسكو")
    assert window.annotations.selected == added

    window.annotations.undo_stack.undo()
    assert [span.id for span in window.view.spans] == stored_ids(long_project) == table_ids(window)
    assert len(stored_ids(long_project)) == len(stored) - 1


def test_an_undo_reaching_a_document_shown_in_part_leaves_its_layer_whole(qtbot: QtBot, long_project: Project) -> None:
    window = open_window(qtbot, long_project)
    qtbot.waitUntil(lambda: complete(window))
    text = window.view.stored_text
    far = text.rfind(WORD)
    [tagged] = [span for span in window.view.spans if span.start == far]
    window.annotations.select_span(tagged.id)
    window.annotations.delete_selected()
    window.annotations.show_document(window.view.document_id or "")  # opened again: its first part only
    assert not complete(window)
    window.annotations.undo_stack.undo()
    assert complete(window)
    assert [span.id for span in window.view.spans] == stored_ids(long_project) == table_ids(window)
    assert tagged.id in {span.id for span in window.view.spans}


def test_a_window_that_never_paints_reads_the_rest_all_the_same(qtbot: QtBot, long_project: Project) -> None:
    window = MainWindow(long_project)
    qtbot.addWidget(window)
    assert not complete(window)
    qtbot.waitUntil(lambda: complete(window), timeout=5000)
    assert [span.id for span in window.view.spans] == stored_ids(long_project) == table_ids(window)


def test_reading_the_rest_of_the_layer_does_not_put_off_the_suggestions(qtbot: QtBot, long_project: Project) -> None:
    window = MainWindow(long_project)
    qtbot.addWidget(window)
    suggestions = window.search.suggestions
    window.annotations.show_document(window.view.document_id or "")
    assert not complete(window)
    opened_at = suggestions._active_at  # long texts are matched once the analyst has paused this long
    assert opened_at > 0, "opening a document counts as the analyst's activity"
    window.annotations.complete_layer()
    assert complete(window)
    assert suggestions._active_at == opened_at
    text = window.view.stored_text
    window.view.select_offsets(text.rfind("موسكو"), text.rfind("موسكو") + len("موسكو"))
    window.annotations.annotate_selection("GPE")
    assert suggestions._active_at > opened_at, "an edit does"


def test_reading_the_rest_of_the_layer_does_not_read_the_other_documents_texts_again(
    qtbot: QtBot, long_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What was tagged elsewhere is read once per opening: the rest of this document's layer changes none of it."""
    repository = long_project.repository
    reads: list[str] = []
    read_elsewhere = repository.tagged_elsewhere_keyed

    def counted(annotator: str, document_id: str, first_pieces: object) -> object:
        reads.append(document_id)
        return read_elsewhere(annotator, document_id, first_pieces)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "tagged_elsewhere_keyed", counted)
    window = MainWindow(long_project)
    qtbot.addWidget(window)
    window.search.suggestions.refresh()  # the suggestions of the first part
    assert not complete(window)
    assert len(reads) == 1
    window.show()
    qtbot.waitUntil(lambda: complete(window))
    window.search.suggestions.settle()
    assert reads == [long_project.documents()[0].id]
