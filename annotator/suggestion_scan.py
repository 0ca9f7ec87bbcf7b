"""Finding known surfaces in one folded text by looking words up, without compiling them.

``Suggester`` compiles its surfaces into one regular expression, which costs what every surface
costs however short the text: in a project of thousands of documents, compiling the surfaces
that may occur in one article takes far longer than reading it. ``KeyScanner`` finds exactly
what that expression finds, with dictionary lookups whose cost follows the text's length.

The expression, at a position with no word character before it, tries the surfaces after no
proclitic, then after each proclitic in turn, and then (for surfaces with the article) after
``[و ف]?ل``; in each case the longest surface that is followed by no word character wins, and
the next search starts where that match ends. Its trie of alternatives matches a space of a
surface against a run of spaces of the text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import NamedTuple

from annotator.arabic import ALEF, CONJUNCTIONS, LAM, fold_string

# Where a match may begin: no word character before, and not a space (no surface begins with one).
_START = re.compile(r"(?<!\w)(?:\w+|\S)")
# The pieces a surface is made of, as the expression's trie walks them.
_PIECE = re.compile(r"\w+| +|[^\w ]")
_WORD = re.compile(r"\w")
_SPACES = re.compile(r"  +")


class ScanMatch(NamedTuple):
    """A match: it begins at ``start`` (proclitics included) and its surface covers ``[group_start, end)``."""

    start: int
    group_start: int
    end: int
    fused: bool


def first_piece(key: str) -> str:
    """The first word of a key (or its first character, if that is no letter)."""
    found = _PIECE.match(key)
    return found.group() if found else ""


# The most letters a proclitic, or ل of the article written لل with و or ف, takes from a word.
LONGEST_HEAD = 4


def first_pieces(folded: str) -> frozenset[str]:
    """What the first pieces of the keys found in ``folded`` can be, and more: any key whose
    first piece is not among them is never found there, so it need not be read nor compiled.

    A match begins at a word after a proclitic or ``[و ف]?ل`` (or at a character that is no
    letter): its first piece is the rest of that word, or the character after it; with ل of the
    article written لل, the key begins with ا before that rest.
    """
    # Every character counts as a piece: the one after a word that is all proclitic among them.
    pieces = {char for char in set(folded) if not char.isspace()}
    for word in set(_START.findall(folded)):
        for cut in range(min(len(word) - 1, LONGEST_HEAD) + 1):
            rest = word[cut:]
            pieces.add(rest)
            if cut:
                pieces.add(ALEF + rest)
    return frozenset(pieces)


def _reaches(keys: Collection[str]) -> dict[str, int]:
    """The length of the longest key beginning with each first piece."""
    reach: dict[str, int] = {}
    for key in keys:
        piece = first_piece(key)
        if len(key) > reach.get(piece, 0):
            reach[piece] = len(key)
    return reach


class PiecesOf(Collection[str]):
    """``first_pieces`` of a stored text, worked out when first asked (a project with nothing
    tagged in other documents never asks)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._folded: str | None = None
        self._pieces: frozenset[str] | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold_string(self._text)
        return self._folded

    @property
    def pieces(self) -> frozenset[str]:
        if self._pieces is None:
            self._pieces = first_pieces(self.folded)
        return self._pieces

    def __contains__(self, piece: object) -> bool:
        return piece in self.pieces

    def __iter__(self) -> Iterator[str]:
        return iter(self.pieces)

    def __len__(self) -> int:
        return len(self.pieces)


class KeyScanner:
    """The matches of ``keys`` (plain surfaces, after ``prefixes`` in the order they are tried) and
    of ``fused`` (surfaces with the article written ل after ل) in a folded text."""

    def __init__(
        self,
        keys: Collection[str],
        fused: Collection[str],
        prefixes: Sequence[str],
        reaches: tuple[dict[str, int], dict[str, int]] | None = None,
    ) -> None:
        """``reaches``: the longest key and fused key beginning with each first piece, or more
        (worked out from ``keys`` and ``fused`` when not given)."""
        self._keys = keys
        self._fused = fused
        self._prefixes = prefixes
        self._plain_reach, self._fused_reach = reaches if reaches is not None else (_reaches(keys), _reaches(fused))

    def matches(self, folded: str) -> Iterator[ScanMatch]:
        """Every match, in text order, as ``re.finditer`` of the compiled expression gives them."""
        if not self._plain_reach and not self._fused_reach:
            return
        position = 0
        for token in _START.finditer(folded):
            start = token.start()
            if start < position:
                continue
            found = self._at(folded, start, token.group())
            if found is not None:
                position = found.end
                yield found

    def _at(self, folded: str, start: int, token: str) -> ScanMatch | None:
        if self._plain_reach:
            for prefix in ("", *self._prefixes):
                if prefix and not token.startswith(prefix):
                    continue
                end = self._longest(folded, start + len(prefix), self._keys, self._plain_reach)
                if end is not None:
                    return ScanMatch(start, start + len(prefix), end, False)
        if self._fused_reach:
            for head in (*(c + LAM for c in CONJUNCTIONS), LAM):
                if not token.startswith(head):
                    continue
                end = self._longest(folded, start + len(head), self._fused, self._fused_reach)
                if end is not None:
                    return ScanMatch(start, start + len(head), end, True)
        return None

    @staticmethod
    def _longest(folded: str, at: int, keys: Collection[str], reach: dict[str, int]) -> int | None:
        """The end of the longest key at ``at`` that no word character follows."""
        first = _PIECE.match(folded, at)
        if first is None:
            return None
        limit = reach.get(first.group())
        if limit is None:
            return None
        ends: list[int] = []
        length = 0
        for piece in _PIECE.finditer(folded, at):
            text = piece.group()
            length += 1 if text[0] == " " else len(text)
            if length > limit:
                break
            end = piece.end()
            if text[0] != " " and (end == len(folded) or not _WORD.match(folded, end)):
                ends.append(end)
        for end in reversed(ends):
            candidate = folded[at:end]
            if "  " in candidate:
                candidate = _SPACES.sub(" ", candidate)
            if candidate in keys:
                return end
        return None
