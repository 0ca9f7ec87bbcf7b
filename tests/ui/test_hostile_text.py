"""Text that looks like HTML or carries bidi controls is shown as plain text everywhere."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from annotator.registry import Alias, Entity, EntityType
from storage.sqlite_repository import SqliteRepository
from tests.ui.analyst import Analyst
from tests.ui.test_annotating import open_window
from ui.document_list import DOCUMENT_ID_ROLE, DocumentListModel
from ui.main_window import MainWindow
from ui.plain import visible_controls

HOSTILE_TITLE = "<img src=x onerror=alert(1)><b>عنوان</b>\u202e"
HOSTILE_TEXT = "<a href='file:///etc/passwd'>رابط</a> \u202eنص مقلوب\u202c وخبر عن روسيا"
HOSTILE_NAME = "<b>كيان</b>\u202e"
HOSTILE_NOTE = "<img src=y>ملاحظة"


@pytest.fixture
def hostile_project(tmp_path: Path) -> Project:
    project = Project(SqliteRepository.open(tmp_path / "hostile.hashiya"), "<script>x</script>")
    lines = tmp_path / "hostile.jsonl"
    lines.write_text(json.dumps({"title": HOSTILE_TITLE, "text": HOSTILE_TEXT}, ensure_ascii=False), encoding="utf-8")
    project.import_paths([lines])
    entity = Entity(id="hostile", type=EntityType.ORG, name_ar=HOSTILE_NAME, aliases=(Alias(HOSTILE_NAME),))
    project.set_registry(project.registry.add_entity(entity))
    person = project.schema.label("PER")
    labels = tuple(
        replace(label, display_en="<i>Person</i>") if label is person else label for label in project.schema.labels
    )
    project.set_schema(replace(project.schema, labels=labels))
    return project


def rich_looking_labels(window: MainWindow) -> list[QLabel]:
    return [
        label
        for label in window.findChildren(QLabel)
        if "<" in label.text() and label.textFormat() != Qt.TextFormat.PlainText
    ]


def test_hostile_titles_names_notes_and_labels_stay_plain(
    qtbot: QtBot, hostile_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, hostile_project)
    analyst = Analyst(qtbot, window)
    assert window.view.stored_text == HOSTILE_TEXT
    assert window.view.toPlainText().startswith("<a href=")
    analyst.tag("روسيا", "p")
    span = window.annotations.selected
    assert span is not None
    window.annotations.link_selected("hostile")
    window.panel.note_changed.emit(HOSTILE_NOTE)
    window.annotations.select_span(span.id)
    assert rich_looking_labels(window) == []
    assert HOSTILE_NAME.replace("\u202e", "⟦RLO⟧") in window.panel.link_label.text()

    model = window.documents
    title = model.index(0, DocumentListModel.TITLE)
    assert title.data() == visible_controls(HOSTILE_TITLE)
    assert "⟦RLO⟧" in title.data()
    tooltip = title.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=x" in tooltip and "<img" not in tooltip
    assert title.data(DOCUMENT_ID_ROLE)

    table = window.panel.model
    assert table.index(0, table.LINK).data() == visible_controls(HOSTILE_NAME)
    assert "<b>" not in table.index(0, table.TEXT).data(Qt.ItemDataRole.ToolTipRole).replace("&lt;b&gt;", "")
    assert all("<i>" not in action.toolTip() for action in window.label_toolbar.actions())
    assert "⟦RLO⟧" in window.location_label.text()

    shown: list[tuple[Qt.TextFormat, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    bad = Path(hostile_project.location).with_name("<img src=z><b>bad.txt")
    bad.write_bytes(b"\xff\xfe")
    window.exchange.import_paths([bad])
    assert shown and shown[0][0] == Qt.TextFormat.PlainText and "<img src=z><b>bad.txt" in shown[0][1]
