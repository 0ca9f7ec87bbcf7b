"""Of the texts tagged in other documents, those that one text's suggestions depend on.

An article of a large project holds the first words of thousands of tagged texts, and thousands of
them whole; building a surface for each and compiling them costs far more than the article. What
its suggestions depend on is much less: the texts the matching lands on, and, for each text that
takes part, the longer texts that keep one of its labels from being suggested alone
(``_drop_project_prefixes`` in ``annotator.suggest``). The matching is run here on the keys alone,
with the registry's aliases and the shown document's own tagged texts, to find them.

Which texts those are depends on the document's own tagged texts: ``TaggedElsewhere.surfaces`` is
asked again when they change, from what was read once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence

from annotator.arabic import ARTICLE, LAM, proclitic_prefixes
from annotator.suggest import Surface, surface_key
from annotator.suggestion_reach import worth_sifting
from annotator.suggestion_scan import KeyScanner, first_piece

PROJECT_SOURCE = "project"

Row = tuple[str, str, str | None, str]
"""(text, label, registry id or None, key) of a text tagged in another document."""

# The proclitics tried in turn, as ``Suggester`` tries them, without and with the article.
_PREFIXES = {
    article: sorted(proclitic_prefixes(article=article) - {""}, key=lambda p: (len(p), p)) for article in (False, True)
}


class _Others:
    """The registry's aliases and the shown document's tagged texts, by key: labels, and the labels
    that have a surface with a registry id."""

    def __init__(self, surfaces: Iterable[Surface]) -> None:
        self.labels: dict[str, set[str]] = {}
        self.with_ref: dict[str, set[str]] = {}
        for surface in surfaces:
            key = surface.key if surface.key is not None else surface_key(surface.text)
            if not key:
                continue
            self.labels.setdefault(key, set()).add(surface.label)
            if surface.ref is not None:
                self.with_ref.setdefault(key, set()).add(surface.label)
        self.ordered = sorted(self.labels)


class TaggedElsewhere:
    """What one annotator tagged in other documents, read for one text: its rows by key."""

    def __init__(self, rows: Iterable[Row], folded: str, labels: Collection[str] | None = None) -> None:
        """``rows`` of ``labels`` only, if given (the rows of keys whose first piece ``folded`` does not
        hold may be left out: they are never found there)."""
        self._folded = folded
        self._rows: dict[str, list[Row]] = {}
        for row in rows:
            if labels is not None and row[1] not in labels:
                continue
            found = self._rows.get(row[3])
            if found is None:
                self._rows[row[3]] = [row]
            else:
                found.append(row)
        self._ordered: list[str] | None = None
        self._reaches: tuple[dict[str, int], dict[str, int]] | None = None
        self._labels: dict[str, set[str]] = {}
        self._with_ref: dict[str, set[str]] = {}
        self._all: frozenset[Surface] | None = None

    @property
    def worth_sifting(self) -> bool:
        """Whether matching the keys first costs less than matching every surface (not in a long text)."""
        return worth_sifting(len(self._rows), self._folded)

    def every_surface(self) -> frozenset[Surface]:
        if self._all is None:
            self._all = frozenset(
                Surface(text, label, ref, PROJECT_SOURCE, key)
                for rows in self._rows.values()
                for text, label, ref, key in rows
            )
        return self._all

    def surfaces(
        self, registry: Iterable[Surface], shown: Iterable[Surface], *, article_proclitic: bool = False
    ) -> frozenset[Surface]:
        """The surfaces tagged elsewhere that, after the ``registry``'s aliases and with the ``shown``
        document's own tagged texts, give the text the suggestions that every one of them gives
        (to a ``Suggester`` with ``article_proclitic``)."""
        if not self._rows or not self.worth_sifting:
            return self.every_surface()
        matching = _Matching(self, _Others(registry), _Others(shown))
        kept = matching.kept(matching.matched(self._folded, _PREFIXES[article_proclitic]))
        return frozenset(
            Surface(text, label, ref, PROJECT_SOURCE, key)
            for key in kept
            for text, label, ref, key in self._rows.get(key, ())
        )

    # -- what each key of the rows holds, worked out when first asked --------------------------

    def ordered(self) -> list[str]:
        if self._ordered is None:
            self._ordered = sorted(self._rows)
        return self._ordered

    def labels(self, key: str) -> set[str]:
        labels = self._labels.get(key)
        if labels is None:
            labels = self._labels[key] = {row[1] for row in self._rows.get(key, ())}
        return labels

    def with_ref(self, key: str) -> set[str]:
        labels = self._with_ref.get(key)
        if labels is None:
            labels = self._with_ref[key] = {row[1] for row in self._rows.get(key, ()) if row[2] is not None}
        return labels

    def reaches(self) -> tuple[dict[str, int], dict[str, int]]:
        """A copy of the longest key and fused key of the rows per first piece (see ``KeyScanner``)."""
        if self._reaches is None:
            self._reaches = ({}, {})
            _reaches(self._rows, *self._reaches)
        return dict(self._reaches[0]), dict(self._reaches[1])


def _reaches(keys: Iterable[str], plain: dict[str, int], fused: dict[str, int]) -> None:
    """Add to ``plain`` and ``fused`` the length of the longest key and fused key per first piece."""
    for key in keys:
        piece = first_piece(key)
        if len(key) > plain.get(piece, 0):
            plain[piece] = len(key)
        if key.startswith(ARTICLE) and len(key) > len(ARTICLE):
            piece = LAM + piece[len(ARTICLE) :]
            if len(key) - 1 > fused.get(piece, 0):
                fused[piece] = len(key) - 1


class _Matching:
    """The keys of the registry's, the shown document's and the rows' surfaces, as ``Suggester``
    chooses among them (``_choose_entries``), matched over the text without building them."""

    def __init__(self, elsewhere: TaggedElsewhere, registry: _Others, project: _Others) -> None:
        self._elsewhere = elsewhere
        self._registry = registry
        self._project = project
        self._live: dict[str, bool] = {}

    def labels(self, key: str) -> set[str]:
        labels = self._elsewhere.labels(key)
        extra = [others.labels[key] for others in (self._registry, self._project) if key in others.labels]
        return labels.union(*extra) if extra else labels

    def registry_labels(self, key: str) -> set[str]:
        """The labels of ``key`` whose surface comes from the registry: those of its aliases, but for
        a label whose aliases have no registry id while a tagged text of it has one."""
        labels = self._registry.labels.get(key)
        if not labels:
            return set()
        with_ref = self._registry.with_ref.get(key, set())
        tagged_with_ref = self._elsewhere.with_ref(key) | self._project.with_ref.get(key, set())
        return {label for label in labels if label in with_ref or label not in tagged_with_ref}

    def longer(self, key: str) -> Iterator[str]:
        """The keys that begin with ``key`` and a space."""
        for ordered in (self._elsewhere.ordered(), self._registry.ordered, self._project.ordered):
            at = bisect_left(ordered, key + " ")
            end = bisect_left(ordered, key + "!", at)
            yield from ordered[at:end]

    def is_live(self, key: str) -> bool:
        """Whether ``Suggester`` keeps ``key`` with some label."""
        live = self._live.get(key)
        if live is None:
            live = self._live[key] = self._work_out_live(key)
        return live

    def _work_out_live(self, key: str) -> bool:
        labels = self.labels(key)
        if not labels:
            return False
        if self.registry_labels(key):
            return True  # a registry label is never left out
        left = set(labels)
        for other in self.longer(key):
            left -= self.labels(other)
            if not left:
                return False
        return True

    def matched(self, folded: str, prefixes: Sequence[str]) -> set[str]:
        """The keys the matching lands on in ``folded``, trying ``prefixes`` in turn."""
        plain, fused = self._elsewhere.reaches()
        _reaches(self._registry.ordered, plain, fused)
        _reaches(self._project.ordered, plain, fused)
        found: set[str] = set()
        for match in KeyScanner(_LiveKeys(self), _LiveFused(self), prefixes, (plain, fused)).matches(folded):
            matched = folded[match.group_start : match.end]
            if "  " in matched:
                matched = " ".join(matched.split())
            found.add(ARTICLE + matched[len(LAM) :] if match.fused else matched)
        return found

    def kept(self, matched: Iterable[str]) -> set[str]:
        """The keys whose rows are kept: those ``matched``, and every key that takes part, each with
        one longer key per label it loses to one (and so on for those)."""
        waiting = [*matched, *self._registry.ordered, *self._project.ordered]
        kept: set[str] = set()
        while waiting:
            key = waiting.pop()
            if key in kept:
                continue
            kept.add(key)
            lost = self.labels(key) - self.registry_labels(key)
            for other in self.longer(key):
                if not lost:
                    break
                taken = lost & self.labels(other)
                if taken:
                    lost -= taken
                    waiting.append(other)
        return kept


class _LiveKeys(Collection[str]):
    """The live keys, as ``KeyScanner`` looks them up."""

    def __init__(self, matching: _Matching) -> None:
        self._matching = matching

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._matching.is_live(key)

    def __iter__(self) -> Iterator[str]:
        raise NotImplementedError  # only looked up

    def __len__(self) -> int:
        raise NotImplementedError


class _LiveFused(_LiveKeys):
    """The live keys with the article, written with ل alone (as after ل), as ``KeyScanner`` looks them up."""

    def __contains__(self, fused: object) -> bool:
        if not isinstance(fused, str) or not fused.startswith(LAM):
            return False
        key = ARTICLE + fused[len(LAM) :]
        return len(key) > len(ARTICLE) and self._matching.is_live(key)
