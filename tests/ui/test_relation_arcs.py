"""Relation arcs over right-to-left text: where their ends sit, and what a click, a key and a hover do."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from annotator.model import Span
from annotator.project import Project
from annotator.text_import import IncomingText
from storage.sqlite_repository import SqliteRepository
from tests.ui.test_annotating import open_window
from ui.document_view import DocumentView
from ui.main_window import MainWindow
from ui.relation_arcs import Arc, Partner

FILLER = "\n\n".join(f"فقرة تمهيدية رقم {n} عن العلاقات بين البلدين في السنوات الأخيرة." for n in range(30))
CLAIM_PARAGRAPH = (
    "وقالت وزارة الدفاع الأمريكية إن كوريا الشمالية أرسلت قوات إلى روسيا، بينما نفى الكرملين ذلك بحسب وكالة الأنباء."
)
FAR_PARAGRAPH = "\n\n".join(f"فقرة لاحقة رقم {n}." for n in range(60)) + "\n\nوذكرت صحيفة فورين بوليسي ذلك أيضا."
TEXT = f"{FILLER}\n\n{CLAIM_PARAGRAPH}\n\n{FAR_PARAGRAPH}"


def add(project: Project, document_id: str, words: str, label: str, after: int = 0) -> Span:
    start = TEXT.index(words, after)
    edit = project.add_span(document_id, start, start + len(words), label)
    project.apply(edit)
    return edit.span


@pytest.fixture
def claim_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, dict[str, Span], dict[str, str]]]:
    project = Project(SqliteRepository.open(tmp_path / "arcs.hashiya"), "amal")
    (document_id,) = project.import_texts([IncomingText("arcs", "arcs.txt", TEXT)]).added
    here = TEXT.index(CLAIM_PARAGRAPH)
    spans = {
        "claim": add(project, document_id, "كوريا الشمالية أرسلت قوات إلى روسيا", "CLAIM", here),
        "claimant": add(project, document_id, "وزارة الدفاع الأمريكية", "ORG", here),
        "target": add(project, document_id, "روسيا", "GPE", here),
        "denier": add(project, document_id, "الكرملين", "ORG", here),
        "source": add(project, document_id, "وكالة الأنباء", "ORG", here),
        "far": add(project, document_id, "فورين بوليسي", "ORG", here + len(CLAIM_PARAGRAPH)),
    }
    relations = {}
    for label, tail in (("CLAIMANT", "claimant"), ("TARGET", "target"), ("DENIED_BY", "denier"), ("SOURCE", "source")):
        edit = project.add_relation(label, spans["claim"], spans[tail])
        project.apply(edit)
        relations[tail] = edit.relation.id
    far = project.add_relation("SOURCE", spans["claim"], spans["far"])
    project.apply(far)
    relations["far"] = far.relation.id
    window = open_window(qtbot, project)
    window.resize(1400, 900)
    window.open_document(document_id)
    qtbot.waitUntil(lambda: len(window.relation_arcs.arcs.relations) == 5)
    show_offset(window.view, spans["claim"].start)
    yield window, spans, relations
    window.close()
    project.close()


def show_offset(view: DocumentView, offset: int) -> None:
    view.select_offsets(offset, offset)
    view.centerCursor()
    view.viewport().repaint()


def drawn(window: MainWindow) -> dict[str, Arc]:
    window.view.viewport().repaint()
    return {arc.relation.id: arc for arc in window.relation_arcs.arcs.drawn}


def caret_x(found: object) -> float:
    """QTextLine.cursorToX gives (x, position) in PySide6."""
    assert isinstance(found, tuple)
    return float(found[0])


def glyphs(view: DocumentView, span: Span) -> tuple[float, float, float]:
    """The span's extent on the line where it starts, from the text layout: the carets before its
    first character and after its last one on that line (in a right-to-left line the first is the
    right one), and the line's top."""
    qt_start, qt_end = view.offsets.to_qt_range(span.start, span.end)
    block = view.document().findBlock(qt_start)
    line = block.layout().lineForTextPosition(qt_start - block.position())
    end = min(qt_end - block.position(), line.textStart() + line.textLength())
    first, last = (caret_x(line.cursorToX(p)) for p in (qt_start - block.position(), end))
    corner = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    return corner.x() + min(first, last), corner.x() + max(first, last), corner.y() + line.y()


