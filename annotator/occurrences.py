"""Annotate every occurrence at once, and the surfaces that suggestions look for.

"Annotate all occurrences" turns accepted search hits into one :class:`Batch` of new spans per
document, all with the same label and registry link; a hit inside an existing span of that label
is left alone. Suggestions look for the registry's aliases and for the texts the project already
tagged (DESIGN.md section 9).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from annotator.edits import AddSpan, Batch
from annotator.model import Span, SpanKind
from annotator.project import Project
from annotator.registry import AliasForm, Entry, Registry
from annotator.schema import Schema
from annotator.search import NameGroup
from annotator.suggest import REGISTRY_SOURCE, Surface
from annotator.suggestion_elsewhere import PROJECT_SOURCE, TaggedElsewhere
from annotator.suggestion_scan import PiecesOf

TREATY_LABEL = "TREATY_REF"
_SUGGESTED_KINDS = frozenset({SpanKind.ENTITY, SpanKind.TREATY_REF})


def alias_groups(registry: Registry) -> list[NameGroup]:
    """One group per registry entry: a search for one of its names finds them all, and its short
    aliases when asked. Aliases of the form of the entry's Arabic name count as names (for a
    nationality, its adjectives); the others are short."""
    groups: list[NameGroup] = []
    entries: list[Entry] = [*registry.entities, *registry.treaties]
    for entry in entries:
        main_form = next((alias.form for alias in entry.aliases if alias.text == entry.name_ar), AliasForm.NAME)
        names = tuple(alias.text for alias in entry.aliases if alias.form == main_form)
        short = tuple(alias.text for alias in entry.aliases if alias.form != main_form)
        groups.append(NameGroup(names, short))
    return groups


def registry_surfaces(registry: Registry, schema: Schema) -> list[Surface]:
    """Every alias with the label its entry is tagged with: the entity's type, or TREATY_REF for a treaty."""
    surfaces: list[Surface] = []
    for entity in registry.entities:
        if schema.has_label(entity.type.value):
            surfaces.extend(Surface(text, entity.type.value, entity.id, REGISTRY_SOURCE) for text in entity.alias_texts)
    if schema.has_label(TREATY_LABEL):
        for treaty in registry.treaties:
            surfaces.extend(Surface(text, TREATY_LABEL, treaty.id, REGISTRY_SOURCE) for text in treaty.alias_texts)
    return surfaces


def tagged_surfaces(spans: Iterable[Span], schema: Schema) -> list[Surface]:
    """The texts of entity and treaty spans already tagged, with their labels and links.

    Claims are left out: a claim is a statement, not a name that comes back word for word.
    """
    labels = {label.name for label in schema.labels}
    return [
        Surface(span.text, span.label, span.ref, PROJECT_SOURCE)
        for span in spans
        if span.kind in _SUGGESTED_KINDS and span.label in labels
    ]


def read_elsewhere(project: Project, document_id: str, text: str) -> TaggedElsewhere:
    """What the project's annotator tagged in the other documents whose keys may be found in
    ``text``, read from the counts and keys the store keeps rather than from every document's spans."""
    labels = {label.name for label in project.schema.labels}
    pieces = PiecesOf(text)
    read = project.repository.tagged_elsewhere_keyed(project.annotator, document_id, pieces)
    return TaggedElsewhere(read, pieces.folded, labels)


def tagged_elsewhere(
    project: Project, document_id: str, text: str | None = None, *, article_proclitic: bool = False
) -> frozenset[Surface]:
    """What the project's annotator tagged in the other documents, as ``tagged_surfaces`` gives it.

    Given the document's ``text``, only what its suggestions depend on, with the registry's aliases
    and the texts tagged in it as stored (``TaggedElsewhere.surfaces``).
    """
    if text is None:
        labels = {label.name for label in project.schema.labels}
        return frozenset(
            Surface(tagged, label, ref, PROJECT_SOURCE)
            for tagged, label, ref in project.repository.tagged_elsewhere(project.annotator, document_id)
            if label in labels
        )
    shown = tagged_surfaces(project.spans(document_id), project.schema)
    registry = registry_surfaces(project.registry, project.schema)
    return read_elsewhere(project, document_id, text).surfaces(registry, shown, article_proclitic=article_proclitic)


