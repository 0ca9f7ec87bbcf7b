"""Stored-text offsets survive the trip through Qt positions, in a real QPlainTextEdit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from annotator.model import Document
from annotator.text import text_sha256
from ui.document_view import DocumentView
from ui.positions import OffsetMap, Snap

PIECES = [
    "بيونغ",
    " ",
    "يانغ",
    "\n\n",
    "\n",
    "\u00a0",
    "\u2028",
    "مُحَمَّد",
    "ـــ",
    "😀",
    "👍🏽",
    "𝔸",
    "𐎀",
    "«",
    "»",
    "10,000",
    "hromadske",
    "\u200f",
    "\u0651",
]

texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(texts, st.data())
def test_qt_position_is_the_utf16_length_before(text: str, data: st.DataObject) -> None:
    offsets = OffsetMap(text)
    offset = data.draw(st.integers(0, len(text)))
    assert offsets.to_qt(offset) == utf16_length(text[:offset])
    assert offsets.to_offset(offsets.to_qt(offset)) == offset
    assert offsets.qt_length == utf16_length(text)


def test_a_position_inside_a_surrogate_pair_snaps_to_whole_characters() -> None:
    offsets = OffsetMap("أ😀ب")
    assert offsets.to_qt(2) == 3
    assert offsets.to_offset(2, Snap.BACKWARD) == 1
    assert offsets.to_offset(2, Snap.FORWARD) == 2
    assert offsets.to_offset_range(2, 2) == (1, 2)


def test_out_of_range_is_an_error() -> None:
    with pytest.raises(ValueError):
        OffsetMap("abc").to_qt(4)
    with pytest.raises(ValueError):
        OffsetMap("😀").to_offset(3)


@pytest.fixture(scope="module")
def view() -> DocumentView:
    return DocumentView()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(texts, st.data())
def test_selecting_in_the_widget_reads_back_the_stored_slice(
    view: DocumentView, text: str, data: st.DataObject
) -> None:
    view.show_document(Document(id="d", title="t", source="", text=text, text_sha256=text_sha256(text)))
    assert view.document().characterCount() - 1 == utf16_length(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    view.select_offsets(start, end)
    assert view.selected_offsets() == (start, end)
    assert view.selected_stored_text() == text[start:end]
    cursor = view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == view.offsets.to_qt_range(start, end)


def test_view_shows_the_stored_text(qtbot: QtBot) -> None:
    text = "أ\u00a0ب\u2028ج\n\nد😀"
    view = DocumentView()
    qtbot.addWidget(view)
    view.show_document(Document(id="d", title="t", source="", text=text, text_sha256=text_sha256(text)))
    blocks = []
    block = view.document().firstBlock()
    while block.isValid():
        blocks.append(block.text())
        block = block.next()
    assert "\n".join(blocks) == text
