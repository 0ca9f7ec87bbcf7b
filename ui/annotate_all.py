"""The review before "Annotate all occurrences": every hit with its context, accepted or skipped.

Keys: Space toggles the current hit, A accepts it and moves on, S skips it and moves on,
Enter annotates the accepted hits, Esc cancels. Hits already inside a span of the chosen label
are shown greyed out and are never annotated again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.occurrences import Occurrence
from annotator.search import Hit
from ui.plain import plain_label, plain_tooltip, visible_controls
from ui.rtl import RtlTextDelegate

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT, DOCUMENT = range(2)

AlreadyTagged = Callable[[Occurrence, str], bool]


def hit_context(hit: Hit) -> str:
    """The hit between « and » with its context, on one line."""
    return " ".join(f"…{hit.left}«{hit.text}»{hit.right}…".split())


class HitReviewList(QTreeWidget):
    """The hits with a check box each; A and S accept or skip and move to the next hit."""

    confirmed = Signal()  # Enter: annotate the accepted hits

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.confirmed.emit()
            return
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (Qt.Key.Key_A, Qt.Key.Key_S):
            item = self.currentItem()
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                accepted = event.key() == Qt.Key.Key_A
                item.setCheckState(CONTEXT, Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)
            below = self.itemBelow(item) if item is not None else None
            if below is not None:
                self.setCurrentItem(below)
            return
        super().keyPressEvent(event)


class AnnotateAllDialog(QDialog):
    """Choose the label (when it is not given by a span) and which hits to annotate."""

    def __init__(
        self,
        hits: Sequence[Hit],
        titles: dict[str, str],
        labels: Sequence[str],
        label: str,
        link_name: str | None,
        already_tagged: AlreadyTagged,
        *,
        label_fixed: bool,
        truncated_from: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotate All Occurrences"))
        self.resize(760, 520)
        self._hits = list(hits)
        self._already_tagged = already_tagged

        self.label_box = QComboBox()
        for name in labels:
            self.label_box.addItem(visible_controls(name), name)
        self.label_box.setCurrentIndex(max(self.label_box.findData(label), 0))
        self.label_box.setEnabled(not label_fixed)
        self.label_box.currentIndexChanged.connect(lambda _index: self._mark_already_tagged())
        if link_name:
            link = self.tr("linked to {name}").format(name=visible_controls(link_name))
        else:
            link = self.tr("without a registry link")
        header = QHBoxLayout()
        header.addWidget(plain_label(self.tr("Label:")))
        header.addWidget(self.label_box)
        header.addWidget(plain_label(link), 1)

        self.list = HitReviewList()
        self.list.setObjectName("annotate-all-hits")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Occurrence"), self.tr("Document")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegate(RtlTextDelegate(self.list))
        self.list.header().setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(DOCUMENT, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(False)
        for number, hit in enumerate(self._hits):
            item = QTreeWidgetItem([hit_context(hit), visible_controls(titles.get(hit.doc_id, hit.doc_id))])
            item.setData(CONTEXT, HIT_ROLE, number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(CONTEXT, Qt.CheckState.Checked)
            self.list.addTopLevelItem(item)
        self.list.itemChanged.connect(self._count)
        self.list.confirmed.connect(self._confirm)

        self.summary = plain_label()
        accept_all = QPushButton(self.tr("Accept All"))
        accept_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        skip_all = QPushButton(self.tr("Skip All"))
        skip_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.addButton(accept_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(skip_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        accept_all.setAutoDefault(False)
        skip_all.setAutoDefault(False)
        self.ok_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        help_text = self.tr(
            "Space toggles a hit, A accepts it and S skips it (both move on); Enter annotates, Esc cancels."
        )
        if truncated_from is not None:
            listed = self.tr("Only the first {listed} of %n hit(s) are listed.", "", truncated_from)
            help_text = f"{help_text} {listed.format(listed=len(self._hits))}"
        hint = plain_label(help_text)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._mark_already_tagged()
        items = self._items()
        if items:
            self.list.setCurrentItem(items[0])
        self.list.setFocus()

    def _confirm(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()

    @property
    def label(self) -> str:
        name = self.label_box.currentData()
        return name if isinstance(name, str) else ""

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(row) for row in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _mark_already_tagged(self) -> None:
        self.list.blockSignals(True)
        for item in self._items():
            hit = self._hits[int(item.data(CONTEXT, HIT_ROLE))]
            tagged = self._already_tagged(Occurrence(hit.doc_id, hit.start, hit.end), self.label)
            enabled = Qt.ItemFlag.ItemIsEnabled
            item.setFlags(item.flags() & ~enabled if tagged else item.flags() | enabled)
            if tagged:
                item.setCheckState(CONTEXT, Qt.CheckState.Unchecked)
                item.setToolTip(
                    CONTEXT,
                    plain_tooltip(self.tr("Already inside a {label} span").format(label=visible_controls(self.label))),
                )
            else:
                item.setToolTip(CONTEXT, "")
        self.list.blockSignals(False)
        self._count()

    def _check_all(self, state: Qt.CheckState) -> None:
        self.list.blockSignals(True)
        for item in self._items():
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(CONTEXT, state)
        self.list.blockSignals(False)
        self._count()

    def accepted_occurrences(self) -> list[Occurrence]:
        chosen = []
        for item in self._items():
            if item.flags() & Qt.ItemFlag.ItemIsEnabled and item.checkState(CONTEXT) == Qt.CheckState.Checked:
                hit = self._hits[int(item.data(CONTEXT, HIT_ROLE))]
                chosen.append(Occurrence(hit.doc_id, hit.start, hit.end))
        return chosen

    def _count(self) -> None:
        items = self._items()
        tagged = sum(1 for item in items if not item.flags() & Qt.ItemFlag.ItemIsEnabled)
        accepted = len(self.accepted_occurrences())
        self.summary.setText(
            self.tr(
                "{accepted} of %n hit(s) will be annotated as {label}; {tagged} already tagged.", "", len(items)
            ).format(accepted=accepted, label=visible_controls(self.label), tagged=tagged)
        )
        self.ok_button.setText(self.tr("Annotate {count}").format(count=accepted))
        self.ok_button.setEnabled(accepted > 0)
