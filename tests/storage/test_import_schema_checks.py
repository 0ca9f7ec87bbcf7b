"""Imported attributes and registry references are checked against the project: validate and import agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.exchange import ExportFormat, export_layer, import_file, validate_file
from annotator.formats import ImportFailed
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Project, dict[str, object]]:
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "huda")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    document_id = project.documents()[0].id
    project.apply(project.add_span(document_id, 0, 4, "CLAIM"))
    target = tmp_path / "layer.jsonl"
    export_layer(project, ExportFormat.NATIVE, target, "huda")
    record = json.loads(target.read_text(encoding="utf-8"))
    record["annotator"] = "teammate"
    return project, record


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"attrs": {"mood": "sad"}}, "unknown attribute 'mood'"),
        ({"attrs": {"stance": "shouted"}}, "attribute 'stance'"),
        ({"ref": "../../etc/passwd"}, "the registry has no entry '../../etc/passwd'"),
    ],
)
def test_a_span_the_schema_or_registry_does_not_allow_is_refused_by_validate_and_import(
    exported: tuple[Project, dict[str, object]], tmp_path: Path, change: dict[str, object], reason: str
) -> None:
    project, record = exported
    spans = record["spans"]
    assert isinstance(spans, list)
    spans[0].update(change)
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    problems = validate_file(project, path)
    assert any(reason in str(problem) for problem in problems), problems
    with pytest.raises(ImportFailed) as refused:
        import_file(project, path)
    assert [str(p) for p in refused.value.problems] == [str(p) for p in problems]
    assert "teammate" not in project.repository.annotators()
