"""Snapping a raw selection of the stored text to grapheme clusters, words or word stems.

All offsets are code-point offsets into the stored text, half-open (DESIGN.md section 2).

Grapheme clusters are simplified extended clusters: a base character followed by combining
marks, zero-width joiners (with the pictograph each joins) and emoji modifiers. Hangul jamo
sequences and regional-indicator pairs are not joined.

Proclitic rule (``SnapMode.STEM``). The proclitics of the first word of the selection
(``[و|ف] [ب|ك|ل]``, and with ``strip_article`` the article ال, written ل after the preposition
ل as in للدفاع) are left outside as :mod:`annotator.proclitics` decides: by a rule, a lexicon of
words whose first letter is their own (وزير, بوتين) and the caller's known words (the folded
first words of registry aliases and tagged texts), which are never cut. Dragging over the whole
of بزيارة gives زيارة; over وزير, وزير. When the rule cuts nothing and the raw selection starts
exactly after letters that can be proclitics, the selection keeps that start (the analyst left
them out), unless the word is known whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from annotator.arabic import (
    ALEF,
    CONJUNCTIONS,
    LAM,
    PREPOSITIONS,
    TATWEEL,
    first_words,
    fold,
    is_word_char,
    joins_previous,
)
from annotator.proclitics import article_letters, proclitic_letters, whole_words

MIN_STEM_LETTERS = 2
_CLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS + ALEF)


class SnapMode(StrEnum):
    EXACT = "exact"  # widen to grapheme clusters only
    WORD = "word"  # whole words
    STEM = "stem"  # whole words, proclitics of the first word left outside


def cluster_start(text: str, index: int) -> int:
    """Start of the grapheme cluster holding ``text[index]``; ``len(text)`` gives ``len(text)``."""
    _check_index(text, index)
    while 0 < index < len(text) and joins_previous(text, index):
        index -= 1
    return index


def cluster_end(text: str, index: int) -> int:
    """End of the grapheme cluster holding ``text[index]``; ``len(text)`` gives ``len(text)``."""
    _check_index(text, index)
    if index == len(text):
        return index
    index += 1
    while index < len(text) and joins_previous(text, index):
        index += 1
    return index


def is_cluster_boundary(text: str, index: int) -> bool:
    """True if a span may start or end at ``index`` without splitting a grapheme cluster."""
    _check_index(text, index)
    return index in (0, len(text)) or not joins_previous(text, index)


def snap_to_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest range holding ``[start, end)`` whose ends are cluster boundaries.

    An empty range (a caret) inside a cluster moves to the start of that cluster.
    """
    _check_range(text, start, end)
    new_start = cluster_start(text, start)
    if start == end:
        return new_start, new_start
    new_end = end if is_cluster_boundary(text, end) else cluster_end(text, end)
    return new_start, max(new_end, new_start)


def word_at(text: str, index: int) -> tuple[int, int] | None:
    """The word holding ``text[index]``, or ending at ``index``; None between non-word characters."""
    _check_index(text, index)
    if index < len(text) and is_word_char(text[index]):
        probe = index
    elif index > 0 and is_word_char(text[index - 1]):
        probe = index - 1
    else:
        return None
    start = probe
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    end = probe + 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return snap_to_clusters(text, start, end)


@dataclass(frozen=True)
class ProcliticCut:
    """A place where the stem of a word may start.

    ``offset`` is a stored-text offset; ``after_article`` is True for the cut after the article,
    ``before_article`` for the cut between the other proclitics and the article.
    """

    offset: int
    letters_after: int
    after_article: bool = False
    before_article: bool = False


