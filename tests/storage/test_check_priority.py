"""The check of a large file beside the window leaves the processor to the window first; the check
that a command's output waits for (``stats``) runs at the command's own priority."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import storage.database as database
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a priority per thread is Linux's")


def checked_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **opening: bool) -> list[int]:
    """The niceness each check of a project just over the background size ran at."""
    path = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    project.close()
    monkeypatch.setattr(database, "BACKGROUND_CHECK_FROM", path.stat().st_size - 1)
    niceness: list[int] = []
    read_facts = database._read_facts

    def noted(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("opened") is not None:  # the check beside, not the opening's own reads
            niceness.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return read_facts(*args, **kwargs)

    monkeypatch.setattr(database, "_read_facts", noted)
    repository = SqliteRepository.open(path, **opening)
    try:
        assert repository.wait_for_checks()
    finally:
        repository.close()
    return niceness


def test_a_large_file_is_checked_beside_the_window_at_a_lower_priority(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert checked_at(tmp_path, monkeypatch, full_check=True) == [min(window + database.CHECK_NICENESS, 19)]


def test_the_check_a_reader_waits_for_keeps_its_priority(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert checked_at(tmp_path, monkeypatch, full_check=False, checked_beside=True) == [reader]


def test_the_check_beside_readers_on_every_processor_yields_to_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.hashiya"
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt"))[:1])
    project.close()
    reader = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    asked = threading.Event()
    niceness: list[int] = []
    read_facts = database._read_facts

    def held(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("opened") is not None:  # the check beside: still running when the reader asks
            asked.wait(10)
            niceness.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return read_facts(*args, **kwargs)

    monkeypatch.setattr(database, "_read_facts", held)
    repository = SqliteRepository.open(path, full_check=False, checked_beside=True)
    try:
        repository.checks_yield_to_readers()
        asked.set()
        assert repository.wait_for_checks()
    finally:
        repository.close()
    assert niceness == [min(reader + database.CHECK_NICENESS, 19)]
