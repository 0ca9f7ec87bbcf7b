"""The malformed-input table: every case is rejected, with file, place, field and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats import ImportFailed, ImportFormat, read_file, validate
from tests.annotator.malformed_cases import CASES, GOOD_NATIVE, Case, native, native_record

SUFFIX = {"native": ".jsonl", "doccano": ".jsonl", "prodigy": ".jsonl", "labelstudio": ".json"}


def write_case(tmp_path: Path, case: Case) -> Path:
    path = tmp_path / f"{case.name}{SUFFIX[case.fmt]}"
    path.write_bytes(case.data)
    return path


def test_the_table_covers_enough_kinds() -> None:
    assert len({case.name for case in CASES}) == len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_validate_reports_the_case(tmp_path: Path, case: Case) -> None:
    path = write_case(tmp_path, case)
    problems = validate(path, fmt=ImportFormat(case.fmt), **case.options)
    matching = [p for p in problems if case.fragment in p.message]
    assert matching, f"no problem mentions {case.fragment!r}: {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.path == str(path)
    if case.line is not None:
        assert problem.line == case.line
    if case.field is not None:
        assert problem.field == case.field
    if case.task is not None:
        assert problem.task == case.task
    assert case.fragment in str(problem) and str(path) in str(problem)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_import_of_the_case_raises_and_returns_nothing(tmp_path: Path, case: Case) -> None:
    path = write_case(tmp_path, case)
    with pytest.raises(ImportFailed) as caught:
        read_file(path, annotator="huda", fmt=ImportFormat(case.fmt), **case.options)
    assert any(case.fragment in p.message for p in caught.value.problems)


def test_the_unmodified_base_record_imports(tmp_path: Path) -> None:
    path = tmp_path / "good.jsonl"
    path.write_bytes(GOOD_NATIVE)
    assert validate(path) == []
    [record] = read_file(path)
    assert [(s.start, s.end, s.text, s.label, s.ref) for s in record.spans] == [
        (4, 9, "بوتين", "PER", None),
        (11, 16, "روسيا", "GPE", "Q159"),
    ]
    assert [(r.label, r.head, r.tail) for r in record.relations] == [("CLAIMANT", "s1", "s2")]


def test_a_leading_bom_and_crlf_line_ends_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_NATIVE.replace(b"\n", b"\r\n"))
    assert validate(path) == []
    assert read_file(path)[0].doc_id == "doc-1"


def test_one_bad_line_rejects_the_whole_file(tmp_path: Path) -> None:
    second = native_record()
    second["doc_id"] = "doc-2"
    second["spans"][0]["start"] = "4"
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(GOOD_NATIVE + (json.dumps(second, ensure_ascii=False) + "\n").encode())
    with pytest.raises(ImportFailed) as caught:
        read_file(path)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "spans[0].start")]


def test_validate_does_not_stop_at_the_first_problem(tmp_path: Path) -> None:
    def break_everything(record: dict[str, object]) -> None:
        record["format"] = "other/1"
        record["status"] = "later"
        spans = record["spans"]
        assert isinstance(spans, list)
        spans[0]["label"] = "NOPE"
        spans[1]["text"] = "x"

    path = tmp_path / "many.jsonl"
    path.write_bytes(b"not json\n" + native(break_everything) + b"[]\n")
    problems = validate(path, fmt=ImportFormat.NATIVE)
    assert [(p.line, p.field) for p in problems] == [
        (1, ""),
        (2, "format"),
        (2, "status"),
        (2, "spans[0].label"),
        (2, "spans[1].text"),
        (3, ""),
    ]


def test_labels_come_from_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "good.jsonl"
    path.write_bytes(GOOD_NATIVE)
    from annotator.model import SpanKind

    problems = validate(path, labels={"PER": SpanKind.ENTITY})
    assert [(p.field, p.message) for p in problems] == [("spans[1].label", "unknown label 'GPE' (not in the schema)")]
    assert validate(path, labels={"PER": SpanKind.ENTITY, "GPE": SpanKind.ENTITY}, relation_labels={"PARTY"})[
        0
    ].message == ("unknown relation label 'CLAIMANT' (not in the schema)")


def test_a_record_with_a_duplicate_key_and_other_problems_reports_both(tmp_path: Path) -> None:
    text = GOOD_NATIVE.decode().replace('"attrs": {}, "ref": null', '"attrs": {"x": 1, "x": 1}, "ref": 5', 1)
    path = tmp_path / "both.jsonl"
    path.write_text(text, encoding="utf-8")
    assert [(p.field, p.message) for p in validate(path)] == [
        ("spans[0].ref", "expected a string or null, got an integer"),
        ("", "duplicate key 'x' in one object"),
    ]
