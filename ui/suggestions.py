"""Suggested spans shown as dashed outlines, accepted or rejected from the keyboard.

Suggestions come from the registry's aliases and from what this annotator already tagged in the
project; they are only drawn (overlay group "suggestions") and enter the layer only when accepted.
A rejected suggestion is stored with the project, per document and annotator, and never comes back.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QColor

from annotator.edits import AddSpan
from annotator.model import Span
from annotator.occurrences import (
    read_elsewhere,
    registry_surfaces,
    rejected_from_json,
    rejected_resource_name,
    rejected_to_json,
    tagged_surfaces,
)
from annotator.preferences import PreferencesStore
from annotator.project import InvalidEditError, now_iso
from annotator.registry import Registry
from annotator.repository import ProjectError
from annotator.schema import Schema
from annotator.suggest import Suggestion, Surface
from annotator.suggestion_elsewhere import TaggedElsewhere
from annotator.suggestion_matching import (
    Extent,
    Matches,
    MatchJob,
    MatchRun,
    ShownSuggestions,
    span_key,
)
from ui.annotation_controller import AnnotationController
from ui.document_view import Overlay, OverlayStyle
from ui.plain import visible_controls
from ui.refusals import error_text
from ui.rtl import isolated_rtl

SUGGESTIONS_GROUP = "suggestions"
CURRENT_SUGGESTION_GROUP = "suggestion-current"
CURRENT_OUTLINE_WIDTH = 3.0
# Edits come in bursts (undo held down, annotate all, one hotkey after another): the other
# occurrences of a newly tagged text are suggested once they pause.
EDIT_PAUSE_MS = 400
SETTLE_TIMEOUT_S = 20.0
# Surfaces tagged since the text was matched are matched alone, at once, up to this many.
MAX_SURFACES_ADDED_INLINE = 20
# A text longer than this is matched whole only once the analyst has paused for a moment.
LONG_TEXT = 200_000
IDLE_BEFORE_MATCHING_S = 1.0

# Matching runs between the interface's events in steps of about this long.
MATCH_STEP_S = 0.004


class SuggestionController(QObject):
    """Keeps the current document's suggestions up to date and acts on the one at the caret.

    An edit updates the shown suggestions near the spans it touched at once; the text is matched
    again, a step at a time between events, only when the surfaces change (a text tagged for the
    first time) and more were added than can be matched alone at once.
    """

    def __init__(self, annotations: AnnotationController, settings: PreferencesStore) -> None:
        super().__init__(annotations)
        self.annotations = annotations
        self.project = annotations.project
        self.view = annotations.view
        self._settings = settings
        self._visible = self._settings.current.show_suggestions
        self._rejected: dict[str, set[Extent]] = {}
        self._elsewhere: TaggedElsewhere | None = None  # tagged in the other documents, as stored
        self._elsewhere_of: str | None = None  # the document they were read for
        self._shown_surfaces: Counter[Surface] | None = None  # the current document's, kept edit by edit
        self._showing: str | None = None  # the document whose surfaces are counted as shown
        self._from_project: frozenset[Surface] | None = None
        self._from_project_with: tuple[Registry, Schema] | None = None  # what the elsewhere part was chosen for
        self._matches: Matches | None = None
        self._shown: ShownSuggestions | None = None
        self._run: MatchRun | None = None
        self._stepping = QTimer(self)
        self._stepping.setInterval(0)
        self._stepping.timeout.connect(self._advance)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._edited = False
        annotations.document_shown.connect(lambda _document_id: self._spans_reloaded())
        annotations.spans_replaced.connect(self._spans_replaced)
        annotations.spans_changed.connect(self._spans_changed)
        self._active_at = 0.0  # time.monotonic() of the analyst's last edit or caret move
        self.view.cursorPositionChanged.connect(self._mark_current)
        self.view.cursorPositionChanged.connect(self._note_activity)
        # Edits and opening a document count; reading the rest of a long document's layer does not.
        annotations.spans_replaced.connect(lambda _removed, _added: self._note_activity())
        annotations.document_shown.connect(lambda _document_id: self._note_activity())
        self.view.first_painted.connect(self._timer.start)  # the text is shown first, then matched

    def _note_activity(self) -> None:
        self._active_at = time.monotonic()

    # -- showing ----------------------------------------------------------------------------------

    @property
    def visible(self) -> bool:
        return self._visible

    @property
    def suggestions(self) -> list[Suggestion]:
        """The suggestions shown on the current document, in text order."""
        return list(self._shown.items) if self._shown is not None else []

    def set_visible(self, visible: bool) -> None:
        if visible == self._visible:
            return
        self._visible = visible
        if self._settings.current.show_suggestions != visible:
            self._settings.set_show_suggestions(visible)
        self._shown = None
        self.refresh()

    def rejected(self, document_id: str) -> set[Extent]:
        if document_id not in self._rejected:
            name = rejected_resource_name(document_id, self.project.annotator)
            self._rejected[document_id] = rejected_from_json(self.project.repository.resource(name))
        return self._rejected[document_id]

    def forget_project_surfaces(self) -> None:
        """Read the other documents' tagged texts again at the next refresh (after an import)."""
        self._elsewhere = None
        self._from_project = None
        self._timer.start()

    def _spans_reloaded(self) -> None:
        """Another document, or the same one read again: everything shown is worked out anew, but
        for the texts tagged in other documents when only the rest of this one's layer was read."""
        if not (self.annotations.reading_rest and self._elsewhere_of == self.view.document_id):
            self._elsewhere = None
        self._showing = self.view.document_id
        self._shown = None
        self._shown_surfaces = None
        self._from_project = None
        if self.view.has_painted:
            self._timer.start(0)

    def _spans_replaced(self, removed: list[Span], added: list[Span]) -> None:
        self._edited = True
        schema = self.project.schema
        counted = self._shown_surfaces
        if counted is not None:
            for surface in tagged_surfaces(removed, schema):
                counted[surface] -= 1
                if counted[surface] <= 0:
                    del counted[surface]
                    self._from_project = None
            for surface in tagged_surfaces(added, schema):
                if surface not in counted:
                    self._from_project = None
                counted[surface] += 1
        shown = self._shown
        document_id = self.view.document_id
        if shown is None or document_id is None or shown.matches.job.text is not self.view.stored_text:
            return
        shown.give_back([(s.start, s.end, s.label) for s in removed], self.view.spans, self.rejected(document_id))
        for span in added:
            shown.take(span.start, span.end, span.label)
        self._publish()

    def _spans_changed(self) -> None:
        if not self._edited:  # read again from the project (an import, another program's edits)
            self._spans_reloaded()
            return
        self._edited = False
        self._timer.start(EDIT_PAUSE_MS)

    def refresh(self) -> None:
        """Show the current document's suggestions for its spans and rejections now.

        When the surfaces or the text changed, the text is matched again a step at a time between
        events (on a long document that takes a good part of a second); until then the previous
        matches are shown, less what is now tagged or rejected.
        """
        self._timer.stop()
        document_id = self.view.document_id
        if document_id is None or not self._visible:
            self._shown = None
            self._publish()
            return
        text = self.view.stored_text
        key = (self.project.registry, self.project.schema, self._surfaces(document_id))
        matches = self._matches
        if matches is not None and matches.job.text is text and self._run is None:
            matches = self._extend(matches, key, document_id)
        if matches is None or matches.job.text is not text:
            self._shown = None
        elif self._shown is None or self._shown.matches is not matches:
            extents = ((s.start, s.end, s.label) for s in self.view.spans)
            self._shown = ShownSuggestions(matches, extents, self.rejected(document_id))
        self._publish()
        if matches is None or matches.job.text is not text or matches.job.key != key:
            if len(text) > LONG_TEXT and time.monotonic() - self._active_at < IDLE_BEFORE_MATCHING_S:
                # Matching a long text takes seconds of the interpreter: not while the analyst works.
                self._timer.start(int(IDLE_BEFORE_MATCHING_S * 1000))
                return
            self._start_matching(self._job(document_id, key[2]))

    def _extend(self, matches: Matches, key: tuple[Registry, Schema, frozenset[Surface]], document_id: str) -> Matches:
        """The matches with those of surfaces tagged since, when only a few were added (the common
        case of an edit); otherwise they stay as they are, to be matched again whole."""
        registry, schema, surfaces = key
        old = matches.job
        if old.registry is not registry or old.schema is not schema or surfaces == old.from_project:
            return matches
        added = surfaces - old.from_project
        if len(added) > MAX_SURFACES_ADDED_INLINE or not old.from_project <= surfaces:
            return matches
        if self._shown_surfaces is None or any(surface not in self._shown_surfaces for surface in added):
            return matches  # texts tagged elsewhere that now take part: matched again whole
        job = replace(old, from_project=surfaces)
        extended, new = matches.extended(job, added)
        self._matches = extended
        if self._shown is not None and self._shown.matches is matches:
            self._shown.extend(extended, new, self.view.spans, self.rejected(document_id))
        return extended

    def _job(self, document_id: str, surfaces: frozenset[Surface]) -> MatchJob:
        schema = self.project.schema
        colours = {label.name: QColor(label.colour).darker(160).name() for label in schema.labels}
        return MatchJob(
            self.project.registry,
            schema,
            surfaces,
            self.view.stored_text,
            colours,
            frozenset(map(span_key, self.view.spans)),
            frozenset(self.rejected(document_id)),
        )

    def _surfaces(self, document_id: str) -> frozenset[Surface]:
        """The surfaces tagged in the project: the current document's as shown, the others' as stored."""
        if self._shown_surfaces is None:
            self._shown_surfaces = Counter(tagged_surfaces(self.view.spans, self.project.schema))
            self._from_project = None
        registry, schema = self.project.registry, self.project.schema
        with_ = self._from_project_with
        if with_ is None or with_[0] is not registry or with_[1] is not schema:
            self._from_project = None  # the texts tagged elsewhere that take part depend on the aliases
        if self._from_project is None:
            if self._elsewhere is None:
                self._elsewhere = read_elsewhere(self.project, document_id, self.view.stored_text)
                self._elsewhere_of = document_id
            shown = frozenset(self._shown_surfaces)
            elsewhere = self._elsewhere.surfaces(registry_surfaces(registry, schema), shown)
            self._from_project = elsewhere.union(shown)
            self._from_project_with = (registry, schema)
        return self._from_project

    @property
    def matching(self) -> bool:
        """Whether the text is being matched again."""
        return self._run is not None

    def settle(self, timeout_s: float = SETTLE_TIMEOUT_S) -> None:
        """Run the event loop until the suggestions are shown for the current text (or ``timeout_s``
        passes): for a screenshot, which is taken once and must show them."""
        deadline = time.monotonic() + timeout_s
        QCoreApplication.processEvents()
        if self._matches is None and not self.matching:
            self.refresh()
        while (self._timer.isActive() or self.matching) and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if not self.matching:
                time.sleep(0.005)  # only a timer is pending: let it come due

    def _start_matching(self, job: MatchJob) -> None:
        running = self._run
        if running is not None and running.job.text is job.text:
            # One match of a text at a time: the refresh after it lands catches up with what
            # was tagged meanwhile (matching the new surfaces alone, as after any edit).
            return
        previous = self._matches
        same_surfaces = previous is not None and previous.job.key == job.key
        suggester = previous.suggester if previous is not None and same_surfaces else None
        folded = previous.folded if previous is not None else None
        self._run = MatchRun(job, suggester, folded)
        self._stepping.start()

    def _advance(self) -> None:
        run = self._run
        if run is None:
            self._stepping.stop()
            return
        if run.job.text is not self.view.stored_text:
            self._run = None  # another document is shown: its own refresh asks for its match
            self._stepping.stop()
            return
        if not run.step(MATCH_STEP_S):
            return
        self._run = None
        self._stepping.stop()
        assert run.matches is not None and run.shown is not None
        self._land(run.matches, run.shown)

    def _land(self, result: Matches, shown: ShownSuggestions) -> None:
        self._matches = result
        document_id = self.view.document_id
        if document_id is not None:
            # Bring the list made from the job up to the edits made since it was asked for.
            now = set(map(span_key, self.view.spans))
            gone = [(start, end, label) for _id, start, end, label in result.job.spans - now]
            rejected = self.rejected(document_id)
            shown.give_back(gone, self.view.spans, rejected)
            for _id, start, end, label in now - result.job.spans:
                shown.take(start, end, label)
            for extent in rejected - result.job.rejected:
                shown.reject(extent)
            self._shown = shown
        self.refresh()

    def _publish(self) -> None:
        overlays = self._shown.overlays if self._shown is not None else []
        self.view.set_overlays(SUGGESTIONS_GROUP, overlays, ordered=True)
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
        return self._shown.current(self.caret()) if self._shown is not None else None

    def step(self, direction: int) -> None:
        """Move the caret to the start of the next (+1) or previous (-1) suggestion."""
        caret = self.caret()
        shown = self._shown
        chosen = None
        if shown is not None:
            chosen = shown.after(caret) if direction > 0 else shown.before(caret)
        if chosen is None:
            any_shown = shown is not None and bool(shown.items)
            self._say(self.tr("No more suggestions in this direction.") if any_shown else self._none_message())
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
            self._say(error_text(error))
            return None
        self.annotations.push(edit, select=edit.span.id)
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
            self.annotations.problem.emit(error_text(error))
            return None
        if self._shown is not None:
            self._shown.reject((suggestion.start, suggestion.end, suggestion.label))
        self._publish()
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
        self.annotations.message.emit(text)
