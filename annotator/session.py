"""The open document: one owner of its layer, for every view of it.

A session holds one document and one annotator's layer of it: the spans in reading order, the
relations (read when first needed) and the loading policy of a long document. It applies every
edit, undo and redo through the project and returns a :class:`Change` saying what changed; the
text view, the table, the highlighter, the suggestions, the search hits and the review window
redraw from that value and keep no copy of the layer of their own.

No Qt here: the interface wraps a session, the tests drive one directly.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.edits import (
    AddRelation,
    AddSpan,
    Batch,
    ChangeSpan,
    Decision,
    Edit,
    RecordDecision,
    RemoveRelation,
    RemoveSpan,
    UnrecordDecision,
    document_of,
    inverse,
)
from annotator.model import Document, Relation, Span, reading_order
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, said

# A longer document is opened with the spans that start in this many characters of it, more than
# any screen holds; the rest of its layer is read as soon as the interface has shown the text.
FIRST_PART = 50_000


@dataclass(frozen=True)
class Change:
    """What an edit, an undo, a redo or a reading of the store changed in the open layer.

    ``removed`` holds the spans as they were and ``added`` the spans as they are now (a changed
    span is in both). ``whole`` says that the layer was read anew: a view shows all of it again.
    A change of another document than the open one (an undo after moving on) is applied to the
    store only: ``document_id`` names that document, and the open layer is unchanged.
    ``decisions_removed`` and ``decisions_added`` are the review decisions taken back and recorded
    (a decision taken again is in both), applied in that order.
    """

    document_id: str
    removed: tuple[Span, ...] = ()
    added: tuple[Span, ...] = ()
    relations_removed: tuple[Relation, ...] = ()
    relations_added: tuple[Relation, ...] = ()
    whole: bool = False
    decisions_removed: tuple[Decision, ...] = ()
    decisions_added: tuple[Decision, ...] = ()


class SpanMismatchError(ProjectError):
    """A stored span whose text is not the document's text at its offsets."""


class SpanLayer:
    """Spans in reading order with an index by id: what a view reads, what a session changes."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans: list[Span] = sorted(spans, key=reading_order)
        self._by_id = {span.id: span for span in self.spans}

    def __len__(self) -> int:
        return len(self.spans)

    def get(self, span_id: str | None) -> Span | None:
        return self._by_id.get(span_id) if span_id is not None else None

    def position(self, span: Span) -> int:
        """Where ``span`` is, or would be, in reading order (the spans before it)."""
        return bisect_left(self.spans, reading_order(span), key=reading_order)

    def row_of(self, span_id: str) -> int | None:
        span = self._by_id.get(span_id)
        return None if span is None else self.position(span)

    def remove(self, span_id: str) -> Span | None:
        old = self._by_id.pop(span_id, None)
        if old is not None:
            del self.spans[self.position(old)]
        return old

    def put(self, span: Span) -> None:
        self.remove(span.id)
        insort(self.spans, span, key=reading_order)
        self._by_id[span.id] = span

    def at(self, offset: int) -> list[Span]:
        """The spans covering the character at ``offset``, innermost first."""
        covering = [s for s in self.spans if s.start <= offset < s.end]
        return sorted(covering, key=lambda s: (s.end - s.start, s.start))


def checked_against(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` as read from the store, each checked to cover its own text in ``text``."""
    for span in spans:
        if text[span.start : span.end] != span.text:
            template = QT_TRANSLATE_NOOP(
                "Said",
                "the span {span} of {annotator} says it covers {text}, but the text at "
                "{start}-{end} of document {document} is {found}",
            )
            raise SpanMismatchError(
                said(
                    template,
                    span=span.id,
                    annotator=repr(span.annotator),
                    text=repr(span.text),
                    start=span.start,
                    end=span.end,
                    document=span.document_id,
                    found=repr(text[span.start : span.end]),
                )
            )
    return spans


