"""Offline work merged back: push one's own layer from a local file, pull teammates' layers, gold, schema, registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.model import GOLD, DocumentStatus
from annotator.project import Project
from storage.postgres_repository import PostgresRepository
from storage.sqlite_repository import SqliteRepository
from storage.team_sync import PUSH_RESOURCE, pull, push, push_shared
from tests.storage.team_helpers import first_word, gold_of, local_project, make_team, tag, team_project
from tests.team_server import TeamServer


@pytest.fixture
def team(team_server: TeamServer, tmp_path: Path) -> str:
    lead = local_project(tmp_path / "lead.hashiya", "rana")
    database = make_team(team_server, lead)
    lead.close()
    return database


def offline_copy(team_server: TeamServer, team: str, path: Path, user: str) -> tuple[Project, PostgresRepository]:
    """A local project for ``user`` with the same texts, and the user's connection to the team project."""
    local = local_project(path, user)
    connection = PostgresRepository.open(team_server.url(team, user))
    return local, connection


def server_log_size(team_server: TeamServer, team: str) -> int:
    admin = PostgresRepository.open(team_server.url(team))
    try:
        return len(admin.edit_log())
    finally:
        admin.close()


def test_push_sends_ones_own_layer_once(team_server: TeamServer, team: str, tmp_path: Path) -> None:
    local, connection = offline_copy(team_server, team, tmp_path / "amal.hashiya", "amal")
    first, second, _ = [d.id for d in local.documents()]
    one = tag(local, first, first_word(local, first), "PER")
    two = tag(local, second, first_word(local, second), "ORG")
    local.apply(local.relabel(two.span, "GPE"))
    local.set_status(second, DocumentStatus.DONE)

    report = push(local.repository, connection)
    assert report.pushed_documents == [first, second]
    log_size = server_log_size(team_server, team)
    again = push(local.repository, connection)
    assert again.pushed_documents == []
    assert server_log_size(team_server, team) == log_size, "pushing twice logs nothing twice"

    omar = team_project(team_server, team, "omar")
    assert [s.id for s in omar.spans(first, "amal")] == [one.span.id]
    assert [(s.id, s.label) for s in omar.spans(second, "amal")] == [(two.span.id, "GPE")]
    assert omar.repository.status(second, "amal") == DocumentStatus.DONE
    actions = [e["action"] for e in omar.repository.edit_log(second) if e["annotator"] == "amal"]
    assert (
        actions
        == [e["action"] for e in local.repository.edit_log(second)]
        == ["Add ORG", "Mark in_progress", "Relabel ORG as GPE", "Mark done"]
    )

    # Work after the push goes with the next one, and only that document.
    local.apply(local.delete_span(one.span))
    assert push(local.repository, connection).pushed_documents == [first]
    assert omar.spans(first, "amal") == []
    omar.close()
    connection.close()
    local.close()


def test_the_push_cursor_lives_in_the_project_file_and_follows_it_when_moved(
    team_server: TeamServer, team: str, tmp_path: Path
) -> None:
    local, connection = offline_copy(team_server, team, tmp_path / "amal.hashiya", "amal")
    first, second, _ = [d.id for d in local.documents()]
    tag(local, first, first_word(local, first), "PER")
    push(local.repository, connection)
    stored = json.loads(local.repository.resource(PUSH_RESOURCE) or "{}")
    pushed = [n for n, e in enumerate(local.repository.edit_log()) if e["annotator"] == "amal" and e["document_id"]]
    assert list(stored["cursors"].values()) == [pushed[-1]], "the cursor is the last edit the server acknowledged"
    log_size = server_log_size(team_server, team)
    local.close()

    # The analyst moves the project to another folder and works on.
    moved = tmp_path / "elsewhere" / "amal.hashiya"
    moved.parent.mkdir()
    (tmp_path / "amal.hashiya").rename(moved)
    local = Project(SqliteRepository.open(moved), "amal")
    assert push(local.repository, connection).pushed_documents == []
    assert server_log_size(team_server, team) == log_size, "a moved project pushes nothing twice"
    two = tag(local, second, first_word(local, second), "ORG")
    assert push(local.repository, connection).pushed_documents == [second]
    assert server_log_size(team_server, team) == log_size + 2  # the span and the document marked in progress
    assert push(local.repository, connection).pushed_documents == []
    assert server_log_size(team_server, team) == log_size + 2
    omar = team_project(team_server, team, "omar")
    assert [s.id for s in omar.spans(second, "amal")] == [two.span.id]
    omar.close()
    connection.close()
    local.close()


def test_pull_brings_teammates_layers_and_gold_and_keeps_ones_own(
    team_server: TeamServer, team: str, tmp_path: Path
) -> None:
    local, connection = offline_copy(team_server, team, tmp_path / "amal.hashiya", "amal")
    document = local.documents()[0].id
    mine = tag(local, document, first_word(local, document), "PER")
    omar = team_project(team_server, team, "omar")
    omars = tag(omar, document, first_word(omar, document, 1), "ORG")
    rana = team_project(team_server, team, "rana")
    gold = tag(rana, document, first_word(rana, document, 2), "GPE", layer=GOLD)

    report = pull(local.repository, connection, "amal")
    assert (document, "omar") in report.pulled_layers
    assert f"gold:{document}" in report.taken
    assert report.conflicts == {}
    assert [s.id for s in local.spans(document, "omar")] == [omars.span.id]
    assert [s.id for s in local.spans(document, GOLD)] == [gold.span.id]
    assert [s.id for s in local.spans(document)] == [mine.span.id]
    assert pull(local.repository, connection, "amal").pulled_layers == []
    for project in (omar, rana, local):
        project.close()
    connection.close()


