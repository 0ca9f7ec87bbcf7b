"""What the analyst sees in the document view: right-to-left paragraphs and exact selections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFontInfo, QMouseEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.model import Document
from annotator.text import decode_document, text_sha256
from tests.conftest import CORPUS
from ui.document_view import LONG_PARAGRAPH, DocumentView, laid_out_text
from ui.fonts import ARABIC_FAMILY

RIGHT_EDGE_TOLERANCE = 3


def document_of(path: Path) -> Document:
    text = decode_document(path.read_bytes())
    return Document(id=path.stem, title=path.stem, source=path.name, text=text, text_sha256=text_sha256(text))


def shown_view(qtbot: QtBot, document: Document) -> DocumentView:
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_document(document)
    with qtbot.waitExposed(view):
        view.show()
    return view


def article_showing(qtbot: QtBot, phrase: str) -> tuple[DocumentView, int, int]:
    """A view of the sample article that holds ``phrase``, and where ``phrase`` first is."""
    document = document_of(CORPUS / "003_6ce7f2ee4d1dc447.txt")
    start = document.text.index(phrase)
    return shown_view(qtbot, document), start, start + len(phrase)


def point_at(view: DocumentView, offset: int) -> QPoint:
    """The middle of the caret drawn at a stored-text offset, in viewport coordinates."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset))
    return view.cursorRect(cursor).center()


def click_point(view: DocumentView, offset: int) -> QPoint:
    """Where a person clicks to put the caret at ``offset``: the pixel nearest the drawn caret that lands there.

    Qt's hit test in right-to-left runs resolves a few pixels away from the drawn caret, so
    aiming exactly at the caret can land on the neighbouring boundary, as it would for a person.
    """
    caret = point_at(view, offset)
    target = view.offsets.to_qt(offset)
    for distance in range(12):
        for dx in (distance, -distance):
            candidate = QPoint(caret.x() + dx, caret.y())
            if view.cursorForPosition(candidate).position() == target:
                return candidate
    raise AssertionError(f"no pixel near the caret at offset {offset} lands on it")


def drag(view: DocumentView, qtbot: QtBot, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        QPointF(viewport.mapToGlobal(end)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_the_view_is_read_only_rtl_in_the_bundled_font(qtbot: QtBot) -> None:
    view = shown_view(qtbot, document_of(CORPUS / "003_6ce7f2ee4d1dc447.txt"))
    assert view.isReadOnly()
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    assert option.alignment() & Qt.AlignmentFlag.AlignAbsolute
    assert QFontInfo(view.font()).family() == ARABIC_FAMILY


def test_the_scroll_bar_is_on_the_left(qtbot: QtBot) -> None:
    view = shown_view(qtbot, document_of(CORPUS / "000_5aedd47a6fdd3a5d.txt"))
    bar = view.verticalScrollBar()
    assert bar.isVisible()
    assert bar.mapTo(view, QPoint(0, 0)).x() < view.viewport().mapTo(view, QPoint(0, 0)).x()


def test_mouse_selection_on_an_arabic_paragraph_gives_the_stored_slice(qtbot: QtBot) -> None:
    phrase = "سيرغي لافروف"
    view, start, end = article_showing(qtbot, phrase)
    # Right to left: the phrase starts at the right and the drag goes leftwards.
    begin, finish = click_point(view, start), click_point(view, end)
    assert begin.x() > finish.x()
    drag(view, qtbot, begin, finish)
    assert view.selected_offsets() == (start, end)
    assert view.selected_stored_text() == phrase


def test_mouse_selection_across_latin_and_digits(qtbot: QtBot) -> None:
    document = document_of(CORPUS / "004_14666f8c06eddbdd.txt")
    view = shown_view(qtbot, document)
    phrase = "مصدر الصورة: hromadske"
    start = document.text.index(phrase)
    end = start + len(phrase)
    drag(view, qtbot, click_point(view, start), click_point(view, end))
    assert view.selected_offsets() == (start, end)
    assert view.selected_stored_text() == phrase


def glyph_right_edge(view: DocumentView, position: int, length: int = 1) -> float:
    """The right edge, in viewport coordinates, of the glyphs drawn for the characters at ``position``."""
    block = view.document().findBlock(position)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset())
    runs = block.layout().glyphRuns(position - block.position(), length)
    assert runs, f"no glyphs drawn at position {position}"
    return max(run.boundingRect().right() for run in runs) + origin.x()


def glyph_left_edge(view: DocumentView, position: int, length: int) -> float:
    block = view.document().findBlock(position)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset())
    runs = block.layout().glyphRuns(position - block.position(), length)
    return min(run.boundingRect().left() for run in runs) + origin.x()


