"""The Repository of ``annotator.repository`` over one SQLite project file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict
from itertools import repeat
from pathlib import Path
from typing import Any

from annotator.edits import (
    AddRelation,
    AddSpan,
    Batch,
    ChangeSpan,
    Decision,
    DecisionChoice,
    Edit,
    RecordDecision,
    RemoveRelation,
    RemoveSpan,
    UnrecordDecision,
    describe,
)
from annotator.edits import document_of as edit_document
from annotator.import_log import import_action, layer_state, undo_action
from annotator.model import (
    Document,
    DocumentStatus,
    DocumentSummary,
    Extent,
    Layer,
    Relation,
    Span,
    SpanKind,
)
from annotator.project import now_iso
from annotator.repository import EditConflictError, ProjectError
from annotator.said import QT_TRANSLATE_NOOP, said
from storage.database import open_database
from storage.folded_texts import StoredFolding, index_documents
from storage.new_project import Build
from storage.project_file import reading
from storage.rows import relations_from_fields, spans_from_fields
from storage.sqlite_database import dict_rows
from storage.surface_keys import store_missing_keys
from storage.tagged_reads import TaggedSurfaceReads
from storage.tagged_surfaces import (
    Surfaces,
    bulk_writing,
    count_surfaces,
    counting_whole_layers,
    surfaces,
    tagged_texts,
    uncount_layer,
)


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


_SPAN_KINDS = {kind.value: kind for kind in SpanKind}
_NO_END = 2**62  # an offset past the end of any text


def _attributes(stored: str) -> dict[str, Any]:
    attributes: dict[str, Any] = {} if stored == "{}" else json.loads(stored)
    return attributes


def span_from_row(row: dict[str, Any]) -> Span:
    return Span(
        id=row["id"],
        document_id=row["document_id"],
        annotator=row["annotator"],
        kind=_SPAN_KINDS[row["kind"]],
        label=row["label"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        attributes=_attributes(row["attributes"]),
        ref=row["ref"],
        note=row["note"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _edit_json(edit: Edit) -> str:
    return _json({"type": type(edit).__name__, **asdict(edit)})


def decision_row(decision: Decision) -> dict[str, Any]:
    return {**asdict(decision), "choice": decision.choice.value}


def decision_from_row(row: dict[str, Any]) -> Decision:
    return Decision(**{**row, "choice": DecisionChoice(row["choice"])})


_ATTRIBUTES = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
"""Encodes as ``_json`` does (``json.dumps`` with the same options builds this encoder on every call)."""

_INSERT_SPAN = (
    'INSERT INTO spans (id, document_id, annotator, kind, label, start, "end", text, attributes, ref, note, '
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_SPAN = (
    'UPDATE spans SET document_id = ?, annotator = ?, kind = ?, label = ?, start = ?, "end" = ?, text = ?, '
    "attributes = ?, ref = ?, note = ?, created_at = ?, updated_at = ? WHERE id = ?"
)
_INSERT_RELATION = (
    "INSERT INTO relations (id, document_id, annotator, label, head, tail, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _attributes_json(value: dict[str, Any]) -> str:
    return _ATTRIBUTES.encode(value) if value else "{}"


def _span_values(span: Span, at: str) -> tuple[Any, ...]:
    """The ``_INSERT_SPAN`` parameters of ``span``: timestamps defaulting to ``at``."""
    return (
        span.id,
        span.document_id,
        span.annotator,
        span.kind.value,
        span.label,
        span.start,
        span.end,
        span.text,
        _attributes_json(span.attributes),
        span.ref,
        span.note,
        span.created_at or at,
        span.updated_at or at,
    )


def _relation_values(relation: Relation) -> tuple[Any, ...]:
    """The ``_INSERT_RELATION`` parameters of ``relation``, in the order of its fields."""
    return (
        relation.id,
        relation.document_id,
        relation.annotator,
        relation.label,
        relation.head,
        relation.tail,
        _attributes_json(relation.attributes),
    )


def _log_states(edit: Edit) -> tuple[str | None, str | None]:
    """What the edit log keeps of an edit: the state before and the state after."""
    if isinstance(edit, ChangeSpan):
        return _json(asdict(edit.before)), _json(asdict(edit.after))
    if isinstance(edit, RemoveSpan | RemoveRelation | UnrecordDecision):
        return _edit_json(edit), None
    return None, _edit_json(edit)


def _layer_state(repository: SqliteRepository, document_id: str, annotator: str) -> str | None:
    """What a layer holds now, as the edit log keeps what an import replaces."""
    return layer_state(
        repository.spans(document_id, annotator),
        repository.relations(document_id, annotator),
        repository.status(document_id, annotator),
    )


def repository_building(temporary: Path) -> tuple[SqliteRepository, Build]:
    """A repository on the new project being built at ``temporary`` (storage.new_project), and the build:
    what its ``storing_many`` stores goes in as one transaction, and every layer stored is taken to be new.
    ``Build.complete`` makes the project whole once everything is stored."""
    build = Build(temporary)
    repository = SqliteRepository(build.db, temporary)
    repository._build = build
    return repository, build


class SqliteRepository(TaggedSurfaceReads):
    _build: Build | None = None

    @classmethod
    def open(cls, path: Path, *, full_check: bool = True, checked_beside: bool = False) -> SqliteRepository:
        """The project at ``path``; ``full_check=False`` when it is opened only to be read, ``checked_beside``
        by a reader that calls ``wait_for_checks()`` before it shows anything (see open_database)."""
        return cls(open_database(path, full_check=full_check, checked_beside=checked_beside), path)

    @reading
    def list_documents(self, annotator: str) -> list[DocumentSummary]:
        rows = self.db.execute(
            """
            SELECT d.id, d.title, d.length, coalesce(s.status, 'new')
            FROM documents d
            LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator = ?
            ORDER BY d.position
            """,
            [annotator],
        ).fetchall()
        return [DocumentSummary(id=r[0], title=r[1], length=r[2], status=DocumentStatus(r[3])) for r in rows]

    def folded_corpus(self) -> StoredFolding:
        folding = StoredFolding(self.db)
        folding.catch_up()
        return folding

    @reading
    def get_document(self, document_id: str) -> Document:
        row = self.db.execute(
            "SELECT id, title, source, text, text_sha256, metadata, created_at FROM documents WHERE id = ?",
            [document_id],
        ).fetchone()
        if row is None:
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "there is no document {document_id} in {path}"),
                    document_id=repr(document_id),
                    path=self.path,
                )
            )
        id_, title, source, text, text_sha256, metadata, created_at = row
        return Document(
            id=id_,
            title=title,
            source=source,
            text=text,
            text_sha256=text_sha256,
            metadata=json.loads(metadata),
            created_at=created_at,
        )

    def find_document_by_sha256(self, text_sha256: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE text_sha256 = ?", [text_sha256]).fetchone()
        return None if row is None else str(row[0])

    def add_documents(self, documents: list[Document]) -> None:
        if not documents:
            return
        with self.db.atomic():
            self._insert_documents(documents)

    def _insert_documents(self, documents: list[Document]) -> None:
        if documents:
            position = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM documents").fetchone()[0]
            self.db.conn.executemany(
                "INSERT INTO documents (id, title, source, text, length, text_sha256, metadata, created_at, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (d.id, d.title, d.source, d.text, d.length, d.text_sha256, _json(d.metadata), d.created_at, at)
                    for at, d in enumerate(documents, start=position)
                ],
            )
            index_documents(self.db, ((d.id, d.text) for d in documents))

    def spans(self, document_id: str, annotator: str) -> list[Span]:
        return self.spans_in(document_id, annotator, -1, _NO_END)

    @reading
    def spans_in(self, document_id: str, annotator: str, start: int, end: int) -> list[Span]:
        rows = self.db.execute(
            'SELECT id, kind, label, start, "end", text, attributes, ref, note, created_at, updated_at FROM spans'
            ' WHERE document_id = ? AND annotator = ? AND start < ? AND "end" > ?'
            ' ORDER BY start, "end" DESC, id',  # reading_order, by the index
            [document_id, annotator, min(end, _NO_END), start],
        )
        kinds, layer = _SPAN_KINDS, annotator
        return spans_from_fields(
            (id_, document_id, layer, kinds[kind], label, start, end, text, _attributes(attrs), ref, note, made, edited)
            for id_, kind, label, start, end, text, attrs, ref, note, made, edited in rows
        )

    @reading
    def extents(self, document_id: str, annotator: str) -> list[Extent]:
        rows = self.db.execute(
            'SELECT start, "end", label FROM spans WHERE document_id = ? AND annotator = ?'
            ' ORDER BY start, "end" DESC, id',
            [document_id, annotator],
        )
        # What Extent._make does, without a Python call per span.
        return list(map(tuple.__new__, repeat(Extent), rows))

    @reading
    def relations(self, document_id: str, annotator: str) -> list[Relation]:
        rows = self.db.execute(
            "SELECT id, label, head, tail, attributes FROM relations WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        )
        return relations_from_fields(
            (relation_id, document_id, annotator, label, head, tail, _attributes(attrs))
            for relation_id, label, head, tail, attrs in rows
        )

    def _ensure_annotator(self, name: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)",
            [name, now_iso()],
        )

    def status(self, document_id: str, annotator: str) -> DocumentStatus:
        row = self.db.execute(
            "SELECT status FROM document_status WHERE document_id = ? AND annotator = ?", [document_id, annotator]
        ).fetchone()
        return DocumentStatus.NEW if row is None else DocumentStatus(row[0])

    def set_status(self, document_id: str, annotator: str, status: DocumentStatus) -> None:
        with self.db.atomic():
            self._ensure_annotator(annotator)
            self.db.execute(
                """
                INSERT INTO document_status (document_id, annotator, status, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status,
                    updated_at = excluded.updated_at
                """,
                [document_id, annotator, status.value, now_iso()],
            )
            self._log(now_iso(), annotator, document_id, f"Mark {status.value}", None, status.value)

    def span(self, span_id: str) -> Span | None:
        rows = dict_rows(self.db.execute("SELECT * FROM spans WHERE id = ?", [span_id]))
        return span_from_row(rows[0]) if rows else None

    def apply(self, edit: Edit, annotator: str, at: str) -> None:
        try:
            with self.db.atomic():
                self._ensure_annotator(annotator)
                self._apply(edit)
                before, after = _log_states(edit)
                self._log(at, annotator, edit_document(edit), describe(edit), before, after)
        except sqlite3.IntegrityError as error:
            raise EditConflictError(
                said(QT_TRANSLATE_NOOP("Said", "the edit no longer fits the project ({error})"), error=error)
            ) from None

    def _log(
        self, at: str, annotator: str, document_id: str | None, action: str, before: str | None, after: str | None
    ) -> None:
        self.db.execute(
            "INSERT INTO edit_log (at, annotator, document_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            [at, annotator, document_id, action, before, after],
        )

    def _apply(self, edit: Edit) -> None:
        match edit:
            case AddSpan(span, relations):
                self._ensure_annotator(span.annotator)
                # Straight statements: the table helpers read the schema back before each insert.
                self.db.execute(_INSERT_SPAN, _span_values(span, ""))
                for relation in relations:
                    self.db.execute(_INSERT_RELATION, _relation_values(relation))
            case RemoveSpan(span, relations):
                stored = self.span(span.id)
                if stored != span:
                    raise EditConflictError(
                        said(
                            QT_TRANSLATE_NOOP("Said", "the {label} span {text} was changed or deleted elsewhere"),
                            label=span.label,
                            text=repr(span.text),
                        )
                    )
                self.db.execute("DELETE FROM spans WHERE id = ?", [span.id])
            case ChangeSpan(before, after):
                if self.span(before.id) != before:
                    raise EditConflictError(
                        said(
                            QT_TRANSLATE_NOOP("Said", "the {label} span {text} was changed or deleted elsewhere"),
                            label=before.label,
                            text=repr(before.text),
                        )
                    )
                self.db.execute(_UPDATE_SPAN, (*_span_values(after, "")[1:], before.id))
            case AddRelation(relation):
                self._ensure_annotator(relation.annotator)
                self.db.execute(_INSERT_RELATION, _relation_values(relation))
            case RemoveRelation(relation):
                cursor = self.db.execute("DELETE FROM relations WHERE id = ?", [relation.id])
                if cursor.rowcount != 1:
                    raise EditConflictError(
                        said(
                            QT_TRANSLATE_NOOP("Said", "the {label} relation was deleted elsewhere"),
                            label=relation.label,
                        )
                    )
            case Batch(_, edits):
                for part in edits:
                    self._apply(part)
            case RecordDecision(decision):
                self.db.table("review_decisions").insert(decision_row(decision))
            case UnrecordDecision(decision):
                if self._stored_decision(decision) != decision:
                    raise EditConflictError("the review decision was changed or taken back elsewhere")
                self.db.execute(
                    "DELETE FROM review_decisions WHERE document_id = ? AND layer_a = ? AND layer_b = ? AND unit = ?",
                    [decision.document_id, decision.layer_a, decision.layer_b, decision.unit],
                )

    @reading
    def resource(self, name: str) -> str | None:
        row = self.db.execute("SELECT content FROM project_resources WHERE name = ?", [name]).fetchone()
        return None if row is None else str(row[0])

    def set_resource(self, name: str, text: str, annotator: str, at: str, *, logged: bool = True) -> None:
        self.update_resource(name, lambda _stored: text, annotator, at, logged=logged)

    def update_resource(
        self, name: str, change: Callable[[str | None], str], annotator: str, at: str, *, logged: bool = True
    ) -> str:
        """Store ``change(stored text)`` in one transaction, so no other writer comes between; return it."""
        with self.db.atomic():
            previous = self.resource(name)
            text = change(previous)
            self.db.execute(
                """
                INSERT INTO project_resources (name, content, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
                """,
                [name, text, at],
            )
            if logged:
                self._log(at, annotator, None, f"Change {name}", previous, text)
        return text

    def edit_log(self, document_id: str | None = None) -> list[dict[str, str | None]]:
        where = "" if document_id is None else "WHERE document_id = ?"
        rows = self.db.execute(
            f"SELECT at, annotator, document_id, action, before, after FROM edit_log {where} ORDER BY id",
            [] if document_id is None else [document_id],
        ).fetchall()
        keys = ("at", "annotator", "document_id", "action", "before", "after")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def span_ids(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        if self._build is not None:
            ids = self._build.maybe_stored(ids)
        found: dict[str, tuple[str, str]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.execute(f"SELECT id, document_id, annotator FROM spans WHERE id IN ({marks})", chunk)
            found.update({row[0]: (row[1], row[2]) for row in rows})
        return found

    def storing_many(self) -> AbstractContextManager[None]:
        if self._build is not None:
            return self._build.storing()
        # The page cache then holds the pages one step changed for the next instead of reading them again.
        return bulk_writing(self.db)

    def replace_layers(
        self, documents: list[Document], layers: list[Layer], by: str, at: str, *, undoing: str | None = None
    ) -> None:
        """Add ``documents`` and replace each layer, all or nothing; spans without timestamps get ``at``."""
        try:
            if self._build is not None:  # a new project stores its counts of tagged texts once, when complete
                with self.db.atomic():
                    self._store_layers(documents, layers, by, at, undoing, self._build.tagged)
                self._build.stored(layers)
                return
            with bulk_writing(self.db), self.db.atomic(), counting_whole_layers(self.db):
                stored = Surfaces()  # counted as a whole at the end: many layers share tagged texts
                self._store_layers(documents, layers, by, at, undoing, stored)
                count_surfaces(self.db, stored)
            store_missing_keys(self.db, tagged_texts(layers))
        except sqlite3.IntegrityError as error:
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "the import does not fit the project ({error}); nothing was imported"),
                    error=error,
                )
            ) from None

    def _store_layers(
        self, documents: list[Document], layers: list[Layer], by: str, at: str, undoing: str | None, stored: Surfaces
    ) -> None:
        """Add ``documents`` and replace each layer, inside a transaction; the tagged texts stored are added
        to ``stored``, to be counted (those counted before a layer is replaced are taken out of it)."""
        self._insert_documents(documents)
        added = {document.id for document in documents}
        for name in dict.fromkeys([by, *(layer.annotator for layer in layers)]):
            self._ensure_annotator(name)
        for layer in layers:
            key = [layer.document_id, layer.annotator]
            replaced = None  # a document added just now holds no layer yet
            if layer.document_id not in added and self._build is None:
                count_surfaces(self.db, stored)  # before a layer's spans are counted out
                stored.clear()
                replaced = _layer_state(self, layer.document_id, layer.annotator)
                self.db.execute("DELETE FROM relations WHERE document_id = ? AND annotator = ?", key)
                uncount_layer(self.db, *key)
                self.db.execute("DELETE FROM spans WHERE document_id = ? AND annotator = ?", key)
            self.db.conn.executemany(_INSERT_SPAN, [_span_values(s, at) for s in layer.spans])
            stored.update(surfaces(layer.spans))
            self.db.conn.executemany(_INSERT_RELATION, [_relation_values(r) for r in layer.relations])
            self.db.execute(
                """
                INSERT INTO document_status (document_id, annotator, status, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status,
                    updated_at = excluded.updated_at
                """,
                [layer.document_id, layer.annotator, layer.status.value, at],
            )
            count = len(layer.spans)
            action = import_action(count, layer.annotator)
            if undoing is not None:
                action = undo_action(undoing, count, layer.annotator)
            self._log(at, by, layer.document_id, action, replaced, None)

    def annotators(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM annotators ORDER BY name")]

    @reading
    def label_counts(self) -> list[tuple[str, str, int]]:
        # Entities and treaty references are counted in tagged_surfaces as they come and go (a
        # pause of that counting never outlives its transaction); claims, only, are counted here.
        rows = self.db.execute(
            """
            SELECT annotator, label, sum(spans) FROM (
                SELECT annotator, label, sum(spans) AS spans FROM tagged_surfaces GROUP BY annotator, label
                UNION ALL
                SELECT annotator, label, count(*) FROM spans WHERE kind = 'claim' GROUP BY annotator, label
            )
            GROUP BY annotator, label
            """
        )
        return [(str(annotator), str(label), int(count)) for annotator, label, count in rows]

    def _stored_decision(self, decision: Decision) -> Decision | None:
        rows = dict_rows(
            self.db.execute(
                "SELECT * FROM review_decisions WHERE document_id = ? AND layer_a = ? AND layer_b = ? AND unit = ?",
                [decision.document_id, decision.layer_a, decision.layer_b, decision.unit],
            )
        )
        return decision_from_row(rows[0]) if rows else None

    def decisions(self, document_id: str, layer_a: str | None = None, layer_b: str | None = None) -> list[Decision]:
        if layer_a is None or layer_b is None:
            query = "SELECT * FROM review_decisions WHERE document_id = ? ORDER BY layer_a, layer_b, unit"
            return [decision_from_row(row) for row in dict_rows(self.db.execute(query, [document_id]))]
        rows = dict_rows(
            self.db.execute(
                "SELECT * FROM review_decisions WHERE document_id = ? AND layer_a = ? AND layer_b = ? ORDER BY unit",
                [document_id, layer_a, layer_b],
            )
        )
        return [decision_from_row(row) for row in rows]
