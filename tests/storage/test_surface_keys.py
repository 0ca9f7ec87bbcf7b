"""The folds of the tagged texts kept in the project file: filled by the upgrade and by imports,
completed as texts tagged since are read, and never needed for a document to show its suggestions."""

from __future__ import annotations

from pathlib import Path

from annotator.arabic import fold_string
from annotator.model import DocumentStatus, Layer, Span, SpanKind, new_id
from annotator.project import Project, now_iso
from annotator.resources import sample_corpus_files
from annotator.suggest import surface_key
from annotator.suggestion_scan import first_piece, first_pieces
from storage.sqlite_repository import SqliteRepository

TAGGED = ["روسيا", "كوريا الشمالية", "بوتين", "الولايات المتحدة"]


def stored_keys(project: Project) -> dict[str, str]:
    assert isinstance(project.repository, SqliteRepository)
    return {str(text): str(key) for text, key in project.repository.db.execute("SELECT text, key FROM surface_keys")}


def tag(project: Project, document_id: str, word: str) -> None:
    start = project.document(document_id).text.find(word)
    assert start >= 0, word
    project.apply(project.add_span(document_id, start, start + len(word), "GPE"))


def opened(path: Path) -> Project:
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sample_corpus_files())
    return project


def test_texts_tagged_by_hand_are_folded_when_read_and_kept(tmp_path: Path) -> None:
    project = opened(tmp_path / "p.hashiya")
    try:
        first, second = (summary.id for summary in project.documents()[:2])
        for word in ("روسيا", "بوتين"):
            tag(project, first, word)
        assert stored_keys(project) == {}
        pieces = first_pieces(fold_string(project.document(second).text))
        found = project.repository.tagged_elsewhere_keyed("tester", second, pieces)
        assert sorted((text, key) for text, _label, _ref, key in found) == [("بوتين", "بوتين"), ("روسيا", "روسيا")]
        assert stored_keys(project) == {"روسيا": "روسيا", "بوتين": "بوتين"}
        # Only what the document's words can begin: a text found nowhere in it is not read.
        assert project.repository.tagged_elsewhere_keyed("tester", second, {"روسيا"}) == [
            ("روسيا", "GPE", "russia", "روسيا")
        ]
    finally:
        project.close()


def test_an_import_keeps_the_folds_of_what_it_tagged_and_no_other(tmp_path: Path) -> None:
    project = opened(tmp_path / "p.hashiya")
    try:
        document_id, other = (summary.id for summary in project.documents()[:2])
        # Tagged by hand, unread since: an import's step looks up only the texts it brings, not all the project's.
        tag(project, other, "بوتين")
        text = project.document(document_id).text
        spans = []
        for word in TAGGED:
            start = text.find(word)
            if start >= 0 and word != "بوتين":
                spans.append(
                    Span(new_id(), document_id, "teammate", SpanKind.ENTITY, "GPE", start, start + len(word), word)
                )
        assert len(spans) >= 2
        claim = text[10:30]  # claims are not suggested: their texts are not folded
        spans.append(Span(new_id(), document_id, "teammate", SpanKind.CLAIM, "CLAIM", 10, 30, claim))
        project.repository.replace_layers(
            [], [Layer(document_id, "teammate", DocumentStatus.DONE, tuple(spans), ())], "teammate", now_iso()
        )
        assert stored_keys(project) == {span.text: surface_key(span.text) for span in spans if span.text != claim}
        assert all(first_piece(key) for key in stored_keys(project).values())
    finally:
        project.close()


def test_a_project_made_before_the_folds_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "old.hashiya"
    project = opened(path)
    first = project.documents()[0].id
    tag(project, first, "روسيا")
    assert isinstance(project.repository, SqliteRepository)
    project.repository.db.executescript(
        "DROP TABLE surface_keys; DELETE FROM _sqlite_migrations WHERE name = '0009_surface_keys';"
        " PRAGMA user_version = 7;"
    )
    project.close()
    project = Project(SqliteRepository.open(path), "tester")
    try:
        assert stored_keys(project) == {"روسيا": "روسيا"}
    finally:
        project.close()
