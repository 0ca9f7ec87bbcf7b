"""The read-only, right-to-left view of one document's stored text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from annotator.marks import Overlay as Overlay  # also read from here by the views that draw them
from annotator.marks import OverlayStyle as OverlayStyle
from annotator.model import Document, Span
from annotator.session import SpanLayer
from ui.fonts import DEFAULT_TEXT_POINT_SIZE, text_font
from ui.highlighter import SpanHighlighter, block_starts_of
from ui.positions import OffsetMap
from ui.rtl import make_document_rtl

PEN_STYLES = {
    OverlayStyle.SOLID: Qt.PenStyle.SolidLine,
    OverlayStyle.DASHED: Qt.PenStyle.DashLine,
    OverlayStyle.DOTTED: Qt.PenStyle.DotLine,
}


_overlay_order = attrgetter("start", "end")
_overlay_end = attrgetter("end")

SELECTED_OUTLINE_WIDTH = 2.0
RELATED_OUTLINE_WIDTH = 1.5
MARK_MARGIN = 4
"""Pixels above and below a block that its outlines may reach (half the widest pen, rounded up, and more)."""
CLICK_SLOP = 3
# Ctrl while dragging selects exact characters. Not Alt: window managers (openbox, KDE, Xfce) take
# Alt+drag to move the window, and the text never sees it.
EXACT_DRAG_MODIFIER = Qt.KeyboardModifier.ControlModifier
# A drag may end this many pixels (at most this many characters) into the next word without taking it.
OVERSHOOT_PX = 4
OVERSHOOT_CHARACTERS = 2
SELECTION_KEYS = (
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
)

MIN_POINT_SIZE = 8.0
MAX_POINT_SIZE = 48.0
ZOOM_STEP = 1.0


# Qt lays out a paragraph as a whole, so every change inside a long one costs a layout of all of
# it. A paragraph longer than this is shown in pieces, broken where it has a space: the space is
# shown as the line break it would have wrapped at anyway, one character for one, so positions do
# not move, and the stored text is untouched.
LONG_PARAGRAPH = 3000


def laid_out_text(text: str, limit: int = LONG_PARAGRAPH) -> str:
    """``text`` as it is given to Qt: every paragraph longer than ``limit`` broken at spaces."""
    breaks: list[int] = []
    line_start, length = 0, len(text)
    while line_start < length:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = length
        piece_start = line_start
        while line_end - piece_start > limit:
            cut = text.rfind(" ", piece_start + limit // 2, piece_start + limit)
            if cut == -1:
                cut = text.find(" ", piece_start + limit, line_end)
                if cut == -1:
                    break
            breaks.append(cut)
            piece_start = cut + 1
        line_start = line_end + 1
    if not breaks:
        return text
    pieces, previous = [], 0
    for cut in breaks:
        pieces.append(text[previous:cut])
        previous = cut + 1
    pieces.append(text[previous:])
    return "\n".join(pieces)


def _is_rtl(document: QTextDocument) -> bool:
    option = document.defaultTextOption()
    return option.textDirection() == Qt.LayoutDirection.RightToLeft and option.alignment() == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    )


class OutlinedTextEdit(QPlainTextEdit):
    """A text edit that draws outlines and fills over ranges of a stored text (offsets in code
    points, converted by ``offsets``) and runs work after its paints."""

    # Once, after the view has painted for the first time: work that can wait waits for it.
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offsets = OffsetMap("")
        self._overlays: dict[str, list[Overlay]] = {}
        # Drawn over the text and outlines at every paint, with the stored-text range of the lines
        # shown and the part of the viewport being painted.
        self.decorations: list[Callable[[QPainter, int, int, QRect], None]] = []
        # Outline rectangles of Qt ranges, per block and relative to it, as long as its layout holds.
        self._boxes: dict[int, dict[tuple[int, int], list[QRectF]]] = {}
        layout = self.document().documentLayout()
        layout.updateBlock.connect(lambda block: self._boxes.pop(block.blockNumber(), None))
        layout.documentSizeChanged.connect(lambda _size: self._boxes.clear())
        self._painted = False
        self._first_paint_pending = False
        self._after_paint: list[Callable[[], object]] = []
        # A child, so that it is stopped with the window and never fires for a deleted view.
        self._after_paint_timer = QTimer(self)
        self._after_paint_timer.setSingleShot(True)
        self._after_paint_timer.setInterval(0)
        self._after_paint_timer.timeout.connect(self._run_after_paint)

    def set_overlays(self, group: str, overlays: Iterable[Overlay], *, ordered: bool = False) -> None:
        """Replace one named group of outlines or fills ("search", "suggestions", "review", ...).

        With ``ordered``, ``overlays`` are already in (start, end) order and do not overlap each
        other; the view keeps a copy of them either way.
        """
        shown = list(overlays) if ordered else sorted(overlays, key=_overlay_order)
        if shown:
            self._overlays[group] = shown
        else:
            self._overlays.pop(group, None)
        self.viewport().update()

    def overlays(self, group: str) -> list[Overlay]:
        return list(self._overlays.get(group, []))

    def _visible_offsets(self) -> tuple[int, int]:
        """The stored-text range of the lines in the viewport, the partly shown first and last included
        (and those whose outlines reach into it).

        Lines are found by their height, never by the character under a corner: in right-to-left
        text the left corner holds the end of a line and the right one its start, which is also the
        end of the line before, so a corner named the neighbouring line and the outlines of a
        partly shown line went missing from a full repaint.
        """
        # An outline reaches MARK_MARGIN pixels past its line: the lines just outside count too.
        top = self._line_edge_at(-MARK_MARGIN, first=True)
        bottom = self._line_edge_at(self.viewport().height() - 1 + MARK_MARGIN, first=False)
        return self.offsets.to_offset(top), self.offsets.to_offset(min(bottom, self.offsets.qt_length))

    def _line_edge_at(self, y: int, *, first: bool) -> int:
        """The Qt position where the visual line at viewport height ``y`` begins (``first``) or ends."""
        block = self.cursorForPosition(QPoint(0, y)).block()
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return block.position() if first else block.position() + block.length()
        within = y - self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        lines = [layout.lineAt(number) for number in range(layout.lineCount())]
        line = next((line for line in lines if within < line.y() + line.height()), lines[-1])
        if within < lines[0].y():
            line = lines[0]
        if first:
            return block.position() + line.textStart()
        return block.position() + line.textStart() + line.textLength() + 1

    @property
    def has_painted(self) -> bool:
        return self._painted

    def after_next_paint(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once, as soon as the event loop is free after the view's next paint."""
        if callback not in self._after_paint:  # asked again before a paint (a hidden view): still once
            self._after_paint.append(callback)

    def _run_after_paint(self) -> None:
        """What was asked for after this paint, then (the first time) ``first_painted``."""
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()
        if self._first_paint_pending:
            self._first_paint_pending = False
            self.first_painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._boxes.clear()  # lines are laid out again for the new width, right-aligned
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self._first_paint_pending = True
        if self._after_paint or self._first_paint_pending:
            self._after_paint_timer.start()
        marks: list[Overlay] = []
        first, last = self._visible_offsets()
        for group in self._overlays.values():
            for index in range(bisect_left(group, first, key=_overlay_end), len(group)):
                overlay = group[index]
                if overlay.start > last:
                    break
                marks.append(overlay)
        marks.extend(self._extra_marks())
        if not marks and not self.decorations:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for mark in marks:
            colour = QColor(mark.colour)
            if mark.style is OverlayStyle.FILL:
                fill = QColor(colour)
                fill.setAlphaF(0.35)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
            elif mark.style is OverlayStyle.HATCH:
                painter.setPen(QPen(colour, mark.width, Qt.PenStyle.SolidLine))
                painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
            else:
                painter.setPen(QPen(colour, mark.width, PEN_STYLES[mark.style]))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in self.range_rects(mark.start, mark.end):
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
        for decorate in self.decorations:
            decorate(painter, first, last, event.rect())
        painter.end()

    def _extra_marks(self) -> list[Overlay]:
        """Outlines to draw besides the groups of overlays (a subclass's own)."""
        return []

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """One rectangle per visual line of the stored-text range, in viewport coordinates.

        Only the lines that hold the range and lie in the viewport are looked at.
        """
        qt_start, qt_end = self.offsets.to_qt_range(start, end)
        rects: list[QRectF] = []
        document = self.document()
        block = document.findBlock(qt_start)
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid() and block.position() < qt_end:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            if geometry.bottom() >= 0 and block.isVisible():
                corner = geometry.topLeft()
                for box in self._block_boxes(block, qt_start, qt_end):
                    top = corner.y() + box.top()
                    if top <= height and top + box.height() >= 0:
                        rects.append(box.translated(corner))
            block = block.next()
        return rects

    def _block_boxes(self, block: QTextBlock, qt_start: int, qt_end: int) -> list[QRectF]:
        """The rectangles of ``[qt_start, qt_end)`` in ``block``, one per line, relative to the block."""
        begin = max(qt_start - block.position(), 0)
        end = min(qt_end - block.position(), block.length() - 1)
        if end <= begin:
            return []
        cached = self._boxes.get(block.blockNumber())
        if cached is not None and (begin, end) in cached:
            return cached[(begin, end)]
        layout = block.layout()
        if layout.lineCount() == 0:
            return []  # not laid out yet: nothing to remember
        rects: list[QRectF] = []
        first = layout.lineForTextPosition(begin).lineNumber()
        last = layout.lineForTextPosition(end - 1).lineNumber()
        for number in range(max(first, 0), (last if last >= 0 else layout.lineCount() - 1) + 1):
            line = layout.lineAt(number)
            line_begin = max(begin, line.textStart())
            line_end = min(end, line.textStart() + line.textLength())
            if line_end <= line_begin:
                continue
            boxes = [run.boundingRect() for run in layout.glyphRuns(line_begin, line_end - line_begin)]
            if boxes:
                left = min(box.left() for box in boxes)
                right = max(box.right() for box in boxes)
                rects.append(QRectF(left, line.y(), right - left, line.height()))
        self._boxes.setdefault(block.blockNumber(), {})[(begin, end)] = rects
        return rects


