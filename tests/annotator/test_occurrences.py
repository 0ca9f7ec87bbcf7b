"""Annotate-all plans, suggestion surfaces from the registry and the project, rejected suggestions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.edits import AddSpan, Batch
from annotator.model import Span
from annotator.occurrences import (
    Occurrence,
    alias_groups,
    plan_annotate_all,
    registry_surfaces,
    rejected_from_json,
    rejected_resource_name,
    rejected_to_json,
    suggestion_surfaces,
    tagged_surfaces,
)
from annotator.project import InvalidEditError, Project
from annotator.search import NameGroup, SearchIndex
from annotator.suggest import Suggester, Surface
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS

PYONGYANG_ARTICLE = "002_b3cd881822282461"
TREATY = "ru-kp-comprehensive-strategic-partnership-2024"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    opened = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "tester")
    opened.import_paths(sorted(CORPUS.glob("*.txt")))
    yield opened
    opened.close()


def document_id(project: Project, stem: str) -> str:
    return next(d.id for d in project.documents() if project.document(d.id).source == f"{stem}.txt")


def occurrences_of(project: Project, doc: str, phrase: str) -> list[Occurrence]:
    text = project.document(doc).text
    found, start = [], text.find(phrase)
    while start >= 0:
        found.append(Occurrence(doc, start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return found


def test_alias_groups_are_the_registry_entries_spellings(project: Project) -> None:
    groups = alias_groups(project.registry)
    assert NameGroup(("بيونغ يانغ", "بيونج يانج", "بيونج يانغ")) in groups
    assert NameGroup(("سيرغي لافروف", "سيرجي لافروف"), ("لافروف",)) in groups
    assert NameGroup(("كيم جونغ أون", "كيم جونج أون"), ("كيم",)) in groups
    assert NameGroup(("الأمم المتحدة",), ("الأممية",)) in groups
    assert any("اتفاقية الشراكة الاستراتيجية" in group.forms for group in groups)
    russians = next(group for group in groups if "الروسي" in group.names)
    assert "روس" in russians.names and not russians.short


def test_registry_surfaces_carry_the_entity_type_or_treaty_ref(project: Project) -> None:
    surfaces = {(s.text, s.label, s.ref) for s in registry_surfaces(project.registry, project.schema)}
    assert ("بيونج يانج", "GPE", "pyongyang") in surfaces
    assert ("سيرجي لافروف", "PER", "sergey-lavrov") in surfaces
    assert ("الأميركية", "NORP", "americans") in surfaces
    assert ("اتفاقية الشراكة الاستراتيجية", "TREATY_REF", TREATY) in surfaces
    assert all(s.source == "registry" for s in registry_surfaces(project.registry, project.schema))


def test_tagged_surfaces_leave_claims_out(project: Project) -> None:
    doc = document_id(project, PYONGYANG_ARTICLE)
    text = project.document(doc).text
    start = text.index("موسكو")
    claim_start = text.index("الشراكة")
    spans: list[Span] = [
        project.add_span(doc, start, start + 5, "GPE").span,
        project.add_span(doc, claim_start, claim_start + 20, "CLAIM").span,
    ]
    # موسكو names the registry's Moscow exactly: tagged by hand, it is linked to it.
    assert tagged_surfaces(spans, project.schema) == [Surface("موسكو", "GPE", "moscow", "project")]
    surfaces = suggestion_surfaces(project.registry, project.schema, spans)
    assert surfaces[-1] == Surface("موسكو", "GPE", "moscow", "project")


def test_a_tagged_text_is_suggested_again_where_it_recurs(project: Project) -> None:
    doc = document_id(project, PYONGYANG_ARTICLE)
    text = project.document(doc).text
    start = text.index("بوتين")
    span = project.add_span(doc, start, start + len("بوتين"), "PER").span
    surfaces = tagged_surfaces([span], project.schema)
    suggestions = Suggester(surfaces).suggest(text, existing=[(span.start, span.end, span.label)])
    assert len(suggestions) == text.count("بوتين") - 1
    assert all(text[s.start : s.end] == "بوتين" and s.label == "PER" for s in suggestions)


def test_plan_links_every_span_and_skips_those_already_tagged(project: Project) -> None:
    doc = document_id(project, PYONGYANG_ARTICLE)
    hits = SearchIndex()
    hits.add(doc, project.document(doc).text)
    found = hits.search("بيونغ يانغ", alias_groups=alias_groups(project.registry)).hits
    assert len(found) >= 3
    first = found[0]
    project.apply(project.add_span(doc, first.start, first.end, "GPE"))
    second = found[1]
    project.apply(project.add_span(doc, second.start, second.end, "LOC"))
    occurrences = [Occurrence(hit.doc_id, hit.start, hit.end) for hit in found]

    plan = plan_annotate_all(project, occurrences, "GPE", "pyongyang")

    assert plan.already_tagged == (occurrences[0],)
    assert len(plan.batches) == 1
    batch = plan.batches[0]
    assert batch.name == f"Annotate {len(found) - 1} occurrences as GPE"
    made = [edit.span for edit in batch.edits if isinstance(edit, AddSpan)]
    assert [(s.start, s.end) for s in made] == [(o.start, o.end) for o in occurrences[1:]]
    text = project.document(doc).text
    for span in made:
        assert span.label == "GPE" and span.ref == "pyongyang" and span.annotator == "tester"
        assert text[span.start : span.end] == span.text
    project.apply(batch)
    stored = [s for s in project.spans(doc) if s.label == "GPE"]
    assert len(stored) == len(found)


def test_plan_for_a_treaty_sets_its_treaty_attribute(project: Project) -> None:
    doc = document_id(project, PYONGYANG_ARTICLE)
    occurrences = occurrences_of(project, doc, "الشراكة")
    assert occurrences
    plan = plan_annotate_all(project, occurrences[:1], "TREATY_REF", TREATY)
    (edit,) = plan.batches[0].edits
    assert isinstance(edit, AddSpan)
    assert edit.span.ref == TREATY
    assert edit.span.attributes["treaty"] == TREATY


def test_plan_keeps_one_batch_per_document_with_the_current_one_last(project: Project) -> None:
    docs = [d.id for d in project.documents()]
    occurrences = [o for doc in docs for o in occurrences_of(project, doc, "روسيا")[:2]]
    current = docs[0]
    plan = plan_annotate_all(project, occurrences, "GPE", "russia", last_document=current)
    assert [batch.edits[0].span.document_id for batch in plan.batches if isinstance(batch.edits[0], AddSpan)][
        -1
    ] == current
    assert len(plan.batches) == len({o.document_id for o in occurrences})
    assert plan.span_count == len(occurrences)
    for batch in plan.batches:
        assert isinstance(batch, Batch)
        assert len({edit.span.document_id for edit in batch.edits if isinstance(edit, AddSpan)}) == 1


def test_plan_skips_repeated_occurrences_and_refuses_unknown_labels(project: Project) -> None:
    doc = document_id(project, PYONGYANG_ARTICLE)
    (first, *_rest) = occurrences_of(project, doc, "روسيا")
    plan = plan_annotate_all(project, [first, first], "GPE")
    assert plan.span_count == 1 and plan.already_tagged == (first,)
    with pytest.raises(InvalidEditError):
        plan_annotate_all(project, [first], "NOT_A_LABEL")
    with pytest.raises(InvalidEditError):
        plan_annotate_all(project, [first], "GPE", "no-such-entry")


def test_rejected_suggestions_round_trip_and_ignore_garbage() -> None:
    rejected = {(10, 15, "GPE"), (3, 7, "PER")}
    assert rejected_from_json(rejected_to_json(rejected)) == rejected
    assert rejected_to_json(rejected) == '[[3, 7, "PER"], [10, 15, "GPE"]]'
    assert rejected_from_json(None) == set()
    assert rejected_from_json("not json") == set()
    assert rejected_from_json('[[1, 2], [true, 3, "X"], [1, 2, "GPE"], {"a": 1}]') == {(1, 2, "GPE")}
    assert rejected_resource_name("abc", "tester") == "rejected-suggestions/abc/tester"
