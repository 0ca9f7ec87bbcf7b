"""The read-only, right-to-left view of one document's stored text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.model import Document
from ui.fonts import DEFAULT_TEXT_POINT_SIZE, text_font
from ui.positions import OffsetMap
from ui.rtl import make_document_rtl

MIN_POINT_SIZE = 8.0
MAX_POINT_SIZE = 48.0
ZOOM_STEP = 1.0


class DocumentView(QPlainTextEdit):
    """Shows the stored text unchanged; offsets in and out are stored-text code points."""

    zoom_changed = Signal(float)
    selection_offsets_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # Puts the vertical scroll bar on the left, where an Arabic reader expects it.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._point_size = DEFAULT_TEXT_POINT_SIZE
        self.setFont(text_font(self._point_size))
        make_document_rtl(self.document())
        self._stored_text = ""
        self.offsets = OffsetMap("")
        self.document_id: str | None = None
        self._loading = False
        self.selectionChanged.connect(self._emit_selection)

    @property
    def stored_text(self) -> str:
        return self._stored_text

    def show_document(self, document: Document) -> None:
        self._stored_text = document.text
        self.offsets = OffsetMap(document.text)
        self.document_id = document.id
        self._loading = True
        try:
            self.setPlainText(document.text)
            make_document_rtl(self.document())
            self.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._loading = False
        self._emit_selection()

    def clear_document(self) -> None:
        self._stored_text = ""
        self.offsets = OffsetMap("")
        self.document_id = None
        self._loading = True
        try:
            self.setPlainText("")
        finally:
            self._loading = False

    def select_offsets(self, start: int, end: int) -> None:
        qt_start, qt_end = self.offsets.to_qt_range(start, end)
        cursor = self.textCursor()
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_offsets(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return self.offsets.to_offset_range(cursor.selectionStart(), cursor.selectionEnd())

    def selected_stored_text(self) -> str:
        start, end = self.selected_offsets()
        return self._stored_text[start:end]

    def _emit_selection(self) -> None:
        if self._loading:
            return
        start, end = self.selected_offsets()
        self.selection_offsets_changed.emit(start, end)

    @property
    def point_size(self) -> float:
        return self._point_size

    def set_point_size(self, size: float) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        if size == self._point_size:
            return
        self._point_size = size
        self.setFont(text_font(size))
        self.zoom_changed.emit(size)

    def zoom_in_steps(self, steps: int = 1) -> None:
        self.set_point_size(self._point_size + steps * ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_point_size(DEFAULT_TEXT_POINT_SIZE)
