"""Suggested spans shown as dashed outlines, accepted or rejected from the keyboard.

Suggestions come from the registry's aliases and from what this annotator already tagged in the
project; they are only drawn (overlay group "suggestions") and enter the layer only when accepted.
A rejected suggestion is stored with the project, per document and annotator, and never comes back.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QColor

from annotator.arabic import FoldedText, fold
from annotator.edits import AddSpan
from annotator.model import Span
from annotator.occurrences import (
    registry_surfaces,
    rejected_from_json,
    rejected_resource_name,
    rejected_to_json,
    tagged_surfaces,
)
from annotator.project import InvalidEditError, now_iso
from annotator.repository import ProjectError
from annotator.suggest import Suggester, Suggestion, Surface
from ui.document_view import Overlay, OverlayStyle

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SUGGESTIONS_GROUP = "suggestions"
CURRENT_SUGGESTION_GROUP = "suggestion-current"
SHOW_SETTING = "suggestions/visible"
OUTLINE_WIDTH = 1.5
CURRENT_OUTLINE_WIDTH = 3.0


class SuggestionController(QObject):
    """Keeps the current document's suggestions up to date and acts on the one at the caret."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.project = window.project
        self.view = window.view
        self.suggestions: list[Suggestion] = []
        self._ends: list[int] = []
        self._visible = _stored_bool(QSettings().value(SHOW_SETTING, True))
        self._rejected: dict[str, set[tuple[int, int, str]]] = {}
        self._tagged: dict[str, list[Surface]] | None = None
        self._suggester: Suggester | None = None
        self._suggester_key: object = None
        self._folded: FoldedText | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        window.annotations.document_shown.connect(lambda _document_id: self._timer.start())
        window.annotations.spans_changed.connect(self._timer.start)
        self.view.cursorPositionChanged.connect(self._mark_current)
        self._timer.start()

    # -- showing ----------------------------------------------------------------------------------

    @property
    def visible(self) -> bool:
        return self._visible

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        QSettings().setValue(SHOW_SETTING, visible)
        self.refresh()

    def rejected(self, document_id: str) -> set[tuple[int, int, str]]:
        if document_id not in self._rejected:
            name = rejected_resource_name(document_id, self.project.annotator)
            self._rejected[document_id] = rejected_from_json(self.project.repository.resource(name))
        return self._rejected[document_id]

    def forget_project_surfaces(self) -> None:
        """Read every document's tagged texts again at the next refresh (after an import)."""
        self._tagged = None
        self._timer.start()

    def refresh(self) -> None:
        """Compute the current document's suggestions again and draw them."""
        self._timer.stop()
        document_id = self.view.document_id
        if document_id is None or not self._visible:
            self._show([])
            return
        if self._folded is None or self._folded.original is not self.view.stored_text:
            self._folded = fold(self.view.stored_text)
        tagged = self._tagged_surfaces()
        tagged[document_id] = tagged_surfaces(self.view.spans, self.project.schema)
        suggester = self._suggester_for(tagged)
        existing = [(span.start, span.end, span.label) for span in self.view.spans]
        self._show(suggester.suggest(self._folded, existing=existing, rejected=self.rejected(document_id)))

    def _tagged_surfaces(self) -> dict[str, list[Surface]]:
        if self._tagged is None:
            schema = self.project.schema
            self._tagged = {
                summary.id: tagged_surfaces(self.project.spans(summary.id), schema)
                for summary in self.project.documents()
            }
        return self._tagged

    def _suggester_for(self, tagged: dict[str, list[Surface]]) -> Suggester:
        from_project = frozenset(surface for surfaces in tagged.values() for surface in surfaces)
        key = (self.project.registry, self.project.schema, from_project)
        if self._suggester is None or key != self._suggester_key:
            surfaces = registry_surfaces(self.project.registry, self.project.schema)
            self._suggester = Suggester([*surfaces, *sorted(from_project, key=_surface_order)])
            self._suggester_key = key
        return self._suggester

    def _show(self, suggestions: list[Suggestion]) -> None:
        self.suggestions = suggestions
        self._ends = [suggestion.end for suggestion in suggestions]
        colours = {label.name: QColor(label.colour).darker(160).name() for label in self.project.schema.labels}
        overlays = [
            Overlay(s.start, s.end, colours.get(s.label, "#444444"), OverlayStyle.DASHED, OUTLINE_WIDTH)
            for s in suggestions
        ]
        self.view.set_overlays(SUGGESTIONS_GROUP, overlays)
        self._mark_current()

    def _mark_current(self) -> None:
        current = self.current()
        overlays = []
        if current is not None:
            colour = (
                self.project.schema.label(current.label).colour
                if self.project.schema.has_label(current.label)
                else "#444444"
            )
            overlays.append(
                Overlay(
                    current.start,
                    current.end,
                    QColor(colour).darker(180).name(),
                    OverlayStyle.DASHED,
                    CURRENT_OUTLINE_WIDTH,
                )
            )
        self.view.set_overlays(CURRENT_SUGGESTION_GROUP, overlays)

    # -- the suggestion at the caret ------------------------------------------------------------

    def caret(self) -> int:
        return self.view.offsets.to_offset(self.view.textCursor().selectionStart())

    def current(self) -> Suggestion | None:
        """The suggestion under the caret, or else the first one after it."""
        index = bisect_right(self._ends, self.caret())
        return self.suggestions[index] if index < len(self.suggestions) else None

    def step(self, direction: int) -> None:
        """Move the caret to the start of the next (+1) or previous (-1) suggestion."""
        caret = self.caret()
        if direction > 0:
            chosen = next((s for s in self.suggestions if s.start > caret), None)
        else:
            chosen = next((s for s in reversed(self.suggestions) if s.start < caret), None)
        if chosen is None:
            self._say("No more suggestions in this direction." if self.suggestions else self._none_message())
            return
        self.view.select_offsets(chosen.start, chosen.start)
        self.view.ensureCursorVisible()
        self._say(f"Suggestion: {chosen.label} “{chosen.text}” — Ctrl+Return accepts, Ctrl+Backspace rejects.")

    def accept_current(self) -> Span | None:
        """Add the suggestion at the caret to the layer as a span (one undoable edit)."""
        suggestion = self.current()
        document_id = self.view.document_id
        if suggestion is None or document_id is None:
            self._say(self._none_message())
            return None
        try:
            edit = self.project.add_span(document_id, suggestion.start, suggestion.end, suggestion.label)
            if suggestion.ref is not None and suggestion.ref in self.project.registry:
                edit = AddSpan(self.project.link(edit.span, suggestion.ref).after)
        except InvalidEditError as error:
            self._say(str(error))
            return None
        self.window.annotations.push(edit)
        self.window.annotations.select_span(edit.span.id)
        self.refresh()
        self._say(f"Accepted {suggestion.label} “{suggestion.text}”.")
        return edit.span

    def reject_current(self) -> Suggestion | None:
        """Never suggest this range with this label again in this document, for this annotator."""
        suggestion = self.current()
        document_id = self.view.document_id
        if suggestion is None or document_id is None:
            self._say(self._none_message())
            return None
        rejected = self.rejected(document_id)
        rejected.add((suggestion.start, suggestion.end, suggestion.label))
        name = rejected_resource_name(document_id, self.project.annotator)
        try:
            self.project.repository.set_resource(name, rejected_to_json(rejected), self.project.annotator, now_iso())
        except ProjectError as error:
            rejected.discard((suggestion.start, suggestion.end, suggestion.label))
            self.window.annotations.problem.emit(str(error))
            return None
        self.refresh()
        self._say(f"Rejected {suggestion.label} “{suggestion.text}”.")
        return suggestion

    def _none_message(self) -> str:
        if not self._visible:
            return "Suggestions are hidden (View > Show Suggestions)."
        return "No suggestion at or after the caret."

    def _say(self, text: str) -> None:
        self.window.annotations.message.emit(text)


def _surface_order(surface: Surface) -> tuple[str, str, str]:
    return (surface.text, surface.label, surface.ref or "")


def _stored_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() not in ("false", "0", "")
    return bool(value)
