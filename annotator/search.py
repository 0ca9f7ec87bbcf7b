"""Folded Arabic search over many documents (DESIGN.md section 9).

The index keeps each document's folded text and offset map in memory; a query is folded the
same way and looked up with ``str.find`` (one word) or a literal regular expression (several
words, separated in the text by any number of spaces but never by a line break), so hits map
back to exact stored-text offsets.

Whole-word search accepts Arabic proclitics in front of the word (و ف, then ب ك ل, then the
article ال, with ل + ال written لل): a search for روسيا finds لروسيا with the hit on روسيا only,
and a search for الدفاع finds للدفاع with the hit on لدفاع. Names that begin with these letters
can give false hits (a whole-word search for ونسان finds وونسان).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from annotator.arabic import ALEF, ARTICLE, LAM, FoldedText, fold, fold_string, is_word_char, proclitic_prefixes
from annotator.snapping import cluster_start, is_cluster_boundary

DEFAULT_CONTEXT = 40
_PREFIXES = proclitic_prefixes(article=True)
_PLAIN_PREFIXES = frozenset({""})
_FUSED_ARTICLE_PREFIXES = frozenset({LAM, "و" + LAM, "ف" + LAM})
_MAX_PREFIX = max(len(prefix) for prefix in _PREFIXES)


class Hit(NamedTuple):
    """One occurrence: ``text == stored_text[start:end]`` of document ``doc_id``."""

    doc_id: str
    start: int
    end: int
    text: str
    left: str
    right: str


@dataclass(frozen=True)
class SearchResult:
    """``counts`` covers every hit (documents without hits are absent); ``hits`` may be cut at a limit."""

    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def truncated(self) -> bool:
        return len(self.hits) < self.total


@dataclass(frozen=True)
class _Needle:
    """A folded query variant; words may be separated by several spaces in the text.

    With ``elided_article`` the needle is the variant without the alef of its article (لدفاع for
    الدفاع), so one scan finds both الدفاع and للدفاع.
    """

    literal: str
    prefixes: frozenset[str]
    elided_article: bool = False

    def finder(self) -> Callable[[str, int], tuple[int, int] | None]:
        if " " not in self.literal:
            literal = self.literal

            def find(text: str, position: int) -> tuple[int, int] | None:
                found = text.find(literal, position)
                return None if found < 0 else (found, found + len(literal))

            return find
        pattern = re.compile(" +".join(re.escape(word) for word in self.literal.split(" ")))

        def search(text: str, position: int) -> tuple[int, int] | None:
            match = pattern.search(text, position)
            return None if match is None else match.span()

        return search


def _normalise(text: str) -> str:
    return " ".join(fold_string(text).split())


def expand_aliases(query: str, alias_groups: Iterable[Iterable[str]]) -> list[str]:
    """The folded query, plus the folded aliases of every group one of whose aliases folds to it.

    Whitespace runs count as one space. Longest first, without duplicates.
    """
    folded_query = _normalise(query)
    variants = {folded_query} if folded_query else set()
    for group in alias_groups:
        folded_group = {_normalise(alias) for alias in group}
        if folded_query in folded_group:
            variants |= folded_group
    variants.discard("")
    return sorted(variants, key=lambda variant: (-len(variant), variant))


def _needles(variants: list[str], *, whole_word: bool, proclitics: bool) -> list[_Needle]:
    needles: list[_Needle] = []
    for variant in variants:
        if whole_word and proclitics and variant.startswith(ARTICLE) and len(variant) > len(ARTICLE):
            needles.append(_Needle(variant[len(ALEF) :], _PREFIXES, elided_article=True))
        else:
            needles.append(_Needle(variant, _PREFIXES if whole_word and proclitics else _PLAIN_PREFIXES))
    return needles


def _accepts(folded: str, start: int, end: int, prefixes: frozenset[str]) -> bool:
    if end < len(folded) and is_word_char(folded[end]):
        return False
    for length in range(min(_MAX_PREFIX, start) + 1):
        before = start - length
        if folded[before:start] in prefixes and (before == 0 or not is_word_char(folded[before - 1])):
            return True
    return False


def _find(folded: str, needles: list[_Needle], *, whole_word: bool) -> list[tuple[int, int]]:
    """Folded ranges of all occurrences; overlapping ones resolved leftmost, then longest."""
    found: list[tuple[int, int]] = []
    for needle in needles:
        find = needle.finder()
        span = find(folded, 0)
        while span is not None:
            start, end = span
            if needle.elided_article and start > 0 and folded[start - 1] == ALEF:
                if _accepts(folded, start - 1, end, needle.prefixes):
                    found.append((start - 1, end))
            elif needle.elided_article:
                if _accepts(folded, start, end, _FUSED_ARTICLE_PREFIXES):
                    found.append((start, end))
            elif not whole_word or _accepts(folded, start, end, needle.prefixes):
                found.append((start, end))
            span = find(folded, start + 1)
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


class SearchIndex:
    """Folded documents kept in memory, in insertion order; add, replace or remove at any time."""

    def __init__(self, *, context: int = DEFAULT_CONTEXT) -> None:
        self._documents: dict[str, FoldedText] = {}
        self._context = context

    def add(self, doc_id: str, text: str) -> None:
        """Index the stored ``text`` of ``doc_id``, replacing any earlier text of that id."""
        self._documents[doc_id] = fold(text)

    def remove(self, doc_id: str) -> None:
        self._documents.pop(doc_id, None)

    def __len__(self) -> int:
        return len(self._documents)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._documents

    def search(
        self,
        query: str,
        *,
        whole_word: bool = False,
        proclitics: bool = True,
        alias_groups: Iterable[Iterable[str]] = (),
        doc_ids: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> SearchResult:
        """Every occurrence of ``query`` (and of its aliases) after folding, in document order.

        With ``whole_word`` a hit must not touch word characters on either side, except the
        proclitics (when ``proclitics``) in front of it. A query that folds to nothing has no hits.
        All hits are counted; only the first ``limit`` hits (all if None) are built and returned.
        """
        selected = self._documents.keys() if doc_ids is None else [i for i in doc_ids if i in self._documents]
        return search_corpus(
            _InMemory(self._documents, list(selected)),
            query,
            whole_word=whole_word,
            proclitics=proclitics,
            alias_groups=alias_groups,
            limit=limit,
            context=self._context,
        )


class FoldedCorpus(Protocol):
    """Documents whose folded text is kept somewhere (in memory, or in the project store)."""

    def candidates(self, needles: Sequence[Sequence[str]]) -> Iterable[tuple[str, str]]:
        """(document id, folded text) in document order, of every document whose folded text may
        hold all the words of one of ``needles``; a document left out holds no needle whole."""
        ...

    def folded(self, document_id: str) -> FoldedText:
        """The document's stored text, folded, with its offset map."""
        ...


