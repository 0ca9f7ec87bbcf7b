"""The real X server (Xvfb + openbox), started once for every test of this folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator import preferences
from annotator.preferences import Language, Preferences
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.ui.real_display import xserver
from tests.ui.real_display.window_process import WindowProcess

pytestmark = pytest.mark.real_display


@pytest.fixture(scope="session")
def x_server() -> Iterator[xserver.XServer]:
    missing = xserver.missing_programs()
    if missing:
        pytest.skip(f"a real X server needs {', '.join(missing)} (bash scripts/test.sh installs them)")
    server = xserver.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _sample_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus with one span, made once; each test gets a copy."""
    path = tmp_path_factory.mktemp("real-display-sample") / "sample.hashiya"
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt")))
    first = project.documents()[0]
    project.apply(project.add_span(first.id, 0, project.document(first.id).text.index(" "), "CLAIM"))
    project.close()
    return path


@pytest.fixture
def sample_db(tmp_path: Path, _sample_db_file: Path) -> Path:
    path = tmp_path / "sample.hashiya"
    shutil.copyfile(_sample_db_file, path)
    return path


WindowStarter = Callable[..., WindowProcess]


@pytest.fixture
def start_window(x_server: xserver.XServer, sample_db: Path) -> Iterator[WindowStarter]:
    """Start the window in a language (``ar`` or ``en``, through the preferences as an analyst sets it)."""
    started: list[WindowProcess] = []

    def start(language: str = "en", db: Path | None = None) -> WindowProcess:
        chosen = Preferences(annotator="tester", language=Language(language))
        preferences.save(chosen, preferences.default_path())
        window = WindowProcess(x_server, db or sample_db)
        started.append(window)
        return window

    yield start
    for window in started:
        window.close()
