"""The native exchange format ``hashiya/1``: JSONL, one line per (document, annotator layer).

Line shape (DESIGN.md section 6), keys always in this order::

    {"format": "hashiya/1", "doc_id", "title", "text", "text_sha256", "lang",
     "offset_unit": "codepoint", "annotator", "status",
     "spans": [{"id", "start", "end", "text", "kind", "label", "attrs", "ref"}],
     "relations": [{"id", "label", "head", "tail", "attrs"}], "meta"}

Writing is deterministic: ``ensure_ascii=False``, the default separators, spans sorted by
``(start, -end, id)``, relations by ``id``, ``"\\n"`` after every line. Reading validates every
field, so that export, import and export again give identical bytes. Span notes and timestamps
are not part of the format and are not written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from operator import attrgetter
from pathlib import Path
from typing import Any

from annotator.formats.atomic import atomic_writer
from annotator.formats.checks import KINDS, Checker, checked_span, json_type
from annotator.formats.records import (
    DEFAULT_LABELS,
    DEFAULT_RELATION_LABELS,
    DocumentRecord,
    ExportReport,
    ImportFailed,
    Problem,
)
from annotator.formats.strictjson import (
    MAX_DEPTH,
    MAX_LINE_BYTES,
    JsonProblem,
    count_members,
    finite_float,
    iter_jsonl,
    loads_strict,
    read_lines,
    reject_constant,
)
from annotator.model import DocumentStatus, Relation, Span, SpanKind
from annotator.text import BOM, text_sha256

FORMAT = "hashiya/1"
RECORD_KEYS = (
    "format",
    "doc_id",
    "title",
    "text",
    "text_sha256",
    "lang",
    "offset_unit",
    "annotator",
    "status",
    "spans",
    "relations",
    "meta",
)
SPAN_KEYS = ("id", "start", "end", "text", "kind", "label", "attrs", "ref")
RELATION_KEYS = ("id", "label", "head", "tail", "attrs")
_SPAN_KEY_SET = frozenset(SPAN_KEYS)
_RELATION_KEY_SET = frozenset(RELATION_KEYS)
_STATUSES = {status.value: status for status in DocumentStatus}
_BY_ID, _BY_END, _BY_START = attrgetter("id"), attrgetter("end"), attrgetter("start")


def sorted_spans(spans: Iterable[Span]) -> list[Span]:
    """``sorted(spans, key=reading_order)``, done as three stable sorts on C-level keys (faster)."""
    result = sorted(spans, key=_BY_ID)
    result.sort(key=_BY_END, reverse=True)
    result.sort(key=_BY_START)
    return result


def record_to_json(record: DocumentRecord) -> dict[str, Any]:
    """The JSON object of one native line, keys in format order (enums are str subclasses and dump as their value)."""
    return {
        "format": FORMAT,
        "doc_id": record.doc_id,
        "title": record.title,
        "text": record.text,
        "text_sha256": record.text_sha256,
        "lang": record.lang,
        "offset_unit": "codepoint",
        "annotator": record.annotator,
        "status": record.status,
        "spans": [
            {
                "id": s.id,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "kind": s.kind,
                "label": s.label,
                "attrs": s.attributes,
                "ref": s.ref,
            }
            for s in sorted_spans(record.spans)
        ],
        "relations": [
            {"id": r.id, "label": r.label, "head": r.head, "tail": r.tail, "attrs": r.attributes}
            for r in sorted(record.relations, key=lambda r: r.id)
        ],
        "meta": record.meta,
    }


def dumps_record(record: DocumentRecord) -> str:
    """One native line without its line end."""
    return json.dumps(record_to_json(record), ensure_ascii=False, allow_nan=False)


def write_native(records: Iterable[DocumentRecord], path: Path) -> ExportReport:
    """Write ``records`` to ``path`` as native JSONL, atomically. Nothing is ever left out."""
    report = ExportReport("native", paths=[Path(path)])
    with atomic_writer(Path(path)) as handle:
        for record in records:
            handle.write(dumps_record(record).encode("utf-8"))
            handle.write(b"\n")
            report.documents += 1
            report.spans += len(record.spans)
            report.relations += len(record.relations)
    return report


def read_native(
    path: Path,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    annotator: str | None = None,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    max_depth: int = MAX_DEPTH,
) -> list[DocumentRecord]:
    """Every record of a native file, or :class:`ImportFailed` listing every problem (all or nothing).

    ``labels`` maps each known span label to its kind; ``annotator``, when given, replaces the
    layer name written in the file (a teammate's work imported under a chosen name).
    """
    records, problems = parse_native(
        path, labels, relation_labels, annotator, max_line_bytes=max_line_bytes, max_depth=max_depth
    )
    if problems:
        raise ImportFailed(problems)
    return records


def parse_native(
    path: Path,
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    annotator: str | None = None,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    max_depth: int = MAX_DEPTH,
) -> tuple[list[DocumentRecord], list[Problem]]:
    """The records that passed and the problems of the ones that did not (for :func:`validate`)."""
    problems: list[Problem] = []
    records = list(
        iter_native(
            path, problems, labels, relation_labels, annotator, max_line_bytes=max_line_bytes, max_depth=max_depth
        )
    )
    if not records and not problems:
        problems.append(Problem.empty_file(path))
    return records, problems


def iter_native(
    path: Path,
    problems: list[Problem],
    labels: Mapping[str, SpanKind] = DEFAULT_LABELS,
    relation_labels: Collection[str] = DEFAULT_RELATION_LABELS,
    annotator: str | None = None,
    *,
    max_line_bytes: int = MAX_LINE_BYTES,
    max_depth: int = MAX_DEPTH,
    digests: dict[int, bytes] | None = None,
) -> Iterator[DocumentRecord]:
    """The records that pass, one line at a time; the problems of the others go into ``problems``.

    ``digests``, when given, receives a digest of each line that passed, by line number, for
    :func:`reread_native`.
    """
    seen: dict[tuple[str, str], int] = {}
    relation_label_set = frozenset(relation_labels)
    for line, obj, text, members in iter_jsonl(Path(path), problems, max_line_bytes, max_depth, count=True):
        checker = Checker(str(path), problems, line=line)
        record = _parse_record(obj, checker, labels, relation_label_set, annotator)
        if members != (count_members(obj) if record is None else _record_members(obj)):
            # Fewer members parsed than written: a duplicate key. The strict parse names it.
            try:
                loads_strict(text, max_depth)
            except JsonProblem as error:
                checker.fail(error.field, error.message)
                continue
        if record is None:
            continue
        key = (record.doc_id, record.annotator)
        if key in seen:
            checker.fail(
                "doc_id",
                f"duplicate record for document {record.doc_id!r} and annotator {record.annotator!r} "
                f"(first on line {seen[key]})",
            )
            continue
        seen[key] = line
        if digests is not None:
            digests[line] = _digest(text.encode("utf-8"))
        yield record


def _digest(line: bytes) -> bytes:
    return hashlib.blake2b(line, digest_size=16).digest()


class FileChanged(Exception):
    """A line of a native file is not the one :func:`iter_native` checked."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} changed after the file was checked")
        self.line = line


