"""What the application needs from a project store. ``storage`` implements it with SQLite."""

from __future__ import annotations

from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from annotator.edits import Decision, Edit
from annotator.model import Document, DocumentStatus, DocumentSummary, Extent, Layer, Relation, Span
from annotator.said import SaidError
from annotator.search import FoldedCorpus


class ProjectError(SaidError):
    """A project file that cannot be opened or written; the message is for the user."""


class EditConflictError(ProjectError):
    """The project changed under an edit (another window or process got there first)."""


class CorpusReads(Protocol):
    """Reads over every document at once, kept current in the store: what each layer tagged, label counts."""

    def tagged_elsewhere(self, annotator: str, document_id: str) -> list[tuple[str, str, str | None]]:
        """(text, label, registry id) of each entity or treaty reference that ``annotator`` tagged in
        a document other than ``document_id``, without duplicates (kept current in the store)."""
        ...

    def tagged_elsewhere_keyed(
        self, annotator: str, document_id: str, first_pieces: Collection[str]
    ) -> list[tuple[str, str, str | None, str]]:
        """``tagged_elsewhere`` with each text's ``surface_key``, for the keys whose first piece
        (``suggestion_scan.first_piece``) is among ``first_pieces``: the others cannot occur in
        a document whose ``first_pieces`` these are."""
        ...

    def label_counts(self) -> list[tuple[str, str, int]]:
        """(annotator, label, number of spans) for every label some layer uses."""
        ...


class Repository(CorpusReads, Protocol):
    @property
    def location(self) -> str: ...

    def close(self) -> None: ...

    def wait_for_checks(self, timeout: float | None = None) -> bool:
        """Wait for the checks of the store still running beside the reads; ProjectError if they failed.

        What was read before is shown only after this returned. With a ``timeout`` (seconds): False
        if they are still running then."""
        ...

    def is_own_file(self, path: Path) -> bool:
        """Whether ``path`` is one of the project's own files, which nothing but the store may open."""
        ...

    def save_copy(self, target: Path) -> None:
        """Write the whole project into one self-contained file at ``target``, or nothing there."""
        ...

    def data_version(self) -> int:
        """Changes whenever another connection commits to the project."""
        ...

    def list_documents(self, annotator: str) -> list[DocumentSummary]: ...

    def get_document(self, document_id: str) -> Document: ...

    def folded_corpus(self) -> FoldedCorpus:
        """Every document's folded text, as kept in the store, for corpus search."""
        ...

    def find_document_by_sha256(self, text_sha256: str) -> str | None: ...

    def add_documents(self, documents: list[Document]) -> None:
        """Add all of them in one transaction, or none."""
        ...

    def spans(self, document_id: str, annotator: str) -> list[Span]:
        """The layer's spans in reading order."""
        ...

    def spans_in(self, document_id: str, annotator: str, start: int, end: int) -> list[Span]:
        """The layer's spans that overlap ``[start, end)``, in reading order."""
        ...

    def extents(self, document_id: str, annotator: str) -> list[Extent]:
        """The start, end and label of each of the layer's spans in reading order (nothing else is read)."""
        ...

    def relations(self, document_id: str, annotator: str) -> list[Relation]: ...

    def status(self, document_id: str, annotator: str) -> DocumentStatus: ...

    def set_status(self, document_id: str, annotator: str, status: DocumentStatus) -> None: ...

    def apply(self, edit: Edit, annotator: str, at: str) -> None:
        """Apply ``edit`` and log it, in one transaction; raise EditConflictError if it no longer fits."""
        ...

    def span(self, span_id: str) -> Span | None: ...

    def span_ids(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        """Which of ``ids`` exist, each with its (document id, annotator)."""
        ...

    def replace_layers(
        self, documents: list[Document], layers: list[Layer], by: str, at: str, *, undoing: str | None = None
    ) -> None:
        """Add ``documents`` and replace each layer's spans, relations and status, in one transaction.

        Each layer is logged with what it replaced (``annotator.import_log``); ``undoing`` names the
        time stamp of the import this takes back.
        """
        ...

    def storing_many(self) -> AbstractContextManager[None]:
        """Around a run of ``replace_layers`` calls that stores one large import step by step: the
        store may keep what those steps share (caches, deferred checkpoints) between them. Each call
        is still its own transaction, as durable when it returns as without it."""
        ...

    def annotators(self) -> list[str]: ...

    def resource(self, name: str) -> str | None:
        """A project-level resource (the schema, the registry) as stored JSON text."""
        ...

    def set_resource(self, name: str, text: str, annotator: str, at: str, *, logged: bool = True) -> None:
        """Store a resource; ``logged=False`` for bookkeeping (a sync cursor), which is nobody's edit."""
        ...

    def update_resource(self, name: str, change: Callable[[str | None], str], annotator: str, at: str) -> str:
        """Store ``change(stored text)`` in one transaction (no other writer in between) and return it."""
        ...

    def edit_log(self, document_id: str | None = None) -> list[dict[str, str | None]]: ...

    def decisions(self, document_id: str, layer_a: str | None = None, layer_b: str | None = None) -> list[Decision]:
        """The review decisions taken on ``document_id`` comparing ``layer_a`` with ``layer_b``; without
        the layers, those of every two layers compared there."""
        ...
