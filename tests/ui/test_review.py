"""Reviewing a teammate's layer from the keyboard: compare, adjudicate into gold, export gold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from annotator.exchange import ExportFormat, export_layer
from annotator.model import GOLD, DocumentStatus
from annotator.project import Project
from annotator.spreadsheet import safe_cell
from annotator.text_import import IncomingText
from tests.storage.test_review_storage import (
    CLAIM,
    KCNA,
    KCNA_SHORT,
    LAVROV,
    LAVROV_NAME,
    MINISTER,
    RUSSIA,
    RUSSIAN,
    TEAMMATE,
    TREATY,
    Layers,
    make_layers,
    where,
)
from tests.ui.analyst import CTRL, NO, SHIFT
from tests.ui.test_annotating import document_row, open_window
from ui.annotate_all import AnnotateAllDialog
from ui.main_window import MainWindow
from ui.review_window import ReviewWindow

CLAIM_SHORTER = "الزيارة تتضمن اجتماعا بين وزيري خارجية"


def open_review(qtbot: QtBot, project: Project, tmp_path: Path) -> tuple[MainWindow, ReviewWindow, Layers]:
    layers = make_layers(project, tmp_path)
    window = open_window(qtbot, project)
    window.select_row(document_row(window, LAVROV))
    installer = window.review
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL)
    review_window = installer.review_window
    assert review_window is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review_window)
    return window, review_window, layers


def unit_texts(review_window: ReviewWindow) -> tuple[str | None, str | None]:
    unit = review_window.current_unit()
    assert unit is not None
    return (unit.a.text if unit.a else None, unit.b.text if unit.b else None)


def cell_text(review: ReviewWindow, row: int, column: int) -> str:
    item = review.units.item(row, column)
    assert item is not None
    return item.text()


def key(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


DISAGREEMENTS = {
    (RUSSIAN, RUSSIAN),
    (KCNA, KCNA_SHORT),
    (TREATY, None),
    (None, MINISTER),
    (CLAIM, CLAIM),
}


def test_review_a_teammates_export_from_the_keyboard_and_export_gold(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    window, review, layers = open_review(qtbot, sample_project, tmp_path)
    assert (review.layer_a, review.layer_b) == ("tester", TEAMMATE)
    assert review.compare.a.view.stored_text == layers.text == review.compare.b.view.stored_text

    # Walk every disagreement with N, then back with P: full agreements are skipped, and it wraps.
    walked = []
    for _ in range(6):
        key(qtbot, Qt.Key.Key_N)
        walked.append(unit_texts(review))
    assert set(walked[:5]) == DISAGREEMENTS and walked[5] == walked[0]
    key(qtbot, Qt.Key.Key_P)
    assert unit_texts(review) == walked[4]
    key(qtbot, Qt.Key.Key_F8)
    assert unit_texts(review) == walked[0]

    # Every unit is drawn in its status colour, in the pane of the layer it belongs to.
    a_labels = {span.text: span.label for span in review.compare.a.view.spans}
    b_labels = {span.text: span.label for span in review.compare.b.view.spans}
    assert a_labels[TREATY] == "only_a" and b_labels[MINISTER] == "only_b"
    assert a_labels[KCNA] == b_labels[KCNA_SHORT] == "boundary_mismatch"
    assert a_labels[RUSSIAN] == "label_mismatch" and a_labels[LAVROV_NAME] == "agreed"
    shown = review.current_unit()
    assert shown is not None
    for pane in (review.compare.a, review.compare.b):
        [mark] = pane.view.overlays("current")
        assert (mark.start, mark.end) == (shown.start, shown.end)
    differences = [review.differences.item(row).text() for row in range(review.differences.count())]
    assert any(line.endswith(": Stance A=Asserted B=Denied") for line in differences)
    assert any("CLAIMANT / SOURCE" in line for line in differences)

    plan = {
        (RUSSIAN, RUSSIAN): [Qt.Key.Key_2],
        (KCNA, KCNA_SHORT): [Qt.Key.Key_1],
        (TREATY, None): [Qt.Key.Key_X],
        (None, MINISTER): [Qt.Key.Key_2],
        # Accept A's claim and shrink the copy by a word, then Enter.
        (CLAIM, CLAIM): [Qt.Key.Key_E, Qt.Key.Key_BracketLeft, Qt.Key.Key_Return],
    }
    decided = []
    for _ in range(len(plan)):
        current = unit_texts(review)
        assert current not in decided
        for pressed in plan[current]:
            key(qtbot, pressed)
        decided.append(current)
    assert set(decided) == DISAGREEMENTS
    assert sample_project.repository.status(layers.document_id, GOLD) is DocumentStatus.IN_PROGRESS

    key(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert sample_project.repository.status(layers.document_id, GOLD) is DocumentStatus.REVIEWED
    assert "gold reviewed" in review.counts_label.text()
    decisions = [cell_text(review, row, 5) for row in range(review.units.rowCount())]
    assert sorted(decisions) == sorted(
        ["accepted A", "accepted A", "accepted A", "accepted B", "accepted B", "rejected", "edited"]
    )

    # One undo history: Ctrl+Z takes back "accept all", Ctrl+Shift+Z does it again.
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert {s.text for s in sample_project.spans(layers.document_id, GOLD)}.isdisjoint({LAVROV_NAME, RUSSIA})
    assert sample_project.repository.status(layers.document_id, GOLD) is DocumentStatus.IN_PROGRESS
    key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert sample_project.repository.status(layers.document_id, GOLD) is DocumentStatus.REVIEWED
    assert window.annotations.undo_stack.undoText().startswith("Accept 2 full agreement")

    # The decisions are logged under the reviewer's name.
    actions = [(e["annotator"], e["action"]) for e in sample_project.repository.edit_log(layers.document_id)]
    assert ("tester", "Reject TREATY_REF") in actions and ("tester", "Accept B GPE") in actions

    target = tmp_path / "gold.jsonl"
    export_layer(sample_project, ExportFormat.NATIVE, target, GOLD, [layers.document_id])
    [record] = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert record["annotator"] == GOLD and record["status"] == "reviewed"
    text = layers.text
    expected = {
        (*where(text, RUSSIAN, inside=MINISTER), "GPE"),
        (*where(text, KCNA), "ORG"),
        (*where(text, MINISTER), "PER"),
        (*where(text, CLAIM_SHORTER), "CLAIM"),
        (*where(text, LAVROV_NAME), "PER"),
        (*where(text, RUSSIA), "GPE"),
    }
    assert {(s["start"], s["end"], s["label"]) for s in record["spans"]} == expected
    assert len(record["spans"]) == len(expected)
    by_id = {s["id"]: s for s in record["spans"]}
    claim = next(s for s in record["spans"] if s["label"] == "CLAIM")
    assert claim["text"] == CLAIM_SHORTER and claim["attrs"]["stance"] == "asserted"
    assert [(r["label"], by_id[r["head"]]["text"], by_id[r["tail"]]["text"]) for r in record["relations"]] == [
        ("CLAIMANT", CLAIM_SHORTER, KCNA)
    ]
    teammate_ids = {s.id for s in sample_project.spans(layers.document_id, TEAMMATE)}
    assert teammate_ids.isdisjoint(by_id)


def test_undo_in_the_main_window_takes_back_a_decision(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    window, review, layers = open_review(qtbot, sample_project, tmp_path)
    key(qtbot, Qt.Key.Key_N)
    first = unit_texts(review)
    key(qtbot, Qt.Key.Key_X)
    assert len(sample_project.repository.decisions(layers.document_id, "tester", TEAMMATE)) == 1
    assert sample_project.repository.status(layers.document_id, GOLD) is DocumentStatus.IN_PROGRESS
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert sample_project.repository.decisions(layers.document_id, "tester", TEAMMATE) == []
    assert sample_project.repository.status(layers.document_id, GOLD) is DocumentStatus.NEW
    row = [unit_texts_of(review, r) for r in range(review.units.rowCount())].index(first)
    assert cell_text(review, row, 5) == ""


def unit_texts_of(review: ReviewWindow, row: int) -> tuple[str | None, str | None]:
    assert review.review is not None
    unit = review.review.units[row]
    return (unit.a.text if unit.a else None, unit.b.text if unit.b else None)


@pytest.mark.parametrize(
    ("arabic_interface", "said"),
    [(False, "layer B has no span in this unit to accept"), (True, "لا مقطع للطبقة ب في هذه الوحدة لقبوله")],
)
def test_accepting_a_missing_side_is_refused_with_a_message(
    qtbot: QtBot,
    sample_project: Project,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    arabic_interface: bool,
    said: str,
) -> None:
    if arabic_interface:
        request.getfixturevalue("arabic")
    _window, review, layers = open_review(qtbot, sample_project, tmp_path)
    for _ in range(6):
        key(qtbot, Qt.Key.Key_N)
        if unit_texts(review) == (TREATY, None):
            break
    key(qtbot, Qt.Key.Key_2)
    assert review.statusBar().currentMessage() == said
    assert sample_project.repository.decisions(layers.document_id, "tester", TEAMMATE) == []


def test_one_layer_alone_and_panes_scrolled_together(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    _window, review, layers = open_review(qtbot, sample_project, tmp_path)
    bar_a = review.compare.a.view.verticalScrollBar()
    bar_b = review.compare.b.view.verticalScrollBar()
    assert bar_a.maximum() > 0
    bar_a.setValue(bar_a.maximum())
    assert bar_b.value() == bar_b.maximum()
    bar_b.setValue(0)
    assert bar_a.value() == 0
    for view in (review.compare.a.view, review.compare.b.view):
        option = view.document().defaultTextOption()
        assert option.textDirection() == Qt.LayoutDirection.RightToLeft

    review.b_box.setCurrentText("(none)")
    assert not review.compare.b.isVisible()
    assert sorted(s.text for s in review.compare.a.view.spans) == sorted(
        s.text for s in sample_project.spans(layers.document_id, "tester")
    )
    assert not review.accept_a_action.isEnabled()
    review.a_box.setCurrentText(TEAMMATE)
    assert MINISTER in {s.text for s in review.compare.a.view.spans}


def test_dashboard_figures_charts_and_exports(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    sample_project.import_texts([IncomingText('=HYPERLINK("x") عنوان', "evil.txt", "نص قصير عن روسيا", {})])
    evil = next(d.id for d in sample_project.documents() if d.title.startswith("="))
    tester = Project(sample_project.repository, "tester")
    tester.apply(tester.add_span(evil, *where("نص قصير عن روسيا", "روسيا"), "GPE"))
    # The teammate read the extra text and found nothing to tag (a document nobody started is left out).
    sample_project.repository.set_status(evil, TEAMMATE, DocumentStatus.DONE)
    _window, review, _layers = open_review(qtbot, sample_project, tmp_path)
    review.tabs.setCurrentWidget(review.dashboard)
    dashboard = review.dashboard
    assert dashboard.checked_layers() == ["tester", TEAMMATE]
    table = dashboard.table_data
    assert table is not None and table.annotators == ("tester", TEAMMATE)
    corpus = next(row for row in table.rows if row.scope == "corpus")
    # 7 spans in tester's layer (6 + the one on the extra text), 6 in the teammate's; 3 agree exactly.
    assert corpus.spans == (7, 6)
    assert corpus.exact_f1 == pytest.approx(2 * 3 / 13)
    matrix = dashboard.matrix.matrix
    assert matrix is not None
    assert matrix.count("NORP", "GPE") == 1 and matrix.count("TREATY_REF", "<none>") == 1
    assert matrix.count("<none>", "PER") == 1 and matrix.count("PER", "PER") == 1
    assert [row.label for row in dashboard.bars.rows] == sorted({"PER", "NORP", "GPE", "ORG", "CLAIM", "TREATY_REF"})

    csv_path = tmp_path / "agreement.csv"
    dashboard.export_csv(csv_path)
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:6] == ["scope", "document", "title", "label", "tester", TEAMMATE]
    titles = {row[2] for row in rows[1:]}
    assert '\'=HYPERLINK("x") عنوان' in titles and not any(t.startswith("=") for t in titles)
    png_path = tmp_path / "charts.png"
    dashboard.export_png(png_path)
    image = QImage(str(png_path))
    assert not image.isNull() and image.width() > 300
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-0.125", "-0.125"),
        ("PER", "PER"),
    ],
)
def test_csv_cells_cannot_become_formulas(cell: str, expected: str) -> None:
    assert safe_cell(cell) == expected


def test_review_decision_names_in_the_edit_menu(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    window, review, _layers = open_review(qtbot, sample_project, tmp_path)
    key(qtbot, Qt.Key.Key_N)
    key(qtbot, Qt.Key.Key_X)
    assert window.undo_action.text() == "&Undo Reject PER"
    assert review.undo_action.text() == "&Undo Reject PER"


HOSTILE = "<img src=x>\u202eevil"
HOSTILE_SHOWN = "<img src=x>⟦RLO⟧evil"


def test_a_hostile_layer_name_and_title_are_shown_literally(qtbot: QtBot, sample_project: Project) -> None:
    sample_project.import_texts([IncomingText(f"{HOSTILE} عنوان", "hostile.txt", "نص قصير عن روسيا وعن روسيا", {})])
    document = next(d.id for d in sample_project.documents() if d.title.startswith("<img"))
    text = sample_project.document(document).text
    intruder = Project(sample_project.repository, HOSTILE)
    intruder.apply(intruder.add_span(document, *where(text, "روسيا"), "GPE"))
    sample_project.apply(sample_project.add_span(document, *where(text, "روسيا"), "LOC"))
    window = open_window(qtbot, sample_project)
    window.open_document(document)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL)
    review = window.review.review_window
    assert review is not None
    review.set_layers("tester", HOSTILE)

    assert review.document_box.currentText() == f"{HOSTILE_SHOWN} عنوان"
    assert review.b_box.currentText() == HOSTILE_SHOWN and review.layer_b == HOSTILE
    assert review.compare.b.title.text() == f"B: {HOSTILE_SHOWN}"
    assert review.compare.b.title.textFormat() == Qt.TextFormat.PlainText
    assert cell_text(review, 0, 0).startswith("label mismatch")  # (the GPE is linked to the registry, the LOC not)

    review.tabs.setCurrentWidget(review.dashboard)
    dashboard = review.dashboard
    listed = [dashboard.layers.item(row).text() for row in range(dashboard.layers.count())]
    assert HOSTILE_SHOWN in listed and dashboard.checked_layers() == ["tester", HOSTILE]
    cells = (dashboard.table.item(row, 2) for row in range(dashboard.table.rowCount()))
    titles = {cell.text() for cell in cells if cell is not None}
    assert f"{HOSTILE_SHOWN} عنوان" in titles
    assert HOSTILE_SHOWN in dashboard.message.text()
    assert dashboard.message.textFormat() == Qt.TextFormat.PlainText
    review.close()

    feature = window.search
    feature.panel.scope.setCurrentIndex(1)
    feature.panel.query.setText("عن روسيا")
    qtbot.waitUntil(lambda: feature.panel.results.topLevelItemCount() > 0)
    rows = [feature.panel.results.topLevelItem(row) for row in range(feature.panel.results.topLevelItemCount())]
    assert f"{HOSTILE_SHOWN} عنوان" in {row.text(0) for row in rows if row is not None}
    hits = [hit for hit in feature.result.hits if hit.doc_id == document]
    dialog = AnnotateAllDialog(
        hits, feature.titles(), ["GPE"], "GPE", HOSTILE, lambda _o, _l: False, label_fixed=False, parent=window
    )
    qtbot.addWidget(dialog)
    shown = [dialog.list.topLevelItem(row) for row in range(dialog.list.topLevelItemCount())]
    assert {item.text(1) for item in shown if item is not None} == {f"{HOSTILE_SHOWN} عنوان"}
    link = [label for label in dialog.findChildren(QLabel) if HOSTILE_SHOWN in label.text()]
    assert [label.text() for label in link] == [f"linked to {HOSTILE_SHOWN}"]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel) if label.text())
