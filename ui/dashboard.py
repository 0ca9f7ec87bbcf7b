"""The review dashboard: agreement figures, per-label agreement bars and the label confusion matrix.

The charts are painted with QPainter, so Qt shapes and orders any Arabic in them; they and the
metrics table can be written out as PNG and CSV.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement import NO_LABEL, ConfusionMatrix
from annotator.agreement.table import COLUMNS, AgreementTable, FigureRow, agreement_table, label_confusion, row_cells
from annotator.formats.atomic import atomic_write
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.spreadsheet import safe_cell
from ui.file_dialogs import save_file_name
from ui.plain import plain_label, show_message, visible_controls
from ui.refusals import error_text
from ui.rtl import RtlTextDelegate

# English source texts, drawn in the interface language.
BAR_SERIES = (
    (str(QT_TRANSLATE_NOOP("Dashboard", "exact F1")), "#1e88e5"),
    (str(QT_TRANSLATE_NOOP("Dashboard", "overlap F1")), "#43a047"),
    (str(QT_TRANSLATE_NOOP("Dashboard", "alpha_u")), "#fb8c00"),
)
# The table's headers in the order of COLUMNS (the CSV keeps the English names).
HEADERS = (
    str(QT_TRANSLATE_NOOP("Dashboard", "scope")),
    str(QT_TRANSLATE_NOOP("Dashboard", "document")),
    str(QT_TRANSLATE_NOOP("Dashboard", "title")),
    str(QT_TRANSLATE_NOOP("Dashboard", "label")),
    str(QT_TRANSLATE_NOOP("Dashboard", "spans")),
    str(QT_TRANSLATE_NOOP("Dashboard", "exact P")),
    str(QT_TRANSLATE_NOOP("Dashboard", "exact R")),
    str(QT_TRANSLATE_NOOP("Dashboard", "exact F1")),
    str(QT_TRANSLATE_NOOP("Dashboard", "overlap P")),
    str(QT_TRANSLATE_NOOP("Dashboard", "overlap R")),
    str(QT_TRANSLATE_NOOP("Dashboard", "overlap F1")),
    str(QT_TRANSLATE_NOOP("Dashboard", "kappa")),
    str(QT_TRANSLATE_NOOP("Dashboard", "alpha")),
    str(QT_TRANSLATE_NOOP("Dashboard", "alpha_u")),
    str(QT_TRANSLATE_NOOP("Dashboard", "tokens")),
)
SCOPES = {
    "document": str(QT_TRANSLATE_NOOP("AgreementScope", "document")),
    "label": str(QT_TRANSLATE_NOOP("AgreementScope", "label")),
    "corpus": str(QT_TRANSLATE_NOOP("AgreementScope", "corpus")),
}
LAYER_ROLE = Qt.ItemDataRole.UserRole + 1


def is_rtl(text: str) -> bool:
    """True when the first strong character of ``text`` is right-to-left (Arabic, Hebrew...)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def draw_text(painter: QPainter, rect: QRectF, text: str, alignment: Qt.AlignmentFlag) -> None:
    """Draw ``text`` in ``rect`` aligned as asked whatever its direction; Arabic is laid out right-to-left."""
    option = QTextOption(alignment | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if is_rtl(text) else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    painter.drawText(rect, text, option)


class Mirror:
    """Where to draw in a chart laid out left to right, or mirrored in a right-to-left interface."""

    def __init__(self, widget: QWidget) -> None:
        self.width = float(widget.width())
        self.on = widget.isRightToLeft()

    def rect(self, rect: QRectF) -> QRectF:
        if not self.on:
            return rect
        return QRectF(self.width - rect.x() - rect.width(), rect.y(), rect.width(), rect.height())

    def x(self, x: float) -> float:
        return self.width - x if self.on else x

    def align(self, alignment: Qt.AlignmentFlag) -> Qt.AlignmentFlag:
        if not self.on:
            return alignment
        if alignment == Qt.AlignmentFlag.AlignLeft:
            return Qt.AlignmentFlag.AlignRight
        if alignment == Qt.AlignmentFlag.AlignRight:
            return Qt.AlignmentFlag.AlignLeft
        return alignment


def table_csv(table: AgreementTable) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in (*COLUMNS[:4], *table.annotators, *COLUMNS[5:])])
    for row in table.rows:
        cells = row_cells(row)
        writer.writerow([safe_cell(c) for c in (*cells[:4], *(str(n) for n in row.spans), *cells[5:])])
    return buffer.getvalue().encode("utf-8-sig")


