"""Editing the gold copy of a unit after "Accept and edit" in the review window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStatusBar

from annotator.edits import Edit
from annotator.model import Span
from annotator.nudging import nudged_end
from annotator.project import InvalidEditError, Project
from annotator.schema import Label
from annotator.session import DocumentSession
from ui.document_view import DocumentView
from ui.keyboard import hotkey_of
from ui.refusals import error_text


class GoldEditor:
    """The gold span being edited: a label's key relabels it, ] / [ move its end by a word, and =
    resizes it to the text selected in a pane; each edit goes through ``commit``."""

    def __init__(
        self,
        project: Project,
        gold: DocumentSession,
        status: QStatusBar,
        panes: tuple[DocumentView, DocumentView],
        commit: Callable[[Edit], object],
        changed: Callable[[], None],
        done: Callable[[], None],
    ) -> None:
        self.project = project
        self.gold = gold
        self.status = status
        self.panes = panes
        self.commit = commit
        self.changed = changed  # editing started or ended
        self.done = done  # after Enter or Esc: the review goes on to the next unit
        self.editing: str | None = None

    def start(self, gold_id: str) -> None:
        self.editing = gold_id
        self.changed()
        self.status.showMessage(
            QCoreApplication.translate(
                "ReviewWindow",
                "Editing the gold copy: a label's key relabels it, ] / [ extend or shrink it by a word, "
                "= resizes it to the text selected in a pane; Enter or Esc when done.",
            ),
        )

    def finish(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.status.clearMessage()
            self.changed()

    def span(self) -> Span | None:
        return self.gold.span(self.editing)

    def key(self, event: QKeyEvent, watched: QObject) -> bool:
        """A key while the gold copy is being edited; True if it was used."""
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            self.done()
            return True
        span = self.span()
        if span is None:
            self.finish()
            return False
        text = event.text()
        try:
            if text == "]":
                edit: Edit | None = self._nudged(span, 1)
            elif text == "[":
                edit = self._nudged(span, -1)
            elif text == "=":
                edit = self._resized_to_selection(span, watched)
            elif len(text) == 1 and text.isprintable() and not text.isspace():
                item = self.project.schema.by_hotkey(text) or self.project.schema.by_hotkey(hotkey_of(text))
                if not isinstance(item, Label):
                    return False
                edit = self.project.relabel(span, item.name) if item.name != span.label else None
            else:
                return False
        except InvalidEditError as error:
            self.status.showMessage(error_text(error), 8000)
            return True
        if edit is not None:
            self.commit(edit)
        return True

    def _nudged(self, span: Span, direction: int) -> Edit | None:
        document = self.gold.document
        text = document.text if document is not None else self.project.document(span.document_id).text
        end = nudged_end(text, span.start, span.end, direction)
        return None if end is None else self.project.resize(span, span.start, end)

    def _resized_to_selection(self, span: Span, watched: QObject) -> Edit | None:
        view = watched if isinstance(watched, DocumentView) and watched in self.panes else self.panes[0]
        start, end = view.selected_offsets()
        if start >= end:
            self.status.showMessage(
                QCoreApplication.translate(
                    "ReviewWindow", "Select the new extent in a pane (Shift+arrows), then press =."
                ),
                8000,
            )
            return None
        return self.project.resize(span, start, end)
