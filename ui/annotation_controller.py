"""The one owner of annotation intents: it turns keys, clicks and panel edits into undoable edits.

The view and the side panel only emit what the analyst asked for; this controller builds the
domain edit through the project, pushes it on the undo stack (which commits it at once), and
updates what is shown from the edit itself rather than by reloading the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from annotator.collection import collector_paused
from annotator.edit_names import name_parts
from annotator.edits import (
    Edit,
    describe,
)
from annotator.known_words import KnownWords
from annotator.model import Relation, Span
from annotator.nudging import nudged_end
from annotator.preferences import SnappingChoice
from annotator.project import InvalidEditError, Project
from annotator.registry import Registry
from annotator.repository import ProjectError
from annotator.schema import Label, RelationSpec
from annotator.session import Change, DocumentSession
from annotator.snapping import SnapMode, snap
from ui.document_view import DocumentView
from ui.i18n import kind_name
from ui.refusals import error_text, refusal_text
from ui.rtl import isolated_rtl
from ui.span_panel import SpanPanel
from ui.undo_command import EditCommand

# How a selection becomes a span (Ctrl+drag or Alt+Shift+arrows always give exact characters).
Snapping = SnappingChoice
# English source texts; snapping_name() gives them in the interface language.
SNAPPING_NAMES = {
    Snapping.WORDS: str(QT_TRANSLATE_NOOP("Snapping", "Whole words")),
    Snapping.WITHOUT_PROCLITICS: str(QT_TRANSLATE_NOOP("Snapping", "Leave proclitics outside ({letters})")),
    Snapping.WITHOUT_ARTICLE: str(QT_TRANSLATE_NOOP("Snapping", "Leave proclitics and the article outside")),
    Snapping.EXACT: str(QT_TRANSLATE_NOOP("Snapping", "Exact characters")),
}
PROCLITICS = "و ف ب ل ك"
# When nothing paints the view (a hidden window), the rest is read after this long all the same.
REST_OF_LAYER_MS = 250


def snapping_name(mode: Snapping) -> str:
    return QCoreApplication.translate("Snapping", SNAPPING_NAMES[mode]).format(letters=isolated_rtl(PROCLITICS))


# The names of edits in the Undo and Redo menus (annotator.edit_names says which apply).
EDIT_NAMES = (
    QT_TRANSLATE_NOOP("EditNames", "Add {label}"),
    QT_TRANSLATE_NOOP("EditNames", "Delete {label}"),
    QT_TRANSLATE_NOOP("EditNames", "Relabel {before} as {after}"),
    QT_TRANSLATE_NOOP("EditNames", "Resize {label}"),
    QT_TRANSLATE_NOOP("EditNames", "Set {names}"),
    QT_TRANSLATE_NOOP("EditNames", "Link"),
    QT_TRANSLATE_NOOP("EditNames", "Unlink"),
    QT_TRANSLATE_NOOP("EditNames", "Edit note"),
    QT_TRANSLATE_NOOP("EditNames", "Change {label}"),
    QT_TRANSLATE_NOOP("EditNames", "; "),
)


def edit_name(edit: Edit) -> str:
    """The edit's name as the Undo and Redo menu items show it, in the interface language."""
    parts = name_parts(edit)
    if parts is None:
        return describe(edit)
    return QCoreApplication.translate("EditNames", "; ").join(
        QCoreApplication.translate("EditNames", message).format(**fields) for message, fields in parts
    )


def show_link_names(project: Project, panel: SpanPanel) -> dict[str, str]:
    """The Arabic names of the registry's entries by id, as the span panel now shows them."""
    names = {entry.id: entry.name_ar for entry in project.registry.entries()}
    panel.model.set_link_names(names)
    return names


@dataclass
class RelationPick:
    """A relation being made: the head is chosen, the tail is being picked."""

    spec: RelationSpec
    head: Span
    candidates: list[Span]
    index: int = 0

    @property
    def current(self) -> Span | None:
        return self.candidates[self.index] if self.candidates else None


