"""Folded Arabic search over many documents (DESIGN.md section 9).

The index keeps each document's folded text and offset map in memory; a query is folded the
same way and looked up with ``str.find`` (one word, or several where the text has no run of
spaces) or a literal regular expression (several words, separated in the text by any number of
spaces but never by a line break), so hits map back to exact stored-text offsets.

A search counts every hit from the folded texts alone: names that need no look at their
surroundings (not whole words, not cut short by another entry's longer name) are counted by
``annotator.literal_search`` without finding each hit. Hits are built a document at a time when
read (``LazyHits``): a document's stored text and offset map are read only for them.

Whole-word search accepts Arabic proclitics in front of the word (و ف, then ب ك ل, then the
article ال, with ل + ال written لل): a search for روسيا finds لروسيا with the hit on روسيا only,
and a search for الدفاع finds للدفاع with the hit on لدفاع. A word of the whole-word lexicon
(:mod:`annotator.proclitics`) keeps its first letters: a whole-word search for ونسان does not
find وونسان, nor زير وزير; a name that begins with these letters and is not in the lexicon can
still give such false hits.

Registry names (``NameGroup``). A query that is one of an entry's names or spellings also finds
its other names and spellings; its short aliases (كيم for كيم جونغ أون, لافروف) only when asked,
and then as whole words. A name found through the registry, rather than typed, is not a hit where
a longer name of another entry starts (كيم in كيم إيل سونغ belongs to Kim Il Sung), and a query
that is a name of several entries finds only itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, Protocol, overload

from annotator.arabic import ALEF, ARTICLE, LAM, FoldedText, fold, fold_string, is_word_char, proclitic_prefixes
from annotator.literal_search import Literal, count_kept, leftmost_longest, literal, occurrences, utf8_literal
from annotator.proclitics import whole_words
from annotator.snapping import cluster_start, is_cluster_boundary

DEFAULT_CONTEXT = 40
_PREFIXES = proclitic_prefixes(article=True)
_PLAIN_PREFIXES = frozenset({""})
_FUSED_ARTICLE_PREFIXES = frozenset({LAM, "و" + LAM, "ف" + LAM})
_MAX_PREFIX = max(len(prefix) for prefix in _PREFIXES)


@dataclass(frozen=True)
class NameGroup:
    """The surface forms of one registry entry: ``names`` (full names and their spellings), found
    with one another, and ``short`` aliases, found only when asked."""

    names: tuple[str, ...]
    short: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (*self.names, *self.short)


AliasGroups = Iterable[NameGroup | Iterable[str]]


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
    """``counts`` covers every hit (documents without hits are absent); ``hits`` may be cut at a limit.

    ``search_corpus`` gives ``hits`` as a ``LazyHits``: read them before the documents change.
    """

    hits: Sequence[Hit] = field(default_factory=list)
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
    whole_word: bool = False
    longer: re.Pattern[str] | None = None  # longer names of other entries that begin with the literal

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(self.literal.split(" "))

    @cached_property
    def form(self) -> Literal[str]:
        return literal(self.words)

    @cached_property
    def utf8(self) -> Literal[bytes]:
        return utf8_literal(self.words)

    @property
    def plain(self) -> bool:
        """Whether every occurrence of the literal is a hit (no condition on what surrounds it)."""
        return not self.whole_word and not self.elided_article and self.longer is None


def _normalise(text: str) -> str:
    return " ".join(fold_string(text).split())


def _as_group(group: NameGroup | Iterable[str]) -> NameGroup:
    return group if isinstance(group, NameGroup) else NameGroup(tuple(group))


def _longest_first(variants: Iterable[str]) -> list[str]:
    return sorted(set(variants) - {""}, key=lambda variant: (-len(variant), variant))


@dataclass(frozen=True)
class Expansion:
    """What one query looks for, folded: the query itself, the names and spellings of its entry,
    its entry's short aliases (when asked), and the forms of every other entry."""

    query: str
    names: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    others: frozenset[str] = frozenset()

    @property
    def variants(self) -> list[str]:
        """Everything to look for, longest first."""
        return _longest_first((self.query, *self.names, *self.short))


