"""The one owner of annotation intents: it turns keys, clicks and panel edits into undoable edits.

The view and the side panel only emit what the analyst asked for; this controller builds the
domain edit through the project, pushes it on the undo stack (which commits it at once), and
updates what is shown from the edit itself rather than by reloading the document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from annotator.arabic import first_words, fold_string, is_word_char
from annotator.collection import collector_paused
from annotator.edits import (
    AddRelation,
    AddSpan,
    Batch,
    ChangeSpan,
    Edit,
    RemoveRelation,
    RemoveSpan,
    describe,
    document_of,
)
from annotator.model import Relation, Span
from annotator.preferences import SnappingChoice
from annotator.project import InvalidEditError, Project
from annotator.registry import Registry
from annotator.repository import ProjectError
from annotator.schema import Label, RelationSpec
from annotator.snapping import SnapMode, snap, word_at
from ui.commands import EditCommand
from ui.document_view import DocumentView
from ui.i18n import kind_name
from ui.refusals import refusal_text
from ui.rtl import isolated_rtl
from ui.span_panel import SpanPanel

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
# A longer document is shown first with the spans that start in this many characters of it, more
# than any screen holds; the rest of its layer is read as soon as it has been painted.
FIRST_PART = 50_000
# When nothing paints the view (a hidden window), the rest is read after this long all the same.
REST_OF_LAYER_MS = 250


def snapping_name(mode: Snapping) -> str:
    return QCoreApplication.translate("Snapping", SNAPPING_NAMES[mode]).format(letters=isolated_rtl(PROCLITICS))


def edit_name(edit: Edit) -> str:
    """The edit's name as the Undo and Redo menu items show it, in the interface language."""
    match edit:
        case AddSpan(span):
            return QCoreApplication.translate("EditNames", "Add {label}").format(label=span.label)
        case AddRelation(relation):
            return QCoreApplication.translate("EditNames", "Add {label}").format(label=relation.label)
        case RemoveSpan(span):
            return QCoreApplication.translate("EditNames", "Delete {label}").format(label=span.label)
        case RemoveRelation(relation):
            return QCoreApplication.translate("EditNames", "Delete {label}").format(label=relation.label)
        case ChangeSpan(before, after):
            return _change_name(before, after)
    return describe(edit)


def _change_name(before: Span, after: Span) -> str:
    changes = []
    if before.label != after.label:
        relabel = QCoreApplication.translate("EditNames", "Relabel {before} as {after}")
        changes.append(relabel.format(before=before.label, after=after.label))
    if (before.start, before.end) != (after.start, after.end):
        changes.append(QCoreApplication.translate("EditNames", "Resize {label}").format(label=after.label))
    names = sorted(
        key
        for key in before.attributes.keys() | after.attributes.keys()
        if before.attributes.get(key) != after.attributes.get(key) and not (key == "treaty" and before.ref != after.ref)
    )
    if names:
        changes.append(QCoreApplication.translate("EditNames", "Set {names}").format(names=", ".join(names)))
    if before.ref != after.ref:
        changes.append(
            QCoreApplication.translate("EditNames", "Link")
            if after.ref
            else QCoreApplication.translate("EditNames", "Unlink")
        )
    if before.note != after.note:
        changes.append(QCoreApplication.translate("EditNames", "Edit note"))
    if not changes:
        return QCoreApplication.translate("EditNames", "Change {label}").format(label=after.label)
    return QCoreApplication.translate("EditNames", "; ").join(changes)


