"""brat standoff: the exact .ann lines, folder and zip output, and file names that stay put."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from annotator.formats import DocumentRecord, safe_file_stem, write_brat
from annotator.formats.atomic import inside
from annotator.model import Relation, Span, SpanKind

TEXT = "قال بوتين\nإن روسيا 👍 ستدعم"


def record(doc_id: str = "d1") -> DocumentRecord:
    def span(sid: str, a: int, b: int, label: str, kind: SpanKind = SpanKind.ENTITY, **extra: object) -> Span:
        return Span(sid, doc_id, "huda", kind, label, a, b, TEXT[a:b], **extra)  # type: ignore[arg-type]

    return DocumentRecord(
        doc_id=doc_id,
        title="",
        text=TEXT,
        text_sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
        annotator="huda",
        spans=(
            span("p", 4, 9, "PER", ref="Q7747"),
            span("c", 0, 26, "CLAIM", SpanKind.CLAIM, attributes={"stance": "asserted", "hedged": True, "note": "a b"}),
            span("g", 13, 18, "GPE"),
        ),
        relations=(Relation("r1", doc_id, "huda", "CLAIMANT", "c", "p"),),
    )


EXPECTED_ANN = (
    "T1\tCLAIM 0 9;10 26\tقال بوتين إن روسيا 👍 ستدعم\n"
    "A1\tstance T1 asserted\n"
    "A2\thedged T1\n"
    '#1\tAnnotatorNotes T1\t{"id": "c", "attrs": {"note": "a b"}}\n'
    "T2\tPER 4 9\tبوتين\n"
    '#2\tAnnotatorNotes T2\t{"id": "p", "ref": "Q7747"}\n'
    "T3\tGPE 13 18\tروسيا\n"
    '#3\tAnnotatorNotes T3\t{"id": "g"}\n'
    "R1\tCLAIMANT Arg1:T1 Arg2:T2\n"
)


def test_folder_output_has_the_text_and_the_exact_annotations(tmp_path: Path) -> None:
    report = write_brat([record()], tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["d1.ann", "d1.txt"]
    assert (tmp_path / "out" / "d1.txt").read_text(encoding="utf-8") == TEXT
    assert (tmp_path / "out" / "d1.ann").read_text(encoding="utf-8") == EXPECTED_ANN
    assert (report.spans, report.relations, report.skipped) == (3, 1, [])
    assert any("U+FFFF" in note for note in report.notes)


@pytest.mark.parametrize(
    "doc_id",
    [
        "../../escape",
        "/etc/passwd",
        "a/../../b",
        "..",
        ".",
        "nul\x00byte",
        "ctl\x1b[31m",
        "C:\\Windows\\x",
        "CON",
        "",
        "\u202e",
    ],
)
def test_hostile_document_ids_never_leave_the_folder(tmp_path: Path, doc_id: str) -> None:
    target = tmp_path / "deep" / "out"
    write_brat([record(doc_id)], target)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == 2
    assert all(p.parent == target for p in written)
    for p in written:
        assert not p.name.startswith(".")
        assert p.name.isprintable()
        assert p.stem.upper() not in {"CON", "NUL"}
    archive_path = tmp_path / "out.zip"
    write_brat([record(doc_id)], archive_path)
    with zipfile.ZipFile(archive_path) as archive:
        for name in archive.namelist():
            assert "/" not in name and "\\" not in name and not name.startswith(".") and "\x00" not in name


def test_file_stems_are_kept_when_already_safe_and_made_distinct_otherwise() -> None:
    assert safe_file_stem("doc-12_a.v2") == "doc-12_a.v2"
    assert safe_file_stem("وثيقة") == "وثيقة"
    assert safe_file_stem("a/b") != safe_file_stem("a_b")
    assert safe_file_stem("../x").startswith("x-")


def test_two_layers_of_one_document_get_two_file_pairs_in_a_zip(tmp_path: Path) -> None:
    first = record()
    second = DocumentRecord(**{**first.__dict__, "annotator": "gold"})
    write_brat([first, second], tmp_path / "all.zip")
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        assert sorted(archive.namelist()) == ["d1.gold.ann", "d1.gold.txt", "d1.huda.ann", "d1.huda.txt"]
        assert archive.read("d1.huda.ann").decode("utf-8") == EXPECTED_ANN


def test_inside_refuses_names_that_climb_out(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        inside(tmp_path, "../x")
    assert inside(tmp_path, "x.txt") == (tmp_path / "x.txt").resolve()
