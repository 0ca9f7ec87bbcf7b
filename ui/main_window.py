"""The main window: the document list beside the right-to-left document view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from annotator.project import Project
from annotator.repository import ProjectError
from annotator.text_import import TextImportError
from ui.document_list import DocumentListModel
from ui.document_view import DocumentView
from ui.rtl import RtlTextDelegate, isolated_rtl

REFRESH_INTERVAL_MS = 1000


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class MainWindow(QMainWindow):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(f"Hashiya — {Path(project.location).name}")

        self.documents = DocumentListModel()
        self.document_table = QTableView()
        self.document_table.setModel(self.documents)
        self.document_table.setItemDelegateForColumn(DocumentListModel.TITLE, RtlTextDelegate(self.document_table))
        self.document_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.document_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.document_table.verticalHeader().hide()
        self.document_table.setWordWrap(False)
        header = self.document_table.horizontalHeader()
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DocumentListModel.LENGTH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentListModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)

        self.view = DocumentView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.document_table)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([320, 960])
        self.setCentralWidget(self.splitter)

        self.location_label = plain_label(project.location)
        self.annotator_label = plain_label(f"Annotator: {project.annotator}")
        self.zoom_label = plain_label()
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.annotator_label)

        self._build_menus()
        self.document_table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.zoom_changed.connect(self._show_zoom)
        self._show_zoom(self.view.point_size)

        self._data_version = project.repository.data_version()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_changed)
        self._refresh_timer.start()

        self.reload_documents()
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = self._action("&Import Texts…", QKeySequence("Ctrl+I"), self.import_texts_dialog)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.close))

        view_menu = self.menuBar().addMenu("&View")
        self.zoom_in_action = self._action("Zoom &In", QKeySequence("Ctrl+="), lambda: self.view.zoom_in_steps(1))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action("Zoom &Out", QKeySequence("Ctrl+-"), lambda: self.view.zoom_in_steps(-1))
        self.zoom_reset_action = self._action("&Actual Size", QKeySequence("Ctrl+0"), self.view.reset_zoom)
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)

        go_menu = self.menuBar().addMenu("&Go")
        self.next_document_action = self._action("&Next Document", QKeySequence("Ctrl+PgDown"), lambda: self.step(1))
        self.previous_document_action = self._action(
            "&Previous Document", QKeySequence("Ctrl+PgUp"), lambda: self.step(-1)
        )
        go_menu.addAction(self.next_document_action)
        go_menu.addAction(self.previous_document_action)

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def reload_documents(self) -> None:
        current = self.view.document_id
        self.documents.set_documents(self.project.documents())
        row = self.documents.row_of(current) if current else None
        if row is None and self.documents.rowCount() > 0:
            row = 0
        if row is not None:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.documents.index(row, 0)
        self.document_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def open_document(self, document_id: str) -> None:
        row = self.documents.row_of(document_id)
        if row is None:
            raise ProjectError(f"there is no document {document_id!r} in this project")
        self.select_row(row)

    def step(self, delta: int) -> None:
        count = self.documents.rowCount()
        if count == 0:
            return
        current = self.document_table.currentIndex().row()
        self.select_row(max(0, min(count - 1, current + delta)))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.view.clear_document()
            return
        summary = self.documents.document_at(current.row())
        if summary.id == self.view.document_id:
            return
        document = self.project.document(summary.id)
        self.view.show_document(document)
        self.location_label.setText(f"{self.project.location} — {isolated_rtl(document.title)}")

    def _show_zoom(self, size: float) -> None:
        self.zoom_label.setText(f"{size:g} pt")

    def _refresh_if_changed(self) -> None:
        version = self.project.repository.data_version()
        if version != self._data_version:
            self._data_version = version
            self.reload_documents()

    def import_texts_dialog(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, "Import texts", "", "Texts (*.txt *.jsonl *.ndjson);;All files (*)"
        )
        if files:
            self.import_paths([Path(name) for name in files])

    def import_paths(self, paths: list[Path]) -> None:
        try:
            summary = self.project.import_paths(paths)
        except TextImportError as error:
            self._message(QMessageBox.Icon.Warning, "Nothing was imported", "\n".join(error.problems))
            return
        except ProjectError as error:
            self._message(QMessageBox.Icon.Critical, "Nothing was imported", str(error))
            return
        self.reload_documents()
        if summary.added:
            row = self.documents.row_of(summary.added[0])
            if row is not None:
                self.select_row(row)
        self.statusBar().showMessage(
            f"Imported {len(summary.added)} text(s); {len(summary.already_present)} already in the project.", 8000
        )

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("main_window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        self._refresh_timer.stop()
        super().closeEvent(event)
