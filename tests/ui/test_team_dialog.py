"""File > Team in the window: pull teammates' work into the open local project, and decide a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from annotator.model import GOLD
from annotator.project import Project
from storage.team_link import LocalTeamSync
from tests.storage.team_helpers import first_word, gold_of, local_project, make_team, tag, team_project
from tests.team_server import TeamServer
from tests.ui.test_annotating import open_window
from ui.team_dialog import TeamDialog, install_team_menu

pytestmark = pytest.mark.gui


def team_and_offline_copy(team_server: TeamServer, tmp_path: Path) -> tuple[str, Project]:
    """A team made from the reviewer rana's project, and rana's own local project of the same texts."""
    lead = local_project(tmp_path / "lead.hashiya", "rana")
    database = make_team(team_server, lead)
    lead.close()
    return database, local_project(tmp_path / "rana.hashiya", "rana")


def test_pull_then_a_reviewer_keeps_their_gold_from_the_window(
    qtbot: QtBot, team_server: TeamServer, tmp_path: Path
) -> None:
    database, local = team_and_offline_copy(team_server, tmp_path)
    window = open_window(qtbot, local)
    action = install_team_menu(window, local, LocalTeamSync(local.repository))
    file_menu = window.findChild(QWidget, "file-menu")
    assert action in file_menu.actions()  # type: ignore[union-attr]

    omar = team_project(team_server, database, "omar")
    document = omar.documents()[0].id
    omars = tag(omar, document, first_word(omar, document), "ORG")
    pulled: list[bool] = []
    dialog = TeamDialog(LocalTeamSync(local.repository), lambda: pulled.append(True), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText(team_server.url(database, "rana"))
    dialog.pull_button.click()
    assert pulled == [True]
    assert [s.id for s in local.spans(document, "omar")] == [omars.span.id]
    assert "Pulled 1 layer(s)" in dialog.log.toPlainText()

    online = team_project(team_server, database, "rana")
    tag(online, document, first_word(online, document, 1), "PER", layer=GOLD)
    tag(local, document, first_word(local, document, 2), "GPE", layer=GOLD)
    dialog.pull_button.click()
    assert dialog.conflicts.isVisible() and dialog.conflicts.rowCount() == 1
    cells = [dialog.conflicts.item(0, column) for column in range(3)]
    assert (cells[0].text() if cells[0] else None) == f"gold:{document}"
    assert "GPE" in (cells[1].text() if cells[1] else "") and "PER" in (cells[2].text() if cells[2] else "")
    dialog.resize(900, 420)
    dialog.grab().save(str(tmp_path.parent / "team-dialog.png"))
    keep = dialog.conflicts.cellWidget(0, 4)
    assert isinstance(keep, QPushButton) and keep.text() == "Keep mine"
    keep.click()
    assert gold_of(online, document) == gold_of(local, document)
    assert not dialog.conflicts.isVisible()
    for project in (omar, online):
        project.close()
    window.close()
    local.close()


def test_a_registry_conflict_shows_the_reviewer_each_sides_entity_in_full(
    qtbot: QtBot, team_server: TeamServer, tmp_path: Path
) -> None:
    database, local = team_and_offline_copy(team_server, tmp_path)
    dialog = TeamDialog(LocalTeamSync(local.repository), lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(900, 420)
    dialog.url.setText(team_server.url(database, "rana"))
    dialog.pull_button.click()
    online = team_project(team_server, database, "rana")
    here = local.repository.resource("registry") or ""
    local.repository.set_resource("registry", here.replace('"Vladimir Putin"', '"V. Putin"', 1), "rana", "t")
    online.set_registry(type(online.registry).from_json(here.replace('"Vladimir Putin"', '"Putin, Vladimir"', 1)))

    dialog.pull_button.click()
    assert dialog.conflicts.rowCount() == 1
    for column, name in ((1, '"V. Putin"'), (2, '"Putin, Vladimir"')):
        cell = dialog.conflicts.item(0, column)
        assert cell is not None and f"vladimir-putin: name_en {name}" in cell.text()
        # The whole text fits in its cell: the difference is not cut off at the cell's edge.
        rect = dialog.conflicts.visualItemRect(cell).adjusted(3, 0, -3, 0)
        needed = QFontMetrics(dialog.conflicts.font()).boundingRect(rect, int(Qt.TextFlag.TextWordWrap), cell.text())
        assert needed.height() <= rect.height() and needed.width() <= rect.width(), (needed, rect)
    online.close()
    local.close()
