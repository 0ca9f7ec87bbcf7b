"""Moving layers between a project and exchange files (DESIGN.md sections 6 and 7).

Export turns a project's layers into records and hands them to a format's writer. Import checks
a whole file first (the reader rejects it whole if anything is wrong), then stores its layers.
A native file is read a line at a time, twice (checked, then stored in transactions of about
``IMPORT_STEP`` spans, or fewer when one lasts over ``STEP_SECONDS``, so that memory stays flat and
another window's edit waits for one short step, never for the whole import); the other formats
are read whole and stored in one transaction.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from operator import attrgetter
from pathlib import Path

from annotator.formats import (
    DocumentRecord,
    ExportReport,
    ImportFailed,
    ImportFormat,
    OffsetUnit,
    Problem,
    detect_format,
    read_file_noted,
    validate,
)
from annotator.formats.native import FileChanged, iter_native, reread_native
from annotator.formats.table import EXPORTS as EXPORTS
from annotator.formats.table import ExportFormat as ExportFormat
from annotator.formats.table import UnitWriter, Writer
from annotator.import_log import LoggedImport, last_import, layer_from_state
from annotator.model import Document, Layer, Relation, Span, SpanKind, changed, name_id
from annotator.project import Project, document_id_for, now_iso
from annotator.repository import ProjectError
from annotator.schema import Label

_span_id = attrgetter("id")

IMPORT_STEP = 20_000  # spans and relations stored per transaction by a native import, at most
#: How long one of those transactions may last: on a slow or busy machine the steps get smaller, so
#: that another window's edit still waits well under a second.
STEP_SECONDS = 0.5

# Span ids that clash with another layer's are replaced by ids derived from the layer and the old id.
_ID_NAMESPACE = uuid.UUID("7f5d2c1e-3b8a-4e61-9a4f-2d7c8b1e0a55")


WRITERS: dict[ExportFormat, Writer] = {fmt: f.write for fmt, f in EXPORTS.items() if f.write is not None}

#: The formats whose offset unit can be chosen on export (the others are read by Python: code points).
UNIT_WRITERS: dict[ExportFormat, UnitWriter] = {fmt: f.write_in for fmt, f in EXPORTS.items() if f.write_in is not None}


def writer(fmt: ExportFormat, unit: OffsetUnit | None = None) -> Writer:
    """The writer of ``fmt``, counting offsets in ``unit`` when given (doccano and Label Studio only)."""
    if unit is None:
        return WRITERS[fmt]
    if fmt not in UNIT_WRITERS:
        if unit is OffsetUnit.CODEPOINT:
            return WRITERS[fmt]
        raise ValueError(f"{fmt.value} files count code points; --offset-unit is for doccano and labelstudio")
    write = UNIT_WRITERS[fmt]
    return lambda records, path: write(records, path, unit)


class ImportInto(StrEnum):
    """What an import does to a layer that already holds spans or relations on the same text."""

    REPLACE = "replace"  # the file's layer takes its place; ``undo_import`` puts it back
    MERGE = "merge"  # the file's spans and relations not already there (same start, end, label) are added
    NEW_LAYER = "new-layer"  # the file's layer is stored under a new name (``new_layer_name``)


class LayersExist(Exception):
    """The file would replace layers that hold work: the analyst must choose an ``ImportInto``."""

    def __init__(self, layers: list[str]) -> None:
        super().__init__(", ".join(layers))
        self.layers = tuple(layers)


@dataclass(frozen=True)
class ImportWatch:
    """Who follows an import as it goes: told how many records were checked and stored, and asked
    what to do with layers that already hold work.

    ``checked`` may raise (InterruptedError to cancel): nothing is stored until every record is
    checked. ``stored`` is called after each transaction; what it raises ends the import with the
    steps before stored. ``into`` returns None to cancel.
    """

    checked: Callable[[int], None] = lambda records: None
    stored: Callable[[int, int], None] = lambda records, of: None  # ``of`` is 0 while not known
    into: Callable[[tuple[str, ...]], ImportInto | None] | None = None


def _names_asked(
    project: Project,
    layers: list[tuple[str, str]],
    annotator: str | None,
    into: ImportInto | None,
    watch: ImportWatch | None,
) -> tuple[dict[str, str], ImportInto | None]:
    """``layer_names``, and ``into`` as ``watch`` chose it when layers hold work; InterruptedError if cancelled."""
    try:
        return layer_names(project, layers, annotator, into), into
    except LayersExist as exists:
        if watch is None or watch.into is None:
            raise
        into = watch.into(exists.layers)
        if into is None:
            raise InterruptedError("cancelled") from None
        return layer_names(project, layers, annotator, into), into


@dataclass(frozen=True)
class ImportSummary:
    documents_added: int
    layers: int
    spans: int  # stored from the file (with a merge: added)
    relations: int
    annotators: tuple[str, ...]  # the layers stored into, under their new names with NEW_LAYER
    notes: tuple[str, ...] = ()
    at: str = ""  # the import's time stamp in the edit log
    replaced: int = 0  # spans that were in the replaced layers
    already_present: int = 0  # spans of the file a merge found in the layer already
    renamed: tuple[tuple[str, str], ...] = ()  # (the file's layer, the new layer it went into)
    into: ImportInto | None = None  # what was chosen for layers that held work


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
    """Spans per label for each annotator over the whole project, counted by the store."""
    counts: dict[str, dict[str, int]] = {}
    for annotator, label, count in project.repository.label_counts():
        counts.setdefault(annotator, {})[label] = count
    return {annotator: dict(sorted(per_label.items())) for annotator, per_label in sorted(counts.items())}


def _labels(project: Project) -> tuple[dict[str, SpanKind], frozenset[str]]:
    labels = {label.name: label.kind for label in project.schema.labels}
    relations = frozenset(relation.name for relation in project.schema.relations)
    return labels, relations


def validate_file(
    project: Project, path: Path, fmt: ImportFormat | None = None, unit: OffsetUnit | None = None
) -> list[Problem]:
    project.refuse_own_file(path)
    labels, relations = _labels(project)
    problems = validate(path, labels, relations, fmt, unit=unit)
    if problems:
        return problems
    try:
        records, _notes = read_file_noted(path, None, fmt, labels, relations, unit=unit)
    except ImportFailed as failure:
        return failure.problems
    return schema_problems(project, records, path)


def read_records_noted(
    project: Project,
    path: Path,
    fmt: ImportFormat | None = None,
    annotator: str | None = None,
    unit: OffsetUnit | None = None,
) -> tuple[list[DocumentRecord], list[str]]:
    project.refuse_own_file(path)
    labels, relations = _labels(project)
    records, notes = read_file_noted(path, annotator, fmt, labels, relations, unit=unit)
    problems = schema_problems(project, records, path)
    if problems:
        raise ImportFailed(problems)
    return records, notes


def schema_problems(
    project: Project,
    records: list[DocumentRecord],
    path: Path,
    first_number: int = 1,
    first_of: dict[tuple[str, str], int] | None = None,
) -> list[Problem]:
    """Span attributes the project's schema does not allow, references its registry does not hold, and
    a text's layer given twice (``first_of`` carries the layers seen over calls on parts of one file)."""
    treaty_ids = project.registry.treaty_ids()
    schema = project.schema
    labels: dict[str, Label | str] = {label.name: label for label in schema.labels}
    problems: list[Problem] = []
    first_of = {} if first_of is None else first_of
    for number, record in enumerate(records, start=first_number):
        first = first_of.setdefault((record.text_sha256, record.annotator), number)
        if first != number:
            message = f"record {first} holds layer {record.annotator!r} of the same text; the second would replace it"
            problems.append(Problem(str(path), None, f"record {number} ({record.doc_id})", message))
        for span in record.spans:
            label = labels.get(span.label, span.label)
            if span.attributes or label is span.label:  # a known label without attributes has nothing to check
                where = f"record {number} ({record.doc_id}), span {span.id}"
                for problem in schema.validate_attributes(label, span.attributes, treaty_ids):
                    problems.append(Problem(str(path), None, f"{where}: attrs", problem))
            if span.ref is not None and span.ref not in project.registry:
                where = f"record {number} ({record.doc_id}), span {span.id}"
                message = f"the registry has no entry {span.ref[:80]!r}"
                problems.append(Problem(str(path), None, f"{where}: ref", message))
    return problems


