"""Test settings shared by every test: offscreen Qt, and no test touches the user's own files."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.team_server import TeamServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus"


UI_TESTS = ROOT / "tests" / "ui"
QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark as ``gui`` every test that drives Qt widgets: those of tests/ui and any using pytest-qt,
    so that ``-m "not gui"`` runs the rest without a display or Qt."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if UI_TESTS in item.path.parents or fixtures & QT_FIXTURES:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HASHIYA_ANNOTATOR", "tester")
    yield


@pytest.fixture
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def team_server() -> Iterator[TeamServer]:
    """A real PostgreSQL server in a scratch folder, started once for the tests that need one."""
    server = TeamServer()
    try:
        server.initialise()
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def team_database(team_server: TeamServer) -> str:
    """The name of an empty database of its own on the team server."""
    return team_server.new_database()


@contextlib.contextmanager
def small_file_system(folder: Path, size: str) -> Iterator[Path]:
    """A file system of ``size`` (``64k``) mounted on ``folder`` for the block (root only; skips the test otherwise)."""
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount).returncode:
        pytest.skip("mounting a small file system needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)