def reread_native(path: Path, digests: Mapping[int, bytes], annotator: str | None = None) -> Iterator[DocumentRecord]:
    """The records of a file :func:`iter_native` passed whole, read again without checking them again.

    Each line must be the one checked (its digest in ``digests``): otherwise :class:`FileChanged`
    is raised before its record is given. The records equal those :func:`iter_native` gave.
    """
    problems: list[Problem] = []
    seen = 0
    for number, raw in enumerate(read_lines(Path(path), problems), start=1):
        digest = digests.get(number)
        if digest is None:
            if raw.decode("utf-8", "replace").strip():
                raise FileChanged(number)
            continue
        if _digest(raw) != digest:
            raise FileChanged(number)
        seen += 1
        yield _checked_record(json.loads(raw, parse_constant=reject_constant, parse_float=finite_float), annotator)
    if problems or seen != len(digests):
        raise FileChanged(number + 1 if seen else 1)


def _checked_record(obj: dict[str, Any], annotator: str | None) -> DocumentRecord:
    """The record :func:`_parse_record` makes of ``obj``, which it passed before."""
    doc: str = obj["doc_id"]
    owner: str = annotator if annotator is not None else obj["annotator"]
    spans = tuple(
        [
            checked_span(
                s["id"], doc, owner, KINDS[s["kind"]], s["label"], s["start"], s["end"], s["text"], s["attrs"], s["ref"]
            )
            for s in obj["spans"]
        ]
    )
    relations = tuple(
        [Relation(r["id"], doc, owner, r["label"], r["head"], r["tail"], r["attrs"]) for r in obj["relations"]]
    )
    return DocumentRecord(
        doc,
        obj["title"],
        obj["text"],
        obj["text_sha256"],
        owner,
        _STATUSES[obj["status"]],
        spans,
        relations,
        obj["meta"],
        obj["lang"],
    )