def assert_over_glyphs(view: DocumentView, point: QPointF | None, span: Span) -> None:
    assert point is not None
    left, right, top = glyphs(view, span)
    assert left - 1 <= point.x() <= right + 1, (point.x(), left, right)
    assert abs(point.y() - top) <= 3, (point.y(), top)


def assert_ends_over_glyphs(window: MainWindow, spans: dict[str, Span], relations: dict[str, str]) -> dict[str, Arc]:
    arcs = drawn(window)
    for name in ("claimant", "target", "denier", "source"):
        arc = arcs[relations[name]]
        assert_over_glyphs(window.view, arc.head.point, spans["claim"])
        assert_over_glyphs(window.view, arc.tail.point, spans[name])
    return arcs


def test_arc_ends_sit_over_the_glyphs_of_head_and_tail_after_a_wrap_a_zoom_and_a_scroll(
    claim_window: tuple[MainWindow, dict[str, Span], dict[str, str]],
) -> None:
    window, spans, relations = claim_window
    view = window.view
    wide = assert_ends_over_glyphs(window, spans, relations)
    # Right to left: the claimant, written before the claim, is to its right.
    assert wide[relations["claimant"]].tail.point.x() > wide[relations["claimant"]].head.point.x()  # type: ignore[union-attr]
    assert glyphs(view, spans["claimant"])[2] == glyphs(view, spans["denier"])[2]  # one line, before the wrap

    window.resize(1000, 900)
    show_offset(view, spans["claim"].start)
    assert glyphs(view, spans["claimant"])[2] != glyphs(view, spans["denier"])[2]  # now wrapped
    assert_ends_over_glyphs(window, spans, relations)

    view.set_point_size(22)
    show_offset(view, spans["claim"].start)
    zoomed = assert_ends_over_glyphs(window, spans, relations)

    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 2)
    scrolled = assert_ends_over_glyphs(window, spans, relations)
    moved = zoomed[relations["target"]].tail.point.y() - scrolled[relations["target"]].tail.point.y()  # type: ignore[union-attr]
    assert moved > 20  # the arcs went up with the text


def test_an_arc_to_a_partner_off_the_screen_points_the_way(
    claim_window: tuple[MainWindow, dict[str, Span], dict[str, str]],
) -> None:
    window, spans, relations = claim_window
    arc = drawn(window)[relations["far"]]
    assert arc.tail.point is None and arc.tail.partner is Partner.BELOW
    assert_over_glyphs(window.view, arc.head.point, spans["claim"])
    assert arc.path.boundingRect().bottom() > arc.head.point.y() + 5  # type: ignore[union-attr]
    show_offset(window.view, spans["far"].start)
    arc = drawn(window)[relations["far"]]
    assert arc.head.point is None and arc.head.partner is Partner.ABOVE
    assert arc.path.boundingRect().top() < arc.tail.point.y() - 5  # type: ignore[union-attr]


def test_several_arcs_leaving_one_span_start_apart_and_their_labels_do_not_cover_each_other(
    claim_window: tuple[MainWindow, dict[str, Span], dict[str, str]],
) -> None:
    window, _spans, relations = claim_window
    arcs = [drawn(window)[relations[name]] for name in ("claimant", "target", "denier", "source")]
    starts = sorted(arc.head.point.x() for arc in arcs)  # type: ignore[union-attr]
    assert all(b - a > 5 for a, b in itertools.pairwise(starts))
    for index, arc in enumerate(arcs):
        for other in arcs[index + 1 :]:
            assert not arc.label_rect.intersects(other.label_rect)