def paragraphs(view: DocumentView) -> list[tuple[int, str]]:
    found = []
    block = view.document().firstBlock()
    while block.isValid():
        if block.text().strip():
            found.append((block.position(), block.text()))
        block = block.next()
    return found


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_paragraph_starts_at_the_right_edge(qtbot: QtBot, path: Path) -> None:
    view = shown_view(qtbot, document_of(path))
    right_edge = view.viewport().width() - view.document().documentMargin()
    found = paragraphs(view)
    assert len(found) >= 5
    for position, text in found:
        # The first word: in a right-to-left paragraph it is the rightmost, even when it is Latin.
        first_word = re.match(r"\s*\S+", text)
        assert first_word is not None
        edge = glyph_right_edge(view, position, first_word.end())
        assert abs(edge - right_edge) <= RIGHT_EDGE_TOLERANCE, f"paragraph not flush right: {text[:40]!r}"


def test_a_paragraph_starting_with_a_latin_letter_is_right_to_left(qtbot: QtBot) -> None:
    document = document_of(CORPUS / "004_14666f8c06eddbdd.txt")
    view = shown_view(qtbot, document)
    line = "i مصدر الصورة: hromadske"
    start = view.offsets.to_qt(document.text.index(line))
    right_edge = view.viewport().width() - view.document().documentMargin()
    # "i" sits at the right end and "hromadske" at the left end, as in the reference picture.
    assert abs(glyph_right_edge(view, start) - right_edge) <= RIGHT_EDGE_TOLERANCE
    latin = start + line.index("hromadske")
    arabic = start + line.index("مصدر")
    assert glyph_right_edge(view, latin, len("hromadske")) < glyph_left_edge(view, arabic, len("مصدر"))
    assert glyph_left_edge(view, latin, len("hromadske")) < glyph_left_edge(view, start, 1)


def test_zoom_changes_the_text_size_within_limits(qtbot: QtBot) -> None:
    view = shown_view(qtbot, document_of(CORPUS / "003_6ce7f2ee4d1dc447.txt"))
    size = view.point_size
    view.zoom_in_steps(2)
    assert view.font().pointSizeF() == size + 2
    for _ in range(100):
        view.zoom_in_steps(-1)
    assert view.font().pointSizeF() == 8.0
    view.reset_zoom()
    assert view.font().pointSizeF() == size


def test_outlines_follow_the_text_through_resizing_and_zooming(qtbot: QtBot) -> None:
    view, start, end = article_showing(qtbot, "الكورية")

    def drawn_between_the_carets() -> None:
        """An outline of one Arabic word runs from the caret after it (left) to the caret before it."""
        (rect,) = view.range_rects(start, end)
        right, left = point_at(view, start), point_at(view, end)
        assert abs(rect.right() - right.x()) <= 2 and abs(rect.left() - left.x()) <= 2, (rect, left, right)
        assert rect.top() <= right.y() <= rect.bottom()

    drawn_between_the_carets()
    before = view.range_rects(start, end)
    view.resize(600, 700)
    QApplication.processEvents()
    assert view.range_rects(start, end) != before, "the line is laid out again, narrower"
    drawn_between_the_carets()
    view.zoom_in_steps(3)
    QApplication.processEvents()
    drawn_between_the_carets()
    view.verticalScrollBar().setValue(1)
    drawn_between_the_carets()


