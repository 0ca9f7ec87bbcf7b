"""Edits update the table, the highlights, the suggestions, the relation arcs and the review window in place,
and give what a full reload gives."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextBlock, QTextLayout
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from annotator.agreement import UnitStatus
from annotator.arabic import first_words
from annotator.edits import Edit
from annotator.known_words import KnownWords
from annotator.model import GOLD, Document, Span, SpanKind
from annotator.project import Project
from annotator.registry import Registry
from annotator.review import load_review, settle_status, unit_key
from annotator.schema import Schema
from annotator.session import Change, SpanLayer
from annotator.snapping import SnapMode, snap
from annotator.suggest import Suggester, Surface
from annotator.suggestion_matching import Matches, MatchJob, MatchRun, ShownSuggestions, without_taken
from tests.storage.test_review_storage import TEAMMATE
from tests.ui.analyst import CTRL, NO, SHIFT, Analyst
from tests.ui.test_annotating import LAVROV, document_row, open_window
from tests.ui.test_review import key, open_review
from ui.annotation_table import SPAN_ID_ROLE, AnnotationFilterModel, AnnotationTableModel
from ui.document_list import status_name as document_status_name
from ui.document_view import DocumentView
from ui.review_units import DECISION, decision_name
from ui.review_window import ReviewWindow

TEXT = "قال وزير الخارجية الروسي سيرغي لافروف\n\nإن موسكو ستدعم بيونغ يانغ 😀 في كوالالمبور\nثم غادر"
LABELS = ("PER", "ORG", "GPE", "LOC")
COLOURS = {"PER": "#e6194b", "ORG": "#3cb44b", "GPE": "#4363d8", "LOC": "#f58231"}


def span(number: int, start: int, end: int, label: str = "PER", text: str = TEXT) -> Span:
    return Span(
        id=f"s{number:03d}",
        document_id="d",
        annotator="tester",
        kind=SpanKind.ENTITY,
        label=label,
        start=start,
        end=end,
        text=text[start:end],
    )


def random_spans(seed: int, count: int, text: str = TEXT) -> list[Span]:
    chooser = random.Random(seed)
    made = []
    for number in range(count):
        start = chooser.randrange(len(text))
        end = chooser.randrange(start + 1, min(len(text), start + 30) + 1)
        made.append(span(number, start, end, chooser.choice(LABELS), text))
    return made


def follow(current: dict[str, Span], changes: dict[str, Span | None]) -> None:
    """Apply ``changes`` (span id -> the span now, or None once removed) to ``current``."""
    for span_id, now in changes.items():
        if now is None:
            current.pop(span_id)
        else:
            current[span_id] = now


def shown_changes(model: AnnotationTableModel, layer: SpanLayer, changes: dict[str, Span | None]) -> None:
    """Change ``layer`` the way a session changes its own, then tell ``model`` (which reads it) the change."""
    removed = [old for old in map(layer.get, changes) if old is not None]
    added = [now for now in changes.values() if now is not None]
    for span_id, now in changes.items():
        if now is None:
            layer.remove(span_id)
        else:
            layer.put(now)
    model.show_change(Change("d", removed=tuple(removed), added=tuple(added)), layer)


def table_ids(model: AnnotationTableModel) -> list[str]:
    return [model.index(row, 0).data(SPAN_ID_ROLE) for row in range(model.rowCount())]


def in_reading_order(spans: list[Span]) -> list[str]:
    return [s.id for s in sorted(spans, key=lambda s: (s.start, -s.end, s.id))]


def changed(spans: dict[str, Span], chooser: random.Random, number: int) -> dict[str, Span | None]:
    """One random edit: a new span, a removal, a relabel or a resize."""
    kind = chooser.choice(("add", "remove", "relabel", "resize")) if spans else "add"
    if kind == "add":
        start = chooser.randrange(len(TEXT) - 1)
        new = span(number, start, chooser.randrange(start + 1, len(TEXT) + 1), chooser.choice(LABELS))
        return {new.id: new}
    old = spans[chooser.choice(sorted(spans))]
    if kind == "remove":
        return {old.id: None}
    if kind == "relabel":
        return {old.id: span(int(old.id[1:]), old.start, old.end, chooser.choice(LABELS))}
    start = chooser.randrange(len(TEXT) - 1)
    return {old.id: span(int(old.id[1:]), start, chooser.randrange(start + 1, len(TEXT) + 1), old.label)}


# -- the table model --------------------------------------------------------------------------


def test_the_table_model_passes_the_model_tester_through_edits(
    qtmodeltester: ModelTester,
) -> None:
    model = AnnotationTableModel()
    proxy = AnnotationFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(AnnotationTableModel.LABEL, Qt.SortOrder.DescendingOrder)
    layer = SpanLayer(random_spans(1, 12))
    model.show_layer(layer)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    current = {s.id: s for s in random_spans(1, 12)}
    chooser = random.Random(7)
    for number in range(100, 160):
        changes = changed(current, chooser, number)
        shown_changes(model, layer, changes)
        follow(current, changes)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert table_ids(model) == in_reading_order(list(current.values()))


def test_a_change_of_many_spans_at_once_is_told_row_by_row_through_a_sorted_filtered_proxy(
    qtmodeltester: ModelTester,
) -> None:
    """Batched edits (annotate all, a relabel that moves others, undo of a batch): several rows are
    removed and inserted for one change, and every step leaves the model and the proxy consistent."""
    model = AnnotationTableModel()
    proxy = AnnotationFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(AnnotationTableModel.LABEL, Qt.SortOrder.AscendingOrder)
    proxy.set_filter_text("ي")
    current = {s.id: s for s in random_spans(2, 20)}
    layer = SpanLayer(current.values())
    model.show_layer(layer)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    chooser = random.Random(11)
    number = 100
    for _ in range(30):
        batch: dict[str, Span | None] = {}
        for _ in range(chooser.randrange(2, 7)):
            step = changed({k: v for k, v in current.items() if k not in batch}, chooser, number)
            number += 1
            batch.update(step)
        shown_changes(model, layer, batch)
        follow(current, batch)
        assert table_ids(model) == in_reading_order(list(current.values()))
        shown = {proxy.index(row, 0).data(SPAN_ID_ROLE) for row in range(proxy.rowCount())}
        assert shown == {s.id for s in current.values() if "ي" in s.text}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 40))
def test_rows_stay_in_reading_order_and_are_found_by_id(seed: int, edits: int) -> None:
    model = AnnotationTableModel()
    current = {s.id: s for s in random_spans(seed, 8)}
    layer = SpanLayer(current.values())
    model.show_layer(layer)
    chooser = random.Random(seed)
    for number in range(100, 100 + edits):
        changes = changed(current, chooser, number)
        shown_changes(model, layer, changes)
        follow(current, changes)
    assert table_ids(model) == in_reading_order(list(current.values()))
    for span_id, now in current.items():
        row = model.row_of(span_id)
        assert row is not None
        assert model.span_at(row) == now
    assert model.row_of("s999") is None


def test_a_change_in_place_keeps_the_row_and_reports_it(qtbot: QtBot) -> None:
    model = AnnotationTableModel()
    layer = SpanLayer([span(1, 0, 3), span(2, 4, 8), span(3, 9, 17)])
    model.show_layer(layer)
    inserted, removed, changed_rows = [], [], []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    model.dataChanged.connect(lambda top, bottom: changed_rows.append((top.row(), bottom.row())))
    shown_changes(model, layer, {"s002": span(2, 4, 8, "ORG")})
    assert (inserted, removed, changed_rows) == ([], [], [(1, 1)])
    assert model.index(1, AnnotationTableModel.LABEL).data() == "ORG"
    shown_changes(model, layer, {"s004": span(4, 1, 2)})
    assert inserted == [(1, 1)]
    shown_changes(model, layer, {"s001": None})
    assert removed == [(0, 0)]
    assert table_ids(model) == ["s004", "s002", "s003"]


def test_the_proxy_sorts_by_other_columns_and_back_to_reading_order(qtbot: QtBot) -> None:
    model = AnnotationTableModel()
    proxy = AnnotationFilterModel()
    proxy.setSourceModel(model)
    layer = SpanLayer([span(1, 0, 3, "PER"), span(2, 4, 8, "GPE"), span(3, 9, 17, "LOC")])
    model.show_layer(layer)
    proxy.sort(AnnotationTableModel.TEXT, Qt.SortOrder.AscendingOrder)

    def shown() -> list[str]:
        return [proxy.index(row, 0).data(SPAN_ID_ROLE) for row in range(proxy.rowCount())]

    assert shown() == ["s001", "s002", "s003"]
    proxy.sort(AnnotationTableModel.LABEL, Qt.SortOrder.AscendingOrder)
    assert shown() == ["s002", "s003", "s001"]
    shown_changes(model, layer, {"s004": span(4, 1, 2, "AAA")})
    assert shown() == ["s004", "s002", "s003", "s001"]
    proxy.sort(AnnotationTableModel.TEXT, Qt.SortOrder.DescendingOrder)
    assert shown()[0] == "s003"
    proxy.sort(AnnotationTableModel.TEXT, Qt.SortOrder.AscendingOrder)
    assert shown() == ["s001", "s004", "s002", "s003"]
    assert proxy.mapToSource(proxy.index(0, 0)).row() == 0


# -- the highlights -----------------------------------------------------------------------------


def block_formats(view: DocumentView) -> list[list[tuple[int, int, str, str]]]:
    view.highlighter.finish()  # what is not shown yet is highlighted between events
    shown = []
    block = view.document().firstBlock()
    while block.isValid():
        ranges: list[QTextLayout.FormatRange] = block.layout().formats()
        shown.append(
            sorted(
                (r.start, r.length, r.format.background().color().name(), r.format.underlineColor().name())
                for r in ranges
            )
        )
        block = block.next()
    return shown


def view_with(spans: list[Span]) -> DocumentView:
    view = DocumentView()
    view.set_colours(COLOURS)
    view.show_document(Document(id="d", title="t", source="s", text=TEXT, text_sha256=""), spans)
    return view


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 15))
def test_highlights_after_edits_equal_highlights_of_a_fresh_view(qapp: QApplication, seed: int, edits: int) -> None:
    start = random_spans(seed, 6)
    edited = view_with(start)
    current = {s.id: s for s in start}
    chooser = random.Random(seed)
    for number in range(100, 100 + edits):
        changes = changed(current, chooser, number)
        # The layer changes first (as a session changes it), then the view is told what changed.
        removed = [old for old in map(edited.layer.remove, changes) if old is not None]
        added = [now for now in changes.values() if now is not None]
        for now in added:
            edited.layer.put(now)
        edited.show_change(removed, added)
        follow(current, changes)
    fresh = view_with(list(current.values()))
    assert [s.id for s in edited.spans] == [s.id for s in fresh.spans] == in_reading_order(list(current.values()))
    assert block_formats(edited) == block_formats(fresh)
    assert all(edited.span_by_id(span_id) == now for span_id, now in current.items())
    edited.deleteLater()
    fresh.deleteLater()


def utf16_position(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 12))
def test_every_character_a_span_covers_is_highlighted_underlined_as_its_innermost_span(
    qapp: QApplication, seed: int, count: int
) -> None:
    spans = random_spans(seed, count)
    view = view_with(spans)
    expected: dict[int, set[str]] = {}  # UTF-16 position -> the underline colours it may have
    for position in range(utf16_position(TEXT, len(TEXT))):
        covering = [s for s in spans if utf16_position(TEXT, s.start) <= position < utf16_position(TEXT, s.end)]
        if covering and TEXT.encode("utf-16-le")[2 * position : 2 * position + 2] != "\n".encode("utf-16-le"):
            lengths = {s.id: utf16_position(TEXT, s.end) - utf16_position(TEXT, s.start) for s in covering}
            shortest = min(lengths.values())
            expected[position] = {COLOURS[s.label] for s in covering if lengths[s.id] == shortest}
    shown: dict[int, str] = {}
    block = view.document().firstBlock()
    for ranges in block_formats(view):
        for start, length, _background, underline in ranges:
            for position in range(block.position() + start, block.position() + start + length):
                shown[position] = underline
        block = block.next()
    assert shown.keys() == expected.keys()
    assert all(shown[position] in colours for position, colours in expected.items())
    view.deleteLater()


def test_nested_spans_blend_and_underline_in_the_innermost_colour(qtbot: QtBot) -> None:
    outer = span(1, 4, 18, "ORG")  # وزير الخارجية
    inner = span(2, 9, 18, "PER")  # الخارجية
    view = view_with([outer, inner])
    (first, *_rest) = block_formats(view)
    underlines = {(start, length): underline for start, length, _background, underline in first}
    assert underlines == {(4, 5): "#3cb44b", (9, 9): "#e6194b"}
    backgrounds = {start: background for start, _length, background, _underline in first}
    assert backgrounds[4] != backgrounds[9]


def test_text_is_highlighted_when_shown_with_its_spans(qtbot: QtBot) -> None:
    start = TEXT.index("سيرغي لافروف")
    view = view_with([span(1, start, start + len("سيرغي لافروف"), "PER")])
    first = block_formats(view)[0]
    assert [(position, length) for position, length, _b, _u in first] == [(start, 12)]


def test_a_long_text_is_highlighted_where_it_is_shown(qtbot: QtBot) -> None:
    paragraph = TEXT.replace("\n", " ")
    text = "\n".join([paragraph] * 400)
    at = paragraph.index("سيرغي لافروف")
    step = len(paragraph) + 1
    spans = [span(number, number * step + at, number * step + at + 12, "PER", text) for number in range(400)]
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.set_colours({"PER": "#e6194b"})
    view.show_document(Document(id="d", title="t", source="s", text=text, text_sha256=""), spans)
    view.show()
    qtbot.waitUntil(lambda: view.has_painted)
    assert view.highlighter.pending > 300, "only what is shown was highlighted on opening"

    def formats(block: QTextBlock) -> list[tuple[int, int]]:
        return [(r.start, r.length) for r in block.layout().formats()]

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    view.viewport().repaint()
    first = view.firstVisibleBlock()
    last = view.cursorForPosition(QPoint(0, view.viewport().height() - 1)).block()
    assert first.blockNumber() > 100
    block = first
    while block.isValid() and block.blockNumber() <= last.blockNumber():
        assert formats(block) == [(at, 12)], f"block {block.blockNumber()} is shown and highlighted"
        block = block.next()
    assert formats(view.document().lastBlock()) == [], "a block not shown yet is not highlighted yet"
    view.highlighter.finish()
    assert view.highlighter.pending == 0
    assert formats(view.document().lastBlock()) == [(at, 12)]


# -- snapping with the known words near the selection ---------------------------------------------


def test_snapping_with_the_nearby_known_words_gives_what_all_of_them_give(sample_project: Project) -> None:
    summary = sample_project.documents()[0]
    text = sample_project.document(summary.id).text
    aliases = [alias for entry in sample_project.registry.entries() for alias in entry.alias_texts]
    tagged = ["الولايات المتحدة", "لافروف", "وزير", "بيونغ يانغ", "والصين", "الأمم"]
    spans = [span(n, 0, len(t), text=t) for n, t in enumerate(tagged)]
    known = KnownWords()
    assert known.words(sample_project.registry, spans) == first_words([*aliases, *tagged])
    chooser = random.Random(3)
    for _ in range(400):
        start = chooser.randrange(len(text))
        end = min(len(text), start + chooser.choice((0, 1, 3, 8, 20)))
        near = known.near(sample_project.registry, spans, text, start, end)
        for strip in (False, True):
            everything = snap(text, start, end, SnapMode.STEM, strip_article=strip, known_words=[*aliases, *tagged])
            assert snap(text, start, end, SnapMode.STEM, strip_article=strip, known_words=near) == everything


def test_the_nearby_known_words_are_those_in_the_stretch_or_alef_plus_a_piece_of_it(sample_project: Project) -> None:
    summary = sample_project.documents()[0]
    text = sample_project.document(summary.id).text + " " + "س" * 70 + "لافروف "
    tagged = ["الولايات المتحدة", "لافروف", "و", "ا", "بيونغ يانغ", "والصين", "الأمم", "سس"]
    spans = [span(n, 0, len(t), text=t) for n, t in enumerate(tagged)]
    known = KnownWords()
    chooser = random.Random(5)
    for trial in range(400):
        if trial == 200:
            added = span(99, 0, 3, text="أمس")
            known.change(spans[:2], [added])
            spans = [*spans[2:], added]
        start = chooser.randrange(len(text))
        end = min(len(text), start + chooser.choice((0, 1, 3, 8)))
        stretch = KnownWords.stretch(text, start, end)
        everything = known.words(sample_project.registry, spans)
        expected = sorted(w for w in everything if w in stretch or w[1:] in stretch)
        assert known.near(sample_project.registry, spans, text, start, end) == expected
    assert first_words(["أمس"]) <= known.words(sample_project.registry, spans)
    assert len(KnownWords.stretch(text, len(text) - 3, len(text) - 2)) > KnownWords.LONGEST_LOOKED_UP


def test_known_words_follow_added_and_removed_spans(sample_project: Project) -> None:
    known = KnownWords()
    name = "زيدانوفيتش"
    first = span(1, 0, len(name), text=name)
    second = span(2, 0, len(name), text=name)
    assert name not in known.words(sample_project.registry, [])
    known.change([], [first])
    assert name in known.words(sample_project.registry, [])
    known.change([], [second])
    known.change([first], [])
    assert name in known.words(sample_project.registry, []), "another span still has that text"
    known.change([second], [])
    assert name not in known.words(sample_project.registry, [])


# -- suggestions: matches found once, then filtered -------------------------------------------------


def test_taking_out_existing_and_rejected_gives_what_the_suggester_gives() -> None:
    text = "لافروف في بيونغ يانغ، ثم لافروف وبيونغ يانغ ولافروف في كوالالمبور " * 3
    surfaces = [Surface("لافروف", "PER"), Surface("بيونغ يانغ", "GPE"), Surface("كوالالمبور", "GPE")]
    suggester = Suggester(surfaces)
    found = suggester.suggest(text)
    chooser = random.Random(5)
    for _ in range(50):
        existing = random_spans(chooser.randrange(10_000), chooser.randrange(6), text)
        rejected = {(s.start, s.end, s.label) for s in chooser.sample(found, chooser.randrange(4))}
        expected = suggester.suggest(text, existing=[(s.start, s.end, s.label) for s in existing], rejected=rejected)
        assert without_taken(found, existing, rejected) == expected


def matches_of(text: str, surfaces: list[Surface]) -> Matches:
    job = MatchJob(Registry(1), Schema(1, "test", ()), frozenset(surfaces), text, {"PER": "#aa0000", "GPE": "#00aa00"})
    return MatchRun(job, Suggester(surfaces)).finish()


def test_a_long_text_is_matched_in_short_steps_to_what_one_pass_finds() -> None:
    text = ("لافروف في بيونغ يانغ، ثم لافروف وبيونغ يانغ ولافروف في كوالالمبور\n" * 6_000)[:-1]
    surfaces = [Surface("لافروف", "PER"), Surface("بيونغ يانغ", "GPE"), Surface("كوالالمبور", "GPE")]
    spans = random_spans(3, 40, text)
    rejected = frozenset({(0, 6, "PER")})
    keys = frozenset((s.id, s.start, s.end, s.label) for s in spans)
    job = MatchJob(Registry(1), Schema(1, "test", ()), frozenset(surfaces), text, {}, keys, rejected)
    run = MatchRun(job, Suggester(surfaces))
    steps = []
    while True:
        started = time.perf_counter()
        finished = run.step(0.004)
        steps.append(time.perf_counter() - started)
        if finished:
            break
    assert len(steps) > 5, "the work was cut into steps"
    assert sorted(steps)[len(steps) // 2] < 0.02, "a step stops soon after the time it was given"
    assert run.matches is not None and run.shown is not None
    expected = Suggester(surfaces).suggest(text)
    assert run.matches.found == sorted(expected, key=lambda s: (s.start, s.end, s.label))
    assert run.shown.items == without_taken(run.matches.found, spans, rejected)
    assert len(run.matches.found) == 6_000 * 6  # three Lavrovs, two Pyongyangs, one Kuala Lumpur a line


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), edits=st.integers(1, 25))
def test_shown_suggestions_kept_edit_by_edit_equal_a_fresh_list(seed: int, edits: int) -> None:
    text = "لافروف في بيونغ يانغ، ثم لافروف وبيونغ يانغ ولافروف في كوالالمبور " * 4
    surfaces = [
        Surface("لافروف", "PER"),
        Surface("بيونغ يانغ", "GPE"),
        Surface("بيونغ", "PER"),
        Surface("كوالالمبور", "GPE"),
    ]
    matches = matches_of(text, surfaces)
    chooser = random.Random(seed)
    spans = {s.id: s for s in random_spans(seed, chooser.randrange(5), text)}
    rejected: set[tuple[int, int, str]] = set()
    shown = ShownSuggestions(matches, [(s.start, s.end, s.label) for s in spans.values()], rejected)
    for number in range(edits):
        choice = chooser.random()
        if choice < 0.4 or not spans:
            (added,) = random_spans(seed * 100 + number, 1, text)
            added = Span(f"n{number}", "d", "tester", SpanKind.ENTITY, added.label, added.start, added.end, added.text)
            spans[added.id] = added
            shown.take(added.start, added.end, added.label)
        elif choice < 0.7:
            removed = spans.pop(chooser.choice(sorted(spans)))
            shown.give_back([(removed.start, removed.end, removed.label)], spans.values(), rejected)
        elif choice < 0.85:
            old = spans[chooser.choice(sorted(spans))]
            start = max(0, old.start + chooser.randint(-8, 8))
            end = max(start + 1, min(len(text), old.end + chooser.randint(-8, 8)))
            new = Span(old.id, "d", "tester", SpanKind.ENTITY, chooser.choice(LABELS), start, end, text[start:end])
            spans[old.id] = new
            shown.give_back([(old.start, old.end, old.label)], spans.values(), rejected)
            shown.take(new.start, new.end, new.label)
        elif shown.items:
            victim = chooser.choice(shown.items)
            rejected.add((victim.start, victim.end, victim.label))
            shown.reject((victim.start, victim.end, victim.label))
        fresh = ShownSuggestions(matches, [(s.start, s.end, s.label) for s in spans.values()], rejected)
        assert shown.items == fresh.items == without_taken(matches.found, spans.values(), rejected)
        assert shown.overlays == fresh.overlays
        assert [o.start for o in shown.overlays] == [s.start for s in shown.items]


def test_matches_extended_by_new_surfaces_equal_matching_them_all_at_once() -> None:
    text = "لافروف في بيونغ يانغ، ثم لافروف وبيونغ يانغ ولافروف في كوالالمبور وموسكو " * 4
    first = [Surface("لافروف", "PER"), Surface("بيونغ يانغ", "GPE")]
    added = [Surface("كوالالمبور", "GPE"), Surface("موسكو", "GPE"), Surface("لافروف", "ORG")]
    matches = matches_of(text, first)
    everything = matches_of(text, [*first, *added])
    extended, new = matches.extended(everything.job, added)
    assert extended.found == everything.found
    assert extended.starts == [s.start for s in extended.found]
    assert sorted(new) == sorted(set(everything.found) - set(matches.found))
    spans = random_spans(3, 4, text)
    shown = ShownSuggestions(matches, [(s.start, s.end, s.label) for s in spans], set())
    shown.extend(extended, new, spans, set())
    assert shown.items == ShownSuggestions(everything, [(s.start, s.end, s.label) for s in spans], set()).items


# -- through the window -------------------------------------------------------------------------


def test_tagging_undo_and_redo_update_the_table_in_place(qtbot: QtBot, sample_project: Project) -> None:
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    window.view.setFocus()
    analyst = Analyst(qtbot, window)
    table = window.panel.table
    reset: list[bool] = []
    window.panel.model.modelReset.connect(lambda: reset.append(True))
    later = analyst.tag("كوالالمبور", "g")
    earlier = analyst.tag("سيرغي لافروف", "p")

    def rows() -> list[str]:
        return [table.model().index(row, 0).data(SPAN_ID_ROLE) for row in range(table.model().rowCount())]

    assert rows() == [earlier, later]
    assert table.currentIndex().data(SPAN_ID_ROLE) == earlier
    analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
    assert rows() == [later]
    analyst.press(Qt.Key.Key_Z, CTRL | SHIFT, analyst.view)
    assert rows() == [earlier, later]
    assert reset == [], "edits must not reset the table"
    document = analyst.view.document_id
    assert document is not None
    assert [s.id for s in sorted(sample_project.spans(document), key=lambda s: s.start)] == rows()


def test_every_view_shows_what_the_sessions_change_says(qtbot: QtBot, sample_project: Project) -> None:
    """Tag, relabel, delete, undo and redo from the keyboard: after each, the text view reads the
    session's own layer, the table lists it, the highlights are a fresh view's of it, and what the
    suggestions were told is the change the session returned."""
    window = open_window(qtbot, sample_project)
    window.select_row(document_row(window, LAVROV))
    window.view.setFocus()
    analyst = Analyst(qtbot, window)
    session = window.annotations.session
    told: list[tuple[list[str], list[str]]] = []
    window.annotations.spans_replaced.connect(
        lambda removed, added: told.append(([s.id for s in removed], [s.id for s in added]))
    )
    applied: list[tuple[list[str], list[str]]] = []
    apply = session.apply

    def recording(edit):  # the session's own answer, to compare what the views were told with
        change = apply(edit)
        applied.append(([s.id for s in change.removed], [s.id for s in change.added]))
        return change

    session.apply = recording  # type: ignore[method-assign]
    document = session.document
    assert document is not None

    def views_agree() -> None:
        assert window.view.layer is session.layer
        assert table_ids(window.panel.model) == [s.id for s in session.spans]
        fresh = DocumentView()
        fresh.set_colours({label.name: label.colour for label in sample_project.schema.labels})
        fresh.show_document(document, list(session.spans))
        assert block_formats(window.view) == block_formats(fresh)
        fresh.deleteLater()
        assert told == applied
        assert session.spans == sample_project.spans(document.id)

    first = analyst.tag("كوالالمبور", "g")
    views_agree()
    analyst.tag("سيرغي لافروف", "p")
    views_agree()
    window.annotations.select_span(first)
    analyst.type("l", analyst.view)  # relabel the selected span as LOC
    views_agree()
    assert session.span(first) is not None and session.span(first).label == "LOC"  # type: ignore[union-attr]
    analyst.press(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier, analyst.view)
    views_agree()
    for _ in range(3):
        analyst.press(Qt.Key.Key_Z, CTRL, analyst.view)
        views_agree()
    analyst.press(Qt.Key.Key_Z, CTRL | SHIFT, analyst.view)
    views_agree()
    assert len(applied) == 8


# -- the review window ------------------------------------------------------------------------------


class StoreReads:
    """Counts the reads of whole layers, relations and decisions a review window makes: what
    reading the review again costs, and what a decision must not need."""

    def __init__(self, project: Project) -> None:
        self.calls: list[str] = []
        for owner, name in ((project, "spans"), (project, "relations"), (project.repository, "decisions")):
            self._count(owner, name)

    def _count(self, owner: object, name: str) -> None:
        read = getattr(owner, name)

        def counted(*args: object, **kwargs: object) -> object:
            self.calls.append(name)
            return read(*args, **kwargs)

        setattr(owner, name, counted)


def unit_rows(review: ReviewWindow) -> list[list[QTableWidgetItem | None]]:
    units = review.units
    return [[units.item(row, column) for column in range(units.columnCount())] for row in range(units.rowCount())]


def decision_cell(review: ReviewWindow, row: int) -> str:
    item = review.units.item(row, DECISION)
    assert item is not None
    return item.text()


def assert_review_shows_the_store(review: ReviewWindow, project: Project) -> None:
    """The window's review, units, gold outlines and counts are what reading everything again gives."""
    shown = review.review
    assert shown is not None and review.document_id is not None
    fresh = load_review(project, review.document_id, shown.layer_a, shown.layer_b)
    assert shown.comparison.units == fresh.comparison.units
    assert shown.decisions == fresh.decisions
    assert {s.id: s for s in shown.gold_spans} == {s.id: s for s in fresh.gold_spans}
    assert sorted(r.id for r in shown.gold_relations) == sorted(r.id for r in fresh.gold_relations)
    expected = [decision_name(d.choice) if (d := fresh.decision(unit)) else "" for unit in fresh.units]
    assert [decision_cell(review, row) for row in range(review.units.rowCount())] == expected
    outlines = sorted((g.start, g.end) for g in (fresh.gold_span(unit) for unit in fresh.units) if g is not None)
    for pane in (review.compare.a, review.compare.b):
        assert sorted((o.start, o.end) for o in pane.view.overlays("gold")) == outlines
    decided = len(fresh.units) - len(fresh.undecided())
    status = document_status_name(project.repository.status(review.document_id, GOLD))
    assert f"; {decided} decided; gold {status}" in review.counts_label.text()
    assert settle_status(project, fresh) is project.repository.status(review.document_id, GOLD)


