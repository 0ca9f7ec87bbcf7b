"""Edits applied to a real project file: each is committed, logged, and undone by its inverse."""

from __future__ import annotations

import random

import pytest

from annotator.edits import Batch, describe, inverse
from annotator.model import reading_order
from annotator.project import InvalidEditError, Project
from annotator.repository import EditConflictError
from annotator.schema import load_default_schema
from tests.conftest import CORPUS
from tests.storage.conftest import Store, store_of

LAVROV_DOC = CORPUS / "003_6ce7f2ee4d1dc447.txt"


@pytest.fixture
def project(store: Store) -> Project:
    project = store.project("amal")
    project.import_paths([LAVROV_DOC])
    return project


def doc_id(project: Project) -> str:
    return project.documents()[0].id


def find(project: Project, phrase: str, nth: int = 0) -> tuple[int, int]:
    text = project.document(doc_id(project)).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def reopen(project: Project, annotator: str = "amal") -> Project:
    store = store_of(project)
    project.close()
    return store.project(annotator)


def test_schema_and_registry_are_stored_in_the_project(project: Project) -> None:
    assert project.schema == load_default_schema()
    again = reopen(project)
    assert again.schema == project.schema
    assert "vladimir-putin" in again.registry


def test_a_span_is_committed_at_once_and_survives_reopening(project: Project) -> None:
    start, end = find(project, "سيرغي لافروف")
    edit = project.add_span(doc_id(project), start, end, "PER", ref="sergey-lavrov")
    project.apply(edit)
    again = reopen(project)
    [span] = again.spans(doc_id(again))
    assert (span.start, span.end, span.text, span.label, span.ref) == (
        start,
        end,
        "سيرغي لافروف",
        "PER",
        "sergey-lavrov",
    )
    assert span.annotator == "amal"


def test_claim_with_relations_then_delete_and_undo_restores_everything(project: Project) -> None:
    document = doc_id(project)
    claim = project.add_span(document, *find(project, "الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين"), "CLAIM")
    source = project.add_span(document, *find(project, "وكالة الأنباء المركزية الكورية الشمالية"), "ORG")
    for edit in (claim, source):
        project.apply(edit)
    relation = project.add_relation("SOURCE", claim.span, source.span)
    project.apply(relation)
    assert project.relations(document)[0].tail == source.span.id
    deletion = project.delete_span(source.span)
    assert deletion.relations == (relation.relation,)
    project.apply(deletion)
    assert project.relations(document) == []
    assert [s.label for s in project.spans(document)] == ["CLAIM"]
    project.apply(inverse(deletion))
    assert project.relations(document) == [relation.relation]
    assert {s.id for s in project.spans(document)} == {claim.span.id, source.span.id}


def test_change_edits_and_their_inverses(project: Project) -> None:
    document = doc_id(project)
    added = project.add_span(document, *find(project, "لافروف"), "PER")
    project.apply(added)
    span = added.span
    for make in (
        lambda s: project.relabel(s, "ORG"),
        lambda s: project.resize(s, *find(project, "سيرغي لافروف")),
        lambda s: project.link(s, "sergey-lavrov"),
        lambda s: project.set_note(s, "وزير الخارجية"),
    ):
        edit = make(span)
        project.apply(edit)
        [stored] = project.spans(document)
        assert stored == edit.after
        project.apply(inverse(edit))
        [restored] = project.spans(document)
        assert restored == span
        project.apply(edit)
        span = edit.after
    assert (span.label, span.text, span.ref, span.note) == ("ORG", "سيرغي لافروف", "sergey-lavrov", "وزير الخارجية")


def test_claim_attributes_are_checked_against_the_schema(project: Project) -> None:
    added = project.add_span(doc_id(project), *find(project, "الزيارة تتضمن اجتماعا"), "CLAIM")
    project.apply(added)
    assert added.span.attributes == {"stance": None, "claim_type": None, "certainty": None}
    edit = project.set_attribute(added.span, "stance", "denied")
    project.apply(edit)
    assert project.spans(doc_id(project))[0].attributes["stance"] == "denied"
    with pytest.raises(InvalidEditError, match="stance"):
        project.set_attribute(edit.after, "stance", "maybe")


