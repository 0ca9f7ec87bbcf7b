"""Malformed inputs for the importers, each with the message fragment it must produce.

Every case is a whole file (bytes), the format to read it as, the fragment expected in one of the
reported problems, and where it must be reported (line or task, field).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from annotator.formats import OffsetUnit

TEXT = "زار بوتين لروسيا 👍🏽 بيونغ\u00a0يانغ."
# Offsets counted by hand: زار=0-3, space, بوتين=4-9, space, لروسيا=10-16 (روسيا=11-16),
# space, 👍=17, 🏽=18, space, بيونغ=20-25, NBSP=25, يانغ=26-30, '.'=30; 31 code points.
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def native_record() -> dict[str, Any]:
    return {
        "format": "hashiya/1",
        "doc_id": "doc-1",
        "title": "زيارة",
        "text": TEXT,
        "text_sha256": SHA,
        "lang": "ar",
        "offset_unit": "codepoint",
        "annotator": "huda",
        "status": "done",
        "spans": [
            {
                "id": "s1",
                "start": 4,
                "end": 9,
                "text": "بوتين",
                "kind": "entity",
                "label": "PER",
                "attrs": {},
                "ref": None,
            },
            {
                "id": "s2",
                "start": 11,
                "end": 16,
                "text": "روسيا",
                "kind": "entity",
                "label": "GPE",
                "attrs": {},
                "ref": "Q159",
            },
        ],
        "relations": [{"id": "r1", "label": "CLAIMANT", "head": "s1", "tail": "s2", "attrs": {}}],
        "meta": {},
    }


def line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def native(change: Callable[[dict[str, Any]], None]) -> bytes:
    record = copy.deepcopy(native_record())
    change(record)
    return (line(record) + "\n").encode("utf-8")


def native_text(edit: Callable[[str], str]) -> bytes:
    """A native file whose single line is edited as text (for things json.dumps cannot write)."""
    return (edit(line(native_record())) + "\n").encode("utf-8")


GOOD_NATIVE = native(lambda r: None)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(record: dict[str, Any]) -> None:
        target: Any = record
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        target[int(last) if last.isdigit() else last] = value

    return change


def _delete(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda record: record.pop(key)


def _duplicate_span(record: dict[str, Any]) -> None:
    record["spans"].append(dict(record["spans"][0], start=10, end=16, text="لروسيا", label="GPE"))


def _duplicate_relation(record: dict[str, Any]) -> None:
    record["relations"].append(dict(record["relations"][0], head="s2", tail="s1"))


LS_TEXT = "قال 👍🏽 بوتين"  # 👍=4 (UTF-16 4-5), 🏽=5 (UTF-16 6-7), بوتين code points 7-12, UTF-16 9-14


def labelstudio(results: list[dict[str, Any]], text: str = LS_TEXT) -> bytes:
    task = {"id": 1, "data": {"text": text}, "annotations": [{"result": results}]}
    return json.dumps([task], ensure_ascii=False).encode("utf-8")


def region(start: int, end: int, labels: list[str], rid: str = "a") -> dict[str, Any]:
    return {
        "id": rid,
        "type": "labels",
        "from_name": "label",
        "to_name": "text",
        "value": {"start": start, "end": end, "labels": labels},
    }


def jsonl(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def entity(number: int, start: Any, end: Any, label: str) -> dict[str, Any]:
    return {"id": number, "start_offset": start, "end_offset": end, "label": label}


@dataclass(frozen=True)
class Case:
    name: str
    fmt: str
    data: bytes
    fragment: str
    line: int | None = None
    field: str | None = None
    task: int | None = None
    options: dict[str, Any] = dataclass_field(default_factory=dict)


CASES: list[Case] = [
    Case("not_utf8", "native", GOOD_NATIVE.replace("بوتين".encode(), b"\xd8\x28", 1), "not valid UTF-8", line=1),
    Case("utf16_file", "native", "\ufeff{}".encode("utf-16-le"), "the file is UTF-16, not UTF-8"),
    Case("bom_inside_file", "native", GOOD_NATIVE + b"\xef\xbb\xbf" + GOOD_NATIVE, "byte order mark", line=2),
    Case("invalid_json", "native", b'{"format": "hashiya/1",\n', "invalid JSON at column", line=1),
    Case("trailing_garbage", "native", GOOD_NATIVE.rstrip(b"\n") + b" x\n", "invalid JSON", line=1),
    Case(
        "nan",
        "native",
        native_text(lambda s: s.replace('"meta": {}', '"meta": {"score": NaN}')),
        "NaN is not allowed",
        line=1,
    ),
    Case(
        "infinity",
        "native",
        native_text(lambda s: s.replace('"meta": {}', '"meta": {"x": -Infinity}')),
        "-Infinity is not allowed",
        line=1,
    ),
    Case(
        "lone_surrogate",
        "native",
        native_text(lambda s: s.replace('"title": "زيارة"', '"title": "a\\ud800b"')),
        "lone surrogate",
        line=1,
        field="title",
    ),
    Case(
        "lone_low_surrogate",
        "native",
        native_text(lambda s: s.replace('"meta": {}', '"meta": {"k": ["\\udc00"]}')),
        "lone surrogate",
        line=1,
        field="meta.k[0]",
    ),
    Case(
        "deep_nesting",
        "native",
        native_text(lambda s: s.replace('"meta": {}', '"meta": {"x": ' + "[" * 5000 + "]" * 5000 + "}")),
        "nesting is deeper than 64 levels",
        line=1,
    ),
    Case("huge_line", "native", GOOD_NATIVE, "over the limit of 200", line=1, options={"max_line_bytes": 200}),
    Case(
        "huge_integer",
        "native",
        native_text(lambda s: s.replace('"meta": {}', '"meta": {"n": ' + "9" * 5000 + "}")),
        "invalid JSON",
        line=1,
    ),
    Case(
        "duplicate_key",
        "native",
        native_text(lambda s: s.replace('"lang": "ar"', '"lang": "ar", "lang": "fa"')),
        "duplicate key 'lang'",
        line=1,
    ),
    Case(
        "duplicate_key_in_a_span",
        "native",
        native_text(lambda s: s.replace('"label": "PER"', '"label": "PER", "label": "GPE"')),
        "duplicate key 'label'",
        line=1,
    ),
    Case(
        "duplicate_key_deep_in_meta",
        "native",
        native_text(lambda s: s.replace('"meta": {}', '"meta": {"a": [{"b": 1, "b": 2}]}')),
        "duplicate key 'b'",
        line=1,
    ),
    Case(
        "duplicate_key_in_attrs_of_a_bad_record",
        "native",
        native_text(lambda s: s.replace('"attrs": {}, "ref": null', '"attrs": {"x": 1, "x": 1}, "ref": 5', 1)),
        "duplicate key 'x'",
        line=1,
    ),
    Case(
        "duplicate_key_in_doccano",
        "doccano",
        '{"text": "زار بوتين", "text": "x", "label": []}\n'.encode(),
        "duplicate key 'text'",
        line=1,
    ),
    Case("not_an_object", "native", b"[1, 2]\n", "the file is one JSON array, not JSON Lines"),
    Case("not_an_object_line", "native", b"7\n", "expected a JSON object, got an integer", line=1),
    Case(
        "wrong_format_tag",
        "native",
        native(_set("format", "hashiya/2")),
        "wrong format tag 'hashiya/2'",
        line=1,
        field="format",
    ),
    Case(
        "offset_unit",
        "native",
        native(_set("offset_unit", "utf16")),
        "offset_unit must be 'codepoint'",
        line=1,
        field="offset_unit",
    ),
    Case("missing_field", "native", native(_delete("text_sha256")), "missing field", line=1, field="text_sha256"),
    Case("unknown_field", "native", native(_set("colour", "red")), "unknown field", line=1, field="colour"),
    Case(
        "string_offset",
        "native",
        native(_set("spans.0.start", "4")),
        "expected an integer offset, got a string",
        line=1,
        field="spans[0].start",
    ),
    Case(
        "bool_offset",
        "native",
        native(_set("spans.0.end", True)),
        "expected an integer offset, got a boolean",
        line=1,
        field="spans[0].end",
    ),
    Case(
        "float_offset",
        "native",
        native(_set("spans.0.start", 4.0)),
        "got a number with a fraction",
        line=1,
        field="spans[0].start",
    ),
    Case(
        "offset_out_of_range",
        "native",
        native(_set("spans.1.end", 99)),
        "out of range for a text of length 31",
        line=1,
        field="spans[1]",
    ),
    Case("negative_offset", "native", native(_set("spans.0.start", -1)), "out of range", line=1, field="spans[0]"),
    Case("reversed_offsets", "native", native(_set("spans.0.start", 12)), "reversed", line=1, field="spans[0]"),
    Case("empty_offsets", "native", native(_set("spans.0.end", 4)), "are empty", line=1, field="spans[0]"),
    Case(
        "span_text_mismatch",
        "native",
        native(_set("spans.1.text", "لروسيا")),
        "differs from the text at [11, 16)",
        line=1,
        field="spans[1].text",
    ),
    Case(
        "hash_mismatch",
        "native",
        native(_set("text_sha256", "0" * 64)),
        "text hash mismatch",
        line=1,
        field="text_sha256",
    ),
    Case("text_not_stored_form", "native", native(_set("text", "a\r\nb")), "not in stored form", line=1, field="text"),
    Case(
        "unknown_label",
        "native",
        native(_set("spans.0.label", "PERSON")),
        "unknown label 'PERSON'",
        line=1,
        field="spans[0].label",
    ),
    Case(
        "unknown_kind",
        "native",
        native(_set("spans.0.kind", "person")),
        "unknown kind 'person'",
        line=1,
        field="spans[0].kind",
    ),
    Case(
        "kind_label_mismatch",
        "native",
        native(_set("spans.0.kind", "claim")),
        "label 'PER' is of kind 'entity', not 'claim'",
        line=1,
        field="spans[0].kind",
    ),
    Case(
        "unknown_relation_label",
        "native",
        native(_set("relations.0.label", "LIKES")),
        "unknown relation label 'LIKES'",
        line=1,
        field="relations[0].label",
    ),
    Case(
        "relation_to_missing_span",
        "native",
        native(_set("relations.0.tail", "s9")),
        "relation refers to a missing span 's9'",
        line=1,
        field="relations[0].tail",
    ),
    Case("duplicate_span_id", "native", native(_duplicate_span), "duplicate span id 's1'", line=1, field="spans[2].id"),
    Case(
        "duplicate_relation_id",
        "native",
        native(_duplicate_relation),
        "duplicate relation id 'r1'",
        line=1,
        field="relations[1].id",
    ),
    Case("duplicate_record", "native", GOOD_NATIVE + GOOD_NATIVE, "duplicate record for document 'doc-1'", line=2),
    Case(
        "unknown_status",
        "native",
        native(_set("status", "finished")),
        "unknown status 'finished'",
        line=1,
        field="status",
    ),
    Case(
        "attrs_not_object",
        "native",
        native(_set("spans.0.attrs", [])),
        "expected an object, got an array",
        line=1,
        field="spans[0].attrs",
    ),
    Case(
        "ref_not_string",
        "native",
        native(_set("spans.0.ref", 7)),
        "expected a string or null",
        line=1,
        field="spans[0].ref",
    ),
    Case(
        "span_not_object",
        "native",
        native(_set("spans.0", [4, 9])),
        "expected an object, got an array",
        line=1,
        field="spans[0]",
    ),
    Case("empty_file", "native", b"", "the file is empty"),
    Case("blank_file", "native", b"\n  \n\n", "the file is empty"),
    Case("bom_only_file", "native", b"\xef\xbb\xbf\n", "the file is empty"),
    Case(
        "ls_splits_surrogate_pair",
        "labelstudio",
        labelstudio([region(5, 9, ["PER"])]),
        "splits a surrogate pair",
        task=0,
        field="annotations[0].result[0].value",
        options={"unit": OffsetUnit.UTF16},
    ),
    Case(
        "ls_out_of_range",
        "labelstudio",
        labelstudio([region(9, 15, ["PER"])]),
        "out of range for a text of 12 code points",
        task=0,
        field="annotations[0].result[0].value",
    ),
    Case(
        "ls_text_mismatch",
        "labelstudio",
        labelstudio([dict(region(7, 12, ["PER"]), value={"start": 7, "end": 12, "text": "بوتي", "labels": ["PER"]})]),
        "differs from the text",
        task=0,
    ),
    Case(
        "ls_two_labels",
        "labelstudio",
        labelstudio([region(9, 14, ["PER", "ORG"])]),
        "expected exactly one label, got 2",
        task=0,
    ),
    Case("ls_not_a_list", "labelstudio", b'{"data": {"text": "x"}}', "expected a list of tasks, got an object"),
    Case(
        "ls_relation_missing_span",
        "labelstudio",
        labelstudio(
            [region(9, 14, ["PER"]), {"type": "relation", "from_id": "a", "to_id": "zz", "labels": ["CLAIMANT"]}]
        ),
        "relation refers to a missing span 'zz'",
        task=0,
    ),
    Case("ls_invalid_json_line", "labelstudio", b'[\n{"data": {"text": "x"}},\n{"data": }\n]', "invalid JSON", line=3),
    Case(
        "doccano_label_shape",
        "doccano",
        '{"text": "زار بوتين", "label": [[4, 9]]}\n'.encode(),
        "expected [start, end, label]",
        line=1,
        field="label[0]",
    ),
    Case(
        "doccano_both_shapes",
        "doccano",
        '{"text": "زار بوتين", "label": [], "entities": []}\n'.encode(),
        "both 'label' and 'entities'",
        line=1,
    ),
    Case(
        "doccano_unknown_label",
        "doccano",
        '{"text": "زار بوتين", "label": [[4, 9, "PERSON"]]}\n'.encode(),
        "unknown label 'PERSON'",
        line=1,
        field="label[0].label",
    ),
    Case(
        "doccano_string_offsets",
        "doccano",
        jsonl({"text": "زار بوتين", "entities": [entity(1, "4", 9, "PER")]}),
        "expected an integer offset, got a string",
        line=1,
        field="entities[0].start_offset",
    ),
    Case(
        "doccano_duplicate_entity_id",
        "doccano",
        jsonl({"text": "زار بوتين", "entities": [entity(1, 0, 3, "PER"), entity(1, 4, 9, "PER")]}),
        "duplicate span id 1",
        line=1,
        field="entities[1].id",
    ),
    Case(
        "doccano_relation_missing",
        "doccano",
        jsonl(
            {
                "text": "زار بوتين",
                "entities": [entity(1, 4, 9, "PER")],
                "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "CLAIMANT"}],
            }
        ),
        "relation refers to a missing span 2",
        line=1,
        field="relations[0].to_id",
    ),
    Case(
        "prodigy_token_mismatch",
        "prodigy",
        jsonl(
            {
                "text": "زار بوتين",
                "tokens": [
                    {"text": "زار", "start": 0, "end": 3, "id": 0, "ws": True},
                    {"text": "بوتين", "start": 4, "end": 9, "id": 1, "ws": False},
                ],
                "spans": [{"start": 4, "end": 9, "token_start": 0, "token_end": 1, "label": "PER"}],
            }
        ),
        "token 0 does not start where the span does",
        line=1,
        field="spans[0].token_start",
    ),
    Case(
        "doccano_duplicate_document",
        "doccano",
        jsonl({"id": "4", "text": "زار بوتين", "label": []}) + jsonl({"id": "4", "text": "زار", "label": []}),
        "duplicate document '4' (first on line 1)",
        line=2,
    ),
    Case(
        "ls_duplicate_document",
        "labelstudio",
        json.dumps([{"data": {"text": "ب", "doc_id": "x"}}, {"data": {"text": "ت", "doc_id": "x"}}]).encode(),
        "duplicate document 'x' (first in task 0)",
        task=1,
    ),
    Case("prodigy_missing_text", "prodigy", b'{"spans": []}\n', "missing field", line=1, field="text"),
    Case("prodigy_empty_text", "prodigy", b'{"text": "", "spans": []}\n', "must not be empty", line=1, field="text"),
]
