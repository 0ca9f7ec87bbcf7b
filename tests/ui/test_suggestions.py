"""Suggestions as dashed outlines: accepted and rejected from the keyboard, rejections kept in the project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.ui.analyst import CTRL, NO, SHIFT, Analyst
from tests.ui.test_annotating import document_row, open_window
from ui.document_view import OverlayStyle
from ui.search_panel import SearchFeature
from ui.suggestions import SUGGESTIONS_GROUP

LAVROV_ARTICLE = "003_6ce7f2ee4d1dc447"


def suggesting_window(qtbot: QtBot, project: Project) -> tuple[Analyst, SearchFeature]:
    window = open_window(qtbot, project)
    feature = window.search
    window.select_row(document_row(window, LAVROV_ARTICLE))
    window.view.setFocus()
    qtbot.waitUntil(lambda: bool(window.view.overlays(SUGGESTIONS_GROUP)))
    return Analyst(qtbot, window), feature


def outlined(analyst: Analyst) -> set[tuple[int, int]]:
    return {(o.start, o.end) for o in analyst.view.overlays(SUGGESTIONS_GROUP)}


def test_registry_names_are_outlined_but_not_stored(qtbot: QtBot, sample_project: Project) -> None:
    analyst, _feature = suggesting_window(qtbot, sample_project)
    overlays = analyst.view.overlays(SUGGESTIONS_GROUP)
    assert {o.style for o in overlays} == {OverlayStyle.DASHED}
    shown = outlined(analyst)
    for phrase in ("سيرغي لافروف", "كوريا الشمالية", "كوالالمبور", "وونسان"):
        assert analyst.offsets_of(phrase) in shown, phrase
    document = analyst.view.document_id
    assert document is not None
    assert sample_project.spans(document) == []


def test_accept_from_the_keyboard_then_undo(qtbot: QtBot, sample_project: Project) -> None:
    analyst, _feature = suggesting_window(qtbot, sample_project)
    document = analyst.view.document_id
    assert document is not None
    start, end = analyst.offsets_of("سيرغي لافروف")
    analyst.caret_to(start)
    analyst.press(Qt.Key.Key_Return, CTRL, analyst.view)
    (span,) = sample_project.spans(document)
    assert (span.start, span.end, span.label, span.ref) == (start, end, "PER", "sergey-lavrov")
    assert span.text == "سيرغي لافروف"
    assert (start, end) not in outlined(analyst)
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    assert sample_project.spans(document) == []
    qtbot.waitUntil(lambda: (start, end) in outlined(analyst))


def test_f4_walks_the_suggestions(qtbot: QtBot, sample_project: Project) -> None:
    analyst, _feature = suggesting_window(qtbot, sample_project)
    ahead = sorted({start for start, _end in outlined(analyst) if start > 0})
    analyst.caret_to(0)
    analyst.press(Qt.Key.Key_F4, NO, analyst.view)
    assert analyst.caret() == ahead[0] == analyst.offsets_of("وونسان")[0]
    analyst.press(Qt.Key.Key_F4, NO, analyst.view)
    assert analyst.caret() == ahead[1]
    analyst.press(Qt.Key.Key_F4, SHIFT, analyst.view)
    assert analyst.caret() == ahead[0]


def test_rejected_suggestions_stay_rejected_after_reopening(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    analyst, _feature = suggesting_window(qtbot, sample_project)
    document = analyst.view.document_id
    assert document is not None
    wonsan = analyst.offsets_of("وونسان")
    kuala = analyst.offsets_of("كوالالمبور")
    analyst.caret_to(wonsan[0])
    analyst.press(Qt.Key.Key_Backspace, CTRL, analyst.view)
    assert wonsan not in outlined(analyst)
    assert kuala in outlined(analyst)
    assert sample_project.spans(document) == []
    location = Path(sample_project.location)
    analyst.window.close()

    reopened = Project(SqliteRepository.open(location), "tester")
    try:
        again, _ = suggesting_window(qtbot, reopened)
        assert wonsan not in outlined(again)
        assert kuala in outlined(again)
        assert again.offsets_of("وونسان", 1) in outlined(again)
    finally:
        reopened.close()

    other = Project(SqliteRepository.open(location), "someone-else")
    try:
        theirs, _ = suggesting_window(qtbot, other)
        assert wonsan in outlined(theirs), "another annotator's rejections are their own"
    finally:
        other.close()


def test_hiding_suggestions(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = suggesting_window(qtbot, sample_project)
    analyst.press(Qt.Key.Key_G, CTRL | SHIFT, analyst.view)
    assert not feature.show_suggestions_action.isChecked()
    assert outlined(analyst) == set()
    analyst.caret_to(0)
    analyst.press(Qt.Key.Key_Return, CTRL, analyst.view)
    document = analyst.view.document_id
    assert document is not None
    assert sample_project.spans(document) == []
    analyst.press(Qt.Key.Key_G, CTRL | SHIFT, analyst.view)
    assert analyst.offsets_of("وونسان") in outlined(analyst)


def test_a_tagged_name_is_suggested_at_its_other_mentions(qtbot: QtBot, sample_project: Project) -> None:
    analyst, _feature = suggesting_window(qtbot, sample_project)
    analyst.tag("العاصمة الماليزية", "l")
    others = [analyst.offsets_of("العاصمة الماليزية", n) for n in range(1, analyst.text.count("العاصمة الماليزية"))]
    # The text is matched against the new surface in the background.
    qtbot.waitUntil(lambda: all(place in outlined(analyst) for place in others))
    assert analyst.offsets_of("العاصمة الماليزية") not in outlined(analyst)


def test_a_text_tagged_in_one_document_is_suggested_in_another_until_untagged(
    qtbot: QtBot, sample_project: Project
) -> None:
    analyst, feature = suggesting_window(qtbot, sample_project)
    window = analyst.window
    analyst.tag("الذخيرة", "w")
    window.select_row(document_row(window, "001_0aacfd246fc7404a"))
    qtbot.waitUntil(lambda: analyst.offsets_of("الذخيرة") in outlined(analyst))
    weapon = next(s for s in feature.suggestions.suggestions if s.text == "الذخيرة")
    assert (weapon.label, weapon.source) == ("WEAPON", "project")
    window.select_row(document_row(window, LAVROV_ARTICLE))
    analyst.view.setFocus()
    (span,) = [s for s in analyst.view.spans if s.text == "الذخيرة"]
    analyst.window.annotations.select_span(span.id)
    analyst.press(Qt.Key.Key_Delete, NO, analyst.view)
    assert not [s for s in analyst.view.spans if s.text == "الذخيرة"]
    window.select_row(document_row(window, "001_0aacfd246fc7404a"))
    qtbot.waitUntil(lambda: bool(outlined(analyst)) and not feature.suggestions.matching)
    assert analyst.offsets_of("الذخيرة") not in outlined(analyst)


THIRD_ARTICLE = "002_b3cd881822282461"


def wheel(qtbot: QtBot, view: QWidget, notches: int) -> None:
    """Turn the mouse wheel over the text (down for positive ``notches``), letting Qt paint as it scrolls."""
    for _ in range(abs(notches)):
        centre = QPointF(view.width() / 2, view.height() / 2)
        event = QWheelEvent(
            centre,
            view.mapToGlobal(centre),
            QPoint(0, 0),
            QPoint(0, -120 if notches > 0 else 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view, event)
        qtbot.wait(10)


def on_screen(analyst: Analyst) -> QImage:
    """What the window shows of the text: its backing store, as painted bit by bit while scrolling."""
    viewport = analyst.view.viewport()
    corner = viewport.mapTo(analyst.window, QPoint(0, 0))
    shot = QApplication.primaryScreen().grabWindow(analyst.window.winId()).toImage()
    return shot.copy(corner.x(), corner.y(), viewport.width(), viewport.height()).convertToFormat(
        QImage.Format.Format_RGB32
    )


def rows_apart(first: QImage, second: QImage) -> list[int]:
    """The pixel rows where the two differ along a run of pixels (an outline in one and not the
    other), not in a pixel or two where antialiased dashes meet."""
    rows = []
    for y in range(first.height()):
        strong = 0
        for x in range(first.width()):
            a, b = QColor(first.pixel(x, y)), QColor(second.pixel(x, y))
            if max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) > 60:
                strong += 1
        if strong > 4:
            rows.append(y)
    return rows


def test_outlines_stay_on_lines_scrolled_back_and_forth(qtbot: QtBot, sample_project: Project) -> None:
    """Third sample article: 5 wheel notches down, 6 more, 6 back up; every outline of a line in
    view is drawn, the partly shown first and last lines included, as a fresh paint draws it."""
    window = open_window(qtbot, sample_project)
    window.resize(1280, 800)
    window.select_row(document_row(window, THIRD_ARTICLE))
    view = window.view
    qtbot.waitUntil(lambda: bool(view.overlays(SUGGESTIONS_GROUP)))
    window.search.suggestions.settle()
    analyst = Analyst(qtbot, window)
    for notches in (5, 6, -6):
        wheel(qtbot, view.viewport(), notches)
    first, last = view._visible_offsets()
    height = view.viewport().height()
    in_view = [o for o in view.overlays(SUGGESTIONS_GROUP) if view.range_rects(o.start, o.end)]
    assert in_view
    partly = [o for o in in_view if any(r.top() < 0 or r.bottom() > height for r in view.range_rects(o.start, o.end))]
    assert partly, "the scroll ends with a line partly in view"
    assert all(o.end >= first and o.start <= last for o in in_view)
    scrolled = on_screen(analyst)
    view.viewport().repaint()
    assert rows_apart(scrolled, on_screen(analyst)) == []
