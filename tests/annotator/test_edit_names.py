"""The Undo menu's names of edits, worked out without Qt."""

from __future__ import annotations

from dataclasses import replace

from annotator.edit_names import name_parts
from annotator.edits import AddSpan, Batch, ChangeSpan, RemoveSpan
from annotator.model import Span, SpanKind

SPAN = Span(id="s1", document_id="d", annotator="amal", kind=SpanKind.CLAIM, label="CLAIM", start=0, end=4, text="قال ")


def test_adding_and_deleting_name_the_label() -> None:
    assert name_parts(AddSpan(SPAN)) == [("Add {label}", {"label": "CLAIM"})]
    assert name_parts(RemoveSpan(SPAN)) == [("Delete {label}", {"label": "CLAIM"})]


def test_a_change_names_each_thing_changed() -> None:
    after = replace(SPAN, label="PER", end=3, attributes={"stance": "denied"}, ref="r1", note="?")
    assert name_parts(ChangeSpan(SPAN, after)) == [
        ("Relabel {before} as {after}", {"before": "CLAIM", "after": "PER"}),
        ("Resize {label}", {"label": "PER"}),
        ("Set {names}", {"names": "stance"}),
        ("Link", {}),
        ("Edit note", {}),
    ]
    assert name_parts(ChangeSpan(SPAN, SPAN)) == [("Change {label}", {"label": "CLAIM"})]


def test_a_batch_is_named_by_itself() -> None:
    assert name_parts(Batch("Annotate all", (AddSpan(SPAN),))) is None
