"""The main window: the document list beside the right-to-left document view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QIcon, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QWidget,
)

from annotator import identity, preferences
from annotator.model import DocumentStatus
from annotator.preferences import Preferences
from annotator.project import InvalidEditError, Project
from annotator.repository import ProjectError
from ui import resume
from ui.annotation_controller import AnnotationController, Snapping, snapping_name
from ui.claims_menu import install_claims_ledger
from ui.document_list import DocumentListModel, fit_length_and_status, status_name
from ui.document_view import DocumentView
from ui.exchange_actions import ExchangeActions
from ui.file_check import watch_file_check
from ui.i18n import display_name
from ui.keyboard import hotkey_of
from ui.pane_sizes import keep_panes_usable
from ui.plain import plain_label, plain_tooltip, show_message, visible_controls
from ui.project_menu import ProjectMenu, remember_project
from ui.refusals import error_text
from ui.relation_arcs_feature import install_relation_arcs
from ui.review_menu import install_review
from ui.rtl import RtlTextDelegate, isolated_rtl
from ui.save_copy import SaveCopy
from ui.search_panel import install_search
from ui.shell import WindowParts
from ui.span_panel import SpanPanel
from ui.status_messages import give_messages_room
from ui.text_focus import give_text_the_focus
from ui.window_state import restore_window_state, save_window_state, side_area

# The dialogs are imported when first opened: start-up pays for the main window alone.
REFRESH_INTERVAL_MS = 250  # a local check: PRAGMA data_version, or the count a team listener keeps


class MainWindow(QMainWindow):
    def __init__(self, project: Project, parent: QWidget | None = None, *, first_document: str | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(
            self.tr("Hashiya — {project}").format(project=visible_controls(Path(project.location).name))
        )

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
        fit_length_and_status(self.document_table, self.documents)

        self.view = DocumentView()
        self.panel = SpanPanel()
        self.annotations = AnnotationController(project, self.view, self.panel, self)
        self.annotations.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.annotations.problem.connect(
            lambda text: show_message(self, QMessageBox.Icon.Warning, self.tr("Not done"), text)
        )
        self.annotations.document_requested.connect(self.open_document)
        self.annotations.spans_changed.connect(self._show_started)
        self.view.installEventFilter(self)
        panel_dock = QDockWidget(self.tr("Annotations"), self)
        panel_dock.setObjectName("annotations-dock")
        panel_dock.setWidget(self.panel)
        self.addDockWidget(side_area(self), panel_dock)
        self.resizeDocks([panel_dock], [420], Qt.Orientation.Horizontal)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.document_table)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([320, 960])
        self.setCentralWidget(self.splitter)

        self.location_label = plain_label(project.location)
        self.annotator_label = plain_label()
        self.status_label = plain_label()
        self.zoom_label = plain_label()
        self.snapping_label = plain_label()  # the snap mode, always in sight (Ctrl+Shift+S changes it)
        self.snapping_label.setObjectName("snapping-mode")
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.snapping_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.annotator_label)
        give_messages_room(
            self.statusBar(), [self.status_label, self.snapping_label, self.zoom_label, self.annotator_label]
        )

        self.exchange = ExchangeActions(self, self.annotations)
        self._named_menus: dict[str, QMenu] = {}
        self._build_menus()
        self.parts = WindowParts(self._named_menus["file-menu"], self._named_menus["view-menu"], panel_dock)
        self._build_help_menu()
        self.settings = preferences.PreferencesStore(preferences.default_path())
        self._apply_preferences(self.settings.current)
        self.document_table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.zoom_changed.connect(
            lambda size: self.zoom_label.setText(self.tr("{size} pt").format(size=f"{size:g}"))
        )
        self.view.zoom_changed.emit(self.view.point_size)

        self._data_version = project.repository.data_version()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_changed)
        self._refresh_timer.start()

        # The document asked for (or else the one the analyst left) is the first one opened: opening
        # the list's first document before it would cost what that one costs, a long one perhaps.
        last = resume.last_document(project.location)
        self.reload_documents(first_document or last)
        if last is not None and self.view.document_id == last:
            resume.restore_scroll(project.location, last, self.view)
        self.search = install_search(self, self.annotations)
        self.review = install_review(self, self.annotations)
        self.relation_arcs = install_relation_arcs(self, self.annotations)
        self.claims_ledger = install_claims_ledger(self, self.annotations)
        self.file_check = watch_file_check(self, project.repository)
        restore_window_state(self, self.splitter)
        self.text_focus = give_text_the_focus(self, self.view)
        keep_panes_usable(self.view, self.document_table, self.panel, self.panel.table)

    def _build_menus(self) -> None:
        file_menu = self._menu(self.tr("&File"), "file-menu")
        self.import_action = self._action(
            self.tr("&Import Texts…"), QKeySequence("Ctrl+I"), self.exchange.import_texts_dialog
        )
        file_menu.addAction(self.import_action)
        self.import_annotations_action = self._action(
            self.tr("Import &Annotations…"), QKeySequence("Ctrl+Shift+I"), self.exchange.import_annotations_dialog
        )
        self.export_action = self._action(
            self.tr("&Export…"), QKeySequence("Ctrl+Shift+E"), self.exchange.export_dialog
        )
        file_menu.addAction(self.import_annotations_action)
        file_menu.addAction(self.export_action)
        self.copy_saver = SaveCopy(self, self.project)
        self.save_copy_action = self._action(self.tr("Save a &Copy…"), None, self.copy_saver.ask)
        file_menu.addAction(self.save_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close))
        remember_project(self.project.location)
        self.projects = ProjectMenu(self, file_menu, self.import_action)

        edit_menu = self._menu(self.tr("&Edit"), "edit-menu")
        self.undo_action = self.annotations.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.annotations.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.delete_span_action = self._action(
            self.tr("&Delete Span"), QKeySequence.StandardKey.Delete, self.annotations.delete_selected
        )
        self.resize_action = self._action(
            self.tr("Resize Span to &Selection"), QKeySequence("="), self.annotations.resize_selected_to_selection
        )
        self.extend_action = self._action(
            self.tr("E&xtend Span by a Word"), QKeySequence("]"), lambda: self.annotations.nudge_selected_end(1)
        )
        self.shrink_action = self._action(
            self.tr("S&hrink Span by a Word"), QKeySequence("["), lambda: self.annotations.nudge_selected_end(-1)
        )
        self.link_action = self._action(self.tr("&Link to Registry…"), QKeySequence("Ctrl+L"), self.link_dialog)
        self.note_action = self._action(self.tr("Edit &Note"), QKeySequence("Ctrl+E"), self.panel.note_edit.setFocus)
        self.attributes_action = self._action(
            self.tr("Edit &Attributes"), QKeySequence("F2"), self.panel.focus_first_attribute
        )
        self.panel.editing_finished.connect(self.view.setFocus)
        self.panel.link_requested.connect(self.link_dialog)
        for action in (self.delete_span_action, self.resize_action, self.extend_action, self.shrink_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
            self.removeAction(action)
            edit_menu.addAction(action)
        edit_menu.addAction(self.link_action)
        edit_menu.addAction(self.note_action)
        edit_menu.addAction(self.attributes_action)

        annotate_menu = self._menu(self.tr("&Annotate"), "annotate-menu")
        self.label_toolbar = QToolBar(self.tr("Labels"), self)
        self.label_toolbar.setObjectName("label-palette")
        self.label_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.label_toolbar)
        self.labels_menu = annotate_menu.addMenu(self.tr("&Labels"))
        self.labels_menu.setObjectName("labels-menu")
        self._build_label_actions()
        self.schema_action = self._action(self.tr("Edit &Schema…"), None, self.edit_schema)
        annotate_menu.addAction(self.schema_action)
        annotate_menu.addSeparator()
        snapping_menu = annotate_menu.addMenu(self.tr("&Snap Selections To"))
        snapping_menu.setObjectName("snapping-menu")
        self.snapping_group = QActionGroup(self)
        self.snapping_actions: dict[Snapping, QAction] = {}
        for mode in Snapping:
            action = QAction(snapping_name(mode), self, checkable=True)
            action.setChecked(mode is self.annotations.snapping)
            action.triggered.connect(lambda _checked=False, mode=mode: self.set_snapping(mode))
            self.snapping_group.addAction(action)
            snapping_menu.addAction(action)
            self.snapping_actions[mode] = action
        self.cycle_snapping_action = self._action(
            self.tr("Next Snapping Mode"), QKeySequence("Ctrl+Shift+S"), self.cycle_snapping
        )
        snapping_menu.addSeparator()
        snapping_menu.addAction(self.cycle_snapping_action)

        self.preferences_action = self._action(
            self.tr("&Preferences…"), QKeySequence("Ctrl+,"), self.preferences_dialog
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        view_menu = self._menu(self.tr("&View"), "view-menu")
        self.overview_action = self._action(
            self.tr("Corpus &Overview…"), QKeySequence("Ctrl+Shift+O"), self.show_overview
        )
        view_menu.addAction(self.overview_action)
        view_menu.addSeparator()
        self.zoom_in_action = self._action(
            self.tr("Zoom &In"), QKeySequence("Ctrl+="), lambda: self.view.zoom_in_steps(1)
        )
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action(
            self.tr("Zoom &Out"), QKeySequence("Ctrl+-"), lambda: self.view.zoom_in_steps(-1)
        )
        self.zoom_reset_action = self._action(self.tr("&Actual Size"), QKeySequence("Ctrl+0"), self.view.reset_zoom)
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)

        go_menu = self._menu(self.tr("&Go"), "go-menu")
        self.next_document_action = self._action(
            self.tr("&Next Document"), QKeySequence("Ctrl+PgDown"), lambda: self.step(1)
        )
        self.previous_document_action = self._action(
            self.tr("&Previous Document"), QKeySequence("Ctrl+PgUp"), lambda: self.step(-1)
        )
        self.next_unannotated_action = self._action(
            self.tr("Next &Unannotated Document"), QKeySequence("Ctrl+Shift+PgDown"), self.next_unannotated
        )
        go_menu.addAction(self.next_document_action)
        go_menu.addAction(self.previous_document_action)
        go_menu.addAction(self.next_unannotated_action)
        go_menu.addSeparator()
        self.status_actions: dict[DocumentStatus, QAction] = {}
        marks = {
            DocumentStatus.NEW: self.tr("Mark Document New"),
            DocumentStatus.IN_PROGRESS: self.tr("Mark Document In Progress"),
            DocumentStatus.DONE: self.tr("Mark Document Done"),
        }
        for number, (status, text) in enumerate(marks.items(), 1):
            action = self._action(
                text,
                QKeySequence(f"Ctrl+{number}"),
                lambda _checked=False, status=status: self.set_status(status),
            )
            go_menu.addAction(action)
            self.status_actions[status] = action

    def _build_help_menu(self) -> None:
        help_menu = self._menu(self.tr("&Help"), "help-menu")
        self.shortcuts_action = self._action(self.tr("&Keyboard Shortcuts"), QKeySequence("F1"), self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)

    def _menu(self, title: str, name: str) -> QMenu:
        """A menu of the menu bar; its object name stays the same in every interface language."""
        menu = self.menuBar().addMenu(title)
        menu.setObjectName(name)
        self._named_menus[name] = menu
        return menu

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def reload_documents(self, preferred: str | None = None) -> None:
        current = preferred or self.view.document_id
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
        try:
            document = self.project.document(summary.id)
            self.annotations.show_document(summary.id)
        except ProjectError as error:  # a stored span that does not cover its text, say
            show_message(self, QMessageBox.Icon.Warning, self.tr("Document not shown"), error_text(error))
            return
        self.location_label.setText(f"{self.project.location} — {isolated_rtl(visible_controls(document.title))}")
        self.status_label.setText(self.tr("Status: {status}").format(status=status_name(summary.status)))

    def _show_started(self) -> None:
        """The first edit of a new document marked it in progress (the project did): show it so."""
        row = self.document_table.currentIndex().row()
        if row < 0 or self.documents.document_at(row).status is not DocumentStatus.NEW:
            return
        status = self.project.status(self.documents.document_at(row).id)
        if status is not DocumentStatus.NEW:
            self.documents.set_status(row, status)
            self.status_label.setText(self.tr("Status: {status}").format(status=status_name(status)))

    def _refresh_if_changed(self) -> None:
        try:
            version = self.project.repository.data_version()
        except ProjectError as error:
            self.statusBar().showMessage(error_text(error), REFRESH_INTERVAL_MS * 2)
            return
        if version != self._data_version:
            self._data_version = version
            self.reload_documents()
            try:
                self.annotations.reload()
            except ProjectError as error:
                self.statusBar().showMessage(error_text(error), REFRESH_INTERVAL_MS * 2)

    def shared_changed(self) -> None:
        self.annotations.schema_changed()
        self._build_label_actions()
        self.reload_documents()
        self.annotations.reload()

    def _build_label_actions(self) -> None:
        """The palette and the Labels menu, from the project's schema (again after it is edited)."""
        self.label_toolbar.clear()
        self.labels_menu.clear()
        schema = self.project.schema

        def press(key: str) -> None:
            self.annotations.hotkey(key)
            self.view.setFocus()

        items = [*schema.labels, None, *schema.relations]
        for item in items:
            if item is None:
                self.label_toolbar.addSeparator()
                self.labels_menu.addSeparator()
                continue
            action = QAction(swatch(item.colour), f"{item.name}  {item.hotkey}", self)
            if item in schema.labels:
                tip = self.tr("{name}: select text and press {key}")
            else:
                tip = self.tr("{name}: select the head span and press {key}")
            action.setToolTip(plain_tooltip(tip.format(name=display_name(item), key=item.hotkey)))
            action.triggered.connect(lambda _checked=False, key=item.hotkey: press(key))
            self.label_toolbar.addAction(action)
            self.labels_menu.addAction(action)

    def edit_schema(self) -> None:
        from ui.schema_editor import SchemaEditor

        editor = SchemaEditor(self.project.schema, self)
        if editor.exec() and editor.schema != self.project.schema:
            try:
                self.project.set_schema(editor.schema)
            except (InvalidEditError, ProjectError) as error:
                show_message(self, QMessageBox.Icon.Warning, self.tr("Schema not saved"), error_text(error))
                return
            self.annotations.schema_changed()
            self._build_label_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._annotation_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _annotation_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier:
            if key == Qt.Key.Key_Tab:
                self.annotations.step_span(1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self.annotations.confirm_pick()
            if key == Qt.Key.Key_Escape:
                if self.annotations.cancel_pick():
                    return True
                self.annotations.select_span("")
                return True
            text = event.text()
            if len(text) == 1 and text.isprintable() and not text.isspace():
                return self.annotations.hotkey(text) or self.annotations.hotkey(hotkey_of(text))
        if key == Qt.Key.Key_Backtab:
            self.annotations.step_span(-1)
            return True
        return False

    def set_snapping(self, mode: Snapping, *, quiet: bool = False) -> None:
        self.annotations.snapping = mode
        self.snapping_actions[mode].setChecked(True)
        self.snapping_label.setText(self.tr("Snap: {mode}").format(mode=snapping_name(mode)))
        if not quiet:
            self.statusBar().showMessage(self.tr("Selections snap to: {mode}").format(mode=snapping_name(mode)), 5000)

    def cycle_snapping(self) -> None:
        modes = list(Snapping)
        self.set_snapping(modes[(modes.index(self.annotations.snapping) + 1) % len(modes)])

    def link_dialog(self) -> None:
        span = self.annotations.selected
        if span is None:
            self.statusBar().showMessage(self.tr("Select a span to link first."), 5000)
            return
        from ui.registry_dialogs import RegistryPicker

        picker = RegistryPicker(self.project.registry, span.text, self)
        accepted = picker.exec()
        picker.deleteLater()
        self.activateWindow()
        self.view.setFocus()
        self.annotations.set_registry_from_picker(picker.registry)
        if accepted and picker.chosen_id:
            self.annotations.link_selected(picker.chosen_id)

    def set_status(self, status: DocumentStatus) -> None:
        document_id = self.view.document_id
        if document_id is None:
            return
        self.project.set_status(document_id, status)
        self.documents.set_documents(self.project.documents())
        row = self.documents.row_of(document_id)
        if row is not None:
            self.select_row(row)
        self.status_label.setText(self.tr("Status: {status}").format(status=status_name(status)))

    def next_unannotated(self) -> None:
        count = self.documents.rowCount()
        current = self.document_table.currentIndex().row()
        for step in range(1, count + 1):
            row = (current + step) % count
            if self.documents.document_at(row).status is DocumentStatus.NEW:
                self.select_row(row)
                return
        self.statusBar().showMessage(self.tr("Every document has been started."), 5000)

    def frame(self) -> QMainWindow:
        """The window itself, as the features installed on it (ui.shell.Shell) see it."""
        return self

    def _apply_preferences(self, chosen: Preferences) -> None:
        self.annotator_label.setText(
            self.tr("Annotator: {name}").format(
                name=visible_controls(identity.shown_name(self.settings.current, self.project.annotator))
            )
        )
        self.view.set_point_size(chosen.font_size)
        self.set_snapping(chosen.snapping, quiet=True)
        search = getattr(self, "search", None)
        if search is not None:
            search.show_suggestions_action.setChecked(chosen.show_suggestions)

    def preferences_dialog(self) -> None:
        from ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(
            self.settings.current,
            self.project.schema,
            identity.shown_name(self.settings.current, self.project.annotator),
            self,
        )
        if not dialog.exec():
            return
        earlier = self.settings.current
        # A new name keeps the open layer: the analyst's earlier spans stay theirs and stay in view.
        chosen = identity.named(dialog.preferences, dialog.preferences.annotator, self.project.annotator)
        language_changed = chosen.language is not earlier.language
        self._apply_preferences(self.settings.replace_with(chosen))
        if dialog.schema != self.project.schema:
            try:
                self.project.set_schema(dialog.schema)
            except (InvalidEditError, ProjectError) as error:
                show_message(self, QMessageBox.Icon.Warning, self.tr("Labels not saved"), error_text(error))
            else:
                self.annotations.schema_changed()
                self._build_label_actions()
        news = []
        if language_changed:
            news.append(self.tr("The interface language changes at the next start of Hashiya."))
        if news:
            self.statusBar().showMessage(" ".join(news), 10000)

    def show_overview(self) -> None:
        from ui.overview import OverviewDialog

        dialog = OverviewDialog(self.project, self)
        dialog.open_requested.connect(self.open_document)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.overview = dialog

    def screen_for_screenshot(self, view: str) -> QWidget:
        """The window or dialog that ``hashiya screenshot --view`` renders."""
        self.show()
        if view == "main":
            self.search.suggestions.settle()
            return self
        if view == "overview":
            self.show_overview()
            return self.overview
        if view == "shortcuts":
            self.show_shortcuts()
            return self.shortcut_sheet
        if view == "preferences":
            from ui.preferences_dialog import PreferencesDialog

            dialog = PreferencesDialog(
                self.settings.current,
                self.project.schema,
                identity.shown_name(self.settings.current, self.project.annotator),
                self,
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            return dialog
        if view == "claims":
            return self.claims_ledger.open()
        if view == "arcs":
            self.relation_arcs.showcase()
            return self
        if view in ("review", "dashboard"):
            review = self.review.open()
            review.resize(self.size())
            if view == "dashboard":
                review.tabs.setCurrentWidget(review.dashboard)
            return review
        raise ValueError(f"unknown view {view!r}")

    def show_shortcuts(self) -> None:
        from ui.shortcut_sheet import ShortcutSheet

        sheet = ShortcutSheet(self, self.project.schema)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        self.shortcut_sheet = sheet

    def closeEvent(self, event: QCloseEvent) -> None:
        resume.remember(self.project.location, self.view.document_id, self.view)
        save_window_state(self, self.splitter)
        # Pending refreshes (data version, suggestions, search) must not run after the project closes.
        for timer in self.findChildren(QTimer):
            timer.stop()
        super().closeEvent(event)


def swatch(colour: str) -> QIcon:
    """A small square of ``colour``, the icon of a label in the palette."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