def expansion(query: str, alias_groups: AliasGroups, *, short_aliases: bool = False) -> Expansion:
    """The folded query and the registry forms it stands for (module docstring)."""
    folded_query = _normalise(query)
    if not folded_query:
        return Expansion("")
    groups = [_as_group(group) for group in alias_groups]
    folded = [({_normalise(n) for n in g.names}, {_normalise(s) for s in g.short}) for g in groups]
    matching = [index for index, (names, short) in enumerate(folded) if folded_query in names | short]
    if len(matching) != 1:
        return Expansion(folded_query, others=frozenset().union(*(n | s for n, s in folded)) - {folded_query})
    names, short = folded[matching[0]]
    others = frozenset().union(*(n | s for index, (n, s) in enumerate(folded) if index != matching[0]))
    short = short - names if short_aliases else set()
    return Expansion(folded_query, tuple(_longest_first(names - {folded_query})), tuple(_longest_first(short)), others)


def expand_aliases(query: str, alias_groups: AliasGroups, *, short_aliases: bool = False) -> list[str]:
    """The folded query, plus the folded names (and short aliases, if asked) of the one entry one
    of whose forms folds to it. Whitespace runs count as one space. Longest first."""
    return expansion(query, alias_groups, short_aliases=short_aliases).variants


def _longer_names(variant: str, others: Iterable[str]) -> re.Pattern[str] | None:
    longer = sorted(
        (other for other in others if other.startswith(variant + " ") or other.startswith(variant + "-")),
        key=lambda other: (-len(other), other),
    )
    if not longer:
        return None
    words = ("(?:" + " +".join(re.escape(word) for word in other.split(" ")) + r")" for other in longer)
    return re.compile("(?:" + "|".join(words) + r")(?!\w)")


def _needles(found: Expansion, *, whole_word: bool, proclitics: bool) -> list[_Needle]:
    needles: list[_Needle] = []
    short = set(found.short)
    for variant in found.variants:
        whole = whole_word or variant in short
        longer = None if variant == found.query else _longer_names(variant, found.others)
        if whole and proclitics and variant.startswith(ARTICLE) and len(variant) > len(ARTICLE):
            needles.append(_Needle(variant[len(ALEF) :], _PREFIXES, True, whole, longer))
        else:
            prefixes = _PREFIXES if whole and proclitics else _PLAIN_PREFIXES
            needles.append(_Needle(variant, prefixes, False, whole, longer))
    return needles


def _accepts(folded: str, start: int, end: int, prefixes: frozenset[str]) -> bool:
    if end < len(folded) and is_word_char(folded[end]):
        return False
    for length in range(min(_MAX_PREFIX, start) + 1):
        before = start - length
        if folded[before:start] in prefixes and (before == 0 or not is_word_char(folded[before - 1])):
            return length == 0 or not _begins_with_own_letters(folded, before, start, end)
    return False


def _begins_with_own_letters(folded: str, before: int, start: int, end: int) -> bool:
    """True if the word at ``before`` is one whose first letters are its own (وونسان, وزير)."""
    space = folded.find(" ", start, end)
    return folded[before : end if space < 0 else space] in whole_words()


