"""The search dock driven from the keyboard: folded hits, highlights, F3, annotate all with one undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from annotator.project import Project
from tests.ui.analyst import CTRL, NO, SHIFT, Analyst
from tests.ui.test_annotating import document_row, open_window
from ui.annotate_all import AnnotateAllDialog
from ui.document_view import OverlayStyle
from ui.main_window import MainWindow
from ui.search_panel import SEARCH_GROUP, SearchFeature

PYONGYANG = ("بيونغ يانغ", "بيونج يانج", "بيونج يانغ")
PYONGYANG_ARTICLE = "002_b3cd881822282461"
LAVROV_ARTICLE = "003_6ce7f2ee4d1dc447"


def positions(text: str, phrase: str) -> list[tuple[int, int]]:
    found, start = [], text.find(phrase)
    while start >= 0:
        found.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return found


def searching_window(qtbot: QtBot, project: Project, stem: str) -> tuple[Analyst, SearchFeature]:
    window = open_window(qtbot, project)
    feature = window.search
    window.select_row(document_row(window, stem))
    window.view.setFocus()
    return Analyst(qtbot, window), feature


def search_for(analyst: Analyst, feature: SearchFeature, query: str, *, corpus: bool) -> None:
    """Ctrl+F, type the query, Tab to the scope and pick it with the arrow keys."""
    analyst.press(Qt.Key.Key_F, CTRL, analyst.view)
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and box.objectName() == "search-query"
    analyst.press(Qt.Key.Key_A, CTRL, box)
    analyst.type(query, box)
    analyst.press(Qt.Key.Key_Tab, NO, box)
    scope = QApplication.focusWidget()
    assert isinstance(scope, QComboBox) and scope.objectName() == "search-scope"
    analyst.press(Qt.Key.Key_Down if corpus else Qt.Key.Key_Up, NO, scope)
    analyst.qtbot.waitUntil(lambda: feature._searched is not None and feature._searched[0] == query)
    box.setFocus()


def corpus_texts(window: MainWindow) -> dict[str, str]:
    return {summary.id: window.project.document(summary.id).text for summary in window.project.documents()}


def test_one_spelling_finds_every_pyongyang_in_the_corpus(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = searching_window(qtbot, sample_project, PYONGYANG_ARTICLE)
    search_for(analyst, feature, "بيونغ يانغ", corpus=True)
    texts = corpus_texts(analyst.window)
    expected = {doc: sum(len(positions(text, s)) for s in PYONGYANG) for doc, text in texts.items()}
    expected = {doc: count for doc, count in expected.items() if count}
    assert feature.panel.summary.text() == f"34 hits in {len(expected)} documents"
    results = feature.panel.results
    listed = {}
    for row in range(results.topLevelItemCount()):
        item = results.topLevelItem(row)
        assert item is not None
        listed[item.text(0)] = (int(item.text(1)), item.childCount())
    titles = {doc: analyst.window.project.document(doc).title for doc in expected}
    assert listed == {titles[doc]: (count, count) for doc, count in expected.items()}

    document = analyst.view.document_id
    assert document is not None
    fills = analyst.view.overlays(SEARCH_GROUP)
    assert {overlay.style for overlay in fills} == {OverlayStyle.HATCH}
    assert [(o.start, o.end) for o in fills] == sorted(p for s in PYONGYANG for p in positions(texts[document], s))

    seen = []
    analyst.press(Qt.Key.Key_Return, NO, feature.panel.query)
    for _ in range(34):
        doc = analyst.view.document_id
        assert doc is not None
        start, end = analyst.view.selected_offsets()
        assert texts[doc][start:end] in PYONGYANG
        seen.append((doc, start, end))
        analyst.press(Qt.Key.Key_F3, NO, analyst.view)
    assert len(set(seen)) == 34
    assert (analyst.view.document_id, *analyst.view.selected_offsets()) == seen[0]
    analyst.press(Qt.Key.Key_F3, SHIFT, analyst.view)
    assert (analyst.view.document_id, *analyst.view.selected_offsets()) == seen[-1]


def test_enter_on_a_result_opens_the_hit_in_its_document(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = searching_window(qtbot, sample_project, PYONGYANG_ARTICLE)
    feature.panel.short_aliases.setChecked(True)  # لافروف alone too: several hits in one document
    search_for(analyst, feature, "سيرجي لافروف", corpus=True)
    analyst.press(Qt.Key.Key_Down, NO, feature.panel.query)
    assert QApplication.focusWidget() is feature.panel.results
    analyst.press(Qt.Key.Key_Down, NO, feature.panel.results)
    analyst.press(Qt.Key.Key_Return, NO, feature.panel.results)
    assert QApplication.focusWidget() is analyst.view
    hit = feature.result.hits[1]
    assert analyst.view.document_id == hit.doc_id
    assert analyst.view.selected_stored_text() == hit.text
    assert analyst.view.selected_offsets() == (hit.start, hit.end)


def review_with_keys(qtbot: QtBot, keys: list[Qt.Key], seen: list[AnnotateAllDialog]) -> None:
    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AnnotateAllDialog)
        seen.append(dialog)
        for key in keys:
            qtbot.keyClick(dialog.list, key)

    QTimer.singleShot(50, drive)


def back_in_window(analyst: Analyst) -> None:
    analyst.qtbot.waitUntil(lambda: QApplication.activeWindow() is analyst.window)
    analyst.view.setFocus()


def test_annotate_all_from_the_search_with_one_undo(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = searching_window(qtbot, sample_project, PYONGYANG_ARTICLE)
    document = analyst.view.document_id
    assert document is not None
    text = analyst.text
    expected = sorted(p for s in PYONGYANG for p in positions(text, s))
    assert len(expected) == 7
    search_for(analyst, feature, "بيونغ يانغ", corpus=False)
    dialogs: list[AnnotateAllDialog] = []
    # Skip the first hit, accept the rest, annotate.
    review_with_keys(qtbot, [Qt.Key.Key_S, Qt.Key.Key_Return], dialogs)
    analyst.press(Qt.Key.Key_A, CTRL | SHIFT, feature.panel.query)
    assert dialogs and dialogs[0].label == "GPE"

    stored = sorted((s.start, s.end, s.label, s.ref) for s in sample_project.spans(document))
    assert stored == [(start, end, "GPE", "pyongyang") for start, end in expected[1:]]
    assert all(text[s.start : s.end] == s.text for s in sample_project.spans(document))
    assert len(analyst.view.spans) == 6

    back_in_window(analyst)
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    assert sample_project.spans(document) == []
    assert analyst.view.spans == []
    analyst.press(Qt.Key.Key_Z, CTRL | SHIFT, analyst.view)
    assert len(sample_project.spans(document)) == 6


def test_annotate_all_from_a_span_over_the_corpus(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = searching_window(qtbot, sample_project, LAVROV_ARTICLE)
    texts = corpus_texts(analyst.window)
    current = analyst.view.document_id
    assert current is not None
    feature.panel.scope.setCurrentIndex(1)
    analyst.tag("لافروف", "p")
    source = analyst.window.annotations.selected
    assert source is not None
    dialogs: list[AnnotateAllDialog] = []
    review_with_keys(qtbot, [Qt.Key.Key_Return], dialogs)
    analyst.view.setFocus()
    analyst.press(Qt.Key.Key_A, CTRL | SHIFT, analyst.view)
    assert dialogs and dialogs[0].label == "PER" and not dialogs[0].label_box.isEnabled()

    assert analyst.view.document_id == current
    made = {doc: sample_project.spans(doc) for doc in texts}
    total = sum(len(spans) for spans in made.values())
    expected_total = sum(len(positions(text, "لافروف")) for text in texts.values())
    assert total == expected_total
    for doc, spans in made.items():
        for span in spans:
            assert span.label == "PER"
            assert texts[doc][span.start : span.end] == span.text
            assert "لافروف" in span.text
    assert len({doc for doc, spans in made.items() if spans}) > 1

    back_in_window(analyst)
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    assert [s.id for doc in texts for s in sample_project.spans(doc)] == [source.id]


def test_annotate_all_skips_hits_inside_a_span_of_the_same_label(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = searching_window(qtbot, sample_project, LAVROV_ARTICLE)
    document = analyst.view.document_id
    assert document is not None
    analyst.tag("سيرغي لافروف", "p")
    search_for(analyst, feature, "لافروف", corpus=False)
    dialogs: list[AnnotateAllDialog] = []
    review_with_keys(qtbot, [Qt.Key.Key_Return], dialogs)
    analyst.press(Qt.Key.Key_A, CTRL | SHIFT, feature.panel.query)
    summary = dialogs[0].summary.text()
    assert "1 already tagged" in summary
    mentions = positions(analyst.text, "لافروف")
    spans = sample_project.spans(document)
    assert len(spans) == len(mentions)  # the full name, and every other mention of the surname
    assert sorted((s.start, s.end) for s in spans if s.text == "لافروف") == [
        p for p in mentions if analyst.text[p[0] - 6 : p[0]] != "سيرغي "
    ]


def test_the_index_follows_imported_texts(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    analyst, feature = searching_window(qtbot, sample_project, LAVROV_ARTICLE)
    search_for(analyst, feature, "بيونج يانج", corpus=True)
    assert feature.result.total == 34
    new_text = tmp_path / "new.txt"
    new_text.write_text("زار الوفد بيونغ يانغ ثم عاد إلى بيونج يانج مرة أخرى.\n", encoding="utf-8")
    analyst.window.exchange.import_paths([new_text])
    qtbot.waitUntil(lambda: feature.result.total == 36)
    new_id = next(d.id for d in sample_project.documents() if sample_project.document(d.id).source == "new.txt")
    assert feature.result.counts[new_id] == 2


def test_this_document_is_searched_again_in_the_next_document(qtbot: QtBot, sample_project: Project) -> None:
    """Scope "This document": the result follows the shown document; Enter and F3 go to its hits."""
    analyst, feature = searching_window(qtbot, sample_project, "000_5aedd47a6fdd3a5d")
    search_for(analyst, feature, "لافروف", corpus=False)
    assert feature.panel.summary.text() == "No hits."
    window = analyst.window
    window.select_row(document_row(window, LAVROV_ARTICLE))
    document = analyst.view.document_id
    assert document is not None
    text = sample_project.document(document).text
    assert len(positions(text, "لافروف")) == 4
    assert feature.panel.summary.text() == "4 hits in 1 document"
    assert {hit.doc_id for hit in feature.result.hits} == {document}
    expected = [(hit.start, hit.end) for hit in feature.result.hits]
    assert all("لافروف" in text[start:end] for start, end in expected)
    assert [(o.start, o.end) for o in analyst.view.overlays(SEARCH_GROUP)] == expected
    feature.panel.query.setFocus()
    analyst.press(Qt.Key.Key_Return, NO, feature.panel.query)
    assert analyst.view.selected_offsets() == expected[0]
    analyst.press(Qt.Key.Key_F3, NO, analyst.view)
    assert analyst.view.selected_offsets() == expected[1]
    # Back in a document without the word: F3 says so instead of stepping through stale hits.
    window.select_row(document_row(window, "001_0aacfd246fc7404a"))
    assert feature.panel.summary.text() == "No hits."
    assert analyst.view.overlays(SEARCH_GROUP) == []
    analyst.press(Qt.Key.Key_F3, NO, analyst.view)
    assert analyst.view.document_id != document


def test_f3_after_switching_documents_searches_the_shown_one(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = searching_window(qtbot, sample_project, "000_5aedd47a6fdd3a5d")
    search_for(analyst, feature, "لافروف", corpus=False)
    window = analyst.window
    # Another document shown without a document_shown signal reaching the search (a view opened
    # by the review window, say): F3 still searches the document that is shown.
    window.select_row(document_row(window, LAVROV_ARTICLE))
    feature.result = type(feature.result)()
    feature._searched = ("لافروف", False, feature.panel.chosen_scope, "000")
    assert feature.panel.summary.text() == "4 hits in 1 document"
    analyst.view.setFocus()
    analyst.press(Qt.Key.Key_F3, NO, analyst.view)
    start, end = analyst.view.selected_offsets()
    assert analyst.text[start:end] == "لافروف"


def test_short_names_are_a_choice_the_panel_shows(qtbot: QtBot, sample_project: Project) -> None:
    analyst, feature = searching_window(qtbot, sample_project, LAVROV_ARTICLE)
    search_for(analyst, feature, "كيم جونج أون", corpus=True)
    short = feature.panel.short_aliases
    assert short.isVisibleTo(feature.panel) and not short.isChecked()
    assert feature.panel.summary.text() == "8 hits in 4 documents"
    box = short.rect()
    at = QPoint(box.right() - 8 if short.isRightToLeft() else box.left() + 8, box.center().y())
    qtbot.mouseClick(short, Qt.MouseButton.LeftButton, pos=at)
    assert short.isChecked()
    assert feature.panel.summary.text() == "18 hits in 4 documents"
    texts = corpus_texts(analyst.window)
    found = feature.search("كيم جونج أون", whole_word=False, scope=feature.panel.chosen_scope, limit=None)
    for hit in found.hits:
        assert not texts[hit.doc_id][hit.start :].startswith(("كيم إيل", "كيم جونغ إيل", "كيم سونغ-"))


def test_annotate_all_links_a_shared_name_only_when_the_analyst_chooses(qtbot: QtBot, sample_project: Project) -> None:
    registry = sample_project.registry.add_alias("vladimir-putin", "فلاديمير")
    sample_project.set_registry(registry.add_alias("vladimir-tikhonov", "فلاديمير"))
    _analyst, feature = searching_window(qtbot, sample_project, LAVROV_ARTICLE)
    assert feature._label_for_query("فلاديمير") == ("PER", None)
    assert feature._label_for_query("فلاديمير بوتين") == ("PER", "vladimir-putin")
