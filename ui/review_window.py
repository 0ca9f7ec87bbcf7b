"""The review window: compare two layers of a document, adjudicate unit by unit into gold, and
read the agreement dashboard.

Every decision is a domain edit pushed on the main window's undo stack, so one Ctrl+Z history
covers annotating and reviewing alike. Decisions and edits of gold go through a session on the
gold layer; what its change says (the units decided, gold's copies and relations) is redrawn, and
the review is read again only when other layers are chosen, or the main window or another
process changed the layers shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement import ComparisonUnit, RelationStatus, UnitStatus
from annotator.edits import Decision, DecisionChoice, Edit, document_of
from annotator.model import GOLD
from annotator.preferences import Language
from annotator.project import Project
from annotator.registry import Registry
from annotator.repository import ProjectError
from annotator.review import (
    Review,
    ReviewError,
    accept_full_agreements,
    decide,
    decisions_in,
    differing_relations,
    load_review,
    next_disagreement,
    next_undecided,
    review_after,
    settle_status,
    unit_key,
)
from annotator.schema import AttributeSpec, Schema
from annotator.session import Change, DocumentSession
from ui.annotation_controller import edit_name
from ui.compare_view import CompareView, status_name
from ui.dashboard import Dashboard
from ui.document_list import status_name as document_status_name
from ui.gold_editing import GoldEditor
from ui.i18n import current, display_name
from ui.plain import plain_label, show_message, visible_controls
from ui.refusals import error_text, refusal_text
from ui.review_units import UnitsTable
from ui.rtl import RtlTextDelegate
from ui.status_messages import give_messages_room
from ui.undo_command import EditCommand
from ui.window_size import fit_on_screen

if TYPE_CHECKING:
    pass

NO_LAYER = ""  # the data of the "(none)" choice of layer B
# English source texts, shown in the interface language.
UNDO_NAMES = {
    DecisionChoice.ACCEPT_A: str(QT_TRANSLATE_NOOP("Decision", "Accept A {label}")),
    DecisionChoice.ACCEPT_B: str(QT_TRANSLATE_NOOP("Decision", "Accept B {label}")),
    DecisionChoice.REJECT: str(QT_TRANSLATE_NOOP("Decision", "Reject {label}")),
    DecisionChoice.EDIT: str(QT_TRANSLATE_NOOP("Decision", "Accept and edit {label}")),
}
RELATION_STATUS = {
    RelationStatus.AGREED: UnitStatus.AGREED,
    RelationStatus.LABEL_MISMATCH: UnitStatus.LABEL_MISMATCH,
    RelationStatus.ONLY_A: UnitStatus.ONLY_A,
    RelationStatus.ONLY_B: UnitStatus.ONLY_B,
}


def undo_name(choice: DecisionChoice, unit: ComparisonUnit) -> str:
    """The Undo menu's name of a decision, such as "Reject PER", in the interface language."""
    span = unit.a if choice is not DecisionChoice.ACCEPT_B and unit.a is not None else unit.b
    label = span.label if span is not None else ""
    return QCoreApplication.translate("Decision", UNDO_NAMES[choice]).format(label=label).strip()


def _isolated(text: str) -> str:
    """Text of either direction set apart (FSI ... PDI), so it cannot reorder the line around it."""
    return f"\u2068{text}\u2069"


def _where(unit: ComparisonUnit) -> str:
    span = unit.a or unit.b
    return f"{span.label} {_isolated(span.text)}" if span is not None else f"[{unit.start}, {unit.end})"


def _attribute(schema: Schema, label: str, name: str) -> AttributeSpec | None:
    if not schema.has_label(label):
        return None
    return next((spec for spec in schema.label(label).attributes if spec.name == name), None)


def _value(spec: AttributeSpec | None, value: Any, registry: Registry | None = None) -> str:
    if value is None or value == "":
        return "—"
    choice = next((c for c in spec.choices if c.value == value), None) if spec is not None else None
    if choice is not None:
        return display_name(choice)
    entry = registry.get(value) if registry is not None and isinstance(value, str) else None
    if entry is not None:  # a registry link or treaty: its name, not its identifier
        english = current() is not Language.ARABIC and entry.name_en
        return _isolated(visible_controls(entry.name_en if english and entry.name_en else entry.name_ar))
    return _isolated(visible_controls(str(value)))


