"""Which texts tagged in other documents can change the suggestions of one text.

A tagged text is found only where each piece of its key follows the one before it as in the
text (the first perhaps after proclitics, or ``[و ف]?ل`` for the article written لل); most texts
tagged across a large project never are. One that is not found still matters when a shorter known
text is found: it keeps that one, of its label, from being suggested alone (``_drop_project_prefixes``
in ``annotator.suggest``). So what is kept is every text that may be found, and, for each
shorter text that may be found and each label, one longer text that begins with it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from annotator.arabic import ARTICLE, LAM
from annotator.suggestion_scan import LONGEST_HEAD

# The pieces of a text other than its runs of spaces (a run of spaces of the text is one space of a key).
_TOKEN = re.compile(r"\w+|[^\w ]")
_WORD = re.compile(r"\w")
# A key's pieces, each with the space before it (a key's spaces are single).
_KEY_TOKEN = re.compile(r"( ?)(\w+|[^\w ])")
_WORDS = re.compile(r"\w+(?: \w+)*")


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    """(space before, piece): the space is " " where spaces stand before the piece, else ""."""
    end = 0
    for token in _TOKEN.finditer(text):
        yield (" " if token.start() > end else ""), token.group()
        end = token.end()


class TextChains:
    """The pairs of pieces that follow one another in a folded text."""

    def __init__(self, folded: str) -> None:
        self._pairs: set[str] = set()
        self._first_pairs: set[str] = set()
        previous: str | None = None
        for space, token in _tokens(folded):
            if previous is not None:
                self._pairs.add(previous + space + token)
                if _WORD.match(previous):
                    heads = range(min(len(previous) - 1, LONGEST_HEAD) + 1)
                    self._first_pairs.update(previous[cut:] + space + token for cut in heads)
                else:
                    self._first_pairs.add(previous + space + token)
            previous = token

    def _held(self, key: str) -> tuple[int, int, list[tuple[int, int]]]:
        """How many of the key's pieces follow one another from its start as in the text, how
        many pieces it has, and where each space of the key falls, with the pieces before it."""
        held = 0
        pieces = 0
        spaces: list[tuple[int, int]] = []
        previous = ""
        at = 0
        for space, token in _KEY_TOKEN.findall(key):
            if space:
                spaces.append((at, pieces))
                at += 1
            if held == pieces and (
                held == 0 or previous + space + token in (self._first_pairs if held == 1 else self._pairs)
            ):
                held += 1
            pieces += 1
            previous = token
            at += len(token)
        return held, pieces, spaces

    def _held_words(self, words: list[str]) -> int:
        """``_held`` of a key made of words and single spaces, one piece per word."""
        if len(words) == 1:
            return 1
        if words[0] + " " + words[1] not in self._first_pairs:
            return 1
        pairs = self._pairs
        for at in range(2, len(words)):
            if words[at - 1] + " " + words[at] not in pairs:
                return at
        return len(words)

    def reach(self, key: str) -> tuple[bool, list[str]]:
        """Whether ``key`` may be found in the text, and the shorter texts it begins with (up to a
        space) that may be found there. The key's first piece is taken to be among the text's."""
        fused = key.startswith(ARTICLE) and len(key) > len(ARTICLE)
        if _WORDS.fullmatch(key):  # most keys: words and single spaces
            words = key.split(" ")
            held = self._held_words(words)
            if held < len(words) and fused:
                held = max(held, self._held_words([LAM + words[0][len(ARTICLE) :], *words[1:]]))
            if held >= len(words):
                return True, []
            return False, [" ".join(words[:count]) for count in range(1, held + 1)]
        held, pieces, spaces = self._held(key)
        if held < pieces and fused:
            held = max(held, self._held(LAM + key[len(ARTICLE) :])[0])
        if held >= pieces:
            return True, []
        return False, [key[:at] for at, before in spaces if before <= held]


#: Sifting the keys costs what the text's pairs of pieces cost; matching them, what the keys cost.
CHARACTERS_PER_KEY = 4


def worth_sifting(keys: Collection[str] | int, folded: str) -> bool:
    """Whether ``keys_that_matter`` costs less than matching every key (``keys``, or how many) in
    ``folded`` (a long text holds most of them anyway)."""
    count = keys if isinstance(keys, int) else len(keys)
    return count > 0 and len(folded) <= CHARACTERS_PER_KEY * count


def keys_that_matter(labels_of: dict[str, set[str]], folded: str) -> set[str]:
    """The keys of ``labels_of`` (tagged texts' keys, each with its labels; each key's first piece
    among those of ``folded``) that can change the suggestions in ``folded``."""
    chains = TextChains(folded)
    kept: set[str] = set()
    waiting: list[tuple[str, list[str]]] = []
    for key in labels_of:
        if " " not in key and _WORDS.fullmatch(key):
            kept.add(key)  # one word: its first piece is the text's
            continue
        found, shorter = chains.reach(key)
        if found:
            kept.add(key)
        elif shorter:
            waiting.append((key, shorter))
    if not waiting:
        return kept
    # The labels for which a kept longer text is known, of each shorter text that may be found.
    covered: dict[str, set[str]] = {text: set() for _key, shorter in waiting for text in shorter}
    for key in kept:
        for at in _spaces(key):
            labels = covered.get(key[:at])
            if labels is not None:
                labels |= labels_of[key]
    for key, shorter in waiting:
        labels = labels_of[key]
        if not all(labels <= covered[text] for text in shorter):
            kept.add(key)
            for text in shorter:
                covered[text] |= labels
    return kept


def _spaces(key: str) -> Iterator[int]:
    at = key.find(" ")
    while at >= 0:
        yield at
        at = key.find(" ", at + 1)
