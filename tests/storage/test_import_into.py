"""Replace, merge or a new layer over a layer that holds work, and undoing the import, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.exchange import ExportFormat, ImportInto, LayersExist, export_layer, import_file, undo_import
from annotator.model import DocumentStatus
from annotator.project import Project
from tests.conftest import CORPUS
from tests.storage.conftest import Store


@pytest.fixture
def project(store: Store) -> Project:
    project = store.project("amal")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    document_id = project.documents()[0].id
    for start in (0, 10, 20):
        project.apply(project.add_span(document_id, start, start + 4, "PER"))
    project.set_status(document_id, DocumentStatus.IN_PROGRESS)
    return project


def _file_with_one_old_and_one_new_span(project: Project, tmp_path: Path) -> Path:
    exported = tmp_path / "amal.jsonl"
    export_layer(project, ExportFormat.NATIVE, exported, "amal")
    record = json.loads(exported.read_text(encoding="utf-8"))
    new = dict(record["spans"][0], id="a-new-span", start=30, end=34, text=record["text"][30:34], label="ORG")
    record["spans"] = [record["spans"][0], new]
    record["status"] = "done"
    exported.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return exported


def test_a_replaced_layer_comes_back_whole(project: Project, tmp_path: Path) -> None:
    document_id = project.documents()[0].id
    before = project.spans(document_id)
    exported = _file_with_one_old_and_one_new_span(project, tmp_path)
    with pytest.raises(LayersExist):
        import_file(project, exported)
    assert project.spans(document_id) == before
    summary = import_file(project, exported, into=ImportInto.REPLACE)
    assert (summary.spans, summary.replaced) == (2, 3)
    assert [(s.start, s.label) for s in project.spans(document_id)] == [(0, "PER"), (30, "ORG")]
    assert project.status(document_id) is DocumentStatus.DONE
    undone = undo_import(project)
    assert undone is not None and undone.at == summary.at and undone.layer_names == ("amal",)
    assert project.spans(document_id) == before
    assert project.status(document_id) is DocumentStatus.IN_PROGRESS
    assert undo_import(project) is None


def test_a_merge_keeps_the_layer_and_adds_what_it_lacks(project: Project, tmp_path: Path) -> None:
    document_id = project.documents()[0].id
    before = project.spans(document_id)
    exported = _file_with_one_old_and_one_new_span(project, tmp_path)
    summary = import_file(project, exported, into=ImportInto.MERGE)
    assert (summary.spans, summary.already_present) == (1, 1)
    after = project.spans(document_id)
    assert [(s.start, s.label) for s in after] == [(0, "PER"), (10, "PER"), (20, "PER"), (30, "ORG")]
    assert {s.id for s in before} < {s.id for s in after}
    assert project.status(document_id) is DocumentStatus.IN_PROGRESS


def test_a_new_layer_leaves_the_old_one_alone(project: Project, tmp_path: Path) -> None:
    document_id = project.documents()[0].id
    before = project.spans(document_id)
    exported = _file_with_one_old_and_one_new_span(project, tmp_path)
    summary = import_file(project, exported, into=ImportInto.NEW_LAYER)
    assert summary.renamed == (("amal", "amal-imported"),)
    assert project.spans(document_id) == before
    copied = project.repository.spans(document_id, "amal-imported")
    assert [(s.start, s.label) for s in copied] == [(0, "PER"), (30, "ORG")]
    assert not {s.id for s in copied} & {s.id for s in before}