class AgreementBars(QWidget):
    """Per label, one bar each for exact F1, overlap F1 and alpha_u (0 to 1; below 0 drawn as 0)."""

    ROW = 46
    NAME = 92
    CAPTION = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FigureRow] = []
        self.captions: dict[str, str] = {}
        self.setMinimumWidth(360)

    def set_rows(self, rows: Sequence[FigureRow], captions: dict[str, str]) -> None:
        self.rows = list(rows)
        self.captions = captions
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 40 + self.ROW * max(1, len(self.rows)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("black"))
        width = self.width()
        mirror = Mirror(self)
        left_align, right_align = mirror.align(Qt.AlignmentFlag.AlignLeft), mirror.align(Qt.AlignmentFlag.AlignRight)
        left, right = self.CAPTION + 10, width - 50
        x = 8.0
        for name, colour in BAR_SERIES:
            painter.fillRect(mirror.rect(QRectF(x, 8, 12, 12)), QColor(colour))
            draw_text(
                painter,
                mirror.rect(QRectF(x + 16, 4, 130, 20)),
                QCoreApplication.translate("Dashboard", name),
                left_align,
            )
            x += 140
        if not self.rows:
            draw_text(painter, mirror.rect(QRectF(8, 30, width - 16, 30)), self.tr("No labels to compare."), left_align)
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        bar_height = (self.ROW - 10) / len(BAR_SERIES)
        for index, row in enumerate(self.rows):
            top = 30 + index * self.ROW
            label = row.label or ""
            name = metrics.elidedText(visible_controls(label), Qt.TextElideMode.ElideRight, self.NAME)
            draw_text(painter, mirror.rect(QRectF(4, top, self.NAME, self.ROW - 8)), name, left_align)
            caption = self.captions.get(label, "")
            if caption:
                room = self.CAPTION - self.NAME - 6
                caption = metrics.elidedText(visible_controls(caption), Qt.TextElideMode.ElideRight, room)
                draw_text(painter, mirror.rect(QRectF(self.NAME + 4, top, room, self.ROW - 8)), caption, right_align)
            for series, (value, (_name, colour)) in enumerate(
                zip((row.exact_f1, row.overlap_f1, row.alpha_u), BAR_SERIES, strict=True)
            ):
                y = top + series * bar_height
                painter.setPen(QPen(QColor("#bbbbbb"), 1))
                painter.drawRect(mirror.rect(QRectF(left, y, right - left, bar_height - 2)))
                if value is not None:
                    bar = QRectF(left, y, (right - left) * max(0.0, min(1.0, value)), bar_height - 2)
                    painter.fillRect(mirror.rect(bar), QColor(colour))
                painter.setPen(QColor("black"))
                text = "—" if value is None else f"{round(value, 2) or 0.0:.2f}"
                draw_text(painter, mirror.rect(QRectF(right + 4, y - 2, 46, bar_height + 2)), text, left_align)
        painter.end()


