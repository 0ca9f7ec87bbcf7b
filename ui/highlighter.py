"""Span highlights drawn by a QSyntaxHighlighter over spans indexed by block (DESIGN.md section 10).

The document itself is never edited: formats live in each block's layout, and only the blocks a
change touches are highlighted again. Nested spans blend their backgrounds, so the deeper a
character is nested the stronger its colour, and each character is underlined in the colour of
the innermost span that covers it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.model import Span
from ui.positions import OffsetMap

BACKGROUND_ALPHA = 0.28
UNDERLINE_STYLE = QTextCharFormat.UnderlineStyle.SingleUnderline


@dataclass(frozen=True)
class BlockSegment:
    """The part of one span that lies in one block, in positions relative to the block."""

    start: int
    end: int
    span_id: str
    label: str
    length: int  # of the whole span, to order nesting: longer spans are outer


def blend(colours: Iterable[QColor], base: QColor) -> QColor:
    red, green, blue = base.redF(), base.greenF(), base.blueF()
    for colour in colours:
        red = red * (1 - BACKGROUND_ALPHA) + colour.redF() * BACKGROUND_ALPHA
        green = green * (1 - BACKGROUND_ALPHA) + colour.greenF() * BACKGROUND_ALPHA
        blue = blue * (1 - BACKGROUND_ALPHA) + colour.blueF() * BACKGROUND_ALPHA
    return QColor.fromRgbF(red, green, blue)


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._segments: dict[int, list[BlockSegment]] = {}
        self._colours: dict[str, QColor] = {}
        self._block_starts: list[int] = []
        self.base = QColor("white")
        self._format_cache: dict[tuple[str, ...], QTextCharFormat] = {}

    def set_colours(self, colours: Mapping[str, str]) -> None:
        self._colours = {label: QColor(value) for label, value in colours.items()}
        self._format_cache.clear()

    def set_spans(self, spans: Iterable[Span], offsets: OffsetMap) -> None:
        """Index ``spans`` by block and highlight every block again."""
        self._block_starts = self._compute_block_starts()
        self._segments = self._index(spans, offsets)
        self.rehighlight()

    def update_spans(self, spans: Iterable[Span], offsets: OffsetMap, touched: Iterable[Span]) -> None:
        """Re-index and highlight again only the blocks that the ``touched`` spans cover."""
        self._segments = self._index(spans, offsets)
        blocks: set[int] = set()
        for span in touched:
            first = self._block_of(offsets.to_qt(span.start))
            last = self._block_of(max(offsets.to_qt(span.end) - 1, 0))
            blocks.update(range(first, last + 1))
        document = self.document()
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def _compute_block_starts(self) -> list[int]:
        starts = []
        block = self.document().firstBlock()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        return starts

    def _block_of(self, position: int) -> int:
        return max(bisect_right(self._block_starts, position) - 1, 0)

    def _index(self, spans: Iterable[Span], offsets: OffsetMap) -> dict[int, list[BlockSegment]]:
        segments: dict[int, list[BlockSegment]] = defaultdict(list)
        starts = self._block_starts
        for span in spans:
            qt_start, qt_end = offsets.to_qt_range(span.start, span.end)
            length = qt_end - qt_start
            number = self._block_of(qt_start)
            while number < len(starts) and starts[number] < qt_end:
                block_start = starts[number]
                segments[number].append(
                    BlockSegment(
                        max(qt_start, block_start) - block_start,
                        qt_end - block_start,
                        span.id,
                        span.label,
                        length,
                    )
                )
                number += 1
        return dict(segments)

    def segments_in_block(self, number: int) -> list[BlockSegment]:
        return self._segments.get(number, [])

    def highlightBlock(self, _text: str) -> None:
        segments = self._segments.get(self.currentBlock().blockNumber())
        if not segments:
            return
        size = self.currentBlock().length() - 1  # UTF-16 units, as the segments count
        cuts = sorted({0, size, *(min(s.start, size) for s in segments), *(min(s.end, size) for s in segments)})
        for left, right in pairwise(cuts):
            if left >= right:
                continue
            covering = sorted((s for s in segments if s.start <= left and s.end >= right), key=lambda s: -s.length)
            if covering:
                self.setFormat(left, right - left, self._format(tuple(s.label for s in covering)))

    def _format(self, labels: tuple[str, ...]) -> QTextCharFormat:
        cached = self._format_cache.get(labels)
        if cached is None:
            colours = [self._colours.get(label, QColor("gray")) for label in labels]
            cached = QTextCharFormat()
            cached.setBackground(blend(colours, self.base))
            cached.setUnderlineStyle(UNDERLINE_STYLE)
            cached.setUnderlineColor(colours[-1])
            self._format_cache[labels] = cached
        return cached
