"""The document list: title, length and status of every document, as a thin Qt model."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView

from annotator.model import DocumentStatus, DocumentSummary
from ui.plain import plain_tooltip, visible_controls

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# English source texts; status_name() gives them in the interface language.
STATUS_NAMES = {
    DocumentStatus.NEW: str(QT_TRANSLATE_NOOP("DocumentStatus", "new")),
    DocumentStatus.IN_PROGRESS: str(QT_TRANSLATE_NOOP("DocumentStatus", "in progress")),
    DocumentStatus.DONE: str(QT_TRANSLATE_NOOP("DocumentStatus", "done")),
    DocumentStatus.REVIEWED: str(QT_TRANSLATE_NOOP("DocumentStatus", "reviewed")),
}


def status_name(status: DocumentStatus) -> str:
    return QCoreApplication.translate("DocumentStatus", STATUS_NAMES[status])


class DocumentListModel(QAbstractTableModel):
    TITLE, LENGTH, STATUS = range(3)
    HEADERS = (
        str(QT_TRANSLATE_NOOP("DocumentListModel", "Title")),
        str(QT_TRANSLATE_NOOP("DocumentListModel", "Length")),
        str(QT_TRANSLATE_NOOP("DocumentListModel", "Status")),
    )

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DocumentSummary] = []

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(documents)
        self.endResetModel()

    def set_status(self, row: int, status: DocumentStatus) -> None:
        """One document's status changed (its first edit marks it in progress)."""
        self._rows[row] = replace(self._rows[row], status=status)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def document_at(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def widest_rows(self) -> list[int]:
        """The rows whose length and status can read widest: the longest length, and one of each status."""
        if not self._rows:
            return []
        rows = {max(range(len(self._rows)), key=lambda row: len(f"{self._rows[row].length:,}"))}
        seen: set[DocumentStatus] = set()
        for row, summary in enumerate(self._rows):
            if summary.status not in seen:
                seen.add(summary.status)
                rows.add(row)
        return sorted(rows)

    def row_of(self, document_id: str) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == document_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DocumentListModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return visible_controls(summary.title)
            if column == self.LENGTH:
                return f"{summary.length:,}"
            if column == self.STATUS:
                return status_name(summary.status)
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return plain_tooltip(visible_controls(summary.title))
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == DOCUMENT_ID_ROLE:
            return summary.id
        return None


def fit_length_and_status(table: QTableView, model: DocumentListModel) -> None:
    """Keep the length and status columns as wide as their widest cell, measured on the rows that
    can be widest: Qt's ResizeToContents asks a thousand rows for every role at each change."""
    header = table.horizontalHeader()
    columns = (model.LENGTH, model.STATUS)
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)

    def fit() -> None:
        rows = model.widest_rows()
        grid = 1 if table.showGrid() else 0
        for column in columns:
            cells = (table.sizeHintForIndex(model.index(row, column)).width() + grid for row in rows)
            width = max([header.sectionSizeHint(column), *cells])
            header.resizeSection(column, min(max(width, header.minimumSectionSize()), header.maximumSectionSize()))

    model.modelReset.connect(fit)
    model.dataChanged.connect(fit)
    fit()