class AnnotationController(QObject):
    message = Signal(str)  # for the status bar
    problem = Signal(str)  # an edit that was refused, for a message box
    document_requested = Signal(str)  # an undo or redo touched another document
    document_shown = Signal(str)  # the document now in the view
    spans_changed = Signal()  # the current document's spans or relations changed (edit, undo, reload)
    # An edit replaced these spans (as they were) by those (as they are now); spans_changed follows.
    spans_replaced = Signal(list, list)

    def __init__(self, project: Project, view: DocumentView, panel: SpanPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.view = view
        self.panel = panel
        self.undo_stack = QUndoStack(self)
        self.snapping = Snapping.WITHOUT_PROCLITICS
        # The open document and its layer: the one copy every view of the window draws from.
        self.session = DocumentSession(project)
        self.selected: Span | None = None
        self.pick: RelationPick | None = None
        self.known_words = KnownWords()
        # True while the rest of a long document's layer is read: nothing else in the project changed.
        self.reading_rest = False
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(REST_OF_LAYER_MS)
        self._rest_timer.timeout.connect(self.complete_layer)
        self.schema_changed()
        self.link_names = show_link_names(self.project, self.panel)
        view.span_clicked.connect(self.select_span)
        panel.span_chosen.connect(self.select_span)
        panel.relabel_requested.connect(self.relabel_selected)
        panel.attribute_changed.connect(
            lambda name, value: self._push_built(
                lambda span: self.project.set_attribute(span, name, None if value is None else str(value))
            )
        )
        panel.note_changed.connect(lambda note: self._push_built(lambda span: self.project.set_note(span, note)))
        panel.unlink_requested.connect(lambda: self.link_selected(None))
        panel.relation_delete_requested.connect(self.delete_relation)

    def schema_changed(self) -> None:
        self.view.set_colours({label.name: label.colour for label in self.project.schema.labels})
        self.panel.set_schema(self.project.schema)
        if self.document_id is not None:
            self.view.set_spans(self.session.layer)

    # -- showing a document -------------------------------------------------------------------

    @property
    def document_id(self) -> str | None:
        return self.session.document_id

    def show_document(self, document_id: str) -> None:
        self.cancel_pick()
        with collector_paused():  # tens of thousands of small objects: see collector_paused
            self.session.open(document_id)
            assert self.session.document is not None
            self.view.show_document(self.session.document, self.session.layer)
            self._show_loaded()
        if not self.session.complete:
            self.view.after_next_paint(self.complete_layer)
            self._rest_timer.start()
        self.document_shown.emit(document_id)

    @property
    def layer_complete(self) -> bool:
        """Whether every span of the shown document's layer is read (see ``complete_layer``)."""
        return self.session.complete

    def complete_layer(self) -> None:
        """Read the whole layer of a long document shown with the spans of its first part only.

        Edits go to the store before they are shown, and the layer is read from the store: what
        the analyst did meanwhile is in it. The session reads it before it applies an edit, too.
        """
        if not self.session.complete:
            self.reading_rest = True
            try:
                self.reload()
            finally:
                self.reading_rest = False

    def reload(self) -> None:
        """Read the current document's layer again (after another process changed it)."""
        self._rest_timer.stop()
        if self.session.document is None:
            return
        with collector_paused():
            self.session.reload()
            self.view.set_spans(self.session.layer)
            self._show_loaded()

    def _show_loaded(self) -> None:
        self.known_words.forget_spans()
        self.panel.show_layer(self.session.layer)
        selected = self.selected.id if self.selected else None
        self.selected = None
        self.select_span(selected or "")
        self.spans_changed.emit()

    # -- selection of spans -------------------------------------------------------------------

    def select_span(self, span_id: str) -> None:
        if self.pick is not None:
            chosen = self.view.span_by_id(span_id)
            if chosen is not None and chosen.id != self.pick.head.id:
                self._finish_pick(chosen)
            return
        span = self.view.span_by_id(span_id) if span_id else None
        self.selected = span
        related = self.session.relations_of(span) if span else []
        self.view.set_marks(span.id if span else None, [other.id for _r, other, _o in related])
        self.panel.select_row_of(span.id if span else None)
        self.panel.show_span(span, related, self.link_names)
        if span is not None:
            self.view.select_offsets(span.start, span.start)
            self.view.ensureCursorVisible()

    @property
    def relations(self) -> list[Relation]:
        """The relations of the shown document's layer, read from the store when first needed."""
        return self.session.relations

    def step_span(self, delta: int) -> None:
        """Select the next or previous span in reading order (Tab / Shift+Tab), or the next relation candidate."""
        if self.pick is not None:
            if self.pick.candidates:
                self.pick.index = (self.pick.index + delta) % len(self.pick.candidates)
                self._show_pick()
            return
        spans = self.view.spans
        if not spans:
            return
        if self.selected is None:
            index = 0 if delta > 0 else len(spans) - 1
        else:
            ids = [s.id for s in spans]
            index = (ids.index(self.selected.id) + delta) % len(spans) if self.selected.id in ids else 0
        self.select_span(spans[index].id)

    # -- making and changing spans ------------------------------------------------------------

    def hotkey(self, key: str) -> bool:
        """A one-key label or relation shortcut; True if it meant something here."""
        item = self.project.schema.by_hotkey(key)
        if isinstance(item, Label):
            if self.view.textCursor().hasSelection() or self.selected is None:
                self.annotate_selection(item.name)
            else:
                self.relabel_selected(item.name)
            return True
        if isinstance(item, RelationSpec):
            self.start_relation(item.name)
            return True
        return False

    def snapped_selection(self) -> tuple[int, int] | None:
        start, end = self.view.selected_offsets()
        text = self.view.stored_text
        if self.view.exact_selection or self.snapping is Snapping.EXACT:
            mode = SnapMode.EXACT
        elif self.snapping is Snapping.WORDS:
            mode = SnapMode.WORD
        else:
            mode = SnapMode.STEM
        known = self.known_words.near(self.project.registry, self.view.spans, text, start, end)
        result = snap(
            text,
            start,
            end,
            mode,
            strip_article=self.snapping is Snapping.WITHOUT_ARTICLE,
            known_words=known,
        )
        if result is None or result[0] >= result[1]:
            return None
        return result

    def annotate_selection(self, label: str) -> None:
        if self.document_id is None:
            return
        selection = self.snapped_selection()
        if selection is None:
            self.message.emit(self.tr("Select some text first, then press a label's key."))
            return
        try:
            edit = self.project.add_span(self.document_id, *selection, label)
        except InvalidEditError as error:
            self.problem.emit(error_text(error))
            return
        self.push(edit, select=edit.span.id)

    def relabel_selected(self, label: str) -> None:
        if self.selected is not None and self.selected.label != label:
            self._push_built(lambda span: self.project.relabel(span, label))

    def resize_selected_to_selection(self) -> None:
        selection = self.snapped_selection()
        if self.selected is None or selection is None:
            self.message.emit(self.tr("Select a span, then select the new extent and press Resize."))
            return
        start, end = selection
        self._push_built(lambda span: self.project.resize(span, start, end))

    def nudge_selected_end(self, direction: int) -> None:
        """Move the end of the selected span by one word: +1 towards the end of the sentence, -1 back."""
        span = self.selected
        if span is None:
            return
        new_end = nudged_end(self.view.stored_text, span.start, span.end, direction)
        if new_end is None:
            return
        self._push_built(lambda s: self.project.resize(s, s.start, new_end))

    def delete_selected(self) -> None:
        if self.selected is not None:
            self._push_built(self.project.delete_span)

    def link_selected(self, ref: str | None) -> None:
        if self.selected is not None and self.selected.ref == ref:
            return  # already linked so (a span on an exact registry name is linked as it is tagged)
        self._push_built(lambda span: self.project.link(span, ref))

    def set_registry_from_picker(self, registry: object) -> None:

        if isinstance(registry, Registry) and registry != self.project.registry:
            self.project.set_registry(registry)
            self.link_names = show_link_names(self.project, self.panel)

    def _push_built(self, build: Callable[[Span], Edit]) -> None:
        span = self.selected
        if span is None:
            return
        try:
            edit = build(span)
        except InvalidEditError as error:
            self.problem.emit(error_text(error))
            return
        self.push(edit)

    # -- relations ----------------------------------------------------------------------------

    def start_relation(self, name: str) -> None:
        spec = self.project.schema.relation(name)
        head = self.selected
        if head is None or head.kind not in spec.head_kinds:
            kinds = self.tr(" or ").join(kind_name(kind) for kind in spec.head_kinds)
            self.message.emit(
                self.tr("{relation}: first select a span of kind {kinds}.").format(relation=name, kinds=kinds)
            )
            return
        candidates = [s for s in self.view.spans if s.kind in spec.tail_kinds and s.id != head.id]
        if not candidates:
            self.message.emit(self.tr("{relation}: there is no span to relate to yet.").format(relation=name))
            return
        candidates.sort(key=lambda s: (abs(s.start - head.start), s.start))
        self.pick = RelationPick(spec, head, candidates)
        self._show_pick()

    def _show_pick(self) -> None:
        pick = self.pick
        if pick is None or pick.current is None:
            return
        self.view.set_marks(pick.head.id, (), pick.current.id)
        self.view.select_offsets(pick.current.start, pick.current.start)
        self.view.ensureCursorVisible()
        self.message.emit(
            self.tr(
                "{relation} of “{head}”: “{candidate}” — Tab for the next, "
                "Enter to choose, or click a span; Esc cancels."
            ).format(
                relation=pick.spec.name, head=isolated_rtl(pick.head.text), candidate=isolated_rtl(pick.current.text)
            )
        )

    def confirm_pick(self) -> bool:
        if self.pick is None or self.pick.current is None:
            return False
        self._finish_pick(self.pick.current)
        return True

    def _finish_pick(self, tail: Span) -> None:
        pick = self.pick
        assert pick is not None
        self.pick = None
        try:
            edit = self.project.add_relation(pick.spec.name, pick.head, tail)
        except InvalidEditError as error:
            self.problem.emit(error_text(error))
            self.select_span(pick.head.id)
            return
        self.selected = pick.head
        self.push(edit)
        self.message.emit(
            self.tr("“{tail}” is now the {relation} of “{head}”.").format(
                tail=isolated_rtl(tail.text), relation=pick.spec.name, head=isolated_rtl(pick.head.text)
            )
        )

    def cancel_pick(self) -> bool:
        if self.pick is None:
            return False
        head = self.pick.head
        self.pick = None
        self.message.emit(self.tr("Relation cancelled."))
        self.select_span(head.id)
        return True

    def delete_relation(self, relation_id: str) -> None:
        relation = next((r for r in self.relations if r.id == relation_id), None)
        if relation is not None:
            self.push(self.project.delete_relation(relation))

    # -- applying edits -----------------------------------------------------------------------

    def push(self, edit: Edit, *, select: str | None = None) -> None:
        """Commit ``edit`` now and put it on the undo stack; a refusal by the project is reported.
        With ``select``, that span is selected afterwards instead of the one selected before."""
        if self._apply(edit, select):
            command = EditCommand(edit, self._apply, applied=True)
            command.setText(edit_name(edit))
            self.undo_stack.push(command)

    def _apply(self, edit: Edit, select: str | None = None) -> bool:
        try:
            change = self.session.apply(edit)  # reads the rest of a long document's layer first
        except ProjectError as error:
            self.problem.emit(refusal_text(error))
            return False
        self.show_change(change, select)
        return True

    def show_change(self, change: Change, select: str | None = None) -> None:
        """Redraw every view of the layer from ``change``, what the session says an edit changed."""
        if change.document_id != self.document_id:
            if change.document_id:
                self.document_requested.emit(change.document_id)
            return
        if change.whole:
            self._rest_timer.stop()
            self.view.set_spans(self.session.layer)
            self.known_words.forget_spans()
            self.panel.show_layer(self.session.layer)
        else:
            self.known_words.change(change.removed, change.added)
            self.view.show_change(change.removed, change.added)
            self.panel.show_change(change, self.session.layer)
        selected = select if select is not None else self.selected.id if self.selected else None
        if selected is not None and self.session.span(selected) is None:
            selected = None
        self.selected = None
        self.select_span(selected or "")
        if not change.whole:  # a layer read anew is worked out anew, as after a reload
            self.spans_replaced.emit(list(change.removed), list(change.added))
        self.spans_changed.emit()
