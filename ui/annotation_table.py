"""The annotations of the current document as a table: text, label, attributes, link, annotator."""

from __future__ import annotations

from bisect import bisect_left
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
from annotator.session import Change, SpanLayer
from ui.i18n import display_name
from ui.plain import plain_tooltip, visible_controls
from ui.positions import reading_order

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
        self._layer = SpanLayer()  # the session's own layer: read here, changed only by the session
        # While a change is told row by row: the layer's positions of the spans not yet shown
        # (added, ascending) and the spans still shown (removed, in reading order).
        self._hidden: list[int] = []
        self._extra: list[Span] = []
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

    def show_layer(self, layer: SpanLayer) -> None:
        """List ``layer`` (a session's, read anew) from the start."""
        self.beginResetModel()
        self._layer = layer
        self._hidden, self._extra = [], []
        self.endResetModel()

    def show_change(self, change: Change, layer: SpanLayer) -> None:
        """Tell the views what ``change`` did to ``layer``, the session's, which it has already changed:
        rows are removed, inserted or changed one by one, so views keep their place and selection."""
        if change.whole or layer is not self._layer:
            self.show_layer(layer)
            return
        before = {span.id: span for span in change.removed}
        now = {span.id: span for span in change.added}
        in_place = [
            span for span in now.values() if span.id in before and reading_order(before[span.id]) == reading_order(span)
        ]
        kept = {span.id for span in in_place}
        self._extra = sorted((span for span in before.values() if span.id not in kept), key=reading_order)
        self._hidden = sorted(self._layer.position(span) for span in now.values() if span.id not in kept)
        while self._extra:  # from the last row up: the rows above keep their numbers
            row = self._row_shown(len(self._extra) - 1)
            self.beginRemoveRows(QModelIndex(), row, row)
            self._extra.pop()
            self.endRemoveRows()
        while self._hidden:  # from the first row down: each is at its final row when inserted
            row = self._hidden[0]
            self.beginInsertRows(QModelIndex(), row, row)
            self._hidden.pop(0)
            self.endInsertRows()
        for span in in_place:
            row = self._layer.position(span)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def _row_shown(self, rank: int) -> int:
        """The row of ``self._extra[rank]`` among the rows shown while a change is told."""
        position = self._layer.position(self._extra[rank])
        return position - bisect_left(self._hidden, position) + rank

    def span_at(self, row: int) -> Span:
        spans = self._layer.spans
        if not self._hidden and not self._extra:
            return spans[row]
        shift = 0
        for rank, span in enumerate(self._extra):
            shown = self._row_shown(rank)
            if shown == row:
                return span
            shift += shown < row
        position = row - shift
        for hidden in self._hidden:
            if hidden > position:
                break
            position += 1
        return spans[position]

    def row_of(self, span_id: str) -> int | None:
        return self._layer.row_of(span_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._layer) - len(self._hidden) + len(self._extra)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AnnotationTableModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        span = self.span_at(index.row())
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
