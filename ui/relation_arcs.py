"""Relations drawn as labelled arcs above the lines of a document view, from head to tail.

Each end of an arc sits over the glyphs of its span, as the text layout places them (so it is
right in right-to-left lines, after a wrap, a zoom or a scroll): the carets the layout puts before
and after the span on the first line it is shown on bound its glyphs there. An arc rises above the higher of its two
ends, between paragraphs too; when one end is off the screen, the arc climbs from the visible end
and ends in an arrow pointing up or down, the way to its partner. Several arcs leaving one span
start at points spread along it. Each label sits on its arc, in the middle of the space between
two lines: it never covers a glyph of the text (where the glyphs of each line shown reach is
measured from the font's outlines of the line's text) nor another label. The arc rises so that its
apex is in the nearest such space above its ends, the label is slid along it, and when no place
there is free the arc rises to the next space up; an arc that finds no free place within a few
is drawn without its label (hovering it still names it), since readable text comes first.

Only the relations with an end among the lines shown are looked at: an index of the ends' offsets
is kept, and made again only when the relations or the spans they join change; the arcs are laid
out again only when the lines shown, the layout or the relations change, a paint draws only the
arcs crossing the part being painted, and each label is drawn once into a pixmap.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
    QPolygonF,
    QTextBlock,
)

from annotator.model import Relation, Span
from ui.document_view import DocumentView

ARC_PEN_WIDTH = 1.0
SELECTED_PEN_WIDTH = 3.0
HIT_WIDTH = 8.0
ARROW = 5.0
LABEL_PADDING = 3.0  # left and right of a label's name
LABEL_LEADING = 0.5  # above and below it: labels must fit in the space between two lines
LABEL_SCALE = 0.58  # of the text's point size
INK_MARGIN = 0.5  # kept free around the glyphs
MAX_STEPS = 4  # spaces between lines tried for a label before the arc is drawn without it
# Along an arc, from its apex outwards.
LABEL_PLACES = tuple(sorted((n / 16 for n in range(1, 16)), key=lambda t: (abs(t - 0.5), t)))


class Partner(Enum):
    """Where an arc's other end is, when it is not on the screen."""

    SHOWN = "shown"
    ABOVE = "above"
    BELOW = "below"


@dataclass(frozen=True)
class ArcEnd:
    span: Span
    point: QPointF | None  # over the span's first visible line; None when the span is off the screen
    partner: Partner = Partner.SHOWN
    rect: QRectF | None = None  # the glyphs of the span on that line


@dataclass(frozen=True)
class Arc:
    """One relation as it is drawn now, in viewport coordinates."""

    relation: Relation
    head: ArcEnd
    tail: ArcEnd
    path: QPainterPath
    label_rect: QRectF
    colour: QColor


