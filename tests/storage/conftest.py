"""The storage contract runs on both backends: the SQLite project file and a team project on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.project import Project
from annotator.repository import Repository
from annotator.resources import sample_corpus_files
from storage.sqlite_repository import SqliteRepository
from tests.team_server import TeamServer

BACKENDS = ["sqlite", "postgresql"]


@dataclass
class Store:
    """Where a test's project lives; each ``repository()`` is a new connection to it."""

    kind: str
    location: str
    opened: list[Repository] = field(default_factory=list)

    def repository(self) -> Repository:
        repository: Repository
        if self.kind == "sqlite":
            repository = SqliteRepository.open(Path(self.location))
        else:
            from storage.postgres_repository import PostgresRepository

            repository = PostgresRepository.open(self.location)
        self.opened.append(repository)
        return repository

    def project(self, annotator: str) -> Project:
        return Project(self.repository(), annotator)


_STORES: dict[str, Store] = {}


def store_of(project: Project) -> Store:
    return _STORES[project.location]


def new_store(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    if kind == "sqlite":
        return Store(kind, str(tmp_path / "p.hashiya"))
    from storage.team_init import init_team

    server: TeamServer = request.getfixturevalue("team_server")
    url = server.url(server.new_database())
    init_team(url, None)
    return Store(kind, url)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made = new_store(request.param, tmp_path, request)
    _STORES[made.location] = made
    yield made
    for repository in made.opened:
        repository.close()
    del _STORES[made.location]


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The five sample articles in a project of their own, shared by the tests of one module."""
    project = Project(SqliteRepository.open(tmp_path_factory.mktemp("sample") / "p.hashiya"), "tester")
    project.import_paths(sample_corpus_files())
    yield project
    project.close()