def proclitic_cuts(text: str, start: int, end: int) -> list[ProcliticCut]:
    """Candidate cuts in the word ``text[start:end]``, shortest proclitic first.

    Cuts are at grapheme-cluster boundaries; tatweel and diacritics between letters are skipped.
    """
    letters: list[tuple[int, str]] = []
    index = start
    while index < end:
        next_index = cluster_end(text, index)
        if text[index] != TATWEEL:
            letters.append((index, text[index]))
        index = next_index

    def base(position: int) -> str:
        return letters[position][1] if position < len(letters) else ""

    def cut(position: int, **flags: bool) -> ProcliticCut:
        offset = letters[position][0] if position < len(letters) else end
        return ProcliticCut(offset, len(letters) - position, **flags)

    ends = []
    position = 0
    if base(position) and base(position) in CONJUNCTIONS:
        position += 1
        ends.append(position)
    preposition = base(position) if base(position) and base(position) in PREPOSITIONS else ""
    if preposition:
        position += 1
        ends.append(position)
    article_end = None
    if preposition == LAM and base(position) == LAM:
        article_end = position + 1
    elif base(position) == ALEF and base(position + 1) == LAM:
        article_end = position + 2
    cuts = [
        cut(end_position, before_article=article_end is not None and end_position == position) for end_position in ends
    ]
    if article_end is not None:
        cuts.append(cut(article_end, after_article=True))
    return cuts


def _stem_start(
    text: str, word_start: int, word_end: int, raw_start: int, *, strip_article: bool, known: frozenset[str]
) -> int:
    word = fold(text[word_start:word_end])
    folded = word.folded
    if not folded:
        return word_start
    whole = proclitic_letters(folded, known) if folded[0] in _CLITIC_LETTERS else 0
    cut = whole + (article_letters(folded, whole) if strip_article else 0)
    if cut == 0 and raw_start > word_start and not (folded in known or folded in whole_words()):
        # The analyst left out letters that can be proclitics: honour that.
        for candidate in proclitic_cuts(text, word_start, word_end):
            if candidate.offset == raw_start and candidate.letters_after >= MIN_STEM_LETTERS:
                if candidate.after_article and not strip_article:
                    continue
                return candidate.offset
    if cut == 0 or len(folded) - cut < MIN_STEM_LETTERS:
        return word_start
    return word_start + word.to_stored(cut)


def snap(
    text: str,
    start: int,
    end: int,
    mode: SnapMode = SnapMode.WORD,
    *,
    strip_article: bool = False,
    known_words: Iterable[str] = (),
) -> tuple[int, int] | None:
    """Snap the raw selection ``[start, end)`` of the stored ``text``.

    EXACT widens to grapheme clusters. WORD drops leading and trailing non-word characters and
    widens to whole words; an empty selection takes the word at the caret. STEM does the same
    and then leaves the proclitics of the first word outside (module docstring). ``known_words``
    are aliases or surface strings; only their folded first words are used. Returns None when a
    WORD or STEM selection holds no word character. The result never splits a grapheme cluster.
    """
    _check_range(text, start, end)
    if mode is SnapMode.EXACT:
        return snap_to_clusters(text, start, end)
    first = start
    last = end
    while first < last and not is_word_char(text[first]):
        first += 1
    while last > first and not is_word_char(text[last - 1]):
        last -= 1
    if first == last:
        word = word_at(text, start) if start == end else None
        if word is None:
            return None
        first, last = word
    first_word = word_at(text, first)
    last_word = word_at(text, last - 1)
    if first_word is None or last_word is None:
        return None
    snapped_start, snapped_end = first_word[0], last_word[1]
    if mode is SnapMode.STEM:
        snapped_start = _stem_start(
            text,
            first_word[0],
            first_word[1],
            cluster_start(text, start),
            strip_article=strip_article,
            known=first_words(known_words),
        )
    return snapped_start, snapped_end


def _check_index(text: str, index: int) -> None:
    if not 0 <= index <= len(text):
        raise IndexError(f"offset {index} is outside [0, {len(text)}]")


def _check_range(text: str, start: int, end: int) -> None:
    if not 0 <= start <= end <= len(text):
        raise IndexError(f"range [{start}, {end}) is reversed or outside [0, {len(text)}]")