class RelationArcs:
    """The arcs of one view: the relations to draw, which is selected, and whether arcs are shown."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.shown = True
        self.selected_id: str | None = None
        self._relations: dict[str, Relation] = {}
        self._ends: list[tuple[int, int, str]] = []  # (start, end, relation id) of every head and tail
        self._starts: list[int] = []
        self._longest = 0
        self._end_ids: frozenset[str] = frozenset()
        self._names: dict[str, str] = {}
        self._colours: dict[str, QColor] = {}
        self._drawn: list[Arc] = []
        # The arcs stay where they are until the lines shown, the layout or the relations change.
        self._version = 0
        self._drawn_for: tuple[object, ...] | None = None
        self._labels: dict[tuple[object, ...], QPixmap] = {}
        self._ink_of_block: dict[tuple[object, ...], list[tuple[float, float, float, float]]] = {}

    # -- what is drawn --------------------------------------------------------------------------

    def set_styles(self, names: Mapping[str, str], colours: Mapping[str, str]) -> None:
        """The label shown and the colour of each relation label."""
        self._names = dict(names)
        self._colours = {label: QColor(colour) for label, colour in colours.items()}
        self._labels.clear()
        self._version += 1
        self.view.viewport().update()

    def set_relations(self, relations: Iterable[Relation]) -> None:
        self._relations = {relation.id: relation for relation in relations}
        if self.selected_id not in self._relations:
            self.selected_id = None
        self.reindex()

    @property
    def relations(self) -> list[Relation]:
        return list(self._relations.values())

    def relation(self, relation_id: str | None) -> Relation | None:
        return self._relations.get(relation_id) if relation_id is not None else None

    def joins(self, span_ids: Iterable[str]) -> bool:
        """Whether any of these spans is an end of a relation (so the index must follow them)."""
        return any(span_id in self._end_ids for span_id in span_ids)

    def reindex(self) -> None:
        """Index the ends' offsets again (after the relations or the spans they join changed)."""
        ends: list[tuple[int, int, str]] = []
        for relation in self._relations.values():
            for span_id in (relation.head, relation.tail):
                span = self.view.span_by_id(span_id)
                if span is not None:
                    ends.append((span.start, span.end, relation.id))
        ends.sort()
        self._end_ids = frozenset(span_id for r in self._relations.values() for span_id in (r.head, r.tail))
        self._ends = ends
        self._starts = [start for start, _end, _id in ends]
        self._longest = max((end - start for start, end, _id in ends), default=0)
        self._version += 1
        self.view.viewport().update()

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        if not shown:
            self._drawn = []
            self._drawn_for = None
        self.view.viewport().update()

    def select(self, relation_id: str | None) -> None:
        if relation_id != self.selected_id:
            self.selected_id = relation_id
            self.view.viewport().update()

    def relations_near(self, first: int, last: int) -> list[Relation]:
        """The relations with an end (head or tail) overlapping the stored-text range ``[first, last]``."""
        low = bisect_left(self._starts, first - self._longest)
        high = bisect_right(self._starts, last)
        found: dict[str, Relation] = {}
        for start, end, relation_id in self._ends[low:high]:
            if end >= first and start <= last and relation_id not in found:
                found[relation_id] = self._relations[relation_id]
        return list(found.values())

    # -- geometry -------------------------------------------------------------------------------

    def _end(self, span_id: str, first: int, last: int) -> ArcEnd | None:
        span = self.view.span_by_id(span_id)
        if span is None:
            return None
        rect = self._first_line_rect(span) if span.end >= first and span.start <= last else None
        if rect is None:
            return ArcEnd(span, None, Partner.ABOVE if span.start < first else Partner.BELOW)
        return ArcEnd(span, QPointF(rect.center().x(), rect.top()), Partner.SHOWN, rect)

    def _first_line_rect(self, span: Span) -> QRectF | None:
        """Where the span's glyphs are on the first visual line it is shown on, in viewport
        coordinates: between the carets the text layout puts before its first character and after
        its last one on that line (in a right-to-left line the first caret is the right one)."""
        view = self.view
        qt_start, qt_end = view.offsets.to_qt_range(span.start, span.end)
        height = view.viewport().height()
        offset = view.contentOffset()
        block = view.document().findBlock(qt_start)
        while block.isValid() and block.position() < qt_end:
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                return None
            layout = block.layout()
            if geometry.bottom() >= 0 and block.isVisible() and layout.lineCount():
                begin = max(qt_start - block.position(), 0)
                end = min(qt_end - block.position(), block.length() - 1)
                line = layout.lineForTextPosition(begin)
                while line.isValid() and begin < end:
                    top = geometry.top() + line.y()
                    if top >= 0 and top <= height:
                        line_end = min(end, line.textStart() + line.textLength())
                        x1, x2 = (_caret_x(line.cursorToX(p)) for p in (begin, line_end))
                        return QRectF(geometry.left() + min(x1, x2), top, abs(x2 - x1), line.height())
                    begin = line.textStart() + line.textLength()
                    line = layout.lineAt(line.lineNumber() + 1)
            block = block.next()
        return None

    def arcs(self, first: int, last: int) -> list[Arc]:
        """The arcs of the relations with an end in ``[first, last]``, laid out for the viewport now."""
        ends: list[tuple[Relation, ArcEnd, ArcEnd]] = []
        for relation in self.relations_near(first, last):
            head = self._end(relation.head, first, last)
            tail = self._end(relation.tail, first, last)
            if head is None or tail is None or (head.point is None and tail.point is None):
                continue
            ends.append((relation, head, tail))
        if not ends:
            return []
        ends = self._spread(ends)
        metrics = QFontMetricsF(self._label_font())
        line = QFontMetricsF(self.view.font()).height()
        # Shorter arcs lower, longer ones above them, so that nested arcs do not cross.
        ends.sort(key=lambda item: self._reach(item[1], item[2]))
        placed = _Placed(metrics.height())
        boxes, lanes = self._ink()
        for box in boxes:
            placed.add(*box)
        arcs: list[Arc] = []
        for relation, head, tail in ends:
            top_y = min(p.y() for p in (head.point, tail.point) if p is not None)
            size = _label_size(metrics, self._names.get(relation.label, relation.label))
            label = QRectF(0, 0, size.width(), size.height())
            # The arc's apex goes into the space between two lines, the nearest above its ends
            # first; its label is slid along it, in that space or another one the arc crosses,
            # and when no place is free the arc rises to the next space up.
            free: tuple[float, float] | None = None
            rise = line * 0.45
            for rise in _rises(lanes, top_y, line):
                places = _in_lanes(self._curve_points(head, tail, rise), lanes, label.height())
                free = next((p for p in places if placed.free(size.width(), size.height(), *p)), None)
                if free is not None:
                    break
            if free is None:
                label = QRectF()
            else:
                label.moveCenter(QPointF(*free))
                placed.add(label.left(), label.top(), label.right(), label.bottom())
            path = self._path(head, tail, rise)
            colour = self._colours.get(relation.label, QColor("#444444"))
            arcs.append(Arc(relation, head, tail, path, label, colour))
        return arcs

    def _ink(self) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float]]]:
        """Where the glyphs of the lines shown are, and the free spaces between those lines (top and
        bottom, from the top of the view down), in viewport coordinates."""
        view = self.view
        offset = view.contentOffset()
        height = view.viewport().height()
        boxes: list[tuple[float, float, float, float]] = []  # left, top, right, bottom
        bands: list[tuple[float, float]] = []
        block = view.firstVisibleBlock()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            if block.isVisible():
                key = (block.blockNumber(), block.revision(), geometry.width(), view.font().pointSizeF())
                found = self._ink_of_block.get(key)
                if found is None:
                    found = self._ink_of_block[key] = block_ink(block, view.font())
                dx, dy = geometry.left(), geometry.top()
                for left, top, right, bottom in found:
                    bands.append((top + dy, bottom + dy))
                    boxes.append((left + dx, top + dy, right + dx, bottom + dy))
            block = block.next()
        if len(self._ink_of_block) > 4096:
            self._ink_of_block.clear()
        lanes = [(upper[1], lower[0]) for upper, lower in itertools.pairwise(bands) if lower[0] > upper[1]]
        if bands:  # above the first line: as much room as between the first two
            room = lanes[0][1] - lanes[0][0] if lanes else QFontMetricsF(view.font()).height() * 0.35
            lanes.insert(0, (bands[0][0] - room, bands[0][0]))
        return boxes, lanes

    def _curve_points(self, head: ArcEnd, tail: ArcEnd, rise: float) -> Iterator[tuple[float, float]]:
        """Points (x, y) along the arc of this rise, the apex first (as plain numbers: this runs often)."""
        if head.point is not None and tail.point is not None:
            x0, y0, x3, y3 = head.point.x(), head.point.y(), tail.point.x(), tail.point.y()
            top = min(y0, y3) - rise
            for t in LABEL_PLACES:
                u = 1 - t
                a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                yield (a + b) * x0 + (c + d) * x3, a * y0 + (b + c) * top + d * y3
            return
        start, corner, _tip = self._partial(head, tail, rise)
        x0, y0, x2, y2 = start.x(), start.y(), corner.x(), corner.y()
        for t in (0.75, 1.0, 0.5, 0.875, 0.625, 0.375):
            u = 1 - t
            yield (u * u + 2 * u * t) * x0 + t * t * x2, u * u * y0 + 2 * u * t * (y0 - rise) + t * t * y2

    @staticmethod
    def _reach(head: ArcEnd, tail: ArcEnd) -> float:
        if head.point is None or tail.point is None:
            return 1e9
        return abs(head.point.x() - tail.point.x()) + 4 * abs(head.point.y() - tail.point.y())

    def _spread(self, ends: list[tuple[Relation, ArcEnd, ArcEnd]]) -> list[tuple[Relation, ArcEnd, ArcEnd]]:
        """Arcs that leave one span start from points spread along its glyphs, in the order of their partners."""
        by_span: dict[str, list[tuple[int, bool]]] = {}
        for index, (_relation, head, tail) in enumerate(ends):
            for is_head, end in ((True, head), (False, tail)):
                if end.point is not None:
                    by_span.setdefault(end.span.id, []).append((index, is_head))
        spread = list(ends)
        for users in by_span.values():
            if len(users) < 2:
                continue

            def partner_x(user: tuple[int, bool]) -> float:
                _relation, head, tail = ends[user[0]]
                other = tail if user[1] else head
                return other.point.x() if other.point is not None else (-1e9 if other.partner is Partner.ABOVE else 1e9)

            users.sort(key=partner_x)
            for slot, (index, is_head) in enumerate(users):
                relation, head, tail = spread[index]
                end = head if is_head else tail
                assert end.rect is not None and end.point is not None
                x = end.rect.left() + end.rect.width() * (slot + 1) / (len(users) + 1)
                moved = ArcEnd(end.span, QPointF(x, end.point.y()), end.partner, end.rect)
                spread[index] = (relation, moved, tail) if is_head else (relation, head, moved)
        return spread

    def _partial(self, head: ArcEnd, tail: ArcEnd, rise: float) -> tuple[QPointF, QPointF, QPointF]:
        """For an arc with one end off the screen: its visible end, the corner it turns at towards
        the partner, and the tip of its arrow (at the top edge, or down the side to the bottom edge)."""
        visible = head if head.point is not None else tail
        other = tail if visible is head else head
        assert visible.point is not None
        start = visible.point
        side = -1.0 if start.x() > self.view.viewport().width() / 2 else 1.0
        corner = QPointF(start.x() + side * rise * 1.5, start.y() - rise)
        if other.partner is Partner.ABOVE:
            return start, corner, QPointF(corner.x(), max(corner.y() - rise, 2.0))
        return start, corner, QPointF(corner.x(), min(start.y() + rise, self.view.viewport().height() - 2.0))

    def _path(self, head: ArcEnd, tail: ArcEnd, rise: float) -> QPainterPath:
        """The curve from head to tail, or from the visible end towards the other."""
        path = QPainterPath()
        if head.point is not None and tail.point is not None:
            start, end = head.point, tail.point
            top = min(start.y(), end.y()) - rise
            path.moveTo(start)
            path.cubicTo(QPointF(start.x(), top), QPointF(end.x(), top), end)
            _arrow(path, end, pointing_down=True)
            return path
        start, corner, tip = self._partial(head, tail, rise)
        path.moveTo(start)
        path.quadTo(QPointF(start.x(), start.y() - rise), corner)
        path.lineTo(tip)
        other = tail if head.point is not None else head
        _arrow(path, tip, pointing_down=other.partner is Partner.BELOW)
        if head.point is None:
            _arrow(path, start, pointing_down=True)
        return path

    def _label_font(self) -> QFont:
        font = QFont(self.view.font())
        font.setPointSizeF(max(self.view.font().pointSizeF() * LABEL_SCALE, 6.0))
        return font

    # -- painting and hit testing --------------------------------------------------------------

    def paint(self, painter: QPainter, first: int, last: int, exposed: QRect) -> None:
        """Draw the arcs over the lines ``[first, last]`` shown (a decoration of the view's paint);
        only those crossing ``exposed``, the part being painted, are drawn again."""
        if not self.shown or not self._relations:
            self._drawn, self._drawn_for = [], None
            return
        view = self.view
        key = (first, last, view.contentOffset(), view.viewport().size(), view.font().pointSizeF(), self._version)
        if key != self._drawn_for:
            self._drawn = self.arcs(first, last)
            self._drawn_for = key
        pen = SELECTED_PEN_WIDTH
        area = QRectF(exposed).adjusted(-pen, -pen, pen, pen)
        crossing = [
            a for a in self._drawn if a.label_rect.intersects(area) or a.path.controlPointRect().intersects(area)
        ]
        if not crossing:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for arc in crossing:
            selected = arc.relation.id == self.selected_id
            colour = QColor(arc.colour)
            colour.setAlphaF(1.0 if selected else 0.8)
            painter.setPen(QPen(colour, SELECTED_PEN_WIDTH if selected else ARC_PEN_WIDTH))
            painter.drawPath(arc.path)
        for arc in crossing:
            if arc.label_rect.isEmpty():
                continue  # no place clear of the text
            label = self._label_pixmap(arc.relation.label, arc.colour, arc.relation.id == self.selected_id)
            painter.drawPixmap(arc.label_rect.topLeft(), label)
        painter.restore()

    def _label_pixmap(self, label: str, colour: QColor, selected: bool) -> QPixmap:
        """A label's box and name, drawn once per look (shaping Arabic text at every paint costs)."""
        ratio = self.view.devicePixelRatioF()
        font = self._label_font()
        key = (label, colour.name(), selected, font.pointSizeF(), ratio)
        found = self._labels.get(key)
        if found is not None:
            return found
        name = self._names.get(label, label)
        metrics = QFontMetricsF(font)
        size = _label_size(metrics, name)
        pixmap = QPixmap((size * ratio).toSize())
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        box = QRectF(0.5, 0.5, size.width() - 1, size.height() - 1)
        background = QColor(colour) if selected else QColor(255, 255, 255, 235)
        painter.setBrush(background)
        painter.setPen(QPen(colour, 1.0))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor("#ffffff") if selected else colour.darker(130))
        # The box is as tall as the name's glyphs, not the font's line: set the baseline by hand.
        tight = metrics.tightBoundingRect(name)
        baseline = (size.height() - tight.height()) / 2 - tight.top()
        painter.drawText(QPointF(LABEL_PADDING, baseline), name)
        painter.end()
        self._labels[key] = pixmap
        return pixmap

    def arc_at(self, point: QPointF) -> Arc | None:
        """The arc drawn under ``point`` (its label, or near its line), the last drawn first."""
        stroker = QPainterPathStroker()
        stroker.setWidth(HIT_WIDTH)
        for arc in reversed(self._drawn):
            if not arc.label_rect.isEmpty() and arc.label_rect.contains(point):
                return arc
        for arc in reversed(self._drawn):
            if stroker.createStroke(arc.path).contains(point):
                return arc
        return None

    @property
    def drawn(self) -> list[Arc]:
        """The arcs of the last paint."""
        return list(self._drawn)


