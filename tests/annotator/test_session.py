"""The open document's session without Qt: edits, undo, redo, long documents, another process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.edits import AddSpan
from annotator.model import Span, reading_order
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.session import Change, DocumentSession, SpanMismatchError
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS, ROOT

WORDS = "كلمة " * 400  # 2,000 characters of five-letter words


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "amal")
    opened.import_paths(sorted(CORPUS.glob("*.txt")))
    return opened


def first_id(project: Project) -> str:
    return project.documents()[0].id


def word(n: int) -> tuple[int, int]:
    """The offsets of the n-th word of ``WORDS``."""
    return 5 * n, 5 * n + 4


def test_an_edit_changes_the_layer_and_says_what_changed(project: Project) -> None:
    session = DocumentSession(project)
    opened = session.open(first_id(project))
    assert opened.whole and opened.added == ()
    later = project.add_span(first_id(project), 10, 14, "PER")
    earlier = project.add_span(first_id(project), 0, 5, "ORG")
    assert session.apply(later) == Change(first_id(project), added=(later.span,))
    change = session.apply(earlier)
    assert change.added == (earlier.span,) and change.removed == () and not change.whole
    assert session.spans == [earlier.span, later.span]  # reading order
    assert project.spans(first_id(project)) == session.spans  # committed at once
    relabelled = project.relabel(earlier.span, "GPE")
    change = session.apply(relabelled)
    assert change.removed == (earlier.span,) and change.added == (relabelled.after,)
    assert session.span(earlier.span.id) == relabelled.after


def test_undo_and_redo_go_through_the_session(project: Project) -> None:
    session = DocumentSession(project)
    document_id = first_id(project)
    session.open(document_id)
    head = project.add_span(document_id, 0, 5, "CLAIM")
    tail = project.add_span(document_id, 10, 14, "PER")
    session.apply(head)
    session.apply(tail)
    relate = project.add_relation("CLAIMANT", head.span, tail.span)
    change = session.apply(relate)
    assert change.relations_added == (relate.relation,)
    assert session.relations_of(head.span) == [(relate.relation, tail.span, True)]
    delete = project.delete_span(tail.span)  # takes its relation with it
    change = session.apply(delete)
    assert change.removed == (tail.span,) and change.relations_removed == (relate.relation,)
    assert session.relations == []
    undone = session.undo(delete)
    assert undone.added == (tail.span,) and undone.relations_added == (relate.relation,)
    assert session.relations_of(tail.span) == [(relate.relation, head.span, False)]
    redone = session.redo(delete)
    assert redone.removed == (tail.span,)
    assert [s.id for s in session.spans] == [head.span.id]
    assert project.spans(document_id) == session.spans
    assert project.relations(document_id) == []


def test_an_undo_of_another_document_goes_to_the_store_only(project: Project) -> None:
    session = DocumentSession(project)
    first, second = [summary.id for summary in project.documents()[:2]]
    session.open(first)
    edit = project.add_span(first, 0, 5, "ORG")
    session.apply(edit)
    session.open(second)
    change = session.undo(edit)
    assert change == Change(first)
    assert session.spans == [] and project.spans(first) == []


def long_project(tmp_path: Path) -> tuple[Project, str, list[Span]]:
    project = Project(SqliteRepository.open(tmp_path / "long.hashiya"), "amal")
    text_file = tmp_path / "long.txt"
    text_file.write_text(WORDS, encoding="utf-8")
    project.import_paths([text_file])
    document_id = first_id(project)
    spans = []
    for n in (390, 3, 200, 10):
        edit = project.add_span(document_id, *word(n), "PER")
        project.apply(edit)
        spans.append(edit.span)
    return project, document_id, sorted(spans, key=reading_order)


def is_complete(session: DocumentSession) -> bool:
    return session.complete


def test_a_long_document_is_opened_with_its_first_part_and_an_edit_reads_the_rest(tmp_path: Path) -> None:
    project, document_id, spans = long_project(tmp_path)
    session = DocumentSession(project, first_part=500)
    opened = session.open(document_id)
    assert not is_complete(session)
    assert [s.start for s in opened.added] == [15, 50] == [s.start for s in session.spans]
    edit = project.add_span(document_id, *word(20), "ORG")
    change = session.apply(edit)
    assert is_complete(session) and change.whole
    assert session.spans == sorted([*spans, edit.span], key=reading_order)
    assert session.read_rest() is None


def test_reading_the_rest_keeps_what_was_done_meanwhile(tmp_path: Path) -> None:
    project, document_id, spans = long_project(tmp_path)
    session = DocumentSession(project, first_part=500)
    session.open(document_id)
    rest = session.read_rest()
    assert rest is not None and rest.whole and list(rest.added) == spans == session.spans


def test_a_change_by_another_process_is_read_again_and_a_clash_is_refused(project: Project, tmp_path: Path) -> None:
    document_id = first_id(project)
    mine = project.add_span(document_id, 0, 5, "ORG")
    project.apply(mine)
    session = DocumentSession(project)
    session.open(document_id)
    other = textwrap.dedent(
        f"""
        from pathlib import Path
        from annotator.project import Project
        from storage.sqlite_repository import SqliteRepository
        project = Project(SqliteRepository.open(Path({str(tmp_path / "p.hashiya")!r})), "amal")
        [span] = project.spans({document_id!r})
        project.apply(project.delete_span(span))
        project.apply(project.add_span({document_id!r}, 10, 14, "PER"))
        project.close()
        """
    )
    subprocess.run([sys.executable, "-c", other], cwd=ROOT, check=True, timeout=60)
    with pytest.raises(ProjectError):
        session.apply(project.relabel(mine.span, "GPE"))  # the span is gone from the store
    assert session.spans == [mine.span]  # a refused edit changes nothing
    change = session.reload()
    assert change.whole
    assert [(s.start, s.end, s.label) for s in session.spans] == [(10, 14, "PER")]


def test_a_stored_span_that_does_not_cover_its_text_is_refused_on_loading(project: Project) -> None:
    document_id = first_id(project)
    span = project.add_span(document_id, 0, 5, "ORG").span
    wrong = Span(**{**span.__dict__, "text": "ليس هو"})
    project.repository.apply(AddSpan(wrong), "amal", span.created_at)
    session = DocumentSession(project)
    with pytest.raises(SpanMismatchError, match="ليس هو"):
        session.open(document_id)
