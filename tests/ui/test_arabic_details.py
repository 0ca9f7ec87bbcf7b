"""Details an Arabic-speaking analyst met: elided names, keys, messages, the Review's differences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

import main
from annotator.preferences import Preferences
from annotator.project import Project
from annotator.review import load_review
from storage.sqlite_repository import SqliteRepository
from tests.storage.test_review_storage import TEAMMATE, make_layers
from tests.ui.analyst import Analyst
from tests.ui.test_annotating import LAVROV, document_row, open_window
from ui.annotator_name import WelcomeDialog
from ui.preferences_dialog import PreferencesDialog
from ui.review_window import difference_lines
from ui.span_panel import SpanPanel
from ui.status_messages import room_for_message


def test_a_long_arabic_link_name_is_cut_at_its_end_with_an_ellipsis(qtbot: QtBot, sample_project: Project) -> None:
    panel = SpanPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 700)
    panel.show()
    name = "معاهدة الشراكة الاستراتيجية الشاملة بين جمهورية كوريا الديمقراطية الشعبية والاتحاد الروسي"
    document = sample_project.documents()[0].id
    span = sample_project.add_span(document, 0, 4, "ORG").span
    linked = span.__class__(**{**span.__dict__, "ref": "treaty-x"})
    panel.show_span(linked, [], {"treaty-x": name})
    shown = panel.link_label.text()
    assert panel.link_label.fontMetrics().horizontalAdvance(shown) <= panel.link_label.width()
    assert shown.rstrip("\u2069").endswith("…"), shown
    assert name[:10] in shown, "the start of the name is kept"
    assert name in panel.link_label.toolTip()


def test_preferences_refuse_a_label_key_that_is_a_built_in_key(qtbot: QtBot, sample_project: Project) -> None:
    dialog = PreferencesDialog(Preferences(), sample_project.schema, "tester")
    qtbot.addWidget(dialog)
    org = dialog.hotkeys["ORG"]
    org.setText("]")
    org.textEdited.emit("]")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "built-in" in dialog.problems.text()
    org.setText("o")
    org.textEdited.emit("o")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_ctrl_drag_selects_exact_characters_and_alt_is_left_to_the_window_manager(
    qtbot: QtBot, sample_project: Project
) -> None:
    window = open_window(qtbot, sample_project)
    view = window.view.viewport()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, QPoint(200, 20))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, QPoint(180, 20))
    assert window.view.exact_selection
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, QPoint(200, 20))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, QPoint(180, 20))
    assert not window.view.exact_selection


def test_the_welcome_of_a_new_project_of_its_own_does_not_promise_sample_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HASHIYA_ANNOTATOR")
    said: list[str] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        said.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    QTimer.singleShot(50, read_and_cancel)
    assert main.run_window(tmp_path / "empty.hashiya", None) == 0  # as `hashiya --db PATH` opens the window
    welcome = " ".join(said)
    assert "sample articles are open" not in welcome
    assert "Import Texts" in welcome


def test_a_long_status_hint_is_shown_whole(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.resize(1100, 800)
    window.select_row(document_row(window, LAVROV))
    analyst = Analyst(qtbot, window)
    analyst.tag("وكالة الأنباء المركزية الكورية الشمالية", "o")
    analyst.tag("الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين", "c")
    analyst.type("a")  # CLAIMANT: the picker's hint names both spans
    bar = window.statusBar()
    hint = bar.currentMessage()
    assert "Tab" in hint
    shown = [w for w in (window.status_label, window.zoom_label, window.annotator_label) if w.isVisible()]
    free = bar.width() - sum(w.width() for w in shown) - 24
    assert bar.fontMetrics().horizontalAdvance(hint) <= free, (hint, free)
    assert room_for_message(bar, []) > room_for_message(bar, [window.status_label])
    analyst.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bar.currentMessage() != hint)


def test_an_edit_refused_for_a_conflict_is_explained_in_arabic(
    qtbot: QtBot, sample_project: Project, arabic: None
) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    analyst = Analyst(qtbot, window)
    span_id = analyst.tag("سيرغي لافروف", "p")
    other = Project(SqliteRepository.open(Path(sample_project.location)), "tester")
    document = window.view.document_id
    assert document is not None
    span = next(s for s in other.spans(document) if s.id == span_id)
    other.apply(other.delete_span(span))
    other.close()
    problems: list[str] = []
    window.annotations.problem.disconnect()
    window.annotations.problem.connect(problems.append)
    analyst.type("o")  # relabel the selected span as ORG
    assert problems, "the edit was refused"
    assert all(not any(word.isascii() and word.isalpha() for word in problem.split()) for problem in problems), problems


def test_review_differences_name_registry_entries_not_their_identifiers(
    tmp_path: Path, sample_project: Project, arabic: None
) -> None:
    make_layers(sample_project, tmp_path)
    document = next(d.id for d in sample_project.documents() if sample_project.document(d.id).source.startswith(LAVROV))
    review = load_review(sample_project, document, sample_project.annotator, TEAMMATE)
    lines = difference_lines(review, sample_project.schema, sample_project.registry)
    links = [line for line in lines if "الربط بالسجل" in line]
    assert links, lines  # the analyst's spans were linked as tagged, the teammate's were not
    identifiers = {entry.id for entry in sample_project.registry.entries()}
    assert not any(identifier in line for line in lines for identifier in identifiers), lines
