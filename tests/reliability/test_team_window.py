"""A window on a team project: another client's edits appear within a second, a server restart is said and survived."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.project import Project
from tests.reliability.test_window_refresh import messages as messages_fixture
from tests.storage.team_helpers import local_project, make_team, team_project
from tests.team_server import TeamServer
from tests.ui.analyst import Analyst
from tests.ui.conftest import _isolated_qsettings, qapp_cls  # noqa: F401  (fixtures)
from tests.ui.test_annotating import open_window

pytestmark = pytest.mark.gui
messages = messages_fixture


@pytest.fixture
def team(team_server: TeamServer, tmp_path: Path) -> Iterator[str]:
    lead = local_project(tmp_path / "lead.hashiya", "rana")
    database = make_team(team_server, lead)
    lead.close()
    yield database


def test_another_clients_edit_appears_in_the_window_within_a_second(
    qtbot: QtBot, team_server: TeamServer, team: str, messages: list[str]
) -> None:
    project = team_project(team_server, team, "amal")
    window = open_window(qtbot, project)
    window.select_row(0)
    document_id = window.view.document_id
    assert document_id is not None
    elsewhere = team_project(team_server, team, "amal")  # the same analyst on another machine
    edit = elsewhere.add_span(document_id, 0, 4, "PER")
    elsewhere.apply(edit)
    committed = time.monotonic()
    qtbot.waitUntil(lambda: edit.span.id in {s.id for s in window.view.spans}, timeout=3000)
    assert time.monotonic() - committed < 1.0
    assert messages == []
    elsewhere.close()
    window.close()
    project.close()


def test_a_server_restart_is_said_in_the_window_and_work_goes_on(
    qtbot: QtBot, team_server: TeamServer, team: str, messages: list[str]
) -> None:
    project: Project = team_project(team_server, team, "amal")
    window = open_window(qtbot, project)
    window.select_row(0)
    analyst = Analyst(qtbot, window)
    words = [w for w in analyst.text.split() if len(w) > 3]
    before = analyst.tag(words[0], "p")
    team_server.stop()
    try:
        qtbot.waitUntil(
            lambda: "connection to the team server was lost" in window.statusBar().currentMessage(), timeout=3000
        )
    finally:
        team_server.start()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=5000)
    after = analyst.tag(words[1], "p")
    document_id = window.view.document_id
    assert document_id is not None
    check = team_project(team_server, team, "amal")
    assert {s.id for s in check.spans(document_id)} == {before, after}
    assert messages == []
    check.close()
    window.close()
    project.close()
