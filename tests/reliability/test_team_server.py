"""The team server under load and faults: many clients at once, a client killed mid-push, the server restarted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.edits import Batch
from annotator.model import GOLD
from annotator.repository import ProjectError
from storage.postgres_repository import PostgresRepository
from storage.sqlite_repository import SqliteRepository
from storage.team_sync import PUSH_RESOURCE, layer_of
from tests.conftest import CORPUS
from tests.reliability.processes import ROOT
from tests.storage.team_helpers import local_project, make_team, team_project
from tests.team_server import TeamServer

CLIENTS = 5
EDITS_EACH = 1000


def start_client(*arguments: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.team_client", *arguments],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def add_members(server: TeamServer, database: str, names: list[str]) -> None:
    import psycopg
    from psycopg import sql

    for name in names:
        server.create_role(name)
    with psycopg.connect(server.url(database), autocommit=True) as conn:
        for name in names:
            conn.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(f"{database}_annotators"), sql.Identifier(name))
            )


@pytest.mark.slow
def test_five_clients_making_a_thousand_edits_each_at_once_lose_nothing(
    team_server: TeamServer, tmp_path: Path
) -> None:
    lead = local_project(tmp_path / "lead.hashiya", "rana", sorted(CORPUS.glob("*.txt"))[:1])
    document = lead.documents()[0].id
    database = make_team(team_server, lead)
    lead.close()
    names = [f"client{number}" for number in range(CLIENTS)]
    add_members(team_server, database, names)

    clients = [start_client("edits", team_server.url(database, name), document, str(EDITS_EACH)) for name in names]
    acknowledged: dict[str, list[str]] = {}
    for name, client in zip(names, clients, strict=True):
        out, err = client.communicate(timeout=240)
        assert client.returncode == 0, err
        acknowledged[name] = [line[4:] for line in out.splitlines() if line.startswith("ACK ")]

    team = PostgresRepository.open(team_server.url(database))
    for name in names:
        assert len(acknowledged[name]) == EDITS_EACH
        stored = {span.id for span in team.spans(document, name)}
        assert stored == set(acknowledged[name])
    # Each client's first edit also marks the document in progress: the spans' entries are counted.
    log = [entry for entry in team.edit_log(document) if entry["annotator"] in names and entry["action"] == "Add PER"]
    assert len(log) == CLIENTS * EDITS_EACH
    team.close()


def test_a_push_killed_anywhere_leaves_the_server_consistent_and_resumes(
    team_server: TeamServer, tmp_path: Path
) -> None:
    texts = sorted(CORPUS.glob("*.txt"))[:4]
    lead = local_project(tmp_path / "lead.hashiya", "rana", texts)
    database = make_team(team_server, lead)
    lead.close()

    local = local_project(tmp_path / "amal.hashiya", "amal", texts)
    for summary in local.documents():
        text = local.document(summary.id).text
        spans = []
        for number in range(300):
            start = (number * 13) % (len(text) - 12)
            spans.append(local.add_span(summary.id, start, start + 1 + number % 11, "ORG"))
        local.apply(Batch("many", tuple(spans)))
    local_path = Path(local.location)
    url = team_server.url(database, "amal")
    local_log = {d.id: local.repository.edit_log(d.id) for d in local.documents()}

    def check(team: PostgresRepository) -> int:
        pushed = 0
        for document_id, entries in local_log.items():
            theirs = layer_of(team, document_id, "amal")
            mine = layer_of(local.repository, document_id, "amal")
            assert theirs.spans in ((), mine.spans), "a document's layer is pushed whole or not at all"
            logged = [e for e in team.edit_log(document_id) if e["annotator"] == "amal"]
            assert logged in ([], entries)
            pushed += bool(theirs.spans)
        return pushed

    partial = []
    # The first kill lands right after the first document's commit; the timed ones land wherever the
    # push is by then (after an earlier kill, perhaps when nothing is left to push).
    for delay in (None, 0.05, 0.15):
        client = start_client("push", url, str(local_path))
        assert client.stdout is not None
        assert client.stdout.readline().strip() == "READY"
        if delay is None:  # right after the first document's commit, inside the second's transaction
            first = client.stdout.readline()
            assert first.startswith("PUSHED "), first
        else:
            time.sleep(delay)
        client.send_signal(signal.SIGKILL)
        client.wait(timeout=10)
        team = PostgresRepository.open(team_server.url(database))
        partial.append(check(team))
        team.close()
    assert any(0 < pushed < len(texts) for pushed in partial), f"no kill landed mid-push: {partial}"

    client = start_client("push", url, str(local_path))
    out, err = client.communicate(timeout=60)
    assert "DONE" in out, err
    team = PostgresRepository.open(team_server.url(database))
    assert check(team) == len(texts)
    logged = len(team.edit_log())
    # The resumed push stored the cursor in the project: pushing again sends nothing and logs nothing.
    pushed = [n for n, e in enumerate(local.repository.edit_log()) if e["annotator"] == "amal" and e["document_id"]]
    reopened = SqliteRepository.open(local_path)
    assert json.loads(reopened.resource(PUSH_RESOURCE) or "{}").get("cursors") == {url: pushed[-1]}
    reopened.close()
    client = start_client("push", url, str(local_path))
    out, err = client.communicate(timeout=60)
    assert "DONE" in out and "PUSHED" not in out, (out, err)
    assert check(team) == len(texts)
    assert len(team.edit_log()) == logged
    team.close()


def test_a_server_restart_is_said_and_nothing_acknowledged_is_lost(team_server: TeamServer, tmp_path: Path) -> None:
    lead = local_project(tmp_path / "lead.hashiya", "rana", sorted(CORPUS.glob("*.txt"))[:1])
    document = lead.documents()[0].id
    database = make_team(team_server, lead)
    lead.close()
    amal = team_project(team_server, database, "amal")
    text = amal.document(document).text
    acknowledged = []
    for number in range(5):
        edit = amal.add_span(document, number, number + 3, "PER")
        amal.apply(edit)
        acknowledged.append(edit.span.id)

    team_server.stop()
    try:
        edit = amal.add_span(document, 20, 25, "PER")
        with pytest.raises(
            ProjectError, match="connection to the team server .* was lost, so this change was not saved"
        ):
            amal.apply(edit)
        deadline = time.monotonic() + 2
        said = None
        while said is None and time.monotonic() < deadline:
            try:
                amal.repository.data_version()
                time.sleep(0.05)
            except ProjectError as error:
                said = str(error)
        assert said is not None and "connecting again" in said
    finally:
        team_server.start()

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            amal.repository.data_version()
            break
        except ProjectError:
            time.sleep(0.05)
    edit = amal.add_span(document, 30, 33 if len(text) > 33 else 31, "PER")
    amal.apply(edit)
    acknowledged.append(edit.span.id)
    again = team_project(team_server, database, "amal")
    assert {span.id for span in again.spans(document)} == set(acknowledged)
    assert again.spans(document, GOLD) == []
    again.close()
    amal.close()
