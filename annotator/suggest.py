"""String-matching suggestions: known surface strings found again in a document.

Surfaces come from registry aliases and from spans already tagged in the project. They are
folded and compiled into one regular expression (a trie of alternatives, so the longest surface
wins at a position) run over the folded document. A match must be a whole word, except that
Arabic proclitics may stand in front of it (و ف, then ب ك ل; and the article ال if asked):
they are left outside the suggested span, unless the word is one whose first letters are its own
(:mod:`annotator.proclitics`: a surface زير is not found in وزير). A surface that begins with the article also matches
after ل, where the article is written لل (للولايات المتحدة gives لولايات المتحدة).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import accumulate
from typing import NamedTuple

from annotator.arabic import ARTICLE, CONJUNCTIONS, LAM, FoldedText, fold, fold_string, is_word_char, proclitic_prefixes
from annotator.proclitics import whole_words
from annotator.suggestion_scan import KeyScanner, ScanMatch, first_piece

REGISTRY_SOURCE = "registry"
# A text up to this many characters per surface is scanned rather than matched by a compiled pattern.
SCAN_CHARACTERS_PER_SURFACE = 100


@dataclass(frozen=True)
class Surface:
    """A string to look for, with the label (and registry entry) a match would get."""

    text: str
    label: str
    ref: str | None = None
    source: str = REGISTRY_SOURCE
    key: str | None = field(default=None, compare=False)
    """``surface_key(text)`` when it is known already (kept in the project file)."""


def surface_key(text: str) -> str:
    """What a surface is looked for as: its fold, with each run of whitespace one space."""
    return " ".join(fold_string(text).split())


def keyed_in_memory(
    tagged: Iterable[tuple[str, str, str | None]], first_pieces: Collection[str]
) -> list[tuple[str, str, str | None, str]]:
    """(text, label, registry id, key) of the ``tagged`` texts whose key begins with one of ``first_pieces``."""
    keys: dict[str, str] = {}
    found = []
    for text, label, ref in tagged:
        key = keys.get(text)
        if key is None:
            key = keys[text] = surface_key(text)
        if first_piece(key) in first_pieces:
            found.append((text, label, ref, key))
    return found


class Suggestion(NamedTuple):
    """A proposed span: ``text == stored_text[start:end]``."""

    start: int
    end: int
    text: str
    label: str
    ref: str | None
    source: str


_END = ""
_Trie = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_pattern(root)


def _node_pattern(node: _Trie) -> str:
    branches = [
        (" +" if char == " " else re.escape(char)) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{body})?"
    return body


def _choose_entries(surfaces: Iterable[Surface]) -> dict[str, list[Surface]]:
    """Per folded surface, one entry per label; an entry with a registry ref beats one without.

    A surface that names several registry entries is suggested without a link: the analyst
    chooses the entry (فلاديمير could be Putin or Tikhonov). Where the registry has a surface,
    only its labels are suggested: a tagged text that folds the same way under another label
    (أوكرانياً tagged NORP folds to أوكرانيا, a GPE) would otherwise add a wrong label to every
    occurrence. A tagged text that begins a longer known surface of its label is left out
    (``_drop_project_prefixes``).
    """
    chosen: dict[str, dict[str, Surface]] = {}
    refs: dict[str, set[str]] = {}
    for surface in surfaces:
        key = surface.key
        if key is None:
            key = surface_key(surface.text)
        if not key:
            continue
        ref = surface.ref
        if ref is not None:
            known = refs.get(key)
            if known is None:
                refs[key] = {ref}
            else:
                known.add(ref)
        by_label = chosen.get(key)
        if by_label is None:
            chosen[key] = {surface.label: surface}
            continue
        current = by_label.get(surface.label)
        if current is None or (current.ref is None and ref is not None):
            by_label[surface.label] = surface
    _drop_project_prefixes(chosen)
    entries: dict[str, list[Surface]] = {}
    for key, by_label in chosen.items():
        if len(by_label) == 1:  # most keys: one label, whatever its source
            (only,) = by_label.values()
            entries[key] = [replace(only, ref=None) if len(refs.get(key, ())) > 1 else only]
            continue
        if any(surface.source == REGISTRY_SOURCE for surface in by_label.values()):
            by_label = {label: s for label, s in by_label.items() if s.source == REGISTRY_SOURCE}
        ambiguous = len(refs.get(key, ())) > 1
        entries[key] = [
            replace(by_label[label], ref=None) if ambiguous else by_label[label] for label in sorted(by_label)
        ]
    return entries


def _drop_project_prefixes(chosen: dict[str, dict[str, Surface]]) -> None:
    """Leave out a tagged text that begins a longer known surface of its label: the analyst
    tagged الصواريخ alone but also الصواريخ البالستية, so الصواريخ alone is as likely to start
    a longer name that is not known yet. Registry surfaces are kept."""
    # The keys that begin with ``key`` and a space follow it in sorted order, before ``key`` and "!".
    ordered = sorted(chosen)
    for at, key in enumerate(ordered):
        by_label = chosen[key]
        tagged = {label for label, surface in by_label.items() if surface.source != REGISTRY_SOURCE}
        if not tagged:
            continue
        longer = ordered[bisect_left(ordered, key + " ", at + 1) : bisect_left(ordered, key + "!", at + 1)]
        for other in longer:  # left as they are until their own turn, after this one
            for label in tagged & chosen[other].keys():
                del by_label[label]
                tagged.discard(label)
            if not tagged:
                break
        if not by_label:
            del chosen[key]


def _own_first_letters(folded: str, start: int, end: int) -> bool:
    """True if the word at ``start`` keeps its first letters (وزير is no و + زير)."""
    space = folded.find(" ", start, end)
    return folded[start : end if space < 0 else space] in whole_words()


class Untaken:
    """Tells the suggestions that no ``existing`` (start, end, label) span of their label overlaps
    and that are not ``rejected`` (start, end, label) triples."""

    def __init__(
        self, existing: Iterable[tuple[int, int, str]], rejected: Collection[tuple[int, int, str]] = ()
    ) -> None:
        by_label: dict[str, list[tuple[int, int]]] = {}
        for start, end, label in existing:
            by_label.setdefault(label, []).append((start, end))
        self._starts: dict[str, list[int]] = {}
        self._max_ends: dict[str, list[int]] = {}
        for label, ranges in by_label.items():
            ranges.sort()
            self._starts[label] = [start for start, _end in ranges]
            self._max_ends[label] = list(accumulate((end for _start, end in ranges), max))
        self._rejected = rejected if isinstance(rejected, set | frozenset) else set(rejected)

    def kept(self, found: Iterable[Suggestion]) -> list[Suggestion]:
        starts, max_ends, rejected = self._starts, self._max_ends, self._rejected
        if not starts and not rejected:
            return list(found)
        kept = []
        for suggestion in found:
            if rejected and (suggestion.start, suggestion.end, suggestion.label) in rejected:
                continue
            label_starts = starts.get(suggestion.label)
            if label_starts is not None:
                before = bisect_left(label_starts, suggestion.end)
                if before > 0 and max_ends[suggestion.label][before - 1] > suggestion.start:
                    continue
            kept.append(suggestion)
        return kept


_RUN = re.compile(r"\w+")


class _Runs:
    """The runs of word characters of a folded text, as a surface's runs must appear in them.

    A match of a surface begins where no word character stands before it, perhaps after
    proclitics, and ends where none follows; so each run of word characters of the surface is a
    run of the text, the first one perhaps after its proclitics (after و or ف and لل for a surface
    with the article, written ل).
    """

    def __init__(self, folded: str, prefixes: Iterable[str]) -> None:
        runs = set(_RUN.findall(folded))
        ordered = sorted(prefixes, key=len)
        self._after_proclitics = {run[len(p) :] for run in runs for p in ordered if run.startswith(p)}
        self._runs = runs
        self._after_fused = {run[len(c) + 1 :] for run in runs for c in ("", *CONJUNCTIONS) if run.startswith(c + LAM)}

    def may_match(self, key: str, *, fused: bool = False) -> bool:
        runs = _RUN.finditer(key)
        first = next(runs, None)
        if first is None:
            return True
        if first.start() > 0:
            found = first.group() in self._runs
        else:
            found = first.group() in (self._after_fused if fused else self._after_proclitics)
        return found and all(run.group() in self._runs for run in runs)


class Suggester:
    """A compiled set of surfaces, reusable over many documents.

    With ``within`` (a folded text), only the surfaces that may occur in it are compiled: the
    Suggester then finds what the whole one finds, in that text only, and costs what the text
    costs rather than what every surface costs.
    """

    def __init__(
        self, surfaces: Iterable[Surface], *, article_proclitic: bool = False, within: str | None = None
    ) -> None:
        self._entries = _choose_entries(surfaces)
        fused = {LAM + key[len(ARTICLE) :]: key for key in self._entries if key.startswith(ARTICLE) and len(key) > 2}
        self._fused = fused
        every_prefix = proclitic_prefixes(article=article_proclitic)
        prefixes = sorted(every_prefix - {""}, key=lambda p: (len(p), p))
        self._regex: re.Pattern[str] | None = None
        self._scanner: KeyScanner | None = None
        if within is not None and len(within) <= SCAN_CHARACTERS_PER_SURFACE * len(self._entries):
            # Looking words up costs what the text costs; compiling, what the surfaces cost.
            self._scanner = KeyScanner(self._entries.keys(), fused.keys(), prefixes)
            return
        keys: Iterable[str] = self._entries
        if within is not None:
            runs = _Runs(within, every_prefix)
            keys = [key for key in self._entries if runs.may_match(key)]
            fused = {key: full for key, full in fused.items() if runs.may_match(key, fused=True)}
        plain = _trie_pattern(keys)
        fused_pattern = _trie_pattern(fused)
        proclitic = "(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + ")"
        branches = [f"{proclitic}??(?P<plain>{plain})"] if keys else []
        if fused:
            branches.append(f"[{CONJUNCTIONS}]?{LAM}(?P<fused>{fused_pattern})")
        self._regex = re.compile(r"(?<!\w)(?:" + "|".join(branches) + r")(?!\w)") if branches else None

    def suggest(
        self,
        text: str | FoldedText,
        *,
        existing: Iterable[tuple[int, int, str]] = (),
        rejected: Collection[tuple[int, int, str]] = (),
    ) -> list[Suggestion]:
        """Suggested spans in the stored text, by position then label.

        A suggestion is dropped if it overlaps an ``existing`` (start, end, label) span of the
        same label, or equals a ``rejected`` (start, end, label) triple.
        """
        document = text if isinstance(text, FoldedText) else fold(text)
        return Untaken(existing, rejected).kept(self.found(document))

    def found(self, document: FoldedText) -> Iterator[Suggestion]:
        """Every match in ``document`` in (start, end, label) order, found as it is consumed (so
        that a long text can be matched a little at a time). Matches never overlap, so they come
        in order of their starts; the labels of one range come in alphabetical order."""
        folded = document.folded
        original = document.original
        # Widening to whole grapheme clusters can make two matches land on one stored range.
        covered_until = 0
        for match_start, folded_start, folded_end, fused in self._matches(folded):
            if folded_end < len(folded) and is_word_char(folded[folded_end]):
                continue
            if match_start < folded_start and _own_first_letters(folded, match_start, folded_end):
                continue
            matched = folded[folded_start:folded_end]
            if "  " in matched:
                matched = " ".join(matched.split())
            key = self._fused[matched] if fused else matched
            start, end = document.span_to_stored(folded_start, folded_end)
            if start < covered_until:
                continue
            covered_until = end
            for entry in self._entries[key]:
                yield Suggestion(start, end, original[start:end], entry.label, entry.ref, entry.source)

    def _matches(self, folded: str) -> Iterator[ScanMatch]:
        if self._scanner is not None:
            yield from self._scanner.matches(folded)
        elif self._regex is not None:
            for match in self._regex.finditer(folded):
                group = match.lastgroup or "plain"
                group_start, group_end = match.span(group)
                yield ScanMatch(match.start(), group_start, group_end, group == "fused")


def suggest(
    text: str,
    surfaces: Iterable[Surface],
    *,
    existing: Iterable[tuple[int, int, str]] = (),
    rejected: Collection[tuple[int, int, str]] = (),
    article_proclitic: bool = False,
) -> list[Suggestion]:
    """One-off ``Suggester(surfaces).suggest(text, ...)``."""
    return Suggester(surfaces, article_proclitic=article_proclitic).suggest(text, existing=existing, rejected=rejected)