def one_long_paragraph() -> str:
    """The sample articles' paragraphs run together into one paragraph of about 40,000 characters."""
    texts = [decode_document(path.read_bytes()) for path in sorted(CORPUS.glob("*.txt"))]
    return " ".join(" ".join(line for line in text.split("\n") if line.strip()) for text in texts) + " 😀\u00a0end"


def test_a_long_paragraph_is_laid_out_in_pieces_broken_at_spaces_only() -> None:
    text = one_long_paragraph()
    shown = laid_out_text(text)
    assert len(shown) == len(text) and "\n" not in text
    breaks = [index for index, char in enumerate(shown) if char != text[index]]
    assert breaks and all(text[index] == " " and shown[index] == "\n" for index in breaks)
    pieces = shown.split("\n")
    assert all(len(piece) <= LONG_PARAGRAPH for piece in pieces)
    assert min(len(piece) for piece in pieces[:-1]) >= LONG_PARAGRAPH // 2
    short = decode_document((CORPUS / "000_5aedd47a6fdd3a5d.txt").read_bytes())
    assert laid_out_text(short) is short  # articles' paragraphs are far shorter


def test_selecting_and_copying_in_a_long_paragraph_gives_the_stored_text(qtbot: QtBot) -> None:
    text = one_long_paragraph()
    document = Document(id="long", title="long", source="long.txt", text=text, text_sha256=text_sha256(text))
    view = shown_view(qtbot, document)
    assert view.document().blockCount() == laid_out_text(text).count("\n") + 1 > 10
    cut = laid_out_text(text).index("\n")
    for start, end in [(cut - 5, cut + 6), (len(text) - 20, len(text)), (0, len(text))]:
        view.select_offsets(start, end)
        assert view.selected_offsets() == (start, end)
        assert view.selected_stored_text() == text[start:end]
        QApplication.clipboard().clear()
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.clipboard().text() == text[start:end]
    # Every piece is right to left and flush right, as a paragraph is.
    block = view.document().findBlockByNumber(3)
    cursor = QTextCursor(block)
    assert view.cursorRect(cursor).center().x() >= view.viewport().width() - RIGHT_EDGE_TOLERANCE - 10


def test_zooming_keeps_the_first_shown_text_in_long_paragraphs(qtbot: QtBot) -> None:
    """Issue 17: zooming lost the analyst's place; a line's text moves when its paragraph wraps anew."""
    paragraphs = ["، ".join(f"الفقرة {p} الكلمة {w}" for w in range(400)) for p in range(6)]
    text = "\n".join(paragraphs)
    view = shown_view(qtbot, Document(id="z", title="z", source="z", text=text, text_sha256=text_sha256(text)))
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    QApplication.processEvents()
    before = shown_range(view)
    for steps in (2, -4, 6, -8):
        view.zoom_in_steps(steps)
        QApplication.processEvents()
        first, last = shown_range(view)
        assert first <= before[0] <= last, (steps, before, (first, last))


def shown_range(view: DocumentView) -> tuple[int, int]:
    corners = view.viewport().rect()
    first = view.cursorForPosition(corners.topRight() + QPoint(-4, 4)).position()
    last = view.cursorForPosition(corners.bottomLeft() + QPoint(4, -4)).position()
    return first, last


def test_ctrl_and_the_wheel_zoom_as_the_keys_do(qtbot: QtBot) -> None:
    view = shown_view(qtbot, document_of(CORPUS / "003_6ce7f2ee4d1dc447.txt"))
    sizes: list[float] = []
    view.zoom_changed.connect(sizes.append)
    centre = QPointF(view.viewport().rect().center())
    for notches in (2, -1):
        wheel = QWheelEvent(
            centre,
            QPointF(view.viewport().mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), wheel)
    assert sizes == [16.0, 15.0]
    assert view.point_size == view.font().pointSizeF() == 15.0