class _Placed:
    """The boxes (left, top, right, bottom) that labels must keep clear of: the glyphs and the labels
    placed so far, in bands of one label's height (a label is checked only against those in its bands)."""

    def __init__(self, band: float) -> None:
        self._band = max(band, 1.0)
        self._bands: dict[int, list[tuple[float, float, float, float]]] = {}

    def _keys(self, top: float, bottom: float) -> range:
        return range(math.floor(top / self._band), math.floor(bottom / self._band) + 1)

    def free(self, width: float, height: float, x: float, y: float) -> bool:
        """Whether a label of this size centred on (x, y) overlaps nothing."""
        left, top, right, bottom = x - width / 2, y - height / 2, x + width / 2, y + height / 2
        return not any(
            left < other[2] and other[0] < right and top < other[3] and other[1] < bottom
            for key in self._keys(top, bottom)
            for other in self._bands.get(key, ())
        )

    def add(self, left: float, top: float, right: float, bottom: float) -> None:
        for key in self._keys(top, bottom):
            self._bands.setdefault(key, []).append((left, top, right, bottom))


def _label_size(metrics: QFontMetricsF, name: str) -> QSizeF:
    """A label's box: the name's advance and the height of its glyphs, padded."""
    height = metrics.tightBoundingRect(name).height() + 2 * LABEL_LEADING
    return QSizeF(metrics.horizontalAdvance(name) + 2 * LABEL_PADDING, height)


