"""The adjudication service: decisions as edits into gold, relations that come along, status."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.agreement import ComparisonUnit
from annotator.edits import Batch, DecisionChoice, Edit, RecordDecision, inverse
from annotator.model import GOLD, DocumentStatus, Span, SpanKind
from annotator.project import Project
from annotator.review import (
    Review,
    ReviewError,
    accept_full_agreements,
    decide,
    differences_of,
    is_full_agreement,
    load_review,
    next_disagreement,
    review_after,
    settle_status,
    unit_key,
)
from annotator.session import DocumentSession
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.storage.test_review_storage import (
    CLAIM,
    KCNA,
    KCNA_SHORT,
    LAVROV_NAME,
    MINISTER,
    RUSSIA,
    RUSSIAN,
    TEAMMATE,
    TREATY,
    Layers,
    make_layers,
)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = Project(SqliteRepository.open(tmp_path / "review.hashiya"), "tester")
    project.import_paths([CORPUS / "003_6ce7f2ee4d1dc447.txt"])
    yield project
    project.close()


@pytest.fixture
def layers(project: Project, tmp_path: Path) -> Layers:
    return make_layers(project, tmp_path)


def review_of(project: Project, layers: Layers) -> Review:
    return load_review(project, layers.document_id, "tester", TEAMMATE)


def unit_of(review: Review, a_text: str | None, b_text: str | None) -> ComparisonUnit:
    for unit in review.units:
        if (unit.a.text if unit.a else None, unit.b.text if unit.b else None) == (a_text, b_text):
            return unit
    raise AssertionError((a_text, b_text))


def settle(project: Project, layers: Layers, a_text: str | None, b_text: str | None, choice: DecisionChoice) -> Batch:
    review = review_of(project, layers)
    edit = decide(project, review, unit_of(review, a_text, b_text), choice)
    project.apply(edit)
    return edit


def gold(project: Project, layers: Layers) -> list[Span]:
    return project.spans(layers.document_id, GOLD)


def test_accept_all_full_agreements_is_one_batch_of_the_agreed_units_only(project: Project, layers: Layers) -> None:
    review = review_of(project, layers)
    edit = accept_full_agreements(project, review)
    assert edit is not None
    assert sum(isinstance(part, RecordDecision) for part in edit.edits) == 2
    project.apply(edit)
    # The claim has the same extent and label but another stance: not a full agreement.
    assert sorted((s.text, s.label) for s in gold(project, layers)) == sorted([(LAVROV_NAME, "PER"), (RUSSIA, "GPE")])
    assert accept_full_agreements(project, review_of(project, layers)) is None
    project.apply(inverse(edit))
    assert gold(project, layers) == []
    assert project.repository.decisions(layers.document_id, "tester", TEAMMATE) == []


def test_gold_copies_get_new_ids_and_keep_labels_attributes_and_extent(project: Project, layers: Layers) -> None:
    settle(project, layers, CLAIM, CLAIM, DecisionChoice.ACCEPT_B)
    [copy] = gold(project, layers)
    source = unit_of(review_of(project, layers), CLAIM, CLAIM).b
    assert source is not None
    assert copy.id != source.id
    assert (copy.start, copy.end, copy.label, copy.kind, copy.attributes["stance"]) == (
        source.start,
        source.end,
        "CLAIM",
        source.kind,
        "denied",
    )


def test_relations_come_along_when_both_ends_are_accepted(project: Project, layers: Layers) -> None:
    settle(project, layers, CLAIM, CLAIM, DecisionChoice.ACCEPT_A)
    assert project.relations(layers.document_id, GOLD) == []
    settle(project, layers, KCNA, KCNA_SHORT, DecisionChoice.ACCEPT_B)
    by_id = {s.id: s for s in gold(project, layers)}
    relations = project.relations(layers.document_id, GOLD)
    # The agency came from B, so B's SOURCE comes first; A's CLAIMANT between the same units does not.
    assert [(r.label, by_id[r.head].text, by_id[r.tail].text) for r in relations] == [("SOURCE", CLAIM, KCNA_SHORT)]


def test_no_relation_comes_along_when_an_end_is_rejected(project: Project, layers: Layers) -> None:
    settle(project, layers, KCNA, KCNA_SHORT, DecisionChoice.REJECT)
    settle(project, layers, CLAIM, CLAIM, DecisionChoice.ACCEPT_A)
    assert project.relations(layers.document_id, GOLD) == []
    assert [s.text for s in gold(project, layers)] == [CLAIM]


def test_deciding_again_replaces_the_gold_copy_and_its_relations(project: Project, layers: Layers) -> None:
    settle(project, layers, CLAIM, CLAIM, DecisionChoice.ACCEPT_A)
    settle(project, layers, KCNA, KCNA_SHORT, DecisionChoice.ACCEPT_A)
    assert [r.label for r in project.relations(layers.document_id, GOLD)] == ["CLAIMANT"]
    again = settle(project, layers, KCNA, KCNA_SHORT, DecisionChoice.REJECT)
    assert [s.text for s in gold(project, layers)] == [CLAIM]
    assert project.relations(layers.document_id, GOLD) == []
    [decision] = [
        d
        for d in project.repository.decisions(layers.document_id, "tester", TEAMMATE)
        if d.choice is DecisionChoice.REJECT
    ]
    assert decision.gold_span is None
    project.apply(inverse(again))
    assert sorted(s.text for s in gold(project, layers)) == sorted([CLAIM, KCNA])
    assert [r.label for r in project.relations(layers.document_id, GOLD)] == ["CLAIMANT"]


def test_a_side_without_a_span_cannot_be_accepted(project: Project, layers: Layers) -> None:
    review = review_of(project, layers)
    with pytest.raises(ReviewError, match="layer A has no span"):
        decide(project, review, unit_of(review, None, MINISTER), DecisionChoice.ACCEPT_A)
    with pytest.raises(ReviewError, match="layer B has no span"):
        decide(project, review, unit_of(review, TREATY, None), DecisionChoice.ACCEPT_B)


def test_gold_itself_is_not_adjudicated(project: Project, layers: Layers) -> None:
    settle(project, layers, RUSSIAN, RUSSIAN, DecisionChoice.ACCEPT_A)
    review = load_review(project, layers.document_id, "tester", GOLD)
    with pytest.raises(ReviewError, match="other than gold"):
        decide(project, review, review.units[0], DecisionChoice.ACCEPT_A)


def test_status_becomes_reviewed_when_every_unit_is_decided_and_goes_back_on_undo(
    project: Project, layers: Layers
) -> None:
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.NEW
    edits = [settle(project, layers, RUSSIAN, RUSSIAN, DecisionChoice.ACCEPT_B)]
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.IN_PROGRESS
    for a_text, b_text, choice in (
        (KCNA, KCNA_SHORT, DecisionChoice.ACCEPT_A),
        (TREATY, None, DecisionChoice.REJECT),
        (None, MINISTER, DecisionChoice.ACCEPT_B),
        (CLAIM, CLAIM, DecisionChoice.EDIT),
    ):
        edits.append(settle(project, layers, a_text, b_text, choice))
    agreements = accept_full_agreements(project, review_of(project, layers))
    assert agreements is not None
    project.apply(agreements)
    review = review_of(project, layers)
    assert review.all_decided
    assert settle_status(project, review) is DocumentStatus.REVIEWED
    assert project.repository.status(layers.document_id, GOLD) is DocumentStatus.REVIEWED
    project.apply(inverse(edits[-1]))
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.IN_PROGRESS


def test_gold_is_new_again_when_its_only_decision_is_undone(project: Project, layers: Layers) -> None:
    edit = settle(project, layers, RUSSIAN, RUSSIAN, DecisionChoice.ACCEPT_B)
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.IN_PROGRESS
    project.apply(inverse(edit))
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.NEW
    assert project.repository.status(layers.document_id, GOLD) is DocumentStatus.NEW


def test_gold_reviewed_then_every_decision_undone_is_new_again(project: Project, layers: Layers) -> None:
    edits = [
        settle(project, layers, a_text, b_text, choice)
        for a_text, b_text, choice in (
            (RUSSIAN, RUSSIAN, DecisionChoice.ACCEPT_B),
            (KCNA, KCNA_SHORT, DecisionChoice.ACCEPT_A),
            (TREATY, None, DecisionChoice.REJECT),
            (None, MINISTER, DecisionChoice.ACCEPT_B),
            (CLAIM, CLAIM, DecisionChoice.EDIT),
        )
    ]
    agreements = accept_full_agreements(project, review_of(project, layers))
    assert agreements is not None
    edits.append(agreements)
    project.apply(agreements)
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.REVIEWED
    for edit in reversed(edits[1:]):
        project.apply(inverse(edit))
        assert settle_status(project, review_of(project, layers)) is DocumentStatus.IN_PROGRESS
    project.apply(inverse(edits[0]))
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.NEW


def test_gold_stays_in_progress_while_another_pair_has_a_decision(project: Project, layers: Layers) -> None:
    reversed_pair = load_review(project, layers.document_id, TEAMMATE, "tester")
    project.apply(decide(project, reversed_pair, unit_of(reversed_pair, None, TREATY), DecisionChoice.REJECT))
    reversed_pair = load_review(project, layers.document_id, TEAMMATE, "tester")
    assert settle_status(project, reversed_pair) is DocumentStatus.IN_PROGRESS
    edit = settle(project, layers, RUSSIAN, RUSSIAN, DecisionChoice.ACCEPT_B)
    project.apply(inverse(edit))
    assert gold(project, layers) == []
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.IN_PROGRESS


def test_gold_edited_by_hand_stays_in_progress(project: Project, layers: Layers) -> None:
    edit = settle(project, layers, RUSSIAN, RUSSIAN, DecisionChoice.ACCEPT_B)
    other = settle(project, layers, KCNA, KCNA_SHORT, DecisionChoice.ACCEPT_A)
    project.apply(inverse(other))
    project.apply(inverse(edit))
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.NEW
    text = project.document(layers.document_id).text
    start = text.index(RUSSIAN)
    gold_project = Project(project.repository, GOLD)
    gold_project.apply(gold_project.add_span(layers.document_id, start, start + len(RUSSIAN), "GPE"))
    assert settle_status(project, review_of(project, layers)) is DocumentStatus.IN_PROGRESS


def test_next_disagreement_skips_full_agreements_and_wraps(project: Project, layers: Layers) -> None:
    review = review_of(project, layers)
    seen = []
    index = -1
    for _ in range(len(review.units)):
        unit = next_disagreement(review, index)
        assert unit is not None
        index = review.units.index(unit)
        if index in seen:
            break
        seen.append(index)
    texts = sorted((review.units[i].a or review.units[i].b).text for i in seen)  # type: ignore[union-attr]
    assert texts == sorted([RUSSIAN, KCNA, TREATY, MINISTER, CLAIM])
    assert all(not is_full_agreement(review.units[i]) for i in seen)


def test_differences_list_the_stance_and_the_relation(project: Project, layers: Layers) -> None:
    lines = differences_of(review_of(project, layers))
    assert any("stance" in line and "'asserted'" in line and "'denied'" in line for line in lines)
    assert any(line.startswith("relation CLAIMANT / SOURCE label_mismatch") for line in lines)


def assert_same_review(kept: Review, fresh: Review) -> None:
    assert kept.units == fresh.units
    assert kept.decisions == fresh.decisions
    assert {s.id: s for s in kept.gold_spans} == {s.id: s for s in fresh.gold_spans}
    assert {r.id: r for r in kept.gold_relations} == {r.id: r for r in fresh.gold_relations}


def test_a_review_kept_up_by_the_gold_sessions_changes_is_the_review_read_again(
    project: Project, layers: Layers
) -> None:
    """Decide, decide again, edit a gold copy, take a decision back, undo and redo, in a seeded
    random order: the review each change of the gold session gives is the one the store gives."""
    gold = DocumentSession(project, GOLD)
    gold.open(layers.document_id)
    kept = review_of(project, layers)
    done: list[Edit] = []
    undone: list[Edit] = []
    chooser = random.Random(15)
    touched_units: list[set[str]] = []
    related: list[int] = []

    def follow(change_edit: Edit) -> None:
        nonlocal kept
        before = kept
        kept, touched = review_after(kept, gold.apply(change_edit))
        assert kept.comparison is before.comparison, "gold's changes leave the comparison as it was"
        touched_units.append(touched)
        related.append(len(kept.gold_relations))
        assert_same_review(kept, review_of(project, layers))

    for _ in range(40):
        step = chooser.random()
        if step < 0.2 and done:
            edit = done.pop()
            follow(inverse(edit))
            undone.append(edit)
        elif step < 0.3 and undone:
            edit = undone.pop()
            follow(edit)
            done.append(edit)
        elif step < 0.4 and (copies := [s for s in kept.gold_spans if s.kind is SpanKind.ENTITY]):
            span = chooser.choice(copies)
            edit = project.relabel(
                span, chooser.choice([label for label in ("PER", "ORG", "GPE") if label != span.label])
            )
            follow(edit)
            assert touched_units[-1] == {key for key, d in kept.decisions.items() if d.gold_span == span.id}
            done.append(edit)
            undone.clear()
        else:
            unit = chooser.choice(kept.units)
            choices = [DecisionChoice.REJECT, DecisionChoice.EDIT]
            choices += [DecisionChoice.ACCEPT_A] if unit.a else []
            choices += [DecisionChoice.ACCEPT_B] if unit.b else []
            edit = decide(project, kept, unit, chooser.choice(choices))
            follow(edit)
            assert unit_key(unit) in touched_units[-1]
            done.append(edit)
            undone.clear()
    assert max(related) > 0, "relations came into gold along the way"
