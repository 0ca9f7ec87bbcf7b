from __future__ import annotations

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


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> Iterator[None]:
    application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def sample_project(tmp_path: Path) -> Iterator[Project]:
    project = Project(SqliteRepository.open(tmp_path / "sample.hashiya"), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt")))
    yield project
    project.close()
