"""Two programs editing one project at once: nothing lost, no "database is locked", each sees the other.

On both backends: the project file (each sees the other through ``PRAGMA data_version``), and a team
project on the PostgreSQL server (through LISTEN/NOTIFY). On the server the two are reviewers, who
may write the schema as well as their own layers, so that both kinds of write meet there too.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from annotator.project import Project
from storage.database import open_database
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.reliability.backends import BACKENDS, server_for, team_copy, team_state
from tests.reliability.processes import start_editor

EDITS_EACH = 1000


def wait_for(process: subprocess.Popen[str], wanted: str, acknowledged: list[str]) -> None:
    assert process.stdout is not None
    while True:
        line = process.stdout.readline()
        assert line, f"the editor stopped: {process.stderr.read() if process.stderr else ''}"
        line = line.rstrip("\n")
        assert not line.startswith("ERROR"), line
        if line.startswith("ACK "):
            acknowledged.append(line[4:])
        elif line == wanted:
            return


def tell(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdin is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_processes_editing_at_once_lose_nothing(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    server = server_for(backend, request)
    path = tmp_path / "shared.hashiya"
    project = Project(SqliteRepository.open(path), "setup")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    project.close()

    names = ("huda", "karim")
    database = "" if server is None else team_copy(server, path, [], list(names))
    locations = {name: str(path) if server is None else server.url(database, name) for name in names}
    editors = {name: start_editor("add-spans", locations[name], name, str(EDITS_EACH), "--meet") for name in names}
    acknowledged: dict[str, list[str]] = {name: [] for name in names}
    try:
        for name, editor in editors.items():
            wait_for(editor, "READY", acknowledged[name])
        for editor in editors.values():
            tell(editor, "GO")
        for name, editor in editors.items():
            wait_for(editor, "DONE", acknowledged[name])
        seen: dict[str, dict[str, object]] = {}
        for name, editor in editors.items():
            tell(editor, "CHECK")
            assert editor.stdout is not None
            line = editor.stdout.readline().rstrip("\n")
            assert line.startswith("SEEN "), line
            seen[name] = json.loads(line[5:])
            assert editor.wait(timeout=30) == 0
    finally:
        for editor in editors.values():
            if editor.poll() is None:
                editor.kill()
            editor.communicate()

    for name in names:
        assert len(acknowledged[name]) == EDITS_EACH
        # Each saw the other's commits while editing (the data version moved), and all of them at the end.
        moves = seen[name]["moves_while_editing"]
        assert isinstance(moves, int) and moves > 0
        assert seen[name]["spans"] == {"huda": EDITS_EACH, "karim": EDITS_EACH}

    if server is not None:
        for name in names:
            stored_spans, logged_edits = team_state(server, database, name)
            assert set(stored_spans) == set(acknowledged[name])
            assert logged_edits == EDITS_EACH
        return
    db = open_database(path)
    stored = {
        name: {row[0] for row in db.execute("SELECT id FROM spans WHERE annotator = ?", [name])} for name in names
    }
    logged = dict(
        db.execute(  # the edits (the first also marks the document in progress, logged on its own)
            "SELECT annotator, count(*) FROM edit_log"
            " WHERE document_id IS NOT NULL AND action NOT LIKE 'Mark %' GROUP BY annotator"
        )
    )
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
    for name in names:
        assert stored[name] == set(acknowledged[name])
        assert logged[name] == EDITS_EACH
