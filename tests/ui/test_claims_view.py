"""The claims ledger window as an analyst uses it: open, filter, jump, join and split, chart, export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from annotator.project import Project
from storage.sqlite_repository import SqliteRepository
from tests.annotator.test_claims import demo_project
from tests.ui.analyst import CTRL, SHIFT
from tests.ui.test_annotating import open_window
from ui.claims_chart import LEGEND_HEIGHT, ROW_HEIGHT, STANCE_COLOURS
from ui.claims_view import CLAIM_ROLE, GROUP_ROLE, TEXT, ClaimsLedgerWindow
from ui.main_window import MainWindow


@pytest.fixture
def demo_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    project = demo_project(tmp_path / "demo.hashiya")
    window = open_window(qtbot, project)
    yield window
    window.close()
    project.close()


def groups_of(ledger: ClaimsLedgerWindow) -> list[QTreeWidgetItem]:
    return [item for row in range(ledger.tree.topLevelItemCount()) if (item := ledger.tree.topLevelItem(row))]


def child(item: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    found = item.child(index)
    assert found is not None
    return found


def open_ledger(window: MainWindow, qtbot: QtBot) -> ClaimsLedgerWindow:
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL | SHIFT)
    ledger = window.claims_ledger.ledger
    assert ledger is not None and ledger.isVisible()
    return ledger


def test_the_ledger_opens_with_contested_groups_first_and_filters(demo_window: MainWindow, qtbot: QtBot) -> None:
    ledger = open_ledger(demo_window, qtbot)
    groups = groups_of(ledger)
    assert [g.data(TEXT, GROUP_ROLE) for g in groups[:2]] == [
        "troop_deployment|north-korea",
        "arms_transfer|north-korea",
    ]
    assert groups[0].text(TEXT).startswith("⚠") and groups[0].childCount() == 6
    assert "فلاديمير بوتين" in groups[0].text(6)  # denied by
    assert not groups[2].text(TEXT).startswith("⚠")
    qtbot.keyClicks(ledger.entity, "vladimir-putin")
    (only,) = groups_of(ledger)
    assert only.childCount() == 1 and "جنود" in child(only, 0).text(TEXT)
    ledger.entity.clear()
    ledger.stance.setCurrentIndex(ledger.stance.findData("alleged"))
    assert [g.childCount() for g in groups_of(ledger)] == [2]
    ledger.stance.setCurrentIndex(0)
    ledger.date_from.setText("2020")
    ledger.date_to.setText("2023")
    assert [child(g, 0).text(1) for g in groups_of(ledger)] == ["2022"]


def test_enter_on_a_claim_shows_it_selected_in_its_document(demo_window: MainWindow, qtbot: QtBot) -> None:
    ledger = open_ledger(demo_window, qtbot)
    claim_item = child(groups_of(ledger)[0], 4)  # a claim of another document than the one shown
    claim_id = claim_item.data(TEXT, CLAIM_ROLE)
    claim = demo_window.project.repository.span(claim_id)
    assert claim is not None and claim.document_id != demo_window.view.document_id
    ledger.tree.setCurrentItem(claim_item)
    qtbot.keyClick(ledger.tree, Qt.Key.Key_Return)
    assert demo_window.view.document_id == claim.document_id
    assert demo_window.annotations.selected is not None and demo_window.annotations.selected.id == claim_id


def test_joined_and_split_groups_are_kept_in_the_project(demo_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    ledger = open_ledger(demo_window, qtbot)
    troops, arms = groups_of(ledger)[:2]
    troops.setSelected(True)
    arms.setSelected(True)
    assert ledger.join_button.isEnabled()
    qtbot.mouseClick(ledger.join_button, Qt.MouseButton.LeftButton)
    assert len(groups_of(ledger)) == 3 and groups_of(ledger)[0].childCount() == 9
    ledger.tree.clearSelection()
    child(groups_of(ledger)[0], 0).setSelected(True)
    qtbot.mouseClick(ledger.split_button, Qt.MouseButton.LeftButton)
    assert sorted(g.childCount() for g in groups_of(ledger)) == [1, 1, 2, 8]

    # Another window on the same file sees the same grouping.
    other = Project(SqliteRepository.open(Path(demo_window.project.location)), "amal")
    try:
        again = ClaimsLedgerWindow(other, "amal")
        qtbot.addWidget(again)
        assert sorted(g.childCount() for g in groups_of(again)) == [1, 1, 2, 8]
    finally:
        other.close()
    ledger.tree.selectAll()
    qtbot.mouseClick(ledger.restore_button, Qt.MouseButton.LeftButton)
    assert sorted(g.childCount() for g in groups_of(ledger)) == [1, 2, 3, 6]


def test_the_chart_draws_each_group_by_stance_and_a_click_chooses_the_group(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    ledger = open_ledger(demo_window, qtbot)
    chart = ledger.chart
    assert [g.key for g in chart.groups] == [g.data(TEXT, GROUP_ROLE) for g in groups_of(ledger)]
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert {QColor(STANCE_COLOURS[s]).name() for s in ("asserted", "alleged", "predicted")} <= colours
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(60, LEGEND_HEIGHT + ROW_HEIGHT + ROW_HEIGHT // 2))
    assert ledger.tree.currentItem() is groups_of(ledger)[1]


def test_the_ledger_exports_csv_and_jsonl_of_what_it_shows(
    demo_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ledger = open_ledger(demo_window, qtbot)
    ledger.claim_type.setCurrentIndex(ledger.claim_type.findData("arms_transfer"))
    ledger.export(tmp_path / "arms.jsonl")
    ledger.export(tmp_path / "arms.csv")
    lines = [json.loads(line) for line in (tmp_path / "arms.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 and {line["claim_type"] for line in lines} == {"arms_transfer"}
    assert all(line["contested"] for line in lines)
    rows = (tmp_path / "arms.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 4 and rows[0].startswith("group,contested,date")


def test_each_claim_shows_its_type_and_certainty_as_the_schema_names_them(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    ledger = open_ledger(demo_window, qtbot)
    header = ledger.tree.headerItem()
    assert header is not None
    columns = {header.text(column): column for column in range(ledger.tree.columnCount())}
    kinds, certainties = ledger.choice_names("claim_type"), ledger.choice_names("certainty")
    shown = 0
    for group in groups_of(ledger):
        for index in range(group.childCount()):
            item = child(group, index)
            claim = demo_window.project.repository.span(item.data(TEXT, CLAIM_ROLE))
            assert claim is not None
            kind, certainty = claim.attributes.get("claim_type"), claim.attributes.get("certainty")
            assert item.text(columns["Type"]) == (kinds[kind] if kind else "")
            assert item.text(columns["Certainty"]) == (certainties[certainty] if certainty else "")
            shown += bool(kind and certainty)
    assert shown >= 10
