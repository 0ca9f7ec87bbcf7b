"""The command line with files for other tools: --offset-unit, the unit an import assumed, export
notes in one line, and ids from outside kept through import, export and screenshot."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.formats import dumps_record
from annotator.formats.records import DocumentRecord
from annotator.model import DocumentStatus, Span, SpanKind
from tests.cli.test_cli import png_size, run
from tests.conftest import ROOT

TEXT = "قال 👍🏽 بوتين إن روسيا"
STANCES = ("asserted", "denied", "alleged")
PUTIN = (TEXT.index("بوتين"), TEXT.index("بوتين") + 5)


def native_file(path: Path, spans: int = 1) -> Path:
    items = tuple(
        Span(f"span-{i}", "article-42", "huda", SpanKind.CLAIM, "CLAIM", *PUTIN, "بوتين", {"stance": STANCES[i % 3]})
        for i in range(spans)
    )
    record = DocumentRecord(
        "article-42", "t", TEXT, hashlib.sha256(TEXT.encode()).hexdigest(), "huda", DocumentStatus.DONE, items
    )
    path.write_text(dumps_record(record) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    db = tmp_path / "p.hashiya"
    result = run("--db", str(db), "import", str(native_file(tmp_path / "in.jsonl")))
    assert result.returncode == 0, result.stderr
    return db


def test_a_native_doc_id_is_kept_exported_unchanged_and_found_by_screenshot(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    exported = run("--db", str(project), "--annotator", "huda", "export", "--format", "native", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["doc_id"] == "article-42" and [s["id"] for s in line["spans"]] == ["span-0"]
    png = tmp_path / "shot.png"
    shot = run("--db", str(project), "--annotator", "huda", "screenshot", "--doc", "article-42", "-o", str(png))
    assert shot.returncode == 0, shot.stderr
    assert png_size(png) == (1280, 800)


def test_import_texts_keeps_the_id_field_of_jsonl(tmp_path: Path) -> None:
    texts = tmp_path / "texts.jsonl"
    texts.write_text(
        json.dumps({"id": "article-7", "text": "بوتين في موسكو"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": 8, "text": "لافروف في وونسان"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "p.hashiya"
    assert run("--db", str(db), "import-texts", str(texts)).returncode == 0
    stats = json.loads(run("--db", str(db), "stats", "--json").stdout)
    assert sorted(d["id"] for d in stats["documents"]) == ["8", "article-7"]


def test_an_export_prints_one_note_line_and_details_on_request(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    assert run("--db", str(db), "import", str(native_file(tmp_path / "in.jsonl", spans=40))).returncode == 0
    out = tmp_path / "ls.json"
    args = ("--db", str(db), "--annotator", "huda", "export", "--format", "labelstudio", "-o", str(out))
    result = run(*args)
    notes = [line for line in result.stdout.splitlines() if line.startswith("note:")]
    assert notes == [
        "note: 40 item(s) written without their attributes or registry reference",
        "note: --details lists them",
    ]
    detailed = run(*args, "--details")
    assert sum("written without its attributes" in line for line in detailed.stdout.splitlines()) == 40


def test_offset_unit_overrides_export_and_import(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "ls16.json"
    args = ("--db", str(project), "--annotator", "huda", "export", "--format", "labelstudio", "-o", str(out))
    assert run(*args, "--offset-unit", "utf16").returncode == 0
    [task] = json.loads(out.read_text(encoding="utf-8"))
    value = task["annotations"][0]["result"][0]["value"]
    assert (value["start"], value["end"]) == (PUTIN[0] + 2, PUTIN[1] + 2)  # 👍🏽: two astral characters
    refused = run("--db", str(project), "import", str(out), "--annotator", "b")
    assert refused.returncode == 1 and "--offset-unit utf16" in refused.stderr
    taken = run("--db", str(project), "import", str(out), "--annotator", "b", "--offset-unit", "utf16")
    assert taken.returncode == 0, taken.stderr
    wrong = run(*args[:4], "export", "--format", "spacy", "-o", str(tmp_path / "s"), "--offset-unit", "utf16")
    assert wrong.returncode == 2 and "--offset-unit is for doccano and labelstudio" in wrong.stderr


def test_an_import_without_span_texts_says_which_unit_it_assumed(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.jsonl"
    run("--db", str(project), "--annotator", "huda", "export", "--format", "doccano", "-o", str(out))
    result = run("--db", str(project), "import", str(out), "--annotator", "b")
    assert result.returncode == 0, result.stderr
    assert "note: offsets of 1 span(s) without a span text were read as UTF-16 units" in result.stdout


def test_the_readme_says_doccano_projects_need_overlapping_spans_and_each_unit() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Allow overlapping spans" in readme
    assert "Label Studio 1.23" in readme and "doccano 1.8" in readme
    assert "python interop/run.py" in readme
