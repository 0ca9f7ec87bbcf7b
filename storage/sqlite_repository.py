"""The Repository of ``annotator.repository`` over one SQLite project file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.model import Document, DocumentStatus, DocumentSummary, Relation, Span, SpanKind
from annotator.project import now_iso
from annotator.repository import ProjectError
from storage.database import open_database


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def span_from_row(row: dict[str, Any]) -> Span:
    return Span(
        id=row["id"],
        document_id=row["document_id"],
        annotator=row["annotator"],
        kind=SpanKind(row["kind"]),
        label=row["label"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        attributes=json.loads(row["attributes"]),
        ref=row["ref"],
        note=row["note"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def relation_from_row(row: dict[str, Any]) -> Relation:
    return Relation(
        id=row["id"],
        document_id=row["document_id"],
        annotator=row["annotator"],
        label=row["label"],
        head=row["head"],
        tail=row["tail"],
        attributes=json.loads(row["attributes"]),
    )


class SqliteRepository:
    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path) -> SqliteRepository:
        return cls(open_database(path), path)

    @property
    def location(self) -> str:
        return str(self.path)

    def close(self) -> None:
        self.db.close()

    def data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def list_documents(self, annotator: str) -> list[DocumentSummary]:
        rows = self.db.execute(
            """
            SELECT d.id, d.title, length(d.text), coalesce(s.status, 'new')
            FROM documents d
            LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator = ?
            ORDER BY d.position
            """,
            [annotator],
        ).fetchall()
        return [DocumentSummary(id=r[0], title=r[1], length=r[2], status=DocumentStatus(r[3])) for r in rows]

    def get_document(self, document_id: str) -> Document:
        rows = list(self.db.table("documents").rows_where("id = ?", [document_id]))
        if not rows:
            raise ProjectError(f"there is no document {document_id!r} in {self.path}")
        row = rows[0]
        return Document(
            id=row["id"],
            title=row["title"],
            source=row["source"],
            text=row["text"],
            text_sha256=row["text_sha256"],
            metadata=json.loads(row["metadata"]),
            created_at=row["created_at"],
        )

    def find_document_by_sha256(self, text_sha256: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE text_sha256 = ?", [text_sha256]).fetchone()
        return None if row is None else str(row[0])

    def add_documents(self, documents: list[Document]) -> None:
        if not documents:
            return
        with self.db.atomic():
            position = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM documents").fetchone()[0]
            self.db.table("documents").insert_all(
                {
                    "id": d.id,
                    "title": d.title,
                    "source": d.source,
                    "text": d.text,
                    "text_sha256": d.text_sha256,
                    "metadata": _json(d.metadata),
                    "created_at": d.created_at,
                    "position": position + index,
                }
                for index, d in enumerate(documents)
            )

    def spans(self, document_id: str, annotator: str) -> list[Span]:
        rows = self.db.table("spans").rows_where(
            "document_id = ? AND annotator = ?", [document_id, annotator], order_by='start, "end" DESC, id'
        )
        return [span_from_row(row) for row in rows]

    def relations(self, document_id: str, annotator: str) -> list[Relation]:
        rows = self.db.table("relations").rows_where("document_id = ? AND annotator = ?", [document_id, annotator])
        return [relation_from_row(row) for row in rows]

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