def _find(folded: str, needles: list[_Needle]) -> list[tuple[int, int]]:
    """Folded ranges of all occurrences; overlapping ones resolved leftmost, then longest."""
    found: list[tuple[int, int]] = []
    spaced = "  " in folded
    for needle in needles:
        for start, end in occurrences(folded, needle.form, spaced):
            if needle.longer is not None and needle.longer.match(folded, start):
                pass  # the start of another entry's longer name
            elif needle.elided_article and start > 0 and folded[start - 1] == ALEF:
                if _accepts(folded, start - 1, end, needle.prefixes):
                    found.append((start - 1, end))
            elif needle.elided_article:
                if _accepts(folded, start, end, _FUSED_ARTICLE_PREFIXES):
                    found.append((start, end))
            elif not needle.whole_word or _accepts(folded, start, end, needle.prefixes):
                found.append((start, end))
    return leftmost_longest(found)


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
        alias_groups: AliasGroups = (),
        short_aliases: bool = False,
        doc_ids: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> SearchResult:
        """Every occurrence of ``query`` (and of its registry names) after folding, in document order.

        With ``whole_word`` a hit must not touch word characters on either side, except the
        proclitics (when ``proclitics``) in front of it. With ``short_aliases`` the short aliases
        of the query's entry are found too, as whole words. A query that folds to nothing has no
        hits. All hits are counted; only the first ``limit`` hits (all if None) are built and returned.
        """
        # A copy of the selection: the hits, built when read, come from the texts searched.
        documents = self._documents
        selected = dict(documents) if doc_ids is None else {i: documents[i] for i in doc_ids if i in documents}
        return search_corpus(
            _InMemory(selected, list(selected)),
            query,
            whole_word=whole_word,
            proclitics=proclitics,
            alias_groups=alias_groups,
            short_aliases=short_aliases,
            limit=limit,
            context=self._context,
        )


class FoldedCorpus(Protocol):
    """Documents whose folded text is kept somewhere (in memory, or in the project store)."""

    def candidates(self, needles: Sequence[Sequence[str]]) -> Iterable[tuple[str, str | bytes, bool]]:
        """(document id, folded text, spread) in document order, of every document whose folded
        text may hold all the words of one of ``needles``; a document left out holds no needle
        whole. The folded text may be given as its UTF-8 bytes (as a store keeps it, not decoded).
        ``spread`` is False when no word of a needle but its first follows two spaces in the text,
        True when it may (or it is not known)."""
        ...

    def folded(self, document_id: str) -> FoldedText:
        """The document's stored text, folded, with its offset map."""
        ...


def folded_in_memory(texts: Iterable[tuple[str, str]]) -> FoldedCorpus:
    """A corpus of (document id, stored text) pairs, in that order, folded here and searched whole."""
    documents = {doc_id: fold(text) for doc_id, text in texts}
    return _InMemory(documents, list(documents))


def folded_document(document_id: str, document: FoldedText) -> FoldedCorpus:
    """One document, already folded, as a corpus of its own."""
    return _InMemory({document_id: document}, [document_id])


class _InMemory:
    def __init__(self, documents: dict[str, FoldedText], selected: list[str]) -> None:
        self._documents = documents
        self._selected = selected

    def candidates(self, needles: Sequence[Sequence[str]]) -> Iterable[tuple[str, str | bytes, bool]]:
        return ((doc_id, self._documents[doc_id].folded, True) for doc_id in self._selected)

    def folded(self, document_id: str) -> FoldedText:
        return self._documents[document_id]


def search_corpus(
    corpus: FoldedCorpus,
    query: str,
    *,
    whole_word: bool = False,
    proclitics: bool = True,
    alias_groups: AliasGroups = (),
    short_aliases: bool = False,
    limit: int | None = None,
    context: int = DEFAULT_CONTEXT,
) -> SearchResult:
    """``SearchIndex.search`` over any folded corpus: its candidates are searched, the rest skipped.

    Every hit is counted from the folded texts alone; the hits are built when read (``LazyHits``).
    """
    found = expansion(query, alias_groups, short_aliases=short_aliases)
    needles = _needles(found, whole_word=whole_word, proclitics=proclitics) if found.query else []
    if not needles:
        return SearchResult()
    counts: dict[str, int] = {}
    listed: list[_Listed] = []
    hits = 0
    count_hits = _counter(needles)
    for doc_id, folded, spread in corpus.candidates([list(needle.words) for needle in needles]):
        count, ranges = count_hits(folded, spread)
        if count:
            counts[doc_id] = count
            shown = count if limit is None else max(0, min(count, limit - hits))
            if shown:
                listed.append(_Listed(doc_id, hits, count, shown, ranges))
                hits += shown
    return SearchResult(LazyHits(corpus, needles, listed, context), counts)


