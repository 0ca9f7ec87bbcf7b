"""A local project with some work in it, and a team project made from it on the test server."""

from __future__ import annotations

from pathlib import Path

from annotator.edits import AddSpan
from annotator.model import GOLD
from annotator.project import Project
from storage.postgres_repository import PostgresRepository
from storage.sqlite_repository import SqliteRepository
from storage.team_init import init_team
from tests.conftest import CORPUS
from tests.team_server import TeamServer

DOCUMENTS = sorted(CORPUS.glob("*.txt"))[:3]
ANNOTATORS = ["amal", "omar"]
REVIEWERS = ["rana"]


def local_project(path: Path, annotator: str, documents: list[Path] = DOCUMENTS) -> Project:
    project = Project(SqliteRepository.open(path), annotator)
    project.import_paths(documents)
    return project


def tag(project: Project, document_id: str, phrase: str, label: str, nth: int = 0, layer: str | None = None) -> AddSpan:
    """Tag the ``nth`` occurrence of ``phrase`` (in ``layer``, default the project's annotator) and return the edit."""
    text = project.document(document_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    edit = project.add_span(document_id, start, start + len(phrase), label)
    if layer is not None:
        from dataclasses import replace

        edit = AddSpan(replace(edit.span, annotator=layer))
    project.apply(edit)
    return edit


def first_word(project: Project, document_id: str, nth: int = 0) -> str:
    words = [w for w in project.document(document_id).text.split() if len(w) > 3]
    return words[nth]


def make_team(server: TeamServer, local: Project | None) -> str:
    """A new team project with amal and omar as annotators and rana as reviewer; returns its database name."""
    database = server.new_database()
    for name in [*ANNOTATORS, *REVIEWERS, "eve"]:
        server.create_role(name)
    init_team(server.url(database), None if local is None else local.repository, ANNOTATORS, REVIEWERS, by="init-team")
    return database


def team_project(server: TeamServer, database: str, user: str) -> Project:
    repository = PostgresRepository.open(server.url(database, user))
    return Project(repository, repository.user)


def gold_of(project: Project, document_id: str) -> list[str]:
    return [span.text for span in project.spans(document_id, GOLD)]
