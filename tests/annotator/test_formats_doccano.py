"""doccano JSONL in both shapes: exact lines, import, and CRLF texts from other tools."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from annotator.formats import DoccanoShape, DocumentRecord, read_doccano, write_doccano
from annotator.formats.detect import detect_format
from annotator.formats.table import ImportFormat
from annotator.model import Relation, Span, SpanKind

TEXT = "زار بوتين لروسيا"


def record() -> DocumentRecord:
    return DocumentRecord(
        "d1",
        "t",
        TEXT,
        hashlib.sha256(TEXT.encode()).hexdigest(),
        "huda",
        spans=(
            Span("g", "d1", "huda", SpanKind.ENTITY, "GPE", 11, 16, "روسيا"),
            Span("p", "d1", "huda", SpanKind.ENTITY, "PER", 4, 9, "بوتين"),
        ),
        relations=(Relation("r", "d1", "huda", "TARGET", "p", "g"),),
    )


def test_labels_shape_exact_line_and_relations_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    report = write_doccano([record()], path, DoccanoShape.LABELS)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "id": "d1",
        "text": TEXT,
        "label": [[4, 9, "PER"], [11, 16, "GPE"]],
        "meta": {"doc_id": "d1", "title": "t", "annotator": "huda", "status": "new"},
    }
    assert [(s.item_id, s.reason) for s in report.skipped] == [("r", "the labels shape of doccano has no relations")]


def test_entities_shape_exact_line(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    report = write_doccano([record()], path, DoccanoShape.ENTITIES)
    line = json.loads(path.read_text(encoding="utf-8"))
    assert line["entities"] == [
        {"id": 1, "start_offset": 4, "end_offset": 9, "label": "PER"},
        {"id": 2, "start_offset": 11, "end_offset": 16, "label": "GPE"},
    ]
    assert line["relations"] == [{"id": 1, "from_id": 1, "to_id": 2, "type": "TARGET"}]
    assert report.skipped == []
    assert detect_format(path) is ImportFormat.DOCCANO


def test_import_of_a_crlf_text_moves_offsets_to_the_stored_text(tmp_path: Path) -> None:
    text = "\ufeffقال\r\nبوتين\rروسيا"
    path = tmp_path / "in.jsonl"
    line = {"id": 3, "text": text, "label": [[6, 11, "PER"], [12, 17, "GPE"]]}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    [rec] = read_doccano(path, "ali")
    assert rec.text == "قال\nبوتين\nروسيا"
    assert rec.doc_id == rec.text_sha256  # doccano numbers its examples: an integer id is not a document id
    assert [(s.start, s.end, s.text, s.kind) for s in rec.spans] == [
        (4, 9, "بوتين", SpanKind.ENTITY),
        (10, 15, "روسيا", SpanKind.ENTITY),
    ]
    assert rec.text_sha256 == hashlib.sha256(rec.text.encode()).hexdigest()
