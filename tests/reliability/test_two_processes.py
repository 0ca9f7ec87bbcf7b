"""Two programs editing one project file at once: nothing lost, no "database is locked", each sees the other."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from annotator.project import Project
from storage.database import open_database
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
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


def test_two_processes_editing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.hashiya"
    project = Project(SqliteRepository.open(path), "setup")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    project.close()

    names = ("huda", "karim")
    editors = {name: start_editor("add-spans", str(path), name, str(EDITS_EACH), "--meet") for name in names}
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
        # Each saw the other's commits while editing (PRAGMA data_version moved), and all of them at the end.
        moves = seen[name]["moves_while_editing"]
        assert isinstance(moves, int) and moves > 0
        assert seen[name]["spans"] == {"huda": EDITS_EACH, "karim": EDITS_EACH}

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