class DocumentSession:
    """One document and one layer of it, open for reading and editing.

    ``annotator`` is the layer edited (the project's own by default; the review window opens one
    on ``gold``). A document longer than ``first_part`` characters is opened with the spans of its
    first part; :meth:`read_rest` reads the rest, and every edit reads it first.
    """

    def __init__(self, project: Project, annotator: str | None = None, first_part: int = FIRST_PART) -> None:
        self.project = project
        self.annotator = annotator or project.annotator
        self.first_part = first_part
        self.document: Document | None = None
        self.layer = SpanLayer()
        self._partial = False
        self._relations: list[Relation] | None = []
        self._relations_by_span: dict[str, list[Relation]] | None = None

    # -- reading ------------------------------------------------------------------------------

    @property
    def document_id(self) -> str | None:
        return self.document.id if self.document is not None else None

    @property
    def spans(self) -> list[Span]:
        """The layer's spans in reading order (the session's own list: read it, never change it)."""
        return self.layer.spans

    def span(self, span_id: str | None) -> Span | None:
        return self.layer.get(span_id)

    @property
    def complete(self) -> bool:
        """Whether every span of the open document's layer is read."""
        return not self._partial

    def open(self, document_id: str) -> Change:
        """Open ``document_id``: its text and its layer, or the first part of a long one's."""
        document = self.project.document(document_id)
        partial = document.length > self.first_part
        spans = (
            self.project.spans_in(document_id, 0, self.first_part, self.annotator)
            if partial
            else self.project.spans(document_id, self.annotator)
        )
        checked_against(
            document.text, spans
        )  # before anything changes: a refused document leaves the session as it was
        self.document = document
        self._partial = partial
        self._take(spans)
        return Change(document_id, added=tuple(spans), whole=True)

    def close(self) -> None:
        self.document = None
        self._partial = False
        self._take([])

    def read_rest(self) -> Change | None:
        """Read the whole layer of a document opened with its first part only (None if it was whole)."""
        return self.reload() if self._partial else None

    def reload(self) -> Change:
        """Read the open document's layer again (another process changed it)."""
        document = self.document
        if document is None:
            raise ProjectError(said(QT_TRANSLATE_NOOP("Said", "no document is open")))
        spans = checked_against(document.text, self.project.spans(document.id, self.annotator))
        self._partial = False
        self._take(spans)
        return Change(document.id, added=tuple(spans), whole=True)

    def _take(self, spans: list[Span]) -> None:
        self.layer = SpanLayer(spans)
        self._relations = None
        self._relations_by_span = None

    @property
    def relations(self) -> list[Relation]:
        """The relations of the open layer, read from the store when first needed."""
        if self._relations is None:
            document_id = self.document_id
            self._relations = self.project.relations(document_id, self.annotator) if document_id else []
        return self._relations

    def relations_touching(self, span_id: str) -> list[Relation]:
        if self._relations_by_span is None:
            index: dict[str, list[Relation]] = {}
            for relation in self.relations:
                index.setdefault(relation.head, []).append(relation)
                index.setdefault(relation.tail, []).append(relation)
            self._relations_by_span = index
        return self._relations_by_span.get(span_id, [])

    def relations_of(self, span: Span) -> list[tuple[Relation, Span, bool]]:
        """The relations of ``span``, each with the span at its other end and whether ``span`` is the head."""
        found = []
        for relation in self.relations_touching(span.id):
            head = relation.head == span.id
            other = self.layer.get(relation.tail if head else relation.head)
            if other is not None:
                found.append((relation, other, head))
        return found

    # -- editing ------------------------------------------------------------------------------

    def apply(self, edit: Edit) -> Change:
        """Commit ``edit`` in its own transaction and bring the open layer in line with it.

        Raises ProjectError when the project refuses it (another process changed the same span);
        nothing is changed then. An edit of a long document first reads the rest of its layer,
        and the change then says the layer is whole anew.
        """
        rest = self.read_rest()
        self.project.apply(edit)
        target = document_of(edit)
        if target is None or target != self.document_id:
            return Change(target or "", whole=False)
        gathered = _Gathered()
        self._update(edit, gathered)
        if rest is not None:
            return Change(rest.document_id, added=tuple(self.spans), whole=True)
        return gathered.change(target)

    def undo(self, edit: Edit) -> Change:
        """Undo ``edit`` (applied before): apply its inverse."""
        return self.apply(inverse(edit))

    def redo(self, edit: Edit) -> Change:
        return self.apply(edit)

    def _update(self, edit: Edit, gathered: _Gathered) -> None:
        match edit:
            case AddSpan(span, relations):
                self._put(span, gathered)
                self._relate(relations, (), gathered)
            case RemoveSpan(span, relations):
                self._drop(span.id, gathered)
                self._relate((), relations, gathered)
            case ChangeSpan(_before, after):
                self._put(after, gathered)
            case AddRelation(relation):
                self._relate((relation,), (), gathered)
            case RemoveRelation(relation):
                self._relate((), (relation,), gathered)
            case RecordDecision(decision):
                gathered.decisions_added[_decision_key(decision)] = decision
            case UnrecordDecision(decision):
                key = _decision_key(decision)
                if gathered.decisions_added.pop(key, None) is None:
                    gathered.decisions_removed.setdefault(key, decision)
            case Batch(_, edits):
                for part in edits:
                    self._update(part, gathered)

    def _put(self, span: Span, gathered: _Gathered) -> None:
        old = self.layer.get(span.id)
        if old is not None and span.id not in gathered.removed and span.id not in gathered.added:
            gathered.removed[span.id] = old
        self.layer.put(span)
        gathered.added[span.id] = span

    def _drop(self, span_id: str, gathered: _Gathered) -> None:
        old = self.layer.remove(span_id)
        if old is not None and span_id not in gathered.removed and span_id not in gathered.added:
            gathered.removed[span_id] = old
        gathered.added.pop(span_id, None)

    def _relate(self, new: Iterable[Relation], gone: Iterable[Relation], gathered: _Gathered) -> None:
        new, gone = tuple(new), tuple(gone)
        gathered.relations_added.extend(new)
        gathered.relations_removed.extend(gone)
        if self._relations is None or not (new or gone):
            return  # when they are read, they are read with the edit, which the store already holds
        ids = {relation.id for relation in gone}
        self._relations = [*(r for r in self._relations if r.id not in ids), *new]
        self._relations_by_span = None


def _decision_key(decision: Decision) -> tuple[str, str, str]:
    return (decision.layer_a, decision.layer_b, decision.unit)


@dataclass
class _Gathered:
    """What the parts of one edit changed so far, each span and decision counted once."""

    removed: dict[str, Span] = field(default_factory=dict)
    added: dict[str, Span] = field(default_factory=dict)
    relations_removed: list[Relation] = field(default_factory=list)
    relations_added: list[Relation] = field(default_factory=list)
    decisions_removed: dict[tuple[str, str, str], Decision] = field(default_factory=dict)
    decisions_added: dict[tuple[str, str, str], Decision] = field(default_factory=dict)

    def change(self, document_id: str) -> Change:
        return Change(
            document_id,
            removed=tuple(self.removed.values()),
            added=tuple(self.added.values()),
            relations_removed=tuple(self.relations_removed),
            relations_added=tuple(self.relations_added),
            decisions_removed=tuple(self.decisions_removed.values()),
            decisions_added=tuple(self.decisions_added.values()),
        )
