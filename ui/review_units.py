"""The review window's table of comparison units: one row a unit, its status, both sides and the decision."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from annotator.agreement import ComparisonUnit
from annotator.edits import DecisionChoice
from annotator.review import Review, unit_key
from ui.compare_view import status_name
from ui.rtl import RtlTextDelegate

# English source texts, shown in the interface language.
DECISION_NAMES = {
    DecisionChoice.ACCEPT_A: str(QT_TRANSLATE_NOOP("Decision", "accepted A")),
    DecisionChoice.ACCEPT_B: str(QT_TRANSLATE_NOOP("Decision", "accepted B")),
    DecisionChoice.REJECT: str(QT_TRANSLATE_NOOP("Decision", "rejected")),
    DecisionChoice.EDIT: str(QT_TRANSLATE_NOOP("Decision", "edited")),
}
UNIT_COLUMNS = ("status", "A label", "A text", "B label", "B text", "decision")
UNIT_HEADERS = (
    str(QT_TRANSLATE_NOOP("ReviewWindow", "Status")),
    str(QT_TRANSLATE_NOOP("ReviewWindow", "A label")),
    str(QT_TRANSLATE_NOOP("ReviewWindow", "A text")),
    str(QT_TRANSLATE_NOOP("ReviewWindow", "B label")),
    str(QT_TRANSLATE_NOOP("ReviewWindow", "B text")),
    str(QT_TRANSLATE_NOOP("ReviewWindow", "Decision")),
)
DECISION = UNIT_COLUMNS.index("decision")


def decision_name(choice: DecisionChoice) -> str:
    return QCoreApplication.translate("Decision", DECISION_NAMES[choice])


class UnitsTable(QTableWidget):
    """The units of a review in order; a decision rewrites the decision cell of its row only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(UNIT_COLUMNS), parent)
        self.setObjectName("review-units")
        self.setHorizontalHeaderLabels([QCoreApplication.translate("ReviewWindow", h) for h in UNIT_HEADERS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (UNIT_COLUMNS.index("A text"), UNIT_COLUMNS.index("B text")):
            self.setItemDelegateForColumn(column, RtlTextDelegate(self))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._rows: dict[str, int] = {}

    def row_of(self, key: str) -> int | None:
        """The row of the unit named ``key`` (see ``review.unit_key``)."""
        return self._rows.get(key)

    def show_review(self, review: Review | None) -> None:
        """Every unit of ``review`` (none without one), each row made anew."""
        units = review.units if review is not None else ()
        self._rows = {unit_key(unit): row for row, unit in enumerate(units)}
        self.blockSignals(True)
        self.setRowCount(len(units))
        for row, unit in enumerate(units):
            assert review is not None
            for column, text in enumerate((*self._sides(unit), self._decision(review, unit))):
                self.setItem(row, column, QTableWidgetItem(text))
        self.blockSignals(False)

    def show_decisions(self, review: Review, keys: Iterable[str]) -> None:
        """The decision cells of the units named ``keys``, as ``review`` has them now."""
        for key in keys:
            row = self._rows.get(key)
            item = self.item(row, DECISION) if row is not None else None
            if item is not None:
                item.setText(self._decision(review, review.units[row]))  # type: ignore[index]

    def _sides(self, unit: ComparisonUnit) -> tuple[str, ...]:
        status = (
            QCoreApplication.translate("ReviewWindow", "{status} (attributes)").format(status=status_name(unit.status))
            if unit.attribute_differences or unit.ref_differs
            else status_name(unit.status)
        )
        return (
            status,
            unit.a.label if unit.a else "",
            unit.a.text if unit.a else "",
            unit.b.label if unit.b else "",
            unit.b.text if unit.b else "",
        )

    @staticmethod
    def _decision(review: Review, unit: ComparisonUnit) -> str:
        decision = review.decision(unit)
        return decision_name(decision.choice) if decision else ""
