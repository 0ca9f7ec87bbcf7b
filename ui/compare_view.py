"""Two layers of one document side by side, both right-to-left, scrolled together.

Every span is highlighted in the colour of its unit's status (agreed, label mismatch, boundary
mismatch, only in A, only in B); the current unit is filled in both panes and gold's copy of a
decided unit is outlined.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollBar, QSplitter, QVBoxLayout, QWidget

from annotator.agreement import ComparisonUnit, UnitStatus
from annotator.model import Document, Span
from annotator.review import Review
from ui.document_view import DocumentView, Overlay, OverlayStyle
from ui.plain import plain_label, visible_controls

STATUS_COLOURS = {
    UnitStatus.AGREED: "#66bb6a",
    UnitStatus.LABEL_MISMATCH: "#ffa726",
    UnitStatus.BOUNDARY_MISMATCH: "#ab47bc",
    UnitStatus.ONLY_A: "#ef5350",
    UnitStatus.ONLY_B: "#42a5f5",
}
# English source texts; status_name() gives them in the interface language.
STATUS_NAMES = {
    UnitStatus.AGREED: str(QT_TRANSLATE_NOOP("UnitStatus", "agreed")),
    UnitStatus.LABEL_MISMATCH: str(QT_TRANSLATE_NOOP("UnitStatus", "label mismatch")),
    UnitStatus.BOUNDARY_MISMATCH: str(QT_TRANSLATE_NOOP("UnitStatus", "boundary mismatch")),
    UnitStatus.ONLY_A: str(QT_TRANSLATE_NOOP("UnitStatus", "only in A")),
    UnitStatus.ONLY_B: str(QT_TRANSLATE_NOOP("UnitStatus", "only in B")),
}
SINGLE_LAYER_COLOUR = "#90caf9"
CURRENT_COLOUR = "#fdd835"
GOLD_COLOUR = "#8d6e00"


def status_name(status: UnitStatus) -> str:
    """A comparison unit's status in the interface language."""
    return QCoreApplication.translate("UnitStatus", STATUS_NAMES[status])


class ComparePane(QWidget):
    """One layer: its name above a DocumentView. ``caption`` is "A: {layer}" in the interface language."""

    def __init__(self, side: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.caption = caption
        self.title = plain_label()
        self.title.setObjectName(f"pane-title-{side.lower()}")
        self.view = DocumentView()
        self.view.setObjectName(f"compare-view-{side.lower()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def set_layer(self, name: str | None) -> None:
        self.title.setText(self.caption.format(layer=visible_controls(name)) if name else "")


def _legend_entry(colour: str, text: str) -> QWidget:
    entry = QWidget()
    layout = QHBoxLayout(entry)
    layout.setContentsMargins(0, 0, 8, 0)
    swatch = QLabel()
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    swatch.setPixmap(pixmap)
    layout.addWidget(swatch)
    layout.addWidget(plain_label(text))
    return entry


class CompareView(QWidget):
    """Layer A and (optionally) layer B of one document; clicking a span asks for its unit.

    In a right-to-left interface the splitter is mirrored, so A (read first) is on the right.
    """

    unit_clicked = Signal(int)  # index into the review's units

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.a = ComparePane("A", self.tr("A: {layer}"))
        self.b = ComparePane("B", self.tr("B: {layer}"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.a)
        self.splitter.addWidget(self.b)
        self.splitter.setChildrenCollapsible(False)
        self.legend = QWidget()
        legend_layout = QHBoxLayout(self.legend)
        legend_layout.setContentsMargins(0, 0, 0, 0)
        for status in UnitStatus:
            legend_layout.addWidget(_legend_entry(STATUS_COLOURS[status], status_name(status)))
        legend_layout.addWidget(_legend_entry(CURRENT_COLOUR, self.tr("current unit")))
        legend_layout.addWidget(_legend_entry(GOLD_COLOUR, self.tr("gold (outline)")))
        legend_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)
        self.review: Review | None = None
        self._unit_of_span: dict[str, int] = {}
        self._syncing = False
        bar_a, bar_b = self.a.view.verticalScrollBar(), self.b.view.verticalScrollBar()
        bar_a.valueChanged.connect(lambda _value: self._sync(bar_a, bar_b))
        bar_b.valueChanged.connect(lambda _value: self._sync(bar_b, bar_a))
        for view in (self.a.view, self.b.view):
            view.span_clicked.connect(self._on_span_clicked)
        for view in (self.a.view, self.b.view):
            view.set_colours({status.value: colour for status, colour in STATUS_COLOURS.items()})

    def _sync(self, source: QScrollBar, target: QScrollBar) -> None:
        """Keep both panes at the same place in the text (the same fraction of the scroll range)."""
        if self._syncing or not self.b.isVisible():
            return
        self._syncing = True
        try:
            span = source.maximum() - source.minimum()
            fraction = (source.value() - source.minimum()) / span if span else 0.0
            target.setValue(round(target.minimum() + fraction * (target.maximum() - target.minimum())))
        finally:
            self._syncing = False

    def show_document(self, document: Document) -> None:
        for pane in (self.a, self.b):
            pane.view.show_document(document)

    def show_single(self, layer: str, spans: list[Span]) -> None:
        """One layer alone: its spans highlighted in one colour, the B pane hidden."""
        self.review = None
        self._unit_of_span = {}
        self.a.set_layer(layer)
        self.b.hide()
        self.legend.hide()
        self.a.view.set_colours({span.label: SINGLE_LAYER_COLOUR for span in spans})
        self.a.view.set_spans(spans)
        for group in ("current", "gold"):
            self.a.view.set_overlays(group, [])

    def show_review(self, review: Review) -> None:
        self.review = review
        self.a.set_layer(review.layer_a)
        self.b.set_layer(review.layer_b)
        self.b.show()
        self.legend.show()
        a_spans: list[Span] = []
        b_spans: list[Span] = []
        self._unit_of_span = {}
        for index, unit in enumerate(review.units):
            if unit.a is not None:
                a_spans.append(replace(unit.a, label=unit.status.value))
                self._unit_of_span[unit.a.id] = index
            if unit.b is not None:
                b_spans.append(replace(unit.b, label=unit.status.value))
                self._unit_of_span[unit.b.id] = index
        for view, spans in ((self.a.view, a_spans), (self.b.view, b_spans)):
            view.set_colours({status.value: colour for status, colour in STATUS_COLOURS.items()})
            view.set_spans(spans)
        self.show_gold(review)

    def show_gold(self, review: Review) -> None:
        """Outline gold's copy of every decided unit (again after a decision or an edit of gold)."""
        self.review = review
        gold = [
            Overlay(span.start, span.end, GOLD_COLOUR, OverlayStyle.DOTTED, 2.0)
            for span in (review.gold_span(unit) for unit in review.units)
            if span is not None
        ]
        for view in (self.a.view, self.b.view):
            view.set_overlays("gold", gold)

    def show_current(self, unit: ComparisonUnit | None) -> None:
        overlays = [] if unit is None else [Overlay(unit.start, unit.end, CURRENT_COLOUR, OverlayStyle.FILL)]
        for view in (self.a.view, self.b.view):
            view.set_overlays("current", overlays)
            if unit is not None:
                view.select_offsets(unit.start, unit.start)
                view.ensureCursorVisible()

    def _on_span_clicked(self, span_id: str) -> None:
        index = self._unit_of_span.get(span_id)
        if index is not None:
            self.unit_clicked.emit(index)
