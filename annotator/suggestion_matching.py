"""Matching a document's text against the suggestion surfaces, and the list of suggestions shown.

Matching a long text takes a good part of a second, so ``MatchRun`` does it a little at a time
between the interface's events, on immutable inputs. What is shown is what it found less what
overlaps a span of the same label and what was rejected; ``ShownSuggestions`` keeps that list,
and its outlines, up to date edit by edit, looking only at the suggestions near the spans an
edit touched.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter

from annotator.arabic import FoldedText, fold_in_steps
from annotator.marks import Overlay, OverlayStyle
from annotator.model import Span
from annotator.occurrences import registry_surfaces
from annotator.registry import Registry
from annotator.schema import Schema
from annotator.suggest import Suggester, Suggestion, Surface, Untaken

OUTLINE_WIDTH = 1.5
UNKNOWN_LABEL_COLOUR = "#444444"
Extent = tuple[int, int, str]  # start, end, label
SpanKey = tuple[str, int, int, str]  # id, start, end, label

_start = attrgetter("start")
_end = attrgetter("end")
suggestion_order = attrgetter("start", "end", "label")


def span_key(span: Span) -> SpanKey:
    return (span.id, span.start, span.end, span.label)


@dataclass(frozen=True)
class MatchJob:
    """What the whole-text matching depends on (the surfaces and the text), and the document's
    spans and rejections when it was asked for, so that the list to show is made with it."""

    registry: Registry
    schema: Schema
    from_project: frozenset[Surface]
    text: str
    colours: Mapping[str, str] = field(default_factory=dict)
    spans: frozenset[SpanKey] = frozenset()
    rejected: frozenset[Extent] = frozenset()

    @property
    def key(self) -> tuple[Registry, Schema, frozenset[Surface]]:
        return (self.registry, self.schema, self.from_project)


@dataclass(frozen=True)
class Matches:
    """Every place the job's surfaces occur in its text, in text order, before existing spans and
    rejections are taken out (taking them out afterwards gives what ``Suggester.suggest`` gives
    with them). Matches never overlap one another; one range may carry several labels."""

    job: MatchJob
    suggester: Suggester | None  # None once extended: it no longer holds every surface
    folded: FoldedText
    found: list[Suggestion]  # in suggestion_order
    starts: list[int]
    longest: int

    def near(self, start: int, end: int) -> range:
        """The indices of ``found`` whose suggestions may overlap ``[start, end)``."""
        return range(bisect_left(self.starts, start - self.longest), bisect_left(self.starts, end))

    def extended(self, job: MatchJob, added: Iterable[Surface]) -> tuple[Matches, list[Suggestion]]:
        """These matches with those of the ``added`` surfaces too (for ``job``), and the new ones.

        Matching a few new surfaces alone takes a pass of a small pattern over the text instead of
        compiling every surface again. A new match that overlaps an older one with another extent
        is left out, as matching everything at once would have left one of them out.
        """
        fresh = Suggester(sorted(added, key=_surface_order)).suggest(self.folded)
        taken = {(s.start, s.end) for s in self.found}
        new = []
        for suggestion in fresh:
            if (suggestion.start, suggestion.end) not in taken:
                at = bisect_left(self.starts, suggestion.start - self.longest)
                if any(
                    o.start < suggestion.end and o.end > suggestion.start
                    for o in self.found[at : bisect_left(self.starts, suggestion.end)]
                ):
                    continue
            new.append(suggestion)
        existing = {(s.start, s.end, s.label) for s in self.found}
        new = [s for s in new if (s.start, s.end, s.label) not in existing]
        found = sorted([*self.found, *new], key=suggestion_order)
        longest = max(self.longest, *(s.end - s.start for s in new)) if new else self.longest
        return Matches(job, None, self.folded, found, [s.start for s in found], longest), new


class MatchRun:
    """Matching one job in steps: each ``step`` works for about the time it is given and returns
    the matches, and the suggestions to show with the job's spans and rejections, once they are
    all found. Compiling the surfaces is one step, and the scan from one match to the next
    cannot be cut short."""

    CHECK_EVERY = 128  # matches between looks at the clock

    def __init__(self, job: MatchJob, suggester: Suggester | None = None, folded: FoldedText | None = None) -> None:
        self.job = job
        self.matches: Matches | None = None
        self.shown: ShownSuggestions | None = None
        self._work = self._steps(suggester, folded)

    @property
    def done(self) -> bool:
        return self.shown is not None

    def step(self, seconds: float) -> bool:
        """Work for about ``seconds``; whether everything is done."""
        deadline = time.perf_counter() + seconds
        for _ in self._work:
            if time.perf_counter() >= deadline:
                break
        return self.done

    def finish(self) -> Matches:
        for _ in self._work:
            pass
        assert self.matches is not None
        return self.matches

    def _steps(self, suggester: Suggester | None, folded: FoldedText | None) -> Iterator[None]:
        job = self.job
        if folded is None or folded.original is not job.text:
            for piece in fold_in_steps(job.text):
                folded = piece
                yield
        assert folded is not None
        # A suggester made here holds only the surfaces that may occur in this text: it is not
        # kept for another text (Matches.suggester is None).
        kept = suggester
        if suggester is None:
            surfaces = registry_surfaces(job.registry, job.schema)
            suggester = Suggester([*surfaces, *sorted(job.from_project, key=_surface_order)], within=folded.folded)
            yield
        found: list[Suggestion] = []
        for count, suggestion in enumerate(suggester.found(folded), 1):
            found.append(suggestion)
            if count % self.CHECK_EVERY == 0:
                yield
        longest = max((s.end - s.start for s in found), default=0)
        self.matches = Matches(job, kept, folded, found, [s.start for s in found], longest)
        yield
        spans = ((start, end, label) for _id, start, end, label in job.spans)
        for shown in ShownSuggestions.building(self.matches, spans, job.rejected):
            if shown is None:
                yield
            else:
                self.shown = shown


def without_taken(
    found: Iterable[Suggestion], existing: Iterable[Span], rejected: Collection[Extent]
) -> list[Suggestion]:
    """``found`` less what overlaps an existing span of the same label and what was rejected."""
    return Untaken(((s.start, s.end, s.label) for s in existing), rejected).kept(found)


class ShownSuggestions:
    """The suggestions of one ``Matches`` that are shown, in ``suggestion_order``, with their outlines.

    ``items``, ``keys`` (their start, end and label) and ``overlays`` are parallel lists; the
    document view draws ``overlays`` as given.
    """

    CHUNK = 500  # suggestions filtered and outlined per step of ``building``

    def __init__(
        self,
        matches: Matches,
        spans: Iterable[tuple[int, int, str]],
        rejected: Collection[Extent],
        *,
        at_once: bool = True,
    ) -> None:
        self.matches = matches
        self.items: list[Suggestion] = []
        self.keys: list[Extent] = []
        self.overlays: list[Overlay] = []
        self._filling = self._fill(spans, rejected)
        if at_once:
            for _ in self._filling:
                pass

    @classmethod
    def building(
        cls, matches: Matches, spans: Iterable[tuple[int, int, str]], rejected: Collection[Extent]
    ) -> Iterator[ShownSuggestions | None]:
        """The same list made a chunk at a time: None after each chunk, then the list."""
        shown = cls(matches, spans, rejected, at_once=False)
        for _ in shown._filling:
            yield None
        yield shown

    def _fill(self, spans: Iterable[tuple[int, int, str]], rejected: Collection[Extent]) -> Iterator[None]:
        untaken = Untaken(spans, rejected)
        found = self.matches.found
        for at in range(0, len(found), self.CHUNK):
            kept = untaken.kept(found[at : at + self.CHUNK])
            self.items.extend(kept)
            self.keys.extend((s.start, s.end, s.label) for s in kept)
            self.overlays.extend(self._overlay(s) for s in kept)
            yield

    def take(self, start: int, end: int, label: str) -> None:
        """A span of ``label`` now covers ``[start, end)``: hide the suggestions of that label it overlaps."""
        self._drop(lambda s: s.label == label and s.start < end and s.end > start, start, end)

    def reject(self, extent: Extent) -> None:
        self._drop(lambda s: (s.start, s.end, s.label) == extent, extent[0], extent[1])

    def give_back(self, extents: Iterable[Extent], spans: Iterable[Span], rejected: Collection[Extent]) -> None:
        """Spans over ``extents`` are gone: show again what they hid, unless another span of the
        same label (among ``spans``, the document's spans now) or a rejection still hides it."""
        found = self.matches.found
        candidates: dict[int, Suggestion] = {}
        for start, end, label in extents:
            for index in self.matches.near(start, end):
                s = found[index]
                if s.label == label and s.start < end and s.end > start:
                    candidates[index] = s
        self._add([candidates[index] for index in sorted(candidates)], spans, rejected)

    def extend(
        self, matches: Matches, new: Iterable[Suggestion], spans: Iterable[Span], rejected: Collection[Extent]
    ) -> None:
        """Follow ``matches``, which has the ``new`` suggestions besides those of the present ones."""
        self.matches = matches
        self._add(list(new), spans, rejected)

    def current(self, caret: int) -> Suggestion | None:
        """The suggestion under ``caret``, or else the first one after it."""
        index = bisect_right(self.items, caret, key=_end)
        return self.items[index] if index < len(self.items) else None

    def after(self, caret: int) -> Suggestion | None:
        index = bisect_right(self.items, caret, key=_start)
        return self.items[index] if index < len(self.items) else None

    def before(self, caret: int) -> Suggestion | None:
        index = bisect_left(self.items, caret, key=_start)
        return self.items[index - 1] if index > 0 else None

    def _add(self, candidates: list[Suggestion], spans: Iterable[Span], rejected: Collection[Extent]) -> None:
        if not candidates:
            return
        labels = {s.label for s in candidates}
        existing = ((span.start, span.end, span.label) for span in spans if span.label in labels)
        for s in Untaken(existing, rejected).kept(candidates):
            key = (s.start, s.end, s.label)
            at = bisect_left(self.keys, key)
            if at < len(self.keys) and self.keys[at] == key:
                continue
            self.keys.insert(at, key)
            self.items.insert(at, s)
            self.overlays.insert(at, self._overlay(s))

    def _overlay(self, s: Suggestion) -> Overlay:
        colour = self.matches.job.colours.get(s.label, UNKNOWN_LABEL_COLOUR)
        return Overlay(s.start, s.end, colour, OverlayStyle.DASHED, OUTLINE_WIDTH)

    def _drop(self, hides: Callable[[Suggestion], bool], start: int, end: int) -> None:
        first = bisect_left(self.items, start - self.matches.longest, key=_start)
        last = bisect_left(self.items, end, key=_start)
        gone = [at for at in range(first, last) if hides(self.items[at])]
        for at in reversed(gone):
            del self.keys[at], self.items[at], self.overlays[at]


def _surface_order(surface: Surface) -> tuple[str, str, str]:
    return (surface.text, surface.label, surface.ref or "")
