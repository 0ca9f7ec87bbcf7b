"""Label Studio JSON: a list of tasks with one annotation each.

Each task::

    {"id": 1, "data": {"text": ..., "doc_id": ..., "title": ...},
     "annotations": [{"result": [region..., relation...]}], "meta": {"annotator", "status"}}

A region is ``{"id": span id, "from_name": "label", "to_name": "text", "type": "labels",
"value": {"start", "end", "text", "labels": [label]}}`` with ``start``/``end`` in UTF-16 code
units, as the browser counts them; a relation is ``{"type": "relation", "from_id", "to_id",
"direction": "right", "labels": [label]}``. :func:`labeling_config` gives the matching labeling
configuration. Span attributes and registry references are not written; the report counts them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.formats.atomic import atomic_write
from annotator.formats.checks import Checker, json_type
from annotator.formats.foreign import ForeignDocument, collect
from annotator.formats.native import sorted_spans
from annotator.formats.records import (
    DEFAULT_LABELS,
    DEFAULT_RELATION_LABELS,
    DocumentRecord,
    ExportReport,
    ImportFailed,
    Problem,
)
from annotator.formats.strictjson import load_json_file
from annotator.model import SpanKind
from annotator.offsets import SplitSurrogate, Utf16Index


def record_to_task(record: DocumentRecord, number: int, report: ExportReport) -> dict[str, Any]:
    """The Label Studio task for one record (``number`` is its task id)."""
    index = Utf16Index(record.text)
    result: list[dict[str, Any]] = []
    spans = sorted_spans(record.spans)
    for span in spans:
        if span.attributes or span.ref:
            report.notes.append(f"{record.doc_id}: span {span.id}: attributes and reference not written")
        result.append(
            {
                "id": span.id,
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {
                    "start": index.to_units(span.start),
                    "end": index.to_units(span.end),
                    "text": span.text,
                    "labels": [span.label],
                },
            }
        )
    relations = sorted(record.relations, key=lambda r: r.id)
    for relation in relations:
        result.append(
            {
                "type": "relation",
                "from_id": relation.head,
                "to_id": relation.tail,
                "direction": "right",
                "labels": [relation.label],
            }
        )
    report.documents += 1
    report.spans += len(spans)
    report.relations += len(relations)
    return {
        "id": number,
        "data": {"text": record.text, "doc_id": record.doc_id, "title": record.title},
        "annotations": [{"result": result}],
        "meta": {"annotator": record.annotator, "status": str(record.status)},
    }


def write_labelstudio(records: Iterable[DocumentRecord], path: Path) -> ExportReport:
    """Write ``records`` as one Label Studio JSON file (a list of tasks), atomically."""
    report = ExportReport("labelstudio", paths=[Path(path)])
    tasks = [record_to_task(record, number, report) for number, record in enumerate(records, start=1)]
    atomic_write(Path(path), json.dumps(tasks, ensure_ascii=False, allow_nan=False, indent=1).encode("utf-8"))
    return report


def labeling_config(
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS, relation_labels: Collection[str] = DEFAULT_RELATION_LABELS
) -> str:
    """A Label Studio labeling configuration matching the tasks written here."""
    from xml.sax.saxutils import quoteattr  # it imports urllib.request: not at start-up

    label_lines = "".join(f"    <Label value={quoteattr(label)}/>\n" for label in labels)
    relation_lines = "".join(f"    <Relation value={quoteattr(label)}/>\n" for label in sorted(relation_labels))
    return (
        "<View>\n"
        f"  <Relations>\n{relation_lines}  </Relations>\n"
        f'  <Labels name="label" toName="text">\n{label_lines}  </Labels>\n'
        '  <Text name="text" value="$text" granularity="symbol"/>\n'
        "</View>\n"
    )


def parse_labelstudio(
    path: Path,
    annotator: str,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
) -> tuple[list[DocumentRecord], list[Problem]]:
    """Records and problems of a Label Studio JSON export.

    Each task becomes one record from its first annotation that was not cancelled; results
    other than ``labels`` regions and relations (choices, text areas, ...) are ignored.
    """
    problems: list[Problem] = []
    tasks = load_json_file(Path(path), problems)
    if tasks is None:
        return [], problems
    if type(tasks) is not list:
        problems.append(Problem(str(path), None, "", f"expected a list of tasks, got {json_type(tasks)}"))
        return [], problems
    if not tasks:
        problems.append(Problem(str(path), None, "", "the file is empty (no tasks)"))
        return [], problems
    records: list[DocumentRecord] = []
    seen: dict[str, str] = {}
    for number, task in enumerate(tasks):
        ck = Checker(str(path), problems, task=number)
        collect(records, seen, _parse_task(ck, task, annotator, labels, relation_labels), ck)
    return records, problems


def read_labelstudio(
    path: Path,
    annotator: str,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
) -> list[DocumentRecord]:
    """Every task of a Label Studio JSON export as a record, or :class:`ImportFailed` (all or nothing)."""
    records, problems = parse_labelstudio(path, annotator, labels, relation_labels)
    if problems:
        raise ImportFailed(problems)
    return records


def _parse_task(
    ck: Checker,
    task: Any,
    annotator: str,
    labels: Mapping[str, SpanKind],
    relation_labels: Collection[str],
) -> DocumentRecord | None:
    if type(task) is not dict:
        ck.fail("", f"expected a task object, got {json_type(task)}")
        return None
    data = ck.obj(task, "data", "data")
    if data is None:
        return None
    text = ck.string(data, "text", "data.text", nonempty=True)
    if text is None:
        return None
    doc_id = data.get("doc_id") if type(data.get("doc_id")) is str else None
    if doc_id is None and type(task.get("id")) in (int, str):
        doc_id = str(task["id"])
    doc = ForeignDocument(ck, text, doc_id, annotator, labels, relation_labels)
    annotations = task.get("annotations", [])
    if type(annotations) is not list:
        ck.fail("annotations", f"expected an array, got {json_type(annotations)}")
        annotations = []
    chosen = next(
        ((i, a) for i, a in enumerate(annotations) if type(a) is not dict or not a.get("was_cancelled")), None
    )
    if chosen is not None:
        i, annotation = chosen
        field = f"annotations[{i}]"
        if type(annotation) is not dict:
            ck.fail(field, f"expected an object, got {json_type(annotation)}")
        else:
            results = ck.array(annotation, "result", f"{field}.result")
            if results is not None:
                _parse_results(ck, doc, Utf16Index(text), results, f"{field}.result")
    meta = {k: v for k, v in data.items() if k not in ("text", "doc_id", "title")}
    return doc.record(data.get("title"), meta)


def _parse_results(ck: Checker, doc: ForeignDocument, index: Utf16Index, results: list[Any], prefix: str) -> None:
    reported: set[str] = set()
    for i, item in enumerate(results):
        field = f"{prefix}[{i}]"
        if type(item) is not dict:
            ck.fail(field, f"expected an object, got {json_type(item)}")
        elif item.get("type") == "labels":
            _parse_region(ck, doc, index, item, field, reported)
    for i, item in enumerate(results):
        if type(item) is dict and item.get("type") == "relation":
            _parse_relation(ck, doc, item, f"{prefix}[{i}]", reported)


def _parse_region(
    ck: Checker, doc: ForeignDocument, index: Utf16Index, item: dict[str, Any], field: str, reported: set[str]
) -> None:
    region_id = ck.string(item, "id", f"{field}.id", nonempty=True)
    value = ck.obj(item, "value", f"{field}.value")
    if value is None or region_id is None:
        if region_id is not None:
            reported.add(region_id)
        return
    names = ck.array(value, "labels", f"{field}.value.labels")
    label: Any = None
    if names is not None:
        if len(names) != 1:
            ck.fail(f"{field}.value.labels", f"expected exactly one label, got {len(names)}")
        else:
            label = names[0]
    bounds: list[int | None] = []
    for key in ("start", "end"):
        units = ck.integer(value, key, f"{field}.value.{key}")
        if units is not None and not 0 <= units <= index.units:
            ck.fail(
                f"{field}.value.{key}",
                f"offset {units} is out of range for a text of {index.units} UTF-16 units",
            )
            units = None
        elif units is not None:
            try:
                units = index.to_codepoints(units)
            except SplitSurrogate as error:
                ck.fail(f"{field}.value.{key}", str(error))
                units = None
        bounds.append(units)
    if label is None or bounds[0] is None or bounds[1] is None:
        reported.add(region_id)
        return
    if doc.add_span(f"{field}.value", bounds[0], bounds[1], label, value.get("text"), region_id) is None:
        reported.add(region_id)


def _parse_relation(ck: Checker, doc: ForeignDocument, item: dict[str, Any], field: str, reported: set[str]) -> None:
    ends: list[str | None] = []
    for key in ("from_id", "to_id"):
        target = ck.string(item, key, f"{field}.{key}", nonempty=True)
        if target is not None and target not in doc.span_ids:
            if target not in reported:
                ck.fail(f"{field}.{key}", f"relation refers to a missing span {target!r}")
            target = None
        ends.append(target)
    names = item.get("labels", [])
    if type(names) is not list or len(names) != 1:
        ck.fail(f"{field}.labels", "expected exactly one relation label")
        return
    direction = item.get("direction", "right")
    if direction == "left":
        ends.reverse()
    elif direction != "right":
        ck.fail(f"{field}.direction", f"direction {direction!r} cannot be imported (expected 'right' or 'left')")
        return
    if ends[0] is not None and ends[1] is not None:
        doc.add_relation(field, names[0], ends[0], ends[1])