def difference_lines(review: Review, schema: Schema, registry: Registry | None = None) -> list[str]:
    """Attribute, link and relation differences, one line each, in the interface language.

    Registry links and treaties are named as the registry names them, not by their identifiers."""
    translate = QCoreApplication.translate
    lines: list[str] = []
    for unit in review.units:
        span = unit.a or unit.b
        for difference in unit.attribute_differences:
            spec = _attribute(schema, span.label, difference.name) if span is not None else None
            lines.append(
                translate("ReviewWindow", "{where}: {attribute} A={a} B={b}").format(
                    where=_where(unit),
                    attribute=display_name(spec) if spec is not None else visible_controls(difference.name),
                    a=_value(spec, difference.a_value, registry),
                    b=_value(spec, difference.b_value, registry),
                )
            )
        if unit.ref_differs and unit.a is not None and unit.b is not None:
            lines.append(
                translate("ReviewWindow", "{where}: registry link A={a} B={b}").format(
                    where=_where(unit), a=_value(None, unit.a.ref, registry), b=_value(None, unit.b.ref, registry)
                )
            )
    for relation_unit, head, tail in differing_relations(review):
        lines.append(
            translate("ReviewWindow", "relation {labels} ({status}): {head} → {tail}").format(
                labels=" / ".join(r.label for r in (relation_unit.a, relation_unit.b) if r is not None),
                status=status_name(RELATION_STATUS[relation_unit.status]),
                head=_isolated(head.text) if head else "?",
                tail=_isolated(tail.text) if tail else "?",
            )
        )
    return lines