class _InMemory:
    def __init__(self, documents: dict[str, FoldedText], selected: list[str]) -> None:
        self._documents = documents
        self._selected = selected

    def candidates(self, needles: Sequence[Sequence[str]]) -> Iterable[tuple[str, str]]:
        return ((doc_id, self._documents[doc_id].folded) for doc_id in self._selected)

    def folded(self, document_id: str) -> FoldedText:
        return self._documents[document_id]


def search_corpus(
    corpus: FoldedCorpus,
    query: str,
    *,
    whole_word: bool = False,
    proclitics: bool = True,
    alias_groups: Iterable[Iterable[str]] = (),
    limit: int | None = None,
    context: int = DEFAULT_CONTEXT,
) -> SearchResult:
    """``SearchIndex.search`` over any folded corpus: its candidates are searched, the rest skipped."""
    needles = _needles(expand_aliases(query, alias_groups), whole_word=whole_word, proclitics=proclitics)
    result = SearchResult()
    if not needles:
        return result
    for doc_id, folded in corpus.candidates([needle.literal.split(" ") for needle in needles]):
        ranges = _find(folded, needles, whole_word=whole_word)
        if ranges:
            result.counts[doc_id] = len(ranges)
            room = len(ranges) if limit is None else max(0, min(len(ranges), limit - len(result.hits)))
            if room:
                document = corpus.folded(doc_id)
                result.hits.extend(_hit(doc_id, document, start, end, context) for start, end in ranges[:room])
    return result


def _hit(doc_id: str, document: FoldedText, folded_start: int, folded_end: int, context: int) -> Hit:
    text = document.original
    start, end = document.span_to_stored(folded_start, folded_end)
    left_start = cluster_start(text, max(0, start - context))
    right_end = min(len(text), end + context)
    while not is_cluster_boundary(text, right_end):
        right_end += 1
    return Hit(doc_id, start, end, text[start:end], text[left_start:start], text[end:right_end])


def search(
    query: str,
    documents: Mapping[str, str] | Iterable[tuple[str, str]],
    *,
    whole_word: bool = False,
    proclitics: bool = True,
    alias_groups: Iterable[Iterable[str]] = (),
    context: int = DEFAULT_CONTEXT,
    limit: int | None = None,
) -> SearchResult:
    """One-off search over ``documents`` (id -> stored text); build a SearchIndex to search often."""
    index = SearchIndex(context=context)
    pairs = documents.items() if isinstance(documents, Mapping) else documents
    for doc_id, text in pairs:
        index.add(doc_id, text)
    return index.search(query, whole_word=whole_word, proclitics=proclitics, alias_groups=alias_groups, limit=limit)
