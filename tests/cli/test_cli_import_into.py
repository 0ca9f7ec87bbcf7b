"""Importing into a layer that already holds work: refused unless the analyst chooses; a replace can be undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.cli.test_cli import run
from tests.conftest import CORPUS


def _places(db: Path, layer: str) -> list[tuple[int, int, str]]:
    project = Project(SqliteRepository.open(db), layer)
    try:
        document_id = project.documents()[0].id
        return [(span.start, span.end, span.label) for span in project.spans(document_id)]
    finally:
        project.close()


@pytest.fixture
def project_and_file(tmp_path: Path) -> tuple[Path, Path]:
    """A project whose layer 'huda' holds three spans, and a file of that layer with one of them and a new one."""
    db = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(db), "huda")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    document_id = project.documents()[0].id
    for start in (0, 10, 20):
        project.apply(project.add_span(document_id, start, start + 4, "PER"))
    project.close()
    exported = tmp_path / "huda.jsonl"
    assert (
        run("--db", str(db), "--annotator", "huda", "export", "--format", "native", "-o", str(exported)).returncode == 0
    )
    record = json.loads(exported.read_text(encoding="utf-8"))
    kept = record["spans"][0]
    new = dict(kept, id="a-new-span", start=30, end=34, text=record["text"][30:34], label="ORG")
    record["spans"] = [kept, new]
    exported.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return db, exported


BEFORE = [(0, 4, "PER"), (10, 14, "PER"), (20, 24, "PER")]


def test_importing_over_a_layer_with_work_is_refused_naming_the_choices(project_and_file: tuple[Path, Path]) -> None:
    db, exported = project_and_file
    result = run("--db", str(db), "import", str(exported))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "'huda'" in line and "nothing was imported" in line
    assert "--into replace" in line and "--into merge" in line and "--into new-layer" in line
    assert _places(db, "huda") == BEFORE


def test_a_replace_is_put_back_by_undo_import(project_and_file: tuple[Path, Path]) -> None:
    db, exported = project_and_file
    replaced = run("--db", str(db), "import", str(exported), "--into", "replace")
    assert replaced.returncode == 0, replaced.stderr
    assert "replaced 3 span(s)" in replaced.stdout and "undo-import" in replaced.stdout
    assert _places(db, "huda") == [(0, 4, "PER"), (30, 34, "ORG")]
    undone = run("--db", str(db), "undo-import")
    assert undone.returncode == 0, undone.stderr
    assert "'huda'" in undone.stdout
    assert _places(db, "huda") == BEFORE
    nothing = run("--db", str(db), "undo-import")
    assert (nothing.returncode, nothing.stderr.strip()) == (1, "hashiya: the edit log holds no import to undo")
    assert _places(db, "huda") == BEFORE


def test_a_merge_adds_only_the_spans_that_are_not_there(project_and_file: tuple[Path, Path]) -> None:
    db, exported = project_and_file
    merged = run("--db", str(db), "import", str(exported), "--into", "merge")
    assert merged.returncode == 0, merged.stderr
    assert "1 span(s)" in merged.stdout.splitlines()[0]
    assert "1 span(s) of the file were in the layer already" in merged.stdout
    assert _places(db, "huda") == [*BEFORE, (30, 34, "ORG")]
    again = run("--db", str(db), "import", str(exported), "--into", "merge")
    assert again.returncode == 0, again.stderr
    assert _places(db, "huda") == [*BEFORE, (30, 34, "ORG")]
    assert run("--db", str(db), "undo-import").returncode == 0
    assert run("--db", str(db), "undo-import").returncode == 0
    assert _places(db, "huda") == BEFORE


def test_a_new_layer_leaves_the_old_one_and_says_its_name(project_and_file: tuple[Path, Path]) -> None:
    db, exported = project_and_file
    first = run("--db", str(db), "import", str(exported), "--into", "new-layer")
    assert first.returncode == 0, first.stderr
    assert "new layer 'huda-imported'" in first.stdout
    second = run("--db", str(db), "import", str(exported), "--into", "new-layer")
    assert "new layer 'huda-imported-2'" in second.stdout
    assert _places(db, "huda") == BEFORE
    assert _places(db, "huda-imported") == _places(db, "huda-imported-2") == [(0, 4, "PER"), (30, 34, "ORG")]