class ConfusionMatrixView(QWidget):
    """Counts of (label in A, label in B); the diagonal is agreement, ``<none>`` a missing span."""

    CELL = 44
    HEADER = 80

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: ConfusionMatrix | None = None
        self.layers = ("A", "B")
        self.setMinimumWidth(300)

    def set_matrix(self, matrix: ConfusionMatrix | None, layer_a: str, layer_b: str) -> None:
        self.matrix = matrix
        self.layers = (layer_a, layer_b)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        size = len(self.matrix.labels) if self.matrix else 1
        return QSize(self.HEADER + 30 + self.CELL * size, self.HEADER + 40 + self.CELL * size)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("black"))
        matrix = self.matrix
        mirror = Mirror(self)
        left_align, right_align = mirror.align(Qt.AlignmentFlag.AlignLeft), mirror.align(Qt.AlignmentFlag.AlignRight)
        if matrix is None:
            draw_text(
                painter, mirror.rect(QRectF(8, 8, self.width() - 16, 30)), self.tr("Choose two layers."), left_align
            )
            painter.end()
            return
        header, top = self.HEADER, 44.0
        size = len(matrix.labels) or 1
        # Smaller cells when the widget is short of room, so the last row and column stay visible.
        room = min((self.height() - top - header - 4) / size, (self.width() - header - 30) / size)
        cell = max(18.0, min(float(self.CELL), room))
        layer_a, layer_b = (visible_controls(name) for name in self.layers)
        draw_text(
            painter,
            mirror.rect(QRectF(header, 4, cell * len(matrix.labels), 22)),
            self.tr("B: {layer}").format(layer=layer_b),
            Qt.AlignmentFlag.AlignHCenter,
        )
        draw_text(
            painter, mirror.rect(QRectF(4, 4, header - 8, 22)), self.tr("A: {layer}").format(layer=layer_a), left_align
        )
        largest = max((max(row) for row in matrix.counts), default=0) or 1
        names = [self.tr("(no span)") if label == NO_LABEL else visible_controls(label) for label in matrix.labels]
        for j, name in enumerate(names):
            painter.save()
            painter.translate(mirror.x(header + j * cell + cell / 2), top + header - 4)
            # Slanted column names rise to the right, or in a mirrored chart come down to their column.
            if mirror.on:
                painter.rotate(60)
                draw_text(painter, QRectF(-header, -10, header, 20), name, Qt.AlignmentFlag.AlignRight)
            else:
                painter.rotate(-60)
                draw_text(painter, QRectF(0, -10, header, 20), name, Qt.AlignmentFlag.AlignLeft)
            painter.restore()
        for i, label in enumerate(matrix.labels):
            y = top + header + i * cell
            painter.setPen(QColor("black"))
            draw_text(painter, mirror.rect(QRectF(4, y, header - 8, cell)), names[i], right_align)
            for j in range(len(matrix.labels)):
                count = matrix.counts[i][j]
                rect = mirror.rect(QRectF(header + j * cell, y, cell, cell))
                diagonal = i == j and label != NO_LABEL
                base = QColor("#2e7d32" if diagonal else "#c62828")
                fill = QColor(base)
                fill.setAlphaF(0.12 + 0.75 * count / largest if count else 0.0)
                painter.fillRect(rect, fill if count else QColor("#fafafa"))
                painter.setPen(QColor("#cccccc"))
                painter.drawRect(rect)
                painter.setPen(QColor("white" if count / largest > 0.6 else "black"))
                draw_text(painter, rect, str(count), Qt.AlignmentFlag.AlignHCenter)
        painter.end()


