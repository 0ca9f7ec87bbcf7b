"""The Repository of ``annotator.repository`` over a team project on a PostgreSQL server (psycopg 3).

Every write is one transaction, committed before the call returns (the edit is then acknowledged).
Other clients' commits reach an open project through LISTEN/NOTIFY: a listening connection counts
the announcements made by other connections, and ``data_version`` returns that count without asking
the server. A lost connection is said in a ProjectError and made again at the next call; a write
whose commit was not confirmed is reported as not saved.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg import errors

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
)
from annotator.project import now_iso
from annotator.repository import EditConflictError, ProjectError
from annotator.said import QT_TRANSLATE_NOOP, said
from storage.postgres_connection import Connection
from storage.postgres_corpus import CorpusQueries
from storage.rows import relations_from_fields, spans_from_fields
from storage.sqlite_repository import (
    _SPAN_KINDS,
    _attributes,
    _json,
    _log_states,
    _relation_values,
    _span_values,
    decision_from_row,
)

_SPAN_COLUMNS = 'id, kind, label, start, "end", text, attributes, ref, note, created_at, updated_at'
_INSERT_SPAN = (
    'INSERT INTO spans (id, document_id, annotator, kind, label, start, "end", text, attributes, ref, note, '
    "created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
_UPDATE_SPAN = (
    'UPDATE spans SET document_id = %s, annotator = %s, kind = %s, label = %s, start = %s, "end" = %s, text = %s, '
    "attributes = %s, ref = %s, note = %s, created_at = %s, updated_at = %s WHERE id = %s"
)
_INSERT_RELATION = (
    "INSERT INTO relations (id, document_id, annotator, label, head, tail, attributes) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)
_UPSERT_STATUS = """
    INSERT INTO document_status (document_id, annotator, status, updated_at) VALUES (%s, %s, %s, %s)
    ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