def import_file(
    project: Project,
    path: Path,
    fmt: ImportFormat | None = None,
    annotator: str | None = None,
    unit: OffsetUnit | None = None,
    *,
    into: ImportInto | None = None,
    step: int | None = None,
    step_seconds: float = STEP_SECONDS,
    checked_while_stored: bool = False,
    watch: ImportWatch | None = None,
) -> ImportSummary:
    """Check all of ``path``, then store its layers (into ``annotator`` when given).

    A layer that already holds work on the same text raises :class:`LayersExist` unless ``into``
    says what to do with it. A native file is stored in transactions of about ``step`` spans and
    relations each (fewer when one took longer than ``step_seconds``), read a line at a time; any
    other format (or a native file read in another unit) is read whole and stored in one transaction.

    ``checked_while_stored`` is for a new project that is thrown away whole unless the import
    succeeds: a native file is then read once, each record stored as soon as it passed.
    ``watch`` follows the import (see :class:`ImportWatch`).
    """
    path = Path(path)
    step = IMPORT_STEP if step is None else step
    project.refuse_own_file(path)  # before anything reads it: the format is told by its first bytes
    fmt = fmt or detect_format(path)
    if fmt is not ImportFormat.NATIVE or unit not in (None, OffsetUnit.CODEPOINT):
        records, notes = read_records_noted(project, path, fmt, annotator, unit)
        if watch is not None:
            watch.checked(len(records))
        names, into = _names_asked(project, [(r.text_sha256, r.annotator) for r in records], annotator, into, watch)
        summary = import_records(project, records, annotator, into, names=names)
        if watch is not None:
            watch.stored(len(records), len(records))
        return replace(summary, notes=tuple(notes))
    if checked_while_stored:
        return _import_read_once(project, path, annotator, into, step, watch)
    labels, relations = _labels(project)
    problems: list[Problem] = []
    count = 0
    first_of: dict[tuple[str, str], int] = {}
    digests: dict[int, bytes] = {}
    checked = iter_native(path, problems, labels, relations, annotator, digests=digests)
    for number, record in enumerate(checked, start=1):
        count += 1
        problems.extend(schema_problems(project, [record], path, number, first_of))
        if watch is not None:
            watch.checked(number)
    if problems or not count:
        raise ImportFailed(problems or [Problem.empty_file(path)])
    names, into = _names_asked(project, list(first_of), annotator, into, watch)
    at = now_iso()
    summaries: list[ImportSummary] = []
    after_step = _reporting(watch, count)
    try:
        with project.repository.storing_many():
            stored_records = reread_native(path, digests, annotator)
            _store_in_steps(
                project, stored_records, summaries, annotator, into, at, names, (step, step_seconds), after_step
            )
    except FileChanged as change:
        stored = "; the lines before it were imported (undo-import takes them back)" if summaries else ""
        message = f"the file changed while it was being imported{stored}"
        raise ImportFailed([Problem(str(path), change.line, "", message)]) from None
    return _summed(summaries, at, names, into)


