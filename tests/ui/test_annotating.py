"""Annotating a sample article from the keyboard alone, then undo, redo and reopening the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from annotator.model import DocumentStatus, Relation, Span
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.ui.analyst import CTRL, NO, SHIFT, Analyst
from ui.annotation_controller import Snapping
from ui.main_window import MainWindow
from ui.rtl import isolated_rtl

LAVROV = "003_6ce7f2ee4d1dc447"


def open_window(qtbot: QtBot, project: Project) -> MainWindow:
    window = MainWindow(project)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.view.setFocus()
    return window


def document_row(window: MainWindow, stem: str) -> int:
    for row in range(window.documents.rowCount()):
        if window.project.document(window.documents.document_at(row).id).source == f"{stem}.txt":
            return row
    raise AssertionError(stem)


@pytest.fixture
def analyst(qtbot: QtBot, sample_project: Project) -> Iterator[Analyst]:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    window.view.setFocus()
    yield Analyst(qtbot, window)


def stored_layer(project: Project, document_id: str) -> tuple[list[Span], list[Relation]]:
    return project.spans(document_id), project.relations(document_id)


def link_through_picker(analyst: Analyst, query: str) -> None:
    """Ctrl+L, type a search in the picker, Enter."""

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        search = dialog.findChild(QLineEdit)
        assert search is not None
        search.selectAll()
        analyst.type(query, search)
        analyst.press(Qt.Key.Key_Return, NO, search)

    QTimer.singleShot(50, drive)
    analyst.press(Qt.Key.Key_L, CTRL, analyst.view)
    analyst.qtbot.waitUntil(lambda: QApplication.activeWindow() is analyst.window)


def annotate_lavrov_article(analyst: Analyst) -> dict[str, str]:
    """Entity, nested entity, claim with CLAIMANT and DENIED_BY, treaty reference with article and PARTY."""
    ids = {
        "minister": analyst.tag("وزير الخارجية الروسي سيرغي لافروف", "p"),
        "lavrov": analyst.tag("سيرغي لافروف", "p"),
        "russian": analyst.tag("الروسي", "n"),
        "kcna": analyst.tag("وكالة الأنباء المركزية الكورية الشمالية", "o"),
        "claim": analyst.tag("الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين", "c"),
        "treaty": analyst.tag("اتفاقية عسكرية شاملة", "t"),
        "russia": analyst.tag("روسيا", "g", nth=0),
    }
    analyst.choose_span(ids["claim"])
    analyst.relate("a", ids["kcna"])
    analyst.choose_span(ids["claim"])
    analyst.relate("x", ids["lavrov"])
    analyst.choose_span(ids["treaty"])
    analyst.relate("y", ids["russia"])
    analyst.choose_span(ids["treaty"])
    link_through_picker(analyst, "الشراكة الاستراتيجية")
    analyst.press(Qt.Key.Key_F2, NO, analyst.view)
    article = QApplication.focusWidget()
    assert isinstance(article, QLineEdit) and article.objectName() == "attribute-article"
    analyst.type("4", article)
    analyst.press(Qt.Key.Key_Tab, NO, article)
    date = QApplication.focusWidget()
    assert isinstance(date, QLineEdit) and date.objectName() == "attribute-date"
    analyst.type("2024-06-19", date)
    analyst.press(Qt.Key.Key_Escape, NO, date)
    assert QApplication.focusWidget() is analyst.view
    analyst.choose_span(ids["claim"])
    return ids


def test_annotate_an_article_from_the_keyboard_alone(analyst: Analyst) -> None:
    ids = annotate_lavrov_article(analyst)
    project = analyst.window.project
    document_id = analyst.view.document_id
    assert document_id is not None
    spans, relations = stored_layer(project, document_id)
    by_id = {span.id: span for span in spans}
    assert {by_id[ids[k]].label for k in ids} == {"PER", "NORP", "ORG", "CLAIM", "TREATY_REF", "GPE"}
    assert by_id[ids["lavrov"]].start > by_id[ids["minister"]].start
    assert by_id[ids["lavrov"]].end == by_id[ids["minister"]].end
    for span in spans:
        assert analyst.text[span.start : span.end] == span.text
        assert span.annotator == "tester"
    treaty = by_id[ids["treaty"]]
    assert treaty.ref == "ru-kp-comprehensive-strategic-partnership-2024"
    assert treaty.attributes == {
        "treaty": "ru-kp-comprehensive-strategic-partnership-2024",
        "article": "4",
        "date": "2024-06-19",
    }
    triples = {(r.label, by_id[r.head].text, by_id[r.tail].text) for r in relations}
    assert triples == {
        ("CLAIMANT", by_id[ids["claim"]].text, "وكالة الأنباء المركزية الكورية الشمالية"),
        ("DENIED_BY", by_id[ids["claim"]].text, "سيرغي لافروف"),
        ("PARTY", "اتفاقية عسكرية شاملة", "روسيا"),
    }
    # The selected claim's relations are listed in the side panel and its partners marked in the text.
    assert analyst.window.annotations.selected is not None
    assert analyst.window.annotations.selected.id == ids["claim"]
    listed = [
        analyst.window.panel.relations.item(row).text() for row in range(analyst.window.panel.relations.rowCount())
    ]
    assert sorted(listed) == [
        f"CLAIMANT: {isolated_rtl('وكالة الأنباء المركزية الكورية الشمالية')}",
        f"DENIED_BY: {isolated_rtl('سيرغي لافروف')}",
    ]
    assert analyst.view.related_span_ids == {ids["kcna"], ids["lavrov"]}


def test_undo_and_redo_every_edit_then_reopen_in_a_new_window(analyst: Analyst, qtbot: QtBot) -> None:
    annotate_lavrov_article(analyst)
    project = analyst.window.project
    document_id = analyst.view.document_id
    assert document_id is not None
    # Every kind of edit: relabel, resize, attribute, note, delete.
    spans = {s.text: s for s in project.spans(document_id)}
    analyst.choose_span(spans["الروسي"].id)
    analyst.type("g", analyst.view)  # relabel NORP -> GPE
    analyst.choose_span(spans["اتفاقية عسكرية شاملة"].id)
    analyst.type("[", analyst.view)  # shrink by a word
    analyst.choose_span(spans["وكالة الأنباء المركزية الكورية الشمالية"].id)
    analyst.press(Qt.Key.Key_E, CTRL, analyst.view)
    analyst.type("وكالة رسمية", analyst.window.panel.note_edit)
    analyst.press(Qt.Key.Key_Escape, NO, analyst.window.panel.note_edit)
    analyst.choose_span(spans["سيرغي لافروف"].id)
    analyst.press(Qt.Key.Key_Delete, NO, analyst.view)
    final = stored_layer(project, document_id)
    assert "سيرغي لافروف" not in {s.text for s in final[0]}
    assert not any(r.label == "DENIED_BY" for r in final[1]), "deleting a span deletes its relations"
    assert {s.text: s.note for s in final[0]}["وكالة الأنباء المركزية الكورية الشمالية"] == "وكالة رسمية"

    stack = analyst.window.annotations.undo_stack
    names = [stack.text(index) for index in range(stack.count())]
    assert names[:7] == ["Add PER", "Add PER", "Add NORP", "Add ORG", "Add CLAIM", "Add TREATY_REF", "Add GPE"]
    assert names[7:10] == ["Add CLAIMANT", "Add DENIED_BY", "Add PARTY"]
    # The treaty was linked as it was tagged (its text is a registry alias): the picker changes nothing.
    assert names[10:] == [
        "Set article",
        "Set date",
        "Relabel NORP as GPE",
        "Resize TREATY_REF",
        "Edit note",
        "Delete PER",
    ]
    assert analyst.window.undo_action.text() == "&Undo Delete PER"

    for _ in names:
        analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    assert stored_layer(project, document_id) == ([], [])
    assert analyst.view.spans == []
    for _ in names:
        analyst.press(Qt.Key.Key_Z, CTRL | SHIFT, analyst.view)
    assert stored_layer(project, document_id) == final

    path = Path(project.location)
    again = Project(SqliteRepository.open(path), "tester")
    window = open_window(qtbot, again)
    window.select_row(document_row(window, LAVROV))
    assert sorted(window.view.spans, key=lambda s: s.id) == sorted(final[0], key=lambda s: s.id)
    assert sorted(window.annotations.relations, key=lambda r: r.id) == sorted(final[1], key=lambda r: r.id)
    assert window.panel.model.rowCount() == len(final[0])
    window.close()
    again.close()


def test_the_edit_log_names_the_annotator(analyst: Analyst) -> None:
    analyst.tag("سيرغي لافروف", "p")
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    log = analyst.window.project.repository.edit_log(analyst.view.document_id)
    assert [(e["annotator"], e["action"]) for e in log] == [
        ("tester", "Add PER"),
        ("tester", "Mark in_progress"),
        ("tester", "Delete PER"),
    ]


def test_shift_left_extends_towards_the_end_of_an_arabic_sentence(analyst: Analyst) -> None:
    start, _end = analyst.offsets_of("سيرغي")
    analyst.caret_to(start)
    for _ in range(5):
        analyst.press(Qt.Key.Key_Left, SHIFT, analyst.view)
    assert analyst.view.selected_offsets() == (start, start + 5)
    assert analyst.view.selected_stored_text() == "سيرغي"


@pytest.mark.parametrize(
    ("stem", "word", "snapping", "expected"),
    [
        ("000_5aedd47a6fdd3a5d", "لروسيا", Snapping.WITHOUT_PROCLITICS, "روسيا"),
        ("000_5aedd47a6fdd3a5d", "وبيونغ", Snapping.WITHOUT_PROCLITICS, "بيونغ"),
        ("000_5aedd47a6fdd3a5d", "والولايات", Snapping.WITHOUT_PROCLITICS, "الولايات"),
        ("000_5aedd47a6fdd3a5d", "والولايات", Snapping.WITHOUT_ARTICLE, "ولايات"),
        ("000_5aedd47a6fdd3a5d", "لروسيا", Snapping.WORDS, "لروسيا"),
        ("003_6ce7f2ee4d1dc447", "لافروف", Snapping.WITHOUT_PROCLITICS, "لافروف"),
        ("003_6ce7f2ee4d1dc447", "بوتين", Snapping.WITHOUT_ARTICLE, "بوتين"),
        ("000_5aedd47a6fdd3a5d", "بزيارة", Snapping.WITHOUT_PROCLITICS, "زيارة"),
        ("000_5aedd47a6fdd3a5d", "وزير", Snapping.WITHOUT_PROCLITICS, "وزير"),
    ],
)
def test_snapping_leaves_proclitics_outside_when_asked(
    qtbot: QtBot, sample_project: Project, stem: str, word: str, snapping: Snapping, expected: str
) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, stem))
    window.set_snapping(snapping)
    analyst = Analyst(qtbot, window)
    start, end = analyst.offsets_of(f" {word} ")
    analyst.caret_to(start + 1)
    while analyst.view.selected_offsets()[1] < end - 1:
        analyst.press(Qt.Key.Key_Left, SHIFT, analyst.view)
    analyst.type("g", analyst.view)
    [span] = window.project.spans(window.view.document_id or "")
    assert span.text == expected
    assert analyst.text[span.start : span.end] == expected
    assert span.end == end - 1


def test_a_sloppy_selection_snaps_to_whole_words_and_alt_keeps_exact_characters(analyst: Analyst) -> None:
    start, end = analyst.offsets_of("سيرغي لافروف")
    analyst.caret_to(start + 2)
    while analyst.view.selected_offsets()[1] < end - 2:
        analyst.press(Qt.Key.Key_Left, SHIFT, analyst.view)
    analyst.type("p", analyst.view)
    assert analyst.window.annotations.selected is not None
    assert analyst.window.annotations.selected.text == "سيرغي لافروف"
    analyst.caret_to(start + 2)
    for _ in range(3):
        analyst.press(Qt.Key.Key_Left, SHIFT | Qt.KeyboardModifier.AltModifier, analyst.view)
    analyst.type("q", analyst.view)
    assert analyst.window.annotations.selected is not None
    assert analyst.window.annotations.selected.text == "رغي"


def test_clicking_a_span_selects_it_and_clicking_again_selects_the_outer_one(analyst: Analyst, qtbot: QtBot) -> None:
    outer = analyst.tag("وزير الخارجية الروسي سيرغي لافروف", "p")
    inner = analyst.tag("سيرغي لافروف", "p")
    analyst.press(Qt.Key.Key_Escape, NO, analyst.view)
    start = analyst.offsets_of("سيرغي لافروف")[0] + len("سيرغي ")

    cursor = QTextCursor(analyst.view.document())
    cursor.setPosition(analyst.view.offsets.to_qt(start + 2))
    point = analyst.view.cursorRect(cursor).center()
    qtbot.mouseClick(analyst.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert analyst.window.annotations.selected is not None
    assert analyst.window.annotations.selected.id == inner
    qtbot.mouseClick(analyst.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert analyst.window.annotations.selected.id == outer
    row = analyst.window.panel.table.currentIndex()
    assert row.isValid() and row.siblingAtColumn(0).data() == "وزير الخارجية الروسي سيرغي لافروف"


def test_a_relation_by_mouse(analyst: Analyst, qtbot: QtBot) -> None:
    claim = analyst.tag("الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين", "c")
    agency = analyst.tag("وكالة الأنباء المركزية الكورية الشمالية", "o")
    analyst.choose_span(claim)
    analyst.type("s", analyst.view)
    start, _ = analyst.offsets_of("المركزية")

    cursor = QTextCursor(analyst.view.document())
    cursor.setPosition(analyst.view.offsets.to_qt(start + 2))
    qtbot.mouseClick(analyst.view.viewport(), Qt.MouseButton.LeftButton, pos=analyst.view.cursorRect(cursor).center())
    [relation] = analyst.window.project.relations(analyst.view.document_id or "")
    assert (relation.label, relation.head, relation.tail) == ("SOURCE", claim, agency)


def test_a_relation_redone_after_the_layer_is_read_again_is_there_once(analyst: Analyst) -> None:
    claim = analyst.tag("الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين", "c")
    agency = analyst.tag("وكالة الأنباء المركزية الكورية الشمالية", "o")
    analyst.choose_span(claim)
    analyst.relate("s", agency)
    [relation] = analyst.window.annotations.relations
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    analyst.press(Qt.Key.Key_Escape, NO, analyst.view)
    analyst.window.annotations.reload()  # as when another program has written to the file
    analyst.press(Qt.Key.Key_Z, CTRL | SHIFT, analyst.view)
    analyst.choose_span(claim)
    assert analyst.window.annotations.relations == [relation]
    assert analyst.window.panel.relations.rowCount() == 1


def test_the_table_selects_the_span_in_the_text_and_filters(analyst: Analyst, qtbot: QtBot) -> None:
    analyst.tag("سيرغي لافروف", "p")
    agency = analyst.tag("وكالة الأنباء المركزية الكورية الشمالية", "o")
    panel = analyst.window.panel
    analyst.press(Qt.Key.Key_Escape, NO, analyst.view)
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(agency) or 0, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(row).center())
    assert analyst.window.annotations.selected is not None
    assert analyst.window.annotations.selected.id == agency
    assert analyst.view.selected_span_id == agency
    panel.filter_edit.setText("ORG")
    assert panel.proxy.rowCount() == 1


def test_highlights_blend_for_nested_spans(analyst: Analyst) -> None:
    analyst.tag("وزير الخارجية الروسي سيرغي لافروف", "p")
    analyst.tag("سيرغي لافروف", "g")
    start, _ = analyst.offsets_of("وزير الخارجية")
    inner = analyst.offsets_of("سيرغي لافروف")[0]
    block = analyst.view.document().findBlock(analyst.view.offsets.to_qt(start))

    def background_at(offset: int) -> str:
        position = analyst.view.offsets.to_qt(offset) - block.position()
        for fmt in block.layout().formats():
            if fmt.start <= position < fmt.start + fmt.length:
                return str(fmt.format.background().color().name())
        return "none"

    outer_colour = background_at(start)
    nested_colour = background_at(inner + 1)
    assert outer_colour != "none" and nested_colour != "none"
    assert outer_colour != nested_colour
    assert background_at(start - 3) == "none"
    assert analyst.view.document().isUndoAvailable() is False, "highlighting never edits the document"


def test_document_status_and_next_unannotated_from_the_keyboard(analyst: Analyst) -> None:
    window = analyst.window
    current = window.view.document_id
    analyst.press(Qt.Key.Key_2, CTRL, analyst.view)
    assert window.project.status(current or "") is DocumentStatus.IN_PROGRESS
    assert window.documents.document_at(window.document_table.currentIndex().row()).status is DocumentStatus.IN_PROGRESS
    analyst.press(Qt.Key.Key_3, CTRL, analyst.view)
    assert window.project.status(current or "") is DocumentStatus.DONE
    analyst.press(Qt.Key.Key_PageDown, CTRL | SHIFT, analyst.view)
    assert window.view.document_id != current
    assert window.project.status(window.view.document_id or "") is DocumentStatus.NEW
    assert window.status_label.text() == "Status: new"


def test_undo_of_an_edit_in_another_document_brings_it_back(analyst: Analyst) -> None:
    analyst.tag("سيرغي لافروف", "p")
    tagged = analyst.view.document_id
    analyst.press(Qt.Key.Key_PageDown, CTRL, analyst.view)
    assert analyst.view.document_id != tagged
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    assert analyst.view.document_id == tagged
    assert analyst.view.spans == []


def test_hotkeys_work_with_the_arabic_keyboard_layout(analyst: Analyst) -> None:
    analyst.select("سيرغي لافروف")
    analyst.type("ح", analyst.view)  # the P key on the Arabic (101) layout
    selected = analyst.window.annotations.selected
    assert selected is not None and selected.label == "PER"


def test_the_annotation_filter_folds_arabic_spellings(analyst: Analyst) -> None:
    analyst.tag("بيونغ يانغ", "g")
    analyst.tag("سيرغي لافروف", "p")
    panel = analyst.window.panel
    panel.filter_edit.setText("بيونج")
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 0).data() == "بيونغ يانغ"
    panel.filter_edit.setText("per")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.clear()
    assert panel.proxy.rowCount() == 2


def test_another_span_of_the_same_label_shows_its_own_attribute_values(analyst: Analyst) -> None:
    first = analyst.tag("اتفاقية عسكرية شاملة", "t")
    article = analyst.window.findChild(QLineEdit, "attribute-article")
    assert isinstance(article, QLineEdit)
    analyst.qtbot.mouseClick(article, Qt.MouseButton.LeftButton)
    analyst.type("4", article)
    analyst.press(Qt.Key.Key_Return, NO, article)
    second = analyst.tag("روسيا", "t", nth=0)
    panel = analyst.window.findChild(QLineEdit, "attribute-article")
    assert panel is article, "the same label keeps its attribute rows"
    assert article.text() == ""
    analyst.choose_span(first)
    assert article.text() == "4"
    analyst.choose_span(second)
    assert article.text() == ""
    spans = {span.id: span for span in analyst.window.project.spans(analyst.view.document_id or "")}
    assert spans[first].attributes.get("article") == "4"
    assert spans[second].attributes.get("article") is None
