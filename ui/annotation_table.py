"""The annotations of the current document as a table: text, label, attributes, link, annotator."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.arabic import fold_string
from annotator.model import Span
from annotator.schema import Schema
from ui.i18n import display_name
from ui.plain import plain_tooltip, visible_controls
from ui.positions import in_reading_order, reading_order

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # the shown text, folded


def attributes_text(span: Span, names: dict[str, str] | None = None) -> str:
    """``key=value, ...``; with ``names`` (attribute and choice names in the interface language), those names."""
    shown = names or {}
    return ", ".join(
        f"{shown.get(key, key)}={shown.get(f'{key}={value}', value)}"
        for key, value in sorted(span.attributes.items())
        if value not in (None, "")
    )


def attribute_names(schema: Schema) -> dict[str, str]:
    """Display names of the schema's attributes ("stance") and of their choices ("stance=denied")."""
    names: dict[str, str] = {}
    for label in schema.labels:
        for spec in label.attributes:
            names[spec.name] = display_name(spec)
            names.update({f"{spec.name}={choice.value}": display_name(choice) for choice in spec.choices})
    return names


class AnnotationTableModel(QAbstractTableModel):
    TEXT, LABEL, ATTRIBUTES, LINK, ANNOTATOR = range(5)
    HEADERS = (
        str(QT_TRANSLATE_NOOP("AnnotationTableModel", "Text")),
        str(QT_TRANSLATE_NOOP("AnnotationTableModel", "Label")),
        str(QT_TRANSLATE_NOOP("AnnotationTableModel", "Attributes")),
        str(QT_TRANSLATE_NOOP("AnnotationTableModel", "Link")),
        str(QT_TRANSLATE_NOOP("AnnotationTableModel", "Annotator")),
    )

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[Span] = []  # in reading_order
        self._keys: list[tuple[int, int, str]] = []
        self._by_id: dict[str, Span] = {}
        self._colours: dict[str, QColor] = {}
        self._names: dict[str, str] = {}
        self._attribute_names: dict[str, str] = {}

    def set_colours(self, colours: dict[str, str]) -> None:
        self._colours = {label: QColor(value) for label, value in colours.items()}

    def set_schema(self, schema: Schema) -> None:
        self._colours = {label.name: QColor(label.colour) for label in schema.labels}
        self._attribute_names = attribute_names(schema)

    def set_link_names(self, names: dict[str, str]) -> None:
        self._names = dict(names)

    def set_spans(self, spans: list[Span]) -> None:
        self.beginResetModel()
        self._spans, self._keys = in_reading_order(spans)
        self._by_id = {span.id: span for span in self._spans}
        self.endResetModel()

    def apply_changes(self, changes: Mapping[str, Span | None]) -> None:
        """Bring the rows in line with ``changes`` (span id -> the span now, or None once removed):
        rows are inserted, removed or changed one by one, so views keep their place and selection."""
        for span_id, span in changes.items():
            old = self._by_id.get(span_id)
            if old is not None and span is not None and reading_order(old) == reading_order(span):
                row = self._row_of_key(reading_order(old))
                self._spans[row] = span
                self._by_id[span_id] = span
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
                continue
            if old is not None:
                row = self._row_of_key(reading_order(old))
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._spans[row], self._keys[row], self._by_id[span_id]
                self.endRemoveRows()
            if span is not None:
                key = reading_order(span)
                row = bisect_left(self._keys, key)
                self.beginInsertRows(QModelIndex(), row, row)
                self._spans.insert(row, span)
                self._keys.insert(row, key)
                self._by_id[span_id] = span
                self.endInsertRows()

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def row_of(self, span_id: str) -> int | None:
        span = self._by_id.get(span_id)
        return None if span is None else self._row_of_key(reading_order(span))

    def _row_of_key(self, key: tuple[int, int, str]) -> int:
        return bisect_left(self._keys, key)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AnnotationTableModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(span, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._display(span, column))
        if role == SORT_ROLE:
            return span.start if column == self.TEXT else self._display(span, column)
        if role == FILTER_ROLE:
            return fold_string(self._display(span, column))
        if role == SPAN_ID_ROLE:
            return span.id
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL:
            return self._colours.get(span.label)
        return None

    def _display(self, span: Span, column: int) -> str:
        if column == self.TEXT:
            return span.text
        if column == self.LABEL:
            return visible_controls(span.label)
        if column == self.ATTRIBUTES:
            return visible_controls(attributes_text(span, self._attribute_names))
        if column == self.LINK:
            return visible_controls(self._names.get(span.ref, span.ref)) if span.ref else ""
        return visible_controls(span.annotator)


class AnnotationFilterModel(QSortFilterProxyModel):
    """Sorts by position or any column; keeps the rows whose text, label, attributes or link contain
    the filter, compared with Arabic folding (بيونج finds بيونغ)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        # Qt's own filter over the folded texts: with no filter set, no row is looked at in Python
        # (a document of 10,000 spans is shown without 10,000 calls back into the interpreter).
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reading order is the source model's own order: sorted by position, the proxy keeps it
        rather than sorting every row again after each edit."""
        if column == AnnotationTableModel.TEXT and order == Qt.SortOrder.AscendingOrder:
            super().sort(-1)
        else:
            super().sort(column, order)

    def set_filter_text(self, text: str) -> None:
        self.setFilterFixedString(fold_string(text.strip()))