def block_ink(block: QTextBlock, font: QFont) -> list[tuple[float, float, float, float]]:
    """Where the glyphs of a laid-out block's lines are, relative to it: for each line with glyphs,
    the box (left, top, right, bottom) holding them, from the glyphs' own outlines as the font shapes
    the line's text (a line's own box is taller: it holds the space between lines too)."""
    layout = block.layout()
    metrics = QFontMetricsF(font)
    # Qt counts UTF-16 units: the line's text is cut from the block's in those units.
    units = block.text().encode("utf-16-le")
    lines: list[tuple[float, float, float, float]] = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        start = line.textStart()
        text = units[2 * start : 2 * (start + line.textLength())].decode("utf-16-le", errors="replace")
        ink = metrics.tightBoundingRect(text)
        if ink.isEmpty():
            continue
        area = line.naturalTextRect()
        baseline = line.y() + line.ascent()
        margin = INK_MARGIN
        top, bottom = baseline + ink.top() - margin, baseline + ink.bottom() + margin
        lines.append((area.left() - margin, top, area.right() + margin, bottom))
    return lines


def _rises(lanes: list[tuple[float, float]], top_y: float, line: float) -> Iterator[float]:
    """How high an arc whose higher end is at ``top_y`` rises to put its apex in each space between
    lines above it (a cubic with both controls at the top reaches three quarters of the way)."""
    centres = [(top + bottom) / 2 for top, bottom in lanes]
    above = [c for c in reversed(centres) if c < top_y - line * 0.25]
    for centre in above[:MAX_STEPS]:
        yield (top_y - centre) / 0.75


