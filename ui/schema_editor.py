"""Editing the project's schema: colours, hotkeys and names of labels, allowed values, new labels."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.model import SpanKind
from annotator.schema import AttributeType, Choice, Label, Schema, built_in_key_problems
from ui.i18n import display_name, kind_name
from ui.plain import plain_label


class SchemaEditor(QDialog):
    """Edits a copy of the schema; ``schema`` holds the result when the dialog is accepted."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotation schema"))
        self.schema = schema
        self.names = QStringListModel([label.name for label in schema.labels], self)
        self.list = QListView()
        self.list.setModel(self.names)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._show_label)

        self.colour_button = QPushButton()
        self.colour_button.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "#cc6677", also in Arabic
        self.colour_button.clicked.connect(self._choose_colour)
        self.hotkey = QLineEdit()
        self.hotkey.setMaxLength(1)
        self.hotkey.setFixedWidth(40)
        self.display_en = QLineEdit()
        self.display_ar = QLineEdit()
        self.display_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for edit in (self.hotkey, self.display_en, self.display_ar):
            edit.editingFinished.connect(self._store_fields)
        self.kind = plain_label()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Colour"), self.colour_button)
        self.form.addRow(self.tr("Hotkey"), self.hotkey)
        self.form.addRow(self.tr("English name"), self.display_en)
        self.form.addRow(self.tr("Arabic name"), self.display_ar)
        self.value_edits: dict[str, QLineEdit] = {}

        add = QPushButton(self.tr("Add Label…"))
        add.clicked.connect(self._add_label)
        self.problems = plain_label()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a40000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(add)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(self.form, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.list.setCurrentIndex(self.names.index(0, 0))

    def current_label(self) -> Label | None:
        index = self.list.currentIndex()
        return self.schema.labels[index.row()] if index.isValid() else None

    def _show_label(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        label = self.schema.labels[current.row()]
        self.kind.setText(kind_name(label.kind))
        self.colour_button.setText(label.colour)
        self.colour_button.setStyleSheet(f"background: {label.colour}")
        self.hotkey.setText(label.hotkey)
        self.display_en.setText(label.display_en)
        self.display_ar.setText(label.display_ar)
        for edit in self.value_edits.values():
            self.form.removeRow(edit)
        self.value_edits = {}
        for spec in label.attributes:
            if spec.type is AttributeType.CHOICE:
                edit = QLineEdit(", ".join(spec.values))
                edit.setObjectName(f"values-{spec.name}")
                edit.editingFinished.connect(self._store_fields)
                self.value_edits[spec.name] = edit
                self.form.addRow(plain_label(self.tr("{attribute} values").format(attribute=display_name(spec))), edit)

    def _replace_current(self, label: Label) -> None:
        row = self.list.currentIndex().row()
        labels = list(self.schema.labels)
        labels[row] = label
        self.schema = replace(self.schema, labels=tuple(labels))
        self._check()

    def _store_fields(self) -> None:
        label = self.current_label()
        if label is None:
            return
        attributes = []
        for spec in label.attributes:
            edit = self.value_edits.get(spec.name)
            if edit is None:
                attributes.append(spec)
                continue
            values = [value.strip() for value in edit.text().split(",") if value.strip()]
            known = {choice.value: choice for choice in spec.choices}
            choices = tuple(known.get(value, Choice(value, value, value)) for value in values)
            default = spec.default if spec.default in values else (values[0] if values else None)
            attributes.append(replace(spec, choices=choices, default=default))
        self._replace_current(
            replace(
                label,
                hotkey=self.hotkey.text(),
                display_en=self.display_en.text().strip(),
                display_ar=self.display_ar.text().strip(),
                attributes=tuple(attributes),
            )
        )

    def _choose_colour(self) -> None:
        label = self.current_label()
        if label is None:
            return
        colour = QColorDialog.getColor(
            QColor(label.colour), self, self.tr("Colour of {label}").format(label=label.name)
        )
        if colour.isValid():
            self._replace_current(replace(label, colour=colour.name()))
            self._show_label(self.list.currentIndex(), QModelIndex())

    def _add_label(self) -> None:
        name, accepted = QInputDialog.getText(
            self, self.tr("New label"), self.tr("Name (capital letters, digits and _):")
        )
        if not accepted or not name.strip():
            return
        kinds = {kind_name(kind): kind for kind in SpanKind}
        kind, accepted = QInputDialog.getItem(self, self.tr("New label"), self.tr("Kind:"), list(kinds), 0, False)
        if not accepted:
            return
        self.add_label(name.strip(), kinds[kind])

    def add_label(self, name: str, kind: SpanKind) -> None:
        template = next((label for label in self.schema.labels if label.kind is kind), None)
        attributes = template.attributes if template is not None and kind is not SpanKind.ENTITY else ()
        label = Label(
            name=name, kind=kind, colour="#888888", hotkey="", display_en=name, display_ar=name, attributes=attributes
        )
        self.schema = replace(self.schema, labels=(*self.schema.labels, label))
        self.names.setStringList([label.name for label in self.schema.labels])
        self.list.setCurrentIndex(self.names.index(len(self.schema.labels) - 1, 0))
        self._check()

    def _check(self) -> list[str]:
        problems = self.schema.validate() + built_in_key_problems(self.schema)
        self.problems.setText("\n".join(problems))
        return problems

    def _accept(self) -> None:
        self._store_fields()
        if not self._check():
            self.accept()