class Dashboard(QWidget):
    """Agreement of the checked layers over the corpus; the confusion matrix of the first two."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.table_data: AgreementTable | None = None
        self.layers = QListWidget()
        self.layers.setObjectName("dashboard-layers")
        self.layers.setFlow(QListWidget.Flow.LeftToRight)
        self.layers.setMaximumHeight(40)
        self.layers.itemChanged.connect(lambda _item: self.refresh())
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.png_button = QPushButton(self.tr("Export &PNG…"))
        self.png_button.clicked.connect(self._export_png_dialog)
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.clicked.connect(self._export_csv_dialog)
        controls = QHBoxLayout()
        controls.addWidget(plain_label(self.tr("Layers:")))
        controls.addWidget(self.layers, 1)
        for button in (self.refresh_button, self.png_button, self.csv_button):
            controls.addWidget(button)

        self.message = plain_label()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("dashboard-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COLUMNS.index("title"), RtlTextDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.bars = AgreementBars()
        self.matrix = ConfusionMatrixView()
        self.charts = QWidget()
        self.charts.setObjectName("dashboard-charts")
        charts_layout = QHBoxLayout(self.charts)
        charts_layout.addWidget(self.bars, 3)
        charts_layout.addWidget(self.matrix, 2)
        self.charts.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.charts)
        splitter.setSizes([260, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def set_layers(self, available: Sequence[str], checked: Sequence[str]) -> None:
        self.layers.blockSignals(True)
        self.layers.clear()
        for name in available:
            item = QListWidgetItem(visible_controls(name))
            item.setData(LAYER_ROLE, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
            self.layers.addItem(item)
        self.layers.blockSignals(False)
        self.refresh()

    def checked_layers(self) -> list[str]:
        items = (self.layers.item(row) for row in range(self.layers.count()))
        return [str(item.data(LAYER_ROLE)) for item in items if item.checkState() == Qt.CheckState.Checked]

    def refresh(self) -> None:
        chosen = self.checked_layers()
        try:
            if len(chosen) < 2:
                raise ProjectError(self.tr("Check at least two layers to compare them."))
            table = agreement_table(self.project, chosen)
        except ProjectError as error:
            self.table_data = None
            self.message.setText(error_text(error))
            self.table.setRowCount(0)
            self.bars.set_rows([], {})
            self.matrix.set_matrix(None, "", "")
            return
        self.table_data = table
        if len(chosen) == 2:
            text = self.tr(
                "Cohen's kappa and Krippendorff's alpha over tokens; "
                "precision and recall of {b} with {a} as the reference"
            ).format(a=visible_controls(chosen[0]), b=visible_controls(chosen[1]))
        else:
            text = self.tr("Fleiss' kappa and Krippendorff's alpha over tokens; F1 is the mean over pairs of layers")
        self.message.setText(text)
        self._fill_table(table)
        captions = {label.name: label.display_ar for label in self.project.schema.labels}
        self.bars.set_rows([r for r in table.rows if r.scope == "label" and r.document_id is None], captions)
        documents = [d.document_id for d in table.report.documents]
        self.matrix.set_matrix(label_confusion(self.project, chosen[0], chosen[1], documents), chosen[0], chosen[1])

    def _fill_table(self, table: AgreementTable) -> None:
        headers = [self.tr(header) for header in HEADERS]
        headers[COLUMNS.index("kappa")] = self.tr("Cohen κ") if len(table.annotators) == 2 else self.tr("Fleiss κ")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(table.rows))
        scope, title = COLUMNS.index("scope"), COLUMNS.index("title")
        for r, row in enumerate(table.rows):
            cells = row_cells(row)
            cells[scope] = QCoreApplication.translate("AgreementScope", SCOPES.get(row.scope, row.scope))
            cells[title] = visible_controls(cells[title])
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= COLUMNS.index("exact P"):
                    # Numbers read left to right, so "-0.012" keeps its sign in front in a mirrored table too.
                    item.setText(f"\u2066{text}\u2069" if text.startswith("-") else text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    # -- export -----------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> None:
        if self.table_data is None:
            raise ProjectError(self.tr("There are no figures to export: check at least two layers with spans."))
        atomic_write(path, table_csv(self.table_data))

    def export_png(self, path: Path) -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.charts.grab().save(buffer, "PNG"):
            raise OSError(self.tr("the charts could not be rendered as PNG"))
        buffer.close()
        atomic_write(path, bytes(data.data()))

    def _export_png_dialog(self) -> None:
        self._export(self.tr("Export Charts as PNG"), self.tr("PNG image (*.png)"), ".png", self.export_png)

    def _export_csv_dialog(self) -> None:
        self._export(self.tr("Export Figures as CSV"), self.tr("CSV table (*.csv)"), ".csv", self.export_csv)

    def _export(self, title: str, filter_text: str, suffix: str, write: Callable[[Path], None]) -> None:
        name = save_file_name(self, title, f"agreement{suffix}", filter_text)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            self.project.refuse_own_file(path)
            write(path)
        except (OSError, ProjectError) as error:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Not exported"), f"{path}: {error_text(error)}")