def _import_read_once(
    project: Project, path: Path, annotator: str | None, into: ImportInto | None, step: int, watch: ImportWatch | None
) -> ImportSummary:
    """Store the records of a native file as they pass; ImportFailed (with every problem of the file)
    if any did not, once the whole file was read. The caller throws the project away then."""
    labels, relations = _labels(project)
    problems: list[Problem] = []
    first_of: dict[tuple[str, str], int] = {}
    counted = [0]

    def passed() -> Iterator[DocumentRecord]:
        for number, record in enumerate(iter_native(path, problems, labels, relations, annotator), start=1):
            counted[0] = number
            problems.extend(schema_problems(project, [record], path, number, first_of))
            if watch is not None:
                watch.checked(number)
            if not problems:
                yield record

    at = now_iso()
    summaries: list[ImportSummary] = []
    with project.repository.storing_many():
        after_step = _reporting(watch, 0)  # how many records the file holds is not known yet
        _store_in_steps(project, passed(), summaries, annotator, into, at, {}, (step, float("inf")), after_step)
        if problems or not counted[0]:
            raise ImportFailed(problems or [Problem.empty_file(path)])
    return _summed(summaries, at, {}, into)


def _summed(summaries: list[ImportSummary], at: str, names: dict[str, str], into: ImportInto | None) -> ImportSummary:
    return ImportSummary(
        documents_added=sum(s.documents_added for s in summaries),
        layers=sum(s.layers for s in summaries),
        spans=sum(s.spans for s in summaries),
        relations=sum(s.relations for s in summaries),
        annotators=tuple(sorted({name for s in summaries for name in s.annotators})),
        at=at,
        replaced=sum(s.replaced for s in summaries),
        already_present=sum(s.already_present for s in summaries),
        renamed=tuple(sorted(names.items())),
        into=into,
    )


