"""What an import replaced, as the edit log keeps it, and taking the last import back.

Each layer an import stores gets one edit-log entry: the action ``Import N span(s) into LAYER`` and,
as ``before``, the layer it replaced (spans, relations and status; empty when there was nothing).
All entries of one import share its time stamp. Undoing an import puts each of its layers back as
it was and logs that as ``Undo import of AT: ...`` with what the undo replaced, so nothing is lost
either way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from annotator.model import DocumentStatus, Layer, Relation, Span, SpanKind

_IMPORT = re.compile(r"Import (\d+) span\(s\) into (.*)", re.DOTALL)
_UNDO = re.compile(r"Undo import of (\S+): (\d+) span\(s\) back into (.*)", re.DOTALL)

LogEntry = dict[str, str | None]


def import_action(spans: int, layer: str) -> str:
    return f"Import {spans} span(s) into {layer}"


def undo_action(imported_at: str, spans: int, layer: str) -> str:
    return f"Undo import of {imported_at}: {spans} span(s) back into {layer}"


def layer_state(spans: Sequence[Span], relations: Sequence[Relation], status: DocumentStatus) -> str | None:
    """A layer as the edit log keeps what an import replaces; None for a layer with nothing in it."""
    if not spans and not relations and status is DocumentStatus.NEW:
        return None
    state = {
        "spans": [asdict(span) for span in spans],
        "relations": [asdict(relation) for relation in relations],
        "status": status.value,
    }
    return json.dumps(state, ensure_ascii=False, sort_keys=True, default=str)


def layer_from_state(state: str | None, document_id: str, annotator: str) -> Layer:
    """The layer ``layer_state`` wrote (an empty one for None)."""
    if state is None:
        return Layer(document_id, annotator, DocumentStatus.NEW, (), ())
    data = json.loads(state)
    spans = tuple(Span(**{**span, "kind": SpanKind(span["kind"])}) for span in data.get("spans", []))
    relations = tuple(Relation(**relation) for relation in data.get("relations", []))
    status = DocumentStatus(data.get("status", DocumentStatus.NEW.value))
    return Layer(document_id, annotator, status, spans, relations)


@dataclass(frozen=True)
class LoggedImport:
    """One import as the edit log holds it: when, by whom, and each layer with what it replaced."""

    at: str
    by: str
    layers: tuple[tuple[str, str, str | None], ...]  # (document id, layer, what it held before)

    @property
    def layer_names(self) -> tuple[str, ...]:
        return tuple(sorted({layer for _document, layer, _before in self.layers}))


def last_import(log: Sequence[LogEntry], at: str | None = None) -> LoggedImport | None:
    """The latest import in ``log`` not undone yet (only the one logged at ``at``, when given)."""
    undone = {match.group(1) for entry in log if (match := _UNDO.fullmatch(str(entry["action"])))}
    latest: LoggedImport | None = None
    for entry in log:
        match = _IMPORT.fullmatch(str(entry["action"]))
        logged_at = str(entry["at"])
        if match is None or logged_at in undone or entry["document_id"] is None or at not in (None, logged_at):
            continue
        layer = (str(entry["document_id"]), match.group(2), entry["before"])
        if latest is not None and latest.at == logged_at:
            latest = LoggedImport(logged_at, latest.by, (*latest.layers, layer))
        else:
            latest = LoggedImport(logged_at, str(entry["annotator"]), (layer,))
    return latest
