"""Moving layers between a project and exchange files (DESIGN.md sections 6 and 7).

Export turns a project's layers into records and hands them to a format's writer. Import reads
a whole file first (the reader rejects it whole if anything is wrong), then stores every layer
in one transaction: a file is imported completely or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from operator import attrgetter
from pathlib import Path

from annotator.formats import (
    DoccanoShape,
    DocumentRecord,
    ExportReport,
    ImportFailed,
    ImportFormat,
    Problem,
    read_file,
    validate,
    write_brat,
    write_conll,
    write_doccano,
    write_labelstudio,
    write_native,
    write_spacy,
)
from annotator.model import Document, Layer, Relation, Span, SpanKind
from annotator.project import Project, document_id_for, now_iso

_span_id = attrgetter("id")

# Span ids that clash with another layer's are replaced by ids derived from the layer and the old id.
_ID_NAMESPACE = uuid.UUID("7f5d2c1e-3b8a-4e61-9a4f-2d7c8b1e0a55")


class ExportFormat(StrEnum):
    NATIVE = "native"
    SPACY = "spacy"
    DOCCANO = "doccano"
    DOCCANO_LABELS = "doccano-labels"
    LABELSTUDIO = "labelstudio"
    BRAT = "brat"
    CONLL = "conll"


WRITERS: dict[ExportFormat, Callable[[Iterable[DocumentRecord], Path], ExportReport]] = {
    ExportFormat.NATIVE: write_native,
    ExportFormat.SPACY: write_spacy,
    ExportFormat.DOCCANO: lambda records, path: write_doccano(records, path, DoccanoShape.ENTITIES),
    ExportFormat.DOCCANO_LABELS: lambda records, path: write_doccano(records, path, DoccanoShape.LABELS),
    ExportFormat.LABELSTUDIO: write_labelstudio,
    ExportFormat.BRAT: write_brat,
    ExportFormat.CONLL: write_conll,
}


@dataclass(frozen=True)
class ImportSummary:
    documents_added: int
    layers: int
    spans: int
    relations: int
    annotators: tuple[str, ...]


def chosen_documents(project: Project, document_ids: Iterable[str] | None = None) -> list[str]:
    """The ids asked for, checked, or every document in project order."""
    if document_ids is None:
        return [d.id for d in project.documents()]
    wanted = list(document_ids)
    for document_id in wanted:
        project.document(document_id)  # raises ProjectError naming an unknown id
    return wanted


def iter_layer_records(project: Project, annotator: str, document_ids: Iterable[str]) -> Iterator[DocumentRecord]:
    for document_id in document_ids:
        document = project.document(document_id)
        yield (
            DocumentRecord(
                doc_id=document.id,
                title=document.title,
                text=document.text,
                text_sha256=document.text_sha256,
                annotator=annotator,
                status=project.repository.status(document.id, annotator),
                spans=tuple(project.spans(document.id, annotator)),
                relations=tuple(project.relations(document.id, annotator)),
                meta=dict(document.metadata),
            )
        )


def layer_records(project: Project, annotator: str, document_ids: Iterable[str] | None = None) -> list[DocumentRecord]:
    """Every chosen document (all by default, in project order) with ``annotator``'s layer on it."""
    return list(iter_layer_records(project, annotator, chosen_documents(project, document_ids)))


def export_layer(
    project: Project,
    fmt: ExportFormat,
    target: Path,
    annotator: str,
    document_ids: Iterable[str] | None = None,
) -> ExportReport:
    project.refuse_own_file(target)
    return WRITERS[fmt](layer_records(project, annotator, document_ids), target)


def document_layer_counts(project: Project) -> dict[str, dict[str, int]]:
    """Spans per label for each annotator over the whole project."""
    counts: dict[str, dict[str, int]] = {}
    for annotator in project.repository.annotators():
        per_label: dict[str, int] = {}
        for document in project.documents():
            for span in project.spans(document.id, annotator):
                per_label[span.label] = per_label.get(span.label, 0) + 1
        if per_label:
            counts[annotator] = dict(sorted(per_label.items()))
    return counts


def _labels(project: Project) -> tuple[dict[str, SpanKind], frozenset[str]]:
    labels = {label.name: label.kind for label in project.schema.labels}
    relations = frozenset(relation.name for relation in project.schema.relations)
    return labels, relations


def validate_file(project: Project, path: Path, fmt: ImportFormat | None = None) -> list[Problem]:
    project.refuse_own_file(path)
    labels, relations = _labels(project)
    problems = validate(path, labels, relations, fmt)
    if problems:
        return problems
    try:
        records = read_file(path, None, fmt, labels, relations)
    except ImportFailed as failure:
        return failure.problems
    return schema_problems(project, records, path)


def read_records(
    project: Project, path: Path, fmt: ImportFormat | None = None, annotator: str | None = None
) -> list[DocumentRecord]:
    project.refuse_own_file(path)
    labels, relations = _labels(project)
    records = read_file(path, annotator, fmt, labels, relations)
    problems = schema_problems(project, records, path)
    if problems:
        raise ImportFailed(problems)
    return records