class ReviewWindow(QMainWindow):
    """Shows any one layer, or compares two; decisions go into gold through ``undo_stack``."""

    def __init__(self, project: Project, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Hashiya — Review"))
        self.project = project
        self.undo_stack = undo_stack
        # Decisions and edits of the gold copy go through the session of the gold layer.
        self.gold = DocumentSession(project, GOLD)
        self.document_id: str | None = None
        self.review: Review | None = None
        self.current: int | None = None

        self.document_box = QComboBox()
        self.document_box.setObjectName("review-document")
        self.document_box.setItemDelegate(RtlTextDelegate(self.document_box))
        self.a_box = QComboBox()
        self.a_box.setObjectName("review-layer-a")
        self.b_box = QComboBox()
        self.b_box.setObjectName("review-layer-b")
        chooser = QHBoxLayout()
        chooser.addWidget(plain_label(self.tr("Document:")))
        chooser.addWidget(self.document_box, 3)
        chooser.addWidget(plain_label(self.tr("Layer A:")))
        chooser.addWidget(self.a_box, 1)
        chooser.addWidget(plain_label(self.tr("Layer B:")))
        chooser.addWidget(self.b_box, 1)

        self.compare = CompareView()
        # The gold span being edited after "Accept and edit".
        self.gold_editor = GoldEditor(
            project,
            self.gold,
            self.statusBar(),
            (self.compare.a.view, self.compare.b.view),
            self._commit,
            self._enable_decisions,
            self._advance,
        )
        self.units = UnitsTable()
        self.differences = QListWidget()
        self.differences.setObjectName("review-differences")
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.units)
        differences_box = QWidget()
        differences_layout = QVBoxLayout(differences_box)
        differences_layout.setContentsMargins(0, 0, 0, 0)
        differences_layout.addWidget(plain_label(self.tr("Relation and attribute differences:")))
        differences_layout.addWidget(self.differences)
        side.addWidget(differences_box)
        side.setSizes([400, 160])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.compare)
        body.addWidget(side)
        body.setSizes([460, 300])

        compare_tab = QWidget()
        compare_layout = QVBoxLayout(compare_tab)
        compare_layout.addLayout(chooser)
        compare_layout.addWidget(body, 1)
        self.dashboard = Dashboard(project)
        self.tabs = QTabWidget()
        self.tabs.addTab(compare_tab, self.tr("&Compare"))
        self.tabs.addTab(self.dashboard, self.tr("&Dashboard"))
        self.setCentralWidget(self.tabs)
        self.counts_label = plain_label()
        self.statusBar().addPermanentWidget(self.counts_label)
        give_messages_room(self.statusBar(), [self.counts_label])

        self._build_actions()
        self.document_box.currentIndexChanged.connect(self._on_document_chosen)
        self.a_box.currentIndexChanged.connect(lambda _index: self.reload())
        self.b_box.currentIndexChanged.connect(lambda _index: self.reload())
        self.units.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.set_current(row))
        self.compare.unit_clicked.connect(self.set_current)
        self.tabs.currentChanged.connect(self._on_tab)
        for watched in (self.compare.a.view, self.compare.b.view, self.units):
            watched.installEventFilter(self)
        fit_on_screen(self, 1280, 800)

    # -- actions --------------------------------------------------------------------------------

    def _action(self, text: str, keys: list[str], slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.next_action = self._action(self.tr("&Next Disagreement"), ["N", "F8"], lambda: self.step(1))
        self.previous_action = self._action(self.tr("&Previous Disagreement"), ["P", "Shift+F8"], lambda: self.step(-1))
        self.accept_a_action = self._action(self.tr("Accept &A"), ["1"], lambda: self.decide(DecisionChoice.ACCEPT_A))
        self.accept_b_action = self._action(self.tr("Accept &B"), ["2"], lambda: self.decide(DecisionChoice.ACCEPT_B))
        self.reject_action = self._action(self.tr("&Reject"), ["X"], lambda: self.decide(DecisionChoice.REJECT))
        self.edit_action = self._action(self.tr("Accept and &Edit"), ["E"], lambda: self.decide(DecisionChoice.EDIT))
        self.accept_all_action = self._action(self.tr("Accept All &Full Agreements"), ["Ctrl+Shift+A"], self.accept_all)
        self.close_action = self._action(self.tr("&Close"), ["Ctrl+W"], self.close)
        self.decision_actions = [
            self.next_action,
            self.previous_action,
            self.accept_a_action,
            self.accept_b_action,
            self.reject_action,
            self.edit_action,
            self.accept_all_action,
        ]
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("review-edit-menu")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        review_menu = self.menuBar().addMenu(self.tr("&Review"))
        review_menu.setObjectName("review-decisions-menu")
        for action in self.decision_actions:
            review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addAction(self.close_action)

    # -- what is shown ----------------------------------------------------------------------------

    def open_document(self, document_id: str) -> None:
        """Show ``document_id`` with the layers chosen before, or sensible ones for a first look."""
        self._fill_documents(document_id)
        self._fill_layers(document_id)
        self.document_id = document_id
        self.compare.show_document(self.project.document(document_id))
        self.reload()

    def _fill_documents(self, selected: str) -> None:
        self.document_box.blockSignals(True)
        self.document_box.clear()
        for summary in self.project.documents():
            self.document_box.addItem(visible_controls(summary.title), summary.id)
        index = self.document_box.findData(selected)
        self.document_box.setCurrentIndex(max(index, 0))
        self.document_box.blockSignals(False)

    def _fill_layers(self, document_id: str) -> None:
        names = [n for n in self.project.repository.annotators() if n != GOLD] + [GOLD]
        previous = (_layer_in(self.a_box), _layer_in(self.b_box))
        with_spans = [n for n in names if n != GOLD and self.project.spans(document_id, n)]
        if previous[0] in names:
            a = previous[0]
        elif self.project.annotator in with_spans:
            a = self.project.annotator
        else:
            a = with_spans[0] if with_spans else self.project.annotator
        if previous[1] in names or (previous[1] == NO_LAYER and previous[0]):
            b = previous[1]
        else:
            b = next((n for n in with_spans if n != a), NO_LAYER)
        for box, choices, chosen in ((self.a_box, names, a), (self.b_box, [NO_LAYER, *names], b)):
            box.blockSignals(True)
            box.clear()
            for name in choices if chosen in choices else [*choices, chosen]:
                self._add_layer(box, name)
            box.setCurrentIndex(box.findData(chosen))
            box.blockSignals(False)

    def _add_layer(self, box: QComboBox, name: str) -> None:
        box.addItem(visible_controls(name) if name != NO_LAYER else self.tr("(none)"), name)

    def set_layers(self, layer_a: str, layer_b: str | None) -> None:
        """Choose the layers shown (``layer_b`` None for layer A alone)."""
        for box, name in ((self.a_box, layer_a), (self.b_box, layer_b or NO_LAYER)):
            box.blockSignals(True)
            if box.findData(name) < 0:
                self._add_layer(box, name)
            box.setCurrentIndex(box.findData(name))
            box.blockSignals(False)
        self.reload()

    def _on_document_chosen(self, index: int) -> None:
        document_id = self.document_box.itemData(index)
        if isinstance(document_id, str) and document_id != self.document_id:
            self.open_document(document_id)

    @property
    def layer_a(self) -> str:
        return _layer_in(self.a_box) or ""

    @property
    def layer_b(self) -> str | None:
        return _layer_in(self.b_box) or None

    def reload(self) -> None:
        """Read both layers, the decisions and gold again, keeping the current unit."""
        document_id = self.document_id
        if document_id is None:
            return
        self.gold_editor.finish()
        self._read_gold(document_id)
        layer_b = self.layer_b
        if layer_b is None:
            self.review = None
            self.current = None
            self.compare.show_single(self.layer_a, self.project.spans(document_id, self.layer_a))
            self.units.show_review(None)
            self.differences.clear()
            spans = self.tr("%n span(s)", "", len(self.compare.a.view.spans))
            self.counts_label.setText(
                self.tr("{layer}: {spans}").format(layer=visible_controls(self.layer_a), spans=spans)
            )
            self._enable_decisions()
            return
        self.review = load_review(self.project, document_id, self.layer_a, layer_b)
        self.compare.show_review(self.review)
        self.units.show_review(self.review)
        self.differences.clear()
        self.differences.addItems(difference_lines(self.review, self.project.schema, self.project.registry))
        if self.current is not None and self.current >= len(self.review.units):
            self.current = None
        self._show_current()
        self._show_counts()
        self._enable_decisions()

    def _read_gold(self, document_id: str) -> None:
        """Open (or read again, after another process's changes) the gold layer of ``document_id``."""
        if self.gold.document_id == document_id:
            self.gold.reload()
        else:
            self.gold.open(document_id)
            self.gold.read_rest()

    def _show_counts(self) -> None:
        review = self.review
        if review is None or self.document_id is None:
            return
        counts = review.comparison.counts()
        part = self.tr("{count} {status}")
        parts = self.tr(", ").join(part.format(count=counts[status], status=status_name(status)) for status in counts)
        decided = len(review.units) - len(review.undecided())
        status = document_status_name(self.project.repository.status(self.document_id, GOLD))
        self.counts_label.setText(
            self.tr("%n unit(s): {parts}; {decided} decided; gold {status}", "", len(review.units)).format(
                parts=parts, decided=decided, status=status
            )
        )

    def _enable_decisions(self) -> None:
        adjudicating = self.review is not None and self.review.can_adjudicate and self.gold_editor.editing is None
        stepping = self.review is not None and self.gold_editor.editing is None
        for action in self.decision_actions:
            action.setEnabled(adjudicating)
        self.next_action.setEnabled(stepping)
        self.previous_action.setEnabled(stepping)

    # -- the current unit -----------------------------------------------------------------------

    def current_unit(self) -> ComparisonUnit | None:
        if self.review is None or self.current is None:
            return None
        return self.review.units[self.current]

    def set_current(self, index: int | None) -> None:
        """Make the unit of ``index`` the current one (an index out of range changes nothing)."""
        if index is not None and (self.review is None or not 0 <= index < len(self.review.units)):
            return
        self.current = index
        self._show_current()

    def _show_current(self) -> None:
        unit = self.current_unit()
        self.compare.show_current(unit)
        self.units.blockSignals(True)
        if self.current is None:
            self.units.clearSelection()
        else:
            self.units.selectRow(self.current)
            self.units.scrollTo(self.units.model().index(self.current, 0))
        self.units.blockSignals(False)

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) unit that is not a full agreement."""
        review = self.review
        if review is None or not review.units:
            return
        start = self.current if self.current is not None else (-1 if direction > 0 else 0)
        unit = next_disagreement(review, start, forwards=direction > 0)
        if unit is None:
            self.statusBar().showMessage(self.tr("The two layers agree fully on every unit."), 5000)
            return
        self.set_current(review.units.index(unit))

    # -- deciding -------------------------------------------------------------------------------

    def decide(self, choice: DecisionChoice) -> None:
        review, unit = self.review, self.current_unit()
        if review is None or unit is None:
            self.statusBar().showMessage(self.tr("Choose a unit first: N goes to the next disagreement."), 5000)
            return
        try:
            edit = decide(self.project, review, unit, choice)
        except ReviewError as error:
            self.statusBar().showMessage(error_text(error), 8000)
            return
        if not self._commit(edit, undo_name(choice, unit)):
            return
        if choice is DecisionChoice.EDIT:
            gold = gold_after(self.review, unit)
            if gold is not None:
                self.gold_editor.start(gold)
            return
        self._advance()

    def accept_all(self) -> None:
        if self.review is None or not self.review.can_adjudicate:
            return
        edit = accept_full_agreements(self.project, self.review)
        if edit is None:
            self.statusBar().showMessage(self.tr("There is no undecided full agreement."), 5000)
            return
        count = len(decisions_in(edit))
        if self._commit(edit, self.tr("Accept %n full agreement(s)", "", count)):
            self.statusBar().showMessage(self.tr("%n full agreement(s) copied into gold.", "", count), 8000)

    def _commit(self, edit: Edit, name: str | None = None) -> bool:
        """Apply ``edit`` now and put it on the shared undo stack, named ``name`` in the Undo menu."""
        if not self._apply(edit, follow=False):
            return False
        command = EditCommand(edit, lambda e: self._apply(e, follow=True), applied=True)
        command.setText(name if name is not None else edit_name(edit))
        self.undo_stack.push(command)
        return True

    def _apply(self, edit: Edit, *, follow: bool) -> bool:
        try:
            change = self.gold.apply(edit)
        except ProjectError as error:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Not done"), refusal_text(error))
            return False
        decisions = decisions_in(edit)
        target = document_of(edit)
        if decisions and target is not None and target != self.document_id:
            first = decisions[0]
            settle_status(self.project, load_review(self.project, target, first.layer_a, first.layer_b))
        if target == self.document_id:
            self._show_change(change, decisions if follow else [])
        return True

    def _show_change(self, change: Change, followed: list[Decision]) -> None:
        """Redraw what ``change`` of gold touched: the units' decisions, gold's outlines, the counts.

        ``followed`` are the decisions of an undo or redo: the current unit goes to the last one's.
        Gold shown as one of the layers, or read anew, is shown anew.
        """
        review = self.review
        if change.whole or review is None or not review.can_adjudicate:
            editing = self.gold_editor.editing
            self.reload()
            if editing is not None and self.gold.span(editing) is not None:
                self.gold_editor.start(editing)
        else:
            self.review, touched = review_after(review, change)
            self.compare.show_gold(self.review)
            self.units.show_decisions(self.review, touched)
        review = self.review
        if review is not None and review.can_adjudicate:
            decisions = (*change.decisions_removed, *change.decisions_added)
            if not decisions or any((d.layer_a, d.layer_b) == (review.layer_a, review.layer_b) for d in decisions):
                settle_status(self.project, review)
            self._show_counts()
        row = self.units.row_of(followed[-1].unit) if followed else None
        if row is not None:
            self.set_current(row)
        if self.gold_editor.editing is not None and self.gold.span(self.gold_editor.editing) is None:
            self.gold_editor.finish()

    def _advance(self) -> None:
        review = self.review
        if review is None:
            return
        start = self.current if self.current is not None else -1
        unit = next_undecided(review, start)
        if unit is None:
            unit = next((u for u in review.units if not review.is_decided(u)), None)
        if unit is None:
            self.statusBar().showMessage(self.tr("Every unit is decided: gold is marked reviewed."), 8000)
            return
        self.set_current(review.units.index(unit))

    # -- events ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.gold_editor.editing is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.gold_editor.key(event, watched)
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys no child used (focus on the tab bar, a button) still edit the gold copy."""
        if self.gold_editor.editing is not None and self.gold_editor.key(event, self):
            return
        super().keyPressEvent(event)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard:
            chosen = [n for n in (self.layer_a, self.layer_b) if n]
            others = [n for n in self.project.repository.annotators() if n not in chosen and n != GOLD]
            self.dashboard.set_layers([*chosen, *others, *([GOLD] if GOLD not in chosen else [])], chosen)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.gold_editor.finish()
        super().closeEvent(event)


def _layer_in(box: QComboBox) -> str | None:
    name = box.currentData()
    return name if isinstance(name, str) else None


def gold_after(review: Review | None, unit: ComparisonUnit) -> str | None:
    """The id of the gold span that deciding ``unit`` made, in the review read again since."""
    if review is None:
        return None
    key = unit_key(unit)
    found = next((u for u in review.units if unit_key(u) == key), None)
    gold = review.gold_span(found) if found is not None else None
    return gold.id if gold is not None else None
