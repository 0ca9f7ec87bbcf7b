"""The texts each layer tagged, kept in the store as spans are added, changed, deleted and imported,
equal to what reading every document's spans gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.model import DocumentStatus, Layer
from annotator.project import Project, now_iso
from annotator.resources import sample_corpus_files
from storage.sqlite_repository import SqliteRepository

WORDS = ["روسيا", "كوريا", "بوتين", "لافروف", "موسكو"]
LABELS = ["GPE", "PER", "CLAIM", "TREATY_REF"]


def read_from_every_document(project: Project, annotator: str, shown: str) -> set[tuple[str, str, str | None]]:
    return {
        (span.text, span.label, span.ref)
        for summary in project.documents()
        if summary.id != shown
        for span in project.spans(summary.id, annotator)
        if span.kind.value in ("entity", "treaty_ref")
    }


@pytest.fixture(scope="module")
def project(sample_project: Project) -> Project:
    return sample_project


def occurrence(project: Project, document_id: str, word: str, nth: int) -> tuple[int, int] | None:
    text = project.document(document_id).text
    at = -1
    for _ in range(nth + 1):
        at = text.find(word, at + 1)
        if at < 0:
            return None
    return at, at + len(word)


edit_steps = st.lists(
    st.tuples(
        st.sampled_from(["add", "delete", "relabel", "link", "import"]),
        st.integers(0, 4),
        st.sampled_from(WORDS),
        st.integers(0, 3),
        st.sampled_from(LABELS),
        st.sampled_from(["tester", "other"]),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=edit_steps)
def test_stored_surfaces_follow_every_kind_of_change(
    project: Project, steps: list[tuple[str, int, str, int, str, str]]
) -> None:
    documents = [summary.id for summary in project.documents()]
    for action, which, word, nth, label, annotator in steps:
        document_id = documents[which]
        layer = Project(project.repository, annotator)
        existing = layer.spans(document_id)
        if action == "add":
            found = occurrence(project, document_id, word, nth)
            if found is None or any((s.start, s.end, s.label) == (*found, label) for s in existing):
                continue
            layer.apply(layer.add_span(document_id, found[0], found[1], label if label != "TREATY_REF" else "GPE"))
        elif action == "delete" and existing:
            layer.apply(layer.delete_span(existing[nth % len(existing)]))
        elif action == "relabel" and existing:
            span = existing[nth % len(existing)]
            if span.kind.value == "entity" and label in ("GPE", "PER"):
                layer.apply(layer.relabel(span, label))
        elif action == "link" and existing:
            span = existing[nth % len(existing)]
            if span.kind.value == "entity":
                layer.apply(layer.link(span, None if span.ref else "russia"))
        elif action == "import":
            kept = tuple(existing[:nth])
            project.repository.replace_layers(
                [], [Layer(document_id, annotator, DocumentStatus.IN_PROGRESS, kept, ())], annotator, now_iso()
            )
        for shown in documents[:2]:
            for name in ("tester", "other"):
                stored = set(project.repository.tagged_elsewhere(name, shown))
                assert stored == read_from_every_document(project, name, shown)


def test_a_project_made_before_the_counts_gets_them(tmp_path: Path) -> None:
    """The migration counts the spans already stored."""
    path = tmp_path / "old.hashiya"
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sample_corpus_files())
    first = project.documents()[0].id
    start = project.document(first).text.find("روسيا")
    project.apply(project.add_span(first, start, start + 5, "GPE"))
    assert isinstance(project.repository, SqliteRepository)
    project.repository.db.executescript(
        "DROP TRIGGER spans_surface_added; DROP TRIGGER spans_surface_removed;"
        " DROP TRIGGER spans_surface_changed_from; DROP TRIGGER spans_surface_changed_to;"
        " DROP TABLE tagged_surfaces; DROP TABLE surface_counting;"
        " DELETE FROM _sqlite_migrations WHERE name = '0007_tagged_surfaces';"
        " PRAGMA user_version = 6;"
    )
    project.close()
    project = Project(SqliteRepository.open(path), "tester")
    try:
        # Tagged by hand with the registry's exact name, the span was linked to Russia's entry.
        assert project.repository.tagged_elsewhere("tester", "elsewhere") == [("روسيا", "GPE", "russia")]
    finally:
        project.close()


def test_an_import_leaves_the_schema_and_its_counting_as_they_were(tmp_path: Path) -> None:
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "tester")
    assert isinstance(project.repository, SqliteRepository)
    db = project.repository.db
    try:
        project.import_paths(sample_corpus_files()[:1])
        document_id = project.documents()[0].id
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        before = db.execute(schema).fetchall()
        first, second = occurrence(project, document_id, "روسيا", 0), occurrence(project, document_id, "روسيا", 1)
        assert first is not None and second is not None
        imported = project.add_span(document_id, *first, "GPE").span
        layer = Layer(document_id, "tester", DocumentStatus.IN_PROGRESS, (imported,), ())
        project.repository.replace_layers([], [layer], "tester", now_iso())
        assert db.execute(schema).fetchall() == before
        project.apply(project.add_span(document_id, *second, "GPE"))  # counted by the trigger again
        stored = db.execute("SELECT annotator, label, text, ref, spans FROM tagged_surfaces").fetchall()
        assert stored == [("tester", "GPE", "روسيا", imported.ref or "", 2)]
    finally:
        project.close()
