"""The side panel: the document's annotations, and an editor for the selected span and its relations."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Relation, Span
from annotator.schema import AttributeType, Label, Schema
from annotator.session import Change, SpanLayer
from ui.annotation_table import SPAN_ID_ROLE, AnnotationFilterModel, AnnotationTableModel
from ui.elided_label import ElidedLabel
from ui.i18n import display_name
from ui.plain import plain_label, visible_controls
from ui.rtl import RtlTextDelegate, isolated_rtl

RELATION_ID_ROLE = Qt.ItemDataRole.UserRole + 10
OTHER_SPAN_ROLE = Qt.ItemDataRole.UserRole + 11
NO_VALUE = "—"
FIRST_ATTRIBUTE_ROW = 2  # after Text and Label


class SpanPanel(QWidget):
    span_chosen = Signal(str)
    relabel_requested = Signal(str)
    attribute_changed = Signal(str, object)
    link_requested = Signal()
    unlink_requested = Signal()
    note_changed = Signal(str)
    relation_delete_requested = Signal(str)
    editing_finished = Signal()  # Escape in the editor: back to the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationTableModel()
        self.proxy = AnnotationFilterModel()
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter annotations"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AnnotationTableModel.TEXT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        rtl = RtlTextDelegate(self.table)
        self.table.setItemDelegateForColumn(AnnotationTableModel.TEXT, rtl)
        self.table.setItemDelegateForColumn(AnnotationTableModel.LINK, rtl)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(AnnotationTableModel.TEXT, 170)
        self.table.setColumnWidth(AnnotationTableModel.LABEL, 90)
        self.table.setColumnWidth(AnnotationTableModel.ATTRIBUTES, 150)
        self.table.setColumnWidth(AnnotationTableModel.LINK, 120)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.clicked.connect(lambda index: self._on_row(index, QModelIndex()))

        self.editor = QGroupBox(self.tr("Selected span"))
        self.form = QFormLayout(self.editor)
        self.span_text = plain_label()
        self.span_text.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.span_text.setWordWrap(True)
        self.label_combo = QComboBox()
        self.label_combo.activated.connect(lambda _index: self.relabel_requested.emit(self.label_combo.currentData()))
        self.link_label = ElidedLabel(NO_VALUE)
        self.link_button = QPushButton(self.tr("Link…"))
        self.link_button.clicked.connect(self.link_requested)
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.clicked.connect(self.unlink_requested)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note"))
        self.note_edit.editingFinished.connect(self._note_finished)
        self.note_edit.installEventFilter(self)
        self.attribute_widgets: dict[str, QWidget] = {}
        self._attribute_rows: list[QWidget] = []

        self.relations = QStandardItemModel(self)
        self.relation_view = QListView()
        self.relation_view.setModel(self.relations)
        self.relation_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.relation_view.activated.connect(self._relation_activated)
        self.delete_relation_button = QPushButton(self.tr("Delete Relation"))
        self.delete_relation_button.clicked.connect(self._delete_relation)

        relations_box = QGroupBox(self.tr("Relations"))
        relations_layout = QVBoxLayout(relations_box)
        relations_layout.addWidget(self.relation_view)
        relations_layout.addWidget(self.delete_relation_button)

        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.editor)
        layout.addWidget(relations_box, 1)
        self._schema: Schema | None = None
        self._span: Span | None = None
        self._updating = False
        self.form.addRow(plain_label(self.tr("Text")), self.span_text)
        self.form.addRow(plain_label(self.tr("Label")), self.label_combo)
        self.form.addRow(plain_label(self.tr("Link")), link_row)
        self.form.addRow(plain_label(self.tr("Note")), self.note_edit)
        self.show_span(None, [], {})

    # -- the table ---------------------------------------------------------------------------

    def set_schema(self, schema: Schema) -> None:
        self._schema = schema
        self.label_combo.clear()
        for label in schema.labels:
            self.label_combo.addItem(f"{label.name} — {display_name(label)} ({label.hotkey})", label.name)
        self.model.set_schema(schema)

    def show_layer(self, layer: SpanLayer) -> None:
        """List ``layer``, the session's, anew."""
        selected = self._span.id if self._span else None
        self._updating = True
        try:
            self.model.show_layer(layer)
        finally:
            self._updating = False
        if selected:
            self.select_row_of(selected)

    def show_change(self, change: Change, layer: SpanLayer) -> None:
        """Update only the rows of the spans ``change`` names (``layer``, the session's, holds it already)."""
        selected = self._span.id if self._span else None
        self._updating = True
        try:
            self.model.show_change(change, layer)
        finally:
            self._updating = False
        if selected:
            self.select_row_of(selected)

    def select_row_of(self, span_id: str | None) -> None:
        self._updating = True
        try:
            row = self.model.row_of(span_id) if span_id else None
            if row is None:
                self.table.selectionModel().clear()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.scrollTo(index)
        finally:
            self._updating = False

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating or not current.isValid():
            return
        self.span_chosen.emit(current.data(SPAN_ID_ROLE))

    # -- the editor --------------------------------------------------------------------------

    def show_span(self, span: Span | None, relations: list[tuple[Relation, Span, bool]], names: dict[str, str]) -> None:
        """Show ``span`` for editing; ``relations`` pairs each relation with the other span and whether
        ``span`` is its head."""
        self._updating = True
        try:
            previous, self._span = self._span, span
            self.editor.setEnabled(span is not None)
            self.span_text.setText(span.text if span else NO_VALUE)
            # The rows depend only on the label: for another span of the same label, only the values change.
            same_form = previous is not None and span is not None and previous.label == span.label
            if not same_form:
                self._rebuild_rows(span)
            elif span is not None:
                self._fill_attributes(span, keep_typing=previous is not None and previous.id == span.id)
            linked = names.get(span.ref, span.ref) if span and span.ref else None
            self.link_label.set_full_text(isolated_rtl(visible_controls(linked)) if linked else NO_VALUE)
            self.unlink_button.setEnabled(bool(span and span.ref))
            if not self.note_edit.hasFocus():
                self.note_edit.setText(span.note if span else "")
            self.relations.clear()
            for relation, other, outgoing in relations:
                role = self.tr("{relation}: {span}") if outgoing else self.tr("{relation} of: {span}")
                item = QStandardItem(role.format(relation=relation.label, span=isolated_rtl(other.text)))
                item.setData(relation.id, RELATION_ID_ROLE)
                item.setData(other.id, OTHER_SPAN_ROLE)
                self.relations.appendRow(item)
            self.delete_relation_button.setEnabled(bool(relations))
        finally:
            self._updating = False

    def _rebuild_rows(self, span: Span | None) -> None:
        """Replace the attribute rows, which sit between the Label row and the Link row."""
        for widget in self._attribute_rows:
            self.form.removeRow(widget)
        self._attribute_rows = []
        self.attribute_widgets = {}
        if span is not None and self._schema is not None and self._schema.has_label(span.label):
            self.label_combo.setCurrentIndex(self.label_combo.findData(span.label))
            self._add_attribute_rows(self._schema.label(span.label), span)

    def _fill_attributes(self, span: Span, *, keep_typing: bool) -> None:
        """Show new values in the existing editors; with ``keep_typing``, leave the one being typed in alone."""
        for name, widget in self.attribute_widgets.items():
            value = span.attributes.get(name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(_choice_index(widget, value))
            elif isinstance(widget, QLineEdit) and not (keep_typing and widget.hasFocus()):
                widget.setText("" if value is None else str(value))

    def _add_attribute_rows(self, label: Label, span: Span) -> None:
        for spec in label.attributes:
            if spec.type is AttributeType.TREATY_ID:
                continue  # the registry link row sets it
            value = span.attributes.get(spec.name)
            widget: QWidget
            if spec.type is AttributeType.CHOICE:
                combo = QComboBox()
                combo.addItem(NO_VALUE, None)  # unset: a new claim's stance, type and certainty
                for choice in spec.choices:
                    combo.addItem(display_name(choice), choice.value)
                combo.setCurrentIndex(_choice_index(combo, value))
                name = spec.name
                combo.activated.connect(
                    lambda _index, name=name, combo=combo: self._emit_attribute(name, combo.currentData())
                )
                widget = combo
            else:
                edit = QLineEdit("" if value is None else str(value))
                edit.setPlaceholderText("YYYY-MM-DD" if spec.type is AttributeType.ISO_DATE else display_name(spec))
                name = spec.name
                edit.editingFinished.connect(
                    lambda name=name, edit=edit: self._emit_attribute(name, edit.text().strip() or None)
                )
                widget = edit
            widget.setObjectName(f"attribute-{spec.name}")
            widget.installEventFilter(self)
            self.attribute_widgets[spec.name] = widget
            self._attribute_rows.append(widget)
            self.form.insertRow(
                FIRST_ATTRIBUTE_ROW + len(self._attribute_rows) - 1, plain_label(display_name(spec)), widget
            )

    def focus_first_attribute(self) -> bool:
        for widget in self.attribute_widgets.values():
            widget.setFocus()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QWidget)
            and self.editor.isAncestorOf(watched)
        ):
            if isinstance(watched, QLineEdit):
                watched.editingFinished.emit()
            self.editing_finished.emit()
            return True
        return super().eventFilter(watched, event)

    def _emit_attribute(self, name: str, value: object) -> None:
        if self._updating or self._span is None or self._span.attributes.get(name) == value:
            return
        self.attribute_changed.emit(name, value)

    def _note_finished(self) -> None:
        if self._updating or self._span is None or self.note_edit.text() == self._span.note:
            return
        self.note_changed.emit(self.note_edit.text())

    def _relation_activated(self, index: QModelIndex) -> None:
        self.span_chosen.emit(index.data(OTHER_SPAN_ROLE))

    def _delete_relation(self) -> None:
        index = self.relation_view.currentIndex()
        if not index.isValid() and self.relations.rowCount():
            index = self.relations.index(0, 0)
        if index.isValid():
            self.relation_delete_requested.emit(index.data(RELATION_ID_ROLE))


def _choice_index(combo: QComboBox, value: object) -> int:
    """The row of ``value`` in an attribute's choices; the unset row (0) for None or a value not offered."""
    return max(combo.findData(value), 0) if value is not None else 0
