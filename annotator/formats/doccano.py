"""doccano JSONL, in its two sequence-labelling shapes.

``labels`` shape (relations cannot be expressed; the report lists them)::

    {"id": doc_id, "text": ..., "label": [[start, end, "PER"], ...], "meta": {...}}

``entities`` shape (doccano's relation projects)::

    {"id": doc_id, "text": ..., "entities": [{"id": 1, "start_offset", "end_offset", "label"}],
     "relations": [{"id": 1, "from_id", "to_id", "type"}], "meta": {...}}

Entity and relation ids are written as integers counted from 1 per document, as doccano does.
Offsets are UTF-16 units, as doccano's editor counts them (JavaScript string length, measured in
doccano 1.8), or grapheme clusters for a project that counts them (``--offset-unit grapheme``).
Span attributes and registry references are not written; the report counts them. A doccano
project drops nested and overlapping spans on upload unless it allows overlapping spans, so the
report says how many such spans were written.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from annotator.formats.atomic import write_jsonl
from annotator.formats.checks import Checker, json_type
from annotator.formats.foreign import ForeignDocument, collect
from annotator.formats.native import sorted_spans
from annotator.formats.offsets import InsideCharacter, OffsetReading, OffsetUnit, offset_index
from annotator.formats.records import (
    DEFAULT_LABELS,
    DEFAULT_RELATION_LABELS,
    DocumentRecord,
    ExportReport,
    ImportFailed,
    Problem,
)
from annotator.formats.strictjson import MAX_LINE_BYTES, iter_jsonl
from annotator.model import Span, SpanKind

#: The unit doccano's editor counts (measured in doccano 1.8).
DOCCANO_UNIT = OffsetUnit.UTF16


class DoccanoShape(StrEnum):
    LABELS = "labels"
    ENTITIES = "entities"


def _meta(record: DocumentRecord) -> dict[str, Any]:
    return {"doc_id": record.doc_id, "title": record.title, "annotator": record.annotator, "status": str(record.status)}


def overlapping(spans: list[Span]) -> int:
    """How many of ``spans`` (in export order) start inside an earlier one: nested or overlapping."""
    count, reach = 0, 0
    for span in spans:
        if span.start < reach:
            count += 1
        reach = max(reach, span.end)
    return count


def record_to_doccano(
    record: DocumentRecord, shape: DoccanoShape, report: ExportReport, unit: OffsetUnit = DOCCANO_UNIT
) -> dict[str, Any]:
    """The JSON object of one line in ``shape``; what cannot be written goes to ``report``."""
    index = offset_index(record.text, unit)
    spans: list[Span] = []
    bounds: dict[str, tuple[int, int]] = {}
    for span in sorted_spans(record.spans):
        try:
            bounds[span.id] = (index.to_units(span.start), index.to_units(span.end))
        except InsideCharacter as error:
            report.skip(record.doc_id, span.id, f"its offsets cannot be counted in {unit.value}: {error}")
            continue
        if span.attributes or span.ref:
            report.written_partly(record.doc_id, span.id, "attributes or registry reference")
        spans.append(span)
    report.documents += 1
    report.spans += len(spans)
    report.overlapping += overlapping(spans)
    if shape is DoccanoShape.LABELS:
        for relation in record.relations:
            report.skip(record.doc_id, relation.id, "the labels shape of doccano has no relations")
        return {
            "id": record.doc_id,
            "text": record.text,
            "label": [[*bounds[s.id], s.label] for s in spans],
            "meta": _meta(record),
        }
    numbers = {span.id: i for i, span in enumerate(spans, start=1)}
    relations = []
    for relation in sorted(record.relations, key=lambda r: r.id):
        if relation.head in numbers and relation.tail in numbers:
            relations.append(relation)
        else:
            report.skip(record.doc_id, relation.id, "the relation links a span that was not written")
    report.relations += len(relations)
    return {
        "id": record.doc_id,
        "text": record.text,
        "entities": [
            {"id": numbers[s.id], "start_offset": bounds[s.id][0], "end_offset": bounds[s.id][1], "label": s.label}
            for s in spans
        ],
        "relations": [
            {"id": i, "from_id": numbers[r.head], "to_id": numbers[r.tail], "type": r.label}
            for i, r in enumerate(relations, start=1)
        ],
        "meta": _meta(record),
    }


def write_doccano(
    records: Iterable[DocumentRecord],
    path: Path,
    shape: DoccanoShape = DoccanoShape.ENTITIES,
    unit: OffsetUnit = DOCCANO_UNIT,
) -> ExportReport:
    """Write ``records`` as doccano JSONL in ``shape`` to ``path``, atomically."""
    report = ExportReport(f"doccano-{shape}", paths=[Path(path)])
    write_jsonl(Path(path), (record_to_doccano(record, shape, report, unit) for record in records))
    if report.overlapping:
        report.notes.append(
            f"{report.overlapping} nested or overlapping span(s) written: a doccano project drops them on upload "
            "unless it allows overlapping spans"
        )
    return report


def parse_doccano(
    path: Path,
    annotator: str,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    reading: OffsetReading | None = None,
) -> tuple[list[DocumentRecord], list[Problem]]:
    """Records and problems of a doccano JSONL file; each line may be in either shape."""
    reading = reading or OffsetReading(DOCCANO_UNIT)
    problems: list[Problem] = []
    records: list[DocumentRecord] = []
    seen: dict[str, str] = {}
    for line, obj, _, _ in iter_jsonl(Path(path), problems, max_line_bytes):
        ck = Checker(str(path), problems, line=line)
        if type(obj) is not dict:
            ck.fail("", f"expected a JSON object, got {json_type(obj)}")
            continue
        text = ck.string(obj, "text", "text", nonempty=True)
        if text is None:
            continue
        # Our id travels in meta.doc_id (doccano numbers the examples itself); an "id" of a file
        # not from doccano may be a string of its own.
        meta = ck.optional_obj(obj, "meta", "meta")
        doc_id = next((v for v in (meta.get("doc_id"), obj.get("id")) if type(v) is str and v), None)
        doc = ForeignDocument(ck, text, doc_id, annotator, labels, relation_labels, reading)
        if "entities" in obj and "label" in obj:
            ck.fail("label", "a line has both 'label' and 'entities'; expected one shape")
        elif "entities" in obj:
            _read_entities(ck, doc, obj)
        elif "label" in obj:
            _read_labels(ck, doc, obj)
        rest = {k: v for k, v in meta.items() if k not in ("title", "doc_id")}
        collect(records, seen, doc.record(meta.get("title"), rest), ck)
    if not records and not problems:
        problems.append(Problem.empty_file(path))
    return records, problems


def read_doccano(
    path: Path,
    annotator: str,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    reading: OffsetReading | None = None,
) -> list[DocumentRecord]:
    """Every record of a doccano JSONL file, or :class:`ImportFailed` (all or nothing)."""
    records, problems = parse_doccano(path, annotator, labels, relation_labels, reading=reading)
    if problems:
        raise ImportFailed(problems)
    return records


def _read_labels(ck: Checker, doc: ForeignDocument, obj: dict[str, Any]) -> None:
    items = ck.array(obj, "label", "label")
    for i, item in enumerate(items or []):
        field = f"label[{i}]"
        if type(item) is not list or len(item) != 3:
            ck.fail(field, f"expected [start, end, label], got {json_type(item)}")
            continue
        doc.add_span(field, item[0], item[1], item[2])


def _read_entities(ck: Checker, doc: ForeignDocument, obj: dict[str, Any]) -> None:
    ids: dict[Any, str] = {}
    reported: set[Any] = set()
    for i, entity in enumerate(ck.array(obj, "entities", "entities") or []):
        field = f"entities[{i}]"
        if type(entity) is not dict:
            ck.fail(field, f"expected an object, got {json_type(entity)}")
            continue
        missing = [key for key in ("id", "start_offset", "end_offset", "label") if key not in entity]
        for key in missing:
            ck.fail(f"{field}.{key}", "missing field")
        if missing:
            continue
        number = entity["id"]
        if type(number) not in (int, str):
            ck.fail(f"{field}.id", f"expected an integer or string, got {json_type(number)}")
            continue
        if number in ids:
            ck.fail(f"{field}.id", f"duplicate span id {number!r}")
            continue
        span_id = doc.add_span(
            field,
            entity["start_offset"],
            entity["end_offset"],
            entity["label"],
            offset_names=("start_offset", "end_offset"),
        )
        if span_id is None:
            reported.add(number)
        else:
            ids[number] = span_id
    relation_numbers: set[Any] = set()
    raw_relations = obj.get("relations", [])
    if type(raw_relations) is not list:
        ck.fail("relations", f"expected an array, got {json_type(raw_relations)}")
        return
    for i, relation in enumerate(raw_relations):
        field = f"relations[{i}]"
        if type(relation) is not dict:
            ck.fail(field, f"expected an object, got {json_type(relation)}")
            continue
        number = relation.get("id")
        if type(number) in (int, str):
            if number in relation_numbers:
                ck.fail(f"{field}.id", f"duplicate relation id {number!r}")
                continue
            relation_numbers.add(number)
        ends: list[str | None] = []
        for key in ("from_id", "to_id"):
            target = relation.get(key)
            found = ids.get(target) if type(target) in (int, str) else None
            if found is None and not (type(target) in (int, str) and target in reported):
                ck.fail(f"{field}.{key}", f"relation refers to a missing span {target!r}")
            ends.append(found)
        if None not in ends:
            doc.add_relation(field, relation.get("type"), ends[0], ends[1])
