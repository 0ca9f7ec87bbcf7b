"""``hashiya agreement``: the figures printed per document, per label and over the corpus."""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.agreement.table import agreement_table
from annotator.model import GOLD, DocumentStatus
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.text_import import IncomingText
from cli.agreement_command import agreement
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.storage.test_review_storage import TEAMMATE, make_layers

WORDS = ["زيد", "عمرو", "خالد", "بكر", "سعيد"]
TEXT = " ".join(WORDS)
LABELS = ("PER", "ORG", "GPE")


def word(index: int) -> tuple[int, int]:
    start = TEXT.index(WORDS[index])
    return start, start + len(WORDS[index])


def tag(project: Project, document_id: str, annotator: str, extent: tuple[int, int], label: str) -> None:
    project.apply(Project(project.repository, annotator).add_span(document_id, *extent, label))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project holding the five names, made once: each test copies it (a new project costs more than a copy)."""
    path = tmp_path_factory.mktemp("names") / "names.hashiya"
    project = Project(SqliteRepository.open(path), "amal")
    project.import_texts([IncomingText("خمسة أسماء", "names.txt", TEXT, {})])
    project.close()
    return path


def small_project(template: Path, path: Path) -> tuple[Project, str]:
    shutil.copyfile(template, path)
    project = Project(SqliteRepository.open(path), "amal")
    [document] = project.documents()
    return project, document.id


@pytest.fixture
def names(template: Path, tmp_path: Path) -> Iterator[tuple[Project, str]]:
    """Four names; A tags the 1st PER and the 3rd ORG, B the 1st PER and the 2nd ORG, C the same as A."""
    project, document_id = small_project(template, tmp_path / "names.hashiya")
    for annotator, other in (("amal", 2), ("bilal", 1), ("carim", 2)):
        tag(project, document_id, annotator, word(0), "PER")
        tag(project, document_id, annotator, word(other), "ORG")
    yield project, document_id
    project.close()


def run(project: Project, annotators: list[str], *, as_json: bool = False, document_id: str | None = None) -> str:
    out = io.StringIO()
    assert agreement(project, annotators, as_json, document_id, out) == 0
    return out.getvalue()


def test_two_layers_hand_computed(names: tuple[Project, str]) -> None:
    project, document_id = names
    figures = json.loads(run(project, ["amal", "bilal"], as_json=True))
    [document] = figures["documents"]
    assert document["id"] == document_id and document["title"] == "خمسة أسماء"
    # Tokens: amal PER - ORG - -, bilal PER ORG - - -: observed 3/5, expected (1+1+9)/25.
    kappa = document["token_kappa"]
    assert kappa["measure"] == "cohen" and kappa["tokens"] == 5
    assert kappa["value"] == pytest.approx((3 / 5 - 11 / 25) / (1 - 11 / 25))
    # alpha: 10 values, 4 of them in disagreeing pairs; n_PER 2, n_ORG 2, n_none 6.
    assert document["krippendorff_alpha"]["value"] == pytest.approx(1 - (4 / 10) / ((100 - 4 - 4 - 36) / 90))
    [pair] = document["exact"]["pairs"]
    assert (pair["reference"], pair["predicted"], pair["matched"], pair["precision"], pair["recall"]) == (
        "amal",
        "bilal",
        1,
        0.5,
        0.5,
    )
    assert document["exact"]["f1"] == 0.5 and document["overlap"]["f1"] == 0.5
    labels = {row["label"]: row for row in document["labels"]}
    assert labels["PER"]["exact_f1"] == 1.0 and labels["ORG"]["exact_f1"] == 0.0
    assert labels["PER"]["alpha_u"] == pytest.approx(1.0)
    assert figures["corpus"]["documents"] == 1


def test_three_layers_use_fleiss_kappa(names: tuple[Project, str]) -> None:
    project, _document_id = names
    figures = json.loads(run(project, ["amal", "bilal", "carim"], as_json=True))
    kappa = figures["corpus"]["token_kappa"]
    # Per token agreement 1, 1/3, 1/3, 1, 1 -> 11/15; category shares PER 3/15, ORG 3/15, none 9/15.
    expected = (9 + 9 + 81) / 225
    assert kappa["measure"] == "fleiss"
    assert kappa["value"] == pytest.approx((11 / 15 - expected) / (1 - expected))
    text = run(project, ["amal", "bilal", "carim"])
    assert "Fleiss' kappa" in text and " P " not in text


def test_text_output_names_the_measures_per_document_label_and_corpus(names: tuple[Project, str]) -> None:
    project, document_id = names
    text = run(project, ["amal", "bilal"])
    assert f"document {document_id}" in text
    assert "exact    P 0.500  R 0.500  F1 0.500" in text
    assert f"Cohen's kappa {(3 / 5 - 11 / 25) / (1 - 11 / 25):.3f}" in text
    assert "corpus (1 document(s))" in text
    assert "    ORG" in text and "    PER" in text


def test_only_documents_someone_annotated_are_compared(tmp_path: Path) -> None:
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "tester")
    project.import_paths(sorted(CORPUS.glob("*.txt")))
    layers = make_layers(project, tmp_path)
    figures = json.loads(run(project, ["tester", TEAMMATE], as_json=True))
    assert [d["id"] for d in figures["documents"]] == [layers.document_id]
    # Same label and extent: PER, GPE and CLAIM of 6 spans each; by overlap the agency's ORG too.
    assert figures["corpus"]["exact"]["f1"] == pytest.approx(3 / 6)
    assert figures["corpus"]["overlap"]["f1"] == pytest.approx(4 / 6)
    one = json.loads(run(project, ["tester", TEAMMATE], as_json=True, document_id=layers.document_id))
    assert one["documents"][0]["exact"] == figures["documents"][0]["exact"]
    project.close()


def test_unusable_arguments_are_clear_errors(names: tuple[Project, str]) -> None:
    project, _document_id = names
    with pytest.raises(ProjectError, match="at least two"):
        run(project, ["amal"])
    with pytest.raises(ProjectError, match="no layer 'nobody'"):
        run(project, ["amal", "nobody"])
    with pytest.raises(ProjectError, match="only once"):
        run(project, ["amal", "amal"])
    with pytest.raises(ProjectError, match="no document"):
        run(project, ["amal", "bilal"], document_id="missing")
    document_id = project.documents()[0].id
    for empty in ("dina", GOLD):
        project.repository.set_status(document_id, empty, DocumentStatus.IN_PROGRESS)
    with pytest.raises(ProjectError, match="nothing to compare"):
        run(project, ["dina", GOLD])


# -- properties -------------------------------------------------------------------------------------

extents = st.tuples(st.integers(0, 3), st.integers(1, 4)).map(lambda p: (p[0], min(4, p[0] + p[1])))
layer_spans = st.lists(st.tuples(extents, st.sampled_from(LABELS)), min_size=1, max_size=5)


def _extent(first: int, stop: int) -> tuple[int, int]:
    return word(first)[0], word(stop - 1)[1]


def _figures(template: Path, spans_a: list[Any], spans_b: list[Any], annotators: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        project, document_id = small_project(template, Path(folder) / "p.hashiya")
        try:
            for annotator, spans in (("amal", spans_a), ("bilal", spans_b)):
                for (first, stop), label in spans:
                    tag(project, document_id, annotator, _extent(first, stop), label)
            result: dict[str, Any] = json.loads(run(project, annotators, as_json=True))["corpus"]
            return result
        finally:
            project.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layer_spans)
def test_identical_layers_agree_fully(template: Path, spans: list[Any]) -> None:
    # The last word is never tagged, so "no label" is always one of the categories.
    figures = _figures(template, spans, spans, ["amal", "bilal"])
    assert figures["exact"]["f1"] == 1.0 and figures["overlap"]["f1"] == 1.0
    assert figures["token_kappa"]["value"] == pytest.approx(1.0)
    assert figures["krippendorff_alpha"]["value"] == pytest.approx(1.0)
    assert figures["alpha_u"] == pytest.approx(1.0)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layer_spans, layer_spans)
def test_symmetric_measures_do_not_depend_on_the_order_of_layers(template: Path, a: list[Any], b: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project, document_id = small_project(template, Path(folder) / "p.hashiya")
        try:
            for annotator, spans in (("amal", a), ("bilal", b)):
                for (first, stop), label in spans:
                    tag(project, document_id, annotator, _extent(first, stop), label)
            forwards = agreement_table(project, ["amal", "bilal"]).rows[0]
            backwards = agreement_table(project, ["bilal", "amal"]).rows[0]
        finally:
            project.close()
    for name in ("exact_f1", "overlap_f1", "kappa", "alpha", "alpha_u"):
        assert getattr(forwards, name) == pytest.approx(getattr(backwards, name)), name
    assert forwards.exact_precision == backwards.exact_recall
    assert forwards.overlap_recall == backwards.overlap_precision
    assert forwards.spans == tuple(reversed(backwards.spans))
