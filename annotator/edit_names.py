"""What an edit is called in the Undo and Redo menus, as English messages with their fields.

The interface translates each message (they are its source texts) and joins them with "; ".
"""

from __future__ import annotations

from annotator.edits import AddRelation, AddSpan, ChangeSpan, Edit, RemoveRelation, RemoveSpan
from annotator.model import Span

NamePart = tuple[str, dict[str, str]]


def name_parts(edit: Edit) -> list[NamePart] | None:
    """The messages naming ``edit``, or None for an edit named by ``annotator.edits.describe``."""
    match edit:
        case AddSpan(span):
            return [("Add {label}", {"label": span.label})]
        case AddRelation(relation):
            return [("Add {label}", {"label": relation.label})]
        case RemoveSpan(span):
            return [("Delete {label}", {"label": span.label})]
        case RemoveRelation(relation):
            return [("Delete {label}", {"label": relation.label})]
        case ChangeSpan(before, after):
            return _change_parts(before, after)
    return None


def _change_parts(before: Span, after: Span) -> list[NamePart]:
    parts: list[NamePart] = []
    if before.label != after.label:
        parts.append(("Relabel {before} as {after}", {"before": before.label, "after": after.label}))
    if (before.start, before.end) != (after.start, after.end):
        parts.append(("Resize {label}", {"label": after.label}))
    names = sorted(
        key
        for key in before.attributes.keys() | after.attributes.keys()
        if before.attributes.get(key) != after.attributes.get(key) and not (key == "treaty" and before.ref != after.ref)
    )
    if names:
        parts.append(("Set {names}", {"names": ", ".join(names)}))
    if before.ref != after.ref:
        parts.append(("Link" if after.ref else "Unlink", {}))
    if before.note != after.note:
        parts.append(("Edit note", {}))
    return parts or [("Change {label}", {"label": after.label})]
