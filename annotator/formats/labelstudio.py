"""Label Studio JSON: a list of tasks with one annotation each.

Each task::

    {"id": 1, "data": {"text": ..., "doc_id": ..., "title": ...},
     "annotations": [{"result": [region..., relation...]}], "meta": {"annotator", "status"}}

A region is ``{"id": span id, "from_name": "label", "to_name": "text", "type": "labels",
"value": {"start", "end", "text", "labels": [label]}}`` with ``start``/``end`` in code points:
Label Studio's editor (1.23) indexes ``[...text]``, so a character above U+FFFF is one position
(``--offset-unit`` overrides, see :mod:`annotator.formats.offsets`). A relation is ``{"type":
"relation", "from_id", "to_id", "direction": "right", "labels": [label]}``.
:func:`labeling_config` gives the matching labeling configuration. Span attributes and registry
references are not written; the report counts them.

Reading takes each task's first annotation that was not cancelled; a task with predictions only
(a model's pre-annotations) gives a layer named by the prediction's ``model_version`` unless a
layer name is given. The status comes from ``meta.status``, where it is written.
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
from annotator.formats.offsets import InsideCharacter, OffsetReading, OffsetUnit, offset_index
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

#: The unit Label Studio's editor counts (measured in Label Studio 1.23).
LABELSTUDIO_UNIT = OffsetUnit.CODEPOINT


def record_to_task(
    record: DocumentRecord, number: int, report: ExportReport, unit: OffsetUnit = LABELSTUDIO_UNIT
) -> dict[str, Any]:
    """The Label Studio task for one record (``number`` is its task id)."""
    index = offset_index(record.text, unit)
    result: list[dict[str, Any]] = []
    spans = []
    for span in sorted_spans(record.spans):
        try:
            start, end = index.to_units(span.start), index.to_units(span.end)
        except InsideCharacter as error:
            report.skip(record.doc_id, span.id, f"its offsets cannot be counted in {unit.value}: {error}")
            continue
        if span.attributes or span.ref:
            report.written_partly(record.doc_id, span.id, "attributes or registry reference")
        spans.append(span)
        result.append(
            {
                "id": span.id,
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {
                    "start": start,
                    "end": end,
                    "text": span.text,
                    "labels": [span.label],
                },
            }
        )
    written = {span.id for span in spans}
    relations = []
    for relation in sorted(record.relations, key=lambda r: r.id):
        if relation.head not in written or relation.tail not in written:
            report.skip(record.doc_id, relation.id, "the relation links a span that was not written")
            continue
        relations.append(relation)
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


def write_labelstudio(
    records: Iterable[DocumentRecord], path: Path, unit: OffsetUnit = LABELSTUDIO_UNIT
) -> ExportReport:
    """Write ``records`` as one Label Studio JSON file (a list of tasks), atomically."""
    report = ExportReport("labelstudio", paths=[Path(path)])
    tasks = [record_to_task(record, number, report, unit) for number, record in enumerate(records, start=1)]
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
    annotator: str | None,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    reading: OffsetReading | None = None,
) -> tuple[list[DocumentRecord], list[Problem]]:
    """Records and problems of a Label Studio JSON export.

    Each task becomes one record from its first annotation that was not cancelled, or from its
    first prediction if it has no annotation; results other than ``labels`` regions and
    relations (choices, text areas, ...) are ignored. ``annotator`` names the layer; without it
    an annotation is refused and a prediction's layer is its ``model_version``.
    """
    reading = reading or OffsetReading(LABELSTUDIO_UNIT)
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
        collect(records, seen, _parse_task(ck, task, annotator, labels, relation_labels, reading), ck)
    return records, problems


def read_labelstudio(
    path: Path,
    annotator: str | None,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    reading: OffsetReading | None = None,
) -> list[DocumentRecord]:
    """Every task of a Label Studio JSON export as a record, or :class:`ImportFailed` (all or nothing)."""
    records, problems = parse_labelstudio(path, annotator, labels, relation_labels, reading)
    if problems:
        raise ImportFailed(problems)
    return records


def _chosen_result(ck: Checker, task: dict[str, Any], annotator: str | None) -> tuple[str, Any, str] | None:
    """The field, the annotation or prediction object, and the layer name of the task's result to import."""
    for key in ("annotations", "predictions"):
        items = task.get(key, [])
        if type(items) is not list:
            ck.fail(key, f"expected an array, got {json_type(items)}")
            return None
        for i, item in enumerate(items):
            if type(item) is dict and item.get("was_cancelled"):
                continue
            field = f"{key}[{i}]"
            if type(item) is int:
                ck.fail(
                    field,
                    f"the export lists {key} by id only, without their results: export the project "
                    f"with its {key} included",
                )
                return None
            if annotator:
                return field, item, annotator
            if key == "annotations":
                ck.fail(field, "an annotation needs the name of the layer to import it into (--annotator)")
                return None
            version = item.get("model_version") if type(item) is dict else None
            if type(version) is str and version.strip():
                return field, item, version.strip()
            ck.fail(
                f"{field}.model_version",
                "a prediction without a model_version: give the name of the layer to import it into (--annotator)",
            )
            return None
    return None


def _parse_task(
    ck: Checker,
    task: Any,
    annotator: str | None,
    labels: Mapping[str, SpanKind],
    relation_labels: Collection[str],
    reading: OffsetReading,
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
    doc_id = data.get("doc_id") if type(data.get("doc_id")) is str and data.get("doc_id") else None
    chosen = _chosen_result(ck, task, annotator)
    if ck.failed:
        return None
    if chosen is None:
        # No annotation and no prediction: the document alone, in the layer given (or none).
        if not annotator:
            ck.fail("annotations", "the task has no annotation or prediction, and no layer name was given")
            return None
        chosen = ("annotations", {"result": []}, annotator)
    field, annotation, layer = chosen
    doc = ForeignDocument(ck, text, doc_id, layer, labels, relation_labels, reading)
    if type(annotation) is not dict:
        ck.fail(field, f"expected an object, got {json_type(annotation)}")
    else:
        results = ck.array(annotation, "result", f"{field}.result")
        if results is not None:
            _parse_results(ck, doc, results, f"{field}.result")
    meta = {k: v for k, v in data.items() if k not in ("text", "doc_id", "title")}
    task_meta = task.get("meta")
    if type(task_meta) is dict and "status" in task_meta:
        meta["status"] = task_meta["status"]
    elif field.startswith("predictions"):
        meta["status"] = "new"  # a model's suggestions, not an analyst's finished work
    return doc.record(data.get("title"), meta)


def _parse_results(ck: Checker, doc: ForeignDocument, results: list[Any], prefix: str) -> None:
    reported: set[str] = set()
    for i, item in enumerate(results):
        field = f"{prefix}[{i}]"
        if type(item) is not dict:
            ck.fail(field, f"expected an object, got {json_type(item)}")
        elif item.get("type") == "labels":
            _parse_region(ck, doc, item, field, reported)
    for i, item in enumerate(results):
        if type(item) is dict and item.get("type") == "relation":
            _parse_relation(ck, doc, item, f"{prefix}[{i}]", reported)


def _parse_region(ck: Checker, doc: ForeignDocument, item: dict[str, Any], field: str, reported: set[str]) -> None:
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
    for key in ("start", "end"):
        if key not in value:
            ck.fail(f"{field}.value.{key}", "missing field")
    if label is None or "start" not in value or "end" not in value:
        reported.add(region_id)
        return
    span_id = doc.add_span(f"{field}.value", value["start"], value["end"], label, value.get("text"), region_id)
    if span_id is None:
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
