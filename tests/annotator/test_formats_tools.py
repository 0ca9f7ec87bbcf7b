"""Files that the real tools read right: each tool's offset unit, Label Studio's status and
predictions, format detection, ids from outside, and the notes an export prints."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.formats import (
    DoccanoShape,
    DocumentRecord,
    ImportFailed,
    ImportFormat,
    OffsetUnit,
    detect_format,
    read_file,
    read_file_noted,
    read_native,
    validate,
    write_brat,
    write_conll,
    write_doccano,
    write_labelstudio,
    write_native,
)
from annotator.model import DocumentStatus, Span, SpanKind

# Code points: family 👨‍👩‍👧‍👦 is 7 code points and 11 UTF-16 units; 🇷🇺 is 2 and 4; بوتين follows both.
TEXT = "قال 👨\u200d👩\u200d👧\u200d👦 بوتين و🇷🇺 روسيا"
PUTIN = (TEXT.index("بوتين"), TEXT.index("بوتين") + 5)
RUSSIA = (TEXT.index("روسيا"), TEXT.index("روسيا") + 5)


def u16(index: int) -> int:
    return len(TEXT[:index].encode("utf-16-le")) // 2


def record(status: DocumentStatus = DocumentStatus.IN_PROGRESS, doc_id: str = "article-42") -> DocumentRecord:
    spans = (
        Span("p", doc_id, "huda", SpanKind.ENTITY, "PER", *PUTIN, "بوتين", {"role": "speaker"}),
        Span("g", doc_id, "huda", SpanKind.ENTITY, "GPE", *RUSSIA, "روسيا"),
        Span("c", doc_id, "huda", SpanKind.CLAIM, "CLAIM", PUTIN[0], RUSSIA[1], TEXT[PUTIN[0] : RUSSIA[1]]),
    )
    return DocumentRecord(doc_id, "t", TEXT, hashlib.sha256(TEXT.encode()).hexdigest(), "huda", status, spans)


def ls_task(regions: list[dict[str, object]], **extra: object) -> list[dict[str, object]]:
    return [{"id": 9, "data": {"text": TEXT}, **extra, "annotations": [{"result": regions}]}]


def region(start: int, end: int, text: str | None, label: str = "PER", rid: str = "a") -> dict[str, object]:
    value: dict[str, object] = {"start": start, "end": end, "labels": [label]}
    if text is not None:
        value["text"] = text
    return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text", "value": value}


# -- Label Studio: code points ----------------------------------------------------------------


def test_label_studio_is_written_in_code_points_as_its_editor_indexes_them(tmp_path: Path) -> None:
    path = tmp_path / "ls.json"
    write_labelstudio([record()], path)
    [task] = json.loads(path.read_text(encoding="utf-8"))
    values = {r["id"]: r["value"] for r in task["annotations"][0]["result"] if r["type"] == "labels"}
    # Label Studio's editor shows [...text].slice(start, end): one position per code point.
    assert (values["p"]["start"], values["p"]["end"]) == PUTIN
    assert "".join([*TEXT][values["p"]["start"] : values["p"]["end"]]) == "بوتين"


def test_a_span_made_in_label_studio_after_astral_characters_imports_onto_its_text(tmp_path: Path) -> None:
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(ls_task([region(*PUTIN, "بوتين"), region(*RUSSIA, None, "GPE", "b")])), "utf-8")
    records, notes = read_file_noted(path, "ali")
    assert [(s.start, s.end, s.text) for s in records[0].spans] == [(*PUTIN, "بوتين"), (*RUSSIA, "روسيا")]
    assert notes == [
        "offsets of 1 span(s) without a span text were read as code points "
        "(as Label Studio's editor counts them; --offset-unit changes this)"
    ]


def test_utf16_offsets_in_a_label_studio_file_are_refused_naming_the_unit_that_fits(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(ls_task([region(u16(PUTIN[0]), u16(PUTIN[1]), "بوتين")])), "utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_file(path, "ali")
    [problem] = caught.value.problems
    assert "differs from the text" in problem.message and "counted in code points" in problem.message
    assert "read as UTF-16 units they cover exactly the span text" in problem.message
    assert "--offset-unit utf16" in problem.message
    [back] = read_file(path, "ali", unit=OffsetUnit.UTF16)
    assert [(s.start, s.end) for s in back.spans] == [PUTIN]


def test_label_studio_status_is_read_from_task_meta_where_it_is_written(tmp_path: Path) -> None:
    path = tmp_path / "ls.json"
    write_labelstudio([record(DocumentStatus.IN_PROGRESS)], path)
    [back] = read_file(path, "ali")
    assert back.status is DocumentStatus.IN_PROGRESS


def test_label_studio_predictions_become_a_layer_named_by_model_version(tmp_path: Path) -> None:
    task = {
        "data": {"text": TEXT},
        "annotations": [],
        "predictions": [{"model_version": "ner-v1", "result": [region(*PUTIN, "بوتين")]}],
    }
    path = tmp_path / "predictions.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    [rec] = read_file(path)
    assert rec.annotator == "ner-v1" and rec.status is DocumentStatus.NEW
    assert [(s.start, s.end, s.text) for s in rec.spans] == [(*PUTIN, "بوتين")]
    [named] = read_file(path, "model-a")
    assert named.annotator == "model-a" and len(named.spans) == 1


@pytest.mark.parametrize(
    ("predictions", "fragment"),
    [
        ([{"result": []}], "a prediction without a model_version"),
        ([3], "lists predictions by id only"),
    ],
)
def test_predictions_that_cannot_become_a_layer_are_refused_with_the_reason(
    tmp_path: Path, predictions: list[object], fragment: str
) -> None:
    path = tmp_path / "predictions.json"
    path.write_text(json.dumps([{"data": {"text": TEXT}, "annotations": [], "predictions": predictions}]), "utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_file(path)
    assert fragment in caught.value.problems[0].message


# -- doccano: UTF-16 units, grapheme clusters when asked --------------------------------------


def test_doccano_is_written_and_read_in_utf16_units(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    report = write_doccano([record()], path, DoccanoShape.ENTITIES)
    line = json.loads(path.read_text(encoding="utf-8"))
    starts = [(e["start_offset"], e["end_offset"]) for e in line["entities"]]
    assert (u16(PUTIN[0]), u16(PUTIN[1])) in starts
    units = TEXT.encode("utf-16-le")
    covered = [units[2 * e["start_offset"] : 2 * e["end_offset"]].decode("utf-16-le") for e in line["entities"]]
    assert covered == [s.text for s in sorted(record().spans, key=lambda s: (s.start, -s.end))]  # text.slice()
    records, notes = read_file_noted(path, "ali")
    assert {(s.start, s.end, s.text) for s in records[0].spans} == {(s.start, s.end, s.text) for s in record().spans}
    assert notes == [
        "offsets of 3 span(s) without a span text were read as UTF-16 units "
        "(as doccano's editor counts them; --offset-unit changes this)"
    ]
    assert report.notes[0].startswith("2 nested or overlapping span(s) written")
    assert "allows overlapping spans" in report.notes[0]


def test_doccano_spans_made_in_its_editor_import_onto_the_words_they_cover(tmp_path: Path) -> None:
    path = tmp_path / "from-doccano.jsonl"
    line = {"id": 17, "text": TEXT, "label": [[u16(PUTIN[0]), u16(PUTIN[1]), "PER"]]}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    [rec] = read_file(path, "ali")
    assert [s.text for s in rec.spans] == ["بوتين"]


def test_doccano_offsets_that_split_a_character_are_refused_with_the_unit_that_fits(tmp_path: Path) -> None:
    family = TEXT.index("👨")
    path = tmp_path / "cp.jsonl"
    line = {"text": TEXT, "label": [[family, family + 1, "QUANTITY"]]}  # code points: the man alone
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_file(path, "ali")
    [problem] = caught.value.problems
    assert "splits a surrogate pair" in problem.message
    assert "read as code points they fit the text" in problem.message and "--offset-unit codepoint" in problem.message


def test_doccano_grapheme_mode_counts_clusters_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    write_doccano([record()], path, DoccanoShape.LABELS, OffsetUnit.GRAPHEME)
    line = json.loads(path.read_text(encoding="utf-8"))
    # قال, space, the family (one cluster), space: بوتين starts at cluster 6.
    assert [6, 11, "PER"] in line["label"]
    [back] = read_file(path, "ali", unit=OffsetUnit.GRAPHEME)
    assert {(s.start, s.end) for s in back.spans} == {(s.start, s.end) for s in record().spans}


# -- detection --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ({"text": "x" * (1 << 20) + " بوتين", "label": []}, ImportFormat.DOCCANO),
        ({"text": "x" * (1 << 20), "tokens": [], "spans": []}, ImportFormat.PRODIGY),
    ],
)
def test_a_first_record_over_one_mebibyte_is_still_recognised(
    tmp_path: Path, first: dict[str, object], expected: ImportFormat
) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps(first) + "\n", encoding="utf-8")
    assert detect_format(path) is expected


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_a_json_array_of_doccano_records_is_named_for_what_it_is(tmp_path: Path, suffix: str) -> None:
    items = [{"text": f"نص {i}", "label": [[0, 2, "PER"]]} for i in range(50)]
    path = tmp_path / f"array{suffix}"
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    problems = validate(path)
    assert len(problems) == 1
    assert "the file is one JSON array of doccano records, not JSON Lines" in problems[0].message


def test_a_json_array_of_tasks_saved_as_jsonl_is_read_as_label_studio(tmp_path: Path) -> None:
    path = tmp_path / "tasks.jsonl"
    path.write_text(json.dumps(ls_task([region(*PUTIN, "بوتين")]), ensure_ascii=False, indent=1), encoding="utf-8")
    assert detect_format(path) is ImportFormat.LABELSTUDIO
    assert [s.text for s in read_file(path, "ali")[0].spans] == ["بوتين"]


# -- CoNLL, brat ------------------------------------------------------------------------------


def test_conll_keeps_the_spans_inside_a_claim_it_skips_for_ending_in_a_line_break(tmp_path: Path) -> None:
    text = "قال بوتين إن روسيا\nستدعم"
    claim_end = text.index("\n") + 1
    spans = (
        Span("c", "d", "h", SpanKind.CLAIM, "CLAIM", 4, claim_end, text[4:claim_end]),
        Span("p", "d", "h", SpanKind.ENTITY, "PER", 4, 9, "بوتين"),
        Span("g", "d", "h", SpanKind.ENTITY, "GPE", 13, 18, "روسيا"),
    )
    rec = DocumentRecord("d", "t", text, hashlib.sha256(text.encode()).hexdigest(), "h", spans=spans)
    path = tmp_path / "out.conll"
    report = write_conll([rec], path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "بوتين\tB-PER" in lines and "روسيا\tB-GPE" in lines
    assert [(s.item_id, s.reason) for s in report.skipped] == [("c", "the span starts or ends on whitespace")]
    assert report.spans == 2


@pytest.mark.parametrize(
    "attrs", [{"stance\n": True}, {"stance": "asserted\n"}, {"st\u2028ance": "x"}, {"stance": "a\x85"}]
)
def test_brat_attribute_with_a_line_break_stays_on_its_line(tmp_path: Path, attrs: dict[str, object]) -> None:
    span = Span("p", "d", "h", SpanKind.ENTITY, "PER", *PUTIN, "بوتين", attrs)
    rec = DocumentRecord("d", "t", TEXT, hashlib.sha256(TEXT.encode()).hexdigest(), "h", spans=(span,))
    write_brat([rec], tmp_path / "brat")
    ann = (tmp_path / "brat" / "d.ann").read_text(encoding="utf-8")
    lines = ann.split("\n")[:-1]
    assert len(lines) == len(ann.splitlines()) == 2  # the T line and the note holding the attribute
    assert lines[0].startswith("T1\tPER") and lines[1].startswith("#1\tAnnotatorNotes T1\t")
    assert json.loads(lines[1].split("\t")[2])["attrs"] == attrs


# -- ids from outside and export notes --------------------------------------------------------


def test_native_ids_from_outside_come_back_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    write_native([record()], path)
    [back] = read_native(path)
    assert back.doc_id == "article-42" and {s.id for s in back.spans} == {"p", "g", "c"}


def test_an_export_reports_attributes_left_out_in_one_line(tmp_path: Path) -> None:
    report = write_labelstudio([record(), record(doc_id="article-43")], tmp_path / "ls.json")
    assert report.summary() == ["2 item(s) written without their attributes or registry reference"]
    assert report.details() == [
        "article-42: p: written without its attributes or registry reference",
        "article-43: p: written without its attributes or registry reference",
    ]