def schema_problems(project: Project, records: list[DocumentRecord], path: Path) -> list[Problem]:
    """Span attributes the project's schema does not allow, references its registry does not hold, and
    a text's layer given twice."""
    treaty_ids = project.registry.treaty_ids()
    problems: list[Problem] = []
    first_of: dict[tuple[str, str], int] = {}
    for number, record in enumerate(records, start=1):
        first = first_of.setdefault((record.text_sha256, record.annotator), number)
        if first != number:
            message = f"record {first} holds layer {record.annotator!r} of the same text; the second would replace it"
            problems.append(Problem(str(path), None, f"record {number} ({record.doc_id})", message))
        for span in record.spans:
            where = f"record {number} ({record.doc_id}), span {span.id}"
            for problem in project.schema.validate_attributes(span.label, span.attributes, treaty_ids):
                problems.append(Problem(str(path), None, f"{where}: attrs", problem))
            if span.ref is not None and span.ref not in project.registry:
                message = f"the registry has no entry {span.ref[:80]!r}"
                problems.append(Problem(str(path), None, f"{where}: ref", message))
    return problems


def import_file(
    project: Project, path: Path, fmt: ImportFormat | None = None, annotator: str | None = None
) -> ImportSummary:
    """Read ``path`` whole, then store its layers (into ``annotator`` when given) in one transaction."""
    return import_records(project, read_records(project, path, fmt, annotator), annotator)


def import_records(project: Project, records: list[DocumentRecord], annotator: str | None = None) -> ImportSummary:
    """Store each record's layer: its document is matched by text hash, or created with its text."""
    new_documents: dict[str, Document] = {}
    layers: list[Layer] = []
    incoming_ids = [span.id for record in records for span in record.spans]
    taken = project.repository.span_ids(incoming_ids)
    seen: dict[tuple[str, str], int] = {}
    for number, record in enumerate(records, start=1):
        document_id = project.repository.find_document_by_sha256(record.text_sha256)
        if document_id is None:
            document_id = document_id_for(record.text_sha256)
            if document_id not in new_documents:
                new_documents[document_id] = Document(
                    id=document_id,
                    title=record.title,
                    source=f"import:{record.doc_id}",
                    text=record.text,
                    text_sha256=record.text_sha256,
                    metadata=dict(record.meta),
                    created_at=now_iso(),
                )
        layer_name = annotator or record.annotator
        if (document_id, layer_name) in seen:
            first = seen[(document_id, layer_name)]
            raise ValueError(
                f"records {first} and {number} both hold layer {layer_name!r} of the same text "
                f"({record.title!r}); the second would replace the first, so nothing was imported"
            )
        seen[(document_id, layer_name)] = number
        layer = _layer(record, document_id, layer_name, taken)
        # Ids given in this file are taken too: two records must not share one (a file whose
        # items carry no ids gets ids derived from positions, which can repeat across records).
        taken.update(dict.fromkeys(map(_span_id, layer.spans), (document_id, layer_name)))
        layers.append(layer)
    project.repository.replace_layers(list(new_documents.values()), layers, project.annotator, now_iso())
    return ImportSummary(
        documents_added=len(new_documents),
        layers=len(layers),
        spans=sum(len(layer.spans) for layer in layers),
        relations=sum(len(layer.relations) for layer in layers),
        annotators=tuple(sorted({layer.annotator for layer in layers})),
    )


def _layer(record: DocumentRecord, document_id: str, annotator: str, taken: dict[str, tuple[str, str]]) -> Layer:
    """The record's layer on ``document_id`` under ``annotator``.

    The importers build checked spans and relations already: only the ones whose id, document or
    layer changes are rebuilt. Spans without timestamps are stamped by ``replace_layers``.
    """
    renamed: dict[str, str] = {}
    spans: list[Span] = []
    for span in record.spans:
        owner = taken.get(span.id)
        new_id = span.id
        if owner is not None and owner != (document_id, annotator):
            new_id = str(uuid.uuid5(_ID_NAMESPACE, f"{annotator}\x00{document_id}\x00{span.id}"))
            renamed[span.id] = new_id
        if new_id != span.id or span.document_id != document_id or span.annotator != annotator:
            span = replace(span, id=new_id, document_id=document_id, annotator=annotator)
        spans.append(span)
    # A layer copied under another name gets new relation ids along with its new span ids.
    copied = bool(renamed)
    relations: list[Relation] = []
    for relation in record.relations:
        new_id = str(uuid.uuid5(_ID_NAMESPACE, f"{annotator}\x00{relation.id}")) if copied else relation.id
        head, tail = renamed.get(relation.head, relation.head), renamed.get(relation.tail, relation.tail)
        if (new_id, document_id, annotator, head, tail) != (
            relation.id,
            relation.document_id,
            relation.annotator,
            relation.head,
            relation.tail,
        ):
            relation = replace(relation, id=new_id, document_id=document_id, annotator=annotator, head=head, tail=tail)
        relations.append(relation)
    return Layer(document_id, annotator, record.status, tuple(spans), tuple(relations))
