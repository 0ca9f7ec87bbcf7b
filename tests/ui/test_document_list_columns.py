"""The length and status columns of the document list fit their widest cell in a list of thousands
of documents, without asking every row for its data at each change."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from annotator.model import DocumentStatus, DocumentSummary
from ui.document_list import DocumentListModel, fit_length_and_status


class CountingModel(DocumentListModel):
    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        self.asked += 1
        return super().data(index, role)


def summaries(count: int, longest_at: int) -> list[DocumentSummary]:
    return [
        DocumentSummary(
            f"doc{row}",
            f"مقال رقم {row}",
            1_000_000 if row == longest_at else 11_000 + row,
            DocumentStatus.IN_PROGRESS if row == count - 1 else DocumentStatus.NEW,
        )
        for row in range(count)
    ]


def shown_list(qtbot: QtBot, model: DocumentListModel, *, fitted: bool) -> QTableView:
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(model.TITLE, QHeaderView.ResizeMode.Stretch)
    if fitted:
        fit_length_and_status(table, model)
    else:
        for column in (model.LENGTH, model.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.setResizeContentsPrecision(-1)  # every row: the width that fits them all
    table.resize(400, 500)
    table.show()
    qtbot.waitExposed(table)
    return table


def widths(table: QTableView) -> tuple[int, int]:
    header = table.horizontalHeader()
    return header.sectionSize(DocumentListModel.LENGTH), header.sectionSize(DocumentListModel.STATUS)


def test_the_columns_fit_the_widest_cell_of_thousands_of_rows(qtbot: QtBot) -> None:
    rows = summaries(3000, longest_at=2500)  # far below the rows Qt measures by default
    fitted = CountingModel()
    table = shown_list(qtbot, fitted, fitted=True)
    fitted.asked = 0
    fitted.set_documents(rows)
    qtbot.wait(10)
    reference = DocumentListModel()
    every_row = shown_list(qtbot, reference, fitted=False)
    reference.set_documents(rows)
    qtbot.wait(10)
    assert widths(table) == widths(every_row)
    assert fitted.asked < 3000  # a few rows measured, and the ones in sight drawn
    # A status that reads wider is given room as it changes.
    before = widths(table)
    fitted.set_status(5, DocumentStatus.REVIEWED)
    reference.set_status(5, DocumentStatus.REVIEWED)
    qtbot.wait(10)
    assert widths(table) == widths(every_row)
    assert widths(table) != before or widths(every_row) == before
