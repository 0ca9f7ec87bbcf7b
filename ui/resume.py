"""Where the analyst left off, per project: the open document and the text at the top of its view.

The window's geometry and dock layout are kept by the main window itself (per interface direction);
this brings back the work: the next start opens the last document at the same place.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, QTimer
from PySide6.QtWidgets import QPlainTextEdit


def _key(location: str, name: str) -> str:
    project = hashlib.sha256(location.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"resume/{project}/{name}"


def remember(location: str, document_id: str | None, view: QPlainTextEdit) -> None:
    settings = QSettings()
    if document_id is None:
        return
    settings.setValue(_key(location, "document"), document_id)
    top = view.cursorForPosition(view.viewport().rect().topRight() + QPoint(-4, 4)).position()
    settings.setValue(_key(location, "scroll"), top)


def last_document(location: str) -> str | None:
    value = QSettings().value(_key(location, "document"))
    return value if isinstance(value, str) and value else None


def restore_scroll(location: str, document_id: str | None, view: QPlainTextEdit) -> None:
    """Scroll ``view`` back to where the last document was left, once its text is laid out."""
    if document_id is None or document_id != last_document(location):
        return
    value = QSettings().value(_key(location, "scroll"))
    try:
        position = int(str(value))
    except ValueError:
        return
    _ScrollWhenShown(view, position)


class _ScrollWhenShown(QObject):
    """Scrolls the view once it is first painted: before that, its width (and so its lines) may change."""

    def __init__(self, view: QPlainTextEdit, position: int) -> None:
        super().__init__(view)
        self.view = view
        self.position = position
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.view.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self._scroll)
        return False

    def _scroll(self) -> None:
        """The line holding the character that was at the top is the top line again."""
        block = self.view.document().findBlock(self.position)
        line = block.firstLineNumber()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line += layout.lineForTextPosition(self.position - block.position()).lineNumber()
        self.view.verticalScrollBar().setValue(line)
        self.deleteLater()