def suggestion_surfaces(registry: Registry, schema: Schema, spans: Iterable[Span] = ()) -> list[Surface]:
    """Registry aliases first, then tagged texts (a registry entry wins when both give the same text)."""
    return [*registry_surfaces(registry, schema), *tagged_surfaces(spans, schema)]


@dataclass(frozen=True)
class Occurrence:
    """A stored-text range of one document to annotate."""

    document_id: str
    start: int
    end: int


@dataclass(frozen=True)
class AnnotateAllPlan:
    """One batch per document (the current document's last) and the occurrences left alone."""

    batches: tuple[Batch, ...]
    already_tagged: tuple[Occurrence, ...]

    @property
    def span_count(self) -> int:
        return sum(len(batch.edits) for batch in self.batches)


def inside_span_of_label(occurrence: Occurrence, spans: Iterable[Span], label: str) -> bool:
    return any(span.label == label and span.start <= occurrence.start and occurrence.end <= span.end for span in spans)


def plan_annotate_all(
    project: Project,
    occurrences: Sequence[Occurrence],
    label: str,
    ref: str | None = None,
    *,
    last_document: str | None = None,
) -> AnnotateAllPlan:
    """Build the edits that give every occurrence a span of ``label`` (linked to ``ref``).

    Occurrences inside an existing span of the same label in this annotator's layer, and repeats,
    are skipped. Raises InvalidEditError for an unknown label, link or range.
    """
    by_document: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_document.setdefault(occurrence.document_id, []).append(occurrence)
    order = sorted(by_document, key=lambda document_id: document_id == last_document)
    batches: list[Batch] = []
    skipped: list[Occurrence] = []
    for document_id in order:
        existing = project.spans(document_id)
        edits: list[AddSpan] = []
        seen: set[tuple[int, int]] = set()
        for occurrence in sorted(by_document[document_id], key=lambda o: (o.start, o.end)):
            if (occurrence.start, occurrence.end) in seen or inside_span_of_label(occurrence, existing, label):
                skipped.append(occurrence)
                continue
            seen.add((occurrence.start, occurrence.end))
            edit = project.add_span(document_id, occurrence.start, occurrence.end, label, ref)
            if ref is not None:
                edit = AddSpan(project.link(edit.span, ref).after)
            edits.append(edit)
        if edits:
            batches.append(Batch(batch_name(label, len(edits)), tuple(edits)))
    return AnnotateAllPlan(tuple(batches), tuple(skipped))


def batch_name(label: str, count: int) -> str:
    return f"Annotate {count} occurrence{'s' if count != 1 else ''} as {label}"


# -- rejected suggestions: kept per document and annotator as a project resource --------------


def rejected_resource_name(document_id: str, annotator: str) -> str:
    return f"rejected-suggestions/{document_id}/{annotator}"


def rejected_from_json(text: str | None) -> set[tuple[int, int, str]]:
    """The stored (start, end, label) triples; anything unreadable counts as nothing rejected."""
    if not text:
        return set()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return set()
    rejected: set[tuple[int, int, str]] = set()
    if isinstance(data, list):
        for item in data:
            if (
                isinstance(item, list)
                and len(item) == 3
                and all(isinstance(value, int) and not isinstance(value, bool) for value in item[:2])
                and isinstance(item[2], str)
            ):
                rejected.add((item[0], item[1], item[2]))
    return rejected


def rejected_to_json(rejected: Collection[tuple[int, int, str]]) -> str:
    return json.dumps([list(item) for item in sorted(rejected)], ensure_ascii=False)
