"""Linking a span to the registry: a searchable picker, and editors for entities and treaties."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.arabic import fold_string
from annotator.registry import Alias, Entity, EntityType, Registry, RegistryError, Treaty, TreatyArticle
from ui.plain import plain_label, plain_tooltip, show_message, visible_controls
from ui.refusals import error_text
from ui.rtl import RtlTextDelegate, make_document_rtl

LINE_BREAKS = re.compile("[\n\u2028\u2029]")


def typed_lines(edit: QPlainTextEdit) -> list[str]:
    """The lines the analyst typed, exactly: Qt's plain-text conversion would turn a no-break space into a space."""
    return LINE_BREAKS.split(edit.document().toRawText())


ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def entry_kind(entry: Entity | Treaty) -> str:
    """An entity's label (PER, ORG, ...), or "treaty" in the interface language."""
    return entry.type.value if isinstance(entry, Entity) else QCoreApplication.translate("RegistryPicker", "treaty")


class RegistryPicker(QDialog):
    """Type to search names and aliases (Arabic folded: بيونغ finds بيونج); Enter links the chosen entry."""

    def __init__(self, registry: Registry, query: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to the registry"))
        self.registry = registry
        self.chosen_id: str | None = None
        self.search = QLineEdit(query)
        self.search.setPlaceholderText(self.tr("Search names and aliases"))
        self.search.setClearButtonEnabled(True)
        self.results = QStandardItemModel(self)
        self.list = QTableView()
        self.list.setModel(self.results)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        self.list.setItemDelegateForColumn(0, RtlTextDelegate(self.list))
        self.list.activated.connect(self._choose)
        self.new_entity_button = QPushButton(self.tr("New Entity…"))
        self.new_entity_button.clicked.connect(self._new_entity)
        self.new_treaty_button = QPushButton(self.tr("New Treaty…"))
        self.new_treaty_button.clicked.connect(self._new_treaty)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self._edit_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.new_entity_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.new_treaty_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(lambda: self._choose(self.list.currentIndex()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.resize(560, 420)
        self.refresh()

    def refresh(self) -> None:
        self.results.clear()
        self.results.setHorizontalHeaderLabels([self.tr("Name"), self.tr("English name"), self.tr("Type")])
        for entry in self.registry.find(self.search.text(), fold=fold_string):
            name = QStandardItem(visible_controls(entry.name_ar))
            name.setData(entry.id, ENTRY_ID_ROLE)
            name.setToolTip(plain_tooltip(visible_controls("، ".join(entry.alias_texts))))
            english = QStandardItem(visible_controls(entry.name_en or ""))
            english.setToolTip(plain_tooltip(entry.name_en or ""))
            self.results.appendRow([name, english, QStandardItem(entry_kind(entry))])
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        if self.results.rowCount():
            self.list.setCurrentIndex(self.results.index(0, 0))

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.results.rowCount():
                self.list.setCurrentIndex(self.results.index(row, 0))
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen_id = index.siblingAtColumn(0).data(ENTRY_ID_ROLE)
            self.accept()

    def _new_entity(self) -> None:
        editor = EntityEditor(None, self.search.text().strip(), self)
        if editor.exec() and editor.entity is not None:
            entity = editor.entity
            self._store(lambda registry: registry.add_entity(entity))

    def _edit_current(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        entry = self.registry.get(index.siblingAtColumn(0).data(ENTRY_ID_ROLE))
        if isinstance(entry, Entity):
            editor = EntityEditor(entry, "", self)
            if editor.exec() and editor.entity is not None:
                entity = editor.entity
                self._store(lambda registry: registry.replace_entity(entity))
        elif isinstance(entry, Treaty):
            treaty_editor = TreatyEditor(entry, "", self)
            if treaty_editor.exec() and treaty_editor.treaty is not None:
                treaty = treaty_editor.treaty
                self._store(lambda registry: registry.replace_treaty(treaty))

    def _new_treaty(self) -> None:
        editor = TreatyEditor(None, self.search.text().strip(), self)
        if editor.exec() and editor.treaty is not None:
            treaty = editor.treaty
            self._store(lambda registry: registry.add_treaty(treaty))

    def _store(self, change: Callable[[Registry], Registry]) -> None:
        try:
            self.registry = change(self.registry)
        except RegistryError as error:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Not saved"), error_text(error))
            return
        self.refresh()


class EntityEditor(QDialog):
    """Add or edit a canonical entity: type, Arabic name, aliases (one per line), English name, Wikidata id."""

    def __init__(self, entity: Entity | None, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit entity") if entity else self.tr("New entity"))
        self.original = entity
        self.entity: Entity | None = None
        self.type_combo = QComboBox()
        for entity_type in EntityType:
            self.type_combo.addItem(entity_type.value, entity_type.value)
        self.id_edit = QLineEdit(entity.id if entity else "")
        self.id_edit.setPlaceholderText(self.tr("a-short-id"))
        self.id_edit.setEnabled(entity is None)
        self.name_ar = QLineEdit(entity.name_ar if entity else name)
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.aliases = QPlainTextEdit("\n".join(entity.alias_texts) if entity else name)
        make_document_rtl(self.aliases.document())
        self.aliases.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_en = QLineEdit((entity.name_en or "") if entity else "")
        self.wikidata = QLineEdit((entity.wikidata or "") if entity else "")
        self.wikidata.setPlaceholderText("Q…")
        if entity:
            self.type_combo.setCurrentIndex(self.type_combo.findData(entity.type.value))
        self.error = plain_label()
        self.error.setStyleSheet("color: #a40000")
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type_combo)
        form.addRow(self.tr("Id"), self.id_edit)
        form.addRow(self.tr("Arabic name"), self.name_ar)
        form.addRow(self.tr("Aliases (one per line)"), self.aliases)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Wikidata id"), self.wikidata)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        name = self.name_ar.text().strip()
        entry_id = self.id_edit.text().strip()
        aliases = [line.strip() for line in typed_lines(self.aliases) if line.strip()]
        if not name or not entry_id:
            self.error.setText(self.tr("An id and an Arabic name are needed."))
            return
        if name not in aliases:
            aliases.insert(0, name)
        kept = {a.text: a for a in self.original.aliases} if self.original else {}
        self.entity = Entity(
            id=entry_id,
            type=EntityType(self.type_combo.currentData()),
            name_ar=name,
            aliases=tuple(kept.get(text, Alias(text)) for text in aliases),
            name_en=self.name_en.text().strip() or None,
            wikidata=self.wikidata.text().strip() or None,
            related=self.original.related if self.original else (),
            note=self.original.note if self.original else "",
        )
        self.accept()


class TreatyEditor(QDialog):
    """Add or edit a treaty: names, date, parties (registry ids), articles ("4: summary" per line), aliases."""

    def __init__(self, treaty: Treaty | None, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit treaty") if treaty else self.tr("New treaty"))
        self.original = treaty
        self.treaty: Treaty | None = None
        self.id_edit = QLineEdit(treaty.id if treaty else "")
        self.id_edit.setPlaceholderText(self.tr("a-short-id"))
        self.id_edit.setEnabled(treaty is None)
        self.name_ar = QLineEdit(treaty.name_ar if treaty else name)
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_en = QLineEdit(treaty.name_en if treaty else "")
        self.date = QLineEdit(treaty.date if treaty else "")
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.parties = QLineEdit(", ".join(treaty.parties) if treaty else "")
        self.parties.setPlaceholderText("russia, north-korea")
        self.articles = QPlainTextEdit("\n".join(f"{a.number}: {a.summary}" for a in treaty.articles) if treaty else "")
        self.aliases = QPlainTextEdit("\n".join(treaty.alias_texts) if treaty else name)
        make_document_rtl(self.aliases.document())
        self.error = plain_label()
        self.error.setStyleSheet("color: #a40000")
        form = QFormLayout()
        form.addRow(self.tr("Id"), self.id_edit)
        form.addRow(self.tr("Arabic name"), self.name_ar)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Parties (registry ids)"), self.parties)
        form.addRow(self.tr("Articles (number: summary)"), self.articles)
        form.addRow(self.tr("Aliases (one per line)"), self.aliases)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        articles = []
        for line in typed_lines(self.articles):
            if not line.strip():
                continue
            number, _colon, summary = line.partition(":")
            if not number.strip().isdigit():
                self.error.setText(
                    self.tr("An article line starts with its number and a colon: {line}").format(line=line)
                )
                return
            articles.append(TreatyArticle(int(number), summary.strip()))
        name = self.name_ar.text().strip()
        entry_id = self.id_edit.text().strip()
        if not name or not entry_id:
            self.error.setText(self.tr("An id and an Arabic name are needed."))
            return
        aliases = [line.strip() for line in typed_lines(self.aliases) if line.strip()]
        if name not in aliases:
            aliases.insert(0, name)
        kept = {a.text: a for a in self.original.aliases} if self.original else {}
        self.treaty = Treaty(
            id=entry_id,
            name_ar=name,
            name_en=self.name_en.text().strip(),
            date=self.date.text().strip(),
            parties=tuple(p.strip() for p in self.parties.text().split(",") if p.strip()),
            articles=tuple(articles),
            aliases=tuple(kept.get(text, Alias(text)) for text in aliases),
            note=self.original.note if self.original else "",
        )
        self.accept()