def _record_members(obj: dict[str, Any]) -> int:
    """:func:`count_members` of a record that passed validation, without visiting every span's values."""
    spans: list[dict[str, Any]] = obj["spans"]
    relations: list[dict[str, Any]] = obj["relations"]
    total = len(obj) + count_members(obj["meta"]) + len(SPAN_KEYS) * len(spans) + len(RELATION_KEYS) * len(relations)
    for item in spans:
        if item["attrs"]:
            total += count_members(item["attrs"])
    for item in relations:
        if item["attrs"]:
            total += count_members(item["attrs"])
    return total


def _parse_record(
    obj: Any,
    ck: Checker,
    labels: Mapping[str, SpanKind],
    relation_labels: frozenset[str],
    annotator_override: str | None,
) -> DocumentRecord | None:
    if type(obj) is not dict:
        ck.fail("", f"expected a JSON object, got {json_type(obj)}")
        return None
    for key in obj.keys() - set(RECORD_KEYS):
        ck.fail(key, "unknown field")
    fmt = obj.get("format")
    if fmt != FORMAT:
        ck.fail("format", "missing field" if fmt is None else f"wrong format tag {fmt!r}, expected {FORMAT!r}")
    unit = obj.get("offset_unit")
    if unit != "codepoint":
        ck.fail("offset_unit", "missing field" if unit is None else f"offset_unit must be 'codepoint', got {unit!r}")
    doc_id = ck.string(obj, "doc_id", "doc_id", nonempty=True)
    title = ck.string(obj, "title", "title")
    text = ck.string(obj, "text", "text", nonempty=True)
    sha = ck.string(obj, "text_sha256", "text_sha256")
    lang = ck.string(obj, "lang", "lang")
    layer = ck.string(obj, "annotator", "annotator", nonempty=True)
    status_name = ck.string(obj, "status", "status")
    status = _STATUSES.get(status_name) if status_name is not None else None
    if status_name is not None and status is None:
        ck.fail("status", f"unknown status {status_name!r} (expected one of {', '.join(_STATUSES)})")
    raw_spans = ck.array(obj, "spans", "spans")
    raw_relations = ck.array(obj, "relations", "relations")
    meta = ck.obj(obj, "meta", "meta")
    if text is not None:
        if "\r" in text or text.startswith(BOM):
            ck.fail("text", "the text is not in stored form (it contains \\r or starts with a byte order mark)")
        if sha is not None and text_sha256(text) != sha:
            ck.fail("text_sha256", "text hash mismatch: text_sha256 is not the SHA-256 of the UTF-8 text")
    if annotator_override is not None:
        layer = annotator_override
    doc = doc_id or ""
    owner = layer or ""
    spans: list[Span] = []
    span_ids: set[str] = set()
    if raw_spans is not None and text is not None:
        n = len(text)
        get_kind = KINDS.get
        for i, s in enumerate(raw_spans):
            if type(s) is dict and len(s) == 8:
                sid = s.get("id")
                start = s.get("start")
                end = s.get("end")
                covered = s.get("text")
                kind_name = s.get("kind")
                kind = get_kind(kind_name) if type(kind_name) is str else None
                label = s.get("label")
                attrs = s.get("attrs")
                ref = s.get("ref")
                if (
                    type(sid) is str
                    and sid
                    and sid not in span_ids
                    and type(start) is int
                    and type(end) is int
                    and 0 <= start < end <= n
                    and type(covered) is str
                    and text[start:end] == covered
                    and kind is not None
                    and type(label) is str
                    and labels.get(label) is kind
                    and type(attrs) is dict
                    and (ref is None or type(ref) is str)
                ):
                    span_ids.add(sid)
                    spans.append(checked_span(sid, doc, owner, kind, label, start, end, covered, attrs, ref))
                    continue
            _report_span(ck, text, labels, s, f"spans[{i}]", span_ids)
    relations: list[Relation] = []
    if raw_relations is not None:
        relation_ids: set[str] = set()
        for i, r in enumerate(raw_relations):
            if type(r) is dict and len(r) == 5:
                rid, label, attrs = r.get("id"), r.get("label"), r.get("attrs")
                head, tail = r.get("head"), r.get("tail")
                if (
                    type(rid) is str
                    and rid
                    and rid not in relation_ids
                    and type(label) is str
                    and label in relation_labels
                    and type(head) is str
                    and head in span_ids
                    and type(tail) is str
                    and tail in span_ids
                    and type(attrs) is dict
                ):
                    relation_ids.add(rid)
                    relations.append(Relation(rid, doc, owner, label, head, tail, attrs))
                    continue
            relation = _parse_relation(ck, r, f"relations[{i}]", relation_labels, span_ids, relation_ids, doc, owner)
            if relation is not None:
                relations.append(relation)
    if ck.failed:
        return None
    assert doc_id is not None and title is not None and text is not None and sha is not None
    assert lang is not None and layer is not None and status is not None and meta is not None
    return DocumentRecord(doc_id, title, text, sha, layer, status, tuple(spans), tuple(relations), meta, lang)


