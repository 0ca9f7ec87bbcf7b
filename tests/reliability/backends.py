"""Where the reliability tests' editors work: a SQLite project file, or a team project on the test server.

A team project is made from a local project file with ``init-team``; its members are login roles,
each writing the layer of their own name, as the analysts' would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.model import GOLD
from storage.postgres_repository import PostgresRepository
from storage.sqlite_repository import SqliteRepository
from storage.team_init import init_team
from tests.team_server import TeamServer

BACKENDS = ["sqlite", "postgresql"]

SpanState = dict[str, tuple[str, int, int]]


def server_for(backend: str, request: pytest.FixtureRequest) -> TeamServer | None:
    """The test server when ``backend`` is PostgreSQL (started only for the tests that need it)."""
    return request.getfixturevalue("team_server") if backend == "postgresql" else None


def team_copy(server: TeamServer, local: Path, annotators: list[str], reviewers: list[str] = []) -> str:  # noqa: B006
    """A new team project holding the project file ``local``; returns its database name."""
    database = server.new_database()
    repository = SqliteRepository.open(local)
    try:
        init_team(server.url(database), repository, annotators, reviewers, by="setup")
    finally:
        repository.close()
    return database


def team_state(server: TeamServer, database: str, annotator: str) -> tuple[SpanState, int]:
    """The layer of ``annotator`` on the server, and how many span edits of theirs its edit log holds
    (the first edit also marks the document in progress, logged on its own)."""
    team = PostgresRepository.open(server.url(database))
    try:
        spans = {
            span.id: (span.label, span.start, span.end)
            for document in team.list_documents(GOLD)
            for span in team.spans(document.id, annotator)
        }
        logged = sum(
            1
            for entry in team.edit_log()
            if entry["annotator"] == annotator
            and entry["document_id"] is not None
            and not str(entry["action"]).startswith("Mark ")
        )
    finally:
        team.close()
    return spans, logged