def test_a_shared_item_changed_on_both_sides_waits_for_a_reviewer(
    team_server: TeamServer, team: str, tmp_path: Path
) -> None:
    local, connection = offline_copy(team_server, team, tmp_path / "rana.hashiya", "rana")
    document = local.documents()[0].id
    assert pull(local.repository, connection, "rana").conflicts == {}

    rana_online = team_project(team_server, team, "rana")
    tag(rana_online, document, first_word(rana_online, document), "PER", layer=GOLD)
    tag(local, document, first_word(local, document, 1), "ORG", layer=GOLD)
    online_gold, offline_gold = gold_of(rana_online, document), gold_of(local, document)

    item = f"gold:{document}"
    assert pull(local.repository, connection, "rana").conflicts.keys() == {item}
    assert push_shared(local.repository, connection).conflicts.keys() == {item}
    assert gold_of(local, document) == offline_gold, "never overwritten silently"
    assert gold_of(rana_online, document) == online_gold

    # The reviewer decides: keep the offline gold.
    assert push_shared(local.repository, connection, keep_mine=(item,)).kept_local == [item]
    assert gold_of(rana_online, document) == offline_gold
    assert pull(local.repository, connection, "rana").conflicts == {}

    # A change made only on the team side is taken at the next pull without asking.
    rana_online.set_schema(rana_online.schema)  # same content: nothing to do
    tag(rana_online, document, first_word(rana_online, document, 2), "LOC", layer=GOLD)
    report = pull(local.repository, connection, "rana")
    assert report.taken == [item] and report.conflicts == {}
    assert gold_of(local, document) == gold_of(rana_online, document)
    rana_online.close()
    local.close()
    connection.close()


def test_the_team_schema_is_taken_or_kept_as_the_reviewer_says(
    team_server: TeamServer, team: str, tmp_path: Path
) -> None:
    local, connection = offline_copy(team_server, team, tmp_path / "amal.hashiya", "amal")
    rana = team_project(team_server, team, "rana")
    schema = rana.schema
    rana.set_schema(type(schema).from_json(schema.to_json().replace('"PER"', '"PERSON"', 1)))
    report = pull(local.repository, connection, "amal")
    assert report.taken == ["schema"]
    assert local.repository.resource("schema") == rana.repository.resource("schema")

    changed_here = local.repository.resource("schema")
    assert changed_here is not None
    local.repository.set_resource("schema", changed_here.replace('"PERSON"', '"PEOPLE"', 1), "amal", "t")
    rana.set_schema(type(schema).from_json(changed_here.replace('"PERSON"', '"HUMAN"', 1)))
    assert pull(local.repository, connection, "amal").conflicts.keys() == {"schema"}
    assert '"PEOPLE"' in (local.repository.resource("schema") or "")
    assert pull(local.repository, connection, "amal", take_team=("schema",)).taken == ["schema"]
    assert '"HUMAN"' in (local.repository.resource("schema") or "")
    rana.close()
    local.close()
    connection.close()


def test_a_registry_changed_on_both_sides_is_shown_to_the_reviewer_and_overwritten_on_neither(
    team_server: TeamServer, team: str, tmp_path: Path
) -> None:
    local, connection = offline_copy(team_server, team, tmp_path / "rana.hashiya", "rana")
    assert pull(local.repository, connection, "rana").conflicts == {}
    rana = team_project(team_server, team, "rana")
    registry = rana.registry
    here = local.repository.resource("registry") or ""
    local.repository.set_resource("registry", here.replace('"Vladimir Putin"', '"V. Putin"', 1), "rana", "t")
    rana.set_registry(type(registry).from_json(here.replace('"Vladimir Putin"', '"Putin, Vladimir"', 1)))
    online = rana.repository.resource("registry")

    report = pull(local.repository, connection, "rana")
    assert report.conflicts.keys() == {"registry"}
    mine, theirs = report.conflicts["registry"]
    # Each side shows the entity that differs, as that side has it: the reviewer sees what to choose.
    assert 'vladimir-putin: name_en "V. Putin"' in mine and "Putin, Vladimir" not in mine
    assert 'vladimir-putin: name_en "Putin, Vladimir"' in theirs and "V. Putin" not in theirs
    assert push_shared(local.repository, connection).conflicts.keys() == {"registry"}
    assert '"V. Putin"' in (local.repository.resource("registry") or ""), "never overwritten silently"
    assert rana.repository.resource("registry") == online

    assert push_shared(local.repository, connection, keep_mine=("registry",)).kept_local == ["registry"]
    assert '"V. Putin"' in (rana.repository.resource("registry") or "")
    assert pull(local.repository, connection, "rana").conflicts == {}
    rana.close()
    local.close()
    connection.close()
