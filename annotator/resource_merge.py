"""Merging a project's schema or registry entry by entry, when two windows changed it at once.

Each window keeps the version it loaded (the base). When it saves, the stored version may have
been changed by another window meanwhile: every entry (a label, a relation, an entity, a treaty,
by its name or id) is then taken from whichever side changed it. Both sides changing the same
entry differently is a conflict, refused with a message; nothing is overwritten whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from annotator.registry import Registry
from annotator.said import QT_TRANSLATE_NOOP, Said, SaidError, said
from annotator.schema import Schema

T = TypeVar("T")
V = TypeVar("V")


class MergeConflict(SaidError, ValueError):
    """Both sides changed the same entries differently; the message names them."""


def merge_entries(
    base: Sequence[T], mine: Sequence[T], theirs: Sequence[T], key: Callable[[T], str], what: Said
) -> tuple[T, ...]:
    """Three-way merge of keyed entries, in the stored order with this side's new entries after."""
    before = {key(entry): entry for entry in base}
    ours = {key(entry): entry for entry in mine}
    stored = {key(entry): entry for entry in theirs}
    order = list(stored) + [name for name in ours if name not in stored]
    merged: list[T] = []
    conflicts: list[str] = []
    for name in order:
        chosen = merge_value(before.get(name), ours.get(name), stored.get(name))
        if chosen is _CONFLICT:
            conflicts.append(name)
        elif chosen is not None:
            merged.append(chosen)  # type: ignore[arg-type]
    if conflicts:
        names = ", ".join(repr(name) for name in conflicts)
        template = QT_TRANSLATE_NOOP(
            "Said",
            "another window changed the {what} {names} at the same time; nothing was saved. "
            "Open the project again to see its change, then make yours.",
        )
        raise MergeConflict(said(template, what=what, names=names))
    return tuple(merged)


_CONFLICT = object()


def merge_value(base: V | None, mine: V | None, theirs: V | None) -> V | object | None:
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    return _CONFLICT


def _scalar(base: V, mine: V, theirs: V, what: Said) -> V:
    chosen = merge_value(base, mine, theirs)
    if chosen is _CONFLICT:
        template = QT_TRANSLATE_NOOP("Said", "another window changed the {what} at the same time; nothing was saved.")
        raise MergeConflict(said(template, what=what))
    return chosen  # type: ignore[return-value]


# What a conflict names, in the sentence that reports it.
SCHEMA_VERSION = said(QT_TRANSLATE_NOOP("Said", "schema version"))
SCHEMA_NAME = said(QT_TRANSLATE_NOOP("Said", "schema name"))
LABELS = said(QT_TRANSLATE_NOOP("Said", "label(s)"))
RELATIONS = said(QT_TRANSLATE_NOOP("Said", "relation(s)"))
REGISTRY_VERSION = said(QT_TRANSLATE_NOOP("Said", "registry version"))
ENTITIES = said(QT_TRANSLATE_NOOP("Said", "registry entity(ies)"))
TREATIES = said(QT_TRANSLATE_NOOP("Said", "treaty(ies)"))


def merge_schemas(base: Schema, mine: Schema, theirs: Schema) -> Schema:
    return replace(
        theirs,
        version=_scalar(base.version, mine.version, theirs.version, SCHEMA_VERSION),
        name=_scalar(base.name, mine.name, theirs.name, SCHEMA_NAME),
        labels=merge_entries(base.labels, mine.labels, theirs.labels, lambda label: label.name, LABELS),
        relations=merge_entries(base.relations, mine.relations, theirs.relations, lambda r: r.name, RELATIONS),
    )


def merge_registries(base: Registry, mine: Registry, theirs: Registry) -> Registry:
    return replace(
        theirs,
        version=_scalar(base.version, mine.version, theirs.version, REGISTRY_VERSION),
        entities=merge_entries(base.entities, mine.entities, theirs.entities, lambda e: e.id, ENTITIES),
        treaties=merge_entries(base.treaties, mine.treaties, theirs.treaties, lambda t: t.id, TREATIES),
    )