def _store_in_steps(
    project: Project,
    records: Iterable[DocumentRecord],
    summaries: list[ImportSummary],
    annotator: str | None,
    into: ImportInto | None,
    at: str,
    names: dict[str, str],
    step: tuple[int, float],
    stored: Callable[[int], None] = lambda records: None,
) -> None:
    """Store ``records`` in transactions of about ``step`` (spans and relations, seconds) each,
    adding a summary of each: after each transaction, the next holds as many as fit in its time.
    ``stored`` is told how many records are stored so far after each."""
    most, seconds = step
    batch: list[DocumentRecord] = []
    size, limit, done = 0, most, 0
    for record in records:
        batch.append(record)
        size += len(record.spans) + len(record.relations)
        if size >= limit:
            began = time.monotonic()
            summaries.append(import_records(project, batch, annotator, into, at=at, names=names))
            took = time.monotonic() - began
            limit = most if took <= 0 else max(1, int(min(most, size * seconds / took)))
            done += len(batch)
            stored(done)
            batch, size = [], 0
    if batch:
        summaries.append(import_records(project, batch, annotator, into, at=at, names=names))
        stored(done + len(batch))


def _reporting(watch: ImportWatch | None, total: int) -> Callable[[int], None]:
    """What ``_store_in_steps`` calls after each step: ``watch.stored`` with the records stored so far."""
    if watch is None:
        return lambda done: None
    return lambda done: watch.stored(done, total)


def layer_names(
    project: Project, layers: list[tuple[str, str]], annotator: str | None, into: ImportInto | None
) -> dict[str, str]:
    """The name each of the file's layers is stored under, given (text hash, layer) of each record.

    Raises :class:`LayersExist` when ``into`` is None and a layer holds work on one of the texts.
    """
    wanted = [(sha, annotator or layer) for sha, layer in layers]
    if into in (ImportInto.REPLACE, ImportInto.MERGE):
        return {}
    existing: list[str] = []
    for sha, layer in wanted:
        document_id = project.repository.find_document_by_sha256(sha)
        if layer in existing or document_id is None:
            continue
        if project.repository.spans(document_id, layer) or project.repository.relations(document_id, layer):
            existing.append(layer)
    if existing and into is None:
        raise LayersExist(sorted(existing))
    taken = set(project.repository.annotators()) | {layer for _sha, layer in wanted}
    return {layer: new_layer_name(layer, taken) for layer in existing}


def new_layer_name(layer: str, taken: set[str]) -> str:
    """``LAYER-imported``, or ``LAYER-imported-2`` and so on: the first name not in ``taken``."""
    name, number = f"{layer}-imported", 1
    while name in taken:
        number += 1
        name = f"{layer}-imported-{number}"
    taken.add(name)
    return name


def undo_import(project: Project, at: str | None = None) -> LoggedImport | None:
    """Put back every layer the last import not yet undone (or the import logged at ``at``) replaced.

    The undo is logged with what it replaced in turn. Documents the import added stay.
    """
    logged = last_import(project.repository.edit_log(), at)
    if logged is None:
        return None
    layers = [layer_from_state(before, document_id, layer) for document_id, layer, before in logged.layers]
    project.repository.replace_layers([], layers, project.annotator, now_iso(), undoing=logged.at)
    return logged


def _outside_id(project: Project, record: DocumentRecord, new: dict[str, Document]) -> str | None:
    """The document id that came with ``record``, if it can be kept (no other document has it).

    Importers give a document without an id of its own its text's SHA-256 as ``doc_id``.
    """
    wanted = record.doc_id
    if not wanted or wanted == record.text_sha256:
        return None
    if wanted in new:
        return wanted if new[wanted].text_sha256 == record.text_sha256 else None
    try:
        project.document(wanted)
    except ProjectError:
        return wanted
    return None