class KnownWords:
    """The folded first words of registry aliases and of the texts tagged in the shown document,
    kept up to date edit by edit rather than folded again at every key press, and indexed by
    what follows their first letter, so that the words near a selection are looked up rather
    than searched for."""

    LONGEST_LOOKED_UP = 64
    """Longer stretches (a run of text with no space) are compared with every known word."""

    def __init__(self) -> None:
        self._registry: Registry | None = None
        self._registry_words: frozenset[str] = frozenset()
        self._registry_tails: dict[str, set[str]] = {}
        self._tagged: Counter[str] | None = None
        self._tagged_tails: dict[str, set[str]] = {}
        self._words: frozenset[str] | None = None

    def forget_spans(self) -> None:
        self._tagged = None
        self._tagged_tails = {}
        self._words = None

    def change(self, removed: Iterable[Span], added: Iterable[Span]) -> None:
        if self._tagged is None:
            return
        for span in removed:
            for word in first_words((span.text,)):
                self._tagged[word] -= 1
                if self._tagged[word] <= 0:
                    del self._tagged[word]
                    self._tagged_tails[word[1:]].discard(word)
                    self._words = None
        for span in added:
            for word in first_words((span.text,)):
                self._tag(self._tagged, word)

    def _tag(self, tagged: Counter[str], word: str) -> None:
        if word not in tagged:
            self._tagged_tails.setdefault(word[1:], set()).add(word)
            self._words = None
        tagged[word] += 1

    def _index(self, registry: Registry, spans: Iterable[Span]) -> Counter[str]:
        if registry is not self._registry:
            self._registry = registry
            self._registry_words = first_words(alias for entry in registry.entries() for alias in entry.alias_texts)
            self._registry_tails = {}
            for word in self._registry_words:
                self._registry_tails.setdefault(word[1:], set()).add(word)
            self._words = None
        if self._tagged is None:
            tagged: Counter[str] = Counter()
            for span in spans:
                for word in first_words((span.text,)):
                    self._tag(tagged, word)
            self._tagged = tagged
            self._words = None
        return self._tagged

    def words(self, registry: Registry, spans: Iterable[Span]) -> frozenset[str]:
        tagged = self._index(registry, spans)
        if self._words is None:
            self._words = self._registry_words | tagged.keys()
        return self._words

    @staticmethod
    def stretch(text: str, start: int, end: int) -> str:
        """The fold of the whitespace-delimited stretch holding the first word of ``text[start:end]``."""
        first = start
        while first < end and not is_word_char(text[first]):
            first += 1
        if first == end:
            first = start
        left = max(first - 1, 0)  # a caret just after a word snaps to that word
        while left > 0 and not text[left - 1].isspace():
            left -= 1
        right = first
        while right < len(text) and not text[right].isspace():
            right += 1
        return fold_string(text[left:right])

    def near(self, registry: Registry, spans: Iterable[Span], text: str, start: int, end: int) -> list[str]:
        """The known words that can matter to snapping ``text[start:end]``: those found in its
        :meth:`stretch` (folding is character by character, so every form snapping compares is
        inside that stretch's fold, or is alef plus a piece of it)."""
        stretch = self.stretch(text, start, end)
        tagged = self._index(registry, spans)
        if len(stretch) > self.LONGEST_LOOKED_UP:
            return sorted(word for word in self.words(registry, spans) if word in stretch or word[1:] in stretch)
        # A word is near if it is a piece of the stretch, or if all of it after its first letter is.
        pieces = {stretch[i:j] for i in range(len(stretch) + 1) for j in range(i, len(stretch) + 1)}
        found: set[str] = set()
        for piece in pieces:
            if piece in self._registry_words or piece in tagged:
                found.add(piece)
            found.update(self._registry_tails.get(piece, ()))
            found.update(self._tagged_tails.get(piece, ()))
        return sorted(found)


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
        self.document_id: str | None = None
        self._relations: list[Relation] | None = []  # None: not read yet
        self._relations_by_span: dict[str, list[Relation]] | None = None
        self.selected: Span | None = None
        self.pick: RelationPick | None = None
        self.known_words = KnownWords()
        self._partial = False  # only the first part of the document's layer is read so far
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(REST_OF_LAYER_MS)
        self._rest_timer.timeout.connect(self.complete_layer)
        self.schema_changed()
        self._refresh_link_names()
        view.span_clicked.connect(self._on_span_clicked)
        panel.span_chosen.connect(self.select_span)
        panel.relabel_requested.connect(self.relabel_selected)
        panel.attribute_changed.connect(self._set_attribute)
        panel.note_changed.connect(self._set_note)
        panel.unlink_requested.connect(lambda: self.link_selected(None))
        panel.relation_delete_requested.connect(self.delete_relation)

    def schema_changed(self) -> None:
        self.view.set_colours({label.name: label.colour for label in self.project.schema.labels})
        self.panel.set_schema(self.project.schema)
        if self.document_id is not None:
            self.view.set_spans(self.view.spans)

    # -- showing a document -------------------------------------------------------------------

    def show_document(self, document_id: str) -> None:
        self.cancel_pick()
        self.document_id = document_id
        document = self.project.document(document_id)
        self._partial = document.length > FIRST_PART
        with collector_paused():  # tens of thousands of small objects: see collector_paused
            spans = self.project.spans(document_id, starting_before=FIRST_PART if self._partial else None)
            self._forget_relations()
            self.view.show_document(document, spans)
            self._show_loaded(spans)
        if self._partial:
            self.view.after_next_paint(self.complete_layer)
            self._rest_timer.start()
        self.document_shown.emit(document_id)

    @property
    def layer_complete(self) -> bool:
        """Whether every span of the shown document's layer is read (see ``complete_layer``)."""
        return not self._partial

    def complete_layer(self) -> None:
        """Read the whole layer of a long document shown with the spans of its first part only.

        Edits go to the store before they are shown, and the layer is read from the store: what
        the analyst did meanwhile is in it. Every edit completes the layer before it is applied.
        """
        if self._partial:
            self.reload()

    def reload(self) -> None:
        """Read the current document's layer again (after another process changed it)."""
        self._partial = False
        self._rest_timer.stop()
        if self.document_id is None:
            return
        with collector_paused():
            spans = self.project.spans(self.document_id)
            self._forget_relations()
            self.view.set_spans(spans)
            self._show_loaded(spans)

    def _show_loaded(self, spans: list[Span]) -> None:
        self.known_words.forget_spans()
        self.panel.set_spans(spans)
        selected = self.selected.id if self.selected else None
        self.selected = None
        self.select_span(selected or "")
        self.spans_changed.emit()

    def _refresh_link_names(self) -> None:
        self.link_names = {entry.id: entry.name_ar for entry in self.project.registry.entries()}
        self.panel.model.set_link_names(self.link_names)

    # -- selection of spans -------------------------------------------------------------------

    def select_span(self, span_id: str) -> None:
        if self.pick is not None:
            chosen = self.view.span_by_id(span_id)
            if chosen is not None and chosen.id != self.pick.head.id:
                self._finish_pick(chosen)
            return
        span = self.view.span_by_id(span_id) if span_id else None
        self.selected = span
        related = self._relations_of(span) if span else []
        self.view.set_marks(span.id if span else None, [other.id for _r, other, _o in related])
        self.panel.select_row_of(span.id if span else None)
        self.panel.show_span(span, related, self.link_names)
        if span is not None:
            self.view.select_offsets(span.start, span.start)
            self.view.ensureCursorVisible()

    def _on_span_clicked(self, span_id: str) -> None:
        self.select_span(span_id)

    @property
    def relations(self) -> list[Relation]:
        """The relations of the shown document's layer, read from the store when first needed."""
        if self._relations is None:
            self._relations = self.project.relations(self.document_id) if self.document_id else []
        return self._relations

    def _forget_relations(self) -> None:
        self._relations = None
        self._relations_by_span = None

    def _change_relations(self, added: Iterable[Relation] = (), removed: Iterable[str] = ()) -> None:
        """Bring the relations read so far in line with an edit the store has already taken."""
        if self._relations is None:
            return  # when they are read, they are read with it
        gone = set(removed)
        self._relations = [*(r for r in self._relations if r.id not in gone), *added]
        self._relations_by_span = None

    def _relations_touching(self, span_id: str) -> list[Relation]:
        if self._relations_by_span is None:
            index: dict[str, list[Relation]] = {}
            for relation in self.relations:
                index.setdefault(relation.head, []).append(relation)
                index.setdefault(relation.tail, []).append(relation)
            self._relations_by_span = index
        return self._relations_by_span.get(span_id, [])

    def _relations_of(self, span: Span) -> list[tuple[Relation, Span, bool]]:
        found = []
        for relation in self._relations_touching(span.id):
            if relation.head == span.id:
                other = self.view.span_by_id(relation.tail)
                if other is not None:
                    found.append((relation, other, True))
            elif relation.tail == span.id:
                other = self.view.span_by_id(relation.head)
                if other is not None:
                    found.append((relation, other, False))
        return found

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
            self.problem.emit(str(error))
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
        text = self.view.stored_text
        if direction > 0:
            index = span.end
            while index < len(text) and not is_word_char(text[index]):
                index += 1
            word = word_at(text, index) if index < len(text) else None
            new_end = word[1] if word is not None else span.end
        else:
            word = word_at(text, span.end - 1)
            new_end = word[0] if word is not None else span.end
            while new_end > span.start and not is_word_char(text[new_end - 1]):
                new_end -= 1
        if new_end <= span.start or new_end == span.end:
            return
        self._push_built(lambda s: self.project.resize(s, s.start, new_end))

    def delete_selected(self) -> None:
        if self.selected is not None:
            self._push_built(self.project.delete_span)

    def _set_attribute(self, name: str, value: object) -> None:
        self._push_built(lambda span: self.project.set_attribute(span, name, None if value is None else str(value)))

    def _set_note(self, note: str) -> None:
        self._push_built(lambda span: self.project.set_note(span, note))

    def link_selected(self, ref: str | None) -> None:
        if self.selected is not None and self.selected.ref == ref:
            return  # already linked so (a span on an exact registry name is linked as it is tagged)
        self._push_built(lambda span: self.project.link(span, ref))

    def set_registry_from_picker(self, registry: object) -> None:
        from annotator.registry import Registry

        if isinstance(registry, Registry) and registry != self.project.registry:
            self.project.set_registry(registry)
            self._refresh_link_names()

    def _push_built(self, build: Callable[[Span], Edit]) -> None:
        span = self.selected
        if span is None:
            return
        try:
            edit = build(span)
        except InvalidEditError as error:
            self.problem.emit(str(error))
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
            self.problem.emit(str(error))
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
        self.complete_layer()
        try:
            self.project.apply(edit)
        except ProjectError as error:
            self.problem.emit(refusal_text(error))
            return False
        self._show_applied(edit, select)
        return True

    def _show_applied(self, edit: Edit, select: str | None = None) -> None:
        target = document_of(edit)
        if target != self.document_id:
            if target is not None:
                self.document_requested.emit(target)
            return
        changes: dict[str, Span | None] = {}
        self._update(edit, changes)
        before = [span for span in map(self.view.span_by_id, changes) if span is not None]
        after = [span for span in changes.values() if span is not None]
        self.known_words.change(before, after)
        self.view.apply_span_changes(changes)
        self.panel.apply_changes(changes)
        selected = select if select is not None else self.selected.id if self.selected else None
        if selected is not None and self.view.span_by_id(selected) is None:
            selected = None
        self.selected = None
        self.select_span(selected or "")
        self.spans_replaced.emit(before, after)
        self.spans_changed.emit()

    def _update(self, edit: Edit, changes: dict[str, Span | None]) -> None:
        """Apply ``edit`` to the relations, and note in ``changes`` what each touched span is now."""
        match edit:
            case AddSpan(span, relations):
                changes[span.id] = span
                if relations:
                    self._change_relations(added=relations)
            case RemoveSpan(span, relations):
                changes[span.id] = None
                if relations:
                    self._change_relations(removed=[r.id for r in relations])
            case ChangeSpan(_before, after):
                changes[after.id] = after
            case AddRelation(relation):
                self._change_relations(added=[relation])
            case RemoveRelation(relation):
                self._change_relations(removed=[relation.id])
            case Batch(_, edits):
                for part in edits:
                    self._update(part, changes)
