"""Arc labels never cover one another, and each stays on its arc: several arcs leaving one span,
arcs on neighbouring lines, in right-to-left text, after a wrap, a zoom in and a scroll."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from pytestqt.qtbot import QtBot

from annotator.model import Span
from annotator.project import Project
from annotator.text_import import IncomingText
from storage.sqlite_repository import SqliteRepository
from tests.ui.test_annotating import open_window
from tests.ui.test_relation_arcs import show_offset
from ui.main_window import MainWindow
from ui.relation_arcs import Arc

LINES = [
    "قالت وزارة الدفاع إن كوريا الشمالية أرسلت قوات إلى روسيا ونفى الكرملين ذلك بحسب وكالة الأنباء.",
    "وأكد البنتاغون أن سول رصدت القوات بينما نفت بيونغ يانغ الخبر وفق صحيفة محلية.",
    "وقال الناتو إن موسكو تلقت ذخائر من بيونغ يانغ ونفت موسكو ذلك بحسب وكالة رويترز.",
    "وذكرت كييف أن جنودا كوريين قتلوا في كورسك وأنكرت روسيا ذلك حسب قناة فرنسية.",
]
# In every line: a claim with a claimant, a target, a denier and a source.
ROLES = (("CLAIMANT", 1), ("TARGET", 2), ("DENIED_BY", 3), ("SOURCE", 4))
WORDS = [
    ("أرسلت قوات", "وزارة الدفاع", "روسيا", "الكرملين", "وكالة الأنباء"),
    ("رصدت القوات", "البنتاغون", "سول", "بيونغ يانغ", "صحيفة محلية"),
    ("تلقت ذخائر", "الناتو", "موسكو", "ونفت موسكو", "وكالة رويترز"),
    ("قتلوا في كورسك", "كييف", "جنودا كوريين", "وأنكرت روسيا", "قناة فرنسية"),
]
TEXT = "\n\n".join(f"فقرة تمهيدية رقم {n}." for n in range(20)) + "\n\n" + "\n".join(LINES) * 2


@pytest.fixture
def busy_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, int]]:
    project = Project(SqliteRepository.open(tmp_path / "labels.hashiya"), "amal")
    (document_id,) = project.import_texts([IncomingText("labels", "labels.txt", TEXT)]).added
    count = 0
    after = TEXT.index(LINES[0])
    for _copy in range(2):
        for line, words in zip(LINES, WORDS, strict=True):
            here = TEXT.index(line, after)
            after = here + len(line)
            spans: list[Span] = []
            for word in words:
                start = TEXT.index(word, here)
                edit = project.add_span(document_id, start, start + len(word), "CLAIM" if not spans else "ORG")
                project.apply(edit)
                spans.append(edit.span)
            for label, tail in ROLES:
                project.apply(project.add_relation(label, spans[0], spans[tail]))
                count += 1
    window = open_window(qtbot, project)
    window.resize(1400, 900)
    window.open_document(document_id)
    qtbot.waitUntil(lambda: len(window.relation_arcs.arcs.relations) == count)
    show_offset(window.view, TEXT.index(LINES[0]))
    yield window, count
    window.close()
    project.close()


def drawn(window: MainWindow) -> list[Arc]:
    window.view.viewport().repaint()
    return window.relation_arcs.arcs.drawn


def distance(rect: QRectF, point: QPointF) -> float:
    dx = max(rect.left() - point.x(), 0.0, point.x() - rect.right())
    dy = max(rect.top() - point.y(), 0.0, point.y() - rect.bottom())
    return float((dx * dx + dy * dy) ** 0.5)


def assert_labels_apart_and_on_their_arcs(window: MainWindow, at_least: int) -> None:
    arcs = drawn(window)
    assert sum(arc.head.point is not None and arc.tail.point is not None for arc in arcs) >= at_least
    for arc, other in itertools.combinations(arcs, 2):
        assert not arc.label_rect.intersects(other.label_rect), (arc.relation.label, other.relation.label)
    for arc in (arc for arc in arcs if not arc.label_rect.isEmpty()):
        nearest = min(distance(arc.label_rect, arc.path.pointAtPercent(step / 100)) for step in range(101))
        assert nearest <= 1.0, (arc.relation.label, nearest, arc.label_rect)


def at_each_view(window: MainWindow, check: Callable[[MainWindow, int], None]) -> None:
    """``check`` with the lines as first shown, after a wrap, a zoom and a scroll (the least labels it needs)."""
    view = window.view
    check(window, 12)

    window.resize(900, 900)  # the lines wrap: arcs now reach between lines
    show_offset(view, TEXT.index(LINES[0]))
    check(window, 12)

    view.zoom_in_steps(3)
    show_offset(view, TEXT.index(LINES[1]))
    check(window, 8)

    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 3)
    check(window, 8)


def test_labels_of_busy_neighbouring_lines_never_cover_each_other_and_sit_on_their_arcs(
    busy_window: tuple[MainWindow, int],
) -> None:
    at_each_view(busy_window[0], assert_labels_apart_and_on_their_arcs)


def glyph_rects(window: MainWindow) -> list[QRectF]:
    """Every glyph of the lines shown, in viewport coordinates, from its outline as the text layout
    places it (through each line's glyph runs)."""
    view = window.view
    offset = view.contentOffset()
    rects: list[QRectF] = []
    block = view.firstVisibleBlock()
    while block.isValid():
        corner = view.blockBoundingGeometry(block).translated(offset).topLeft()
        if corner.y() > view.viewport().height():
            break
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            for run in layout.glyphRuns(line.textStart(), line.textLength()):
                raw = run.rawFont()
                for index, position in zip(run.glyphIndexes(), run.positions(), strict=True):
                    glyph = raw.boundingRect(index)
                    if not glyph.isEmpty():
                        rects.append(glyph.translated(position + corner))
        block = block.next()
    return rects


def assert_labels_clear_of_the_text(window: MainWindow, at_least: int) -> None:
    arcs = drawn(window)
    labelled = [arc for arc in arcs if not arc.label_rect.isEmpty()]
    assert len(labelled) >= at_least, (len(labelled), len(arcs))
    glyphs = glyph_rects(window)
    assert len(glyphs) > 200
    for arc in labelled:
        covered = [glyph for glyph in glyphs if glyph.intersects(arc.label_rect)]
        assert not covered, (arc.relation.label, arc.label_rect, covered[:3])


def test_labels_never_cover_a_glyph_of_the_text(busy_window: tuple[MainWindow, int]) -> None:
    at_each_view(busy_window[0], assert_labels_clear_of_the_text)
