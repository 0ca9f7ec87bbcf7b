"""Claims over time by stance, one row per group: a chart to look at rather than a table to read.

Each row is a group of the ledger; each column a month (or a year, where a claim is dated only by
its year), with a last column for undated claims; in each cell a stacked bar counts the group's
claims of that time by stance. In a right-to-left interface the chart is mirrored: the group
names stand on the right and time runs from right to left.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from annotator.claims import ClaimGroup

STANCE_COLOURS = {
    "asserted": "#1b7837",
    "alleged": "#e69f00",
    "predicted": "#56b4e9",
    "questioned": "#aa4499",
    "denied": "#b2182b",
}
OTHER_COLOUR = "#999999"
ROW_HEIGHT = 40
MAX_BAR_WIDTH = 26
NAME_WIDTH = 240
AXIS_HEIGHT = 40
LEGEND_HEIGHT = 26
MIN_COLUMN = 46


def period(date: str | None) -> str:
    """The column of a date: its month, or its year if it has no month; "" when undated."""
    return (date or "")[:7]


def columns_of(groups: Sequence[ClaimGroup]) -> list[str]:
    """Every period with a claim, in order, then "" for the undated ones if there are any."""
    periods = {period(c.date) for g in groups for c in g.claims}
    dated = sorted(p for p in periods if p)
    return [*dated, ""] if "" in periods else dated


class ClaimsChart(QWidget):
    """Stacked bars of claims by stance, per group and period; a click on a row chooses that group."""

    group_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[ClaimGroup] = []
        self.group_names: dict[str, str] = {}
        self.stance_names: dict[str, str] = {}
        self.undated_name = "undated"
        self.current_key: str | None = None
        self.contested: set[str] = set()
        self.setMinimumHeight(AXIS_HEIGHT + LEGEND_HEIGHT + ROW_HEIGHT)

    def set_data(
        self,
        groups: Sequence[ClaimGroup],
        group_names: Mapping[str, str],
        stance_names: Mapping[str, str],
        undated_name: str,
        contested: set[str],
    ) -> None:
        self.groups = list(groups)
        self.contested = set(contested)
        self.group_names = dict(group_names)
        self.stance_names = dict(stance_names)
        self.undated_name = undated_name
        self.setMinimumHeight(AXIS_HEIGHT + LEGEND_HEIGHT + ROW_HEIGHT * max(len(self.groups), 1))
        self.updateGeometry()
        self.update()

    def set_current(self, key: str | None) -> None:
        self.current_key = key
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(len(self.groups), 3)
        return QSize(NAME_WIDTH + MIN_COLUMN * 8, AXIS_HEIGHT + LEGEND_HEIGHT + ROW_HEIGHT * rows)

    def counts(self) -> list[dict[str, Counter[str]]]:
        """Per group, per period: how many claims of each stance."""
        table: list[dict[str, Counter[str]]] = []
        for group in self.groups:
            cells: dict[str, Counter[str]] = {}
            for claim in group.claims:
                cells.setdefault(period(claim.date), Counter())[claim.stance] += 1
            table.append(cells)
        return table

    def _x(self, rect: QRectF) -> QRectF:
        """``rect`` as drawn: mirrored in a right-to-left interface."""
        if not self.isRightToLeft():
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def row_at(self, y: float) -> int | None:
        row = int((y - LEGEND_HEIGHT) // ROW_HEIGHT)
        return row if y >= LEGEND_HEIGHT and 0 <= row < len(self.groups) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if row is not None:
            self.group_clicked.emit(self.groups[row].key)
        super().mousePressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = QFontMetricsF(self.font())
        columns = columns_of(self.groups)
        table = self.counts()
        tallest = max((sum(c.values()) for cells in table for c in cells.values()), default=1)
        width = max(self.width() - NAME_WIDTH - 16, MIN_COLUMN)
        column = width / max(len(columns), 1)
        self._legend(painter, metrics)
        align_name = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        for row, (group, cells) in enumerate(zip(self.groups, table, strict=True)):
            top = LEGEND_HEIGHT + row * ROW_HEIGHT
            if group.key == self.current_key:
                painter.fillRect(self._x(QRectF(0, top, self.width(), ROW_HEIGHT)), QColor("#fff3cd"))
            contested = group.key in self.contested
            painter.setPen(QColor("#b2182b") if contested else QColor("#222222"))
            title = ("⚠ " if contested else "") + self.group_names.get(group.key, group.key)
            name = metrics.elidedText(title, Qt.TextElideMode.ElideRight, NAME_WIDTH - 12)
            name_box = self._x(QRectF(6, top, NAME_WIDTH - 12, ROW_HEIGHT))
            painter.drawText(name_box, align_name | Qt.AlignmentFlag.AlignVCenter, name)
            painter.setPen(QPen(QColor("#dddddd"), 1))
            painter.drawLine(0, int(top + ROW_HEIGHT), self.width(), int(top + ROW_HEIGHT))
            for index, key in enumerate(columns):
                counts = cells.get(key)
                if not counts:
                    continue
                bar_width = min(column * 0.6, MAX_BAR_WIDTH)
                left = NAME_WIDTH + index * column + (column - bar_width) / 2
                bottom = float(top + ROW_HEIGHT - 3)
                unit = (ROW_HEIGHT - 18) / tallest
                for stance in (*STANCE_COLOURS, *sorted(set(counts) - set(STANCE_COLOURS))):
                    n = counts.get(stance, 0)
                    if not n:
                        continue
                    bar = QRectF(left, bottom - n * unit, bar_width, n * unit)
                    painter.fillRect(self._x(bar), QColor(STANCE_COLOURS.get(stance, OTHER_COLOUR)))
                    bottom -= n * unit
                painter.setPen(QColor("#222222"))
                label = QRectF(left - 12, bottom - 14, bar_width + 24, 14)
                painter.drawText(self._x(label), Qt.AlignmentFlag.AlignCenter, str(sum(counts.values())))
        axis_top = LEGEND_HEIGHT + len(self.groups) * ROW_HEIGHT + 4
        painter.setPen(QColor("#444444"))
        for index, key in enumerate(columns):
            cell = QRectF(NAME_WIDTH + index * column, axis_top, column, AXIS_HEIGHT - 8)
            text = metrics.elidedText(key or self.undated_name, Qt.TextElideMode.ElideRight, column - 2)
            painter.drawText(self._x(cell), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.end()

    def _legend(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        x = 6.0
        for stance, colour in STANCE_COLOURS.items():
            name = self.stance_names.get(stance, stance)
            painter.fillRect(self._x(QRectF(x, 8, 12, 12)), QColor(colour))
            text_width = metrics.horizontalAdvance(name) + 4
            painter.setPen(QColor("#222222"))
            painter.drawText(self._x(QRectF(x + 16, 2, text_width, 22)), Qt.AlignmentFlag.AlignVCenter, name)
            x += 16 + text_width + 14
