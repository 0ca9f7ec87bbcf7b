"""Preferences: name, interface language, text size, snapping, suggestions; label colours and keys.

The analyst's own choices are saved as a typed ``Preferences`` value. Label colours and hotkeys
belong to the project's schema: they are checked for clashes here and saved into the project.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.preferences import MAX_FONT_SIZE, MIN_FONT_SIZE, Language, Preferences, SnappingChoice
from annotator.schema import Label, RelationSpec, Schema, built_in_key_problems
from ui.annotation_controller import SNAPPING_NAMES, snapping_name
from ui.i18n import display_name
from ui.plain import plain_label


class PreferencesDialog(QDialog):
    """Edits copies; ``preferences`` and ``schema`` hold the results when the dialog is accepted."""

    def __init__(
        self, preferences: Preferences, schema: Schema, annotator: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.preferences = preferences
        self.schema = schema
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(annotator), self.tr("General"))
        tabs.addTab(self._labels_tab(), self.tr("Labels and keys"))
        self.problems = plain_label()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a40000")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(560, 560)

    def _general_tab(self, annotator: str) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.name = QLineEdit(self.preferences.annotator or annotator)
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(self.preferences.font_size)
        self.snapping = QComboBox()
        for choice in SNAPPING_NAMES:
            self.snapping.addItem(snapping_name(choice), choice.value)
        self.snapping.setCurrentIndex(self.snapping.findData(self.preferences.snapping.value))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), Language.SYSTEM.value)
        self.language.addItem("العربية", Language.ARABIC.value)
        self.language.addItem("English", Language.ENGLISH.value)
        self.language.setCurrentIndex(self.language.findData(self.preferences.language.value))
        self.suggestions = QCheckBox(self.tr("Show suggestions in the text"))
        self.suggestions.setChecked(self.preferences.show_suggestions)
        form.addRow(plain_label(self.tr("Your name (your layer)")), self.name)
        form.addRow(plain_label(self.tr("Interface language")), self.language)
        form.addRow(plain_label(self.tr("Text size")), self.font_size)
        form.addRow(plain_label(self.tr("Selections snap to")), self.snapping)
        form.addRow(self.suggestions)
        return page

    def _labels_tab(self) -> QWidget:
        inner = QWidget()
        grid = QGridLayout(inner)
        self.colour_buttons: dict[str, QPushButton] = {}
        self.hotkeys: dict[str, QLineEdit] = {}
        items: list[Label | RelationSpec] = [*self.schema.labels, *self.schema.relations]
        for row, item in enumerate(items):
            grid.addWidget(plain_label(f"{item.name} — {display_name(item)}"), row, 0)
            button = QPushButton(item.colour)
            button.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "#cc6677", also in Arabic
            button.setStyleSheet(f"background: {item.colour}")
            button.clicked.connect(lambda _checked=False, name=item.name: self._choose_colour(name))
            hotkey = QLineEdit(item.hotkey)
            hotkey.setMaxLength(1)
            hotkey.setFixedWidth(40)
            hotkey.setObjectName(f"hotkey-{item.name}")
            hotkey.textEdited.connect(lambda _text, name=item.name: self._hotkey_changed(name))
            grid.addWidget(button, row, 1)
            grid.addWidget(hotkey, row, 2)
            self.colour_buttons[item.name] = button
            self.hotkeys[item.name] = hotkey
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        return scroll

    def _choose_colour(self, name: str) -> None:
        button = self.colour_buttons[name]
        colour = QColorDialog.getColor(QColor(button.text()), self, self.tr("Colour of {label}").format(label=name))
        if colour.isValid():
            self.set_colour(name, colour.name())

    def set_colour(self, name: str, colour: str) -> None:
        button = self.colour_buttons[name]
        button.setText(colour)
        button.setStyleSheet(f"background: {colour}")
        self._rebuild_schema()

    def _hotkey_changed(self, _name: str) -> None:
        self._rebuild_schema()

    def _rebuild_schema(self) -> list[str]:
        labels = tuple(
            replace(label, colour=self.colour_buttons[label.name].text(), hotkey=self.hotkeys[label.name].text())
            for label in self.schema.labels
        )
        relations = tuple(
            replace(spec, colour=self.colour_buttons[spec.name].text(), hotkey=self.hotkeys[spec.name].text())
            for spec in self.schema.relations
        )
        self.schema = replace(self.schema, labels=labels, relations=relations)
        problems = self.schema.validate() + built_in_key_problems(self.schema)
        self.problems.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return problems

    def _accept(self) -> None:
        if self._rebuild_schema():
            return
        self.preferences = replace(
            self.preferences,
            annotator=self.name.text().strip() or self.preferences.annotator,
            language=Language(self.language.currentData()),
            font_size=self.font_size.value(),
            snapping=SnappingChoice(self.snapping.currentData()),
            show_suggestions=self.suggestions.isChecked(),
        ).checked()
        self.accept()
