"""The fault suite for a client of a team project: the server gone, the connection dropped mid-transaction,
a change the server's roles refuse. Each case runs the editor in a process of its own on the real
PostgreSQL server, does the damage from outside, goes on editing, kills the editor with SIGKILL, and
counts the acknowledged edits missing from the server (the figures join the fault suite's summary).
"""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest

from annotator.model import GOLD
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.reliability.backends import team_copy, team_state
from tests.reliability.editor_process import CRASH_ANNOTATOR
from tests.reliability.fault_report import Case, record
from tests.reliability.processes import start_editor
from tests.reliability.test_vanishing_files import Editor
from tests.team_server import TeamServer

LOST_CONNECTION = "the connection to the team server"
NOT_SAVED = "this change was not saved"


@pytest.fixture
def team(team_server: TeamServer, tmp_path: Path) -> str:
    """A team project with the crash annotator and omar as annotators, rana as reviewer."""
    return team_copy(team_server, one_document_project(tmp_path / "lead.hashiya"), [CRASH_ANNOTATOR, "omar"], ["rana"])


def one_document_project(path: Path) -> Path:
    project = Project(SqliteRepository.open(path), "lead")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    project.close()
    return path


def on_server(team_server: TeamServer, team: str) -> set[str]:
    return set(team_state(team_server, team, CRASH_ANNOTATOR)[0])


def test_the_server_gone_refuses_edits_plainly_and_they_go_on_once_it_is_back(
    team_server: TeamServer, team: str
) -> None:
    editor = Editor(team_server.url(team, CRASH_ANNOTATOR))
    editor.edits(10)
    team_server.stop()
    try:
        editor.edits(5)
    finally:
        team_server.start()
    refused_while_away = len(editor.refusals)
    deadline = time.monotonic() + 10
    while len(editor.acknowledged) < 20 and time.monotonic() < deadline:
        editor.edits(1)
        time.sleep(0.05)
    editor.kill()

    lost = set(editor.acknowledged) - on_server(team_server, team)
    record(
        Case("team server stopped mid-session, then started", len(editor.acknowledged), len(editor.refusals), len(lost))
    )
    assert lost == set()
    assert refused_while_away == 5, "no edit is acknowledged while the server is away"
    assert all(LOST_CONNECTION in r or "cannot be reached" in r for r in editor.refusals), editor.refusals
    assert any(NOT_SAVED in r for r in editor.refusals)
    assert len(editor.acknowledged) == 20, "the client connected again by itself"
    assert on_server(team_server, team) == set(editor.acknowledged), "nothing refused reached the server"


def test_a_connection_dropped_mid_transaction_saves_nothing_of_that_edit_and_the_next_one_goes_through(
    team_server: TeamServer, team: str
) -> None:
    editor = Editor(team_server.url(team, CRASH_ANNOTATOR))
    editor.edits(10)
    with psycopg.connect(team_server.url(team)) as admin:
        # The next edit's transaction waits on this lock, half done, until its connection is dropped.
        admin.execute("LOCK TABLE spans IN EXCLUSIVE MODE")
        editor.send("EDIT")
        waiting = None
        deadline = time.monotonic() + 10
        while waiting is None and time.monotonic() < deadline:
            with psycopg.connect(team_server.url(team), autocommit=True) as watcher:
                waiting = watcher.execute(
                    "SELECT pid FROM pg_stat_activity WHERE usename = %s AND datname = %s AND wait_event_type = 'Lock'",
                    [CRASH_ANNOTATOR, team],
                ).fetchone()
                if waiting is not None:
                    watcher.execute("SELECT pg_terminate_backend(%s)", [waiting[0]])
            time.sleep(0.02)
        assert waiting is not None, "the edit never reached the server"
        editor.note(editor.answer())
        admin.rollback()
    editor.edits(10)
    editor.kill()

    stored = on_server(team_server, team)
    lost = set(editor.acknowledged) - stored
    record(Case("team connection dropped mid-transaction", len(editor.acknowledged), len(editor.refusals), len(lost)))
    assert lost == set()
    assert len(editor.refusals) == 1 and len(editor.acknowledged) == 20
    assert LOST_CONNECTION in editor.refusals[0] and NOT_SAVED in editor.refusals[0], editor.refusals
    assert stored == set(editor.acknowledged), "the dropped transaction left nothing behind"


def test_changes_the_roles_forbid_are_refused_with_a_clear_message_and_work_goes_on(
    team_server: TeamServer, team: str
) -> None:
    editor = Editor(team_server.url(team, CRASH_ANNOTATOR))
    editor.edits(5)
    editor.edits(3, "EDIT-AS omar")
    editor.edits(3, f"EDIT-AS {GOLD}")
    editor.edits(5)
    editor.kill()

    lost = set(editor.acknowledged) - on_server(team_server, team)
    record(
        Case("team role refuses another's layer and gold", len(editor.acknowledged), len(editor.refusals), len(lost))
    )
    assert lost == set() and len(editor.acknowledged) == 10
    assert len(editor.refusals) == 6
    assert all(f"refused this change for {CRASH_ANNOTATOR}" in r for r in editor.refusals), editor.refusals
    assert all("an annotator writes only their own layer" in r for r in editor.refusals)
    assert team_state(team_server, team, "omar")[0] == {} and team_state(team_server, team, GOLD)[0] == {}


def test_a_project_not_given_is_refused_at_opening_without_a_traceback(
    team_server: TeamServer, team: str, tmp_path: Path
) -> None:
    team_copy(team_server, one_document_project(tmp_path / "other.hashiya"), ["eve"])  # eve's is another project
    answers = {}
    for user in ("eve", "nobody"):  # a member of another team project; a role the server does not know
        process = start_editor("on-command", team_server.url(team, user))
        out, err = process.communicate(timeout=60)
        assert process.returncode == 1 and "Traceback" not in err, err
        answers[user] = out
    assert answers["eve"].startswith("ERROR RefusedError") and "was not given to this user" in answers["eve"]
    assert "does not let this user in" in answers["nobody"]
