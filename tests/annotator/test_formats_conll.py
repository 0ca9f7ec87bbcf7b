"""CoNLL BIO: exact output, flattening of nested and overlapping spans, sentence breaks."""

from __future__ import annotations

import hashlib
from pathlib import Path

from annotator.formats import DocumentRecord, write_conll
from annotator.model import Relation, Span, SpanKind

TEXT = "زار بوتين لروسيا.\nقال كيم جونغ أون"


def record(*spans: tuple[str, int, int, str]) -> DocumentRecord:
    return DocumentRecord(
        doc_id="d1",
        title="",
        text=TEXT,
        text_sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
        annotator="huda",
        spans=tuple(Span(sid, "d1", "huda", SpanKind.ENTITY, label, a, b, TEXT[a:b]) for sid, a, b, label in spans),
        relations=(Relation("r1", "d1", "huda", "CLAIMANT", "p", "g"),),
    )


def test_exact_output_with_a_span_inside_a_word_and_a_nested_span_dropped(tmp_path: Path) -> None:
    assert (TEXT[4:9], TEXT[11:16], TEXT[22:34], TEXT[26:30]) == ("بوتين", "روسيا", "كيم جونغ أون", "جونغ")
    rec = record(("p", 4, 9, "PER"), ("g", 11, 16, "GPE"), ("k", 22, 34, "PER"), ("inner", 26, 30, "PER"))
    path = tmp_path / "out.conll"
    report = write_conll([rec], path)
    assert path.read_text(encoding="utf-8") == (
        "-DOCSTART-\tO\n\n"
        "زار\tO\nبوتين\tB-PER\nل\tO\nروسيا\tB-GPE\n.\tO\n\n"
        "قال\tO\nكيم\tB-PER\nجونغ\tI-PER\nأون\tI-PER\n\n"
    )
    assert report.spans == 3
    assert [(s.item_id, s.reason) for s in report.skipped] == [
        ("inner", "BIO cannot nest spans: it nested inside span k, which was kept"),
        ("r1", "CoNLL BIO has no relations"),
    ]
    assert report.notes == ["1 overlapping or nested span(s) dropped when flattening to the outermost"]


def test_crossing_spans_keep_the_first_and_report_the_second(tmp_path: Path) -> None:
    rec = record(("a", 0, 9, "PER"), ("b", 4, 16, "GPE"))
    report = write_conll([rec], tmp_path / "out.conll")
    assert [s.item_id for s in report.skipped if s.item_id != "r1"] == ["b"]
    assert "overlaps span a" in report.skipped[0].reason


def test_a_sentence_never_breaks_inside_a_span(tmp_path: Path) -> None:
    rec = record(("x", 10, 21, "EVENT"))  # "لروسيا.\nقال" crosses the full stop and the line break
    path = tmp_path / "out.conll"
    write_conll([rec], path)
    body = path.read_text(encoding="utf-8").split("\n\n")[1]
    assert body.split("\n") == [
        "زار\tO",
        "بوتين\tO",
        "لروسيا\tB-EVENT",
        ".\tI-EVENT",
        "قال\tI-EVENT",
        "كيم\tO",
        "جونغ\tO",
        "أون\tO",
    ]
