"""Offline work that merges back: ``push`` an analyst's layer from a local project to a team project, ``pull`` the rest.

Layers have one writer, so they never conflict: ``push`` sends the documents whose edit-log
entries by the analyst come after the push cursor kept in the local project, each in a transaction
of its own that also moves the document's push mark on the server; the cursor moves once the
server has acknowledged them. So a push cut short (even killed) resumes where it stopped, and
pushing twice, or after the file was moved, changes nothing. ``pull`` brings teammates' layers and missing documents.

Gold, the schema and the registry have several writers. Each pull remembers in the local project
what the team's copy was (its digest, the *base*); at the next pull, an item only the team changed
is taken, one only changed here is kept (a reviewer pushes it), and one changed on both sides is a
conflict, left alone on both sides and reported, until a reviewer decides with ``take_team`` or
``keep_mine``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from annotator.model import GOLD, DocumentStatus, Layer
from annotator.project import REGISTRY_RESOURCE, SCHEMA_RESOURCE, now_iso
from annotator.registry import load_default_registry
from annotator.repository import ProjectError, Repository
from annotator.said import QT_TRANSLATE_NOOP, said
from annotator.schema import load_default_schema
from annotator.team import SyncReport
from storage.postgres_connection import shown_url
from storage.postgres_repository import PostgresRepository

SYNC_RESOURCE = "team-sync"
"""The local project's memory of each team project it synchronised with: the bases of shared items."""
PUSH_RESOURCE = "team-push"
"""The local project's push cursor: its source name and, per team project, the last edit-log position pushed."""
SHARED = (SCHEMA_RESOURCE, REGISTRY_RESOURCE)
GOLD_PREFIX = "gold:"


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def layer_of(repository: Repository, document_id: str, annotator: str) -> Layer:
    return Layer(
        document_id=document_id,
        annotator=annotator,
        status=repository.status(document_id, annotator),
        spans=tuple(repository.spans(document_id, annotator)),
        relations=tuple(repository.relations(document_id, annotator)),
    )


def layer_digest(layer: Layer) -> str:
    return digest(
        [layer.status.value, [asdict(s) for s in layer.spans], sorted((asdict(r) for r in layer.relations), key=str)]
    )


def is_empty(layer: Layer) -> bool:
    return not layer.spans and not layer.relations and layer.status == DocumentStatus.NEW


# -- push ----------------------------------------------------------------------------------------


class PushCursor:
    """How far in its edit log the local project has pushed to each team project, kept in the project.

    Stored only once the server has acknowledged what it covers, so it is never ahead of the
    server; the server's marks (per document, in the same transaction as the layer) cover a push
    killed before the cursor was stored. The project's ``source`` name keys those marks: made once
    and kept in the file, it stays the same when the file is moved or copied.
    """

    def __init__(self, local: Repository, team: PostgresRepository) -> None:
        self.local = local
        self.key = shown_url(team.url)
        stored = local.resource(PUSH_RESOURCE)
        self.state: dict[str, Any] = json.loads(stored) if stored else {}
        # A project that pushed before the name was kept was known by its location.
        self.source: str = self.state.get("source") or local.location
        self.position: int = self.state.get("cursors", {}).get(self.key, -1)

    def save(self, position: int, annotator: str) -> None:
        if position == self.position and self.state.get("source") == self.source:
            return
        cursors = {**self.state.get("cursors", {}), self.key: position}
        self.state = {"source": self.source, "cursors": cursors}
        self.local.set_resource(
            PUSH_RESOURCE, json.dumps(self.state, sort_keys=True), annotator, now_iso(), logged=False
        )
        self.position = position


def push(
    local: Repository,
    team: PostgresRepository,
    *,
    progress: Callable[[str], None] = lambda _: None,
) -> SyncReport:
    """Send the analyst's own layer (the team role's name) from ``local``, one document per transaction:
    only the documents with edits after the local project's push cursor."""
    me = team.user
    report = SyncReport()
    cursor = PushCursor(local, team)
    log = local.edit_log()
    with team.writing() as conn:
        rows = conn.execute(
            "SELECT document_id, log_position FROM push_marks WHERE source = %s AND annotator = %s",
            [cursor.source, me],
        ).fetchall()
    marks: dict[str, int] = {row[0]: row[1] for row in rows}
    pending: dict[str, list[int]] = {}
    # A server with no mark of this project's never received its edits (a team project made again):
    # the cursor then counts for nothing.
    start = cursor.position if marks else -1
    last = start
    for position in range(start + 1, len(log)):
        entry = log[position]
        document_id = entry["document_id"]
        if entry["annotator"] != me or document_id is None:
            continue
        last = position
        if position > marks.get(document_id, -1):
            pending.setdefault(document_id, []).append(position)
    for document_id, positions in sorted(pending.items()):
        mine = layer_of(local, document_id, me)
        changed = layer_digest(mine) != layer_digest(layer_of(team, document_id, me))
        with team.writing() as conn:
            if team.find_document_by_sha256(local.get_document(document_id).text_sha256) is None:
                team.insert_documents(conn, [local.get_document(document_id)])
                report.added_documents.append(document_id)
            if changed:
                team.replace_layers_in(conn, [], [mine], me, now_iso(), log=False)
            with conn.cursor() as rows_out:
                rows_out.executemany(
                    "INSERT INTO edit_log (at, annotator, document_id, action, before, after) "
                    "VALUES (%(at)s, %(annotator)s, %(document_id)s, %(action)s, %(before)s, %(after)s)",
                    [log[position] for position in positions],
                )
            conn.execute(
                """
                INSERT INTO push_marks (source, annotator, document_id, log_position) VALUES (%s, %s, %s, %s)
                ON CONFLICT (source, annotator, document_id) DO UPDATE SET log_position = excluded.log_position
                """,
                [cursor.source, me, document_id, positions[-1]],
            )
        if changed:
            report.pushed_documents.append(document_id)
        progress(document_id)
    cursor.save(last, me)
    return report


