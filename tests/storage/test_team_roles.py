"""The team server, not the client, decides who writes what: PostgreSQL roles and row-level security."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.edits import AddSpan
from annotator.model import GOLD
from annotator.repository import ProjectError
from storage.postgres_connection import RefusedError
from storage.postgres_repository import PostgresRepository
from tests.storage.team_helpers import first_word, local_project, make_team, tag, team_project
from tests.team_server import TeamServer


@pytest.fixture
def team(team_server: TeamServer, tmp_path: Path) -> str:
    local = local_project(tmp_path / "amal.hashiya", "amal")
    document = local.documents()[0].id
    tag(local, document, first_word(local, document), "PER")
    database = make_team(team_server, local)
    local.close()
    return database


def test_init_team_imports_the_local_project(team_server: TeamServer, team: str) -> None:
    omar = team_project(team_server, team, "omar")
    documents = omar.documents()
    assert len(documents) == 3
    [span] = omar.spans(documents[0].id, "amal")
    assert span.label == "PER"
    assert omar.schema.labels and "vladimir-putin" in omar.registry
    assert any((entry["action"] or "").startswith("Add") for entry in omar.repository.edit_log())
    omar.close()


def test_an_annotator_writes_only_their_own_layer(team_server: TeamServer, team: str) -> None:
    omar = team_project(team_server, team, "omar")
    document = omar.documents()[0].id
    [amals] = omar.spans(document, "amal")
    mine = tag(omar, document, first_word(omar, document, 1), "ORG")
    assert [s.id for s in omar.spans(document)] == [mine.span.id]

    with pytest.raises(RefusedError, match="refused this change for omar"):
        omar.apply(AddSpan(replace(mine.span, id="forged", annotator="amal")))
    with pytest.raises(RefusedError, match="an annotator writes only their own layer"):
        omar.apply(omar.delete_span(amals))
    with pytest.raises(RefusedError):
        omar.apply(omar.relabel(amals, "GPE"))
    with pytest.raises(RefusedError):
        tag(omar, document, first_word(omar, document, 2), "LOC", layer=GOLD)
    with pytest.raises(RefusedError):
        omar.set_schema(omar.schema)
    omar.close()

    amal = team_project(team_server, team, "amal")
    assert [(s.id, s.label) for s in amal.spans(document)] == [(amals.id, "PER")]
    assert amal.spans(document, GOLD) == []
    amal.close()


def test_a_reviewer_writes_gold_the_schema_and_the_registry(team_server: TeamServer, team: str) -> None:
    rana = team_project(team_server, team, "rana")
    document = rana.documents()[0].id
    gold = tag(rana, document, first_word(rana, document, 3), "GPE", layer=GOLD)
    rana.set_schema(rana.schema)
    rana.set_registry(rana.registry)
    with pytest.raises(RefusedError):
        tag(rana, document, first_word(rana, document, 4), "LOC", layer="amal")
    rana.close()
    omar = team_project(team_server, team, "omar")
    assert [s.id for s in omar.spans(document, GOLD)] == [gold.span.id]
    omar.close()


def test_nobody_reads_a_project_they_were_not_given(team_server: TeamServer, team: str) -> None:
    with pytest.raises(RefusedError, match="not given to"):
        PostgresRepository.open(team_server.url(team, "eve"))


def test_a_database_that_is_not_a_team_project_is_named(team_server: TeamServer) -> None:
    with pytest.raises(ProjectError, match="init-team"):
        PostgresRepository.open(team_server.url(team_server.new_database()))


def test_another_analysts_edit_is_announced_within_a_second(team_server: TeamServer, team: str) -> None:
    omar = team_project(team_server, team, "omar")
    amal = team_project(team_server, team, "amal")
    document = omar.documents()[0].id
    seen = omar.repository.data_version()
    tag(omar, document, first_word(omar, document, 1), "ORG")
    time.sleep(0.5)
    assert omar.repository.data_version() == seen, "one's own edits are not another's change"
    tag(amal, document, first_word(amal, document, 2), "ORG")
    deadline = time.monotonic() + 1.0
    while omar.repository.data_version() == seen and time.monotonic() < deadline:
        time.sleep(0.02)
    assert omar.repository.data_version() != seen
    assert [s.annotator for s in omar.spans(document, "amal")] == ["amal", "amal"]
    omar.close()
    amal.close()