def import_records(
    project: Project,
    records: list[DocumentRecord],
    annotator: str | None = None,
    into: ImportInto | None = None,
    *,
    at: str | None = None,
    names: dict[str, str] | None = None,
) -> ImportSummary:
    """Store each record's layer: its document is matched by text hash, or created with its text.

    A new document keeps the id it came with unless another document has that id already. ``names``
    (from ``layer_names``, worked out here when not given) renames layers for ``ImportInto.NEW_LAYER``.
    """
    if names is None:
        names = layer_names(project, [(r.text_sha256, r.annotator) for r in records], annotator, into)
    at = at or now_iso()
    replaced = already_present = stored_spans = stored_relations = 0
    new_documents: dict[str, Document] = {}
    new_by_sha: dict[str, str] = {}
    layers: list[Layer] = []
    incoming_ids = [span.id for record in records for span in record.spans]
    taken = project.repository.span_ids(incoming_ids)
    seen: dict[tuple[str, str], int] = {}
    for number, record in enumerate(records, start=1):
        document_id = project.repository.find_document_by_sha256(record.text_sha256) or new_by_sha.get(
            record.text_sha256
        )
        if document_id is None:
            document_id = _outside_id(project, record, new_documents) or document_id_for(record.text_sha256)
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
                new_by_sha[record.text_sha256] = document_id
        layer_name = annotator or record.annotator
        layer_name = names.get(layer_name, layer_name)
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
        stored_spans += len(layer.spans)
        stored_relations += len(layer.relations)
        if into is ImportInto.MERGE and document_id not in new_documents:
            layer, kept_spans, kept_relations = _merged(project, layer)
            already_present += len(record.spans) - (len(layer.spans) - kept_spans)
            stored_spans -= len(record.spans) - (len(layer.spans) - kept_spans)
            stored_relations -= len(record.relations) - (len(layer.relations) - kept_relations)
        elif into is ImportInto.REPLACE and document_id not in new_documents:
            replaced += len(project.spans(document_id, layer_name))
        layers.append(layer)
    project.repository.replace_layers(list(new_documents.values()), layers, project.annotator, at)
    return ImportSummary(
        documents_added=len(new_documents),
        layers=len(layers),
        spans=stored_spans,
        relations=stored_relations,
        annotators=tuple(sorted({layer.annotator for layer in layers})),
        at=at,
        replaced=replaced,
        already_present=already_present,
        renamed=tuple(sorted(names.items())),
        into=into,
    )


def _merged(project: Project, layer: Layer) -> tuple[Layer, int, int]:
    """The stored layer with ``layer``'s spans and relations that it lacks added, and how many spans
    and relations it held. A span is there already when one has the same start, end and label."""
    spans = project.spans(layer.document_id, layer.annotator)
    relations = project.relations(layer.document_id, layer.annotator)
    at_place = {(span.start, span.end, span.label): span.id for span in spans}
    span_ids = {span.id for span in spans}
    same: dict[str, str] = {}
    added: list[Span] = []
    for span in layer.spans:
        found = at_place.get((span.start, span.end, span.label))
        if found is not None:
            same[span.id] = found
            continue
        if span.id in span_ids:  # the file's span was moved or relabelled since it was exported
            new_id = name_id(_ID_NAMESPACE, f"merge\x00{layer.annotator}\x00{span.id}")
            same[span.id] = new_id
            span = changed(span, id=new_id)
        span_ids.add(span.id)
        at_place[(span.start, span.end, span.label)] = span.id
        added.append(span)
    linked = {(relation.head, relation.tail, relation.label) for relation in relations}
    relation_ids = {relation.id for relation in relations}
    added_relations: list[Relation] = []
    for relation in layer.relations:
        head, tail = same.get(relation.head, relation.head), same.get(relation.tail, relation.tail)
        if (head, tail, relation.label) in linked:
            continue
        new_id = relation.id
        if new_id in relation_ids:
            new_id = name_id(_ID_NAMESPACE, f"merge\x00{layer.annotator}\x00{relation.id}")
        linked.add((head, tail, relation.label))
        relation_ids.add(new_id)
        added_relations.append(changed(relation, id=new_id, head=head, tail=tail))
    status = project.repository.status(layer.document_id, layer.annotator)
    merged = Layer(layer.document_id, layer.annotator, status, (*spans, *added), (*relations, *added_relations))
    return merged, len(spans), len(relations)


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
            new_id = name_id(_ID_NAMESPACE, f"{annotator}\x00{document_id}\x00{span.id}")
            renamed[span.id] = new_id
        if new_id != span.id or span.document_id != document_id or span.annotator != annotator:
            span = changed(span, id=new_id, document_id=document_id, annotator=annotator)
        spans.append(span)
    # A layer copied under another name gets new relation ids along with its new span ids.
    copied = bool(renamed)
    relations: list[Relation] = []
    for relation in record.relations:
        new_id = name_id(_ID_NAMESPACE, f"{annotator}\x00{relation.id}") if copied else relation.id
        head, tail = renamed.get(relation.head, relation.head), renamed.get(relation.tail, relation.tail)
        if (new_id, document_id, annotator, head, tail) != (
            relation.id,
            relation.document_id,
            relation.annotator,
            relation.head,
            relation.tail,
        ):
            relation = changed(relation, id=new_id, document_id=document_id, annotator=annotator, head=head, tail=tail)
        relations.append(relation)
    return Layer(document_id, annotator, record.status, tuple(spans), tuple(relations))
