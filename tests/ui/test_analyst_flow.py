"""A day's work: what a new claim says before the analyst does, linking, statuses, the status bar."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from annotator.exchange import ExportFormat
from annotator.model import DocumentStatus
from annotator.project import Project
from cli.project_commands import export
from tests.storage.test_review_storage import TEAMMATE, make_layers
from tests.ui.analyst import Analyst
from tests.ui.test_annotating import LAVROV, document_row, open_window
from ui.annotation_controller import snapping_name
from ui.dashboard import Dashboard
from ui.document_view import OverlayStyle
from ui.fonts import EMOJI_FAMILY, interface_font, text_font
from ui.main_window import MainWindow
from ui.project_menu import recent_projects


def test_an_untouched_claim_is_exported_without_stance_type_or_certainty(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    analyst = Analyst(qtbot, window)
    analyst.tag("الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين", "c")
    for name in ("stance", "claim_type", "certainty"):
        combo = window.panel.attribute_widgets[name]
        assert isinstance(combo, QComboBox) and combo.currentData() is None and combo.currentText() == "—"
    target = tmp_path / "layer.jsonl"
    document = window.view.document_id
    assert export(sample_project, ExportFormat.NATIVE, target, "tester", document, io.StringIO(), io.StringIO()) == 0
    (record,) = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    (claim,) = [span for span in record["spans"] if span["label"] == "CLAIM"]
    assert claim["attrs"] == {"stance": None, "claim_type": None, "certainty": None}


def test_a_span_tagged_by_hand_on_an_exact_registry_name_is_linked(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, "000_5aedd47a6fdd3a5d"))
    analyst = Analyst(qtbot, window)
    putin = analyst.tag("فلاديمير بوتين", "p")
    korea = analyst.tag("كوريا الشمالية", "g")
    refs = {span.id: span.ref for span in sample_project.spans(window.view.document_id or "")}
    assert refs[putin] == "vladimir-putin"
    assert refs[korea] == "north-korea"
    assert "بوتين" in window.panel.link_label.full_text() or "كوريا" in window.panel.link_label.full_text()


def test_the_first_edit_marks_a_new_document_in_progress(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    row = document_row(window, LAVROV)
    window.select_row(row)
    document = window.view.document_id
    assert document is not None and sample_project.status(document) is DocumentStatus.NEW
    Analyst(qtbot, window).tag("سيرغي لافروف", "p")
    assert sample_project.status(document) is DocumentStatus.IN_PROGRESS
    assert window.documents.document_at(row).status is DocumentStatus.IN_PROGRESS
    assert "in progress" in window.status_label.text()


def test_the_snap_mode_is_always_shown_in_the_status_bar(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    label = window.snapping_label
    assert label.isVisible() and snapping_name(window.annotations.snapping) in label.text()
    window.cycle_snapping()
    assert snapping_name(window.annotations.snapping) in label.text()
    window.statusBar().clearMessage()  # the flashed message goes; the mode stays
    assert label.isVisible() and snapping_name(window.annotations.snapping) in label.text()


def test_the_dashboard_leaves_out_documents_an_annotator_never_started(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    make_layers(sample_project, tmp_path)  # both layers on the Lavrov article
    other = next(
        d.id for d in sample_project.documents() if not sample_project.document(d.id).source.startswith(LAVROV)
    )
    text = sample_project.document(other).text
    sample_project.apply(sample_project.add_span(other, 0, text.index(" "), "PER"))  # only the analyst started it
    dashboard = Dashboard(sample_project)
    qtbot.addWidget(dashboard)
    dashboard.set_layers(["tester", TEAMMATE], ["tester", TEAMMATE])
    dashboard.refresh()
    assert dashboard.table_data is not None
    compared = {document.document_id for document in dashboard.table_data.report.documents}
    assert other not in compared and len(compared) == 1
    sample_project.repository.set_status(other, TEAMMATE, DocumentStatus.DONE)  # looked at, found nothing
    dashboard.refresh()
    assert dashboard.table_data is not None
    assert other in {document.document_id for document in dashboard.table_data.report.documents}


def test_the_next_start_resumes_the_last_document_where_it_was_scrolled(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.resize(1000, 600)
    window.select_row(document_row(window, "000_5aedd47a6fdd3a5d"))
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 20)
    bar.setValue(bar.maximum() // 2)
    left_at, document = top_position(window), window.view.document_id
    window.close()
    again = open_window(qtbot, sample_project)
    assert again.view.document_id == document
    # The same line is at the top again: its first character is within a line's length of the old top.
    qtbot.waitUntil(lambda: abs(top_position(again) - left_at) < 80, timeout=2000)


def top_position(window: MainWindow) -> int:
    view = window.view
    return view.cursorForPosition(view.viewport().rect().topRight() + QPoint(-4, 4)).position()


def test_the_file_menu_offers_new_open_and_recent_projects(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    file_menu = window.findChild(QMenu, "file-menu")
    assert file_menu is not None
    texts = [action.text() for action in file_menu.actions()]
    assert texts[:3] == ["&New Project…", "&Open Project…", "Open &Recent"]
    assert recent_projects()[0] == sample_project.location
    recent = [action.text() for action in window.projects.recent_menu.actions()]
    assert recent == [sample_project.location]


def test_emoji_and_flags_in_the_text_are_drawn_in_colour(qtbot: QtBot) -> None:
    assert EMOJI_FAMILY in text_font().families() and EMOJI_FAMILY in interface_font().families()
    label = QLabel("🇲🇦 📄 🇷🇺")
    label.setFont(text_font(28))
    qtbot.addWidget(label)
    label.show()
    image = label.grab().toImage()
    coloured = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).saturation() > 120 and image.pixelColor(x, y).value() > 60
    )
    assert coloured > 50, "the emoji are drawn as empty boxes or in black"


def test_search_hits_are_drawn_unlike_any_label(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    window.search.panel.query.setText("لافروف")
    qtbot.waitUntil(lambda: bool(window.view.overlays("search")))
    hits = window.view.overlays("search")
    assert all(hit.style is OverlayStyle.HATCH for hit in hits), "a flat fill reads as a label's highlight"
    hatch = QColor(hits[0].colour)
    for label in sample_project.schema.labels:
        colour = QColor(label.colour)
        pairs = ((hatch.red(), colour.red()), (hatch.green(), colour.green()), (hatch.blue(), colour.blue()))
        distance = sum((a - b) ** 2 for a, b in pairs) ** 0.5
        assert distance > 60, (label.name, label.colour)


def test_a_drag_a_few_pixels_into_the_next_word_does_not_take_it(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    analyst = Analyst(qtbot, window)
    view = window.view
    start, end = analyst.offsets_of("سيرغي لافروف")
    first_word_end = start + len("سيرغي")

    def caret_x(offset: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(offset))
        return view.cursorRect(cursor).center()

    press = caret_x(start) + QPoint(-2, 0)  # just inside the first word (right to left)
    into_next = caret_x(first_word_end + 1) + QPoint(-2, 0)  # 2 px into لافروف
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    qtbot.mouseMove(viewport, into_next)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, into_next)
    analyst.type("p")
    spans = [s for s in sample_project.spans(view.document_id or "") if s.label == "PER"]
    assert [s.text for s in spans] == ["سيرغي"]
    assert end > first_word_end


def test_a_small_window_keeps_a_usable_text_pane_and_annotations_table(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.resize(window.minimumSizeHint())
    qtbot.waitUntil(lambda: window.size() == window.minimumSizeHint())
    assert window.view.width() >= 250, "room for a few Arabic words a line"
    rows = window.panel.table.fontMetrics().height()
    assert window.panel.table.height() >= 5 * rows


def test_the_sort_arrow_points_up_for_ascending_order(qtbot: QtBot) -> None:
    table = QTableWidget(3, 1)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Text"])
    for row, value in enumerate("bca"):
        table.setItem(row, 0, QTableWidgetItem(value))
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.resize(300, 150)
    table.show()
    items = [table.item(row, 0) for row in range(3)]
    assert [item.text() if item is not None else "" for item in items] == ["a", "b", "c"]
    header = table.horizontalHeader()
    image = header.grab().toImage()
    right = header.sectionSize(0)
    widths = [
        sum(1 for x in range(right - 24, right) if image.pixelColor(x, y).lightness() < 150)
        for y in range(image.height())
    ]
    inked = [width for width in widths if width]
    assert inked and inked[0] < inked[-1], "ascending order is drawn as an upward arrow (narrow at the top)"
