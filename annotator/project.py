"""The application service the UI and the command line talk to (DESIGN.md section 1)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.model import Document, DocumentStatus, DocumentSummary
from annotator.repository import Repository
from annotator.text import text_sha256
from annotator.text_import import IncomingText, read_texts


@dataclass(frozen=True)
class ImportSummary:
    added: list[str]
    already_present: list[str]


def document_id_for(sha256: str) -> str:
    """Stable across projects, so teammates' files for the same text meet on the same id."""
    return sha256[:16]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Project:
    """One open project file, seen by one annotator."""

    def __init__(self, repository: Repository, annotator: str) -> None:
        self.repository = repository
        self.annotator = annotator

    @property
    def location(self) -> str:
        return self.repository.location

    def close(self) -> None:
        self.repository.close()

    def documents(self) -> list[DocumentSummary]:
        return self.repository.list_documents(self.annotator)

    def document(self, document_id: str) -> Document:
        return self.repository.get_document(document_id)

    def import_paths(self, paths: Iterable[Path]) -> ImportSummary:
        return self.import_texts(read_texts(paths))

    def import_texts(self, texts: Iterable[IncomingText]) -> ImportSummary:
        """Add texts not yet in the project; a text seen before (same SHA-256) is recognised and skipped."""
        new: list[Document] = []
        added: list[str] = []
        present: list[str] = []
        seen: set[str] = set()
        for incoming in texts:
            sha = text_sha256(incoming.text)
            existing = self.repository.find_document_by_sha256(sha)
            if existing is not None or sha in seen:
                present.append(existing or document_id_for(sha))
                continue
            seen.add(sha)
            document = Document(
                id=document_id_for(sha),
                title=incoming.title,
                source=incoming.source,
                text=incoming.text,
                text_sha256=sha,
                metadata=incoming.metadata,
                created_at=now_iso(),
            )
            new.append(document)
            added.append(document.id)
        self.repository.add_documents(new)
        return ImportSummary(added=added, already_present=present)

    def status(self, document_id: str) -> DocumentStatus:
        return self.repository.status(document_id, self.annotator)

    def set_status(self, document_id: str, status: DocumentStatus) -> None:
        self.repository.set_status(document_id, self.annotator, status)
