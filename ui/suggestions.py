"""Suggested spans shown as dashed outlines, accepted or rejected from the keyboard.

Suggestions come from the registry's aliases and from what this annotator already tagged in the
project; they are only drawn (overlay group "suggestions") and enter the layer only when accepted.
A rejected suggestion is stored with the project, per document and annotator, and never comes back.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
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
from annotator.registry import Registry
from annotator.repository import ProjectError
from annotator.schema import Schema
from annotator.suggest import Suggester, Suggestion, Surface
from ui.document_view import Overlay, OverlayStyle
from ui.plain import visible_controls
from ui.rtl import isolated_rtl

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SUGGESTIONS_GROUP = "suggestions"
CURRENT_SUGGESTION_GROUP = "suggestion-current"
SHOW_SETTING = "suggestions/visible"
OUTLINE_WIDTH = 1.5
CURRENT_OUTLINE_WIDTH = 3.0
# Edits come in bursts (undo held down, annotate all): suggestions follow once they pause.
EDIT_PAUSE_MS = 150
POLL_MS = 30
SETTLE_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class MatchJob:
    """What the whole-text matching depends on: the surfaces to look for and the text."""

    registry: Registry
    schema: Schema
    from_project: frozenset[Surface]
    text: str

    @property
    def key(self) -> tuple[Registry, Schema, frozenset[Surface]]:
        return (self.registry, self.schema, self.from_project)


@dataclass(frozen=True)
class Matches:
    """Every place the job's surfaces occur in its text, before existing spans and rejections
    are taken out (taking them out afterwards gives what ``Suggester.suggest`` gives with them)."""

    job: MatchJob
    suggester: Suggester
    folded: FoldedText
    found: list[Suggestion]


def find_matches(job: MatchJob, suggester: Suggester | None = None, folded: FoldedText | None = None) -> Matches:
    """The slow part, pure Python on immutable inputs, so it can run away from the interface thread."""
    if suggester is None:
        surfaces = registry_surfaces(job.registry, job.schema)
        suggester = Suggester([*surfaces, *sorted(job.from_project, key=_surface_order)])
    if folded is None or folded.original is not job.text:
        folded = fold(job.text)
    return Matches(job, suggester, folded, suggester.suggest(folded))


def without_taken(
    found: Iterable[Suggestion], existing: Iterable[Span], rejected: Collection[tuple[int, int, str]]
) -> list[Suggestion]:
    """``found`` less what overlaps an existing span of the same label and what was rejected."""
    by_label: dict[str, list[tuple[int, int]]] = {}
    for span in existing:
        by_label.setdefault(span.label, []).append((span.start, span.end))
    starts: dict[str, list[int]] = {}
    max_ends: dict[str, list[int]] = {}
    for label, ranges in by_label.items():
        ranges.sort()
        starts[label] = [start for start, _end in ranges]
        max_ends[label] = list(accumulate((end for _start, end in ranges), max))
    kept = []
    for suggestion in found:
        if rejected and (suggestion.start, suggestion.end, suggestion.label) in rejected:
            continue
        label_starts = starts.get(suggestion.label)
        if label_starts is not None:
            before = bisect_left(label_starts, suggestion.end)
            if before > 0 and max_ends[suggestion.label][before - 1] > suggestion.start:
                continue
        kept.append(suggestion)
    return kept


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
        self._matches: Matches | None = None
        self._pending: MatchJob | None = None
        self._result: Matches | None = None
        self._lock = threading.Lock()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        window.annotations.document_shown.connect(lambda _document_id: self._timer.start(0))
        window.annotations.spans_changed.connect(lambda: self._timer.start(EDIT_PAUSE_MS))
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
        """Show the current document's suggestions for its spans and rejections now.

        When the surfaces or the text changed, the text is matched again in the background (on a
        long document that takes seconds); until then the previous matches are shown, less what
        is now tagged or rejected.
        """
        self._timer.stop()
        document_id = self.view.document_id
        if document_id is None or not self._visible:
            self._show([])
            return
        tagged = self._tagged_surfaces()
        tagged[document_id] = tagged_surfaces(self.view.spans, self.project.schema)
        job = MatchJob(
            self.project.registry,
            self.project.schema,
            frozenset(surface for surfaces in tagged.values() for surface in surfaces),
            self.view.stored_text,
        )
        matches = self._matches
        if matches is None or matches.job.text is not job.text:
            self._show([])
        else:
            self._show(without_taken(matches.found, self.view.spans, self.rejected(document_id)))
        if matches is None or matches.job.text is not job.text or matches.job.key != job.key:
            self._match_in_background(job)

    @property
    def matching(self) -> bool:
        """Whether the text is being matched again in the background."""
        return self._pending is not None

    def settle(self, timeout_s: float = SETTLE_TIMEOUT_S) -> None:
        """Run the event loop until the suggestions are shown for the current text (or ``timeout_s``
        passes): for a screenshot, which is taken once and must show them."""
        deadline = time.monotonic() + timeout_s
        QCoreApplication.processEvents()
        while (self._timer.isActive() or self.matching) and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(POLL_MS / 1000 / 3)

    def _match_in_background(self, job: MatchJob) -> None:
        if self._pending is not None and self._pending.text is job.text and self._pending.key == job.key:
            return
        self._pending = job
        previous = self._matches
        same_surfaces = previous is not None and previous.job.key == job.key
        suggester = previous.suggester if previous is not None and same_surfaces else None
        folded = previous.folded if previous is not None else None

        def run() -> None:
            result = find_matches(job, suggester, folded)
            with self._lock:
                if self._pending is job:
                    self._result = result

        threading.Thread(target=run, name="suggestions", daemon=True).start()
        self._poll.start()

    def _collect(self) -> None:
        with self._lock:
            result, self._result = self._result, None
            if result is None:
                return
            self._pending = None
        self._poll.stop()
        self._matches = result
        self.refresh()

    def _tagged_surfaces(self) -> dict[str, list[Surface]]:
        if self._tagged is None:
            schema = self.project.schema
            self._tagged = {
                summary.id: tagged_surfaces(self.project.spans(summary.id), schema)
                for summary in self.project.documents()
            }
        return self._tagged

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
            self._say(self.tr("No more suggestions in this direction.") if self.suggestions else self._none_message())
            return
        self.view.select_offsets(chosen.start, chosen.start)
        self.view.ensureCursorVisible()
        self._say(
            self.tr("Suggestion: {label} “{text}”. Ctrl+Return accepts it, Ctrl+Backspace rejects it.").format(
                label=visible_controls(chosen.label), text=isolated_rtl(visible_controls(chosen.text))
            )
        )

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
        self._say(
            self.tr("Accepted {label} “{text}”.").format(
                label=visible_controls(suggestion.label), text=isolated_rtl(visible_controls(suggestion.text))
            )
        )
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
        self._say(
            self.tr("Rejected {label} “{text}”.").format(
                label=visible_controls(suggestion.label), text=isolated_rtl(visible_controls(suggestion.text))
            )
        )
        return suggestion

    def _none_message(self) -> str:
        if not self._visible:
            return self.tr("Suggestions are hidden (Search > Show Suggestions).")
        return self.tr("No suggestion at or after the caret.")

    def _say(self, text: str) -> None:
        self.window.annotations.message.emit(text)


def _surface_order(surface: Surface) -> tuple[str, str, str]:
    return (surface.text, surface.label, surface.ref or "")


def _stored_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() not in ("false", "0", "")
    return bool(value)
