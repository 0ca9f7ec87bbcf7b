"""export, import, validate and stats from the command line, as a data engineer runs them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest

from cli.terminal import for_terminal, with_progress
from tests.cli.test_cli import run
from tests.conftest import CORPUS

TITLE = "لافروف في وونسان الكورية.. رسائل «صاروخية»"


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    db = tmp_path / "p.hashiya"
    assert run("--db", str(db), "import-texts", str(CORPUS)).returncode == 0
    from annotator.project import Project
    from storage.sqlite_repository import SqliteRepository

    project = Project(SqliteRepository.open(db), "tester")
    for document in project.documents():
        text = project.document(document.id).text
        start = text.index("روسيا")
        project.apply(project.add_span(document.id, start, start + 5, "GPE", ref="russia"))
    project.close()
    return db


def test_export_import_validate_round_trip(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "tester.jsonl"
    result = run("--db", str(project_file), "export", "--format", "native", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote 5 document(s), 5 span(s), 0 relation(s) of layer 'tester' as native")
    assert run("--db", str(project_file), "validate", str(out)).stdout.strip() == f"{out}: no problems"
    other = tmp_path / "other.hashiya"
    imported = run("--db", str(other), "import", str(out), "--annotator", "teammate")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "imported 5 layer(s) (teammate): 5 span(s), 0 relation(s); 5 new document(s)"
    again = tmp_path / "again.jsonl"
    run("--db", str(other), "--annotator", "teammate", "export", "--format", "native", "-o", str(again))
    first = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    second = [json.loads(line) for line in again.read_text(encoding="utf-8").splitlines()]
    assert [r["spans"] for r in first] == [r["spans"] for r in second]


@pytest.mark.parametrize("fmt", ["spacy", "doccano", "doccano-labels", "labelstudio", "conll", "brat"])
def test_every_export_format_writes(project_file: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("brat-out.zip" if fmt == "brat" else f"out-{fmt}")
    result = run("--db", str(project_file), "export", "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists() and out.stat().st_size > 0


def test_a_bad_file_is_reported_with_line_and_field_and_nothing_imported(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "tester.jsonl"
    run("--db", str(project_file), "export", "--format", "native", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["spans"][0]["end"] = record["spans"][0]["start"] - 1
    lines[1] = json.dumps(record, ensure_ascii=False)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = run("--db", str(project_file), "validate", str(out))
    assert checked.returncode == 1
    assert f"{out}:2: spans[0]" in checked.stdout
    other = tmp_path / "other.hashiya"
    refused = run("--db", str(other), "import", str(out))
    assert refused.returncode == 1
    assert "nothing was imported" in refused.stderr
    assert "Traceback" not in refused.stderr
    stats = json.loads(run("--db", str(other), "stats", "--json").stdout)
    assert stats["documents"] == []


def test_stats_as_json_and_logical_arabic_when_piped(project_file: Path) -> None:
    figures = json.loads(run("--db", str(project_file), "stats", "--json").stdout)
    assert figures["spans_per_label"] == {"tester": {"GPE": 5}}
    assert TITLE in [d["title"] for d in figures["documents"]]
    piped = run("--db", str(project_file), "stats")
    assert TITLE in piped.stdout


def test_stats_on_a_terminal_is_shaped_and_in_visual_order(project_file: Path) -> None:
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(project_file), "stats"],
        stdout=follower,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parent.parent.parent,
        env=dict(os.environ),
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8")
    assert TITLE not in shown
    assert any(0xFE70 <= ord(char) <= 0xFEFF for char in shown), "Arabic was not shaped"


def test_visual_order_is_the_logical_text_reversed_and_shaped() -> None:
    text = "سيرغي لافروف"
    visual = for_terminal(text, visual=True)
    assert visual != text
    assert unicodedata.normalize("NFKC", visual[::-1]) == text
    assert for_terminal(text, visual=False) == text


def _arabic(character: str) -> bool:
    return "\u0600" <= character <= "\u06ff"


@pytest.mark.parametrize(
    ("logical", "read_on_screen"),
    [
        ("قال (روسيا) نعم", "نعم (روسيا) قال"),
        ("رسائل «صاروخية»", "«صاروخية» رسائل"),
        ("الطرف [north-korea]", "[north-korea] الطرف"),
    ],
)
def test_brackets_and_quotes_face_the_right_way_in_visual_order(logical: str, read_on_screen: str) -> None:
    """A terminal draws ( [ « as they come, so in visual order the brackets of Arabic text are mirrored.

    ``read_on_screen`` is the line as it must appear from left to right, each Arabic word written
    in reading order; on the screen its letters run from right to left."""
    visual = unicodedata.normalize("NFKC", for_terminal(logical, visual=True)).split(" ")
    expected = read_on_screen.split(" ")
    assert len(visual) == len(expected), visual
    for shown, wanted in zip(visual, expected, strict=True):
        assert [c for c in shown if not _arabic(c)] == [c for c in wanted if not _arabic(c)], (visual, wanted)
        assert [c for c in shown if _arabic(c)] == [c for c in wanted if _arabic(c)][::-1], (visual, wanted)


def test_progress_is_reported_only_for_long_work() -> None:
    stream = StringIO()
    assert list(with_progress(range(3), 3, "exporting", stream)) == [0, 1, 2]
    assert stream.getvalue() == ""

    def slow() -> Iterator[int]:
        for item in range(3):
            time.sleep(0.6)
            yield item

    list(with_progress(slow(), 3, "exporting", stream))
    assert "exporting 3/3" in stream.getvalue()