"""
_NO_END = 2**31 - 1


class PostgresRepository(CorpusQueries):
    @classmethod
    def open(cls, url: str) -> PostgresRepository:
        return cls(url)

    # -- the Repository protocol ---------------------------------------------------------------

    def list_documents(self, annotator: str) -> list[DocumentSummary]:
        rows = self._read(
            lambda c: c.execute(
                """
                SELECT d.id, d.title, d.length, coalesce(s.status, 'new')
                FROM documents d
                LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator = %s
                ORDER BY d.position
                """,
                [annotator],
            ).fetchall()
        )
        return [DocumentSummary(id=r[0], title=r[1], length=r[2], status=DocumentStatus(r[3])) for r in rows]

    def get_document(self, document_id: str) -> Document:
        row = self._read(
            lambda c: c.execute(
                "SELECT id, title, source, text, text_sha256, metadata, created_at FROM documents WHERE id = %s",
                [document_id],
            ).fetchone()
        )
        if row is None:
            raise ProjectError(
                said(
                    QT_TRANSLATE_NOOP("Said", "there is no document {document_id} in {place}"),
                    document_id=repr(document_id),
                    place=self.location,
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
        row = self._read(
            lambda c: c.execute("SELECT id FROM documents WHERE text_sha256 = %s", [text_sha256]).fetchone()
        )
        return None if row is None else str(row[0])

    def add_documents(self, documents: list[Document]) -> None:
        if documents:
            with self.writing() as conn:
                self.insert_documents(conn, documents)

    def insert_documents(self, conn: Connection, documents: list[Document]) -> None:
        if not documents:
            return
        # One writer of positions at a time: two clients importing at once would number alike.
        conn.execute("LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE")
        row = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM documents").fetchone()
        position = 0 if row is None else int(row[0])
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO documents (id, title, source, text, length, text_sha256, metadata, created_at, position) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (d.id, d.title, d.source, d.text, d.length, d.text_sha256, _json(d.metadata), d.created_at, at)
                    for at, d in enumerate(documents, start=position)
                ],
            )

    def spans(self, document_id: str, annotator: str) -> list[Span]:
        return self.spans_in(document_id, annotator, -1, _NO_END)

    def spans_in(self, document_id: str, annotator: str, start: int, end: int) -> list[Span]:
        rows = self._read(
            lambda c: c.execute(
                f"SELECT {_SPAN_COLUMNS} FROM spans WHERE document_id = %s AND annotator = %s"
                ' AND start < %s AND "end" > %s ORDER BY start, "end" DESC, id COLLATE "C"',
                [document_id, annotator, min(end, _NO_END), max(start, -_NO_END)],
            ).fetchall()
        )
        kinds, layer = _SPAN_KINDS, annotator
        return spans_from_fields(
            (id_, document_id, layer, kinds[kind], label, start, end, text, _attributes(attrs), ref, note, made, edited)
            for id_, kind, label, start, end, text, attrs, ref, note, made, edited in rows
        )

    def extents(self, document_id: str, annotator: str) -> list[Extent]:
        rows = self._read(
            lambda c: c.execute(
                'SELECT start, "end", label FROM spans WHERE document_id = %s AND annotator = %s'
                ' ORDER BY start, "end" DESC, id COLLATE "C"',
                [document_id, annotator],
            ).fetchall()
        )
        return [Extent(int(start), int(end), str(label)) for start, end, label in rows]

    def relations(self, document_id: str, annotator: str) -> list[Relation]:
        rows = self._read(
            lambda c: c.execute(
                "SELECT id, label, head, tail, attributes FROM relations WHERE document_id = %s AND annotator = %s",
                [document_id, annotator],
            ).fetchall()
        )
        return relations_from_fields(
            (relation_id, document_id, annotator, label, head, tail, _attributes(attrs))
            for relation_id, label, head, tail, attrs in rows
        )

    def _ensure_annotator(self, conn: Connection, name: str) -> None:
        if name in self._known_annotators or name in self._new_annotators:
            return
        conn.execute(
            "INSERT INTO annotators (name, created_at) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING", [name, now_iso()]
        )
        self._new_annotators.add(name)

    def status(self, document_id: str, annotator: str) -> DocumentStatus:
        row = self._read(
            lambda c: c.execute(
                "SELECT status FROM document_status WHERE document_id = %s AND annotator = %s",
                [document_id, annotator],
            ).fetchone()
        )
        return DocumentStatus.NEW if row is None else DocumentStatus(row[0])

    def set_status(self, document_id: str, annotator: str, status: DocumentStatus) -> None:
        with self.writing() as conn:
            self._ensure_annotator(conn, annotator)
            conn.execute(_UPSERT_STATUS, [document_id, annotator, status.value, now_iso()])
            self._log(conn, now_iso(), annotator, document_id, f"Mark {status.value}", None, status.value)

    def span(self, span_id: str) -> Span | None:
        return self._read(lambda c: _stored_span(c, span_id))

    def apply(self, edit: Edit, annotator: str, at: str) -> None:
        try:
            with self.writing() as conn:
                self._ensure_annotator(conn, annotator)
                self._apply(conn, edit)
                before, after = _log_states(edit)
                self._log(conn, at, annotator, edit_document(edit), describe(edit), before, after)
        except (errors.IntegrityError, errors.ForeignKeyViolation, errors.CheckViolation) as error:
            template = QT_TRANSLATE_NOOP("Said", "the edit no longer fits the project ({error})")
            raise EditConflictError(said(template, error=str(error).strip())) from None

    def _log(
        self,
        conn: Connection,
        at: str,
        annotator: str,
        document_id: str | None,
        action: str,
        before: str | None,
        after: str | None,
    ) -> None:
        conn.execute(
            "INSERT INTO edit_log (at, annotator, document_id, action, before, after) VALUES (%s, %s, %s, %s, %s, %s)",
            [at, annotator, document_id, action, before, after],
        )

    def _changed(self, rowcount: int, what: str) -> None:
        """A write the row-level policy hid from this user changes no row: refuse it as the server would."""
        if rowcount != 1:
            raise self._refusal(psycopg.Error(f"{what} is not {self.user}'s to change"))

    def _apply(self, conn: Connection, edit: Edit) -> None:
        match edit:
            case AddSpan(span, relations):
                self._ensure_annotator(conn, span.annotator)
                conn.execute(_INSERT_SPAN, _span_values(span, ""))
                for relation in relations:
                    conn.execute(_INSERT_RELATION, _relation_values(relation))
            case RemoveSpan(span, _):
                if _stored_span(conn, span.id) != span:
                    raise EditConflictError(
                        said(
                            QT_TRANSLATE_NOOP("Said", "the {label} span {text} was changed or deleted elsewhere"),
                            label=span.label,
                            text=repr(span.text),
                        )
                    )
                self._changed(conn.execute("DELETE FROM spans WHERE id = %s", [span.id]).rowcount, "the span")
            case ChangeSpan(before, after):
                if _stored_span(conn, before.id) != before:
                    raise EditConflictError(
                        said(
                            QT_TRANSLATE_NOOP("Said", "the {label} span {text} was changed or deleted elsewhere"),
                            label=before.label,
                            text=repr(before.text),
                        )
                    )
                cursor = conn.execute(_UPDATE_SPAN, (*_span_values(after, "")[1:], before.id))
                self._changed(cursor.rowcount, "the span")
            case AddRelation(relation):
                self._ensure_annotator(conn, relation.annotator)
                conn.execute(_INSERT_RELATION, _relation_values(relation))
            case RemoveRelation(relation):
                cursor = conn.execute("DELETE FROM relations WHERE id = %s", [relation.id])
                if cursor.rowcount != 1:
                    raise EditConflictError(
                        said(
                            QT_TRANSLATE_NOOP("Said", "the {label} relation was deleted elsewhere"),
                            label=relation.label,
                        )
                    )
            case Batch(_, edits):
                for part in edits:
                    self._apply(conn, part)
            case RecordDecision(decision):
                conn.execute(
                    "INSERT INTO review_decisions (document_id, layer_a, layer_b, unit, choice, source_span, "
                    "gold_span, decided_by, decided_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [
                        decision.document_id,
                        decision.layer_a,
                        decision.layer_b,
                        decision.unit,
                        decision.choice.value,
                        decision.source_span,
                        decision.gold_span,
                        decision.decided_by,
                        decision.decided_at,
                    ],
                )
            case UnrecordDecision(decision):
                if _stored_decision(conn, decision) != decision:
                    raise EditConflictError("the review decision was changed or taken back elsewhere")
                conn.execute(
                    "DELETE FROM review_decisions WHERE document_id = %s AND layer_a = %s AND layer_b = %s "
                    "AND unit = %s",
                    [decision.document_id, decision.layer_a, decision.layer_b, decision.unit],
                )

    def resource(self, name: str) -> str | None:
        row = self._read(
            lambda c: c.execute("SELECT content FROM project_resources WHERE name = %s", [name]).fetchone()
        )
        return None if row is None else str(row[0])

    def set_resource(self, name: str, text: str, annotator: str, at: str, *, logged: bool = True) -> None:
        with self.writing() as conn:
            row = conn.execute("SELECT content FROM project_resources WHERE name = %s FOR UPDATE", [name]).fetchone()
            previous = None if row is None else str(row[0])
            conn.execute(
                """
                INSERT INTO project_resources (name, content, updated_at) VALUES (%s, %s, %s)
                ON CONFLICT (name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
                """,
                [name, text, at],
            )
            if logged:
                self._log(conn, at, annotator, None, f"Change {name}", previous, text)

    def update_resource(self, name: str, change: Callable[[str | None], str], annotator: str, at: str) -> str:
        """Store ``change(stored text)`` in one transaction, the row locked so no other writer comes between."""
        with self.writing() as conn:
            row = conn.execute("SELECT content FROM project_resources WHERE name = %s FOR UPDATE", [name]).fetchone()
            previous = None if row is None else str(row[0])
            text = change(previous)
            conn.execute(
                """
                INSERT INTO project_resources (name, content, updated_at) VALUES (%s, %s, %s)
                ON CONFLICT (name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
                """,
                [name, text, at],
            )
            self._log(conn, at, annotator, None, f"Change {name}", previous, text)
        return text

    def is_own_file(self, path: Path) -> bool:
        return False  # the project lives on the server: no local file of it to protect

    def save_copy(self, target: Path) -> None:
        template = QT_TRANSLATE_NOOP(
            "Said",
            "{place} is kept on its server, which keeps its own backups; to have it in one file, "
            "pull it into a new local project: hashiya pull --from URL --db {target}",
        )
        raise ProjectError(said(template, place=self.location, target=target))

    def edit_log(self, document_id: str | None = None) -> list[dict[str, str | None]]:
        where = "" if document_id is None else "WHERE document_id = %s"
        rows = self._read(
            lambda c: c.execute(
                f"SELECT at, annotator, document_id, action, before, after FROM edit_log {where} ORDER BY id".encode(),
                [] if document_id is None else [document_id],
            ).fetchall()
        )
        keys = ("at", "annotator", "document_id", "action", "before", "after")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def span_ids(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        rows = self._read(
            lambda c: c.execute("SELECT id, document_id, annotator FROM spans WHERE id = ANY(%s)", [ids]).fetchall()
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def replace_layers(
        self, documents: list[Document], layers: list[Layer], by: str, at: str, *, undoing: str | None = None
    ) -> None:
        try:
            with self.writing() as conn:
                self.replace_layers_in(conn, documents, layers, by, at, undoing=undoing)
        except (errors.IntegrityError, errors.ForeignKeyViolation, errors.CheckViolation) as error:
            template = QT_TRANSLATE_NOOP("Said", "the import does not fit the project ({error}); nothing was imported")
            raise ProjectError(said(template, error=str(error).strip())) from None

    def replace_layers_in(
        self,
        conn: Connection,
        documents: list[Document],
        layers: list[Layer],
        by: str,
        at: str,
        *,
        log: bool = True,
        undoing: str | None = None,
    ) -> None:
        """``replace_layers`` inside the caller's transaction on ``conn``; ``log=False`` when the caller logs."""
        self.insert_documents(conn, documents)
        self._ensure_annotator(conn, by)
        for layer in layers:
            self._ensure_annotator(conn, layer.annotator)
            key = [layer.document_id, layer.annotator]
            replaced = self._layer_state(layer.document_id, layer.annotator) if log else None
            conn.execute("DELETE FROM relations WHERE document_id = %s AND annotator = %s", key)
            conn.execute("DELETE FROM spans WHERE document_id = %s AND annotator = %s", key)
            with conn.cursor() as cursor:
                if layer.spans:
                    cursor.executemany(_INSERT_SPAN, [_span_values(s, at) for s in layer.spans])
                if layer.relations:
                    cursor.executemany(_INSERT_RELATION, [_relation_values(r) for r in layer.relations])
            conn.execute(_UPSERT_STATUS, [layer.document_id, layer.annotator, layer.status.value, at])
            if log:
                count = len(layer.spans)
                action = import_action(count, layer.annotator)
                if undoing is not None:
                    action = undo_action(undoing, count, layer.annotator)
                self._log(conn, at, by, layer.document_id, action, replaced, None)

    def _layer_state(self, document_id: str, annotator: str) -> str | None:
        """What a layer holds now, as the edit log keeps what an import replaces."""
        return layer_state(
            self.spans(document_id, annotator),
            self.relations(document_id, annotator),
            self.status(document_id, annotator),
        )

    def annotators(self) -> list[str]:
        rows = self._read(lambda c: c.execute('SELECT name FROM annotators ORDER BY name COLLATE "C"').fetchall())
        return [row[0] for row in rows]

    def decisions(self, document_id: str, layer_a: str | None = None, layer_b: str | None = None) -> list[Decision]:
        if layer_a is None or layer_b is None:
            rows = self._read(
                lambda c: c.execute(
                    "SELECT document_id, layer_a, layer_b, unit, choice, source_span, gold_span, "
                    "decided_by, decided_at FROM review_decisions WHERE document_id = %s "
                    'ORDER BY layer_a COLLATE "C", layer_b COLLATE "C", unit COLLATE "C"',
                    [document_id],
                ).fetchall()
            )
        else:
            rows = self._read(
                lambda c: c.execute(
                    "SELECT document_id, layer_a, layer_b, unit, choice, source_span, gold_span, "
                    "decided_by, decided_at FROM review_decisions "
                    'WHERE document_id = %s AND layer_a = %s AND layer_b = %s ORDER BY unit COLLATE "C"',
                    [document_id, layer_a, layer_b],
                ).fetchall()
            )
        return [_decision(row) for row in rows]


_DECISION_KEYS = (
    "document_id",
    "layer_a",
    "layer_b",
    "unit",
    "choice",
    "source_span",
    "gold_span",
    "decided_by",
    "decided_at",
)


def _stored_span(conn: Connection, span_id: str) -> Span | None:
    row = conn.execute(f"SELECT {_SPAN_COLUMNS}, document_id, annotator FROM spans WHERE id = %s", [span_id]).fetchone()
    if row is None:
        return None
    id_, kind, label, start, end, text, attrs, ref, note, made, edited, document_id, annotator = row
    fields = (id_, document_id, annotator, _SPAN_KINDS[kind], label, start, end, text, _attributes(attrs))
    [span] = spans_from_fields([(*fields, ref, note, made, edited)])
    return span


def _stored_decision(conn: Connection, decision: Decision) -> Decision | None:
    row = conn.execute(
        "SELECT document_id, layer_a, layer_b, unit, choice, source_span, gold_span, decided_by, decided_at "
        "FROM review_decisions WHERE document_id = %s AND layer_a = %s AND layer_b = %s AND unit = %s",
        [decision.document_id, decision.layer_a, decision.layer_b, decision.unit],
    ).fetchone()
    return None if row is None else _decision(row)


def _decision(row: tuple[Any, ...]) -> Decision:
    return decision_from_row(dict(zip(_DECISION_KEYS, row, strict=True)))