def test_a_decision_its_undo_and_redo_redraw_only_what_the_change_says(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    """Decide from the keyboard, undo and redo in the review window and from the main window: the
    units, the gold outlines and the counts are what the store holds, drawn from the gold session's
    change without reading either layer again, and the rows and the current unit stay."""
    window, review, _layers = open_review(qtbot, sample_project, tmp_path)
    changes: list[Change] = []
    apply = review.gold.apply

    def recording(edit: Edit) -> Change:
        change = apply(edit)
        changes.append(change)
        return change

    review.gold.apply = recording  # type: ignore[method-assign]
    reads = StoreReads(sample_project)
    rows = unit_rows(review)
    a_layer, b_layer = review.compare.a.view.layer, review.compare.b.view.layer
    assert review.review is not None
    keys = [unit_key(unit) for unit in review.review.units]

    def press(key_pressed: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> Change:
        reads.calls.clear()
        before = len(changes)
        key(qtbot, key_pressed, modifiers)
        assert len(changes) == before + 1, "one key, one change of gold"
        assert reads.calls == [], "the review was read again"
        assert unit_rows(review) == rows and all(cell is not None for row in rows for cell in row)
        assert (review.compare.a.view.layer, review.compare.b.view.layer) == (a_layer, b_layer)
        assert review.units.currentRow() == review.current
        assert_review_shows_the_store(review, sample_project)
        return changes[-1]

    key(qtbot, Qt.Key.Key_N)
    while True:  # the first disagreement both layers have a span of: it brings a relation into gold
        unit = review.current_unit()
        assert unit is not None
        if unit.a is not None and unit.b is not None and unit.a.label == "CLAIM":
            break
        key(qtbot, Qt.Key.Key_N)
    first = review.current
    assert first is not None
    claim = press(Qt.Key.Key_1)
    [decision] = claim.decisions_added
    assert (claim.decisions_removed, decision.unit, claim.removed) == ((), keys[first], ())
    [gold_claim] = claim.added
    assert gold_claim.text == unit.a.text and review.review.gold_span(review.review.units[first]) == gold_claim
    assert review.current != first, "the review went on to the next undecided unit"

    kcna = next(i for i, u in enumerate(review.review.units) if u.a is not None and u.a.label == "ORG" and u.b)
    review.set_current(kcna)
    agency = press(Qt.Key.Key_2)
    [relation] = agency.relations_added
    assert (relation.head, relation.tail) == (gold_claim.id, agency.added[0].id)
    assert review.review.gold_relations == (relation,)

    undone = press(Qt.Key.Key_Z, CTRL)
    assert (undone.decisions_removed, undone.added, undone.relations_removed) == (
        agency.decisions_added,
        (),
        (relation,),
    )
    assert review.current == kcna and decision_cell(review, kcna) == ""
    redone = press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert redone.decisions_added == agency.decisions_added and redone.relations_added == (relation,)

    # Accept and edit the next unit: the gold copy shrinks by a word, its outline with it.
    review.set_current(first)
    edited = press(Qt.Key.Key_E)
    [gold_copy] = [s for s in edited.added if s.label == "CLAIM"]
    assert edited.decisions_removed == claim.decisions_added and review.gold_editor.editing == gold_copy.id
    shrunk = press(Qt.Key.Key_BracketLeft)
    assert shrunk.removed == (gold_copy,) and shrunk.added[0].end < gold_copy.end
    assert review.gold_editor.editing == gold_copy.id, "still editing the same gold copy"
    key(qtbot, Qt.Key.Key_Return)

    # Ctrl+Z in the main window takes back the last edit of gold through the same change.
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.setFocus()
    reads.calls.clear()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert reads.calls == [] and changes[-1].removed == shrunk.added and changes[-1].added == shrunk.removed
    assert unit_rows(review) == rows
    assert_review_shows_the_store(review, sample_project)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert changes[-1].decisions_removed == edited.decisions_added
    assert review.current == first
    assert_review_shows_the_store(review, sample_project)


# -- the relation arcs ------------------------------------------------------------------------------


def test_arcs_follow_what_each_change_says_of_the_relations(qtbot: QtBot, sample_project: Project) -> None:
    """Relate, delete an arc, delete a span with its relations, relabel an end, undo and redo, all
    from the keyboard (and a click on an arc): after each, the arcs are the session's relations,
    as the change said, every arc is drawn between the spans as they are now, and so it is stored."""
    window = open_window(qtbot, sample_project)
    window.resize(1400, 1000)
    window.select_row(document_row(window, LAVROV))
    window.view.setFocus()
    analyst = Analyst(qtbot, window)
    session = window.annotations.session
    arcs = window.relation_arcs.arcs
    changes: list[Change] = []
    apply = session.apply

    def recording(edit: Edit) -> Change:
        change = apply(edit)
        changes.append(change)
        return change

    session.apply = recording  # type: ignore[method-assign]
    claim = analyst.tag("الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين", "c")
    agency = analyst.tag("وكالة الأنباء المركزية الكورية الشمالية", "o")
    lavrov = analyst.tag("سيرغي لافروف", "p")
    document = session.document_id
    assert document is not None

    def drawn() -> dict[str, tuple[str, str]]:
        window.view.viewport().repaint()
        return {arc.relation.id: (arc.head.span.id, arc.tail.span.id) for arc in arcs.drawn}

    def arcs_follow(step: Callable[[], object]) -> Change:
        before = {r.id for r in arcs.relations}
        count = len(changes)
        step()
        assert len(changes) == count + 1
        change = changes[-1]
        expected = (before - {r.id for r in change.relations_removed}) | {r.id for r in change.relations_added}

        def ends_as_they_are() -> bool:  # the arcs follow the layer once the view has painted the change
            return all(
                (arc.head.span, arc.tail.span) == (session.span(arc.relation.head), session.span(arc.relation.tail))
                for arc in arcs.drawn
            )

        qtbot.waitUntil(lambda: {r.id for r in arcs.relations} == expected == drawn().keys() and ends_as_they_are())
        assert expected == {r.id for r in session.relations} == {r.id for r in sample_project.relations(document)}
        assert drawn() == {r.id: (r.head, r.tail) for r in session.relations}
        return change

    def relate(head: str, relation_key: str, tail: str) -> None:
        analyst.choose_span(head)
        analyst.relate(relation_key, tail)

    source = arcs_follow(lambda: relate(claim, "s", agency)).relations_added[0]
    claimant = arcs_follow(lambda: relate(claim, "a", lavrov)).relations_added[0]
    assert (source.label, claimant.label) == ("SOURCE", "CLAIMANT")

    def delete_arc() -> None:
        [arc] = [a for a in arcs.drawn if a.relation.id == source.id]
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=arc.label_rect.center().toPoint())
        assert arcs.selected_id == source.id
        analyst.press(Qt.Key.Key_Delete, NO, window.view)

    assert arcs_follow(delete_arc).relations_removed == (source,)
    assert arcs_follow(lambda: analyst.press(Qt.Key.Key_Z, CTRL, window.view)).relations_added == (source,)
    assert arcs_follow(lambda: analyst.press(Qt.Key.Key_Z, CTRL | SHIFT, window.view)).relations_removed == (source,)
    arcs_follow(lambda: analyst.press(Qt.Key.Key_Z, CTRL, window.view))

    def delete_span() -> None:
        analyst.choose_span(agency)
        analyst.press(Qt.Key.Key_Delete, NO, window.view)

    gone = arcs_follow(delete_span)
    assert [s.id for s in gone.removed] == [agency] and gone.relations_removed == (source,)
    arcs_follow(lambda: analyst.press(Qt.Key.Key_Z, CTRL, window.view))

    def relabel_end() -> None:
        analyst.choose_span(lavrov)
        analyst.type("n", window.view)  # NORP

    relabelled = arcs_follow(relabel_end)
    assert [s.label for s in relabelled.added] == ["NORP"] and relabelled.relations_added == ()
    [arc] = [a for a in arcs.drawn if a.relation.id == claimant.id]
    assert arc.tail.span.label == "NORP", "the arc's end is the span as it is now"
    arcs_follow(lambda: analyst.press(Qt.Key.Key_Z, CTRL, window.view))
    assert {r.id for r in arcs.relations} == {source.id, claimant.id}


def test_the_review_is_read_again_after_an_edit_in_the_main_window_only_if_it_shows_that_layer(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    window, review, _layers = open_review(qtbot, sample_project, tmp_path)
    reads = StoreReads(sample_project)
    analyst = Analyst(qtbot, window)

    def tag_in_the_main_window(phrase: str) -> str:
        with qtbot.waitActive(window):
            window.activateWindow()
        reads.calls.clear()
        return analyst.tag(phrase, "l")

    review.set_layers(TEAMMATE, None)  # the teammate's layer alone: the main window's is not shown
    shown = review.compare.a.view.layer
    tagged = tag_in_the_main_window("كوالالمبور")
    assert "spans" not in reads.calls, "a layer the review does not show was edited"
    assert review.compare.a.view.layer is shown

    review.set_layers("tester", TEAMMATE)
    assert review.review is not None and tagged in review.review.unit_of_span
    tag_in_the_main_window("العاصمة الماليزية")
    assert "spans" in reads.calls
    assert_review_shows_the_store(review, sample_project)
    new_units = [u for u in review.review.units if u.a is not None and u.a.text == "العاصمة الماليزية"]
    assert [u.status for u in new_units] == [UnitStatus.ONLY_A]
