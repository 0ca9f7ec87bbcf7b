"""The project keeps its SQLite locks through everything the window does with files, so no edit is lost.

POSIX locks belong to the whole process: anything in it that opens and closes the project file by
another descriptor (a file dialog sniffing types, a hash, a copy) drops them. Another program then
takes itself for the last user and deletes the write-ahead log, and the window's edits go into a
deleted file. These tests go the analyst's way with the real window in a process of its own.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.project import Project
from storage.file_guard import Identity, OwnLocks, held_locks, locks_readable
from storage.sqlite_repository import SqliteRepository
from tests.command_line import hashiya
from tests.conftest import CORPUS, ROOT
from tests.reliability.storage_faults import file_digests

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not locks_readable(), reason="reads the locks in /proc/locks"),
]


class Window:
    """The window process of ``window_process.py``: one command in, one line out."""

    def __init__(self, project: Path) -> None:
        environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen"}
        environment["XDG_CONFIG_HOME"] = str(project.parent / "config")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.window_process", str(project)],
            cwd=project.parent,  # the analyst started it from the project's folder
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert self.answer() == "READY"

    def answer(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the window stopped: {self.process.stderr.read() if self.process.stderr else ''}"
        assert not line.startswith("ERROR"), line
        return line.rstrip("\n")

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.answer()

    def locks_after(self, command: str) -> int:
        answer = self.ask(command)
        assert answer.startswith("LOCKS "), answer
        return int(answer.split()[1])

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process.communicate()


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(path), "analyst")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:2])
    project.close()
    (tmp_path / "notes.txt").write_text("ملاحظات\n", encoding="utf-8")
    return path


@pytest.fixture
def window(project_file: Path) -> Iterator[Window]:
    started = Window(project_file)
    yield started
    started.kill()


def span_ids_seen_elsewhere(path: Path) -> set[str]:
    """The span ids a third process reads from the project (through SQLite, as any reader does)."""
    script = (
        "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        "print(json.dumps([r[0] for r in c.execute('SELECT id FROM spans')]))"
    )
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def test_an_edit_after_a_file_dialog_and_another_program_is_seen_and_survives_sigkill(
    window: Window, project_file: Path
) -> None:
    locks = window.locks_after("DIALOG import-annotations")  # opened on the project's folder, then cancelled
    assert hashiya("--db", str(project_file), "stats").returncode == 0  # opens and closes the project

    answer = window.ask("EDIT")
    assert answer.startswith("ACK "), answer
    span_id = answer.split()[1]
    assert span_id in span_ids_seen_elsewhere(project_file)
    window.kill()

    raw = sqlite3.connect(project_file)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert [row[0] for row in raw.execute("SELECT id FROM spans")] == [span_id]
    finally:
        raw.close()
    assert locks > 0


def test_the_window_holds_its_locks_after_every_file_dialog_and_file_action(
    window: Window, project_file: Path, tmp_path: Path
) -> None:
    held = {}
    for dialog in ("import-annotations", "import-texts", "export", "save-copy", "agreement-png", "agreement-csv"):
        held[f"dialog {dialog}"] = window.locks_after(f"DIALOG {dialog}")
    exported = tmp_path / "layer.jsonl"
    held["export"] = window.locks_after(f"EXPORT {exported}")
    held["import"] = window.locks_after(f"IMPORT {exported}")
    held["import texts"] = window.locks_after(f"IMPORT-TEXTS {tmp_path / 'notes.txt'}")
    held["save a copy"] = window.locks_after(f"COPY {tmp_path / 'copy.hashiya'}")
    # The project file itself, named as the thing to read or write, is refused without opening it.
    before = file_digests(project_file)
    held["export onto the project"] = window.locks_after(f"EXPORT {project_file}")
    held["import the project"] = window.locks_after(f"IMPORT {project_file}")
    held["import the project as text"] = window.locks_after(f"IMPORT-TEXTS {project_file}")
    held["copy onto the project"] = window.locks_after(f"COPY {project_file}")
    assert file_digests(project_file) == before
    assert {action: count for action, count in held.items() if count == 0} == {}
    assert exported.exists() and (tmp_path / "copy.hashiya").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

    answer = window.ask("EDIT")
    assert answer.startswith("ACK "), answer
    assert answer.split()[1] in span_ids_seen_elsewhere(project_file)


def test_this_process_holds_a_lock_on_an_open_project(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(path), "analyst")
    identity = Identity.of(path)
    assert identity is not None
    assert held_locks(identity)
    project.close()
    assert not held_locks(identity)


def test_the_locks_read_from_sqlites_descriptors_agree_with_proc_locks(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(path), "analyst")
    identity = Identity.of(path)
    assert identity is not None
    own = OwnLocks(identity)
    assert own.held() and held_locks(identity)

    path.read_bytes()  # another descriptor opened and closed: the kernel drops every lock of the process
    assert not held_locks(identity)
    assert not own.held()
    project.close()
