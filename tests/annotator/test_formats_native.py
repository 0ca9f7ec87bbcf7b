"""Native ``hashiya/1`` JSONL: the exact bytes written, and reading them back."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.formats import DocumentRecord, ImportFailed, read_native, write_native
from annotator.formats.native import sorted_spans
from annotator.model import DocumentStatus, Relation, Span, SpanKind

TEXT = "قال بوتين:\u00a0«روسيا» 👍"
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def span(sid: str, start: int, end: int, label: str, kind: SpanKind = SpanKind.ENTITY, **extra: object) -> Span:
    return Span(sid, "d1", "huda", kind, label, start, end, TEXT[start:end], **extra)  # type: ignore[arg-type]


RECORD = DocumentRecord(
    doc_id="d1",
    title="تصريح",
    text=TEXT,
    text_sha256=SHA,
    annotator="huda",
    status=DocumentStatus.IN_PROGRESS,
    spans=(
        span("b", 12, 17, "GPE", ref="Q159"),
        span("c", 0, 18, "CLAIM", SpanKind.CLAIM, attributes={"stance": "asserted", "n": 1.5}),
        span("a", 4, 9, "PER"),
        span("a2", 4, 9, "ORG"),
    ),
    relations=(
        Relation("r2", "d1", "huda", "SOURCE", "c", "a"),
        Relation("r1", "d1", "huda", "CLAIMANT", "c", "a", {"x": None}),
    ),
    meta={"z": 1, "a": ["ب"]},
)

EXPECTED = (
    '{"format": "hashiya/1", "doc_id": "d1", "title": "تصريح", "text": "قال بوتين:\u00a0«روسيا» 👍", '
    f'"text_sha256": "{SHA}", "lang": "ar", "offset_unit": "codepoint", "annotator": "huda", '
    '"status": "in_progress", "spans": ['
    '{"id": "c", "start": 0, "end": 18, "text": "قال بوتين:\u00a0«روسيا»", "kind": "claim", "label": "CLAIM", '
    '"attrs": {"stance": "asserted", "n": 1.5}, "ref": null}, '
    '{"id": "a", "start": 4, "end": 9, "text": "بوتين", "kind": "entity", "label": "PER", "attrs": {}, "ref": null}, '
    '{"id": "a2", "start": 4, "end": 9, "text": "بوتين", "kind": "entity", "label": "ORG", "attrs": {}, "ref": null}, '
    '{"id": "b", "start": 12, "end": 17, "text": "روسيا", "kind": "entity", "label": "GPE", "attrs": {}, '
    '"ref": "Q159"}], '
    '"relations": [{"id": "r1", "label": "CLAIMANT", "head": "c", "tail": "a", "attrs": {"x": null}}, '
    '{"id": "r2", "label": "SOURCE", "head": "c", "tail": "a", "attrs": {}}], '
    '"meta": {"z": 1, "a": ["ب"]}}\n'
)


def test_the_written_line_is_exactly_the_documented_shape(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    report = write_native([RECORD], path)
    assert path.read_bytes() == EXPECTED.encode("utf-8")
    assert (report.documents, report.spans, report.relations, report.skipped) == (1, 4, 2, [])


def test_export_import_export_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    write_native(
        [RECORD, RECORD.__class__(**{**RECORD.__dict__, "annotator": "gold", "spans": (), "relations": ()})], first
    )
    records = read_native(first)
    write_native(records, second)
    assert second.read_bytes() == first.read_bytes()
    assert sorted(records[0].spans, key=lambda s: s.id) == sorted(RECORD.spans, key=lambda s: s.id)
    assert records[1].annotator == "gold" and records[1].spans == ()


def test_the_annotator_can_be_renamed_on_import(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_native([RECORD], path)
    [record] = read_native(path, annotator="teammate")
    assert record.annotator == "teammate"
    assert {s.annotator for s in record.spans} == {"teammate"}
    assert {r.annotator for r in record.relations} == {"teammate"}


def test_a_failed_write_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_native([RECORD], path)
    bad = DocumentRecord("d2", "", "x", "", "huda", meta={"f": float("nan")})
    with pytest.raises(ValueError):
        write_native([RECORD, bad], path)
    assert path.read_bytes() == EXPECTED.encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_reading_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as caught:
        read_native(tmp_path / "nope.jsonl")
    assert "cannot be read" in caught.value.problems[0].message


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 5), st.sampled_from(["a", "b", "c"])), max_size=30))
def test_sorted_spans_is_start_then_longest_then_id(items: list[tuple[int, int, str]]) -> None:
    spans = [Span(sid, "d", "h", SpanKind.ENTITY, "PER", start, start + length, "x") for start, length, sid in items]
    expected = sorted((s.start, -s.end, s.id) for s in spans)
    assert [(s.start, -s.end, s.id) for s in sorted_spans(spans)] == expected