# -- pull ----------------------------------------------------------------------------------------


class SyncState:
    """The bases of the shared items, kept in the local project per team project."""

    def __init__(self, local: Repository, team: PostgresRepository) -> None:
        self.local = local
        self.key = shown_url(team.url)
        stored = local.resource(SYNC_RESOURCE)
        self.everything: dict[str, dict[str, str]] = json.loads(stored) if stored else {}
        self.bases = dict(self.everything.get(self.key, {}))

    def save(self, annotator: str) -> None:
        if self.bases != self.everything.get(self.key, {}):
            self.everything[self.key] = self.bases
            text = json.dumps(self.everything, ensure_ascii=False, sort_keys=True)
            self.local.set_resource(SYNC_RESOURCE, text, annotator, now_iso(), logged=False)


def _resource_digest(repository: Repository, name: str) -> str:
    return digest(repository.resource(name))


def _pristine(local: Repository, item: str) -> bool:
    """Whether a shared item was never changed in a local project that never synchronised it."""
    if item == SCHEMA_RESOURCE:
        return local.resource(item) in (None, load_default_schema().to_json())
    if item == REGISTRY_RESOURCE:
        return local.resource(item) in (None, load_default_registry().to_json())
    return is_empty(layer_of(local, item.removeprefix(GOLD_PREFIX), GOLD))


def changed_side(
    local: Repository, team: Repository, item: str, ours: str, theirs: str, base: str | None
) -> str | None:
    """Which side changed ``item`` since the base: None (they agree), "team", "local" or "both"."""
    if ours == theirs:
        return None
    if base is None:
        # Never synchronised: an untouched side has nothing of its own to lose.
        if _pristine(local, item):
            return "team"
        return "local" if _pristine(team, item) else "both"
    if ours == base:
        return "team"
    return "local" if theirs == base else "both"


def shared_items(local: Repository, team: PostgresRepository) -> list[str]:
    documents = {d.id for d in local.list_documents(GOLD)} | {d.id for d in team.list_documents(GOLD)}
    return [*SHARED, *(GOLD_PREFIX + document_id for document_id in sorted(documents))]


def item_digest(repository: Repository, item: str) -> str:
    if item.startswith(GOLD_PREFIX):
        return layer_digest(layer_of(repository, item.removeprefix(GOLD_PREFIX), GOLD))
    return _resource_digest(repository, item)


def copy_item(source: Repository, target: Repository, item: str, by: str) -> None:
    if item.startswith(GOLD_PREFIX):
        document_id = item.removeprefix(GOLD_PREFIX)
        missing = [] if target.find_document_by_sha256(source.get_document(document_id).text_sha256) else [document_id]
        target.replace_layers(
            [source.get_document(d) for d in missing], [layer_of(source, document_id, GOLD)], by, now_iso()
        )
        return
    text = source.resource(item)
    if text is not None:
        target.set_resource(item, text, by, now_iso())


def pull(local: Repository, team: PostgresRepository, annotator: str, take_team: tuple[str, ...] = ()) -> SyncReport:
    """Bring teammates' layers, missing documents and the team's changes to shared items into ``local``.

    ``annotator`` is the local layer never overwritten (the analyst's own). Items named in
    ``take_team`` are taken from the team even when changed here too: a reviewer's decision.
    """
    report = SyncReport()
    at = now_iso()
    known = {d.id for d in local.list_documents(annotator)}
    added = [team.get_document(d.id) for d in team.list_documents(annotator) if d.id not in known]
    layers: list[Layer] = []
    for summary in team.list_documents(annotator):
        for name in team.annotators():
            if name in (annotator, GOLD):
                continue
            teammate = layer_of(team, summary.id, name)
            if summary.id not in known:
                if not is_empty(teammate):
                    layers.append(teammate)
            elif layer_digest(teammate) != layer_digest(layer_of(local, summary.id, name)):
                layers.append(teammate)
    if added or layers:
        local.replace_layers(added, layers, annotator, at)
    report.added_documents = [d.id for d in added]
    report.pulled_layers = [(layer.document_id, layer.annotator) for layer in layers]

    state = SyncState(local, team)
    for item in shared_items(local, team):
        ours, theirs = item_digest(local, item), item_digest(team, item)
        side = changed_side(local, team, item, ours, theirs, state.bases.get(item))
        if side is None:
            state.bases[item] = theirs
        elif side == "team" or item in take_team:
            copy_item(team, local, item, annotator)
            state.bases[item] = theirs
            report.taken.append(item)
        elif side == "local":
            report.kept_local.append(item)
        else:
            report.conflicts[item] = describe_conflict(local, team, item)
    state.save(annotator)
    return report