def _in_lanes(
    points: Iterable[tuple[float, float]], lanes: list[tuple[float, float]], height: float
) -> Iterator[tuple[float, float]]:
    """Label centres on the curve through ``points``, each in the middle of a space between lines
    that the curve crosses there (so that the curve passes through the label)."""
    tops = [top for top, _bottom in lanes]
    half = height / 2
    for x, y in points:
        index = bisect_right(tops, y + half) - 1
        while index >= 0:
            top, bottom = lanes[index]
            centre = (top + bottom) / 2
            if centre < y - half:
                break
            if abs(centre - y) < half:
                yield x, centre
            index -= 1


def _caret_x(found: object) -> float:
    """The x of ``QTextLine.cursorToX``, which PySide6 gives as (x, position)."""
    return float(found[0]) if isinstance(found, tuple) else float(found)  # type: ignore[arg-type]


def _arrow(path: QPainterPath, tip: QPointF, *, pointing_down: bool) -> None:
    sign = -1.0 if pointing_down else 1.0
    path.addPolygon(
        QPolygonF(
            [
                tip,
                QPointF(tip.x() - ARROW / 2, tip.y() + sign * ARROW),
                QPointF(tip.x() + ARROW / 2, tip.y() + sign * ARROW),
                tip,
            ]
        )
    )
    path.moveTo(tip)
