"""The corpus overview: status, spans per label and kind, and progress, per document and annotator."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.arabic import fold_string
from annotator.model import SpanKind
from annotator.overview import OverviewRow, overview_rows, progress_by_annotator
from annotator.project import Project
from ui.document_list import status_name
from ui.plain import plain_label, plain_tooltip, visible_controls
from ui.rtl import RtlTextDelegate

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class OverviewModel(QAbstractTableModel):
    TITLE, ANNOTATOR, STATUS, ENTITIES, CLAIMS, TREATIES, LABELS, PROGRESS = range(8)
    HEADERS = (
        str(QT_TRANSLATE_NOOP("OverviewModel", "Document")),
        str(QT_TRANSLATE_NOOP("OverviewModel", "Annotator")),
        str(QT_TRANSLATE_NOOP("OverviewModel", "Status")),
        str(QT_TRANSLATE_NOOP("OverviewModel", "Entities")),
        str(QT_TRANSLATE_NOOP("OverviewModel", "Claims")),
        str(QT_TRANSLATE_NOOP("OverviewModel", "Treaty refs")),
        str(QT_TRANSLATE_NOOP("OverviewModel", "Labels")),
        str(QT_TRANSLATE_NOOP("OverviewModel", "Progress")),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[OverviewRow] = []

    def set_rows(self, rows: list[OverviewRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("OverviewModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            numbers = {
                self.ENTITIES: row.per_kind.get(SpanKind.ENTITY, 0),
                self.CLAIMS: row.per_kind.get(SpanKind.CLAIM, 0),
                self.TREATIES: row.per_kind.get(SpanKind.TREATY_REF, 0),
                self.PROGRESS: row.progress,
            }
            return numbers.get(column, self._display(row, column))
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.LABELS):
            return plain_tooltip(self._display(row, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ENTITIES, self.CLAIMS, self.TREATIES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOCUMENT_ID_ROLE:
            return row.document_id
        return None

    def _display(self, row: OverviewRow, column: int) -> Any:
        if column == self.TITLE:
            return visible_controls(row.title)
        if column == self.ANNOTATOR:
            return visible_controls(row.annotator)
        if column == self.STATUS:
            return status_name(row.status)
        if column == self.ENTITIES:
            return row.per_kind.get(SpanKind.ENTITY, 0)
        if column == self.CLAIMS:
            return row.per_kind.get(SpanKind.CLAIM, 0)
        if column == self.TREATIES:
            return row.per_kind.get(SpanKind.TREATY_REF, 0)
        if column == self.LABELS:
            return ", ".join(f"{label} {count}" for label, count in row.per_label.items())
        return row.progress


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a progress bar."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(4, 4, -4, -4)
        bar.direction = option.direction
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = int(index.data() or 0)
        bar.text = f"{bar.progress}%"
        bar.textVisible = True
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class OverviewFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold_string(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        return any(
            self._needle in fold_string(str(model.index(source_row, column, source_parent).data() or ""))
            for column in range(model.columnCount(source_parent))
        )


class OverviewDialog(QDialog):
    """Opened from View > Corpus Overview; Enter or a double click opens the document."""

    open_requested = Signal(str)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Corpus overview"))
        self.project = project
        self.model = OverviewModel()
        self.proxy = OverviewFilter()
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, annotator, status or label"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # project order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(OverviewModel.TITLE, RtlTextDelegate(self.table))
        self.table.setItemDelegateForColumn(OverviewModel.PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OverviewModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.summary = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.summary)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        self.resize(1000, 480)
        self.refresh()

    def refresh(self) -> None:
        rows = overview_rows(self.project)
        self.model.set_rows(rows)
        while self.summary.count():
            item = self.summary.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        documents = len(self.project.documents())
        for progress in progress_by_annotator(rows, documents):
            done = self.tr("{annotator}: {done}/{documents} done").format(
                annotator=visible_controls(progress.annotator), done=progress.done, documents=progress.documents
            )
            label = plain_label(done)
            bar = QProgressBar()
            bar.setValue(progress.percent)
            bar.setMaximumWidth(160)
            self.summary.addWidget(label)
            self.summary.addWidget(bar)
        self.summary.addStretch(1)

    def _open(self, index: QModelIndex) -> None:
        document_id = index.siblingAtColumn(0).data(DOCUMENT_ID_ROLE)
        if document_id:
            self.open_requested.emit(document_id)
