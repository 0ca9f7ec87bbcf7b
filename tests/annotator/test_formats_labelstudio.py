"""Label Studio JSON: code-point offsets as its editor counts them, relations, predictions, and import."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.formats import DocumentRecord, ImportFailed, labeling_config, read_labelstudio, write_labelstudio
from annotator.model import Relation, Span, SpanKind
from annotator.offsets import SplitSurrogate, Utf16Index

# Code points (UTF-16 units): 𝔸 0 (0-2), space, قال 2-5 (3-6), space, 👍 6 (7-9), 🏽 7 (9-11),
# space, بوتين 9-14 (12-17).
TEXT = "𝔸 قال 👍🏽 بوتين"


def test_utf16_index_against_hand_counted_offsets() -> None:
    index = Utf16Index(TEXT)
    assert [index.to_units(i) for i in (0, 1, 2, 5, 6, 7, 8, 9, 14)] == [0, 2, 3, 6, 7, 9, 11, 12, 17]
    assert index.units == 17
    assert [index.to_codepoints(u) for u in (0, 2, 3, 12, 17)] == [0, 1, 2, 9, 14]
    for units in (1, 8, 10):
        with pytest.raises(SplitSurrogate):
            index.to_codepoints(units)


def test_export_writes_code_point_offsets_and_relations(tmp_path: Path) -> None:
    spans = (
        Span("p", "d1", "huda", SpanKind.ENTITY, "PER", 9, 14, "بوتين"),
        Span("c", "d1", "huda", SpanKind.CLAIM, "CLAIM", 2, 14, TEXT[2:14], {"stance": "asserted"}),
    )
    rec = DocumentRecord(
        "d1",
        "t",
        TEXT,
        hashlib.sha256(TEXT.encode()).hexdigest(),
        "huda",
        spans=spans,
        relations=(Relation("r", "d1", "huda", "CLAIMANT", "c", "p"),),
    )
    path = tmp_path / "ls.json"
    report = write_labelstudio([rec], path)
    [task] = json.loads(path.read_text(encoding="utf-8"))
    assert task["data"] == {"text": TEXT, "doc_id": "d1", "title": "t"}
    result = task["annotations"][0]["result"]
    assert [
        (r.get("id"), r["type"], r.get("value", {}).get("start"), r.get("value", {}).get("end")) for r in result
    ] == [
        ("c", "labels", 2, 14),
        ("p", "labels", 9, 14),
        (None, "relation", None, None),
    ]
    assert result[2] == {"type": "relation", "from_id": "c", "to_id": "p", "direction": "right", "labels": ["CLAIMANT"]}
    assert report.summary() == ["1 item(s) written without their attributes or registry reference"]
    [back] = read_labelstudio(path, "ali")
    assert {(s.id, s.start, s.end, s.text, s.annotator) for s in back.spans} == {
        ("p", 9, 14, "بوتين", "ali"),
        ("c", 2, 14, TEXT[2:14], "ali"),
    }


def test_import_of_a_hand_written_export_with_left_relation_and_crlf(tmp_path: Path) -> None:
    text = "قال\r\nبوتين 👍 روسيا"  # stored as "قال\nبوتين 👍 روسيا"
    tasks = [
        {
            "id": 7,
            "data": {"text": text},
            "annotations": [
                {"was_cancelled": True, "result": []},
                {
                    "result": [
                        {
                            "id": "x",
                            "type": "labels",
                            "value": {"start": 5, "end": 10, "text": "بوتين", "labels": ["PER"]},
                        },
                        {"id": "y", "type": "labels", "value": {"start": 13, "end": 18, "labels": ["GPE"]}},
                        {"type": "relation", "from_id": "y", "to_id": "x", "direction": "left", "labels": ["CLAIMANT"]},
                        {"id": "z", "type": "choices", "value": {"choices": ["ok"]}},
                    ]
                },
            ],
        }
    ]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    [rec] = read_labelstudio(path, "ali")
    assert rec.text == "قال\nبوتين 👍 روسيا"
    assert rec.doc_id == rec.text_sha256  # a task number is Label Studio's own, not a document id
    assert [(s.id, s.start, s.end, s.text) for s in rec.spans] == [("x", 4, 9, "بوتين"), ("y", 12, 17, "روسيا")]
    assert [(r.head, r.tail) for r in rec.relations] == [("x", "y")]


def test_a_bad_task_rejects_the_whole_file(tmp_path: Path) -> None:
    good = {"data": {"text": "بوتين"}, "annotations": [{"result": []}]}
    bad = {"data": {"text": 5}}
    path = tmp_path / "in.json"
    path.write_text(json.dumps([good, bad]), encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_labelstudio(path, "ali")
    assert [(p.task, p.field, p.message) for p in caught.value.problems] == [
        (1, "data.text", "expected a string, got an integer")
    ]


def test_labeling_config_lists_every_label() -> None:
    config = labeling_config({"PER": SpanKind.ENTITY, "A&B": SpanKind.ENTITY}, {"PARTY"})
    assert '<Label value="PER"/>' in config and '<Label value="A&amp;B"/>' in config
    assert '<Relation value="PARTY"/>' in config and '<Text name="text" value="$text"' in config
