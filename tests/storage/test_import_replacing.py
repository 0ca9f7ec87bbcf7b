"""Importing over an existing layer keeps what it replaced in the edit log; one text twice in a file is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.exchange import ExportFormat, ImportInto, export_layer, import_file, validate_file
from annotator.formats import ImportFailed
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "huda")
    opened.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    document_id = opened.documents()[0].id
    for start in (0, 10, 20):
        opened.apply(opened.add_span(document_id, start, start + 4, "PER"))
    return opened


def test_what_an_import_replaces_stays_in_the_edit_log(project: Project, tmp_path: Path) -> None:
    document_id = project.documents()[0].id
    exported = tmp_path / "layer.jsonl"
    export_layer(project, ExportFormat.NATIVE, exported, "huda")
    before = {span.id for span in project.spans(document_id)}
    record = json.loads(exported.read_text(encoding="utf-8"))
    record["spans"] = record["spans"][:1]
    exported.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")

    import_file(project, exported, into=ImportInto.REPLACE)
    assert len(project.spans(document_id)) == 1
    logged = [entry for entry in project.repository.edit_log(document_id) if str(entry["action"]).startswith("Import")]
    kept = json.loads(logged[-1]["before"] or "null")
    assert {span["id"] for span in kept["spans"]} == before


def test_one_text_twice_in_one_file_is_refused_whole(project: Project, tmp_path: Path) -> None:
    exported = tmp_path / "layer.jsonl"
    export_layer(project, ExportFormat.NATIVE, exported, "huda")
    line = exported.read_text(encoding="utf-8").strip()
    other = json.loads(line)
    other["spans"] = other["spans"][:1]
    other["doc_id"] = "the-same-text-again"
    for span in other["spans"]:
        span["id"] = "another-" + span["id"]
    exported.write_text(line + "\n" + json.dumps(other, ensure_ascii=False) + "\n", encoding="utf-8")
    document_id = project.documents()[0].id
    before = [span.id for span in project.spans(document_id)]
    with pytest.raises(ImportFailed, match="1 problem"):
        import_file(project, exported, into=ImportInto.REPLACE)
    problems = [str(problem) for problem in validate_file(project, exported)]
    assert problems == [
        f"{exported}: record 2 (the-same-text-again): record 1 holds layer 'huda' of the same text; "
        "the second would replace it"
    ]
    assert [span.id for span in project.spans(document_id)] == before
