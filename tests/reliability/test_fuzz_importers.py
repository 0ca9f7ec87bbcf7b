"""Thousands of malformed files through every importer: a message, never a traceback, never half an import."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.exchange import ExportFormat, ImportInto, _labels, export_layer, import_records
from annotator.formats import ImportFailed, ImportFormat, read_file, validate
from annotator.project import Project
from annotator.repository import ProjectError
from storage.sqlite_repository import SqliteRepository
from tests.reliability.mutations import dumps, mutate_bytes, mutate_lines, mutate_value, write_new

EXAMPLES_PER_SEED = 2500
LINE_LIMIT = 64 * 1024
# Keys whose contents the importer mostly ignores: damage there is mostly harmless, so it is drawn less.
SELDOM = {ImportFormat.PRODIGY: frozenset({"tokens"})}

# Short texts keep every example fast; they carry what offsets trip on (astral emoji, NBSP, diacritics).
TEXTS = [
    "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو 👍🏽 تدعم بيونغ\u00a0يانغ في مواجهة العقوبات الأمريكية الجديدة.",
    "نفت وزارة الدفاع الكورية الجنوبية تقارير عن نشر قوات روسية قرب الحدود، وقالت إن المعاهدة لم تُوقَّع بعد.",
]

SEEDS: dict[str, tuple[ExportFormat, ImportFormat]] = {
    "native": (ExportFormat.NATIVE, ImportFormat.NATIVE),
    "doccano": (ExportFormat.DOCCANO, ImportFormat.DOCCANO),
    "doccano-labels": (ExportFormat.DOCCANO_LABELS, ImportFormat.DOCCANO),
    "prodigy": (ExportFormat.SPACY, ImportFormat.PRODIGY),
    "labelstudio": (ExportFormat.LABELSTUDIO, ImportFormat.LABELSTUDIO),
}


def annotate(project: Project) -> None:
    """A small layer with nesting, a claim and relations, on two sample articles."""
    for summary in project.documents():
        text = project.document(summary.id).text
        words = [index for index, char in enumerate(text) if char == " "][:9]
        spans = []
        for number, (start, end) in enumerate(itertools.pairwise(words)):
            label = ("PER", "GPE", "ORG", "CLAIM")[number % 4]
            edit = project.add_span(summary.id, start + 1, end, label)
            project.apply(edit)
            spans.append(edit.span)
        project.apply(project.add_span(summary.id, words[0] + 1, words[3], "EVENT"))
        claim = next(span for span in spans if span.label == "CLAIM")
        person = next(span for span in spans if span.label == "PER")
        project.apply(project.add_relation("CLAIMANT", claim, person))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    folder = tmp_path_factory.mktemp("fuzz")
    repository = SqliteRepository.open(folder / "fuzz.hashiya")
    repository.db.execute("PRAGMA synchronous = OFF")  # durability is tested elsewhere; here, speed
    project = Project(repository, "huda")
    for number, text in enumerate(TEXTS):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    project.import_paths(sorted(folder.glob("*.txt")))
    annotate(project)
    yield project
    project.close()


def project_state(project: Project) -> str:
    repository = project.repository
    assert isinstance(repository, SqliteRepository)
    digest = hashlib.sha256()
    for table in ("documents", "annotators", "spans", "relations", "document_status"):
        for row in repository.db.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
    # The log only grows: its length and last row say whether anything was added.
    digest.update(repr(repository.db.execute("SELECT count(*), max(id) FROM edit_log").fetchone()).encode())
    return digest.hexdigest()


def seed_file(project: Project, name: str, folder: Path) -> bytes:
    export, _ = SEEDS[name]
    target = folder / f"seed-{name}.{'json' if export is ExportFormat.LABELSTUDIO else 'jsonl'}"
    export_layer(project, export, target, "huda")
    return target.read_bytes()


def parsed(raw: bytes, fmt: ImportFormat) -> list[Any]:
    if fmt is ImportFormat.LABELSTUDIO:
        return [json.loads(raw)]
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def malformed(data: st.DataObject, raw: bytes, fmt: ImportFormat) -> bytes:
    kind = data.draw(st.sampled_from(["value", "value", "value", "bytes", "lines"]), label="kind")
    if kind == "bytes":
        return mutate_bytes(data, raw)
    if kind == "lines" and fmt is not ImportFormat.LABELSTUDIO:
        return mutate_lines(data, raw, LINE_LIMIT)
    documents = parsed(raw, fmt)
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        index = data.draw(st.integers(0, len(documents) - 1), label="document")
        documents[index] = mutate_value(data, documents[index], SELDOM.get(fmt, frozenset()))
    return b"\n".join(dumps(document, data) for document in documents)


def check_one(project: Project, path: Path, fmt: ImportFormat) -> str:
    """Validate and import ``path``; say how it ended. Any other exception fails the test."""
    labels, relations = _labels(project)
    problems = validate(path, labels, relations, fmt, max_line_bytes=LINE_LIMIT)
    assert all(str(problem).strip() for problem in problems)
    before = project_state(project)
    try:
        records = read_file(path, "fuzz", fmt, labels, relations, max_line_bytes=LINE_LIMIT)
        # Each accepted example goes over the layer the one before stored.
        import_records(project, records, None if fmt is ImportFormat.NATIVE else "fuzz", ImportInto.REPLACE)
    except ImportFailed as failure:
        assert failure.problems and all(str(problem).strip() for problem in failure.problems)
        assert problems, "validate passed a file that the import refused"
        assert project_state(project) == before
        return "refused"
    except (ValueError, ProjectError) as error:
        assert str(error).strip()
        assert project_state(project) == before
        return "refused"
    assert not problems, f"the import took a file validate refused: {problems[:3]}"
    return "imported"


@pytest.mark.parametrize("name", list(SEEDS))
def test_malformed_files_are_refused_whole(project: Project, tmp_path: Path, name: str) -> None:
    _, fmt = SEEDS[name]
    raw = seed_file(project, name, tmp_path)
    suffix = "json" if fmt is ImportFormat.LABELSTUDIO else "jsonl"
    (tmp_path / f"seed.{suffix}").write_bytes(raw)
    assert check_one(project, tmp_path / f"seed.{suffix}", fmt) == "imported"
    target = tmp_path / f"case.{suffix}"
    outcomes: dict[str, int] = {"refused": 0, "imported": 0}

    @settings(
        max_examples=EXAMPLES_PER_SEED,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        write_new(target, malformed(data, raw, fmt))
        outcomes[check_one(project, target, fmt)] += 1

    run()
    print(f"{name}: {outcomes}")
    assert sum(outcomes.values()) >= EXAMPLES_PER_SEED
    assert outcomes["refused"] > EXAMPLES_PER_SEED // 2
