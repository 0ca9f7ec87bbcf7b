"""Review decisions in a project file: stored, logged with who decided, undone, migrated.

``make_layers`` (used by the review tests of every layer) gives the Lavrov article a teammate's
layer with one disagreement of every kind, made in the teammate's own project file and brought
over through the native exchange format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.agreement import ComparisonUnit, UnitStatus
from annotator.edits import DecisionChoice, inverse
from annotator.exchange import ExportFormat, export_layer, import_file
from annotator.model import GOLD, Span
from annotator.project import Project
from annotator.repository import EditConflictError
from annotator.review import Review, decide, load_review, unit_key
from storage.migrations import SCHEMA_VERSION
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.storage.conftest import Store, store_of

LAVROV = "003_6ce7f2ee4d1dc447"
TEAMMATE = "samira"

MINISTER = "وزير الخارجية الروسي سيرغي لافروف"
LAVROV_NAME = "سيرغي لافروف"
RUSSIAN = "الروسي"
KCNA = "وكالة الأنباء المركزية الكورية الشمالية"
KCNA_SHORT = "وكالة الأنباء المركزية"
CLAIM = "الزيارة تتضمن اجتماعا بين وزيري خارجية البلدين"
TREATY = "اتفاقية عسكرية شاملة"
RUSSIA = "روسيا"


def where(text: str, phrase: str, inside: str | None = None) -> tuple[int, int]:
    """Offsets of ``phrase`` (its first occurrence within ``inside`` when given)."""
    base = text.index(inside) if inside else 0
    start = text.index(phrase, base)
    return start, start + len(phrase)


@dataclass
class Layers:
    document_id: str
    text: str
    mine: dict[str, Span]
    exchange_file: Path


def _tag(project: Project, document_id: str, extent: tuple[int, int], label: str) -> Span:
    edit = project.add_span(document_id, *extent, label)
    project.apply(edit)
    return edit.span


def _annotate(
    project: Project, document_id: str, labels: dict[str, str], extents: dict[str, tuple[int, int]]
) -> dict[str, Span]:
    return {name: _tag(project, document_id, extents[name], label) for name, label in labels.items()}


def lavrov_id(project: Project) -> str:
    return next(d.id for d in project.documents() if project.document(d.id).source == f"{LAVROV}.txt")


def make_layers(project: Project, folder: Path) -> Layers:
    """Annotate the Lavrov article in ``project``'s own layer, and import a teammate's export of it.

    Units, by design: LAVROV_NAME and RUSSIA fully agreed; RUSSIAN a label mismatch (NORP / GPE);
    KCNA a boundary mismatch (B has KCNA_SHORT); TREATY only in A; MINISTER only in B; CLAIM the
    same span with a different stance; the claim's relation to the agency CLAIMANT in A, SOURCE in B.
    """
    document_id = lavrov_id(project)
    text = project.document(document_id).text
    extents = {
        "lavrov": where(text, LAVROV_NAME),
        "russian": where(text, RUSSIAN, inside=MINISTER),
        "kcna": where(text, KCNA),
        "kcna_short": where(text, KCNA_SHORT),
        "claim": where(text, CLAIM),
        "treaty": where(text, TREATY),
        "russia": where(text, RUSSIA),
        "minister": where(text, MINISTER),
    }
    mine = _annotate(
        project,
        document_id,
        {"lavrov": "PER", "russian": "NORP", "kcna": "ORG", "claim": "CLAIM", "treaty": "TREATY_REF", "russia": "GPE"},
        extents,
    )
    project.apply(project.set_attribute(mine["claim"], "stance", "asserted"))
    mine["claim"] = project.spans(document_id)[[s.id for s in project.spans(document_id)].index(mine["claim"].id)]
    project.apply(project.add_relation("CLAIMANT", mine["claim"], mine["kcna"]))

    teammate = Project(SqliteRepository.open(folder / "teammate.hashiya"), TEAMMATE)
    try:
        teammate.import_paths([CORPUS / f"{LAVROV}.txt"])
        [theirs_doc] = [d.id for d in teammate.documents()]
        theirs = _annotate(
            teammate,
            theirs_doc,
            {
                "lavrov": "PER",
                "russian": "GPE",
                "kcna_short": "ORG",
                "claim": "CLAIM",
                "russia": "GPE",
                "minister": "PER",
            },
            extents,
        )
        teammate.apply(teammate.set_attribute(theirs["claim"], "stance", "denied"))
        claim = next(s for s in teammate.spans(theirs_doc) if s.id == theirs["claim"].id)
        teammate.apply(teammate.add_relation("SOURCE", claim, theirs["kcna_short"]))
        exchange_file = folder / "samira.jsonl"
        export_layer(teammate, ExportFormat.NATIVE, exchange_file, TEAMMATE)
    finally:
        teammate.close()
    import_file(project, exchange_file)
    return Layers(document_id, text, mine, exchange_file)


# -- tests ------------------------------------------------------------------------------------------


@pytest.fixture
def project(store: Store) -> Iterator[Project]:
    project = store.project("tester")
    project.import_paths(sorted(CORPUS.glob("*.txt")))
    yield project
    project.close()


def _unit(review: Review, a_text: str | None, b_text: str | None) -> ComparisonUnit:
    for unit in review.units:
        if (unit.a.text if unit.a else None, unit.b.text if unit.b else None) == (a_text, b_text):
            return unit
    raise AssertionError((a_text, b_text))


def test_the_scenario_has_every_kind_of_unit(project: Project, tmp_path: Path) -> None:
    layers = make_layers(project, tmp_path)
    review = load_review(project, layers.document_id, "tester", TEAMMATE)
    statuses = {(u.a.text if u.a else None, u.b.text if u.b else None): u.status for u in review.units}
    assert statuses == {
        (LAVROV_NAME, LAVROV_NAME): UnitStatus.AGREED,
        (RUSSIA, RUSSIA): UnitStatus.AGREED,
        (CLAIM, CLAIM): UnitStatus.AGREED,
        (RUSSIAN, RUSSIAN): UnitStatus.LABEL_MISMATCH,
        (KCNA, KCNA_SHORT): UnitStatus.BOUNDARY_MISMATCH,
        (TREATY, None): UnitStatus.ONLY_A,
        (None, MINISTER): UnitStatus.ONLY_B,
    }
    claim = _unit(review, CLAIM, CLAIM)
    assert [(d.name, d.a_value, d.b_value) for d in claim.attribute_differences] == [("stance", "asserted", "denied")]
    assert [(r.a.label if r.a else None, r.b.label if r.b else None) for r in review.comparison.relations] == [
        ("CLAIMANT", "SOURCE")
    ]


def test_a_decision_is_stored_logged_with_the_reviewer_and_undone(project: Project, tmp_path: Path) -> None:
    layers = make_layers(project, tmp_path)
    review = load_review(project, layers.document_id, "tester", TEAMMATE)
    unit = _unit(review, RUSSIAN, RUSSIAN)
    edit = decide(project, review, unit, DecisionChoice.ACCEPT_B)
    project.apply(edit)

    again = store_of(project).project("tester")
    [decision] = again.repository.decisions(layers.document_id, "tester", TEAMMATE)
    assert (decision.choice, decision.decided_by, decision.unit) == (DecisionChoice.ACCEPT_B, "tester", unit_key(unit))
    [gold] = again.spans(layers.document_id, GOLD)
    assert (gold.label, gold.text, gold.annotator) == ("GPE", RUSSIAN, GOLD)
    assert gold.id not in {unit.a.id if unit.a else "", unit.b.id if unit.b else ""}
    assert decision.gold_span == gold.id
    assert again.repository.decisions(layers.document_id) == [decision]
    log = again.repository.edit_log(layers.document_id)
    assert log[-1]["annotator"] == "tester" and log[-1]["action"] == "Accept B GPE"
    assert '"choice": "accept_b"' in (log[-1]["after"] or "")

    again.apply(inverse(edit))
    assert again.repository.decisions(layers.document_id, "tester", TEAMMATE) == []
    assert again.repository.decisions(layers.document_id) == []
    assert again.spans(layers.document_id, GOLD) == []
    assert again.repository.edit_log(layers.document_id)[-1]["action"] == "Accept B GPE"
    again.close()


def test_taking_back_a_decision_that_changed_elsewhere_is_refused(project: Project, tmp_path: Path) -> None:
    layers = make_layers(project, tmp_path)
    review = load_review(project, layers.document_id, "tester", TEAMMATE)
    unit = _unit(review, TREATY, None)
    first = decide(project, review, unit, DecisionChoice.REJECT)
    project.apply(first)
    second = decide(
        project, load_review(project, layers.document_id, "tester", TEAMMATE), unit, DecisionChoice.ACCEPT_A
    )
    project.apply(second)
    with pytest.raises(EditConflictError):
        project.apply(inverse(first))
    [stored] = project.repository.decisions(layers.document_id, "tester", TEAMMATE)
    assert stored.choice is DecisionChoice.ACCEPT_A


def test_recording_the_same_unit_twice_is_a_conflict(project: Project, tmp_path: Path) -> None:
    layers = make_layers(project, tmp_path)
    review = load_review(project, layers.document_id, "tester", TEAMMATE)
    edit = decide(project, review, _unit(review, TREATY, None), DecisionChoice.REJECT)
    project.apply(edit)
    with pytest.raises(EditConflictError):
        project.apply(edit)
    assert len(project.repository.decisions(layers.document_id, "tester", TEAMMATE)) == 1


def test_decisions_table_comes_with_the_latest_migration(tmp_path: Path) -> None:
    repository = SqliteRepository.open(tmp_path / "fresh.hashiya")
    try:
        columns = {column.name for column in repository.db.table("review_decisions").columns}
        assert columns == {
            "document_id",
            "layer_a",
            "layer_b",
            "unit",
            "choice",
            "source_span",
            "gold_span",
            "decided_by",
            "decided_at",
        }
        assert repository.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 9
    finally:
        repository.close()
