"""Span highlights drawn by a QSyntaxHighlighter over spans indexed by block (DESIGN.md section 10).

The document itself is never edited: formats live in each block's layout, and only the blocks a
change touches are highlighted again. A new text is highlighted block by block as it is shown:
opening a long document highlights one screen, and a block scrolled to is highlighted as it is
painted (highlighting the rest between events instead slowed down every keystroke meanwhile).
The highlighter is off the document while a new text is set: on it, Qt would hand every block of
the new text to ``highlightBlock``, which took 60% of setting a 1 MB text.

Nested spans blend their backgrounds, so the deeper a character is nested the stronger its
colour, and each character is underlined in the colour of the innermost span that covers it.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from annotator.model import Span, reading_order
from ui.positions import OffsetMap

BACKGROUND_ALPHA = 0.28
UNDERLINE_STYLE = QTextCharFormat.UnderlineStyle.SingleUnderline
# What setPlainText turns into a block boundary.
BLOCK_SEPARATORS = ("\n", "\u2029")


class BlockSegment(NamedTuple):
    """The part of one span that lies in one block, in positions relative to the block."""

    start: int
    end: int
    span_id: str
    label: str
    length: int  # of the whole span, to order nesting: longer spans are outer
    span_start: int = 0  # Qt position of the whole span, for reading order

    @property
    def order(self) -> tuple[int, int, str]:
        """The reading order of the spans: by start, longer first, then id."""
        return (self.span_start, -(self.span_start + self.length), self.span_id)


def blend(colours: Iterable[QColor], base: QColor) -> QColor:
    red, green, blue = base.redF(), base.greenF(), base.blueF()
    for colour in colours:
        red = red * (1 - BACKGROUND_ALPHA) + colour.redF() * BACKGROUND_ALPHA
        green = green * (1 - BACKGROUND_ALPHA) + colour.greenF() * BACKGROUND_ALPHA
        blue = blue * (1 - BACKGROUND_ALPHA) + colour.blueF() * BACKGROUND_ALPHA
    return QColor.fromRgbF(red, green, blue)


def block_starts_of(text: str, offsets: OffsetMap) -> list[int]:
    """The Qt position where each block of ``setPlainText(text)`` begins, read from the text itself."""
    breaks: list[int] = []
    for separator in BLOCK_SEPARATORS:
        index = text.find(separator)
        while index != -1:
            breaks.append(index)
            index = text.find(separator, index + 1)
    breaks.sort()
    if offsets.qt_length == offsets.length:  # no astral characters: positions are offsets
        return [0, *(index + 1 for index in breaks)]
    return [0, *(offsets.to_qt(index + 1) for index in breaks)]


def _nesting_order(segment: BlockSegment) -> tuple[int, tuple[int, int, str]]:
    return (-segment.length, segment.order)


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: dict[int, list[Span]] = {}  # by block number, each list in reading order
        self._offsets = OffsetMap("")
        self._colours: dict[str, QColor] = {}
        self._block_starts: list[int] = [0]
        self.base = QColor("white")
        self._format_cache: dict[tuple[str, ...], QTextCharFormat] = {}
        self._unhighlighted: set[int] = set()  # blocks whose formats are not what their spans give yet
        self._formatted: set[int] = set()  # blocks whose layout has formats

    def set_colours(self, colours: Mapping[str, str]) -> None:
        self._colours = {label: QColor(value) for label, value in colours.items()}
        self._format_cache.clear()

    def load(self, spans: Iterable[Span], offsets: OffsetMap, block_starts: list[int]) -> None:
        """Index ``spans`` (in reading order) over blocks beginning at ``block_starts`` without
        highlighting anything: called before the text is set (inside ``deferred``)."""
        self._block_starts = block_starts
        self._offsets = offsets
        self._spans = self._index(spans)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Set a new text inside this: Qt's pass over it highlights nothing, and afterwards the
        blocks are highlighted as they are shown (``highlight_shown``)."""
        document = self.document()
        self.setDocument(None)
        try:
            yield
        finally:
            self.setDocument(document)
            # Put back on a text, Qt queues a pass over all of it and, until that pass, leaves
            # the text's changes alone: the pass is taken off the queue, so it never comes.
            QCoreApplication.removePostedEvents(self, QEvent.Type.MetaCall)
            self._formatted.clear()
            self._unhighlighted = set(self._spans)

    @property
    def pending(self) -> int:
        """How many blocks are still to be highlighted (or cleared)."""
        return len(self._unhighlighted)

    def highlight_shown(self, numbers: Iterable[int]) -> None:
        """Highlight the blocks of those ``numbers`` (about to be painted) not highlighted yet."""
        waiting = self._unhighlighted
        document = self.document()
        for number in numbers:
            if number in waiting:
                self._highlight(document.findBlockByNumber(number))

    def finish(self) -> None:
        """Highlight every block still waiting, now."""
        document = self.document()
        for number in sorted(self._unhighlighted):
            self._highlight(document.findBlockByNumber(number))
        self._unhighlighted.clear()

    def set_spans(self, spans: Iterable[Span], offsets: OffsetMap) -> None:
        """Index ``spans`` (in reading order) by block anew; each block is highlighted again as it
        is shown (``highlight_shown``), as after a new text."""
        if not self.blocks_match_document():
            self._block_starts = self.document_block_starts()
        self._offsets = offsets
        self._spans = self._index(spans)
        self._unhighlighted = self._formatted | self._spans.keys()

    def change_spans(self, removed: Iterable[Span], added: Iterable[Span], offsets: OffsetMap) -> None:
        """Take the ``removed`` spans out, put the ``added`` ones in, and highlight again only the
        blocks either covers."""
        self._offsets = offsets
        blocks: set[int] = set()
        for span in removed:
            for number in self._blocks_of(span):
                kept = [s for s in self._spans.get(number, []) if s.id != span.id]
                if kept:
                    self._spans[number] = kept
                else:
                    self._spans.pop(number, None)
                blocks.add(number)
        for span in added:
            for number in self._blocks_of(span):
                insort(self._spans.setdefault(number, []), span, key=reading_order)
                blocks.add(number)
        self._highlight_blocks(blocks)

    def update_spans(self, spans: Iterable[Span], offsets: OffsetMap, touched: Iterable[Span]) -> None:
        """Re-index ``spans`` (in reading order) and highlight again only the blocks that the
        ``touched`` spans cover."""
        self._offsets = offsets
        self._spans = self._index(spans)
        blocks: set[int] = set()
        for span in touched:
            blocks.update(self._blocks_of(span))
        self._highlight_blocks(blocks)

    def _highlight_blocks(self, numbers: Iterable[int]) -> None:
        document = self.document()
        for number in sorted(numbers):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self._highlight(block)

    def blocks_match_document(self) -> bool:
        """Whether the blocks the spans were indexed over are the document's (a look at a few)."""
        starts = self._block_starts
        document = self.document()
        if document.blockCount() != len(starts):
            return False
        looked_at = {0, len(starts) // 2, len(starts) - 1}
        return all(document.findBlockByNumber(number).position() == starts[number] for number in looked_at)

    def document_block_starts(self) -> list[int]:
        starts = []
        block = self.document().firstBlock()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        return starts

    def _block_of(self, position: int) -> int:
        return max(bisect_right(self._block_starts, position) - 1, 0)

    def _blocks_of(self, span: Span) -> range:
        qt_start, qt_end = self._offsets.to_qt_range(span.start, span.end)
        return range(self._block_of(qt_start), self._block_of(max(qt_end - 1, qt_start)) + 1)

    def _index(self, spans: Iterable[Span]) -> dict[int, list[Span]]:
        """The spans in each block, each list in the order of ``spans`` (reading order)."""
        by_block: dict[int, list[Span]] = defaultdict(list)
        starts = self._block_starts
        count = len(starts)
        to_qt = self._offsets.to_qt
        astral = self._offsets.qt_length - self._offsets.length  # no Qt position exceeds its offset by more
        for span in spans:
            qt_start = to_qt(span.start) if astral else span.start
            number = bisect_right(starts, qt_start) - 1  # starts[0] is 0
            by_block[number].append(span)
            number += 1
            if number < count and starts[number] < span.end + astral:  # then it may cross into the next block
                qt_end = to_qt(span.end)
                while number < count and starts[number] < qt_end:
                    by_block[number].append(span)
                    number += 1
        return dict(by_block)

    def _segments(self, number: int) -> list[BlockSegment]:
        """The parts of the spans of block ``number`` that lie in it, relative to its start."""
        block_start = self._block_starts[number]
        to_qt = self._offsets.to_qt
        segments = []
        for span in self._spans.get(number, ()):
            qt_start, qt_end = to_qt(span.start), to_qt(span.end)
            begin = max(qt_start, block_start) - block_start
            segments.append(BlockSegment(begin, qt_end - block_start, span.id, span.label, qt_end - qt_start, qt_start))
        return segments

    def _highlight(self, block: QTextBlock) -> None:
        number = block.blockNumber()
        if number in self._spans or number in self._formatted:
            self.rehighlightBlock(block)
        self._unhighlighted.discard(number)

    def highlightBlock(self, _text: str) -> None:
        block = self.currentBlock()
        number = block.blockNumber()
        self._unhighlighted.discard(number)
        self._formatted.discard(number)
        if number not in self._spans:
            return
        size = block.length() - 1  # UTF-16 units, as the segments count
        # A sweep over the cut points: the spans covering a stretch change only where one starts or ends.
        opening: dict[int, list[BlockSegment]] = defaultdict(list)
        closing: dict[int, list[BlockSegment]] = defaultdict(list)
        for segment in self._segments(number):
            start, end = min(segment.start, size), min(segment.end, size)
            if start < end:
                opening[start].append(segment)
                closing[end].append(segment)
        cuts = sorted(opening.keys() | closing.keys())
        active: set[BlockSegment] = set()
        for left, right in pairwise(cuts):
            active.difference_update(closing.get(left, ()))
            active.update(opening.get(left, ()))
            if active:
                covering = sorted(active, key=_nesting_order)
                self.setFormat(left, right - left, self._format(tuple(s.label for s in covering)))
                self._formatted.add(number)

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
