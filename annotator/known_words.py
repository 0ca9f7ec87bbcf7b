"""The words snapping knows: registry aliases and what is tagged in the open document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from annotator.arabic import first_words, fold_string, is_word_char
from annotator.model import Span
from annotator.registry import Registry


class KnownWords:
    """The folded first words of registry aliases and of the texts tagged in the shown document,
    kept up to date edit by edit rather than folded again at every key press, and indexed by
    what follows their first letter, so that the words near a selection are looked up rather
    than searched for."""

    LONGEST_LOOKED_UP = 64
    """Longer stretches (a run of text with no space) are compared with every known word."""

    def __init__(self) -> None:
        self._registry: Registry | None = None
        self._registry_words: frozenset[str] = frozenset()
        self._registry_tails: dict[str, set[str]] = {}
        self._tagged: Counter[str] | None = None
        self._tagged_tails: dict[str, set[str]] = {}
        self._words: frozenset[str] | None = None

    def forget_spans(self) -> None:
        self._tagged = None
        self._tagged_tails = {}
        self._words = None

    def change(self, removed: Iterable[Span], added: Iterable[Span]) -> None:
        if self._tagged is None:
            return
        for span in removed:
            for word in first_words((span.text,)):
                self._tagged[word] -= 1
                if self._tagged[word] <= 0:
                    del self._tagged[word]
                    self._tagged_tails[word[1:]].discard(word)
                    self._words = None
        for span in added:
            for word in first_words((span.text,)):
                self._tag(self._tagged, word)

    def _tag(self, tagged: Counter[str], word: str) -> None:
        if word not in tagged:
            self._tagged_tails.setdefault(word[1:], set()).add(word)
            self._words = None
        tagged[word] += 1

    def _index(self, registry: Registry, spans: Iterable[Span]) -> Counter[str]:
        if registry is not self._registry:
            self._registry = registry
            self._registry_words = first_words(alias for entry in registry.entries() for alias in entry.alias_texts)
            self._registry_tails = {}
            for word in self._registry_words:
                self._registry_tails.setdefault(word[1:], set()).add(word)
            self._words = None
        if self._tagged is None:
            tagged: Counter[str] = Counter()
            for span in spans:
                for word in first_words((span.text,)):
                    self._tag(tagged, word)
            self._tagged = tagged
            self._words = None
        return self._tagged

    def words(self, registry: Registry, spans: Iterable[Span]) -> frozenset[str]:
        tagged = self._index(registry, spans)
        if self._words is None:
            self._words = self._registry_words | tagged.keys()
        return self._words

    @staticmethod
    def stretch(text: str, start: int, end: int) -> str:
        """The fold of the whitespace-delimited stretch holding the first word of ``text[start:end]``."""
        first = start
        while first < end and not is_word_char(text[first]):
            first += 1
        if first == end:
            first = start
        left = max(first - 1, 0)  # a caret just after a word snaps to that word
        while left > 0 and not text[left - 1].isspace():
            left -= 1
        right = first
        while right < len(text) and not text[right].isspace():
            right += 1
        return fold_string(text[left:right])

    def near(self, registry: Registry, spans: Iterable[Span], text: str, start: int, end: int) -> list[str]:
        """The known words that can matter to snapping ``text[start:end]``: those found in its
        :meth:`stretch` (folding is character by character, so every form snapping compares is
        inside that stretch's fold, or is alef plus a piece of it)."""
        stretch = self.stretch(text, start, end)
        tagged = self._index(registry, spans)
        if len(stretch) > self.LONGEST_LOOKED_UP:
            return sorted(word for word in self.words(registry, spans) if word in stretch or word[1:] in stretch)
        # A word is near if it is a piece of the stretch, or if all of it after its first letter is.
        pieces = {stretch[i:j] for i in range(len(stretch) + 1) for j in range(i, len(stretch) + 1)}
        found: set[str] = set()
        for piece in pieces:
            if piece in self._registry_words or piece in tagged:
                found.add(piece)
            found.update(self._registry_tails.get(piece, ()))
            found.update(self._tagged_tails.get(piece, ()))
        return sorted(found)
