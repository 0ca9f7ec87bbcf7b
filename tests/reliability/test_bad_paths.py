"""What ``--db`` may name, and projects damaged inside: refused with one clear message, left exactly as they were.

Each case runs ``hashiya --db PATH stats`` in a process of its own (a refusal must not be a
traceback, nor a crash by signal) and compares what is at the path before and after: the SHA-256
of every file, and what kind of thing it is (device, FIFO, link and its target).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.project import Project
from annotator.repository import ProjectError
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS, ROOT
from tests.reliability.fault_report import Case, record
from tests.reliability.processes import start_editor

AS_ROOT = os.geteuid() == 0


def sample(path: Path) -> None:
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:2])
    project.apply(project.add_span(project.documents()[0].id, 0, 3, "PER"))
    project.close()


def state_of(folder: Path) -> dict[str, str]:
    """Every entry of the folder: its kind, a link's target, a regular file's SHA-256 and mode bits."""
    seen = {}
    for entry in sorted(folder.iterdir()):
        mode = entry.lstat().st_mode
        if stat.S_ISLNK(mode):
            seen[entry.name] = f"link to {os.readlink(entry)}"
        elif stat.S_ISREG(mode):
            seen[entry.name] = f"file {oct(mode & 0o777)} {hashlib.sha256(entry.read_bytes()).hexdigest()}"
        else:
            seen[entry.name] = f"kind {stat.S_IFMT(mode)}"
    return seen


def character_device(folder: Path) -> Path:
    if not AS_ROOT:
        pytest.skip("making a device node needs root")
    path = folder / "p.hashiya"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    return path


def fifo(folder: Path) -> Path:
    path = folder / "p.hashiya"
    os.mkfifo(path)
    return path


def dangling_link(folder: Path) -> Path:
    path = folder / "p.hashiya"
    path.symlink_to(folder / "gone" / "p.hashiya")
    return path


def link_to_an_empty_file(folder: Path) -> Path:
    (folder / "empty").touch()
    path = folder / "p.hashiya"
    path.symlink_to(folder / "empty")
    return path


def a_view_only(folder: Path) -> Path:
    path = folder / "p.hashiya"
    other = sqlite3.connect(path)
    other.execute("CREATE VIEW answer AS SELECT 42")
    other.close()
    return path


def user_version_only(folder: Path) -> Path:
    path = folder / "p.hashiya"
    other = sqlite3.connect(path)
    other.execute("PRAGMA user_version = 7")
    other.close()
    return path


def read_only_mode(folder: Path) -> Path:
    path = folder / "p.hashiya"
    sample(path)
    path.chmod(0o444)
    return path


def texts_changed_behind_the_hash(folder: Path) -> Path:
    path = folder / "p.hashiya"
    sample(path)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE documents SET text = text || 'x' WHERE rowid = 1")
    raw.commit()
    raw.close()
    return path


def registry_not_utf8(folder: Path) -> Path:
    path = folder / "p.hashiya"
    sample(path)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE project_resources SET content = CAST(x'7b22ff22' AS TEXT) WHERE name = 'registry'")
    raw.commit()
    raw.close()
    return path


def immutable_shared_memory(folder: Path) -> Path:
    """A project a killed program left with its -wal and -shm, the -shm then made immutable."""
    if not AS_ROOT or shutil.which("chattr") is None:
        pytest.skip("chattr +i needs root and chattr")
    path = folder / "p.hashiya"
    sample(path)
    editor = start_editor("on-command", str(path))
    assert editor.stdout is not None and editor.stdout.readline() == "READY\n"
    editor.send_signal(signal.SIGKILL)
    editor.wait(timeout=30)
    editor.communicate()
    shm = path.with_name(path.name + "-shm")
    assert shm.exists()
    if subprocess.run(["chattr", "+i", str(shm)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable flag")
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "a character device": (character_device, "is a character device, not a project file"),
    "a FIFO": (fifo, "is a named pipe (FIFO), not a project file"),
    "a dangling link": (dangling_link, "which does not exist"),
    "a link to an empty file": (link_to_an_empty_file, "is a link to an empty file"),
    "an SQLite file with only a view": (a_view_only, "is an SQLite database but not a Hashiya project"),
    "an SQLite file with only user_version set": (
        user_version_only,
        "is an SQLite database but not a Hashiya project",
    ),
    "a project of mode 444 (root too)": (read_only_mode, "is read-only"),
    "a project with an immutable -shm": (immutable_shared_memory, "is read-only"),
    "a text changed behind its hash": (texts_changed_behind_the_hash, "no longer matches its stored SHA-256"),
    "a registry that is not UTF-8": (registry_not_utf8, "the stored registry is not valid UTF-8 JSON"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_refused_with_one_message_and_left_exactly_as_it_was(tmp_path: Path, case: str) -> None:
    make, message = CASES[case]
    folder = tmp_path / "place"
    folder.mkdir()
    path = make(folder)
    before = state_of(folder)
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(path), "stats"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=60,
        )
        after = state_of(folder)
    finally:
        shm = path.with_name(path.name + "-shm")
        if os.path.lexists(shm):
            subprocess.run(["chattr", "-i", str(shm)], capture_output=True)
        if path.exists() and not path.is_symlink() and stat.S_ISREG(path.stat().st_mode):
            path.chmod(0o644)
    changed = [name for name in before if after.get(name) != before[name]] + [n for n in after if n not in before]
    record(Case(f"--db names {case}", files_checked=len(before), files_changed=len(changed)))
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert changed == []


@pytest.mark.parametrize("content", ["CAST(x'7b22ff22' AS TEXT)", "'{\"entities\": 3'", "'[1, 2]'"])
def test_a_damaged_registry_in_a_file_too_large_for_the_full_check_is_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    import storage.database

    path = registry_not_utf8(tmp_path)
    raw = sqlite3.connect(path)
    raw.execute(f"UPDATE project_resources SET content = {content} WHERE name = 'registry'")
    raw.commit()
    raw.close()
    before = state_of(tmp_path)
    monkeypatch.setattr(storage.database, "FULL_CHECK_LIMIT", 0)  # only the quick check runs when opening
    with pytest.raises(ProjectError, match="registry"):
        Project(SqliteRepository.open(path), "tester").close()
    assert state_of(tmp_path) == before