def push_shared(local: Repository, team: PostgresRepository, keep_mine: tuple[str, ...] = ()) -> SyncReport:
    """A reviewer's push of gold, schema and registry changed only here (or named in ``keep_mine``).

    An item the team changed since the last pull is not overwritten unless the reviewer named it.
    """
    report = SyncReport()
    state = SyncState(local, team)
    for item in shared_items(local, team):
        ours, theirs = item_digest(local, item), item_digest(team, item)
        side = changed_side(local, team, item, ours, theirs, state.bases.get(item))
        if side is None:
            state.bases[item] = ours
        elif side == "local" or item in keep_mine:
            try:
                copy_item(local, team, item, team.user)
            except ProjectError as error:
                raise ProjectError(
                    said(QT_TRANSLATE_NOOP("Said", "{item} could not be pushed: {error}"), item=item, error=error)
                ) from None
            state.bases[item] = ours
            report.kept_local.append(item)
        elif side == "both":
            report.conflicts[item] = describe_conflict(local, team, item)
    state.save(team.user)
    return report


def describe_item(repository: Repository, item: str) -> str:
    """One side of a shared item, in a few words for the reviewer who decides."""
    if item.startswith(GOLD_PREFIX):
        layer = layer_of(repository, item.removeprefix(GOLD_PREFIX), GOLD)
        labels = sorted({f"{span.label} «{span.text}»" for span in layer.spans})
        shown = ", ".join(labels[:6]) + (" …" if len(labels) > 6 else "")
        return f"{len(layer.spans)} span(s), {layer.status.value}" + (f": {shown}" if shown else "")
    text = repository.resource(item)
    if text is None:
        return "none"
    if item == SCHEMA_RESOURCE:
        from annotator.schema import Schema

        return "labels " + ", ".join(label.name for label in Schema.from_json(text).labels)
    from annotator.registry import Registry

    registry = Registry.from_json(text)
    return f"{len(registry.entities)} entities, {len(registry.treaties)} treaties"


ENTRY_LISTS = {
    SCHEMA_RESOURCE: (("labels", "name"), ("relations", "name")),
    REGISTRY_RESOURCE: (("entities", "id"), ("treaties", "id")),
}
"""Where a shared resource keeps its entries, and the key naming each: what a conflict lists."""
MOST_SHOWN = 4


def describe_conflict(local: Repository, team: Repository, item: str) -> tuple[str, str]:
    """Both sides of ``item`` for the reviewer who decides: a summary, then the entries that differ
    (a label, an entity, a treaty), each as that side has it, so that the choice is informed."""
    mine, theirs = describe_item(local, item), describe_item(team, item)
    if item not in ENTRY_LISTS:
        return mine, theirs
    here, there = _entries(local.resource(item), item), _entries(team.resource(item), item)
    differing = sorted(key for key in here.keys() | there.keys() if here.get(key) != there.get(key))
    if not differing:
        return mine, theirs
    shown = differing[:MOST_SHOWN]
    more = f"; {len(differing) - MOST_SHOWN} more" if len(differing) > MOST_SHOWN else ""
    return (
        mine
        + " — differs: "
        + "; ".join(_entry_difference(key, here.get(key), there.get(key)) for key in shown)
        + more,
        theirs
        + " — differs: "
        + "; ".join(_entry_difference(key, there.get(key), here.get(key)) for key in shown)
        + more,
    )


def _entries(text: str | None, item: str) -> dict[str, dict[str, Any]]:
    try:
        stored = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {
        f"{entry.get(key)}": entry
        for field, key in ENTRY_LISTS[item]
        for entry in stored.get(field, [])
        if isinstance(entry, dict)
    }


def _entry_difference(key: str, this: dict[str, Any] | None, other: dict[str, Any] | None) -> str:
    """``key`` as this side has it: absent, or the fields where it differs from the other side."""
    if this is None:
        return f"{key} absent"
    if other is None:
        return f"{key} added"
    fields = [f"{name} {_short(value)}" for name, value in this.items() if other.get(name) != value]
    return f"{key}: " + ", ".join(fields)


def _short(value: Any, most: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= most else text[: most - 1] + "…"