class DocumentView(OutlinedTextEdit):
    """Shows the stored text unchanged; offsets in and out are stored-text code points."""

    zoom_changed = Signal(float)
    span_clicked = Signal(str)  # the id of the span under a click, or "" for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # Puts the vertical scroll bar on the left, where an Arabic reader expects it.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._point_size = DEFAULT_TEXT_POINT_SIZE
        self.setFont(text_font(self._point_size))
        make_document_rtl(self.document())
        self._stored_text = ""
        self.document_id: str | None = None
        self.highlighter = SpanHighlighter(self.document())
        # The spans shown: a session's layer (its own object, which the session changes; the
        # view is told what changed by ``show_change``), or a layer made for a read-only view.
        self.layer = SpanLayer()
        self._colours: dict[str, QColor] = {}
        self.selected_span_id: str | None = None
        self.related_span_ids: frozenset[str] = frozenset()
        self.candidate_span_id: str | None = None
        self.exact_selection = False
        self._press: QPoint | None = None
        self._last_click: tuple[int, str] | None = None
        self.viewport().installEventFilter(WheelZoom(self))

    @property
    def stored_text(self) -> str:
        return self._stored_text

    @property
    def spans(self) -> list[Span]:
        """The spans shown, in reading order."""
        return self.layer.spans

    def show_document(self, document: Document, spans: SpanLayer | Iterable[Span] | None = None) -> None:
        """Show ``document``; with its ``spans``, the text is highlighted as Qt lays it out, in one pass."""
        self._boxes.clear()
        self._stored_text = document.text
        self.offsets = OffsetMap(document.text)
        self.document_id = document.id
        self.layer = _as_layer(spans if spans is not None else ())
        shown = self.layer.spans
        laid_out = laid_out_text(document.text)
        self.highlighter.load(shown, self.offsets, block_starts_of(laid_out, self.offsets))
        with self.highlighter.deferred():
            self.setPlainText(laid_out)
            if not _is_rtl(self.document()):
                make_document_rtl(self.document())  # laying out the text again: only if it was lost
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if not self.highlighter.blocks_match_document():
            self.highlighter.set_spans(shown, self.offsets)
        self.selected_span_id = None
        self.related_span_ids = frozenset()
        self.candidate_span_id = None
        self._overlays = {}

    def copy(self) -> None:
        """Copy the stored text of the selection, not Qt's rendering of it (which turns NBSP, line
        separators and the breaks of long paragraphs into other characters)."""
        if self.textCursor().hasSelection():
            QApplication.clipboard().setText(self.selected_stored_text())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            if action.objectName() == "edit-copy":
                action.triggered.disconnect()
                action.triggered.connect(self.copy)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def set_colours(self, colours: Mapping[str, str]) -> None:
        self._colours = {label: QColor(value) for label, value in colours.items()}
        self.highlighter.set_colours(colours)

    def set_spans(self, spans: SpanLayer | Iterable[Span], touched: Iterable[Span] | None = None) -> None:
        """Show ``spans``; with ``touched``, only the blocks those spans cover are highlighted again."""
        self.layer = _as_layer(spans)
        if touched is None:
            self.highlighter.set_spans(self.spans, self.offsets)
        else:
            self.highlighter.update_spans(self.spans, self.offsets, touched)
        self.viewport().update()

    def show_change(self, removed: Iterable[Span], added: Iterable[Span]) -> None:
        """The layer shown has changed (``removed`` spans as they were, ``added`` as they are now):
        highlight again only the blocks those spans cover, and repaint their lines."""
        removed, added = list(removed), list(added)
        self.highlighter.change_spans(removed, added, self.offsets)
        self._repaint_lines_of([*removed, *added])

    def span_by_id(self, span_id: str | None) -> Span | None:
        return self.layer.get(span_id)

    def spans_at(self, offset: int) -> list[Span]:
        """The spans covering the character at ``offset``, innermost first."""
        return self.layer.at(offset)

    def set_marks(self, selected: str | None, related: Iterable[str] = (), candidate: str | None = None) -> None:
        marked = [self.selected_span_id, *self.related_span_ids, self.candidate_span_id]
        self.selected_span_id = selected
        self.related_span_ids = frozenset(related)
        self.candidate_span_id = candidate
        marked += [selected, *self.related_span_ids, candidate]
        self._repaint_lines_of([span for span in map(self.span_by_id, set(marked)) if span is not None])

    def _repaint_lines_of(self, spans: Iterable[Span]) -> None:
        """Schedule a repaint of the shown part of the blocks holding ``spans``, whose highlight or
        outline changed, rather than of the whole viewport (drawing Arabic text is what a paint costs)."""
        viewport = self.viewport()
        width, height = viewport.width(), viewport.height()
        offset = self.contentOffset()
        document = self.document()
        for span in spans:
            qt_start, qt_end = self.offsets.to_qt_range(span.start, span.end)
            block = document.findBlock(qt_start)
            while block.isValid() and block.position() <= max(qt_start, qt_end - 1):
                geometry = self.blockBoundingGeometry(block).translated(offset)
                if geometry.top() > height:
                    break
                if geometry.bottom() >= 0:
                    top = max(int(geometry.top()) - MARK_MARGIN, 0)
                    bottom = min(int(geometry.bottom()) + MARK_MARGIN, height)
                    viewport.update(0, top, width, bottom - top + 1)
                block = block.next()

    def clear_document(self) -> None:
        self._boxes.clear()
        self._stored_text = ""
        self.offsets = OffsetMap("")
        self.document_id = None
        self.highlighter.load([], self.offsets, [0])
        with self.highlighter.deferred():
            self.setPlainText("")
        self.layer = SpanLayer()
        self.set_marks(None)

    def select_offsets(self, start: int, end: int) -> None:
        qt_start, qt_end = self.offsets.to_qt_range(start, end)
        cursor = self.textCursor()
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_offsets(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return self.offsets.to_offset_range(cursor.selectionStart(), cursor.selectionEnd())

    def selected_stored_text(self) -> str:
        start, end = self.selected_offsets()
        return self._stored_text[start:end]

    @property
    def point_size(self) -> float:
        return self._point_size

    def set_point_size(self, size: float) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        if size == self._point_size:
            return
        self._point_size = size
        self._boxes.clear()
        first = first_shown_position(self)
        self.setFont(text_font(size))
        scroll_line_to_top(self, first)
        self.zoom_changed.emit(size)

    def zoom_in_steps(self, steps: int = 1) -> None:
        self.set_point_size(self._point_size + steps * ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_point_size(DEFAULT_TEXT_POINT_SIZE)

    # -- mouse and keyboard ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.exact_selection = bool(event.modifiers() & EXACT_DRAG_MODIFIER)
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if not self.exact_selection and self.textCursor().hasSelection():
            self._forgive_overshoot(event.position().toPoint())
        if (event.position().toPoint() - press).manhattanLength() > CLICK_SLOP or self.textCursor().hasSelection():
            return
        offset = self.offsets.to_offset(self.cursorForPosition(press).position())
        self.span_clicked.emit(self._span_for_click(offset))

    def _forgive_overshoot(self, release: QPoint) -> None:
        """A drag that ends a few pixels into the next word does not take that word.

        The points OVERSHOOT_PX to either side of where the drag ended are looked at; the one that
        lies back towards the start of the selection (leftwards or rightwards, as the line's runs
        go) ends the selection instead, when a space lies between it and the end: the drag had
        just crossed into the next word, and snapping then leaves that word out."""
        cursor = self.textCursor()
        anchor, end = cursor.anchor(), cursor.position()
        low, high = sorted((anchor, end))
        back: list[int] = []
        for shift in (OVERSHOOT_PX, -OVERSHOOT_PX):
            position = self.cursorForPosition(release + QPoint(shift, 0)).position()
            if low < position < high:
                back.append(position)
        if not back:
            return
        settled = max(back) if end > anchor else min(back)
        between = QTextCursor(self.document())
        between.setPosition(min(settled, end))
        between.setPosition(max(settled, end), QTextCursor.MoveMode.KeepAnchor)
        crossed = between.selectedText()
        if end < anchor:
            crossed = crossed[::-1]  # read from the selection outwards
        overshot = crossed.lstrip()
        if overshot == crossed or len(overshot) > OVERSHOOT_CHARACTERS or any(c.isspace() for c in overshot):
            return  # no space crossed, or more of the next word than a slip of the hand takes
        cursor.setPosition(anchor)
        cursor.setPosition(settled, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _span_for_click(self, offset: int) -> str:
        """The innermost span at the click; clicking again at the same place goes one span outwards."""
        # The click lands on a boundary; the character clicked is the one after it, or else the one before.
        covering = self.spans_at(offset) or (self.spans_at(offset - 1) if offset > 0 else [])
        if not covering:
            self._last_click = None
            return ""
        chosen = covering[0]
        if self._last_click is not None and self._last_click[0] == offset:
            ids = [s.id for s in covering]
            if self._last_click[1] in ids:
                chosen = covering[(ids.index(self._last_click[1]) + 1) % len(covering)]
        self._last_click = (offset, chosen.id)
        return chosen.id

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ShiftModifier and event.key() in SELECTION_KEYS:
            self.exact_selection = bool(modifiers & Qt.KeyboardModifier.AltModifier)
            if self.exact_selection:
                # Alt+Shift+arrow selects exact characters: Qt itself only knows Shift+arrow.
                event = QKeyEvent(event.type(), event.key(), modifiers & ~Qt.KeyboardModifier.AltModifier, event.text())
        super().keyPressEvent(event)

    def _block_numbers_shown(self) -> range:
        first = self.firstVisibleBlock().blockNumber()
        bottom = self.cursorForPosition(QPoint(0, self.viewport().height() - 1)).blockNumber()
        return range(first, max(first, bottom) + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.highlighter.pending:
            self.highlighter.highlight_shown(self._block_numbers_shown())
        super().paintEvent(event)

    def _extra_marks(self) -> list[Overlay]:
        """The outlines of the related spans, the selected span and a relation candidate."""
        marks = []
        for span_id in self.related_span_ids:
            related = self.span_by_id(span_id)
            if related is not None:
                marks.append(self._span_mark(related, OverlayStyle.DASHED, RELATED_OUTLINE_WIDTH))
        selected = self.span_by_id(self.selected_span_id)
        if selected is not None:
            marks.append(self._span_mark(selected, OverlayStyle.SOLID, SELECTED_OUTLINE_WIDTH))
        candidate = self.span_by_id(self.candidate_span_id)
        if candidate is not None:
            marks.append(self._span_mark(candidate, OverlayStyle.DOTTED, SELECTED_OUTLINE_WIDTH + 1))
        return marks

    def _span_mark(self, span: Span, style: OverlayStyle, width: float) -> Overlay:
        colour = self._colours.get(span.label, QColor("black")).darker(140)
        return Overlay(span.start, span.end, colour.name(), style, width)


def _as_layer(spans: SpanLayer | Iterable[Span]) -> SpanLayer:
    return spans if isinstance(spans, SpanLayer) else SpanLayer(spans)


def first_shown_position(view: QPlainTextEdit) -> int:
    """Where the top line shown begins (the first text the analyst sees)."""
    position = view.cursorForPosition(QPoint(view.viewport().width() // 2, 1)).position()
    block = view.document().findBlock(position)
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return block.position()
    return block.position() + layout.lineForTextPosition(position - block.position()).textStart()


def scroll_line_to_top(view: QPlainTextEdit, position: int) -> None:
    """Scroll so the line holding ``position`` is the top one: Qt keeps the top line's number
    instead, and a paragraph wrapped anew by a zoom shows other text on that line."""
    block = view.document().findBlock(position)
    layout = block.layout()
    line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
    within = line.lineNumber() if line is not None and line.isValid() else 0
    view.verticalScrollBar().setValue(block.firstLineNumber() + within)


class WheelZoom(QObject):
    """Ctrl and the wheel zoom by the view's own steps. Qt's zoom changed the font behind the view's
    back: the status bar kept the old size and the place in the text was not kept."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view
        self._delta = 0  # in eighths of a degree, as the wheel reports; a notch is 120

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QWheelEvent) or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        self._delta += event.angleDelta().y()
        steps = int(self._delta / 120)
        if steps:
            self._delta -= steps * 120
            self.view.zoom_in_steps(steps)
        return True