def _counter(needles: list[_Needle]) -> Callable[[str | bytes, bool], tuple[int, list[tuple[int, int]] | None]]:
    """How to count the hits in one folded text, with their ranges unless they could be counted
    without finding them: needles that are all plain are counted in the text as it is read."""
    if all(needle.plain for needle in needles):
        forms = [needle.form for needle in needles]
        utf8 = [needle.utf8 for needle in needles]

        def count_plain(folded: str | bytes, spread: bool) -> tuple[int, list[tuple[int, int]] | None]:
            if isinstance(folded, bytes):
                return count_kept(folded, utf8, spread), None
            return count_kept(folded, forms, spread), None

        return count_plain

    def find(folded: str | bytes, _spread: bool) -> tuple[int, list[tuple[int, int]] | None]:
        ranges = _find(folded.decode() if isinstance(folded, bytes) else folded, needles)
        return len(ranges), ranges

    return find


class _Listed(NamedTuple):
    """A document with listed hits: number of its first, how many it holds and lists, folded ranges if found."""

    doc_id: str
    first: int
    found: int
    shown: int
    ranges: list[tuple[int, int]] | None


class LazyHits(Sequence[Hit]):
    """The listed hits of a search, built a document at a time when first read: a document's
    stored text and offset map are read, and its hits mapped back, only when one of its hits is."""

    def __init__(self, corpus: FoldedCorpus, needles: list[_Needle], listed: list[_Listed], context: int) -> None:
        self._corpus = corpus
        self._needles = needles
        self._listed = listed
        self._firsts = [entry.first for entry in listed]
        self._length = listed[-1].first + listed[-1].shown if listed else 0
        self._context = context
        self._built: dict[int, list[Hit]] = {}

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...

    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(self._length))]
        number = index + self._length if index < 0 else index
        if not 0 <= number < self._length:
            raise IndexError(f"hit {index} of {self._length}")
        slot = bisect_right(self._firsts, number) - 1
        return self._document(slot)[number - self._firsts[slot]]

    def __iter__(self) -> Iterator[Hit]:
        for slot in range(len(self._listed)):
            yield from self._document(slot)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _document(self, slot: int) -> list[Hit]:
        built = self._built.get(slot)
        if built is None:
            entry = self._listed[slot]
            document = self._corpus.folded(entry.doc_id)
            ranges = entry.ranges if entry.ranges is not None else _find(document.folded, self._needles)
            if len(ranges) != entry.found:
                # A stored document's id is made from its text, and an index's texts are copied at
                # each search: only a store whose folded text no longer fits its text comes here.
                raise RuntimeError(f"document {entry.doc_id!r} changed since it was searched")
            built = [_hit(entry.doc_id, document, start, end, self._context) for start, end in ranges[: entry.shown]]
            self._built[slot] = built
        return built


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
    alias_groups: AliasGroups = (),
    short_aliases: bool = False,
    context: int = DEFAULT_CONTEXT,
    limit: int | None = None,
) -> SearchResult:
    """One-off search over ``documents`` (id -> stored text); build a SearchIndex to search often."""
    index = SearchIndex(context=context)
    pairs = documents.items() if isinstance(documents, Mapping) else documents
    for doc_id, text in pairs:
        index.add(doc_id, text)
    return index.search(
        query,
        whole_word=whole_word,
        proclitics=proclitics,
        alias_groups=alias_groups,
        short_aliases=short_aliases,
        limit=limit,
    )