def test_treaty_reference_with_article_date_and_party(project: Project) -> None:
    document = doc_id(project)
    treaty = project.add_span(document, *find(project, "اتفاقية عسكرية شاملة"), "TREATY_REF")
    russia = project.add_span(document, *find(project, "روسيا", 1), "GPE", ref="russia")
    project.apply(treaty)
    project.apply(russia)
    linked = project.link(treaty.span, "ru-kp-comprehensive-strategic-partnership-2024")
    project.apply(linked)
    article = project.set_attribute(linked.after, "article", "4")
    project.apply(article)
    dated = project.set_attribute(article.after, "date", "2024-06-19")
    project.apply(dated)
    project.apply(project.add_relation("PARTY", dated.after, russia.span))
    stored = next(s for s in project.spans(document) if s.label == "TREATY_REF")
    assert stored.ref == "ru-kp-comprehensive-strategic-partnership-2024"
    assert stored.attributes == {
        "treaty": "ru-kp-comprehensive-strategic-partnership-2024",
        "article": "4",
        "date": "2024-06-19",
    }
    with pytest.raises(InvalidEditError, match="date"):
        project.set_attribute(stored, "date", "19/06/2024")
    with pytest.raises(InvalidEditError, match="PARTY"):
        project.add_relation("PARTY", russia.span, stored)


def test_bad_edits_are_refused_with_a_reason(project: Project) -> None:
    document = doc_id(project)
    with pytest.raises(InvalidEditError, match="no label"):
        project.add_span(document, 0, 3, "PERSON")
    with pytest.raises(InvalidEditError, match="empty or reversed"):
        project.add_span(document, 5, 5, "PER")
    with pytest.raises(InvalidEditError, match="outside"):
        project.add_span(document, 0, 10**6, "PER")
    span = project.add_span(document, 0, 6, "PER").span
    with pytest.raises(InvalidEditError, match="itself"):
        project.add_relation("CLAIMANT", span, span)
    with pytest.raises(InvalidEditError, match="registry has no entry"):
        project.link(span, "atlantis")


def test_an_edit_that_no_longer_fits_is_refused_and_changes_nothing(project: Project) -> None:
    added = project.add_span(doc_id(project), 0, 6, "PER")
    project.apply(added)
    relabel = project.relabel(added.span, "GPE")
    project.apply(project.relabel(added.span, "ORG"))
    with pytest.raises(EditConflictError):
        project.apply(relabel)
    with pytest.raises(EditConflictError):
        project.apply(added)
    assert [s.label for s in project.spans(doc_id(project))] == ["ORG"]


def test_a_batch_with_a_failing_part_leaves_nothing(project: Project) -> None:
    document = doc_id(project)
    first = project.add_span(document, *find(project, "لافروف"), "PER")
    second = project.add_span(document, *find(project, "لافروف", 1), "PER")
    with pytest.raises(EditConflictError):
        project.apply(Batch("Annotate all", (first, second, first)))
    assert project.spans(document) == []
    project.apply(Batch("Annotate all", (first, second)))
    assert len(project.spans(document)) == 2


def test_the_edit_log_records_who_did_what_and_when(project: Project) -> None:
    added = project.add_span(doc_id(project), 0, 6, "PER")
    project.apply(added)
    relabel = project.relabel(added.span, "GPE")
    project.apply(relabel)
    project.apply(inverse(relabel))
    log = project.repository.edit_log(doc_id(project))
    # The first edit of a new document also marks it in progress, logged as the analyst's too.
    assert [entry["action"] for entry in log] == [
        "Add PER",
        "Mark in_progress",
        "Relabel PER as GPE",
        "Relabel GPE as PER",
    ]
    assert all(entry["annotator"] == "amal" and entry["at"] for entry in log)
    assert '"label": "GPE"' in (log[2]["after"] or "")
    assert describe(added) == "Add PER"


def test_a_layer_is_read_back_in_reading_order_nested_and_tied_spans_included(project: Project) -> None:
    document = doc_id(project)
    text = project.document(document).text
    chooser = random.Random(7)
    for _ in range(60):
        start = chooser.randrange(0, 40)
        end = chooser.randrange(start + 1, start + 12)
        project.apply(project.add_span(document, start, end, chooser.choice(["PER", "ORG", "GPE"])))
    read = reopen(project).spans(document)
    assert len(read) == 60 and all(span.text == text[span.start : span.end] for span in read)
    assert read == sorted(read, key=reading_order)
    assert len({span.start for span in read}) < 40, "some spans start together"
