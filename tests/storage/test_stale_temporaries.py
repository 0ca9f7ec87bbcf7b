"""A project being built lives under a temporary name beside its own; when the process building it is
killed, the next build of that project removes what it left, and nothing of a build still running."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus_data import build, quick_sizes
from storage.database import remove_stale_temporaries, temporary_beside
from tests.conftest import ROOT


def _ended_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True).stdout)


def _size(path: Path) -> int:
    """0 for a file gone meanwhile: the build's journal comes and goes as its schema is written."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def test_a_build_killed_midway_is_cleared_by_the_next_one(tmp_path: Path) -> None:
    files = build(tmp_path / "corpus", quick_sizes(300))
    folder = tmp_path / "projects"
    folder.mkdir()
    target = folder / "new.hashiya"
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(target), "import", str(files.all_layers)]
    importing = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(_size(p) > 1_000_000 for p in folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.005)
    importing.send_signal(signal.SIGKILL)
    importing.wait(timeout=60)
    left = list(folder.iterdir())
    assert [p.name.endswith(f".{importing.pid}@{socket.gethostname()}.new") for p in left] == [True]

    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert [p.name for p in folder.iterdir()] == ["new.hashiya"]


def test_only_the_leftovers_of_ended_processes_of_this_machine_go(tmp_path: Path) -> None:
    target = tmp_path / "p.hashiya"
    ours = temporary_beside(target)
    ended = ours.with_name(ours.name.replace(f".{os.getpid()}@", f".{_ended_pid()}@"))
    elsewhere = ended.with_name(ended.name.replace(f"@{socket.gethostname()}.", "@another-machine."))
    other_project = ended.with_name(ended.name.replace(".p.hashiya.", ".q.hashiya."))
    for path in (ours, ended, elsewhere, other_project, ended.with_name(ended.name + "-journal")):
        path.write_bytes(b"half a project")
    assert remove_stale_temporaries(target) == [ended]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (ours, elsewhere, other_project))
