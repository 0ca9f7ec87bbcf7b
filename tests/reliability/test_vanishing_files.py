"""The folder, the log or the locks of an open project disappear: no edit is acknowledged and lost.

Each case runs the editor in a process of its own, asks it for edits one by one (each answered
``ACK`` or ``REFUSED`` with the message the analyst sees), does the damage from outside, goes on
editing, kills the editor with SIGKILL, and counts the acknowledged edits missing from the file.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.project import Project
from storage.file_guard import locks_readable
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS, ROOT
from tests.reliability.editor_process import CRASH_ANNOTATOR
from tests.reliability.fault_report import Case, record
from tests.reliability.processes import start_editor


class Editor:
    def __init__(self, path: Path | str) -> None:
        self.process = start_editor("on-command", str(path))
        self.acknowledged: list[str] = []
        self.refusals: list[str] = []
        assert self.answer() == "READY"

    def answer(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line and not line.startswith("ERROR"), line or (self.process.stderr and self.process.stderr.read())
        return line.rstrip("\n")

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def ask(self, command: str) -> str:
        self.send(command)
        return self.answer()

    def edits(self, count: int, command: str = "EDIT") -> None:
        for _ in range(count):
            self.note(self.ask(command))

    def note(self, answer: str) -> None:
        if answer.startswith("ACK "):
            self.acknowledged.append(answer.split()[1])
        else:
            assert answer.startswith("REFUSED "), answer
            self.refusals.append(answer[len("REFUSED ") :])

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process.communicate()


def new_project(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project(SqliteRepository.open(path), CRASH_ANNOTATOR)
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    project.close()


def stored_span_ids(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {row[0] for row in raw.execute("SELECT id FROM spans")}
    finally:
        raw.close()


def test_a_deleted_log_refuses_the_next_edit_keeps_what_it_held_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    new_project(path)
    editor = Editor(path)
    editor.edits(20)
    path.with_name(path.name + "-wal").unlink()
    editor.edits(60)
    editor.kill()

    lost = set(editor.acknowledged) - stored_span_ids(path)
    record(Case("-wal deleted mid-session", len(editor.acknowledged), len(editor.refusals), len(lost)))
    assert lost == set()
    assert len(editor.refusals) == 1  # the first edit after the deletion; the project was then opened again
    assert (
        "the log beside it (p.hashiya-wal) was deleted or replaced by another program, so this change was not saved"
        in (editor.refusals[0])
    )
    assert "opened again" in editor.refusals[0]
    assert len(editor.acknowledged) == 79


def test_a_deleted_folder_refuses_every_edit_and_a_copy_keeps_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "work" / "p.hashiya"
    new_project(path)
    editor = Editor(path)
    editor.edits(20)
    saved = list(editor.acknowledged)
    shutil.rmtree(path.parent)
    editor.edits(20)
    rescued = tmp_path / "rescued.hashiya"
    copied = editor.ask(f"COPY {rescued}")
    editor.kill()

    assert editor.acknowledged == saved  # nothing acknowledged after the folder went
    assert len(editor.refusals) == 20
    assert all("was deleted, moved or replaced while the project was open" in r for r in editor.refusals)
    assert copied == "COPIED"
    lost = set(editor.acknowledged) - stored_span_ids(rescued)
    record(Case("project folder deleted mid-session (then Save a Copy)", len(saved), len(editor.refusals), len(lost)))
    assert lost == set()


@pytest.mark.skipif(not locks_readable(), reason="reads the locks in /proc/locks")
def test_locks_dropped_by_a_read_of_the_file_refuse_one_edit_and_the_project_is_opened_again(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    new_project(path)
    editor = Editor(path)
    editor.edits(10)
    assert editor.ask("SNIFF") == "SNIFFED"  # what a type sniffer, a hash or a header check does
    stats = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "stats"], capture_output=True, timeout=120
    )
    assert stats.returncode == 0, stats.stderr
    editor.edits(10)
    editor.kill()

    lost = set(editor.acknowledged) - stored_span_ids(path)
    record(Case("locks dropped by another descriptor, then another process", len(editor.acknowledged), 1, len(lost)))
    assert lost == set()
    assert len(editor.refusals) == 1
    assert "no longer holds its lock" in editor.refusals[0]
    assert len(editor.acknowledged) == 19


def test_hashiya_backup_writes_one_file_holding_what_the_log_holds(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    new_project(path)
    editor = Editor(path)  # keeps the project open: its edits are still in the -wal
    editor.edits(15)
    copy = tmp_path / "copy.hashiya"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "backup", "-o", str(copy)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    editor.kill()
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.hashiya"]
    lost = set(editor.acknowledged) - stored_span_ids(copy)
    record(Case("hashiya backup while another program edits", len(editor.acknowledged), 0, len(lost)))
    assert lost == set() and len(editor.acknowledged) == 15
