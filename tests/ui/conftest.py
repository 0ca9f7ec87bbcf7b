from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.preferences import Language
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from ui import i18n
from ui.app import application


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(scope="session", autouse=True)
def _english_interface() -> None:
    """The interface in English, as the program starts it: with the English plural forms."""
    assert i18n.install(application(), Language.ENGLISH) is Language.ENGLISH


@pytest.fixture
def arabic() -> Iterator[None]:
    """The interface in Arabic for one test, then in English again."""
    app = application()
    assert i18n.install(app, Language.ARABIC) is Language.ARABIC
    yield
    i18n.install(app, Language.ENGLISH)


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> Iterator[None]:
    application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture(scope="session")
def _sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus imported once; each test gets a copy (a new project's schema costs more than a copy)."""
    path = tmp_path_factory.mktemp("sample") / "sample.hashiya"
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt")))
    project.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def sample_project(tmp_path: Path, _sample_file: Path) -> Iterator[Project]:
    path = tmp_path / "sample.hashiya"
    shutil.copyfile(_sample_file, path)
    project = Project(SqliteRepository.open(path), "tester")
    yield project
    project.close()