def test_an_arc_is_selected_by_a_click_deleted_by_a_key_and_undone(
    claim_window: tuple[MainWindow, dict[str, Span], dict[str, str]], qtbot: QtBot
) -> None:
    window, spans, relations = claim_window
    feature = window.relation_arcs
    arc = drawn(window)[relations["denier"]]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=arc.label_rect.center().toPoint())
    assert feature.arcs.selected_id == relations["denier"]
    assert window.annotations.selected is None  # the click chose the arc, not a span under it
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    stored = {r.id for r in window.project.relations(spans["claim"].document_id)}
    assert relations["denier"] not in stored
    assert {s.id for s in window.project.spans(spans["claim"].document_id)} >= {s.id for s in spans.values()}
    qtbot.waitUntil(lambda: relations["denier"] not in drawn(window))
    window.annotations.undo_stack.undo()
    assert relations["denier"] in {r.id for r in window.project.relations(spans["claim"].document_id)}
    qtbot.waitUntil(lambda: relations["denier"] in drawn(window))


def test_hovering_an_arc_names_both_ends_and_the_toggle_hides_arcs(
    claim_window: tuple[MainWindow, dict[str, Span], dict[str, str]], qtbot: QtBot
) -> None:
    window, spans, relations = claim_window
    viewport = window.view.viewport()
    arc = drawn(window)[relations["claimant"]]
    where = arc.label_rect.center().toPoint()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert spans["claim"].text in QToolTip.text() and spans["claimant"].text in QToolTip.text()
    assert "Claimant" in QToolTip.text()
    QToolTip.hideText()

    window.relation_arcs.action.trigger()
    assert drawn(window) == {}
    assert window.relation_arcs.arcs.arc_at(QPointF(where)) is None
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(where))
    assert window.relation_arcs.arcs.selected_id is None
    window.relation_arcs.action.trigger()
    assert relations["claimant"] in drawn(window)


def test_a_relation_renamed_in_the_schema_is_named_so_on_its_arc(
    claim_window: tuple[MainWindow, dict[str, Span], dict[str, str]], qtbot: QtBot
) -> None:
    window, _spans, relations = claim_window
    schema = window.project.schema
    renamed = tuple(
        dataclasses.replace(r, display_en="Says it", colour="#123456") if r.name == "CLAIMANT" else r
        for r in schema.relations
    )
    window.project.set_schema(dataclasses.replace(schema, relations=renamed))
    window.annotations.schema_changed()
    arc = drawn(window)[relations["claimant"]]
    assert arc.colour.name() == "#123456"
    viewport = window.view.viewport()
    where = arc.label_rect.center().toPoint()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Says it" in QToolTip.text()
    QToolTip.hideText()


def test_an_arc_between_two_paragraphs_joins_the_glyphs_of_both_and_rises_above_the_higher(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first = "قالت وزارة الدفاع الأمريكية إن كوريا الشمالية أرسلت قوات إلى روسيا."
    second = "ونفى الكرملين ذلك في بيان رسمي نشرته وكالة الأنباء."
    text = f"{first}\n\n{second}"
    project = Project(SqliteRepository.open(tmp_path / "paragraphs.hashiya"), "amal")
    (document_id,) = project.import_texts([IncomingText("p", "p.txt", text)]).added
    spans = []
    for words, label in (("أرسلت قوات إلى روسيا", "CLAIM"), ("الكرملين", "ORG")):
        edit = project.add_span(document_id, text.index(words), text.index(words) + len(words), label)
        project.apply(edit)
        spans.append(edit.span)
    relation = project.add_relation("DENIED_BY", spans[0], spans[1])
    project.apply(relation)
    window = open_window(qtbot, project)
    try:
        window.resize(1000, 700)
        window.open_document(document_id)
        qtbot.waitUntil(lambda: len(window.relation_arcs.arcs.relations) == 1)
        window.view.viewport().repaint()
        (arc,) = window.relation_arcs.arcs.drawn
        assert arc.relation.id == relation.relation.id
        assert_over_glyphs(window.view, arc.head.point, spans[0])
        assert_over_glyphs(window.view, arc.tail.point, spans[1])
        assert arc.head.point is not None and arc.tail.point is not None
        assert arc.tail.point.y() > arc.head.point.y() + 20  # the denier's paragraph is the lower one
        assert arc.path.boundingRect().top() < arc.head.point.y() - 5
    finally:
        window.close()
        project.close()
