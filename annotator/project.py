"""The application service the UI and the command line talk to (DESIGN.md section 1)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.edits import AddRelation, AddSpan, ChangeSpan, Edit, RemoveRelation, RemoveSpan, document_of, layer_of
from annotator.model import (
    Document,
    DocumentStatus,
    DocumentSummary,
    OffsetError,
    Relation,
    Span,
    check_offsets,
    new_id,
)
from annotator.registry import Registry, load_default_registry
from annotator.repository import ProjectError, Repository
from annotator.resource_merge import MergeConflict, merge_registries, merge_schemas
from annotator.said import QT_TRANSLATE_NOOP, Said, SaidError, said
from annotator.schema import Schema, load_default_schema
from annotator.text import text_sha256
from annotator.text_import import IncomingText, TextImportError, read_texts

SCHEMA_RESOURCE = "schema"
REGISTRY_RESOURCE = "registry"


class InvalidEditError(SaidError, ValueError):
    """An edit the schema or the text does not allow; the message is for the user."""


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
        try:
            self.schema = self._load_schema()
            self.registry = self._load_registry()
        except ProjectError:
            repository.close()  # the project is refused: nothing may keep it open
            raise
        self._documents: dict[str, Document] = {}

    def _load_schema(self) -> Schema:
        stored = self.repository.resource(SCHEMA_RESOURCE)
        if stored is not None:
            try:
                return Schema.from_json(stored)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                template = QT_TRANSLATE_NOOP("Said", "{place}: the stored schema is damaged ({error}).")
                raise ProjectError(said(template, place=self.location, error=error)) from None
        schema = load_default_schema()
        self.repository.set_resource(SCHEMA_RESOURCE, schema.to_json(), self.annotator, now_iso())
        return schema

    def _load_registry(self) -> Registry:
        stored = self.repository.resource(REGISTRY_RESOURCE)
        if stored is not None:
            try:
                return Registry.from_json(stored)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                template = QT_TRANSLATE_NOOP("Said", "{place}: the stored registry is damaged ({error}).")
                raise ProjectError(said(template, place=self.location, error=error)) from None
        registry = load_default_registry()
        self.repository.set_resource(REGISTRY_RESOURCE, registry.to_json(), self.annotator, now_iso())
        return registry

    def set_schema(self, schema: Schema) -> None:
        problems = schema.validate()
        if problems:
            raise InvalidEditError("; ".join(problems))
        base = self.schema

        def merged(stored: str | None) -> str:
            theirs = base if stored is None else Schema.from_json(stored)
            result = schema if theirs == base else merge_schemas(base, schema, theirs)
            problems = result.validate()
            if problems:
                raise InvalidEditError("; ".join(problems))
            return result.to_json()

        try:
            saved = self.repository.update_resource(SCHEMA_RESOURCE, merged, self.annotator, now_iso())
        except MergeConflict as conflict:
            raise InvalidEditError(conflict.said or str(conflict)) from None
        self.schema = schema if saved == schema.to_json() else Schema.from_json(saved)

    def set_registry(self, registry: Registry) -> None:
        problems = registry.validate()
        if problems:
            raise InvalidEditError("; ".join(problems))
        base = self.registry

        def merged(stored: str | None) -> str:
            theirs = base if stored is None else Registry.from_json(stored)
            result = registry if theirs == base else merge_registries(base, registry, theirs)
            problems = result.validate()
            if problems:
                raise InvalidEditError("; ".join(problems))
            return result.to_json()

        try:
            saved = self.repository.update_resource(REGISTRY_RESOURCE, merged, self.annotator, now_iso())
        except MergeConflict as conflict:
            raise InvalidEditError(conflict.said or str(conflict)) from None
        self.registry = registry if saved == registry.to_json() else Registry.from_json(saved)

    @property
    def location(self) -> str:
        return self.repository.location

    def refuse_own_file(self, path: Path) -> None:
        """ProjectError if ``path`` is the project's own file or log: opening it any other way drops its locks."""
        if self.repository.is_own_file(path):
            template = QT_TRANSLATE_NOOP(
                "Said", "{path} is this project's own file; it is not read or written except as the open project."
            )
            raise ProjectError(said(template, path=path))

    def save_copy(self, target: Path) -> None:
        """One self-contained copy of the whole project at ``target`` (what its log holds included)."""
        self.repository.save_copy(target)

    def close(self) -> None:
        self.repository.close()

    def documents(self) -> list[DocumentSummary]:
        return self.repository.list_documents(self.annotator)

    def document(self, document_id: str) -> Document:
        cached = self._documents.get(document_id)
        if cached is None:
            cached = self._documents[document_id] = self.repository.get_document(document_id)
        return cached

    def spans(self, document_id: str, annotator: str | None = None) -> list[Span]:
        return self.repository.spans(document_id, annotator or self.annotator)

    def spans_in(self, document_id: str, start: int, end: int, annotator: str | None = None) -> list[Span]:
        """The layer's spans that overlap ``[start, end)`` of the text, in reading order."""
        return self.repository.spans_in(document_id, annotator or self.annotator, start, end)

    def relations(self, document_id: str, annotator: str | None = None) -> list[Relation]:
        return self.repository.relations(document_id, annotator or self.annotator)

    # -- building edits: each is checked here and applied by ``apply`` -----------------------------

    def add_span(self, document_id: str, start: int, end: int, label: str, ref: str | None = None) -> AddSpan:
        if not self.schema.has_label(label):
            raise InvalidEditError(_no_label(label))
        text = self.document(document_id).text
        try:
            check_offsets(text, start, end, text[start:end])
        except OffsetError as error:
            raise InvalidEditError(str(error)) from None
        spec = self.schema.label(label)
        at = now_iso()
        added = AddSpan(
            Span(
                id=new_id(),
                document_id=document_id,
                annotator=self.annotator,
                kind=spec.kind,
                label=label,
                start=start,
                end=end,
                text=text[start:end],
                attributes=dict(spec.defaults()),
                ref=ref,
                created_at=at,
                updated_at=at,
            )
        )
        known = self.registry.exact_link(added.span.text, label) if ref is None else None
        return AddSpan(self.link(added.span, known).after) if known is not None else added

    def delete_span(self, span: Span) -> RemoveSpan:
        attached = tuple(r for r in self.relations(span.document_id, span.annotator) if span.id in (r.head, r.tail))
        return RemoveSpan(span, attached)

    def relabel(self, span: Span, label: str) -> ChangeSpan:
        if not self.schema.has_label(label):
            raise InvalidEditError(_no_label(label))
        spec = self.schema.label(label)
        attributes = {k: v for k, v in span.attributes.items() if any(a.name == k for a in spec.attributes)}
        return self._change(span, label=label, kind=spec.kind, attributes=self.schema.with_defaults(spec, attributes))

    def resize(self, span: Span, start: int, end: int) -> ChangeSpan:
        text = self.document(span.document_id).text
        try:
            check_offsets(text, start, end, text[start:end])
        except OffsetError as error:
            raise InvalidEditError(str(error)) from None
        return self._change(span, start=start, end=end, text=text[start:end])

    def set_attribute(self, span: Span, name: str, value: str | None) -> ChangeSpan:
        attributes = {**span.attributes, name: value}
        problems = self.schema.validate_attributes(span.label, attributes, self.registry.treaty_ids())
        if problems:
            raise InvalidEditError("; ".join(problems))
        return self._change(span, attributes=attributes)

    def link(self, span: Span, ref: str | None) -> ChangeSpan:
        if ref is not None and ref not in self.registry:
            template = QT_TRANSLATE_NOOP("Said", "the registry has no entry {ref}")
            raise InvalidEditError(said(template, ref=repr(ref)))
        attributes = dict(span.attributes)
        if "treaty" in attributes or any(a.name == "treaty" for a in self.schema.label(span.label).attributes):
            attributes["treaty"] = ref if ref in self.registry.treaty_ids() else None
        return self._change(span, ref=ref, attributes=attributes)

    def set_note(self, span: Span, note: str) -> ChangeSpan:
        return self._change(span, note=note)

    def _change(self, span: Span, **changes: Any) -> ChangeSpan:
        return ChangeSpan(span, replace(span, updated_at=now_iso(), **changes))

    def add_relation(self, label: str, head: Span, tail: Span) -> AddRelation:
        if head.id == tail.id:
            raise InvalidEditError(said(QT_TRANSLATE_NOOP("Said", "a span cannot be related to itself")))
        problems = self.schema.validate_relation(label, head.kind, tail.kind)
        if problems:
            raise InvalidEditError("; ".join(problems))
        for existing in self.relations(head.document_id, head.annotator):
            if (existing.label, existing.head, existing.tail) == (label, head.id, tail.id):
                template = QT_TRANSLATE_NOOP("Said", "{tail} is already the {label} of {head}")
                raise InvalidEditError(said(template, tail=repr(tail.text), label=label, head=repr(head.text)))
        return AddRelation(
            Relation(
                id=new_id(),
                document_id=head.document_id,
                annotator=head.annotator,
                label=label,
                head=head.id,
                tail=tail.id,
            )
        )

    def delete_relation(self, relation: Relation) -> RemoveRelation:
        return RemoveRelation(relation)

    def apply(self, edit: Edit) -> None:
        """Commit ``edit`` to the project file in its own transaction, logged under this annotator.

        The first edit of the analyst's own layer on a new document marks it in progress."""
        self.repository.apply(edit, self.annotator, now_iso())
        document = document_of(edit)
        if document is not None and layer_of(edit) == self.annotator and self.status(document) is DocumentStatus.NEW:
            self.set_status(document, DocumentStatus.IN_PROGRESS)

    def import_paths(self, paths: Iterable[Path]) -> ImportSummary:
        paths = list(paths)
        for path in paths:
            self.refuse_own_file(path)
        return self.import_texts(read_texts(paths))

    def import_texts(self, texts: Iterable[IncomingText]) -> ImportSummary:
        """Add texts not yet in the project; a text seen before (same SHA-256) is recognised and skipped."""
        new: list[Document] = []
        added: list[str] = []
        present: list[str] = []
        seen: dict[str, str] = {}
        for incoming in texts:
            sha = text_sha256(incoming.text)
            existing = self.repository.find_document_by_sha256(sha)
            if existing is not None or sha in seen:
                present.append(existing or seen[sha])
                continue
            document_id = incoming.doc_id or document_id_for(sha)
            if incoming.doc_id and (document_id in added or self._has_document(document_id)):
                raise TextImportError([f"{incoming.source}: id {document_id!r} is the id of another document"])
            seen[sha] = document_id
            document = Document(
                id=document_id,
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

    def _has_document(self, document_id: str) -> bool:
        try:
            self.document(document_id)
        except ProjectError:
            return False
        return True

    def status(self, document_id: str) -> DocumentStatus:
        return self.repository.status(document_id, self.annotator)

    def set_status(self, document_id: str, status: DocumentStatus) -> None:
        self.repository.set_status(document_id, self.annotator, status)


def _no_label(label: str) -> Said:
    return said(QT_TRANSLATE_NOOP("Said", "the schema has no label {label}"), label=repr(label))
