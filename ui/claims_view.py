"""The claims ledger window: every claim of a layer over the corpus, grouped by proposition.

Groups list who asserts and who denies their claim (in order of date) and are marked when
contested; their claims follow, each with its claimant, source, target, denier, date, claim
type, certainty and document. Filters by entity, claim type, stance and dates; Enter (or a
double click) on a claim opens it in its document. Groups can be joined ("the same claim") and claims split off or put
back; those choices are kept in the project. Below, the chart of claims over time by stance.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.claims import Claim, ClaimFilter, ClaimGroup, Mention, Position, gather_claims, group_claims
from annotator.claims_export import ledger_csv, ledger_jsonl
from annotator.claims_ledger import group_choices, join_groups, restore_claims, split_claims
from annotator.formats.atomic import atomic_write
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.schema import Label
from ui.claims_chart import ClaimsChart
from ui.file_dialogs import save_file_name
from ui.i18n import display_name
from ui.plain import plain_label, show_message
from ui.refusals import error_text
from ui.rtl import RtlTextDelegate

CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
TEXT, DATE, STANCE, CLAIMANT, SOURCE, TARGET, DENIED_BY, KIND, CERTAINTY, DOCUMENT = range(10)
CONTESTED_COLOUR = "#b2182b"


def shown_names(mentions: tuple[Mention, ...] | list[Mention]) -> str:
    return "، ".join(m.shown for m in mentions)


class ClaimsLedgerWindow(QMainWindow):
    """The ledger of one layer; ``claim_chosen`` (document id, claim span id, layer) asks to show a claim."""

    claim_chosen = Signal(str, str, str)

    def __init__(self, project: Project, layer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claims-ledger")
        self.project = project
        self.setWindowTitle(self.tr("Claims Ledger"))
        self.claims: list[Claim] = []
        self.groups: list[ClaimGroup] = []  # all of them, as grouped
        self.shown: list[ClaimGroup] = []  # the groups with claims the filter lets through, with only those

        self.layer = QComboBox()
        self.layer.setObjectName("claims-layer")
        self.entity = QLineEdit()
        self.entity.setObjectName("claims-entity")
        self.entity.setPlaceholderText(self.tr("Entity: a name or a registry id"))
        self.entity.setClearButtonEnabled(True)
        self.claim_type = QComboBox()
        self.stance = QComboBox()
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(self.tr("From (2024, 2024-06)"))
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(self.tr("To"))
        self._fill_choices()
        filters = QHBoxLayout()
        for widget in (self.layer, self.entity, self.claim_type, self.stance, self.date_from, self.date_to):
            filters.addWidget(widget)
        filters.setStretch(1, 3)

        self.tree = QTreeWidget()
        self.tree.setObjectName("claims-tree")
        self.tree.setColumnCount(10)
        self.tree.setHeaderLabels(
            [
                self.tr("Claim"),
                self.tr("Date"),
                self.tr("Stance"),
                self.tr("Claimant"),
                self.tr("Reported by"),
                self.tr("Target"),
                self.tr("Denied by"),
                self.tr("Type"),
                self.tr("Certainty"),
                self.tr("Document"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.setUniformRowHeights(True)
        delegate = RtlTextDelegate(self.tree)
        for column in (TEXT, CLAIMANT, SOURCE, TARGET, DENIED_BY, DOCUMENT):
            self.tree.setItemDelegateForColumn(column, delegate)
        header = self.tree.header()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TEXT, 300)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemSelectionChanged.connect(self._selection_changed)

        self.join_button = QPushButton(self.tr("&Join Groups"))
        self.join_button.setToolTip(self.tr("Make the selected groups one: the same claim"))
        self.split_button = QPushButton(self.tr("&Split Off"))
        self.split_button.setToolTip(self.tr("Put the selected claims in a group of their own"))
        self.restore_button = QPushButton(self.tr("&Regroup by Type and Target"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.jsonl_button = QPushButton(self.tr("Export JSON&L…"))
        self.summary = plain_label()
        buttons = QHBoxLayout()
        for button in (self.join_button, self.split_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.jsonl_button)
        self.join_button.clicked.connect(self.join_selected)
        self.split_button.clicked.connect(self.split_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.csv_button.clicked.connect(lambda: self.export_dialog(".csv"))
        self.jsonl_button.clicked.connect(lambda: self.export_dialog(".jsonl"))

        self.chart = ClaimsChart()
        self.chart.setObjectName("claims-chart")
        self.chart.group_clicked.connect(self.select_group)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        stack = QVBoxLayout(top)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addLayout(filters)
        stack.addWidget(self.tree, 1)
        stack.addLayout(buttons)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self.resize(1200, 760)

        for widget in (self.layer, self.claim_type, self.stance):
            widget.currentIndexChanged.connect(self._filters_changed)
        for line in (self.entity, self.date_from, self.date_to):
            line.textChanged.connect(self._filters_changed)
        self.layer.currentIndexChanged.connect(self.reload)
        self._select_layer(layer)
        QShortcut(QKeySequence.StandardKey.Find, self, self.entity.setFocus)
        self.reload()

    # -- choices --------------------------------------------------------------------------------

    def _claim_label(self) -> Label | None:
        return next((label for label in self.project.schema.labels if label.name == "CLAIM"), None)

    def choice_names(self, attribute: str) -> dict[str, str]:
        label = self._claim_label()
        if label is None or not any(a.name == attribute for a in label.attributes):
            return {}
        return {choice.value: display_name(choice) for choice in label.attribute(attribute).choices}

    def _fill_choices(self) -> None:
        self.layer.addItems(self.project.repository.annotators() or [self.project.annotator])
        for combo, attribute, every in (
            (self.claim_type, "claim_type", self.tr("Every type")),
            (self.stance, "stance", self.tr("Every stance")),
        ):
            combo.addItem(every, "")
            for value, name in self.choice_names(attribute).items():
                combo.addItem(name, value)

    def _select_layer(self, layer: str) -> None:
        if self.layer.findText(layer) < 0:
            self.layer.addItem(layer)
        self.layer.setCurrentIndex(self.layer.findText(layer))

    @property
    def current_layer(self) -> str:
        return self.layer.currentText()

    def current_filter(self) -> ClaimFilter:
        return ClaimFilter(
            entity=self.entity.text().strip(),
            claim_type=str(self.claim_type.currentData() or ""),
            stance=str(self.stance.currentData() or ""),
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
        )

    # -- filling ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the layer's claims and the stored grouping again."""
        self.claims = gather_claims(self.project, self.current_layer)
        self.groups = group_claims(self.claims, group_choices(self.project))
        self._filters_changed()

    def _filters_changed(self) -> None:
        chosen = self.current_filter()
        self.shown = []
        for group in self.groups:
            admitted = tuple(chosen.apply(group.claims))
            if admitted:
                self.shown.append(ClaimGroup(group.key, admitted))
        self._fill_tree()
        names = {g.key: self.group_title(g) for g in self.shown}
        contested = {g.key for g in self.groups if g.contested}
        self.chart.set_data(self.shown, names, self.choice_names("stance"), self.tr("undated"), contested)
        claims = sum(len(g.claims) for g in self.shown)
        self.summary.setText(
            self.tr("%n claim(s)", "", claims)
            + " · "
            + self.tr("%n group(s)", "", len(self.shown))
            + " · "
            + self.tr("%n contested", "", len(contested & set(names)))
        )

    def is_contested(self, key: str) -> bool:
        return any(g.key == key and g.contested for g in self.groups)

    def group_title(self, group: ClaimGroup) -> str:
        types = self.choice_names("claim_type")
        kind = " + ".join(types.get(t, t) for t in group.claim_type.split("+")) or self.tr("claim")
        about = shown_names(list(group.targets))
        return f"{kind} — {about}" if about else kind

    def _fill_tree(self) -> None:
        stances = self.choice_names("stance")
        kinds = self.choice_names("claim_type")
        certainties = self.choice_names("certainty")
        self.tree.clear()
        for group in self.shown:
            contested = self.is_contested(group.key)
            item = QTreeWidgetItem(self.tree)
            title = self.group_title(group)
            item.setText(TEXT, ("⚠ " if contested else "") + title + f"  ({len(group.claims)})")
            item.setText(DATE, group.first_date or "")
            item.setText(STANCE, self.tr("contested") if contested else "")
            item.setText(CLAIMANT, shown_names(group.parties(Position.ASSERTS)))
            item.setText(DENIED_BY, shown_names(group.parties(Position.DENIES)))
            item.setToolTip(TEXT, self.stand_lines(group))
            item.setData(TEXT, GROUP_ROLE, group.key)
            font = item.font(TEXT)
            font.setBold(True)
            for column in range(self.tree.columnCount()):
                item.setFont(column, font)
                if contested:
                    item.setForeground(column, QColor(CONTESTED_COLOUR))
            for claim in group.claims:
                child = QTreeWidgetItem(item)
                child.setText(TEXT, claim.text)
                child.setText(DATE, claim.date or "")
                child.setText(STANCE, stances.get(claim.stance, claim.stance))
                child.setText(CLAIMANT, shown_names(list(claim.claimants)))
                child.setText(SOURCE, shown_names(list(claim.sources)))
                child.setText(TARGET, shown_names(list(claim.targets)))
                child.setText(DENIED_BY, shown_names(list(claim.deniers)))
                child.setText(KIND, kinds.get(claim.claim_type, claim.claim_type))
                child.setText(CERTAINTY, certainties.get(claim.certainty, claim.certainty))
                child.setText(DOCUMENT, claim.document_title)
                child.setToolTip(TEXT, claim.text)
                child.setData(TEXT, CLAIM_ROLE, claim.id)
            item.setExpanded(True)

    def stand_lines(self, group: ClaimGroup) -> str:
        """Who asserts, denies or questions the group's claim, in order of date, one per line."""
        words = {
            Position.ASSERTS: self.tr("asserts"),
            Position.DENIES: self.tr("denies"),
            Position.QUESTIONS: self.tr("questions"),
        }
        return "\n".join(
            f"{s.date or self.tr('undated')}  {s.party.shown}  {words[s.position]}" for s in group.stands()
        )

    # -- selection, jumping -------------------------------------------------------------------

    def _claim(self, item: QTreeWidgetItem) -> Claim | None:
        claim_id = item.data(TEXT, CLAIM_ROLE)
        return next((c for c in self.claims if c.id == claim_id), None) if claim_id else None

    def _group(self, key: object) -> ClaimGroup | None:
        return next((g for g in self.groups if g.key == key), None)

    def selected_claims(self) -> list[Claim]:
        return [c for c in map(self._claim, self.tree.selectedItems()) if c is not None]

    def selected_groups(self) -> list[ClaimGroup]:
        found = [self._group(item.data(TEXT, GROUP_ROLE)) for item in self.tree.selectedItems()]
        return [g for g in found if g is not None]

    def _selection_changed(self) -> None:
        items = self.tree.selectedItems()
        key = None
        if items:
            item = items[0]
            parent = item.parent()
            key = (parent or item).data(TEXT, GROUP_ROLE)
        self.chart.set_current(str(key) if key else None)
        self.join_button.setEnabled(len(self.selected_groups()) >= 2)
        self.split_button.setEnabled(bool(self.selected_claims()))

    def select_group(self, key: str) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(TEXT, GROUP_ROLE) == key:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        claim = self._claim(item)
        if claim is None:
            item.setExpanded(not item.isExpanded())
            return
        self.claim_chosen.emit(claim.document_id, claim.id, self.current_layer)

    # -- grouping ---------------------------------------------------------------------------------

    def _change(self, change: Callable[[], None]) -> None:
        try:
            change()
        except ProjectError as error:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Not done"), error_text(error))
            return
        self.reload()

    def join_selected(self) -> None:
        groups = self.selected_groups()
        if len(groups) >= 2:
            self._change(lambda: join_groups(self.project, groups))

    def split_selected(self) -> None:
        claims = self.selected_claims()
        if claims:
            self._change(lambda: split_claims(self.project, claims))

    def restore_selected(self) -> None:
        claims = self.selected_claims() or [c for g in self.selected_groups() for c in g.claims]
        if claims:
            self._change(lambda: restore_claims(self.project, claims))

    # -- export -----------------------------------------------------------------------------------

    def export(self, path: Path) -> None:
        """Write the groups shown (as filtered) as CSV (a .csv name) or JSONL."""
        data = ledger_csv(self.shown) if path.suffix.lower() == ".csv" else ledger_jsonl(self.shown)
        atomic_write(path, data)

    def export_dialog(self, suffix: str) -> None:
        filter_text = self.tr("CSV (*.csv)") if suffix == ".csv" else self.tr("JSON Lines (*.jsonl)")
        name = save_file_name(self, self.tr("Export Claims"), f"claims{suffix}", filter_text)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            self.export(path)
        except OSError as error:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Not exported"), error_text(error))
            return
        self.statusBar().showMessage(self.tr("Written: {path}").format(path=path), 10000)