def _report_span(ck: Checker, text: str, labels: Mapping[str, SpanKind], s: Any, field: str, ids: set[str]) -> None:
    """Record every problem of a span that failed the fast check."""
    if type(s) is not dict:
        ck.fail(field, f"expected an object, got {json_type(s)}")
        return
    for key in s.keys() - _SPAN_KEY_SET:
        ck.fail(f"{field}.{key}", "unknown field")
    for key in SPAN_KEYS:
        if key not in s:
            ck.fail(f"{field}.{key}", "missing field")
    sid = s.get("id")
    if "id" in s:
        if type(sid) is not str or not sid:
            ck.fail(f"{field}.id", f"expected a non-empty string, got {json_type(sid)}")
        elif sid in ids:
            ck.fail(f"{field}.id", f"duplicate span id {sid!r}")
        else:
            ids.add(sid)  # so that relations to it are not reported as well
    start, end, covered = s.get("start"), s.get("end"), s.get("text")
    if "start" in s and "end" in s and ck.offsets(len(text), start, end, field) and "text" in s:
        if type(covered) is not str:
            ck.fail(f"{field}.text", f"expected a string, got {json_type(covered)}")
        elif text[start:end] != covered:
            ck.fail(
                f"{field}.text",
                f"span text {covered!r} differs from the text at [{start}, {end}): {text[start:end]!r}",
            )
    kind_name = s.get("kind")
    kind = KINDS.get(kind_name) if type(kind_name) is str else None
    if "kind" in s and kind is None:
        ck.fail(f"{field}.kind", f"unknown kind {kind_name!r} (expected one of {', '.join(KINDS)})")
    if "label" in s:
        label_kind = ck.kind_of(labels, s.get("label"), f"{field}.label")
        if label_kind is not None and kind is not None and label_kind is not kind:
            ck.fail(f"{field}.kind", f"label {s.get('label')!r} is of kind {label_kind.value!r}, not {kind.value!r}")
    if "attrs" in s and type(s.get("attrs")) is not dict:
        ck.fail(f"{field}.attrs", f"expected an object, got {json_type(s.get('attrs'))}")
    ref = s.get("ref")
    if ref is not None and type(ref) is not str:
        ck.fail(f"{field}.ref", f"expected a string or null, got {json_type(ref)}")


def _parse_relation(
    ck: Checker,
    r: Any,
    field: str,
    relation_labels: frozenset[str],
    span_ids: set[str],
    relation_ids: set[str],
    doc: str,
    owner: str,
) -> Relation | None:
    if type(r) is not dict:
        ck.fail(field, f"expected an object, got {json_type(r)}")
        return None
    before = len(ck.problems)
    for key in r.keys() - _RELATION_KEY_SET:
        ck.fail(f"{field}.{key}", "unknown field")
    rid = ck.string(r, "id", f"{field}.id", nonempty=True)
    if rid is not None:
        if rid in relation_ids:
            ck.fail(f"{field}.id", f"duplicate relation id {rid!r}")
        relation_ids.add(rid)
    label = ck.string(r, "label", f"{field}.label")
    if label is not None and label not in relation_labels:
        ck.fail(f"{field}.label", f"unknown relation label {label!r} (not in the schema)")
    ends = []
    for key in ("head", "tail"):
        target = ck.string(r, key, f"{field}.{key}", nonempty=True)
        if target is not None and target not in span_ids:
            ck.fail(f"{field}.{key}", f"relation refers to a missing span {target!r}")
        ends.append(target)
    attrs = ck.obj(r, "attrs", f"{field}.attrs")
    if len(ck.problems) != before:
        return None
    assert rid is not None and label is not None and ends[0] is not None and ends[1] is not None and attrs is not None
    return Relation(rid, doc, owner, label, ends[0], ends[1], attrs)
