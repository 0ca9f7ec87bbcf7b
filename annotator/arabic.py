"""Arabic character classes and search folding with a map back to stored-text offsets.

Folding (DESIGN.md section 9) turns a stored text into a comparison form. Every change is either
one character for one character or the deletion of a character, so a position in the folded
text always names exactly one character of the stored text:

- alef with hamza or madda, and wasla (أ إ آ ٱ ٲ ٳ ٵ) -> ا
- alef maqsura ى, Farsi yeh ی and yeh with hamza ئ -> ي; waw with hamza ؤ -> و
  (hamza on a seat is dropped like the combining hamza U+0654, which the diacritic rule removes)
- ta marbuta ة -> ه; keheh ک -> ك
- the g-sound spellings غ گ -> ج (بيونغ, بيونج and بيونگ compare equal)
- Arabic-Indic and extended Arabic-Indic digits -> ASCII digits
- deleted: tatweel, every combining mark of the Arabic blocks (harakat, tanwin, shadda, sukun,
  superscript alef, madda and hamza above/below, Quranic annotation signs) and invisible
  formatting characters (bidi controls, ALM, zero-width space/joiners, soft hyphen, BOM)
- whitespace: line and paragraph separators -> ``\\n``, every other space (NBSP, tab, ...) -> " "
- cased letters of other scripts are lowercased where that maps one character to one

The sets of diacritics come from the Unicode character database of the running Python
(``unicodedata``), not from a hand-copied list.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache

ALEF = "\u0627"
LAM = "\u0644"
TATWEEL = "\u0640"
ZWJ = "\u200d"
ARTICLE = ALEF + LAM
CONJUNCTIONS = "\u0648\u0641"  # و ف
PREPOSITIONS = "\u0628\u0643\u0644"  # ب ك ل

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

ARABIC_MARKS: frozenset[str] = frozenset(
    chr(code)
    for low, high in _ARABIC_BLOCKS
    for code in range(low, high + 1)
    if unicodedata.category(chr(code)) == "Mn"
)
INVISIBLE_FORMAT: frozenset[str] = frozenset(
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
DELETED: frozenset[str] = ARABIC_MARKS | INVISIBLE_FORMAT | {TATWEEL}
LINE_BREAKS = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_LETTER_FOLDS = {
    "\u0622": ALEF,  # آ
    "\u0623": ALEF,  # أ
    "\u0625": ALEF,  # إ
    "\u0671": ALEF,  # ٱ
    "\u0672": ALEF,  # ٲ
    "\u0673": ALEF,  # ٳ
    "\u0675": ALEF,  # ٵ
    "\u0649": "\u064a",  # ى
    "\u06cc": "\u064a",  # ی
    "\u0626": "\u064a",  # ئ
    "\u0624": "\u0648",  # ؤ
    "\u0629": "\u0647",  # ة
    "\u06a9": "\u0643",  # ک
    "\u063a": "\u062c",  # غ
    "\u06af": "\u062c",  # گ
}


def _build_pairs() -> tuple[tuple[str, str], ...]:
    pairs = dict(_LETTER_FOLDS)
    for digit in range(10):
        pairs[chr(0x0660 + digit)] = str(digit)
        pairs[chr(0x06F0 + digit)] = str(digit)
    for code in range(0x3001):  # U+3000 is the last whitespace character
        char = chr(code)
        if char.isspace() and char not in " \n":
            pairs[char] = "\n" if char in LINE_BREAKS else " "
    return tuple(pairs.items())


_PAIRS = _build_pairs()
_TABLE = str.maketrans(dict(_PAIRS))  # the same folds in one call: faster for a short string
_SHORT = 256
_DELETED_SORTED = tuple(sorted(DELETED))
_DELETION_RUN = re.compile("[" + "".join(re.escape(char) for char in _DELETED_SORTED) + "]+")
_EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)


@cache
def is_extender(char: str) -> bool:
    """True for a character that belongs to the grapheme cluster of the character before it.

    Combining marks (Mn, Me, Mc), the zero-width joiner and emoji skin-tone modifiers.
    """
    return unicodedata.category(char)[0] == "M" or char == ZWJ or ord(char) in _EMOJI_MODIFIERS


def joins_previous(text: str, index: int) -> bool:
    """True if ``text[index]`` continues the grapheme cluster of ``text[index - 1]``.

    Simplified extended clusters: extenders, and a pictograph (So) right after a zero-width joiner.
    """
    char = text[index]
    if is_extender(char):
        return True
    return index > 0 and text[index - 1] == ZWJ and unicodedata.category(char) == "So"


@cache
def is_word_char(char: str) -> bool:
    """Letters (tatweel included), digits, combining marks and the zero-width (non-)joiner."""
    return unicodedata.category(char)[0] in "LNM" or char in "\u200c\u200d"


def _lower_one_to_one(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    # str.lower() writes a final sigma by context; fold both sigmas to one so each character folds alone.
    return lowered.replace("\u03c2", "\u03c3") if "\u03c2" in lowered else lowered


def _replace_one_to_one(text: str) -> str:
    if len(text) < _SHORT:
        return _lower_one_to_one(text.translate(_TABLE))
    # Chained str.replace of the characters present is several times faster than str.translate.
    for source, target in _PAIRS:
        if source in text:
            text = text.replace(source, target)
    return _lower_one_to_one(text)


def _deletion_runs(text: str) -> list[tuple[int, int]]:
    """Half-open stored ranges removed by folding, in order and disjoint."""
    return [match.span() for match in _DELETION_RUN.finditer(text)]


class FoldedText:
    """A stored text, its folded form and the map between them.

    ``folded[i]`` is the fold of ``original[to_stored(i)]``. Deleted characters have no folded
    position; ``span_to_stored`` gives a folded range back as stored offsets.
    """

    __slots__ = ("_positions", "_shifts", "folded", "original")

    def __init__(self, original: str, folded: str, positions: array[int], shifts: array[int]) -> None:
        self.original = original
        self.folded = folded
        self._positions = positions
        self._shifts = shifts

    def offset_map(self) -> tuple[array[int], array[int]]:
        """The map as it is kept: folded positions from which the stored offset shifts, and each shift."""
        return self._positions, self._shifts

    def to_stored(self, index: int) -> int:
        """Stored offset of folded character ``index``; ``len(folded)`` maps past the last character."""
        if not 0 <= index <= len(self.folded):
            raise IndexError(f"folded index {index} is outside [0, {len(self.folded)}]")
        if not self._positions:
            return index
        slot = bisect_right(self._positions, index) - 1
        return index + (self._shifts[slot] if slot >= 0 else 0)

    def span_to_stored(self, start: int, end: int) -> tuple[int, int]:
        """Stored ``[start, end)`` covering the folded range ``[start, end)``, which must not be empty.

        The start is the stored position of the first folded character (moved back to the start
        of its grapheme cluster if that character is a kept combining mark); the end is just after
        the last folded character, extended over the combining marks that follow it, so a base
        letter is never separated from its diacritics.
        """
        if not 0 <= start < end <= len(self.folded):
            raise IndexError(f"folded range [{start}, {end}) is empty or outside [0, {len(self.folded)}]")
        text = self.original
        positions = self._positions
        stored_start, stored_end = start, end
        if positions:
            slot = bisect_right(positions, start) - 1
            stored_start += self._shifts[slot] if slot >= 0 else 0
            slot = bisect_right(positions, end - 1) - 1
            stored_end += self._shifts[slot] if slot >= 0 else 0
        while stored_start > 0 and joins_previous(text, stored_start):
            stored_start -= 1
        while stored_end < len(text) and joins_previous(text, stored_end):
            stored_end += 1
        return stored_start, stored_end


def fold(text: str) -> FoldedText:
    """Fold ``text`` for search and keep the offset map (see the module docstring for the rules)."""
    runs = _deletion_runs(text)
    positions: array[int] = array("q")
    shifts: array[int] = array("q")
    if not runs:
        return FoldedText(text, _replace_one_to_one(text), positions, shifts)
    pieces: list[str] = []
    kept_from = 0
    deleted = 0
    for start, end in runs:
        pieces.append(text[kept_from:start])
        deleted += end - start
        positions.append(end - deleted)
        shifts.append(deleted)
        kept_from = end
    pieces.append(text[kept_from:])
    return FoldedText(text, _replace_one_to_one("".join(pieces)), positions, shifts)


def fold_in_steps(text: str, piece: int = 100_000) -> Iterator[FoldedText | None]:
    """``fold(text)`` a piece at a time: None after each piece, then the folded text, equal to
    ``fold(text)``. Pieces end after a space or line break, which folding keeps as they are."""
    positions: array[int] = array("q")
    shifts: array[int] = array("q")
    parts: list[str] = []
    start = folded_length = 0
    while start < len(text):
        end = _piece_end(text, start + piece)
        part = fold(text[start:end])
        deleted = start - folded_length
        positions.extend(position + folded_length for position in part._positions)
        shifts.extend(shift + deleted for shift in part._shifts)
        parts.append(part.folded)
        folded_length += len(part.folded)
        start = end
        yield None
    yield FoldedText(text, "".join(parts), positions, shifts)


def _piece_end(text: str, at_least: int) -> int:
    if at_least >= len(text):
        return len(text)
    ends = [found + 1 for found in (text.find(" ", at_least), text.find("\n", at_least)) if found != -1]
    return min(ends, default=len(text))


def fold_string(text: str) -> str:
    """The folded form alone, for queries and dictionary keys: ``fold(text).folded`` without the map."""
    return _replace_one_to_one(_DELETION_RUN.sub("", text))


def proclitic_prefixes(*, article: bool) -> frozenset[str]:
    """Folded proclitic strings that may stand before a word: و ف, then ب ك ل, then (if ``article``) ال.

    The empty string is included. ل followed by the article is written لل (للدفاع).
    """
    prefixes: set[str] = set()
    for conjunction in ("", *CONJUNCTIONS):
        for preposition in ("", *PREPOSITIONS):
            prefixes.add(conjunction + preposition)
            if article:
                prefixes.add(conjunction + preposition + (LAM if preposition == LAM else ARTICLE))
    return frozenset(prefixes)


def first_words(surfaces: Iterable[str]) -> frozenset[str]:
    """The folded first word of each surface string (aliases, tagged span texts)."""
    words: set[str] = set()
    for surface in surfaces:
        parts = fold_string(surface).split()
        if parts:
            words.add(parts[0])
    return frozenset(words)
