"""The repository contract beyond edits, on both backends: documents, statuses, layers, resources, other connections."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from annotator.model import DocumentStatus, Layer
from annotator.offsets import reading_order
from annotator.project import Project
from annotator.repository import ProjectError
from tests.conftest import CORPUS
from tests.storage.conftest import Store
from tests.storage.team_helpers import first_word, tag


@pytest.fixture
def project(store: Store) -> Project:
    project = store.project("amal")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:2])
    return project


def test_documents_keep_their_order_and_are_found_by_hash(project: Project) -> None:
    summaries = project.documents()
    assert len(summaries) == 2
    first = project.document(summaries[0].id)
    assert summaries[0].length == len(first.text)
    assert project.repository.find_document_by_sha256(first.text_sha256) == first.id
    assert project.repository.find_document_by_sha256("0" * 64) is None
    with pytest.raises(ProjectError):
        project.repository.get_document("nowhere")


def test_statuses_are_per_layer_and_logged(project: Project) -> None:
    document = project.documents()[0].id
    assert project.status(document) == DocumentStatus.NEW
    project.set_status(document, DocumentStatus.DONE)
    assert project.status(document) == DocumentStatus.DONE
    assert project.repository.status(document, "omar") == DocumentStatus.NEW
    assert project.documents()[0].status == DocumentStatus.DONE
    assert project.repository.list_documents("omar")[0].status == DocumentStatus.NEW
    assert project.repository.edit_log(document)[-1]["action"] == "Mark done"


def test_layers_are_replaced_whole_and_listed(project: Project) -> None:
    document = project.documents()[0].id
    mine = tag(project, document, first_word(project, document), "PER")
    tag(project, document, first_word(project, document, 1), "ORG")
    assert project.repository.annotators() == ["amal"]
    spans = tuple(replace(span, annotator="omar", id=span.id + "-o") for span in project.spans(document))
    layer = Layer(document, "omar", DocumentStatus.IN_PROGRESS, spans, ())
    project.repository.replace_layers([], [layer], "amal", "2026-01-01T00:00:00.000+00:00")
    assert [s.id for s in project.repository.spans(document, "omar")] == [s.id for s in spans]
    assert project.repository.status(document, "omar") == DocumentStatus.IN_PROGRESS
    assert project.repository.annotators() == ["amal", "omar"]
    assert project.repository.span_ids([spans[0].id, "missing", mine.span.id]) == {
        spans[0].id: (document, "omar"),
        mine.span.id: (document, "amal"),
    }
    first_start = min(s.start for s in spans)
    assert [s.id for s in project.repository.spans_in(document, "omar", 0, first_start + 1)] == [
        s.id for s in spans if s.start <= first_start
    ]
    later = max(spans, key=lambda s: s.start)
    inside = (later.start + later.end) // 2
    assert [s.id for s in project.repository.spans_in(document, "omar", inside, inside + 1)] == [
        s.id for s in sorted(spans, key=reading_order) if s.start <= inside < s.end
    ]
    assert project.repository.spans_in(document, "omar", later.end, later.end + 1000) == [
        s for s in project.repository.spans(document, "omar") if s.end > later.end
    ]
    project.repository.replace_layers([], [Layer(document, "omar", DocumentStatus.NEW, (), ())], "amal", "t")
    assert project.repository.spans(document, "omar") == []


def test_resources_are_stored_and_logged(project: Project) -> None:
    repository = project.repository
    assert repository.resource("notes") is None
    repository.set_resource("notes", '{"a": 1}', "amal", "t1")
    repository.set_resource("notes", '{"a": 2}', "amal", "t2")
    assert repository.resource("notes") == '{"a": 2}'
    last = repository.edit_log()[-1]
    assert (last["action"], last["before"], last["after"]) == ("Change notes", '{"a": 1}', '{"a": 2}')


def test_another_connections_commit_changes_the_data_version(project: Project, store: Store) -> None:
    document = project.documents()[0].id
    seen = project.repository.data_version()
    other = store.project("omar")
    tag(other, document, first_word(other, document), "PER")
    deadline = time.monotonic() + 1.0
    while project.repository.data_version() == seen and time.monotonic() < deadline:
        time.sleep(0.02)
    assert project.repository.data_version() != seen
    assert [s.annotator for s in project.spans(document, "omar")] == ["omar"]
